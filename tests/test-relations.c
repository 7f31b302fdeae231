/* test-relations.c — relationships as data: labels and keys, checks, copies, the 24-hour
 * response rule across weekends, days and time zones, executive coverage, and what the
 * health score and the complaint statistics read. Every "now" is injected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-account-plan.h"
#include "ks-error.h"
#include "ks-relations.h"

/* Fails the test with the table case's name in the message. */
#define assert_case(expr, case_name, ...)                                           \
  G_STMT_START {                                                                    \
    if (!(expr))                                                                    \
      {                                                                             \
        g_autofree char *detail_ = g_strdup_printf (__VA_ARGS__);                   \
        g_autofree char *message_ = g_strdup_printf ("case “%s”: %s (%s)",          \
                                                     (case_name), detail_, #expr);  \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message_);\
      }                                                                             \
  } G_STMT_END

#define assert_case_double(got, expected, case_name)                                \
  G_STMT_START {                                                                    \
    double got_ = (got);                                                            \
    double expected_ = (expected);                                                  \
    assert_case (fabs (got_ - expected_) < 1e-9, case_name,                         \
                 "got %.12g, expected %.12g", got_, expected_);                     \
  } G_STMT_END

#define HOUR   (60 * 60)
#define DAY    (24 * HOUR)

static const char * const response_names[KS_N_RESPONSE_STATES] = {
  "due", "overdue", "in time", "late"
};

/* @iso must be a date-time with an offset: the tables are written that way. */
static GDateTime *
parse_time (const char *iso)
{
  GDateTime *time = ks_relations_parse_date_time (iso);

  assert_case (time != NULL, iso, "not a date-time with an offset");

  return time;
}

static void
date_init (GDate      *date,
           const char *iso)
{
  gboolean ok = ks_plan_parse_date (iso, date);

  assert_case (ok, iso, "not a date");
}

/* @error is NULL when @ok, else KS_ERROR_INVALID whose message contains @message. */
static void
assert_validation (gboolean    ok,
                   GError     *error,
                   gboolean    expected_ok,
                   const char *message,
                   const char *case_name)
{
  if (expected_ok)
    {
      assert_case (ok && error == NULL, case_name, "refused: %s",
                   error != NULL ? error->message : "(no error)");
      return;
    }

  assert_case (!ok, case_name, "accepted");
  assert_case (g_error_matches (error, KS_ERROR, KS_ERROR_INVALID), case_name,
               "wrong error: %s", error != NULL ? error->message : "(none)");
  if (message != NULL)
    assert_case (strstr (error->message, message) != NULL, case_name,
                 "message “%s” lacks “%s”", error->message, message);
}

/* Table texts: "@text+1" is KS_PLAN_TEXT_MAX + 1 characters, "@name+1" KS_PLAN_NAME_MAX +
 * 1, "@phone+1" 51; "@text", "@name" and "@phone" the longest allowed; anything else is
 * itself. Two bytes a character, so a byte count would refuse the longest. */
static char *
expand (const char *spec)
{
  GString *text;
  gsize n;
  gsize i;

  if (spec == NULL)
    return NULL;
  if (spec[0] != '@')
    return g_strdup (spec);

  if (g_str_has_prefix (spec, "@text"))
    n = KS_PLAN_TEXT_MAX;
  else if (g_str_has_prefix (spec, "@name"))
    n = KS_PLAN_NAME_MAX;
  else if (g_str_has_prefix (spec, "@phone"))
    n = 50;
  else
    g_assert_not_reached ();
  if (g_str_has_suffix (spec, "+1"))
    n++;

  text = g_string_new (NULL);
  for (i = 0; i < n; i++)
    g_string_append (text, "é");

  return g_string_free (text, FALSE);
}

static KsContact *
contact_new (gint64          id,
             const char     *name,
             KsContactLayer  layer,
             const char     *last_contact)
{
  KsContact *contact = ks_contact_new ();

  contact->id = id;
  contact->name = g_strdup (name);
  contact->layer = layer;
  contact->last_contact = g_strdup (last_contact);

  return contact;
}

static KsComplaint *
complaint_new (KsComplaintCategory  category,
               const char          *owner,
               const char          *opened_at,
               const char          *first_response_at)
{
  KsComplaint *complaint = ks_complaint_new ();

  complaint->category = category;
  complaint->owner = g_strdup (owner);
  complaint->opened_at = g_strdup (opened_at);
  complaint->description = g_strdup ("Pallets arrived damaged");
  complaint->first_response_at = g_strdup (first_response_at);

  return complaint;
}

/* ---- Labels and keys ----------------------------------------------------------- */

typedef enum
{
  FAMILY_LAYER,
  FAMILY_ATTITUDE,
  FAMILY_INFLUENCE,
  FAMILY_INTERACTION,
  FAMILY_COMPLAINT,
  N_FAMILIES
} Family;

static const char * const family_names[N_FAMILIES] = {
  "layer", "attitude", "influence", "interaction", "complaint category"
};

static int
family_size (Family family)
{
  switch (family)
    {
    case FAMILY_LAYER: return KS_N_LAYERS;
    case FAMILY_ATTITUDE: return KS_N_ATTITUDES;
    case FAMILY_INFLUENCE: return KS_N_INFLUENCES;
    case FAMILY_INTERACTION: return KS_N_INTERACTION_KINDS;
    case FAMILY_COMPLAINT: return KS_N_COMPLAINT_CATEGORIES;
    case N_FAMILIES:
    default: g_assert_not_reached ();
    }
}

static const char *
family_get_label (Family family,
                  int    value)
{
  switch (family)
    {
    case FAMILY_LAYER: return ks_contact_layer_get_label (value);
    case FAMILY_ATTITUDE: return ks_attitude_get_label (value);
    case FAMILY_INFLUENCE: return ks_influence_get_label (value);
    case FAMILY_INTERACTION: return ks_interaction_kind_get_label (value);
    case FAMILY_COMPLAINT: return ks_complaint_category_get_label (value);
    case N_FAMILIES:
    default: g_assert_not_reached ();
    }
}

static const char *
family_get_key (Family family,
                int    value)
{
  switch (family)
    {
    case FAMILY_LAYER: return ks_contact_layer_get_key (value);
    case FAMILY_ATTITUDE: return ks_attitude_get_key (value);
    case FAMILY_INFLUENCE: return ks_influence_get_key (value);
    case FAMILY_INTERACTION: return ks_interaction_kind_get_key (value);
    case FAMILY_COMPLAINT: return ks_complaint_category_get_key (value);
    case N_FAMILIES:
    default: g_assert_not_reached ();
    }
}

static int
family_from_key (Family      family,
                 const char *key)
{
  switch (family)
    {
    case FAMILY_LAYER: return ks_contact_layer_from_key (key);
    case FAMILY_ATTITUDE: return ks_attitude_from_key (key);
    case FAMILY_INFLUENCE: return ks_influence_from_key (key);
    case FAMILY_INTERACTION: return ks_interaction_kind_from_key (key);
    case FAMILY_COMPLAINT: return ks_complaint_category_from_key (key);
    case N_FAMILIES:
    default: g_assert_not_reached ();
    }
}

static void
test_labels (void)
{
  static const struct {
    Family family;
    int value;
    const char *label;
    const char *key;
  } cases[] = {
    { FAMILY_LAYER, KS_LAYER_EXECUTIVE, "Executive", "executive" },
    { FAMILY_LAYER, KS_LAYER_DECISION_MAKER, "Decision maker", "decision_maker" },
    { FAMILY_LAYER, KS_LAYER_EXECUTION, "Execution", "execution" },
    { FAMILY_ATTITUDE, KS_ATTITUDE_CHAMPION, "Champion", "champion" },
    { FAMILY_ATTITUDE, KS_ATTITUDE_SUPPORTER, "Supporter", "supporter" },
    { FAMILY_ATTITUDE, KS_ATTITUDE_NEUTRAL, "Neutral", "neutral" },
    { FAMILY_ATTITUDE, KS_ATTITUDE_DETRACTOR, "Detractor", "detractor" },
    { FAMILY_INFLUENCE, KS_INFLUENCE_HIGH, "High", "high" },
    { FAMILY_INFLUENCE, KS_INFLUENCE_MEDIUM, "Medium", "medium" },
    { FAMILY_INFLUENCE, KS_INFLUENCE_LOW, "Low", "low" },
    { FAMILY_INTERACTION, KS_INTERACTION_STRATEGIC_DIALOGUE, "Strategic dialogue",
      "strategic_dialogue" },
    { FAMILY_INTERACTION, KS_INTERACTION_VISIT, "Visit", "visit" },
    { FAMILY_INTERACTION, KS_INTERACTION_QBR, "QBR", "qbr" },
    { FAMILY_INTERACTION, KS_INTERACTION_CALL, "Call", "call" },
    { FAMILY_INTERACTION, KS_INTERACTION_EMAIL, "E-mail", "email" },
    { FAMILY_COMPLAINT, KS_COMPLAINT_PRODUCT_QUALITY, "Product quality",
      "product_quality" },
    { FAMILY_COMPLAINT, KS_COMPLAINT_DELIVERY, "Delivery", "delivery" },
    { FAMILY_COMPLAINT, KS_COMPLAINT_COMMUNICATION, "Communication", "communication" },
    { FAMILY_COMPLAINT, KS_COMPLAINT_OTHER, "Other", "other" },
  };
  static const char * const states[KS_N_RESPONSE_STATES] = {
    "Due", "Overdue", "Answered in time", "Answered late"
  };
  guint i;

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==,
                    KS_N_LAYERS + KS_N_ATTITUDES + KS_N_INFLUENCES + KS_N_INTERACTION_KINDS
                    + KS_N_COMPLAINT_CATEGORIES);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (family_get_label (cases[i].family, cases[i].value), ==,
                       cases[i].label);
      g_assert_cmpstr (family_get_key (cases[i].family, cases[i].value), ==,
                       cases[i].key);
    }

  for (i = 0; i < KS_N_RESPONSE_STATES; i++)
    g_assert_cmpstr (ks_response_state_get_label (i), ==, states[i]);
}

