/* ks-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-error.h"
#include "ks-money.h"

struct _KsAccount
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *name_key;
  char *industry;
  char *region;
  char *owner;
  char *currency;
  char *notes;
  gint64 annual_purchases;
  double profit_contribution;
  double revenue_share;
  guint8 ratings[KS_N_CRITERIA];
  int tier_override;

  /* computed */
  double ka_score;
  double value_score;
  double growth_score;
  KsTier scored_tier;
  KsQuadrant quadrant;
  KsPlanSummary plan_summary;   /* set by the store */
};

G_DEFINE_FINAL_TYPE (KsAccount, ks_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_INDUSTRY,
  PROP_REGION,
  PROP_OWNER,
  PROP_CURRENCY,
  PROP_ANNUAL_PURCHASES,
  PROP_PROFIT_CONTRIBUTION,
  PROP_REVENUE_SHARE,
  PROP_NOTES,
  PROP_TIER_OVERRIDE,
  PROP_KA_SCORE,
  PROP_VALUE_SCORE,
  PROP_GROWTH_SCORE,
  PROP_TIER,
  PROP_QUADRANT,
  PROP_HEALTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the text fields of a new account point to: shared and never freed, so that making
 * an account (100 000 of them when a portfolio loads) allocates no empty strings. */
static char empty_text[] = "";
static char default_currency[] = "CNY";

static void
free_text (char *text)
{
  if (text != empty_text && text != default_currency)
    g_free (text);
}

/* Sets *field to a copy of @value and notifies @prop when they differ. */
static gboolean
set_string (KsAccount   *self,
            char       **field,
            const char  *value,
            int          prop)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  free_text (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
ks_account_finalize (GObject *object)
{
  KsAccount *self = (KsAccount *)object;

  g_clear_pointer (&self->name, free_text);
  g_clear_pointer (&self->name_key, free_text);
  g_clear_pointer (&self->industry, free_text);
  g_clear_pointer (&self->region, free_text);
  g_clear_pointer (&self->owner, free_text);
  g_clear_pointer (&self->currency, free_text);
  g_clear_pointer (&self->notes, free_text);

  G_OBJECT_CLASS (ks_account_parent_class)->finalize (object);
}

static void
ks_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KsAccount *self = KS_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_INDUSTRY:
      g_value_set_string (value, self->industry);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_ANNUAL_PURCHASES:
      g_value_set_int64 (value, self->annual_purchases);
      break;
    case PROP_PROFIT_CONTRIBUTION:
      g_value_set_double (value, self->profit_contribution);
      break;
    case PROP_REVENUE_SHARE:
      g_value_set_double (value, self->revenue_share);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_TIER_OVERRIDE:
      g_value_set_int (value, self->tier_override);
      break;
    case PROP_KA_SCORE:
      g_value_set_double (value, self->ka_score);
      break;
    case PROP_VALUE_SCORE:
      g_value_set_double (value, self->value_score);
      break;
    case PROP_GROWTH_SCORE:
      g_value_set_double (value, self->growth_score);
      break;
    case PROP_TIER:
      g_value_set_int (value, ks_account_get_tier (self));
      break;
    case PROP_QUADRANT:
      g_value_set_int (value, self->quadrant);
      break;
    case PROP_HEALTH:
      g_value_set_double (value, self->plan_summary.has_health ? self->plan_summary.health
                                                               : -1.0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KsAccount *self = KS_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ks_account_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      ks_account_set_name (self, g_value_get_string (value));
      break;
    case PROP_INDUSTRY:
      ks_account_set_industry (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      ks_account_set_region (self, g_value_get_string (value));
      break;
    case PROP_OWNER:
      ks_account_set_owner (self, g_value_get_string (value));
      break;
    case PROP_CURRENCY:
      ks_account_set_currency (self, g_value_get_string (value));
      break;
    case PROP_ANNUAL_PURCHASES:
      ks_account_set_annual_purchases (self, g_value_get_int64 (value));
      break;
    case PROP_PROFIT_CONTRIBUTION:
      ks_account_set_profit_contribution (self, g_value_get_double (value));
      break;
    case PROP_REVENUE_SHARE:
      ks_account_set_revenue_share (self, g_value_get_double (value));
      break;
    case PROP_NOTES:
      ks_account_set_notes (self, g_value_get_string (value));
      break;
    case PROP_TIER_OVERRIDE:
      ks_account_set_tier_override (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_account_class_init (KsAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ks_account_finalize;
  object_class->get_property = ks_account_get_property;
  object_class->set_property = ks_account_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_INDUSTRY] = g_param_spec_string ("industry", NULL, NULL, "", rw);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, "", rw);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", rw);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, "CNY", rw);
  properties[PROP_ANNUAL_PURCHASES] =
    g_param_spec_int64 ("annual-purchases", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_PROFIT_CONTRIBUTION] =
    g_param_spec_double ("profit-contribution", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_REVENUE_SHARE] =
    g_param_spec_double ("revenue-share", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_TIER_OVERRIDE] =
    g_param_spec_int ("tier-override", NULL, NULL,
                      KS_TIER_NONE, KS_N_TIERS - 1, KS_TIER_NONE, rw);
  properties[PROP_KA_SCORE] = g_param_spec_double ("ka-score", NULL, NULL, 0, 100, 0, ro);
  properties[PROP_VALUE_SCORE] =
    g_param_spec_double ("value-score", NULL, NULL, 0, 100, 0, ro);
  properties[PROP_GROWTH_SCORE] =
    g_param_spec_double ("growth-score", NULL, NULL, 0, 100, 0, ro);
  properties[PROP_TIER] =
    g_param_spec_int ("tier", NULL, NULL, 0, KS_N_TIERS - 1, KS_TIER_STANDARD, ro);
  properties[PROP_QUADRANT] =
    g_param_spec_int ("quadrant", NULL, NULL, 0, KS_N_QUADRANTS - 1, KS_QUADRANT_STREAMLINE, ro);
  /* The plan's health score, -1 without one; notified whenever the plan summary (health,
   * year-to-date attainment or alerts) changes. */
  properties[PROP_HEALTH] =
    g_param_spec_double ("health", NULL, NULL, -1.0, 100.0, -1.0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ks_account_init (KsAccount *self)
{
  self->name = empty_text;
  self->name_key = empty_text;
  self->industry = empty_text;
  self->region = empty_text;
  self->owner = empty_text;
  self->currency = default_currency;
  self->notes = empty_text;
  self->tier_override = KS_TIER_NONE;
  self->scored_tier = KS_TIER_STANDARD;
  self->quadrant = KS_QUADRANT_STREAMLINE;
}

KsAccount *
ks_account_new (void)
{
  return g_object_new (KS_TYPE_ACCOUNT, NULL);
}

typedef struct
{
  double ka_score;
  double value_score;
  double growth_score;
  KsTier scored_tier;
  KsQuadrant quadrant;
} Scores;

static void
compute_scores (KsAccount            *self,
                const KsScoringRules *rules,
                double                split_value,
                double                split_growth,
                Scores               *scores)
{
  scores->ka_score = ks_scoring_ka_score (rules, self->ratings);
  scores->value_score = ks_scoring_value (rules, self->ratings);
  scores->growth_score = ks_scoring_growth (self->ratings);
  scores->scored_tier = ks_scoring_tier (rules, scores->ka_score);
  scores->quadrant = ks_scoring_quadrant (scores->value_score, scores->growth_score,
                                          split_value, split_growth);
}

static void
take_text (char       **field,
           const char  *value)
{
  free_text (*field);
  *field = g_strdup (value != NULL ? value : "");
}

KsAccount *
ks_account_new_from_row (gint64                id,
                         const KsAccountRow   *row,
                         const KsScoringRules *rules,
                         double                split_value,
                         double                split_growth)
{
  KsAccount *self;
  Scores scores;

  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (row->tier_override >= KS_TIER_NONE
                        && row->tier_override < KS_N_TIERS, NULL);

  self = g_object_new (KS_TYPE_ACCOUNT, NULL);
  self->id = id;
  take_text (&self->name, row->name);
  free_text (self->name_key);
  self->name_key = ks_account_fold (self->name);
  take_text (&self->industry, row->industry);
  take_text (&self->region, row->region);
  take_text (&self->owner, row->owner);
  take_text (&self->currency, row->currency);
  take_text (&self->notes, row->notes);
  self->annual_purchases = row->annual_purchases;
  self->profit_contribution = row->profit_contribution;
  self->revenue_share = row->revenue_share;
  memcpy (self->ratings, row->ratings, sizeof self->ratings);
  self->tier_override = row->tier_override;

  compute_scores (self, rules, split_value, split_growth, &scores);
  self->ka_score = scores.ka_score;
  self->value_score = scores.value_score;
  self->growth_score = scores.growth_score;
  self->scored_tier = scores.scored_tier;
  self->quadrant = scores.quadrant;

  return self;
}

void
ks_account_row_clear (KsAccountRow *row)
{
  g_return_if_fail (row != NULL);

  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->industry, g_free);
  g_clear_pointer (&row->region, g_free);
  g_clear_pointer (&row->owner, g_free);
  g_clear_pointer (&row->notes, g_free);
}

KsAccount *
ks_account_copy (KsAccount *self)
{
  KsAccount *copy;

  g_return_val_if_fail (KS_IS_ACCOUNT (self), NULL);

  copy = ks_account_new ();
  copy->id = self->id;
  ks_account_assign (copy, self);
  copy->ka_score = self->ka_score;
  copy->value_score = self->value_score;
  copy->growth_score = self->growth_score;
  copy->scored_tier = self->scored_tier;
  copy->quadrant = self->quadrant;
  copy->plan_summary = self->plan_summary;
  return copy;
}

void
ks_account_assign (KsAccount *self,
                   KsAccount *from)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));
  g_return_if_fail (KS_IS_ACCOUNT (from));

  g_object_freeze_notify (G_OBJECT (self));
  ks_account_set_name (self, from->name);
  ks_account_set_industry (self, from->industry);
  ks_account_set_region (self, from->region);
  ks_account_set_owner (self, from->owner);
  ks_account_set_currency (self, from->currency);
  ks_account_set_annual_purchases (self, from->annual_purchases);
  ks_account_set_profit_contribution (self, from->profit_contribution);
  ks_account_set_revenue_share (self, from->revenue_share);
  ks_account_set_notes (self, from->notes);
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    ks_account_set_rating (self, i, from->ratings[i]);
  ks_account_set_tier_override (self, from->tier_override);
  g_object_thaw_notify (G_OBJECT (self));
}

const KsPlanSummary *
ks_account_get_plan_summary (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), NULL);
  return &self->plan_summary;
}

