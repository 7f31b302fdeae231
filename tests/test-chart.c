/* test-chart.c — the quadrant chart: pixels, hit-testing, labels, description, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#if __has_include (<poppler.h>)
#include <poppler.h>
#define HAVE_POPPLER 1
#endif

#include "ks-account.h"
#include "ks-chart.h"
#include "ks-error.h"
#include "ks-sample.h"

#define WIDTH  1000
#define HEIGHT 700

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
  const guint8 *data;
  guint32 p;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  g_assert_nonnull (data);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  p = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface) +
                                          x * 4);
  /* Opaque surfaces: premultiplied is plain. */
  return (Rgb) { (p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff };
}

static void
check_rgb_near (Rgb         got,
                double      er,
                double      eg,
                double      eb,
                double      tolerance,
                int         line,
                const char *func)
{
  if (fabs (got.r - er) > tolerance || fabs (got.g - eg) > tolerance ||
      fabs (got.b - eb) > tolerance)
    {
      g_autofree char *message = g_strdup_printf ("pixel %d,%d,%d, expected %.0f,%.0f,%.0f",
                                                  got.r, got.g, got.b, er, eg, eb);

      g_assertion_message (G_LOG_DOMAIN, __FILE__, line, func, message);
    }
}

#define assert_rgb_near(got, er, eg, eb, tolerance) \
  check_rgb_near ((got), (er), (eg), (eb), (tolerance), __LINE__, G_STRFUNC)

static int
brightness (Rgb c)
{
  return c.r + c.g + c.b;
}

static cairo_surface_t *
render (KsChartLayout      *layout,
        const KsChartStyle *style,
        int                 width,
        int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  ks_chart_render (layout, cr, style, -1, -1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static KsChartPoint
point (gint64      id,
       const char *name,
       double      value,
       double      growth,
       gint64      size,
       KsTier      tier)
{
  return (KsChartPoint) { .id = id, .name = name, .value = value, .growth = growth,
                          .size = size, .tier = tier };
}

static KsChartData
data_for (const KsChartPoint *points,
          gsize               n,
          double              split_value,
          double              split_growth)
{
  return (KsChartData) { .points = points, .n_points = n, .split_value = split_value,
                         .split_growth = split_growth, .currency = "CNY" };
}

/* A bubble's centre has its tier's colour, over what is under it. */
static void
test_pixels_bubble (void)
{
  const KsChartPoint points[] = {
    point (1, "Core account", 70, 65, 50000000, KS_TIER_CORE),
    point (2, "Developing account", 30, 30, 50000000, KS_TIER_DEVELOPING),
  };
  KsChartData data = data_for (points, G_N_ELEMENTS (points), 50, 50);
  KsChartData empty = data_for (NULL, 0, 50, 50);
  g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL,
                                                         KS_CHART_DEFAULT);
  g_autoptr(KsChartLayout) bare = ks_chart_layout_new (&empty, WIDTH, HEIGHT, NULL,
                                                       KS_CHART_DEFAULT);
  KsChartStyle style;
  cairo_surface_t *chart, *background;

  ks_chart_style_init (&style, KS_CHART_STYLE_LIGHT);
  chart = render (layout, &style, WIDTH, HEIGHT);
  background = render (bare, &style, WIDTH, HEIGHT);

  for (gsize i = 0; i < G_N_ELEMENTS (points); i++)
    {
      const KsChartColor *c = &style.tiers[points[i].tier];
      double x, y, r;
      Rgb under;

      ks_chart_layout_get_bubble (layout, i, &x, &y, &r);
      g_assert_cmpfloat (r, >, 4);
      under = pixel_at (background, (int) x, (int) y);
      assert_rgb_near (pixel_at (chart, (int) x, (int) y),
                       c->red * 255 * c->alpha + under.r * (1 - c->alpha),
                       c->green * 255 * c->alpha + under.g * (1 - c->alpha),
                       c->blue * 255 * c->alpha + under.b * (1 - c->alpha), 3);
    }

  /* Outside the plot, the background itself. */
  assert_rgb_near (pixel_at (chart, 2, 2), 255, 255, 255, 0);
  assert_rgb_near (pixel_at (chart, WIDTH - 3, HEIGHT - 3), 255, 255, 255, 0);

  cairo_surface_destroy (chart);
  cairo_surface_destroy (background);

  /* The dark style's background is dark. */
  ks_chart_style_init (&style, KS_CHART_STYLE_DARK);
  chart = render (layout, &style, WIDTH, HEIGHT);
  assert_rgb_near (pixel_at (chart, 2, 2), 0x1e, 0x1e, 0x1e, 0);
  cairo_surface_destroy (chart);
}

/* On a HiDPI surface and under a scale, the bubble is still where the layout says. */
static void
test_pixels_scaled (void)
{
  const KsChartPoint points[] = { point (1, "Key account", 60, 40, 1000, KS_TIER_KEY) };
  KsChartData data = data_for (points, 1, 50, 50);
  g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, 500, 400, NULL,
                                                         KS_CHART_FLAGS_NONE);
  KsChartStyle style;
  double x, y, r;

  ks_chart_style_init (&style, KS_CHART_STYLE_HIGH_CONTRAST);
  ks_chart_layout_get_bubble (layout, 0, &x, &y, &r);

  for (guint mode = 0; mode < 2; mode++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 800);
      const KsChartColor *c = &style.tiers[KS_TIER_KEY];
      cairo_t *cr;

      if (mode == 0)
        cairo_surface_set_device_scale (surface, 2, 2);
      cr = cairo_create (surface);
      if (mode == 1)
        cairo_scale (cr, 2, 2);
      ks_chart_render (layout, cr, &style, -1, -1);
      cairo_destroy (cr);

      /* High contrast: opaque bubbles. */
      assert_rgb_near (pixel_at (surface, (int) (2 * x), (int) (2 * y)),
                       c->red * 255, c->green * 255, c->blue * 255, 1);
      assert_rgb_near (pixel_at (surface, (int) (2 * (x + r + 6)), (int) (2 * y)),
                       255, 255, 255, 0);
      cairo_surface_destroy (surface);
    }
}

