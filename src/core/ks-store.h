/* ks-store.h — the SQLite database: the only place with SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ks-account.h"
#include "ks-account-plan.h"
#include "ks-contract.h"
#include "ks-quarter.h"
#include "ks-scoring.h"
#include "ks-team.h"

G_BEGIN_DECLS

#define KS_TYPE_STORE (ks_store_get_type ())

G_DECLARE_FINAL_TYPE (KsStore, ks_store, KS, STORE, GObject)

/* The schema version this build writes (PRAGMA user_version). */
#define KS_SCHEMA_VERSION 6
/* How many backups of one database are kept. */
#define KS_STORE_BACKUPS_KEPT 5

/* $XDG_DATA_HOME/keystone/keystone.db */
char        *ks_store_get_default_path      (void);

/* Opens @path, creating it (mode 0600) when it does not exist, and migrates it. A new
 * file is made under another name beside it and put in place whole, so a crash during
 * the first run leaves nothing at @path. It is switched to WAL only once it was read.
 * A file that is not a usable Keystone database (zero bytes, truncated, corrupt,
 * read-only, locked by another writer, from a newer version) is refused with a
 * KS_ERROR and left byte-for-byte as it was. */
KsStore     *ks_store_open                  (const char       *path,
                                             GError          **error);
const char  *ks_store_get_path              (KsStore          *self);

/* Every account, ordered by id, kept current by the store: a GListModel of KsAccount
 * (a KsAccountList, so sorted and filtered views fetch any item in one step). An
 * edited account is the same object, announced by items-changed at its position. */
GListModel  *ks_store_get_accounts          (KsStore          *self);
guint        ks_store_get_n_accounts        (KsStore          *self);
/* Reads the accounts if they are not yet, and sorts them by KA score, highest first
 * (equal scores by address), the order the portfolio opens in; done on the thread that
 * opened the store, while the main thread starts. ks_store_take_score_order() gives
 * the order (an array that holds a reference to each account), or NULL if none was
 * prepared or the accounts changed since. A score changed meanwhile is not noticed: it is an order
 * to check, not to trust. */
void         ks_store_prepare_score_order   (KsStore          *self);
GPtrArray   *ks_store_take_score_order      (KsStore          *self);
KsAccount   *ks_store_lookup_account        (KsStore          *self,
                                             gint64            id);
/* The account whose name folds to the same key, or NULL. */
KsAccount   *ks_store_find_account_by_name  (KsStore          *self,
                                             const char       *name);
/* Owners in use, sorted, no duplicates. */
GStrv        ks_store_dup_owners            (KsStore          *self);

/* Inserts @account (its id is set) and adds it to the model. Validates first. */
gboolean     ks_store_add_account           (KsStore          *self,
                                             KsAccount        *account,
                                             GError          **error);
/* Saves @edited (a copy from ks_account_copy()) over the account with its id. */
gboolean     ks_store_update_account        (KsStore          *self,
                                             KsAccount        *edited,
                                             GError          **error);
/* Its plan goes with it (ks_store_delete_account_with_plan() keeps a copy for Undo). */
gboolean     ks_store_delete_account        (KsStore          *self,
                                             KsAccount        *account,
                                             GError          **error);
/* Undo of a delete: puts @account back with the id it had. */
gboolean     ks_store_restore_account       (KsStore          *self,
                                             KsAccount        *account,
                                             GError          **error);
/* What an import does with a row whose name is already in the portfolio. */
typedef enum
{
  KS_DUPLICATES_SKIP,     /* leave the existing account alone */
  KS_DUPLICATES_UPDATE,   /* overwrite the fields the file has */
  KS_DUPLICATES_KEEP,     /* add it anyway, as a second account */
} KsDuplicates;

/* An import in progress: a connection of its own and one open write transaction, so
 * it may run in a worker thread while the store's connection stays with the main
 * thread; the list model is not touched (see ks_store_reload_accounts()). Rows are
 * written as they are added, none is kept: memory does not grow with their number.
 * Nothing is visible to others, nor stays in the file, until the commit. */
typedef struct _KsStoreImport KsStoreImport;

/* Opens the connection and begins the transaction (BEGIN IMMEDIATE: fails at once,
 * with KS_ERROR_LOCKED, when another program is writing). @n_rows_hint is how many
 * rows will be added, 0 when unknown: it sizes the duplicate look-up. */
