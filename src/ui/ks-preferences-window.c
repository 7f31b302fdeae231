/* ks-preferences-window.c
 *
 * Weights and thresholds belong to the portfolio, so they are read from and written to
 * the store, not GSettings: another database brings its own rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-document.h"
#include "ks-money.h"
#include "ks-preferences-window.h"
#include "ks-widgets.h"

struct _KsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  KsStore *store;
  GtkSpinButton *weights[KS_N_DIMENSIONS];
  GtkSpinButton *core_min;
  GtkSpinButton *key_min;
  GtkSpinButton *developing_min;
  GtkSpinButton *health_weights[KS_N_HEALTH_COMPONENTS];
  gboolean loading;

  /* template children */
  AdwPreferencesGroup *weights_group;
  AdwPreferencesGroup *tiers_group;
  AdwActionRow *total_row;
  GtkLabel *total_label;
  GtkLabel *rules_error;
  AdwPreferencesGroup *health_group;
  AdwActionRow *health_total_row;
  GtkLabel *health_total_label;
  GtkLabel *health_error;
  AdwComboRow *split_row;
  AdwComboRow *currency_row;
  GtkLabel *currency_error;
  AdwEntryRow *company_row;
  AdwComboRow *paper_row;
  GtkLabel *company_error;
};

G_DEFINE_FINAL_TYPE (KsPreferencesWindow, ks_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
read_rules (KsPreferencesWindow *self,
            KsScoringRules      *rules)
{
  *rules = *ks_store_get_rules (self->store);
  for (guint i = 0; i < KS_N_DIMENSIONS; i++)
    rules->weights[i] = ks_spin_button_read (self->weights[i]);
  rules->core_min = ks_spin_button_read (self->core_min);
  rules->key_min = ks_spin_button_read (self->key_min);
  rules->developing_min = ks_spin_button_read (self->developing_min);
  rules->split_mode = adw_combo_row_get_selected (self->split_row) == 1 ? KS_SPLIT_MEDIAN
                                                                         : KS_SPLIT_FIXED;
}

static gboolean
rules_equal (const KsScoringRules *a,
             const KsScoringRules *b)
{
  for (guint i = 0; i < KS_N_DIMENSIONS; i++)
    if (a->weights[i] != b->weights[i])
      return FALSE;
  return a->core_min == b->core_min && a->key_min == b->key_min &&
         a->developing_min == b->developing_min && a->split_mode == b->split_mode;
}

static void
show_weights_total (GtkLabel  *label,
                    const int *weights,
                    guint      n)
{
  g_autofree char *total_text = NULL;
  int total = 0;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  /* Translators: the total of the weights, e.g. “100 %” */
  total_text = g_strdup_printf (_("%d %%"), total);
  gtk_label_set_label (label, total_text);
  if (total == 100)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

static void
show_total (KsPreferencesWindow  *self,
            const KsScoringRules *rules)
{
  show_weights_total (self->total_label, rules->weights, KS_N_DIMENSIONS);
}

/* Health weights are saved as they change, like the scoring rules. */
static void
on_health_changed (KsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  KsHealthWeights weights;

  if (self->loading || self->store == NULL)
    return;

  for (guint i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    weights.weights[i] = ks_spin_button_read (self->health_weights[i]);
  show_weights_total (self->health_total_label, weights.weights, KS_N_HEALTH_COMPONENTS);
  if (memcmp (&weights, ks_store_get_health_weights (self->store), sizeof weights) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->health_error), FALSE);
      return;
    }
  if (!ks_plan_health_weights_validate (&weights, &error) ||
      !ks_store_set_health_weights (self->store, &weights, &error))
    {
      gtk_label_set_label (self->health_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->health_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->health_error), FALSE);
}

/* Every change is saved at once when the rules are valid, so scores update live. */
static void
on_rules_changed (KsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  KsScoringRules rules;

  /* Loading, or a spin button committing typed text while the window is torn down. */
  if (self->loading || self->store == NULL)
    return;

  read_rules (self, &rules);
  show_total (self, &rules);

  if (rules_equal (&rules, ks_store_get_rules (self->store)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->rules_error), FALSE);
      return;
    }

  if (!ks_scoring_rules_validate (&rules, &error) ||
      !ks_store_set_rules (self->store, &rules, &error))
    {
      gtk_label_set_label (self->rules_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->rules_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rules_error), FALSE);
}

