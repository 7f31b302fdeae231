/* ks-test-ui.h — helpers for tests that drive the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* gtk_init() with a display, or exit 77 (skip) without one — except under CI=true,
 * where a missing display is a failure. */
void        ks_test_ui_init            (int        *argc,
                                        char     ***argv);
/* Runs the main loop for @ms milliseconds, then until nothing is pending. */
void        ks_test_ui_wait            (guint       ms);
/* Depth-first search below (and including) @root. */
GtkWidget  *ks_test_ui_find_by_name    (GtkWidget  *root,
                                        const char *name);
GtkWidget  *ks_test_ui_find_by_type    (GtkWidget  *root,
                                        GType       type);
/* The first button whose label (mnemonic underscores removed) is @label. */
GtkWidget  *ks_test_ui_find_button     (GtkWidget  *root,
                                        const char *label);
/* Every GtkLabel text and GtkInscription text below @root that is drawn (mapped). */
GPtrArray  *ks_test_ui_collect_text    (GtkWidget  *root);
gboolean    ks_test_ui_has_text        (GtkWidget  *root,
                                        const char *text);
/* The visible toplevel of @type other than @except, or NULL. */
GtkWindow  *ks_test_ui_find_toplevel   (GType       type,
                                        GtkWindow  *except);

G_END_DECLS
