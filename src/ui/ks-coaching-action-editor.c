/* ks-coaching-action-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-coaching-action-editor.h"
#include "ks-plan-widgets.h"

struct _KsCoachingActionEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  KsCoachingAction *action;   /* the copy being edited */
  gboolean is_new;

  /* template children */
  AdwWindowTitle *window_title;
  AdwEntryRow *title_row;
  AdwComboRow *kind_row;
  AdwEntryRow *due_row;
  AdwComboRow *status_row;
  GtkLabel *details_error;
};

G_DEFINE_FINAL_TYPE (KsCoachingActionEditor, ks_coaching_action_editor, ADW_TYPE_WINDOW)

static void
clear_errors (KsCoachingActionEditor *self)
{
  ks_plan_show_field_error (GTK_WIDGET (self->title_row), NULL, NULL);
  ks_plan_show_field_error (GTK_WIDGET (self->due_row), NULL, NULL);
  ks_plan_hide_error (self->details_error);
}

static char *
get_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
ks_coaching_action_editor_save (KsCoachingActionEditor *self)
{
  g_autoptr(KsCoachingAction) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  const char *field = NULL;
  GtkWidget *widget = NULL;

  g_return_val_if_fail (KS_IS_COACHING_ACTION_EDITOR (self), FALSE);

  clear_errors (self);

  edited = ks_coaching_action_copy (self->action);
  g_free (edited->title);
  edited->title = get_stripped (self->title_row);
  edited->kind = adw_combo_row_get_selected (self->kind_row);
  due = get_stripped (self->due_row);
  g_free (edited->due);
  edited->due = *due != '\0' ? g_steal_pointer (&due) : NULL;
  edited->status = adw_combo_row_get_selected (self->status_row);

  if (!ks_coaching_action_validate (edited, &field, &error) ||
      !ks_store_save_coaching_action (self->store, edited, &error))
    {
      if (g_strcmp0 (field, "title") == 0)
        widget = GTK_WIDGET (self->title_row);
      else if (g_strcmp0 (field, "due") == 0)
        widget = GTK_WIDGET (self->due_row);
      ks_plan_show_field_error (widget, self->details_error, error->message);
      if (widget != NULL)
        gtk_widget_grab_focus (widget);
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
  ks_coaching_action_editor_save (KS_COACHING_ACTION_EDITOR (widget));
}

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

static void
fill_form (KsCoachingActionEditor *self,
           const char             *subtitle)
{
  KsCoachingAction *action = self->action;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), action->title ? action->title : "");
  if ((guint) action->kind < KS_N_COACHING_ACTION_KINDS)
    adw_combo_row_set_selected (self->kind_row, action->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), action->due ? action->due : "");
  if ((guint) action->status < KS_N_ACTION_STATUSES)
    adw_combo_row_set_selected (self->status_row, action->status);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Coaching Action")
                                           : _("Edit Coaching Action"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
ks_coaching_action_editor_dispose (GObject *object)
{
  KsCoachingActionEditor *self = KS_COACHING_ACTION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->action, ks_coaching_action_free);

  G_OBJECT_CLASS (ks_coaching_action_editor_parent_class)->dispose (object);
}

static void
ks_coaching_action_editor_class_init (KsCoachingActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_coaching_action_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-coaching-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsCoachingActionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingActionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingActionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingActionEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingActionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingActionEditor, details_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_coaching_action_editor_init (KsCoachingActionEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  AdwEntryRow *entries[2];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < KS_N_COACHING_ACTION_KINDS; i++)
    gtk_string_list_append (kinds, ks_coaching_action_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (guint i = 0; i < KS_N_ACTION_STATUSES; i++)
    gtk_string_list_append (statuses, ks_action_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  /* Enter in a one-line field saves, as in every GNOME dialog. */
  entries[0] = self->title_row;
  entries[1] = self->due_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (ks_coaching_action_editor_save), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_field_changed), NULL);
    }

  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsCoachingActionEditor *
ks_coaching_action_editor_new (KsStore                *store,
                               gint64                  plan_id,
                               const KsCoachingAction *action,
                               const char             *subtitle)
{
  KsCoachingActionEditor *self;
  GtkWidget *date_button;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  self = g_object_new (KS_TYPE_COACHING_ACTION_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->is_new = action == NULL || action->id == 0;
  if (action != NULL)
    {
      self->action = ks_coaching_action_copy (action);
    }
  else
    {
      self->action = ks_coaching_action_new ();
      self->action->plan_id = plan_id;
      self->action->status = KS_ACTION_OPEN;
    }

  date_button = ks_plan_date_button_new (GTK_EDITABLE (self->due_row), store);
  adw_entry_row_add_suffix (self->due_row, date_button);

  fill_form (self, subtitle);
  return self;
}
