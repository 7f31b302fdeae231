/* ks-plan-chart.c — targets vs actuals by quarter, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each call lays the chart out afresh (a handful of texts) and then draws or answers
 * from that layout, so rendering, hit-testing and the tests agree on every rectangle.
 * Values are drawn in display units: major units of the currency for money, percent
 * for a percentage, as doubles (a gint64 sum of quarters may overflow; a ratio and a
 * position do not need the last digit).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ks-money.h"
#include "ks-plan-chart.h"

#define DEFAULT_FAMILY  "Cantarell, Noto Sans CJK SC, sans-serif"
#define DEFAULT_SIZE    10

#define PAD             12.0   /* around everything */
#define HEADER_GAP      10.0   /* below the title line */
#define TICK_GAP        6.0    /* between the tick labels and the plot */
#define QUARTER_GAP     6.0    /* between the plot and the quarter labels */
#define PERCENT_GAP     3.0    /* between a bar's top and its attainment */
#define SWATCH_W        14.0
#define SWATCH_H        10.0
#define SWATCH_GAP      5.0    /* between a swatch and its text */
#define LEGEND_GAP      14.0   /* between the two legend entries */
#define MIN_TITLE_W     40.0   /* less than this, and the title is left out */
#define MIN_PLOT        16.0   /* a smaller plot is not drawn */
#define TICK_SPACING    44.0   /* about this many pixels between ticks */
#define MAX_TICKS       12
#define MARKER_W        7.0    /* the ▼ of a drop */
#define MARKER_H        6.0

typedef enum
{
  FONT_TITLE,
  FONT_LEGEND,
  FONT_TICK,
  FONT_QUARTER,
  FONT_PERCENT,
  FONT_EMPTY,
  N_FONTS
} FontRole;

static const struct
{
  double      scale;
  PangoWeight weight;
} font_roles[N_FONTS] = {
  [FONT_TITLE] = { 1.0, PANGO_WEIGHT_BOLD },
  [FONT_LEGEND] = { 0.9, PANGO_WEIGHT_NORMAL },
  [FONT_TICK] = { 0.85, PANGO_WEIGHT_NORMAL },
  [FONT_QUARTER] = { 0.95, PANGO_WEIGHT_SEMIBOLD },
  [FONT_PERCENT] = { 0.85, PANGO_WEIGHT_SEMIBOLD },
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
  const KsTargetYear    *year;
  gboolean               money;
  double                 unit;          /* minor units per display unit */

  PangoContext          *context;
  PangoFontDescription  *fonts[N_FONTS];

  double                 width;
  double                 height;
  gboolean               empty;         /* no quarter set: the empty text only */
  gboolean               has_plot;      /* the plot fits */

  Text                   title;
  Text                   legend_target;
  Text                   legend_actual;
  double                 swatch_target_x;
  double                 swatch_actual_x;
  double                 swatch_y;
  Text                   empty_text;

  cairo_rectangle_t      plot;
  double                 lo;            /* display units at the plot's bottom and top */
  double                 hi;
  guint                  n_ticks;
  double                 tick_values[MAX_TICKS];
  Text                   ticks[MAX_TICKS];

  KsPlanChartAttainment  attainment;
  Text                   quarters[KS_PLAN_N_QUARTERS];
  Text                   percents[KS_PLAN_N_QUARTERS];
} Layout;

/* Colours */

static KsChartColor
rgb (guint32 hex)
{
  return (KsChartColor) {
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0
  };
}

