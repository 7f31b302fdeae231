/* ks-bench-populate.c — makes a database of N invented accounts for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ks-bench-populate PATH N
 *   N invented accounts, written by ks_store_import_rows() in one transaction as an
 *   import writes them.
 * ks-bench-populate --csv OUT.csv N
 *   The same accounts as a CSV file with the import headers, for the import benchmark.
 * ks-bench-populate --review PATH N
 *   The same accounts with what a quarterly review reads, dated around today (the
 *   clock's, as `keystone export review` sees it): a snapshot of the previous quarter,
 *   and one account in twenty rated a step or two differently since; this year's
 *   revenue targets and actuals for four accounts in five; open risks for about one in
 *   six; complaints opened this quarter for one in ten; a contract with its checklist
 *   for one in twenty; two coaching plans for each owner. Written through the store's
 *   API, as the application writes them (one transaction each: the slow part).
 *
 * The values come from a fixed seed: two runs with the same N make the same portfolio
 * (with --review, around the same today).
 */
#include "config.h"

#include <string.h>

#include "ks-money.h"
#include "ks-quarter.h"
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

/* ---- What a quarterly review reads ------------------------------------------------ */

/* "YYYY-MM-DD" of @days after @now's date (before when negative). */
static char *
date_from (GDateTime *now,
           int        days)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* An ISO-8601 date-time @hours after @now (before when negative), in @now's zone. */
static char *
time_from (GDateTime *now,
           double     hours)
{
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, hours * 3600);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%S%:z");
}

static const char * const risk_texts[][2] = {
  { "回款周期从 60 天延长到 110 天", "缩短账期，新订单预付 30%" },
  { "采购量集中在单一产品线", "推介维保服务包，分散产品结构" },
  { "Their parent group is selling the division", "Meet the new owner's buyer early" },
  { "New import tariffs on their main market", "Offer local stock and shorter delivery" },
};

static const char * const complaint_texts[] = {
  "到货延迟三天，影响客户产线排产",
  "部分批次外观不良",
  "Invoice sent to the wrong entity twice",
  "No answer from the service line over the weekend",
};