static void
test_from_key (void)
{
  /* Not keys: a label, another case, spaces, a hyphen for the underscore, nothing. */
  static const char * const unknown[] = { "Executive", "HIGH", " visit", "visit ", "",
                                          "decision-maker", "e-mail", "QBR", "bogus" };
  Family family;
  int value;
  guint j;

  for (family = 0; family < N_FAMILIES; family++)
    {
      const char *name = family_names[family];

      for (value = 0; value < family_size (family); value++)
        {
          const char *key = family_get_key (family, value);

          assert_case (key != NULL && family_from_key (family, key) == value, name,
                       "key %d (“%s”) does not come back", value, key);
        }

      for (j = 0; j < G_N_ELEMENTS (unknown); j++)
        assert_case (family_from_key (family, unknown[j]) == -1, name,
                     "“%s” is a key", unknown[j]);
      assert_case (family_from_key (family, NULL) == -1, name, "NULL is a key");
    }

  g_assert_cmpint (ks_contact_layer_from_key ("decision_maker"), ==,
                   KS_LAYER_DECISION_MAKER);
  g_assert_cmpint (ks_attitude_from_key ("detractor"), ==, KS_ATTITUDE_DETRACTOR);
  g_assert_cmpint (ks_influence_from_key ("low"), ==, KS_INFLUENCE_LOW);
  g_assert_cmpint (ks_interaction_kind_from_key ("strategic_dialogue"), ==,
                   KS_INTERACTION_STRATEGIC_DIALOGUE);
  g_assert_cmpint (ks_complaint_category_from_key ("product_quality"), ==,
                   KS_COMPLAINT_PRODUCT_QUALITY);
}

/* ---- Date-times ---------------------------------------------------------------- */

static void
test_parse_date_time (void)
{
  static const struct {
    const char *iso;
    const char *utc;        /* the same instant in UTC, or NULL when refused */
    const char *formatted;  /* ks_relations_format_date_time() of it */
  } cases[] = {
    { "2026-11-27T09:30:00+08:00", "2026-11-27T01:30:00+00:00",
      "2026-11-27T09:30:00+08:00" },
    { "2026-11-27T01:30:00Z", "2026-11-27T01:30:00+00:00", "2026-11-27T01:30:00+00:00" },
    { "2026-11-27T09:30:00+0800", "2026-11-27T01:30:00+00:00",
      "2026-11-27T09:30:00+08:00" },
    { "2026-03-29T01:30:00-05:00", "2026-03-29T06:30:00+00:00",
      "2026-03-29T01:30:00-05:00" },
    { "2026-11-27T09:30:00.750+08:00", "2026-11-27T01:30:00+00:00",
      "2026-11-27T09:30:00+08:00" },
    /* No offset: which zone is meant cannot be known. */
    { "2026-11-27T09:30:00", NULL, NULL },
    { "2026-11-27 09:30:00", NULL, NULL },
    { "2026-11-27", NULL, NULL },
    { "2026-11-27T09:30+08:00", NULL, NULL },
    { "2026-02-30T09:30:00+08:00", NULL, NULL },
    { "2026-11-27T25:00:00Z", NULL, NULL },
    { "27.11.2026 09:30", NULL, NULL },
    { "tomorrow", NULL, NULL },
    { "", NULL, NULL },
    { NULL, NULL, NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) time = ks_relations_parse_date_time (cases[i].iso);
      const char *name = cases[i].iso != NULL ? cases[i].iso : "(null)";
      g_autoptr (GDateTime) utc = NULL;
      g_autofree char *utc_text = NULL;
      g_autofree char *formatted = NULL;

      if (cases[i].utc == NULL)
        {
          assert_case (time == NULL, name, "accepted");
          continue;
        }

      assert_case (time != NULL, name, "refused");
      utc = g_date_time_to_utc (time);
      utc_text = ks_relations_format_date_time (utc);
      formatted = ks_relations_format_date_time (time);
      assert_case (g_strcmp0 (utc_text, cases[i].utc) == 0, name, "UTC %s", utc_text);
      assert_case (g_strcmp0 (formatted, cases[i].formatted) == 0, name, "formatted %s",
                   formatted);
    }
}

/* ---- The 24-hour rule ---------------------------------------------------------- */

