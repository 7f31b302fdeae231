/* ks-document.c — printed documents: blocks laid out on pages, drawn with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two phases. Adding blocks only records them. Laying out (on the first question about
 * pages after a change) turns every text into PangoLayouts at its final width and
 * notes where each line is; pagination then cuts the flow into pieces — a row, a part
 * of a row between two lines, a figure — each with its place on a page. Drawing a page
 * draws its pieces line by line, never a clipped layout: a PDF would keep the clipped
 * text, and a text extractor would find it outside the page.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "ks-document.h"
#include "ks-error.h"

#define FONT_FAMILY KS_DOCUMENT_FONT_FAMILY

#define MM (72.0 / 25.4)
#define DEFAULT_MARGIN (18 * MM)

/* Between the header and the body, the body and the footer. */
#define HEADER_GAP 14.0
#define FOOTER_GAP 12.0
/* Lines are this many times their font's size apart. */
#define LINE_HEIGHT 1.45
/* Inside a table cell */
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0
/* A paragraph split over two pages leaves at least this many lines on the first. */
#define MIN_LINES_BEFORE_BREAK 2
/* A table starts on a page with at least this many rows (or groups) under its header,
 * and does not leave its last one alone on the next. */
#define MIN_ROWS_BEFORE_BREAK 2

typedef enum
{
  ROLE_TITLE,
  ROLE_SUBTITLE,
  ROLE_HEADING1,
  ROLE_HEADING2,
  ROLE_BODY,
  ROLE_NOTE,
  ROLE_TABLE,
  ROLE_TABLE_HEADER,
  ROLE_HEADER,
  N_ROLES
} Role;

static const struct
{
  double      size;      /* points */
  PangoWeight weight;
} role_fonts[N_ROLES] = {
  [ROLE_TITLE] = { 20, PANGO_WEIGHT_BOLD },
  [ROLE_SUBTITLE] = { 11, PANGO_WEIGHT_NORMAL },
  [ROLE_HEADING1] = { 14, PANGO_WEIGHT_BOLD },
  [ROLE_HEADING2] = { 11, PANGO_WEIGHT_BOLD },
  [ROLE_BODY] = { 9.5, PANGO_WEIGHT_NORMAL },
  [ROLE_NOTE] = { 8.5, PANGO_WEIGHT_NORMAL },
  [ROLE_TABLE] = { 8.5, PANGO_WEIGHT_NORMAL },
  [ROLE_TABLE_HEADER] = { 8.5, PANGO_WEIGHT_BOLD },
  [ROLE_HEADER] = { 8, PANGO_WEIGHT_NORMAL },
};

typedef struct
{
  double red, green, blue;
} Rgb;

static const Rgb ink = { 0.13, 0.13, 0.15 };
static const Rgb muted = { 0.40, 0.41, 0.44 };
static const Rgb accent = { 0.10, 0.33, 0.58 };
static const Rgb warning_red = { 0.74, 0.11, 0.13 };
static const Rgb good_green = { 0.13, 0.47, 0.23 };
static const Rgb rule_grey = { 0.82, 0.83, 0.85 };
static const Rgb header_rule = { 0.55, 0.56, 0.60 };
static const Rgb header_fill = { 0.925, 0.935, 0.95 };

/* ---- What was added ------------------------------------------------------------- */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_KEY_VALUES,
  BLOCK_TABLE,
  BLOCK_FIGURE,
  BLOCK_SPACING,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  guint    n_cells;          /* the table's n_columns */
  char   **cells;            /* NULL for empty */
  guint8  *styles;           /* KsDocumentStyle per cell */
  gboolean keep_with_next;
} RowSpec;

struct _KsDocumentTable
{
  KsDocument      *document;   /* the owner, not a reference */
  guint            n_columns;
  char           **headers;
  double          *widths;
  KsDocumentAlign *aligns;
  GPtrArray       *rows;       /* RowSpec * */
};

/* ---- What the layout makes of it ------------------------------------------------ */

typedef struct
{
  PangoLayoutLine *line;     /* owned by the cell's layout */
  double           top;      /* in the layout, points */
  double           bottom;
  double           baseline;
  double           x;        /* where the line starts, alignment included */
} Line;

typedef struct
{
  PangoLayout *layout;       /* NULL for an empty cell */
  GArray      *lines;        /* Line */
  double       x;            /* the text box's left edge on the page */
  double       height;
  Rgb          color;
} Cell;

typedef enum
{
  ROW_PLAIN,
  ROW_TITLE,                 /* a rule under it */
  ROW_HEADING1,              /* a thin rule under it */
  ROW_TABLE_HEADER,          /* shaded, a rule under it */
  ROW_TABLE,                 /* a hairline under it */
  ROW_KEY_VALUE,
} RowKind;

typedef struct
{
  RowKind  kind;
  Cell    *cells;
  guint    n_cells;
  double   pad_top;
  double   pad_bottom;
  double   text_height;      /* the tallest cell */
  gboolean splittable;       /* paragraphs: may break between any two lines */
  gboolean keep_with_next;
} Row;

typedef struct
{
  BlockKind        kind;
  guint            level;          /* headings */
  char            *text;           /* title, heading, paragraph, note */
  char            *subtitle;
  KsDocumentTable *table;          /* tables, key–value lists */
  double           width;          /* figures; spacing (height) */
  double           height;
  KsDocumentHeightFunc height_func;
  KsDocumentDrawFunc draw;
  gpointer         user_data;
  GDestroyNotify   destroy;

  /* laid out */
  Row             *header;         /* a table's header row, or NULL */
  GPtrArray       *rows;           /* Row * */
  double           figure_width;   /* as the draw function sees it */
  double           figure_height;
  double           figure_scale;   /* < 1 when scaled down to fit a page */
} Block;

/* A part of the flow on one page. */
typedef struct
{
  Block  *block;
  Row    *row;        /* NULL: the block's figure */
  double  from;       /* the row's lines whose tops are in [from, to) */
  double  to;
  double  y;          /* top on the page */
  double  height;
} Piece;

struct _KsDocument
{
  GObject               parent_instance;

  char                 *title;
  char                 *company_name;
  GDate                 date;
  double                width;
  double                height;
  double                margin_top;
  double                margin_right;
  double                margin_bottom;
  double                margin_left;
  GPtrArray            *blocks;         /* Block * */

  PangoContext         *context;
  PangoFontDescription *fonts[N_ROLES];

