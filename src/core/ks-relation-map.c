/* ks-relation-map.c — an account's contacts as an organisation chart, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout places the bands from the top down, and in each band its rows: a band's
 * contacts are split by their depth below a manager of the same band (0 for one whose
 * manager is elsewhere or who has none), one row per depth, wrapped when too wide. A
 * row is ordered by where the managers already placed stand, so that each team sits
 * under its manager; then every box is pulled towards its manager and pushed apart
 * from its neighbours in two sweeps, which keeps the boxes of a row apart and inside
 * the width. Texts are laid out once, with unhinted metrics: the same layout on screen,
 * in a PNG and in a PDF.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ks-relation-map.h"

#define DEFAULT_FAMILY   "Cantarell, Noto Sans CJK SC, sans-serif"
#define DEFAULT_SIZE     10

#define PAD              12.0   /* around everything */
#define BAND_GAP         10.0   /* between two bands */
#define BAND_PAD_X       12.0   /* inside a band, left and right */
#define BAND_PAD_Y       10.0   /* inside a band, top and bottom */
#define BAND_RADIUS      10.0
#define TITLE_GAP        10.0   /* below a band's title */
#define ROW_GAP          26.0   /* between two rows of boxes: room for the lines */
#define BOX_GAP          12.0   /* between two boxes of a row */
#define BOX_PAD_X        10.0
#define BOX_PAD_Y        6.0
#define BOX_RADIUS       8.0
#define ACCENT_W         5.0    /* the attitude's strip on the left of a box */
#define UNIT_MAX         168.0  /* the widest box, high influence */
#define UNIT_MIN         72.0
#define LEGEND_GAP       14.0   /* above the legend */
#define LEGEND_ITEM_GAP  16.0   /* between two legend entries */
#define LEGEND_LINE_GAP  6.0
#define SWATCH_GAP       6.0    /* between a swatch and its text */
#define SWATCH_W         14.0
#define SWATCH_H         10.0
#define LANE_MARGIN      6.0    /* between a line routed around boxes and the boxes */
#define CORNER_RADIUS    6.0    /* of a routed line */
#define MAX_ROUTE        6      /* points of a routed line */
#define CURVE_SAMPLES    24     /* points of a curve tested against the boxes */

typedef enum
{
  FONT_BAND,
  FONT_NAME,
  FONT_NAME_HIGH,
  FONT_TITLE,
  FONT_EMPTY,
  FONT_LEGEND,
  FONT_LEGEND_HEADER,
  N_FONTS
} FontRole;

static const struct
{
  double      scale;
  PangoWeight weight;
} font_roles[N_FONTS] = {
  [FONT_BAND] = { 0.95, PANGO_WEIGHT_BOLD },
  [FONT_NAME] = { 0.95, PANGO_WEIGHT_BOLD },
  [FONT_NAME_HIGH] = { 1.05, PANGO_WEIGHT_BOLD },
  [FONT_TITLE] = { 0.85, PANGO_WEIGHT_NORMAL },
  [FONT_EMPTY] = { 0.9, PANGO_WEIGHT_NORMAL },
  [FONT_LEGEND] = { 0.85, PANGO_WEIGHT_NORMAL },
  [FONT_LEGEND_HEADER] = { 0.85, PANGO_WEIGHT_BOLD },
};

/* Box sizes by influence: a share of the unit's width, extra height, outline width. */
static const struct
{
  double width;
  double extra_height;
  double outline;
  double swatch;            /* the legend's small box, a share of SWATCH_W × SWATCH_H */
} influence_sizes[KS_N_INFLUENCES] = {
  [KS_INFLUENCE_HIGH] = { 1.0, 14.0, 2.5, 1.3 },
  [KS_INFLUENCE_MEDIUM] = { 0.88, 6.0, 1.5, 1.0 },
  [KS_INFLUENCE_LOW] = { 0.76, 0.0, 1.0, 0.75 },
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
  KsContact          *contact;     /* a copy */
  KsContactLayer      layer;       /* in range, whatever the copy says */
  KsAttitude          attitude;
  KsInfluence         influence;
  int                 parent;      /* index of the manager drawn, or -1 */
  int                 depth;       /* below a manager of the same band */
  int                 row;         /* index in the layout's rows */
  guint               order;       /* reading order */
  cairo_rectangle_t   box;
  Text                name;
  Text                title;       /* layout NULL without a title */
  /* The line to the manager: a curve from @route[0] to @route[1], or, when that would
   * pass behind another box or a title, corners around them. */
  double              route[MAX_ROUTE][2];
  guint               n_route;
} Node;

typedef struct
{
  KsContactLayer  layer;
  double          y;
  double          height;
  GArray         *nodes;           /* guint: node indices, left to right */
} Row;

typedef struct
{
  cairo_rectangle_t  rect;
  Text               title;
  Text               empty;        /* layout NULL when the band has contacts */
} Band;

typedef struct
{
  gboolean           is_header;
  int                swatch;       /* -1: none; else an attitude, or KS_N_ATTITUDES + influence */
  double             swatch_x;
  double             swatch_y;
  Text               text;
} LegendItem;

struct _KsRelationMapLayout
{
  double                 width;
  double                 height;
  double                 unit;

  PangoContext          *context;
  PangoFontDescription  *fonts[N_FONTS];

  Node                  *nodes;
  guint                  n_nodes;
  guint                 *reading;  /* node indices in reading order */
  GHashTable            *by_id;    /* gint64 * (the node's contact id) → index + 1 */
  GPtrArray             *rows;     /* Row *, top to bottom */
  Band                   bands[KS_N_LAYERS];
  GArray                *legend;   /* LegendItem */
};

/* Colours */

static KsChartColor
rgb (guint32 hex)
{
  return (KsChartColor) {
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0
  };
}

