/* ks-team.h — the team and its coaching plans as plain data, and the pure rules over
 * them: a member's KPIs from the accounts they own, a plan's progress, what is overdue.
 * No I/O here; "today" is always the caller's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ks-account.h"
#include "ks-plan.h"

G_BEGIN_DECLS

#define KS_TEAM_NAME_MAX   200    /* characters: a member's name, role, a coach */
#define KS_TEAM_TEXT_MAX   2000   /* characters: an objective, an action, a next step */
#define KS_TEAM_NOTES_MAX  20000  /* characters: a member's notes, a session's notes */
#define KS_SKILL_LEVEL_MIN 1
#define KS_SKILL_LEVEL_MAX 5

/* ---- Members ------------------------------------------------------------------- */

/* A KA manager of the team. Account owners are members: the name is how an account
 * names its owner, unique whatever its case. */
typedef struct
{
  gint64  id;          /* 0 until stored */
  char   *name;
  char   *role;
  gint64  mentor_id;   /* another member, or 0 */
  char   *notes;
} KsMember;

KsMember    *ks_member_new                  (void);
KsMember    *ks_member_copy                 (const KsMember       *member);
void         ks_member_free                 (KsMember             *member);
/* A name (trimmed, not empty, at most KS_TEAM_NAME_MAX), a role, notes within their
 * limits, not one's own mentor. KS_ERROR_INVALID with a translated message; with
 * @field_out the field at fault ("name", "role", "mentor", "notes"). */
gboolean     ks_member_validate             (const KsMember       *member,
                                             const char          **field_out,
                                             GError              **error);

/* What the team list shows of a member: computed from the accounts they own. */
typedef struct
{
  guint    accounts;            /* accounts owned */
  guint    key_accounts;        /* of those, tier Core or Key */
  gboolean has_attainment;      /* some owned account has a revenue target this year */
  double   attainment_ytd;      /* percent: the mean of the owned accounts' YTD
                                 * attainment, over those that have one */
  guint    overdue_complaints;  /* open complaints past their 24 h, all owned accounts */
  guint    overdue_actions;     /* account-plan actions past due, all owned accounts */
} KsMemberKpis;

/* Whether @account is owned by the member called @name (same name whatever its case,
 * surrounding spaces ignored). Case is that of ASCII letters, as the database's NOCASE
 * compares member names: "li wei" is "Li Wei", "émile" is not "Émile". */
gboolean     ks_member_owns                 (const char           *name,
                                             KsAccount            *account);
/* The KPIs of the member called @name over @accounts (KsAccount), from each owned
 * account's tier and plan summary (ks_account_get_plan_summary()). */
void         ks_member_kpis_compute         (const char           *name,
                                             GListModel           *accounts,
                                             KsMemberKpis         *kpis);
/* Every owner's KPIs in one pass over @accounts (KsAccount), for a view that shows the
 * whole team: read them with ks_team_kpis_lookup(). Owners are told apart as
 * ks_member_owns() does. Free with g_hash_table_unref(). */
GHashTable  *ks_team_kpis_compute_all       (GListModel           *accounts);
/* The KPIs of the member called @name in @all (from ks_team_kpis_compute_all()): the
 * same as ks_member_kpis_compute() would give, zeros for someone who owns nothing. */
void         ks_team_kpis_lookup            (GHashTable           *all,
                                             const char           *name,
                                             KsMemberKpis         *kpis);

/* ---- Coaching plans ------------------------------------------------------------ */

typedef enum
{
  KS_SKILL_CUSTOMER_ANALYSIS,
  KS_SKILL_NEGOTIATION,
  KS_SKILL_SOLUTION_DESIGN,
  KS_SKILL_RESOURCE_COORDINATION,
  KS_SKILL_CUSTOM,              /* named by the plan's custom_skill */
  KS_N_SKILLS
} KsSkill;

typedef enum
{
  KS_COACHING_ACTIVE,
  KS_COACHING_ACHIEVED,
  KS_COACHING_PAUSED,
  KS_COACHING_DROPPED,
  KS_N_COACHING_STATUSES
} KsCoachingStatus;

typedef enum
{
  KS_COACHING_ACTION_TRAINING,
  KS_COACHING_ACTION_ROLE_PLAY,
  KS_COACHING_ACTION_SHADOWING,
  KS_COACHING_ACTION_READING,
  KS_COACHING_ACTION_ROTATION,
  KS_N_COACHING_ACTION_KINDS
} KsCoachingActionKind;

typedef enum
{
  KS_SESSION_ONE_ON_ONE,
  KS_SESSION_JOINT_VISIT,
  KS_SESSION_ROLE_PLAY,
  KS_SESSION_REVIEW,
  KS_N_SESSION_KINDS
} KsSessionKind;

typedef struct
{
  gint64                id;       /* 0 until stored */
  gint64                plan_id;
  KsCoachingActionKind  kind;
  char                 *title;
  char                 *due;      /* "YYYY-MM-DD" or NULL */
  KsActionStatus        status;   /* the account plan's statuses */
} KsCoachingAction;

typedef struct
{
  gint64         id;              /* 0 until stored */
  gint64         plan_id;
  char          *date;            /* "YYYY-MM-DD" */
  KsSessionKind  kind;
  int            rating;          /* 1–5, or 0 for none */
  char          *notes;
  char          *next_step;       /* the agreed next step */
} KsCoachingSession;

