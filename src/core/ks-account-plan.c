/* ks-account-plan.c — one account's plan as plain data: copies, checks, and what the
 * health score and the alerts read from it. No I/O here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-account-plan.h"
#include "ks-error.h"
#include "ks-quarter.h"
#include "ks-validate.h"

static const char * const whitespace_keys[KS_N_WHITESPACE_STATES] = {
  [KS_WHITESPACE_UNKNOWN] = "unknown",
  [KS_WHITESPACE_CURRENT] = "current",
  [KS_WHITESPACE_OPPORTUNITY] = "opportunity",
  [KS_WHITESPACE_NOT_RELEVANT] = "not_relevant",
};

static const char * const whitespace_labels[KS_N_WHITESPACE_STATES] = {
  /* Translators: a cell of the whitespace grid (products × account) nobody filled in */
  [KS_WHITESPACE_UNKNOWN] = N_("Not assessed"),
  /* Translators: a cell of the whitespace grid: the account buys this product */
  [KS_WHITESPACE_CURRENT] = N_("Current"),
  /* Translators: a cell of the whitespace grid: the account could buy this product,
   * or more of it */
  [KS_WHITESPACE_OPPORTUNITY] = N_("Opportunity"),
  /* Translators: a cell of the whitespace grid: the product does not fit the account */
  [KS_WHITESPACE_NOT_RELEVANT] = N_("Not relevant"),
};

static const char * const opportunity_keys[KS_N_OPPORTUNITY_KINDS] = {
  [KS_OPPORTUNITY_CROSS_SELL] = "cross_sell",
  [KS_OPPORTUNITY_UP_SELL] = "up_sell",
};

static const char * const opportunity_labels[KS_N_OPPORTUNITY_KINDS] = {
  /* Translators: a kind of sales opportunity: a product the account does not buy yet */
  [KS_OPPORTUNITY_CROSS_SELL] = N_("Cross-sell"),
  /* Translators: a kind of sales opportunity: more of, or a higher edition of, what the
   * account buys */
  [KS_OPPORTUNITY_UP_SELL] = N_("Up-sell"),
};

static const char * const swot_keys[KS_N_SWOT_KINDS] = {
  [KS_SWOT_STRENGTH] = "strength",
  [KS_SWOT_WEAKNESS] = "weakness",
  [KS_SWOT_OPPORTUNITY] = "opportunity",
  [KS_SWOT_THREAT] = "threat",
};

static const char * const swot_labels[KS_N_SWOT_KINDS] = {
  /* Translators: a quadrant of the SWOT analysis of an account */
  [KS_SWOT_STRENGTH] = N_("Strengths"),
  /* Translators: a quadrant of the SWOT analysis of an account */
  [KS_SWOT_WEAKNESS] = N_("Weaknesses"),
  /* Translators: a quadrant of the SWOT analysis of an account */
  [KS_SWOT_OPPORTUNITY] = N_("Opportunities"),
  /* Translators: a quadrant of the SWOT analysis of an account */
  [KS_SWOT_THREAT] = N_("Threats"),
};

static const char * const risk_category_keys[KS_N_RISK_CATEGORIES] = {
  [KS_RISK_FINANCIAL_HEALTH] = "financial_health",
  [KS_RISK_POLICY_CHANGE] = "policy_change",
  [KS_RISK_CONCENTRATION] = "concentration",
  [KS_RISK_PAYMENT_BEHAVIOUR] = "payment_behaviour",
  [KS_RISK_OTHER] = "other",
};

static const char * const risk_category_labels[KS_N_RISK_CATEGORIES] = {
  /* Translators: what a risk warning is about: the account's finances */
  [KS_RISK_FINANCIAL_HEALTH] = N_("Financial health"),
  /* Translators: what a risk warning is about: a change in the account's purchasing
   * policy, or in regulation */
  [KS_RISK_POLICY_CHANGE] = N_("Policy change"),
  /* Translators: what a risk warning is about: too much of our business depends on
   * this account, or theirs on one supplier */
  [KS_RISK_CONCENTRATION] = N_("Concentration"),
  /* Translators: what a risk warning is about: the account pays late */
  [KS_RISK_PAYMENT_BEHAVIOUR] = N_("Payment behaviour"),
  /* Translators: what a risk warning is about: anything else */
  [KS_RISK_OTHER] = N_("Other"),
};

