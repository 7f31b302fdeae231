/* ks-bench-populate.c — makes a database of N invented accounts for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ks-bench-populate PATH N
 *   N invented accounts, written by ks_store_import_rows() in one transaction as an
 *   import writes them.
 * ks-bench-populate --csv OUT.csv N
 *   The same accounts as a CSV file with the import headers, for the import benchmark.
 *
 * The values come from a fixed seed: two runs with the same N make the same portfolio.
 */
#include "config.h"

#include <string.h>

#include "ks-money.h"
#include "ks-store.h"

#define SEED 20260101u

/* Chinese and Latin names; the number after each makes it unique. */
static const struct
{
  const char *name;
  const char *industry;
  const char *region;
  const char *currency;
} companies[] = {
  { "华东精密制造", "制造业", "华东", "CNY" },
  { "深圳云启科技", "电子", "华南", "CNY" },
  { "北京华康医药", "医药", "华北", "CNY" },
  { "成都天府物流", "物流", "西南", "CNY" },
  { "苏州瑞丰汽车零部件", "汽车", "华东", "CNY" },
  { "杭州绿源食品饮料", "食品饮料", "华东", "CNY" },
  { "武汉长江新材料", "化工", "华中", "CNY" },
  { "Northwind Logistics", "Logistics", "EMEA", "EUR" },
  { "Helios Medical", "Healthcare", "EMEA", "EUR" },
  { "Contoso Retail Group", "Retail", "North America", "USD" },
  { "Fabrikam Industrial", "Manufacturing", "North America", "USD" },
  { "Alpine Energy Systems", "Energy", "EMEA", "EUR" },
  { "Sakura Electronics", "Electronics", "APAC", "JPY" },
  { "Blue Harbor Foods", "Food & Beverage", "APAC", "USD" },
};

static const char * const owners[] = {
  "王磊", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄勇", "周婷", "吴昊",
  "David Miller", "Emily Chen", "Sarah Johnson", "Michael Brown", "Anna Schmidt",
  "Lukas Weber", "Sofia Rossi", "Kenji Tanaka", "Priya Sharma", "Tom Wilson",
};

static const char * const notes[] = {
  "",
  "十年老客户，已建立高层季度战略对话机制。",
  "新项目二季度招标，需提前准备整体方案。",
  "Stable volumes; framework renewal due in Q3.",
  "New product line next year; strong interest in the service bundle.",
};

/* A rating around @centre (0–5), so tiers and quadrants all fill. */
static guint8
rating_near (GRand *rand,
             int    centre)
{
  int r = centre + g_rand_int_range (rand, -2, 3);

  return CLAMP (r, 0, KS_RATING_MAX);
}

/* Account @number, as plain data; the strings are static or owned by @row. */
static void
make_row (GRand        *rand,
          guint         number,
          KsAccountRow *row)
{
  guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (companies));
  int centre_value = g_rand_int_range (rand, 0, KS_RATING_MAX + 1);
  int centre_growth = g_rand_int_range (rand, 0, KS_RATING_MAX + 1);
  gint64 major = g_rand_int_range (rand, 10, 50000) * (gint64) 1000;
  guint exponent = ks_currency_get_exponent (companies[c].currency);

  memset (row, 0, sizeof *row);
  row->line = number + 2;
  row->present = ~0u;
  row->name = g_strdup_printf ("%s %05u", companies[c].name, number);
  row->industry = g_strdup (companies[c].industry);
  row->region = g_strdup (companies[c].region);
  row->owner = g_strdup (owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))]);
  g_strlcpy (row->currency, companies[c].currency, sizeof row->currency);
  for (guint i = 0; i < exponent; i++)
    major *= 10;
  row->annual_purchases = major;
  row->profit_contribution = g_rand_int_range (rand, 0, 1000) / 100.0;
  row->revenue_share = g_rand_int_range (rand, 0, 1000) / 100.0;
  row->notes = g_strdup (notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);

  for (KsCriterion k = 0; k < KS_N_CRITERIA; k++)
    {
      KsDimension d = ks_criterion_get_dimension (k);
      int centre = d == KS_DIMENSION_COOPERATION ? centre_growth : centre_value;

      row->ratings[k] = rating_near (rand, centre);
    }

  /* One in fifty has its tier set by hand. */
  row->tier_override = KS_TIER_NONE;
  if (g_rand_int_range (rand, 0, 50) == 0)
    row->tier_override = g_rand_int_range (rand, 0, KS_N_TIERS);
}

/* The header export writes, less the three computed columns: what a team leader's
 * spreadsheet would hold. The same header as ks_column_get_label() in English. */
