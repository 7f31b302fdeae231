/* ks-chart.c — the quadrant chart: layout, hit-testing and drawing with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is computed once and then only read, except for the bubble sprites: small
 * image surfaces, one per tier and radius (in half pixels), made on first use for a
 * style and a pixel scale. On an image surface they are blended straight into its
 * pixels, band by band so that the band stays in the cache; that, not a faster arc, is
 * what makes 10 000 bubbles fit in a frame. Vector targets get real arcs, so documents
 * stay sharp. A layout is used from one thread at a time.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ks-chart.h"
#include "ks-error.h"
#include "ks-money.h"

#define DEFAULT_FAMILY   "Cantarell, Noto Sans CJK SC, sans-serif"
#define DEFAULT_SIZE     10

#define N_TICKS          5
#define OUTER_PAD        16.0   /* around everything */
#define LEGEND_GAP       28.0   /* between the plot and the legend */
#define TICK_GAP         6.0    /* between the plot and the tick labels */
#define AXIS_TITLE_GAP   4.0    /* between the tick labels and the axis titles */
#define TITLE_GAP        12.0   /* below the title line */
#define CORNER_PAD       6.0    /* quadrant title plates from the plot's corners */
#define PLATE_PAD_X      5.0
#define PLATE_PAD_Y      3.0
#define LABEL_GAP        2.0    /* between a bubble and its label */
#define LABEL_PAD_X      3.0
#define LABEL_PAD_Y      0.0
#define LABEL_SPACING    2.0    /* between two label plates */
#define MAX_LABELS       40     /* only the largest accounts compete for a label */
#define LABEL_OBSTACLES  300    /* labels avoid covering the largest bubbles */
#define SWATCH_RADIUS    6.0
#define LEGEND_TEXT_MAX  200
#define MAX_SIZE_KEYS    3

typedef enum
{
  FONT_TICK,
  FONT_AXIS,
  FONT_QUADRANT,
  FONT_STRATEGY,
  FONT_LABEL,
  FONT_LEGEND,
  FONT_LEGEND_HEADER,
  FONT_TITLE,
  N_FONTS
} FontRole;

static const struct
{
  double      scale;
  PangoWeight weight;
} font_roles[N_FONTS] = {
  [FONT_TICK] = { 0.85, PANGO_WEIGHT_NORMAL },
  [FONT_AXIS] = { 0.95, PANGO_WEIGHT_SEMIBOLD },
  [FONT_QUADRANT] = { 1.05, PANGO_WEIGHT_BOLD },
  [FONT_STRATEGY] = { 0.85, PANGO_WEIGHT_NORMAL },
  [FONT_LABEL] = { 0.85, PANGO_WEIGHT_NORMAL },
  [FONT_LEGEND] = { 0.85, PANGO_WEIGHT_NORMAL },
  [FONT_LEGEND_HEADER] = { 0.85, PANGO_WEIGHT_BOLD },
  [FONT_TITLE] = { 1.4, PANGO_WEIGHT_BOLD },
};

/* A piece of text and where it is drawn: (x, y) is the layout's origin, the box is
 * (x + lx, y + ly, w, h). */
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
  gint64    id;
  char     *name;
  double    value;
  double    growth;
  gint64    size;
  KsTier    tier;
  gboolean  has_previous;
  double    previous_value;
  double    previous_growth;
  double    x;
  double    y;
  double    r;
  double    px;          /* the previous position, when there is one */
  double    py;
  int       label;       /* index in labels, or -1 */
} Bubble;

/* A bubble as drawn, in drawing order: what the sprite loop reads, packed. */
typedef struct
{
  double  x;
  double  y;
  double  r;
  KsTier  tier;
} Dot;

typedef struct
{
  guint              point;
  Text               text;
  cairo_rectangle_t  rect;   /* the plate */
} Label;

typedef struct
{
  cairo_rectangle_t  area;       /* the quadrant's part of the plot */
  cairo_rectangle_t  rect;       /* the plate; empty when nothing fits */
  Text               name;
  Text               strategy;   /* layout NULL when it does not fit */
} Title;

typedef struct
{
  gint64  size;
  double  r;
  double  top;                   /* y of the circle's top */
  Text    text;
} SizeKey;

typedef struct
{
  cairo_pattern_t *pattern;
  const guint32   *pixels;       /* premultiplied ARGB, for the blit */
  guint16         *spans;        /* per row, the first and after the last pixel drawn */
  int              size;         /* pixels wide and high */
  int              stride;       /* in pixels */
  int              half;         /* pixels from the sprite's corner to the centre */
} Sprite;

struct _KsChartLayout
{
  gatomicrefcount       ref_count;

  double                width;
  double                height;
  KsChartFlags          flags;
  double                split_value;
  double                split_growth;
  char                 *currency;

  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];

  cairo_rectangle_t     plot;
  cairo_rectangle_t     data;    /* where 0–100 goes */
  double                split_x;
  double                split_y;
  double                r_min;
  double                r_max;
  gint64                max_size;
  double                relative_area;  /* the sum of the sizes over the largest */

  Bubble               *bubbles;
  gsize                 n_bubbles;
  guint                *order;   /* largest first: the drawing order */
  Dot                  *dots;    /* the bubbles in that order */
  gboolean              any_previous;

  GArray               *labels;
  Title                 titles[KS_N_QUADRANTS];

  Text                  ticks_x[N_TICKS];
  Text                  ticks_y[N_TICKS];
  Text                  x_title;
  Text                  y_title; /* drawn turned a quarter to the left about (x, y) */
  Text                  title;

  gboolean              has_legend;
  double                legend_x;
  Text                  tier_header;
  Text                  tier_names[KS_N_TIERS];
  double                swatch_y[KS_N_TIERS];
  Text                  size_header;
  SizeKey               size_keys[MAX_SIZE_KEYS];
  guint                 n_size_keys;
  double                size_bottom;
  Text                  movement_text;
  double                movement_y;

  /* Sprites for one style and pixel scale, [tier * n_radii + twice the radius]. */
  KsChartStyle          sprite_style;
  double                sprite_scale;
  double                sprite_device_scale;
  guint                 n_radii;
  Sprite               *sprites;
};

G_DEFINE_BOXED_TYPE (KsChartLayout, ks_chart_layout, ks_chart_layout_ref, ks_chart_layout_unref)

/* Colours */

static KsChartColor
rgb (guint32 hex,
     double  alpha)
{
  return (KsChartColor) {
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, alpha
  };
}

void
ks_chart_style_init (KsChartStyle     *style,
                     KsChartStyleKind  kind)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);

  switch (kind)
    {
    case KS_CHART_STYLE_DARK:
      /* libadwaita's dark view; the Okabe–Ito blue is too dark there, its sky blue is not */
      style->background = rgb (0x1e1e1e, 1.0);
      style->foreground = rgb (0xffffff, 1.0);
      style->secondary = rgb (0xffffff, 0.7);
      style->grid = rgb (0xffffff, 0.09);
      style->split = rgb (0xffffff, 0.55);
      style->focus = rgb (0x78aeed, 1.0);
      style->tiers[KS_TIER_CORE] = rgb (0x56b4e9, 0.85);
      style->tiers[KS_TIER_KEY] = rgb (0x1fb589, 0.85);
      style->tiers[KS_TIER_DEVELOPING] = rgb (0xe69f00, 0.85);
      style->tiers[KS_TIER_STANDARD] = rgb (0x9a9996, 0.85);
      style->tints[KS_QUADRANT_STRATEGIC] = rgb (0x3584e4, 0.10);
      style->tints[KS_QUADRANT_GROW] = rgb (0x2ec27e, 0.08);
      style->tints[KS_QUADRANT_SUSTAIN] = rgb (0xf6d32d, 0.06);
      style->tints[KS_QUADRANT_STREAMLINE] = rgb (0xffffff, 0.02);
      style->outline_width = 1.0;
      style->outline_shade = 0.35;
      break;

    case KS_CHART_STYLE_HIGH_CONTRAST:
      style->background = rgb (0xffffff, 1.0);
      style->foreground = rgb (0x000000, 1.0);
      style->secondary = rgb (0x000000, 0.9);
      style->grid = rgb (0x000000, 0.25);
      style->split = rgb (0x000000, 1.0);
      style->focus = rgb (0x1a5fb4, 1.0);
      style->tiers[KS_TIER_CORE] = rgb (0x0072b2, 1.0);
      style->tiers[KS_TIER_KEY] = rgb (0x009e73, 1.0);
      style->tiers[KS_TIER_DEVELOPING] = rgb (0xe69f00, 1.0);
      style->tiers[KS_TIER_STANDARD] = rgb (0xbfbfbf, 1.0);
      /* no tints: every boundary is a line */
      style->outline_width = 1.5;
      style->outline_shade = 1.0;
      break;

    case KS_CHART_STYLE_LIGHT:
    default:
      style->background = rgb (0xffffff, 1.0);
      style->foreground = rgb (0x000000, 0.8);
      style->secondary = rgb (0x000000, 0.6);
      style->grid = rgb (0x000000, 0.07);
      style->split = rgb (0x000000, 0.45);
      style->focus = rgb (0x3584e4, 1.0);
      style->tiers[KS_TIER_CORE] = rgb (0x0072b2, 0.85);
      style->tiers[KS_TIER_KEY] = rgb (0x009e73, 0.85);
      style->tiers[KS_TIER_DEVELOPING] = rgb (0xe69f00, 0.85);
      style->tiers[KS_TIER_STANDARD] = rgb (0x9a9996, 0.85);
      style->tints[KS_QUADRANT_STRATEGIC] = rgb (0x3584e4, 0.07);
      style->tints[KS_QUADRANT_GROW] = rgb (0x2ec27e, 0.06);
      style->tints[KS_QUADRANT_SUSTAIN] = rgb (0xf5c211, 0.08);
      style->tints[KS_QUADRANT_STREAMLINE] = rgb (0x77767b, 0.05);
      style->outline_width = 1.0;
      style->outline_shade = 0.3;
      break;
    }
}

