/* test-team.c — the team as plain data: KPIs from the accounts a member owns, a coaching
 * plan's progress as of a given day, the checks, keys and copies, the skills picture,
 * and the two charts in pixels and in a PDF's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#if __has_include (<poppler.h>)
#include <poppler.h>
#define HAVE_POPPLER 1
#endif

#include "ks-account-list.h"
#include "ks-error.h"
#include "ks-plan-chart.h"
#include "ks-team-chart.h"
#include "ks-team.h"

#define CHART_WIDTH 640

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (ks_plan_parse_date (iso, date));
}

/* ---- KPIs ---------------------------------------------------------------------- */

typedef struct
{
  const char *owner;
  KsTier      tier;
  gboolean    has_attainment;
  double      attainment;
  guint       overdue_actions;
  guint       overdue_complaints;
} AccountCase;

static const AccountCase kpi_accounts[] = {
  { "Li Wei", KS_TIER_CORE, TRUE, 100, 1, 0 },
  { "li wei ", KS_TIER_KEY, TRUE, 80, 2, 1 },
  { "\tLI WEI", KS_TIER_DEVELOPING, FALSE, 0, 0, 2 },
  { "Wang Lei", KS_TIER_STANDARD, TRUE, 50, 0, 0 },
  { "", KS_TIER_CORE, TRUE, 90, 4, 4 },
  { "李娜", KS_TIER_KEY, TRUE, 120, 3, 0 },
  { "Li Weii", KS_TIER_CORE, TRUE, 10, 5, 5 },
  { "Émile", KS_TIER_CORE, FALSE, 0, 1, 0 },
  { "émile", KS_TIER_KEY, FALSE, 0, 0, 1 },
};

typedef struct
{
  const char *name;
  guint       accounts;
  guint       key_accounts;
  gboolean    has_attainment;
  double      attainment;
  guint       overdue_complaints;
  guint       overdue_actions;
} KpiCase;

static const KpiCase kpi_cases[] = {
  /* the same person however the owner was typed; the mean over those with attainment */
  { "Li Wei", 3, 2, TRUE, 90, 3, 3 },
  { "LI WEI", 3, 2, TRUE, 90, 3, 3 },
  { "  li wei\t", 3, 2, TRUE, 90, 3, 3 },
  { "Wang Lei", 1, 0, TRUE, 50, 0, 0 },
  { "李娜", 1, 1, TRUE, 120, 0, 3 },
  { "Li Weii", 1, 1, TRUE, 10, 5, 5 },
  /* case is ASCII's, as the database's NOCASE */
  { "Émile", 1, 1, FALSE, 0, 0, 1 },
  { "émile", 1, 1, FALSE, 0, 1, 0 },
  /* nobody owns the account without an owner */
  { "", 0, 0, FALSE, 0, 0, 0 },
  { "   ", 0, 0, FALSE, 0, 0, 0 },
  { "Nobody", 0, 0, FALSE, 0, 0, 0 },
};

static KsAccount *
kpi_account (const AccountCase *c,
             guint              i)
{
  g_autofree char *name = g_strdup_printf ("Account %u", i);
  KsAccount *account = ks_account_new ();
  KsPlanSummary summary;

  memset (&summary, 0, sizeof summary);
  summary.has_attainment = c->has_attainment;
  summary.attainment_ytd = c->attainment;
  summary.overdue_actions = c->overdue_actions;
  summary.overdue_complaints = c->overdue_complaints;

  ks_account_set_name (account, name);
  ks_account_set_owner (account, c->owner);
  ks_account_set_tier_override (account, c->tier);
  ks_account_set_plan_summary (account, &summary);
  return account;
}

static void
assert_kpis (const KsMemberKpis *got,
             const KpiCase      *want)
{
  g_test_message ("KPIs of “%s”", want->name);
  g_assert_cmpuint (got->accounts, ==, want->accounts);
  g_assert_cmpuint (got->key_accounts, ==, want->key_accounts);
  g_assert_cmpint (got->has_attainment, ==, want->has_attainment);
  g_assert_cmpfloat_with_epsilon (got->attainment_ytd, want->attainment, 1e-9);
  g_assert_cmpuint (got->overdue_complaints, ==, want->overdue_complaints);
  g_assert_cmpuint (got->overdue_actions, ==, want->overdue_actions);
}

/* The same figures from a plain list store and from the store's own list, one member at
 * a time and all at once. */
static void
test_kpis (void)
{
  g_autoptr(GListStore) plain = g_list_store_new (KS_TYPE_ACCOUNT);
  g_autoptr(KsAccountList) list = ks_account_list_new ();
  GListModel *models[2] = { G_LIST_MODEL (plain), G_LIST_MODEL (list) };

  for (guint i = 0; i < G_N_ELEMENTS (kpi_accounts); i++)
    {
      g_autoptr(KsAccount) account = kpi_account (&kpi_accounts[i], i);

      g_list_store_append (plain, account);
      ks_account_list_append (list, account);
    }

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      g_autoptr(GHashTable) all = ks_team_kpis_compute_all (models[m]);

      for (guint i = 0; i < G_N_ELEMENTS (kpi_cases); i++)
        {
          KsMemberKpis kpis;

          memset (&kpis, 0xff, sizeof kpis);
          ks_member_kpis_compute (kpi_cases[i].name, models[m], &kpis);
          assert_kpis (&kpis, &kpi_cases[i]);

          memset (&kpis, 0xff, sizeof kpis);
          ks_team_kpis_lookup (all, kpi_cases[i].name, &kpis);
          assert_kpis (&kpis, &kpi_cases[i]);
        }
    }
}

static void
test_owns (void)
{
  g_autoptr(KsAccount) account = ks_account_new ();

  ks_account_set_owner (account, " Li Wei ");
  g_assert_true (ks_member_owns ("Li Wei", account));
  g_assert_true (ks_member_owns ("LI WEI", account));
  g_assert_true (ks_member_owns ("li wei\n", account));
  g_assert_false (ks_member_owns ("Li  Wei", account));
  g_assert_false (ks_member_owns ("Li We", account));
  g_assert_false (ks_member_owns ("", account));
  g_assert_false (ks_member_owns (NULL, account));

  ks_account_set_owner (account, "");
  g_assert_false (ks_member_owns ("", account));
  g_assert_false (ks_member_owns ("Li Wei", account));
}

