/* ks-relations.c — relationships as plain data: labels and keys, checks and copies,
 * the 24-hour response rule, executive coverage and what the health score reads. No
 * I/O here; "now" and "today" are always passed in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-account-plan.h"
#include "ks-error.h"
#include "ks-quarter.h"
#include "ks-relations.h"
#include "ks-validate.h"

/* Characters of a phone number: "+86 21 5555 0100 ext. 12" fits with room. */
#define PHONE_MAX_CHARS 50

#define NPS_MIN (-100)
#define NPS_MAX 100

#define FOLLOW_UP_SATISFACTION_MAX 5

static const char * const layer_keys[KS_N_LAYERS] = {
  [KS_LAYER_EXECUTIVE] = "executive",
  [KS_LAYER_DECISION_MAKER] = "decision_maker",
  [KS_LAYER_EXECUTION] = "execution",
};

static const char * const layer_labels[KS_N_LAYERS] = {
  /* Translators: the layer of a contact at the account: top management (高层) */
  [KS_LAYER_EXECUTIVE] = N_("Executive"),
  /* Translators: the layer of a contact at the account: the people who decide on a
   * purchase (决策层) */
  [KS_LAYER_DECISION_MAKER] = N_("Decision maker"),
  /* Translators: the layer of a contact at the account: the people who use what we sell
   * and run the day-to-day business (执行层) */
  [KS_LAYER_EXECUTION] = N_("Execution"),
};

static const char * const attitude_keys[KS_N_ATTITUDES] = {
  [KS_ATTITUDE_CHAMPION] = "champion",
  [KS_ATTITUDE_SUPPORTER] = "supporter",
  [KS_ATTITUDE_NEUTRAL] = "neutral",
  [KS_ATTITUDE_DETRACTOR] = "detractor",
};

static const char * const attitude_labels[KS_N_ATTITUDES] = {
  /* Translators: a contact's attitude to us: argues for us inside the account */
  [KS_ATTITUDE_CHAMPION] = N_("Champion"),
  /* Translators: a contact's attitude to us: favourable */
  [KS_ATTITUDE_SUPPORTER] = N_("Supporter"),
  /* Translators: a contact's attitude to us: neither for nor against */
  [KS_ATTITUDE_NEUTRAL] = N_("Neutral"),
  /* Translators: a contact's attitude to us: against us, prefers a competitor */
  [KS_ATTITUDE_DETRACTOR] = N_("Detractor"),
};

static const char * const influence_keys[KS_N_INFLUENCES] = {
  [KS_INFLUENCE_HIGH] = "high",
  [KS_INFLUENCE_MEDIUM] = "medium",
  [KS_INFLUENCE_LOW] = "low",
};

static const char * const influence_labels[KS_N_INFLUENCES] = {
  /* Translators: how much a contact weighs in the account's decisions; the same words
   * as the severities of a risk */
  [KS_INFLUENCE_HIGH] = N_("High"),
  /* Translators: how much a contact weighs in the account's decisions */
  [KS_INFLUENCE_MEDIUM] = N_("Medium"),
  /* Translators: how much a contact weighs in the account's decisions */
  [KS_INFLUENCE_LOW] = N_("Low"),
};

static const char * const interaction_keys[KS_N_INTERACTION_KINDS] = {
  [KS_INTERACTION_STRATEGIC_DIALOGUE] = "strategic_dialogue",
  [KS_INTERACTION_VISIT] = "visit",
  [KS_INTERACTION_QBR] = "qbr",
  [KS_INTERACTION_CALL] = "call",
  [KS_INTERACTION_EMAIL] = "email",
};

static const char * const interaction_labels[KS_N_INTERACTION_KINDS] = {
  /* Translators: a kind of interaction with an account: a regular talk between our and
   * their management about the direction of the relationship */
  [KS_INTERACTION_STRATEGIC_DIALOGUE] = N_("Strategic dialogue"),
  /* Translators: a kind of interaction with an account */
  [KS_INTERACTION_VISIT] = N_("Visit"),
  /* Translators: a kind of interaction with an account: quarterly business review */
  [KS_INTERACTION_QBR] = N_("QBR"),
  /* Translators: a kind of interaction with an account: a phone call */
  [KS_INTERACTION_CALL] = N_("Call"),
  /* Translators: a kind of interaction with an account */
  [KS_INTERACTION_EMAIL] = N_("E-mail"),
};

static const char * const complaint_keys[KS_N_COMPLAINT_CATEGORIES] = {
  [KS_COMPLAINT_PRODUCT_QUALITY] = "product_quality",
  [KS_COMPLAINT_DELIVERY] = "delivery",
  [KS_COMPLAINT_COMMUNICATION] = "communication",
  [KS_COMPLAINT_OTHER] = "other",
};

static const char * const complaint_labels[KS_N_COMPLAINT_CATEGORIES] = {
  /* Translators: what a customer complaint is about */
  [KS_COMPLAINT_PRODUCT_QUALITY] = N_("Product quality"),
  /* Translators: what a customer complaint is about: late, short or damaged deliveries */
  [KS_COMPLAINT_DELIVERY] = N_("Delivery"),
  /* Translators: what a customer complaint is about: how we talked to them */
  [KS_COMPLAINT_COMMUNICATION] = N_("Communication"),
  /* Translators: what a customer complaint is about: anything else */
  [KS_COMPLAINT_OTHER] = N_("Other"),
};

