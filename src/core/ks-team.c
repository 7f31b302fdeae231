/* ks-team.c — the team and its coaching plans as plain data: labels and keys, checks
 * and copies, a member's KPIs from the accounts they own, a plan's progress, the skills
 * picture. No I/O here; "today" is always the caller's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-account-list.h"
#include "ks-error.h"
#include "ks-team.h"
#include "ks-validate.h"

#define SESSION_RATING_MAX 5

/* ---- Labels and keys ----------------------------------------------------------- */

static const char * const skill_keys[KS_N_SKILLS] = {
  [KS_SKILL_CUSTOMER_ANALYSIS] = "customer_analysis",
  [KS_SKILL_NEGOTIATION] = "negotiation",
  [KS_SKILL_SOLUTION_DESIGN] = "solution_design",
  [KS_SKILL_RESOURCE_COORDINATION] = "resource_coordination",
  [KS_SKILL_CUSTOM] = "custom",
};

static const char * const skill_labels[KS_N_SKILLS] = {
  /* Translators: a skill a KA manager is coached in: reading the account's business,
   * needs and decision making (客户分析) */
  [KS_SKILL_CUSTOMER_ANALYSIS] = N_("Customer analysis"),
  /* Translators: a skill a KA manager is coached in (谈判技巧) */
  [KS_SKILL_NEGOTIATION] = N_("Negotiation"),
  /* Translators: a skill a KA manager is coached in: putting together an offer that
   * answers the account's needs (方案设计) */
  [KS_SKILL_SOLUTION_DESIGN] = N_("Solution design"),
  /* Translators: a skill a KA manager is coached in: getting our own departments
   * (delivery, service, finance) to work for the account (资源协调) */
  [KS_SKILL_RESOURCE_COORDINATION] = N_("Resource coordination"),
  /* Translators: a coaching plan's skill that is not one of the four built-in ones:
   * the user names it */
  [KS_SKILL_CUSTOM] = N_("Custom skill"),
};

static const char * const coaching_status_keys[KS_N_COACHING_STATUSES] = {
  [KS_COACHING_ACTIVE] = "active",
  [KS_COACHING_ACHIEVED] = "achieved",
  [KS_COACHING_PAUSED] = "paused",
  [KS_COACHING_DROPPED] = "dropped",
};

static const char * const coaching_status_labels[KS_N_COACHING_STATUSES] = {
  /* Translators: the status of a coaching plan: under way */
  [KS_COACHING_ACTIVE] = N_("Active"),
  /* Translators: the status of a coaching plan: the target level was reached */
  [KS_COACHING_ACHIEVED] = N_("Achieved"),
  /* Translators: the status of a coaching plan: on hold for now */
  [KS_COACHING_PAUSED] = N_("Paused"),
  /* Translators: the status of a coaching plan: given up */
  [KS_COACHING_DROPPED] = N_("Dropped"),
};

static const char * const action_kind_keys[KS_N_COACHING_ACTION_KINDS] = {
  [KS_COACHING_ACTION_TRAINING] = "training",
  [KS_COACHING_ACTION_ROLE_PLAY] = "role_play",
  [KS_COACHING_ACTION_SHADOWING] = "shadowing",
  [KS_COACHING_ACTION_READING] = "reading",
  [KS_COACHING_ACTION_ROTATION] = "rotation",
};

static const char * const action_kind_labels[KS_N_COACHING_ACTION_KINDS] = {
  /* Translators: a kind of action in a coaching plan: a course or a workshop */
  [KS_COACHING_ACTION_TRAINING] = N_("Training"),
  /* Translators: a kind of action in a coaching plan: practising a customer meeting
   * with a colleague playing the customer */
  [KS_COACHING_ACTION_ROLE_PLAY] = N_("Role-play drill"),
  /* Translators: a kind of action in a coaching plan: going along with an experienced
   * colleague to watch how they work */
  [KS_COACHING_ACTION_SHADOWING] = N_("Shadowing"),
  /* Translators: a kind of action in a coaching plan: a book or articles to read */
  [KS_COACHING_ACTION_READING] = N_("Reading"),
  /* Translators: a kind of action in a coaching plan: working in another department
   * for a while (job rotation) */
  [KS_COACHING_ACTION_ROTATION] = N_("Job rotation"),
};