void
ks_plan_chart_get_colors (KsChartStyleKind  kind,
                          KsChartColor     *target,
                          KsChartColor     *actual,
                          KsChartColor     *drop)
{
  KsChartStyle style;
  KsChartColor accent, bar, red;

  ks_chart_style_init (&style, kind);
  accent = style.tiers[KS_TIER_CORE];
  accent.alpha = 1.0;
  bar = accent;

  switch (kind)
    {
    case KS_CHART_STYLE_DARK:
      red = rgb (0xff7b63);
      break;
    case KS_CHART_STYLE_HIGH_CONTRAST:
      /* The outline is the text colour: the target reads as a frame, not a hue. */
      bar = style.foreground;
      bar.alpha = 1.0;
      red = rgb (0xa51d2d);
      break;
    case KS_CHART_STYLE_LIGHT:
    default:
      red = rgb (0xc01c28);
      break;
    }

  if (target != NULL)
    *target = bar;
  if (actual != NULL)
    *actual = accent;
  if (drop != NULL)
    *drop = red;
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

/* Attainment */

void
ks_plan_chart_attainment (const KsTargetYear    *year,
                          double                 threshold_points,
                          KsPlanChartAttainment *out)
{
  gint64 targets[KS_PLAN_N_QUARTERS] = { 0 };
  gint64 actuals[KS_PLAN_N_QUARTERS] = { 0 };

  g_return_if_fail (year != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  if (!(threshold_points > 0))
    threshold_points = KS_PLAN_DROP_THRESHOLD_DEFAULT;

  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      guint i = q - 1;

      /* A target of 0 has nothing to attain. */
      if (!(year->has_target & (1u << q)) || !(year->has_actual & (1u << q)) ||
          year->target[q] <= 0)
        continue;

      out->has[i] = TRUE;
      out->attainment[i] = ks_plan_attainment (year->target[q], year->actual[q]);
      out->last_quarter = q;
      targets[i] = year->target[q];
      actuals[i] = year->actual[q];

      if (i > 0 && out->has[i - 1] &&
          ks_plan_attainment_dropped (out->attainment[i - 1], out->attainment[i],
                                      threshold_points))
        {
          out->dropped[i] = TRUE;
          out->fall[i] = out->attainment[i - 1] - out->attainment[i];
        }
    }

  if (out->last_quarter > 0)
    {
      out->has_ytd = TRUE;
      out->ytd = ks_plan_attainment_ytd (targets, actuals, out->last_quarter);
    }
}

/* Numbers */

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

static double
display_unit (KsTargetMetric  metric,
              const char     *currency)
{
  if (!ks_target_metric_is_money (metric))
    return KS_PLAN_PERCENT_SCALE;

  return pow (10, currency != NULL ? ks_currency_get_exponent (currency) : 2);
}

/* The currency's symbol as ks_money_format() writes it: "¥", "HK$", or "XYZ ". */
static char *
dup_symbol (const char *currency)
{
  g_autofree char *zero = NULL;

  if (currency == NULL)
    return g_strdup ("");

  zero = ks_money_format (0, currency);
  return g_strndup (zero, strcspn (zero, "0123456789"));
}

/* How this language shortens large amounts: the unit for @magnitude (display units)
 * and the format that puts a number in it. Shared with the quadrant chart's legend, so
 * one translation serves both. */
static double
short_unit (double       magnitude,
            const char **format)
{
  static const double thousands[] = { 1e12, 1e9, 1e6, 1e3 };
  static const double myriads[] = { 1e12, 1e8, 1e4 };
  const char *formats[4];
  const double *units;
  guint n_units;

  /* Translators: how the chart's legend shortens large amounts. Keep "1000" if your
   * language counts them in thousands, millions and billions (¥250K, ¥12M); translate
   * it as "10000" if it counts them in ten thousands (万, 亿), as Chinese does. */
  if (g_str_equal (C_("amount grouping", "1000"), "10000"))
    {
      units = myriads;
      n_units = G_N_ELEMENTS (myriads);
      /* Translators: an amount in units of 10¹², as in ¥1万亿 */
      formats[0] = C_("amount in 10^12", "%s×10¹²");
      /* Translators: an amount in units of 10⁸, as in ¥1.5亿 */
      formats[1] = C_("amount in 10^8", "%s×10⁸");
      /* Translators: an amount in units of 10⁴, as in ¥500万 */
      formats[2] = C_("amount in 10^4", "%s×10⁴");
    }
  else
    {
      units = thousands;
      n_units = G_N_ELEMENTS (thousands);
      /* Translators: an amount in trillions, as in ¥1T */
      formats[0] = C_("amount in trillions", "%sT");
      /* Translators: an amount in billions, as in ¥1.5B */
      formats[1] = C_("amount in billions", "%sB");
      /* Translators: an amount in millions, as in ¥20M */
      formats[2] = C_("amount in millions", "%sM");
      /* Translators: an amount in thousands, as in ¥500K */
      formats[3] = C_("amount in thousands", "%sK");
    }

  for (guint i = 0; i < n_units; i++)
    {
      if (magnitude >= units[i])
        {
          *format = formats[i];
          return units[i];
        }
    }

  *format = "%s";
  return 1;
}

/* "%.*f" without the trailing zeros of the fraction. */
static char *
format_number (double v,
               int    decimals)
{
  char *s = g_strdup_printf ("%.*f", decimals, v);

  if (decimals > 0)
    {
      char *end = s + strlen (s) - 1;

      while (end > s && *end == '0')
        *end-- = '\0';
      if (end > s && !g_ascii_isdigit (*end))
        *end = '\0';
    }
  if (strcmp (s, "-0") == 0)
    {
      g_free (s);
      s = g_strdup ("0");
    }
  return s;
}

static char *
format_percent (double percent,
                int    decimals)
{
  g_autofree char *number = format_number (percent, decimals);

  /* Translators: a percentage on the targets chart's axis, as in 12.5 %; %s is the
   * number */
  return g_strdup_printf (C_("chart percentage", "%s %%"), number);
}

/* @v in display units, shortened with the unit that suits @magnitude and @decimals
 * decimals of it at most. */
static char *
format_money_short (double      v,
                    double      magnitude,
                    int         decimals,
                    const char *currency)
{
  g_autofree char *symbol = dup_symbol (currency);
  g_autofree char *number = NULL;
  g_autofree char *amount = NULL;
  const char *format;
  double unit = short_unit (magnitude, &format);

  number = format_number (fabs (v) / unit, decimals);
  /* Zero is zero in any unit: "¥0", not "¥0M". */
  if (strcmp (number, "0") == 0)
    return g_strconcat (symbol, "0", NULL);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  amount = g_strdup_printf (format, number);
#pragma GCC diagnostic pop

  return g_strconcat (v < 0 ? "-" : "", symbol, amount, NULL);
}

char *
ks_plan_chart_format_short (gint64          value,
                            KsTargetMetric  metric,
                            const char     *currency)
{
  double unit, v, shown;
  const char *format;

  g_return_val_if_fail ((guint) metric < KS_N_TARGET_METRICS, NULL);

  unit = display_unit (metric, currency);
  v = value / unit;
  if (!ks_target_metric_is_money (metric))
    return format_percent (v, 2);

  shown = fabs (v) / short_unit (fabs (v), &format);
  return format_money_short (v, fabs (v), fabs (shown - round (shown)) < 0.05 ? 0 : 1,
                             currency);
}

/* The value in full: "¥1,200,000.00", "12.5 %". */
static char *
format_full (gint64          value,
             KsTargetMetric  metric,
             const char     *currency)
{
  if (!ks_target_metric_is_money (metric))
    return format_percent (value / (double) KS_PLAN_PERCENT_SCALE, 2);
  if (currency == NULL)
    return ks_money_format_plain (value, "CNY");
  return ks_money_format (value, currency);
}

/* Decimals needed to write multiples of @step exactly, up to 3. */
static int
step_decimals (double step)
{
  for (int d = 0; d < 3; d++)
    {
      double scaled = step * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1, scaled))
        return d;
    }
  return 3;
}

