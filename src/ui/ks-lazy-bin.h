/* ks-lazy-bin.h — a page whose content is measured and styled only once it is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KS_TYPE_LAZY_BIN (ks_lazy_bin_get_type ())

G_DECLARE_FINAL_TYPE (KsLazyBin, ks_lazy_bin, KS, LAZY_BIN, AdwBin)

G_END_DECLS