static void
set_color (cairo_t            *cr,
           const KsChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
set_color_alpha (cairo_t            *cr,
                 const KsChartColor *color,
                 double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The bubble's outline: its colour, opaque, mixed with the foreground. */
static void
set_outline_color (cairo_t            *cr,
                   const KsChartStyle *style,
                   KsTier              tier)
{
  const KsChartColor *c = &style->tiers[tier];
  const KsChartColor *f = &style->foreground;
  double t = style->outline_shade;

  cairo_set_source_rgb (cr,
                        c->red + (f->red - c->red) * t,
                        c->green + (f->green - c->green) * t,
                        c->blue + (f->blue - c->blue) * t);
}

/* Geometry helpers */

static gboolean
rect_is_empty (const cairo_rectangle_t *r)
{
  return r->width <= 0 || r->height <= 0;
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b,
               double                   margin)
{
  if (rect_is_empty (a) || rect_is_empty (b))
    return FALSE;

  return a->x < b->x + b->width + margin && b->x < a->x + a->width + margin &&
         a->y < b->y + b->height + margin && b->y < a->y + a->height + margin;
}

static gboolean
rect_contains_rect (const cairo_rectangle_t *outer,
                    const cairo_rectangle_t *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static gboolean
rect_contains_point (const cairo_rectangle_t *r,
                     double                   x,
                     double                   y)
{
  return !rect_is_empty (r) &&
         x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static gboolean
circle_meets_rect (double                   cx,
                   double                   cy,
                   double                   radius,
                   const cairo_rectangle_t *r)
{
  double nx = CLAMP (cx, r->x, r->x + r->width);
  double ny = CLAMP (cy, r->y, r->y + r->height);

  return (nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) < radius * radius;
}

static double
clamp_score (double score)
{
  if (!isfinite (score))
    return 0;

  return CLAMP (score, 0, 100);
}

static void
rounded_rectangle (cairo_t                 *cr,
                   const cairo_rectangle_t *r,
                   double                   radius)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
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

static void
setup_fonts (KsChartLayout *self,
             PangoContext  *from)
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

/* @max_width 0: no limit. More than one line wraps; one line ellipsizes. */
static void
text_init (KsChartLayout  *self,
           Text           *text,
           FontRole        role,
           const char     *str,
           int             max_width,
           int             max_lines,
           PangoAlignment  alignment)
{
  PangoRectangle logical;

  text->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (text->layout, self->fonts[role]);
  pango_layout_set_text (text->layout, str, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (text->layout, max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (text->layout, alignment);
      if (max_lines > 1)
        {
          pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (text->layout, -max_lines);
        }
      else
        {
          pango_layout_set_single_paragraph_mode (text->layout, TRUE);
        }
    }
  else
    {
      pango_layout_set_single_paragraph_mode (text->layout, TRUE);
    }

  pango_layout_get_pixel_extents (text->layout, NULL, &logical);
  text->lx = logical.x;
  text->ly = logical.y;
  text->w = logical.width;
  text->h = logical.height;
  text->x = text->y = 0;
}

static void
text_clear (Text *text)
{
  g_clear_object (&text->layout);
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

/* Amounts in the legend: "¥100M", or "¥1亿" in Chinese. */
static char *
format_amount (const char *currency,
               gint64      minor)
{
  g_autofree char *zero = NULL;
  g_autofree char *number = NULL;
  const char *symbol = "";
  gsize symbol_len = 0;
  guint exponent = 2;
  double major;
  double units[4];
  const char *formats[4];
  const char *grouping;
  const char *format = "%s";
  double unit = 1;

  if (currency != NULL && ks_currency_is_valid (currency))
    {
      exponent = ks_currency_get_exponent (currency);
      zero = ks_money_format (0, currency);
      symbol = zero;
      symbol_len = strcspn (zero, "0123456789");
    }
  major = minor / pow (10, exponent);

  /* Translators: how the chart's legend shortens large amounts. Keep "1000" if your
   * language counts them in thousands, millions and billions (¥250K, ¥12M); translate
   * it as "10000" if it counts them in ten thousands (万, 亿), as Chinese does. */
  grouping = C_("amount grouping", "1000");
  if (g_str_equal (grouping, "10000"))
    {
      units[0] = 1e12;
      /* Translators: an amount in units of 10¹², as in ¥1万亿 */
      formats[0] = C_("amount in 10^12", "%s×10¹²");
      units[1] = 1e8;
      /* Translators: an amount in units of 10⁸, as in ¥1.5亿 */
      formats[1] = C_("amount in 10^8", "%s×10⁸");
      units[2] = 1e4;
      /* Translators: an amount in units of 10⁴, as in ¥500万 */
      formats[2] = C_("amount in 10^4", "%s×10⁴");
      units[3] = 0;
      formats[3] = NULL;
    }
  else
    {
      units[0] = 1e12;
      /* Translators: an amount in trillions, as in ¥1T */
      formats[0] = C_("amount in trillions", "%sT");
      units[1] = 1e9;
      /* Translators: an amount in billions, as in ¥1.5B */
      formats[1] = C_("amount in billions", "%sB");
      units[2] = 1e6;
      /* Translators: an amount in millions, as in ¥20M */
      formats[2] = C_("amount in millions", "%sM");
      units[3] = 1e3;
      /* Translators: an amount in thousands, as in ¥500K */
      formats[3] = C_("amount in thousands", "%sK");
    }

  for (guint i = 0; i < G_N_ELEMENTS (units) && formats[i] != NULL; i++)
    {
      if (major >= units[i])
        {
          unit = units[i];
          format = formats[i];
          break;
        }
    }

  major /= unit;
  if (fabs (major - round (major)) < 0.05)
    number = g_strdup_printf ("%.0f", major);
  else
    number = g_strdup_printf ("%.1f", major);

  {
    g_autofree char *amount = NULL;
    g_autofree char *prefix = g_strndup (symbol, symbol_len);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    amount = g_strdup_printf (format, number);
#pragma GCC diagnostic pop
    return g_strconcat (prefix, amount, NULL);
  }
}

/* 1, 2 or 5 times a power of ten, at most @v. */
static double
nice_floor (double v)
{
  double p, m;

  if (v <= 0)
    return 0;

  p = pow (10, floor (log10 (v)));
  m = v / p;
  if (m >= 5)
    return 5 * p;
  if (m >= 2)
    return 2 * p;
  return p;
}

/* Layout */

static double
radius_for_size (KsChartLayout *self,
                 gint64         size)
{
  if (self->max_size <= 0)
    return (self->r_min + self->r_max) / 2;
  if (size <= 0)
    return self->r_min;

  return CLAMP (self->r_max * sqrt ((double) size / (double) self->max_size),
                self->r_min, self->r_max);
}

void
ks_chart_layout_map (KsChartLayout *self,
                     double         value,
                     double         growth,
                     double        *x,
                     double        *y)
{
  g_return_if_fail (self != NULL);

  if (x != NULL)
    *x = self->data.x + self->data.width * clamp_score (value) / 100;
  if (y != NULL)
    *y = self->data.y + self->data.height * (1 - clamp_score (growth) / 100);
}

/* The largest radius at which all the bubbles together cover INK_COVERAGE of @area:
 * past that, a portfolio of thousands is one blot, and slow to draw. */
#define INK_COVERAGE 0.6

static double
ink_radius (KsChartLayout *self,
            double         area)
{
  if (self->relative_area <= 0 || area <= 0)
    return G_MAXDOUBLE;

  return sqrt (INK_COVERAGE * area / (G_PI * self->relative_area));
}

typedef struct
{
  gint64 size;
  guint  index;
} OrderKey;

static int
compare_order_keys (const void *a,
                    const void *b)
{
  const OrderKey *ka = a, *kb = b;

  if (ka->size != kb->size)
    return ka->size > kb->size ? -1 : 1;
  return ka->index < kb->index ? -1 : ka->index > kb->index;
}

static void
sort_bubbles (KsChartLayout *self)
{
  OrderKey *keys = g_new (OrderKey, self->n_bubbles);

  for (gsize i = 0; i < self->n_bubbles; i++)
    {
      keys[i].size = self->bubbles[i].size;
      keys[i].index = (guint) i;
    }
  /* qsort() may not be given NULL, which an empty portfolio's g_new() returns. */
  if (self->n_bubbles > 1)
    qsort (keys, self->n_bubbles, sizeof *keys, compare_order_keys);

  self->order = g_new (guint, self->n_bubbles);
  for (gsize i = 0; i < self->n_bubbles; i++)
    self->order[i] = keys[i].index;
  g_free (keys);
}

/* The legend's texts, before anything is placed; returns its width. */
static double
legend_prepare (KsChartLayout *self)
{
  double w;

  text_init (self, &self->tier_header, FONT_LEGEND_HEADER,
             /* Translators: the heading of the chart's legend for the bubble colours */
             _("Tier"), LEGEND_TEXT_MAX, 1, PANGO_ALIGN_LEFT);
  w = self->tier_header.w;
  for (guint t = 0; t < KS_N_TIERS; t++)
    {
      text_init (self, &self->tier_names[t], FONT_LEGEND, ks_tier_get_label (t),
                 LEGEND_TEXT_MAX, 1, PANGO_ALIGN_LEFT);
      w = MAX (w, 2 * SWATCH_RADIUS + 8 + self->tier_names[t].w);
    }

  if (self->max_size > 0)
    {
      text_init (self, &self->size_header, FONT_LEGEND_HEADER,
                 /* Translators: the heading of the chart's legend for the bubble sizes */
                 _("Annual purchases"), LEGEND_TEXT_MAX, 1, PANGO_ALIGN_LEFT);
      w = MAX (w, self->size_header.w);
    }

  if (self->any_previous && (self->flags & KS_CHART_MOVEMENT))
    {
      text_init (self, &self->movement_text, FONT_LEGEND,
                 /* Translators: the legend of the arrows on the chart, from each account's
                  * position in an earlier quarterly snapshot to today's */
                 _("Since the snapshot"), LEGEND_TEXT_MAX, 1, PANGO_ALIGN_LEFT);
      w = MAX (w, 30 + self->movement_text.w);
    }

  return w;
}

/* The size keys: round amounts below the largest, for nested circles. */
static double
legend_prepare_sizes (KsChartLayout *self)
{
  double exponent_scale = 100;
  double max_major;
  double w = 0;

  if (self->max_size <= 0)
    return 0;

  if (self->currency != NULL && ks_currency_is_valid (self->currency))
    exponent_scale = pow (10, ks_currency_get_exponent (self->currency));
  max_major = self->max_size / exponent_scale;

  for (guint i = 0; i < MAX_SIZE_KEYS; i++)
    {
      SizeKey *key = &self->size_keys[self->n_size_keys];
      g_autofree char *amount = NULL;
      double major = nice_floor (max_major / pow (4, i));

      key->size = (gint64) llround (major * exponent_scale);
      if (key->size <= 0 ||
          (i > 0 && key->size >= self->size_keys[self->n_size_keys - 1].size))
        break;
      amount = format_amount (self->currency, key->size);
      text_init (self, &key->text, FONT_LEGEND, amount, LEGEND_TEXT_MAX, 1, PANGO_ALIGN_LEFT);
      w = MAX (w, key->text.w);
      self->n_size_keys++;
    }

  return w;
}

/* The circles sit on one baseline, labelled at their tops: keys whose circle is
 * clamped to the smallest radius, or whose label would collide, go. */
static void
legend_size_radii (KsChartLayout *self)
{
  guint n = 0;

  for (guint i = 0; i < self->n_size_keys; i++)
    {
      SizeKey *key = &self->size_keys[i];

      key->r = radius_for_size (self, key->size);
      if (n > 0 &&
          (key->r <= self->r_min * 1.2 ||
           2 * (self->size_keys[n - 1].r - key->r) < key->text.h))
        {
          text_clear (&key->text);
          continue;
        }
      if (n != i)
        {
          self->size_keys[n] = *key;
          key->text.layout = NULL;
        }
      n++;
    }
  self->n_size_keys = n;
}

static void
legend_place (KsChartLayout *self)
{
  double x = self->plot.x + self->plot.width + LEGEND_GAP;
  double y = self->plot.y;
  double row;

  self->legend_x = x;
  text_place (&self->tier_header, x, y);
  y += self->tier_header.h + 6;
  for (guint t = 0; t < KS_N_TIERS; t++)
    {
      row = MAX (self->tier_names[t].h, 2 * SWATCH_RADIUS);
      text_place (&self->tier_names[t], x + 2 * SWATCH_RADIUS + 8,
                  y + (row - self->tier_names[t].h) / 2);
      self->swatch_y[t] = y + row / 2;
      y += row + 4;
    }

  if (self->size_header.layout != NULL)
    {
      y += 14;
      text_place (&self->size_header, x, y);
      y += self->size_header.h + 4;
      if (self->n_size_keys > 0)
        {
          double big = self->size_keys[0].r;

          /* The top label is centred on the largest circle's top. */
          y += ceil (self->size_keys[0].text.h / 2.0);
          self->size_bottom = y + 2 * big;
          for (guint i = 0; i < self->n_size_keys; i++)
            {
              SizeKey *key = &self->size_keys[i];

              key->top = self->size_bottom - 2 * key->r;
              text_place (&key->text, x + 2 * big + 12, key->top - key->text.h / 2.0);
            }
          y = self->size_bottom;
        }
    }

  if (self->movement_text.layout != NULL)
    {
      y += 14;
      row = self->movement_text.h;
      text_place (&self->movement_text, x + 30, y);
      self->movement_y = y + row / 2;
    }
}

static void
titles_place (KsChartLayout *self)
{
  const cairo_rectangle_t *p = &self->plot;
  double left = p->x, top = p->y, right = p->x + p->width, bottom = p->y + p->height;
  double sx = CLAMP (self->split_x, left, right);
  double sy = CLAMP (self->split_y, top, bottom);

  for (guint q = 0; q < KS_N_QUADRANTS; q++)
    {
      Title *title = &self->titles[q];
      gboolean high_value = q == KS_QUADRANT_STRATEGIC || q == KS_QUADRANT_SUSTAIN;
      gboolean high_growth = q == KS_QUADRANT_STRATEGIC || q == KS_QUADRANT_GROW;
      PangoAlignment alignment = high_value ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      int max_w;
      double box_w, box_h;

      title->area.x = high_value ? sx : left;
      title->area.width = high_value ? right - sx : sx - left;
      title->area.y = high_growth ? top : sy;
      title->area.height = high_growth ? sy - top : bottom - sy;

      max_w = (int) floor (MIN (title->area.width - 2 * (CORNER_PAD + PLATE_PAD_X),
                                MAX (170, p->width * 0.4)));
      if (max_w < 40)
        continue;

      text_init (self, &title->name, FONT_QUADRANT, ks_quadrant_get_label (q), max_w, 1,
                 alignment);
      box_w = title->name.w;
      box_h = title->name.h;
      if (max_w >= 90)
        {
          text_init (self, &title->strategy, FONT_STRATEGY, ks_quadrant_get_strategy (q),
                     max_w, 2, alignment);
          box_w = MAX (box_w, title->strategy.w);
          box_h += 1 + title->strategy.h;
        }

      box_w += 2 * PLATE_PAD_X;
      box_h += 2 * PLATE_PAD_Y;
      if (box_h > title->area.height - 2 * CORNER_PAD && title->strategy.layout != NULL)
        {
          box_h -= 1 + title->strategy.h;
          text_clear (&title->strategy);
          box_w = title->name.w + 2 * PLATE_PAD_X;
        }
      if (box_h > title->area.height - 2 * CORNER_PAD)
        {
          text_clear (&title->name);
          continue;
        }

      title->rect.width = ceil (box_w);
      title->rect.height = ceil (box_h);
      title->rect.x = high_value ? right - CORNER_PAD - title->rect.width : left + CORNER_PAD;
      title->rect.y = high_growth ? top + CORNER_PAD : bottom - CORNER_PAD - title->rect.height;

      /* With a layout width set, right alignment is within that width. */
      if (high_value)
        {
          double inner_right = title->rect.x + title->rect.width - PLATE_PAD_X;

          title->name.x = inner_right - max_w;
          title->name.y = title->rect.y + PLATE_PAD_Y - title->name.ly;
          if (title->strategy.layout != NULL)
            {
              title->strategy.x = inner_right - max_w;
              title->strategy.y = title->name.y + title->name.ly + title->name.h + 1 -
                                  title->strategy.ly;
            }
        }
      else
        {
          text_place (&title->name, title->rect.x + PLATE_PAD_X, title->rect.y + PLATE_PAD_Y);
          if (title->strategy.layout != NULL)
            text_place (&title->strategy, title->rect.x + PLATE_PAD_X,
                        title->rect.y + PLATE_PAD_Y + title->name.h + 1);
        }
    }
}

/* How much of @b the label would hide, roughly: the overlap with the square of the same
 * area, and a little for touching it at all. */
static double
covered_area (const Bubble            *b,
              const cairo_rectangle_t *rect)
{
  double half = b->r * sqrt (G_PI) / 2;
  double w = MIN (b->x + half, rect->x + rect->width) - MAX (b->x - half, rect->x);
  double h = MIN (b->y + half, rect->y + rect->height) - MAX (b->y - half, rect->y);

  return 10 + MAX (w, 0) * MAX (h, 0);
}

static void
label_candidates (const Bubble      *b,
                  double             w,
                  double             h,
                  cairo_rectangle_t  out[8])
{
  double r = b->r + LABEL_GAP;
  double d = b->r * G_SQRT2 / 2 + LABEL_GAP / 2;

  /* right, left, above, below, then the diagonals */
  out[0] = (cairo_rectangle_t) { b->x + r, b->y - h / 2, w, h };
  out[1] = (cairo_rectangle_t) { b->x - r - w, b->y - h / 2, w, h };
  out[2] = (cairo_rectangle_t) { b->x - w / 2, b->y - r - h, w, h };
  out[3] = (cairo_rectangle_t) { b->x - w / 2, b->y + r, w, h };
  out[4] = (cairo_rectangle_t) { b->x + d, b->y - d - h, w, h };
  out[5] = (cairo_rectangle_t) { b->x - d - w, b->y - d - h, w, h };
  out[6] = (cairo_rectangle_t) { b->x + d, b->y + d, w, h };
  out[7] = (cairo_rectangle_t) { b->x - d - w, b->y + d, w, h };
}

/* The largest accounts first; each takes the free spot that covers the fewest of the
 * largest bubbles, or goes without a label. Quadratic only in MAX_LABELS. */
static void
labels_place (KsChartLayout *self)
{
  guint n_candidates = (guint) MIN (self->n_bubbles, MAX_LABELS);
  guint n_obstacles = (guint) MIN (self->n_bubbles, LABEL_OBSTACLES);
  int max_w = (int) floor (MIN (170, self->plot.width * 0.3));

  if (max_w < 30)
    return;

  for (guint k = 0; k < n_candidates; k++)
    {
      guint idx = self->order[k];
      Bubble *b = &self->bubbles[idx];
      Label label = { .point = idx };
      cairo_rectangle_t candidates[8];
      int best = -1;
      double best_cost = G_MAXDOUBLE;

      if (b->name[0] == '\0')
        continue;

      text_init (self, &label.text, FONT_LABEL, b->name, max_w, 1, PANGO_ALIGN_LEFT);
      label_candidates (b, ceil (label.text.w + 2 * LABEL_PAD_X),
                        ceil (label.text.h + 2 * LABEL_PAD_Y), candidates);

      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          const cairo_rectangle_t *rect = &candidates[c];
          gboolean usable = rect_contains_rect (&self->plot, rect);
          double cost = 0;

          for (guint q = 0; usable && q < KS_N_QUADRANTS; q++)
            usable = !rects_overlap (rect, &self->titles[q].rect, LABEL_SPACING);
          for (guint l = 0; usable && l < self->labels->len; l++)
            usable = !rects_overlap (rect, &g_array_index (self->labels, Label, l).rect,
                                   LABEL_SPACING);
          if (!usable)
            continue;

          for (guint o = 0; o < n_obstacles && cost < best_cost; o++)
            {
              const Bubble *other = &self->bubbles[self->order[o]];

              if (other != b && circle_meets_rect (other->x, other->y, other->r, rect))
                cost += covered_area (other, rect);
            }
          if (cost < best_cost)
            {
              best = (int) c;
              best_cost = cost;
              if (cost == 0)
                break;
            }
        }

      if (best < 0)
        {
          text_clear (&label.text);
          continue;
        }

      label.rect = candidates[best];
      text_place (&label.text, label.rect.x + LABEL_PAD_X, label.rect.y + LABEL_PAD_Y);
      b->label = (int) self->labels->len;
      g_array_append_val (self->labels, label);
    }
}

static void
axes_prepare (KsChartLayout *self)
{
  for (guint i = 0; i < N_TICKS; i++)
    {
      char number[8];

      g_snprintf (number, sizeof number, "%u", i * 25);
      text_init (self, &self->ticks_x[i], FONT_TICK, number, 0, 1, PANGO_ALIGN_LEFT);
      text_init (self, &self->ticks_y[i], FONT_TICK, number, 0, 1, PANGO_ALIGN_LEFT);
    }

  text_init (self, &self->x_title, FONT_AXIS,
             /* Translators: the quadrant chart's x axis: the value score, 0–100 */
             _("Value"), 0, 1, PANGO_ALIGN_LEFT);
  text_init (self, &self->y_title, FONT_AXIS,
             /* Translators: the quadrant chart's y axis: the growth potential score, 0–100 */
             _("Growth potential"), 0, 1, PANGO_ALIGN_LEFT);
}

static void
axes_place (KsChartLayout *self)
{
  double bottom = self->plot.y + self->plot.height;
  double x, y;

  for (guint i = 0; i < N_TICKS; i++)
    {
      Text *tx = &self->ticks_x[i], *ty = &self->ticks_y[i];

      ks_chart_layout_map (self, i * 25, i * 25, &x, &y);
      text_place (tx, x - tx->w / 2.0, bottom + TICK_GAP);
      text_place (ty, self->plot.x - TICK_GAP - ty->w, y - ty->h / 2.0);
    }

  text_place (&self->x_title, self->data.x + (self->data.width - self->x_title.w) / 2,
              bottom + TICK_GAP + self->ticks_x[0].h + AXIS_TITLE_GAP);
  /* Turned a quarter to the left: the origin is the text's bottom-left, before turning. */
  self->y_title.x = OUTER_PAD;
  self->y_title.y = self->data.y + (self->data.height + self->y_title.w) / 2;
}

KsChartLayout *
ks_chart_layout_new (const KsChartData *data,
                     double             width,
                     double             height,
                     PangoContext      *context,
                     KsChartFlags       flags)
{
  KsChartLayout *self;
  double left, top, right, bottom, max_tick_w = 0;
  double legend_text_w;
  double base;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (data->n_points == 0 || data->points != NULL, NULL);
  g_return_val_if_fail (data->n_points <= G_MAXINT, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (KsChartLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->width = width;
  self->height = height;
  self->flags = flags;
  self->split_value = clamp_score (data->split_value);
  self->split_growth = clamp_score (data->split_growth);
  self->currency = g_strdup (data->currency);
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));

  self->n_bubbles = data->n_points;
  self->bubbles = g_new0 (Bubble, MAX (self->n_bubbles, 1));
  for (gsize i = 0; i < self->n_bubbles; i++)
    {
      const KsChartPoint *p = &data->points[i];
      Bubble *b = &self->bubbles[i];

      b->id = p->id;
      b->name = g_strdup (p->name != NULL ? p->name : "");
      g_strdelimit (b->name, "\r\n\t", ' ');
      b->value = clamp_score (p->value);
      b->growth = clamp_score (p->growth);
      b->size = MAX (p->size, 0);
      b->tier = (guint) p->tier < KS_N_TIERS ? p->tier : KS_TIER_STANDARD;
      b->has_previous = p->has_previous;
      b->previous_value = clamp_score (p->previous_value);
      b->previous_growth = clamp_score (p->previous_growth);
      b->label = -1;
      self->max_size = MAX (self->max_size, b->size);
      self->any_previous |= p->has_previous;
    }
  for (gsize i = 0; i < self->n_bubbles && self->max_size > 0; i++)
    self->relative_area += (double) self->bubbles[i].size / (double) self->max_size;
  sort_bubbles (self);

  setup_fonts (self, context);
  axes_prepare (self);

  if (data->title != NULL && data->title[0] != '\0')
    {
      text_init (self, &self->title, FONT_TITLE, data->title,
                 (int) MAX (1, width - 2 * OUTER_PAD), 1, PANGO_ALIGN_LEFT);
      text_place (&self->title, OUTER_PAD, OUTER_PAD);
    }

  for (guint i = 0; i < N_TICKS; i++)
    max_tick_w = MAX (max_tick_w, self->ticks_y[i].w);

  left = OUTER_PAD + self->y_title.h + AXIS_TITLE_GAP + max_tick_w + TICK_GAP;
  top = OUTER_PAD + (self->title.layout != NULL ? self->title.h + TITLE_GAP : 0);
  bottom = OUTER_PAD + self->x_title.h + AXIS_TITLE_GAP + self->ticks_x[0].h + TICK_GAP;
  right = OUTER_PAD;

  /* The bubbles' largest radius follows the plot and thins out with many accounts. */
  base = 0.07 * CLAMP (sqrt (40.0 / MAX (self->n_bubbles, 1)), 0.3, 1.0);
  self->r_max = MAX (4, base * MIN (width - left - right, height - top - bottom));
  self->r_max = MIN (self->r_max,
                     MAX (4, ink_radius (self, (width - left - right) * (height - top - bottom))));

  if (flags & KS_CHART_LEGEND)
    {
      double legend_w, amount_w;

      legend_text_w = legend_prepare (self);
      amount_w = legend_prepare_sizes (self);
      /* The size keys need the largest radius; the plot only shrinks from here. */
      legend_w = MAX (legend_text_w, self->n_size_keys > 0 ? 2 * self->r_max + 12 + amount_w : 0);
      if (width - left - right - LEGEND_GAP - legend_w >= MAX (240, 0.45 * width))
        {
          self->has_legend = TRUE;
          right += LEGEND_GAP + legend_w;
        }
    }

  self->plot.x = floor (left);
  self->plot.y = floor (top);
  self->plot.width = MAX (1, floor (width - right) - self->plot.x);
  self->plot.height = MAX (1, floor (height - bottom) - self->plot.y);

  self->r_max = MIN (self->r_max, MAX (4, base * MIN (self->plot.width, self->plot.height)));
  self->r_max = MIN (self->r_max, MAX (4, ink_radius (self, self->plot.width * self->plot.height)));
  self->r_min = CLAMP (self->r_max * 0.15, 2.0, 4.0);
  self->r_min = MIN (self->r_min, self->r_max);

  {
    double inset = ceil (self->r_max * 0.75);
    double inset_x = MIN (inset, floor (self->plot.width / 4));
    double inset_y = MIN (inset, floor (self->plot.height / 4));

    self->data.x = self->plot.x + inset_x;
    self->data.y = self->plot.y + inset_y;
    self->data.width = self->plot.width - 2 * inset_x;
    self->data.height = self->plot.height - 2 * inset_y;
  }

  ks_chart_layout_map (self, self->split_value, self->split_growth,
                       &self->split_x, &self->split_y);
  self->split_x = floor (self->split_x) + 0.5;
  self->split_y = floor (self->split_y) + 0.5;

  for (gsize i = 0; i < self->n_bubbles; i++)
    {
      Bubble *b = &self->bubbles[i];

      ks_chart_layout_map (self, b->value, b->growth, &b->x, &b->y);
      b->r = radius_for_size (self, b->size);
      if (b->has_previous)
        ks_chart_layout_map (self, b->previous_value, b->previous_growth, &b->px, &b->py);
    }
  self->dots = g_new (Dot, MAX (self->n_bubbles, 1));
  for (gsize k = 0; k < self->n_bubbles; k++)
    {
      const Bubble *b = &self->bubbles[self->order[k]];

      self->dots[k] = (Dot) { b->x, b->y, b->r, b->tier };
    }

  axes_place (self);
  titles_place (self);
  if (self->has_legend)
    {
      legend_size_radii (self);
      legend_place (self);
    }
  if (flags & KS_CHART_LABELS)
    labels_place (self);

  return self;
}

KsChartLayout *
ks_chart_layout_ref (KsChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
sprites_clear (KsChartLayout *self)
{
  if (self->sprites == NULL)
    return;

  for (guint i = 0; i < KS_N_TIERS * self->n_radii; i++)
    {
      g_clear_pointer (&self->sprites[i].pattern, cairo_pattern_destroy);
      g_clear_pointer (&self->sprites[i].spans, g_free);
    }
  g_clear_pointer (&self->sprites, g_free);
}

void
ks_chart_layout_unref (KsChartLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  sprites_clear (self);
  for (gsize i = 0; i < self->n_bubbles; i++)
    g_free (self->bubbles[i].name);
  g_free (self->bubbles);
  g_free (self->order);
  g_free (self->dots);
  for (guint i = 0; i < self->labels->len; i++)
    text_clear (&g_array_index (self->labels, Label, i).text);
  g_array_unref (self->labels);
  for (guint q = 0; q < KS_N_QUADRANTS; q++)
    {
      text_clear (&self->titles[q].name);
      text_clear (&self->titles[q].strategy);
    }
  for (guint i = 0; i < N_TICKS; i++)
    {
      text_clear (&self->ticks_x[i]);
      text_clear (&self->ticks_y[i]);
    }
  text_clear (&self->x_title);
  text_clear (&self->y_title);
  text_clear (&self->title);
  text_clear (&self->tier_header);
  for (guint t = 0; t < KS_N_TIERS; t++)
    text_clear (&self->tier_names[t]);
  text_clear (&self->size_header);
  for (guint i = 0; i < self->n_size_keys; i++)
    text_clear (&self->size_keys[i].text);
  text_clear (&self->movement_text);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (self->fonts[i]);
  g_object_unref (self->context);
  g_free (self->currency);
  g_free (self);
}

/* Queries */

gsize
ks_chart_layout_get_n_points (KsChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_bubbles;
}

gint64
ks_chart_layout_get_id (KsChartLayout *self,
                        gsize          index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n_bubbles, 0);

  return self->bubbles[index].id;
}

void
ks_chart_layout_get_plot (KsChartLayout     *self,
                          cairo_rectangle_t *plot)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (plot != NULL);

  *plot = self->plot;
}

void
ks_chart_layout_get_split (KsChartLayout *self,
                           double        *x,
                           double        *y)
{
  g_return_if_fail (self != NULL);

  if (x != NULL)
    *x = self->split_x;
  if (y != NULL)
    *y = self->split_y;
}

void
ks_chart_layout_get_bubble (KsChartLayout *self,
                            gsize          index,
                            double        *x,
                            double        *y,
                            double        *radius)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->n_bubbles);

  if (x != NULL)
    *x = self->bubbles[index].x;
  if (y != NULL)
    *y = self->bubbles[index].y;
  if (radius != NULL)
    *radius = self->bubbles[index].r;
}

gboolean
ks_chart_layout_get_label_rect (KsChartLayout     *self,
                                gsize              index,
                                cairo_rectangle_t *rect)
{
  int label;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->n_bubbles, FALSE);

  label = self->bubbles[index].label;
  if (label < 0)
    return FALSE;

  if (rect != NULL)
    *rect = g_array_index (self->labels, Label, label).rect;
  return TRUE;
}

void
ks_chart_layout_get_quadrant_rect (KsChartLayout     *self,
                                   KsQuadrant         quadrant,
                                   cairo_rectangle_t *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) quadrant < KS_N_QUADRANTS);
  g_return_if_fail (rect != NULL);

  *rect = self->titles[quadrant].rect;
}