/* Text */

static void
setup_fonts (Layout       *self,
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
  /* Unhinted metrics: the same layout on screen, in a PNG and in a PDF. */
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

/* @max_width > 0 ellipsizes a longer text. */
static void
text_init (Layout     *self,
           Text       *text,
           FontRole    role,
           const char *str,
           double      max_width)
{
  PangoRectangle logical;

  text->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (text->layout, self->fonts[role]);
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

/* Layout */

static gboolean
has_target (const KsTargetYear *year,
            guint               index)
{
  return (year->has_target & (1u << index)) != 0;
}

static gboolean
has_actual (const KsTargetYear *year,
            guint               quarter)
{
  return (year->has_actual & (1u << quarter)) != 0;
}

static gboolean
has_quarters (const KsTargetYear *year)
{
  guint quarters = ((1u << (KS_PLAN_N_QUARTERS + 1)) - 1) & ~1u;

  return (year->has_target & quarters) != 0 || (year->has_actual & quarters) != 0;
}

static double
layout_map (const Layout *self,
            double        v)
{
  const cairo_rectangle_t *p = &self->plot;

  return p->y + p->height - (v - self->lo) / (self->hi - self->lo) * p->height;
}

/* Round ticks from below @lo to above @hi, about @n intervals. */
static void
layout_ticks (Layout *self,
              double  lo,
              double  hi,
              guint   n,
              double  min_step)
{
  static const double nice[] = { 1, 2, 2.5, 5, 10 };
  double raw = (hi - lo) / MAX (n, 1);
  double magnitude = pow (10, floor (log10 (raw)));
  double step = 10 * magnitude;
  double first, last;

  for (guint i = 0; i < G_N_ELEMENTS (nice); i++)
    {
      if (nice[i] * magnitude >= raw * (1 - 1e-9))
        {
          step = nice[i] * magnitude;
          break;
        }
    }
  step = MAX (step, min_step);

  first = floor (lo / step) * step;
  last = ceil (hi / step) * step;
  if (last <= first)
    last = first + step;

  self->n_ticks = 0;
  for (double v = first; v <= last + step / 2 && self->n_ticks < MAX_TICKS; v += step)
    self->tick_values[self->n_ticks++] = fabs (v) < step / 2 ? 0 : v;

  self->lo = first;
  self->hi = self->tick_values[self->n_ticks - 1];
}

static void
layout_clear (Layout *self)
{
  g_clear_object (&self->title.layout);
  g_clear_object (&self->legend_target.layout);
  g_clear_object (&self->legend_actual.layout);
  g_clear_object (&self->empty_text.layout);
  for (guint i = 0; i < MAX_TICKS; i++)
    g_clear_object (&self->ticks[i].layout);
  for (guint i = 0; i < KS_PLAN_N_QUARTERS; i++)
    {
      g_clear_object (&self->quarters[i].layout);
      g_clear_object (&self->percents[i].layout);
    }
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
}

static void
layout_header (Layout *self)
{
  const KsTargetYear *year = self->year;
  g_autofree char *title = NULL;
  double legend_w, title_w, header_h;

  text_init (self, &self->legend_target, FONT_LEGEND,
             /* Translators: the legend of the targets chart: the outlined bars */
             C_("plan chart", "Target"), 0);
  text_init (self, &self->legend_actual, FONT_LEGEND,
             /* Translators: the legend of the targets chart: the filled bars */
             C_("plan chart", "Actual"), 0);
  legend_w = 2 * (SWATCH_W + SWATCH_GAP) + self->legend_target.w + LEGEND_GAP +
             self->legend_actual.w;

  /* Translators: the title of the targets chart: the metric (Revenue, Gross margin…)
   * and the year */
  title = g_strdup_printf (_("%1$s, %2$d"), ks_target_metric_get_label (year->metric),
                           year->year);
  title_w = self->width - 2 * PAD - legend_w - LEGEND_GAP;
  if (title_w >= MIN_TITLE_W)
    text_init (self, &self->title, FONT_TITLE, title, title_w);

  header_h = MAX (self->legend_target.h, self->title.h);
  if (self->title.layout != NULL)
    text_place (&self->title, PAD, PAD + (header_h - self->title.h) / 2);

  self->swatch_target_x = self->width - PAD - legend_w;
  self->swatch_y = PAD + (header_h - SWATCH_H) / 2;
  text_place (&self->legend_target, self->swatch_target_x + SWATCH_W + SWATCH_GAP,
              PAD + (header_h - self->legend_target.h) / 2);
  self->swatch_actual_x = self->swatch_target_x + SWATCH_W + SWATCH_GAP +
                          self->legend_target.w + LEGEND_GAP;
  text_place (&self->legend_actual, self->swatch_actual_x + SWATCH_W + SWATCH_GAP,
              PAD + (header_h - self->legend_actual.h) / 2);

  self->plot.y = PAD + header_h + HEADER_GAP;
}

static void
layout_compute (Layout             *self,
                double              width,
                double              height,
                const KsTargetYear *year,
                const char         *currency,
                PangoContext       *context)
{
  double vmin = 0, vmax = 0, tick_w = 0, tick_h, percent_h, quarter_h, plot_bottom;
  double column_w, magnitude;
  int decimals;
  guint n;

  memset (self, 0, sizeof *self);
  self->year = year;
  self->width = width;
  self->height = height;
  self->money = ks_target_metric_is_money (year->metric);
  self->unit = display_unit (year->metric, currency);
  ks_plan_chart_attainment (year, 0, &self->attainment);
  setup_fonts (self, context);

  layout_header (self);

  if (!has_quarters (year))
    {
      g_autofree char *text = NULL;

      self->empty = TRUE;
      if (has_target (year, 0))
        /* Translators: the targets chart when only the annual target is set; %d is
         * the year */
        text = g_strdup_printf (_("No quarterly targets or actuals for %d"), year->year);
      else
        /* Translators: the targets chart when nothing is set; %d is the year */
        text = g_strdup_printf (_("No targets for %d"), year->year);
      text_init (self, &self->empty_text, FONT_EMPTY, text, MAX (1, width - 2 * PAD));
      text_place (&self->empty_text, (width - self->empty_text.w) / 2,
                  self->plot.y + (height - self->plot.y - self->empty_text.h) / 2);
      return;
    }

  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      if (has_target (year, q))
        {
          vmin = MIN (vmin, year->target[q] / self->unit);
          vmax = MAX (vmax, year->target[q] / self->unit);
        }
      if (has_actual (year, q))
        {
          vmin = MIN (vmin, year->actual[q] / self->unit);
          vmax = MAX (vmax, year->actual[q] / self->unit);
        }
    }
  if (vmax <= vmin)
    vmax = self->money ? 1 : 100;

  /* Room above the bars for the attainment, below for the quarters. */
  for (guint i = 0; i < KS_PLAN_N_QUARTERS; i++)
    {
      g_autofree char *label = NULL;

      /* Translators: the targets chart's quarter labels; %u is 1 to 4 */
      label = g_strdup_printf (_("Q%u"), i + 1);
      text_init (self, &self->quarters[i], FONT_QUARTER, label, 0);
      if (self->attainment.has[i])
        {
          g_autofree char *percent = NULL;

          /* Translators: a quarter's attainment above its bars, as in 95 % */
          percent = g_strdup_printf (_("%.0f %%"), self->attainment.attainment[i]);
          text_init (self, &self->percents[i], FONT_PERCENT, percent, 0);
        }
    }
  /* Line heights, whatever the texts. */
  text_init (self, &self->ticks[0], FONT_PERCENT, "0%", 0);
  percent_h = self->ticks[0].h;
  g_clear_object (&self->ticks[0].layout);
  text_init (self, &self->ticks[0], FONT_TICK, "0", 0);
  tick_h = self->ticks[0].h;
  g_clear_object (&self->ticks[0].layout);
  quarter_h = self->quarters[0].h;

  self->plot.y += percent_h + PERCENT_GAP;
  plot_bottom = height - PAD - quarter_h - QUARTER_GAP;
  self->plot.height = plot_bottom - self->plot.y;
  if (self->plot.height < MIN_PLOT)
    return;

  n = (guint) CLAMP (self->plot.height / TICK_SPACING, 1, 6);
  layout_ticks (self, vmin, vmax, n, self->money ? 1 : 0.01);

  /* One unit and as many decimals as the step needs, for every tick. */
  magnitude = MAX (fabs (self->lo), fabs (self->hi));
  if (self->money)
    {
      const char *format;
      double unit = short_unit (magnitude, &format);

      decimals = step_decimals ((self->tick_values[1] - self->tick_values[0]) / unit);
    }
  else
    {
      decimals = step_decimals (self->tick_values[1] - self->tick_values[0]);
    }

  for (guint i = 0; i < self->n_ticks; i++)
    {
      g_autofree char *label = NULL;

      if (self->money)
        label = format_money_short (self->tick_values[i], magnitude, decimals, currency);
      else
        label = format_percent (self->tick_values[i], decimals);
      text_init (self, &self->ticks[i], FONT_TICK, label, 0);
      tick_w = MAX (tick_w, self->ticks[i].w);
    }

  self->plot.x = PAD + tick_w + TICK_GAP;
  self->plot.width = width - PAD - self->plot.x;
  if (self->plot.width < MIN_PLOT)
    return;
  self->has_plot = TRUE;

  for (guint i = 0; i < self->n_ticks; i++)
    text_place (&self->ticks[i], self->plot.x - TICK_GAP - self->ticks[i].w,
                layout_map (self, self->tick_values[i]) - tick_h / 2);

  column_w = self->plot.width / KS_PLAN_N_QUARTERS;
  for (guint i = 0; i < KS_PLAN_N_QUARTERS; i++)
    {
      double cx = self->plot.x + (i + 0.5) * column_w;

      text_place (&self->quarters[i], cx - self->quarters[i].w / 2.0,
                  plot_bottom + QUARTER_GAP);
    }
}

/* The bars of column @i: x and width of the target's and the actual's. */
static void
layout_bars (const Layout *self,
             guint         i,
             double       *target_x,
             double       *actual_x,
             double       *bar_w)
{
  double column_w = self->plot.width / KS_PLAN_N_QUARTERS;
  double cx = self->plot.x + (i + 0.5) * column_w;
  double w = CLAMP (round (column_w * 0.3), 3, 56);
  double gap = MAX (2, round (w * 0.12));

  *bar_w = w;
  *target_x = round (cx - gap / 2 - w);
  *actual_x = round (cx + gap / 2);
}

/* The bar's rectangle from zero to @v, at least a hairline for a value of 0. */
static cairo_rectangle_t
bar_rect (const Layout *self,
          double        x,
          double        w,
          double        v)
{
  double zero = layout_map (self, 0);
  double top = layout_map (self, v);
  double y0 = MIN (zero, top), y1 = MAX (zero, top);

  if (y1 - y0 < 1.5)
    {
      y0 = zero - 1.5;
      y1 = zero;
    }
  return (cairo_rectangle_t) { x, y0, w, y1 - y0 };
}

/* Drawing */

static void
draw_header (const Layout       *self,
             cairo_t            *cr,
             const KsChartStyle *style,
             const KsChartColor *target,
             const KsChartColor *actual,
             gboolean            high_contrast)
{
  text_draw (cr, &self->title, &style->foreground);
  if (self->empty)
    return;

  set_mixed_color (cr, actual, &style->background, high_contrast ? 0 : 0.2);
  cairo_rectangle (cr, self->swatch_target_x, self->swatch_y, SWATCH_W, SWATCH_H);
  cairo_fill (cr);
  set_color (cr, target);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, self->swatch_target_x + 0.75, self->swatch_y + 0.75,
                   SWATCH_W - 1.5, SWATCH_H - 1.5);
  cairo_stroke (cr);
  text_draw (cr, &self->legend_target, &style->secondary);

  set_color (cr, actual);
  cairo_rectangle (cr, self->swatch_actual_x, self->swatch_y, SWATCH_W, SWATCH_H);
  cairo_fill (cr);
  text_draw (cr, &self->legend_actual, &style->secondary);
}

