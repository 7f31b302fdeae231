/* ks-contract.c — contracts and their compliance checklists as plain data: labels and
 * keys, the built-in checklist template, copies and checks, and the rules the views and
 * the portfolio read (completion, open issues, renewals due, the contract alert). No
 * I/O here; "today" is always the caller's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-contract.h"
#include "ks-error.h"
#include "ks-money.h"
#include "ks-plan.h"
#include "ks-validate.h"

static const char * const status_keys[KS_N_CONTRACT_STATUSES] = {
  [KS_CONTRACT_DRAFT] = "draft",
  [KS_CONTRACT_IN_REVIEW] = "in_review",
  [KS_CONTRACT_SIGNED] = "signed",
  [KS_CONTRACT_EXPIRED] = "expired",
  [KS_CONTRACT_TERMINATED] = "terminated",
};

static const char * const status_labels[KS_N_CONTRACT_STATUSES] = {
  /* Translators: the status of a contract: still being written */
  [KS_CONTRACT_DRAFT] = N_("Draft"),
  /* Translators: the status of a contract: with legal or the customer for review */
  [KS_CONTRACT_IN_REVIEW] = N_("In review"),
  /* Translators: the status of a contract: signed by both parties, in force */
  [KS_CONTRACT_SIGNED] = N_("Signed"),
  /* Translators: the status of a contract: its term has ended */
  [KS_CONTRACT_EXPIRED] = N_("Expired"),
  /* Translators: the status of a contract: ended early by one of the parties */
  [KS_CONTRACT_TERMINATED] = N_("Terminated"),
};

static const char * const check_keys[KS_N_CHECK_STATES] = {
  [KS_CHECK_PENDING] = "pending",
  [KS_CHECK_OK] = "ok",
  [KS_CHECK_ISSUE] = "issue",
  [KS_CHECK_NOT_APPLICABLE] = "not_applicable",
};

static const char * const check_labels[KS_N_CHECK_STATES] = {
  /* Translators: the state of an item of a contract checklist: not reviewed yet */
  [KS_CHECK_PENDING] = N_("Pending"),
  /* Translators: the state of an item of a contract checklist: reviewed, acceptable */
  [KS_CHECK_OK] = N_("OK"),
  /* Translators: the state of an item of a contract checklist: reviewed, a problem to
   * resolve with the customer or legal */
  [KS_CHECK_ISSUE] = N_("Issue"),
  /* Translators: the state of an item of a contract checklist: does not apply to this
   * contract */
  [KS_CHECK_NOT_APPLICABLE] = N_("Not applicable"),
};

/* ---- The built-in template --------------------------------------------------------
 *
 * Migration 6 stores these texts in English; the views show them through
 * ks_checklist_text_display(), so they come out translated until a user rewords them.
 * Changing a text here changes only new databases (and the template's Reset): the
 * databases made before keep the old wording, and would show it untranslated once
 * the catalogue no longer has it. */

#define BUILTIN_ITEMS_MAX 10

typedef struct
{
  const char *title;
  const char *items[BUILTIN_ITEMS_MAX];   /* NULL-terminated when shorter */
} BuiltinCategory;

