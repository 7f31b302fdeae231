/* test-scoring.c — KA score, tier, quadrant and the sample portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-error.h"
#include "ks-sample.h"
#include "ks-scoring.h"

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

#define DEFAULT_WEIGHTS { 40, 20, 25, 15 }

static const guint8 all_zeros[KS_N_CRITERIA] = { 0 };
static const guint8 all_fives[KS_N_CRITERIA] = { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 };
/* Dimensions: scale 80, strategic 20, cooperation 50, relationship 40. */
static const guint8 mixed[KS_N_CRITERIA] = { 5, 4, 3,  2, 1, 0,  5, 0,  1, 2, 3 };

static void
rules_init (KsScoringRules *rules,
            const int       weights[KS_N_DIMENSIONS])
{
  guint i;

  ks_scoring_rules_init_default (rules);
  for (i = 0; i < KS_N_DIMENSIONS; i++)
    rules->weights[i] = weights[i];
}

static void
test_default_rules (void)
{
  KsScoringRules rules;
  g_autoptr(GError) error = NULL;

  memset (&rules, 0xff, sizeof rules);
  ks_scoring_rules_init_default (&rules);

  g_assert_cmpint (rules.weights[KS_DIMENSION_SCALE], ==, 40);
  g_assert_cmpint (rules.weights[KS_DIMENSION_STRATEGIC], ==, 20);
  g_assert_cmpint (rules.weights[KS_DIMENSION_COOPERATION], ==, 25);
  g_assert_cmpint (rules.weights[KS_DIMENSION_RELATIONSHIP], ==, 15);
  g_assert_cmpint (rules.core_min, ==, 80);
  g_assert_cmpint (rules.key_min, ==, 65);
  g_assert_cmpint (rules.developing_min, ==, 50);
  g_assert_cmpint (rules.split_mode, ==, KS_SPLIT_FIXED);

  g_assert_true (ks_scoring_rules_validate (&rules, &error));
  g_assert_no_error (error);
}

