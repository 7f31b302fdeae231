/* ks-plan.c — account plans: target attainment, actions, health score and alerts:
 * pure functions, no I/O, "today" always passed in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-error.h"
#include "ks-plan.h"

/* Attainments are quotients, so a fall that is mathematically on the threshold may come
 * out a few ulps short of it. */
#define PLAN_EPSILON 1e-9

static const char * const metric_keys[KS_N_TARGET_METRICS] = {
  [KS_TARGET_METRIC_REVENUE] = "revenue",
  [KS_TARGET_METRIC_GROSS_MARGIN] = "gross_margin",
  [KS_TARGET_METRIC_SHARE_OF_WALLET] = "share_of_wallet",
  [KS_TARGET_METRIC_PENETRATION] = "product_penetration",
  [KS_TARGET_METRIC_NEW_BUSINESS] = "new_business",
};

static const char * const metric_labels[KS_N_TARGET_METRICS] = {
  /* Translators: what an account target measures, in money */
  [KS_TARGET_METRIC_REVENUE] = N_("Revenue"),
  /* Translators: what an account target measures, a percentage */
  [KS_TARGET_METRIC_GROSS_MARGIN] = N_("Gross margin"),
  /* Translators: what an account target measures: our share of the account's total
   * spending in our category, a percentage */
  [KS_TARGET_METRIC_SHARE_OF_WALLET] = N_("Share of wallet"),
  /* Translators: what an account target measures: the share of our product range the
   * account buys, a percentage */
  [KS_TARGET_METRIC_PENETRATION] = N_("Product penetration"),
  /* Translators: what an account target measures: revenue from new products or
   * projects at the account, in money */
  [KS_TARGET_METRIC_NEW_BUSINESS] = N_("New business"),
};

static const char * const status_keys[KS_N_ACTION_STATUSES] = {
  [KS_ACTION_OPEN] = "open",
  [KS_ACTION_IN_PROGRESS] = "in_progress",
  [KS_ACTION_DONE] = "done",
  [KS_ACTION_DROPPED] = "dropped",
};

static const char * const status_labels[KS_N_ACTION_STATUSES] = {
  /* Translators: the status of an action in an account plan */
  [KS_ACTION_OPEN] = N_("Open"),
  /* Translators: the status of an action in an account plan */
  [KS_ACTION_IN_PROGRESS] = N_("In progress"),
  /* Translators: the status of an action in an account plan */
  [KS_ACTION_DONE] = N_("Done"),
  /* Translators: the status of an action in an account plan: given up */
  [KS_ACTION_DROPPED] = N_("Dropped"),
};

static const char * const severity_keys[KS_N_RISK_SEVERITIES] = {
  [KS_RISK_LOW] = "low",
  [KS_RISK_MEDIUM] = "medium",
  [KS_RISK_HIGH] = "high",
};

static const char * const severity_labels[KS_N_RISK_SEVERITIES] = {
  /* Translators: the severity of a risk warning */
  [KS_RISK_LOW] = N_("Low"),
  /* Translators: the severity of a risk warning */
  [KS_RISK_MEDIUM] = N_("Medium"),
  /* Translators: the severity of a risk warning */
  [KS_RISK_HIGH] = N_("High"),
};

/* What one open risk of each severity takes off the risk component. */
static const double severity_penalties[KS_N_RISK_SEVERITIES] = {
  [KS_RISK_LOW] = 10,
  [KS_RISK_MEDIUM] = 25,
  [KS_RISK_HIGH] = 50,
};

static const char * const component_labels[KS_N_HEALTH_COMPONENTS] = {
  /* Translators: a part of the account health score: year-to-date target attainment */
  [KS_HEALTH_ATTAINMENT] = N_("Attainment"),
  /* Translators: a part of the account health score: open actions past their due date */
  [KS_HEALTH_ACTIONS] = N_("Overdue actions"),
  /* Translators: a part of the account health score: open risk warnings */
  [KS_HEALTH_RISKS] = N_("Open risks"),
  /* Translators: a part of the account health score: the customer satisfaction survey */
  [KS_HEALTH_SATISFACTION] = N_("Satisfaction"),
  /* Translators: a part of the account health score: complaints answered within 24 h */
  [KS_HEALTH_COMPLAINTS] = N_("Complaint response"),
  /* Translators: a part of the account health score: an executive-level contact at the
   * account met within the last quarter */
  [KS_HEALTH_EXECUTIVE] = N_("Executive coverage"),
};