static void
test_response_state (void)
{
  static const struct {
    const char *name;
    const char *opened;
    const char *response;
    const char *now;
    KsResponseState state;
    gint64 seconds;
    const char *deadline;   /* in UTC, or NULL when there is none */
  } cases[] = {
    /* The boundary, Friday morning in Shanghai. */
    { "just opened", "2026-11-27T09:30:00+08:00", NULL, "2026-11-27T09:30:00+08:00",
      KS_RESPONSE_DUE, DAY, "2026-11-28T01:30:00+00:00" },
    { "23:59:59", "2026-11-27T09:30:00+08:00", NULL, "2026-11-28T09:29:59+08:00",
      KS_RESPONSE_DUE, 1, "2026-11-28T01:30:00+00:00" },
    { "24:00:00 still due", "2026-11-27T09:30:00+08:00", NULL, "2026-11-28T09:30:00+08:00",
      KS_RESPONSE_DUE, 0, "2026-11-28T01:30:00+00:00" },
    { "24:00:01 overdue", "2026-11-27T09:30:00+08:00", NULL, "2026-11-28T09:30:01+08:00",
      KS_RESPONSE_OVERDUE, 1, "2026-11-28T01:30:00+00:00" },
    { "a week overdue", "2026-11-27T09:30:00+08:00", NULL, "2026-12-04T09:30:00+08:00",
      KS_RESPONSE_OVERDUE, 6 * DAY, "2026-11-28T01:30:00+00:00" },
    { "answered at 24:00:00", "2026-11-27T09:30:00+08:00", "2026-11-28T09:30:00+08:00",
      "2026-12-04T09:30:00+08:00", KS_RESPONSE_IN_TIME, DAY, "2026-11-28T01:30:00+00:00" },
    { "answered at 24:00:01", "2026-11-27T09:30:00+08:00", "2026-11-28T09:30:01+08:00",
      "2026-12-04T09:30:00+08:00", KS_RESPONSE_LATE, DAY + 1,
      "2026-11-28T01:30:00+00:00" },
    { "answered in 2 h, looked at before the deadline", "2026-11-27T09:30:00+08:00",
      "2026-11-27T11:30:00+08:00", "2026-11-27T12:00:00+08:00", KS_RESPONSE_IN_TIME,
      2 * HOUR, "2026-11-28T01:30:00+00:00" },
    /* A weekend is 24 clock hours like any other day: no business days. */
    { "Saturday 18:00, Sunday 17:59:59", "2026-11-28T18:00:00+08:00", NULL,
      "2026-11-29T17:59:59+08:00", KS_RESPONSE_DUE, 1, "2026-11-29T10:00:00+00:00" },
    { "Saturday 18:00, Sunday 18:00:01", "2026-11-28T18:00:00+08:00", NULL,
      "2026-11-29T18:00:01+08:00", KS_RESPONSE_OVERDUE, 1, "2026-11-29T10:00:00+00:00" },
    { "Saturday 18:00, Monday 09:00", "2026-11-28T18:00:00+08:00", NULL,
      "2026-11-30T09:00:00+08:00", KS_RESPONSE_OVERDUE, 15 * HOUR,
      "2026-11-29T10:00:00+00:00" },
    { "Saturday 18:00, answered Monday 09:00", "2026-11-28T18:00:00+08:00",
      "2026-11-30T09:00:00+08:00", "2026-11-30T10:00:00+08:00", KS_RESPONSE_LATE,
      39 * HOUR, "2026-11-29T10:00:00+00:00" },
    { "Friday 18:00, answered Saturday 17:00", "2026-11-27T18:00:00+08:00",
      "2026-11-28T17:00:00+08:00", "2026-11-30T09:00:00+08:00", KS_RESPONSE_IN_TIME,
      23 * HOUR, "2026-11-28T10:00:00+00:00" },
    /* Berlin springs forward on 29 March 2026: 12:00 to 12:30 the next day is 23.5 h. */
    { "spring forward, 23.5 h", "2026-03-28T12:00:00+01:00", NULL,
      "2026-03-29T12:30:00+02:00", KS_RESPONSE_DUE, HOUR / 2,
      "2026-03-29T11:00:00+00:00" },
    { "spring forward, 24 h", "2026-03-28T12:00:00+01:00", NULL,
      "2026-03-29T13:00:00+02:00", KS_RESPONSE_DUE, 0, "2026-03-29T11:00:00+00:00" },
    { "spring forward, 24 h 1 s", "2026-03-28T12:00:00+01:00", NULL,
      "2026-03-29T13:00:01+02:00", KS_RESPONSE_OVERDUE, 1, "2026-03-29T11:00:00+00:00" },
    { "spring forward, answered 12:30", "2026-03-28T12:00:00+01:00",
      "2026-03-29T12:30:00+02:00", "2026-03-30T12:00:00+02:00", KS_RESPONSE_IN_TIME,
      23 * HOUR + HOUR / 2, "2026-03-29T11:00:00+00:00" },
    /* And falls back on 25 October: 12:00 to 11:30 the next day is 24.5 h. */
    { "fall back, 24.5 h", "2026-10-24T12:00:00+02:00", NULL, "2026-10-25T11:30:00+01:00",
      KS_RESPONSE_OVERDUE, HOUR / 2, "2026-10-25T10:00:00+00:00" },
    { "fall back, answered 11:30", "2026-10-24T12:00:00+02:00",
      "2026-10-25T11:30:00+01:00", "2026-10-26T12:00:00+01:00", KS_RESPONSE_LATE,
      24 * HOUR + HOUR / 2, "2026-10-25T10:00:00+00:00" },
    /* Opened in Shanghai, looked at in UTC: the same instants. */
    { "+08:00 and UTC, same instant", "2026-11-27T09:30:00+08:00", NULL,
      "2026-11-27T01:30:00Z", KS_RESPONSE_DUE, DAY, "2026-11-28T01:30:00+00:00" },
    { "+08:00 and UTC, 24 h", "2026-11-27T09:30:00+08:00", NULL, "2026-11-28T01:30:00Z",
      KS_RESPONSE_DUE, 0, "2026-11-28T01:30:00+00:00" },
    { "+08:00 and UTC, 24 h 1 s", "2026-11-27T09:30:00+08:00", NULL,
      "2026-11-28T01:30:01Z", KS_RESPONSE_OVERDUE, 1, "2026-11-28T01:30:00+00:00" },
    { "+08:00, answered from New York", "2026-11-27T09:30:00+08:00",
      "2026-11-27T20:00:00-05:00", "2026-11-30T00:00:00Z", KS_RESPONSE_IN_TIME,
      23 * HOUR + HOUR / 2, "2026-11-28T01:30:00+00:00" },
    /* Opened late in the evening: the next calendar day is not the deadline. */
    { "23:30, next day 00:30", "2026-11-27T23:30:00+08:00", NULL,
      "2026-11-28T00:30:00+08:00", KS_RESPONSE_DUE, 23 * HOUR,
      "2026-11-28T15:30:00+00:00" },
    { "23:30, next day 23:29:59", "2026-11-27T23:30:00+08:00", NULL,
      "2026-11-28T23:29:59+08:00", KS_RESPONSE_DUE, 1, "2026-11-28T15:30:00+00:00" },
    { "23:30, next day 23:30:01", "2026-11-27T23:30:00+08:00", NULL,
      "2026-11-28T23:30:01+08:00", KS_RESPONSE_OVERDUE, 1, "2026-11-28T15:30:00+00:00" },
    { "31 December 23:30", "2026-12-31T23:30:00+08:00", NULL, "2027-01-01T23:30:00+08:00",
      KS_RESPONSE_DUE, 0, "2027-01-01T15:30:00+00:00" },
    /* Nothing to measure from. */
    { "opening without offset", "2026-11-27T09:30:00", NULL, "2026-12-04T09:30:00+08:00",
      KS_RESPONSE_DUE, 0, NULL },
    { "no opening", NULL, NULL, "2026-12-04T09:30:00+08:00", KS_RESPONSE_DUE, 0, NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsComplaint) complaint = complaint_new (KS_COMPLAINT_DELIVERY, NULL,
                                                         cases[i].opened,
                                                         cases[i].response);
      g_autoptr (GDateTime) now = parse_time (cases[i].now);
      g_autoptr (GDateTime) deadline = ks_complaint_response_deadline (complaint);
      const char *name = cases[i].name;
      gint64 seconds = -42;
      KsResponseState state;

      state = ks_complaint_response_state (complaint, now, &seconds);
      assert_case (state == cases[i].state, name, "state %s, expected %s",
                   response_names[state], response_names[cases[i].state]);
      assert_case (seconds == cases[i].seconds, name,
                   "%" G_GINT64_FORMAT " s, expected %" G_GINT64_FORMAT,
                   seconds, cases[i].seconds);
      assert_case (ks_complaint_response_state (complaint, now, NULL) == state, name,
                   "another state without seconds");

      if (cases[i].deadline == NULL)
        assert_case (deadline == NULL, name, "a deadline");
      else
        {
          g_autoptr (GDateTime) utc = NULL;
          g_autofree char *text = NULL;

          assert_case (deadline != NULL, name, "no deadline");
          utc = g_date_time_to_utc (deadline);
          text = ks_relations_format_date_time (utc);
          assert_case (g_strcmp0 (text, cases[i].deadline) == 0, name, "deadline %s", text);
        }
    }
}

/* The same rule with "now" in a real zone, as the clock of a user in Berlin gives it. */
static void
test_response_state_zone (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) opened = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autoptr (KsComplaint) complaint = NULL;
  g_autofree char *opened_text = NULL;
  g_autofree char *now_text = NULL;
  gint64 seconds;

  if (berlin == NULL)
    {
      g_test_skip ("no time zone data for Europe/Berlin");
      return;
    }

  opened = g_date_time_new (berlin, 2026, 3, 28, 12, 0, 0);
  now = g_date_time_new (berlin, 2026, 3, 29, 12, 30, 0);
  opened_text = ks_relations_format_date_time (opened);
  now_text = ks_relations_format_date_time (now);
  g_assert_cmpstr (opened_text, ==, "2026-03-28T12:00:00+01:00");
  g_assert_cmpstr (now_text, ==, "2026-03-29T12:30:00+02:00");

  complaint = complaint_new (KS_COMPLAINT_PRODUCT_QUALITY, "Anna Berg", opened_text, NULL);
  g_assert_cmpint (ks_complaint_response_state (complaint, now, &seconds), ==,
                   KS_RESPONSE_DUE);
  g_assert_cmpint (seconds, ==, HOUR / 2);

  /* 13:00:01 on the wall is 24 h 1 s after 12:00 the day before. */
  later = g_date_time_new (berlin, 2026, 3, 29, 13, 0, 1);
  g_assert_cmpint (ks_complaint_response_state (complaint, later, &seconds), ==,
                   KS_RESPONSE_OVERDUE);
  g_assert_cmpint (seconds, ==, 1);
}

static void
test_overdue_complaint (void)
{
  static const struct {
    const char *name;
    const char *opened;
    const char *response;
    const char *closed;
    gboolean overdue;
  } cases[] = {
    { "due", "2026-11-27T12:00:00+08:00", NULL, NULL, FALSE },
    { "overdue", "2026-11-26T09:00:00+08:00", NULL, NULL, TRUE },
    { "answered late", "2026-11-20T09:00:00+08:00", "2026-11-22T09:00:00+08:00", NULL,
      FALSE },
    { "answered in time", "2026-11-20T09:00:00+08:00", "2026-11-20T10:00:00+08:00", NULL,
      FALSE },
    /* Not possible through the checks, but closed is closed. */
    { "closed unanswered", "2026-11-20T09:00:00+08:00", NULL, "2026-11-25T09:00:00+08:00",
      FALSE },
  };
  g_autoptr (GDateTime) now = parse_time ("2026-11-27T12:00:00+08:00");
  g_autoptr (KsRelations) all = ks_relations_new (1);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsRelations) one = ks_relations_new (1);
      KsComplaint *complaint = complaint_new (KS_COMPLAINT_OTHER, NULL, cases[i].opened,
                                              cases[i].response);

      complaint->closed_at = g_strdup (cases[i].closed);
      assert_case (ks_complaint_is_open (complaint) == (cases[i].closed == NULL),
                   cases[i].name, "open");
      g_ptr_array_add (one->complaints, complaint);
      g_ptr_array_add (all->complaints, ks_complaint_copy (complaint));
      assert_case ((ks_relations_count_overdue_complaints (one, now) > 0) == cases[i].overdue,
                   cases[i].name, "overdue");
    }

  g_assert_cmpuint (ks_relations_count_overdue_complaints (all, now), >, 0);
  /* The overdue one answered: no alert left. */
  g_free (((KsComplaint *) g_ptr_array_index (all->complaints, 1))->first_response_at);
  ((KsComplaint *) g_ptr_array_index (all->complaints, 1))->first_response_at =
    g_strdup ("2026-11-27T12:00:00+08:00");
  g_assert_cmpuint (ks_relations_count_overdue_complaints (all, now), ==, 0);
}

