/* ks-store-contracts.c — contracts and the checklist template in the database. A
 * contract copies the template's items when it is made, so the template may change
 * afterwards without touching it. Contracts are part of the account's plan: read,
 * written, deleted and put back with it (ks-store-plan.c), and a signed contract with
 * an open issue is an alert in the account's summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ks-error.h"
#include "ks-store-private.h"

typedef enum
{
  CON_TEMPLATE_CATEGORIES,
  CON_TEMPLATE_ITEMS,
  CON_DELETE_TEMPLATE_ITEMS,
  CON_DELETE_TEMPLATE_CATEGORIES,
  CON_INSERT_CATEGORY,
  CON_INSERT_TEMPLATE_ITEM,
  CON_READ_ACCOUNT,
  CON_READ_ACCOUNT_ITEMS,
  CON_READ_ONE,
  CON_READ_ONE_ITEMS,
  CON_ALL,
  CON_ALL_ITEMS,
  CON_ALERT_ACCOUNTS,
  CON_ACCOUNT,
  CON_INSERT,
  CON_UPDATE,
  CON_DELETE,
  CON_ITEM_IDS,
  CON_INSERT_ITEM,
  CON_UPDATE_ITEM,
  CON_DELETE_ITEM,
  CON_SAVE_ITEM_REVIEW,
  N_CON_STMTS
} ConStmt;

/* The columns each kind of row is read from; column 0 is the owner's id. */
#define CONTRACT_COLUMNS "account_id, id, title, number, value, currency, start_date, " \
                         "end_date, renewal_notice, status, notes"
#define ITEM_COLUMNS     "contract_id, id, category, position, text, state, note, " \
                         "reviewer, reviewed"

static const char * const con_sql[N_CON_STMTS] = {
  [CON_TEMPLATE_CATEGORIES] = "SELECT id, title FROM checklist_category ORDER BY position, id",
  [CON_TEMPLATE_ITEMS] = "SELECT category_id, id, text FROM checklist_item "
                         "ORDER BY position, id",
  [CON_DELETE_TEMPLATE_ITEMS] = "DELETE FROM checklist_item",
  [CON_DELETE_TEMPLATE_CATEGORIES] = "DELETE FROM checklist_category",
  [CON_INSERT_CATEGORY] = "INSERT INTO checklist_category (id, position, title) "
                          "VALUES (?1, ?2, ?3)",
  [CON_INSERT_TEMPLATE_ITEM] = "INSERT INTO checklist_item (id, category_id, position, text) "
                               "VALUES (?1, ?2, ?3, ?4)",
  /* ordered in C: by end date, then title (g_utf8_collate) */
  [CON_READ_ACCOUNT] = "SELECT " CONTRACT_COLUMNS " FROM contract WHERE account_id = ?1",
  [CON_READ_ACCOUNT_ITEMS] = "SELECT i.contract_id, i.id, i.category, i.position, i.text, "
                             "i.state, i.note, i.reviewer, i.reviewed "
                             "FROM contract_item AS i "
                             "JOIN contract AS c ON c.id = i.contract_id "
                             "WHERE c.account_id = ?1 ORDER BY i.position, i.id",
  [CON_READ_ONE] = "SELECT " CONTRACT_COLUMNS " FROM contract WHERE id = ?1",
  [CON_READ_ONE_ITEMS] = "SELECT " ITEM_COLUMNS " FROM contract_item WHERE contract_id = ?1 "
                         "ORDER BY position, id",
  [CON_ALL] = "SELECT " CONTRACT_COLUMNS " FROM contract",
  [CON_ALL_ITEMS] = "SELECT " ITEM_COLUMNS " FROM contract_item ORDER BY position, id",
  /* the contract alert of every account at once */
  [CON_ALERT_ACCOUNTS] = "SELECT DISTINCT c.account_id FROM contract AS c "
                         "WHERE c.status = 'signed' AND EXISTS "
                         "(SELECT 1 FROM contract_item AS i "
                         " WHERE i.contract_id = c.id AND i.state = 'issue')",
  [CON_ACCOUNT] = "SELECT account_id FROM contract WHERE id = ?1",
  [CON_INSERT] = "INSERT INTO contract (id, account_id, title, number, value, currency, "
                 "start_date, end_date, renewal_notice, status, notes) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [CON_UPDATE] = "UPDATE contract SET account_id = ?2, title = ?3, number = ?4, value = ?5, "
                 "currency = ?6, start_date = ?7, end_date = ?8, renewal_notice = ?9, "
                 "status = ?10, notes = ?11 WHERE id = ?1",
  [CON_DELETE] = "DELETE FROM contract WHERE id = ?1",
  [CON_ITEM_IDS] = "SELECT id FROM contract_item WHERE contract_id = ?1",
  [CON_INSERT_ITEM] = "INSERT INTO contract_item (id, contract_id, category, position, text, "
                      "state, note, reviewer, reviewed) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [CON_UPDATE_ITEM] = "UPDATE contract_item SET category = ?3, position = ?4, text = ?5, "
                      "state = ?6, note = ?7, reviewer = ?8, reviewed = ?9 "
                      "WHERE id = ?1 AND contract_id = ?2",
  [CON_DELETE_ITEM] = "DELETE FROM contract_item WHERE id = ?1",
  [CON_SAVE_ITEM_REVIEW] = "UPDATE contract_item SET state = ?3, note = ?4, reviewer = ?5, "
                           "reviewed = ?6 WHERE id = ?1 AND contract_id = ?2",
};

