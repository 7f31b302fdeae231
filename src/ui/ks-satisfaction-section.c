/* ks-satisfaction-section.c
 *
 * The trend is a small widget of this file (KsSatisfactionTrend): the score by quarter
 * as a line on a 0–10 axis, and the NPS, when any survey has one, as a dashed line on a
 * −100…100 axis at the right. Quarters without a survey keep their place on the x axis.
 * It draws with cairo through gtk_snapshot_append_cairo(), in the colours of the light,
 * dark or high-contrast style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-error.h"
#include "ks-money.h"
#include "ks-plan-widgets.h"
#include "ks-quarter.h"
#include "ks-relations.h"
#include "ks-satisfaction-section.h"
#include "ks-widgets.h"

#define NPS_MIN (-100)
#define NPS_MAX 100

static char *
format_survey (const KsSatisfaction *survey)
{
  if (survey->has_nps)
    {
      g_autofree char *nps = ks_number_format_signed (survey->nps, 0);

      /* Translators: a satisfaction survey: the score of 10 and the Net Promoter Score
       * with its sign, “Score 8.5 of 10 · NPS +40” */
      return g_strdup_printf (_("Score %.1f of 10 · NPS %s"), survey->score, nps);
    }
  /* Translators: a satisfaction survey's score of 10, “Score 8.5 of 10” */
  return g_strdup_printf (_("Score %.1f of 10"), survey->score);
}

/* ---- The trend chart ----------------------------------------------------------- */

#define KS_TYPE_SATISFACTION_TREND (ks_satisfaction_trend_get_type ())

G_DECLARE_FINAL_TYPE (KsSatisfactionTrend, ks_satisfaction_trend, KS, SATISFACTION_TREND,
                      GtkWidget)

typedef struct
{
  int       index;      /* quarters since the first survey's */
  char     *quarter;
  double    score;
  gboolean  has_nps;
  int       nps;
} TrendPoint;

struct _KsSatisfactionTrend
{
  GtkWidget  parent_instance;

  GArray    *points;    /* TrendPoint, oldest first */
  int        span;      /* quarters from the first to the last, both counted */
  gboolean   has_nps;
};

G_DEFINE_FINAL_TYPE (KsSatisfactionTrend, ks_satisfaction_trend, GTK_TYPE_WIDGET)

typedef struct
{
  double left, right, top, bottom;   /* the plot */
  double band;                       /* the width of one quarter */
  int    label_step;                 /* every how many quarters a label fits */
  double text_height;
} TrendGeometry;

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA score;
  GdkRGBA nps;
  double  line_width;
  double  dot_radius;
} TrendStyle;

#define PAD 10.0

static void
trend_point_clear (gpointer data)
{
  TrendPoint *point = data;

  g_clear_pointer (&point->quarter, g_free);
}

