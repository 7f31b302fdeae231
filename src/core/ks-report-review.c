/* ks-report-review.c — the quarterly review as a printed document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads everything once, for every account in scope at the same time (the portfolio
 * may hold ten thousand accounts: no per-account query), works the figures out, then
 * adds the sections to a KsDocument in reading order, the summary first. The charts
 * are the application's (ks-chart, ks-team-chart), drawn straight onto the page in
 * pixels at 96 to the inch: their figures scale by three quarters.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ks-chart.h"
#include "ks-error.h"
#include "ks-money.h"
#include "ks-report-figures.h"
#include "ks-report-review.h"
#include "ks-store-review.h"
#include "ks-team-chart.h"

/* Points per pixel at 96 pixels to the inch. */
#define POINTS_PER_PIXEL KS_DOCUMENT_POINTS_PER_PIXEL
/* The charts' text, in points once scaled. */
#define CHART_FONT_SIZE 8
/* The quadrant chart's height, in points. */
#define QUADRANT_HEIGHT 360.0
/* Below this attainment (percent) a figure stands out. */
#define ATTAINMENT_LOW 80.0
/* At most this many owners are named in the message for an unknown one. */
#define OWNERS_LISTED 20

/* One account in scope. */
typedef struct
{
  gint64                 id;              /* the account's: the key of by_id */
  KsAccount             *account;         /* a reference */
  char                  *sort_key;        /* tier, then the name's collation key */
  /* where the chart shows it: now, or in the quarter's own snapshot */
  gboolean               shown;
  double                 value;
  double                 growth;
  KsTier                 tier;
  KsQuadrant             quadrant;
  const KsSnapshotEntry *previous;        /* in the previous snapshot, or NULL */
  /* revenue, year to date */
  gboolean               has_attainment;
  double                 attainment;
  gint64                 target;
  gint64                 actual;
  guint                  through;         /* the last quarter counted, 1–4 */
} Entry;

/* A plan of the coaching table and its member. */
typedef struct
{
  const KsMember       *member;
  const KsCoachingPlan *plan;
  KsCoachingProgress    progress;
  guint                 sessions;         /* held in the quarter */
} CoachingRow;

/* An open risk and its account. */
typedef struct
{
  const Entry  *entry;
  const KsRisk *risk;
} RiskRow;

typedef struct
{
  KsStore     *store;
  KsDocument  *document;
  char        *quarter;           /* "2026-Q3" */
  int          year;
  int          q;                 /* 1–4 */
  GDate        first_day;         /* of the quarter */
  GDate        last_day;
  GDate        today;
  GDateTime   *now;
  gboolean     current;           /* the quarter of today */
  char        *owner;             /* the member's own spelling; NULL: everyone */
  gint64       member_id;         /* that member's id */

  GPtrArray   *entries;           /* Entry *, by tier, then name */
  GHashTable  *by_id;             /* gint64 * → Entry * (owned by entries) */

  GHashTable  *shown_snapshot;    /* the quarter's own snapshot, for an earlier quarter */
  char        *previous_quarter;  /* the latest snapshot before the quarter, or NULL */
  GHashTable  *previous;          /* its entries */
  guint        n_shown;
  guint        n_not_shown;       /* accounts missing from the quarter's snapshot */

  /* complaints */
  GPtrArray   *all_complaints;    /* KsComplaint *, the store's */
  GPtrArray   *complaints;        /* those in scope opened in the quarter (borrowed) */
  guint        overdue_complaints;   /* open in scope, unanswered past 24 h, now */

  /* coaching */
  GPtrArray   *members;           /* KsMember * */
  GHashTable  *plans;             /* member id → GPtrArray of KsCoachingPlan * */
  GArray      *coaching;          /* CoachingRow, by member name then plan */

  /* contracts */
  GPtrArray   *all_contracts;     /* KsContract * */
  GPtrArray   *contracts;         /* in scope (borrowed) */

  /* risks */
  GHashTable  *risks;             /* account id → GPtrArray of KsRisk * */
  GArray      *open_risks;        /* RiskRow, by severity, then raised (newest first) */
} Review;

/* ---- Formatting ------------------------------------------------------------------ */

static char *
format_percent (double percent)
{
  /* Translators: a percentage in the quarterly review, as in 95 %; the space is a
   * no-break space, so that a line never breaks between the number and the sign */
  return g_strdup_printf (_("%.0f %%"), percent);
}

/* A date as the document's header writes it, “14 August 2026”. */
static char *
format_long_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);
  char *text = g_date_time_format (time, _("%-d %B %Y"));   /* as ks-document.c's header */

  if (text == NULL)
    text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                            g_date_get_month (date), g_date_get_day (date));
  return text;
}

static char *
format_count (guint n)
{
  return g_strdup_printf ("%u", n);
}

/* A span of hours, “5.5 h”, or in days beyond two. */
static char *
format_hours (double hours)
{
  if (hours >= 48)
    /* Translators: a mean time to first response in days, “3.2 d” */
    return g_strdup_printf (_("%.1f d"), hours / 24);
  /* Translators: a mean time to first response in hours, “5.5 h” */
  return g_strdup_printf (_("%.1f h"), hours);
}

/* ---- Figures --------------------------------------------------------------------- */

/* The charts' font and language: their own default is for the screen. */
static PangoContext *
chart_context (void)
{
  return ks_document_new_chart_context (CHART_FONT_SIZE);
}

/* Two stacked bars, the tiers now and at the previous snapshot, with a legend. */
typedef struct
{
  guint  now[KS_N_TIERS];
  guint  before[KS_N_TIERS];
  char  *now_label;
  char  *before_label;    /* NULL: no previous snapshot, one bar */
} TiersFigure;

#define TIERS_BAR_HEIGHT 18.0
#define TIERS_ROW_GAP 8.0
#define TIERS_LEGEND_HEIGHT 16.0

static void
tiers_figure_free (gpointer data)
{
  TiersFigure *figure = data;

  g_free (figure->now_label);
  g_free (figure->before_label);
  g_free (figure);
}

static double
tiers_figure_height (const TiersFigure *figure)
{
  guint rows = figure->before_label != NULL ? 2 : 1;

  return rows * TIERS_BAR_HEIGHT + (rows - 1) * TIERS_ROW_GAP + 10 + TIERS_LEGEND_HEIGHT;
}

/* @text at (@x, @y), its box @width wide, centred vertically on @y. */
static void
show_text (cairo_t        *cr,
           PangoLayout    *layout,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment)
{
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_size (layout, NULL, &height);
  cairo_move_to (cr, x, y - pango_units_to_double (height) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_tiers (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  data)
{
  TiersFigure *figure = data;
  PangoContext *context = chart_context ();
  g_autoptr(PangoLayout) layout = NULL;
  KsChartStyle style;
  const guint *rows[2] = { figure->now, figure->before };
  const char *labels[2] = { figure->now_label, figure->before_label };
  guint n_rows = figure->before_label != NULL ? 2 : 1;
  double label_width = 70;
  double bar_x = label_width + 6;
  double bar_width = width - bar_x;
  double y = 0;

  ks_chart_style_init (&style, KS_CHART_STYLE_LIGHT);
  /* points, not pixels: a resolution of 72 */
  pango_cairo_context_set_resolution (context, 72);
  layout = pango_layout_new (context);
  g_object_unref (context);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint r = 0; r < n_rows; r++, y += TIERS_BAR_HEIGHT + TIERS_ROW_GAP)
    {
      guint total = 0;
      double x = bar_x;

      for (guint t = 0; t < KS_N_TIERS; t++)
        total += rows[r][t];

      cairo_set_source_rgb (cr, 0.25, 0.25, 0.28);
      show_text (cr, layout, labels[r], 0, y + TIERS_BAR_HEIGHT / 2, label_width,
                 PANGO_ALIGN_LEFT);
      if (total == 0)
        continue;

      for (guint t = 0; t < KS_N_TIERS; t++)
        {
          double w = bar_width * rows[r][t] / total;
          const KsChartColor *c = &style.tiers[t];
          g_autofree char *count = NULL;
          int text_width;

          if (w <= 0)
            continue;
          cairo_set_source_rgb (cr, c->red, c->green, c->blue);
          cairo_rectangle (cr, x, y, w, TIERS_BAR_HEIGHT);
          cairo_fill (cr);
          /* the count inside its segment, when it fits */
          count = format_count (rows[r][t]);
          pango_layout_set_text (layout, count, -1);
          pango_layout_set_width (layout, -1);
          pango_layout_get_size (layout, &text_width, NULL);
          if (pango_units_to_double (text_width) + 4 <= w)
            {
              cairo_set_source_rgb (cr, 1, 1, 1);
              if (t == KS_TIER_DEVELOPING || t == KS_TIER_STANDARD)
                cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
              show_text (cr, layout, count, x, y + TIERS_BAR_HEIGHT / 2, w, PANGO_ALIGN_CENTER);
            }
          x += w;
        }
    }

  /* the legend: a swatch and the tier's name, side by side */
  {
    double x = bar_x;
    double legend_y = height - TIERS_LEGEND_HEIGHT / 2;
    double slot = bar_width / KS_N_TIERS;

    for (guint t = 0; t < KS_N_TIERS; t++, x += slot)
      {
        const KsChartColor *c = &style.tiers[t];

        cairo_set_source_rgb (cr, c->red, c->green, c->blue);
        cairo_rectangle (cr, x, legend_y - 4.5, 9, 9);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 0.25, 0.25, 0.28);
        show_text (cr, layout, ks_tier_get_label (t), x + 13, legend_y, slot - 16,
                   PANGO_ALIGN_LEFT);
      }
  }
}