static const char * const response_labels[KS_N_RESPONSE_STATES] = {
  /* Translators: a complaint not answered yet, still within its 24 hours */
  [KS_RESPONSE_DUE] = N_("Due"),
  /* Translators: a complaint not answered within 24 hours */
  [KS_RESPONSE_OVERDUE] = N_("Overdue"),
  /* Translators: a complaint whose first response came within 24 hours */
  [KS_RESPONSE_IN_TIME] = N_("Answered in time"),
  /* Translators: a complaint whose first response came after more than 24 hours */
  [KS_RESPONSE_LATE] = N_("Answered late"),
};

/* ---- Labels and keys ----------------------------------------------------------- */

const char *
ks_contact_layer_get_label (KsContactLayer layer)
{
  g_return_val_if_fail ((guint) layer < KS_N_LAYERS, NULL);

  return _(layer_labels[layer]);
}

const char *
ks_contact_layer_get_key (KsContactLayer layer)
{
  g_return_val_if_fail ((guint) layer < KS_N_LAYERS, NULL);

  return layer_keys[layer];
}

const char *
ks_attitude_get_label (KsAttitude attitude)
{
  g_return_val_if_fail ((guint) attitude < KS_N_ATTITUDES, NULL);

  return _(attitude_labels[attitude]);
}

const char *
ks_attitude_get_key (KsAttitude attitude)
{
  g_return_val_if_fail ((guint) attitude < KS_N_ATTITUDES, NULL);

  return attitude_keys[attitude];
}

const char *
ks_influence_get_label (KsInfluence influence)
{
  g_return_val_if_fail ((guint) influence < KS_N_INFLUENCES, NULL);

  return _(influence_labels[influence]);
}

const char *
ks_influence_get_key (KsInfluence influence)
{
  g_return_val_if_fail ((guint) influence < KS_N_INFLUENCES, NULL);

  return influence_keys[influence];
}

const char *
ks_interaction_kind_get_label (KsInteractionKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_INTERACTION_KINDS, NULL);

  return _(interaction_labels[kind]);
}

const char *
ks_interaction_kind_get_key (KsInteractionKind kind)
{
  g_return_val_if_fail ((guint) kind < KS_N_INTERACTION_KINDS, NULL);

  return interaction_keys[kind];
}

const char *
ks_complaint_category_get_label (KsComplaintCategory category)
{
  g_return_val_if_fail ((guint) category < KS_N_COMPLAINT_CATEGORIES, NULL);

  return _(complaint_labels[category]);
}

const char *
ks_complaint_category_get_key (KsComplaintCategory category)
{
  g_return_val_if_fail ((guint) category < KS_N_COMPLAINT_CATEGORIES, NULL);

  return complaint_keys[category];
}

const char *
ks_response_state_get_label (KsResponseState state)
{
  g_return_val_if_fail ((guint) state < KS_N_RESPONSE_STATES, NULL);

  return _(response_labels[state]);
}

int
ks_contact_layer_from_key (const char *key)
{
  return ks_key_lookup (layer_keys, KS_N_LAYERS, key);
}

int
ks_attitude_from_key (const char *key)
{
  return ks_key_lookup (attitude_keys, KS_N_ATTITUDES, key);
}

int
ks_influence_from_key (const char *key)
{
  return ks_key_lookup (influence_keys, KS_N_INFLUENCES, key);
}

int
ks_interaction_kind_from_key (const char *key)
{
  return ks_key_lookup (interaction_keys, KS_N_INTERACTION_KINDS, key);
}

int
ks_complaint_category_from_key (const char *key)
{
  return ks_key_lookup (complaint_keys, KS_N_COMPLAINT_CATEGORIES, key);
}

/* ---- Checks shared by the items ------------------------------------------------ */

/* An optional ISO-8601 date-time with an offset in the field @field (translated); in
 * @out (when not NULL) the time, or NULL when the field is empty. */
static gboolean
validate_optional_date_time (const char  *text,
                             const char  *field,
                             GDateTime  **out,
                             GError     **error)
{
  GDateTime *time;

  if (out != NULL)
    *out = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  time = ks_relations_parse_date_time (text);
  if (time == NULL)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is a field name; keep the example as it is: the
                    * form is not translated */
                   _("The time in “%s” is not a date and time with a time zone: write "
                     "it like 2026-11-27T09:30:00+08:00."),
                   field);
      return FALSE;
    }

  if (out != NULL)
    *out = time;
  else
    g_date_time_unref (time);

  return TRUE;
}

/* ---- Contacts ------------------------------------------------------------------ */

KsContact *
ks_contact_new (void)
{
  KsContact *contact = g_new0 (KsContact, 1);

  contact->layer = KS_LAYER_EXECUTION;
  contact->attitude = KS_ATTITUDE_NEUTRAL;
  contact->influence = KS_INFLUENCE_MEDIUM;

  return contact;
}

