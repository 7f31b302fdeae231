/* ks-contact-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-contact-editor.h"
#include "ks-error.h"
#include "ks-plan-widgets.h"

struct _KsContactEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  gint64 account_id;
  KsContact *contact;       /* the copy being edited */
  gboolean is_new;
  GArray *manager_ids;      /* gint64: what each reports-to position stands for; 0 first */

  /* template children */
  AdwWindowTitle *window_title;
  AdwEntryRow *name_row;
  AdwEntryRow *title_row;
  AdwComboRow *layer_row;
  AdwComboRow *attitude_row;
  AdwComboRow *influence_row;
  AdwComboRow *reports_to_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *last_contact_row;
  GtkTextView *notes_view;
  GtkLabel *details_error;
  GtkLabel *reach_error;
  GtkLabel *notes_error;
};

G_DEFINE_FINAL_TYPE (KsContactEditor, ks_contact_editor, ADW_TYPE_WINDOW)

/* The fields a refusal may be about, in the order the checks run. */
typedef enum
{
  FIELD_NAME,
  FIELD_TITLE,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_LAST_CONTACT,
  FIELD_REPORTS_TO,
  FIELD_NOTES,
  N_FIELDS
} Field;

static GtkWidget *
field_widget (KsContactEditor *self,
              Field            field,
              GtkLabel       **label)
{
  switch (field)
    {
    case FIELD_NAME:
      *label = self->details_error;
      return GTK_WIDGET (self->name_row);
    case FIELD_TITLE:
      *label = self->details_error;
      return GTK_WIDGET (self->title_row);
    case FIELD_REPORTS_TO:
      *label = self->details_error;
      return GTK_WIDGET (self->reports_to_row);
    case FIELD_PHONE:
      *label = self->reach_error;
      return GTK_WIDGET (self->phone_row);
    case FIELD_EMAIL:
      *label = self->reach_error;
      return GTK_WIDGET (self->email_row);
    case FIELD_LAST_CONTACT:
      *label = self->reach_error;
      return GTK_WIDGET (self->last_contact_row);
    case FIELD_NOTES:
    case N_FIELDS:
    default:
      *label = self->notes_error;
      return GTK_WIDGET (self->notes_view);
    }
}

static void
clear_errors (KsContactEditor *self)
{
  for (guint f = 0; f < N_FIELDS; f++)
    {
      GtkLabel *label;

      ks_plan_show_field_error (field_widget (self, f, &label), NULL, NULL);
    }
  ks_plan_hide_error (self->details_error);
  ks_plan_hide_error (self->reach_error);
  ks_plan_hide_error (self->notes_error);
}

/* @contact with @field set to a value that passes. */
static void
reset_field (KsContact *contact,
             Field      field)
{
  switch (field)
    {
    case FIELD_NAME:
      g_free (contact->name);
      contact->name = g_strdup ("-");
      break;
    case FIELD_TITLE:
      g_clear_pointer (&contact->title, g_free);
      break;
    case FIELD_PHONE:
      g_clear_pointer (&contact->phone, g_free);
      break;
    case FIELD_EMAIL:
      g_clear_pointer (&contact->email, g_free);
      break;
    case FIELD_LAST_CONTACT:
      g_clear_pointer (&contact->last_contact, g_free);
      break;
    case FIELD_REPORTS_TO:
      contact->reports_to = 0;
      break;
    case FIELD_NOTES:
    case N_FIELDS:
    default:
      g_clear_pointer (&contact->notes, g_free);
      break;
    }
}

/* The field a refusal is about, so the message stands beside what to fix: the first
 * whose correction changes what ks_contact_validate() says (its rules stay in one
 * place). A refusal of the store after the checks passed is about whom the contact
 * reports to (a loop, a contact gone meanwhile). NULL when it is about no field. */