static void
test_validate (void)
{
  static const struct {
    const char *name;
    int weights[KS_N_DIMENSIONS];
    int core_min;
    int key_min;
    int developing_min;
    int split_mode;
    gboolean valid;
    const char *in_message;   /* a part of the error message, or NULL */
  } cases[] = {
    { "default", DEFAULT_WEIGHTS, 80, 65, 50, KS_SPLIT_FIXED, TRUE, NULL },
    { "median split", DEFAULT_WEIGHTS, 80, 65, 50, KS_SPLIT_MEDIAN, TRUE, NULL },
    { "all on one dimension", { 0, 0, 100, 0 }, 80, 65, 50, KS_SPLIT_FIXED, TRUE, NULL },
    { "equal weights", { 25, 25, 25, 25 }, 80, 65, 50, KS_SPLIT_FIXED, TRUE, NULL },
    { "thresholds at the top", DEFAULT_WEIGHTS, 100, 99, 98, KS_SPLIT_FIXED, TRUE, NULL },
    { "thresholds at the bottom", DEFAULT_WEIGHTS, 3, 2, 1, KS_SPLIT_FIXED, TRUE, NULL },
    { "sum 99", { 40, 20, 25, 14 }, 80, 65, 50, KS_SPLIT_FIXED, FALSE, "99" },
    { "sum 101", { 40, 20, 25, 16 }, 80, 65, 50, KS_SPLIT_FIXED, FALSE, "101" },
    { "sum 0", { 0, 0, 0, 0 }, 80, 65, 50, KS_SPLIT_FIXED, FALSE, "100" },
    { "negative weight", { -10, 50, 45, 15 }, 80, 65, 50, KS_SPLIT_FIXED, FALSE, NULL },
    { "weight over 100", { 120, -20, 0, 0 }, 80, 65, 50, KS_SPLIT_FIXED, FALSE, NULL },
    { "core equals key", DEFAULT_WEIGHTS, 65, 65, 50, KS_SPLIT_FIXED, FALSE, NULL },
    { "key below developing", DEFAULT_WEIGHTS, 80, 45, 50, KS_SPLIT_FIXED, FALSE, NULL },
    { "reversed thresholds", DEFAULT_WEIGHTS, 50, 65, 80, KS_SPLIT_FIXED, FALSE, NULL },
    { "developing zero", DEFAULT_WEIGHTS, 80, 65, 0, KS_SPLIT_FIXED, FALSE, NULL },
    { "negative threshold", DEFAULT_WEIGHTS, 80, 65, -5, KS_SPLIT_FIXED, FALSE, NULL },
    { "core over 100", DEFAULT_WEIGHTS, 101, 65, 50, KS_SPLIT_FIXED, FALSE, NULL },
    { "unknown split mode", DEFAULT_WEIGHTS, 80, 65, 50, 7, FALSE, NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsScoringRules rules;
      g_autoptr(GError) error = NULL;
      gboolean valid;

      rules_init (&rules, cases[i].weights);
      rules.core_min = cases[i].core_min;
      rules.key_min = cases[i].key_min;
      rules.developing_min = cases[i].developing_min;
      rules.split_mode = cases[i].split_mode;

      valid = ks_scoring_rules_validate (&rules, &error);

      assert_case (valid == cases[i].valid, cases[i].name, "validate returned %d: %s",
                   valid, error ? error->message : "no error");
      if (cases[i].valid)
        {
          assert_case (error == NULL, cases[i].name, "unexpected error");
          continue;
        }

      assert_case (g_error_matches (error, KS_ERROR, KS_ERROR_INVALID), cases[i].name,
                   "wrong error");
      assert_case (error->message[0] != '\0', cases[i].name, "empty message");
      if (cases[i].in_message != NULL)
        assert_case (strstr (error->message, cases[i].in_message) != NULL, cases[i].name,
                     "message “%s” lacks “%s”", error->message, cases[i].in_message);
    }
}

static void
test_criteria (void)
{
  static const struct {
    KsCriterion criterion;
    const char *key;
    KsDimension dimension;
  } cases[] = {
    { KS_CRITERION_PURCHASES, "purchases", KS_DIMENSION_SCALE },
    { KS_CRITERION_PROFIT, "profit", KS_DIMENSION_SCALE },
    { KS_CRITERION_SHARE, "share", KS_DIMENSION_SCALE },
    { KS_CRITERION_INFLUENCE, "influence", KS_DIMENSION_STRATEGIC },
    { KS_CRITERION_BENCHMARK, "benchmark", KS_DIMENSION_STRATEGIC },
    { KS_CRITERION_CHANNEL, "channel", KS_DIMENSION_STRATEGIC },
    { KS_CRITERION_NEED_FIT, "need_fit", KS_DIMENSION_COOPERATION },
    { KS_CRITERION_GROWTH, "growth", KS_DIMENSION_COOPERATION },
    { KS_CRITERION_YEARS, "years", KS_DIMENSION_RELATIONSHIP },
    { KS_CRITERION_CONTACT_LEVEL, "contact_level", KS_DIMENSION_RELATIONSHIP },
    { KS_CRITERION_STABILITY, "stability", KS_DIMENSION_RELATIONSHIP },
  };
  guint i;

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, KS_N_CRITERIA);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *key = ks_criterion_get_key (cases[i].criterion);
      const char *label = ks_criterion_get_label (cases[i].criterion);

      assert_case (g_strcmp0 (key, cases[i].key) == 0, cases[i].key, "key is “%s”", key);
      assert_case (ks_criterion_get_dimension (cases[i].criterion) == cases[i].dimension,
                   cases[i].key, "wrong dimension");
      assert_case (label != NULL && label[0] != '\0', cases[i].key, "no label");
    }
}