/* ---- Labels and keys ----------------------------------------------------------- */

const char *
ks_whitespace_state_get_label (KsWhitespaceState state)
{
  g_return_val_if_fail ((guint) state < KS_N_WHITESPACE_STATES, NULL);

  return _(whitespace_labels[state]);
}

const char *
ks_whitespace_state_get_key (KsWhitespaceState state)
{
  g_return_val_if_fail ((guint) state < KS_N_WHITESPACE_STATES, NULL);

  return whitespace_keys[state];
}

const char *
ks_opportunity_kind_get_label (KsOpportunityKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_OPPORTUNITY_KINDS, NULL);

  return _(opportunity_labels[kind]);
}

const char *
ks_opportunity_kind_get_key (KsOpportunityKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_OPPORTUNITY_KINDS, NULL);

  return opportunity_keys[kind];
}

const char *
ks_swot_kind_get_label (KsSwotKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_SWOT_KINDS, NULL);

  return _(swot_labels[kind]);
}

const char *
ks_swot_kind_get_key (KsSwotKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_SWOT_KINDS, NULL);

  return swot_keys[kind];
}

const char *
ks_risk_category_get_label (KsRiskCategory category)
{
  g_return_val_if_fail ((guint) category < KS_N_RISK_CATEGORIES, NULL);

  return _(risk_category_labels[category]);
}

const char *
ks_risk_category_get_key (KsRiskCategory category)
{
  g_return_val_if_fail ((guint) category < KS_N_RISK_CATEGORIES, NULL);

  return risk_category_keys[category];
}

typedef const char *(*KeyFunc) (int value);

/* The value below @n whose key is @key, or -1. The keys come from the enum's own
 * get_key function, so a key added there is found here too. */
static int
from_key (const char *key,
          int         n,
          KeyFunc     get_key)
{
  int i;

  if (key == NULL)
    return -1;

  for (i = 0; i < n; i++)
    {
      if (strcmp (key, get_key (i)) == 0)
        return i;
    }

  return -1;
}

/* The enums' get_key functions take the enum, not an int: these adapt them. */
static const char *
metric_key (int value)
{
  return ks_target_metric_get_key ((KsTargetMetric) value);
}

static const char *
status_key (int value)
{
  return ks_action_status_get_key ((KsActionStatus) value);
}

static const char *
severity_key (int value)
{
  return ks_risk_severity_get_key ((KsRiskSeverity) value);
}

static const char *
whitespace_key (int value)
{
  return ks_whitespace_state_get_key ((KsWhitespaceState) value);
}

static const char *
opportunity_key (int value)
{
  return ks_opportunity_kind_get_key ((KsOpportunityKind) value);
}

static const char *
swot_key (int value)
{
  return ks_swot_kind_get_key ((KsSwotKind) value);
}

static const char *
risk_category_key (int value)
{
  return ks_risk_category_get_key ((KsRiskCategory) value);
}

int
ks_target_metric_from_key (const char *key)
{
  return from_key (key, KS_N_TARGET_METRICS, metric_key);
}

int
ks_action_status_from_key (const char *key)
{
  return from_key (key, KS_N_ACTION_STATUSES, status_key);
}

int
ks_risk_severity_from_key (const char *key)
{
  return from_key (key, KS_N_RISK_SEVERITIES, severity_key);
}

int
ks_whitespace_state_from_key (const char *key)
{
  return from_key (key, KS_N_WHITESPACE_STATES, whitespace_key);
}

int
ks_opportunity_kind_from_key (const char *key)
{
  return from_key (key, KS_N_OPPORTUNITY_KINDS, opportunity_key);
}

int
ks_swot_kind_from_key (const char *key)
{
  return from_key (key, KS_N_SWOT_KINDS, swot_key);
}

int
ks_risk_category_from_key (const char *key)
{
  return from_key (key, KS_N_RISK_CATEGORIES, risk_category_key);
}

/* ---- Actions ------------------------------------------------------------------- */

