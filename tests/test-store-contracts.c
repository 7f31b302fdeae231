/* test-store-contracts.c — contracts and the checklist template in the database: the
 * migration from version 5 (data kept, template seeded), the template as seeded and as
 * edited (contracts keep their items), contracts and their items saved, updated,
 * deleted and put back with their ids, the contract alert in the account's summary as
 * items and statuses change (and at load), contracts deleted and put back with their
 * account, the order of the Contracts view, refused input writing nothing, the signals,
 * and the sample contracts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "ks-test-schema.h"
#include "ks-test-store.h"
#include "ks-account-list.h"
#include "ks-error.h"
#include "ks-store.h"

/* Now, for most tests: a Friday morning in Shanghai. */
#define NOW   "2026-11-27T09:30:00+08:00"
#define TODAY "2026-11-27"

typedef struct
{
  char *dir;
  char *path;
  KsStore *store;
  KsAccount *key;         /* Core: the executive alert is there too; owned by the store */
  KsAccount *plain;       /* Standard, no plan: nothing but contracts raises an alert */
  gint64 key_id;
  gint64 plain_id;
  guint n_plan_changed;
  gint64 last_plan_changed;
  guint n_template_changed;
  guint n_items_changed;
} Fixture;

/* Helpers: the store */

static void
on_plan_changed (KsStore *store,
                 gint64   account_id,
                 Fixture *f)
{
  f->n_plan_changed++;
  f->last_plan_changed = account_id;
}

static void
on_template_changed (KsStore *store,
                     Fixture *f)
{
  f->n_template_changed++;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_items_changed++;
}

static void
connect_store (Fixture *f)
{
  g_signal_connect (f->store, "plan-changed", G_CALLBACK (on_plan_changed), f);
  g_signal_connect (f->store, "template-changed", G_CALLBACK (on_template_changed), f);
  g_signal_connect (ks_store_get_accounts (f->store), "items-changed",
                    G_CALLBACK (on_items_changed), f);
}

static void
reset_counts (Fixture *f)
{
  f->n_plan_changed = 0;
  f->last_plan_changed = -1;
  f->n_template_changed = 0;
  f->n_items_changed = 0;
}

static void
set_now (KsStore    *store,
         const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  ks_store_set_now (store, time);
}

