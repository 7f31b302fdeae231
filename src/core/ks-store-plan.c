/* ks-store-plan.c — account plans in the database: credit rating, targets, actions,
 * products and whitespace, SWOT, risks; the plan summaries the portfolio shows; the
 * store's clock ("now" and "today"). Relationships are ks-store-relations.c's, contracts
 * ks-store-contracts.c's; both are read, written and summarized with the plan here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ks-error.h"
#include "ks-quarter.h"
#include "ks-sample.h"
#include "ks-store-private.h"

typedef enum
{
  PLAN_READ_RATING,
  PLAN_READ_TARGETS,
  PLAN_READ_ACTIONS,
  PLAN_READ_WHITESPACE,
  PLAN_READ_SWOT,
  PLAN_READ_RISKS,
  PLAN_ALL_TARGETS,
  PLAN_ALL_ACTIONS,
  PLAN_ALL_RISKS,
  PLAN_HAS_PLAN,
  PLAN_SET_RATING,
  PLAN_DELETE_RATING,
  PLAN_DELETE_TARGET_YEAR,
  PLAN_INSERT_TARGET,
  PLAN_INSERT_ACTION,
  PLAN_UPDATE_ACTION,
  PLAN_ACTION_ACCOUNT,
  PLAN_DELETE_ACTION,
  PLAN_PRODUCTS,
  PLAN_PRODUCT_IDS,
  PLAN_PRODUCT_EXISTS,
  PLAN_PRODUCT_NAME_TAKEN,
  PLAN_INSERT_PRODUCT,
  PLAN_RENAME_PRODUCT,
  PLAN_SET_PRODUCT_POSITION,
  PLAN_DELETE_PRODUCT,
  PLAN_PRODUCT_CELLS,
  PLAN_SAVE_WHITESPACE,
  PLAN_DELETE_WHITESPACE,
  PLAN_SWOT_ITEM,
  PLAN_SWOT_IDS,
  PLAN_INSERT_SWOT,
  PLAN_UPDATE_SWOT,
  PLAN_SET_SWOT_POSITION,
  PLAN_DELETE_SWOT,
  PLAN_INSERT_RISK,
  PLAN_UPDATE_RISK,
  PLAN_RISK_ACCOUNT,
  PLAN_DELETE_RISK,
  N_PLAN_STMTS
} PlanStmt;

/* The columns each kind of row is read from; column 0 is always the account id. */
#define TARGET_COLUMNS     "account_id, year, metric, idx, target, actual"
#define ACTION_COLUMNS     "account_id, id, title, owner, due, status, metric, notes"
#define WHITESPACE_COLUMNS "account_id, product_id, state, kind, value, quarter, note"
#define SWOT_COLUMNS       "account_id, id, kind, position, text"
#define RISK_COLUMNS       "account_id, id, category, severity, raised, description, " \
                           "contingency, closed"