/* Statements */

void
ks_store_contracts_init (KsStore *self)
{
  self->contract_stmts = g_new0 (sqlite3_stmt *, N_CON_STMTS);
}

void
ks_store_contracts_close (KsStore *self)
{
  if (self->contract_stmts == NULL)
    return;
  for (guint i = 0; i < N_CON_STMTS; i++)
    g_clear_pointer (&self->contract_stmts[i], sqlite3_finalize);
}

static sqlite3_stmt *
con_stmt (KsStore   *self,
          ConStmt    id,
          GError   **error)
{
  return ks_store_prepare_cached (self, &self->contract_stmts[id], con_sql[id], error);
}

/* Runs statement @id with @param bound as ?1 (when not 0), to the end. */
static gboolean
run_with_id (KsStore   *self,
             ConStmt    id,
             gint64     param,
             GError   **error)
{
  sqlite3_stmt *stmt = con_stmt (self, id, error);

  if (stmt == NULL)
    return FALSE;
  if (param != 0)
    sqlite3_bind_int64 (stmt, 1, param);
  return ks_store_step_done (self, stmt, error);
}

static void
set_not_found (GError     **error,
               const char  *message)
{
  g_set_error_literal (error, KS_ERROR, KS_ERROR_NOT_FOUND, message);
}

static void
set_contract_not_found (GError **error)
{
  set_not_found (error, _("The contract no longer exists: it was deleted."));
}

/* Migration 6's seed */

/* Inserts the built-in template with statements of its own: the store's cache is not
 * there yet when migrations run. */
int
ks_store_contracts_seed_template (sqlite3 *db)
{
  g_autoptr(GPtrArray) categories = ks_checklist_builtin_template ();
  sqlite3_stmt *category_stmt = NULL;
  sqlite3_stmt *item_stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, con_sql[CON_INSERT_CATEGORY], -1, &category_stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, con_sql[CON_INSERT_TEMPLATE_ITEM], -1, &item_stmt, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < categories->len; i++)
    {
      const KsTemplateCategory *category = g_ptr_array_index (categories, i);
      gint64 category_id;

      sqlite3_bind_null (category_stmt, 1);
      sqlite3_bind_int (category_stmt, 2, (int) i);
      bind_text (category_stmt, 3, category->title);
      rc = sqlite3_step (category_stmt);
      sqlite3_reset (category_stmt);
      if (rc != SQLITE_DONE)
        break;
      rc = SQLITE_OK;
      category_id = sqlite3_last_insert_rowid (db);

      for (guint j = 0; rc == SQLITE_OK && j < category->items->len; j++)
        {
          const KsTemplateItem *item = g_ptr_array_index (category->items, j);

          sqlite3_bind_null (item_stmt, 1);
          sqlite3_bind_int64 (item_stmt, 2, category_id);
          sqlite3_bind_int (item_stmt, 3, (int) j);
          bind_text (item_stmt, 4, item->text);
          rc = sqlite3_step (item_stmt);
          sqlite3_reset (item_stmt);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }

  sqlite3_finalize (category_stmt);
  sqlite3_finalize (item_stmt);

  return rc;
}

