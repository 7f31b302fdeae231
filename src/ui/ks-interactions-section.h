/* ks-interactions-section.h — the account page's interactions: strategic dialogues,
 * visits, QBRs, calls and e-mails on a timeline, newest first, by month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_INTERACTIONS_SECTION (ks_interactions_section_get_type ())

G_DECLARE_FINAL_TYPE (KsInteractionsSection, ks_interactions_section, KS, INTERACTIONS_SECTION,
                      AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. */
GtkWidget   *ks_interactions_section_new      (KsStore               *store,
                                               KsAccount             *account);
/* Shows @plan's interactions, with the names of its contacts (copied). Rows are built
 * when the section is mapped, so a page that is not on screen costs nothing. */
void         ks_interactions_section_set_plan (KsInteractionsSection *self,
                                               const KsAccountPlan   *plan);

G_END_DECLS
