/* ks-contacts-section.h — the account page's contacts: the executive coverage warning,
 * the relationship map, and the contacts by layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_CONTACTS_SECTION (ks_contacts_section_get_type ())

G_DECLARE_FINAL_TYPE (KsContactsSection, ks_contacts_section, KS, CONTACTS_SECTION, AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. */
GtkWidget   *ks_contacts_section_new      (KsStore             *store,
                                           KsAccount           *account);
/* Shows @plan's contacts (copied). Rows are built when the section is mapped, so a
 * page that is not on screen costs nothing. */
void         ks_contacts_section_set_plan (KsContactsSection   *self,
                                           const KsAccountPlan *plan);

G_END_DECLS