/* Many accounts: one pass for the whole team is not slower than it should be, and
 * agrees with the member-by-member figures. */
static void
test_kpis_many (void)
{
  static const char * const owners[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  g_autoptr(KsAccountList) list = ks_account_list_new ();
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      AccountCase c = { owners[i % G_N_ELEMENTS (owners)], i % 4, i % 3 == 0, i % 150, i % 2,
                        i % 5 == 0 };
      g_autoptr(KsAccount) account = kpi_account (&c, i);

      ks_account_list_append (list, account);
    }

  timer = g_timer_new ();
  all = ks_team_kpis_compute_all (G_LIST_MODEL (list));
  g_test_message ("KPIs of %u accounts for the whole team: %.1f ms", n,
                  g_timer_elapsed (timer, NULL) * 1000);
  for (guint o = 0; o < G_N_ELEMENTS (owners); o++)
    {
      KsMemberKpis one, from_all;

      ks_member_kpis_compute (owners[o], G_LIST_MODEL (list), &one);
      ks_team_kpis_lookup (all, owners[o], &from_all);
      g_assert_cmpuint (one.accounts, ==, n / G_N_ELEMENTS (owners));
      g_assert_cmpuint (one.accounts, ==, from_all.accounts);
      g_assert_cmpuint (one.key_accounts, ==, from_all.key_accounts);
      g_assert_cmpint (one.has_attainment, ==, from_all.has_attainment);
      g_assert_cmpfloat_with_epsilon (one.attainment_ytd, from_all.attainment_ytd, 1e-9);
      g_assert_cmpuint (one.overdue_complaints, ==, from_all.overdue_complaints);
      g_assert_cmpuint (one.overdue_actions, ==, from_all.overdue_actions);
    }
}

/* ---- Progress ------------------------------------------------------------------ */

typedef struct
{
  const char     *due;
  KsActionStatus  status;
} ActionCase;

typedef struct
{
  const char        *what;
  int                start_level, current_level, target_level;
  KsCoachingStatus   status;
  const char        *due;
  ActionCase         actions[6];
  guint              n_actions;
  /* expected */
  guint              counted, done;
  double             actions_percent;
  guint              overdue_actions;
  int                gained, planned;
  double             levels_percent;
  gboolean           overdue;
} ProgressCase;

#define TODAY "2026-11-27"

static const ProgressCase progress_cases[] = {
  { "nothing yet", 2, 2, 4, KS_COACHING_ACTIVE, "2026-12-31", { { 0 } }, 0,
    0, 0, 0, 0, 0, 2, 0, FALSE },
  { "dropped actions do not count; due today is not overdue", 2, 3, 4, KS_COACHING_ACTIVE,
    NULL,
    { { "2026-10-01", KS_ACTION_DONE }, { NULL, KS_ACTION_DONE },
      { "2026-11-26", KS_ACTION_OPEN }, { TODAY, KS_ACTION_IN_PROGRESS },
      { "2026-01-01", KS_ACTION_DROPPED }, { "2026-11-01", KS_ACTION_IN_PROGRESS } }, 6,
    5, 2, 40, 2, 1, 2, 50, FALSE },
  { "all dropped", 1, 1, 2, KS_COACHING_ACTIVE, NULL,
    { { "2026-01-01", KS_ACTION_DROPPED } }, 1,
    0, 0, 0, 0, 0, 1, 0, FALSE },
  { "past the target", 2, 5, 4, KS_COACHING_ACTIVE, NULL, { { 0 } }, 0,
    0, 0, 0, 0, 3, 2, 100, FALSE },
  { "fell back", 2, 1, 4, KS_COACHING_ACTIVE, NULL, { { 0 } }, 0,
    0, 0, 0, 0, -1, 2, 0, FALSE },
  { "nothing to gain, at the target", 3, 3, 3, KS_COACHING_ACTIVE, NULL, { { 0 } }, 0,
    0, 0, 0, 0, 0, 0, 100, FALSE },
  { "target below the start, not reached", 4, 2, 3, KS_COACHING_ACTIVE, NULL, { { 0 } }, 0,
    0, 0, 0, 0, -2, -1, 0, FALSE },
  { "all done", 1, 3, 3, KS_COACHING_ACTIVE, "2026-11-27",
    { { "2026-10-01", KS_ACTION_DONE }, { "2026-10-02", KS_ACTION_DONE } }, 2,
    2, 2, 100, 0, 2, 2, 100, FALSE },
  { "active, due yesterday", 1, 2, 3, KS_COACHING_ACTIVE, "2026-11-26", { { 0 } }, 0,
    0, 0, 0, 0, 1, 2, 50, TRUE },
  { "paused, long past due", 1, 2, 3, KS_COACHING_PAUSED, "2026-01-01", { { 0 } }, 0,
    0, 0, 0, 0, 1, 2, 50, FALSE },
  { "achieved, past due", 1, 3, 3, KS_COACHING_ACHIEVED, "2026-01-01", { { 0 } }, 0,
    0, 0, 0, 0, 2, 2, 100, FALSE },
  { "dropped, past due, its actions still open", 1, 1, 3, KS_COACHING_DROPPED, "2026-01-01",
    { { "2026-02-01", KS_ACTION_OPEN } }, 1,
    1, 0, 0, 1, 0, 2, 0, FALSE },
};

static KsCoachingPlan *
progress_plan (const ProgressCase *c)
{
  KsCoachingPlan *plan = ks_coaching_plan_new ();

  plan->start_level = c->start_level;
  plan->current_level = c->current_level;
  plan->target_level = c->target_level;
  plan->status = c->status;
  plan->start = g_strdup ("2026-01-01");
  plan->due = g_strdup (c->due);
  for (guint i = 0; i < c->n_actions; i++)
    {
      KsCoachingAction *action = ks_coaching_action_new ();

      action->due = g_strdup (c->actions[i].due);
      action->status = c->actions[i].status;
      g_ptr_array_add (plan->actions, action);
    }
  return plan;
}

