/* ks-plan.h — account plans: target attainment, actions, health score and alerts:
 * pure functions, no I/O, "today" always passed in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- Targets ------------------------------------------------------------------- */

/* What a target measures (DESIGN.md, duty 1). */
typedef enum
{
  KS_TARGET_METRIC_REVENUE,          /* money */
  KS_TARGET_METRIC_GROSS_MARGIN,     /* percentage */
  KS_TARGET_METRIC_SHARE_OF_WALLET,  /* percentage */
  KS_TARGET_METRIC_PENETRATION,      /* percentage: product penetration */
  KS_TARGET_METRIC_NEW_BUSINESS,     /* money */
  KS_N_TARGET_METRICS
} KsTargetMetric;

/* Targets and actuals are gint64: minor units for a money metric, hundredths of a
 * percent for a percentage metric (12.5 % is 1250). */
#define KS_PLAN_PERCENT_SCALE 100

#define KS_PLAN_N_QUARTERS 4

/* A quarter-over-quarter fall of this many percentage points or more is flagged. */
#define KS_PLAN_DROP_THRESHOLD_DEFAULT 10.0

const char  *ks_target_metric_get_label     (KsTargetMetric        metric);
/* Stable identifier ("revenue", "gross_margin", …): never translated. */
const char  *ks_target_metric_get_key       (KsTargetMetric        metric);
gboolean     ks_target_metric_is_money      (KsTargetMetric        metric);

/* Attainment in percent, actual / target × 100, not capped (150 for 1.5 × target).
 * 0 when @target ≤ 0 (no target set: nothing to attain). A negative @actual (returns
 * above sales, a negative margin) counts as 0: attainment is never negative. */
double       ks_plan_attainment             (gint64                target,
                                             gint64                actual);
/* Year-to-date attainment after quarter @quarter (1–4): the attainment of the summed
 * targets and summed actuals of quarters 1 to @quarter. For a percentage metric this
 * is the mean actual against the mean target. A negative total counts as 0, as above;
 * a negative quarter lowers the total (returns net against sales). */
double       ks_plan_attainment_ytd         (const gint64          targets[KS_PLAN_N_QUARTERS],
                                             const gint64          actuals[KS_PLAN_N_QUARTERS],
                                             guint                 quarter);
/* Quarter-over-quarter change in percentage points: @current − @previous. */
double       ks_plan_attainment_change      (double                previous,
                                             double                current);
/* TRUE when attainment fell by @threshold_points (> 0) or more; a fall of exactly the
 * threshold is a drop. */
gboolean     ks_plan_attainment_dropped     (double                previous,
                                             double                current,
                                             double                threshold_points);

/* ---- Actions ------------------------------------------------------------------- */

typedef enum
{
  KS_ACTION_OPEN,
  KS_ACTION_IN_PROGRESS,
  KS_ACTION_DONE,
  KS_ACTION_DROPPED,
  KS_N_ACTION_STATUSES
} KsActionStatus;

const char  *ks_action_status_get_label     (KsActionStatus        status);
/* "open", "in_progress", "done", "dropped": never translated. */
const char  *ks_action_status_get_key       (KsActionStatus        status);
/* Done or dropped: nothing more to do. */
gboolean     ks_action_status_is_closed     (KsActionStatus        status);

/* Strict ISO-8601 calendar date "YYYY-MM-DD" → @date; FALSE (and @date cleared) for
 * anything else, including days that do not exist. */
gboolean     ks_plan_parse_date             (const char           *iso,
                                             GDate                *date);
/* TRUE when the action is open or in progress and @due is before @today; an action
 * due today is not overdue yet. No due date (NULL or cleared) is never overdue. */
gboolean     ks_plan_action_is_overdue      (const GDate          *due,
                                             KsActionStatus        status,
                                             const GDate          *today);
/* % done of one target from the statuses of its @n actions: done / (all − dropped)
 * × 100. FALSE, and @percent_done 0, when no action counts (none, or all dropped). */
gboolean     ks_plan_percent_done           (const KsActionStatus *statuses,
                                             gsize                 n,
                                             double               *percent_done);

/* ---- Health score -------------------------------------------------------------- */

typedef enum
{
  KS_HEALTH_ATTAINMENT,     /* year-to-date attainment, capped at 100 */
  KS_HEALTH_ACTIONS,        /* share of open actions that are not overdue */
  KS_HEALTH_RISKS,          /* open risk warnings by severity */
  KS_HEALTH_SATISFACTION,   /* latest survey score 0–10, scaled */
  KS_HEALTH_COMPLAINTS,     /* share of complaints answered within 24 h */
  KS_HEALTH_EXECUTIVE,      /* an executive-level contact seen within a quarter */
  KS_N_HEALTH_COMPONENTS
} KsHealthComponent;

typedef enum
{
  KS_RISK_LOW,
  KS_RISK_MEDIUM,
  KS_RISK_HIGH,
  KS_N_RISK_SEVERITIES
} KsRiskSeverity;

