/* ks-sample.h — the sample portfolio offered on first run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-account.h"

G_BEGIN_DECLS

/* About thirty realistic accounts, Chinese and English names, every rating filled.
 * Returns a new array of new KsAccount, without ids. */
GPtrArray   *ks_sample_create_accounts      (void);

G_END_DECLS
