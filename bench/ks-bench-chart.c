/* ks-bench-chart.c — how fast the quadrant chart lays out and draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   ks-bench-chart [RUNS]
 *
 * For 10 000 and 100 000 invented accounts (fixed seed), the median of RUNS runs
 * (default 15) of: the layout; a full render onto a 1200×800 image surface; the floor,
 * cairo_arc + cairo_fill for every bubble onto the same surface; a hover frame, the
 * cached chart painted plus ks_chart_render_overlay(); and a hit test. Goals beside.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "ks-chart.h"

#define WIDTH  1200
#define HEIGHT 800

typedef struct
{
  KsChartPoint *points;
  char        **names;
  gsize         n;
} Portfolio;

static void
portfolio_init (Portfolio *p,
                gsize      n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240501);

  p->n = n;
  p->points = g_new0 (KsChartPoint, n);
  p->names = g_new0 (char *, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      KsChartPoint *pt = &p->points[i];

      p->names[i] = g_strdup_printf ("Account %" G_GSIZE_FORMAT, i + 1);
      pt->id = (gint64) i + 1;
      pt->name = p->names[i];
      pt->value = g_rand_double_range (rand, 0, 100);
      pt->growth = g_rand_double_range (rand, 0, 100);
      /* Purchases spread over three orders of magnitude, like a real portfolio. */
      pt->size = (gint64) (100000 * pow (10, g_rand_double_range (rand, 0, 3)));
      pt->tier = g_rand_int_range (rand, 0, KS_N_TIERS);
    }
}

static void
portfolio_clear (Portfolio *p)
{
  g_strfreev (p->names);
  g_free (p->points);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (double *ms,
        guint   n)
{
  qsort (ms, n, sizeof *ms, compare_doubles);
  return ms[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
print_row (const char *what,
           double      ms,
           const char *goal)
{
  g_print ("  %-36s %8.2f ms   %s\n", what, ms, goal);
}

static void
bench (gsize n,
       guint runs)
{
  Portfolio p;
  KsChartData data = { 0 };
  KsChartStyle style;
  KsChartLayout *layout = NULL;
  cairo_surface_t *surface, *cache;
  cairo_t *cr;
  double *ms = g_new (double, runs);
  double t, first;
  double layout_ms, render_ms, floor_ms, overlay_ms, hover_ms, hit_ms;
  char goal[64];
  int hits = 0;

  portfolio_init (&p, n);
  data.points = p.points;
  data.n_points = p.n;
  data.split_value = 50;
  data.split_growth = 50;
  data.currency = "CNY";
  ks_chart_style_init (&style, KS_CHART_STYLE_LIGHT);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  for (guint r = 0; r < runs; r++)
    {
      g_clear_pointer (&layout, ks_chart_layout_unref);
      t = now_ms ();
      layout = ks_chart_layout_new (&data, WIDTH, HEIGHT, NULL, KS_CHART_DEFAULT);
      ms[r] = now_ms () - t;
    }
  layout_ms = median (ms, runs);

  /* The first render also makes the bubble sprites. */
  cr = cairo_create (surface);
  t = now_ms ();
  ks_chart_render (layout, cr, &style, -1, -1);
  cairo_surface_flush (surface);
  first = now_ms () - t;
  cairo_destroy (cr);

  for (guint r = 0; r < runs; r++)
    {
      cr = cairo_create (surface);
      t = now_ms ();
      ks_chart_render (layout, cr, &style, -1, -1);
      cairo_surface_flush (surface);
      ms[r] = now_ms () - t;
      cairo_destroy (cr);
    }
  render_ms = median (ms, runs);

  for (guint r = 0; r < runs; r++)
    {
      cr = cairo_create (surface);
      t = now_ms ();
      for (gsize i = 0; i < n; i++)
        {
          double x, y, radius;

          ks_chart_layout_get_bubble (layout, i, &x, &y, &radius);
          cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, 0, 0.45, 0.7, 0.85);
          cairo_fill (cr);
        }
      cairo_surface_flush (surface);
      ms[r] = now_ms () - t;
      cairo_destroy (cr);
    }
  floor_ms = median (ms, runs);

  cr = cairo_create (cache);
  ks_chart_render (layout, cr, &style, -1, -1);
  cairo_destroy (cr);

  for (guint r = 0; r < runs; r++)
    {
      cr = cairo_create (surface);
      t = now_ms ();
      ks_chart_render_overlay (layout, cr, &style, (int) (r % n), (int) ((r * 7) % n));
      cairo_surface_flush (surface);
      ms[r] = now_ms () - t;
      cairo_destroy (cr);
    }
  overlay_ms = median (ms, runs);

  /* What a widget does on a hover: find the bubble, paint the cached chart, the ring. */
  for (guint r = 0; r < runs; r++)
    {
      double x, y;

      ks_chart_layout_get_bubble (layout, (r * 131) % n, &x, &y, NULL);
      cr = cairo_create (surface);
      t = now_ms ();
      hits += ks_chart_layout_hit_test (layout, x, y) >= 0;
      cairo_set_source_surface (cr, cache, 0, 0);
      cairo_paint (cr);
      ks_chart_render_overlay (layout, cr, &style, (int) ((r * 131) % n), -1);
      cairo_surface_flush (surface);
      ms[r] = now_ms () - t;
      cairo_destroy (cr);
    }
  hover_ms = median (ms, runs);

  for (guint r = 0; r < runs; r++)
    {
      t = now_ms ();
      for (guint k = 0; k < 100; k++)
        hits += ks_chart_layout_hit_test (layout, (k * 37) % WIDTH, (k * 53) % HEIGHT) >= 0;
      ms[r] = (now_ms () - t) / 100;
    }
  hit_ms = median (ms, runs);

  g_print ("%" G_GSIZE_FORMAT " accounts, %dx%d image surface, median of %u runs\n",
           n, WIDTH, HEIGHT, runs);
  print_row ("layout", layout_ms, n >= 100000 ? "goal: under 100 ms" : "");
  print_row ("full render, first (makes sprites)", first,
             n >= 100000 ? "goal: under 100 ms" : "");
  g_snprintf (goal, sizeof goal, "goal: %s; %.1f× faster than the floor",
              n >= 100000 ? "under 100 ms" : "under 16 ms", floor_ms / MAX (render_ms, 0.001));
  print_row ("full render", render_ms, goal);
  print_row ("floor: cairo_arc + cairo_fill each", floor_ms,
             "the yardstick: the same circles, plainly");
  print_row ("render_overlay (hover, focus rings)", overlay_ms, "");
  print_row ("hover: hit test + cached + overlay", hover_ms,
             n >= 100000 ? "goal: under 100 ms" : "goal: under 8 ms");
  print_row ("hit test", hit_ms, "");
  g_print ("\n");

  g_free (ms);
  (void) hits;
  ks_chart_layout_unref (layout);
  cairo_surface_destroy (cache);
  cairo_surface_destroy (surface);
  portfolio_clear (&p);
}

int
main (int    argc,
      char **argv)
{
  guint runs = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : 15;

  setlocale (LC_ALL, "");

  bench (10000, runs);
  bench (100000, MAX (runs / 2, 1));

  return EXIT_SUCCESS;
}