/* The quadrant lines are on the column and row the split says. */
static void
check_split (double split_value,
             double split_growth)
{
  KsChartData data = data_for (NULL, 0, split_value, split_growth);
  g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL,
                                                         KS_CHART_DEFAULT);
  KsChartStyle style;
  cairo_surface_t *surface;
  cairo_rectangle_t plot;
  double sx, sy, x, y, x0, x100, y0, y100;
  int row, column;

  ks_chart_style_init (&style, KS_CHART_STYLE_LIGHT);
  surface = render (layout, &style, WIDTH, HEIGHT);
  ks_chart_layout_get_plot (layout, &plot);
  ks_chart_layout_get_split (layout, &sx, &sy);
  ks_chart_layout_map (layout, split_value, split_growth, &x, &y);
  ks_chart_layout_map (layout, 0, 0, &x0, &y0);
  ks_chart_layout_map (layout, 100, 100, &x100, &y100);

  /* The mapping is linear, inside the plot, growth upwards. */
  g_assert_cmpfloat (x0, >=, plot.x);
  g_assert_cmpfloat (x100, <=, plot.x + plot.width);
  g_assert_cmpfloat (y100, >=, plot.y);
  g_assert_cmpfloat (y0, <=, plot.y + plot.height);
  g_assert_cmpfloat (y100, <, y0);
  g_assert_cmpfloat_with_epsilon (x, x0 + (x100 - x0) * split_value / 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, y0 + (y100 - y0) * split_growth / 100, 1e-9);
  g_assert_cmpint ((int) floor (sx), ==, (int) floor (x));
  g_assert_cmpint ((int) floor (sy), ==, (int) floor (y));

  /* Probe the vertical line at growth 40 and 90, the horizontal one at value 10 and 60,
   * off every grid line; the neighbours three pixels away are much lighter. */
  column = (int) floor (x);
  for (guint i = 0; i < 2; i++)
    {
      double probe_y;

      ks_chart_layout_map (layout, 0, i == 0 ? 40 : 90, NULL, &probe_y);
      row = (int) probe_y;
      g_assert_cmpint (brightness (pixel_at (surface, column, row)) + 120, <,
                       brightness (pixel_at (surface, column - 3, row)));
      g_assert_cmpint (brightness (pixel_at (surface, column, row)) + 120, <,
                       brightness (pixel_at (surface, column + 3, row)));
    }
  row = (int) floor (y);
  for (guint i = 0; i < 2; i++)
    {
      double probe_x;

      ks_chart_layout_map (layout, i == 0 ? 10 : 60, 0, &probe_x, NULL);
      column = (int) probe_x;
      g_assert_cmpint (brightness (pixel_at (surface, column, row)) + 120, <,
                       brightness (pixel_at (surface, column, row - 3)));
      g_assert_cmpint (brightness (pixel_at (surface, column, row)) + 120, <,
                       brightness (pixel_at (surface, column, row + 3)));
    }

  /* Where the split is not, at most a faint grid line. */
  if (split_value != 50)
    {
      double grid_x, probe_y;

      ks_chart_layout_map (layout, 50, 40, &grid_x, &probe_y);
      column = (int) floor (grid_x);
      g_assert_cmpint (brightness (pixel_at (surface, column, (int) probe_y)) + 120, >,
                       brightness (pixel_at (surface, column - 3, (int) probe_y)));
    }

  cairo_surface_destroy (surface);
}