static const BuiltinCategory builtin_template[] = {
  {
    /* Translators: a category of the contract checklist (权利义务) */
    N_("Rights and obligations"),
    {
      /* Translators: an item of the contract checklist */
      N_("Scope of work clearly defined"),
      /* Translators: an item of the contract checklist */
      N_("Deliverables listed with dates"),
      /* Translators: an item of the contract checklist */
      N_("Acceptance criteria and procedure defined"),
      /* Translators: an item of the contract checklist: what the contract does not
       * cover is written down */
      N_("Exclusions stated"),
      /* Translators: an item of the contract checklist: the schedules and appendices
       * are part of the contract and bind both parties */
      N_("Schedules and appendices are binding"),
    },
  },
  {
    /* Translators: a category of the contract checklist (知识产权归属) */
    N_("Intellectual property ownership"),
    {
      /* Translators: an item of the contract checklist: who owns what is made under
       * the contract */
      N_("Ownership of the work product"),
      /* Translators: an item of the contract checklist: IP = intellectual property
       * each party had before the contract */
      N_("Pre-existing IP listed and retained by its owner"),
      /* Translators: an item of the contract checklist: who owns improvements and
       * derivatives of either party's IP */
      N_("Ownership of improvements"),
      /* Translators: an item of the contract checklist: which licences are granted,
       * and whether they survive the end of the contract */
      N_("Licence grants and their survival after termination"),
      /* Translators: an item of the contract checklist: what the other party may do
       * with data we give them */
      N_("Use of our data by the other party limited"),
    },
  },
  {
    /* Translators: a category of the contract checklist (保密条款) */
    N_("Confidentiality"),
    {
      /* Translators: an item of the contract checklist */
      N_("Definition of confidential information"),
      /* Translators: an item of the contract checklist: how long confidentiality lasts */
      N_("Confidentiality term"),
      /* Translators: an item of the contract checklist: information that is not
       * confidential (public, known before, required by law) */
      N_("Exclusions from confidentiality"),
      /* Translators: an item of the contract checklist */
      N_("Confidentiality survives termination"),
    },
  },
  {
    /* Translators: a category of the contract checklist (数据安全与隐私保护) */
    N_("Data security and privacy"),
    {
      /* Translators: an item of the contract checklist: terms on how the other party
       * processes personal data for us */
      N_("Data-processing terms agreed"),
      /* Translators: an item of the contract checklist: a data breach is reported
       * within 72 hours */
      N_("Breach notification within 72 hours"),
      /* Translators: an item of the contract checklist: data is returned or deleted
       * when the contract ends */
      N_("Return or deletion of data on exit"),
      /* Translators: an item of the contract checklist */
      N_("Encryption in transit and at rest"),
      /* Translators: an item of the contract checklist. PIPL: China's Personal
       * Information Protection Law (个人信息保护法); keep the abbreviation */
      N_("PIPL: lawful basis for processing personal information"),
      /* Translators: an item of the contract checklist. PIPL: China's Personal
       * Information Protection Law; sensitive personal information needs its own
       * consent (单独同意) */
      N_("PIPL: separate consent for sensitive personal information"),
      /* Translators: an item of the contract checklist. PIPL: China's Personal
       * Information Protection Law; the assessment is 个人信息保护影响评估 */
      N_("PIPL: impact assessment before cross-border transfer"),
      /* Translators: an item of the contract checklist. PIPL: China's Personal
       * Information Protection Law; the three ways personal information may leave
       * China: the standard contract, the security assessment, certification */
      N_("PIPL: cross-border transfer mechanism (standard contract, security assessment "
         "or certification)"),
      /* Translators: an item of the contract checklist. GDPR: the EU's General Data
       * Protection Regulation; keep the abbreviation */
      N_("GDPR: processing terms and transfer safeguards where relevant"),
    },
  },
  {
    /* Translators: a category of the contract checklist (责任限制) */
    N_("Liability and indemnity"),
    {
      /* Translators: an item of the contract checklist: the limit of liability is at
       * least what the contract is worth */
      N_("Liability cap not below the contract value"),
      /* Translators: an item of the contract checklist: what the liability cap does
       * not limit (wilful misconduct, confidentiality, data protection, IP) */
      N_("Carve-outs from the liability cap"),
      /* Translators: an item of the contract checklist: who indemnifies whom, for
       * what */
      N_("Indemnities: scope and procedure"),
    },
  },
  {
    /* Translators: a category of the contract checklist (付款条款) */
    N_("Payment terms"),
    {
      /* Translators: an item of the contract checklist */
      N_("Payment period, currency and invoicing"),
      /* Translators: an item of the contract checklist: interest on late payment, and
       * the right to stop work until paid */
      N_("Late payment: interest and right to suspend"),
      /* Translators: an item of the contract checklist: how and when prices may
       * change */
      N_("Price adjustment"),
    },
  },
  {
    /* Translators: a category of the contract checklist (终止与续约) */
    N_("Termination and renewal"),
    {
      /* Translators: an item of the contract checklist: a breach may be put right
       * within a period before the contract can be terminated */
      N_("Termination for breach with a cure period"),
      /* Translators: an item of the contract checklist */
      N_("Notice period for termination and non-renewal"),
      /* Translators: an item of the contract checklist: whether the contract renews
       * by itself, and by when notice must be given */
      N_("Renewal terms and notice date"),
      /* Translators: an item of the contract checklist: the clauses that stay in force
       * after the contract ends */
      N_("Clauses that survive termination listed"),
    },
  },
};

/* ---- Labels and keys ------------------------------------------------------------- */

const char *
ks_contract_status_get_label (KsContractStatus status)
{
  g_return_val_if_fail ((guint) status < KS_N_CONTRACT_STATUSES, NULL);

  return _(status_labels[status]);
}

const char *
ks_contract_status_get_key (KsContractStatus status)
{
  g_return_val_if_fail ((guint) status < KS_N_CONTRACT_STATUSES, NULL);

  return status_keys[status];
}

const char *
ks_check_state_get_label (KsCheckState state)
{
  g_return_val_if_fail ((guint) state < KS_N_CHECK_STATES, NULL);

  return _(check_labels[state]);
}