static PangoLayout *
small_layout (GtkWidget  *widget,
              const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
text_size (GtkWidget  *widget,
           const char *text,
           double     *width,
           double     *height)
{
  g_autoptr(PangoLayout) layout = small_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static void
trend_geometry (KsSatisfactionTrend *self,
                double               width,
                double               height,
                TrendGeometry       *g)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double left_w, right_w = 0, label_w;

  text_size (widget, "10.0", &left_w, &g->text_height);
  if (self->has_nps)
    text_size (widget, "+100", &right_w, NULL);
  text_size (widget, "2026-Q4", &label_w, NULL);

  /* The legend above, the quarters below. */
  g->top = PAD + g->text_height + 12;
  g->bottom = height - PAD - g->text_height - 6;
  g->left = PAD + left_w + 6;
  g->right = width - PAD - (self->has_nps ? right_w + 6 : 4);
  g->band = self->span > 0 ? MAX (g->right - g->left, 1) / self->span : 1;
  g->label_step = MAX (1, (int) ceil ((label_w + 12) / g->band));
}

static double
point_x (const TrendGeometry *g,
         int                  index)
{
  return g->left + g->band * (index + 0.5);
}

static double
score_y (const TrendGeometry *g,
         double               score)
{
  return g->bottom - score / KS_SATISFACTION_MAX * (g->bottom - g->top);
}

static double
nps_y (const TrendGeometry *g,
       int                  nps)
{
  return g->bottom - (double) (nps - NPS_MIN) / (NPS_MAX - NPS_MIN) * (g->bottom - g->top);
}

static void
trend_style (GtkWidget  *widget,
             TrendStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &style->foreground);

  /* The GNOME palette: blue and orange, lighter on dark, deeper in high contrast. */
  if (dark)
    {
      style->score = (GdkRGBA) { 0x78 / 255.0, 0xae / 255.0, 0xed / 255.0, 1 };
      style->nps = (GdkRGBA) { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0, 1 };
    }
  else if (high_contrast)
    {
      style->score = (GdkRGBA) { 0x1a / 255.0, 0x5f / 255.0, 0xb4 / 255.0, 1 };
      style->nps = (GdkRGBA) { 0xa5 / 255.0, 0x3d / 255.0, 0x00 / 255.0, 1 };
    }
  else
    {
      style->score = (GdkRGBA) { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 };
      style->nps = (GdkRGBA) { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0, 1 };
    }
  style->line_width = high_contrast ? 3.0 : 2.0;
  style->dot_radius = high_contrast ? 4.5 : 3.5;
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Draws @text with its (@x, @y) at the point given by @xalign and @yalign (0 left or
 * top, 0.5 centre, 1 right or bottom). */
static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      xalign,
           double      yalign)
{
  g_autoptr(PangoLayout) layout = small_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, round (x - w * xalign), round (y - h * yalign));
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (KsSatisfactionTrend *self,
             cairo_t             *cr,
             const TrendStyle    *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  /* Translators: the legend of the satisfaction chart's line of scores */
  const char *score_label = _("Score (0–10)");
  /* Translators: the legend of the satisfaction chart's line of Net Promoter Scores */
  const char *nps_label = _("NPS (−100 to 100)");
  double x = PAD, y = PAD, w, h;

  text_size (widget, score_label, &w, &h);
  cairo_set_line_width (cr, style->line_width);
  set_color (cr, &style->score, 1);
  cairo_move_to (cr, x, y + h / 2);
  cairo_line_to (cr, x + 16, y + h / 2);
  cairo_stroke (cr);
  set_color (cr, &style->foreground, 0.8);
  draw_text (widget, cr, score_label, x + 22, y, 0, 0);
  x += 22 + w + 16;

  if (!self->has_nps)
    return;

  {
    static const double dashes[] = { 5, 3 };

    set_color (cr, &style->nps, 1);
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    cairo_move_to (cr, x, y + h / 2);
    cairo_line_to (cr, x + 16, y + h / 2);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    set_color (cr, &style->foreground, 0.8);
    draw_text (widget, cr, nps_label, x + 22, y, 0, 0);
  }
}

static void
draw_axes (KsSatisfactionTrend *self,
           cairo_t             *cr,
           const TrendGeometry *g,
           const TrendStyle    *style)
{
  GtkWidget *widget = GTK_WIDGET (self);

  /* Grid lines every 2 points of score; labels at 0, 5 and 10. */
  cairo_set_line_width (cr, 1);
  for (int score = 0; score <= KS_SATISFACTION_MAX; score += 2)
    {
      double y = round (score_y (g, score)) + 0.5;

      set_color (cr, &style->foreground, score == 0 ? 0.35 : 0.12);
      cairo_move_to (cr, g->left, y);
      cairo_line_to (cr, g->right, y);
      cairo_stroke (cr);
    }

  set_color (cr, &style->score, 1);
  for (int score = 0; score <= KS_SATISFACTION_MAX; score += 5)
    {
      g_autofree char *text = g_strdup_printf ("%d", score);

      draw_text (widget, cr, text, g->left - 6, score_y (g, score), 1, 0.5);
    }

  if (self->has_nps)
    {
      set_color (cr, &style->nps, 1);
      for (int nps = NPS_MIN; nps <= NPS_MAX; nps += 100)
        {
          g_autofree char *text = ks_number_format_signed (nps, 0);

          draw_text (widget, cr, text, g->right + 6, nps_y (g, nps), 0, 0.5);
        }
    }

  /* The quarters, the newest always labelled. */
  set_color (cr, &style->foreground, 0.8);
  for (guint i = 0; i < self->points->len; i++)
    {
      const TrendPoint *point = &g_array_index (self->points, TrendPoint, i);

      if ((self->span - 1 - point->index) % g->label_step != 0)
        continue;
      draw_text (widget, cr, point->quarter, point_x (g, point->index), g->bottom + 6, 0.5, 0);
    }
}

