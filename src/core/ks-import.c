/* ks-import.c — accounts in and out of CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import streams and holds no rows, so its memory does not grow with the file: the
 * CSV reader hands over one record at a time. A first pass checks every record and
 * collects the problems; when the file may be written (no problems, or the user
 * asked for the valid rows only), a second pass reads it again, checks each record
 * the same way and hands the valid ones straight to ks_store_import_add(), inside
 * one transaction on a connection of its own. Reading twice costs less than keeping
 * a hundred thousand rows, and nothing is written before the whole file was seen.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ks-error.h"
#include "ks-import.h"
#include "ks-money.h"

#define CSV_COLUMN_CONTEXT "CSV column"

/* How often, in records, a long import looks at its cancellable and reports progress. */
#define CHECK_EVERY_ROWS 1024
/* Progress: the first pass (checking) is this share of the work, the second (checking
 * again and writing) the rest; each by bytes read. */
#define CHECK_SHARE 0.5

/* The headers export writes (msgids in English, in the UI language on export) and the
 * other names import accepts for each column, in English and Chinese: compared after
 * normalize_header(), so case, spaces, “_”, “-” and a trailing “(%)” do not matter. */
typedef struct
{
  const char *label;
  const char *synonyms;   /* separated by “|” */
} ColumnInfo;

#define RATING(c) (KS_COLUMN_RATING_FIRST + (c))

static const ColumnInfo column_info[KS_N_COLUMNS] = {
  /* Translators: the headers of a CSV file of accounts, as export writes them. Import
   * also reads the English and Chinese names listed in src/core/ks-import.c. */
  [KS_COLUMN_NAME] = { NC_ ("CSV column", "Name"),
                       "name|account|account name|customer|customer name|company|"
                       "company name|客户名称|客户|名称|公司名称|公司|客户名" },
  [KS_COLUMN_INDUSTRY] = { NC_ ("CSV column", "Industry"),
                           "industry|sector|行业|所属行业" },
  [KS_COLUMN_REGION] = { NC_ ("CSV column", "Region"),
                         "region|area|territory|区域|地区|大区" },
  [KS_COLUMN_OWNER] = { NC_ ("CSV column", "Owner"),
                        "owner|account manager|account owner|负责人|客户经理" },
  [KS_COLUMN_CURRENCY] = { NC_ ("CSV column", "Currency"),
                           "currency|币种|货币" },
  [KS_COLUMN_ANNUAL_PURCHASES] = { NC_ ("CSV column", "Annual purchases"),
                                   "annual purchases|purchases|annual revenue|"
                                   "年采购额|采购额|年销售额" },
  [KS_COLUMN_PROFIT_CONTRIBUTION] = { NC_ ("CSV column", "Profit contribution (%)"),
                                      "profit contribution|利润贡献" },
  [KS_COLUMN_REVENUE_SHARE] = { NC_ ("CSV column", "Share of our revenue (%)"),
                                "share of our revenue|revenue share|营收占比|"
                                "占我方营收比重" },
  [KS_COLUMN_NOTES] = { NC_ ("CSV column", "Notes"),
                        "notes|note|remarks|comments|备注" },
  [KS_COLUMN_TIER_OVERRIDE] = { NC_ ("CSV column", "Tier override"),
                                "tier override|manual tier|手动分级" },
  [RATING (KS_CRITERION_PURCHASES)] = { NC_ ("CSV column", "Annual purchases rating"),
                                        "年采购额评分|r_purchases" },
  [RATING (KS_CRITERION_PROFIT)] = { NC_ ("CSV column", "Profit contribution rating"),
                                     "利润贡献评分|r_profit" },
  [RATING (KS_CRITERION_SHARE)] = { NC_ ("CSV column", "Share of our revenue rating"),
                                    "revenue share rating|占我方营收比重评分|"
                                    "营收占比评分|r_share" },
  [RATING (KS_CRITERION_INFLUENCE)] = { NC_ ("CSV column", "Industry influence rating"),
                                        "行业影响力评分|r_influence" },
  [RATING (KS_CRITERION_BENCHMARK)] = { NC_ ("CSV column", "Benchmark effect rating"),
                                        "标杆效应评分|r_benchmark" },
  [RATING (KS_CRITERION_CHANNEL)] = { NC_ ("CSV column", "Channel value rating"),
                                      "渠道价值评分|r_channel" },
  [RATING (KS_CRITERION_NEED_FIT)] = { NC_ ("CSV column", "Need fit rating"),
                                       "需求匹配度评分|r_need_fit" },
  [RATING (KS_CRITERION_GROWTH)] = { NC_ ("CSV column", "Growth expectation (3–5 years) rating"),
                                     "growth expectation rating|"
                                     "growth expectation (3-5 years) rating|"
                                     "增长预期（3–5年）评分|增长预期（3-5年）评分|"
                                     "增长预期评分|r_growth" },
  [RATING (KS_CRITERION_YEARS)] = { NC_ ("CSV column", "Years of cooperation rating"),
                                    "合作年限评分|r_years" },
  [RATING (KS_CRITERION_CONTACT_LEVEL)] = { NC_ ("CSV column", "Contact level rating"),
                                            "沟通层级评分|r_contact_level" },
  [RATING (KS_CRITERION_STABILITY)] = { NC_ ("CSV column", "Stability rating"),
                                        "合作稳定性评分|稳定性评分|r_stability" },
  [KS_COLUMN_KA_SCORE] = { NC_ ("CSV column", "KA score"),
                           "score|大客户评分|ka评分" },
  [KS_COLUMN_TIER] = { NC_ ("CSV column", "Tier"),
                       "客户分级|分级" },
  [KS_COLUMN_QUADRANT] = { NC_ ("CSV column", "Quadrant"),
                           "象限" },
};

