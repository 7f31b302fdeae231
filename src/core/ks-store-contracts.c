/* ks-store-contracts.c — to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-store-private.h"

void
ks_store_contracts_init (KsStore *self)
{
}

void
ks_store_contracts_close (KsStore *self)
{
}

int
ks_store_contracts_seed_template (sqlite3 *db)
{
  return SQLITE_OK;
}
