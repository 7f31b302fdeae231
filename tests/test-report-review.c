/* test-report-review.c — the printed quarterly review, read back from the PDF with
 * poppler: pages, sections, names, the attainment table across pages, margins, headers
 * and footers, fonts; the owner's review; bad quarters and unknown owners; and what the
 * review reads from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-document.h"
#include "ks-error.h"
#include "ks-report-review.h"
#include "ks-store-review.h"
#include "ks-store.h"
#include "ks-test-pdf.h"

#define COMPANY "Keystone Test Trading Co."
/* in the sample: owned by 王磊 and by David Miller */
#define WANG_ACCOUNT "华东精密制造有限公司"
#define MILLER_ACCOUNT "Northwind Logistics Ltd"
/* in the sample, owned by 张伟: moved into another quadrant by the tests */
#define MOVED_ACCOUNT "青岛蓝海电子有限公司"
#define N_GENERATED 300

static const char * const section_titles[] = {
  "Summary", "Quadrant Chart", "Tier Distribution", "Target Attainment",
  "Complaint Response", "Coaching Progress", "Contract Compliance and Renewals",
  "Risk Warnings",
};

typedef struct
{
  char    *dir;
  KsStore *store;
} Fixture;

static KsAccount *
account_named (KsStore    *store,
               const char *name)
{
  KsAccount *account = ks_store_find_account_by_name (store, name);

  g_assert_nonnull (account);
  return account;
}

/* The sample, a snapshot of 2026-Q2, and one account rated again since so that it is in
 * another quadrant now. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KsAccount) edited = NULL;
  KsAccount *moved;

  f->dir = g_dir_make_tmp ("keystone-review-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "keystone.db", NULL);
  f->store = ks_store_open (path, &error);
  g_assert_no_error (error);
  ks_test_set_sample_today (f->store);
  g_assert_true (ks_store_load_sample (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (ks_store_set_company_name (f->store, COMPANY, &error));
  g_assert_no_error (error);
  g_assert_true (ks_store_take_snapshot (f->store, "2026-Q2", FALSE, &error));
  g_assert_no_error (error);

  moved = account_named (f->store, MOVED_ACCOUNT);
  edited = ks_account_copy (moved);
  for (KsCriterion k = 0; k < KS_N_CRITERIA; k++)
    ks_account_set_rating (edited, k, KS_RATING_MAX);
  g_assert_true (ks_store_update_account (f->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_quadrant (moved), ==, KS_QUADRANT_STRATEGIC);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  ks_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
write_review (Fixture    *f,
              const char *quarter,
              const char *owner,
              const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsDocument) document = NULL;
  char *path = g_build_filename (f->dir, file, NULL);

  document = ks_report_review_new (f->store, quarter, owner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (ks_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* ---- Reading the PDF's text -------------------------------------------------------- */

#ifdef HAVE_POPPLER

/* The first @n_chars characters of @text (spaces squeezed) after the first @start and
 * the spaces after it, or NULL when @start is not there. */
static char *
text_after (const char *text,
            const char *start,
            glong       n_chars)
{
  g_autofree char *squeezed = ks_test_squeeze_spaces (start);
  const char *found = strstr (text, squeezed);

  if (found == NULL)
    return NULL;
  found += strlen (squeezed);
  found += strspn (found, " ");
  return g_utf8_substring (found, 0, MIN (n_chars, g_utf8_strlen (found, -1)));
}

/* @text (pdf->text or pdf->lines) from the heading @from to the heading @to, spaces
 * squeezed. */