static void
test_dimension_score (void)
{
  static const struct {
    const char *name;
    guint8 ratings[KS_N_CRITERIA];
    double expected[KS_N_DIMENSIONS];
  } cases[] = {
    { "all zeros", { 0 }, { 0, 0, 0, 0 } },
    { "all fives", { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }, { 100, 100, 100, 100 } },
    { "all ones", { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, { 20, 20, 20, 20 } },
    { "mixed", { 5, 4, 3,  2, 1, 0,  5, 0,  1, 2, 3 }, { 80, 20, 50, 40 } },
    { "thirds", { 1, 0, 0,  1, 1, 0,  1, 0,  2, 2, 1 },
      { 20.0 / 3, 40.0 / 3, 10, 100.0 / 3 } },
    { "one criterion each", { 5, 0, 0,  0, 5, 0,  0, 5,  0, 0, 5 },
      { 100.0 / 3, 100.0 / 3, 50, 100.0 / 3 } },
    { "above the scale counts as 5", { 9, 9, 9,  0, 0, 0,  0, 0,  0, 0, 0 },
      { 100, 0, 0, 0 } },
  };
  guint i, d;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    for (d = 0; d < KS_N_DIMENSIONS; d++)
      assert_case_double (ks_scoring_dimension_score (cases[i].ratings, d),
                          cases[i].expected[d], cases[i].name);
}

static void
test_ka_score (void)
{
  static const struct {
    const char *name;
    int weights[KS_N_DIMENSIONS];
    const guint8 *ratings;
    double expected;
  } cases[] = {
    { "default, all zeros", DEFAULT_WEIGHTS, all_zeros, 0 },
    { "default, all fives", DEFAULT_WEIGHTS, all_fives, 100 },
    /* 0.40 × 80 + 0.20 × 20 + 0.25 × 50 + 0.15 × 40 */
    { "default, mixed", DEFAULT_WEIGHTS, mixed, 54.5 },
    { "equal weights, mixed", { 25, 25, 25, 25 }, mixed, 47.5 },
    { "equal weights, all fives", { 25, 25, 25, 25 }, all_fives, 100 },
    { "scale only, mixed", { 100, 0, 0, 0 }, mixed, 80 },
    { "strategic only, mixed", { 0, 100, 0, 0 }, mixed, 20 },
    { "cooperation only, mixed", { 0, 0, 100, 0 }, mixed, 50 },
    { "relationship only, mixed", { 0, 0, 0, 100 }, mixed, 40 },
    { "custom, all zeros", { 10, 20, 30, 40 }, all_zeros, 0 },
    /* 0.10 × 80 + 0.20 × 20 + 0.30 × 50 + 0.40 × 40 */
    { "custom, mixed", { 10, 20, 30, 40 }, mixed, 43 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsScoringRules rules;

      rules_init (&rules, cases[i].weights);
      assert_case_double (ks_scoring_ka_score (&rules, cases[i].ratings),
                          cases[i].expected, cases[i].name);
    }
}

static void
test_value_growth (void)
{
  static const struct {
    const char *name;
    int weights[KS_N_DIMENSIONS];
    const guint8 *ratings;
    double value;
    double growth;
  } cases[] = {
    { "default, all zeros", DEFAULT_WEIGHTS, all_zeros, 0, 0 },
    { "default, all fives", DEFAULT_WEIGHTS, all_fives, 100, 100 },
    /* (40 × 80 + 20 × 20) / 60 */
    { "default, mixed", DEFAULT_WEIGHTS, mixed, 60, 50 },
    { "scale only", { 100, 0, 0, 0 }, mixed, 80, 50 },
    { "strategic only", { 0, 100, 0, 0 }, mixed, 20, 50 },
    { "equal value weights", { 30, 30, 20, 20 }, mixed, 50, 50 },
    { "no value weight: plain mean", { 0, 0, 50, 50 }, mixed, 50, 50 },
    { "no value weight, all fives", { 0, 0, 100, 0 }, all_fives, 100, 100 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsScoringRules rules;

      rules_init (&rules, cases[i].weights);
      assert_case_double (ks_scoring_value (&rules, cases[i].ratings), cases[i].value,
                          cases[i].name);
      assert_case_double (ks_scoring_growth (cases[i].ratings), cases[i].growth,
                          cases[i].name);
    }
}

static void
test_tier (void)
{
  static const struct {
    const char *name;
    int core_min;
    int key_min;
    int developing_min;
    double score;
    KsTier expected;
  } cases[] = {
    { "100", 80, 65, 50, 100, KS_TIER_CORE },
    { "just above core", 80, 65, 50, 80.01, KS_TIER_CORE },
    { "at core", 80, 65, 50, 80, KS_TIER_CORE },
    { "core by float error", 80, 65, 50, 80 - 1e-12, KS_TIER_CORE },
    { "just below core", 80, 65, 50, 79.99, KS_TIER_KEY },
    { "at key", 80, 65, 50, 65, KS_TIER_KEY },
    { "just below key", 80, 65, 50, 64.99, KS_TIER_DEVELOPING },
    { "at developing", 80, 65, 50, 50, KS_TIER_DEVELOPING },
    { "developing by float error", 80, 65, 50, 49.99999999999999, KS_TIER_DEVELOPING },
    { "just below developing", 80, 65, 50, 49.99, KS_TIER_STANDARD },
    { "zero", 80, 65, 50, 0, KS_TIER_STANDARD },
    { "custom, below core", 90, 70, 30, 89.99, KS_TIER_KEY },
    { "custom, at core", 90, 70, 30, 90, KS_TIER_CORE },
    { "custom, at developing", 90, 70, 30, 30, KS_TIER_DEVELOPING },
    { "custom, below developing", 90, 70, 30, 29.5, KS_TIER_STANDARD },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsScoringRules rules;
      KsTier tier;

      ks_scoring_rules_init_default (&rules);
      rules.core_min = cases[i].core_min;
      rules.key_min = cases[i].key_min;
      rules.developing_min = cases[i].developing_min;

      tier = ks_scoring_tier (&rules, cases[i].score);
      assert_case (tier == cases[i].expected, cases[i].name, "tier %d, expected %d",
                   tier, cases[i].expected);
    }
}

/* Ratings whose score is mathematically on a threshold but comes out a hair below it
 * in floating point: they must land on the threshold's side. */
static void
test_tier_on_threshold (void)
{
  static const struct {
    const char *name;
    int weights[KS_N_DIMENSIONS];
    guint8 ratings[KS_N_CRITERIA];
    KsTier expected;
  } cases[] = {
    /* 65 exactly; 64.99999999999999 in doubles */
    { "default at key", DEFAULT_WEIGHTS, { 3, 5, 5,  1, 5, 1,  3, 1,  5, 2, 4 },
      KS_TIER_KEY },
    /* 50 exactly; 49.99999999999999 in doubles */
    { "equal weights at developing", { 25, 25, 25, 25 },
      { 2, 2, 3,  4, 5, 1,  3, 1,  3, 2, 2 }, KS_TIER_DEVELOPING },
    { "custom at developing", { 10, 20, 30, 40 }, { 0, 2, 5,  4, 2, 5,  1, 3,  2, 0, 5 },
      KS_TIER_DEVELOPING },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsScoringRules rules;
      KsTier tier;

      rules_init (&rules, cases[i].weights);
      tier = ks_scoring_tier (&rules, ks_scoring_ka_score (&rules, cases[i].ratings));
      assert_case (tier == cases[i].expected, cases[i].name, "tier %d, expected %d",
                   tier, cases[i].expected);
    }
}

/* Random ratings against exact integer arithmetic: the tier and quadrant computed
 * in doubles must be the mathematically right ones. */
static void
test_exact_boundaries (void)
{
  static const int weight_sets[][KS_N_DIMENSIONS] = {
    DEFAULT_WEIGHTS, { 25, 25, 25, 25 }, { 10, 20, 30, 40 }, { 30, 30, 20, 20 },
    { 0, 0, 50, 50 }, { 34, 33, 33, 0 }, { 45, 15, 25, 15 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  guint iteration;

  for (iteration = 0; iteration < 100000; iteration++)
    {
      const int *w = weight_sets[iteration % G_N_ELEMENTS (weight_sets)];
      g_autofree char *name = NULL;
      KsScoringRules rules;
      guint8 ratings[KS_N_CRITERIA];
      int sums[KS_N_DIMENSIONS] = { 0 };
      int ka30;
      KsTier exact_tier;
      gboolean high_value;
      gboolean high_growth;
      KsQuadrant exact_quadrant;
      guint c;

      rules_init (&rules, w);
      for (c = 0; c < KS_N_CRITERIA; c++)
        {
          ratings[c] = g_rand_int_range (rand, 0, KS_RATING_MAX + 1);
          sums[ks_criterion_get_dimension (c)] += ratings[c];
        }

      /* Dimension score = 20 × sum / n with n = 3, 3, 2, 3; so 30 × KA score =
       * Σ w × sum × 6 / n, an integer. */
      ka30 = w[0] * sums[0] * 2 + w[1] * sums[1] * 2 + w[2] * sums[2] * 3
             + w[3] * sums[3] * 2;
      if (ka30 >= rules.core_min * 30)
        exact_tier = KS_TIER_CORE;
      else if (ka30 >= rules.key_min * 30)
        exact_tier = KS_TIER_KEY;
      else if (ka30 >= rules.developing_min * 30)
        exact_tier = KS_TIER_DEVELOPING;
      else
        exact_tier = KS_TIER_STANDARD;

      /* value ≥ 50 ⇔ 20 (w₀ s₀ + w₁ s₁) / 3 ≥ 50 (w₀ + w₁), or the plain mean */
      if (w[0] + w[1] == 0)
        high_value = 20 * (sums[0] + sums[1]) >= 300;
      else
        high_value = 20 * (w[0] * sums[0] + w[1] * sums[1]) >= 150 * (w[0] + w[1]);
      high_growth = 10 * sums[2] >= 50;
      if (high_growth)
        exact_quadrant = high_value ? KS_QUADRANT_STRATEGIC : KS_QUADRANT_GROW;
      else
        exact_quadrant = high_value ? KS_QUADRANT_SUSTAIN : KS_QUADRANT_STREAMLINE;

      name = g_strdup_printf ("random %u", iteration);
      assert_case (ks_scoring_tier (&rules, ks_scoring_ka_score (&rules, ratings))
                   == exact_tier, name, "30 × score = %d", ka30);
      assert_case (ks_scoring_quadrant (ks_scoring_value (&rules, ratings),
                                        ks_scoring_growth (ratings), 50, 50)
                   == exact_quadrant, name, "value %.17g, growth %.17g",
                   ks_scoring_value (&rules, ratings), ks_scoring_growth (ratings));
    }
}

static void
test_quadrant (void)
{
  static const struct {
    const char *name;
    double value;
    double growth;
    double split_value;
    double split_growth;
    KsQuadrant expected;
  } cases[] = {
    { "top right", 100, 100, 50, 50, KS_QUADRANT_STRATEGIC },
    { "top left", 0, 100, 50, 50, KS_QUADRANT_GROW },
    { "bottom right", 100, 0, 50, 50, KS_QUADRANT_SUSTAIN },
    { "bottom left", 0, 0, 50, 50, KS_QUADRANT_STREAMLINE },
    { "on both lines", 50, 50, 50, 50, KS_QUADRANT_STRATEGIC },
    { "left of the value line", 49.99, 50, 50, 50, KS_QUADRANT_GROW },
    { "below the growth line", 50, 49.99, 50, 50, KS_QUADRANT_SUSTAIN },
    { "just below both lines", 49.99, 49.99, 50, 50, KS_QUADRANT_STREAMLINE },
    { "on the lines by float error", 50 - 1e-12, 50 - 1e-12, 50, 50,
      KS_QUADRANT_STRATEGIC },
    { "median lines, on both", 62.5, 40, 62.5, 40, KS_QUADRANT_STRATEGIC },
    { "median lines, left", 62.4, 40, 62.5, 40, KS_QUADRANT_GROW },
    { "median lines, below", 62.5, 39.9, 62.5, 40, KS_QUADRANT_SUSTAIN },
    { "median lines, both below", 10, 10, 62.5, 40, KS_QUADRANT_STREAMLINE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsQuadrant quadrant = ks_scoring_quadrant (cases[i].value, cases[i].growth,
                                                 cases[i].split_value,
                                                 cases[i].split_growth);

      assert_case (quadrant == cases[i].expected, cases[i].name,
                   "quadrant %d, expected %d", quadrant, cases[i].expected);
    }
}

static void
test_median (void)
{
  static const struct {
    const char *name;
    double values[6];
    gsize n;
    double expected;
  } cases[] = {
    { "empty", { 0 }, 0, 50 },
    { "one", { 7 }, 1, 7 },
    { "odd, unsorted", { 3, 1, 2 }, 3, 2 },
    { "even, unsorted", { 4, 1, 3, 2 }, 4, 2.5 },
    { "two equal", { 5, 5 }, 2, 5 },
    { "duplicates", { 10, 90, 50, 50, 20 }, 5, 50 },
    { "even, wide", { 100, 0, 0, 100, 30, 60 }, 6, 45 },
  };
  guint i;

  g_assert_cmpfloat (ks_scoring_median (NULL, 0), ==, 50);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double copy[G_N_ELEMENTS (cases[i].values)];

      memcpy (copy, cases[i].values, sizeof copy);
      assert_case_double (ks_scoring_median (copy, cases[i].n), cases[i].expected,
                          cases[i].name);
      assert_case (memcmp (copy, cases[i].values, sizeof copy) == 0, cases[i].name,
                   "the input was modified");
    }
}

static void
assert_labels_distinct (const char        *group,
                        const char * const *labels,
                        guint              n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", group, i);

      assert_case (labels[i] != NULL && labels[i][0] != '\0', name, "no label");
      assert_case (g_hash_table_add (seen, (gpointer) labels[i]), name,
                   "“%s” used twice", labels[i]);
    }
}

static void
test_labels (void)
{
  const char *criteria[KS_N_CRITERIA];
  const char *keys[KS_N_CRITERIA];
  const char *dimensions[KS_N_DIMENSIONS];
  const char *tiers[KS_N_TIERS];
  const char *quadrants[KS_N_QUADRANTS];
  const char *strategies[KS_N_QUADRANTS];
  guint i;

  for (i = 0; i < KS_N_CRITERIA; i++)
    {
      criteria[i] = ks_criterion_get_label (i);
      keys[i] = ks_criterion_get_key (i);
    }
  for (i = 0; i < KS_N_DIMENSIONS; i++)
    dimensions[i] = ks_dimension_get_label (i);
  for (i = 0; i < KS_N_TIERS; i++)
    tiers[i] = ks_tier_get_label (i);
  for (i = 0; i < KS_N_QUADRANTS; i++)
    {
      quadrants[i] = ks_quadrant_get_label (i);
      strategies[i] = ks_quadrant_get_strategy (i);
    }

  assert_labels_distinct ("criterion", criteria, KS_N_CRITERIA);
  assert_labels_distinct ("criterion key", keys, KS_N_CRITERIA);
  assert_labels_distinct ("dimension", dimensions, KS_N_DIMENSIONS);
  assert_labels_distinct ("tier", tiers, KS_N_TIERS);
  assert_labels_distinct ("quadrant", quadrants, KS_N_QUADRANTS);
  assert_labels_distinct ("strategy", strategies, KS_N_QUADRANTS);

  /* The source strings, as the glossary has them. */
  g_assert_cmpstr (ks_tier_get_label (KS_TIER_CORE), ==, "Core");
  g_assert_cmpstr (ks_tier_get_label (KS_TIER_STANDARD), ==, "Standard");
  g_assert_cmpstr (ks_quadrant_get_label (KS_QUADRANT_STRATEGIC), ==, "Strategic");
  g_assert_cmpstr (ks_quadrant_get_label (KS_QUADRANT_STREAMLINE), ==, "Streamline");
  g_assert_cmpstr (ks_dimension_get_label (KS_DIMENSION_SCALE), ==, "Scale & value");
  g_assert_cmpstr (ks_criterion_get_label (KS_CRITERION_GROWTH), ==,
                   "Growth expectation (3–5 years)");
}

static gboolean
has_script (const char     *text,
            GUnicodeScript  script)
{
  const char *p;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_get_script (g_utf8_get_char (p)) == script)
        return TRUE;
    }

  return FALSE;
}

static void
test_sample_spread (void)
{
  g_autoptr(GPtrArray) accounts = ks_sample_create_accounts ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  guint tiers[KS_N_TIERS] = { 0 };
  guint quadrants[KS_N_QUADRANTS] = { 0 };
  guint n_chinese = 0;
  guint n_latin = 0;
  guint n_foreign_currency = 0;
  KsScoringRules rules;
  guint i;

  g_assert_nonnull (accounts);
  g_assert_cmpuint (accounts->len, >=, 25);
  g_assert_cmpuint (accounts->len, <=, 35);

  ks_scoring_rules_init_default (&rules);

  for (i = 0; i < accounts->len; i++)
    {
      KsAccount *account = g_ptr_array_index (accounts, i);
      const char *name = ks_account_get_name (account);
      const guint8 *ratings = ks_account_get_ratings (account);
      g_autoptr(GError) error = NULL;
      double ka_score;
      double value;
      double growth;
      KsTier tier;
      KsQuadrant quadrant;
      guint c;

      g_assert_true (KS_IS_ACCOUNT (account));
      assert_case (name != NULL && name[0] != '\0', "sample", "account %u has no name", i);
      assert_case (ks_account_validate (account, &error), name, "invalid: %s",
                   error ? error->message : "");
      assert_case (g_hash_table_add (names, (gpointer) ks_account_get_name_key (account)),
                   name, "name used twice");
      assert_case (ks_account_get_id (account) <= 0, name, "has an id");
      assert_case (ks_account_get_annual_purchases (account) > 0, name, "no purchases");
      assert_case (ks_account_get_owner (account)[0] != '\0', name, "no owner");
      assert_case (ks_account_get_industry (account)[0] != '\0', name, "no industry");
      assert_case (ks_account_get_region (account)[0] != '\0', name, "no region");
      assert_case (ks_account_get_notes (account)[0] != '\0', name, "no notes");
      assert_case (ks_account_get_tier_override (account) == KS_TIER_NONE, name,
                   "has a tier override");
      g_hash_table_add (owners, (gpointer) ks_account_get_owner (account));

      if (has_script (name, G_UNICODE_SCRIPT_HAN))
        n_chinese++;
      else if (has_script (name, G_UNICODE_SCRIPT_LATIN))
        n_latin++;
      if (g_strcmp0 (ks_account_get_currency (account), "CNY") != 0)
        n_foreign_currency++;

      for (c = 0; c < KS_N_CRITERIA; c++)
        assert_case (ratings[c] <= KS_RATING_MAX, name, "rating %u is %u", c, ratings[c]);

      ka_score = ks_scoring_ka_score (&rules, ratings);
      value = ks_scoring_value (&rules, ratings);
      growth = ks_scoring_growth (ratings);
      tier = ks_scoring_tier (&rules, ka_score);
      quadrant = ks_scoring_quadrant (value, growth, 50, 50);
      tiers[tier]++;
      quadrants[quadrant]++;

      /* What the views show agrees with the scoring functions. */
      ks_account_apply_scores (account, &rules, 50, 50);
      assert_case_double (ks_account_get_ka_score (account), ka_score, name);
      assert_case (ks_account_get_tier (account) == tier, name, "account tier differs");
      assert_case (ks_account_get_quadrant (account) == quadrant, name,
                   "account quadrant differs");
    }

  g_assert_cmpuint (n_chinese, >, 0);
  g_assert_cmpuint (n_latin, >, 0);
  g_assert_cmpuint (n_foreign_currency, >, 0);
  g_assert_cmpuint (g_hash_table_size (owners), >=, 2);

  for (i = 0; i < KS_N_TIERS; i++)
    assert_case (tiers[i] > 0, ks_tier_get_label (i), "no sample account in this tier");
  for (i = 0; i < KS_N_QUADRANTS; i++)
    assert_case (quadrants[i] > 0, ks_quadrant_get_label (i),
                 "no sample account in this quadrant");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/scoring/default-rules", test_default_rules);
  g_test_add_func ("/keystone/scoring/validate", test_validate);
  g_test_add_func ("/keystone/scoring/criteria", test_criteria);
  g_test_add_func ("/keystone/scoring/dimension-score", test_dimension_score);
  g_test_add_func ("/keystone/scoring/ka-score", test_ka_score);
  g_test_add_func ("/keystone/scoring/value-growth", test_value_growth);
  g_test_add_func ("/keystone/scoring/tier", test_tier);
  g_test_add_func ("/keystone/scoring/tier-on-threshold", test_tier_on_threshold);
  g_test_add_func ("/keystone/scoring/exact-boundaries", test_exact_boundaries);
  g_test_add_func ("/keystone/scoring/quadrant", test_quadrant);
  g_test_add_func ("/keystone/scoring/median", test_median);
  g_test_add_func ("/keystone/scoring/labels", test_labels);
  g_test_add_func ("/keystone/scoring/sample-spread", test_sample_spread);

  return g_test_run ();
}