static const char * const plan_sql[N_PLAN_STMTS] = {
  [PLAN_READ_RATING] = "SELECT credit_rating FROM account_plan WHERE account_id = ?1",
  [PLAN_READ_TARGETS] = "SELECT " TARGET_COLUMNS " FROM target WHERE account_id = ?1",
  /* by due date, none last, then id */
  [PLAN_READ_ACTIONS] = "SELECT " ACTION_COLUMNS " FROM action WHERE account_id = ?1 "
                        "ORDER BY due IS NULL, due, id",
  /* in the order of the products */
  [PLAN_READ_WHITESPACE] = "SELECT w.account_id, w.product_id, w.state, w.kind, w.value, "
                           "w.quarter, w.note FROM whitespace AS w "
                           "JOIN product AS p ON p.id = w.product_id "
                           "WHERE w.account_id = ?1 ORDER BY p.position, p.id",
  [PLAN_READ_SWOT] = "SELECT " SWOT_COLUMNS " FROM swot_item WHERE account_id = ?1",
  [PLAN_READ_RISKS] = "SELECT " RISK_COLUMNS " FROM risk WHERE account_id = ?1",
  /* What the summaries read, for every account at once */
  [PLAN_ALL_TARGETS] = "SELECT " TARGET_COLUMNS " FROM target",
  [PLAN_ALL_ACTIONS] = "SELECT " ACTION_COLUMNS " FROM action",
  [PLAN_ALL_RISKS] = "SELECT " RISK_COLUMNS " FROM risk",
  [PLAN_HAS_PLAN] = "SELECT EXISTS (SELECT 1 FROM account_plan "
                    "               WHERE account_id = ?1 AND credit_rating <> '') "
                    "OR EXISTS (SELECT 1 FROM target WHERE account_id = ?1) "
                    "OR EXISTS (SELECT 1 FROM action WHERE account_id = ?1) "
                    "OR EXISTS (SELECT 1 FROM whitespace WHERE account_id = ?1) "
                    "OR EXISTS (SELECT 1 FROM swot_item WHERE account_id = ?1) "
                    "OR EXISTS (SELECT 1 FROM risk WHERE account_id = ?1) "
                    "OR EXISTS (SELECT 1 FROM contact WHERE account_id = ?1) "
                    "OR EXISTS (SELECT 1 FROM interaction WHERE account_id = ?1) "
                    "OR EXISTS (SELECT 1 FROM satisfaction WHERE account_id = ?1) "
                    "OR EXISTS (SELECT 1 FROM complaint WHERE account_id = ?1) "
                    "OR EXISTS (SELECT 1 FROM contract WHERE account_id = ?1)",
  [PLAN_SET_RATING] = "INSERT INTO account_plan (account_id, credit_rating) VALUES (?1, ?2) "
                      "ON CONFLICT (account_id) DO UPDATE "
                      "SET credit_rating = excluded.credit_rating",
  [PLAN_DELETE_RATING] = "DELETE FROM account_plan WHERE account_id = ?1",
  [PLAN_DELETE_TARGET_YEAR] = "DELETE FROM target "
                              "WHERE account_id = ?1 AND year = ?2 AND metric = ?3",
  [PLAN_INSERT_TARGET] = "INSERT INTO target (account_id, year, metric, idx, target, actual) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [PLAN_INSERT_ACTION] = "INSERT INTO action (id, account_id, title, owner, due, status, "
                         "metric, notes, created_at, updated_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
  [PLAN_UPDATE_ACTION] = "UPDATE action SET title = ?3, owner = ?4, due = ?5, status = ?6, "
                         "metric = ?7, notes = ?8, updated_at = ?9 "
                         "WHERE id = ?1 AND account_id = ?2",
  [PLAN_ACTION_ACCOUNT] = "SELECT account_id FROM action WHERE id = ?1",
  [PLAN_DELETE_ACTION] = "DELETE FROM action WHERE id = ?1",
  [PLAN_PRODUCTS] = "SELECT id, name FROM product ORDER BY position, id",
  [PLAN_PRODUCT_IDS] = "SELECT id FROM product ORDER BY position, id",
  [PLAN_PRODUCT_EXISTS] = "SELECT name FROM product WHERE id = ?1",
  [PLAN_PRODUCT_NAME_TAKEN] = "SELECT 1 FROM product WHERE name_key = ?1 AND id <> ?2",
  [PLAN_INSERT_PRODUCT] = "INSERT INTO product (id, name, name_key, position) "
                          "VALUES (?1, ?2, ?3, ?4)",
  [PLAN_RENAME_PRODUCT] = "UPDATE product SET name = ?2, name_key = ?3 WHERE id = ?1",
  [PLAN_SET_PRODUCT_POSITION] = "UPDATE product SET position = ?2 "
                                "WHERE id = ?1 AND position <> ?2",
  [PLAN_DELETE_PRODUCT] = "DELETE FROM product WHERE id = ?1",
  [PLAN_PRODUCT_CELLS] = "SELECT " WHITESPACE_COLUMNS " FROM whitespace WHERE product_id = ?1",
  [PLAN_SAVE_WHITESPACE] = "INSERT INTO whitespace (account_id, product_id, state, kind, "
                           "value, quarter, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                           "ON CONFLICT (account_id, product_id) DO UPDATE "
                           "SET state = excluded.state, kind = excluded.kind, "
                           "value = excluded.value, quarter = excluded.quarter, "
                           "note = excluded.note",
  [PLAN_DELETE_WHITESPACE] = "DELETE FROM whitespace WHERE account_id = ?1 AND product_id = ?2",
  [PLAN_SWOT_ITEM] = "SELECT account_id, kind FROM swot_item WHERE id = ?1",
  [PLAN_SWOT_IDS] = "SELECT id FROM swot_item WHERE account_id = ?1 AND kind = ?2 "
                    "ORDER BY position, id",
  [PLAN_INSERT_SWOT] = "INSERT INTO swot_item (id, account_id, kind, position, text) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)",
  [PLAN_UPDATE_SWOT] = "UPDATE swot_item SET text = ?3 WHERE id = ?1 AND account_id = ?2",
  [PLAN_SET_SWOT_POSITION] = "UPDATE swot_item SET position = ?2 "
                             "WHERE id = ?1 AND position <> ?2",
  [PLAN_DELETE_SWOT] = "DELETE FROM swot_item WHERE id = ?1",
  [PLAN_INSERT_RISK] = "INSERT INTO risk (id, account_id, category, severity, raised, "
                       "description, contingency, closed) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [PLAN_UPDATE_RISK] = "UPDATE risk SET category = ?3, severity = ?4, raised = ?5, "
                       "description = ?6, contingency = ?7, closed = ?8 "
                       "WHERE id = ?1 AND account_id = ?2",
  [PLAN_RISK_ACCOUNT] = "SELECT account_id FROM risk WHERE id = ?1",
  [PLAN_DELETE_RISK] = "DELETE FROM risk WHERE id = ?1",
};

/* Statements */

void
ks_store_plan_init (KsStore *self)
{
  self->plan_stmts = g_new0 (sqlite3_stmt *, N_PLAN_STMTS);
}

void
ks_store_plan_close (KsStore *self)
{
  if (self->plan_stmts == NULL)
    return;
  for (guint i = 0; i < N_PLAN_STMTS; i++)
    g_clear_pointer (&self->plan_stmts[i], sqlite3_finalize);
}

static sqlite3_stmt *
plan_stmt (KsStore   *self,
           PlanStmt   id,
           GError   **error)
{
  return ks_store_prepare_cached (self, &self->plan_stmts[id], plan_sql[id], error);
}

/* Runs statement @id with @param bound as ?1, to the end. */
static gboolean
run_with_id (KsStore   *self,
             PlanStmt   id,
             gint64     param,
             GError   **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, id, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  return ks_store_step_done (self, stmt, error);
}

/* The first column of the first row of @stmt (bound), as an id; 0 when there is no
 * row. */
static gboolean
query_id (KsStore       *self,
          sqlite3_stmt  *stmt,
          gint64        *out_id,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Reading rows into plans */

typedef void (*PlanRowFunc) (sqlite3_stmt  *stmt,
                             KsAccountPlan *plan);

static void
read_target (sqlite3_stmt  *stmt,
             KsAccountPlan *plan)
{
  int year = sqlite3_column_int (stmt, 1);
  int metric = ks_target_metric_from_key (column_text (stmt, 2));
  int idx = sqlite3_column_int (stmt, 3);
  KsTargetYear *entry = NULL;

  /* the CHECK constraints keep anything else out */
  if (metric < 0 || idx < 0 || idx > KS_PLAN_N_QUARTERS)
    return;

  for (guint i = 0; i < plan->targets->len && entry == NULL; i++)
    {
      KsTargetYear *t = &g_array_index (plan->targets, KsTargetYear, i);

      if (t->year == year && (int) t->metric == metric)
        entry = t;
    }
  if (entry == NULL)
    {
      KsTargetYear blank = { 0, };

      blank.year = year;
      blank.metric = metric;
      g_array_append_val (plan->targets, blank);
      entry = &g_array_index (plan->targets, KsTargetYear, plan->targets->len - 1);
    }

  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    {
      entry->has_target |= 1u << idx;
      entry->target[idx] = sqlite3_column_int64 (stmt, 4);
    }
  if (idx > 0 && sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    {
      entry->has_actual |= 1u << idx;
      entry->actual[idx] = sqlite3_column_int64 (stmt, 5);
    }
}

static void
read_action (sqlite3_stmt  *stmt,
             KsAccountPlan *plan)
{
  KsAction *action = ks_action_new ();
  int status = ks_action_status_from_key (column_text (stmt, 5));

  action->id = sqlite3_column_int64 (stmt, 1);
  action->title = g_strdup (column_text (stmt, 2));
  action->owner = g_strdup (column_text (stmt, 3));
  action->due = column_dup_or_null (stmt, 4);
  action->status = status >= 0 ? status : KS_ACTION_OPEN;
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    action->metric = ks_target_metric_from_key (column_text (stmt, 6));
  action->notes = g_strdup (column_text (stmt, 7));

  g_ptr_array_add (plan->actions, action);
}

static KsWhitespace *
whitespace_from_row (sqlite3_stmt *stmt)
{
  KsWhitespace *cell = ks_whitespace_new ();
  int state = ks_whitespace_state_from_key (column_text (stmt, 2));
  int kind = ks_opportunity_kind_from_key (column_text (stmt, 3));

  cell->product_id = sqlite3_column_int64 (stmt, 1);
  cell->state = state >= 0 ? state : KS_WHITESPACE_UNKNOWN;
  cell->kind = kind >= 0 ? kind : KS_OPPORTUNITY_CROSS_SELL;
  cell->value = sqlite3_column_int64 (stmt, 4);
  cell->quarter = column_dup_or_null (stmt, 5);
  cell->note = g_strdup (column_text (stmt, 6));

  return cell;
}

static void
read_whitespace (sqlite3_stmt  *stmt,
                 KsAccountPlan *plan)
{
  g_ptr_array_add (plan->whitespace, whitespace_from_row (stmt));
}

static void
read_swot_item (sqlite3_stmt  *stmt,
                KsAccountPlan *plan)
{
  KsSwotItem *item = g_new0 (KsSwotItem, 1);
  int kind = ks_swot_kind_from_key (column_text (stmt, 2));

  item->id = sqlite3_column_int64 (stmt, 1);
  item->kind = kind >= 0 ? kind : KS_SWOT_STRENGTH;
  item->position = sqlite3_column_int (stmt, 3);
  item->text = g_strdup (column_text (stmt, 4));

  g_ptr_array_add (plan->swot, item);
}

static void
read_risk (sqlite3_stmt  *stmt,
           KsAccountPlan *plan)
{
  KsRisk *risk = ks_risk_new ();
  int category = ks_risk_category_from_key (column_text (stmt, 2));
  int severity = ks_risk_severity_from_key (column_text (stmt, 3));

  risk->id = sqlite3_column_int64 (stmt, 1);
  risk->category = category >= 0 ? category : KS_RISK_OTHER;
  risk->severity = severity >= 0 ? severity : KS_RISK_LOW;
  risk->raised = g_strdup (column_text (stmt, 4));
  risk->description = g_strdup (column_text (stmt, 5));
  risk->contingency = g_strdup (column_text (stmt, 6));
  risk->closed = sqlite3_column_int (stmt, 7) != 0;

  g_ptr_array_add (plan->risks, risk);
}

KsAccountPlan *
ks_store_plan_for_account (GHashTable *plans,
                           gint64      account_id)
{
  KsAccountPlan *plan = g_hash_table_lookup (plans, &account_id);

  if (plan == NULL)
    {
      plan = ks_account_plan_new (account_id);
      g_hash_table_insert (plans, &plan->account_id, plan);
    }
  return plan;
}

/* The plan of the row's account (column 0) in @plans. */
static KsAccountPlan *
plan_for_row (GHashTable   *plans,
              sqlite3_stmt *stmt)
{
  return ks_store_plan_for_account (plans, sqlite3_column_int64 (stmt, 0));
}

/* Passes each row of statement @id to @func: with @plans, the plan of the row's
 * account; else @plan, and @account_id is bound as ?1. */
static gboolean
read_rows (KsStore        *self,
           PlanStmt        id,
           gint64          account_id,
           PlanRowFunc     func,
           KsAccountPlan  *plan,
           GHashTable     *plans,
           GError        **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (plans == NULL)
    sqlite3_bind_int64 (stmt, 1, account_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, plans != NULL ? plan_for_row (plans, stmt) : plan);
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b)
{
  const KsTargetYear *ta = a;
  const KsTargetYear *tb = b;

  if (ta->year != tb->year)
    return ta->year < tb->year ? -1 : 1;
  return (ta->metric > tb->metric) - (ta->metric < tb->metric);
}

static int
compare_ids (gint64 a,
             gint64 b)
{
  return (a > b) - (a < b);
}

static int
compare_swot_items (gconstpointer a,
                    gconstpointer b)
{
  const KsSwotItem *ia = *(KsSwotItem * const *) a;
  const KsSwotItem *ib = *(KsSwotItem * const *) b;

  if (ia->kind != ib->kind)
    return ia->kind < ib->kind ? -1 : 1;
  if (ia->position != ib->position)
    return ia->position < ib->position ? -1 : 1;
  return compare_ids (ia->id, ib->id);
}

/* Open first, then the most severe, then the newest. */
static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  const KsRisk *ra = *(KsRisk * const *) a;
  const KsRisk *rb = *(KsRisk * const *) b;
  int cmp;

  if (ra->closed != rb->closed)
    return ra->closed ? 1 : -1;
  if (ra->severity != rb->severity)
    return ra->severity > rb->severity ? -1 : 1;
  /* "YYYY-MM-DD" sorts as text */
  cmp = g_strcmp0 (rb->raised, ra->raised);
  if (cmp != 0)
    return cmp;
  return compare_ids (ra->id, rb->id);
}

KsAccountPlan *
ks_store_plan_read (KsStore  *self,
                    gint64    account_id,
                    GError  **error)
{
  g_autoptr(KsAccountPlan) plan = ks_account_plan_new (account_id);
  sqlite3_stmt *stmt;
  int rc;

  stmt = plan_stmt (self, PLAN_READ_RATING, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (plan->credit_rating);
      plan->credit_rating = g_strdup (column_text (stmt, 0));
    }
  else if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return NULL;

  if (!read_rows (self, PLAN_READ_TARGETS, account_id, read_target, plan, NULL, error)
      || !read_rows (self, PLAN_READ_ACTIONS, account_id, read_action, plan, NULL, error)
      || !read_rows (self, PLAN_READ_WHITESPACE, account_id, read_whitespace, plan, NULL,
                     error)
      || !read_rows (self, PLAN_READ_SWOT, account_id, read_swot_item, plan, NULL, error)
      || !read_rows (self, PLAN_READ_RISKS, account_id, read_risk, plan, NULL, error)
      || !ks_store_relations_read (self, account_id, plan->relations, error)
      || !ks_store_contracts_read (self, account_id, plan->contracts, error))
    return NULL;

  g_array_sort (plan->targets, compare_targets);
  g_ptr_array_sort (plan->swot, compare_swot_items);
  g_ptr_array_sort (plan->risks, compare_risks);

  return g_steal_pointer (&plan);
}

/* Summaries */

gboolean
ks_store_plan_is_key_account (KsAccount *account)
{
  KsTier tier = ks_account_get_tier (account);

  return tier == KS_TIER_CORE || tier == KS_TIER_KEY;
}

/* The clock a pass over the summaries reads, once: now, and its date. */
typedef struct
{
  GDateTime *now;
  GDate      today;
} Clock;

static void
date_of (GDateTime *time,
         GDate     *date)
{
  int year, month, day;

  g_date_time_get_ymd (time, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
clock_init (KsStore *self,
            Clock   *clock)
{
  clock->now = ks_store_dup_now (self);
  date_of (clock->now, &clock->today);
}

static void
clock_clear (Clock *clock)
{
  g_clear_pointer (&clock->now, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Clock, clock_clear)

/* @contract_issue: the account has a signed contract with an open issue, whatever
 * @plan's contracts say (the summaries at load read that alone, not the contracts). */
static void
summarize_as_of (KsStore             *self,
                 const KsAccountPlan *plan,
                 gboolean             key_account,
                 gboolean             contract_issue,
                 const Clock         *clock,
                 KsPlanSummary       *summary)
{
  KsHealthInputs inputs;
  gboolean has_rows = plan != NULL && (plan->targets->len > 0 || plan->actions->len > 0
                                       || plan->risks->len > 0);
  gboolean has_relations = plan != NULL && plan->relations != NULL
                           && !ks_relations_is_empty (plan->relations);

  for (guint i = 0; plan != NULL && plan->contracts != NULL && i < plan->contracts->len
                    && !contract_issue; i++)
    contract_issue = ks_contract_has_alert (g_ptr_array_index (plan->contracts, i));

  memset (summary, 0, sizeof *summary);
  if (!has_rows && !has_relations && !key_account && !contract_issue)
    return;

  memset (&inputs, 0, sizeof inputs);
  if (plan != NULL)
    ks_plan_inputs_from_plan (plan, &clock->today, &inputs);
  if (has_relations)
    ks_relations_fill_inputs (plan->relations, clock->now, &inputs);
  inputs.key_account = key_account;
  inputs.contract_issue = contract_issue;

  if (has_rows)
    ks_plan_summary_compute (&inputs, &self->health_weights, KS_PLAN_DROP_THRESHOLD_DEFAULT,
                             summary);
  else
    /* No health score: with no actions and no risks those components would score 100
     * from nothing (see ks_plan_summary_compute()). The alerts stand: an overdue
     * complaint, a key account without an executive contact (with no contacts at all,
     * too), a signed contract with an open issue. */
    summary->alerts = ks_plan_alerts (&inputs, KS_PLAN_DROP_THRESHOLD_DEFAULT);
}

void
ks_store_plan_summarize (KsStore             *self,
                         KsAccount           *account,
                         const KsAccountPlan *plan,
                         KsPlanSummary       *summary)
{
  g_auto(Clock) clock = { NULL, };

  clock_init (self, &clock);
  summarize_as_of (self, plan, ks_store_plan_is_key_account (account), FALSE, &clock,
                   summary);
}

gboolean
ks_store_plan_update_summary (KsStore   *self,
                              KsAccount *account)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  KsPlanSummary summary;
  gint64 id = ks_account_get_id (account);

  plan = ks_store_plan_read (self, id, &error);
  if (plan == NULL)
    {
      g_warning ("Could not read the plan of account %" G_GINT64_FORMAT ": %s", id,
                 error->message);
      return FALSE;
    }

  ks_store_plan_summarize (self, account, plan, &summary);
  return ks_account_set_plan_summary (account, &summary);
}

/* Account id → KsAccountPlan with the rows the summaries read (targets, actions,
 * risks; contacts, surveys, complaints), for the accounts that have any: one pass over
 * each table, so that opening a portfolio whose accounts mostly have no plan costs next
 * to nothing. Contracts are not read: @contract_alerts receives the ids of the accounts
 * with the contract alert (a set of gint64 *), from one query. */
static GHashTable *
read_summary_plans (KsStore      *self,
                    GHashTable  **contract_alerts,
                    GError      **error)
{
  g_autoptr(GHashTable) plans = NULL;
  g_autoptr(GHashTable) alerts = NULL;

  plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                 (GDestroyNotify) ks_account_plan_free);
  alerts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!read_rows (self, PLAN_ALL_TARGETS, 0, read_target, NULL, plans, error)
      || !read_rows (self, PLAN_ALL_ACTIONS, 0, read_action, NULL, plans, error)
      || !read_rows (self, PLAN_ALL_RISKS, 0, read_risk, NULL, plans, error)
      || !ks_store_relations_read_all (self, plans, error)
      || !ks_store_contracts_read_alerts (self, alerts, error))
    return NULL;

  *contract_alerts = g_steal_pointer (&alerts);
  return g_steal_pointer (&plans);
}

void
ks_store_plan_init_summaries (KsStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) plans = NULL;
  g_autoptr(GHashTable) contract_alerts = NULL;
  g_auto(Clock) clock = { NULL, };
  GHashTableIter iter;
  gpointer id, account;

  plans = read_summary_plans (self, &contract_alerts, &error);
  if (plans == NULL)
    {
      g_warning ("Could not read the account plans of %s: %s", self->path, error->message);
      return;
    }

  /* The accounts without a plan keep the zeros they were made with, but for the alert
   * of a key account without an executive contact. Their tiers are known already. */
  clock_init (self, &clock);
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, &id, &account))
    {
      KsAccountPlan *plan = g_hash_table_lookup (plans, id);
      gboolean key_account = ks_store_plan_is_key_account (account);
      gboolean contract_issue = g_hash_table_contains (contract_alerts, id);
      KsPlanSummary summary;

      if (plan == NULL && !key_account && !contract_issue)
        continue;
      summarize_as_of (self, plan, key_account, contract_issue, &clock, &summary);
      ks_account_set_plan_summary (account, &summary);
    }
}

