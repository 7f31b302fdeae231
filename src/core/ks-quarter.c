/* ks-quarter.c — quarters, snapshots and movement: pure functions, no I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-account.h"
#include "ks-error.h"
#include "ks-quarter.h"

gboolean
ks_quarter_parse (const char  *text,
                  int         *year,
                  int         *quarter,
                  GError     **error)
{
  g_autofree char *copy = NULL;
  const char *s;
  guint64 y;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  s = copy;

  /* Exactly four digits, a hyphen, Q or q, one digit from 1 to 4. */
  if (strlen (s) != 7
      || !g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1])
      || !g_ascii_isdigit (s[2]) || !g_ascii_isdigit (s[3])
      || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q')
      || s[6] < '1' || s[6] > '4')
    goto invalid;

  y = g_ascii_strtoull (s, NULL, 10);
  if (y < KS_QUARTER_YEAR_MIN || y > KS_QUARTER_YEAR_MAX)
    goto invalid;

  if (year != NULL)
    *year = (int) y;
  if (quarter != NULL)
    *quarter = s[6] - '0';
  return TRUE;

invalid:
  g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
               /* Translators: keep “2026-Q3” as it is: the form is not translated */
               _("“%s” is not a quarter. Type a quarter like 2026-Q3, with a year from "
                 "%d to %d."),
               text, KS_QUARTER_YEAR_MIN, KS_QUARTER_YEAR_MAX);
  return FALSE;
}

char *
ks_quarter_format (int year,
                   int quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return g_strdup_printf ("%04d-Q%d", year, quarter);
}

char *
ks_quarter_for_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return ks_quarter_format (g_date_time_get_year (date),
                            (g_date_time_get_month (date) - 1) / 3 + 1);
}

char *
ks_quarter_previous (const char *quarter)
{
  int year, q;

  g_return_val_if_fail (quarter != NULL, NULL);

  if (!ks_quarter_parse (quarter, &year, &q, NULL))
    return NULL;
  if (q > 1)
    return ks_quarter_format (year, q - 1);
  if (year <= KS_QUARTER_YEAR_MIN)
    return NULL;
  return ks_quarter_format (year - 1, 4);
}

/* Movement */

void
ks_movement_free (KsMovement *movement)
{
  if (movement == NULL)
    return;
  g_free (movement->name);
  g_free (movement);
}

typedef struct
{
  char       *key;
  KsMovement *movement;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *ka = a;
  const Keyed *kb = b;
  int cmp = strcmp (ka->key, kb->key);

  if (cmp != 0)
    return cmp;
  /* Two accounts of one name: by id, so the order never depends on the model's. */
  return (ka->movement->id > kb->movement->id) - (ka->movement->id < kb->movement->id);
}

GPtrArray *
ks_movement_list (GListModel *accounts,
                  GHashTable *snapshot)
{
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);
  g_return_val_if_fail (snapshot != NULL, NULL);

  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = ks_account_get_id (account);
      const KsSnapshotEntry *entry = g_hash_table_lookup (snapshot, &id);
      KsQuadrant now = ks_account_get_quadrant (account);
      KsMovement *movement;
      Keyed k;

      if (entry == NULL || entry->quadrant == now)
        continue;

      movement = g_new0 (KsMovement, 1);
      movement->id = id;
      movement->name = g_strdup (ks_account_get_name (account));
      movement->from = entry->quadrant;
      movement->to = now;
      k.key = g_utf8_collate_key (movement->name, -1);
      k.movement = movement;
      g_array_append_val (keyed, k);
    }

  g_array_sort (keyed, compare_keyed);

  result = g_ptr_array_new_full (keyed->len, (GDestroyNotify) ks_movement_free);
  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);

      g_ptr_array_add (result, k->movement);
      g_free (k->key);
    }

  return result;
}

char *
ks_movement_describe (const KsMovement *movement)
{
  g_return_val_if_fail (movement != NULL, NULL);

  /* Translators: an account that changed quadrant since a snapshot: its name, the
   * quadrant it was in, the quadrant it is in now */
  return g_strdup_printf (_("%s: %s → %s"), movement->name,
                          ks_quadrant_get_label (movement->from),
                          ks_quadrant_get_label (movement->to));
}
