/* ks-swot-section.h — the account page's SWOT: four short ordered lists, edited in
 * place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_SWOT_SECTION (ks_swot_section_get_type ())

G_DECLARE_FINAL_TYPE (KsSwotSection, ks_swot_section, KS, SWOT_SECTION, AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. */
GtkWidget   *ks_swot_section_new      (KsStore             *store,
                                       KsAccount           *account);
/* Shows @plan (copied as needed). Rows are built when the section is mapped, so a
 * page that is not on screen costs nothing. */
void         ks_swot_section_set_plan (KsSwotSection       *self,
                                       const KsAccountPlan *plan);

G_END_DECLS