void
ks_store_plan_refresh_summaries (KsStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) plans = NULL;
  g_autoptr(GHashTable) contract_alerts = NULL;
  g_autofree KsAccount **changed = NULL;
  g_auto(Clock) clock = { NULL, };
  guint first = G_MAXUINT;
  guint last = 0;
  guint n;

  /* Not loaded yet: loading computes them. */
  if (!self->loaded || self->db == NULL)
    return;

  plans = read_summary_plans (self, &contract_alerts, &error);
  if (plans == NULL)
    {
      g_warning ("Could not read the account plans of %s: %s", self->path, error->message);
      return;
    }

  clock_init (self, &clock);
  n = ks_account_list_get_length (self->accounts);
  for (guint i = 0; i < n; i++)
    {
      KsAccount *account = ks_account_list_get (self->accounts, i);
      gint64 id = ks_account_get_id (account);
      KsPlanSummary summary;

      summarize_as_of (self, g_hash_table_lookup (plans, &id),
                       ks_store_plan_is_key_account (account),
                       g_hash_table_contains (contract_alerts, &id), &clock, &summary);
      if (ks_account_set_plan_summary (account, &summary))
        {
          first = MIN (first, i);
          last = i;
        }
    }

  if (first == G_MAXUINT)
    return;

  /* One items-changed over the changed accounts: the same objects in place. */
  changed = g_new (KsAccount *, last - first + 1);
  for (guint i = first; i <= last; i++)
    changed[i - first] = ks_account_list_get (self->accounts, i);
  ks_account_list_splice (self->accounts, first, last - first + 1, changed, last - first + 1);
}

