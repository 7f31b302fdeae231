/* ks-scoring.c — KA score, tier and quadrant: pure functions, no I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ks-error.h"
#include "ks-scoring.h"

/* Scores are sums and quotients of small integers, so a score that is mathematically
 * on a threshold or split line may come out a few ulps below it. Comparisons allow
 * for that; nothing else is rounded. */
#define SCORE_EPSILON 1e-9

static const KsDimension criterion_dimensions[KS_N_CRITERIA] = {
  [KS_CRITERION_PURCHASES] = KS_DIMENSION_SCALE,
  [KS_CRITERION_PROFIT] = KS_DIMENSION_SCALE,
  [KS_CRITERION_SHARE] = KS_DIMENSION_SCALE,
  [KS_CRITERION_INFLUENCE] = KS_DIMENSION_STRATEGIC,
  [KS_CRITERION_BENCHMARK] = KS_DIMENSION_STRATEGIC,
  [KS_CRITERION_CHANNEL] = KS_DIMENSION_STRATEGIC,
  [KS_CRITERION_NEED_FIT] = KS_DIMENSION_COOPERATION,
  [KS_CRITERION_GROWTH] = KS_DIMENSION_COOPERATION,
  [KS_CRITERION_YEARS] = KS_DIMENSION_RELATIONSHIP,
  [KS_CRITERION_CONTACT_LEVEL] = KS_DIMENSION_RELATIONSHIP,
  [KS_CRITERION_STABILITY] = KS_DIMENSION_RELATIONSHIP,
};

/* Stable identifiers: database columns and CSV headers. Never translated. */
static const char * const criterion_keys[KS_N_CRITERIA] = {
  [KS_CRITERION_PURCHASES] = "purchases",
  [KS_CRITERION_PROFIT] = "profit",
  [KS_CRITERION_SHARE] = "share",
  [KS_CRITERION_INFLUENCE] = "influence",
  [KS_CRITERION_BENCHMARK] = "benchmark",
  [KS_CRITERION_CHANNEL] = "channel",
  [KS_CRITERION_NEED_FIT] = "need_fit",
  [KS_CRITERION_GROWTH] = "growth",
  [KS_CRITERION_YEARS] = "years",
  [KS_CRITERION_CONTACT_LEVEL] = "contact_level",
  [KS_CRITERION_STABILITY] = "stability",
};

static const char * const criterion_labels[KS_N_CRITERIA] = {
  /* Translators: a KA scoring criterion (scale & value), rated 0–5 */
  [KS_CRITERION_PURCHASES] = N_("Annual purchases"),
  /* Translators: a KA scoring criterion (scale & value), rated 0–5 */
  [KS_CRITERION_PROFIT] = N_("Profit contribution"),
  /* Translators: a KA scoring criterion (scale & value): the account's share of
   * our own revenue, rated 0–5 */
  [KS_CRITERION_SHARE] = N_("Share of our revenue"),
  /* Translators: a KA scoring criterion (strategic significance), rated 0–5 */
  [KS_CRITERION_INFLUENCE] = N_("Industry influence"),
  /* Translators: a KA scoring criterion (strategic significance): how much the
   * account serves as a reference for others, rated 0–5 */
  [KS_CRITERION_BENCHMARK] = N_("Benchmark effect"),
  /* Translators: a KA scoring criterion (strategic significance), rated 0–5 */
  [KS_CRITERION_CHANNEL] = N_("Channel value"),
  /* Translators: a KA scoring criterion (cooperation potential): how well the
   * account's needs match our offer, rated 0–5 */
  [KS_CRITERION_NEED_FIT] = N_("Need fit"),
  /* Translators: a KA scoring criterion (cooperation potential), rated 0–5 */
  [KS_CRITERION_GROWTH] = N_("Growth expectation (3–5 years)"),
  /* Translators: a KA scoring criterion (relationship depth), rated 0–5 */
  [KS_CRITERION_YEARS] = N_("Years of cooperation"),
  /* Translators: a KA scoring criterion (relationship depth): the highest level
   * at the account we talk to, rated 0–5 */
  [KS_CRITERION_CONTACT_LEVEL] = N_("Contact level"),
  /* Translators: a KA scoring criterion (relationship depth): stability of the
   * cooperation, rated 0–5 */
  [KS_CRITERION_STABILITY] = N_("Stability"),
};

static const char * const dimension_labels[KS_N_DIMENSIONS] = {
  /* Translators: one of the four dimensions of the KA score */
  [KS_DIMENSION_SCALE] = N_("Scale & value"),
  /* Translators: one of the four dimensions of the KA score */
  [KS_DIMENSION_STRATEGIC] = N_("Strategic significance"),
  /* Translators: one of the four dimensions of the KA score */
  [KS_DIMENSION_COOPERATION] = N_("Cooperation potential"),
  /* Translators: one of the four dimensions of the KA score */
  [KS_DIMENSION_RELATIONSHIP] = N_("Relationship depth"),
};

