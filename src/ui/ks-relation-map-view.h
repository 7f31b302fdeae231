/* ks-relation-map-view.h — the relationship map of one account as a widget: click or
 * Enter on a contact to edit it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-relation-map.h"

G_BEGIN_DECLS

#define KS_TYPE_RELATION_MAP_VIEW (ks_relation_map_view_get_type ())

G_DECLARE_FINAL_TYPE (KsRelationMapView, ks_relation_map_view, KS, RELATION_MAP_VIEW, GtkWidget)

GtkWidget   *ks_relation_map_view_new           (void);
/* Shows the contacts of @relations (copied). Its height follows from its width. */
void         ks_relation_map_view_set_relations (KsRelationMapView  *self,
                                                 const KsRelations  *relations);
/* The layout for the current width, or NULL before the first allocation. */
KsRelationMapLayout *ks_relation_map_view_get_layout (KsRelationMapView *self);

G_END_DECLS