KsStoreImport *ks_store_import_begin        (KsStore          *self,
                                             KsDuplicates      duplicates,
                                             guint             n_rows_hint,
                                             GError          **error);
/* Inserts @row, or updates or skips it when its name is taken (after @duplicates; a
 * name added earlier in the same import counts as taken). On failure the import is
 * aborted: the error names the row's line, and only free is left to call. */
gboolean     ks_store_import_add            (KsStoreImport    *import,
                                             const KsAccountRow *row,
                                             GError          **error);
/* Commits, and counts what happened to each row and, for skipped rows, why
 * (translated strings appended to @skipped_reasons when not NULL). Failed, nothing
 * is written. Either way only free is left to call. */
gboolean     ks_store_import_commit         (KsStoreImport    *import,
                                             guint            *n_imported,
                                             guint            *n_updated,
                                             guint            *n_skipped,
                                             GPtrArray        *skipped_reasons,
                                             GError          **error);
/* Rolls back: nothing of the import stays in the file. */
void         ks_store_import_abort          (KsStoreImport    *import);
/* Aborts an import neither committed nor aborted, closes its connection, frees it. */
void         ks_store_import_free           (KsStoreImport    *import);

/* The whole of an import in one call: ks_store_import_begin(), add for each of @rows
 * (checking @cancellable as it goes), commit. Cancelled or failed, nothing is written. */
gboolean     ks_store_import_rows           (KsStore          *self,
                                             const KsAccountRow *rows,
                                             guint             n_rows,
                                             KsDuplicates      duplicates,
                                             GCancellable     *cancellable,
                                             guint            *n_imported,
                                             guint            *n_updated,
                                             guint            *n_skipped,
                                             GPtrArray        *skipped_reasons,
                                             GError          **error);
/* Brings the list model in line with the database after an import: changed accounts
 * are updated in place, new ones appended. Main thread only. */
gboolean     ks_store_reload_accounts       (KsStore          *self,
                                             GError          **error);

/* Adds the sample portfolio in one transaction. */
gboolean     ks_store_load_sample           (KsStore          *self,
                                             GError          **error);

/* The portfolio's scoring rules and document settings (stored in the database). */
const KsScoringRules *ks_store_get_rules    (KsStore          *self);
/* Validates, saves and re-scores every account; emits ::rules-changed. */
gboolean     ks_store_set_rules             (KsStore              *self,
                                             const KsScoringRules *rules,
                                             GError              **error);
/* Where the quadrant lines are, after the split mode: 50/50 or the medians. */
void         ks_store_get_split             (KsStore          *self,
                                             double           *split_value,
                                             double           *split_growth);
const char  *ks_store_get_default_currency  (KsStore          *self);
gboolean     ks_store_set_default_currency  (KsStore          *self,
                                             const char       *currency,
                                             GError          **error);
const char  *ks_store_get_company_name      (KsStore          *self);
gboolean     ks_store_set_company_name      (KsStore          *self,
                                             const char       *name,
                                             GError          **error);

/* The paper documents are laid out on. */
typedef enum
{
  KS_PAPER_AUTO,     /* the locale's: Letter where LC_PAPER says so, else A4 */
  KS_PAPER_A4,
  KS_PAPER_LETTER,
  KS_N_PAPER_SIZES
} KsPaperSize;

/* KS_PAPER_AUTO until set (or when the stored value is not one Keystone knows). */
KsPaperSize  ks_store_get_paper_size        (KsStore          *self);
gboolean     ks_store_set_paper_size        (KsStore          *self,
                                             KsPaperSize       paper,
                                             GError          **error);

/* Quarterly snapshots: every account's scores as they were, to compare with today.
 * @quarter is "YYYY-Qn" (see ks_quarter_parse()); ::snapshots-changed follows a change. */

/* Stores every account's value, growth, KA score, tier and quadrant, in one transaction.
 * A quarter that has a snapshot already is refused with KS_ERROR_DUPLICATE unless
 * @replace. An empty portfolio is refused with KS_ERROR_INVALID. */
gboolean     ks_store_take_snapshot         (KsStore          *self,
                                             const char       *quarter,
                                             gboolean          replace,
                                             GError          **error);
/* The quarters that have a snapshot, newest first. */
GStrv        ks_store_dup_snapshot_quarters (KsStore          *self);
/* gint64 * account id → KsSnapshotEntry *; KS_ERROR_NOT_FOUND when there is none. */
GHashTable  *ks_store_load_snapshot         (KsStore          *self,
                                             const char       *quarter,
                                             GError          **error);