static char *
text_between (GString    *all,
              const char *from,
              const char *to)
{
  g_autofree char *text = ks_test_squeeze_spaces (all->str);
  const char *start = strstr (text, from);
  const char *end = start != NULL ? strstr (start, to) : NULL;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

#endif

/* ---- The sample portfolio ---------------------------------------------------------- */

static void
test_portfolio (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_review (f, NULL, NULL, "review.pdf");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);
    GListModel *accounts = ks_store_get_accounts (f->store);
    g_autofree char *attainment = NULL;

    g_assert_cmpuint (pdf->n_pages, >, 1);
    g_assert_cmpstr (pdf->title, ==, "Quarterly Review 2026-Q3");
    g_assert_true (ks_test_pdf_has_text (pdf, "Whole portfolio · 30 accounts"));
    for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
      if (!ks_test_pdf_has_text (pdf, section_titles[i]))
        g_error ("section “%s” is missing", section_titles[i]);

    /* every account, Chinese and Latin names, once in the attainment table */
    attainment = text_between (pdf->text, "Target Attainment", "Complaint Response");
    for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
      {
        g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
        g_autofree char *name = ks_test_squeeze_spaces (ks_account_get_name (account));

        if (ks_test_count_text (attainment, name) != 1)
          g_error ("“%s” is %u times in the attainment table", name,
                   ks_test_count_text (attainment, name));
      }

    /* what the sections hold */
    g_assert_true (ks_test_pdf_has_text (pdf, "1 July 2026 to 30 September 2026"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Since the Snapshot of 2026-Q2"));
    g_assert_true (ks_test_pdf_has_text (pdf, "1 account changed quadrant"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Movement since 2026-Q2"));
    g_assert_true (ks_test_pdf_has_text (pdf, "At 2026-Q2"));
    g_assert_true (ks_test_pdf_has_text (pdf, "By Category"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Answered within 24 Hours"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Emily Chen"));                  /* coaching */
    g_assert_true (ks_test_pdf_has_text (pdf, "Renewals Due within 90 Days"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Framework Services Agreement")); /* a renewal */
    g_assert_true (ks_test_pdf_has_text (pdf, "Open Checklist Issues"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Open Risks"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Purchases rest on one product line"));
  }
#endif
}

/* The account that moved is in the movement table, from its quadrant in the snapshot to
 * the one it has now. */
static void
test_movement (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_review (f, "2026-Q3", NULL, "movement.pdf");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);
    g_autofree char *movement = text_between (pdf->lines, "Movement since 2026-Q2",
                                              "Tier Distribution");
    g_autofree char *row = text_after (movement, MOVED_ACCOUNT, 40);

    g_assert_cmpuint (ks_test_count_text (movement, MOVED_ACCOUNT), ==, 1);
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (row, "→ Strategic"));
    /* nothing else moved */
    g_assert_cmpuint (ks_test_count_text (movement, "→"), <=, 3);
  }
#endif
}

/* The attainment of the current quarter is the portfolio's. */
static void
test_attainment (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_review (f, NULL, NULL, "attainment.pdf");
  KsAccount *account = account_named (f->store, MILLER_ACCOUNT);
  const KsPlanSummary *summary = ks_account_get_plan_summary (account);

  g_assert_true (summary->has_attainment);

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);
    /* the row: name, owner, currency, target, actual, attainment */
    g_autofree char *table = text_between (pdf->lines, "Target Attainment",
                                           "Complaint Response");
    g_autofree char *row = text_after (table, MILLER_ACCOUNT " David Miller EUR ", 40);
    g_autofree char *percent = g_strdup_printf ("%.0f %%", summary->attainment_ytd);
    const char *rest;

    g_assert_nonnull (row);
    /* past the target and the actual */
    rest = row;
    for (guint i = 0; i < 2; i++)
      {
        rest = strchr (rest, ' ');
        g_assert_nonnull (rest);
        rest++;
      }
    if (!g_str_has_prefix (rest, percent))
      g_error ("the attainment in “%s” is not “%s”", row, percent);
    /* the quarters counted */
    g_assert_true (ks_test_pdf_has_text (pdf, "Attainment is revenue against target for 2026"));
    g_assert_true (ks_test_pdf_has_text (pdf, "with a recorded actual: Q1–Q2, unless"));
  }
#endif
}

/* An earlier quarter with a snapshot of its own: the chart shows the snapshot; there is
 * none before it to show movement from. */
static void
test_earlier_quarter (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = write_review (f, "2026-q2", NULL, "q2.pdf");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_cmpstr (pdf->title, ==, "Quarterly Review 2026-Q2");
    g_assert_true (ks_test_pdf_has_text (pdf, "1 April 2026 to 30 June 2026"));
    g_assert_true (ks_test_pdf_has_text (pdf, "The accounts as the snapshot of 2026-Q2 has them."));
    g_assert_true (ks_test_pdf_has_text (pdf, "There is no snapshot before 2026-Q2"));
    g_assert_false (ks_test_pdf_has_text (pdf, "Movement since"));
    g_assert_true (ks_test_pdf_has_text (pdf, "year to date at the end of Q2"));
  }
