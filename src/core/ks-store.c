/* ks-store.c — the SQLite database: the only place with SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ks-account-list.h"
#include "ks-error.h"
#include "ks-import.h"
#include "ks-money.h"
#include "ks-sample.h"
#include "ks-store-private.h"

/* PRAGMA application_id: "KSTN". Tells our files from other programs' SQLite files. */
#define KS_APPLICATION_ID 0x4B53544E

#define COMPANY_NAME_MAX 200
#define BACKUP_DIR_NAME "backups"
/* "YYYYMMDD-HHMMSS" */
#define BACKUP_STAMP_LEN 15

/* The team member an account owner names, whatever its case (the column is NOCASE):
 * the owner is saved in the member's spelling. */
#define MEMBER_SPELLING_SQL "SELECT name FROM member WHERE name = ?1"

/* Schema migrations: entry N - 1 takes a database from version N - 1 to N, in one
 * transaction. Never edit a released entry; add a new one and bump KS_SCHEMA_VERSION.
 * AUTOINCREMENT keeps a deleted account's id from being reused, so Undo can put it back. */
static const char * const migrations[] = {
  /* 1: settings and accounts */
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE account ("
  "  id                  INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name                TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  name_key            TEXT NOT NULL,"
  "  industry            TEXT NOT NULL DEFAULT '',"
  "  region              TEXT NOT NULL DEFAULT '',"
  "  owner               TEXT NOT NULL DEFAULT '',"
  "  currency            TEXT NOT NULL DEFAULT 'CNY' CHECK (length (currency) = 3),"
  "  annual_purchases    INTEGER NOT NULL DEFAULT 0 CHECK (annual_purchases >= 0),"
  "  profit_contribution REAL NOT NULL DEFAULT 0"
  "                      CHECK (profit_contribution BETWEEN 0 AND 100),"
  "  revenue_share       REAL NOT NULL DEFAULT 0 CHECK (revenue_share BETWEEN 0 AND 100),"
  "  notes               TEXT NOT NULL DEFAULT '',"
  "  r_purchases         INTEGER NOT NULL DEFAULT 0 CHECK (r_purchases BETWEEN 0 AND 5),"
  "  r_profit            INTEGER NOT NULL DEFAULT 0 CHECK (r_profit BETWEEN 0 AND 5),"
  "  r_share             INTEGER NOT NULL DEFAULT 0 CHECK (r_share BETWEEN 0 AND 5),"
  "  r_influence         INTEGER NOT NULL DEFAULT 0 CHECK (r_influence BETWEEN 0 AND 5),"
  "  r_benchmark         INTEGER NOT NULL DEFAULT 0 CHECK (r_benchmark BETWEEN 0 AND 5),"
  "  r_channel           INTEGER NOT NULL DEFAULT 0 CHECK (r_channel BETWEEN 0 AND 5),"
  "  r_need_fit          INTEGER NOT NULL DEFAULT 0 CHECK (r_need_fit BETWEEN 0 AND 5),"
  "  r_growth            INTEGER NOT NULL DEFAULT 0 CHECK (r_growth BETWEEN 0 AND 5),"
  "  r_years             INTEGER NOT NULL DEFAULT 0 CHECK (r_years BETWEEN 0 AND 5),"
  "  r_contact_level     INTEGER NOT NULL DEFAULT 0 CHECK (r_contact_level BETWEEN 0 AND 5),"
  "  r_stability         INTEGER NOT NULL DEFAULT 0 CHECK (r_stability BETWEEN 0 AND 5),"
  "  tier_override       INTEGER"
  "                      CHECK (tier_override IS NULL OR tier_override BETWEEN 0 AND 3),"
  "  created_at          TEXT NOT NULL,"
  "  updated_at          TEXT NOT NULL"
  ");"
  /* Not unique: an import may keep duplicates on purpose; add and edit refuse them. */
  "CREATE INDEX account_name_key ON account (name_key);"
  "PRAGMA application_id = 1263752270;",
  /* 2: quarterly snapshots. No foreign key: an account deleted and put back by Undo
   * keeps its history, and the history of a deleted account stays with the quarter. */
  "CREATE TABLE snapshot ("
  "  quarter    TEXT NOT NULL,"
  "  account_id INTEGER NOT NULL,"
  "  value      REAL NOT NULL,"
  "  growth     REAL NOT NULL,"
  "  ka_score   REAL NOT NULL,"
  "  tier       INTEGER NOT NULL,"
  "  quadrant   INTEGER NOT NULL,"
  "  taken_at   TEXT NOT NULL,"
  "  PRIMARY KEY (quarter, account_id)"
  ");",
  /* 3: account plans. A plan's rows go with their account (foreign keys are on); ids
   * are AUTOINCREMENT so that Undo puts rows back with theirs. Enums are stored as
   * their keys (ks_*_get_key()), dates as "YYYY-MM-DD", money in minor units. */
  "CREATE TABLE account_plan ("
  "  account_id    INTEGER NOT NULL PRIMARY KEY"
  "                REFERENCES account (id) ON DELETE CASCADE,"
  "  credit_rating TEXT NOT NULL DEFAULT ''"
  ");"
  /* One metric's entry @idx of a year: 0 the annual target, 1–4 the quarters. A
   * missing target or actual is NULL; 0 is a value. */
  "CREATE TABLE target ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  year       INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),"
  "  metric     TEXT NOT NULL CHECK (metric IN ('revenue', 'gross_margin',"
  "                                             'share_of_wallet', 'product_penetration',"
  "                                             'new_business')),"
  "  idx        INTEGER NOT NULL CHECK (idx BETWEEN 0 AND 4),"
  "  target     INTEGER,"
  "  actual     INTEGER CHECK (actual IS NULL OR idx > 0),"
  "  CHECK (target IS NOT NULL OR actual IS NOT NULL),"
  "  PRIMARY KEY (account_id, year, metric, idx)"
  ") WITHOUT ROWID;"
  "CREATE TABLE action ("
  "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  title      TEXT NOT NULL CHECK (length (trim (title)) > 0),"
  "  owner      TEXT NOT NULL DEFAULT '',"
  "  due        TEXT CHECK (due IS NULL"
  "                         OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  status     TEXT NOT NULL DEFAULT 'open'"
  "             CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),"
  "  metric     TEXT CHECK (metric IS NULL"
  "                         OR metric IN ('revenue', 'gross_margin', 'share_of_wallet',"
  "                                       'product_penetration', 'new_business')),"
  "  notes      TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX action_account ON action (account_id);"
  /* The portfolio's products, the columns of every account's whitespace grid. */
  "CREATE TABLE product ("
  "  id       INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name     TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  name_key TEXT NOT NULL UNIQUE,"
  "  position INTEGER NOT NULL CHECK (position >= 0)"
  ");"
  /* Only assessed cells have a row: the state "unknown" is the missing row. */
  "CREATE TABLE whitespace ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  state      TEXT NOT NULL CHECK (state IN ('current', 'opportunity', 'not_relevant')),"
  "  kind       TEXT NOT NULL DEFAULT 'cross_sell' CHECK (kind IN ('cross_sell', 'up_sell')),"
  "  value      INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),"
  "  quarter    TEXT CHECK (quarter IS NULL OR quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  note       TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (account_id, product_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX whitespace_product ON whitespace (product_id);"
  "CREATE TABLE swot_item ("
  "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  kind       TEXT NOT NULL"
  "             CHECK (kind IN ('strength', 'weakness', 'opportunity', 'threat')),"
  "  position   INTEGER NOT NULL CHECK (position >= 0),"
  "  text       TEXT NOT NULL CHECK (length (trim (text)) > 0)"
  ");"
  "CREATE INDEX swot_item_account ON swot_item (account_id, kind, position);"
  "CREATE TABLE risk ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  category    TEXT NOT NULL"
  "              CHECK (category IN ('financial_health', 'policy_change', 'concentration',"
  "                                  'payment_behaviour', 'other')),"
  "  severity    TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),"
  "  raised      TEXT NOT NULL"
  "              CHECK (raised GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  description TEXT NOT NULL CHECK (length (trim (description)) > 0),"
  "  contingency TEXT NOT NULL DEFAULT '',"
  "  closed      INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))"
  ");"
  "CREATE INDEX risk_account ON risk (account_id);",
  /* 4: relationships, part of the account plan. Dates are "YYYY-MM-DD"; the times of a
   * complaint are ISO-8601 with their offset as entered ("2026-11-27T09:30:00+08:00"),
   * and the opening also as UTC seconds since 1970, which orders them whatever their
   * offsets. A contact's reports_to is a contact of the same account (the store checks
   * it, and that there is no loop). */
  "CREATE TABLE contact ("
  "  id           INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  name         TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  title        TEXT NOT NULL DEFAULT '',"
  "  layer        TEXT NOT NULL"
  "               CHECK (layer IN ('executive', 'decision_maker', 'execution')),"
  "  attitude     TEXT NOT NULL"
  "               CHECK (attitude IN ('champion', 'supporter', 'neutral', 'detractor')),"
  "  influence    TEXT NOT NULL CHECK (influence IN ('high', 'medium', 'low')),"
  "  reports_to   INTEGER REFERENCES contact (id) ON DELETE SET NULL"
  "               CHECK (reports_to IS NULL OR reports_to <> id),"
  "  phone        TEXT NOT NULL DEFAULT '',"
  "  email        TEXT NOT NULL DEFAULT '',"
  "  last_contact TEXT CHECK (last_contact IS NULL"
  "                           OR last_contact GLOB"
  "                              '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  notes        TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX contact_account ON contact (account_id);"
  /* ON DELETE SET NULL looks the reports up */
  "CREATE INDEX contact_reports_to ON contact (reports_to);"
  "CREATE TABLE interaction ("
  "  id               INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id       INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  kind             TEXT NOT NULL"
  "                   CHECK (kind IN ('strategic_dialogue', 'visit', 'qbr', 'call',"
  "                                   'email')),"
  "  date             TEXT NOT NULL"
  "                   CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  our_participants TEXT NOT NULL DEFAULT '',"
  "  notes            TEXT NOT NULL DEFAULT '',"
  "  next_step        TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX interaction_account ON interaction (account_id);"
  /* The contacts who took part: the same account's (the store checks it). */
  "CREATE TABLE interaction_contact ("
  "  interaction_id INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,"
  "  contact_id     INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (interaction_id, contact_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX interaction_contact_contact ON interaction_contact (contact_id);"
  "CREATE TABLE satisfaction ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  quarter    TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  score      REAL NOT NULL CHECK (score BETWEEN 0 AND 10),"
  "  nps        INTEGER CHECK (nps IS NULL OR nps BETWEEN -100 AND 100),"
  "  PRIMARY KEY (account_id, quarter)"
  ") WITHOUT ROWID;"
  /* Closed only with the first response and the follow-up recorded: the closed loop. */
  "CREATE TABLE complaint ("
  "  id                     INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id             INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  category               TEXT NOT NULL"
  "                         CHECK (category IN ('product_quality', 'delivery',"
  "                                             'communication', 'other')),"
  "  opened_at              TEXT NOT NULL"
  "                         CHECK (opened_at GLOB"
  "                                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),"
  "  opened_utc             INTEGER NOT NULL,"
  "  description            TEXT NOT NULL CHECK (length (trim (description)) > 0),"
  "  owner                  TEXT NOT NULL DEFAULT '',"
  "  first_response_at      TEXT,"
  "  root_cause             TEXT NOT NULL DEFAULT '',"
  "  resolution             TEXT NOT NULL DEFAULT '',"
  "  follow_up_at           TEXT,"
  "  follow_up_satisfaction INTEGER"
  "                         CHECK (follow_up_satisfaction IS NULL"
  "                                OR follow_up_satisfaction BETWEEN 1 AND 5),"
  "  closed_at              TEXT,"
  "  CHECK (closed_at IS NULL OR (first_response_at IS NOT NULL AND follow_up_at IS NOT NULL"
  "                               AND follow_up_satisfaction IS NOT NULL))"
  ");"
  "CREATE INDEX complaint_account ON complaint (account_id);",
  /* 5: the team and its coaching plans. A member's name is unique whatever its case,
   * and every account owner is a member: the owners there are become members, the
   * accounts take their member's spelling, and the triggers add the owners that come
   * later (import, a typed owner). */
  "CREATE TABLE member ("
  "  id        INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name      TEXT NOT NULL COLLATE NOCASE UNIQUE"
  "            CHECK (length (trim (name)) > 0 AND name = trim (name)),"
  "  role      TEXT NOT NULL DEFAULT '',"
  "  mentor_id INTEGER REFERENCES member (id) ON DELETE SET NULL"
  "            CHECK (mentor_id IS NULL OR mentor_id <> id),"
  "  notes     TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX member_mentor ON member (mentor_id);"
  "INSERT OR IGNORE INTO member (name)"
  "  SELECT trim (owner) FROM account WHERE trim (owner) <> ''"
  "  GROUP BY trim (owner) ORDER BY min (id);"
  "UPDATE account SET owner = (SELECT name FROM member WHERE name = trim (account.owner))"
  "  WHERE trim (owner) <> '';"
  "CREATE TRIGGER account_owner_insert AFTER INSERT ON account"
  "  WHEN trim (NEW.owner) <> '' BEGIN"
  "    INSERT OR IGNORE INTO member (name) VALUES (trim (NEW.owner));"
  "  END;"
  "CREATE TRIGGER account_owner_update AFTER UPDATE OF owner ON account"
  "  WHEN trim (NEW.owner) <> '' BEGIN"
  "    INSERT OR IGNORE INTO member (name) VALUES (trim (NEW.owner));"
  "  END;"
  "CREATE TABLE coaching_plan ("
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  member_id     INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  skill         TEXT NOT NULL"
  "                CHECK (skill IN ('customer_analysis', 'negotiation', 'solution_design',"
  "                                 'resource_coordination', 'custom')),"
  "  custom_skill  TEXT NOT NULL DEFAULT ''"
  "                CHECK (skill <> 'custom' OR length (trim (custom_skill)) > 0),"
  "  start_level   INTEGER NOT NULL CHECK (start_level BETWEEN 1 AND 5),"
  "  current_level INTEGER NOT NULL CHECK (current_level BETWEEN 1 AND 5),"
  "  target_level  INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5),"
  "  objective     TEXT NOT NULL DEFAULT '',"
  "  start         TEXT NOT NULL"
  "                CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  due           TEXT CHECK (due IS NULL"
  "                            OR (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
  "                                AND due >= start)),"
  "  status        TEXT NOT NULL DEFAULT 'active'"
  "                CHECK (status IN ('active', 'achieved', 'paused', 'dropped')),"
  "  coach         TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX coaching_plan_member ON coaching_plan (member_id);"
  "CREATE TABLE coaching_action ("
  "  id      INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  plan_id INTEGER NOT NULL REFERENCES coaching_plan (id) ON DELETE CASCADE,"
  "  kind    TEXT NOT NULL"
  "          CHECK (kind IN ('training', 'role_play', 'shadowing', 'reading', 'rotation')),"
  "  title   TEXT NOT NULL CHECK (length (trim (title)) > 0),"
  "  due     TEXT CHECK (due IS NULL"
  "                      OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  status  TEXT NOT NULL DEFAULT 'open'"
  "          CHECK (status IN ('open', 'in_progress', 'done', 'dropped'))"
  ");"
  "CREATE INDEX coaching_action_plan ON coaching_action (plan_id);"
  "CREATE TABLE coaching_session ("
  "  id        INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  plan_id   INTEGER NOT NULL REFERENCES coaching_plan (id) ON DELETE CASCADE,"
  "  date      TEXT NOT NULL"
  "            CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  kind      TEXT NOT NULL"
  "            CHECK (kind IN ('one_on_one', 'joint_visit', 'role_play', 'review')),"
  "  rating    INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),"
  "  notes     TEXT NOT NULL DEFAULT '',"
  "  next_step TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX coaching_session_plan ON coaching_session (plan_id);",
  /* 6: contracts and their compliance checklists. The template's categories and items
   * are data: the built-in ones are seeded in English right after this step (see
   * migration_seeds) and shown translated while unchanged. A contract copies the
   * template's items when it is made, so later template edits leave it alone. */
  "CREATE TABLE checklist_category ("
  "  id       INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  title    TEXT NOT NULL CHECK (length (trim (title)) > 0)"
  ");"
  "CREATE TABLE checklist_item ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  category_id INTEGER NOT NULL REFERENCES checklist_category (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL CHECK (position >= 0),"
  "  text        TEXT NOT NULL CHECK (length (trim (text)) > 0)"
  ");"
  "CREATE INDEX checklist_item_category ON checklist_item (category_id, position);"
  "CREATE TABLE contract ("
  "  id             INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id     INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  title          TEXT NOT NULL CHECK (length (trim (title)) > 0),"
  "  number         TEXT NOT NULL DEFAULT '',"
  "  value          INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),"
  "  currency       TEXT NOT NULL DEFAULT 'CNY' CHECK (length (currency) = 3),"
  "  start_date     TEXT CHECK (start_date IS NULL"
  "                             OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  end_date       TEXT CHECK (end_date IS NULL"
  "                             OR (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
  "                                 AND (start_date IS NULL OR end_date >= start_date))),"
  "  renewal_notice TEXT CHECK (renewal_notice IS NULL"
  "                             OR renewal_notice GLOB"
  "                                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  status         TEXT NOT NULL DEFAULT 'draft'"
  "                 CHECK (status IN ('draft', 'in_review', 'signed', 'expired',"
  "                                   'terminated')),"
  "  notes          TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX contract_account ON contract (account_id);"
  "CREATE TABLE contract_item ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  contract_id INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,"
  "  category    TEXT NOT NULL CHECK (length (trim (category)) > 0),"
  "  position    INTEGER NOT NULL CHECK (position >= 0),"
  "  text        TEXT NOT NULL CHECK (length (trim (text)) > 0),"
  "  state       TEXT NOT NULL DEFAULT 'pending'"
  "              CHECK (state IN ('pending', 'ok', 'issue', 'not_applicable')),"
  "  note        TEXT NOT NULL DEFAULT '',"
  "  reviewer    TEXT NOT NULL DEFAULT '',"
  "  reviewed    TEXT CHECK (reviewed IS NULL"
  "                          OR reviewed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
  ");"
  "CREATE INDEX contract_item_contract ON contract_item (contract_id, position);",
};

/* What a migration step writes beyond its SQL, in the same transaction: entry N - 1
 * runs right after migrations[N - 1]. */
typedef int (*MigrationSeed) (sqlite3 *db);

static const MigrationSeed migration_seeds[] = {
  [5] = ks_store_contracts_seed_template,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migration_seeds) <= KS_SCHEMA_VERSION);

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KS_SCHEMA_VERSION);
G_STATIC_ASSERT (KS_APPLICATION_ID == 1263752270);