const char *
ks_check_state_get_key (KsCheckState state)
{
  g_return_val_if_fail ((guint) state < KS_N_CHECK_STATES, NULL);

  return check_keys[state];
}

int
ks_contract_status_from_key (const char *key)
{
  return ks_key_lookup (status_keys, KS_N_CONTRACT_STATUSES, key);
}

int
ks_check_state_from_key (const char *key)
{
  return ks_key_lookup (check_keys, KS_N_CHECK_STATES, key);
}

const char *
ks_checklist_text_display (const char *stored)
{
  /* The empty msgid would come out as the catalogue's header. */
  if (stored == NULL || stored[0] == '\0')
    return stored;

  return g_dgettext (GETTEXT_PACKAGE, stored);
}

/* ---- The template ---------------------------------------------------------------- */

KsTemplateItem *
ks_template_item_new (const char *text)
{
  KsTemplateItem *item = g_new0 (KsTemplateItem, 1);

  item->text = g_strdup (text);

  return item;
}

void
ks_template_item_free (KsTemplateItem *item)
{
  if (item == NULL)
    return;

  g_free (item->text);
  g_free (item);
}

KsTemplateCategory *
ks_template_category_new (const char *title)
{
  KsTemplateCategory *category = g_new0 (KsTemplateCategory, 1);

  category->title = g_strdup (title);
  category->items = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_template_item_free);

  return category;
}

KsTemplateCategory *
ks_template_category_copy (const KsTemplateCategory *category)
{
  KsTemplateCategory *copy;

  g_return_val_if_fail (category != NULL, NULL);

  copy = ks_template_category_new (category->title);
  copy->id = category->id;
  for (guint i = 0; category->items != NULL && i < category->items->len; i++)
    {
      const KsTemplateItem *item = g_ptr_array_index (category->items, i);
      KsTemplateItem *item_copy = ks_template_item_new (item->text);

      item_copy->id = item->id;
      g_ptr_array_add (copy->items, item_copy);
    }

  return copy;
}

void
ks_template_category_free (KsTemplateCategory *category)
{
  if (category == NULL)
    return;

  g_free (category->title);
  g_clear_pointer (&category->items, g_ptr_array_unref);
  g_free (category);
}

GPtrArray *
ks_checklist_builtin_template (void)
{
  GPtrArray *categories;

  categories = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_template_category_free);
  for (guint i = 0; i < G_N_ELEMENTS (builtin_template); i++)
    {
      const BuiltinCategory *builtin = &builtin_template[i];
      KsTemplateCategory *category = ks_template_category_new (builtin->title);

      for (guint j = 0; j < BUILTIN_ITEMS_MAX && builtin->items[j] != NULL; j++)
        g_ptr_array_add (category->items, ks_template_item_new (builtin->items[j]));
      g_ptr_array_add (categories, category);
    }

  return categories;
}

/* ---- Contracts ------------------------------------------------------------------- */

KsContractItem *
ks_contract_item_new (void)
{
  KsContractItem *item = g_new0 (KsContractItem, 1);

  item->state = KS_CHECK_PENDING;

  return item;
}

KsContractItem *
ks_contract_item_copy (const KsContractItem *item)
{
  KsContractItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_new0 (KsContractItem, 1);
  copy->id = item->id;
  copy->category = g_strdup (item->category);
  copy->position = item->position;
  copy->text = g_strdup (item->text);
  copy->state = item->state;
  copy->note = g_strdup (item->note);
  copy->reviewer = g_strdup (item->reviewer);
  copy->reviewed = g_strdup (item->reviewed);

  return copy;
}

void
ks_contract_item_free (KsContractItem *item)
{
  if (item == NULL)
    return;

  g_free (item->category);
  g_free (item->text);
  g_free (item->note);
  g_free (item->reviewer);
  g_free (item->reviewed);
  g_free (item);
}

KsContract *
ks_contract_new (void)
{
  KsContract *contract = g_new0 (KsContract, 1);

  contract->currency = g_strdup ("CNY");
  contract->status = KS_CONTRACT_DRAFT;
  contract->items = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_contract_item_free);

  return contract;
}

