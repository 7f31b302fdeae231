/* ks-csv.h — CSV as spreadsheets really write it: streamed, never trusted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest field accepted, in bytes of UTF-8; past it the file is refused with a
 * message naming the line, never truncated. */
#define KS_CSV_FIELD_MAX (1024 * 1024)
/* The most fields one record may have. */
#define KS_CSV_FIELDS_MAX 1000

typedef enum
{
  KS_CSV_ENCODING_UTF8,       /* with or without BOM */
  KS_CSV_ENCODING_UTF16LE,    /* BOM FF FE */
  KS_CSV_ENCODING_UTF16BE,    /* BOM FE FF */
  KS_CSV_ENCODING_GB18030,    /* what Chinese Excel and WPS save: GBK is a subset */
} KsCsvEncoding;

typedef struct _KsCsvReader KsCsvReader;

/* Reads from @stream (taking a reference). The encoding and the separator (comma,
 * semicolon or tab) are detected from the first 64 KiB without asking: a BOM decides;
 * else valid UTF-8 is UTF-8, and anything else that is valid GB18030 is GB18030. */
KsCsvReader   *ks_csv_reader_new            (GInputStream  *stream,
                                             GCancellable  *cancellable,
                                             GError       **error);
KsCsvReader   *ks_csv_reader_new_for_path   (const char    *path,
                                             GCancellable  *cancellable,
                                             GError       **error);
void           ks_csv_reader_free           (KsCsvReader   *self);

KsCsvEncoding  ks_csv_reader_get_encoding   (KsCsvReader   *self);
/* ',', ';' or '\t' */
char           ks_csv_reader_get_separator  (KsCsvReader   *self);

/* The next record, RFC 4180: quoted fields may hold separators, doubled quotes and
 * line breaks; CRLF or LF. Empty lines are skipped, trailing empty fields kept (the
 * caller decides). On success *fields points to the reader's own array of UTF-8
 * strings, valid until the next call, and *line to the physical line (1-based) where
 * the record starts. Returns FALSE at the end of the file with no error, or FALSE with
 * @error set (KS_ERROR_INVALID, the message names the line) for an unterminated
 * quote, a NUL byte, text that is not valid in the detected encoding, a field longer
 * than KS_CSV_FIELD_MAX or too many fields. */
gboolean       ks_csv_reader_next           (KsCsvReader   *self,
                                             GPtrArray    **fields,
                                             guint64       *line,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* Bytes consumed from the stream so far, for progress. */
guint64        ks_csv_reader_get_position   (KsCsvReader   *self);

/* One field for a CSV file others open in a spreadsheet: quoted when it holds the
 * separator, a quote or a line break; a leading = + - @ tab or CR is neutralised with a
 * leading apostrophe so a spreadsheet never runs it as a formula. Appends to @out. */
void           ks_csv_append_field          (GString       *out,
                                             const char    *value,
                                             char           separator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsCsvReader, ks_csv_reader_free)

G_END_DECLS