KsAction *
ks_action_new (void)
{
  KsAction *action = g_new0 (KsAction, 1);

  action->status = KS_ACTION_OPEN;
  action->metric = -1;

  return action;
}

KsAction *
ks_action_copy (const KsAction *action)
{
  KsAction *copy;

  g_return_val_if_fail (action != NULL, NULL);

  copy = g_new0 (KsAction, 1);
  copy->id = action->id;
  copy->title = g_strdup (action->title);
  copy->owner = g_strdup (action->owner);
  copy->due = g_strdup (action->due);
  copy->status = action->status;
  copy->metric = action->metric;
  copy->notes = g_strdup (action->notes);

  return copy;
}

void
ks_action_free (KsAction *action)
{
  if (action == NULL)
    return;

  g_free (action->title);
  g_free (action->owner);
  g_free (action->due);
  g_free (action->notes);
  g_free (action);
}

gboolean
ks_action_validate (const KsAction  *action,
                    GError         **error)
{
  GDate due;

  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ks_validate_is_blank (action->title))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The action needs a title."));
      return FALSE;
    }

  /* Translators: the name of a field of an action in an account plan */
  if (!ks_validate_text (action->title, KS_PLAN_TEXT_MAX, C_("action", "Title"), error)
      /* Translators: the name of a field of an action: who does it */
      || !ks_validate_text (action->owner, KS_PLAN_NAME_MAX, C_("action", "Owner"), error)
      /* Translators: the name of a field of an action */
      || !ks_validate_text (action->notes, KS_PLAN_TEXT_MAX, C_("action", "Notes"), error))
    return FALSE;

  if (action->due != NULL && action->due[0] != '\0'
      && !ks_plan_parse_date (action->due, &due))
    {
      if (ks_validate_can_echo (action->due))
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     /* Translators: %s is what the user typed; keep YYYY-MM-DD as it is,
                      * or use the way your language writes the pattern */
                     _("The due date “%s” is not a date: write it as YYYY-MM-DD."),
                     action->due);
      else
        g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                             /* Translators: keep YYYY-MM-DD as it is, or use the way your
                              * language writes the pattern */
                             _("The due date is not a date: write it as YYYY-MM-DD."));
      return FALSE;
    }

  if ((guint) action->status >= KS_N_ACTION_STATUSES)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The status of the action is not one Keystone knows. "
                             "Choose a status from the list."));
      return FALSE;
    }

  if (action->metric < -1 || action->metric >= KS_N_TARGET_METRICS)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The target the action serves is not one Keystone knows. "
                             "Choose a target from the list, or none."));
      return FALSE;
    }

  return TRUE;
}

/* ---- Products and whitespace --------------------------------------------------- */

KsProduct *
ks_product_copy (const KsProduct *product)
{
  KsProduct *copy;

  g_return_val_if_fail (product != NULL, NULL);

  copy = g_new0 (KsProduct, 1);
  copy->id = product->id;
  copy->name = g_strdup (product->name);

  return copy;
}

void
ks_product_free (KsProduct *product)
{
  if (product == NULL)
    return;

  g_free (product->name);
  g_free (product);
}

KsWhitespace *
ks_whitespace_new (void)
{
  return g_new0 (KsWhitespace, 1);
}

KsWhitespace *
ks_whitespace_copy (const KsWhitespace *cell)
{
  KsWhitespace *copy;

  g_return_val_if_fail (cell != NULL, NULL);

  copy = g_new0 (KsWhitespace, 1);
  copy->product_id = cell->product_id;
  copy->state = cell->state;
  copy->kind = cell->kind;
  copy->value = cell->value;
  copy->quarter = g_strdup (cell->quarter);
  copy->note = g_strdup (cell->note);

  return copy;
}

void
ks_whitespace_free (KsWhitespace *cell)
{
  if (cell == NULL)
    return;

  g_free (cell->quarter);
  g_free (cell->note);
  g_free (cell);
}

