/* ks-portfolio-model.h — the portfolio sorted and filtered, fast enough to follow typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-account.h"

G_BEGIN_DECLS

#define KS_TYPE_PORTFOLIO_MODEL (ks_portfolio_model_get_type ())

G_DECLARE_FINAL_TYPE (KsPortfolioModel, ks_portfolio_model, KS, PORTFOLIO_MODEL, GObject)

/* Whether @account passes the filters other than the search. */
typedef gboolean (*KsAccountPredicate) (KsAccount  *account,
                                        gpointer    user_data);

/* A GListModel of the accounts of @accounts that @predicate accepts and whose names hold
 * the search (ks_portfolio_model_set_search()), in @sorter's
 * order. @likely_order, if not NULL, holds the same accounts in the order @sorter
 * probably gives them: it is checked, in one pass, and saves sorting if right. Call
 * ks_portfolio_model_refilter() when what @predicate looks at changes. */
KsPortfolioModel *ks_portfolio_model_new      (GListModel         *accounts,
                                               GtkSorter          *sorter,
                                               GPtrArray          *likely_order,
                                               KsAccountPredicate  predicate,
                                               gpointer            user_data);
/* MORE_STRICT checks only the accounts shown; anything else checks them all. */
void              ks_portfolio_model_refilter (KsPortfolioModel   *self,
                                               GtkFilterChange     change);

/* Shows the accounts whose folded names (ks_account_get_name_key()) hold @key, folded
 * by ks_account_fold(); "" or NULL for every account. Made to follow typing: a search
 * narrowed looks at the rows shown only, and one widened back to an earlier search
 * shows the rows kept for it. */
void              ks_portfolio_model_set_search (KsPortfolioModel *self,
                                                 const char       *key);

/* Where @account is shown now, if it is. */
gboolean          ks_portfolio_model_find     (KsPortfolioModel   *self,
                                               KsAccount          *account,
                                               guint              *position);

/* Sorts again, when what the sorter looks at (the scores) changed. */
void              ks_portfolio_model_resort   (KsPortfolioModel   *self);

G_END_DECLS
