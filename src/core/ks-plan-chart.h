/* ks-plan-chart.h — targets vs actuals by quarter, drawn with cairo: the account page,
 * the printed account plan and tests share it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ks-account-plan.h"

G_BEGIN_DECLS

G_END_DECLS