static const char * const tier_labels[KS_N_TIERS] = {
  /* Translators: tier names, not quadrants: the highest account tier */
  [KS_TIER_CORE] = N_("Core"),
  /* Translators: tier names, not quadrants: the second account tier */
  [KS_TIER_KEY] = N_("Key"),
  /* Translators: tier names, not quadrants: the third account tier */
  [KS_TIER_DEVELOPING] = N_("Developing"),
  /* Translators: tier names, not quadrants: the lowest account tier */
  [KS_TIER_STANDARD] = N_("Standard"),
};

static const char * const quadrant_labels[KS_N_QUADRANTS] = {
  /* Translators: quadrant names, not tiers: high value, high growth */
  [KS_QUADRANT_STRATEGIC] = N_("Strategic"),
  /* Translators: quadrant names, not tiers: low value, high growth */
  [KS_QUADRANT_GROW] = N_("Grow"),
  /* Translators: quadrant names, not tiers: high value, low growth */
  [KS_QUADRANT_SUSTAIN] = N_("Sustain"),
  /* Translators: quadrant names, not tiers: low value, low growth */
  [KS_QUADRANT_STREAMLINE] = N_("Streamline"),
};

static const char * const quadrant_strategies[KS_N_QUADRANTS] = {
  /* Translators: the strategy for the Strategic quadrant */
  [KS_QUADRANT_STRATEGIC] = N_("Strategic partnership and ecosystem co-building"),
  /* Translators: the strategy for the Grow quadrant */
  [KS_QUADRANT_GROW] = N_("Rapid penetration and share gain"),
  /* Translators: the strategy for the Sustain quadrant */
  [KS_QUADRANT_SUSTAIN] = N_("Protect and deepen; cross-sell and up-sell"),
  /* Translators: the strategy for the Streamline quadrant */
  [KS_QUADRANT_STREAMLINE] = N_("Serve efficiently; re-evaluate KA status"),
};

void
ks_scoring_rules_init_default (KsScoringRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->weights[KS_DIMENSION_SCALE] = 40;
  rules->weights[KS_DIMENSION_STRATEGIC] = 20;
  rules->weights[KS_DIMENSION_COOPERATION] = 25;
  rules->weights[KS_DIMENSION_RELATIONSHIP] = 15;
  rules->core_min = 80;
  rules->key_min = 65;
  rules->developing_min = 50;
  rules->split_mode = KS_SPLIT_FIXED;
}

gboolean
ks_scoring_rules_validate (const KsScoringRules  *rules,
                           GError               **error)
{
  static const KsTier tiers[] = { KS_TIER_CORE, KS_TIER_KEY, KS_TIER_DEVELOPING };
  int thresholds[G_N_ELEMENTS (tiers)];
  int total = 0;
  guint i;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (i = 0; i < KS_N_DIMENSIONS; i++)
    {
      if (rules->weights[i] < 0 || rules->weights[i] > 100)
        {
          g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                       /* Translators: %s is a dimension such as “Scale & value” */
                       _("The weight of “%s” must be between 0 and 100 %%."),
                       ks_dimension_get_label (i));
          return FALSE;
        }
      total += rules->weights[i];
    }

  if (total != 100)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %d is the sum of the four weights the user typed */
                   _("The weights add up to %d %%; they must total 100 %%."),
                   total);
      return FALSE;
    }

  thresholds[0] = rules->core_min;
  thresholds[1] = rules->key_min;
  thresholds[2] = rules->developing_min;

  for (i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      if (thresholds[i] < 1 || thresholds[i] > 100)
        {
          g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                       /* Translators: %s is a tier name such as “Core” */
                       _("The lowest score for “%s” must be between 1 and 100."),
                       ks_tier_get_label (tiers[i]));
          return FALSE;
        }
    }

  for (i = 1; i < G_N_ELEMENTS (tiers); i++)
    {
      if (thresholds[i - 1] <= thresholds[i])
        {
          g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                       /* Translators: the %s are tier names such as “Core” and “Key”,
                        * the %d their lowest scores as the user typed them */
                       _("The lowest score for “%s” (%d) must be higher than the one "
                         "for “%s” (%d)."),
                       ks_tier_get_label (tiers[i - 1]), thresholds[i - 1],
                       ks_tier_get_label (tiers[i]), thresholds[i]);
          return FALSE;
        }
    }

  if (rules->split_mode != KS_SPLIT_FIXED && rules->split_mode != KS_SPLIT_MEDIAN)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The quadrant lines must be at 50 or at the medians."));
      return FALSE;
    }

  return TRUE;
}

KsDimension
ks_criterion_get_dimension (KsCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < KS_N_CRITERIA, KS_DIMENSION_SCALE);

  return criterion_dimensions[criterion];
}

