/* ks-member-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-error.h"
#include "ks-member-editor.h"
#include "ks-plan-widgets.h"
#include "ks-widgets.h"

struct _KsMemberEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  KsMember *member;         /* the copy being edited */
  gboolean is_new;
  GArray *mentor_ids;       /* gint64: the mentor drop-down's members, after “None” */

  /* template children */
  AdwWindowTitle *window_title;
  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  AdwComboRow *mentor_row;
  GtkTextView *notes_view;
  GtkLabel *details_error;
  GtkLabel *notes_error;
};

G_DEFINE_FINAL_TYPE (KsMemberEditor, ks_member_editor, ADW_TYPE_WINDOW)

static void
clear_errors (KsMemberEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->role_row),
    GTK_WIDGET (self->mentor_row), GTK_WIDGET (self->notes_view),
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

/* The field a refusal is about, from the validation's @field; a refusal of the store
 * (a name another member has) is about the name. NULL when it is about none. */
static GtkWidget *
find_error_field (KsMemberEditor *self,
                  const char     *field,
                  const GError   *error)
{
  if (g_strcmp0 (field, "role") == 0)
    return GTK_WIDGET (self->role_row);
  if (g_strcmp0 (field, "mentor") == 0)
    return GTK_WIDGET (self->mentor_row);
  if (g_strcmp0 (field, "notes") == 0)
    return GTK_WIDGET (self->notes_view);
  if (g_strcmp0 (field, "name") == 0 || g_error_matches (error, KS_ERROR, KS_ERROR_INVALID))
    return GTK_WIDGET (self->name_row);
  return NULL;
}

gboolean
ks_member_editor_save (KsMemberEditor *self)
{
  g_autoptr(KsMember) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  GtkWidget *widget;
  guint mentor;

  g_return_val_if_fail (KS_IS_MEMBER_EDITOR (self), FALSE);

  clear_errors (self);

  edited = ks_member_copy (self->member);
  g_free (edited->name);
  edited->name = get_stripped (self->name_row);
  g_free (edited->role);
  edited->role = get_stripped (self->role_row);
  mentor = adw_combo_row_get_selected (self->mentor_row);
  edited->mentor_id = mentor > 0 && mentor <= self->mentor_ids->len
                      ? g_array_index (self->mentor_ids, gint64, mentor - 1) : 0;
  g_free (edited->notes);
  edited->notes = ks_plan_text_view_get_text (self->notes_view);

  if (!ks_member_validate (edited, &field, &error) ||
      !ks_store_save_member (self->store, edited, &error))
    {
      widget = find_error_field (self, field, error);
      ks_plan_show_field_error (widget,
                                widget == GTK_WIDGET (self->notes_view) ? self->notes_error
                                                                        : self->details_error,
                                error->message);
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
  ks_member_editor_save (KS_MEMBER_EDITOR (widget));
}

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

/* “None”, then every other member by name; the member's mentor selected. */
static void
fill_mentors (KsMemberEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  /* Translators: a team member without a mentor */
  gtk_string_list_append (names, C_("mentor", "None"));
  members = ks_store_dup_members (self->store, &error);
  if (members == NULL)
    g_warning ("Could not read the team: %s", error->message);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const KsMember *other = g_ptr_array_index (members, i);

      if (other->id == self->member->id && self->member->id != 0)
        continue;
      g_array_append_val (self->mentor_ids, other->id);
      gtk_string_list_append (names, other->name);
      if (other->id == self->member->mentor_id)
        selected = self->mentor_ids->len;
    }
  adw_combo_row_set_model (self->mentor_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->mentor_row, selected);
}

static void
fill_form (KsMemberEditor *self)
{
  KsMember *member = self->member;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), member->name ? member->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), member->role ? member->role : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            member->notes ? member->notes : "", -1);
  fill_mentors (self);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Team Member") : _("Edit Team Member"));
  adw_window_title_set_subtitle (self->window_title, self->is_new ? NULL : member->name);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
ks_member_editor_dispose (GObject *object)
{
  KsMemberEditor *self = KS_MEMBER_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->member, ks_member_free);
  g_clear_pointer (&self->mentor_ids, g_array_unref);

  G_OBJECT_CLASS (ks_member_editor_parent_class)->dispose (object);
}

static void
ks_member_editor_class_init (KsMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_member_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsMemberEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsMemberEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KsMemberEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, KsMemberEditor, mentor_row);
  gtk_widget_class_bind_template_child (widget_class, KsMemberEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KsMemberEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, KsMemberEditor, notes_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_member_editor_init (KsMemberEditor *self)
{
  AdwEntryRow *entries[2];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->mentor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Enter in a one-line field saves, as in every GNOME dialog. */
  entries[0] = self->name_row;
  entries[1] = self->role_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (ks_member_editor_save), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_field_changed), NULL);
    }
  g_signal_connect (self->mentor_row, "notify::selected", G_CALLBACK (on_field_changed),
                    NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self->notes_view);

  /* Ctrl+Enter saves from any field, the notes too. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsMemberEditor *
ks_member_editor_new (KsStore        *store,
                      const KsMember *member)
{
  KsMemberEditor *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  self = g_object_new (KS_TYPE_MEMBER_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->is_new = member == NULL || member->id == 0;
  self->member = member != NULL ? ks_member_copy (member) : ks_member_new ();

  fill_form (self);
  return self;
}

/* ---- Deleting a member --------------------------------------------------------- */

