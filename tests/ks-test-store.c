/* ks-test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ks-test-store.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

char *
ks_test_store_make_dir (const char  *unit,
                        char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("keystone-%s-XXXXXX", unit);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  *path = g_build_filename (dir, "keystone.db", NULL);
  return dir;
}

void
ks_test_store_remove_dir (char **dir,
                          char **path)
{
  ks_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
  g_clear_pointer (path, g_free);
}

void
ks_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have made it read-only. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ks_test_remove_tree (child);
        }
    }

  g_remove (path);
}

KsStore *
ks_test_store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  KsStore *store = ks_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (KS_IS_STORE (store));
  return store;
}

KsAccount *
ks_test_store_add_account (KsStore    *store,
                           const char *name,
                           guint       rating)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new ();

  ks_account_set_name (account, name);
  ks_account_set_currency (account, "CNY");
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    ks_account_set_rating (account, i, rating);
  g_assert_true (ks_store_add_account (store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_id (account), >, 0);

  return ks_store_lookup_account (store, ks_account_get_id (account));
}

sqlite3 *
ks_test_raw_open (const char *path,
                  int         flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

void
ks_test_raw_exec (sqlite3    *db,
                  const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

void
ks_test_raw_run (const char *path,
                 const char *sql)
{
  sqlite3 *db = ks_test_raw_open (path, SQLITE_OPEN_READWRITE);

  ks_test_raw_exec (db, sql);
  sqlite3_close (db);
}

char *
ks_test_raw_query_text (const char *path,
                        const char *sql)
{
  sqlite3 *db = ks_test_raw_open (path, SQLITE_OPEN_READONLY);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

gint64
ks_test_raw_query_int (const char *path,
                       const char *sql)
{
  g_autofree char *text = ks_test_raw_query_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

void
ks_test_raw_add_portfolio (const char *path,
                           guint       n,
                           int         rating,
                           const char *more_sql)
{
  sqlite3 *db = ks_test_raw_open (path, SQLITE_OPEN_READWRITE);
  sqlite3_stmt *stmt = NULL;

  ks_test_raw_exec (db, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO account (name, name_key, r_purchases, "
                                           "r_profit, r_share, r_influence, r_benchmark, "
                                           "r_channel, r_need_fit, r_growth, r_years, "
                                           "r_contact_level, r_stability, created_at, "
                                           "updated_at) VALUES (?1, ?1, ?2, ?2, ?2, ?2, ?2, "
                                           "?2, ?2, ?2, ?2, ?2, ?2, '2024-01-01T00:00:00Z', "
                                           "'2024-01-01T00:00:00Z')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 2, rating);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %06u", i);

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (more_sql != NULL)
    ks_test_raw_exec (db, more_sql);
  ks_test_raw_exec (db, "COMMIT");
  sqlite3_close (db);
}

gint64
ks_test_count_rows (const char *path,
                    const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return ks_test_raw_query_int (path, sql);
}

void
ks_test_assert_integrity_ok (const char *path)
{
  g_autofree char *result = ks_test_raw_query_text (path, "PRAGMA integrity_check");
  g_autofree char *fk = ks_test_raw_query_text (path, "PRAGMA foreign_key_check");

  g_assert_cmpstr (result, ==, "ok");
  g_assert_null (fk);
}
