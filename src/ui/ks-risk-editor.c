/* ks-risk-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-error.h"
#include "ks-plan-widgets.h"
#include "ks-risk-editor.h"

struct _KsRiskEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  gint64 account_id;
  KsRisk *risk;             /* the copy being edited */
  gboolean is_new;

  /* template children */
  AdwWindowTitle *window_title;
  AdwComboRow *category_row;
  AdwComboRow *severity_row;
  AdwEntryRow *raised_row;
  GtkSwitch *closed_switch;
  GtkTextView *description_view;
  GtkTextView *contingency_view;
  GtkLabel *details_error;
  GtkLabel *description_error;
  GtkLabel *contingency_error;
};

G_DEFINE_FINAL_TYPE (KsRiskEditor, ks_risk_editor, ADW_TYPE_WINDOW)

static void
clear_errors (KsRiskEditor *self)
{
  ks_plan_show_field_error (GTK_WIDGET (self->raised_row), NULL, NULL);
  ks_plan_show_field_error (GTK_WIDGET (self->description_view), NULL, NULL);
  ks_plan_show_field_error (GTK_WIDGET (self->contingency_view), NULL, NULL);
  ks_plan_hide_error (self->details_error);
  ks_plan_hide_error (self->description_error);
  ks_plan_hide_error (self->contingency_error);
}

static gboolean
text_too_long (const char *text,
               gsize       max)
{
  return text != NULL && (gsize) g_utf8_strlen (text, -1) > max;
}

/* The field a refusal is about and the label beside it; no field when it is about none
 * (the database said no). */
static GtkWidget *
find_error_field (KsRiskEditor  *self,
                  const KsRisk  *edited,
                  const GError  *error,
                  GtkLabel     **label)
{
  GDate date;

  *label = self->details_error;
  if (!g_error_matches (error, KS_ERROR, KS_ERROR_INVALID))
    return NULL;
  if (edited->description == NULL || *edited->description == '\0' ||
      text_too_long (edited->description, KS_PLAN_TEXT_MAX))
    {
      *label = self->description_error;
      return GTK_WIDGET (self->description_view);
    }
  if (edited->raised == NULL || !ks_plan_parse_date (edited->raised, &date))
    return GTK_WIDGET (self->raised_row);
  if (text_too_long (edited->contingency, KS_PLAN_TEXT_MAX))
    {
      *label = self->contingency_error;
      return GTK_WIDGET (self->contingency_view);
    }
  return NULL;
}

gboolean
ks_risk_editor_save (KsRiskEditor *self)
{
  g_autoptr(KsRisk) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *contingency = NULL;
  GtkWidget *field;
  GtkLabel *label;

  g_return_val_if_fail (KS_IS_RISK_EDITOR (self), FALSE);

  clear_errors (self);

  edited = ks_risk_copy (self->risk);
  edited->category = adw_combo_row_get_selected (self->category_row);
  edited->severity = adw_combo_row_get_selected (self->severity_row);
  g_free (edited->raised);
  edited->raised = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->raised_row))));
  /* Surrounding blank lines are not part of what was written. */
  description = ks_plan_text_view_get_text (self->description_view);
  g_free (edited->description);
  edited->description = g_strdup (g_strstrip (description));
  contingency = ks_plan_text_view_get_text (self->contingency_view);
  g_free (edited->contingency);
  edited->contingency = g_strdup (g_strstrip (contingency));
  edited->closed = gtk_switch_get_active (self->closed_switch);

  if (!ks_risk_validate (edited, &error) ||
      !ks_store_save_risk (self->store, self->account_id, edited, &error))
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
  ks_risk_editor_save (KS_RISK_EDITOR (widget));
}

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

static void
fill_form (KsRiskEditor *self,
           KsAccount    *account)
{
  KsRisk *risk = self->risk;

  if ((guint) risk->category < KS_N_RISK_CATEGORIES)
    adw_combo_row_set_selected (self->category_row, risk->category);
  if ((guint) risk->severity < KS_N_RISK_SEVERITIES)
    adw_combo_row_set_selected (self->severity_row, risk->severity);
  gtk_editable_set_text (GTK_EDITABLE (self->raised_row), risk->raised ? risk->raised : "");
  gtk_switch_set_active (self->closed_switch, risk->closed);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            risk->description ? risk->description : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->contingency_view),
                            risk->contingency ? risk->contingency : "", -1);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Risk Warning") : _("Edit Risk Warning"));
  adw_window_title_set_subtitle (self->window_title, ks_account_get_name (account));
  gtk_widget_grab_focus (self->is_new ? GTK_WIDGET (self->description_view)
                                      : GTK_WIDGET (self->category_row));
}

static void
ks_risk_editor_dispose (GObject *object)
{
  KsRiskEditor *self = KS_RISK_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->risk, ks_risk_free);

  G_OBJECT_CLASS (ks_risk_editor_parent_class)->dispose (object);
}

static void
ks_risk_editor_class_init (KsRiskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_risk_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-risk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, severity_row);
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, raised_row);
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, closed_switch);
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, contingency_view);
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, description_error);
  gtk_widget_class_bind_template_child (widget_class, KsRiskEditor, contingency_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_risk_editor_init (KsRiskEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < KS_N_RISK_CATEGORIES; i++)
    gtk_string_list_append (categories, ks_risk_category_get_label (i));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  for (guint i = 0; i < KS_N_RISK_SEVERITIES; i++)
    gtk_string_list_append (severities, ks_risk_severity_get_label (i));
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));

  g_signal_connect_swapped (self->raised_row, "entry-activated",
                            G_CALLBACK (ks_risk_editor_save), self);
  g_signal_connect (self->raised_row, "changed", G_CALLBACK (on_field_changed), NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (on_field_changed), self->description_view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->contingency_view), "changed",
                            G_CALLBACK (on_field_changed), self->contingency_view);

  /* Ctrl+Enter saves from any field, the text views too. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsRiskEditor *
ks_risk_editor_new (KsStore      *store,
                    KsAccount    *account,
                    const KsRisk *risk)
{
  KsRiskEditor *self;
  GtkWidget *date_button;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_RISK_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->account_id = ks_account_get_id (account);
  self->is_new = risk == NULL || risk->id == 0;
  if (risk != NULL)
    {
      self->risk = ks_risk_copy (risk);
    }
  else
    {
      GDate today;

      ks_store_get_today (store, &today);
      self->risk = ks_risk_new ();
      self->risk->category = KS_RISK_FINANCIAL_HEALTH;
      self->risk->severity = KS_RISK_MEDIUM;
      g_free (self->risk->raised);
      self->risk->raised = ks_plan_format_date (&today);
      self->risk->closed = FALSE;
    }

  date_button = ks_plan_date_button_new (GTK_EDITABLE (self->raised_row), store);
  adw_entry_row_add_suffix (self->raised_row, date_button);

  fill_form (self, account);
  return self;
}
