/* test-store-team.c — the team in the database: the migration from version 4 (owners
 * become members, one spelling each), owners new to the team, renaming and deleting a
 * member with their accounts following, coaching plans, actions and sessions and their
 * Undo, orders, signals, refusals that write nothing, the sample team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ks-test-schema.h"
#include "ks-test-store.h"
#include "ks-error.h"
#include "ks-import.h"
#include "ks-sample.h"
#include "ks-store.h"

/* "Today" for the tests that read dates */
#define TODAY "2026-11-27"

typedef struct
{
  char *dir;
  char *path;
  KsStore *store;
  guint n_team_changed;
  guint n_items_changed;
} Fixture;

/* Helpers: files */

/* The owner of the account called @name, as the file has it. */
static char *
disk_owner (const char *path,
            const char *name)
{
  char *sql = sqlite3_mprintf ("SELECT owner FROM account WHERE name = %Q", name);
  char *owner = ks_test_raw_query_text (path, sql);

  sqlite3_free (sql);
  return owner;
}

/* Helpers: the store */

static void
on_team_changed (KsStore *store,
                 Fixture *f)
{
  f->n_team_changed++;
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
  GDate today;

  g_assert_true (ks_plan_parse_date (TODAY, &today));
  ks_store_set_today (f->store, &today);
  g_signal_connect (f->store, "team-changed", G_CALLBACK (on_team_changed), f);
  g_signal_connect (ks_store_get_accounts (f->store), "items-changed",
                    G_CALLBACK (on_items_changed), f);
  f->n_team_changed = 0;
  f->n_items_changed = 0;
}

static void
reopen (Fixture *f)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  f->store = ks_test_store_open (f->path);
  connect_store (f);
}

static void
close_store (Fixture *f)
{
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

/* Adds an account called @name owned by @owner; the store's object for it. */
static KsAccount *
add_account (Fixture    *f,
             const char *name,
             const char *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new ();

  ks_account_set_name (account, name);
  ks_account_set_owner (account, owner);
  ks_account_set_currency (account, "CNY");
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    ks_account_set_rating (account, i, 3);
  g_assert_true (ks_store_add_account (f->store, account, &error));
  g_assert_no_error (error);
  return ks_store_lookup_account (f->store, ks_account_get_id (account));
}

static KsAccount *
find_account (Fixture    *f,
              const char *name)
{
  KsAccount *account = ks_store_find_account_by_name (f->store, name);

  g_assert_nonnull (account);
  return account;
}

static GPtrArray *
dup_members (KsStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *members = ks_store_dup_members (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (members);
  return members;
}

/* The member called @name (exactly), or NULL. */
static KsMember *
find_member (KsStore    *store,
             const char *name)
{
  g_autoptr(GPtrArray) members = dup_members (store);

  for (guint i = 0; i < members->len; i++)
    {
      KsMember *member = g_ptr_array_index (members, i);

      if (g_str_equal (member->name, name))
        return ks_member_copy (member);
    }
  return NULL;
}

static gboolean
has_member (KsStore    *store,
            const char *name)
{
  g_autoptr(KsMember) member = find_member (store, name);

  return member != NULL;
}

static gint64
member_id (KsStore    *store,
           const char *name)
{
  g_autoptr(KsMember) member = find_member (store, name);

  if (member == NULL)
    g_error ("No member is called “%s”", name);
  return member->id;
}

static gint64
save_member (Fixture    *f,
             const char *name,
             const char *role,
             gint64      mentor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMember) member = ks_member_new ();

  g_free (member->name);
  member->name = g_strdup (name);
  g_free (member->role);
  member->role = g_strdup (role);
  member->mentor_id = mentor_id;
  g_assert_true (ks_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  g_assert_cmpint (member->id, >, 0);
  return member->id;
}

static KsCoachingPlan *
new_plan (gint64            member,
          KsSkill           skill,
          KsCoachingStatus  status,
          const char       *start,
          const char       *due)
{
  KsCoachingPlan *plan = ks_coaching_plan_new ();

  plan->member_id = member;
  plan->skill = skill;
  plan->status = status;
  plan->start_level = 2;
  plan->current_level = 3;
  plan->target_level = 4;
  plan->start = g_strdup (start);
  plan->due = g_strdup (due);
  return plan;
}

static gint64
save_plan (Fixture          *f,
           gint64            member,
           KsSkill           skill,
           KsCoachingStatus  status,
           const char       *start,
           const char       *due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsCoachingPlan) plan = new_plan (member, skill, status, start, due);

  g_assert_true (ks_store_save_coaching_plan (f->store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan->id, >, 0);
  return plan->id;
}

static gint64
save_action (Fixture        *f,
             gint64          plan,
             const char     *title,
             const char     *due,
             KsActionStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsCoachingAction) action = ks_coaching_action_new ();

  action->plan_id = plan;
  g_free (action->title);
  action->title = g_strdup (title);
  action->due = g_strdup (due);
  action->status = status;
  g_assert_true (ks_store_save_coaching_action (f->store, action, &error));
  g_assert_no_error (error);
  g_assert_cmpint (action->id, >, 0);
  return action->id;
}

static gint64
save_session (Fixture    *f,
              gint64      plan,
              const char *date,
              int         rating,
              const char *next_step)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsCoachingSession) session = ks_coaching_session_new ();

  session->plan_id = plan;
  session->date = g_strdup (date);
  session->rating = rating;
  session->kind = KS_SESSION_JOINT_VISIT;
  g_free (session->next_step);
  session->next_step = g_strdup (next_step);
  g_assert_true (ks_store_save_coaching_session (f->store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session->id, >, 0);
  return session->id;
}

