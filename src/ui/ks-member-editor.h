/* ks-member-editor.h — add or edit a team member; delete one, asking who takes over
 * their accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_MEMBER_EDITOR (ks_member_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsMemberEditor, ks_member_editor, KS, MEMBER_EDITOR, AdwWindow)

/* Edits a copy of @member, or a new member when @member is NULL; nothing reaches the
 * store until Save succeeds. */
KsMemberEditor *ks_member_editor_new            (KsStore         *store,
                                                 const KsMember  *member);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. */
gboolean        ks_member_editor_save           (KsMemberEditor  *self);

/* Deletes the member @member_id from the window that holds @widget. A member who owns
 * accounts is asked about first: who takes the accounts over (another member, or
 * nobody). Then a toast offers Undo. Returns the question when one is asked (a
 * AdwMessageDialog with the drop-down named "member-takeover"), else NULL. */
GtkWindow      *ks_member_editor_confirm_delete (GtkWidget       *widget,
                                                 KsStore         *store,
                                                 gint64           member_id);

G_END_DECLS
