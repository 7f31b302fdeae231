/* ks-money.h — amounts in integer minor units, parsed and formatted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount Keystone accepts, in minor units (a hundred trillion major units). */
#define KS_MONEY_MAX G_GINT64_CONSTANT (10000000000000000)

/* The currencies offered in the editor, NULL-terminated ISO 4217 codes. */
const char * const *ks_currency_get_codes      (void);
gboolean            ks_currency_is_valid       (const char *code);
/* Decimal places of the currency's minor unit: 2, or 0 for JPY and KRW. */
guint               ks_currency_get_exponent   (const char *code);

/* "1,200,000.50" → 120000050 for CNY. Accepts thousands separators and a leading
 * currency symbol; refuses letters, negative amounts and more decimals than the
 * currency has, with a translated message. */
gboolean            ks_money_parse             (const char *text,
                                                const char *currency,
                                                gint64     *out_minor,
                                                GError    **error);
/* 120000050, "CNY" → "¥1,200,000.50" */
char               *ks_money_format            (gint64      minor,
                                                const char *currency);
/* The amount as typed back into the editor, without symbol: "1200000.50". */
char               *ks_money_format_plain      (gint64      minor,
                                                const char *currency);

/* "12.5" or "12.5 %" → 12.5 in [0, 100]; refuses anything else with a message. */
gboolean            ks_percent_parse           (const char *text,
                                                double     *out_percent,
                                                GError    **error);

/* A change or a score either side of zero, with its sign and a true minus:
 * 3 → "+3", -2 → "−2", 0 → "0"; -0.8 with one decimal → "−0.8". */
char               *ks_number_format_signed    (double      value,
                                                int         decimals);

G_END_DECLS