static GtkWidget *
find_error_field (KsContactEditor *self,
                  const KsContact *edited,
                  const GError    *error,
                  GtkLabel       **label)
{
  g_autoptr(GError) check = NULL;

  *label = self->details_error;
  if (!g_error_matches (error, KS_ERROR, KS_ERROR_INVALID))
    return NULL;

  if (ks_contact_validate (edited, &check))
    return edited->reports_to != 0 ? field_widget (self, FIELD_REPORTS_TO, label) : NULL;

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autoptr(KsContact) fixed = ks_contact_copy (edited);
      g_autoptr(GError) other = NULL;

      reset_field (fixed, f);
      if (ks_contact_validate (fixed, &other) || g_strcmp0 (other->message, check->message) != 0)
        return field_widget (self, f, label);
    }
  return NULL;
}

static char *
get_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Stripped, NULL when empty. */
static char *
get_optional (AdwEntryRow *row)
{
  char *text = get_stripped (row);

  if (*text != '\0')
    return text;
  g_free (text);
  return NULL;
}

gboolean
ks_contact_editor_save (KsContactEditor *self)
{
  g_autoptr(KsContact) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *field;
  GtkLabel *label;
  guint manager;

  g_return_val_if_fail (KS_IS_CONTACT_EDITOR (self), FALSE);

  clear_errors (self);

  edited = ks_contact_copy (self->contact);
  g_free (edited->name);
  edited->name = get_stripped (self->name_row);
  g_free (edited->title);
  edited->title = get_optional (self->title_row);
  edited->layer = adw_combo_row_get_selected (self->layer_row);
  edited->attitude = adw_combo_row_get_selected (self->attitude_row);
  edited->influence = adw_combo_row_get_selected (self->influence_row);
  manager = adw_combo_row_get_selected (self->reports_to_row);
  edited->reports_to = manager < self->manager_ids->len
                       ? g_array_index (self->manager_ids, gint64, manager) : 0;
  g_free (edited->phone);
  edited->phone = get_optional (self->phone_row);
  g_free (edited->email);
  edited->email = get_optional (self->email_row);
  g_free (edited->last_contact);
  edited->last_contact = get_optional (self->last_contact_row);
  /* Surrounding blank lines are not part of what was written. */
  notes = ks_plan_text_view_get_text (self->notes_view);
  g_free (edited->notes);
  edited->notes = *g_strstrip (notes) != '\0' ? g_strdup (notes) : NULL;

  if (!ks_contact_validate (edited, &error) ||
      !ks_store_save_contact (self->store, self->account_id, edited, &error))
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
  ks_contact_editor_save (KS_CONTACT_EDITOR (widget));
}

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

/* Whether @id is @root or reports to it, directly or not: it cannot be @root's manager. */
static gboolean
is_under (GHashTable *managers,
          gint64      id,
          gint64      root)
{
  /* No more steps than contacts: a loop read from elsewhere ends too. */
  for (guint steps = 0; id != 0 && steps <= g_hash_table_size (managers); steps++)
    {
      gint64 *manager;

      if (id == root)
        return TRUE;
      manager = g_hash_table_lookup (managers, &id);
      id = manager != NULL ? *manager : 0;
    }
  return FALSE;
}

/* None, then the account's other contacts, minus those who report to this one. */
static void
fill_managers (KsContactEditor *self,
               GPtrArray       *contacts)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) managers = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 none = 0;
  guint selected = 0;

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      KsContact *other = g_ptr_array_index (contacts, i);

      if (other->id != 0)
        g_hash_table_insert (managers, &other->id, &other->reports_to);
    }

  /* Translators: a contact who reports to nobody at the account */
  gtk_string_list_append (names, C_("reports to", "Nobody"));
  g_array_append_val (self->manager_ids, none);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      KsContact *other = g_ptr_array_index (contacts, i);
      g_autofree char *text = NULL;

      if (other->id == 0 ||
          (self->contact->id != 0 && is_under (managers, other->id, self->contact->id)))
        continue;

      if (other->title != NULL && *other->title != '\0')
        /* Translators: a contact in the list of whom another reports to: name and
         * job title */
        text = g_strdup_printf (_("%s, %s"), other->name, other->title);
      else
        text = g_strdup (other->name);
      if (other->id == self->contact->reports_to)
        selected = self->manager_ids->len;
      gtk_string_list_append (names, text);
      g_array_append_val (self->manager_ids, other->id);
    }

  adw_combo_row_set_model (self->reports_to_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->reports_to_row, selected);
}