static void
test_close_blocker (void)
{
  static const char first[] = "Record the first response before closing the complaint.";
  static const char loop[] = "Record the follow-up visit and the customer’s satisfaction "
                             "with it before closing: complaints close the loop.";
  static const struct {
    const char *name;
    const char *response;
    const char *follow_up;
    int satisfaction;
    const char *blocker;
  } cases[] = {
    { "nothing recorded", NULL, NULL, 0, first },
    { "follow-up without response", NULL, "2026-11-30T10:00:00+08:00", 4, first },
    { "response without offset", "2026-11-27T10:00:00", "2026-11-30T10:00:00+08:00", 4,
      first },
    { "response only", "2026-11-27T10:00:00+08:00", NULL, 0, loop },
    { "satisfaction without visit", "2026-11-27T10:00:00+08:00", NULL, 4, loop },
    { "visit without satisfaction", "2026-11-27T10:00:00+08:00",
      "2026-11-30T10:00:00+08:00", 0, loop },
    { "satisfaction 6", "2026-11-27T10:00:00+08:00", "2026-11-30T10:00:00+08:00", 6, loop },
    { "loop closed, 1", "2026-11-27T10:00:00+08:00", "2026-11-30T10:00:00+08:00", 1, NULL },
    { "loop closed, 5", "2026-11-27T10:00:00+08:00", "2026-11-30T10:00:00+08:00", 5, NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsComplaint) complaint = complaint_new (KS_COMPLAINT_DELIVERY, "Li Na",
                                                         "2026-11-27T09:30:00+08:00",
                                                         cases[i].response);
      const char *blocker;

      complaint->follow_up_at = g_strdup (cases[i].follow_up);
      complaint->follow_up_satisfaction = cases[i].satisfaction;
      blocker = ks_complaint_close_blocker (complaint);
      assert_case (g_strcmp0 (blocker, cases[i].blocker) == 0, cases[i].name,
                   "blocker “%s”", blocker != NULL ? blocker : "(none)");
    }
}

/* ---- Executive coverage -------------------------------------------------------- */

static void
test_coverage (void)
{
  typedef struct {
    KsContactLayer layer;
    const char *last_contact;
  } Seen;
  static const struct {
    const char *name;
    guint n;
    Seen contacts[3];
    KsExecutiveCoverage coverage;
    const char *latest;   /* ks_relations_last_executive_contact(), or NULL */
  } cases[] = {
    { "no contacts", 0, { { 0 } }, KS_EXECUTIVE_UNKNOWN, NULL },
    { "no executive", 2,
      { { KS_LAYER_DECISION_MAKER, "2026-05-10" }, { KS_LAYER_EXECUTION, "2026-05-14" } },
      KS_EXECUTIVE_MISSING, NULL },
    { "executive never met", 1, { { KS_LAYER_EXECUTIVE, NULL } }, KS_EXECUTIVE_MISSING,
      NULL },
    { "executive, empty date", 1, { { KS_LAYER_EXECUTIVE, "" } }, KS_EXECUTIVE_MISSING,
      NULL },
    { "executive 2 months ago", 1, { { KS_LAYER_EXECUTIVE, "2026-03-15" } },
      KS_EXECUTIVE_COVERED, "2026-03-15" },
    { "executive today", 1, { { KS_LAYER_EXECUTIVE, "2026-05-15" } },
      KS_EXECUTIVE_COVERED, "2026-05-15" },
    { "executive exactly 3 months ago", 1, { { KS_LAYER_EXECUTIVE, "2026-02-15" } },
      KS_EXECUTIVE_COVERED, "2026-02-15" },
    { "executive 3 months and a day ago", 1, { { KS_LAYER_EXECUTIVE, "2026-02-14" } },
      KS_EXECUTIVE_MISSING, "2026-02-14" },
    { "executive 4 months ago", 1, { { KS_LAYER_EXECUTIVE, "2026-01-15" } },
      KS_EXECUTIVE_MISSING, "2026-01-15" },
    { "executive in the future", 1, { { KS_LAYER_EXECUTIVE, "2026-06-01" } },
      KS_EXECUTIVE_MISSING, "2026-06-01" },
    { "old executive, recent decision maker", 2,
      { { KS_LAYER_EXECUTIVE, "2026-01-15" }, { KS_LAYER_DECISION_MAKER, "2026-05-14" } },
      KS_EXECUTIVE_MISSING, "2026-01-15" },
    { "one old, one recent executive", 3,
      { { KS_LAYER_EXECUTIVE, "2025-11-02" }, { KS_LAYER_EXECUTIVE, "2026-04-30" },
        { KS_LAYER_EXECUTIVE, NULL } },
      KS_EXECUTIVE_COVERED, "2026-04-30" },
    /* A mistyped future date does not hide a real recent meeting. */
    { "one recent, one future executive", 2,
      { { KS_LAYER_EXECUTIVE, "2026-04-30" }, { KS_LAYER_EXECUTIVE, "2027-04-30" } },
      KS_EXECUTIVE_COVERED, "2027-04-30" },
  };
  GDate today;
  guint i, j;

  date_init (&today, "2026-05-15");

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsRelations) relations = ks_relations_new (3);
      const char *name = cases[i].name;
      KsExecutiveCoverage coverage;
      GDate latest;
      gboolean found;

      for (j = 0; j < cases[i].n; j++)
        g_ptr_array_add (relations->contacts,
                         contact_new (j + 1, "Someone", cases[i].contacts[j].layer,
                                      cases[i].contacts[j].last_contact));

      coverage = ks_relations_executive_coverage (relations, &today);
      assert_case (coverage == cases[i].coverage, name, "coverage %d, expected %d",
                   coverage, cases[i].coverage);

      found = ks_relations_last_executive_contact (relations, &latest);
      assert_case (found == (cases[i].latest != NULL), name, "found %d", found);
      if (cases[i].latest != NULL)
        {
          GDate expected;

          date_init (&expected, cases[i].latest);
          assert_case (g_date_valid (&latest) && g_date_compare (&latest, &expected) == 0,
                       name, "not the latest");
        }
      else
        assert_case (!g_date_valid (&latest), name, "a date when none");
    }
}

/* ---- Health inputs ------------------------------------------------------------- */

static KsRelations *
relations_for_inputs (void)
{
  KsRelations *relations = ks_relations_new (9);
  KsSatisfaction survey = { 0 };
  KsComplaint *complaint;

  g_ptr_array_add (relations->contacts,
                   contact_new (1, "Zhang Wei", KS_LAYER_EXECUTIVE, "2026-04-01"));

  /* Out of order on purpose: the latest quarter wins, not the first row. */
  survey.quarter = (char *) "2025-Q4";
  survey.score = 9.0;
  g_ptr_array_add (relations->satisfaction, ks_satisfaction_copy (&survey));
  survey.quarter = (char *) "2026-Q1";
  survey.score = 7.5;
  survey.has_nps = TRUE;
  survey.nps = 20;
  g_ptr_array_add (relations->satisfaction, ks_satisfaction_copy (&survey));
  survey.quarter = (char *) "2025-Q1";
  survey.score = 2.0;
  g_ptr_array_add (relations->satisfaction, ks_satisfaction_copy (&survey));

  /* "Now" is 2026-05-15T10:00:00+08:00. */
  g_ptr_array_add (relations->complaints,
                   complaint_new (KS_COMPLAINT_DELIVERY, "Li Na", "2026-03-02T09:00:00+08:00",
                                  "2026-03-02T15:00:00+08:00"));      /* in time */
  g_ptr_array_add (relations->complaints,
                   complaint_new (KS_COMPLAINT_DELIVERY, "Li Na", "2025-06-01T09:00:00+08:00",
                                  "2025-06-03T09:00:00+08:00"));      /* late */
  complaint = complaint_new (KS_COMPLAINT_OTHER, NULL, "2026-05-13T09:00:00+08:00", NULL);
  g_ptr_array_add (relations->complaints, complaint);                 /* overdue */
  g_ptr_array_add (relations->complaints,
                   complaint_new (KS_COMPLAINT_OTHER, NULL, "2026-05-15T08:00:00+08:00",
                                  NULL));                             /* due: not yet */
  g_ptr_array_add (relations->complaints,
                   complaint_new (KS_COMPLAINT_DELIVERY, "Li Na", "2025-05-14T09:00:00+08:00",
                                  "2025-05-14T10:00:00+08:00"));      /* over a year */
  g_ptr_array_add (relations->complaints,
                   complaint_new (KS_COMPLAINT_DELIVERY, "Li Na", "2026-05-16T09:00:00+08:00",
                                  NULL));                             /* after now */

  return relations;
}