static void
test_pixels_split (void)
{
  check_split (50, 50);
  check_split (30, 70);
  check_split (62.5, 41);
}

/* Hit-testing */

static void
test_hit_test (void)
{
  const KsChartPoint points[] = {
    /* Two equal bubbles overlapping side by side. */
    point (10, "Left", 40, 50, 100000000, KS_TIER_CORE),
    point (11, "Right", 43, 50, 100000000, KS_TIER_KEY),
    /* A small bubble on top of a large one, off its centre. */
    point (12, "Large", 75, 20, 100000000, KS_TIER_DEVELOPING),
    point (13, "Small", 76.5, 21.5, 1000000, KS_TIER_STANDARD),
  };
  KsChartData data = data_for (points, G_N_ELEMENTS (points), 50, 50);
  g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL,
                                                         KS_CHART_DEFAULT);
  double lx, ly, lr, rx, ry, rr, bx, by, br, sx, sy, sr;

  g_assert_cmpuint (ks_chart_layout_get_n_points (layout), ==, 4);
  g_assert_cmpint (ks_chart_layout_get_id (layout, 3), ==, 13);
  ks_chart_layout_get_bubble (layout, 0, &lx, &ly, &lr);
  ks_chart_layout_get_bubble (layout, 1, &rx, &ry, &rr);
  ks_chart_layout_get_bubble (layout, 2, &bx, &by, &br);
  ks_chart_layout_get_bubble (layout, 3, &sx, &sy, &sr);

  /* Precondition: they overlap as intended. */
  g_assert_cmpfloat (rx - lx, <, lr + rr);
  g_assert_cmpfloat (hypot (sx - bx, sy - by) + sr, <, br);

  g_assert_cmpint (ks_chart_layout_hit_test (layout, lx, ly), ==, 0);
  g_assert_cmpint (ks_chart_layout_hit_test (layout, lx - lr + 1, ly), ==, 0);
  g_assert_cmpint (ks_chart_layout_hit_test (layout, lx - lr - 1, ly), ==, -1);
  g_assert_cmpint (ks_chart_layout_hit_test (layout, lx, ly - lr - 1), ==, -1);
  g_assert_cmpint (ks_chart_layout_hit_test (layout, -10, -10), ==, -1);
  g_assert_cmpint (ks_chart_layout_hit_test (layout, 2, 2), ==, -1);

  /* In both, the nearer centre wins, on either side of the middle. */
  g_assert_cmpint (ks_chart_layout_hit_test (layout, (lx + rx) / 2 - 1, ly), ==, 0);
  g_assert_cmpint (ks_chart_layout_hit_test (layout, (lx + rx) / 2 + 1, ly), ==, 1);
  g_assert_cmpint (ks_chart_layout_hit_test (layout, rx, ry), ==, 1);

  /* The small one is reachable on the large one; around it, the large one. */
  g_assert_cmpint (ks_chart_layout_hit_test (layout, sx, sy), ==, 3);
  g_assert_cmpint (ks_chart_layout_hit_test (layout, bx, by), ==, 2);
  g_assert_cmpint (ks_chart_layout_hit_test (layout, bx - br + 2, by), ==, 2);
}

