/* ks-interaction-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-error.h"
#include "ks-interaction-editor.h"
#include "ks-plan-widgets.h"

struct _KsInteractionEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  gint64 account_id;
  KsInteraction *interaction;   /* the copy being edited */
  gboolean is_new;
  GPtrArray *checks;            /* GtkCheckButton *, one per contact offered */

  /* template children */
  AdwWindowTitle *window_title;
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  AdwEntryRow *participants_row;
  GtkLabel *details_error;
  AdwPreferencesGroup *contacts_group;
  GtkLabel *contacts_error;
  GtkTextView *notes_view;
  GtkLabel *notes_error;
  AdwEntryRow *next_step_row;
  GtkLabel *next_step_error;
};

G_DEFINE_FINAL_TYPE (KsInteractionEditor, ks_interaction_editor, ADW_TYPE_WINDOW)

#define CONTACT_ID_KEY "ks-contact-id"

static void
clear_errors (KsInteractionEditor *self)
{
  ks_plan_show_field_error (GTK_WIDGET (self->kind_row), NULL, NULL);
  ks_plan_show_field_error (GTK_WIDGET (self->date_row), NULL, NULL);
  ks_plan_show_field_error (GTK_WIDGET (self->participants_row), NULL, NULL);
  ks_plan_show_field_error (GTK_WIDGET (self->notes_view), NULL, NULL);
  ks_plan_show_field_error (GTK_WIDGET (self->next_step_row), NULL, NULL);
  ks_plan_hide_error (self->details_error);
  ks_plan_hide_error (self->contacts_error);
  ks_plan_hide_error (self->notes_error);
  ks_plan_hide_error (self->next_step_error);
}

static gboolean
text_too_long (const char *text,
               gsize       max)
{
  return text != NULL && (gsize) g_utf8_strlen (text, -1) > max;
}

/* The field a refusal is about and the label beside it; no field when it is about none
 * (the database said no, or a contact is not the account's). */
static GtkWidget *
find_error_field (KsInteractionEditor  *self,
                  const KsInteraction  *edited,
                  const GError         *error,
                  GtkLabel            **label)
{
  GDate date;

  *label = self->details_error;
  if (!g_error_matches (error, KS_ERROR, KS_ERROR_INVALID))
    return NULL;
  if ((guint) edited->kind >= KS_N_INTERACTION_KINDS)
    return GTK_WIDGET (self->kind_row);
  if (edited->date == NULL || !ks_plan_parse_date (edited->date, &date))
    return GTK_WIDGET (self->date_row);
  if (text_too_long (edited->our_participants, KS_PLAN_TEXT_MAX))
    return GTK_WIDGET (self->participants_row);
  if (text_too_long (edited->notes, KS_PLAN_TEXT_MAX))
    {
      *label = self->notes_error;
      return GTK_WIDGET (self->notes_view);
    }
  if (text_too_long (edited->next_step, KS_PLAN_TEXT_MAX))
    {
      *label = self->next_step_error;
      return GTK_WIDGET (self->next_step_row);
    }
  *label = self->contacts_error;
  return NULL;
}

static char *
get_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
ks_interaction_editor_save (KsInteractionEditor *self)
{
  g_autoptr(KsInteraction) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *field;
  GtkLabel *label;

  g_return_val_if_fail (KS_IS_INTERACTION_EDITOR (self), FALSE);

  clear_errors (self);

  edited = ks_interaction_copy (self->interaction);
  edited->kind = adw_combo_row_get_selected (self->kind_row);
  g_free (edited->date);
  edited->date = get_stripped (self->date_row);
  g_free (edited->our_participants);
  edited->our_participants = get_stripped (self->participants_row);
  /* Surrounding blank lines are not part of what was written. */
  notes = ks_plan_text_view_get_text (self->notes_view);
  g_free (edited->notes);
  edited->notes = g_strdup (g_strstrip (notes));
  g_free (edited->next_step);
  edited->next_step = get_stripped (self->next_step_row);

  /* The contacts offered are the account's; those involved before and not offered any
   * more were deleted meanwhile. */
  g_array_set_size (edited->contact_ids, 0);
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      gint64 *id = g_object_get_data (G_OBJECT (check), CONTACT_ID_KEY);

      if (gtk_check_button_get_active (check))
        g_array_append_val (edited->contact_ids, *id);
    }

  if (!ks_interaction_validate (edited, &error) ||
      !ks_store_save_interaction (self->store, self->account_id, edited, &error))
    {
      field = find_error_field (self, edited, error, &label);
      ks_plan_show_field_error (field, label, error->message);
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
  ks_interaction_editor_save (KS_INTERACTION_EDITOR (widget));
}

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

