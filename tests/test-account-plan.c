/* test-account-plan.c — one account's plan as data: labels and keys, checks, copies,
 * targets, and the health inputs and alerts read from a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-account-plan.h"
#include "ks-error.h"

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

/* Bits of KsTargetYear.has_target / has_actual. */
#define ANNUAL (1 << 0)
#define Q(n)   (1 << (n))

static void
date_init (GDate      *date,
           const char *iso)
{
  gboolean ok = ks_plan_parse_date (iso, date);

  assert_case (ok, iso, "not a date");
}

/* Table texts: "@text" is KS_PLAN_TEXT_MAX characters, "@text+1" one more, "@name" and
 * "@name+1" the same for KS_PLAN_NAME_MAX, "@bad-utf8" invalid UTF-8; anything else is
 * itself. The characters are two bytes each, so a byte count would refuse "@text". */
static char *
expand (const char *spec)
{
  GString *text;
  gsize n;
  gsize i;

  if (spec == NULL)
    return NULL;
  if (strcmp (spec, "@bad-utf8") == 0)
    return g_strdup ("Visit \xff\xfe buyer");
  if (spec[0] != '@')
    return g_strdup (spec);

  if (g_str_has_prefix (spec, "@text"))
    n = KS_PLAN_TEXT_MAX;
  else if (g_str_has_prefix (spec, "@name"))
    n = KS_PLAN_NAME_MAX;
  else
    g_assert_not_reached ();
  if (g_str_has_suffix (spec, "+1"))
    n++;

  text = g_string_new (NULL);
  for (i = 0; i < n; i++)
    g_string_append (text, "é");

  return g_string_free (text, FALSE);
}

/* @error is NULL when @ok, else KS_ERROR_INVALID whose message contains @message. */
static void
assert_validation (gboolean    ok,
                   GError     *error,
                   gboolean    expected_ok,
                   const char *message,
                   const char *case_name)
{
  if (expected_ok)
    {
      assert_case (ok && error == NULL, case_name, "refused: %s",
                   error != NULL ? error->message : "(no error)");
      return;
    }

  assert_case (!ok, case_name, "accepted");
  assert_case (g_error_matches (error, KS_ERROR, KS_ERROR_INVALID), case_name,
               "wrong error: %s", error != NULL ? error->message : "(none)");
  if (message != NULL)
    assert_case (strstr (error->message, message) != NULL, case_name,
                 "message “%s” lacks “%s”", error->message, message);
}

/* ---- Labels and keys ----------------------------------------------------------- */

/* The enums with labels and keys, so that one table covers them all. */
typedef enum
{
  FAMILY_METRIC,
  FAMILY_STATUS,
  FAMILY_SEVERITY,
  FAMILY_WHITESPACE,
  FAMILY_OPPORTUNITY,
  FAMILY_SWOT,
  FAMILY_RISK_CATEGORY,
  N_FAMILIES
} Family;

static const char * const family_names[N_FAMILIES] = {
  "metric", "status", "severity", "whitespace", "opportunity", "swot", "risk category"
};

static int
family_size (Family family)
{
  switch (family)
    {
    case FAMILY_METRIC: return KS_N_TARGET_METRICS;
    case FAMILY_STATUS: return KS_N_ACTION_STATUSES;
    case FAMILY_SEVERITY: return KS_N_RISK_SEVERITIES;
    case FAMILY_WHITESPACE: return KS_N_WHITESPACE_STATES;
    case FAMILY_OPPORTUNITY: return KS_N_OPPORTUNITY_KINDS;
    case FAMILY_SWOT: return KS_N_SWOT_KINDS;
    case FAMILY_RISK_CATEGORY: return KS_N_RISK_CATEGORIES;
    case N_FAMILIES:
    default: g_assert_not_reached ();
    }
}

static const char *
family_get_label (Family family,
                  int    value)
{
  switch (family)
    {
    case FAMILY_METRIC: return ks_target_metric_get_label (value);
    case FAMILY_STATUS: return ks_action_status_get_label (value);
    case FAMILY_SEVERITY: return ks_risk_severity_get_label (value);
    case FAMILY_WHITESPACE: return ks_whitespace_state_get_label (value);
    case FAMILY_OPPORTUNITY: return ks_opportunity_kind_get_label (value);
    case FAMILY_SWOT: return ks_swot_kind_get_label (value);
    case FAMILY_RISK_CATEGORY: return ks_risk_category_get_label (value);
    case N_FAMILIES:
    default: g_assert_not_reached ();
    }
}

static const char *
family_get_key (Family family,
                int    value)
{
  switch (family)
    {
    case FAMILY_METRIC: return ks_target_metric_get_key (value);
    case FAMILY_STATUS: return ks_action_status_get_key (value);
    case FAMILY_SEVERITY: return ks_risk_severity_get_key (value);
    case FAMILY_WHITESPACE: return ks_whitespace_state_get_key (value);
    case FAMILY_OPPORTUNITY: return ks_opportunity_kind_get_key (value);
    case FAMILY_SWOT: return ks_swot_kind_get_key (value);
    case FAMILY_RISK_CATEGORY: return ks_risk_category_get_key (value);
    case N_FAMILIES:
    default: g_assert_not_reached ();
    }
}

static int
family_from_key (Family      family,
                 const char *key)
{
  switch (family)
    {
    case FAMILY_METRIC: return ks_target_metric_from_key (key);
    case FAMILY_STATUS: return ks_action_status_from_key (key);
    case FAMILY_SEVERITY: return ks_risk_severity_from_key (key);
    case FAMILY_WHITESPACE: return ks_whitespace_state_from_key (key);
    case FAMILY_OPPORTUNITY: return ks_opportunity_kind_from_key (key);
    case FAMILY_SWOT: return ks_swot_kind_from_key (key);
    case FAMILY_RISK_CATEGORY: return ks_risk_category_from_key (key);
    case N_FAMILIES:
    default: g_assert_not_reached ();
    }
}

static void
test_labels (void)
{
  static const struct {
    Family family;
    int value;
    const char *label;
    const char *key;
  } cases[] = {
    { FAMILY_WHITESPACE, KS_WHITESPACE_UNKNOWN, "Not assessed", "unknown" },
    { FAMILY_WHITESPACE, KS_WHITESPACE_CURRENT, "Current", "current" },
    { FAMILY_WHITESPACE, KS_WHITESPACE_OPPORTUNITY, "Opportunity", "opportunity" },
    { FAMILY_WHITESPACE, KS_WHITESPACE_NOT_RELEVANT, "Not relevant", "not_relevant" },
    { FAMILY_OPPORTUNITY, KS_OPPORTUNITY_CROSS_SELL, "Cross-sell", "cross_sell" },
    { FAMILY_OPPORTUNITY, KS_OPPORTUNITY_UP_SELL, "Up-sell", "up_sell" },
    { FAMILY_SWOT, KS_SWOT_STRENGTH, "Strengths", "strength" },
    { FAMILY_SWOT, KS_SWOT_WEAKNESS, "Weaknesses", "weakness" },
    { FAMILY_SWOT, KS_SWOT_OPPORTUNITY, "Opportunities", "opportunity" },
    { FAMILY_SWOT, KS_SWOT_THREAT, "Threats", "threat" },
    { FAMILY_RISK_CATEGORY, KS_RISK_FINANCIAL_HEALTH, "Financial health",
      "financial_health" },
    { FAMILY_RISK_CATEGORY, KS_RISK_POLICY_CHANGE, "Policy change", "policy_change" },
    { FAMILY_RISK_CATEGORY, KS_RISK_CONCENTRATION, "Concentration", "concentration" },
    { FAMILY_RISK_CATEGORY, KS_RISK_PAYMENT_BEHAVIOUR, "Payment behaviour",
      "payment_behaviour" },
    { FAMILY_RISK_CATEGORY, KS_RISK_OTHER, "Other", "other" },
  };
  guint i;

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==,
                    KS_N_WHITESPACE_STATES + KS_N_OPPORTUNITY_KINDS + KS_N_SWOT_KINDS
                    + KS_N_RISK_CATEGORIES);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (family_get_label (cases[i].family, cases[i].value), ==,
                       cases[i].label);
      g_assert_cmpstr (family_get_key (cases[i].family, cases[i].value), ==,
                       cases[i].key);
    }
}

