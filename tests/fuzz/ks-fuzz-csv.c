/* ks-fuzz-csv.c — libFuzzer target for the CSV reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes go through detection and the whole parse; every field read is written
 * back with ks_csv_append_field(). Errors are expected, crashes and leaks are not.
 */
#include "config.h"

#include <gio/gio.h>
#include <stdint.h>

#include "ks-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(KsCsvReader) reader = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint64 line;
  char separator;

  stream = g_memory_input_stream_new_from_data (data, size, NULL);
  reader = ks_csv_reader_new (stream, NULL, &error);
  if (reader == NULL)
    return 0;

  separator = ks_csv_reader_get_separator (reader);
  while (ks_csv_reader_next (reader, &fields, &line, NULL, &error))
    {
      guint i;

      g_assert (fields->len >= 1 && fields->len <= KS_CSV_FIELDS_MAX);
      g_assert (line >= 1);
      g_string_truncate (out, 0);
      for (i = 0; i < fields->len; i++)
        {
          g_assert (g_utf8_validate (fields->pdata[i], -1, NULL));
          ks_csv_append_field (out, fields->pdata[i], separator);
          g_string_append_c (out, separator);
        }
      g_assert (fields->pdata[fields->len] == NULL);
    }
  g_assert (ks_csv_reader_get_position (reader) <= size);

  return 0;
}