/* The member's skills, as their page shows them. */
typedef struct
{
  GPtrArray *levels;   /* KsSkillLevel * */
} SkillsFigure;

static void
skills_figure_free (gpointer data)
{
  SkillsFigure *figure = data;

  g_ptr_array_unref (figure->levels);
  g_free (figure);
}

static void
draw_skills (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  data)
{
  SkillsFigure *figure = data;
  PangoContext *context = chart_context ();

  cairo_scale (cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
  ks_skills_chart_render (cr, width / POINTS_PER_PIXEL, height / POINTS_PER_PIXEL,
                          figure->levels, KS_CHART_STYLE_LIGHT, context);
  g_object_unref (context);
}

/* ---- Reading --------------------------------------------------------------------- */

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->account);
  g_free (entry->sort_key);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(Entry * const *) a;
  const Entry *eb = *(Entry * const *) b;
  int cmp = strcmp (ea->sort_key, eb->sort_key);

  if (cmp != 0)
    return cmp;
  return (ea->id > eb->id) - (ea->id < eb->id);
}

/* The member called @name (whatever its case, as ks_member_owns() compares), or NULL. */
static const KsMember *
find_member (GPtrArray  *members,
             const char *name)
{
  g_autofree char *wanted = g_strstrip (g_strdup (name));

  for (guint i = 0; i < members->len; i++)
    {
      const KsMember *member = g_ptr_array_index (members, i);

      if (g_ascii_strcasecmp (member->name, wanted) == 0)
        return member;
    }
  return NULL;
}

static gboolean
set_unknown_owner (KsStore     *store,
                   const char  *name,
                   GError     **error)
{
  g_auto(GStrv) owners = ks_store_dup_owners (store);
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = owners != NULL ? g_strv_length (owners) : 0;

  for (guint i = 0; i < n && i < OWNERS_LISTED; i++)
    g_string_append_printf (list, i > 0 ? ", %s" : "%s", owners[i]);
  if (n > OWNERS_LISTED)
    g_string_append (list, ", …");

  if (n == 0)
    g_set_error (error, KS_ERROR, KS_ERROR_NOT_FOUND,
                 /* Translators: %s is the name typed; nobody owns an account yet */
                 _("No team member is called “%s”, and no account has an owner yet."),
                 name);
  else
    g_set_error (error, KS_ERROR, KS_ERROR_NOT_FOUND,
                 /* Translators: the first %s is the name typed, the second a list of the
                  * account owners */
                 _("No team member is called “%s”. The account owners are: %s."),
                 name, list->str);
  return FALSE;
}

/* The quarter: its days, and whether it is today's. One that has not begun is refused. */
static gboolean
read_quarter (Review      *review,
              const char  *quarter,
              GError     **error)
{
  int today_q = (g_date_get_month (&review->today) - 1) / 3 + 1;
  int today_year = g_date_get_year (&review->today);

  if (quarter == NULL)
    {
      review->year = today_year;
      review->q = today_q;
    }
  else if (!ks_quarter_parse (quarter, &review->year, &review->q, error))
    {
      return FALSE;
    }

  review->quarter = ks_quarter_format (review->year, review->q);
  if (review->year > today_year || (review->year == today_year && review->q > today_q))
    {
      g_autofree char *now = ks_quarter_format (today_year, today_q);

      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: both %s are quarters, like 2026-Q3 */
                   _("%s has not begun yet: there is nothing to review. Choose %s or an "
                     "earlier quarter."),
                   review->quarter, now);
      return FALSE;
    }
  review->current = review->year == today_year && review->q == today_q;

  g_date_clear (&review->first_day, 1);
  g_date_set_dmy (&review->first_day, 1, (GDateMonth) ((review->q - 1) * 3 + 1),
                  (GDateYear) review->year);
  g_date_clear (&review->last_day, 1);
  g_date_set_dmy (&review->last_day,
                  g_date_get_days_in_month ((GDateMonth) (review->q * 3),
                                            (GDateYear) review->year),
                  (GDateMonth) (review->q * 3), (GDateYear) review->year);
  return TRUE;
}

/* The snapshots: the quarter's own (an earlier quarter's positions) and the latest one
 * before it (the arrows). */
static gboolean
read_snapshots (Review  *review,
                GError **error)
{
  g_auto(GStrv) quarters = ks_store_dup_snapshot_quarters (review->store);

  for (guint i = 0; quarters != NULL && quarters[i] != NULL; i++)
    {
      /* "YYYY-Qn" sorts as text; newest first */
      int cmp = strcmp (quarters[i], review->quarter);

      if (cmp == 0 && !review->current)
        {
          review->shown_snapshot = ks_store_load_snapshot (review->store, quarters[i], error);
          if (review->shown_snapshot == NULL)
            return FALSE;
        }
      else if (cmp < 0)
        {
          review->previous_quarter = g_strdup (quarters[i]);
          review->previous = ks_store_load_snapshot (review->store, quarters[i], error);
          return review->previous != NULL;
        }
    }
  return TRUE;
}

/* Revenue, year to date, as the portfolio counts it (ks_plan_inputs_from_plan()): up
 * to the last quarter with a recorded actual, no later than the quarter reviewed. */
static void
entry_attainment (Review             *review,
                  Entry              *entry,
                  const KsTargetYear *year,
                  GArray             *scratch)
{
  const GDate *as_of = review->current ? &review->today : &review->last_day;
  KsAccountPlan plan = { 0 };
  KsTargetYear spread = *year;
  KsHealthInputs inputs;
  gint64 annual;

  g_array_set_size (scratch, 0);
  g_array_append_val (scratch, *year);
  plan.targets = scratch;
  ks_plan_inputs_from_plan (&plan, as_of, &inputs);
  entry->has_attainment = inputs.has_attainment;
  entry->attainment = inputs.attainment_ytd;
  if (!entry->has_attainment)
    return;

  /* The sums behind it, for the table: a year with an annual target only counts a
   * quarter of it per quarter. */
  if (ks_target_year_get_target (year, 0, &annual))
    for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
      if (!(spread.has_target & (1u << q)))
        {
          spread.has_target |= 1u << q;
          spread.target[q] = annual / 4;
        }
  entry->through = 0;
  for (guint q = 1; q <= (guint) review->q; q++)
    if (spread.has_actual & (1u << q))
      entry->through = q;
  for (guint q = 1; q <= entry->through; q++)
    {
      if (spread.has_target & (1u << q))
        entry->target += spread.target[q];
      if (spread.has_actual & (1u << q))
        entry->actual += spread.actual[q];
    }
}

static gboolean
read_accounts (Review  *review,
               GError **error)
{
  GListModel *accounts = ks_store_get_accounts (review->store);
  guint n = g_list_model_get_n_items (accounts);
  g_autoptr(GHashTable) targets = NULL;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (KsTargetYear));

  targets = ks_store_dup_revenue_targets (review->store, review->year, error);
  if (targets == NULL)
    return FALSE;

  review->entries = g_ptr_array_new_full (n, (GDestroyNotify) entry_free);
  review->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = ks_account_get_id (account);
      g_autofree char *name_key = NULL;
      const KsTargetYear *year;
      Entry *entry;

      if (review->owner != NULL && !ks_member_owns (review->owner, account))
        continue;

      entry = g_new0 (Entry, 1);
      entry->id = id;
      entry->account = g_steal_pointer (&account);
      name_key = g_utf8_collate_key (ks_account_get_name (entry->account), -1);
      entry->sort_key = g_strdup_printf ("%d%s", (int) ks_account_get_tier (entry->account),
                                         name_key);

      if (review->shown_snapshot != NULL)
        {
          const KsSnapshotEntry *then = g_hash_table_lookup (review->shown_snapshot, &id);

          entry->shown = then != NULL;
          if (then != NULL)
            {
              entry->value = then->value;
              entry->growth = then->growth;
              entry->tier = then->tier;
              entry->quadrant = then->quadrant;
            }
        }
      else
        {
          entry->shown = TRUE;
          entry->value = ks_account_get_value_score (entry->account);
          entry->growth = ks_account_get_growth_score (entry->account);
          entry->tier = ks_account_get_tier (entry->account);
          entry->quadrant = ks_account_get_quadrant (entry->account);
        }
      if (entry->shown)
        review->n_shown++;
      else
        review->n_not_shown++;
      if (review->previous != NULL)
        entry->previous = g_hash_table_lookup (review->previous, &id);

      year = g_hash_table_lookup (targets, &id);
      if (year != NULL)
        entry_attainment (review, entry, year, scratch);

      g_ptr_array_add (review->entries, entry);
      g_hash_table_insert (review->by_id, &entry->id, entry);
    }

  g_ptr_array_sort (review->entries, compare_entries);
  return TRUE;
}

/* A date-time's own calendar day in [@first, @last]. */
static gboolean
within_days (const char  *iso,
             const GDate *first,
             const GDate *last)
{
  g_autoptr(GDateTime) time = ks_relations_parse_date_time (iso);
  int y, m, d;
  GDate day;

  if (time == NULL)
    return FALSE;
  g_date_time_get_ymd (time, &y, &m, &d);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_compare (&day, first) >= 0 && g_date_compare (&day, last) <= 0;
}

static gboolean
read_complaints (Review  *review,
                 GError **error)
{
  review->all_complaints = ks_store_dup_complaints (review->store, FALSE, error);
  if (review->all_complaints == NULL)
    return FALSE;

  review->complaints = g_ptr_array_new ();
  for (guint i = 0; i < review->all_complaints->len; i++)
    {
      KsComplaint *complaint = g_ptr_array_index (review->all_complaints, i);

      if (!g_hash_table_contains (review->by_id, &complaint->account_id))
        continue;
      if (ks_complaint_is_open (complaint)
          && ks_complaint_response_state (complaint, review->now, NULL) == KS_RESPONSE_OVERDUE)
        review->overdue_complaints++;
      if (within_days (complaint->opened_at, &review->first_day, &review->last_day))
        g_ptr_array_add (review->complaints, complaint);
    }
  return TRUE;
}