/* Tier override cells: the English labels, the glossary's Chinese, and short forms.
 * The labels in the UI language are accepted as well (see match_tier()). */
static const char * const tier_names[KS_N_TIERS] = {
  [KS_TIER_CORE] = "core|核心级|核心",
  [KS_TIER_KEY] = "key|重点级|重点",
  [KS_TIER_DEVELOPING] = "developing|发展级|发展",
  [KS_TIER_STANDARD] = "standard|普通级|普通",
};

/* Public: columns */

const char *
ks_column_get_label (KsColumn column)
{
  g_return_val_if_fail (column >= 0 && column < KS_N_COLUMNS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, CSV_COLUMN_CONTEXT, column_info[column].label);
}

gboolean
ks_column_is_computed (KsColumn column)
{
  return column >= KS_COLUMN_KA_SCORE && column < KS_N_COLUMNS;
}

/* Folded (ks_account_fold(): NFKC, so “（%）” is “(%)”, case-folded, trimmed), without
 * spaces, “_” and “-”, and without a trailing “(%)” or “%”. With @strip_unit, also
 * without a trailing parenthesis: “年采购额（元）”, “Annual purchases (USD)”. */
static char *
normalize_header (const char *header,
                  gboolean    strip_unit)
{
  g_autofree char *folded = ks_account_fold (header);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p++)
    if (*p != ' ' && *p != '_' && *p != '-')
      g_string_append_c (out, *p);

  if (g_str_has_suffix (out->str, "(%)"))
    g_string_truncate (out, out->len - 3);
  else if (g_str_has_suffix (out->str, "%"))
    g_string_truncate (out, out->len - 1);

  if (strip_unit && out->len > 0 && out->str[out->len - 1] == ')')
    {
      char *open = strrchr (out->str, '(');

      if (open != NULL && open > out->str)
        g_string_truncate (out, open - out->str);
    }

  return g_string_free (out, FALSE);
}

static void
add_synonym (GHashTable *table,
             const char *name,
             KsColumn    column)
{
  char *key = normalize_header (name, FALSE);
  gpointer existing = g_hash_table_lookup (table, key);

  if (existing != NULL && GPOINTER_TO_INT (existing) - 1 != (int) column)
    g_critical ("The CSV header “%s” would name two columns", name);

  g_hash_table_insert (table, key, GINT_TO_POINTER (column + 1));
}

/* normalized name → column + 1, built once. */
static GHashTable *
get_synonyms (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (KsColumn c = 0; c < KS_N_COLUMNS; c++)
        {
          g_auto(GStrv) names = g_strsplit (column_info[c].synonyms, "|", -1);

          add_synonym (t, column_info[c].label, c);
          for (guint i = 0; names[i] != NULL; i++)
            add_synonym (t, names[i], c);
        }

      g_once_init_leave (&table, t);
    }

  return table;
}

static KsColumn
lookup_header (const char *normalized)
{
  gpointer found;

  if (*normalized == '\0')
    return KS_COLUMN_IGNORE;

  found = g_hash_table_lookup (get_synonyms (), normalized);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;

  /* The labels in the UI language, whatever the translator chose. */
  for (KsColumn c = 0; c < KS_N_COLUMNS; c++)
    {
      g_autofree char *label = normalize_header (ks_column_get_label (c), FALSE);

      if (g_str_equal (label, normalized))
        return c;
    }

  return KS_COLUMN_IGNORE;
}

KsColumn
ks_column_match_header (const char *header)
{
  g_autofree char *exact = NULL;
  g_autofree char *without_unit = NULL;
  KsColumn column;

  g_return_val_if_fail (header != NULL, KS_COLUMN_IGNORE);

  exact = normalize_header (header, FALSE);
  column = lookup_header (exact);
  if (column != KS_COLUMN_IGNORE)
    return column;

  without_unit = normalize_header (header, TRUE);
  if (!g_str_equal (without_unit, exact))
    return lookup_header (without_unit);

  return KS_COLUMN_IGNORE;
}

/* A tier override cell: KS_TIER_NONE for none, -2 when it names no tier. */
#define TIER_UNKNOWN (-2)

static int
match_tier (const char *text)
{
  g_autofree char *folded = NULL;

  if (*text == '\0')
    return KS_TIER_NONE;

  folded = ks_account_fold (text);
  for (KsTier t = 0; t < KS_N_TIERS; t++)
    {
      g_auto(GStrv) names = g_strsplit (tier_names[t], "|", -1);
      g_autofree char *label = ks_account_fold (ks_tier_get_label (t));

      if (g_strv_contains ((const char * const *) names, folded) || g_str_equal (label, folded))
        return t;
    }

  return TIER_UNKNOWN;
}