KsContact *
ks_contact_copy (const KsContact *contact)
{
  KsContact *copy;

  g_return_val_if_fail (contact != NULL, NULL);

  copy = g_new0 (KsContact, 1);
  copy->id = contact->id;
  copy->name = g_strdup (contact->name);
  copy->title = g_strdup (contact->title);
  copy->layer = contact->layer;
  copy->attitude = contact->attitude;
  copy->influence = contact->influence;
  copy->reports_to = contact->reports_to;
  copy->phone = g_strdup (contact->phone);
  copy->email = g_strdup (contact->email);
  copy->last_contact = g_strdup (contact->last_contact);
  copy->notes = g_strdup (contact->notes);

  return copy;
}

void
ks_contact_free (KsContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->name);
  g_free (contact->title);
  g_free (contact->phone);
  g_free (contact->email);
  g_free (contact->last_contact);
  g_free (contact->notes);
  g_free (contact);
}

/* One "@" with something on both sides and no spaces: enough to catch a typo, without
 * refusing an address a mail server would take. */
static gboolean
email_is_plausible (const char *email)
{
  const char *at = strchr (email, '@');
  const char *p;

  if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (p = email; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

gboolean
ks_contact_validate (const KsContact  *contact,
                     GError          **error)
{
  g_return_val_if_fail (contact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ks_validate_is_blank (contact->name))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The contact needs a name."));
      return FALSE;
    }

  /* Translators: the name of a field of a contact at an account */
  if (!ks_validate_text (contact->name, KS_PLAN_NAME_MAX, C_("contact", "Name"), error)
      /* Translators: the name of a field of a contact: the job title */
      || !ks_validate_text (contact->title, KS_PLAN_NAME_MAX, C_("contact", "Title"), error)
      /* Translators: the name of a field of a contact */
      || !ks_validate_text (contact->phone, PHONE_MAX_CHARS, C_("contact", "Phone"), error)
      /* Translators: the name of a field of a contact */
      || !ks_validate_text (contact->email, KS_PLAN_NAME_MAX, C_("contact", "E-mail"), error)
      /* Translators: the name of a field of a contact */
      || !ks_validate_text (contact->notes, KS_PLAN_TEXT_MAX, C_("contact", "Notes"), error))
    return FALSE;

  if (contact->email != NULL && contact->email[0] != '\0'
      && !email_is_plausible (contact->email))
    {
      if (ks_validate_can_echo (contact->email))
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     /* Translators: %s is what the user typed; keep the example address
                      * as it is */
                     _("“%s” is not an e-mail address: write it like name@example.com, "
                       "or leave it empty."),
                     contact->email);
      else
        g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                             /* Translators: keep the example address as it is */
                             _("The e-mail address is not one: write it like "
                               "name@example.com, or leave it empty."));
      return FALSE;
    }

  /* Translators: the name of a field of a contact: when we last met or spoke to them */
  if (!ks_validate_date (contact->last_contact, C_("contact", "Last contact"), NULL, error))
    return FALSE;

  if ((guint) contact->layer >= KS_N_LAYERS
      || (guint) contact->attitude >= KS_N_ATTITUDES
      || (guint) contact->influence >= KS_N_INFLUENCES)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The contact’s layer, attitude or influence is not one "
                             "Keystone knows. Choose them from the lists."));
      return FALSE;
    }

  if (contact->reports_to < 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The contact reports to someone Keystone does not know. "
                             "Choose another contact of the account, or nobody."));
      return FALSE;
    }

  if (contact->id != 0 && contact->reports_to == contact->id)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("A contact cannot report to themselves. Choose another "
                             "contact of the account, or nobody."));
      return FALSE;
    }

  return TRUE;
}

/* ---- Interactions -------------------------------------------------------------- */

KsInteraction *
ks_interaction_new (void)
{
  KsInteraction *interaction = g_new0 (KsInteraction, 1);

  interaction->kind = KS_INTERACTION_VISIT;
  interaction->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return interaction;
}

KsInteraction *
ks_interaction_copy (const KsInteraction *interaction)
{
  KsInteraction *copy;

  g_return_val_if_fail (interaction != NULL, NULL);

  copy = ks_interaction_new ();
  copy->id = interaction->id;
  copy->kind = interaction->kind;
  copy->date = g_strdup (interaction->date);
  if (interaction->contact_ids != NULL && interaction->contact_ids->len > 0)
    g_array_append_vals (copy->contact_ids, interaction->contact_ids->data,
                         interaction->contact_ids->len);
  copy->our_participants = g_strdup (interaction->our_participants);
  copy->notes = g_strdup (interaction->notes);
  copy->next_step = g_strdup (interaction->next_step);

  return copy;
}

void
ks_interaction_free (KsInteraction *interaction)
{
  if (interaction == NULL)
    return;

  g_free (interaction->date);
  g_clear_pointer (&interaction->contact_ids, g_array_unref);
  g_free (interaction->our_participants);
  g_free (interaction->notes);
  g_free (interaction->next_step);
  g_free (interaction);
}