static gboolean
add_account_review_data (KsStore    *store,
                         KsAccount  *account,
                         GRand      *rand,
                         GDateTime  *now,
                         GPtrArray  *template,
                         GError    **error)
{
  gint64 id = ks_account_get_id (account);
  int year = g_date_time_get_year (now);
  guint this_quarter = (g_date_time_get_month (now) - 1) / 3 + 1;
  const char *currency = ks_account_get_currency (account);

  /* Four in five have this year's revenue targets, and actuals up to last quarter. */
  if (g_rand_int_range (rand, 0, 5) > 0)
    {
      KsTargetYear target = { .year = year, .metric = KS_TARGET_METRIC_REVENUE };
      gint64 quarterly = ks_account_get_annual_purchases (account) / 4;

      for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
        {
          target.has_target |= 1u << q;
          target.target[q] = quarterly;
          if (q < this_quarter)
            {
              target.has_actual |= 1u << q;
              target.actual[q] = quarterly * g_rand_int_range (rand, 55, 135) / 100;
            }
        }
      if (!ks_store_save_target_year (store, id, &target, error))
        return FALSE;
    }

  /* About one in six has an open risk warning, a few of them two. */
  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(KsRisk) risk = NULL;
      guint t;

      if (g_rand_int_range (rand, 0, r == 0 ? 6 : 4) != 0)
        break;
      t = g_rand_int_range (rand, 0, G_N_ELEMENTS (risk_texts));
      risk = ks_risk_new ();
      risk->category = g_rand_int_range (rand, 0, KS_N_RISK_CATEGORIES);
      risk->severity = g_rand_int_range (rand, 0, KS_N_RISK_SEVERITIES);
      risk->raised = date_from (now, -g_rand_int_range (rand, 1, 120));
      risk->description = g_strdup (risk_texts[t][0]);
      risk->contingency = g_strdup (risk_texts[t][1]);
      if (!ks_store_save_risk (store, id, risk, error))
        return FALSE;
    }

  /* One in ten had a complaint this quarter: most answered, some late, some open. */
  if (g_rand_int_range (rand, 0, 10) == 0)
    {
      g_autoptr(KsComplaint) complaint = ks_complaint_new ();
      g_autoptr(GDateTime) start = g_date_time_new_local (year, (this_quarter - 1) * 3 + 1, 1,
                                                          9, 0, 0);
      double hours_ago = g_date_time_difference (now, start) / (double) G_TIME_SPAN_HOUR;
      double opened = -g_rand_double_range (rand, 1, MAX (hours_ago, 2));
      int answer = g_rand_int_range (rand, 0, 10);

      complaint->category = g_rand_int_range (rand, 0, KS_N_COMPLAINT_CATEGORIES);
      complaint->opened_at = time_from (now, opened);
      complaint->description = g_strdup (complaint_texts[g_rand_int_range (
                                           rand, 0, G_N_ELEMENTS (complaint_texts))]);
      complaint->owner = g_strdup (ks_account_get_owner (account));
      /* 7 in 10 answered within 24 hours, 2 later, 1 not yet */
      if (answer < 9)
        {
          double took = answer < 7 ? g_rand_double_range (rand, 0.5, 23)
                                   : g_rand_double_range (rand, 25, 60);

          if (opened + took < 0)
            complaint->first_response_at = time_from (now, opened + took);
        }
      if (!ks_store_save_complaint (store, id, complaint, error))
        return FALSE;
    }

  /* One in twenty has a contract: signed, part of its checklist reviewed, some issues. */
  if (g_rand_int_range (rand, 0, 20) == 0)
    {
      g_autoptr(KsContract) contract = ks_contract_new ();
      int months = g_rand_int_range (rand, 1, 13);

      contract->title = g_strdup_printf ("框架采购协议 %s", ks_account_get_name (account));
      contract->number = g_strdup_printf ("HT-%d-%05" G_GINT64_FORMAT, year, id);
      contract->value = ks_account_get_annual_purchases (account);
      g_free (contract->currency);
      contract->currency = g_strdup (currency);
      contract->start = date_from (now, -365 + months * 30);
      contract->end = date_from (now, months * 30);
      contract->renewal_notice = date_from (now, months * 30 - 60);
      contract->status = KS_CONTRACT_SIGNED;
      ks_contract_add_template_items (contract, template);
      for (guint i = 0; i < contract->items->len; i++)
        {
          KsContractItem *item = g_ptr_array_index (contract->items, i);
          int state = g_rand_int_range (rand, 0, 20);

          item->state = state < 12 ? KS_CHECK_OK
                        : state < 13 ? KS_CHECK_ISSUE
                        : state < 15 ? KS_CHECK_NOT_APPLICABLE : KS_CHECK_PENDING;
        }
      if (!ks_store_save_contract (store, id, contract, error))
        return FALSE;
    }

  return TRUE;
}

/* Two coaching plans for every member: one active with actions and sessions, one
 * achieved. */