void
ks_relation_map_get_attitude_color (KsChartStyleKind  style,
                                    KsAttitude        attitude,
                                    KsChartColor     *color)
{
  /* GNOME's palette; a darker set on white for high contrast, a lighter one on dark. */
  static const guint32 light[KS_N_ATTITUDES] = { 0x26a269, 0x3584e4, 0x9a9996, 0xe01b24 };
  static const guint32 dark[KS_N_ATTITUDES] = { 0x33d17a, 0x62a0ea, 0x9a9996, 0xf66151 };
  static const guint32 contrast[KS_N_ATTITUDES] = { 0x00703c, 0x0048a8, 0x5e5c64, 0xb00010 };
  const guint32 *palette;

  g_return_if_fail (color != NULL);

  if ((guint) attitude >= KS_N_ATTITUDES)
    attitude = KS_ATTITUDE_NEUTRAL;

  switch (style)
    {
    case KS_CHART_STYLE_DARK:
      palette = dark;
      break;
    case KS_CHART_STYLE_HIGH_CONTRAST:
      palette = contrast;
      break;
    case KS_CHART_STYLE_LIGHT:
    default:
      palette = light;
      break;
    }

  *color = rgb (palette[attitude]);
}

static void
set_color (cairo_t            *cr,
           const KsChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* @a mixed with @b, @t of the way to @b; opaque. */
static KsChartColor
mix (const KsChartColor *a,
     const KsChartColor *b,
     double              t)
{
  return (KsChartColor) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    1.0
  };
}

/* The colour @color would show over @background. */
static KsChartColor
flatten (const KsChartColor *color,
         const KsChartColor *background)
{
  return mix (background, &(KsChartColor) { color->red, color->green, color->blue, 1.0 },
              color->alpha);
}

/* Text */

/* Chinese text must be laid out as zh-cn, or the Japanese forms of Noto CJK win. */
static PangoLanguage *
map_language (void)
{
  const char * const *names = g_get_language_names ();
  PangoLanguage *language = pango_language_get_default ();

  if (g_str_has_prefix (pango_language_to_string (language), "zh") ||
      (names[0] != NULL && g_str_has_prefix (names[0], "zh")))
    return pango_language_from_string ("zh-cn");

  return language;
}

static void
setup_fonts (KsRelationMapLayout *self,
             PangoContext        *from)
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
  pango_context_set_language (self->context, map_language ());
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

