/* ks-document.h — printed documents: a flow of headings, paragraphs, lists, tables and
 * figures, paginated once and drawn page by page onto any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report (the account plan, the quarterly review) adds blocks in reading order; the
 * document lays them out on its pages when first asked for the pages, and again only
 * after a change. Every page has a header (the company name on the left, the title and
 * the date on the right) and a footer ("Page x of y"), all inside the margins, like
 * every line of text: cells and paragraphs wrap to their width, a paragraph flows over
 * as many pages as it needs, line by line, and a table row that would cross the bottom
 * of a page moves to the next page, where the table's header row is repeated; only a
 * row taller than a whole page is split, between lines. A heading stays with what
 * follows it; a figure is drawn whole on one page.
 *
 * Units are PostScript points (1/72 inch); a page's origin is its top left corner.
 * ks_document_write_pdf() writes every page to a PDF; a print operation draws the same
 * pages, so the preview, the printout and the PDF match: give the operation the
 * document's page size as its default page setup, set_use_full_page (TRUE) and
 * set_unit (GTK_UNIT_POINTS); in ::begin-print, ks_document_set_page_size() to the
 * setup's paper size if the user chose another, and set_n_pages
 * (ks_document_get_n_pages ()); in ::draw-page, ks_document_render_page() onto the
 * print context's cairo_t. Text is real text (selectable, its fonts embedded by cairo),
 * figures draw straight onto the target surface (vectors in a PDF). The text is laid
 * out as the UI's language: Chinese as zh-cn, in a Simplified Chinese font. No GTK
 * here.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_DOCUMENT (ks_document_get_type ())

G_DECLARE_FINAL_TYPE (KsDocument, ks_document, KS, DOCUMENT, GObject)

/* The documents' fonts, for the charts drawn in them too: Chinese in the Simplified
 * Chinese face; Latin letters, digits and punctuation from a Latin face (where Cantarell
 * is missing, one that is common). Besides looking right (no full-width quotes), this
 * keeps the PDFs small: cairo's subset of a CJK font with Latin glyphs from several of its
 * font dicts can reach a megabyte. */
#define KS_DOCUMENT_FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans-serif"

/* The charts (ks-chart, ks-plan-chart, ks-relation-map) work in pixels at 96 to the
 * inch: a figure's draw function scales by this and gives them its size in pixels. */
#define KS_DOCUMENT_POINTS_PER_PIXEL 0.75

/* A4 and US Letter, in points. */
#define KS_DOCUMENT_A4_WIDTH      595.2756
#define KS_DOCUMENT_A4_HEIGHT     841.8898
#define KS_DOCUMENT_LETTER_WIDTH  612.0
#define KS_DOCUMENT_LETTER_HEIGHT 792.0

typedef enum
{
  KS_DOCUMENT_ALIGN_START,
  KS_DOCUMENT_ALIGN_CENTER,
  KS_DOCUMENT_ALIGN_END,      /* numbers */
} KsDocumentAlign;

/* How a table cell or a list value stands out. */
typedef enum
{
  KS_DOCUMENT_STYLE_NORMAL,
  KS_DOCUMENT_STYLE_STRONG,   /* bold: totals, names */
  KS_DOCUMENT_STYLE_MUTED,    /* grey: "none", closed rows */
  KS_DOCUMENT_STYLE_WARNING,  /* red and bold: overdue, open issues */
  KS_DOCUMENT_STYLE_GOOD,     /* green: done, answered in time */
  KS_N_DOCUMENT_STYLES
} KsDocumentStyle;

/* Draws a figure in (0, 0, @width, @height) of @cr, in points; the document has moved
 * the origin, clipped to the rectangle, and scaled it down if it was taller than a page. */
typedef void   (*KsDocumentDrawFunc)    (cairo_t  *cr,
                                         double    width,
                                         double    height,
                                         gpointer  user_data);
/* The height a figure needs at @width (points). */
typedef double (*KsDocumentHeightFunc)  (double    width,
                                         gpointer  user_data);

/* A table of the document: rows are added to it in order; it belongs to the document. */
typedef struct _KsDocumentTable KsDocumentTable;

/* The page size of @paper in points, KS_PAPER_AUTO resolved by the locale: Letter where
 * LC_PAPER is Letter (the United States, Canada, …), else A4. */
void         ks_document_paper_get_size     (KsPaperSize           paper,
                                             double               *width,
                                             double               *height);

/* The font map every document's text and charts are laid out with: one of their own,
 * never GTK's, so that a document drawn in a worker thread (a PDF being written) shares
 * no Pango state with the widgets the main thread draws meanwhile. One document is
 * laid out or drawn at a time. */
PangoFontMap *ks_document_get_font_map      (void);
/* A context for a chart drawn in a document (its @context argument): the document's
 * fonts and language, @points high once scaled by KS_DOCUMENT_POINTS_PER_PIXEL. */
PangoContext *ks_document_new_chart_context (double            points);

/* An empty document titled @title (the header and the PDF's metadata): A4, margins of
 * 18 mm, dated today. */
KsDocument  *ks_document_new                (const char           *title);
/* The same, for a report of @store: its paper size (ks_store_get_paper_size()), company
 * name, and today (ks_store_get_today()). */
