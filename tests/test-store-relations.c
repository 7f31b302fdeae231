/* test-store-relations.c — relationships in the database: the migration from version 3,
 * every entity's round trip, reporting lines and their loops, Undo of deletes, the
 * closed loop of complaints, the alerts the portfolio shows as the clock moves, the
 * sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "ks-test-schema.h"
#include "ks-test-store.h"
#include "ks-account-list.h"
#include "ks-error.h"
#include "ks-store.h"

/* The tables of relationships, each with an account_id column but the links. */
static const char * const relation_tables[] = {
  "contact", "interaction", "satisfaction", "complaint",
};

/* Now, for most tests: a Friday morning in Shanghai. */
#define NOW "2026-11-27T09:30:00+08:00"

typedef struct
{
  char *dir;
  char *path;
  KsStore *store;
  KsAccount *key;         /* Core: executive coverage is watched; owned by the store */
  KsAccount *plain;       /* Standard */
  gint64 key_id;
  gint64 plain_id;
  guint n_plan_changed;
  gint64 last_plan_changed;
  guint n_items_changed;
} Fixture;

/* Helpers: files */

/* Rows of @account_id in the tables of relationships, and the links of its
 * interactions, counted by another connection. */
static gint64
count_relation_rows (const char *path,
                     gint64      account_id)
{
  g_autofree char *links = NULL;
  gint64 n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (relation_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE account_id = %"
                                              G_GINT64_FORMAT, relation_tables[i],
                                              account_id);

      n += ks_test_raw_query_int (path, sql);
    }
  links = g_strdup_printf ("SELECT count(*) FROM interaction_contact WHERE interaction_id IN "
                           "(SELECT id FROM interaction WHERE account_id = %" G_GINT64_FORMAT
                           ")", account_id);
  return n + ks_test_raw_query_int (path, links);
}

/* Helpers: the store */

static void
on_plan_changed (KsStore *store,
                 gint64   account_id,
                 Fixture *f)
{
  f->n_plan_changed++;
  f->last_plan_changed = account_id;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_items_changed++;
}

static void
connect_store (Fixture *f)
{
  g_signal_connect (f->store, "plan-changed", G_CALLBACK (on_plan_changed), f);
  g_signal_connect (ks_store_get_accounts (f->store), "items-changed",
                    G_CALLBACK (on_items_changed), f);
}

static void
reset_counts (Fixture *f)
{
  f->n_plan_changed = 0;
  f->last_plan_changed = -1;
  f->n_items_changed = 0;
}

static GDateTime *
parse_time (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

/* Now is @iso, moved by @hours. */
static void
set_now (KsStore    *store,
         const char *iso,
         double      hours)
{
  g_autoptr(GDateTime) time = parse_time (iso);
  g_autoptr(GDateTime) moved = g_date_time_add_seconds (time, hours * 3600);

  ks_store_set_now (store, moved);
}

/* @iso moved by @hours, as the store keeps it: with the offset of +08:00. */
static char *
time_from (const char *iso,
           double      hours)
{
  g_autoptr(GDateTime) time = parse_time (iso);
  g_autoptr(GDateTime) moved = g_date_time_add_seconds (time, hours * 3600);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) there = g_date_time_to_timezone (moved, zone);

  return g_date_time_format (there, "%Y-%m-%dT%H:%M:%S%:z");
}

/* @days before now's date ("2026-11-27"). */
static char *
days_before_now (int days)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 27, G_DATE_NOVEMBER, 2026);
  g_date_subtract_days (&date, days);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