gboolean     ks_store_delete_snapshot       (KsStore          *self,
                                             const char       *quarter,
                                             GError          **error);

/* Account plans (ks-store-plan.c). Every change is one transaction, validated first;
 * afterwards the account's plan summary (ks_account_get_plan_summary()) is recomputed,
 * the account announced by items-changed in the accounts model, and ::plan-changed
 * emitted with its id. An unknown account is KS_ERROR_NOT_FOUND. */

/* The whole plan of one account, a copy the caller owns. */
KsAccountPlan *ks_store_load_plan           (KsStore          *self,
                                             gint64            account_id,
                                             GError          **error);
/* TRUE when the account has any plan data: deleting it asks first. */
gboolean     ks_store_account_has_plan      (KsStore          *self,
                                             gint64            account_id);

gboolean     ks_store_set_credit_rating     (KsStore          *self,
                                             gint64            account_id,
                                             const char       *rating,
                                             GError          **error);

/* Writes @year (all five targets and four actuals, after its has_ masks) over what the
 * account had for that year and metric; all masks 0 removes it. */
gboolean     ks_store_save_target_year      (KsStore          *self,
                                             gint64            account_id,
                                             const KsTargetYear *year,
                                             GError          **error);

/* Inserts @action when its id is 0 (and sets the id), else updates it. */
gboolean     ks_store_save_action           (KsStore          *self,
                                             gint64            account_id,
                                             KsAction         *action,
                                             GError          **error);
gboolean     ks_store_delete_action         (KsStore          *self,
                                             gint64            action_id,
                                             GError          **error);
/* Undo of a delete: puts @action back with its id. */
gboolean     ks_store_restore_action        (KsStore          *self,
                                             gint64            account_id,
                                             const KsAction   *action,
                                             GError          **error);

/* The portfolio's product list, in its order; a GPtrArray of KsProduct *. */
GPtrArray   *ks_store_dup_products          (KsStore          *self);
/* A name not empty, ≤ KS_PLAN_NAME_MAX, not taken (case-insensitively). Sets the id. */
gboolean     ks_store_add_product           (KsStore          *self,
                                             KsProduct        *product,
                                             GError          **error);
gboolean     ks_store_rename_product        (KsStore          *self,
                                             gint64            product_id,
                                             const char       *name,
                                             GError          **error);
/* Moves the product to @position (0 first) in the list. */
gboolean     ks_store_move_product          (KsStore          *self,
                                             gint64            product_id,
                                             guint             position,
                                             GError          **error);
/* Deletes the product and every account's cell for it; @cells_out (when not NULL)
 * receives the account id → KsWhitespace cells removed, for Undo: a GHashTable of
 * gint64 * → KsWhitespace *. Emits ::products-changed and ::plan-changed (id 0). */
gboolean     ks_store_delete_product        (KsStore          *self,
                                             gint64            product_id,
                                             guint            *position_out,
                                             GHashTable      **cells_out,
                                             GError          **error);
gboolean     ks_store_restore_product       (KsStore          *self,
                                             const KsProduct  *product,
                                             guint             position,
                                             GHashTable       *cells,
                                             GError          **error);

/* Sets the account's cell for @cell->product_id; state UNKNOWN removes it. */
gboolean     ks_store_save_whitespace       (KsStore          *self,
                                             gint64            account_id,
                                             const KsWhitespace *cell,
                                             GError          **error);

/* Inserts @item at the end of its kind when its id is 0, else updates its text. */
gboolean     ks_store_save_swot_item        (KsStore          *self,
                                             gint64            account_id,
                                             KsSwotItem       *item,
                                             GError          **error);
/* Moves the item to @position within its kind. */
gboolean     ks_store_move_swot_item        (KsStore          *self,
                                             gint64            item_id,
                                             guint             position,
                                             GError          **error);
gboolean     ks_store_delete_swot_item      (KsStore          *self,
                                             gint64            item_id,
                                             GError          **error);
/* Puts @item back with its id at its position. */
gboolean     ks_store_restore_swot_item     (KsStore          *self,
                                             gint64            account_id,
                                             const KsSwotItem *item,
                                             GError          **error);

gboolean     ks_store_save_risk             (KsStore          *self,
                                             gint64            account_id,
                                             KsRisk           *risk,
                                             GError          **error);
gboolean     ks_store_delete_risk           (KsStore          *self,
                                             gint64            risk_id,
                                             GError          **error);