static GPtrArray *
dup_plans (KsStore *store,
           gint64   member)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = ks_store_dup_coaching_plans (store, member, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plans);
  return plans;
}

/* Takes the file back to version 4: the team's tables and triggers gone. Owners may
 * then be written in any spelling, as version 4 kept them. */
static void
make_version_4 (Fixture    *f,
                const char *more_sql)
{
  g_autofree char *sql = g_strconcat (KS_TEST_UNDO_V5, more_sql != NULL ? more_sql : "",
                                      "PRAGMA user_version = 4;", NULL);

  if (f->store != NULL)
    close_store (f);
  ks_test_raw_run (f->path, sql);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM sqlite_master "
                                                   "WHERE name = 'member'"), ==, 0);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ks_test_store_make_dir ("store-team", &f->path);
  f->store = ks_test_store_open (f->path);
  connect_store (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  ks_test_store_remove_dir (&f->dir, &f->path);
}

/* ---- Migration ----------------------------------------------------------------- */

/* The accounts of a version 4 file with the owners in several spellings. */
static void
fill_version_4 (Fixture *f)
{
  add_account (f, "A1", "owner-1");
  add_account (f, "A2", "owner-2");
  add_account (f, "A3", "");
  add_account (f, "A4", "owner-4");
  add_account (f, "A5", "owner-5");
  make_version_4 (f, "UPDATE account SET owner = 'Li Wei' WHERE name = 'A1';"
                     "UPDATE account SET owner = ' li wei' WHERE name = 'A2';"
                     "UPDATE account SET owner = 'Wang Lei' WHERE name = 'A4';"
                     "UPDATE account SET owner = 'LI WEI' WHERE name = 'A5';");
}

/* Owners become members, one member for one person however the accounts spelled them,
 * and the accounts take the first account's spelling, in memory and in the file. */
static void
test_migrate_from_4 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GDir) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_dir = NULL;
  static const char * const li_wei_accounts[] = { "A1", "A2", "A5" };

  fill_version_4 (f);
  reopen (f);

  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, KS_SCHEMA_VERSION);
  members = dup_members (f->store);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpstr (((KsMember *) g_ptr_array_index (members, 0))->name, ==, "Li Wei");
  g_assert_cmpstr (((KsMember *) g_ptr_array_index (members, 1))->name, ==, "Wang Lei");
  for (guint i = 0; i < G_N_ELEMENTS (li_wei_accounts); i++)
    {
      g_autofree char *owner = disk_owner (f->path, li_wei_accounts[i]);

      g_assert_cmpstr (owner, ==, "Li Wei");
      g_assert_cmpstr (ks_account_get_owner (find_account (f, li_wei_accounts[i])), ==,
                       "Li Wei");
    }
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A3")), ==, "");
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A4")), ==, "Wang Lei");
  ks_test_assert_integrity_ok (f->path);

  /* the version 4 file was backed up first */
  backup_dir = ks_store_get_backup_dir (f->store);
  backups = g_dir_open (backup_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_dir_read_name (backups));

  /* and the team works: the triggers came with it */
  add_account (f, "A6", "wang LEI");
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A6")), ==, "Wang Lei");
  g_assert_cmpuint (f->n_team_changed, ==, 0);
  add_account (f, "A7", "Zhao Min");
  g_assert_cmpuint (f->n_team_changed, ==, 1);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = dup_members (f->store);
  g_assert_cmpuint (members->len, ==, 3);
}

/* A read-only version 4 file is refused with a message that says so, and stays a
 * version 4 file. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KsStore *store;

  fill_version_4 (f);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);

  store = ks_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, KS_ERROR, KS_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));

  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM sqlite_master "
                                                   "WHERE name = 'member'"), ==, 0);
  /* writable again, it migrates */
  reopen (f);
  g_assert_true (has_member (f->store, "Li Wei"));
}

/* ---- Owners new to the team ---------------------------------------------------- */

static void
set_row (KsAccountRow *row,
         guint         line,
         const char   *name,
         const char   *owner)
{
  memset (row, 0, sizeof *row);
  row->line = line;
  row->present = (1u << KS_COLUMN_NAME) | (1u << KS_COLUMN_OWNER);
  row->name = g_strdup (name);
  row->owner = g_strdup (owner);
  strcpy (row->currency, "CNY");
  row->tier_override = KS_TIER_NONE;
}