/* The stored fields of an account, in the order of account_field_columns(). */
enum
{
  FIELD_NAME,
  FIELD_NAME_KEY,
  FIELD_INDUSTRY,
  FIELD_REGION,
  FIELD_OWNER,
  FIELD_CURRENCY,
  FIELD_PURCHASES,
  FIELD_PROFIT,
  FIELD_SHARE,
  FIELD_NOTES,
  FIELD_RATINGS,
  FIELD_TIER = FIELD_RATINGS + KS_N_CRITERIA,
  N_FIELDS
};

static const char * const plain_columns[] = {
  "name", "name_key", "industry", "region", "owner", "currency",
  "annual_purchases", "profit_contribution", "revenue_share", "notes",
};

G_STATIC_ASSERT (G_N_ELEMENTS (plain_columns) == FIELD_RATINGS);

/* INSERT and UPDATE bind the id as ?1 and the fields from ?2. */
#define FIRST_FIELD_PARAM 2

typedef enum
{
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_INSERT_ACCOUNT,
  STMT_UPDATE_ACCOUNT,
  STMT_DELETE_ACCOUNT,
  STMT_GET_CREATED_AT,
  STMT_NAME_TAKEN,
  STMT_FIND_NAME,
  STMT_SET_SETTING,
  STMT_SNAPSHOT_EXISTS,
  STMT_SNAPSHOT_DELETE,
  STMT_SNAPSHOT_INSERT,
  STMT_SNAPSHOT_QUARTERS,
  STMT_SNAPSHOT_LOAD,
  STMT_MEMBER_SPELLING,
  N_STMTS
} StmtId;

/* Setting keys */
#define SETTING_WEIGHT_SCALE        "weight-scale"
#define SETTING_WEIGHT_STRATEGIC    "weight-strategic"
#define SETTING_WEIGHT_COOPERATION  "weight-cooperation"
#define SETTING_WEIGHT_RELATIONSHIP "weight-relationship"
#define SETTING_CORE_MIN            "tier-core-min"
#define SETTING_KEY_MIN             "tier-key-min"
#define SETTING_DEVELOPING_MIN      "tier-developing-min"
#define SETTING_SPLIT_MODE          "split-mode"
#define SETTING_DEFAULT_CURRENCY    "default-currency"
#define SETTING_COMPANY_NAME        "company-name"
#define SETTING_PAPER_SIZE          "paper-size"

static const char * const weight_keys[KS_N_DIMENSIONS] = {
  SETTING_WEIGHT_SCALE,
  SETTING_WEIGHT_STRATEGIC,
  SETTING_WEIGHT_COOPERATION,
  SETTING_WEIGHT_RELATIONSHIP,
};

static const char * const health_weight_keys[KS_N_HEALTH_COMPONENTS] = {
  [KS_HEALTH_ATTAINMENT] = "health-weight-attainment",
  [KS_HEALTH_ACTIONS] = "health-weight-actions",
  [KS_HEALTH_RISKS] = "health-weight-risks",
  [KS_HEALTH_SATISFACTION] = "health-weight-satisfaction",
  [KS_HEALTH_COMPLAINTS] = "health-weight-complaints",
  [KS_HEALTH_EXECUTIVE] = "health-weight-executive",
};

G_DEFINE_FINAL_TYPE (KsStore, ks_store, G_TYPE_OBJECT)

enum
{
  RULES_CHANGED,
  SNAPSHOTS_CHANGED,
  PLAN_CHANGED,
  PRODUCTS_CHANGED,
  TEAM_CHANGED,
  TEMPLATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76 */
static void
set_str (char       **str_pointer,
         const char  *new_str)
{
  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return;
  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);
}

/* Errors */

/* Maps an SQLite result code to a KS_ERROR naming @path, the file concerned. */
static void
set_sqlite_error (GError     **error,
                  const char  *path,
                  int          rc,
                  const char  *detail)
{
  g_autofree char *display = g_filename_display_name (path);

  if (detail == NULL)
    detail = sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, KS_ERROR, KS_ERROR_READ_ONLY,
                   _("“%s” cannot be written: the file, its folder or the disk is read-only. "
                     "Make it writable or copy the database to a folder you can write to, "
                     "then open it again."),
                   display);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KS_ERROR, KS_ERROR_LOCKED,
                   _("“%s” is in use by another program. Close it and try again."),
                   display);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, KS_ERROR, KS_ERROR_CORRUPT,
                   _("“%s” is damaged or is not a Keystone database. Restore a backup "
                     "from the “backups” folder beside it, or open another file."),
                   display);
      break;

    case SQLITE_FULL:
    case SQLITE_IOERR:
      g_set_error (error, KS_ERROR, KS_ERROR_IO,
                   _("The disk is full or could not be written, so “%s” was not saved. "
                     "Free some space or check the disk, then try again."),
                   display);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is SQLite's own description of the rule */
                   _("The database refused a value that breaks one of its rules (%s). "
                     "Correct the value and try again."),
                   detail);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, KS_ERROR, KS_ERROR_IO,
                   _("“%s” could not be opened (%s). Check that the file and its folder "
                     "exist and that you may read them."),
                   display, detail);
      break;

    default:
      g_set_error (error, KS_ERROR, KS_ERROR_FAILED,
                   _("“%s” could not be read or written (%s)."),
                   display, detail);
      break;
    }
}

void
ks_store_set_db_error (KsStore  *self,
                       int       rc,
                       GError  **error)
{
  set_sqlite_error (error, self->path, rc, self->db ? sqlite3_errmsg (self->db) : NULL);
}

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, KS_ERROR, KS_ERROR_READ_ONLY,
                   _("“%s” cannot be written (%s). Choose a folder you can write to."),
                   display, g_strerror (saved_errno));
      break;

    case ENOSPC:
    case EDQUOT:
    case EIO:
      g_set_error (error, KS_ERROR, KS_ERROR_IO,
                   _("The disk is full or could not be written, so “%s” was not saved. "
                     "Free some space or check the disk, then try again."),
                   display);
      break;

    default:
      g_set_error (error, KS_ERROR, KS_ERROR_FAILED,
                   _("“%s” could not be opened or created (%s). Check the location "
                     "and try again."),
                   display, g_strerror (saved_errno));
      break;
    }
}

static void
set_corrupt_error (GError     **error,
                   const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, KS_ERROR, KS_ERROR_CORRUPT,
               _("“%s” is damaged: SQLite found errors in it. Restore a backup from the "
                 "“backups” folder beside it, or open another file. Keystone has not "
                 "changed it."),
               display);
}

static void
set_not_keystone_error (GError     **error,
                        const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, KS_ERROR, KS_ERROR_CORRUPT,
               _("“%s” is a database of another program, not a Keystone database. "
                 "Open another file."),
               display);
}

/* Prepared statements */

static char *
account_field_columns (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      if (i < FIELD_RATINGS)
        g_string_append (s, plain_columns[i]);
      else if (i < FIELD_TIER)
        g_string_append_printf (s, "r_%s", ks_criterion_get_key (i - FIELD_RATINGS));
      else
        g_string_append (s, "tier_override");
    }

  return g_string_free (s, FALSE);
}

static char *
build_insert_sql (void)
{
  g_autofree char *columns = account_field_columns ();
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "INSERT INTO account (id, %s, created_at, updated_at) VALUES (?1",
                          columns);
  for (guint i = 0; i < N_FIELDS + 2; i++)
    g_string_append_printf (s, ", ?%u", FIRST_FIELD_PARAM + i);
  g_string_append (s, ")");

  return g_string_free (s, FALSE);
}

static char *
build_update_sql (void)
{
  g_auto(GStrv) columns = NULL;
  g_autofree char *joined = account_field_columns ();
  GString *s = g_string_new ("UPDATE account SET ");

  columns = g_strsplit (joined, ", ", -1);
  g_assert (g_strv_length (columns) == N_FIELDS);

  for (guint i = 0; i < N_FIELDS; i++)
    g_string_append_printf (s, "%s = ?%u, ", columns[i], FIRST_FIELD_PARAM + i);
  g_string_append_printf (s, "updated_at = ?%u WHERE id = ?1", FIRST_FIELD_PARAM + N_FIELDS);

  return g_string_free (s, FALSE);
}

