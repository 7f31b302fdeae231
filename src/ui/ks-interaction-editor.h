/* ks-interaction-editor.h — log or edit one interaction with an account: its kind, date,
 * the account's contacts involved, our participants, notes and the next step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-relations.h"
#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_INTERACTION_EDITOR (ks_interaction_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsInteractionEditor, ks_interaction_editor, KS, INTERACTION_EDITOR,
                      AdwWindow)

/* Edits a copy of @interaction, or a new visit of @account dated today when it is NULL;
 * @contacts (KsContact *, may be NULL) are the account's, offered as check buttons.
 * Nothing reaches the store until Save succeeds. */
KsInteractionEditor *ks_interaction_editor_new (KsStore             *store,
                                                KsAccount           *account,
                                                GPtrArray           *contacts,
                                                const KsInteraction *interaction);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. */
gboolean     ks_interaction_editor_save     (KsInteractionEditor *self);

G_END_DECLS
