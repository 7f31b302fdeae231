/* ks-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KS_TYPE_APPLICATION (ks_application_get_type ())

G_DECLARE_FINAL_TYPE (KsApplication, ks_application, KS, APPLICATION, AdwApplication)

KsApplication *ks_application_new            (GApplicationFlags flags);
/* The whole program: gettext set-up, the application, its exit status. */
int            ks_application_main           (int               argc,
                                              char             *argv[]);
/* Opens @path (NULL: the default database) in a window, or shows why it cannot. */
GtkWindow     *ks_application_open_database  (KsApplication    *self,
                                              const char       *path);

G_END_DECLS
