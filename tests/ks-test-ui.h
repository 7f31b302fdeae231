/* ks-test-ui.h — helpers for tests that drive the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-application.h"
#include "ks-store.h"
#include "ks-window.h"

G_BEGIN_DECLS

/* gtk_init() with a display, or exit 77 (skip) without one — except under CI=true,
 * where a missing display is a failure. */
void        ks_test_ui_init            (int        *argc,
                                        char     ***argv);
/* Runs the main loop for @ms milliseconds, then until nothing is pending. */
void        ks_test_ui_wait            (guint       ms);
/* Depth-first search below (and including) @root, for the first widget @match
 * accepts. */
typedef gboolean (*KsTestUiMatch) (GtkWidget     *widget,
                                   gconstpointer  data);
GtkWidget  *ks_test_ui_find            (GtkWidget    *root,
                                        KsTestUiMatch match,
                                        gconstpointer data);
GtkWidget  *ks_test_ui_find_by_name    (GtkWidget  *root,
                                        const char *name);
GtkWidget  *ks_test_ui_find_by_type    (GtkWidget  *root,
                                        GType       type);
/* The first button whose label is @label, mnemonic underscores removed from both. */
GtkWidget  *ks_test_ui_find_button     (GtkWidget  *root,
                                        const char *label);
/* Every GtkLabel text and GtkInscription text below @root that is drawn (mapped). */
GPtrArray  *ks_test_ui_collect_text    (GtkWidget  *root);
gboolean    ks_test_ui_has_text        (GtkWidget  *root,
                                        const char *text);
/* The visible toplevel of @type other than @except, or NULL. */
GtkWindow  *ks_test_ui_find_toplevel   (GType       type,
                                        GtkWindow  *except);

/* The application the tests open their windows with: registered, held while no
 * window is open, with animations off so that a test sees where a page went. */
KsApplication *ks_test_ui_app_new      (void);
/* Releases and frees *@app. */
void        ks_test_ui_app_free        (KsApplication **app);
/* A window of @app on "portfolio.db" in a new temporary folder
 * "keystone-@unit-XXXXXX": *@dir the folder, *@path the database file. */
KsWindow   *ks_test_ui_open_window     (KsApplication  *app,
                                        const char     *unit,
                                        char          **dir,
                                        char          **path);
/* Fixes the store's "today", so that what is overdue or due for renewal does not
 * depend on the day the test runs. */
void        ks_test_ui_set_today       (KsStore        *store,
                                        GDateYear       year,
                                        GDateMonth      month,
                                        GDateDay        day);
/* Closes whatever the test left open (editors, dialogs, the window), removes the
 * folder *@dir with everything in it, and frees and clears *@dir and *@path. */
void        ks_test_ui_close_all       (char          **dir,
                                        char          **path);

G_END_DECLS