static void
test_progress (void)
{
  GDate today;

  set_date (&today, TODAY);
  for (guint i = 0; i < G_N_ELEMENTS (progress_cases); i++)
    {
      const ProgressCase *c = &progress_cases[i];
      g_autoptr(KsCoachingPlan) plan = progress_plan (c);
      KsCoachingProgress p;

      g_test_message ("progress: %s", c->what);
      ks_coaching_plan_progress (plan, &today, &p);
      g_assert_cmpuint (p.actions_counted, ==, c->counted);
      g_assert_cmpuint (p.actions_done, ==, c->done);
      g_assert_cmpfloat_with_epsilon (p.actions_percent, c->actions_percent, 1e-9);
      g_assert_cmpuint (p.overdue_actions, ==, c->overdue_actions);
      g_assert_cmpint (p.levels_gained, ==, c->gained);
      g_assert_cmpint (p.levels_planned, ==, c->planned);
      g_assert_cmpfloat_with_epsilon (p.levels_percent, c->levels_percent, 1e-9);
      g_assert_cmpint (p.overdue, ==, c->overdue);
    }
}

static void
test_action_overdue (void)
{
  g_autoptr(KsCoachingAction) action = ks_coaching_action_new ();
  GDate today;

  set_date (&today, TODAY);
  g_assert_false (ks_coaching_action_is_overdue (action, &today));   /* no due date */
  action->due = g_strdup ("2026-11-26");
  g_assert_true (ks_coaching_action_is_overdue (action, &today));
  action->status = KS_ACTION_IN_PROGRESS;
  g_assert_true (ks_coaching_action_is_overdue (action, &today));
  action->status = KS_ACTION_DONE;
  g_assert_false (ks_coaching_action_is_overdue (action, &today));
  action->status = KS_ACTION_DROPPED;
  g_assert_false (ks_coaching_action_is_overdue (action, &today));
  action->status = KS_ACTION_OPEN;
  set_date (&today, "2026-11-26");
  g_assert_false (ks_coaching_action_is_overdue (action, &today));   /* due today */
  g_free (action->due);
  action->due = g_strdup ("not a date");
  g_assert_false (ks_coaching_action_is_overdue (action, &today));
}

/* ---- Checks -------------------------------------------------------------------- */

typedef void (*Spoil) (gpointer item);

typedef struct
{
  const char *what;
  Spoil       spoil;
  const char *field;
  const char *message;    /* a part of it */
} CheckCase;

static char *
long_text (guint chars)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < chars; i++)
    g_string_append (s, "字");
  return g_string_free (s, FALSE);
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static void spoil_member_name (gpointer m) { set_text (&((KsMember *) m)->name, "  \t"); }
static void spoil_member_name_long (gpointer m)
{
  g_free (((KsMember *) m)->name);
  ((KsMember *) m)->name = long_text (KS_TEAM_NAME_MAX + 1);
}
static void spoil_member_role (gpointer m)
{
  g_free (((KsMember *) m)->role);
  ((KsMember *) m)->role = long_text (KS_TEAM_NAME_MAX + 1);
}
static void spoil_member_notes (gpointer m) { set_text (&((KsMember *) m)->notes, "\xff\xfe"); }
static void spoil_member_mentor (gpointer m) { ((KsMember *) m)->mentor_id = 7; }
static void spoil_member_mentor_negative (gpointer m) { ((KsMember *) m)->mentor_id = -1; }

static const CheckCase member_cases[] = {
  { "blank name", spoil_member_name, "name", "needs a name" },
  { "long name", spoil_member_name_long, "name", "at most 200 characters" },
  { "long role", spoil_member_role, "role", "Role" },
  { "unreadable notes", spoil_member_notes, "notes", "cannot be read" },
  { "own mentor", spoil_member_mentor, "mentor", "own mentor" },
  { "negative mentor", spoil_member_mentor_negative, "mentor", "not a member" },
};

static void spoil_plan_skill (gpointer p) { ((KsCoachingPlan *) p)->skill = KS_N_SKILLS; }
static void spoil_plan_custom (gpointer p)
{
  ((KsCoachingPlan *) p)->skill = KS_SKILL_CUSTOM;
  set_text (&((KsCoachingPlan *) p)->custom_skill, " ");
}
static void spoil_plan_start_level (gpointer p) { ((KsCoachingPlan *) p)->start_level = 0; }
static void spoil_plan_current_level (gpointer p) { ((KsCoachingPlan *) p)->current_level = 6; }
static void spoil_plan_target_level (gpointer p) { ((KsCoachingPlan *) p)->target_level = -3; }
static void spoil_plan_start (gpointer p) { set_text (&((KsCoachingPlan *) p)->start, NULL); }
static void spoil_plan_start_bad (gpointer p)
{
  set_text (&((KsCoachingPlan *) p)->start, "2026-02-30");
}
static void spoil_plan_due (gpointer p) { set_text (&((KsCoachingPlan *) p)->due, "2025-12-31"); }
static void spoil_plan_due_bad (gpointer p) { set_text (&((KsCoachingPlan *) p)->due, "soon"); }
static void spoil_plan_objective (gpointer p)
{
  g_free (((KsCoachingPlan *) p)->objective);
  ((KsCoachingPlan *) p)->objective = long_text (KS_TEAM_TEXT_MAX + 1);
}
static void spoil_plan_coach (gpointer p) { set_text (&((KsCoachingPlan *) p)->coach, "\xc3"); }
static void spoil_plan_status (gpointer p) { ((KsCoachingPlan *) p)->status = 9; }

static const CheckCase plan_cases[] = {
  { "unknown skill", spoil_plan_skill, "skill", "skill" },
  { "custom skill without a name", spoil_plan_custom, "custom-skill", "Name the skill" },
  { "start level 0", spoil_plan_start_level, "start-level", "from 1 to 5" },
  { "current level 6", spoil_plan_current_level, "current-level", "Current level" },
  { "target level -3", spoil_plan_target_level, "target-level", "Target level" },
  { "no start", spoil_plan_start, "start", "start date" },
  { "no such day", spoil_plan_start_bad, "start", "2026-02-30" },
  { "due before the start", spoil_plan_due, "due", "due before it starts" },
  { "due not a date", spoil_plan_due_bad, "due", "“soon”" },
  { "long objective", spoil_plan_objective, "objective", "2000" },
  { "unreadable coach", spoil_plan_coach, "coach", "Coach" },
  { "unknown status", spoil_plan_status, "status", "status" },
};