static void
test_from_key (void)
{
  /* Not keys: a label, another case, spaces, a hyphen for the underscore, a plural,
   * nothing. */
  static const char * const unknown[] = { "Revenue", "OPEN", " high", "high ", "",
                                          "cross-sell", "strengths", "bogus" };
  Family family;
  int value;
  guint j;

  for (family = 0; family < N_FAMILIES; family++)
    {
      const char *name = family_names[family];

      for (value = 0; value < family_size (family); value++)
        {
          const char *key = family_get_key (family, value);

          assert_case (key != NULL && family_from_key (family, key) == value, name,
                       "key %d (“%s”) does not come back", value, key);
        }

      for (j = 0; j < G_N_ELEMENTS (unknown); j++)
        assert_case (family_from_key (family, unknown[j]) == -1, name,
                     "“%s” is a key", unknown[j]);
      assert_case (family_from_key (family, NULL) == -1, name, "NULL is a key");
    }

  /* The stable spellings the database stores. */
  g_assert_cmpint (ks_target_metric_from_key ("product_penetration"), ==,
                   KS_TARGET_METRIC_PENETRATION);
  g_assert_cmpint (ks_action_status_from_key ("in_progress"), ==, KS_ACTION_IN_PROGRESS);
  g_assert_cmpint (ks_risk_severity_from_key ("high"), ==, KS_RISK_HIGH);
  g_assert_cmpint (ks_whitespace_state_from_key ("not_relevant"), ==,
                   KS_WHITESPACE_NOT_RELEVANT);
  g_assert_cmpint (ks_opportunity_kind_from_key ("up_sell"), ==, KS_OPPORTUNITY_UP_SELL);
  g_assert_cmpint (ks_swot_kind_from_key ("threat"), ==, KS_SWOT_THREAT);
  g_assert_cmpint (ks_risk_category_from_key ("payment_behaviour"), ==,
                   KS_RISK_PAYMENT_BEHAVIOUR);
}

/* ---- Validation ---------------------------------------------------------------- */

static void
test_action_validate (void)
{
  static const struct {
    const char *name;
    const char *title;
    const char *owner;
    const char *due;
    int status;
    int metric;
    const char *notes;
    gboolean ok;
    const char *message;
  } cases[] = {
    { "minimal", "Call the buyer", NULL, NULL, KS_ACTION_OPEN, -1, NULL, TRUE, NULL },
    { "full", "Quarterly review", "Anna Berg", "2026-06-30", KS_ACTION_IN_PROGRESS,
      KS_TARGET_METRIC_REVENUE, "Bring the price list", TRUE, NULL },
    { "empty due", "Call", "", "", KS_ACTION_DONE, KS_TARGET_METRIC_NEW_BUSINESS, "",
      TRUE, NULL },
    { "leap day", "Call", NULL, "2028-02-29", KS_ACTION_OPEN, -1, NULL, TRUE, NULL },
    { "longest title", "@text", "@name", NULL, KS_ACTION_OPEN, -1, "@text", TRUE, NULL },
    { "no title", NULL, NULL, NULL, KS_ACTION_OPEN, -1, NULL, FALSE,
      "The action needs a title." },
    { "empty title", "", NULL, NULL, KS_ACTION_OPEN, -1, NULL, FALSE,
      "The action needs a title." },
    { "blank title", "  \t ", NULL, NULL, KS_ACTION_OPEN, -1, NULL, FALSE,
      "The action needs a title." },
    { "title too long", "@text+1", NULL, NULL, KS_ACTION_OPEN, -1, NULL, FALSE,
      "at most 2000 characters" },
    { "owner too long", "Call", "@name+1", NULL, KS_ACTION_OPEN, -1, NULL, FALSE,
      "at most 200 characters" },
    { "notes too long", "Call", NULL, NULL, KS_ACTION_OPEN, -1, "@text+1", FALSE,
      "at most 2000 characters" },
    { "title not UTF-8", "@bad-utf8", NULL, NULL, KS_ACTION_OPEN, -1, NULL, FALSE,
      "cannot be read" },
    { "30 February", "Call", NULL, "2026-02-30", KS_ACTION_OPEN, -1, NULL, FALSE,
      "The due date “2026-02-30” is not a date: write it as YYYY-MM-DD." },
    { "29 February 2026", "Call", NULL, "2026-02-29", KS_ACTION_OPEN, -1, NULL, FALSE,
      "“2026-02-29”" },
    { "day first", "Call", NULL, "15.05.2026", KS_ACTION_OPEN, -1, NULL, FALSE,
      "“15.05.2026”" },
    { "long due", "Call", NULL, "@name", KS_ACTION_OPEN, -1, NULL, FALSE,
      "The due date is not a date" },
    { "status", "Call", NULL, NULL, KS_N_ACTION_STATUSES, -1, NULL, FALSE, "status" },
    { "negative status", "Call", NULL, NULL, -1, -1, NULL, FALSE, "status" },
    { "metric", "Call", NULL, NULL, KS_ACTION_OPEN, KS_N_TARGET_METRICS, NULL, FALSE,
      "target" },
    { "metric -2", "Call", NULL, NULL, KS_ACTION_OPEN, -2, NULL, FALSE, "target" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsAction) action = ks_action_new ();
      g_autoptr (GError) error = NULL;
      gboolean ok;

      action->title = expand (cases[i].title);
      action->owner = expand (cases[i].owner);
      action->due = expand (cases[i].due);
      action->status = (KsActionStatus) cases[i].status;
      action->metric = cases[i].metric;
      action->notes = expand (cases[i].notes);

      ok = ks_action_validate (action, &error);
      assert_validation (ok, error, cases[i].ok, cases[i].message, cases[i].name);
    }
}

