/* ks-test-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ks-test-pdf.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ks-document.h"
#include "ks-store.h"

void
ks_test_set_sample_today (KsStore *store)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 14, G_DATE_AUGUST, 2026);
  ks_store_set_today (store, &today);
}

void
ks_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        ks_test_remove_tree (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

gboolean
ks_test_have_poppler (void)
{
#ifdef HAVE_POPPLER
  return TRUE;
#else
  return FALSE;
#endif
}

char *
ks_test_squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  gunichar previous = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && !g_unichar_iswide (previous) && !g_unichar_iswide (c))
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
      previous = c;
    }
  return g_string_free (out, FALSE);
}

guint
ks_test_count_text (const char *haystack,
                    const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

#ifdef HAVE_POPPLER

void
ks_test_pdf_free (KsTestPdf *pdf)
{
  g_ptr_array_unref (pdf->pages);
  g_ptr_array_unref (pdf->page_lines);
  g_string_free (pdf->text, TRUE);
  g_string_free (pdf->lines, TRUE);
  g_ptr_array_unref (pdf->fonts);
  g_free (pdf->title);
  g_free (pdf->creator);
  g_free (pdf);
}

typedef struct
{
  gunichar         c;
  PopplerRectangle rect;
} Glyph;

static int
compare_glyphs_by_y (gconstpointer a,
                     gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;
  double ya = (ga->rect.y1 + ga->rect.y2) / 2, yb = (gb->rect.y1 + gb->rect.y2) / 2;

  return (ya > yb) - (ya < yb);
}

static int
compare_glyphs_by_x (gconstpointer a,
                     gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;

  return (ga->rect.x1 > gb->rect.x1) - (ga->rect.x1 < gb->rect.x1);
}

/* Every character that has ink lies inside the margins (with a little room for the way
 * poppler measures glyphs). Returns the page's text as it looks: a line for each line
 * of the page, left to right, a space wherever two characters stand apart. (Poppler's
 * own order follows its guess of the columns, and puts a table row's cells anywhere.) */
static char *
read_page_text (PopplerPage  *page,
                guint         page_index,
                const char   *text,
                const double *margins)
{
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  double width, height;
  const double slack = 1.0;
  const char *p = text;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GString *out = g_string_new (NULL);
  guint start = 0;

  poppler_page_get_size (page, &width, &height);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  g_assert_cmpuint (n_rects, ==, g_utf8_strlen (text, -1));

  for (guint i = 0; i < n_rects; i++, p = g_utf8_next_char (p))
    {
      Glyph glyph = { g_utf8_get_char (p), rects[i] };
      const PopplerRectangle *r = &rects[i];

      if (g_unichar_isspace (glyph.c))
        continue;
      if (r->x1 < margins[3] - slack || r->x2 > width - margins[1] + slack
          || r->y1 < margins[0] - slack || r->y2 > height - margins[2] + slack)
        g_error ("page %u: “%.40s” at (%.1f, %.1f)–(%.1f, %.1f) is outside the margins",
                 page_index + 1, p, r->x1, r->y1, r->x2, r->y2);
      g_array_append_val (glyphs, glyph);
    }
  g_free (rects);

  /* Lines: characters whose middles are within 3 points of the line's first; rows of
   * text are three times that apart. */
  g_array_sort (glyphs, compare_glyphs_by_y);
  while (start < glyphs->len)
    {
      const Glyph *first = &g_array_index (glyphs, Glyph, start);
      double y = (first->rect.y1 + first->rect.y2) / 2;
      guint end = start;

      while (end < glyphs->len)
        {
          const Glyph *g = &g_array_index (glyphs, Glyph, end);

          if ((g->rect.y1 + g->rect.y2) / 2 - y > 3)
            break;
          end++;
        }
      qsort (&g_array_index (glyphs, Glyph, start), end - start, sizeof (Glyph),
             compare_glyphs_by_x);
      for (guint i = start; i < end; i++)
        {
          const Glyph *g = &g_array_index (glyphs, Glyph, i);

          if (i > start && g->rect.x1 - g_array_index (glyphs, Glyph, i - 1).rect.x2 > 1.5)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, g->c);
        }
      g_string_append_c (out, '\n');
      start = end;
    }

  return g_string_free (out, FALSE);
}

KsTestPdf *
ks_test_pdf_read (const char   *path,
                  const double *margins,
                  const char   *company)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  double default_margins[4];
  PopplerDocument *document;
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  KsTestPdf *pdf = g_new0 (KsTestPdf, 1);

  g_assert_no_error (error);
  if (margins == NULL)
    {
      g_autoptr(KsDocument) defaults = ks_document_new ("");

      ks_document_get_margins (defaults, &default_margins[0], &default_margins[1],
                               &default_margins[2], &default_margins[3]);
      margins = default_margins;
    }
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  pdf->n_pages = poppler_document_get_n_pages (document);
  pdf->pages = g_ptr_array_new_with_free_func (g_free);
  pdf->page_lines = g_ptr_array_new_with_free_func (g_free);
  pdf->text = g_string_new (NULL);
  pdf->lines = g_string_new (NULL);
  pdf->fonts = g_ptr_array_new_with_free_func (g_free);
  pdf->title = poppler_document_get_title (document);
  pdf->creator = poppler_document_get_creator (document);

  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      char *text = poppler_page_get_text (page);
      char *lines = read_page_text (page, i, text, margins);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, pdf->n_pages);
      GList *images;

      if (i == 0)
        poppler_page_get_size (page, &pdf->width, &pdf->height);
      /* in either order */
      if (company != NULL && (strstr (text, company) == NULL || strstr (lines, company) == NULL))
        g_error ("page %u has no header with the company's name", i + 1);
      if (strstr (text, footer) == NULL || strstr (lines, footer) == NULL)
        g_error ("page %u has no footer “%s”", i + 1, footer);
      images = poppler_page_get_image_mapping (page);
      g_assert_null (images);

      g_string_append (pdf->text, text);
      g_string_append_c (pdf->text, '\n');
      g_string_append (pdf->lines, lines);
      g_ptr_array_add (pdf->pages, text);
      g_ptr_array_add (pdf->page_lines, lines);
      g_object_unref (page);
    }

  info = poppler_font_info_new (document);
  while (poppler_font_info_scan (info, pdf->n_pages, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);

          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_ptr_array_add (pdf->fonts, g_strdup (name != NULL ? name : ""));
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  g_assert_cmpuint (pdf->fonts->len, >, 0);
  g_object_unref (info);
  g_object_unref (document);

  return pdf;
}

gboolean
ks_test_pdf_has_text (KsTestPdf  *pdf,
                      const char *needle)
{
  g_autofree char *text = ks_test_squeeze_spaces (pdf->text->str);
  g_autofree char *squeezed = ks_test_squeeze_spaces (needle);

  return strstr (text, squeezed) != NULL;
}

void
ks_test_pdf_assert_chinese_faces (KsTestPdf *pdf)
{
  gboolean chinese_font = FALSE;

  for (guint i = 0; i < pdf->fonts->len; i++)
    {
      const char *name = g_ptr_array_index (pdf->fonts, i);

      g_assert_null (strstr (name, "CJKjp"));
      g_assert_null (strstr (name, "CJK JP"));
      chinese_font |= strstr (name, "CJK") != NULL || strstr (name, "Han") != NULL;
    }
  if (!chinese_font)
    g_test_message ("no font named CJK or Han: the Chinese face has another name here");
}

#endif