typedef struct
{
  KsStore          *store;
  KsMemberDeletion *deletion;
} DeletedMember;

static void
deleted_member_free (gpointer data)
{
  DeletedMember *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->deletion, ks_member_deletion_free);
  g_free (deleted);
}

static gboolean
restore_member (gpointer  data,
                GError  **error)
{
  DeletedMember *deleted = data;

  return ks_store_restore_member (deleted->store, deleted->deletion, error);
}

/* @window: the main window, which outlives the page the delete began on. */
static void
delete_now (GtkWidget *window,
            KsStore   *store,
            gint64     member_id,
            gint64     takeover_id)
{
  g_autoptr(KsMemberDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  DeletedMember *deleted;

  if (!ks_store_delete_member (store, member_id, takeover_id, &deletion, &error))
    {
      ks_widget_show_error (window, _("The Team Member Could Not Be Deleted"), error);
      return;
    }

  deleted = g_new0 (DeletedMember, 1);
  deleted->store = g_object_ref (store);
  deleted->deletion = g_steal_pointer (&deletion);
  ks_plan_show_undo_toast (window, deleted->deletion->member->name,
                           restore_member, deleted, deleted_member_free);
}

typedef struct
{
  GtkWidget   *window;
  KsStore     *store;
  gint64       member_id;
  GArray      *takeover_ids;  /* gint64: the drop-down's members, after “Nobody” */
  GtkDropDown *takeover;
} DeleteQuestion;

static void
delete_question_free (gpointer data)
{
  DeleteQuestion *question = data;

  g_clear_object (&question->window);
  g_clear_object (&question->store);
  g_clear_pointer (&question->takeover_ids, g_array_unref);
  g_free (question);
}

static void
delete_question_notify (gpointer  data,
                        GClosure *closure)
{
  delete_question_free (data);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteQuestion   *question)
{
  guint selected;
  gint64 takeover_id = 0;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  selected = gtk_drop_down_get_selected (question->takeover);
  if (selected > 0 && selected <= question->takeover_ids->len)
    takeover_id = g_array_index (question->takeover_ids, gint64, selected - 1);
  delete_now (question->window, question->store, question->member_id, takeover_id);
}

GtkWindow *
ks_member_editor_confirm_delete (GtkWidget *widget,
                                 KsStore   *store,
                                 gint64     member_id)
{
  g_autoptr(KsMember) member = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GListModel *accounts;
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  DeleteQuestion *question;
  guint n_accounts = 0;
  guint selected = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  window = GTK_WIDGET (gtk_widget_get_root (widget));
  if (window == NULL)
    return NULL;

  member = ks_store_dup_member (store, member_id, &error);
  if (member == NULL)
    {
      ks_widget_show_error (window, _("The Team Member Could Not Be Deleted"), error);
      return NULL;
    }

  accounts = ks_store_get_accounts (store);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);

      if (ks_member_owns (member->name, account))
        n_accounts++;
    }

  if (n_accounts == 0)
    {
      delete_now (window, store, member_id, 0);
      return NULL;
    }

  question = g_new0 (DeleteQuestion, 1);
  question->window = g_object_ref (window);
  question->store = g_object_ref (store);
  question->member_id = member_id;
  question->takeover_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Nobody, or another member: the mentor first chosen, the natural successor. */
  names = gtk_string_list_new (NULL);
  /* Translators: in “Accounts go to”: the accounts keep no owner */
  gtk_string_list_append (names, _("Nobody"));
  members = ks_store_dup_members (store, NULL);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const KsMember *other = g_ptr_array_index (members, i);

      if (other->id == member_id)
        continue;
      g_array_append_val (question->takeover_ids, other->id);
      gtk_string_list_append (names, other->name);
      if (other->id == member->mentor_id)
        selected = question->takeover_ids->len;
    }

  /* Translators: %s is a team member's name */
  heading = g_strdup_printf (_("Delete “%s”?"), member->name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "They own %u account. Who takes it over?",
                                       "They own %u accounts. Who takes them over?",
                                       n_accounts),
                          n_accounts);
  plans = ks_store_dup_coaching_plans (store, member_id, NULL);
  if (plans != NULL && plans->len > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Their coaching plan is deleted "
                                                            "with them.",
                                                            "Their %u coaching plans are "
                                                            "deleted with them.",
                                                            plans->len),
                                               plans->len);
      g_autofree char *both = NULL;

      /* Translators: two sentences one after the other */
      both = g_strdup_printf (C_("sentences", "%1$s %2$s"), body, more);
      g_free (body);
      body = g_steal_pointer (&both);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* Translators: above the drop-down that picks who takes a deleted member's accounts */
  label = gtk_label_new (_("Accounts go to"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  question->takeover = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)),
                                                         NULL));
  gtk_widget_set_name (GTK_WIDGET (question->takeover), "member-takeover");
  gtk_drop_down_set_selected (question->takeover, selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (question->takeover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accounts go to"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (question->takeover));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), question,
                         delete_question_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
