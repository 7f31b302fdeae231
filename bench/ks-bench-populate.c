/* ks-bench-populate.c — makes a database of N invented accounts for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ks-bench-populate PATH N
 *
 * Every account goes in through ks_store_add_account(), the way the editor adds one,
 * so the time printed is the store's time per insert as well. The values come from a
 * fixed seed: two runs with the same N make the same portfolio.
 */
#include "config.h"

#include <stdlib.h>

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
static guint
rating_near (GRand *rand,
             int    centre)
{
  int r = centre + g_rand_int_range (rand, -2, 3);

  return CLAMP (r, 0, KS_RATING_MAX);
}

static KsAccount *
make_account (GRand *rand,
              guint  number)
{
  guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (companies));
  g_autoptr(KsAccount) account = ks_account_new ();
  g_autofree char *name = g_strdup_printf ("%s %05u", companies[c].name, number);
  int centre_value = g_rand_int_range (rand, 0, KS_RATING_MAX + 1);
  int centre_growth = g_rand_int_range (rand, 0, KS_RATING_MAX + 1);
  gint64 major = g_rand_int_range (rand, 10, 50000) * (gint64) 1000;
  guint exponent = ks_currency_get_exponent (companies[c].currency);

  ks_account_set_name (account, name);
  ks_account_set_industry (account, companies[c].industry);
  ks_account_set_region (account, companies[c].region);
  ks_account_set_owner (account, owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))]);
  ks_account_set_currency (account, companies[c].currency);
  for (guint i = 0; i < exponent; i++)
    major *= 10;
  ks_account_set_annual_purchases (account, major);
  ks_account_set_profit_contribution (account, g_rand_int_range (rand, 0, 1000) / 100.0);
  ks_account_set_revenue_share (account, g_rand_int_range (rand, 0, 1000) / 100.0);
  ks_account_set_notes (account, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);

  for (KsCriterion k = 0; k < KS_N_CRITERIA; k++)
    {
      KsDimension d = ks_criterion_get_dimension (k);
      int centre = d == KS_DIMENSION_COOPERATION ? centre_growth : centre_value;

      ks_account_set_rating (account, k, rating_near (rand, centre));
    }

  /* One in fifty has its tier set by hand. */
  if (g_rand_int_range (rand, 0, 50) == 0)
    ks_account_set_tier_override (account, g_rand_int_range (rand, 0, KS_N_TIERS));

  return g_steal_pointer (&account);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  const char *path;
  char *end = NULL;
  guint64 n;
  gint64 start, opened, done;

  if (argc != 3)
    {
      g_printerr ("Usage: %s PATH N\n", argv[0]);
      return 2;
    }

  path = argv[1];
  n = g_ascii_strtoull (argv[2], &end, 10);
  /* Numbers 0 to N-1 in five digits keep every name unique. */
  if (end == argv[2] || *end != '\0' || n == 0 || n > 100000)
    {
      g_printerr ("%s: N must be a number from 1 to 100000\n", argv[0]);
      return 2;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s: %s exists; give a new path\n", argv[0], path);
      return 2;
    }

  start = g_get_monotonic_time ();
  store = ks_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  opened = g_get_monotonic_time ();

  rand = g_rand_new_with_seed (SEED);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = make_account (rand, i);

      if (!ks_store_add_account (store, account, &error))
        {
          g_printerr ("%s: account %u (%s): %s\n", argv[0], i,
                      ks_account_get_name (account), error->message);
          return 1;
        }
      if ((i + 1) % 10000 == 0 && i + 1 < n)
        g_printerr ("  %u accounts, %.1f s\n", i + 1,
                    (g_get_monotonic_time () - opened) / (double) G_USEC_PER_SEC);
    }
  done = g_get_monotonic_time ();

  if (ks_store_get_n_accounts (store) != n)
    {
      g_printerr ("%s: the store holds %u accounts, expected %" G_GUINT64_FORMAT "\n",
                  argv[0], ks_store_get_n_accounts (store), n);
      return 1;
    }

  g_print ("populate %" G_GUINT64_FORMAT " accounts: %.2f s (open %.3f s, %.1f us per add)\n",
           n, (done - start) / (double) G_USEC_PER_SEC,
           (opened - start) / (double) G_USEC_PER_SEC,
           (done - opened) / (double) n);
  return 0;
}