/* Problems and results */

void
ks_import_problem_free (KsImportProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->header);
  g_free (problem->message);
  g_free (problem);
}

void
ks_import_result_free (KsImportResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->skipped_reasons, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->ignored_headers, g_ptr_array_unref);
  g_free (result);
}

static KsImportResult *
import_result_new (void)
{
  KsImportResult *result = g_new0 (KsImportResult, 1);

  result->skipped_reasons = g_ptr_array_new_with_free_func (g_free);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_import_problem_free);
  result->ignored_headers = g_ptr_array_new_with_free_func (g_free);

  return result;
}

/* The import */

struct _KsImport
{
  char *path;
  KsCsvEncoding encoding;
  char separator;
  GPtrArray *headers;     /* char *, stripped; n_columns of them */
  KsColumn *mapping;      /* n_columns */
  GPtrArray *preview;     /* GStrv of n_columns */
};

void
ks_import_free (KsImport *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_free (self->mapping);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_free (self);
}

static const char *
field_at (GPtrArray *fields,
          guint      index)
{
  return index < fields->len ? g_ptr_array_index (fields, index) : "";
}

static gboolean
is_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

static gboolean
record_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (!is_blank (g_ptr_array_index (fields, i)))
      return FALSE;

  return TRUE;
}

static void
set_empty_file_error (GError     **error,
                      const char  *path)
{
  g_autofree char *display = g_filename_display_basename (path);

  g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
               _("“%s” has no header row: the file is empty. Save the spreadsheet as CSV "
                 "with the column names (Name, Industry, …) in the first row."),
               display);
}

/* Reads the header row: the first record that is not empty. */
static gboolean
read_header (KsCsvReader   *reader,
             const char    *path,
             GPtrArray    **out_fields,
             GCancellable  *cancellable,
             GError       **error)
{
  GPtrArray *fields = NULL;
  guint64 line = 0;

  do
    {
      if (!ks_csv_reader_next (reader, &fields, &line, cancellable, error))
        {
          if (error == NULL || *error == NULL)
            set_empty_file_error (error, path);
          return FALSE;
        }
    }
  while (record_is_empty (fields));

  *out_fields = fields;
  return TRUE;
}

KsImport *
ks_import_open (const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(KsCsvReader) reader = NULL;
  g_autoptr(KsImport) self = NULL;
  GPtrArray *fields = NULL;
  guint64 line = 0;
  guint n_columns;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = ks_csv_reader_new_for_path (path, cancellable, error);
  if (reader == NULL)
    return NULL;

  self = g_new0 (KsImport, 1);
  self->path = g_strdup (path);
  self->encoding = ks_csv_reader_get_encoding (reader);
  self->separator = ks_csv_reader_get_separator (reader);

  if (!read_header (reader, path, &fields, cancellable, error))
    return NULL;

  /* Spreadsheets often save empty columns after the last one. */
  n_columns = fields->len;
  while (n_columns > 0 && is_blank (g_ptr_array_index (fields, n_columns - 1)))
    n_columns--;

  self->headers = g_ptr_array_new_full (n_columns, g_free);
  self->mapping = g_new (KsColumn, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    {
      char *header = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));

      g_ptr_array_add (self->headers, header);
      self->mapping[i] = ks_column_match_header (header);
    }

  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while (self->preview->len < KS_IMPORT_PREVIEW_ROWS)
    {
      g_autoptr(GError) local_error = NULL;
      char **row;

      if (!ks_csv_reader_next (reader, &fields, &line, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }
      if (record_is_empty (fields))
        continue;

      row = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        row[i] = g_strdup (field_at (fields, i));
      g_ptr_array_add (self->preview, row);
    }

  return g_steal_pointer (&self);
}

KsCsvEncoding
ks_import_get_encoding (KsImport *self)
{
  g_return_val_if_fail (self != NULL, KS_CSV_ENCODING_UTF8);

  return self->encoding;
}

char
ks_import_get_separator (KsImport *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

guint
ks_import_get_n_columns (KsImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->headers->len;
}

const char *
ks_import_get_header (KsImport *self,
                      guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, index);
}

KsColumn
ks_import_get_mapping (KsImport *self,
                       guint     index)
{
  g_return_val_if_fail (self != NULL, KS_COLUMN_IGNORE);
  g_return_val_if_fail (index < self->headers->len, KS_COLUMN_IGNORE);

  return self->mapping[index];
}

void
ks_import_set_mapping (KsImport *self,
                       guint     index,
                       KsColumn  column)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->headers->len);
  g_return_if_fail (column >= KS_COLUMN_IGNORE && column < KS_N_COLUMNS);

  self->mapping[index] = column;
}

GPtrArray *
ks_import_get_preview (KsImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->preview;
}