static void
on_currency_changed (KsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL)
    return;

  if (!ks_store_set_default_currency (self->store,
                                      ks_currency_at_position (
                                        adw_combo_row_get_selected (self->currency_row)),
                                      &error))
    {
      gtk_label_set_label (self->currency_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->currency_error), TRUE);
      self->loading = TRUE;
      adw_combo_row_set_selected (self->currency_row,
                                  ks_currency_get_position (
                                    ks_store_get_default_currency (self->store)));
      self->loading = FALSE;
    }
}

/* The rows of the paper drop-down are the KsPaperSize values, in order. */
static void
on_paper_changed (KsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->paper_row);

  if (self->loading || self->store == NULL || selected >= KS_N_PAPER_SIZES)
    return;

  if (!ks_store_set_paper_size (self->store, (KsPaperSize) selected, &error))
    {
      gtk_label_set_label (self->company_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->company_error), TRUE);
      self->loading = TRUE;
      adw_combo_row_set_selected (self->paper_row, ks_store_get_paper_size (self->store));
      self->loading = FALSE;
    }
}

static gboolean
apply_company (KsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->company_row))));

  if (g_strcmp0 (name, ks_store_get_company_name (self->store)) != 0 &&
      !ks_store_set_company_name (self->store, name, &error))
    {
      gtk_label_set_label (self->company_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->company_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->company_row), "error");
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->company_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->company_row), "error");
  return TRUE;
}

static void
on_company_apply (KsPreferencesWindow *self)
{
  apply_company (self);
}

static gboolean
ks_preferences_window_close_request (GtkWindow *window)
{
  KsPreferencesWindow *self = KS_PREFERENCES_WINDOW (window);

  /* What was typed is kept: a number not yet committed, a company name not applied.
   * A name that cannot be saved keeps the window open beside its message. */
  on_rules_changed (self);
  on_health_changed (self);
  if (!apply_company (self))
    return TRUE;

  return GTK_WINDOW_CLASS (ks_preferences_window_parent_class)->close_request (window);
}

static void
load (KsPreferencesWindow *self)
{
  const KsScoringRules *rules = ks_store_get_rules (self->store);

  self->loading = TRUE;
  for (guint i = 0; i < KS_N_DIMENSIONS; i++)
    gtk_spin_button_set_value (self->weights[i], rules->weights[i]);
  gtk_spin_button_set_value (self->core_min, rules->core_min);
  gtk_spin_button_set_value (self->key_min, rules->key_min);
  gtk_spin_button_set_value (self->developing_min, rules->developing_min);
  for (guint i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    gtk_spin_button_set_value (self->health_weights[i],
                               ks_store_get_health_weights (self->store)->weights[i]);
  adw_combo_row_set_selected (self->split_row, rules->split_mode == KS_SPLIT_MEDIAN ? 1 : 0);
  adw_combo_row_set_selected (self->currency_row,
                              ks_currency_get_position (ks_store_get_default_currency (self->store)));
  gtk_editable_set_text (GTK_EDITABLE (self->company_row),
                         ks_store_get_company_name (self->store));
  adw_combo_row_set_selected (self->paper_row, ks_store_get_paper_size (self->store));
  self->loading = FALSE;

  /* Opening Preferences shows the rules; it writes nothing. */
  show_total (self, rules);
  show_weights_total (self->health_total_label, ks_store_get_health_weights (self->store)->weights,
                      KS_N_HEALTH_COMPONENTS);
}

static void
ks_preferences_window_dispose (GObject *object)
{
  KsPreferencesWindow *self = KS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ks_preferences_window_parent_class)->dispose (object);
}

static void
ks_preferences_window_class_init (KsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ks_preferences_window_dispose;
  window_class->close_request = ks_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, weights_group);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, tiers_group);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, total_row);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, total_label);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, rules_error);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, health_group);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, health_total_row);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, health_total_label);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, health_error);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, split_row);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, currency_error);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, company_row);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, KsPreferencesWindow, company_error);
}

