/* ks-team-view.h — the Team view: members, their mentors, accounts and KPIs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_TEAM_VIEW (ks_team_view_get_type ())

G_DECLARE_FINAL_TYPE (KsTeamView, ks_team_view, KS, TEAM_VIEW, AdwBin)

GtkWidget   *ks_team_view_new         (void);
/* Shows @store's data and follows its changes; reads only while mapped. */
void         ks_team_view_set_store   (KsTeamView *self,
                             KsStore *store);

G_END_DECLS