gboolean
ks_account_set_plan_summary (KsAccount           *self,
                             const KsPlanSummary *summary)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  if (memcmp (&self->plan_summary, summary, sizeof *summary) == 0)
    return FALSE;
  self->plan_summary = *summary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH]);
  return TRUE;
}

gint64
ks_account_get_id (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->id;
}

void
ks_account_set_id (KsAccount *self,
                   gint64     id)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ks_account_get_name (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), NULL);
  return self->name;
}

void
ks_account_set_name (KsAccount  *self,
                     const char *name)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));

  if (set_string (self, &self->name, name, PROP_NAME))
    {
      free_text (self->name_key);
      self->name_key = ks_account_fold (self->name);
    }
}

#define STRING_ACCESSORS(field, PROP)                                   \
  const char *                                                          \
  ks_account_get_##field (KsAccount *self)                              \
  {                                                                     \
    g_return_val_if_fail (KS_IS_ACCOUNT (self), NULL);                  \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  ks_account_set_##field (KsAccount  *self,                             \
                          const char *value)                            \
  {                                                                     \
    g_return_if_fail (KS_IS_ACCOUNT (self));                            \
    set_string (self, &self->field, value, PROP);                       \
  }

STRING_ACCESSORS (industry, PROP_INDUSTRY)
STRING_ACCESSORS (region, PROP_REGION)
STRING_ACCESSORS (owner, PROP_OWNER)
STRING_ACCESSORS (notes, PROP_NOTES)

