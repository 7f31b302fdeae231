/* test-money.c — parsing and formatting amounts and percentages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-error.h"
#include "ks-money.h"

/* Fails the test with the table case's name in the message. */
#define assert_case(expr, case_name, ...)                                           \
  G_STMT_START {                                                                    \
    if (!(expr))                                                                    \
      {                                                                             \
        g_autofree char *detail_ = g_strdup_printf (__VA_ARGS__);                   \
        g_autofree char *message_ = g_strdup_printf ("case “%s”: %s (%s)",          \
                                                     (case_name), detail_, #expr);  \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message_);\
      }                                                                             \
  } G_STMT_END

/* An amount left alone by a refused parse. */
#define UNTOUCHED G_GINT64_CONSTANT (-4242)

static void
test_currencies (void)
{
  static const struct {
    const char *code;
    guint exponent;
  } cases[] = {
    { "CNY", 2 }, { "USD", 2 }, { "EUR", 2 }, { "GBP", 2 },
    { "JPY", 0 }, { "HKD", 2 }, { "KRW", 0 }, { "SGD", 2 },
  };
  const char * const *codes = ks_currency_get_codes ();
  guint i;

  g_assert_nonnull (codes);
  g_assert_cmpuint (g_strv_length ((char **) codes), ==, G_N_ELEMENTS (cases));

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_case (g_strv_contains (codes, cases[i].code), cases[i].code, "not offered");
      assert_case (ks_currency_is_valid (cases[i].code), cases[i].code, "not valid");
      assert_case (ks_currency_get_exponent (cases[i].code) == cases[i].exponent,
                   cases[i].code, "exponent %u", ks_currency_get_exponent (cases[i].code));
    }

  g_assert_false (ks_currency_is_valid ("XYZ"));
  g_assert_false (ks_currency_is_valid (""));
  g_assert_false (ks_currency_is_valid (NULL));
  /* An unknown code still formats, with two decimals. */
  g_assert_cmpuint (ks_currency_get_exponent ("AUD"), ==, 2);
}

