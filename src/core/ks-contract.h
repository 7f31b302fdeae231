/* ks-contract.h — contracts and their compliance checklists as plain data, the
 * checklist template, and the pure rules: completion, open issues, renewals due, the
 * portfolio alert. No I/O here; "today" is always the caller's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KS_CONTRACT_TEXT_MAX     2000    /* characters: a title, a checklist item, a note */
#define KS_CONTRACT_NAME_MAX     200     /* characters: a number, a reviewer, a category */
#define KS_CONTRACT_NOTES_MAX    20000   /* characters: a contract's notes */
#define KS_CONTRACT_RENEWAL_DAYS 90      /* a renewal this close stands out */

typedef enum
{
  KS_CONTRACT_DRAFT,
  KS_CONTRACT_IN_REVIEW,
  KS_CONTRACT_SIGNED,
  KS_CONTRACT_EXPIRED,
  KS_CONTRACT_TERMINATED,
  KS_N_CONTRACT_STATUSES
} KsContractStatus;

typedef enum
{
  KS_CHECK_PENDING,
  KS_CHECK_OK,
  KS_CHECK_ISSUE,
  KS_CHECK_NOT_APPLICABLE,
  KS_N_CHECK_STATES
} KsCheckState;

const char  *ks_contract_status_get_label   (KsContractStatus  status);
/* "draft", "in_review", "signed", "expired", "terminated": never translated. */
const char  *ks_contract_status_get_key     (KsContractStatus  status);
const char  *ks_check_state_get_label       (KsCheckState      state);
/* "pending", "ok", "issue", "not_applicable" */
const char  *ks_check_state_get_key         (KsCheckState      state);
/* The enum value whose key is @key, or -1 for an unknown key. */
int          ks_contract_status_from_key    (const char       *key);
int          ks_check_state_from_key        (const char       *key);

/* Stored texts of the checklist (categories and items, template's and contracts')
 * are shown through this: the built-in wording, still in English in the database,
 * comes out in the UI's language; anything a user wrote comes out as written. */
const char  *ks_checklist_text_display      (const char       *stored);

/* ---- The template ---------------------------------------------------------------- */

typedef struct
{
  gint64  id;          /* 0 until stored */
  char   *text;        /* as stored: see ks_checklist_text_display() */
} KsTemplateItem;

typedef struct
{
  gint64     id;       /* 0 until stored */
  char      *title;    /* as stored */
  GPtrArray *items;    /* KsTemplateItem *, in order */
} KsTemplateCategory;

/* The built-in template, as migration 6 seeds it: KsTemplateCategory * in order, ids 0,
 * texts in English (the msgids). */
GPtrArray   *ks_checklist_builtin_template  (void);

KsTemplateItem     *ks_template_item_new      (const char               *text);
void                ks_template_item_free     (KsTemplateItem           *item);
KsTemplateCategory *ks_template_category_new  (const char               *title);
KsTemplateCategory *ks_template_category_copy (const KsTemplateCategory *category);
void                ks_template_category_free (KsTemplateCategory       *category);

/* ---- Contracts ------------------------------------------------------------------ */

typedef struct
{
  gint64        id;          /* 0 until stored */
  char         *category;    /* the category's title as stored, copied from the template */
  int           position;    /* order in the contract, from 0 */
  char         *text;        /* as stored, copied from the template */
  KsCheckState  state;
  char         *note;
  char         *reviewer;
  char         *reviewed;    /* "YYYY-MM-DD" or NULL */
} KsContractItem;

typedef struct
{
  gint64            id;              /* 0 until stored */
  gint64            account_id;
  char             *title;
  char             *number;
  gint64            value;           /* minor units of @currency, ≥ 0 */
  char             *currency;        /* ISO 4217, three letters */
  char             *start;           /* "YYYY-MM-DD" or NULL, each of the dates */
  char             *end;             /* not before @start */
  char             *renewal_notice;  /* when notice of (non-)renewal is due */
  KsContractStatus  status;
  char             *notes;
  GPtrArray        *items;           /* KsContractItem *, by position */
} KsContract;

KsContractItem *ks_contract_item_new        (void);
KsContractItem *ks_contract_item_copy       (const KsContractItem *item);
void            ks_contract_item_free       (KsContractItem       *item);
/* A draft with no items, currency "CNY". */
KsContract     *ks_contract_new             (void);
/* With copies of its items. */
KsContract     *ks_contract_copy            (const KsContract     *contract);
void            ks_contract_free            (KsContract           *contract);

/* Gives @contract (which has none) one pending item per template item, in the
 * template's order, each with its category's title. */
void         ks_contract_add_template_items (KsContract           *contract,
                                             GPtrArray            *template_categories);

/* A title, a currency of three letters, a value ≥ 0, real dates and an end not before
 * the start, texts within their limits, a known status; every item with a category, a
 * text, a known state and a real review date or none. KS_ERROR_INVALID with a
 * translated message; @field_out (may be NULL) the field at fault ("title", "number",
 * "value", "currency", "start", "end", "renewal-notice", "notes", "items"). */
gboolean     ks_contract_validate           (const KsContract     *contract,
                                             const char          **field_out,
                                             GError              **error);
/* A category title, item texts, within limits (KS_ERROR_INVALID). */
gboolean     ks_template_category_validate  (const KsTemplateCategory *category,
                                             GError              **error);

/* Completion: the items reviewed (any state but pending) over all items. */
typedef struct
{
  guint  total;
  guint  reviewed;
  guint  ok;
  guint  issues;           /* open issues: items in state issue */
  guint  not_applicable;
  double percent;          /* reviewed / total × 100; 0 with no items */
} KsContractCompletion;

void         ks_contract_completion         (const KsContract     *contract,
                                             KsContractCompletion *completion);
/* Signed and its renewal notice date (or, without one, its end date) falls within
 * KS_CONTRACT_RENEWAL_DAYS from @today, @today included; a date already past while the
 * contract is still signed counts too (overdue). */
gboolean     ks_contract_renewal_due        (const KsContract     *contract,
                                             const GDate          *today);
/* Signed with at least one open issue: the portfolio's contract alert. */
gboolean     ks_contract_has_alert          (const KsContract     *contract);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsTemplateItem, ks_template_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsTemplateCategory, ks_template_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsContractItem, ks_contract_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsContract, ks_contract_free)

G_END_DECLS