/* The quadrant titles: where they belong, and found by quadrant_at. */
static void
test_quadrant_at (void)
{
  KsChartData data = data_for (NULL, 0, 30, 70);
  g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL,
                                                         KS_CHART_DEFAULT);
  cairo_rectangle_t plot;
  double sx, sy;

  ks_chart_layout_get_plot (layout, &plot);
  ks_chart_layout_get_split (layout, &sx, &sy);

  for (KsQuadrant q = 0; q < KS_N_QUADRANTS; q++)
    {
      gboolean high_value = q == KS_QUADRANT_STRATEGIC || q == KS_QUADRANT_SUSTAIN;
      gboolean high_growth = q == KS_QUADRANT_STRATEGIC || q == KS_QUADRANT_GROW;
      cairo_rectangle_t rect;

      ks_chart_layout_get_quadrant_rect (layout, q, &rect);
      g_assert_cmpfloat (rect.width, >, 0);
      g_assert_cmpfloat (rect.height, >, 0);
      if (high_value)
        g_assert_cmpfloat (rect.x, >, sx);
      else
        g_assert_cmpfloat (rect.x + rect.width, <, sx);
      if (high_growth)
        g_assert_cmpfloat (rect.y + rect.height, <, sy);
      else
        g_assert_cmpfloat (rect.y, >, sy);
      g_assert_cmpfloat (rect.x, >=, plot.x);
      g_assert_cmpfloat (rect.y, >=, plot.y);
      g_assert_cmpfloat (rect.x + rect.width, <=, plot.x + plot.width);
      g_assert_cmpfloat (rect.y + rect.height, <=, plot.y + plot.height);

      g_assert_cmpint (ks_chart_layout_quadrant_at (layout, rect.x + rect.width / 2,
                                                    rect.y + rect.height / 2), ==, q);
      g_assert_cmpint (ks_chart_layout_quadrant_at (layout, rect.x + 1, rect.y + 1), ==, q);
    }

  g_assert_cmpint (ks_chart_layout_quadrant_at (layout, sx, sy), ==, -1);
  g_assert_cmpint (ks_chart_layout_quadrant_at (layout, 1, 1), ==, -1);
}

/* Arrow keys go to the nearest bubble that way, straight lines first. */
static void
test_neighbour (void)
{
  const KsChartPoint points[] = {
    point (1, "Centre", 50, 50, 5000, KS_TIER_KEY),
    point (2, "East", 80, 50, 5000, KS_TIER_KEY),
    point (3, "Far east", 95, 52, 5000, KS_TIER_KEY),
    point (4, "West", 20, 48, 5000, KS_TIER_KEY),
    point (5, "North", 51, 80, 5000, KS_TIER_KEY),
    point (6, "South", 49, 15, 5000, KS_TIER_KEY),
    /* Just right of the centre but far up: not what the right arrow means. */
    point (7, "Up the side", 56, 95, 9000, KS_TIER_CORE),
  };
  KsChartData data = data_for (points, G_N_ELEMENTS (points), 50, 50);
  g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL,
                                                         KS_CHART_DEFAULT);
  KsChartData empty = data_for (NULL, 0, 50, 50);
  g_autoptr(KsChartLayout) none = ks_chart_layout_new (&empty, WIDTH, HEIGHT, NULL,
                                                       KS_CHART_DEFAULT);

  /* From nothing, the largest account. */
  g_assert_cmpint (ks_chart_layout_neighbour (layout, -1, KS_CHART_RIGHT), ==, 6);

  g_assert_cmpint (ks_chart_layout_neighbour (layout, 0, KS_CHART_RIGHT), ==, 1);
  g_assert_cmpint (ks_chart_layout_neighbour (layout, 1, KS_CHART_RIGHT), ==, 2);
  g_assert_cmpint (ks_chart_layout_neighbour (layout, 2, KS_CHART_RIGHT), ==, -1);
  g_assert_cmpint (ks_chart_layout_neighbour (layout, 0, KS_CHART_LEFT), ==, 3);
  g_assert_cmpint (ks_chart_layout_neighbour (layout, 3, KS_CHART_LEFT), ==, -1);
  g_assert_cmpint (ks_chart_layout_neighbour (layout, 0, KS_CHART_UP), ==, 4);
  g_assert_cmpint (ks_chart_layout_neighbour (layout, 4, KS_CHART_UP), ==, 6);
  g_assert_cmpint (ks_chart_layout_neighbour (layout, 0, KS_CHART_DOWN), ==, 5);
  g_assert_cmpint (ks_chart_layout_neighbour (layout, 2, KS_CHART_LEFT), ==, 1);

  g_assert_cmpint (ks_chart_layout_neighbour (none, -1, KS_CHART_RIGHT), ==, -1);
}

/* Labels */

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const cairo_rectangle_t *outer,
             const cairo_rectangle_t *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static const char * const name_parts[] = {
  "华东", "精密", "制造", "有限公司", "Northwind", "Logistics", "Ltd", "GmbH", "股份",
  "Brightwater Energy Incorporated International Holdings", "A", "科技", "Ö",
};

/* Over random portfolios: no two labels overlap, none leaves the plot or covers a
 * quadrant title, and the largest accounts get theirs first. */