void
ks_store_plan_changed (KsStore  *self,
                       gint64    account_id,
                       gboolean  affects_summary)
{
  KsAccount *account = g_hash_table_lookup (self->by_id, &account_id);
  guint position;

  if (account != NULL && affects_summary
      && ks_store_plan_update_summary (self, account)
      && ks_store_find_position (self, account_id, &position))
    ks_account_list_splice (self->accounts, position, 1, &account, 1);

  ks_store_emit_plan_changed (self, account_id);
}

/* Checks */

static gboolean
require_account (KsStore  *self,
                 gint64    account_id,
                 GError  **error)
{
  if (ks_store_lookup_account (self, account_id) != NULL)
    return TRUE;

  g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND,
                       _("The account no longer exists: it was deleted. Its plan cannot be "
                         "changed."));
  return FALSE;
}

gboolean
ks_store_plan_require_account (KsStore  *self,
                               gint64    account_id,
                               GError  **error)
{
  return require_account (self, account_id, error);
}

static void
set_item_not_found (GError     **error,
                    const char  *message)
{
  g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND, message);
}

/* @rating stripped, or NULL and KS_ERROR_INVALID. */
static char *
normalize_rating (const char  *rating,
                  GError     **error)
{
  g_autofree char *stripped = NULL;

  if (rating == NULL)
    rating = "";
  if (!g_utf8_validate (rating, -1, NULL))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The credit rating contains characters that cannot be read. "
                             "Type it again."));
      return NULL;
    }

  stripped = g_strstrip (g_strdup (rating));
  if (g_utf8_strlen (stripped, -1) > KS_PLAN_RATING_MAX)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The credit rating is too long. Shorten it to %d character.",
                                "The credit rating is too long. Shorten it to %d characters.",
                                KS_PLAN_RATING_MAX),
                   KS_PLAN_RATING_MAX);
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

