/* ks-relations.h — relationships: contacts by layer, interactions, satisfaction surveys
 * and complaints with the 24-hour response rule. Plain data and pure functions; "now"
 * and "today" are always passed in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ks-plan.h"

G_BEGIN_DECLS

/* ---- Contacts ------------------------------------------------------------------ */

typedef enum
{
  KS_LAYER_EXECUTIVE,       /* 高层 */
  KS_LAYER_DECISION_MAKER,  /* 决策层 */
  KS_LAYER_EXECUTION,       /* 执行层 */
  KS_N_LAYERS
} KsContactLayer;

typedef enum
{
  KS_ATTITUDE_CHAMPION,
  KS_ATTITUDE_SUPPORTER,
  KS_ATTITUDE_NEUTRAL,
  KS_ATTITUDE_DETRACTOR,
  KS_N_ATTITUDES
} KsAttitude;

typedef enum
{
  KS_INFLUENCE_HIGH,
  KS_INFLUENCE_MEDIUM,
  KS_INFLUENCE_LOW,
  KS_N_INFLUENCES
} KsInfluence;

typedef struct
{
  gint64          id;            /* 0 until stored */
  char           *name;
  char           *title;         /* job title */
  KsContactLayer  layer;
  KsAttitude      attitude;
  KsInfluence     influence;
  gint64          reports_to;    /* another contact of the same account, or 0 */
  char           *phone;
  char           *email;
  char           *last_contact;  /* "YYYY-MM-DD" or NULL */
  char           *notes;
} KsContact;

/* ---- Interactions -------------------------------------------------------------- */

typedef enum
{
  KS_INTERACTION_STRATEGIC_DIALOGUE,
  KS_INTERACTION_VISIT,
  KS_INTERACTION_QBR,
  KS_INTERACTION_CALL,
  KS_INTERACTION_EMAIL,
  KS_N_INTERACTION_KINDS
} KsInteractionKind;

typedef struct
{
  gint64             id;
  KsInteractionKind  kind;
  char              *date;             /* "YYYY-MM-DD" */
  GArray            *contact_ids;      /* gint64: the account's contacts involved */
  char              *our_participants;
  char              *notes;
  char              *next_step;
} KsInteraction;

/* ---- Satisfaction -------------------------------------------------------------- */

#define KS_SATISFACTION_MAX 10.0

typedef struct
{
  char    *quarter;   /* "YYYY-Qn" */
  double   score;     /* 0–10 */
  gboolean has_nps;
  int      nps;       /* −100 … 100 */
} KsSatisfaction;

/* ---- Complaints ---------------------------------------------------------------- */

typedef enum
{
  KS_COMPLAINT_PRODUCT_QUALITY,
  KS_COMPLAINT_DELIVERY,
  KS_COMPLAINT_COMMUNICATION,
  KS_COMPLAINT_OTHER,
  KS_N_COMPLAINT_CATEGORIES
} KsComplaintCategory;

/* The first response is due 24 clock hours after the complaint was opened, whatever
 * the day of the week or the time zone. */
#define KS_COMPLAINT_RESPONSE_HOURS 24

typedef struct
{
  gint64               id;
  gint64               account_id;      /* filled in by the store's cross-account list */
  KsComplaintCategory  category;
  char                *opened_at;       /* ISO-8601 date and time with offset, e.g.
                                         * "2026-11-27T09:30:00+08:00" */
  char                *description;
  char                *owner;
  char                *first_response_at;  /* ISO-8601 date-time, or NULL */
  char                *root_cause;
  char                *resolution;
  char                *follow_up_at;    /* ISO-8601 date-time of the follow-up visit, or NULL */
  int                  follow_up_satisfaction;  /* 1–5, 0 when not recorded */
  char                *closed_at;       /* ISO-8601 date-time, or NULL while open */
} KsComplaint;

typedef enum
{
  KS_RESPONSE_DUE,              /* not answered, within 24 h */
  KS_RESPONSE_OVERDUE,          /* not answered, past 24 h */
  KS_RESPONSE_IN_TIME,          /* answered within 24 h */
  KS_RESPONSE_LATE,             /* answered after 24 h */
  KS_N_RESPONSE_STATES
} KsResponseState;

/* ---- Everything of one account ------------------------------------------------- */

typedef struct
{
  gint64      account_id;
  GPtrArray  *contacts;       /* KsContact *, by layer, then name */
  GPtrArray  *interactions;   /* KsInteraction *, newest first */
  GPtrArray  *satisfaction;   /* KsSatisfaction *, newest quarter first */
  GPtrArray  *complaints;     /* KsComplaint *, open first, then newest first */
} KsRelations;

const char  *ks_contact_layer_get_label     (KsContactLayer        layer);
const char  *ks_contact_layer_get_key       (KsContactLayer        layer);
int          ks_contact_layer_from_key      (const char           *key);
const char  *ks_attitude_get_label          (KsAttitude            attitude);
const char  *ks_attitude_get_key            (KsAttitude            attitude);
int          ks_attitude_from_key           (const char           *key);
const char  *ks_influence_get_label         (KsInfluence           influence);
const char  *ks_influence_get_key           (KsInfluence           influence);
int          ks_influence_from_key          (const char           *key);
const char  *ks_interaction_kind_get_label  (KsInteractionKind     kind);
const char  *ks_interaction_kind_get_key    (KsInteractionKind     kind);
int          ks_interaction_kind_from_key   (const char           *key);
const char  *ks_complaint_category_get_label (KsComplaintCategory  category);
const char  *ks_complaint_category_get_key  (KsComplaintCategory   category);
int          ks_complaint_category_from_key (const char           *key);
const char  *ks_response_state_get_label    (KsResponseState       state);