static void
test_labels_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  guint total_labels = 0;

  for (guint run = 0; run < 200; run++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 301);
      KsChartPoint *points = g_new0 (KsChartPoint, n);
      GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
      double width = g_rand_double_range (rand, 320, 1600);
      double height = g_rand_double_range (rand, 240, 1000);
      KsChartData data;
      KsChartLayout *layout;
      cairo_rectangle_t plot, titles[KS_N_QUADRANTS];
      GArray *labels = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

      for (guint i = 0; i < n; i++)
        {
          GString *name = g_string_new (NULL);
          guint parts = (guint) g_rand_int_range (rand, 0, 5);

          for (guint p = 0; p < parts; p++)
            g_string_append (name, name_parts[g_rand_int_range (rand, 0,
                                                                G_N_ELEMENTS (name_parts))]);
          g_ptr_array_add (names, g_string_free (name, FALSE));
          points[i].id = i;
          points[i].name = names->pdata[i];
          /* Clusters and exact duplicates, as scores are sums of small integers. */
          points[i].value = g_rand_int_range (rand, 0, 3) == 0
                            ? g_rand_int_range (rand, 0, 11) * 10
                            : g_rand_double_range (rand, -5, 105);
          points[i].growth = g_rand_int_range (rand, 0, 3) == 0
                             ? g_rand_int_range (rand, 0, 11) * 10
                             : g_rand_double_range (rand, 0, 100);
          points[i].size = g_rand_int_range (rand, 0, 10) == 0
                           ? 0 : (gint64) pow (10, g_rand_double_range (rand, 3, 10));
          points[i].tier = g_rand_int_range (rand, 0, KS_N_TIERS);
        }
      data = data_for (points, n, g_rand_double_range (rand, 10, 90),
                       g_rand_double_range (rand, 10, 90));
      layout = ks_chart_layout_new (&data, width, height, NULL, KS_CHART_DEFAULT);
      ks_chart_layout_get_plot (layout, &plot);
      for (KsQuadrant q = 0; q < KS_N_QUADRANTS; q++)
        ks_chart_layout_get_quadrant_rect (layout, q, &titles[q]);

      for (guint i = 0; i < n; i++)
        {
          cairo_rectangle_t rect;

          if (!ks_chart_layout_get_label_rect (layout, i, &rect))
            continue;
          g_assert_cmpfloat (rect.width, >, 0);
          g_assert_cmpfloat (rect.height, >, 0);
          if (!rect_inside (&plot, &rect))
            g_error ("run %u: label of point %u (%g,%g %gx%g) leaves the plot "
                     "(%g,%g %gx%g)", run, i, rect.x, rect.y, rect.width, rect.height,
                     plot.x, plot.y, plot.width, plot.height);
          for (KsQuadrant q = 0; q < KS_N_QUADRANTS; q++)
            {
              if (titles[q].width > 0 && rects_overlap (&rect, &titles[q]))
                g_error ("run %u: label of point %u covers quadrant title %d", run, i, q);
            }
          for (guint j = 0; j < labels->len; j++)
            {
              if (rects_overlap (&rect, &g_array_index (labels, cairo_rectangle_t, j)))
                g_error ("run %u: label of point %u overlaps another", run, i);
            }
          g_array_append_val (labels, rect);
        }

      total_labels += labels->len;
      g_assert_cmpuint (labels->len, <=, 40);

      g_array_unref (labels);
      ks_chart_layout_unref (layout);
      g_ptr_array_unref (names);
      g_free (points);
    }

  g_assert_cmpuint (total_labels, >, 200);
}

static GArray *
sample_points (GPtrArray **accounts_out)
{
  GPtrArray *accounts = ks_sample_create_accounts ();
  GArray *points = g_array_new (FALSE, TRUE, sizeof (KsChartPoint));
  KsScoringRules rules;

  ks_scoring_rules_init_default (&rules);
  for (guint i = 0; i < accounts->len; i++)
    {
      KsAccount *account = accounts->pdata[i];
      KsChartPoint p;

      ks_account_apply_scores (account, &rules, 50, 50);
      p = point (i + 1, ks_account_get_name (account), ks_account_get_value_score (account),
                 ks_account_get_growth_score (account),
                 ks_account_get_annual_purchases (account), ks_account_get_tier (account));
      g_array_append_val (points, p);
    }

  *accounts_out = accounts;
  return points;
}

