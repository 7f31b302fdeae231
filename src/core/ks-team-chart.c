/* ks-team-chart.c — a member's skills picture and coaching timeline, drawn with cairo
 * and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in ks-plan-chart.c, each call lays its chart out afresh (a few texts per row) and
 * then draws or answers from that layout, so rendering, hit-testing and the tests agree
 * on every rectangle. Row heights are fixed, so a widget can ask for its height before
 * it has a font.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ks-plan-chart.h"
#include "ks-team-chart.h"

#define DEFAULT_FAMILY  "Cantarell, Noto Sans CJK SC, sans-serif"
#define DEFAULT_SIZE    10

#define PAD             12.0   /* around everything */
#define ROW_H           30.0   /* one skill or one plan */
#define BAR_H           12.0
#define LABEL_GAP       10.0   /* between the names and the bars */
#define VALUE_GAP       8.0    /* between the scale and "3 → 4" */
#define LABEL_SHARE     0.38   /* of the width, at most, for the names */
#define EMPTY_H         48.0   /* the empty text's band */
#define SCALE_H         20.0   /* the skills chart's level numbers above the rows */
#define TODAY_H         18.0   /* the timeline's "Today" above the rows */
#define AXIS_H          22.0   /* the timeline's months below the rows */
#define TICK_LEN        4.0
#define MONTH_SPACING   48.0   /* at least this many pixels between month labels */
#define FADE_DAYS       45     /* how far an open-ended plan fades out past today */
#define MIN_MONTHS      3      /* the timeline shows at least this many months */

typedef enum
{
  FONT_LABEL,
  FONT_TICK,
  FONT_VALUE,
  FONT_EMPTY,
  N_FONTS
} FontRole;

static const struct
{
  double      scale;
  PangoWeight weight;
} font_roles[N_FONTS] = {
  [FONT_LABEL] = { 0.95, PANGO_WEIGHT_NORMAL },
  [FONT_TICK] = { 0.85, PANGO_WEIGHT_NORMAL },
  [FONT_VALUE] = { 0.9, PANGO_WEIGHT_SEMIBOLD },
  [FONT_EMPTY] = { 1.0, PANGO_WEIGHT_NORMAL },
};

/* A piece of text: (x, y) is the layout's origin, its box (x + lx, y + ly, w, h). */
typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
  int          lx;
  int          ly;
  int          w;
  int          h;
} Text;

typedef struct
{
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
} Fonts;

/* The colours both charts draw with. */
typedef struct
{
  KsChartStyle style;
  KsChartColor accent;     /* current level; an active plan */
  KsChartColor outline;    /* the target's frame */
  KsChartColor success;    /* an achieved skill or plan */
  KsChartColor paused;
  KsChartColor dropped;
  KsChartColor alert;      /* overdue */
  gboolean     high_contrast;
} Palette;

/* Colours */

static void
palette_init (Palette          *palette,
              KsChartStyleKind  kind)
{
  KsChartColor target;

  ks_chart_style_init (&palette->style, kind);
  ks_plan_chart_get_colors (kind, &target, &palette->accent, &palette->alert);
  palette->outline = target;
  palette->success = palette->style.tiers[KS_TIER_KEY];
  palette->success.alpha = 1.0;
  palette->paused = palette->style.tiers[KS_TIER_STANDARD];
  palette->paused.alpha = 1.0;
  palette->dropped = palette->style.tiers[KS_TIER_STANDARD];
  palette->dropped.alpha = 0.45;
  palette->high_contrast = kind == KS_CHART_STYLE_HIGH_CONTRAST;
}

