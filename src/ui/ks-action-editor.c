/* ks-action-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-action-editor.h"
#include "ks-error.h"
#include "ks-plan-widgets.h"

struct _KsActionEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  gint64 account_id;
  KsAction *action;         /* the copy being edited */
  gboolean is_new;

  /* template children */
  AdwWindowTitle *window_title;
  AdwEntryRow *title_row;
  AdwEntryRow *owner_row;
  AdwEntryRow *due_row;
  AdwComboRow *status_row;
  AdwComboRow *metric_row;
  GtkTextView *notes_view;
  GtkLabel *details_error;
  GtkLabel *notes_error;
};

G_DEFINE_FINAL_TYPE (KsActionEditor, ks_action_editor, ADW_TYPE_WINDOW)

static void
clear_errors (KsActionEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->owner_row),
    GTK_WIDGET (self->due_row), GTK_WIDGET (self->notes_view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    ks_plan_show_field_error (fields[i], NULL, NULL);
  ks_plan_hide_error (self->details_error);
  ks_plan_hide_error (self->notes_error);
}

static char *
get_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
text_too_long (const char *text,
               gsize       max)
{
  return text != NULL && (gsize) g_utf8_strlen (text, -1) > max;
}

/* The field a refusal is about, so the message stands beside what to fix; NULL when it
 * is about none (the database said no). */
static GtkWidget *
find_error_field (KsActionEditor *self,
                  const KsAction *edited,
                  const GError   *error)
{
  GDate date;

  if (!g_error_matches (error, KS_ERROR, KS_ERROR_INVALID))
    return NULL;
  if (edited->title == NULL || *edited->title == '\0' ||
      text_too_long (edited->title, KS_PLAN_TEXT_MAX))
    return GTK_WIDGET (self->title_row);
  if (text_too_long (edited->owner, KS_PLAN_NAME_MAX))
    return GTK_WIDGET (self->owner_row);
  if (edited->due != NULL && !ks_plan_parse_date (edited->due, &date))
    return GTK_WIDGET (self->due_row);
  if (text_too_long (edited->notes, KS_PLAN_TEXT_MAX))
    return GTK_WIDGET (self->notes_view);
  return GTK_WIDGET (self->title_row);
}

gboolean
ks_action_editor_save (KsActionEditor *self)
{
  g_autoptr(KsAction) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  GtkWidget *field;

  g_return_val_if_fail (KS_IS_ACTION_EDITOR (self), FALSE);

  clear_errors (self);

  edited = ks_action_copy (self->action);
  g_free (edited->title);
  edited->title = get_stripped (self->title_row);
  g_free (edited->owner);
  edited->owner = get_stripped (self->owner_row);
  due = get_stripped (self->due_row);
  g_free (edited->due);
  edited->due = *due != '\0' ? g_steal_pointer (&due) : NULL;
  edited->status = adw_combo_row_get_selected (self->status_row);
  edited->metric = (int) adw_combo_row_get_selected (self->metric_row) - 1;
  g_free (edited->notes);
  edited->notes = ks_plan_text_view_get_text (self->notes_view);

  if (!ks_action_validate (edited, &error) ||
      !ks_store_save_action (self->store, self->account_id, edited, &error))
    {
      field = find_error_field (self, edited, error);
      ks_plan_show_field_error (field,
                                field == GTK_WIDGET (self->notes_view) ? self->notes_error
                                                                       : self->details_error,
                                error->message);
      if (field != NULL)
        gtk_widget_grab_focus (field);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ks_action_editor_save (KS_ACTION_EDITOR (widget));
}

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

static void
fill_form (KsActionEditor *self,
           KsAccount      *account)
{
  KsAction *action = self->action;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), action->title ? action->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), action->owner ? action->owner : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), action->due ? action->due : "");
  if ((guint) action->status < KS_N_ACTION_STATUSES)
    adw_combo_row_set_selected (self->status_row, action->status);
  if (action->metric >= -1 && action->metric < KS_N_TARGET_METRICS)
    adw_combo_row_set_selected (self->metric_row, action->metric + 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            action->notes ? action->notes : "", -1);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Action") : _("Edit Action"));
  adw_window_title_set_subtitle (self->window_title, ks_account_get_name (account));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
ks_action_editor_dispose (GObject *object)
{
  KsActionEditor *self = KS_ACTION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->action, ks_action_free);

  G_OBJECT_CLASS (ks_action_editor_parent_class)->dispose (object);
}

static void
ks_action_editor_class_init (KsActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_action_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsActionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsActionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, KsActionEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KsActionEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, KsActionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, KsActionEditor, metric_row);
  gtk_widget_class_bind_template_child (widget_class, KsActionEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KsActionEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, KsActionEditor, notes_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_action_editor_init (KsActionEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);
  AdwEntryRow *entries[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < KS_N_ACTION_STATUSES; i++)
    gtk_string_list_append (statuses, ks_action_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  /* Translators: an action that serves no particular target */
  gtk_string_list_append (metrics, C_("target", "None"));
  for (guint i = 0; i < KS_N_TARGET_METRICS; i++)
    gtk_string_list_append (metrics, ks_target_metric_get_label (i));
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (metrics));

  /* Enter in a one-line field saves, as in every GNOME dialog. */
  entries[0] = self->title_row;
  entries[1] = self->owner_row;
  entries[2] = self->due_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (ks_action_editor_save), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_field_changed), NULL);
    }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self->notes_view);

  /* Ctrl+Enter saves from any field, the text views too. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsActionEditor *
ks_action_editor_new (KsStore        *store,
                      KsAccount      *account,
                      const KsAction *action)
{
  KsActionEditor *self;
  GtkWidget *date_button;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_ACTION_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->account_id = ks_account_get_id (account);
  self->is_new = action == NULL || action->id == 0;
  if (action != NULL)
    {
      self->action = ks_action_copy (action);
    }
  else
    {
      self->action = ks_action_new ();
      g_free (self->action->owner);
      self->action->owner = g_strdup (ks_account_get_owner (account));
      self->action->status = KS_ACTION_OPEN;
      self->action->metric = -1;
    }

  date_button = ks_plan_date_button_new (GTK_EDITABLE (self->due_row), store);
  adw_entry_row_add_suffix (self->due_row, date_button);

  fill_form (self, account);
  return self;
}