KsContract *
ks_contract_copy (const KsContract *contract)
{
  KsContract *copy;

  g_return_val_if_fail (contract != NULL, NULL);

  copy = ks_contract_new ();
  copy->id = contract->id;
  copy->account_id = contract->account_id;
  copy->title = g_strdup (contract->title);
  copy->number = g_strdup (contract->number);
  copy->value = contract->value;
  g_free (copy->currency);
  copy->currency = g_strdup (contract->currency);
  copy->start = g_strdup (contract->start);
  copy->end = g_strdup (contract->end);
  copy->renewal_notice = g_strdup (contract->renewal_notice);
  copy->status = contract->status;
  copy->notes = g_strdup (contract->notes);
  for (guint i = 0; contract->items != NULL && i < contract->items->len; i++)
    g_ptr_array_add (copy->items, ks_contract_item_copy (g_ptr_array_index (contract->items,
                                                                             i)));

  return copy;
}

void
ks_contract_free (KsContract *contract)
{
  if (contract == NULL)
    return;

  g_free (contract->title);
  g_free (contract->number);
  g_free (contract->currency);
  g_free (contract->start);
  g_free (contract->end);
  g_free (contract->renewal_notice);
  g_free (contract->notes);
  g_clear_pointer (&contract->items, g_ptr_array_unref);
  g_free (contract);
}

void
ks_contract_add_template_items (KsContract *contract,
                                GPtrArray  *template_categories)
{
  g_return_if_fail (contract != NULL && contract->items != NULL);
  g_return_if_fail (template_categories != NULL);

  for (guint i = 0; i < template_categories->len; i++)
    {
      const KsTemplateCategory *category = g_ptr_array_index (template_categories, i);

      for (guint j = 0; category->items != NULL && j < category->items->len; j++)
        {
          const KsTemplateItem *template_item = g_ptr_array_index (category->items, j);
          KsContractItem *item = ks_contract_item_new ();

          item->category = g_strdup (category->title);
          item->text = g_strdup (template_item->text);
          item->position = (int) contract->items->len;
          g_ptr_array_add (contract->items, item);
        }
    }
}

/* ---- Checks ---------------------------------------------------------------------- */

static gboolean
validate_item (const KsContractItem  *item,
               GError               **error)
{
  if (ks_validate_is_blank (item->category) || ks_validate_is_blank (item->text))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("Every checklist item needs a category and a text."));
      return FALSE;
    }

  /* Translators: the name of a field of a contract checklist item: its heading */
  if (!ks_validate_text (item->category, KS_CONTRACT_NAME_MAX, C_("checklist", "Category"),
                         error)
      /* Translators: the name of a field of a contract checklist item: what to check */
      || !ks_validate_text (item->text, KS_CONTRACT_TEXT_MAX, C_("checklist", "Item"), error)
      /* Translators: the name of a field of a contract checklist item */
      || !ks_validate_text (item->note, KS_CONTRACT_TEXT_MAX, C_("checklist", "Note"), error)
      /* Translators: the name of a field of a contract checklist item: who reviewed it */
      || !ks_validate_text (item->reviewer, KS_CONTRACT_NAME_MAX, C_("checklist", "Reviewer"),
                            error)
      /* Translators: the name of a field of a contract checklist item: when it was
       * reviewed */
      || !ks_validate_date (item->reviewed, C_("checklist", "Reviewed"), NULL, error))
    return FALSE;

  if ((guint) item->state >= KS_N_CHECK_STATES)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The state of a checklist item is not one Keystone knows. "
                             "Choose it from the list."));
      return FALSE;
    }

  return TRUE;
}

