/* ks-contact-editor.h — add or edit one contact of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_CONTACT_EDITOR (ks_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsContactEditor, ks_contact_editor, KS, CONTACT_EDITOR, AdwWindow)

/* Edits a copy of @contact, or a new contact of @account when @contact is NULL or has
 * no id yet (its fields, when given, are the new one's start); @contacts (KsContact *)
 * are the account's, offered as whom it reports to. Nothing reaches the store until
 * Save succeeds. */
KsContactEditor *ks_contact_editor_new    (KsStore          *store,
                                           KsAccount        *account,
                                           const KsContact  *contact,
                                           GPtrArray        *contacts);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. */
gboolean     ks_contact_editor_save       (KsContactEditor  *self);

G_END_DECLS