static void
draw_series (KsSatisfactionTrend *self,
             cairo_t             *cr,
             const TrendGeometry *g,
             const TrendStyle    *style,
             gboolean             nps)
{
  GtkWidget *widget = GTK_WIDGET (self);
  static const double dashes[] = { 5, 3 };
  const GdkRGBA *color = nps ? &style->nps : &style->score;
  gboolean started = FALSE;
  /* Values beside the points while they have room. */
  gboolean label = self->points->len <= 8 && g->band >= 36;

  cairo_set_line_width (cr, style->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (nps)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  set_color (cr, color, 1);
  for (guint i = 0; i < self->points->len; i++)
    {
      const TrendPoint *point = &g_array_index (self->points, TrendPoint, i);
      double x = point_x (g, point->index);
      double y = nps ? nps_y (g, point->nps) : score_y (g, point->score);

      if (nps && !point->has_nps)
        continue;
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < self->points->len; i++)
    {
      const TrendPoint *point = &g_array_index (self->points, TrendPoint, i);
      double x = point_x (g, point->index);
      double y = nps ? nps_y (g, point->nps) : score_y (g, point->score);
      double r = style->dot_radius;

      if (nps && !point->has_nps)
        continue;

      set_color (cr, color, 1);
      if (nps)
        cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      else
        cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);

      if (label)
        {
          g_autofree char *text = nps ? ks_number_format_signed (point->nps, 0)
                                      : g_strdup_printf ("%.1f", point->score);

          /* Scores above their points, NPS below theirs. */
          draw_text (widget, cr, text, x, nps ? y + r + 2 : y - r - 2, 0.5, nps ? 0 : 1);
        }
    }
}

static void
ks_satisfaction_trend_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  KsSatisfactionTrend *self = KS_SATISFACTION_TREND (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TrendGeometry g;
  TrendStyle style;
  cairo_t *cr;

  if (self->points->len == 0 || width <= 0 || height <= 0)
    return;

  trend_geometry (self, width, height, &g);
  trend_style (widget, &style);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_legend (self, cr, &style);
  draw_axes (self, cr, &g, &style);
  if (self->has_nps)
    draw_series (self, cr, &g, &style, TRUE);
  draw_series (self, cr, &g, &style, FALSE);
  cairo_destroy (cr);
}

static void
ks_satisfaction_trend_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 200;
}

static const TrendPoint *
trend_point_at (KsSatisfactionTrend *self,
                double               x)
{
  TrendGeometry g;
  int index;

  if (self->points->len == 0)
    return NULL;

  trend_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)),
                  gtk_widget_get_height (GTK_WIDGET (self)), &g);
  if (x < g.left || x >= g.right)
    return NULL;
  index = (int) floor ((x - g.left) / g.band);
  for (guint i = 0; i < self->points->len; i++)
    if (g_array_index (self->points, TrendPoint, i).index == index)
      return &g_array_index (self->points, TrendPoint, i);
  return NULL;
}

static char *
describe_point (const TrendPoint *point)
{
  KsSatisfaction survey = {
    .quarter = point->quarter,
    .score = point->score,
    .has_nps = point->has_nps,
    .nps = point->nps,
  };
  g_autofree char *text = format_survey (&survey);

  /* Translators: a quarter and its survey, “2026-Q3: Score 8.5 of 10” */
  return g_strdup_printf (_("%s: %s"), point->quarter, text);
}

