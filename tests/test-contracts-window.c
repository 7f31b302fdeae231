/* test-contracts-window.c — to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-test-ui.h"

int
main (int argc, char **argv)
{
  ks_test_ui_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  return g_test_run ();
}