gboolean
ks_interaction_validate (const KsInteraction  *interaction,
                         GError              **error)
{
  guint i, j;

  g_return_val_if_fail (interaction != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) interaction->kind >= KS_N_INTERACTION_KINDS)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The kind of interaction is not one Keystone knows. Choose "
                             "one from the list."));
      return FALSE;
    }

  if (ks_validate_is_blank (interaction->date))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           /* Translators: keep YYYY-MM-DD as it is, or use the way your
                            * language writes the pattern */
                           _("The interaction needs a date: write it as YYYY-MM-DD."));
      return FALSE;
    }

  /* Translators: the name of a field of an interaction with an account */
  if (!ks_validate_date (interaction->date, C_("interaction", "Date"), NULL, error)
      /* Translators: the name of a field of an interaction: who took part on our side */
      || !ks_validate_text (interaction->our_participants, KS_PLAN_TEXT_MAX,
                            C_("interaction", "Our participants"), error)
      /* Translators: the name of a field of an interaction */
      || !ks_validate_text (interaction->notes, KS_PLAN_TEXT_MAX,
                            C_("interaction", "Notes"), error)
      /* Translators: the name of a field of an interaction: what happens next */
      || !ks_validate_text (interaction->next_step, KS_PLAN_TEXT_MAX,
                            C_("interaction", "Next step"), error))
    return FALSE;

  for (i = 0; interaction->contact_ids != NULL && i < interaction->contact_ids->len; i++)
    {
      gint64 id = g_array_index (interaction->contact_ids, gint64, i);

      if (id <= 0)
        {
          g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                               _("One of the contacts involved is not a contact of the "
                                 "account. Choose them from the account’s contacts."));
          return FALSE;
        }

      for (j = 0; j < i; j++)
        {
          if (g_array_index (interaction->contact_ids, gint64, j) == id)
            {
              g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                                   _("A contact is listed twice among those involved. "
                                     "Remove one of them."));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* ---- Satisfaction -------------------------------------------------------------- */

KsSatisfaction *
ks_satisfaction_copy (const KsSatisfaction *survey)
{
  KsSatisfaction *copy;

  g_return_val_if_fail (survey != NULL, NULL);

  copy = g_new0 (KsSatisfaction, 1);
  copy->quarter = g_strdup (survey->quarter);
  copy->score = survey->score;
  copy->has_nps = survey->has_nps;
  copy->nps = survey->nps;

  return copy;
}

void
ks_satisfaction_free (KsSatisfaction *survey)
{
  if (survey == NULL)
    return;

  g_free (survey->quarter);
  g_free (survey);
}

gboolean
ks_satisfaction_validate (const KsSatisfaction  *survey,
                          GError               **error)
{
  g_return_val_if_fail (survey != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ks_validate_is_blank (survey->quarter) || !ks_validate_can_echo (survey->quarter))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: keep “2026-Q3” as it is: the form is not translated */
                   _("The survey needs its quarter. Type a quarter like 2026-Q3, with a "
                     "year from %d to %d."),
                   KS_QUARTER_YEAR_MIN, KS_QUARTER_YEAR_MAX);
      return FALSE;
    }

  if (!ks_quarter_parse (survey->quarter, NULL, NULL, error))
    return FALSE;

  /* NaN fails both comparisons. */
  if (!(survey->score >= 0.0 && survey->score <= KS_SATISFACTION_MAX))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %g is the highest score, 10 */
                   _("The satisfaction score must be from 0 to %g."),
                   KS_SATISFACTION_MAX);
      return FALSE;
    }

  if (survey->has_nps && (survey->nps < NPS_MIN || survey->nps > NPS_MAX))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: NPS is the Net Promoter Score; %d are −100 and 100 */
                   _("The NPS must be from %d to %d, or left out."),
                   NPS_MIN, NPS_MAX);
      return FALSE;
    }

  return TRUE;
}

/* ---- Complaints ---------------------------------------------------------------- */

KsComplaint *
ks_complaint_new (void)
{
  KsComplaint *complaint = g_new0 (KsComplaint, 1);

  complaint->category = KS_COMPLAINT_OTHER;

  return complaint;
}

KsComplaint *
ks_complaint_copy (const KsComplaint *complaint)
{
  KsComplaint *copy;

  g_return_val_if_fail (complaint != NULL, NULL);

  copy = g_new0 (KsComplaint, 1);
  copy->id = complaint->id;
  copy->account_id = complaint->account_id;
  copy->category = complaint->category;
  copy->opened_at = g_strdup (complaint->opened_at);
  copy->description = g_strdup (complaint->description);
  copy->owner = g_strdup (complaint->owner);
  copy->first_response_at = g_strdup (complaint->first_response_at);
  copy->root_cause = g_strdup (complaint->root_cause);
  copy->resolution = g_strdup (complaint->resolution);
  copy->follow_up_at = g_strdup (complaint->follow_up_at);
  copy->follow_up_satisfaction = complaint->follow_up_satisfaction;
  copy->closed_at = g_strdup (complaint->closed_at);

  return copy;
}

void
ks_complaint_free (KsComplaint *complaint)
{
  if (complaint == NULL)
    return;

  g_free (complaint->opened_at);
  g_free (complaint->description);
  g_free (complaint->owner);
  g_free (complaint->first_response_at);
  g_free (complaint->root_cause);
  g_free (complaint->resolution);
  g_free (complaint->follow_up_at);
  g_free (complaint->closed_at);
  g_free (complaint);
}