#undef STRING_ACCESSORS

const char *
ks_account_get_currency (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), NULL);
  return self->currency;
}

void
ks_account_set_currency (KsAccount  *self,
                         const char *currency)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));
  set_string (self, &self->currency, currency ? currency : "CNY", PROP_CURRENCY);
}

gint64
ks_account_get_annual_purchases (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->annual_purchases;
}

void
ks_account_set_annual_purchases (KsAccount *self,
                                 gint64     minor)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));

  if (self->annual_purchases == minor)
    return;
  self->annual_purchases = minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNUAL_PURCHASES]);
}

double
ks_account_get_profit_contribution (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->profit_contribution;
}

void
ks_account_set_profit_contribution (KsAccount *self,
                                    double     percent)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));

  if (self->profit_contribution == percent)
    return;
  self->profit_contribution = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFIT_CONTRIBUTION]);
}

double
ks_account_get_revenue_share (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->revenue_share;
}

void
ks_account_set_revenue_share (KsAccount *self,
                              double     percent)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));

  if (self->revenue_share == percent)
    return;
  self->revenue_share = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVENUE_SHARE]);
}

guint
ks_account_get_rating (KsAccount   *self,
                       KsCriterion  criterion)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  g_return_val_if_fail (criterion < KS_N_CRITERIA, 0);
  return self->ratings[criterion];
}

