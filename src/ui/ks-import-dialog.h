/* ks-import-dialog.h — bring accounts in from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-import.h"

G_BEGIN_DECLS

#define KS_TYPE_IMPORT_DIALOG (ks_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KsImportDialog, ks_import_dialog, KS, IMPORT_DIALOG, AdwWindow)

/* Takes @import (opened on @path); shows its columns, preview and options. */
KsImportDialog *ks_import_dialog_new          (KsStore        *store,
                                               KsImport       *import,
                                               const char     *path);
/* What the Import button does: runs the import off the main thread. */
void            ks_import_dialog_start        (KsImportDialog *self);
/* Which page shows: "setup", "progress" or "result". */
const char     *ks_import_dialog_get_page     (KsImportDialog *self);

G_END_DECLS
