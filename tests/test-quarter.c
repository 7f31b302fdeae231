/* test-quarter.c — quarters and the movement between a snapshot and today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ks-account.h"
#include "ks-error.h"
#include "ks-quarter.h"

static void
test_parse (void)
{
  static const struct
  {
    const char *text;
    gboolean ok;
    int year;
    int quarter;
  } cases[] = {
    { "2026-Q3", TRUE, 2026, 3 },
    { "2000-Q1", TRUE, 2000, 1 },
    { "2100-Q4", TRUE, 2100, 4 },
    { "  2026-q2 ", TRUE, 2026, 2 },
    { "1999-Q4", FALSE, 0, 0 },
    { "2101-Q1", FALSE, 0, 0 },
    { "2026-Q0", FALSE, 0, 0 },
    { "2026-Q5", FALSE, 0, 0 },
    { "2026Q3", FALSE, 0, 0 },
    { "2026-Q33", FALSE, 0, 0 },
    { "26-Q3", FALSE, 0, 0 },
    { "+026-Q3", FALSE, 0, 0 },
    { "2026-3", FALSE, 0, 0 },
    { "Q3-2026", FALSE, 0, 0 },
    { "２０２６-Q3", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = -1, quarter = -1;
      gboolean ok = ks_quarter_parse (cases[i].text, &year, &quarter, &error);

      g_test_message ("case “%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (year, ==, cases[i].year);
          g_assert_cmpint (quarter, ==, cases[i].quarter);
        }
      else
        {
          g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
          /* the message shows the form */
          g_assert_nonnull (strstr (error->message, "2026-Q3"));
        }
    }
}

static void
test_format (void)
{
  g_autofree char *a = ks_quarter_format (2026, 3);
  g_autofree char *b = ks_quarter_format (2000, 1);

  g_assert_cmpstr (a, ==, "2026-Q3");
  g_assert_cmpstr (b, ==, "2000-Q1");
}

static void
test_for_date (void)
{
  static const struct
  {
    int year, month, day, hour;
    const char *quarter;
  } cases[] = {
    { 2026, 1, 1, 0, "2026-Q1" },
    { 2026, 3, 31, 23, "2026-Q1" },
    { 2026, 4, 1, 0, "2026-Q2" },
    { 2026, 6, 30, 12, "2026-Q2" },
    { 2026, 7, 1, 0, "2026-Q3" },
    { 2026, 9, 30, 23, "2026-Q3" },
    { 2026, 10, 1, 0, "2026-Q4" },
    { 2026, 12, 31, 23, "2026-Q4" },
  };
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("+08:00");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = g_date_time_new (shanghai, cases[i].year, cases[i].month,
                                                   cases[i].day, cases[i].hour, 0, 0);
      g_autofree char *quarter = ks_quarter_for_date (date);

      g_assert_cmpstr (quarter, ==, cases[i].quarter);
    }
}

