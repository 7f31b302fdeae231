/* test-report.c — the document engine and the printed account plan, read back from the
 * PDF with poppler: pages, text, margins, headers and footers, fonts
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
#include "ks-report-plan.h"
#include "ks-store.h"
#include "ks-test-pdf.h"

#define COMPANY "Keystone Test Trading Co."
#define LATIN_ACCOUNT "Northwind Logistics Ltd"
#define CHINESE_ACCOUNT "华东精密制造有限公司"
/* in the sample, with contracts whose checklists have open issues */
#define CONTRACTS_ACCOUNT "深圳云启科技股份有限公司"
/* in the sample, without a plan */
#define PLANLESS_ACCOUNT "Maple Grove Foods Co."

typedef struct
{
  char    *dir;
  KsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("keystone-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "keystone.db", NULL);
  f->store = ks_store_open (path, &error);
  g_assert_no_error (error);

  ks_test_set_sample_today (f->store);
  g_assert_true (ks_store_load_sample (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (ks_store_set_company_name (f->store, COMPANY, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  ks_test_remove_tree (f->dir);
  g_free (f->dir);
}

static KsAccount *
account_named (Fixture    *f,
               const char *name)
{
  KsAccount *account = ks_store_find_account_by_name (f->store, name);

  g_assert_nonnull (account);
  return account;
}

/* The names of the files in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) (gpointer) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
write_plan (Fixture          *f,
            const char       *account_name,
            KsReportSections  leave_out,
            const char       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsDocument) document = NULL;
  char *path = g_build_filename (f->dir, file, NULL);

  document = ks_report_plan_new (f->store, account_named (f, account_name), leave_out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (ks_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* ---- The account plan ---------------------------------------------------------------- */

static void
test_plan_latin (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_plan (f, LATIN_ACCOUNT, KS_REPORT_SECTIONS_NONE, "plan.pdf");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_cmpuint (pdf->n_pages, >=, 2);
    g_assert_cmpfloat_with_epsilon (pdf->width, KS_DOCUMENT_A4_WIDTH, 0.5);
    g_assert_cmpfloat_with_epsilon (pdf->height, KS_DOCUMENT_A4_HEIGHT, 0.5);
    g_assert_cmpstr (pdf->title, ==, "Account Plan: " LATIN_ACCOUNT);
    g_assert_cmpstr (pdf->creator, ==, "Keystone");

    g_assert_true (ks_test_pdf_has_text (pdf, LATIN_ACCOUNT));
    for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
      {
        const char *label = ks_report_section_get_label (ks_report_section_nth (i));

        if (!ks_test_pdf_has_text (pdf, label))
          g_error ("section “%s” is missing", label);
      }
    /* what the sections hold */
    g_assert_true (ks_test_pdf_has_text (pdf, "David Miller"));  /* owner */
    g_assert_true (ks_test_pdf_has_text (pdf, "€4,650,000.00"));  /* annual purchases */
    g_assert_true (ks_test_pdf_has_text (pdf, "Scale & value"));  /* a dimension */
    g_assert_true (ks_test_pdf_has_text (pdf, "Health Score"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Revenue (EUR)"));  /* targets table */
    g_assert_true (ks_test_pdf_has_text (pdf, "Revenue, 2026"));  /* the chart's title */
    g_assert_true (ks_test_pdf_has_text (pdf, "Send next year's framework agreement quote"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Ten years of on-time delivery"));  /* SWOT */
    g_assert_true (ks_test_pdf_has_text (pdf, "Chief Executive Officer"));  /* map and contacts */
    g_assert_true (ks_test_pdf_has_text (pdf, "Answered within 24 Hours"));
    g_assert_true (ks_test_pdf_has_text (pdf, "SmartSort"));  /* a product */
    g_assert_true (ks_test_pdf_has_text (pdf, "Framework Services Agreement"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Contingency Plan"));
    /* the quadrant chart names this account only */
    g_assert_false (ks_test_pdf_has_text (pdf, "Brightwater Energy"));
  }
#endif
}

static void
test_plan_chinese (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;

  /* The UI in Chinese: Han text is laid out as zh-cn, in the Simplified Chinese face. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  path = write_plan (f, CHINESE_ACCOUNT, KS_REPORT_SECTIONS_NONE, "plan-zh.pdf");
  g_unsetenv ("LANGUAGE");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_cmpuint (pdf->n_pages, >=, 2);
    g_assert_true (ks_test_pdf_has_text (pdf, CHINESE_ACCOUNT));
    /* notes */
    g_assert_true (ks_test_pdf_has_text (pdf, "十年老客户，已建立高层季度战略对话机制。"));
    g_assert_true (ks_test_pdf_has_text (pdf, "王磊"));
    g_assert_true (ks_test_pdf_has_text (pdf, "¥118,500,000.00"));
    g_assert_true (ks_test_pdf_has_text (pdf, "技术团队深度嵌入客户研发"));  /* SWOT */
    ks_test_pdf_assert_chinese_faces (pdf);
  }
#endif
}

static void
test_plan_leave_out (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_plan (f, LATIN_ACCOUNT, KS_REPORT_SECTIONS_INTERNAL,
                                      "client.pdf");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_false (ks_test_pdf_has_text (pdf, "SWOT"));
    g_assert_false (ks_test_pdf_has_text (pdf, "Ten years of on-time delivery"));
    g_assert_false (ks_test_pdf_has_text (pdf, "Risks and Contingency Plans"));
    g_assert_false (ks_test_pdf_has_text (pdf, "Contingency Plan"));
    g_assert_false (ks_test_pdf_has_text (pdf, "Health Score"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Profile"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Action Plan"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Relationships"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Contracts"));
  }
#endif
}

static void
test_plan_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_plan (f, PLANLESS_ACCOUNT, KS_REPORT_SECTIONS_NONE,
                                      "empty.pdf");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_true (ks_test_pdf_has_text (pdf, PLANLESS_ACCOUNT));
    /* the sections are there, saying there is nothing */
    g_assert_true (ks_test_pdf_has_text (pdf, "Action Plan"));
    g_assert_true (ks_test_pdf_has_text (pdf, "SWOT"));
    g_assert_true (ks_test_pdf_has_text (pdf, "Risks and Contingency Plans"));
    g_assert_cmpuint (ks_test_count_text (pdf->text->str, "None recorded."), >=, 5);
  }
#endif
}

static void
test_plan_contracts (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_plan (f, CONTRACTS_ACCOUNT, KS_REPORT_SECTIONS_NONE,
                                      "contracts.pdf");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_true (ks_test_pdf_has_text (pdf, "Open Checklist Issues"));
    g_assert_true (ks_test_pdf_has_text (pdf, "open issues"));
    /* an issue's note as the reviewer wrote it */
    g_assert_true (ks_test_pdf_has_text (pdf, "责任上限仅为合同金额的"));
    /* an open complaint past its 24 hours */
    g_assert_true (ks_test_pdf_has_text (pdf, "Overdue by"));
  }
#endif
}

/* Long texts wrap and flow over pages, and stay inside the margins. */
static void
test_plan_long_texts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) notes = g_string_new ("START-OF-NOTES ");
  g_autoptr(KsAccount) edited = NULL;
  g_autoptr(KsAction) action = ks_action_new ();
  g_autofree char *path = NULL;
  g_autofree char *long_word = NULL;
  KsAccount *account = account_named (f, CHINESE_ACCOUNT);

  /* 10 000 characters of English and Chinese, one “word” far wider than the page */
  while (notes->len < 6000)
    g_string_append (notes, "The client reviews suppliers every spring and asks for a "
                            "written plan. ");
  long_word = g_strnfill (300, 'W');
  g_string_append (notes, long_word);
  g_string_append_c (notes, ' ');
  while (g_utf8_strlen (notes->str, -1) < 9980)
    g_string_append (notes, "客户每年春季评估供应商，并要求书面计划。");
  g_string_append (notes, " END-OF-NOTES");

  edited = ks_account_copy (account);
  ks_account_set_notes (edited, notes->str);
  g_assert_true (ks_store_update_account (f->store, edited, &error));
  g_assert_no_error (error);

  /* a table cell of 2000 characters */
  {
    g_autofree char *words = g_strnfill (1000, 'a');

    for (guint i = 0; i < 1000; i += 10)
      words[i] = ' ';
    action->title = g_strconcat (words, "行动计划很长很长", NULL);
  }
  action->owner = g_strdup ("王磊");
  g_assert_true (ks_store_save_action (f->store, ks_account_get_id (account), action,
                                       &error));
  g_assert_no_error (error);

  path = write_plan (f, CHINESE_ACCOUNT, KS_REPORT_SECTIONS_NONE, "long.pdf");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);
    int first = -1, last = -1;

    for (guint i = 0; i < pdf->pages->len; i++)
      {
        const char *text = g_ptr_array_index (pdf->pages, i);

        if (strstr (text, "START-OF-NOTES") != NULL)
          first = (int) i;
        if (strstr (text, "END-OF-NOTES") != NULL)
          last = (int) i;
      }
    /* the notes begin on one page and end on a later one: they flowed */
    g_assert_cmpint (first, >=, 0);
    g_assert_cmpint (last, >, first);
    g_assert_true (ks_test_pdf_has_text (pdf, "行动计划很长很长"));
    g_assert_cmpuint (pdf->n_pages, >=, 6);
  }
#endif
}

static void
test_plan_letter (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *db = g_strdup (ks_store_get_path (f->store));

  g_assert_cmpint (ks_store_get_paper_size (f->store), ==, KS_PAPER_AUTO);
  g_assert_true (ks_store_set_paper_size (f->store, KS_PAPER_LETTER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_store_get_paper_size (f->store), ==, KS_PAPER_LETTER);

  /* kept in the database */
  g_assert_finalize_object (f->store);
  f->store = ks_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ks_store_get_paper_size (f->store), ==, KS_PAPER_LETTER);

  path = write_plan (f, LATIN_ACCOUNT, KS_REPORT_SECTIONS_NONE, "letter.pdf");

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    g_autoptr(KsTestPdf) pdf = ks_test_pdf_read (path, NULL, COMPANY);

    g_assert_cmpfloat_with_epsilon (pdf->width, KS_DOCUMENT_LETTER_WIDTH, 0.5);
    g_assert_cmpfloat_with_epsilon (pdf->height, KS_DOCUMENT_LETTER_HEIGHT, 0.5);
  }
#endif
}

