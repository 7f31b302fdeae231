/* ks-team-chart-view.c
 *
 * Two drawing areas over the renderers of ks-team-chart.c. Their height is the one the
 * renderer asks for the number of rows; the drawing is a cairo node GTK keeps until the
 * data, the size or the style change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <time.h>

#include "ks-team-chart.h"
#include "ks-team-chart-view.h"

static KsChartStyleKind
current_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return KS_CHART_STYLE_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (manager))
    return KS_CHART_STYLE_DARK;
  return KS_CHART_STYLE_LIGHT;
}

/* Redraws @widget when the desktop's style or font changes. */
static void
follow_style (GtkWidget *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSettings *settings = gtk_settings_get_default ();

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (gtk_widget_queue_draw),
                           widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
  if (settings != NULL)
    g_signal_connect_object (settings, "notify::gtk-font-name",
                             G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
}

char *
ks_team_chart_view_format_levels (const KsCoachingPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->start_level == plan->current_level)
    /* Translators: a coaching plan's levels, 1 to 5: where the member is, the target */
    return g_strdup_printf (_("Level %d of target %d"), plan->current_level,
                            plan->target_level);
  /* Translators: a coaching plan's levels, 1 to 5: where the member started, where they
   * are now, the target; e.g. “Level 2 → 3 of target 4” */
  return g_strdup_printf (_("Level %d → %d of target %d"), plan->start_level,
                          plan->current_level, plan->target_level);
}

char *
ks_team_chart_view_format_dates (const KsCoachingPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->due == NULL || *plan->due == '\0')
    /* Translators: a coaching plan without a due date; %s is its start date */
    return g_strdup_printf (_("From %s"), plan->start ? plan->start : "");
  /* Translators: a coaching plan's start and due dates */
  return g_strdup_printf (_("%s → %s"), plan->start ? plan->start : "", plan->due);
}

/* ---- Skills -------------------------------------------------------------------- */

struct _KsSkillsChartView
{
  GtkDrawingArea  parent_instance;

  GPtrArray      *levels;   /* KsSkillLevel * */
};

G_DEFINE_FINAL_TYPE (KsSkillsChartView, ks_skills_chart_view, GTK_TYPE_DRAWING_AREA)

static void
draw_skills (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        unused)
{
  KsSkillsChartView *self = KS_SKILLS_CHART_VIEW (area);

  ks_skills_chart_render (cr, width, height, self->levels, current_style (),
                          gtk_widget_get_pango_context (GTK_WIDGET (area)));
}

