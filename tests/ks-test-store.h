/* ks-test-store.h — helpers for the tests of KsStore: a temporary folder for the
 * database file, the store opened on it, and SQL run and read through a connection of
 * the test's own, as another program would see the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ks-store.h"

G_BEGIN_DECLS

/* A new temporary folder "keystone-@unit-XXXXXX"; *@path is the database file in it
 * ("keystone.db", not made yet). */
char       *ks_test_store_make_dir      (const char  *unit,
                                         char       **path);
/* Removes *@dir and everything in it, then frees and clears *@dir and *@path. */
void        ks_test_store_remove_dir    (char       **dir,
                                         char       **path);
/* Removes @path, a file or a folder with everything in it (read-only folders too). */
void        ks_test_remove_tree         (const char  *path);

/* ks_store_open() that must succeed. */
KsStore    *ks_test_store_open          (const char  *path);
/* Adds an account called @name, in CNY, with every criterion rated @rating; the
 * store's own object for it (owned by the store). */
KsAccount  *ks_test_store_add_account   (KsStore     *store,
                                         const char  *name,
                                         guint        rating);

/* A connection of the test's own, that waits for the store's locks. */
sqlite3    *ks_test_raw_open            (const char  *path,
                                         int          flags);
/* Runs @sql on @db; any error ends the test. */
void        ks_test_raw_exec            (sqlite3     *db,
                                         const char  *sql);
/* Runs @sql on the file @path (which must exist) through a connection of its own: how
 * the tests make an older or damaged file. */
void        ks_test_raw_run             (const char  *path,
                                         const char  *sql);
/* The first column of the first row of @sql, read through a connection of its own;
 * NULL when there is no row or the value is NULL. */
char       *ks_test_raw_query_text      (const char  *path,
                                         const char  *sql);
/* The same as a number; there must be a row with a value. */
gint64      ks_test_raw_query_int       (const char  *path,
                                         const char  *sql);
/* Adds @n accounts "Account 000000", "Account 000001"… with every criterion rated
 * @rating to the file @path, then runs @more_sql (unless NULL), in one transaction:
 * a large portfolio, quickly. */
void        ks_test_raw_add_portfolio   (const char  *path,
                                         guint        n,
                                         int          rating,
                                         const char  *more_sql);
/* The rows of @table in the file. */
gint64      ks_test_count_rows          (const char  *path,
                                         const char  *table);
/* The file passes PRAGMA integrity_check and PRAGMA foreign_key_check. */
void        ks_test_assert_integrity_ok (const char  *path);

G_END_DECLS