static void
set_color (cairo_t            *cr,
           const KsChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* @a over @b at @t, opaque: a light tint stays crisp on every surface. */
static void
set_mixed_color (cairo_t            *cr,
                 const KsChartColor *a,
                 const KsChartColor *b,
                 double              t)
{
  cairo_set_source_rgb (cr,
                        b->red + (a->red - b->red) * t,
                        b->green + (a->green - b->green) * t,
                        b->blue + (a->blue - b->blue) * t);
}

/* Text */

/* Chinese text must be laid out as zh-cn, or the Japanese forms of Noto CJK win. */
static PangoLanguage *
chart_language (void)
{
  const char * const *names = g_get_language_names ();
  PangoLanguage *language = pango_language_get_default ();

  if (g_str_has_prefix (pango_language_to_string (language), "zh") ||
      (names[0] != NULL && g_str_has_prefix (names[0], "zh")))
    return pango_language_from_string ("zh-cn");

  return language;
}

/* The same fonts as the other charts: @from's family and size, unhinted metrics, so
 * the layout is the same on screen, in a PNG and in a PDF. */
static void
fonts_init (Fonts        *self,
            PangoContext *from)
{
  const PangoFontDescription *given = NULL;
  PangoFontDescription *base;
  PangoFontMap *font_map;
  cairo_font_options_t *options;
  gboolean absolute;
  int size;

  font_map = from != NULL ? pango_context_get_font_map (from) : NULL;
  if (font_map == NULL)
    font_map = pango_cairo_font_map_get_default ();

  self->context = pango_font_map_create_context (font_map);
  pango_context_set_language (self->context, chart_language ());
  pango_context_set_round_glyph_positions (self->context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->context, 96);

  if (from != NULL)
    given = pango_context_get_font_description (from);

  base = pango_font_description_from_string (DEFAULT_FAMILY " " G_STRINGIFY (DEFAULT_SIZE));
  if (given != NULL && pango_font_description_get_family (given) != NULL)
    pango_font_description_set_family (base, pango_font_description_get_family (given));
  if (given != NULL && pango_font_description_get_size (given) > 0)
    {
      if (pango_font_description_get_size_is_absolute (given))
        pango_font_description_set_absolute_size (base, pango_font_description_get_size (given));
      else
        pango_font_description_set_size (base, pango_font_description_get_size (given));
    }

  size = pango_font_description_get_size (base);
  absolute = pango_font_description_get_size_is_absolute (base);
  for (guint i = 0; i < N_FONTS; i++)
    {
      PangoFontDescription *font = pango_font_description_copy (base);
      int scaled = (int) lround (size * font_roles[i].scale);

      if (absolute)
        pango_font_description_set_absolute_size (font, scaled);
      else
        pango_font_description_set_size (font, scaled);
      pango_font_description_set_weight (font, font_roles[i].weight);
      self->fonts[i] = font;
    }

  pango_context_set_font_description (self->context, base);
  pango_font_description_free (base);
}

static void
fonts_clear (Fonts *self)
{
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
}

/* @max_width > 0 ellipsizes a longer text. */
static void
text_init (const Fonts *fonts,
           Text        *text,
           FontRole     role,
           const char  *str,
           double       max_width)
{
  PangoRectangle logical;

  text->layout = pango_layout_new (fonts->context);
  pango_layout_set_font_description (text->layout, fonts->fonts[role]);
  pango_layout_set_single_paragraph_mode (text->layout, TRUE);
  pango_layout_set_text (text->layout, str, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (text->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
    }

  pango_layout_get_pixel_extents (text->layout, NULL, &logical);
  text->lx = logical.x;
  text->ly = logical.y;
  text->w = logical.width;
  text->h = logical.height;
  text->x = text->y = 0;
}

/* Puts the text's box (not its origin) at @x, @y. */
static void
text_place (Text   *text,
            double  x,
            double  y)
{
  text->x = x - text->lx;
  text->y = y - text->ly;
}

static void
text_draw (cairo_t            *cr,
           const Text         *text,
           const KsChartColor *color)
{
  if (text->layout == NULL)
    return;

  set_color (cr, color);
  cairo_move_to (cr, text->x, text->y);
  pango_cairo_show_layout (cr, text->layout);
}

static void
text_clear (Text *text)
{
  g_clear_object (&text->layout);
}

/* "No coaching plans yet", centred in (0, 0, @width, @height). */
static void
empty_text_init (const Fonts *fonts,
                 Text        *text,
                 double       width,
                 double       height)
{
  text_init (fonts, text, FONT_EMPTY,
             /* Translators: the skills chart and the coaching timeline of a team member
              * who has no coaching plan */
             _("No coaching plans yet"), MAX (1, width - 2 * PAD));
  text_place (text, (width - text->w) / 2, (height - text->h) / 2);
}

/* Paints the background and clips to (0, 0, @width, @height); FALSE when there is no
 * room to draw anything else. */
static gboolean
begin_chart (cairo_t       *cr,
             double         width,
             double         height,
             const Palette *palette)
{
  cairo_rectangle (cr, 0, 0, width, height);
  set_color (cr, &palette->style.background);
  cairo_fill (cr);

  if (!(width > 2 * PAD) || !(height > 2 * PAD))
    return FALSE;

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  return TRUE;
}

/* ---- Skills ---------------------------------------------------------------------- */

typedef struct
{
  Fonts    fonts;
  gboolean empty;
  Text     empty_text;

  double   scale_x0;      /* level 0 */
  double   scale_x1;      /* level KS_SKILL_LEVEL_MAX */
  double   rows_y;        /* the first row's top */
  Text     ticks[KS_SKILL_LEVEL_MAX];
  guint    n_rows;
  Text    *labels;
  Text    *values;
} SkillsLayout;

static int
clamp_level (int level)
{
  return CLAMP (level, 0, KS_SKILL_LEVEL_MAX);
}

static char *
format_levels (const KsSkillLevel *level)
{
  /* Translators: a skill's current and target level at the end of its bar in the skills
   * chart, as in 3 → 4 */
  return g_strdup_printf (C_("skills chart", "%1$d → %2$d"), level->current_level,
                          level->target_level);
}

static double
skills_level_x (const SkillsLayout *self,
                double              level)
{
  return self->scale_x0 + (self->scale_x1 - self->scale_x0) * level / KS_SKILL_LEVEL_MAX;
}

static void
skills_layout_compute (SkillsLayout *self,
                       double        width,
                       double        height,
                       GPtrArray    *levels,
                       PangoContext *context)
{
  double label_w = 0, value_w = 0, max_label_w;

  memset (self, 0, sizeof *self);
  fonts_init (&self->fonts, context);

  if (levels == NULL || levels->len == 0)
    {
      self->empty = TRUE;
      empty_text_init (&self->fonts, &self->empty_text, width, height);
      return;
    }

  self->n_rows = levels->len;
  self->labels = g_new0 (Text, self->n_rows);
  self->values = g_new0 (Text, self->n_rows);
  max_label_w = MAX (1, round ((width - 2 * PAD) * LABEL_SHARE));

  for (guint i = 0; i < self->n_rows; i++)
    {
      const KsSkillLevel *level = g_ptr_array_index (levels, i);
      g_autofree char *value = format_levels (level);

      text_init (&self->fonts, &self->labels[i], FONT_LABEL, level->name, max_label_w);
      text_init (&self->fonts, &self->values[i], FONT_VALUE, value, 0);
      label_w = MAX (label_w, self->labels[i].w);
      value_w = MAX (value_w, self->values[i].w);
    }

  self->scale_x0 = PAD + label_w + LABEL_GAP;
  self->scale_x1 = MAX (self->scale_x0 + 1, width - PAD - value_w - VALUE_GAP);
  self->rows_y = PAD + SCALE_H;

  for (guint l = 0; l < KS_SKILL_LEVEL_MAX; l++)
    {
      char number[8];
      Text *tick = &self->ticks[l];

      g_snprintf (number, sizeof number, "%u", l + 1);
      text_init (&self->fonts, tick, FONT_TICK, number, 0);
      text_place (tick, skills_level_x (self, l + 1) - tick->w / 2.0,
                  PAD + (SCALE_H - tick->h) / 2 - 2);
    }

  for (guint i = 0; i < self->n_rows; i++)
    {
      double top = self->rows_y + i * ROW_H;

      text_place (&self->labels[i], PAD, top + (ROW_H - self->labels[i].h) / 2);
      text_place (&self->values[i], self->scale_x1 + VALUE_GAP,
                  top + (ROW_H - self->values[i].h) / 2);
    }
}

static void
skills_layout_clear (SkillsLayout *self)
{
  text_clear (&self->empty_text);
  for (guint l = 0; l < KS_SKILL_LEVEL_MAX; l++)
    text_clear (&self->ticks[l]);
  for (guint i = 0; i < self->n_rows; i++)
    {
      text_clear (&self->labels[i]);
      text_clear (&self->values[i]);
    }
  g_clear_pointer (&self->labels, g_free);
  g_clear_pointer (&self->values, g_free);
  fonts_clear (&self->fonts);
}

static void
draw_skills (const SkillsLayout *self,
             cairo_t            *cr,
             GPtrArray          *levels,
             const Palette      *palette)
{
  const KsChartStyle *style = &palette->style;
  double bottom = self->rows_y + self->n_rows * ROW_H;

  /* The scale: a line at each level, its number above. */
  cairo_set_line_width (cr, 1);
  for (guint l = 1; l <= KS_SKILL_LEVEL_MAX; l++)
    {
      double x = floor (skills_level_x (self, l)) + 0.5;

      cairo_move_to (cr, x, self->rows_y);
      cairo_line_to (cr, x, bottom);
      text_draw (cr, &self->ticks[l - 1], &style->secondary);
    }
  set_color (cr, &style->grid);
  cairo_stroke (cr);
  cairo_move_to (cr, floor (self->scale_x0) + 0.5, self->rows_y);
  cairo_line_to (cr, floor (self->scale_x0) + 0.5, bottom);
  set_color (cr, &style->split);
  cairo_stroke (cr);

  for (guint i = 0; i < self->n_rows; i++)
    {
      const KsSkillLevel *level = g_ptr_array_index (levels, i);
      const KsChartColor *fill = level->achieved ? &palette->success : &palette->accent;
      const KsChartColor *frame = level->achieved ? &palette->success : &palette->outline;
      double y = self->rows_y + i * ROW_H + (ROW_H - BAR_H) / 2;
      double x0 = round (self->scale_x0);
      double target_x = round (skills_level_x (self, clamp_level (level->target_level)));
      double current_x = round (skills_level_x (self, clamp_level (level->current_level)));
      double line = palette->high_contrast ? 2 : 1.5;

      /* The target: a light bar in a frame, to the target level. */
      if (target_x > x0)
        {
          set_mixed_color (cr, fill, &style->background, palette->high_contrast ? 0 : 0.18);
          cairo_rectangle (cr, x0, y, target_x - x0, BAR_H);
          cairo_fill (cr);
        }
      /* The current level: filled, over it. */
      if (current_x > x0)
        {
          set_color (cr, fill);
          cairo_rectangle (cr, x0, y, current_x - x0, BAR_H);
          cairo_fill (cr);
        }
      if (target_x - x0 > line)
        {
          set_color (cr, frame);
          cairo_set_line_width (cr, line);
          cairo_rectangle (cr, x0 + line / 2, y + line / 2, target_x - x0 - line,
                           BAR_H - line);
          cairo_stroke (cr);
        }

      text_draw (cr, &self->labels[i], &style->foreground);
      text_draw (cr, &self->values[i], level->achieved ? &palette->success
                                                       : &style->foreground);
    }
}

void
ks_skills_chart_render (cairo_t          *cr,
                        double            width,
                        double            height,
                        GPtrArray        *levels,
                        KsChartStyleKind  style,
                        PangoContext     *context)
{
  SkillsLayout layout;
  Palette palette;

  g_return_if_fail (cr != NULL);

  palette_init (&palette, style);
  cairo_save (cr);
  if (begin_chart (cr, width, height, &palette))
    {
      skills_layout_compute (&layout, width, height, levels, context);
      if (layout.empty)
        text_draw (cr, &layout.empty_text, &palette.style.secondary);
      else
        draw_skills (&layout, cr, levels, &palette);
      skills_layout_clear (&layout);
    }
  cairo_restore (cr);
}

double
ks_skills_chart_get_height (guint n_skills)
{
  if (n_skills == 0)
    return 2 * PAD + EMPTY_H;
  return 2 * PAD + SCALE_H + n_skills * ROW_H;
}

char *
ks_skills_chart_describe (const KsSkillLevel *level)
{
  g_return_val_if_fail (level != NULL, NULL);

  if (level->achieved)
    /* Translators: one skill of a team member's skills chart in words, for screen
     * readers: the skill, its current level and the target level of an achieved
     * coaching plan */
    return g_strdup_printf (_("%1$s: level %2$d, target %3$d, achieved"), level->name,
                            level->current_level, level->target_level);

  /* Translators: one skill of a team member's skills chart in words, for screen
   * readers: the skill, its current level and the target level */
  return g_strdup_printf (_("%1$s: level %2$d, target %3$d"), level->name,
                          level->current_level, level->target_level);
}

/* ---- Timeline -------------------------------------------------------------------- */

static const char * const month_names[12] = {
  /* Translators: a month on the coaching timeline's axis, abbreviated (一月 or 1月) */
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
  NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
  NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

/* One plan's row. */
typedef struct
{
  Text     label;
  gboolean has_bar;
  double   x0;
  double   x1;
  gboolean open_end;      /* no due date: fades out */
  gboolean alert;         /* past due, or an action overdue */
} PlanRow;

typedef struct
{
  Fonts     fonts;
  gboolean  empty;
  Text      empty_text;

  guint32   lo;           /* Julian days at the plot's left and right edges */
  guint32   hi;
  double    plot_x0;
  double    plot_x1;
  double    rows_y;
  double    today_x;
  Text      today_text;

  guint     n_rows;
  PlanRow  *rows;

  guint     n_months;
  double   *month_x;      /* where each month starts */
  Text     *month_text;   /* labelled ones only (the others have no layout) */
} TimelineLayout;

/* A month (translated) and its year, as the axis writes them at a year's start. */
static char *
month_label (const char *name,
             int         year)
{
  /* Translators: a month and its year on the coaching timeline's axis, as in Jan 2027;
   * %1$s is the month (Jan), %2$d the year. Reorder as your language writes them
   * (“%2$d年%1$s”) */
  return g_strdup_printf (C_("timeline month", "%1$s %2$d"), name, year);
}

static guint32
julian (const GDate *date)
{
  return g_date_get_julian (date);
}

static double
timeline_x (const TimelineLayout *self,
            guint32               day)
{
  return self->plot_x0 + (self->plot_x1 - self->plot_x0) * ((double) day - self->lo)
                         / MAX (1, self->hi - self->lo);
}

/* The first day of @date's month, moved by @months. */
static void
month_start (GDate *date,
             int    months)
{
  g_date_set_day (date, 1);
  if (months > 0)
    g_date_add_months (date, (guint) months);
  else if (months < 0)
    g_date_subtract_months (date, (guint) -months);
}

/* The days the plans span, with today, from the first of a month to the first of the
 * month after the last. */
static void
timeline_range (GPtrArray   *plans,
                const GDate *today,
                GDate       *lo,
                GDate       *hi)
{
  *lo = *today;
  *hi = *today;

  for (guint i = 0; i < plans->len; i++)
    {
      const KsCoachingPlan *plan = g_ptr_array_index (plans, i);
      GDate start, due;

      if (!ks_plan_parse_date (plan->start, &start))
        continue;
      if (g_date_compare (&start, lo) < 0)
        *lo = start;
      if (ks_plan_parse_date (plan->due, &due))
        {
          if (g_date_compare (&due, hi) > 0)
            *hi = due;
        }
      else
        {
          GDate fade = g_date_compare (&start, today) > 0 ? start : *today;

          g_date_add_days (&fade, FADE_DAYS);
          if (g_date_compare (&fade, hi) > 0)
            *hi = fade;
        }
    }

  month_start (lo, 0);
  month_start (hi, 1);
  while ((g_date_get_year (hi) - g_date_get_year (lo)) * 12
         + (int) g_date_get_month (hi) - (int) g_date_get_month (lo) < MIN_MONTHS)
    month_start (hi, 1);
}

static void
timeline_layout_compute (TimelineLayout *self,
                         double          width,
                         double          height,
                         GPtrArray      *plans,
                         const GDate    *today,
                         PangoContext   *context)
{
  double label_w = 0, max_label_w, last_label_end, month_w;
  GDate lo, hi, month;
  guint step;

  memset (self, 0, sizeof *self);
  fonts_init (&self->fonts, context);

  if (plans == NULL || plans->len == 0)
    {
      self->empty = TRUE;
      empty_text_init (&self->fonts, &self->empty_text, width, height);
      return;
    }

  self->n_rows = plans->len;
  self->rows = g_new0 (PlanRow, self->n_rows);
  max_label_w = MAX (1, round ((width - 2 * PAD) * LABEL_SHARE));

  for (guint i = 0; i < self->n_rows; i++)
    {
      const KsCoachingPlan *plan = g_ptr_array_index (plans, i);
      PlanRow *row = &self->rows[i];
      KsCoachingProgress progress;
      g_autofree char *label = NULL;

      /* Only a plan under way can be late: an achieved or dropped one may keep actions
       * nobody will do now, a paused one waits. */
      ks_coaching_plan_progress (plan, today, &progress);
      row->alert = plan->status == KS_COACHING_ACTIVE
                   && (progress.overdue || progress.overdue_actions > 0);
      if (row->alert)
        /* Translators: the label of an overdue coaching plan on the timeline: a warning
         * sign and the skill */
        label = g_strdup_printf (_("⚠ %s"), ks_coaching_plan_get_skill_name (plan));
      else
        label = g_strdup (ks_coaching_plan_get_skill_name (plan));
      text_init (&self->fonts, &row->label, FONT_LABEL, label, max_label_w);
      label_w = MAX (label_w, row->label.w);
    }

  timeline_range (plans, today, &lo, &hi);
  self->lo = julian (&lo);
  self->hi = julian (&hi);
  self->plot_x0 = PAD + label_w + LABEL_GAP;
  self->plot_x1 = MAX (self->plot_x0 + 1, width - PAD);
  self->rows_y = PAD + TODAY_H;
  self->today_x = timeline_x (self, julian (today));

  /* Translators: the line of today's date on the coaching timeline */
  text_init (&self->fonts, &self->today_text, FONT_TICK, _("Today"), 0);
  text_place (&self->today_text,
              CLAMP (self->today_x - self->today_text.w / 2.0, self->plot_x0,
                     MAX (self->plot_x0, self->plot_x1 - self->today_text.w)),
              PAD + (TODAY_H - self->today_text.h) / 2 - 2);

  for (guint i = 0; i < self->n_rows; i++)
    {
      const KsCoachingPlan *plan = g_ptr_array_index (plans, i);
      PlanRow *row = &self->rows[i];
      double top = self->rows_y + i * ROW_H;
      GDate start, due;

      text_place (&row->label, PAD, top + (ROW_H - row->label.h) / 2);
      if (!ks_plan_parse_date (plan->start, &start))
        continue;
      row->has_bar = TRUE;
      row->x0 = timeline_x (self, julian (&start));
      if (ks_plan_parse_date (plan->due, &due))
        {
          row->x1 = timeline_x (self, julian (&due) + 1);
        }
      else
        {
          row->open_end = TRUE;
          row->x1 = self->plot_x1;
        }
      /* A plan of one day is still a mark. */
      row->x1 = MAX (row->x1, row->x0 + 3);
    }

  /* The months: a tick at each, a label every @step months (1, 2, 3, 6 or 12, so that
   * January always has one) far enough apart for the widest. */
  self->n_months = (g_date_get_year (&hi) - g_date_get_year (&lo)) * 12
                   + g_date_get_month (&hi) - g_date_get_month (&lo);
  self->month_x = g_new0 (double, self->n_months + 1);
  self->month_text = g_new0 (Text, self->n_months + 1);
  month_w = MONTH_SPACING;
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      g_autofree char *label = month_label (g_dpgettext2 (GETTEXT_PACKAGE, "month",
                                                          month_names[i]),
                                            g_date_get_year (&hi));
      Text probe;

      text_init (&self->fonts, &probe, FONT_TICK, label, 0);
      month_w = MAX (month_w, probe.w + 3 + 8);
      text_clear (&probe);
    }
  step = 1;
  while (step < 12 && (self->plot_x1 - self->plot_x0) * step / MAX (1, self->n_months)
                      < month_w)
    step = step < 3 ? step + 1 : step < 6 ? 6 : 12;

  month = lo;
  last_label_end = -G_MAXDOUBLE;
  for (guint m = 0; m <= self->n_months; m++)
    {
      guint month_number = g_date_get_month (&month);
      Text *text = &self->month_text[m];

      self->month_x[m] = timeline_x (self, julian (&month));
      if (m < self->n_months && (month_number - 1) % step == 0)
        {
          g_autofree char *label = NULL;
          const char *name = g_dpgettext2 (GETTEXT_PACKAGE, "month",
                                           month_names[month_number - 1]);

          /* The year with the first label and with each January. */
          if (last_label_end == -G_MAXDOUBLE || month_number == 1)
            label = month_label (name, g_date_get_year (&month));
          else
            label = g_strdup (name);
          text_init (&self->fonts, text, FONT_TICK, label, 0);
          text_place (text, self->month_x[m] + 3,
                      self->rows_y + self->n_rows * ROW_H + TICK_LEN + 2);
          /* A label that would run into the one before, or off the edge, is left out. */
          if (text->x + text->lx < last_label_end + 4
              || text->x + text->lx + text->w > width - PAD / 2)
            text_clear (text);
          else
            last_label_end = text->x + text->lx + text->w;
        }
      month_start (&month, 1);
    }
}

static void
timeline_layout_clear (TimelineLayout *self)
{
  text_clear (&self->empty_text);
  text_clear (&self->today_text);
  for (guint i = 0; i < self->n_rows; i++)
    text_clear (&self->rows[i].label);
  for (guint m = 0; self->month_text != NULL && m <= self->n_months; m++)
    text_clear (&self->month_text[m]);
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->month_x, g_free);
  g_clear_pointer (&self->month_text, g_free);
  fonts_clear (&self->fonts);
}

static const KsChartColor *
plan_color (const KsCoachingPlan *plan,
            const PlanRow        *row,
            const Palette        *palette)
{
  if (row->alert)
    return &palette->alert;

  switch (plan->status)
    {
    case KS_COACHING_ACHIEVED:
      return &palette->success;
    case KS_COACHING_PAUSED:
      return &palette->paused;
    case KS_COACHING_DROPPED:
      return &palette->dropped;
    case KS_COACHING_ACTIVE:
    case KS_N_COACHING_STATUSES:
    default:
      return &palette->accent;
    }
}

static void
draw_timeline (const TimelineLayout *self,
               cairo_t              *cr,
               GPtrArray            *plans,
               const Palette        *palette)
{
  const KsChartStyle *style = &palette->style;
  double bottom = self->rows_y + self->n_rows * ROW_H;

  /* Month lines and the axis. */
  cairo_set_line_width (cr, 1);
  for (guint m = 0; m <= self->n_months; m++)
    {
      double x = floor (self->month_x[m]) + 0.5;

      cairo_move_to (cr, x, self->rows_y);
      cairo_line_to (cr, x, bottom);
    }
  set_color (cr, &style->grid);
  cairo_stroke (cr);

  for (guint m = 0; m <= self->n_months; m++)
    {
      double x = floor (self->month_x[m]) + 0.5;

      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + TICK_LEN);
      text_draw (cr, &self->month_text[m], &style->secondary);
    }
  cairo_move_to (cr, self->plot_x0, floor (bottom) + 0.5);
  cairo_line_to (cr, self->plot_x1, floor (bottom) + 0.5);
  set_color (cr, &style->split);
  cairo_stroke (cr);

  for (guint i = 0; i < self->n_rows; i++)
    {
      const KsCoachingPlan *plan = g_ptr_array_index (plans, i);
      const PlanRow *row = &self->rows[i];
      const KsChartColor *color = plan_color (plan, row, palette);
      double y = self->rows_y + i * ROW_H + (ROW_H - BAR_H) / 2;

      if (row->has_bar)
        {
          double x0 = MAX (row->x0, self->plot_x0);
          double x1 = MIN (row->x1, self->plot_x1);

          if (row->open_end)
            {
              cairo_pattern_t *fade = cairo_pattern_create_linear (x0, 0, x1, 0);

              cairo_pattern_add_color_stop_rgba (fade, 0, color->red, color->green,
                                                 color->blue, color->alpha);
              cairo_pattern_add_color_stop_rgba (fade, CLAMP ((self->today_x - x0)
                                                              / MAX (1, x1 - x0), 0, 1),
                                                 color->red, color->green, color->blue,
                                                 color->alpha);
              cairo_pattern_add_color_stop_rgba (fade, 1, color->red, color->green,
                                                 color->blue, 0);
              cairo_set_source (cr, fade);
              cairo_pattern_destroy (fade);
            }
          else
            {
              set_color (cr, color);
            }
          if (x1 > x0)
            {
              cairo_rectangle (cr, x0, y, x1 - x0, BAR_H);
              cairo_fill (cr);
            }
        }

      text_draw (cr, &row->label, row->alert ? &palette->alert : &style->foreground);
    }

  /* Today, over the bars. */
  if (self->today_x >= self->plot_x0 && self->today_x <= self->plot_x1)
    {
      double x = floor (self->today_x) + 0.5;

      cairo_set_line_width (cr, palette->high_contrast ? 2 : 1.5);
      cairo_move_to (cr, x, self->rows_y - 2);
      cairo_line_to (cr, x, bottom);
      set_color (cr, &style->focus);
      cairo_stroke (cr);
      text_draw (cr, &self->today_text, &style->focus);
    }
}

