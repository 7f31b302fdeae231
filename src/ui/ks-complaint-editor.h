/* ks-complaint-editor.h — record or edit one complaint of an account: the opening, the
 * first response within 24 hours, root cause and resolution, the follow-up visit, and
 * the close that needs all of them (the closed loop)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-relations.h"
#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_COMPLAINT_EDITOR (ks_complaint_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsComplaintEditor, ks_complaint_editor, KS, COMPLAINT_EDITOR, AdwWindow)

/* Edits a copy of @complaint, or a new complaint of @account opened now (the store's
 * "now") and owned by the account's owner when @complaint is NULL; nothing reaches the
 * store until Save succeeds. Times are shown and typed in local time. */
KsComplaintEditor *ks_complaint_editor_new  (KsStore           *store,
                                             KsAccount         *account,
                                             const KsComplaint *complaint);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. */
gboolean     ks_complaint_editor_save       (KsComplaintEditor *self);

G_END_DECLS