static gboolean
ks_satisfaction_trend_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard,
                                     GtkTooltip *tooltip)
{
  KsSatisfactionTrend *self = KS_SATISFACTION_TREND (widget);
  const TrendPoint *point;
  g_autofree char *text = NULL;

  if (keyboard)
    point = self->points->len > 0
              ? &g_array_index (self->points, TrendPoint, self->points->len - 1) : NULL;
  else
    point = trend_point_at (self, x);
  if (point == NULL)
    return FALSE;

  text = describe_point (point);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ks_satisfaction_trend_finalize (GObject *object)
{
  KsSatisfactionTrend *self = KS_SATISFACTION_TREND (object);

  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (ks_satisfaction_trend_parent_class)->finalize (object);
}

static void
ks_satisfaction_trend_class_init (KsSatisfactionTrendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ks_satisfaction_trend_finalize;
  widget_class->snapshot = ks_satisfaction_trend_snapshot;
  widget_class->measure = ks_satisfaction_trend_measure;
  widget_class->query_tooltip = ks_satisfaction_trend_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "satisfactiontrend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_satisfaction_trend_init (KsSatisfactionTrend *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->points = g_array_new (FALSE, TRUE, sizeof (TrendPoint));
  g_array_set_clear_func (self->points, trend_point_clear);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Satisfaction trend"), -1);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const TrendPoint *left = a;
  const TrendPoint *right = b;

  return left->index - right->index;
}

/* @surveys: KsSatisfaction *, any order. */
static void
ks_satisfaction_trend_set_surveys (KsSatisfactionTrend *self,
                                   GPtrArray           *surveys)
{
  g_autoptr(GString) description = g_string_new (NULL);
  int first = G_MAXINT;

  g_array_set_size (self->points, 0);
  self->has_nps = FALSE;
  self->span = 0;

  for (guint i = 0; i < surveys->len; i++)
    {
      const KsSatisfaction *survey = g_ptr_array_index (surveys, i);
      TrendPoint point = { 0 };
      int year, quarter;

      if (!ks_quarter_parse (survey->quarter, &year, &quarter, NULL))
        continue;
      point.index = year * 4 + quarter - 1;
      point.quarter = ks_quarter_format (year, quarter);
      point.score = CLAMP (survey->score, 0, KS_SATISFACTION_MAX);
      point.has_nps = survey->has_nps;
      point.nps = CLAMP (survey->nps, NPS_MIN, NPS_MAX);
      self->has_nps |= survey->has_nps;
      first = MIN (first, point.index);
      g_array_append_val (self->points, point);
    }

  g_array_sort (self->points, compare_points);
  for (guint i = 0; i < self->points->len; i++)
    {
      TrendPoint *point = &g_array_index (self->points, TrendPoint, i);
      g_autofree char *text = NULL;

      point->index -= first;
      self->span = point->index + 1;

      text = describe_point (point);
      if (description->len > 0)
        /* Translators: between the quarters of the satisfaction chart's description */
        g_string_append (description, _("; "));
      g_string_append (description, text);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- The section --------------------------------------------------------------- */

struct _KsSatisfactionSection
{
  AdwBin          parent_instance;

  KsStore        *store;
  KsAccount      *account;
  GPtrArray      *surveys;        /* KsSatisfaction *: the plan's, newest first */
  gboolean        dirty;          /* not shown yet */
  guint           n_shown;
  guint           build_id;
  gboolean        lost_focus;

  /* template children */
  AdwPreferencesGroup *trend_group;
  KsSatisfactionTrend *trend;
  GtkListBox     *survey_list;
};

G_DEFINE_FINAL_TYPE (KsSatisfactionSection, ks_satisfaction_section, ADW_TYPE_BIN)

/* ---- The survey dialog --------------------------------------------------------- */

/* A small window made in code: the quarter, the score and the NPS. */
typedef struct
{
  GtkWindow      *window;       /* unowned: the editor lives as long as it */
  KsStore        *store;
  gint64          account_id;
  char           *original;     /* the quarter edited, NULL for a new survey */
  GStrv           taken;        /* the quarters with a survey already */
  AdwEntryRow    *quarter_row;
  GtkSpinButton  *score;
  GtkSwitch      *has_nps;
  GtkSpinButton  *nps;
  GtkLabel       *error;
} SurveyEditor;

static void
survey_editor_free (gpointer data)
{
  SurveyEditor *editor = data;

  g_clear_object (&editor->store);
  g_clear_pointer (&editor->original, g_free);
  g_clear_pointer (&editor->taken, g_strfreev);
  g_free (editor);
}

static void
survey_editor_show_error (SurveyEditor *editor,
                          GtkWidget    *field,
                          const char   *message)
{
  ks_plan_show_field_error (field, editor->error, message);
  if (field != NULL)
    gtk_widget_grab_focus (field);
}

static void
survey_editor_save (SurveyEditor *editor)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quarter = NULL;
  KsSatisfaction survey = { 0 };
  int year, number;

  ks_plan_show_field_error (GTK_WIDGET (editor->quarter_row), NULL, NULL);
  ks_plan_show_field_error (GTK_WIDGET (editor->score), NULL, NULL);
  ks_plan_show_field_error (GTK_WIDGET (editor->nps), NULL, NULL);
  ks_plan_hide_error (editor->error);

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->quarter_row)));
  if (!ks_quarter_parse (text, &year, &number, &error))
    {
      survey_editor_show_error (editor, GTK_WIDGET (editor->quarter_row), error->message);
      return;
    }
  quarter = ks_quarter_format (year, number);

  /* Saving replaces the quarter's survey: say so rather than overwrite another one. */
  if (g_strcmp0 (quarter, editor->original) != 0 &&
      g_strv_contains ((const char * const *) editor->taken, quarter))
    {
      g_autofree char *message =
        /* Translators: %s is a quarter, 2026-Q3 */
        g_strdup_printf (_("%s has a survey already. Edit that one, or choose another "
                           "quarter."), quarter);

      survey_editor_show_error (editor, GTK_WIDGET (editor->quarter_row), message);
      return;
    }

  gtk_spin_button_update (editor->score);
  gtk_spin_button_update (editor->nps);
  survey.quarter = quarter;
  survey.score = round (gtk_spin_button_get_value (editor->score) * 10) / 10;
  survey.has_nps = gtk_switch_get_active (editor->has_nps);
  survey.nps = survey.has_nps ? gtk_spin_button_get_value_as_int (editor->nps) : 0;

  /* The spin buttons keep within range; the quarter was read above. */
  if (!ks_satisfaction_validate (&survey, &error))
    {
      gboolean score_ok = survey.score >= 0 && survey.score <= KS_SATISFACTION_MAX;

      survey_editor_show_error (editor, GTK_WIDGET (score_ok ? editor->nps : editor->score),
                                error->message);
      return;
    }

  if (!ks_store_save_satisfaction (editor->store, editor->account_id, &survey, &error))
    {
      survey_editor_show_error (editor, NULL, error->message);
      return;
    }

  /* Moved to another quarter: the old one goes. */
  if (editor->original != NULL && g_strcmp0 (quarter, editor->original) != 0 &&
      !ks_store_delete_satisfaction (editor->store, editor->account_id, editor->original,
                                     &error))
    {
      survey_editor_show_error (editor, NULL, error->message);
      return;
    }

  gtk_window_close (editor->window);
}

