/* ks-store-team.c — the team in the database: members, who mentors whom, and their
 * coaching plans with actions and sessions. Account owners are members: renaming a
 * member renames the owner of their accounts, deleting one hands the accounts over, and
 * the KsAccount objects follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ks-error.h"
#include "ks-sample.h"
#include "ks-store-private.h"

typedef enum
{
  TEAM_LIST_MEMBERS,
  TEAM_GET_MEMBER,
  TEAM_FIND_MEMBER,
  TEAM_NAME_TAKEN,
  TEAM_INSERT_MEMBER,
  TEAM_UPDATE_MEMBER,
  TEAM_DELETE_MEMBER,
  TEAM_MENTEE_IDS,
  TEAM_RESTORE_MENTOR,
  TEAM_OWNED_ACCOUNT_IDS,
  TEAM_HAND_OVER_ACCOUNTS,
  TEAM_GIVE_BACK_ACCOUNT,
  TEAM_MEMBER_PLANS,
  TEAM_MEMBER_ACTIONS,
  TEAM_MEMBER_SESSIONS,
  TEAM_PLAN,
  TEAM_PLAN_ACTIONS,
  TEAM_PLAN_SESSIONS,
  TEAM_ALL_PLANS,
  TEAM_ALL_ACTIONS,
  TEAM_ALL_SESSIONS,
  TEAM_PLAN_MEMBER,
  TEAM_INSERT_PLAN,
  TEAM_UPDATE_PLAN,
  TEAM_DELETE_PLAN,
  TEAM_INSERT_ACTION,
  TEAM_UPDATE_ACTION,
  TEAM_DELETE_ACTION,
  TEAM_INSERT_SESSION,
  TEAM_UPDATE_SESSION,
  TEAM_DELETE_SESSION,
  TEAM_COUNT_PLANS,
  TEAM_SAMPLE_ROLE,
  TEAM_SAMPLE_MENTOR,
  N_TEAM_STMTS
} TeamStmt;

#define MEMBER_COLUMNS  "id, name, role, mentor_id, notes"
#define PLAN_COLUMNS    "id, member_id, skill, custom_skill, start_level, current_level, " \
                        "target_level, objective, start, due, status, coach"
#define ACTION_COLUMNS  "a.id, a.plan_id, a.kind, a.title, a.due, a.status"
#define SESSION_COLUMNS "s.id, s.plan_id, s.date, s.kind, s.rating, s.notes, s.next_step"

/* Active first, then paused, achieved, dropped; within each by due date (none last). */
#define PLAN_ORDER      "CASE status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 " \
                        "WHEN 'achieved' THEN 2 ELSE 3 END, due IS NULL, due, id"
#define ACTION_ORDER    "a.due IS NULL, a.due, a.id"
#define SESSION_ORDER   "s.date DESC, s.id DESC"

/* An account's owner as a member's name is compared: without the white space around it
 * (what g_ascii_isspace() calls space; trim() alone takes only spaces), in any case of
 * its ASCII letters (COLLATE NOCASE, as the member table's name). */
#define OWNER_IS(param) "trim (owner, ' ' || char (9, 10, 11, 12, 13)) = " param " COLLATE NOCASE"
#define OWNER_IS_NOBODY "trim (owner, ' ' || char (9, 10, 11, 12, 13)) = ''"