/* The header as a message names it: its text, or its number when it has none. */
static char *
dup_header_display (KsImport *self,
                    guint     index)
{
  const char *header = g_ptr_array_index (self->headers, index);

  if (*header != '\0')
    return g_strdup (header);
  /* Translators: a column of a CSV file without a header; %u is its number */
  return g_strdup_printf (_("column %u"), index + 1);
}

gboolean
ks_import_check_mapping (KsImport  *self,
                         GError   **error)
{
  int first[KS_N_COLUMNS];
  gboolean have_name = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint c = 0; c < KS_N_COLUMNS; c++)
    first[c] = -1;

  for (guint i = 0; i < self->headers->len; i++)
    {
      KsColumn column = self->mapping[i];

      if (column == KS_COLUMN_IGNORE || ks_column_is_computed (column))
        continue;
      if (column == KS_COLUMN_NAME)
        have_name = TRUE;

      if (first[column] >= 0)
        {
          g_autofree char *a = dup_header_display (self, first[column]);
          g_autofree char *b = dup_header_display (self, i);

          g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                       /* Translators: the first two %s are headers of the file, the
                        * third the meaning Keystone gives both */
                       _("The columns “%s” and “%s” are both read as “%s”. Choose another "
                         "meaning for one of them, or ignore it."),
                       a, b, ks_column_get_label (column));
          return FALSE;
        }
      first[column] = i;
    }

  if (!have_name)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is the header Keystone writes for names */
                   _("No column is read as the account name. Choose the column that holds "
                     "the names, or give it the header “%s”."),
                   ks_column_get_label (KS_COLUMN_NAME));
      return FALSE;
    }

  return TRUE;
}

/* Reading rows */

typedef struct
{
  KsImport *import;
  KsImportResult *result;
  /* The second pass: rows are written, so their texts are kept in @strings until
   * the row was handed over; problems were collected by the first pass already. */
  gboolean writing;
  GStringChunk *strings;
  GString *scratch;
  const char *default_currency;
  guint present;
  int currency_index;        /* the column of the currency, or -1 */
  gboolean row_failed;
} ImportRun;

static void
add_problem (ImportRun  *run,
             guint64     line,
             int         index,
             const char *message)
{
  KsImportProblem *problem;

  run->row_failed = TRUE;
  if (run->writing)
    return;

  problem = g_new0 (KsImportProblem, 1);
  problem->line = line;
  problem->column = index >= 0 ? (guint) index + 1 : 0;
  if (index >= 0 && (guint) index < run->import->headers->len)
    problem->header = g_strdup (g_ptr_array_index (run->import->headers, index));
  problem->message = g_strdup (message);
  g_ptr_array_add (run->result->problems, problem);
}

/* A cell as export writes it: ks_csv_append_field() puts an apostrophe before a
 * leading = + - @ tab or CR so that a spreadsheet does not run it, and append_text()
 * one before a leading apostrophe so that this stays reversible: “'=1+1” is “=1+1”,
 * “''quote” is “'quote”; “'quote” stays as it is. */
static const char *
unneutralise (const char *value)
{
  if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@\t\r'", value[1]) != NULL)
    return value + 1;
  return value;
}

/* @value without the white space around it: itself, or a copy in run->scratch. */
static const char *
stripped (ImportRun  *run,
          const char *value)
{
  const char *end;

  while (g_ascii_isspace (*value))
    value++;
  end = value + strlen (value);
  while (end > value && g_ascii_isspace (end[-1]))
    end--;
  if (*end == '\0')
    return value;

  g_string_truncate (run->scratch, 0);
  g_string_append_len (run->scratch, value, end - value);
  return run->scratch->str;
}

static gboolean
longer_than (const char *text,
             gsize       max_chars)
{
  /* A character is at least one byte: short texts need no counting. */
  return strlen (text) > max_chars && (gsize) g_utf8_strlen (text, -1) > max_chars;
}

/* Whether @name is only white space, as ks_account_fold() sees it. */
static gboolean
name_is_blank (const char *name)
{
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* @text for the row. A cell of the record is used as it is: the row is handed over
 * before the reader reads on. Only a copy in run->scratch, which the next cell
 * reuses, is copied. The first pass keeps nothing. */
static char *
store_text (ImportRun  *run,
            const char *text)
{
  if (*text == '\0')
    return (char *) "";
  if (run->writing && text >= run->scratch->str
      && text < run->scratch->str + run->scratch->allocated_len)
    return g_string_chunk_insert (run->strings, text);
  return (char *) text;
}

static void
read_text (ImportRun   *run,
           guint64      line,
           int          index,
           const char  *value,
           gsize        max_chars,
           char       **out)
{
  if (longer_than (value, max_chars))
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The text is too long: at most %u character.",
                                      "The text is too long: at most %u characters.",
                                      max_chars),
                         (guint) max_chars);

      add_problem (run, line, index, message);
      return;
    }

  *out = store_text (run, value);
}