#endif
}

static void
test_owner (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = write_review (f, NULL, "王磊", "owner.pdf");
  g_autofree char *miller = NULL;

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_cmpstr (pdf->title, ==, "Quarterly Review 2026-Q3: 王磊");
    g_assert_true (ks_test_pdf_has_text (pdf, "Accounts of 王磊 · 6 accounts"));
    g_assert_true (ks_test_pdf_has_text (pdf, WANG_ACCOUNT));
    /* another owner's accounts, and their risks, are not in it */
    g_assert_false (ks_test_pdf_has_text (pdf, MILLER_ACCOUNT));
    g_assert_false (ks_test_pdf_has_text (pdf, "Purchases rest on one product line"));
    g_assert_false (ks_test_pdf_has_text (pdf, MOVED_ACCOUNT));
    g_assert_false (ks_test_pdf_has_text (pdf, "Emily Chen"));
    for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
      g_assert_true (ks_test_pdf_has_text (pdf, section_titles[i]));
  }
#endif

  /* the name in any case; the document spells it as the team does */
  miller = write_review (f, NULL, "  david MILLER ", "miller.pdf");
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (miller, NULL, COMPANY);

    g_assert_cmpstr (pdf->title, ==, "Quarterly Review 2026-Q3: David Miller");
    g_assert_true (ks_test_pdf_has_text (pdf, MILLER_ACCOUNT));
    g_assert_false (ks_test_pdf_has_text (pdf, WANG_ACCOUNT));
  }
#endif
}

static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  path = write_review (f, NULL, NULL, "review-zh.pdf");
  g_unsetenv ("LANGUAGE");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_cmpuint (pdf->n_pages, >, 1);
    g_assert_true (ks_test_pdf_has_text (pdf, WANG_ACCOUNT));
    g_assert_true (ks_test_pdf_has_text (pdf, MILLER_ACCOUNT));
    g_assert_true (ks_test_pdf_has_text (pdf, "王磊"));
    ks_test_pdf_assert_chinese_faces (pdf);
  }
#endif
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const char * const bad_quarters[] = { "2026-Q5", "2026", "Q3-2026", "", "1999-Q4",
                                        "soon" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_quarters); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KsDocument) document = ks_report_review_new (f->store, bad_quarters[i], NULL,
                                                             &error);

      g_assert_null (document);
      g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "2026-Q3"));
    }

  /* a quarter that has not begun */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KsDocument) document = ks_report_review_new (f->store, "2026-Q4", NULL, &error);

    g_assert_null (document);
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "2026-Q4 has not begun"));
  }

  /* an owner who is not on the team: the message names them and the owners */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KsDocument) document = ks_report_review_new (f->store, NULL, "Nobody Here",
                                                           &error);

    g_assert_null (document);
    g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "“Nobody Here”"));
    g_assert_nonnull (strstr (error->message, "David Miller"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KsDocument) document = ks_report_review_new (f->store, "2026-Q3", "", &error);

    g_assert_null (document);
    g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  }
}

