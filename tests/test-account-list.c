/* test-account-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-account-list.h"

typedef struct
{
  guint position, removed, added, calls;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static KsAccount *
named (const char *name)
{
  KsAccount *account = ks_account_new ();

  ks_account_set_name (account, name);
  return account;
}

static char *
names (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i ? "," : "", ks_account_get_name (account));
    }
  return g_string_free (out, FALSE);
}

static void
test_splice (void)
{
  g_autoptr(KsAccountList) list = ks_account_list_new ();
  g_autoptr(KsAccount) a = named ("a");
  g_autoptr(KsAccount) b = named ("b");
  g_autoptr(KsAccount) c = named ("c");
  g_autoptr(KsAccount) d = named ("d");
  KsAccount *pair[] = { c, d };
  Change change = { 0 };
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL;
  guint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == KS_TYPE_ACCOUNT);

  ks_account_list_append (list, a);
  ks_account_list_append (list, b);
  s1 = names (G_LIST_MODEL (list));
  g_assert_cmpstr (s1, ==, "a,b");
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);

  ks_account_list_splice (list, 1, 0, pair, 2);
  s2 = names (G_LIST_MODEL (list));
  g_assert_cmpstr (s2, ==, "a,c,d,b");
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 2);

  /* Replace an item by itself: the same object survives. */
  ks_account_list_splice (list, 2, 1, &d, 1);
  s3 = names (G_LIST_MODEL (list));
  g_assert_cmpstr (s3, ==, "a,c,d,b");
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);

  ks_account_list_remove (list, 0);
  ks_account_list_insert (list, 3, a);
  s4 = names (G_LIST_MODEL (list));
  g_assert_cmpstr (s4, ==, "c,d,b,a");
  g_assert_true (ks_account_list_find (list, b, &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_true (ks_account_list_get (list, 3) == a);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 4));
  g_assert_cmpuint (ks_account_list_get_length (list), ==, 4);

  /* An empty splice says nothing. */
  change.calls = 0;
  ks_account_list_splice (list, 0, 0, NULL, 0);
  g_assert_cmpuint (change.calls, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/keystone/account-list/splice", test_splice);
  return g_test_run ();
}
