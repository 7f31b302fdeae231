/* ks-preferences-window.h — the portfolio's scoring rules and document settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_PREFERENCES_WINDOW (ks_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (KsPreferencesWindow, ks_preferences_window, KS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

KsPreferencesWindow *ks_preferences_window_new (KsStore *store);

G_END_DECLS