static char *
build_statement_sql (StmtId id)
{
  switch (id)
    {
    case STMT_BEGIN:
      return g_strdup ("BEGIN IMMEDIATE");
    case STMT_COMMIT:
      return g_strdup ("COMMIT");
    case STMT_ROLLBACK:
      return g_strdup ("ROLLBACK");
    case STMT_INSERT_ACCOUNT:
      return build_insert_sql ();
    case STMT_UPDATE_ACCOUNT:
      return build_update_sql ();
    case STMT_DELETE_ACCOUNT:
      return g_strdup ("DELETE FROM account WHERE id = ?1");
    case STMT_GET_CREATED_AT:
      return g_strdup ("SELECT created_at FROM account WHERE id = ?1");
    case STMT_NAME_TAKEN:
      return g_strdup ("SELECT 1 FROM account WHERE name_key = ?1 AND id <> ?2 LIMIT 1");
    case STMT_FIND_NAME:
      return g_strdup ("SELECT id FROM account WHERE name_key = ?1 ORDER BY id");
    case STMT_SET_SETTING:
      return g_strdup ("INSERT INTO settings (key, value) VALUES (?1, ?2) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    case STMT_SNAPSHOT_EXISTS:
      return g_strdup ("SELECT 1 FROM snapshot WHERE quarter = ?1 LIMIT 1");
    case STMT_SNAPSHOT_DELETE:
      return g_strdup ("DELETE FROM snapshot WHERE quarter = ?1");
    case STMT_SNAPSHOT_INSERT:
      return g_strdup ("INSERT INTO snapshot (quarter, account_id, value, growth, ka_score, "
                       "tier, quadrant, taken_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    case STMT_SNAPSHOT_QUARTERS:
      /* "YYYY-Qn" sorts as text */
      return g_strdup ("SELECT DISTINCT quarter FROM snapshot ORDER BY quarter DESC");
    case STMT_SNAPSHOT_LOAD:
      return g_strdup ("SELECT account_id, value, growth, ka_score, tier, quadrant "
                       "FROM snapshot WHERE quarter = ?1");
    case STMT_MEMBER_SPELLING:
      return g_strdup (MEMBER_SPELLING_SQL);
    case N_STMTS:
    default:
      g_assert_not_reached ();
    }
}

sqlite3_stmt *
ks_store_prepare_cached (KsStore        *self,
                         sqlite3_stmt  **slot,
                         const char     *sql,
                         GError        **error)
{
  if (*slot == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);

      if (rc != SQLITE_OK)
        {
          ks_store_set_db_error (self, rc, error);
          g_clear_pointer (slot, sqlite3_finalize);
          return NULL;
        }
    }

  sqlite3_reset (*slot);
  sqlite3_clear_bindings (*slot);

  return *slot;
}

/* A cached statement, reset and ready to bind. */
static sqlite3_stmt *
get_stmt (KsStore  *self,
          StmtId    id,
          GError  **error)
{
  g_autofree char *sql = NULL;

  if (self->stmts[id] == NULL)
    sql = build_statement_sql (id);

  return ks_store_prepare_cached (self, &self->stmts[id], sql, error);
}

/* Steps @stmt to the end, sets @error on failure, and resets it either way. */
gboolean
ks_store_step_done (KsStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static gboolean
run_stmt (KsStore  *self,
          StmtId    id,
          GError  **error)
{
  sqlite3_stmt *stmt = get_stmt (self, id, error);

  return stmt != NULL && ks_store_step_done (self, stmt, error);
}

gboolean
ks_store_begin (KsStore  *self,
                GError  **error)
{
  return run_stmt (self, STMT_BEGIN, error);
}

void
ks_store_rollback (KsStore *self)
{
  g_autoptr(GError) error = NULL;

  if (sqlite3_get_autocommit (self->db))
    return;   /* SQLite rolled back already (after SQLITE_FULL, for example) */
  if (!run_stmt (self, STMT_ROLLBACK, &error))
    g_warning ("Could not roll back: %s", error->message);
}

gboolean
ks_store_commit (KsStore  *self,
                 GError  **error)
{
  if (run_stmt (self, STMT_COMMIT, error))
    return TRUE;
  ks_store_rollback (self);
  return FALSE;
}

/* Runs @sql outside the statement cache (setup and migrations). */
static int
exec_sql (sqlite3     *db,
          const char  *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

/* The first column of the first row of @sql as an integer. */
static int
query_int (sqlite3     *db,
           const char  *sql,
           int         *out_value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *out_value = 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return rc;
}

char *
ks_store_now_utc_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Accounts: rows ↔ objects */

static void
bind_string (sqlite3_stmt *stmt,
             int           param,
             const char   *text)
{
  /* Static: the strings outlive the step; the statement is reset right after. */
  sqlite3_bind_text (stmt, param, text != NULL ? text : "", -1, SQLITE_STATIC);
}

static void
bind_account_fields (sqlite3_stmt *stmt,
                     KsAccount    *account)
{
  const guint8 *ratings = ks_account_get_ratings (account);
  int tier = ks_account_get_tier_override (account);
  int p = FIRST_FIELD_PARAM;

  bind_string (stmt, p + FIELD_NAME, ks_account_get_name (account));
  bind_string (stmt, p + FIELD_NAME_KEY, ks_account_get_name_key (account));
  bind_string (stmt, p + FIELD_INDUSTRY, ks_account_get_industry (account));
  bind_string (stmt, p + FIELD_REGION, ks_account_get_region (account));
  bind_string (stmt, p + FIELD_OWNER, ks_account_get_owner (account));
  bind_string (stmt, p + FIELD_CURRENCY, ks_account_get_currency (account));
  sqlite3_bind_int64 (stmt, p + FIELD_PURCHASES, ks_account_get_annual_purchases (account));
  sqlite3_bind_double (stmt, p + FIELD_PROFIT, ks_account_get_profit_contribution (account));
  sqlite3_bind_double (stmt, p + FIELD_SHARE, ks_account_get_revenue_share (account));
  bind_string (stmt, p + FIELD_NOTES, ks_account_get_notes (account));
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    sqlite3_bind_int (stmt, p + FIELD_RATINGS + i, ratings[i]);
  if (tier == KS_TIER_NONE)
    sqlite3_bind_null (stmt, p + FIELD_TIER);
  else
    sqlite3_bind_int (stmt, p + FIELD_TIER, tier);
}

/* @stmt's columns: id, then the fields. The account is scored with the current rules
 * and split: the caller re-scores when it moves the split. */
static KsAccount *
account_from_row (KsStore      *self,
                  sqlite3_stmt *stmt)
{
  KsAccountRow row = { 0, };
  int c = 1;

  /* The texts are SQLite's until the next step: the account copies them. */
  row.name = (char *) column_text (stmt, c + FIELD_NAME);
  row.industry = (char *) column_text (stmt, c + FIELD_INDUSTRY);
  row.region = (char *) column_text (stmt, c + FIELD_REGION);
  row.owner = (char *) column_text (stmt, c + FIELD_OWNER);
  g_strlcpy (row.currency, column_text (stmt, c + FIELD_CURRENCY), sizeof row.currency);
  row.notes = (char *) column_text (stmt, c + FIELD_NOTES);
  row.annual_purchases = sqlite3_column_int64 (stmt, c + FIELD_PURCHASES);
  row.profit_contribution = sqlite3_column_double (stmt, c + FIELD_PROFIT);
  row.revenue_share = sqlite3_column_double (stmt, c + FIELD_SHARE);
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    {
      int rating = sqlite3_column_int (stmt, c + FIELD_RATINGS + i);

      row.ratings[i] = CLAMP (rating, 0, KS_RATING_MAX);
    }
  row.tier_override = KS_TIER_NONE;
  if (sqlite3_column_type (stmt, c + FIELD_TIER) != SQLITE_NULL)
    {
      int tier = sqlite3_column_int (stmt, c + FIELD_TIER);

      row.tier_override = CLAMP (tier, KS_TIER_NONE, KS_N_TIERS - 1);
    }

  return ks_account_new_from_row (sqlite3_column_int64 (stmt, 0), &row, &self->rules,
                                  self->split_value, self->split_growth);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static KsAccount *
lookup (KsStore *self,
        gint64   id)
{
  ks_store_ensure_loaded (self);
  return g_hash_table_lookup (self->by_id, &id);
}

/* Where @id is in the model, or where it would go. */
gboolean
ks_store_find_position (KsStore *self,
                        gint64   id,
                        guint   *position)
{
  guint lo = 0;
  guint hi = ks_account_list_get_length (self->accounts);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 item_id = ks_account_get_id (ks_account_list_get (self->accounts, mid));

      if (item_id == id)
        {
          *position = mid;
          return TRUE;
        }
      if (item_id < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  *position = lo;
  return FALSE;
}

/* Scores */

static void
update_split (KsStore *self)
{
  g_autofree double *values = NULL;
  g_autofree double *growths = NULL;
  GHashTableIter iter;
  gpointer account;
  gsize n = 0;

  if (self->rules.split_mode != KS_SPLIT_MEDIAN)
    {
      self->split_value = 50.0;
      self->split_growth = 50.0;
      return;
    }

  values = g_new (double, g_hash_table_size (self->by_id) + 1);
  growths = g_new (double, g_hash_table_size (self->by_id) + 1);

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &account))
    {
      const guint8 *ratings = ks_account_get_ratings (account);

      values[n] = ks_scoring_value (&self->rules, ratings);
      growths[n] = ks_scoring_growth (ratings);
      n++;
    }

  self->split_value = ks_scoring_median (values, n);
  self->split_growth = ks_scoring_median (growths, n);
}

static void
apply_scores (KsStore   *self,
              KsAccount *account)
{
  ks_account_apply_scores (account, &self->rules, self->split_value, self->split_growth);
}

static void
apply_scores_to_all (KsStore *self)
{
  GHashTableIter iter;
  gpointer account;

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &account))
    apply_scores (self, account);
}

/* After accounts were added, edited or removed: moves the split when the portfolio moved
 * it, and re-scores every account then, else only the @n_changed changed ones. TRUE when
 * the split moved: accounts that did not change may be in another quadrant now, which
 * no items-changed announces, so the caller emits ::rules-changed once the list is
 * up to date (see split_moved()). The split moves quadrants only, never tiers, so the
 * plan summaries (which read the tier) stay as they are. */
static gboolean
refresh_scores (KsStore    *self,
                KsAccount **changed,
                guint       n_changed)
{
  double old_value = self->split_value;
  double old_growth = self->split_growth;

  update_split (self);

  if (old_value != self->split_value || old_growth != self->split_growth)
    {
      apply_scores_to_all (self);
      return TRUE;
    }

  for (guint i = 0; i < n_changed; i++)
    apply_scores (self, changed[i]);
  return FALSE;
}

/* Tells the views, which re-sort and re-filter on ::rules-changed, that quadrants moved. */
static void
split_moved (KsStore *self)
{
  g_signal_emit (self, signals[RULES_CHANGED], 0);
}

void
ks_store_emit_plan_changed (KsStore *self,
                            gint64   account_id)
{
  g_signal_emit (self, signals[PLAN_CHANGED], 0, account_id);
}

void
ks_store_emit_products_changed (KsStore *self)
{
  g_signal_emit (self, signals[PRODUCTS_CHANGED], 0);
}

void
ks_store_emit_team_changed (KsStore *self)
{
  g_signal_emit (self, signals[TEAM_CHANGED], 0);
}

void
ks_store_emit_template_changed (KsStore *self)
{
  g_signal_emit (self, signals[TEMPLATE_CHANGED], 0);
}

/* Settings */

static gboolean
parse_int_setting (const char *text,
                   int         min,
                   int         max,
                   int        *out_value)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    return FALSE;
  *out_value = (int) value;
  return TRUE;
}

static gboolean
load_settings (KsStore  *self,
               GError  **error)
{
  KsScoringRules rules;
  KsHealthWeights health;
  sqlite3_stmt *stmt = NULL;
  int rc;

  ks_scoring_rules_init_default (&rules);
  ks_health_weights_init_default (&health);

  rc = sqlite3_prepare_v2 (self->db, "SELECT key, value FROM settings", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = column_text (stmt, 0);
      const char *value = column_text (stmt, 1);
      gboolean ok = TRUE;

      for (guint i = 0; i < KS_N_DIMENSIONS; i++)
        if (g_str_equal (key, weight_keys[i]))
          ok = parse_int_setting (value, 0, 100, &rules.weights[i]);
      for (guint i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
        if (g_str_equal (key, health_weight_keys[i]))
          ok = parse_int_setting (value, 0, 100, &health.weights[i]);

      if (g_str_equal (key, SETTING_CORE_MIN))
        ok = parse_int_setting (value, 0, 100, &rules.core_min);
      else if (g_str_equal (key, SETTING_KEY_MIN))
        ok = parse_int_setting (value, 0, 100, &rules.key_min);
      else if (g_str_equal (key, SETTING_DEVELOPING_MIN))
        ok = parse_int_setting (value, 0, 100, &rules.developing_min);
      else if (g_str_equal (key, SETTING_SPLIT_MODE))
        {
          if (g_str_equal (value, "median"))
            rules.split_mode = KS_SPLIT_MEDIAN;
          else if (g_str_equal (value, "fixed"))
            rules.split_mode = KS_SPLIT_FIXED;
          else
            ok = FALSE;
        }
      else if (g_str_equal (key, SETTING_DEFAULT_CURRENCY))
        {
          if (ks_currency_is_valid (value))
            set_str (&self->default_currency, value);
          else
            ok = FALSE;
        }
      else if (g_str_equal (key, SETTING_COMPANY_NAME))
        set_str (&self->company_name, value);

      if (!ok)
        g_message ("Ignoring setting %s = “%s”, using the default", key, value);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }

  if (ks_scoring_rules_validate (&rules, NULL))
    self->rules = rules;
  else
    g_message ("The stored scoring rules are inconsistent, using the defaults");

  if (ks_plan_health_weights_validate (&health, NULL))
    self->health_weights = health;
  else
    g_message ("The stored health score weights are inconsistent, using the defaults");

  return TRUE;
}

static gboolean
write_setting (KsStore     *self,
               const char  *key,
               const char  *value,
               GError     **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_SET_SETTING, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return ks_store_step_done (self, stmt, error);
}

static gboolean
write_int_setting (KsStore     *self,
                   const char  *key,
                   int          value,
                   GError     **error)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%d", value);
  return write_setting (self, key, text, error);
}

static gboolean
write_rules (KsStore              *self,
             const KsScoringRules *rules,
             GError              **error)
{
  for (guint i = 0; i < KS_N_DIMENSIONS; i++)
    if (!write_int_setting (self, weight_keys[i], rules->weights[i], error))
      return FALSE;

  return write_int_setting (self, SETTING_CORE_MIN, rules->core_min, error)
    && write_int_setting (self, SETTING_KEY_MIN, rules->key_min, error)
    && write_int_setting (self, SETTING_DEVELOPING_MIN, rules->developing_min, error)
    && write_setting (self, SETTING_SPLIT_MODE,
                      rules->split_mode == KS_SPLIT_MEDIAN ? "median" : "fixed", error);
}

/* Loading */

static gboolean
load_accounts (KsStore  *self,
               GError  **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *columns = account_field_columns ();
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT id, %s FROM account ORDER BY id", columns);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (loaded, account_from_row (self, stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < loaded->len; i++)
    {
      KsAccount *account = g_ptr_array_index (loaded, i);

      g_hash_table_insert (self->by_id, id_key (ks_account_get_id (account)),
                           g_object_ref (account));
    }

  /* Each was scored with the split as it was; re-scored only if the portfolio moves it. */
  refresh_scores (self, NULL, 0);
  ks_store_plan_init_summaries (self);

  ks_account_list_splice (self->accounts, 0, 0, (KsAccount **) loaded->pdata, loaded->len);

  return TRUE;
}

/* The first read of the account table, at opening: the statement that loads the
 * accounts compiles, and its first row comes. */
static gboolean
probe_accounts (KsStore  *self,
                GError  **error)
{
  g_autofree char *columns = account_field_columns ();
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM account ORDER BY id LIMIT 1",
                                          columns);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Opening */

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16)
    | ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* Why the file at @path is not one we may open, before SQLite touches it. */
static gboolean
check_file_header (const char     *path,
                   const GStatBuf *st,
                   GError        **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *wal_path = NULL;
  guint8 header[100];
  guint32 page_size;
  guint32 change_counter;
  guint32 valid_for;
  guint32 n_pages;
  gssize n_read = 0;
  GStatBuf wal_st;
  int fd;

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_FAILED,
                   _("“%s” is a folder or a device, not a database file. Open a file."),
                   display);
      return FALSE;
    }

  if (st->st_size == 0)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_CORRUPT,
                   _("“%s” is empty (zero bytes). It is not a Keystone database; "
                     "open another file or move it away."),
                   display);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }
  while (n_read < (gssize) sizeof header)
    {
      gssize n = read (fd, header + n_read, sizeof header - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      n_read += n;
    }
  g_close (fd, NULL);

  if (n_read < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_CORRUPT,
                   _("“%s” is not a Keystone database (it is not an SQLite database at "
                     "all). Open another file."),
                   display);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  change_counter = read_be32 (header + 24);
  n_pages = read_be32 (header + 28);
  valid_for = read_be32 (header + 92);

  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      set_corrupt_error (error, path);
      return FALSE;
    }

  /* While a checkpoint runs the main file may be short; the WAL beside it still holds
   * the pages, so then only SQLite can tell. */
  wal_path = g_strconcat (path, "-wal", NULL);
  if (st->st_size % page_size != 0
      || (n_pages != 0 && change_counter == valid_for
          && (guint64) st->st_size < (guint64) n_pages * page_size
          && (g_stat (wal_path, &wal_st) != 0 || wal_st.st_size == 0)))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_CORRUPT,
                   _("“%s” is incomplete: the file is shorter than the database it holds, "
                     "so it was probably cut off while being copied or saved. Restore a "
                     "backup or copy the file again. Keystone has not changed it."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_read_only (const char     *path,
              const GStatBuf *st)
{
  /* root passes access(), so a file nobody may write counts as read-only too */
  return (st->st_mode & 0222) == 0 || g_access (path, W_OK) != 0;
}

static gboolean
check_writable (const char     *path,
                const GStatBuf *st,
                GError        **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf dir_st;

  if (is_read_only (path, st))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_READ_ONLY,
                   _("“%s” is read-only. Keystone needs to write to it: make the file "
                     "writable, or copy it to a folder you can write to and open the copy."),
                   display);
      return FALSE;
    }

  /* SQLite writes its journal files beside the database */
  if (g_stat (dir, &dir_st) != 0 || is_read_only (dir, &dir_st))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_READ_ONLY,
                   _("The folder of “%s” is read-only, and Keystone needs to write beside "
                     "the database. Move it to a folder you can write to and open it there."),
                   display);
      return FALSE;
    }

  return TRUE;
}

typedef enum
{
  INSPECT_OK,
  INSPECT_FAILED,
  INSPECT_NEEDS_WRITE,   /* a hot journal: only a writer can look inside */
} InspectResult;