/* What the review reads of every account at once is what each account's plan holds. */
static void
test_store_reads (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) targets = ks_store_dup_revenue_targets (f->store, 2026, &error);
  g_autoptr(GHashTable) risks = NULL;
  GListModel *accounts = ks_store_get_accounts (f->store);
  guint n_targets = 0, n_risks = 0;

  g_assert_no_error (error);
  risks = ks_store_dup_open_risks (f->store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = ks_account_get_id (account);
      g_autoptr(KsAccountPlan) plan = ks_store_load_plan (f->store, id, &error);
      const KsTargetYear *expected;
      const KsTargetYear *read = g_hash_table_lookup (targets, &id);
      GPtrArray *open = g_hash_table_lookup (risks, &id);
      guint j = 0;

      g_assert_no_error (error);
      expected = ks_account_plan_find_target (plan, 2026, KS_TARGET_METRIC_REVENUE);
      g_assert_true ((expected == NULL) == (read == NULL));
      if (expected != NULL)
        {
          n_targets++;
          g_assert_cmpuint (read->has_target, ==, expected->has_target);
          g_assert_cmpuint (read->has_actual, ==, expected->has_actual);
          for (guint q = 0; q <= KS_PLAN_N_QUARTERS; q++)
            {
              if (expected->has_target & (1u << q))
                g_assert_cmpint (read->target[q], ==, expected->target[q]);
              if (expected->has_actual & (1u << q))
                g_assert_cmpint (read->actual[q], ==, expected->actual[q]);
            }
        }

      /* the plan's risks are open first, in the same order */
      for (guint r = 0; r < plan->risks->len; r++)
        {
          const KsRisk *risk = g_ptr_array_index (plan->risks, r);
          const KsRisk *got;

          if (risk->closed)
            continue;
          g_assert_nonnull (open);
          g_assert_cmpuint (j, <, open->len);
          got = g_ptr_array_index (open, j++);
          g_assert_cmpint (got->id, ==, risk->id);
          g_assert_cmpint (got->severity, ==, risk->severity);
          g_assert_cmpstr (got->description, ==, risk->description);
          g_assert_false (got->closed);
          n_risks++;
        }
      g_assert_cmpuint (j, ==, open != NULL ? open->len : 0);
    }
  /* the sample has both */
  g_assert_cmpuint (n_targets, >, 0);
  g_assert_cmpuint (n_risks, >, 0);
  g_assert_cmpuint (g_hash_table_size (targets), ==, n_targets);
}

/* ---- 300 accounts: the attainment table over pages ---------------------------------- */

static char *
generated_name (guint i)
{
  /* short enough for one line of the account column */
  return i % 2 == 0 ? g_strdup_printf ("华东精密 %03u", i) : g_strdup_printf ("Northwind %03u", i);
}

static void
test_generated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("keystone-review-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "keystone.db", NULL);
  g_autofree char *path = g_build_filename (dir, "review.pdf", NULL);
  g_autoptr(KsStore) store = NULL;
  g_autoptr(KsDocument) document = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (KsAccountRow));
  const char * const owners[] = { "王磊", "Emily Chen", "David Miller", "李娜" };
  GListModel *accounts;
  guint n_pages;

  g_assert_no_error (error);
  store = ks_store_open (db, &error);
  g_assert_no_error (error);
  ks_test_set_sample_today (store);
  g_assert_true (ks_store_set_company_name (store, COMPANY, &error));
  g_assert_no_error (error);

  g_array_set_clear_func (rows, (GDestroyNotify) ks_account_row_clear);
  g_array_set_size (rows, N_GENERATED);
  for (guint i = 0; i < N_GENERATED; i++)
    {
      KsAccountRow *row = &g_array_index (rows, KsAccountRow, i);

      row->line = i + 2;
      row->present = ~0u;
      row->name = generated_name (i);
      row->industry = g_strdup ("");
      row->region = g_strdup ("");
      row->notes = g_strdup ("");
      row->owner = g_strdup (owners[i % G_N_ELEMENTS (owners)]);
      g_strlcpy (row->currency, i % 3 == 0 ? "EUR" : "CNY", sizeof row->currency);
      row->annual_purchases = (gint64) (i + 1) * 100000000;
      row->tier_override = KS_TIER_NONE;
      for (KsCriterion k = 0; k < KS_N_CRITERIA; k++)
        row->ratings[k] = (i + k) % (KS_RATING_MAX + 1);
    }
  g_assert_true (ks_store_import_rows (store, (const KsAccountRow *) rows->data, N_GENERATED,
                                       KS_DUPLICATES_KEEP, NULL, NULL, NULL, NULL, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (ks_store_take_snapshot (store, "2026-Q2", FALSE, &error));
  g_assert_no_error (error);

  /* revenue targets and actuals for every other account */
  accounts = ks_store_get_accounts (store);
  for (guint i = 0; i < N_GENERATED; i += 2)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      KsTargetYear year = { .year = 2026, .metric = KS_TARGET_METRIC_REVENUE };

      year.has_target = 0x1e;
      year.has_actual = 0x06;
      for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
        year.target[q] = 1000000;
      year.actual[1] = 500000 + i * 5000;
      year.actual[2] = 900000;
      g_assert_true (ks_store_save_target_year (store, ks_account_get_id (account), &year,
                                                &error));
      g_assert_no_error (error);
    }

  document = ks_report_review_new (store, NULL, NULL, &error);
  g_assert_no_error (error);
  n_pages = ks_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_true (ks_document_write_pdf (document, path, &error));
  g_assert_no_error (error);

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);
    g_autofree char *table = text_between (pdf->text, "Target Attainment",
                                           "Complaint Response");
    const char *header = "Account Owner Currency Target Actual Attainment";
    guint table_pages = 0;

    g_assert_cmpuint (pdf->n_pages, ==, n_pages);
    for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
      g_assert_true (ks_test_pdf_has_text (pdf, section_titles[i]));

    /* every account once in the attainment table */
    for (guint i = 0; i < N_GENERATED; i++)
      {
        g_autofree char *name = generated_name (i);
        g_autofree char *squeezed = ks_test_squeeze_spaces (name);

        if (ks_test_count_text (table, squeezed) != 1)
          g_error ("“%s” is %u times in the attainment table", name,
                   ks_test_count_text (table, squeezed));
      }

    /* its header row on every page it is on, and it is on several */
    for (guint p = 0; p < pdf->page_lines->len; p++)
      {
        const char *lines = g_ptr_array_index (pdf->page_lines, p);
        g_autofree char *text = ks_test_squeeze_spaces (lines);
        gboolean has_rows = FALSE;

        /* a row of the table: a name, its owner and a currency */
        for (guint i = 0; i < N_GENERATED && !has_rows; i++)
          {
            g_autofree char *name = generated_name (i);
            g_autofree char *row = g_strdup_printf ("%s %s ", name,
                                                    owners[i % G_N_ELEMENTS (owners)]);
            g_autofree char *squeezed = ks_test_squeeze_spaces (row);

            has_rows = strstr (text, squeezed) != NULL;
          }
        if (!has_rows)
          continue;
        table_pages++;
        if (strstr (text, header) == NULL)
          g_error ("page %u has rows of the attainment table but not its header", p + 1);
      }
    g_assert_cmpuint (table_pages, >=, 4);
  }
