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
                                       KsStore    *store);

/* The KPIs the list and a member's page show, in their order. */
typedef enum
{
  KS_TEAM_KPI_ACCOUNTS,
  KS_TEAM_KPI_KEY_ACCOUNTS,
  KS_TEAM_KPI_ATTAINMENT,
  KS_TEAM_KPI_OVERDUE_COMPLAINTS,
  KS_TEAM_KPI_OVERDUE_ACTIONS,
  KS_N_TEAM_KPIS
} KsTeamKpi;

/* "accounts", "key-accounts", "ytd", "overdue-complaints", "overdue-actions": the
 * widgets' names end in it. */
const char  *ks_team_kpi_get_key      (KsTeamKpi           kpi);
/* The column title, translated. */
const char  *ks_team_kpi_get_title    (KsTeamKpi           kpi);
/* The figure as shown: "3", "87 %", "—" for an attainment there is none of. */
char        *ks_team_kpi_format       (KsTeamKpi           kpi,
                                       const KsMemberKpis *kpis);
/* An overdue count above 0: shown in the error colour. */
gboolean     ks_team_kpi_is_alert     (KsTeamKpi           kpi,
                                       const KsMemberKpis *kpis);

G_END_DECLS