  /* laid out; valid while laid_out */
  gboolean              laid_out;
  GPtrArray            *pages;          /* GArray of Piece, per page */
  PangoLayout          *header_left;
  PangoLayout          *header_right;
  double                header_left_dy;   /* down to the common baseline */
  double                header_right_dy;
  double                header_height;
  double                footer_height;
  double                body_top;
  double                body_bottom;
};

G_DEFINE_FINAL_TYPE (KsDocument, ks_document, G_TYPE_OBJECT)

/* ---- Paper ---------------------------------------------------------------------- */

/* What LC_PAPER says, where the C library tells (glibc). */
static gboolean
locale_uses_letter (void)
{
#ifdef _NL_PAPER_WIDTH
  /* The values are numbers (millimetres) returned in the pointer. */
  union { const char *string; unsigned int word; } width, height;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  return width.word == 216 && height.word == 279;
#else
  return FALSE;
#endif
}

void
ks_document_paper_get_size (KsPaperSize  paper,
                            double      *width,
                            double      *height)
{
  gboolean letter;

  g_return_if_fail (width != NULL && height != NULL);

  if (paper == KS_PAPER_AUTO)
    letter = locale_uses_letter ();
  else
    letter = paper == KS_PAPER_LETTER;

  *width = letter ? KS_DOCUMENT_LETTER_WIDTH : KS_DOCUMENT_A4_WIDTH;
  *height = letter ? KS_DOCUMENT_LETTER_HEIGHT : KS_DOCUMENT_A4_HEIGHT;
}

/* ---- Blocks --------------------------------------------------------------------- */

/* @strings has @n entries, any of them NULL. */
static void
free_strings (char  **strings,
              guint   n)
{
  for (guint i = 0; i < n; i++)
    g_free (strings[i]);
  g_free (strings);
}

static void
row_spec_free (RowSpec *spec)
{
  free_strings (spec->cells, spec->n_cells);
  g_free (spec->styles);
  g_free (spec);
}

static KsDocumentTable *
table_new (KsDocument *document,
           guint       n_columns)
{
  KsDocumentTable *table = g_new0 (KsDocumentTable, 1);

  table->document = document;
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns);
  table->widths = g_new (double, n_columns);
  table->aligns = g_new0 (KsDocumentAlign, n_columns);
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] = 1;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_spec_free);

  return table;
}

static void
table_free (KsDocumentTable *table)
{
  free_strings (table->headers, table->n_columns);
  g_free (table->widths);
  g_free (table->aligns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
cell_clear (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->lines, g_array_unref);
}

static void
row_free (Row *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < row->n_cells; i++)
    cell_clear (&row->cells[i]);
  g_free (row->cells);
  g_free (row);
}

static void
block_clear_layout (Block *block)
{
  g_clear_pointer (&block->header, row_free);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
}

static void
block_free (Block *block)
{
  block_clear_layout (block);
  g_free (block->text);
  g_free (block->subtitle);
  g_clear_pointer (&block->table, table_free);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_free (block);
}

static void
invalidate (KsDocument *self)
{
  self->laid_out = FALSE;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

static Block *
add_block (KsDocument *self,
           BlockKind   kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  invalidate (self);

  return block;
}

/* ---- The object ----------------------------------------------------------------- */

/* The document's language is the UI's; Chinese must be zh-cn, or the Japanese forms of
 * Noto CJK win. */
static PangoLanguage *
document_language (void)
{
  const char * const *names = g_get_language_names ();
  PangoLanguage *language = pango_language_get_default ();

  if (g_str_has_prefix (pango_language_to_string (language), "zh") ||
      (names[0] != NULL && g_str_has_prefix (names[0], "zh")))
    return pango_language_from_string ("zh-cn");

  return language;
}

PangoFontMap *
ks_document_get_font_map (void)
{
  static PangoFontMap *font_map;

  if (g_once_init_enter (&font_map))
    g_once_init_leave (&font_map, pango_cairo_font_map_new ());
  return font_map;
}

static void
setup_fonts (KsDocument *self)
{
  cairo_font_options_t *options;

  self->context = pango_font_map_create_context (ks_document_get_font_map ());
  pango_context_set_language (self->context, document_language ());
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Unhinted metrics: the same lines on paper, in the PDF and in a preview. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  /* One unit is one point. */
  pango_cairo_context_set_resolution (self->context, 72);

  for (guint i = 0; i < N_ROLES; i++)
    {
      PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

      pango_font_description_set_size (font, (int) round (role_fonts[i].size * PANGO_SCALE));
      pango_font_description_set_weight (font, role_fonts[i].weight);
      self->fonts[i] = font;
    }
  pango_context_set_font_description (self->context, self->fonts[ROLE_BODY]);
}

static void
ks_document_finalize (GObject *object)
{
  KsDocument *self = KS_DOCUMENT (object);

  invalidate (self);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->header_left);
  g_clear_object (&self->header_right);
  for (guint i = 0; i < N_ROLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->company_name, g_free);

  G_OBJECT_CLASS (ks_document_parent_class)->finalize (object);
}

static void
ks_document_class_init (KsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ks_document_finalize;
}

static void
ks_document_init (KsDocument *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->title = g_strdup ("");
  self->company_name = g_strdup ("");
  g_date_clear (&self->date, 1);
  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  self->width = KS_DOCUMENT_A4_WIDTH;
  self->height = KS_DOCUMENT_A4_HEIGHT;
  self->margin_top = self->margin_right = self->margin_bottom = self->margin_left =
    DEFAULT_MARGIN;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  setup_fonts (self);
}

KsDocument *
ks_document_new (const char *title)
{
  KsDocument *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (KS_TYPE_DOCUMENT, NULL);
  g_free (self->title);
  self->title = g_utf8_make_valid (title, -1);
  return self;
}

KsDocument *
ks_document_new_for_store (KsStore    *store,
                           const char *title)
{
  KsDocument *self;
  double width, height;
  GDate today;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = ks_document_new (title);
  ks_document_paper_get_size (ks_store_get_paper_size (store), &width, &height);
  ks_document_set_page_size (self, width, height);
  ks_document_set_company_name (self, ks_store_get_company_name (store));
  ks_store_get_today (store, &today);
  ks_document_set_date (self, &today);

  return self;
}