#endif

  g_clear_object (&document);
  g_assert_finalize_object (g_steal_pointer (&store));
  ks_test_remove_tree (dir);
}

/* An empty portfolio has a review too, that says so. */
static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("keystone-review-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "keystone.db", NULL);
  g_autofree char *path = g_build_filename (dir, "review.pdf", NULL);
  KsStore *store;
  g_autoptr(KsDocument) document = NULL;

  g_assert_no_error (error);
  store = ks_store_open (db, &error);
  g_assert_no_error (error);
  ks_test_set_sample_today (store);
  g_assert_true (ks_store_set_company_name (store, COMPANY, &error));
  g_assert_no_error (error);

  document = ks_report_review_new (store, "2026-Q1", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ks_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_clear_object (&document);

  /* nobody owns anything yet */
  document = ks_report_review_new (store, NULL, "王磊", &error);
  g_assert_null (document);
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_true (ks_test_pdf_has_text (pdf, "Whole portfolio · 0 accounts"));
    g_assert_true (ks_test_pdf_has_text (pdf, "No accounts."));
    g_assert_true (ks_test_pdf_has_text (pdf, "No coaching plans."));
    for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
      g_assert_true (ks_test_pdf_has_text (pdf, section_titles[i]));
  }
#endif

  g_assert_finalize_object (store);
  ks_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/keystone/report-review/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("portfolio", test_portfolio);
  ADD ("movement", test_movement);
  ADD ("attainment", test_attainment);
  ADD ("earlier-quarter", test_earlier_quarter);
  ADD ("owner", test_owner);
  ADD ("chinese", test_chinese);
  ADD ("bad-input", test_bad_input);
  ADD ("store-reads", test_store_reads);
#undef ADD
  g_test_add_func ("/keystone/report-review/generated", test_generated);
  g_test_add_func ("/keystone/report-review/empty", test_empty);

  return g_test_run ();
}