gboolean     ks_store_restore_risk          (KsStore          *self,
                                             gint64            account_id,
                                             const KsRisk     *risk,
                                             GError          **error);

/* Relationships (ks-store-relations.c): part of the account's plan (plan->relations,
 * loaded and deleted and restored with it); each change emits ::plan-changed and
 * recomputes the summary like the plan's own. */

/* Inserts @contact when its id is 0 (and sets it), else updates it. Its reports_to
 * must be another contact of the same account, and not make a loop (KS_ERROR_INVALID,
 * nothing written). */
gboolean     ks_store_save_contact          (KsStore          *self,
                                             gint64            account_id,
                                             KsContact        *contact,
                                             GError          **error);
/* What deleting a contact undid elsewhere, for Undo: the contacts that reported to it
 * and the interactions it took part in (ids). */
typedef struct
{
  GArray *reporting_ids;      /* gint64 */
  GArray *interaction_ids;    /* gint64 */
} KsContactLinks;
void         ks_contact_links_free          (KsContactLinks   *links);
gboolean     ks_store_delete_contact        (KsStore          *self,
                                             gint64            contact_id,
                                             KsContactLinks  **links_out,
                                             GError          **error);
/* Puts @contact back with its id, and its links when @links is not NULL: the contacts
 * that reported to it and have had no manager since report to it again (unless that
 * made a loop now), and the interactions still there list it again. A manager deleted
 * meanwhile leaves it reporting to nobody. */
gboolean     ks_store_restore_contact       (KsStore          *self,
                                             gint64            account_id,
                                             const KsContact  *contact,
                                             const KsContactLinks *links,
                                             GError          **error);

/* Inserts @interaction when its id is 0 (and sets it), else updates it; its contacts
 * must be the account's (KS_ERROR_INVALID). */
gboolean     ks_store_save_interaction      (KsStore          *self,
                                             gint64            account_id,
                                             KsInteraction    *interaction,
                                             GError          **error);
gboolean     ks_store_delete_interaction    (KsStore          *self,
                                             gint64            interaction_id,
                                             GError          **error);
/* Undo of a delete: with its id, and those of its contacts still there. */
gboolean     ks_store_restore_interaction   (KsStore          *self,
                                             gint64            account_id,
                                             const KsInteraction *interaction,
                                             GError          **error);

/* The survey of @survey->quarter, added or replaced. */
gboolean     ks_store_save_satisfaction     (KsStore          *self,
                                             gint64            account_id,
                                             const KsSatisfaction *survey,
                                             GError          **error);
gboolean     ks_store_delete_satisfaction   (KsStore          *self,
                                             gint64            account_id,
                                             const char       *quarter,
                                             GError          **error);

/* Inserts @complaint when its id is 0 (and sets it and its account_id), else updates
 * it; ks_complaint_validate() first: a complaint closed before its loop is closed is
 * KS_ERROR_INVALID, and nothing is written. */
gboolean     ks_store_save_complaint        (KsStore          *self,
                                             gint64            account_id,
                                             KsComplaint      *complaint,
                                             GError          **error);
gboolean     ks_store_delete_complaint      (KsStore          *self,
                                             gint64            complaint_id,
                                             GError          **error);
gboolean     ks_store_restore_complaint     (KsStore          *self,
                                             gint64            account_id,
                                             const KsComplaint *complaint,
                                             GError          **error);
/* Every account's complaints (account_id set): the open ones first, the oldest first
 * (by the instant they were opened, whatever the time zone), then the closed ones,
 * newest first; only the open ones with @open_only. NULL and @error on failure. */
GPtrArray   *ks_store_dup_complaints        (KsStore          *self,
                                             gboolean          open_only,
                                             GError          **error);

/* "Now" for the 24-hour rule (and today, its date in its own time zone): the clock
 * unless set (tests, benchmarks); setting it recomputes every summary and announces
 * the accounts whose summary changed. NULL goes back to the clock. */
void         ks_store_set_now               (KsStore          *self,
                                             GDateTime        *now);
/* The injected now, or the clock's (local time). */
GDateTime   *ks_store_dup_now               (KsStore          *self);
/* Recomputes every summary as of now and announces the accounts whose summary changed:
 * time passing alone makes a complaint overdue or an executive contact lapse, so the
 * UI calls this every few minutes. */
void         ks_store_refresh_summaries     (KsStore          *self);

