/* ks-bench-import-floor.c — the least a CSV import of accounts can cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ks-bench-import-floor NEW.db FILE.csv
 *
 * The yardstick the CSV issue asks for: a minimal C program that reads the file
 * naively (fgets, split on commas: the generated file has no quotes) and inserts the
 * same rows with one prepared statement in one transaction, into a database made by
 * ks_store_open() so that the schema and the index are Keystone's. It checks nothing,
 * folds no name (the key is the name as it is), converts no encoding and reads every
 * amount as having two decimals; `keystone import` is measured against it.
 * It holds the only SQL outside the store (src/core/ks-store.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ks-store.h"

/* Name … Tier override, then the eleven ratings: the columns of ks-bench-populate --csv. */
#define N_TEXT 10
#define N_COLUMNS (N_TEXT + KS_N_CRITERIA)

static const char insert_sql[] =
  "INSERT INTO account (name, name_key, industry, region, owner, currency, annual_purchases,"
  " profit_contribution, revenue_share, notes, tier_override, r_purchases, r_profit, r_share,"
  " r_influence, r_benchmark, r_channel, r_need_fit, r_growth, r_years, r_contact_level,"
  " r_stability, created_at, updated_at)"
  " VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
  " ?18, ?19, ?20, ?21, ?22, ?22)";

static const char * const tiers[] = { "Core", "Key", "Developing", "Standard" };

static int
die (const char *what,
     sqlite3    *db)
{
  fprintf (stderr, "ks-bench-import-floor: %s: %s\n", what, db ? sqlite3_errmsg (db) : "");
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char line[8192];
  char *fields[N_COLUMNS];
  FILE *in;
  long n = 0;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s NEW.db FILE.csv\n", argv[0]);
      return 2;
    }

  /* Keystone's schema and index, then closed: the rest is plain SQLite. */
  store = ks_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "ks-bench-import-floor: %s\n", error->message);
      return 1;
    }
  g_clear_object (&store);

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    return die ("open", db);
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return die ("begin", db);
  if (sqlite3_prepare_v2 (db, insert_sql, -1, &stmt, NULL) != SQLITE_OK)
    return die ("prepare", db);

  in = fopen (argv[2], "r");
  if (in == NULL)
    {
      perror (argv[2]);
      return 1;
    }

  /* the header */
  if (fgets (line, sizeof line, in) == NULL)
    return die ("empty file", NULL);

  while (fgets (line, sizeof line, in) != NULL)
    {
      char *p = line;
      int tier = -1;
      int i;

      line[strcspn (line, "\r\n")] = '\0';
      for (i = 0; i < N_COLUMNS && p != NULL; i++)
        {
          fields[i] = p;
          p = strchr (p, ',');
          if (p != NULL)
            *p++ = '\0';
        }
      if (i != N_COLUMNS)
        return die ("short line", NULL);

      for (int t = 0; t < 4; t++)
        if (strcmp (fields[9], tiers[t]) == 0)
          tier = t;

      for (int c = 0; c < 5; c++)
        sqlite3_bind_text (stmt, c + 1, fields[c], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) (strtod (fields[5], NULL) * 100 + 0.5));
      sqlite3_bind_double (stmt, 7, strtod (fields[6], NULL));
      sqlite3_bind_double (stmt, 8, strtod (fields[7], NULL));
      sqlite3_bind_text (stmt, 9, fields[8], -1, SQLITE_STATIC);
      if (tier < 0)
        sqlite3_bind_null (stmt, 10);
      else
        sqlite3_bind_int (stmt, 10, tier);
      for (int c = 0; c < KS_N_CRITERIA; c++)
        sqlite3_bind_int (stmt, 11 + c, atoi (fields[N_TEXT + c]));
      sqlite3_bind_text (stmt, 22, "2026-01-01T00:00:00Z", -1, SQLITE_STATIC);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        return die ("insert", db);
      sqlite3_reset (stmt);
      n++;
    }
  fclose (in);

  sqlite3_finalize (stmt);
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    return die ("commit", db);
  if (sqlite3_close (db) != SQLITE_OK)
    return die ("close", db);

  printf ("floor: %ld rows\n", n);
  return 0;
}