/* Closes the store (unless closed already) and opens the file again, now at NOW. */
static void
reopen (Fixture *f)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  f->store = ks_test_store_open (f->path);
  set_now (f->store, NOW, 0);
  f->key = ks_store_lookup_account (f->store, f->key_id);
  f->plain = ks_store_lookup_account (f->store, f->plain_id);
  g_assert_nonnull (f->key);
  g_assert_nonnull (f->plain);
  connect_store (f);
  reset_counts (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ks_test_store_make_dir ("store-relations", &f->path);
  f->store = ks_test_store_open (f->path);
  set_now (f->store, NOW, 0);
  f->key = ks_test_store_add_account (f->store, "华东精密制造有限公司", KS_RATING_MAX);
  f->plain = ks_test_store_add_account (f->store, "Maple Grove Foods Co.", 1);
  f->key_id = ks_account_get_id (f->key);
  f->plain_id = ks_account_get_id (f->plain);
  g_assert_cmpint (ks_account_get_tier (f->key), ==, KS_TIER_CORE);
  g_assert_cmpint (ks_account_get_tier (f->plain), ==, KS_TIER_STANDARD);
  connect_store (f);
  reset_counts (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  ks_test_store_remove_dir (&f->dir, &f->path);
}

static KsAccountPlan *
load_plan (KsStore *store,
           gint64   account_id)
{
  g_autoptr(GError) error = NULL;
  KsAccountPlan *plan = ks_store_load_plan (store, account_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_nonnull (plan->relations);
  return plan;
}

static KsAlertFlags
alerts_of (KsAccount *account)
{
  return ks_account_get_plan_summary (account)->alerts;
}

static KsContact *
new_contact (const char      *name,
             KsContactLayer   layer,
             gint64           reports_to,
             const char      *last_contact)
{
  KsContact *contact = ks_contact_new ();

  contact->name = g_strdup (name);
  contact->title = g_strdup ("总经理");
  contact->layer = layer;
  contact->attitude = KS_ATTITUDE_SUPPORTER;
  contact->influence = KS_INFLUENCE_HIGH;
  contact->reports_to = reports_to;
  contact->phone = g_strdup ("+86 21 5555 0100");
  contact->email = g_strdup ("chen@example.com");
  contact->last_contact = g_strdup (last_contact);
  contact->notes = g_strdup ("Prefers mornings");
  return contact;
}

static gint64
save_contact (Fixture         *f,
              gint64           account_id,
              const char      *name,
              KsContactLayer   layer,
              gint64           reports_to,
              const char      *last_contact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContact) contact = new_contact (name, layer, reports_to, last_contact);

  g_assert_true (ks_store_save_contact (f->store, account_id, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (contact->id, >, 0);
  return contact->id;
}

static gint64
save_interaction (Fixture            *f,
                  gint64              account_id,
                  KsInteractionKind   kind,
                  const char         *date,
                  const gint64       *contacts,
                  guint               n_contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsInteraction) interaction = ks_interaction_new ();

  interaction->kind = kind;
  interaction->date = g_strdup (date);
  g_array_append_vals (interaction->contact_ids, contacts, n_contacts);
  interaction->our_participants = g_strdup ("王磊");
  interaction->notes = g_strdup ("Went well");
  interaction->next_step = g_strdup ("Send the quote");
  g_assert_true (ks_store_save_interaction (f->store, account_id, interaction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (interaction->id, >, 0);
  return interaction->id;
}

static void
save_survey (Fixture    *f,
             gint64      account_id,
             const char *quarter,
             double      score,
             gboolean    has_nps,
             int         nps)
{
  g_autoptr(GError) error = NULL;
  KsSatisfaction survey = { (char *) quarter, score, has_nps, nps };

  g_assert_true (ks_store_save_satisfaction (f->store, account_id, &survey, &error));
  g_assert_no_error (error);
}

static KsComplaint *
new_complaint (const char *opened_at,
               const char *description)
{
  KsComplaint *complaint = ks_complaint_new ();

  complaint->category = KS_COMPLAINT_DELIVERY;
  complaint->opened_at = g_strdup (opened_at);
  complaint->description = g_strdup (description);
  complaint->owner = g_strdup ("李娜");
  return complaint;
}

static gint64
save_complaint (Fixture     *f,
                gint64       account_id,
                KsComplaint *complaint)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_store_save_complaint (f->store, account_id, complaint, &error));
  g_assert_no_error (error);
  g_assert_cmpint (complaint->id, >, 0);
  g_assert_cmpint (complaint->account_id, ==, account_id);
  return complaint->id;
}

/* A complaint closed the whole way round. */
static KsComplaint *
new_closed_complaint (const char *opened_at,
                      const char *description)
{
  KsComplaint *complaint = new_complaint (opened_at, description);

  complaint->category = KS_COMPLAINT_PRODUCT_QUALITY;
  complaint->first_response_at = time_from (opened_at, 3);
  complaint->root_cause = g_strdup ("Worn mould");
  complaint->resolution = g_strdup ("Replaced the batch");
  complaint->follow_up_at = time_from (opened_at, 24 * 7);
  complaint->follow_up_satisfaction = 4;
  complaint->closed_at = time_from (opened_at, 24 * 8);
  return complaint;
}

static void
assert_ids (GArray       *array,
            const gint64 *ids,
            guint         n)
{
  g_assert_nonnull (array);
  g_assert_cmpmem (array->data, array->len * sizeof (gint64), ids, n * sizeof (gint64));
}

static gboolean
has_contact (const KsRelations *relations,
             gint64             id)
{
  for (guint i = 0; i < relations->contacts->len; i++)
    if (((const KsContact *) g_ptr_array_index (relations->contacts, i))->id == id)
      return TRUE;
  return FALSE;
}

/* The contact @id, which is there. */
static const KsContact *
find_contact (const KsRelations *relations,
              gint64             id)
{
  for (guint i = 0; i < relations->contacts->len; i++)
    {
      const KsContact *contact = g_ptr_array_index (relations->contacts, i);

      if (contact->id == id)
        return contact;
    }
  g_error ("No contact %" G_GINT64_FORMAT, id);
}

/* The interaction @id, which is there. */
static const KsInteraction *
find_interaction (const KsRelations *relations,
                  gint64             id)
{
  for (guint i = 0; i < relations->interactions->len; i++)
    {
      const KsInteraction *interaction = g_ptr_array_index (relations->interactions, i);

      if (interaction->id == id)
        return interaction;
    }
  g_error ("No interaction %" G_GINT64_FORMAT, id);
}

static void
assert_same_relations (const KsRelations *a,
                       const KsRelations *b)
{
  g_assert_cmpuint (a->contacts->len, ==, b->contacts->len);
  for (guint i = 0; i < a->contacts->len; i++)
    {
      const KsContact *ca = g_ptr_array_index (a->contacts, i);
      const KsContact *cb = g_ptr_array_index (b->contacts, i);

      g_assert_cmpint (ca->id, ==, cb->id);
      g_assert_cmpstr (ca->name, ==, cb->name);
      g_assert_cmpstr (ca->title, ==, cb->title);
      g_assert_cmpint (ca->layer, ==, cb->layer);
      g_assert_cmpint (ca->attitude, ==, cb->attitude);
      g_assert_cmpint (ca->influence, ==, cb->influence);
      g_assert_cmpint (ca->reports_to, ==, cb->reports_to);
      g_assert_cmpstr (ca->phone, ==, cb->phone);
      g_assert_cmpstr (ca->email, ==, cb->email);
      g_assert_cmpstr (ca->last_contact, ==, cb->last_contact);
      g_assert_cmpstr (ca->notes, ==, cb->notes);
    }

  g_assert_cmpuint (a->interactions->len, ==, b->interactions->len);
  for (guint i = 0; i < a->interactions->len; i++)
    {
      const KsInteraction *ia = g_ptr_array_index (a->interactions, i);
      const KsInteraction *ib = g_ptr_array_index (b->interactions, i);

      g_assert_cmpint (ia->id, ==, ib->id);
      g_assert_cmpint (ia->kind, ==, ib->kind);
      g_assert_cmpstr (ia->date, ==, ib->date);
      assert_ids (ia->contact_ids, (const gint64 *) ib->contact_ids->data, ib->contact_ids->len);
      g_assert_cmpstr (ia->our_participants, ==, ib->our_participants);
      g_assert_cmpstr (ia->notes, ==, ib->notes);
      g_assert_cmpstr (ia->next_step, ==, ib->next_step);
    }

  g_assert_cmpuint (a->satisfaction->len, ==, b->satisfaction->len);
  for (guint i = 0; i < a->satisfaction->len; i++)
    {
      const KsSatisfaction *sa = g_ptr_array_index (a->satisfaction, i);
      const KsSatisfaction *sb = g_ptr_array_index (b->satisfaction, i);

      g_assert_cmpstr (sa->quarter, ==, sb->quarter);
      g_assert_cmpfloat (sa->score, ==, sb->score);
      g_assert_cmpint (sa->has_nps, ==, sb->has_nps);
      g_assert_cmpint (sa->nps, ==, sb->nps);
    }

  g_assert_cmpuint (a->complaints->len, ==, b->complaints->len);
  for (guint i = 0; i < a->complaints->len; i++)
    {
      const KsComplaint *ca = g_ptr_array_index (a->complaints, i);
      const KsComplaint *cb = g_ptr_array_index (b->complaints, i);

      g_assert_cmpint (ca->id, ==, cb->id);
      g_assert_cmpint (ca->category, ==, cb->category);
      g_assert_cmpstr (ca->opened_at, ==, cb->opened_at);
      g_assert_cmpstr (ca->description, ==, cb->description);
      g_assert_cmpstr (ca->owner, ==, cb->owner);
      g_assert_cmpstr (ca->first_response_at, ==, cb->first_response_at);
      g_assert_cmpstr (ca->root_cause, ==, cb->root_cause);
      g_assert_cmpstr (ca->resolution, ==, cb->resolution);
      g_assert_cmpstr (ca->follow_up_at, ==, cb->follow_up_at);
      g_assert_cmpint (ca->follow_up_satisfaction, ==, cb->follow_up_satisfaction);
      g_assert_cmpstr (ca->closed_at, ==, cb->closed_at);
    }
}

/* A bit of everything for @account_id: a CEO, a VP reporting to them, a buyer
 * reporting to the VP; three interactions; three surveys; a closed complaint and two
 * open ones. The ids in @contacts (3) when not NULL. */
static void
fill_relations (Fixture *f,
                gint64   account_id,
                gint64  *contacts)
{
  g_autofree char *seen = days_before_now (10);
  g_autoptr(KsComplaint) closed = new_closed_complaint ("2026-09-01T10:00:00+08:00",
                                                        "Scratched housings");
  g_autoptr(KsComplaint) older = new_complaint ("2026-11-20T16:45:00+08:00", "Late truck");
  /* opened later than the one above in UTC, earlier on the clock */
  g_autoptr(KsComplaint) newer = new_complaint ("2026-11-20T10:30:00-08:00",
                                                "Missing manuals");
  gint64 ceo, vp, buyer;

  ceo = save_contact (f, account_id, "陈建国", KS_LAYER_EXECUTIVE, 0, seen);
  vp = save_contact (f, account_id, "赵敏", KS_LAYER_DECISION_MAKER, ceo, "2026-11-20");
  buyer = save_contact (f, account_id, "吴强", KS_LAYER_EXECUTION, vp, NULL);
  if (contacts != NULL)
    {
      contacts[0] = ceo;
      contacts[1] = vp;
      contacts[2] = buyer;
    }

  save_interaction (f, account_id, KS_INTERACTION_QBR, "2026-10-15",
                    (gint64[]) { vp, buyer }, 2);
  save_interaction (f, account_id, KS_INTERACTION_STRATEGIC_DIALOGUE, seen,
                    (gint64[]) { ceo, vp }, 2);
  save_interaction (f, account_id, KS_INTERACTION_EMAIL, "2026-08-02", NULL, 0);

  save_survey (f, account_id, "2026-Q2", 8.5, TRUE, 40);
  save_survey (f, account_id, " 2026-q3 ", 7.25, FALSE, 0);
  save_survey (f, account_id, "2025-Q4", 9.0, TRUE, -20);

  older->first_response_at = g_strdup ("2026-11-21T09:00:00+08:00");
  save_complaint (f, account_id, closed);
  save_complaint (f, account_id, older);
  save_complaint (f, account_id, newer);
}

/* Tests */

/* A version 3 file, made the way version 3 made it: migrated with its accounts and
 * plans kept, the relationship tables there, and relationships work. */
/* A migration that fails says why (not SQLite's "not an error" after the rollback),
 * and leaves the file as it was. */
static void
test_migration_fails (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsStore) store = NULL;

  g_assert_finalize_object (f->store);
  f->store = NULL;

  /* A v3 file that already has a table of the name migration 4 creates. */
  ks_test_raw_run (f->path,
                   KS_TEST_UNDO_V5 "DROP TABLE complaint; DROP TABLE satisfaction; "
                   "DROP TABLE interaction_contact; DROP TABLE interaction; DROP TABLE contact; "
                   "CREATE TABLE contact (x); PRAGMA user_version = 3");

  store = ks_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, "not an error"));
  g_assert_nonnull (strstr (error->message, "contact"));
  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM sqlite_master "
                                                   "WHERE name = 'complaint'"), ==, 0);
}

