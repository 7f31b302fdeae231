/* ks-portfolio-view.h — the account portfolio: list, search, filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_PORTFOLIO_VIEW (ks_portfolio_view_get_type ())

G_DECLARE_FINAL_TYPE (KsPortfolioView, ks_portfolio_view, KS, PORTFOLIO_VIEW, AdwBin)

void         ks_portfolio_view_set_store            (KsPortfolioView *self,
                                                     KsStore         *store);
void         ks_portfolio_view_start_search         (KsPortfolioView *self);
/* What the list shows, filtered and sorted: a GListModel of KsAccount. */
GListModel  *ks_portfolio_view_get_visible_accounts (KsPortfolioView *self);
GtkEditable *ks_portfolio_view_get_search_entry     (KsPortfolioView *self);
/* Whether the list has a row for each account shown, none of them still to come or go. */
gboolean     ks_portfolio_view_is_settled           (KsPortfolioView *self);
/* Makes @tier and @owner choose the same tier and owner filters as the list's own. */
void         ks_portfolio_view_bind_filters         (KsPortfolioView *self,
                                                     GtkDropDown     *tier,
                                                     GtkDropDown     *owner);
/* Shows the accounts of one KsQuadrant, or of all with -1. */
void         ks_portfolio_view_set_quadrant_filter  (KsPortfolioView *self,
                                                     int              quadrant);

G_END_DECLS