gboolean
ks_whitespace_validate (const KsWhitespace  *cell,
                        GError             **error)
{
  g_return_val_if_fail (cell != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) cell->state >= KS_N_WHITESPACE_STATES
      || (guint) cell->kind >= KS_N_OPPORTUNITY_KINDS)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The product’s state or kind of opportunity is not one "
                             "Keystone knows. Choose one from the list."));
      return FALSE;
    }

  if (cell->value < 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The estimated value cannot be negative."));
      return FALSE;
    }

  if (cell->quarter != NULL && cell->quarter[0] != '\0')
    {
      if (!ks_validate_can_echo (cell->quarter))
        {
          g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                       /* Translators: keep “2026-Q3” as it is: the form is not
                        * translated */
                       _("The expected quarter is not a quarter. Type a quarter like "
                         "2026-Q3, with a year from %d to %d."),
                       KS_QUARTER_YEAR_MIN, KS_QUARTER_YEAR_MAX);
          return FALSE;
        }
      if (!ks_quarter_parse (cell->quarter, NULL, NULL, error))
        return FALSE;
    }

  /* Translators: the name of a field of a whitespace cell (product × account) */
  return ks_validate_text (cell->note, KS_PLAN_TEXT_MAX, C_("whitespace", "Note"), error);
}

/* ---- SWOT ---------------------------------------------------------------------- */

KsSwotItem *
ks_swot_item_copy (const KsSwotItem *item)
{
  KsSwotItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_new0 (KsSwotItem, 1);
  copy->id = item->id;
  copy->kind = item->kind;
  copy->position = item->position;
  copy->text = g_strdup (item->text);

  return copy;
}

void
ks_swot_item_free (KsSwotItem *item)
{
  if (item == NULL)
    return;

  g_free (item->text);
  g_free (item);
}

gboolean
ks_swot_item_validate (const KsSwotItem  *item,
                       GError           **error)
{
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) item->kind >= KS_N_SWOT_KINDS || item->position < 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The SWOT line is in no quadrant Keystone knows. Add it to "
                             "Strengths, Weaknesses, Opportunities or Threats."));
      return FALSE;
    }

  if (ks_validate_is_blank (item->text))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The SWOT line is empty: write something, or delete it."));
      return FALSE;
    }

  return ks_validate_text (item->text, KS_PLAN_TEXT_MAX, ks_swot_kind_get_label (item->kind),
                           error);
}

/* ---- Risks --------------------------------------------------------------------- */

KsRisk *
ks_risk_new (void)
{
  return g_new0 (KsRisk, 1);
}

KsRisk *
ks_risk_copy (const KsRisk *risk)
{
  KsRisk *copy;

  g_return_val_if_fail (risk != NULL, NULL);

  copy = g_new0 (KsRisk, 1);
  copy->id = risk->id;
  copy->category = risk->category;
  copy->severity = risk->severity;
  copy->raised = g_strdup (risk->raised);
  copy->description = g_strdup (risk->description);
  copy->contingency = g_strdup (risk->contingency);
  copy->closed = risk->closed;

  return copy;
}

void
ks_risk_free (KsRisk *risk)
{
  if (risk == NULL)
    return;

  g_free (risk->raised);
  g_free (risk->description);
  g_free (risk->contingency);
  g_free (risk);
}

gboolean
ks_risk_validate (const KsRisk  *risk,
                  GError       **error)
{
  GDate raised;

  g_return_val_if_fail (risk != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ks_validate_is_blank (risk->description))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The risk needs a description."));
      return FALSE;
    }

  /* Translators: the name of a field of a risk warning: what the risk is */
  if (!ks_validate_text (risk->description, KS_PLAN_TEXT_MAX, C_("risk", "Description"), error)
      /* Translators: the name of a field of a risk warning: what we do if it happens */
      || !ks_validate_text (risk->contingency, KS_PLAN_TEXT_MAX, C_("risk", "Contingency"),
                            error))
    return FALSE;

  if (ks_validate_is_blank (risk->raised))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           /* Translators: keep YYYY-MM-DD as it is, or use the way your
                            * language writes the pattern */
                           _("The risk needs the date it was raised: write it as "
                             "YYYY-MM-DD."));
      return FALSE;
    }

  if (!ks_plan_parse_date (risk->raised, &raised))
    {
      if (ks_validate_can_echo (risk->raised))
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     /* Translators: %s is what the user typed; keep YYYY-MM-DD as it is,
                      * or use the way your language writes the pattern */
                     _("The date raised “%s” is not a date: write it as YYYY-MM-DD."),
                     risk->raised);
      else
        g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                             /* Translators: keep YYYY-MM-DD as it is, or use the way your
                              * language writes the pattern */
                             _("The date raised is not a date: write it as YYYY-MM-DD."));
      return FALSE;
    }

  if ((guint) risk->category >= KS_N_RISK_CATEGORIES
      || (guint) risk->severity >= KS_N_RISK_SEVERITIES)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The category or the severity of the risk is not one Keystone "
                             "knows. Choose them from the lists."));
      return FALSE;
    }

  return TRUE;
}

