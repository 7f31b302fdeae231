/* ks-report-plan.c — the account plan as a printed document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the account and its plan from the store and adds one section after another to
 * a KsDocument; the charts are the ones the account page shows (ks-chart, ks-plan-chart,
 * ks-relation-map), drawn straight onto the page. They work in pixels at 96 to the
 * inch, the document in points: their figures scale by three quarters.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "ks-chart.h"
#include "ks-contract.h"
#include "ks-error.h"
#include "ks-money.h"
#include "ks-plan-chart.h"
#include "ks-relation-map.h"
#include "ks-report-figures.h"
#include "ks-report-plan.h"

#define POINTS_PER_PIXEL KS_DOCUMENT_POINTS_PER_PIXEL
/* The charts' text, in points, a little smaller than the body's. */
#define CHART_FONT_SIZE 8

static const struct
{
  const char *key;
  const char *label;
} sections[KS_REPORT_N_SECTIONS] = {
  /* Translators: a section of the printed account plan */
  { "profile", N_("Profile") },
  /* Translators: a section of the printed account plan */
  { "score", N_("KA Score") },
  /* Translators: a section of the printed account plan */
  { "health", N_("Health") },
  /* Translators: a section of the printed account plan: the account on the quadrant
   * chart */
  { "quadrant", N_("Position in the Portfolio") },
  /* Translators: a section of the printed account plan */
  { "targets", N_("Targets and Actuals") },
  /* Translators: a section of the printed account plan */
  { "actions", N_("Action Plan") },
  /* Translators: a section of the printed account plan */
  { "swot", N_("SWOT") },
  /* Translators: a section of the printed account plan: the relationship map and the
   * contacts */
  { "relationships", N_("Relationships") },
  /* Translators: a section of the printed account plan */
  { "complaints", N_("Complaints") },
  /* Translators: a section of the printed account plan: cross-sell and up-sell by
   * product */
  { "opportunities", N_("Opportunities") },
  /* Translators: a section of the printed account plan: the contracts and their
   * checklists */
  { "contracts", N_("Contracts") },
  /* Translators: a section of the printed account plan */
  { "risks", N_("Risks and Contingency Plans") },
};

KsReportSections
ks_report_section_nth (guint index)
{
  g_return_val_if_fail (index < KS_REPORT_N_SECTIONS, KS_REPORT_SECTIONS_NONE);

  return (KsReportSections) (1u << index);
}

static int
section_index (KsReportSections section)
{
  for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
    if ((guint) section == 1u << i)
      return (int) i;
  return -1;
}

const char *
ks_report_section_get_key (KsReportSections section)
{
  int i = section_index (section);

  g_return_val_if_fail (i >= 0, NULL);

  return sections[i].key;
}

const char *
ks_report_section_get_label (KsReportSections section)
{
  int i = section_index (section);

  g_return_val_if_fail (i >= 0, NULL);

  return _(sections[i].label);
}

gboolean
ks_report_sections_parse (const char        *list,
                          KsReportSections  *out,
                          GError           **error)
{
  g_auto(GStrv) names = NULL;
  KsReportSections parsed = KS_REPORT_SECTIONS_NONE;
  gboolean any = FALSE;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (names[n]), -1);
      gboolean known = FALSE;

      if (*name == '\0')
        continue;
      any = TRUE;
      for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
        if (g_str_equal (name, sections[i].key))
          {
            parsed |= 1u << i;
            known = TRUE;
          }

      if (!known)
        {
          g_autoptr(GString) keys = g_string_new (NULL);

          for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
            g_string_append_printf (keys, i > 0 ? ", %s" : "%s", sections[i].key);
          g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                       /* Translators: the first %s is what the user typed, the second the
                        * list of section names, which stay in English */
                       _("“%s” is not a section of the account plan. The sections are: %s."),
                       names[n], keys->str);
          return FALSE;
        }
    }

  if (!any)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("Name the sections to leave out, separated by commas, e.g. "
                             "“swot,risks,health”."));
      return FALSE;
    }

  *out = parsed;
  return TRUE;
}

/* ---- Formatting ------------------------------------------------------------------ */

static const char *
none_recorded (void)
{
  /* Translators: a section of the printed account plan that has nothing in it */
  return _("None recorded.");
}

static char *
format_percent (double percent)
{
  /* Translators: a percentage in a printed document, as in 95 % */
  return g_strdup_printf (_("%.0f %%"), percent);
}

static char *
format_score (double score)
{
  /* Translators: a score out of 100 in a printed document, as in “82 / 100” */
  return g_strdup_printf (_("%.0f / 100"), score);
}

static char *
format_metric_value (KsTargetMetric  metric,
                     gint64          value,
                     const char     *currency)
{
  if (ks_target_metric_is_money (metric))
    return ks_report_format_amount (value, currency);
  return ks_plan_chart_format_short (value, metric, NULL);
}

/* A stored date-time, in its own zone, to the minute; the text itself when unreadable. */
static char *
format_date_time (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL)
    return g_strdup ("");
  time = ks_relations_parse_date_time (iso);
  if (time == NULL)
    return g_strdup (iso);
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

/* ---- Figures --------------------------------------------------------------------- */

/* The charts' font: their own default is for the screen. */
static PangoContext *
chart_context (void)
{
  return ks_document_new_chart_context (CHART_FONT_SIZE);
}

typedef struct
{
  KsTargetYear year;
  char        *currency;
} TargetsFigure;

static void
targets_figure_free (gpointer data)
{
  TargetsFigure *figure = data;

  g_free (figure->currency);
  g_free (figure);
}