static const char * const alert_labels[KS_N_ALERTS] = {
  /* Translators: a badge in the portfolio list: the account has an overdue action */
  N_("Overdue action"),
  /* Translators: a badge in the portfolio list: the account has an open high risk */
  N_("High risk"),
  /* Translators: a badge in the portfolio list: attainment fell since last quarter */
  N_("Attainment drop"),
  /* Translators: an alert: a complaint has had no first response within 24 hours */
  N_("Overdue complaint"),
  /* Translators: an alert: a key account has no executive-level contact seen within a
   * quarter */
  N_("No executive contact"),
  /* Translators: an alert: a signed contract has an open checklist issue */
  N_("Contract issue"),
};

const char *
ks_target_metric_get_label (KsTargetMetric metric)
{
  g_return_val_if_fail ((guint) metric < KS_N_TARGET_METRICS, NULL);

  return _(metric_labels[metric]);
}

const char *
ks_target_metric_get_key (KsTargetMetric metric)
{
  g_return_val_if_fail ((guint) metric < KS_N_TARGET_METRICS, NULL);

  return metric_keys[metric];
}

gboolean
ks_target_metric_is_money (KsTargetMetric metric)
{
  g_return_val_if_fail ((guint) metric < KS_N_TARGET_METRICS, FALSE);

  return metric == KS_TARGET_METRIC_REVENUE || metric == KS_TARGET_METRIC_NEW_BUSINESS;
}

double
ks_plan_attainment (gint64 target,
                    gint64 actual)
{
  if (target <= 0 || actual <= 0)
    return 0.0;

  return (double) actual / (double) target * 100.0;
}

double
ks_plan_attainment_ytd (const gint64 targets[KS_PLAN_N_QUARTERS],
                        const gint64 actuals[KS_PLAN_N_QUARTERS],
                        guint        quarter)
{
  /* Summed as doubles: four gint64 amounts may overflow, and only their ratio is
   * wanted. */
  double target = 0.0;
  double actual = 0.0;
  guint i;

  g_return_val_if_fail (targets != NULL, 0.0);
  g_return_val_if_fail (actuals != NULL, 0.0);
  g_return_val_if_fail (quarter >= 1 && quarter <= KS_PLAN_N_QUARTERS, 0.0);

  for (i = 0; i < quarter; i++)
    {
      target += (double) targets[i];
      actual += (double) actuals[i];
    }

  if (target <= 0.0 || actual <= 0.0)
    return 0.0;

  return actual / target * 100.0;
}

double
ks_plan_attainment_change (double previous,
                           double current)
{
  return current - previous;
}

gboolean
ks_plan_attainment_dropped (double previous,
                            double current,
                            double threshold_points)
{
  g_return_val_if_fail (threshold_points > 0.0, FALSE);

  return previous - current >= threshold_points - PLAN_EPSILON;
}

const char *
ks_action_status_get_label (KsActionStatus status)
{
  g_return_val_if_fail ((guint) status < KS_N_ACTION_STATUSES, NULL);

  return _(status_labels[status]);
}

const char *
ks_action_status_get_key (KsActionStatus status)
{
  g_return_val_if_fail ((guint) status < KS_N_ACTION_STATUSES, NULL);

  return status_keys[status];
}

gboolean
ks_action_status_is_closed (KsActionStatus status)
{
  g_return_val_if_fail ((guint) status < KS_N_ACTION_STATUSES, FALSE);

  return status == KS_ACTION_DONE || status == KS_ACTION_DROPPED;
}

gboolean
ks_plan_parse_date (const char *iso,
                    GDate      *date)
{
  guint values[3] = { 0 };
  static const guint widths[3] = { 4, 2, 2 };
  const char *p = iso;
  guint f;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (iso == NULL)
    return FALSE;

  for (f = 0; f < G_N_ELEMENTS (widths); f++)
    {
      guint d;

      if (f > 0 && *p++ != '-')
        return FALSE;
      for (d = 0; d < widths[f]; d++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          values[f] = values[f] * 10 + (guint) (*p - '0');
        }
    }

  if (*p != '\0' || values[1] < 1 || values[1] > 12
      || !g_date_valid_dmy ((GDateDay) values[2], (GDateMonth) values[1],
                            (GDateYear) values[0]))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) values[2], (GDateMonth) values[1],
                  (GDateYear) values[0]);

  return TRUE;
}

