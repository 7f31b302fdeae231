/* test-import.c — CSV import and export: headers, rows, duplicates, round trips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ks-cli.h"
#include "ks-error.h"
#include "ks-import.h"
#include "ks-money.h"
#include "ks-store.h"

#define BOM "\xef\xbb\xbf"

typedef struct
{
  char *dir;
  char *db_path;
  KsStore *store;
} Fixture;

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("keystone-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "keystone.db", NULL);
  f->store = ks_store_open (f->db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db_path, g_free);
}

/* Helpers */

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Imports @contents; asserts that reading worked and returns the result. */
static KsImportResult *
import_text (Fixture      *f,
             const char   *contents,
             KsDuplicates  duplicates,
             gboolean      valid_rows_only)
{
  g_autofree char *path = write_file (f, "in.csv", contents);
  g_autoptr(KsImport) import = NULL;
  g_autoptr(GError) error = NULL;
  KsImportResult *result = NULL;

  import = ks_import_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ks_import_run (import, f->store, duplicates, valid_rows_only, NULL, NULL, NULL,
                                &result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (ks_store_reload_accounts (f->store, &error));
  g_assert_no_error (error);

  return result;
}

static KsAccount *
find (Fixture    *f,
      const char *name)
{
  KsAccount *account = ks_store_find_account_by_name (f->store, name);

  if (account == NULL)
    g_error ("no account named “%s”", name);
  return account;
}

/* Every account of the file at @db_path, as an export of a separate store writes it. */
static GBytes *
account_list (Fixture    *f,
              const char *db_path)
{
  g_autoptr(KsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "list.csv", NULL);
  char *contents = NULL;
  gsize length = 0;

  store = ks_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ks_export_csv (ks_store_get_accounts (store), out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
  g_remove (out);

  return g_bytes_new_take (contents, length);
}

static const KsImportProblem *
problem_at (KsImportResult *result,
            guint           index)
{
  g_assert_cmpuint (index, <, result->problems->len);
  return g_ptr_array_index (result->problems, index);
}

static void
assert_no_problems (KsImportResult *result)
{
  if (result->problems->len > 0)
    {
      const KsImportProblem *problem = g_ptr_array_index (result->problems, 0);

      g_error ("line %" G_GUINT64_FORMAT ", column %u: %s", problem->line, problem->column,
               problem->message);
    }
}

#define HEADER "Name,Industry,Region,Owner,Currency,Annual purchases,Profit contribution (%)," \
               "Share of our revenue (%),Notes,Tier override,Need fit rating\n"

/* Headers */

static void
test_header_match (void)
{
  static const struct {
    const char *header;
    KsColumn column;
  } cases[] = {
    { "Name", KS_COLUMN_NAME },
    { "name", KS_COLUMN_NAME },
    { "  NAME  ", KS_COLUMN_NAME },
    { "Account name", KS_COLUMN_NAME },
    { "account_name", KS_COLUMN_NAME },
    { "Customer", KS_COLUMN_NAME },
    { "Company", KS_COLUMN_NAME },
    { "客户名称", KS_COLUMN_NAME },
    { "客户", KS_COLUMN_NAME },
    { "名称", KS_COLUMN_NAME },
    { "公司名称", KS_COLUMN_NAME },
    { "客户 名称", KS_COLUMN_NAME },
    { "Industry", KS_COLUMN_INDUSTRY },
    { "行业", KS_COLUMN_INDUSTRY },
    { "Region", KS_COLUMN_REGION },
    { "area", KS_COLUMN_REGION },
    { "区域", KS_COLUMN_REGION },
    { "地区", KS_COLUMN_REGION },
    { "Owner", KS_COLUMN_OWNER },
    { "Account Manager", KS_COLUMN_OWNER },
    { "负责人", KS_COLUMN_OWNER },
    { "客户经理", KS_COLUMN_OWNER },
    { "Currency", KS_COLUMN_CURRENCY },
    { "币种", KS_COLUMN_CURRENCY },
    { "货币", KS_COLUMN_CURRENCY },
    { "Annual purchases", KS_COLUMN_ANNUAL_PURCHASES },
    { "annual  PURCHASES", KS_COLUMN_ANNUAL_PURCHASES },
    { "annual_purchases", KS_COLUMN_ANNUAL_PURCHASES },
    { "Annual-Purchases", KS_COLUMN_ANNUAL_PURCHASES },
    { "AnnualPurchases", KS_COLUMN_ANNUAL_PURCHASES },
    { "Purchases", KS_COLUMN_ANNUAL_PURCHASES },
    { "Annual revenue", KS_COLUMN_ANNUAL_PURCHASES },
    { "Annual purchases (USD)", KS_COLUMN_ANNUAL_PURCHASES },
    { "年采购额", KS_COLUMN_ANNUAL_PURCHASES },
    { "年采购额（元）", KS_COLUMN_ANNUAL_PURCHASES },
    { "采购额", KS_COLUMN_ANNUAL_PURCHASES },
    { "年销售额", KS_COLUMN_ANNUAL_PURCHASES },
    { "Profit contribution", KS_COLUMN_PROFIT_CONTRIBUTION },
    { "Profit contribution (%)", KS_COLUMN_PROFIT_CONTRIBUTION },
    { "profit contribution %", KS_COLUMN_PROFIT_CONTRIBUTION },
    { "利润贡献", KS_COLUMN_PROFIT_CONTRIBUTION },
    { "利润贡献（%）", KS_COLUMN_PROFIT_CONTRIBUTION },
    { "利润贡献(％)", KS_COLUMN_PROFIT_CONTRIBUTION },
    { "Share of our revenue (%)", KS_COLUMN_REVENUE_SHARE },
    { "Revenue share", KS_COLUMN_REVENUE_SHARE },
    { "营收占比", KS_COLUMN_REVENUE_SHARE },
    { "占我方营收比重（%）", KS_COLUMN_REVENUE_SHARE },
    { "Notes", KS_COLUMN_NOTES },
    { "Remarks", KS_COLUMN_NOTES },
    { "备注", KS_COLUMN_NOTES },
    { "Tier override", KS_COLUMN_TIER_OVERRIDE },
    { "Manual tier", KS_COLUMN_TIER_OVERRIDE },
    { "手动分级", KS_COLUMN_TIER_OVERRIDE },
    { "Need fit rating", KS_COLUMN_RATING_FIRST + KS_CRITERION_NEED_FIT },
    { "need_fit_rating", KS_COLUMN_RATING_FIRST + KS_CRITERION_NEED_FIT },
    { "r_need_fit", KS_COLUMN_RATING_FIRST + KS_CRITERION_NEED_FIT },
    { "需求匹配度评分", KS_COLUMN_RATING_FIRST + KS_CRITERION_NEED_FIT },
    { "Annual purchases rating", KS_COLUMN_RATING_FIRST + KS_CRITERION_PURCHASES },
    { "年采购额评分", KS_COLUMN_RATING_FIRST + KS_CRITERION_PURCHASES },
    { "Growth expectation (3–5 years) rating", KS_COLUMN_RATING_FIRST + KS_CRITERION_GROWTH },
    { "Growth expectation (3-5 years) rating", KS_COLUMN_RATING_FIRST + KS_CRITERION_GROWTH },
    { "增长预期（3–5年）评分", KS_COLUMN_RATING_FIRST + KS_CRITERION_GROWTH },
    { "Stability rating", KS_COLUMN_RATING_FIRST + KS_CRITERION_STABILITY },
    { "合作稳定性评分", KS_COLUMN_RATING_FIRST + KS_CRITERION_STABILITY },
    { "KA score", KS_COLUMN_KA_SCORE },
    { "大客户评分", KS_COLUMN_KA_SCORE },
    { "Tier", KS_COLUMN_TIER },
    { "客户分级", KS_COLUMN_TIER },
    { "Quadrant", KS_COLUMN_QUADRANT },
    { "象限", KS_COLUMN_QUADRANT },
    { "Phone", KS_COLUMN_IGNORE },
    { "电话", KS_COLUMN_IGNORE },
    { "", KS_COLUMN_IGNORE },
    { "   ", KS_COLUMN_IGNORE },
    { "%", KS_COLUMN_IGNORE },
    { "()", KS_COLUMN_IGNORE },
    { "Name of the owner", KS_COLUMN_IGNORE },
    { "Need fit", KS_COLUMN_IGNORE },   /* a rating needs “rating”: “Annual purchases” is money */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsColumn column = ks_column_match_header (cases[i].header);

      if (column != cases[i].column)
        g_error ("“%s” matched column %d, expected %d", cases[i].header, column,
                 cases[i].column);
    }

  g_assert_false (ks_column_is_computed (KS_COLUMN_NAME));
  g_assert_false (ks_column_is_computed (KS_COLUMN_RATING_LAST));
  g_assert_true (ks_column_is_computed (KS_COLUMN_KA_SCORE));
  g_assert_true (ks_column_is_computed (KS_COLUMN_TIER));
  g_assert_true (ks_column_is_computed (KS_COLUMN_QUADRANT));
  g_assert_false (ks_column_is_computed (KS_COLUMN_IGNORE));
}

/* Export writes ks_column_get_label() in the UI language; import reads them back in
 * English and in Chinese, whichever language exported. */
static void
test_header_labels (void)
{
  /* What zh_CN export writes: the glossary's terms. */
  static const char * const chinese[KS_N_COLUMNS] = {
    "客户名称", "行业", "区域", "负责人", "币种", "年采购额", "利润贡献（%）",
    "占我方营收比重（%）", "备注", "手动分级",
    "年采购额评分", "利润贡献评分", "占我方营收比重评分", "行业影响力评分", "标杆效应评分",
    "渠道价值评分", "需求匹配度评分", "增长预期（3–5年）评分", "合作年限评分", "沟通层级评分",
    "合作稳定性评分",
    "大客户评分", "客户分级", "象限",
  };
  static const char * const english[KS_N_COLUMNS] = {
    "Name", "Industry", "Region", "Owner", "Currency", "Annual purchases",
    "Profit contribution (%)", "Share of our revenue (%)", "Notes", "Tier override",
    "Annual purchases rating", "Profit contribution rating", "Share of our revenue rating",
    "Industry influence rating", "Benchmark effect rating", "Channel value rating",
    "Need fit rating", "Growth expectation (3–5 years) rating", "Years of cooperation rating",
    "Contact level rating", "Stability rating",
    "KA score", "Tier", "Quadrant",
  };

  for (KsColumn c = 0; c < KS_N_COLUMNS; c++)
    {
      const char *label = ks_column_get_label (c);
      g_autofree char *key = g_strdup_printf ("r_%s",
                                              c >= KS_COLUMN_RATING_FIRST &&
                                              c <= KS_COLUMN_RATING_LAST
                                              ? ks_criterion_get_key (c - KS_COLUMN_RATING_FIRST)
                                              : "");

      g_assert_cmpstr (label, ==, english[c]);
      g_assert_cmpint (ks_column_match_header (label), ==, c);
      g_assert_cmpint (ks_column_match_header (english[c]), ==, c);
      if (ks_column_match_header (chinese[c]) != c)
        g_error ("“%s” does not match column %d", chinese[c], c);
      if (c >= KS_COLUMN_RATING_FIRST && c <= KS_COLUMN_RATING_LAST)
        g_assert_cmpint (ks_column_match_header (key), ==, c);
    }

  g_test_expect_message ("Keystone", G_LOG_LEVEL_CRITICAL, "*column*");
  g_assert_null (ks_column_get_label (KS_COLUMN_IGNORE));
  g_test_assert_expected_messages ();
}

/* Opening: encoding, separator, headers, mapping guessed, preview */

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(KsImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *preview;
  GString *text = g_string_new (BOM "客户名称;年采购额;Phone;;\r\n\r\n");

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (text, "客户%u;%u万;555-%u;;\r\n", i, i, i);
  path = write_file (f, "open.csv", text->str);
  g_string_free (text, TRUE);

  import = ks_import_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_import_get_encoding (import), ==, KS_CSV_ENCODING_UTF8);
  g_assert_cmpint (ks_import_get_separator (import), ==, ';');
  /* trailing empty columns dropped */
  g_assert_cmpuint (ks_import_get_n_columns (import), ==, 3);
  g_assert_cmpstr (ks_import_get_header (import, 0), ==, "客户名称");
  g_assert_cmpint (ks_import_get_mapping (import, 0), ==, KS_COLUMN_NAME);
  g_assert_cmpint (ks_import_get_mapping (import, 1), ==, KS_COLUMN_ANNUAL_PURCHASES);
  g_assert_cmpint (ks_import_get_mapping (import, 2), ==, KS_COLUMN_IGNORE);

  preview = ks_import_get_preview (import);
  g_assert_cmpuint (preview->len, ==, KS_IMPORT_PREVIEW_ROWS);
  g_assert_cmpstr (((char **) g_ptr_array_index (preview, 0))[0], ==, "客户0");
  g_assert_cmpstr (((char **) g_ptr_array_index (preview, 19))[1], ==, "19万");
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (preview, 19)), ==, 3);

  g_assert_true (ks_import_check_mapping (import, &error));
  g_assert_no_error (error);
}