PangoContext *
ks_document_new_chart_context (double points)
{
  PangoContext *context;
  PangoFontDescription *font;

  g_return_val_if_fail (points > 0, NULL);

  context = pango_font_map_create_context (ks_document_get_font_map ());
  font = pango_font_description_from_string (FONT_FAMILY);
  pango_font_description_set_size (font, (int) round (points * PANGO_SCALE));
  pango_context_set_font_description (context, font);
  pango_font_description_free (font);
  /* as the document lays its text out */
  pango_context_set_language (context, document_language ());
  return context;
}

const char *
ks_document_get_title (KsDocument *self)
{
  g_return_val_if_fail (KS_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
ks_document_set_page_size (KsDocument *self,
                           double      width,
                           double      height)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (width > 0 && height > 0);

  if (self->width == width && self->height == height)
    return;
  self->width = width;
  self->height = height;
  invalidate (self);
}

void
ks_document_get_page_size (KsDocument *self,
                           double     *width,
                           double     *height)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

void
ks_document_set_margins (KsDocument *self,
                         double      top,
                         double      right,
                         double      bottom,
                         double      left)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
  invalidate (self);
}

void
ks_document_get_margins (KsDocument *self,
                         double     *top,
                         double     *right,
                         double     *bottom,
                         double     *left)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));

  if (top != NULL)
    *top = self->margin_top;
  if (right != NULL)
    *right = self->margin_right;
  if (bottom != NULL)
    *bottom = self->margin_bottom;
  if (left != NULL)
    *left = self->margin_left;
}

void
ks_document_set_company_name (KsDocument *self,
                              const char *name)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));

  g_free (self->company_name);
  self->company_name = g_utf8_make_valid (name != NULL ? name : "", -1);
  invalidate (self);
}

void
ks_document_set_date (KsDocument  *self,
                      const GDate *date)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->date = *date;
  invalidate (self);
}

double
ks_document_get_content_width (KsDocument *self)
{
  g_return_val_if_fail (KS_IS_DOCUMENT (self), 0);

  return MAX (1.0, self->width - self->margin_left - self->margin_right);
}

/* ---- Adding content ------------------------------------------------------------- */

void
ks_document_add_title (KsDocument *self,
                       const char *title,
                       const char *subtitle)
{
  Block *block;

  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (title != NULL);

  block = add_block (self, BLOCK_TITLE);
  block->text = g_strdup (title);
  block->subtitle = g_strdup (subtitle);
}

void
ks_document_add_heading (KsDocument *self,
                         guint       level,
                         const char *text)
{
  Block *block;

  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (level == 1 || level == 2);
  g_return_if_fail (text != NULL);

  block = add_block (self, BLOCK_HEADING);
  block->level = level;
  block->text = g_strdup (text);
}

void
ks_document_add_paragraph (KsDocument *self,
                           const char *text)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, BLOCK_PARAGRAPH)->text = g_strdup (text);
}

void
ks_document_add_note (KsDocument *self,
                      const char *text)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, BLOCK_NOTE)->text = g_strdup (text);
}

void
ks_document_add_key_value (KsDocument      *self,
                           const char      *key,
                           const char      *value,
                           KsDocumentStyle  style)
{
  Block *block = NULL;
  const char *cells[2] = { key, value };
  guint row;

  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail ((guint) style < KS_N_DOCUMENT_STYLES);

  if (self->blocks->len > 0)
    block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  if (block == NULL || block->kind != BLOCK_KEY_VALUES)
    {
      block = add_block (self, BLOCK_KEY_VALUES);
      block->table = table_new (self, 2);
      block->table->widths[0] = 32;
      block->table->widths[1] = 68;
    }

  row = ks_document_table_add_row (block->table, cells);
  ks_document_table_set_cell_style (block->table, row, 1, style);
}

void
ks_document_add_spacing (KsDocument *self,
                         double      points)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (points >= 0);

  add_block (self, BLOCK_SPACING)->height = points;
}

void
ks_document_add_page_break (KsDocument *self)
{
  g_return_if_fail (KS_IS_DOCUMENT (self));

  add_block (self, BLOCK_PAGE_BREAK);
}

void
ks_document_add_figure (KsDocument         *self,
                        double              width,
                        double              height,
                        KsDocumentDrawFunc  draw,
                        gpointer            user_data,
                        GDestroyNotify      destroy)
{
  Block *block;

  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (height >= 0);
  g_return_if_fail (draw != NULL);

  block = add_block (self, BLOCK_FIGURE);
  block->width = width;
  block->height = height;
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
}

void
ks_document_add_figure_for_width (KsDocument           *self,
                                  KsDocumentHeightFunc  height_func,
                                  KsDocumentDrawFunc    draw,
                                  gpointer              user_data,
                                  GDestroyNotify        destroy)
{
  Block *block;

  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (height_func != NULL);
  g_return_if_fail (draw != NULL);

  block = add_block (self, BLOCK_FIGURE);
  block->height_func = height_func;
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
}

KsDocumentTable *
ks_document_add_table (KsDocument *self,
                       guint       n_columns)
{
  Block *block;

  g_return_val_if_fail (KS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_columns >= 1, NULL);

  block = add_block (self, BLOCK_TABLE);
  block->table = table_new (self, n_columns);
  return block->table;
}

void
ks_document_table_set_column (KsDocumentTable *table,
                              guint            column,
                              const char      *header,
                              double           width,
                              KsDocumentAlign  align)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (width > 0);

  g_free (table->headers[column]);
  table->headers[column] = g_strdup (header);
  table->widths[column] = width;
  table->aligns[column] = align;
  invalidate (table->document);
}

guint
ks_document_table_add_row (KsDocumentTable    *table,
                           const char * const *cells)
{
  RowSpec *spec;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (cells != NULL, 0);

  spec = g_new0 (RowSpec, 1);
  spec->n_cells = table->n_columns;
  spec->cells = g_new0 (char *, table->n_columns);
  spec->styles = g_new0 (guint8, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    spec->cells[i] = g_strdup (cells[i]);
  g_ptr_array_add (table->rows, spec);
  invalidate (table->document);

  return table->rows->len - 1;
}

void
ks_document_table_set_cell_style (KsDocumentTable *table,
                                  guint            row,
                                  guint            column,
                                  KsDocumentStyle  style)
{
  RowSpec *spec;

  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->rows->len);
  g_return_if_fail (column < table->n_columns);
  g_return_if_fail ((guint) style < KS_N_DOCUMENT_STYLES);

  spec = g_ptr_array_index (table->rows, row);
  spec->styles[column] = style;
  invalidate (table->document);
}

