/* ks-store-relations.c — relationships in the database: contacts and who reports to
 * whom, interactions and the contacts in them, satisfaction surveys, complaints. They
 * are part of the account's plan: read, written, deleted and put back with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ks-error.h"
#include "ks-quarter.h"
#include "ks-store-private.h"

typedef enum
{
  REL_READ_CONTACTS,
  REL_READ_INTERACTIONS,
  REL_READ_INTERACTION_CONTACTS,
  REL_READ_SATISFACTION,
  REL_READ_COMPLAINTS,
  REL_ALL_CONTACTS,
  REL_ALL_SATISFACTION,
  REL_ALL_COMPLAINTS,
  REL_CONTACT_PLACE,
  REL_NEXT_CONTACT_ID,
  REL_INSERT_CONTACT,
  REL_UPDATE_CONTACT,
  REL_SET_REPORTS_TO,
  REL_RELINK_REPORT,
  REL_REPORTING_IDS,
  REL_CONTACT_INTERACTION_IDS,
  REL_DELETE_CONTACT,
  REL_INSERT_INTERACTION,
  REL_UPDATE_INTERACTION,
  REL_INTERACTION_ACCOUNT,
  REL_DELETE_INTERACTION,
  REL_UNLINK_INTERACTION,
  REL_LINK,
  REL_LINK_IF_SAME_ACCOUNT,
  REL_SAVE_SATISFACTION,
  REL_DELETE_SATISFACTION,
  REL_INSERT_COMPLAINT,
  REL_UPDATE_COMPLAINT,
  REL_COMPLAINT_ACCOUNT,
  REL_DELETE_COMPLAINT,
  REL_LIST_COMPLAINTS,
  REL_LIST_OPEN_COMPLAINTS,
  N_REL_STMTS
} RelStmt;

/* The columns each kind of row is read from; column 0 is always the account id. */
#define CONTACT_COLUMNS      "account_id, id, name, title, layer, attitude, influence, " \
                             "reports_to, phone, email, last_contact, notes"
#define INTERACTION_COLUMNS  "account_id, id, kind, date, our_participants, notes, next_step"
#define SATISFACTION_COLUMNS "account_id, quarter, score, nps"
#define COMPLAINT_COLUMNS    "account_id, id, category, opened_at, description, owner, " \
                             "first_response_at, root_cause, resolution, follow_up_at, " \
                             "follow_up_satisfaction, closed_at"