/* @time, when set, is not before @opened; @field names it (translated). */
static gboolean
check_not_before_opening (GDateTime   *time,
                          GDateTime   *opened,
                          const char  *field,
                          GError     **error)
{
  if (time == NULL || g_date_time_compare (time, opened) >= 0)
    return TRUE;

  g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
               /* Translators: %s is a field name, e.g. “First response” */
               _("The time in “%s” is before the complaint was opened. Check the date, "
                 "the time and the time zone."),
               field);

  return FALSE;
}

gboolean
ks_complaint_validate (const KsComplaint  *complaint,
                       GError            **error)
{
  g_autoptr (GDateTime) opened = NULL;
  g_autoptr (GDateTime) response = NULL;
  g_autoptr (GDateTime) follow_up = NULL;
  g_autoptr (GDateTime) closed = NULL;
  const char *response_field;
  const char *follow_up_field;
  const char *closed_field;
  const char *blocker;

  g_return_val_if_fail (complaint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) complaint->category >= KS_N_COMPLAINT_CATEGORIES)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The category of the complaint is not one Keystone knows. "
                             "Choose one from the list."));
      return FALSE;
    }

  if (ks_validate_is_blank (complaint->opened_at))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           /* Translators: keep the example as it is */
                           _("The complaint needs the time it was opened, like "
                             "2026-11-27T09:30:00+08:00."));
      return FALSE;
    }

  /* Translators: the name of a field of a complaint: when the customer complained */
  if (!validate_optional_date_time (complaint->opened_at, C_("complaint", "Opened"),
                                    &opened, error))
    return FALSE;

  if (ks_validate_is_blank (complaint->description))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The complaint needs a description."));
      return FALSE;
    }

  /* Translators: the name of a field of a complaint: what the customer complained of */
  if (!ks_validate_text (complaint->description, KS_PLAN_TEXT_MAX,
                         C_("complaint", "Description"), error)
      /* Translators: the name of a field of a complaint: who on our side handles it */
      || !ks_validate_text (complaint->owner, KS_PLAN_NAME_MAX, C_("complaint", "Owner"), error)
      /* Translators: the name of a field of a complaint: why it happened */
      || !ks_validate_text (complaint->root_cause, KS_PLAN_TEXT_MAX,
                            C_("complaint", "Root cause"), error)
      /* Translators: the name of a field of a complaint: what we did about it */
      || !ks_validate_text (complaint->resolution, KS_PLAN_TEXT_MAX,
                            C_("complaint", "Resolution"), error))
    return FALSE;

  /* Translators: the name of a field of a complaint: when we first answered the
   * customer; due within 24 hours */
  response_field = C_("complaint", "First response");
  /* Translators: the name of a field of a complaint: when we visited the customer
   * afterwards to check they are satisfied */
  follow_up_field = C_("complaint", "Follow-up visit");
  /* Translators: the name of a field of a complaint: when it was closed */
  closed_field = C_("complaint", "Closed");

  if (!validate_optional_date_time (complaint->first_response_at, response_field,
                                    &response, error)
      || !validate_optional_date_time (complaint->follow_up_at, follow_up_field,
                                       &follow_up, error)
      || !validate_optional_date_time (complaint->closed_at, closed_field, &closed, error))
    return FALSE;

  if (!check_not_before_opening (response, opened, response_field, error)
      || !check_not_before_opening (follow_up, opened, follow_up_field, error)
      || !check_not_before_opening (closed, opened, closed_field, error))
    return FALSE;

  if (complaint->follow_up_satisfaction < 0
      || complaint->follow_up_satisfaction > FOLLOW_UP_SATISFACTION_MAX)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %d is 5, the highest rating */
                   _("The customer’s satisfaction with the follow-up must be from 1 to "
                     "%d, or not recorded yet."),
                   FOLLOW_UP_SATISFACTION_MAX);
      return FALSE;
    }

  /* The closed loop: a complaint closes once answered and followed up. */
  blocker = closed != NULL ? ks_complaint_close_blocker (complaint) : NULL;
  if (blocker != NULL)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID, blocker);
      return FALSE;
    }

  return TRUE;
}

/* ---- Everything of one account ------------------------------------------------- */

KsRelations *
ks_relations_new (gint64 account_id)
{
  KsRelations *relations = g_new0 (KsRelations, 1);

  relations->account_id = account_id;
  relations->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_contact_free);
  relations->interactions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ks_interaction_free);
  relations->satisfaction =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ks_satisfaction_free);
  relations->complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_complaint_free);

  return relations;
}

/* Appends a copy of each item of @from (may be NULL) to @to. */
static void
copy_items (GPtrArray *to,
            GPtrArray *from,
            GCopyFunc  copy)
{
  guint i;

  if (from == NULL)
    return;

  for (i = 0; i < from->len; i++)
    g_ptr_array_add (to, copy (g_ptr_array_index (from, i), NULL));
}

/* GCopyFunc adapters: the copy functions take one argument. */
static gpointer
copy_contact (gconstpointer src,
              gpointer      data)
{
  return ks_contact_copy (src);
}

static gpointer
copy_interaction (gconstpointer src,
                  gpointer      data)
{
  return ks_interaction_copy (src);
}

static gpointer
copy_satisfaction (gconstpointer src,
                   gpointer      data)
{
  return ks_satisfaction_copy (src);
}