gboolean
ks_contract_validate (const KsContract  *contract,
                      const char       **field_out,
                      GError           **error)
{
  GDate start, end, notice;

  if (field_out != NULL)
    *field_out = NULL;
  g_return_val_if_fail (contract != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ks_validate_is_blank (contract->title))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The contract needs a title."));
      return ks_validate_fail (field_out, "title");
    }

  /* Translators: the name of a field of a contract */
  if (!ks_validate_text (contract->title, KS_CONTRACT_TEXT_MAX, C_("contract", "Title"), error))
    return ks_validate_fail (field_out, "title");
  /* Translators: the name of a field of a contract: its reference number */
  if (!ks_validate_text (contract->number, KS_CONTRACT_NAME_MAX, C_("contract", "Number"),
                         error))
    return ks_validate_fail (field_out, "number");

  if (contract->value < 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The contract value cannot be negative."));
      return ks_validate_fail (field_out, "value");
    }

  if (!ks_currency_is_valid (contract->currency))
    {
      if (contract->currency != NULL && ks_validate_can_echo (contract->currency))
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     _("“%s” is not a currency Keystone knows."), contract->currency);
      else
        g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                             _("The contract needs a currency: choose one from the list."));
      return ks_validate_fail (field_out, "currency");
    }

  /* Translators: the name of a field of a contract: when it comes into force */
  if (!ks_validate_date (contract->start, C_("contract", "Start"), &start, error))
    return ks_validate_fail (field_out, "start");
  /* Translators: the name of a field of a contract: when its term ends */
  if (!ks_validate_date (contract->end, C_("contract", "End"), &end, error))
    return ks_validate_fail (field_out, "end");
  /* Translators: the name of a field of a contract: the date by which notice of
   * renewal or non-renewal must be given */
  if (!ks_validate_date (contract->renewal_notice, C_("contract", "Renewal notice"),
                         &notice, error))
    return ks_validate_fail (field_out, "renewal-notice");

  if (g_date_valid (&start) && g_date_valid (&end) && g_date_compare (&end, &start) < 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The contract ends before it starts. Check the start and end "
                             "dates."));
      return ks_validate_fail (field_out, "end");
    }
  if (g_date_valid (&notice) && g_date_valid (&end) && g_date_compare (&notice, &end) > 0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The renewal notice date is after the end of the contract: "
                             "notice must be given before it ends."));
      return ks_validate_fail (field_out, "renewal-notice");
    }

  /* Translators: the name of a field of a contract */
  if (!ks_validate_text (contract->notes, KS_CONTRACT_NOTES_MAX, C_("contract", "Notes"), error))
    return ks_validate_fail (field_out, "notes");

  if ((guint) contract->status >= KS_N_CONTRACT_STATUSES)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The contract’s status is not one Keystone knows. Choose it "
                             "from the list."));
      return FALSE;
    }

  for (guint i = 0; contract->items != NULL && i < contract->items->len; i++)
    if (!validate_item (g_ptr_array_index (contract->items, i), error))
      return ks_validate_fail (field_out, "items");

  return TRUE;
}

gboolean
ks_template_category_validate (const KsTemplateCategory  *category,
                               GError                   **error)
{
  g_return_val_if_fail (category != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ks_validate_is_blank (category->title))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("Every category of the checklist needs a title."));
      return FALSE;
    }
  if (!ks_validate_text (category->title, KS_CONTRACT_NAME_MAX, C_("checklist", "Category"),
                         error))
    return FALSE;

  for (guint i = 0; category->items != NULL && i < category->items->len; i++)
    {
      const KsTemplateItem *item = g_ptr_array_index (category->items, i);

      if (ks_validate_is_blank (item->text))
        {
          g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                       /* Translators: %s is the title of a category of the checklist */
                       _("An item of “%s” is empty: write what to check, or remove it."),
                       ks_checklist_text_display (category->title));
          return FALSE;
        }
      if (!ks_validate_text (item->text, KS_CONTRACT_TEXT_MAX, C_("checklist", "Item"), error))
        return FALSE;
    }

  return TRUE;
}

/* ---- Rules ----------------------------------------------------------------------- */

void
ks_contract_completion (const KsContract     *contract,
                        KsContractCompletion *completion)
{
  g_return_if_fail (completion != NULL);
  memset (completion, 0, sizeof *completion);
  g_return_if_fail (contract != NULL);

  for (guint i = 0; contract->items != NULL && i < contract->items->len; i++)
    {
      const KsContractItem *item = g_ptr_array_index (contract->items, i);

      completion->total++;
      switch (item->state)
        {
        case KS_CHECK_OK:
          completion->ok++;
          break;
        case KS_CHECK_ISSUE:
          completion->issues++;
          break;
        case KS_CHECK_NOT_APPLICABLE:
          completion->not_applicable++;
          break;
        case KS_CHECK_PENDING:
        case KS_N_CHECK_STATES:
        default:
          continue;
        }
      completion->reviewed++;
    }

  if (completion->total > 0)
    completion->percent = 100.0 * completion->reviewed / completion->total;
}

gboolean
ks_contract_renewal_due (const KsContract *contract,
                         const GDate      *today)
{
  const char *when;
  GDate date;

  g_return_val_if_fail (contract != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (contract->status != KS_CONTRACT_SIGNED)
    return FALSE;

  when = contract->renewal_notice != NULL && contract->renewal_notice[0] != '\0'
         ? contract->renewal_notice : contract->end;
  if (!ks_plan_parse_date (when, &date))
    return FALSE;

  return g_date_days_between (today, &date) <= KS_CONTRACT_RENEWAL_DAYS;
}

gboolean
ks_contract_has_alert (const KsContract *contract)
{
  g_return_val_if_fail (contract != NULL, FALSE);

  if (contract->status != KS_CONTRACT_SIGNED)
    return FALSE;

  for (guint i = 0; contract->items != NULL && i < contract->items->len; i++)
    {
      const KsContractItem *item = g_ptr_array_index (contract->items, i);

      if (item->state == KS_CHECK_ISSUE)
        return TRUE;
    }

  return FALSE;
}
