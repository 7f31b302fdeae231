/* ks-quarter.h — quarters ("2026-Q3"), quarterly snapshots and the movement between a
 * snapshot and today: pure functions, no I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ks-scoring.h"

G_BEGIN_DECLS

#define KS_QUARTER_YEAR_MIN 2000
#define KS_QUARTER_YEAR_MAX 2100

/* Reads "YYYY-Qn" (spaces around it and a lower-case q are allowed): a year from
 * KS_QUARTER_YEAR_MIN to KS_QUARTER_YEAR_MAX, a quarter from 1 to 4. Anything else is
 * KS_ERROR_INVALID with a translated message that shows the form. */
gboolean     ks_quarter_parse               (const char           *text,
                                             int                  *year,
                                             int                  *quarter,
                                             GError              **error);
/* "2026-Q3"; never translated: it is a key in the database too. */
char        *ks_quarter_format              (int                   year,
                                             int                   quarter);
/* The quarter @date is in, in @date's own time zone. */
char        *ks_quarter_for_date            (GDateTime            *date);
/* The quarter before @quarter ("2026-Q1" → "2025-Q4"); NULL when @quarter is not one,
 * or is the first of KS_QUARTER_YEAR_MIN. */
char        *ks_quarter_previous            (const char           *quarter);

/* One account's scores as a snapshot stored them. */
typedef struct
{
  double      value;       /* quadrant x, 0–100 */
  double      growth;      /* quadrant y, 0–100 */
  double      ka_score;
  KsTier      tier;
  KsQuadrant  quadrant;
} KsSnapshotEntry;

/* An account whose quadrant is not the one of the snapshot. */
typedef struct
{
  gint64      id;
  char       *name;
  KsQuadrant  from;
  KsQuadrant  to;
} KsMovement;

void         ks_movement_free               (KsMovement           *movement);
/* The accounts of @accounts (a GListModel of KsAccount) that are in @snapshot (gint64 *
 * id → KsSnapshotEntry *) with another quadrant now, ordered by name: a GPtrArray of
 * KsMovement that frees them. Accounts new since the snapshot did not move. */
GPtrArray   *ks_movement_list               (GListModel           *accounts,
                                             GHashTable           *snapshot);
/* "Name: Grow → Strategic", translated. */
char        *ks_movement_describe           (const KsMovement     *movement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsMovement, ks_movement_free)

G_END_DECLS
