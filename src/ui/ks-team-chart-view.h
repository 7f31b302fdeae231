/* ks-team-chart-view.h — a member's skills picture and coaching timeline on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both draw with ks-team-chart.h, as large as their rows want (the height follows the
 * number of skills or plans, the width the page), in the light, dark or high-contrast
 * style of the desktop. A tooltip tells what is under the pointer; screen readers get
 * the whole picture in words.
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-team.h"

G_BEGIN_DECLS

#define KS_TYPE_SKILLS_CHART_VIEW (ks_skills_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (KsSkillsChartView, ks_skills_chart_view, KS, SKILLS_CHART_VIEW,
                      GtkDrawingArea)

GtkWidget   *ks_skills_chart_view_new              (void);
/* Shows the skills of @plans (KsCoachingPlan *): ks_team_skill_levels(). */
void         ks_skills_chart_view_set_plans        (KsSkillsChartView      *self,
                                                    GPtrArray              *plans);
/* What is drawn: KsSkillLevel *. */
GPtrArray   *ks_skills_chart_view_get_levels       (KsSkillsChartView      *self);

#define KS_TYPE_COACHING_TIMELINE_VIEW (ks_coaching_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (KsCoachingTimelineView, ks_coaching_timeline_view, KS,
                      COACHING_TIMELINE_VIEW, GtkDrawingArea)

GtkWidget   *ks_coaching_timeline_view_new         (void);
/* Shows @plans (KsCoachingPlan *, kept by reference) as of @today. */
void         ks_coaching_timeline_view_set_plans   (KsCoachingTimelineView *self,
                                                    GPtrArray              *plans,
                                                    const GDate            *today);
/* The tooltip of the plan drawn at (@x, @y), or NULL. */
char        *ks_coaching_timeline_view_describe_at (KsCoachingTimelineView *self,
                                                    double                  x,
                                                    double                  y);

/* How a plan's levels read: "Level 2 → 3 of target 4", translated. */
char        *ks_team_chart_view_format_levels      (const KsCoachingPlan   *plan);
/* A plan's dates: "2026-01-10 → 2026-06-30", or "From 2026-01-10" without a due date. */
char        *ks_team_chart_view_format_dates       (const KsCoachingPlan   *plan);

G_END_DECLS