int
ks_chart_layout_hit_test (KsChartLayout *self,
                          double         x,
                          double         y)
{
  int best = -1;
  double best_d2 = G_MAXDOUBLE;
  double best_r = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, -1);

  for (gsize i = 0; i < self->n_bubbles; i++)
    {
      const Bubble *b = &self->bubbles[i];
      double dx = x - b->x, dy = y - b->y;
      double d2 = dx * dx + dy * dy;

      if (d2 > b->r * b->r)
        continue;
      /* Ties go to the smaller bubble: it is drawn on top. */
      if (d2 < best_d2 || (d2 == best_d2 && b->r < best_r))
        {
          best = (int) i;
          best_d2 = d2;
          best_r = b->r;
        }
    }

  return best;
}

int
ks_chart_layout_quadrant_at (KsChartLayout *self,
                             double         x,
                             double         y)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint q = 0; q < KS_N_QUADRANTS; q++)
    {
      if (rect_contains_point (&self->titles[q].rect, x, y))
        return (int) q;
    }

  return -1;
}

int
ks_chart_layout_neighbour (KsChartLayout    *self,
                           int               index,
                           KsChartDirection  direction)
{
  const Bubble *from;
  double ux = 0, uy = 0;
  double best_score = G_MAXDOUBLE;
  int best = -1;

  g_return_val_if_fail (self != NULL, -1);

  if (self->n_bubbles == 0)
    return -1;
  if (index < 0 || (gsize) index >= self->n_bubbles)
    return (int) self->order[0];

  switch (direction)
    {
    case KS_CHART_LEFT:
      ux = -1;
      break;
    case KS_CHART_RIGHT:
      ux = 1;
      break;
    case KS_CHART_UP:
      uy = -1;
      break;
    case KS_CHART_DOWN:
      uy = 1;
      break;
    default:
      g_return_val_if_reached (-1);
    }

  from = &self->bubbles[index];
  for (gsize i = 0; i < self->n_bubbles; i++)
    {
      const Bubble *b = &self->bubbles[i];
      double dx = b->x - from->x, dy = b->y - from->y;
      double along = dx * ux + dy * uy;
      double across = fabs (dx * uy - dy * ux);
      double score;

      if ((int) i == index)
        continue;
      if (along < 0.5)
        {
          /* Bubbles on the same spot are stepped through in index order. */
          gboolean forward = ux + uy > 0;

          if (fabs (along) >= 0.5 || across >= 0.5 ||
              (forward ? (int) i < index : (int) i > index))
            continue;
          along = 0;
        }

      /* Straight on beats a shorter step to the side. */
      score = along * along + 4 * across * across;
      if (score < best_score ||
          (score == best_score && abs ((int) i - index) < abs (best - index)))
        {
          best = (int) i;
          best_score = score;
        }
    }

  return best;
}

