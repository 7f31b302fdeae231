/* ks-coaching-action-editor.h — add or edit one action of a coaching plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_COACHING_ACTION_EDITOR (ks_coaching_action_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsCoachingActionEditor, ks_coaching_action_editor, KS,
                      COACHING_ACTION_EDITOR, AdwWindow)

/* Edits a copy of @action, or a new open action of the plan @plan_id when @action is
 * NULL; @subtitle (the plan's skill, say) goes under the title. Nothing reaches the
 * store until Save succeeds. */
KsCoachingActionEditor *ks_coaching_action_editor_new  (KsStore                *store,
                                                        gint64                  plan_id,
                                                        const KsCoachingAction *action,
                                                        const char             *subtitle);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. */
gboolean                ks_coaching_action_editor_save (KsCoachingActionEditor *self);

G_END_DECLS
