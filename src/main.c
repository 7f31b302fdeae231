/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ks-application.h"

int
main (int   argc,
      char *argv[])
{
  return ks_application_main (argc, argv);
}
