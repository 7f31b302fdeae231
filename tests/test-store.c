/* test-store.c — KsStore: the database file, its refusals, accounts, rules, backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ks-test-schema.h"
#include "ks-test-store.h"
#include "ks-account-list.h"
#include "ks-error.h"
#include "ks-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ks_test_store_make_dir ("store", &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ks_test_store_remove_dir (&f->dir, &f->path);
}

/* Helpers */

/* An account whose ratings follow @seed, so accounts differ. */
static KsAccount *
new_account (const char *name,
             guint       seed)
{
  KsAccount *account = ks_account_new ();

  ks_account_set_name (account, name);
  ks_account_set_currency (account, "CNY");
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    ks_account_set_rating (account, i, (seed + i * (seed % 3 + 1)) % (KS_RATING_MAX + 1));
  return account;
}

static void
add_account (KsStore   *store,
             KsAccount *account)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_store_add_account (store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_id (account), >, 0);
}

static KsAccount *
model_item (KsStore *store,
            guint    position)
{
  g_autoptr(KsAccount) account = g_list_model_get_item (ks_store_get_accounts (store), position);

  /* the model keeps it alive */
  return account;
}

static gint64
count_rows (const char *path)
{
  return ks_test_count_rows (path, "account");
}

static GBytes *
read_file (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

/* The database file and its WAL, as bytes. */
static GBytes *
snapshot (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) main_bytes = read_file (path);
  g_autoptr(GBytes) wal_bytes = read_file (wal);
  GByteArray *all = g_byte_array_new ();

  if (main_bytes != NULL)
    g_byte_array_append (all, g_bytes_get_data (main_bytes, NULL), g_bytes_get_size (main_bytes));
  g_byte_array_append (all, (const guint8 *) "|", 1);
  if (wal_bytes != NULL)
    g_byte_array_append (all, g_bytes_get_data (wal_bytes, NULL), g_bytes_get_size (wal_bytes));

  return g_byte_array_free_to_bytes (all);
}

static void
assert_same_bytes (GBytes *before,
                   GBytes *after)
{
  g_assert_nonnull (before);
  g_assert_nonnull (after);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));
}

/* Opening @path fails with @code, says so naming the file, and leaves it as it was. */
static void
assert_open_refused (const char *path,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  KsStore *store;

  store = ks_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KS_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_nonnull (strstr (error->message, basename));
  g_test_message ("refused: %s", error->message);

  after = read_file (path);
  if (before != NULL)
    assert_same_bytes (before, after);
  else
    g_assert_null (after);
}

/* A real Keystone database with enough rows to span many pages. */
static void
make_keystone_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  KsStore *store = ks_test_store_open (path);
  g_autofree char *notes = g_strnfill (600, 'n');

  g_assert_true (ks_store_load_sample (store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("Filler %u", i);
      g_autoptr(KsAccount) account = new_account (name, i);

      ks_account_set_notes (account, notes);
      add_account (store, account);
    }

  g_assert_finalize_object (store);
}

static void
assert_integrity_ok (const char *path)
{
  g_autofree char *result = ks_test_raw_query_text (path, "PRAGMA integrity_check");

  g_assert_cmpstr (result, ==, "ok");
}

/* A new database */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  KsScoringRules defaults;
  KsStore *store;
  GStatBuf st;

  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  store = ks_test_store_open (f->path);
  g_assert_cmpstr (ks_store_get_path (store), ==, f->path);
  g_assert_cmpuint (ks_store_get_n_accounts (store), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ks_store_get_accounts (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (ks_store_get_accounts (store)) == KS_TYPE_ACCOUNT);
  /* an array: views fetch items in random order, in one step each */
  g_assert_true (KS_IS_ACCOUNT_LIST (ks_store_get_accounts (store)));

  ks_scoring_rules_init_default (&defaults);
  g_assert_cmpmem (ks_store_get_rules (store), sizeof defaults, &defaults, sizeof defaults);
  g_assert_cmpstr (ks_store_get_default_currency (store), ==, "CNY");
  g_assert_cmpstr (ks_store_get_company_name (store), ==, "");

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  {
    g_autofree char *mode = ks_test_raw_query_text (f->path, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
  }

  g_assert_finalize_object (store);

  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, KS_SCHEMA_VERSION);
  assert_integrity_ok (f->path);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* a column per criterion */
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info ('account') "
                                              "WHERE name = 'r_%s'",
                                              ks_criterion_get_key (i));

      g_assert_cmpint (ks_test_raw_query_int (f->path, sql), ==, 1);
    }
  g_assert_cmpint (ks_test_raw_query_int (f->path,
                                          "SELECT count(*) FROM sqlite_master "
                                          "WHERE type = 'index' AND tbl_name = 'account' "
                                          "AND sql LIKE '%name_key%'"), ==, 1);

  /* and it opens again */
  store = ks_test_store_open (f->path);
  g_assert_cmpuint (ks_store_get_n_accounts (store), ==, 0);
  g_assert_finalize_object (store);
}

static void
test_default_path (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = ks_store_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (),
                                                "keystone", "keystone.db", NULL);
  g_autofree char *dir = NULL;
  KsStore *store;
  GStatBuf st;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = ks_test_store_open (path);
  g_assert_cmpstr (ks_store_get_path (store), ==, path);
  g_assert_finalize_object (store);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* Accounts */

