/* ks-team-chart.h — a member's skills picture and coaching timeline, drawn with cairo
 * and Pango: the member's page, the printed quarterly review and tests share them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Skills: one row per skill (ks_team_skill_levels()), its name on the left, a 1–5
 * scale with gridlines; a filled bar to the current level and an outlined bar to the
 * target level, "3 → 4" at the end; an achieved skill drawn in the success colour.
 * Nothing to show draws "No coaching plans yet".
 *
 * Timeline: one row per plan (skill name on the left), a bar from its start to its due
 * date (an open end fades out), coloured by status, a vertical line at today; a plan
 * past its due date while active, or with an overdue action, is drawn in the alert
 * colour with a ⚠ mark. The months along the bottom.
 *
 * Any cairo surface: image, PDF, SVG, recording.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ks-chart.h"
#include "ks-team.h"

G_BEGIN_DECLS

/* Draws @levels (KsSkillLevel *) into (0, 0, @width, @height) of @cr, background
 * included. @context gives the font map and the font (NULL: the default font map with
 * Cantarell/Noto Sans CJK SC 10). */
void         ks_skills_chart_render         (cairo_t          *cr,
                                             double            width,
                                             double            height,
                                             GPtrArray        *levels,
                                             KsChartStyleKind  style,
                                             PangoContext     *context);
/* The height the skills chart wants for @n_skills rows at @width. */
double       ks_skills_chart_get_height     (guint             n_skills);
/* One skill in words, translated: "Negotiation: level 2, target 4". */
char        *ks_skills_chart_describe       (const KsSkillLevel *level);

/* Draws @plans (KsCoachingPlan *) as of @today. */
void         ks_coaching_timeline_render    (cairo_t          *cr,
                                             double            width,
                                             double            height,
                                             GPtrArray        *plans,
                                             const GDate      *today,
                                             KsChartStyleKind  style,
                                             PangoContext     *context);
double       ks_coaching_timeline_get_height (guint            n_plans);
/* The index in @plans of the plan drawn at (@x, @y), or -1. */
int          ks_coaching_timeline_plan_at   (double            width,
                                             double            height,
                                             GPtrArray        *plans,
                                             const GDate      *today,
                                             PangoContext     *context,
                                             double            x,
                                             double            y);

G_END_DECLS