static void
test_new_owners (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) edited = NULL;
  g_autoptr(GPtrArray) members = NULL;
  KsAccountRow rows[6];
  guint imported = 0, updated = 0;

  /* typed with spaces: trimmed, and a member */
  add_account (f, "B1", " Zhao Min ");
  g_assert_cmpuint (f->n_team_changed, ==, 1);
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "B1")), ==, "Zhao Min");
  {
    g_autofree char *owner = disk_owner (f->path, "B1");

    g_assert_cmpstr (owner, ==, "Zhao Min");
  }

  /* the member's spelling, and no one new */
  add_account (f, "B2", "ZHAO MIN");
  g_assert_cmpuint (f->n_team_changed, ==, 1);
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "B2")), ==, "Zhao Min");

  /* an edit that names someone new */
  edited = ks_account_copy (find_account (f, "B2"));
  ks_account_set_owner (edited, "qian feng");
  g_assert_true (ks_store_update_account (f->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_team_changed, ==, 2);
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "B2")), ==, "qian feng");
  g_assert_true (has_member (f->store, "qian feng"));

  /* an import: each owner takes the member's spelling, the new ones become members */
  set_row (&rows[0], 2, "C1", "Qian Feng");
  set_row (&rows[1], 3, "C2", "  Sun Li");
  set_row (&rows[2], 4, "C3", "SUN LI");
  set_row (&rows[3], 5, "C4", NULL);
  set_row (&rows[4], 6, "C5", "zhao min");
  set_row (&rows[5], 7, "B1", "ZHAO MIN ");   /* updates the account B1 */
  g_assert_true (ks_store_import_rows (f->store, rows, G_N_ELEMENTS (rows),
                                       KS_DUPLICATES_UPDATE, NULL, &imported, &updated, NULL,
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 5);
  g_assert_cmpuint (updated, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    ks_account_row_clear (&rows[i]);
  {
    static const struct { const char *name, *owner; } want[] = {
      { "C1", "qian feng" }, { "C2", "Sun Li" }, { "C3", "Sun Li" }, { "C4", "" },
      { "C5", "Zhao Min" }, { "B1", "Zhao Min" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        g_autofree char *owner = disk_owner (f->path, want[i].name);

        g_assert_cmpstr (owner, ==, want[i].owner);
      }
  }
  members = dup_members (f->store);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_true (has_member (f->store, "qian feng"));
  g_assert_true (has_member (f->store, "Sun Li"));
  g_assert_true (has_member (f->store, "Zhao Min"));

  /* the list catches up, and the team view is told */
  g_assert_cmpuint (f->n_team_changed, ==, 2);
  g_assert_true (ks_store_reload_accounts (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_team_changed, ==, 3);
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "C3")), ==, "Sun Li");
}

/* ---- Members ------------------------------------------------------------------- */

static void
on_owner_notify (KsAccount  *account,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A new name goes to the accounts the member owns, on disk and in the objects the
 * portfolio shows, announced; other accounts stay as they were. */
static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMember) member = NULL;
  g_auto(GStrv) owners = NULL;
  KsAccount *a1, *a2, *other;
  guint n_notify = 0;

  a1 = add_account (f, "A1", "Li Wei");
  a2 = add_account (f, "A2", "li wei");
  other = add_account (f, "A3", "Wang Lei");
  g_assert_cmpstr (ks_account_get_owner (a2), ==, "Li Wei");
  g_signal_connect (a1, "notify::owner", G_CALLBACK (on_owner_notify), &n_notify);
  f->n_team_changed = 0;
  f->n_items_changed = 0;

  member = find_member (f->store, "Li Wei");
  g_assert_nonnull (member);
  g_free (member->name);
  member->name = g_strdup ("  Wei Li ");
  g_free (member->role);
  member->role = g_strdup ("KA manager");
  member->mentor_id = member_id (f->store, "Wang Lei");
  g_assert_true (ks_store_save_member (f->store, member, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (member->name, ==, "Wei Li");
  g_assert_cmpuint (f->n_team_changed, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 2);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpstr (ks_account_get_owner (a1), ==, "Wei Li");
  g_assert_cmpstr (ks_account_get_owner (a2), ==, "Wei Li");
  g_assert_cmpstr (ks_account_get_owner (other), ==, "Wang Lei");
  {
    g_autofree char *o1 = disk_owner (f->path, "A1");
    g_autofree char *o2 = disk_owner (f->path, "A2");
    g_autofree char *o3 = disk_owner (f->path, "A3");

    g_assert_cmpstr (o1, ==, "Wei Li");
    g_assert_cmpstr (o2, ==, "Wei Li");
    g_assert_cmpstr (o3, ==, "Wang Lei");
  }
  owners = ks_store_dup_owners (f->store);
  g_assert_cmpuint (g_strv_length (owners), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) owners, "Wei Li"));
  /* no one new: the old name is gone, not left behind as a member */
  g_assert_false (has_member (f->store, "Li Wei"));
  g_assert_cmpint (ks_test_count_rows (f->path, "member"), ==, 2);

  /* a change of case is a rename too */
  g_free (member->name);
  member->name = g_strdup ("WEI LI");
  g_assert_true (ks_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ks_account_get_owner (a1), ==, "WEI LI");

  /* and it all comes back from the file */
  reopen (f);
  {
    g_autoptr(KsMember) stored = ks_store_dup_member (f->store, member->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stored->name, ==, "WEI LI");
    g_assert_cmpstr (stored->role, ==, "KA manager");
    g_assert_cmpint (stored->mentor_id, ==, member_id (f->store, "Wang Lei"));
  }
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A2")), ==, "WEI LI");
}