static gpointer
copy_complaint (gconstpointer src,
                gpointer      data)
{
  return ks_complaint_copy (src);
}

KsRelations *
ks_relations_copy (const KsRelations *relations)
{
  KsRelations *copy;

  g_return_val_if_fail (relations != NULL, NULL);

  copy = ks_relations_new (relations->account_id);
  copy_items (copy->contacts, relations->contacts, copy_contact);
  copy_items (copy->interactions, relations->interactions, copy_interaction);
  copy_items (copy->satisfaction, relations->satisfaction, copy_satisfaction);
  copy_items (copy->complaints, relations->complaints, copy_complaint);

  return copy;
}

void
ks_relations_free (KsRelations *relations)
{
  if (relations == NULL)
    return;

  g_clear_pointer (&relations->contacts, g_ptr_array_unref);
  g_clear_pointer (&relations->interactions, g_ptr_array_unref);
  g_clear_pointer (&relations->satisfaction, g_ptr_array_unref);
  g_clear_pointer (&relations->complaints, g_ptr_array_unref);
  g_free (relations);
}

gboolean
ks_relations_is_empty (const KsRelations *relations)
{
  g_return_val_if_fail (relations != NULL, TRUE);

  return (relations->contacts == NULL || relations->contacts->len == 0)
         && (relations->interactions == NULL || relations->interactions->len == 0)
         && (relations->satisfaction == NULL || relations->satisfaction->len == 0)
         && (relations->complaints == NULL || relations->complaints->len == 0);
}

/* ---- The rules ----------------------------------------------------------------- */

GDateTime *
ks_relations_parse_date_time (const char *iso)
{
  g_autoptr (GTimeZone) utc = NULL;
  g_autoptr (GTimeZone) plus_one = NULL;
  g_autoptr (GDateTime) as_utc = NULL;
  g_autoptr (GDateTime) as_plus_one = NULL;

  if (iso == NULL || iso[0] == '\0')
    return NULL;

  /* g_date_time_new_from_iso8601() reads a time without an offset in the default zone.
   * Read with two defaults an hour apart, such a time gives two instants; one with its
   * own offset or "Z" gives the same instant twice. */
  utc = g_time_zone_new_utc ();
  plus_one = g_time_zone_new_offset (3600);
  as_utc = g_date_time_new_from_iso8601 (iso, utc);
  as_plus_one = g_date_time_new_from_iso8601 (iso, plus_one);

  if (as_utc == NULL || as_plus_one == NULL || !g_date_time_equal (as_utc, as_plus_one))
    return NULL;

  return g_steal_pointer (&as_utc);
}

