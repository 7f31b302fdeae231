/* test-store-plan.c — account plans in the database: the migration, every entity's
 * round trip, Undo of deletes, products, the summaries the portfolio shows, signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "ks-test-schema.h"
#include "ks-test-store.h"
#include "ks-account-list.h"
#include "ks-error.h"
#include "ks-sample.h"
#include "ks-store.h"

/* Bits of KsTargetYear.has_target / has_actual. */
#define ANNUAL (1 << 0)
#define Q(n)   (1 << (n))

/* The tables a plan has rows in, each with an account_id column. */
static const char * const plan_tables[] = {
  "account_plan", "target", "action", "whitespace", "swot_item", "risk",
};

typedef struct
{
  char *dir;
  char *path;
  KsStore *store;
  KsAccount *account;     /* in the store, owned by it */
  KsAccount *other;
  guint n_plan_changed;
  gint64 last_plan_changed;
  guint n_products_changed;
  guint n_rules_changed;
  guint n_items_changed;
  guint last_items_position;
} Fixture;

/* Helpers: files */

/* Rows of @account_id in all the plan's tables, counted by another connection. */
static gint64
count_plan_rows (const char *path,
                 gint64      account_id)
{
  gint64 n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (plan_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE account_id = %"
                                              G_GINT64_FORMAT, plan_tables[i], account_id);

      n += ks_test_raw_query_int (path, sql);
    }
  return n;
}

/* Rows whose account is gone, in all the plan's tables. */
static gint64
count_orphans (const char *path)
{
  gint64 n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (plan_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE account_id "
                                              "NOT IN (SELECT id FROM account)",
                                              plan_tables[i]);

      n += ks_test_raw_query_int (path, sql);
    }
  return n + ks_test_raw_query_int (path, "SELECT count(*) FROM whitespace WHERE product_id "
                                          "NOT IN (SELECT id FROM product)");
}

/* Helpers: the store */

