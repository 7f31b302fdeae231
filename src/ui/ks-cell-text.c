/* ks-cell-text.c — one line of text in a cell of a long list, cheap to make and measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkInscription, GTK's text for list cells, gives every cell a Pango context of its
 * own, and asks Pango for the font's sizes again each time it measures a cell: most of
 * what a screenful of two hundred cells costs to make and lay out. These cells lay
 * their text out in one context their list shares, and the font's sizes are asked for
 * once each time that context changes. They size their text as GtkInscription does;
 * the text is centred in the cell's height, and a text of several lines shows as one.
 *
 * A cell sharing its list's context has the list's font: a font, size or font feature
 * set in CSS for the cell alone does not reach it. A cell with a style of its own has a
 * context of its own; cells whose contexts hold the same font share its sizes, asked
 * for once.
 *
 * Laying a text out — breaking it, shaping it — is most of what drawing a new cell
 * costs, and a list shows the same few texts again and again: tiers, quadrants,
 * owners, scores. Cells that share their list's context share their layouts too, one
 * per text, width and alignment, made the first time a cell draws it. A shared layout
 * is never changed once made.
 */
#include "ks-cell-text.h"

#include <pango/pangocairo.h>

struct _KsCellText
{
  GtkWidget parent_instance;

  GtkWidget *font_source;    /* weak */
  char *text;
  PangoLayout *layout;       /* of the text, made or found when drawn; shared when the
                              * cell has a font source */
  guint context_serial;      /* what the layout was made for */
  int layout_width;
  PangoAlignment layout_alignment;
  float xalign;
  guint min_chars;
  guint nat_chars;
};

G_DEFINE_FINAL_TYPE (KsCellText, ks_cell_text, GTK_TYPE_WIDGET)

/* The sizes of a context's font, kept on the context. */
typedef struct
{
  guint serial;        /* the context's serial they were measured at; 0 for none */
  int char_width;      /* Pango units */
  int ascent;
  int descent;
} FontSizes;

static GQuark font_sizes_quark;

/* Fonts measured lately, for cells with contexts of their own: a list's tier pills, one
 * context each, all hold the same font. What GTK 4.8 sets on a widget's context is
 * compared; it sets no matrix or gravity. */
typedef struct
{
  PangoFontMap *font_map;
  guint font_map_serial;
  PangoFontDescription *font;
  PangoLanguage *language;
  double resolution;
  cairo_font_options_t *options;  /* NULL for none */
  gboolean round_positions;
  FontSizes sizes;
} KnownFont;

#define N_KNOWN_FONTS 4

/* The layouts the cells of a font source have drawn, "width alignment text" →
 * PangoLayout, kept on the source: a layout holds its context, and the context would
 * never be freed if it held them. Pango lays a layout out again when its context's
 * font changes. */
static GQuark shared_layouts_quark;

/* A screenful of a list shows about two hundred texts; a search shows others. Past this
 * many, the layouts kept are let go and made again as cells draw them. */
#define MAX_SHARED_LAYOUTS 2048

static KnownFont known_fonts[N_KNOWN_FONTS];
static guint next_known_font;

static gboolean
is_known_font (const KnownFont *known,
               PangoContext    *context)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  PangoFontMap *font_map = pango_context_get_font_map (context);

  return known->font != NULL &&
         known->font_map == font_map &&
         known->font_map_serial == pango_font_map_get_serial (font_map) &&
         known->language == pango_context_get_language (context) &&
         known->resolution == pango_cairo_context_get_resolution (context) &&
         known->round_positions == pango_context_get_round_glyph_positions (context) &&
         (known->options == NULL ? options == NULL
                                 : options != NULL && cairo_font_options_equal (known->options,
                                                                                 options)) &&
         pango_font_description_equal (known->font, pango_context_get_font_description (context));
}

static void
measure_font (PangoContext *context,
              FontSizes    *sizes)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

  sizes->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                           pango_font_metrics_get_approximate_digit_width (metrics));
  sizes->ascent = pango_font_metrics_get_ascent (metrics);
  sizes->descent = pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
}

