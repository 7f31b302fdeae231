/* ks-scoring.h — KA score, tier and quadrant: pure functions, no I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The four dimensions of the KA score (DESIGN.md, duty 1). */
typedef enum
{
  KS_DIMENSION_SCALE,         /* scale & value */
  KS_DIMENSION_STRATEGIC,     /* strategic significance */
  KS_DIMENSION_COOPERATION,   /* cooperation potential */
  KS_DIMENSION_RELATIONSHIP,  /* relationship depth */
  KS_N_DIMENSIONS
} KsDimension;

/* The eleven sub-criteria, each rated 0–5 by the team leader. */
typedef enum
{
  KS_CRITERION_PURCHASES,       /* scale: annual purchases */
  KS_CRITERION_PROFIT,          /* scale: profit contribution */
  KS_CRITERION_SHARE,           /* scale: share of our revenue */
  KS_CRITERION_INFLUENCE,       /* strategic: industry influence */
  KS_CRITERION_BENCHMARK,       /* strategic: benchmark effect */
  KS_CRITERION_CHANNEL,         /* strategic: channel value */
  KS_CRITERION_NEED_FIT,        /* cooperation: need fit */
  KS_CRITERION_GROWTH,          /* cooperation: 3–5 year growth expectation */
  KS_CRITERION_YEARS,           /* relationship: years of cooperation */
  KS_CRITERION_CONTACT_LEVEL,   /* relationship: highest contact level */
  KS_CRITERION_STABILITY,       /* relationship: stability */
  KS_N_CRITERIA
} KsCriterion;

#define KS_RATING_MAX 5

typedef enum
{
  KS_TIER_CORE,
  KS_TIER_KEY,
  KS_TIER_DEVELOPING,
  KS_TIER_STANDARD,
  KS_N_TIERS
} KsTier;

#define KS_TIER_NONE (-1)   /* no manual override */

typedef enum
{
  KS_QUADRANT_STRATEGIC,   /* high value, high growth */
  KS_QUADRANT_GROW,        /* low value, high growth */
  KS_QUADRANT_SUSTAIN,     /* high value, low growth */
  KS_QUADRANT_STREAMLINE,  /* low value, low growth */
  KS_N_QUADRANTS
} KsQuadrant;

typedef enum
{
  KS_SPLIT_FIXED,    /* split lines at 50/50 */
  KS_SPLIT_MEDIAN,   /* split lines at the portfolio medians */
} KsSplitMode;

/* The portfolio's scoring rules; they live in the database. */
typedef struct
{
  int weights[KS_N_DIMENSIONS];   /* whole percent, totalling 100 */
  int core_min;                   /* tier thresholds on the 0–100 score */
  int key_min;
  int developing_min;
  KsSplitMode split_mode;
} KsScoringRules;

void         ks_scoring_rules_init_default  (KsScoringRules       *rules);
gboolean     ks_scoring_rules_validate      (const KsScoringRules *rules,
                                             GError              **error);

KsDimension  ks_criterion_get_dimension     (KsCriterion           criterion);
const char  *ks_criterion_get_label         (KsCriterion           criterion);
const char  *ks_criterion_get_key           (KsCriterion           criterion);
const char  *ks_dimension_get_label         (KsDimension           dimension);

/* 0–100 for one dimension, the mean of its ratings scaled. */
double       ks_scoring_dimension_score     (const guint8          ratings[KS_N_CRITERIA],
                                             KsDimension           dimension);
/* 0–100, the weighted sum of the dimension scores. */
double       ks_scoring_ka_score            (const KsScoringRules *rules,
                                             const guint8          ratings[KS_N_CRITERIA]);
/* Quadrant x: scale & value and strategic significance, in their weights' proportion. */
double       ks_scoring_value               (const KsScoringRules *rules,
                                             const guint8          ratings[KS_N_CRITERIA]);
/* Quadrant y: cooperation potential. */
double       ks_scoring_growth              (const guint8          ratings[KS_N_CRITERIA]);

KsTier       ks_scoring_tier                (const KsScoringRules *rules,
                                             double                score);
KsQuadrant   ks_scoring_quadrant            (double                value,
                                             double                growth,
                                             double                split_value,
                                             double                split_growth);
/* Median of @n values (sorts a copy); 50 when @n is 0. */
double       ks_scoring_median              (const double         *values,
                                             gsize                 n);

const char  *ks_tier_get_label              (KsTier                tier);
const char  *ks_quadrant_get_label          (KsQuadrant            quadrant);
const char  *ks_quadrant_get_strategy       (KsQuadrant            quadrant);

G_END_DECLS