static void
test_open_refused (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *contents;
    const char *in_message;
  } cases[] = {
    { "empty", "", "empty" },
    { "blank lines", "\r\n\n\r\n", "empty" },
    { "unterminated quote in the preview", "Name\n\"Acme\nmore\n", "2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (f, "refused.csv", cases[i].contents);
      g_autoptr(GError) error = NULL;
      g_autoptr(KsImport) import = ks_import_open (path, NULL, &error);

      if (import != NULL || error == NULL)
        g_error ("case %s: opened", cases[i].name);
      if (strstr (error->message, cases[i].in_message) == NULL)
        g_error ("case %s: message “%s” lacks “%s”", cases[i].name, error->message,
                 cases[i].in_message);
    }

  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_null (ks_import_open (missing, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

static void
test_check_mapping (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = write_file (f, "map.csv", "Company,Customer,Phone,KA score,Tier\n"
                                                    "Acme,ACME Corp,555,80,Core\n");
  g_autoptr(KsImport) import = NULL;
  g_autoptr(KsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  import = ks_import_open (path, NULL, &error);
  g_assert_no_error (error);

  /* two names */
  g_assert_false (ks_import_check_mapping (import, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Company”"));
  g_assert_nonnull (strstr (error->message, "“Customer”"));
  g_clear_error (&error);
  g_assert_false (ks_import_run (import, f->store, KS_DUPLICATES_SKIP, FALSE, NULL, NULL, NULL,
                                 &result, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_null (result);
  g_clear_error (&error);

  /* no name */
  ks_import_set_mapping (import, 0, KS_COLUMN_IGNORE);
  ks_import_set_mapping (import, 1, KS_COLUMN_NOTES);
  g_assert_false (ks_import_check_mapping (import, &error));
  g_assert_nonnull (strstr (error->message, "“Name”"));
  g_clear_error (&error);

  /* fixed by hand; computed columns may appear more than once */
  ks_import_set_mapping (import, 0, KS_COLUMN_NAME);
  ks_import_set_mapping (import, 2, KS_COLUMN_TIER);
  g_assert_true (ks_import_check_mapping (import, &error));
  g_assert_no_error (error);

  g_assert_true (ks_import_run (import, f->store, KS_DUPLICATES_SKIP, FALSE, NULL, NULL, NULL,
                                &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 1);
  g_assert_cmpuint (result->ignored_headers->len, ==, 0);
  ks_store_reload_accounts (f->store, NULL);
  g_assert_cmpstr (ks_account_get_notes (find (f, "Acme")), ==, "ACME Corp");
}

/* Rows */

static void
test_rows_good (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KsImportResult) result = NULL;
  KsAccount *a;

  result = import_text (f,
                        HEADER
                        /* everything */
                        "Acme,Retail,North,Ann,USD,\"$1,234.50\",12.5%,7,note,Core,4\n"
                        /* spaces around, lower-case currency, Chinese tier */
                        "  Globex  , Energy , South , Bob , eur , 1000 , 3 , 0.5 , x ,核心级, 5 \n"
                        /* empty cells: defaults; currency: the store's */
                        "Initech,,,,,,,,,,\n"
                        /* fewer fields than columns */
                        "Hooli,Tech\n"
                        /* neutralised cells */
                        "'=SUM(A1),'-dash,'+plus,'@at,CNY,1,,,\"'=note\",,\n"
                        /* an apostrophe that neutralises nothing stays */
                        "'quoted,'Retail,,,,,,,,,\n"
                        /* trailing empty cells past the header */
                        "Umbrella,,,,,,,,,,,,,\n"
                        /* all-empty rows are skipped */
                        ",,,,,,,,,,\n"
                        "\n"
                        /* fullwidth digits, 万 */
                        "万科,地产,华南,王磊,CNY,１２０万,５％,,,重点级,0\n",
                        KS_DUPLICATES_SKIP, FALSE);

  assert_no_problems (result);
  g_assert_cmpuint (result->imported, ==, 8);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 8);

  a = find (f, "Acme");
  g_assert_cmpstr (ks_account_get_industry (a), ==, "Retail");
  g_assert_cmpstr (ks_account_get_region (a), ==, "North");
  g_assert_cmpstr (ks_account_get_owner (a), ==, "Ann");
  g_assert_cmpstr (ks_account_get_currency (a), ==, "USD");
  g_assert_cmpint (ks_account_get_annual_purchases (a), ==, 123450);
  g_assert_cmpfloat (ks_account_get_profit_contribution (a), ==, 12.5);
  g_assert_cmpfloat (ks_account_get_revenue_share (a), ==, 7);
  g_assert_cmpstr (ks_account_get_notes (a), ==, "note");
  g_assert_cmpint (ks_account_get_tier_override (a), ==, KS_TIER_CORE);
  g_assert_cmpuint (ks_account_get_rating (a, KS_CRITERION_NEED_FIT), ==, 4);
  g_assert_cmpuint (ks_account_get_rating (a, KS_CRITERION_PURCHASES), ==, 0);

  a = find (f, "Globex");
  g_assert_cmpstr (ks_account_get_name (a), ==, "Globex");
  g_assert_cmpstr (ks_account_get_industry (a), ==, "Energy");
  g_assert_cmpstr (ks_account_get_currency (a), ==, "EUR");
  g_assert_cmpint (ks_account_get_annual_purchases (a), ==, 100000);
  g_assert_cmpfloat (ks_account_get_revenue_share (a), ==, 0.5);
  g_assert_cmpstr (ks_account_get_notes (a), ==, " x ");
  g_assert_cmpint (ks_account_get_tier_override (a), ==, KS_TIER_CORE);
  g_assert_cmpuint (ks_account_get_rating (a, KS_CRITERION_NEED_FIT), ==, 5);

  a = find (f, "Initech");
  g_assert_cmpstr (ks_account_get_currency (a), ==, ks_store_get_default_currency (f->store));
  g_assert_cmpint (ks_account_get_annual_purchases (a), ==, 0);
  g_assert_cmpint (ks_account_get_tier_override (a), ==, KS_TIER_NONE);

  g_assert_cmpstr (ks_account_get_industry (find (f, "Hooli")), ==, "Tech");

  a = find (f, "=SUM(A1)");
  g_assert_cmpstr (ks_account_get_industry (a), ==, "-dash");
  g_assert_cmpstr (ks_account_get_region (a), ==, "+plus");
  g_assert_cmpstr (ks_account_get_owner (a), ==, "@at");
  g_assert_cmpint (ks_account_get_annual_purchases (a), ==, 100);
  g_assert_cmpstr (ks_account_get_notes (a), ==, "=note");

  g_assert_cmpstr (ks_account_get_industry (find (f, "'quoted")), ==, "'Retail");
  g_assert_nonnull (find (f, "Umbrella"));

  a = find (f, "万科");
  g_assert_cmpint (ks_account_get_annual_purchases (a), ==, G_GINT64_CONSTANT (120000000));
  g_assert_cmpfloat (ks_account_get_profit_contribution (a), ==, 5);
  g_assert_cmpint (ks_account_get_tier_override (a), ==, KS_TIER_KEY);
}

static void
test_rows_bad (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *row;
    guint column;          /* 1-based; 0 for the whole row */
    const char *header;    /* NULL for none */
    const char *in_message;
  } cases[] = {
    { "no name", ",Retail,,,,,,,,,", 1, "Name", "name is missing" },
    { "blank name", "   ,Retail,,,,,,,,,", 1, "Name", "name is missing" },
    { "ideographic space name", "\xe3\x80\x80,Retail,,,,,,,,,", 1, "Name", "name is missing" },
    { "short row without name", "", 0, NULL, NULL },   /* all empty: skipped, see below */
    { "long name", NULL, 1, "Name", "at most 200" },
    { "long industry", NULL, 2, "Industry", "at most 200" },
    { "unknown currency", "A,,,,XYZ,,,,,,", 5, "Currency", "CNY, USD" },
    { "currency symbol", "A,,,,¥,,,,,,", 5, "Currency", "not a currency" },
    { "letters for an amount", "A,,,,,abc,,,,,", 6, "Annual purchases", "“abc”" },
    { "million abbreviated", "A,,,,,1.2M,,,,,", 6, "Annual purchases", "ambiguous" },
    { "decimal comma", "A,,,,,\"1,2\",,,,,", 6, "Annual purchases", "groups of three" },
    { "indian grouping", "A,,,,,\"12,34,567\",,,,,", 6, "Annual purchases", "groups of three" },
    { "negative amount", "A,,,,,-5,,,,,", 6, "Annual purchases", "negative" },
    { "yen decimals", "A,,,,JPY,1.5,,,,,", 6, "Annual purchases", "no decimals" },
    { "too fine", "A,,,,,1.2345678万,,,,,", 6, "Annual purchases", "more decimals" },
    { "percentage above 100", "A,,,,,,101,,,,", 7, "Profit contribution (%)", "above 100" },
    { "percentage with comma", "A,,,,,,,\"12,5\",,,", 8, "Share of our revenue (%)",
      "not a percentage" },
    { "unknown tier", "A,,,,,,,,,Gold,", 10, "Tier override", "Core, Key, Developing" },
    { "rating 6", "A,,,,,,,,,,6", 11, "Need fit rating", "0 to 5" },
    { "rating -1", "A,,,,,,,,,,-1", 11, "Need fit rating", "0 to 5" },
    { "rating 2.5", "A,,,,,,,,,,2.5", 11, "Need fit rating", "whole number" },
    { "rating letters", "A,,,,,,,,,,high", 11, "Need fit rating", "“high”" },
    { "extra field", "A,,,,,,,,,,,,surprise", 13, NULL, "past the last column" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KsImportResult) result = NULL;
      g_autoptr(GString) text = g_string_new (HEADER "Fine,,,,,,,,,,\n");
      g_autofree char *long_text = g_strnfill (201, 'x');
      const KsImportProblem *problem;

      if (cases[i].row == NULL && cases[i].column == 1)
        g_string_append_printf (text, "%s,,,,,,,,,,\n", long_text);
      else if (cases[i].row == NULL)
        g_string_append_printf (text, "A,%s,,,,,,,,,\n", long_text);
      else
        g_string_append_printf (text, "%s\n", cases[i].row);

      result = import_text (f, text->str, KS_DUPLICATES_SKIP, FALSE);

      if (cases[i].in_message == NULL)
        {
          g_assert_cmpuint (result->problems->len, ==, 0);
          g_assert_cmpuint (result->imported, ==, 1);
          g_assert_true (ks_store_delete_account (f->store, find (f, "Fine"), NULL));
          continue;
        }

      if (result->problems->len != 1)
        g_error ("case %s: %u problems", cases[i].name, result->problems->len);
      problem = problem_at (result, 0);
      g_assert_cmpuint (problem->line, ==, 3);
      if (problem->column != cases[i].column)
        g_error ("case %s: column %u", cases[i].name, problem->column);
      g_assert_cmpstr (problem->header, ==, cases[i].header);
      if (strstr (problem->message, cases[i].in_message) == NULL)
        g_error ("case %s: message “%s” lacks “%s”", cases[i].name, problem->message,
                 cases[i].in_message);

      /* nothing written, not even the fine row */
      g_assert_cmpuint (result->imported, ==, 0);
      g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 0);
    }
}

/* Several problems in one row, in several rows, with the physical line numbers of a
 * file with quoted line breaks. */
static void
test_rows_several_problems (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KsImportResult) result = NULL;
  const KsImportProblem *problem;

  result = import_text (f,
                        HEADER
                        "Good,,,,,,,,\"two\nlines\",,\n"
                        ",,,,XYZ,abc,200,,,,9\n"
                        "\n"
                        "Also good,,,,,,,,,,\n"
                        "Bad rating,,,,,,,,,,x,,more\n",
                        KS_DUPLICATES_SKIP, FALSE);

  g_assert_cmpuint (result->problems->len, ==, 7);
  g_assert_cmpuint (result->imported, ==, 0);

  /* line 4: currency first (the amounts depend on it), then column order */
  problem = problem_at (result, 0);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpuint (problem->column, ==, 5);
  problem = problem_at (result, 1);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpuint (problem->column, ==, 1);
  g_assert_cmpstr (problem->header, ==, "Name");
  problem = problem_at (result, 2);
  g_assert_cmpuint (problem->column, ==, 6);
  problem = problem_at (result, 3);
  g_assert_cmpuint (problem->column, ==, 7);
  problem = problem_at (result, 4);
  g_assert_cmpuint (problem->column, ==, 11);

  problem = problem_at (result, 5);
  g_assert_cmpuint (problem->line, ==, 7);
  g_assert_cmpuint (problem->column, ==, 11);
  problem = problem_at (result, 6);
  g_assert_cmpuint (problem->line, ==, 7);
  g_assert_cmpuint (problem->column, ==, 13);
  g_assert_null (problem->header);

  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 0);
}

static void
test_magnitudes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KsImportResult) result = NULL;

  result = import_text (f,
                        "客户名称,币种,年采购额（元）\n"
                        "甲,CNY,120万\n"
                        "乙,CNY,1.5亿\n"
                        "丙,CNY,\"¥3,000万\"\n"
                        "丁,JPY,1.2345万\n"
                        "戊,USD,\"$1,200,000\"\n",
                        KS_DUPLICATES_SKIP, FALSE);

  assert_no_problems (result);
  g_assert_cmpint (ks_account_get_annual_purchases (find (f, "甲")), ==,
                   G_GINT64_CONSTANT (120000000));
  g_assert_cmpint (ks_account_get_annual_purchases (find (f, "乙")), ==,
                   G_GINT64_CONSTANT (15000000000));
  g_assert_cmpint (ks_account_get_annual_purchases (find (f, "丙")), ==,
                   G_GINT64_CONSTANT (3000000000));
  g_assert_cmpint (ks_account_get_annual_purchases (find (f, "丁")), ==, 12345);
  g_assert_cmpint (ks_account_get_annual_purchases (find (f, "戊")), ==, 120000000);
}

/* All or nothing */

static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GString) text = g_string_new (HEADER);
  KsImportResult *result;

  result = import_text (f, HEADER "Existing,,,,,,,,,,\n", KS_DUPLICATES_SKIP, FALSE);
  ks_import_result_free (result);
  before = account_list (f, f->db_path);

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "Account %u,,,,,%u,,,,,%u\n", i, i, i % 6);
  /* one bad row, near the end */
  g_string_append (text, "Broken,,,,,,,,,,7\n");
  g_string_append (text, "Last,,,,,,,,,,\n");

  result = import_text (f, text->str, KS_DUPLICATES_SKIP, FALSE);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_cmpuint (problem_at (result, 0)->line, ==, 3002);
  g_assert_cmpuint (result->imported, ==, 0);
  ks_import_result_free (result);

  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 1);
  after = account_list (f, f->db_path);
  g_assert_true (g_bytes_equal (before, after));

  /* the valid rows only */
  result = import_text (f, text->str, KS_DUPLICATES_SKIP, TRUE);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_cmpuint (result->imported, ==, 3001);
  ks_import_result_free (result);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 3002);
  g_assert_null (ks_store_find_account_by_name (f->store, "Broken"));
  g_assert_nonnull (find (f, "Last"));
}

