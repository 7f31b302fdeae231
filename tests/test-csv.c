/* test-csv.c — the CSV reader and writer, on files as spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "ks-csv.h"
#include "ks-error.h"

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

/* A string literal that may hold NUL bytes, and its length. */
#define BYTES(s) (s), (sizeof (s) - 1)

#define MIB (1024 * 1024)

/* The five accounts of every tests/data/accounts-*.csv, as read_all() prints them. */
#define ACCOUNTS                                                                    \
  "1:Name|Industry|Region|Annual purchases|Notes / "                                \
  "2:华东精密机械有限公司|制造业|华东|¥1,200,000|老客户 / "                           \
  "3:Acme, Inc.|Retail|North|120万|Said \"call me\" twice / "                        \
  "4:深圳市腾飞电子科技|电子|华南|350000|Two lines:\\nsecond line / "                 \
  "6:Müller GmbH|Automotive|Europe|1,000|"

/* TestStream: the bytes head + filler × n_filler + tail, given out a few at a time
 * when trickle is set (1 to 7 bytes per read, in a fixed irregular order), so that
 * reads end inside characters, quotes and line breaks. The filler makes large inputs
 * without holding them in memory. */
#define TEST_TYPE_STREAM (test_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestStream, test_stream, TEST, STREAM, GInputStream)

struct _TestStream
{
  GInputStream parent_instance;
  GBytes *head;
  GBytes *tail;
  char filler;
  guint64 n_filler;
  guint64 pos;
  gboolean trickle;
  guint n_reads;
};

G_DEFINE_FINAL_TYPE (TestStream, test_stream, G_TYPE_INPUT_STREAM)

static gssize
test_stream_read (GInputStream  *stream,
                  void          *buffer,
                  gsize          count,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const guint sizes[] = { 1, 3, 2, 7, 1, 5, 4, 6, 2, 1 };
  TestStream *self = TEST_STREAM (stream);
  gsize head_len = g_bytes_get_size (self->head);
  gsize tail_len = g_bytes_get_size (self->tail);
  guint64 total = head_len + self->n_filler + tail_len;
  char *out = buffer;
  gsize n = 0;

  if (self->trickle)
    count = MIN (count, sizes[self->n_reads++ % G_N_ELEMENTS (sizes)]);

  while (n < count && self->pos < total)
    {
      if (self->pos < head_len)
        {
          out[n] = ((const char *) g_bytes_get_data (self->head, NULL))[self->pos];
        }
      else if (self->pos < head_len + self->n_filler)
        {
          gsize run = MIN (count - n, head_len + self->n_filler - self->pos);

          memset (out + n, self->filler, run);
          n += run;
          self->pos += run;
          continue;
        }
      else
        {
          out[n] = ((const char *) g_bytes_get_data (self->tail, NULL))
                     [self->pos - head_len - self->n_filler];
        }
      n++;
      self->pos++;
    }

  return n;
}

static void
test_stream_finalize (GObject *object)
{
  TestStream *self = TEST_STREAM (object);

  g_clear_pointer (&self->head, g_bytes_unref);
  g_clear_pointer (&self->tail, g_bytes_unref);

  G_OBJECT_CLASS (test_stream_parent_class)->finalize (object);
}

static void
test_stream_class_init (TestStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_stream_read;
}

static void
test_stream_init (TestStream *self)
{
}

static GInputStream *
test_stream_new (const char *head,
                 gsize       head_len,
                 char        filler,
                 guint64     n_filler,
                 const char *tail,
                 gsize       tail_len,
                 gboolean    trickle)
{
  TestStream *self = g_object_new (TEST_TYPE_STREAM, NULL);

  self->head = g_bytes_new (head, head_len);
  self->tail = g_bytes_new (tail, tail_len);
  self->filler = filler;
  self->n_filler = n_filler;
  self->trickle = trickle;

  return G_INPUT_STREAM (self);
}

static GInputStream *
trickle_stream_new (const char *data,
                    gsize       len)
{
  return test_stream_new (data, len, 0, 0, "", 0, TRUE);
}

static GInputStream *
memory_stream_new (const char *data,
                   gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return g_memory_input_stream_new_from_bytes (bytes);
}

static void
append_escaped (GString    *out,
                const char *field)
{
  const char *p;

  for (p = field; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else
        g_string_append_c (out, *p);
    }
}

/* Reads every record as “line:field|field / line:field…” (line breaks in fields as
 * \n and \r), until the end or an error. */
static char *
read_all (KsCsvReader  *reader,
          GError      **error)
{
  GString *out = g_string_new (NULL);
  GPtrArray *fields = NULL;
  guint64 line;

  while (ks_csv_reader_next (reader, &fields, &line, NULL, error))
    {
      guint i;

      g_assert_cmpuint (fields->len, >=, 1);
      g_assert_null (fields->pdata[fields->len]);
      if (out->len > 0)
        g_string_append (out, " / ");
      g_string_append_printf (out, "%" G_GUINT64_FORMAT ":", line);
      for (i = 0; i < fields->len; i++)
        {
          g_assert_true (g_utf8_validate (fields->pdata[i], -1, NULL));
          if (i > 0)
            g_string_append_c (out, '|');
          append_escaped (out, fields->pdata[i]);
        }
    }
  g_assert_null (fields);

  return g_string_free (out, FALSE);
}

