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

/* @name_key is ks_account_get_name_key() of @account, read faster. */
typedef gboolean (*KsAccountPredicate) (KsAccount  *account,
                                        const char *name_key,
                                        gpointer    user_data);

/* A GListModel of the accounts of @accounts that @predicate accepts, in @sorter's
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

/* For a search that follows typing, @key being the search the rows are shown for now:
 * filters the rows shown for the narrower search the predicate now asks for, and keeps
 * them to show again when the search is widened back to @key. */
void              ks_portfolio_model_narrow   (KsPortfolioModel   *self,
                                               const char         *key);
/* The search widened to @key: shows the rows kept for it if it was narrowed from there
 * and nothing changed since (TRUE), or filters every account again (FALSE). */
gboolean          ks_portfolio_model_widen    (KsPortfolioModel   *self,
                                               const char         *key);

/* Where @account is shown now, if it is. */
gboolean          ks_portfolio_model_find     (KsPortfolioModel   *self,
                                               KsAccount          *account,
                                               guint              *position);

/* Sorts again, when what the sorter looks at (the scores) changed. */
void              ks_portfolio_model_resort   (KsPortfolioModel   *self);

G_END_DECLS