static const char * const team_sql[N_TEAM_STMTS] = {
  /* by name: sorted in C, with g_utf8_collate() */
  [TEAM_LIST_MEMBERS] = "SELECT " MEMBER_COLUMNS " FROM member",
  [TEAM_GET_MEMBER] = "SELECT " MEMBER_COLUMNS " FROM member WHERE id = ?1",
  /* the column's NOCASE compares */
  [TEAM_FIND_MEMBER] = "SELECT " MEMBER_COLUMNS " FROM member WHERE name = ?1",
  [TEAM_NAME_TAKEN] = "SELECT 1 FROM member WHERE name = ?1 AND id <> ?2 LIMIT 1",
  [TEAM_INSERT_MEMBER] = "INSERT INTO member (id, name, role, mentor_id, notes) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)",
  [TEAM_UPDATE_MEMBER] = "UPDATE member SET name = ?2, role = ?3, mentor_id = ?4, notes = ?5 "
                         "WHERE id = ?1",
  /* the plans go with the member (ON DELETE CASCADE), the mentees lose their mentor
   * (ON DELETE SET NULL) */
  [TEAM_DELETE_MEMBER] = "DELETE FROM member WHERE id = ?1",
  [TEAM_MENTEE_IDS] = "SELECT id FROM member WHERE mentor_id = ?1 ORDER BY id",
  /* Undo: a mentee the user has not given another mentor meanwhile */
  [TEAM_RESTORE_MENTOR] = "UPDATE member SET mentor_id = ?2 WHERE id = ?1 AND mentor_id IS NULL",
  [TEAM_OWNED_ACCOUNT_IDS] = "SELECT id FROM account WHERE " OWNER_IS ("?1") " ORDER BY id",
  [TEAM_HAND_OVER_ACCOUNTS] = "UPDATE account SET owner = ?2, updated_at = ?3 "
                              "WHERE " OWNER_IS ("?1"),
  /* Undo: an account still with whoever took it over, or with nobody */
  [TEAM_GIVE_BACK_ACCOUNT] = "UPDATE account SET owner = ?2, updated_at = ?4 "
                             "WHERE id = ?1 AND (" OWNER_IS ("?3") " OR " OWNER_IS_NOBODY ")",
  [TEAM_MEMBER_PLANS] = "SELECT " PLAN_COLUMNS " FROM coaching_plan WHERE member_id = ?1 "
                        "ORDER BY " PLAN_ORDER,
  [TEAM_MEMBER_ACTIONS] = "SELECT " ACTION_COLUMNS " FROM coaching_action AS a "
                          "JOIN coaching_plan AS p ON p.id = a.plan_id "
                          "WHERE p.member_id = ?1 ORDER BY " ACTION_ORDER,
  [TEAM_MEMBER_SESSIONS] = "SELECT " SESSION_COLUMNS " FROM coaching_session AS s "
                           "JOIN coaching_plan AS p ON p.id = s.plan_id "
                           "WHERE p.member_id = ?1 ORDER BY " SESSION_ORDER,
  [TEAM_PLAN] = "SELECT " PLAN_COLUMNS " FROM coaching_plan WHERE id = ?1",
  [TEAM_PLAN_ACTIONS] = "SELECT " ACTION_COLUMNS " FROM coaching_action AS a "
                        "WHERE a.plan_id = ?1 ORDER BY " ACTION_ORDER,
  [TEAM_PLAN_SESSIONS] = "SELECT " SESSION_COLUMNS " FROM coaching_session AS s "
                         "WHERE s.plan_id = ?1 ORDER BY " SESSION_ORDER,
  [TEAM_ALL_PLANS] = "SELECT " PLAN_COLUMNS " FROM coaching_plan "
                     "ORDER BY member_id, " PLAN_ORDER,
  [TEAM_ALL_ACTIONS] = "SELECT " ACTION_COLUMNS " FROM coaching_action AS a "
                       "ORDER BY " ACTION_ORDER,
  [TEAM_ALL_SESSIONS] = "SELECT " SESSION_COLUMNS " FROM coaching_session AS s "
                        "ORDER BY " SESSION_ORDER,
  [TEAM_PLAN_MEMBER] = "SELECT member_id FROM coaching_plan WHERE id = ?1",
  [TEAM_INSERT_PLAN] = "INSERT INTO coaching_plan (" PLAN_COLUMNS ") "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  [TEAM_UPDATE_PLAN] = "UPDATE coaching_plan SET member_id = ?2, skill = ?3, "
                       "custom_skill = ?4, start_level = ?5, current_level = ?6, "
                       "target_level = ?7, objective = ?8, start = ?9, due = ?10, "
                       "status = ?11, coach = ?12 WHERE id = ?1",
  /* its actions and sessions go with it: ON DELETE CASCADE */
  [TEAM_DELETE_PLAN] = "DELETE FROM coaching_plan WHERE id = ?1",
  [TEAM_INSERT_ACTION] = "INSERT INTO coaching_action (id, plan_id, kind, title, due, status) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [TEAM_UPDATE_ACTION] = "UPDATE coaching_action SET plan_id = ?2, kind = ?3, title = ?4, "
                         "due = ?5, status = ?6 WHERE id = ?1",
  [TEAM_DELETE_ACTION] = "DELETE FROM coaching_action WHERE id = ?1",
  [TEAM_INSERT_SESSION] = "INSERT INTO coaching_session (id, plan_id, date, kind, rating, "
                          "notes, next_step) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [TEAM_UPDATE_SESSION] = "UPDATE coaching_session SET plan_id = ?2, date = ?3, kind = ?4, "
                          "rating = ?5, notes = ?6, next_step = ?7 WHERE id = ?1",
  [TEAM_DELETE_SESSION] = "DELETE FROM coaching_session WHERE id = ?1",
  [TEAM_COUNT_PLANS] = "SELECT count(*) FROM coaching_plan WHERE member_id = ?1",
  /* The sample fills in what the user has not */
  [TEAM_SAMPLE_ROLE] = "UPDATE member SET role = ?2, notes = ?3 "
                       "WHERE id = ?1 AND role = '' AND notes = ''",
  [TEAM_SAMPLE_MENTOR] = "UPDATE member SET mentor_id = ?2 "
                         "WHERE id = ?1 AND mentor_id IS NULL AND ?2 <> ?1",
};

/* Statements */

void
ks_store_team_init (KsStore *self)
{
  self->team_stmts = g_new0 (sqlite3_stmt *, N_TEAM_STMTS);
}

void
ks_store_team_close (KsStore *self)
{
  if (self->team_stmts == NULL)
    return;
  for (guint i = 0; i < N_TEAM_STMTS; i++)
    g_clear_pointer (&self->team_stmts[i], sqlite3_finalize);
}

static sqlite3_stmt *
team_stmt (KsStore   *self,
           TeamStmt   id,
           GError   **error)
{
  return ks_store_prepare_cached (self, &self->team_stmts[id], team_sql[id], error);
}

/* Runs statement @id with @param bound as ?1, to the end; *@n_changed (when not NULL)
 * the rows it changed. */
static gboolean
run_with_id (KsStore   *self,
             TeamStmt   id,
             gint64     param,
             int       *n_changed,
             GError   **error)
{
  sqlite3_stmt *stmt = team_stmt (self, id, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = sqlite3_changes (self->db);
  return TRUE;
}

/* The ids in the first column of the rows of statement @id (@text bound as ?1 when not
 * NULL, else @param), appended to @ids. */
static gboolean
read_ids (KsStore     *self,
          TeamStmt     id,
          gint64       param,
          const char  *text,
          GArray      *ids,
          GError     **error)
{
  sqlite3_stmt *stmt = team_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

/* Errors */

static void
set_member_not_found (GError **error)
{
  g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND,
                       _("The team member no longer exists: they were deleted."));
}

static void
set_plan_not_found (GError **error)
{
  g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND,
                       _("The coaching plan no longer exists: it was deleted."));
}

