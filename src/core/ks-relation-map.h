/* ks-relation-map.h — an account's contacts drawn with cairo as an organisation chart:
 * by reports-to, grouped by layer, coloured by attitude, sized by influence. The
 * account page, the printed account plan and tests share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three horizontal bands, executive on top, decision makers in the middle, execution at
 * the bottom, each titled with its layer. A contact is a rounded box filled with a tint
 * of its attitude's colour, with a strip and an outline in that colour; higher influence
 * is a larger box with a thicker outline. Within a band, a contact whose manager is in
 * the same band sits in a row below the manager; one whose manager is in a band above
 * sits as close under the manager as the row allows. A row too wide for the width wraps
 * into several, so boxes never overlap. Lines join each contact to the one it reports
 * to. A legend of the colours and the sizes closes the drawing.
 *
 * ks_relation_map_layout_new() does all the geometry once, for a width; the height
 * follows from it. Hit-testing, keyboard navigation and the description read the
 * layout; ks_relation_map_render() draws it onto any cairo_t (image, PDF, SVG,
 * recording). Coordinates are in the layout's units: pixels for a widget, points for
 * a PDF.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ks-chart.h"
#include "ks-relations.h"

G_BEGIN_DECLS

typedef struct _KsRelationMapLayout KsRelationMapLayout;

/* The colour of an attitude in a style: champion green, supporter blue, neutral grey,
 * detractor red; opaque. */
void            ks_relation_map_get_attitude_color  (KsChartStyleKind      style,
                                                     KsAttitude            attitude,
                                                     KsChartColor         *color);

/* Lays out @relations' contacts (copied) for @width. @context gives the font map and
 * the font (family and size; NULL: the default font map with Cantarell/Noto Sans CJK
 * SC 10); Chinese is laid out as zh-cn in a Chinese locale. A reports-to that names no
 * contact of @relations, or that would close a loop, counts as none. */
KsRelationMapLayout *ks_relation_map_layout_new     (const KsRelations    *relations,
                                                     double                width,
                                                     PangoContext         *context);
void            ks_relation_map_layout_free         (KsRelationMapLayout  *layout);

double          ks_relation_map_layout_get_width    (KsRelationMapLayout  *layout);
/* The height the drawing needs at the layout's width. */
double          ks_relation_map_layout_get_height   (KsRelationMapLayout  *layout);

/* The contacts in reading order: bands from the top, rows from the top, left to right. */
guint           ks_relation_map_layout_get_n_contacts (KsRelationMapLayout *layout);
gint64          ks_relation_map_layout_get_id       (KsRelationMapLayout  *layout,
                                                     guint                 index);
/* The layout's copy of the contact @id, or NULL. */
const KsContact *ks_relation_map_layout_get_contact (KsRelationMapLayout  *layout,
                                                     gint64                id);
/* The manager the chart joins @id to: its reports-to when that is drawn, else 0. */
gint64          ks_relation_map_layout_get_manager  (KsRelationMapLayout  *layout,
                                                     gint64                id);
/* Where contact @id's box is drawn; FALSE when it is not on the map. */
gboolean        ks_relation_map_layout_get_box      (KsRelationMapLayout  *layout,
                                                     gint64                id,
                                                     cairo_rectangle_t    *box);
/* The whole band of @layer, title included. */
void            ks_relation_map_layout_get_band     (KsRelationMapLayout  *layout,
                                                     KsContactLayer        layer,
                                                     cairo_rectangle_t    *band);

/* The id of the contact whose box holds (@x, @y), or 0. */
gint64          ks_relation_map_hit_test            (KsRelationMapLayout  *layout,
                                                     double                x,
                                                     double                y);
/* The next contact from @id in @direction: left and right go back and forth in reading
 * order, up and down to the nearest box of the row above or below. From 0, the first
 * contact. 0 when there is none; @id itself at an end. */
gint64          ks_relation_map_layout_neighbour    (KsRelationMapLayout  *layout,
                                                     gint64                id,
                                                     KsChartDirection      direction);

/* Draws the whole map, background included, in (0, 0, width, height). */
void            ks_relation_map_render              (cairo_t              *cr,
                                                     KsRelationMapLayout  *layout,
                                                     KsChartStyleKind      style);
/* A focus ring around contact @id, to draw over ks_relation_map_render(). */
void            ks_relation_map_render_focus        (cairo_t              *cr,
                                                     KsRelationMapLayout  *layout,
                                                     gint64                id,
                                                     KsChartStyleKind      style);

/* Translated plain text for screen readers: the contacts by layer with their title,
 * attitude, influence and manager. */
char           *ks_relation_map_describe            (KsRelationMapLayout  *layout);
/* One contact in a line of translated text: "Wang Fang, Chief Executive, champion,
 * high influence, reports to Li Wei". NULL when @id is not on the map. */
char           *ks_relation_map_describe_contact    (KsRelationMapLayout  *layout,
                                                     gint64                id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsRelationMapLayout, ks_relation_map_layout_free)

G_END_DECLS