/* One line of @str, ellipsized at @max_width when that is > 0. */
static void
text_init (KsRelationMapLayout *self,
           Text                *text,
           FontRole             role,
           const char          *str,
           double               max_width)
{
  PangoRectangle logical;

  text->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (text->layout, self->fonts[role]);
  pango_layout_set_single_paragraph_mode (text->layout, TRUE);
  pango_layout_set_text (text->layout, str != NULL ? str : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (text->layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
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

/* Geometry */

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

static gboolean
rect_contains (const cairo_rectangle_t *r,
               double                   x,
               double                   y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/* Layout: the contacts and their managers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static int
lookup (KsRelationMapLayout *self,
        gint64               id)
{
  gpointer value;

  if (id == 0)
    return -1;
  value = g_hash_table_lookup (self->by_id, &id);
  return value != NULL ? GPOINTER_TO_INT (value) - 1 : -1;
}

static void
collect_nodes (KsRelationMapLayout *self,
               const KsRelations   *relations)
{
  GPtrArray *contacts = relations->contacts;
  guint n = contacts != NULL ? contacts->len : 0;

  self->nodes = g_new0 (Node, MAX (n, 1));
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n; i++)
    {
      const KsContact *contact = g_ptr_array_index (contacts, i);
      Node *node;

      if (contact == NULL)
        continue;

      node = &self->nodes[self->n_nodes];
      node->contact = ks_contact_copy (contact);
      node->layer = (guint) contact->layer < KS_N_LAYERS ? contact->layer : KS_LAYER_EXECUTION;
      node->attitude = (guint) contact->attitude < KS_N_ATTITUDES ? contact->attitude
                                                                  : KS_ATTITUDE_NEUTRAL;
      node->influence = (guint) contact->influence < KS_N_INFLUENCES ? contact->influence
                                                                    : KS_INFLUENCE_MEDIUM;
      node->parent = -1;
      node->depth = -1;
      node->row = -1;
      /* A contact not stored yet has no id to report to, nor to be found by. */
      if (contact->id != 0 && !g_hash_table_contains (self->by_id, &node->contact->id))
        g_hash_table_insert (self->by_id, &node->contact->id,
                             GINT_TO_POINTER (self->n_nodes + 1));
      self->n_nodes++;
    }

  for (guint i = 0; i < self->n_nodes; i++)
    {
      Node *node = &self->nodes[i];
      int parent = lookup (self, node->contact->reports_to);

      node->parent = parent != (int) i ? parent : -1;
    }

  /* The store refuses loops; a loop read from elsewhere is cut where it is found. */
  for (guint i = 0; i < self->n_nodes; i++)
    {
      int p = self->nodes[i].parent;

      for (guint steps = 0; p >= 0 && steps <= self->n_nodes; steps++)
        {
          if (p == (int) i)
            {
              self->nodes[i].parent = -1;
              break;
            }
          p = self->nodes[p].parent;
        }
    }
}

static int
node_depth (KsRelationMapLayout *self,
            guint                index)
{
  Node *node = &self->nodes[index];

  if (node->depth < 0)
    {
      if (node->parent < 0 || self->nodes[node->parent].layer != node->layer)
        node->depth = 0;
      else
        node->depth = node_depth (self, node->parent) + 1;
    }
  return node->depth;
}

/* Layout: rows */

typedef struct
{
  guint   index;
  double  key;     /* the manager's centre, or +∞ without one placed */
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  const Sortable *sa = a;
  const Sortable *sb = b;

  if (sa->key != sb->key)
    return sa->key < sb->key ? -1 : 1;
  /* The plan's order (by layer, then name) otherwise: stable and predictable. */
  return sa->index < sb->index ? -1 : (sa->index > sb->index ? 1 : 0);
}

static double
box_width (KsRelationMapLayout *self,
           KsInfluence          influence)
{
  return floor (self->unit * influence_sizes[influence].width);
}

/* The manager's centre when it is placed already (a band above, or a row above). */
static gboolean
placed_manager_x (KsRelationMapLayout *self,
                  const Node          *node,
                  double              *x)
{
  const Node *parent;

  if (node->parent < 0)
    return FALSE;
  parent = &self->nodes[node->parent];
  if (parent->row < 0)
    return FALSE;
  *x = parent->box.x + parent->box.width / 2;
  return TRUE;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_array_unref (row->nodes);
  g_free (row);
}

/* Places the boxes of @row between @left and @right: each sibling group centred under
 * its manager where it can be, the others packed after them; rows without any manager
 * placed are centred. */
static void
place_row (KsRelationMapLayout *self,
           Row                 *row,
           double               left,
           double               right)
{
  guint n = row->nodes->len;
  g_autofree double *desired = g_new (double, n);
  gboolean any_desired = FALSE;
  double total = 0;

  for (guint i = 0; i < n; i++)
    {
      Node *node = &self->nodes[g_array_index (row->nodes, guint, i)];

      total += node->box.width + (i > 0 ? BOX_GAP : 0);
      desired[i] = -INFINITY;
    }

  /* Consecutive contacts with the same manager are a group, centred under it. */
  for (guint i = 0; i < n;)
    {
      Node *first = &self->nodes[g_array_index (row->nodes, guint, i)];
      double manager_x, group_w, x;
      guint j;

      if (!placed_manager_x (self, first, &manager_x))
        {
          i++;
          continue;
        }

      group_w = 0;
      for (j = i; j < n; j++)
        {
          Node *node = &self->nodes[g_array_index (row->nodes, guint, j)];

          if (node->parent != first->parent)
            break;
          group_w += node->box.width + (j > i ? BOX_GAP : 0);
        }

      x = manager_x - group_w / 2;
      for (guint k = i; k < j; k++)
        {
          Node *node = &self->nodes[g_array_index (row->nodes, guint, k)];

          desired[k] = x;
          x += node->box.width + BOX_GAP;
        }
      any_desired = TRUE;
      i = j;
    }

  if (!any_desired)
    {
      double x = left + MAX (0, (right - left - total) / 2);

      for (guint i = 0; i < n; i++)
        {
          Node *node = &self->nodes[g_array_index (row->nodes, guint, i)];

          node->box.x = floor (x);
          x += node->box.width + BOX_GAP;
        }
      return;
    }

  /* Forward: no overlap, not left of @left; backward: not right of @right. The row
   * fits (see split_rows()), so the backward sweep keeps the first box inside too. */
  for (guint i = 0; i < n; i++)
    {
      Node *node = &self->nodes[g_array_index (row->nodes, guint, i)];
      double min_x = left;

      if (i > 0)
        {
          Node *prev = &self->nodes[g_array_index (row->nodes, guint, i - 1)];

          min_x = prev->box.x + prev->box.width + BOX_GAP;
        }
      node->box.x = MAX (desired[i], min_x);
    }
  for (guint i = n; i-- > 0;)
    {
      Node *node = &self->nodes[g_array_index (row->nodes, guint, i)];
      double max_x = right - node->box.width;

      if (i + 1 < n)
        {
          Node *next = &self->nodes[g_array_index (row->nodes, guint, i + 1)];

          max_x = next->box.x - BOX_GAP - node->box.width;
        }
      node->box.x = MIN (node->box.x, max_x);
    }
  for (guint i = 0; i < n; i++)
    {
      Node *node = &self->nodes[g_array_index (row->nodes, guint, i)];

      /* Whole pixels, rounded towards the neighbours' side that has the room. */
      node->box.x = i == 0 ? ceil (MAX (node->box.x, left)) : floor (node->box.x);
      if (i > 0)
        {
          Node *prev = &self->nodes[g_array_index (row->nodes, guint, i - 1)];

          node->box.x = MAX (node->box.x, prev->box.x + prev->box.width + BOX_GAP);
        }
    }
}

/* Splits @indices (in order) into rows that fit between @left and @right, appends them
 * to the layout from @y on and places them; returns the y after the last row. One row
 * is placed under the managers; several are a grid of columns as wide as the widest
 * box, so that the gaps between the columns line up, and the lines to the rows below
 * the first have a way down between the boxes. */
static double
split_rows (KsRelationMapLayout *self,
            KsContactLayer       layer,
            GArray              *indices,
            double               left,
            double               right,
            double               y)
{
  double total = 0;
  double slot = self->unit;
  guint n_columns;
  double grid_x;
  gboolean grid;
  guint i = 0;

  for (guint k = 0; k < indices->len; k++)
    total += self->nodes[g_array_index (indices, guint, k)].box.width + (k > 0 ? BOX_GAP : 0);
  grid = total > right - left;
  n_columns = (guint) MAX (1, floor ((right - left + BOX_GAP) / (slot + BOX_GAP)));
  grid_x = floor (left + (right - left - (n_columns * slot + (n_columns - 1) * BOX_GAP)) / 2);

  while (i < indices->len)
    {
      Row *row = g_new0 (Row, 1);
      int row_index = (int) self->rows->len;

      row->layer = layer;
      row->nodes = g_array_new (FALSE, FALSE, sizeof (guint));
      for (; i < indices->len && (!grid || row->nodes->len < n_columns); i++)
        {
          guint index = g_array_index (indices, guint, i);

          row->height = MAX (row->height, self->nodes[index].box.height);
          g_array_append_val (row->nodes, index);
        }

      if (self->rows->len > 0)
        {
          Row *last = g_ptr_array_index (self->rows, self->rows->len - 1);

          if (last->layer == layer)
            y += ROW_GAP;
        }
      row->y = y;
      g_ptr_array_add (self->rows, row);

      if (!grid)
        place_row (self, row, left, right);
      for (guint k = 0; k < row->nodes->len; k++)
        {
          Node *node = &self->nodes[g_array_index (row->nodes, guint, k)];

          if (grid)
            node->box.x = grid_x + k * (slot + BOX_GAP) + floor ((slot - node->box.width) / 2);
          node->row = row_index;
          node->box.y = floor (y + (row->height - node->box.height) / 2);
        }
      y += row->height;
    }

  return y;
}

static void
measure_boxes (KsRelationMapLayout *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      Node *node = &self->nodes[i];
      double w = box_width (self, node->influence);
      double inner = w - ACCENT_W - 2 * BOX_PAD_X;
      double h;

      text_init (self, &node->name,
                 node->influence == KS_INFLUENCE_HIGH ? FONT_NAME_HIGH : FONT_NAME,
                 node->contact->name, inner);
      h = node->name.h;
      if (!is_blank (node->contact->title))
        {
          text_init (self, &node->title, FONT_TITLE, node->contact->title, inner);
          h += node->title.h;
        }
      else
        {
          /* The same height as titled boxes of its influence: rows stay even. */
          Text probe;

          text_init (self, &probe, FONT_TITLE, "Ag", 0);
          h += probe.h;
          text_clear (&probe);
        }

      node->box.width = w;
      node->box.height = ceil (h + 2 * BOX_PAD_Y + influence_sizes[node->influence].extra_height);
    }
}

static void
place_texts (KsRelationMapLayout *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      Node *node = &self->nodes[i];
      double x = node->box.x + ACCENT_W + BOX_PAD_X;
      double text_h = node->name.h + (node->title.layout != NULL ? node->title.h : 0);
      double y = node->box.y + (node->box.height - text_h) / 2;

      text_place (&node->name, x, y);
      if (node->title.layout != NULL)
        text_place (&node->title, x, y + node->name.h);
    }
}