/* The data files: the same accounts in every encoding and separator. */
static void
test_files (void)
{
  static const struct {
    const char *file;
    KsCsvEncoding encoding;
    char separator;
  } cases[] = {
    { "accounts-utf8.csv", KS_CSV_ENCODING_UTF8, ',' },
    { "accounts-utf8-bom.csv", KS_CSV_ENCODING_UTF8, ',' },
    { "accounts-semicolon.csv", KS_CSV_ENCODING_UTF8, ';' },
    { "accounts-tab.csv", KS_CSV_ENCODING_UTF8, '\t' },
    { "accounts-gb18030.csv", KS_CSV_ENCODING_GB18030, ',' },
    { "accounts-utf16le.csv", KS_CSV_ENCODING_UTF16LE, '\t' },
    { "accounts-utf16be.csv", KS_CSV_ENCODING_UTF16BE, ',' },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *path = g_test_get_filename (G_TEST_DIST, "data", cases[i].file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(KsCsvReader) reader = NULL;
      g_autoptr(KsCsvReader) trickled = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *records = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

      reader = ks_csv_reader_new_for_path (path, NULL, &error);
      assert_case (reader != NULL, cases[i].file, "%s", error->message);
      assert_case (ks_csv_reader_get_encoding (reader) == cases[i].encoding, cases[i].file,
                   "encoding %d", ks_csv_reader_get_encoding (reader));
      assert_case (ks_csv_reader_get_separator (reader) == cases[i].separator, cases[i].file,
                   "separator “%c”", ks_csv_reader_get_separator (reader));
      records = read_all (reader, &error);
      assert_case (error == NULL, cases[i].file, "%s", error->message);
      assert_case (g_str_equal (records, ACCOUNTS), cases[i].file, "read %s", records);
      assert_case (ks_csv_reader_get_position (reader) == len, cases[i].file,
                   "position %" G_GUINT64_FORMAT " of %" G_GSIZE_FORMAT,
                   ks_csv_reader_get_position (reader), len);
      g_clear_pointer (&records, g_free);

      /* A few bytes per read: reads end inside characters and quoted fields. */
      stream = trickle_stream_new (contents, len);
      trickled = ks_csv_reader_new (stream, NULL, &error);
      g_assert_no_error (error);
      assert_case (ks_csv_reader_get_encoding (trickled) == cases[i].encoding, cases[i].file,
                   "trickled encoding %d", ks_csv_reader_get_encoding (trickled));
      records = read_all (trickled, &error);
      assert_case (error == NULL, cases[i].file, "%s", error->message);
      assert_case (g_str_equal (records, ACCOUNTS), cases[i].file, "trickled %s", records);
    }
}

static void
test_separators (void)
{
  static const struct {
    const char *name;
    const char *input;
    char separator;
  } cases[] = {
    { "comma", "a,b,c\n1,2,3\n", ',' },
    { "semicolon", "a;b;c\n1;2;3\n", ';' },
    { "tab", "a\tb\tc\n1\t2\t3\n", '\t' },
    { "single column", "Name\nAcme\nBeta\n", ',' },
    { "empty file", "", ',' },
    { "only empty lines", "\n\r\n\n", ',' },
    { "tie is a comma", "a,b;c\n", ',' },
    { "decimal commas", "Name;Amount\nAcme;1,5\nBeta;2\nGamma;3,25\n", ';' },
    { "commas in quotes", "Name;Notes\n\"A, B\";\"x, y, z\"\n\"C, D\";e\n", ';' },
    { "commas in text", "Name\tNotes\nAcme\tbig, old\nBeta\tnew, small, far\n", '\t' },
    { "most lines win", "a,b;c\nd,e\nf,g\nh;i\n", ',' },
    { "higher count on a tie", "a;b;c,d\ne;f;g,h\n", ';' },
    { "ragged", "a,b,c\nd,e\nf,g,h\nj,k,l\n", ',' },
    { "quote inside a field", "5\" screen;Acme\n7\" screen;Beta\n", ';' },
    { "last line cut", "a;b\nc;d\ne,f,g", ';' },
    { "multi-line field", "a\tb\n\"x\ny\"\tz\n", '\t' },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = memory_stream_new (cases[i].input,
                                                          strlen (cases[i].input));
      g_autoptr(GError) error = NULL;
      g_autoptr(KsCsvReader) reader = ks_csv_reader_new (stream, NULL, &error);

      g_assert_no_error (error);
      assert_case (ks_csv_reader_get_separator (reader) == cases[i].separator,
                   cases[i].name, "separator “%c”", ks_csv_reader_get_separator (reader));
    }
}

static void
test_records (void)
{
  static const struct {
    const char *name;
    const char *input;
    gsize len;
    const char *records;
  } cases[] = {
    { "LF", BYTES ("a,b\nc,d\n"), "1:a|b / 2:c|d" },
    { "CRLF", BYTES ("a,b\r\nc,d\r\n"), "1:a|b / 2:c|d" },
    { "CR", BYTES ("a,b\rc,d\r"), "1:a|b / 2:c|d" },
    { "mixed line ends", BYTES ("a\r\nb\nc\rd"), "1:a / 2:b / 3:c / 4:d" },
    { "no last line end", BYTES ("a,b\nc,d"), "1:a|b / 2:c|d" },
    { "quoted separator", BYTES ("\"a,b\",c\n"), "1:a,b|c" },
    { "doubled quotes", BYTES ("\"say \"\"hi\"\"\",x\n"), "1:say \"hi\"|x" },
    { "only a quote", BYTES ("\"\"\"\",x\n"), "1:\"|x" },
    { "empty quoted", BYTES ("\"\",x\n"), "1:|x" },
    { "LF in quotes", BYTES ("a,\"x\ny\"\nb,c\n"), "1:a|x\\ny / 3:b|c" },
    { "CRLF in quotes", BYTES ("a,\"x\r\ny\"\r\nb,c\r\n"), "1:a|x\\r\\ny / 3:b|c" },
    { "CR in quotes", BYTES ("a,\"x\ry\"\rb,c\r"), "1:a|x\\ry / 3:b|c" },
    { "many breaks in quotes", BYTES ("\"1\n2\n\n3\"\nb\n\"\n\"\nc\n"),
      "1:1\\n2\\n\\n3 / 5:b / 6:\\n / 8:c" },
    { "quoted line ends at the end", BYTES ("a,\"b\"\r\n"), "1:a|b" },
    { "empty lines skipped", BYTES ("a\n\n\nb\r\n\r\nc\r\rd\n"), "1:a / 4:b / 6:c / 8:d" },
    { "leading empty lines", BYTES ("\n\r\na,b\n"), "3:a|b" },
    { "trailing empty lines", BYTES ("a,b\nc,d\n\n\n\r\n"), "1:a|b / 2:c|d" },
    { "trailing empty columns", BYTES ("a,b,,\nc,d,,\n"), "1:a|b|| / 2:c|d||" },
    { "trailing separator at the end", BYTES ("a,b,"), "1:a|b|" },
    { "only separators", BYTES ("a,b,c\n,,\n"), "1:a|b|c / 2:||" },
    { "ragged rows", BYTES ("a,b,c\nd\ne,f\ng,h,i,j\n"), "1:a|b|c / 2:d / 3:e|f / 4:g|h|i|j" },
    { "quote inside a field", BYTES ("ab\"c,d\"\n"), "1:ab\"c|d\"" },
    { "text after the closing quote", BYTES ("\"ab\"c,d\n"), "1:abc|d" },
    { "quote after the closing quote", BYTES ("\"ab\"c\"d,e\n"), "1:abc\"d|e" },
    { "spaces kept", BYTES (" a , b \n"), "1: a | b " },
    { "space before a quote", BYTES ("a, \"b\"\n"), "1:a| \"b\"" },
    { "closed at the end", BYTES ("a,\"b\""), "1:a|b" },
    { "BOM", BYTES ("\xef\xbb\xbf" "Name,Region\nAcme,华东\n"), "1:Name|Region / 2:Acme|华东" },
    { "only a BOM", BYTES ("\xef\xbb\xbf"), "" },
    { "empty", BYTES (""), "" },
    { "only line ends", BYTES ("\r\n\n\r"), "" },
    { "Chinese", BYTES ("客户名称,年采购额\n华东精密,120万\n"),
      "1:客户名称|年采购额 / 2:华东精密|120万" },
    { "four-byte characters", BYTES ("😀,𠀋\n"), "1:😀|𠀋" },
    { "semicolons", BYTES ("a;\"b;c\";d\n1;2;3\n"), "1:a|b;c|d / 2:1|2|3" },
    { "tabs", BYTES ("a\t\"b\tc\"\n1\t2\n"), "1:a|b\tc / 2:1|2" },
    { "tabs in comma fields", BYTES ("name,note\nAcme Corporation\twith a tab inside,x\n"),
      "1:name|note / 2:Acme Corporation\twith a tab inside|x" },
    { "control characters", BYTES ("a\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e,b\n"),
      "1:a\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e|b" },
    { "long fields", BYTES ("Precision Machinery Company,Manufacturing and trade\n"
                            "\"Quoted, and much longer than eight bytes\",華東精密機械有限公司\n"),
      "1:Precision Machinery Company|Manufacturing and trade / "
      "2:Quoted, and much longer than eight bytes|華東精密機械有限公司" },
    { "commas kept with tabs", BYTES ("a\tb\tc,d\ne\tf\tg,h\n"), "1:a|b|c,d / 2:e|f|g,h" },
    { "UTF-16LE", BYTES ("\xff\xfe" "a\0,\0b\0\r\0\n\0\x2d\x4e,\0\n\0"),
      "1:a|b / 2:中|" },
    { "UTF-16BE", BYTES ("\xfe\xff" "\0a\0,\0b\0\n\0\n\x4e\x2d\0\n"), "1:a|b / 3:中" },
    { "UTF-16 surrogate pair", BYTES ("\xff\xfe" "\x3d\xd8\x00\xde\n\0"), "1:😀" },
    { "GB18030", BYTES ("\xd6\xd0\xce\xc4,\x81\x30\x84\x36" "1\r\n"), "1:中文|¥1" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = memory_stream_new (cases[i].input, cases[i].len);
      g_autoptr(GInputStream) trickle = trickle_stream_new (cases[i].input, cases[i].len);
      g_autoptr(GError) error = NULL;
      g_autoptr(KsCsvReader) reader = NULL;
      g_autoptr(KsCsvReader) trickled = NULL;
      g_autofree char *records = NULL;
      g_autofree char *trickled_records = NULL;

      reader = ks_csv_reader_new (stream, NULL, &error);
      assert_case (reader != NULL, cases[i].name, "%s", error->message);
      records = read_all (reader, &error);
      assert_case (error == NULL, cases[i].name, "%s", error->message);
      assert_case (g_str_equal (records, cases[i].records), cases[i].name, "read %s", records);
      assert_case (ks_csv_reader_get_position (reader) == cases[i].len, cases[i].name,
                   "position %" G_GUINT64_FORMAT, ks_csv_reader_get_position (reader));
      /* At the end, it stays at the end. */
      assert_case (!ks_csv_reader_next (reader, (GPtrArray *[]) { NULL }, NULL, NULL, &error)
                   && error == NULL, cases[i].name, "read past the end");

      trickled = ks_csv_reader_new (trickle, NULL, &error);
      assert_case (trickled != NULL, cases[i].name, "%s", error->message);
      trickled_records = read_all (trickled, &error);
      assert_case (error == NULL, cases[i].name, "trickled: %s", error->message);
      assert_case (g_str_equal (trickled_records, cases[i].records), cases[i].name,
                   "trickled %s", trickled_records);
    }
}

static void
test_malformed (void)
{
  static const struct {
    const char *name;
    const char *input;
    gsize len;
    const char *records;  /* what is read before the error */
    const char *message;  /* what the error's message starts with */
  } cases[] = {
    { "unterminated quote", BYTES ("Name,Notes\nAcme,\"never\nclosed\nat all\n"),
      "1:Name|Notes", "Line 2: the quote (\") that opens a field here is never closed." },
    { "unterminated after a quoted line break", BYTES ("a,b\n\"x\ny\",c\nd,\"open\n"),
      "1:a|b / 2:x\\ny|c", "Line 4:" },
    { "unterminated at the end", BYTES ("a,\""), "", "Line 1:" },
    { "NUL byte", BYTES ("Name\nAc\0me\n"), "1:Name",
      "Line 2 contains a NUL byte; this is not a text file." },
    { "NUL byte in quotes", BYTES ("a\n\"x\ny\0\"\n"), "1:a", "Line 3 contains a NUL" },
    { "NUL byte after a quote", BYTES ("\"a\"\0"), "", "Line 1 contains a NUL" },
    { "NUL byte at the start", BYTES ("\0"), "", "Line 1 contains a NUL" },
    { "NUL after a separator", BYTES ("a\nb,\0"), "1:a", "Line 2 contains a NUL" },
    { "UTF-16 without a BOM", BYTES ("N\0a\0m\0e\0\n\0"), "", "Line 1 contains a NUL" },
    { "neither UTF-8 nor GB18030", BYTES ("Name,Region\nAcme,\x80\xff North\n"), NULL,
      "The file is neither UTF-8, UTF-16 nor GB18030 text. Save it from the "
      "spreadsheet as “CSV UTF-8”." },
    { "cut GB18030 at the end", BYTES ("\xd6\xd0\n\x81\x30\x84"), NULL, "The file is neither" },
    { "odd UTF-16 length", BYTES ("\xff\xfe" "a\0\n\0b"), "1:a",
      "Line 2 has bytes that are not valid UTF-16LE text." },
    { "UTF-16 lone surrogate", BYTES ("\xff\xfe" "a\0\n\0\x00\xd8" "b\0"), "1:a",
      "Line 2 has bytes that are not valid UTF-16LE" },
    { "UTF-16BE NUL", BYTES ("\xfe\xff" "\0a\0\n\0\0"), "1:a", "Line 2 contains a NUL" },
    { "UTF-8 after a BOM", BYTES ("\xef\xbb\xbf" "a\n\n\xd6\xd0\n"), "1:a",
      "Line 3 has bytes that are not valid UTF-8 text." },
    { "cut UTF-8 after a BOM", BYTES ("\xef\xbb\xbf" "a\n\xe4\xb8"), "1:a", "Line 2 has bytes" },
    { "GB18030 invalid", BYTES ("\xd6\xd0\n\xd6\xd0\x80\n"), NULL, "The file is neither" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint pass;

      for (pass = 0; pass < 2; pass++)
        {
          g_autoptr(GInputStream) stream = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GError) again = NULL;
          g_autoptr(KsCsvReader) reader = NULL;
          g_autofree char *records = NULL;
          GPtrArray *fields = NULL;

          if (pass == 0)
            stream = memory_stream_new (cases[i].input, cases[i].len);
          else
            stream = trickle_stream_new (cases[i].input, cases[i].len);

          reader = ks_csv_reader_new (stream, NULL, &error);
          if (cases[i].records == NULL)
            {
              assert_case (reader == NULL, cases[i].name, "opened");
            }
          else
            {
              assert_case (reader != NULL, cases[i].name, "%s", error->message);
              records = read_all (reader, &error);
              assert_case (g_str_equal (records, cases[i].records), cases[i].name,
                           "read %s", records);
            }
          assert_case (g_error_matches (error, KS_ERROR, KS_ERROR_INVALID), cases[i].name,
                       "no error");
          assert_case (g_str_has_prefix (error->message, cases[i].message), cases[i].name,
                       "message “%s”", error->message);

          /* Once failed, it keeps failing the same way. */
          if (reader != NULL)
            {
              assert_case (!ks_csv_reader_next (reader, &fields, NULL, NULL, &again)
                           && g_error_matches (again, KS_ERROR, KS_ERROR_INVALID)
                           && g_str_equal (again->message, error->message),
                           cases[i].name, "not failed again");
            }
        }
    }
}

static void
test_not_text_path (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "not-text.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsCsvReader) reader = ks_csv_reader_new_for_path (path, NULL, &error);

  g_assert_null (reader);
  g_assert_error (error, KS_ERROR, KS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“not-text.csv” is neither UTF-8, UTF-16 nor GB18030 text. Save it from "
                   "the spreadsheet as “CSV UTF-8”.");

  g_clear_error (&error);
  reader = ks_csv_reader_new_for_path ("/nonexistent/accounts.csv", NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Invalid bytes past the 64 KiB sample: found where they are, with their line. */
static void
test_invalid_late (void)
{
  static const struct {
    const char *name;
    const char *bad;
  } cases[] = {
    { "invalid byte", "Bad,\x80\n" },
    { "GB18030 in UTF-8", "Bad,\xd6\xd0\n" },
    { "overlong", "Bad,\xc0\xaf\n" },
    { "surrogate", "Bad,\xed\xa0\x80\n" },
    { "past U+10FFFF", "Bad,\xf4\x90\x80\x80\n" },
    { "cut", "Bad,\xe4\xb8\n" },
    { "first field", "\x80,Bad\n" },
    { "quoted", "Bad,\"quoted \xd6\xd0 text\"\n" },
    { "after a quote", "Bad,\"quoted\"\xff\n" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) input = g_string_new ("Name,Notes\n");
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(KsCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      GPtrArray *fields;
      guint64 line = 0;
      guint n_records;
      guint pass;
      guint j;

      for (j = 0; j < 3000; j++)
        g_string_append (input, "Acme 华东,\"some text, to fill the sample\"\n");
      g_string_append (input, cases[i].bad);
      g_string_append (input, "After,it\n");
      g_assert_cmpuint (input->len, >, 2 * 64 * 1024);

      expected = g_strdup_printf ("Line %u has bytes that are not valid UTF-8 text.", 3002);

      for (pass = 0; pass < 2; pass++)
        {
          if (pass == 0)
            stream = memory_stream_new (input->str, input->len);
          else
            stream = trickle_stream_new (input->str, input->len);
          reader = ks_csv_reader_new (stream, NULL, &error);
          g_assert_no_error (error);
          assert_case (ks_csv_reader_get_encoding (reader) == KS_CSV_ENCODING_UTF8,
                       cases[i].name, "not UTF-8");
          n_records = 0;
          while (ks_csv_reader_next (reader, &fields, &line, NULL, &error))
            n_records++;
          assert_case (n_records == 3001, cases[i].name, "%u records", n_records);
          assert_case (error != NULL, cases[i].name, "no error");
          assert_case (g_str_has_prefix (error->message, expected), cases[i].name,
                       "message “%s”", error->message);
          g_clear_error (&error);
          g_clear_pointer (&reader, ks_csv_reader_free);
          g_clear_object (&stream);
        }
    }
}

/* The 64 KiB sample ends inside a character: still detected, and read whole. */
static void
test_sample_boundary (void)
{
  static const struct {
    const char *name;
    const char *header;
    const char *character;
    const char *utf8;
    KsCsvEncoding encoding;
  } cases[] = {
    { "UTF-8", "Name,Notes\n", "\xe4\xb8\xad", "中", KS_CSV_ENCODING_UTF8 },
    { "UTF-8 four bytes", "Name,Notes\n", "\xf0\x9f\x98\x80", "😀", KS_CSV_ENCODING_UTF8 },
    /* 中文, so that the sample is not UTF-8 */
    { "GB18030", "Name,\xd6\xd0\xce\xc4\n", "\xd6\xd0", "中", KS_CSV_ENCODING_GB18030 },
    { "GB18030 four bytes", "Name,\xd6\xd0\xce\xc4\n", "\x81\x30\x84\x36", "¥",
      KS_CSV_ENCODING_GB18030 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) input = g_string_new (cases[i].header);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(KsCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *fields;
      guint64 line;
      gsize start;

      /* The character starts at the last byte of the sample, after ASCII. */
      g_string_append (input, "x,");
      start = input->len;
      while (input->len < 64 * 1024 - 1)
        g_string_append_c (input, 'y');
      g_string_append (input, cases[i].character);
      g_string_append (input, "\nlast,row\n");

      stream = memory_stream_new (input->str, input->len);
      reader = ks_csv_reader_new (stream, NULL, &error);
      assert_case (reader != NULL, cases[i].name, "%s", error->message);
      assert_case (ks_csv_reader_get_encoding (reader) == cases[i].encoding, cases[i].name,
                   "encoding %d", ks_csv_reader_get_encoding (reader));
      g_assert_true (ks_csv_reader_next (reader, &fields, &line, NULL, &error));
      g_assert_true (ks_csv_reader_next (reader, &fields, &line, NULL, &error));
      g_string_append_len (expected, input->str + start, 64 * 1024 - 1 - start);
      g_string_append (expected, cases[i].utf8);
      assert_case (fields->len == 2 && g_str_equal (fields->pdata[1], expected->str),
                   cases[i].name, "field of %zu bytes", strlen (fields->pdata[1]));
      g_assert_true (ks_csv_reader_next (reader, &fields, &line, NULL, &error));
      assert_case (line == 3 && g_str_equal (fields->pdata[0], "last"), cases[i].name,
                   "line %" G_GUINT64_FORMAT, line);
      g_assert_false (ks_csv_reader_next (reader, &fields, &line, NULL, &error));
      g_assert_no_error (error);
    }
}

/* A huge field is refused once past the limit, without reading the rest. */
static void
test_long_field (void)
{
  static const struct {
    const char *name;
    const char *head;
    guint64 n_filler;
    const char *tail;
    const char *message;  /* NULL: accepted */
  } cases[] = {
    { "10 MB quoted", "Name,Notes\nAcme,\"", 10 * 1000 * 1000, "\"\n",
      "Line 2 has a field longer than 1 MiB." },
    { "10 MB unquoted", "Name,Notes\n\nAcme,", 10 * 1000 * 1000, "\n",
      "Line 3 has a field longer than 1 MiB." },
    { "10 MB after a line break", "Name,Notes\nAcme,\"a\nb\n", 10 * 1000 * 1000, "\"\n",
      "Line 4 has a field longer than 1 MiB." },
    { "at the limit", "Name,Notes\nAcme,\"", KS_CSV_FIELD_MAX, "\"\n", NULL },
    { "at the limit, unquoted", "Name,Notes\nAcme,", KS_CSV_FIELD_MAX, "", NULL },
    { "one byte over", "Name,Notes\nAcme,", KS_CSV_FIELD_MAX + 1, "\n",
      "Line 2 has a field longer than 1 MiB." },
    { "doubled quotes count once", "Name,Notes\nAcme,\"\"\"", KS_CSV_FIELD_MAX - 1, "\"\n",
      NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(KsCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *fields;
      guint64 line;

      stream = test_stream_new (cases[i].head, strlen (cases[i].head), 'x', cases[i].n_filler,
                                cases[i].tail, strlen (cases[i].tail), FALSE);
      reader = ks_csv_reader_new (stream, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (ks_csv_reader_next (reader, &fields, &line, NULL, &error));

      if (cases[i].message == NULL)
        {
          assert_case (ks_csv_reader_next (reader, &fields, &line, NULL, &error),
                       cases[i].name, "%s", error->message);
          assert_case (strlen (fields->pdata[1]) == KS_CSV_FIELD_MAX, cases[i].name,
                       "%zu bytes", strlen (fields->pdata[1]));
          g_assert_false (ks_csv_reader_next (reader, &fields, &line, NULL, &error));
          g_assert_no_error (error);
          continue;
        }

      assert_case (!ks_csv_reader_next (reader, &fields, &line, NULL, &error), cases[i].name,
                   "accepted");
      assert_case (g_error_matches (error, KS_ERROR, KS_ERROR_INVALID)
                   && g_str_equal (error->message, cases[i].message),
                   cases[i].name, "message “%s”", error ? error->message : "");
      /* It stopped at the limit: it never held, nor read, the whole field. */
      assert_case (ks_csv_reader_get_position (reader) < KS_CSV_FIELD_MAX + 2 * 64 * 1024,
                   cases[i].name, "read %" G_GUINT64_FORMAT " bytes",
                   ks_csv_reader_get_position (reader));
    }
}

static void
test_too_many_fields (void)
{
  static const struct {
    const char *name;
    guint n_fields;
    const char *end;
    gboolean accepted;
  } cases[] = {
    { "at the limit", KS_CSV_FIELDS_MAX, "\n", TRUE },
    { "at the limit, empty last", KS_CSV_FIELDS_MAX, "", TRUE },
    { "one too many", KS_CSV_FIELDS_MAX + 1, "\n", FALSE },
    { "one too many, empty last", KS_CSV_FIELDS_MAX + 1, "", FALSE },
    { "far too many", 100 * KS_CSV_FIELDS_MAX, "\n", FALSE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) input = g_string_new ("a\n\"b\nc\"\n");
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(KsCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *fields;
      guint64 line;
      guint j;

      for (j = 1; j < cases[i].n_fields; j++)
        g_string_append (input, "x,");
      g_string_append (input, cases[i].end);

      stream = memory_stream_new (input->str, input->len);
      reader = ks_csv_reader_new (stream, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (ks_csv_reader_next (reader, &fields, &line, NULL, &error));
      g_assert_true (ks_csv_reader_next (reader, &fields, &line, NULL, &error));
      if (cases[i].accepted)
        {
          assert_case (ks_csv_reader_next (reader, &fields, &line, NULL, &error),
                       cases[i].name, "%s", error->message);
          assert_case (fields->len == KS_CSV_FIELDS_MAX && line == 4, cases[i].name,
                       "%u fields on line %" G_GUINT64_FORMAT, fields->len, line);
        }
      else
        {
          assert_case (!ks_csv_reader_next (reader, &fields, &line, NULL, &error),
                       cases[i].name, "accepted");
          assert_case (error != NULL
                       && g_str_equal (error->message, "Line 4 has more than 1000 fields."),
                       cases[i].name, "message “%s”", error ? error->message : "");
        }
    }
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) input = g_string_new ("Name,Notes\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(KsCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint64 line;
  guint n_records = 0;
  guint i;

  for (i = 0; i < 100000; i++)
    g_string_append (input, "Acme,x\n");

  /* Before it starts. */
  g_cancellable_cancel (cancellable);
  stream = memory_stream_new (input->str, input->len);
  reader = ks_csv_reader_new (stream, cancellable, &error);
  g_assert_null (reader);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&stream);

  /* Half way: the records at hand come out, the next chunk is never read. */
  g_cancellable_reset (cancellable);
  stream = memory_stream_new (input->str, input->len);
  reader = ks_csv_reader_new (stream, cancellable, &error);
  g_assert_no_error (error);
  g_assert_true (ks_csv_reader_next (reader, &fields, &line, cancellable, &error));
  g_cancellable_cancel (cancellable);
  while (ks_csv_reader_next (reader, &fields, &line, cancellable, &error))
    n_records++;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_records, <, 64 * 1024 / 7 + 1);
  g_assert_cmpuint (ks_csv_reader_get_position (reader), <=, 64 * 1024);
}

/* Data at the end of a record beyond any size: nothing but the records held. */
static void
test_position (void)
{
  g_autoptr(GString) input = g_string_new ("Name,Notes\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(KsCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint64 line;
  guint64 last = 0;
  guint n_records = 0;
  guint i;

  for (i = 0; i < 50000; i++)
    g_string_append_printf (input, "Account %u,\"notes\nover two lines\"\r\n", i);

  stream = memory_stream_new (input->str, input->len);
  reader = ks_csv_reader_new (stream, NULL, &error);
  g_assert_no_error (error);
  while (ks_csv_reader_next (reader, &fields, &line, NULL, &error))
    {
      guint64 position = ks_csv_reader_get_position (reader);

      g_assert_cmpuint (position, >=, last);
      g_assert_cmpuint (position, <=, input->len);
      last = position;
      n_records++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, ==, 50001);
  g_assert_cmpuint (line, ==, 2 + 2 * 49999);
  g_assert_cmpuint (ks_csv_reader_get_position (reader), ==, input->len);
}

static void
test_append_field (void)
{
  static const struct {
    const char *name;
    const char *value;
    char separator;
    const char *expected;
  } cases[] = {
    { "plain", "Acme", ',', "Acme" },
    { "empty", "", ',', "" },
    { "NULL", NULL, ',', "" },
    { "Chinese", "华东精密", ',', "华东精密" },
    { "comma", "Acme, Inc.", ',', "\"Acme, Inc.\"" },
    { "comma with semicolons", "Acme, Inc.", ';', "Acme, Inc." },
    { "semicolon", "a;b", ';', "\"a;b\"" },
    { "semicolon with commas", "a;b", ',', "a;b" },
    { "tab", "a\tb", '\t', "\"a\tb\"" },
    { "tab with commas", "a\tb", ',', "a\tb" },
    { "quotes", "say \"hi\"", ',', "\"say \"\"hi\"\"\"" },
    { "only a quote", "\"", ',', "\"\"\"\"" },
    { "LF", "two\nlines", ',', "\"two\nlines\"" },
    { "CRLF", "two\r\nlines", ',', "\"two\r\nlines\"" },
    { "leading space", " Acme", ',', "\" Acme\"" },
    { "trailing space", "Acme ", ',', "\"Acme \"" },
    { "inner space", "Acme Inc", ',', "Acme Inc" },
    { "formula", "=SUM(A1:A9)", ',', "'=SUM(A1:A9)" },
    { "plus", "+86 21 5555", ',', "'+86 21 5555" },
    { "minus", "-5", ',', "'-5" },
    { "at", "@cmd", ',', "'@cmd" },
    { "leading tab", "\tx", ',', "'\tx" },
    { "leading tab, tab separator", "\tx", '\t', "\"'\tx\"" },
    { "leading CR", "\rx", ',', "\"'\rx\"" },
    { "formula and comma", "=1,2", ',', "\"'=1,2\"" },
    { "formula and quote", "=\"a\"", ';', "\"'=\"\"a\"\"\"" },
    { "equals inside", "a=b", ',', "a=b" },
    { "minus inside", "1-2", ',', "1-2" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("prefix|");

      ks_csv_append_field (out, cases[i].value, cases[i].separator);
      assert_case (g_str_has_prefix (out->str, "prefix|")
                   && g_str_equal (out->str + 7, cases[i].expected),
                   cases[i].name, "wrote “%s”", out->str + 7);
    }
}

/* What the importer does with a neutralised cell. */
static const char *
strip_apostrophe (const char *field)
{
  if (field[0] == '\'' && field[1] != '\0' && strchr ("=+-@\t\r", field[1]) != NULL)
    return field + 1;
  return field;
}

static void
test_round_trip (void)
{
  static const char * const values[] = {
    "Acme", "华东精密机械有限公司", "Acme, Inc.", "a;b", "a\tb", "say \"hi\"", "\"",
    "\"\"", "two\nlines", "two\r\nlines", "cr\r", "\r", "\n", " lead", "trail ", " ",
    "=SUM(A1:A9)", "+86", "-1,5", "@x", "\t=1", "\rx", "'plain'", "😀 𠀋", "", ",,,",
    "\"a\",\"b\"", "a\"b", "end\"",
  };
  static const char separators[] = { ',', ';', '\t' };
  guint s;

  for (s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GInputStream) trickle = NULL;
      KsCsvReader *readers[2];
      guint r;
      guint i;

      /* As the exporter writes: BOM, CRLF, a header, the same number of fields. */
      ks_csv_append_field (out, "Id", separators[s]);
      g_string_append_c (out, separators[s]);
      ks_csv_append_field (out, "Value", separators[s]);
      g_string_append_c (out, separators[s]);
      ks_csv_append_field (out, "End", separators[s]);
      g_string_append (out, "\r\n");
      for (i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *id = g_strdup_printf ("%u", i);

          ks_csv_append_field (out, id, separators[s]);
          g_string_append_c (out, separators[s]);
          ks_csv_append_field (out, values[i], separators[s]);
          g_string_append_c (out, separators[s]);
          ks_csv_append_field (out, "end", separators[s]);
          g_string_append (out, "\r\n");
        }

      stream = memory_stream_new (out->str, out->len);
      trickle = trickle_stream_new (out->str, out->len);
      readers[0] = ks_csv_reader_new (stream, NULL, NULL);
      readers[1] = ks_csv_reader_new (trickle, NULL, NULL);

      for (r = 0; r < G_N_ELEMENTS (readers); r++)
        {
          g_autoptr(GError) error = NULL;
          GPtrArray *fields;
          guint64 line;

          g_assert_nonnull (readers[r]);
          g_assert_cmpint (ks_csv_reader_get_separator (readers[r]), ==, separators[s]);
          g_assert_true (ks_csv_reader_next (readers[r], &fields, &line, NULL, &error));
          g_assert_cmpstr (fields->pdata[1], ==, "Value");
          for (i = 0; i < G_N_ELEMENTS (values); i++)
            {
              g_autofree char *id = g_strdup_printf ("%u", i);

              assert_case (ks_csv_reader_next (readers[r], &fields, &line, NULL, &error),
                           values[i], "%s", error ? error->message : "end");
              assert_case (fields->len == 3, values[i], "%u fields", fields->len);
              assert_case (g_str_equal (fields->pdata[0], id), values[i], "id %s",
                           (char *) fields->pdata[0]);
              assert_case (g_str_equal (strip_apostrophe (fields->pdata[1]), values[i]),
                           values[i], "read back “%s”", (char *) fields->pdata[1]);
              assert_case (g_str_equal (fields->pdata[2], "end"), values[i], "end “%s”",
                           (char *) fields->pdata[2]);
            }
          g_assert_false (ks_csv_reader_next (readers[r], &fields, &line, NULL, &error));
          g_assert_no_error (error);
          ks_csv_reader_free (readers[r]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/csv/files", test_files);
  g_test_add_func ("/keystone/csv/separators", test_separators);
  g_test_add_func ("/keystone/csv/records", test_records);
  g_test_add_func ("/keystone/csv/malformed", test_malformed);
  g_test_add_func ("/keystone/csv/not-text-path", test_not_text_path);
  g_test_add_func ("/keystone/csv/invalid-late", test_invalid_late);
  g_test_add_func ("/keystone/csv/sample-boundary", test_sample_boundary);
  g_test_add_func ("/keystone/csv/long-field", test_long_field);
  g_test_add_func ("/keystone/csv/too-many-fields", test_too_many_fields);
  g_test_add_func ("/keystone/csv/cancel", test_cancel);
  g_test_add_func ("/keystone/csv/position", test_position);
  g_test_add_func ("/keystone/csv/append-field", test_append_field);
  g_test_add_func ("/keystone/csv/round-trip", test_round_trip);

  return g_test_run ();
}