/* The sizes of @context's font, measured or taken from a context with the same font. */
static void
measure_shared_font (PangoContext *context,
                     FontSizes    *sizes)
{
  const cairo_font_options_t *options;
  KnownFont *known;

  for (guint i = 0; i < N_KNOWN_FONTS; i++)
    if (is_known_font (&known_fonts[i], context))
      {
        *sizes = known_fonts[i].sizes;
        return;
      }

  measure_font (context, sizes);

  known = &known_fonts[next_known_font];
  next_known_font = (next_known_font + 1) % N_KNOWN_FONTS;
  g_clear_pointer (&known->font, pango_font_description_free);
  g_clear_pointer (&known->options, cairo_font_options_destroy);
  /* Held, so that another map made at the same address is not taken for it. */
  g_set_object (&known->font_map, pango_context_get_font_map (context));
  known->font_map_serial = pango_font_map_get_serial (known->font_map);
  known->font = pango_font_description_copy (pango_context_get_font_description (context));
  known->language = pango_context_get_language (context);
  known->resolution = pango_cairo_context_get_resolution (context);
  options = pango_cairo_context_get_font_options (context);
  known->options = options != NULL ? cairo_font_options_copy (options) : NULL;
  known->round_positions = pango_context_get_round_glyph_positions (context);
  known->sizes = *sizes;
}

static PangoContext *
get_context (KsCellText *self)
{
  return gtk_widget_get_pango_context (self->font_source != NULL ? self->font_source
                                                                 : GTK_WIDGET (self));
}

static const FontSizes *
get_font_sizes (KsCellText *self)
{
  PangoContext *context = get_context (self);
  FontSizes *sizes = g_object_get_qdata (G_OBJECT (context), font_sizes_quark);

  if (sizes == NULL)
    {
      sizes = g_new0 (FontSizes, 1);
      g_object_set_qdata_full (G_OBJECT (context), font_sizes_quark, sizes, g_free);
    }
  if (sizes->serial == 0 || sizes->serial != pango_context_get_serial (context))
    {
      if (self->font_source != NULL)
        measure_font (context, sizes);
      else
        measure_shared_font (context, sizes);
      sizes->serial = pango_context_get_serial (context);
    }
  return sizes;
}

static PangoAlignment
get_alignment (KsCellText *self)
{
  float xalign = self->xalign;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;
  return xalign < 0.33f ? PANGO_ALIGN_LEFT : xalign > 0.67f ? PANGO_ALIGN_RIGHT
                                                            : PANGO_ALIGN_CENTER;
}