static double
layout_bands (KsRelationMapLayout *self,
              double               y)
{
  double band_left = PAD;
  double band_right = self->width - PAD;
  double left = band_left + BAND_PAD_X;
  double right = band_right - BAND_PAD_X;

  for (guint layer = 0; layer < KS_N_LAYERS; layer++)
    {
      Band *band = &self->bands[layer];
      int max_depth = -1;
      double top = y;

      text_init (self, &band->title, FONT_BAND, ks_contact_layer_get_label (layer),
                 right - left);
      text_place (&band->title, left, y + BAND_PAD_Y);
      y += BAND_PAD_Y + band->title.h + TITLE_GAP;

      for (guint i = 0; i < self->n_nodes; i++)
        if (self->nodes[i].layer == layer)
          max_depth = MAX (max_depth, node_depth (self, i));

      if (max_depth < 0)
        {
          /* Translators: in the relationship map, a layer (executive, decision maker,
           * execution) without any contact */
          text_init (self, &band->empty, FONT_EMPTY, _("No contacts at this level"),
                     right - left);
          text_place (&band->empty, left, y);
          y += band->empty.h;
        }

      for (int depth = 0; depth <= max_depth; depth++)
        {
          g_autoptr(GArray) sortables = g_array_new (FALSE, FALSE, sizeof (Sortable));
          g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint i = 0; i < self->n_nodes; i++)
            {
              Node *node = &self->nodes[i];
              Sortable s = { i, INFINITY };

              if (node->layer != layer || node->depth != depth)
                continue;
              placed_manager_x (self, node, &s.key);
              g_array_append_val (sortables, s);
            }
          if (sortables->len == 0)
            continue;

          g_array_sort (sortables, compare_sortable);
          for (guint i = 0; i < sortables->len; i++)
            g_array_append_val (indices, g_array_index (sortables, Sortable, i).index);
          y = split_rows (self, layer, indices, left, right, y);
        }

      y += BAND_PAD_Y;
      band->rect = (cairo_rectangle_t) { band_left, top, band_right - band_left, y - top };
      y += BAND_GAP;
    }

  return y - BAND_GAP;
}

/* Layout: the legend */

static void
legend_add (KsRelationMapLayout *self,
            gboolean             is_header,
            int                  swatch,
            const char          *text)
{
  LegendItem item = { .is_header = is_header, .swatch = swatch };

  text_init (self, &item.text, is_header ? FONT_LEGEND_HEADER : FONT_LEGEND, text,
             self->width - 2 * PAD - SWATCH_W * 1.3 - SWATCH_GAP);
  g_array_append_val (self->legend, item);
}

static double
legend_item_width (const LegendItem *item)
{
  return (item->swatch >= 0 ? SWATCH_W * 1.3 + SWATCH_GAP : 0) + item->text.w;
}

/* The header at @start and its entries, on one line. */
static double
legend_group_width (KsRelationMapLayout *self,
                    guint                start)
{
  double w = 0;

  for (guint i = start; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);

      if (i > start && item->is_header)
        break;
      w += (i > start ? LEGEND_ITEM_GAP : 0) + legend_item_width (item);
    }
  return w;
}

static double
layout_legend (KsRelationMapLayout *self,
               double               y)
{
  double left = PAD, right = self->width - PAD;
  double x = left, line_h = 0;

  /* Translators: the heading of the relationship map's legend of colours */
  legend_add (self, TRUE, -1, _("Attitude to us:"));
  for (guint a = 0; a < KS_N_ATTITUDES; a++)
    legend_add (self, FALSE, (int) a, ks_attitude_get_label (a));
  /* Translators: the heading of the relationship map's legend of box sizes */
  legend_add (self, TRUE, -1, _("Influence:"));
  for (guint i = 0; i < KS_N_INFLUENCES; i++)
    legend_add (self, FALSE, KS_N_ATTITUDES + (int) i, ks_influence_get_label (i));

  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      double w = legend_item_width (item);
      double h = MAX (item->text.h, SWATCH_H * 1.3);
      double needed = item->is_header ? LEGEND_ITEM_GAP / 2 + legend_group_width (self, i) : w;

      /* A group that does not fit on the line starts a new one; so does an entry. */
      if (x > left && x + needed > right)
        {
          x = left;
          y += line_h + LEGEND_LINE_GAP;
          line_h = 0;
        }
      /* A group starts with a little more room. */
      if (item->is_header && x > left)
        x += LEGEND_ITEM_GAP / 2;

      item->swatch_x = x;
      item->swatch_y = y + h / 2;
      text_place (&item->text, x + (w - item->text.w), y + (h - item->text.h) / 2);
      x += w + LEGEND_ITEM_GAP;
      line_h = MAX (line_h, h);
    }

  return y + line_h;
}

/* Layout: reading order */

static void
layout_reading_order (KsRelationMapLayout *self)
{
  guint k = 0;

  self->reading = g_new (guint, MAX (self->n_nodes, 1));
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      for (guint i = 0; i < row->nodes->len; i++)
        {
          guint index = g_array_index (row->nodes, guint, i);

          self->nodes[index].order = k;
          self->reading[k++] = index;
        }
    }
  g_assert (k == self->n_nodes);
}