static void
set_name_taken (GError     **error,
                const char  *name)
{
  g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
               /* Translators: %s is a person's name */
               _("There is already a team member called “%s”. Give each member a name of "
                 "their own (names that differ only in capital letters count as the "
                 "same)."),
               name);
}

/* Reading rows */

static KsMember *
member_from_row (sqlite3_stmt *stmt)
{
  KsMember *member = g_new0 (KsMember, 1);

  member->id = sqlite3_column_int64 (stmt, 0);
  member->name = g_strdup (column_text (stmt, 1));
  member->role = g_strdup (column_text (stmt, 2));
  member->mentor_id = sqlite3_column_int64 (stmt, 3);
  member->notes = g_strdup (column_text (stmt, 4));

  return member;
}

static KsCoachingPlan *
plan_from_row (sqlite3_stmt *stmt)
{
  KsCoachingPlan *plan = ks_coaching_plan_new ();
  int skill = ks_skill_from_key (column_text (stmt, 2));
  int status = ks_coaching_status_from_key (column_text (stmt, 10));

  /* the CHECK constraints keep unknown keys and levels out */
  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->member_id = sqlite3_column_int64 (stmt, 1);
  plan->skill = skill >= 0 ? skill : KS_SKILL_CUSTOM;
  g_free (plan->custom_skill);
  plan->custom_skill = g_strdup (column_text (stmt, 3));
  plan->start_level = sqlite3_column_int (stmt, 4);
  plan->current_level = sqlite3_column_int (stmt, 5);
  plan->target_level = sqlite3_column_int (stmt, 6);
  g_free (plan->objective);
  plan->objective = g_strdup (column_text (stmt, 7));
  plan->start = g_strdup (column_text (stmt, 8));
  plan->due = column_dup_or_null (stmt, 9);
  plan->status = status >= 0 ? status : KS_COACHING_ACTIVE;
  g_free (plan->coach);
  plan->coach = g_strdup (column_text (stmt, 11));

  return plan;
}

static KsCoachingAction *
action_from_row (sqlite3_stmt *stmt)
{
  KsCoachingAction *action = g_new0 (KsCoachingAction, 1);
  int kind = ks_coaching_action_kind_from_key (column_text (stmt, 2));
  const char *status = column_text (stmt, 5);

  action->id = sqlite3_column_int64 (stmt, 0);
  action->plan_id = sqlite3_column_int64 (stmt, 1);
  action->kind = kind >= 0 ? kind : KS_COACHING_ACTION_TRAINING;
  action->title = g_strdup (column_text (stmt, 3));
  action->due = column_dup_or_null (stmt, 4);
  action->status = KS_ACTION_OPEN;
  for (guint s = 0; s < KS_N_ACTION_STATUSES; s++)
    if (g_str_equal (status, ks_action_status_get_key (s)))
      action->status = s;

  return action;
}

static KsCoachingSession *
session_from_row (sqlite3_stmt *stmt)
{
  KsCoachingSession *session = g_new0 (KsCoachingSession, 1);
  int kind = ks_session_kind_from_key (column_text (stmt, 3));

  session->id = sqlite3_column_int64 (stmt, 0);
  session->plan_id = sqlite3_column_int64 (stmt, 1);
  session->date = g_strdup (column_text (stmt, 2));
  session->kind = kind >= 0 ? kind : KS_SESSION_ONE_ON_ONE;
  session->rating = sqlite3_column_int (stmt, 4);   /* NULL reads as 0: none */
  session->notes = g_strdup (column_text (stmt, 5));
  session->next_step = g_strdup (column_text (stmt, 6));

  return session;
}