/* In the sample portfolio on a slide-sized chart, the largest accounts carry labels. */
static void
test_labels_sample (void)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GArray) points = sample_points (&accounts);
  KsChartData data = data_for ((KsChartPoint *) (gpointer) points->data, points->len, 50, 50);
  g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, 1200, 800, NULL,
                                                         KS_CHART_DEFAULT);
  guint largest = 0, labelled = 0;

  for (guint i = 0; i < points->len; i++)
    {
      if (g_array_index (points, KsChartPoint, i).size >
          g_array_index (points, KsChartPoint, largest).size)
        largest = i;
      labelled += ks_chart_layout_get_label_rect (layout, i, NULL);
    }

  g_assert_true (ks_chart_layout_get_label_rect (layout, largest, NULL));
  g_assert_cmpuint (labelled, >=, points->len * 3 / 4);

  /* Without the flag, none. */
  {
    g_autoptr(KsChartLayout) bare = ks_chart_layout_new (&data, 1200, 800, NULL,
                                                         KS_CHART_LEGEND);

    for (guint i = 0; i < points->len; i++)
      g_assert_false (ks_chart_layout_get_label_rect (bare, i, NULL));
  }
}

/* Description */

static void
test_describe (void)
{
  const KsChartPoint points[] = {
    point (1, "Alpha", 80, 80, 900, KS_TIER_CORE),
    point (2, "Bravo", 60, 90, 800, KS_TIER_KEY),
    point (3, "Charlie", 55, 51, 700, KS_TIER_KEY),
    point (4, "Delta", 20, 70, 600, KS_TIER_DEVELOPING),
    point (5, "Echo", 10, 90, 500, KS_TIER_STANDARD),
    point (6, "Foxtrot", 90, 10, 10000, KS_TIER_CORE),
  };
  KsChartData data = data_for (points, G_N_ELEMENTS (points), 50, 50);
  g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL,
                                                         KS_CHART_DEFAULT);
  g_autofree char *text = ks_chart_layout_describe (layout);
  KsChartData empty = data_for (NULL, 0, 50, 50);
  g_autoptr(KsChartLayout) none = ks_chart_layout_new (&empty, WIDTH, HEIGHT, NULL,
                                                       KS_CHART_DEFAULT);
  g_autofree char *nothing = ks_chart_layout_describe (none);

  g_assert_nonnull (strstr (text, "6 accounts"));
  g_assert_nonnull (strstr (text, "Strategic: 3 accounts."));
  g_assert_nonnull (strstr (text, "Grow: 2 accounts."));
  g_assert_nonnull (strstr (text, "Sustain: 1 account."));
  g_assert_nonnull (strstr (text, "Streamline: 0 accounts."));
  /* The top five by size, the largest first, with their quadrants; not the sixth. */
  g_assert_nonnull (strstr (text, "Foxtrot (Sustain), Alpha (Strategic)"));
  g_assert_null (strstr (text, "Echo"));
  g_assert_null (strstr (text, "changed quadrant"));

  g_assert_nonnull (strstr (nothing, "0 accounts"));
  g_assert_null (strstr (nothing, "Largest"));
}