static void
draw_grid (const Layout       *self,
           cairo_t            *cr,
           const KsChartStyle *style)
{
  const cairo_rectangle_t *p = &self->plot;
  double zero;

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < self->n_ticks; i++)
    {
      double y = floor (layout_map (self, self->tick_values[i])) + 0.5;

      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
      text_draw (cr, &self->ticks[i], &style->secondary);
    }
  set_color (cr, &style->grid);
  cairo_stroke (cr);

  /* The base line, where the bars start. */
  zero = floor (layout_map (self, 0)) + 0.5;
  cairo_move_to (cr, p->x, zero);
  cairo_line_to (cr, p->x + p->width, zero);
  set_color (cr, &style->split);
  cairo_stroke (cr);
}

static void
draw_marker (cairo_t *cr,
             double   x,
             double   y)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + MARKER_W, y);
  cairo_line_to (cr, x + MARKER_W / 2, y + MARKER_H);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_bars (const Layout       *self,
           cairo_t            *cr,
           const KsChartStyle *style,
           const KsChartColor *target,
           const KsChartColor *actual,
           const KsChartColor *drop,
           gboolean            high_contrast)
{
  const KsTargetYear *year = self->year;
  double column_w = self->plot.width / KS_PLAN_N_QUARTERS;

  for (guint i = 0; i < KS_PLAN_N_QUARTERS; i++)
    {
      guint q = i + 1;
      double target_x, actual_x, bar_w;
      double top = layout_map (self, 0);
      const KsChartColor *text_color = &style->foreground;

      layout_bars (self, i, &target_x, &actual_x, &bar_w);

      if (has_target (year, q))
        {
          cairo_rectangle_t r = bar_rect (self, target_x, bar_w, year->target[q] / self->unit);
          double line = high_contrast ? 2 : 1.5;

          set_mixed_color (cr, actual, &style->background, high_contrast ? 0 : 0.2);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          cairo_fill (cr);
          if (r.height > line && r.width > line)
            {
              set_color (cr, target);
              cairo_set_line_width (cr, line);
              cairo_rectangle (cr, r.x + line / 2, r.y + line / 2,
                               r.width - line, r.height - line);
              cairo_stroke (cr);
            }
          top = MIN (top, r.y);
        }

      if (has_actual (year, q))
        {
          cairo_rectangle_t r = bar_rect (self, actual_x, bar_w, year->actual[q] / self->unit);

          set_color (cr, actual);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          cairo_fill (cr);
          top = MIN (top, r.y);
        }

      if (self->attainment.dropped[i])
        text_color = drop;

      if (self->percents[i].layout != NULL)
        {
          Text percent = self->percents[i];
          double extra = self->attainment.dropped[i] ? MARKER_W + 3 : 0;
          double w = percent.w + extra;
          double cx = actual_x + bar_w / 2;
          double left = self->plot.x + i * column_w;
          double x = CLAMP (cx - w / 2, left, MAX (left, left + column_w - w));
          double y = top - PERCENT_GAP - percent.h;

          if (self->attainment.dropped[i])
            {
              set_color (cr, drop);
              draw_marker (cr, x, y + (percent.h - MARKER_H) / 2);
            }
          text_place (&percent, x + extra, y);
          text_draw (cr, &percent, text_color);
        }

      text_draw (cr, &self->quarters[i], text_color);
    }
}