KsDocument  *ks_document_new_for_store      (KsStore              *store,
                                             const char           *title);

const char  *ks_document_get_title          (KsDocument           *self);
void         ks_document_set_page_size      (KsDocument           *self,
                                             double                width,
                                             double                height);
void         ks_document_get_page_size      (KsDocument           *self,
                                             double               *width,
                                             double               *height);
/* Everything drawn, header and footer included, stays inside the margins. */
void         ks_document_set_margins        (KsDocument           *self,
                                             double                top,
                                             double                right,
                                             double                bottom,
                                             double                left);
void         ks_document_get_margins        (KsDocument           *self,
                                             double               *top,
                                             double               *right,
                                             double               *bottom,
                                             double               *left);
/* The header's left side; "" for none. */
void         ks_document_set_company_name   (KsDocument           *self,
                                             const char           *name);
/* The date in the header. */
void         ks_document_set_date           (KsDocument           *self,
                                             const GDate          *date);
/* The width blocks are laid out in: the page's less the margins. */
double       ks_document_get_content_width  (KsDocument           *self);

/* ---- Content, in reading order -------------------------------------------------- */

/* The document's own title at the top of the first page, large, with a line under it
 * (@subtitle may be NULL). */
void         ks_document_add_title          (KsDocument           *self,
                                             const char           *title,
                                             const char           *subtitle);
/* @level 1 (a section; also a PDF bookmark) or 2 (a subsection). Kept on the page of
 * whatever follows it. */
void         ks_document_add_heading        (KsDocument           *self,
                                             guint                 level,
                                             const char           *text);
/* Plain text (newlines start new lines); flows over pages line by line. */
void         ks_document_add_paragraph      (KsDocument           *self,
                                             const char           *text);
/* Smaller grey text: a caption, "None recorded", a remark. Flows like a paragraph. */
void         ks_document_add_note           (KsDocument           *self,
                                             const char           *text);
/* A line of a key–value list: the key on the left, grey, the value wrapping beside it.
 * Consecutive calls make one list. */
void         ks_document_add_key_value      (KsDocument           *self,
                                             const char           *key,
                                             const char           *value,
                                             KsDocumentStyle       style);
/* Blank space of @points, dropped at the top of a page. */
void         ks_document_add_spacing        (KsDocument           *self,
                                             double                points);
/* What follows starts on a new page. */
void         ks_document_add_page_break     (KsDocument           *self);
/* A figure @width wide (≤ 0 or more than the content width: the content width),
 * centred, @height high; taller than a page, it is scaled down to fit. @destroy frees
 * @user_data with the document. */
void         ks_document_add_figure         (KsDocument           *self,
                                             double                width,
                                             double                height,
                                             KsDocumentDrawFunc    draw,
                                             gpointer              user_data,
                                             GDestroyNotify        destroy);
/* A figure as wide as the content whose height follows from the width (an
 * organisation chart), asked again when the page size changes. */
void         ks_document_add_figure_for_width (KsDocument         *self,
                                               KsDocumentHeightFunc height_func,
                                               KsDocumentDrawFunc  draw,
                                               gpointer            user_data,
                                               GDestroyNotify      destroy);

/* A table of @n_columns (≥ 1), as wide as the content. Describe each column, then add
 * rows. A table with no header text has no header row. */
KsDocumentTable *ks_document_add_table      (KsDocument           *self,
                                             guint                 n_columns);
/* @header (NULL: none) and the column's share of the width (any positive number: the
 * shares are in proportion to their sum); numbers are aligned to the end. */
void         ks_document_table_set_column   (KsDocumentTable      *table,
                                             guint                 column,
                                             const char           *header,
                                             double                width,
                                             KsDocumentAlign       align);
/* One row: @cells holds n_columns texts (NULL for an empty cell). Returns its index. */
guint        ks_document_table_add_row      (KsDocumentTable      *table,
                                             const char * const   *cells);
void         ks_document_table_set_cell_style (KsDocumentTable    *table,
                                               guint               row,
                                               guint               column,
                                               KsDocumentStyle     style);
void         ks_document_table_set_row_style (KsDocumentTable     *table,
                                              guint                row,
                                              KsDocumentStyle      style);
/* Row @row is kept on the page of the row after it (a group of rows). */
void         ks_document_table_keep_with_next (KsDocumentTable    *table,
                                               guint               row);
guint        ks_document_table_get_n_rows   (KsDocumentTable      *table);

/* ---- Pages --------------------------------------------------------------------- */

/* Lays the document out when anything changed since, and counts its pages (≥ 1). */
guint        ks_document_get_n_pages        (KsDocument           *self);
/* Draws page @page_index (from 0) onto @cr in points, its origin at the page's top
 * left corner: a PDF page, a print operation's page, an image to preview. */
void         ks_document_render_page        (KsDocument           *self,
                                             cairo_t              *cr,
                                             guint                 page_index);
/* Writes every page to a PDF at @path (title and creator in its metadata, the level-1
 * headings as bookmarks) through a temporary file beside it, renamed at the end:
 * on failure there is nothing new at @path and no temporary file left. */
gboolean     ks_document_write_pdf          (KsDocument           *self,
                                             const char           *path,
                                             GError              **error);

G_END_DECLS