static void
test_paper_sizes (void)
{
  double width, height;

  ks_document_paper_get_size (KS_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  ks_document_paper_get_size (KS_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
  /* the C locale's paper is A4 */
  ks_document_paper_get_size (KS_PAPER_AUTO, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
}

static void
test_sections_parse (void)
{
  g_autoptr(GError) error = NULL;
  KsReportSections sections = KS_REPORT_SECTIONS_NONE;

  g_assert_true (ks_report_sections_parse ("swot, RISKS ,health", &sections, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sections, ==, KS_REPORT_SECTIONS_INTERNAL);

  g_assert_true (ks_report_sections_parse ("quadrant,", &sections, &error));
  g_assert_cmpint (sections, ==, KS_REPORT_SECTION_QUADRANT);

  for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
    {
      KsReportSections section = ks_report_section_nth (i);

      g_assert_true (ks_report_sections_parse (ks_report_section_get_key (section), &sections,
                                               &error));
      g_assert_cmpint (sections, ==, section);
      g_assert_cmpstr (ks_report_section_get_label (section), !=, "");
    }

  g_assert_false (ks_report_sections_parse ("swot,bogus", &sections, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“bogus”"));
  g_assert_nonnull (strstr (error->message, "relationships"));
  g_clear_error (&error);

  g_assert_false (ks_report_sections_parse (" , ", &sections, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
}

/* ---- The engine -------------------------------------------------------------------- */

#define N_ROWS 300

/* The quarterly review's case: a table of 300 accounts, and a row taller than a page. */
static KsDocument *
long_table_document (void)
{
  KsDocument *document = ks_document_new ("Quarterly Review 2026-Q3");
  KsDocumentTable *table;
  g_autoptr(GString) huge = g_string_new ("HUGE-START ");

  ks_document_set_company_name (document, COMPANY);
  ks_document_add_title (document, "Quarterly Review", "2026-Q3");
  ks_document_add_heading (document, 1, "Attainment");
  table = ks_document_add_table (document, 4);
  ks_document_table_set_column (table, 0, "Account", 40, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 1, "Owner", 25, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 2, "Tier", 15, KS_DOCUMENT_ALIGN_START);
  ks_document_table_set_column (table, 3, "Attainment", 20, KS_DOCUMENT_ALIGN_END);
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account-%03u %s", i,
                                               i % 7 == 0 ? "with a name long enough to "
                                               "wrap onto a second line of its cell" : "");
      g_autofree char *attainment = g_strdup_printf ("%u %%", 50 + i % 80);
      const char *cells[] = { name, i % 2 ? "王磊" : "Emily Chen", "Key", attainment };
      guint row = ks_document_table_add_row (table, cells);

      if (i % 10 == 0)
        ks_document_table_set_cell_style (table, row, 3, KS_DOCUMENT_STYLE_WARNING);
    }

  /* One row taller than a page: split between its lines. */
  while (huge->len < 12000)
    g_string_append (huge, "lorem ipsum dolor sit amet 客户 ");
  g_string_append (huge, "HUGE-END");
  {
    const char *cells[] = { huge->str, "Tall", NULL, "1 %" };

    ks_document_table_add_row (table, cells);
  }
  ks_document_add_paragraph (document, "The end.");
  return document;
}

static void
test_document_table_breaks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsDocument) document = long_table_document ();
  g_autofree char *dir = g_dir_make_tmp ("keystone-document-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "review.pdf", NULL);
  guint n_pages;

  g_assert_no_error (error);
  n_pages = ks_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >, 5);
  g_assert_true (ks_document_write_pdf (document, path, &error));
  g_assert_no_error (error);

  KS_TEST_REQUIRE_POPPLER ();
#ifdef HAVE_POPPLER
  {
    double margins[4];
    g_autoptr(KsTestPdf) pdf = NULL;
    int huge_first = -1, huge_last = -1;

    ks_document_get_margins (document, &margins[0], &margins[1], &margins[2], &margins[3]);
    pdf = ks_test_pdf_read (path, margins, COMPANY);
    g_assert_cmpuint (pdf->n_pages, ==, n_pages);

    /* every row once, on one page */
    for (guint i = 0; i < N_ROWS; i++)
      {
        g_autofree char *name = g_strdup_printf ("Account-%03u", i);
        guint pages = 0;

        for (guint p = 0; p < pdf->pages->len; p++)
          pages += ks_test_count_text (g_ptr_array_index (pdf->pages, p), name);
        g_assert_cmpuint (pages, ==, 1);
      }

    /* the header row on every page the table is on */
    for (guint p = 0; p < pdf->pages->len; p++)
      {
        const char *text = g_ptr_array_index (pdf->pages, p);

        if (strstr (text, "Account-") != NULL || strstr (text, "lorem") != NULL)
          g_assert_nonnull (strstr (text, "Attainment"));
        if (strstr (text, "HUGE-START") != NULL)
          huge_first = (int) p;
        if (strstr (text, "HUGE-END") != NULL)
          huge_last = (int) p;
      }
    /* the tall row went on over more than one page */
    g_assert_cmpint (huge_first, >=, 0);
    g_assert_cmpint (huge_last, >, huge_first);
    g_assert_nonnull (strstr (g_ptr_array_index (pdf->pages, pdf->n_pages - 1), "The end."));
  }
#endif

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A page drawn onto any cairo_t, as a print operation does; a new page size is laid out
 * again. */
static void
test_document_render_page (void)
{
  g_autoptr(KsDocument) document = long_table_document ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint n_a4, n_letter, dark = 0;
  const guint8 *data;
  int stride;

  n_a4 = ks_document_get_n_pages (document);
  g_assert_cmpuint (ks_document_get_n_pages (document), ==, n_a4);

  ks_document_get_page_size (document, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width),
                                        (int) ceil (height));
  cr = cairo_create (surface);
  ks_document_render_page (document, cr, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* ink in the body, white outside the margins */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < (int) height; y++)
    for (int x = 0; x < (int) width; x++)
      {
        guint32 p = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
        gboolean ink = ((p >> 16) & 0xff) < 160 && ((p >> 8) & 0xff) < 160 && (p & 0xff) < 160;

        if (!ink)
          continue;
        dark++;
        g_assert_cmpint (x, >=, 45);
        g_assert_cmpint (x, <, (int) width - 45);
        g_assert_cmpint (y, >=, 45);
        g_assert_cmpint (y, <, (int) height - 45);
      }
  g_assert_cmpuint (dark, >, 1000);
  cairo_surface_destroy (surface);

  /* a recording surface, like a preview */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_a4; i++)
    ks_document_render_page (document, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Letter is shorter: more pages */
  ks_document_set_page_size (document, KS_DOCUMENT_LETTER_WIDTH, KS_DOCUMENT_LETTER_HEIGHT);
  n_letter = ks_document_get_n_pages (document);
  g_assert_cmpuint (n_letter, >, n_a4);
}

static void
draw_cross (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  data)
{
  guint *calls = data;

  (*calls)++;
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, width, height);
  cairo_stroke (cr);
}

/* Headings stay with what follows; figures are whole on one page, scaled down when
 * taller than a page. */
static void
test_document_keep_together (void)
{
  g_autoptr(KsDocument) document = ks_document_new ("Figures");
  guint calls = 0;
  guint n_pages;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Figure %u", i);

      ks_document_add_heading (document, 2, title);
      ks_document_add_figure (document, 0, 300, draw_cross, &calls, NULL);
    }
  ks_document_add_heading (document, 1, "Too tall");
  ks_document_add_figure (document, 200, 5000, draw_cross, &calls, NULL);
  ks_document_add_page_break (document);
  ks_document_add_paragraph (document, "After the break");

  n_pages = ks_document_get_n_pages (document);
  /* two figures of 300 pt a page, then the tall one alone, then the paragraph */
  g_assert_cmpuint (n_pages, ==, 5);

  {
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                               NULL);
    cairo_t *cr = cairo_create (surface);

    for (guint i = 0; i < n_pages; i++)
      ks_document_render_page (document, cr, i);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  g_assert_cmpuint (calls, ==, 7);
}

static void
test_document_write_fails (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsDocument) document = ks_document_new ("Nothing");
  g_autofree char *dir = g_dir_make_tmp ("keystone-document-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.pdf", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  ks_document_add_paragraph (document, "Hello");

  /* a folder that does not exist */
  g_assert_false (ks_document_write_pdf (document, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "could not be written"));
  g_clear_error (&error);

  /* the name of a folder: nothing left beside it */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (ks_document_write_pdf (document, folder, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "a-folder");
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  /* an existing file is replaced whole */
  g_assert_true (g_file_set_contents (existing, "old", -1, &error));
  g_assert_true (ks_document_write_pdf (document, existing, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "existing.pdf");

  g_assert_cmpint (g_unlink (existing), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/keystone/report/plan/latin", Fixture, NULL, fixture_set_up, test_plan_latin,
              fixture_tear_down);
  g_test_add ("/keystone/report/plan/chinese", Fixture, NULL, fixture_set_up,
              test_plan_chinese, fixture_tear_down);
  g_test_add ("/keystone/report/plan/leave-out", Fixture, NULL, fixture_set_up,
              test_plan_leave_out, fixture_tear_down);
  g_test_add ("/keystone/report/plan/empty", Fixture, NULL, fixture_set_up, test_plan_empty,
              fixture_tear_down);
  g_test_add ("/keystone/report/plan/contracts", Fixture, NULL, fixture_set_up,
              test_plan_contracts, fixture_tear_down);
  g_test_add ("/keystone/report/plan/long-texts", Fixture, NULL, fixture_set_up,
              test_plan_long_texts, fixture_tear_down);
  g_test_add ("/keystone/report/plan/letter", Fixture, NULL, fixture_set_up,
              test_plan_letter, fixture_tear_down);
  g_test_add_func ("/keystone/report/paper-sizes", test_paper_sizes);
  g_test_add_func ("/keystone/report/sections-parse", test_sections_parse);
  g_test_add_func ("/keystone/report/document/table-breaks", test_document_table_breaks);
  g_test_add_func ("/keystone/report/document/render-page", test_document_render_page);
  g_test_add_func ("/keystone/report/document/keep-together", test_document_keep_together);
  g_test_add_func ("/keystone/report/document/write-fails", test_document_write_fails);

  return g_test_run ();
}