static void spoil_action_title (gpointer a) { set_text (&((KsCoachingAction *) a)->title, ""); }
static void spoil_action_due (gpointer a) { set_text (&((KsCoachingAction *) a)->due, "2026-13-01"); }
static void spoil_action_kind (gpointer a) { ((KsCoachingAction *) a)->kind = 42; }
static void spoil_action_status (gpointer a) { ((KsCoachingAction *) a)->status = 42; }

static const CheckCase action_cases[] = {
  { "no title", spoil_action_title, "title", "needs a title" },
  { "bad due date", spoil_action_due, "due", "2026-13-01" },
  { "unknown kind", spoil_action_kind, "kind", "kind" },
  { "unknown status", spoil_action_status, "status", "status" },
};

static void spoil_session_date (gpointer s) { set_text (&((KsCoachingSession *) s)->date, NULL); }
static void spoil_session_date_bad (gpointer s)
{
  set_text (&((KsCoachingSession *) s)->date, "27/11/2026");
}
static void spoil_session_rating (gpointer s) { ((KsCoachingSession *) s)->rating = 6; }
static void spoil_session_rating_negative (gpointer s) { ((KsCoachingSession *) s)->rating = -1; }
static void spoil_session_notes (gpointer s)
{
  g_free (((KsCoachingSession *) s)->notes);
  ((KsCoachingSession *) s)->notes = long_text (KS_TEAM_NOTES_MAX + 1);
}
static void spoil_session_next_step (gpointer s)
{
  set_text (&((KsCoachingSession *) s)->next_step, "\xe5\xad");
}
static void spoil_session_kind (gpointer s) { ((KsCoachingSession *) s)->kind = 4; }

static const CheckCase session_cases[] = {
  { "no date", spoil_session_date, "date", "needs a date" },
  { "not ISO", spoil_session_date_bad, "date", "27/11/2026" },
  { "rating 6", spoil_session_rating, "rating", "from 1 to 5" },
  { "rating -1", spoil_session_rating_negative, "rating", "from 1 to 5" },
  { "long notes", spoil_session_notes, "notes", "20000" },
  { "unreadable next step", spoil_session_next_step, "next-step", "Next step" },
  { "unknown kind", spoil_session_kind, "kind", "kind" },
};

static KsMember *
valid_member (void)
{
  KsMember *member = ks_member_new ();

  member->id = 7;
  set_text (&member->name, "李娜");
  set_text (&member->role, "大客户经理");
  member->mentor_id = 3;
  return member;
}

static KsCoachingPlan *
valid_plan (void)
{
  KsCoachingPlan *plan = ks_coaching_plan_new ();

  plan->skill = KS_SKILL_NEGOTIATION;
  plan->start_level = 2;
  plan->current_level = 3;
  plan->target_level = 4;
  plan->start = g_strdup ("2026-01-01");
  plan->due = g_strdup ("2026-06-30");
  set_text (&plan->objective, "独立主导年度框架协议谈判");
  set_text (&plan->coach, "王磊");
  return plan;
}

static KsCoachingAction *
valid_action (void)
{
  KsCoachingAction *action = ks_coaching_action_new ();

  set_text (&action->title, "Workshop");
  action->due = g_strdup ("2026-03-01");
  return action;
}

static KsCoachingSession *
valid_session (void)
{
  KsCoachingSession *session = ks_coaching_session_new ();

  session->date = g_strdup ("2026-03-02");
  session->rating = 4;
  return session;
}

typedef gboolean (*Validate) (gconstpointer item,
                              const char  **field_out,
                              GError      **error);

static void
check_cases (const CheckCase *cases,
             guint            n,
             gpointer       (*make) (void),
             GDestroyNotify   destroy,
             Validate         validate)
{
  gpointer valid = make ();
  g_autoptr(GError) error = NULL;
  const char *field = "untouched";

  g_assert_true (validate (valid, &field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (field, ==, "untouched");
  destroy (valid);

  for (guint i = 0; i < n; i++)
    {
      gpointer item = make ();

      g_test_message ("check: %s", cases[i].what);
      field = NULL;
      g_clear_error (&error);
      cases[i].spoil (item);
      g_assert_false (validate (item, &field, &error));
      g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].message);
      /* and without a place for the field */
      g_clear_error (&error);
      g_assert_false (validate (item, NULL, &error));
      g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
      destroy (item);
    }
}

static void
test_validate (void)
{
  check_cases (member_cases, G_N_ELEMENTS (member_cases), (gpointer (*) (void)) valid_member,
               (GDestroyNotify) ks_member_free, (Validate) ks_member_validate);
  check_cases (plan_cases, G_N_ELEMENTS (plan_cases), (gpointer (*) (void)) valid_plan,
               (GDestroyNotify) ks_coaching_plan_free, (Validate) ks_coaching_plan_validate);
  check_cases (action_cases, G_N_ELEMENTS (action_cases), (gpointer (*) (void)) valid_action,
               (GDestroyNotify) ks_coaching_action_free,
               (Validate) ks_coaching_action_validate);
  check_cases (session_cases, G_N_ELEMENTS (session_cases),
               (gpointer (*) (void)) valid_session, (GDestroyNotify) ks_coaching_session_free,
               (Validate) ks_coaching_session_validate);
}

/* A new member without an id may name any mentor; a rating of 0 is "none". */
static void
test_validate_edges (void)
{
  g_autoptr(KsMember) member = ks_member_new ();
  g_autoptr(KsCoachingSession) session = valid_session ();
  g_autoptr(KsCoachingPlan) plan = valid_plan ();
  g_autoptr(KsCoachingAction) action = valid_action ();

  set_text (&member->name, " Li Wei ");
  g_assert_true (ks_member_validate (member, NULL, NULL));
  session->rating = 0;
  g_assert_true (ks_coaching_session_validate (session, NULL, NULL));
  plan->skill = KS_SKILL_CUSTOM;
  set_text (&plan->custom_skill, "Mandarin");
  set_text (&plan->due, plan->start);   /* due the day it starts */
  g_assert_true (ks_coaching_plan_validate (plan, NULL, NULL));
  set_text (&plan->due, NULL);
  g_assert_true (ks_coaching_plan_validate (plan, NULL, NULL));
  set_text (&action->due, "");
  g_assert_true (ks_coaching_action_validate (action, NULL, NULL));
}

/* ---- Keys, labels, copies ------------------------------------------------------ */