/* Reading rows */

static KsContract *
contract_from_row (sqlite3_stmt *stmt)
{
  KsContract *contract = ks_contract_new ();
  int status = ks_contract_status_from_key (column_text (stmt, 9));

  /* the CHECK constraints keep unknown keys out */
  contract->account_id = sqlite3_column_int64 (stmt, 0);
  contract->id = sqlite3_column_int64 (stmt, 1);
  contract->title = g_strdup (column_text (stmt, 2));
  contract->number = g_strdup (column_text (stmt, 3));
  contract->value = sqlite3_column_int64 (stmt, 4);
  g_free (contract->currency);
  contract->currency = g_strdup (column_text (stmt, 5));
  contract->start = column_dup_or_null (stmt, 6);
  contract->end = column_dup_or_null (stmt, 7);
  contract->renewal_notice = column_dup_or_null (stmt, 8);
  contract->status = status >= 0 ? status : KS_CONTRACT_DRAFT;
  contract->notes = g_strdup (column_text (stmt, 10));

  return contract;
}

static KsContractItem *
item_from_row (sqlite3_stmt *stmt)
{
  KsContractItem *item = ks_contract_item_new ();
  int state = ks_check_state_from_key (column_text (stmt, 5));

  item->id = sqlite3_column_int64 (stmt, 1);
  item->category = g_strdup (column_text (stmt, 2));
  item->position = sqlite3_column_int (stmt, 3);
  item->text = g_strdup (column_text (stmt, 4));
  item->state = state >= 0 ? state : KS_CHECK_PENDING;
  item->note = g_strdup (column_text (stmt, 6));
  item->reviewer = g_strdup (column_text (stmt, 7));
  item->reviewed = column_dup_or_null (stmt, 8);

  return item;
}

/* The contracts of the rows of statement @id (@param bound as ?1 when not 0) appended
 * to @contracts; with @by_id (when not NULL) each one by its id. */