char *
ks_chart_layout_describe (KsChartLayout *self)
{
  GString *out;
  guint counts[KS_N_QUADRANTS] = { 0 };
  guint n_previous = 0, n_moved = 0;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  n = (guint) self->n_bubbles;

  for (gsize i = 0; i < self->n_bubbles; i++)
    {
      const Bubble *b = &self->bubbles[i];
      KsQuadrant q = ks_scoring_quadrant (b->value, b->growth,
                                          self->split_value, self->split_growth);

      counts[q]++;
      if (b->has_previous)
        {
          n_previous++;
          if (ks_scoring_quadrant (b->previous_value, b->previous_growth,
                                   self->split_value, self->split_growth) != q)
            n_moved++;
        }
    }

  out = g_string_new (NULL);
  g_string_append_printf (out,
                          /* Translators: the start of the quadrant chart's description
                           * for screen readers */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Quadrant chart of %u account, by value and growth "
                                       "potential.",
                                       "Quadrant chart of %u accounts, by value and growth "
                                       "potential.", n),
                          n);

  for (guint q = 0; q < KS_N_QUADRANTS; q++)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out,
                              /* Translators: a quadrant's name and how many accounts are in
                               * it, in the chart's description for screen readers */
                              g_dngettext (GETTEXT_PACKAGE, "%s: %u account.",
                                           "%s: %u accounts.", counts[q]),
                              ks_quadrant_get_label (q), counts[q]);
    }

  if (n > 0)
    {
      GString *list = g_string_new (NULL);

      for (guint k = 0; k < MIN (n, 5); k++)
        {
          const Bubble *b = &self->bubbles[self->order[k]];
          KsQuadrant q = ks_scoring_quadrant (b->value, b->growth,
                                              self->split_value, self->split_growth);

          if (k > 0)
            /* Translators: between the items of a list in a sentence */
            g_string_append (list, C_("list separator", ", "));
          g_string_append_printf (list,
                                  /* Translators: an account and its quadrant, in the
                                   * chart's description for screen readers */
                                  C_("chart description", "%s (%s)"),
                                  b->name, ks_quadrant_get_label (q));
        }
      g_string_append_c (out, '\n');
      g_string_append_printf (out,
                              /* Translators: %s is a list of accounts with their quadrants */
                              _("Largest accounts by annual purchases: %s."), list->str);
      g_string_free (list, TRUE);
    }

  if (n_previous > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u account changed quadrant since the snapshot.",
                                           "%u accounts changed quadrant since the snapshot.",
                                           n_moved),
                              n_moved);
    }

  return g_string_free (out, FALSE);
}