/* Duplicates */

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  KsImportResult *result;
  KsAccount *acme;
  KsAccount *acme_before;

  result = import_text (f,
                        HEADER
                        "Acme,Retail,North,Ann,USD,100,10,20,first,Key,3\n"
                        "Globex,Energy,,,,,,,,,\n",
                        KS_DUPLICATES_SKIP, FALSE);
  ks_import_result_free (result);
  acme_before = find (f, "Acme");

  /* skip: the existing one, and the second of two equal names in the file */
  result = import_text (f,
                        "Name,Notes\n"
                        "ACME,changed\n"
                        "Newco,one\n"
                        "newco,two\n",
                        KS_DUPLICATES_SKIP, FALSE);
  g_assert_cmpuint (result->imported, ==, 1);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (result->skipped, ==, 2);
  g_assert_cmpuint (result->skipped_reasons->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (result->skipped_reasons, 0), ==,
                   "Line 2: an account named “ACME” already exists; skipped.");
  g_assert_cmpstr (g_ptr_array_index (result->skipped_reasons, 1), ==,
                   "Line 4: an account named “newco” already exists; skipped.");
  ks_import_result_free (result);
  g_assert_cmpstr (ks_account_get_notes (find (f, "Acme")), ==, "first");
  g_assert_cmpstr (ks_account_get_notes (find (f, "Newco")), ==, "one");

  /* update: only the columns of the file; the same object in the model */
  result = import_text (f,
                        "Name,Notes,Need fit rating,Tier override\n"
                        "ACME,changed,5,\n"
                        "Fresh,new,1,Core\n",
                        KS_DUPLICATES_UPDATE, FALSE);
  g_assert_cmpuint (result->imported, ==, 1);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (result->skipped, ==, 0);
  ks_import_result_free (result);

  acme = find (f, "ACME");
  g_assert_true (acme == acme_before);
  g_assert_cmpstr (ks_account_get_name (acme), ==, "ACME");
  g_assert_cmpstr (ks_account_get_notes (acme), ==, "changed");
  g_assert_cmpuint (ks_account_get_rating (acme, KS_CRITERION_NEED_FIT), ==, 5);
  g_assert_cmpint (ks_account_get_tier_override (acme), ==, KS_TIER_NONE);
  /* untouched */
  g_assert_cmpstr (ks_account_get_industry (acme), ==, "Retail");
  g_assert_cmpstr (ks_account_get_owner (acme), ==, "Ann");
  g_assert_cmpstr (ks_account_get_currency (acme), ==, "USD");
  g_assert_cmpint (ks_account_get_annual_purchases (acme), ==, 10000);
  g_assert_cmpfloat (ks_account_get_profit_contribution (acme), ==, 10);
  g_assert_cmpuint (ks_account_get_rating (acme, KS_CRITERION_PURCHASES), ==, 0);

  /* an amount comes with its currency: the default one when the file has none */
  result = import_text (f, "Name,Annual purchases\nacme,5\n", KS_DUPLICATES_UPDATE, FALSE);
  ks_import_result_free (result);
  g_assert_cmpstr (ks_account_get_currency (acme), ==, "CNY");
  g_assert_cmpint (ks_account_get_annual_purchases (acme), ==, 500);

  /* keep: a second account of the same name */
  result = import_text (f, "Name\nGlobex\n", KS_DUPLICATES_KEEP, FALSE);
  g_assert_cmpuint (result->imported, ==, 1);
  ks_import_result_free (result);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 5);
}

