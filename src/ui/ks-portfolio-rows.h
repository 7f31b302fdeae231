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

/* The account shown in this row now; NULL for an empty row past the last account,
 * and once the row has left the list. */
KsAccount *ks_portfolio_row_get_account (KsPortfolioRow *self);

#define KS_TYPE_PORTFOLIO_ROWS (ks_portfolio_rows_get_type ())

/* The rows always kept once there have been as many, empty past the last account: at
 * least as many as GTK 4.8's list builds widgets for at the top of the list, two
 * hundred and a few more on either side of the rows it tracks. With fewer, a row the
 * list built would leave when a search showed fewer accounts, and be built again,
 * every cell of the list measured again, when the search widened. */
#define KS_PORTFOLIO_ROWS_KEPT 210

G_DECLARE_FINAL_TYPE (KsPortfolioRows, ks_portfolio_rows, KS, PORTFOLIO_ROWS, GObject)

/* A GListModel of KsPortfolioRow following @accounts, a GListModel of KsAccount: the
 * rows in view show their new accounts at once, ks_portfolio_rows_settle() does the
 * rest. At most @first_rows rows are shown until ks_portfolio_rows_show_all(). */
KsPortfolioRows *ks_portfolio_rows_new        (GListModel      *accounts,
                                               guint            first_rows);
void             ks_portfolio_rows_show_all   (KsPortfolioRows *self);
/* Some of the work left, the other rows' accounts and rows to add or remove, for about
 * @budget_us microseconds (more for rows coming into view): returns whether there is
 * more. */
gboolean         ks_portfolio_rows_settle     (KsPortfolioRows *self,
                                               gint64           budget_us);
/* Whether there is a row for each account, each showing its account, and the rows
 * past the last account are empty: not before ks_portfolio_rows_show_all() if there
 * are more accounts than first rows. */
gboolean         ks_portfolio_rows_is_settled (KsPortfolioRows *self);
/* The rows the user sees, roughly, shown their new accounts before any others. */
void             ks_portfolio_rows_set_in_view (KsPortfolioRows *self,
                                                guint            first,
                                                guint            n);

G_END_DECLS
