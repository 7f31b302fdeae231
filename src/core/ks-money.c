/* ks-money.c — amounts in integer minor units, parsed and formatted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amounts never pass through floating point: parsing builds the integer from the
 * digits, formatting splits it with integer division.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-error.h"
#include "ks-money.h"

/* How much of a refused text the error message repeats. */
#define ECHO_MAX_CHARS 32

typedef struct
{
  const char *code;
  const char *symbol;
  guint exponent;
} KsCurrency;

static const KsCurrency currencies[] = {
  { "CNY", "¥", 2 },
  { "USD", "$", 2 },
  { "EUR", "€", 2 },
  { "GBP", "£", 2 },
  { "JPY", "JP¥", 0 },
  { "HKD", "HK$", 2 },
  { "KRW", "₩", 0 },
  { "SGD", "S$", 2 },
};

static const char * const currency_codes[] = {
  "CNY", "USD", "EUR", "GBP", "JPY", "HKD", "KRW", "SGD", NULL
};

/* Symbols accepted before an amount, with the currencies each may stand for; the
 * longest first so that “HK$” is not read as “H” followed by “K$”. The fullwidth
 * forms (￥, ＄, ￦) arrive here already folded by NFKC. A symbol of another currency
 * is refused: “€5,000” in a CNY account is a mistake, not ¥5,000. */
static const struct
{
  const char *symbol;
  const char *currencies;   /* codes, separated by spaces */
} parse_prefixes[] = {
  { "JP¥", "JPY" },
  { "HK$", "HKD" },
  { "US$", "USD" },
  { "S$", "SGD" },
  { "¥", "CNY JPY" },
  { "$", "USD HKD SGD" },
  { "€", "EUR" },
  { "£", "GBP" },
  { "₩", "KRW" },
};

#define MINUS_SIGN "\xe2\x88\x92"  /* U+2212 */

static const KsCurrency *
lookup_currency (const char *code)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (g_strcmp0 (currencies[i].code, code) == 0)
        return &currencies[i];
    }

  return NULL;
}

const char * const *
ks_currency_get_codes (void)
{
  return currency_codes;
}

gboolean
ks_currency_is_valid (const char *code)
{
  /* No critical for NULL: “no currency” is simply not a valid one. */
  return code != NULL && lookup_currency (code) != NULL;
}

guint
ks_currency_get_exponent (const char *code)
{
  const KsCurrency *currency;

  g_return_val_if_fail (code != NULL, 2);

  currency = lookup_currency (code);

  /* An unknown code (from an import, say) is given the common two decimals. */
  return currency != NULL ? currency->exponent : 2;
}

static guint64
pow10u (guint exponent)
{
  guint64 result = 1;

  while (exponent-- > 0)
    result *= 10;

  return result;
}

/* |minor| without overflow for G_MININT64. */
static guint64
magnitude (gint64 minor)
{
  return minor < 0 ? (guint64) -(minor + 1) + 1 : (guint64) minor;
}

