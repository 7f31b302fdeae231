/* test-plan-chart.c — the targets chart: attainment, axis labels, pixels, PDF and SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#if __has_include (<poppler.h>)
#include <poppler.h>
#define HAVE_POPPLER 1
#endif

#include "ks-plan-chart.h"

#define WIDTH  800
#define HEIGHT 400

/* Revenue 2026 in CNY: Q1 ¥1,000,000 → ¥1,000,000 (100%), Q2 ¥1,000,000 → ¥800,000
 * (80%, a drop of 20 points), Q3 a target without an actual, Q4 nothing. */
static KsTargetYear
sample_year (void)
{
  KsTargetYear year = { .year = 2026, .metric = KS_TARGET_METRIC_REVENUE };

  year.has_target = (1 << 1) | (1 << 2) | (1 << 3);
  year.has_actual = (1 << 1) | (1 << 2);
  year.target[1] = year.target[2] = year.target[3] = 100000000;
  year.actual[1] = 100000000;
  year.actual[2] = 80000000;
  return year;
}

/* Pixels */

typedef struct
{
  int r, g, b;
} Rgb;

static Rgb
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p;

  p = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface) +
                                          x * 4);
  /* Opaque surfaces: premultiplied is plain. */
  return (Rgb) { (p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff };
}

static gboolean
rgb_near (Rgb                 got,
          const KsChartColor *color,
          int                 tolerance)
{
  return abs (got.r - (int) lround (color->red * 255)) <= tolerance &&
         abs (got.g - (int) lround (color->green * 255)) <= tolerance &&
         abs (got.b - (int) lround (color->blue * 255)) <= tolerance;
}

/* How many pixels of @rect (clipped to the surface) are @color. */
static guint
count_color (cairo_surface_t         *surface,
             const cairo_rectangle_t *rect,
             const KsChartColor      *color)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int x0 = MAX (0, (int) ceil (rect->x));
  int y0 = MAX (0, (int) ceil (rect->y));
  int x1 = MIN (width, (int) floor (rect->x + rect->width));
  int y1 = MIN (height, (int) floor (rect->y + rect->height));
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (rgb_near (pixel_at (surface, x, y), color, 6))
        n++;
  return n;
}