static void
survey_save_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  survey_editor_save (data);
}

static void
on_survey_field_changed (GtkWidget *field,
                         gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

static GtkSpinButton *
survey_spin_new (double      min,
                 double      max,
                 double      step,
                 guint       digits,
                 const char *name,
                 const char *label)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (min, max, step));

  gtk_spin_button_set_digits (spin, digits);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (spin), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "changed", G_CALLBACK (on_survey_field_changed), NULL);
  return spin;
}

static GtkWindow *
survey_editor_new (KsSatisfactionSection *self,
                   const KsSatisfaction  *survey)
{
  SurveyEditor *editor = g_new0 (SurveyEditor, 1);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) save = g_simple_action_new ("save", NULL);
  g_autoptr(GStrvBuilder) taken = g_strv_builder_new ();
  g_autofree char *quarter = NULL;
  GtkWidget *window, *box, *header, *title, *cancel, *save_button, *clamp, *group;
  GtkWidget *score_row, *nps_row;
  GtkShortcutController *shortcuts;
  GtkShortcutTrigger *escape, *control_s;
  double score = 0;

  editor->store = g_object_ref (self->store);
  editor->account_id = ks_account_get_id (self->account);
  editor->original = survey != NULL ? g_strdup (survey->quarter) : NULL;
  for (guint i = 0; i < self->surveys->len; i++)
    {
      const KsSatisfaction *other = g_ptr_array_index (self->surveys, i);

      g_strv_builder_add (taken, other->quarter);
    }
  editor->taken = g_strv_builder_end (taken);

  window = adw_window_new ();
  editor->window = GTK_WINDOW (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 440, 380);
  gtk_widget_set_size_request (window, 360, 294);
  g_object_set_data_full (G_OBJECT (window), "ks-survey-editor", editor, survey_editor_free);

  g_signal_connect (save, "activate", G_CALLBACK (survey_save_activated), editor);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (save));
  gtk_widget_insert_action_group (window, "editor", G_ACTION_GROUP (actions));

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  title = adw_window_title_new (survey != NULL ? _("Edit Survey") : _("New Survey"),
                                ks_account_get_name (self->account));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_name (cancel, "survey-cancel");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_name (save_button, "survey-save");
  gtk_widget_set_tooltip_text (save_button, _("Save (Ctrl+Enter)"));
  gtk_widget_add_css_class (save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save_button), "editor.save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("One survey per quarter: a score from 0 to 10, "
                                           "and the Net Promoter Score when it was "
                                           "measured."));

  editor->quarter_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (editor->quarter_row), "survey-quarter");
  /* Translators: keep the form as it is: 2026-Q3 */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->quarter_row),
                                 _("Quarter (YYYY-Qn)"));
  g_signal_connect (editor->quarter_row, "changed", G_CALLBACK (on_survey_field_changed), NULL);
  g_signal_connect_swapped (editor->quarter_row, "entry-activated",
                            G_CALLBACK (survey_editor_save), editor);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->quarter_row));

  score_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (score_row), _("Score"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (score_row), _("From 0 to 10, one decimal"));
  editor->score = survey_spin_new (0, KS_SATISFACTION_MAX, 0.1, 1, "survey-score",
                                   _("Score"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (score_row), GTK_WIDGET (editor->score));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (score_row),
                                         GTK_WIDGET (editor->score));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), score_row);

  nps_row = adw_action_row_new ();
  /* Translators: Net Promoter Score */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (nps_row), _("NPS"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (nps_row),
                               _("Net Promoter Score, from −100 to 100, when measured"));
  editor->has_nps = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (editor->has_nps), "survey-has-nps");
  gtk_widget_set_valign (GTK_WIDGET (editor->has_nps), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (editor->has_nps), _("Record the NPS"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->has_nps),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Record the NPS"), -1);
  editor->nps = survey_spin_new (NPS_MIN, NPS_MAX, 1, 0, "survey-nps", _("NPS"));
  g_object_bind_property (editor->has_nps, "active", editor->nps, "sensitive",
                          G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (nps_row), GTK_WIDGET (editor->nps));
  adw_action_row_add_suffix (ADW_ACTION_ROW (nps_row), GTK_WIDGET (editor->has_nps));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), nps_row);

  editor->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (editor->error), "survey-error");
  gtk_widget_set_visible (GTK_WIDGET (editor->error), FALSE);
  gtk_label_set_wrap (editor->error, TRUE);
  gtk_label_set_xalign (editor->error, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (editor->error), 6);
  gtk_widget_add_css_class (GTK_WIDGET (editor->error), "error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->error));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_vexpand (clamp, TRUE);
  adw_clamp_set_child (ADW_CLAMP (clamp), group);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* The form as the editors have it: Escape cancels, Ctrl+S and Ctrl+Enter save. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  escape = gtk_shortcut_trigger_parse_string ("Escape");
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (escape,
                                                          gtk_named_action_new ("window.close")));
  control_s = gtk_shortcut_trigger_parse_string ("<Control>s");
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (control_s,
                                                          gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));
  ks_plan_add_save_shortcut (window, "editor.save");

  /* A new survey: this quarter, the score last measured as a start. */
  if (survey != NULL)
    {
      quarter = g_strdup (survey->quarter);
      score = survey->score;
      gtk_switch_set_active (editor->has_nps, survey->has_nps);
      gtk_spin_button_set_value (editor->nps, survey->nps);
    }
  else
    {
      g_autoptr(GDateTime) noon = NULL;
      GDate today;

      ks_store_get_today (self->store, &today);
      noon = g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today),
                                    g_date_get_day (&today), 12, 0, 0);
      quarter = ks_quarter_for_date (noon);
      if (self->surveys->len > 0)
        score = ((KsSatisfaction *) g_ptr_array_index (self->surveys, 0))->score;
    }
  gtk_editable_set_text (GTK_EDITABLE (editor->quarter_row), quarter);
  gtk_spin_button_set_value (editor->score, score);

  gtk_widget_grab_focus (GTK_WIDGET (editor->score));
  return GTK_WINDOW (window);
}