/* Every skill in words, one a line: a few rows, read at a glance. */
static gboolean
on_skills_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip)
{
  KsSkillsChartView *self = KS_SKILLS_CHART_VIEW (widget);
  GString *text;

  if (self->levels->len == 0)
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < self->levels->len; i++)
    {
      g_autofree char *line = ks_skills_chart_describe (g_ptr_array_index (self->levels, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);
  return TRUE;
}

void
ks_skills_chart_view_set_plans (KsSkillsChartView *self,
                                GPtrArray         *plans)
{
  GString *description = g_string_new (NULL);

  g_return_if_fail (KS_IS_SKILLS_CHART_VIEW (self));
  g_return_if_fail (plans != NULL);

  g_clear_pointer (&self->levels, g_ptr_array_unref);
  self->levels = ks_team_skill_levels (plans);

  for (guint i = 0; i < self->levels->len; i++)
    {
      g_autofree char *line = ks_skills_chart_describe (g_ptr_array_index (self->levels, i));

      if (description->len > 0)
        g_string_append (description, "; ");
      g_string_append (description, line);
    }
  if (description->len == 0)
    g_string_append (description, _("No coaching plans yet"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  g_string_free (description, TRUE);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                       (int) ceil (ks_skills_chart_get_height (self->levels->len)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
ks_skills_chart_view_get_levels (KsSkillsChartView *self)
{
  g_return_val_if_fail (KS_IS_SKILLS_CHART_VIEW (self), NULL);
  return self->levels;
}

GtkWidget *
ks_skills_chart_view_new (void)
{
  return g_object_new (KS_TYPE_SKILLS_CHART_VIEW, NULL);
}

static void
ks_skills_chart_view_dispose (GObject *object)
{
  KsSkillsChartView *self = KS_SKILLS_CHART_VIEW (object);

  g_clear_pointer (&self->levels, g_ptr_array_unref);
  G_OBJECT_CLASS (ks_skills_chart_view_parent_class)->dispose (object);
}

static void
ks_skills_chart_view_class_init (KsSkillsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_skills_chart_view_dispose;
  widget_class->query_tooltip = on_skills_query_tooltip;
  gtk_widget_class_set_css_name (widget_class, "skillschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_skills_chart_view_init (KsSkillsChartView *self)
{
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_skill_level_free);

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                       (int) ceil (ks_skills_chart_get_height (0)));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_skills, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: what a screen reader calls the chart */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Skills: current and "
                                                                   "target levels"),
                                  -1);
  follow_style (GTK_WIDGET (self));
}

/* ---- Timeline ------------------------------------------------------------------ */

struct _KsCoachingTimelineView
{
  GtkDrawingArea  parent_instance;

  GPtrArray      *plans;    /* KsCoachingPlan *, shared with the page */
  GDate           today;
  int             hover;    /* index in @plans, or -1 */
};

G_DEFINE_FINAL_TYPE (KsCoachingTimelineView, ks_coaching_timeline_view, GTK_TYPE_DRAWING_AREA)

enum
{
  PLAN_ACTIVATED,
  N_TIMELINE_SIGNALS
};

static guint timeline_signals[N_TIMELINE_SIGNALS];

static void
draw_timeline (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        unused)
{
  KsCoachingTimelineView *self = KS_COACHING_TIMELINE_VIEW (area);

  ks_coaching_timeline_render (cr, width, height, self->plans, &self->today, current_style (),
                               gtk_widget_get_pango_context (GTK_WIDGET (area)));
}

static int
plan_at (KsCoachingTimelineView *self,
         double                  x,
         double                  y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0 || self->plans->len == 0)
    return -1;
  return ks_coaching_timeline_plan_at (width, height, self->plans, &self->today,
                                       gtk_widget_get_pango_context (GTK_WIDGET (self)), x, y);
}

/* One plan in words: its skill, status and dates, levels, actions done, and what is
 * late. @separator between the parts: a new line in a tooltip, a comma when read out. */
static char *
describe_plan (const KsCoachingPlan *plan,
               const GDate          *today,
               const char           *separator)
{
  g_autofree char *dates = ks_team_chart_view_format_dates (plan);
  g_autofree char *levels = ks_team_chart_view_format_levels (plan);
  KsCoachingProgress progress;
  GString *text = g_string_new (ks_coaching_plan_get_skill_name (plan));

  ks_coaching_plan_progress (plan, today, &progress);
  g_string_append (text, separator);
  /* Translators: a coaching plan's status and dates, “Active · 2026-01-10 → 2026-06-30” */
  g_string_append_printf (text, _("%s · %s"), ks_coaching_status_get_label (plan->status),
                          dates);
  g_string_append (text, separator);
  g_string_append (text, levels);
  if (progress.actions_counted > 0)
    {
      g_string_append (text, separator);
      /* Translators: actions of a coaching plan done, of those not dropped */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u of %u action done",
                                                 "%u of %u actions done",
                                                 progress.actions_counted),
                              progress.actions_done, progress.actions_counted);
    }
  if (progress.overdue)
    {
      g_string_append (text, separator);
      g_string_append (text, _("Past its due date"));
    }
  /* Only a plan under way can be late, as the timeline draws it. */
  if (plan->status == KS_COACHING_ACTIVE && progress.overdue_actions > 0)
    {
      g_string_append (text, separator);
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u overdue action",
                                                 "%u overdue actions",
                                                 progress.overdue_actions),
                              progress.overdue_actions);
    }
  return g_string_free (text, FALSE);
}