/* Whether @table of @db has every column in @columns (NULL-terminated). */
static int
table_has_columns (sqlite3             *db,
                   const char          *table,
                   const char * const  *columns,
                   gboolean            *out_has)
{
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (present, g_strdup (column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  *out_has = TRUE;
  for (guint i = 0; columns[i] != NULL; i++)
    if (!g_hash_table_contains (present, columns[i]))
      *out_has = FALSE;

  return SQLITE_OK;
}

/* Whether the tables of @db have the columns this version of Keystone reads: a file
 * with our tables' names but not their columns is another program's. */
static int
schema_has_columns (sqlite3  *db,
                    int       version,
                    gboolean *out_has)
{
  static const char * const settings_columns[] = { "key", "value", NULL };
  static const char * const snapshot_columns[] = {
    "quarter", "account_id", "value", "growth", "ka_score", "tier", "quadrant", "taken_at",
    NULL
  };
  static const char * const plan_columns[] = { "account_id", "credit_rating", NULL };
  static const char * const target_columns[] = {
    "account_id", "year", "metric", "idx", "target", "actual", NULL
  };
  static const char * const action_columns[] = {
    "id", "account_id", "title", "owner", "due", "status", "metric", "notes", "created_at",
    "updated_at", NULL
  };
  static const char * const product_columns[] = { "id", "name", "name_key", "position", NULL };
  static const char * const whitespace_columns[] = {
    "account_id", "product_id", "state", "kind", "value", "quarter", "note", NULL
  };
  static const char * const swot_columns[] = {
    "id", "account_id", "kind", "position", "text", NULL
  };
  static const char * const risk_columns[] = {
    "id", "account_id", "category", "severity", "raised", "description", "contingency",
    "closed", NULL
  };
  static const char * const contact_columns[] = {
    "id", "account_id", "name", "title", "layer", "attitude", "influence", "reports_to",
    "phone", "email", "last_contact", "notes", NULL
  };
  static const char * const interaction_columns[] = {
    "id", "account_id", "kind", "date", "our_participants", "notes", "next_step", NULL
  };
  static const char * const interaction_contact_columns[] = {
    "interaction_id", "contact_id", NULL
  };
  static const char * const satisfaction_columns[] = {
    "account_id", "quarter", "score", "nps", NULL
  };
  static const char * const complaint_columns[] = {
    "id", "account_id", "category", "opened_at", "opened_utc", "description", "owner",
    "first_response_at", "root_cause", "resolution", "follow_up_at",
    "follow_up_satisfaction", "closed_at", NULL
  };
  static const struct
  {
    const char *table;
    const char * const *columns;
  } relation_tables[] = {
    { "contact", contact_columns },
    { "interaction", interaction_columns },
    { "interaction_contact", interaction_contact_columns },
    { "satisfaction", satisfaction_columns },
    { "complaint", complaint_columns },
  };
  static const struct
  {
    const char *table;
    const char * const *columns;
  } plan_tables[] = {
    { "account_plan", plan_columns },
    { "target", target_columns },
    { "action", action_columns },
    { "product", product_columns },
    { "whitespace", whitespace_columns },
    { "swot_item", swot_columns },
    { "risk", risk_columns },
  };
  static const char * const member_columns[] = {
    "id", "name", "role", "mentor_id", "notes", NULL
  };
  static const char * const coaching_plan_columns[] = {
    "id", "member_id", "skill", "custom_skill", "start_level", "current_level",
    "target_level", "objective", "start", "due", "status", "coach", NULL
  };
  static const char * const coaching_action_columns[] = {
    "id", "plan_id", "kind", "title", "due", "status", NULL
  };
  static const char * const coaching_session_columns[] = {
    "id", "plan_id", "date", "kind", "rating", "notes", "next_step", NULL
  };
  static const char * const checklist_category_columns[] = { "id", "position", "title", NULL };
  static const char * const checklist_item_columns[] = {
    "id", "category_id", "position", "text", NULL
  };
  static const char * const contract_columns[] = {
    "id", "account_id", "title", "number", "value", "currency", "start_date", "end_date",
    "renewal_notice", "status", "notes", NULL
  };
  static const char * const contract_item_columns[] = {
    "id", "contract_id", "category", "position", "text", "state", "note", "reviewer",
    "reviewed", NULL
  };
  static const struct
  {
    int         since;
    const char *table;
    const char * const *columns;
  } later_tables[] = {
    { 5, "member", member_columns },
    { 5, "coaching_plan", coaching_plan_columns },
    { 5, "coaching_action", coaching_action_columns },
    { 5, "coaching_session", coaching_session_columns },
    { 6, "checklist_category", checklist_category_columns },
    { 6, "checklist_item", checklist_item_columns },
    { 6, "contract", contract_columns },
    { 6, "contract_item", contract_item_columns },
  };
  g_autofree char *fields = account_field_columns ();
  g_autofree char *joined = g_strconcat ("id, ", fields, ", created_at, updated_at", NULL);
  g_auto(GStrv) account_columns = g_strsplit (joined, ", ", -1);
  int rc;

  rc = table_has_columns (db, "account", (const char * const *) account_columns, out_has);
  if (rc == SQLITE_OK && *out_has)
    rc = table_has_columns (db, "settings", settings_columns, out_has);
  if (rc == SQLITE_OK && *out_has && version >= 2)
    rc = table_has_columns (db, "snapshot", snapshot_columns, out_has);
  for (guint i = 0; i < G_N_ELEMENTS (plan_tables) && version >= 3; i++)
    if (rc == SQLITE_OK && *out_has)
      rc = table_has_columns (db, plan_tables[i].table, plan_tables[i].columns, out_has);
  for (guint i = 0; i < G_N_ELEMENTS (relation_tables) && version >= 4; i++)
    if (rc == SQLITE_OK && *out_has)
      rc = table_has_columns (db, relation_tables[i].table, relation_tables[i].columns,
                              out_has);
  for (guint i = 0; i < G_N_ELEMENTS (later_tables); i++)
    if (rc == SQLITE_OK && *out_has && version >= later_tables[i].since)
      rc = table_has_columns (db, later_tables[i].table, later_tables[i].columns, out_has);

  return rc;
}

/* Checks that @db is an intact Keystone database this build can open.
 * A read-only connection that meets an interrupted transaction cannot roll it back. */
static InspectResult
inspect_database (const char  *path,
                  sqlite3     *db,
                  int         *out_version,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *display = g_filename_display_name (path);
  int version = 0;
  int app_id = 0;
  int n_tables = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (result, "ok") != 0)
            {
              sqlite3_finalize (stmt);
              set_corrupt_error (error, path);
              return INSPECT_FAILED;
            }
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA application_id", &app_id);
  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA user_version", &version);

  if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY)
    return INSPECT_NEEDS_WRITE;
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      set_corrupt_error (error, path);
      return INSPECT_FAILED;
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, path, rc, sqlite3_errmsg (db));
      return INSPECT_FAILED;
    }

  if (app_id != 0 && app_id != KS_APPLICATION_ID)
    {
      set_not_keystone_error (error, path);
      return INSPECT_FAILED;
    }

  if (version > KS_SCHEMA_VERSION)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_NEWER_SCHEMA,
                   _("“%s” was made by a newer version of Keystone. Update Keystone to open "
                     "it; this version has not changed it."),
                   display);
      return INSPECT_FAILED;
    }

  if (version == 0)
    rc = query_int (db, "SELECT count(*) FROM sqlite_master", &n_tables);
  else
    rc = query_int (db,
                    "SELECT count(*) FROM sqlite_master "
                    "WHERE type = 'table' AND name IN ('account', 'settings')",
                    &n_tables);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, path, rc, sqlite3_errmsg (db));
      return INSPECT_FAILED;
    }

  /* Version 0 is a new, empty database; anything in it belongs to another program. */
  if ((version == 0 && n_tables != 0) || (version > 0 && n_tables != 2))
    {
      set_not_keystone_error (error, path);
      return INSPECT_FAILED;
    }

  /* The account and settings tables have had these columns since version 1, so an
   * older file is checked before its migration too: one that is not ours is refused
   * before anything is written. A migration that changes them must move this check. */
  if (version >= 1)
    {
      gboolean has_columns = FALSE;

      rc = schema_has_columns (db, version, &has_columns);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, path, rc, sqlite3_errmsg (db));
          return INSPECT_FAILED;
        }
      if (!has_columns)
        {
          set_not_keystone_error (error, path);
          return INSPECT_FAILED;
        }
    }

  *out_version = version;
  return INSPECT_OK;
}

/* Looks inside an existing file without being able to change it. */
static InspectResult
inspect_read_only (const char  *path,
                   int         *out_version,
                   GError     **error)
{
  sqlite3 *db = NULL;
  InspectResult result;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, path, rc, db ? sqlite3_errmsg (db) : NULL);
      sqlite3_close (db);
      return INSPECT_FAILED;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (db, 1000);

  result = inspect_database (path, db, out_version, error);
  sqlite3_close (db);

  return result;
}

/* Opens the connection we keep. Until it is known to be ours to write, nothing may
 * reach the main file: no checkpoint on close, no journal mode change. */
static gboolean
open_read_write (KsStore   *self,
                 gboolean   inspect,
                 int       *version,
                 GError   **error)
{
  int rc;

  /* The store's connection is used by one thread at a time: the one that opens it (the
   * application's start-up opens it on a worker, then hands it over to the main
   * thread once that worker is done) and then the main thread; imports and backups in
   * workers open their own. So no mutex around every call, which loading 100 000
   * accounts makes millions of. */
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      ks_store_set_db_error (self, rc, error);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (self->db, 1000);

  if (inspect && inspect_database (self->path, self->db, version, error) != INSPECT_OK)
    {
      if (error != NULL && *error == NULL)
        set_corrupt_error (error, self->path);
      return FALSE;
    }

  rc = exec_sql (self->db, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }
  exec_sql (self->db, "ROLLBACK");

  return TRUE;
}

/* The file is ours now: switch to WAL and the settings we run with. */
static gboolean
configure_connection (KsStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (g_ascii_strcasecmp (column_text (stmt, 0), "wal") != 0)
            g_debug ("%s stays in journal mode %s", self->path, column_text (stmt, 0));
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK)
    rc = exec_sql (self->db, "PRAGMA foreign_keys = ON");
  if (rc != SQLITE_OK)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  return TRUE;
}

/* Takes @db from @version to KS_SCHEMA_VERSION, one transaction per step. */
static int
run_migrations (sqlite3  *db,
                int       version,
                char    **detail_out)
{
  for (int v = version; v < KS_SCHEMA_VERSION; v++)
    {
      /* A pragma takes no parameters; the number comes from this file. */
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      int rc;

      rc = exec_sql (db, "BEGIN IMMEDIATE");
      if (rc == SQLITE_OK)
        rc = exec_sql (db, migrations[v]);
      if (rc == SQLITE_OK && v < (int) G_N_ELEMENTS (migration_seeds)
          && migration_seeds[v] != NULL)
        rc = migration_seeds[v] (db);
      if (rc == SQLITE_OK)
        rc = exec_sql (db, set_version);
      if (rc == SQLITE_OK)
        rc = exec_sql (db, "COMMIT");

      if (rc != SQLITE_OK)
        {
          /* What went wrong, read before the rollback replaces it with "not an error". */
          if (detail_out != NULL)
            *detail_out = g_strdup (sqlite3_errmsg (db));
          if (!sqlite3_get_autocommit (db))
            exec_sql (db, "ROLLBACK");
          return rc;
        }
    }

  return SQLITE_OK;
}

static gboolean
migrate (KsStore  *self,
         int       version,
         GError  **error)
{
  g_autofree char *detail = NULL;
  gboolean has_columns = FALSE;
  int rc;

  if (version >= KS_SCHEMA_VERSION)
    return TRUE;

  if (version >= 1)
    {
      g_autofree char *backup = ks_store_backup (self, error);

      if (backup == NULL)
        return FALSE;
    }

  rc = run_migrations (self->db, version, &detail);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->path, rc, detail);
      return FALSE;
    }
  rc = schema_has_columns (self->db, KS_SCHEMA_VERSION, &has_columns);
  if (rc != SQLITE_OK)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }
  if (!has_columns)
    {
      set_not_keystone_error (error, self->path);
      return FALSE;
    }

  return TRUE;
}

static void
close_database (KsStore *self)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  ks_store_plan_close (self);
  ks_store_relations_close (self);
  ks_store_team_close (self);
  ks_store_contracts_close (self);

  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;
}

static void
remove_new_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Makes a new database at @path: created, migrated and switched to WAL under a
 * temporary name in the same folder, then put in place in one step, so that a crash
 * during the first run leaves no half-made file that every later start would refuse.
 * FALSE with *@exists set when another program made @path meanwhile. */
static gboolean
create_database (const char  *path,
                 gboolean    *exists,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *tmp_path = NULL;
  g_autofree char *detail = NULL;
  sqlite3 *db = NULL;
  GStatBuf dir_st;
  int saved_errno;
  int fd;
  int rc;

  *exists = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_errno_error (error, dir, errno);
      return FALSE;
    }

  if (g_stat (dir, &dir_st) != 0 || is_read_only (dir, &dir_st))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_READ_ONLY,
                   _("The folder of “%s” is read-only, so the database cannot be created "
                     "there. Choose a folder you can write to."),
                   display);
      return FALSE;
    }

  tmp_path = g_strconcat (path, ".new-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR, 0600);
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }
  /* the umask only takes bits away, but make sure */
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not chmod %s: %s", tmp_path, g_strerror (errno));
  g_close (fd, NULL);

  rc = sqlite3_open_v2 (tmp_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      rc = run_migrations (db, 0, &detail);
    }
  /* Closing the last connection checkpoints and removes the WAL: one file is left. */
  if (rc == SQLITE_OK)
    rc = exec_sql (db, "PRAGMA journal_mode = WAL");
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, path, rc,
                        detail != NULL ? detail : db != NULL ? sqlite3_errmsg (db) : NULL);
      sqlite3_close (db);
      remove_new_database (tmp_path);
      return FALSE;
    }
  rc = sqlite3_close (db);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, path, rc, NULL);
      remove_new_database (tmp_path);
      return FALSE;
    }

  /* A link never replaces a file: whatever appeared at @path meanwhile stays. File
   * systems without links get a rename, after a last look. */
  if (link (tmp_path, path) == 0)
    {
      g_unlink (tmp_path);
      return TRUE;
    }
  saved_errno = errno;
  if (saved_errno == EEXIST || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      remove_new_database (tmp_path);
      *exists = TRUE;
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      remove_new_database (tmp_path);
      set_errno_error (error, path, saved_errno);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_database (KsStore  *self,
               gboolean *created,
               GError  **error)
{
  InspectResult inspected;
  GStatBuf st;
  int version = 0;

  *created = FALSE;

  if (g_stat (self->path, &st) != 0)
    {
      int saved_errno = errno;
      gboolean exists = FALSE;

      if (saved_errno != ENOENT)
        {
          set_errno_error (error, self->path, saved_errno);
          return FALSE;
        }

      if (create_database (self->path, &exists, error))
        *created = TRUE;
      else if (!exists)
        return FALSE;

      if (g_stat (self->path, &st) != 0)
        {
          set_errno_error (error, self->path, errno);
          return FALSE;
        }
    }

  /* A new file, made above, is looked at like any other. */
  if (!check_file_header (self->path, &st, error)
      || !check_writable (self->path, &st, error))
    return FALSE;

  inspected = inspect_read_only (self->path, &version, error);
  if (inspected == INSPECT_FAILED)
    return FALSE;

  if (!open_read_write (self, inspected == INSPECT_NEEDS_WRITE, &version, error))
    return FALSE;

  /* Only a file that migrated and was read is switched to WAL (which rewrites its
   * header): a file refused on the way stays byte for byte as it was. */
  return migrate (self, version, error)
    && load_settings (self, error)
    && probe_accounts (self, error)
    && configure_connection (self, error);
}

/* The accounts, read once on first use. ks_store_open() checked the file already, so
 * a failure here is a disk failing under us: said, and the list stays empty. */
void
ks_store_ensure_loaded (KsStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loaded || self->db == NULL)
    return;

  self->loaded = TRUE;
  if (!load_accounts (self, &error))
    g_warning ("Could not read the accounts of %s: %s", self->path, error->message);
}

/* GObject */

/* The accounts changed: the order prepared for the portfolio is not theirs. */
static void
drop_score_order (KsStore *self)
{
  g_signal_handlers_disconnect_by_func (self->accounts, drop_score_order, self);
  g_clear_pointer (&self->score_order, g_ptr_array_unref);
}

static void
ks_store_dispose (GObject *object)
{
  KsStore *self = KS_STORE (object);

  if (self->score_order != NULL)
    drop_score_order (self);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (ks_store_parent_class)->dispose (object);
}