static void
test_whitespace_validate (void)
{
  static const struct {
    const char *name;
    int state;
    int kind;
    gint64 value;
    const char *quarter;
    const char *note;
    gboolean ok;
    const char *message;
  } cases[] = {
    { "empty cell", KS_WHITESPACE_UNKNOWN, 0, 0, NULL, NULL, TRUE, NULL },
    { "opportunity", KS_WHITESPACE_OPPORTUNITY, KS_OPPORTUNITY_UP_SELL, 5000000, "2026-Q3",
      "@text", TRUE, NULL },
    { "empty quarter", KS_WHITESPACE_CURRENT, 0, 0, "", "", TRUE, NULL },
    { "lower-case q", KS_WHITESPACE_OPPORTUNITY, 0, 1, "2027-q1", NULL, TRUE, NULL },
    { "negative value", KS_WHITESPACE_OPPORTUNITY, 0, -1, NULL, NULL, FALSE, "negative" },
    { "quarter 5", KS_WHITESPACE_OPPORTUNITY, 0, 1, "2026-Q5", NULL, FALSE, "“2026-Q5”" },
    { "quarter 0", KS_WHITESPACE_OPPORTUNITY, 0, 1, "2026-Q0", NULL, FALSE, "2026-Q3" },
    { "a date", KS_WHITESPACE_OPPORTUNITY, 0, 1, "2026-07-01", NULL, FALSE, "2026-Q3" },
    { "year 1999", KS_WHITESPACE_OPPORTUNITY, 0, 1, "1999-Q4", NULL, FALSE, "from 2000" },
    { "long quarter", KS_WHITESPACE_OPPORTUNITY, 0, 1, "@name", NULL, FALSE,
      "The expected quarter is not a quarter" },
    { "note too long", KS_WHITESPACE_CURRENT, 0, 0, NULL, "@text+1", FALSE,
      "at most 2000 characters" },
    { "state", KS_N_WHITESPACE_STATES, 0, 0, NULL, NULL, FALSE, NULL },
    { "kind", KS_WHITESPACE_OPPORTUNITY, KS_N_OPPORTUNITY_KINDS, 0, NULL, NULL, FALSE,
      NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsWhitespace) cell = ks_whitespace_new ();
      g_autoptr (GError) error = NULL;
      gboolean ok;

      cell->product_id = 7;
      cell->state = (KsWhitespaceState) cases[i].state;
      cell->kind = (KsOpportunityKind) cases[i].kind;
      cell->value = cases[i].value;
      cell->quarter = expand (cases[i].quarter);
      cell->note = expand (cases[i].note);

      ok = ks_whitespace_validate (cell, &error);
      assert_validation (ok, error, cases[i].ok, cases[i].message, cases[i].name);
    }
}

