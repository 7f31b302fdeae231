/* ks-session-editor.h — add or edit one coaching session of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_SESSION_EDITOR (ks_session_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsSessionEditor, ks_session_editor, KS, SESSION_EDITOR, AdwWindow)

/* Edits a copy of @session, or a new session of the plan @plan_id, held today, when
 * @session is NULL; @subtitle goes under the title. Nothing reaches the store until
 * Save succeeds. */
KsSessionEditor *ks_session_editor_new  (KsStore                 *store,
                                         gint64                   plan_id,
                                         const KsCoachingSession *session,
                                         const char              *subtitle);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. */
gboolean         ks_session_editor_save (KsSessionEditor         *self);

G_END_DECLS