static gboolean
read_contracts (KsStore     *self,
                ConStmt      id,
                gint64       param,
                GPtrArray   *contracts,
                GHashTable  *by_id,
                GError     **error)
{
  sqlite3_stmt *stmt = con_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (param != 0)
    sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KsContract *contract = contract_from_row (stmt);

      g_ptr_array_add (contracts, contract);
      if (by_id != NULL)
        g_hash_table_insert (by_id, &contract->id, contract);
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

/* The items of the rows of statement @id (@param bound as ?1), in the row order, each
 * into its contract in @by_id (items of other contracts are skipped). */
static gboolean
read_items (KsStore     *self,
            ConStmt      id,
            gint64       param,
            GHashTable  *by_id,
            GError     **error)
{
  sqlite3_stmt *stmt = con_stmt (self, id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (param != 0)
    sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 contract_id = sqlite3_column_int64 (stmt, 0);
      KsContract *contract = g_hash_table_lookup (by_id, &contract_id);

      if (contract != NULL)
        g_ptr_array_add (contract->items, item_from_row (stmt));
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

/* By end date (none last), then title, then id. */
static int
compare_contracts (gconstpointer a,
                   gconstpointer b)
{
  const KsContract *ca = *(KsContract * const *) a;
  const KsContract *cb = *(KsContract * const *) b;
  gboolean a_end = ca->end != NULL && ca->end[0] != '\0';
  gboolean b_end = cb->end != NULL && cb->end[0] != '\0';
  int cmp;

  if (a_end != b_end)
    return a_end ? -1 : 1;
  /* "YYYY-MM-DD" sorts as text */
  cmp = a_end ? strcmp (ca->end, cb->end) : 0;
  if (cmp != 0)
    return cmp;
  cmp = g_utf8_collate (ca->title != NULL ? ca->title : "",
                        cb->title != NULL ? cb->title : "");
  if (cmp != 0)
    return cmp;
  return compare_ids (ca->id, cb->id);
}

gboolean
ks_store_contracts_read (KsStore     *self,
                         gint64       account_id,
                         GPtrArray   *contracts,
                         GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint first = contracts->len;

  if (!read_contracts (self, CON_READ_ACCOUNT, account_id, contracts, by_id, error))
    return FALSE;
  if (contracts->len == first)
    return TRUE;
  if (!read_items (self, CON_READ_ACCOUNT_ITEMS, account_id, by_id, error))
    return FALSE;

  g_ptr_array_sort (contracts, compare_contracts);
  return TRUE;
}

/* One contract with its items; NULL and NOT_FOUND when it is gone. */
static KsContract *
read_contract (KsStore  *self,
               gint64    contract_id,
               GError  **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_contract_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (contract_id <= 0)
    {
      set_contract_not_found (error);
      return NULL;
    }
  if (!read_contracts (self, CON_READ_ONE, contract_id, found, by_id, error))
    return NULL;
  if (found->len == 0)
    {
      set_contract_not_found (error);
      return NULL;
    }
  if (!read_items (self, CON_READ_ONE_ITEMS, contract_id, by_id, error))
    return NULL;

  return g_ptr_array_steal_index (found, 0);
}

gboolean
ks_store_contracts_read_alerts (KsStore     *self,
                                GHashTable  *account_ids,
                                GError     **error)
{
  sqlite3_stmt *stmt = con_stmt (self, CON_ALERT_ACCOUNTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (account_ids, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

/* The account of the contract @contract_id; FALSE and NOT_FOUND when it is gone. */
static gboolean
contract_account (KsStore   *self,
                  gint64     contract_id,
                  gint64    *account_id,
                  GError   **error)
{
  sqlite3_stmt *stmt = con_stmt (self, CON_ACCOUNT, error);
  int rc;

  *account_id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *account_id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    set_contract_not_found (error);
  else
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_ROW;
}

/* Writing rows */

gboolean
ks_store_contracts_validate (GPtrArray  *contracts,
                             GError    **error)
{
  for (guint i = 0; contracts != NULL && i < contracts->len; i++)
    if (!ks_contract_validate (g_ptr_array_index (contracts, i), NULL, error))
      return FALSE;
  return TRUE;
}

/* Inserts @contract (with its id when it has one, else a new one into @out_id), or
 * with @update updates the row with its id (and moves it to @account_id); an update
 * that finds no row is NOT_FOUND. Not its items. */
static gboolean
write_contract (KsStore           *self,
                gint64             account_id,
                const KsContract  *contract,
                gboolean           update,
                gint64            *out_id,
                GError           **error)
{
  sqlite3_stmt *stmt = con_stmt (self, update ? CON_UPDATE : CON_INSERT, error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, contract->id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  bind_text (stmt, 3, contract->title);
  bind_text (stmt, 4, contract->number);
  sqlite3_bind_int64 (stmt, 5, contract->value);
  bind_text (stmt, 6, contract->currency);
  bind_text_or_null (stmt, 7, contract->start);
  bind_text_or_null (stmt, 8, contract->end);
  bind_text_or_null (stmt, 9, contract->renewal_notice);
  bind_text (stmt, 10, ks_contract_status_get_key (contract->status));
  bind_text (stmt, 11, contract->notes);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  if (update && sqlite3_changes (self->db) == 0)
    {
      set_contract_not_found (error);
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = update ? contract->id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Inserts @item into the contract @contract_id at @position (with @id, or a new one
 * when 0), or with @update updates the row @id. Its id into @out_id. */
static gboolean
write_item (KsStore               *self,
            gint64                 contract_id,
            const KsContractItem  *item,
            gint64                 id,
            int                    position,
            gboolean               update,
            gint64                *out_id,
            GError               **error)
{
  sqlite3_stmt *stmt = con_stmt (self, update ? CON_UPDATE_ITEM : CON_INSERT_ITEM, error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  bind_text (stmt, 3, item->category);
  sqlite3_bind_int (stmt, 4, position);
  bind_text (stmt, 5, item->text);
  bind_text (stmt, 6, ks_check_state_get_key (item->state));
  bind_text (stmt, 7, item->note);
  bind_text (stmt, 8, item->reviewer);
  bind_text_or_null (stmt, 9, item->reviewed);
  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  *out_id = update ? id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Inserts @contract and its items with the ids they have (0: a new one, set in the
 * contract and its items). */
static gboolean
insert_contract (KsStore     *self,
                 gint64       account_id,
                 KsContract  *contract,
                 GError     **error)
{
  gint64 id = 0;

  if (!write_contract (self, account_id, contract, FALSE, &id, error))
    return FALSE;
  contract->id = id;
  contract->account_id = account_id;

  for (guint i = 0; i < contract->items->len; i++)
    {
      KsContractItem *item = g_ptr_array_index (contract->items, i);
      gint64 item_id = 0;

      if (!write_item (self, id, item, item->id, (int) i, FALSE, &item_id, error))
        return FALSE;
      item->id = item_id;
      item->position = (int) i;
    }
  return TRUE;
}

gboolean
ks_store_contracts_write (KsStore     *self,
                          gint64       account_id,
                          GPtrArray   *contracts,
                          GError     **error)
{
  for (guint i = 0; contracts != NULL && i < contracts->len; i++)
    {
      g_autoptr(KsContract) copy = ks_contract_copy (g_ptr_array_index (contracts, i));

      if (!insert_contract (self, account_id, copy, error))
        return FALSE;
    }
  return TRUE;
}

/* Brings the items of the stored contract @contract->id in line with @contract's:
 * those it has (by id) updated, the others inserted with new ids, the rest deleted.
 * Sets the ids and positions in @contract. */
static gboolean
update_items (KsStore     *self,
              KsContract  *contract,
              GError     **error)
{
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, NULL);
  sqlite3_stmt *stmt = con_stmt (self, CON_ITEM_IDS, error);
  GHashTableIter iter;
  gpointer key;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (stored, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < contract->items->len; i++)
    {
      KsContractItem *item = g_ptr_array_index (contract->items, i);
      gboolean update = item->id > 0 && g_hash_table_remove (stored, &item->id);
      gint64 id = 0;

      /* An id the contract does not have (an item copied from elsewhere) gets a new
       * one. */
      if (!write_item (self, contract->id, item, update ? item->id : 0, (int) i, update,
                       &id, error))
        return FALSE;
      item->id = id;
      item->position = (int) i;
    }

  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!run_with_id (self, CON_DELETE_ITEM, *(gint64 *) key, error))
      return FALSE;

  return TRUE;
}

/* Public API: the template */

GPtrArray *
ks_store_dup_template (KsStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  categories = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_template_category_free);
  stmt = con_stmt (self, CON_TEMPLATE_CATEGORIES, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KsTemplateCategory *category = ks_template_category_new (column_text (stmt, 1));

      category->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (categories, category);
      g_hash_table_insert (by_id, &category->id, category);
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;

  stmt = con_stmt (self, CON_TEMPLATE_ITEMS, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 category_id = sqlite3_column_int64 (stmt, 0);
      KsTemplateCategory *category = g_hash_table_lookup (by_id, &category_id);
      KsTemplateItem *item;

      if (category == NULL)
        continue;
      item = ks_template_item_new (column_text (stmt, 2));
      item->id = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (category->items, item);
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&categories);
}

/* Every category valid, and no id twice (among the categories, among the items). */
static gboolean
validate_template (GPtrArray  *categories,
                   GError    **error)
{
  g_autoptr(GHashTable) category_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) item_ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < categories->len; i++)
    {
      KsTemplateCategory *category = g_ptr_array_index (categories, i);

      if (!ks_template_category_validate (category, error))
        return FALSE;
      if (category->id > 0 && !g_hash_table_add (category_ids, &category->id))
        goto twice;
      for (guint j = 0; category->items != NULL && j < category->items->len; j++)
        {
          KsTemplateItem *item = g_ptr_array_index (category->items, j);

          if (item->id > 0 && !g_hash_table_add (item_ids, &item->id))
            goto twice;
        }
    }
  return TRUE;

twice:
  g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                       _("The checklist template has the same category or item twice. "
                         "Remove one of them."));
  return FALSE;
}

/* Replaces the stored template with @categories; sets their ids and their items'. */
static gboolean
write_template (KsStore    *self,
                GPtrArray  *categories,
                GError    **error)
{
  if (!run_with_id (self, CON_DELETE_TEMPLATE_ITEMS, 0, error)
      || !run_with_id (self, CON_DELETE_TEMPLATE_CATEGORIES, 0, error))
    return FALSE;

  for (guint i = 0; i < categories->len; i++)
    {
      KsTemplateCategory *category = g_ptr_array_index (categories, i);
      sqlite3_stmt *stmt = con_stmt (self, CON_INSERT_CATEGORY, error);

      if (stmt == NULL)
        return FALSE;
      bind_id (stmt, 1, category->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, category->title);
      if (!ks_store_step_done (self, stmt, error))
        return FALSE;
      category->id = sqlite3_last_insert_rowid (self->db);

      for (guint j = 0; category->items != NULL && j < category->items->len; j++)
        {
          KsTemplateItem *item = g_ptr_array_index (category->items, j);

          stmt = con_stmt (self, CON_INSERT_TEMPLATE_ITEM, error);
          if (stmt == NULL)
            return FALSE;
          bind_id (stmt, 1, item->id);
          sqlite3_bind_int64 (stmt, 2, category->id);
          sqlite3_bind_int (stmt, 3, (int) j);
          bind_text (stmt, 4, item->text);
          if (!ks_store_step_done (self, stmt, error))
            return FALSE;
          item->id = sqlite3_last_insert_rowid (self->db);
        }
    }
  return TRUE;
}

gboolean
ks_store_save_template (KsStore    *self,
                        GPtrArray  *categories,
                        GError    **error)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (categories != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_template (categories, error))
    return FALSE;

  /* Written from a copy, so that a failure leaves the caller's ids as they were. */
  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_template_category_free);
  for (guint i = 0; i < categories->len; i++)
    g_ptr_array_add (copy, ks_template_category_copy (g_ptr_array_index (categories, i)));

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_template (self, copy, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  for (guint i = 0; i < categories->len; i++)
    {
      KsTemplateCategory *category = g_ptr_array_index (categories, i);
      const KsTemplateCategory *saved = g_ptr_array_index (copy, i);

      category->id = saved->id;
      for (guint j = 0; category->items != NULL && j < category->items->len; j++)
        ((KsTemplateItem *) g_ptr_array_index (category->items, j))->id =
          ((const KsTemplateItem *) g_ptr_array_index (saved->items, j))->id;
    }

  ks_store_emit_template_changed (self);
  return TRUE;
}

gboolean
ks_store_reset_template (KsStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) builtin = ks_checklist_builtin_template ();

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ks_store_save_template (self, builtin, error);
}

/* Public API: contracts */

GPtrArray *
ks_store_dup_contracts (KsStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_contract_free);
  if (!read_contracts (self, CON_ALL, 0, contracts, by_id, error)
      || (contracts->len > 0 && !read_items (self, CON_ALL_ITEMS, 0, by_id, error)))
    return NULL;

  g_ptr_array_sort (contracts, compare_contracts);
  return g_steal_pointer (&contracts);
}

gboolean
ks_store_save_contract (KsStore     *self,
                        gint64       account_id,
                        KsContract  *contract,
                        GError     **error)
{
  g_autoptr(KsContract) work = NULL;
  gboolean update;
  gboolean from_template = FALSE;
  gint64 old_account_id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (contract != NULL && contract->items != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_plan_require_account (self, account_id, error))
    return FALSE;

  /* The work is done on a copy: a failure leaves @contract as it was. */
  work = ks_contract_copy (contract);
  update = work->id > 0;
  if (!update && work->items->len == 0)
    {
      g_autoptr(GPtrArray) template = ks_store_dup_template (self, error);

      if (template == NULL)
        return FALSE;
      ks_contract_add_template_items (work, template);
      from_template = TRUE;
    }
  if (!ks_contract_validate (work, NULL, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (update)
    {
      if (!contract_account (self, work->id, &old_account_id, error)
          || !write_contract (self, account_id, work, TRUE, NULL, error)
          || !update_items (self, work, error))
        {
          ks_store_rollback (self);
          return FALSE;
        }
    }
  else
    {
      /* a new contract gets new ids, whatever it was copied from */
      for (guint i = 0; i < work->items->len; i++)
        ((KsContractItem *) g_ptr_array_index (work->items, i))->id = 0;
      if (!insert_contract (self, account_id, work, error))
        {
          ks_store_rollback (self);
          return FALSE;
        }
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  contract->id = work->id;
  contract->account_id = account_id;
  if (from_template)
    {
      g_ptr_array_unref (contract->items);
      contract->items = g_steal_pointer (&work->items);
    }
  else
    for (guint i = 0; i < contract->items->len; i++)
      {
        KsContractItem *item = g_ptr_array_index (contract->items, i);
        const KsContractItem *saved = g_ptr_array_index (work->items, i);

        item->id = saved->id;
        item->position = saved->position;
      }

  if (update && old_account_id != account_id)
    ks_store_plan_changed (self, old_account_id, TRUE);
  ks_store_plan_changed (self, account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_save_contract_item (KsStore               *self,
                             gint64                 contract_id,
                             const KsContractItem  *item,
                             GError               **error)
{
  g_autoptr(KsContract) contract = NULL;
  KsContractItem *stored = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);

  /* The contract as it will be, checked whole. */
  contract = read_contract (self, contract_id, error);
  if (contract == NULL)
    return FALSE;
  for (guint i = 0; i < contract->items->len && item->id > 0; i++)
    {
      KsContractItem *candidate = g_ptr_array_index (contract->items, i);

      if (candidate->id == item->id)
        stored = candidate;
    }
  if (stored == NULL)
    {
      set_not_found (error, _("The checklist item no longer exists: it was removed from "
                              "the contract."));
      return FALSE;
    }
  stored->state = item->state;
  g_free (stored->note);
  stored->note = g_strdup (item->note);
  g_free (stored->reviewer);
  stored->reviewer = g_strdup (item->reviewer);
  g_free (stored->reviewed);
  stored->reviewed = g_strdup (item->reviewed);
  if (!ks_contract_validate (contract, NULL, error))
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  stmt = con_stmt (self, CON_SAVE_ITEM_REVIEW, error);
  if (stmt == NULL)
    {
      ks_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, stored->id);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  bind_text (stmt, 3, ks_check_state_get_key (stored->state));
  bind_text (stmt, 4, stored->note);
  bind_text (stmt, 5, stored->reviewer);
  bind_text_or_null (stmt, 6, stored->reviewed);
  if (!ks_store_step_done (self, stmt, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, contract->account_id, TRUE);
  return TRUE;
}

gboolean
ks_store_delete_contract (KsStore      *self,
                          gint64        contract_id,
                          KsContract  **contract_out,
                          GError      **error)
{
  g_autoptr(KsContract) contract = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (contract_out == NULL || *contract_out == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  /* Its items go with it: ON DELETE CASCADE. They are read first, for Undo. */
  contract = read_contract (self, contract_id, error);
  if (contract == NULL || !run_with_id (self, CON_DELETE, contract_id, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, contract->account_id, TRUE);
  if (contract_out != NULL)
    *contract_out = g_steal_pointer (&contract);
  return TRUE;
}

gboolean
ks_store_restore_contract (KsStore           *self,
                           const KsContract  *contract,
                           GError           **error)
{
  g_autoptr(KsContract) copy = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (contract != NULL && contract->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_store_plan_require_account (self, contract->account_id, error)
      || !ks_contract_validate (contract, NULL, error))
    return FALSE;

  copy = ks_contract_copy (contract);
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!insert_contract (self, contract->account_id, copy, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  ks_store_plan_changed (self, contract->account_id, TRUE);
  return TRUE;
}