void
ks_plan_chart_render (cairo_t            *cr,
                      double              width,
                      double              height,
                      const KsTargetYear *year,
                      const char         *currency,
                      KsChartStyleKind    style_kind,
                      PangoContext       *context)
{
  KsChartStyle style;
  KsChartColor target, actual, drop;
  Layout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (year != NULL);
  g_return_if_fail ((guint) year->metric < KS_N_TARGET_METRICS);

  ks_chart_style_init (&style, style_kind);
  ks_plan_chart_get_colors (style_kind, &target, &actual, &drop);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  set_color (cr, &style.background);
  cairo_fill (cr);

  if (!(width > 2 * PAD) || !(height > 2 * PAD))
    {
      cairo_restore (cr);
      return;
    }

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  layout_compute (&layout, width, height, year, currency, context);

  draw_header (&layout, cr, &style, &target, &actual,
               style_kind == KS_CHART_STYLE_HIGH_CONTRAST);
  if (layout.empty)
    {
      text_draw (cr, &layout.empty_text, &style.secondary);
    }
  else if (layout.has_plot)
    {
      draw_grid (&layout, cr, &style);
      draw_bars (&layout, cr, &style, &target, &actual, &drop,
                 style_kind == KS_CHART_STYLE_HIGH_CONTRAST);
    }

  layout_clear (&layout);
  cairo_restore (cr);
}