/* ---- Targets ------------------------------------------------------------------- */

gboolean
ks_target_year_get_target (const KsTargetYear *year,
                           guint               index,
                           gint64             *value)
{
  gboolean set;

  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (index <= KS_PLAN_N_QUARTERS, FALSE);

  set = (year->has_target & (1u << index)) != 0;
  if (value != NULL)
    *value = set ? year->target[index] : 0;

  return set;
}

gboolean
ks_target_year_get_actual (const KsTargetYear *year,
                           guint               quarter,
                           gint64             *value)
{
  gboolean set;

  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (quarter >= 1 && quarter <= KS_PLAN_N_QUARTERS, FALSE);

  set = (year->has_actual & (1u << quarter)) != 0;
  if (value != NULL)
    *value = set ? year->actual[quarter] : 0;

  return set;
}

/* Both the target and the actual of @quarter (1–4) are set. */
static gboolean
quarter_complete (const KsTargetYear *year,
                  guint               quarter)
{
  guint bit = 1u << quarter;

  return (year->has_target & bit) != 0 && (year->has_actual & bit) != 0;
}

gboolean
ks_target_year_annual_target (const KsTargetYear *year,
                              gint64             *value)
{
  double sum = 0.0;
  guint count = 0;
  guint q;

  g_return_val_if_fail (year != NULL, FALSE);

  if (value != NULL)
    *value = 0;

  if (ks_target_year_get_target (year, 0, value))
    return TRUE;

  /* Summed as a double, as ks_plan_attainment_ytd() does: four gint64 amounts may
   * overflow. */
  for (q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      if (year->has_target & (1u << q))
        {
          sum += (double) year->target[q];
          count++;
        }
    }

  if (count == 0)
    return FALSE;

  if (value != NULL)
    {
      if (ks_target_metric_is_money (year->metric))
        *value = (gint64) sum;
      else
        *value = (gint64) round (sum / count);
    }

  return TRUE;
}

guint
ks_target_year_attainments (const KsTargetYear *year,
                            double              attainment[KS_PLAN_N_QUARTERS])
{
  guint last = 0;
  guint q;

  g_return_val_if_fail (year != NULL, 0);
  g_return_val_if_fail (attainment != NULL, 0);

  for (q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      if (quarter_complete (year, q))
        {
          attainment[q - 1] = ks_plan_attainment (year->target[q], year->actual[q]);
          last = q;
        }
      else
        attainment[q - 1] = NAN;
    }

  return last;
}

/* ---- The whole plan ------------------------------------------------------------ */

KsAccountPlan *
ks_account_plan_new (gint64 account_id)
{
  KsAccountPlan *plan = g_new0 (KsAccountPlan, 1);

  plan->account_id = account_id;
  plan->credit_rating = g_strdup ("");
  plan->targets = g_array_new (FALSE, TRUE, sizeof (KsTargetYear));
  plan->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_action_free);
  plan->whitespace = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_whitespace_free);
  plan->swot = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_swot_item_free);
  plan->risks = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_risk_free);
  plan->relations = ks_relations_new (account_id);
  plan->contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_contract_free);

  return plan;
}

/* Appends a copy of each item of @from (may be NULL) to @to. */
static void
copy_items (GPtrArray *to,
            GPtrArray *from,
            GCopyFunc  copy)
{
  guint i;

  if (from == NULL)
    return;

  for (i = 0; i < from->len; i++)
    g_ptr_array_add (to, copy (g_ptr_array_index (from, i), NULL));
}