static const char * const rel_sql[N_REL_STMTS] = {
  /* by layer, then name: sorted in C (the layer is stored as its key) */
  [REL_READ_CONTACTS] = "SELECT " CONTACT_COLUMNS " FROM contact WHERE account_id = ?1",
  /* newest first */
  [REL_READ_INTERACTIONS] = "SELECT " INTERACTION_COLUMNS " FROM interaction "
                            "WHERE account_id = ?1 ORDER BY date DESC, id DESC",
  [REL_READ_INTERACTION_CONTACTS] = "SELECT l.interaction_id, l.contact_id "
                                    "FROM interaction_contact AS l "
                                    "JOIN interaction AS i ON i.id = l.interaction_id "
                                    "WHERE i.account_id = ?1 "
                                    "ORDER BY l.interaction_id, l.contact_id",
  /* "YYYY-Qn" sorts as text: newest quarter first */
  [REL_READ_SATISFACTION] = "SELECT " SATISFACTION_COLUMNS " FROM satisfaction "
                            "WHERE account_id = ?1 ORDER BY quarter DESC",
  /* open first, then newest first, whatever their time zones */
  [REL_READ_COMPLAINTS] = "SELECT " COMPLAINT_COLUMNS " FROM complaint WHERE account_id = ?1 "
                          "ORDER BY closed_at IS NOT NULL, opened_utc DESC, id DESC",
  /* What the summaries read, for every account at once */
  [REL_ALL_CONTACTS] = "SELECT " CONTACT_COLUMNS " FROM contact",
  [REL_ALL_SATISFACTION] = "SELECT " SATISFACTION_COLUMNS " FROM satisfaction",
  [REL_ALL_COMPLAINTS] = "SELECT " COMPLAINT_COLUMNS " FROM complaint",
  [REL_CONTACT_PLACE] = "SELECT account_id, reports_to FROM contact WHERE id = ?1",
  /* AUTOINCREMENT would give the next new contact this id */
  [REL_NEXT_CONTACT_ID] = "SELECT max (coalesce ((SELECT seq FROM sqlite_sequence "
                          "                       WHERE name = 'contact'), 0), "
                          "            coalesce ((SELECT max (id) FROM contact), 0)) + 1",
  [REL_INSERT_CONTACT] = "INSERT INTO contact (id, account_id, name, title, layer, attitude, "
                         "influence, reports_to, phone, email, last_contact, notes) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  [REL_UPDATE_CONTACT] = "UPDATE contact SET name = ?3, title = ?4, layer = ?5, "
                         "attitude = ?6, influence = ?7, reports_to = ?8, phone = ?9, "
                         "email = ?10, last_contact = ?11, notes = ?12 "
                         "WHERE id = ?1 AND account_id = ?2",
  [REL_SET_REPORTS_TO] = "UPDATE contact SET reports_to = ?2 WHERE id = ?1",
  /* Undo of a delete: a report the user has not given another manager meanwhile */
  [REL_RELINK_REPORT] = "UPDATE contact SET reports_to = ?2 "
                        "WHERE id = ?1 AND account_id = ?3 AND reports_to IS NULL",
  [REL_REPORTING_IDS] = "SELECT id FROM contact WHERE reports_to = ?1 ORDER BY id",
  [REL_CONTACT_INTERACTION_IDS] = "SELECT interaction_id FROM interaction_contact "
                                  "WHERE contact_id = ?1 ORDER BY interaction_id",
  [REL_DELETE_CONTACT] = "DELETE FROM contact WHERE id = ?1",
  [REL_INSERT_INTERACTION] = "INSERT INTO interaction (id, account_id, kind, date, "
                             "our_participants, notes, next_step) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [REL_UPDATE_INTERACTION] = "UPDATE interaction SET kind = ?3, date = ?4, "
                             "our_participants = ?5, notes = ?6, next_step = ?7 "
                             "WHERE id = ?1 AND account_id = ?2",
  [REL_INTERACTION_ACCOUNT] = "SELECT account_id FROM interaction WHERE id = ?1",
  [REL_DELETE_INTERACTION] = "DELETE FROM interaction WHERE id = ?1",
  [REL_UNLINK_INTERACTION] = "DELETE FROM interaction_contact WHERE interaction_id = ?1",
  [REL_LINK] = "INSERT OR IGNORE INTO interaction_contact (interaction_id, contact_id) "
               "VALUES (?1, ?2)",
  /* Undo: the link comes back when both are still there, of the same account */
  [REL_LINK_IF_SAME_ACCOUNT] = "INSERT OR IGNORE INTO interaction_contact "
                               "(interaction_id, contact_id) "
                               "SELECT i.id, c.id FROM interaction AS i "
                               "JOIN contact AS c ON c.account_id = i.account_id "
                               "WHERE i.id = ?1 AND c.id = ?2",
  [REL_SAVE_SATISFACTION] = "INSERT INTO satisfaction (account_id, quarter, score, nps) "
                            "VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (account_id, quarter) DO UPDATE "
                            "SET score = excluded.score, nps = excluded.nps",
  [REL_DELETE_SATISFACTION] = "DELETE FROM satisfaction WHERE account_id = ?1 AND quarter = ?2",
  [REL_INSERT_COMPLAINT] = "INSERT INTO complaint (id, account_id, category, opened_at, "
                           "opened_utc, description, owner, first_response_at, root_cause, "
                           "resolution, follow_up_at, follow_up_satisfaction, closed_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [REL_UPDATE_COMPLAINT] = "UPDATE complaint SET category = ?3, opened_at = ?4, "
                           "opened_utc = ?5, description = ?6, owner = ?7, "
                           "first_response_at = ?8, root_cause = ?9, resolution = ?10, "
                           "follow_up_at = ?11, follow_up_satisfaction = ?12, closed_at = ?13 "
                           "WHERE id = ?1 AND account_id = ?2",
  [REL_COMPLAINT_ACCOUNT] = "SELECT account_id FROM complaint WHERE id = ?1",
  [REL_DELETE_COMPLAINT] = "DELETE FROM complaint WHERE id = ?1",
  /* open first, the oldest first (the longest waiting); then the closed, newest first */
  [REL_LIST_COMPLAINTS] = "SELECT " COMPLAINT_COLUMNS " FROM complaint "
                          "ORDER BY closed_at IS NOT NULL, "
                          "CASE WHEN closed_at IS NULL THEN opened_utc ELSE -opened_utc END, "
                          "id",
  [REL_LIST_OPEN_COMPLAINTS] = "SELECT " COMPLAINT_COLUMNS " FROM complaint "
                               "WHERE closed_at IS NULL ORDER BY opened_utc, id",
};

/* Statements */

void
ks_store_relations_init (KsStore *self)
{
  self->relation_stmts = g_new0 (sqlite3_stmt *, N_REL_STMTS);
}

void
ks_store_relations_close (KsStore *self)
{
  if (self->relation_stmts == NULL)
    return;
  for (guint i = 0; i < N_REL_STMTS; i++)
    g_clear_pointer (&self->relation_stmts[i], sqlite3_finalize);
}

static sqlite3_stmt *
rel_stmt (KsStore   *self,
          RelStmt    id,
          GError   **error)
{
  return ks_store_prepare_cached (self, &self->relation_stmts[id], rel_sql[id], error);
}