/* ---- Rows ---------------------------------------------------------------------- */

typedef struct
{
  KsSatisfactionSection *section;   /* unowned: the row lives in its list */
  GtkWidget      *row;
  KsSatisfaction *survey;
} SurveyRow;

#define SURVEY_ROW_KEY "ks-survey-row"

static SurveyRow *
get_survey_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), SURVEY_ROW_KEY) : NULL;
}

static void
survey_row_free (gpointer data)
{
  SurveyRow *sr = data;

  g_clear_pointer (&sr->survey, ks_satisfaction_free);
  g_free (sr);
}

typedef struct
{
  KsStore        *store;
  gint64          account_id;
  KsSatisfaction *survey;
} DeletedSurvey;

static void
deleted_survey_free (gpointer data)
{
  DeletedSurvey *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->survey, ks_satisfaction_free);
  g_free (deleted);
}

static gboolean
restore_survey (gpointer  data,
                GError  **error)
{
  DeletedSurvey *deleted = data;

  return ks_store_save_satisfaction (deleted->store, deleted->account_id, deleted->survey,
                                     error);
}

static void
open_editor (KsSatisfactionSection *self,
             const KsSatisfaction  *survey)
{
  ks_plan_present_dialog (GTK_WIDGET (self), survey_editor_new (self, survey));
}

