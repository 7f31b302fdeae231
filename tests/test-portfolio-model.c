/* test-portfolio-model.c — the portfolio filtered by search and filters (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every check compares the model with the accounts a plain loop finds: those whose
 * folded names hold the folded search, and that the other filters let through. A copy
 * of the list kept up to date from the model's items-changed alone must agree too, as
 * the list widget sees nothing else.
 */
#include "config.h"

#include <string.h>

#include "ks-portfolio-model.h"

typedef struct
{
  GListStore *accounts;
  KsPortfolioModel *model;
  GPtrArray *mirror;        /* the model's accounts, as items-changed told them */
  GHashTable *hidden;       /* accounts the other filters refuse */
  char *search;             /* folded */
} Fixture;

static gboolean
predicate (KsAccount *account,
           gpointer   user_data)
{
  Fixture *f = user_data;

  return !g_hash_table_contains (f->hidden, account);
}

static void
on_items_changed (Fixture    *f,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  g_assert_cmpuint (position + removed, <=, f->mirror->len);
  g_ptr_array_remove_range (f->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
add (Fixture    *f,
     const char *name)
{
  g_autoptr(KsAccount) account = ks_account_new ();

  ks_account_set_name (account, name);
  g_list_store_append (f->accounts, account);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const names[] = {
    "Northwind Logistics", "华东精密制造", "Acme", "ACME Trading", "Nordwind", "Öl & Gas",
    "东方物流", "Bnorth", "a", "Logistics North", "华东", "精密",
  };

  f->accounts = g_list_store_new (KS_TYPE_ACCOUNT);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add (f, names[i]);
  f->hidden = g_hash_table_new (NULL, NULL);
  f->search = g_strdup ("");
  f->model = ks_portfolio_model_new (G_LIST_MODEL (f->accounts), NULL, NULL, predicate, f);
  f->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->model)); i++)
    g_ptr_array_add (f->mirror, g_list_model_get_item (G_LIST_MODEL (f->model), i));
  g_signal_connect_swapped (f->model, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->model);
  g_clear_object (&f->accounts);
  g_clear_pointer (&f->mirror, g_ptr_array_unref);
  g_clear_pointer (&f->hidden, g_hash_table_unref);
  g_clear_pointer (&f->search, g_free);
}

/* The names of the accounts a plain loop finds, one per line. */
static char *
expected (Fixture *f)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->accounts)); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (G_LIST_MODEL (f->accounts), i);

      if (strstr (ks_account_get_name_key (account), f->search) != NULL
          && !g_hash_table_contains (f->hidden, account))
        g_string_append_printf (names, "%s\n", ks_account_get_name (account));
    }
  return g_string_free (names, FALSE);
}

static char *
shown (GListModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s\n", ks_account_get_name (account));
    }
  return g_string_free (names, FALSE);
}

static char *
mirrored (Fixture *f)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < f->mirror->len; i++)
    g_string_append_printf (names, "%s\n",
                            ks_account_get_name (g_ptr_array_index (f->mirror, i)));
  return g_string_free (names, FALSE);
}

static void
assert_shown_as_expected (Fixture *f)
{
  g_autofree char *want = expected (f);
  g_autofree char *got = shown (G_LIST_MODEL (f->model));
  g_autofree char *seen = mirrored (f);

  g_assert_cmpstr (got, ==, want);
  g_assert_cmpstr (seen, ==, want);
}

static void
search (Fixture    *f,
        const char *text)
{
  g_free (f->search);
  f->search = ks_account_fold (text);
  ks_portfolio_model_set_search (f->model, f->search);
  assert_shown_as_expected (f);
}