static void
ks_store_finalize (GObject *object)
{
  KsStore *self = KS_STORE (object);

  close_database (self);

  g_clear_pointer (&self->stmts, g_free);
  g_clear_pointer (&self->plan_stmts, g_free);
  g_clear_pointer (&self->relation_stmts, g_free);
  g_clear_pointer (&self->team_stmts, g_free);
  g_clear_pointer (&self->contract_stmts, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->deleted_created_at, g_hash_table_unref);
  g_clear_pointer (&self->default_currency, g_free);
  g_clear_pointer (&self->company_name, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ks_store_parent_class)->finalize (object);
}

static void
ks_store_class_init (KsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ks_store_dispose;
  object_class->finalize = ks_store_finalize;

  /**
   * KsStore::rules-changed:
   *
   * The scoring rules or the health score's weights changed and every account was
   * re-scored (and its plan summary recomputed); or, with the split at
   * the portfolio medians, an added, edited, deleted or imported account moved the
   * medians, so accounts may be in other quadrants without an items-changed saying so.
   * Views re-sort and re-filter.
   */
  signals[RULES_CHANGED] =
    g_signal_new ("rules-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * KsStore::snapshots-changed:
   *
   * A quarterly snapshot was taken, replaced or deleted.
   */
  signals[SNAPSHOTS_CHANGED] =
    g_signal_new ("snapshots-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * KsStore::plan-changed:
   * @account_id: the account whose plan changed, or 0 when several did (a product
   *   deleted or put back changes every account's whitespace)
   *
   * An account's plan was changed, or put back with its account. Its plan summary was
   * recomputed first, and the account announced by items-changed when the summary
   * changed. Views of the plan load it again.
   */
  signals[PLAN_CHANGED] =
    g_signal_new ("plan-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * KsStore::products-changed:
   *
   * A product was added, renamed, moved, deleted or put back: the columns of every
   * whitespace grid changed (ks_store_dup_products()).
   */
  signals[PRODUCTS_CHANGED] =
    g_signal_new ("products-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * KsStore::team-changed:
   *
   * A team member, a coaching plan or anything in one was added, changed, deleted or
   * put back (an account owner new to the team counts too). Views of the team read
   * it again.
   */
  signals[TEAM_CHANGED] =
    g_signal_new ("team-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * KsStore::template-changed:
   *
   * The contract checklist template changed. Existing contracts did not: they keep
   * the items they were made with.
   */
  signals[TEMPLATE_CHANGED] =
    g_signal_new ("template-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ks_store_init (KsStore *self)
{
  self->stmts = g_new0 (sqlite3_stmt *, N_STMTS);
  ks_store_plan_init (self);
  ks_store_relations_init (self);
  ks_store_team_init (self);
  ks_store_contracts_init (self);
  ks_health_weights_init_default (&self->health_weights);
  self->accounts = ks_account_list_new ();
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->deleted_created_at = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                    g_free, g_free);
  ks_scoring_rules_init_default (&self->rules);
  self->default_currency = g_strdup ("CNY");
  self->company_name = g_strdup ("");
  self->split_value = 50.0;
  self->split_growth = 50.0;
}

/* Public API */

char *
ks_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "keystone", "keystone.db", NULL);
}

KsStore *
ks_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(KsStore) self = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KS_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);

  if (!open_database (self, &created, error))
    {
      close_database (self);
      if (created)
        remove_new_database (self->path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
ks_store_get_path (KsStore *self)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  return self->path;
}

GListModel *
ks_store_get_accounts (KsStore *self)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  ks_store_ensure_loaded (self);
  return G_LIST_MODEL (self->accounts);
}

static int
compare_score_order (gconstpointer a,
                     gconstpointer b)
{
  KsAccount *first = *(KsAccount * const *) a;
  KsAccount *second = *(KsAccount * const *) b;
  double x = ks_account_get_ka_score (first);
  double y = ks_account_get_ka_score (second);

  if (x != y)
    return x > y ? -1 : 1;
  return (first > second) - (first < second);
}

void
ks_store_prepare_score_order (KsStore *self)
{
  guint n;

  g_return_if_fail (KS_IS_STORE (self));

  ks_store_ensure_loaded (self);
  if (self->accounts == NULL || self->score_order != NULL)
    return;

  n = ks_account_list_get_length (self->accounts);
  self->score_order = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->score_order, g_object_ref (ks_account_list_get (self->accounts, i)));
  g_ptr_array_sort (self->score_order, compare_score_order);
  g_signal_connect_swapped (self->accounts, "items-changed",
                            G_CALLBACK (drop_score_order), self);
}

GPtrArray *
ks_store_take_score_order (KsStore *self)
{
  GPtrArray *order;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  if (self->score_order == NULL)
    return NULL;
  order = g_steal_pointer (&self->score_order);
  g_signal_handlers_disconnect_by_func (self->accounts, drop_score_order, self);
  return order;
}

guint
ks_store_get_n_accounts (KsStore *self)
{
  g_return_val_if_fail (KS_IS_STORE (self), 0);

  ks_store_ensure_loaded (self);
  return ks_account_list_get_length (self->accounts);
}

KsAccount *
ks_store_lookup_account (KsStore *self,
                         gint64   id)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  return lookup (self, id);
}

KsAccount *
ks_store_find_account_by_name (KsStore    *self,
                               const char *name)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  KsAccount *found = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = ks_account_fold (name);
  if (key == NULL || *key == '\0')
    return NULL;

  stmt = get_stmt (self, STMT_FIND_NAME, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  while (found == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    found = lookup (self, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return found;
}

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  const char *owner_a = *(char * const *) a;
  const char *owner_b = *(char * const *) b;
  int cmp = g_utf8_collate (owner_a, owner_b);

  return cmp != 0 ? cmp : strcmp (owner_a, owner_b);
}

GStrv
ks_store_dup_owners (KsStore *self)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) owners = NULL;
  GHashTableIter iter;
  gpointer account;
  gpointer owner;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  ks_store_ensure_loaded (self);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &account))
    {
      const char *name = ks_account_get_owner (account);

      if (name != NULL && *name != '\0')
        g_hash_table_add (seen, (gpointer) name);
    }

  owners = g_ptr_array_new_full (g_hash_table_size (seen) + 1, g_free);
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &owner, NULL))
    g_ptr_array_add (owners, g_strdup (owner));

  g_ptr_array_sort (owners, compare_owners);
  g_ptr_array_add (owners, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&owners), FALSE);
}

/* Whether another account than @except_id already has @account's name. */
static gboolean
check_name_free (KsStore    *self,
                 KsAccount  *account,
                 gint64      except_id,
                 GError    **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_NAME_TAKEN, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_string (stmt, 1, ks_account_get_name_key (account));
  sqlite3_bind_int64 (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ks_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_DUPLICATE,
                   _("An account named “%s” already exists."),
                   ks_account_get_name (account));
      return FALSE;
    }

  return rc == SQLITE_DONE;
}

/* Gives @account's owner the spelling of the team member of that name, whatever its
 * case ("li wei" → "Li Wei"), or trims it when no member has it: then the owner trigger
 * makes them one, and *@new_member says so. Inside the transaction that saves the
 * account. The owner it had goes to *@original_out when it changed (for
 * restore_owner() if the save fails), else NULL. */