gboolean
ks_plan_chart_get_quarter_rect (double              width,
                                double              height,
                                const KsTargetYear *year,
                                const char         *currency,
                                PangoContext       *context,
                                guint               quarter,
                                cairo_rectangle_t  *rect)
{
  Layout layout;
  gboolean ok;

  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail ((guint) year->metric < KS_N_TARGET_METRICS, FALSE);
  g_return_val_if_fail (quarter >= 1 && quarter <= KS_PLAN_N_QUARTERS, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!(width > 2 * PAD) || !(height > 2 * PAD))
    return FALSE;

  layout_compute (&layout, width, height, year, currency, context);
  ok = !layout.empty && layout.has_plot;
  if (ok)
    {
      double column_w = layout.plot.width / KS_PLAN_N_QUARTERS;

      rect->x = layout.plot.x + (quarter - 1) * column_w;
      rect->y = layout.plot.y;
      rect->width = column_w;
      rect->height = layout.plot.height;
    }
  layout_clear (&layout);
  return ok;
}

guint
ks_plan_chart_quarter_at (double              width,
                          double              height,
                          const KsTargetYear *year,
                          const char         *currency,
                          PangoContext       *context,
                          double              x,
                          double              y)
{
  cairo_rectangle_t first, last;

  g_return_val_if_fail (year != NULL, 0);

  if (!ks_plan_chart_get_quarter_rect (width, height, year, currency, context, 1, &first))
    return 0;
  last = first;
  last.x += (KS_PLAN_N_QUARTERS - 1) * first.width;
  /* The labels above and below belong to the column too. */
  if (x < first.x || x >= last.x + last.width || y < PAD || y >= height - PAD)
    return 0;
  return (guint) CLAMP ((x - first.x) / first.width, 0, KS_PLAN_N_QUARTERS - 1) + 1;
}