static void
test_fill_inputs (void)
{
  g_autoptr (KsRelations) relations = relations_for_inputs ();
  g_autoptr (KsRelations) empty = ks_relations_new (9);
  g_autoptr (GDateTime) now = parse_time ("2026-05-15T10:00:00+08:00");
  KsHealthInputs inputs = { 0 };
  KsComplaint *overdue;

  /* What the plan filled in stays. */
  inputs.has_attainment = TRUE;
  inputs.attainment_ytd = 87.5;
  inputs.open_actions = 3;
  inputs.overdue_actions = 1;
  inputs.open_risks[KS_RISK_HIGH] = 2;
  inputs.key_account = TRUE;

  ks_relations_fill_inputs (relations, now, &inputs);

  g_assert_true (inputs.has_satisfaction);
  g_assert_cmpfloat_with_epsilon (inputs.satisfaction, 7.5, 1e-9);
  /* In time, late and overdue; not the one still due, nor those outside the year. */
  g_assert_cmpuint (inputs.complaints, ==, 3);
  g_assert_cmpuint (inputs.complaints_answered_in_time, ==, 1);
  g_assert_cmpint (inputs.executive, ==, KS_EXECUTIVE_COVERED);
  g_assert_cmpuint (inputs.overdue_complaints, ==, 1);

  g_assert_true (inputs.has_attainment);
  g_assert_cmpfloat_with_epsilon (inputs.attainment_ytd, 87.5, 1e-9);
  g_assert_cmpuint (inputs.open_actions, ==, 3);
  g_assert_cmpuint (inputs.overdue_actions, ==, 1);
  g_assert_cmpuint (inputs.open_risks[KS_RISK_HIGH], ==, 2);
  g_assert_true (inputs.key_account);
  g_assert_cmpint (ks_plan_alerts (&inputs, KS_PLAN_DROP_THRESHOLD_DEFAULT)
                   & (KS_ALERT_OVERDUE_COMPLAINT | KS_ALERT_NO_EXECUTIVE), ==,
                   KS_ALERT_OVERDUE_COMPLAINT);

  /* The overdue one answered late and the due one in time: no alert, two in time of
   * four. */
  overdue = g_ptr_array_index (relations->complaints, 2);
  overdue->first_response_at = g_strdup ("2026-05-15T09:00:00+08:00");
  g_free (((KsComplaint *) g_ptr_array_index (relations->complaints, 3))->first_response_at);
  ((KsComplaint *) g_ptr_array_index (relations->complaints, 3))->first_response_at =
    g_strdup ("2026-05-15T09:30:00+08:00");
  ks_relations_fill_inputs (relations, now, &inputs);
  g_assert_cmpuint (inputs.complaints, ==, 4);
  g_assert_cmpuint (inputs.complaints_answered_in_time, ==, 2);
  g_assert_cmpuint (inputs.overdue_complaints, ==, 0);

  /* An account without relationship data: those parts go absent again. */
  ks_relations_fill_inputs (empty, now, &inputs);
  g_assert_false (inputs.has_satisfaction);
  g_assert_cmpuint (inputs.complaints, ==, 0);
  g_assert_cmpuint (inputs.complaints_answered_in_time, ==, 0);
  g_assert_cmpint (inputs.executive, ==, KS_EXECUTIVE_UNKNOWN);
  g_assert_cmpuint (inputs.overdue_complaints, ==, 0);
  g_assert_cmpuint (inputs.open_actions, ==, 3);
  g_assert_cmpint (ks_plan_alerts (&inputs, KS_PLAN_DROP_THRESHOLD_DEFAULT)
                   & KS_ALERT_NO_EXECUTIVE, ==, KS_ALERT_NO_EXECUTIVE);
}

/* "Today" for coverage is the date where @now is, not in UTC or the machine's zone. */
static void
test_fill_inputs_today (void)
{
  static const struct {
    const char *name;
    const char *now;
    KsExecutiveCoverage coverage;
  } cases[] = {
    /* 15 May in New York, already 16 May in UTC: 15 February is within the quarter. */
    { "evening in New York", "2026-05-15T23:30:00-05:00", KS_EXECUTIVE_COVERED },
    { "same instant in UTC", "2026-05-16T04:30:00Z", KS_EXECUTIVE_MISSING },
    { "morning in Shanghai", "2026-05-16T00:30:00+08:00", KS_EXECUTIVE_MISSING },
    { "a second before midnight", "2026-05-15T23:59:59+08:00", KS_EXECUTIVE_COVERED },
  };
  g_autoptr (KsRelations) relations = ks_relations_new (2);
  guint i;

  g_ptr_array_add (relations->contacts,
                   contact_new (1, "Zhang Wei", KS_LAYER_EXECUTIVE, "2026-02-15"));

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) now = parse_time (cases[i].now);
      KsHealthInputs inputs = { 0 };

      ks_relations_fill_inputs (relations, now, &inputs);
      assert_case (inputs.executive == cases[i].coverage, cases[i].name,
                   "coverage %d", inputs.executive);
    }
}

/* ---- Validation ---------------------------------------------------------------- */

static void
test_contact_validate (void)
{
  static const struct {
    const char *name;
    gint64 id;
    const char *contact_name;
    const char *title;
    int layer;
    int attitude;
    int influence;
    gint64 reports_to;
    const char *phone;
    const char *email;
    const char *last_contact;
    gboolean ok;
    const char *message;
  } cases[] = {
    { "minimal", 0, "Li Na", NULL, KS_LAYER_EXECUTION, KS_ATTITUDE_NEUTRAL,
      KS_INFLUENCE_LOW, 0, NULL, NULL, NULL, TRUE, NULL },
    { "full", 4, "Zhang Wei", "CEO", KS_LAYER_EXECUTIVE, KS_ATTITUDE_CHAMPION,
      KS_INFLUENCE_HIGH, 2, "+86 21 5555 0100", "zhang.wei@example.cn", "2026-05-01",
      TRUE, NULL },
    { "empty optional fields", 4, "Li Na", "", KS_LAYER_DECISION_MAKER,
      KS_ATTITUDE_DETRACTOR, KS_INFLUENCE_MEDIUM, 0, "", "", "", TRUE, NULL },
    { "longest", 0, "@name", "@name", KS_LAYER_EXECUTION, KS_ATTITUDE_NEUTRAL,
      KS_INFLUENCE_LOW, 0, "@phone", NULL, NULL, TRUE, NULL },
    { "no name", 0, NULL, "CFO", KS_LAYER_EXECUTIVE, 0, 0, 0, NULL, NULL, NULL, FALSE,
      "The contact needs a name." },
    { "empty name", 0, "", "CFO", KS_LAYER_EXECUTIVE, 0, 0, 0, NULL, NULL, NULL, FALSE,
      "The contact needs a name." },
    { "blank name", 0, "  ", "CFO", KS_LAYER_EXECUTIVE, 0, 0, 0, NULL, NULL, NULL, FALSE,
      "The contact needs a name." },
    { "name too long", 0, "@name+1", NULL, 0, 0, 0, 0, NULL, NULL, NULL, FALSE,
      "at most 200 characters" },
    { "title too long", 0, "Li Na", "@name+1", 0, 0, 0, 0, NULL, NULL, NULL, FALSE,
      "“Title” is too long" },
    { "phone too long", 0, "Li Na", NULL, 0, 0, 0, 0, "@phone+1", NULL, NULL, FALSE,
      "at most 50 characters" },
    { "e-mail without @", 0, "Li Na", NULL, 0, 0, 0, 0, NULL, "li.na", NULL, FALSE,
      "“li.na” is not an e-mail address" },
    { "e-mail with two @", 0, "Li Na", NULL, 0, 0, 0, 0, NULL, "li@na@example.cn", NULL,
      FALSE, "not an e-mail address" },
    { "e-mail without name", 0, "Li Na", NULL, 0, 0, 0, 0, NULL, "@example.cn", NULL,
      FALSE, "not an e-mail address" },
    { "e-mail without domain", 0, "Li Na", NULL, 0, 0, 0, 0, NULL, "li.na@", NULL, FALSE,
      "not an e-mail address" },
    { "e-mail with a space", 0, "Li Na", NULL, 0, 0, 0, 0, NULL, "li na@example.cn", NULL,
      FALSE, "name@example.com" },
    { "30 February", 0, "Li Na", NULL, 0, 0, 0, 0, NULL, NULL, "2026-02-30", FALSE,
      "“2026-02-30” in “Last contact” is not a date: write it as YYYY-MM-DD." },
    { "day first", 0, "Li Na", NULL, 0, 0, 0, 0, NULL, NULL, "15.05.2026", FALSE,
      "YYYY-MM-DD" },
    { "reports to itself", 7, "Li Na", NULL, 0, 0, 0, 7, NULL, NULL, NULL, FALSE,
      "cannot report to themselves" },
    { "reports to a negative id", 7, "Li Na", NULL, 0, 0, 0, -1, NULL, NULL, NULL, FALSE,
      "reports to someone" },
    { "layer", 0, "Li Na", NULL, KS_N_LAYERS, 0, 0, 0, NULL, NULL, NULL, FALSE, "layer" },
    { "attitude", 0, "Li Na", NULL, 0, -1, 0, 0, NULL, NULL, NULL, FALSE, "attitude" },
    { "influence", 0, "Li Na", NULL, 0, 0, KS_N_INFLUENCES, 0, NULL, NULL, NULL, FALSE,
      "influence" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsContact) contact = ks_contact_new ();
      g_autoptr (GError) error = NULL;
      gboolean ok;

      contact->id = cases[i].id;
      contact->name = expand (cases[i].contact_name);
      contact->title = expand (cases[i].title);
      contact->layer = (KsContactLayer) cases[i].layer;
      contact->attitude = (KsAttitude) cases[i].attitude;
      contact->influence = (KsInfluence) cases[i].influence;
      contact->reports_to = cases[i].reports_to;
      contact->phone = expand (cases[i].phone);
      contact->email = g_strdup (cases[i].email);
      contact->last_contact = g_strdup (cases[i].last_contact);

      ok = ks_contact_validate (contact, &error);
      assert_validation (ok, error, cases[i].ok, cases[i].message, cases[i].name);
    }
}

