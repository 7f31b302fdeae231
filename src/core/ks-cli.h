/* ks-cli.h — the commands Keystone runs without a window: import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the first argument that is not an option (skipping the value of
 * --database/-d) is a command of ks_cli_main() rather than a file for the window. */
gboolean     ks_cli_is_command              (int    argc,
                                             char **argv);

/* keystone [--database PATH] import FILE.csv [--duplicates=skip|update|keep]
 *                                            [--valid-rows-only]
 * keystone [--database PATH] export csv OUT.csv
 * keystone [--database PATH] export plan ACCOUNT OUT.pdf [--leave-out=SECTION,…]
 * Prints what happened and returns the exit status: 0 done, 1 failed (nothing
 * changed), 2 the command line was wrong. Needs no display. */
int          ks_cli_main                    (int    argc,
                                             char **argv);

G_END_DECLS
