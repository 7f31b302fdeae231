/* ks-sample.h — the sample portfolio offered on first run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-account.h"
#include "ks-account-plan.h"

G_BEGIN_DECLS

/* About thirty realistic accounts, Chinese and English names, every rating filled.
 * Returns a new array of new KsAccount, without ids. */
GPtrArray   *ks_sample_create_accounts      (void);

/* The products of the sample portfolio's whitespace grid, in order. */
const char * const *ks_sample_get_product_names (void);

/* The sample plan of the account at @index of ks_sample_create_accounts() (stored, so
 * with its id, and scored: a Core or Key account the sample gives no plan gets an
 * executive contact seen lately), or NULL for an account the sample leaves without a
 * plan. Dates are around @now and its date: targets for this year and last, actions
 * due before and after today, contacts, interactions, the last quarters' surveys, a
 * closed complaint and for some accounts an open one (past its 24 hours, within them,
 * or answered). The contacts are numbered 1, 2, … among themselves, and reports_to and
 * the interactions' contacts refer to those numbers: the store gives them real ids.
 * @products are the stored KsProduct of ks_sample_get_product_names(), in order. */
KsAccountPlan *ks_sample_create_plan        (guint             index,
                                             KsAccount        *account,
                                             GDateTime        *now,
                                             GPtrArray        *products);

/* Appends the sample contracts of the account at @index of ks_sample_create_accounts()
 * to @plan->contracts (most accounts have none): each with the items of @template
 * (KsTemplateCategory *, the store's checklist template), reviewed in part, with
 * notes, reviewers and dates around @now. Among them: a signed contract with open
 * issues (the portfolio's contract alert), one whose renewal notice falls within
 * 90 days, one in review with an issue, a draft and an expired one. */
void         ks_sample_add_contracts        (KsAccountPlan    *plan,
                                             guint             index,
                                             KsAccount        *account,
                                             GDateTime        *now,
                                             GPtrArray        *template);

/* The sample team: a role, notes and a mentor (another sample member) for each owner
 * of ks_sample_create_accounts(), in the language of their name. */
typedef struct
{
  const char *name;
  const char *role;
  const char *mentor;    /* a member's name, or NULL */
  const char *notes;
} KsSampleMember;

/* The sample members, in order; *@n_members receives how many. */
const KsSampleMember *ks_sample_get_members (guint            *n_members);
/* The sample coaching plans of the member called @name: a new array of KsCoachingPlan *
 * with their actions and sessions, without ids (member_id 0), dated around @now's date:
 * actions done and to do, one overdue, sessions held, one plan achieved. Empty for a
 * member the sample gives no plan. */
GPtrArray   *ks_sample_create_coaching_plans (const char       *name,
                                              GDateTime        *now);

G_END_DECLS