char *
ks_coaching_timeline_view_describe_at (KsCoachingTimelineView *self,
                                       double                  x,
                                       double                  y)
{
  int index;

  g_return_val_if_fail (KS_IS_COACHING_TIMELINE_VIEW (self), NULL);

  index = plan_at (self, x, y);
  if (index < 0 || (guint) index >= self->plans->len)
    return NULL;
  return describe_plan (g_ptr_array_index (self->plans, index), &self->today, "\n");
}

static gboolean
on_timeline_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;
  text = ks_coaching_timeline_view_describe_at (KS_COACHING_TIMELINE_VIEW (widget), x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_timeline_motion (GtkEventControllerMotion *controller,
                    double                    x,
                    double                    y,
                    KsCoachingTimelineView   *self)
{
  int hover = plan_at (self, x, y);

  if (hover == self->hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
}

static void
on_timeline_leave (GtkEventControllerMotion *controller,
                   KsCoachingTimelineView   *self)
{
  self->hover = -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
on_timeline_released (GtkGestureClick        *gesture,
                      int                     n_press,
                      double                  x,
                      double                  y,
                      KsCoachingTimelineView *self)
{
  int index = plan_at (self, x, y);
  const KsCoachingPlan *plan;

  if (index < 0 || (guint) index >= self->plans->len)
    return;
  plan = g_ptr_array_index (self->plans, index);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, timeline_signals[PLAN_ACTIVATED], 0, plan->id);
}

void
ks_coaching_timeline_view_set_plans (KsCoachingTimelineView *self,
                                     GPtrArray              *plans,
                                     const GDate            *today)
{
  GString *description = g_string_new (NULL);

  g_return_if_fail (KS_IS_COACHING_TIMELINE_VIEW (self));
  g_return_if_fail (plans != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  g_ptr_array_ref (plans);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  self->plans = plans;
  self->today = *today;
  self->hover = -1;

  for (guint i = 0; i < plans->len; i++)
    {
      /* Translators: between the parts of a coaching plan read out by a screen reader */
      g_autofree char *line = describe_plan (g_ptr_array_index (plans, i), today, _(", "));

      if (description->len > 0)
        g_string_append (description, "; ");
      g_string_append (description, line);
    }
  if (description->len == 0)
    g_string_append (description, _("No coaching plans yet"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  g_string_free (description, TRUE);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                       (int) ceil (ks_coaching_timeline_get_height (plans->len)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
ks_coaching_timeline_view_new (void)
{
  return g_object_new (KS_TYPE_COACHING_TIMELINE_VIEW, NULL);
}

static void
ks_coaching_timeline_view_dispose (GObject *object)
{
  KsCoachingTimelineView *self = KS_COACHING_TIMELINE_VIEW (object);

  g_clear_pointer (&self->plans, g_ptr_array_unref);
  G_OBJECT_CLASS (ks_coaching_timeline_view_parent_class)->dispose (object);
}

static void
ks_coaching_timeline_view_class_init (KsCoachingTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_coaching_timeline_view_dispose;
  widget_class->query_tooltip = on_timeline_query_tooltip;

  /**
   * KsCoachingTimelineView::plan-activated:
   * @self: the timeline
   * @plan_id: the plan's id
   *
   * A plan's bar was clicked.
   */
  timeline_signals[PLAN_ACTIVATED] =
    g_signal_new ("plan-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "coachingtimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_coaching_timeline_view_init (KsCoachingTimelineView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->plans = g_ptr_array_new ();
  self->hover = -1;
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                       (int) ceil (ks_coaching_timeline_get_height (0)));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_timeline, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: what a screen reader calls the chart */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coaching timeline"), -1);

  g_signal_connect (motion, "motion", G_CALLBACK (on_timeline_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_timeline_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_timeline_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  follow_style (GTK_WIDGET (self));
}
