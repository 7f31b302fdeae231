/* ks-contract-editor.h — add or edit one contract, and review its compliance checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_CONTRACT_EDITOR (ks_contract_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsContractEditor, ks_contract_editor, KS, CONTRACT_EDITOR, AdwWindow)

/* Edits a copy of @contract (a contract of @account), or a new contract when @contract
 * is NULL: of @account, or, when @account is NULL too, of the account picked in the
 * editor. A new contract gets the template's checklist. The contract's fields reach
 * the store only when Save succeeds; on a stored contract a checklist item is saved as
 * soon as it changes. */
KsContractEditor *ks_contract_editor_new  (KsStore          *store,
                                           KsAccount        *account,
                                           const KsContract *contract);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. */
gboolean          ks_contract_editor_save (KsContractEditor *self);

G_END_DECLS