static const char * const session_kind_keys[KS_N_SESSION_KINDS] = {
  [KS_SESSION_ONE_ON_ONE] = "one_on_one",
  [KS_SESSION_JOINT_VISIT] = "joint_visit",
  [KS_SESSION_ROLE_PLAY] = "role_play",
  [KS_SESSION_REVIEW] = "review",
};

static const char * const session_kind_labels[KS_N_SESSION_KINDS] = {
  /* Translators: a kind of coaching session: a talk between the coach and the member */
  [KS_SESSION_ONE_ON_ONE] = N_("One-on-one"),
  /* Translators: a kind of coaching session: the coach and the member visit an account
   * together */
  [KS_SESSION_JOINT_VISIT] = N_("Joint visit"),
  /* Translators: a kind of coaching session: practising a customer meeting */
  [KS_SESSION_ROLE_PLAY] = N_("Role-play"),
  /* Translators: a kind of coaching session: looking back at a deal or a meeting */
  [KS_SESSION_REVIEW] = N_("Review"),
};

const char *
ks_skill_get_label (KsSkill skill)
{
  g_return_val_if_fail ((guint) skill < KS_N_SKILLS, NULL);

  return _(skill_labels[skill]);
}

const char *
ks_skill_get_key (KsSkill skill)
{
  g_return_val_if_fail ((guint) skill < KS_N_SKILLS, NULL);

  return skill_keys[skill];
}

const char *
ks_coaching_status_get_label (KsCoachingStatus status)
{
  g_return_val_if_fail ((guint) status < KS_N_COACHING_STATUSES, NULL);

  return _(coaching_status_labels[status]);
}

const char *
ks_coaching_status_get_key (KsCoachingStatus status)
{
  g_return_val_if_fail ((guint) status < KS_N_COACHING_STATUSES, NULL);

  return coaching_status_keys[status];
}

const char *
ks_coaching_action_kind_get_label (KsCoachingActionKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_COACHING_ACTION_KINDS, NULL);

  return _(action_kind_labels[kind]);
}

const char *
ks_coaching_action_kind_get_key (KsCoachingActionKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_COACHING_ACTION_KINDS, NULL);

  return action_kind_keys[kind];
}

const char *
ks_session_kind_get_label (KsSessionKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_SESSION_KINDS, NULL);

  return _(session_kind_labels[kind]);
}

const char *
ks_session_kind_get_key (KsSessionKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_SESSION_KINDS, NULL);

  return session_kind_keys[kind];
}

int
ks_skill_from_key (const char *key)
{
  return ks_key_lookup (skill_keys, KS_N_SKILLS, key);
}

int
ks_coaching_status_from_key (const char *key)
{
  return ks_key_lookup (coaching_status_keys, KS_N_COACHING_STATUSES, key);
}

int
ks_coaching_action_kind_from_key (const char *key)
{
  return ks_key_lookup (action_kind_keys, KS_N_COACHING_ACTION_KINDS, key);
}

int
ks_session_kind_from_key (const char *key)
{
  return ks_key_lookup (session_kind_keys, KS_N_SESSION_KINDS, key);
}

const char *
ks_coaching_plan_get_skill_name (const KsCoachingPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->skill == KS_SKILL_CUSTOM && !ks_validate_is_blank (plan->custom_skill))
    return plan->custom_skill;
  if ((guint) plan->skill >= KS_N_SKILLS)
    return _(skill_labels[KS_SKILL_CUSTOM]);
  return _(skill_labels[plan->skill]);
}

/* ---- Names --------------------------------------------------------------------- */

/* @text without the white space around it: its start, and its length in bytes. */
static const char *
trimmed (const char *text,
         gsize      *length)
{
  const char *end;

  if (text == NULL)
    {
      *length = 0;
      return "";
    }

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;

  *length = (gsize) (end - text);
  return text;
}

/* Whether the trimmed @a (@a_length bytes) names the same member as @b: ASCII letters
 * in any case, as SQLite's NOCASE compares them. No allocation: called for every
 * account on every change. */
