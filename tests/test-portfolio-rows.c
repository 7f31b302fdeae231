/* test-portfolio-rows.c — the portfolio list's rows following the accounts (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-portfolio-rows.h"

typedef struct
{
  GListStore *accounts;
  KsPortfolioRows *rows;
  guint n_changes;      /* items-changed of the rows */
} Fixture;

static KsAccount *
account_named (const char *name)
{
  KsAccount *account = ks_account_new ();

  ks_account_set_name (account, name);
  return account;
}

static void
append (Fixture    *f,
        const char *name)
{
  g_autoptr(KsAccount) account = account_named (name);

  g_list_store_append (f->accounts, account);
}

static void
on_rows_changed (Fixture *f)
{
  f->n_changes++;
}

static void
count (guint *n)
{
  (*n)++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->accounts = g_list_store_new (KS_TYPE_ACCOUNT);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %u", i);

      append (f, name);
    }
  f->rows = ks_portfolio_rows_new (G_LIST_MODEL (f->accounts), 3);
  g_signal_connect_swapped (f->rows, "items-changed", G_CALLBACK (on_rows_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->rows);
  g_clear_object (&f->accounts);
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->rows));
}

/* The account row @position shows, NULL for an empty row. */
static const char *
shown (Fixture *f,
       guint    position)
{
  g_autoptr(KsPortfolioRow) row = g_list_model_get_item (G_LIST_MODEL (f->rows), position);
  KsAccount *account;

  g_assert_nonnull (row);
  account = ks_portfolio_row_get_account (row);
  return account != NULL ? ks_account_get_name (account) : NULL;
}

static void
settle (Fixture *f)
{
  for (guint i = 0; i < 10000 && ks_portfolio_rows_settle (f->rows, 1000); i++)
    ;
  g_assert_true (ks_portfolio_rows_is_settled (f->rows));
}

/* One row per account, in order, then @n_empty empty rows. */
static void
assert_rows_are_accounts_then (Fixture *f,
                               guint    n_empty)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->accounts));

  g_assert_cmpuint (n_rows (f), ==, n + n_empty);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (G_LIST_MODEL (f->accounts), i);

      g_assert_cmpstr (shown (f, i), ==, ks_account_get_name (account));
    }
  for (guint i = n; i < n_rows (f); i++)
    g_assert_null (shown (f, i));
}

static void
assert_rows_are_accounts (Fixture *f)
{
  assert_rows_are_accounts_then (f, 0);
}

/* The first rows only, until the rest are asked for; then one row per account. */
static void
test_first_rows (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_cmpstr (shown (f, 0), ==, "Account 0");
  g_assert_false (ks_portfolio_rows_is_settled (f->rows));
  g_assert_false (ks_portfolio_rows_settle (f->rows, 1000));
  g_assert_cmpuint (n_rows (f), ==, 3);

  ks_portfolio_rows_show_all (f->rows);
  g_assert_false (ks_portfolio_rows_is_settled (f->rows));
  g_assert_cmpuint (n_rows (f), ==, 3);
  settle (f);
  assert_rows_are_accounts (f);
}

/* A row object stays at its position while it is held, and shows the account that
 * comes there; the list hears of no change when the count does not change. */
static void
test_rows_keep_their_place (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KsPortfolioRow) first = NULL;
  g_autoptr(KsPortfolioRow) again = NULL;
  g_autoptr(KsAccount) other = account_named ("Another");
  guint signals = 0;

  ks_portfolio_rows_show_all (f->rows);
  settle (f);
  first = g_list_model_get_item (G_LIST_MODEL (f->rows), 0);
  again = g_list_model_get_item (G_LIST_MODEL (f->rows), 0);
  g_assert_true (first == again);
  g_signal_connect_swapped (first, "account-changed", G_CALLBACK (count), &signals);

  f->n_changes = 0;
  g_list_store_splice (f->accounts, 0, 1, (gpointer *) &other, 1);
  settle (f);
  g_assert_cmpuint (f->n_changes, ==, 0);
  g_assert_cmpstr (ks_account_get_name (ks_portfolio_row_get_account (first)), ==, "Another");
  g_assert_cmpuint (signals, ==, 1);

  /* an edit of the account it shows is told through the row as well */
  ks_account_set_name (other, "Another, renamed");
  g_assert_cmpuint (signals, >=, 2);
  assert_rows_are_accounts (f);
}

/* Fewer accounts: the rows in view show their new accounts at once, the others as the
 * list settles; the rows left over stay, empty, and the list hears of no change. More
 * accounts again: they show in those rows, and the rows still missing are added. */