static void
read_currency (ImportRun    *run,
               guint64       line,
               int           index,
               const char   *value,
               KsAccountRow *row)
{
  char code[4];

  if (*value == '\0')
    {
      g_strlcpy (row->currency, run->default_currency, sizeof row->currency);
      return;
    }

  if (strlen (value) == 3)
    {
      for (guint i = 0; i < 3; i++)
        code[i] = g_ascii_toupper (value[i]);
      code[3] = '\0';
      if (ks_currency_is_valid (code))
        {
          memcpy (row->currency, code, sizeof code);
          return;
        }
    }

  {
    g_autofree char *codes = g_strjoinv (", ", (char **) ks_currency_get_codes ());
    g_autofree char *message =
      /* Translators: the first %s is what the file has, the second a list of codes */
      g_strdup_printf (_("“%s” is not a currency Keystone knows. Type one of %s."),
                       value, codes);

    add_problem (run, line, index, message);
  }
}

static void
read_rating (ImportRun    *run,
             guint64       line,
             int           index,
             const char   *value,
             guint8       *out)
{
  if (*value == '\0')
    {
      *out = 0;
      return;
    }

  if (value[0] >= '0' && value[0] <= '0' + KS_RATING_MAX && value[1] == '\0')
    {
      *out = value[0] - '0';
      return;
    }

  {
    g_autofree char *message =
      /* Translators: %s is what the file has */
      g_strdup_printf (_("“%s” is not a rating. Type a whole number from 0 to 5."), value);

    add_problem (run, line, index, message);
  }
}

static void
read_tier (ImportRun    *run,
           guint64       line,
           int           index,
           const char   *value,
           KsAccountRow *row)
{
  int tier = match_tier (value);

  if (tier != TIER_UNKNOWN)
    {
      row->tier_override = tier;
      return;
    }

  {
    g_autofree char *message =
      /* Translators: the first %s is what the file has, the others are tier names */
      g_strdup_printf (_("“%s” is not a tier. Type %s, %s, %s or %s, or leave the cell "
                         "empty to let the score decide."),
                       value,
                       ks_tier_get_label (KS_TIER_CORE), ks_tier_get_label (KS_TIER_KEY),
                       ks_tier_get_label (KS_TIER_DEVELOPING),
                       ks_tier_get_label (KS_TIER_STANDARD));

    add_problem (run, line, index, message);
  }
}

/* The amounts most files hold, such as “23354000.00”, read without ks_money_parse()'s
 * normalising: up to 15 ASCII digits and a point with at most the currency's decimals,
 * at most KS_MONEY_MAX. The result is ks_money_parse()'s; anything else, FALSE. */
static gboolean
plain_amount (const char *value,
              const char *currency,
              gint64     *out_minor)
{
  guint exponent = ks_currency_get_exponent (currency);
  guint64 minor = 0;
  guint n_digits = 0;
  int decimals = -1;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        {
          if (++n_digits > 15 || (decimals >= 0 && (guint) ++decimals > exponent))
            return FALSE;
          minor = minor * 10 + (guint64) (*p - '0');
        }
      else if (*p == '.' && decimals < 0)
        decimals = 0;
      else
        return FALSE;
    }
  if (n_digits == 0 || exponent > 3)
    return FALSE;

  for (guint i = MAX (decimals, 0); i < exponent; i++)
    minor *= 10;
  if (minor > (guint64) KS_MONEY_MAX)
    return FALSE;

  *out_minor = (gint64) minor;
  return TRUE;
}

/* The percentages most files hold, such as “12.5”, read without ks_percent_parse()'s
 * normalising: up to 15 ASCII digits and a point, at most 100. The result is the same:
 * the digits and the power of ten are exact doubles, so their quotient is the
 * correctly rounded value that g_ascii_strtod() gives. Anything else, FALSE. */
static gboolean
plain_percent (const char *value,
               double     *out)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  };
  guint64 digits = 0;
  guint n_digits = 0;
  int decimals = -1;
  double percent;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        {
          if (++n_digits > 15)
            return FALSE;
          digits = digits * 10 + (guint64) (*p - '0');
          if (decimals >= 0)
            decimals++;
        }
      else if (*p == '.' && decimals < 0)
        decimals = 0;
      else
        return FALSE;
    }
  if (n_digits == 0)
    return FALSE;

  percent = (double) digits / powers[MAX (decimals, 0)];
  if (percent > 100.0)
    return FALSE;

  *out = percent;
  return TRUE;
}

static void
read_percent (ImportRun  *run,
              guint64     line,
              int         index,
              const char *value,
              double     *out)
{
  g_autoptr(GError) error = NULL;

  if (*value == '\0')
    *out = 0;
  else if (!plain_percent (value, out) && !ks_percent_parse (value, out, &error))
    add_problem (run, line, index, error->message);
}

/* Checks one record and fills @row from it; FALSE when it has a problem. The row's
 * texts are valid until the next record is read (see store_text()). */