static gboolean
same_name (const char *a,
           gsize       a_length,
           const char *b)
{
  gsize b_length;

  b = trimmed (b, &b_length);
  return a_length > 0 && a_length == b_length && g_ascii_strncasecmp (a, b, a_length) == 0;
}

gboolean
ks_member_owns (const char *name,
                KsAccount  *account)
{
  gsize length;

  g_return_val_if_fail (KS_IS_ACCOUNT (account), FALSE);

  name = trimmed (name, &length);
  return same_name (name, length, ks_account_get_owner (account));
}

/* ---- KPIs ---------------------------------------------------------------------- */

/* What the KPIs add up while the accounts go by. */
typedef struct
{
  KsMemberKpis kpis;
  double       attainment_sum;
  guint        n_attainment;
} KpisSum;

static void
kpis_add (KpisSum   *sum,
          KsAccount *account)
{
  const KsPlanSummary *summary = ks_account_get_plan_summary (account);
  KsTier tier = ks_account_get_tier (account);

  sum->kpis.accounts++;
  if (tier == KS_TIER_CORE || tier == KS_TIER_KEY)
    sum->kpis.key_accounts++;
  if (summary->has_attainment)
    {
      sum->attainment_sum += summary->attainment_ytd;
      sum->n_attainment++;
    }
  sum->kpis.overdue_complaints += summary->overdue_complaints;
  sum->kpis.overdue_actions += summary->overdue_actions;
}

static void
kpis_finish (KpisSum *sum)
{
  sum->kpis.has_attainment = sum->n_attainment > 0;
  sum->kpis.attainment_ytd = sum->n_attainment > 0 ? sum->attainment_sum / sum->n_attainment
                                                   : 0;
}

/* Item @i of @accounts without a reference of its own when the model is the store's
 * list (the common case: no reference counting for every account), else with one that
 * *@owned keeps until the next call. */
static KsAccount *
account_at (GListModel  *accounts,
            guint        i,
            KsAccount  **owned)
{
  g_clear_object (owned);
  if (KS_IS_ACCOUNT_LIST (accounts))
    return ks_account_list_get (KS_ACCOUNT_LIST (accounts), i);
  *owned = g_list_model_get_item (accounts, i);
  return *owned;
}

void
ks_member_kpis_compute (const char   *name,
                        GListModel   *accounts,
                        KsMemberKpis *kpis)
{
  g_autoptr(KsAccount) owned = NULL;
  KpisSum sum = { { 0 } };
  gsize length;
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (accounts));
  g_return_if_fail (kpis != NULL);

  name = trimmed (name, &length);
  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n && length > 0; i++)
    {
      KsAccount *account = account_at (accounts, i, &owned);

      if (account != NULL && same_name (name, length, ks_account_get_owner (account)))
        kpis_add (&sum, account);
    }

  kpis_finish (&sum);
  *kpis = sum.kpis;
}

/* The owner keys of ks_team_kpis_compute_all(): a name, trimmed and ASCII-case-folded
 * as it is hashed and compared, so that every account's owner is looked up as it is. */
static guint
owner_hash (gconstpointer key)
{
  gsize length;
  const char *name = trimmed (key, &length);
  guint hash = 5381;

  for (gsize i = 0; i < length; i++)
    hash = hash * 33 + (guchar) g_ascii_tolower (name[i]);

  return hash;
}

static gboolean
owner_equal (gconstpointer a,
             gconstpointer b)
{
  gsize length;
  const char *name = trimmed (a, &length);

  return same_name (name, length, b) || (length == 0 && ks_validate_is_blank (b));
}

GHashTable *
ks_team_kpis_compute_all (GListModel *accounts)
{
  g_autoptr(KsAccount) owned = NULL;
  GHashTable *all;
  GHashTableIter iter;
  gpointer value;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);

  all = g_hash_table_new_full (owner_hash, owner_equal, g_free, g_free);
  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      KsAccount *account = account_at (accounts, i, &owned);
      const char *owner;
      KpisSum *sum;

      if (account == NULL)
        continue;
      owner = ks_account_get_owner (account);
      if (ks_validate_is_blank (owner))
        continue;

      sum = g_hash_table_lookup (all, owner);
      if (sum == NULL)
        {
          sum = g_new0 (KpisSum, 1);
          g_hash_table_insert (all, g_strdup (owner), sum);
        }
      kpis_add (sum, account);
    }

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    kpis_finish (value);

  return all;
}

