/* ks-document-dialog.h — prepares one printed document, an account plan or a quarterly
 * review, and exports it to a PDF or prints it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An account plan's sections can be left out, one by one or all the internal ones at once
 * (the client's copy); a quarterly review is of a quarter and of the whole portfolio or
 * one owner. A preview of the first page shows what will come out, and how many pages.
 * The PDF and the printout are drawn by the same code (ks-document.h).
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_DOCUMENT_DIALOG (ks_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KsDocumentDialog, ks_document_dialog, KS, DOCUMENT_DIALOG, AdwWindow)

/* The account plan of @account, every section in. */
GtkWidget   *ks_document_dialog_new_plan     (KsStore          *store,
                                              KsAccount        *account);
/* The quarterly review of the current quarter, of @owner's accounts (NULL: the whole
 * portfolio). */
GtkWidget   *ks_document_dialog_new_review   (KsStore          *store,
                                              const char       *owner);
/* Makes Print… (else Export PDF…) the button Enter presses, and focuses it. */
void         ks_document_dialog_set_print_default (KsDocumentDialog *self,
                                                   gboolean          print);
/* The pages of the document as previewed; 0 when it cannot be made. */
guint        ks_document_dialog_get_n_pages  (KsDocumentDialog *self);
/* While a PDF is being written. */
gboolean     ks_document_dialog_get_busy     (KsDocumentDialog *self);

/* What Export PDF… does once the file is chosen: writes the PDF to @path off the main
 * thread (busy meanwhile), then closes the dialog and says so in a toast with an Open
 * button, or shows why it failed and stays open. Tests call it with a path, as the
 * native file chooser cannot be driven. */
void         ks_document_dialog_export_to_path (KsDocumentDialog *self,
                                                const char       *path);
/* The print operation Print… runs, with GTK_PRINT_OPERATION_ACTION_EXPORT to @path
 * instead of the print dialog: the same pages, drawn the same way. For tests. */
gboolean     ks_document_dialog_print_to_path (KsDocumentDialog *self,
                                               const char       *path,
                                               GError          **error);

G_END_DECLS