/* Drawing */

static gboolean
target_is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_group_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_RECORDING:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
draw_bubble_path (cairo_t            *cr,
                  const KsChartStyle *style,
                  const Bubble       *b)
{
  cairo_new_path (cr);
  cairo_arc (cr, b->x, b->y, b->r, 0, 2 * G_PI);
  set_color (cr, &style->tiers[b->tier]);
  cairo_fill_preserve (cr);
  set_outline_color (cr, style, b->tier);
  cairo_set_line_width (cr, style->outline_width);
  cairo_stroke (cr);
}

static Sprite *
get_sprite (KsChartLayout      *self,
            const KsChartStyle *style,
            KsTier              tier,
            double              radius)
{
  guint k = (guint) lround (radius * 2);
  Sprite *sprite;
  cairo_surface_t *surface;
  cairo_t *cr;
  double s = self->sprite_scale;
  double r = k / 2.0;
  int half;
  Bubble b = { .tier = tier };

  k = MIN (k, self->n_radii - 1);
  sprite = &self->sprites[tier * self->n_radii + k];
  if (sprite->pattern != NULL)
    return sprite;

  half = (int) ceil ((r + style->outline_width + 1) * s);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * half, 2 * half);
  cr = cairo_create (surface);
  cairo_translate (cr, half, half);
  cairo_scale (cr, s, s);
  b.r = r;
  draw_bubble_path (cr, style, &b);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_set_device_scale (surface, self->sprite_device_scale,
                                  self->sprite_device_scale);

  sprite->pattern = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_filter (sprite->pattern, CAIRO_FILTER_NEAREST);
  /* The pattern keeps the surface and its pixels alive. */
  sprite->pixels = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (surface);
  sprite->stride = cairo_image_surface_get_stride (surface) / 4;
  sprite->size = 2 * half;
  sprite->half = half;
  sprite->spans = g_new (guint16, 2 * sprite->size);
  for (int y = 0; y < sprite->size; y++)
    {
      const guint32 *row = sprite->pixels + (gsize) y * sprite->stride;
      int first = 0, last = sprite->size;

      while (first < last && row[first] == 0)
        first++;
      while (last > first && row[last - 1] == 0)
        last--;
      sprite->spans[2 * y] = (guint16) first;
      sprite->spans[2 * y + 1] = (guint16) last;
    }
  cairo_surface_destroy (surface);

  return sprite;
}

