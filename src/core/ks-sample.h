/* ks-sample.h — the sample portfolio offered on first run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-account.h"
#include "ks-account-plan.h"

G_BEGIN_DECLS

/* About thirty realistic accounts, Chinese and English names, every rating filled.
 * Returns a new array of new KsAccount, without ids. */
GPtrArray   *ks_sample_create_accounts      (void);

/* The products of the sample portfolio's whitespace grid, in order. */
const char * const *ks_sample_get_product_names (void);

/* The sample plan of the account at @index of ks_sample_create_accounts() (stored, so
 * with its id, and scored: a Core or Key account the sample gives no plan gets an
 * executive contact seen lately), or NULL for an account the sample leaves without a
 * plan. Dates are around @now and its date: targets for this year and last, actions
 * due before and after today, contacts, interactions, the last quarters' surveys, a
 * closed complaint and for some accounts an open one (past its 24 hours, within them,
 * or answered). The contacts are numbered 1, 2, … among themselves, and reports_to and
 * the interactions' contacts refer to those numbers: the store gives them real ids.
 * @products are the stored KsProduct of ks_sample_get_product_names(), in order. */
KsAccountPlan *ks_sample_create_plan        (guint             index,
                                             KsAccount        *account,
                                             GDateTime        *now,
                                             GPtrArray        *products);

G_END_DECLS