void
ks_document_table_set_row_style (KsDocumentTable *table,
                                 guint            row,
                                 KsDocumentStyle  style)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->rows->len);

  for (guint i = 0; i < table->n_columns; i++)
    ks_document_table_set_cell_style (table, row, i, style);
}

void
ks_document_table_keep_with_next (KsDocumentTable *table,
                                  guint            row)
{
  RowSpec *spec;

  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->rows->len);

  spec = g_ptr_array_index (table->rows, row);
  spec->keep_with_next = TRUE;
  invalidate (table->document);
}

guint
ks_document_table_get_n_rows (KsDocumentTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

/* ---- Laying out text ------------------------------------------------------------ */

static double
content_left (KsDocument *self)
{
  return self->margin_left;
}

static PangoLayout *
new_text_layout (KsDocument      *self,
                 const char      *text,
                 Role             role,
                 gboolean         bold,
                 double           width,
                 PangoAlignment   alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (bold && role_fonts[role].weight != PANGO_WEIGHT_BOLD)
    {
      PangoFontDescription *font = pango_font_description_copy (self->fonts[role]);

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  else
    {
      pango_layout_set_font_description (layout, self->fonts[role]);
    }
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  /* Words wrap, and a word longer than the line (a URL, a code) breaks anywhere. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, valid, -1);
  {
    /* Every line of a role as tall, in any script: a row with Chinese in one cell is
     * not taller than one in English (the CJK face has a taller ascent). */
    PangoAttrList *attrs = pango_attr_list_new ();

    pango_attr_list_insert (attrs, pango_attr_line_height_new_absolute (
                              (int) round (role_fonts[role].size * LINE_HEIGHT * PANGO_SCALE)));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }

  return layout;
}

static PangoAlignment
to_pango_alignment (KsDocumentAlign align)
{
  switch (align)
    {
    case KS_DOCUMENT_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case KS_DOCUMENT_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case KS_DOCUMENT_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

static Rgb
style_color (KsDocumentStyle style,
             Rgb             normal)
{
  switch (style)
    {
    case KS_DOCUMENT_STYLE_MUTED:
      return muted;
    case KS_DOCUMENT_STYLE_WARNING:
      return warning_red;
    case KS_DOCUMENT_STYLE_GOOD:
      return good_green;
    case KS_DOCUMENT_STYLE_NORMAL:
    case KS_DOCUMENT_STYLE_STRONG:
    case KS_N_DOCUMENT_STYLES:
    default:
      return normal;
    }
}

/* Lays @text out in a box @width wide at @x and notes where its lines are. */
static void
cell_init (KsDocument      *self,
           Cell            *cell,
           const char      *text,
           Role             role,
           KsDocumentStyle  style,
           Rgb              color,
           double           x,
           double           width,
           KsDocumentAlign  align)
{
  PangoLayoutIter *iter;
  gboolean bold = style == KS_DOCUMENT_STYLE_STRONG || style == KS_DOCUMENT_STYLE_WARNING;

  memset (cell, 0, sizeof *cell);
  cell->x = x;
  cell->color = style_color (style, color);
  cell->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  if (text == NULL || *text == '\0')
    return;

  cell->layout = new_text_layout (self, text, role, bold, width, to_pango_alignment (align));
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      PangoLayoutLine *layout_line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical, own;
      int top, bottom;
      Line line;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_line_get_extents (layout_line, NULL, &own);
      line.line = layout_line;
      line.top = pango_units_to_double (top);
      line.bottom = pango_units_to_double (bottom);
      line.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      line.x = pango_units_to_double (logical.x - own.x);
      g_array_append_val (cell->lines, line);
      cell->height = MAX (cell->height, line.bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static Row *
row_new (RowKind kind,
         guint   n_cells)
{
  Row *row = g_new0 (Row, 1);

  row->kind = kind;
  row->n_cells = n_cells;
  row->cells = g_new0 (Cell, n_cells);
  return row;
}

/* Moves the lines of @cell down by @dy. */
static void
cell_shift (Cell   *cell,
            double  dy)
{
  for (guint i = 0; i < cell->lines->len; i++)
    {
      Line *line = &g_array_index (cell->lines, Line, i);

      line->top += dy;
      line->bottom += dy;
      line->baseline += dy;
    }
  cell->height += dy;
}

static void
row_finish (Row    *row,
            double  empty_height)
{
  double baseline = 0;

  /* The first lines of all cells on one baseline: a cell in Chinese has taller lines
   * than one in English. */
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].lines->len > 0)
      baseline = MAX (baseline, g_array_index (row->cells[i].lines, Line, 0).baseline);
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].lines->len > 0)
      cell_shift (&row->cells[i],
                  baseline - g_array_index (row->cells[i].lines, Line, 0).baseline);

  for (guint i = 0; i < row->n_cells; i++)
    row->text_height = MAX (row->text_height, row->cells[i].height);
  /* A row of empty cells still shows as a line. */
  if (row->text_height <= 0)
    row->text_height = empty_height;
}

static double
row_height (const Row *row)
{
  return row->pad_top + row->text_height + row->pad_bottom;
}

/* One text across the content width. */
static Row *
text_row (KsDocument *self,
          RowKind     kind,
          const char *text,
          Role        role,
          Rgb         color)
{
  Row *row = row_new (kind, 1);

  cell_init (self, &row->cells[0], text, role, KS_DOCUMENT_STYLE_NORMAL, color,
             content_left (self), ks_document_get_content_width (self),
             KS_DOCUMENT_ALIGN_START);
  row_finish (row, role_fonts[role].size * 1.3);
  return row;
}

/* The table's columns: their left edges and widths. */
static void
table_columns (KsDocument      *self,
               KsDocumentTable *table,
               double          *x,
               double          *widths)
{
  double total = 0;
  double left = content_left (self);
  double content = ks_document_get_content_width (self);

  for (guint i = 0; i < table->n_columns; i++)
    total += table->widths[i];
  for (guint i = 0; i < table->n_columns; i++)
    {
      x[i] = left;
      widths[i] = content * table->widths[i] / total;
      left += widths[i];
    }
}

static Row *
table_row (KsDocument      *self,
           KsDocumentTable *table,
           RowKind          kind,
           char           **cells,
           const guint8    *styles,
           const double    *x,
           const double    *widths)
{
  Row *row = row_new (kind, table->n_columns);
  gboolean key_value = kind == ROW_KEY_VALUE;
  Role role = kind == ROW_TABLE_HEADER ? ROLE_TABLE_HEADER
              : key_value ? ROLE_BODY : ROLE_TABLE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      /* a key–value list's keys are grey, its first column flush with the text */
      double pad = key_value ? (i == 0 ? 0 : CELL_PAD_X) : CELL_PAD_X;
      Rgb color = key_value && i == 0 ? muted : ink;

      cell_init (self, &row->cells[i], cells[i], role,
                 styles != NULL ? styles[i] : KS_DOCUMENT_STYLE_NORMAL, color,
                 x[i] + pad, widths[i] - pad - CELL_PAD_X,
                 key_value ? KS_DOCUMENT_ALIGN_START : table->aligns[i]);
    }
  row->pad_top = row->pad_bottom = key_value ? 1.5 : CELL_PAD_Y;
  row_finish (row, role_fonts[role].size * 1.3);
  return row;
}