static void
test_keys (void)
{
  static const char * const skills[] = {
    "customer_analysis", "negotiation", "solution_design", "resource_coordination", "custom"
  };
  static const char * const statuses[] = { "active", "achieved", "paused", "dropped" };
  static const char * const kinds[] = {
    "training", "role_play", "shadowing", "reading", "rotation"
  };
  static const char * const sessions[] = { "one_on_one", "joint_visit", "role_play", "review" };

  G_STATIC_ASSERT (G_N_ELEMENTS (skills) == KS_N_SKILLS);
  G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == KS_N_COACHING_STATUSES);
  G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == KS_N_COACHING_ACTION_KINDS);
  G_STATIC_ASSERT (G_N_ELEMENTS (sessions) == KS_N_SESSION_KINDS);

  for (int i = 0; i < KS_N_SKILLS; i++)
    {
      g_assert_cmpstr (ks_skill_get_key (i), ==, skills[i]);
      g_assert_cmpint (ks_skill_from_key (skills[i]), ==, i);
      g_assert_cmpstr (ks_skill_get_label (i), !=, "");
    }
  for (int i = 0; i < KS_N_COACHING_STATUSES; i++)
    {
      g_assert_cmpstr (ks_coaching_status_get_key (i), ==, statuses[i]);
      g_assert_cmpint (ks_coaching_status_from_key (statuses[i]), ==, i);
      g_assert_cmpstr (ks_coaching_status_get_label (i), !=, "");
    }
  for (int i = 0; i < KS_N_COACHING_ACTION_KINDS; i++)
    {
      g_assert_cmpstr (ks_coaching_action_kind_get_key (i), ==, kinds[i]);
      g_assert_cmpint (ks_coaching_action_kind_from_key (kinds[i]), ==, i);
      g_assert_cmpstr (ks_coaching_action_kind_get_label (i), !=, "");
    }
  for (int i = 0; i < KS_N_SESSION_KINDS; i++)
    {
      g_assert_cmpstr (ks_session_kind_get_key (i), ==, sessions[i]);
      g_assert_cmpint (ks_session_kind_from_key (sessions[i]), ==, i);
      g_assert_cmpstr (ks_session_kind_get_label (i), !=, "");
    }

  /* the glossary's English */
  g_assert_cmpstr (ks_skill_get_label (KS_SKILL_CUSTOMER_ANALYSIS), ==, "Customer analysis");
  g_assert_cmpstr (ks_skill_get_label (KS_SKILL_NEGOTIATION), ==, "Negotiation");
  g_assert_cmpstr (ks_skill_get_label (KS_SKILL_SOLUTION_DESIGN), ==, "Solution design");
  g_assert_cmpstr (ks_skill_get_label (KS_SKILL_RESOURCE_COORDINATION), ==,
                   "Resource coordination");

  g_assert_cmpint (ks_skill_from_key ("Negotiation"), ==, -1);
  g_assert_cmpint (ks_skill_from_key (NULL), ==, -1);
  g_assert_cmpint (ks_coaching_status_from_key ("done"), ==, -1);
  g_assert_cmpint (ks_coaching_action_kind_from_key (""), ==, -1);
  g_assert_cmpint (ks_session_kind_from_key ("visit"), ==, -1);
}

static void
test_copies (void)
{
  g_autoptr(KsCoachingPlan) plan = valid_plan ();
  g_autoptr(KsCoachingPlan) copy = NULL;
  g_autoptr(KsMember) member = valid_member ();
  g_autoptr(KsMember) member_copy = ks_member_copy (member);
  KsCoachingAction *action = valid_action ();
  KsCoachingSession *session = valid_session ();

  plan->id = 5;
  plan->member_id = 9;
  action->id = 11;
  action->plan_id = 5;
  session->id = 12;
  session->plan_id = 5;
  set_text (&session->next_step, "再演练一次");
  g_ptr_array_add (plan->actions, action);
  g_ptr_array_add (plan->sessions, session);

  copy = ks_coaching_plan_copy (plan);
  g_assert_true (copy != plan);
  g_assert_cmpint (copy->id, ==, 5);
  g_assert_cmpint (copy->member_id, ==, 9);
  g_assert_cmpint (copy->skill, ==, KS_SKILL_NEGOTIATION);
  g_assert_cmpstr (copy->objective, ==, plan->objective);
  g_assert_cmpstr (copy->due, ==, "2026-06-30");
  g_assert_cmpuint (copy->actions->len, ==, 1);
  g_assert_cmpuint (copy->sessions->len, ==, 1);
  g_assert_true (g_ptr_array_index (copy->actions, 0) != action);
  g_assert_cmpint (((KsCoachingAction *) g_ptr_array_index (copy->actions, 0))->id, ==, 11);
  g_assert_cmpstr (((KsCoachingSession *) g_ptr_array_index (copy->sessions, 0))->next_step,
                   ==, "再演练一次");
  g_assert_cmpstr (ks_coaching_plan_get_skill_name (copy), ==, "Negotiation");
  copy->skill = KS_SKILL_CUSTOM;
  set_text (&copy->custom_skill, "Mandarin");
  g_assert_cmpstr (ks_coaching_plan_get_skill_name (copy), ==, "Mandarin");

  g_assert_cmpstr (member_copy->name, ==, "李娜");
  g_assert_cmpint (member_copy->mentor_id, ==, 3);
  g_assert_true (member_copy->name != member->name);

  /* what new ones start with */
  {
    g_autoptr(KsCoachingPlan) fresh = ks_coaching_plan_new ();

    g_assert_cmpint (fresh->start_level, ==, 1);
    g_assert_cmpint (fresh->current_level, ==, 1);
    g_assert_cmpint (fresh->target_level, ==, 3);
    g_assert_cmpint (fresh->status, ==, KS_COACHING_ACTIVE);
    g_assert_cmpuint (fresh->actions->len, ==, 0);
    g_assert_cmpuint (fresh->sessions->len, ==, 0);
    g_assert_cmpstr (fresh->custom_skill, ==, "");
  }
}

/* ---- The skills picture -------------------------------------------------------- */

typedef struct
{
  KsSkill           skill;
  const char       *custom;
  KsCoachingStatus  status;
  const char       *start;
  int               current, target;
} SkillPlanCase;

