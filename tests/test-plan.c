/* test-plan.c — attainment, actions, health score and alerts of account plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-error.h"
#include "ks-plan.h"

/* Fails the test with the table case's name in the message. */
#define assert_case(expr, case_name, ...)                                           \
  G_STMT_START {                                                                    \
    if (!(expr))                                                                    \
      {                                                                             \
        g_autofree char *detail_ = g_strdup_printf (__VA_ARGS__);                   \
        g_autofree char *message_ = g_strdup_printf ("case “%s”: %s (%s)",          \
                                                     (case_name), detail_, #expr);  \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message_);\
      }                                                                             \
  } G_STMT_END

#define assert_case_double(got, expected, case_name)                                \
  G_STMT_START {                                                                    \
    double got_ = (got);                                                            \
    double expected_ = (expected);                                                  \
    assert_case (fabs (got_ - expected_) < 1e-9, case_name,                         \
                 "got %.12g, expected %.12g", got_, expected_);                     \
  } G_STMT_END

/* "Today" in every test: nothing reads the clock. */
#define TODAY "2026-05-15"

static void
date_init (GDate      *date,
           const char *iso)
{
  gboolean ok = ks_plan_parse_date (iso, date);

  assert_case (ok, iso, "not a date");
}

static void
test_metrics (void)
{
  static const struct {
    KsTargetMetric metric;
    const char *label;
    const char *key;
    gboolean money;
  } cases[] = {
    { KS_TARGET_METRIC_REVENUE, "Revenue", "revenue", TRUE },
    { KS_TARGET_METRIC_GROSS_MARGIN, "Gross margin", "gross_margin", FALSE },
    { KS_TARGET_METRIC_SHARE_OF_WALLET, "Share of wallet", "share_of_wallet", FALSE },
    { KS_TARGET_METRIC_PENETRATION, "Product penetration", "product_penetration", FALSE },
    { KS_TARGET_METRIC_NEW_BUSINESS, "New business", "new_business", TRUE },
  };
  guint i;

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, KS_N_TARGET_METRICS);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (ks_target_metric_get_label (cases[i].metric), ==, cases[i].label);
      g_assert_cmpstr (ks_target_metric_get_key (cases[i].metric), ==, cases[i].key);
      assert_case (ks_target_metric_is_money (cases[i].metric) == cases[i].money,
                   cases[i].label, "money or percentage");
    }
}