/* Premultiplied @src over @dst, both ARGB32. */
static inline guint32
blend_over (guint32 src,
            guint32 dst)
{
  guint32 ia = 255 - (src >> 24);
  guint32 rb = (dst & 0x00ff00ff) * ia + 0x00800080;
  guint32 ag = ((dst >> 8) & 0x00ff00ff) * ia + 0x00800080;

  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;

  return src + rb + ag;
}

/* Where the blit may write: an image surface's pixels and the clip, in pixels. */
typedef struct
{
  guint32 *pixels;
  int      stride;   /* in pixels */
  int      x0, y0, x1, y1;
} Blit;

/* Painting the sprites straight into an image surface saves cairo's per-call cost,
 * which is most of the time at 10 000 bubbles; only for plain OVER onto ARGB32 or
 * RGB24 with a rectangular clip. */
static gboolean
blit_init (Blit    *blit,
           cairo_t *cr,
           double   ds,
           double   off_x,
           double   off_y)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_rectangle_list_t *rects;
  cairo_format_t format;
  gboolean ok = FALSE;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;

  /* In user space, which the caller made the identity. */
  rects = cairo_copy_clip_rectangle_list (cr);
  if (rects->status == CAIRO_STATUS_SUCCESS && rects->num_rectangles == 1)
    {
      const cairo_rectangle_t *r = &rects->rectangles[0];
      double x0 = r->x * ds + off_x, y0 = r->y * ds + off_y;
      double x1 = (r->x + r->width) * ds + off_x, y1 = (r->y + r->height) * ds + off_y;

      /* Only whole pixels: a fractional clip needs cairo's coverage. */
      if (x0 == floor (x0) && y0 == floor (y0) && x1 == floor (x1) && y1 == floor (y1))
        {
          blit->x0 = MAX (0, (int) x0);
          blit->y0 = MAX (0, (int) y0);
          blit->x1 = MIN (cairo_image_surface_get_width (target), (int) x1);
          blit->y1 = MIN (cairo_image_surface_get_height (target), (int) y1);
          ok = TRUE;
        }
    }
  cairo_rectangle_list_destroy (rects);
  if (!ok)
    return FALSE;

  cairo_surface_flush (target);
  blit->pixels = (guint32 *) (gpointer) cairo_image_surface_get_data (target);
  blit->stride = cairo_image_surface_get_stride (target) / 4;

  return blit->pixels != NULL;
}

typedef struct
{
  const guint32 *pixels;
  const guint16 *spans;
  int            stride;
  int            size;
  int            x;
  int            y;
} Stamp;

/* Rows @band_y0 to @band_y1 of the stamp. */
static void
blit_stamp (const Blit  *blit,
            const Stamp *stamp,
            int          band_y0,
            int          band_y1)
{
  int px = stamp->x, py = stamp->y;
  int x0 = MAX (px, blit->x0), x1 = MIN (px + stamp->size, blit->x1);
  int y0 = MAX (py, band_y0), y1 = MIN (py + stamp->size, band_y1);

  for (int y = y0; y < y1; y++)
    {
      const guint16 *span = stamp->spans + 2 * (y - py);
      int sx0 = MAX (x0, px + span[0]), sx1 = MIN (x1, px + span[1]);
      const guint32 *src = stamp->pixels + (gsize) (y - py) * stamp->stride + (sx0 - px);
      guint32 *dst = blit->pixels + (gsize) y * blit->stride + sx0;

      /* No branch per pixel: transparent and opaque pixels blend to the right value. */
      for (int i = 0; i < sx1 - sx0; i++)
        dst[i] = blend_over (src[i], dst[i]);
    }
}

/* A band of rows stays in the cache while every bubble that crosses it is drawn; in
 * drawing order, one bubble after another, the surface would come from memory once a
 * row of each bubble. */
#define BAND_ROWS 32

static void
blit_stamps (const Blit  *blit,
             const Stamp *stamps,
             gsize        n_stamps)
{
  int n_bands = (blit->y1 - blit->y0 + BAND_ROWS - 1) / BAND_ROWS;
  guint *starts;
  guint *fill;
  Stamp *entries;
  gsize n_entries = 0;

  if (n_bands <= 0 || n_stamps == 0)
    return;

  /* Each band's stamps, copied in drawing order so that a band reads them in a row:
   * counted, then filled. */
  starts = g_new0 (guint, n_bands + 1);
  for (gsize i = 0; i < n_stamps; i++)
    {
      int top = MAX (stamps[i].y, blit->y0);
      int bottom = MIN (stamps[i].y + stamps[i].size, blit->y1);

      if (top >= bottom)
        continue;
      for (int b = (top - blit->y0) / BAND_ROWS; b <= (bottom - 1 - blit->y0) / BAND_ROWS; b++)
        {
          starts[b + 1]++;
          n_entries++;
        }
    }
  for (int b = 0; b < n_bands; b++)
    starts[b + 1] += starts[b];

  entries = g_new (Stamp, MAX (n_entries, 1));
  fill = g_memdup2 (starts, sizeof (guint) * (n_bands + 1));
  for (gsize i = 0; i < n_stamps; i++)
    {
      int top = MAX (stamps[i].y, blit->y0);
      int bottom = MIN (stamps[i].y + stamps[i].size, blit->y1);

      if (top >= bottom)
        continue;
      for (int b = (top - blit->y0) / BAND_ROWS; b <= (bottom - 1 - blit->y0) / BAND_ROWS; b++)
        entries[fill[b]++] = stamps[i];
    }
  g_free (fill);

  for (int b = 0; b < n_bands; b++)
    {
      int y0 = blit->y0 + b * BAND_ROWS;
      int y1 = MIN (y0 + BAND_ROWS, blit->y1);

      for (guint e = starts[b]; e < starts[b + 1]; e++)
        blit_stamp (blit, &entries[e], y0, y1);
    }

  g_free (entries);
  g_free (starts);
}

