/* ks-report-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ks-money.h"
#include "ks-report-figures.h"

/* The charts' text, in points once scaled. */
#define CHART_FONT_SIZE 8

typedef struct
{
  GArray       *points;      /* KsChartPoint, names owned */
  char         *currency;
  double        split_value;
  double        split_growth;
  int           highlight;
  KsChartFlags  flags;
} QuadrantFigure;

static void
quadrant_figure_free (gpointer data)
{
  QuadrantFigure *figure = data;

  for (guint i = 0; i < figure->points->len; i++)
    g_free ((char *) g_array_index (figure->points, KsChartPoint, i).name);
  g_array_unref (figure->points);
  g_free (figure->currency);
  g_free (figure);
}

static void
draw_quadrant (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  data)
{
  QuadrantFigure *figure = data;
  KsChartData chart = {
    (const KsChartPoint *) (gpointer) figure->points->data, figure->points->len,
    figure->split_value, figure->split_growth, figure->currency, NULL,
  };
  PangoContext *context = ks_document_new_chart_context (CHART_FONT_SIZE);
  g_autoptr(KsChartLayout) layout = NULL;
  KsChartStyle style;

  ks_chart_style_init (&style, KS_CHART_STYLE_LIGHT);
  layout = ks_chart_layout_new (&chart, width / KS_DOCUMENT_POINTS_PER_PIXEL,
                                height / KS_DOCUMENT_POINTS_PER_PIXEL, context, figure->flags);
  g_object_unref (context);
  cairo_scale (cr, KS_DOCUMENT_POINTS_PER_PIXEL, KS_DOCUMENT_POINTS_PER_PIXEL);
  /* a highlighted point ringed and in front, as when it is pointed at on screen */
  ks_chart_render (layout, cr, &style, figure->highlight, -1);
}

void
ks_report_add_quadrant (KsDocument   *document,
                        double        width,
                        double        height,
                        GArray       *points,
                        const char   *currency,
                        double        split_value,
                        double        split_growth,
                        int           highlight,
                        KsChartFlags  flags)
{
  QuadrantFigure *figure;

  g_return_if_fail (KS_IS_DOCUMENT (document));
  g_return_if_fail (points != NULL);

  figure = g_new0 (QuadrantFigure, 1);
  figure->points = points;
  figure->currency = g_strdup (currency);
  figure->split_value = split_value;
  figure->split_growth = split_growth;
  figure->highlight = highlight;
  figure->flags = flags;
  ks_document_add_figure (document, width, height, draw_quadrant, figure,
                          quadrant_figure_free);
}

char *
ks_report_format_amount (gint64      value,
                         const char *currency)
{
  gint64 unit = 1;
  g_autofree char *formatted = NULL;
  char *number;
  char *point;

  for (guint e = ks_currency_get_exponent (currency); e > 0; e--)
    unit *= 10;
  /* half away from zero */
  value = (value >= 0 ? (value + unit / 2) / unit : -((-value + unit / 2) / unit)) * unit;
  formatted = ks_money_format (value, currency);
  number = formatted + strcspn (formatted, "0123456789");
  /* whole units: the decimals are zeros */
  point = strchr (number, '.');
  if (point != NULL)
    *point = '\0';
  return g_strconcat (value < 0 ? "-" : "", number, NULL);
}

const char *
ks_report_or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}