/* Deletes the account and its whole plan in one transaction; @plan_out (when not
 * NULL) receives the plan for Undo. */
gboolean     ks_store_delete_account_with_plan (KsStore        *self,
                                                KsAccount      *account,
                                                KsAccountPlan **plan_out,
                                                GError        **error);
/* Undo of that: the account and its plan back, with their ids, in one transaction; the
 * whitespace cells of products deleted meanwhile are left out. ::plan-changed follows
 * when the plan has anything. */
gboolean     ks_store_restore_account_with_plan (KsStore             *self,
                                                 KsAccount           *account,
                                                 const KsAccountPlan *plan,
                                                 GError             **error);

/* "Today" for overdue actions and year-to-date attainment: the date of now (see
 * ks_store_set_now()). Setting it sets now to noon, local time, of that day, and so
 * recomputes every summary and announces the accounts whose summary changed. NULL goes
 * back to the clock. */
void         ks_store_set_today             (KsStore          *self,
                                             const GDate      *today);
void         ks_store_get_today             (KsStore          *self,
                                             GDate            *today);

/* The health score's weights (in the database, like the scoring rules). Validated;
 * every summary recomputed; ::rules-changed emitted. */
const KsHealthWeights *ks_store_get_health_weights (KsStore  *self);
gboolean     ks_store_set_health_weights    (KsStore               *self,
                                             const KsHealthWeights *weights,
                                             GError               **error);

/* ---- The team (ks-store-team.c) ----------------------------------------------- */

/* Every member (KsMember *), by name (g_utf8_collate). Every account owner is one:
 * the store adds an owner new to the team when an account is saved or imported, and
 * gives the account the member's spelling of the name ("li wei" → "Li Wei"). NULL and
 * @error on failure. */
GPtrArray   *ks_store_dup_members           (KsStore          *self,
                                             GError          **error);
KsMember    *ks_store_dup_member            (KsStore          *self,
                                             gint64            member_id,
                                             GError          **error);
/* Inserts @member when its id is 0 (and sets it), else updates it. A name another
 * member has (whatever its case) or a mentor that is not a member is KS_ERROR_INVALID.
 * A new name is given to every account the member owns (their KsAccount objects
 * follow). ::team-changed. */
gboolean     ks_store_save_member           (KsStore          *self,
                                             KsMember         *member,
                                             GError          **error);

/* What deleting a member took away, for Undo. */
typedef struct
{
  KsMember  *member;
  GPtrArray *plans;          /* KsCoachingPlan *, with actions and sessions */
  GArray    *account_ids;    /* gint64: the accounts they owned */
  GArray    *mentee_ids;     /* gint64: the members they mentored */
  char      *takeover;       /* the name the accounts went to, "" for nobody */
} KsMemberDeletion;
void         ks_member_deletion_free        (KsMemberDeletion *deletion);
/* Deletes the member and their coaching plans; the accounts they own go to the member
 * @takeover_id (0: the accounts keep no owner), their mentees lose their mentor. One
 * transaction. ::team-changed. */
gboolean     ks_store_delete_member         (KsStore          *self,
                                             gint64            member_id,
                                             gint64            takeover_id,
                                             KsMemberDeletion **deletion_out,
                                             GError          **error);
/* Undo: the member, plans, mentees' mentor and the accounts (those still owned by
 * the takeover, or by nobody) back, with their ids. */
gboolean     ks_store_restore_member        (KsStore          *self,
                                             const KsMemberDeletion *deletion,
                                             GError          **error);

/* The member's coaching plans (KsCoachingPlan *, with actions and sessions): active
 * first, then paused, achieved, dropped; within each by due date (none last), id. */
GPtrArray   *ks_store_dup_coaching_plans    (KsStore          *self,
                                             gint64            member_id,
                                             GError          **error);
/* Every member's plans, for the review: member id → GPtrArray of KsCoachingPlan *. */
GHashTable  *ks_store_dup_all_coaching_plans (KsStore         *self,
                                             GError          **error);
/* Inserts @plan (its actions and sessions are not touched) when its id is 0 (and sets
 * it), else updates it; validated first. ::team-changed. */
gboolean     ks_store_save_coaching_plan    (KsStore          *self,
                                             KsCoachingPlan   *plan,
                                             GError          **error);
/* With its actions and sessions; @plan_out (may be NULL) receives them all for Undo. */
gboolean     ks_store_delete_coaching_plan  (KsStore          *self,
                                             gint64            plan_id,
                                             KsCoachingPlan  **plan_out,
                                             GError          **error);