void
ks_team_kpis_lookup (GHashTable   *all,
                     const char   *name,
                     KsMemberKpis *kpis)
{
  const KpisSum *sum = NULL;

  g_return_if_fail (all != NULL);
  g_return_if_fail (kpis != NULL);

  if (!ks_validate_is_blank (name))
    sum = g_hash_table_lookup (all, name);
  if (sum != NULL)
    *kpis = sum->kpis;
  else
    memset (kpis, 0, sizeof *kpis);
}

/* ---- Checks shared by the items ------------------------------------------------ */

/* The team's optional dates read white space alone as no date. */
static gboolean
validate_date (const char  *text,
               const char  *label,
               GDate       *date,
               GError     **error)
{
  return ks_validate_date (ks_validate_is_blank (text) ? NULL : text, label, date, error);
}

/* ---- Members ------------------------------------------------------------------- */

KsMember *
ks_member_new (void)
{
  KsMember *member = g_new0 (KsMember, 1);

  member->name = g_strdup ("");
  member->role = g_strdup ("");
  member->notes = g_strdup ("");

  return member;
}

KsMember *
ks_member_copy (const KsMember *member)
{
  KsMember *copy;

  g_return_val_if_fail (member != NULL, NULL);

  copy = g_new0 (KsMember, 1);
  copy->id = member->id;
  copy->name = g_strdup (member->name);
  copy->role = g_strdup (member->role);
  copy->mentor_id = member->mentor_id;
  copy->notes = g_strdup (member->notes);

  return copy;
}

void
ks_member_free (KsMember *member)
{
  if (member == NULL)
    return;

  g_free (member->name);
  g_free (member->role);
  g_free (member->notes);
  g_free (member);
}

gboolean
ks_member_validate (const KsMember  *member,
                    const char     **field_out,
                    GError         **error)
{
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ks_validate_is_blank (member->name))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The team member needs a name."));
      return ks_validate_fail (field_out, "name");
    }
  /* Translators: the name of a field of a team member */
  if (!ks_validate_text (member->name, KS_TEAM_NAME_MAX, C_("member", "Name"), error))
    return ks_validate_fail (field_out, "name");
  /* Translators: the name of a field of a team member: their job, e.g. Senior KA
   * manager */
  if (!ks_validate_text (member->role, KS_TEAM_NAME_MAX, C_("member", "Role"), error))
    return ks_validate_fail (field_out, "role");
  /* Translators: the name of a field of a team member */
  if (!ks_validate_text (member->notes, KS_TEAM_NOTES_MAX, C_("member", "Notes"), error))
    return ks_validate_fail (field_out, "notes");

  if (member->mentor_id < 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The mentor is not a member of the team. Choose a team "
                             "member, or nobody."));
      return ks_validate_fail (field_out, "mentor");
    }
  if (member->id != 0 && member->mentor_id == member->id)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("A team member cannot be their own mentor. Choose another "
                             "member, or nobody."));
      return ks_validate_fail (field_out, "mentor");
    }

  return TRUE;
}

/* ---- Coaching actions and sessions --------------------------------------------- */

KsCoachingAction *
ks_coaching_action_new (void)
{
  KsCoachingAction *action = g_new0 (KsCoachingAction, 1);

  action->kind = KS_COACHING_ACTION_TRAINING;
  action->title = g_strdup ("");
  action->status = KS_ACTION_OPEN;

  return action;
}

KsCoachingAction *
ks_coaching_action_copy (const KsCoachingAction *action)
{
  KsCoachingAction *copy;

  g_return_val_if_fail (action != NULL, NULL);

  copy = g_new0 (KsCoachingAction, 1);
  copy->id = action->id;
  copy->plan_id = action->plan_id;
  copy->kind = action->kind;
  copy->title = g_strdup (action->title);
  copy->due = g_strdup (action->due);
  copy->status = action->status;

  return copy;
}

void
ks_coaching_action_free (KsCoachingAction *action)
{
  if (action == NULL)
    return;

  g_free (action->title);
  g_free (action->due);
  g_free (action);
}

