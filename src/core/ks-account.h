/* ks-account.h — one account of the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ks-account-plan.h"
#include "ks-scoring.h"

G_BEGIN_DECLS

#define KS_TYPE_ACCOUNT (ks_account_get_type ())

G_DECLARE_FINAL_TYPE (KsAccount, ks_account, KS, ACCOUNT, GObject)

/* Longest text the editor and the store accept, in characters. */
#define KS_ACCOUNT_NAME_MAX   200
#define KS_ACCOUNT_FIELD_MAX  200
#define KS_ACCOUNT_NOTES_MAX  100000

/* The stored fields of one account as plain data, as a file or the database has them:
 * cheap to hold by the hundred thousand. */
typedef struct
{
  guint64 line;                    /* where it came from, for messages */
  guint present;                   /* bit (1 << KsColumn) for each column the file had */
  char *name;
  char *industry;
  char *region;
  char *owner;
  char *notes;
  char currency[4];
  gint64 annual_purchases;
  double profit_contribution;
  double revenue_share;
  guint8 ratings[KS_N_CRITERIA];
  int tier_override;               /* KsTier or KS_TIER_NONE */
} KsAccountRow;

/* Frees the strings of @row (not @row itself). */
void         ks_account_row_clear           (KsAccountRow     *row);

KsAccount   *ks_account_new                 (void);
/* An account with @id and the values of @row (NULL texts are empty), scored as by
 * ks_account_apply_scores(), all without a notification each, since nobody watches an
 * account that is being made: what the store builds for every account it reads. */
KsAccount   *ks_account_new_from_row        (gint64                id,
                                             const KsAccountRow   *row,
                                             const KsScoringRules *rules,
                                             double                split_value,
                                             double                split_growth);
/* A detached copy for editing: same id, same values, scores included. */
KsAccount   *ks_account_copy                (KsAccount        *self);
/* Copies every stored field (not the id) of @from into @self, notifying what changed. */
void         ks_account_assign              (KsAccount        *self,
                                             KsAccount        *from);

gint64       ks_account_get_id              (KsAccount        *self);
void         ks_account_set_id              (KsAccount        *self,
                                             gint64            id);
const char  *ks_account_get_name            (KsAccount        *self);
void         ks_account_set_name            (KsAccount        *self,
                                             const char       *name);
const char  *ks_account_get_industry        (KsAccount        *self);
void         ks_account_set_industry        (KsAccount        *self,
                                             const char       *industry);
const char  *ks_account_get_region          (KsAccount        *self);
void         ks_account_set_region          (KsAccount        *self,
                                             const char       *region);
const char  *ks_account_get_owner           (KsAccount        *self);
void         ks_account_set_owner           (KsAccount        *self,
                                             const char       *owner);
const char  *ks_account_get_currency        (KsAccount        *self);
void         ks_account_set_currency        (KsAccount        *self,
                                             const char       *currency);
/* Minor units of the account's currency. */
gint64       ks_account_get_annual_purchases (KsAccount       *self);
void         ks_account_set_annual_purchases (KsAccount       *self,
                                              gint64           minor);
/* Percent, 0–100. */
double       ks_account_get_profit_contribution (KsAccount    *self);
void         ks_account_set_profit_contribution (KsAccount    *self,
                                                 double        percent);
double       ks_account_get_revenue_share   (KsAccount        *self);
void         ks_account_set_revenue_share   (KsAccount        *self,
                                             double            percent);
const char  *ks_account_get_notes           (KsAccount        *self);
void         ks_account_set_notes           (KsAccount        *self,
                                             const char       *notes);
guint        ks_account_get_rating          (KsAccount        *self,
                                             KsCriterion       criterion);
void         ks_account_set_rating          (KsAccount        *self,
                                             KsCriterion       criterion,
                                             guint             rating);
const guint8 *ks_account_get_ratings        (KsAccount        *self);
/* A KsTier, or KS_TIER_NONE when the tier follows the score. */
int          ks_account_get_tier_override   (KsAccount        *self);
void         ks_account_set_tier_override   (KsAccount        *self,
                                             int               tier);

/* Computed by ks_account_apply_scores(); read-only properties for the views. */
double       ks_account_get_ka_score        (KsAccount        *self);
double       ks_account_get_value_score     (KsAccount        *self);
double       ks_account_get_growth_score    (KsAccount        *self);
/* The tier shown: the override when there is one, else the score's. */
KsTier       ks_account_get_tier            (KsAccount        *self);
KsTier       ks_account_get_scored_tier     (KsAccount        *self);
KsQuadrant   ks_account_get_quadrant        (KsAccount        *self);
void         ks_account_apply_scores        (KsAccount            *self,
                                             const KsScoringRules *rules,
                                             double                split_value,
                                             double                split_growth);

/* Case-folded, normalised name: what duplicates and search compare. */
const char  *ks_account_get_name_key        (KsAccount        *self);
/* Whether the account matches a search already passed through ks_account_fold(). */
gboolean     ks_account_matches             (KsAccount        *self,
                                             const char       *folded_query);
/* The same for a name key (ks_account_get_name_key()) read without its account. */
gboolean     ks_account_key_matches         (const char       *name_key,
                                             const char       *folded_query);
/* NFKC, case-folded, trimmed: the form names are compared in. Quick for names in
 * ASCII and CJK ideographs, which need no Unicode tables. */
char        *ks_account_fold                (const char       *text);

/* Checks the values a user typed; the message names the field. */
/* The plan's year-to-date attainment, health and alerts, as the store last computed
 * them; all zero for an account without a plan. Setting notifies "health" when anything
 * in it changed, and returns TRUE then. Callers zero-fill @summary (it is compared byte
 * for byte). */
const KsPlanSummary *ks_account_get_plan_summary (KsAccount       *self);
gboolean     ks_account_set_plan_summary    (KsAccount           *self,
                                             const KsPlanSummary *summary);

gboolean     ks_account_validate            (KsAccount        *self,
                                             GError          **error);

G_END_DECLS