static void
test_attainment (void)
{
  static const struct {
    const char *name;
    gint64 target;
    gint64 actual;
    double expected;
  } cases[] = {
    { "on target", 100000, 100000, 100 },
    { "half", 100000, 50000, 50 },
    { "over 100 %, not capped", 100000, 150000, 150 },
    { "nothing sold", 100000, 0, 0 },
    { "no target", 0, 50000, 0 },
    { "no target, nothing sold", 0, 0, 0 },
    { "negative target", -100, 50, 0 },
    { "negative actual clamped to 0", 100000, -2500, 0 },
    { "one minor unit", 3, 1, 100.0 / 3 },
    { "percentage metric: 12.5 % of 25 %", 2500, 1250, 50 },
    { "large amounts", G_GINT64_CONSTANT (4000000000000000),
      G_GINT64_CONSTANT (5000000000000000), 125 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_case_double (ks_plan_attainment (cases[i].target, cases[i].actual),
                        cases[i].expected, cases[i].name);
}

static void
test_attainment_ytd (void)
{
  static const struct {
    const char *name;
    gint64 targets[KS_PLAN_N_QUARTERS];
    gint64 actuals[KS_PLAN_N_QUARTERS];
    guint quarter;
    double expected;
  } cases[] = {
    { "Q1 only", { 100, 200, 300, 400 }, { 50, 999, 999, 999 }, 1, 50 },
    { "Q2 sums two quarters", { 100, 300, 300, 400 }, { 100, 100, 999, 999 }, 2, 50 },
    { "Q3", { 100, 100, 200, 0 }, { 120, 80, 200, 0 }, 3, 100 },
    { "full year", { 100, 100, 100, 100 }, { 100, 100, 100, 150 }, 4, 112.5 },
    { "later quarters ignored", { 100, 100, 100, 100 }, { 100, 0, 0, 0 }, 1, 100 },
    { "no target so far", { 0, 0, 100, 100 }, { 10, 10, 10, 10 }, 2, 0 },
    { "target only in a later quarter", { 0, 0, 100, 100 }, { 0, 0, 50, 0 }, 3, 50 },
    { "negative quarter nets", { 100, 100, 0, 0 }, { 150, -50, 0, 0 }, 2, 50 },
    { "negative total clamped", { 100, 100, 0, 0 }, { 10, -50, 0, 0 }, 2, 0 },
    { "over 100 %", { 100, 100, 0, 0 }, { 200, 200, 0, 0 }, 2, 200 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_case_double (ks_plan_attainment_ytd (cases[i].targets, cases[i].actuals,
                                                cases[i].quarter),
                        cases[i].expected, cases[i].name);
}

static void
test_attainment_drop (void)
{
  static const struct {
    const char *name;
    double previous;
    double current;
    double threshold;
    double change;
    gboolean dropped;
  } cases[] = {
    { "fell by more than the threshold", 90, 70, 10, -20, TRUE },
    { "fell by exactly the threshold", 90, 80, 10, -10, TRUE },
    { "fell just short of the threshold", 90, 80.01, 10, -9.99, FALSE },
    { "fell just past the threshold", 90, 79.99, 10, -10.01, TRUE },
    /* 33.33… − 23.33… comes out as 9.999999999999996 */
    { "on the threshold by float error", 1.0 / 3 * 100, 7.0 / 30 * 100, 10, -10, TRUE },
    { "unchanged", 80, 80, 10, 0, FALSE },
    { "rose", 70, 95, 10, 25, FALSE },
    { "rose past the threshold", 50, 100, 10, 50, FALSE },
    { "over 100 % down to 100 %", 130, 100, 10, -30, TRUE },
    { "small threshold", 80, 79, 1, -1, TRUE },
    { "wide threshold", 80, 60, 25, -20, FALSE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_case_double (ks_plan_attainment_change (cases[i].previous, cases[i].current),
                          cases[i].change, cases[i].name);
      assert_case (ks_plan_attainment_dropped (cases[i].previous, cases[i].current,
                                               cases[i].threshold) == cases[i].dropped,
                   cases[i].name, "dropped should be %d", cases[i].dropped);
    }

  /* From quarterly figures, as the portfolio computes it. */
  g_assert_true (ks_plan_attainment_dropped (ks_plan_attainment (1000, 900),
                                             ks_plan_attainment (1200, 960),
                                             KS_PLAN_DROP_THRESHOLD_DEFAULT));
  g_assert_false (ks_plan_attainment_dropped (ks_plan_attainment (1000, 900),
                                              ks_plan_attainment (1200, 961),
                                              KS_PLAN_DROP_THRESHOLD_DEFAULT));
}

static void
test_parse_date (void)
{
  static const struct {
    const char *text;
    gboolean ok;
    guint year;
    guint month;
    guint day;
  } cases[] = {
    { "2026-05-15", TRUE, 2026, 5, 15 },
    { "2024-02-29", TRUE, 2024, 2, 29 },
    { "2025-12-31", TRUE, 2025, 12, 31 },
    { "2025-02-29", FALSE, 0, 0, 0 },
    { "2026-13-01", FALSE, 0, 0, 0 },
    { "2026-00-10", FALSE, 0, 0, 0 },
    { "2026-04-31", FALSE, 0, 0, 0 },
    { "2026-5-15", FALSE, 0, 0, 0 },
    { "2026-05-15T00:00:00", FALSE, 0, 0, 0 },
    { " 2026-05-15", FALSE, 0, 0, 0 },
    { "20260515", FALSE, 0, 0, 0 },
    { "", FALSE, 0, 0, 0 },
    { NULL, FALSE, 0, 0, 0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *name = cases[i].text ? cases[i].text : "(null)";
      GDate date;
      gboolean ok;

      memset (&date, 0xff, sizeof date);
      ok = ks_plan_parse_date (cases[i].text, &date);
      assert_case (ok == cases[i].ok, name, "parsed: %d", ok);
      assert_case (g_date_valid (&date) == cases[i].ok, name, "date valid");
      if (!ok)
        continue;
      assert_case (g_date_get_year (&date) == cases[i].year
                   && g_date_get_month (&date) == cases[i].month
                   && g_date_get_day (&date) == cases[i].day,
                   name, "read as %u-%u-%u", g_date_get_year (&date),
                   g_date_get_month (&date), g_date_get_day (&date));
    }
}

static void
test_overdue (void)
{
  static const struct {
    const char *name;
    const char *due;     /* NULL: no due date */
    KsActionStatus status;
    gboolean overdue;
  } cases[] = {
    { "open, due yesterday", "2026-05-14", KS_ACTION_OPEN, TRUE },
    { "open, due today", "2026-05-15", KS_ACTION_OPEN, FALSE },
    { "open, due tomorrow", "2026-05-16", KS_ACTION_OPEN, FALSE },
    { "open, due last year", "2025-12-31", KS_ACTION_OPEN, TRUE },
    { "in progress, due yesterday", "2026-05-14", KS_ACTION_IN_PROGRESS, TRUE },
    { "in progress, due today", "2026-05-15", KS_ACTION_IN_PROGRESS, FALSE },
    { "done, due yesterday", "2026-05-14", KS_ACTION_DONE, FALSE },
    { "dropped, due yesterday", "2026-05-14", KS_ACTION_DROPPED, FALSE },
    { "done, due tomorrow", "2026-05-16", KS_ACTION_DONE, FALSE },
    { "open, no due date", NULL, KS_ACTION_OPEN, FALSE },
  };
  GDate today;
  guint i;

  date_init (&today, TODAY);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate due;

      g_date_clear (&due, 1);
      if (cases[i].due != NULL)
        date_init (&due, cases[i].due);

      assert_case (ks_plan_action_is_overdue (&due, cases[i].status, &today)
                   == cases[i].overdue, cases[i].name, "overdue should be %d",
                   cases[i].overdue);
    }

  g_assert_false (ks_plan_action_is_overdue (NULL, KS_ACTION_OPEN, &today));

  /* The same action on and around its due date. */
  {
    GDate due;
    GDate day;

    date_init (&due, "2026-03-31");
    date_init (&day, "2026-03-30");
    g_assert_false (ks_plan_action_is_overdue (&due, KS_ACTION_OPEN, &day));
    g_date_add_days (&day, 1);
    g_assert_false (ks_plan_action_is_overdue (&due, KS_ACTION_OPEN, &day));
    g_date_add_days (&day, 1);
    g_assert_true (ks_plan_action_is_overdue (&due, KS_ACTION_OPEN, &day));
  }
}

static void
test_statuses (void)
{
  static const struct {
    KsActionStatus status;
    const char *label;
    const char *key;
    gboolean closed;
  } cases[] = {
    { KS_ACTION_OPEN, "Open", "open", FALSE },
    { KS_ACTION_IN_PROGRESS, "In progress", "in_progress", FALSE },
    { KS_ACTION_DONE, "Done", "done", TRUE },
    { KS_ACTION_DROPPED, "Dropped", "dropped", TRUE },
  };
  guint i;

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, KS_N_ACTION_STATUSES);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (ks_action_status_get_label (cases[i].status), ==, cases[i].label);
      g_assert_cmpstr (ks_action_status_get_key (cases[i].status), ==, cases[i].key);
      assert_case (ks_action_status_is_closed (cases[i].status) == cases[i].closed,
                   cases[i].label, "closed");
    }
}

static void
test_percent_done (void)
{
#define O KS_ACTION_OPEN
#define P KS_ACTION_IN_PROGRESS
#define D KS_ACTION_DONE
#define X KS_ACTION_DROPPED
  static const struct {
    const char *name;
    KsActionStatus statuses[6];
    gsize n;
    gboolean has_value;
    double expected;
  } cases[] = {
    { "no actions", { 0 }, 0, FALSE, 0 },
    { "all dropped", { X, X }, 2, FALSE, 0 },
    { "none done", { O, P }, 2, TRUE, 0 },
    { "all done", { D, D, D }, 3, TRUE, 100 },
    { "half done", { D, O, D, P }, 4, TRUE, 50 },
    { "dropped not counted", { D, X, O, X }, 4, TRUE, 50 },
    { "one of three", { D, O, P }, 3, TRUE, 100.0 / 3 },
    { "done and dropped", { D, X }, 2, TRUE, 100 },
    { "in progress is not done", { P }, 1, TRUE, 0 },
  };
#undef O
#undef P
#undef D
#undef X
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double percent = -1;
      gboolean has_value = ks_plan_percent_done (cases[i].statuses, cases[i].n, &percent);

      assert_case (has_value == cases[i].has_value, cases[i].name, "has a value: %d",
                   has_value);
      assert_case_double (percent, cases[i].expected, cases[i].name);
    }

  {
    double percent = -1;

    g_assert_false (ks_plan_percent_done (NULL, 0, &percent));
    g_assert_cmpfloat (percent, ==, 0);
  }
}

static void
test_weights (void)
{
  static const struct {
    const char *name;
    int weights[KS_N_HEALTH_COMPONENTS];
    gboolean valid;
    const char *message;
  } cases[] = {
    { "default", { 30, 15, 15, 15, 15, 10 }, TRUE, NULL },
    { "all on one", { 0, 0, 0, 100, 0, 0 }, TRUE, NULL },
    { "even-ish", { 17, 17, 17, 17, 16, 16 }, TRUE, NULL },
    { "total 99", { 30, 15, 15, 15, 15, 9 }, FALSE,
      "The weights add up to 99 %; they must total 100 %." },
    { "total 101", { 31, 15, 15, 15, 15, 10 }, FALSE,
      "The weights add up to 101 %; they must total 100 %." },
    { "all zero", { 0, 0, 0, 0, 0, 0 }, FALSE,
      "The weights add up to 0 %; they must total 100 %." },
    { "negative", { 40, -10, 20, 20, 20, 10 }, FALSE,
      "The weight of “Overdue actions” must be between 0 and 100 %." },
    { "above 100", { 0, 0, 0, 0, 0, 101 }, FALSE,
      "The weight of “Executive coverage” must be between 0 and 100 %." },
  };
  KsHealthWeights defaults;
  guint i;

  memset (&defaults, 0xff, sizeof defaults);
  ks_health_weights_init_default (&defaults);
  g_assert_cmpmem (defaults.weights, sizeof defaults.weights, cases[0].weights,
                   sizeof cases[0].weights);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsHealthWeights weights;
      g_autoptr(GError) error = NULL;
      gboolean valid;

      memcpy (weights.weights, cases[i].weights, sizeof weights.weights);
      valid = ks_plan_health_weights_validate (&weights, &error);
      assert_case (valid == cases[i].valid, cases[i].name, "valid: %d", valid);
      if (cases[i].valid)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_risk_score (void)
{
  static const struct {
    const char *name;
    guint risks[KS_N_RISK_SEVERITIES];
    double expected;
  } cases[] = {
    { "none", { 0, 0, 0 }, 100 },
    { "one low", { 1, 0, 0 }, 90 },
    { "one medium", { 0, 1, 0 }, 75 },
    { "one high", { 0, 0, 1 }, 50 },
    { "one of each", { 1, 1, 1 }, 15 },
    { "two high", { 0, 0, 2 }, 0 },
    { "many, floored at 0", { 20, 5, 3 }, 0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_case_double (ks_plan_risk_score (cases[i].risks), cases[i].expected,
                        cases[i].name);

  g_assert_cmpstr (ks_risk_severity_get_label (KS_RISK_HIGH), ==, "High");
  g_assert_cmpstr (ks_risk_severity_get_key (KS_RISK_MEDIUM), ==, "medium");
}

static void
test_executive_coverage (void)
{
  static const struct {
    const char *name;
    const char *last_contact;   /* NULL: never */
    const char *today;
    KsExecutiveCoverage expected;
  } cases[] = {
    { "today", TODAY, TODAY, KS_EXECUTIVE_COVERED },
    { "last month", "2026-04-20", TODAY, KS_EXECUTIVE_COVERED },
    { "exactly three months ago", "2026-02-15", TODAY, KS_EXECUTIVE_COVERED },
    { "a day more than three months", "2026-02-14", TODAY, KS_EXECUTIVE_MISSING },
    { "last year", "2025-05-15", TODAY, KS_EXECUTIVE_MISSING },
    { "planned, not held", "2026-05-16", TODAY, KS_EXECUTIVE_MISSING },
    { "never", NULL, TODAY, KS_EXECUTIVE_MISSING },
    { "end of May, short February", "2026-02-28", "2026-05-31", KS_EXECUTIVE_COVERED },
    { "end of May, before February ends", "2026-02-27", "2026-05-31",
      KS_EXECUTIVE_MISSING },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate last;
      GDate today;
      KsExecutiveCoverage coverage;

      g_date_clear (&last, 1);
      if (cases[i].last_contact != NULL)
        date_init (&last, cases[i].last_contact);
      date_init (&today, cases[i].today);

      coverage = ks_plan_executive_coverage (&last, &today);
      assert_case (coverage == cases[i].expected, cases[i].name, "coverage %d, expected %d",
                   coverage, cases[i].expected);
    }
}

static void
assert_breakdown_adds_up (const KsHealthBreakdown *breakdown,
                          const char              *name)
{
  double weights = 0.0;
  double contributions = 0.0;
  guint i;

  for (i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    {
      const KsHealthPart *part = &breakdown->parts[i];

      assert_case (part->score >= 0 && part->score <= 100, name, "part %u score %g", i,
                   part->score);
      if (!part->present)
        {
          assert_case (part->weight == 0 && part->contribution == 0, name,
                       "absent part %u has weight %g", i, part->weight);
          continue;
        }
      assert_case_double (part->contribution, part->score * part->weight / 100, name);
      weights += part->weight;
      contributions += part->contribution;
    }

  assert_case_double (weights, 100, name);
  assert_case_double (contributions, breakdown->total, name);
  assert_case (breakdown->total >= 0 && breakdown->total <= 100, name, "total %g",
               breakdown->total);
}

static void
test_health (void)
{
  static const struct {
    const char *name;
    KsHealthInputs inputs;
    double total;
    /* Expected score and effective weight per component; weight 0 when absent. */
    double scores[KS_N_HEALTH_COMPONENTS];
    double weights[KS_N_HEALTH_COMPONENTS];
  } cases[] = {
    { "all present, all perfect",
      { .has_attainment = TRUE, .attainment_ytd = 100, .open_actions = 4,
        .has_satisfaction = TRUE, .satisfaction = 10, .complaints = 2,
        .complaints_answered_in_time = 2, .executive = KS_EXECUTIVE_COVERED },
      100, { 100, 100, 100, 100, 100, 100 }, { 30, 15, 15, 15, 15, 10 } },
    { "all present, mixed",
      /* 30×0.8 + 15×0.75 + 15×0.65 + 15×0.7 + 15×0.5 + 10×0 */
      { .has_attainment = TRUE, .attainment_ytd = 80, .open_actions = 4,
        .overdue_actions = 1, .open_risks = { 1, 1, 0 }, .has_satisfaction = TRUE,
        .satisfaction = 7, .complaints = 4, .complaints_answered_in_time = 2,
        .executive = KS_EXECUTIVE_MISSING },
      24 + 11.25 + 9.75 + 10.5 + 7.5 + 0,
      { 80, 75, 65, 70, 50, 0 }, { 30, 15, 15, 15, 15, 10 } },
    { "attainment over 100 % capped",
      { .has_attainment = TRUE, .attainment_ytd = 180, .has_satisfaction = TRUE,
        .satisfaction = 10, .complaints = 1, .complaints_answered_in_time = 1,
        .executive = KS_EXECUTIVE_COVERED },
      100, { 100, 100, 100, 100, 100, 100 }, { 30, 15, 15, 15, 15, 10 } },
    { "before the relationships issue: three parts",
      /* 30 + 15 + 15 = 60 present, scaled to 50 / 25 / 25 */
      { .has_attainment = TRUE, .attainment_ytd = 60, .open_actions = 2,
        .overdue_actions = 2, .open_risks = { 0, 0, 1 } },
      30 + 0 + 12.5, { 60, 0, 50, 0, 0, 0 }, { 50, 25, 25, 0, 0, 0 } },
    { "no targets yet",
      /* 15 + 15 + 15 + 10 = 55 present */
      { .open_actions = 0, .has_satisfaction = TRUE, .satisfaction = 8,
        .executive = KS_EXECUTIVE_COVERED },
      100 * 15 / 55.0 + 100 * 15 / 55.0 + 80 * 15 / 55.0 + 100 * 10 / 55.0,
      { 0, 100, 100, 80, 0, 100 },
      { 0, 1500 / 55.0, 1500 / 55.0, 1500 / 55.0, 0, 1000 / 55.0 } },
    { "no complaints: left out",
      /* 30 + 15 + 15 + 15 + 10 = 85 present */
      { .has_attainment = TRUE, .attainment_ytd = 50, .open_actions = 3,
        .overdue_actions = 1, .has_satisfaction = TRUE, .satisfaction = 5,
        .executive = KS_EXECUTIVE_MISSING },
      (50 * 30 + 200 / 3.0 * 15 + 100 * 15 + 50 * 15 + 0 * 10) / 85.0,
      { 50, 200 / 3.0, 100, 50, 0, 0 },
      { 3000 / 85.0, 1500 / 85.0, 1500 / 85.0, 1500 / 85.0, 0, 1000 / 85.0 } },
    { "out-of-range inputs clamped",
      { .has_attainment = TRUE, .attainment_ytd = -5, .open_actions = 2,
        .overdue_actions = 5, .open_risks = { 0, 0, 9 }, .has_satisfaction = TRUE,
        .satisfaction = 12, .complaints = 2, .complaints_answered_in_time = 7,
        .executive = KS_EXECUTIVE_MISSING },
      15 + 15, { 0, 0, 0, 100, 100, 0 }, { 30, 15, 15, 15, 15, 10 } },
  };
  KsHealthWeights weights;
  guint i;

  ks_health_weights_init_default (&weights);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsHealthBreakdown breakdown;
      guint c;

      memset (&breakdown, 0xff, sizeof breakdown);
      assert_case (ks_plan_health_compute (&cases[i].inputs, &weights, &breakdown),
                   cases[i].name, "no score");
      assert_case_double (breakdown.total, cases[i].total, cases[i].name);
      for (c = 0; c < KS_N_HEALTH_COMPONENTS; c++)
        {
          g_autofree char *name = g_strdup_printf ("%s: %s", cases[i].name,
                                                   ks_health_component_get_label (c));

          assert_case (breakdown.parts[c].present == (cases[i].weights[c] > 0), name,
                       "present: %d", breakdown.parts[c].present);
          assert_case_double (breakdown.parts[c].score, cases[i].scores[c], name);
          assert_case_double (breakdown.parts[c].weight, cases[i].weights[c], name);
        }
      assert_breakdown_adds_up (&breakdown, cases[i].name);
    }
}

static void
test_health_weights (void)
{
  KsHealthInputs inputs = {
    .has_attainment = TRUE, .attainment_ytd = 40, .open_actions = 1,
    .has_satisfaction = TRUE, .satisfaction = 6,
  };
  KsHealthWeights weights = { { 0, 0, 0, 100, 0, 0 } };
  KsHealthBreakdown breakdown;

  /* Only satisfaction counts. */
  g_assert_true (ks_plan_health_compute (&inputs, &weights, &breakdown));
  assert_case_double (breakdown.total, 60, "satisfaction only");
  assert_case_double (breakdown.parts[KS_HEALTH_SATISFACTION].weight, 100,
                      "satisfaction only");
  assert_case_double (breakdown.parts[KS_HEALTH_ATTAINMENT].weight, 0,
                      "satisfaction only");
  g_assert_true (breakdown.parts[KS_HEALTH_ATTAINMENT].present);
  assert_breakdown_adds_up (&breakdown, "satisfaction only");

  /* The only weighted part is absent: there is no score to show. */
  inputs.has_satisfaction = FALSE;
  g_assert_false (ks_plan_health_compute (&inputs, &weights, &breakdown));
  g_assert_cmpfloat (breakdown.total, ==, 0);
  g_assert_false (breakdown.parts[KS_HEALTH_SATISFACTION].present);
  g_assert_cmpfloat (breakdown.parts[KS_HEALTH_ATTAINMENT].score, ==, 40);

  /* Awkward weights: the contributions still add up to the total. */
  {
    KsHealthWeights odd = { { 7, 13, 29, 31, 11, 9 } };
    KsHealthInputs some = {
      .has_attainment = TRUE, .attainment_ytd = 33.3, .open_actions = 7,
      .overdue_actions = 3, .open_risks = { 1, 0, 0 }, .complaints = 3,
      .complaints_answered_in_time = 1,
    };

    g_assert_true (ks_plan_health_weights_validate (&odd, NULL));
    g_assert_true (ks_plan_health_compute (&some, &odd, &breakdown));
    assert_breakdown_adds_up (&breakdown, "odd weights");
  }
}

static void
test_labels (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint i;

  for (i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    {
      const char *label = ks_health_component_get_label (i);

      g_assert_nonnull (label);
      g_assert_true (g_hash_table_add (seen, (gpointer) label));
    }
  g_assert_cmpstr (ks_health_component_get_label (KS_HEALTH_COMPLAINTS), ==,
                   "Complaint response");

  g_assert_cmpstr (ks_alert_get_label (KS_ALERT_OVERDUE_ACTION), ==, "Overdue action");
  g_assert_cmpstr (ks_alert_get_label (KS_ALERT_HIGH_RISK), ==, "High risk");
  g_assert_cmpstr (ks_alert_get_label (KS_ALERT_ATTAINMENT_DROP), ==, "Attainment drop");
  g_assert_null (ks_alert_get_label (KS_ALERT_NONE));
  g_assert_null (ks_alert_get_label (KS_ALERT_HIGH_RISK | KS_ALERT_OVERDUE_ACTION));
}

static void
test_alerts (void)
{
  static const struct {
    const char *name;
    KsHealthInputs inputs;
    KsAlertFlags expected;
  } cases[] = {
    { "nothing", { .open_actions = 3 }, KS_ALERT_NONE },
    { "overdue action", { .open_actions = 3, .overdue_actions = 1 },
      KS_ALERT_OVERDUE_ACTION },
    { "low and medium risks only", { .open_risks = { 4, 2, 0 } }, KS_ALERT_NONE },
    { "high risk", { .open_risks = { 0, 0, 1 } }, KS_ALERT_HIGH_RISK },
    { "drop of the threshold", { .has_quarter_change = TRUE, .previous_attainment = 95,
                                 .current_attainment = 85 }, KS_ALERT_ATTAINMENT_DROP },
    { "drop short of the threshold", { .has_quarter_change = TRUE,
                                       .previous_attainment = 95,
                                       .current_attainment = 85.5 }, KS_ALERT_NONE },
    { "no previous quarter", { .previous_attainment = 95, .current_attainment = 20 },
      KS_ALERT_NONE },
    { "rise", { .has_quarter_change = TRUE, .previous_attainment = 50,
                .current_attainment = 90 }, KS_ALERT_NONE },
    { "all three", { .open_actions = 1, .overdue_actions = 1, .open_risks = { 0, 1, 2 },
                     .has_quarter_change = TRUE, .previous_attainment = 120,
                     .current_attainment = 60 },
      KS_ALERT_OVERDUE_ACTION | KS_ALERT_HIGH_RISK | KS_ALERT_ATTAINMENT_DROP },
    { "overdue complaint", { .overdue_complaints = 1 }, KS_ALERT_OVERDUE_COMPLAINT },
    /* Executive coverage matters for Core and Key accounts only. */
    { "key account, no contacts", { .key_account = TRUE }, KS_ALERT_NO_EXECUTIVE },
    { "key account, executive lapsed", { .key_account = TRUE,
                                         .executive = KS_EXECUTIVE_MISSING },
      KS_ALERT_NO_EXECUTIVE },
    { "key account, covered", { .key_account = TRUE, .executive = KS_EXECUTIVE_COVERED },
      KS_ALERT_NONE },
    { "other account, no executive", { .executive = KS_EXECUTIVE_MISSING }, KS_ALERT_NONE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsAlertFlags flags = ks_plan_alerts (&cases[i].inputs, KS_PLAN_DROP_THRESHOLD_DEFAULT);

      assert_case (flags == cases[i].expected, cases[i].name, "flags 0x%x, expected 0x%x",
                   flags, cases[i].expected);
    }

  /* The threshold is the caller's. */
  g_assert_cmpint (ks_plan_alerts (&cases[5].inputs, 9.5), ==, KS_ALERT_ATTAINMENT_DROP);
  g_assert_cmpint (ks_plan_alerts (&cases[4].inputs, 10.5), ==, KS_ALERT_NONE);
}

/* An account plan as the portfolio sees it: from dated actions and quarterly figures
 * to the health score and the badges, with "today" injected. */
static void
test_account_example (void)
{
  static const struct {
    const char *due;
    KsActionStatus status;
  } actions[] = {
    { "2026-04-30", KS_ACTION_DONE },
    { "2026-05-10", KS_ACTION_OPEN },          /* overdue */
    { "2026-05-15", KS_ACTION_IN_PROGRESS },   /* due today */
    { "2026-06-30", KS_ACTION_OPEN },
    { "2026-03-01", KS_ACTION_DROPPED },
  };
  const gint64 targets[KS_PLAN_N_QUARTERS] = { 1000000, 1200000, 1200000, 1500000 };
  const gint64 actuals[KS_PLAN_N_QUARTERS] = { 1100000, 900000, 0, 0 };
  KsActionStatus statuses[G_N_ELEMENTS (actions)];
  KsHealthInputs inputs = { 0 };
  KsHealthWeights weights;
  KsHealthBreakdown breakdown;
  GDate today;
  double percent;
  guint i;

  date_init (&today, TODAY);

  for (i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GDate due;

      date_init (&due, actions[i].due);
      statuses[i] = actions[i].status;
      if (!ks_action_status_is_closed (actions[i].status))
        inputs.open_actions++;
      if (ks_plan_action_is_overdue (&due, actions[i].status, &today))
        inputs.overdue_actions++;
    }
  g_assert_cmpuint (inputs.open_actions, ==, 3);
  g_assert_cmpuint (inputs.overdue_actions, ==, 1);

  g_assert_true (ks_plan_percent_done (statuses, G_N_ELEMENTS (statuses), &percent));
  assert_case_double (percent, 25, "example % done");

  inputs.has_attainment = TRUE;
  inputs.attainment_ytd = ks_plan_attainment_ytd (targets, actuals, 2);
  assert_case_double (inputs.attainment_ytd, 2000000 * 100.0 / 2200000, "example YTD");
  inputs.has_quarter_change = TRUE;
  inputs.previous_attainment = ks_plan_attainment (targets[0], actuals[0]);
  inputs.current_attainment = ks_plan_attainment (targets[1], actuals[1]);
  assert_case_double (ks_plan_attainment_change (inputs.previous_attainment,
                                                 inputs.current_attainment),
                      75 - 110, "example change");

  ks_health_weights_init_default (&weights);
  g_assert_true (ks_plan_health_compute (&inputs, &weights, &breakdown));
  assert_breakdown_adds_up (&breakdown, "example");
  /* attainment 50 %, actions 25 %, risks 25 % of the weight */
  assert_case_double (breakdown.total,
                      (inputs.attainment_ytd * 30 + 200 / 3.0 * 15 + 100 * 15) / 60.0,
                      "example total");

  g_assert_cmpint (ks_plan_alerts (&inputs, KS_PLAN_DROP_THRESHOLD_DEFAULT), ==,
                   KS_ALERT_OVERDUE_ACTION | KS_ALERT_ATTAINMENT_DROP);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/plan/metrics", test_metrics);
  g_test_add_func ("/keystone/plan/attainment", test_attainment);
  g_test_add_func ("/keystone/plan/attainment-ytd", test_attainment_ytd);
  g_test_add_func ("/keystone/plan/attainment-drop", test_attainment_drop);
  g_test_add_func ("/keystone/plan/parse-date", test_parse_date);
  g_test_add_func ("/keystone/plan/overdue", test_overdue);
  g_test_add_func ("/keystone/plan/statuses", test_statuses);
  g_test_add_func ("/keystone/plan/percent-done", test_percent_done);
  g_test_add_func ("/keystone/plan/weights", test_weights);
  g_test_add_func ("/keystone/plan/risk-score", test_risk_score);
  g_test_add_func ("/keystone/plan/executive-coverage", test_executive_coverage);
  g_test_add_func ("/keystone/plan/health", test_health);
  g_test_add_func ("/keystone/plan/health-weights", test_health_weights);
  g_test_add_func ("/keystone/plan/labels", test_labels);
  g_test_add_func ("/keystone/plan/alerts", test_alerts);
  g_test_add_func ("/keystone/plan/account-example", test_account_example);

  return g_test_run ();
}
