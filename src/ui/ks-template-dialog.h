/* ks-template-dialog.h — the checklist template: its categories and their items, which
 * every new contract gets to review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_TEMPLATE_DIALOG (ks_template_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KsTemplateDialog, ks_template_dialog, KS, TEMPLATE_DIALOG, AdwWindow)

/* Every change is saved at once (ks_store_save_template()); contracts made earlier
 * keep their items. */
KsTemplateDialog *ks_template_dialog_new (KsStore *store);

G_END_DECLS
