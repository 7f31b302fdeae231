/* ks-account-page.c
 *
 * The overview is rebuilt whole on every change (a few dozen widgets); the sections
 * each keep their own rows and build them only once they are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-account-page.h"
#include "ks-actions-section.h"
#include "ks-complaints-section.h"
#include "ks-contacts-section.h"
#include "ks-contracts-section.h"
#include "ks-error.h"
#include "ks-interactions-section.h"
#include "ks-money.h"
#include "ks-opportunities-section.h"
#include "ks-risks-section.h"
#include "ks-satisfaction-section.h"
#include "ks-swot-section.h"
#include "ks-targets-section.h"

typedef enum
{
  SECTION_TARGETS,
  SECTION_ACTIONS,
  SECTION_OPPORTUNITIES,
  SECTION_SWOT,
  SECTION_RISKS,
  SECTION_CONTRACTS,
  SECTION_CONTACTS,
  SECTION_INTERACTIONS,
  SECTION_SATISFACTION,
  SECTION_COMPLAINTS,
  N_SECTIONS
} Section;

/* A section's name in the stack, title, icon, and how to make it and show a plan. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GtkWidget *(*create) (KsStore *store, KsAccount *account);
  void (*set_plan) (GtkWidget *section, const KsAccountPlan *plan);
} SectionInfo;

#define SET_PLAN(type, TYPE) \
  static void \
  set_plan_##type (GtkWidget *section, const KsAccountPlan *plan) \
  { \
    ks_##type##_section_set_plan (KS_##TYPE##_SECTION (section), plan); \
  }

SET_PLAN (targets, TARGETS)
SET_PLAN (actions, ACTIONS)
SET_PLAN (opportunities, OPPORTUNITIES)
SET_PLAN (swot, SWOT)
SET_PLAN (risks, RISKS)
SET_PLAN (contracts, CONTRACTS)
SET_PLAN (contacts, CONTACTS)
SET_PLAN (interactions, INTERACTIONS)
SET_PLAN (satisfaction, SATISFACTION)
SET_PLAN (complaints, COMPLAINTS)

static const SectionInfo section_info[N_SECTIONS] = {
  { "targets", N_("Targets"), "x-office-presentation-symbolic",
    ks_targets_section_new, set_plan_targets },
  { "actions", N_("Actions"), "task-due-symbolic",
    ks_actions_section_new, set_plan_actions },
  { "opportunities", N_("Opportunities"), "view-grid-symbolic",
    ks_opportunities_section_new, set_plan_opportunities },
  { "swot", N_("SWOT"), "view-list-bullet-symbolic",
    ks_swot_section_new, set_plan_swot },
  { "risks", N_("Risks"), "dialog-warning-symbolic",
    ks_risks_section_new, set_plan_risks },
  { "contracts", N_("Contracts"), "emblem-documents-symbolic",
    ks_contracts_section_new, set_plan_contracts },
  { "contacts", N_("Contacts"), "system-users-symbolic",
    ks_contacts_section_new, set_plan_contacts },
  { "interactions", N_("Interactions"), "x-office-calendar-symbolic",
    ks_interactions_section_new, set_plan_interactions },
  { "satisfaction", N_("Satisfaction"), "emblem-favorite-symbolic",
    ks_satisfaction_section_new, set_plan_satisfaction },
  { "complaints", N_("Complaints"), "mail-mark-important-symbolic",
    ks_complaints_section_new, set_plan_complaints },
};

struct _KsAccountPage
{
  AdwBin                parent_instance;

  KsStore              *store;
  KsAccount            *account;
  KsAccountPlan        *plan;

  AdwWindowTitle       *window_title;
  AdwViewStack         *section_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkDropDown          *section_dropdown;
  gboolean              syncing;      /* the sidebar, drop-down and stack follow each other */
  GtkBox               *overview_box;
  GtkButton            *edit_button;

  GtkWidget            *overview;     /* the rebuilt part of overview_box */
  /* Made the first time they are shown: a page opens with its overview only. */
  GtkWidget            *sections[N_SECTIONS];
  AdwBin               *section_bins[N_SECTIONS];
};

