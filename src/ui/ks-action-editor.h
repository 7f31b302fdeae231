/* ks-action-editor.h — add or edit one action of an account plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_ACTION_EDITOR (ks_action_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsActionEditor, ks_action_editor, KS, ACTION_EDITOR, AdwWindow)

/* Edits a copy of @action, or a new action of @account (owned by the account's owner)
 * when @action is NULL; nothing reaches the store until Save succeeds. */
KsActionEditor *ks_action_editor_new     (KsStore         *store,
                                          KsAccount       *account,
                                          const KsAction  *action);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. */
gboolean        ks_action_editor_save    (KsActionEditor  *self);

G_END_DECLS