gboolean
ks_coaching_action_validate (const KsCoachingAction  *action,
                             const char             **field_out,
                             GError                 **error)
{
  GDate due;

  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) action->kind >= KS_N_COACHING_ACTION_KINDS)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The kind of coaching action is not one Keystone knows. "
                             "Choose one from the list."));
      return ks_validate_fail (field_out, "kind");
    }
  if (ks_validate_is_blank (action->title))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The coaching action needs a title: say what is to be "
                             "done."));
      return ks_validate_fail (field_out, "title");
    }
  /* Translators: the name of a field of an action in a coaching plan */
  if (!ks_validate_text (action->title, KS_TEAM_TEXT_MAX, C_("coaching action", "Title"), error))
    return ks_validate_fail (field_out, "title");
  /* Translators: the name of a field of an action in a coaching plan */
  if (!validate_date (action->due, C_("coaching action", "Due date"), &due, error))
    return ks_validate_fail (field_out, "due");
  if ((guint) action->status >= KS_N_ACTION_STATUSES)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The status of the action is not one Keystone knows. "
                             "Choose a status from the list."));
      return ks_validate_fail (field_out, "status");
    }

  return TRUE;
}

gboolean
ks_coaching_action_is_overdue (const KsCoachingAction *action,
                               const GDate            *today)
{
  GDate due;

  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (!ks_plan_parse_date (action->due, &due))
    return FALSE;
  return ks_plan_action_is_overdue (&due, action->status, today);
}

KsCoachingSession *
ks_coaching_session_new (void)
{
  KsCoachingSession *session = g_new0 (KsCoachingSession, 1);

  session->kind = KS_SESSION_ONE_ON_ONE;
  session->notes = g_strdup ("");
  session->next_step = g_strdup ("");

  return session;
}

KsCoachingSession *
ks_coaching_session_copy (const KsCoachingSession *session)
{
  KsCoachingSession *copy;

  g_return_val_if_fail (session != NULL, NULL);

  copy = g_new0 (KsCoachingSession, 1);
  copy->id = session->id;
  copy->plan_id = session->plan_id;
  copy->date = g_strdup (session->date);
  copy->kind = session->kind;
  copy->rating = session->rating;
  copy->notes = g_strdup (session->notes);
  copy->next_step = g_strdup (session->next_step);

  return copy;
}

void
ks_coaching_session_free (KsCoachingSession *session)
{
  if (session == NULL)
    return;

  g_free (session->date);
  g_free (session->notes);
  g_free (session->next_step);
  g_free (session);
}

gboolean
ks_coaching_session_validate (const KsCoachingSession  *session,
                              const char              **field_out,
                              GError                  **error)
{
  GDate date;

  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ks_validate_is_blank (session->date))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           /* Translators: keep YYYY-MM-DD as it is, or use the way your
                            * language writes the pattern */
                           _("The coaching session needs a date: write it as YYYY-MM-DD."));
      return ks_validate_fail (field_out, "date");
    }
  /* Translators: the name of a field of a coaching session */
  if (!validate_date (session->date, C_("coaching session", "Date"), &date, error))
    return ks_validate_fail (field_out, "date");
  if ((guint) session->kind >= KS_N_SESSION_KINDS)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The kind of coaching session is not one Keystone knows. "
                             "Choose one from the list."));
      return ks_validate_fail (field_out, "kind");
    }
  if (session->rating < 0 || session->rating > SESSION_RATING_MAX)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %d is the highest rating, 5 */
                   _("Rate the session from 1 to %d, or leave it unrated."),
                   SESSION_RATING_MAX);
      return ks_validate_fail (field_out, "rating");
    }
  /* Translators: the name of a field of a coaching session */
  if (!ks_validate_text (session->notes, KS_TEAM_NOTES_MAX, C_("coaching session", "Notes"),
                         error))
    return ks_validate_fail (field_out, "notes");
  /* Translators: the name of a field of a coaching session: what the coach and the
   * member agreed to do next */
  if (!ks_validate_text (session->next_step, KS_TEAM_TEXT_MAX,
                         C_("coaching session", "Next step"), error))
    return ks_validate_fail (field_out, "next-step");

  return TRUE;
}