G_DEFINE_FINAL_TYPE (KsAccountPage, ks_account_page, ADW_TYPE_BIN)

static const char * const tier_classes[] = { "core", "key", "developing", "standard" };

/* Overview ---------------------------------------------------------------- */

/* The overview is a few cards of plain labels and level bars in a grid: rows of
 * AdwActionRow cost several times more to build and lay out, and the page's first frame
 * waits for them. */
static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (group), heading);
  if (description != NULL)
    {
      GtkWidget *label = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (group), label);
    }

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "ks-overview-card");
  gtk_box_append (GTK_BOX (group), grid);
  g_object_set_data (G_OBJECT (group), "ks-grid", grid);
  return group;
}

/* A new row of @group's grid: its title (and a dim line under it) in the first column;
 * returns the row's number. */
static int
add_title (GtkWidget  *group,
           const char *title,
           const char *subtitle)
{
  GtkGrid *grid = g_object_get_data (G_OBJECT (group), "ks-grid");
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (group), "ks-rows"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "caption");
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, box, 0, row, 1, 1);
  g_object_set_data (G_OBJECT (group), "ks-rows", GINT_TO_POINTER (row + 1));
  return row;
}

/* A row whose value is @widget, at the right. */
static void
add_widget_row (GtkWidget  *group,
                const char *title,
                const char *subtitle,
                GtkWidget  *widget)
{
  GtkGrid *grid = g_object_get_data (G_OBJECT (group), "ks-grid");
  int row = add_title (group, title, subtitle);

  gtk_widget_set_halign (widget, GTK_ALIGN_END);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, widget, 1, row, 2, 1);
}

static void
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle,
         const char *value,
         const char *name)
{
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  if (name != NULL)
    gtk_widget_set_name (label, name);
  add_widget_row (group, title, subtitle, label);
}

/* A row with a level bar from 0 to 100 and the figure beside it, to @decimals places.
 * Scores take one, as the portfolio shows them: the tiers' thresholds are compared
 * with that, and 79.6 shown as 80 would look Core. */
static void
add_bar_row (GtkWidget  *group,
             const char *title,
             const char *subtitle,
             double      value,
             int         decimals,
             const char *name)
{
  GtkGrid *grid = g_object_get_data (G_OBJECT (group), "ks-grid");
  int row = add_title (group, title, subtitle);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
  GtkWidget *label;
  g_autofree char *text = g_strdup_printf ("%.*f", decimals, value);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (value, 0, 100));
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), "low", 50);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), "high", 80);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), "full", 100);
  gtk_widget_set_size_request (bar, 100, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  label = gtk_label_new (text);
  gtk_label_set_width_chars (GTK_LABEL (label), decimals > 0 ? 4 + decimals : 3);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  if (name != NULL)
    gtk_widget_set_name (label, name);

  gtk_grid_attach (grid, bar, 1, row, 1, 1);
  gtk_grid_attach (grid, label, 2, row, 1, 1);
}

static void
add_profile_group (KsAccountPage *self,
                   GtkBox        *box)
{
  KsAccount *account = self->account;
  GtkWidget *group = new_group (_("Profile"), NULL);
  g_autofree char *purchases = ks_money_format (ks_account_get_annual_purchases (account),
                                                ks_account_get_currency (account));
  g_autofree char *profit = g_strdup_printf ("%.1f %%",
                                             ks_account_get_profit_contribution (account));
  g_autofree char *share = g_strdup_printf ("%.1f %%", ks_account_get_revenue_share (account));
  const char *fields[][2] = {
    { N_("Industry"), ks_account_get_industry (account) },
    { N_("Region"), ks_account_get_region (account) },
    { N_("Owner"), ks_account_get_owner (account) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i][1] != NULL && fields[i][1][0] != '\0')
      add_row (group, _(fields[i][0]), NULL, fields[i][1], NULL);
  add_row (group, _("Annual Purchases"), NULL, purchases, "overview-purchases");
  add_row (group, _("Profit Contribution"), NULL, profit, NULL);
  add_row (group, _("Share of Our Revenue"), NULL, share, NULL);
  if (self->plan != NULL && self->plan->credit_rating[0] != '\0')
    add_row (group, _("Credit Rating"), NULL, self->plan->credit_rating,
             "overview-credit-rating");

  gtk_box_append (box, group);
}

