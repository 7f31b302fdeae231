/* ks-plan-chart.h — targets vs actuals by quarter, drawn with cairo: the account page,
 * the printed account plan and tests share it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One metric of one year: per quarter a light, outlined target bar and a filled actual
 * bar beside it, the attainment above them, the quarter below; a y axis with round,
 * shortened amounts (¥250K, or ¥25万 in Chinese) or percentages; a title line with the
 * legend. A quarter whose attainment fell by the drop threshold or more since the
 * quarter before is marked in red (▼ and its label). Nothing set draws "No targets
 * for <year>". Any cairo surface: image, PDF, SVG, recording.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ks-account-plan.h"
#include "ks-chart.h"

G_BEGIN_DECLS

/* The attainment figures of one KsTargetYear, as the chart and the targets grid show
 * them. */
typedef struct
{
  gboolean has[KS_PLAN_N_QUARTERS];          /* the quarter has a target and an actual */
  double   attainment[KS_PLAN_N_QUARTERS];   /* percent where has[], else 0 */
  /* Fell by the threshold or more from the quarter before (both with attainment);
   * @fall is by how many points. */
  gboolean dropped[KS_PLAN_N_QUARTERS];
  double   fall[KS_PLAN_N_QUARTERS];
  guint    last_quarter;                     /* the last quarter with attainment, or 0 */
  /* Year to date: the summed targets and actuals of the quarters with both, up to
   * @last_quarter (ks_plan_attainment_ytd()). */
  gboolean has_ytd;
  double   ytd;
} KsPlanChartAttainment;

/* @threshold_points ≤ 0: KS_PLAN_DROP_THRESHOLD_DEFAULT. */
void         ks_plan_chart_attainment        (const KsTargetYear     *year,
                                              double                  threshold_points,
                                              KsPlanChartAttainment  *out);

/* A value of @metric as the chart's axis shows it: "¥1.5M" (or "¥150万" in Chinese) for
 * money in @currency, "12.5 %" for a percentage (hundredths of a percent). */
char        *ks_plan_chart_format_short      (gint64                  value,
                                              KsTargetMetric          metric,
                                              const char             *currency);

/* The colours of the bars and the drop marker in a style. */
void         ks_plan_chart_get_colors        (KsChartStyleKind        kind,
                                              KsChartColor           *target,
                                              KsChartColor           *actual,
                                              KsChartColor           *drop);

/* Draws @year's metric, background included, into (0, 0, @width, @height) of @cr.
 * @currency is the account's (money metrics); @context gives the font map and the font
 * (NULL: the default font map with Cantarell/Noto Sans CJK SC 10). */
void         ks_plan_chart_render            (cairo_t                *cr,
                                              double                  width,
                                              double                  height,
                                              const KsTargetYear     *year,
                                              const char             *currency,
                                              KsChartStyleKind        style,
                                              PangoContext           *context);

/* Where quarter @quarter (1–4) is drawn by ks_plan_chart_render() with the same
 * arguments: its column, from the plot's top to its bottom, target bar in the left
 * half, actual in the right. FALSE when nothing is drawn (no data, too small). */
gboolean     ks_plan_chart_get_quarter_rect  (double                  width,
                                              double                  height,
                                              const KsTargetYear     *year,
                                              const char             *currency,
                                              PangoContext           *context,
                                              guint                   quarter,
                                              cairo_rectangle_t      *rect);
/* The quarter (1–4) whose column holds (@x, @y), or 0. */
guint        ks_plan_chart_quarter_at        (double                  width,
                                              double                  height,
                                              const KsTargetYear     *year,
                                              const char             *currency,
                                              PangoContext           *context,
                                              double                  x,
                                              double                  y);

/* One quarter in words, translated: "Q2: target ¥1,000.00, actual ¥900.00, 90 % attained". */
char        *ks_plan_chart_describe_quarter  (const KsTargetYear     *year,
                                              const char             *currency,
                                              guint                   quarter);
/* The whole chart in words for screen readers, translated. */
char        *ks_plan_chart_describe          (const KsTargetYear     *year,
                                              const char             *currency);

G_END_DECLS