/* Cancelled while checking, between the passes or while writing: nothing written. */
typedef struct
{
  GCancellable *cancellable;
  double cancel_at;
  double last;
  guint calls;
  gboolean saw_half;
} ProgressData;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  ProgressData *data = user_data;

  g_assert_cmpfloat (fraction, >=, data->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  data->last = fraction;
  data->calls++;
  /* the end of the first pass is reported as such */
  if (fraction == 0.5)
    data->saw_half = TRUE;
  if (fraction >= data->cancel_at)
    g_cancellable_cancel (data->cancellable);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  /* in the first pass (checking), between the passes, in the second (writing) */
  static const double cancel_at[] = { 0.3, 0.5, 0.8, 2.0 };
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  KsImportResult *result;

  result = import_text (f, HEADER "Existing,,,,,,,,,,\n", KS_DUPLICATES_SKIP, FALSE);
  ks_import_result_free (result);
  before = account_list (f, f->db_path);

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "Account %u,Industry,Region,Owner,CNY,%u,1,2,,,%u\n",
                            i, i, i % 6);
  path = write_file (f, "big.csv", text->str);

  for (guint i = 0; i < G_N_ELEMENTS (cancel_at); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(KsImport) import = NULL;
      g_autoptr(GError) error = NULL;
      ProgressData progress = { cancellable, cancel_at[i], 0, 0, FALSE };
      gboolean ok;

      import = ks_import_open (path, NULL, &error);
      g_assert_no_error (error);
      result = NULL;
      ok = ks_import_run (import, f->store, KS_DUPLICATES_SKIP, FALSE, cancellable,
                          on_progress, &progress, &result, &error);
      g_assert_cmpuint (progress.calls, >, 2);

      if (cancel_at[i] <= 1.0)
        {
          g_assert_false (ok);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_null (result);
          g_assert_true (ks_store_reload_accounts (f->store, NULL));
          g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 1);
          {
            g_autoptr(GBytes) after = account_list (f, f->db_path);

            g_assert_true (g_bytes_equal (before, after));
          }
        }
      else
        {
          /* not cancelled: the whole file, progress to the end */
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpfloat (progress.last, ==, 1.0);
          g_assert_true (progress.saw_half);
          /* both passes report as they go: several calls on each side of the half */
          g_assert_cmpuint (progress.calls, >, 20);
          g_assert_cmpuint (result->imported, ==, 20000);
          ks_import_result_free (result);
        }
    }
}