static void
test_previous (void)
{
  static const struct
  {
    const char *quarter;
    const char *previous;
  } cases[] = {
    { "2026-Q3", "2026-Q2" },
    { "2026-Q2", "2026-Q1" },
    { "2026-Q1", "2025-Q4" },
    { "2001-Q1", "2000-Q4" },
    { "2000-Q1", NULL },
    { "2026-q4", "2026-Q3" },
    { "nonsense", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *previous = ks_quarter_previous (cases[i].quarter);

      g_assert_cmpstr (previous, ==, cases[i].previous);
    }
}

/* Movement */

static KsAccount *
account_in (gint64      id,
            const char *name,
            KsQuadrant  quadrant)
{
  KsScoringRules rules;
  KsAccountRow row = { 0, };
  guint8 high = KS_RATING_MAX, low = 0;
  gboolean high_value = quadrant == KS_QUADRANT_STRATEGIC || quadrant == KS_QUADRANT_SUSTAIN;
  gboolean high_growth = quadrant == KS_QUADRANT_STRATEGIC || quadrant == KS_QUADRANT_GROW;
  KsAccount *account;

  ks_scoring_rules_init_default (&rules);
  row.name = (char *) name;
  row.industry = row.region = row.owner = row.notes = (char *) "";
  g_strlcpy (row.currency, "CNY", sizeof row.currency);
  row.tier_override = KS_TIER_NONE;
  for (guint c = 0; c < KS_N_CRITERIA; c++)
    {
      KsDimension d = ks_criterion_get_dimension (c);

      if (d == KS_DIMENSION_SCALE || d == KS_DIMENSION_STRATEGIC)
        row.ratings[c] = high_value ? high : low;
      else if (d == KS_DIMENSION_COOPERATION)
        row.ratings[c] = high_growth ? high : low;
    }

  account = ks_account_new_from_row (id, &row, &rules, 50, 50);
  g_assert_cmpint (ks_account_get_quadrant (account), ==, quadrant);
  return account;
}

static void
put_entry (GHashTable *snapshot,
           gint64      id,
           KsQuadrant  quadrant)
{
  KsSnapshotEntry *entry = g_new0 (KsSnapshotEntry, 1);

  entry->quadrant = quadrant;
  g_hash_table_insert (snapshot, g_memdup2 (&id, sizeof id), entry);
}

static void
test_movement (void)
{
  g_autoptr(GListStore) accounts = g_list_store_new (KS_TYPE_ACCOUNT);
  g_autoptr(GHashTable) snapshot = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, g_free);
  g_autoptr(GPtrArray) moved = NULL;
  static const struct
  {
    gint64 id;
    const char *name;
    KsQuadrant now;
    int then;   /* a KsQuadrant, or -1: not in the snapshot */
  } cases[] = {
    { 1, "Zeta Logistics", KS_QUADRANT_STRATEGIC, KS_QUADRANT_GROW },
    { 2, "Alpha Foods", KS_QUADRANT_SUSTAIN, KS_QUADRANT_SUSTAIN },
    { 3, "Beta Steel", KS_QUADRANT_STREAMLINE, KS_QUADRANT_SUSTAIN },
    { 4, "New Account", KS_QUADRANT_GROW, -1 },
    { 5, "华东精密制造有限公司", KS_QUADRANT_STRATEGIC, KS_QUADRANT_GROW },
  };
  const char *expected[] = { "Beta Steel", "Zeta Logistics", "华东精密制造有限公司" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KsAccount) account = account_in (cases[i].id, cases[i].name, cases[i].now);

      g_list_store_append (accounts, account);
      if (cases[i].then >= 0)
        put_entry (snapshot, cases[i].id, cases[i].then);
    }
  /* an account deleted since the snapshot */
  put_entry (snapshot, 99, KS_QUADRANT_STRATEGIC);

  moved = ks_movement_list (G_LIST_MODEL (accounts), snapshot);
  g_assert_cmpuint (moved->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < moved->len; i++)
    {
      KsMovement *m = g_ptr_array_index (moved, i);

      g_assert_cmpstr (m->name, ==, expected[i]);
    }

  {
    KsMovement *m = g_ptr_array_index (moved, 0);
    g_autofree char *text = ks_movement_describe (g_ptr_array_index (moved, 2));

    g_assert_cmpint (m->id, ==, 3);
    g_assert_cmpint (m->from, ==, KS_QUADRANT_SUSTAIN);
    g_assert_cmpint (m->to, ==, KS_QUADRANT_STREAMLINE);
    g_assert_cmpstr (text, ==, "华东精密制造有限公司: Grow → Strategic");
  }

  /* nothing moved: an empty list */
  g_hash_table_remove_all (snapshot);
  g_clear_pointer (&moved, g_ptr_array_unref);
  moved = ks_movement_list (G_LIST_MODEL (accounts), snapshot);
  g_assert_cmpuint (moved->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keystone/quarter/parse", test_parse);
  g_test_add_func ("/keystone/quarter/format", test_format);
  g_test_add_func ("/keystone/quarter/for-date", test_for_date);
  g_test_add_func ("/keystone/quarter/previous", test_previous);
  g_test_add_func ("/keystone/quarter/movement", test_movement);

  return g_test_run ();
}
