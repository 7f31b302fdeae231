/* ks-session-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-plan-widgets.h"
#include "ks-session-editor.h"

struct _KsSessionEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  KsCoachingSession *session;   /* the copy being edited */
  gboolean is_new;

  /* template children */
  AdwWindowTitle *window_title;
  AdwEntryRow *date_row;
  AdwComboRow *kind_row;
  AdwComboRow *rating_row;
  AdwEntryRow *next_step_row;
  GtkLabel *details_error;
  GtkTextView *notes_view;
  GtkLabel *notes_error;
};

G_DEFINE_FINAL_TYPE (KsSessionEditor, ks_session_editor, ADW_TYPE_WINDOW)

static void
clear_errors (KsSessionEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->rating_row),
    GTK_WIDGET (self->next_step_row), GTK_WIDGET (self->notes_view),
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

gboolean
ks_session_editor_save (KsSessionEditor *self)
{
  g_autoptr(KsCoachingSession) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  GtkWidget *widget = NULL;
  GtkLabel *label = self->details_error;

  g_return_val_if_fail (KS_IS_SESSION_EDITOR (self), FALSE);

  clear_errors (self);

  edited = ks_coaching_session_copy (self->session);
  g_free (edited->date);
  edited->date = get_stripped (self->date_row);
  edited->kind = adw_combo_row_get_selected (self->kind_row);
  /* Position 0 is “No rating”, then 1 to 5. */
  edited->rating = (int) adw_combo_row_get_selected (self->rating_row);
  g_free (edited->next_step);
  edited->next_step = get_stripped (self->next_step_row);
  g_free (edited->notes);
  edited->notes = g_strstrip (ks_plan_text_view_get_text (self->notes_view));

  if (!ks_coaching_session_validate (edited, &field, &error) ||
      !ks_store_save_coaching_session (self->store, edited, &error))
    {
      if (g_strcmp0 (field, "date") == 0)
        widget = GTK_WIDGET (self->date_row);
      else if (g_strcmp0 (field, "rating") == 0)
        widget = GTK_WIDGET (self->rating_row);
      else if (g_strcmp0 (field, "next-step") == 0)
        widget = GTK_WIDGET (self->next_step_row);
      else if (g_strcmp0 (field, "notes") == 0)
        {
          widget = GTK_WIDGET (self->notes_view);
          label = self->notes_error;
        }
      ks_plan_show_field_error (widget, label, error->message);
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
  ks_session_editor_save (KS_SESSION_EDITOR (widget));
}

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

static void
fill_form (KsSessionEditor *self,
           const char      *subtitle)
{
  KsCoachingSession *session = self->session;

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), session->date ? session->date : "");
  if ((guint) session->kind < KS_N_SESSION_KINDS)
    adw_combo_row_set_selected (self->kind_row, session->kind);
  if (session->rating >= 0 && session->rating <= KS_SKILL_LEVEL_MAX)
    adw_combo_row_set_selected (self->rating_row, session->rating);
  gtk_editable_set_text (GTK_EDITABLE (self->next_step_row),
                         session->next_step ? session->next_step : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            session->notes ? session->notes : "", -1);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Coaching Session")
                                           : _("Edit Coaching Session"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

static void
ks_session_editor_dispose (GObject *object)
{
  KsSessionEditor *self = KS_SESSION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->session, ks_coaching_session_free);

  G_OBJECT_CLASS (ks_session_editor_parent_class)->dispose (object);
}

static void
ks_session_editor_class_init (KsSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_session_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsSessionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsSessionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, KsSessionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KsSessionEditor, rating_row);
  gtk_widget_class_bind_template_child (widget_class, KsSessionEditor, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, KsSessionEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, KsSessionEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KsSessionEditor, notes_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_session_editor_init (KsSessionEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ratings = gtk_string_list_new (NULL);
  AdwEntryRow *entries[2];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < KS_N_SESSION_KINDS; i++)
    gtk_string_list_append (kinds, ks_session_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* Translators: a coaching session without a rating */
  gtk_string_list_append (ratings, _("No rating"));
  for (int i = 1; i <= KS_SKILL_LEVEL_MAX; i++)
    {
      /* Translators: a session's rating, “4/5” */
      g_autofree char *text = g_strdup_printf (_("%d/5"), i);

      gtk_string_list_append (ratings, text);
    }
  adw_combo_row_set_model (self->rating_row, G_LIST_MODEL (ratings));
  g_signal_connect (self->rating_row, "notify::selected", G_CALLBACK (on_field_changed), NULL);

  /* Enter in a one-line field saves, as in every GNOME dialog. */
  entries[0] = self->date_row;
  entries[1] = self->next_step_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (ks_session_editor_save), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_field_changed), NULL);
    }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self->notes_view);

  /* Ctrl+Enter saves from any field, the notes too. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsSessionEditor *
ks_session_editor_new (KsStore                 *store,
                       gint64                   plan_id,
                       const KsCoachingSession *session,
                       const char              *subtitle)
{
  KsSessionEditor *self;
  GtkWidget *date_button;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  self = g_object_new (KS_TYPE_SESSION_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->is_new = session == NULL || session->id == 0;
  if (session != NULL)
    {
      self->session = ks_coaching_session_copy (session);
    }
  else
    {
      GDate today;

      self->session = ks_coaching_session_new ();
      self->session->plan_id = plan_id;
      ks_store_get_today (store, &today);
      g_free (self->session->date);
      self->session->date = ks_plan_format_date (&today);
    }

  date_button = ks_plan_date_button_new (GTK_EDITABLE (self->date_row), store);
  adw_entry_row_add_suffix (self->date_row, date_button);

  fill_form (self, subtitle);
  return self;
}