/* Layout: the lines to the managers */

/* The middle of the free space above (@above) or below row @r: between the rows of a
 * band, else between the band's title and the row, or the row and the band's end. */
static double
row_gap_y (KsRelationMapLayout *self,
           int                  r,
           gboolean             above)
{
  Row *row = g_ptr_array_index (self->rows, r);
  Row *next;

  if (above)
    {
      next = r > 0 ? g_ptr_array_index (self->rows, r - 1) : NULL;
      if (next != NULL && next->layer == row->layer)
        return (next->y + next->height + row->y) / 2;
      return row->y - TITLE_GAP / 2;
    }

  next = r + 1 < (int) self->rows->len ? g_ptr_array_index (self->rows, r + 1) : NULL;
  if (next != NULL && next->layer == row->layer)
    return (row->y + row->height + next->y) / 2;
  return row->y + row->height + BAND_PAD_Y / 2;
}

static void
text_rect (const Text        *text,
           cairo_rectangle_t *rect)
{
  *rect = (cairo_rectangle_t) { text->x + text->lx, text->y + text->ly, text->w, text->h };
}

/* What a line must not pass behind: every box but @a's and @b's, the band titles and
 * the empty bands' texts. */
static GArray *
collect_obstacles (KsRelationMapLayout *self,
                   guint                a,
                   guint                b)
{
  GArray *obstacles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  cairo_rectangle_t rect;

  for (guint i = 0; i < self->n_nodes; i++)
    if (i != a && i != b)
      g_array_append_val (obstacles, self->nodes[i].box);
  for (guint l = 0; l < KS_N_LAYERS; l++)
    {
      text_rect (&self->bands[l].title, &rect);
      g_array_append_val (obstacles, rect);
      if (self->bands[l].empty.layout != NULL)
        {
          text_rect (&self->bands[l].empty, &rect);
          g_array_append_val (obstacles, rect);
        }
    }
  return obstacles;
}

static gboolean
curve_is_clear (GArray       *obstacles,
                const double  p[2][2])
{
  double bend = MIN (fabs (p[1][1] - p[0][1]) / 2, 40) * (p[1][1] >= p[0][1] ? 1 : -1);

  for (guint k = 1; k < CURVE_SAMPLES; k++)
    {
      double t = (double) k / CURVE_SAMPLES, u = 1 - t;
      /* The cubic of draw_connectors(): (x0, y0), (x0, y0 + bend), (x1, y1 - bend), (x1, y1) */
      double x = (u * u * u + 3 * u * u * t) * p[0][0] + (3 * u * t * t + t * t * t) * p[1][0];
      double y = u * u * u * p[0][1] + 3 * u * u * t * (p[0][1] + bend) +
                 3 * u * t * t * (p[1][1] - bend) + t * t * t * p[1][1];

      for (guint i = 0; i < obstacles->len; i++)
        {
          const cairo_rectangle_t *r = &g_array_index (obstacles, cairo_rectangle_t, i);

          if (x > r->x - 2 && x < r->x + r->width + 2 && y > r->y - 2 && y < r->y + r->height + 2)
            return FALSE;
        }
    }
  return TRUE;
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const double *ia = a;
  const double *ib = b;

  return ia[0] < ib[0] ? -1 : (ia[0] > ib[0] ? 1 : 0);
}

/* The x nearest @target where a vertical line from @y0 to @y1 passes no obstacle. The
 * bands' side margins always have room. */
static double
find_lane (KsRelationMapLayout *self,
           GArray              *obstacles,
           double               y0,
           double               y1,
           double               target)
{
  g_autoptr(GArray) blocked = g_array_new (FALSE, FALSE, sizeof (double[2]));
  double lo = MIN (y0, y1), hi = MAX (y0, y1);
  double left = PAD + BAND_PAD_X / 2, right = self->width - PAD - BAND_PAD_X / 2;
  double best = left, best_d = INFINITY, x = left;

  for (guint i = 0; i < obstacles->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (obstacles, cairo_rectangle_t, i);
      double interval[2] = { r->x - LANE_MARGIN, r->x + r->width + LANE_MARGIN };

      if (r->y < hi && r->y + r->height > lo)
        g_array_append_val (blocked, interval);
    }
  g_array_sort (blocked, compare_intervals);

  /* Walk the free stretches between the blocked ones. */
  for (guint i = 0; i <= blocked->len; i++)
    {
      double end = i < blocked->len ? g_array_index (blocked, double, 2 * i) : right;

      end = MIN (end, right);
      if (end >= x)
        {
          double candidate = CLAMP (target, x, end);

          if (fabs (candidate - target) < best_d)
            {
              best_d = fabs (candidate - target);
              best = candidate;
            }
        }
      if (i < blocked->len)
        x = MAX (x, g_array_index (blocked, double, 2 * i + 1));
    }
  return floor (best) + 0.5;
}

static void
layout_routes (KsRelationMapLayout *self)
{
  for (guint i = 0; i < self->n_nodes; i++)
    {
      Node *node = &self->nodes[i];
      const Node *parent;
      g_autoptr(GArray) obstacles = NULL;
      gboolean down;
      double ends[2][2];
      double gap0, gap1, lane;

      if (node->parent < 0)
        continue;
      parent = &self->nodes[node->parent];

      down = parent->box.y + parent->box.height <= node->box.y;
      ends[0][0] = parent->box.x + parent->box.width / 2;
      ends[0][1] = down ? parent->box.y + parent->box.height : parent->box.y;
      ends[1][0] = node->box.x + node->box.width / 2;
      ends[1][1] = down ? node->box.y : node->box.y + node->box.height;
      memcpy (node->route, ends, sizeof ends);
      node->n_route = 2;

      obstacles = collect_obstacles (self, i, (guint) node->parent);
      if (curve_is_clear (obstacles, ends))
        continue;

      /* Out into the gap beside the manager's row, along a free lane, into the gap
       * beside the contact's row, and in. */
      gap0 = row_gap_y (self, parent->row, !down);
      gap1 = row_gap_y (self, node->row, down);
      /* The way down next to the contact: the line runs along the manager's row, as
       * the lines to the manager's other reports do, and drops beside the contact. */
      lane = find_lane (self, obstacles, gap0, gap1, ends[1][0]);
      node->route[0][0] = ends[0][0];
      node->route[0][1] = ends[0][1];
      node->route[1][0] = ends[0][0];
      node->route[1][1] = gap0;
      node->route[2][0] = lane;
      node->route[2][1] = gap0;
      node->route[3][0] = lane;
      node->route[3][1] = gap1;
      node->route[4][0] = ends[1][0];
      node->route[4][1] = gap1;
      node->route[5][0] = ends[1][0];
      node->route[5][1] = ends[1][1];
      node->n_route = 6;
    }
}

