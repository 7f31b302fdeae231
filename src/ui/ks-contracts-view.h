/* ks-contracts-view.h — the Contracts view: every contract, its checklist completion,
 * renewals due and open issues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_CONTRACTS_VIEW (ks_contracts_view_get_type ())

G_DECLARE_FINAL_TYPE (KsContractsView, ks_contracts_view, KS, CONTRACTS_VIEW, AdwBin)

GtkWidget   *ks_contracts_view_new         (void);
/* Shows @store's data and follows its changes; reads only while mapped. */
void         ks_contracts_view_set_store   (KsContractsView *self,
                                            KsStore         *store);

G_END_DECLS
