/* ks-account-plan.h — one account's plan as plain data: targets and actuals, actions,
 * whitespace (products × this account), SWOT, risks. What the store reads and writes,
 * the account page shows, and Undo keeps. No I/O here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ks-contract.h"
#include "ks-plan.h"
#include "ks-relations.h"

G_BEGIN_DECLS

#define KS_PLAN_TEXT_MAX   2000   /* characters: an action title, a SWOT line, a risk */
#define KS_PLAN_NAME_MAX   200    /* characters: an owner, a product name */
#define KS_PLAN_RATING_MAX 20     /* characters: a credit rating ("AA-", "BBB") */

/* ---- Targets ------------------------------------------------------------------- */

/* One metric's targets and actuals for one year. Index 0 of @target is the annual
 * target, 1–4 the quarters; @actual[0] is unused (the annual actual is the sum, or for
 * a percentage metric the mean, of the quarters). A bit (1 << i) in @has_target /
 * @has_actual says that entry was set: 0 is a real target, not a missing one. */
typedef struct
{
  int            year;
  KsTargetMetric metric;
  guint8         has_target;
  guint8         has_actual;
  gint64         target[KS_PLAN_N_QUARTERS + 1];
  gint64         actual[KS_PLAN_N_QUARTERS + 1];
} KsTargetYear;

/* ---- Actions ------------------------------------------------------------------- */

typedef struct
{
  gint64          id;        /* 0 until stored */
  char           *title;
  char           *owner;
  char           *due;       /* "YYYY-MM-DD" or NULL */
  KsActionStatus  status;
  int             metric;    /* the KsTargetMetric it serves, or -1 for none */
  char           *notes;
} KsAction;

/* ---- Whitespace ---------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *name;
} KsProduct;

typedef enum
{
  KS_WHITESPACE_UNKNOWN,        /* not assessed yet: the empty cell */
  KS_WHITESPACE_CURRENT,        /* the account buys it */
  KS_WHITESPACE_OPPORTUNITY,    /* could buy it (or more of it) */
  KS_WHITESPACE_NOT_RELEVANT,
  KS_N_WHITESPACE_STATES
} KsWhitespaceState;

typedef enum
{
  KS_OPPORTUNITY_CROSS_SELL,    /* a product the account does not buy yet */
  KS_OPPORTUNITY_UP_SELL,       /* more of, or a higher edition of, what it buys */
  KS_N_OPPORTUNITY_KINDS
} KsOpportunityKind;

/* One cell of the grid: one product for this account. */
typedef struct
{
  gint64             product_id;
  KsWhitespaceState  state;
  KsOpportunityKind  kind;      /* for an opportunity */
  gint64             value;     /* estimated, minor units of the account's currency */
  char              *quarter;   /* expected "YYYY-Qn", or NULL */
  char              *note;
} KsWhitespace;

/* ---- SWOT ---------------------------------------------------------------------- */

typedef enum
{
  KS_SWOT_STRENGTH,
  KS_SWOT_WEAKNESS,
  KS_SWOT_OPPORTUNITY,
  KS_SWOT_THREAT,
  KS_N_SWOT_KINDS
} KsSwotKind;

typedef struct
{
  gint64      id;
  KsSwotKind  kind;
  int         position;   /* order within its kind, from 0 */
  char       *text;
} KsSwotItem;

/* ---- Risks --------------------------------------------------------------------- */

typedef enum
{
  KS_RISK_FINANCIAL_HEALTH,
  KS_RISK_POLICY_CHANGE,
  KS_RISK_CONCENTRATION,
  KS_RISK_PAYMENT_BEHAVIOUR,
  KS_RISK_OTHER,
  KS_N_RISK_CATEGORIES
} KsRiskCategory;

typedef struct
{
  gint64          id;
  KsRiskCategory  category;
  KsRiskSeverity  severity;
  char           *raised;        /* "YYYY-MM-DD" */
  char           *description;
  char           *contingency;
  gboolean        closed;
} KsRisk;

/* ---- The whole plan ------------------------------------------------------------ */

typedef struct
{
  gint64      account_id;
  char       *credit_rating;    /* "" when not rated */
  GArray     *targets;          /* KsTargetYear, by year then metric */
  GPtrArray  *actions;          /* KsAction *, by due date (none last), then id */
  GPtrArray  *whitespace;       /* KsWhitespace *, the cells that are set */
  GPtrArray  *swot;             /* KsSwotItem *, by kind then position */
  GPtrArray  *risks;            /* KsRisk *, open first, then severity, newest first */
  KsRelations *relations;       /* contacts, interactions, surveys, complaints; never NULL */
  GPtrArray  *contracts;        /* KsContract *, with items, by end date (none last),
                                 * then title; never NULL */
} KsAccountPlan;

/* What the portfolio shows of an account's plan: computed by the store from the plan
 * and "today" (see ks_plan_summary_compute()). */
typedef struct
{
  gboolean      has_attainment;   /* a revenue target so far this year */
  double        attainment_ytd;   /* percent */
  gboolean      has_health;
  double        health;           /* 0–100 */
  KsAlertFlags  alerts;
  guint         overdue_actions;     /* what the team's KPIs add up */
  guint         overdue_complaints;
} KsPlanSummary;