typedef struct
{
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_emissions++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
assert_scored (KsStore   *store,
               KsAccount *account)
{
  const KsScoringRules *rules = ks_store_get_rules (store);
  const guint8 *ratings = ks_account_get_ratings (account);

  g_assert_cmpfloat_with_epsilon (ks_account_get_ka_score (account),
                                  ks_scoring_ka_score (rules, ratings), 1e-9);
}

static void
test_accounts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acme = new_account ("Acme", 1);
  g_autoptr(KsAccount) beta = new_account ("Beta", 2);
  g_autoptr(KsAccount) gamma = new_account ("Gamma 伽马", 3);
  g_autoptr(KsAccount) edited = NULL;
  gint64 acme_id, beta_id, gamma_id;
  ItemsChanged record = { 0 };
  KsStore *store;
  GListModel *model;

  store = ks_test_store_open (f->path);
  model = ks_store_get_accounts (store);

  ks_account_set_industry (acme, "Manufacturing");
  ks_account_set_region (acme, "East");
  ks_account_set_owner (acme, "Wang");
  ks_account_set_annual_purchases (acme, G_GINT64_CONSTANT (123456789));
  ks_account_set_profit_contribution (acme, 12.5);
  ks_account_set_revenue_share (acme, 3.25);
  ks_account_set_notes (acme, "Met the CFO.\n下一步：报价");
  ks_account_set_tier_override (acme, KS_TIER_CORE);

  add_account (store, acme);
  add_account (store, beta);
  add_account (store, gamma);
  acme_id = ks_account_get_id (acme);
  beta_id = ks_account_get_id (beta);
  gamma_id = ks_account_get_id (gamma);
  g_assert_cmpint (acme_id, <, beta_id);
  g_assert_cmpint (beta_id, <, gamma_id);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (model_item (store, 0) == acme);
  g_assert_true (model_item (store, 1) == beta);
  g_assert_true (model_item (store, 2) == gamma);
  g_assert_true (ks_store_lookup_account (store, beta_id) == beta);
  g_assert_null (ks_store_lookup_account (store, gamma_id + 100));
  g_assert_true (ks_store_find_account_by_name (store, " ACME ") == acme);
  g_assert_null (ks_store_find_account_by_name (store, "Delta"));
  g_assert_cmpint (count_rows (f->path), ==, 3);
  assert_scored (store, acme);
  g_assert_cmpint (ks_account_get_tier (acme), ==, KS_TIER_CORE);

  /* update: the same object changes, announced in place */
  edited = ks_account_copy (beta);
  ks_account_set_name (edited, "Beta Industries");
  ks_account_set_owner (edited, "Li");
  ks_account_set_rating (edited, KS_CRITERION_GROWTH, 5);
  ks_account_set_tier_override (edited, KS_TIER_KEY);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &record);

  g_assert_true (ks_store_update_account (store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_true (model_item (store, 1) == beta);
  g_assert_cmpstr (ks_account_get_name (beta), ==, "Beta Industries");
  g_assert_cmpstr (ks_account_get_owner (beta), ==, "Li");
  g_assert_cmpuint (ks_account_get_rating (beta, KS_CRITERION_GROWTH), ==, 5);
  g_assert_cmpint (ks_account_get_tier_override (beta), ==, KS_TIER_KEY);
  assert_scored (store, beta);
  g_assert_true (ks_store_find_account_by_name (store, "beta industries") == beta);
  g_assert_null (ks_store_find_account_by_name (store, "Beta"));

  /* renaming an account to its own name in another case is no duplicate */
  ks_account_set_name (edited, "BETA INDUSTRIES");
  g_assert_true (ks_store_update_account (store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ks_account_get_name (beta), ==, "BETA INDUSTRIES");

  /* delete */
  memset (&record, 0, sizeof record);
  g_assert_true (ks_store_delete_account (store, beta, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (model_item (store, 0) == acme);
  g_assert_true (model_item (store, 1) == gamma);
  g_assert_null (ks_store_lookup_account (store, beta_id));
  g_assert_null (ks_store_find_account_by_name (store, "Beta Industries"));
  g_assert_cmpint (count_rows (f->path), ==, 2);

  /* a new account does not take the deleted one's id */
  {
    g_autoptr(KsAccount) delta = new_account ("Delta", 4);

    add_account (store, delta);
    g_assert_cmpint (ks_account_get_id (delta), >, gamma_id);
    g_assert_true (model_item (store, 2) == delta);
  }

  /* restore: back with its id, at its place */
  memset (&record, 0, sizeof record);
  g_assert_true (ks_store_restore_account (store, beta, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_id (beta), ==, beta_id);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_true (model_item (store, 1) == beta);
  g_assert_true (ks_store_lookup_account (store, beta_id) == beta);
  g_assert_cmpint (count_rows (f->path), ==, 4);

  /* restoring what is there is refused */
  g_assert_false (ks_store_restore_account (store, beta, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  g_signal_handlers_disconnect_by_func (model, on_items_changed, &record);
  g_assert_finalize_object (store);
  assert_integrity_ok (f->path);

  /* reopen: the same data */
  store = ks_test_store_open (f->path);
  model = ks_store_get_accounts (store);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  {
    KsAccount *acme2 = model_item (store, 0);
    KsAccount *beta2 = model_item (store, 1);
    KsAccount *gamma2 = model_item (store, 2);

    g_assert_cmpint (ks_account_get_id (acme2), ==, acme_id);
    g_assert_cmpint (ks_account_get_id (beta2), ==, beta_id);
    g_assert_cmpint (ks_account_get_id (gamma2), ==, gamma_id);
    g_assert_true (ks_store_lookup_account (store, acme_id) == acme2);

    g_assert_cmpstr (ks_account_get_name (acme2), ==, "Acme");
    g_assert_cmpstr (ks_account_get_industry (acme2), ==, "Manufacturing");
    g_assert_cmpstr (ks_account_get_region (acme2), ==, "East");
    g_assert_cmpstr (ks_account_get_owner (acme2), ==, "Wang");
    g_assert_cmpstr (ks_account_get_currency (acme2), ==, "CNY");
    g_assert_cmpint (ks_account_get_annual_purchases (acme2), ==, 123456789);
    g_assert_cmpfloat (ks_account_get_profit_contribution (acme2), ==, 12.5);
    g_assert_cmpfloat (ks_account_get_revenue_share (acme2), ==, 3.25);
    g_assert_cmpstr (ks_account_get_notes (acme2), ==, "Met the CFO.\n下一步：报价");
    g_assert_cmpint (ks_account_get_tier_override (acme2), ==, KS_TIER_CORE);
    g_assert_cmpmem (ks_account_get_ratings (acme2), KS_N_CRITERIA,
                     ks_account_get_ratings (acme), KS_N_CRITERIA);
    assert_scored (store, acme2);

    g_assert_cmpstr (ks_account_get_name (beta2), ==, "BETA INDUSTRIES");
    g_assert_cmpstr (ks_account_get_owner (beta2), ==, "Li");
    g_assert_cmpint (ks_account_get_tier_override (beta2), ==, KS_TIER_KEY);
    g_assert_cmpmem (ks_account_get_ratings (beta2), KS_N_CRITERIA,
                     ks_account_get_ratings (beta), KS_N_CRITERIA);

    g_assert_cmpstr (ks_account_get_name (gamma2), ==, "Gamma 伽马");
    g_assert_cmpint (ks_account_get_tier_override (gamma2), ==, KS_TIER_NONE);
    g_assert_true (ks_store_find_account_by_name (store, "gamma 伽马") == gamma2);
  }
  g_assert_finalize_object (store);
}

/* An add that was refused changed nothing: not the model, not the file. */
static void
assert_add_refused (Fixture    *f,
                    KsStore    *store,
                    KsAccount  *account,
                    int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = snapshot (f->path);
  g_autoptr(GBytes) after = NULL;
  guint n_items = g_list_model_get_n_items (ks_store_get_accounts (store));
  gint64 n_rows = count_rows (f->path);
  gint64 id = ks_account_get_id (account);

  g_assert_false (ks_store_add_account (store, account, &error));
  g_assert_error (error, KS_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("refused: %s", error->message);

  g_assert_cmpint (ks_account_get_id (account), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (ks_store_get_accounts (store)), ==, n_items);
  g_assert_cmpint (count_rows (f->path), ==, n_rows);
  after = snapshot (f->path);
  assert_same_bytes (before, after);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acme = new_account ("Acme", 1);
  g_autoptr(KsAccount) beta = new_account ("Beta", 2);
  g_autoptr(KsAccount) edited = NULL;
  g_autofree char *long_notes = g_strnfill (KS_ACCOUNT_NOTES_MAX + 1, 'x');
  KsStore *store = ks_test_store_open (f->path);

  add_account (store, acme);
  add_account (store, beta);

  {
    g_autoptr(KsAccount) account = new_account (" ACME ", 2);

    assert_add_refused (f, store, account, KS_ERROR_DUPLICATE);
  }
  {
    g_autoptr(KsAccount) account = new_account ("acme", 2);

    assert_add_refused (f, store, account, KS_ERROR_DUPLICATE);
  }
  {
    g_autoptr(KsAccount) account = new_account ("", 2);

    assert_add_refused (f, store, account, KS_ERROR_INVALID);
  }
  {
    g_autoptr(KsAccount) account = new_account ("   ", 2);

    assert_add_refused (f, store, account, KS_ERROR_INVALID);
  }
  {
    g_autoptr(KsAccount) account = new_account ("Negative", 2);

    ks_account_set_annual_purchases (account, -1);
    assert_add_refused (f, store, account, KS_ERROR_INVALID);
  }
  {
    g_autoptr(KsAccount) account = new_account ("Long notes", 2);

    ks_account_set_notes (account, long_notes);
    assert_add_refused (f, store, account, KS_ERROR_INVALID);
  }

  /* the same for edits: the live account keeps its values */
  edited = ks_account_copy (beta);
  ks_account_set_name (edited, "ACME");
  g_assert_false (ks_store_update_account (store, edited, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_cmpstr (ks_account_get_name (beta), ==, "Beta");

  ks_account_set_name (edited, "Beta");
  ks_account_set_annual_purchases (edited, -5);
  g_assert_false (ks_store_update_account (store, edited, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ks_account_get_annual_purchases (beta), ==, 0);

  g_assert_cmpuint (ks_store_get_n_accounts (store), ==, 2);
  g_assert_finalize_object (store);
  g_assert_cmpint (count_rows (f->path), ==, 2);
  assert_integrity_ok (f->path);
}

static void
test_update_deleted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) acme = new_account ("Acme", 1);
  g_autoptr(KsAccount) edited = NULL;
  KsStore *store = ks_test_store_open (f->path);

  add_account (store, acme);
  edited = ks_account_copy (acme);
  ks_account_set_owner (edited, "Zhang");

  g_assert_true (ks_store_delete_account (store, acme, &error));
  g_assert_no_error (error);

  g_assert_false (ks_store_update_account (store, edited, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  g_assert_false (ks_store_delete_account (store, acme, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (ks_store_get_n_accounts (store), ==, 0);
  g_assert_cmpint (count_rows (f->path), ==, 0);
  g_assert_finalize_object (store);
}

/* Rules and settings */

static void
on_rules_changed (KsStore *store,
                  guint   *count)
{
  (*count)++;
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree double *before = NULL;
  KsScoringRules defaults;
  KsScoringRules rules;
  KsScoringRules bad;
  guint n_changed = 0;
  guint n_signals = 0;
  guint n;
  KsStore *store = ks_test_store_open (f->path);

  g_assert_true (ks_store_load_sample (store, &error));
  g_assert_no_error (error);
  n = ks_store_get_n_accounts (store);
  g_assert_cmpuint (n, >, 0);
  g_signal_connect (store, "rules-changed", G_CALLBACK (on_rules_changed), &n_signals);

  before = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      before[i] = ks_account_get_ka_score (model_item (store, i));
      assert_scored (store, model_item (store, i));
    }

  ks_scoring_rules_init_default (&defaults);
  bad = defaults;
  bad.weights[KS_DIMENSION_SCALE] += 10;
  g_assert_false (ks_store_set_rules (store, &bad, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_signals, ==, 0);
  g_assert_cmpmem (ks_store_get_rules (store), sizeof defaults, &defaults, sizeof defaults);

  rules = defaults;
  rules.weights[KS_DIMENSION_SCALE] = 10;
  rules.weights[KS_DIMENSION_STRATEGIC] = 20;
  rules.weights[KS_DIMENSION_COOPERATION] = 30;
  rules.weights[KS_DIMENSION_RELATIONSHIP] = 40;
  g_assert_true (ks_store_set_rules (store, &rules, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpmem (ks_store_get_rules (store), sizeof rules, &rules, sizeof rules);

  for (guint i = 0; i < n; i++)
    {
      KsAccount *account = model_item (store, i);

      assert_scored (store, account);
      if (ks_account_get_ka_score (account) != before[i])
        n_changed++;
    }
  g_assert_cmpuint (n_changed, >, n / 2);

  g_assert_finalize_object (store);

  store = ks_test_store_open (f->path);
  g_assert_cmpmem (ks_store_get_rules (store), sizeof rules, &rules, sizeof rules);
  for (guint i = 0; i < n; i++)
    assert_scored (store, model_item (store, i));
  g_assert_finalize_object (store);
}

static void
assert_split (KsStore *store)
{
  const KsScoringRules *rules = ks_store_get_rules (store);
  GListModel *model = ks_store_get_accounts (store);
  guint n = g_list_model_get_n_items (model);
  g_autofree double *values = g_new (double, n + 1);
  g_autofree double *growths = g_new (double, n + 1);
  double split_value, split_growth;

  for (guint i = 0; i < n; i++)
    {
      KsAccount *account = model_item (store, i);

      values[i] = ks_scoring_value (rules, ks_account_get_ratings (account));
      growths[i] = ks_scoring_growth (ks_account_get_ratings (account));
    }

  ks_store_get_split (store, &split_value, &split_growth);
  if (rules->split_mode == KS_SPLIT_MEDIAN)
    {
      g_assert_cmpfloat (split_value, ==, ks_scoring_median (values, n));
      g_assert_cmpfloat (split_growth, ==, ks_scoring_median (growths, n));
    }
  else
    {
      g_assert_cmpfloat (split_value, ==, 50.0);
      g_assert_cmpfloat (split_growth, ==, 50.0);
    }

  for (guint i = 0; i < n; i++)
    {
      KsAccount *account = model_item (store, i);

      g_assert_cmpint (ks_account_get_quadrant (account), ==,
                       ks_scoring_quadrant (ks_account_get_value_score (account),
                                            ks_account_get_growth_score (account),
                                            split_value, split_growth));
    }
}

static void
test_median_split (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) low = new_account ("Low", 0);
  g_autoptr(KsAccount) mid = new_account ("Mid", 4);
  g_autoptr(KsAccount) high = new_account ("High", 7);
  g_autoptr(KsAccount) edited = NULL;
  KsScoringRules rules;
  double split_value, split_growth;
  double moved_value, moved_growth;
  guint n_signals = 0;
  KsStore *store = ks_test_store_open (f->path);

  ks_store_get_split (store, &split_value, &split_growth);
  g_assert_cmpfloat (split_value, ==, 50.0);
  g_assert_cmpfloat (split_growth, ==, 50.0);

  for (guint i = 0; i < KS_N_CRITERIA; i++)
    {
      ks_account_set_rating (low, i, 1);
      ks_account_set_rating (mid, i, 2);
      ks_account_set_rating (high, i, 5);
    }
  add_account (store, low);
  add_account (store, mid);
  add_account (store, high);
  assert_split (store);

  rules = *ks_store_get_rules (store);
  rules.split_mode = KS_SPLIT_MEDIAN;
  g_assert_true (ks_store_set_rules (store, &rules, &error));
  g_assert_no_error (error);
  assert_split (store);
  ks_store_get_split (store, &split_value, &split_growth);
  g_assert_cmpfloat (split_value, ==, ks_account_get_value_score (mid));
  g_assert_cmpfloat (split_growth, ==, ks_account_get_growth_score (mid));

  /* an edit that moves the median moves every account's quadrant with it, and says
   * so: the views re-sort and re-filter on ::rules-changed */
  g_signal_connect (store, "rules-changed", G_CALLBACK (on_rules_changed), &n_signals);
  edited = ks_account_copy (mid);
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    ks_account_set_rating (edited, i, 4);
  g_assert_true (ks_store_update_account (store, edited, &error));
  g_assert_no_error (error);
  assert_split (store);
  ks_store_get_split (store, &moved_value, &moved_growth);
  g_assert_cmpfloat (moved_value, >, split_value);
  g_assert_cmpuint (n_signals, ==, 1);

  /* an edit that leaves the medians where they are: only its own row changes */
  ks_account_set_notes (edited, "no score in this");
  g_assert_true (ks_store_update_account (store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 1);

  /* every change: a signal exactly when the split moved */
  {
    g_autoptr(KsAccount) another = new_account ("Another", 5);
    g_autoptr(KsAccount) twin = new_account ("Twin", 5);
    KsAccountRow rows[3];
    guint expected = n_signals;

    ks_store_get_split (store, &split_value, &split_growth);
    g_assert_true (ks_store_delete_account (store, high, &error));
    g_assert_no_error (error);
    assert_split (store);
    ks_store_get_split (store, &moved_value, &moved_growth);
    if (moved_value != split_value || moved_growth != split_growth)
      expected++;
    g_assert_cmpuint (n_signals, ==, expected);

    split_value = moved_value;
    split_growth = moved_growth;
    add_account (store, another);
    assert_split (store);
    ks_store_get_split (store, &moved_value, &moved_growth);
    if (moved_value != split_value || moved_growth != split_growth)
      expected++;
    g_assert_cmpuint (n_signals, ==, expected);

    /* undo of a delete */
    split_value = moved_value;
    split_growth = moved_growth;
    g_assert_true (ks_store_restore_account (store, high, &error));
    g_assert_no_error (error);
    assert_split (store);
    ks_store_get_split (store, &moved_value, &moved_growth);
    if (moved_value != split_value || moved_growth != split_growth)
      expected++;
    g_assert_cmpuint (n_signals, ==, expected);

    /* an import, seen when the list is brought in line with the file */
    memset (rows, 0, sizeof rows);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        rows[i].line = i + 2;
        rows[i].present = 1u << 0;
        rows[i].name = g_strdup_printf ("Top %u", i);
        strcpy (rows[i].currency, "CNY");
        rows[i].tier_override = KS_TIER_NONE;
        for (guint c = 0; c < KS_N_CRITERIA; c++)
          rows[i].ratings[c] = KS_RATING_MAX;
      }
    split_value = moved_value;
    split_growth = moved_growth;
    g_assert_true (ks_store_import_rows (store, rows, G_N_ELEMENTS (rows), KS_DUPLICATES_SKIP,
                                         NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_signals, ==, expected);
    g_assert_true (ks_store_reload_accounts (store, &error));
    g_assert_no_error (error);
    assert_split (store);
    ks_store_get_split (store, &moved_value, &moved_growth);
    g_assert_cmpfloat (moved_value, >, split_value);
    g_assert_cmpuint (n_signals, ==, expected + 1);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      ks_account_row_clear (&rows[i]);

    /* the split at 50/50: nothing an account does moves it */
    rules.split_mode = KS_SPLIT_FIXED;
    g_assert_true (ks_store_set_rules (store, &rules, &error));
    g_assert_no_error (error);
    expected = n_signals;
    for (guint i = 0; i < KS_N_CRITERIA; i++)
      ks_account_set_rating (twin, i, KS_RATING_MAX);
    add_account (store, twin);
    g_assert_true (ks_store_delete_account (store, twin, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_signals, ==, expected);

    rules.split_mode = KS_SPLIT_MEDIAN;
    g_assert_true (ks_store_set_rules (store, &rules, &error));
    g_assert_no_error (error);
  }
  g_signal_handlers_disconnect_by_func (store, on_rules_changed, &n_signals);
  g_assert_finalize_object (store);

  store = ks_test_store_open (f->path);
  g_assert_cmpint (ks_store_get_rules (store)->split_mode, ==, KS_SPLIT_MEDIAN);
  assert_split (store);
  g_assert_finalize_object (store);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (201, 'c');
  KsStore *store = ks_test_store_open (f->path);

  g_assert_true (ks_store_set_default_currency (store, "USD", &error));
  g_assert_no_error (error);
  g_assert_false (ks_store_set_default_currency (store, "XYZ", &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (ks_store_get_default_currency (store), ==, "USD");

  g_assert_true (ks_store_set_company_name (store, "示例科技 Ltd.", &error));
  g_assert_no_error (error);
  g_assert_false (ks_store_set_company_name (store, too_long, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (ks_store_get_company_name (store), ==, "示例科技 Ltd.");
  g_assert_finalize_object (store);

  store = ks_test_store_open (f->path);
  g_assert_cmpstr (ks_store_get_default_currency (store), ==, "USD");
  g_assert_cmpstr (ks_store_get_company_name (store), ==, "示例科技 Ltd.");
  g_assert_finalize_object (store);
}

static void
test_owners (Fixture       *f,
             gconstpointer  data)
{
  static const char * const owners[] = { "Wang", "", "Li", "Wang", "Zhang", "Li" };
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) result = NULL;
  KsStore *store = ks_test_store_open (f->path);

  none = ks_store_dup_owners (store);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %u", i);
      g_autoptr(KsAccount) account = new_account (name, i);

      ks_account_set_owner (account, owners[i]);
      add_account (store, account);
    }

  result = ks_store_dup_owners (store);
  g_assert_cmpuint (g_strv_length (result), ==, 3);
  g_assert_cmpstr (result[0], ==, "Li");
  g_assert_cmpstr (result[1], ==, "Wang");
  g_assert_cmpstr (result[2], ==, "Zhang");
  g_assert_finalize_object (store);
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  KsStore *store = ks_test_store_open (f->path);
  guint n;

  g_assert_true (ks_store_load_sample (store, &error));
  g_assert_no_error (error);
  n = ks_store_get_n_accounts (store);
  g_assert_cmpuint (n, >=, 20);
  g_assert_cmpuint (n, <=, 50);
  g_assert_cmpint (count_rows (f->path), ==, n);

  for (guint i = 0; i < n; i++)
    {
      KsAccount *account = model_item (store, i);

      g_assert_cmpint (ks_account_get_id (account), >, 0);
      g_assert_true (g_hash_table_add (keys, (gpointer) ks_account_get_name_key (account)));
      assert_scored (store, account);
      if (i > 0)
        g_assert_cmpint (ks_account_get_id (account), >,
                         ks_account_get_id (model_item (store, i - 1)));
    }

  g_assert_true (ks_store_load_sample (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ks_store_get_n_accounts (store), ==, n);
  g_assert_cmpint (count_rows (f->path), ==, n);
  g_assert_finalize_object (store);
}

/* Backups */

static guint
count_backups (const char *dir_path,
               const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      n++;
  return n;
}

static void
assert_no_part_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".part"))
      g_error ("a backup was left unfinished: %s", name);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *expected_dir = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *foreign = NULL;
  g_autofree char *old = NULL;
  g_autofree char *base = NULL;
  g_autofree char *wal = NULL;
  KsStore *store = ks_test_store_open (f->path);
  GStatBuf st;
  guint n;

  dir = ks_store_get_backup_dir (store);
  g_assert_cmpstr (dir, ==, expected_dir);

  g_assert_true (ks_store_load_sample (store, &error));
  g_assert_no_error (error);
  n = ks_store_get_n_accounts (store);

  first = ks_store_backup (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (first, dir));
  base = g_path_get_basename (first);
  g_assert_true (g_str_has_prefix (base, "keystone-"));
  g_assert_true (g_str_has_suffix (base, ".db"));
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_rows (first), ==, n);
  assert_integrity_ok (first);
  wal = g_strconcat (first, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* files that are no backups of this database stay */
  foreign = g_build_filename (dir, "other-20000101-000000.db", NULL);
  g_assert_true (g_file_set_contents (foreign, "x", 1, NULL));

  for (guint i = 0; i < KS_STORE_BACKUPS_KEPT + 2; i++)
    {
      g_free (last);
      last = ks_store_backup (store, &error);
      g_assert_no_error (error);
      g_assert_nonnull (last);
      g_assert_cmpuint (count_backups (dir, "keystone-"), ==, MIN (i + 2, KS_STORE_BACKUPS_KEPT));
    }
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (last, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_rows (last), ==, n);

  /* a backup from just now: nothing to do */
  g_assert_true (ks_store_backup_if_due (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir, "keystone-"), ==, KS_STORE_BACKUPS_KEPT);

  /* only an old one: due */
  ks_test_remove_tree (dir);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  old = g_build_filename (dir, "keystone-20000101-000000.db", NULL);
  g_assert_true (g_file_set_contents (old, "old", 3, NULL));
  g_assert_true (ks_store_backup_if_due (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir, "keystone-"), ==, 2);
  g_assert_true (ks_store_backup_if_due (store, &error));
  g_assert_cmpuint (count_backups (dir, "keystone-"), ==, 2);

  /* none: due */
  ks_test_remove_tree (dir);
  g_assert_true (ks_store_backup_if_due (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir, "keystone-"), ==, 1);
  assert_no_part_files (dir);

  g_assert_finalize_object (store);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} AsyncResult;

static void
on_backup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = ks_store_backup_if_due_finish (KS_STORE (source), result, &async->error);
  async->done = TRUE;
}

static void
backup_if_due_in_thread (KsStore      *store,
                         GCancellable *cancellable,
                         AsyncResult  *async)
{
  memset (async, 0, sizeof *async);
  ks_store_backup_if_due_async (store, cancellable, on_backup_done, async);
  while (!async->done)
    g_main_context_iteration (NULL, TRUE);
}

/* The daily backup off the main thread, while the store is used. */
static void
test_backup_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KsAccount) extra = new_account ("Added during the backup", 9);
  g_autofree char *dir = NULL;
  g_autofree char *backup = NULL;
  KsStore *store = ks_test_store_open (f->path);
  AsyncResult async;
  gint64 n_rows;
  guint n;

  dir = ks_store_get_backup_dir (store);
  g_assert_true (ks_store_load_sample (store, &error));
  g_assert_no_error (error);
  n = ks_store_get_n_accounts (store);

  /* none yet: due; the store writes while the copy runs */
  memset (&async, 0, sizeof async);
  ks_store_backup_if_due_async (store, NULL, on_backup_done, &async);
  add_account (store, extra);
  while (!async.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_cmpuint (count_backups (dir, "keystone-"), ==, 1);
  assert_no_part_files (dir);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

    backup = g_build_filename (dir, g_dir_read_name (d), NULL);
  }
  /* a snapshot: before the add or after it, never half of it */
  n_rows = count_rows (backup);
  g_assert_true (n_rows == n || n_rows == n + 1);
  assert_integrity_ok (backup);
  g_assert_cmpint (ks_test_raw_query_int (backup, "PRAGMA user_version"), ==, KS_SCHEMA_VERSION);
  {
    g_autofree char *mode = ks_test_raw_query_text (backup, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "delete");
  }

  /* not due again today */
  backup_if_due_in_thread (store, NULL, &async);
  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_cmpuint (count_backups (dir, "keystone-"), ==, 1);

  /* cancelled: nothing done */
  ks_test_remove_tree (dir);
  g_cancellable_cancel (cancellable);
  backup_if_due_in_thread (store, cancellable, &async);
  g_assert_false (async.ok);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&async.error);
  g_assert_cmpuint (count_backups (dir, "keystone-"), ==, 0);

  /* a backup cut short a day ago is cleared away; a younger one may be in progress */
  {
    g_autofree char *stale = g_build_filename (dir, "keystone-20000101-000000.db.part", NULL);
    g_autofree char *young = g_build_filename (dir, "keystone-20000102-000000.db.part", NULL);
    g_autoptr(GDateTime) old = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
    struct utimbuf times;

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (stale, "cut short", -1, NULL));
    g_assert_true (g_file_set_contents (young, "in progress", -1, NULL));
    times.actime = times.modtime = (time_t) g_date_time_to_unix (old);
    g_assert_cmpint (g_utime (stale, &times), ==, 0);

    backup_if_due_in_thread (store, NULL, &async);
    g_assert_no_error (async.error);
    g_assert_true (async.ok);
    g_assert_cmpuint (count_backups (dir, "keystone-"), ==, 1);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (young, G_FILE_TEST_EXISTS));
  }

  /* A worker thread may drop its task, and with it the store, a moment after the
   * callback ran: wait for that before checking nothing else holds the store. */
  for (guint i = 0; i < 500 && G_OBJECT (store)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_finalize_object (store);
}

/* Quarterly snapshots */

static void
count_signal (guint *count)
{
  (*count)++;
}

static const KsSnapshotEntry *
snapshot_entry (GHashTable *snapshot,
                gint64      id)
{
  return g_hash_table_lookup (snapshot, &id);
}

static void
test_snapshots (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) q3 = NULL;
  g_autoptr(GHashTable) q2 = NULL;
  g_auto(GStrv) quarters = NULL;
  g_autoptr(KsAccount) deleted = NULL;
  KsStore *store = ks_test_store_open (f->path);
  KsScoringRules rules = *ks_store_get_rules (store);
  KsAccount *account;
  const KsSnapshotEntry *entry;
  guint n_signals = 0;
  gint64 id;

  g_signal_connect_swapped (store, "snapshots-changed", G_CALLBACK (count_signal), &n_signals);

  /* nothing to take yet */
  g_assert_false (ks_store_take_snapshot (store, "2026-Q3", FALSE, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ks_store_load_sample (store, &error));
  g_assert_no_error (error);

  /* not a quarter */
  g_assert_false (ks_store_take_snapshot (store, "2026-Q5", FALSE, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);

  /* take two; the list is newest first, and the quarter is stored as typed properly */
  g_assert_true (ks_store_take_snapshot (store, "2026-q2", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (ks_store_take_snapshot (store, "2026-Q3", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 2);
  quarters = ks_store_dup_snapshot_quarters (store);
  g_assert_cmpuint (g_strv_length (quarters), ==, 2);
  g_assert_cmpstr (quarters[0], ==, "2026-Q3");
  g_assert_cmpstr (quarters[1], ==, "2026-Q2");

  /* load: every account, with the scores it had */
  q3 = ks_store_load_snapshot (store, "2026-Q3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (q3), ==, ks_store_get_n_accounts (store));
  account = model_item (store, 0);
  id = ks_account_get_id (account);
  entry = snapshot_entry (q3, id);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (entry->value, ==, ks_account_get_value_score (account));
  g_assert_cmpfloat (entry->growth, ==, ks_account_get_growth_score (account));
  g_assert_cmpfloat (entry->ka_score, ==, ks_account_get_ka_score (account));
  g_assert_cmpint (entry->tier, ==, ks_account_get_tier (account));
  g_assert_cmpint (entry->quadrant, ==, ks_account_get_quadrant (account));

  /* a quarter without a snapshot */
  g_assert_null (ks_store_load_snapshot (store, "2025-Q1", &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* change the weights: the snapshot keeps the old scores; taking it again is refused,
   * replacing it stores the new ones */
  rules.weights[KS_DIMENSION_SCALE] = 10;
  rules.weights[KS_DIMENSION_STRATEGIC] = 10;
  rules.weights[KS_DIMENSION_COOPERATION] = 40;
  rules.weights[KS_DIMENSION_RELATIONSHIP] = 40;
  g_assert_true (ks_store_set_rules (store, &rules, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ks_account_get_ka_score (account), !=, entry->ka_score);

  g_assert_false (ks_store_take_snapshot (store, "2026-Q3", FALSE, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "2026-Q3"));
  g_clear_error (&error);
  g_assert_cmpuint (n_signals, ==, 2);
  g_clear_pointer (&q3, g_hash_table_unref);
  q3 = ks_store_load_snapshot (store, "2026-Q3", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (snapshot_entry (q3, id)->ka_score, !=, ks_account_get_ka_score (account));

  g_assert_true (ks_store_take_snapshot (store, "2026-Q3", TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&q3, g_hash_table_unref);
  q3 = ks_store_load_snapshot (store, "2026-Q3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (q3), ==, ks_store_get_n_accounts (store));
  g_assert_cmpfloat (snapshot_entry (q3, id)->ka_score, ==, ks_account_get_ka_score (account));

  /* delete an account and put it back, as Undo does: its history is still there */
  deleted = g_object_ref (account);
  g_assert_true (ks_store_delete_account (store, deleted, &error));
  g_assert_no_error (error);
  g_clear_pointer (&q2, g_hash_table_unref);
  q2 = ks_store_load_snapshot (store, "2026-Q2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot_entry (q2, id));
  g_assert_true (ks_store_restore_account (store, deleted, &error));
  g_assert_no_error (error);
  g_clear_pointer (&q2, g_hash_table_unref);
  q2 = ks_store_load_snapshot (store, "2026-Q2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot_entry (q2, id));

  /* delete a snapshot; a second time there is none */
  g_assert_true (ks_store_delete_snapshot (store, "2026-Q2", &error));
  g_assert_no_error (error);
  g_assert_false (ks_store_delete_snapshot (store, "2026-Q2", &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&quarters, g_strfreev);
  quarters = ks_store_dup_snapshot_quarters (store);
  g_assert_cmpuint (g_strv_length (quarters), ==, 1);
  g_assert_cmpstr (quarters[0], ==, "2026-Q3");

  /* what is stored survives closing */
  g_assert_finalize_object (store);
  store = ks_test_store_open (f->path);
  g_clear_pointer (&q3, g_hash_table_unref);
  q3 = ks_store_load_snapshot (store, "2026-Q3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (q3), ==, ks_store_get_n_accounts (store));
  g_assert_finalize_object (store);
  assert_integrity_ok (f->path);
}

/* A version 1 file, made the way version 1 made it: migrated, the accounts kept, a
 * backup taken first, and snapshots work. */
static void
test_migrate_from_1 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) snapshot = NULL;
  g_autofree char *backup_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 n_rows;
  KsStore *store;

  make_keystone_database (f->path);
  ks_test_raw_run (f->path,
                   KS_TEST_UNDO_V5 "DROP TABLE complaint; DROP TABLE satisfaction; "
                   "DROP TABLE interaction_contact; DROP TABLE interaction; DROP TABLE contact; "
                   "DROP TABLE risk; DROP TABLE swot_item; DROP TABLE whitespace; "
                   "DROP TABLE product; DROP TABLE action; DROP TABLE target; "
                   "DROP TABLE account_plan; DROP TABLE snapshot; PRAGMA user_version = 1");
  n_rows = count_rows (f->path);
  g_assert_cmpint (n_rows, >, 150);

  store = ks_test_store_open (f->path);
  g_assert_cmpuint (ks_store_get_n_accounts (store), ==, n_rows);
  g_assert_true (ks_store_take_snapshot (store, "2026-Q3", FALSE, &error));
  g_assert_no_error (error);
  snapshot = ks_store_load_snapshot (store, "2026-Q3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (snapshot), ==, n_rows);
  backup_dir = ks_store_get_backup_dir (store);
  g_assert_finalize_object (store);

  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, KS_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (f->path), ==, n_rows);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM snapshot"), ==, n_rows);
  assert_integrity_ok (f->path);

  /* the version 1 file was backed up before it changed */
  dir = g_dir_open (backup_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_dir_read_name (dir));
}

/* Migrations */

static void
test_migrate_from_0 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KsAccount) account = new_account ("Acme", 1);
  g_autofree char *mode = NULL;
  sqlite3 *db;
  KsStore *store;

  /* a valid, empty SQLite database at version 0 */
  db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ks_test_raw_exec (db, "CREATE TABLE t (x); DROP TABLE t;");
  sqlite3_close (db);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, 0);

  store = ks_test_store_open (f->path);
  add_account (store, account);
  g_assert_finalize_object (store);

  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, KS_SCHEMA_VERSION);
  mode = ks_test_raw_query_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (count_rows (f->path), ==, 1);
  assert_integrity_ok (f->path);
}

/* Files that are refused, each left as it was */

static void
test_refuse_empty (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  assert_open_refused (f->path, KS_ERROR_CORRUPT);
}

static void
test_refuse_garbage (Fixture       *f,
                     gconstpointer  data)
{
  GString *garbage = g_string_new (NULL);

  for (guint i = 0; i < 512; i++)
    g_string_append (garbage, "not a database ");
  g_assert_true (g_file_set_contents (f->path, garbage->str, garbage->len, NULL));
  g_string_free (garbage, TRUE);
  assert_open_refused (f->path, KS_ERROR_CORRUPT);

  g_assert_true (g_file_set_contents (f->path, "hello", 5, NULL));
  assert_open_refused (f->path, KS_ERROR_CORRUPT);
}

static void
test_refuse_truncated (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  gsize size;

  make_keystone_database (f->path);
  whole = read_file (f->path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >=, 8 * 4096);

  /* half, on a page boundary: only the header's page count tells */
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (whole, NULL),
                                      size / 2 - (size / 2) % 4096, NULL));
  assert_open_refused (f->path, KS_ERROR_CORRUPT);

  /* half, anywhere */
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (whole, NULL),
                                      size / 2 + 100, NULL));
  assert_open_refused (f->path, KS_ERROR_CORRUPT);
}

static void
test_refuse_damaged (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autofree guint8 *bytes = NULL;
  gint64 page_size;
  gint64 root;
  gsize size;

  make_keystone_database (f->path);
  page_size = ks_test_raw_query_int (f->path, "PRAGMA page_size");
  root = ks_test_raw_query_int (f->path,
                                "SELECT rootpage FROM sqlite_master WHERE name = 'account'");
  g_assert_cmpint (root, >, 1);

  whole = read_file (f->path);
  size = g_bytes_get_size (whole);
  bytes = g_memdup2 (g_bytes_get_data (whole, NULL), size);
  g_assert_cmpuint ((root - 1) * page_size + page_size, <=, size);
  memset (bytes + (root - 1) * page_size, 0xA5, page_size);
  g_assert_true (g_file_set_contents (f->path, (const char *) bytes, size, NULL));

  assert_open_refused (f->path, KS_ERROR_CORRUPT);
}

static void
test_refuse_read_only (Fixture       *f,
                       gconstpointer  data)
{
  make_keystone_database (f->path);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  assert_open_refused (f->path, KS_ERROR_READ_ONLY);
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
}

static void
test_refuse_read_only_folder (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *path = g_build_filename (sub, "keystone.db", NULL);
  g_autofree char *new_path = g_build_filename (sub, "new.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  make_keystone_database (path);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);

  assert_open_refused (path, KS_ERROR_READ_ONLY);

  /* nor is a new file made there */
  g_assert_null (ks_store_open (new_path, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_READ_ONLY);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_chmod (sub, 0700), ==, 0);
}

static void
test_refuse_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  g_assert_null (ks_store_open (f->path, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_FAILED);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
}

static void
test_refuse_bad_parent (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "keystone.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (g_file_set_contents (file, "text", 4, NULL));
  before = read_file (file);

  g_assert_null (ks_store_open (path, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == KS_ERROR);
  g_assert_cmpstr (error->message, !=, "");

  after = read_file (file);
  assert_same_bytes (before, after);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_refuse_locked_rollback_journal (Fixture       *f,
                                     gconstpointer  data)
{
  sqlite3 *db;

  make_keystone_database (f->path);
  db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE);
  ks_test_raw_exec (db, "PRAGMA journal_mode = DELETE");
  ks_test_raw_exec (db, "BEGIN EXCLUSIVE");

  assert_open_refused (f->path, KS_ERROR_LOCKED);

  ks_test_raw_exec (db, "ROLLBACK");
  sqlite3_close (db);
}

static void
test_refuse_locked_wal (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  sqlite3 *db;

  make_keystone_database (f->path);
  db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE);
  ks_test_raw_exec (db, "BEGIN IMMEDIATE");
  ks_test_raw_exec (db, "INSERT INTO settings (key, value) VALUES ('test', 'writing')");

  before = snapshot (f->path);
  assert_open_refused (f->path, KS_ERROR_LOCKED);
  {
    g_autoptr(GBytes) after = snapshot (f->path);

    assert_same_bytes (before, after);
  }

  ks_test_raw_exec (db, "ROLLBACK");
  sqlite3_close (db);
}

static void
test_refuse_newer_schema (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", KS_SCHEMA_VERSION + 1);

  make_keystone_database (f->path);
  ks_test_raw_run (f->path, sql);

  assert_open_refused (f->path, KS_ERROR_NEWER_SCHEMA);
}

static void
test_refuse_other_program (Fixture       *f,
                           gconstpointer  data)
{
  sqlite3 *db;

  /* version 0 but not empty */
  db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ks_test_raw_exec (db, "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");
  sqlite3_close (db);
  assert_open_refused (f->path, KS_ERROR_CORRUPT);
  g_remove (f->path);

  /* a version but none of our tables */
  db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ks_test_raw_exec (db, "CREATE TABLE photos (id INTEGER PRIMARY KEY); PRAGMA user_version = 1");
  sqlite3_close (db);
  assert_open_refused (f->path, KS_ERROR_CORRUPT);
  g_remove (f->path);

  /* another program's application id */
  db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ks_test_raw_exec (db, "PRAGMA application_id = 42; CREATE TABLE t (x)");
  sqlite3_close (db);
  assert_open_refused (f->path, KS_ERROR_CORRUPT);
}

/* A file with our tables' names and version but other columns: refused before anything
 * is written, so not even the journal mode in its header changes. */
static void
assert_refused_in_rollback_mode (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);
  const guint8 *header = g_bytes_get_data (bytes, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  /* bytes 18 and 19: 1 for a rollback journal, 2 for WAL */
  g_assert_cmpuint (g_bytes_get_size (bytes), >=, 100);
  g_assert_cmpuint (header[18], ==, 1);
  g_assert_cmpuint (header[19], ==, 1);

  assert_open_refused (path, KS_ERROR_CORRUPT);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = read_file (path);
  header = g_bytes_get_data (bytes, NULL);
  g_assert_cmpuint (header[18], ==, 1);
  g_assert_cmpuint (header[19], ==, 1);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_other_columns (Fixture       *f,
                           gconstpointer  data)
{
  sqlite3 *db;

  /* the reviewer's file: account (x) */
  db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ks_test_raw_exec (db, "CREATE TABLE account (x); "
                        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL); "
                        "PRAGMA user_version = 1");
  sqlite3_close (db);
  assert_refused_in_rollback_mode (f->path);
  g_remove (f->path);

  /* settings without its columns */
  db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ks_test_raw_exec (db, "CREATE TABLE account (x); CREATE TABLE settings (x); "
                        "PRAGMA user_version = 1");
  sqlite3_close (db);
  assert_refused_in_rollback_mode (f->path);
  g_remove (f->path);

  /* a real Keystone database that lost one column, one whose settings changed, one
   * whose snapshots did, and one whose risks did */
  for (guint i = 0; i < 4; i++)
    {
      make_keystone_database (f->path);
      db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE);
      ks_test_raw_exec (db, "PRAGMA journal_mode = DELETE");
      if (i == 0)
        ks_test_raw_exec (db, "ALTER TABLE account DROP COLUMN r_growth");
      else if (i == 1)
        ks_test_raw_exec (db, "DROP TABLE settings; CREATE TABLE settings (name, data)");
      else if (i == 2)
        ks_test_raw_exec (db, "DROP TABLE snapshot; CREATE TABLE snapshot (quarter, data)");
      else
        ks_test_raw_exec (db, "DROP TABLE risk; CREATE TABLE risk (id, data)");
      sqlite3_close (db);
      assert_refused_in_rollback_mode (f->path);
      ks_test_remove_tree (f->path);
    }

  /* and a good one in rollback journal mode is taken, and switched to WAL */
  make_keystone_database (f->path);
  ks_test_raw_run (f->path, "PRAGMA journal_mode = DELETE");
  {
    KsStore *store = ks_test_store_open (f->path);
    g_autofree char *mode = NULL;

    g_assert_cmpuint (ks_store_get_n_accounts (store), >, 150);
    g_assert_finalize_object (store);
    mode = ks_test_raw_query_text (f->path, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
}

/* Watches a path from another thread: whether it was ever seen shorter than a
 * database's first page, as a crash at that moment would have left it. */
typedef struct
{
  const char *path;
  gint done;
  gboolean seen;
  gboolean seen_short;
} Watch;

static gpointer
watch_path (gpointer data)
{
  Watch *watch = data;

  while (!g_atomic_int_get (&watch->done))
    {
      GStatBuf st;

      if (g_stat (watch->path, &st) == 0)
        {
          watch->seen = TRUE;
          if (st.st_size < 512)
            watch->seen_short = TRUE;
        }
    }

  return NULL;
}

/* A new database is made under another name and put in place whole: a crash during
 * the first run leaves no empty keystone.db that every later start would refuse. */
static void
test_create_in_place (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const expected[] = {
    "keystone.db", "keystone.db-wal", "keystone.db-shm", "keystone.db.new-Ab12Cd", NULL,
  };
  g_autofree char *leftover = g_build_filename (f->dir, "keystone.db.new-Ab12Cd", NULL);
  g_autoptr(GDir) dir = NULL;
  Watch watch = { f->path, 0, FALSE, FALSE };
  GThread *watcher;
  const char *name;
  KsStore *store;
  GStatBuf st;

  /* what a crash during an earlier first run may have left */
  g_assert_true (g_file_set_contents (leftover, "", 0, NULL));

  watcher = g_thread_new ("watch", watch_path, &watch);
  store = ks_test_store_open (f->path);
  g_atomic_int_set (&watch.done, 1);
  g_thread_join (watcher);
  g_assert_true (watch.seen || g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_false (watch.seen_short);
  g_assert_cmpuint (ks_store_get_n_accounts (store), ==, 0);

  /* the database, its WAL and the one left over; nothing else of ours */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_strv_contains (expected, name))
      g_error ("unexpected file %s", name);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 0);
  g_assert_finalize_object (store);

  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, KS_SCHEMA_VERSION);
  assert_integrity_ok (f->path);

  /* a file that appears at the path is never replaced: an empty one stays refused */
  ks_test_remove_tree (f->path);
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  assert_open_refused (f->path, KS_ERROR_CORRUPT);
}

/* Many accounts */

static void
test_load_many (Fixture       *f,
                gconstpointer  data)
{
  const guint n = 100000;
  g_autoptr(GTimer) timer = NULL;
  sqlite3_stmt *stmt = NULL;
  KsStore *store;
  sqlite3 *db;
  double elapsed;

  store = ks_test_store_open (f->path);
  g_assert_finalize_object (store);

  db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE);
  ks_test_raw_exec (db, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO account (name, name_key, owner, "
                                       "annual_purchases, r_purchases, r_influence, "
                                       "r_need_fit, r_growth, r_years, created_at, "
                                       "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                       "?9, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %06u", i);
      g_autofree char *key = ks_account_fold (name);
      g_autofree char *owner = g_strdup_printf ("Owner %u", i % 40);

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, owner, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, (gint64) i * 1000);
      for (int c = 5; c <= 9; c++)
        sqlite3_bind_int (stmt, c, (i * c) % 6);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  ks_test_raw_exec (db, "COMMIT");
  sqlite3_close (db);

  timer = g_timer_new ();
  store = ks_test_store_open (f->path);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("opening %u accounts took %.0f ms", n, elapsed * 1000);
  if (g_test_perf ())
    g_test_minimized_result (elapsed, "open with %u accounts: %.3f s", n, elapsed);

  g_assert_cmpuint (ks_store_get_n_accounts (store), ==, n);
  g_assert_cmpstr (ks_account_get_name (model_item (store, 0)), ==, "Account 000000");
  g_assert_cmpstr (ks_account_get_name (model_item (store, n - 1)), ==, "Account 099999");
  g_assert_true (ks_store_find_account_by_name (store, "account 054321")
                 == ks_store_lookup_account (store, 54322));
  assert_scored (store, model_item (store, n / 2));

  {
    g_auto(GStrv) owners = ks_store_dup_owners (store);

    g_assert_cmpuint (g_strv_length (owners), ==, 40);
  }

  g_assert_finalize_object (store);
}

/* The order the portfolio opens in, prepared on the thread that opens the store:
 * every account once, highest score first; gone once taken, or once the accounts
 * change. */
static void
test_score_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) order = NULL;
  KsStore *store = ks_test_store_open (f->path);
  KsAccount *first;

  g_assert_true (ks_store_load_sample (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = ks_test_store_open (f->path);
  g_assert_null (ks_store_take_score_order (store));
  ks_store_prepare_score_order (store);
  order = ks_store_take_score_order (store);
  g_assert_nonnull (order);
  g_assert_cmpuint (order->len, ==, ks_store_get_n_accounts (store));
  for (guint i = 1; i < order->len; i++)
    g_assert_cmpfloat (ks_account_get_ka_score (g_ptr_array_index (order, i - 1)), >=,
                       ks_account_get_ka_score (g_ptr_array_index (order, i)));
  for (guint i = 0; i < ks_store_get_n_accounts (store); i++)
    {
      guint found = 0;

      for (guint j = 0; j < order->len; j++)
        found += g_ptr_array_index (order, j)
                 == ks_account_list_get (KS_ACCOUNT_LIST (ks_store_get_accounts (store)), i);
      g_assert_cmpuint (found, ==, 1);
    }
  g_assert_null (ks_store_take_score_order (store));

  /* prepared, then an account deleted: the order is not the accounts' any more */
  ks_store_prepare_score_order (store);
  first = g_ptr_array_index (order, 0);
  g_assert_true (ks_store_delete_account (store, first, &error));
  g_assert_no_error (error);
  g_assert_null (ks_store_take_score_order (store));

  g_clear_pointer (&order, g_ptr_array_unref);
  g_assert_finalize_object (store);
}

#define ADD_TEST(path, func) \
  g_test_add ("/keystone/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD_TEST ("create", test_create);
  ADD_TEST ("default-path", test_default_path);
  ADD_TEST ("accounts", test_accounts);
  ADD_TEST ("score-order", test_score_order);
  ADD_TEST ("refusals", test_refusals);
  ADD_TEST ("update-deleted", test_update_deleted);
  ADD_TEST ("rules", test_rules);
  ADD_TEST ("median-split", test_median_split);
  ADD_TEST ("settings", test_settings);
  ADD_TEST ("owners", test_owners);
  ADD_TEST ("sample", test_sample);
  ADD_TEST ("backup", test_backup);
  ADD_TEST ("backup-async", test_backup_async);
  ADD_TEST ("snapshots", test_snapshots);
  ADD_TEST ("migrate-from-0", test_migrate_from_0);
  ADD_TEST ("migrate-from-1", test_migrate_from_1);
  ADD_TEST ("refuse/empty", test_refuse_empty);
  ADD_TEST ("refuse/garbage", test_refuse_garbage);
  ADD_TEST ("refuse/truncated", test_refuse_truncated);
  ADD_TEST ("refuse/damaged", test_refuse_damaged);
  ADD_TEST ("refuse/read-only", test_refuse_read_only);
  ADD_TEST ("refuse/read-only-folder", test_refuse_read_only_folder);
  ADD_TEST ("refuse/folder", test_refuse_folder);
  ADD_TEST ("refuse/bad-parent", test_refuse_bad_parent);
  ADD_TEST ("refuse/locked-rollback-journal", test_refuse_locked_rollback_journal);
  ADD_TEST ("refuse/locked-wal", test_refuse_locked_wal);
  ADD_TEST ("refuse/newer-schema", test_refuse_newer_schema);
  ADD_TEST ("refuse/other-program", test_refuse_other_program);
  ADD_TEST ("refuse/other-columns", test_refuse_other_columns);
  ADD_TEST ("create-in-place", test_create_in_place);
  ADD_TEST ("load-many", test_load_many);

  return g_test_run ();
}