static gboolean
involves (const KsInteraction *interaction,
          gint64               id)
{
  for (guint i = 0; interaction->contact_ids != NULL && i < interaction->contact_ids->len; i++)
    if (g_array_index (interaction->contact_ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
add_contacts (KsInteractionEditor *self,
              GPtrArray           *contacts)
{
  if (contacts == NULL || contacts->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("The account has no contacts yet. Add them under "
                                         "Contacts to record who took part."));

      gtk_widget_set_name (none, "interaction-no-contacts");
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      adw_preferences_group_add (self->contacts_group, none);
      return;
    }

  for (guint i = 0; i < contacts->len; i++)
    {
      const KsContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *layer = (guint) contact->layer < KS_N_LAYERS
                            ? ks_contact_layer_get_label (contact->layer) : "";

      if (contact->title != NULL && *contact->title != '\0')
        /* Translators: a contact's job title and layer, “CFO · Executive” */
        subtitle = g_strdup_printf (_("%s · %s"), contact->title, layer);
      else
        subtitle = g_strdup (layer);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), contact->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (check, "interaction-contact");
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, contact->name, -1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   involves (self->interaction, contact->id));
      g_object_set_data_full (G_OBJECT (check), CONTACT_ID_KEY,
                              g_memdup2 (&contact->id, sizeof contact->id), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->contacts_group, row);
      g_ptr_array_add (self->checks, check);
    }
}

static void
fill_form (KsInteractionEditor *self,
           KsAccount           *account)
{
  KsInteraction *interaction = self->interaction;

  if ((guint) interaction->kind < KS_N_INTERACTION_KINDS)
    adw_combo_row_set_selected (self->kind_row, interaction->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         interaction->date ? interaction->date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->participants_row),
                         interaction->our_participants ? interaction->our_participants : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            interaction->notes ? interaction->notes : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->next_step_row),
                         interaction->next_step ? interaction->next_step : "");

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("Log Interaction") : _("Edit Interaction"));
  adw_window_title_set_subtitle (self->window_title, ks_account_get_name (account));
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

static void
ks_interaction_editor_dispose (GObject *object)
{
  KsInteractionEditor *self = KS_INTERACTION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->interaction, ks_interaction_free);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_interaction_editor_parent_class)->dispose (object);
}

static void
ks_interaction_editor_class_init (KsInteractionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_interaction_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-interaction-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, participants_row);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, contacts_error);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, notes_error);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, KsInteractionEditor, next_step_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_interaction_editor_init (KsInteractionEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  AdwEntryRow *entries[3];

  self->checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < KS_N_INTERACTION_KINDS; i++)
    gtk_string_list_append (kinds, ks_interaction_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* Enter in a one-line field saves, as in every GNOME dialog. */
  entries[0] = self->date_row;
  entries[1] = self->participants_row;
  entries[2] = self->next_step_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (ks_interaction_editor_save), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_field_changed), NULL);
    }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self->notes_view);

  /* Ctrl+Enter saves from any field, the text view too. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsInteractionEditor *
ks_interaction_editor_new (KsStore             *store,
                           KsAccount           *account,
                           GPtrArray           *contacts,
                           const KsInteraction *interaction)
{
  KsInteractionEditor *self;
  GtkWidget *date_button;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_INTERACTION_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->account_id = ks_account_get_id (account);
  self->is_new = interaction == NULL || interaction->id == 0;
  if (interaction != NULL)
    {
      self->interaction = ks_interaction_copy (interaction);
    }
  else
    {
      GDate today;

      ks_store_get_today (store, &today);
      self->interaction = ks_interaction_new ();
      self->interaction->kind = KS_INTERACTION_VISIT;
      self->interaction->date = ks_plan_format_date (&today);
    }

  date_button = ks_plan_date_button_new (GTK_EDITABLE (self->date_row), store);
  adw_entry_row_add_suffix (self->date_row, date_button);

  add_contacts (self, contacts);
  fill_form (self, account);
  return self;
}