/* The file changes between the check and the writing: nothing written. */
typedef struct
{
  const char *path;
  const char *replacement;
  gboolean replaced;
} ChangeData;

static void
on_progress_change_file (double   fraction,
                         gpointer user_data)
{
  ChangeData *data = user_data;

  if (fraction >= 0.5 && !data->replaced)
    {
      g_assert_true (g_file_set_contents (data->path, data->replacement, -1, NULL));
      data->replaced = TRUE;
    }
}

static void
test_file_changed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GString) changed = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *path = NULL;
  KsImportResult *result;

  result = import_text (f, HEADER "Existing,,,,,,,,,,\n", KS_DUPLICATES_SKIP, FALSE);
  ks_import_result_free (result);
  before = account_list (f, f->db_path);

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "Account %u,,,,,%u,,,,,%u\n", i, i, i % 6);
  path = write_file (f, "changing.csv", text->str);
  /* the same file, but one row near the end no longer valid */
  changed = g_string_new (text->str);
  g_string_append (changed, "Broken,,,,,,,,,,7\n");

  for (guint valid_only = 0; valid_only < 2; valid_only++)
    {
      g_autoptr(KsImport) import = NULL;
      g_autoptr(GError) error = NULL;
      ChangeData change = { path, changed->str, FALSE };

      g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
      import = ks_import_open (path, NULL, &error);
      g_assert_no_error (error);
      result = NULL;
      g_assert_false (ks_import_run (import, f->store, KS_DUPLICATES_SKIP, valid_only, NULL,
                                     on_progress_change_file, &change, &result, &error));
      g_assert_true (change.replaced);
      g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "changing.csv"));
      g_assert_null (result);

      g_assert_true (ks_store_reload_accounts (f->store, NULL));
      g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 1);
      {
        g_autoptr(GBytes) after = account_list (f, f->db_path);

        g_assert_true (g_bytes_equal (before, after));
      }
    }
}

/* No valid row at all: nothing to write, the database is not even opened for writing. */
static void
test_no_valid_rows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) before = account_list (f, f->db_path);
  g_autoptr(GBytes) after = NULL;
  KsImportResult *result;

  result = import_text (f, HEADER "Broken,,,,,,,,,,7\n,,,,,,,,,,1\n", KS_DUPLICATES_SKIP, TRUE);
  g_assert_cmpuint (result->problems->len, ==, 2);
  g_assert_cmpuint (result->imported, ==, 0);
  ks_import_result_free (result);

  result = import_text (f, HEADER, KS_DUPLICATES_SKIP, FALSE);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->imported, ==, 0);
  ks_import_result_free (result);

  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 0);
  after = account_list (f, f->db_path);
  g_assert_true (g_bytes_equal (before, after));
}

/* The streaming store interface: rows go in one by one, nothing is seen before the
 * commit, and an import that is not committed leaves nothing behind. */
static void
init_row (KsAccountRow *row,
          guint64       line,
          const char   *name)
{
  memset (row, 0, sizeof *row);
  row->line = line;
  row->present = (1u << KS_COLUMN_NAME) | (1u << KS_COLUMN_NOTES);
  row->name = (char *) name;
  row->notes = (char *) "";
  strcpy (row->currency, "CNY");
  row->tier_override = KS_TIER_NONE;
}