/* Sprites are painted in device pixels, their centres on pixel corners; FALSE when the
 * transformation is more than a uniform scale and a translation. */
static gboolean
draw_bubbles_sprites (KsChartLayout      *self,
                      cairo_t            *cr,
                      const KsChartStyle *style,
                      const double        clip[4])
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t m;
  double ds_x, ds_y, off_x, off_y, s;
  Blit blit = { NULL, 0, 0, 0, 0, 0 };
  gboolean use_blit;
  Stamp *stamps = NULL;
  gsize n_stamps = 0;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &ds_x, &ds_y);
  cairo_surface_get_device_offset (target, &off_x, &off_y);
  if (m.xy != 0 || m.yx != 0 || m.xx <= 0 || m.xx != m.yy || ds_x != ds_y)
    return FALSE;

  s = m.xx * ds_x;
  if (self->sprites == NULL || s != self->sprite_scale ||
      ds_x != self->sprite_device_scale ||
      memcmp (style, &self->sprite_style, sizeof *style) != 0)
    {
      sprites_clear (self);
      self->sprite_style = *style;
      self->sprite_scale = s;
      self->sprite_device_scale = ds_x;
      self->n_radii = (guint) ceil (self->r_max * 2) + 2;
      self->sprites = g_new0 (Sprite, KS_N_TIERS * self->n_radii);
    }

  cairo_save (cr);
  cairo_identity_matrix (cr);
  use_blit = blit_init (&blit, cr, ds_x, off_x, off_y);
  if (use_blit)
    stamps = g_new (Stamp, MAX (self->n_bubbles, 1));

  for (gsize k = 0; k < self->n_bubbles; k++)
    {
      const Dot *b = &self->dots[k];
      Sprite *sprite;
      double px, py;

      if (b->x + b->r < clip[0] || b->x - b->r > clip[2] ||
          b->y + b->r < clip[1] || b->y - b->r > clip[3])
        continue;

      sprite = get_sprite (self, style, b->tier, b->r);
      /* user → pixels, then the sprite's corner on a whole pixel */
      px = round ((b->x * m.xx + m.x0) * ds_x + off_x - sprite->half);
      py = round ((b->y * m.yy + m.y0) * ds_y + off_y - sprite->half);
      if (use_blit)
        {
          stamps[n_stamps++] = (Stamp) {
            sprite->pixels, sprite->spans, sprite->stride, sprite->size, (int) px, (int) py
          };
        }
      else
        {
          cairo_matrix_t pm;

          cairo_matrix_init_translate (&pm, -(px - off_x) / ds_x, -(py - off_y) / ds_y);
          cairo_pattern_set_matrix (sprite->pattern, &pm);
          cairo_set_source (cr, sprite->pattern);
          cairo_paint (cr);
        }
    }

  if (use_blit)
    {
      blit_stamps (&blit, stamps, n_stamps);
      g_free (stamps);
      cairo_surface_mark_dirty_rectangle (target, blit.x0, blit.y0,
                                          blit.x1 - blit.x0, blit.y1 - blit.y0);
    }
  cairo_restore (cr);

  return TRUE;
}

static void
draw_bubbles (KsChartLayout      *self,
              cairo_t            *cr,
              const KsChartStyle *style)
{
  double clip[4];

  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);

  if (!target_is_vector (cr) && draw_bubbles_sprites (self, cr, style, clip))
    return;

  for (gsize k = 0; k < self->n_bubbles; k++)
    {
      const Bubble *b = &self->bubbles[self->order[k]];

      if (b->x + b->r < clip[0] || b->x - b->r > clip[2] ||
          b->y + b->r < clip[1] || b->y - b->r > clip[3])
        continue;
      draw_bubble_path (cr, style, b);
    }
}

static void
draw_arrow (cairo_t *cr,
            double   x0,
            double   y0,
            double   x1,
            double   y1,
            double   head)
{
  double dx = x1 - x0, dy = y1 - y0;
  double len = sqrt (dx * dx + dy * dy);
  double ux, uy;

  if (len < 1)
    return;
  ux = dx / len;
  uy = dy / len;

  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
  cairo_stroke (cr);

  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - ux * head - uy * head * 0.45, y1 - uy * head + ux * head * 0.45);
  cairo_line_to (cr, x1 - ux * head + uy * head * 0.45, y1 - uy * head - ux * head * 0.45);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_movement (KsChartLayout      *self,
               cairo_t            *cr,
               const KsChartStyle *style)
{
  if (!self->any_previous || !(self->flags & KS_CHART_MOVEMENT))
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.25);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (gsize k = 0; k < self->n_bubbles; k++)
    {
      const Bubble *b = &self->bubbles[self->order[k]];
      double dx = b->x - b->px, dy = b->y - b->py;
      double len = sqrt (dx * dx + dy * dy);
      double end;

      if (!b->has_previous || len <= b->r + 6)
        continue;

      end = len - b->r - 1.5;
      set_color_alpha (cr, &style->foreground, 0.4);
      cairo_arc (cr, b->px, b->py, 2, 0, 2 * G_PI);
      cairo_fill (cr);
      set_color_alpha (cr, &style->foreground, 0.65);
      draw_arrow (cr, b->px, b->py, b->px + dx / len * end, b->py + dy / len * end, 7);
    }
  cairo_restore (cr);
}

static void
draw_plate (cairo_t                 *cr,
            const KsChartStyle      *style,
            const cairo_rectangle_t *rect,
            double                   alpha)
{
  rounded_rectangle (cr, rect, 4);
  set_color_alpha (cr, &style->background, alpha);
  cairo_fill (cr);
}