static gboolean
read_record (ImportRun    *run,
             GPtrArray    *fields,
             guint64       line,
             KsAccountRow *row)
{
  KsImport *import = run->import;
  guint n_columns = import->headers->len;

  memset (row, 0, sizeof *row);
  run->row_failed = FALSE;
  row->line = line;
  row->present = run->present;
  row->tier_override = KS_TIER_NONE;
  row->industry = row->region = row->owner = row->notes = (char *) "";
  g_strlcpy (row->currency, run->default_currency, sizeof row->currency);

  /* The currency first: the amounts are read in it. */
  if (run->currency_index >= 0)
    read_currency (run, line, run->currency_index,
                   stripped (run, unneutralise (field_at (fields, run->currency_index))),
                   row);

  for (guint i = 0; i < n_columns; i++)
    {
      KsColumn column = import->mapping[i];
      const char *raw;
      const char *value;

      if (column == KS_COLUMN_IGNORE || column == KS_COLUMN_CURRENCY
          || ks_column_is_computed (column))
        continue;

      raw = unneutralise (field_at (fields, i));
      /* Notes keep their spaces and line breaks; other cells are one trimmed line. */
      value = column == KS_COLUMN_NOTES ? raw : stripped (run, raw);

      switch (column)
        {
        case KS_COLUMN_NAME:
          if (*value == '\0' || name_is_blank (value))
            add_problem (run, line, i, _("The name is missing. Every account needs one."));
          else
            read_text (run, line, i, value, KS_ACCOUNT_NAME_MAX, &row->name);
          break;

        case KS_COLUMN_INDUSTRY:
          read_text (run, line, i, value, KS_ACCOUNT_FIELD_MAX, &row->industry);
          break;

        case KS_COLUMN_REGION:
          read_text (run, line, i, value, KS_ACCOUNT_FIELD_MAX, &row->region);
          break;

        case KS_COLUMN_OWNER:
          read_text (run, line, i, value, KS_ACCOUNT_FIELD_MAX, &row->owner);
          break;

        case KS_COLUMN_NOTES:
          read_text (run, line, i, value, KS_ACCOUNT_NOTES_MAX, &row->notes);
          break;

        case KS_COLUMN_ANNUAL_PURCHASES:
          if (*value != '\0')
            {
              g_autoptr(GError) error = NULL;

              if (!plain_amount (value, row->currency, &row->annual_purchases)
                  && !ks_money_parse (value, row->currency, &row->annual_purchases, &error))
                add_problem (run, line, i, error->message);
            }
          break;

        case KS_COLUMN_PROFIT_CONTRIBUTION:
          read_percent (run, line, i, value, &row->profit_contribution);
          break;

        case KS_COLUMN_REVENUE_SHARE:
          read_percent (run, line, i, value, &row->revenue_share);
          break;

        case KS_COLUMN_TIER_OVERRIDE:
          read_tier (run, line, i, value, row);
          break;

        case KS_COLUMN_CURRENCY:
        case KS_COLUMN_KA_SCORE:
        case KS_COLUMN_TIER:
        case KS_COLUMN_QUADRANT:
        case KS_COLUMN_IGNORE:
        case KS_N_COLUMNS:
          g_assert_not_reached ();

        default:
          read_rating (run, line, i, value, &row->ratings[column - KS_COLUMN_RATING_FIRST]);
          break;
        }
    }

  /* Cells past the last column: trailing empty ones are what spreadsheets write. */
  for (guint i = n_columns; i < fields->len; i++)
    if (!is_blank (g_ptr_array_index (fields, i)))
      {
        g_autofree char *message =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "This row has a value past the last column of the "
                                        "header row, which has %u column. Remove the "
                                        "extra cells or give them a header.",
                                        "This row has a value past the last column of the "
                                        "header row, which has %u columns. Remove the "
                                        "extra cells or give them a header.",
                                        n_columns),
                           n_columns);

        add_problem (run, line, i, message);
        break;
      }

  return !run->row_failed;
}

/* Calls @progress when the fraction moved by a percent, and at the end of a pass
 * (@fraction is CHECK_SHARE or 1). */
static void
report_progress (KsProgressFunc  progress,
                 gpointer        progress_data,
                 double          fraction,
                 double         *last)
{
  if (progress == NULL
      || (fraction - *last < 0.01 && fraction != CHECK_SHARE && fraction < 1.0))
    return;

  *last = fraction;
  progress (fraction, progress_data);
}

/* What a pass saw of the file; the second must see what the first did. */
typedef struct
{
  guint64 n_valid;
  guint64 n_invalid;
  guint64 lines;      /* a hash of the lines of the valid rows */
} PassSummary;

static void
pass_summary_add (PassSummary *summary,
                  guint64      line,
                  gboolean     valid)
{
  if (!valid)
    {
      summary->n_invalid++;
      return;
    }
  summary->n_valid++;
  summary->lines = (summary->lines ^ line) * G_GUINT64_CONSTANT (1099511628211);
}

typedef void (*RecordFunc) (ImportRun    *run,
                            KsAccountRow *row,
                            gboolean      valid,
                            gpointer      user_data,
                            GError      **error);

/* One pass over the file: every record through read_record(), then to @func, which may
 * set an error to stop. Progress from @progress_from to @progress_to, by bytes. */
