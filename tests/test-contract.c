/* test-contract.c — contracts as data: labels and keys, the built-in checklist template
 * and what it covers, a contract made from a template (and left alone when the template
 * changes), completion, open issues, renewals due around the 90-day window, the contract
 * alert and the plan's health inputs, validation with the field at fault, copies, and
 * stored checklist texts shown in the UI's language. Every "today" is injected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-account-plan.h"
#include "ks-contract.h"
#include "ks-error.h"

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

/* The categories of the built-in template, in order, as the issue lists them. */
static const char * const builtin_titles[] = {
  "Rights and obligations",
  "Intellectual property ownership",
  "Confidentiality",
  "Data security and privacy",
  "Liability and indemnity",
  "Payment terms",
  "Termination and renewal",
};

static void
date_init (GDate      *date,
           const char *iso)
{
  gboolean ok = ks_plan_parse_date (iso, date);

  assert_case (ok, iso, "not a date");
}

static KsTemplateCategory *
category_new (const char         *title,
              const char * const *texts)
{
  KsTemplateCategory *category = ks_template_category_new (title);

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    g_ptr_array_add (category->items, ks_template_item_new (texts[i]));

  return category;
}

static GPtrArray *
small_template (void)
{
  GPtrArray *categories = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                          ks_template_category_free);

  g_ptr_array_add (categories, category_new ("Scope", (const char *[]) { "Deliverables",
                                                                          "Acceptance",
                                                                          NULL }));
  /* an empty category adds nothing */
  g_ptr_array_add (categories, category_new ("Empty", NULL));
  g_ptr_array_add (categories, category_new ("数据安全", (const char *[]) { "72 小时内通知",
                                                                          NULL }));
  return categories;
}

/* A contract with one item per state in @states ("p" pending, "o" OK, "i" issue, "n"
 * not applicable), in @status. */
static KsContract *
contract_with_states (KsContractStatus  status,
                      const char       *states)
{
  KsContract *contract = ks_contract_new ();

  contract->title = g_strdup ("Framework agreement");
  contract->status = status;
  for (const char *p = states; *p != '\0'; p++)
    {
      KsContractItem *item = ks_contract_item_new ();

      item->category = g_strdup ("Scope");
      item->text = g_strdup_printf ("Item %u", contract->items->len + 1);
      item->position = (int) contract->items->len;
      switch (*p)
        {
        case 'p': item->state = KS_CHECK_PENDING; break;
        case 'o': item->state = KS_CHECK_OK; break;
        case 'i': item->state = KS_CHECK_ISSUE; break;
        case 'n': item->state = KS_CHECK_NOT_APPLICABLE; break;
        default: g_assert_not_reached ();
        }
      g_ptr_array_add (contract->items, item);
    }

  return contract;
}

/* Labels and keys */

static void
test_labels (void)
{
  static const char * const status_keys[] = {
    "draft", "in_review", "signed", "expired", "terminated"
  };
  static const char * const status_labels[] = {
    "Draft", "In review", "Signed", "Expired", "Terminated"
  };
  static const char * const state_keys[] = { "pending", "ok", "issue", "not_applicable" };
  static const char * const state_labels[] = { "Pending", "OK", "Issue", "Not applicable" };

  G_STATIC_ASSERT (G_N_ELEMENTS (status_keys) == KS_N_CONTRACT_STATUSES);
  G_STATIC_ASSERT (G_N_ELEMENTS (state_keys) == KS_N_CHECK_STATES);

  for (guint i = 0; i < KS_N_CONTRACT_STATUSES; i++)
    {
      g_assert_cmpstr (ks_contract_status_get_key (i), ==, status_keys[i]);
      g_assert_cmpstr (ks_contract_status_get_label (i), ==, status_labels[i]);
      g_assert_cmpint (ks_contract_status_from_key (status_keys[i]), ==, (int) i);
    }
  for (guint i = 0; i < KS_N_CHECK_STATES; i++)
    {
      g_assert_cmpstr (ks_check_state_get_key (i), ==, state_keys[i]);
      g_assert_cmpstr (ks_check_state_get_label (i), ==, state_labels[i]);
      g_assert_cmpint (ks_check_state_from_key (state_keys[i]), ==, (int) i);
    }

  g_assert_cmpint (ks_contract_status_from_key ("Signed"), ==, -1);
  g_assert_cmpint (ks_contract_status_from_key (""), ==, -1);
  g_assert_cmpint (ks_contract_status_from_key (NULL), ==, -1);
  g_assert_cmpint (ks_check_state_from_key ("n/a"), ==, -1);
  g_assert_cmpint (ks_check_state_from_key (NULL), ==, -1);
}

/* The built-in template */

