/* ks-store-review.h — what the quarterly review reads of every account at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review covers the whole portfolio: reading each account's plan
 * (ks_store_load_plan()) would be one set of queries per account, far too slow for
 * ten thousand of them. These read one kind of row for every account in one query.
 * Read-only; inside or outside a transaction.
 */
#pragma once

#include "ks-store.h"

G_BEGIN_DECLS

/* Every account's revenue targets and actuals of @year: a GHashTable of account id
 * (gint64 *) → KsTargetYear * (metric KS_TARGET_METRIC_REVENUE), only for accounts that
 * have any for that year. NULL and @error on failure. */
GHashTable  *ks_store_dup_revenue_targets   (KsStore          *self,
                                             int               year,
                                             GError          **error);
/* Every account's open risk warnings: a GHashTable of account id (gint64 *) →
 * GPtrArray of KsRisk *, each array by severity (high first), then newest first, then
 * by id. Accounts without an open risk are not in it. NULL and @error on failure. */
GHashTable  *ks_store_dup_open_risks        (KsStore          *self,
                                             GError          **error);

G_END_DECLS