static void
test_swot_validate (void)
{
  static const struct {
    const char *name;
    int kind;
    int position;
    const char *text;
    gboolean ok;
    const char *message;
  } cases[] = {
    { "strength", KS_SWOT_STRENGTH, 0, "Long relationship with the CFO", TRUE, NULL },
    { "longest", KS_SWOT_THREAT, 3, "@text", TRUE, NULL },
    { "no text", KS_SWOT_WEAKNESS, 0, NULL, FALSE, "empty" },
    { "blank", KS_SWOT_WEAKNESS, 0, " \n", FALSE, "empty" },
    { "too long", KS_SWOT_OPPORTUNITY, 0, "@text+1", FALSE,
      "The text in “Opportunities” is too long: at most 2000 characters." },
    { "not UTF-8", KS_SWOT_STRENGTH, 0, "@bad-utf8", FALSE, "cannot be read" },
    { "kind", KS_N_SWOT_KINDS, 0, "Text", FALSE, NULL },
    { "position", KS_SWOT_STRENGTH, -1, "Text", FALSE, NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsSwotItem item = { 0 };
      g_autofree char *text = expand (cases[i].text);
      g_autoptr (GError) error = NULL;
      gboolean ok;

      item.kind = (KsSwotKind) cases[i].kind;
      item.position = cases[i].position;
      item.text = text;

      ok = ks_swot_item_validate (&item, &error);
      assert_validation (ok, error, cases[i].ok, cases[i].message, cases[i].name);
    }
}

static void
test_risk_validate (void)
{
  static const struct {
    const char *name;
    int category;
    int severity;
    const char *raised;
    const char *description;
    const char *contingency;
    gboolean ok;
    const char *message;
  } cases[] = {
    { "minimal", KS_RISK_OTHER, KS_RISK_LOW, "2026-05-15", "Buyer leaving", NULL, TRUE,
      NULL },
    { "full", KS_RISK_PAYMENT_BEHAVIOUR, KS_RISK_HIGH, "2026-01-31", "@text", "@text",
      TRUE, NULL },
    { "no description", KS_RISK_OTHER, KS_RISK_LOW, "2026-05-15", NULL, NULL, FALSE,
      "The risk needs a description." },
    { "blank description", KS_RISK_OTHER, KS_RISK_LOW, "2026-05-15", " ", NULL, FALSE,
      "The risk needs a description." },
    { "no date", KS_RISK_OTHER, KS_RISK_LOW, NULL, "Buyer leaving", NULL, FALSE,
      "date it was raised" },
    { "empty date", KS_RISK_OTHER, KS_RISK_LOW, "", "Buyer leaving", NULL, FALSE,
      "date it was raised" },
    { "month 13", KS_RISK_OTHER, KS_RISK_LOW, "2026-13-01", "Buyer leaving", NULL, FALSE,
      "“2026-13-01” is not a date" },
    { "30 February", KS_RISK_OTHER, KS_RISK_LOW, "2026-02-30", "Buyer leaving", NULL,
      FALSE, "“2026-02-30” is not a date" },
    { "description too long", KS_RISK_OTHER, KS_RISK_LOW, "2026-05-15", "@text+1", NULL,
      FALSE, "at most 2000 characters" },
    { "contingency too long", KS_RISK_OTHER, KS_RISK_LOW, "2026-05-15", "Buyer leaving",
      "@text+1", FALSE, "at most 2000 characters" },
    { "category", KS_N_RISK_CATEGORIES, KS_RISK_LOW, "2026-05-15", "Buyer leaving", NULL,
      FALSE, NULL },
    { "severity", KS_RISK_OTHER, KS_N_RISK_SEVERITIES, "2026-05-15", "Buyer leaving", NULL,
      FALSE, NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsRisk) risk = ks_risk_new ();
      g_autoptr (GError) error = NULL;
      gboolean ok;

      risk->category = (KsRiskCategory) cases[i].category;
      risk->severity = (KsRiskSeverity) cases[i].severity;
      risk->raised = expand (cases[i].raised);
      risk->description = expand (cases[i].description);
      risk->contingency = expand (cases[i].contingency);

      ok = ks_risk_validate (risk, &error);
      assert_validation (ok, error, cases[i].ok, cases[i].message, cases[i].name);
    }
}

/* ---- Targets ------------------------------------------------------------------- */

static void
test_target_entries (void)
{
  KsTargetYear year = {
    .year = 2026, .metric = KS_TARGET_METRIC_REVENUE,
    .has_target = ANNUAL | Q (2), .has_actual = Q (2),
    .target = { 400, 111, 0, 333, 444 }, .actual = { 999, 1, 0, 3, 4 },
  };
  gint64 value = -1;

  g_assert_true (ks_target_year_get_target (&year, 0, &value));
  g_assert_cmpint (value, ==, 400);
  /* A target of 0 is set, not missing. */
  g_assert_true (ks_target_year_get_target (&year, 2, &value));
  g_assert_cmpint (value, ==, 0);
  value = -1;
  g_assert_false (ks_target_year_get_target (&year, 1, &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_false (ks_target_year_get_target (&year, 4, NULL));

  g_assert_true (ks_target_year_get_actual (&year, 2, &value));
  g_assert_cmpint (value, ==, 0);
  value = -1;
  g_assert_false (ks_target_year_get_actual (&year, 3, &value));
  g_assert_cmpint (value, ==, 0);
}

static void
test_annual_target (void)
{
  static const struct {
    const char *name;
    KsTargetMetric metric;
    guint8 has_target;
    gint64 target[KS_PLAN_N_QUARTERS + 1];
    gboolean ok;
    gint64 annual;
  } cases[] = {
    { "explicit", KS_TARGET_METRIC_REVENUE, ANNUAL | Q (1) | Q (2),
      { 1000, 100, 200, 0, 0 }, TRUE, 1000 },
    { "explicit 0", KS_TARGET_METRIC_REVENUE, ANNUAL | Q (1), { 0, 100, 0, 0, 0 },
      TRUE, 0 },
    { "explicit percentage", KS_TARGET_METRIC_GROSS_MARGIN, ANNUAL | Q (4),
      { 2500, 0, 0, 0, 9000 }, TRUE, 2500 },
    { "money sum", KS_TARGET_METRIC_REVENUE, Q (1) | Q (2) | Q (3) | Q (4),
      { 999, 100, 200, 300, 400 }, TRUE, 1000 },
    { "money sum with a gap", KS_TARGET_METRIC_NEW_BUSINESS, Q (1) | Q (3),
      { 0, 150, 7777, 250, 7777 }, TRUE, 400 },
    { "percentage mean", KS_TARGET_METRIC_GROSS_MARGIN, Q (1) | Q (2) | Q (3) | Q (4),
      { 0, 1000, 2000, 3000, 4000 }, TRUE, 2500 },
    /* (1250 + 1301) / 2 = 1275.5 */
    { "percentage mean rounded up", KS_TARGET_METRIC_SHARE_OF_WALLET, Q (2) | Q (4),
      { 0, 0, 1250, 0, 1301 }, TRUE, 1276 },
    /* (1000 + 1000 + 1001) / 3 = 1000.33 */
    { "percentage mean rounded down", KS_TARGET_METRIC_PENETRATION, Q (1) | Q (2) | Q (3),
      { 0, 1000, 1000, 1001, 0 }, TRUE, 1000 },
    { "percentage with a 0 quarter", KS_TARGET_METRIC_GROSS_MARGIN, Q (1) | Q (2),
      { 0, 0, 3000, 0, 0 }, TRUE, 1500 },
    { "none", KS_TARGET_METRIC_REVENUE, 0, { 5, 5, 5, 5, 5 }, FALSE, 0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsTargetYear year = { .year = 2026, .metric = cases[i].metric,
                            .has_target = cases[i].has_target };
      gint64 annual = -1;
      gboolean ok;

      memcpy (year.target, cases[i].target, sizeof year.target);
      ok = ks_target_year_annual_target (&year, &annual);
      assert_case (ok == cases[i].ok, cases[i].name, "returned %d", ok);
      assert_case (annual == cases[i].annual, cases[i].name,
                   "annual %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                   annual, cases[i].annual);
    }
}

static void
test_attainments (void)
{
  static const struct {
    const char *name;
    guint8 has_target;
    guint8 has_actual;
    gint64 target[KS_PLAN_N_QUARTERS + 1];
    gint64 actual[KS_PLAN_N_QUARTERS + 1];
    double expected[KS_PLAN_N_QUARTERS];   /* -1: NAN */
    guint last;
  } cases[] = {
    { "all four", Q (1) | Q (2) | Q (3) | Q (4), Q (1) | Q (2) | Q (3) | Q (4),
      { 0, 100, 200, 400, 50 }, { 0, 50, 200, 600, 0 }, { 50, 100, 150, 0 }, 4 },
    { "gaps", Q (1) | Q (2) | Q (3), Q (1) | Q (3) | Q (4),
      { 0, 100, 100, 80, 0 }, { 0, 90, 0, 100, 70 }, { 90, -1, 125, -1 }, 3 },
    { "target 0", Q (1), Q (1), { 0, 0, 0, 0, 0 }, { 0, 10, 0, 0, 0 },
      { 0, -1, -1, -1 }, 1 },
    { "annual only", ANNUAL, Q (1), { 400, 0, 0, 0, 0 }, { 0, 100, 0, 0, 0 },
      { -1, -1, -1, -1 }, 0 },
    { "none", 0, 0, { 0 }, { 0 }, { -1, -1, -1, -1 }, 0 },
  };
  guint i, q;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsTargetYear year = { .year = 2026, .metric = KS_TARGET_METRIC_REVENUE,
                            .has_target = cases[i].has_target,
                            .has_actual = cases[i].has_actual };
      double attainment[KS_PLAN_N_QUARTERS];
      guint last;

      memcpy (year.target, cases[i].target, sizeof year.target);
      memcpy (year.actual, cases[i].actual, sizeof year.actual);
      last = ks_target_year_attainments (&year, attainment);
      assert_case (last == cases[i].last, cases[i].name, "last %u", last);

      for (q = 0; q < KS_PLAN_N_QUARTERS; q++)
        {
          if (cases[i].expected[q] < 0)
            assert_case (isnan (attainment[q]), cases[i].name, "Q%u is %g, not NAN", q + 1,
                         attainment[q]);
          else
            assert_case_double (attainment[q], cases[i].expected[q], cases[i].name);
        }
    }
}

/* ---- The whole plan ------------------------------------------------------------ */

static KsTargetYear
target_year (int            year,
             KsTargetMetric metric,
             guint8         has_target,
             guint8         has_actual,
             const gint64   target[KS_PLAN_N_QUARTERS + 1],
             const gint64   actual[KS_PLAN_N_QUARTERS + 1])
{
  KsTargetYear t = { .year = year, .metric = metric, .has_target = has_target,
                     .has_actual = has_actual };

  memcpy (t.target, target, sizeof t.target);
  memcpy (t.actual, actual, sizeof t.actual);

  return t;
}

static KsAction *
action_new (const char     *title,
            const char     *due,
            KsActionStatus  status)
{
  KsAction *action = ks_action_new ();

  action->title = g_strdup (title);
  action->due = g_strdup (due);
  action->status = status;

  return action;
}

static KsRisk *
risk_new (KsRiskSeverity  severity,
          gboolean        closed)
{
  KsRisk *risk = ks_risk_new ();

  risk->category = KS_RISK_CONCENTRATION;
  risk->severity = severity;
  risk->raised = g_strdup ("2026-03-01");
  risk->description = g_strdup ("Single site");
  risk->closed = closed;

  return risk;
}

/* A plan with something in every part, and texts in every field. */
static KsAccountPlan *
full_plan (void)
{
  static const gint64 rev_t[] = { 0, 100, 200, 300, 400 };
  static const gint64 rev_a[] = { 0, 110, 150, 0, 0 };
  static const gint64 gm_t[] = { 2500, 0, 0, 0, 0 };
  static const gint64 gm_a[] = { 0, 2400, 0, 0, 0 };
  KsAccountPlan *plan = ks_account_plan_new (42);
  KsTargetYear t;
  KsAction *action;
  KsWhitespace *cell;
  KsSwotItem *item;
  KsRisk *risk;

  g_free (plan->credit_rating);
  plan->credit_rating = g_strdup ("BBB+");

  t = target_year (2026, KS_TARGET_METRIC_REVENUE, Q (1) | Q (2) | Q (3) | Q (4),
                   Q (1) | Q (2), rev_t, rev_a);
  g_array_append_val (plan->targets, t);
  t = target_year (2026, KS_TARGET_METRIC_GROSS_MARGIN, ANNUAL, Q (1), gm_t, gm_a);
  g_array_append_val (plan->targets, t);

  action = action_new ("Quarterly review", "2026-06-30", KS_ACTION_IN_PROGRESS);
  action->id = 11;
  action->owner = g_strdup ("Anna Berg");
  action->metric = KS_TARGET_METRIC_REVENUE;
  action->notes = g_strdup ("Bring the price list; 价格表");
  g_ptr_array_add (plan->actions, action);
  action = action_new ("Site visit", NULL, KS_ACTION_OPEN);
  action->id = 12;
  g_ptr_array_add (plan->actions, action);

  cell = ks_whitespace_new ();
  cell->product_id = 3;
  cell->state = KS_WHITESPACE_OPPORTUNITY;
  cell->kind = KS_OPPORTUNITY_UP_SELL;
  cell->value = 1250000;
  cell->quarter = g_strdup ("2026-Q4");
  cell->note = g_strdup ("Premium edition");
  g_ptr_array_add (plan->whitespace, cell);
  cell = ks_whitespace_new ();
  cell->product_id = 4;
  cell->state = KS_WHITESPACE_CURRENT;
  g_ptr_array_add (plan->whitespace, cell);

  item = g_new0 (KsSwotItem, 1);
  item->id = 21;
  item->kind = KS_SWOT_THREAT;
  item->position = 1;
  item->text = g_strdup ("New competitor in the region");
  g_ptr_array_add (plan->swot, item);

  risk = risk_new (KS_RISK_HIGH, FALSE);
  risk->id = 31;
  risk->contingency = g_strdup ("Second supplier qualified");
  g_ptr_array_add (plan->risks, risk);
  risk = risk_new (KS_RISK_LOW, TRUE);
  risk->id = 32;
  risk->category = KS_RISK_PAYMENT_BEHAVIOUR;
  g_ptr_array_add (plan->risks, risk);

  return plan;
}

/* Equal strings that are not the same memory (NULL stays NULL). */
#define assert_str_copied(a, b)                                                     \
  G_STMT_START {                                                                    \
    g_assert_cmpstr ((a), ==, (b));                                                 \
    g_assert_true ((a) == NULL || (a) != (b));                                      \
  } G_STMT_END

static void
assert_plans_equal (const KsAccountPlan *a,
                    const KsAccountPlan *b)
{
  guint i;

  g_assert_cmpint (a->account_id, ==, b->account_id);
  assert_str_copied (a->credit_rating, b->credit_rating);

  g_assert_cmpuint (a->targets->len, ==, b->targets->len);
  g_assert_true (a->targets != b->targets);
  for (i = 0; i < a->targets->len; i++)
    {
      const KsTargetYear *x = &g_array_index (a->targets, KsTargetYear, i);
      const KsTargetYear *y = &g_array_index (b->targets, KsTargetYear, i);

      g_assert_cmpint (x->year, ==, y->year);
      g_assert_cmpint (x->metric, ==, y->metric);
      g_assert_cmpuint (x->has_target, ==, y->has_target);
      g_assert_cmpuint (x->has_actual, ==, y->has_actual);
      g_assert_cmpmem (x->target, sizeof x->target, y->target, sizeof y->target);
      g_assert_cmpmem (x->actual, sizeof x->actual, y->actual, sizeof y->actual);
    }

  g_assert_cmpuint (a->actions->len, ==, b->actions->len);
  for (i = 0; i < a->actions->len; i++)
    {
      const KsAction *x = g_ptr_array_index (a->actions, i);
      const KsAction *y = g_ptr_array_index (b->actions, i);

      g_assert_true (x != y);
      g_assert_cmpint (x->id, ==, y->id);
      assert_str_copied (x->title, y->title);
      assert_str_copied (x->owner, y->owner);
      assert_str_copied (x->due, y->due);
      g_assert_cmpint (x->status, ==, y->status);
      g_assert_cmpint (x->metric, ==, y->metric);
      assert_str_copied (x->notes, y->notes);
    }

  g_assert_cmpuint (a->whitespace->len, ==, b->whitespace->len);
  for (i = 0; i < a->whitespace->len; i++)
    {
      const KsWhitespace *x = g_ptr_array_index (a->whitespace, i);
      const KsWhitespace *y = g_ptr_array_index (b->whitespace, i);

      g_assert_true (x != y);
      g_assert_cmpint (x->product_id, ==, y->product_id);
      g_assert_cmpint (x->state, ==, y->state);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->value, ==, y->value);
      assert_str_copied (x->quarter, y->quarter);
      assert_str_copied (x->note, y->note);
    }

  g_assert_cmpuint (a->swot->len, ==, b->swot->len);
  for (i = 0; i < a->swot->len; i++)
    {
      const KsSwotItem *x = g_ptr_array_index (a->swot, i);
      const KsSwotItem *y = g_ptr_array_index (b->swot, i);

      g_assert_true (x != y);
      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->position, ==, y->position);
      assert_str_copied (x->text, y->text);
    }

  g_assert_cmpuint (a->risks->len, ==, b->risks->len);
  for (i = 0; i < a->risks->len; i++)
    {
      const KsRisk *x = g_ptr_array_index (a->risks, i);
      const KsRisk *y = g_ptr_array_index (b->risks, i);

      g_assert_true (x != y);
      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpint (x->category, ==, y->category);
      g_assert_cmpint (x->severity, ==, y->severity);
      assert_str_copied (x->raised, y->raised);
      assert_str_copied (x->description, y->description);
      assert_str_copied (x->contingency, y->contingency);
      g_assert_cmpint (x->closed, ==, y->closed);
    }
}

static void
test_copy (void)
{
  g_autoptr (KsAccountPlan) plan = full_plan ();
  g_autoptr (KsAccountPlan) copy = ks_account_plan_copy (plan);
  g_autoptr (KsAccountPlan) empty = ks_account_plan_new (5);
  g_autoptr (KsAccountPlan) empty_copy = ks_account_plan_copy (empty);
  g_autoptr (KsAccountPlan) copy_of_copy = NULL;
  g_autoptr (KsProduct) product = NULL;
  KsProduct original = { .id = 9, .name = (char *) "Service contract" };

  assert_plans_equal (plan, copy);
  g_assert_cmpstr (((KsAction *) g_ptr_array_index (copy->actions, 0))->notes, ==,
                   "Bring the price list; 价格表");

  /* The copy lives on without the original: Undo keeps copies. */
  g_clear_pointer (&plan, ks_account_plan_free);
  copy_of_copy = ks_account_plan_copy (copy);
  assert_plans_equal (copy, copy_of_copy);
  /* And the copy's arrays free what they hold: appending to one is enough to own it. */
  g_ptr_array_add (copy->risks, risk_new (KS_RISK_MEDIUM, FALSE));
  g_assert_cmpuint (copy->risks->len, ==, copy_of_copy->risks->len + 1);

  assert_plans_equal (empty, empty_copy);
  g_assert_cmpstr (empty_copy->credit_rating, ==, "");
  g_assert_true (ks_account_plan_is_empty (empty_copy));

  product = ks_product_copy (&original);
  g_assert_cmpint (product->id, ==, 9);
  assert_str_copied (product->name, original.name);

  /* The free functions take NULL. */
  ks_account_plan_free (NULL);
  ks_action_free (NULL);
  ks_product_free (NULL);
  ks_whitespace_free (NULL);
  ks_swot_item_free (NULL);
  ks_risk_free (NULL);
}

static void
test_new (void)
{
  g_autoptr (KsAccountPlan) plan = ks_account_plan_new (17);
  g_autoptr (KsAction) action = ks_action_new ();

  g_assert_cmpint (plan->account_id, ==, 17);
  g_assert_cmpstr (plan->credit_rating, ==, "");
  g_assert_nonnull (plan->targets);
  g_assert_cmpuint (g_array_get_element_size (plan->targets), ==, sizeof (KsTargetYear));
  g_assert_cmpuint (plan->targets->len, ==, 0);
  g_assert_cmpuint (plan->actions->len, ==, 0);
  g_assert_cmpuint (plan->whitespace->len, ==, 0);
  g_assert_cmpuint (plan->swot->len, ==, 0);
  g_assert_cmpuint (plan->risks->len, ==, 0);

  g_assert_cmpint (action->id, ==, 0);
  g_assert_cmpint (action->status, ==, KS_ACTION_OPEN);
  g_assert_cmpint (action->metric, ==, -1);
}

static void
test_is_empty (void)
{
  static const char * const parts[] = {
    "nothing", "rating", "target", "action", "whitespace", "swot", "risk"
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr (KsAccountPlan) plan = ks_account_plan_new (1);
      KsTargetYear t = { .year = 2026, .metric = KS_TARGET_METRIC_REVENUE };

      switch (i)
        {
        case 0:
          break;
        case 1:
          g_free (plan->credit_rating);
          plan->credit_rating = g_strdup ("AA-");
          break;
        case 2:
          /* Even a year with nothing set is a row the user added. */
          g_array_append_val (plan->targets, t);
          break;
        case 3:
          g_ptr_array_add (plan->actions, action_new ("Call", NULL, KS_ACTION_DONE));
          break;
        case 4:
          g_ptr_array_add (plan->whitespace, ks_whitespace_new ());
          break;
        case 5:
          g_ptr_array_add (plan->swot, g_new0 (KsSwotItem, 1));
          break;
        case 6:
          g_ptr_array_add (plan->risks, risk_new (KS_RISK_LOW, TRUE));
          break;
        default:
          g_assert_not_reached ();
        }

      assert_case (ks_account_plan_is_empty (plan) == (i == 0), parts[i], "is_empty");
    }
}

static void
test_find_target (void)
{
  g_autoptr (KsAccountPlan) plan = full_plan ();
  const KsTargetYear *found;
  KsTargetYear t = { .year = 2027, .metric = KS_TARGET_METRIC_REVENUE,
                     .has_target = ANNUAL, .target = { 777 } };

  g_array_append_val (plan->targets, t);

  found = ks_account_plan_find_target (plan, 2026, KS_TARGET_METRIC_GROSS_MARGIN);
  g_assert_nonnull (found);
  g_assert_cmpint (found->target[0], ==, 2500);
  found = ks_account_plan_find_target (plan, 2027, KS_TARGET_METRIC_REVENUE);
  g_assert_nonnull (found);
  g_assert_cmpint (found->target[0], ==, 777);
  g_assert_true (found == &g_array_index (plan->targets, KsTargetYear, 2));
  g_assert_null (ks_account_plan_find_target (plan, 2025, KS_TARGET_METRIC_REVENUE));
  g_assert_null (ks_account_plan_find_target (plan, 2026, KS_TARGET_METRIC_NEW_BUSINESS));
}

/* ---- Health inputs and summary ------------------------------------------------- */

/* Inputs as ks_plan_inputs_from_plan() fills them, from @inputs already filled with
 * rubbish: everything not read from the plan must come back zero. */
static void
inputs_from_plan (const KsAccountPlan *plan,
                  const char          *today_iso,
                  KsHealthInputs      *inputs)
{
  GDate today;

  date_init (&today, today_iso);
  memset (inputs, 0xa5, sizeof *inputs);
  ks_plan_inputs_from_plan (plan, &today, inputs);

  g_assert_false (inputs->has_satisfaction);
  g_assert_cmpfloat (inputs->satisfaction, ==, 0.0);
  g_assert_cmpuint (inputs->complaints, ==, 0);
  g_assert_cmpuint (inputs->complaints_answered_in_time, ==, 0);
  g_assert_cmpint (inputs->executive, ==, KS_EXECUTIVE_UNKNOWN);
}

static KsPlanSummary
summary_of (const KsHealthInputs *inputs)
{
  KsHealthWeights weights;
  KsPlanSummary summary;

  ks_health_weights_init_default (&weights);
  ks_plan_summary_compute (inputs, &weights, KS_PLAN_DROP_THRESHOLD_DEFAULT, &summary);

  return summary;
}

static void
test_inputs_targets (void)
{
  static const struct {
    const char *name;
    const char *today;
    int year;
    KsTargetMetric metric;
    guint8 has_target;
    guint8 has_actual;
    gint64 target[KS_PLAN_N_QUARTERS + 1];
    gint64 actual[KS_PLAN_N_QUARTERS + 1];
    gboolean has_attainment;
    double ytd;
    gboolean has_change;
    double previous;
    double current;
    KsAlertFlags alerts;
  } cases[] = {
    /* Q1 80 of 100, Q2 120 of 100; Q3 and Q4 have targets but no actual yet: the YTD
     * stops at Q2, 200 of 200, not 200 of 400. */
    { "ytd to the last actual", "2026-11-10", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2) | Q (3) | Q (4), Q (1) | Q (2),
      { 0, 100, 100, 100, 100 }, { 0, 80, 120, 0, 0 },
      TRUE, 100, TRUE, 80, 120, KS_ALERT_NONE },
    /* The last actual is Q3, whose target is missing (0): 250 of 200. */
    { "last actual without target", "2026-08-01", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2), Q (1) | Q (2) | Q (3),
      { 0, 100, 100, 0, 0 }, { 0, 80, 120, 50, 0 },
      TRUE, 125, FALSE, 0, 0, KS_ALERT_NONE },
    /* Today is in Q2: the Q3 and Q4 figures are not read. */
    { "later quarters ignored", "2026-05-15", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2) | Q (3) | Q (4), Q (1) | Q (3) | Q (4),
      { 0, 100, 100, 100, 100 }, { 0, 90, 0, 500, 500 },
      TRUE, 90, FALSE, 0, 0, KS_ALERT_NONE },
    { "first quarter only", "2026-02-01", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2), Q (1),
      { 0, 400, 400, 0, 0 }, { 0, 300, 0, 0, 0 },
      TRUE, 75, FALSE, 0, 0, KS_ALERT_NONE },
    /* Only an annual target: a quarter of it for each quarter. */
    { "annual target only", "2026-08-01", 2026, KS_TARGET_METRIC_REVENUE,
      Q (0), Q (1) | Q (2),
      { 400, 0, 0, 0, 0 }, { 0, 80, 120, 0, 0 },
      TRUE, 100, TRUE, 80, 120, KS_ALERT_NONE },
    { "target but no actual yet", "2026-05-15", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2), 0,
      { 0, 100, 100, 0, 0 }, { 0 },
      FALSE, 0, FALSE, 0, 0, KS_ALERT_NONE },
    { "actual but no target", "2026-05-15", 2026, KS_TARGET_METRIC_REVENUE,
      0, Q (1) | Q (2),
      { 0 }, { 0, 100, 100, 0, 0 },
      FALSE, 0, FALSE, 0, 0, KS_ALERT_NONE },
    /* A new year: last year's full plan is not this year's attainment. */
    { "year boundary", "2027-01-05", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2) | Q (3) | Q (4), Q (1) | Q (2) | Q (3) | Q (4),
      { 0, 100, 100, 100, 100 }, { 0, 100, 100, 100, 50 },
      FALSE, 0, FALSE, 0, 0, KS_ALERT_NONE },
    { "only gross margin", "2026-05-15", 2026, KS_TARGET_METRIC_GROSS_MARGIN,
      Q (1) | Q (2), Q (1) | Q (2),
      { 0, 2500, 2500, 0, 0 }, { 0, 2500, 1000, 0, 0 },
      FALSE, 0, FALSE, 0, 0, KS_ALERT_NONE },
    /* 110 % then 75 %: a fall of 35 points. YTD 185 of 200. */
    { "drop", "2026-05-15", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2), Q (1) | Q (2),
      { 0, 100, 100, 0, 0 }, { 0, 110, 75, 0, 0 },
      TRUE, 92.5, TRUE, 110, 75, KS_ALERT_ATTAINMENT_DROP },
    /* Exactly the threshold is a drop. */
    { "drop of 10 points", "2026-06-30", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2), Q (1) | Q (2),
      { 0, 200, 200, 0, 0 }, { 0, 200, 180, 0, 0 },
      TRUE, 95, TRUE, 100, 90, KS_ALERT_ATTAINMENT_DROP },
    { "fall under the threshold", "2026-05-15", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2), Q (1) | Q (2),
      { 0, 100, 100, 0, 0 }, { 0, 100, 95, 0, 0 },
      TRUE, 97.5, TRUE, 100, 95, KS_ALERT_NONE },
    /* Q2 has no target, so there is no change to read between Q2 and Q3. */
    { "change needs both quarters", "2026-08-15", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (3), Q (1) | Q (2) | Q (3),
      { 0, 100, 0, 100, 0 }, { 0, 100, 100, 40, 0 },
      TRUE, 120, FALSE, 0, 0, KS_ALERT_NONE },
    { "rise", "2026-12-31", 2026, KS_TARGET_METRIC_REVENUE,
      Q (1) | Q (2) | Q (3) | Q (4), Q (1) | Q (2) | Q (3) | Q (4),
      { 0, 100, 100, 100, 100 }, { 0, 50, 50, 60, 90 },
      TRUE, 62.5, TRUE, 60, 90, KS_ALERT_NONE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsAccountPlan) plan = ks_account_plan_new (1);
      KsTargetYear t = target_year (cases[i].year, cases[i].metric, cases[i].has_target,
                                    cases[i].has_actual, cases[i].target, cases[i].actual);
      KsHealthInputs inputs;
      KsPlanSummary summary;

      g_array_append_val (plan->targets, t);
      inputs_from_plan (plan, cases[i].today, &inputs);

      assert_case (inputs.has_attainment == cases[i].has_attainment, cases[i].name,
                   "has_attainment %d", inputs.has_attainment);
      assert_case_double (inputs.attainment_ytd, cases[i].ytd, cases[i].name);
      assert_case (inputs.has_quarter_change == cases[i].has_change, cases[i].name,
                   "has_quarter_change %d", inputs.has_quarter_change);
      assert_case_double (inputs.previous_attainment, cases[i].previous, cases[i].name);
      assert_case_double (inputs.current_attainment, cases[i].current, cases[i].name);
      assert_case (inputs.open_actions == 0 && inputs.overdue_actions == 0, cases[i].name,
                   "actions");

      summary = summary_of (&inputs);
      assert_case (summary.has_attainment == cases[i].has_attainment, cases[i].name,
                   "summary has_attainment");
      assert_case_double (summary.attainment_ytd, cases[i].ytd, cases[i].name);
      assert_case (summary.alerts == cases[i].alerts, cases[i].name, "alerts %d",
                   summary.alerts);
    }
}

