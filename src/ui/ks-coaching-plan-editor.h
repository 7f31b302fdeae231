/* ks-coaching-plan-editor.h — add or edit a team member's coaching plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_COACHING_PLAN_EDITOR (ks_coaching_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsCoachingPlanEditor, ks_coaching_plan_editor, KS, COACHING_PLAN_EDITOR,
                      AdwWindow)

/* Edits a copy of @plan, or a new plan of the member @member_id when @plan is NULL
 * (starting today, the member's mentor as coach); nothing reaches the store until Save
 * succeeds. Its actions and sessions are left as they are. */
KsCoachingPlanEditor *ks_coaching_plan_editor_new  (KsStore              *store,
                                                    gint64                member_id,
                                                    const KsCoachingPlan *plan);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. A level is read as typed: 7 is refused, not made 5. */
gboolean              ks_coaching_plan_editor_save (KsCoachingPlanEditor *self);

G_END_DECLS