/* Runs statement @id with @param bound as ?1, to the end. */
static gboolean
run_with_id (KsStore   *self,
             RelStmt    id,
             gint64     param,
             GError   **error)
{
  sqlite3_stmt *stmt = rel_stmt (self, id, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  return ks_store_step_done (self, stmt, error);
}

/* Runs statement @id with @a and @b bound as ?1 and ?2, to the end. */
static gboolean
run_with_ids (KsStore   *self,
              RelStmt    id,
              gint64     a,
              gint64     b,
              GError   **error)
{
  sqlite3_stmt *stmt = rel_stmt (self, id, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return ks_store_step_done (self, stmt, error);
}

/* The ids in the first column of the rows of statement @id, @param bound as ?1. */
static gboolean
read_ids (KsStore   *self,
          RelStmt    id,
          gint64     param,
          GArray    *ids,
          GError   **error)
{
  sqlite3_stmt *stmt = rel_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
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

static void
set_not_found (GError     **error,
               const char  *message)
{
  g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND, message);
}

/* The account of the row @item_id that statement @id looks up; NOT_FOUND with
 * @not_found when there is none. */
static gboolean
item_account (KsStore     *self,
              RelStmt      id,
              gint64       item_id,
              const char  *not_found,
              gint64      *account_id,
              GError     **error)
{
  sqlite3_stmt *stmt = rel_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  *account_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc == SQLITE_DONE)
    set_not_found (error, not_found);
  return rc == SQLITE_ROW;
}

/* Reading rows */

static KsContact *
contact_from_row (sqlite3_stmt *stmt)
{
  KsContact *contact = ks_contact_new ();
  int layer = ks_contact_layer_from_key (column_text (stmt, 4));
  int attitude = ks_attitude_from_key (column_text (stmt, 5));
  int influence = ks_influence_from_key (column_text (stmt, 6));

  /* the CHECK constraints keep unknown keys out */
  contact->id = sqlite3_column_int64 (stmt, 1);
  contact->name = g_strdup (column_text (stmt, 2));
  contact->title = g_strdup (column_text (stmt, 3));
  contact->layer = layer >= 0 ? layer : KS_LAYER_EXECUTION;
  contact->attitude = attitude >= 0 ? attitude : KS_ATTITUDE_NEUTRAL;
  contact->influence = influence >= 0 ? influence : KS_INFLUENCE_MEDIUM;
  contact->reports_to = sqlite3_column_int64 (stmt, 7);
  contact->phone = g_strdup (column_text (stmt, 8));
  contact->email = g_strdup (column_text (stmt, 9));
  contact->last_contact = column_dup_or_null (stmt, 10);
  contact->notes = g_strdup (column_text (stmt, 11));

  return contact;
}

static KsInteraction *
interaction_from_row (sqlite3_stmt *stmt)
{
  KsInteraction *interaction = ks_interaction_new ();
  int kind = ks_interaction_kind_from_key (column_text (stmt, 2));

  interaction->id = sqlite3_column_int64 (stmt, 1);
  interaction->kind = kind >= 0 ? kind : KS_INTERACTION_VISIT;
  interaction->date = g_strdup (column_text (stmt, 3));
  interaction->our_participants = g_strdup (column_text (stmt, 4));
  interaction->notes = g_strdup (column_text (stmt, 5));
  interaction->next_step = g_strdup (column_text (stmt, 6));

  return interaction;
}

static KsSatisfaction *
satisfaction_from_row (sqlite3_stmt *stmt)
{
  KsSatisfaction *survey = g_new0 (KsSatisfaction, 1);

  survey->quarter = g_strdup (column_text (stmt, 1));
  survey->score = sqlite3_column_double (stmt, 2);
  survey->has_nps = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  survey->nps = survey->has_nps ? sqlite3_column_int (stmt, 3) : 0;

  return survey;
}

static KsComplaint *
complaint_from_row (sqlite3_stmt *stmt)
{
  KsComplaint *complaint = ks_complaint_new ();
  int category = ks_complaint_category_from_key (column_text (stmt, 2));

  complaint->account_id = sqlite3_column_int64 (stmt, 0);
  complaint->id = sqlite3_column_int64 (stmt, 1);
  complaint->category = category >= 0 ? category : KS_COMPLAINT_OTHER;
  complaint->opened_at = g_strdup (column_text (stmt, 3));
  complaint->description = g_strdup (column_text (stmt, 4));
  complaint->owner = g_strdup (column_text (stmt, 5));
  complaint->first_response_at = column_dup_or_null (stmt, 6);
  complaint->root_cause = g_strdup (column_text (stmt, 7));
  complaint->resolution = g_strdup (column_text (stmt, 8));
  complaint->follow_up_at = column_dup_or_null (stmt, 9);
  complaint->follow_up_satisfaction = sqlite3_column_int (stmt, 10);
  complaint->closed_at = column_dup_or_null (stmt, 11);

  return complaint;
}

static void
read_contact (sqlite3_stmt *stmt,
              KsRelations  *relations)
{
  g_ptr_array_add (relations->contacts, contact_from_row (stmt));
}

static void
read_interaction (sqlite3_stmt *stmt,
                  KsRelations  *relations)
{
  g_ptr_array_add (relations->interactions, interaction_from_row (stmt));
}

static void
read_satisfaction (sqlite3_stmt *stmt,
                   KsRelations  *relations)
{
  g_ptr_array_add (relations->satisfaction, satisfaction_from_row (stmt));
}

static void
read_complaint (sqlite3_stmt *stmt,
                KsRelations  *relations)
{
  g_ptr_array_add (relations->complaints, complaint_from_row (stmt));
}

typedef void (*RelRowFunc) (sqlite3_stmt *stmt,
                            KsRelations  *relations);

/* Passes each row of statement @id to @func: with @plans, the relations of the row's
 * account's plan; else @relations, and @account_id is bound as ?1. */
static gboolean
read_rows (KsStore      *self,
           RelStmt       id,
           gint64        account_id,
           RelRowFunc    func,
           KsRelations  *relations,
           GHashTable   *plans,
           GError      **error)
{
  sqlite3_stmt *stmt = rel_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (plans == NULL)
    sqlite3_bind_int64 (stmt, 1, account_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KsRelations *into = relations;

      if (plans != NULL)
        into = ks_store_plan_for_account (plans, sqlite3_column_int64 (stmt, 0))->relations;
      func (stmt, into);
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

static int
compare_ids (gint64 a,
             gint64 b)
{
  return (a > b) - (a < b);
}

/* By layer (executives first), then name, then id. */
static int
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  const KsContact *ca = *(KsContact * const *) a;
  const KsContact *cb = *(KsContact * const *) b;
  int cmp;

  if (ca->layer != cb->layer)
    return ca->layer < cb->layer ? -1 : 1;
  cmp = g_utf8_collate (ca->name, cb->name);
  if (cmp != 0)
    return cmp;
  return compare_ids (ca->id, cb->id);
}

/* The contacts of the account's interactions, into them. */
static gboolean
read_interaction_contacts (KsStore      *self,
                           gint64        account_id,
                           KsRelations  *relations,
                           GError      **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  if (relations->interactions->len == 0)
    return TRUE;

  for (guint i = 0; i < relations->interactions->len; i++)
    {
      KsInteraction *interaction = g_ptr_array_index (relations->interactions, i);

      g_hash_table_insert (by_id, &interaction->id, interaction);
    }

  stmt = rel_stmt (self, REL_READ_INTERACTION_CONTACTS, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 interaction_id = sqlite3_column_int64 (stmt, 0);
      gint64 contact_id = sqlite3_column_int64 (stmt, 1);
      KsInteraction *interaction = g_hash_table_lookup (by_id, &interaction_id);

      if (interaction != NULL)
        g_array_append_val (interaction->contact_ids, contact_id);
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

gboolean
ks_store_relations_read (KsStore      *self,
                         gint64        account_id,
                         KsRelations  *relations,
                         GError      **error)
{
  if (!read_rows (self, REL_READ_CONTACTS, account_id, read_contact, relations, NULL, error)
      || !read_rows (self, REL_READ_INTERACTIONS, account_id, read_interaction, relations,
                     NULL, error)
      || !read_interaction_contacts (self, account_id, relations, error)
      || !read_rows (self, REL_READ_SATISFACTION, account_id, read_satisfaction, relations,
                     NULL, error)
      || !read_rows (self, REL_READ_COMPLAINTS, account_id, read_complaint, relations, NULL,
                     error))
    return FALSE;

  g_ptr_array_sort (relations->contacts, compare_contacts);
  return TRUE;
}

gboolean
ks_store_relations_read_all (KsStore     *self,
                             GHashTable  *plans,
                             GError     **error)
{
  return read_rows (self, REL_ALL_CONTACTS, 0, read_contact, NULL, plans, error)
    && read_rows (self, REL_ALL_SATISFACTION, 0, read_satisfaction, NULL, plans, error)
    && read_rows (self, REL_ALL_COMPLAINTS, 0, read_complaint, NULL, plans, error);
}

/* Checks */

static void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID, message);
}

static void
set_reports_to_unknown (GError **error)
{
  set_invalid (error, _("The contact reports to someone who is not a contact of this "
                        "account. Choose another contact of the account, or nobody."));
}

static void
set_reporting_loop (GError **error)
{
  set_invalid (error, _("The contact cannot report to that person: they report to this "
                        "contact already, directly or through others. Choose someone "
                        "else, or nobody."));
}

static void
set_contact_not_involved (GError **error)
{
  set_invalid (error, _("One of the contacts involved is not a contact of the account. "
                        "Choose them from the account’s contacts."));
}

/* @survey's quarter as "2026-Q3", however it was typed; NULL when it is not one (the
 * survey was validated: it is). */
static char *
normalize_quarter (const KsSatisfaction *survey)
{
  int year, quarter;

  if (survey->quarter == NULL || !ks_quarter_parse (survey->quarter, &year, &quarter, NULL))
    return NULL;
  return ks_quarter_format (year, quarter);
}

/* Where the contact @contact_id is: its account (0 when there is no such contact) and
 * whom it reports to (0: nobody). */
static gboolean
contact_place (KsStore  *self,
               gint64    contact_id,
               gint64   *account_id,
               gint64   *reports_to,
               GError  **error)
{
  sqlite3_stmt *stmt = rel_stmt (self, REL_CONTACT_PLACE, error);
  int rc;

  *account_id = 0;
  *reports_to = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *account_id = sqlite3_column_int64 (stmt, 0);
      *reports_to = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Whether the contact @contact_id is one of @account_id's. */
static gboolean
contact_of_account (KsStore   *self,
                    gint64     contact_id,
                    gint64     account_id,
                    gboolean  *found,
                    GError   **error)
{
  gint64 owner = 0, up = 0;

  if (!contact_place (self, contact_id, &owner, &up, error))
    return FALSE;
  *found = contact_id > 0 && owner == account_id;
  return TRUE;
}

/* Whether @target is @start or above it, following reports_to from @start up. A loop
 * already in the file (another program's) ends the walk. */
static gboolean
reaches (KsStore   *self,
         gint64     start,
         gint64     target,
         gboolean  *found,
         GError   **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                      g_free, NULL);
  gint64 current = start;

  *found = FALSE;
  while (current > 0 && !g_hash_table_contains (seen, &current))
    {
      gint64 owner = 0, up = 0;

      if (current == target)
        {
          *found = TRUE;
          return TRUE;
        }
      g_hash_table_add (seen, g_memdup2 (&current, sizeof current));
      if (!contact_place (self, current, &owner, &up, error))
        return FALSE;
      current = up;
    }
  return TRUE;
}

/* @contact's reports_to, when set: a contact of @account_id, and not one that reports
 * to @contact (which would make a loop). */
static gboolean
check_reports_to (KsStore          *self,
                  gint64            account_id,
                  const KsContact  *contact,
                  GError          **error)
{
  gboolean ok = FALSE;
  gboolean loop = FALSE;

  if (contact->reports_to <= 0)
    return TRUE;

  if (!contact_of_account (self, contact->reports_to, account_id, &ok, error))
    return FALSE;
  if (!ok)
    {
      set_reports_to_unknown (error);
      return FALSE;
    }

  if (contact->id > 0 && !reaches (self, contact->reports_to, contact->id, &loop, error))
    return FALSE;
  if (loop)
    {
      set_reporting_loop (error);
      return FALSE;
    }
  return TRUE;
}

/* The contacts of @interaction are all @account_id's. */
static gboolean
check_interaction_contacts (KsStore              *self,
                            gint64                account_id,
                            const KsInteraction  *interaction,
                            GError              **error)
{
  for (guint i = 0; interaction->contact_ids != NULL && i < interaction->contact_ids->len; i++)
    {
      gboolean ok = FALSE;

      if (!contact_of_account (self, g_array_index (interaction->contact_ids, gint64, i),
                               account_id, &ok, error))
        return FALSE;
      if (!ok)
        {
          set_contact_not_involved (error);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ks_store_relations_validate (const KsRelations  *relations,
                             GError            **error)
{
  g_autoptr(GHashTable) contacts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) quarters = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          g_free, NULL);

  for (guint i = 0; i < relations->contacts->len; i++)
    {
      KsContact *contact = g_ptr_array_index (relations->contacts, i);

      if (!ks_contact_validate (contact, error))
        return FALSE;
      if (contact->id > 0)
        g_hash_table_insert (contacts, &contact->id, contact);
    }

  /* Reports-to within the account's contacts, and up the chain back to nobody. */
  for (guint i = 0; i < relations->contacts->len; i++)
    {
      KsContact *contact = g_ptr_array_index (relations->contacts, i);
      KsContact *up = contact;
      guint steps = 0;

      while (up != NULL && up->reports_to > 0)
        {
          up = g_hash_table_lookup (contacts, &up->reports_to);
          if (up == NULL)
            {
              set_reports_to_unknown (error);
              return FALSE;
            }
          if (up == contact || ++steps > relations->contacts->len)
            {
              set_reporting_loop (error);
              return FALSE;
            }
        }
    }

  for (guint i = 0; i < relations->interactions->len; i++)
    {
      KsInteraction *interaction = g_ptr_array_index (relations->interactions, i);

      if (!ks_interaction_validate (interaction, error))
        return FALSE;
      for (guint j = 0; interaction->contact_ids != NULL && j < interaction->contact_ids->len;
           j++)
        if (!g_hash_table_contains (contacts,
                                    &g_array_index (interaction->contact_ids, gint64, j)))
          {
            set_contact_not_involved (error);
            return FALSE;
          }
    }

  for (guint i = 0; i < relations->satisfaction->len; i++)
    {
      KsSatisfaction *survey = g_ptr_array_index (relations->satisfaction, i);
      char *quarter;

      if (!ks_satisfaction_validate (survey, error))
        return FALSE;
      quarter = normalize_quarter (survey);
      if (!g_hash_table_add (quarters, quarter))
        {
          g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                       /* Translators: %s is a quarter, like 2026-Q3 */
                       _("There are two surveys for %s: keep one."), quarter);
          return FALSE;
        }
    }

  for (guint i = 0; i < relations->complaints->len; i++)
    if (!ks_complaint_validate (g_ptr_array_index (relations->complaints, i), error))
      return FALSE;

  return TRUE;
}

/* Writing rows */

/* Inserts @contact (with its id when it has one, else a new one into @out_id), or with
 * @update updates the row with its id; an update that finds no row is NOT_FOUND.
 * @with_reports_to FALSE leaves it NULL, for a caller that links them afterwards. */
static gboolean
write_contact (KsStore          *self,
               gint64            account_id,
               const KsContact  *contact,
               gboolean          update,
               gboolean          with_reports_to,
               gint64           *out_id,
               GError          **error)
{
  sqlite3_stmt *stmt = rel_stmt (self, update ? REL_UPDATE_CONTACT : REL_INSERT_CONTACT,
                                 error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, contact->id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  bind_text (stmt, 3, contact->name);
  bind_text (stmt, 4, contact->title);
  bind_text (stmt, 5, ks_contact_layer_get_key (contact->layer));
  bind_text (stmt, 6, ks_attitude_get_key (contact->attitude));
  bind_text (stmt, 7, ks_influence_get_key (contact->influence));
  bind_id (stmt, 8, with_reports_to ? contact->reports_to : 0);
  bind_text (stmt, 9, contact->phone);
  bind_text (stmt, 10, contact->email);
  bind_text_or_null (stmt, 11, contact->last_contact);
  bind_text (stmt, 12, contact->notes);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      set_not_found (error, _("The contact no longer exists: it was deleted."));
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = update ? contact->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* As write_contact(), for an interaction; its contacts are linked by the caller. */
static gboolean
write_interaction (KsStore              *self,
                   gint64                account_id,
                   const KsInteraction  *interaction,
                   gboolean              update,
                   gint64               *out_id,
                   GError              **error)
{
  sqlite3_stmt *stmt = rel_stmt (self, update ? REL_UPDATE_INTERACTION
                                              : REL_INSERT_INTERACTION, error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, interaction->id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  bind_text (stmt, 3, ks_interaction_kind_get_key (interaction->kind));
  bind_text (stmt, 4, interaction->date);
  bind_text (stmt, 5, interaction->our_participants);
  bind_text (stmt, 6, interaction->notes);
  bind_text (stmt, 7, interaction->next_step);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      set_not_found (error, _("The interaction no longer exists: it was deleted."));
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = update ? interaction->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Links the interaction @interaction_id to each of @contact_ids (mapped through
 * @id_map when not NULL); with @if_same_account, only to those still there and of the
 * interaction's account (Undo). */
static gboolean
link_contacts (KsStore     *self,
               gint64       interaction_id,
               GArray      *contact_ids,
               GHashTable  *id_map,
               gboolean     if_same_account,
               GError     **error)
{
  for (guint i = 0; contact_ids != NULL && i < contact_ids->len; i++)
    {
      gint64 contact_id = g_array_index (contact_ids, gint64, i);
      gint64 *mapped = id_map != NULL ? g_hash_table_lookup (id_map, &contact_id) : NULL;

      if (!run_with_ids (self, if_same_account ? REL_LINK_IF_SAME_ACCOUNT : REL_LINK,
                         interaction_id, mapped != NULL ? *mapped : contact_id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_satisfaction (KsStore               *self,
                    gint64                 account_id,
                    const KsSatisfaction  *survey,
                    GError               **error)
{
  g_autofree char *quarter = normalize_quarter (survey);
  sqlite3_stmt *stmt = rel_stmt (self, REL_SAVE_SATISFACTION, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  bind_text (stmt, 2, quarter != NULL ? quarter : survey->quarter);
  sqlite3_bind_double (stmt, 3, survey->score);
  if (survey->has_nps)
    sqlite3_bind_int (stmt, 4, survey->nps);
  else
    sqlite3_bind_null (stmt, 4);
  return ks_store_step_done (self, stmt, error);
}

/* As write_contact(), for a complaint: kept as typed, with the opening also in UTC
 * seconds, which the lists sort by. */
static gboolean
write_complaint (KsStore            *self,
                 gint64              account_id,
                 const KsComplaint  *complaint,
                 gboolean            update,
                 gint64             *out_id,
                 GError            **error)
{
  g_autoptr(GDateTime) opened = ks_relations_parse_date_time (complaint->opened_at);
  sqlite3_stmt *stmt = rel_stmt (self, update ? REL_UPDATE_COMPLAINT : REL_INSERT_COMPLAINT,
                                 error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, complaint->id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  bind_text (stmt, 3, ks_complaint_category_get_key (complaint->category));
  bind_text (stmt, 4, complaint->opened_at);
  /* validated: the opening is a time */
  sqlite3_bind_int64 (stmt, 5, opened != NULL ? g_date_time_to_unix (opened) : 0);
  bind_text (stmt, 6, complaint->description);
  bind_text (stmt, 7, complaint->owner);
  bind_text_or_null (stmt, 8, complaint->first_response_at);
  bind_text (stmt, 9, complaint->root_cause);
  bind_text (stmt, 10, complaint->resolution);
  bind_text_or_null (stmt, 11, complaint->follow_up_at);
  if (complaint->follow_up_satisfaction > 0)
    sqlite3_bind_int (stmt, 12, complaint->follow_up_satisfaction);
  else
    sqlite3_bind_null (stmt, 12);
  bind_text_or_null (stmt, 13, complaint->closed_at);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      set_not_found (error, _("The complaint no longer exists: it was deleted."));
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = update ? complaint->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
ks_store_relations_write (KsStore            *self,
                          gint64              account_id,
                          const KsRelations  *relations,
                          GError            **error)
{
  /* plan id → stored id, for a plan whose contacts had none (the sample's) */
  g_autoptr(GHashTable) id_map = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);

  /* Every contact first, then who reports to whom: the foreign key wants the manager
   * in the table. */
  for (guint i = 0; i < relations->contacts->len; i++)
    {
      const KsContact *contact = g_ptr_array_index (relations->contacts, i);
      gint64 id = 0;

      if (!write_contact (self, account_id, contact, FALSE, FALSE, &id, error))
        return FALSE;
      g_hash_table_insert (id_map, g_memdup2 (&contact->id, sizeof contact->id),
                           g_memdup2 (&id, sizeof id));
    }
  for (guint i = 0; i < relations->contacts->len; i++)
    {
      const KsContact *contact = g_ptr_array_index (relations->contacts, i);
      gint64 *id = g_hash_table_lookup (id_map, &contact->id);
      gint64 *manager = g_hash_table_lookup (id_map, &contact->reports_to);

      if (contact->reports_to > 0 && manager != NULL
          && !run_with_ids (self, REL_SET_REPORTS_TO, *id, *manager, error))
        return FALSE;
    }

  for (guint i = 0; i < relations->interactions->len; i++)
    {
      const KsInteraction *interaction = g_ptr_array_index (relations->interactions, i);
      gint64 id = 0;

      if (!write_interaction (self, account_id, interaction, FALSE, &id, error)
          || !link_contacts (self, id, interaction->contact_ids, id_map, FALSE, error))
        return FALSE;
    }

  for (guint i = 0; i < relations->satisfaction->len; i++)
    if (!write_satisfaction (self, account_id, g_ptr_array_index (relations->satisfaction, i),
                             error))
      return FALSE;

  for (guint i = 0; i < relations->complaints->len; i++)
    if (!write_complaint (self, account_id, g_ptr_array_index (relations->complaints, i),
                          FALSE, NULL, error))
      return FALSE;

  return TRUE;
}

gboolean
ks_store_relations_number_contacts (KsStore      *self,
                                    KsRelations  *relations,
                                    GError      **error)
{
  g_autoptr(GHashTable) id_map = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);
  sqlite3_stmt *stmt;
  gint64 next = 0;
  int rc;

  if (relations->contacts->len == 0)
    return TRUE;

  stmt = rel_stmt (self, REL_NEXT_CONTACT_ID, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  else
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;

  for (guint i = 0; i < relations->contacts->len; i++)
    {
      KsContact *contact = g_ptr_array_index (relations->contacts, i);
      gint64 id = next + i;

      g_hash_table_insert (id_map, g_memdup2 (&contact->id, sizeof contact->id),
                           g_memdup2 (&id, sizeof id));
      contact->id = id;
    }
  for (guint i = 0; i < relations->contacts->len; i++)
    {
      KsContact *contact = g_ptr_array_index (relations->contacts, i);
      gint64 *manager = g_hash_table_lookup (id_map, &contact->reports_to);

      contact->reports_to = manager != NULL ? *manager : 0;
    }
  for (guint i = 0; i < relations->interactions->len; i++)
    {
      KsInteraction *interaction = g_ptr_array_index (relations->interactions, i);

      for (guint j = 0; j < interaction->contact_ids->len; j++)
        {
          gint64 *id = g_hash_table_lookup (id_map,
                                            &g_array_index (interaction->contact_ids,
                                                            gint64, j));

          if (id != NULL)
            g_array_index (interaction->contact_ids, gint64, j) = *id;
        }
    }

  return TRUE;
}

/* Public API: contacts */

void
ks_contact_links_free (KsContactLinks *links)
{
  if (links == NULL)
    return;

  g_clear_pointer (&links->reporting_ids, g_array_unref);
  g_clear_pointer (&links->interaction_ids, g_array_unref);
  g_free (links);
}

gboolean
ks_store_save_contact (KsStore    *self,
                       gint64      account_id,
                       KsContact  *contact,
                       GError    **error)
{
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_plan_require_account (self, account_id, error)
      || !ks_contact_validate (contact, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!check_reports_to (self, account_id, contact, error)
      || !write_contact (self, account_id, contact, contact->id > 0, TRUE, &id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  contact->id = id;
  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_delete_contact (KsStore          *self,
                         gint64            contact_id,
                         KsContactLinks  **links_out,
                         GError          **error)
{
  g_autoptr(GArray) reporting = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) interactions = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 account_id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  /* Its reports report to nobody (ON DELETE SET NULL), its interaction links go
   * (ON DELETE CASCADE): both read first, for Undo. */
  if (!item_account (self, REL_CONTACT_PLACE, contact_id,
                     _("The contact no longer exists: it was deleted."), &account_id, error)
      || !read_ids (self, REL_REPORTING_IDS, contact_id, reporting, error)
      || !read_ids (self, REL_CONTACT_INTERACTION_IDS, contact_id, interactions, error)
      || !run_with_id (self, REL_DELETE_CONTACT, contact_id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  if (links_out != NULL)
    {
      KsContactLinks *links = g_new0 (KsContactLinks, 1);

      links->reporting_ids = g_steal_pointer (&reporting);
      links->interaction_ids = g_steal_pointer (&interactions);
      *links_out = links;
    }

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

/* Undo of a delete: those who reported to @contact_id report to it again, unless they
 * were given another manager meanwhile or are gone, or it would make a loop now. */
static gboolean
relink_reports (KsStore   *self,
                gint64     account_id,
                gint64     contact_id,
                GArray    *reporting_ids,
                GError   **error)
{
  for (guint i = 0; reporting_ids != NULL && i < reporting_ids->len; i++)
    {
      gint64 report = g_array_index (reporting_ids, gint64, i);
      gboolean loop = FALSE;
      sqlite3_stmt *stmt;

      if (!reaches (self, contact_id, report, &loop, error))
        return FALSE;
      if (loop)
        continue;

      stmt = rel_stmt (self, REL_RELINK_REPORT, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, report);
      sqlite3_bind_int64 (stmt, 2, contact_id);
      sqlite3_bind_int64 (stmt, 3, account_id);
      if (!ks_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ks_store_restore_contact (KsStore               *self,
                          gint64                 account_id,
                          const KsContact       *contact,
                          const KsContactLinks  *links,
                          GError               **error)
{
  g_autoptr(KsContact) copy = NULL;
  gboolean manager_ok = TRUE;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact != NULL && contact->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_plan_require_account (self, account_id, error)
      || !ks_contact_validate (contact, error))
    return FALSE;

  copy = ks_contact_copy (contact);
  if (!ks_store_begin (self, error))
    return FALSE;
  /* A manager deleted meanwhile is nobody now; none can report to it yet, so no
   * loop. */
  if (copy->reports_to > 0
      && !contact_of_account (self, copy->reports_to, account_id, &manager_ok, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!manager_ok)
    copy->reports_to = 0;

  if (!write_contact (self, account_id, copy, FALSE, TRUE, NULL, error)
      || (links != NULL
          && !relink_reports (self, account_id, copy->id, links->reporting_ids, error)))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  for (guint i = 0; links != NULL && links->interaction_ids != NULL
                    && i < links->interaction_ids->len; i++)
    if (!run_with_ids (self, REL_LINK_IF_SAME_ACCOUNT,
                       g_array_index (links->interaction_ids, gint64, i), copy->id, error))
      {
        ks_store_rollback (self);
        return FALSE;
      }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

/* Public API: interactions */

gboolean
ks_store_save_interaction (KsStore        *self,
                           gint64          account_id,
                           KsInteraction  *interaction,
                           GError        **error)
{
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (interaction != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_plan_require_account (self, account_id, error)
      || !ks_interaction_validate (interaction, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!check_interaction_contacts (self, account_id, interaction, error)
      || !write_interaction (self, account_id, interaction, interaction->id > 0, &id, error)
      || !run_with_id (self, REL_UNLINK_INTERACTION, id, error)
      || !link_contacts (self, id, interaction->contact_ids, NULL, FALSE, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  interaction->id = id;
  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_delete_interaction (KsStore  *self,
                             gint64    interaction_id,
                             GError  **error)
{
  gint64 account_id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  /* Its contact links go with it: ON DELETE CASCADE. */
  if (!item_account (self, REL_INTERACTION_ACCOUNT, interaction_id,
                     _("The interaction no longer exists: it was deleted."), &account_id,
                     error)
      || !run_with_id (self, REL_DELETE_INTERACTION, interaction_id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_restore_interaction (KsStore              *self,
                              gint64                account_id,
                              const KsInteraction  *interaction,
                              GError              **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (interaction != NULL && interaction->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_plan_require_account (self, account_id, error)
      || !ks_interaction_validate (interaction, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  /* contacts deleted meanwhile are left out */
  if (!write_interaction (self, account_id, interaction, FALSE, NULL, error)
      || !link_contacts (self, interaction->id, interaction->contact_ids, NULL, TRUE, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

/* Public API: satisfaction */

gboolean
ks_store_save_satisfaction (KsStore               *self,
                            gint64                 account_id,
                            const KsSatisfaction  *survey,
                            GError               **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (survey != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_plan_require_account (self, account_id, error)
      || !ks_satisfaction_validate (survey, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_satisfaction (self, account_id, survey, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_delete_satisfaction (KsStore     *self,
                              gint64       account_id,
                              const char  *quarter,
                              GError     **error)
{
  g_autofree char *normal = NULL;
  sqlite3_stmt *stmt;
  int year, q;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (quarter != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_plan_require_account (self, account_id, error)
      || !ks_quarter_parse (quarter, &year, &q, error))
    return FALSE;
  normal = ks_quarter_format (year, q);

  if (!ks_store_begin (self, error))
    return FALSE;
  stmt = rel_stmt (self, REL_DELETE_SATISFACTION, error);
  if (stmt == NULL)
    {
      ks_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, account_id);
  bind_text (stmt, 2, normal);
  if (!ks_store_step_done (self, stmt, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      ks_store_rollback (self);
      set_not_found (error, _("The survey no longer exists: it was deleted."));
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

/* Public API: complaints */

gboolean
ks_store_save_complaint (KsStore      *self,
                         gint64        account_id,
                         KsComplaint  *complaint,
                         GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (complaint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* the closed loop first: nothing is written for a complaint closed too early */
  if (!ks_complaint_validate (complaint, error)
      || !ks_store_plan_require_account (self, account_id, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_complaint (self, account_id, complaint, complaint->id > 0, &id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  complaint->id = id;
  complaint->account_id = account_id;
  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_delete_complaint (KsStore  *self,
                           gint64    complaint_id,
                           GError  **error)
{
  gint64 account_id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!item_account (self, REL_COMPLAINT_ACCOUNT, complaint_id,
                     _("The complaint no longer exists: it was deleted."), &account_id,
                     error)
      || !run_with_id (self, REL_DELETE_COMPLAINT, complaint_id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_restore_complaint (KsStore            *self,
                            gint64              account_id,
                            const KsComplaint  *complaint,
                            GError            **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (complaint != NULL && complaint->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_complaint_validate (complaint, error)
      || !ks_store_plan_require_account (self, account_id, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_complaint (self, account_id, complaint, FALSE, NULL, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

GPtrArray *
ks_store_dup_complaints (KsStore   *self,
                         gboolean   open_only,
                         GError   **error)
{
  g_autoptr(GPtrArray) complaints = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_complaint_free);
  stmt = rel_stmt (self, open_only ? REL_LIST_OPEN_COMPLAINTS : REL_LIST_COMPLAINTS, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (complaints, complaint_from_row (stmt));
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&complaints) : NULL;
}