static void
test_migrate_from_3 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autoptr(KsRisk) risk = ks_risk_new ();
  g_autoptr(KsAction) action = ks_action_new ();
  g_autofree char *backup_dir = NULL;
  gint64 key_id = ks_account_get_id (f->key);

  action->title = g_strdup ("Call the CEO");
  action->due = g_strdup ("2026-12-01");
  g_assert_true (ks_store_save_action (f->store, key_id, action, &error));
  g_assert_no_error (error);
  risk->description = g_strdup ("Late payments");
  risk->raised = g_strdup ("2026-10-01");
  g_assert_true (ks_store_save_risk (f->store, key_id, risk, &error));
  g_assert_no_error (error);
  g_assert_true (ks_store_take_snapshot (f->store, "2026-Q3", FALSE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (f->store);
  f->store = NULL;

  ks_test_raw_run (f->path,
                   KS_TEST_UNDO_V5 "DROP TABLE complaint; DROP TABLE satisfaction; "
                   "DROP TABLE interaction_contact; DROP TABLE interaction; DROP TABLE contact; "
                   "PRAGMA user_version = 3");
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM sqlite_master "
                                                   "WHERE name = 'contact'"), ==, 0);

  reopen (f);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 2);
  g_assert_true (ks_store_account_has_plan (f->store, key_id));
  plan = load_plan (f->store, key_id);
  g_assert_cmpuint (plan->actions->len, ==, 1);
  g_assert_cmpuint (plan->risks->len, ==, 1);
  g_assert_true (ks_relations_is_empty (plan->relations));
  /* a key account: no executive contact yet */
  g_assert_cmpint (alerts_of (f->key) & KS_ALERT_NO_EXECUTIVE, ==, KS_ALERT_NO_EXECUTIVE);

  fill_relations (f, key_id, NULL);
  backup_dir = ks_store_get_backup_dir (f->store);
  g_assert_finalize_object (f->store);
  f->store = NULL;

  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, KS_SCHEMA_VERSION);
  g_assert_cmpint (KS_SCHEMA_VERSION, ==, 6);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM account"), ==, 2);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM action"), ==, 1);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM risk"), ==, 1);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM snapshot"), ==, 2);
  g_assert_cmpint (ks_test_raw_query_int (f->path,
                                          "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                          "AND name IN ('contact', 'interaction', "
                                          "'interaction_contact', 'satisfaction', 'complaint')"),
                   ==, 5);
  g_assert_cmpint (count_relation_rows (f->path, key_id), >, 10);
  ks_test_assert_integrity_ok (f->path);
  {
    g_autoptr(GDir) dir = g_dir_open (backup_dir, 0, &error);

    /* the version 3 file was backed up before it changed */
    g_assert_no_error (error);
    g_assert_nonnull (g_dir_read_name (dir));
  }

  /* and it opens again, relationships and all */
  f->store = ks_test_store_open (f->path);
  g_clear_pointer (&plan, ks_account_plan_free);
  plan = load_plan (f->store, key_id);
  g_assert_cmpuint (plan->relations->contacts->len, ==, 3);
  g_assert_cmpuint (plan->relations->complaints->len, ==, 3);
}

/* A file whose relationship, team or contract tables (@data: the table's name) lost
 * their columns is not ours: refused. */
static void
test_refuse_other_columns (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_keys = OFF; DROP TABLE %s; "
                                          "CREATE TABLE %s (id, data)",
                                          (const char *) data, (const char *) data);
  KsStore *store;

  g_assert_finalize_object (f->store);
  f->store = NULL;
  ks_test_raw_run (f->path, sql);

  store = ks_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, KS_ERROR, KS_ERROR_CORRUPT);
}