static gboolean
spell_owner (KsStore    *self,
             KsAccount  *account,
             char      **original_out,
             gboolean   *new_member,
             GError    **error)
{
  const char *owner = ks_account_get_owner (account);
  g_autofree char *stripped = NULL;
  g_autofree char *spelled = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *original_out = NULL;
  *new_member = FALSE;
  if (owner == NULL || *owner == '\0')
    return TRUE;

  stripped = g_strstrip (g_strdup (owner));
  if (*stripped != '\0')
    {
      stmt = get_stmt (self, STMT_MEMBER_SPELLING, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        spelled = g_strdup (column_text (stmt, 0));
      else if (rc != SQLITE_DONE)
        ks_store_set_db_error (self, rc, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return FALSE;
      *new_member = spelled == NULL;
    }
  if (spelled == NULL)
    spelled = g_steal_pointer (&stripped);

  if (!g_str_equal (spelled, owner))
    {
      *original_out = g_strdup (owner);
      ks_account_set_owner (account, spelled);
    }
  return TRUE;
}

/* Undoes spell_owner() after a save that failed. */
static void
restore_owner (KsAccount *account,
               char      *original)
{
  if (original != NULL)
    ks_account_set_owner (account, original);
}

/* INSERTs @account; with @id ≤ 0 SQLite picks the id. */
static gboolean
insert_account (KsStore    *self,
                KsAccount  *account,
                gint64      id,
                const char *created_at,
                const char *updated_at,
                gint64     *out_id,
                GError    **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_INSERT_ACCOUNT, error);

  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_account_fields (stmt, account);
  sqlite3_bind_text (stmt, FIRST_FIELD_PARAM + N_FIELDS, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, FIRST_FIELD_PARAM + N_FIELDS + 1, updated_at, -1, SQLITE_STATIC);

  if (!ks_store_step_done (self, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Puts @account, already saved, into the model, with the summary of @plan (NULL: none)
 * as its tier, just scored, makes it. */
static void
take_account (KsStore             *self,
              KsAccount           *account,
              const KsAccountPlan *plan)
{
  KsPlanSummary summary;
  guint position;
  gboolean moved;

  g_hash_table_insert (self->by_id, id_key (ks_account_get_id (account)),
                       g_object_ref (account));
  moved = refresh_scores (self, &account, 1);
  ks_store_plan_summarize (self, account, plan, &summary);
  ks_account_set_plan_summary (account, &summary);

  ks_store_find_position (self, ks_account_get_id (account), &position);
  ks_account_list_insert (self->accounts, position, account);

  if (moved)
    split_moved (self);
}

gboolean
ks_store_add_account (KsStore    *self,
                      KsAccount  *account,
                      GError    **error)
{
  g_autofree char *now = NULL;
  g_autofree char *original_owner = NULL;
  gboolean new_member = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (lookup (self, ks_account_get_id (account)) != account, FALSE);

  if (!ks_account_validate (account, error))
    return FALSE;

  now = ks_store_now_utc_iso8601 ();

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!check_name_free (self, account, 0, error)
      || !spell_owner (self, account, &original_owner, &new_member, error)
      || !insert_account (self, account, 0, now, now, &id, error))
    {
      ks_store_rollback (self);
      restore_owner (account, original_owner);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    {
      restore_owner (account, original_owner);
      return FALSE;
    }

  ks_account_set_id (account, id);
  take_account (self, account, NULL);
  if (new_member)
    ks_store_emit_team_changed (self);

  return TRUE;
}

static void
set_not_found_error (GError    **error,
                     KsAccount  *account)
{
  g_set_error (error, KS_ERROR, KS_ERROR_NOT_FOUND,
               _("The account “%s” no longer exists; it was deleted. Your changes to it "
                 "cannot be saved."),
               ks_account_get_name (account));
}

/* The store's own object for @account's id, referenced, or NULL and NOT_FOUND. */
static KsAccount *
ref_live_account (KsStore    *self,
                  KsAccount  *account,
                  GError    **error)
{
  KsAccount *live = lookup (self, ks_account_get_id (account));

  if (live == NULL)
    {
      set_not_found_error (error, account);
      return NULL;
    }
  return g_object_ref (live);
}

gboolean
ks_store_update_account (KsStore    *self,
                         KsAccount  *edited,
                         GError    **error)
{
  g_autoptr(KsAccount) live = NULL;
  g_autofree char *now = NULL;
  g_autofree char *original_owner = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  guint position;
  gboolean moved;
  gboolean was_key;
  gboolean new_member = FALSE;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KS_IS_ACCOUNT (edited), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = ks_account_get_id (edited);
  live = ref_live_account (self, edited, error);
  if (live == NULL)
    return FALSE;
  was_key = ks_store_plan_is_key_account (live);

  if (!ks_account_validate (edited, error))
    return FALSE;

  now = ks_store_now_utc_iso8601 ();

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!check_name_free (self, edited, id, error)
      || !spell_owner (self, edited, &original_owner, &new_member, error)
      || (stmt = get_stmt (self, STMT_UPDATE_ACCOUNT, error)) == NULL)
    {
      ks_store_rollback (self);
      restore_owner (edited, original_owner);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  bind_account_fields (stmt, edited);
  sqlite3_bind_text (stmt, FIRST_FIELD_PARAM + N_FIELDS, now, -1, SQLITE_STATIC);
  if (!ks_store_step_done (self, stmt, error))
    {
      ks_store_rollback (self);
      restore_owner (edited, original_owner);
      return FALSE;
    }
  if (sqlite3_changes (self->db) != 1)
    {
      /* another program deleted the row */
      ks_store_rollback (self);
      restore_owner (edited, original_owner);
      set_not_found_error (error, edited);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    {
      restore_owner (edited, original_owner);
      return FALSE;
    }

  if (live != edited)
    ks_account_assign (live, edited);
  moved = refresh_scores (self, (KsAccount **) &live, 1);
  /* Executive coverage is watched for Core and Key accounts only: a new tier may add
   * or clear that alert. The splice below announces it. */
  if (ks_store_plan_is_key_account (live) != was_key)
    ks_store_plan_update_summary (self, live);

  /* The same object in place: sorted and filtered views look at it again. */
  if (ks_store_find_position (self, id, &position))
    ks_account_list_splice (self->accounts, position, 1, &live, 1);

  if (moved)
    split_moved (self);
  if (new_member)
    ks_store_emit_team_changed (self);

  return TRUE;
}

gboolean
ks_store_remove_account (KsStore        *self,
                         KsAccount      *account,
                         KsAccountPlan **plan_out,
                         GError        **error)
{
  g_autoptr(KsAccount) live = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autofree char *created_at = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  guint position;

  id = ks_account_get_id (account);
  live = ref_live_account (self, account, error);
  if (live == NULL)
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;

  stmt = get_stmt (self, STMT_GET_CREATED_AT, error);
  if (stmt == NULL)
    {
      ks_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    created_at = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (plan_out != NULL)
    {
      plan = ks_store_plan_read (self, id, error);
      if (plan == NULL)
        {
          ks_store_rollback (self);
          return FALSE;
        }
    }

  /* The plan's rows go with it: ON DELETE CASCADE. */
  stmt = get_stmt (self, STMT_DELETE_ACCOUNT, error);
  if (stmt == NULL)
    {
      ks_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ks_store_step_done (self, stmt, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  if (created_at != NULL)
    g_hash_table_insert (self->deleted_created_at, id_key (id), g_steal_pointer (&created_at));

  if (ks_store_find_position (self, id, &position))
    ks_account_list_remove (self->accounts, position);
  g_hash_table_remove (self->by_id, &id);
  if (refresh_scores (self, NULL, 0))
    split_moved (self);

  if (plan_out != NULL)
    *plan_out = g_steal_pointer (&plan);

  return TRUE;
}

gboolean
ks_store_delete_account (KsStore    *self,
                         KsAccount  *account,
                         GError    **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ks_store_remove_account (self, account, NULL, error);
}

gboolean
ks_store_put_back_account (KsStore             *self,
                           KsAccount           *account,
                           const KsAccountPlan *plan,
                           GError             **error)
{
  g_autofree char *now = NULL;
  g_autofree char *original_owner = NULL;
  const char *created_at;
  gint64 id;
  gint64 new_id = 0;
  gboolean new_member = FALSE;

  id = ks_account_get_id (account);
  if (lookup (self, id) != NULL)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_DUPLICATE,
                   _("The account “%s” cannot be put back: it is in the list already."),
                   ks_account_get_name (account));
      return FALSE;
    }

  if (!ks_account_validate (account, error)
      || (plan != NULL && !ks_store_plan_validate (plan, error)))
    return FALSE;

  now = ks_store_now_utc_iso8601 ();
  created_at = g_hash_table_lookup (self->deleted_created_at, &id);
  if (created_at == NULL)
    created_at = now;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!check_name_free (self, account, id, error)
      || !spell_owner (self, account, &original_owner, &new_member, error)
      || !insert_account (self, account, id, created_at, now, &new_id, error)
      || (plan != NULL && !ks_store_plan_write (self, id, plan, error)))
    {
      ks_store_rollback (self);
      restore_owner (account, original_owner);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    {
      restore_owner (account, original_owner);
      return FALSE;
    }

  g_assert (new_id == id);
  g_hash_table_remove (self->deleted_created_at, &id);

  /* In the model with its summary already: its insertion announces it. */
  take_account (self, account, plan);

  if (plan != NULL && !ks_account_plan_is_empty (plan))
    ks_store_emit_plan_changed (self, id);
  if (new_member)
    ks_store_emit_team_changed (self);

  return TRUE;
}

gboolean
ks_store_restore_account (KsStore    *self,
                          KsAccount  *account,
                          GError    **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (ks_account_get_id (account) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ks_store_put_back_account (self, account, NULL, error);
}

/* Import */

/* The stored fields each column of a file stands for; -1 for the computed ones. */
static int
column_field (KsColumn column)
{
  switch (column)
    {
    case KS_COLUMN_NAME:
      return FIELD_NAME;
    case KS_COLUMN_INDUSTRY:
      return FIELD_INDUSTRY;
    case KS_COLUMN_REGION:
      return FIELD_REGION;
    case KS_COLUMN_OWNER:
      return FIELD_OWNER;
    case KS_COLUMN_CURRENCY:
      return FIELD_CURRENCY;
    case KS_COLUMN_ANNUAL_PURCHASES:
      return FIELD_PURCHASES;
    case KS_COLUMN_PROFIT_CONTRIBUTION:
      return FIELD_PROFIT;
    case KS_COLUMN_REVENUE_SHARE:
      return FIELD_SHARE;
    case KS_COLUMN_NOTES:
      return FIELD_NOTES;
    case KS_COLUMN_TIER_OVERRIDE:
      return FIELD_TIER;
    case KS_COLUMN_KA_SCORE:
    case KS_COLUMN_TIER:
    case KS_COLUMN_QUADRANT:
    case KS_COLUMN_IGNORE:
    case KS_N_COLUMNS:
      return -1;
    default:
      g_assert (column >= KS_COLUMN_RATING_FIRST && column <= KS_COLUMN_RATING_LAST);
      return FIELD_RATINGS + (column - KS_COLUMN_RATING_FIRST);
    }
}

/* “UPDATE account SET <the fields of @present> … WHERE id = ?1”, with the parameter
 * numbers of the INSERT, so one binding serves both. */
static char *
build_import_update_sql (guint present)
{
  g_auto(GStrv) columns = NULL;
  g_autofree char *joined = account_field_columns ();
  GString *s = g_string_new ("UPDATE account SET ");

  columns = g_strsplit (joined, ", ", -1);
  g_assert (g_strv_length (columns) == N_FIELDS);

  for (KsColumn c = 0; c < KS_N_COLUMNS; c++)
    {
      int field = column_field (c);

      if ((present & (1u << c)) == 0 || field < 0)
        continue;
      g_string_append_printf (s, "%s = ?%d, ", columns[field], FIRST_FIELD_PARAM + field);
      if (field == FIELD_NAME)
        g_string_append_printf (s, "%s = ?%d, ", columns[FIELD_NAME_KEY],
                                FIRST_FIELD_PARAM + FIELD_NAME_KEY);
    }
  /* The INSERT's updated_at: the largest parameter number, so every binding fits. */
  g_string_append_printf (s, "updated_at = ?%d WHERE id = ?1",
                          FIRST_FIELD_PARAM + N_FIELDS + 1);

  return g_string_free (s, FALSE);
}

/* A Bloom filter of the name keys in the table: a key it has never seen is certainly
 * new, so a large import asks SQLite only about the few it may have seen. */
typedef struct
{
  guint64 *bits;
  guint64 mask;    /* number of bits - 1, a power of two */
} KeyFilter;

#define KEY_FILTER_BITS_PER_KEY 16
#define KEY_FILTER_PROBES 4

static void
key_filter_init (KeyFilter *filter,
                 guint64    n_keys)
{
  guint64 n_bits = 1024;

  while (n_bits < n_keys * KEY_FILTER_BITS_PER_KEY)
    n_bits <<= 1;
  filter->bits = g_new0 (guint64, n_bits / 64);
  filter->mask = n_bits - 1;
}

/* FNV-1a, 64 bits: two 32-bit hashes for double hashing. */
static guint64
key_hash (const char *key)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (const guchar *p = (const guchar *) key; *p != '\0'; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (1099511628211);

  return h;
}

static void
key_filter_add (KeyFilter  *filter,
                const char *key)
{
  guint64 h = key_hash (key);
  guint64 h1 = h & 0xffffffff;
  guint64 h2 = (h >> 32) | 1;

  for (guint i = 0; i < KEY_FILTER_PROBES; i++)
    {
      guint64 bit = (h1 + i * h2) & filter->mask;

      filter->bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
    }
}

static gboolean
key_filter_may_contain (KeyFilter  *filter,
                        const char *key)
{
  guint64 h = key_hash (key);
  guint64 h1 = h & 0xffffffff;
  guint64 h2 = (h >> 32) | 1;

  for (guint i = 0; i < KEY_FILTER_PROBES; i++)
    {
      guint64 bit = (h1 + i * h2) & filter->mask;

      if ((filter->bits[bit / 64] & (G_GUINT64_CONSTANT (1) << (bit % 64))) == 0)
        return FALSE;
    }

  return TRUE;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

struct _KsStoreImport
{
  sqlite3 *db;
  char *path;
  KsDuplicates duplicates;
  char *now;                 /* created_at and updated_at of every row */
  sqlite3_stmt *insert;
  sqlite3_stmt *find;
  sqlite3_stmt *spelling;    /* MEMBER_SPELLING_SQL */
  GHashTable *owners;        /* an owner as the file has it → as it is saved */
  GHashTable *updates;       /* GUINT_TO_POINTER (present) → sqlite3_stmt */
  gboolean use_filter;
  KeyFilter filter;
  gboolean finished;         /* committed or rolled back: only free is left */
  guint imported;
  guint updated;
  guint skipped;
  GPtrArray *skipped_reasons;   /* char *, translated */
};

/* Sets @error from SQLite's last error on the import's connection. */
static gboolean
import_fail (KsStoreImport  *import,
             int             rc,
             GError        **error)
{
  set_sqlite_error (error, import->path, rc, sqlite3_errmsg (import->db));
  return FALSE;
}

static sqlite3_stmt *
import_prepare (KsStoreImport  *import,
                const char     *sql,
                GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (import->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      import_fail (import, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

static sqlite3_stmt *
import_get_update (KsStoreImport  *import,
                   guint           present,
                   GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (import->updates, GUINT_TO_POINTER (present));

  if (stmt == NULL)
    {
      g_autofree char *sql = build_import_update_sql (present);

      stmt = import_prepare (import, sql, error);
      if (stmt == NULL)
        return NULL;
      g_hash_table_insert (import->updates, GUINT_TO_POINTER (present), stmt);
    }

  return stmt;
}

/* @owner is the row's, as import_spell_owner() gives it. */
static void
bind_row_fields (sqlite3_stmt       *stmt,
                 const KsAccountRow *row,
                 const char         *name_key,
                 const char         *owner,
                 const char         *now)
{
  int p = FIRST_FIELD_PARAM;

  bind_string (stmt, p + FIELD_NAME, row->name);
  bind_string (stmt, p + FIELD_NAME_KEY, name_key);
  bind_string (stmt, p + FIELD_INDUSTRY, row->industry);
  bind_string (stmt, p + FIELD_REGION, row->region);
  bind_string (stmt, p + FIELD_OWNER, owner);
  sqlite3_bind_text (stmt, p + FIELD_CURRENCY, row->currency, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, p + FIELD_PURCHASES, row->annual_purchases);
  sqlite3_bind_double (stmt, p + FIELD_PROFIT, row->profit_contribution);
  sqlite3_bind_double (stmt, p + FIELD_SHARE, row->revenue_share);
  bind_string (stmt, p + FIELD_NOTES, row->notes);
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    sqlite3_bind_int (stmt, p + FIELD_RATINGS + i, row->ratings[i]);
  if (row->tier_override == KS_TIER_NONE)
    sqlite3_bind_null (stmt, p + FIELD_TIER);
  else
    sqlite3_bind_int (stmt, p + FIELD_TIER, row->tier_override);
  sqlite3_bind_text (stmt, p + N_FIELDS, now, -1, SQLITE_STATIC);       /* created_at */
  sqlite3_bind_text (stmt, p + N_FIELDS + 1, now, -1, SQLITE_STATIC);   /* updated_at */
}

static gboolean
text_ok (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

/* What the CHECK constraints cannot see: the importer validated the row already, so
 * this only catches a caller that did not. */
static gboolean
check_row (const KsAccountRow  *row,
           const char          *name_key,
           GError             **error)
{
  g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, row->line);

  if (*name_key == '\0' || !text_ok (row->industry) || !text_ok (row->region)
      || !text_ok (row->owner) || !text_ok (row->notes))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is a line number */
                   _("Line %s: the account has no name or text that cannot be read."),
                   line);
      return FALSE;
    }
  if (!ks_currency_is_valid (row->currency))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: the first %s is a line number, the second a code */
                   _("Line %s: “%s” is not a currency Keystone knows."),
                   line, row->currency);
      return FALSE;
    }
  if (row->annual_purchases > KS_MONEY_MAX)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is a line number */
                   _("Line %s: the annual purchases are too large."), line);
      return FALSE;
    }

  return TRUE;
}

/* Steps @stmt once; on failure the error names the row's line. */
static gboolean
import_step (KsStoreImport       *import,
             sqlite3_stmt        *stmt,
             const KsAccountRow  *row,
             GError             **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  import_fail (import, rc, error);
  if (error != NULL && *error != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, row->line);

      /* Translators: %s is a line number; an error message follows */
      g_prefix_error (error, _("Line %s: "), line);
    }
  return FALSE;
}

/* The owners an import remembers the spelling of; a file with more distinct owners
 * starts over, so memory does not grow with the rows. */
#define IMPORT_OWNERS_CACHED 4096

/* @owner (a row's) as it is saved: the spelling of the team member of that name,
 * whatever its case, or trimmed when there is none (the owner trigger then adds them).
 * Owners repeat down a file: each is looked up once. */
static gboolean
import_spell_owner (KsStoreImport  *import,
                    const char     *owner,
                    const char    **spelled_out,
                    GError        **error)
{
  char *spelled;
  char *stripped;
  int rc;

  *spelled_out = owner;
  if (owner == NULL || *owner == '\0')
    return TRUE;

  spelled = g_hash_table_lookup (import->owners, owner);
  if (spelled != NULL)
    {
      *spelled_out = spelled;
      return TRUE;
    }

  stripped = g_strstrip (g_strdup (owner));
  if (*stripped != '\0')
    {
      sqlite3_bind_text (import->spelling, 1, stripped, -1, SQLITE_STATIC);
      rc = sqlite3_step (import->spelling);
      if (rc == SQLITE_ROW)
        {
          g_free (stripped);
          stripped = g_strdup (column_text (import->spelling, 0));
        }
      sqlite3_reset (import->spelling);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          g_free (stripped);
          return import_fail (import, rc, error);
        }
    }

  if (g_hash_table_size (import->owners) >= IMPORT_OWNERS_CACHED)
    g_hash_table_remove_all (import->owners);
  g_hash_table_insert (import->owners, g_strdup (owner), stripped);
  *spelled_out = stripped;
  return TRUE;
}

/* Whether the import of @n_rows asks SQLite about every name, or first a filter of
 * the names in the table: worth it unless the table is much larger than the file. */
static gboolean
import_prepare_filter (KsStoreImport  *import,
                       guint           n_rows,
                       GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 n_existing = 0;
  int rc;

  stmt = import_prepare (import, "SELECT count(*) FROM account", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n_existing = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return import_fail (import, rc, error);

  /* Unknown: assume a file the size of the table. */
  if (n_rows == 0)
    n_rows = (guint) CLAMP (n_existing, 1024, G_MAXUINT / 2);
  if (n_existing > 4 * (gint64) n_rows)
    return TRUE;

  import->use_filter = TRUE;
  key_filter_init (&import->filter, n_existing + n_rows);
  if (n_existing == 0)
    return TRUE;

  stmt = import_prepare (import, "SELECT name_key FROM account", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    key_filter_add (&import->filter, column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return import_fail (import, rc, error);

  return TRUE;
}

/* The id of the first account whose name folds to @name_key, or 0. */
static gboolean
import_find (KsStoreImport  *import,
             const char     *name_key,
             gint64         *out_id,
             GError        **error)
{
  int rc;

  if (import->use_filter && !key_filter_may_contain (&import->filter, name_key))
    {
      *out_id = 0;
      return TRUE;
    }

  sqlite3_bind_text (import->find, 1, name_key, -1, SQLITE_STATIC);
  rc = sqlite3_step (import->find);
  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (import->find, 0) : 0;
  sqlite3_reset (import->find);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return import_fail (import, rc, error);
  return TRUE;
}

KsStoreImport *
ks_store_import_begin (KsStore       *self,
                       KsDuplicates   duplicates,
                       guint          n_rows_hint,
                       GError       **error)
{
  g_autoptr(KsStoreImport) import = NULL;
  g_autofree char *insert_sql = build_insert_sql ();
  int rc;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (duplicates <= KS_DUPLICATES_KEEP, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  import = g_new0 (KsStoreImport, 1);
  import->path = g_strdup (self->path);
  import->duplicates = duplicates;
  import->now = ks_store_now_utc_iso8601 ();
  import->updates = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);
  import->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->skipped_reasons = g_ptr_array_new_with_free_func (g_free);

  /* One thread at a time uses an import: no mutex around every call. */
  rc = sqlite3_open_v2 (import->path, &import->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, import->path, rc,
                        import->db ? sqlite3_errmsg (import->db) : NULL);
      return NULL;
    }

  sqlite3_extended_result_codes (import->db, 1);
  sqlite3_busy_timeout (import->db, 5000);
  /* WAL (set by ks_store_open(), it stays with the file) with synchronous = NORMAL:
   * a commit is durable once checkpointed, and a crash can lose the last commits
   * but never corrupts the file. The usual trade for a desktop application. */
  rc = exec_sql (import->db, "PRAGMA foreign_keys = ON");
  if (rc == SQLITE_OK)
    rc = exec_sql (import->db, "PRAGMA synchronous = NORMAL");
  if (rc != SQLITE_OK)
    {
      import_fail (import, rc, error);
      return NULL;
    }

  import->insert = import_prepare (import, insert_sql, error);
  if (import->insert == NULL)
    return NULL;
  import->find = import_prepare (import,
                                 "SELECT id FROM account WHERE name_key = ?1 "
                                 "ORDER BY id LIMIT 1",
                                 error);
  if (import->find == NULL)
    return NULL;
  import->spelling = import_prepare (import, MEMBER_SPELLING_SQL, error);
  if (import->spelling == NULL)
    return NULL;

  rc = exec_sql (import->db, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK)
    {
      import_fail (import, rc, error);
      return NULL;
    }

  /* Inside the transaction: the names it sees are the names it writes beside. */
  if (duplicates != KS_DUPLICATES_KEEP
      && !import_prepare_filter (import, n_rows_hint, error))
    return NULL;

  return g_steal_pointer (&import);
}

static gboolean
import_add_row (KsStoreImport       *import,
                const KsAccountRow  *row,
                GError             **error)
{
  g_autofree char *name_key = NULL;
  const char *owner = row->owner;
  gint64 id = 0;

  name_key = ks_account_fold (row->name);
  if (!check_row (row, name_key, error))
    return FALSE;

  if (import->duplicates != KS_DUPLICATES_KEEP
      && !import_find (import, name_key, &id, error))
    return FALSE;

  if ((id == 0 || import->duplicates == KS_DUPLICATES_UPDATE)
      && !import_spell_owner (import, row->owner, &owner, error))
    return FALSE;

  if (id == 0)
    {
      sqlite3_bind_null (import->insert, 1);
      bind_row_fields (import->insert, row, name_key, owner, import->now);
      if (!import_step (import, import->insert, row, error))
        return FALSE;
      if (import->use_filter)
        key_filter_add (&import->filter, name_key);
      import->imported++;
    }
  else if (import->duplicates == KS_DUPLICATES_UPDATE)
    {
      sqlite3_stmt *update = import_get_update (import, row->present, error);

      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, id);
      bind_row_fields (update, row, name_key, owner, import->now);
      if (!import_step (import, update, row, error))
        return FALSE;
      import->updated++;
    }
  else
    {
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, row->line);

      import->skipped++;
      g_ptr_array_add (import->skipped_reasons,
                       /* Translators: the first %s is a line number, the second
                        * an account name */
                       g_strdup_printf (_("Line %s: an account named “%s” already "
                                          "exists; skipped."),
                                        line, row->name));
    }

  return TRUE;
}

gboolean
ks_store_import_add (KsStoreImport       *import,
                     const KsAccountRow  *row,
                     GError             **error)
{
  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (!import->finished, FALSE);
  g_return_val_if_fail (row != NULL && row->name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (import_add_row (import, row, error))
    return TRUE;

  ks_store_import_abort (import);
  return FALSE;
}

gboolean
ks_store_import_commit (KsStoreImport  *import,
                        guint          *n_imported,
                        guint          *n_updated,
                        guint          *n_skipped,
                        GPtrArray      *skipped_reasons,
                        GError        **error)
{
  int rc;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (!import->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (n_updated != NULL)
    *n_updated = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  rc = exec_sql (import->db, "COMMIT");
  if (rc != SQLITE_OK)
    {
      import_fail (import, rc, error);
      ks_store_import_abort (import);
      return FALSE;
    }
  import->finished = TRUE;

  if (n_imported != NULL)
    *n_imported = import->imported;
  if (n_updated != NULL)
    *n_updated = import->updated;
  if (n_skipped != NULL)
    *n_skipped = import->skipped;
  if (skipped_reasons != NULL)
    for (guint i = 0; i < import->skipped_reasons->len; i++)
      g_ptr_array_add (skipped_reasons, g_steal_pointer (&import->skipped_reasons->pdata[i]));

  return TRUE;
}

void
ks_store_import_abort (KsStoreImport *import)
{
  g_return_if_fail (import != NULL);

  if (import->finished)
    return;
  import->finished = TRUE;

  /* SQLite may have rolled back already (after SQLITE_FULL, for example). */
  if (import->db != NULL && !sqlite3_get_autocommit (import->db))
    {
      int rc = exec_sql (import->db, "ROLLBACK");

      if (rc != SQLITE_OK)
        g_warning ("Could not roll back the import into %s: %s",
                   import->path, sqlite3_errmsg (import->db));
    }
}

void
ks_store_import_free (KsStoreImport *import)
{
  if (import == NULL)
    return;

  ks_store_import_abort (import);

  g_clear_pointer (&import->filter.bits, g_free);
  g_clear_pointer (&import->insert, sqlite3_finalize);
  g_clear_pointer (&import->find, sqlite3_finalize);
  g_clear_pointer (&import->spelling, sqlite3_finalize);
  g_clear_pointer (&import->owners, g_hash_table_unref);
  g_clear_pointer (&import->updates, g_hash_table_unref);
  if (import->db != NULL && sqlite3_close (import->db) != SQLITE_OK)
    g_warning ("Could not close %s: %s", import->path, sqlite3_errmsg (import->db));
  g_clear_pointer (&import->skipped_reasons, g_ptr_array_unref);
  g_free (import->now);
  g_free (import->path);
  g_free (import);
}

#define IMPORT_CANCEL_CHECK_ROWS 1000

gboolean
ks_store_import_rows (KsStore             *self,
                      const KsAccountRow  *rows,
                      guint                n_rows,
                      KsDuplicates         duplicates,
                      GCancellable        *cancellable,
                      guint               *n_imported,
                      guint               *n_updated,
                      guint               *n_skipped,
                      GPtrArray           *skipped_reasons,
                      GError             **error)
{
  g_autoptr(KsStoreImport) import = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);
  g_return_val_if_fail (duplicates <= KS_DUPLICATES_KEEP, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (n_updated != NULL)
    *n_updated = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  import = ks_store_import_begin (self, duplicates, n_rows, error);
  if (import == NULL)
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      if (i % IMPORT_CANCEL_CHECK_ROWS == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;   /* freeing rolls back */
      if (!ks_store_import_add (import, &rows[i], error))
        return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return ks_store_import_commit (import, n_imported, n_updated, n_skipped, skipped_reasons,
                                 error);
}

/* Whether @account differs from the row @stmt (id, then the fields) in a stored field. */
static gboolean
account_differs_from_row (KsAccount    *account,
                          sqlite3_stmt *stmt)
{
  const guint8 *ratings = ks_account_get_ratings (account);
  int c = 1;
  int tier = sqlite3_column_type (stmt, c + FIELD_TIER) == SQLITE_NULL
    ? KS_TIER_NONE : sqlite3_column_int (stmt, c + FIELD_TIER);

  if (!g_str_equal (ks_account_get_name (account), column_text (stmt, c + FIELD_NAME))
      || !g_str_equal (ks_account_get_industry (account), column_text (stmt, c + FIELD_INDUSTRY))
      || !g_str_equal (ks_account_get_region (account), column_text (stmt, c + FIELD_REGION))
      || !g_str_equal (ks_account_get_owner (account), column_text (stmt, c + FIELD_OWNER))
      || !g_str_equal (ks_account_get_currency (account), column_text (stmt, c + FIELD_CURRENCY))
      || !g_str_equal (ks_account_get_notes (account), column_text (stmt, c + FIELD_NOTES))
      || ks_account_get_annual_purchases (account)
         != sqlite3_column_int64 (stmt, c + FIELD_PURCHASES)
      || ks_account_get_profit_contribution (account)
         != sqlite3_column_double (stmt, c + FIELD_PROFIT)
      || ks_account_get_revenue_share (account)
         != sqlite3_column_double (stmt, c + FIELD_SHARE)
      || ks_account_get_tier_override (account) != tier)
    return TRUE;

  for (guint i = 0; i < KS_N_CRITERIA; i++)
    if (ratings[i] != CLAMP (sqlite3_column_int (stmt, c + FIELD_RATINGS + i), 0, KS_RATING_MAX))
      return TRUE;

  return FALSE;
}

gboolean
ks_store_reload_accounts (KsStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_old;
  guint old_pos = 0;
  guint first_change;
  gboolean moved;
  int rc;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Never loaded: the first use reads everything anyway. */
  if (!self->loaded)
    return TRUE;

  n_old = ks_account_list_get_length (self->accounts);
  fresh = g_ptr_array_new_full (n_old + 16, g_object_unref);
  changed = g_ptr_array_new ();
  first_change = G_MAXUINT;

  columns = account_field_columns ();
  sql = g_strdup_printf ("SELECT id, %s FROM account ORDER BY id", columns);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }

  /* Both in id order: walk them side by side. An account still there is the same
   * object, assigned in place; a new one is made; a vanished one is dropped. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      KsAccount *old = NULL;

      while (old_pos < n_old)
        {
          KsAccount *item = g_object_ref (ks_account_list_get (self->accounts, old_pos));

          if (ks_account_get_id (item) >= id)
            {
              old = item;
              break;
            }
          /* gone from the file */
          g_hash_table_remove (self->by_id, &(gint64) { ks_account_get_id (item) });
          first_change = MIN (first_change, fresh->len);
          g_object_unref (item);
          old_pos++;
        }

      if (old != NULL && ks_account_get_id (old) == id)
        {
          old_pos++;
          if (account_differs_from_row (old, stmt))
            {
              g_autoptr(KsAccount) row_account = account_from_row (self, stmt);

              ks_account_assign (old, row_account);
              g_ptr_array_add (changed, old);
              first_change = MIN (first_change, fresh->len);
            }
          g_ptr_array_add (fresh, old);
        }
      else
        {
          KsAccount *account = account_from_row (self, stmt);

          g_clear_object (&old);
          g_hash_table_insert (self->by_id, id_key (id), g_object_ref (account));
          g_ptr_array_add (changed, account);
          first_change = MIN (first_change, fresh->len);
          g_ptr_array_add (fresh, account);
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      ks_store_set_db_error (self, rc, error);
      /* The objects assigned so far hold the new values; the list stays as it was. */
      return FALSE;
    }

  for (; old_pos < n_old; old_pos++)
    {
      KsAccount *item = ks_account_list_get (self->accounts, old_pos);

      g_hash_table_remove (self->by_id, &(gint64) { ks_account_get_id (item) });
      first_change = MIN (first_change, fresh->len);
    }

  /* Scores: the split once for the whole portfolio, then what it moved. */
  moved = refresh_scores (self, (KsAccount **) changed->pdata, changed->len);

  /* One change from the first difference to the end: new accounts are appended
   * there, and sorted views look again at the edited ones. */
  if (first_change != G_MAXUINT)
    ks_account_list_splice (self->accounts, first_change, n_old - first_change,
                            (KsAccount **) fresh->pdata + first_change,
                            fresh->len - first_change);

  /* Another program may have changed plans too. */
  ks_store_plan_refresh_summaries (self);

  if (moved)
    split_moved (self);
  /* An import (or another program) may have brought owners new to the team. */
  if (first_change != G_MAXUINT)
    ks_store_emit_team_changed (self);

  return TRUE;
}

gboolean
ks_store_load_sample (KsStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GArray) indices = NULL;
  g_autoptr(GDateTime) sample_now = NULL;
  g_autofree char *now = NULL;
  guint n_before;
  gboolean moved;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ks_store_ensure_loaded (self);
  samples = ks_sample_create_accounts ();
  added = g_ptr_array_new ();
  indices = g_array_new (FALSE, FALSE, sizeof (guint));
  now = ks_store_now_utc_iso8601 ();

  if (!ks_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < samples->len; i++)
    {
      KsAccount *account = g_ptr_array_index (samples, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *original_owner = NULL;
      gboolean new_member = FALSE;
      gint64 id = 0;

      if (!ks_account_validate (account, error))
        {
          ks_store_rollback (self);
          return FALSE;
        }

      if (!check_name_free (self, account, 0, &local_error))
        {
          if (g_error_matches (local_error, KS_ERROR, KS_ERROR_DUPLICATE))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          ks_store_rollback (self);
          return FALSE;
        }

      if (!spell_owner (self, account, &original_owner, &new_member, error)
          || !insert_account (self, account, 0, now, now, &id, error))
        {
          ks_store_rollback (self);
          return FALSE;
        }
      ks_account_set_id (account, id);
      /* scored now: its sample plan and summary depend on its tier */
      apply_scores (self, account);
      g_ptr_array_add (added, account);
      g_array_append_val (indices, i);
    }

  /* Their plans too, so the account pages have something to show; and their owners,
   * members now, roles, mentors and coaching plans for the Team view. */
  sample_now = ks_store_dup_now (self);
  if (!ks_store_plan_add_samples (self, added, indices, error)
      || !ks_store_team_add_samples (self, sample_now, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  for (guint i = 0; i < added->len; i++)
    {
      KsAccount *account = g_ptr_array_index (added, i);

      g_hash_table_insert (self->by_id, id_key (ks_account_get_id (account)),
                           g_object_ref (account));
    }
  moved = refresh_scores (self, (KsAccount **) added->pdata, added->len);

  /* New ids follow every existing one, so they go in at the end in one change. */
  n_before = ks_account_list_get_length (self->accounts);
  ks_account_list_splice (self->accounts, n_before, 0, (KsAccount **) added->pdata,
                          added->len);

  if (moved)
    split_moved (self);
  ks_store_emit_team_changed (self);

  return TRUE;
}

const KsScoringRules *
ks_store_get_rules (KsStore *self)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  return &self->rules;
}

gboolean
ks_store_set_rules (KsStore              *self,
                    const KsScoringRules *rules,
                    GError              **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_scoring_rules_validate (rules, error))
    return FALSE;

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!write_rules (self, rules, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  self->rules = *rules;
  update_split (self);
  apply_scores_to_all (self);
  /* Tiers moved: executive coverage is watched for Core and Key accounts only. */
  ks_store_plan_refresh_summaries (self);

  g_signal_emit (self, signals[RULES_CHANGED], 0);

  return TRUE;
}

const KsHealthWeights *
ks_store_get_health_weights (KsStore *self)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  return &self->health_weights;
}

gboolean
ks_store_set_health_weights (KsStore               *self,
                             const KsHealthWeights *weights,
                             GError               **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_plan_health_weights_validate (weights, error))
    return FALSE;

  ks_store_ensure_loaded (self);
  if (!ks_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < KS_N_HEALTH_COMPONENTS; i++)
    if (!write_int_setting (self, health_weight_keys[i], weights->weights[i], error))
      {
        ks_store_rollback (self);
        return FALSE;
      }
  if (!ks_store_commit (self, error))
    return FALSE;

  self->health_weights = *weights;
  ks_store_plan_refresh_summaries (self);

  g_signal_emit (self, signals[RULES_CHANGED], 0);

  return TRUE;
}

void
ks_store_get_split (KsStore *self,
                    double  *split_value,
                    double  *split_growth)
{
  g_return_if_fail (KS_IS_STORE (self));

  ks_store_ensure_loaded (self);
  if (split_value != NULL)
    *split_value = self->split_value;
  if (split_growth != NULL)
    *split_growth = self->split_growth;
}

const char *
ks_store_get_default_currency (KsStore *self)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  return self->default_currency;
}

gboolean
ks_store_set_default_currency (KsStore     *self,
                               const char  *currency,
                               GError     **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ks_currency_is_valid (currency))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   _("“%s” is not a currency Keystone knows. Choose one from the list."),
                   currency);
      return FALSE;
    }

  if (!write_setting (self, SETTING_DEFAULT_CURRENCY, currency, error))
    return FALSE;

  set_str (&self->default_currency, currency);

  return TRUE;
}

