/* ks-risk-editor.h — add or edit one risk warning of an account plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_RISK_EDITOR (ks_risk_editor_get_type ())

G_DECLARE_FINAL_TYPE (KsRiskEditor, ks_risk_editor, KS, RISK_EDITOR, AdwWindow)

/* Edits a copy of @risk, or a new risk of @account raised today when @risk is NULL;
 * nothing reaches the store until Save succeeds. */
KsRiskEditor *ks_risk_editor_new         (KsStore         *store,
                                          KsAccount       *account,
                                          const KsRisk    *risk);
/* Validates and saves; on failure shows the message beside the field, saves nothing
 * and returns FALSE. */
gboolean      ks_risk_editor_save        (KsRiskEditor    *self);

G_END_DECLS
