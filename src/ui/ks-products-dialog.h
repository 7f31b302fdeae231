/* ks-products-dialog.h — the portfolio's product list: add, rename, reorder, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_PRODUCTS_DIALOG (ks_products_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KsProductsDialog, ks_products_dialog, KS, PRODUCTS_DIALOG, AdwWindow)

/* Every change goes straight to @store; a delete offers Undo in the dialog. */
KsProductsDialog *ks_products_dialog_new (KsStore *store);

G_END_DECLS