KsRelationMapLayout *
ks_relation_map_layout_new (const KsRelations *relations,
                            double             width,
                            PangoContext      *context)
{
  KsRelationMapLayout *self;
  double y;

  g_return_val_if_fail (relations != NULL, NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (KsRelationMapLayout, 1);
  self->width = isfinite (width) ? MAX (width, 2 * (PAD + BAND_PAD_X) + 40) : 600;
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  setup_fonts (self, context);

  /* Two boxes of the widest kind side by side at least, none wider than UNIT_MAX. */
  self->unit = floor ((self->width - 2 * (PAD + BAND_PAD_X) - BOX_GAP) / 2);
  self->unit = CLAMP (self->unit, UNIT_MIN, UNIT_MAX);
  self->unit = MIN (self->unit, self->width - 2 * (PAD + BAND_PAD_X));

  collect_nodes (self, relations);
  measure_boxes (self);

  y = layout_bands (self, PAD);
  place_texts (self);
  y = layout_legend (self, y + LEGEND_GAP);
  self->height = ceil (y + PAD);

  layout_routes (self);
  layout_reading_order (self);
  return self;
}

void
ks_relation_map_layout_free (KsRelationMapLayout *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_nodes; i++)
    {
      text_clear (&self->nodes[i].name);
      text_clear (&self->nodes[i].title);
      ks_contact_free (self->nodes[i].contact);
    }
  g_free (self->nodes);
  g_free (self->reading);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  for (guint i = 0; i < KS_N_LAYERS; i++)
    {
      text_clear (&self->bands[i].title);
      text_clear (&self->bands[i].empty);
    }
  for (guint i = 0; self->legend != NULL && i < self->legend->len; i++)
    text_clear (&g_array_index (self->legend, LegendItem, i).text);
  g_clear_pointer (&self->legend, g_array_unref);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_free (self);
}

double
ks_relation_map_layout_get_width (KsRelationMapLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

double
ks_relation_map_layout_get_height (KsRelationMapLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

guint
ks_relation_map_layout_get_n_contacts (KsRelationMapLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_nodes;
}

gint64
ks_relation_map_layout_get_id (KsRelationMapLayout *self,
                               guint                index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n_nodes, 0);
  return self->nodes[self->reading[index]].contact->id;
}

const KsContact *
ks_relation_map_layout_get_contact (KsRelationMapLayout *self,
                                    gint64               id)
{
  int index;

  g_return_val_if_fail (self != NULL, NULL);

  index = lookup (self, id);
  return index >= 0 ? self->nodes[index].contact : NULL;
}

gint64
ks_relation_map_layout_get_manager (KsRelationMapLayout *self,
                                    gint64               id)
{
  int index;

  g_return_val_if_fail (self != NULL, 0);

  index = lookup (self, id);
  if (index < 0 || self->nodes[index].parent < 0)
    return 0;
  return self->nodes[self->nodes[index].parent].contact->id;
}

gboolean
ks_relation_map_layout_get_box (KsRelationMapLayout *self,
                                gint64               id,
                                cairo_rectangle_t   *box)
{
  int index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  index = lookup (self, id);
  if (index < 0)
    return FALSE;
  *box = self->nodes[index].box;
  return TRUE;
}

void
ks_relation_map_layout_get_band (KsRelationMapLayout *self,
                                 KsContactLayer       layer,
                                 cairo_rectangle_t   *band)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) layer < KS_N_LAYERS);
  g_return_if_fail (band != NULL);

  *band = self->bands[layer].rect;
}

gint64
ks_relation_map_hit_test (KsRelationMapLayout *self,
                          double               x,
                          double               y)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->n_nodes; i++)
    if (rect_contains (&self->nodes[i].box, x, y))
      return self->nodes[i].contact->id;
  return 0;
}

gint64
ks_relation_map_layout_neighbour (KsRelationMapLayout *self,
                                  gint64               id,
                                  KsChartDirection     direction)
{
  const Node *node;
  int index;
  int row;

  g_return_val_if_fail (self != NULL, 0);

  if (self->n_nodes == 0)
    return 0;
  index = lookup (self, id);
  if (index < 0)
    return self->nodes[self->reading[0]].contact->id;
  node = &self->nodes[index];

  switch (direction)
    {
    case KS_CHART_LEFT:
      return node->order > 0 ? self->nodes[self->reading[node->order - 1]].contact->id : id;

    case KS_CHART_RIGHT:
      return node->order + 1 < self->n_nodes
             ? self->nodes[self->reading[node->order + 1]].contact->id : id;

    case KS_CHART_UP:
    case KS_CHART_DOWN:
    default:
      row = node->row + (direction == KS_CHART_UP ? -1 : 1);
      if (row < 0 || row >= (int) self->rows->len)
        return id;
      else
        {
          Row *r = g_ptr_array_index (self->rows, row);
          double cx = node->box.x + node->box.width / 2;
          double best = INFINITY;
          gint64 best_id = id;

          for (guint i = 0; i < r->nodes->len; i++)
            {
              const Node *other = &self->nodes[g_array_index (r->nodes, guint, i)];
              double d = fabs (other->box.x + other->box.width / 2 - cx);

              if (d < best)
                {
                  best = d;
                  best_id = other->contact->id;
                }
            }
          return best_id;
        }
    }
}

/* Drawing */

