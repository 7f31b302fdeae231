/* ks-quadrant-view.h — the quadrant chart as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-chart.h"
#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_QUADRANT_VIEW (ks_quadrant_view_get_type ())

G_DECLARE_FINAL_TYPE (KsQuadrantView, ks_quadrant_view, KS, QUADRANT_VIEW, GtkWidget)

/* Shows the accounts of @accounts (the portfolio's filtered list, so the chart and the
 * list always agree); @store gives the split lines. */
void            ks_quadrant_view_set_model      (KsQuadrantView *self,
                                                 KsStore        *store,
                                                 GListModel     *accounts);
/* Compares with @snapshot (from ks_store_load_snapshot(), referenced), or with nothing:
 * the chart draws arrows from the accounts' positions in it, and ::movements-changed
 * says which accounts changed quadrant. */
void            ks_quadrant_view_set_comparison (KsQuadrantView *self,
                                                 GHashTable     *snapshot);
/* The accounts shown whose quadrant is not the snapshot's (KsMovement, by name); NULL
 * without a comparison. */
GPtrArray      *ks_quadrant_view_get_movements  (KsQuadrantView *self);
/* How many points have a previous position, for tests. */
guint           ks_quadrant_view_get_n_compared (KsQuadrantView *self);
/* The layout last drawn, for tests; NULL before the first allocation. */
KsChartLayout  *ks_quadrant_view_get_layout     (KsQuadrantView *self);
/* Writes what the view shows to @path in @format at @width × @height pixels. Clicking
 * a bubble activates win.open-account, a quadrant's title win.show-quadrant. */
gboolean        ks_quadrant_view_export_file    (KsQuadrantView *self,
                                                 KsChartFormat   format,
                                                 const char     *path,
                                                 int             width,
                                                 int             height,
                                                 GError        **error);

G_END_DECLS