/* Ratings have no property of their own: a changed rating is announced as a change
 * of the scores that depend on it, once ks_account_apply_scores() has run. */
void
ks_account_set_rating (KsAccount   *self,
                       KsCriterion  criterion,
                       guint        rating)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));
  g_return_if_fail (criterion < KS_N_CRITERIA);

  self->ratings[criterion] = MIN (rating, 255);
}

const guint8 *
ks_account_get_ratings (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), NULL);
  return self->ratings;
}

int
ks_account_get_tier_override (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), KS_TIER_NONE);
  return self->tier_override;
}

void
ks_account_set_tier_override (KsAccount *self,
                              int        tier)
{
  g_return_if_fail (KS_IS_ACCOUNT (self));
  g_return_if_fail (tier >= KS_TIER_NONE && tier < KS_N_TIERS);

  if (self->tier_override == tier)
    return;
  self->tier_override = tier;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER_OVERRIDE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
}

double
ks_account_get_ka_score (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->ka_score;
}

double
ks_account_get_value_score (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->value_score;
}

double
ks_account_get_growth_score (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), 0);
  return self->growth_score;
}

KsTier
ks_account_get_tier (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), KS_TIER_STANDARD);

  if (self->tier_override != KS_TIER_NONE)
    return self->tier_override;
  return self->scored_tier;
}

KsTier
ks_account_get_scored_tier (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), KS_TIER_STANDARD);
  return self->scored_tier;
}

KsQuadrant
ks_account_get_quadrant (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), KS_QUADRANT_STREAMLINE);
  return self->quadrant;
}

void
ks_account_apply_scores (KsAccount            *self,
                         const KsScoringRules *rules,
                         double                split_value,
                         double                split_growth)
{
  GObject *object = G_OBJECT (self);
  Scores scores;
  KsTier old_tier;

  g_return_if_fail (KS_IS_ACCOUNT (self));
  g_return_if_fail (rules != NULL);

  compute_scores (self, rules, split_value, split_growth, &scores);

  /* Re-scoring a portfolio leaves most accounts as they were: nothing to announce. */
  if (self->ka_score == scores.ka_score && self->value_score == scores.value_score
      && self->growth_score == scores.growth_score && self->scored_tier == scores.scored_tier
      && self->quadrant == scores.quadrant)
    return;

  old_tier = ks_account_get_tier (self);

  g_object_freeze_notify (object);
  if (self->ka_score != scores.ka_score)
    {
      self->ka_score = scores.ka_score;
      g_object_notify_by_pspec (object, properties[PROP_KA_SCORE]);
    }
  if (self->value_score != scores.value_score)
    {
      self->value_score = scores.value_score;
      g_object_notify_by_pspec (object, properties[PROP_VALUE_SCORE]);
    }
  if (self->growth_score != scores.growth_score)
    {
      self->growth_score = scores.growth_score;
      g_object_notify_by_pspec (object, properties[PROP_GROWTH_SCORE]);
    }
  self->scored_tier = scores.scored_tier;
  if (ks_account_get_tier (self) != old_tier)
    g_object_notify_by_pspec (object, properties[PROP_TIER]);
  if (self->quadrant != scores.quadrant)
    {
      self->quadrant = scores.quadrant;
      g_object_notify_by_pspec (object, properties[PROP_QUADRANT]);
    }
  g_object_thaw_notify (object);
}