KsContact   *ks_contact_new                 (void);
KsContact   *ks_contact_copy                (const KsContact      *contact);
void         ks_contact_free                (KsContact            *contact);
/* A name; texts within limits; a real date or none; an e-mail with one "@" or none;
 * enums in range; not reporting to itself. KS_ERROR_INVALID, translated. */
gboolean     ks_contact_validate            (const KsContact      *contact,
                                             GError              **error);

KsInteraction *ks_interaction_new           (void);
KsInteraction *ks_interaction_copy          (const KsInteraction  *interaction);
void         ks_interaction_free            (KsInteraction        *interaction);
gboolean     ks_interaction_validate        (const KsInteraction  *interaction,
                                             GError              **error);

KsSatisfaction *ks_satisfaction_copy        (const KsSatisfaction *survey);
void         ks_satisfaction_free           (KsSatisfaction       *survey);
/* A quarter YYYY-Qn, a score 0–10, an NPS −100…100 when set. */
gboolean     ks_satisfaction_validate       (const KsSatisfaction *survey,
                                             GError              **error);

KsComplaint *ks_complaint_new               (void);
KsComplaint *ks_complaint_copy              (const KsComplaint    *complaint);
void         ks_complaint_free              (KsComplaint          *complaint);
/* Opened at a real date-time; a description; a response, follow-up and close not
 * before the opening; closed only with the first response and the follow-up (its
 * date and the customer's satisfaction) recorded: the closed loop. */
gboolean     ks_complaint_validate          (const KsComplaint    *complaint,
                                             GError              **error);

KsRelations *ks_relations_new               (gint64                account_id);
KsRelations *ks_relations_copy              (const KsRelations    *relations);
void         ks_relations_free              (KsRelations          *relations);
gboolean     ks_relations_is_empty          (const KsRelations    *relations);

/* ---- The rules, pure functions ------------------------------------------------- */

/* An ISO-8601 date-time with an offset or "Z" → a GDateTime; NULL for anything else. */
GDateTime   *ks_relations_parse_date_time   (const char           *iso);
/* @time as ISO-8601 with its offset, to the second ("2026-11-27T09:30:00+08:00"). */
char        *ks_relations_format_date_time  (GDateTime            *time);

/* A span of time in words, translated: "under a minute", "40 min", "5 h 20 min",
 * "3 d 4 h" (days from 48 h on), as the complaint views and the printed plan say it.
 * @round_up counts a started minute as a whole one. */
char        *ks_complaint_format_duration   (gint64                seconds,
                                             gboolean              round_up);

/* The complaint's first-response state at @now, and in @seconds (when not NULL) the
 * time left before the deadline (DUE, > 0), past it (OVERDUE, > 0), or that the
 * response took (IN_TIME / LATE). Exactly 24 h after opening is still in time. An
 * unreadable opening time counts as due now (0 s left). */
KsResponseState ks_complaint_response_state (const KsComplaint    *complaint,
                                             GDateTime            *now,
                                             gint64               *seconds);
/* The deadline: opened + 24 h. NULL when the opening time is unreadable. */
GDateTime   *ks_complaint_response_deadline (const KsComplaint   *complaint);
/* Open (not closed). */
gboolean     ks_complaint_is_open           (const KsComplaint    *complaint);
/* What still stops it from closing, translated ("Record the first response first."), or
 * NULL when it can close. */
const char  *ks_complaint_close_blocker     (const KsComplaint    *complaint);

/* The latest executive-layer last-contact date among @contacts (NULL when none). */
gboolean     ks_relations_last_executive_contact (const KsRelations *relations,
                                                  GDate             *date);
/* Executive coverage as the health score reads it: UNKNOWN without any contact,
 * MISSING without an executive or with one last seen over a quarter before @today,
 * else COVERED (see ks_plan_executive_coverage()). */
KsExecutiveCoverage ks_relations_executive_coverage (const KsRelations *relations,
                                                     const GDate       *today);

/* Fills the relationship parts of @inputs (satisfaction: the latest survey; complaints:
 * those opened in the twelve months up to @now and how many were answered in time;
 * executive coverage) and leaves the rest alone. */
void         ks_relations_fill_inputs       (const KsRelations    *relations,
                                             GDateTime            *now,
                                             KsHealthInputs       *inputs);
/* The open complaints past their 24 h without a first response. */
guint        ks_relations_count_overdue_complaints (const KsRelations *relations,
                                                    GDateTime         *now);

/* Response statistics of a set of complaints, per owner or per category. */
typedef struct
{
  char    *group;            /* the owner, or the category's label */
  guint    complaints;
  guint    open;
  guint    answered;
  guint    in_time;          /* answered within 24 h */
  double   mean_hours;       /* mean time to first response of those answered */
} KsResponseStats;

void         ks_response_stats_free         (KsResponseStats      *stats);
/* @complaints (KsComplaint *) grouped by owner (@by_owner) or by category; a
 * GPtrArray of KsResponseStats *, sorted by group. */
GPtrArray   *ks_complaints_response_stats   (GPtrArray            *complaints,
                                             gboolean              by_owner,
                                             GDateTime            *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsContact, ks_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsInteraction, ks_interaction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsSatisfaction, ks_satisfaction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsComplaint, ks_complaint_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsRelations, ks_relations_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsResponseStats, ks_response_stats_free)

G_END_DECLS
