/* ks-targets-section.h — the account page's targets and actuals by quarter, their
 * attainment and its chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_TARGETS_SECTION (ks_targets_section_get_type ())

G_DECLARE_FINAL_TYPE (KsTargetsSection, ks_targets_section, KS, TARGETS_SECTION, AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. */
GtkWidget   *ks_targets_section_new           (KsStore             *store,
                                               KsAccount           *account);
/* Shows @plan (its targets are copied; nothing of it is kept). The grid is built when
 * the section is first mapped, so a page that is not on screen costs nothing. The year
 * shown is "today's" (ks_store_get_today()) until the user picks another. */
void         ks_targets_section_set_plan      (KsTargetsSection    *self,
                                               const KsAccountPlan *plan);

G_END_DECLS
