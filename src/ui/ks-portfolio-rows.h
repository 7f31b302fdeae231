/* ks-portfolio-rows.h — the portfolio's rows: one object per position, for the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ks-account.h"

G_BEGIN_DECLS

#define KS_TYPE_PORTFOLIO_ROW (ks_portfolio_row_get_type ())

G_DECLARE_FINAL_TYPE (KsPortfolioRow, ks_portfolio_row, KS, PORTFOLIO_ROW, GObject)

/* The account shown in this row now; NULL once the row has left the list. */
KsAccount *ks_portfolio_row_get_account (KsPortfolioRow *self);

#define KS_TYPE_PORTFOLIO_ROWS (ks_portfolio_rows_get_type ())

G_DECLARE_FINAL_TYPE (KsPortfolioRows, ks_portfolio_rows, KS, PORTFOLIO_ROWS, GObject)

/* A GListModel of KsPortfolioRow mirroring @accounts, a GListModel of KsAccount. */
KsPortfolioRows *ks_portfolio_rows_new (GListModel *accounts);

G_END_DECLS
