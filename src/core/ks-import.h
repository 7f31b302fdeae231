/* ks-import.h — accounts in and out of CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ks-csv.h"
#include "ks-store.h"

G_BEGIN_DECLS

/* How many data rows the import dialog previews. */
#define KS_IMPORT_PREVIEW_ROWS 20

/* The columns Keystone reads and writes. The last three are computed: written on
 * export for the spreadsheet's sake, recognised and quietly ignored on import. */
typedef enum
{
  KS_COLUMN_IGNORE = -1,
  KS_COLUMN_NAME,
  KS_COLUMN_INDUSTRY,
  KS_COLUMN_REGION,
  KS_COLUMN_OWNER,
  KS_COLUMN_CURRENCY,
  KS_COLUMN_ANNUAL_PURCHASES,
  KS_COLUMN_PROFIT_CONTRIBUTION,
  KS_COLUMN_REVENUE_SHARE,
  KS_COLUMN_NOTES,
  KS_COLUMN_TIER_OVERRIDE,
  KS_COLUMN_RATING_FIRST,   /* + KsCriterion: the eleven ratings, 0–5 */
  KS_COLUMN_RATING_LAST = KS_COLUMN_RATING_FIRST + KS_N_CRITERIA - 1,
  KS_COLUMN_KA_SCORE,
  KS_COLUMN_TIER,
  KS_COLUMN_QUADRANT,
  KS_N_COLUMNS
} KsColumn;

/* The header in the UI language, as export writes it. */
const char  *ks_column_get_label          (KsColumn     column);
/* The column a header names, in English or Chinese, ignoring case and spaces
 * ("Name", "客户名称", "annual  PURCHASES", "年采购额"); KS_COLUMN_IGNORE if none. */
KsColumn     ks_column_match_header       (const char  *header);
gboolean     ks_column_is_computed        (KsColumn     column);

typedef struct
{
  guint64 line;       /* physical line in the file, 1-based */
  guint column;       /* 1-based; 0 when the problem is the whole row */
  char *header;       /* the column's header as the file has it, or NULL */
  char *message;      /* translated: what is wrong and what to type instead */
} KsImportProblem;

void         ks_import_problem_free       (KsImportProblem *problem);

typedef struct
{
  guint imported;
  guint updated;
  guint skipped;
  GPtrArray *skipped_reasons;   /* char*, translated, one per skipped row */
  GPtrArray *problems;          /* KsImportProblem*, rows that were not valid */
  GPtrArray *ignored_headers;   /* char*, columns of the file Keystone does not know */
} KsImportResult;

void         ks_import_result_free        (KsImportResult *result);

typedef struct _KsImport KsImport;

/* Opens @path, reads its header row and the first rows for a preview, and guesses
 * the mapping from the headers. Refuses a file that is empty or malformed with a
 * message naming the line. */
KsImport    *ks_import_open               (const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);
void         ks_import_free               (KsImport      *self);

KsCsvEncoding ks_import_get_encoding      (KsImport      *self);
char         ks_import_get_separator      (KsImport      *self);
guint        ks_import_get_n_columns      (KsImport      *self);
const char  *ks_import_get_header         (KsImport      *self,
                                           guint          index);
KsColumn     ks_import_get_mapping        (KsImport      *self,
                                           guint          index);
void         ks_import_set_mapping        (KsImport      *self,
                                           guint          index,
                                           KsColumn       column);
/* Up to KS_IMPORT_PREVIEW_ROWS rows, each a NULL-terminated array of n_columns strings. */
GPtrArray   *ks_import_get_preview        (KsImport      *self);
/* A name column mapped, no column mapped twice; the message says what to change. */
gboolean     ks_import_check_mapping      (KsImport      *self,
                                           GError       **error);

typedef void (*KsProgressFunc) (double fraction, gpointer user_data);

/* Reads the whole file with the mapping and writes it to @store in one transaction.
 * The file is read twice and no row is kept, so memory does not grow with its size:
 * first every row is checked (progress 0 to 0.5); with problems and !@valid_rows_only
 * nothing is written and the result lists them (TRUE is returned: reading worked).
 * Else the valid rows are read again and written as they come (0.5 to 1); a file that
 * changed in between is refused. Cancelled, it writes nothing. Runs in any thread: it
 * does not touch the store's list model (call ks_store_reload_accounts() on the main
 * thread afterwards). @progress is called from the calling thread. */
gboolean     ks_import_run                (KsImport        *self,
                                           KsStore         *store,
                                           KsDuplicates     duplicates,
                                           gboolean         valid_rows_only,
                                           GCancellable    *cancellable,
                                           KsProgressFunc   progress,
                                           gpointer         progress_data,
                                           KsImportResult **result,
                                           GError         **error);

/* Writes @accounts (a GListModel of KsAccount) to @path: UTF-8 with BOM, CRLF, a
 * header row in the UI language, formula-like cells neutralised. Written to a
 * temporary file and renamed, so a failure leaves no partial file. */
gboolean     ks_export_csv                (GListModel    *accounts,
                                           const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsImport, ks_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsImportResult, ks_import_result_free)

G_END_DECLS