static void
append_amount (GString *out,
               gint64   minor,
               guint    exponent,
               gboolean grouped)
{
  guint64 abs_minor = magnitude (minor);
  guint64 unit = pow10u (exponent);
  char digits[32];
  gsize n_digits;
  gsize i;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, abs_minor / unit);
  n_digits = strlen (digits);

  for (i = 0; i < n_digits; i++)
    {
      if (grouped && i > 0 && (n_digits - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  if (exponent > 0)
    g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, (int) exponent, abs_minor % unit);
}

char *
ks_money_format (gint64      minor,
                 const char *currency)
{
  const KsCurrency *info;
  GString *out;

  g_return_val_if_fail (currency != NULL, NULL);

  info = lookup_currency (currency);
  out = g_string_new (NULL);

  if (minor < 0)
    g_string_append_c (out, '-');

  if (info != NULL)
    g_string_append (out, info->symbol);
  else
    g_string_append_printf (out, "%s ", currency);

  append_amount (out, minor, ks_currency_get_exponent (currency), TRUE);

  return g_string_free (out, FALSE);
}

char *
ks_money_format_plain (gint64      minor,
                       const char *currency)
{
  GString *out;

  g_return_val_if_fail (currency != NULL, NULL);

  out = g_string_new (NULL);

  if (minor < 0)
    g_string_append_c (out, '-');

  append_amount (out, minor, ks_currency_get_exponent (currency), FALSE);

  return g_string_free (out, FALSE);
}

/* “1,200,000.00”, or “1,200,000” for a currency without decimals. */
static char *
dup_example (guint exponent)
{
  GString *out = g_string_new (NULL);

  append_amount (out, 1200000 * (gint64) pow10u (exponent), exponent, TRUE);

  return g_string_free (out, FALSE);
}

/* The user's text as repeated in a message: shortened when it is long. */
static char *
dup_echo (const char *text)
{
  if (g_utf8_strlen (text, -1) <= ECHO_MAX_CHARS)
    return g_strdup (text);
  else
    {
      g_autofree char *head = g_utf8_substring (text, 0, ECHO_MAX_CHARS);

      return g_strconcat (head, "…", NULL);
    }
}

/* NFKC-folded (fullwidth digits and signs become ASCII, every space a plain space)
 * and trimmed; NULL when @text is not UTF-8. */
static char *
dup_normalized (const char *text)
{
  const char *p;
  char *normalized;

  /* NFKC leaves ASCII alone, and most amounts in a file are ASCII: skip the tables. */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_strstrip (g_strdup (text));

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normalized != NULL)
    g_strstrip (normalized);

  return normalized;
}

static gboolean
has_minus (const char *p)
{
  return *p == '-' || g_str_has_prefix (p, MINUS_SIGN);
}

static const char *
skip_spaces (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;

  return p;
}

/* Skips one currency symbol or ISO code at @p, if there is one; *@other is set when
 * it names another currency than @currency. */
static const char *
skip_currency_prefix (const char *p,
                      const char *currency,
                      gboolean   *other)
{
  gsize len;
  guint i;

  *other = FALSE;

  for (i = 0; i < G_N_ELEMENTS (parse_prefixes); i++)
    {
      len = strlen (parse_prefixes[i].symbol);
      if (g_ascii_strncasecmp (p, parse_prefixes[i].symbol, len) == 0)
        {
          *other = strstr (parse_prefixes[i].currencies, currency) == NULL;
          return skip_spaces (p + len);
        }
    }

  for (i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      len = strlen (currencies[i].code);
      if (g_ascii_strncasecmp (p, currencies[i].code, len) == 0 &&
          (p[len] == '\0' || g_ascii_isspace (p[len])))
        {
          *other = g_ascii_strcasecmp (currencies[i].code, currency) != 0;
          return skip_spaces (p + len);
        }
    }

  return p;
}

/* The Chinese magnitudes an amount may end with: “120万”, “1.5亿”. */
static const struct
{
  const char *suffix;
  guint exponent;
} magnitudes[] = {
  { "\xe4\xb8\x87", 4 },   /* 万, ten thousand */
  { "\xe4\xba\xbf", 8 },   /* 亿, a hundred million */
};

/* Abbreviations that mean different amounts to different readers (“1.2M”: million
 * or thousand? “3b”, “5w” for 万): refused, never guessed. Compared ignoring case. */
static const char * const ambiguous_suffixes[] = {
  "k", "m", "mm", "mn", "mio", "b", "bn", "t", "w",
};

/* If @text (from @start to *@end) ends with a magnitude, moves *@end before it and
 * the spaces before it, and returns the magnitude's power of ten; else 0. */