/* Two members cannot have one name, whatever its case; nothing is written for a
 * refused member. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  static const struct
  {
    const char *name;
    gint64      mentor;       /* -2: the member's own id */
    gint64      id;           /* -1: Zhang San's */
    int         code;
    const char *message;
  } cases[] = {
    { "li wei", 0, 0, KS_ERROR_INVALID, "“li wei”" },
    { " LI WEI ", 0, 0, KS_ERROR_INVALID, "already a team member" },
    { "LI WEI", 0, -1, KS_ERROR_INVALID, "“LI WEI”" },
    { "  ", 0, 0, KS_ERROR_INVALID, "needs a name" },
    { "Sun Li", 99999, 0, KS_ERROR_INVALID, "mentor" },
    { "Sun Li", -2, -1, KS_ERROR_INVALID, "own mentor" },
    { "Sun Li", 0, 99999, KS_ERROR_NOT_FOUND, "no longer exists" },
  };
  gint64 zhang;

  add_account (f, "A1", "Li Wei");
  zhang = save_member (f, " Zhang San ", "", 0);
  g_assert_true (has_member (f->store, "Zhang San"));
  f->n_team_changed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KsMember) member = ks_member_new ();
      gint64 before = ks_test_count_rows (f->path, "member");

      g_test_message ("refusal %u: “%s”", i, cases[i].name);
      g_free (member->name);
      member->name = g_strdup (cases[i].name);
      member->id = cases[i].id == -1 ? zhang : cases[i].id;
      member->mentor_id = cases[i].mentor == -2 ? member->id : cases[i].mentor;
      g_assert_false (ks_store_save_member (f->store, member, &error));
      g_assert_error (error, KS_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].message);
      g_assert_cmpint (ks_test_count_rows (f->path, "member"), ==, before);
    }

  g_assert_cmpuint (f->n_team_changed, ==, 0);
  g_assert_true (has_member (f->store, "Zhang San"));
  g_assert_true (has_member (f->store, "Li Wei"));
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A1")), ==, "Li Wei");
}

/* Members come sorted by name; the ids are theirs. */
static void
test_members_order (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const names[] = { "Zhao Min", "Anna Berg", "Li Wei", "Emily Chen" };
  static const char * const sorted[] = { "Anna Berg", "Emily Chen", "Li Wei", "Zhao Min" };
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMember) missing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    save_member (f, names[i], "", 0);
  members = dup_members (f->store);
  g_assert_cmpuint (members->len, ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < members->len; i++)
    {
      KsMember *member = g_ptr_array_index (members, i);
      g_autoptr(KsMember) one = ks_store_dup_member (f->store, member->id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (member->name, ==, sorted[i]);
      g_assert_cmpstr (one->name, ==, sorted[i]);
    }
  missing = ks_store_dup_member (f->store, 99999, &error);
  g_assert_null (missing);
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
}

/* ---- Deleting a member --------------------------------------------------------- */

typedef struct
{
  gint64 li, wang, zhang;
  gint64 plan, actions[2], session;
} Team;

/* Li Wei owns A1 and A2 and mentors Zhang San, Wang Lei (A3) mentors Li Wei; Li Wei has
 * a coaching plan with two actions and a session. */
static void
make_team (Fixture *f,
           Team    *team)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMember) li = NULL;

  add_account (f, "A1", "Li Wei");
  add_account (f, "A2", "Li Wei");
  add_account (f, "A3", "Wang Lei");
  team->li = member_id (f->store, "Li Wei");
  team->wang = member_id (f->store, "Wang Lei");
  team->zhang = save_member (f, "Zhang San", "KA manager", team->li);
  li = ks_store_dup_member (f->store, team->li, &error);
  g_assert_no_error (error);
  li->mentor_id = team->wang;
  g_assert_true (ks_store_save_member (f->store, li, &error));
  g_assert_no_error (error);

  team->plan = save_plan (f, team->li, KS_SKILL_NEGOTIATION, KS_COACHING_ACTIVE, "2026-09-01",
                          "2027-03-31");
  team->actions[0] = save_action (f, team->plan, "Workshop", "2026-10-01", KS_ACTION_DONE);
  team->actions[1] = save_action (f, team->plan, "Role-play", "2026-11-20", KS_ACTION_OPEN);
  team->session = save_session (f, team->plan, "2026-10-15", 4, "Practise the close");
  f->n_team_changed = 0;
  f->n_items_changed = 0;
}