/* ---- Coaching plans ------------------------------------------------------------ */

KsCoachingPlan *
ks_coaching_plan_new (void)
{
  KsCoachingPlan *plan = g_new0 (KsCoachingPlan, 1);

  plan->skill = KS_SKILL_CUSTOMER_ANALYSIS;
  plan->custom_skill = g_strdup ("");
  plan->start_level = KS_SKILL_LEVEL_MIN;
  plan->current_level = KS_SKILL_LEVEL_MIN;
  plan->target_level = 3;
  plan->objective = g_strdup ("");
  plan->status = KS_COACHING_ACTIVE;
  plan->coach = g_strdup ("");
  plan->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_coaching_action_free);
  plan->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_coaching_session_free);

  return plan;
}

KsCoachingPlan *
ks_coaching_plan_copy (const KsCoachingPlan *plan)
{
  KsCoachingPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = ks_coaching_plan_new ();
  copy->id = plan->id;
  copy->member_id = plan->member_id;
  copy->skill = plan->skill;
  g_free (copy->custom_skill);
  copy->custom_skill = g_strdup (plan->custom_skill);
  copy->start_level = plan->start_level;
  copy->current_level = plan->current_level;
  copy->target_level = plan->target_level;
  g_free (copy->objective);
  copy->objective = g_strdup (plan->objective);
  copy->start = g_strdup (plan->start);
  copy->due = g_strdup (plan->due);
  copy->status = plan->status;
  g_free (copy->coach);
  copy->coach = g_strdup (plan->coach);

  for (guint i = 0; plan->actions != NULL && i < plan->actions->len; i++)
    g_ptr_array_add (copy->actions, ks_coaching_action_copy (g_ptr_array_index (plan->actions,
                                                                                i)));
  for (guint i = 0; plan->sessions != NULL && i < plan->sessions->len; i++)
    g_ptr_array_add (copy->sessions,
                     ks_coaching_session_copy (g_ptr_array_index (plan->sessions, i)));

  return copy;
}

void
ks_coaching_plan_free (KsCoachingPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->custom_skill);
  g_free (plan->objective);
  g_free (plan->start);
  g_free (plan->due);
  g_free (plan->coach);
  g_clear_pointer (&plan->actions, g_ptr_array_unref);
  g_clear_pointer (&plan->sessions, g_ptr_array_unref);
  g_free (plan);
}

static gboolean
level_ok (int level)
{
  return level >= KS_SKILL_LEVEL_MIN && level <= KS_SKILL_LEVEL_MAX;
}

static gboolean
set_level_error (const char  *label,
                 const char  *field,
                 const char **field_out,
                 GError     **error)
{
  g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
               /* Translators: %s is a level (Current level, Target level…); %d and %d
                * are the lowest and the highest level, 1 and 5 */
               _("%s must be from %d to %d."),
               label, KS_SKILL_LEVEL_MIN, KS_SKILL_LEVEL_MAX);
  return ks_validate_fail (field_out, field);
}