static KsAccount *
add_account (KsStore    *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new ();

  ks_account_set_name (account, name);
  ks_account_set_currency (account, "CNY");
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    ks_account_set_rating (account, i, (i + strlen (name)) % (KS_RATING_MAX + 1));
  g_assert_true (ks_store_add_account (store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_id (account), >, 0);

  return ks_store_lookup_account (store, ks_account_get_id (account));
}

static void
on_plan_changed (KsStore *store,
                 gint64   account_id,
                 Fixture *f)
{
  f->n_plan_changed++;
  f->last_plan_changed = account_id;
}

static void
on_products_changed (KsStore *store,
                     Fixture *f)
{
  f->n_products_changed++;
}

static void
on_rules_changed (KsStore *store,
                  Fixture *f)
{
  f->n_rules_changed++;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_items_changed++;
  f->last_items_position = position;
}

static void
connect_store (Fixture *f)
{
  g_signal_connect (f->store, "plan-changed", G_CALLBACK (on_plan_changed), f);
  g_signal_connect (f->store, "products-changed", G_CALLBACK (on_products_changed), f);
  g_signal_connect (f->store, "rules-changed", G_CALLBACK (on_rules_changed), f);
  g_signal_connect (ks_store_get_accounts (f->store), "items-changed",
                    G_CALLBACK (on_items_changed), f);
}

static void
reset_counts (Fixture *f)
{
  f->n_plan_changed = 0;
  f->last_plan_changed = -1;
  f->n_products_changed = 0;
  f->n_rules_changed = 0;
  f->n_items_changed = 0;
  f->last_items_position = G_MAXUINT;
}

/* Closes the store and opens the file again; the accounts are looked up again. */
static void
reopen (Fixture *f)
{
  gint64 id = ks_account_get_id (f->account);
  gint64 other_id = ks_account_get_id (f->other);

  g_assert_finalize_object (f->store);
  f->store = ks_test_store_open (f->path);
  f->account = ks_store_lookup_account (f->store, id);
  f->other = ks_store_lookup_account (f->store, other_id);
  g_assert_nonnull (f->account);
  g_assert_nonnull (f->other);
  connect_store (f);
  reset_counts (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ks_test_store_make_dir ("store-plan", &f->path);
  f->store = ks_test_store_open (f->path);
  add_account (f->store, "Filler Ltd");
  f->account = add_account (f->store, "Acme Corp");
  f->other = add_account (f->store, "Globex");
  connect_store (f);
  reset_counts (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  ks_test_store_remove_dir (&f->dir, &f->path);
}

static guint
position_of (Fixture   *f,
             KsAccount *account)
{
  guint position = G_MAXUINT;

  g_assert_true (ks_account_list_find (KS_ACCOUNT_LIST (ks_store_get_accounts (f->store)),
                                       account, &position));
  return position;
}

static KsAccountPlan *
load_plan (KsStore *store,
           gint64   account_id)
{
  g_autoptr(GError) error = NULL;
  KsAccountPlan *plan = ks_store_load_plan (store, account_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpint (plan->account_id, ==, account_id);
  return plan;
}

static void
set_today (KsStore    *store,
           const char *iso)
{
  GDate today;

  g_assert_true (ks_plan_parse_date (iso, &today));
  ks_store_set_today (store, &today);
}

static KsAction *
new_action (const char     *title,
            const char     *due,
            KsActionStatus  status)
{
  KsAction *action = ks_action_new ();

  action->title = g_strdup (title);
  action->owner = g_strdup ("Li Wei");
  action->due = g_strdup (due);
  action->status = status;
  action->notes = g_strdup ("Bring the samples");
  return action;
}

static gint64
save_action (Fixture        *f,
             const char     *title,
             const char     *due,
             KsActionStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAction) action = new_action (title, due, status);

  g_assert_true (ks_store_save_action (f->store, ks_account_get_id (f->account), action,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpint (action->id, >, 0);
  return action->id;
}

static KsRisk *
new_risk (KsRiskCategory  category,
          KsRiskSeverity  severity,
          const char     *raised,
          const char     *description)
{
  KsRisk *risk = ks_risk_new ();

  risk->category = category;
  risk->severity = severity;
  risk->raised = g_strdup (raised);
  risk->description = g_strdup (description);
  risk->contingency = g_strdup ("Ask for a guarantee");
  return risk;
}

static gint64
save_swot (Fixture    *f,
           gint64      account_id,
           KsSwotKind  kind,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  KsSwotItem item = { 0, };

  item.kind = kind;
  item.text = (char *) text;
  g_assert_true (ks_store_save_swot_item (f->store, account_id, &item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item.id, >, 0);
  return item.id;
}

static gint64
add_product (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  KsProduct product = { 0, };
  gint64 id;

  product.name = g_strdup (name);
  g_assert_true (ks_store_add_product (f->store, &product, &error));
  g_assert_no_error (error);
  g_assert_cmpint (product.id, >, 0);
  id = product.id;
  g_free (product.name);
  return id;
}

static void
save_cell (Fixture           *f,
           gint64             account_id,
           gint64             product_id,
           KsWhitespaceState  state,
           KsOpportunityKind  kind,
           gint64             value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWhitespace) cell = ks_whitespace_new ();

  cell->product_id = product_id;
  cell->state = state;
  cell->kind = kind;
  cell->value = value;
  cell->quarter = g_strdup ("2026-q3 ");
  cell->note = g_strdup ("Trial running");
  g_assert_true (ks_store_save_whitespace (f->store, account_id, cell, &error));
  g_assert_no_error (error);
}

/* "name|name|…" in the store's order. */
static char *
product_names (KsStore *store)
{
  g_autoptr(GPtrArray) products = ks_store_dup_products (store);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < products->len; i++)
    {
      KsProduct *product = g_ptr_array_index (products, i);

      g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", product->name);
    }
  return g_string_free (s, FALSE);
}

/* "text|text|…" of the plan's SWOT lines of @kind, in order, checking positions. */
static char *
swot_texts (const KsAccountPlan *plan,
            KsSwotKind           kind)
{
  GString *s = g_string_new (NULL);
  int expected_position = 0;

  for (guint i = 0; i < plan->swot->len; i++)
    {
      KsSwotItem *item = g_ptr_array_index (plan->swot, i);

      if (item->kind != kind)
        continue;
      g_assert_cmpint (item->position, ==, expected_position);
      expected_position++;
      g_string_append_printf (s, "%s%s", s->len > 0 ? "|" : "", item->text);
    }
  return g_string_free (s, FALSE);
}

static void
assert_same_action (const KsAction *a,
                    const KsAction *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->owner, ==, b->owner);
  g_assert_cmpstr (a->due, ==, b->due);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpint (a->metric, ==, b->metric);
  g_assert_cmpstr (a->notes, ==, b->notes);
}

static void
assert_same_risk (const KsRisk *a,
                  const KsRisk *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (a->category, ==, b->category);
  g_assert_cmpint (a->severity, ==, b->severity);
  g_assert_cmpstr (a->raised, ==, b->raised);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpstr (a->contingency, ==, b->contingency);
  g_assert_cmpint (a->closed, ==, b->closed);
}

static void
assert_same_cell (const KsWhitespace *a,
                  const KsWhitespace *b)
{
  g_assert_cmpint (a->product_id, ==, b->product_id);
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->value, ==, b->value);
  g_assert_cmpstr (a->quarter, ==, b->quarter);
  g_assert_cmpstr (a->note, ==, b->note);
}

static void
assert_same_plan (const KsAccountPlan *a,
                  const KsAccountPlan *b)
{
  g_assert_cmpstr (a->credit_rating, ==, b->credit_rating);

  g_assert_cmpuint (a->targets->len, ==, b->targets->len);
  for (guint i = 0; i < a->targets->len; i++)
    {
      const KsTargetYear *ta = &g_array_index (a->targets, KsTargetYear, i);
      const KsTargetYear *tb = &g_array_index (b->targets, KsTargetYear, i);

      g_assert_cmpint (ta->year, ==, tb->year);
      g_assert_cmpint (ta->metric, ==, tb->metric);
      g_assert_cmpuint (ta->has_target, ==, tb->has_target);
      g_assert_cmpuint (ta->has_actual, ==, tb->has_actual);
      for (guint j = 0; j <= KS_PLAN_N_QUARTERS; j++)
        {
          if (ta->has_target & (1u << j))
            g_assert_cmpint (ta->target[j], ==, tb->target[j]);
          if (ta->has_actual & (1u << j))
            g_assert_cmpint (ta->actual[j], ==, tb->actual[j]);
        }
    }

  g_assert_cmpuint (a->actions->len, ==, b->actions->len);
  for (guint i = 0; i < a->actions->len; i++)
    assert_same_action (g_ptr_array_index (a->actions, i), g_ptr_array_index (b->actions, i));

  g_assert_cmpuint (a->whitespace->len, ==, b->whitespace->len);
  for (guint i = 0; i < a->whitespace->len; i++)
    assert_same_cell (g_ptr_array_index (a->whitespace, i),
                      g_ptr_array_index (b->whitespace, i));

  g_assert_cmpuint (a->swot->len, ==, b->swot->len);
  for (guint i = 0; i < a->swot->len; i++)
    {
      const KsSwotItem *ia = g_ptr_array_index (a->swot, i);
      const KsSwotItem *ib = g_ptr_array_index (b->swot, i);

      g_assert_cmpint (ia->id, ==, ib->id);
      g_assert_cmpint (ia->kind, ==, ib->kind);
      g_assert_cmpint (ia->position, ==, ib->position);
      g_assert_cmpstr (ia->text, ==, ib->text);
    }

  g_assert_cmpuint (a->risks->len, ==, b->risks->len);
  for (guint i = 0; i < a->risks->len; i++)
    assert_same_risk (g_ptr_array_index (a->risks, i), g_ptr_array_index (b->risks, i));
}

/* A plan with something of everything, every enum value used at least once. */
static void
fill_plan (Fixture *f,
           gint64   account_id)
{
  g_autoptr(GError) error = NULL;
  KsTargetYear year = { 0, };
  gint64 products[3];

  g_assert_true (ks_store_set_credit_rating (f->store, account_id, " AA- ", &error));
  g_assert_no_error (error);

  for (KsTargetMetric m = 0; m < KS_N_TARGET_METRICS; m++)
    {
      memset (&year, 0, sizeof year);
      year.year = 2026;
      year.metric = m;
      year.has_target = ANNUAL | Q (1) | Q (2) | Q (3) | Q (4);
      year.has_actual = Q (1) | Q (2);
      for (guint i = 0; i <= KS_PLAN_N_QUARTERS; i++)
        year.target[i] = (gint64) (m + 1) * 100000 + i;
      year.actual[1] = 90000 + m;
      year.actual[2] = -5;    /* returns above sales */
      g_assert_true (ks_store_save_target_year (f->store, account_id, &year, &error));
      g_assert_no_error (error);
    }
  memset (&year, 0, sizeof year);
  year.year = 2025;
  year.metric = KS_TARGET_METRIC_GROSS_MARGIN;
  year.has_target = Q (4);
  year.target[4] = 2250;
  g_assert_true (ks_store_save_target_year (f->store, account_id, &year, &error));
  g_assert_no_error (error);

  for (KsActionStatus s = 0; s < KS_N_ACTION_STATUSES; s++)
    {
      g_autoptr(KsAction) action = new_action ("Visit the buyer", s % 2 ? NULL : "2026-07-01",
                                               s);

      action->metric = (int) s - 1;   /* -1 (none) and the first metrics */
      g_assert_true (ks_store_save_action (f->store, account_id, action, &error));
      g_assert_no_error (error);
    }

  products[0] = add_product (f, "Valves");
  products[1] = add_product (f, "Pumps");
  products[2] = add_product (f, "Service");
  save_cell (f, account_id, products[0], KS_WHITESPACE_CURRENT, KS_OPPORTUNITY_CROSS_SELL, 0);
  save_cell (f, account_id, products[1], KS_WHITESPACE_OPPORTUNITY, KS_OPPORTUNITY_UP_SELL,
             1200000);
  save_cell (f, account_id, products[2], KS_WHITESPACE_NOT_RELEVANT,
             KS_OPPORTUNITY_CROSS_SELL, 0);

  for (KsSwotKind k = 0; k < KS_N_SWOT_KINDS; k++)
    {
      save_swot (f, account_id, k, "First line");
      save_swot (f, account_id, k, "Second line");
    }

  for (KsRiskCategory c = 0; c < KS_N_RISK_CATEGORIES; c++)
    {
      g_autoptr(KsRisk) risk = new_risk (c, c % KS_N_RISK_SEVERITIES, "2026-03-01",
                                         "Late payments");

      risk->closed = c == KS_RISK_OTHER;
      g_assert_true (ks_store_save_risk (f->store, account_id, risk, &error));
      g_assert_no_error (error);
    }
}

/* Tests */

/* A version 2 file, made the way version 2 made it: migrated, accounts kept, the plan
 * tables there, and plans work. */
static void
test_migrate_from_2 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  gint64 id = ks_account_get_id (f->account);
  gint64 n_accounts;

  g_assert_true (ks_store_take_snapshot (f->store, "2026-Q2", FALSE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (f->store);
  f->store = NULL;

  ks_test_raw_run (f->path,
                   KS_TEST_UNDO_V5 "DROP TABLE complaint; DROP TABLE satisfaction; "
                   "DROP TABLE interaction_contact; DROP TABLE interaction; DROP TABLE contact; "
                   "DROP TABLE risk; DROP TABLE swot_item; DROP TABLE whitespace; "
                   "DROP TABLE product; DROP TABLE action; DROP TABLE target; "
                   "DROP TABLE account_plan; PRAGMA user_version = 2");
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM sqlite_master "
                                                   "WHERE name = 'action'"), ==, 0);
  n_accounts = ks_test_raw_query_int (f->path, "SELECT count(*) FROM account");
  g_assert_cmpint (n_accounts, ==, 3);

  f->store = ks_test_store_open (f->path);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, n_accounts);
  f->account = ks_store_lookup_account (f->store, id);
  g_assert_nonnull (f->account);
  g_assert_false (ks_store_account_has_plan (f->store, id));
  fill_plan (f, id);
  g_assert_true (ks_store_account_has_plan (f->store, id));
  g_assert_finalize_object (f->store);
  f->store = NULL;

  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, KS_SCHEMA_VERSION);
  g_assert_cmpint (KS_SCHEMA_VERSION, ==, 6);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM account"), ==, n_accounts);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM snapshot"), ==,
                   n_accounts);
  g_assert_cmpint (ks_test_raw_query_int (f->path,
                                          "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                          "AND name IN ('account_plan', 'target', 'action', "
                                          "'product', 'whitespace', 'swot_item', 'risk')"), ==, 7);
  g_assert_cmpint (count_plan_rows (f->path, id), >, 0);
  ks_test_assert_integrity_ok (f->path);

  /* and it opens again, plan and all */
  f->store = ks_test_store_open (f->path);
  plan = load_plan (f->store, id);
  g_assert_cmpstr (plan->credit_rating, ==, "AA-");
  g_assert_cmpuint (plan->actions->len, ==, KS_N_ACTION_STATUSES);
}