static void
layout_block (KsDocument *self,
              Block      *block,
              double      body_height)
{
  Row *row;

  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  switch (block->kind)
    {
    case BLOCK_TITLE:
      row = text_row (self, block->subtitle != NULL ? ROW_PLAIN : ROW_TITLE, block->text,
                      ROLE_TITLE, ink);
      row->keep_with_next = TRUE;
      g_ptr_array_add (block->rows, row);
      if (block->subtitle != NULL)
        {
          row = text_row (self, ROW_TITLE, block->subtitle, ROLE_SUBTITLE, muted);
          row->pad_top = 3;
          g_ptr_array_add (block->rows, row);
        }
      row->pad_bottom = 8;
      break;

    case BLOCK_HEADING:
      if (block->level == 1)
        {
          row = text_row (self, ROW_HEADING1, block->text, ROLE_HEADING1, accent);
          row->pad_bottom = 4;
        }
      else
        {
          row = text_row (self, ROW_PLAIN, block->text, ROLE_HEADING2, ink);
        }
      g_ptr_array_add (block->rows, row);
      break;

    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      row = text_row (self, ROW_PLAIN, block->text,
                      block->kind == BLOCK_NOTE ? ROLE_NOTE : ROLE_BODY,
                      block->kind == BLOCK_NOTE ? muted : ink);
      row->splittable = TRUE;
      g_ptr_array_add (block->rows, row);
      break;

    case BLOCK_KEY_VALUES:
    case BLOCK_TABLE:
      {
        KsDocumentTable *table = block->table;
        g_autofree double *x = g_new (double, table->n_columns);
        g_autofree double *widths = g_new (double, table->n_columns);
        RowKind kind = block->kind == BLOCK_TABLE ? ROW_TABLE : ROW_KEY_VALUE;
        gboolean has_header = FALSE;

        table_columns (self, table, x, widths);
        for (guint i = 0; i < table->n_columns; i++)
          has_header |= table->headers[i] != NULL;
        if (has_header && kind == ROW_TABLE)
          block->header = table_row (self, table, ROW_TABLE_HEADER, table->headers, NULL, x,
                                     widths);

        for (guint r = 0; r < table->rows->len; r++)
          {
            RowSpec *spec = g_ptr_array_index (table->rows, r);

            row = table_row (self, table, kind, spec->cells, spec->styles, x, widths);
            row->keep_with_next = spec->keep_with_next;
            g_ptr_array_add (block->rows, row);
          }
      }
      break;

    case BLOCK_FIGURE:
      {
        double content = ks_document_get_content_width (self);
        double width = block->width <= 0 || block->width > content ? content : block->width;
        double height = block->height_func != NULL
                        ? block->height_func (width, block->user_data) : block->height;

        block->figure_width = width;
        block->figure_height = MAX (height, 0);
        block->figure_scale = 1;
        if (block->figure_height > body_height)
          block->figure_scale = body_height / block->figure_height;
      }
      break;

    case BLOCK_SPACING:
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/* ---- Pagination ----------------------------------------------------------------- */

static double
space_before (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return block->level == 1 ? 18 : 10;
    case BLOCK_TABLE:
    case BLOCK_FIGURE:
      return 4;
    case BLOCK_TITLE:
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
    case BLOCK_KEY_VALUES:
    case BLOCK_SPACING:
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static double
space_after (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      return 10;
    case BLOCK_HEADING:
      return block->level == 1 ? 8 : 5;
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      return 6;
    case BLOCK_KEY_VALUES:
      return 8;
    case BLOCK_TABLE:
    case BLOCK_FIGURE:
      return 10;
    case BLOCK_SPACING:
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static double
figure_drawn_height (const Block *block)
{
  return block->figure_height * block->figure_scale;
}

/* The index after the last row kept with row @index. */
static guint
row_group_end (const Block *block,
               guint        index)
{
  guint r = index;

  while (r < block->rows->len
         && ((Row *) g_ptr_array_index (block->rows, r))->keep_with_next)
    r++;
  return MIN (r + 1, block->rows->len);
}

/* Row @index and the rows it is kept with. */
static double
row_group_height (const Block *block,
                  guint        index)
{
  double height = 0;

  for (guint r = index; r < row_group_end (block, index); r++)
    height += row_height (g_ptr_array_index (block->rows, r));
  return height;
}

/* A table's first rows: a page break does not leave its header with one row alone. */
static double
table_lead_height (const Block *block)
{
  double height = block->header != NULL ? row_height (block->header) : 0;
  guint r = 0;

  for (guint groups = 0; groups < MIN_ROWS_BEFORE_BREAK && r < block->rows->len; groups++)
    {
      height += row_group_height (block, r);
      r = row_group_end (block, r);
    }
  return height;
}

/* The first lines of a row that may split: what must fit before it starts. */
static double
row_lead_height (const Row *row)
{
  const Cell *cell = &row->cells[0];
  guint n = cell->lines->len;

  if (!row->splittable || n <= MIN_LINES_BEFORE_BREAK)
    return row_height (row);
  return row->pad_top + g_array_index (cell->lines, Line, MIN_LINES_BEFORE_BREAK - 1).bottom;
}

/* What of block @index must be on the page it starts on: a heading with the start of
 * what follows it, a table's header with its first row, a figure whole. */
static double
block_lead_height (KsDocument *self,
                   guint       index)
{
  Block *block = g_ptr_array_index (self->blocks, index);
  double height = 0;

  switch (block->kind)
    {
    case BLOCK_TITLE:
    case BLOCK_HEADING:
      for (guint r = 0; r < block->rows->len; r++)
        height += row_height (g_ptr_array_index (block->rows, r));
      if (index + 1 < self->blocks->len)
        height += space_after (block)
                  + space_before (g_ptr_array_index (self->blocks, index + 1))
                  + block_lead_height (self, index + 1);
      return height;

    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      return row_lead_height (g_ptr_array_index (block->rows, 0));

    case BLOCK_KEY_VALUES:
    case BLOCK_TABLE:
      return table_lead_height (block);

    case BLOCK_FIGURE:
      return figure_drawn_height (block);

    case BLOCK_SPACING:
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

typedef struct
{
  KsDocument *self;
  GArray     *page;    /* the current page's pieces */
  double      y;
  gboolean    fresh;   /* nothing on the current page yet */
  gboolean    headings_only;  /* nothing but a title or headings on it */
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->self->body_top;
  flow->fresh = TRUE;
  flow->headings_only = TRUE;
}

static void
flow_place (Flow   *flow,
            Block  *block,
            Row    *row,
            double  from,
            double  to,
            double  height)
{
  Piece piece = { block, row, from, to, flow->y, height };

  g_array_append_val (flow->page, piece);
  flow->y += height;
  flow->fresh = FALSE;
  flow->headings_only &= block->kind == BLOCK_HEADING || block->kind == BLOCK_TITLE;
}

/* Where to cut @row so that the lines from @from fit in @space: the top of the first
 * line (of any cell) that would cross the limit, or G_MAXDOUBLE when the rest fits.
 * @piece_height receives the height of the lines above the cut. */
static double
row_cut (const Row *row,
         double     from,
         double     space,
         double    *piece_height)
{
  double limit = from + space;
  double to = G_MAXDOUBLE;

  for (guint c = 0; c < row->n_cells; c++)
    {
      const GArray *lines = row->cells[c].lines;

      for (guint i = 0; i < lines->len; i++)
        {
          const Line *line = &g_array_index (lines, Line, i);

          if (line->top < from)
            continue;
          if (line->bottom > limit)
            {
              to = MIN (to, line->top);
              break;
            }
        }
    }

  *piece_height = 0;
  for (guint c = 0; c < row->n_cells; c++)
    {
      const GArray *lines = row->cells[c].lines;

      for (guint i = 0; i < lines->len; i++)
        {
          const Line *line = &g_array_index (lines, Line, i);

          if (line->top >= from && line->top < to)
            *piece_height = MAX (*piece_height, line->bottom - from);
        }
    }

  return to;
}

/* A line taller than a whole page cannot be; should one come, it is placed alone. */
static double
row_force_cut (const Row *row,
               double     from,
               double    *piece_height)
{
  double to = G_MAXDOUBLE;

  for (guint c = 0; c < row->n_cells; c++)
    {
      const GArray *lines = row->cells[c].lines;

      for (guint i = 0; i < lines->len; i++)
        if (g_array_index (lines, Line, i).top >= from)
          {
            to = MIN (to, g_array_index (lines, Line, i).bottom);
            break;
          }
    }
  return row_cut (row, from, (to == G_MAXDOUBLE ? row->text_height : to) - from + 0.01,
                  piece_height);
}

/* Places @block's header row on a page where the block has no row yet. */
static void
flow_header (Flow  *flow,
             Block *block)
{
  if (block->header != NULL)
    flow_place (flow, block, block->header, 0, G_MAXDOUBLE, row_height (block->header));
}

/* Splits @row from @from on: as much as fits on each page, the header repeated. */
/* @alone: the page holds nothing but this block's header, or nothing. */
static void
flow_split_row (Flow     *flow,
                Block    *block,
                Row      *row,
                gboolean  alone)
{
  KsDocument *self = flow->self;
  double from = 0;

  for (;;)
    {
      double space = self->body_bottom - flow->y - row->pad_top - row->pad_bottom;
      double piece_height;
      double to = row_cut (row, from, space, &piece_height);

      if (to <= from && !alone)
        {
          flow_new_page (flow);
          flow_header (flow, block);
          alone = TRUE;
          continue;
        }
      if (to <= from)
        to = row_force_cut (row, from, &piece_height);

      flow_place (flow, block, row, from, to, row->pad_top + piece_height + row->pad_bottom);
      if (to == G_MAXDOUBLE)
        return;

      flow_new_page (flow);
      flow_header (flow, block);
      alone = TRUE;
      from = to;
    }
}

static void
flow_rows (Flow  *flow,
           Block *block)
{
  KsDocument *self = flow->self;
  double header = block->header != NULL ? row_height (block->header) : 0;
  double body = self->body_bottom - self->body_top;
  gboolean header_here = FALSE;
  /* groups of rows of this block started on the current page */
  guint groups_here = 0;

  for (guint r = 0; r < block->rows->len; r++)
    {
      Row *row = g_ptr_array_index (block->rows, r);
      double height = row_height (row);
      double lead = row->splittable ? row_lead_height (row) : row_group_height (block, r);
      gboolean group_start = r == 0
                             || !((Row *) g_ptr_array_index (block->rows, r - 1))->keep_with_next;
      /* the page holds nothing but this block's header, or nothing at all */
      gboolean alone;

      /* A group taller than a page is kept together only as far as a page allows. */
      lead = MIN (lead, body - header);
      if (!flow->fresh && flow->y + (header_here ? 0 : header) + lead > self->body_bottom)
        {
          flow_new_page (flow);
          header_here = FALSE;
          groups_here = 0;
        }

      /* The last group does not go to the next page alone: the one before goes with it,
       * when this page keeps enough. */
      if (group_start && !row->splittable && groups_here >= MIN_ROWS_BEFORE_BREAK)
        {
          guint next = row_group_end (block, r);

          if (next < block->rows->len && row_group_end (block, next) == block->rows->len)
            {
              double both = lead + row_group_height (block, next);

              if (flow->y + both > self->body_bottom && both <= body - header)
                {
                  flow_new_page (flow);
                  header_here = FALSE;
                  groups_here = 0;
                }
            }
        }

      alone = flow->fresh;
      if (!header_here)
        {
          flow_header (flow, block);
          header_here = TRUE;
        }

      if (flow->y + height <= self->body_bottom)
        {
          flow_place (flow, block, row, 0, G_MAXDOUBLE, height);
          groups_here += group_start;
          continue;
        }

      /* A table row moves to the next page whole, unless it is taller than a page. */
      if (!row->splittable && !alone && height <= body - header)
        {
          flow_new_page (flow);
          flow_header (flow, block);
          flow_place (flow, block, row, 0, G_MAXDOUBLE, height);
          groups_here = 1;
          continue;
        }

      flow_split_row (flow, block, row, alone);
      groups_here = 1;
    }
}

/* A figure goes whole on one page: on this one if it fits, else on the next. One that
 * does not fit even there is scaled down; so is one that follows its heading at the top
 * of a page, rather than leave the heading alone. */
static void
flow_figure (Flow  *flow,
             Block *block)
{
  KsDocument *self = flow->self;
  double body = self->body_bottom - self->body_top;
  double space = self->body_bottom - flow->y;

  if (block->figure_height <= 0)
    return;

  if (figure_drawn_height (block) > space)
    {
      gboolean under_heading = !flow->fresh && flow->headings_only && space >= body / 2;

      if (!flow->fresh && !under_heading)
        {
          flow_new_page (flow);
          space = body;
        }
      if (figure_drawn_height (block) > space)
        block->figure_scale = space / block->figure_height;
    }

  flow_place (flow, block, NULL, 0, 0, figure_drawn_height (block));
}

static void
measure_page_furniture (KsDocument *self)
{
  double content = ks_document_get_content_width (self);
  g_autofree char *date = NULL;
  g_autofree char *right = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  int left_height = 0, right_height = 0, footer_height = 0;
  double gap = 18;

  time = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                g_date_get_day (&self->date), 12, 0, 0);
  /* Translators: the date in a document's header, a g_date_time_format() format: “14 May
   * 2026”. In Chinese “%Y年%-m月%-d日” */
  date = g_date_time_format (time, _("%-d %B %Y"));
  if (date == NULL)
    date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&self->date),
                            g_date_get_month (&self->date), g_date_get_day (&self->date));
  if (*self->title != '\0')
    /* Translators: a document's header: its title, then the date */
    right = g_strdup_printf (_("%1$s · %2$s"), self->title, date);
  else
    right = g_strdup (date);

  /* The company name on the left, at most half the width, the rest on the right. */
  g_clear_object (&self->header_left);
  g_clear_object (&self->header_right);
  if (*self->company_name != '\0')
    {
      self->header_left = new_text_layout (self, self->company_name, ROLE_HEADER, TRUE,
                                           (content - gap) * 0.45, PANGO_ALIGN_LEFT);
      pango_layout_get_size (self->header_left, NULL, &left_height);
    }
  self->header_right = new_text_layout (self, right, ROLE_HEADER, FALSE,
                                        self->header_left != NULL ? (content - gap) * 0.55
                                                                  : content,
                                        PANGO_ALIGN_RIGHT);
  pango_layout_get_size (self->header_right, NULL, &right_height);
  /* both sides on one baseline */
  self->header_left_dy = self->header_right_dy = 0;
  if (self->header_left != NULL)
    {
      double left_base = pango_units_to_double (pango_layout_get_baseline (self->header_left));
      double right_base = pango_units_to_double (pango_layout_get_baseline (self->header_right));

      if (left_base < right_base)
        self->header_left_dy = right_base - left_base;
      else
        self->header_right_dy = left_base - right_base;
    }
  self->header_height = MAX (pango_units_to_double (left_height) + self->header_left_dy,
                             pango_units_to_double (right_height) + self->header_right_dy);

  footer = new_text_layout (self, "0", ROLE_HEADER, FALSE, content, PANGO_ALIGN_RIGHT);
  pango_layout_get_size (footer, NULL, &footer_height);
  self->footer_height = pango_units_to_double (footer_height);

  self->body_top = self->margin_top + self->header_height + HEADER_GAP;
  self->body_bottom = self->height - self->margin_bottom - self->footer_height - FOOTER_GAP;
  /* Margins too large for the page leave one line of body at least. */
  if (self->body_bottom < self->body_top + 36)
    self->body_bottom = self->body_top + 36;
}

static void
ensure_laid_out (KsDocument *self)
{
  Flow flow = { self, NULL, 0, TRUE, TRUE };
  double body;

  if (self->laid_out)
    return;

  measure_page_furniture (self);
  body = self->body_bottom - self->body_top;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      block_clear_layout (block);
      layout_block (self, block, body);
    }

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  flow_new_page (&flow);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double gap;
      double lead;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (!flow.fresh)
            flow_new_page (&flow);
          continue;
        }
      if (block->kind == BLOCK_SPACING)
        {
          if (!flow.fresh)
            flow.y += block->height;
          continue;
        }

      gap = flow.fresh ? 0 : space_before (block);
      /* a figure finds its place itself */
      lead = block->kind == BLOCK_FIGURE ? 0 : MIN (block_lead_height (self, i), body);
      if (!flow.fresh && flow.y + gap + lead > self->body_bottom)
        {
          flow_new_page (&flow);
          gap = 0;
        }
      flow.y += gap;

      if (block->kind == BLOCK_FIGURE)
        flow_figure (&flow, block);
      else
        flow_rows (&flow, block);
      flow.y += space_after (block);
    }

  self->laid_out = TRUE;
}