typedef struct
{
  KsChartStyle  base;
  KsChartColor  attitudes[KS_N_ATTITUDES];
  KsChartColor  fills[KS_N_ATTITUDES];
  KsChartColor  band;
  KsChartColor  line;
  double        line_width;
  double        outline_extra;
} Palette;

static void
palette_init (Palette          *palette,
              KsChartStyleKind  kind)
{
  double tint;

  ks_chart_style_init (&palette->base, kind);
  switch (kind)
    {
    case KS_CHART_STYLE_DARK:
      tint = 0.24;
      palette->band = (KsChartColor) { 1, 1, 1, 0.04 };
      palette->line = (KsChartColor) { 1, 1, 1, 0.45 };
      palette->line_width = 1.25;
      palette->outline_extra = 0;
      break;
    case KS_CHART_STYLE_HIGH_CONTRAST:
      tint = 0.0;
      palette->band = (KsChartColor) { 0, 0, 0, 0.05 };
      palette->line = (KsChartColor) { 0, 0, 0, 1.0 };
      palette->line_width = 1.5;
      palette->outline_extra = 0.5;
      break;
    case KS_CHART_STYLE_LIGHT:
    default:
      tint = 0.14;
      palette->band = (KsChartColor) { 0, 0, 0, 0.035 };
      palette->line = (KsChartColor) { 0, 0, 0, 0.4 };
      palette->line_width = 1.25;
      palette->outline_extra = 0;
      break;
    }

  for (guint a = 0; a < KS_N_ATTITUDES; a++)
    {
      ks_relation_map_get_attitude_color (kind, a, &palette->attitudes[a]);
      /* Opaque, so that the lines pass under the boxes. */
      palette->fills[a] = mix (&palette->base.background, &palette->attitudes[a], tint);
    }
}

/* Straight segments, horizontal and vertical, joined by quarter circles. */
static void
draw_rounded_polyline (cairo_t      *cr,
                       const double  points[][2],
                       guint         n)
{
  cairo_new_sub_path (cr);
  cairo_move_to (cr, points[0][0], points[0][1]);
  for (guint k = 1; k + 1 < n; k++)
    {
      const double *a = points[k - 1], *b = points[k], *c = points[k + 1];
      double in = hypot (b[0] - a[0], b[1] - a[1]);
      double out = hypot (c[0] - b[0], c[1] - b[1]);
      double r = MIN (CORNER_RADIUS, MIN (in, out) / 2);

      if (in <= 0 || out <= 0 || r <= 0)
        {
          cairo_line_to (cr, b[0], b[1]);
          continue;
        }
      /* To the corner less r, then a curve through the corner to r along the next. */
      cairo_line_to (cr, b[0] - (b[0] - a[0]) / in * r, b[1] - (b[1] - a[1]) / in * r);
      cairo_curve_to (cr, b[0], b[1], b[0], b[1],
                      b[0] + (c[0] - b[0]) / out * r, b[1] + (c[1] - b[1]) / out * r);
    }
  cairo_line_to (cr, points[n - 1][0], points[n - 1][1]);
}

static void
draw_connectors (cairo_t             *cr,
                 KsRelationMapLayout *self,
                 const Palette       *palette)
{
  cairo_save (cr);
  set_color (cr, &palette->line);
  cairo_set_line_width (cr, palette->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      const Node *node = &self->nodes[i];

      if (node->parent < 0)
        continue;

      if (node->n_route == 2)
        {
          double x0 = node->route[0][0], y0 = node->route[0][1];
          double x1 = node->route[1][0], y1 = node->route[1][1];
          double bend = MIN (fabs (y1 - y0) / 2, 40) * (y1 >= y0 ? 1 : -1);

          cairo_new_sub_path (cr);
          cairo_move_to (cr, x0, y0);
          cairo_curve_to (cr, x0, y0 + bend, x1, y1 - bend, x1, y1);
        }
      else
        {
          draw_rounded_polyline (cr, node->route, node->n_route);
        }
    }
  /* One stroke: where lines share a way, the shared part is no darker. */
  cairo_stroke (cr);

  cairo_restore (cr);
}

/* The left ACCENT_W of a box rounded by BOX_RADIUS: a path, not a clip, which would
 * cost a mask per box on an image surface. */
static void
accent_path (cairo_t                 *cr,
             const cairo_rectangle_t *box)
{
  double r = MIN (BOX_RADIUS, MIN (box->width, box->height) / 2);
  double a = MIN (ACCENT_W, r);
  double d = r - sqrt (r * r - (r - a) * (r - a));   /* where x + a meets the corners */
  double angle = acos ((r - a) / r);

  cairo_new_sub_path (cr);
  cairo_move_to (cr, box->x + a, box->y + box->height - d);
  cairo_line_to (cr, box->x + a, box->y + d);
  cairo_arc_negative (cr, box->x + r, box->y + r, r, G_PI + angle, G_PI);
  cairo_line_to (cr, box->x, box->y + box->height - r);
  cairo_arc_negative (cr, box->x + r, box->y + box->height - r, r, G_PI, G_PI - angle);
  cairo_close_path (cr);
}

static void
draw_box (cairo_t       *cr,
          const Node    *node,
          const Palette *palette)
{
  const KsChartColor *color = &palette->attitudes[node->attitude];
  double outline = influence_sizes[node->influence].outline + palette->outline_extra;
  cairo_rectangle_t inner = {
    node->box.x + outline / 2, node->box.y + outline / 2,
    node->box.width - outline, node->box.height - outline
  };

  /* Tint, the attitude's strip on the left, and the outline over both. */
  rounded_rectangle (cr, &node->box, BOX_RADIUS);
  set_color (cr, &palette->fills[node->attitude]);
  cairo_fill (cr);

  accent_path (cr, &node->box);
  set_color (cr, color);
  cairo_fill (cr);

  rounded_rectangle (cr, &inner, BOX_RADIUS - outline / 2);
  set_color (cr, color);
  cairo_set_line_width (cr, outline);
  cairo_stroke (cr);

  text_draw (cr, &node->name, &palette->base.foreground);
  if (node->title.layout != NULL)
    {
      KsChartColor secondary = flatten (&palette->base.secondary, &palette->fills[node->attitude]);

      text_draw (cr, &node->title, &secondary);
    }
}