static guint
strip_magnitude (const char  *start,
                 const char **end)
{
  for (guint i = 0; i < G_N_ELEMENTS (magnitudes); i++)
    {
      gsize len = strlen (magnitudes[i].suffix);

      if ((gsize) (*end - start) >= len
          && memcmp (*end - len, magnitudes[i].suffix, len) == 0)
        {
          *end -= len;
          while (*end > start && g_ascii_isspace ((*end)[-1]))
            (*end)--;
          return magnitudes[i].exponent;
        }
    }

  return 0;
}

/* Whether @p to @end is one of ambiguous_suffixes[], after optional spaces. */
static gboolean
is_ambiguous_suffix (const char *p,
                     const char *end)
{
  gsize len;

  p = skip_spaces (p);
  len = end - p;
  for (guint i = 0; i < G_N_ELEMENTS (ambiguous_suffixes); i++)
    if (strlen (ambiguous_suffixes[i]) == len
        && g_ascii_strncasecmp (p, ambiguous_suffixes[i], len) == 0)
      return TRUE;

  return FALSE;
}

/* @acc = @acc × 10 + @digit; FALSE, leaving @acc alone, when that passes
 * KS_MONEY_MAX. Since KS_MONEY_MAX × 10 + 9 fits in a gint64, nothing overflows. */
static gboolean
push_digit (gint64 *acc,
            int     digit)
{
  if (*acc > KS_MONEY_MAX)
    return FALSE;

  *acc = *acc * 10 + digit;

  return *acc <= KS_MONEY_MAX;
}

typedef enum
{
  PARSE_OK,
  PARSE_EMPTY,
  PARSE_NEGATIVE,
  PARSE_NOT_AN_AMOUNT,
  PARSE_AMBIGUOUS_SUFFIX,
  PARSE_BAD_GROUPING,
  PARSE_TOO_MANY_DECIMALS,
  PARSE_TOO_FINE,
  PARSE_TOO_LARGE,
  PARSE_OTHER_CURRENCY,
} ParseResult;

/* Reads @normalized: [symbol or code] digits [, groups of three] [. decimals]
 * [万 or 亿], in minor units of a currency with @exponent decimals. Integer arithmetic
 * only: the digits are pushed into the integer one by one, then padded with zeros. */
static ParseResult
parse_amount (const char *normalized,
              const char *currency,
              guint       exponent,
              gint64     *out_minor)
{
  gboolean other_currency = FALSE;
  const char *p = normalized;
  const char *end = normalized + strlen (normalized);
  guint magnitude;
  guint limit;
  gint64 minor = 0;
  gboolean too_large = FALSE;
  gboolean too_fine = FALSE;
  gboolean grouped = FALSE;
  gboolean bad_grouping = FALSE;
  guint int_digits = 0;
  guint frac_digits = 0;
  guint frac_used = 0;
  guint group_len = 0;

  if (has_minus (p))
    return PARSE_NEGATIVE;

  p = skip_currency_prefix (p, currency, &other_currency);

  if (has_minus (p))
    return PARSE_NEGATIVE;
  if (other_currency)
    return PARSE_OTHER_CURRENCY;

  magnitude = strip_magnitude (p, &end);
  /* How many decimals fit in whole minor units: “1.2345万” CNY is 1234500 fen. */
  limit = exponent + magnitude;

  if (p == end)
    return magnitude > 0 ? PARSE_NOT_AN_AMOUNT : PARSE_EMPTY;

  /* The integer part: digits, optionally grouped by three with commas. */
  for (; p < end && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (!too_large && !push_digit (&minor, *p - '0'))
            too_large = TRUE;
          int_digits++;
          group_len++;
        }
      else if (*p == ',')
        {
          /* The first group has one to three digits, every later one three. */
          if (group_len == 0 || group_len > 3 || (grouped && group_len != 3))
            bad_grouping = TRUE;
          grouped = TRUE;
          group_len = 0;
        }
      else if (int_digits > 0 && magnitude == 0 && is_ambiguous_suffix (p, end))
        return PARSE_AMBIGUOUS_SUFFIX;
      else
        return PARSE_NOT_AN_AMOUNT;
    }

  if (grouped && group_len != 3)
    bad_grouping = TRUE;

  /* The decimals: as many as whole minor units allow. Past them, with a magnitude,
   * zeros change nothing (“1.50万”), other digits would be a fraction of a fen. */
  if (p < end && *p == '.')
    {
      for (p++; p < end; p++)
        {
          if (!g_ascii_isdigit (*p))
            {
              if (int_digits + frac_digits > 0 && magnitude == 0
                  && is_ambiguous_suffix (p, end))
                return PARSE_AMBIGUOUS_SUFFIX;
              return PARSE_NOT_AN_AMOUNT;
            }
          frac_digits++;
          if (frac_used < limit)
            {
              if (!too_large && !push_digit (&minor, *p - '0'))
                too_large = TRUE;
              frac_used++;
            }
          else if (*p != '0' || magnitude == 0)
            too_fine = TRUE;
        }
    }

  if (int_digits == 0 && frac_digits == 0)
    return PARSE_NOT_AN_AMOUNT;
  if (bad_grouping)
    return PARSE_BAD_GROUPING;
  if (too_fine)
    return magnitude == 0 ? PARSE_TOO_MANY_DECIMALS : PARSE_TOO_FINE;

  /* Scale to minor units: “12.5” in CNY is 1250 fen, “120万” 1200000000. */
  for (guint i = frac_used; i < limit && !too_large; i++)
    too_large = !push_digit (&minor, 0);

  if (too_large)
    return PARSE_TOO_LARGE;

  *out_minor = minor;
  return PARSE_OK;
}

