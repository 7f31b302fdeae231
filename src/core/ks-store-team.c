/* ks-store-team.c — to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-store-private.h"

void
ks_store_team_init (KsStore *self)
{
}

void
ks_store_team_close (KsStore *self)
{
}