gboolean
ks_plan_action_is_overdue (const GDate    *due,
                           KsActionStatus  status,
                           const GDate    *today)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail ((guint) status < KS_N_ACTION_STATUSES, FALSE);

  if (ks_action_status_is_closed (status))
    return FALSE;
  if (due == NULL || !g_date_valid (due))
    return FALSE;

  return g_date_compare (due, today) < 0;
}

gboolean
ks_plan_percent_done (const KsActionStatus *statuses,
                      gsize                 n,
                      double               *percent_done)
{
  gsize counted = 0;
  gsize done = 0;
  gsize i;

  g_return_val_if_fail (statuses != NULL || n == 0, FALSE);
  g_return_val_if_fail (percent_done != NULL, FALSE);

  *percent_done = 0.0;

  for (i = 0; i < n; i++)
    {
      if (statuses[i] == KS_ACTION_DROPPED)
        continue;
      counted++;
      if (statuses[i] == KS_ACTION_DONE)
        done++;
    }

  if (counted == 0)
    return FALSE;

  *percent_done = (double) done / (double) counted * 100.0;

  return TRUE;
}

const char *
ks_health_component_get_label (KsHealthComponent component)
{
  g_return_val_if_fail ((guint) component < KS_N_HEALTH_COMPONENTS, NULL);

  return _(component_labels[component]);
}

const char *
ks_risk_severity_get_label (KsRiskSeverity severity)
{
  g_return_val_if_fail ((guint) severity < KS_N_RISK_SEVERITIES, NULL);

  return _(severity_labels[severity]);
}

const char *
ks_risk_severity_get_key (KsRiskSeverity severity)
{
  g_return_val_if_fail ((guint) severity < KS_N_RISK_SEVERITIES, NULL);

  return severity_keys[severity];
}

void
ks_health_weights_init_default (KsHealthWeights *weights)
{
  g_return_if_fail (weights != NULL);

  weights->weights[KS_HEALTH_ATTAINMENT] = 30;
  weights->weights[KS_HEALTH_ACTIONS] = 15;
  weights->weights[KS_HEALTH_RISKS] = 15;
  weights->weights[KS_HEALTH_SATISFACTION] = 15;
  weights->weights[KS_HEALTH_COMPLAINTS] = 15;
  weights->weights[KS_HEALTH_EXECUTIVE] = 10;
}

gboolean
ks_plan_health_weights_validate (const KsHealthWeights  *weights,
                                 GError                **error)
{
  int total = 0;
  guint i;

  g_return_val_if_fail (weights != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    {
      if (weights->weights[i] < 0 || weights->weights[i] > 100)
        {
          g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                       /* Translators: %s is a dimension such as “Scale & value” or a
                        * part of the health score such as “Attainment” */
                       _("The weight of “%s” must be between 0 and 100 %%."),
                       ks_health_component_get_label (i));
          return FALSE;
        }
      total += weights->weights[i];
    }

  if (total != 100)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %d is the sum of the weights the user typed */
                   _("The weights add up to %d %%; they must total 100 %%."),
                   total);
      return FALSE;
    }

  return TRUE;
}

double
ks_plan_risk_score (const guint open_risks[KS_N_RISK_SEVERITIES])
{
  double score = 100.0;
  guint i;

  g_return_val_if_fail (open_risks != NULL, 0.0);

  for (i = 0; i < KS_N_RISK_SEVERITIES; i++)
    score -= severity_penalties[i] * open_risks[i];

  return MAX (score, 0.0);
}

KsExecutiveCoverage
ks_plan_executive_coverage (const GDate *last_contact,
                            const GDate *today)
{
  GDate start;

  g_return_val_if_fail (today != NULL && g_date_valid (today), KS_EXECUTIVE_UNKNOWN);

  if (last_contact == NULL || !g_date_valid (last_contact))
    return KS_EXECUTIVE_MISSING;

  /* 31 May less three months is 28 or 29 February: g_date_subtract_months clamps. */
  start = *today;
  g_date_subtract_months (&start, 3);

  if (g_date_compare (last_contact, &start) < 0 || g_date_compare (last_contact, today) > 0)
    return KS_EXECUTIVE_MISSING;

  return KS_EXECUTIVE_COVERED;
}

