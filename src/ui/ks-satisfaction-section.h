/* ks-satisfaction-section.h — the account page's satisfaction surveys: a score from 0 to
 * 10 per quarter and the NPS when measured, with their trend drawn as a line chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_SATISFACTION_SECTION (ks_satisfaction_section_get_type ())

G_DECLARE_FINAL_TYPE (KsSatisfactionSection, ks_satisfaction_section, KS, SATISFACTION_SECTION,
                      AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. */
GtkWidget   *ks_satisfaction_section_new      (KsStore               *store,
                                               KsAccount             *account);
/* Shows @plan's surveys (copied). Rows and the chart are made when the section is
 * mapped, so a page that is not on screen costs nothing. */
void         ks_satisfaction_section_set_plan (KsSatisfactionSection *self,
                                               const KsAccountPlan   *plan);

G_END_DECLS