static void
delete_survey (KsSatisfactionSection *self,
               const KsSatisfaction  *survey)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  DeletedSurvey *deleted;

  deleted = g_new0 (DeletedSurvey, 1);
  deleted->store = g_object_ref (self->store);
  deleted->account_id = ks_account_get_id (self->account);
  deleted->survey = ks_satisfaction_copy (survey);

  if (!ks_store_delete_satisfaction (self->store, deleted->account_id,
                                     deleted->survey->quarter, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Survey Could Not Be Deleted"), error);
      deleted_survey_free (deleted);
      return;
    }

  /* Translators: a survey in the Undo toast, “Survey 2026-Q3” */
  what = g_strdup_printf (_("Survey %s"), deleted->survey->quarter);
  ks_plan_show_undo_toast (GTK_WIDGET (self), what, restore_survey, deleted,
                           deleted_survey_free);
}

static void
on_delete_clicked (GtkButton *button,
                   SurveyRow *sr)
{
  if (sr->survey != NULL)
    delete_survey (sr->section, sr->survey);
}

static SurveyRow *
survey_row_new (KsSatisfactionSection *self)
{
  SurveyRow *sr = g_new0 (SurveyRow, 1);
  GtkWidget *delete_button;

  sr->section = self;
  sr->row = adw_action_row_new ();
  gtk_widget_set_name (sr->row, "survey-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (sr->row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (sr->row), TRUE);
  gtk_widget_add_css_class (sr->row, "numeric");

  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Survey"));
  gtk_widget_set_name (delete_button, "survey-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), sr);
  adw_action_row_add_suffix (ADW_ACTION_ROW (sr->row), delete_button);

  g_object_set_data_full (G_OBJECT (sr->row), SURVEY_ROW_KEY, sr, survey_row_free);
  return sr;
}

static void
survey_row_update (SurveyRow            *sr,
                   const KsSatisfaction *survey,
                   const KsSatisfaction *previous)
{
  g_autofree char *text = format_survey (survey);
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&sr->survey, ks_satisfaction_free);
  sr->survey = ks_satisfaction_copy (survey);

  /* The change from the survey before, where there is one. */
  if (previous != NULL && fabs (survey->score - previous->score) >= 0.05)
    {
      g_autofree char *change = ks_number_format_signed (survey->score - previous->score, 1);

      /* Translators: a survey and its change from the one before, with its sign,
       * “Score 8.5 of 10 · +0.5 since 2026-Q2” */
      subtitle = g_strdup_printf (_("%s · %s since %s"), text, change, previous->quarter);
    }
  else
    subtitle = g_steal_pointer (&text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sr->row), survey->quarter);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (sr->row), subtitle);
}

#define ROWS_PER_PASS 20

static gboolean build_more (gpointer data);