static cairo_surface_t *
render_image (const KsTargetYear *year,
              KsChartStyleKind    style,
              int                 width,
              int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         MAX (width, 1), MAX (height, 1));
  cairo_t *cr = cairo_create (surface);

  ks_plan_chart_render (cr, width, height, year, "CNY", style, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_attainment (void)
{
  KsTargetYear year = sample_year ();
  KsPlanChartAttainment a;

  ks_plan_chart_attainment (&year, 0, &a);
  g_assert_true (a.has[0]);
  g_assert_true (a.has[1]);
  g_assert_false (a.has[2]);
  g_assert_false (a.has[3]);
  g_assert_cmpfloat_with_epsilon (a.attainment[0], 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.attainment[1], 80, 1e-9);
  g_assert_false (a.dropped[0]);
  g_assert_true (a.dropped[1]);
  g_assert_cmpfloat_with_epsilon (a.fall[1], 20, 1e-9);
  g_assert_cmpuint (a.last_quarter, ==, 2);
  g_assert_true (a.has_ytd);
  g_assert_cmpfloat_with_epsilon (a.ytd, 90, 1e-9);

  /* A fall below the threshold is not a drop; a fall of exactly it is. */
  ks_plan_chart_attainment (&year, 25, &a);
  g_assert_false (a.dropped[1]);
  ks_plan_chart_attainment (&year, 20, &a);
  g_assert_true (a.dropped[1]);

  /* A target of 0 has nothing to attain. */
  year.target[1] = 0;
  ks_plan_chart_attainment (&year, 0, &a);
  g_assert_false (a.has[0]);
  g_assert_false (a.dropped[1]);
  g_assert_cmpfloat_with_epsilon (a.ytd, 80, 1e-9);

  /* Nothing set. */
  year.has_target = year.has_actual = 0;
  ks_plan_chart_attainment (&year, 0, &a);
  g_assert_cmpuint (a.last_quarter, ==, 0);
  g_assert_false (a.has_ytd);
}

static void
test_format (void)
{
  static const struct
  {
    gint64          value;
    KsTargetMetric  metric;
    const char     *currency;
    const char     *expected;
  } cases[] = {
    { 0, KS_TARGET_METRIC_REVENUE, "CNY", "¥0" },
    { 150000000, KS_TARGET_METRIC_REVENUE, "CNY", "¥1.5M" },
    { 25000000, KS_TARGET_METRIC_REVENUE, "CNY", "¥250K" },
    { 4200, KS_TARGET_METRIC_REVENUE, "CNY", "¥42" },
    { -200000000000, KS_TARGET_METRIC_NEW_BUSINESS, "USD", "-$2B" },
    { 1500000, KS_TARGET_METRIC_REVENUE, "JPY", "JP¥1.5M" },
    { 1250, KS_TARGET_METRIC_GROSS_MARGIN, "CNY", "12.5 %" },
    { 10000, KS_TARGET_METRIC_SHARE_OF_WALLET, NULL, "100 %" },
    { 1, KS_TARGET_METRIC_PENETRATION, NULL, "0.01 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ks_plan_chart_format_short (cases[i].value, cases[i].metric,
                                                          cases[i].currency);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_pixels (void)
{
  KsTargetYear year = sample_year ();
  cairo_surface_t *surface = render_image (&year, KS_CHART_STYLE_LIGHT, WIDTH, HEIGHT);
  KsChartColor target, actual, drop;
  cairo_rectangle_t q1, q2, q3, q4, half;

  ks_plan_chart_get_colors (KS_CHART_STYLE_LIGHT, &target, &actual, &drop);
  g_assert_true (ks_plan_chart_get_quarter_rect (WIDTH, HEIGHT, &year, "CNY", NULL, 1, &q1));
  g_assert_true (ks_plan_chart_get_quarter_rect (WIDTH, HEIGHT, &year, "CNY", NULL, 2, &q2));
  g_assert_true (ks_plan_chart_get_quarter_rect (WIDTH, HEIGHT, &year, "CNY", NULL, 3, &q3));
  g_assert_true (ks_plan_chart_get_quarter_rect (WIDTH, HEIGHT, &year, "CNY", NULL, 4, &q4));
  g_assert_cmpfloat (q1.x, >, 0);
  g_assert_cmpfloat (q1.x + q1.width, <=, q2.x + 0.01);
  g_assert_cmpfloat (q4.x + q4.width, <=, WIDTH);
  g_assert_cmpfloat (q1.height, >, HEIGHT / 2);

  /* The white background at the corner. */
  g_assert_cmpint (pixel_at (surface, 1, HEIGHT - 2).r, ==, 255);

  /* Q1: the actual bar, filled, in the right half of its column; its full height is
   * the whole plot (the largest value), a wide solid block. */
  half = q1;
  half.x += q1.width / 2;
  half.width /= 2;
  g_assert_cmpuint (count_color (surface, &half, &actual), >, 0.5 * q1.height * 10);
  /* The target bar's outline in the left half, its light inside not the actual's. */
  half.x = q1.x;
  g_assert_cmpuint (count_color (surface, &half, &target), >, q1.height);

  /* Q2's actual is lower than Q1's: fewer filled pixels. */
  {
    cairo_rectangle_t right1 = q1, right2 = q2;

    right1.x += q1.width / 2;
    right1.width /= 2;
    right2.x += q2.width / 2;
    right2.width /= 2;
    g_assert_cmpuint (count_color (surface, &right2, &actual), <,
                      count_color (surface, &right1, &actual));
    g_assert_cmpuint (count_color (surface, &right2, &actual), >, 0);
  }

  /* Q3: a target and no actual: nothing filled in its right half. */
  half = q3;
  half.x += q3.width / 2;
  half.width /= 2;
  g_assert_cmpuint (count_color (surface, &half, &actual), ==, 0);
  half.x = q3.x;
  g_assert_cmpuint (count_color (surface, &half, &target), >, 0);

  /* Q4: nothing at all. */
  g_assert_cmpuint (count_color (surface, &q4, &actual), ==, 0);

  /* The drop is red in Q2's column (its ▼, attainment and label), nowhere in Q1's. */
  {
    cairo_rectangle_t column1 = { q1.x, 0, q1.width, HEIGHT };
    cairo_rectangle_t column2 = { q2.x, 0, q2.width, HEIGHT };

    g_assert_cmpuint (count_color (surface, &column2, &drop), >, 10);
    g_assert_cmpuint (count_color (surface, &column1, &drop), ==, 0);
  }

  /* Hit-testing follows the columns. */
  g_assert_cmpuint (ks_plan_chart_quarter_at (WIDTH, HEIGHT, &year, "CNY", NULL,
                                              q3.x + q3.width / 2, q3.y + 5), ==, 3);
  g_assert_cmpuint (ks_plan_chart_quarter_at (WIDTH, HEIGHT, &year, "CNY", NULL,
                                              2, HEIGHT / 2), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_styles (void)
{
  KsTargetYear year = sample_year ();
  KsChartStyleKind kinds[] = { KS_CHART_STYLE_DARK, KS_CHART_STYLE_HIGH_CONTRAST };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      cairo_surface_t *surface = render_image (&year, kinds[k], WIDTH, HEIGHT);
      KsChartStyle style;
      KsChartColor actual;
      cairo_rectangle_t q1;

      ks_chart_style_init (&style, kinds[k]);
      ks_plan_chart_get_colors (kinds[k], NULL, &actual, NULL);
      g_assert_true (rgb_near (pixel_at (surface, 1, HEIGHT - 2), &style.background, 1));
      g_assert_true (ks_plan_chart_get_quarter_rect (WIDTH, HEIGHT, &year, "CNY", NULL, 1,
                                                     &q1));
      g_assert_cmpuint (count_color (surface, &q1, &actual), >, 100);
      cairo_surface_destroy (surface);
    }
}

static void
test_empty (void)
{
  KsTargetYear year = { .year = 2031, .metric = KS_TARGET_METRIC_GROSS_MARGIN };
  cairo_surface_t *surface = render_image (&year, KS_CHART_STYLE_LIGHT, WIDTH, HEIGHT);
  g_autofree char *text = ks_plan_chart_describe (&year, NULL);
  cairo_rectangle_t rect;

  g_assert_false (ks_plan_chart_get_quarter_rect (WIDTH, HEIGHT, &year, NULL, NULL, 1, &rect));
  g_assert_cmpuint (ks_plan_chart_quarter_at (WIDTH, HEIGHT, &year, NULL, NULL,
                                              WIDTH / 2, HEIGHT / 2), ==, 0);
  g_assert_nonnull (strstr (text, "No targets for 2031"));
  cairo_surface_destroy (surface);

  /* Only the annual target: still no bars. */
  year.has_target = 1;
  year.target[0] = 3000;
  g_assert_false (ks_plan_chart_get_quarter_rect (WIDTH, HEIGHT, &year, NULL, NULL, 1, &rect));
}

static void
test_describe (void)
{
  KsTargetYear year = sample_year ();
  g_autofree char *q2 = ks_plan_chart_describe_quarter (&year, "CNY", 2);
  g_autofree char *q4 = ks_plan_chart_describe_quarter (&year, "CNY", 4);
  g_autofree char *all = ks_plan_chart_describe (&year, "CNY");

  g_assert_cmpstr (q2, ==, "Q2: target ¥1,000,000.00, actual ¥800,000.00, 80 % attained, "
                           "down 20 points from Q1");
  g_assert_cmpstr (q4, ==, "Q4: target not set, actual not set");
  g_assert_true (g_str_has_prefix (all, "Revenue targets and actuals for 2026. Q1: "));
}

/* Zero, huge, negative and missing values, and any size: no crash, nothing outside. */
static void
test_robust (void)
{
  static const gint64 values[] = {
    0, 1, -1, -500000, G_MAXINT64, G_MININT64, G_MAXINT64 / 3, 123456789012345,
  };
  static const int sizes[][2] = { { 0, 0 }, { 1, 1 }, { 30, 30 }, { 120, 60 }, { 360, 200 },
                                  { 3000, 80 }, { 80, 3000 } };

  for (guint m = 0; m < KS_N_TARGET_METRICS; m++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        KsTargetYear year = { .year = 2026, .metric = m, .has_target = 0x1f, .has_actual = 0x1e };

        for (guint q = 0; q <= KS_PLAN_N_QUARTERS; q++)
          {
            year.target[q] = values[(v + q) % G_N_ELEMENTS (values)];
            year.actual[q] = values[(v + 2 * q + 1) % G_N_ELEMENTS (values)];
          }

        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            cairo_surface_t *surface = render_image (&year, KS_CHART_STYLE_LIGHT,
                                                     sizes[s][0], sizes[s][1]);
            cairo_rectangle_t rect;

            if (ks_plan_chart_get_quarter_rect (sizes[s][0], sizes[s][1], &year, "CNY", NULL,
                                                4, &rect))
              {
                g_assert_true (isfinite (rect.x) && isfinite (rect.height));
                g_assert_cmpfloat (rect.x + rect.width, <=, sizes[s][0] + 0.01);
                g_assert_cmpfloat (rect.height, >, 0);
              }
            cairo_surface_destroy (surface);
          }

        g_free (ks_plan_chart_describe (&year, "CNY"));
        g_free (ks_plan_chart_format_short (values[v], m, "KRW"));
      }

  /* All zero: a scale all the same. */
  {
    KsTargetYear year = { .year = 2026, .metric = KS_TARGET_METRIC_REVENUE,
                          .has_target = 0x1e, .has_actual = 0x1e };
    cairo_surface_t *surface = render_image (&year, KS_CHART_STYLE_LIGHT, WIDTH, HEIGHT);
    cairo_rectangle_t rect;

    g_assert_true (ks_plan_chart_get_quarter_rect (WIDTH, HEIGHT, &year, "CNY", NULL, 1,
                                                   &rect));
    cairo_surface_destroy (surface);
  }
}

static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plan-chart-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *svg = NULL;
  KsTargetYear year = sample_year ();
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  path = g_build_filename (dir, "chart.pdf", NULL);
  svg_path = g_build_filename (dir, "chart.svg", NULL);

  surface = cairo_pdf_surface_create (path, 600, 300);
  cr = cairo_create (surface);
  ks_plan_chart_render (cr, 600, 300, &year, "CNY", KS_CHART_STYLE_LIGHT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  surface = cairo_svg_surface_create (svg_path, 600, 300);
  cr = cairo_create (surface);
  ks_plan_chart_render (cr, 600, 300, &year, "CNY", KS_CHART_STYLE_LIGHT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, "<svg"));

#ifdef HAVE_POPPLER
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
    g_autofree char *text = NULL;
    PopplerDocument *document;
    PopplerPage *page;

    g_assert_no_error (error);
    document = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    page = poppler_document_get_page (document, 0);
    text = poppler_page_get_text (page);
    g_assert_nonnull (strstr (text, "Q1"));
    g_assert_nonnull (strstr (text, "Q4"));
    g_assert_nonnull (strstr (text, "Target"));
    g_assert_nonnull (strstr (text, "Actual"));
    g_assert_nonnull (strstr (text, "Revenue, 2026"));
    g_assert_nonnull (strstr (text, "80 %"));
    g_object_unref (page);
    g_object_unref (document);
  }
#else
  g_test_message ("poppler-glib not found: the PDF's text is not checked");
#endif

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (svg_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/plan-chart/attainment", test_attainment);
  g_test_add_func ("/keystone/plan-chart/format", test_format);
  g_test_add_func ("/keystone/plan-chart/pixels", test_pixels);
  g_test_add_func ("/keystone/plan-chart/styles", test_styles);
  g_test_add_func ("/keystone/plan-chart/empty", test_empty);
  g_test_add_func ("/keystone/plan-chart/describe", test_describe);
  g_test_add_func ("/keystone/plan-chart/robust", test_robust);
  g_test_add_func ("/keystone/plan-chart/pdf", test_pdf);

  return g_test_run ();
}