/* Everything comes back after the file was closed, in the documented orders. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KsAccountPlan) before = NULL;
  g_autoptr(KsAccountPlan) after = NULL;
  g_autoptr(KsAccountPlan) other = NULL;
  gint64 id = ks_account_get_id (f->key);
  gint64 contacts[3];
  const KsRelations *r;

  g_assert_false (ks_store_account_has_plan (f->store, id));
  fill_relations (f, id, contacts);
  g_assert_true (ks_store_account_has_plan (f->store, id));
  before = load_plan (f->store, id);
  r = before->relations;

  /* contacts by layer, then name */
  g_assert_cmpuint (r->contacts->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (((KsContact *) g_ptr_array_index (r->contacts, i))->id, ==, contacts[i]);
  g_assert_cmpint (find_contact (r, contacts[1])->reports_to, ==, contacts[0]);
  g_assert_cmpint (find_contact (r, contacts[2])->reports_to, ==, contacts[1]);
  g_assert_cmpint (find_contact (r, contacts[0])->reports_to, ==, 0);
  g_assert_null (find_contact (r, contacts[2])->last_contact);
  g_assert_cmpstr (find_contact (r, contacts[0])->email, ==, "chen@example.com");

  /* interactions newest first, with their contacts */
  g_assert_cmpuint (r->interactions->len, ==, 3);
  {
    const KsInteraction *first = g_ptr_array_index (r->interactions, 0);
    const KsInteraction *second = g_ptr_array_index (r->interactions, 1);
    const KsInteraction *third = g_ptr_array_index (r->interactions, 2);

    g_assert_cmpint (first->kind, ==, KS_INTERACTION_STRATEGIC_DIALOGUE);
    assert_ids (first->contact_ids, contacts, 2);
    g_assert_cmpint (second->kind, ==, KS_INTERACTION_QBR);
    assert_ids (second->contact_ids, contacts + 1, 2);
    g_assert_cmpstr (second->date, ==, "2026-10-15");
    g_assert_cmpstr (second->next_step, ==, "Send the quote");
    g_assert_cmpint (third->kind, ==, KS_INTERACTION_EMAIL);
    g_assert_cmpuint (third->contact_ids->len, ==, 0);
  }

  /* surveys newest quarter first, the quarter as the store writes it */
  g_assert_cmpuint (r->satisfaction->len, ==, 3);
  {
    const KsSatisfaction *latest = g_ptr_array_index (r->satisfaction, 0);
    const KsSatisfaction *oldest = g_ptr_array_index (r->satisfaction, 2);

    g_assert_cmpstr (latest->quarter, ==, "2026-Q3");
    g_assert_cmpfloat (latest->score, ==, 7.25);
    g_assert_false (latest->has_nps);
    g_assert_cmpstr (oldest->quarter, ==, "2025-Q4");
    g_assert_true (oldest->has_nps);
    g_assert_cmpint (oldest->nps, ==, -20);
  }

  /* complaints open first, then newest first, by the instant whatever the offset */
  g_assert_cmpuint (r->complaints->len, ==, 3);
  {
    const KsComplaint *c0 = g_ptr_array_index (r->complaints, 0);
    const KsComplaint *c1 = g_ptr_array_index (r->complaints, 1);
    const KsComplaint *c2 = g_ptr_array_index (r->complaints, 2);

    g_assert_cmpstr (c0->description, ==, "Missing manuals");
    g_assert_cmpstr (c0->opened_at, ==, "2026-11-20T10:30:00-08:00");
    g_assert_null (c0->first_response_at);
    g_assert_cmpstr (c1->description, ==, "Late truck");
    g_assert_cmpstr (c1->first_response_at, ==, "2026-11-21T09:00:00+08:00");
    g_assert_cmpstr (c2->description, ==, "Scratched housings");
    g_assert_nonnull (c2->closed_at);
    g_assert_cmpint (c2->follow_up_satisfaction, ==, 4);
    g_assert_cmpint (c2->category, ==, KS_COMPLAINT_PRODUCT_QUALITY);
  }

  /* a survey saved again for its quarter replaces it; removed, it is gone */
  save_survey (f, id, "2026-Q3", 6.0, TRUE, 10);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (ks_store_delete_satisfaction (f->store, id, "2025-q4", &error));
    g_assert_no_error (error);
    g_assert_false (ks_store_delete_satisfaction (f->store, id, "2025-Q4", &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  }
  g_clear_pointer (&before, ks_account_plan_free);
  before = load_plan (f->store, id);
  g_assert_cmpuint (before->relations->satisfaction->len, ==, 2);
  g_assert_cmpfloat (((KsSatisfaction *) g_ptr_array_index (before->relations->satisfaction,
                                                            0))->score, ==, 6.0);

  /* every kind, attitude, influence, category goes in and out */
  for (guint i = 0; i < KS_N_ATTITUDES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KsContact) contact = new_contact ("Someone", i % KS_N_LAYERS, 0, NULL);

      contact->attitude = i;
      contact->influence = i % KS_N_INFLUENCES;
      contact->email = (g_free (contact->email), g_strdup (""));
      g_assert_true (ks_store_save_contact (f->store, ks_account_get_id (f->plain), contact,
                                            &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < KS_N_INTERACTION_KINDS; i++)
    save_interaction (f, ks_account_get_id (f->plain), i, "2026-01-01", NULL, 0);
  for (guint i = 0; i < KS_N_COMPLAINT_CATEGORIES; i++)
    {
      g_autoptr(KsComplaint) complaint = new_complaint ("2026-01-01T08:00:00Z", "Noise");

      complaint->category = i;
      save_complaint (f, ks_account_get_id (f->plain), complaint);
    }
  other = load_plan (f->store, ks_account_get_id (f->plain));

  reopen (f);
  after = load_plan (f->store, id);
  assert_same_relations (before->relations, after->relations);
  g_clear_pointer (&after, ks_account_plan_free);
  after = load_plan (f->store, ks_account_get_id (f->plain));
  assert_same_relations (other->relations, after->relations);
  g_assert_cmpuint (after->relations->contacts->len, ==, KS_N_ATTITUDES);
  ks_test_assert_integrity_ok (f->path);
}

/* Reports-to is a contact of the same account, and never makes a loop. */
static void
test_reports_to (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  gint64 id = ks_account_get_id (f->key);
  gint64 a, b, c, stranger;

  a = save_contact (f, id, "A", KS_LAYER_EXECUTIVE, 0, NULL);
  b = save_contact (f, id, "B", KS_LAYER_DECISION_MAKER, a, NULL);
  c = save_contact (f, id, "C", KS_LAYER_EXECUTION, b, NULL);
  stranger = save_contact (f, ks_account_get_id (f->plain), "D", KS_LAYER_EXECUTIVE, 0,
                           NULL);
  reset_counts (f);

  /* A reporting to C, who reports to A through B: a loop */
  {
    g_autoptr(KsContact) edited = new_contact ("A", KS_LAYER_EXECUTIVE, c, NULL);

    edited->id = a;
    g_assert_false (ks_store_save_contact (f->store, id, edited, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);

    /* directly, too */
    edited->reports_to = b;
    g_assert_false (ks_store_save_contact (f->store, id, edited, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);

    /* to themselves */
    edited->reports_to = a;
    g_assert_false (ks_store_save_contact (f->store, id, edited, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);

    /* to another account's contact, or one that does not exist */
    edited->reports_to = stranger;
    g_assert_false (ks_store_save_contact (f->store, id, edited, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);
    edited->reports_to = stranger + 1000;
    g_assert_false (ks_store_save_contact (f->store, id, edited, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (f->n_plan_changed, ==, 0);
  plan = load_plan (f->store, id);
  g_assert_cmpint (find_contact (plan->relations, a)->reports_to, ==, 0);
  g_assert_cmpint (find_contact (plan->relations, b)->reports_to, ==, a);

  /* a new contact reporting to C is fine, and C may move to report to A */
  save_contact (f, id, "E", KS_LAYER_EXECUTION, c, NULL);
  {
    g_autoptr(KsContact) edited = new_contact ("C", KS_LAYER_EXECUTION, a, NULL);

    edited->id = c;
    g_assert_true (ks_store_save_contact (f->store, id, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpint (f->last_plan_changed, ==, id);

    /* not through the wrong account */
    g_assert_false (ks_store_save_contact (f->store, ks_account_get_id (f->plain), edited,
                                           &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);
    edited->reports_to = 0;
    g_assert_false (ks_store_save_contact (f->store, ks_account_get_id (f->plain), edited,
                                           &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* an interaction with another account's contact is refused */
  {
    g_autoptr(KsInteraction) interaction = ks_interaction_new ();

    interaction->date = g_strdup ("2026-11-01");
    g_array_append_val (interaction->contact_ids, a);
    g_array_append_val (interaction->contact_ids, stranger);
    g_assert_false (ks_store_save_interaction (f->store, id, interaction, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM interaction"), ==, 0);
  }
  ks_test_assert_integrity_ok (f->path);
}

/* Deleting a contact: its reports report to nobody, its interactions lose it; Undo
 * puts all of it back. */
static void
test_delete_contact (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) before = NULL;
  g_autoptr(KsAccountPlan) during = NULL;
  g_autoptr(KsAccountPlan) after = NULL;
  g_autoptr(KsContactLinks) links = NULL;
  gint64 id = ks_account_get_id (f->key);
  gint64 contacts[3];
  gint64 other_report, interaction;
  const KsContact *vp;

  fill_relations (f, id, contacts);
  other_report = save_contact (f, id, "钱伟", KS_LAYER_EXECUTION, contacts[1], NULL);
  interaction = save_interaction (f, id, KS_INTERACTION_VISIT, "2026-11-25",
                                  (gint64[]) { contacts[1] }, 1);
  before = load_plan (f->store, id);
  vp = find_contact (before->relations, contacts[1]);

  reset_counts (f);
  g_assert_true (ks_store_delete_contact (f->store, contacts[1], &links, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, id);
  assert_ids (links->reporting_ids, (gint64[]) { contacts[2], other_report }, 2);
  g_assert_cmpuint (links->interaction_ids->len, ==, 3);

  during = load_plan (f->store, id);
  g_assert_false (has_contact (during->relations, contacts[1]));
  g_assert_cmpint (find_contact (during->relations, contacts[2])->reports_to, ==, 0);
  g_assert_cmpint (find_contact (during->relations, other_report)->reports_to, ==, 0);
  g_assert_cmpuint (find_interaction (during->relations, interaction)->contact_ids->len, ==, 0);
  g_assert_cmpuint (during->relations->interactions->len, ==, 4);
  ks_test_assert_integrity_ok (f->path);

  /* gone already */
  g_assert_false (ks_store_delete_contact (f->store, contacts[1], NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* meanwhile one report got another manager: it keeps them */
  {
    g_autoptr(KsContact) moved = ks_contact_copy (find_contact (during->relations,
                                                                other_report));

    moved->reports_to = contacts[0];
    g_assert_true (ks_store_save_contact (f->store, id, moved, &error));
    g_assert_no_error (error);
  }

  reset_counts (f);
  g_assert_true (ks_store_restore_contact (f->store, id, vp, links, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  after = load_plan (f->store, id);
  g_assert_true (has_contact (after->relations, contacts[1]));
  g_assert_cmpint (find_contact (after->relations, contacts[1])->reports_to, ==, contacts[0]);
  g_assert_cmpint (find_contact (after->relations, contacts[2])->reports_to, ==, contacts[1]);
  g_assert_cmpint (find_contact (after->relations, other_report)->reports_to, ==,
                   contacts[0]);
  assert_ids (find_interaction (after->relations, interaction)->contact_ids,
              (gint64[]) { contacts[1] }, 1);
  for (guint i = 0; i < before->relations->interactions->len; i++)
    {
      const KsInteraction *was = g_ptr_array_index (before->relations->interactions, i);

      assert_ids (find_interaction (after->relations, was->id)->contact_ids,
                  (const gint64 *) was->contact_ids->data, was->contact_ids->len);
    }

  /* in the list already */
  g_assert_false (ks_store_restore_contact (f->store, id, vp, links, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* deleting an interaction, and Undo: its contacts with it */
  {
    g_autoptr(KsInteraction) copy = ks_interaction_copy (find_interaction (after->relations,
                                                                           interaction));
    g_autoptr(KsAccountPlan) back = NULL;

    g_assert_true (ks_store_delete_interaction (f->store, interaction, &error));
    g_assert_no_error (error);
    g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM interaction_contact "
                                                     "WHERE interaction_id NOT IN "
                                                     "(SELECT id FROM interaction)"), ==, 0);
    g_assert_false (ks_store_delete_interaction (f->store, interaction, &error));
    g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (ks_store_restore_interaction (f->store, id, copy, &error));
    g_assert_no_error (error);
    back = load_plan (f->store, id);
    assert_ids (find_interaction (back->relations, interaction)->contact_ids,
                (gint64[]) { contacts[1] }, 1);
  }
  ks_test_assert_integrity_ok (f->path);
}

/* A complaint closes only after its follow-up: refused otherwise, nothing written. */
static void
test_closed_loop (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsComplaint) complaint = new_complaint ("2026-11-26T08:00:00+08:00",
                                                    "Wrong labels");
  gint64 id = ks_account_get_id (f->key);
  gint64 n_rows = count_relation_rows (f->path, id);
  gint64 complaint_id;

  complaint->first_response_at = g_strdup ("2026-11-26T10:00:00+08:00");
  complaint->closed_at = g_strdup ("2026-11-27T08:00:00+08:00");
  g_assert_false (ks_store_save_complaint (f->store, id, complaint, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (complaint->id, ==, 0);
  g_assert_cmpint (count_relation_rows (f->path, id), ==, n_rows);
  g_assert_cmpint (f->n_plan_changed, ==, 0);

  /* open, then answered and followed up: now it closes */
  g_clear_pointer (&complaint->closed_at, g_free);
  complaint_id = save_complaint (f, id, complaint);
  complaint->follow_up_at = g_strdup ("2026-11-27T09:00:00+08:00");
  complaint->closed_at = g_strdup ("2026-11-27T09:10:00+08:00");
  g_assert_false (ks_store_save_complaint (f->store, id, complaint, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM complaint "
                                                   "WHERE closed_at IS NOT NULL"), ==, 0);
  complaint->follow_up_satisfaction = 5;
  g_assert_true (ks_store_save_complaint (f->store, id, complaint, &error));
  g_assert_no_error (error);
  g_assert_cmpint (complaint->id, ==, complaint_id);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM complaint "
                                                   "WHERE closed_at IS NOT NULL"), ==, 1);

  /* the file refuses a closed complaint without its loop, whoever writes it */
  {
    sqlite3 *db = ks_test_raw_open (f->path, SQLITE_OPEN_READWRITE);

    g_assert_cmpint (sqlite3_exec (db, "UPDATE complaint SET follow_up_at = NULL", NULL, NULL,
                                   NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }

  /* delete and Undo */
  g_assert_true (ks_store_delete_complaint (f->store, complaint_id, &error));
  g_assert_no_error (error);
  g_assert_false (ks_store_delete_complaint (f->store, complaint_id, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (ks_store_restore_complaint (f->store, id, complaint, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KsAccountPlan) plan = load_plan (f->store, id);
    KsComplaint *back = g_ptr_array_index (plan->relations->complaints, 0);

    g_assert_cmpint (back->id, ==, complaint_id);
    g_assert_cmpint (back->follow_up_satisfaction, ==, 5);
  }

  /* an unknown account */
  complaint->id = 0;
  g_assert_false (ks_store_save_complaint (f->store, 9999, complaint, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
}

/* An account deleted with its plan takes its relationships along; Undo brings them
 * back with their ids. */
static void
test_delete_account (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) before = NULL;
  g_autoptr(KsAccountPlan) removed = NULL;
  g_autoptr(KsAccountPlan) after = NULL;
  g_autoptr(KsAccount) account = g_object_ref (f->key);
  gint64 id = ks_account_get_id (account);
  gint64 n_rows;
  KsPlanSummary summary;

  fill_relations (f, id, NULL);
  save_contact (f, ks_account_get_id (f->plain), "Stays", KS_LAYER_EXECUTIVE, 0, NULL);
  before = load_plan (f->store, id);
  n_rows = count_relation_rows (f->path, id);
  g_assert_cmpint (n_rows, ==, 3 + 3 + 4 + 3 + 3);
  summary = *ks_account_get_plan_summary (account);

  g_assert_true (ks_store_delete_account_with_plan (f->store, account, &removed, &error));
  g_assert_no_error (error);
  assert_same_relations (before->relations, removed->relations);
  g_assert_cmpint (count_relation_rows (f->path, id), ==, 0);
  g_assert_cmpint (count_relation_rows (f->path, ks_account_get_id (f->plain)), ==, 1);
  g_assert_false (ks_store_account_has_plan (f->store, id));
  {
    g_autoptr(GPtrArray) complaints = ks_store_dup_complaints (f->store, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (complaints->len, ==, 0);
  }

  reset_counts (f);
  g_assert_true (ks_store_restore_account_with_plan (f->store, account, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->n_plan_changed, ==, 1);
  g_assert_cmpint (f->last_plan_changed, ==, id);
  g_assert_cmpint (count_relation_rows (f->path, id), ==, n_rows);
  after = load_plan (f->store, id);
  assert_same_relations (before->relations, after->relations);
  g_assert_cmpmem (ks_account_get_plan_summary (account), sizeof summary,
                   &summary, sizeof summary);
  ks_test_assert_integrity_ok (f->path);

  /* a plain delete leaves nothing behind either */
  g_assert_true (ks_store_delete_account (f->store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_relation_rows (f->path, id), ==, 0);
  ks_test_assert_integrity_ok (f->path);
}

/* What the portfolio shows as the clock moves: executive coverage of key accounts and
 * the 24-hour rule. */
static void
test_summaries (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *ten_days = days_before_now (10);
  g_autoptr(KsComplaint) complaint = NULL;
  gint64 id = ks_account_get_id (f->key);
  GDate today;

  /* now and today */
  {
    g_autoptr(GDateTime) expected = parse_time (NOW);

    now = ks_store_dup_now (f->store);
    g_assert_true (g_date_time_equal (now, expected));
    g_clear_pointer (&now, g_date_time_unref);
  }
  ks_store_get_today (f->store, &today);
  g_assert_cmpint (g_date_get_day (&today), ==, 27);
  g_assert_cmpint (g_date_get_month (&today), ==, G_DATE_NOVEMBER);

  /* a key account without contacts: no plan rows at all, still the alert */
  g_assert_false (ks_store_account_has_plan (f->store, id));
  g_assert_cmpint (alerts_of (f->key), ==, KS_ALERT_NO_EXECUTIVE);
  g_assert_false (ks_account_get_plan_summary (f->key)->has_health);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_NONE);

  /* a decision maker does not count; an executive seen 10 days ago does */
  save_contact (f, id, "赵敏", KS_LAYER_DECISION_MAKER, 0, ten_days);
  g_assert_cmpint (alerts_of (f->key), ==, KS_ALERT_NO_EXECUTIVE);
  reset_counts (f);
  save_contact (f, id, "陈建国", KS_LAYER_EXECUTIVE, 0, ten_days);
  g_assert_cmpint (alerts_of (f->key), ==, KS_ALERT_NONE);
  g_assert_cmpint (f->n_items_changed, ==, 1);
  g_assert_cmpint (f->n_plan_changed, ==, 1);

  /* a quarter later, the contact has lapsed */
  reset_counts (f);
  set_now (f->store, NOW, 24 * 100);
  g_assert_cmpint (alerts_of (f->key), ==, KS_ALERT_NO_EXECUTIVE);
  g_assert_cmpint (f->n_items_changed, ==, 1);
  set_now (f->store, NOW, 0);
  g_assert_cmpint (alerts_of (f->key), ==, KS_ALERT_NONE);

  /* an open complaint opened 25 h ago, unanswered: overdue */
  complaint = new_complaint (NULL, "Broken seals");
  complaint->opened_at = time_from (NOW, -25);
  reset_counts (f);
  save_complaint (f, ks_account_get_id (f->plain), complaint);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_OVERDUE_COMPLAINT);
  g_assert_false (ks_account_get_plan_summary (f->plain)->has_health);
  g_assert_cmpint (f->n_items_changed, ==, 1);

  /* answered: the alert goes */
  complaint->first_response_at = time_from (NOW, -0.5);
  reset_counts (f);
  g_assert_true (ks_store_save_complaint (f->store, ks_account_get_id (f->plain), complaint,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_NONE);
  g_assert_cmpint (f->n_items_changed, ==, 1);

  /* opened 20 h ago: due; five hours later, overdue; Undo of the clock */
  g_clear_pointer (&complaint->first_response_at, g_free);
  g_free (complaint->opened_at);
  complaint->opened_at = time_from (NOW, -20);
  g_assert_true (ks_store_save_complaint (f->store, ks_account_get_id (f->plain), complaint,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_NONE);
  reset_counts (f);
  set_now (f->store, NOW, 5);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_OVERDUE_COMPLAINT);
  g_assert_cmpint (f->n_items_changed, ==, 1);
  /* nothing moved: nothing announced */
  reset_counts (f);
  ks_store_refresh_summaries (f->store);
  g_assert_cmpint (f->n_items_changed, ==, 0);
  set_now (f->store, NOW, 3);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_NONE);

  /* exactly 24 h is still in time; a second more is not */
  set_now (f->store, NOW, 4);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_NONE);
  set_now (f->store, NOW, 4 + 1.0 / 3600);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_OVERDUE_COMPLAINT);

  /* computed when the accounts are loaded, too */
  reopen (f);
  set_now (f->store, NOW, 5);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_OVERDUE_COMPLAINT);
  g_assert_cmpint (alerts_of (f->key), ==, KS_ALERT_NONE);

  /* today alone: noon of that day, local time */
  {
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 1, G_DATE_MARCH, 2027);
    ks_store_set_today (f->store, &day);
    now = ks_store_dup_now (f->store);
    g_assert_cmpint (g_date_time_get_hour (now), ==, 12);
    g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 1);
    ks_store_get_today (f->store, &today);
    g_assert_cmpint (g_date_compare (&today, &day), ==, 0);
    /* over a quarter after the executive was seen */
    g_assert_cmpint (alerts_of (f->key), ==, KS_ALERT_NO_EXECUTIVE);
    g_clear_pointer (&now, g_date_time_unref);
  }

  /* back to the clock */
  ks_store_set_now (f->store, NULL);
  now = ks_store_dup_now (f->store);
  g_assert_cmpint (g_date_time_get_year (now), >=, 2024);
}

/* The summary follows the tier: executive coverage matters for Core and Key only. */
static void
test_tier_changes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) edited = NULL;
  KsScoringRules rules;
  KsAccount *middle;

  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_NONE);

  /* edited to Key by hand */
  edited = ks_account_copy (f->plain);
  ks_account_set_tier_override (edited, KS_TIER_KEY);
  reset_counts (f);
  g_assert_true (ks_store_update_account (f->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_NO_EXECUTIVE);
  g_assert_cmpint (f->n_items_changed, ==, 1);

  /* and back */
  ks_account_set_tier_override (edited, KS_TIER_NONE);
  g_assert_true (ks_store_update_account (f->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_NONE);

  /* the rules move an account into Key */
  middle = ks_test_store_add_account (f->store, "Helios Medical GmbH", 3);
  g_assert_cmpint (ks_account_get_tier (middle), ==, KS_TIER_DEVELOPING);
  g_assert_cmpint (alerts_of (middle), ==, KS_ALERT_NONE);
  rules = *ks_store_get_rules (f->store);
  rules.key_min = 55;
  rules.developing_min = 40;
  g_assert_true (ks_store_set_rules (f->store, &rules, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_account_get_tier (middle), ==, KS_TIER_KEY);
  g_assert_cmpint (alerts_of (middle), ==, KS_ALERT_NO_EXECUTIVE);
  g_assert_cmpint (alerts_of (f->plain), ==, KS_ALERT_NONE);

  /* a new account that scores Core has the alert from the start */
  g_assert_cmpint (alerts_of (ks_test_store_add_account (f->store, "Brightwater Energy Inc.",
                                                         KS_RATING_MAX)),
                   ==, KS_ALERT_NO_EXECUTIVE);
}

/* Every account's complaints: the open ones first, the longest waiting first. */
static void
test_dup_complaints (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) open = NULL;
  gint64 key_id = ks_account_get_id (f->key);
  gint64 plain_id = ks_account_get_id (f->plain);
  g_autoptr(KsComplaint) a = new_complaint ("2026-11-25T09:00:00+08:00", "a");
  /* later than a, though earlier on its own clock */
  g_autoptr(KsComplaint) b = new_complaint ("2026-11-25T07:00:00Z", "b");
  g_autoptr(KsComplaint) c = new_complaint ("2026-11-26T09:00:00+08:00", "c");
  g_autoptr(KsComplaint) old_closed = new_closed_complaint ("2026-06-01T09:00:00+08:00",
                                                            "old closed");
  g_autoptr(KsComplaint) new_closed = new_closed_complaint ("2026-10-01T09:00:00+08:00",
                                                            "new closed");
  const char *expected_all[] = { "a", "b", "c", "new closed", "old closed" };

  save_complaint (f, key_id, old_closed);
  save_complaint (f, plain_id, c);
  save_complaint (f, key_id, a);
  save_complaint (f, plain_id, new_closed);
  save_complaint (f, plain_id, b);

  all = ks_store_dup_complaints (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected_all));
  for (guint i = 0; i < all->len; i++)
    {
      KsComplaint *complaint = g_ptr_array_index (all, i);

      g_assert_cmpstr (complaint->description, ==, expected_all[i]);
      g_assert_cmpint (complaint->account_id, ==,
                       g_str_equal (complaint->description, "a")
                       || g_str_has_prefix (complaint->description, "old") ? key_id
                                                                           : plain_id);
    }

  open = ks_store_dup_complaints (f->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 3);
  for (guint i = 0; i < open->len; i++)
    g_assert_cmpstr (((KsComplaint *) g_ptr_array_index (open, i))->description, ==,
                     expected_all[i]);
}

/* The sample portfolio: contacts, interactions, surveys and complaints for the accounts
 * with plans, an executive for the key accounts without, a few alerts, not everywhere. */
static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  guint n_key = 0, n_no_executive = 0, n_overdue = 0, n_with_contacts = 0;
  KsAccount *first;
  KsAccount *english;

  g_assert_true (ks_store_load_sample (f->store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < ks_store_get_n_accounts (f->store); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (ks_store_get_accounts (f->store),
                                                            i);
      g_autoptr(KsAccountPlan) plan = NULL;
      KsTier tier = ks_account_get_tier (account);
      KsAlertFlags alerts = alerts_of (account);

      if (account == f->key || account == f->plain)
        continue;
      plan = load_plan (f->store, ks_account_get_id (account));
      n_with_contacts += plan->relations->contacts->len > 0;
      if (tier == KS_TIER_CORE || tier == KS_TIER_KEY)
        {
          n_key++;
          g_assert_cmpuint (plan->relations->contacts->len, >, 0);
          n_no_executive += (alerts & KS_ALERT_NO_EXECUTIVE) != 0;
        }
      else
        g_assert_cmpint (alerts & KS_ALERT_NO_EXECUTIVE, ==, 0);
      n_overdue += (alerts & KS_ALERT_OVERDUE_COMPLAINT) != 0;
    }
  g_assert_cmpuint (n_key, >=, 5);
  g_assert_cmpuint (n_no_executive, <=, 1);
  g_assert_cmpuint (n_overdue, ==, 1);
  g_assert_cmpuint (n_with_contacts, >=, 7);

  /* an account with a plan: the whole of it */
  first = ks_store_find_account_by_name (f->store, "深圳云启科技股份有限公司");
  g_assert_nonnull (first);
  {
    g_autoptr(KsAccountPlan) plan = load_plan (f->store, ks_account_get_id (first));
    const KsRelations *r = plan->relations;
    const KsContact *ceo = g_ptr_array_index (r->contacts, 0);
    guint complaints_closed = 0;

    g_assert_cmpuint (r->contacts->len, >=, 3);
    g_assert_cmpuint (r->contacts->len, <=, 6);
    g_assert_cmpuint (r->interactions->len, >=, 2);
    g_assert_cmpuint (r->interactions->len, <=, 4);
    g_assert_cmpuint (r->satisfaction->len, >=, 3);
    g_assert_cmpuint (r->satisfaction->len, <=, 4);
    g_assert_cmpuint (r->complaints->len, >=, 1);
    g_assert_cmpuint (r->complaints->len, <=, 2);
    g_assert_cmpint (ceo->layer, ==, KS_LAYER_EXECUTIVE);
    g_assert_cmpint (ceo->reports_to, ==, 0);
    g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (ceo->name)), ==,
                     G_UNICODE_SCRIPT_HAN);
    for (guint i = 0; i < r->contacts->len; i++)
      {
        const KsContact *contact = g_ptr_array_index (r->contacts, i);

        if (contact != ceo)
          g_assert_true (has_contact (r, contact->reports_to));
      }
    for (guint i = 0; i < r->complaints->len; i++)
      {
        const KsComplaint *complaint = g_ptr_array_index (r->complaints, i);

        if (!ks_complaint_is_open (complaint))
          {
            complaints_closed++;
            g_assert_nonnull (complaint->follow_up_at);
          }
      }
    g_assert_cmpuint (complaints_closed, ==, 1);
    g_assert_true (ks_account_get_plan_summary (first)->has_health);
  }

  english = ks_store_find_account_by_name (f->store, "Northwind Logistics Ltd");
  g_assert_nonnull (english);
  {
    g_autoptr(KsAccountPlan) plan = load_plan (f->store, ks_account_get_id (english));
    const KsContact *ceo = g_ptr_array_index (plan->relations->contacts, 0);

    g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (ceo->name)), ==,
                     G_UNICODE_SCRIPT_LATIN);
    g_assert_true (g_str_has_suffix (ceo->email, "@example.com"));
  }

  /* open complaints across the portfolio: one overdue, one due, one answered */
  open = ks_store_dup_complaints (f->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 3);
  {
    g_autoptr(GDateTime) now = ks_store_dup_now (f->store);
    guint states[KS_N_RESPONSE_STATES] = { 0, };

    for (guint i = 0; i < open->len; i++)
      states[ks_complaint_response_state (g_ptr_array_index (open, i), now, NULL)]++;
    g_assert_cmpuint (states[KS_RESPONSE_OVERDUE], ==, 1);
    g_assert_cmpuint (states[KS_RESPONSE_DUE], ==, 1);
    g_assert_cmpuint (states[KS_RESPONSE_IN_TIME], ==, 1);
  }

  /* and it survives a reopen unchanged */
  reopen (f);
  first = ks_store_find_account_by_name (f->store, "深圳云启科技股份有限公司");
  g_assert_cmpint (alerts_of (first) & KS_ALERT_OVERDUE_COMPLAINT, ==,
                   KS_ALERT_OVERDUE_COMPLAINT);
  ks_test_assert_integrity_ok (f->path);
}

/* Many key accounts without a plan: their alert costs no query each. */
static void
test_load_many_key_accounts (Fixture       *f,
                             gconstpointer  data)
{
  const guint n = 50000;
  g_autoptr(GTimer) timer = NULL;
  double elapsed;

  g_assert_finalize_object (f->store);
  f->store = NULL;

  /* one in a hundred with an executive met lately */
  ks_test_raw_add_portfolio (f->path, n, KS_RATING_MAX,
                             "INSERT INTO contact (account_id, name, layer, attitude, "
                             "influence, last_contact) SELECT id, 'CEO', 'executive', "
                             "'supporter', 'high', '2026-11-20' FROM account "
                             "WHERE id % 100 = 0");

  timer = g_timer_new ();
  f->store = ks_test_store_open (f->path);
  set_now (f->store, NOW, 0);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, n + 2);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("loading %u key accounts took %.0f ms", n, elapsed * 1000);

  g_assert_cmpint (alerts_of (ks_store_lookup_account (f->store, 1000)), ==, KS_ALERT_NONE);
  g_assert_cmpint (alerts_of (ks_store_lookup_account (f->store, 1001)), ==,
                   KS_ALERT_NO_EXECUTIVE);
  g_assert_false (ks_account_get_plan_summary (ks_store_lookup_account (f->store,
                                                                        1001))->has_health);
}

#define ADD_TEST(path, func) \
  g_test_add ("/keystone/store-relations/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD_TEST ("migrate-from-3", test_migrate_from_3);
  ADD_TEST ("migration-fails", test_migration_fails);
  {
    static const char * const tables[] = {
      "complaint", "member", "coaching_plan", "coaching_session", "contract",
      "contract_item", "checklist_item",
    };

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *path = g_strdup_printf ("/keystone/store-relations/"
                                                 "refuse-other-columns/%s", tables[i]);

        g_test_add (path, Fixture, tables[i], fixture_set_up, test_refuse_other_columns,
                    fixture_tear_down);
      }
  }
  ADD_TEST ("round-trip", test_round_trip);
  ADD_TEST ("reports-to", test_reports_to);
  ADD_TEST ("delete-contact", test_delete_contact);
  ADD_TEST ("closed-loop", test_closed_loop);
  ADD_TEST ("delete-account", test_delete_account);
  ADD_TEST ("summaries", test_summaries);
  ADD_TEST ("tier-changes", test_tier_changes);
  ADD_TEST ("dup-complaints", test_dup_complaints);
  ADD_TEST ("sample", test_sample);
  ADD_TEST ("load-many-key-accounts", test_load_many_key_accounts);

  return g_test_run ();
}