static gboolean
template_has (GPtrArray  *categories,
              const char *category_title,
              const char *phrase)
{
  for (guint i = 0; i < categories->len; i++)
    {
      KsTemplateCategory *category = g_ptr_array_index (categories, i);

      if (category_title != NULL && g_strcmp0 (category->title, category_title) != 0)
        continue;
      for (guint j = 0; j < category->items->len; j++)
        {
          KsTemplateItem *item = g_ptr_array_index (category->items, j);

          if (strstr (item->text, phrase) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_builtin_template (void)
{
  /* Every topic of the issue, by the category it belongs to. */
  static const struct
  {
    const char *category;
    const char *phrase;
  } topics[] = {
    { "Rights and obligations", "Scope" },
    { "Rights and obligations", "Deliverables" },
    { "Rights and obligations", "Acceptance criteria" },
    { "Rights and obligations", "Exclusions" },
    { "Rights and obligations", "appendices" },
    { "Intellectual property ownership", "work product" },
    { "Intellectual property ownership", "Pre-existing IP" },
    { "Intellectual property ownership", "improvements" },
    { "Intellectual property ownership", "Licence grants" },
    { "Intellectual property ownership", "survival" },
    { "Intellectual property ownership", "our data" },
    { "Confidentiality", "Definition" },
    { "Confidentiality", "term" },
    { "Confidentiality", "Exclusions" },
    { "Confidentiality", "survives termination" },
    { "Data security and privacy", "Data-processing" },
    { "Data security and privacy", "72 hours" },
    { "Data security and privacy", "Return or deletion" },
    { "Data security and privacy", "Encryption" },
    { "Data security and privacy", "PIPL: lawful basis" },
    { "Data security and privacy", "PIPL: separate consent for sensitive" },
    { "Data security and privacy", "impact assessment before cross-border" },
    { "Data security and privacy", "standard contract" },
    { "Data security and privacy", "assessment" },
    { "Data security and privacy", "certification" },
    { "Data security and privacy", "GDPR" },
    { "Liability and indemnity", "Liability cap not below the contract value" },
    { "Liability and indemnity", "Carve-outs" },
    { "Liability and indemnity", "Indemnities" },
    { "Payment terms", "Payment" },
    { "Termination and renewal", "cure period" },
    { "Termination and renewal", "Notice" },
    { "Termination and renewal", "survive" },
  };
  g_autoptr(GPtrArray) categories = ks_checklist_builtin_template ();
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_pipl = 0;

  g_assert_cmpuint (categories->len, ==, G_N_ELEMENTS (builtin_titles));
  for (guint i = 0; i < categories->len; i++)
    {
      KsTemplateCategory *category = g_ptr_array_index (categories, i);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (category->title, ==, builtin_titles[i]);
      g_assert_cmpint (category->id, ==, 0);
      g_assert_cmpuint (category->items->len, >=, 3);
      g_assert_true (ks_template_category_validate (category, &error));
      g_assert_no_error (error);
      for (guint j = 0; j < category->items->len; j++)
        {
          KsTemplateItem *item = g_ptr_array_index (category->items, j);

          g_assert_cmpint (item->id, ==, 0);
          /* concise: a checklist line, not a paragraph */
          g_assert_cmpuint (g_utf8_strlen (item->text, -1), <=, 100);
          /* no item twice: the display looks each one up by its text */
          g_assert_true (g_hash_table_add (texts, item->text));
          n_pipl += g_str_has_prefix (item->text, "PIPL:");
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    assert_case (template_has (categories, topics[i].category, topics[i].phrase),
                 topics[i].phrase, "not in “%s”", topics[i].category);
  g_assert_cmpuint (n_pipl, ==, 4);
  g_assert_false (template_has (categories, NULL, "no such phrase"));

  /* a fresh array each time: editing one leaves the next alone */
  {
    g_autoptr(GPtrArray) again = NULL;
    KsTemplateCategory *first = g_ptr_array_index (categories, 0);

    g_free (first->title);
    first->title = g_strdup ("Edited");
    again = ks_checklist_builtin_template ();
    g_assert_cmpstr (((KsTemplateCategory *) g_ptr_array_index (again, 0))->title, ==,
                     builtin_titles[0]);
  }
}

/* A contract from a template */

static void
test_instantiate (void)
{
  g_autoptr(GPtrArray) template = small_template ();
  g_autoptr(GPtrArray) builtin = ks_checklist_builtin_template ();
  g_autoptr(KsContract) contract = ks_contract_new ();
  g_autoptr(KsContract) full = ks_contract_new ();
  static const char * const expected[][2] = {
    { "Scope", "Deliverables" },
    { "Scope", "Acceptance" },
    { "数据安全", "72 小时内通知" },
  };
  guint n_builtin = 0;
  guint k = 0;

  /* a new contract: a draft in CNY, no items */
  g_assert_cmpint (contract->id, ==, 0);
  g_assert_cmpint (contract->status, ==, KS_CONTRACT_DRAFT);
  g_assert_cmpstr (contract->currency, ==, "CNY");
  g_assert_cmpuint (contract->items->len, ==, 0);

  ks_contract_add_template_items (contract, template);
  g_assert_cmpuint (contract->items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < contract->items->len; i++)
    {
      KsContractItem *item = g_ptr_array_index (contract->items, i);

      g_assert_cmpstr (item->category, ==, expected[i][0]);
      g_assert_cmpstr (item->text, ==, expected[i][1]);
      g_assert_cmpint (item->position, ==, (int) i);
      g_assert_cmpint (item->state, ==, KS_CHECK_PENDING);
      g_assert_cmpint (item->id, ==, 0);
      g_assert_null (item->note);
      g_assert_null (item->reviewer);
      g_assert_null (item->reviewed);
    }

  /* the template edited afterwards: reworded, reordered, an item removed, a category
   * added; the contract keeps what it was made with */
  {
    KsTemplateCategory *scope = g_ptr_array_index (template, 0);
    KsTemplateItem *first = g_ptr_array_index (scope->items, 0);

    g_free (first->text);
    first->text = g_strdup ("Deliverables and milestones");
    g_free (scope->title);
    scope->title = g_strdup ("Scope of work");
    g_ptr_array_remove_index (scope->items, 1);
    g_ptr_array_add (template, category_new ("New", (const char *[]) { "Added", NULL }));
    g_ptr_array_remove_index (template, 1);
  }
  g_assert_cmpuint (contract->items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < contract->items->len; i++)
    {
      KsContractItem *item = g_ptr_array_index (contract->items, i);

      g_assert_cmpstr (item->category, ==, expected[i][0]);
      g_assert_cmpstr (item->text, ==, expected[i][1]);
    }
  g_clear_pointer (&template, g_ptr_array_unref);
  g_assert_cmpstr (((KsContractItem *) g_ptr_array_index (contract->items, 2))->text, ==,
                   "72 小时内通知");

  /* the built-in template: every item, category by category, in order */
  ks_contract_add_template_items (full, builtin);
  for (guint i = 0; i < builtin->len; i++)
    n_builtin += ((KsTemplateCategory *) g_ptr_array_index (builtin, i))->items->len;
  g_assert_cmpuint (full->items->len, ==, n_builtin);
  for (guint i = 0; i < builtin->len; i++)
    {
      KsTemplateCategory *category = g_ptr_array_index (builtin, i);

      for (guint j = 0; j < category->items->len; j++, k++)
        {
          KsContractItem *item = g_ptr_array_index (full->items, k);

          g_assert_cmpstr (item->category, ==, category->title);
          g_assert_cmpstr (item->text, ==,
                           ((KsTemplateItem *) g_ptr_array_index (category->items, j))->text);
          g_assert_cmpint (item->position, ==, (int) k);
          g_assert_cmpint (item->state, ==, KS_CHECK_PENDING);
        }
    }

  /* a valid contract as it is: a title and the template's items */
  g_free (full->title);
  full->title = g_strdup ("Master services agreement");
  g_assert_true (ks_contract_validate (full, NULL, NULL));
}

/* Completion and open issues */

static void
test_completion (void)
{
  static const struct
  {
    const char *states;
    guint total, reviewed, ok, issues, not_applicable;
    double percent;
  } cases[] = {
    { "", 0, 0, 0, 0, 0, 0.0 },
    { "pppp", 4, 0, 0, 0, 0, 0.0 },
    { "oooo", 4, 4, 4, 0, 0, 100.0 },
    /* not applicable counts as reviewed */
    { "nn", 2, 2, 0, 0, 2, 100.0 },
    { "onip", 4, 3, 1, 1, 1, 75.0 },
    { "iii", 3, 3, 0, 3, 0, 100.0 },
    { "opp", 3, 1, 1, 0, 0, 100.0 / 3.0 },
    { "ppppppppi", 9, 1, 0, 1, 0, 100.0 / 9.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KsContract) contract = contract_with_states (KS_CONTRACT_SIGNED,
                                                             cases[i].states);
      KsContractCompletion c;

      memset (&c, 0xff, sizeof c);
      ks_contract_completion (contract, &c);
      assert_case (c.total == cases[i].total, cases[i].states, "total %u", c.total);
      assert_case (c.reviewed == cases[i].reviewed, cases[i].states, "reviewed %u",
                   c.reviewed);
      assert_case (c.ok == cases[i].ok, cases[i].states, "ok %u", c.ok);
      assert_case (c.issues == cases[i].issues, cases[i].states, "issues %u", c.issues);
      assert_case (c.not_applicable == cases[i].not_applicable, cases[i].states,
                   "not applicable %u", c.not_applicable);
      assert_case (fabs (c.percent - cases[i].percent) < 1e-9, cases[i].states,
                   "percent %g", c.percent);
    }
}

/* Renewals due */

#define NONE NULL

static void
test_renewal_due (void)
{
  static const struct
  {
    const char       *name;
    const char       *today;
    KsContractStatus  status;
    const char       *notice;
    const char       *end;
    gboolean          due;
  } cases[] = {
    { "notice today", "2026-11-27", KS_CONTRACT_SIGNED, "2026-11-27", "2027-06-30", TRUE },
    { "notice tomorrow", "2026-11-27", KS_CONTRACT_SIGNED, "2026-11-28", "2027-06-30", TRUE },
    /* 2026-11-27 + 90 days = 2027-02-25 */
    { "notice on day 90", "2026-11-27", KS_CONTRACT_SIGNED, "2027-02-25", "2027-06-30",
      TRUE },
    { "notice on day 91", "2026-11-27", KS_CONTRACT_SIGNED, "2027-02-26", "2027-06-30",
      FALSE },
    { "notice in a year", "2026-11-27", KS_CONTRACT_SIGNED, "2027-11-27", "2027-12-31",
      FALSE },
    /* past and still signed: overdue, it stands out all the more */
    { "notice yesterday", "2026-11-27", KS_CONTRACT_SIGNED, "2026-11-26", "2027-06-30",
      TRUE },
    { "notice last year", "2026-11-27", KS_CONTRACT_SIGNED, "2025-11-27", "2026-01-31",
      TRUE },
    /* the notice date rules when there is one, however far the end */
    { "notice near, end far", "2026-11-27", KS_CONTRACT_SIGNED, "2027-01-15", "2029-12-31",
      TRUE },
    { "notice far, end far", "2026-11-27", KS_CONTRACT_SIGNED, "2027-05-01", "2027-08-01",
      FALSE },
    /* without one, the end date */
    { "no notice, end day 90", "2026-11-27", KS_CONTRACT_SIGNED, NONE, "2027-02-25", TRUE },
    { "no notice, end day 91", "2026-11-27", KS_CONTRACT_SIGNED, NONE, "2027-02-26", FALSE },
    { "empty notice, end soon", "2026-11-27", KS_CONTRACT_SIGNED, "", "2026-12-31", TRUE },
    { "no notice, ended", "2026-11-27", KS_CONTRACT_SIGNED, NONE, "2026-10-31", TRUE },
    { "no dates", "2026-11-27", KS_CONTRACT_SIGNED, NONE, NONE, FALSE },
    { "unreadable notice", "2026-11-27", KS_CONTRACT_SIGNED, "2026-13-01", "2027-06-30",
      FALSE },
    /* across the year and February: 2026-12-31 + 90 days = 2027-03-31 */
    { "year end, day 90", "2026-12-31", KS_CONTRACT_SIGNED, "2027-03-31", NONE, TRUE },
    { "year end, day 91", "2026-12-31", KS_CONTRACT_SIGNED, "2027-04-01", NONE, FALSE },
    /* a leap year: 2027-12-01 + 90 days = 2028-02-29 */
    { "leap day 90", "2027-12-01", KS_CONTRACT_SIGNED, "2028-02-29", NONE, TRUE },
    { "leap day 91", "2027-12-01", KS_CONTRACT_SIGNED, "2028-03-01", NONE, FALSE },
    /* only a signed contract is renewed */
    { "draft", "2026-11-27", KS_CONTRACT_DRAFT, "2026-12-01", "2027-01-31", FALSE },
    { "in review", "2026-11-27", KS_CONTRACT_IN_REVIEW, "2026-12-01", "2027-01-31", FALSE },
    { "expired", "2026-11-27", KS_CONTRACT_EXPIRED, "2026-10-01", "2026-11-01", FALSE },
    { "terminated", "2026-11-27", KS_CONTRACT_TERMINATED, "2026-12-01", "2027-01-31",
      FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KsContract) contract = contract_with_states (cases[i].status, "o");
      GDate today;

      date_init (&today, cases[i].today);
      contract->renewal_notice = g_strdup (cases[i].notice);
      contract->end = g_strdup (cases[i].end);
      assert_case (ks_contract_renewal_due (contract, &today) == cases[i].due, cases[i].name,
                   "expected %s", cases[i].due ? "due" : "not due");
    }
}

/* The contract alert, and what the plan's health inputs read of it */

static void
test_alert (void)
{
  static const struct
  {
    const char       *name;
    KsContractStatus  status;
    const char       *states;
    gboolean          alert;
  } cases[] = {
    { "signed, an issue", KS_CONTRACT_SIGNED, "ooio", TRUE },
    { "signed, only issues", KS_CONTRACT_SIGNED, "ii", TRUE },
    { "signed, all OK", KS_CONTRACT_SIGNED, "oooo", FALSE },
    { "signed, pending and N/A", KS_CONTRACT_SIGNED, "pnpn", FALSE },
    { "signed, no items", KS_CONTRACT_SIGNED, "", FALSE },
    { "draft, an issue", KS_CONTRACT_DRAFT, "i", FALSE },
    { "in review, an issue", KS_CONTRACT_IN_REVIEW, "oi", FALSE },
    { "expired, an issue", KS_CONTRACT_EXPIRED, "i", FALSE },
    { "terminated, an issue", KS_CONTRACT_TERMINATED, "i", FALSE },
  };
  GDate today;

  date_init (&today, "2026-11-27");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KsContract) contract = contract_with_states (cases[i].status,
                                                             cases[i].states);
      g_autoptr(KsAccountPlan) plan = ks_account_plan_new (7);
      KsHealthInputs inputs;

      assert_case (ks_contract_has_alert (contract) == cases[i].alert, cases[i].name,
                   "expected %s", cases[i].alert ? "an alert" : "none");

      /* the plan with an unremarkable signed contract first: one is enough */
      g_ptr_array_add (plan->contracts, contract_with_states (KS_CONTRACT_SIGNED, "oo"));
      g_ptr_array_add (plan->contracts, g_steal_pointer (&contract));
      ks_plan_inputs_from_plan (plan, &today, &inputs);
      assert_case (inputs.contract_issue == cases[i].alert, cases[i].name, "inputs");
      assert_case (((ks_plan_alerts (&inputs, 10.0) & KS_ALERT_CONTRACT_ISSUE) != 0)
                   == cases[i].alert, cases[i].name, "alerts");
      assert_case (!ks_account_plan_is_empty (plan), cases[i].name, "plan empty");
    }
}

/* Validation */

/* Mutates a valid contract into the case. */
typedef void (*Mutate) (KsContract *contract);

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static char *
long_text (gsize n)
{
  GString *text = g_string_new (NULL);

  /* two bytes a character: a byte count would refuse the longest allowed */
  for (gsize i = 0; i < n; i++)
    g_string_append (text, "é");
  return g_string_free (text, FALSE);
}

static KsContractItem *
first_item (KsContract *contract)
{
  return g_ptr_array_index (contract->items, 0);
}

static void
m_blank_title (KsContract *c)
{
  set_text (&c->title, "  \t");
}

static void
m_no_title (KsContract *c)
{
  set_text (&c->title, NULL);
}

static void
m_long_title (KsContract *c)
{
  g_free (c->title);
  c->title = long_text (KS_CONTRACT_TEXT_MAX + 1);
}

static void
m_longest_title (KsContract *c)
{
  g_free (c->title);
  c->title = long_text (KS_CONTRACT_TEXT_MAX);
}

static void
m_bad_utf8_title (KsContract *c)
{
  set_text (&c->title, "Vertrag \xff");
}

static void
m_long_number (KsContract *c)
{
  g_free (c->number);
  c->number = long_text (KS_CONTRACT_NAME_MAX + 1);
}

static void
m_negative (KsContract *c)
{
  c->value = -1;
}

static void
m_zero (KsContract *c)
{
  c->value = 0;
}

static void
m_currency (KsContract *c)
{
  set_text (&c->currency, "XXX");
}

static void
m_no_currency (KsContract *c)
{
  set_text (&c->currency, NULL);
}

static void
m_eur (KsContract *c)
{
  set_text (&c->currency, "EUR");
}

static void
m_bad_start (KsContract *c)
{
  set_text (&c->start, "2026-02-30");
}

static void
m_bad_end (KsContract *c)
{
  set_text (&c->end, "next year");
}

static void
m_end_before_start (KsContract *c)
{
  set_text (&c->end, "2025-12-31");
}

static void
m_one_day (KsContract *c)
{
  set_text (&c->end, "2026-01-01");
  set_text (&c->renewal_notice, "2026-01-01");
}

static void
m_bad_notice (KsContract *c)
{
  set_text (&c->renewal_notice, "2026/10/01");
}

static void
m_notice_after_end (KsContract *c)
{
  set_text (&c->renewal_notice, "2028-01-01");
}

static void
m_no_dates (KsContract *c)
{
  set_text (&c->start, NULL);
  set_text (&c->end, "");
  set_text (&c->renewal_notice, NULL);
}

static void
m_notice_only (KsContract *c)
{
  set_text (&c->end, NULL);
  set_text (&c->renewal_notice, "2030-01-01");
}

static void
m_long_notes (KsContract *c)
{
  g_free (c->notes);
  c->notes = long_text (KS_CONTRACT_NOTES_MAX + 1);
}

static void
m_longest_notes (KsContract *c)
{
  g_free (c->notes);
  c->notes = long_text (KS_CONTRACT_NOTES_MAX);
}

static void
m_status (KsContract *c)
{
  c->status = KS_N_CONTRACT_STATUSES;
}

static void
m_item_no_category (KsContract *c)
{
  set_text (&first_item (c)->category, " ");
}

static void
m_item_no_text (KsContract *c)
{
  set_text (&first_item (c)->text, NULL);
}

static void
m_item_long_text (KsContract *c)
{
  g_free (first_item (c)->text);
  first_item (c)->text = long_text (KS_CONTRACT_TEXT_MAX + 1);
}

static void
m_item_long_note (KsContract *c)
{
  g_free (first_item (c)->note);
  first_item (c)->note = long_text (KS_CONTRACT_TEXT_MAX + 1);
}

static void
m_item_long_reviewer (KsContract *c)
{
  g_free (first_item (c)->reviewer);
  first_item (c)->reviewer = long_text (KS_CONTRACT_NAME_MAX + 1);
}

static void
m_item_state (KsContract *c)
{
  first_item (c)->state = KS_N_CHECK_STATES;
}

static void
m_item_reviewed (KsContract *c)
{
  set_text (&first_item (c)->reviewed, "2026-1-5");
}

static void
m_item_reviewed_ok (KsContract *c)
{
  set_text (&first_item (c)->reviewed, "2026-01-05");
  set_text (&first_item (c)->reviewer, "周敏");
}

static void
m_no_items (KsContract *c)
{
  g_ptr_array_set_size (c->items, 0);
}


static void
test_validate (void)
{
  static const struct
  {
    const char *name;
    Mutate      mutate;
    const char *field;       /* NULL: valid, or no field (@message says) */
    const char *message;     /* part of the message, or NULL when valid */
  } cases[] = {
    { "valid", NULL, NULL, NULL },
    { "blank title", m_blank_title, "title", "needs a title" },
    { "no title", m_no_title, "title", "needs a title" },
    { "long title", m_long_title, "title", "2000" },
    { "longest title", m_longest_title, NULL, NULL },
    { "unreadable title", m_bad_utf8_title, "title", "cannot be read" },
    { "long number", m_long_number, "number", "200" },
    { "negative value", m_negative, "value", "negative" },
    { "zero value", m_zero, NULL, NULL },
    { "unknown currency", m_currency, "currency", "XXX" },
    { "no currency", m_no_currency, "currency", "currency" },
    { "euro", m_eur, NULL, NULL },
    { "no such day", m_bad_start, "start", "2026-02-30" },
    { "words for a date", m_bad_end, "end", "next year" },
    { "end before start", m_end_before_start, "end", "ends before it starts" },
    { "one day", m_one_day, NULL, NULL },
    { "slashes", m_bad_notice, "renewal-notice", "2026/10/01" },
    { "notice after end", m_notice_after_end, "renewal-notice", "after the end" },
    { "no dates", m_no_dates, NULL, NULL },
    { "notice, no end", m_notice_only, NULL, NULL },
    { "long notes", m_long_notes, "notes", "20000" },
    { "longest notes", m_longest_notes, NULL, NULL },
    { "unknown status", m_status, NULL, "status" },
    { "item without category", m_item_no_category, "items", "category" },
    { "item without text", m_item_no_text, "items", "text" },
    { "item text long", m_item_long_text, "items", "2000" },
    { "item note long", m_item_long_note, "items", "Note" },
    { "item reviewer long", m_item_long_reviewer, "items", "Reviewer" },
    { "item state", m_item_state, "items", "state" },
    { "item review date", m_item_reviewed, "items", "2026-1-5" },
    { "item reviewed", m_item_reviewed_ok, NULL, NULL },
    { "no items", m_no_items, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KsContract) contract = contract_with_states (KS_CONTRACT_SIGNED, "oip");
      g_autoptr(GError) error = NULL;
      const char *field = "unset";
      gboolean ok;

      contract->number = g_strdup ("HT-2026-001");
      contract->value = 12000000;
      contract->start = g_strdup ("2026-01-01");
      contract->end = g_strdup ("2027-12-31");
      contract->renewal_notice = g_strdup ("2027-10-01");
      contract->notes = g_strdup ("续约需提前三个月书面通知");
      if (cases[i].mutate != NULL)
        cases[i].mutate (contract);

      ok = ks_contract_validate (contract, &field, &error);
      if (cases[i].message == NULL)
        {
          assert_case (ok && error == NULL, cases[i].name, "refused: %s",
                       error != NULL ? error->message : "(no error)");
          assert_case (field == NULL, cases[i].name, "field %s", field);
          continue;
        }
      assert_case (!ok, cases[i].name, "accepted");
      assert_case (g_error_matches (error, KS_ERROR, KS_ERROR_INVALID), cases[i].name,
                   "wrong error: %s", error != NULL ? error->message : "(none)");
      assert_case (strstr (error->message, cases[i].message) != NULL, cases[i].name,
                   "message “%s” lacks “%s”", error->message, cases[i].message);
      assert_case (g_strcmp0 (field, cases[i].field) == 0, cases[i].name, "field %s",
                   field != NULL ? field : "(none)");

      /* without a place for the field, the same answer */
      g_clear_error (&error);
      assert_case (!ks_contract_validate (contract, NULL, &error) && error != NULL,
                   cases[i].name, "accepted without field_out");
    }
}

static void
test_template_validate (void)
{
  g_autoptr(KsTemplateCategory) category = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_title = long_text (KS_CONTRACT_NAME_MAX + 1);
  g_autofree char *longest_title = long_text (KS_CONTRACT_NAME_MAX);
  KsTemplateItem *item;

  category = category_new ("Export control", (const char *[]) { "Sanctions screening",
                                                                 NULL });
  g_assert_true (ks_template_category_validate (category, &error));
  g_assert_no_error (error);

  /* an empty category is allowed: items are added later */
  g_ptr_array_set_size (category->items, 0);
  g_assert_true (ks_template_category_validate (category, &error));

  g_free (category->title);
  category->title = g_strdup (" ");
  g_assert_false (ks_template_category_validate (category, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "title"));
  g_clear_error (&error);

  g_free (category->title);
  category->title = g_strdup (long_title);
  g_assert_false (ks_template_category_validate (category, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_free (category->title);
  category->title = g_strdup (longest_title);
  g_assert_true (ks_template_category_validate (category, &error));

  g_free (category->title);
  category->title = g_strdup ("Export control");
  item = ks_template_item_new ("\t");
  g_ptr_array_add (category->items, item);
  g_assert_false (ks_template_category_validate (category, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  /* the message names the category */
  g_assert_nonnull (strstr (error->message, "Export control"));
  g_clear_error (&error);

  g_free (item->text);
  item->text = long_text (KS_CONTRACT_TEXT_MAX + 1);
  g_assert_false (ks_template_category_validate (category, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_clear_error (&error);
  g_free (item->text);
  item->text = long_text (KS_CONTRACT_TEXT_MAX);
  g_assert_true (ks_template_category_validate (category, &error));
  g_assert_no_error (error);
}

/* Copies */

static void
test_copy (void)
{
  g_autoptr(KsContract) contract = contract_with_states (KS_CONTRACT_IN_REVIEW, "oin");
  g_autoptr(KsContract) copy = NULL;
  g_autoptr(KsTemplateCategory) category = NULL;
  g_autoptr(KsTemplateCategory) category_copy = NULL;
  KsContractItem *item = first_item (contract);
  KsContractItem *item_copy;

  contract->id = 12;
  contract->account_id = 3;
  contract->number = g_strdup ("N-1");
  contract->value = 99;
  contract->start = g_strdup ("2026-01-01");
  contract->end = g_strdup ("2026-12-31");
  contract->renewal_notice = g_strdup ("2026-10-01");
  contract->notes = g_strdup ("notes");
  item->id = 40;
  item->note = g_strdup ("checked");
  item->reviewer = g_strdup ("Emily Chen");
  item->reviewed = g_strdup ("2026-03-01");

  copy = ks_contract_copy (contract);
  g_assert_cmpint (copy->id, ==, 12);
  g_assert_cmpint (copy->account_id, ==, 3);
  g_assert_cmpstr (copy->title, ==, contract->title);
  g_assert_cmpstr (copy->number, ==, "N-1");
  g_assert_cmpint (copy->value, ==, 99);
  g_assert_cmpstr (copy->currency, ==, "CNY");
  g_assert_cmpstr (copy->start, ==, "2026-01-01");
  g_assert_cmpstr (copy->end, ==, "2026-12-31");
  g_assert_cmpstr (copy->renewal_notice, ==, "2026-10-01");
  g_assert_cmpint (copy->status, ==, KS_CONTRACT_IN_REVIEW);
  g_assert_cmpstr (copy->notes, ==, "notes");
  g_assert_cmpuint (copy->items->len, ==, 3);
  item_copy = first_item (copy);
  g_assert_true (item_copy != item);
  g_assert_cmpint (item_copy->id, ==, 40);
  g_assert_cmpstr (item_copy->note, ==, "checked");
  g_assert_cmpstr (item_copy->reviewer, ==, "Emily Chen");
  g_assert_cmpstr (item_copy->reviewed, ==, "2026-03-01");
  g_assert_cmpint (((KsContractItem *) g_ptr_array_index (copy->items, 1))->state, ==,
                   KS_CHECK_ISSUE);

  /* independent */
  set_text (&item->note, "changed");
  g_assert_cmpstr (item_copy->note, ==, "checked");

  category = category_new ("Scope", (const char *[]) { "A", "B", NULL });
  category->id = 5;
  ((KsTemplateItem *) g_ptr_array_index (category->items, 1))->id = 9;
  category_copy = ks_template_category_copy (category);
  g_assert_cmpint (category_copy->id, ==, 5);
  g_assert_cmpstr (category_copy->title, ==, "Scope");
  g_assert_cmpuint (category_copy->items->len, ==, 2);
  g_assert_cmpint (((KsTemplateItem *) g_ptr_array_index (category_copy->items, 1))->id, ==,
                   9);
  g_assert_cmpstr (((KsTemplateItem *) g_ptr_array_index (category_copy->items, 1))->text,
                   ==, "B");

  /* and with the plan */
  {
    g_autoptr(KsAccountPlan) plan = ks_account_plan_new (3);
    g_autoptr(KsAccountPlan) plan_copy = NULL;

    g_assert_nonnull (plan->contracts);
    g_assert_true (ks_account_plan_is_empty (plan));
    g_ptr_array_add (plan->contracts, ks_contract_copy (contract));
    g_assert_false (ks_account_plan_is_empty (plan));
    plan_copy = ks_account_plan_copy (plan);
    g_assert_cmpuint (plan_copy->contracts->len, ==, 1);
    g_assert_true (g_ptr_array_index (plan_copy->contracts, 0)
                   != g_ptr_array_index (plan->contracts, 0));
    g_assert_cmpint (((KsContract *) g_ptr_array_index (plan_copy->contracts, 0))->id, ==,
                     12);
  }
}

/* Stored checklist texts on screen */

static void
test_display_untranslated (void)
{
  g_autoptr(GPtrArray) builtin = ks_checklist_builtin_template ();

  /* In English (the tests' C locale) everything comes out as stored. */
  g_assert_null (ks_checklist_text_display (NULL));
  g_assert_cmpstr (ks_checklist_text_display (""), ==, "");
  g_assert_cmpstr (ks_checklist_text_display ("Our own clause"), ==, "Our own clause");
  for (guint i = 0; i < builtin->len; i++)
    {
      KsTemplateCategory *category = g_ptr_array_index (builtin, i);

      g_assert_cmpstr (ks_checklist_text_display (category->title), ==, category->title);
    }
}

/* In Chinese, with the build's catalogue: a text the catalogue has comes out
 * translated, a user's text as written, the empty text never as the catalogue's
 * header. */
static void
test_display_translated (void)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the zh_CN catalogue is not built");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) builtin = ks_checklist_builtin_template ();
      const char *other;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, po_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      /* a msgid the catalogue has had for long: the lookup goes through it */
      other = ks_checklist_text_display ("Other");
      g_assert_cmpstr (other, ==, "其他");
      g_assert_cmpstr (ks_checklist_text_display ("自定义条款：交付地点"), ==,
                       "自定义条款：交付地点");
      g_assert_cmpstr (ks_checklist_text_display (""), ==, "");
      g_assert_null (ks_checklist_text_display (NULL));

      /* the built-in texts as the catalogue has them (English until translated) */
      for (guint i = 0; i < builtin->len; i++)
        {
          KsTemplateCategory *category = g_ptr_array_index (builtin, i);

          g_assert_cmpstr (ks_checklist_text_display (category->title), ==,
                           g_dgettext (GETTEXT_PACKAGE, category->title));
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/contract/labels", test_labels);
  g_test_add_func ("/keystone/contract/builtin-template", test_builtin_template);
  g_test_add_func ("/keystone/contract/instantiate", test_instantiate);
  g_test_add_func ("/keystone/contract/completion", test_completion);
  g_test_add_func ("/keystone/contract/renewal-due", test_renewal_due);
  g_test_add_func ("/keystone/contract/alert", test_alert);
  g_test_add_func ("/keystone/contract/validate", test_validate);
  g_test_add_func ("/keystone/contract/template-validate", test_template_validate);
  g_test_add_func ("/keystone/contract/copy", test_copy);
  g_test_add_func ("/keystone/contract/display-untranslated", test_display_untranslated);
  g_test_add_func ("/keystone/contract/display-translated", test_display_translated);

  return g_test_run ();
}