static void
draw_legend (cairo_t             *cr,
             KsRelationMapLayout *self,
             const Palette       *palette)
{
  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);

      if (item->swatch >= KS_N_ATTITUDES)
        {
          KsInfluence influence = item->swatch - KS_N_ATTITUDES;
          double scale = influence_sizes[influence].swatch;
          double w = SWATCH_W * scale, h = SWATCH_H * scale;
          double outline = influence_sizes[influence].outline + palette->outline_extra;
          cairo_rectangle_t r = {
            item->swatch_x + (SWATCH_W * 1.3 - w) / 2 + outline / 2,
            item->swatch_y - h / 2 + outline / 2, w - outline, h - outline
          };

          rounded_rectangle (cr, &r, 2.5);
          set_color (cr, &palette->base.secondary);
          cairo_set_line_width (cr, outline);
          cairo_stroke (cr);
        }
      else if (item->swatch >= 0)
        {
          cairo_rectangle_t r = {
            item->swatch_x + (SWATCH_W * 1.3 - SWATCH_W) / 2, item->swatch_y - SWATCH_H / 2,
            SWATCH_W, SWATCH_H
          };

          rounded_rectangle (cr, &r, 2.5);
          set_color (cr, &palette->attitudes[item->swatch]);
          cairo_fill (cr);
        }

      text_draw (cr, &item->text, item->is_header ? &palette->base.foreground
                                                  : &palette->base.secondary);
    }
}

void
ks_relation_map_render (cairo_t             *cr,
                        KsRelationMapLayout *self,
                        KsChartStyleKind     style)
{
  Palette palette;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (self != NULL);

  palette_init (&palette, style);

  cairo_save (cr);

  set_color (cr, &palette.base.background);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  for (guint layer = 0; layer < KS_N_LAYERS; layer++)
    {
      const Band *band = &self->bands[layer];

      rounded_rectangle (cr, &band->rect, BAND_RADIUS);
      set_color (cr, &palette.band);
      cairo_fill (cr);
      text_draw (cr, &band->title, &palette.base.foreground);
      text_draw (cr, &band->empty, &palette.base.secondary);
    }

  draw_connectors (cr, self, &palette);
  for (guint i = 0; i < self->n_nodes; i++)
    draw_box (cr, &self->nodes[i], &palette);
  draw_legend (cr, self, &palette);

  cairo_restore (cr);
}

void
ks_relation_map_render_focus (cairo_t             *cr,
                              KsRelationMapLayout *self,
                              gint64               id,
                              KsChartStyleKind     style)
{
  KsChartStyle base;
  cairo_rectangle_t box;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (self != NULL);

  if (!ks_relation_map_layout_get_box (self, id, &box))
    return;

  ks_chart_style_init (&base, style);
  box.x -= 3;
  box.y -= 3;
  box.width += 6;
  box.height += 6;

  cairo_save (cr);
  rounded_rectangle (cr, &box, BOX_RADIUS + 3);
  set_color (cr, &base.focus);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Description */

static const char *
influence_phrase (KsInfluence influence)
{
  switch (influence)
    {
    case KS_INFLUENCE_HIGH:
      /* Translators: a contact's influence, in the relationship map's description */
      return C_("relation map", "high influence");
    case KS_INFLUENCE_LOW:
      /* Translators: a contact's influence, in the relationship map's description */
      return C_("relation map", "low influence");
    case KS_INFLUENCE_MEDIUM:
    case KS_N_INFLUENCES:
    default:
      /* Translators: a contact's influence, in the relationship map's description */
      return C_("relation map", "medium influence");
    }
}

static char *
describe_node (KsRelationMapLayout *self,
               const Node          *node)
{
  GString *out = g_string_new (node->contact->name);

  if (!is_blank (node->contact->title))
    /* Translators: between the parts of a contact's description: name, title,
     * attitude… */
    g_string_append_printf (out, _(", %s"), node->contact->title);
  g_string_append_printf (out, _(", %s"), ks_attitude_get_label (node->attitude));
  g_string_append_printf (out, _(", %s"), influence_phrase (node->influence));
  if (node->parent >= 0)
    /* Translators: in a contact's description; %s is the name of their manager */
    g_string_append_printf (out, _(", reports to %s"),
                            self->nodes[node->parent].contact->name);
  return g_string_free (out, FALSE);
}

char *
ks_relation_map_describe_contact (KsRelationMapLayout *self,
                                  gint64               id)
{
  int index;

  g_return_val_if_fail (self != NULL, NULL);

  index = lookup (self, id);
  return index >= 0 ? describe_node (self, &self->nodes[index]) : NULL;
}

char *
ks_relation_map_describe (KsRelationMapLayout *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out,
                          /* Translators: the start of the relationship map's description
                           * for screen readers */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Relationship map of %u contact, by layer and "
                                       "reports-to.",
                                       "Relationship map of %u contacts, by layer and "
                                       "reports-to.", self->n_nodes),
                          self->n_nodes);

  for (guint layer = 0; layer < KS_N_LAYERS; layer++)
    {
      guint count = 0;

      for (guint i = 0; i < self->n_nodes; i++)
        if (self->nodes[i].layer == layer)
          count++;

      g_string_append_c (out, '\n');
      if (count == 0)
        {
          /* Translators: a layer of contacts without anyone in it, in the relationship
           * map's description */
          g_string_append_printf (out, _("%s: none."), ks_contact_layer_get_label (layer));
          continue;
        }

      g_string_append_printf (out,
                              /* Translators: a layer and how many contacts are in it,
                               * followed by them */
                              g_dngettext (GETTEXT_PACKAGE, "%s, %u contact:",
                                           "%s, %u contacts:", count),
                              ks_contact_layer_get_label (layer), count);
      for (guint k = 0; k < self->n_nodes; k++)
        {
          const Node *node = &self->nodes[self->reading[k]];
          g_autofree char *line = NULL;

          if (node->layer != layer)
            continue;
          line = describe_node (self, node);
          g_string_append_c (out, ' ');
          /* Translators: one contact in the relationship map's description */
          g_string_append_printf (out, _("%s."), line);
        }
    }

  return g_string_free (out, FALSE);
}