static void
test_inputs_actions (void)
{
  static const struct {
    const char *name;
    const char *today;
    const char *due;
    KsActionStatus status;
    guint open;
    guint overdue;
  } cases[] = {
    { "due today", "2026-05-15", "2026-05-15", KS_ACTION_OPEN, 1, 0 },
    { "due yesterday", "2026-05-16", "2026-05-15", KS_ACTION_OPEN, 1, 1 },
    { "in progress, late", "2026-05-16", "2026-05-15", KS_ACTION_IN_PROGRESS, 1, 1 },
    { "due tomorrow", "2026-05-14", "2026-05-15", KS_ACTION_OPEN, 1, 0 },
    { "last year", "2027-01-01", "2026-12-31", KS_ACTION_OPEN, 1, 1 },
    { "done, late", "2026-06-01", "2026-05-15", KS_ACTION_DONE, 0, 0 },
    { "dropped, late", "2026-06-01", "2026-05-15", KS_ACTION_DROPPED, 0, 0 },
    { "no due date", "2030-01-01", NULL, KS_ACTION_OPEN, 1, 0 },
    { "empty due date", "2030-01-01", "", KS_ACTION_IN_PROGRESS, 1, 0 },
    { "unreadable due date", "2030-01-01", "2026-02-30", KS_ACTION_OPEN, 1, 0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsAccountPlan) plan = ks_account_plan_new (1);
      KsHealthInputs inputs;
      KsPlanSummary summary;

      g_ptr_array_add (plan->actions, action_new (cases[i].name, cases[i].due,
                                                  cases[i].status));
      inputs_from_plan (plan, cases[i].today, &inputs);

      assert_case (inputs.open_actions == cases[i].open, cases[i].name, "open %u",
                   inputs.open_actions);
      assert_case (inputs.overdue_actions == cases[i].overdue, cases[i].name,
                   "overdue %u", inputs.overdue_actions);
      assert_case (!inputs.has_attainment, cases[i].name, "attainment");

      summary = summary_of (&inputs);
      assert_case (summary.alerts == (cases[i].overdue > 0 ? KS_ALERT_OVERDUE_ACTION
                                                           : KS_ALERT_NONE),
                   cases[i].name, "alerts %d", summary.alerts);
      /* Actions and risks only, no risk: the actions' share decides. */
      assert_case_double (summary.health,
                          cases[i].open == 0 ? 100.0
                          : 50.0 + 50.0 * (cases[i].open - cases[i].overdue) / cases[i].open,
                          cases[i].name);
    }
}

