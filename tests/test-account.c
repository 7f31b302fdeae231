/* test-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ks-account.h"
#include "ks-error.h"

static void
test_fold (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Acme", "acme" },
    { "  ACME   Trading  ", "acme trading" },
    { "华东精密制造", "华东精密制造" },
    { "ＡＢＣ", "abc" },           /* full-width letters, as Chinese input methods type them */
    { "Straße", "strasse" },
    { "", "" },
    { "\t\n", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = ks_account_fold (cases[i].in);

      g_test_message ("case %u: “%s”", i, cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

/* ks_account_fold() as its contract states it, with GLib's Unicode tables for every
 * character: NFKC, case folding, white space collapsed and trimmed. */
static char *
reference_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normalized, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
assert_folds_as_reference (const char *text)
{
  g_autofree char *folded = ks_account_fold (text);
  g_autofree char *expected = reference_fold (text);

  if (g_strcmp0 (folded, expected) != 0)
    g_error ("ks_account_fold (“%s”) is “%s”, expected “%s”", text, folded, expected);
}

/* ks_account_fold() takes a short cut for ASCII and CJK ideographs: it must give what
 * the Unicode tables give, for those and for everything around them. */
static void
test_fold_fast_path (void)
{
  static const char * const names[] = {
    "Acme", "  ACME   Corp ", "华东 精密\t制造", "北京HUA康", "㐀㐁 Ext A", "Ｆｕｌｌｗｉｄｔｈ",
    "Müller GmbH", "ÉCOLE", "Straße", "ﬁnance", "ǅemal", "中文（括号）", "龥 end", "ꀀ Yi",
    "Ωmega", "e\xcc\x81t\xc3\xa9", "tab\there", "한국", "ｶﾀｶﾅ", "①②", "x\xe3\x80\x80y",
    "\xe4\xb8\xad\xcc\x81", "A\xe4\xb8", "\xe4\xb8", "\xff", "\xe9\xbf\xbf", "\xe3\x90\x80",
    "\xed\xa0\x80", "\xe0\x80\x80", "\xe3\x8f\xbf", "\xea\x80\x80", "\xef\xbc\xa1", "",
    "\t\n\v\f\r ", "MiXeD 中 Case\r\n",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_folds_as_reference (names[i]);

  /* every ASCII character, and every code point the short cut takes and its
   * neighbours, between letters and spaces */
  for (gunichar c = 1; c < 0x80; c++)
    {
      g_string_printf (text, " A%cb ", (char) c);
      assert_folds_as_reference (text->str);
    }
  for (gunichar c = 0x3300; c <= 0xa0ff; c++)
    {
      if (!g_unichar_validate (c))
        continue;
      g_string_assign (text, " X ");
      g_string_append_unichar (text, c);
      g_string_append (text, "Y  z ");
      assert_folds_as_reference (text->str);
    }

  g_string_free (text, TRUE);
}

static void
test_matches (void)
{
  g_autoptr(KsAccount) account = ks_account_new ();
  static const struct { const char *query; gboolean match; } cases[] = {
    { "", TRUE },
    { "northwind", TRUE },
    { "NORTHWIND", TRUE },
    { "wind log", TRUE },
    { "华东", FALSE },
    { "northwinds", FALSE },
  };

  ks_account_set_name (account, "Northwind  Logistics Ltd");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = ks_account_fold (cases[i].query);

      g_test_message ("case %u: “%s”", i, cases[i].query);
      g_assert_cmpint (ks_account_matches (account, query), ==, cases[i].match);
    }

  ks_account_set_name (account, "华东精密制造有限公司");
  g_assert_true (ks_account_matches (account, "精密"));
}

static void
test_validate (void)
{
  g_autoptr(KsAccount) account = ks_account_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_notes = NULL;

  g_assert_false (ks_account_validate (account, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);

  ks_account_set_name (account, "Acme");
  g_assert_true (ks_account_validate (account, &error));
  g_assert_no_error (error);

  ks_account_set_annual_purchases (account, -1);
  g_assert_false (ks_account_validate (account, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  ks_account_set_annual_purchases (account, 0);

  ks_account_set_revenue_share (account, 100.5);
  g_assert_false (ks_account_validate (account, &error));
  g_clear_error (&error);
  ks_account_set_revenue_share (account, 100);

  ks_account_set_currency (account, "XYZ");
  g_assert_false (ks_account_validate (account, &error));
  g_clear_error (&error);
  ks_account_set_currency (account, "USD");

  ks_account_set_rating (account, KS_CRITERION_GROWTH, 6);
  g_assert_false (ks_account_validate (account, &error));
  g_clear_error (&error);
  ks_account_set_rating (account, KS_CRITERION_GROWTH, 5);

  /* A 10 MB note is refused with a message, not stored. */
  long_notes = g_strnfill (10 * 1024 * 1024, 'x');
  ks_account_set_notes (account, long_notes);
  g_assert_false (ks_account_validate (account, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "100000"));
  g_clear_error (&error);

  ks_account_set_notes (account, "短备注");
  g_assert_true (ks_account_validate (account, NULL));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (names->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_scores_and_override (void)
{
  g_autoptr(KsAccount) account = ks_account_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  KsScoringRules rules;

  ks_scoring_rules_init_default (&rules);
  for (guint c = 0; c < KS_N_CRITERIA; c++)
    ks_account_set_rating (account, c, 5);

  g_signal_connect (account, "notify", G_CALLBACK (count_notify), names);
  ks_account_apply_scores (account, &rules, 50, 50);
  g_assert_cmpfloat_with_epsilon (ks_account_get_ka_score (account), 100, 1e-9);
  g_assert_cmpint (ks_account_get_tier (account), ==, KS_TIER_CORE);
  g_assert_cmpint (ks_account_get_quadrant (account), ==, KS_QUADRANT_STRATEGIC);
  g_assert_true (has_name (names, "ka-score"));
  g_assert_true (has_name (names, "tier"));
  g_assert_true (has_name (names, "quadrant"));

  /* Same scores again: nothing to announce. */
  g_ptr_array_set_size (names, 0);
  ks_account_apply_scores (account, &rules, 50, 50);
  g_assert_cmpuint (names->len, ==, 0);

  ks_account_set_tier_override (account, KS_TIER_DEVELOPING);
  g_assert_cmpint (ks_account_get_tier (account), ==, KS_TIER_DEVELOPING);
  g_assert_cmpint (ks_account_get_scored_tier (account), ==, KS_TIER_CORE);
  g_assert_true (has_name (names, "tier"));
}

static void
test_copy_assign (void)
{
  g_autoptr(KsAccount) account = ks_account_new ();
  g_autoptr(KsAccount) copy = NULL;

  ks_account_set_id (account, 42);
  ks_account_set_name (account, "Helios Medical GmbH");
  ks_account_set_owner (account, "Emily Chen");
  ks_account_set_currency (account, "EUR");
  ks_account_set_annual_purchases (account, 123456789);
  ks_account_set_rating (account, KS_CRITERION_STABILITY, 3);
  ks_account_set_tier_override (account, KS_TIER_KEY);

  copy = ks_account_copy (account);
  g_assert_cmpint (ks_account_get_id (copy), ==, 42);
  g_assert_cmpstr (ks_account_get_name (copy), ==, "Helios Medical GmbH");
  g_assert_cmpstr (ks_account_get_name_key (copy), ==, "helios medical gmbh");
  g_assert_cmpstr (ks_account_get_currency (copy), ==, "EUR");
  g_assert_cmpint (ks_account_get_annual_purchases (copy), ==, 123456789);
  g_assert_cmpuint (ks_account_get_rating (copy, KS_CRITERION_STABILITY), ==, 3);
  g_assert_cmpint (ks_account_get_tier_override (copy), ==, KS_TIER_KEY);

  ks_account_set_name (copy, "Helios Medical AG");
  g_assert_cmpstr (ks_account_get_name (account), ==, "Helios Medical GmbH");
  ks_account_assign (account, copy);
  g_assert_cmpstr (ks_account_get_name (account), ==, "Helios Medical AG");
}

/* What the store builds when it reads a portfolio: the same account as one made with
 * the setters and scored, and nothing announced on the way. */
static void
test_new_from_row (void)
{
  g_autoptr(KsAccount) expected = ks_account_new ();
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(KsAccount) copy = NULL;
  KsScoringRules rules;
  KsAccountRow row = { 0, };

  ks_scoring_rules_init_default (&rules);
  row.name = (char *) "  华东 Precision  ";
  row.industry = (char *) "Manufacturing";
  row.region = NULL;
  row.owner = (char *) "王磊";
  row.notes = (char *) "Line one\nline two";
  strcpy (row.currency, "EUR");
  row.annual_purchases = 123456789;
  row.profit_contribution = 12.5;
  row.revenue_share = 3.25;
  for (guint c = 0; c < KS_N_CRITERIA; c++)
    row.ratings[c] = (c * 2) % (KS_RATING_MAX + 1);
  row.tier_override = KS_TIER_KEY;

  account = ks_account_new_from_row (42, &row, &rules, 40, 60);

  ks_account_set_id (expected, 42);
  ks_account_set_name (expected, row.name);
  ks_account_set_industry (expected, row.industry);
  ks_account_set_owner (expected, row.owner);
  ks_account_set_notes (expected, row.notes);
  ks_account_set_currency (expected, row.currency);
  ks_account_set_annual_purchases (expected, row.annual_purchases);
  ks_account_set_profit_contribution (expected, row.profit_contribution);
  ks_account_set_revenue_share (expected, row.revenue_share);
  for (guint c = 0; c < KS_N_CRITERIA; c++)
    ks_account_set_rating (expected, c, row.ratings[c]);
  ks_account_set_tier_override (expected, row.tier_override);
  ks_account_apply_scores (expected, &rules, 40, 60);

  g_assert_cmpint (ks_account_get_id (account), ==, 42);
  g_assert_cmpstr (ks_account_get_name (account), ==, ks_account_get_name (expected));
  g_assert_cmpstr (ks_account_get_name_key (account), ==, "华东 precision");
  g_assert_cmpstr (ks_account_get_industry (account), ==, "Manufacturing");
  g_assert_cmpstr (ks_account_get_region (account), ==, "");
  g_assert_cmpstr (ks_account_get_owner (account), ==, "王磊");
  g_assert_cmpstr (ks_account_get_notes (account), ==, row.notes);
  g_assert_cmpstr (ks_account_get_currency (account), ==, "EUR");
  g_assert_cmpint (ks_account_get_annual_purchases (account), ==, 123456789);
  g_assert_cmpfloat (ks_account_get_profit_contribution (account), ==, 12.5);
  g_assert_cmpfloat (ks_account_get_revenue_share (account), ==, 3.25);
  g_assert_cmpmem (ks_account_get_ratings (account), KS_N_CRITERIA,
                   ks_account_get_ratings (expected), KS_N_CRITERIA);
  g_assert_cmpint (ks_account_get_tier_override (account), ==, KS_TIER_KEY);
  g_assert_cmpfloat (ks_account_get_ka_score (account), ==, ks_account_get_ka_score (expected));
  g_assert_cmpfloat (ks_account_get_value_score (account), ==,
                     ks_account_get_value_score (expected));
  g_assert_cmpfloat (ks_account_get_growth_score (account), ==,
                     ks_account_get_growth_score (expected));
  g_assert_cmpint (ks_account_get_tier (account), ==, KS_TIER_KEY);
  g_assert_cmpint (ks_account_get_scored_tier (account), ==,
                   ks_account_get_scored_tier (expected));
  g_assert_cmpint (ks_account_get_quadrant (account), ==, ks_account_get_quadrant (expected));

  /* scored already: the same rules again change nothing */
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    g_signal_connect (account, "notify", G_CALLBACK (count_notify), names);
    ks_account_apply_scores (account, &rules, 40, 60);
    g_assert_cmpuint (names->len, ==, 0);
    g_signal_handlers_disconnect_by_func (account, count_notify, names);
  }

  /* its texts are its own, and outlive the row's */
  copy = ks_account_copy (account);
  ks_account_set_name (copy, "Renamed");
  g_assert_cmpstr (ks_account_get_name (account), ==, row.name);
  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&account));

  /* a new account's empty texts are shared; replacing and freeing them is safe */
  {
    KsAccount *fresh = ks_account_new ();

    g_assert_cmpstr (ks_account_get_name (fresh), ==, "");
    g_assert_cmpstr (ks_account_get_currency (fresh), ==, "CNY");
    ks_account_set_industry (fresh, "Retail");
    ks_account_set_currency (fresh, "USD");
    ks_account_set_name (fresh, "A");
    g_assert_finalize_object (fresh);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/account/fold", test_fold);
  g_test_add_func ("/keystone/account/fold-fast-path", test_fold_fast_path);
  g_test_add_func ("/keystone/account/matches", test_matches);
  g_test_add_func ("/keystone/account/validate", test_validate);
  g_test_add_func ("/keystone/account/scores-and-override", test_scores_and_override);
  g_test_add_func ("/keystone/account/copy-assign", test_copy_assign);
  g_test_add_func ("/keystone/account/new-from-row", test_new_from_row);

  return g_test_run ();
}