gboolean
ks_money_parse (const char  *text,
                const char  *currency,
                gint64      *out_minor,
                GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *example = NULL;
  g_autofree char *echo = NULL;
  guint exponent;
  gint64 minor = 0;
  ParseResult result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  exponent = ks_currency_get_exponent (currency);
  normalized = dup_normalized (text);
  result = normalized != NULL ? parse_amount (normalized, currency, exponent, &minor)
                              : PARSE_NOT_AN_AMOUNT;

  if (result == PARSE_OK)
    {
      if (out_minor != NULL)
        *out_minor = minor;
      return TRUE;
    }

  if (error == NULL)
    return FALSE;

  /* The messages are built only for a refused amount: a file of valid ones never
   * pays for them. */
  example = dup_example (exponent);
  if (normalized != NULL)
    echo = dup_echo (normalized);

  switch (result)
    {
    case PARSE_EMPTY:
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is an example amount, like 1,200,000.00 */
                   _("Type an amount like %s."), example);
      break;

    case PARSE_NEGATIVE:
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("The amount cannot be negative."));
      break;

    case PARSE_AMBIGUOUS_SUFFIX:
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: the first %s is what the user typed, the second an
                    * example amount, like 1,200,000.00. Keep 万 and 亿 as they are. */
                   _("“%s” is ambiguous. Type the whole amount, like %s, or use 万 or 亿, "
                     "like 120万."),
                   echo, example);
      break;

    case PARSE_BAD_GROUPING:
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: the first %s is what the user typed, the second an
                    * example amount, like 1,200,000.00 */
                   _("“%s” is ambiguous. Put commas only between groups of three "
                     "digits, like %s."),
                   echo, example);
      break;

    case PARSE_TOO_MANY_DECIMALS:
      if (exponent == 0)
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     /* Translators: the first %s is a currency code, like JPY; the
                      * second an example amount, like 1,200,000 */
                     _("%s amounts have no decimals. Type a whole number, like %s."),
                     currency, example);
      else
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: the first %s is a currency code, like
                                   * CNY; %u the number of decimals; the second %s an
                                   * example amount, like 1,200,000.00 */
                                  "%s amounts have at most %u decimal. Type an amount "
                                  "like %s.",
                                  "%s amounts have at most %u decimals. Type an amount "
                                  "like %s.",
                                  exponent),
                     currency, exponent, example);
      break;

    case PARSE_TOO_FINE:
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: the first %s is what the user typed, the second a
                    * currency code, like CNY. Keep 万 as it is. */
                   _("“%s” has more decimals than %s amounts can hold. Type fewer digits "
                     "after the point, like 1.25万."),
                   echo, currency);
      break;

    case PARSE_TOO_LARGE:
      {
        GString *out = g_string_new (NULL);
        g_autofree char *max = NULL;

        append_amount (out, KS_MONEY_MAX, exponent, TRUE);
        max = g_string_free (out, FALSE);
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     /* Translators: %s is the largest amount accepted */
                     _("The amount is too large. Type at most %s."), max);
      }
      break;

    case PARSE_OTHER_CURRENCY:
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: the first %s is what the user typed; the second and
                    * third a currency code, like CNY */
                   _("“%s” is in another currency than %s. Type the amount in %s, or "
                     "change the currency."),
                   echo, currency, currency);
      break;

    case PARSE_NOT_AN_AMOUNT:
    case PARSE_OK:
    default:
      if (echo != NULL)
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     /* Translators: the first %s is what the user typed, the second an
                      * example amount, like 1,200,000.00 */
                     _("“%s” is not an amount. Type digits, like %s."),
                     echo, example);
      else
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     /* Translators: %s is an example amount, like 1,200,000.00 */
                     _("This is not an amount. Type digits, like %s."), example);
      break;
    }

  return FALSE;
}