static void
draw_targets (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  data)
{
  TargetsFigure *figure = data;
  PangoContext *context = chart_context ();

  cairo_scale (cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
  ks_plan_chart_render (cr, width / POINTS_PER_PIXEL, height / POINTS_PER_PIXEL,
                        &figure->year, figure->currency, KS_CHART_STYLE_LIGHT, context);
  g_object_unref (context);
}

/* The map's height follows from its width: the layout for the last width is kept. */
typedef struct
{
  KsRelations         *relations;
  KsRelationMapLayout *layout;
  double               width;    /* pixels */
} MapFigure;

static void
map_figure_free (gpointer data)
{
  MapFigure *figure = data;

  g_clear_pointer (&figure->layout, ks_relation_map_layout_free);
  ks_relations_free (figure->relations);
  g_free (figure);
}

static KsRelationMapLayout *
map_layout_for (MapFigure *figure,
                double     width)
{
  double pixels = width / POINTS_PER_PIXEL;

  if (figure->layout == NULL || figure->width != pixels)
    {
      PangoContext *context = chart_context ();

      g_clear_pointer (&figure->layout, ks_relation_map_layout_free);
      figure->layout = ks_relation_map_layout_new (figure->relations, pixels, context);
      figure->width = pixels;
      g_object_unref (context);
    }
  return figure->layout;
}

static double
measure_map (double   width,
             gpointer data)
{
  return ks_relation_map_layout_get_height (map_layout_for (data, width)) * POINTS_PER_PIXEL;
}

static void
draw_map (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  data)
{
  KsRelationMapLayout *layout = map_layout_for (data, width);

  cairo_scale (cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
  ks_relation_map_render (cr, layout, KS_CHART_STYLE_LIGHT);
}

/* ---- Sections -------------------------------------------------------------------- */

typedef struct
{
  KsStore       *store;
  KsAccount     *account;
  KsAccountPlan *plan;
  KsDocument    *document;
  GDateTime     *now;
  GDate          today;
  const char    *currency;
} Report;

static void
heading (Report           *report,
         KsReportSections  section)
{
  ks_document_add_heading (report->document, 1, ks_report_section_get_label (section));
}

static void
add_value (Report     *report,
           const char *key,
           const char *value)
{
  if (value != NULL && *value != '\0')
    ks_document_add_key_value (report->document, key, value, KS_DOCUMENT_STYLE_NORMAL);
}

static void
add_profile (Report *report)
{
  KsAccount *account = report->account;
  g_autofree char *purchases = ks_money_format (ks_account_get_annual_purchases (account),
                                                report->currency);
  g_autofree char *profit = format_percent (ks_account_get_profit_contribution (account));
  g_autofree char *share = format_percent (ks_account_get_revenue_share (account));
  const char *notes = ks_account_get_notes (account);

  heading (report, KS_REPORT_SECTION_PROFILE);
  add_value (report, _("Industry"), ks_account_get_industry (account));
  add_value (report, _("Region"), ks_account_get_region (account));
  add_value (report, _("Owner"), ks_account_get_owner (account));
  add_value (report, _("Currency"), report->currency);
  add_value (report, _("Annual Purchases"), purchases);
  add_value (report, _("Profit Contribution"), profit);
  add_value (report, _("Share of Our Revenue"), share);
  add_value (report, _("Credit Rating"), report->plan->credit_rating);

  if (notes != NULL && *notes != '\0')
    {
      ks_document_add_heading (report->document, 2, _("Notes"));
      ks_document_add_paragraph (report->document, notes);
    }
}

static void
add_score (Report *report)
{
  KsAccount *account = report->account;
  const KsScoringRules *rules = ks_store_get_rules (report->store);
  KsQuadrant quadrant = ks_account_get_quadrant (account);
  g_autofree char *score = format_score (ks_account_get_ka_score (account));
  g_autofree char *tier = NULL;
  g_autofree char *quadrant_text = NULL;
  KsDocumentTable *table;

  heading (report, KS_REPORT_SECTION_SCORE);
  ks_document_add_key_value (report->document, _("KA Score"), score, KS_DOCUMENT_STYLE_STRONG);
  if (ks_account_get_tier_override (account) != KS_TIER_NONE)
    /* Translators: the tier was set by hand; the first %s is the tier, the second the
     * tier the score gives */
    tier = g_strdup_printf (_("%s (set by hand; the score gives %s)"),
                            ks_tier_get_label (ks_account_get_tier (account)),
                            ks_tier_get_label (ks_account_get_scored_tier (account)));
  else
    tier = g_strdup (ks_tier_get_label (ks_account_get_tier (account)));
  ks_document_add_key_value (report->document, _("Tier"), tier, KS_DOCUMENT_STYLE_NORMAL);
  /* Translators: a quadrant and its strategy, “Strategic: strategic partnership and
   * ecosystem co-building” */
  quadrant_text = g_strdup_printf (_("%s: %s"), ks_quadrant_get_label (quadrant),
                                   ks_quadrant_get_strategy (quadrant));
  ks_document_add_key_value (report->document, _("Quadrant"), quadrant_text,
                             KS_DOCUMENT_STYLE_NORMAL);

  table = ks_document_add_table (report->document, 3);
  /* Translators: a column of the KA score table: scale & value, strategic significance… */
  ks_document_table_set_column (table, 0, _("Dimension"), 50, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, _("Weight"), 20, KS_DOCUMENT_ALIGN_END);
  ks_document_table_set_column (table, 2, _("Score"), 20, KS_DOCUMENT_ALIGN_END);
  for (guint d = 0; d < KS_N_DIMENSIONS; d++)
    {
      g_autofree char *weight = g_strdup_printf ("%d %%", rules->weights[d]);
      g_autofree char *value = format_score (
        ks_scoring_dimension_score (ks_account_get_ratings (account), d));
      const char *cells[] = { ks_dimension_get_label (d), weight, value };

      ks_document_table_add_row (table, cells);
    }
}

static void
add_health (Report *report)
{
  const KsPlanSummary *summary = ks_account_get_plan_summary (report->account);
  KsHealthInputs inputs;
  KsHealthBreakdown breakdown;
  g_autofree char *total = NULL;
  KsDocumentTable *table;
  guint row;

  heading (report, KS_REPORT_SECTION_HEALTH);
  if (!summary->has_health)
    {
      ks_document_add_note (report->document,
                            _("No health score yet: it follows from targets, actions and "
                              "risks."));
      return;
    }

  /* The facts the store's summary reads: the plan, and the relationships as of now. */
  memset (&inputs, 0, sizeof inputs);
  ks_plan_inputs_from_plan (report->plan, &report->today, &inputs);
  if (!ks_relations_is_empty (report->plan->relations))
    ks_relations_fill_inputs (report->plan->relations, report->now, &inputs);
  ks_plan_health_compute (&inputs, ks_store_get_health_weights (report->store), &breakdown);

  total = format_score (summary->health);
  ks_document_add_key_value (report->document, _("Health Score"), total,
                             KS_DOCUMENT_STYLE_STRONG);
  for (guint i = 0; i < KS_N_ALERTS; i++)
    if (summary->alerts & (1u << i))
      /* Translators: a key in the health section, before an alert such as “High risk” */
      ks_document_add_key_value (report->document, _("Alert"), ks_alert_get_label (1u << i),
                                 KS_DOCUMENT_STYLE_WARNING);

  table = ks_document_add_table (report->document, 4);
  /* Translators: a column of the health breakdown: attainment, overdue actions… */
  ks_document_table_set_column (table, 0, _("Component"), 40, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, _("Score"), 20, KS_DOCUMENT_ALIGN_END);
  ks_document_table_set_column (table, 2, _("Weight"), 20, KS_DOCUMENT_ALIGN_END);
  /* Translators: a column of the health breakdown: what a component adds to the score */
  ks_document_table_set_column (table, 3, _("Adds"), 20, KS_DOCUMENT_ALIGN_END);
  for (guint i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    {
      const KsHealthPart *part = &breakdown.parts[i];
      g_autofree char *score = NULL;
      g_autofree char *weight = NULL;
      g_autofree char *adds = NULL;

      if (!part->present)
        {
          /* Translators: a health component without data, left out of the score */
          const char *cells[] = { ks_health_component_get_label (i), _("No data"), "—", "—" };

          row = ks_document_table_add_row (table, cells);
          ks_document_table_set_row_style (table, row, KS_DOCUMENT_STYLE_MUTED);
          continue;
        }
      score = format_score (part->score);
      weight = g_strdup_printf ("%.0f %%", part->weight);
      adds = g_strdup_printf ("%.1f", part->contribution);
      {
        const char *cells[] = { ks_health_component_get_label (i), score, weight, adds };

        ks_document_table_add_row (table, cells);
      }
    }
  ks_document_add_note (report->document,
                        _("Components without data are left out; their weight is shared "
                          "among the others."));
}

static void
add_quadrant (Report *report)
{
  GListModel *accounts = ks_store_get_accounts (report->store);
  guint n = g_list_model_get_n_items (accounts);
  GArray *points = g_array_sized_new (FALSE, TRUE, sizeof (KsChartPoint), n);
  int highlight = -1;
  double split_value, split_growth;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      gboolean self = account == report->account
                      || ks_account_get_id (account) == ks_account_get_id (report->account);
      KsChartPoint point = {
        .id = ks_account_get_id (account),
        .name = g_strdup (self ? ks_account_get_name (account) : ""),
        .value = ks_account_get_value_score (account),
        .growth = ks_account_get_growth_score (account),
        .size = ks_account_get_annual_purchases (account),
        .tier = ks_account_get_tier (account),
      };

      if (self)
        highlight = (int) points->len;
      g_array_append_val (points, point);
    }
  ks_store_get_split (report->store, &split_value, &split_growth);

  heading (report, KS_REPORT_SECTION_QUADRANT);
  /* only this account named and ringed: the others give its place a context */
  ks_report_add_quadrant (report->document, 360, 270, points, report->currency,
                          split_value, split_growth, highlight, KS_CHART_LABELS);
  ks_document_add_note (report->document,
                        _("The ringed bubble is this account, among the others of the "
                          "portfolio. Across: value (scale and strategic significance). Up: "
                          "growth potential (cooperation potential). The bubble’s size is "
                          "the annual purchases, its colour the tier."));
}

/* One metric's three rows: targets, actuals, attainment. */
static void
add_target_rows (Report             *report,
                 KsDocumentTable    *table,
                 const KsTargetYear *year)
{
  KsTargetMetric metric = year->metric;
  KsPlanChartAttainment attainment;
  g_autofree char *label = NULL;
  char *cells[3][KS_PLAN_N_QUARTERS + 3] = { { NULL, }, };
  gint64 annual;
  double sum = 0;
  guint n_actuals = 0;
  guint rows[3];

  if (ks_target_metric_is_money (metric))
    /* Translators: a target metric and its currency, “Revenue (CNY)” */
    label = g_strdup_printf (_("%s (%s)"), ks_target_metric_get_label (metric),
                             report->currency);
  else
    /* Translators: a percentage metric, “Gross margin (%)” */
    label = g_strdup_printf (_("%s (%%)"), ks_target_metric_get_label (metric));

  cells[0][0] = g_strdup (label);
  /* Translators: the rows of one metric in the targets table */
  cells[0][1] = g_strdup (C_("targets table row", "Target"));
  cells[1][1] = g_strdup (C_("targets table row", "Actual"));
  cells[2][1] = g_strdup (C_("targets table row", "Attainment"));

  ks_plan_chart_attainment (year, 0, &attainment);
  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      gint64 value;

      if (ks_target_year_get_target (year, q, &value))
        cells[0][q + 1] = format_metric_value (metric, value, report->currency);
      if (ks_target_year_get_actual (year, q, &value))
        {
          cells[1][q + 1] = format_metric_value (metric, value, report->currency);
          sum += (double) value;
          n_actuals++;
        }
      if (attainment.has[q - 1])
        {
          g_autofree char *percent = format_percent (attainment.attainment[q - 1]);

          /* a fall from the quarter before is marked, as on the chart */
          cells[2][q + 1] = attainment.dropped[q - 1] ? g_strconcat ("▼ ", percent, NULL)
                                                      : g_strdup (percent);
        }
    }

  if (ks_target_year_annual_target (year, &annual))
    cells[0][KS_PLAN_N_QUARTERS + 2] = format_metric_value (metric, annual, report->currency);
  if (n_actuals > 0)
    {
      double total = ks_target_metric_is_money (metric) ? sum : sum / n_actuals;

      total = CLAMP (total, (double) -KS_MONEY_MAX, (double) KS_MONEY_MAX);
      cells[1][KS_PLAN_N_QUARTERS + 2] = format_metric_value (metric, (gint64) llround (total),
                                                              report->currency);
    }
  if (attainment.has_ytd)
    cells[2][KS_PLAN_N_QUARTERS + 2] = format_percent (attainment.ytd);

  for (guint r = 0; r < 3; r++)
    {
      rows[r] = ks_document_table_add_row (table, (const char * const *) cells[r]);
      ks_document_table_set_cell_style (table, rows[r], 1, KS_DOCUMENT_STYLE_MUTED);
      if (r < 2)
        ks_document_table_keep_with_next (table, rows[r]);
      for (guint c = 0; c < G_N_ELEMENTS (cells[r]); c++)
        g_free (cells[r][c]);
    }
  ks_document_table_set_cell_style (table, rows[0], 0, KS_DOCUMENT_STYLE_STRONG);
  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    if (attainment.dropped[q - 1])
      ks_document_table_set_cell_style (table, rows[2], q + 1, KS_DOCUMENT_STYLE_WARNING);
  if (attainment.has_ytd)
    ks_document_table_set_cell_style (table, rows[2], KS_PLAN_N_QUARTERS + 2,
                                      KS_DOCUMENT_STYLE_STRONG);
}

static void
add_targets (Report *report)
{
  int year = g_date_get_year (&report->today);
  const KsTargetYear *charted = NULL;
  KsDocumentTable *table = NULL;
  g_autofree char *title = NULL;

  heading (report, KS_REPORT_SECTION_TARGETS);
  /* Translators: the year of the targets in the printed account plan, “Year 2026” */
  title = g_strdup_printf (_("Year %d"), year);
  ks_document_add_heading (report->document, 2, title);

  for (guint m = 0; m < KS_N_TARGET_METRICS; m++)
    {
      const KsTargetYear *entry = ks_account_plan_find_target (report->plan, year, m);

      if (entry == NULL || (entry->has_target == 0 && entry->has_actual == 0))
        continue;
      if (table == NULL)
        {
          table = ks_document_add_table (report->document, KS_PLAN_N_QUARTERS + 3);
          ks_document_table_set_column (table, 0, _("Metric"), 18, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (table, 1, NULL, 14, KS_DOCUMENT_ALIGN_START);
          for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
            {
              /* Translators: a quarter, “Q1” */
              g_autofree char *quarter = g_strdup_printf (_("Q%u"), q);

              ks_document_table_set_column (table, q + 1, quarter, 13.5, KS_DOCUMENT_ALIGN_END);
            }
          /* the column of the whole year, as in the targets grid */
          ks_document_table_set_column (table, KS_PLAN_N_QUARTERS + 2,
                                        C_("targets grid column", "Annual"), 14,
                                        KS_DOCUMENT_ALIGN_END);
        }
      add_target_rows (report, table, entry);
      /* revenue when it has targets, else the first metric that has */
      if (charted == NULL)
        charted = entry;
    }

  if (table == NULL)
    {
      ks_document_add_note (report->document, none_recorded ());
      return;
    }

  ks_document_add_note (report->document,
                        _("Attainment is the actual over the target; the year’s is year to "
                          "date. ▼ marks a fall of 10 points or more from the quarter "
                          "before."));

  {
    TargetsFigure *figure = g_new0 (TargetsFigure, 1);

    figure->year = *charted;
    figure->currency = g_strdup (report->currency);
    ks_document_add_figure (report->document, 0, 220, draw_targets, figure,
                            targets_figure_free);
  }
}

static void
add_actions (Report *report)
{
  GPtrArray *actions = report->plan->actions;
  KsDocumentTable *table;

  heading (report, KS_REPORT_SECTION_ACTIONS);
  if (actions->len == 0)
    {
      ks_document_add_note (report->document, none_recorded ());
      return;
    }

  table = ks_document_add_table (report->document, 5);
  ks_document_table_set_column (table, 0, _("Action"), 44, KS_DOCUMENT_ALIGN_START);
  /* Translators: a column of the action plan: the target an action serves */
  ks_document_table_set_column (table, 1, _("For"), 16, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 2, _("Owner"), 14, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 3, _("Due Date"), 13, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 4, _("Status"), 15, KS_DOCUMENT_ALIGN_START);

  for (guint i = 0; i < actions->len; i++)
    {
      const KsAction *action = g_ptr_array_index (actions, i);
      const char *metric = action->metric >= 0 && action->metric < KS_N_TARGET_METRICS
                           ? ks_target_metric_get_label (action->metric) : "—";
      const char *status = ks_action_status_get_label (action->status);
      g_autofree char *status_text = NULL;
      gboolean overdue = FALSE;
      GDate due;
      guint row;

      if (action->due != NULL && ks_plan_parse_date (action->due, &due))
        overdue = ks_plan_action_is_overdue (&due, action->status, &report->today);
      if (overdue)
        /* Translators: an action's status in the printed plan when its due date has
         * passed, “Open, overdue” */
        status_text = g_strdup_printf (_("%s, overdue"), status);
      else
        status_text = g_strdup (status);

      {
        const char *cells[] = { action->title, metric, ks_report_or_dash (action->owner),
                                ks_report_or_dash (action->due), status_text };

        row = ks_document_table_add_row (table, cells);
      }
      if (overdue)
        {
          ks_document_table_set_cell_style (table, row, 3, KS_DOCUMENT_STYLE_WARNING);
          ks_document_table_set_cell_style (table, row, 4, KS_DOCUMENT_STYLE_WARNING);
        }
      else if (action->status == KS_ACTION_DONE)
        ks_document_table_set_cell_style (table, row, 4, KS_DOCUMENT_STYLE_GOOD);
      else if (action->status == KS_ACTION_DROPPED)
        ks_document_table_set_row_style (table, row, KS_DOCUMENT_STYLE_MUTED);
    }
}

/* Two kinds of the SWOT side by side, one item a row. */
static void
add_swot_pair (Report     *report,
               KsSwotKind  left,
               KsSwotKind  right)
{
  GPtrArray *swot = report->plan->swot;
  g_autoptr(GPtrArray) left_items = g_ptr_array_new ();
  g_autoptr(GPtrArray) right_items = g_ptr_array_new ();
  GPtrArray *items[2] = { left_items, right_items };
  KsDocumentTable *table = ks_document_add_table (report->document, 2);
  guint n;

  ks_document_table_set_column (table, 0, ks_swot_kind_get_label (left), 1,
                                KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, ks_swot_kind_get_label (right), 1,
                                KS_DOCUMENT_ALIGN_START);
  for (guint i = 0; i < swot->len; i++)
    {
      const KsSwotItem *item = g_ptr_array_index (swot, i);

      if (item->kind == left)
        g_ptr_array_add (items[0], item->text);
      else if (item->kind == right)
        g_ptr_array_add (items[1], item->text);
    }

  n = MAX (1, MAX (items[0]->len, items[1]->len));
  for (guint r = 0; r < n; r++)
    {
      const char *cells[2];
      guint row;

      for (guint c = 0; c < 2; c++)
        cells[c] = r < items[c]->len ? g_ptr_array_index (items[c], r)
                   : r == 0 ? none_recorded () : NULL;
      row = ks_document_table_add_row (table, cells);
      for (guint c = 0; c < 2; c++)
        if (items[c]->len == 0)
          ks_document_table_set_cell_style (table, row, c, KS_DOCUMENT_STYLE_MUTED);
    }
}

static void
add_swot (Report *report)
{
  heading (report, KS_REPORT_SECTION_SWOT);
  if (report->plan->swot->len == 0)
    {
      ks_document_add_note (report->document, none_recorded ());
      return;
    }
  add_swot_pair (report, KS_SWOT_STRENGTH, KS_SWOT_WEAKNESS);
  add_swot_pair (report, KS_SWOT_OPPORTUNITY, KS_SWOT_THREAT);
}

static void
add_relationships (Report *report)
{
  KsRelations *relations = report->plan->relations;
  KsDocumentTable *table;
  MapFigure *figure;

  heading (report, KS_REPORT_SECTION_RELATIONSHIPS);
  if (relations->contacts->len == 0)
    {
      ks_document_add_note (report->document, none_recorded ());
      return;
    }

  figure = g_new0 (MapFigure, 1);
  figure->relations = ks_relations_copy (relations);
  ks_document_add_figure_for_width (report->document, measure_map, draw_map, figure,
                                    map_figure_free);

  ks_document_add_heading (report->document, 2, _("Contacts"));
  table = ks_document_add_table (report->document, 6);
  ks_document_table_set_column (table, 0, C_("contact", "Name"), 18, KS_DOCUMENT_ALIGN_START);
  /* Translators: a contact's job title */
  ks_document_table_set_column (table, 1, C_("contact", "Title"), 24, KS_DOCUMENT_ALIGN_START);
  /* Translators: a contact's layer: executive, decision maker or execution */
  ks_document_table_set_column (table, 2, _("Layer"), 15, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 3, _("Attitude"), 13, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 4, _("Influence"), 12, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 5, _("Last Contact"), 15, KS_DOCUMENT_ALIGN_START);
  for (guint i = 0; i < relations->contacts->len; i++)
    {
      const KsContact *contact = g_ptr_array_index (relations->contacts, i);
      const char *cells[] = {
        contact->name, ks_report_or_dash (contact->title), ks_contact_layer_get_label (contact->layer),
        ks_attitude_get_label (contact->attitude), ks_influence_get_label (contact->influence),
        ks_report_or_dash (contact->last_contact),
      };
      guint row = ks_document_table_add_row (table, cells);

      ks_document_table_set_cell_style (table, row, 0, KS_DOCUMENT_STYLE_STRONG);
      if (contact->attitude == KS_ATTITUDE_DETRACTOR)
        ks_document_table_set_cell_style (table, row, 3, KS_DOCUMENT_STYLE_WARNING);
    }
}

/* The first response as the complaints view says it, with its style. */
static char *
describe_response (const KsComplaint *complaint,
                   GDateTime         *now,
                   KsDocumentStyle   *style)
{
  gint64 seconds = 0;
  KsResponseState state = ks_complaint_response_state (complaint, now, &seconds);
  g_autofree char *span = ks_complaint_format_duration (seconds, state == KS_RESPONSE_DUE);

  switch (state)
    {
    case KS_RESPONSE_DUE:
      *style = KS_DOCUMENT_STYLE_NORMAL;
      /* Translators: the first response to a complaint is due within 24 hours; %s is
       * the time left, “5 h 20 min” */
      return g_strdup_printf (_("Due in %s"), span);
    case KS_RESPONSE_OVERDUE:
      *style = KS_DOCUMENT_STYLE_WARNING;
      /* Translators: a complaint not answered within 24 hours; %s is by how much, “3 h” */
      return g_strdup_printf (_("Overdue by %s"), span);
    case KS_RESPONSE_IN_TIME:
      *style = KS_DOCUMENT_STYLE_GOOD;
      /* Translators: a complaint answered within 24 hours; %s is how long it took */
      return g_strdup_printf (_("Answered in %s"), span);
    case KS_RESPONSE_LATE:
    case KS_N_RESPONSE_STATES:
    default:
      *style = KS_DOCUMENT_STYLE_WARNING;
      /* Translators: a complaint answered after more than 24 hours; %s is how long it
       * took, “30 h” */
      return g_strdup_printf (_("Answered late (%s)"), span);
    }
}

static void
add_complaints (Report *report)
{
  GPtrArray *complaints = report->plan->relations->complaints;
  KsDocumentTable *table = NULL;
  guint n_open = 0, n_answered = 0, n_in_time = 0;
  gint64 total_seconds = 0;

  heading (report, KS_REPORT_SECTION_COMPLAINTS);
  if (complaints->len == 0)
    {
      ks_document_add_note (report->document, none_recorded ());
      return;
    }

  for (guint i = 0; i < complaints->len; i++)
    {
      const KsComplaint *complaint = g_ptr_array_index (complaints, i);
      gint64 seconds = 0;
      KsResponseState state = ks_complaint_response_state (complaint, report->now, &seconds);

      if (ks_complaint_is_open (complaint))
        n_open++;
      if (state == KS_RESPONSE_IN_TIME || state == KS_RESPONSE_LATE)
        {
          n_answered++;
          n_in_time += state == KS_RESPONSE_IN_TIME;
          total_seconds += seconds;
        }
    }

  {
    g_autofree char *count = g_strdup_printf ("%u", complaints->len);
    g_autofree char *open = g_strdup_printf ("%u", n_open);
    g_autofree char *in_time = NULL;

    ks_document_add_key_value (report->document, _("Complaints Recorded"), count,
                               KS_DOCUMENT_STYLE_NORMAL);
    /* Translators: how many complaints are still open */
    ks_document_add_key_value (report->document, C_("complaints", "Open"), open,
                               n_open > 0 ? KS_DOCUMENT_STYLE_STRONG : KS_DOCUMENT_STYLE_NORMAL);
    if (n_answered > 0)
      {
        g_autofree char *mean = ks_complaint_format_duration (total_seconds / n_answered, FALSE);

        /* Translators: how many complaints were answered within 24 hours, “3 of 4” */
        in_time = g_strdup_printf (_("%u of %u"), n_in_time, n_answered);
        ks_document_add_key_value (report->document, _("Answered within 24 Hours"), in_time,
                                   n_in_time < n_answered ? KS_DOCUMENT_STYLE_WARNING
                                                          : KS_DOCUMENT_STYLE_GOOD);
        ks_document_add_key_value (report->document, _("Mean Time to First Response"), mean,
                                   KS_DOCUMENT_STYLE_NORMAL);
      }
  }

  ks_document_add_heading (report->document, 2, _("Open Complaints"));
  for (guint i = 0; i < complaints->len; i++)
    {
      const KsComplaint *complaint = g_ptr_array_index (complaints, i);
      g_autofree char *opened = NULL;
      g_autofree char *response = NULL;
      KsDocumentStyle style;
      guint row;

      if (!ks_complaint_is_open (complaint))
        continue;
      if (table == NULL)
        {
          table = ks_document_add_table (report->document, 5);
          ks_document_table_set_column (table, 0, _("Opened"), 17, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (table, 1, _("Category"), 14, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (table, 2, _("Description"), 35,
                                        KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (table, 3, _("Owner"), 13, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (table, 4, _("First Response"), 21,
                                        KS_DOCUMENT_ALIGN_START);
        }
      opened = format_date_time (complaint->opened_at);
      response = describe_response (complaint, report->now, &style);
      {
        const char *cells[] = {
          opened, ks_complaint_category_get_label (complaint->category),
          ks_report_or_dash (complaint->description), ks_report_or_dash (complaint->owner), response,
        };

        row = ks_document_table_add_row (table, cells);
      }
      ks_document_table_set_cell_style (table, row, 4, style);
    }
  if (table == NULL)
    ks_document_add_note (report->document, none_recorded ());
}

static void
add_opportunities (Report *report)
{
  g_autoptr(GPtrArray) products = ks_store_dup_products (report->store);
  GPtrArray *cells = report->plan->whitespace;
  KsDocumentTable *table;
  gint64 total = 0;
  guint n_opportunities = 0;

  heading (report, KS_REPORT_SECTION_OPPORTUNITIES);
  if (products == NULL || products->len == 0)
    {
      ks_document_add_note (report->document, none_recorded ());
      return;
    }

  table = ks_document_add_table (report->document, 6);
  ks_document_table_set_column (table, 0, _("Product"), 22, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, _("Status"), 14, KS_DOCUMENT_ALIGN_START);
  /* Translators: a column of the opportunities table: cross-sell or up-sell */
  ks_document_table_set_column (table, 2, _("Kind"), 12, KS_DOCUMENT_ALIGN_START);
  {
    /* Translators: a column of the opportunities table: the estimated value, “Value
     * (CNY)” */
    g_autofree char *value = g_strdup_printf (_("Value (%s)"), report->currency);

    ks_document_table_set_column (table, 3, value, 15, KS_DOCUMENT_ALIGN_END);
  }
  /* Translators: a column of the opportunities table: the quarter it is expected in */
  ks_document_table_set_column (table, 4, _("Expected"), 11, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 5, _("Note"), 26, KS_DOCUMENT_ALIGN_START);

  for (guint p = 0; p < products->len; p++)
    {
      const KsProduct *product = g_ptr_array_index (products, p);
      const KsWhitespace *cell = NULL;
      g_autofree char *value = NULL;
      gboolean opportunity;
      guint row;

      for (guint i = 0; i < cells->len && cell == NULL; i++)
        if (((KsWhitespace *) g_ptr_array_index (cells, i))->product_id == product->id)
          cell = g_ptr_array_index (cells, i);

      opportunity = cell != NULL && cell->state == KS_WHITESPACE_OPPORTUNITY;
      if (opportunity && cell->value > 0)
        {
          value = ks_report_format_amount (cell->value, report->currency);
          total += cell->value;
        }
      n_opportunities += opportunity;
      {
        const char *row_cells[] = {
          product->name,
          ks_whitespace_state_get_label (cell != NULL ? cell->state : KS_WHITESPACE_UNKNOWN),
          opportunity ? ks_opportunity_kind_get_label (cell->kind) : NULL,
          value,
          cell != NULL ? cell->quarter : NULL,
          cell != NULL ? cell->note : NULL,
        };

        row = ks_document_table_add_row (table, row_cells);
      }
      if (opportunity)
        ks_document_table_set_cell_style (table, row, 1, KS_DOCUMENT_STYLE_STRONG);
      else if (cell == NULL || cell->state != KS_WHITESPACE_CURRENT)
        ks_document_table_set_row_style (table, row, KS_DOCUMENT_STYLE_MUTED);
    }

  if (n_opportunities > 0)
    {
      g_autofree char *sum = ks_money_format (total, report->currency);
      g_autofree char *text = g_strdup_printf (
        /* Translators: under the opportunities table; %u is how many, %s their total value */
        g_dngettext (GETTEXT_PACKAGE, "%u opportunity, worth %s in all.",
                     "%u opportunities, worth %s in all.", n_opportunities),
        n_opportunities, sum);

      ks_document_add_note (report->document, text);
    }
}

static void
add_contracts (Report *report)
{
  GPtrArray *contracts = report->plan->contracts;
  KsDocumentTable *table;
  KsDocumentTable *issues = NULL;

  heading (report, KS_REPORT_SECTION_CONTRACTS);
  if (contracts->len == 0)
    {
      ks_document_add_note (report->document, none_recorded ());
      return;
    }

  table = ks_document_add_table (report->document, 5);
  ks_document_table_set_column (table, 0, _("Contract"), 27, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, _("Status"), 13, KS_DOCUMENT_ALIGN_START);
  /* Translators: a column of the contracts table: from the start date to the end date */
  ks_document_table_set_column (table, 2, _("Term"), 20, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 3, _("Amount"), 19, KS_DOCUMENT_ALIGN_END);
  ks_document_table_set_column (table, 4, _("Checklist"), 21, KS_DOCUMENT_ALIGN_START);

  for (guint i = 0; i < contracts->len; i++)
    {
      const KsContract *contract = g_ptr_array_index (contracts, i);
      KsContractCompletion completion;
      g_autofree char *name = NULL;
      g_autofree char *term = NULL;
      g_autofree char *value = ks_money_format (contract->value, contract->currency);
      g_autofree char *checklist = NULL;
      gboolean renewal = ks_contract_renewal_due (contract, &report->today);
      guint row;

      ks_contract_completion (contract, &completion);
      if (contract->number != NULL && *contract->number != '\0')
        /* Translators: a contract's title and its number, “Framework agreement (HT-2026-01)” */
        name = g_strdup_printf (_("%s (%s)"), contract->title, contract->number);
      else
        name = g_strdup (contract->title);
      /* Translators: a contract's term, from its start date to its end date */
      term = g_strdup_printf (_("%s to %s"), ks_report_or_dash (contract->start), ks_report_or_dash (contract->end));
      if (renewal)
        {
          g_autofree char *plain = g_steal_pointer (&term);

          /* Translators: a contract's term, then that notice of renewal is due soon */
          term = g_strdup_printf (_("%s (renewal due %s)"), plain,
                                  ks_report_or_dash (contract->renewal_notice != NULL
                                           && *contract->renewal_notice != '\0'
                                           ? contract->renewal_notice : contract->end));
        }
      if (completion.total == 0)
        checklist = g_strdup (_("No checklist"));
      else
        {
          /* Translators: a contract's checklist: items reviewed of all, and the percentage */
          g_autofree char *reviewed = g_strdup_printf (_("%u of %u reviewed (%.0f %%)"),
                                                       completion.reviewed, completion.total,
                                                       completion.percent);

          if (completion.issues > 0)
            checklist = g_strdup_printf (
              /* Translators: %s is “3 of 12 reviewed (25 %)”, %u the open issues */
              g_dngettext (GETTEXT_PACKAGE, "%s, %u open issue", "%s, %u open issues",
                           completion.issues),
              reviewed, completion.issues);
          else
            checklist = g_steal_pointer (&reviewed);
        }

      {
        const char *cells[] = {
          name, ks_contract_status_get_label (contract->status), term, value, checklist,
        };

        row = ks_document_table_add_row (table, cells);
      }
      ks_document_table_set_cell_style (table, row, 0, KS_DOCUMENT_STYLE_STRONG);
      if (completion.issues > 0)
        ks_document_table_set_cell_style (table, row, 4, KS_DOCUMENT_STYLE_WARNING);
      if (renewal)
        ks_document_table_set_cell_style (table, row, 2, KS_DOCUMENT_STYLE_WARNING);
    }

  /* What stands in the way: every item with an open issue. */
  for (guint i = 0; i < contracts->len; i++)
    {
      const KsContract *contract = g_ptr_array_index (contracts, i);

      for (guint j = 0; contract->items != NULL && j < contract->items->len; j++)
        {
          const KsContractItem *item = g_ptr_array_index (contract->items, j);

          if (item->state != KS_CHECK_ISSUE)
            continue;
          if (issues == NULL)
            {
              ks_document_add_heading (report->document, 2, _("Open Checklist Issues"));
              issues = ks_document_add_table (report->document, 4);
              ks_document_table_set_column (issues, 0, _("Contract"), 22,
                                            KS_DOCUMENT_ALIGN_START);
              ks_document_table_set_column (issues, 1, _("Category"), 18,
                                            KS_DOCUMENT_ALIGN_START);
              /* Translators: a column of the open checklist issues: the checklist item */
              ks_document_table_set_column (issues, 2, _("Item"), 32, KS_DOCUMENT_ALIGN_START);
              ks_document_table_set_column (issues, 3, _("Note"), 28, KS_DOCUMENT_ALIGN_START);
            }
          {
            const char *cells[] = {
              contract->title, ks_checklist_text_display (item->category),
              ks_checklist_text_display (item->text), item->note,
            };

            ks_document_table_add_row (issues, cells);
          }
        }
    }
}

static void
add_risks (Report *report)
{
  GPtrArray *risks = report->plan->risks;
  KsDocumentTable *table;

  heading (report, KS_REPORT_SECTION_RISKS);
  if (risks->len == 0)
    {
      ks_document_add_note (report->document, none_recorded ());
      return;
    }

  table = ks_document_add_table (report->document, 6);
  ks_document_table_set_column (table, 0, _("Category"), 14, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, _("Severity"), 10, KS_DOCUMENT_ALIGN_START);
  /* Translators: a column of the risks table: the date the risk was raised */
  ks_document_table_set_column (table, 2, _("Raised"), 12, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 3, _("Description"), 28, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 4, _("Contingency Plan"), 28, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 5, _("Status"), 10, KS_DOCUMENT_ALIGN_START);

  for (guint i = 0; i < risks->len; i++)
    {
      const KsRisk *risk = g_ptr_array_index (risks, i);
      const char *cells[] = {
        ks_risk_category_get_label (risk->category), ks_risk_severity_get_label (risk->severity),
        ks_report_or_dash (risk->raised), risk->description, ks_report_or_dash (risk->contingency),
        /* Translators: the status of a risk warning in the printed plan */
        risk->closed ? C_("risk", "Closed") : C_("risk", "Open"),
      };
      guint row = ks_document_table_add_row (table, cells);

      if (risk->closed)
        ks_document_table_set_row_style (table, row, KS_DOCUMENT_STYLE_MUTED);
      else if (risk->severity == KS_RISK_HIGH)
        ks_document_table_set_cell_style (table, row, 1, KS_DOCUMENT_STYLE_WARNING);
    }
}

/* ---- The document ---------------------------------------------------------------- */

KsDocument *
ks_report_plan_new (KsStore           *store,
                    KsAccount         *account,
                    KsReportSections   leave_out,
                    GError           **error)
{
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  KsDocument *document;
  Report report;
  const char *owner;
  static void (* const builders[KS_REPORT_N_SECTIONS]) (Report *) = {
    add_profile, add_score, add_health, add_quadrant, add_targets, add_actions, add_swot,
    add_relationships, add_complaints, add_opportunities, add_contracts, add_risks,
  };

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = ks_store_load_plan (store, ks_account_get_id (account), error);
  if (plan == NULL)
    return NULL;
  now = ks_store_dup_now (store);

  /* Translators: the title of the printed account plan (header and PDF properties); %s
   * is the account's name */
  title = g_strdup_printf (_("Account Plan: %s"), ks_account_get_name (account));
  document = ks_document_new_for_store (store, title);

  memset (&report, 0, sizeof report);
  report.store = store;
  report.account = account;
  report.plan = plan;
  report.document = document;
  report.now = now;
  ks_store_get_today (store, &report.today);
  report.currency = ks_account_get_currency (account);

  owner = ks_account_get_owner (account);
  if (owner != NULL && *owner != '\0')
    /* Translators: under the account's name at the top of the printed plan; %s is the
     * account owner */
    subtitle = g_strdup_printf (_("Account plan · Account owner: %s"), owner);
  else
    /* Translators: under the account's name at the top of the printed plan */
    subtitle = g_strdup (_("Account plan"));
  ks_document_add_title (document, ks_account_get_name (account), subtitle);

  for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
    if (!(leave_out & (1u << i)))
      builders[i] (&report);

  return document;
}