static void
add_score_group (KsAccountPage *self,
                 GtkBox        *box)
{
  KsAccount *account = self->account;
  const KsScoringRules *rules = ks_store_get_rules (self->store);
  GtkWidget *group = new_group (_("KA Score"), NULL);
  g_autofree char *note = NULL;
  GtkWidget *pill;
  KsTier tier = ks_account_get_tier (account);
  KsQuadrant quadrant = ks_account_get_quadrant (account);

  add_bar_row (group, _("KA Score"), NULL, ks_account_get_ka_score (account), 1,
               "overview-ka-score");
  for (guint d = 0; d < KS_N_DIMENSIONS; d++)
    {
      g_autofree char *weight = NULL;
      g_autofree char *name = g_strdup_printf ("overview-dimension-%u", d);

      /* Translators: a dimension's weight in the KA score, e.g. “weight 40 %” */
      weight = g_strdup_printf (_("weight %d %%"), rules->weights[d]);
      add_bar_row (group, ks_dimension_get_label (d), weight,
                   ks_scoring_dimension_score (ks_account_get_ratings (account), d), 1, name);
    }

  pill = gtk_label_new (ks_tier_get_label (tier));
  gtk_widget_set_name (pill, "overview-tier");
  gtk_widget_add_css_class (pill, "ks-tier");
  gtk_widget_add_css_class (pill, tier_classes[tier]);
  if (ks_account_get_tier_override (account) != KS_TIER_NONE)
    {
      gtk_widget_add_css_class (pill, "override");
      /* Translators: the tier was set by hand; %s is the tier the score gives */
      note = g_strdup_printf (_("Set by hand; the score gives %s"),
                              ks_tier_get_label (ks_account_get_scored_tier (account)));
    }
  add_widget_row (group, _("Tier"), note, pill);
  add_row (group, _("Quadrant"), ks_quadrant_get_strategy (quadrant),
           ks_quadrant_get_label (quadrant), "overview-quadrant");

  gtk_box_append (box, group);
}

static void
add_alerts (KsAccountPage *self,
            GtkBox        *box)
{
  KsAlertFlags alerts = ks_account_get_plan_summary (self->account)->alerts;
  GtkWidget *group;

  if (alerts == KS_ALERT_NONE)
    return;

  group = new_group (_("Alerts"), NULL);
  gtk_widget_set_name (group, "overview-alerts");
  for (guint i = 0; i < KS_N_ALERTS; i++)
    if (alerts & (1u << i))
      {
        GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

        gtk_widget_add_css_class (icon, "warning");
        add_widget_row (group, ks_alert_get_label (1u << i), NULL, icon);
      }
  gtk_box_append (box, group);
}