/* What Keystone knows of the account's executive contacts. */
typedef enum
{
  KS_EXECUTIVE_UNKNOWN = 0,  /* no contact data: the component is left out */
  KS_EXECUTIVE_MISSING,      /* no executive contact seen within a quarter: 0 */
  KS_EXECUTIVE_COVERED,      /* one seen within a quarter: 100 */
} KsExecutiveCoverage;

/* The facts of one account that the health score and the alerts read. Zero-filled, an
 * optional component is absent. */
typedef struct
{
  gboolean             has_attainment;      /* FALSE: no target so far this year */
  double               attainment_ytd;      /* percent, as ks_plan_attainment_ytd() */
  guint                open_actions;        /* open or in progress */
  guint                overdue_actions;     /* of those, overdue */
  guint                open_risks[KS_N_RISK_SEVERITIES];
  gboolean             has_satisfaction;
  double               satisfaction;        /* latest survey, 0–10 */
  guint                complaints;          /* 0: the component is left out */
  guint                complaints_answered_in_time;  /* first response within 24 h */
  KsExecutiveCoverage  executive;
  /* Read by the alerts only: attainment of the previous and the current quarter. */
  gboolean             has_quarter_change;
  double               previous_attainment;
  double               current_attainment;
  guint                overdue_complaints;  /* open complaints past their 24 h */
  gboolean             contract_issue;      /* a signed contract with an open checklist issue */
  gboolean             key_account;         /* Core or Key: executive coverage matters */
} KsHealthInputs;

/* Whole percent per component, totalling 100; edited in Preferences. */
typedef struct
{
  int weights[KS_N_HEALTH_COMPONENTS];
} KsHealthWeights;

typedef struct
{
  gboolean present;        /* FALSE: no data, left out and its weight shared out */
  double   score;          /* 0–100; 0 when absent */
  double   weight;         /* effective weight in percent after sharing out */
  double   contribution;   /* score × weight / 100 */
} KsHealthPart;

typedef struct
{
  double       total;      /* 0–100, the sum of the contributions */
  KsHealthPart parts[KS_N_HEALTH_COMPONENTS];
} KsHealthBreakdown;

const char  *ks_health_component_get_label (KsHealthComponent     component);
const char  *ks_risk_severity_get_label     (KsRiskSeverity        severity);
/* "low", "medium", "high": never translated. */
const char  *ks_risk_severity_get_key       (KsRiskSeverity        severity);

/* 30 attainment, 15 actions, 15 risks, 15 satisfaction, 15 complaints, 10 executive. */
void         ks_health_weights_init_default (KsHealthWeights      *weights);
/* Each weight 0–100, together 100; else KS_ERROR_INVALID with a translated message. */
gboolean     ks_plan_health_weights_validate (const KsHealthWeights *weights,
                                              GError              **error);

/* The risk component: 100 less 10 per open low, 25 per medium and 50 per high risk,
 * not below 0. */
double       ks_plan_risk_score             (const guint  open_risks[KS_N_RISK_SEVERITIES]);
/* Covered when @last_contact (the latest executive-level contact held) is within the
 * three months up to @today, both ends included; MISSING when it is NULL, cleared,
 * older or after @today. */
KsExecutiveCoverage ks_plan_executive_coverage (const GDate       *last_contact,
                                                const GDate       *today);

/* Fills @out with every component's score, effective weight and contribution. Absent
 * components are left out and their weights shared among the present ones in
 * proportion to theirs. FALSE, and a total of 0, when no present component has any
 * weight (no score to show). */
gboolean     ks_plan_health_compute         (const KsHealthInputs  *inputs,
                                             const KsHealthWeights *weights,
                                             KsHealthBreakdown     *out);

/* ---- Alerts -------------------------------------------------------------------- */

typedef enum
{
  KS_ALERT_NONE             = 0,
  KS_ALERT_OVERDUE_ACTION   = 1 << 0,
  KS_ALERT_HIGH_RISK        = 1 << 1,
  KS_ALERT_ATTAINMENT_DROP  = 1 << 2,
  KS_ALERT_OVERDUE_COMPLAINT = 1 << 3,
  KS_ALERT_NO_EXECUTIVE     = 1 << 4,
  KS_ALERT_CONTRACT_ISSUE   = 1 << 5,
} KsAlertFlags;

#define KS_N_ALERTS 6

/* The badge text of one flag; NULL for KS_ALERT_NONE or several flags. */
const char  *ks_alert_get_label             (KsAlertFlags          alert);
/* Any overdue action, any open high risk, attainment fallen by @drop_threshold_points
 * (> 0) or more since the previous quarter, a complaint unanswered past its 24 h, and
 * a key account (Core or Key) without an executive contact seen within a quarter, and
 * a signed contract with an open checklist issue. */
KsAlertFlags ks_plan_alerts                 (const KsHealthInputs  *inputs,
                                             double                 drop_threshold_points);

G_END_DECLS