static void
test_store_import (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KsStoreImport) import = NULL;
  g_autoptr(KsAccount) existing = ks_account_new ();
  g_autoptr(GBytes) before = NULL;
  KsAccountRow row;
  guint imported = 42, updated = 42, skipped = 42;

  ks_account_set_name (existing, "Acme");
  ks_account_set_notes (existing, "old");
  g_assert_true (ks_store_add_account (f->store, existing, &error));
  g_assert_no_error (error);
  before = account_list (f, f->db_path);

  /* not committed: freed, or aborted, nothing stays */
  for (guint how = 0; how < 2; how++)
    {
      import = ks_store_import_begin (f->store, KS_DUPLICATES_UPDATE, 10, &error);
      g_assert_no_error (error);
      g_assert_nonnull (import);
      init_row (&row, 2, "New one");
      g_assert_true (ks_store_import_add (import, &row, &error));
      init_row (&row, 3, "ACME");
      row.notes = (char *) "changed";
      g_assert_true (ks_store_import_add (import, &row, &error));
      g_assert_no_error (error);
      /* the store's own connection does not see it */
      g_assert_true (ks_store_reload_accounts (f->store, &error));
      g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 1);
      if (how == 1)
        ks_store_import_abort (import);
      g_clear_pointer (&import, ks_store_import_free);
      {
        g_autoptr(GBytes) after = account_list (f, f->db_path);

        g_assert_true (g_bytes_equal (before, after));
      }
    }

  /* a row the database refuses aborts the import: the rows before it are gone too */
  import = ks_store_import_begin (f->store, KS_DUPLICATES_KEEP, 0, &error);
  g_assert_no_error (error);
  init_row (&row, 2, "Fine");
  g_assert_true (ks_store_import_add (import, &row, &error));
  init_row (&row, 3, "Out of range");
  row.ratings[KS_CRITERION_GROWTH] = 9;
  g_assert_false (ks_store_import_add (import, &row, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);
  g_clear_pointer (&import, ks_store_import_free);
  {
    g_autoptr(GBytes) after = account_list (f, f->db_path);

    g_assert_true (g_bytes_equal (before, after));
  }

  /* committed: skip sees the names in the table and the ones added before it */
  import = ks_store_import_begin (f->store, KS_DUPLICATES_SKIP, 0, &error);
  g_assert_no_error (error);
  init_row (&row, 2, " acme ");
  g_assert_true (ks_store_import_add (import, &row, &error));
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %u", i);

      init_row (&row, i + 3, name);
      g_assert_true (ks_store_import_add (import, &row, &error));
      g_assert_no_error (error);
    }
  init_row (&row, 5003, "ACCOUNT 17");
  g_assert_true (ks_store_import_add (import, &row, &error));
  g_assert_true (ks_store_import_commit (import, &imported, &updated, &skipped, reasons,
                                         &error));
  g_assert_no_error (error);
  g_clear_pointer (&import, ks_store_import_free);
  g_assert_cmpuint (imported, ==, 5000);
  g_assert_cmpuint (updated, ==, 0);
  g_assert_cmpuint (skipped, ==, 2);
  g_assert_cmpuint (reasons->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (reasons, 0), ==,
                   "Line 2: an account named “ acme ” already exists; skipped.");
  g_assert_cmpstr (g_ptr_array_index (reasons, 1), ==,
                   "Line 5003: an account named “ACCOUNT 17” already exists; skipped.");

  g_assert_true (ks_store_reload_accounts (f->store, &error));
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 5001);
  g_assert_cmpstr (ks_account_get_notes (find (f, "Acme")), ==, "old");
  g_assert_nonnull (find (f, "account 4999"));

  /* update: the notes column, the rest as it was */
  import = ks_store_import_begin (f->store, KS_DUPLICATES_UPDATE, 1, &error);
  g_assert_no_error (error);
  init_row (&row, 2, "ACME");
  row.notes = (char *) "new";
  g_assert_true (ks_store_import_add (import, &row, &error));
  g_assert_true (ks_store_import_commit (import, &imported, &updated, &skipped, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&import, ks_store_import_free);
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (updated, ==, 1);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_true (ks_store_reload_accounts (f->store, &error));
  g_assert_true (find (f, "acme") == existing);
  g_assert_cmpstr (ks_account_get_name (existing), ==, "ACME");
  g_assert_cmpstr (ks_account_get_notes (existing), ==, "new");
}