/* Closes the store (unless closed already) and opens the file again, now at NOW. */
static void
reopen (Fixture *f)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  f->store = ks_test_store_open (f->path);
  set_now (f->store, NOW);
  f->key = ks_store_lookup_account (f->store, f->key_id);
  f->plain = ks_store_lookup_account (f->store, f->plain_id);
  g_assert_nonnull (f->key);
  g_assert_nonnull (f->plain);
  connect_store (f);
  reset_counts (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ks_test_store_make_dir ("store-contracts", &f->path);
  f->store = ks_test_store_open (f->path);
  set_now (f->store, NOW);
  f->key = ks_test_store_add_account (f->store, "华东精密制造有限公司", KS_RATING_MAX);
  f->plain = ks_test_store_add_account (f->store, "Maple Grove Foods Co.", 1);
  f->key_id = ks_account_get_id (f->key);
  f->plain_id = ks_account_get_id (f->plain);
  g_assert_cmpint (ks_account_get_tier (f->key), ==, KS_TIER_CORE);
  g_assert_cmpint (ks_account_get_tier (f->plain), ==, KS_TIER_STANDARD);
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

static KsAccountPlan *
load_plan (KsStore *store,
           gint64   account_id)
{
  g_autoptr(GError) error = NULL;
  KsAccountPlan *plan = ks_store_load_plan (store, account_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_nonnull (plan->contracts);
  return plan;
}

static GPtrArray *
dup_contracts (KsStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contracts = ks_store_dup_contracts (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contracts);
  return contracts;
}

static GPtrArray *
dup_template (KsStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *template = ks_store_dup_template (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  return template;
}

static gboolean
has_contract_alert (KsAccount *account)
{
  return (ks_account_get_plan_summary (account)->alerts & KS_ALERT_CONTRACT_ISSUE) != 0;
}

static KsContract *
contract_new (const char       *title,
              KsContractStatus  status,
              const char       *end)
{
  KsContract *contract = ks_contract_new ();

  contract->title = g_strdup (title);
  contract->number = g_strdup ("HT-2026-001");
  contract->value = 1200000000;
  contract->start = g_strdup ("2026-01-01");
  contract->end = g_strdup (end);
  contract->status = status;
  return contract;
}

/* Saves @contract for @account_id, which must work. */
static void
save_contract (Fixture    *f,
               gint64      account_id,
               KsContract *contract)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_store_save_contract (f->store, account_id, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (contract->id, >, 0);
  g_assert_cmpint (contract->account_id, ==, account_id);
}

static void
set_item_state (Fixture      *f,
                KsContract   *contract,
                guint         index,
                KsCheckState  state)
{
  g_autoptr(GError) error = NULL;
  KsContractItem *item = g_ptr_array_index (contract->items, index);

  item->state = state;
  g_assert_true (ks_store_save_contract_item (f->store, contract->id, item, &error));
  g_assert_no_error (error);
}

/* The stored contract @id, as the Contracts view has it. */
static KsContract *
find_contract (KsStore *store,
               gint64   id)
{
  g_autoptr(GPtrArray) contracts = dup_contracts (store);

  for (guint i = 0; i < contracts->len; i++)
    if (((KsContract *) g_ptr_array_index (contracts, i))->id == id)
      return ks_contract_copy (g_ptr_array_index (contracts, i));
  return NULL;
}

static void
assert_same_item (const KsContractItem *a,
                  const KsContractItem *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->category, ==, b->category);
  g_assert_cmpint (a->position, ==, b->position);
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpstr (a->note != NULL ? a->note : "", ==, b->note != NULL ? b->note : "");
  g_assert_cmpstr (a->reviewer != NULL ? a->reviewer : "", ==,
                   b->reviewer != NULL ? b->reviewer : "");
  g_assert_cmpstr (a->reviewed, ==, b->reviewed);
}

static void
assert_same_contract (const KsContract *a,
                      const KsContract *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (a->account_id, ==, b->account_id);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->number != NULL ? a->number : "", ==, b->number != NULL ? b->number : "");
  g_assert_cmpint (a->value, ==, b->value);
  g_assert_cmpstr (a->currency, ==, b->currency);
  g_assert_cmpstr (a->start, ==, b->start);
  g_assert_cmpstr (a->end, ==, b->end);
  g_assert_cmpstr (a->renewal_notice, ==, b->renewal_notice);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpstr (a->notes != NULL ? a->notes : "", ==, b->notes != NULL ? b->notes : "");
  g_assert_cmpuint (a->items->len, ==, b->items->len);
  for (guint i = 0; i < a->items->len; i++)
    assert_same_item (g_ptr_array_index (a->items, i), g_ptr_array_index (b->items, i));
}

/* @template has the categories and item texts of @expected, in order. */
static void
assert_same_template (GPtrArray *template,
                      GPtrArray *expected)
{
  g_assert_cmpuint (template->len, ==, expected->len);
  for (guint i = 0; i < template->len; i++)
    {
      KsTemplateCategory *category = g_ptr_array_index (template, i);
      KsTemplateCategory *want = g_ptr_array_index (expected, i);

      g_assert_cmpstr (category->title, ==, want->title);
      g_assert_cmpuint (category->items->len, ==, want->items->len);
      for (guint j = 0; j < category->items->len; j++)
        g_assert_cmpstr (((KsTemplateItem *) g_ptr_array_index (category->items, j))->text,
                         ==, ((KsTemplateItem *) g_ptr_array_index (want->items, j))->text);
    }
}

static guint
template_n_items (GPtrArray *template)
{
  guint n = 0;

  for (guint i = 0; i < template->len; i++)
    n += ((KsTemplateCategory *) g_ptr_array_index (template, i))->items->len;
  return n;
}

/* Tests */

/* A version 5 file (no contract tables) is migrated with its data kept and the
 * built-in template seeded; contracts work afterwards. */
static void
test_migrate_from_5 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAction) action = ks_action_new ();
  g_autoptr(GPtrArray) builtin = ks_checklist_builtin_template ();
  g_autoptr(GPtrArray) template = NULL;
  g_autoptr(KsContract) contract = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *breach = NULL;

  action->title = g_strdup ("Call the CEO");
  action->due = g_strdup ("2026-12-01");
  g_assert_true (ks_store_save_action (f->store, f->key_id, action, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (f->store);
  f->store = NULL;

  ks_test_raw_run (f->path, KS_TEST_UNDO_V6 "PRAGMA user_version = 5");
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM sqlite_master "
                                                   "WHERE name IN ('contract', 'contract_item', "
                                                   "'checklist_category', 'checklist_item')"),
                   ==, 0);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, 5);

  reopen (f);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, KS_SCHEMA_VERSION);
  g_assert_cmpint (KS_SCHEMA_VERSION, ==, 6);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 2);
  g_assert_cmpint (ks_test_count_rows (f->path, "action"), ==, 1);
  g_assert_cmpint (ks_test_count_rows (f->path, "checklist_category"), ==, builtin->len);
  g_assert_cmpint (ks_test_count_rows (f->path, "checklist_item"), ==, template_n_items (builtin));
  g_assert_cmpint (ks_test_count_rows (f->path, "contract"), ==, 0);
  breach = ks_test_raw_query_text (f->path, "SELECT text FROM checklist_item WHERE text "
                                            "LIKE '%72 hours%'");
  g_assert_cmpstr (breach, ==, "Breach notification within 72 hours");
  template = dup_template (f->store);
  assert_same_template (template, builtin);

  /* contracts work, and are made from the seeded template */
  contract = contract_new ("Framework agreement", KS_CONTRACT_SIGNED, "2027-12-31");
  save_contract (f, f->plain_id, contract);
  g_assert_cmpuint (contract->items->len, ==, template_n_items (builtin));
  g_assert_true (ks_store_account_has_plan (f->store, f->plain_id));
  backup_dir = ks_store_get_backup_dir (f->store);
  ks_test_assert_integrity_ok (f->path);
  {
    g_autoptr(GDir) dir = g_dir_open (backup_dir, 0, &error);

    /* the version 5 file was backed up before it changed */
    g_assert_no_error (error);
    g_assert_nonnull (g_dir_read_name (dir));
  }
}

/* A migration that cannot run (a table of the name it creates is there) leaves the
 * version 5 file as it was: no table made, no template seeded. */
static void
test_migration_fails (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsStore) store = NULL;

  g_assert_finalize_object (f->store);
  f->store = NULL;

  ks_test_raw_run (f->path, KS_TEST_UNDO_V6 "CREATE TABLE contract (x); PRAGMA user_version = 5");

  store = ks_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, "not an error"));
  g_assert_nonnull (strstr (error->message, "contract"));
  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM sqlite_master "
                                                   "WHERE name = 'checklist_category'"), ==, 0);
  g_assert_cmpint (ks_test_count_rows (f->path, "account"), ==, 2);
}

/* A new database has the built-in template, in English, in order, with ids. */
static void
test_template_seeded (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) builtin = ks_checklist_builtin_template ();
  g_autoptr(GPtrArray) template = dup_template (f->store);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  assert_same_template (template, builtin);
  for (guint i = 0; i < template->len; i++)
    {
      KsTemplateCategory *category = g_ptr_array_index (template, i);

      g_assert_cmpint (category->id, >, 0);
      for (guint j = 0; j < category->items->len; j++)
        {
          KsTemplateItem *item = g_ptr_array_index (category->items, j);

          g_assert_cmpint (item->id, >, 0);
          g_assert_true (g_hash_table_add (ids, &item->id));
        }
    }
  g_assert_cmpint (ks_test_count_rows (f->path, "checklist_item"), ==, template_n_items (builtin));
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM checklist_item WHERE text "
                                                   "LIKE 'PIPL:%'"), ==, 4);
}