typedef struct
{
  gint64            id;           /* 0 until stored */
  gint64            member_id;
  KsSkill           skill;
  char             *custom_skill; /* the skill's name when KS_SKILL_CUSTOM, else "" */
  int               start_level;  /* 1–5: the level when the plan began */
  int               current_level;/* 1–5 */
  int               target_level; /* 1–5 */
  char             *objective;
  char             *start;        /* "YYYY-MM-DD" */
  char             *due;          /* "YYYY-MM-DD" (not before start) or NULL */
  KsCoachingStatus  status;
  char             *coach;
  GPtrArray        *actions;      /* KsCoachingAction *, by due date (none last), id */
  GPtrArray        *sessions;     /* KsCoachingSession *, newest first */
} KsCoachingPlan;

const char  *ks_skill_get_label             (KsSkill               skill);
/* "customer_analysis", "negotiation", "solution_design", "resource_coordination",
 * "custom": never translated. */
const char  *ks_skill_get_key               (KsSkill               skill);
const char  *ks_coaching_status_get_label   (KsCoachingStatus      status);
/* "active", "achieved", "paused", "dropped" */
const char  *ks_coaching_status_get_key     (KsCoachingStatus      status);
const char  *ks_coaching_action_kind_get_label (KsCoachingActionKind kind);
/* "training", "role_play", "shadowing", "reading", "rotation" */
const char  *ks_coaching_action_kind_get_key   (KsCoachingActionKind kind);
const char  *ks_session_kind_get_label      (KsSessionKind         kind);
/* "one_on_one", "joint_visit", "role_play", "review" */
const char  *ks_session_kind_get_key        (KsSessionKind         kind);
/* The enum value whose key is @key, or -1 for an unknown key. */
int          ks_skill_from_key              (const char           *key);
int          ks_coaching_status_from_key    (const char           *key);
int          ks_coaching_action_kind_from_key (const char         *key);
int          ks_session_kind_from_key       (const char           *key);

/* The name a plan's skill goes by: the custom name, or the built-in label. */
const char  *ks_coaching_plan_get_skill_name (const KsCoachingPlan *plan);

KsCoachingAction  *ks_coaching_action_new   (void);
KsCoachingAction  *ks_coaching_action_copy  (const KsCoachingAction  *action);
void               ks_coaching_action_free  (KsCoachingAction        *action);
KsCoachingSession *ks_coaching_session_new  (void);
KsCoachingSession *ks_coaching_session_copy (const KsCoachingSession *session);
void               ks_coaching_session_free (KsCoachingSession       *session);
/* Level 1 → 1 → 3, active, empty arrays. */
KsCoachingPlan    *ks_coaching_plan_new     (void);
/* With copies of its actions and sessions. */
KsCoachingPlan    *ks_coaching_plan_copy    (const KsCoachingPlan    *plan);
void               ks_coaching_plan_free    (KsCoachingPlan          *plan);

/* Each KS_ERROR_INVALID with a translated message naming the problem; @field_out (may
 * be NULL) the field at fault. Plan: a known skill, a custom name for a custom skill
 * ("custom-skill"), levels 1–5 ("start-level", "current-level", "target-level"), a
 * start date ("start"), a due date not before it ("due"), texts within their limits
 * ("objective", "coach"). Action: a title ("title"), a real due date or none ("due").
 * Session: a date ("date"), a rating 0–5 ("rating"), texts within limits ("notes",
 * "next-step"). The actions and sessions of a plan are not checked by the plan's. */
gboolean     ks_coaching_plan_validate      (const KsCoachingPlan    *plan,
                                             const char             **field_out,
                                             GError                 **error);
gboolean     ks_coaching_action_validate    (const KsCoachingAction  *action,
                                             const char             **field_out,
                                             GError                 **error);
gboolean     ks_coaching_session_validate   (const KsCoachingSession *session,
                                             const char             **field_out,
                                             GError                 **error);

/* How far a plan has come, as of @today. */
typedef struct
{
  guint    actions_counted;   /* actions not dropped */
  guint    actions_done;
  double   actions_percent;   /* done / counted × 100; 0 when none counted */
  guint    overdue_actions;   /* open or in progress, due before @today */
  int      levels_gained;     /* current − start (may be negative) */
  int      levels_planned;    /* target − start (0 or less: nothing to gain) */
  double   levels_percent;    /* gained / planned × 100, clamped 0–100; 100 when the
                               * current level is at or past the target */
  gboolean overdue;           /* active and past its due date */
} KsCoachingProgress;

void         ks_coaching_plan_progress      (const KsCoachingPlan    *plan,
                                             const GDate             *today,
                                             KsCoachingProgress      *progress);
/* An open or in-progress action due before @today. */
gboolean     ks_coaching_action_is_overdue  (const KsCoachingAction  *action,
                                             const GDate             *today);

/* What a member's skills picture shows: per skill (the custom ones each by name), the
 * current and target levels of the member's plans that are active or paused (the most
 * recently started one wins when a skill has several); then achieved plans' levels for
 * skills with no open plan. In the order of KsSkill, custom ones by name. */
typedef struct
{
  char     *name;          /* the skill's label or custom name */
  int       current_level;
  int       target_level;
  gboolean  achieved;      /* from an achieved plan */
} KsSkillLevel;

void         ks_skill_level_free            (KsSkillLevel            *level);
/* KsSkillLevel * of @plans (KsCoachingPlan *) */
GPtrArray   *ks_team_skill_levels           (GPtrArray               *plans);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsMember, ks_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsCoachingAction, ks_coaching_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsCoachingSession, ks_coaching_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsCoachingPlan, ks_coaching_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsSkillLevel, ks_skill_level_free)

G_END_DECLS
