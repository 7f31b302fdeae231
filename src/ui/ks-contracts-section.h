/* ks-contracts-section.h — the account page's contracts: each with its status, value, end
 * date, checklist completion, open issues and a renewal that is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_CONTRACTS_SECTION (ks_contracts_section_get_type ())

G_DECLARE_FINAL_TYPE (KsContractsSection, ks_contracts_section, KS, CONTRACTS_SECTION, AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. */
GtkWidget   *ks_contracts_section_new      (KsStore             *store,
                                            KsAccount           *account);
/* Shows @plan's contracts (copied). Rows are built when the section is mapped, so a
 * page that is not on screen costs nothing. */
void         ks_contracts_section_set_plan (KsContractsSection  *self,
                                            const KsAccountPlan *plan);

/* What the contract views share. */

/* "18 of 32 reviewed", translated. */
char        *ks_contract_ui_describe_completion (const KsContractCompletion *completion);
/* "2 open issues", "1 open issue", "No open issues", translated. */
char        *ks_contract_ui_describe_issues     (guint                       issues);
/* The date a renewal is counted from: the renewal notice date, else the end date; NULL
 * when the contract has neither. */
const char  *ks_contract_ui_renewal_date        (const KsContract           *contract);
/* When ks_contract_renewal_due(): what is due, translated ("Renewal notice due on
 * 2026-06-30", "Renewal notice overdue since 2026-05-01", "Ends on …"); NULL otherwise. */
char        *ks_contract_ui_describe_renewal    (const KsContract           *contract,
                                                 const GDate                *today);
/* A label styled as a status pill, named "contract-status". */
GtkLabel    *ks_contract_ui_status_pill_new     (void);
void         ks_contract_ui_status_pill_update  (GtkLabel                   *pill,
                                                 KsContractStatus            status);
/* Deletes the contract @contract_id and offers Undo in a toast of the main window that
 * holds @widget; a failure is said in a dialog. TRUE when it was deleted. */
gboolean     ks_contract_ui_delete              (GtkWidget                  *widget,
                                                 KsStore                    *store,
                                                 gint64                      contract_id);

G_END_DECLS