static void
fill_form (KsContactEditor *self,
           KsAccount       *account)
{
  KsContact *contact = self->contact;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), contact->name ? contact->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), contact->title ? contact->title : "");
  if ((guint) contact->layer < KS_N_LAYERS)
    adw_combo_row_set_selected (self->layer_row, contact->layer);
  if ((guint) contact->attitude < KS_N_ATTITUDES)
    adw_combo_row_set_selected (self->attitude_row, contact->attitude);
  if ((guint) contact->influence < KS_N_INFLUENCES)
    adw_combo_row_set_selected (self->influence_row, contact->influence);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), contact->phone ? contact->phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), contact->email ? contact->email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->last_contact_row),
                         contact->last_contact ? contact->last_contact : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            contact->notes ? contact->notes : "", -1);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Contact") : _("Edit Contact"));
  adw_window_title_set_subtitle (self->window_title, ks_account_get_name (account));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
ks_contact_editor_dispose (GObject *object)
{
  KsContactEditor *self = KS_CONTACT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->contact, ks_contact_free);
  g_clear_pointer (&self->manager_ids, g_array_unref);

  G_OBJECT_CLASS (ks_contact_editor_parent_class)->dispose (object);
}

static void
ks_contact_editor_class_init (KsContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_contact_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, layer_row);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, attitude_row);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, influence_row);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, reports_to_row);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, last_contact_row);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, reach_error);
  gtk_widget_class_bind_template_child (widget_class, KsContactEditor, notes_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_contact_editor_init (KsContactEditor *self)
{
  g_autoptr(GtkStringList) layers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) attitudes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) influences = gtk_string_list_new (NULL);
  AdwEntryRow *entries[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->manager_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < KS_N_LAYERS; i++)
    gtk_string_list_append (layers, ks_contact_layer_get_label (i));
  adw_combo_row_set_model (self->layer_row, G_LIST_MODEL (layers));
  for (guint i = 0; i < KS_N_ATTITUDES; i++)
    gtk_string_list_append (attitudes, ks_attitude_get_label (i));
  adw_combo_row_set_model (self->attitude_row, G_LIST_MODEL (attitudes));
  for (guint i = 0; i < KS_N_INFLUENCES; i++)
    gtk_string_list_append (influences, ks_influence_get_label (i));
  adw_combo_row_set_model (self->influence_row, G_LIST_MODEL (influences));

  /* Enter in a one-line field saves, as in every GNOME dialog. */
  entries[0] = self->name_row;
  entries[1] = self->title_row;
  entries[2] = self->phone_row;
  entries[3] = self->email_row;
  entries[4] = self->last_contact_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (ks_contact_editor_save), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_field_changed), NULL);
    }
  g_signal_connect (self->reports_to_row, "notify::selected", G_CALLBACK (on_field_changed),
                    NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self->notes_view);

  /* Ctrl+Enter saves from any field, the notes too. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsContactEditor *
ks_contact_editor_new (KsStore         *store,
                       KsAccount       *account,
                       const KsContact *contact,
                       GPtrArray       *contacts)
{
  KsContactEditor *self;
  GtkWidget *date_button;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_CONTACT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->account_id = ks_account_get_id (account);
  self->is_new = contact == NULL || contact->id == 0;
  self->contact = contact != NULL ? ks_contact_copy (contact) : ks_contact_new ();

  fill_managers (self, contacts);

  date_button = ks_plan_date_button_new (GTK_EDITABLE (self->last_contact_row), store);
  adw_entry_row_add_suffix (self->last_contact_row, date_button);

  fill_form (self, account);
  return self;
}