/* Words */

char *
ks_plan_chart_describe_quarter (const KsTargetYear *year,
                                const char         *currency,
                                guint               quarter)
{
  KsPlanChartAttainment attainment;
  g_autofree char *target = NULL;
  g_autofree char *actual = NULL;
  GString *out;

  g_return_val_if_fail (year != NULL, NULL);
  g_return_val_if_fail ((guint) year->metric < KS_N_TARGET_METRICS, NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= KS_PLAN_N_QUARTERS, NULL);

  ks_plan_chart_attainment (year, 0, &attainment);
  target = has_target (year, quarter) ? format_full (year->target[quarter], year->metric,
                                                     currency)
                                      /* Translators: a target or actual that is not set */
                                      : g_strdup (_("not set"));
  actual = has_actual (year, quarter) ? format_full (year->actual[quarter], year->metric,
                                                     currency)
                                      : g_strdup (_("not set"));

  out = g_string_new (NULL);
  /* Translators: one quarter of the targets chart in words: Q2: target ¥1,000.00,
   * actual ¥900.00 */
  g_string_append_printf (out, _("Q%u: target %s, actual %s"), quarter, target, actual);
  if (attainment.has[quarter - 1])
    /* Translators: follows a quarter's target and actual: its attainment in percent */
    g_string_append_printf (out, _(", %.0f %% attained"), attainment.attainment[quarter - 1]);
  if (attainment.dropped[quarter - 1])
    /* Translators: follows a quarter's attainment: by how many percentage points it
     * fell since the quarter before, and which quarter that was */
    g_string_append_printf (out, _(", down %.0f points from Q%u"),
                            attainment.fall[quarter - 1], quarter - 1);

  return g_string_free (out, FALSE);
}