static void
test_interaction_validate (void)
{
  static const struct {
    const char *name;
    int kind;
    const char *date;
    gint64 contacts[3];   /* 0-terminated */
    const char *notes;
    gboolean ok;
    const char *message;
  } cases[] = {
    { "minimal", KS_INTERACTION_CALL, "2026-05-15", { 0 }, NULL, TRUE, NULL },
    { "with contacts", KS_INTERACTION_STRATEGIC_DIALOGUE, "2026-05-15", { 3, 5, 0 },
      "@text", TRUE, NULL },
    { "no date", KS_INTERACTION_VISIT, NULL, { 0 }, NULL, FALSE,
      "The interaction needs a date" },
    { "blank date", KS_INTERACTION_VISIT, " ", { 0 }, NULL, FALSE,
      "The interaction needs a date" },
    { "bad date", KS_INTERACTION_VISIT, "2026-13-01", { 0 }, NULL, FALSE,
      "“2026-13-01” in “Date” is not a date" },
    { "kind", KS_N_INTERACTION_KINDS, "2026-05-15", { 0 }, NULL, FALSE, "kind" },
    { "notes too long", KS_INTERACTION_QBR, "2026-05-15", { 0 }, "@text+1", FALSE,
      "at most 2000 characters" },
    { "contact twice", KS_INTERACTION_QBR, "2026-05-15", { 3, 3, 0 }, NULL, FALSE,
      "twice" },
    { "negative contact", KS_INTERACTION_EMAIL, "2026-05-15", { -3, 0 }, NULL, FALSE,
      "not a contact of the account" },
  };
  guint i, j;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsInteraction) interaction = ks_interaction_new ();
      g_autoptr (GError) error = NULL;
      gboolean ok;

      interaction->kind = (KsInteractionKind) cases[i].kind;
      interaction->date = g_strdup (cases[i].date);
      interaction->notes = expand (cases[i].notes);
      for (j = 0; cases[i].contacts[j] != 0; j++)
        g_array_append_val (interaction->contact_ids, cases[i].contacts[j]);

      ok = ks_interaction_validate (interaction, &error);
      assert_validation (ok, error, cases[i].ok, cases[i].message, cases[i].name);
    }
}