const char *
ks_store_get_company_name (KsStore *self)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  return self->company_name;
}

gboolean
ks_store_set_company_name (KsStore     *self,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The company name contains invalid characters. Type it again."));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (name));
  if (g_utf8_strlen (stripped, -1) > COMPANY_NAME_MAX)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The company name is too long. Shorten it to %d character.",
                                "The company name is too long. Shorten it to %d characters.",
                                COMPANY_NAME_MAX),
                   COMPANY_NAME_MAX);
      return FALSE;
    }

  if (!write_setting (self, SETTING_COMPANY_NAME, stripped, error))
    return FALSE;

  set_str (&self->company_name, stripped);

  return TRUE;
}

/* Stable values in the settings table, by KsPaperSize. */
static const char * const paper_size_keys[KS_N_PAPER_SIZES] = {
  [KS_PAPER_AUTO] = "auto",
  [KS_PAPER_A4] = "a4",
  [KS_PAPER_LETTER] = "letter",
};

KsPaperSize
ks_store_get_paper_size (KsStore *self)
{
  sqlite3_stmt *stmt = NULL;
  KsPaperSize paper = KS_PAPER_AUTO;

  g_return_val_if_fail (KS_IS_STORE (self), KS_PAPER_AUTO);

  /* Read when asked, not kept: documents are printed now and then. */
  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM settings WHERE key = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    return KS_PAPER_AUTO;
  sqlite3_bind_text (stmt, 1, SETTING_PAPER_SIZE, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < KS_N_PAPER_SIZES; i++)
        if (value != NULL && g_str_equal (value, paper_size_keys[i]))
          paper = i;
    }
  sqlite3_finalize (stmt);

  return paper;
}