char *
ks_plan_chart_describe (const KsTargetYear *year,
                        const char         *currency)
{
  const char *metric;
  char *out;

  g_return_val_if_fail (year != NULL, NULL);
  g_return_val_if_fail ((guint) year->metric < KS_N_TARGET_METRICS, NULL);

  /* Whole sentences, joined by the translation: each language ends a sentence and
   * separates the next its own way (Chinese with 。 and no space). */
  metric = ks_target_metric_get_label (year->metric);
  if (!has_quarters (year))
    /* Translators: the targets chart's description for screen readers when no quarter
     * has a target or an actual: the metric (Revenue…) and the year, twice */
    return g_strdup_printf (_("%1$s targets and actuals for %2$d. No targets for %2$d."),
                            metric, year->year);

  /* Translators: the start of the targets chart's description for screen readers: the
   * metric (Revenue…) and the year */
  out = g_strdup_printf (_("%1$s targets and actuals for %2$d."), metric, year->year);
  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      g_autofree char *quarter = ks_plan_chart_describe_quarter (year, currency, q);
      g_autofree char *so_far = out;

      /* Translators: the targets chart's description for screen readers goes on with one
       * sentence for each quarter: %1$s is what it says so far, %2$s one quarter in
       * words (“Q2: target ¥1,000.00, actual ¥900.00, 90 % attained”). Put the space
       * between sentences and the full stop as your language does (“%1$s%2$s。”) */
      out = g_strdup_printf (C_("chart description", "%1$s %2$s."), so_far, quarter);
    }

  return out;
}
