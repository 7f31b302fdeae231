/* ks-opportunities-section.h — the account page's cross-sell and up-sell: the whitespace
 * grid of the portfolio's products for this account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_OPPORTUNITIES_SECTION (ks_opportunities_section_get_type ())

G_DECLARE_FINAL_TYPE (KsOpportunitiesSection, ks_opportunities_section,
                      KS, OPPORTUNITIES_SECTION, AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. The product list follows
 * KsStore::products-changed by itself. */
GtkWidget   *ks_opportunities_section_new      (KsStore                *store,
                                                KsAccount              *account);
/* Shows @plan (its whitespace cells are copied; nothing of it is kept). Rows are built
 * when the section is first mapped, so a page that is not on screen costs nothing. */
void         ks_opportunities_section_set_plan (KsOpportunitiesSection *self,
                                                const KsAccountPlan    *plan);

G_END_DECLS
