/* ks-store-private.h — what ks-store.c, ks-store-plan.c and ks-store-relations.c share:
 * the store's fields and the statement, transaction and model helpers. Not for use
 * outside the store.
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
  sqlite3_stmt   **relation_stmts;      /* ks-store-relations.c's cache */
  sqlite3_stmt   **team_stmts;          /* ks-store-team.c's cache */
  sqlite3_stmt   **contract_stmts;      /* ks-store-contracts.c's cache */

  KsScoringRules   rules;
  char            *default_currency;
  char            *company_name;
  double           split_value;
  double           split_growth;

  KsHealthWeights  health_weights;
  GDateTime       *now;                 /* NULL: now (and today) are the clock's */

  /* Loaded on first use, so that a store opened to import or back up does not
   * make an object of every account first. */
  gboolean         loaded;
  KsAccountList   *accounts;            /* KsAccount, ordered by id */
  GHashTable      *by_id;               /* gint64 * → KsAccount (a reference) */
  GPtrArray       *score_order;         /* see ks_store_prepare_score_order() */
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
void          ks_store_emit_team_changed     (KsStore        *self);
void          ks_store_emit_template_changed (KsStore        *self);

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
/* The summary of @account (its tier says whether executive coverage matters) with
 * @plan (NULL: none) as of now with the store's weights. The health score needs
 * targets, actions or risks; without any plan rows the summary is zeros, except the
 * alerts of a Core or Key account (no executive contact). */
void          ks_store_plan_summarize        (KsStore             *self,
                                              KsAccount           *account,
                                              const KsAccountPlan *plan,
                                              KsPlanSummary       *summary);
/* Reads @account's plan and recomputes its summary; TRUE when the summary changed (the
 * caller announces it). */
gboolean      ks_store_plan_update_summary   (KsStore             *self,
                                              KsAccount           *account);
/* Whether @account is Core or Key: its executive coverage is watched. */
gboolean      ks_store_plan_is_key_account   (KsAccount           *account);
/* Sets the summaries of the accounts just loaded into by_id (not yet in the model,
 * their summaries all zero): only those with plan rows, and the Core and Key accounts,
 * are looked at. */
void          ks_store_plan_init_summaries   (KsStore        *self);
/* Recomputes every account's summary in the model and announces those that changed. */
void          ks_store_plan_refresh_summaries (KsStore       *self);
/* The account exists (in the model), else KS_ERROR_NOT_FOUND. */
gboolean      ks_store_plan_require_account  (KsStore        *self,
                                              gint64          account_id,
                                              GError        **error);
/* After a change to the plan of @account_id: recomputes its summary when the change
 * can move it (@affects_summary), announces the account when it moved, and emits
 * ::plan-changed. */
void          ks_store_plan_changed          (KsStore        *self,
                                              gint64          account_id,
                                              gboolean        affects_summary);
/* The plan of @account_id in @plans (account id → KsAccountPlan, keyed by the plan's
 * own account_id), made when missing. */
KsAccountPlan *ks_store_plan_for_account     (GHashTable     *plans,
                                              gint64          account_id);

/* ks-store-relations.c */

void          ks_store_relations_init        (KsStore        *self);
/* Finalizes the statements: before the connection closes. */
void          ks_store_relations_close       (KsStore        *self);
/* The account's contacts, interactions, surveys and complaints into @relations (empty),
 * in the documented orders. */
gboolean      ks_store_relations_read        (KsStore        *self,
                                              gint64          account_id,
                                              KsRelations    *relations,
                                              GError        **error);
/* What the summaries read, for every account at once (contacts, surveys, complaints;
 * not interactions), into @plans as ks_store_plan_for_account() makes them. */
gboolean      ks_store_relations_read_all    (KsStore        *self,
                                              GHashTable     *plans,
                                              GError        **error);
/* Every item valid; reports-to and the contacts of interactions among @relations'
 * contacts, no reporting loop, no quarter twice. KS_ERROR_INVALID. */
gboolean      ks_store_relations_validate    (const KsRelations *relations,
                                              GError           **error);
/* Inserts every row of @relations for @account_id with the ids they have (a contact
 * without one gets a new id). Inside a transaction. */
gboolean      ks_store_relations_write       (KsStore           *self,
                                              gint64             account_id,
                                              const KsRelations *relations,
                                              GError           **error);
/* Gives the contacts of @relations, numbered among themselves (the sample's: see
 * ks_sample_create_plan()), the ids the next new contacts would get, and makes
 * reports_to and the interactions' contacts follow. Inside a transaction, right before
 * ks_store_relations_write(). */
gboolean      ks_store_relations_number_contacts (KsStore     *self,
                                                  KsRelations *relations,
                                                  GError     **error);

/* ks-store-team.c */

void          ks_store_team_init             (KsStore        *self);
/* Finalizes the statements: before the connection closes. */
void          ks_store_team_close            (KsStore        *self);
/* The sample team (roles, mentors, coaching plans) of the owners of the sample accounts
 * just inserted, as of @now; inside ks_store_load_sample()'s transaction. */
gboolean      ks_store_team_add_samples      (KsStore        *self,
                                              GDateTime      *now,
                                              GError        **error);

/* ks-store-contracts.c */

void          ks_store_contracts_init        (KsStore        *self);
/* Finalizes the statements: before the connection closes. */
void          ks_store_contracts_close       (KsStore        *self);
/* Migration 6's seed: the built-in checklist template (ks-contract.h), in English,
 * inserted into the tables the step just made. An SQLite result code. */
int           ks_store_contracts_seed_template (sqlite3      *db);
/* The account's contracts (KsContract *, with their items) appended to @contracts, by
 * end date (none last), then title. Inside or outside a transaction. */
gboolean      ks_store_contracts_read        (KsStore        *self,
                                              gint64          account_id,
                                              GPtrArray      *contracts,
                                              GError        **error);
/* The ids of the accounts with a signed contract that has an open issue (the contract
 * alert), added to @account_ids (a set of gint64 *, keys freed with g_free): one
 * query, whatever the number of accounts. */
gboolean      ks_store_contracts_read_alerts (KsStore        *self,
                                              GHashTable     *account_ids,
                                              GError        **error);
/* Every contract of @contracts valid (KS_ERROR_INVALID). */
gboolean      ks_store_contracts_validate    (GPtrArray      *contracts,
                                              GError        **error);
/* Inserts @contracts for @account_id with the ids they and their items have (new ones
 * where 0). Inside a transaction. */
gboolean      ks_store_contracts_write       (KsStore        *self,
                                              gint64          account_id,
                                              GPtrArray      *contracts,
                                              GError        **error);

/* Small SQLite helpers the plan and relationship code share. */

static inline const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static inline char *
column_dup_or_null (sqlite3_stmt *stmt,
                    int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* NULL binds as the empty text. The texts outlive the step: SQLITE_STATIC. */
static inline void
bind_text (sqlite3_stmt *stmt,
           int           param,
           const char   *text)
{
  sqlite3_bind_text (stmt, param, text != NULL ? text : "", -1, SQLITE_STATIC);
}

/* NULL and the empty text bind as NULL. */
static inline void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           param,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, param);
  else
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_STATIC);
}

/* An id of 0 or less binds as NULL: SQLite picks one. */
static inline void
bind_id (sqlite3_stmt *stmt,
         int           param,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, param, id);
  else
    sqlite3_bind_null (stmt, param);
}

G_END_DECLS