gboolean
ks_percent_parse (const char  *text,
                  double      *out_percent,
                  GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *echo = NULL;
  gsize len;
  const char *p;
  guint n_digits = 0;
  gboolean seen_point = FALSE;
  double percent;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normalized = dup_normalized (text);
  if (normalized == NULL)
    goto not_a_percentage;

  /* An optional trailing “%”, with or without a space before it. */
  len = strlen (normalized);
  if (len > 0 && normalized[len - 1] == '%')
    {
      normalized[len - 1] = '\0';
      g_strchomp (normalized);
    }

  if (normalized[0] == '\0')
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("Type a percentage between 0 and 100, like 12.5."));
      return FALSE;
    }

  if (has_minus (normalized))
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("A percentage cannot be negative. Type a number between "
                             "0 and 100, like 12.5."));
      return FALSE;
    }

  for (p = normalized; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p == '.' && !seen_point)
        seen_point = TRUE;
      else
        goto not_a_percentage;
    }

  if (n_digits == 0)
    goto not_a_percentage;

  /* The syntax is checked: digits and at most one point, which g_ascii_strtod()
   * reads the same in every locale. */
  percent = g_ascii_strtod (normalized, NULL);

  if (percent > 100.0)
    {
      g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                           _("A percentage cannot be above 100. Type a number between "
                             "0 and 100, like 12.5."));
      return FALSE;
    }

  if (out_percent != NULL)
    *out_percent = percent;

  return TRUE;

not_a_percentage:
  if (error == NULL)
    return FALSE;

  /* Only now, for the message: what was typed, as typed (normalised). */
  g_free (normalized);
  normalized = dup_normalized (text);
  if (normalized != NULL)
    echo = dup_echo (normalized);
  if (echo != NULL)
    g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                 /* Translators: %s is what the user typed */
                 _("“%s” is not a percentage. Type a number between 0 and 100, "
                   "like 12.5."),
                 echo);
  else
    g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                         _("This is not a percentage. Type a number between 0 and 100, "
                           "like 12.5."));
  return FALSE;
}

char *
ks_number_format_signed (double value,
                         int    decimals)
{
  g_autofree char *magnitude = g_strdup_printf ("%.*f", MAX (decimals, 0),
                                                value < 0 ? -value : value);

  /* By what is shown: -0.04 with one decimal is “0.0”, with no sign. */
  if (strpbrk (magnitude, "123456789") == NULL)
    return g_steal_pointer (&magnitude);
  return g_strconcat (value > 0 ? "+" : "−", magnitude, NULL);
}