const char *
ks_account_get_name_key (KsAccount *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), NULL);
  return self->name_key;
}

/* Whether @text holds only ASCII and CJK ideographs (U+3400–U+9FFF), what most names
 * are written in: NFKC and case folding leave those as they are, but for the case of
 * ASCII letters. Checks the UTF-8 on the way: a lead byte E3–E9 cannot start an
 * overlong form or a surrogate, so two continuation bytes make it well-formed. */
static gboolean
is_ascii_or_cjk (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      guint32 c;

      if (*p < 0x80)
        continue;
      if (*p < 0xe3 || *p > 0xe9 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
        return FALSE;
      c = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu);
      if (c < 0x3400 || c > 0x9fff)
        return FALSE;
      p += 2;
    }

  return TRUE;
}

char *
ks_account_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  /* Loading or importing a large portfolio folds every name: for ASCII and CJK,
   * lower-case and collapse spaces byte by byte, without the Unicode tables. */
  if (is_ascii_or_cjk (text))
    {
      out = g_string_sized_new (strlen (text));
      for (const char *p = text; *p; p++)
        {
          if (g_ascii_isspace (*p))
            {
              space = out->len > 0;
              continue;
            }
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, g_ascii_tolower (*p));
        }
      return g_string_free (out, FALSE);
    }

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  folded = g_utf8_casefold (normalized, -1);

  /* Collapse runs of white space to one space and trim both ends. */
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
ks_account_matches (KsAccount  *self,
                    const char *folded_query)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), FALSE);

  return ks_account_key_matches (self->name_key, folded_query);
}

gboolean
ks_account_key_matches (const char *name_key,
                        const char *folded_query)
{
  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  return name_key != NULL && strstr (name_key, folded_query) != NULL;
}

static gboolean
validate_text (const char  *text,
               gsize        max_chars,
               const char  *field,
               GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is a field name, e.g. “Industry” */
                   _("The text in “%s” contains characters that cannot be read. Type it again."), field);
      return FALSE;
    }
  if ((gsize) g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is a field name, %u a number of characters */
                   _("The text in “%s” is too long: at most %u characters."),
                   field, (guint) max_chars);
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_account_validate (KsAccount  *self,
                     GError    **error)
{
  g_return_val_if_fail (KS_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*self->name_key == '\0')
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The account needs a name."));
      return FALSE;
    }
  if (!validate_text (self->name, KS_ACCOUNT_NAME_MAX, _("Name"), error) ||
      !validate_text (self->industry, KS_ACCOUNT_FIELD_MAX, _("Industry"), error) ||
      !validate_text (self->region, KS_ACCOUNT_FIELD_MAX, _("Region"), error) ||
      !validate_text (self->owner, KS_ACCOUNT_FIELD_MAX, _("Owner"), error) ||
      !validate_text (self->notes, KS_ACCOUNT_NOTES_MAX, _("Notes"), error))
    return FALSE;

  if (!ks_currency_is_valid (self->currency))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   _("“%s” is not a currency Keystone knows."), self->currency);
      return FALSE;
    }
  if (self->annual_purchases < 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("Annual purchases cannot be negative."));
      return FALSE;
    }
  if (self->annual_purchases > KS_MONEY_MAX)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("Annual purchases are too large."));
      return FALSE;
    }
  if (!(self->profit_contribution >= 0 && self->profit_contribution <= 100) ||
      !(self->revenue_share >= 0 && self->revenue_share <= 100))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("A percentage must be between 0 and 100."));
      return FALSE;
    }
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    if (self->ratings[i] > KS_RATING_MAX)
      {
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     /* Translators: %s is a criterion, e.g. “Need fit” */
                     _("%s must be rated from 0 to 5."), ks_criterion_get_label (i));
        return FALSE;
      }

  return TRUE;
}