static gboolean
within_quarter (Review     *review,
                const char *iso_date)
{
  GDate date;

  return ks_plan_parse_date (iso_date, &date)
         && g_date_compare (&date, &review->first_day) >= 0
         && g_date_compare (&date, &review->last_day) <= 0;
}

static gboolean
read_coaching (Review  *review,
               GError **error)
{
  review->plans = ks_store_dup_all_coaching_plans (review->store, error);
  if (review->plans == NULL)
    return FALSE;

  review->coaching = g_array_new (FALSE, TRUE, sizeof (CoachingRow));
  for (guint m = 0; m < review->members->len; m++)
    {
      const KsMember *member = g_ptr_array_index (review->members, m);
      GPtrArray *plans = g_hash_table_lookup (review->plans, &member->id);

      if (review->owner != NULL && member->id != review->member_id)
        continue;
      for (guint p = 0; plans != NULL && p < plans->len; p++)
        {
          const KsCoachingPlan *plan = g_ptr_array_index (plans, p);
          CoachingRow row = { member, plan };

          if (plan->status == KS_COACHING_DROPPED)
            continue;
          ks_coaching_plan_progress (plan, &review->today, &row.progress);
          for (guint s = 0; plan->sessions != NULL && s < plan->sessions->len; s++)
            {
              const KsCoachingSession *session = g_ptr_array_index (plan->sessions, s);

              row.sessions += within_quarter (review, session->date);
            }
          g_array_append_val (review->coaching, row);
        }
    }
  return TRUE;
}

static gboolean
read_contracts (Review  *review,
                GError **error)
{
  review->all_contracts = ks_store_dup_contracts (review->store, error);
  if (review->all_contracts == NULL)
    return FALSE;

  review->contracts = g_ptr_array_new ();
  for (guint i = 0; i < review->all_contracts->len; i++)
    {
      KsContract *contract = g_ptr_array_index (review->all_contracts, i);

      if (g_hash_table_contains (review->by_id, &contract->account_id))
        g_ptr_array_add (review->contracts, contract);
    }
  return TRUE;
}

/* High first, then newest first, then in the order of the accounts. */
static int
compare_risk_rows (gconstpointer a,
                   gconstpointer b)
{
  const RiskRow *ra = a;
  const RiskRow *rb = b;
  int cmp;

  if (ra->risk->severity != rb->risk->severity)
    return ra->risk->severity > rb->risk->severity ? -1 : 1;
  cmp = g_strcmp0 (rb->risk->raised, ra->risk->raised);
  if (cmp != 0)
    return cmp;
  cmp = compare_entries (&ra->entry, &rb->entry);
  if (cmp != 0)
    return cmp;
  return (ra->risk->id > rb->risk->id) - (ra->risk->id < rb->risk->id);
}

static gboolean
read_risks (Review  *review,
            GError **error)
{
  review->risks = ks_store_dup_open_risks (review->store, error);
  if (review->risks == NULL)
    return FALSE;

  review->open_risks = g_array_new (FALSE, FALSE, sizeof (RiskRow));
  for (guint i = 0; i < review->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (review->entries, i);
      GPtrArray *risks = g_hash_table_lookup (review->risks, &entry->id);

      for (guint r = 0; risks != NULL && r < risks->len; r++)
        {
          RiskRow row = { entry, g_ptr_array_index (risks, r) };

          g_array_append_val (review->open_risks, row);
        }
    }
  g_array_sort (review->open_risks, compare_risk_rows);
  return TRUE;
}

/* ---- Figures the sections share -------------------------------------------------- */

typedef struct
{
  guint  n_key_accounts;          /* Core or Key, now */
  guint  n_with_target;
  guint  n_low;                   /* attainment below ATTAINMENT_LOW */
  double mean_attainment;
  guint  n_moved;                 /* another quadrant than at the previous snapshot */
  guint  n_tier_changed;
  guint  n_compared;              /* in the previous snapshot */
  guint  answered;                /* complaints of the quarter */
  guint  in_time;
  guint  still_open;
  double mean_hours;
  guint  coaching_active;
  guint  coaching_achieved;
  guint  coaching_overdue;
  guint  sessions;
  guint  contracts_signed;
  guint  contracts_with_issues;   /* signed, with an open checklist issue */
  guint  renewals_due;
  guint  risks_by_severity[KS_N_RISK_SEVERITIES];
  guint  alerts[KS_N_ALERTS];     /* accounts with each alert */
  guint  accounts_with_alerts;
} Totals;

static gboolean
entry_moved (const Entry *entry)
{
  return entry->shown && entry->previous != NULL
         && (entry->previous->quadrant != entry->quadrant || entry->previous->tier != entry->tier);
}

static void
compute_totals (Review *review,
                Totals *totals)
{
  double sum = 0;
  double hours = 0;

  memset (totals, 0, sizeof *totals);
  for (guint i = 0; i < review->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (review->entries, i);
      KsTier tier = ks_account_get_tier (entry->account);
      const KsPlanSummary *summary = ks_account_get_plan_summary (entry->account);

      totals->n_key_accounts += tier == KS_TIER_CORE || tier == KS_TIER_KEY;
      if (entry->has_attainment)
        {
          totals->n_with_target++;
          totals->n_low += entry->attainment < ATTAINMENT_LOW;
          sum += entry->attainment;
        }
      if (entry->shown && entry->previous != NULL)
        {
          totals->n_compared++;
          totals->n_moved += entry->previous->quadrant != entry->quadrant;
          totals->n_tier_changed += entry->previous->tier != entry->tier;
        }
      if (summary != NULL && summary->alerts != KS_ALERT_NONE)
        {
          totals->accounts_with_alerts++;
          for (guint a = 0; a < KS_N_ALERTS; a++)
            totals->alerts[a] += (summary->alerts & (1u << a)) != 0;
        }
    }
  totals->mean_attainment = totals->n_with_target > 0 ? sum / totals->n_with_target : 0;

  for (guint i = 0; i < review->complaints->len; i++)
    {
      const KsComplaint *complaint = g_ptr_array_index (review->complaints, i);
      gint64 seconds = 0;
      KsResponseState state = ks_complaint_response_state (complaint, review->now, &seconds);

      totals->still_open += ks_complaint_is_open (complaint);
      if (state == KS_RESPONSE_IN_TIME || state == KS_RESPONSE_LATE)
        {
          totals->answered++;
          totals->in_time += state == KS_RESPONSE_IN_TIME;
          hours += (double) seconds / 3600;
        }
    }
  totals->mean_hours = totals->answered > 0 ? hours / totals->answered : 0;

  for (guint i = 0; i < review->coaching->len; i++)
    {
      const CoachingRow *row = &g_array_index (review->coaching, CoachingRow, i);

      totals->coaching_active += row->plan->status == KS_COACHING_ACTIVE;
      totals->coaching_achieved += row->plan->status == KS_COACHING_ACHIEVED;
      totals->coaching_overdue += row->progress.overdue || row->progress.overdue_actions > 0;
      totals->sessions += row->sessions;
    }

  for (guint i = 0; i < review->contracts->len; i++)
    {
      const KsContract *contract = g_ptr_array_index (review->contracts, i);

      totals->contracts_signed += contract->status == KS_CONTRACT_SIGNED;
      totals->contracts_with_issues += ks_contract_has_alert (contract);
      totals->renewals_due += ks_contract_renewal_due (contract, &review->today);
    }

  for (guint i = 0; i < review->open_risks->len; i++)
    {
      const RiskRow *row = &g_array_index (review->open_risks, RiskRow, i);

      if ((guint) row->risk->severity < KS_N_RISK_SEVERITIES)
        totals->risks_by_severity[row->risk->severity]++;
    }
}

/* ---- Sections -------------------------------------------------------------------- */

static void
add_value (Review          *review,
           const char      *key,
           const char      *value,
           KsDocumentStyle  style)
{
  ks_document_add_key_value (review->document, key, value, style);
}

/* The annual purchases of the accounts in scope, a sum per currency, largest first. */
typedef struct
{
  char   currency[4];
  gint64 sum;
} CurrencySum;

static int
compare_sums (gconstpointer a,
              gconstpointer b)
{
  const CurrencySum *sa = a;
  const CurrencySum *sb = b;

  if (sa->sum != sb->sum)
    return sa->sum > sb->sum ? -1 : 1;
  return strcmp (sa->currency, sb->currency);
}

/* Joins the parts of a summary line: “3 active, 1 achieved”. */
static char *
join_parts (const char * const *parts,
            guint               n_parts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (i > 0)
        /* Translators: between the parts of a line of the quarterly review's summary,
         * “3 active, 1 achieved”; in Chinese “，” */
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, parts[i]);
    }
  return g_string_free (text, FALSE);
}