static PangoLayout *
make_layout (PangoContext   *context,
             const char     *text,
             int             width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* The layout of @text that the cells of @source draw in its @context: found, or made
 * and kept. */
static PangoLayout *
get_shared_layout (GtkWidget      *source,
                   PangoContext   *context,
                   const char     *text,
                   int             width,
                   PangoAlignment  alignment)
{
  GHashTable *layouts = g_object_get_qdata (G_OBJECT (source), shared_layouts_quark);
  g_autofree char *key = g_strdup_printf ("%d %d %s", width, (int) alignment, text);
  PangoLayout *layout;

  if (layouts == NULL)
    {
      layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_qdata_full (G_OBJECT (source), shared_layouts_quark, layouts,
                               (GDestroyNotify) g_hash_table_unref);
    }

  layout = g_hash_table_lookup (layouts, key);
  if (layout == NULL)
    {
      if (g_hash_table_size (layouts) >= MAX_SHARED_LAYOUTS)
        g_hash_table_remove_all (layouts);
      layout = make_layout (context, text, width, alignment);
      g_hash_table_insert (layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

/* The layout of the cell's text at @width, made anew only when the text, the width,
 * the alignment or the font changed. */
static PangoLayout *
ensure_layout (KsCellText *self,
               int         width)
{
  PangoContext *context = get_context (self);
  PangoAlignment alignment = get_alignment (self);
  guint serial = pango_context_get_serial (context);

  if (self->layout != NULL && self->context_serial == serial &&
      self->layout_width == width && self->layout_alignment == alignment)
    return self->layout;

  g_clear_object (&self->layout);
  if (self->font_source != NULL)
    self->layout = g_object_ref (get_shared_layout (self->font_source, context, self->text,
                                                    width, alignment));
  else
    self->layout = make_layout (context, self->text, width, alignment);
  self->context_serial = serial;
  self->layout_width = width;
  self->layout_alignment = alignment;
  return self->layout;
}

static void
ks_cell_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  KsCellText *self = KS_CELL_TEXT (widget);
  const FontSizes *sizes = get_font_sizes (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL ((int) self->min_chars * sizes->char_width);
      *natural = PANGO_PIXELS_CEIL ((int) MAX (self->min_chars, self->nat_chars) *
                                    sizes->char_width);
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (sizes->ascent + sizes->descent);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (sizes->ascent);
    }
}

static void
ks_cell_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  KsCellText *self = KS_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int baseline;
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;
  float y;

  if (self->text == NULL || *self->text == '\0')
    return;

  /* gtk_widget_get_baseline() and gtk_widget_get_color() are GTK 4.12 and 4.10. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  baseline = gtk_widget_get_allocated_baseline (widget);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  layout = ensure_layout (self, width);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (baseline != -1)
    y = baseline - pango_layout_get_baseline (layout) / PANGO_SCALE;
  else
    y = MAX (floorf ((height - logical.height) * 0.5f), 0.f);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
ks_cell_text_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
  GTK_WIDGET_CLASS (ks_cell_text_parent_class)->direction_changed (widget, previous);
}

static void
ks_cell_text_dispose (GObject *object)
{
  KsCellText *self = KS_CELL_TEXT (object);

  g_clear_object (&self->layout);
  g_clear_weak_pointer (&self->font_source);
  G_OBJECT_CLASS (ks_cell_text_parent_class)->dispose (object);
}

static void
ks_cell_text_finalize (GObject *object)
{
  g_free (KS_CELL_TEXT (object)->text);
  G_OBJECT_CLASS (ks_cell_text_parent_class)->finalize (object);
}

static void
ks_cell_text_class_init (KsCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_cell_text_dispose;
  object_class->finalize = ks_cell_text_finalize;
  widget_class->measure = ks_cell_text_measure;
  widget_class->snapshot = ks_cell_text_snapshot;
  widget_class->direction_changed = ks_cell_text_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
  font_sizes_quark = g_quark_from_static_string ("ks-cell-text-font-sizes");
  shared_layouts_quark = g_quark_from_static_string ("ks-cell-text-shared-layouts");
}

static void
ks_cell_text_init (KsCellText *self)
{
}

GtkWidget *
ks_cell_text_new (GtkWidget *font_source)
{
  KsCellText *self;

  g_return_val_if_fail (font_source == NULL || GTK_IS_WIDGET (font_source), NULL);

  self = g_object_new (KS_TYPE_CELL_TEXT, NULL);
  g_set_weak_pointer (&self->font_source, font_source);
  return GTK_WIDGET (self);
}

void
ks_cell_text_set_text (KsCellText *self,
                       const char *text)
{
  g_return_if_fail (KS_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  /* The text takes no part in the size: drawing it again is enough. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

const char *
ks_cell_text_get_text (KsCellText *self)
{
  g_return_val_if_fail (KS_IS_CELL_TEXT (self), NULL);

  return self->text;
}

void
ks_cell_text_set_xalign (KsCellText *self,
                         float       xalign)
{
  g_return_if_fail (KS_IS_CELL_TEXT (self));

  xalign = CLAMP (xalign, 0.f, 1.f);
  if (self->xalign == xalign)
    return;
  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ks_cell_text_set_chars (KsCellText *self,
                        guint       min_chars,
                        guint       nat_chars)
{
  g_return_if_fail (KS_IS_CELL_TEXT (self));

  if (self->min_chars == min_chars && self->nat_chars == nat_chars)
    return;
  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