static gboolean
validate_target_year (const KsTargetYear  *year,
                      GError             **error)
{
  if (year->year < KS_QUARTER_YEAR_MIN || year->year > KS_QUARTER_YEAR_MAX)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: the numbers are years */
                   _("Targets can be set for the years %d to %d."),
                   KS_QUARTER_YEAR_MIN, KS_QUARTER_YEAR_MAX);
      return FALSE;
    }
  if ((guint) year->metric >= KS_N_TARGET_METRICS)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The target’s measure is not one Keystone knows. Choose a "
                             "target from the list."));
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_store_plan_validate (const KsAccountPlan  *plan,
                        GError              **error)
{
  g_autofree char *rating = normalize_rating (plan->credit_rating, error);

  if (rating == NULL)
    return FALSE;
  for (guint i = 0; i < plan->targets->len; i++)
    if (!validate_target_year (&g_array_index (plan->targets, KsTargetYear, i), error))
      return FALSE;
  for (guint i = 0; i < plan->actions->len; i++)
    if (!ks_action_validate (g_ptr_array_index (plan->actions, i), error))
      return FALSE;
  for (guint i = 0; i < plan->whitespace->len; i++)
    if (!ks_whitespace_validate (g_ptr_array_index (plan->whitespace, i), error))
      return FALSE;
  for (guint i = 0; i < plan->swot->len; i++)
    if (!ks_swot_item_validate (g_ptr_array_index (plan->swot, i), error))
      return FALSE;
  for (guint i = 0; i < plan->risks->len; i++)
    if (!ks_risk_validate (g_ptr_array_index (plan->risks, i), error))
      return FALSE;

  return (plan->relations == NULL || ks_store_relations_validate (plan->relations, error))
         && ks_store_contracts_validate (plan->contracts, error);
}

/* Writing rows */