/* The template edited (reworded, reordered, items and categories added and removed):
 * stored as edited, ids kept; the contracts made before keep their items, the next one
 * gets the new ones; Reset puts the built-in template back. */
static void
test_template_edit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) template = dup_template (f->store);
  g_autoptr(GPtrArray) builtin = ks_checklist_builtin_template ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(KsContract) before = contract_new ("Before", KS_CONTRACT_SIGNED, "2027-12-31");
  g_autoptr(KsContract) before_saved = NULL;
  g_autoptr(KsContract) before_now = NULL;
  g_autoptr(KsContract) after = contract_new ("After", KS_CONTRACT_DRAFT, NULL);
  KsTemplateCategory *first, *second, *added;
  KsTemplateItem *reworded;
  gint64 reworded_id, first_id;
  guint n_template_items;

  save_contract (f, f->plain_id, before);
  set_item_state (f, before, 1, KS_CHECK_ISSUE);
  before_saved = find_contract (f->store, before->id);

  /* reword the first item, remove the second, swap the first two categories, drop the
   * last, add one with an item, add an item at the top of another */
  first = g_ptr_array_index (template, 0);
  first_id = first->id;
  reworded = g_ptr_array_index (first->items, 0);
  reworded_id = reworded->id;
  g_free (reworded->text);
  reworded->text = g_strdup ("Scope of work signed off by both project leads");
  g_ptr_array_remove_index (first->items, 1);
  second = g_ptr_array_steal_index (template, 1);
  g_ptr_array_insert (template, 0, second);
  g_ptr_array_remove_index (template, template->len - 1);
  added = ks_template_category_new ("出口管制");
  g_ptr_array_add (added->items, ks_template_item_new ("制裁名单筛查"));
  g_ptr_array_add (template, added);
  g_ptr_array_insert (second->items, 0, ks_template_item_new ("Open-source licences listed"));

  reset_counts (f);
  g_assert_true (ks_store_save_template (f->store, template, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_template_changed, ==, 1);
  g_assert_cmpuint (f->n_plan_changed, ==, 0);
  /* ids: kept where set, new ones given and set */
  g_assert_cmpint (first->id, ==, first_id);
  g_assert_cmpint (reworded->id, ==, reworded_id);
  g_assert_cmpint (added->id, >, 0);
  g_assert_cmpint (((KsTemplateItem *) g_ptr_array_index (added->items, 0))->id, >, 0);
  g_assert_cmpint (((KsTemplateItem *) g_ptr_array_index (second->items, 0))->id, >, 0);

  stored = dup_template (f->store);
  assert_same_template (stored, template);
  g_assert_cmpint (((KsTemplateCategory *) g_ptr_array_index (stored, 1))->id, ==, first_id);
  g_assert_cmpstr (((KsTemplateCategory *) g_ptr_array_index (stored, 0))->title, ==,
                   "Intellectual property ownership");
  n_template_items = template_n_items (stored);
  g_assert_cmpint (ks_test_count_rows (f->path, "checklist_item"), ==, n_template_items);

  /* the contract made before: its items exactly as they were */
  before_now = find_contract (f->store, before->id);
  assert_same_contract (before_now, before_saved);
  g_assert_cmpstr (((KsContractItem *) g_ptr_array_index (before_now->items, 0))->text, ==,
                   "Scope of work clearly defined");
  g_assert_true (has_contract_alert (f->plain));

  /* the next one: the new template */
  save_contract (f, f->plain_id, after);
  g_assert_cmpuint (after->items->len, ==, n_template_items);
  g_assert_cmpstr (((KsContractItem *) g_ptr_array_index (after->items, 0))->category, ==,
                   "Intellectual property ownership");
  g_assert_cmpstr (((KsContractItem *) g_ptr_array_index (after->items, 0))->text, ==,
                   "Open-source licences listed");
  g_assert_cmpstr (((KsContractItem *) g_ptr_array_index (after->items,
                                                          after->items->len - 1))->text,
                   ==, "制裁名单筛查");

  /* refused: nothing written, no signal */
  {
    g_autoptr(GPtrArray) bad = dup_template (f->store);
    KsTemplateCategory *category = g_ptr_array_index (bad, 0);

    reset_counts (f);
    g_free (category->title);
    category->title = g_strdup ("  ");
    g_assert_false (ks_store_save_template (f->store, bad, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);

    g_free (category->title);
    category->title = g_strdup ("Twice");
    g_ptr_array_add (bad, ks_template_category_copy (category));
    g_assert_false (ks_store_save_template (f->store, bad, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (f->n_template_changed, ==, 0);
    g_clear_pointer (&stored, g_ptr_array_unref);
    stored = dup_template (f->store);
    assert_same_template (stored, template);
  }

  /* Reset: the built-in template again; contracts untouched */
  g_assert_true (ks_store_reset_template (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_template_changed, ==, 1);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = dup_template (f->store);
  assert_same_template (stored, builtin);
  g_clear_pointer (&before_now, ks_contract_free);
  before_now = find_contract (f->store, before->id);
  assert_same_contract (before_now, before_saved);
  {
    g_autoptr(KsContract) after_now = find_contract (f->store, after->id);

    g_assert_cmpuint (after_now->items->len, ==, n_template_items);
  }

  /* an empty template is a template: new contracts start without items */
  {
    g_autoptr(GPtrArray) empty = g_ptr_array_new ();
    g_autoptr(KsContract) bare = contract_new ("Bare", KS_CONTRACT_DRAFT, NULL);

    g_assert_true (ks_store_save_template (f->store, empty, &error));
    g_assert_no_error (error);
    g_assert_cmpint (ks_test_count_rows (f->path, "checklist_item"), ==, 0);
    save_contract (f, f->key_id, bare);
    g_assert_cmpuint (bare->items->len, ==, 0);
  }
  ks_test_assert_integrity_ok (f->path);
}

/* A contract's round trip: made from the template, edited (fields and items), moved
 * to another account; a contract given its own items keeps them. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) template = dup_template (f->store);
  g_autoptr(KsContract) contract = contract_new ("年度框架采购协议", KS_CONTRACT_IN_REVIEW,
                                                 "2027-12-31");
  g_autoptr(KsContract) stored = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  KsContractItem *item, *custom;
  gint64 kept_id, removed_id;
  guint n;

  g_free (contract->currency);
  contract->currency = g_strdup ("EUR");
  contract->renewal_notice = g_strdup ("2027-09-30");
  contract->notes = g_strdup ("续约需提前三个月书面通知");
  save_contract (f, f->key_id, contract);
  n = template_n_items (template);
  g_assert_cmpuint (contract->items->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      item = g_ptr_array_index (contract->items, i);
      g_assert_cmpint (item->id, >, 0);
      g_assert_cmpint (item->position, ==, (int) i);
      g_assert_cmpint (item->state, ==, KS_CHECK_PENDING);
    }
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM contract_item"), ==, n);

  stored = find_contract (f->store, contract->id);
  assert_same_contract (stored, contract);
  plan = load_plan (f->store, f->key_id);
  g_assert_cmpuint (plan->contracts->len, ==, 1);
  assert_same_contract (g_ptr_array_index (plan->contracts, 0), contract);

  /* edited: fields, an item reviewed, one removed, one added, two swapped */
  g_free (contract->title);
  contract->title = g_strdup ("2027 年度框架采购协议");
  contract->status = KS_CONTRACT_SIGNED;
  contract->value = 0;
  item = g_ptr_array_index (contract->items, 0);
  kept_id = item->id;
  item->state = KS_CHECK_OK;
  item->note = g_strdup ("范围见附件一");
  item->reviewer = g_strdup ("周敏");
  item->reviewed = g_strdup ("2026-11-20");
  removed_id = ((KsContractItem *) g_ptr_array_index (contract->items, 1))->id;
  g_ptr_array_remove_index (contract->items, 1);
  custom = ks_contract_item_new ();
  custom->category = g_strdup ("出口管制");
  custom->text = g_strdup ("制裁名单筛查");
  custom->state = KS_CHECK_ISSUE;
  g_ptr_array_add (contract->items, custom);
  {
    gpointer a = contract->items->pdata[2];

    contract->items->pdata[2] = contract->items->pdata[3];
    contract->items->pdata[3] = a;
  }
  reset_counts (f);
  save_contract (f, f->key_id, contract);
  g_assert_cmpuint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, f->key_id);
  g_assert_cmpint (item->id, ==, kept_id);
  g_assert_cmpint (custom->id, >, 0);
  g_assert_cmpint (custom->position, ==, (int) contract->items->len - 1);
  for (guint i = 0; i < contract->items->len; i++)
    g_assert_cmpint (((KsContractItem *) g_ptr_array_index (contract->items, i))->position,
                     ==, (int) i);
  g_clear_pointer (&stored, ks_contract_free);
  stored = find_contract (f->store, contract->id);
  assert_same_contract (stored, contract);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM contract_item WHERE id = %"
                                            G_GINT64_FORMAT, removed_id);

    g_assert_cmpint (ks_test_raw_query_int (f->path, sql), ==, 0);
  }
  g_assert_cmpint (ks_test_count_rows (f->path, "contract_item"), ==, n);

  /* an item id of another contract is not taken over: the item is added with its own */
  {
    g_autoptr(KsContract) other = contract_new ("Other", KS_CONTRACT_DRAFT, NULL);
    KsContractItem *stray;

    save_contract (f, f->key_id, other);
    stray = ks_contract_item_copy (g_ptr_array_index (other->items, 0));
    g_ptr_array_add (contract->items, stray);
    save_contract (f, f->key_id, contract);
    g_assert_cmpint (stray->id, >, 0);
    g_assert_cmpint (stray->id, !=, ((KsContractItem *) g_ptr_array_index (other->items,
                                                                           0))->id);
    g_clear_pointer (&stored, ks_contract_free);
    stored = find_contract (f->store, other->id);
    assert_same_contract (stored, other);
  }

  /* moved to the other account: both plans change */
  reset_counts (f);
  save_contract (f, f->plain_id, contract);
  g_assert_cmpuint (f->n_plan_changed, ==, 2);
  g_assert_cmpint (f->last_plan_changed, ==, f->plain_id);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, f->plain_id);
  g_assert_cmpuint (plan->contracts->len, ==, 1);
  assert_same_contract (g_ptr_array_index (plan->contracts, 0), contract);
  g_assert_true (has_contract_alert (f->plain));

  /* a new contract given its own items keeps them, with new ids */
  {
    g_autoptr(KsContract) own = contract_new ("NDA", KS_CONTRACT_DRAFT, NULL);
    KsContractItem *only = ks_contract_item_new ();

    only->id = kept_id;
    only->category = g_strdup ("Confidentiality");
    only->text = g_strdup ("Mutual obligations");
    g_ptr_array_add (own->items, only);
    save_contract (f, f->key_id, own);
    g_assert_cmpuint (own->items->len, ==, 1);
    g_assert_cmpint (only->id, >, 0);
    g_assert_cmpint (only->id, !=, kept_id);
    g_clear_pointer (&stored, ks_contract_free);
    stored = find_contract (f->store, own->id);
    assert_same_contract (stored, own);
  }
  ks_test_assert_integrity_ok (f->path);
}