gboolean
ks_plan_health_compute (const KsHealthInputs  *inputs,
                        const KsHealthWeights *weights,
                        KsHealthBreakdown     *out)
{
  double present_weight = 0.0;
  guint i;

  g_return_val_if_fail (inputs != NULL, FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (inputs->has_attainment)
    {
      out->parts[KS_HEALTH_ATTAINMENT].present = TRUE;
      out->parts[KS_HEALTH_ATTAINMENT].score = CLAMP (inputs->attainment_ytd, 0.0, 100.0);
    }

  /* Always present: with no open action, nothing is overdue. */
  out->parts[KS_HEALTH_ACTIONS].present = TRUE;
  if (inputs->open_actions == 0)
    out->parts[KS_HEALTH_ACTIONS].score = 100.0;
  else
    out->parts[KS_HEALTH_ACTIONS].score =
      (double) (inputs->open_actions - MIN (inputs->overdue_actions, inputs->open_actions))
      / inputs->open_actions * 100.0;

  out->parts[KS_HEALTH_RISKS].present = TRUE;
  out->parts[KS_HEALTH_RISKS].score = ks_plan_risk_score (inputs->open_risks);

  if (inputs->has_satisfaction)
    {
      out->parts[KS_HEALTH_SATISFACTION].present = TRUE;
      out->parts[KS_HEALTH_SATISFACTION].score = CLAMP (inputs->satisfaction * 10.0,
                                                        0.0, 100.0);
    }

  if (inputs->complaints > 0)
    {
      guint in_time = MIN (inputs->complaints_answered_in_time, inputs->complaints);

      out->parts[KS_HEALTH_COMPLAINTS].present = TRUE;
      out->parts[KS_HEALTH_COMPLAINTS].score = (double) in_time / inputs->complaints * 100.0;
    }

  if (inputs->executive != KS_EXECUTIVE_UNKNOWN)
    {
      out->parts[KS_HEALTH_EXECUTIVE].present = TRUE;
      out->parts[KS_HEALTH_EXECUTIVE].score =
        inputs->executive == KS_EXECUTIVE_COVERED ? 100.0 : 0.0;
    }

  for (i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    {
      if (out->parts[i].present)
        present_weight += MAX (weights->weights[i], 0);
    }

  if (present_weight <= 0.0)
    return FALSE;

  /* Sharing out the absent weights in proportion is scaling the present ones to 100.
   * The total is the sum of the contributions, so the breakdown adds up exactly. */
  for (i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    {
      KsHealthPart *part = &out->parts[i];

      if (!part->present)
        continue;
      part->weight = MAX (weights->weights[i], 0) * 100.0 / present_weight;
      part->contribution = part->score * part->weight / 100.0;
      out->total += part->contribution;
    }

  out->total = CLAMP (out->total, 0.0, 100.0);

  return TRUE;
}

const char *
ks_alert_get_label (KsAlertFlags alert)
{
  guint i;

  for (i = 0; i < KS_N_ALERTS; i++)
    {
      if (alert == (KsAlertFlags) (1u << i))
        return _(alert_labels[i]);
    }

  return NULL;
}

KsAlertFlags
ks_plan_alerts (const KsHealthInputs *inputs,
                double                drop_threshold_points)
{
  KsAlertFlags flags = KS_ALERT_NONE;

  g_return_val_if_fail (inputs != NULL, KS_ALERT_NONE);
  g_return_val_if_fail (drop_threshold_points > 0.0, KS_ALERT_NONE);

  if (inputs->overdue_actions > 0)
    flags |= KS_ALERT_OVERDUE_ACTION;
  if (inputs->open_risks[KS_RISK_HIGH] > 0)
    flags |= KS_ALERT_HIGH_RISK;
  if (inputs->has_quarter_change
      && ks_plan_attainment_dropped (inputs->previous_attainment,
                                     inputs->current_attainment, drop_threshold_points))
    flags |= KS_ALERT_ATTAINMENT_DROP;
  if (inputs->overdue_complaints > 0)
    flags |= KS_ALERT_OVERDUE_COMPLAINT;
  if (inputs->key_account && inputs->executive != KS_EXECUTIVE_COVERED)
    flags |= KS_ALERT_NO_EXECUTIVE;
  if (inputs->contract_issue)
    flags |= KS_ALERT_CONTRACT_ISSUE;

  return flags;
}
