/* ks-relation-map.h — an account's contacts drawn with cairo as an organisation chart:
 * by reports-to, grouped by layer, coloured by attitude, sized by influence. The
 * account page, the printed account plan and tests share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ks-relations.h"

G_BEGIN_DECLS

G_END_DECLS