static char *
format_purchases (Review *review)
{
  g_autoptr(GArray) sums = g_array_new (FALSE, TRUE, sizeof (CurrencySum));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < review->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (review->entries, i);
      const char *currency = ks_account_get_currency (entry->account);
      CurrencySum *sum = NULL;

      for (guint s = 0; s < sums->len && sum == NULL; s++)
        if (g_str_equal (g_array_index (sums, CurrencySum, s).currency, currency))
          sum = &g_array_index (sums, CurrencySum, s);
      if (sum == NULL)
        {
          CurrencySum added = { { 0 }, 0 };

          g_strlcpy (added.currency, currency, sizeof added.currency);
          g_array_append_val (sums, added);
          sum = &g_array_index (sums, CurrencySum, sums->len - 1);
        }
      sum->sum += ks_account_get_annual_purchases (entry->account);
    }
  g_array_sort (sums, compare_sums);

  for (guint s = 0; s < sums->len; s++)
    {
      const CurrencySum *sum = &g_array_index (sums, CurrencySum, s);
      g_autofree char *amount = ks_report_format_amount (sum->sum, sum->currency);

      g_ptr_array_add (parts, g_strdup_printf ("%s %s", sum->currency, amount));
    }
  return join_parts ((const char * const *) parts->pdata, parts->len);
}

static void
add_title (Review *review)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint n = review->entries->len;

  /* Translators: the title of the printed quarterly review; %s is a quarter, “2026-Q3” */
  title = g_strdup_printf (_("Quarterly Review %s"), review->quarter);
  if (review->owner != NULL)
    subtitle = g_strdup_printf (
      /* Translators: under the title of the quarterly review of one owner's accounts; %s is
       * the owner, %u how many accounts they own */
      g_dngettext (GETTEXT_PACKAGE, "Accounts of %s · %u account",
                   "Accounts of %s · %u accounts", n),
      review->owner, n);
  else
    subtitle = g_strdup_printf (
      /* Translators: under the title of the quarterly review of the whole portfolio */
      g_dngettext (GETTEXT_PACKAGE, "Whole portfolio · %u account",
                   "Whole portfolio · %u accounts", n),
      n);
  ks_document_add_title (review->document, title, subtitle);
}

static void
add_summary (Review       *review,
             const Totals *totals)
{
  g_autofree char *first = format_long_date (&review->first_day);
  g_autofree char *last = format_long_date (&review->last_day);
  g_autofree char *today = format_long_date (&review->today);
  g_autofree char *period = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *purchases = format_purchases (review);
  g_autofree char *attainment = NULL;
  g_autofree char *alerts = NULL;
  guint n = review->entries->len;
  guint n_risks = 0;

  /* Translators: a section of the printed quarterly review */
  ks_document_add_heading (review->document, 1, _("Summary"));

  /* Translators: the period of the quarterly review, from its first day to its last */
  period = g_strdup_printf (_("%s to %s"), first, last);
  add_value (review, _("Quarter"), period, KS_DOCUMENT_STYLE_NORMAL);
  /* Translators: in the quarterly review's summary: the date its figures are from */
  add_value (review, _("Figures as of"), today, KS_DOCUMENT_STYLE_NORMAL);

  accounts = g_strdup_printf (
    /* Translators: in the quarterly review's summary: how many of the accounts are of
     * tier Core or Key */
    g_dngettext (GETTEXT_PACKAGE, "%u, %u of them Core or Key", "%u, %u of them Core or Key",
                 totals->n_key_accounts),
    n, totals->n_key_accounts);
  add_value (review, _("Accounts"), accounts, KS_DOCUMENT_STYLE_NORMAL);
  add_value (review, _("Annual Purchases"), n > 0 ? purchases : "—", KS_DOCUMENT_STYLE_NORMAL);

  if (totals->n_with_target > 0)
    {
      g_autofree char *mean = format_percent (totals->mean_attainment);
      g_autofree char *low = format_percent (ATTAINMENT_LOW);
      g_autofree char *over = g_strdup_printf (
        /* Translators: in the quarterly review's summary: the mean attainment (%s, “87 %”)
         * over how many accounts */
        g_dngettext (GETTEXT_PACKAGE, "%s on average over %u account with a target",
                     "%s on average over %u accounts with a target", totals->n_with_target),
        mean, totals->n_with_target);
      g_autofree char *below = g_strdup_printf (
        /* Translators: in the quarterly review's summary: how many accounts have an
         * attainment below %s (“80 %”) */
        g_dngettext (GETTEXT_PACKAGE, "%u below %s", "%u below %s", totals->n_low),
        totals->n_low, low);
      const char *parts[] = { over, below };

      attainment = join_parts (parts, G_N_ELEMENTS (parts));
    }
  else
    {
      /* Translators: in the quarterly review's summary, for attainment */
      attainment = g_strdup (_("No revenue targets with a recorded actual this year"));
    }
  add_value (review, _("Revenue Attainment, Year to Date"), attainment,
             totals->n_with_target > 0 && totals->mean_attainment < ATTAINMENT_LOW
             ? KS_DOCUMENT_STYLE_WARNING : KS_DOCUMENT_STYLE_NORMAL);

  if (review->previous_quarter != NULL)
    {
      /* Translators: %s is a quarter, “2026-Q2” */
      g_autofree char *key = g_strdup_printf (_("Since the Snapshot of %s"),
                                              review->previous_quarter);
      g_autofree char *quadrants = g_strdup_printf (
        /* Translators: in the quarterly review's summary: accounts in another quadrant than
         * at the previous snapshot */
        g_dngettext (GETTEXT_PACKAGE, "%u account changed quadrant",
                     "%u accounts changed quadrant", totals->n_moved),
        totals->n_moved);
      g_autofree char *tiers = g_strdup_printf (
        /* Translators: in the quarterly review's summary: accounts in another tier than at
         * the previous snapshot */
        g_dngettext (GETTEXT_PACKAGE, "%u changed tier", "%u changed tier",
                     totals->n_tier_changed),
        totals->n_tier_changed);
      const char *parts[] = { quadrants, tiers };
      g_autofree char *movement = join_parts (parts, G_N_ELEMENTS (parts));

      add_value (review, key, movement, KS_DOCUMENT_STYLE_NORMAL);
    }

  {
    guint opened = review->complaints->len;
    g_autofree char *count = g_strdup_printf (
      /* Translators: in the quarterly review's summary: complaints opened in the quarter */
      g_dngettext (GETTEXT_PACKAGE, "%u opened", "%u opened", opened), opened);
    g_autofree char *in_time = g_strdup_printf (
      /* Translators: in the quarterly review's summary: of the complaints opened in the
       * quarter and answered, how many were answered within 24 hours */
      g_dngettext (GETTEXT_PACKAGE, "%u of %u answered within 24 hours",
                   "%u of %u answered within 24 hours", totals->answered),
      totals->in_time, totals->answered);
    const char *parts[] = { count, in_time };
    g_autofree char *complaints = join_parts (parts, totals->answered > 0 ? 2 : 1);

    add_value (review, _("Complaints"), complaints,
               totals->in_time < totals->answered ? KS_DOCUMENT_STYLE_WARNING
                                                  : KS_DOCUMENT_STYLE_NORMAL);
  }
  if (review->overdue_complaints > 0)
    {
      g_autofree char *overdue = format_count (review->overdue_complaints);

      /* Translators: in the quarterly review's summary: open complaints still without a
       * first response after 24 hours, today */
      add_value (review, _("Complaints Unanswered after 24 Hours"), overdue,
                 KS_DOCUMENT_STYLE_WARNING);
    }

  {
    g_autofree char *active = g_strdup_printf (
      /* Translators: in the quarterly review's summary: coaching plans in progress */
      g_dngettext (GETTEXT_PACKAGE, "%u active", "%u active", totals->coaching_active),
      totals->coaching_active);
    g_autofree char *achieved = g_strdup_printf (
      /* Translators: in the quarterly review's summary: coaching plans that reached their
       * target level */
      g_dngettext (GETTEXT_PACKAGE, "%u achieved", "%u achieved", totals->coaching_achieved),
      totals->coaching_achieved);
    g_autofree char *late = g_strdup_printf (
      /* Translators: in the quarterly review's summary: coaching plans past their due date
       * or with an overdue action */
      g_dngettext (GETTEXT_PACKAGE, "%u behind schedule", "%u behind schedule",
                   totals->coaching_overdue),
      totals->coaching_overdue);
    g_autofree char *sessions = g_strdup_printf (
      /* Translators: in the quarterly review's summary: coaching sessions held in the
       * quarter */
      g_dngettext (GETTEXT_PACKAGE, "%u session this quarter", "%u sessions this quarter",
                   totals->sessions),
      totals->sessions);
    const char *parts[] = { active, achieved, late, sessions };
    g_autofree char *coaching = join_parts (parts, G_N_ELEMENTS (parts));

    add_value (review, _("Coaching Plans"), coaching,
               totals->coaching_overdue > 0 ? KS_DOCUMENT_STYLE_WARNING
                                            : KS_DOCUMENT_STYLE_NORMAL);
  }

  {
    g_autofree char *signed_ = g_strdup_printf (
      /* Translators: in the quarterly review's summary: contracts signed */
      g_dngettext (GETTEXT_PACKAGE, "%u signed", "%u signed", totals->contracts_signed),
      totals->contracts_signed);
    g_autofree char *issues = g_strdup_printf (
      /* Translators: in the quarterly review's summary: signed contracts with an open
       * checklist issue */
      g_dngettext (GETTEXT_PACKAGE, "%u with open checklist issues",
                   "%u with open checklist issues", totals->contracts_with_issues),
      totals->contracts_with_issues);
    g_autofree char *renewals = g_strdup_printf (
      /* Translators: in the quarterly review's summary: renewals due within 90 days */
      g_dngettext (GETTEXT_PACKAGE, "%u renewal due within 90 days",
                   "%u renewals due within 90 days", totals->renewals_due),
      totals->renewals_due);
    const char *parts[] = { signed_, issues, renewals };
    g_autofree char *contracts = join_parts (parts, G_N_ELEMENTS (parts));

    add_value (review, _("Contracts"), contracts,
               totals->contracts_with_issues > 0 ? KS_DOCUMENT_STYLE_WARNING
                                                 : KS_DOCUMENT_STYLE_NORMAL);
  }

  for (guint s = 0; s < KS_N_RISK_SEVERITIES; s++)
    n_risks += totals->risks_by_severity[s];
  {
    g_autofree char *open = g_strdup_printf (
      /* Translators: in the quarterly review's summary: open risk warnings */
      g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", n_risks), n_risks);
    g_autofree char *high = g_strdup_printf (
      /* Translators: in the quarterly review's summary: open risk warnings of high
       * severity */
      g_dngettext (GETTEXT_PACKAGE, "%u high", "%u high", totals->risks_by_severity[KS_RISK_HIGH]),
      totals->risks_by_severity[KS_RISK_HIGH]);
    const char *parts[] = { open, high };
    g_autofree char *risks = join_parts (parts, G_N_ELEMENTS (parts));

    add_value (review, _("Risk Warnings"), risks,
               totals->risks_by_severity[KS_RISK_HIGH] > 0 ? KS_DOCUMENT_STYLE_WARNING
                                                           : KS_DOCUMENT_STYLE_NORMAL);
  }
  alerts = format_count (totals->accounts_with_alerts);
  /* Translators: in the quarterly review's summary: accounts with any alert */
  add_value (review, _("Accounts with Alerts"), alerts, KS_DOCUMENT_STYLE_NORMAL);
}

/* A table of counts by tier or quadrant: now, their share, and at the previous
 * snapshot with the change. */
static void
add_count_table (Review      *review,
                 const char  *first_header,
                 guint        n_groups,
                 const char *(*label) (guint group),
                 const guint *now,
                 const guint *before)
{
  KsDocumentTable *table;
  guint total = 0;
  guint columns = review->previous_quarter != NULL ? 5 : 3;

  for (guint g = 0; g < n_groups; g++)
    total += now[g];

  table = ks_document_add_table (review->document, columns);
  ks_document_table_set_column (table, 0, first_header, 30, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, _("Accounts"), 16, KS_DOCUMENT_ALIGN_END);
  /* Translators: a column of the quarterly review's tier and quadrant tables: the
   * share of all accounts */
  ks_document_table_set_column (table, 2, _("Share"), 16, KS_DOCUMENT_ALIGN_END);
  if (review->previous_quarter != NULL)
    {
      /* Translators: a column of the quarterly review's tables: the count at the previous
       * snapshot; %s is its quarter, “2026-Q2” */
      g_autofree char *then = g_strdup_printf (_("At %s"), review->previous_quarter);

      ks_document_table_set_column (table, 3, then, 18, KS_DOCUMENT_ALIGN_END);
      /* Translators: a column of the quarterly review's tables: now less then */
      ks_document_table_set_column (table, 4, _("Change"), 16, KS_DOCUMENT_ALIGN_END);
    }

  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *count = format_count (now[g]);
      g_autofree char *share = format_percent (total > 0 ? 100.0 * now[g] / total : 0);
      g_autofree char *then = review->previous_quarter != NULL ? format_count (before[g]) : NULL;
      g_autofree char *change =
        review->previous_quarter != NULL
          ? ks_number_format_signed ((int) now[g] - (int) before[g], 0) : NULL;
      const char *cells[] = { label (g), count, share, then, change };

      ks_document_table_add_row (table, cells);
    }
}

