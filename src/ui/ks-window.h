/* ks-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-account-page.h"
#include "ks-application.h"
#include "ks-chart.h"
#include "ks-member-page.h"
#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_WINDOW (ks_window_get_type ())

G_DECLARE_FINAL_TYPE (KsWindow, ks_window, KS, WINDOW, AdwApplicationWindow)

KsWindow  *ks_window_new                (KsApplication *application,
                                         KsStore       *store);
KsStore   *ks_window_get_store          (KsWindow      *self);
void       ks_window_show_preferences   (KsWindow      *self);
/* Opens the editor for @account, or for a new account when NULL. */
GtkWindow *ks_window_edit_account       (KsWindow      *self,
                                         KsAccount     *account);
/* Shows @account's page (profile, score, health and plan) in place of the views. */
KsAccountPage *ks_window_show_account   (KsWindow      *self,
                                         KsAccount     *account);
/* Shows a team member's page (KPIs, skills, coaching plans) in place of the views. */
KsMemberPage *ks_window_show_member     (KsWindow      *self,
                                         gint64         member_id);
/* The member page on screen, or NULL. */
KsMemberPage *ks_window_get_member_page (KsWindow      *self);
/* Back from an account's page to the portfolio or the chart. */
void       ks_window_show_views         (KsWindow      *self);
/* The account page on screen, or NULL. */
KsAccountPage *ks_window_get_account_page (KsWindow    *self);
/* Deletes @account and offers Undo in a toast; an account with plan data asks first. */
void       ks_window_delete_account     (KsWindow      *self,
                                         KsAccount     *account);
/* Opens the import dialog for @path, or says why the file cannot be read. */
GtkWindow *ks_window_import_file        (KsWindow      *self,
                                         const char    *path);
/* Opens the dialog that exports or prints @account's plan; @print makes Print… its
 * default button, else Export PDF…. */
GtkWindow *ks_window_prepare_plan       (KsWindow      *self,
                                         KsAccount     *account,
                                         gboolean       print);
/* The same for the quarterly review of @owner's accounts (NULL: the whole portfolio). */
GtkWindow *ks_window_prepare_review     (KsWindow      *self,
                                         const char    *owner,
                                         gboolean       print);
/* Where a chosen file goes: see ks_window_choose_file(). */
typedef void (*KsWindowFileChosen)      (KsWindow      *self,
                                         const char    *path,
                                         gpointer       data);
/* The file chooser every import and export goes through (the portal in Flatpak), modal
 * over @parent (NULL: the window): @chosen gets the path when the user accepts; @data
 * is freed by @destroy either way. */
void       ks_window_choose_file        (KsWindow             *self,
                                         GtkWindow            *parent,
                                         const char           *title,
                                         GtkFileChooserAction  action,
                                         const char           *accept_label,
                                         GtkFileFilter        *filter,
                                         const char           *suggested_name,
                                         KsWindowFileChosen    chosen,
                                         gpointer              data,
                                         GDestroyNotify        destroy);
/* Writes what the portfolio list shows to @path, off the main thread. */
void       ks_window_export_csv         (KsWindow      *self,
                                         const char    *path);
/* Writes the quadrant chart as it is shown (search and filters) to @path. */
gboolean   ks_window_export_chart       (KsWindow      *self,
                                         KsChartFormat  format,
                                         const char    *path,
                                         int            width,
                                         int            height,
                                         GError       **error);
 /* Shows @toast (taking it) at once, replacing the one on screen. */
void       ks_window_add_toast          (KsWindow      *self,
                                         AdwToast      *toast);
void       ks_window_show_toast         (KsWindow      *self,
                                         const char    *message);
void       ks_window_show_error         (KsWindow      *self,
                                         const char    *heading,
                                         const GError  *error);

G_END_DECLS
