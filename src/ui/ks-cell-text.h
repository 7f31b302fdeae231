/* ks-cell-text.h — one line of text in a cell of a long list, cheap to make and measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KS_TYPE_CELL_TEXT (ks_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (KsCellText, ks_cell_text, KS, CELL_TEXT, GtkWidget)

/* Lays its text out in @font_source's Pango context, which the cells of one list share
 * (the list's own, say): their font must be @font_source's. A cell with a font of its
 * own passes NULL and has a context of its own; it still measures its font only when
 * that changes. */
GtkWidget  *ks_cell_text_new       (GtkWidget  *font_source);
void        ks_cell_text_set_text  (KsCellText *self,
                                    const char *text);
const char *ks_cell_text_get_text  (KsCellText *self);
/* 0 left, 1 right, as GtkInscription's xalign. */
void        ks_cell_text_set_xalign (KsCellText *self,
                                     float       xalign);
/* The width asked for, in characters of the font's approximate width. */
void        ks_cell_text_set_chars (KsCellText *self,
                                    guint       min_chars,
                                    guint       nat_chars);

G_END_DECLS
