/* ks-plan-widgets.h — small pieces the account plan's sections and editors share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

/* What a boxed list shows when it has no rows: an icon, a title and a hint. */
GtkWidget   *ks_plan_empty_state_new        (const char          *icon_name,
                                             const char          *title,
                                             const char          *hint);
/* Sets @widget's tooltip, cheaply while @widget is not on screen yet: a visible widget
 * given a tooltip asks at once where the pointer is, a round trip to the display
 * server, and a list sets hundreds. */
void         ks_plan_set_tooltip            (GtkWidget           *widget,
                                             const char          *tooltip);
/* A flat icon button whose tooltip is also its accessible name. */
GtkWidget   *ks_plan_icon_button_new        (const char          *icon_name,
                                             const char          *tooltip);
/* A button with a calendar popover that writes the day picked into @entry as
 * YYYY-MM-DD. The calendar opens on the entry's date, else on @store's today. */
GtkWidget   *ks_plan_date_button_new        (GtkEditable         *entry,
                                             KsStore             *store);
/* @date as YYYY-MM-DD. */
char        *ks_plan_format_date            (const GDate         *date);

char        *ks_plan_text_view_get_text     (GtkTextView         *view);
/* Marks @field (when not NULL) as wrong and says why in @label, shown; a NULL @message
 * clears the field's mark (the label is left as it is, see ks_plan_hide_error()). */
void         ks_plan_show_field_error       (GtkWidget           *field,
                                             GtkLabel            *label,
                                             const char          *message);
void         ks_plan_hide_error             (GtkLabel            *label);
/* The first line of @text, cut to @max characters with an ellipsis. */
char        *ks_plan_ellipsize              (const char          *text,
                                             guint                max);

/* Puts back what was deleted; TRUE when it did. */
typedef gboolean (*KsPlanUndoFunc)          (gpointer             data,
                                             GError             **error);

/* “@what” deleted, with an Undo button that calls @undo (@data is freed with the
 * toast). A failed Undo is reported over @widget's window while it exists. */
void         ks_plan_show_undo_toast        (GtkWidget           *widget,
                                             const char          *what,
                                             KsPlanUndoFunc       undo,
                                             gpointer             data,
                                             GDestroyNotify       destroy);

/* Ctrl+Enter activates @action_name anywhere in @window, in a text view too. */
void         ks_plan_add_save_shortcut      (GtkWidget           *window,
                                             const char          *action_name);
/* Shows @dialog (taking it) modal over the window that holds @widget. */
void         ks_plan_present_dialog         (GtkWidget           *widget,
                                             GtkWindow           *dialog);

/* A section's layout: its one child as with GtkBinLayout, except that a width asked
 * for a given height is answered with the width for any height. The page around a
 * section asks, and each wrapping label inside would otherwise search for the
 * narrowest width that fits, laying out its text at each width it tries. */
#define KS_TYPE_PLAN_SECTION_LAYOUT (ks_plan_section_layout_get_type ())

G_DECLARE_FINAL_TYPE (KsPlanSectionLayout, ks_plan_section_layout, KS, PLAN_SECTION_LAYOUT,
                      GtkLayoutManager)

/* How many rows at least @row_height tall it takes to fill the height @widget is shown
 * in (its scrolled window's, else that of the nearest ancestor laid out) below @above
 * pixels, one more for a part-shown one: the rows a long list needs in its first frame.
 * @fallback when @widget is not in a window yet. */
guint        ks_plan_rows_to_fill           (GtkWidget           *widget,
                                             int                  above,
                                             int                  row_height,
                                             guint                fallback);

/* Calls @func (@data) at idle priority once @widget's window has drawn its next frame,
 * and again after each frame while @func returns G_SOURCE_CONTINUE: a list built in
 * passes shows its first rows before the others are made. A plain idle also runs while
 * the window waits to draw (for the compositor, say), and can delay that frame with all
 * the passes. At once when @widget is not realized. Returns the source's id, for
 * g_source_remove(). */
guint        ks_plan_idle_add_after_frame   (GtkWidget           *widget,
                                             GSourceFunc          func,
                                             gpointer             data);

/* The list box row that holds the keyboard focus when it is a row of @list itself (not
 * a button inside it), or NULL. */
GtkListBoxRow *ks_plan_list_get_focus_row   (GtkListBox          *list);

G_END_DECLS