static const SkillPlanCase skill_plans[] = {
  { KS_SKILL_NEGOTIATION, NULL, KS_COACHING_ACTIVE, "2026-01-01", 2, 4 },
  /* started later: wins over the active one */
  { KS_SKILL_NEGOTIATION, NULL, KS_COACHING_PAUSED, "2026-06-01", 3, 5 },
  /* an open plan wins over an achieved one, however late */
  { KS_SKILL_NEGOTIATION, NULL, KS_COACHING_ACHIEVED, "2026-09-01", 4, 4 },
  { KS_SKILL_CUSTOMER_ANALYSIS, NULL, KS_COACHING_ACHIEVED, "2025-03-01", 3, 3 },
  { KS_SKILL_CUSTOMER_ANALYSIS, NULL, KS_COACHING_ACHIEVED, "2026-02-01", 4, 4 },
  /* dropped: not shown */
  { KS_SKILL_SOLUTION_DESIGN, NULL, KS_COACHING_DROPPED, "2026-01-01", 1, 3 },
  { KS_SKILL_CUSTOM, "Mandarin", KS_COACHING_ACTIVE, "2026-01-01", 1, 2 },
  /* the same custom skill, typed otherwise */
  { KS_SKILL_CUSTOM, "  mandarin ", KS_COACHING_PAUSED, "2026-04-01", 2, 3 },
  { KS_SKILL_CUSTOM, "Account planning", KS_COACHING_ACTIVE, "2026-01-01", 2, 5 },
  { KS_SKILL_RESOURCE_COORDINATION, NULL, KS_COACHING_DROPPED, "2026-01-01", 2, 3 },
};

static GPtrArray *
skill_plan_array (void)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_coaching_plan_free);

  for (guint i = 0; i < G_N_ELEMENTS (skill_plans); i++)
    {
      KsCoachingPlan *plan = ks_coaching_plan_new ();

      plan->id = i + 1;
      plan->skill = skill_plans[i].skill;
      if (skill_plans[i].custom != NULL)
        set_text (&plan->custom_skill, skill_plans[i].custom);
      plan->status = skill_plans[i].status;
      plan->start = g_strdup (skill_plans[i].start);
      plan->start_level = 1;
      plan->current_level = skill_plans[i].current;
      plan->target_level = skill_plans[i].target;
      g_ptr_array_add (plans, plan);
    }
  return plans;
}

static void
test_skill_levels (void)
{
  static const struct
  {
    const char *name;
    int         current, target;
    gboolean    achieved;
  } want[] = {
    { "Customer analysis", 4, 4, TRUE },
    { "Negotiation", 3, 5, FALSE },
    { "Account planning", 2, 5, FALSE },
    { "mandarin", 2, 3, FALSE },
  };
  g_autoptr(GPtrArray) plans = skill_plan_array ();
  g_autoptr(GPtrArray) levels = ks_team_skill_levels (plans);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) no_levels = ks_team_skill_levels (none);

  g_assert_cmpuint (levels->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < levels->len; i++)
    {
      const KsSkillLevel *level = g_ptr_array_index (levels, i);

      g_assert_cmpstr (level->name, ==, want[i].name);
      g_assert_cmpint (level->current_level, ==, want[i].current);
      g_assert_cmpint (level->target_level, ==, want[i].target);
      g_assert_cmpint (level->achieved, ==, want[i].achieved);
    }
  g_assert_cmpuint (no_levels->len, ==, 0);
}

/* ---- Charts -------------------------------------------------------------------- */

typedef struct
{
  int r, g, b;
} Rgb;

static Rgb
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p;

  p = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface) +
                                          x * 4);
  return (Rgb) { (p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff };
}

static gboolean
rgb_near (Rgb                 got,
          const KsChartColor *color,
          int                 tolerance)
{
  return abs (got.r - (int) lround (color->red * 255)) <= tolerance &&
         abs (got.g - (int) lround (color->green * 255)) <= tolerance &&
         abs (got.b - (int) lround (color->blue * 255)) <= tolerance;
}

/* How many pixels of row @y, from @x0 to @x1, are @color. */
static guint
count_row (cairo_surface_t    *surface,
           int                 y,
           int                 x0,
           int                 x1,
           const KsChartColor *color)
{
  guint n = 0;

  cairo_surface_flush (surface);
  for (int x = x0; x < x1; x++)
    if (rgb_near (pixel_at (surface, x, y), color, 8))
      n++;
  return n;
}

static KsSkillLevel *
skill_level (const char *name,
             int         current,
             int         target,
             gboolean    achieved)
{
  KsSkillLevel *level = g_new0 (KsSkillLevel, 1);

  level->name = g_strdup (name);
  level->current_level = current;
  level->target_level = target;
  level->achieved = achieved;
  return level;
}

/* The bars say the levels: the filled bar is as long as the current level, the framed
 * one as the target, both from the same start; an achieved skill is green. */
static void
test_skills_pixels (void)
{
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                ks_skill_level_free);
  KsChartColor accent, target, alert;
  KsChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  /* rows are 30 px high below a 20 px scale and the 12 px margin */
  int row_y[2] = { 12 + 20 + 15, 12 + 20 + 30 + 15 };
  guint filled, framed_run = 0;
  int first = -1, last = -1;

  ks_plan_chart_get_colors (KS_CHART_STYLE_LIGHT, &target, &accent, &alert);
  ks_chart_style_init (&style, KS_CHART_STYLE_LIGHT);
  g_ptr_array_add (levels, skill_level ("Negotiation", 2, 4, FALSE));
  g_ptr_array_add (levels, skill_level ("Customer analysis", 3, 3, TRUE));
  height = ks_skills_chart_get_height (levels->len);
  g_assert_cmpfloat (height, ==, 2 * 12 + 20 + 2 * 30);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHART_WIDTH, (int) height);
  cr = cairo_create (surface);
  ks_skills_chart_render (cr, CHART_WIDTH, height, levels, KS_CHART_STYLE_LIGHT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Negotiation: filled to 2, framed to 4. */
  filled = count_row (surface, row_y[0], 0, CHART_WIDTH, &accent);
  for (int x = 0; x < CHART_WIDTH; x++)
    {
      Rgb p = pixel_at (surface, x, row_y[0]);

      if (p.r > 250 && p.g > 250 && p.b > 250)
        continue;
      if (rgb_near (p, &accent, 8) || (p.b > p.r && p.b > 200 && p.r > 150))
        {
          if (first < 0)
            first = x;
          last = x;
        }
    }
  g_assert_cmpint (first, >=, 0);
  framed_run = last - first + 1;
  g_test_message ("filled %u of %u px", filled, framed_run);
  /* current 2 of target 4: half, give or take the frame */
  g_assert_cmpfloat (fabs ((double) filled / framed_run - 0.5), <, 0.04);

  /* Customer analysis, achieved: green, not blue. */
  {
    KsChartColor success = style.tiers[KS_TIER_KEY];

    g_assert_cmpuint (count_row (surface, row_y[1], 0, CHART_WIDTH, &success), >, 50);
    g_assert_cmpuint (count_row (surface, row_y[1], 0, CHART_WIDTH, &accent), ==, 0);
  }
  cairo_surface_destroy (surface);
}