static void
ks_preferences_window_init (KsPreferencesWindow *self)
{
  static const char * const weight_names[] = {
    "weight-scale", "weight-strategic", "weight-cooperation", "weight-relationship"
  };
  g_autoptr(GtkStringList) splits = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  double auto_width, auto_height;
  g_autoptr(GListModel) currencies = ks_currency_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The weight rows go above the total row, which the template already holds. */
  for (guint i = 0; i < KS_N_DIMENSIONS; i++)
    {
      self->weights[i] = ks_spin_row_add (self->weights_group, ks_dimension_get_label (i),
                                       weight_names[i], 0, 100);
      g_signal_connect_swapped (self->weights[i], "value-changed",
                                G_CALLBACK (on_rules_changed), self);
    }
  adw_preferences_group_remove (self->weights_group, GTK_WIDGET (self->total_row));
  adw_preferences_group_add (self->weights_group, GTK_WIDGET (self->total_row));

  for (guint i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("health-weight-%u", i);

      self->health_weights[i] = ks_spin_row_add (self->health_group,
                                                 ks_health_component_get_label (i),
                                                 name, 0, 100);
      g_signal_connect_swapped (self->health_weights[i], "value-changed",
                                G_CALLBACK (on_health_changed), self);
    }
  adw_preferences_group_remove (self->health_group, GTK_WIDGET (self->health_total_row));
  adw_preferences_group_add (self->health_group, GTK_WIDGET (self->health_total_row));
  adw_preferences_group_remove (self->health_group, GTK_WIDGET (self->health_error));
  adw_preferences_group_add (self->health_group, GTK_WIDGET (self->health_error));

  /* Translators: “Core from” a KA score */
  self->core_min = ks_spin_row_add (self->tiers_group, _("Core from"), "threshold-core", 1, 100);
  self->key_min = ks_spin_row_add (self->tiers_group, _("Key from"), "threshold-key", 1, 100);
  self->developing_min = ks_spin_row_add (self->tiers_group, _("Developing from"),
                                       "threshold-developing", 1, 100);
  g_signal_connect_swapped (self->core_min, "value-changed", G_CALLBACK (on_rules_changed), self);
  g_signal_connect_swapped (self->key_min, "value-changed", G_CALLBACK (on_rules_changed), self);
  g_signal_connect_swapped (self->developing_min, "value-changed",
                            G_CALLBACK (on_rules_changed), self);

  gtk_string_list_append (splits, _("At 50 / 50"));
  gtk_string_list_append (splits, _("At the portfolio medians"));
  adw_combo_row_set_model (self->split_row, G_LIST_MODEL (splits));
  g_signal_connect_swapped (self->split_row, "notify::selected",
                            G_CALLBACK (on_rules_changed), self);

  adw_combo_row_set_model (self->currency_row, currencies);
  g_signal_connect_swapped (self->currency_row, "notify::selected",
                            G_CALLBACK (on_currency_changed), self);
  g_signal_connect_swapped (self->company_row, "apply", G_CALLBACK (on_company_apply), self);

  /* Automatic says what it comes to here. */
  ks_document_paper_get_size (KS_PAPER_AUTO, &auto_width, &auto_height);
  if (auto_width == KS_DOCUMENT_LETTER_WIDTH)
    /* Translators: the paper size chosen by the region, which is Letter here */
    gtk_string_list_append (papers, _("Automatic (Letter)"));
  else
    /* Translators: the paper size chosen by the region, which is A4 here */
    gtk_string_list_append (papers, _("Automatic (A4)"));
  gtk_string_list_append (papers, _("A4"));
  /* Translators: US Letter paper */
  gtk_string_list_append (papers, _("Letter"));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (papers));
  g_signal_connect_swapped (self->paper_row, "notify::selected",
                            G_CALLBACK (on_paper_changed), self);
}

KsPreferencesWindow *
ks_preferences_window_new (KsStore *store)
{
  KsPreferencesWindow *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  self = g_object_new (KS_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  load (self);
  return self;
}
