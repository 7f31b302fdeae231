/* ks-quadrant-page.h — the Quadrant Chart page: the chart, its filters (the
 * portfolio's), and the quarterly snapshot it compares with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-portfolio-view.h"
#include "ks-quadrant-view.h"
#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_QUADRANT_PAGE (ks_quadrant_page_get_type ())

G_DECLARE_FINAL_TYPE (KsQuadrantPage, ks_quadrant_page, KS, QUADRANT_PAGE, AdwBin)

/* Shows the accounts @portfolio shows, filtered by the same drop-downs, and follows
 * @store's snapshots. */
GtkWidget      *ks_quadrant_page_new      (KsStore         *store,
                                           KsPortfolioView *portfolio);
KsQuadrantView *ks_quadrant_page_get_view (KsQuadrantPage  *self);

G_END_DECLS