const char  *ks_whitespace_state_get_label  (KsWhitespaceState     state);
/* "unknown", "current", "opportunity", "not_relevant": never translated. */
const char  *ks_whitespace_state_get_key    (KsWhitespaceState     state);
const char  *ks_opportunity_kind_get_label  (KsOpportunityKind     kind);
const char  *ks_opportunity_kind_get_key    (KsOpportunityKind     kind);
const char  *ks_swot_kind_get_label         (KsSwotKind            kind);
const char  *ks_swot_kind_get_key           (KsSwotKind            kind);
const char  *ks_risk_category_get_label     (KsRiskCategory        category);
const char  *ks_risk_category_get_key       (KsRiskCategory        category);
/* The enum value whose key is @key, or -1 for an unknown key. */
int          ks_target_metric_from_key      (const char           *key);
int          ks_action_status_from_key      (const char           *key);
int          ks_risk_severity_from_key      (const char           *key);
int          ks_whitespace_state_from_key   (const char           *key);
int          ks_opportunity_kind_from_key   (const char           *key);
int          ks_swot_kind_from_key          (const char           *key);
int          ks_risk_category_from_key      (const char           *key);

KsAction    *ks_action_new                  (void);
KsAction    *ks_action_copy                 (const KsAction       *action);
void         ks_action_free                 (KsAction             *action);
/* A title, at most KS_PLAN_TEXT_MAX characters; owner ≤ KS_PLAN_NAME_MAX; due empty or
 * a real ISO date; a status and metric in range. KS_ERROR_INVALID, translated. */
gboolean     ks_action_validate             (const KsAction       *action,
                                             GError              **error);

KsProduct   *ks_product_copy                (const KsProduct      *product);
void         ks_product_free                (KsProduct            *product);

KsWhitespace *ks_whitespace_new             (void);
KsWhitespace *ks_whitespace_copy            (const KsWhitespace   *cell);
void         ks_whitespace_free             (KsWhitespace         *cell);
/* Value ≥ 0; quarter empty or YYYY-Qn; note ≤ KS_PLAN_TEXT_MAX. */
gboolean     ks_whitespace_validate         (const KsWhitespace   *cell,
                                             GError              **error);

KsSwotItem  *ks_swot_item_copy              (const KsSwotItem     *item);
void         ks_swot_item_free              (KsSwotItem           *item);
/* Text not empty, ≤ KS_PLAN_TEXT_MAX. */
gboolean     ks_swot_item_validate          (const KsSwotItem     *item,
                                             GError              **error);

KsRisk      *ks_risk_new                    (void);
KsRisk      *ks_risk_copy                   (const KsRisk         *risk);
void         ks_risk_free                   (KsRisk               *risk);
/* A description, a real raised date, texts ≤ KS_PLAN_TEXT_MAX, enums in range. */
gboolean     ks_risk_validate               (const KsRisk         *risk,
                                             GError              **error);

/* Targets: TRUE with @value set when entry @index (0 annual, 1–4 quarters) is set. */
gboolean     ks_target_year_get_target      (const KsTargetYear   *year,
                                             guint                 index,
                                             gint64               *value);
gboolean     ks_target_year_get_actual      (const KsTargetYear   *year,
                                             guint                 quarter,
                                             gint64               *value);
/* The annual target: entry 0 when set, else the quarters' sum (money) or mean
 * (percentage) of those set; FALSE when none is. */
gboolean     ks_target_year_annual_target   (const KsTargetYear   *year,
                                             gint64               *value);
/* Each quarter's attainment in @attainment[0..3] (NAN where the target or the actual
 * is missing); returns the last quarter (1–4) with both, 0 when none. */
guint        ks_target_year_attainments     (const KsTargetYear   *year,
                                             double                attainment[KS_PLAN_N_QUARTERS]);

KsAccountPlan *ks_account_plan_new          (gint64                account_id);
KsAccountPlan *ks_account_plan_copy         (const KsAccountPlan  *plan);
void         ks_account_plan_free           (KsAccountPlan        *plan);
/* Anything besides an empty credit rating: deleting the account asks first. */
gboolean     ks_account_plan_is_empty       (const KsAccountPlan  *plan);
/* The plan's KsTargetYear for @year and @metric, or NULL. */
const KsTargetYear *ks_account_plan_find_target (const KsAccountPlan *plan,
                                                 int                  year,
                                                 KsTargetMetric       metric);

/* The facts of the health score and the alerts from @plan as of @today (a year with
 * only an annual revenue target counts a quarter of it per quarter): revenue
 * attainment year-to-date up to the last quarter of @today's year with an actual, the
 * change from the quarter before it, open and overdue actions, open risks by severity.
 * Satisfaction, complaints and executive coverage stay absent (later issues). */
void         ks_plan_inputs_from_plan       (const KsAccountPlan  *plan,
                                             const GDate          *today,
                                             KsHealthInputs       *inputs);
/* Inputs → health and alerts, as the portfolio shows them. The actions and the risks
 * components are always present, so a plan with no targets, no actions and no risks
 * would score 100 from nothing; @inputs cannot tell "no actions" from "all done", so the
 * caller (the store) sets has_health FALSE for such a plan. */
void         ks_plan_summary_compute        (const KsHealthInputs  *inputs,
                                             const KsHealthWeights *weights,
                                             double                 drop_threshold_points,
                                             KsPlanSummary         *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsAction, ks_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsProduct, ks_product_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsWhitespace, ks_whitespace_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsSwotItem, ks_swot_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsRisk, ks_risk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsAccountPlan, ks_account_plan_free)

G_END_DECLS