static void
test_satisfaction_validate (void)
{
  static const struct {
    const char *name;
    const char *quarter;
    double score;
    gboolean has_nps;
    int nps;
    gboolean ok;
    const char *message;
  } cases[] = {
    { "score only", "2026-Q2", 8.5, FALSE, 0, TRUE, NULL },
    { "0 and -100", "2026-Q1", 0.0, TRUE, -100, TRUE, NULL },
    { "10 and 100", "2026-Q4", 10.0, TRUE, 100, TRUE, NULL },
    { "NPS out of range but not set", "2026-Q4", 10.0, FALSE, 500, TRUE, NULL },
    { "score 11", "2026-Q2", 11.0, FALSE, 0, FALSE, "from 0 to 10" },
    { "score -1", "2026-Q2", -1.0, FALSE, 0, FALSE, "from 0 to 10" },
    { "score NaN", "2026-Q2", NAN, FALSE, 0, FALSE, "from 0 to 10" },
    { "NPS 101", "2026-Q2", 7.0, TRUE, 101, FALSE, "The NPS must be from -100 to 100" },
    { "NPS -101", "2026-Q2", 7.0, TRUE, -101, FALSE, "NPS" },
    { "no quarter", NULL, 7.0, FALSE, 0, FALSE, "needs its quarter" },
    { "quarter 5", "2026-Q5", 7.0, FALSE, 0, FALSE, "“2026-Q5” is not a quarter" },
    { "a date", "2026-05-15", 7.0, FALSE, 0, FALSE, "2026-Q3" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KsSatisfaction survey = { 0 };
      g_autoptr (GError) error = NULL;
      gboolean ok;

      survey.quarter = (char *) cases[i].quarter;
      survey.score = cases[i].score;
      survey.has_nps = cases[i].has_nps;
      survey.nps = cases[i].nps;

      ok = ks_satisfaction_validate (&survey, &error);
      assert_validation (ok, error, cases[i].ok, cases[i].message, cases[i].name);
    }
}

static void
test_complaint_validate (void)
{
  static const struct {
    const char *name;
    int category;
    const char *opened;
    const char *description;
    const char *owner;
    const char *response;
    const char *follow_up;
    int satisfaction;
    const char *closed;
    gboolean ok;
    const char *message;
  } cases[] = {
    { "just opened", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00", "Late", NULL,
      NULL, NULL, 0, NULL, TRUE, NULL },
    { "closed loop", KS_COMPLAINT_PRODUCT_QUALITY, "2026-11-27T09:30:00+08:00", "Cracks",
      "Li Na", "2026-11-27T15:00:00+08:00", "2026-12-03T10:00:00+08:00", 4,
      "2026-12-03T12:00:00+08:00", TRUE, NULL },
    { "answered in UTC", KS_COMPLAINT_OTHER, "2026-11-27T09:30:00+08:00", "Rude",
      "@name", "2026-11-27T01:30:00Z", NULL, 0, NULL, TRUE, NULL },
    { "no opening", KS_COMPLAINT_DELIVERY, NULL, "Late", NULL, NULL, NULL, 0, NULL, FALSE,
      "needs the time it was opened" },
    { "opening without offset", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00", "Late",
      NULL, NULL, NULL, 0, NULL, FALSE, "“Opened” is not a date and time with a time zone" },
    { "opening a date", KS_COMPLAINT_DELIVERY, "2026-11-27", "Late", NULL, NULL, NULL, 0,
      NULL, FALSE, "2026-11-27T09:30:00+08:00" },
    { "no description", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00", " ", NULL,
      NULL, NULL, 0, NULL, FALSE, "The complaint needs a description." },
    { "description too long", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00",
      "@text+1", NULL, NULL, NULL, 0, NULL, FALSE, "at most 2000 characters" },
    { "owner too long", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00", "Late",
      "@name+1", NULL, NULL, 0, NULL, FALSE, "“Owner” is too long" },
    { "category", KS_N_COMPLAINT_CATEGORIES, "2026-11-27T09:30:00+08:00", "Late", NULL,
      NULL, NULL, 0, NULL, FALSE, "category" },
    { "bad response", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00", "Late", NULL,
      "soon", NULL, 0, NULL, FALSE, "“First response” is not a date and time" },
    { "response before opening", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00",
      "Late", NULL, "2026-11-27T09:00:00+08:00", NULL, 0, NULL, FALSE,
      "“First response” is before the complaint was opened" },
    /* 09:30 in Shanghai is 01:30 UTC: 02:00 UTC is after it. */
    { "response at an earlier wall clock elsewhere", KS_COMPLAINT_DELIVERY,
      "2026-11-27T09:30:00+08:00", "Late", NULL, "2026-11-27T02:00:00Z", NULL, 0, NULL,
      TRUE, NULL },
    { "follow-up before opening", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00",
      "Late", NULL, "2026-11-27T10:00:00+08:00", "2026-11-26T10:00:00+08:00", 3, NULL,
      FALSE, "“Follow-up visit” is before" },
    { "satisfaction 6", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00", "Late", NULL,
      "2026-11-27T10:00:00+08:00", "2026-11-30T10:00:00+08:00", 6, NULL, FALSE,
      "from 1 to 5" },
    { "satisfaction -1", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00", "Late", NULL,
      NULL, NULL, -1, NULL, FALSE, "from 1 to 5" },
    { "closed without response", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00",
      "Late", NULL, NULL, NULL, 0, "2026-11-28T09:30:00+08:00", FALSE,
      "Record the first response before closing the complaint." },
    { "closed without follow-up", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00",
      "Late", NULL, "2026-11-27T10:00:00+08:00", NULL, 0, "2026-11-28T09:30:00+08:00",
      FALSE, "complaints close the loop" },
    { "closed without satisfaction", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00",
      "Late", NULL, "2026-11-27T10:00:00+08:00", "2026-11-28T09:00:00+08:00", 0,
      "2026-11-28T09:30:00+08:00", FALSE, "complaints close the loop" },
    { "closed before opening", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00", "Late",
      NULL, "2026-11-27T10:00:00+08:00", "2026-11-28T09:00:00+08:00", 5,
      "2026-11-20T09:30:00+08:00", FALSE, "“Closed” is before" },
    { "closed badly written", KS_COMPLAINT_DELIVERY, "2026-11-27T09:30:00+08:00", "Late",
      NULL, "2026-11-27T10:00:00+08:00", "2026-11-28T09:00:00+08:00", 5, "2026-11-28",
      FALSE, "“Closed” is not a date and time" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KsComplaint) complaint = ks_complaint_new ();
      g_autoptr (GError) error = NULL;
      gboolean ok;

      complaint->category = (KsComplaintCategory) cases[i].category;
      complaint->opened_at = g_strdup (cases[i].opened);
      complaint->description = expand (cases[i].description);
      complaint->owner = expand (cases[i].owner);
      complaint->first_response_at = g_strdup (cases[i].response);
      complaint->follow_up_at = g_strdup (cases[i].follow_up);
      complaint->follow_up_satisfaction = cases[i].satisfaction;
      complaint->closed_at = g_strdup (cases[i].closed);

      ok = ks_complaint_validate (complaint, &error);
      assert_validation (ok, error, cases[i].ok, cases[i].message, cases[i].name);
    }
}

/* ---- Response statistics ------------------------------------------------------- */

static void
test_response_stats (void)
{
  static const struct {
    KsComplaintCategory category;
    const char *owner;
    const char *opened;
    const char *response;
    gboolean closed;
  } complaints[] = {
    /* Li Na: 2 h and 30 h, one open. */
    { KS_COMPLAINT_DELIVERY, "Li Na", "2026-11-02T09:00:00+08:00",
      "2026-11-02T11:00:00+08:00", TRUE },
    { KS_COMPLAINT_PRODUCT_QUALITY, "Li Na", "2026-11-03T09:00:00+08:00",
      "2026-11-04T15:00:00+08:00", FALSE },
    /* Anna Berg: 24 h exactly (in time), one unanswered and overdue. */
    { KS_COMPLAINT_DELIVERY, "Anna Berg", "2026-11-05T09:00:00+01:00",
      "2026-11-06T09:00:00+01:00", FALSE },
    { KS_COMPLAINT_COMMUNICATION, "Anna Berg", "2026-11-20T09:00:00+01:00", NULL, FALSE },
    /* Nobody: empty and blank owners together, 6 h. */
    { KS_COMPLAINT_DELIVERY, "", "2026-11-10T09:00:00Z", "2026-11-10T15:00:00Z", TRUE },
    { KS_COMPLAINT_OTHER, "  ", "2026-11-26T09:00:00Z", NULL, FALSE },
    { KS_COMPLAINT_OTHER, NULL, "2026-11-26T10:00:00Z", NULL, FALSE },
  };
  static const struct {
    const char *group;
    guint complaints, open, answered, in_time;
    double mean_hours;
  } by_owner[] = {
    { "Anna Berg", 2, 2, 1, 1, 24.0 },
    { "Li Na", 2, 1, 2, 1, 16.0 },
    { "No owner", 3, 2, 1, 1, 6.0 },
  }, by_category[] = {
    { "Communication", 1, 1, 0, 0, 0.0 },
    { "Delivery", 3, 1, 3, 3, (2.0 + 24.0 + 6.0) / 3 },
    { "Other", 2, 2, 0, 0, 0.0 },
    { "Product quality", 1, 1, 1, 0, 30.0 },
  };
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               ks_complaint_free);
  g_autoptr (GDateTime) now = parse_time ("2026-11-27T12:00:00+08:00");
  g_autoptr (GPtrArray) owners = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (GPtrArray) none = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (complaints); i++)
    {
      KsComplaint *complaint = complaint_new (complaints[i].category, complaints[i].owner,
                                              complaints[i].opened,
                                              complaints[i].response);

      if (complaints[i].closed)
        complaint->closed_at = g_strdup ("2026-11-26T12:00:00+08:00");
      g_ptr_array_add (list, complaint);
    }

  owners = ks_complaints_response_stats (list, TRUE, now);
  categories = ks_complaints_response_stats (list, FALSE, now);

  g_assert_cmpuint (owners->len, ==, G_N_ELEMENTS (by_owner));
  for (i = 0; i < owners->len; i++)
    {
      const KsResponseStats *stats = g_ptr_array_index (owners, i);

      assert_case (g_strcmp0 (stats->group, by_owner[i].group) == 0, by_owner[i].group,
                   "group %u is “%s”", i, stats->group);
      assert_case (stats->complaints == by_owner[i].complaints, stats->group, "complaints");
      assert_case (stats->open == by_owner[i].open, stats->group, "open %u", stats->open);
      assert_case (stats->answered == by_owner[i].answered, stats->group, "answered");
      assert_case (stats->in_time == by_owner[i].in_time, stats->group, "in time");
      assert_case_double (stats->mean_hours, by_owner[i].mean_hours, stats->group);
    }

  g_assert_cmpuint (categories->len, ==, G_N_ELEMENTS (by_category));
  for (i = 0; i < categories->len; i++)
    {
      const KsResponseStats *stats = g_ptr_array_index (categories, i);

      assert_case (g_strcmp0 (stats->group, by_category[i].group) == 0,
                   by_category[i].group, "group %u is “%s”", i, stats->group);
      assert_case (stats->complaints == by_category[i].complaints, stats->group,
                   "complaints");
      assert_case (stats->open == by_category[i].open, stats->group, "open %u",
                   stats->open);
      assert_case (stats->answered == by_category[i].answered, stats->group, "answered");
      assert_case (stats->in_time == by_category[i].in_time, stats->group, "in time");
      assert_case_double (stats->mean_hours, by_category[i].mean_hours, stats->group);
    }

  g_ptr_array_set_size (list, 0);
  none = ks_complaints_response_stats (list, TRUE, now);
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---- Copies -------------------------------------------------------------------- */

static void
assert_contacts_equal (const KsContact *a,
                       const KsContact *b)
{
  g_assert_true (a != b);
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpint (a->layer, ==, b->layer);
  g_assert_cmpint (a->attitude, ==, b->attitude);
  g_assert_cmpint (a->influence, ==, b->influence);
  g_assert_cmpint (a->reports_to, ==, b->reports_to);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpstr (a->email, ==, b->email);
  g_assert_cmpstr (a->last_contact, ==, b->last_contact);
  g_assert_cmpstr (a->notes, ==, b->notes);
  g_assert_true (a->name == NULL || a->name != b->name);
}

static void
assert_interactions_equal (const KsInteraction *a,
                           const KsInteraction *b)
{
  g_assert_true (a != b);
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpstr (a->date, ==, b->date);
  g_assert_true (a->contact_ids != b->contact_ids);
  g_assert_cmpmem (a->contact_ids->data, a->contact_ids->len * sizeof (gint64),
                   b->contact_ids->data, b->contact_ids->len * sizeof (gint64));
  g_assert_cmpstr (a->our_participants, ==, b->our_participants);
  g_assert_cmpstr (a->notes, ==, b->notes);
  g_assert_cmpstr (a->next_step, ==, b->next_step);
}

static void
assert_surveys_equal (const KsSatisfaction *a,
                      const KsSatisfaction *b)
{
  g_assert_true (a != b);
  g_assert_cmpstr (a->quarter, ==, b->quarter);
  g_assert_cmpfloat (a->score, ==, b->score);
  g_assert_cmpint (a->has_nps, ==, b->has_nps);
  g_assert_cmpint (a->nps, ==, b->nps);
}

static void
assert_complaints_equal (const KsComplaint *a,
                         const KsComplaint *b)
{
  g_assert_true (a != b);
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (a->account_id, ==, b->account_id);
  g_assert_cmpint (a->category, ==, b->category);
  g_assert_cmpstr (a->opened_at, ==, b->opened_at);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpstr (a->owner, ==, b->owner);
  g_assert_cmpstr (a->first_response_at, ==, b->first_response_at);
  g_assert_cmpstr (a->root_cause, ==, b->root_cause);
  g_assert_cmpstr (a->resolution, ==, b->resolution);
  g_assert_cmpstr (a->follow_up_at, ==, b->follow_up_at);
  g_assert_cmpint (a->follow_up_satisfaction, ==, b->follow_up_satisfaction);
  g_assert_cmpstr (a->closed_at, ==, b->closed_at);
}