static void
add_health_group (KsAccountPage *self,
                  GtkBox        *box)
{
  const KsPlanSummary *summary = ks_account_get_plan_summary (self->account);
  GtkWidget *group;
  g_autoptr(GDateTime) now = NULL;
  KsHealthInputs inputs;
  KsHealthBreakdown breakdown;
  GDate today;

  if (!summary->has_health || self->plan == NULL)
    {
      group = new_group (_("Health"),
                         _("No plan yet: add targets, actions or risks and the health "
                           "score follows."));
      gtk_widget_set_name (group, "overview-health-empty");
      /* Only the heading and what to do: no empty card under them. */
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (group), "ks-grid"), FALSE);
      gtk_box_append (box, group);
      return;
    }

  group = new_group (_("Health"),
                     _("Computed from the plan; the weights are in Preferences."));
  add_bar_row (group, _("Health Score"), NULL, summary->health, 0, "overview-health");

  /* The same facts as the store's summary: the plan, and the relationships as of now. */
  now = ks_store_dup_now (self->store);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  ks_plan_inputs_from_plan (self->plan, &today, &inputs);
  ks_relations_fill_inputs (self->plan->relations, now, &inputs);
  ks_plan_health_compute (&inputs, ks_store_get_health_weights (self->store), &breakdown);
  for (guint i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    {
      const KsHealthPart *part = &breakdown.parts[i];
      g_autofree char *name = g_strdup_printf ("overview-health-%u", i);
      g_autofree char *detail = NULL;

      if (!part->present)
        {
          add_row (group, ks_health_component_get_label (i),
                   _("Left out; its weight is shared out"), _("No data"), name);
          continue;
        }
      /* Translators: a health component's weight and what it adds to the score,
       * e.g. “weight 30 % · adds 24.0” */
      detail = g_strdup_printf (_("weight %.0f %% · adds %.1f"), part->weight,
                                part->contribution);
      add_bar_row (group, ks_health_component_get_label (i), detail, part->score, 0, name);
    }
  gtk_box_append (box, group);
}

/* One line for the contracts: how far their checklists are reviewed, the open issues
 * and the renewals due. */
static void
add_contracts_group (KsAccountPage *self,
                     GtkBox        *box)
{
  KsContractCompletion all = { 0 };
  guint n_signed = 0, renewals = 0, n;
  g_autofree char *subtitle = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *issues = NULL;
  g_autofree char *value = NULL;
  GtkWidget *group;
  GDate today;

  if (self->plan == NULL || self->plan->contracts == NULL || self->plan->contracts->len == 0)
    return;

  n = self->plan->contracts->len;
  ks_store_get_today (self->store, &today);
  for (guint i = 0; i < n; i++)
    {
      const KsContract *contract = g_ptr_array_index (self->plan->contracts, i);
      KsContractCompletion completion;

      ks_contract_completion (contract, &completion);
      all.total += completion.total;
      all.reviewed += completion.reviewed;
      all.issues += completion.issues;
      n_signed += contract->status == KS_CONTRACT_SIGNED;
      renewals += ks_contract_renewal_due (contract, &today);
    }

  /* Translators: the contracts of an account in its overview, e.g. “3 contracts, 2
   * signed” */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract, %u signed",
                                           "%u contracts, %u signed", n),
                              n, n_signed);
  reviewed = ks_contract_ui_describe_completion (&all);
  issues = ks_contract_ui_describe_issues (all.issues);
  if (renewals > 0)
    {
      g_autofree char *due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u renewal due",
                                                           "%u renewals due", renewals),
                                              renewals);

      /* Translators: the review of an account's contracts, e.g. “18 of 32 reviewed ·
       * 1 open issue · 1 renewal due” */
      value = g_strdup_printf (_("%s · %s · %s"), reviewed, issues, due);
    }
  else
    {
      /* Translators: the review of an account's contracts, e.g. “18 of 32 reviewed ·
       * 1 open issue” */
      value = g_strdup_printf (_("%s · %s"), reviewed, issues);
    }

  group = new_group (_("Contracts"), NULL);
  gtk_widget_set_name (group, "overview-contracts");
  add_row (group, _("Checklist Review"), subtitle, value, "overview-contracts-summary");
  gtk_box_append (box, group);
}

static void
rebuild_overview (KsAccountPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  add_alerts (self, GTK_BOX (box));
  add_score_group (self, GTK_BOX (box));
  add_health_group (self, GTK_BOX (box));
  add_contracts_group (self, GTK_BOX (box));
  add_profile_group (self, GTK_BOX (box));

  if (self->overview != NULL)
    gtk_box_remove (self->overview_box, self->overview);
  self->overview = box;
  gtk_box_append (self->overview_box, box);
}