/* Movement arrows are drawn and counted. */
static void
test_movement (void)
{
  KsChartPoint points[] = {
    point (1, "Climber", 70, 70, 1000, KS_TIER_KEY),
    point (2, "Steady", 20, 20, 1000, KS_TIER_KEY),
  };
  KsChartData data = data_for (points, G_N_ELEMENTS (points), 50, 50);
  g_autoptr(KsChartLayout) layout = NULL;
  g_autoptr(KsChartLayout) still = NULL;
  g_autofree char *text = NULL;
  KsChartStyle style;
  cairo_surface_t *with, *without;
  double x0, y0, x1, y1;

  points[0].has_previous = TRUE;
  points[0].previous_value = 30;
  points[0].previous_growth = 70;
  points[1].has_previous = TRUE;
  points[1].previous_value = 22;
  points[1].previous_growth = 20;
  layout = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL, KS_CHART_DEFAULT);
  still = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL,
                               KS_CHART_DEFAULT & ~KS_CHART_MOVEMENT);

  text = ks_chart_layout_describe (layout);
  g_assert_nonnull (strstr (text, "1 account changed quadrant"));

  /* Halfway along the arrow, ink; without movement, none. */
  ks_chart_style_init (&style, KS_CHART_STYLE_LIGHT);
  with = render (layout, &style, WIDTH, HEIGHT);
  without = render (still, &style, WIDTH, HEIGHT);
  ks_chart_layout_map (layout, 30, 70, &x0, &y0);
  ks_chart_layout_map (layout, 60, 70, &x1, &y1);
  g_assert_cmpint (brightness (pixel_at (with, (int) x1, (int) y1)) + 100, <,
                   brightness (pixel_at (without, (int) x1, (int) y1)));
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* The overlay rings the hovered bubble and touches nothing far from it. */
static void
test_overlay (void)
{
  const KsChartPoint points[] = {
    point (1, "Hovered", 30, 60, 1000000, KS_TIER_DEVELOPING),
    point (2, "Focused", 70, 30, 1000000, KS_TIER_KEY),
  };
  KsChartData data = data_for (points, G_N_ELEMENTS (points), 50, 50);
  g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL,
                                                         KS_CHART_DEFAULT);
  KsChartStyle style;
  cairo_surface_t *plain, *ringed;
  cairo_t *cr;
  double hx, hy, hr, fx, fy, fr;

  ks_chart_style_init (&style, KS_CHART_STYLE_LIGHT);
  plain = render (layout, &style, WIDTH, HEIGHT);
  ringed = render (layout, &style, WIDTH, HEIGHT);
  cr = cairo_create (ringed);
  ks_chart_render_overlay (layout, cr, &style, 0, 1);
  cairo_destroy (cr);

  ks_chart_layout_get_bubble (layout, 0, &hx, &hy, &hr);
  ks_chart_layout_get_bubble (layout, 1, &fx, &fy, &fr);

  /* Just outside the hovered bubble: the dark ring. */
  g_assert_cmpint (brightness (pixel_at (ringed, (int) (hx + hr + 1.5), (int) hy)) + 200, <,
                   brightness (pixel_at (plain, (int) (hx + hr + 1.5), (int) hy)));
  /* Around the focused one: the focus colour, blue. */
  {
    Rgb ring = pixel_at (ringed, (int) fx, (int) (fy - fr - 4));

    g_assert_cmpint (ring.b, >, ring.r + 80);
  }
  /* Far from both, unchanged. */
  assert_rgb_near (pixel_at (ringed, 5, 5), 255, 255, 255, 0);
  {
    Rgb a = pixel_at (ringed, (int) ((hx + fx) / 2), (int) ((hy + fy) / 2) + 37);
    Rgb b = pixel_at (plain, (int) ((hx + fx) / 2), (int) ((hy + fy) / 2) + 37);

    assert_rgb_near (a, b.r, b.g, b.b, 0);
  }

  cairo_surface_destroy (plain);
  cairo_surface_destroy (ringed);
}

/* Export */

typedef struct
{
  char *dir;
} ExportFixture;