/* The member @member_id into *@member_out (NULL when there is none). */
static gboolean
read_member (KsStore    *self,
             TeamStmt    id,
             gint64      member_id,
             const char *name,
             KsMember  **member_out,
             GError    **error)
{
  sqlite3_stmt *stmt = team_stmt (self, id, error);
  int rc;

  *member_out = NULL;
  if (stmt == NULL)
    return FALSE;
  if (name != NULL)
    bind_text (stmt, 1, name);
  else
    sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *member_out = member_from_row (stmt);
  else if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The member @member_id, or NULL and NOT_FOUND (or a database error). */
static KsMember *
require_member (KsStore  *self,
                gint64    member_id,
                GError  **error)
{
  KsMember *member = NULL;

  if (!read_member (self, TEAM_GET_MEMBER, member_id, NULL, &member, error))
    return NULL;
  if (member == NULL)
    set_member_not_found (error);
  return member;
}

/* Whether a member other than @except_id is called @name (whatever its case). */
static gboolean
name_taken (KsStore     *self,
            const char  *name,
            gint64       except_id,
            gboolean    *taken,
            GError     **error)
{
  sqlite3_stmt *stmt = team_stmt (self, TEAM_NAME_TAKEN, error);
  int rc;

  *taken = FALSE;
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  *taken = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The first column of statement @id's first row, @param bound as ?1; 0 for no row. */
static gboolean
query_id (KsStore   *self,
          TeamStmt   id,
          gint64     param,
          gint64    *out,
          gboolean  *found,
          GError   **error)
{
  sqlite3_stmt *stmt = team_stmt (self, id, error);
  int rc;

  *out = 0;
  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      *found = TRUE;
    }
  else if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The plan @plan_id exists, else NOT_FOUND. */
static gboolean
require_plan (KsStore  *self,
              gint64    plan_id,
              GError  **error)
{
  gint64 member_id;
  gboolean found;

  if (!query_id (self, TEAM_PLAN_MEMBER, plan_id, &member_id, &found, error))
    return FALSE;
  if (!found)
    set_plan_not_found (error);
  return found;
}

/* Appends the rows of statement @stmt_id (@param bound as ?1 unless @all) to the
 * actions of the plans in @by_id (gint64 * id → KsCoachingPlan *) they belong to, or
 * with @sessions to their sessions. */
static gboolean
read_plan_items (KsStore     *self,
                 TeamStmt     stmt_id,
                 gboolean     all,
                 gint64       param,
                 GHashTable  *by_id,
                 gboolean     sessions,
                 GError     **error)
{
  sqlite3_stmt *stmt = team_stmt (self, stmt_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (!all)
    sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 plan_id = sqlite3_column_int64 (stmt, 1);
      KsCoachingPlan *plan = g_hash_table_lookup (by_id, &plan_id);

      if (plan == NULL)
        continue;
      if (sessions)
        g_ptr_array_add (plan->sessions, session_from_row (stmt));
      else
        g_ptr_array_add (plan->actions, action_from_row (stmt));
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

/* The plans of statement @plans_stmt (with @param bound as ?1 unless @all) with their
 * actions and sessions, in the documented orders, appended to @out. */
static gboolean
read_plans (KsStore    *self,
            TeamStmt    plans_stmt,
            TeamStmt    actions_stmt,
            TeamStmt    sessions_stmt,
            gboolean    all,
            gint64      param,
            GPtrArray  *out,
            GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = team_stmt (self, plans_stmt, error);
  if (stmt == NULL)
    return FALSE;
  if (!all)
    sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KsCoachingPlan *plan = plan_from_row (stmt);

      g_ptr_array_add (out, plan);
      g_hash_table_insert (by_id, &plan->id, plan);
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  if (g_hash_table_size (by_id) == 0)
    return TRUE;

  return read_plan_items (self, actions_stmt, all, param, by_id, FALSE, error)
         && read_plan_items (self, sessions_stmt, all, param, by_id, TRUE, error);
}

static GPtrArray *
new_plan_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ks_coaching_plan_free);
}

/* The plan @plan_id with its actions and sessions, or NULL and NOT_FOUND. */
static KsCoachingPlan *
read_plan (KsStore  *self,
           gint64    plan_id,
           GError  **error)
{
  g_autoptr(GPtrArray) plans = new_plan_array ();

  if (!read_plans (self, TEAM_PLAN, TEAM_PLAN_ACTIONS, TEAM_PLAN_SESSIONS, FALSE, plan_id,
                   plans, error))
    return NULL;
  if (plans->len == 0)
    {
      set_plan_not_found (error);
      return NULL;
    }
  return g_ptr_array_steal_index (plans, 0);
}

/* Writing rows */

/* @text without the white space around it, newly allocated ("" for NULL). */
static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Inserts @member as @name (with its id when it has one: Undo), or with @update
 * updates the row with its id. */
static gboolean
write_member (KsStore         *self,
              const KsMember  *member,
              const char      *name,
              gint64           mentor_id,
              gboolean         update,
              gint64          *out_id,
              GError         **error)
{
  sqlite3_stmt *stmt = team_stmt (self, update ? TEAM_UPDATE_MEMBER : TEAM_INSERT_MEMBER,
                                  error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, member->id);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, member->role);
  bind_id (stmt, 4, mentor_id);
  bind_text (stmt, 5, member->notes);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      set_member_not_found (error);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = update ? member->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* As write_member(), for a plan of the member @member_id. */
static gboolean
write_plan (KsStore               *self,
            const KsCoachingPlan  *plan,
            gint64                 member_id,
            gboolean               update,
            gint64                *out_id,
            GError               **error)
{
  g_autofree char *custom = plan->skill == KS_SKILL_CUSTOM ? dup_stripped (plan->custom_skill)
                                                           : g_strdup ("");
  sqlite3_stmt *stmt = team_stmt (self, update ? TEAM_UPDATE_PLAN : TEAM_INSERT_PLAN, error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, plan->id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  bind_text (stmt, 3, ks_skill_get_key (plan->skill));
  bind_text (stmt, 4, custom);
  sqlite3_bind_int (stmt, 5, plan->start_level);
  sqlite3_bind_int (stmt, 6, plan->current_level);
  sqlite3_bind_int (stmt, 7, plan->target_level);
  bind_text (stmt, 8, plan->objective);
  bind_text (stmt, 9, plan->start);
  bind_text_or_null (stmt, 10, plan->due);
  bind_text (stmt, 11, ks_coaching_status_get_key (plan->status));
  bind_text (stmt, 12, plan->coach);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      set_plan_not_found (error);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = update ? plan->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
write_action (KsStore                 *self,
              const KsCoachingAction  *action,
              gint64                   plan_id,
              gboolean                 update,
              gint64                  *out_id,
              GError                 **error)
{
  sqlite3_stmt *stmt = team_stmt (self, update ? TEAM_UPDATE_ACTION : TEAM_INSERT_ACTION,
                                  error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, action->id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  bind_text (stmt, 3, ks_coaching_action_kind_get_key (action->kind));
  bind_text (stmt, 4, action->title);
  bind_text_or_null (stmt, 5, action->due);
  bind_text (stmt, 6, ks_action_status_get_key (action->status));
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND,
                           _("The coaching action no longer exists: it was deleted."));
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = update ? action->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
write_session (KsStore                  *self,
               const KsCoachingSession  *session,
               gint64                    plan_id,
               gboolean                  update,
               gint64                   *out_id,
               GError                  **error)
{
  sqlite3_stmt *stmt = team_stmt (self, update ? TEAM_UPDATE_SESSION : TEAM_INSERT_SESSION,
                                  error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, session->id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  bind_text (stmt, 3, session->date);
  bind_text (stmt, 4, ks_session_kind_get_key (session->kind));
  if (session->rating > 0)
    sqlite3_bind_int (stmt, 5, session->rating);
  else
    sqlite3_bind_null (stmt, 5);
  bind_text (stmt, 6, session->notes);
  bind_text (stmt, 7, session->next_step);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND,
                           _("The coaching session no longer exists: it was deleted."));
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = update ? session->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* @plan, its actions and its sessions with the ids they have (new ones for those
 * without), for the member @member_id. Inside a transaction. */
static gboolean
write_whole_plan (KsStore               *self,
                  const KsCoachingPlan  *plan,
                  gint64                 member_id,
                  GError               **error)
{
  gint64 plan_id = 0;

  if (!write_plan (self, plan, member_id, FALSE, &plan_id, error))
    return FALSE;
  for (guint i = 0; i < plan->actions->len; i++)
    if (!write_action (self, g_ptr_array_index (plan->actions, i), plan_id, FALSE, NULL, error))
      return FALSE;
  for (guint i = 0; i < plan->sessions->len; i++)
    if (!write_session (self, g_ptr_array_index (plan->sessions, i), plan_id, FALSE, NULL,
                        error))
      return FALSE;
  return TRUE;
}

/* Validates @plan and everything in it. */
static gboolean
validate_whole_plan (const KsCoachingPlan  *plan,
                     GError               **error)
{
  if (!ks_coaching_plan_validate (plan, NULL, error))
    return FALSE;
  for (guint i = 0; i < plan->actions->len; i++)
    if (!ks_coaching_action_validate (g_ptr_array_index (plan->actions, i), NULL, error))
      return FALSE;
  for (guint i = 0; i < plan->sessions->len; i++)
    if (!ks_coaching_session_validate (g_ptr_array_index (plan->sessions, i), NULL, error))
      return FALSE;
  return TRUE;
}

/* Gives the accounts @account_ids (gint64) the owner @owner in memory, announcing each
 * by items-changed at its place as an edit does. The database has it already. */
static void
accounts_follow (KsStore     *self,
                 GArray      *account_ids,
                 const char  *owner)
{
  /* Not read yet: they will be, from the file. */
  if (!self->loaded)
    return;

  for (guint i = 0; i < account_ids->len; i++)
    {
      gint64 id = g_array_index (account_ids, gint64, i);
      KsAccount *account = g_hash_table_lookup (self->by_id, &id);
      guint position;

      if (account == NULL || g_str_equal (ks_account_get_owner (account), owner))
        continue;
      /* by_id keeps a reference while the list lets go of it */
      ks_account_set_owner (account, owner);
      if (ks_store_find_position (self, id, &position))
        ks_account_list_splice (self->accounts, position, 1, &account, 1);
    }
}

/* Public API: members */

/* By name as the user's language sorts them, then by id. */
static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const KsMember *ma = *(KsMember * const *) a;
  const KsMember *mb = *(KsMember * const *) b;
  int cmp = g_utf8_collate (ma->name, mb->name);

  if (cmp != 0)
    return cmp;
  return (ma->id > mb->id) - (ma->id < mb->id);
}

GPtrArray *
ks_store_dup_members (KsStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) members = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  members = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_member_free);
  stmt = team_stmt (self, TEAM_LIST_MEMBERS, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (members, member_from_row (stmt));
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;

  g_ptr_array_sort (members, compare_members);
  return g_steal_pointer (&members);
}

KsMember *
ks_store_dup_member (KsStore  *self,
                     gint64    member_id,
                     GError  **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return require_member (self, member_id, error);
}

/* The mentor @mentor_id is a member (other than @member_id), or 0 for none. */
static gboolean
check_mentor (KsStore  *self,
              gint64    member_id,
              gint64    mentor_id,
              GError  **error)
{
  g_autoptr(KsMember) mentor = NULL;

  if (mentor_id <= 0)
    return TRUE;
  if (!read_member (self, TEAM_GET_MEMBER, mentor_id, NULL, &mentor, error))
    return FALSE;
  if (mentor == NULL || mentor_id == member_id)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The mentor is not a member of the team. Choose a team "
                             "member, or nobody."));
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_store_save_member (KsStore   *self,
                      KsMember  *member,
                      GError   **error)
{
  g_autoptr(KsMember) old = NULL;
  g_autoptr(GArray) account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = NULL;
  g_autofree char *now = NULL;
  gboolean update;
  gboolean taken = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_member_validate (member, NULL, error))
    return FALSE;

  /* The names accounts give their owners are compared trimmed: so is the member's. */
  name = dup_stripped (member->name);
  update = member->id > 0;
  now = ks_store_now_utc_iso8601 ();

  if (!ks_store_begin (self, error))
    return FALSE;
  if ((update && (old = require_member (self, member->id, error)) == NULL)
      || !name_taken (self, name, member->id, &taken, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (taken)
    {
      ks_store_rollback (self);
      set_name_taken (error, name);
      return FALSE;
    }
  if (!check_mentor (self, member->id, member->mentor_id, error)
      || !write_member (self, member, name, member->mentor_id, update, &id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }

  /* A new name goes to the accounts they own, in the same transaction (the member is
   * renamed first, so the owner trigger finds the name taken and adds no one). */
  if (old != NULL && !g_str_equal (old->name, name))
    {
      sqlite3_stmt *stmt;

      if (!read_ids (self, TEAM_OWNED_ACCOUNT_IDS, 0, old->name, account_ids, error)
          || (stmt = team_stmt (self, TEAM_HAND_OVER_ACCOUNTS, error)) == NULL)
        {
          ks_store_rollback (self);
          return FALSE;
        }
      bind_text (stmt, 1, old->name);
      bind_text (stmt, 2, name);
      bind_text (stmt, 3, now);
      if (!ks_store_step_done (self, stmt, error))
        {
          ks_store_rollback (self);
          return FALSE;
        }
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  member->id = id;
  if (!g_str_equal (member->name, name))
    {
      g_free (member->name);
      member->name = g_strdup (name);
    }
  accounts_follow (self, account_ids, name);
  ks_store_emit_team_changed (self);

  return TRUE;
}

void
ks_member_deletion_free (KsMemberDeletion *deletion)
{
  if (deletion == NULL)
    return;

  g_clear_pointer (&deletion->member, ks_member_free);
  g_clear_pointer (&deletion->plans, g_ptr_array_unref);
  g_clear_pointer (&deletion->account_ids, g_array_unref);
  g_clear_pointer (&deletion->mentee_ids, g_array_unref);
  g_free (deletion->takeover);
  g_free (deletion);
}

gboolean
ks_store_delete_member (KsStore            *self,
                        gint64              member_id,
                        gint64              takeover_id,
                        KsMemberDeletion  **deletion_out,
                        GError            **error)
{
  g_autoptr(KsMember) member = NULL;
  g_autoptr(KsMember) takeover = NULL;
  g_autoptr(GPtrArray) plans = new_plan_array ();
  g_autoptr(GArray) account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) mentee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (takeover_id > 0 && takeover_id == member_id)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The accounts cannot go to the member who is being deleted. "
                             "Choose another member to take them over, or nobody."));
      return FALSE;
    }

  now = ks_store_now_utc_iso8601 ();
  if (!ks_store_begin (self, error))
    return FALSE;
  if ((member = require_member (self, member_id, error)) == NULL)
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (takeover_id > 0
      && !read_member (self, TEAM_GET_MEMBER, takeover_id, NULL, &takeover, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (takeover_id > 0 && takeover == NULL)
    {
      ks_store_rollback (self);
      g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND,
                           _("The member who was to take over the accounts no longer "
                             "exists. Choose another member, or nobody."));
      return FALSE;
    }

  /* What Undo needs, read before the rows go. */
  if (!read_plans (self, TEAM_MEMBER_PLANS, TEAM_MEMBER_ACTIONS, TEAM_MEMBER_SESSIONS, FALSE,
                   member_id, plans, error)
      || !read_ids (self, TEAM_OWNED_ACCOUNT_IDS, 0, member->name, account_ids, error)
      || !read_ids (self, TEAM_MENTEE_IDS, member_id, NULL, mentee_ids, error)
      || (stmt = team_stmt (self, TEAM_HAND_OVER_ACCOUNTS, error)) == NULL)
    {
      ks_store_rollback (self);
      return FALSE;
    }

  bind_text (stmt, 1, member->name);
  bind_text (stmt, 2, takeover != NULL ? takeover->name : "");
  bind_text (stmt, 3, now);
  if (!ks_store_step_done (self, stmt, error)
      || !run_with_id (self, TEAM_DELETE_MEMBER, member_id, NULL, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  accounts_follow (self, account_ids, takeover != NULL ? takeover->name : "");

  if (deletion_out != NULL)
    {
      KsMemberDeletion *deletion = g_new0 (KsMemberDeletion, 1);

      deletion->takeover = g_strdup (takeover != NULL ? takeover->name : "");
      deletion->member = g_steal_pointer (&member);
      deletion->plans = g_steal_pointer (&plans);
      deletion->account_ids = g_steal_pointer (&account_ids);
      deletion->mentee_ids = g_steal_pointer (&mentee_ids);
      *deletion_out = deletion;
    }

  ks_store_emit_team_changed (self);
  return TRUE;
}

gboolean
ks_store_restore_member (KsStore                 *self,
                         const KsMemberDeletion  *deletion,
                         GError                 **error)
{
  g_autoptr(KsMember) existing = NULL;
  g_autoptr(KsMember) mentor = NULL;
  g_autoptr(GArray) given_back = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = NULL;
  g_autofree char *now = NULL;
  const KsMember *member;
  gboolean taken = FALSE;
  gint64 mentor_id;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (deletion != NULL && deletion->member != NULL, FALSE);
  g_return_val_if_fail (deletion->member->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  member = deletion->member;
  if (!ks_member_validate (member, NULL, error))
    return FALSE;
  for (guint i = 0; deletion->plans != NULL && i < deletion->plans->len; i++)
    if (!validate_whole_plan (g_ptr_array_index (deletion->plans, i), error))
      return FALSE;

  name = dup_stripped (member->name);
  now = ks_store_now_utc_iso8601 ();

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!read_member (self, TEAM_GET_MEMBER, member->id, NULL, &existing, error)
      || !name_taken (self, name, member->id, &taken, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (existing != NULL)
    {
      ks_store_rollback (self);
      g_set_error (error, KS_ERROR, KS_ERROR_DUPLICATE,
                   /* Translators: %s is a person's name */
                   _("“%s” cannot be put back: they are in the team already."),
                   name);
      return FALSE;
    }
  if (taken)
    {
      /* Someone of that name joined meanwhile (an account was given that owner). */
      ks_store_rollback (self);
      set_name_taken (error, name);
      return FALSE;
    }

  /* A mentor deleted meanwhile is nobody now. */
  mentor_id = member->mentor_id;
  if (mentor_id > 0 && !read_member (self, TEAM_GET_MEMBER, mentor_id, NULL, &mentor, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (mentor == NULL)
    mentor_id = 0;

  if (!write_member (self, member, name, mentor_id, FALSE, NULL, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  for (guint i = 0; deletion->plans != NULL && i < deletion->plans->len; i++)
    if (!write_whole_plan (self, g_ptr_array_index (deletion->plans, i), member->id, error))
      {
        ks_store_rollback (self);
        return FALSE;
      }
  for (guint i = 0; deletion->mentee_ids != NULL && i < deletion->mentee_ids->len; i++)
    {
      sqlite3_stmt *stmt = team_stmt (self, TEAM_RESTORE_MENTOR, error);

      if (stmt == NULL)
        {
          ks_store_rollback (self);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, g_array_index (deletion->mentee_ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, member->id);
      if (!ks_store_step_done (self, stmt, error))
        {
          ks_store_rollback (self);
          return FALSE;
        }
    }
  /* The accounts come back from whoever took them over, unless given to someone else
   * meanwhile. */
  for (guint i = 0; deletion->account_ids != NULL && i < deletion->account_ids->len; i++)
    {
      gint64 account_id = g_array_index (deletion->account_ids, gint64, i);
      sqlite3_stmt *stmt = team_stmt (self, TEAM_GIVE_BACK_ACCOUNT, error);

      if (stmt == NULL)
        {
          ks_store_rollback (self);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, account_id);
      bind_text (stmt, 2, name);
      bind_text (stmt, 3, deletion->takeover);
      bind_text (stmt, 4, now);
      if (!ks_store_step_done (self, stmt, error))
        {
          ks_store_rollback (self);
          return FALSE;
        }
      if (sqlite3_changes (self->db) > 0)
        g_array_append_val (given_back, account_id);
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  accounts_follow (self, given_back, name);
  ks_store_emit_team_changed (self);
  return TRUE;
}

/* Public API: coaching plans */

GPtrArray *
ks_store_dup_coaching_plans (KsStore  *self,
                             gint64    member_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) plans = new_plan_array ();

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_plans (self, TEAM_MEMBER_PLANS, TEAM_MEMBER_ACTIONS, TEAM_MEMBER_SESSIONS, FALSE,
                   member_id, plans, error))
    return NULL;
  return g_steal_pointer (&plans);
}

GHashTable *
ks_store_dup_all_coaching_plans (KsStore  *self,
                                 GError  **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autoptr(GHashTable) by_member = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  by_member = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  if (!read_plans (self, TEAM_ALL_PLANS, TEAM_ALL_ACTIONS, TEAM_ALL_SESSIONS, TRUE, 0, plans,
                   error))
    {
      for (guint i = 0; i < plans->len; i++)
        ks_coaching_plan_free (g_ptr_array_index (plans, i));
      return NULL;
    }

  /* In member order, and in the documented order within each member. */
  for (guint i = 0; i < plans->len; i++)
    {
      KsCoachingPlan *plan = g_ptr_array_index (plans, i);
      GPtrArray *of_member = g_hash_table_lookup (by_member, &plan->member_id);

      if (of_member == NULL)
        {
          of_member = new_plan_array ();
          g_hash_table_insert (by_member, g_memdup2 (&plan->member_id, sizeof (gint64)),
                               of_member);
        }
      g_ptr_array_add (of_member, plan);
    }

  return g_steal_pointer (&by_member);
}

gboolean
ks_store_save_coaching_plan (KsStore         *self,
                             KsCoachingPlan  *plan,
                             GError         **error)
{
  g_autoptr(KsMember) member = NULL;
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_coaching_plan_validate (plan, NULL, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if ((member = require_member (self, plan->member_id, error)) == NULL
      || !write_plan (self, plan, plan->member_id, plan->id > 0, &id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  plan->id = id;
  ks_store_emit_team_changed (self);
  return TRUE;
}

gboolean
ks_store_delete_coaching_plan (KsStore          *self,
                               gint64            plan_id,
                               KsCoachingPlan  **plan_out,
                               GError          **error)
{
  g_autoptr(KsCoachingPlan) plan = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_begin (self, error))
    return FALSE;
  if ((plan = read_plan (self, plan_id, error)) == NULL
      || !run_with_id (self, TEAM_DELETE_PLAN, plan_id, NULL, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  if (plan_out != NULL)
    *plan_out = g_steal_pointer (&plan);
  ks_store_emit_team_changed (self);
  return TRUE;
}

gboolean
ks_store_restore_coaching_plan (KsStore               *self,
                                const KsCoachingPlan  *plan,
                                GError               **error)
{
  g_autoptr(KsMember) member = NULL;
  gint64 member_id;
  gboolean found = FALSE;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL && plan->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_whole_plan (plan, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if ((member = require_member (self, plan->member_id, error)) == NULL
      || !query_id (self, TEAM_PLAN_MEMBER, plan->id, &member_id, &found, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (found)
    {
      ks_store_rollback (self);
      g_set_error_literal (error, KS_ERROR, KS_ERROR_DUPLICATE,
                           _("The coaching plan cannot be put back: it is there already."));
      return FALSE;
    }
  if (!write_whole_plan (self, plan, plan->member_id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_emit_team_changed (self);
  return TRUE;
}

/* Public API: actions and sessions */

/* Writes @action or @session (the other is NULL, both checked already) into the plan
 * @plan_id in a transaction of its own: a new row unless @update. *@out_id (when not
 * NULL) gets the row's id once it is committed. */
static gboolean
write_plan_item (KsStore                  *self,
                 const KsCoachingAction   *action,
                 const KsCoachingSession  *session,
                 gint64                    plan_id,
                 gboolean                  update,
                 gint64                   *out_id,
                 GError                  **error)
{
  gint64 id = 0;

  g_assert ((action == NULL) != (session == NULL));

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!require_plan (self, plan_id, error)
      || (action != NULL && !write_action (self, action, plan_id, update, &id, error))
      || (session != NULL && !write_session (self, session, plan_id, update, &id, error)))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = id;
  ks_store_emit_team_changed (self);
  return TRUE;
}

gboolean
ks_store_save_coaching_action (KsStore           *self,
                               KsCoachingAction  *action,
                               GError           **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_coaching_action_validate (action, NULL, error))
    return FALSE;

  return write_plan_item (self, action, NULL, action->plan_id, action->id > 0, &action->id,
                          error);
}

/* Deletes the row @id with statement @stmt_id; @not_found when there is none. */
static gboolean
delete_item (KsStore     *self,
             TeamStmt     stmt_id,
             gint64       id,
             const char  *not_found,
             GError     **error)
{
  int n_changed = 0;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!run_with_id (self, stmt_id, id, &n_changed, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (n_changed == 0)
    {
      ks_store_rollback (self);
      g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_emit_team_changed (self);
  return TRUE;
}

gboolean
ks_store_delete_coaching_action (KsStore  *self,
                                 gint64    action_id,
                                 GError  **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return delete_item (self, TEAM_DELETE_ACTION, action_id,
                      _("The coaching action no longer exists: it was deleted."), error);
}

gboolean
ks_store_restore_coaching_action (KsStore                 *self,
                                  const KsCoachingAction  *action,
                                  GError                 **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL && action->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_coaching_action_validate (action, NULL, error))
    return FALSE;

  return write_plan_item (self, action, NULL, action->plan_id, FALSE, NULL, error);
}

gboolean
ks_store_save_coaching_session (KsStore            *self,
                                KsCoachingSession  *session,
                                GError            **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_coaching_session_validate (session, NULL, error))
    return FALSE;

  return write_plan_item (self, NULL, session, session->plan_id, session->id > 0,
                          &session->id, error);
}

gboolean
ks_store_delete_coaching_session (KsStore  *self,
                                  gint64    session_id,
                                  GError  **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return delete_item (self, TEAM_DELETE_SESSION, session_id,
                      _("The coaching session no longer exists: it was deleted."), error);
}

gboolean
ks_store_restore_coaching_session (KsStore                  *self,
                                   const KsCoachingSession  *session,
                                   GError                  **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL && session->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_coaching_session_validate (session, NULL, error))
    return FALSE;

  return write_plan_item (self, NULL, session, session->plan_id, FALSE, NULL, error);
}

/* The sample */

/* The member called @name, or NULL (no error) when there is none. */
static gboolean
find_member (KsStore     *self,
             const char  *name,
             KsMember   **member_out,
             GError     **error)
{
  return read_member (self, TEAM_FIND_MEMBER, 0, name, member_out, error);
}

gboolean
ks_store_team_add_samples (KsStore    *self,
                           GDateTime  *now,
                           GError    **error)
{
  const KsSampleMember *samples;
  guint n;

  samples = ks_sample_get_members (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsMember) member = NULL;
      g_autoptr(KsMember) mentor = NULL;
      g_autoptr(GPtrArray) plans = NULL;
      sqlite3_stmt *stmt;
      gint64 n_plans = 0;
      gboolean found;

      /* The sample accounts' owners are members (the owner trigger made them), unless
       * the user renamed or deleted them: then the sample leaves them alone. */
      if (!find_member (self, samples[i].name, &member, error))
        return FALSE;
      if (member == NULL)
        continue;

      /* What the user set stays as it is. */
      stmt = team_stmt (self, TEAM_SAMPLE_ROLE, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member->id);
      bind_text (stmt, 2, samples[i].role);
      bind_text (stmt, 3, samples[i].notes);
      if (!ks_store_step_done (self, stmt, error))
        return FALSE;

      if (samples[i].mentor != NULL)
        {
          if (!find_member (self, samples[i].mentor, &mentor, error))
            return FALSE;
          if (mentor != NULL)
            {
              stmt = team_stmt (self, TEAM_SAMPLE_MENTOR, error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, member->id);
              sqlite3_bind_int64 (stmt, 2, mentor->id);
              if (!ks_store_step_done (self, stmt, error))
                return FALSE;
            }
        }

      if (!query_id (self, TEAM_COUNT_PLANS, member->id, &n_plans, &found, error))
        return FALSE;
      if (n_plans > 0)
        continue;
      plans = ks_sample_create_coaching_plans (samples[i].name, now);
      for (guint p = 0; p < plans->len; p++)
        if (!validate_whole_plan (g_ptr_array_index (plans, p), error)
            || !write_whole_plan (self, g_ptr_array_index (plans, p), member->id, error))
          return FALSE;
    }

  return TRUE;
}