char *
ks_relations_format_date_time (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

GDateTime *
ks_complaint_response_deadline (const KsComplaint *complaint)
{
  g_autoptr (GDateTime) opened = NULL;

  g_return_val_if_fail (complaint != NULL, NULL);

  opened = ks_relations_parse_date_time (complaint->opened_at);
  if (opened == NULL)
    return NULL;

  /* An absolute span, not a wall-clock one: 24 h are 24 h across a change of daylight
   * saving time. */
  return g_date_time_add (opened, (GTimeSpan) KS_COMPLAINT_RESPONSE_HOURS * G_TIME_SPAN_HOUR);
}

KsResponseState
ks_complaint_response_state (const KsComplaint *complaint,
                             GDateTime         *now,
                             gint64            *seconds)
{
  g_autoptr (GDateTime) opened = NULL;
  g_autoptr (GDateTime) deadline = NULL;
  g_autoptr (GDateTime) response = NULL;
  GTimeSpan past_deadline;

  if (seconds != NULL)
    *seconds = 0;

  g_return_val_if_fail (complaint != NULL, KS_RESPONSE_DUE);
  g_return_val_if_fail (now != NULL, KS_RESPONSE_DUE);

  opened = ks_relations_parse_date_time (complaint->opened_at);
  if (opened == NULL)
    return KS_RESPONSE_DUE;

  deadline = g_date_time_add (opened,
                              (GTimeSpan) KS_COMPLAINT_RESPONSE_HOURS * G_TIME_SPAN_HOUR);
  response = ks_relations_parse_date_time (complaint->first_response_at);

  if (response != NULL)
    {
      if (seconds != NULL)
        *seconds = MAX (g_date_time_difference (response, opened), 0) / G_TIME_SPAN_SECOND;

      return g_date_time_difference (response, deadline) <= 0 ? KS_RESPONSE_IN_TIME
                                                              : KS_RESPONSE_LATE;
    }

  past_deadline = g_date_time_difference (now, deadline);
  if (past_deadline <= 0)
    {
      if (seconds != NULL)
        *seconds = -past_deadline / G_TIME_SPAN_SECOND;
      return KS_RESPONSE_DUE;
    }

  /* Rounded up: a fraction of a second past is overdue, and says so with 1 s. */
  if (seconds != NULL)
    *seconds = (past_deadline + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND;

  return KS_RESPONSE_OVERDUE;
}

gboolean
ks_complaint_is_open (const KsComplaint *complaint)
{
  g_return_val_if_fail (complaint != NULL, FALSE);

  return complaint->closed_at == NULL || complaint->closed_at[0] == '\0';
}

const char *
ks_complaint_close_blocker (const KsComplaint *complaint)
{
  g_autoptr (GDateTime) response = NULL;
  g_autoptr (GDateTime) follow_up = NULL;

  g_return_val_if_fail (complaint != NULL, NULL);

  response = ks_relations_parse_date_time (complaint->first_response_at);
  if (response == NULL)
    return _("Record the first response before closing the complaint.");

  follow_up = ks_relations_parse_date_time (complaint->follow_up_at);
  if (follow_up == NULL
      || complaint->follow_up_satisfaction < 1
      || complaint->follow_up_satisfaction > FOLLOW_UP_SATISFACTION_MAX)
    return _("Record the follow-up visit and the customer’s satisfaction with it before "
             "closing: complaints close the loop.");

  return NULL;
}

gboolean
ks_relations_last_executive_contact (const KsRelations *relations,
                                     GDate             *date)
{
  gboolean found = FALSE;
  guint i;

  g_return_val_if_fail (date != NULL, FALSE);
  g_date_clear (date, 1);
  g_return_val_if_fail (relations != NULL, FALSE);

  for (i = 0; relations->contacts != NULL && i < relations->contacts->len; i++)
    {
      const KsContact *contact = g_ptr_array_index (relations->contacts, i);
      GDate seen;

      if (contact->layer != KS_LAYER_EXECUTIVE
          || !ks_plan_parse_date (contact->last_contact, &seen))
        continue;

      if (!found || g_date_compare (&seen, date) > 0)
        *date = seen;
      found = TRUE;
    }

  return found;
}

KsExecutiveCoverage
ks_relations_executive_coverage (const KsRelations *relations,
                                 const GDate       *today)
{
  guint i;

  g_return_val_if_fail (relations != NULL, KS_EXECUTIVE_UNKNOWN);
  g_return_val_if_fail (today != NULL && g_date_valid (today), KS_EXECUTIVE_UNKNOWN);

  if (relations->contacts == NULL || relations->contacts->len == 0)
    return KS_EXECUTIVE_UNKNOWN;

  /* Any executive seen within the quarter covers the account: one whose last contact
   * was mistyped into the future does not hide another met last month, as taking the
   * latest date alone would. */
  for (i = 0; i < relations->contacts->len; i++)
    {
      const KsContact *contact = g_ptr_array_index (relations->contacts, i);
      GDate seen;

      if (contact->layer != KS_LAYER_EXECUTIVE
          || !ks_plan_parse_date (contact->last_contact, &seen))
        continue;

      if (ks_plan_executive_coverage (&seen, today) == KS_EXECUTIVE_COVERED)
        return KS_EXECUTIVE_COVERED;
    }

  return KS_EXECUTIVE_MISSING;
}

/* Year × 4 + quarter of "YYYY-Qn", or -1. */
static int
quarter_ordinal (const char *quarter)
{
  int year, q;

  if (quarter == NULL || !ks_quarter_parse (quarter, &year, &q, NULL))
    return -1;

  return year * 4 + (q - 1);
}

void
ks_relations_fill_inputs (const KsRelations *relations,
                          GDateTime         *now,
                          KsHealthInputs    *inputs)
{
  g_autoptr (GDateTime) year_ago = NULL;
  int latest = -1;
  int y, m, d;
  GDate today;
  guint i;

  g_return_if_fail (relations != NULL);
  g_return_if_fail (now != NULL);
  g_return_if_fail (inputs != NULL);

  inputs->has_satisfaction = FALSE;
  inputs->satisfaction = 0.0;
  for (i = 0; relations->satisfaction != NULL && i < relations->satisfaction->len; i++)
    {
      const KsSatisfaction *survey = g_ptr_array_index (relations->satisfaction, i);
      int ordinal = quarter_ordinal (survey->quarter);

      if (ordinal < 0 || ordinal <= latest || isnan (survey->score))
        continue;
      latest = ordinal;
      inputs->has_satisfaction = TRUE;
      inputs->satisfaction = CLAMP (survey->score, 0.0, KS_SATISFACTION_MAX);
    }

  /* The complaints opened in the twelve months up to @now whose 24 h are decided:
   * answered, or past the deadline unanswered. One still within its 24 h has failed
   * nothing yet, so recording it does not lower the score. */
  inputs->complaints = 0;
  inputs->complaints_answered_in_time = 0;
  year_ago = g_date_time_add_years (now, -1);
  for (i = 0; relations->complaints != NULL && i < relations->complaints->len; i++)
    {
      const KsComplaint *complaint = g_ptr_array_index (relations->complaints, i);
      g_autoptr (GDateTime) opened = ks_relations_parse_date_time (complaint->opened_at);
      KsResponseState state;

      if (opened == NULL
          || g_date_time_compare (opened, year_ago) < 0
          || g_date_time_compare (opened, now) > 0)
        continue;

      state = ks_complaint_response_state (complaint, now, NULL);
      if (state == KS_RESPONSE_DUE)
        continue;

      inputs->complaints++;
      if (state == KS_RESPONSE_IN_TIME)
        inputs->complaints_answered_in_time++;
    }

  /* Today is @now's date where @now is: the caller's clock decides the zone. */
  g_date_time_get_ymd (now, &y, &m, &d);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  inputs->executive = ks_relations_executive_coverage (relations, &today);

  inputs->overdue_complaints = ks_relations_count_overdue_complaints (relations, now);
}

guint
ks_relations_count_overdue_complaints (const KsRelations *relations,
                                       GDateTime         *now)
{
  guint count = 0;
  guint i;

  g_return_val_if_fail (relations != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  for (i = 0; relations->complaints != NULL && i < relations->complaints->len; i++)
    {
      const KsComplaint *complaint = g_ptr_array_index (relations->complaints, i);

      if (ks_complaint_is_open (complaint)
          && ks_complaint_response_state (complaint, now, NULL) == KS_RESPONSE_OVERDUE)
        count++;
    }

  return count;
}

char *
ks_complaint_format_duration (gint64   seconds,
                              gboolean round_up)
{
  guint64 minutes;
  guint hours, rest, days;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  seconds = MAX (seconds, 0);
  minutes = round_up ? ((guint64) seconds + 59) / 60 : (guint64) seconds / 60;

  if (minutes == 0)
    /* Translators: a span of time, as in “Due in under a minute” */
    return g_strdup (_("under a minute"));

  if (minutes < 60)
    /* Translators: a span of time in minutes, “40 min” */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", (gulong) minutes),
                            (guint) minutes);

  hours = (guint) MIN (minutes / 60, G_MAXUINT);
  rest = (guint) (minutes % 60);

  if (hours >= 48)
    {
      days = hours / 24;
      hours %= 24;
      /* Translators: a span of time in days, “3 d” */
      first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u d", "%u d", days), days);
      if (hours == 0)
        return g_steal_pointer (&first);
      /* Translators: a span of time in hours, “5 h” */
      second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u h", "%u h", hours), hours);
    }
  else
    {
      first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u h", "%u h", hours), hours);
      if (rest == 0)
        return g_steal_pointer (&first);
      second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", rest), rest);
    }

  /* Translators: a span of time in two units, “5 h 20 min” or “3 d 4 h” */
  return g_strdup_printf (C_("duration", "%1$s %2$s"), first, second);
}

/* ---- Response statistics ------------------------------------------------------- */

void
ks_response_stats_free (KsResponseStats *stats)
{
  if (stats == NULL)
    return;

  g_free (stats->group);
  g_free (stats);
}

static int
compare_stats (gconstpointer a,
               gconstpointer b)
{
  const KsResponseStats *left = *(const KsResponseStats * const *) a;
  const KsResponseStats *right = *(const KsResponseStats * const *) b;

  return g_utf8_collate (left->group, right->group);
}

GPtrArray *
ks_complaints_response_stats (GPtrArray *complaints,
                              gboolean   by_owner,
                              GDateTime *now)
{
  g_autoptr (GHashTable) groups = NULL;
  g_autoptr (GHashTable) total_hours = NULL;
  GPtrArray *result;
  guint i;

  g_return_val_if_fail (complaints != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  /* group → KsResponseStats * (owned by @result) and → double * of summed hours. */
  groups = g_hash_table_new (g_str_hash, g_str_equal);
  total_hours = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_response_stats_free);

  for (i = 0; i < complaints->len; i++)
    {
      const KsComplaint *complaint = g_ptr_array_index (complaints, i);
      g_autoptr (GDateTime) opened = NULL;
      g_autoptr (GDateTime) response = NULL;
      g_autofree char *owner = NULL;
      const char *group;
      KsResponseStats *stats;
      double *hours;

      if (by_owner)
        {
          owner = g_strstrip (g_strdup (complaint->owner != NULL ? complaint->owner : ""));
          group = owner[0] != '\0' ? owner : _("No owner");
        }
      else if ((guint) complaint->category < KS_N_COMPLAINT_CATEGORIES)
        group = ks_complaint_category_get_label (complaint->category);
      else
        group = ks_complaint_category_get_label (KS_COMPLAINT_OTHER);

      stats = g_hash_table_lookup (groups, group);
      if (stats == NULL)
        {
          stats = g_new0 (KsResponseStats, 1);
          stats->group = g_strdup (group);
          g_ptr_array_add (result, stats);
          g_hash_table_insert (groups, stats->group, stats);
          g_hash_table_insert (total_hours, stats->group, g_new0 (double, 1));
        }
      hours = g_hash_table_lookup (total_hours, stats->group);

      stats->complaints++;
      if (ks_complaint_is_open (complaint))
        stats->open++;

      opened = ks_relations_parse_date_time (complaint->opened_at);
      response = ks_relations_parse_date_time (complaint->first_response_at);
      if (opened == NULL || response == NULL)
        continue;

      stats->answered++;
      if (ks_complaint_response_state (complaint, now, NULL) == KS_RESPONSE_IN_TIME)
        stats->in_time++;
      *hours += (double) MAX (g_date_time_difference (response, opened), 0)
                / G_TIME_SPAN_HOUR;
    }

  for (i = 0; i < result->len; i++)
    {
      KsResponseStats *stats = g_ptr_array_index (result, i);
      const double *hours = g_hash_table_lookup (total_hours, stats->group);

      stats->mean_hours = stats->answered > 0 ? *hours / stats->answered : 0.0;
    }

  g_ptr_array_sort (result, compare_stats);

  return result;
}