gboolean
ks_store_set_paper_size (KsStore      *self,
                         KsPaperSize   paper,
                         GError      **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) paper < KS_N_PAPER_SIZES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_setting (self, SETTING_PAPER_SIZE, paper_size_keys[paper], error);
}

/* Quarterly snapshots */

/* @quarter as stored: "2026-Q3" for "2026-q3 ". */
static char *
normalize_quarter (const char  *quarter,
                   GError     **error)
{
  int year, q;

  if (!ks_quarter_parse (quarter, &year, &q, error))
    return NULL;
  return ks_quarter_format (year, q);
}

static gboolean
snapshot_exists (KsStore     *self,
                 const char  *quarter,
                 gboolean    *exists,
                 GError     **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_SNAPSHOT_EXISTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_string (stmt, 1, quarter);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ks_store_set_db_error (self, rc, error);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
delete_snapshot_rows (KsStore     *self,
                      const char  *quarter,
                      GError     **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_SNAPSHOT_DELETE, error);

  if (stmt == NULL)
    return FALSE;
  bind_string (stmt, 1, quarter);
  return ks_store_step_done (self, stmt, error);
}

static gboolean
insert_snapshot_rows (KsStore     *self,
                      const char  *quarter,
                      const char  *taken_at,
                      GError     **error)
{
  guint n = ks_account_list_get_length (self->accounts);

  for (guint i = 0; i < n; i++)
    {
      KsAccount *account = ks_account_list_get (self->accounts, i);
      sqlite3_stmt *stmt = get_stmt (self, STMT_SNAPSHOT_INSERT, error);

      if (stmt == NULL)
        return FALSE;
      bind_string (stmt, 1, quarter);
      sqlite3_bind_int64 (stmt, 2, ks_account_get_id (account));
      sqlite3_bind_double (stmt, 3, ks_account_get_value_score (account));
      sqlite3_bind_double (stmt, 4, ks_account_get_growth_score (account));
      sqlite3_bind_double (stmt, 5, ks_account_get_ka_score (account));
      sqlite3_bind_int (stmt, 6, ks_account_get_tier (account));
      sqlite3_bind_int (stmt, 7, ks_account_get_quadrant (account));
      bind_string (stmt, 8, taken_at);
      if (!ks_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ks_store_take_snapshot (KsStore     *self,
                        const char  *quarter,
                        gboolean     replace,
                        GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *now = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (quarter != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = normalize_quarter (quarter, error);
  if (key == NULL)
    return FALSE;

  ks_store_ensure_loaded (self);
  if (ks_account_list_get_length (self->accounts) == 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The portfolio has no accounts yet. Add accounts before "
                             "taking a snapshot."));
      return FALSE;
    }

  now = ks_store_now_utc_iso8601 ();
  if (!ks_store_begin (self, error))
    return FALSE;
  if (!snapshot_exists (self, key, &exists, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (exists && !replace)
    {
      ks_store_rollback (self);
      /* Translators: %s is a quarter, like 2026-Q3 */
      g_set_error (error, KS_ERROR, KS_ERROR_DUPLICATE, _("A snapshot of %s exists already."),
                   key);
      return FALSE;
    }
  if ((exists && !delete_snapshot_rows (self, key, error))
      || !insert_snapshot_rows (self, key, now, error))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  g_signal_emit (self, signals[SNAPSHOTS_CHANGED], 0);
  return TRUE;
}

GStrv
ks_store_dup_snapshot_quarters (KsStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  stmt = get_stmt (self, STMT_SNAPSHOT_QUARTERS, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not list the snapshots: %s", error->message);
      return g_strv_builder_end (builder);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    g_warning ("Could not list the snapshots: %s", sqlite3_errmsg (self->db));
  sqlite3_reset (stmt);

  return g_strv_builder_end (builder);
}

GHashTable *
ks_store_load_snapshot (KsStore     *self,
                        const char  *quarter,
                        GError     **error)
{
  g_autoptr(GHashTable) entries = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (quarter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key = normalize_quarter (quarter, error);
  if (key == NULL)
    return NULL;

  stmt = get_stmt (self, STMT_SNAPSHOT_LOAD, error);
  if (stmt == NULL)
    return NULL;
  bind_string (stmt, 1, key);

  entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KsSnapshotEntry *entry = g_new0 (KsSnapshotEntry, 1);
      int tier = sqlite3_column_int (stmt, 4);
      int quadrant = sqlite3_column_int (stmt, 5);

      entry->value = sqlite3_column_double (stmt, 1);
      entry->growth = sqlite3_column_double (stmt, 2);
      entry->ka_score = sqlite3_column_double (stmt, 3);
      entry->tier = CLAMP (tier, 0, KS_N_TIERS - 1);
      entry->quadrant = CLAMP (quadrant, 0, KS_N_QUADRANTS - 1);
      g_hash_table_insert (entries, id_key (sqlite3_column_int64 (stmt, 0)), entry);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      ks_store_set_db_error (self, rc, error);
      return NULL;
    }
  if (g_hash_table_size (entries) == 0)
    {
      /* Translators: %s is a quarter, like 2026-Q3 */
      g_set_error (error, KS_ERROR, KS_ERROR_NOT_FOUND, _("There is no snapshot of %s."), key);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

gboolean
ks_store_delete_snapshot (KsStore     *self,
                          const char  *quarter,
                          GError     **error)
{
  g_autofree char *key = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (quarter != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = normalize_quarter (quarter, error);
  if (key == NULL)
    return FALSE;

  if (!ks_store_begin (self, error))
    return FALSE;
  if (!snapshot_exists (self, key, &exists, error)
      || (exists && !delete_snapshot_rows (self, key, error)))
    {
      ks_store_rollback (self);
      return FALSE;
    }
  if (!exists)
    {
      ks_store_rollback (self);
      g_set_error (error, KS_ERROR, KS_ERROR_NOT_FOUND, _("There is no snapshot of %s."), key);
      return FALSE;
    }
  if (!ks_store_commit (self, error))
    return FALSE;

  g_signal_emit (self, signals[SNAPSHOTS_CHANGED], 0);
  return TRUE;
}

/* Backups
 *
 * Everything here works from the database's path, not the store, so that a backup can
 * run in a worker thread on a connection of its own (ks_store_backup_if_due_async()).
 * A backup is written as “<name>.db.part” and renamed when complete: a backup cut
 * short (the program quit, the disk filled) never passes for one. */

#define BACKUP_PART_SUFFIX ".part"

static char *
backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, BACKUP_DIR_NAME, NULL);
}

/* "keystone.db" → "keystone-" */
static char *
backup_prefix_for (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - strlen (".db")] = '\0';

  return g_strconcat (base, "-", NULL);
}

char *
ks_store_get_backup_dir (KsStore *self)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);

  return backup_dir_for (self->path);
}

typedef struct
{
  char  *name;
  char   stamp[BACKUP_STAMP_LEN + 1];
  guint  counter;
} Backup;

static void
backup_free (gpointer data)
{
  Backup *backup = data;

  g_free (backup->name);
  g_free (backup);
}

static gboolean
all_digits (const char *text,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return len > 0;
}

/* Parses "<prefix>YYYYMMDD-HHMMSS[-N].db". */
static Backup *
parse_backup_name (const char *name,
                   const char *prefix)
{
  const char *rest;
  const char *suffix;
  Backup *backup;
  guint64 counter = 1;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db"))
    return NULL;

  rest = name + strlen (prefix);
  suffix = rest + BACKUP_STAMP_LEN;
  if (strlen (rest) < BACKUP_STAMP_LEN + strlen (".db")
      || !all_digits (rest, 8) || rest[8] != '-' || !all_digits (rest + 9, 6))
    return NULL;

  if (!g_str_equal (suffix, ".db"))
    {
      g_autofree char *number = NULL;

      if (suffix[0] != '-')
        return NULL;
      number = g_strndup (suffix + 1, strlen (suffix + 1) - strlen (".db"));
      if (!all_digits (number, strlen (number))
          || !g_ascii_string_to_unsigned (number, 10, 2, G_MAXUINT, &counter, NULL))
        return NULL;
    }

  backup = g_new0 (Backup, 1);
  backup->name = g_strdup (name);
  memcpy (backup->stamp, rest, BACKUP_STAMP_LEN);
  backup->counter = (guint) counter;

  return backup;
}

static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  const Backup *backup_a = *(Backup * const *) a;
  const Backup *backup_b = *(Backup * const *) b;
  int cmp = strcmp (backup_a->stamp, backup_b->stamp);

  if (cmp != 0)
    return cmp;
  return (backup_a->counter > backup_b->counter) - (backup_a->counter < backup_b->counter);
}

/* The backups in @dir whose names start with @prefix, oldest first; empty when there
 * is no folder. */
static GPtrArray *
list_backups (const char *dir_path,
              const char *prefix)
{
  g_autoptr(GDir) dir = NULL;
  GPtrArray *backups = g_ptr_array_new_with_free_func (backup_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return backups;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      Backup *backup = parse_backup_name (name, prefix);

      if (backup != NULL)
        g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_backups);

  return backups;
}

/* Keeps the last KS_STORE_BACKUPS_KEPT, and removes what backups cut short left, once
 * they are a day old (a younger one may still be being written). */
static void
prune_backups (const char *dir_path,
               const char *prefix)
{
  g_autoptr(GPtrArray) backups = list_backups (dir_path, prefix);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i + KS_STORE_BACKUPS_KEPT < backups->len; i++)
    {
      Backup *backup = g_ptr_array_index (backups, i);
      g_autofree char *file = g_build_filename (dir_path, backup->name, NULL);

      if (g_unlink (file) != 0)
        g_warning ("Could not remove the old backup %s: %s", file, g_strerror (errno));
    }

  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, BACKUP_PART_SUFFIX))
        continue;
      file = g_build_filename (dir_path, name, NULL);
      if (g_stat (file, &st) == 0 && now - (gint64) st.st_mtime > 24 * 60 * 60)
        remove_new_database (file);
    }
}

/* Picks the name of a new backup, the newest of all, and creates its part file (mode
 * 0600, empty). Returns the part file's path; @out_path is where it goes when done. */
static char *
create_backup_file (const char  *dir,
                    const char  *prefix,
                    char       **out_path,
                    GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autoptr(GPtrArray) backups = NULL;
  guint first = 1;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_errno_error (error, dir, errno);
      return NULL;
    }

  /* Count on from the same second's backups, even pruned ones' names are free again:
   * the new file must sort as the newest. */
  backups = list_backups (dir, prefix);
  for (guint i = 0; i < backups->len; i++)
    {
      Backup *backup = g_ptr_array_index (backups, i);

      if (g_str_equal (backup->stamp, stamp))
        first = MAX (first, backup->counter + 1);
    }

  for (guint counter = first; counter < first + 1000; counter++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *part = NULL;
      int fd;

      if (counter == 1)
        name = g_strdup_printf ("%s%s.db", prefix, stamp);
      else
        name = g_strdup_printf ("%s%s-%u.db", prefix, stamp, counter);
      path = g_build_filename (dir, name, NULL);
      part = g_strconcat (path, BACKUP_PART_SUFFIX, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      fd = g_open (part, O_WRONLY | O_CREAT | O_EXCL, 0600);
      if (fd >= 0)
        {
          if (fchmod (fd, 0600) != 0)
            g_debug ("Could not chmod %s: %s", part, g_strerror (errno));
          g_close (fd, NULL);
          *out_path = g_steal_pointer (&path);
          return g_steal_pointer (&part);
        }
      if (errno != EEXIST)
        {
          set_errno_error (error, path, errno);
          return NULL;
        }
    }

  set_errno_error (error, dir, EEXIST);
  return NULL;
}

/* Copies the database at @db_path through the SQLite backup API, from @source, or
 * when it is NULL from a read-only connection of its own, which may be used in any
 * thread. Returns the new backup's path. */
static char *
backup_database (const char  *db_path,
                 sqlite3     *source,
                 GError     **error)
{
  g_autofree char *dir = backup_dir_for (db_path);
  g_autofree char *prefix = backup_prefix_for (db_path);
  g_autofree char *path = NULL;
  g_autofree char *part = NULL;
  sqlite3 *own = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  const char *failed_path;
  int rc = SQLITE_OK;

  part = create_backup_file (dir, prefix, &path, error);
  if (part == NULL)
    return NULL;

  if (source == NULL)
    {
      /* Reading in WAL mode, it neither blocks the store's writes nor waits for them. */
      rc = sqlite3_open_v2 (db_path, &own, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_extended_result_codes (own, 1);
          sqlite3_busy_timeout (own, 5000);
        }
      source = own;
    }
  failed_path = db_path;

  if (rc == SQLITE_OK)
    {
      failed_path = part;
      rc = sqlite3_open_v2 (part, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    }
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_OK)
            rc = sqlite3_errcode (dest);
        }
    }
  /* One self-contained file: no WAL beside it */
  if (rc == SQLITE_OK)
    rc = exec_sql (dest, "PRAGMA journal_mode = DELETE");

  if (rc != SQLITE_OK)
    {
      sqlite3 *db = dest != NULL ? dest : own;

      set_sqlite_error (error, failed_path, rc, db != NULL ? sqlite3_errmsg (db) : NULL);
      sqlite3_close (dest);
      sqlite3_close (own);
      remove_new_database (part);
      return NULL;
    }

  sqlite3_close (own);
  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, part, rc, NULL);
      remove_new_database (part);
      return NULL;
    }

  if (g_rename (part, path) != 0)
    {
      set_errno_error (error, path, errno);
      remove_new_database (part);
      return NULL;
    }

  prune_backups (dir, prefix);

  return g_steal_pointer (&path);
}

char *
ks_store_backup (KsStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return backup_database (self->path, self->db, error);
}

static int
stamp_number (const char *stamp,
              guint       from,
              guint       n_digits)
{
  int value = 0;

  for (guint i = from; i < from + n_digits; i++)
    value = value * 10 + (stamp[i] - '0');

  return value;
}

/* Whether the newest backup of the database at @db_path is a day old, or there is none. */
static gboolean
backup_is_due (const char *db_path)
{
  g_autofree char *dir = backup_dir_for (db_path);
  g_autofree char *prefix = backup_prefix_for (db_path);
  g_autoptr(GPtrArray) backups = list_backups (dir, prefix);
  Backup *newest;
  const char *s;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) then = NULL;
  GTimeSpan age;

  if (backups->len == 0)
    return TRUE;

  newest = g_ptr_array_index (backups, backups->len - 1);
  s = newest->stamp;
  now = g_date_time_new_now_utc ();
  /* "YYYYMMDD-HHMMSS", digits checked by parse_backup_name() */
  then = g_date_time_new_utc (stamp_number (s, 0, 4), stamp_number (s, 4, 2),
                              stamp_number (s, 6, 2), stamp_number (s, 9, 2),
                              stamp_number (s, 11, 2), stamp_number (s, 13, 2));
  if (then == NULL)
    return TRUE;

  age = g_date_time_difference (now, then);
  /* a backup "from the future" means the clock moved: treat it as old */
  return age < 0 || age >= G_TIME_SPAN_DAY;
}

gboolean
ks_store_backup_if_due (KsStore  *self,
                        GError  **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!backup_is_due (self->path))
    return TRUE;

  path = ks_store_backup (self, error);
  return path != NULL;
}

/* In a worker thread: only the path (task data) is used, never the store. */
static void
backup_if_due_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  const char *db_path = task_data;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!backup_is_due (db_path))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  path = backup_database (db_path, NULL, &error);
  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ks_store_backup_if_due_async (KsStore             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KS_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ks_store_backup_if_due_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, backup_if_due_thread);
}

gboolean
ks_store_backup_if_due_finish (KsStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (KS_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == ks_store_backup_if_due_async, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
