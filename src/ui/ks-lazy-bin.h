/* ks-lazy-bin.h — a page whose content is built, or measured and styled, only once shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KS_TYPE_LAZY_BIN (ks_lazy_bin_get_type ())

G_DECLARE_FINAL_TYPE (KsLazyBin, ks_lazy_bin, KS, LAZY_BIN, AdwBin)

/* Makes the bin's content; called once, when the bin is first shown or
 * ks_lazy_bin_build() asks for it. A bin may instead be given its content's GtkBuilder
 * file, in its "resource" property. */
typedef GtkWidget *(*KsLazyBinBuildFunc) (gpointer user_data);

void       ks_lazy_bin_set_build_func (KsLazyBin          *self,
                                       KsLazyBinBuildFunc  build,
                                       gpointer            user_data);
/* The content, built now if it was not yet (it stays hidden until the bin is shown). */
GtkWidget *ks_lazy_bin_build          (KsLazyBin          *self);

G_END_DECLS