/* GCopyFunc adapters: the copy functions take one argument. */
static gpointer
copy_action (gconstpointer src,
             gpointer      data)
{
  return ks_action_copy (src);
}

static gpointer
copy_whitespace (gconstpointer src,
                 gpointer      data)
{
  return ks_whitespace_copy (src);
}

static gpointer
copy_swot_item (gconstpointer src,
                gpointer      data)
{
  return ks_swot_item_copy (src);
}

static gpointer
copy_risk (gconstpointer src,
           gpointer      data)
{
  return ks_risk_copy (src);
}

static gpointer
copy_contract (gconstpointer src,
               gpointer      data)
{
  return ks_contract_copy (src);
}

KsAccountPlan *
ks_account_plan_copy (const KsAccountPlan *plan)
{
  KsAccountPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = ks_account_plan_new (plan->account_id);
  g_free (copy->credit_rating);
  copy->credit_rating = g_strdup (plan->credit_rating != NULL ? plan->credit_rating : "");

  if (plan->targets != NULL && plan->targets->len > 0)
    g_array_append_vals (copy->targets, plan->targets->data, plan->targets->len);

  copy_items (copy->actions, plan->actions, copy_action);
  copy_items (copy->whitespace, plan->whitespace, copy_whitespace);
  copy_items (copy->swot, plan->swot, copy_swot_item);
  copy_items (copy->risks, plan->risks, copy_risk);
  copy_items (copy->contracts, plan->contracts, copy_contract);

  if (plan->relations != NULL)
    {
      ks_relations_free (copy->relations);
      copy->relations = ks_relations_copy (plan->relations);
    }

  return copy;
}

void
ks_account_plan_free (KsAccountPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->credit_rating);
  g_clear_pointer (&plan->targets, g_array_unref);
  g_clear_pointer (&plan->actions, g_ptr_array_unref);
  g_clear_pointer (&plan->whitespace, g_ptr_array_unref);
  g_clear_pointer (&plan->swot, g_ptr_array_unref);
  g_clear_pointer (&plan->risks, g_ptr_array_unref);
  g_clear_pointer (&plan->relations, ks_relations_free);
  g_clear_pointer (&plan->contracts, g_ptr_array_unref);
  g_free (plan);
}

gboolean
ks_account_plan_is_empty (const KsAccountPlan *plan)
{
  g_return_val_if_fail (plan != NULL, TRUE);

  return (plan->targets == NULL || plan->targets->len == 0)
         && (plan->actions == NULL || plan->actions->len == 0)
         && (plan->whitespace == NULL || plan->whitespace->len == 0)
         && (plan->swot == NULL || plan->swot->len == 0)
         && (plan->risks == NULL || plan->risks->len == 0)
         && (plan->relations == NULL || ks_relations_is_empty (plan->relations))
         && (plan->contracts == NULL || plan->contracts->len == 0)
         && (plan->credit_rating == NULL || plan->credit_rating[0] == '\0');
}

const KsTargetYear *
ks_account_plan_find_target (const KsAccountPlan *plan,
                             int                  year,
                             KsTargetMetric       metric)
{
  guint i;

  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->targets == NULL)
    return NULL;

  for (i = 0; i < plan->targets->len; i++)
    {
      const KsTargetYear *target = &g_array_index (plan->targets, KsTargetYear, i);

      if (target->year == year && target->metric == metric)
        return target;
    }

  return NULL;
}

/* ---- Health and alerts --------------------------------------------------------- */