guint
ks_document_get_n_pages (KsDocument *self)
{
  g_return_val_if_fail (KS_IS_DOCUMENT (self), 0);

  ensure_laid_out (self);
  return self->pages->len;
}

/* ---- Drawing -------------------------------------------------------------------- */

static void
set_color (cairo_t   *cr,
           const Rgb *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

static void
hline (cairo_t   *cr,
       double     x,
       double     y,
       double     width,
       double     line_width,
       const Rgb *color)
{
  cairo_set_line_width (cr, line_width);
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
}

static void
render_row_piece (KsDocument  *self,
                  cairo_t     *cr,
                  const Piece *piece)
{
  const Row *row = piece->row;
  double left = content_left (self);
  double content = ks_document_get_content_width (self);
  double bottom = piece->y + piece->height;
  /* the lines of this piece start here on the page */
  double origin = piece->y + row->pad_top - (piece->from > 0 ? piece->from : 0);

  switch (row->kind)
    {
    case ROW_TABLE_HEADER:
      set_color (cr, &header_fill);
      cairo_rectangle (cr, left, piece->y, content, piece->height);
      cairo_fill (cr);
      hline (cr, left, bottom - 0.4, content, 0.8, &header_rule);
      break;
    case ROW_TABLE:
      hline (cr, left, bottom - 0.25, content, 0.5, &rule_grey);
      break;
    case ROW_HEADING1:
      hline (cr, left, bottom - 0.5, content, 0.75, &rule_grey);
      break;
    case ROW_TITLE:
      hline (cr, left, bottom - 1, content, 2, &accent);
      break;
    case ROW_PLAIN:
    case ROW_KEY_VALUE:
    default:
      break;
    }

  for (guint c = 0; c < row->n_cells; c++)
    {
      const Cell *cell = &row->cells[c];

      if (cell->layout == NULL)
        continue;
      set_color (cr, &cell->color);
      for (guint i = 0; i < cell->lines->len; i++)
        {
          const Line *line = &g_array_index (cell->lines, Line, i);

          if (line->top < piece->from || line->top >= piece->to)
            continue;
          cairo_move_to (cr, cell->x + line->x, origin + line->baseline);
          pango_cairo_show_layout_line (cr, line->line);
        }
    }
}

static void
render_figure (KsDocument  *self,
               cairo_t     *cr,
               const Piece *piece)
{
  const Block *block = piece->block;
  double width = block->figure_width * block->figure_scale;
  double x = content_left (self) + (ks_document_get_content_width (self) - width) / 2;

  cairo_save (cr);
  cairo_translate (cr, x, piece->y);
  cairo_rectangle (cr, 0, 0, width, piece->height);
  cairo_clip (cr);
  cairo_scale (cr, block->figure_scale, block->figure_scale);
  cairo_new_path (cr);
  block->draw (cr, block->figure_width, block->figure_height, block->user_data);
  cairo_restore (cr);
}

static void
render_furniture (KsDocument *self,
                  cairo_t    *cr,
                  guint       page_index)
{
  double left = content_left (self);
  double content = ks_document_get_content_width (self);
  double rule_y = self->margin_top + self->header_height + HEADER_GAP / 2;
  double footer_y = self->height - self->margin_bottom - self->footer_height;
  g_autofree char *page = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  double box;

  if (self->header_left != NULL)
    {
      set_color (cr, &ink);
      cairo_move_to (cr, left, self->margin_top + self->header_left_dy);
      pango_cairo_show_layout (cr, self->header_left);
    }
  set_color (cr, &muted);
  /* its box ends at the right margin; the text is aligned to the box's end */
  box = pango_units_to_double (pango_layout_get_width (self->header_right));
  cairo_move_to (cr, left + content - box, self->margin_top + self->header_right_dy);
  pango_cairo_show_layout (cr, self->header_right);
  hline (cr, left, rule_y, content, 0.5, &rule_grey);

  /* Translators: the footer of every page of a printed document */
  page = g_strdup_printf (_("Page %1$u of %2$u"), page_index + 1, self->pages->len);
  footer = new_text_layout (self, page, ROLE_HEADER, FALSE, content, PANGO_ALIGN_RIGHT);
  hline (cr, left, footer_y - FOOTER_GAP / 2, content, 0.5, &rule_grey);
  set_color (cr, &muted);
  cairo_move_to (cr, left, footer_y);
  pango_cairo_show_layout (cr, footer);
}

void
ks_document_render_page (KsDocument *self,
                         cairo_t    *cr,
                         guint       page_index)
{
  GArray *pieces;

  g_return_if_fail (KS_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  ensure_laid_out (self);
  g_return_if_fail (page_index < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page_index);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  render_furniture (self, cr, page_index);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);

      if (piece->row == NULL)
        render_figure (self, cr, piece);
      else
        render_row_piece (self, cr, piece);
    }
  cairo_restore (cr);
}

