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
 * with its id), or NULL for an account the sample leaves without a plan. Dates are
 * around @today: targets for this year and last, actions due before and after today.
 * @products are the stored KsProduct of ks_sample_get_product_names(), in order. */
KsAccountPlan *ks_sample_create_plan        (guint             index,
                                             KsAccount        *account,
                                             const GDate      *today,
                                             GPtrArray        *products);

G_END_DECLS