static KsCoachingPlan *
timeline_plan (KsSkill           skill,
               KsCoachingStatus  status,
               const char       *start,
               const char       *due,
               const char       *action_due)
{
  KsCoachingPlan *plan = ks_coaching_plan_new ();

  plan->skill = skill;
  plan->status = status;
  plan->start = g_strdup (start);
  plan->due = g_strdup (due);
  if (action_due != NULL)
    {
      KsCoachingAction *action = ks_coaching_action_new ();

      set_text (&action->title, "Workshop");
      action->due = g_strdup (action_due);
      g_ptr_array_add (plan->actions, action);
    }
  return plan;
}

/* Three plans as of TODAY: on time, past its due date, with an overdue action. */
static GPtrArray *
timeline_plans (void)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_coaching_plan_free);

  g_ptr_array_add (plans, timeline_plan (KS_SKILL_NEGOTIATION, KS_COACHING_ACTIVE,
                                         "2026-09-01", "2027-02-28", "2026-12-15"));
  g_ptr_array_add (plans, timeline_plan (KS_SKILL_SOLUTION_DESIGN, KS_COACHING_ACTIVE,
                                         "2026-06-01", "2026-11-01", NULL));
  g_ptr_array_add (plans, timeline_plan (KS_SKILL_CUSTOMER_ANALYSIS, KS_COACHING_ACTIVE,
                                         "2026-10-01", NULL, "2026-11-20"));
  return plans;
}

/* Overdue plans and plans with an overdue action are red; the others are not. */
static void
test_timeline_pixels (void)
{
  g_autoptr(GPtrArray) plans = timeline_plans ();
  KsChartColor accent, target, alert;
  cairo_surface_t *surface;
  cairo_t *cr;
  GDate today;
  double height = ks_coaching_timeline_get_height (plans->len);
  /* rows are 30 px high below the 12 px margin and the 18 px "Today" */
  int row_y[3] = { 12 + 18 + 15, 12 + 18 + 45, 12 + 18 + 75 };

  set_date (&today, TODAY);
  ks_plan_chart_get_colors (KS_CHART_STYLE_LIGHT, &target, &accent, &alert);
  g_assert_cmpfloat (height, ==, 2 * 12 + 18 + 3 * 30 + 22);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHART_WIDTH, (int) height);
  cr = cairo_create (surface);
  ks_coaching_timeline_render (cr, CHART_WIDTH, height, plans, &today, KS_CHART_STYLE_LIGHT,
                               NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  g_assert_cmpuint (count_row (surface, row_y[0], CHART_WIDTH / 3, CHART_WIDTH, &accent), >,
                    40);
  g_assert_cmpuint (count_row (surface, row_y[0], 0, CHART_WIDTH, &alert), ==, 0);
  g_assert_cmpuint (count_row (surface, row_y[1], CHART_WIDTH / 3, CHART_WIDTH, &alert), >,
                    40);
  g_assert_cmpuint (count_row (surface, row_y[1], 0, CHART_WIDTH, &accent), ==, 0);
  /* open-ended: red where it starts, fading out */
  g_assert_cmpuint (count_row (surface, row_y[2], CHART_WIDTH / 3, CHART_WIDTH, &alert), >,
                    10);
  cairo_surface_destroy (surface);
}

static void
test_plan_at (void)
{
  g_autoptr(GPtrArray) plans = timeline_plans ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  double height = ks_coaching_timeline_get_height (plans->len);
  GDate today;

  set_date (&today, TODAY);
  for (int i = 0; i < 3; i++)
    {
      /* on the bar, and on the label */
      g_assert_cmpint (ks_coaching_timeline_plan_at (CHART_WIDTH, height, plans, &today, NULL,
                                                     CHART_WIDTH / 2.0, 12 + 18 + 30 * i + 15),
                       ==, i);
      g_assert_cmpint (ks_coaching_timeline_plan_at (CHART_WIDTH, height, plans, &today, NULL,
                                                     20, 12 + 18 + 30 * i + 2), ==, i);
    }
  /* above the rows, below them, beside them */
  g_assert_cmpint (ks_coaching_timeline_plan_at (CHART_WIDTH, height, plans, &today, NULL,
                                                 CHART_WIDTH / 2.0, 20), ==, -1);
  g_assert_cmpint (ks_coaching_timeline_plan_at (CHART_WIDTH, height, plans, &today, NULL,
                                                 CHART_WIDTH / 2.0, height - 5), ==, -1);
  g_assert_cmpint (ks_coaching_timeline_plan_at (CHART_WIDTH, height, plans, &today, NULL,
                                                 CHART_WIDTH - 3, 12 + 18 + 15), ==, -1);
  g_assert_cmpint (ks_coaching_timeline_plan_at (CHART_WIDTH, height, none, &today, NULL,
                                                 CHART_WIDTH / 2.0, 12 + 18 + 15), ==, -1);
  /* a chart too short for the last row has no third row */
  g_assert_cmpint (ks_coaching_timeline_plan_at (CHART_WIDTH, 12 + 18 + 70, plans, &today,
                                                 NULL, CHART_WIDTH / 2.0, 12 + 18 + 75), ==,
                   -1);
}

