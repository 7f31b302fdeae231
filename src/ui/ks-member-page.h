/* ks-member-page.h — one team member: KPIs, skills picture, coaching timeline and plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_MEMBER_PAGE (ks_member_page_get_type ())

G_DECLARE_FINAL_TYPE (KsMemberPage, ks_member_page, KS, MEMBER_PAGE, AdwBin)

GtkWidget   *ks_member_page_new            (KsStore      *store,
                                            gint64        member_id);
gint64       ks_member_page_get_member_id  (KsMemberPage *self);

G_END_DECLS