/* Everything written comes back after the file was closed, in the documented orders. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KsAccountPlan) before = NULL;
  g_autoptr(KsAccountPlan) after = NULL;
  g_autoptr(KsAccountPlan) other = NULL;
  gint64 id = ks_account_get_id (f->account);

  fill_plan (f, id);
  before = load_plan (f->store, id);

  g_assert_cmpstr (before->credit_rating, ==, "AA-");
  g_assert_cmpuint (before->targets->len, ==, KS_N_TARGET_METRICS + 1);
  /* by year, then metric */
  g_assert_cmpint (g_array_index (before->targets, KsTargetYear, 0).year, ==, 2025);
  for (guint i = 1; i < before->targets->len; i++)
    {
      const KsTargetYear *t = &g_array_index (before->targets, KsTargetYear, i);

      g_assert_cmpint (t->year, ==, 2026);
      g_assert_cmpint (t->metric, ==, i - 1);
      g_assert_cmpuint (t->has_target, ==, ANNUAL | Q (1) | Q (2) | Q (3) | Q (4));
      g_assert_cmpuint (t->has_actual, ==, Q (1) | Q (2));
      g_assert_cmpint (t->target[0], ==, (gint64) i * 100000);
      g_assert_cmpint (t->actual[2], ==, -5);
    }

  /* by due date, none last, then id */
  g_assert_cmpuint (before->actions->len, ==, KS_N_ACTION_STATUSES);
  for (guint i = 0; i < before->actions->len; i++)
    {
      const KsAction *action = g_ptr_array_index (before->actions, i);

      g_assert_cmpstr (action->title, ==, "Visit the buyer");
      g_assert_cmpstr (action->owner, ==, "Li Wei");
      g_assert_cmpstr (action->notes, ==, "Bring the samples");
      if (i < 2)
        g_assert_cmpstr (action->due, ==, "2026-07-01");
      else
        g_assert_null (action->due);
      g_assert_cmpint (action->metric, ==, (int) action->status - 1);
    }

  g_assert_cmpuint (before->whitespace->len, ==, 3);
  {
    const KsWhitespace *cell = g_ptr_array_index (before->whitespace, 1);

    g_assert_cmpint (cell->state, ==, KS_WHITESPACE_OPPORTUNITY);
    g_assert_cmpint (cell->kind, ==, KS_OPPORTUNITY_UP_SELL);
    g_assert_cmpint (cell->value, ==, 1200000);
    /* stored the way quarters are */
    g_assert_cmpstr (cell->quarter, ==, "2026-Q3");
    g_assert_cmpstr (cell->note, ==, "Trial running");
  }

  g_assert_cmpuint (before->swot->len, ==, 2 * KS_N_SWOT_KINDS);
  for (KsSwotKind k = 0; k < KS_N_SWOT_KINDS; k++)
    {
      g_autofree char *texts = swot_texts (before, k);

      g_assert_cmpstr (texts, ==, "First line|Second line");
    }

  /* open first, then severity high to low */
  g_assert_cmpuint (before->risks->len, ==, KS_N_RISK_CATEGORIES);
  for (guint i = 1; i < before->risks->len; i++)
    {
      const KsRisk *prev = g_ptr_array_index (before->risks, i - 1);
      const KsRisk *risk = g_ptr_array_index (before->risks, i);

      g_assert_true (prev->closed <= risk->closed);
      if (prev->closed == risk->closed)
        g_assert_cmpint (prev->severity, >=, risk->severity);
    }
  g_assert_true (((KsRisk *) g_ptr_array_index (before->risks, before->risks->len - 1))->closed);

  reopen (f);
  after = load_plan (f->store, id);
  assert_same_plan (before, after);

  /* nothing leaked to the other account */
  other = load_plan (f->store, ks_account_get_id (f->other));
  g_assert_true (ks_account_plan_is_empty (other));
  g_assert_false (ks_store_account_has_plan (f->store, ks_account_get_id (f->other)));
  g_assert_true (ks_store_account_has_plan (f->store, id));
  ks_test_assert_integrity_ok (f->path);
}

