/* ks-store-private.h — what ks-store.c and ks-store-plan.c share: the store's fields and
 * the statement, transaction and model helpers. Not for use outside the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ks-account-list.h"
#include "ks-store.h"

G_BEGIN_DECLS

struct _KsStore
{
  GObject          parent_instance;

  char            *path;
  sqlite3         *db;
  sqlite3_stmt   **stmts;               /* ks-store.c's cache */
  sqlite3_stmt   **plan_stmts;          /* ks-store-plan.c's cache */

  KsScoringRules   rules;
  char            *default_currency;
  char            *company_name;
  double           split_value;
  double           split_growth;

  KsHealthWeights  health_weights;
  gboolean         has_today;           /* FALSE: today is the clock's */
  GDate            today;

  /* Loaded on first use, so that a store opened to import or back up does not
   * make an object of every account first. */
  gboolean         loaded;
  KsAccountList   *accounts;            /* KsAccount, ordered by id */
  GHashTable      *by_id;               /* gint64 * → KsAccount (a reference) */
  GHashTable      *deleted_created_at;  /* gint64 * → char *, kept for Undo */
};

/* ks-store.c */

void          ks_store_set_db_error          (KsStore        *self,
                                              int             rc,
                                              GError        **error);
/* The statement in *@slot, prepared from @sql on first use, reset and ready to bind. */
sqlite3_stmt *ks_store_prepare_cached        (KsStore        *self,
                                              sqlite3_stmt  **slot,
                                              const char     *sql,
                                              GError        **error);
/* Steps @stmt to its first row or the end, sets @error on failure, resets it either way. */
gboolean      ks_store_step_done             (KsStore        *self,
                                              sqlite3_stmt   *stmt,
                                              GError        **error);
gboolean      ks_store_begin                 (KsStore        *self,
                                              GError        **error);
/* Rolls back when the commit fails. */
gboolean      ks_store_commit                (KsStore        *self,
                                              GError        **error);
void          ks_store_rollback              (KsStore        *self);
char         *ks_store_now_utc_iso8601       (void);

void          ks_store_ensure_loaded         (KsStore        *self);
/* Where the account @id is in the model, or where it would go. */
gboolean      ks_store_find_position         (KsStore        *self,
                                              gint64          id,
                                              guint          *position);

void          ks_store_emit_plan_changed     (KsStore        *self,
                                              gint64          account_id);
void          ks_store_emit_products_changed (KsStore        *self);

/* ks_store_delete_account(), and with @plan_out its plan read in the same transaction. */
gboolean      ks_store_remove_account        (KsStore        *self,
                                              KsAccount      *account,
                                              KsAccountPlan **plan_out,
                                              GError        **error);
/* ks_store_restore_account(), and with @plan its rows written in the same transaction. */
gboolean      ks_store_put_back_account      (KsStore             *self,
                                              KsAccount           *account,
                                              const KsAccountPlan *plan,
                                              GError             **error);

/* ks-store-plan.c */

void          ks_store_plan_init             (KsStore        *self);
/* Finalizes the plan statements: before the connection closes. */
void          ks_store_plan_close            (KsStore        *self);
/* The rows of the account's plan, in the documented orders; no check that the account
 * exists. Inside or outside a transaction. */
KsAccountPlan *ks_store_plan_read            (KsStore        *self,
                                              gint64          account_id,
                                              GError        **error);
/* Validates every item of @plan (KS_ERROR_INVALID). */
gboolean      ks_store_plan_validate         (const KsAccountPlan *plan,
                                              GError             **error);
/* Inserts every row of @plan for @account_id with the ids they have, skipping the
 * whitespace cells of products that no longer exist. Inside a transaction. */
gboolean      ks_store_plan_write            (KsStore             *self,
                                              gint64               account_id,
                                              const KsAccountPlan *plan,
                                              GError             **error);
/* Inside a transaction: the sample products and the sample plans of @accounts (just
 * inserted, with ids; @sample_indices their places in ks_sample_create_accounts()).
 * Sets their summaries. */
gboolean      ks_store_plan_add_samples      (KsStore             *self,
                                              GPtrArray           *accounts,
                                              GArray              *sample_indices,
                                              GError             **error);
/* @plan's summary as of today with the store's weights; zeros for an empty plan. */
void          ks_store_plan_summarize        (KsStore             *self,
                                              const KsAccountPlan *plan,
                                              KsPlanSummary       *summary);
/* Sets the summaries of the accounts just loaded into by_id (not yet in the model,
 * their summaries all zero): only those with plan rows are looked at. */
void          ks_store_plan_init_summaries   (KsStore        *self);
/* Recomputes every account's summary in the model and announces those that changed. */
void          ks_store_plan_refresh_summaries (KsStore       *self);

G_END_DECLS