/* Names hold the search anywhere: at the start, inside, at the very end, whole. */
static void
test_search_finds_names (Fixture       *f,
                         gconstpointer  data)
{
  assert_shown_as_expected (f);

  search (f, "north");
  {
    g_autofree char *got = shown (G_LIST_MODEL (f->model));

    g_assert_cmpstr (got, ==, "Northwind Logistics\nBnorth\nLogistics North\n");
  }
  search (f, "精密");
  {
    g_autofree char *got = shown (G_LIST_MODEL (f->model));

    g_assert_cmpstr (got, ==, "华东精密制造\n精密\n");
  }
  search (f, "a");            /* the last letter of one name, the whole of another */
  search (f, "密");           /* the last name, at the very end of the block */
  search (f, "ACME");
  search (f, "öl");
  search (f, "精密制造");       /* the end of a name, not of the block */
  search (f, "zzz");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 12);
}

/* Typing on and Backspace show what a fresh search would, at every step. */
static void
test_typing_and_backspace (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const typed[] = { "l", "lo", "log", "logi", "log", "lo", "l", "",
                                         "n", "no", "nor", "nord", "nor", "no", "n", "" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    search (f, typed[i]);
}

/* The other filters and the search together, changed in any order. */
static void
test_search_and_filters (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KsAccount) first = g_list_model_get_item (G_LIST_MODEL (f->accounts), 0);
  g_autoptr(KsAccount) last = g_list_model_get_item (G_LIST_MODEL (f->accounts), 9);

  search (f, "n");
  g_hash_table_add (f->hidden, first);
  g_hash_table_add (f->hidden, last);
  ks_portfolio_model_refilter (f->model, GTK_FILTER_CHANGE_MORE_STRICT);
  assert_shown_as_expected (f);
  search (f, "no");
  search (f, "n");            /* the rows kept for “n” were before the filter changed */
  g_hash_table_remove_all (f->hidden);
  ks_portfolio_model_refilter (f->model, GTK_FILTER_CHANGE_LESS_STRICT);
  assert_shown_as_expected (f);
  search (f, "nor");
  search (f, "");
}

/* Many accounts and random searches, typed on, taken back and replaced, against the
 * plain loop each time; with a few accounts filtered out, then more. */
static void
test_random_searches (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const pieces[] = { "a", "b", "ab", "华", "东", " ", "A", "Ä" };
  GRand *rand = g_rand_new_with_seed (20261128);

  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 3000; i++)
    {
      GString *name = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 9);
      KsAccount *account = ks_account_new ();

      for (guint k = 0; k < n; k++)
        g_string_append (name, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      g_string_append_printf (name, "%u", i % 7);
      ks_account_set_name (account, name->str);
      g_ptr_array_add (many, account);
      g_string_free (name, TRUE);
    }
  g_list_store_splice (f->accounts, 0, g_list_model_get_n_items (G_LIST_MODEL (f->accounts)),
                       many->pdata, many->len);
  assert_shown_as_expected (f);

  for (guint round = 0; round < 60; round++)
    {
      GString *text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 6);

      if (round == 20 || round == 40)
        {
          for (guint i = 0; i < 3000; i += g_rand_int_range (rand, 1, 12))
            g_hash_table_add (f->hidden,
                              g_list_model_get_item (G_LIST_MODEL (f->accounts), i));
          ks_portfolio_model_refilter (f->model, GTK_FILTER_CHANGE_MORE_STRICT);
          assert_shown_as_expected (f);
        }
      for (guint k = 0; k < n; k++)
        {
          g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          search (f, text->str);
        }
      while (text->len > 0 && g_rand_boolean (rand))
        {
          const char *last = g_utf8_find_prev_char (text->str, text->str + text->len);

          g_string_truncate (text, last - text->str);
          search (f, text->str);
        }
      g_string_free (text, TRUE);
    }

  /* The accounts hidden were referenced by g_list_model_get_item(). */
  {
    GHashTableIter iter;
    gpointer account;

    g_hash_table_iter_init (&iter, f->hidden);
    while (g_hash_table_iter_next (&iter, &account, NULL))
      g_object_unref (account);
  }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/keystone/portfolio-model/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("search-finds-names", test_search_finds_names);
  ADD ("typing-and-backspace", test_typing_and_backspace);
  ADD ("search-and-filters", test_search_and_filters);
  ADD ("random-searches", test_random_searches);
#undef ADD

  return g_test_run ();
}