static gboolean
add_coaching (KsStore    *store,
              GRand      *rand,
              GDateTime  *now,
              GError    **error)
{
  g_autoptr(GPtrArray) members = ks_store_dup_members (store, error);

  if (members == NULL)
    return FALSE;
  for (guint m = 0; m < members->len; m++)
    {
      const KsMember *member = g_ptr_array_index (members, m);

      for (guint p = 0; p < 2; p++)
        {
          g_autoptr(KsCoachingPlan) plan = ks_coaching_plan_new ();

          plan->member_id = member->id;
          plan->skill = g_rand_int_range (rand, 0, KS_SKILL_CUSTOM);
          plan->start_level = g_rand_int_range (rand, 1, 3);
          plan->target_level = plan->start_level + 2;
          plan->current_level = p == 1 ? plan->target_level : plan->start_level + 1;
          plan->status = p == 1 ? KS_COACHING_ACHIEVED : KS_COACHING_ACTIVE;
          plan->start = date_from (now, -g_rand_int_range (rand, 60, 200));
          plan->due = date_from (now, p == 1 ? -10 : g_rand_int_range (rand, 20, 150));
          g_free (plan->objective);
          plan->objective = g_strdup ("Lead the next framework negotiation on their own");
          if (!ks_store_save_coaching_plan (store, plan, error))
            return FALSE;

          for (guint a = 0; a < 3; a++)
            {
              g_autoptr(KsCoachingAction) action = ks_coaching_action_new ();

              action->plan_id = plan->id;
              g_free (action->title);
              action->title = g_strdup_printf ("Role-play round %u", a + 1);
              action->due = date_from (now, -30 + 30 * (int) a);
              action->status = a == 0 ? KS_ACTION_DONE : KS_ACTION_OPEN;
              if (!ks_store_save_coaching_action (store, action, error))
                return FALSE;
            }
          for (guint s = 0; s < 2; s++)
            {
              g_autoptr(KsCoachingSession) session = ks_coaching_session_new ();

              session->plan_id = plan->id;
              session->date = date_from (now, -(int) (s * 20 + 3));
              session->rating = g_rand_int_range (rand, 2, 6);
              if (!ks_store_save_coaching_session (store, session, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* Everything a quarterly review reads, for the accounts just made. */
static gboolean
add_review_data (KsStore  *store,
                 GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 1);
  g_autoptr(GDateTime) now = ks_store_dup_now (store);
  g_autoptr(GPtrArray) template = NULL;
  g_autofree char *quarter = ks_quarter_for_date (now);
  g_autofree char *previous = ks_quarter_previous (quarter);
  GListModel *accounts = ks_store_get_accounts (store);
  guint n = g_list_model_get_n_items (accounts);

  if (!ks_store_set_company_name (store, "Keystone Benchmark Trading Co.", error))
    return FALSE;

  /* Last quarter's snapshot, then one account in twenty rated again: it moved. */
  if (!ks_store_take_snapshot (store, previous, TRUE, error))
    return FALSE;
  for (guint i = 0; i < n; i += 20)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(KsAccount) edited = ks_account_copy (account);

      /* a step or two on a few criteria, as a quarter's news would move them */
      for (guint j = 0; j < 3; j++)
        {
          KsCriterion k = g_rand_int_range (rand, 0, KS_N_CRITERIA);
          int rating = ks_account_get_rating (account, k) + g_rand_int_range (rand, -2, 3);

          ks_account_set_rating (edited, k, CLAMP (rating, 0, KS_RATING_MAX));
        }
      if (!ks_store_update_account (store, edited, error))
        return FALSE;
    }

  template = ks_store_dup_template (store, error);
  if (template == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);

      if (!add_account_review_data (store, account, rand, now, template, error))
        return FALSE;
    }

  return add_coaching (store, rand, now, error);
}

static int
populate (const char *prog,
          const char *path,
          guint       n,
          gboolean    review)
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

  if (review)
    {
      if (!add_review_data (store, &error))
        {
          g_printerr ("%s: %s\n", prog, error->message);
          return 1;
        }
      g_print ("review data for %u accounts: %.2f s\n", n,
               (g_get_monotonic_time () - done) / (double) G_USEC_PER_SEC);
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gboolean csv = argc == 4 && g_str_equal (argv[1], "--csv");
  gboolean review = argc == 4 && g_str_equal (argv[1], "--review");
  const char *count;
  char *end = NULL;
  guint64 n;

  if (argc != 3 && !csv && !review)
    {
      g_printerr ("Usage: %s PATH N\n"
                  "       %s --csv OUT.csv N\n"
                  "       %s --review PATH N\n", argv[0], argv[0], argv[0]);
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
  return populate (argv[0], argv[argc - 2], (guint) n, review);
}