void
ks_coaching_timeline_render (cairo_t          *cr,
                             double            width,
                             double            height,
                             GPtrArray        *plans,
                             const GDate      *today,
                             KsChartStyleKind  style,
                             PangoContext     *context)
{
  TimelineLayout layout;
  Palette palette;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  palette_init (&palette, style);
  cairo_save (cr);
  if (begin_chart (cr, width, height, &palette))
    {
      timeline_layout_compute (&layout, width, height, plans, today, context);
      if (layout.empty)
        text_draw (cr, &layout.empty_text, &palette.style.secondary);
      else
        draw_timeline (&layout, cr, plans, &palette);
      timeline_layout_clear (&layout);
    }
  cairo_restore (cr);
}

double
ks_coaching_timeline_get_height (guint n_plans)
{
  if (n_plans == 0)
    return 2 * PAD + EMPTY_H;
  return 2 * PAD + TODAY_H + n_plans * ROW_H + AXIS_H;
}

int
ks_coaching_timeline_plan_at (double        width,
                              double        height,
                              GPtrArray    *plans,
                              const GDate  *today,
                              PangoContext *context,
                              double        x,
                              double        y)
{
  double rows_y = PAD + TODAY_H;
  int row;

  g_return_val_if_fail (today != NULL && g_date_valid (today), -1);

  /* The rows have fixed heights: no layout needed to find one. The whole row counts,
   * its label too. */
  if (plans == NULL || plans->len == 0 || !(width > 2 * PAD) || !(height > 2 * PAD))
    return -1;
  if (x < PAD || x >= width - PAD || y < rows_y)
    return -1;
  row = (int) floor ((y - rows_y) / ROW_H);
  if (row < 0 || (guint) row >= plans->len || rows_y + (row + 1) * ROW_H > height)
    return -1;
  return row;
}
