/* ks-chart.h — the quadrant chart: layout, hit-testing and drawing with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer for the widget, the exported PNG/SVG/PDF, the reports and the tests.
 * ks_chart_layout_new() does all the geometry once (plot rectangle, bubbles, labels,
 * legend, quadrant titles); hit-testing, keyboard navigation and the description are
 * pure functions of the layout; ks_chart_render() draws it onto any cairo_t. A widget
 * keeps the full drawing in a texture and redraws only ks_chart_render_overlay() on
 * hover and focus. Coordinates are in the layout's units (pixels for the widget).
 *
 * Bubbles are pre-rendered sprites on image surfaces (the fast path: render into an
 * image surface at the display's scale, not into a GTK cairo node, which records) and
 * real arcs on PDF, SVG, PostScript and recording surfaces. The sprites are cached in
 * the layout, so a layout is used from one thread at a time.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "ks-scoring.h"

G_BEGIN_DECLS

/* One account on the chart. */
typedef struct
{
  gint64      id;
  const char *name;             /* copied by the layout */
  double      value;            /* x, 0–100 */
  double      growth;           /* y, 0–100 */
  gint64      size;             /* annual purchases in minor units: the bubble's area */
  KsTier      tier;             /* the colour */
  gboolean    has_previous;     /* draw an arrow from the earlier position */
  double      previous_value;
  double      previous_growth;
} KsChartPoint;

/* What is drawn; the strings and the points are copied. */
typedef struct
{
  const KsChartPoint *points;
  gsize               n_points;
  double              split_value;     /* where the quadrant lines are, 0–100 */
  double              split_growth;
  const char         *currency;        /* ISO 4217 code of the sizes, for the legend; or NULL */
  const char         *title;           /* a title line above the chart, or NULL for none */
} KsChartData;

typedef enum
{
  KS_CHART_FLAGS_NONE = 0,
  KS_CHART_LABELS     = 1 << 0,   /* name labels on the largest bubbles */
  KS_CHART_LEGEND     = 1 << 1,   /* tiers and bubble size */
  KS_CHART_MOVEMENT   = 1 << 2,   /* arrows from the previous positions */
  KS_CHART_DEFAULT    = KS_CHART_LABELS | KS_CHART_LEGEND | KS_CHART_MOVEMENT,
} KsChartFlags;

typedef enum
{
  KS_CHART_STYLE_LIGHT,
  KS_CHART_STYLE_DARK,
  KS_CHART_STYLE_HIGH_CONTRAST,
} KsChartStyleKind;

typedef struct
{
  double red, green, blue, alpha;
} KsChartColor;

/* Colours and lines; fill one with ks_chart_style_init() and change what you like. */
typedef struct
{
  KsChartColor background;
  KsChartColor foreground;            /* titles, labels, ticks */
  KsChartColor secondary;             /* strategy lines, axis titles, legend text */
  KsChartColor grid;
  KsChartColor split;                 /* the quadrant lines */
  KsChartColor focus;                 /* the keyboard focus ring */
  KsChartColor tiers[KS_N_TIERS];     /* bubble fills; alpha is the fill's opacity */
  KsChartColor tints[KS_N_QUADRANTS]; /* faint quadrant backgrounds */
  double       outline_width;         /* around each bubble */
  double       outline_shade;         /* outline = tier colour mixed with foreground, 0–1 */
} KsChartStyle;

typedef enum
{
  KS_CHART_LEFT,
  KS_CHART_RIGHT,
  KS_CHART_UP,
  KS_CHART_DOWN,
} KsChartDirection;

typedef enum
{
  KS_CHART_FORMAT_PNG,
  KS_CHART_FORMAT_SVG,
  KS_CHART_FORMAT_PDF,
} KsChartFormat;

/* The export's size limits, in pixels (PDF: 96 pixels to the inch). */
#define KS_CHART_EXPORT_MIN_SIZE 200
#define KS_CHART_EXPORT_MAX_SIZE 10000

typedef struct _KsChartLayout KsChartLayout;

#define KS_TYPE_CHART_LAYOUT (ks_chart_layout_get_type ())

void            ks_chart_style_init             (KsChartStyle        *style,
                                                 KsChartStyleKind     kind);