static gboolean
import_pass (ImportRun       *run,
             GCancellable    *cancellable,
             KsProgressFunc   progress,
             gpointer         progress_data,
             double           progress_from,
             double           progress_to,
             double          *last_progress,
             RecordFunc       func,
             gpointer         func_data,
             PassSummary     *summary,
             GError         **error)
{
  KsImport *self = run->import;
  g_autoptr(KsCsvReader) reader = NULL;
  GPtrArray *fields = NULL;
  GStatBuf st;
  double size;
  guint64 line = 0;
  guint64 n_records = 0;

  reader = ks_csv_reader_new_for_path (self->path, cancellable, error);
  if (reader == NULL)
    return FALSE;
  size = g_stat (self->path, &st) == 0 && st.st_size > 0 ? (double) st.st_size : 1.0;

  if (!read_header (reader, self->path, &fields, cancellable, error))
    return FALSE;

  while (TRUE)
    {
      g_autoptr(GError) local_error = NULL;
      KsAccountRow row;
      gboolean valid;

      if (!ks_csv_reader_next (reader, &fields, &line, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }

      if (++n_records % CHECK_EVERY_ROWS == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          report_progress (progress, progress_data,
                           progress_from + (progress_to - progress_from)
                           * MIN (ks_csv_reader_get_position (reader) / size, 1.0),
                           last_progress);
          /* The rows before were handed over: their copied texts can go. */
          g_string_chunk_clear (run->strings);
        }

      if (record_is_empty (fields))
        continue;

      valid = read_record (run, fields, line, &row);
      pass_summary_add (summary, line, valid);
      if (func != NULL)
        {
          func (run, &row, valid, func_data, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  report_progress (progress, progress_data, progress_to, last_progress);

  return TRUE;
}

static void
write_record (ImportRun    *run,
              KsAccountRow *row,
              gboolean      valid,
              gpointer      user_data,
              GError      **error)
{
  if (valid)
    ks_store_import_add (user_data, row, error);
}

gboolean
ks_import_run (KsImport        *self,
               KsStore         *store,
               KsDuplicates     duplicates,
               gboolean         valid_rows_only,
               GCancellable    *cancellable,
               KsProgressFunc   progress,
               gpointer         progress_data,
               KsImportResult **result,
               GError         **error)
{
  g_autoptr(KsImportResult) run_result = NULL;
  g_autoptr(KsStoreImport) writer = NULL;
  g_autoptr(GString) scratch = NULL;
  g_autofree char *default_currency = NULL;
  GStringChunk *strings = NULL;
  ImportRun run = { NULL, };
  PassSummary checked = { 0, };
  PassSummary written = { 0, };
  double last_progress = -1;
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (KS_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *result = NULL;

  if (!ks_import_check_mapping (self, error))
    return FALSE;

  run_result = import_result_new ();
  strings = g_string_chunk_new (16 * 1024);
  scratch = g_string_sized_new (256);
  default_currency = g_strdup (ks_store_get_default_currency (store));

  run.import = self;
  run.result = run_result;
  run.strings = strings;
  run.scratch = scratch;
  run.default_currency = default_currency;
  run.currency_index = -1;

  for (guint i = 0; i < self->headers->len; i++)
    {
      KsColumn column = self->mapping[i];
      const char *header = g_ptr_array_index (self->headers, i);

      if (column == KS_COLUMN_IGNORE)
        {
          if (*header != '\0')
            g_ptr_array_add (run_result->ignored_headers, g_strdup (header));
          continue;
        }
      if (ks_column_is_computed (column))
        continue;
      run.present |= 1u << column;
      if (column == KS_COLUMN_CURRENCY)
        run.currency_index = i;
    }
  /* An amount is in a currency: without a currency column it is in the default one,
   * and an update writes that currency with it. */
  if (run.present & (1u << KS_COLUMN_ANNUAL_PURCHASES))
    run.present |= 1u << KS_COLUMN_CURRENCY;

  report_progress (progress, progress_data, 0.0, &last_progress);

  /* First pass: check every row, from the top again (the preview read the start
   * already, and a run may follow a change of mapping). */
  if (!import_pass (&run, cancellable, progress, progress_data, 0.0, CHECK_SHARE,
                    &last_progress, NULL, NULL, &checked, error))
    goto out;

  if ((run_result->problems->len > 0 && !valid_rows_only) || checked.n_valid == 0)
    {
      report_progress (progress, progress_data, 1.0, &last_progress);
      *result = g_steal_pointer (&run_result);
      ok = TRUE;
      goto out;
    }

  /* Second pass: the valid rows, straight into one transaction. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  writer = ks_store_import_begin (store, duplicates, (guint) MIN (checked.n_valid, G_MAXUINT),
                                  error);
  if (writer == NULL)
    goto out;

  run.writing = TRUE;
  if (!import_pass (&run, cancellable, progress, progress_data, CHECK_SHARE, 1.0,
                    &last_progress, write_record, writer, &written, error))
    goto out;

  /* The rows written are the rows checked, or the file changed in between. */
  if (written.n_valid != checked.n_valid || written.n_invalid != checked.n_invalid
      || written.lines != checked.lines)
    {
      g_autofree char *display = g_filename_display_basename (self->path);

      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   _("“%s” changed while it was being imported, so nothing was imported. "
                     "Import it again once it is saved."),
                   display);
      goto out;
    }

  if (!ks_store_import_commit (writer, &run_result->imported, &run_result->updated,
                               &run_result->skipped, run_result->skipped_reasons, error))
    goto out;

  report_progress (progress, progress_data, 1.0, &last_progress);
  *result = g_steal_pointer (&run_result);
  ok = TRUE;

out:
  /* Not committed: freeing the writer rolls back, nothing stays in the file. */
  g_clear_pointer (&writer, ks_store_import_free);
  g_string_chunk_free (strings);
  return ok;
}

/* Export */

/* Digits after the point for the shortest exact percentage. */
#define PERCENT_DECIMALS_MAX 30

/* Short and exact, in the digits ks_percent_parse() reads back: “12.5”, not
 * “12.500000”, “12.4999999999999996” nor “1e-09”. */
static void
append_percent (GString *out,
                double   value)
{
  char format[16];
  char buffer[64];

  /* Most percentages have a digit or two after the point, and come out right at once. */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (strchr (buffer, 'e') == NULL && g_ascii_strtod (buffer, NULL) == value)
    {
      g_string_append (out, buffer);
      return;
    }

  for (int decimals = 0; decimals <= PERCENT_DECIMALS_MAX; decimals++)
    {
      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
append_cell (GString    *out,
             const char *value)
{
  ks_csv_append_field (out, value, ',');
  g_string_append_c (out, ',');
}

/* A text cell: a leading apostrophe doubled, see unneutralise(). */
static void
append_text (GString    *out,
             const char *value)
{
  if (value[0] == '\'')
    {
      g_autofree char *escaped = g_strconcat ("'", value, NULL);

      append_cell (out, escaped);
    }
  else
    append_cell (out, value);
}

static void
end_record (GString *out)
{
  /* the comma after the last cell */
  g_string_truncate (out, out->len - 1);
  g_string_append (out, "\r\n");
}

static void
append_account (GString   *out,
                KsAccount *account)
{
  g_autofree char *amount = NULL;
  const guint8 *ratings = ks_account_get_ratings (account);
  int tier_override = ks_account_get_tier_override (account);
  GString *number = g_string_sized_new (32);
  char score[G_ASCII_DTOSTR_BUF_SIZE];

  amount = ks_money_format_plain (ks_account_get_annual_purchases (account),
                                  ks_account_get_currency (account));

  append_text (out, ks_account_get_name (account));
  append_text (out, ks_account_get_industry (account));
  append_text (out, ks_account_get_region (account));
  append_text (out, ks_account_get_owner (account));
  append_cell (out, ks_account_get_currency (account));
  append_cell (out, amount);
  append_percent (number, ks_account_get_profit_contribution (account));
  append_cell (out, number->str);
  g_string_truncate (number, 0);
  append_percent (number, ks_account_get_revenue_share (account));
  append_cell (out, number->str);
  append_text (out, ks_account_get_notes (account));
  append_cell (out, tier_override == KS_TIER_NONE ? "" : ks_tier_get_label (tier_override));
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    {
      /* 0–5: the store checks it */
      g_string_append_c (out, '0' + MIN (ratings[i], 9));
      g_string_append_c (out, ',');
    }
  g_ascii_formatd (score, sizeof score, "%.1f", ks_account_get_ka_score (account));
  append_cell (out, score);
  append_cell (out, ks_tier_get_label (ks_account_get_tier (account)));
  append_cell (out, ks_quadrant_get_label (ks_account_get_quadrant (account)));
  end_record (out);

  g_string_free (number, TRUE);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len,
           int         *saved_errno)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *saved_errno = n < 0 ? errno : EIO;
          return FALSE;
        }
      data += n;
      len -= n;
    }

  return TRUE;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file, the second the system's reason */
               _("“%s” could not be written (%s). Choose a folder you can write to, with "
                 "space left on the disk."),
               display, g_strerror (saved_errno));
}

#define EXPORT_FLUSH_SIZE (256 * 1024)

gboolean
ks_export_csv (GListModel    *accounts,
               const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *tmp_path = NULL;
  GString *out = NULL;
  guint n;
  int fd;
  int saved_errno = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Beside the target, so the rename cannot cross file systems. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY, 0644);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  out = g_string_sized_new (EXPORT_FLUSH_SIZE + 4096);
  /* UTF-8 with a BOM: how Excel knows it is not the local code page. */
  g_string_append (out, "\xef\xbb\xbf");
  for (KsColumn c = 0; c < KS_N_COLUMNS; c++)
    append_cell (out, ks_column_get_label (c));
  end_record (out);

  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);

      append_account (out, account);
      if (out->len >= EXPORT_FLUSH_SIZE)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (!write_all (fd, out->str, out->len, &saved_errno))
            goto failed;
          g_string_truncate (out, 0);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (!write_all (fd, out->str, out->len, &saved_errno))
    goto failed;
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      goto failed;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      saved_errno = errno;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      goto failed;
    }

  ok = TRUE;
  goto out;

failed:
  set_write_error (error, path, saved_errno);

out:
  if (fd >= 0)
    close (fd);
  if (!ok)
    g_unlink (tmp_path);
  g_string_free (out, TRUE);
  return ok;
}
