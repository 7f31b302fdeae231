/* ks-store-review.c — what the quarterly review reads of every account at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review runs these once each: the statements are prepared and finalized here, not
 * kept in a cache of the store's.
 */
#include "config.h"

#include "ks-store-private.h"
#include "ks-store-review.h"

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* @sql prepared on the store's connection, or NULL and @error. */
static sqlite3_stmt *
prepare (KsStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      ks_store_set_db_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

GHashTable *
ks_store_dup_revenue_targets (KsStore  *self,
                              int       year,
                              GError  **error)
{
  g_autoptr(GHashTable) years = NULL;
  const char *key = ks_target_metric_get_key (KS_TARGET_METRIC_REVENUE);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self,
                  "SELECT account_id, idx, target, actual FROM target "
                  "WHERE year = ?1 AND metric = ?2",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  bind_text (stmt, 2, key);

  years = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 account_id = sqlite3_column_int64 (stmt, 0);
      int idx = sqlite3_column_int (stmt, 1);
      KsTargetYear *entry = g_hash_table_lookup (years, &account_id);

      /* the table's CHECK keeps idx in 0–4 */
      if (idx < 0 || idx > KS_PLAN_N_QUARTERS)
        continue;
      if (entry == NULL)
        {
          entry = g_new0 (KsTargetYear, 1);
          entry->year = year;
          entry->metric = KS_TARGET_METRIC_REVENUE;
          g_hash_table_insert (years, id_key (account_id), entry);
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          entry->has_target |= 1u << idx;
          entry->target[idx] = sqlite3_column_int64 (stmt, 2);
        }
      if (idx > 0 && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          entry->has_actual |= 1u << idx;
          entry->actual[idx] = sqlite3_column_int64 (stmt, 3);
        }
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&years) : NULL;
}

GHashTable *
ks_store_dup_open_risks (KsStore  *self,
                         GError  **error)
{
  g_autoptr(GHashTable) risks = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* "YYYY-MM-DD" sorts as text */
  stmt = prepare (self,
                  "SELECT account_id, id, category, severity, raised, description, "
                  "contingency FROM risk WHERE closed = 0 "
                  "ORDER BY account_id, "
                  "CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, "
                  "raised DESC, id",
                  error);
  if (stmt == NULL)
    return NULL;

  risks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) g_ptr_array_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 account_id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (risks, &account_id);
      KsRisk *risk = ks_risk_new ();
      int category = ks_risk_category_from_key (column_text (stmt, 2));
      int severity = ks_risk_severity_from_key (column_text (stmt, 3));

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_risk_free);
          g_hash_table_insert (risks, id_key (account_id), list);
        }
      risk->id = sqlite3_column_int64 (stmt, 1);
      risk->category = category >= 0 ? category : KS_RISK_OTHER;
      risk->severity = severity >= 0 ? severity : KS_RISK_LOW;
      risk->raised = g_strdup (column_text (stmt, 4));
      risk->description = g_strdup (column_text (stmt, 5));
      risk->contingency = g_strdup (column_text (stmt, 6));
      risk->closed = FALSE;
      g_ptr_array_add (list, risk);
    }
  if (rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&risks) : NULL;
}