static void
draw_grid (KsChartLayout      *self,
           cairo_t            *cr,
           const KsChartStyle *style)
{
  const cairo_rectangle_t *p = &self->plot;
  double sx = CLAMP (floor (self->split_x), p->x, p->x + p->width);
  double sy = CLAMP (floor (self->split_y), p->y, p->y + p->height);
  const KsChartColor *bg = &style->background;
  const cairo_rectangle_t quadrants[KS_N_QUADRANTS] = {
    [KS_QUADRANT_STRATEGIC] = { sx, p->y, p->x + p->width - sx, sy - p->y },
    [KS_QUADRANT_GROW] = { p->x, p->y, sx - p->x, sy - p->y },
    [KS_QUADRANT_SUSTAIN] = { sx, sy, p->x + p->width - sx, p->y + p->height - sy },
    [KS_QUADRANT_STREAMLINE] = { p->x, sy, sx - p->x, p->y + p->height - sy },
  };

  for (guint q = 0; q < KS_N_QUADRANTS; q++)
    {
      const KsChartColor *t = &style->tints[q];

      if (t->alpha <= 0)
        continue;
      cairo_rectangle (cr, quadrants[q].x, quadrants[q].y,
                       quadrants[q].width, quadrants[q].height);
      /* Over an opaque background, the mixed colour: a fill without blending. */
      if (bg->alpha >= 1)
        cairo_set_source_rgb (cr,
                              bg->red + (t->red - bg->red) * t->alpha,
                              bg->green + (t->green - bg->green) * t->alpha,
                              bg->blue + (t->blue - bg->blue) * t->alpha);
      else
        set_color (cr, t);
      cairo_fill (cr);
    }

  /* Grid lines at the ticks, on pixel centres. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < N_TICKS; i++)
    {
      double x, y;

      ks_chart_layout_map (self, i * 25, i * 25, &x, &y);
      x = floor (x) + 0.5;
      y = floor (y) + 0.5;
      cairo_move_to (cr, x, p->y);
      cairo_line_to (cr, x, p->y + p->height);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
    }
  set_color (cr, &style->grid);
  cairo_stroke (cr);

  cairo_rectangle (cr, p->x + 0.5, p->y + 0.5, p->width - 1, p->height - 1);
  set_color (cr, &style->grid);
  cairo_stroke (cr);

  cairo_move_to (cr, self->split_x, p->y);
  cairo_line_to (cr, self->split_x, p->y + p->height);
  cairo_move_to (cr, p->x, self->split_y);
  cairo_line_to (cr, p->x + p->width, self->split_y);
  set_color (cr, &style->split);
  cairo_stroke (cr);
}

static void
draw_axes (KsChartLayout      *self,
           cairo_t            *cr,
           const KsChartStyle *style)
{
  for (guint i = 0; i < N_TICKS; i++)
    {
      text_draw (cr, &self->ticks_x[i], &style->secondary);
      text_draw (cr, &self->ticks_y[i], &style->secondary);
    }
  text_draw (cr, &self->x_title, &style->foreground);

  cairo_save (cr);
  cairo_translate (cr, self->y_title.x, self->y_title.y);
  cairo_rotate (cr, -G_PI / 2);
  set_color (cr, &style->foreground);
  cairo_move_to (cr, -self->y_title.lx, -self->y_title.ly);
  pango_cairo_show_layout (cr, self->y_title.layout);
  cairo_restore (cr);
}

static void
draw_titles (KsChartLayout      *self,
             cairo_t            *cr,
             const KsChartStyle *style)
{
  for (guint q = 0; q < KS_N_QUADRANTS; q++)
    {
      const Title *title = &self->titles[q];

      if (rect_is_empty (&title->rect))
        continue;
      draw_plate (cr, style, &title->rect, 0.8);
      text_draw (cr, &title->name, &style->foreground);
      text_draw (cr, &title->strategy, &style->secondary);
    }
}

static void
draw_labels (KsChartLayout      *self,
             cairo_t            *cr,
             const KsChartStyle *style)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);

      draw_plate (cr, style, &label->rect, 0.7);
      text_draw (cr, &label->text, &style->foreground);
    }
}

static void
draw_legend (KsChartLayout      *self,
             cairo_t            *cr,
             const KsChartStyle *style)
{
  double x = self->legend_x;

  if (!self->has_legend)
    return;

  text_draw (cr, &self->tier_header, &style->foreground);
  for (guint t = 0; t < KS_N_TIERS; t++)
    {
      Bubble b = { .x = x + SWATCH_RADIUS, .y = self->swatch_y[t], .r = SWATCH_RADIUS,
                   .tier = t };

      draw_bubble_path (cr, style, &b);
      text_draw (cr, &self->tier_names[t], &style->secondary);
    }

  text_draw (cr, &self->size_header, &style->foreground);
  if (self->n_size_keys > 0)
    {
      double big = self->size_keys[0].r;

      cairo_set_line_width (cr, 1);
      for (guint i = 0; i < self->n_size_keys; i++)
        {
          const SizeKey *key = &self->size_keys[i];

          cairo_new_path (cr);
          cairo_arc (cr, x + big, self->size_bottom - key->r, key->r, 0, 2 * G_PI);
          set_color_alpha (cr, &style->secondary, 0.08);
          cairo_fill_preserve (cr);
          set_color (cr, &style->secondary);
          cairo_stroke (cr);

          cairo_move_to (cr, x + big, floor (key->top) + 0.5);
          cairo_line_to (cr, x + 2 * big + 8, floor (key->top) + 0.5);
          set_color_alpha (cr, &style->secondary, 0.6);
          cairo_stroke (cr);
          text_draw (cr, &key->text, &style->secondary);
        }
    }

  if (self->movement_text.layout != NULL)
    {
      cairo_save (cr);
      cairo_set_line_width (cr, 1.25);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      set_color_alpha (cr, &style->foreground, 0.4);
      cairo_arc (cr, x + 2, self->movement_y, 2, 0, 2 * G_PI);
      cairo_fill (cr);
      set_color_alpha (cr, &style->foreground, 0.65);
      draw_arrow (cr, x + 2, self->movement_y, x + 24, self->movement_y, 7);
      cairo_restore (cr);
      text_draw (cr, &self->movement_text, &style->secondary);
    }
}

void
ks_chart_render (KsChartLayout      *self,
                 cairo_t            *cr,
                 const KsChartStyle *style,
                 int                 hover,
                 int                 focus)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);

  cairo_rectangle (cr, 0, 0, self->width, self->height);
  set_color (cr, &style->background);
  cairo_fill (cr);

  draw_grid (self, cr, style);
  draw_axes (self, cr, style);
  draw_bubbles (self, cr, style);
  draw_movement (self, cr, style);
  draw_titles (self, cr, style);
  draw_labels (self, cr, style);
  draw_legend (self, cr, style);
  text_draw (cr, &self->title, &style->foreground);

  cairo_restore (cr);

  ks_chart_render_overlay (self, cr, style, hover, focus);
}

void
ks_chart_render_overlay (KsChartLayout      *self,
                         cairo_t            *cr,
                         const KsChartStyle *style,
                         int                 hover,
                         int                 focus)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);

  /* The highlighted bubble comes to the front, ringed. */
  if (hover >= 0 && (gsize) hover < self->n_bubbles)
    {
      const Bubble *b = &self->bubbles[hover];

      draw_bubble_path (cr, style, b);
      cairo_arc (cr, b->x, b->y, b->r + 1.5, 0, 2 * G_PI);
      set_color (cr, &style->foreground);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  if (focus >= 0 && (gsize) focus < self->n_bubbles)
    {
      const Bubble *b = &self->bubbles[focus];

      if (focus != hover)
        draw_bubble_path (cr, style, b);
      cairo_arc (cr, b->x, b->y, b->r + 4, 0, 2 * G_PI);
      set_color_alpha (cr, &style->background, 0.9);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
      cairo_arc (cr, b->x, b->y, b->r + 4, 0, 2 * G_PI);
      set_color (cr, &style->focus);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* Export */

typedef struct
{
  int fd;
  int saved_errno;
} WriteClosure;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  WriteClosure *w = closure;

  while (length > 0)
    {
      ssize_t n = write (w->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          w->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file, the second the system's reason */
               _("“%s” could not be written (%s). Choose a folder you can write to, with "
                 "space left on the disk."),
               display, g_strerror (saved_errno));
}

static cairo_status_t
export_draw (KsChartLayout      *layout,
             const KsChartStyle *style,
             KsChartFormat       format,
             WriteClosure       *closure,
             int                 width,
             int                 height,
             double              scale)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double page_scale = 1;

  switch (format)
    {
    case KS_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_fd, closure, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case KS_CHART_FORMAT_PDF:
      /* 96 pixels to the inch: points are three quarters of a pixel. */
      page_scale = 0.75;
      surface = cairo_pdf_surface_create_for_stream (write_to_fd, closure,
                                                     width * page_scale, height * page_scale);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keystone");
      break;

    case KS_CHART_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale * page_scale, scale * page_scale);
  ks_chart_render (layout, cr, style, -1, -1);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == KS_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_fd, closure);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

gboolean
ks_chart_export (const KsChartData   *data,
                 const KsChartStyle  *style,
                 KsChartFormat        format,
                 const char          *path,
                 int                  width,
                 int                  height,
                 GError             **error)
{
  g_autoptr(KsChartLayout) layout = NULL;
  g_autofree char *tmp_path = NULL;
  KsChartStyle light;
  KsChartData titled;
  WriteClosure closure = { -1, 0 };
  cairo_status_t status;
  double scale;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail ((guint) format <= KS_CHART_FORMAT_PDF, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width < KS_CHART_EXPORT_MIN_SIZE || width > KS_CHART_EXPORT_MAX_SIZE ||
      height < KS_CHART_EXPORT_MIN_SIZE || height > KS_CHART_EXPORT_MAX_SIZE)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: the size of an exported chart; the %d are pixels */
                   _("The chart must be between %d and %d pixels wide and high."),
                   KS_CHART_EXPORT_MIN_SIZE, KS_CHART_EXPORT_MAX_SIZE);
      return FALSE;
    }

  if (style == NULL)
    {
      ks_chart_style_init (&light, KS_CHART_STYLE_LIGHT);
      style = &light;
    }

  titled = *data;
  if (titled.title == NULL)
    /* Translators: the title line of an exported quadrant chart */
    titled.title = _("Account portfolio by value and growth potential");

  /* Large exports are the same chart, sharper; not the same text on a wider page. */
  scale = MAX (1.0, MIN (width / 1280.0, height / 800.0));
  layout = ks_chart_layout_new (&titled, width / scale, height / scale, NULL, KS_CHART_DEFAULT);

  /* Beside the target, so the rename cannot cross file systems. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  closure.fd = g_mkstemp_full (tmp_path, O_WRONLY, 0644);
  if (closure.fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  status = export_draw (layout, style, format, &closure, width, height, scale);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (closure.saved_errno != 0)
        set_write_error (error, path, closure.saved_errno);
      else
        g_set_error (error, KS_ERROR, KS_ERROR_FAILED,
                     /* Translators: %s is cairo's reason, in English */
                     _("The chart could not be drawn (%s)."), cairo_status_to_string (status));
      goto out;
    }

  if (fsync (closure.fd) != 0 || close (closure.fd) != 0)
    {
      closure.fd = -1;
      set_write_error (error, path, errno);
      goto out;
    }
  closure.fd = -1;

  if (g_rename (tmp_path, path) != 0)
    {
      set_write_error (error, path, errno);
      goto out;
    }

  ok = TRUE;

out:
  if (closure.fd >= 0)
    close (closure.fd);
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}
