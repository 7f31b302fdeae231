/* ks-account-editor.h — add or edit one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_ACCOUNT_EDITOR (ks_account_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsAccountEditor, ks_account_editor, KS, ACCOUNT_EDITOR, AdwWindow)

/* Edits a copy of @account, or a new account when @account is NULL; nothing reaches
 * the store until Save succeeds. */
KsAccountEditor *ks_account_editor_new   (KsStore         *store,
                                          KsAccount       *account);
/* Validates and saves; on failure shows the message beside the field and returns FALSE. */
gboolean         ks_account_editor_save  (KsAccountEditor *self);

G_END_DECLS