static void
remove_surplus_rows (KsSatisfactionSection *self)
{
  GtkListBoxRow *row;
  guint n = self->surveys->len;

  while ((row = gtk_list_box_get_row_at_index (self->survey_list, n)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (focus == GTK_WIDGET (row) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
        self->lost_focus = TRUE;
      gtk_list_box_remove (self->survey_list, GTK_WIDGET (row));
    }

  if (self->lost_focus)
    {
      row = n > 0 ? gtk_list_box_get_row_at_index (self->survey_list, n - 1) : NULL;
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      self->lost_focus = FALSE;
    }
}

static gboolean
build_pass (KsSatisfactionSection *self)
{
  guint created = 0;
  /* The first pass makes the rows the window shows, later ones ROWS_PER_PASS each. */
  guint limit = self->n_shown == 0 ? ks_plan_rows_to_fill (GTK_WIDGET (self), 300, 60, 6)
                                   : ROWS_PER_PASS;

  for (; self->n_shown < self->surveys->len; self->n_shown++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->survey_list, self->n_shown);
      const KsSatisfaction *previous = NULL;
      SurveyRow *sr;

      if (row != NULL)
        {
          sr = get_survey_row (row);
        }
      else
        {
          if (created == limit)
            return FALSE;
          sr = survey_row_new (self);
          gtk_list_box_append (self->survey_list, sr->row);
          created++;
        }
      /* Newest first: the one before is the next. */
      if (self->n_shown + 1 < self->surveys->len)
        previous = g_ptr_array_index (self->surveys, self->n_shown + 1);
      survey_row_update (sr, g_ptr_array_index (self->surveys, self->n_shown), previous);
    }

  remove_surplus_rows (self);
  return TRUE;
}

static void
rebuild (KsSatisfactionSection *self)
{
  self->dirty = FALSE;
  self->n_shown = 0;
  g_clear_handle_id (&self->build_id, g_source_remove);

  gtk_widget_set_visible (GTK_WIDGET (self->trend_group), self->surveys->len > 0);
  ks_satisfaction_trend_set_surveys (self->trend, self->surveys);

  if (!build_pass (self))
    self->build_id = ks_plan_idle_add_after_frame (GTK_WIDGET (self), build_more, self);
}

static gboolean
build_more (gpointer data)
{
  KsSatisfactionSection *self = data;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->build_id = 0;
      self->dirty = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (!build_pass (self))
    return G_SOURCE_CONTINUE;

  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_row_activated (KsSatisfactionSection *self,
                  GtkListBoxRow         *row)
{
  SurveyRow *sr = get_survey_row (row);

  if (sr != NULL && sr->survey != NULL)
    open_editor (self, sr->survey);
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KsSatisfactionSection *self)
{
  SurveyRow *sr;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  sr = get_survey_row (ks_plan_list_get_focus_row (self->survey_list));
  if (sr == NULL || sr->survey == NULL)
    return GDK_EVENT_PROPAGATE;

  delete_survey (self, sr->survey);
  return GDK_EVENT_STOP;
}

static void
add_survey (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_editor (KS_SATISFACTION_SECTION (widget), NULL);
}

static void
ks_satisfaction_section_map (GtkWidget *widget)
{
  KsSatisfactionSection *self = KS_SATISFACTION_SECTION (widget);

  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (ks_satisfaction_section_parent_class)->map (widget);
}

static void
ks_satisfaction_section_dispose (GObject *object)
{
  KsSatisfactionSection *self = KS_SATISFACTION_SECTION (object);

  g_clear_handle_id (&self->build_id, g_source_remove);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_pointer (&self->surveys, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_satisfaction_section_parent_class)->dispose (object);
}

static void
ks_satisfaction_section_class_init (KsSatisfactionSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_satisfaction_section_dispose;
  widget_class->map = ks_satisfaction_section_map;

  g_type_ensure (KS_TYPE_SATISFACTION_TREND);
  /* Wrapping labels inside would search for their narrowest width otherwise. */
  gtk_widget_class_set_layout_manager_type (widget_class, KS_TYPE_PLAN_SECTION_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-satisfaction-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsSatisfactionSection, trend_group);
  gtk_widget_class_bind_template_child (widget_class, KsSatisfactionSection, trend);
  gtk_widget_class_bind_template_child (widget_class, KsSatisfactionSection, survey_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "satisfaction.add", NULL, add_survey);
}

static void
ks_satisfaction_section_init (KsSatisfactionSection *self)
{
  GtkEventController *keys;
  GtkWidget *empty;

  self->surveys = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_satisfaction_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  empty = ks_plan_empty_state_new ("face-smile-symbolic", _("No surveys yet"),
                                   _("Add the customer’s satisfaction score each quarter to "
                                     "see its trend."));
  gtk_widget_set_name (empty, "satisfaction-empty");
  gtk_list_box_set_placeholder (self->survey_list, empty);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->survey_list), keys);
}

GtkWidget *
ks_satisfaction_section_new (KsStore   *store,
                             KsAccount *account)
{
  KsSatisfactionSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_SATISFACTION_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  return GTK_WIDGET (self);
}

void
ks_satisfaction_section_set_plan (KsSatisfactionSection *self,
                                  const KsAccountPlan   *plan)
{
  GPtrArray *surveys;

  g_return_if_fail (KS_IS_SATISFACTION_SECTION (self));
  g_return_if_fail (plan != NULL);

  surveys = plan->relations != NULL ? plan->relations->satisfaction : NULL;
  g_ptr_array_set_size (self->surveys, 0);
  for (guint i = 0; surveys != NULL && i < surveys->len; i++)
    g_ptr_array_add (self->surveys, ks_satisfaction_copy (g_ptr_array_index (surveys, i)));

  g_clear_handle_id (&self->build_id, g_source_remove);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}