static void
test_shrink_and_grow (Fixture       *f,
                      gconstpointer  data)
{
  ks_portfolio_rows_show_all (f->rows);
  settle (f);
  /* hold every row, as the list does for the rows it has widgets for */
  {
    g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n_rows (f); i++)
      g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (f->rows), i));

    ks_portfolio_rows_set_in_view (f->rows, 0, 1);
    f->n_changes = 0;
    g_list_store_remove (f->accounts, 0);
    g_list_store_remove (f->accounts, 0);
    g_list_store_remove (f->accounts, 0);

    /* row 0 is in view: its new account at once; the others follow */
    g_assert_cmpuint (n_rows (f), ==, 5);
    g_assert_cmpstr (shown (f, 0), ==, "Account 3");
    g_assert_cmpstr (shown (f, 1), ==, "Account 1");
    g_assert_false (ks_portfolio_rows_is_settled (f->rows));
    settle (f);
    assert_rows_are_accounts_then (f, 3);
    g_assert_cmpuint (f->n_changes, ==, 0);
    /* the same row objects, the last three empty */
    g_assert_null (ks_portfolio_row_get_account (g_ptr_array_index (held, 4)));
    {
      g_autoptr(KsPortfolioRow) row = g_list_model_get_item (G_LIST_MODEL (f->rows), 4);

      g_assert_true (row == g_ptr_array_index (held, 4));
    }

    append (f, "Account 5");
    append (f, "Account 6");
    g_assert_false (ks_portfolio_rows_is_settled (f->rows));
    settle (f);
    assert_rows_are_accounts_then (f, 1);
    g_assert_cmpuint (f->n_changes, ==, 0);
  }

  append (f, "Account 7");
  append (f, "Account 8");
  settle (f);
  assert_rows_are_accounts (f);
  g_assert_cmpuint (n_rows (f), ==, 6);
  g_assert_cmpuint (f->n_changes, ==, 1);
}

/* With no accounts at all the view shows no list: the rows keep their accounts and
 * hear nothing. When the same accounts come back, no row has anything to change; other
 * accounts show as usual. */
static void
test_no_accounts_keep_rows (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_account_changes = 0;

  ks_portfolio_rows_show_all (f->rows);
  settle (f);
  for (guint i = 0; i < n_rows (f); i++)
    {
      KsPortfolioRow *row = g_list_model_get_item (G_LIST_MODEL (f->rows), i);

      g_signal_connect_swapped (row, "account-changed", G_CALLBACK (count), &n_account_changes);
      g_ptr_array_add (held, row);
      g_ptr_array_add (all, g_list_model_get_item (G_LIST_MODEL (f->accounts), i));
    }
  ks_portfolio_rows_set_in_view (f->rows, 0, 2);
  f->n_changes = 0;

  g_list_store_remove_all (f->accounts);
  g_assert_true (ks_portfolio_rows_is_settled (f->rows));
  settle (f);
  g_assert_cmpuint (n_rows (f), ==, 5);
  g_assert_cmpstr (shown (f, 0), ==, "Account 0");
  g_assert_cmpstr (shown (f, 4), ==, "Account 4");
  g_assert_cmpuint (n_account_changes, ==, 0);

  g_list_store_splice (f->accounts, 0, 0, all->pdata, all->len);
  settle (f);
  assert_rows_are_accounts (f);
  g_assert_cmpuint (n_account_changes, ==, 0);
  g_assert_cmpuint (f->n_changes, ==, 0);

  /* Nothing, then others: those show. */
  g_list_store_remove_all (f->accounts);
  {
    g_autoptr(KsAccount) other0 = ks_account_new ();
    g_autoptr(KsAccount) other1 = ks_account_new ();
    gpointer others[] = { other0, other1 };

    ks_account_set_name (other0, "Other 0");
    ks_account_set_name (other1, "Other 1");
    g_list_store_splice (f->accounts, 0, 0, others, 2);
  }
  settle (f);
  assert_rows_are_accounts_then (f, 3);
  g_assert_cmpuint (n_account_changes, ==, 5);
  g_assert_cmpuint (f->n_changes, ==, 0);
}

/* The list keeps widgets for about two hundred rows: rows past those leave at once
 * when the accounts are fewer, but those stay. */
static void
test_rows_past_two_hundred (Fixture       *f,
                            gconstpointer  data)
{
  ks_portfolio_rows_show_all (f->rows);
  for (guint i = 5; i < 250; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %u", i);

      append (f, name);
    }
  settle (f);
  assert_rows_are_accounts (f);

  f->n_changes = 0;
  g_list_store_splice (f->accounts, 10, 240, NULL, 0);
  settle (f);
  assert_rows_are_accounts_then (f, KS_PORTFOLIO_ROWS_KEPT - 10);
  g_assert_cmpuint (f->n_changes, ==, 1);

  f->n_changes = 0;
  for (guint i = 0; i < 100; i++)
    append (f, "More");
  settle (f);
  assert_rows_are_accounts_then (f, KS_PORTFOLIO_ROWS_KEPT - 110);
  g_assert_cmpuint (f->n_changes, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/keystone/portfolio-rows/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("first-rows", test_first_rows);
  ADD ("rows-keep-their-place", test_rows_keep_their_place);
  ADD ("shrink-and-grow", test_shrink_and_grow);
  ADD ("rows-past-two-hundred", test_rows_past_two_hundred);
  ADD ("no-accounts-keep-rows", test_no_accounts_keep_rows);
#undef ADD

  return g_test_run ();
}