static void
export_setup (ExportFixture *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ks-chart-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
export_teardown (ExportFixture *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_chmod (fixture->dir, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static gboolean
export_sample (KsChartFormat   format,
               const char     *path,
               int             width,
               int             height,
               GError        **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GArray) points = sample_points (&accounts);
  KsChartData data = data_for ((KsChartPoint *) (gpointer) points->data, points->len, 50, 50);

  return ks_chart_export (&data, NULL, format, path, width, height, error);
}

static void
test_export_png (ExportFixture *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;

  g_assert_true (export_sample (KS_CHART_FORMAT_PNG, path, 1200, 800, &error));
  g_assert_no_error (error);

  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 800);
  cairo_surface_destroy (png);

  /* Larger: the same chart, sharper. */
  g_assert_true (export_sample (KS_CHART_FORMAT_PNG, path, 2400, 1600, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2400);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1600);
  cairo_surface_destroy (png);

  /* The file replaced, no temporary file left. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_export_svg (ExportFixture *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (export_sample (KS_CHART_FORMAT_SVG, path, 1200, 800, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"1200"));
  /* Bubbles are paths, not pictures of bubbles. */
  g_assert_null (strstr (contents, "<image"));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_export_pdf (ExportFixture *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (export_sample (KS_CHART_FORMAT_PDF, path, 1200, 800, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);

#ifdef HAVE_POPPLER
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
    PopplerDocument *document;
    PopplerPage *page;
    g_autofree char *text = NULL;
    double page_width, page_height;

    g_assert_no_error (error);
    document = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
    page = poppler_document_get_page (document, 0);
    poppler_page_get_size (page, &page_width, &page_height);
    g_assert_cmpfloat_with_epsilon (page_width, 900, 0.5);
    g_assert_cmpfloat_with_epsilon (page_height, 600, 0.5);

    text = poppler_page_get_text (page);
    g_assert_nonnull (strstr (text, "Strategic"));
    g_assert_nonnull (strstr (text, "Grow"));
    g_assert_nonnull (strstr (text, "Sustain"));
    g_assert_nonnull (strstr (text, "Streamline"));
    g_assert_nonnull (strstr (text, "Growth potential"));
    g_assert_nonnull (strstr (text, "Account portfolio"));
    /* The names stay text, in Chinese too. */
    g_assert_nonnull (strstr (text, "华东精密制造有限公司"));

    g_object_unref (page);
    g_object_unref (document);
  }
#else
  g_test_message ("poppler-glib not found: the PDF's text is not checked");
#endif
}

static void
test_export_unwritable (ExportFixture *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "chart.png", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *locked_path = g_build_filename (locked, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (export_sample (KS_CHART_FORMAT_PNG, missing, 800, 600, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);

  /* A folder that cannot be written; root writes anyway, so only for others. */
  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  if (access (locked, W_OK) == 0)
    {
      g_test_message ("running as root: the read-only folder is not checked");
    }
  else
    {
      g_assert_false (export_sample (KS_CHART_FORMAT_PDF, locked_path, 800, 600, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_cmpuint (count_files (locked), ==, 0);
    }
  g_chmod (locked, 0700);
  g_rmdir (locked);

  /* A size out of range is the caller's mistake, said in words. */
  g_assert_false (export_sample (KS_CHART_FORMAT_SVG, missing, 50, 600, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
}

/* Odd inputs do not crash: scores out of range, NaN, no names, no sizes, a tiny chart. */
static void
test_robust (void)
{
  const KsChartPoint points[] = {
    point (1, NULL, -20, 140, -5, KS_TIER_CORE),
    point (2, "Line\nbreak", NAN, INFINITY, 0, (KsTier) 99),
    point (3, "", 50, 50, 0, KS_TIER_KEY),
  };
  KsChartData data = data_for (points, G_N_ELEMENTS (points), 150, -3);
  KsChartStyle style;

  ks_chart_style_init (&style, KS_CHART_STYLE_DARK);
  for (guint i = 0; i < 3; i++)
    {
      double w = i == 0 ? 40 : i == 1 ? 300 : 3000;
      g_autoptr(KsChartLayout) layout = ks_chart_layout_new (&data, w, w * 0.6, NULL,
                                                             KS_CHART_DEFAULT);
      cairo_surface_t *surface = render (layout, &style, (int) w, (int) (w * 0.6));
      g_autofree char *text = ks_chart_layout_describe (layout);
      double x, y;

      ks_chart_layout_get_bubble (layout, 0, &x, &y, NULL);
      g_assert_true (isfinite (x) && isfinite (y));
      ks_chart_layout_get_bubble (layout, 1, &x, &y, NULL);
      g_assert_true (isfinite (x) && isfinite (y));
      g_assert_nonnull (strstr (text, "3 accounts"));
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/chart/pixels/bubble", test_pixels_bubble);
  g_test_add_func ("/keystone/chart/pixels/scaled", test_pixels_scaled);
  g_test_add_func ("/keystone/chart/pixels/split", test_pixels_split);
  g_test_add_func ("/keystone/chart/hit-test", test_hit_test);
  g_test_add_func ("/keystone/chart/quadrant-at", test_quadrant_at);
  g_test_add_func ("/keystone/chart/neighbour", test_neighbour);
  g_test_add_func ("/keystone/chart/labels/property", test_labels_property);
  g_test_add_func ("/keystone/chart/labels/sample", test_labels_sample);
  g_test_add_func ("/keystone/chart/describe", test_describe);
  g_test_add_func ("/keystone/chart/movement", test_movement);
  g_test_add_func ("/keystone/chart/overlay", test_overlay);
  g_test_add_func ("/keystone/chart/robust", test_robust);
  g_test_add ("/keystone/chart/export/png", ExportFixture, NULL,
              export_setup, test_export_png, export_teardown);
  g_test_add ("/keystone/chart/export/svg", ExportFixture, NULL,
              export_setup, test_export_svg, export_teardown);
  g_test_add ("/keystone/chart/export/pdf", ExportFixture, NULL,
              export_setup, test_export_pdf, export_teardown);
  g_test_add ("/keystone/chart/export/unwritable", ExportFixture, NULL,
              export_setup, test_export_unwritable, export_teardown);

  return g_test_run ();
}