GType           ks_chart_layout_get_type        (void) G_GNUC_CONST;
/* @context gives the font map and the font (family and size; NULL: the default font
 * map with Cantarell/Noto Sans CJK SC 10); the language follows the locale. */
KsChartLayout  *ks_chart_layout_new             (const KsChartData   *data,
                                                 double               width,
                                                 double               height,
                                                 PangoContext        *context,
                                                 KsChartFlags         flags);
KsChartLayout  *ks_chart_layout_ref             (KsChartLayout       *layout);
void            ks_chart_layout_unref           (KsChartLayout       *layout);

gsize           ks_chart_layout_get_n_points    (KsChartLayout       *layout);
gint64          ks_chart_layout_get_id          (KsChartLayout       *layout,
                                                 gsize                index);
/* The plot area: the quadrants' tints; every label and title stays inside it. */
void            ks_chart_layout_get_plot        (KsChartLayout       *layout,
                                                 cairo_rectangle_t   *plot);
/* Where a score pair is drawn: 0–100 on both axes maps into the plot, inset so that the
 * largest bubbles stay inside it. */
void            ks_chart_layout_map             (KsChartLayout       *layout,
                                                 double               value,
                                                 double               growth,
                                                 double              *x,
                                                 double              *y);
/* Where the quadrant lines are drawn: the centres of their pixel column and row. */
void            ks_chart_layout_get_split       (KsChartLayout       *layout,
                                                 double              *x,
                                                 double              *y);
void            ks_chart_layout_get_bubble      (KsChartLayout       *layout,
                                                 gsize                index,
                                                 double              *x,
                                                 double              *y,
                                                 double              *radius);
/* FALSE when the point has no label. */
gboolean        ks_chart_layout_get_label_rect  (KsChartLayout       *layout,
                                                 gsize                index,
                                                 cairo_rectangle_t   *rect);
void            ks_chart_layout_get_quadrant_rect (KsChartLayout     *layout,
                                                   KsQuadrant         quadrant,
                                                   cairo_rectangle_t *rect);

/* The point under (@x, @y), or -1. Of overlapping bubbles, the one whose centre is
 * nearest (smaller ones are drawn on top). The quadrant titles are drawn over the
 * bubbles: ask ks_chart_layout_quadrant_at() first to match what the user sees. */
int             ks_chart_layout_hit_test        (KsChartLayout       *layout,
                                                 double               x,
                                                 double               y);
/* The KsQuadrant whose title box is under (@x, @y), or -1. */
int             ks_chart_layout_quadrant_at     (KsChartLayout       *layout,
                                                 double               x,
                                                 double               y);
/* The nearest point in that direction, preferring straight lines, or -1; from -1,
 * the largest account. */
int             ks_chart_layout_neighbour       (KsChartLayout       *layout,
                                                 int                  index,
                                                 KsChartDirection     direction);
/* Translated plain text for screen readers: counts per quadrant, the top accounts. */
char           *ks_chart_layout_describe        (KsChartLayout       *layout);

/* Draws the whole chart, background included; @hover and @focus are point indices
 * or -1. */
void            ks_chart_render                 (KsChartLayout       *layout,
                                                 cairo_t             *cr,
                                                 const KsChartStyle  *style,
                                                 int                  hover,
                                                 int                  focus);
/* Only the hover and focus highlights, to draw over a cached ks_chart_render (…, -1, -1). */
void            ks_chart_render_overlay         (KsChartLayout       *layout,
                                                 cairo_t             *cr,
                                                 const KsChartStyle  *style,
                                                 int                  hover,
                                                 int                  focus);

/* Writes the chart with its title line (@data->title, or a default) to @path, through
 * a temporary file: nothing is left behind on failure. @width and @height are pixels;
 * a PDF page gets the same size at 96 pixels to the inch. @style NULL: light. */
gboolean        ks_chart_export                 (const KsChartData   *data,
                                                 const KsChartStyle  *style,
                                                 KsChartFormat        format,
                                                 const char          *path,
                                                 int                  width,
                                                 int                  height,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsChartLayout, ks_chart_layout_unref)

G_END_DECLS