static void
test_describe (void)
{
  g_autoptr(KsSkillLevel) open = skill_level ("Negotiation", 2, 4, FALSE);
  g_autoptr(KsSkillLevel) done = skill_level ("谈判技巧", 4, 4, TRUE);
  g_autofree char *a = ks_skills_chart_describe (open);
  g_autofree char *b = ks_skills_chart_describe (done);

  g_assert_cmpstr (a, ==, "Negotiation: level 2, target 4");
  g_assert_cmpstr (b, ==, "谈判技巧: level 4, target 4, achieved");
}

/* Nothing goes wrong on odd sizes and odd data, in every style. */
static void
test_robust (void)
{
  static const double sizes[][2] = { { 0, 0 }, { 10, 10 }, { 30, 200 }, { 200, 30 },
                                     { 2000, 80 } };
  g_autoptr(GPtrArray) plans = timeline_plans ();
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                ks_skill_level_free);
  KsCoachingPlan *odd = ks_coaching_plan_new ();
  GDate today;

  set_date (&today, TODAY);
  odd->start = g_strdup ("garbage");
  g_ptr_array_add (plans, odd);
  g_ptr_array_add (plans, timeline_plan (KS_SKILL_CUSTOM, KS_COACHING_DROPPED, "1999-01-01",
                                         "2040-12-31", NULL));
  g_ptr_array_add (levels, skill_level ("A very long skill name that does not fit at all in "
                                        "the room the chart leaves for names", 9, -2, FALSE));
  g_ptr_array_add (levels, skill_level ("", 0, 0, TRUE));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int style = KS_CHART_STYLE_LIGHT; style <= KS_CHART_STYLE_HIGH_CONTRAST; style++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                               MAX (1, (int) sizes[s][0]),
                                                               MAX (1, (int) sizes[s][1]));
        cairo_t *cr = cairo_create (surface);

        ks_skills_chart_render (cr, sizes[s][0], sizes[s][1], levels, style, NULL);
        ks_skills_chart_render (cr, sizes[s][0], sizes[s][1], NULL, style, NULL);
        ks_coaching_timeline_render (cr, sizes[s][0], sizes[s][1], plans, &today, style, NULL);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

#ifdef HAVE_POPPLER
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (document);
  return text;
}
#endif

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", part, text);
}

/* @part is in @text, both without their spaces. */
static void
assert_has_compact (const char *text,
                    const char *part)
{
  g_autoptr(GString) compact_text = g_string_new (text);
  g_autoptr(GString) compact_part = g_string_new (part);

  g_string_replace (compact_text, " ", "", 0);
  g_string_replace (compact_part, " ", "", 0);
  assert_has (compact_text->str, compact_part->str);
}

/* The skills and the timeline on one PDF page, as the quarterly review prints them;
 * another page for a member with no plans. */
static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("keystone-team-chart-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *empty_path = NULL;
  g_autoptr(GPtrArray) plans = timeline_plans ();
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  double skills_h, timeline_h;
  cairo_surface_t *surface;
  cairo_t *cr;
  GDate today;

  g_assert_no_error (error);
  set_date (&today, TODAY);
  ((KsCoachingPlan *) g_ptr_array_index (plans, 0))->current_level = 3;
  ((KsCoachingPlan *) g_ptr_array_index (plans, 0))->target_level = 4;
  levels = ks_team_skill_levels (plans);
  skills_h = ks_skills_chart_get_height (levels->len);
  timeline_h = ks_coaching_timeline_get_height (plans->len);

  path = g_build_filename (dir, "member.pdf", NULL);
  surface = cairo_pdf_surface_create (path, CHART_WIDTH, skills_h + timeline_h);
  cr = cairo_create (surface);
  ks_skills_chart_render (cr, CHART_WIDTH, skills_h, levels, KS_CHART_STYLE_LIGHT, NULL);
  cairo_translate (cr, 0, skills_h);
  ks_coaching_timeline_render (cr, CHART_WIDTH, timeline_h, plans, &today,
                               KS_CHART_STYLE_LIGHT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  empty_path = g_build_filename (dir, "empty.pdf", NULL);
  surface = cairo_pdf_surface_create (empty_path, CHART_WIDTH, 200);
  cr = cairo_create (surface);
  ks_skills_chart_render (cr, CHART_WIDTH, ks_skills_chart_get_height (0), none,
                          KS_CHART_STYLE_LIGHT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

#ifdef HAVE_POPPLER
  {
    g_autofree char *text = pdf_text (path);
    g_autofree char *empty = pdf_text (empty_path);

    assert_has (text, "Negotiation");
    assert_has (text, "Solution design");
    assert_has (text, "Customer analysis");
    /* "3 → 4": the arrow's spaces are narrow, poppler reads them as none */
    assert_has_compact (text, "3 → 4");
    assert_has_compact (text, "1 → 3");
    assert_has (text, "Today");
    /* the months, with the year at the first and at January */
    assert_has (text, " 2026");
    assert_has (text, "Jan 2027");
    /* the overdue plans are marked */
    assert_has (text, "⚠ Solution design");
    assert_has (text, "⚠ Customer analysis");
    g_assert_null (strstr (text, "⚠ Negotiation"));

    assert_has (empty, "No coaching plans yet");
  }
#else
  (void) assert_has_compact;
  g_test_message ("poppler-glib not found: the PDF's text is not checked");
#endif

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (empty_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/team/kpis", test_kpis);
  g_test_add_func ("/keystone/team/kpis-many", test_kpis_many);
  g_test_add_func ("/keystone/team/owns", test_owns);
  g_test_add_func ("/keystone/team/progress", test_progress);
  g_test_add_func ("/keystone/team/action-overdue", test_action_overdue);
  g_test_add_func ("/keystone/team/validate", test_validate);
  g_test_add_func ("/keystone/team/validate-edges", test_validate_edges);
  g_test_add_func ("/keystone/team/keys", test_keys);
  g_test_add_func ("/keystone/team/copies", test_copies);
  g_test_add_func ("/keystone/team/skill-levels", test_skill_levels);
  g_test_add_func ("/keystone/team/skills-pixels", test_skills_pixels);
  g_test_add_func ("/keystone/team/timeline-pixels", test_timeline_pixels);
  g_test_add_func ("/keystone/team/plan-at", test_plan_at);
  g_test_add_func ("/keystone/team/describe", test_describe);
  g_test_add_func ("/keystone/team/robust", test_robust);
  g_test_add_func ("/keystone/team/pdf", test_pdf);

  return g_test_run ();
}
