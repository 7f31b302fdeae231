/* ks-report-figures.h — what the printed account plan and quarterly review share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-chart.h"
#include "ks-document.h"

G_BEGIN_DECLS

/* The quadrant chart as a figure of @document, @width × @height points (a width of 0:
 * the content's width). @points is an array of KsChartPoint whose names it owns; the
 * figure takes it. @highlight is the index of a point drawn ringed and in front, or -1.
 * The chart's text is 8 points high. */
void        ks_report_add_quadrant   (KsDocument   *document,
                                      double        width,
                                      double        height,
                                      GArray       *points,
                                      const char   *currency,
                                      double        split_value,
                                      double        split_growth,
                                      int           highlight,
                                      KsChartFlags  flags);

/* An amount in a table cell: rounded to whole units, half away from zero, grouped, no
 * symbol (the column says the currency). */
char       *ks_report_format_amount  (gint64        value,
                                      const char   *currency);

/* @text, or a dash when it is NULL or empty. */
const char *ks_report_or_dash        (const char   *text);

G_END_DECLS