/* ---- PDF ------------------------------------------------------------------------ */

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
  gboolean read_only = saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS;

  g_set_error (error, KS_ERROR, read_only ? KS_ERROR_READ_ONLY : KS_ERROR_IO,
               /* Translators: the first %s is a file, the second the system's reason */
               _("“%s” could not be written (%s). Choose a folder you can write to, with "
                 "space left on the disk."),
               display, g_strerror (saved_errno));
}

/* The headings as bookmarks: sections at the top, subsections under theirs. */
static void
add_outline (KsDocument      *self,
             cairo_surface_t *surface,
             guint            page_index,
             int             *section)
{
  GArray *pieces = g_ptr_array_index (self->pages, page_index);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      g_autofree char *link = NULL;
      g_autofree char *name = NULL;

      if (piece->block->kind != BLOCK_HEADING || piece->row == NULL)
        continue;
      name = g_utf8_make_valid (piece->block->text, -1);
      link = g_strdup_printf ("page=%u pos=[%d %d]", page_index + 1,
                              (int) content_left (self), (int) piece->y);
      if (piece->block->level == 1)
        *section = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, link,
                                                  CAIRO_PDF_OUTLINE_FLAG_OPEN);
      else
        cairo_pdf_surface_add_outline (surface, *section, name, link, 0);
    }
}

static cairo_status_t
draw_pdf (KsDocument   *self,
          WriteClosure *closure)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int section = CAIRO_PDF_OUTLINE_ROOT;

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, closure, self->width,
                                                 self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keystone");
  if (*self->company_name != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->company_name);

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      add_outline (self, surface, i, &section);
      ks_document_render_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

gboolean
ks_document_write_pdf (KsDocument  *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *tmp_path = NULL;
  WriteClosure closure = { -1, 0 };
  cairo_status_t status;
  gboolean ok = FALSE;

  g_return_val_if_fail (KS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_laid_out (self);

  /* Beside the target, so the rename cannot cross file systems. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  closure.fd = g_mkstemp_full (tmp_path, O_WRONLY, 0666);
  if (closure.fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  status = draw_pdf (self, &closure);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (closure.saved_errno != 0)
        set_write_error (error, path, closure.saved_errno);
      else
        g_set_error (error, KS_ERROR, KS_ERROR_FAILED,
                     /* Translators: %s is cairo's reason, in English */
                     _("The document could not be drawn (%s)."),
                     cairo_status_to_string (status));
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
