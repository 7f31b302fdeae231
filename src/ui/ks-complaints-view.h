/* ks-complaints-view.h — complaints across the portfolio: the open ones, oldest first,
 * with their 24-hour state, and response statistics per owner and per category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_COMPLAINTS_VIEW (ks_complaints_view_get_type ())

G_DECLARE_FINAL_TYPE (KsComplaintsView, ks_complaints_view, KS, COMPLAINTS_VIEW, AdwBin)

GtkWidget   *ks_complaints_view_new         (void);
/* Shows @store's complaints and follows its ::plan-changed. The complaints are read
 * when the view is mapped, so a view that is not on screen costs nothing. */
void         ks_complaints_view_set_store   (KsComplaintsView *self,
                                             KsStore          *store);
/* Reads the complaints again now, and the store's "now"; done on ::plan-changed and
 * every minute while the view is mapped. */
void         ks_complaints_view_refresh     (KsComplaintsView *self);

G_END_DECLS