/* One item reviewed (the checklist's click): its state, note, reviewer and date only. */
static void
test_save_item (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContract) contract = contract_new ("MSA", KS_CONTRACT_SIGNED, "2027-12-31");
  g_autoptr(KsContract) other = contract_new ("Other", KS_CONTRACT_SIGNED, "2027-12-31");
  g_autoptr(KsContract) stored = NULL;
  g_autoptr(KsContractItem) edit = NULL;
  KsContractItem *item;

  save_contract (f, f->plain_id, contract);
  save_contract (f, f->key_id, other);
  edit = ks_contract_item_copy (g_ptr_array_index (contract->items, 3));
  edit->state = KS_CHECK_NOT_APPLICABLE;
  edit->note = g_strdup ("No appendices");
  edit->reviewer = g_strdup ("Emily Chen");
  edit->reviewed = g_strdup ("2026-11-26");
  /* not part of a review: left as stored */
  g_free (edit->text);
  edit->text = g_strdup ("Changed behind the checklist's back");
  edit->position = 99;

  reset_counts (f);
  g_assert_true (ks_store_save_contract_item (f->store, contract->id, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, f->plain_id);
  stored = find_contract (f->store, contract->id);
  item = g_ptr_array_index (stored->items, 3);
  g_assert_cmpint (item->state, ==, KS_CHECK_NOT_APPLICABLE);
  g_assert_cmpstr (item->note, ==, "No appendices");
  g_assert_cmpstr (item->reviewer, ==, "Emily Chen");
  g_assert_cmpstr (item->reviewed, ==, "2026-11-26");
  g_assert_cmpstr (item->text, ==, ((KsContractItem *) g_ptr_array_index (contract->items,
                                                                          3))->text);
  g_assert_cmpint (item->position, ==, 3);

  /* refused, nothing written */
  reset_counts (f);
  g_free (edit->reviewed);
  edit->reviewed = g_strdup ("26.11.2026");
  edit->state = KS_CHECK_ISSUE;
  g_assert_false (ks_store_save_contract_item (f->store, contract->id, edit, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  /* an item of another contract */
  g_free (edit->reviewed);
  edit->reviewed = NULL;
  g_assert_false (ks_store_save_contract_item (f->store, other->id, edit, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* a contract that is gone */
  g_assert_false (ks_store_save_contract_item (f->store, 9999, edit, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (f->n_plan_changed, ==, 0);
  g_clear_pointer (&stored, ks_contract_free);
  stored = find_contract (f->store, contract->id);
  g_assert_cmpint (((KsContractItem *) g_ptr_array_index (stored->items, 3))->state, ==,
                   KS_CHECK_NOT_APPLICABLE);
  g_assert_false (has_contract_alert (f->plain));
}

/* Delete and Undo: the contract and its items back with their ids. */
static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContract) contract = contract_new ("MSA", KS_CONTRACT_SIGNED, "2027-12-31");
  g_autoptr(KsContract) keep = contract_new ("Keep", KS_CONTRACT_DRAFT, NULL);
  g_autoptr(KsContract) saved = NULL;
  g_autoptr(KsContract) removed = NULL;
  g_autoptr(KsContract) back = NULL;
  gint64 n_items;

  save_contract (f, f->plain_id, contract);
  save_contract (f, f->plain_id, keep);
  set_item_state (f, contract, 0, KS_CHECK_ISSUE);
  saved = find_contract (f->store, contract->id);
  n_items = ks_test_count_rows (f->path, "contract_item");
  g_assert_true (has_contract_alert (f->plain));

  reset_counts (f);
  g_assert_true (ks_store_delete_contract (f->store, contract->id, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, f->plain_id);
  assert_same_contract (removed, saved);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract"), ==, 1);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract_item"), ==, n_items - saved->items->len);
  g_assert_false (has_contract_alert (f->plain));

  /* deleted twice: gone */
  g_assert_false (ks_store_delete_contract (f->store, contract->id, NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  reset_counts (f);
  g_assert_true (ks_store_restore_contract (f->store, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_plan_changed, ==, 1);
  back = find_contract (f->store, contract->id);
  assert_same_contract (back, saved);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract_item"), ==, n_items);
  g_assert_true (has_contract_alert (f->plain));

  /* a delete without Undo */
  g_assert_true (ks_store_delete_contract (f->store, keep->id, NULL, &error));
  g_assert_no_error (error);

  /* the account deleted meanwhile: nothing to put it back into */
  g_clear_pointer (&removed, ks_contract_free);
  g_assert_true (ks_store_delete_contract (f->store, contract->id, &removed, &error));
  g_assert_true (ks_store_delete_account (f->store, f->plain, &error));
  g_assert_no_error (error);
  g_assert_false (ks_store_restore_contract (f->store, removed, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract"), ==, 0);
  ks_test_assert_integrity_ok (f->path);
}

/* The contract alert of the account's summary follows item states and the status, is
 * announced, and is there at load (from one query) and after the clock moves. */
static void
test_alert (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContract) contract = contract_new ("MSA", KS_CONTRACT_SIGNED, "2027-12-31");
  g_autoptr(KsContract) removed = NULL;

  save_contract (f, f->plain_id, contract);
  g_assert_false (has_contract_alert (f->plain));
  g_assert_cmpint (ks_account_get_plan_summary (f->plain)->alerts, ==, KS_ALERT_NONE);

  /* an issue: the alert, announced */
  reset_counts (f);
  set_item_state (f, contract, 2, KS_CHECK_ISSUE);
  g_assert_true (has_contract_alert (f->plain));
  /* a contract is no health data: no score from it */
  g_assert_false (ks_account_get_plan_summary (f->plain)->has_health);
  g_assert_cmpint (ks_account_get_plan_summary (f->plain)->alerts, ==,
                   KS_ALERT_CONTRACT_ISSUE);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->n_plan_changed, ==, 1);

  /* back to draft: gone; signed again: back */
  contract->status = KS_CONTRACT_DRAFT;
  save_contract (f, f->plain_id, contract);
  g_assert_false (has_contract_alert (f->plain));
  contract->status = KS_CONTRACT_IN_REVIEW;
  save_contract (f, f->plain_id, contract);
  g_assert_false (has_contract_alert (f->plain));
  contract->status = KS_CONTRACT_SIGNED;
  save_contract (f, f->plain_id, contract);
  g_assert_true (has_contract_alert (f->plain));
  contract->status = KS_CONTRACT_TERMINATED;
  save_contract (f, f->plain_id, contract);
  g_assert_false (has_contract_alert (f->plain));
  contract->status = KS_CONTRACT_SIGNED;
  save_contract (f, f->plain_id, contract);

  /* resolved: gone; a second issue and only one resolved: still there */
  set_item_state (f, contract, 2, KS_CHECK_OK);
  g_assert_false (has_contract_alert (f->plain));
  reset_counts (f);
  set_item_state (f, contract, 3, KS_CHECK_OK);
  /* the summary did not move: the account is not announced */
  g_assert_cmpuint (f->n_items_changed, ==, 0);
  g_assert_cmpuint (f->n_plan_changed, ==, 1);
  set_item_state (f, contract, 4, KS_CHECK_ISSUE);
  set_item_state (f, contract, 5, KS_CHECK_ISSUE);
  set_item_state (f, contract, 4, KS_CHECK_NOT_APPLICABLE);
  g_assert_true (has_contract_alert (f->plain));

  /* the key account: with its own alert beside it */
  {
    g_autoptr(KsContract) key_contract = contract_new ("Key MSA", KS_CONTRACT_SIGNED,
                                                       NULL);

    g_assert_cmpint (ks_account_get_plan_summary (f->key)->alerts, ==, KS_ALERT_NO_EXECUTIVE);
    save_contract (f, f->key_id, key_contract);
    set_item_state (f, key_contract, 0, KS_CHECK_ISSUE);
    g_assert_cmpint (ks_account_get_plan_summary (f->key)->alerts, ==,
                     KS_ALERT_NO_EXECUTIVE | KS_ALERT_CONTRACT_ISSUE);
  }

  /* at load: the plain account has nothing but the contract */
  reopen (f);
  g_assert_true (has_contract_alert (f->plain));
  g_assert_cmpint (ks_account_get_plan_summary (f->plain)->alerts, ==,
                   KS_ALERT_CONTRACT_ISSUE);
  g_assert_cmpint (ks_account_get_plan_summary (f->key)->alerts, ==,
                   KS_ALERT_NO_EXECUTIVE | KS_ALERT_CONTRACT_ISSUE);

  /* the clock moves, every summary recomputed the other way: the same alert */
  set_now (f->store, "2027-03-01T10:00:00+08:00");
  g_assert_cmpuint (f->n_items_changed, ==, 0);
  g_assert_true (has_contract_alert (f->plain));
  ks_store_refresh_summaries (f->store);
  g_assert_true (has_contract_alert (f->plain));

  /* deleted, at load too */
  g_assert_true (ks_store_delete_contract (f->store, contract->id, &removed, &error));
  g_assert_no_error (error);
  g_assert_false (has_contract_alert (f->plain));
  reopen (f);
  g_assert_false (has_contract_alert (f->plain));
  g_assert_true (ks_store_restore_contract (f->store, removed, &error));
  g_assert_no_error (error);
  g_assert_true (has_contract_alert (f->plain));

  /* an expired contract with an issue at load: no alert */
  removed->status = KS_CONTRACT_EXPIRED;
  save_contract (f, f->plain_id, removed);
  reopen (f);
  g_assert_false (has_contract_alert (f->plain));
}

/* Contracts go with their account and come back with it, ids and items. */
static void
test_delete_account (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) before = NULL;
  g_autoptr(KsAccountPlan) removed = NULL;
  g_autoptr(KsAccountPlan) after = NULL;
  g_autoptr(KsAccount) account = g_object_ref (f->plain);
  g_autoptr(KsContract) first = contract_new ("MSA", KS_CONTRACT_SIGNED, "2027-12-31");
  g_autoptr(KsContract) second = contract_new ("NDA", KS_CONTRACT_DRAFT, NULL);
  g_autoptr(KsContract) other = contract_new ("Other", KS_CONTRACT_DRAFT, NULL);
  gint64 id = f->plain_id;
  gint64 n_items;

  /* only contracts: that is a plan (deleting the account asks first) */
  g_assert_false (ks_store_account_has_plan (f->store, id));
  save_contract (f, id, first);
  g_assert_true (ks_store_account_has_plan (f->store, id));
  save_contract (f, id, second);
  save_contract (f, f->key_id, other);
  set_item_state (f, first, 7, KS_CHECK_ISSUE);
  before = load_plan (f->store, id);
  g_assert_cmpuint (before->contracts->len, ==, 2);
  g_assert_false (ks_account_plan_is_empty (before));
  n_items = ks_test_count_rows (f->path, "contract_item");

  g_assert_true (ks_store_delete_account_with_plan (f->store, account, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed->contracts->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    assert_same_contract (g_ptr_array_index (removed->contracts, i),
                          g_ptr_array_index (before->contracts, i));
  g_assert_cmpint (ks_test_count_rows (f->path, "contract"), ==, 1);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract_item"), ==, other->items->len);
  g_assert_false (ks_store_account_has_plan (f->store, id));

  reset_counts (f);
  g_assert_true (ks_store_restore_account_with_plan (f->store, account, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, id);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract_item"), ==, n_items);
  after = load_plan (f->store, id);
  g_assert_cmpuint (after->contracts->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    assert_same_contract (g_ptr_array_index (after->contracts, i),
                          g_ptr_array_index (before->contracts, i));
  /* its summary with it */
  g_assert_true (has_contract_alert (ks_store_lookup_account (f->store, id)));
  ks_test_assert_integrity_ok (f->path);

  /* a plan whose contract is not valid is refused whole */
  {
    g_autoptr(KsAccountPlan) broken = NULL;
    KsContract *bad;

    g_assert_true (ks_store_delete_account_with_plan (f->store, account, &broken, &error));
    g_assert_no_error (error);
    bad = g_ptr_array_index (broken->contracts, 0);
    g_free (bad->end);
    bad->end = g_strdup ("2020-01-01");
    g_assert_false (ks_store_restore_account_with_plan (f->store, account, broken, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (ks_store_lookup_account (f->store, id));
    g_assert_cmpint (ks_test_count_rows (f->path, "contract"), ==, 1);
  }
}

/* The Contracts view's order: by end date, none last, then title. */
static void
test_dup_contracts (Fixture       *f,
                    gconstpointer  data)
{
  static const struct
  {
    const char *title;
    const char *end;
    gboolean    key;
  } saved[] = {
    { "Beta", "2027-03-01", TRUE },
    { "Zeta", "2026-12-31", FALSE },
    { "Alpha (open-ended)", NULL, TRUE },
    { "Alpha", "2027-03-01", FALSE },
    { "Gamma (open-ended)", NULL, FALSE },
    { "Alpha", "2027-03-01", TRUE },
  };
  static const char * const expected[] = {
    "Zeta", "Alpha", "Alpha", "Beta", "Alpha (open-ended)", "Gamma (open-ended)",
  };
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  gint64 first_alpha = 0;

  contracts = dup_contracts (f->store);
  g_assert_cmpuint (contracts->len, ==, 0);
  g_clear_pointer (&contracts, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    {
      g_autoptr(KsContract) contract = contract_new (saved[i].title, KS_CONTRACT_SIGNED,
                                                     saved[i].end);

      save_contract (f, saved[i].key ? f->key_id : f->plain_id, contract);
      if (first_alpha == 0 && g_strcmp0 (saved[i].title, "Alpha") == 0)
        first_alpha = contract->id;
    }

  contracts = dup_contracts (f->store);
  g_assert_cmpuint (contracts->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < contracts->len; i++)
    {
      KsContract *contract = g_ptr_array_index (contracts, i);

      g_assert_cmpstr (contract->title, ==, expected[i]);
      g_assert_cmpuint (contract->items->len, >, 0);
      g_assert_cmpint (contract->account_id, >, 0);
    }
  /* same end and title: by id */
  g_assert_cmpint (((KsContract *) g_ptr_array_index (contracts, 1))->id, ==, first_alpha);

  /* the account's plan in the same order */
  plan = load_plan (f->store, f->key_id);
  g_assert_cmpuint (plan->contracts->len, ==, 3);
  g_assert_cmpstr (((KsContract *) g_ptr_array_index (plan->contracts, 0))->title, ==,
                   "Alpha");
  g_assert_cmpstr (((KsContract *) g_ptr_array_index (plan->contracts, 1))->title, ==,
                   "Beta");
  g_assert_cmpstr (((KsContract *) g_ptr_array_index (plan->contracts, 2))->title, ==,
                   "Alpha (open-ended)");
}

/* Refused input writes nothing and announces nothing, and leaves the caller's
 * contract as it was. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContract) contract = contract_new ("MSA", KS_CONTRACT_SIGNED, "2025-12-31");
  g_autoptr(KsContract) good = contract_new ("Good", KS_CONTRACT_SIGNED, "2027-12-31");
  g_autoptr(KsContract) stored = NULL;
  const char *field = NULL;

  reset_counts (f);
  /* ends before it starts */
  g_assert_false (ks_store_save_contract (f->store, f->plain_id, contract, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_false (ks_contract_validate (contract, &field, NULL));
  g_assert_cmpstr (field, ==, "end");
  g_clear_error (&error);
  g_assert_cmpint (contract->id, ==, 0);
  g_assert_cmpuint (contract->items->len, ==, 0);

  /* an account that is not there */
  g_free (contract->end);
  contract->end = g_strdup ("2027-12-31");
  g_assert_false (ks_store_save_contract (f->store, 4242, contract, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (contract->id, ==, 0);
  g_assert_cmpuint (contract->items->len, ==, 0);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract"), ==, 0);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract_item"), ==, 0);
  g_assert_cmpuint (f->n_plan_changed, ==, 0);
  g_assert_cmpuint (f->n_items_changed, ==, 0);

  /* an update with one bad item: nothing of it written */
  save_contract (f, f->plain_id, good);
  stored = find_contract (f->store, good->id);
  reset_counts (f);
  g_free (good->title);
  good->title = g_strdup ("Renamed");
  ((KsContractItem *) g_ptr_array_index (good->items, 0))->state = KS_CHECK_ISSUE;
  g_free (((KsContractItem *) g_ptr_array_index (good->items, 5))->text);
  ((KsContractItem *) g_ptr_array_index (good->items, 5))->text = g_strdup (" ");
  g_assert_false (ks_store_save_contract (f->store, f->plain_id, good, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(KsContract) now = find_contract (f->store, good->id);

    assert_same_contract (now, stored);
  }
  g_assert_false (has_contract_alert (f->plain));
  g_assert_cmpuint (f->n_plan_changed, ==, 0);

  /* an update of a contract deleted meanwhile: NOT_FOUND, not a new one */
  g_assert_true (ks_store_delete_contract (f->store, good->id, NULL, &error));
  g_assert_no_error (error);
  g_free (((KsContractItem *) g_ptr_array_index (good->items, 5))->text);
  ((KsContractItem *) g_ptr_array_index (good->items, 5))->text = g_strdup ("Fixed");
  reset_counts (f);
  g_assert_false (ks_store_save_contract (f->store, f->plain_id, good, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract"), ==, 0);
  g_assert_cmpint (ks_test_count_rows (f->path, "contract_item"), ==, 0);
  g_assert_cmpuint (f->n_plan_changed, ==, 0);
  ks_test_assert_integrity_ok (f->path);
}

/* The sample portfolio has contracts: one signed with open issues (the alert), a
 * renewal due, one in review, a draft; items in mixed states with notes. */
static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  guint per_status[KS_N_CONTRACT_STATUSES] = { 0 };
  guint with_alert = 0, renewals = 0, with_notes = 0, mixed = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  ks_store_set_today (f->store, &today);
  g_assert_true (ks_store_load_sample (f->store, &error));
  g_assert_no_error (error);

  contracts = dup_contracts (f->store);
  g_assert_cmpuint (contracts->len, >=, 4);
  g_assert_cmpuint (contracts->len, <=, 6);
  for (guint i = 0; i < contracts->len; i++)
    {
      KsContract *contract = g_ptr_array_index (contracts, i);
      KsAccount *account = ks_store_lookup_account (f->store, contract->account_id);
      KsContractCompletion completion;

      g_assert_nonnull (account);
      g_assert_true (ks_contract_validate (contract, NULL, NULL));
      g_assert_cmpstr (contract->currency, ==, ks_account_get_currency (account));
      per_status[contract->status]++;
      ks_contract_completion (contract, &completion);
      if (ks_contract_has_alert (contract))
        {
          with_alert++;
          g_assert_true (has_contract_alert (account));
        }
      renewals += ks_contract_renewal_due (contract, &today);
      mixed += completion.reviewed > 0 && completion.reviewed < completion.total;
      for (guint j = 0; j < contract->items->len; j++)
        {
          KsContractItem *item = g_ptr_array_index (contract->items, j);

          if (item->note != NULL && item->note[0] != '\0')
            {
              with_notes++;
              g_assert_nonnull (item->reviewer);
              g_assert_nonnull (item->reviewed);
            }
        }
    }
  g_assert_cmpuint (with_alert, >=, 1);
  g_assert_cmpuint (renewals, >=, 1);
  g_assert_cmpuint (per_status[KS_CONTRACT_IN_REVIEW], >=, 1);
  g_assert_cmpuint (per_status[KS_CONTRACT_DRAFT], >=, 1);
  g_assert_cmpuint (per_status[KS_CONTRACT_SIGNED], >=, 2);
  g_assert_cmpuint (mixed, >=, 2);
  g_assert_cmpuint (with_notes, >=, 5);
  ks_test_assert_integrity_ok (f->path);

  /* and at load */
  g_assert_finalize_object (f->store);
  f->store = ks_test_store_open (f->path);
  ks_store_set_today (f->store, &today);
  g_clear_pointer (&contracts, g_ptr_array_unref);
  contracts = dup_contracts (f->store);
  for (guint i = 0; i < contracts->len; i++)
    {
      KsContract *contract = g_ptr_array_index (contracts, i);

      if (ks_contract_has_alert (contract))
        g_assert_true (has_contract_alert (ks_store_lookup_account (f->store,
                                                                    contract->account_id)));
    }
}

/* Opening a large portfolio: the contract alert of every account from one query. */
static void
test_load_many (Fixture       *f,
                gconstpointer  data)
{
  const guint n = 50000;
  g_autoptr(GTimer) timer = NULL;
  double elapsed;

  g_assert_finalize_object (f->store);
  f->store = NULL;

  /* one in a thousand signed with an issue; as many signed without, and in review with */
  ks_test_raw_add_portfolio (f->path, n, 1,
                             "INSERT INTO contract (account_id, title, status) "
                             "SELECT id, 'MSA', CASE id % 3000 WHEN 0 THEN 'signed' "
                             "WHEN 1000 THEN 'signed' ELSE 'in_review' END FROM account "
                             "WHERE id % 1000 = 0; "
                             "INSERT INTO contract_item (contract_id, category, position, "
                             "text, state) "
                             "SELECT id, 'Scope', 0, 'Scope', CASE WHEN account_id % 3000 "
                             "= 1000 THEN 'ok' ELSE 'issue' END FROM contract");

  timer = g_timer_new ();
  f->store = ks_test_store_open (f->path);
  set_now (f->store, NOW);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, n + 2);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("loading %u accounts, %u with contracts, took %.0f ms", n, n / 1000,
                  elapsed * 1000);

  g_assert_true (has_contract_alert (ks_store_lookup_account (f->store, 3000)));
  g_assert_cmpint (ks_account_get_plan_summary (ks_store_lookup_account (f->store,
                                                                         3000))->alerts,
                   ==, KS_ALERT_CONTRACT_ISSUE);
  g_assert_false (has_contract_alert (ks_store_lookup_account (f->store, 1000)));
  g_assert_false (has_contract_alert (ks_store_lookup_account (f->store, 2000)));
  g_assert_false (has_contract_alert (ks_store_lookup_account (f->store, 3001)));
}

#define ADD_TEST(path, func) \
  g_test_add ("/keystone/store-contracts/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD_TEST ("migrate-from-5", test_migrate_from_5);
  ADD_TEST ("migration-fails", test_migration_fails);
  ADD_TEST ("template-seeded", test_template_seeded);
  ADD_TEST ("template-edit", test_template_edit);
  ADD_TEST ("round-trip", test_round_trip);
  ADD_TEST ("save-item", test_save_item);
  ADD_TEST ("delete-restore", test_delete_restore);
  ADD_TEST ("alert", test_alert);
  ADD_TEST ("delete-account", test_delete_account);
  ADD_TEST ("dup-contracts", test_dup_contracts);
  ADD_TEST ("refused", test_refused);
  ADD_TEST ("sample", test_sample);
  ADD_TEST ("load-many", test_load_many);

  return g_test_run ();
}
