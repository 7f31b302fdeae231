/* ks-actions-section.h — the account page's action plan: actions with owner, due date,
 * status and the target they serve, and the % done of each target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_ACTIONS_SECTION (ks_actions_section_get_type ())

G_DECLARE_FINAL_TYPE (KsActionsSection, ks_actions_section, KS, ACTIONS_SECTION, AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. */
GtkWidget   *ks_actions_section_new      (KsStore             *store,
                                          KsAccount           *account);
/* Shows @plan (copied as needed). Rows are built when the section is mapped, so a
 * page that is not on screen costs nothing. */
void         ks_actions_section_set_plan (KsActionsSection    *self,
                                          const KsAccountPlan *plan);

G_END_DECLS