static void
update_title (KsAccountPage *self)
{
  KsAccount *account = self->account;
  g_autofree char *subtitle = NULL;

  /* Translators: under the account's name: its tier and quadrant */
  subtitle = g_strdup_printf (_("%s · %s"), ks_tier_get_label (ks_account_get_tier (account)),
                              ks_quadrant_get_label (ks_account_get_quadrant (account)));
  adw_window_title_set_title (self->window_title, ks_account_get_name (account));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Plan -------------------------------------------------------------------- */

static void
reload_plan (KsAccountPage *self)
{
  g_autoptr(GError) error = NULL;
  KsAccountPlan *plan;

  plan = ks_store_load_plan (self->store, ks_account_get_id (self->account), &error);
  if (plan == NULL)
    {
      /* Deleted meanwhile: the window goes back; keep what is shown. */
      if (!g_error_matches (error, KS_ERROR, KS_ERROR_NOT_FOUND))
        g_warning ("Could not load the plan: %s", error->message);
      return;
    }

  g_clear_pointer (&self->plan, ks_account_plan_free);
  self->plan = plan;

  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->sections[i] != NULL)
      section_info[i].set_plan (self->sections[i], plan);
  rebuild_overview (self);
}

static void
on_plan_changed (KsAccountPage *self,
                 gint64         account_id)
{
  if (account_id == 0 || account_id == ks_account_get_id (self->account))
    reload_plan (self);
}

static void
on_account_notify (KsAccountPage *self)
{
  update_title (self);
  rebuild_overview (self);
}

static void
on_edit_clicked (KsAccountPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-account", "x",
                              ks_account_get_id (self->account));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  on_edit_clicked (KS_ACCOUNT_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (widget);

  gtk_widget_activate_action (widget, "win.delete-account", "x",
                              ks_account_get_id (self->account));
}

/* account.export-plan and account.print-plan: the dialog that prepares this account's
 * plan (Ctrl+E and Ctrl+P reach it through win.export and win.print). */
static void
plan_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (widget);

  gtk_widget_activate_action (widget,
                              g_str_equal (action_name, "account.print-plan") ? "win.print-plan"
                                                                              : "win.export-plan",
                              "x", ks_account_get_id (self->account));
}

/* GObject ----------------------------------------------------------------- */

static void
ks_account_page_dispose (GObject *object)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_pointer (&self->plan, ks_account_plan_free);

  G_OBJECT_CLASS (ks_account_page_parent_class)->dispose (object);
}

static void
ks_account_page_class_init (KsAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_account_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, section_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, overview_box);
  gtk_widget_class_bind_template_child (widget_class, KsAccountPage, edit_button);

  gtk_widget_class_install_action (widget_class, "account.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "account.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "account.export-plan", NULL,
                                   plan_document_action);
  gtk_widget_class_install_action (widget_class, "account.print-plan", NULL,
                                   plan_document_action);
}

static void
ks_account_page_init (KsAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->edit_button, "clicked", G_CALLBACK (on_edit_clicked),
                           self, G_CONNECT_SWAPPED);
}

/* The stack's pages in order: the overview, then every section. */
static const char *
page_name (guint position)
{
  return position == 0 ? "overview" : section_info[position - 1].name;
}

/* Makes the section shown, the first time, and points the sidebar and the drop-down
 * at it. */
static void
on_visible_child (KsAccountPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->section_stack);

  for (guint i = 0; i < N_SECTIONS; i++)
    if (g_strcmp0 (name, section_info[i].name) == 0 && self->sections[i] == NULL)
      {
        GtkWidget *widget = section_info[i].create (self->store, self->account);

        gtk_widget_set_margin_top (widget, 18);
        gtk_widget_set_margin_bottom (widget, 18);
        gtk_widget_set_margin_start (widget, 12);
        gtk_widget_set_margin_end (widget, 12);
        self->sections[i] = widget;
        if (self->plan != NULL)
          section_info[i].set_plan (widget, self->plan);
        adw_bin_set_child (self->section_bins[i], widget);
      }

  if (self->syncing)
    return;
  self->syncing = TRUE;
  for (guint p = 0; p <= N_SECTIONS; p++)
    if (g_strcmp0 (name, page_name (p)) == 0)
      {
        gtk_list_box_select_row (self->sidebar,
                                 gtk_list_box_get_row_at_index (self->sidebar, (int) p));
        gtk_drop_down_set_selected (self->section_dropdown, p);
      }
  self->syncing = FALSE;
}