static void
test_parse (void)
{
  static const struct {
    const char *name;
    const char *text;
    const char *currency;
    gint64 expected;
  } cases[] = {
    { "plain", "1200000", "CNY", 120000000 },
    { "thousands and cents", "1,200,000.50", "CNY", 120000050 },
    { "one group", "1,234", "CNY", 123400 },
    { "three groups", "123,456,789.01", "CNY", 12345678901 },
    { "one decimal", "12.5", "CNY", 1250 },
    { "trailing point", "12.", "CNY", 1200 },
    { "leading point", ".5", "CNY", 50 },
    { "zero", "0", "CNY", 0 },
    { "zero cents", "0.00", "CNY", 0 },
    { "leading zeros", "007", "CNY", 700 },
    { "surrounding spaces", "  1,234  ", "CNY", 123400 },
    { "yuan sign", "¥1,200", "CNY", 120000 },
    { "fullwidth yuan sign", "￥1,200.00", "CNY", 120000 },
    { "symbol then space", "¥ 88", "CNY", 8800 },
    { "dollar", "$99.99", "USD", 9999 },
    { "euro", "€1,000.00", "EUR", 100000 },
    { "pound", "£5", "GBP", 500 },
    { "hong kong dollar", "HK$1,000", "HKD", 100000 },
    { "singapore dollar", "S$12.34", "SGD", 1234 },
    { "won", "₩1,500,000", "KRW", 1500000 },
    { "yen", "JP¥1,200", "JPY", 1200 },
    { "yen plain", "1200", "JPY", 1200 },
    { "yen with point", "1200.", "JPY", 1200 },
    { "iso code", "CNY 1,200.00", "CNY", 120000 },
    { "lower-case iso code", "usd 10", "USD", 1000 },
    { "yuan sign for yen", "¥1,200", "JPY", 1200 },
    { "dollar sign for Hong Kong dollars", "$10", "HKD", 1000 },
    { "fullwidth digits", "１２，３４５．６７", "CNY", 1234567 },
    { "no-break spaces", "\xc2\xa0" "12\xc2\xa0", "CNY", 1200 },
    { "the largest", "100,000,000,000,000.00", "CNY", KS_MONEY_MAX },
    { "the largest yen", "10000000000000000", "JPY", KS_MONEY_MAX },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = UNTOUCHED;
      gboolean ok;

      ok = ks_money_parse (cases[i].text, cases[i].currency, &minor, &error);
      assert_case (ok, cases[i].name, "refused: %s", error ? error->message : "");
      assert_case (error == NULL, cases[i].name, "error set");
      assert_case (minor == cases[i].expected, cases[i].name,
                   "got %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                   minor, cases[i].expected);
    }

  /* The amount is optional. */
  g_assert_true (ks_money_parse ("12", "CNY", NULL, NULL));
}

static void
test_parse_refused (void)
{
  static const struct {
    const char *name;
    const char *text;
    const char *currency;
    const char *in_message;   /* a part of the error message */
  } cases[] = {
    { "empty", "", "CNY", "1,200,000.00" },
    { "blank", "   ", "CNY", "Type an amount" },
    { "symbol only", "¥", "CNY", "Type an amount" },
    { "empty, yen example", "", "JPY", "1,200,000." },
    { "one digit after comma", "1,2", "CNY", "“1,2”" },
    { "indian grouping", "12,34,567", "CNY", "three" },
    { "leading comma", ",123", "CNY", "three" },
    { "trailing comma", "1,", "CNY", "three" },
    { "first group of four", "1234,567", "CNY", "three" },
    { "double comma", "1,,234", "CNY", "three" },
    { "negative", "-5", "CNY", "negative" },
    { "negative after symbol", "¥-5", "CNY", "negative" },
    { "negative before symbol", "-$5", "USD", "negative" },
    { "unicode minus", "\xe2\x88\x92" "5", "CNY", "negative" },
    { "fullwidth minus", "－5", "CNY", "negative" },
    { "letters", "abc", "CNY", "“abc”" },
    { "digits then letters", "12abc", "CNY", "not an amount" },
    { "chinese", "一百万", "CNY", "not an amount" },
    { "plus sign", "+5", "CNY", "not an amount" },
    { "exponent", "1e6", "CNY", "not an amount" },
    { "space grouping", "1 200", "CNY", "not an amount" },
    { "two points", "1.2.3", "CNY", "not an amount" },
    { "point only", ".", "CNY", "not an amount" },
    { "comma in decimals", "1.2,3", "CNY", "not an amount" },
    { "trailing code", "12 CNY", "CNY", "not an amount" },
    { "another currency's symbol", "$10", "CNY", "another currency than CNY" },
    { "euro in a yuan account", "€5,000", "CNY", "another currency than CNY" },
    { "another currency's code", "EUR 10", "CNY", "another currency than CNY" },
    { "yen sign for dollars", "¥10", "USD", "another currency than USD" },
    { "code without space", "CNY12", "CNY", "not an amount" },
    { "three decimals", "1.234", "CNY", "2 decimals" },
    { "three decimals in dollars", "$0.001", "USD", "2 decimals" },
    { "yen decimals", "1200.5", "JPY", "no decimals" },
    { "won decimals", "1.0", "KRW", "no decimals" },
    { "just too large", "100,000,000,000,000.01", "CNY", "too large" },
    { "too large yen", "10000000000000001", "JPY", "too large" },
    { "beyond 64 bits", "99999999999999999999999999999999", "CNY", "too large" },
    { "beyond 64 bits in cents", "0.99999999999999999999999999", "CNY", "2 decimals" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = UNTOUCHED;
      gboolean ok;

      ok = ks_money_parse (cases[i].text, cases[i].currency, &minor, &error);
      assert_case (!ok, cases[i].name, "accepted as %" G_GINT64_FORMAT, minor);
      assert_case (g_error_matches (error, KS_ERROR, KS_ERROR_INVALID), cases[i].name,
                   "wrong error");
      assert_case (strstr (error->message, cases[i].in_message) != NULL, cases[i].name,
                   "message “%s” lacks “%s”", error->message, cases[i].in_message);
      assert_case (minor == UNTOUCHED, cases[i].name, "amount changed");
    }
}

/* The Chinese magnitudes 万 (10⁴) and 亿 (10⁸), exactly, in integer arithmetic. */
static void
test_parse_magnitudes (void)
{
  static const struct {
    const char *name;
    const char *text;
    const char *currency;
    gint64 expected;
  } cases[] = {
    { "wan", "120万", "CNY", G_GINT64_CONSTANT (120000000) },
    { "wan with decimals", "1.5万", "CNY", 1500000 },
    { "wan to the fen", "1.2345万", "CNY", 1234500 },
    { "wan, finest", "1.234567万", "CNY", 1234567 },
    { "wan, trailing zeros past the fen", "1.23456700万", "CNY", 1234567 },
    { "yi", "1.5亿", "CNY", G_GINT64_CONSTANT (15000000000) },
    { "yi to the fen", "1.0000000001亿", "CNY", G_GINT64_CONSTANT (10000000001) },
    { "yi, whole", "3亿", "CNY", G_GINT64_CONSTANT (30000000000) },
    { "yuan sign and groups", "¥3,000万", "CNY", G_GINT64_CONSTANT (3000000000) },
    { "fullwidth", "￥１２０万", "CNY", G_GINT64_CONSTANT (120000000) },
    { "space before", "120 万", "CNY", G_GINT64_CONSTANT (120000000) },
    { "iso code", "CNY 2万", "CNY", 2000000 },
    { "surrounding spaces", "  0.5万  ", "CNY", 500000 },
    { "leading point", ".5万", "CNY", 500000 },
    { "zero", "0万", "CNY", 0 },
    { "yen", "1.2345万", "JPY", 12345 },
    { "won", "3亿", "KRW", G_GINT64_CONSTANT (300000000) },
    { "dollars", "$2.5万", "USD", 2500000 },
    { "the largest", "1,000,000亿", "CNY", KS_MONEY_MAX },
    { "the largest in wan", "10,000,000,000万", "CNY", KS_MONEY_MAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = UNTOUCHED;
      gboolean ok;

      ok = ks_money_parse (cases[i].text, cases[i].currency, &minor, &error);
      assert_case (ok, cases[i].name, "refused: %s", error ? error->message : "");
      assert_case (minor == cases[i].expected, cases[i].name,
                   "got %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                   minor, cases[i].expected);
    }
}

/* Never guessed: abbreviations, a fraction of a fen, a magnitude in the wrong place. */
static void
test_parse_magnitudes_refused (void)
{
  static const struct {
    const char *name;
    const char *text;
    const char *currency;
    const char *in_message;
  } cases[] = {
    { "million abbreviated", "1.2M", "CNY", "ambiguous" },
    { "million says what to type", "1.2M", "CNY", "1,200,000.00" },
    { "million offers wan", "1.2M", "CNY", "120万" },
    { "lower-case m", "3m", "CNY", "“3m”" },
    { "thousand", "5k", "USD", "ambiguous" },
    { "thousand with a space", "5 K", "USD", "ambiguous" },
    { "billion", "2bn", "USD", "ambiguous" },
    { "w for wan", "120w", "CNY", "120万" },
    { "comma decimal", "1,2", "CNY", "three" },
    { "comma decimal with wan", "1,2万", "CNY", "three" },
    { "indian grouping", "12,34,567", "CNY", "three" },
    { "finer than a fen", "1.2345678万", "CNY", "more decimals" },
    { "finer than a fen in yi", "1.00000000001亿", "CNY", "more decimals" },
    { "finer than a yen", "1.23456万", "JPY", "more decimals" },
    { "wan alone", "万", "CNY", "not an amount" },
    { "wan after the symbol", "¥万", "CNY", "not an amount" },
    { "wan twice", "1万万", "CNY", "not an amount" },
    { "wan in the middle", "1万2", "CNY", "not an amount" },
    { "wan yuan", "120万元", "CNY", "not an amount" },
    { "wan before the digits", "万120", "CNY", "not an amount" },
    { "both", "1亿万", "CNY", "not an amount" },
    { "negative", "-1万", "CNY", "negative" },
    { "too large", "1,000,001亿", "CNY", "too large" },
    { "too large in wan", "10,000,000,001万", "CNY", "too large" },
    { "way too large", "99999999999999999999亿", "CNY", "too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = UNTOUCHED;
      gboolean ok;

      ok = ks_money_parse (cases[i].text, cases[i].currency, &minor, &error);
      assert_case (!ok, cases[i].name, "accepted as %" G_GINT64_FORMAT, minor);
      assert_case (g_error_matches (error, KS_ERROR, KS_ERROR_INVALID), cases[i].name,
                   "wrong error");
      assert_case (strstr (error->message, cases[i].in_message) != NULL, cases[i].name,
                   "message “%s” lacks “%s”", error->message, cases[i].in_message);
      assert_case (minor == UNTOUCHED, cases[i].name, "amount changed");
    }

  /* Refused without a GError too. */
  g_assert_false (ks_money_parse ("1.2M", "CNY", NULL, NULL));
}

/* The error message repeats what was typed, but not a whole pasted page. */
static void
test_parse_long_text (void)
{
  g_autofree char *text = g_strnfill (5000, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_false (ks_money_parse (text, "CNY", NULL, &error));
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 200);
}

static void
test_format (void)
{
  static const struct {
    gint64 minor;
    const char *currency;
    const char *formatted;
    const char *plain;
  } cases[] = {
    { 120000050, "CNY", "¥1,200,000.50", "1200000.50" },
    { 0, "CNY", "¥0.00", "0.00" },
    { 5, "CNY", "¥0.05", "0.05" },
    { 99, "CNY", "¥0.99", "0.99" },
    { 100, "USD", "$1.00", "1.00" },
    { 99999, "EUR", "€999.99", "999.99" },
    { 100000, "EUR", "€1,000.00", "1000.00" },
    { 123456789, "GBP", "£1,234,567.89", "1234567.89" },
    { 1200, "JPY", "JP¥1,200", "1200" },
    { 0, "JPY", "JP¥0", "0" },
    { 1500000, "KRW", "₩1,500,000", "1500000" },
    { 100000, "HKD", "HK$1,000.00", "1000.00" },
    { 1234, "SGD", "S$12.34", "12.34" },
    { -120000050, "CNY", "-¥1,200,000.50", "-1200000.50" },
    { -5, "CNY", "-¥0.05", "-0.05" },
    { -1200, "JPY", "-JP¥1,200", "-1200" },
    { 12345, "AUD", "AUD 123.45", "123.45" },
    { KS_MONEY_MAX, "CNY", "¥100,000,000,000,000.00", "100000000000000.00" },
    { G_MAXINT64, "CNY", "¥92,233,720,368,547,758.07", "92233720368547758.07" },
    { G_MININT64, "CNY", "-¥92,233,720,368,547,758.08", "-92233720368547758.08" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = ks_money_format (cases[i].minor, cases[i].currency);
      g_autofree char *plain = ks_money_format_plain (cases[i].minor, cases[i].currency);

      assert_case (g_strcmp0 (formatted, cases[i].formatted) == 0, cases[i].formatted,
                   "formatted as “%s”", formatted);
      assert_case (g_strcmp0 (plain, cases[i].plain) == 0, cases[i].formatted,
                   "plain “%s”", plain);
    }
}

static void
test_round_trip (void)
{
  static const gint64 amounts[] = {
    0, 1, 9, 10, 99, 100, 999, 1000, 123456, 1200000050, 987654321012345,
    KS_MONEY_MAX - 1, KS_MONEY_MAX,
  };
  const char * const *codes = ks_currency_get_codes ();
  guint c, i;

  for (c = 0; codes[c] != NULL; c++)
    for (i = 0; i < G_N_ELEMENTS (amounts); i++)
      {
        g_autofree char *formatted = ks_money_format (amounts[i], codes[c]);
        g_autofree char *plain = ks_money_format_plain (amounts[i], codes[c]);
        g_autofree char *name = g_strdup_printf ("%s %s", codes[c], formatted);
        g_autoptr(GError) error = NULL;
        gint64 parsed = UNTOUCHED;

        assert_case (ks_money_parse (formatted, codes[c], &parsed, &error), name,
                     "refused: %s", error ? error->message : "");
        assert_case (parsed == amounts[i], name, "read back as %" G_GINT64_FORMAT, parsed);

        parsed = UNTOUCHED;
        assert_case (ks_money_parse (plain, codes[c], &parsed, &error), name,
                     "plain “%s” refused: %s", plain, error ? error->message : "");
        assert_case (parsed == amounts[i], name, "plain read back as %" G_GINT64_FORMAT,
                     parsed);
      }
}

static void
test_percent (void)
{
  static const struct {
    const char *text;
    double expected;
  } cases[] = {
    { "12.5", 12.5 },
    { "12.5%", 12.5 },
    { "12.5 %", 12.5 },
    { " 7 ", 7 },
    { "0", 0 },
    { "0%", 0 },
    { "100", 100 },
    { "100.0 %", 100 },
    { ".5", 0.5 },
    { "5.", 5 },
    { "033", 33 },
    { "０.５％", 0.5 },
    { "99.999", 99.999 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double percent = -1;

      assert_case (ks_percent_parse (cases[i].text, &percent, &error), cases[i].text,
                   "refused: %s", error ? error->message : "");
      assert_case (fabs (percent - cases[i].expected) < 1e-12, cases[i].text,
                   "got %g, expected %g", percent, cases[i].expected);
    }
}

static void
test_percent_refused (void)
{
  static const struct {
    const char *text;
    const char *in_message;
  } cases[] = {
    { "", "Type a percentage" },
    { "  ", "Type a percentage" },
    { "%", "Type a percentage" },
    { "-1", "negative" },
    { "-0.5 %", "negative" },
    { "100.01", "above 100" },
    { "101", "above 100" },
    { "1000000", "above 100" },
    { "abc", "“abc”" },
    { "12,5", "not a percentage" },
    { "1e2", "not a percentage" },
    { "12.5.1", "not a percentage" },
    { "+5", "not a percentage" },
    { "5 %%", "not a percentage" },
    { "% 5", "not a percentage" },
    { ".", "not a percentage" },
    { "nan", "not a percentage" },
    { "inf", "not a percentage" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double percent = -42;

      assert_case (!ks_percent_parse (cases[i].text, &percent, &error), cases[i].text,
                   "accepted as %g", percent);
      assert_case (g_error_matches (error, KS_ERROR, KS_ERROR_INVALID), cases[i].text,
                   "wrong error");
      assert_case (strstr (error->message, cases[i].in_message) != NULL, cases[i].text,
                   "message “%s” lacks “%s”", error->message, cases[i].in_message);
      assert_case (percent == -42, cases[i].text, "value changed");
    }
}

/* Signed figures: a plus or a true minus (U+2212), none on what shows as zero. */
static void
test_format_signed (void)
{
  static const struct { double value; int decimals; const char *expected; } cases[] = {
    { 3, 0, "+3" },
    { -2, 0, "−2" },
    { 0, 0, "0" },
    { -100, 0, "−100" },
    { 0.4, 1, "+0.4" },
    { -0.8, 1, "−0.8" },
    { -0.04, 1, "0.0" },
    { 0.04, 1, "0.0" },
    { 12.25, 2, "+12.25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ks_number_format_signed (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/money/currencies", test_currencies);
  g_test_add_func ("/keystone/money/parse", test_parse);
  g_test_add_func ("/keystone/money/parse-refused", test_parse_refused);
  g_test_add_func ("/keystone/money/parse-magnitudes", test_parse_magnitudes);
  g_test_add_func ("/keystone/money/parse-magnitudes-refused", test_parse_magnitudes_refused);
  g_test_add_func ("/keystone/money/parse-long-text", test_parse_long_text);
  g_test_add_func ("/keystone/money/format", test_format);
  g_test_add_func ("/keystone/money/round-trip", test_round_trip);
  g_test_add_func ("/keystone/money/percent", test_percent);
  g_test_add_func ("/keystone/money/percent-refused", test_percent_refused);
  g_test_add_func ("/keystone/money/format-signed", test_format_signed);

  return g_test_run ();
}