static const char *
tier_label (guint tier)
{
  return ks_tier_get_label ((KsTier) tier);
}

static const char *
quadrant_label (guint quadrant)
{
  return ks_quadrant_get_label ((KsQuadrant) quadrant);
}

static void
add_quadrant (Review       *review,
              const Totals *totals)
{
  g_autofree char *note = NULL;
  guint now[KS_N_QUADRANTS] = { 0 };
  guint before[KS_N_QUADRANTS] = { 0 };
  KsDocumentTable *table = NULL;

  /* Translators: a section of the printed quarterly review */
  ks_document_add_heading (review->document, 1, _("Quadrant Chart"));

  if (review->shown_snapshot != NULL)
    /* Translators: %s is a quarter, “2026-Q2” */
    note = g_strdup_printf (_("The accounts as the snapshot of %s has them."), review->quarter);
  else if (!review->current)
    note = g_strdup_printf (
      /* Translators: %s is a quarter, “2026-Q2” */
      _("There is no snapshot of %s: the chart shows the accounts as they are today."),
      review->quarter);
  else
    note = g_strdup (_("The accounts as they are today."));
  if (review->previous_quarter != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&note);

      note = g_strdup_printf (
        /* Translators: the first %s says which positions the chart shows; the second is a
         * quarter, “2026-Q2” */
        _("%s The arrows start where each account was at the snapshot of %s."),
        plain, review->previous_quarter);
    }
  else
    {
      g_autofree char *plain = g_steal_pointer (&note);

      note = g_strdup_printf (
        /* Translators: the first %s says which positions the chart shows; the second is a
         * quarter, “2026-Q3” */
        _("%s There is no snapshot before %s to show the movement from: take one at the end "
          "of every quarter."),
        plain, review->quarter);
    }
  if (review->n_shown > 0)
    {
      GArray *points = g_array_sized_new (FALSE, TRUE, sizeof (KsChartPoint), review->n_shown);
      double split_value, split_growth;

      for (guint i = 0; i < review->entries->len; i++)
        {
          const Entry *entry = g_ptr_array_index (review->entries, i);
          KsChartPoint point = {
            .id = entry->id,
            .name = g_strdup (ks_account_get_name (entry->account)),
            .value = entry->value,
            .growth = entry->growth,
            .size = ks_account_get_annual_purchases (entry->account),
            .tier = entry->tier,
          };

          if (!entry->shown)
            {
              g_free ((char *) point.name);
              continue;
            }
          if (entry->previous != NULL)
            {
              point.has_previous = TRUE;
              point.previous_value = entry->previous->value;
              point.previous_growth = entry->previous->growth;
            }
          g_array_append_val (points, point);
        }
      ks_store_get_split (review->store, &split_value, &split_growth);
      ks_report_add_quadrant (review->document, 0, QUADRANT_HEIGHT, points,
                              ks_store_get_default_currency (review->store), split_value,
                              split_growth, -1, KS_CHART_DEFAULT);
    }

  /* under the chart, as its caption */
  ks_document_add_note (review->document, note);
  if (review->n_not_shown > 0)
    {
      g_autofree char *missing = g_strdup_printf (
        /* Translators: %u accounts, %s a quarter */
        g_dngettext (GETTEXT_PACKAGE, "%u account is not in the snapshot of %s and not shown.",
                     "%u accounts are not in the snapshot of %s and not shown.",
                     review->n_not_shown),
        review->n_not_shown, review->quarter);

      ks_document_add_note (review->document, missing);
    }

  for (guint i = 0; i < review->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (review->entries, i);

      if (!entry->shown)
        continue;
      now[entry->quadrant]++;
      if (entry->previous != NULL)
        before[entry->previous->quadrant]++;
    }
  /* Translators: a column of the quarterly review's table of accounts by quadrant */
  add_count_table (review, _("Quadrant"), KS_N_QUADRANTS, quadrant_label, now, before);

  if (review->previous_quarter == NULL)
    return;

  {
    /* Translators: a subsection of the quarterly review; %s is a quarter, “2026-Q2” */
    g_autofree char *title = g_strdup_printf (_("Movement since %s"), review->previous_quarter);

    ks_document_add_heading (review->document, 2, title);
  }
  for (guint i = 0; i < review->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (review->entries, i);
      g_autofree char *quadrants = NULL;
      g_autofree char *tiers = NULL;
      g_autofree char *scores = NULL;
      guint row;

      if (!entry_moved (entry))
        continue;
      if (table == NULL)
        {
          guint c = 0;

          table = ks_document_add_table (review->document, review->owner != NULL ? 4 : 5);
          ks_document_table_set_column (table, c++, _("Account"),
                                        review->owner == NULL ? 28 : 43,
                                        KS_DOCUMENT_ALIGN_START);
          if (review->owner == NULL)
            ks_document_table_set_column (table, c++, _("Owner"), 15, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (table, c++, _("Quadrant"), 22, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (table, c++, _("Tier"), 23, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (table, c++, _("KA Score"), 12, KS_DOCUMENT_ALIGN_END);
        }
      if (entry->previous->quadrant != entry->quadrant)
        /* Translators: a change in the quadrant or tier of an account, “Grow → Strategic” */
        quadrants = g_strdup_printf (_("%s → %s"),
                                     ks_quadrant_get_label (entry->previous->quadrant),
                                     ks_quadrant_get_label (entry->quadrant));
      if (entry->previous->tier != entry->tier)
        tiers = g_strdup_printf (_("%s → %s"), ks_tier_get_label (entry->previous->tier),
                                 ks_tier_get_label (entry->tier));
      scores = g_strdup_printf ("%.0f → %.0f", entry->previous->ka_score,
                                review->shown_snapshot != NULL
                                ? ((const KsSnapshotEntry *) g_hash_table_lookup (
                                     review->shown_snapshot, &entry->id))->ka_score
                                : ks_account_get_ka_score (entry->account));
      {
        /* what did not change is shown as it is, in grey */
        const char *quadrant = quadrants != NULL ? quadrants
                                                 : ks_quadrant_get_label (entry->quadrant);
        const char *tier = tiers != NULL ? tiers : ks_tier_get_label (entry->tier);
        const char *cells[] = {
          ks_account_get_name (entry->account), ks_report_or_dash (ks_account_get_owner (entry->account)),
          quadrant, tier, scores,
        };
        const char *owner_cells[] = {
          ks_account_get_name (entry->account), quadrant, tier, scores,
        };
        guint first = review->owner != NULL ? 1 : 2;

        row = ks_document_table_add_row (table, review->owner != NULL ? owner_cells : cells);
        if (quadrants == NULL)
          ks_document_table_set_cell_style (table, row, first, KS_DOCUMENT_STYLE_MUTED);
        if (tiers == NULL)
          ks_document_table_set_cell_style (table, row, first + 1, KS_DOCUMENT_STYLE_MUTED);
      }
    }
  if (table == NULL)
    {
      g_autofree char *none = g_strdup_printf (
        /* Translators: %s is a quarter, “2026-Q2” */
        _("No account changed quadrant or tier since %s."), review->previous_quarter);

      ks_document_add_note (review->document, none);
    }
  else if (totals->n_compared < review->n_shown)
    {
      guint added = review->n_shown - totals->n_compared;
      g_autofree char *note_added = g_strdup_printf (
        /* Translators: %u accounts, %s a quarter */
        g_dngettext (GETTEXT_PACKAGE, "%u account was not in the snapshot of %s.",
                     "%u accounts were not in the snapshot of %s.", added),
        added, review->previous_quarter);

      ks_document_add_note (review->document, note_added);
    }
}

static void
add_tiers (Review *review)
{
  TiersFigure *figure = g_new0 (TiersFigure, 1);

  /* Translators: a section of the printed quarterly review */
  ks_document_add_heading (review->document, 1, _("Tier Distribution"));

  for (guint i = 0; i < review->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (review->entries, i);

      if (!entry->shown)
        continue;
      figure->now[entry->tier]++;
      if (entry->previous != NULL)
        figure->before[entry->previous->tier]++;
    }
  figure->now_label = g_strdup (review->current ? C_("tiers", "Today") : review->quarter);
  figure->before_label = g_strdup (review->previous_quarter);

  /* the document keeps the figure, and its counts, alive until it is freed */
  ks_document_add_figure (review->document, 0, tiers_figure_height (figure), draw_tiers, figure,
                          tiers_figure_free);
  add_count_table (review, _("Tier"), KS_N_TIERS, tier_label, figure->now, figure->before);
}

/* “Q1” or “Q1–Q3”: the quarters counted. Never translated, like the quarters. */
static char *
format_span (guint through)
{
  return through > 1 ? g_strdup_printf ("Q1–Q%u", through) : g_strdup ("Q1");
}

static void
add_attainment (Review *review)
{
  KsDocumentTable *table;
  g_autofree char *note = NULL;
  g_autofree char *low = format_percent (ATTAINMENT_LOW);
  g_autofree char *usual_span = NULL;
  gboolean with_owner = review->owner == NULL;
  guint spans[KS_PLAN_N_QUARTERS + 1] = { 0 };
  guint usual = 0;
  guint c = 0;

  /* Most accounts count the same quarters: the note names them, a row that counts fewer
   * says so beside its figure. */
  for (guint i = 0; i < review->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (review->entries, i);

      if (entry->has_attainment && entry->through <= KS_PLAN_N_QUARTERS)
        spans[entry->through]++;
    }
  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    if (spans[q] > spans[usual])
      usual = q;
  usual_span = format_span (MAX (usual, 1));

  /* Translators: a section of the printed quarterly review */
  ks_document_add_heading (review->document, 1, _("Target Attainment"));
  if (review->current)
    note = g_strdup_printf (
      /* Translators: %d is a year; the first %s the quarters counted, “Q1–Q2”; the second
       * a percentage, “80 %” */
      _("Attainment is revenue against target for %d, year to date, over the quarters "
        "with a recorded actual: %s, unless the figure names others. Below %s it stands "
        "out."),
      review->year, usual_span, low);
  else
    note = g_strdup_printf (
      /* Translators: the first %d is a year, the second a quarter (1–4); the first %s the
       * quarters counted, “Q1–Q2”; the second a percentage, “80 %” */
      _("Attainment is revenue against target for %d, year to date at the end of Q%d, over "
        "the quarters with a recorded actual: %s, unless the figure names others. Below %s "
        "it stands out."),
      review->year, review->q, usual_span, low);
  ks_document_add_note (review->document, note);

  table = ks_document_add_table (review->document, with_owner ? 6 : 5);
  ks_document_table_set_column (table, c++, _("Account"), with_owner ? 28 : 43,
                                KS_DOCUMENT_ALIGN_START);
  if (with_owner)
    ks_document_table_set_column (table, c++, _("Owner"), 15, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, c++, _("Currency"), 11, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, c++, _("Target"), 15, KS_DOCUMENT_ALIGN_END);
  ks_document_table_set_column (table, c++, _("Actual"), 15, KS_DOCUMENT_ALIGN_END);
  /* Translators: a column of the attainment table */
  ks_document_table_set_column (table, c++, _("Attainment"), 16, KS_DOCUMENT_ALIGN_END);

  for (guint i = 0; i < review->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (review->entries, i);
      const char *currency = ks_account_get_currency (entry->account);
      KsTier tier = ks_account_get_tier (entry->account);
      g_autofree char *target = NULL;
      g_autofree char *actual = NULL;
      g_autofree char *percent = NULL;
      const char *cells[6] = { NULL };
      guint n = 0;
      guint row;

      /* The accounts of a tier under a row that names it, kept with its first account. */
      if (i == 0 || tier != ks_account_get_tier (((Entry *) g_ptr_array_index (review->entries,
                                                                                i - 1))->account))
        {
          cells[0] = ks_tier_get_label (tier);
          row = ks_document_table_add_row (table, cells);
          ks_document_table_set_row_style (table, row, KS_DOCUMENT_STYLE_STRONG);
          ks_document_table_keep_with_next (table, row);
        }

      if (entry->has_attainment)
        {
          target = ks_report_format_amount (entry->target, currency);
          actual = ks_report_format_amount (entry->actual, currency);
          percent = format_percent (entry->attainment);
          if (entry->through != usual)
            {
              g_autofree char *plain = g_steal_pointer (&percent);
              g_autofree char *span = format_span (entry->through);

              /* Translators: an attainment and the quarters it counts, “83 % (Q1)” */
              percent = g_strdup_printf (_("%s (%s)"), plain, span);
            }
        }
      /* an account without a target leaves the figures empty: less to read */
      cells[n++] = ks_account_get_name (entry->account);
      if (with_owner)
        cells[n++] = ks_report_or_dash (ks_account_get_owner (entry->account));
      cells[n++] = entry->has_attainment ? currency : NULL;
      cells[n++] = target;
      cells[n++] = actual;
      /* Translators: the attainment of an account without a revenue target */
      cells[n++] = entry->has_attainment ? percent : C_("attainment", "No target");

      row = ks_document_table_add_row (table, cells);
      if (!entry->has_attainment)
        ks_document_table_set_cell_style (table, row, n - 1, KS_DOCUMENT_STYLE_MUTED);
      else if (entry->attainment < ATTAINMENT_LOW)
        ks_document_table_set_cell_style (table, row, n - 1, KS_DOCUMENT_STYLE_WARNING);
      else if (entry->attainment >= 100)
        ks_document_table_set_cell_style (table, row, n - 1, KS_DOCUMENT_STYLE_GOOD);
    }
  if (review->entries->len == 0)
    ks_document_add_note (review->document, _("No accounts."));
}

static void
add_stats_table (Review     *review,
                 const char *group_header,
                 GPtrArray  *stats)
{
  KsDocumentTable *table = ks_document_add_table (review->document, 6);

  ks_document_table_set_column (table, 0, group_header, 28, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, _("Complaints"), 13, KS_DOCUMENT_ALIGN_END);
  /* Translators: a column of the complaint statistics: complaints still open */
  ks_document_table_set_column (table, 2, C_("complaints", "Open"), 11, KS_DOCUMENT_ALIGN_END);
  /* Translators: a column of the complaint statistics: complaints with a first response */
  ks_document_table_set_column (table, 3, _("Answered"), 13, KS_DOCUMENT_ALIGN_END);
  /* Translators: a column of the complaint statistics: answered within 24 hours */
  ks_document_table_set_column (table, 4, _("Within 24 Hours"), 16, KS_DOCUMENT_ALIGN_END);
  /* Translators: a column of the complaint statistics: the mean time to first response */
  ks_document_table_set_column (table, 5, _("Mean Response"), 19, KS_DOCUMENT_ALIGN_END);

  for (guint i = 0; i < stats->len; i++)
    {
      const KsResponseStats *s = g_ptr_array_index (stats, i);
      g_autofree char *complaints = format_count (s->complaints);
      g_autofree char *open = format_count (s->open);
      g_autofree char *answered = format_count (s->answered);
      g_autofree char *in_time = s->answered > 0
                                 ? format_percent (100.0 * s->in_time / s->answered) : NULL;
      g_autofree char *mean = s->answered > 0 ? format_hours (s->mean_hours) : NULL;
      const char *cells[] = {
        s->group, complaints, open, answered, ks_report_or_dash (in_time), ks_report_or_dash (mean),
      };
      guint row = ks_document_table_add_row (table, cells);

      if (s->in_time < s->answered)
        ks_document_table_set_cell_style (table, row, 4, KS_DOCUMENT_STYLE_WARNING);
      if (s->open > 0)
        ks_document_table_set_cell_style (table, row, 2, KS_DOCUMENT_STYLE_STRONG);
    }
}

static void
add_complaints (Review       *review,
                const Totals *totals)
{
  g_autofree char *first = format_long_date (&review->first_day);
  g_autofree char *last = format_long_date (review->current ? &review->today
                                                            : &review->last_day);
  g_autofree char *note = NULL;

  /* Translators: a section of the printed quarterly review */
  ks_document_add_heading (review->document, 1, _("Complaint Response"));
  note = g_strdup_printf (
    /* Translators: the two %s are dates; the first response is due within 24 hours */
    _("The complaints opened from %s to %s. The first response is due within 24 hours."),
    first, last);
  ks_document_add_note (review->document, note);

  if (review->complaints->len == 0)
    {
      ks_document_add_paragraph (review->document,
                                 _("No complaints were opened in the quarter."));
      return;
    }

  {
    g_autofree char *opened = format_count (review->complaints->len);
    g_autofree char *in_time = NULL;
    g_autofree char *open = format_count (totals->still_open);

    ks_document_add_key_value (review->document, _("Complaints Opened"), opened,
                               KS_DOCUMENT_STYLE_NORMAL);
    if (totals->answered > 0)
      {
        g_autofree char *mean = format_hours (totals->mean_hours);
        g_autofree char *percent = format_percent (100.0 * totals->in_time / totals->answered);

        /* Translators: complaints answered within 24 hours of those answered, “9 of 10
         * (90 %)” */
        in_time = g_strdup_printf (_("%u of %u (%s)"), totals->in_time, totals->answered,
                                   percent);
        ks_document_add_key_value (review->document, _("Answered within 24 Hours"), in_time,
                                   totals->in_time < totals->answered
                                   ? KS_DOCUMENT_STYLE_WARNING : KS_DOCUMENT_STYLE_GOOD);
        ks_document_add_key_value (review->document, _("Mean Time to First Response"), mean,
                                   KS_DOCUMENT_STYLE_NORMAL);
      }
    /* Translators: complaints opened in the quarter that are still open */
    ks_document_add_key_value (review->document, _("Still Open"), open,
                               totals->still_open > 0 ? KS_DOCUMENT_STYLE_STRONG
                                                      : KS_DOCUMENT_STYLE_NORMAL);
  }

  {
    g_autoptr(GPtrArray) by_category = ks_complaints_response_stats (review->complaints, FALSE,
                                                                     review->now);
    g_autoptr(GPtrArray) by_owner = ks_complaints_response_stats (review->complaints, TRUE,
                                                                  review->now);

    /* Translators: a subsection of the quarterly review's complaint statistics */
    ks_document_add_heading (review->document, 2, _("By Category"));
    add_stats_table (review, _("Category"), by_category);
    /* Translators: a subsection of the quarterly review's complaint statistics: by the
     * person who owns each complaint */
    ks_document_add_heading (review->document, 2, _("By Complaint Owner"));
    add_stats_table (review, _("Owner"), by_owner);
  }
}

static void
add_coaching (Review *review)
{
  KsDocumentTable *table;
  gboolean with_member = review->owner == NULL;
  guint c = 0;

  /* Translators: a section of the printed quarterly review */
  ks_document_add_heading (review->document, 1, _("Coaching Progress"));
  if (review->coaching->len == 0)
    {
      ks_document_add_note (review->document, _("No coaching plans."));
      return;
    }

  if (review->owner != NULL)
    {
      GPtrArray *plans = g_hash_table_lookup (review->plans, &review->member_id);
      SkillsFigure *figure = g_new0 (SkillsFigure, 1);

      figure->levels = ks_team_skill_levels (plans);
      ks_document_add_figure (review->document, 0,
                              ks_skills_chart_get_height (figure->levels->len)
                              * POINTS_PER_PIXEL,
                              draw_skills, figure, skills_figure_free);
    }

  table = ks_document_add_table (review->document, with_member ? 7 : 6);
  if (with_member)
    /* Translators: a column of the coaching table: the team member coached */
    ks_document_table_set_column (table, c++, _("Member"), 15, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, c++, _("Skill"), 18, KS_DOCUMENT_ALIGN_START);
  /* Translators: a column of the coaching table: the levels, “2 → 3, target 4” */
  ks_document_table_set_column (table, c++, _("Level"), 16, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, c++, _("Status"), 12, KS_DOCUMENT_ALIGN_START);
  /* Translators: a column of the coaching table: development actions done */
  ks_document_table_set_column (table, c++, _("Actions Done"), 14, KS_DOCUMENT_ALIGN_END);
  /* Translators: a column of the coaching table: coaching sessions held in the quarter */
  ks_document_table_set_column (table, c++, _("Sessions"), 12, KS_DOCUMENT_ALIGN_END);
  ks_document_table_set_column (table, c++, C_("coaching plan", "Due date"), 13,
                                KS_DOCUMENT_ALIGN_START);

  for (guint i = 0; i < review->coaching->len; i++)
    {
      const CoachingRow *r = &g_array_index (review->coaching, CoachingRow, i);
      g_autofree char *level = NULL;
      g_autofree char *actions = NULL;
      g_autofree char *sessions = format_count (r->sessions);
      const char *cells[7];
      guint n = 0;
      guint row;

      /* Translators: a coaching plan's levels: where it started, where it is, its target */
      level = g_strdup_printf (_("%1$d → %2$d, target %3$d"), r->plan->start_level,
                               r->plan->current_level, r->plan->target_level);
      if (r->progress.actions_counted > 0)
        /* Translators: development actions done of all, “3 of 5” */
        actions = g_strdup_printf (_("%u of %u"), r->progress.actions_done,
                                   r->progress.actions_counted);
      if (with_member)
        cells[n++] = r->member->name;
      cells[n++] = ks_coaching_plan_get_skill_name (r->plan);
      cells[n++] = level;
      cells[n++] = ks_coaching_status_get_label (r->plan->status);
      cells[n++] = ks_report_or_dash (actions);
      cells[n++] = sessions;
      cells[n++] = ks_report_or_dash (r->plan->due);

      row = ks_document_table_add_row (table, cells);
      if (r->plan->status == KS_COACHING_ACHIEVED)
        ks_document_table_set_cell_style (table, row, n - 4, KS_DOCUMENT_STYLE_GOOD);
      if (r->progress.overdue)
        ks_document_table_set_cell_style (table, row, n - 1, KS_DOCUMENT_STYLE_WARNING);
      if (r->progress.overdue_actions > 0)
        ks_document_table_set_cell_style (table, row, n - 3, KS_DOCUMENT_STYLE_WARNING);
    }
}

/* Renewals due soonest first. */
static const char *
renewal_date (const KsContract *contract)
{
  return contract->renewal_notice != NULL && *contract->renewal_notice != '\0'
         ? contract->renewal_notice : contract->end;
}

static int
compare_renewals (gconstpointer a,
                  gconstpointer b)
{
  const KsContract *ca = *(KsContract * const *) a;
  const KsContract *cb = *(KsContract * const *) b;
  int cmp = g_strcmp0 (renewal_date (ca), renewal_date (cb));

  if (cmp != 0)
    return cmp;
  return (ca->id > cb->id) - (ca->id < cb->id);
}

static char *
contract_name (const KsContract *contract)
{
  if (contract->number != NULL && *contract->number != '\0')
    /* Translators: a contract's title and its number, “Framework agreement (HT-2026-01)” */
    return g_strdup_printf (_("%s (%s)"), contract->title, contract->number);
  return g_strdup (contract->title);
}

static const char *
account_name (Review *review,
              gint64  account_id)
{
  const Entry *entry = g_hash_table_lookup (review->by_id, &account_id);

  return entry != NULL ? ks_account_get_name (entry->account) : "";
}

static void
add_contracts (Review       *review,
               const Totals *totals)
{
  guint by_status[KS_N_CONTRACT_STATUSES] = { 0 };
  guint items = 0, reviewed = 0;
  KsDocumentTable *issues = NULL;
  g_autoptr(GPtrArray) renewals = g_ptr_array_new ();

  /* Translators: a section of the printed quarterly review */
  ks_document_add_heading (review->document, 1, _("Contract Compliance and Renewals"));
  if (review->contracts->len == 0)
    {
      ks_document_add_note (review->document, _("No contracts."));
      return;
    }

  for (guint i = 0; i < review->contracts->len; i++)
    {
      const KsContract *contract = g_ptr_array_index (review->contracts, i);
      KsContractCompletion completion;

      if ((guint) contract->status < KS_N_CONTRACT_STATUSES)
        by_status[contract->status]++;
      /* what is no longer in force has nothing left to review */
      if (contract->status == KS_CONTRACT_EXPIRED || contract->status == KS_CONTRACT_TERMINATED)
        continue;
      ks_contract_completion (contract, &completion);
      items += completion.total;
      reviewed += completion.reviewed;
      if (ks_contract_renewal_due (contract, &review->today))
        g_ptr_array_add (renewals, (gpointer) contract);
    }

  {
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *statuses = NULL;
    g_autofree char *checked = NULL;
    g_autofree char *with_issues = format_count (totals->contracts_with_issues);

    for (guint s = 0; s < KS_N_CONTRACT_STATUSES; s++)
      if (by_status[s] > 0)
        /* Translators: a contract status and how many contracts have it, “Signed: 12” */
        g_ptr_array_add (parts, g_strdup_printf (_("%s: %u"), ks_contract_status_get_label (s),
                                                 by_status[s]));
    statuses = join_parts ((const char * const *) parts->pdata, parts->len);
    ks_document_add_key_value (review->document, _("Contracts"), statuses,
                               KS_DOCUMENT_STYLE_NORMAL);
    if (items > 0)
      {
        g_autofree char *percent = format_percent (100.0 * reviewed / items);

        /* Translators: checklist items reviewed of all, with the percentage, “40 of 60
         * (67 %)” */
        checked = g_strdup_printf (_("%u of %u (%s)"), reviewed, items, percent);
      }
    /* Translators: in the quarterly review: checklist items of contracts in force */
    ks_document_add_key_value (review->document, _("Checklist Items Reviewed"),
                               ks_report_or_dash (checked), KS_DOCUMENT_STYLE_NORMAL);
    ks_document_add_key_value (review->document, _("Signed with Open Issues"), with_issues,
                               totals->contracts_with_issues > 0 ? KS_DOCUMENT_STYLE_WARNING
                                                                 : KS_DOCUMENT_STYLE_NORMAL);
  }

  for (guint i = 0; i < review->contracts->len; i++)
    {
      const KsContract *contract = g_ptr_array_index (review->contracts, i);
      KsContractCompletion completion;
      g_autofree char *name = NULL;
      g_autofree char *checklist = NULL;
      g_autofree char *open = NULL;

      if (contract->status == KS_CONTRACT_EXPIRED || contract->status == KS_CONTRACT_TERMINATED)
        continue;
      ks_contract_completion (contract, &completion);
      if (completion.issues == 0)
        continue;
      if (issues == NULL)
        {
          ks_document_add_heading (review->document, 2, _("Open Checklist Issues"));
          issues = ks_document_add_table (review->document, 5);
          ks_document_table_set_column (issues, 0, _("Account"), 26, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (issues, 1, _("Contract"), 30, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (issues, 2, _("Status"), 13, KS_DOCUMENT_ALIGN_START);
          ks_document_table_set_column (issues, 3, _("Checklist"), 18, KS_DOCUMENT_ALIGN_END);
          /* Translators: a column of the quarterly review: open checklist issues */
          ks_document_table_set_column (issues, 4, _("Issues"), 13, KS_DOCUMENT_ALIGN_END);
        }
      name = contract_name (contract);
      checklist = format_percent (completion.percent);
      open = format_count (completion.issues);
      {
        const char *cells[] = {
          account_name (review, contract->account_id), name,
          ks_contract_status_get_label (contract->status), checklist, open,
        };
        guint row = ks_document_table_add_row (issues, cells);

        ks_document_table_set_cell_style (issues, row, 4, KS_DOCUMENT_STYLE_WARNING);
      }
    }

  /* Translators: a subsection of the quarterly review: contracts whose renewal notice (or
   * end) falls within 90 days */
  ks_document_add_heading (review->document, 2, _("Renewals Due within 90 Days"));
  if (renewals->len == 0)
    {
      ks_document_add_note (review->document, _("None."));
      return;
    }
  g_ptr_array_sort (renewals, compare_renewals);
  {
    KsDocumentTable *table = ks_document_add_table (review->document, 5);

    ks_document_table_set_column (table, 0, _("Account"), 26, KS_DOCUMENT_ALIGN_START);
    ks_document_table_set_column (table, 1, _("Contract"), 30, KS_DOCUMENT_ALIGN_START);
    /* Translators: a column of the renewals table: the contract's end date */
    ks_document_table_set_column (table, 2, _("Ends"), 13, KS_DOCUMENT_ALIGN_START);
    /* Translators: a column of the renewals table: when notice of renewal is due */
    ks_document_table_set_column (table, 3, _("Notice Due"), 13, KS_DOCUMENT_ALIGN_START);
    ks_document_table_set_column (table, 4, _("Amount"), 18, KS_DOCUMENT_ALIGN_END);

    for (guint i = 0; i < renewals->len; i++)
      {
        const KsContract *contract = g_ptr_array_index (renewals, i);
        g_autofree char *name = contract_name (contract);
        g_autofree char *value = ks_money_format (contract->value, contract->currency);
        GDate due;
        const char *cells[] = {
          account_name (review, contract->account_id), name, ks_report_or_dash (contract->end),
          ks_report_or_dash (contract->renewal_notice), value,
        };
        guint row = ks_document_table_add_row (table, cells);

        /* a notice date already past while the contract is still signed */
        if (ks_plan_parse_date (renewal_date (contract), &due)
            && g_date_compare (&due, &review->today) < 0)
          ks_document_table_set_cell_style (table, row, 3, KS_DOCUMENT_STYLE_WARNING);
      }
  }
}

static void
add_risks (Review       *review,
           const Totals *totals)
{
  KsDocumentTable *table;
  gboolean any_alert = FALSE;

  /* Translators: a section of the printed quarterly review */
  ks_document_add_heading (review->document, 1, _("Risk Warnings"));

  /* The alerts the portfolio shows, as of today: how many accounts have each. */
  for (guint a = 0; a < KS_N_ALERTS; a++)
    {
      g_autofree char *count = NULL;

      if (totals->alerts[a] == 0)
        continue;
      any_alert = TRUE;
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts",
                                            totals->alerts[a]),
                               totals->alerts[a]);
      ks_document_add_key_value (review->document, ks_alert_get_label (1u << a), count,
                                 KS_DOCUMENT_STYLE_WARNING);
    }
  if (!any_alert)
    ks_document_add_note (review->document, _("No account has an alert."));

  /* Translators: a subsection of the quarterly review */
  ks_document_add_heading (review->document, 2, _("Open Risks"));
  if (review->open_risks->len == 0)
    {
      ks_document_add_note (review->document, _("None."));
      return;
    }

  table = ks_document_add_table (review->document, 6);
  ks_document_table_set_column (table, 0, _("Account"), 20, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, _("Severity"), 10, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 2, _("Category"), 14, KS_DOCUMENT_ALIGN_START);
  /* Translators: a column of the risks table: the date the risk was raised */
  ks_document_table_set_column (table, 3, _("Raised"), 12, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 4, _("Description"), 22, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 5, _("Contingency Plan"), 22, KS_DOCUMENT_ALIGN_START);

  for (guint i = 0; i < review->open_risks->len; i++)
    {
      const RiskRow *r = &g_array_index (review->open_risks, RiskRow, i);
      const char *cells[] = {
        ks_account_get_name (r->entry->account), ks_risk_severity_get_label (r->risk->severity),
        ks_risk_category_get_label (r->risk->category), ks_report_or_dash (r->risk->raised),
        r->risk->description, ks_report_or_dash (r->risk->contingency),
      };
      guint row = ks_document_table_add_row (table, cells);

      if (r->risk->severity == KS_RISK_HIGH)
        ks_document_table_set_cell_style (table, row, 1, KS_DOCUMENT_STYLE_WARNING);
    }
}

/* ---- The document ---------------------------------------------------------------- */

static void
review_clear (Review *review)
{
  g_clear_pointer (&review->quarter, g_free);
  g_clear_pointer (&review->now, g_date_time_unref);
  g_clear_pointer (&review->owner, g_free);
  g_clear_pointer (&review->by_id, g_hash_table_unref);
  g_clear_pointer (&review->entries, g_ptr_array_unref);
  g_clear_pointer (&review->shown_snapshot, g_hash_table_unref);
  g_clear_pointer (&review->previous_quarter, g_free);
  g_clear_pointer (&review->previous, g_hash_table_unref);
  g_clear_pointer (&review->complaints, g_ptr_array_unref);
  g_clear_pointer (&review->all_complaints, g_ptr_array_unref);
  g_clear_pointer (&review->coaching, g_array_unref);
  g_clear_pointer (&review->plans, g_hash_table_unref);
  g_clear_pointer (&review->members, g_ptr_array_unref);
  g_clear_pointer (&review->contracts, g_ptr_array_unref);
  g_clear_pointer (&review->all_contracts, g_ptr_array_unref);
  g_clear_pointer (&review->open_risks, g_array_unref);
  g_clear_pointer (&review->risks, g_hash_table_unref);
}

KsDocument *
ks_report_review_new (KsStore     *store,
                      const char  *quarter,
                      const char  *owner,
                      GError     **error)
{
  g_autoptr(KsDocument) document = NULL;
  g_autofree char *title = NULL;
  Review review;
  Totals totals;
  gboolean ok;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  memset (&review, 0, sizeof review);
  review.store = store;
  review.now = ks_store_dup_now (store);
  ks_store_get_today (store, &review.today);

  ok = read_quarter (&review, quarter, error);
  if (ok)
    {
      review.members = ks_store_dup_members (store, error);
      ok = review.members != NULL;
    }
  if (ok && owner != NULL)
    {
      const KsMember *member = find_member (review.members, owner);

      if (member == NULL)
        ok = set_unknown_owner (store, owner, error);
      else
        {
          review.owner = g_strdup (member->name);
          review.member_id = member->id;
        }
    }
  ok = ok && read_snapshots (&review, error) && read_accounts (&review, error)
       && read_complaints (&review, error) && read_coaching (&review, error)
       && read_contracts (&review, error) && read_risks (&review, error);
  if (!ok)
    {
      review_clear (&review);
      return NULL;
    }

  if (review.owner != NULL)
    /* Translators: the title of the printed quarterly review of one owner's accounts (the
     * page header and the PDF's properties); the first %s is a quarter, the second the
     * owner */
    title = g_strdup_printf (_("Quarterly Review %s: %s"), review.quarter, review.owner);
  else
    title = g_strdup_printf (_("Quarterly Review %s"), review.quarter);
  document = ks_document_new_for_store (store, title);
  review.document = document;

  compute_totals (&review, &totals);
  add_title (&review);
  add_summary (&review, &totals);
  add_quadrant (&review, &totals);
  add_tiers (&review);
  add_attainment (&review);
  add_complaints (&review, &totals);
  add_coaching (&review);
  add_contracts (&review, &totals);
  add_risks (&review, &totals);

  review_clear (&review);
  return g_steal_pointer (&document);
}