gboolean
ks_coaching_plan_validate (const KsCoachingPlan  *plan,
                           const char           **field_out,
                           GError               **error)
{
  GDate start, due;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) plan->skill >= KS_N_SKILLS)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The skill is not one Keystone knows. Choose one from the "
                             "list, or name your own."));
      return ks_validate_fail (field_out, "skill");
    }
  if (plan->skill == KS_SKILL_CUSTOM)
    {
      if (ks_validate_is_blank (plan->custom_skill))
        {
          g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                               _("Name the skill the coaching plan is for."));
          return ks_validate_fail (field_out, "custom-skill");
        }
      /* Translators: the name of a field of a coaching plan: the name of a skill that
       * is not one of the built-in ones */
      if (!ks_validate_text (plan->custom_skill, KS_TEAM_NAME_MAX,
                             C_("coaching plan", "Skill"), error))
        return ks_validate_fail (field_out, "custom-skill");
    }

  /* Translators: the name of a field of a coaching plan: the level when the plan
   * began */
  if (!level_ok (plan->start_level))
    return set_level_error (C_("coaching plan", "Starting level"), "start-level", field_out,
                            error);
  /* Translators: the name of a field of a coaching plan (当前水平) */
  if (!level_ok (plan->current_level))
    return set_level_error (C_("coaching plan", "Current level"), "current-level",
                            field_out, error);
  /* Translators: the name of a field of a coaching plan (目标水平) */
  if (!level_ok (plan->target_level))
    return set_level_error (C_("coaching plan", "Target level"), "target-level", field_out,
                            error);

  if (ks_validate_is_blank (plan->start))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           /* Translators: keep YYYY-MM-DD as it is, or use the way your
                            * language writes the pattern */
                           _("The coaching plan needs a start date: write it as "
                             "YYYY-MM-DD."));
      return ks_validate_fail (field_out, "start");
    }
  /* Translators: the name of a field of a coaching plan */
  if (!validate_date (plan->start, C_("coaching plan", "Start date"), &start, error))
    return ks_validate_fail (field_out, "start");
  /* Translators: the name of a field of a coaching plan */
  if (!validate_date (plan->due, C_("coaching plan", "Due date"), &due, error))
    return ks_validate_fail (field_out, "due");
  if (g_date_valid (&due) && g_date_compare (&due, &start) < 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The coaching plan is due before it starts. Choose a due "
                             "date on or after the start date."));
      return ks_validate_fail (field_out, "due");
    }

  if ((guint) plan->status >= KS_N_COACHING_STATUSES)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The status of the coaching plan is not one Keystone knows. "
                             "Choose a status from the list."));
      return ks_validate_fail (field_out, "status");
    }

  /* Translators: the name of a field of a coaching plan: what the member should be
   * able to do at the end */
  if (!ks_validate_text (plan->objective, KS_TEAM_TEXT_MAX, C_("coaching plan", "Objective"),
                         error))
    return ks_validate_fail (field_out, "objective");
  /* Translators: the name of a field of a coaching plan: who coaches the member */
  if (!ks_validate_text (plan->coach, KS_TEAM_NAME_MAX, C_("coaching plan", "Coach"), error))
    return ks_validate_fail (field_out, "coach");

  return TRUE;
}

void
ks_coaching_plan_progress (const KsCoachingPlan *plan,
                           const GDate          *today,
                           KsCoachingProgress   *progress)
{
  GDate due;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (today != NULL);
  g_return_if_fail (progress != NULL);

  memset (progress, 0, sizeof *progress);

  for (guint i = 0; plan->actions != NULL && i < plan->actions->len; i++)
    {
      const KsCoachingAction *action = g_ptr_array_index (plan->actions, i);

      if (action->status == KS_ACTION_DROPPED)
        continue;
      progress->actions_counted++;
      if (action->status == KS_ACTION_DONE)
        progress->actions_done++;
      if (ks_coaching_action_is_overdue (action, today))
        progress->overdue_actions++;
    }
  if (progress->actions_counted > 0)
    progress->actions_percent = 100.0 * progress->actions_done / progress->actions_counted;

  progress->levels_gained = plan->current_level - plan->start_level;
  progress->levels_planned = plan->target_level - plan->start_level;
  if (plan->current_level >= plan->target_level)
    progress->levels_percent = 100;
  else if (progress->levels_planned > 0)
    progress->levels_percent = CLAMP (100.0 * progress->levels_gained
                                      / progress->levels_planned, 0, 100);

  progress->overdue = plan->status == KS_COACHING_ACTIVE
                      && ks_plan_parse_date (plan->due, &due)
                      && g_date_compare (&due, today) < 0;
}

/* ---- The skills picture -------------------------------------------------------- */

void
ks_skill_level_free (KsSkillLevel *level)
{
  if (level == NULL)
    return;

  g_free (level->name);
  g_free (level);
}

/* Whether @a started after @b: the later start, then the larger id, wins. */
static gboolean
started_later (const KsCoachingPlan *a,
               const KsCoachingPlan *b)
{
  int cmp = g_strcmp0 (a->start, b->start);

  if (cmp != 0)
    return cmp > 0;
  return a->id > b->id;
}

/* The plans of one skill: the latest started open one, and the latest achieved one. */
typedef struct
{
  char                 *key;      /* the folded custom name; NULL for a built-in skill */
  const KsCoachingPlan *open;
  const KsCoachingPlan *achieved;
} SkillPlans;