/* Revenue attainment of @year up to @today_quarter into @inputs. */
static void
inputs_from_revenue (const KsTargetYear *year,
                     guint               today_quarter,
                     KsHealthInputs     *inputs)
{
  gint64 targets[KS_PLAN_N_QUARTERS] = { 0 };
  gint64 actuals[KS_PLAN_N_QUARTERS] = { 0 };
  gboolean any_complete = FALSE;
  guint last_actual = 0;
  guint q;

  for (q = 1; q <= today_quarter; q++)
    {
      ks_target_year_get_target (year, q, &targets[q - 1]);
      if (ks_target_year_get_actual (year, q, &actuals[q - 1]))
        last_actual = q;
      if (quarter_complete (year, q))
        any_complete = TRUE;
    }

  if (!any_complete)
    return;

  /* A complete quarter has an actual, so last_actual is at least 1. */
  inputs->has_attainment = TRUE;
  inputs->attainment_ytd = ks_plan_attainment_ytd (targets, actuals, last_actual);

  if (last_actual >= 2
      && quarter_complete (year, last_actual - 1) && quarter_complete (year, last_actual))
    {
      inputs->has_quarter_change = TRUE;
      inputs->previous_attainment = ks_plan_attainment (year->target[last_actual - 1],
                                                        year->actual[last_actual - 1]);
      inputs->current_attainment = ks_plan_attainment (year->target[last_actual],
                                                       year->actual[last_actual]);
    }
}

void
ks_plan_inputs_from_plan (const KsAccountPlan *plan,
                          const GDate         *today,
                          KsHealthInputs      *inputs)
{
  const KsTargetYear *revenue;
  guint today_quarter;
  guint i;

  g_return_if_fail (inputs != NULL);
  memset (inputs, 0, sizeof *inputs);
  g_return_if_fail (plan != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  today_quarter = (g_date_get_month (today) - 1) / 3 + 1;
  revenue = ks_account_plan_find_target (plan, g_date_get_year (today),
                                         KS_TARGET_METRIC_REVENUE);
  if (revenue != NULL)
    {
      /* A year with an annual target only counts a quarter of it for each quarter. */
      KsTargetYear spread = *revenue;
      gint64 annual;

      if (ks_target_year_get_target (revenue, 0, &annual))
        for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
          if (!(spread.has_target & (1u << q)))
            {
              spread.has_target |= 1u << q;
              spread.target[q] = ks_target_metric_is_money (revenue->metric) ? annual / 4
                                                                              : annual;
            }
      inputs_from_revenue (&spread, today_quarter, inputs);
    }

  for (i = 0; plan->actions != NULL && i < plan->actions->len; i++)
    {
      const KsAction *action = g_ptr_array_index (plan->actions, i);
      GDate due;

      if ((guint) action->status >= KS_N_ACTION_STATUSES
          || ks_action_status_is_closed (action->status))
        continue;

      inputs->open_actions++;
      /* An unreadable due date is cleared: never overdue. */
      ks_plan_parse_date (action->due, &due);
      if (ks_plan_action_is_overdue (&due, action->status, today))
        inputs->overdue_actions++;
    }

  for (i = 0; plan->risks != NULL && i < plan->risks->len; i++)
    {
      const KsRisk *risk = g_ptr_array_index (plan->risks, i);

      if (!risk->closed && (guint) risk->severity < KS_N_RISK_SEVERITIES)
        inputs->open_risks[risk->severity]++;
    }

  for (i = 0; plan->contracts != NULL && i < plan->contracts->len; i++)
    if (ks_contract_has_alert (g_ptr_array_index (plan->contracts, i)))
      inputs->contract_issue = TRUE;
}

void
ks_plan_summary_compute (const KsHealthInputs  *inputs,
                         const KsHealthWeights *weights,
                         double                 drop_threshold_points,
                         KsPlanSummary         *summary)
{
  KsHealthBreakdown breakdown;

  g_return_if_fail (summary != NULL);
  memset (summary, 0, sizeof *summary);
  g_return_if_fail (inputs != NULL);
  g_return_if_fail (weights != NULL);
  g_return_if_fail (drop_threshold_points > 0.0);

  summary->has_attainment = inputs->has_attainment;
  summary->attainment_ytd = inputs->has_attainment ? inputs->attainment_ytd : 0.0;
  summary->has_health = ks_plan_health_compute (inputs, weights, &breakdown);
  summary->health = summary->has_health ? breakdown.total : 0.0;
  summary->alerts = ks_plan_alerts (inputs, drop_threshold_points);
  summary->overdue_actions = inputs->overdue_actions;
  summary->overdue_complaints = inputs->overdue_complaints;
}
