/* ks-test-pdf.h — helpers for the tests of the printed documents: a PDF read back with
 * poppler, checked on every page (margins, header and footer, no image, embedded fonts),
 * and its text searched wherever its lines break
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#if __has_include (<poppler.h>)
#include <poppler.h>
#define HAVE_POPPLER 1
#endif

G_BEGIN_DECLS

typedef struct _KsStore KsStore;

/* The day the printed documents' tests are dated, 14 August 2026 (in 2026-Q3): the
 * sample's dates are around it. */
void        ks_test_set_sample_today    (KsStore    *store);
/* Removes @dir and everything in it, asserting that each removal succeeds. */
void        ks_test_remove_tree         (const char *dir);

/* Whether poppler-glib was found: without it, a PDF cannot be read back. (A function,
 * not the macro, so that the code after KS_TEST_REQUIRE_POPPLER() is never unreachable.) */
gboolean    ks_test_have_poppler        (void);

/* Skips the rest of the test when the PDF cannot be read back. */
#define KS_TEST_REQUIRE_POPPLER() \
  G_STMT_START { \
    if (!ks_test_have_poppler ()) \
      { \
        g_test_skip ("poppler-glib not found: the PDF cannot be read back"); \
        return; \
      } \
  } G_STMT_END

/* @text with every run of white space (a line break in a wrapped cell) as one space, or
 * none beside Chinese, whose lines break between any two characters. */
char       *ks_test_squeeze_spaces      (const char *text);
/* How many times @needle is in @haystack. */
guint       ks_test_count_text          (const char *haystack,
                                         const char *needle);

#ifdef HAVE_POPPLER

typedef struct
{
  guint      n_pages;
  double     width;        /* of the first page */
  double     height;
  GPtrArray *pages;        /* char *, each page's text in poppler's order */
  GPtrArray *page_lines;   /* char *, each page's text as it looks: a line for each line
                            * of the page, left to right */
  GString   *text;         /* all of it in poppler's order: a table cell's lines together */
  GString   *lines;        /* all of it as it looks */
  GPtrArray *fonts;        /* char *, the fonts' names */
  char      *title;
  char      *creator;
} KsTestPdf;

/* Reads @path; checks on every page that the text stays inside @margins (top, right,
 * bottom, left; NULL for the document engine's default), that the header names
 * @company (unless NULL) and the footer the page, that there is no image (charts are
 * vectors), and that every font is embedded. */
KsTestPdf  *ks_test_pdf_read            (const char   *path,
                                         const double *margins,
                                         const char   *company);
void        ks_test_pdf_free            (KsTestPdf    *pdf);
/* Whether the PDF has @needle (in poppler's order), wherever its lines break. */
gboolean    ks_test_pdf_has_text        (KsTestPdf    *pdf,
                                         const char   *needle);
/* Asserts that no font of the PDF is Noto CJK's Japanese face, which would draw some
 * ideographs the Japanese way; says so when none is named as a Chinese face. */
void        ks_test_pdf_assert_chinese_faces (KsTestPdf *pdf);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsTestPdf, ks_test_pdf_free)

#endif

G_END_DECLS