static void
skill_plans_add (SkillPlans           *entry,
                 const KsCoachingPlan *plan)
{
  const KsCoachingPlan **slot;

  if (plan->status == KS_COACHING_ACTIVE || plan->status == KS_COACHING_PAUSED)
    slot = &entry->open;
  else if (plan->status == KS_COACHING_ACHIEVED)
    slot = &entry->achieved;
  else
    return;

  if (*slot == NULL || started_later (plan, *slot))
    *slot = plan;
}

static KsSkillLevel *
skill_plans_level (const SkillPlans *entry)
{
  const KsCoachingPlan *plan = entry->open != NULL ? entry->open : entry->achieved;
  KsSkillLevel *level;
  gsize length;
  const char *name;

  if (plan == NULL)
    return NULL;

  level = g_new0 (KsSkillLevel, 1);
  if (plan->skill == KS_SKILL_CUSTOM)
    {
      name = trimmed (plan->custom_skill, &length);
      level->name = g_strndup (name, length);
    }
  else
    {
      level->name = g_strdup (ks_skill_get_label (plan->skill));
    }
  level->current_level = plan->current_level;
  level->target_level = plan->target_level;
  level->achieved = entry->open == NULL;

  return level;
}

static int
compare_skill_levels (gconstpointer a,
                      gconstpointer b)
{
  const KsSkillLevel *la = *(KsSkillLevel * const *) a;
  const KsSkillLevel *lb = *(KsSkillLevel * const *) b;
  int cmp = g_utf8_collate (la->name, lb->name);

  return cmp != 0 ? cmp : strcmp (la->name, lb->name);
}

GPtrArray *
ks_team_skill_levels (GPtrArray *plans)
{
  SkillPlans builtin[KS_SKILL_CUSTOM] = { { 0 } };
  g_autoptr(GArray) custom = g_array_new (FALSE, TRUE, sizeof (SkillPlans));
  g_autoptr(GPtrArray) custom_levels = g_ptr_array_new ();
  GPtrArray *levels;

  g_return_val_if_fail (plans != NULL, NULL);

  levels = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_skill_level_free);

  for (guint i = 0; i < plans->len; i++)
    {
      const KsCoachingPlan *plan = g_ptr_array_index (plans, i);
      g_autofree char *key = NULL;
      SkillPlans *entry = NULL;

      if ((guint) plan->skill >= KS_N_SKILLS || !level_ok (plan->current_level)
          || !level_ok (plan->target_level))
        continue;
      if (plan->skill != KS_SKILL_CUSTOM)
        {
          skill_plans_add (&builtin[plan->skill], plan);
          continue;
        }
      if (ks_validate_is_blank (plan->custom_skill))
        continue;

      /* One custom skill whatever the case and spacing it was typed with. */
      key = ks_account_fold (plan->custom_skill);
      for (guint j = 0; j < custom->len && entry == NULL; j++)
        if (g_str_equal (g_array_index (custom, SkillPlans, j).key, key))
          entry = &g_array_index (custom, SkillPlans, j);
      if (entry == NULL)
        {
          SkillPlans added = { g_steal_pointer (&key), NULL, NULL };

          g_array_append_val (custom, added);
          entry = &g_array_index (custom, SkillPlans, custom->len - 1);
        }
      skill_plans_add (entry, plan);
    }

  for (guint s = 0; s < KS_SKILL_CUSTOM; s++)
    {
      KsSkillLevel *level = skill_plans_level (&builtin[s]);

      if (level != NULL)
        g_ptr_array_add (levels, level);
    }

  for (guint j = 0; j < custom->len; j++)
    {
      SkillPlans *entry = &g_array_index (custom, SkillPlans, j);
      KsSkillLevel *level = skill_plans_level (entry);

      if (level != NULL)
        g_ptr_array_add (custom_levels, level);
      g_free (entry->key);
    }
  g_ptr_array_sort (custom_levels, compare_skill_levels);
  for (guint j = 0; j < custom_levels->len; j++)
    g_ptr_array_add (levels, g_ptr_array_index (custom_levels, j));

  return levels;
}
