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

G_END_DECLS