/* A target of 0 is a target; a missing one is not. A year with nothing goes away. */
static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  gint64 id = ks_account_get_id (f->account);
  KsTargetYear year = { 0, };
  const KsTargetYear *found;
  gint64 value = -1;

  year.year = 2026;
  year.metric = KS_TARGET_METRIC_NEW_BUSINESS;
  year.has_target = Q (1) | Q (3);
  year.target[1] = 0;
  year.target[2] = 777;     /* not set: not stored */
  year.target[3] = 500;
  year.has_actual = Q (1);
  year.actual[1] = 0;
  g_assert_true (ks_store_save_target_year (f->store, id, &year, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, id);

  reopen (f);
  plan = load_plan (f->store, id);
  found = ks_account_plan_find_target (plan, 2026, KS_TARGET_METRIC_NEW_BUSINESS);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->has_target, ==, Q (1) | Q (3));
  g_assert_cmpuint (found->has_actual, ==, Q (1));
  g_assert_true (ks_target_year_get_target (found, 1, &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_false (ks_target_year_get_target (found, 2, NULL));
  g_assert_false (ks_target_year_get_target (found, 0, NULL));
  g_assert_true (ks_target_year_get_actual (found, 1, &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_false (ks_target_year_get_actual (found, 2, NULL));
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM target"), ==, 2);

  /* written over whole */
  year.has_target = ANNUAL;
  year.target[0] = 1000;
  year.has_actual = 0;
  g_assert_true (ks_store_save_target_year (f->store, id, &year, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  found = ks_account_plan_find_target (plan, 2026, KS_TARGET_METRIC_NEW_BUSINESS);
  g_assert_cmpuint (found->has_target, ==, ANNUAL);
  g_assert_cmpuint (found->has_actual, ==, 0);

  /* all masks 0 removes it */
  year.has_target = 0;
  g_assert_true (ks_store_save_target_year (f->store, id, &year, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  g_assert_cmpuint (plan->targets->len, ==, 0);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM target"), ==, 0);

  /* refused: a year out of range, a metric Keystone does not know, an unknown account */
  year.has_target = Q (1);
  year.year = 1999;
  g_assert_false (ks_store_save_target_year (f->store, id, &year, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  year.year = 2026;
  year.metric = KS_N_TARGET_METRICS;
  g_assert_false (ks_store_save_target_year (f->store, id, &year, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  year.metric = KS_TARGET_METRIC_REVENUE;
  g_assert_false (ks_store_save_target_year (f->store, 4242, &year, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM target"), ==, 0);
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autoptr(KsAction) kept = NULL;
  gint64 id = ks_account_get_id (f->account);
  gint64 later, none, sooner;
  KsAction *action;

  later = save_action (f, "Quote", "2026-09-30", KS_ACTION_OPEN);
  none = save_action (f, "Lunch", NULL, KS_ACTION_IN_PROGRESS);
  sooner = save_action (f, "Call", "2026-06-01", KS_ACTION_OPEN);
  g_assert_cmpint (f->n_plan_changed, ==, 3);
  g_assert_cmpint (f->last_plan_changed, ==, id);

  plan = load_plan (f->store, id);
  g_assert_cmpuint (plan->actions->len, ==, 3);
  g_assert_cmpint (((KsAction *) g_ptr_array_index (plan->actions, 0))->id, ==, sooner);
  g_assert_cmpint (((KsAction *) g_ptr_array_index (plan->actions, 1))->id, ==, later);
  g_assert_cmpint (((KsAction *) g_ptr_array_index (plan->actions, 2))->id, ==, none);

  /* update: same id, new values */
  action = g_ptr_array_index (plan->actions, 1);
  g_free (action->title);
  action->title = g_strdup ("Quote, second round");
  action->status = KS_ACTION_DONE;
  g_free (action->due);
  action->due = g_strdup ("");     /* empty: no due date */
  action->metric = KS_TARGET_METRIC_REVENUE;
  g_assert_true (ks_store_save_action (f->store, id, action, &error));
  g_assert_no_error (error);
  g_assert_cmpint (action->id, ==, later);
  kept = ks_action_copy (action);
  g_clear_pointer (&kept->due, g_free);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  g_assert_cmpuint (plan->actions->len, ==, 3);
  /* no due date now: after the one with a date, by id */
  assert_same_action (g_ptr_array_index (plan->actions, 1), kept);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM action"), ==, 3);

  /* delete and put back with its id */
  reset_counts (f);
  g_assert_true (ks_store_delete_action (f->store, later, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, id);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM action"), ==, 2);
  g_assert_false (ks_store_delete_action (f->store, later, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* an update of the deleted action finds nothing */
  g_assert_false (ks_store_save_action (f->store, id, kept, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ks_store_restore_action (f->store, id, kept, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  g_assert_cmpuint (plan->actions->len, ==, 3);
  assert_same_action (g_ptr_array_index (plan->actions, 1), kept);

  /* an action of another account is not this one's to update */
  g_assert_false (ks_store_save_action (f->store, ks_account_get_id (f->other), kept, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a new action gets a new id, never a deleted one's */
  g_assert_cmpint (save_action (f, "Visit", NULL, KS_ACTION_OPEN), >, sooner);
}

/* Refused before anything is written: no row, no signal. */
static void
test_invalid_action (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAction) action = new_action ("", "2026-06-01", KS_ACTION_OPEN);
  gint64 id = ks_account_get_id (f->account);

  g_assert_false (ks_store_save_action (f->store, id, action, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (action->id, ==, 0);

  g_free (action->title);
  action->title = g_strdup ("Call");
  g_free (action->due);
  action->due = g_strdup ("2026-02-30");
  g_assert_false (ks_store_save_action (f->store, id, action, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);

  g_free (action->due);
  action->due = NULL;
  g_assert_false (ks_store_save_action (f->store, 4242, action, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (f->n_plan_changed, ==, 0);
  g_assert_cmpint (f->n_items_changed, ==, 0);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM action"), ==, 0);
  g_assert_false (ks_store_account_has_plan (f->store, id));
}

static void
test_credit_rating (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autofree char *too_long = g_strnfill (KS_PLAN_RATING_MAX + 1, 'A');
  g_autofree char *longest = g_strnfill (KS_PLAN_RATING_MAX, 'A');
  gint64 id = ks_account_get_id (f->account);

  g_assert_false (ks_store_set_credit_rating (f->store, id, too_long, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (f->n_plan_changed, ==, 0);

  g_assert_true (ks_store_set_credit_rating (f->store, id, longest, &error));
  g_assert_no_error (error);
  g_assert_true (ks_store_set_credit_rating (f->store, id, "BBB", &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_plan_changed, ==, 2);
  g_assert_cmpint (f->last_plan_changed, ==, id);
  g_assert_true (ks_store_account_has_plan (f->store, id));
  plan = load_plan (f->store, id);
  g_assert_cmpstr (plan->credit_rating, ==, "BBB");

  /* cleared: no plan left */
  g_assert_true (ks_store_set_credit_rating (f->store, id, "", &error));
  g_assert_no_error (error);
  g_assert_false (ks_store_account_has_plan (f->store, id));
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM account_plan"), ==, 0);
}

static void
test_swot (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  gint64 id = ks_account_get_id (f->account);
  gint64 brand, price, reach, debt;
  KsSwotItem *item;
  g_autoptr(KsSwotItem) deleted = NULL;
  char *texts;

  brand = save_swot (f, id, KS_SWOT_STRENGTH, "Brand");
  price = save_swot (f, id, KS_SWOT_STRENGTH, "Price");
  debt = save_swot (f, id, KS_SWOT_WEAKNESS, "Debt");
  reach = save_swot (f, id, KS_SWOT_STRENGTH, "Reach");
  save_swot (f, ks_account_get_id (f->other), KS_SWOT_STRENGTH, "Other's");
  g_assert_cmpint (f->n_plan_changed, ==, 5);

  plan = load_plan (f->store, id);
  texts = swot_texts (plan, KS_SWOT_STRENGTH);
  g_assert_cmpstr (texts, ==, "Brand|Price|Reach");
  g_free (texts);
  /* by kind: the weakness after the strengths */
  item = g_ptr_array_index (plan->swot, 3);
  g_assert_cmpint (item->id, ==, debt);
  g_assert_cmpint (item->position, ==, 0);

  /* move Reach first */
  reset_counts (f);
  g_assert_true (ks_store_move_swot_item (f->store, reach, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, id);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  texts = swot_texts (plan, KS_SWOT_STRENGTH);
  g_assert_cmpstr (texts, ==, "Reach|Brand|Price");
  g_free (texts);
  /* past the end: last */
  g_assert_true (ks_store_move_swot_item (f->store, reach, 99, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  texts = swot_texts (plan, KS_SWOT_STRENGTH);
  g_assert_cmpstr (texts, ==, "Brand|Price|Reach");
  g_free (texts);

  /* edit the text */
  item = g_ptr_array_index (plan->swot, 1);
  g_assert_cmpint (item->id, ==, price);
  g_free (item->text);
  item->text = g_strdup ("Price, for volume");
  g_assert_true (ks_store_save_swot_item (f->store, id, item, &error));
  g_assert_no_error (error);
  deleted = ks_swot_item_copy (item);

  /* delete the middle one: the rest close up; undo puts it back in its place */
  g_assert_true (ks_store_delete_swot_item (f->store, price, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  texts = swot_texts (plan, KS_SWOT_STRENGTH);
  g_assert_cmpstr (texts, ==, "Brand|Reach");
  g_free (texts);
  g_assert_false (ks_store_move_swot_item (f->store, price, 0, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ks_store_restore_swot_item (f->store, id, deleted, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  texts = swot_texts (plan, KS_SWOT_STRENGTH);
  g_assert_cmpstr (texts, ==, "Brand|Price, for volume|Reach");
  g_free (texts);
  item = g_ptr_array_index (plan->swot, 1);
  g_assert_cmpint (item->id, ==, price);
  g_assert_cmpint (item->id, !=, brand);

  /* an empty line is refused */
  {
    KsSwotItem empty = { 0, KS_SWOT_THREAT, 0, (char *) "  " };

    g_assert_false (ks_store_save_swot_item (f->store, id, &empty, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);
  }
  reopen (f);
  {
    g_autoptr(KsAccountPlan) again = load_plan (f->store, id);

    assert_same_plan (plan, again);
  }
}

static void
test_products (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autoptr(KsAccountPlan) other_plan = NULL;
  gint64 id = ks_account_get_id (f->account);
  gint64 other_id = ks_account_get_id (f->other);
  gint64 valves, pumps, service;
  KsProduct product = { 0, };
  guint position = G_MAXUINT;
  char *names;

  valves = add_product (f, "Valves");
  pumps = add_product (f, "  Pumps ");
  service = add_product (f, "Service");
  g_assert_cmpint (f->n_products_changed, ==, 3);
  names = product_names (f->store);
  g_assert_cmpstr (names, ==, "Valves|Pumps|Service");
  g_free (names);

  /* the same name, case-insensitively, is refused; so is no name */
  product.name = (char *) "PUMPS";
  g_assert_false (ks_store_add_product (f->store, &product, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_DUPLICATE);
  g_clear_error (&error);
  product.name = (char *) " ";
  g_assert_false (ks_store_add_product (f->store, &product, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (product.id, ==, 0);
  g_assert_cmpint (f->n_products_changed, ==, 3);

  /* rename: to its own name in other case is fine, to another's is not */
  g_assert_true (ks_store_rename_product (f->store, pumps, "PUMPS", &error));
  g_assert_no_error (error);
  g_assert_false (ks_store_rename_product (f->store, pumps, "valves", &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (ks_store_rename_product (f->store, 4242, "Other", &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* move */
  g_assert_true (ks_store_move_product (f->store, service, 0, &error));
  g_assert_no_error (error);
  names = product_names (f->store);
  g_assert_cmpstr (names, ==, "Service|Valves|PUMPS");
  g_free (names);
  g_assert_cmpint (f->n_products_changed, ==, 5);

  save_cell (f, id, pumps, KS_WHITESPACE_OPPORTUNITY, KS_OPPORTUNITY_CROSS_SELL, 5000);
  save_cell (f, other_id, pumps, KS_WHITESPACE_CURRENT, KS_OPPORTUNITY_UP_SELL, 0);
  save_cell (f, id, valves, KS_WHITESPACE_CURRENT, KS_OPPORTUNITY_CROSS_SELL, 0);

  /* delete: the cells go with it, and come back with it */
  reset_counts (f);
  g_assert_true (ks_store_delete_product (f->store, pumps, &position, &cells, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, 2);
  g_assert_nonnull (cells);
  g_assert_cmpuint (g_hash_table_size (cells), ==, 2);
  {
    KsWhitespace *cell = g_hash_table_lookup (cells, &id);

    g_assert_nonnull (cell);
    g_assert_cmpint (cell->product_id, ==, pumps);
    g_assert_cmpint (cell->value, ==, 5000);
  }
  g_assert_cmpint (f->n_products_changed, ==, 1);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, 0);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM whitespace "
                                                   "WHERE product_id NOT IN "
                                                   "(SELECT id FROM product)"), ==, 0);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM whitespace"), ==, 1);
  names = product_names (f->store);
  g_assert_cmpstr (names, ==, "Service|Valves");
  g_free (names);
  plan = load_plan (f->store, id);
  g_assert_cmpuint (plan->whitespace->len, ==, 1);
  g_assert_false (ks_store_delete_product (f->store, pumps, NULL, NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  product.id = pumps;
  product.name = (char *) "PUMPS";
  g_assert_true (ks_store_restore_product (f->store, &product, position, cells, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_products_changed, ==, 2);
  g_assert_cmpint (f->n_plan_changed, ==, 2);
  g_assert_cmpint (f->last_plan_changed, ==, 0);
  names = product_names (f->store);
  g_assert_cmpstr (names, ==, "Service|Valves|PUMPS");
  g_free (names);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  other_plan = load_plan (f->store, other_id);
  g_assert_cmpuint (plan->whitespace->len, ==, 2);
  g_assert_cmpuint (other_plan->whitespace->len, ==, 1);
  /* in the order of the products */
  g_assert_cmpint (((KsWhitespace *) g_ptr_array_index (plan->whitespace, 0))->product_id,
                   ==, valves);
  assert_same_cell (g_ptr_array_index (plan->whitespace, 1), g_hash_table_lookup (cells, &id));
  /* it is there already */
  g_assert_false (ks_store_restore_product (f->store, &product, 0, NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_DUPLICATE);
  g_clear_error (&error);

  reopen (f);
  names = product_names (f->store);
  g_assert_cmpstr (names, ==, "Service|Valves|PUMPS");
  g_free (names);
  ks_test_assert_integrity_ok (f->path);
}

/* UNKNOWN is the empty cell: saving it removes the row. */
static void
test_whitespace (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autoptr(KsWhitespace) cell = ks_whitespace_new ();
  gint64 id = ks_account_get_id (f->account);
  gint64 valves = add_product (f, "Valves");

  save_cell (f, id, valves, KS_WHITESPACE_OPPORTUNITY, KS_OPPORTUNITY_UP_SELL, 300);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM whitespace"), ==, 1);
  g_assert_true (ks_store_account_has_plan (f->store, id));

  save_cell (f, id, valves, KS_WHITESPACE_CURRENT, KS_OPPORTUNITY_CROSS_SELL, 0);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM whitespace"), ==, 1);
  plan = load_plan (f->store, id);
  g_assert_cmpuint (plan->whitespace->len, ==, 1);
  g_assert_cmpint (((KsWhitespace *) g_ptr_array_index (plan->whitespace, 0))->state, ==,
                   KS_WHITESPACE_CURRENT);

  save_cell (f, id, valves, KS_WHITESPACE_UNKNOWN, KS_OPPORTUNITY_CROSS_SELL, 0);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM whitespace"), ==, 0);
  g_assert_false (ks_store_account_has_plan (f->store, id));

  /* refused: a product that is not there, a negative value, not a quarter */
  cell->product_id = 4242;
  cell->state = KS_WHITESPACE_CURRENT;
  g_assert_false (ks_store_save_whitespace (f->store, id, cell, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  cell->product_id = valves;
  cell->value = -1;
  g_assert_false (ks_store_save_whitespace (f->store, id, cell, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  cell->value = 0;
  cell->quarter = g_strdup ("Q3");
  g_assert_false (ks_store_save_whitespace (f->store, id, cell, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM whitespace"), ==, 0);
}

static void
test_risks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autoptr(KsRisk) low_old = new_risk (KS_RISK_CONCENTRATION, KS_RISK_LOW, "2026-01-10",
                                        "One plant");
  g_autoptr(KsRisk) high = new_risk (KS_RISK_FINANCIAL_HEALTH, KS_RISK_HIGH, "2026-02-01",
                                     "Losses");
  g_autoptr(KsRisk) low_new = new_risk (KS_RISK_POLICY_CHANGE, KS_RISK_LOW, "2026-04-01",
                                        "Tender rules");
  g_autoptr(KsRisk) bad = new_risk (KS_RISK_OTHER, KS_RISK_LOW, "yesterday", "Bad");
  gint64 id = ks_account_get_id (f->account);

  g_assert_true (ks_store_save_risk (f->store, id, low_old, &error));
  g_assert_no_error (error);
  g_assert_true (ks_store_save_risk (f->store, id, high, &error));
  g_assert_no_error (error);
  g_assert_true (ks_store_save_risk (f->store, id, low_new, &error));
  g_assert_no_error (error);
  g_assert_cmpint (low_old->id, >, 0);
  g_assert_cmpint (high->id, >, low_old->id);
  g_assert_false (ks_store_save_risk (f->store, id, bad, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);

  /* open first, then severity high → low, then raised newest first */
  plan = load_plan (f->store, id);
  g_assert_cmpuint (plan->risks->len, ==, 3);
  assert_same_risk (g_ptr_array_index (plan->risks, 0), high);
  assert_same_risk (g_ptr_array_index (plan->risks, 1), low_new);
  assert_same_risk (g_ptr_array_index (plan->risks, 2), low_old);

  /* closing it puts it last */
  high->closed = TRUE;
  g_assert_true (ks_store_save_risk (f->store, id, high, &error));
  g_assert_no_error (error);
  reopen (f);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  g_assert_cmpuint (plan->risks->len, ==, 3);
  assert_same_risk (g_ptr_array_index (plan->risks, 0), low_new);
  assert_same_risk (g_ptr_array_index (plan->risks, 2), high);
  g_assert_true (((KsRisk *) g_ptr_array_index (plan->risks, 2))->closed);

  /* delete, put back */
  g_assert_true (ks_store_delete_risk (f->store, low_new->id, &error));
  g_assert_no_error (error);
  g_assert_false (ks_store_delete_risk (f->store, low_new->id, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM risk"), ==, 2);
  g_assert_true (ks_store_restore_risk (f->store, id, low_new, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, id);
  assert_same_risk (g_ptr_array_index (plan->risks, 0), low_new);
}

/* The account and its whole plan go in one step and come back with their ids. */
static void
test_delete_with_plan (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) before = NULL;
  g_autoptr(KsAccountPlan) removed = NULL;
  g_autoptr(KsAccountPlan) after = NULL;
  g_autoptr(KsAccount) account = g_object_ref (f->account);
  gint64 id = ks_account_get_id (account);
  gint64 n_rows;
  guint n_accounts = ks_store_get_n_accounts (f->store);

  fill_plan (f, id);
  save_swot (f, ks_account_get_id (f->other), KS_SWOT_THREAT, "Stays");
  before = load_plan (f->store, id);
  n_rows = count_plan_rows (f->path, id);
  g_assert_cmpint (n_rows, >, 20);

  reset_counts (f);
  g_assert_true (ks_store_delete_account_with_plan (f->store, account, &removed, &error));
  g_assert_no_error (error);
  g_assert_nonnull (removed);
  assert_same_plan (before, removed);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, n_accounts - 1);
  g_assert_null (ks_store_lookup_account (f->store, id));
  g_assert_cmpint (count_plan_rows (f->path, id), ==, 0);
  g_assert_cmpint (count_plan_rows (f->path, ks_account_get_id (f->other)), ==, 1);
  g_assert_cmpint (count_orphans (f->path), ==, 0);
  g_assert_false (ks_store_account_has_plan (f->store, id));
  {
    g_autoptr(KsAccountPlan) gone = ks_store_load_plan (f->store, id, &error);

    g_assert_null (gone);
    g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  reset_counts (f);
  g_assert_true (ks_store_restore_account_with_plan (f->store, account, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, n_accounts);
  g_assert_true (ks_store_lookup_account (f->store, id) == account);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, id);
  g_assert_cmpint (count_plan_rows (f->path, id), ==, n_rows);
  after = load_plan (f->store, id);
  assert_same_plan (before, after);
  ks_test_assert_integrity_ok (f->path);

  /* a product deleted meanwhile: its cell is skipped on the way back */
  g_clear_pointer (&removed, ks_account_plan_free);
  g_assert_true (ks_store_delete_account_with_plan (f->store, account, &removed, &error));
  g_assert_no_error (error);
  {
    KsWhitespace *cell = g_ptr_array_index (removed->whitespace, 0);
    g_autoptr(GHashTable) cells = NULL;

    g_assert_true (ks_store_delete_product (f->store, cell->product_id, NULL, &cells, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (cells), ==, 0);
  }
  g_assert_true (ks_store_restore_account_with_plan (f->store, account, removed, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, ks_account_plan_free);
  after = load_plan (f->store, id);
  g_assert_cmpuint (after->whitespace->len, ==, removed->whitespace->len - 1);
  g_assert_cmpuint (after->actions->len, ==, removed->actions->len);
  g_assert_cmpint (count_plan_rows (f->path, id), ==, n_rows - 1);

  /* in the list already */
  g_assert_false (ks_store_restore_account_with_plan (f->store, account, removed, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_DUPLICATE);
  g_clear_error (&error);
  ks_test_assert_integrity_ok (f->path);
}

/* A plain delete leaves no rows behind either: the foreign keys are enforced. */
static void
test_delete_plain (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = g_object_ref (f->account);
  gint64 id = ks_account_get_id (account);

  fill_plan (f, id);
  g_assert_cmpint (count_plan_rows (f->path, id), >, 0);

  g_assert_true (ks_store_delete_account (f->store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_plan_rows (f->path, id), ==, 0);
  g_assert_cmpint (count_orphans (f->path), ==, 0);

  /* Undo without the plan: the account alone, with no summary left over */
  g_assert_true (ks_store_restore_account (f->store, account, &error));
  g_assert_no_error (error);
  g_assert_false (ks_store_account_has_plan (f->store, id));
  g_assert_false (ks_account_get_plan_summary (account)->has_health);
  g_assert_cmpint (ks_account_get_plan_summary (account)->alerts, ==, KS_ALERT_NONE);
  ks_test_assert_integrity_ok (f->path);
}

/* The sample portfolio comes with plans and products; a second load adds neither
 * products twice nor plans to accounts it skipped. */
static void
test_sample_plans (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  KsAccount *first;
  guint with_health = 0, with_alerts = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  ks_store_set_today (f->store, &today);
  g_assert_true (ks_store_load_sample (f->store, &error));
  g_assert_no_error (error);

  products = ks_store_dup_products (f->store);
  g_assert_cmpuint (products->len, ==, g_strv_length ((GStrv) ks_sample_get_product_names ()));
  for (guint i = 0; i < ks_store_get_n_accounts (f->store); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (ks_store_get_accounts (f->store),
                                                            i);
      const KsPlanSummary *summary = ks_account_get_plan_summary (account);

      with_health += summary->has_health;
      with_alerts += summary->alerts != KS_ALERT_NONE;
    }
  g_assert_cmpuint (with_health, >=, 5);
  g_assert_cmpuint (with_alerts, >=, 2);

  first = ks_store_find_account_by_name (f->store, "华东精密制造有限公司");
  g_assert_nonnull (first);
  plan = ks_store_load_plan (f->store, ks_account_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->targets->len, >=, 2);
  g_assert_cmpuint (plan->actions->len, >=, 4);
  g_assert_cmpuint (plan->swot->len, ==, 8);
  g_assert_cmpuint (plan->whitespace->len, ==, products->len);
  g_assert_true (ks_account_get_plan_summary (first)->has_attainment);

  g_assert_true (ks_store_load_sample (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&products, g_ptr_array_unref);
  products = ks_store_dup_products (f->store);
  g_assert_cmpuint (products->len, ==, g_strv_length ((GStrv) ks_sample_get_product_names ()));
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = ks_store_load_plan (f->store, ks_account_get_id (first), &error);
  g_assert_cmpuint (plan->swot->len, ==, 8);
  ks_test_assert_integrity_ok (f->path);
}

/* What the portfolio shows: attainment, alerts, announced by items-changed. */
static void
test_summaries (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const KsPlanSummary *summary;
  gint64 id = ks_account_get_id (f->account);
  guint position = position_of (f, f->account);
  KsTargetYear year = { 0, };
  gint64 action_id;
  guint overdue_by_clock;

  /* no plan: nothing shown */
  summary = ks_account_get_plan_summary (f->account);
  g_assert_false (summary->has_health);
  g_assert_false (summary->has_attainment);

  set_today (f->store, "2026-05-15");
  {
    GDate today;

    ks_store_get_today (f->store, &today);
    g_assert_cmpint (g_date_get_year (&today), ==, 2026);
    g_assert_cmpint (g_date_get_month (&today), ==, 5);
  }

  /* a credit rating alone scores nothing */
  g_assert_true (ks_store_set_credit_rating (f->store, id, "A", &error));
  g_assert_no_error (error);
  g_assert_false (ks_account_get_plan_summary (f->account)->has_health);
  g_assert_cmpint (f->n_items_changed, ==, 0);

  year.year = 2026;
  year.metric = KS_TARGET_METRIC_REVENUE;
  year.has_target = Q (1) | Q (2);
  year.target[1] = 1000000;
  year.target[2] = 1000000;
  year.has_actual = Q (1);
  year.actual[1] = 900000;
  reset_counts (f);
  g_assert_true (ks_store_save_target_year (f->store, id, &year, &error));
  g_assert_no_error (error);

  summary = ks_account_get_plan_summary (f->account);
  g_assert_true (summary->has_attainment);
  g_assert_cmpfloat_with_epsilon (summary->attainment_ytd, 90.0, 1e-9);
  g_assert_true (summary->has_health);
  g_assert_cmpint (summary->alerts & KS_ALERT_OVERDUE_ACTION, ==, 0);
  g_assert_cmpint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_items_position, ==, position);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, id);
  /* the other account is not touched */
  g_assert_false (ks_account_get_plan_summary (f->other)->has_health);

  /* an overdue action raises the alert */
  reset_counts (f);
  action_id = save_action (f, "Send the quote", "2026-05-01", KS_ACTION_OPEN);
  summary = ks_account_get_plan_summary (f->account);
  g_assert_cmpint (summary->alerts & KS_ALERT_OVERDUE_ACTION, ==, KS_ALERT_OVERDUE_ACTION);
  g_assert_cmpint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_items_position, ==, position);
  g_assert_cmpint (f->n_plan_changed, ==, 1);

  /* a summary that does not change announces nothing */
  reset_counts (f);
  save_action (f, "Another overdue", "2026-05-02", KS_ACTION_DONE);
  g_assert_cmpint (f->n_items_changed, ==, 0);
  g_assert_cmpint (f->n_plan_changed, ==, 1);

  /* today earlier: not overdue any more; every summary follows */
  reset_counts (f);
  set_today (f->store, "2026-04-20");
  summary = ks_account_get_plan_summary (f->account);
  g_assert_cmpint (summary->alerts & KS_ALERT_OVERDUE_ACTION, ==, 0);
  g_assert_cmpint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_items_position, ==, position);

  /* back to the clock */
  ks_store_set_today (f->store, NULL);
  {
    GDate today, clock, due;

    ks_store_get_today (f->store, &today);
    g_date_clear (&clock, 1);
    g_date_set_time_t (&clock, time (NULL));
    g_assert_cmpint (g_date_compare (&today, &clock), ==, 0);
    g_assert_true (ks_plan_parse_date ("2026-05-01", &due));
    overdue_by_clock = g_date_compare (&clock, &due) > 0 ? KS_ALERT_OVERDUE_ACTION : 0;
  }
  summary = ks_account_get_plan_summary (f->account);
  g_assert_cmpint (summary->alerts & KS_ALERT_OVERDUE_ACTION, ==, overdue_by_clock);

  /* computed when the accounts are loaded, too */
  reopen (f);
  summary = ks_account_get_plan_summary (f->account);
  g_assert_true (summary->has_health);
  g_assert_cmpint (summary->alerts & KS_ALERT_OVERDUE_ACTION, ==, overdue_by_clock);
  g_assert_false (ks_account_get_plan_summary (f->other)->has_health);
  set_today (f->store, "2026-05-15");
  summary = ks_account_get_plan_summary (f->account);
  g_assert_cmpint (summary->alerts & KS_ALERT_OVERDUE_ACTION, ==, KS_ALERT_OVERDUE_ACTION);
  reset_counts (f);

  /* the action done: the alert goes */
  {
    g_autoptr(KsAccountPlan) plan = load_plan (f->store, id);

    for (guint i = 0; i < plan->actions->len; i++)
      {
        KsAction *action = g_ptr_array_index (plan->actions, i);

        if (action->id != action_id)
          continue;
        action->status = KS_ACTION_DONE;
        g_assert_true (ks_store_save_action (f->store, id, action, &error));
        g_assert_no_error (error);
      }
  }
  summary = ks_account_get_plan_summary (f->account);
  g_assert_cmpint (summary->alerts & KS_ALERT_OVERDUE_ACTION, ==, 0);
  g_assert_cmpint (f->n_items_changed, ==, 1);
}

static void
test_health_weights (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KsHealthWeights defaults, weights, bad;
  gint64 id = ks_account_get_id (f->account);
  double health_before;

  ks_health_weights_init_default (&defaults);
  g_assert_cmpmem (ks_store_get_health_weights (f->store), sizeof defaults,
                   &defaults, sizeof defaults);

  /* an account with a health score: 90 % attainment, an open high risk */
  {
    KsTargetYear year = { 0, };
    g_autoptr(KsRisk) risk = new_risk (KS_RISK_FINANCIAL_HEALTH, KS_RISK_HIGH, "2026-01-05",
                                       "Losses");

    set_today (f->store, "2026-05-15");
    year.year = 2026;
    year.metric = KS_TARGET_METRIC_REVENUE;
    year.has_target = Q (1);
    year.target[1] = 100;
    year.has_actual = Q (1);
    year.actual[1] = 90;
    g_assert_true (ks_store_save_target_year (f->store, id, &year, &error));
    g_assert_no_error (error);
    g_assert_true (ks_store_save_risk (f->store, id, risk, &error));
    g_assert_no_error (error);
  }
  health_before = ks_account_get_plan_summary (f->account)->health;
  g_assert_true (ks_account_get_plan_summary (f->account)->has_health);
  g_assert_cmpint (ks_account_get_plan_summary (f->account)->alerts & KS_ALERT_HIGH_RISK, ==,
                   KS_ALERT_HIGH_RISK);

  /* all on attainment */
  memset (&weights, 0, sizeof weights);
  weights.weights[KS_HEALTH_ATTAINMENT] = 100;
  reset_counts (f);
  g_assert_true (ks_store_set_health_weights (f->store, &weights, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_rules_changed, ==, 1);
  g_assert_cmpint (f->n_items_changed, ==, 1);
  g_assert_cmpmem (ks_store_get_health_weights (f->store), sizeof weights,
                   &weights, sizeof weights);
  g_assert_cmpfloat_with_epsilon (ks_account_get_plan_summary (f->account)->health, 90.0, 1e-9);
  g_assert_cmpfloat (health_before, !=, 90.0);

  /* refused: not 100 together, out of range; nothing changes */
  bad = weights;
  bad.weights[KS_HEALTH_RISKS] = 10;
  g_assert_false (ks_store_set_health_weights (f->store, &bad, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  bad = defaults;
  bad.weights[KS_HEALTH_ATTAINMENT] = -10;
  bad.weights[KS_HEALTH_ACTIONS] = 55;
  g_assert_false (ks_store_set_health_weights (f->store, &bad, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (f->n_rules_changed, ==, 1);
  g_assert_cmpmem (ks_store_get_health_weights (f->store), sizeof weights,
                   &weights, sizeof weights);

  /* kept in the file */
  reopen (f);
  g_assert_cmpmem (ks_store_get_health_weights (f->store), sizeof weights,
                   &weights, sizeof weights);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT value FROM settings "
                                                   "WHERE key = 'health-weight-attainment'"),
                   ==, 100);

  /* a file whose weights do not add up gets the defaults */
  g_assert_finalize_object (f->store);
  f->store = NULL;
  ks_test_raw_run (f->path,
                   "UPDATE settings SET value = '99' WHERE key = 'health-weight-attainment'");
  f->store = ks_test_store_open (f->path);
  g_assert_cmpmem (ks_store_get_health_weights (f->store), sizeof defaults,
                   &defaults, sizeof defaults);
}

/* Opening many accounts reads the plan tables once each, not once per account. */
static void
test_load_many (Fixture       *f,
                gconstpointer  data)
{
  const guint n = 100000;
  g_autoptr(GTimer) timer = NULL;
  KsAccount *with_plan;
  double elapsed;

  g_assert_finalize_object (f->store);
  f->store = NULL;

  /* unrated (the columns' default); one account in a thousand with an overdue action */
  ks_test_raw_add_portfolio (f->path, n, 0,
                             "INSERT INTO action (account_id, title, due, status, created_at, "
                             "updated_at) "
                             "SELECT id, 'Call', '2001-01-01', 'open', '2024-01-01', "
                             "'2024-01-01' FROM account WHERE id % 1000 = 0");

  f->store = ks_test_store_open (f->path);
  timer = g_timer_new ();
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, n + 3);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("loading %u accounts, %u with a plan, took %.0f ms", n + 3, n / 1000,
                  elapsed * 1000);
  if (g_test_perf ())
    g_test_minimized_result (elapsed, "load with %u accounts: %.3f s", n, elapsed);

  with_plan = ks_store_lookup_account (f->store, 2000);
  g_assert_nonnull (with_plan);
  g_assert_true (ks_account_get_plan_summary (with_plan)->has_health);
  g_assert_cmpint (ks_account_get_plan_summary (with_plan)->alerts, ==,
                   KS_ALERT_OVERDUE_ACTION);
  g_assert_false (ks_account_get_plan_summary (ks_store_lookup_account (f->store,
                                                                        2001))->has_health);

  /* and all of them again when today moves */
  g_timer_start (timer);
  set_today (f->store, "2000-06-01");
  g_test_message ("recomputing every summary took %.0f ms",
                  g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpint (ks_account_get_plan_summary (with_plan)->alerts, ==, KS_ALERT_NONE);
}

#define ADD_TEST(path, func) \
  g_test_add ("/keystone/store-plan/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD_TEST ("migrate-from-2", test_migrate_from_2);
  ADD_TEST ("round-trip", test_round_trip);
  ADD_TEST ("targets", test_targets);
  ADD_TEST ("actions", test_actions);
  ADD_TEST ("invalid-action", test_invalid_action);
  ADD_TEST ("credit-rating", test_credit_rating);
  ADD_TEST ("swot", test_swot);
  ADD_TEST ("products", test_products);
  ADD_TEST ("whitespace", test_whitespace);
  ADD_TEST ("risks", test_risks);
  ADD_TEST ("delete-with-plan", test_delete_with_plan);
  ADD_TEST ("delete-plain", test_delete_plain);
  ADD_TEST ("summaries", test_summaries);
  ADD_TEST ("health-weights", test_health_weights);
  ADD_TEST ("load-many", test_load_many);
  ADD_TEST ("sample-plans", test_sample_plans);

  return g_test_run ();
}
