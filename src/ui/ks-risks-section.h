/* ks-risks-section.h — the account page's risks: the credit rating and the risk
 * warnings with their severity, date raised and contingency plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_RISKS_SECTION (ks_risks_section_get_type ())

G_DECLARE_FINAL_TYPE (KsRisksSection, ks_risks_section, KS, RISKS_SECTION, AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. */
GtkWidget   *ks_risks_section_new      (KsStore             *store,
                                        KsAccount           *account);
/* Shows @plan (copied as needed). Rows are built when the section is mapped, so a
 * page that is not on screen costs nothing. */
void         ks_risks_section_set_plan (KsRisksSection      *self,
                                        const KsAccountPlan *plan);

G_END_DECLS