/* The store refuses what its constraints refuse, and rolls back the whole batch. */
static void
test_store_refuses (Fixture       *f,
                    gconstpointer  data)
{
  KsAccountRow rows[3000];
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint imported = 42, updated = 42, skipped = 42;

  memset (rows, 0, sizeof rows);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      rows[i].line = i + 2;
      rows[i].present = 1u << KS_COLUMN_NAME;
      rows[i].name = g_strdup_printf ("Row %u", i);
      strcpy (rows[i].currency, "CNY");
      rows[i].tier_override = KS_TIER_NONE;
    }

  rows[2500].ratings[KS_CRITERION_GROWTH] = 9;
  g_assert_false (ks_store_import_rows (f->store, rows, G_N_ELEMENTS (rows),
                                        KS_DUPLICATES_SKIP, NULL, &imported, &updated,
                                        &skipped, NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2502"));
  g_assert_cmpuint (imported, ==, 0);
  g_clear_error (&error);
  rows[2500].ratings[KS_CRITERION_GROWTH] = 0;

  rows[10].profit_contribution = 100.5;
  g_assert_false (ks_store_import_rows (f->store, rows, G_N_ELEMENTS (rows),
                                        KS_DUPLICATES_SKIP, NULL, NULL, NULL, NULL, NULL,
                                        &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  rows[10].profit_contribution = 0;

  strcpy (rows[20].currency, "XYZ");
  g_assert_false (ks_store_import_rows (f->store, rows, G_N_ELEMENTS (rows),
                                        KS_DUPLICATES_SKIP, NULL, NULL, NULL, NULL, NULL,
                                        &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  strcpy (rows[20].currency, "CNY");

  g_free (rows[30].name);
  rows[30].name = g_strdup ("  ");
  g_assert_false (ks_store_import_rows (f->store, rows, G_N_ELEMENTS (rows),
                                        KS_DUPLICATES_KEEP, NULL, NULL, NULL, NULL, NULL,
                                        &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_free (rows[30].name);
  rows[30].name = g_strdup ("Row 30");

  g_cancellable_cancel (cancellable);
  g_assert_false (ks_store_import_rows (f->store, rows, G_N_ELEMENTS (rows),
                                        KS_DUPLICATES_SKIP, cancellable, NULL, NULL, NULL,
                                        NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 0);

  /* and then it all goes in */
  g_assert_true (ks_store_import_rows (f->store, rows, G_N_ELEMENTS (rows),
                                       KS_DUPLICATES_SKIP, NULL, &imported, &updated, &skipped,
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, G_N_ELEMENTS (rows));
  g_assert_cmpuint (updated, ==, 0);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_true (ks_store_reload_accounts (f->store, &error));
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, G_N_ELEMENTS (rows));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    ks_account_row_clear (&rows[i]);
  g_assert_null (rows[0].name);
}

/* The list model after an import: same objects updated in place, new ones appended,
 * one change announced, scores applied. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_signals)
{
  (*n_signals)++;
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  GListModel *model = ks_store_get_accounts (f->store);
  g_autoptr(KsAccount) first = NULL;
  KsImportResult *result;
  guint n_signals = 0;

  result = import_text (f, "Name,Need fit rating\nA,1\nB,2\nC,3\n", KS_DUPLICATES_SKIP, FALSE);
  ks_import_result_free (result);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  first = g_list_model_get_item (model, 0);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &n_signals);
  result = import_text (f, "Name,Need fit rating,Growth expectation (3–5 years) rating\n"
                           "b,5,5\nD,4,4\n",
                        KS_DUPLICATES_UPDATE, FALSE);
  ks_import_result_free (result);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  {
    g_autoptr(KsAccount) again = g_list_model_get_item (model, 0);
    g_autoptr(KsAccount) b = g_list_model_get_item (model, 1);
    g_autoptr(KsAccount) d = g_list_model_get_item (model, 3);

    g_assert_true (again == first);
    g_assert_cmpstr (ks_account_get_name (b), ==, "b");
    g_assert_cmpstr (ks_account_get_name (d), ==, "D");
    g_assert_cmpfloat (ks_account_get_growth_score (b), >, 0);
    g_assert_cmpfloat (ks_account_get_growth_score (d), >, 0);
    g_assert_true (ks_store_lookup_account (f->store, ks_account_get_id (d)) == d);
  }

  /* nothing changed: no signal */
  g_assert_true (ks_store_reload_accounts (f->store, NULL));
  g_assert_cmpuint (n_signals, ==, 1);

  /* deleted behind the store's back (another connection): removed from the list */
  {
    g_autoptr(KsStore) other = ks_store_open (f->db_path, NULL);

    g_assert_true (ks_store_delete_account (other, ks_store_find_account_by_name (other, "A"),
                                            NULL));
  }
  g_assert_true (ks_store_reload_accounts (f->store, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_null (ks_store_lookup_account (f->store, ks_account_get_id (first)));
  g_assert_null (ks_store_find_account_by_name (f->store, "A"));

  g_signal_handlers_disconnect_by_func (model, on_items_changed, &n_signals);
}

/* The committed test files: every encoding and separator gives the same accounts. */
static void
test_data_files (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *file;
    KsCsvEncoding encoding;
    char separator;
  } files[] = {
    { "accounts-utf8.csv", KS_CSV_ENCODING_UTF8, ',' },
    { "accounts-utf8-bom.csv", KS_CSV_ENCODING_UTF8, ',' },
    { "accounts-utf16le.csv", KS_CSV_ENCODING_UTF16LE, '\t' },
    { "accounts-utf16be.csv", KS_CSV_ENCODING_UTF16BE, ',' },
    { "accounts-gb18030.csv", KS_CSV_ENCODING_GB18030, ',' },
    { "accounts-semicolon.csv", KS_CSV_ENCODING_UTF8, ';' },
    { "accounts-tab.csv", KS_CSV_ENCODING_UTF8, '\t' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", files[i].file, NULL);
      g_autofree char *db = g_strdup_printf ("%s/data-%u.db", f->dir, i);
      g_autoptr(KsStore) store = NULL;
      g_autoptr(KsImport) import = NULL;
      g_autoptr(KsImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      KsAccount *account;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_test_skip ("the test files are missing");
          return;
        }

      store = ks_store_open (db, &error);
      g_assert_no_error (error);
      import = ks_import_open (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ks_import_get_encoding (import), ==, files[i].encoding);
      g_assert_cmpint (ks_import_get_separator (import), ==, files[i].separator);
      g_assert_true (ks_import_run (import, store, KS_DUPLICATES_SKIP, FALSE, NULL, NULL, NULL,
                                    &result, &error));
      g_assert_no_error (error);
      if (result->problems->len > 0)
        g_error ("%s: line %" G_GUINT64_FORMAT ": %s", files[i].file,
                 problem_at (result, 0)->line, problem_at (result, 0)->message);
      g_assert_cmpuint (result->imported, >=, 4);
      g_assert_cmpuint (result->imported, ==, ks_store_get_n_accounts (store));

      account = ks_store_find_account_by_name (store, "华东精密机械有限公司");
      g_assert_nonnull (account);
      g_assert_cmpstr (ks_account_get_industry (account), ==, "制造业");
      g_assert_cmpstr (ks_account_get_region (account), ==, "华东");
      g_assert_cmpint (ks_account_get_annual_purchases (account), ==, 120000000);
      g_assert_cmpstr (ks_account_get_notes (account), ==, "老客户");

      account = ks_store_find_account_by_name (store, "Acme, Inc.");
      g_assert_nonnull (account);
      g_assert_cmpint (ks_account_get_annual_purchases (account), ==, 120000000);
      g_assert_cmpstr (ks_account_get_notes (account), ==, "Said \"call me\" twice");

      account = ks_store_find_account_by_name (store, "深圳市腾飞电子科技");
      g_assert_nonnull (account);
      g_assert_cmpstr (ks_account_get_notes (account), ==, "Two lines:\nsecond line");

      account = ks_store_find_account_by_name (store, "müller gmbh");
      g_assert_nonnull (account);
      g_assert_cmpint (ks_account_get_annual_purchases (account), ==, 100000);
    }

  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "not-text.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(KsImport) import = ks_import_open (path, NULL, &error);

    g_assert_null (import);
    g_assert_nonnull (error);
    g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 0);
  }
}

/* The keys the import writes are ks_account_fold()'s, whatever the script (that its
 * short cut agrees with the Unicode tables is tested in test-account.c). */
static void
test_name_keys (Fixture       *f,
                gconstpointer  data)
{
  static const char * const names[] = {
    "Acme", "  ACME   Corp ", "华东 精密\t制造", "北京HUA康", "㐀㐁 Ext A", "Ｆｕｌｌｗｉｄｔｈ",
    "Müller GmbH", "ÉCOLE", "Straße", "ﬁnance", "ǅemal", "中文（括号）", "龥 end", "ꀀ Yi",
    "Ωmega", "e\xcc\x81t\xc3\xa9", "tab\there", "한국", "ｶﾀｶﾅ", "①②", "x\xe3\x80\x80y",
  };
  g_autoptr(GString) text = g_string_new ("Name\n");
  g_autoptr(KsImportResult) result = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (text, "\"%s\"\n", names[i]);
  result = import_text (f, text->str, KS_DUPLICATES_KEEP, FALSE);
  assert_no_problems (result);
  g_assert_cmpuint (result->imported, ==, G_N_ELEMENTS (names));

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, name_key FROM account", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *expected = ks_account_fold (name);

      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected);
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));
}

/* Which command lines are commands rather than the window. */
static void
test_cli_command (void)
{
  static const struct {
    const char *args;
    gboolean command;
  } cases[] = {
    { "keystone import a.csv", TRUE },
    { "keystone export csv out.csv", TRUE },
    { "keystone --database db.db import a.csv", TRUE },
    { "keystone -d db.db export csv out.csv", TRUE },
    { "keystone --database=import import a.csv", TRUE },
    { "keystone --database import export csv o.csv", TRUE },
    { "keystone -d export", FALSE },
    { "keystone --database export", FALSE },
    { "keystone import", TRUE },
    { "keystone --version", FALSE },
    { "keystone", FALSE },
    { "keystone --database db.db", FALSE },
    { "keystone other.db", FALSE },
    { "keystone -- import", TRUE },
    { "keystone --help", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) argv = g_strsplit (cases[i].args, " ", -1);

      if (ks_cli_is_command (g_strv_length (argv), argv) != cases[i].command)
        g_error ("“%s”: expected %s", cases[i].args, cases[i].command ? "a command" : "none");
    }
}

/* Export */

typedef struct
{
  const char *name;
  const char *industry;
  const char *notes;
  const char *currency;
  gint64 amount;
  double profit;
  double share;
  int tier;
} Sample;

static const Sample samples[] = {
  { "Acme, Inc.", "Retail", "Said \"call me\" twice", "USD", 123450, 12.5, 7, KS_TIER_NONE },
  { "Two\nlines", "a,b;c", "line one\r\nline two\n", "CNY", 120000000, 33.333, 0.1, KS_TIER_CORE },
  { "=SUM(A1:A9)", "-minus", "+plus", "EUR", 0, 0, 100, KS_TIER_KEY },
  { "-5 Ltd", "@home", "\ttab first", "JPY", 1200, 99.999, 0, KS_TIER_DEVELOPING },
  { "+Plus Co", "=", "-", "KRW", 1500000, 0.001, 1e-9, KS_TIER_STANDARD },
  { "@Mention", "'quote", "'=already", "GBP", KS_MONEY_MAX, 100, 50, KS_TIER_NONE },
  { "华东精密机械有限公司", "制造业", "十年老客户，已建立高层季度战略对话机制。", "CNY",
    987654321, 8.25, 2.5, KS_TIER_CORE },
  { "  Spaces kept inside  notes", " lead", "  both  ", "SGD", 1, 1, 1, KS_TIER_NONE },
  { "Müller GmbH", "Automotive", "", "HKD", 99, 0.5, 0.25, KS_TIER_NONE },
};

static void
add_samples (KsStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(KsAccount) account = ks_account_new ();
      g_autofree char *name = g_strstrip (g_strdup (samples[i].name));
      g_autofree char *industry = g_strstrip (g_strdup (samples[i].industry));
      g_autoptr(GError) error = NULL;

      ks_account_set_name (account, name);
      ks_account_set_industry (account, industry);
      ks_account_set_region (account, i % 2 ? "华南" : "North");
      ks_account_set_owner (account, i % 3 ? "王磊" : "Ann Lee");
      ks_account_set_notes (account, samples[i].notes);
      ks_account_set_currency (account, samples[i].currency);
      ks_account_set_annual_purchases (account, samples[i].amount);
      ks_account_set_profit_contribution (account, samples[i].profit);
      ks_account_set_revenue_share (account, samples[i].share);
      ks_account_set_tier_override (account, samples[i].tier);
      for (guint c = 0; c < KS_N_CRITERIA; c++)
        ks_account_set_rating (account, c, (i + c) % (KS_RATING_MAX + 1));
      g_assert_true (ks_store_add_account (store, account, &error));
      g_assert_no_error (error);
    }
}

static void
assert_same_account (KsAccount *a,
                     KsAccount *b)
{
  g_assert_cmpstr (ks_account_get_name (a), ==, ks_account_get_name (b));
  g_assert_cmpstr (ks_account_get_industry (a), ==, ks_account_get_industry (b));
  g_assert_cmpstr (ks_account_get_region (a), ==, ks_account_get_region (b));
  g_assert_cmpstr (ks_account_get_owner (a), ==, ks_account_get_owner (b));
  g_assert_cmpstr (ks_account_get_notes (a), ==, ks_account_get_notes (b));
  g_assert_cmpstr (ks_account_get_currency (a), ==, ks_account_get_currency (b));
  g_assert_cmpint (ks_account_get_annual_purchases (a), ==, ks_account_get_annual_purchases (b));
  g_assert_cmpfloat (ks_account_get_profit_contribution (a), ==,
                     ks_account_get_profit_contribution (b));
  g_assert_cmpfloat (ks_account_get_revenue_share (a), ==, ks_account_get_revenue_share (b));
  g_assert_cmpint (ks_account_get_tier_override (a), ==, ks_account_get_tier_override (b));
  g_assert_cmpmem (ks_account_get_ratings (a), KS_N_CRITERIA,
                   ks_account_get_ratings (b), KS_N_CRITERIA);
  g_assert_cmpfloat (ks_account_get_ka_score (a), ==, ks_account_get_ka_score (b));
  g_assert_cmpint (ks_account_get_tier (a), ==, ks_account_get_tier (b));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *db = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(KsStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *accounts;
  guint n = G_N_ELEMENTS (samples);

  add_samples (f->store);
  accounts = ks_store_get_accounts (f->store);
  g_assert_true (ks_export_csv (accounts, out, NULL, &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(KsImport) import = NULL;
      g_autoptr(KsImportResult) result = NULL;
      KsStore *target;

      /* into an empty database, then over the same accounts (UPDATE: no change) */
      if (round == 0)
        {
          copy = ks_store_open (db, &error);
          g_assert_no_error (error);
          target = copy;
        }
      else
        target = f->store;

      import = ks_import_open (out, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < ks_import_get_n_columns (import); i++)
        g_assert_cmpint (ks_import_get_mapping (import, i), ==, (KsColumn) i);
      g_assert_true (ks_import_run (import, target,
                                    round == 0 ? KS_DUPLICATES_SKIP : KS_DUPLICATES_UPDATE,
                                    FALSE, NULL, NULL, NULL, &result, &error));
      g_assert_no_error (error);
      if (result->problems->len > 0)
        g_error ("line %" G_GUINT64_FORMAT ": %s", problem_at (result, 0)->line,
                 problem_at (result, 0)->message);
      g_assert_cmpuint (result->ignored_headers->len, ==, 0);
      g_assert_cmpuint (round == 0 ? result->imported : result->updated, ==, n);
      g_assert_true (ks_store_reload_accounts (target, &error));

      g_assert_cmpuint (ks_store_get_n_accounts (target), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KsAccount) original = g_list_model_get_item (accounts, i);
          KsAccount *back = ks_store_find_account_by_name (target,
                                                           ks_account_get_name (original));

          g_assert_nonnull (back);
          assert_same_account (original, back);
        }
    }
}

static void
test_export_bytes (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) header = g_string_new (BOM);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gsize length;

  add_samples (f->store);
  /* over an existing file */
  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  g_assert_true (ks_export_csv (ks_store_get_accounts (f->store), out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, &length, NULL));

  for (KsColumn c = 0; c < KS_N_COLUMNS; c++)
    g_string_append_printf (header, "%s%s", c > 0 ? "," : "", ks_column_get_label (c));
  g_string_append (header, "\r\n");
  g_assert_true (g_str_has_prefix (contents, header->str));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));

  /* formula-like cells neutralised, quoted where needed */
  g_assert_nonnull (strstr (contents, "\r\n'=SUM(A1:A9),'-minus,"));
  g_assert_nonnull (strstr (contents, "\r\n'-5 Ltd,'@home,"));
  g_assert_nonnull (strstr (contents, "\r\n'+Plus Co,'=,"));
  g_assert_nonnull (strstr (contents, ",'\ttab first,"));
  /* a leading apostrophe doubled, so that import can tell it from a neutraliser */
  g_assert_nonnull (strstr (contents, "\r\n'@Mention,''quote,"));
  g_assert_nonnull (strstr (contents, ",''=already,"));
  g_assert_nonnull (strstr (contents, "\r\n\"Acme, Inc.\",Retail,North,Ann Lee,USD,1234.50,"
                                      "12.5,7,\"Said \"\"call me\"\" twice\",,"));
  g_assert_nonnull (strstr (contents, ",JPY,1200,99.999,0,"));
  g_assert_nonnull (strstr (contents, ",CNY,1200000.00,33.333,0.1,"));
  g_assert_nonnull (strstr (contents, ",Core,"));
  /* the computed columns: score with one decimal, tier and quadrant labels */
  g_assert_true (g_regex_match_simple ("[0-9]+\\.[0-9],(Core|Key|Developing|Standard),"
                                       "(Strategic|Grow|Sustain|Streamline)\r\n",
                                       contents, 0, 0));

  /* no temporary file left beside it */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "export.csv."));

  /* a folder that does not exist: an error, no file */
  {
    g_autofree char *bad = g_build_filename (f->dir, "missing", "out.csv", NULL);

    g_assert_false (ks_export_csv (ks_store_get_accounts (f->store), bad, NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "out.csv"));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/import/header-match", test_header_match);
  g_test_add_func ("/keystone/import/header-labels", test_header_labels);
  g_test_add_func ("/keystone/import/cli-command", test_cli_command);

#define ADD(path, func) \
  g_test_add ("/keystone/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open", test_open);
  ADD ("open-refused", test_open_refused);
  ADD ("check-mapping", test_check_mapping);
  ADD ("rows-good", test_rows_good);
  ADD ("rows-bad", test_rows_bad);
  ADD ("rows-several-problems", test_rows_several_problems);
  ADD ("magnitudes", test_magnitudes);
  ADD ("all-or-nothing", test_all_or_nothing);
  ADD ("duplicates", test_duplicates);
  ADD ("cancel", test_cancel);
  ADD ("file-changed", test_file_changed);
  ADD ("no-valid-rows", test_no_valid_rows);
  ADD ("store-import", test_store_import);
  ADD ("store-refuses", test_store_refuses);
  ADD ("reload", test_reload);
  ADD ("data-files", test_data_files);
  ADD ("name-keys", test_name_keys);
  ADD ("round-trip", test_round_trip);
  ADD ("export-bytes", test_export_bytes);

#undef ADD

  return g_test_run ();
}