static void
test_delete_member (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMemberDeletion) deletion = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(KsAccount) edited = NULL;
  g_autoptr(KsMember) zhang = NULL;
  g_autoptr(KsMember) li = NULL;
  KsCoachingPlan *plan;
  Team team;

  make_team (f, &team);

  /* refused, nothing changed: the accounts cannot go to the one who leaves, nor to
   * someone who is not there */
  g_assert_false (ks_store_delete_member (f->store, team.li, team.li, NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_store_delete_member (f->store, team.li, 99999, NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ks_store_delete_member (f->store, 99999, 0, NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (f->n_team_changed, ==, 0);
  g_assert_cmpint (ks_test_count_rows (f->path, "member"), ==, 3);

  /* Zhang San takes Li Wei's accounts */
  g_assert_true (ks_store_delete_member (f->store, team.li, team.zhang, &deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_team_changed, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 2);
  g_assert_cmpstr (deletion->member->name, ==, "Li Wei");
  g_assert_cmpstr (deletion->takeover, ==, "Zhang San");
  g_assert_cmpuint (deletion->account_ids->len, ==, 2);
  g_assert_cmpuint (deletion->mentee_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (deletion->mentee_ids, gint64, 0), ==, team.zhang);
  g_assert_cmpuint (deletion->plans->len, ==, 1);
  plan = g_ptr_array_index (deletion->plans, 0);
  g_assert_cmpuint (plan->actions->len, ==, 2);
  g_assert_cmpuint (plan->sessions->len, ==, 1);

  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A1")), ==, "Zhang San");
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A2")), ==, "Zhang San");
  {
    g_autofree char *o1 = disk_owner (f->path, "A1");

    g_assert_cmpstr (o1, ==, "Zhang San");
  }
  g_assert_false (has_member (f->store, "Li Wei"));
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_plan"), ==, 0);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_action"), ==, 0);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_session"), ==, 0);
  zhang = ks_store_dup_member (f->store, team.zhang, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zhang->mentor_id, ==, 0);
  ks_test_assert_integrity_ok (f->path);

  /* meanwhile A2 goes to Wang Lei: Undo leaves it with him */
  edited = ks_account_copy (find_account (f, "A2"));
  ks_account_set_owner (edited, "Wang Lei");
  g_assert_true (ks_store_update_account (f->store, edited, &error));
  g_assert_no_error (error);
  f->n_team_changed = 0;

  g_assert_true (ks_store_restore_member (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_team_changed, ==, 1);
  li = ks_store_dup_member (f->store, team.li, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (li->name, ==, "Li Wei");
  g_assert_cmpint (li->mentor_id, ==, team.wang);
  g_clear_pointer (&zhang, ks_member_free);
  zhang = ks_store_dup_member (f->store, team.zhang, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zhang->mentor_id, ==, team.li);
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A1")), ==, "Li Wei");
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A2")), ==, "Wang Lei");
  {
    g_autofree char *o1 = disk_owner (f->path, "A1");
    g_autofree char *o2 = disk_owner (f->path, "A2");

    g_assert_cmpstr (o1, ==, "Li Wei");
    g_assert_cmpstr (o2, ==, "Wang Lei");
  }
  plans = dup_plans (f->store, team.li);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpint (plan->id, ==, team.plan);
  g_assert_cmpint (((KsCoachingAction *) g_ptr_array_index (plan->actions, 0))->id, ==,
                   team.actions[0]);
  g_assert_cmpint (((KsCoachingAction *) g_ptr_array_index (plan->actions, 1))->id, ==,
                   team.actions[1]);
  g_assert_cmpint (((KsCoachingSession *) g_ptr_array_index (plan->sessions, 0))->id, ==,
                   team.session);
  ks_test_assert_integrity_ok (f->path);

  /* twice is once too many */
  g_assert_false (ks_store_restore_member (f->store, deletion, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* to nobody, and back */
  g_clear_pointer (&deletion, ks_member_deletion_free);
  g_assert_true (ks_store_delete_member (f->store, team.li, 0, &deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (deletion->takeover, ==, "");
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A1")), ==, "");
  g_assert_true (ks_store_restore_member (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A1")), ==, "Li Wei");
}

/* Undo cannot bring back a name someone took meanwhile: refused, nothing written. */
static void
test_restore_name_taken (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMemberDeletion) deletion = NULL;
  Team team;

  make_team (f, &team);
  g_assert_true (ks_store_delete_member (f->store, team.li, 0, &deletion, &error));
  g_assert_no_error (error);
  add_account (f, "A9", "LI WEI");   /* a new Li Wei */

  g_assert_false (ks_store_restore_member (f->store, deletion, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_plan"), ==, 0);
  g_assert_cmpstr (ks_account_get_owner (find_account (f, "A1")), ==, "");
}

/* ---- Coaching plans ------------------------------------------------------------ */

/* Active plans first, then paused, achieved, dropped, each by due date with none last;
 * actions by due date, none last; sessions newest first. All of it from the file. */
static void
test_plans_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 m = save_member (f, "Li Wei", "", 0);
  gint64 other = save_member (f, "Wang Lei", "", 0);
  gint64 ids[6], actions[3], sessions[3];
  int want[6];
  KsCoachingPlan *plan;
  GPtrArray *of_member;
  GPtrArray *of_other;

  ids[0] = save_plan (f, m, KS_SKILL_NEGOTIATION, KS_COACHING_ACHIEVED, "2026-01-01",
                      "2026-03-01");
  ids[1] = save_plan (f, m, KS_SKILL_SOLUTION_DESIGN, KS_COACHING_ACTIVE, "2026-01-01",
                      "2026-12-31");
  ids[2] = save_plan (f, m, KS_SKILL_CUSTOMER_ANALYSIS, KS_COACHING_ACTIVE, "2026-01-01",
                      NULL);
  ids[3] = save_plan (f, m, KS_SKILL_RESOURCE_COORDINATION, KS_COACHING_PAUSED, "2026-01-01",
                      "2026-06-01");
  ids[4] = save_plan (f, m, KS_SKILL_NEGOTIATION, KS_COACHING_ACTIVE, "2026-01-01",
                      "2026-09-30");
  ids[5] = save_plan (f, m, KS_SKILL_NEGOTIATION, KS_COACHING_DROPPED, "2026-01-01", NULL);
  save_plan (f, other, KS_SKILL_NEGOTIATION, KS_COACHING_ACTIVE, "2026-02-01", NULL);
  want[0] = 4; want[1] = 1; want[2] = 2; want[3] = 3; want[4] = 0; want[5] = 5;

  actions[0] = save_action (f, ids[4], "B", "2026-10-05", KS_ACTION_OPEN);
  actions[1] = save_action (f, ids[4], "C", NULL, KS_ACTION_OPEN);
  actions[2] = save_action (f, ids[4], "A", "2026-09-01", KS_ACTION_DONE);
  sessions[0] = save_session (f, ids[4], "2026-05-01", 3, "one");
  sessions[1] = save_session (f, ids[4], "2026-07-01", 0, "two");
  sessions[2] = save_session (f, ids[4], "2026-07-01", 5, "three");

  /* a custom skill, saved trimmed */
  {
    g_autoptr(KsCoachingPlan) custom = new_plan (m, KS_SKILL_CUSTOM, KS_COACHING_DROPPED,
                                                 "2026-01-01", NULL);

    g_free (custom->custom_skill);
    custom->custom_skill = g_strdup ("  Mandarin ");
    g_free (custom->objective);
    custom->objective = g_strdup ("Order lunch in Mandarin");
    g_free (custom->coach);
    custom->coach = g_strdup ("王磊");
    g_assert_true (ks_store_save_coaching_plan (f->store, custom, &error));
    g_assert_no_error (error);
  }

  reopen (f);
  plans = dup_plans (f->store, m);
  g_assert_cmpuint (plans->len, ==, 7);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (((KsCoachingPlan *) g_ptr_array_index (plans, i))->id, ==, ids[want[i]]);

  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpint (plan->member_id, ==, m);
  g_assert_cmpint (plan->skill, ==, KS_SKILL_NEGOTIATION);
  g_assert_cmpint (plan->start_level, ==, 2);
  g_assert_cmpint (plan->current_level, ==, 3);
  g_assert_cmpint (plan->target_level, ==, 4);
  g_assert_cmpstr (plan->start, ==, "2026-01-01");
  g_assert_cmpstr (plan->due, ==, "2026-09-30");
  g_assert_cmpuint (plan->actions->len, ==, 3);
  g_assert_cmpint (((KsCoachingAction *) g_ptr_array_index (plan->actions, 0))->id, ==,
                   actions[2]);
  g_assert_cmpint (((KsCoachingAction *) g_ptr_array_index (plan->actions, 1))->id, ==,
                   actions[0]);
  g_assert_cmpint (((KsCoachingAction *) g_ptr_array_index (plan->actions, 2))->id, ==,
                   actions[1]);
  g_assert_null (((KsCoachingAction *) g_ptr_array_index (plan->actions, 2))->due);
  g_assert_cmpint (((KsCoachingAction *) g_ptr_array_index (plan->actions, 0))->status, ==,
                   KS_ACTION_DONE);
  g_assert_cmpuint (plan->sessions->len, ==, 3);
  g_assert_cmpint (((KsCoachingSession *) g_ptr_array_index (plan->sessions, 0))->id, ==,
                   sessions[2]);
  g_assert_cmpint (((KsCoachingSession *) g_ptr_array_index (plan->sessions, 1))->id, ==,
                   sessions[1]);
  g_assert_cmpint (((KsCoachingSession *) g_ptr_array_index (plan->sessions, 2))->id, ==,
                   sessions[0]);
  g_assert_cmpint (((KsCoachingSession *) g_ptr_array_index (plan->sessions, 0))->rating, ==,
                   5);
  g_assert_cmpint (((KsCoachingSession *) g_ptr_array_index (plan->sessions, 1))->rating, ==,
                   0);
  g_assert_cmpint (((KsCoachingSession *) g_ptr_array_index (plan->sessions, 0))->kind, ==,
                   KS_SESSION_JOINT_VISIT);
  g_assert_cmpstr (((KsCoachingSession *) g_ptr_array_index (plan->sessions, 2))->next_step,
                   ==, "one");
  g_assert_null (ks_test_raw_query_text (f->path, "SELECT rating FROM coaching_session "
                                                  "WHERE next_step = 'two'"));
  /* the other plans have none */
  g_assert_cmpuint (((KsCoachingPlan *) g_ptr_array_index (plans, 1))->actions->len, ==, 0);

  plan = g_ptr_array_index (plans, 6);
  g_assert_cmpint (plan->skill, ==, KS_SKILL_CUSTOM);
  g_assert_cmpstr (plan->custom_skill, ==, "Mandarin");
  g_assert_cmpstr (plan->objective, ==, "Order lunch in Mandarin");
  g_assert_cmpstr (plan->coach, ==, "王磊");

  /* every member's, for the review */
  all = ks_store_dup_all_coaching_plans (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 2);
  of_member = g_hash_table_lookup (all, &m);
  g_assert_cmpuint (of_member->len, ==, 7);
  g_assert_cmpint (((KsCoachingPlan *) g_ptr_array_index (of_member, 0))->id, ==, ids[4]);
  g_assert_cmpuint (((KsCoachingPlan *) g_ptr_array_index (of_member, 0))->actions->len, ==,
                    3);
  of_other = g_hash_table_lookup (all, &other);
  g_assert_cmpuint (of_other->len, ==, 1);

  /* an edit */
  plan = ks_coaching_plan_copy (g_ptr_array_index (plans, 0));
  plan->current_level = 4;
  plan->status = KS_COACHING_ACHIEVED;
  g_assert_true (ks_store_save_coaching_plan (f->store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM coaching_plan "
                                                   "WHERE status = 'achieved' "
                                                   "AND current_level = 4"),
                   ==, 1);
  ks_coaching_plan_free (plan);
}

/* Delete and Undo of plans, actions and sessions: back with their ids; each change
 * announced once. */
static void
test_plan_undo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsCoachingPlan) deleted = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(KsCoachingAction) action = NULL;
  g_autoptr(KsCoachingSession) session = NULL;
  Team team;
  KsCoachingPlan *plan;

  make_team (f, &team);
  plans = dup_plans (f->store, team.li);
  plan = g_ptr_array_index (plans, 0);
  action = ks_coaching_action_copy (g_ptr_array_index (plan->actions, 1));
  session = ks_coaching_session_copy (g_ptr_array_index (plan->sessions, 0));

  /* an action */
  g_assert_true (ks_store_delete_coaching_action (f->store, action->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_team_changed, ==, 1);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_action"), ==, 1);
  g_assert_false (ks_store_delete_coaching_action (f->store, action->id, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (ks_store_restore_coaching_action (f->store, action, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_team_changed, ==, 2);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT count(*) FROM coaching_action "
                                                   "WHERE title = 'Role-play' AND status = 'open'"),
                   ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM coaching_action WHERE title = "
                                            "'Role-play'");

    g_assert_cmpint (ks_test_raw_query_int (f->path, sql), ==, team.actions[1]);
  }

  /* a session */
  g_assert_true (ks_store_delete_coaching_session (f->store, session->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_session"), ==, 0);
  g_assert_true (ks_store_restore_coaching_session (f->store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_test_raw_query_int (f->path, "SELECT id FROM coaching_session"), ==,
                   team.session);
  g_assert_cmpuint (f->n_team_changed, ==, 4);

  /* the whole plan */
  g_assert_true (ks_store_delete_coaching_plan (f->store, team.plan, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->actions->len, ==, 2);
  g_assert_cmpuint (deleted->sessions->len, ==, 1);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_action"), ==, 0);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_session"), ==, 0);
  /* its action cannot come back without it */
  g_assert_false (ks_store_restore_coaching_action (f->store, action, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ks_store_delete_coaching_plan (f->store, team.plan, NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (f->n_team_changed, ==, 5);

  g_assert_true (ks_store_restore_coaching_plan (f->store, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_team_changed, ==, 6);
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = dup_plans (f->store, team.li);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpint (plan->id, ==, team.plan);
  g_assert_cmpint (((KsCoachingAction *) g_ptr_array_index (plan->actions, 0))->id, ==,
                   team.actions[0]);
  g_assert_cmpint (((KsCoachingAction *) g_ptr_array_index (plan->actions, 1))->id, ==,
                   team.actions[1]);
  g_assert_cmpint (((KsCoachingSession *) g_ptr_array_index (plan->sessions, 0))->id, ==,
                   team.session);

  g_assert_false (ks_store_restore_coaching_plan (f->store, deleted, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (f->n_team_changed, ==, 6);
  ks_test_assert_integrity_ok (f->path);
}

/* A plan, action or session that does not pass its checks, or whose member or plan is
 * gone, writes nothing and says nothing changed. */
static void
test_invalid_writes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsCoachingPlan) plan = NULL;
  g_autoptr(KsCoachingAction) action = ks_coaching_action_new ();
  g_autoptr(KsCoachingSession) session = ks_coaching_session_new ();
  Team team;

  make_team (f, &team);

  plan = new_plan (team.li, KS_SKILL_NEGOTIATION, KS_COACHING_ACTIVE, "2026-01-01", NULL);
  plan->target_level = 6;
  g_assert_false (ks_store_save_coaching_plan (f->store, plan, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Target level"));
  g_clear_error (&error);
  g_assert_cmpint (plan->id, ==, 0);

  plan->target_level = 4;
  plan->member_id = 99999;
  g_assert_false (ks_store_save_coaching_plan (f->store, plan, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  plan->member_id = team.li;
  plan->id = 99999;    /* an edit of a plan that is gone */
  g_assert_false (ks_store_save_coaching_plan (f->store, plan, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_plan"), ==, 1);

  action->plan_id = team.plan;
  g_assert_false (ks_store_save_coaching_action (f->store, action, &error));   /* no title */
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_free (action->title);
  action->title = g_strdup ("Read a book");
  action->plan_id = 99999;
  g_assert_false (ks_store_save_coaching_action (f->store, action, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_action"), ==, 2);

  session->plan_id = team.plan;
  session->date = g_strdup ("2026-11-01");
  session->rating = 7;
  g_assert_false (ks_store_save_coaching_session (f->store, session, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_session"), ==, 1);

  g_assert_cmpuint (f->n_team_changed, ==, 0);
  ks_test_assert_integrity_ok (f->path);
}

/* ---- The sample ---------------------------------------------------------------- */

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(KsMember) li_na = NULL;
  g_autoptr(KsMember) emily = NULL;
  guint n_plans = 0, n_overdue_actions = 0, n_done = 0, n_sessions = 0, n_achieved = 0;
  GHashTableIter iter;
  gpointer value;
  GDate today;
  KsMemberKpis kpis;

  g_assert_true (ks_plan_parse_date (TODAY, &today));
  g_assert_true (ks_store_load_sample (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_team_changed, >=, 1);

  members = dup_members (f->store);
  g_assert_cmpuint (members->len, ==, 5);
  for (guint i = 0; i < members->len; i++)
    g_assert_cmpstr (((KsMember *) g_ptr_array_index (members, i))->role, !=, "");
  li_na = find_member (f->store, "李娜");
  emily = find_member (f->store, "Emily Chen");
  g_assert_cmpint (li_na->mentor_id, ==, member_id (f->store, "王磊"));
  g_assert_cmpint (emily->mentor_id, ==, member_id (f->store, "David Miller"));

  all = ks_store_dup_all_coaching_plans (f->store, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *plans = value;

      for (guint i = 0; i < plans->len; i++)
        {
          KsCoachingPlan *plan = g_ptr_array_index (plans, i);
          KsCoachingProgress progress;

          g_assert_true (ks_coaching_plan_validate (plan, NULL, NULL));
          ks_coaching_plan_progress (plan, &today, &progress);
          n_plans++;
          n_overdue_actions += progress.overdue_actions;
          n_done += progress.actions_done;
          n_sessions += plan->sessions->len;
          n_achieved += plan->status == KS_COACHING_ACHIEVED;
        }
    }
  g_assert_cmpuint (n_plans, >=, 3);
  g_assert_cmpuint (n_plans, <=, 4);
  g_assert_cmpuint (n_overdue_actions, ==, 1);
  g_assert_cmpuint (n_done, >=, 3);
  g_assert_cmpuint (n_sessions, >=, n_plans);
  g_assert_cmpuint (n_achieved, ==, 1);

  /* the owners own the sample accounts */
  ks_member_kpis_compute ("王磊", ks_store_get_accounts (f->store), &kpis);
  g_assert_cmpuint (kpis.accounts, >, 0);

  /* loaded again: nothing twice */
  g_assert_true (ks_store_load_sample (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ks_test_count_rows (f->path, "coaching_plan"), ==, n_plans);
  g_assert_cmpint (ks_test_count_rows (f->path, "member"), ==, 5);
  ks_test_assert_integrity_ok (f->path);
}

#define ADD_TEST(path, func) \
  g_test_add ("/keystone/store-team/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD_TEST ("migrate-from-4", test_migrate_from_4);
  ADD_TEST ("read-only", test_read_only);
  ADD_TEST ("new-owners", test_new_owners);
  ADD_TEST ("rename", test_rename);
  ADD_TEST ("refusals", test_refusals);
  ADD_TEST ("members-order", test_members_order);
  ADD_TEST ("delete-member", test_delete_member);
  ADD_TEST ("restore-name-taken", test_restore_name_taken);
  ADD_TEST ("plans-order", test_plans_order);
  ADD_TEST ("plan-undo", test_plan_undo);
  ADD_TEST ("invalid-writes-nothing", test_invalid_writes_nothing);
  ADD_TEST ("sample", test_sample);

  return g_test_run ();
}
