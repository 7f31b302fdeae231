/* ks-account-page.h — one account's page: profile and score, health, and its plan
 * (targets, actions, opportunities, SWOT, risks) in sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_ACCOUNT_PAGE (ks_account_page_get_type ())

G_DECLARE_FINAL_TYPE (KsAccountPage, ks_account_page, KS, ACCOUNT_PAGE, AdwBin)

GtkWidget   *ks_account_page_new            (KsStore        *store,
                                             KsAccount      *account);
KsAccount   *ks_account_page_get_account    (KsAccountPage  *self);
/* "overview", "targets", "actions", "opportunities", "swot" or "risks". */
void         ks_account_page_show_section   (KsAccountPage  *self,
                                             const char     *name);

G_END_DECLS