const char *
ks_criterion_get_label (KsCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < KS_N_CRITERIA, NULL);

  return _(criterion_labels[criterion]);
}

const char *
ks_criterion_get_key (KsCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < KS_N_CRITERIA, NULL);

  return criterion_keys[criterion];
}

const char *
ks_dimension_get_label (KsDimension dimension)
{
  g_return_val_if_fail ((guint) dimension < KS_N_DIMENSIONS, NULL);

  return _(dimension_labels[dimension]);
}

double
ks_scoring_dimension_score (const guint8 ratings[KS_N_CRITERIA],
                            KsDimension  dimension)
{
  guint sum = 0;
  guint n = 0;
  guint i;

  g_return_val_if_fail (ratings != NULL, 0.0);
  g_return_val_if_fail ((guint) dimension < KS_N_DIMENSIONS, 0.0);

  for (i = 0; i < KS_N_CRITERIA; i++)
    {
      if (criterion_dimensions[i] != dimension)
        continue;

      /* A rating above the scale (a damaged row) counts as the top of the scale,
       * so that no score leaves 0–100. */
      sum += MIN (ratings[i], KS_RATING_MAX);
      n++;
    }

  g_assert (n > 0);

  return (double) sum / n / KS_RATING_MAX * 100.0;
}

double
ks_scoring_ka_score (const KsScoringRules *rules,
                     const guint8          ratings[KS_N_CRITERIA])
{
  double score = 0.0;
  guint i;

  g_return_val_if_fail (rules != NULL, 0.0);
  g_return_val_if_fail (ratings != NULL, 0.0);

  for (i = 0; i < KS_N_DIMENSIONS; i++)
    score += rules->weights[i] * ks_scoring_dimension_score (ratings, i) / 100.0;

  return score;
}

double
ks_scoring_value (const KsScoringRules *rules,
                  const guint8          ratings[KS_N_CRITERIA])
{
  double scale;
  double strategic;
  int w_scale;
  int w_strategic;

  g_return_val_if_fail (rules != NULL, 0.0);
  g_return_val_if_fail (ratings != NULL, 0.0);

  scale = ks_scoring_dimension_score (ratings, KS_DIMENSION_SCALE);
  strategic = ks_scoring_dimension_score (ratings, KS_DIMENSION_STRATEGIC);
  w_scale = MAX (rules->weights[KS_DIMENSION_SCALE], 0);
  w_strategic = MAX (rules->weights[KS_DIMENSION_STRATEGIC], 0);

  if (w_scale + w_strategic == 0)
    return (scale + strategic) / 2.0;

  return (w_scale * scale + w_strategic * strategic) / (w_scale + w_strategic);
}

double
ks_scoring_growth (const guint8 ratings[KS_N_CRITERIA])
{
  g_return_val_if_fail (ratings != NULL, 0.0);

  return ks_scoring_dimension_score (ratings, KS_DIMENSION_COOPERATION);
}

KsTier
ks_scoring_tier (const KsScoringRules *rules,
                 double                score)
{
  g_return_val_if_fail (rules != NULL, KS_TIER_STANDARD);

  if (score + SCORE_EPSILON >= rules->core_min)
    return KS_TIER_CORE;
  if (score + SCORE_EPSILON >= rules->key_min)
    return KS_TIER_KEY;
  if (score + SCORE_EPSILON >= rules->developing_min)
    return KS_TIER_DEVELOPING;

  return KS_TIER_STANDARD;
}

KsQuadrant
ks_scoring_quadrant (double value,
                     double growth,
                     double split_value,
                     double split_growth)
{
  gboolean high_value = value + SCORE_EPSILON >= split_value;
  gboolean high_growth = growth + SCORE_EPSILON >= split_growth;

  if (high_growth)
    return high_value ? KS_QUADRANT_STRATEGIC : KS_QUADRANT_GROW;
  else
    return high_value ? KS_QUADRANT_SUSTAIN : KS_QUADRANT_STREAMLINE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

double
ks_scoring_median (const double *values,
                   gsize         n)
{
  g_autofree double *sorted = NULL;

  g_return_val_if_fail (values != NULL || n == 0, 50.0);

  if (n == 0)
    return 50.0;

  sorted = g_memdup2 (values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);

  if (n % 2 == 1)
    return sorted[n / 2];

  return (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

const char *
ks_tier_get_label (KsTier tier)
{
  g_return_val_if_fail ((guint) tier < KS_N_TIERS, NULL);

  return _(tier_labels[tier]);
}

const char *
ks_quadrant_get_label (KsQuadrant quadrant)
{
  g_return_val_if_fail ((guint) quadrant < KS_N_QUADRANTS, NULL);

  return _(quadrant_labels[quadrant]);
}

const char *
ks_quadrant_get_strategy (KsQuadrant quadrant)
{
  g_return_val_if_fail ((guint) quadrant < KS_N_QUADRANTS, NULL);

  return _(quadrant_strategies[quadrant]);
}