static void
test_inputs_mixed (void)
{
  g_autoptr (KsAccountPlan) plan = ks_account_plan_new (1);
  KsHealthInputs inputs;
  KsPlanSummary summary;

  g_ptr_array_add (plan->actions, action_new ("a", "2026-05-01", KS_ACTION_OPEN));
  g_ptr_array_add (plan->actions, action_new ("b", "2026-05-15", KS_ACTION_OPEN));
  g_ptr_array_add (plan->actions, action_new ("c", "2026-04-01", KS_ACTION_DONE));
  g_ptr_array_add (plan->actions, action_new ("d", "2026-04-01", KS_ACTION_DROPPED));
  g_ptr_array_add (plan->actions, action_new ("e", NULL, KS_ACTION_IN_PROGRESS));
  g_ptr_array_add (plan->actions, action_new ("f", "2026-05-14", KS_ACTION_IN_PROGRESS));

  g_ptr_array_add (plan->risks, risk_new (KS_RISK_HIGH, TRUE));
  g_ptr_array_add (plan->risks, risk_new (KS_RISK_MEDIUM, FALSE));
  g_ptr_array_add (plan->risks, risk_new (KS_RISK_MEDIUM, FALSE));
  g_ptr_array_add (plan->risks, risk_new (KS_RISK_LOW, FALSE));
  g_ptr_array_add (plan->risks, risk_new (KS_RISK_LOW, TRUE));

  inputs_from_plan (plan, "2026-05-15", &inputs);
  g_assert_cmpuint (inputs.open_actions, ==, 4);
  g_assert_cmpuint (inputs.overdue_actions, ==, 2);
  g_assert_cmpuint (inputs.open_risks[KS_RISK_LOW], ==, 1);
  g_assert_cmpuint (inputs.open_risks[KS_RISK_MEDIUM], ==, 2);
  g_assert_cmpuint (inputs.open_risks[KS_RISK_HIGH], ==, 0);

  /* Actions 50 (2 of 4 late), risks 100 − 10 − 2 × 25 = 40, equal weights. */
  summary = summary_of (&inputs);
  g_assert_true (summary.has_health);
  g_assert_cmpfloat_with_epsilon (summary.health, 45.0, 1e-9);
  g_assert_false (summary.has_attainment);
  /* The closed high risk raises no alert. */
  g_assert_cmpint (summary.alerts, ==, KS_ALERT_OVERDUE_ACTION);

  g_ptr_array_add (plan->risks, risk_new (KS_RISK_HIGH, FALSE));
  inputs_from_plan (plan, "2026-05-15", &inputs);
  g_assert_cmpuint (inputs.open_risks[KS_RISK_HIGH], ==, 1);
  summary = summary_of (&inputs);
  g_assert_cmpint (summary.alerts, ==, KS_ALERT_OVERDUE_ACTION | KS_ALERT_HIGH_RISK);
  /* Risks 100 − 10 − 50 − 50 = −10, not below 0. */
  g_assert_cmpfloat_with_epsilon (summary.health, 25.0, 1e-9);
}