static void
on_sidebar_selected (KsAccountPage *self,
                     GtkListBoxRow *row)
{
  if (row == NULL || self->syncing)
    return;
  adw_view_stack_set_visible_child_name (self->section_stack,
                                         page_name (gtk_list_box_row_get_index (row)));
}

static void
on_dropdown_selected (KsAccountPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->section_dropdown);

  if (self->syncing || selected > N_SECTIONS)
    return;
  adw_view_stack_set_visible_child_name (self->section_stack, page_name (selected));
}

static void
add_sidebar_row (KsAccountPage *self,
                 const char    *name,
                 const char    *title,
                 const char    *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *row_name = g_strdup_printf ("section-%s", name);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), gtk_label_new (title));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, row_name);
  gtk_list_box_append (self->sidebar, row);
}

/* The sidebar's groups: the plan, then the relationships. */
static void
sidebar_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       user_data)
{
  int index = gtk_list_box_row_get_index (row);
  const char *title = NULL;
  GtkWidget *label;

  if (index == 1 + SECTION_TARGETS)
    title = _("Plan");
  else if (index == 1 + SECTION_CONTACTS)
    title = _("Relationships");
  if (title == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_header (row, label);
}

/* Each section's page: scrolled and clamped, its content made when first shown; a row
 * in the sidebar and an item in the drop-down for each page. */
static void
add_sections (KsAccountPage *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  add_sidebar_row (self, "overview", _("Overview"), "user-info-symbolic");
  gtk_string_list_append (titles, _("Overview"));

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkWidget *clamp = adw_clamp_new ();
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *bin = adw_bin_new ();
      AdwViewStackPage *page;

      adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
      adw_clamp_set_child (ADW_CLAMP (clamp), bin);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

      page = adw_view_stack_add_titled (self->section_stack, scrolled, section_info[i].name,
                                        _(section_info[i].title));
      adw_view_stack_page_set_icon_name (page, section_info[i].icon_name);
      self->section_bins[i] = ADW_BIN (bin);
      add_sidebar_row (self, section_info[i].name, _(section_info[i].title),
                       section_info[i].icon_name);
      gtk_string_list_append (titles, _(section_info[i].title));
    }

  gtk_list_box_set_header_func (self->sidebar, sidebar_header, NULL, NULL);
  gtk_drop_down_set_model (self->section_dropdown, G_LIST_MODEL (titles));
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  /* Folded, the leaflet shows the section, never the sidebar alone. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  g_signal_connect_object (self->section_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "row-selected",
                           G_CALLBACK (on_sidebar_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->section_dropdown, "notify::selected",
                           G_CALLBACK (on_dropdown_selected), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ks_account_page_new (KsStore   *store,
                     KsAccount *account)
{
  KsAccountPage *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_ACCOUNT_PAGE, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  add_sections (self);

  g_signal_connect_object (store, "plan-changed", G_CALLBACK (on_plan_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "rules-changed", G_CALLBACK (on_account_notify), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (account, "notify", G_CALLBACK (on_account_notify), self,
                           G_CONNECT_SWAPPED);

  update_title (self);
  reload_plan (self);
  if (self->plan == NULL)
    rebuild_overview (self);

  return GTK_WIDGET (self);
}

KsAccount *
ks_account_page_get_account (KsAccountPage *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_PAGE (self), NULL);
  return self->account;
}

/* Shows one section: "overview", "targets", "actions", "opportunities", "swot", "risks". */
void
ks_account_page_show_section (KsAccountPage *self,
                              const char    *name)
{
  g_return_if_fail (KS_IS_ACCOUNT_PAGE (self));
  adw_view_stack_set_visible_child_name (self->section_stack, name);
}