static const char csv_header[] =
  "Name,Industry,Region,Owner,Currency,Annual purchases,Profit contribution (%),"
  "Share of our revenue (%),Notes,Tier override,Annual purchases rating,"
  "Profit contribution rating,Share of our revenue rating,Industry influence rating,"
  "Benchmark effect rating,Channel value rating,Need fit rating,"
  "Growth expectation (3–5 years) rating,Years of cooperation rating,"
  "Contact level rating,Stability rating\n";

static const char * const tier_labels[KS_N_TIERS] = { "Core", "Key", "Developing", "Standard" };

/* One line of the CSV, as plain as the floor's naive reader needs: no field of the
 * generated data holds a comma, a quote or a line break, so nothing is quoted. */
static void
append_csv_row (GString            *out,
                const KsAccountRow *row)
{
  g_autofree char *amount = ks_money_format_plain (row->annual_purchases, row->currency);
  char profit[G_ASCII_DTOSTR_BUF_SIZE];
  char share[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (profit, sizeof profit, "%.2f", row->profit_contribution);
  g_ascii_formatd (share, sizeof share, "%.2f", row->revenue_share);
  g_string_append_printf (out, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s",
                          row->name, row->industry, row->region, row->owner, row->currency,
                          amount, profit, share, row->notes,
                          row->tier_override == KS_TIER_NONE
                          ? "" : tier_labels[row->tier_override]);
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    g_string_append_printf (out, ",%u", row->ratings[i]);
  g_string_append_c (out, '\n');
}

static int
write_csv (const char *prog,
           const char *path,
           guint       n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GString) out = g_string_new (csv_header);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      KsAccountRow row;

      make_row (rand, i, &row);
      g_assert (strchr (row.notes, ',') == NULL && strchr (row.name, ',') == NULL);
      append_csv_row (out, &row);
      ks_account_row_clear (&row);
    }

  if (!g_file_set_contents (path, out->str, out->len, &error))
    {
      g_printerr ("%s: %s\n", prog, error->message);
      return 1;
    }

  g_print ("csv %u accounts: %s, %.1f MB\n", n, path, out->len / 1e6);
  return 0;
}

static int
populate (const char *prog,
          const char *path,
          guint       n)
{
  g_autoptr(KsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) rows = NULL;
  gint64 start, opened, done;
  guint imported = 0;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s: %s exists; give a new path\n", prog, path);
      return 2;
    }

  start = g_get_monotonic_time ();
  store = ks_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", prog, error->message);
      return 1;
    }
  opened = g_get_monotonic_time ();

  rand = g_rand_new_with_seed (SEED);
  rows = g_array_sized_new (FALSE, FALSE, sizeof (KsAccountRow), n);
  g_array_set_clear_func (rows, (GDestroyNotify) ks_account_row_clear);
  g_array_set_size (rows, n);
  for (guint i = 0; i < n; i++)
    make_row (rand, i, &g_array_index (rows, KsAccountRow, i));

  /* One transaction, as an import writes them. */
  if (!ks_store_import_rows (store, (const KsAccountRow *) rows->data, n, KS_DUPLICATES_KEEP,
                             NULL, &imported, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s: %s\n", prog, error->message);
      return 1;
    }
  done = g_get_monotonic_time ();

  if (imported != n || ks_store_get_n_accounts (store) != n)
    {
      g_printerr ("%s: the store holds %u accounts, expected %u\n",
                  prog, ks_store_get_n_accounts (store), n);
      return 1;
    }

  g_print ("populate %u accounts: %.2f s (open %.3f s, %.1f us per account)\n",
           n, (done - start) / (double) G_USEC_PER_SEC,
           (opened - start) / (double) G_USEC_PER_SEC,
           (done - opened) / (double) n);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gboolean csv = argc == 4 && g_str_equal (argv[1], "--csv");
  const char *count;
  char *end = NULL;
  guint64 n;

  if (argc != 3 && !csv)
    {
      g_printerr ("Usage: %s PATH N\n"
                  "       %s --csv OUT.csv N\n", argv[0], argv[0]);
      return 2;
    }

  count = argv[argc - 1];
  n = g_ascii_strtoull (count, &end, 10);
  /* Numbers 0 to N-1 in five digits keep every name unique. */
  if (end == count || *end != '\0' || n == 0 || n > 100000)
    {
      g_printerr ("%s: N must be a number from 1 to 100000\n", argv[0]);
      return 2;
    }

  if (csv)
    return write_csv (argv[0], argv[2], (guint) n);
  return populate (argv[0], argv[1], (guint) n);
}