static void
assert_relations_equal (const KsRelations *a,
                        const KsRelations *b)
{
  guint i;

  g_assert_true (a != b);
  g_assert_cmpint (a->account_id, ==, b->account_id);

  g_assert_cmpuint (a->contacts->len, ==, b->contacts->len);
  for (i = 0; i < a->contacts->len; i++)
    assert_contacts_equal (g_ptr_array_index (a->contacts, i),
                           g_ptr_array_index (b->contacts, i));
  g_assert_cmpuint (a->interactions->len, ==, b->interactions->len);
  for (i = 0; i < a->interactions->len; i++)
    assert_interactions_equal (g_ptr_array_index (a->interactions, i),
                               g_ptr_array_index (b->interactions, i));
  g_assert_cmpuint (a->satisfaction->len, ==, b->satisfaction->len);
  for (i = 0; i < a->satisfaction->len; i++)
    assert_surveys_equal (g_ptr_array_index (a->satisfaction, i),
                          g_ptr_array_index (b->satisfaction, i));
  g_assert_cmpuint (a->complaints->len, ==, b->complaints->len);
  for (i = 0; i < a->complaints->len; i++)
    assert_complaints_equal (g_ptr_array_index (a->complaints, i),
                             g_ptr_array_index (b->complaints, i));
}

/* One of everything, every field set. */
static KsRelations *
relations_full (void)
{
  KsRelations *relations = ks_relations_new (42);
  KsContact *boss = contact_new (11, "张伟", KS_LAYER_EXECUTIVE, "2026-04-01");
  KsContact *buyer = contact_new (12, "Li Na", KS_LAYER_DECISION_MAKER, "2026-05-10");
  KsInteraction *interaction = ks_interaction_new ();
  KsSatisfaction survey = { (char *) "2026-Q1", 8.5, TRUE, 35 };
  KsComplaint *complaint;
  gint64 ids[] = { 11, 12 };

  boss->title = g_strdup ("总经理");
  boss->attitude = KS_ATTITUDE_CHAMPION;
  boss->influence = KS_INFLUENCE_HIGH;
  boss->phone = g_strdup ("+86 21 5555 0100");
  boss->email = g_strdup ("zhang.wei@example.cn");
  boss->notes = g_strdup ("Prefers mornings");
  buyer->title = g_strdup ("Head of purchasing");
  buyer->attitude = KS_ATTITUDE_DETRACTOR;
  buyer->influence = KS_INFLUENCE_MEDIUM;
  buyer->reports_to = 11;
  g_ptr_array_add (relations->contacts, boss);
  g_ptr_array_add (relations->contacts, buyer);

  interaction->id = 5;
  interaction->kind = KS_INTERACTION_QBR;
  interaction->date = g_strdup ("2026-04-01");
  g_array_append_vals (interaction->contact_ids, ids, G_N_ELEMENTS (ids));
  interaction->our_participants = g_strdup ("Anna Berg, Tom Meyer");
  interaction->notes = g_strdup ("Q1 numbers reviewed");
  interaction->next_step = g_strdup ("Send the 2027 offer");
  g_ptr_array_add (relations->interactions, interaction);

  g_ptr_array_add (relations->satisfaction, ks_satisfaction_copy (&survey));

  complaint = complaint_new (KS_COMPLAINT_PRODUCT_QUALITY, "Anna Berg",
                             "2026-03-02T09:00:00+08:00", "2026-03-02T15:00:00+08:00");
  complaint->id = 8;
  complaint->account_id = 42;
  complaint->root_cause = g_strdup ("Mould wear");
  complaint->resolution = g_strdup ("Tool replaced");
  complaint->follow_up_at = g_strdup ("2026-03-10T10:00:00+08:00");
  complaint->follow_up_satisfaction = 4;
  complaint->closed_at = g_strdup ("2026-03-10T12:00:00+08:00");
  g_ptr_array_add (relations->complaints, complaint);

  return relations;
}

static void
test_copy (void)
{
  g_autoptr (KsRelations) relations = relations_full ();
  g_autoptr (KsRelations) copy = ks_relations_copy (relations);
  g_autoptr (KsRelations) empty = ks_relations_new (7);
  g_autoptr (KsRelations) empty_copy = ks_relations_copy (empty);
  KsContact *boss;
  guint i;

  /* Everything valid, so the copy is of real data. */
  for (i = 0; i < relations->contacts->len; i++)
    g_assert_true (ks_contact_validate (g_ptr_array_index (relations->contacts, i), NULL));
  g_assert_true (ks_interaction_validate (g_ptr_array_index (relations->interactions, 0),
                                          NULL));
  g_assert_true (ks_satisfaction_validate (g_ptr_array_index (relations->satisfaction, 0),
                                           NULL));
  g_assert_true (ks_complaint_validate (g_ptr_array_index (relations->complaints, 0),
                                        NULL));

  assert_relations_equal (relations, copy);
  g_assert_false (ks_relations_is_empty (copy));

  /* Deep: changing the original leaves the copy. */
  boss = g_ptr_array_index (relations->contacts, 0);
  g_free (boss->name);
  boss->name = g_strdup ("Someone else");
  g_array_index (((KsInteraction *) g_ptr_array_index (relations->interactions, 0))
                 ->contact_ids, gint64, 0) = 99;
  g_ptr_array_set_size (relations->complaints, 0);
  g_assert_cmpstr (((KsContact *) g_ptr_array_index (copy->contacts, 0))->name, ==, "张伟");
  g_assert_cmpint (g_array_index (((KsInteraction *) g_ptr_array_index (copy->interactions,
                                                                       0))->contact_ids,
                                  gint64, 0), ==, 11);
  g_assert_cmpuint (copy->complaints->len, ==, 1);

  g_assert_true (ks_relations_is_empty (empty));
  g_assert_true (ks_relations_is_empty (empty_copy));
  g_assert_cmpint (empty_copy->account_id, ==, 7);

  /* The frees take NULL. */
  ks_contact_free (NULL);
  ks_interaction_free (NULL);
  ks_satisfaction_free (NULL);
  ks_complaint_free (NULL);
  ks_relations_free (NULL);
  ks_response_stats_free (NULL);
}

static void
test_account_plan (void)
{
  g_autoptr (KsAccountPlan) plan = ks_account_plan_new (42);
  g_autoptr (KsAccountPlan) copy = NULL;
  g_autoptr (KsAccountPlan) empty_copy = NULL;
  KsRelations *full;

  g_assert_nonnull (plan->relations);
  g_assert_cmpint (plan->relations->account_id, ==, 42);
  g_assert_true (ks_account_plan_is_empty (plan));
  empty_copy = ks_account_plan_copy (plan);
  g_assert_nonnull (empty_copy->relations);
  g_assert_true (empty_copy->relations != plan->relations);
  g_assert_true (ks_account_plan_is_empty (empty_copy));

  full = relations_full ();
  ks_relations_free (plan->relations);
  plan->relations = full;
  g_assert_false (ks_account_plan_is_empty (plan));

  copy = ks_account_plan_copy (plan);
  assert_relations_equal (plan->relations, copy->relations);
  g_assert_false (ks_account_plan_is_empty (copy));

  /* One complaint alone makes a plan worth asking about before deleting. */
  g_ptr_array_set_size (full->contacts, 0);
  g_ptr_array_set_size (full->interactions, 0);
  g_ptr_array_set_size (full->satisfaction, 0);
  g_assert_false (ks_account_plan_is_empty (plan));
  g_ptr_array_set_size (full->complaints, 0);
  g_assert_true (ks_account_plan_is_empty (plan));
  g_assert_cmpuint (copy->relations->complaints->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/relations/labels", test_labels);
  g_test_add_func ("/keystone/relations/from-key", test_from_key);
  g_test_add_func ("/keystone/relations/parse-date-time", test_parse_date_time);
  g_test_add_func ("/keystone/relations/response-state", test_response_state);
  g_test_add_func ("/keystone/relations/response-state-zone", test_response_state_zone);
  g_test_add_func ("/keystone/relations/overdue-complaint", test_overdue_complaint);
  g_test_add_func ("/keystone/relations/close-blocker", test_close_blocker);
  g_test_add_func ("/keystone/relations/coverage", test_coverage);
  g_test_add_func ("/keystone/relations/fill-inputs", test_fill_inputs);
  g_test_add_func ("/keystone/relations/fill-inputs-today", test_fill_inputs_today);
  g_test_add_func ("/keystone/relations/validate-contact", test_contact_validate);
  g_test_add_func ("/keystone/relations/validate-interaction", test_interaction_validate);
  g_test_add_func ("/keystone/relations/validate-satisfaction",
                   test_satisfaction_validate);
  g_test_add_func ("/keystone/relations/validate-complaint", test_complaint_validate);
  g_test_add_func ("/keystone/relations/response-stats", test_response_stats);
  g_test_add_func ("/keystone/relations/copy", test_copy);
  g_test_add_func ("/keystone/relations/account-plan", test_account_plan);

  return g_test_run ();
}