/* Undo: with its id and those of its actions and sessions. */
gboolean     ks_store_restore_coaching_plan (KsStore          *self,
                                             const KsCoachingPlan *plan,
                                             GError          **error);
/* Inserts when the id is 0 (and sets it), else updates; validated. ::team-changed. */
gboolean     ks_store_save_coaching_action  (KsStore          *self,
                                             KsCoachingAction *action,
                                             GError          **error);
gboolean     ks_store_delete_coaching_action (KsStore         *self,
                                             gint64            action_id,
                                             GError          **error);
/* Undo: with its id (nothing when its plan is gone: KS_ERROR_NOT_FOUND). */
gboolean     ks_store_restore_coaching_action (KsStore        *self,
                                             const KsCoachingAction *action,
                                             GError          **error);
gboolean     ks_store_save_coaching_session (KsStore          *self,
                                             KsCoachingSession *session,
                                             GError          **error);
gboolean     ks_store_delete_coaching_session (KsStore        *self,
                                             gint64            session_id,
                                             GError          **error);
gboolean     ks_store_restore_coaching_session (KsStore       *self,
                                             const KsCoachingSession *session,
                                             GError          **error);

/* ---- Contracts (ks-store-contracts.c) ------------------------------------------ */

/* Contracts are part of the account's plan (plan->contracts: loaded, deleted and put
 * back with it); each change emits ::plan-changed and recomputes the account's
 * summary (the contract alert). */

/* The checklist template: KsTemplateCategory * in order, with their items. */
GPtrArray   *ks_store_dup_template          (KsStore          *self,
                                             GError          **error);
/* Replaces the whole template with @categories (ids kept where set, new ones given),
 * validated, in one transaction; existing contracts keep their items.
 * ::template-changed. */
gboolean     ks_store_save_template         (KsStore          *self,
                                             GPtrArray        *categories,
                                             GError          **error);
/* Puts the built-in template back (the whole template replaced). */
gboolean     ks_store_reset_template        (KsStore          *self,
                                             GError          **error);

/* Every contract (KsContract *, with items), for the Contracts view: by end date
 * (none last), then title. NULL and @error on failure. */
GPtrArray   *ks_store_dup_contracts         (KsStore          *self,
                                             GError          **error);
/* Inserts @contract when its id is 0 (and sets it and its items' ids; a new contract
 * without items gets the template's), else updates it and its items (items added,
 * changed and removed to match). Validated; KS_ERROR_NOT_FOUND for a missing account. */
gboolean     ks_store_save_contract         (KsStore          *self,
                                             gint64            account_id,
                                             KsContract       *contract,
                                             GError          **error);
/* One item's state, note, reviewer and review date (a checklist click). */
gboolean     ks_store_save_contract_item    (KsStore          *self,
                                             gint64            contract_id,
                                             const KsContractItem *item,
                                             GError          **error);
/* With its items; @contract_out (may be NULL) receives it for Undo. */
gboolean     ks_store_delete_contract       (KsStore          *self,
                                             gint64            contract_id,
                                             KsContract      **contract_out,
                                             GError          **error);
/* Undo: with its id and its items' ids. */
gboolean     ks_store_restore_contract      (KsStore          *self,
                                             const KsContract *contract,
                                             GError          **error);

/* A copy through the SQLite backup API into the backups folder beside the database,
 * keeping the last KS_STORE_BACKUPS_KEPT; returns the new file's path. */
char        *ks_store_backup                (KsStore          *self,
                                             GError          **error);
/* Backs up when the newest backup is a day old or there is none; TRUE when nothing failed.
 * Blocks for as long as the copy takes: the UI uses the _async() form. */
gboolean     ks_store_backup_if_due         (KsStore          *self,
                                             GError          **error);
/* The same in a worker thread, on a read-only connection of its own: the store may be
 * used and written meanwhile (WAL lets the copy read a snapshot). The callback runs in
 * the calling thread's main context; _finish() is TRUE when nothing failed. */
void         ks_store_backup_if_due_async   (KsStore             *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     ks_store_backup_if_due_finish  (KsStore          *self,
                                             GAsyncResult     *result,
                                             GError          **error);
char        *ks_store_get_backup_dir        (KsStore          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsStoreImport, ks_store_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsContactLinks, ks_contact_links_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsMemberDeletion, ks_member_deletion_free)

G_END_DECLS