static void
test_inputs_full_plan (void)
{
  g_autoptr (KsAccountPlan) plan = full_plan ();
  KsHealthInputs inputs;
  KsPlanSummary summary;
  KsHealthBreakdown breakdown;
  KsHealthWeights weights;

  /* Revenue Q1 110 of 100, Q2 150 of 200: YTD 260 of 300; the quarter fell 35 points.
   * The review is due 30 June: overdue on 1 July. One open high risk. */
  inputs_from_plan (plan, "2026-07-01", &inputs);
  g_assert_true (inputs.has_attainment);
  g_assert_cmpfloat_with_epsilon (inputs.attainment_ytd, 260.0 / 300.0 * 100.0, 1e-9);
  g_assert_true (inputs.has_quarter_change);
  g_assert_cmpfloat_with_epsilon (inputs.previous_attainment, 110.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (inputs.current_attainment, 75.0, 1e-9);
  g_assert_cmpuint (inputs.open_actions, ==, 2);
  g_assert_cmpuint (inputs.overdue_actions, ==, 1);
  g_assert_cmpuint (inputs.open_risks[KS_RISK_HIGH], ==, 1);
  g_assert_cmpuint (inputs.open_risks[KS_RISK_LOW], ==, 0);

  summary = summary_of (&inputs);
  ks_health_weights_init_default (&weights);
  g_assert_true (ks_plan_health_compute (&inputs, &weights, &breakdown));
  g_assert_true (summary.has_health);
  g_assert_cmpfloat (summary.health, ==, breakdown.total);
  /* Attainment 86.67 × 30, actions 50 × 15, risks 50 × 15, over 60. */
  g_assert_cmpfloat_with_epsilon (summary.health,
                                  (260.0 / 3.0 * 30 + 50 * 15 + 50 * 15) / 60.0, 1e-9);
  g_assert_cmpint (summary.alerts, ==,
                   KS_ALERT_OVERDUE_ACTION | KS_ALERT_HIGH_RISK | KS_ALERT_ATTAINMENT_DROP);

  /* A day earlier the review is due today, not overdue. */
  inputs_from_plan (plan, "2026-06-30", &inputs);
  g_assert_cmpuint (inputs.overdue_actions, ==, 0);
  summary = summary_of (&inputs);
  g_assert_cmpint (summary.alerts, ==, KS_ALERT_HIGH_RISK | KS_ALERT_ATTAINMENT_DROP);
}

static void
test_summary (void)
{
  KsHealthInputs inputs = { 0 };
  KsHealthWeights weights = { .weights = { [KS_HEALTH_SATISFACTION] = 100 } };
  KsPlanSummary summary;

  /* Nothing open, nothing at risk: the actions and the risks score 100. The store
   * leaves the health out for a plan with no targets, actions or risks. */
  summary = summary_of (&inputs);
  g_assert_true (summary.has_health);
  g_assert_cmpfloat_with_epsilon (summary.health, 100.0, 1e-9);
  g_assert_false (summary.has_attainment);
  g_assert_cmpint (summary.alerts, ==, KS_ALERT_NONE);

  /* Only an absent component has weight: no score. */
  memset (&summary, 0xa5, sizeof summary);
  ks_plan_summary_compute (&inputs, &weights, KS_PLAN_DROP_THRESHOLD_DEFAULT, &summary);
  g_assert_false (summary.has_health);
  g_assert_cmpfloat (summary.health, ==, 0.0);
  g_assert_false (summary.has_attainment);
  g_assert_cmpfloat (summary.attainment_ytd, ==, 0.0);
  g_assert_cmpint (summary.alerts, ==, KS_ALERT_NONE);

  /* Attainment over 100 % shows as it is; the health caps it. */
  inputs.has_attainment = TRUE;
  inputs.attainment_ytd = 130.0;
  inputs.open_risks[KS_RISK_MEDIUM] = 1;
  summary = summary_of (&inputs);
  g_assert_true (summary.has_attainment);
  g_assert_cmpfloat_with_epsilon (summary.attainment_ytd, 130.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.health, (100.0 * 30 + 100 * 15 + 75 * 15) / 60.0,
                                  1e-9);
  g_assert_cmpint (summary.alerts, ==, KS_ALERT_NONE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/account-plan/labels", test_labels);
  g_test_add_func ("/keystone/account-plan/from-key", test_from_key);
  g_test_add_func ("/keystone/account-plan/action-validate", test_action_validate);
  g_test_add_func ("/keystone/account-plan/whitespace-validate", test_whitespace_validate);
  g_test_add_func ("/keystone/account-plan/swot-validate", test_swot_validate);
  g_test_add_func ("/keystone/account-plan/risk-validate", test_risk_validate);
  g_test_add_func ("/keystone/account-plan/target-entries", test_target_entries);
  g_test_add_func ("/keystone/account-plan/annual-target", test_annual_target);
  g_test_add_func ("/keystone/account-plan/attainments", test_attainments);
  g_test_add_func ("/keystone/account-plan/new", test_new);
  g_test_add_func ("/keystone/account-plan/copy", test_copy);
  g_test_add_func ("/keystone/account-plan/is-empty", test_is_empty);
  g_test_add_func ("/keystone/account-plan/find-target", test_find_target);
  g_test_add_func ("/keystone/account-plan/inputs-targets", test_inputs_targets);
  g_test_add_func ("/keystone/account-plan/inputs-actions", test_inputs_actions);
  g_test_add_func ("/keystone/account-plan/inputs-mixed", test_inputs_mixed);
  g_test_add_func ("/keystone/account-plan/inputs-full-plan", test_inputs_full_plan);
  g_test_add_func ("/keystone/account-plan/summary", test_summary);

  return g_test_run ();
}
