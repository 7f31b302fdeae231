/* ks-widgets.h — small pieces the editor and Preferences share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A row titled @title with a spin button from @min to @max, added to @group; the spin
 * button is named @name (tests find it by that) and labelled for screen readers. */
GtkSpinButton *ks_spin_row_add             (AdwPreferencesGroup *group,
                                            const char          *title,
                                            const char          *name,
                                            int                  min,
                                            int                  max);
/* The value as shown, including what was typed but not yet committed. */
int            ks_spin_button_read         (GtkSpinButton       *spin);

/* The currencies offered, for a combo row, and the way between code and position. */
GListModel    *ks_currency_model_new       (void);
guint          ks_currency_get_position    (const char          *code);
const char    *ks_currency_at_position     (guint                position);

/* Shows @toast (taking it) in the main window that holds @widget, replacing the toast
 * on screen; an Undo toast sets a button and handles "button-clicked". */
void           ks_widget_add_toast         (GtkWidget           *widget,
                                            AdwToast            *toast);
/* Shows @error under @heading in a dialog over the window that holds @widget. */
void           ks_widget_show_error        (GtkWidget           *widget,
                                            const char          *heading,
                                            const GError        *error);

/* gtk_widget_set_tooltip_text(), but cheap on a widget not yet on screen, and nothing
 * done when the tooltip is the same (NULL and "" are the same). */
void           ks_widget_set_tooltip_quietly (GtkWidget         *widget,
                                              const char        *text);

/* A stack hides its other pages from the eye, not from screen readers: marks every page
 * of @stack (a GtkStack or an AdwViewStack) but the one shown hidden from them, now and
 * each time another page shows. */
void           ks_stack_hide_other_pages     (GtkWidget         *stack);

G_END_DECLS