static gboolean
write_rating (KsStore     *self,
              gint64       account_id,
              const char  *rating,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (*rating == '\0')
    return run_with_id (self, PLAN_DELETE_RATING, account_id, error);

  stmt = plan_stmt (self, PLAN_SET_RATING, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  bind_text (stmt, 2, rating);
  return ks_store_step_done (self, stmt, error);
}

static gboolean
write_target_year (KsStore             *self,
                   gint64               account_id,
                   const KsTargetYear  *year,
                   GError             **error)
{
  const char *metric = ks_target_metric_get_key (year->metric);
  sqlite3_stmt *stmt;

  stmt = plan_stmt (self, PLAN_DELETE_TARGET_YEAR, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, year->year);
  bind_text (stmt, 3, metric);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  for (guint idx = 0; idx <= KS_PLAN_N_QUARTERS; idx++)
    {
      gboolean has_target = (year->has_target & (1u << idx)) != 0;
      /* entry 0's actual is unused: the annual actual is computed */
      gboolean has_actual = idx > 0 && (year->has_actual & (1u << idx)) != 0;

      if (!has_target && !has_actual)
        continue;

      stmt = plan_stmt (self, PLAN_INSERT_TARGET, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int (stmt, 2, year->year);
      bind_text (stmt, 3, metric);
      sqlite3_bind_int (stmt, 4, idx);
      if (has_target)
        sqlite3_bind_int64 (stmt, 5, year->target[idx]);
      else
        sqlite3_bind_null (stmt, 5);
      if (has_actual)
        sqlite3_bind_int64 (stmt, 6, year->actual[idx]);
      else
        sqlite3_bind_null (stmt, 6);
      if (!ks_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Inserts @action (with its id when it has one, else a new one into @out_id), or with
 * @update updates the row with its id; an update that finds no row is NOT_FOUND. */
static gboolean
write_action (KsStore         *self,
              gint64           account_id,
              const KsAction  *action,
              gboolean         update,
              const char      *now,
              gint64          *out_id,
              GError         **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, update ? PLAN_UPDATE_ACTION : PLAN_INSERT_ACTION,
                                  error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, action->id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  bind_text (stmt, 3, action->title);
  bind_text (stmt, 4, action->owner);
  bind_text_or_null (stmt, 5, action->due);
  bind_text (stmt, 6, ks_action_status_get_key (action->status));
  if (action->metric >= 0)
    bind_text (stmt, 7, ks_target_metric_get_key (action->metric));
  else
    sqlite3_bind_null (stmt, 7);
  bind_text (stmt, 8, action->notes);
  bind_text (stmt, 9, now);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      set_item_not_found (error, _("The action no longer exists: it was deleted."));
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = update ? action->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Whether the product @product_id exists. */
static gboolean
product_exists (KsStore   *self,
                gint64     product_id,
                gboolean  *exists,
                GError   **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, PLAN_PRODUCT_EXISTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  *exists = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Inserts or replaces the account's cell for @product_id; state UNKNOWN deletes it. */
static gboolean
write_whitespace (KsStore             *self,
                  gint64               account_id,
                  gint64               product_id,
                  const KsWhitespace  *cell,
                  GError             **error)
{
  g_autofree char *quarter = NULL;
  sqlite3_stmt *stmt;
  int year, q;

  if (cell->state == KS_WHITESPACE_UNKNOWN)
    {
      stmt = plan_stmt (self, PLAN_DELETE_WHITESPACE, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, product_id);
      return ks_store_step_done (self, stmt, error);
    }

  /* stored as "2026-Q3", however it was typed */
  if (cell->quarter != NULL && cell->quarter[0] != '\0'
      && ks_quarter_parse (cell->quarter, &year, &q, NULL))
    quarter = ks_quarter_format (year, q);

  stmt = plan_stmt (self, PLAN_SAVE_WHITESPACE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  bind_text (stmt, 3, ks_whitespace_state_get_key (cell->state));
  bind_text (stmt, 4, ks_opportunity_kind_get_key (cell->kind));
  sqlite3_bind_int64 (stmt, 5, cell->value);
  bind_text_or_null (stmt, 6, quarter);
  bind_text (stmt, 7, cell->note);
  return ks_store_step_done (self, stmt, error);
}

static gboolean
insert_swot_item (KsStore           *self,
                  gint64             account_id,
                  const KsSwotItem  *item,
                  int                position,
                  gint64            *out_id,
                  GError           **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, PLAN_INSERT_SWOT, error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, item->id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  bind_text (stmt, 3, ks_swot_kind_get_key (item->kind));
  sqlite3_bind_int (stmt, 4, position);
  bind_text (stmt, 5, item->text);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* As write_action(), for a risk. */
static gboolean
write_risk (KsStore       *self,
            gint64         account_id,
            const KsRisk  *risk,
            gboolean       update,
            gint64        *out_id,
            GError       **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, update ? PLAN_UPDATE_RISK : PLAN_INSERT_RISK, error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, risk->id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  bind_text (stmt, 3, ks_risk_category_get_key (risk->category));
  bind_text (stmt, 4, ks_risk_severity_get_key (risk->severity));
  bind_text (stmt, 5, risk->raised);
  bind_text (stmt, 6, risk->description);
  bind_text (stmt, 7, risk->contingency);
  sqlite3_bind_int (stmt, 8, risk->closed ? 1 : 0);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      set_item_not_found (error, _("The risk no longer exists: it was deleted."));
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = update ? risk->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
ks_store_plan_write (KsStore             *self,
                     gint64               account_id,
                     const KsAccountPlan *plan,
                     GError             **error)
{
  g_autofree char *rating = normalize_rating (plan->credit_rating, error);
  g_autofree char *now = ks_store_now_utc_iso8601 ();

  if (rating == NULL || !write_rating (self, account_id, rating, error))
    return FALSE;

  for (guint i = 0; i < plan->targets->len; i++)
    if (!write_target_year (self, account_id,
                            &g_array_index (plan->targets, KsTargetYear, i), error))
      return FALSE;

  for (guint i = 0; i < plan->actions->len; i++)
    if (!write_action (self, account_id, g_ptr_array_index (plan->actions, i), FALSE, now,
                       NULL, error))
      return FALSE;

  for (guint i = 0; i < plan->whitespace->len; i++)
    {
      const KsWhitespace *cell = g_ptr_array_index (plan->whitespace, i);
      gboolean exists = FALSE;

      /* a product deleted meanwhile takes its cells with it */
      if (!product_exists (self, cell->product_id, &exists, error))
        return FALSE;
      if (exists && !write_whitespace (self, account_id, cell->product_id, cell, error))
        return FALSE;
    }

  for (guint i = 0; i < plan->swot->len; i++)
    {
      const KsSwotItem *item = g_ptr_array_index (plan->swot, i);

      if (!insert_swot_item (self, account_id, item, item->position, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < plan->risks->len; i++)
    if (!write_risk (self, account_id, g_ptr_array_index (plan->risks, i), FALSE, NULL,
                     error))
      return FALSE;

  return (plan->relations == NULL
          || ks_store_relations_write (self, account_id, plan->relations, error))
         && ks_store_contracts_write (self, account_id, plan->contracts, error);
}

/* Orders: the ids of a list in order, moved about, and written back as positions */

static gboolean
read_ids (KsStore       *self,
          sqlite3_stmt  *stmt,
          GArray        *ids,
          GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

static gboolean
find_id (GArray *ids,
         gint64  id,
         guint  *index)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/* Moves entry @from of @ids to @to (clamped to the end). */
static void
move_id (GArray *ids,
         guint   from,
         guint   to)
{
  gint64 id = g_array_index (ids, gint64, from);

  g_array_remove_index (ids, from);
  g_array_insert_val (ids, MIN (to, ids->len), id);
}

/* Gives each id of @ids its index as position, with statement @id (?1 the id, ?2 the
 * position; rows already there are left alone). */
static gboolean
write_positions (KsStore   *self,
                 PlanStmt   id,
                 GArray    *ids,
                 GError   **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = plan_stmt (self, id, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);
      if (!ks_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_product_ids (KsStore  *self,
                  GArray   *ids,
                  GError  **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, PLAN_PRODUCT_IDS, error);

  return stmt != NULL && read_ids (self, stmt, ids, error);
}

static gboolean
read_swot_ids (KsStore     *self,
               gint64       account_id,
               KsSwotKind   kind,
               GArray      *ids,
               GError     **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, PLAN_SWOT_IDS, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  bind_text (stmt, 2, ks_swot_kind_get_key (kind));
  return read_ids (self, stmt, ids, error);
}

/* The account and kind of the SWOT item @item_id; FALSE and NOT_FOUND when gone. */
static gboolean
swot_item_place (KsStore     *self,
                 gint64       item_id,
                 gint64      *account_id,
                 KsSwotKind  *kind,
                 GError     **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, PLAN_SWOT_ITEM, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      int k = ks_swot_kind_from_key (column_text (stmt, 1));

      *account_id = sqlite3_column_int64 (stmt, 0);
      *kind = k >= 0 ? k : KS_SWOT_STRENGTH;
    }
  else if (rc == SQLITE_DONE)
    set_item_not_found (error, _("The SWOT line no longer exists: it was deleted."));
  else
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW;
}

/* The account of the row @item_id that statement @id looks up; NOT_FOUND with
 * @not_found when there is none. */
static gboolean
item_account (KsStore     *self,
              PlanStmt     id,
              gint64       item_id,
              const char  *not_found,
              gint64      *account_id,
              GError     **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, id, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!query_id (self, stmt, account_id, error))
    return FALSE;
  if (*account_id == 0)
    {
      set_item_not_found (error, not_found);
      return FALSE;
    }
  return TRUE;
}

/* Public API: reading */

KsAccountPlan *
ks_store_load_plan (KsStore  *self,
                    gint64    account_id,
                    GError  **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_account (self, account_id, error))
    return NULL;

  return ks_store_plan_read (self, account_id, error);
}

gboolean
ks_store_account_has_plan (KsStore *self,
                           gint64   account_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 has = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);

  stmt = plan_stmt (self, PLAN_HAS_PLAN, &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      query_id (self, stmt, &has, &error);
    }
  if (error != NULL)
    g_warning ("Could not look at the plan of account %" G_GINT64_FORMAT ": %s",
               account_id, error->message);

  return has != 0;
}

/* Public API: the credit rating and targets */

gboolean
ks_store_set_credit_rating (KsStore     *self,
                            gint64       account_id,
                            const char  *rating,
                            GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_account (self, account_id, error))
    return FALSE;
  stripped = normalize_rating (rating, error);
  if (stripped == NULL)
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_rating (self, account_id, stripped, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, FALSE);
  return TRUE;
}

gboolean
ks_store_save_target_year (KsStore             *self,
                           gint64               account_id,
                           const KsTargetYear  *year,
                           GError             **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_account (self, account_id, error) || !validate_target_year (year, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_target_year (self, account_id, year, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

/* Public API: actions */

gboolean
ks_store_save_action (KsStore    *self,
                      gint64      account_id,
                      KsAction   *action,
                      GError    **error)
{
  g_autofree char *now = NULL;
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_account (self, account_id, error) || !ks_action_validate (action, error))
    return FALSE;

  now = ks_store_now_utc_iso8601 ();
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_action (self, account_id, action, action->id > 0, now, &id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  action->id = id;
  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_delete_action (KsStore  *self,
                        gint64    action_id,
                        GError  **error)
{
  gint64 account_id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!item_account (self, PLAN_ACTION_ACCOUNT, action_id,
                     _("The action no longer exists: it was deleted."), &account_id, error)
      || !run_with_id (self, PLAN_DELETE_ACTION, action_id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_restore_action (KsStore         *self,
                         gint64           account_id,
                         const KsAction  *action,
                         GError         **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL && action->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_account (self, account_id, error) || !ks_action_validate (action, error))
    return FALSE;

  now = ks_store_now_utc_iso8601 ();
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_action (self, account_id, action, FALSE, now, NULL, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

/* Public API: products */

GPtrArray *
ks_store_dup_products (KsStore *self)
{
  GPtrArray *products;
  sqlite3_stmt *stmt;
  int rc;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  products = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_product_free);
  stmt = plan_stmt (self, PLAN_PRODUCTS, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not list the products: %s", error->message);
      return products;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KsProduct *product = g_new0 (KsProduct, 1);

      product->id = sqlite3_column_int64 (stmt, 0);
      product->name = g_strdup (column_text (stmt, 1));
      g_ptr_array_add (products, product);
    }
  if (rc != SQLITE_DONE)
    g_warning ("Could not list the products: %s", sqlite3_errmsg (self->db));
  sqlite3_reset (stmt);

  return products;
}

/* @name stripped, or NULL and KS_ERROR_INVALID. */
static char *
normalize_product_name (const char  *name,
                        GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The product name contains characters that cannot be read. "
                             "Type it again."));
      return NULL;
    }

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The product needs a name."));
      return NULL;
    }
  if (g_utf8_strlen (stripped, -1) > KS_PLAN_NAME_MAX)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The product name is too long. Shorten it to %d character.",
                                "The product name is too long. Shorten it to %d characters.",
                                KS_PLAN_NAME_MAX),
                   KS_PLAN_NAME_MAX);
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

/* Whether no product but @except_id has a name that folds to @key. */
static gboolean
check_product_name_free (KsStore     *self,
                         const char  *name,
                         const char  *key,
                         gint64       except_id,
                         GError     **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, PLAN_PRODUCT_NAME_TAKEN, error);
  gint64 taken = 0;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (!query_id (self, stmt, &taken, error))
    return FALSE;

  if (taken != 0)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_DUPLICATE,
                   _("A product named “%s” already exists."), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_product (KsStore     *self,
                gint64       id,
                const char  *name,
                const char  *key,
                guint        position,
                gint64      *out_id,
                GError     **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, PLAN_INSERT_PRODUCT, error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, id);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, key);
  sqlite3_bind_int (stmt, 4, (int) position);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Inside the caller's transaction: the sample products (those not there yet) and the
 * sample plans of @accounts, just inserted, whose places in the sample are
 * @sample_indices. Their summaries are set; the caller announces the accounts. */
gboolean
ks_store_plan_add_samples (KsStore    *self,
                           GPtrArray  *accounts,
                           GArray     *sample_indices,
                           GError    **error)
{
  const char * const *names = ks_sample_get_product_names ();
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_product_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) template = NULL;
  g_auto(Clock) clock = { NULL, };

  if (!read_product_ids (self, ids, error))
    return FALSE;
  /* the sample contracts are made from the template as the user has it */
  template = ks_store_dup_template (self, error);
  if (template == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *key = ks_account_fold (names[i]);
      g_autoptr(GError) local_error = NULL;
      KsProduct *product;
      gint64 id = 0;

      if (!check_product_name_free (self, names[i], key, 0, &local_error))
        {
          if (g_error_matches (local_error, KS_ERROR, KS_ERROR_DUPLICATE))
            continue;   /* kept as the user has it, and no cells for it */
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!insert_product (self, 0, names[i], key, ids->len + products->len, &id, error))
        return FALSE;
      product = g_new0 (KsProduct, 1);
      product->id = id;
      product->name = g_strdup (names[i]);
      g_ptr_array_add (products, product);
    }

  /* The accounts are scored: their plans depend on their tiers. */
  clock_init (self, &clock);
  for (guint i = 0; i < accounts->len; i++)
    {
      KsAccount *account = g_ptr_array_index (accounts, i);
      g_autoptr(KsAccountPlan) plan = ks_sample_create_plan (g_array_index (sample_indices,
                                                                            guint, i),
                                                             account, clock.now, products);
      KsPlanSummary summary;

      if (plan != NULL)
        ks_sample_add_contracts (plan, g_array_index (sample_indices, guint, i), account,
                                 clock.now, template);
      if (plan != NULL
          && (!ks_store_relations_number_contacts (self, plan->relations, error)
              || !ks_store_relations_validate (plan->relations, error)
              || !ks_store_contracts_validate (plan->contracts, error)
              || !ks_store_plan_write (self, ks_account_get_id (account), plan, error)))
        return FALSE;
      summarize_as_of (self, plan, ks_store_plan_is_key_account (account), FALSE, &clock,
                       &summary);
      ks_account_set_plan_summary (account, &summary);
    }

  return TRUE;
}

static void
set_product_not_found (GError **error)
{
  set_item_not_found (error, _("The product no longer exists: it was deleted."));
}

gboolean
ks_store_add_product (KsStore    *self,
                      KsProduct  *product,
                      GError    **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (product != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = normalize_product_name (product->name, error);
  if (name == NULL)
    return FALSE;
  key = ks_account_fold (name);

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!check_product_name_free (self, name, key, 0, error)
      || !read_product_ids (self, ids, error)
      || !insert_product (self, 0, name, key, ids->len, &id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  product->id = id;

  ks_store_emit_products_changed (self);
  return TRUE;
}

gboolean
ks_store_rename_product (KsStore     *self,
                         gint64       product_id,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = normalize_product_name (name, error);
  if (stripped == NULL)
    return FALSE;
  key = ks_account_fold (stripped);

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!product_exists (self, product_id, &exists, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!exists)
    {
      ks_store_rollback (self);
      set_product_not_found (error);
      return FALSE;
    }
  if (!check_product_name_free (self, stripped, key, product_id, error)
      || (stmt = plan_stmt (self, PLAN_RENAME_PRODUCT, error)) == NULL)
    {
      ks_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, product_id);
  bind_text (stmt, 2, stripped);
  bind_text (stmt, 3, key);
  if (!ks_store_step_done (self, stmt, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_emit_products_changed (self);
  return TRUE;
}

gboolean
ks_store_move_product (KsStore  *self,
                       gint64    product_id,
                       guint     position,
                       GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint from = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!read_product_ids (self, ids, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!find_id (ids, product_id, &from))
    {
      ks_store_rollback (self);
      set_product_not_found (error);
      return FALSE;
    }
  move_id (ids, from, position);
  if (!write_positions (self, PLAN_SET_PRODUCT_POSITION, ids, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_emit_products_changed (self);
  return TRUE;
}

static void
read_cell_into (sqlite3_stmt *stmt,
                GHashTable   *cells)
{
  gint64 account_id = sqlite3_column_int64 (stmt, 0);

  g_hash_table_insert (cells, g_memdup2 (&account_id, sizeof account_id),
                       whitespace_from_row (stmt));
}

/* Account id → KsWhitespace: every account's cell for @product_id. */
static gboolean
read_product_cells (KsStore     *self,
                    gint64       product_id,
                    GHashTable  *cells,
                    GError     **error)
{
  sqlite3_stmt *stmt = plan_stmt (self, PLAN_PRODUCT_CELLS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read_cell_into (stmt, cells);
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

gboolean
ks_store_delete_product (KsStore      *self,
                         gint64        product_id,
                         guint        *position_out,
                         GHashTable  **cells_out,
                         GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) cells = NULL;
  guint position = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) ks_whitespace_free);

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!read_product_ids (self, ids, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!find_id (ids, product_id, &position))
    {
      ks_store_rollback (self);
      set_product_not_found (error);
      return FALSE;
    }
  g_array_remove_index (ids, position);
  /* The cells go with the product: ON DELETE CASCADE. */
  if ((cells_out != NULL && !read_product_cells (self, product_id, cells, error))
      || !run_with_id (self, PLAN_DELETE_PRODUCT, product_id, error)
      || !write_positions (self, PLAN_SET_PRODUCT_POSITION, ids, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  if (position_out != NULL)
    *position_out = position;
  if (cells_out != NULL)
    *cells_out = g_steal_pointer (&cells);

  ks_store_emit_products_changed (self);
  ks_store_emit_plan_changed (self, 0);
  return TRUE;
}

gboolean
ks_store_restore_product (KsStore          *self,
                          const KsProduct  *product,
                          guint             position,
                          GHashTable       *cells,
                          GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer cell_key, cell;
  gboolean exists = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (product != NULL && product->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = normalize_product_name (product->name, error);
  if (name == NULL)
    return FALSE;
  key = ks_account_fold (name);
  if (cells != NULL)
    {
      g_hash_table_iter_init (&iter, cells);
      while (g_hash_table_iter_next (&iter, NULL, &cell))
        if (!ks_whitespace_validate (cell, error))
          return FALSE;
    }

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!product_exists (self, product->id, &exists, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (exists)
    {
      ks_store_rollback (self);
      g_set_error (error, KS_ERROR, KS_ERROR_DUPLICATE,
                   _("The product “%s” cannot be put back: it is in the list already."),
                   name);
      return FALSE;
    }
  if (!check_product_name_free (self, name, key, product->id, error)
      || !read_product_ids (self, ids, error)
      || !insert_product (self, product->id, name, key, position, &id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  g_array_insert_val (ids, MIN (position, ids->len), id);
  if (!write_positions (self, PLAN_SET_PRODUCT_POSITION, ids, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }

  if (cells != NULL)
    {
      g_hash_table_iter_init (&iter, cells);
      while (g_hash_table_iter_next (&iter, &cell_key, &cell))
        {
          gint64 account_id = *(gint64 *) cell_key;

          /* an account deleted meanwhile has no cells to get back */
          if (!g_hash_table_contains (self->by_id, &account_id))
            continue;
          if (!write_whitespace (self, account_id, id, cell, error))
            {
              ks_store_rollback (self);
              return FALSE;
            }
        }
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_emit_products_changed (self);
  ks_store_emit_plan_changed (self, 0);
  return TRUE;
}

/* Public API: whitespace */

gboolean
ks_store_save_whitespace (KsStore             *self,
                          gint64               account_id,
                          const KsWhitespace  *cell,
                          GError             **error)
{
  gboolean exists = FALSE;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_account (self, account_id, error) || !ks_whitespace_validate (cell, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!product_exists (self, cell->product_id, &exists, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!exists)
    {
      ks_store_rollback (self);
      set_product_not_found (error);
      return FALSE;
    }
  if (!write_whitespace (self, account_id, cell->product_id, cell, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, FALSE);
  return TRUE;
}

/* Public API: SWOT */

gboolean
ks_store_save_swot_item (KsStore     *self,
                         gint64       account_id,
                         KsSwotItem  *item,
                         GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 0;
  int position = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_account (self, account_id, error) || !ks_swot_item_validate (item, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;

  if (item->id <= 0)
    {
      /* at the end of its kind */
      if (!read_swot_ids (self, account_id, item->kind, ids, error)
          || !insert_swot_item (self, account_id, item, (int) ids->len, &id, error))
        {
          ks_store_rollback (self);
          return FALSE;
        }
      position = (int) ids->len;
    }
  else
    {
      sqlite3_stmt *stmt = plan_stmt (self, PLAN_UPDATE_SWOT, error);

      if (stmt == NULL)
        {
          ks_store_rollback (self);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, item->id);
      sqlite3_bind_int64 (stmt, 2, account_id);
      bind_text (stmt, 3, item->text);
      if (!ks_store_step_done (self, stmt, error))
        {
          ks_store_rollback (self);
          return FALSE;
        }
      if (sqlite3_changes (self->db) == 0)
        {
          ks_store_rollback (self);
          set_item_not_found (error, _("The SWOT line no longer exists: it was deleted."));
          return FALSE;
        }
    }

  if (!ks_store_commit (self, error))
    return FALSE;

  if (item->id <= 0)
    {
      item->id = id;
      item->position = position;
    }
  ks_store_plan_changed (self, account_id, FALSE);
  return TRUE;
}

gboolean
ks_store_move_swot_item (KsStore  *self,
                         gint64    item_id,
                         guint     position,
                         GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 account_id = 0;
  KsSwotKind kind = KS_SWOT_STRENGTH;
  guint from = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!swot_item_place (self, item_id, &account_id, &kind, error)
      || !read_swot_ids (self, account_id, kind, ids, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  /* the item is among them: they are of its account and kind */
  if (find_id (ids, item_id, &from))
    move_id (ids, from, position);
  if (!write_positions (self, PLAN_SET_SWOT_POSITION, ids, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, FALSE);
  return TRUE;
}

gboolean
ks_store_delete_swot_item (KsStore  *self,
                           gint64    item_id,
                           GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 account_id = 0;
  KsSwotKind kind = KS_SWOT_STRENGTH;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  /* the rest of its kind closes up */
  if (!swot_item_place (self, item_id, &account_id, &kind, error)
      || !run_with_id (self, PLAN_DELETE_SWOT, item_id, error)
      || !read_swot_ids (self, account_id, kind, ids, error)
      || !write_positions (self, PLAN_SET_SWOT_POSITION, ids, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, FALSE);
  return TRUE;
}

gboolean
ks_store_restore_swot_item (KsStore           *self,
                            gint64             account_id,
                            const KsSwotItem  *item,
                            GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL && item->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_account (self, account_id, error) || !ks_swot_item_validate (item, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!read_swot_ids (self, account_id, item->kind, ids, error)
      || !insert_swot_item (self, account_id, item, item->position, &id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  g_array_insert_val (ids, MIN ((guint) item->position, ids->len), id);
  if (!write_positions (self, PLAN_SET_SWOT_POSITION, ids, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, FALSE);
  return TRUE;
}

/* Public API: risks */

gboolean
ks_store_save_risk (KsStore   *self,
                    gint64     account_id,
                    KsRisk    *risk,
                    GError   **error)
{
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_account (self, account_id, error) || !ks_risk_validate (risk, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_risk (self, account_id, risk, risk->id > 0, &id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  risk->id = id;
  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_delete_risk (KsStore  *self,
                      gint64    risk_id,
                      GError  **error)
{
  gint64 account_id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!item_account (self, PLAN_RISK_ACCOUNT, risk_id,
                     _("The risk no longer exists: it was deleted."), &account_id, error)
      || !run_with_id (self, PLAN_DELETE_RISK, risk_id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_restore_risk (KsStore       *self,
                       gint64         account_id,
                       const KsRisk  *risk,
                       GError       **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (risk != NULL && risk->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_account (self, account_id, error) || !ks_risk_validate (risk, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_risk (self, account_id, risk, FALSE, NULL, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

/* Public API: the account with its plan */

gboolean
ks_store_delete_account_with_plan (KsStore        *self,
                                   KsAccount      *account,
                                   KsAccountPlan **plan_out,
                                   GError        **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ks_store_remove_account (self, account, plan_out, error);
}

gboolean
ks_store_restore_account_with_plan (KsStore             *self,
                                    KsAccount           *account,
                                    const KsAccountPlan *plan,
                                    GError             **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (ks_account_get_id (account) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ks_store_put_back_account (self, account, plan, error);
}

/* Public API: the clock */

/* Recomputes every summary, announces the accounts whose summary changed. */
void
ks_store_refresh_summaries (KsStore *self)
{
  g_return_if_fail (KS_IS_STORE (self));

  ks_store_plan_refresh_summaries (self);
}

void
ks_store_set_now (KsStore   *self,
                  GDateTime *now)
{
  g_return_if_fail (KS_IS_STORE (self));

  if (now != NULL)
    g_date_time_ref (now);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now;

  ks_store_plan_refresh_summaries (self);
}

GDateTime *
ks_store_dup_now (KsStore *self)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  if (self->now != NULL)
    return g_date_time_ref (self->now);
  return g_date_time_new_now_local ();
}

void
ks_store_set_today (KsStore     *self,
                    const GDate *today)
{
  g_autoptr(GDateTime) noon = NULL;

  g_return_if_fail (KS_IS_STORE (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  /* Noon: well inside the day in any time zone a test runs in. */
  if (today != NULL)
    noon = g_date_time_new_local (g_date_get_year (today), g_date_get_month (today),
                                  g_date_get_day (today), 12, 0, 0.0);
  ks_store_set_now (self, noon);
}

void
ks_store_get_today (KsStore *self,
                    GDate   *today)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (KS_IS_STORE (self));
  g_return_if_fail (today != NULL);

  now = ks_store_dup_now (self);
  date_of (now, today);
}
