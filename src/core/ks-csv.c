/* ks-csv.c — CSV as spreadsheets really write it: streamed, never trusted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three layers, each working on one chunk at a time so that memory stays at the chunk
 * plus the current record whatever the size of the file:
 *
 *  1. raw bytes read from the stream into `in` (64 KiB at most per read);
 *  2. text: UTF-8 is handed on as it is, the other encodings are converted with iconv
 *     into `out`; a character cut by the end of a read waits in `in` for the rest of
 *     its bytes;
 *  3. a byte-level RFC 4180 state machine over that text. Every byte it acts on is
 *     ASCII; it checks the UTF-8 characters as it passes over them. Fields go one
 *     after the other into one buffer, each ending with a NUL, and the array handed
 *     to the caller points into it: after the first records no record allocates.
 *
 * Invalid text and NUL bytes are reported by the parser when it reaches them, so the
 * line in the message is the line of the bad byte.
 *
 * Speed: the scan of a field looks at eight bytes at a time, and a run of unquoted
 * fields is copied in one piece, its separators overwritten with NULs. A 10 MB file
 * parses in a few tens of milliseconds.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ks-csv.h"
#include "ks-error.h"

/* What one read asks for; also the sample the encoding and separator come from. */
#define CHUNK_SIZE (64 * 1024)
/* Room in `in` past a chunk for the bytes of a character cut by the previous read. */
#define CARRY_MAX 16
/* UTF-16 and GB18030 grow by half at most on their way to UTF-8. */
#define OUT_SIZE (2 * CHUNK_SIZE)
/* Records of the sample that vote for a separator. */
#define DETECT_LINES 100

/* Eight bytes at a time: a byte repeated, and the high bit of each byte. */
#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)
/* The bytes of @x that are zero have their high bit set; the lowest such byte is
 * exact, bytes above it may be false alarms. */
#define ZERO_BYTES(x) (((x) - ONES) & ~(x) & HIGHS)
/* The same for the bytes below @n (up to 128). */
#define BYTES_BELOW(x, n) (((x) - ONES * (n)) & ~(x) & HIGHS)

typedef enum
{
  STATE_RECORD_START,   /* before a record: line breaks here are empty lines */
  STATE_FIELD_START,    /* at the first byte of a field */
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE,          /* after a quote inside a quoted field: doubled or closing */
} State;

typedef enum
{
  STEP_MORE,            /* the text ran out inside a record */
  STEP_RECORD,          /* a record is complete */
  STEP_ERROR,
} Step;

struct _KsCsvReader
{
  GInputStream *stream;
  KsCsvEncoding encoding;
  char separator;
  GIConv cd;                  /* (GIConv) -1 for UTF-8 */

  guint8 *in;                 /* CHUNK_SIZE + CARRY_MAX */
  gsize in_pos;
  gsize in_len;
  gboolean in_eof;
  guint64 n_read;             /* bytes read from the stream */

  char *out;                  /* OUT_SIZE; NULL for UTF-8 */
  /* Decoded text: into `in` for UTF-8, else `out`. The parser writes over the
   * separators it has used. */
  guint8 *text;
  gsize text_pos;
  gsize text_len;

  /* Bytes that interrupt the scan of an unquoted or a quoted field. */
  guint8 unquoted_stop[256];
  guint8 quoted_stop[256];

  State state;
  gboolean prev_cr;           /* the last byte was a CR: a LF now ends no new line */
  guint64 line;               /* physical line of the next byte, 1-based */
  guint64 record_line;
  guint64 field_line;         /* where the current quoted field opened */

  /* The fields of the current record, each followed by a NUL. Kept by hand rather than
   * in a GString: appending is the inner loop of the whole import. */
  char *record;
  gsize record_len;
  gsize record_size;
  gsize starts[KS_CSV_FIELDS_MAX];  /* where each field starts in record */
  guint n_fields;
  GPtrArray *fields;          /* NULL-terminated, into record */

  gboolean done;
  GError *error;              /* once failed, every later call fails the same way */
};

static const char *
encoding_name (KsCsvEncoding encoding)
{
  switch (encoding)
    {
    case KS_CSV_ENCODING_UTF8:
      return "UTF-8";
    case KS_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case KS_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case KS_CSV_ENCODING_GB18030:
      return "GB18030";
    default:
      g_assert_not_reached ();
    }
}

/* The length of the valid UTF-8 character at @p, or 0 when it is not one. *@incomplete
 * tells whether it is the start of a valid character cut short by @end. */
static gsize
utf8_char_len_slow (const guint8 *p,
                    const guint8 *end,
                    gboolean     *incomplete)
{
  guint8 c = *p;
  guint8 lo = 0x80;
  guint8 hi = 0xbf;
  gsize need;
  gsize k;

  *incomplete = FALSE;

  if (c < 0x80)
    return 1;
  else if (c < 0xc2)
    return 0;
  else if (c < 0xe0)
    need = 1;
  else if (c < 0xf0)
    {
      need = 2;
      if (c == 0xe0)
        lo = 0xa0;          /* overlong */
      else if (c == 0xed)
        hi = 0x9f;          /* surrogates */
    }
  else if (c < 0xf5)
    {
      need = 3;
      if (c == 0xf0)
        lo = 0x90;          /* overlong */
      else if (c == 0xf4)
        hi = 0x8f;          /* past U+10FFFF */
    }
  else
    return 0;

  for (k = 1; k <= need; k++)
    {
      if (p + k == end)
        {
          *incomplete = TRUE;
          return 0;
        }
      if (p[k] < lo || p[k] > hi)
        return 0;
      lo = 0x80;
      hi = 0xbf;
    }

  return need + 1;
}

/* The same, quicker for Chinese: mostly three bytes from E1 to EC, without special
 * cases. An incomplete character is not valid here. */
static inline gsize
utf8_char_len (const guint8 *p,
               const guint8 *end)
{
  gboolean incomplete;

  if ((guint8) (*p - 0xe1) < 0x0c && end - p >= 3
      && ((p[1] ^ 0x80) | (p[2] ^ 0x80)) < 0x40)
    return 3;

  return utf8_char_len_slow (p, end, &incomplete);
}

/* The length of the longest prefix of @s made of whole, valid UTF-8 characters
 * (NUL included: the parser refuses it with a better message). *@incomplete tells
 * whether what follows is the start of a valid character cut short. */
static gsize
utf8_valid_prefix (const guint8 *s,
                   gsize         len,
                   gboolean     *incomplete)
{
  const guint8 *p = s;
  const guint8 *end = s + len;

  *incomplete = FALSE;

  while (p < end)
    {
      gsize n;

      if (*p < 0x80)
        {
          /* Spreadsheet text is mostly ASCII: eight bytes at a time. */
          while (end - p >= 8)
            {
              guint64 word;

              memcpy (&word, p, sizeof word);
              if (word & HIGHS)
                break;
              p += 8;
            }
          while (p < end && *p < 0x80)
            p++;
          continue;
        }
      n = utf8_char_len_slow (p, end, incomplete);
      if (n == 0)
        return p - s;
      p += n;
    }

  return len;
}

/* How many bytes at the end of @s are the start of a character that the next read
 * may complete: 0 to 3. Whether they are valid is the parser's business. */
static gsize
utf8_cut_tail (const guint8 *s,
               gsize         len)
{
  gsize back;

  for (back = 1; back <= 3 && back <= len; back++)
    {
      guint8 c = s[len - back];

      if (c < 0x80)
        return 0;
      if (c >= 0xc0)
        {
          gsize need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;

          return need > back ? back : 0;
        }
    }

  return 0;
}

static void
set_line_error (GError  **error,
                guint64   line,
                KsCsvEncoding encoding)
{
  g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
               /* Translators: %s is an encoding, such as “UTF-8” or “GB18030”. */
               _("Line %" PRIu64 " has bytes that are not valid %s text. Save the file "
                 "from the spreadsheet as “CSV UTF-8” and import it again."),
               (uint64_t) line, encoding_name (encoding));
}

/* Reads the next chunk after the bytes still waiting in `in`. */
static gboolean
read_more (KsCsvReader   *self,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize carry = self->in_len - self->in_pos;
  gssize n;

  g_assert (carry <= CARRY_MAX);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  memmove (self->in, self->in + self->in_pos, carry);
  self->in_pos = 0;
  self->in_len = carry;

  n = g_input_stream_read (self->stream, self->in + carry, CHUNK_SIZE, cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->in_eof = TRUE;
  self->in_len += n;
  self->n_read += n;

  return TRUE;
}

/* Makes more text available to the parser, once it has used all of the previous.
 * FALSE without an error at the end of the stream. */
static gboolean
fill_text (KsCsvReader   *self,
           GCancellable  *cancellable,
           GError       **error)
{
  g_assert (self->text_pos == self->text_len);

  for (;;)
    {
      gsize avail = self->in_len - self->in_pos;
      gboolean need_more = FALSE;

      if (avail > 0)
        {
          if (self->encoding == KS_CSV_ENCODING_UTF8)
            {
              gsize cut = self->in_eof ? 0 : utf8_cut_tail (self->in + self->in_pos, avail);

              if (cut < avail)
                {
                  self->text = self->in + self->in_pos;
                  self->text_pos = 0;
                  self->text_len = avail - cut;
                  self->in_pos += avail - cut;
                  return TRUE;
                }
              need_more = TRUE;
            }
          else
            {
              char *inbuf = (char *) self->in + self->in_pos;
              char *outbuf = self->out;
              gsize inleft = avail;
              gsize outleft = OUT_SIZE;
              gsize result;
              int saved_errno;

              result = g_iconv (self->cd, &inbuf, &inleft, &outbuf, &outleft);
              saved_errno = errno;
              self->in_pos = (guint8 *) inbuf - self->in;

              if (outbuf > self->out)
                {
                  self->text = (guint8 *) self->out;
                  self->text_pos = 0;
                  self->text_len = outbuf - self->out;
                  return TRUE;
                }
              if (result != (gsize) -1 || saved_errno == E2BIG)
                continue;   /* nothing written, yet input taken: try again */
              need_more = saved_errno == EINVAL;
            }

          if (!need_more || self->in_eof)
            {
              set_line_error (error, self->line, self->encoding);
              return FALSE;
            }
        }
      else if (self->in_eof)
        return FALSE;

      if (!read_more (self, cancellable, error))
        return FALSE;
    }
}

/* A new field, @offset bytes past what the record holds so far. */
static inline gboolean
start_field_at (KsCsvReader  *self,
                gsize         offset,
                GError      **error)
{
  if (G_UNLIKELY (self->n_fields == KS_CSV_FIELDS_MAX))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   _("Line %" PRIu64 " has more than %d fields."),
                   (uint64_t) self->line, KS_CSV_FIELDS_MAX);
      return FALSE;
    }
  self->starts[self->n_fields++] = self->record_len + offset;

  return TRUE;
}

static inline gboolean
start_field (KsCsvReader  *self,
             GError      **error)
{
  return start_field_at (self, 0, error);
}

/* Room for @len more bytes and a NUL. */
static inline void
reserve (KsCsvReader *self,
         gsize        len)
{
  if (G_UNLIKELY (self->record_len + len + 1 > self->record_size))
    {
      while (self->record_len + len + 1 > self->record_size)
        self->record_size *= 2;
      self->record = g_realloc (self->record, self->record_size);
    }
}

static inline void
end_field (KsCsvReader *self)
{
  reserve (self, 0);
  self->record[self->record_len++] = '\0';
}

/* Whether the last field may take @len more bytes than the record holds: checked
 * before growing, so that a huge field never takes more than the limit. */
static inline gboolean
check_length (KsCsvReader  *self,
              gsize         len,
              GError      **error)
{
  if (G_UNLIKELY (self->record_len + len - self->starts[self->n_fields - 1]
                  > KS_CSV_FIELD_MAX))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   _("Line %" PRIu64 " has a field longer than %d MiB."),
                   (uint64_t) self->line, KS_CSV_FIELD_MAX / (1024 * 1024));
      return FALSE;
    }

  return TRUE;
}

static inline void
append_unchecked (KsCsvReader  *self,
                  const guint8 *data,
                  gsize         len)
{
  reserve (self, len);
  memcpy (self->record + self->record_len, data, len);
  self->record_len += len;
}

static inline gboolean
append (KsCsvReader   *self,
        const guint8  *data,
        gsize          len,
        GError       **error)
{
  if (!check_length (self, len, error))
    return FALSE;
  append_unchecked (self, data, len);

  return TRUE;
}

static void
set_nul_error (KsCsvReader  *self,
               GError      **error)
{
  g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
               _("Line %" PRIu64 " contains a NUL byte; this is not a text file."),
               (uint64_t) self->line);
}

/* How many bytes come before the first flagged in @mask, in memory order; where that
 * is costly to know, 0 and the caller looks byte by byte. */
static inline guint
first_flagged (guint64 mask)
{
#if defined(__GNUC__) && G_BYTE_ORDER == G_LITTLE_ENDIAN
  return __builtin_ctzll (mask) / 8;
#else
  return 0;
#endif
}

/* Where the bytes that a field takes as they are end: at NUL, CR, LF or @special (the
 * separator, or the quote inside quotes), all flagged in @stop with every byte from
 * 0x80. Eight bytes at a time while there is nothing to look at; the characters
 * past 0x7f checked on the way, *@valid set to FALSE at one that is not UTF-8. */
static inline guint8 *
scan (guint8       *p,
      const guint8 *end,
      const guint8 *stop,
      guint64       special,
      gboolean     *valid)
{
  for (;;)
    {
      while (end - p >= 8)
        {
          guint64 word;
          guint64 mask;

          memcpy (&word, p, sizeof word);
          mask = (word & HIGHS) | BYTES_BELOW (word, '\r' + 1) | ZERO_BYTES (word ^ special);
          if (mask != 0)
            {
              p += first_flagged (mask);
              break;
            }
          p += 8;
        }
      if (end - p < 8)
        {
          while (p < end && !stop[*p])
            p++;
        }
      if (p == end)
        return p;
      if (*p >= 0x80)
        {
          /* Characters past 0x7f tend to come together, as in Chinese words. */
          do
            {
              gsize n = utf8_char_len (p, end);

              if (n == 0)
                {
                  *valid = FALSE;
                  return p;
                }
              p += n;
            }
          while (p < end && *p >= 0x80);
          continue;
        }
      if (stop[*p])
        return p;
      p++;    /* a control character that is no stop, such as a tab */
    }
}

/* Runs the state machine over the text at hand. */
static Step
parse (KsCsvReader  *self,
       GError      **error)
{
  guint8 *p = self->text + self->text_pos;
  const guint8 *end = self->text + self->text_len;
  const guint8 *run;
  State state = self->state;
  Step step = STEP_MORE;
  guint64 unquoted_special = ONES * (guint8) self->separator;
  gboolean valid = TRUE;
  guint8 c;

  while (p < end)
    {
      switch (state)
        {
        case STATE_RECORD_START:
          if (*p == '\n')
            {
              if (!self->prev_cr)
                self->line++;
              self->prev_cr = FALSE;
              p++;
              continue;
            }
          if (*p == '\r')
            {
              self->line++;
              self->prev_cr = TRUE;
              p++;
              continue;
            }
          self->prev_cr = FALSE;
          self->record_line = self->line;
          state = STATE_FIELD_START;
          G_GNUC_FALLTHROUGH;

        case STATE_FIELD_START:
          if (!start_field (self, error))
            goto failed;
          if (*p == '"')
            {
              self->field_line = self->line;
              p++;
              state = STATE_QUOTED;
              continue;
            }
          state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          /* Unquoted fields one after the other, the common case, without going
           * round the switch and copied in one piece: each separator is overwritten
           * with the NUL that ends its field. A quote here is kept as it is, as
           * spreadsheets do. */
          run = p;
          for (;;)
            {
              p = scan (p, end, self->unquoted_stop, unquoted_special, &valid);
              if (!valid)
                goto invalid;
              if (!check_length (self, p - run, error))
                goto failed;
              if (p == end)
                {
                  append_unchecked (self, run, p - run);
                  goto out;
                }

              c = *p;
              if (c == '\0')
                {
                  set_nul_error (self, error);
                  goto failed;
                }
              if (c != (guint8) self->separator)
                break;

              *p++ = '\0';
              if (p == end || *p == '"')
                {
                  state = STATE_FIELD_START;
                  break;
                }
              if (!start_field_at (self, p - run, error))
                goto failed;
            }
          append_unchecked (self, run, p - run);
          if (state == STATE_FIELD_START)
            continue;

          end_field (self);
          p++;
          self->line++;
          self->prev_cr = c == '\r';
          state = STATE_RECORD_START;
          step = STEP_RECORD;
          goto out;

        case STATE_QUOTED:
          run = p;
          p = scan (p, end, self->quoted_stop, ONES * '"', &valid);
          if (!valid)
            goto invalid;
          if (p > run)
            {
              if (!append (self, run, p - run, error))
                goto failed;
              self->prev_cr = FALSE;
            }
          if (p == end)
            continue;

          c = *p;
          if (c == '\0')
            {
              set_nul_error (self, error);
              goto failed;
            }
          p++;
          if (c == '"')
            {
              self->prev_cr = FALSE;
              state = STATE_QUOTE;
              continue;
            }
          /* A line break inside the quotes: data, and a new physical line. */
          if (!append (self, p - 1, 1, error))
            goto failed;
          if (c == '\r' || !self->prev_cr)
            self->line++;
          self->prev_cr = c == '\r';
          continue;

        case STATE_QUOTE:
          c = *p;
          if (c == '"')
            {
              /* A doubled quote. */
              if (!append (self, p, 1, error))
                goto failed;
              p++;
              state = STATE_QUOTED;
              continue;
            }
          if (c == '\0')
            {
              set_nul_error (self, error);
              goto failed;
            }
          if (c == (guint8) self->separator)
            {
              end_field (self);
              p++;
              state = STATE_FIELD_START;
              continue;
            }
          if (c == '\n' || c == '\r')
            {
              end_field (self);
              p++;
              self->line++;
              self->prev_cr = c == '\r';
              state = STATE_RECORD_START;
              step = STEP_RECORD;
              goto out;
            }
          /* Text after the closing quote: kept, as spreadsheets do. */
          state = STATE_UNQUOTED;
          continue;

        default:
          g_assert_not_reached ();
        }
    }

out:
  self->text_pos = p - self->text;
  self->state = state;
  return step;

invalid:
  set_line_error (error, self->line, self->encoding);

failed:
  self->text_pos = p - self->text;
  self->state = state;
  return STEP_ERROR;
}

/* The end of the stream: completes the last record, if any. */
static Step
parse_eof (KsCsvReader  *self,
           GError      **error)
{
  switch (self->state)
    {
    case STATE_RECORD_START:
      self->done = TRUE;
      return STEP_MORE;

    case STATE_FIELD_START:
      /* After a separator: the last field is empty. */
      if (!start_field (self, error))
        return STEP_ERROR;
      end_field (self);
      break;

    case STATE_UNQUOTED:
    case STATE_QUOTE:
      end_field (self);
      break;

    case STATE_QUOTED:
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   _("Line %" PRIu64 ": the quote (\") that opens a field here is never "
                     "closed."),
                   (uint64_t) self->field_line);
      return STEP_ERROR;

    default:
      g_assert_not_reached ();
    }

  self->state = STATE_RECORD_START;
  return STEP_RECORD;
}

/* Counts, outside quotes, the commas, semicolons and tabs of each of the first records
 * of @text; the separator whose count is the same (and not zero) on most of them wins,
 * the higher count on a tie, then the comma. */
static char
detect_separator (const char *text,
                  gsize       len,
                  gboolean    complete)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)][DETECT_LINES];
  guint current[G_N_ELEMENTS (candidates)] = { 0, };
  guint n_lines = 0;
  gboolean in_quotes = FALSE;
  gboolean has_content = FALSE;
  char prev = '\n';
  char best = ',';
  guint best_votes = 0;
  guint best_count = 0;
  gsize i;
  guint k;

  for (i = 0; i < len && n_lines < DETECT_LINES; i++)
    {
      char c = text[i];

      if (in_quotes)
        {
          if (c == '"')
            {
              if (i + 1 < len && text[i + 1] == '"')
                i++;
              else
                in_quotes = FALSE;
            }
        }
      else if (c == '\n' || c == '\r')
        {
          if (has_content)
            {
              for (k = 0; k < G_N_ELEMENTS (candidates); k++)
                {
                  counts[k][n_lines] = current[k];
                  current[k] = 0;
                }
              n_lines++;
            }
          has_content = FALSE;
          c = '\n';
        }
      else
        {
          /* A quote opens a quoted field only where a field may start. */
          if (c == '"' && (prev == '\n' || prev == ',' || prev == ';' || prev == '\t'))
            in_quotes = TRUE;
          for (k = 0; k < G_N_ELEMENTS (candidates); k++)
            {
              if (c == candidates[k])
                current[k]++;
            }
          has_content = TRUE;
        }
      prev = c;
    }
  /* The last record counts if it is whole, or if it is all there is. */
  if (has_content && n_lines < DETECT_LINES && (complete || n_lines == 0))
    {
      for (k = 0; k < G_N_ELEMENTS (candidates); k++)
        counts[k][n_lines] = current[k];
      n_lines++;
    }

  for (k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint votes = 0;
      guint count = 0;
      guint a, b;

      /* The most frequent non-zero count, the higher one on a tie. */
      for (a = 0; a < n_lines; a++)
        {
          guint n = 0;

          if (counts[k][a] == 0)
            continue;
          for (b = 0; b < n_lines; b++)
            {
              if (counts[k][b] == counts[k][a])
                n++;
            }
          if (n > votes || (n == votes && counts[k][a] > count))
            {
              votes = n;
              count = counts[k][a];
            }
        }

      if (votes > best_votes || (votes == best_votes && votes > 0 && count > best_count))
        {
          best = candidates[k];
          best_votes = votes;
          best_count = count;
        }
    }

  return best;
}

/* Converts the sample with a converter of its own; FALSE when it holds bytes that are
 * not valid (a character cut by the end of the sample is fine unless it is the end of
 * the file). *@text is what converted before any invalid byte. */
static gboolean
convert_sample (const guint8  *sample,
                gsize          len,
                gboolean       complete,
                const char    *charset,
                char         **text,
                gsize         *text_len)
{
  GIConv cd;
  char *inbuf = (char *) sample;
  gsize inleft = len;
  gsize size = len * 2 + 4;
  char *out = g_malloc (size);
  char *outbuf = out;
  gsize outleft = size;
  gboolean valid = TRUE;

  cd = g_iconv_open ("UTF-8", charset);
  if (cd == (GIConv) -1)
    {
      valid = FALSE;
    }
  else
    {
      if (g_iconv (cd, &inbuf, &inleft, &outbuf, &outleft) == (gsize) -1)
        valid = errno == EINVAL && !complete;
      g_iconv_close (cd);
    }

  *text_len = outbuf - out;
  *text = out;
  return valid;
}

static KsCsvReader *
reader_new (GInputStream  *stream,
            const char    *display_name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(KsCsvReader) self = g_new0 (KsCsvReader, 1);
  g_autofree char *decoded = NULL;
  const guint8 *sample;
  gsize sample_len;
  gsize decoded_len = 0;
  gboolean incomplete;

  self->stream = g_object_ref (stream);
  self->cd = (GIConv) -1;
  self->in = g_malloc (CHUNK_SIZE + CARRY_MAX);
  self->state = STATE_RECORD_START;
  self->line = 1;
  self->record_size = 4096;
  self->record = g_malloc (self->record_size);
  self->fields = g_ptr_array_new_null_terminated (32, NULL, TRUE);

  /* The sample: as much of the first 64 KiB as the stream gives, kept to be parsed. */
  while (!self->in_eof && self->in_len < CHUNK_SIZE)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      n = g_input_stream_read (stream, self->in + self->in_len, CHUNK_SIZE - self->in_len,
                               cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        self->in_eof = TRUE;
      self->in_len += n;
      self->n_read += n;
    }

  sample = self->in;
  sample_len = self->in_len;

  if (sample_len >= 3 && memcmp (sample, "\xef\xbb\xbf", 3) == 0)
    {
      self->encoding = KS_CSV_ENCODING_UTF8;
      self->in_pos = 3;
    }
  else if (sample_len >= 2 && sample[0] == 0xff && sample[1] == 0xfe)
    {
      self->encoding = KS_CSV_ENCODING_UTF16LE;
      self->in_pos = 2;
    }
  else if (sample_len >= 2 && sample[0] == 0xfe && sample[1] == 0xff)
    {
      self->encoding = KS_CSV_ENCODING_UTF16BE;
      self->in_pos = 2;
    }
  else if (utf8_valid_prefix (sample, sample_len, &incomplete) == sample_len
           || (incomplete && !self->in_eof))
    {
      self->encoding = KS_CSV_ENCODING_UTF8;
    }
  else if (convert_sample (sample, sample_len, self->in_eof, "GB18030",
                           &decoded, &decoded_len))
    {
      self->encoding = KS_CSV_ENCODING_GB18030;
    }
  else
    {
      if (display_name != NULL)
        g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                     _("“%s” is neither UTF-8, UTF-16 nor GB18030 text. Save it from the "
                       "spreadsheet as “CSV UTF-8”."),
                     display_name);
      else
        g_set_error_literal (error, KS_ERROR, KS_ERROR_INVALID,
                             _("The file is neither UTF-8, UTF-16 nor GB18030 text. Save it "
                               "from the spreadsheet as “CSV UTF-8”."));
      return NULL;
    }

  if (self->encoding == KS_CSV_ENCODING_UTF8)
    {
      self->separator = detect_separator ((const char *) sample + self->in_pos,
                                          sample_len - self->in_pos, self->in_eof);
    }
  else
    {
      const char *charset = encoding_name (self->encoding);

      if (decoded == NULL)
        convert_sample (sample + self->in_pos, sample_len - self->in_pos, self->in_eof,
                        charset, &decoded, &decoded_len);
      self->separator = detect_separator (decoded, decoded_len, self->in_eof);

      self->cd = g_iconv_open ("UTF-8", charset);
      if (self->cd == (GIConv) -1)
        {
          g_set_error (error, KS_ERROR, KS_ERROR_FAILED,
                       /* Translators: %s is an encoding, such as “GB18030”. */
                       _("This system cannot convert %s text. Save the file from the "
                         "spreadsheet as “CSV UTF-8”."),
                       charset);
          return NULL;
        }
      self->out = g_malloc (OUT_SIZE);
    }

  self->unquoted_stop[(guint8) self->separator] = 1;
  self->unquoted_stop['\r'] = 1;
  self->unquoted_stop['\n'] = 1;
  self->unquoted_stop['\0'] = 1;
  self->quoted_stop['"'] = 1;
  self->quoted_stop['\r'] = 1;
  self->quoted_stop['\n'] = 1;
  self->quoted_stop['\0'] = 1;
  memset (self->unquoted_stop + 0x80, 1, 0x80);
  memset (self->quoted_stop + 0x80, 1, 0x80);

  return g_steal_pointer (&self);
}

KsCsvReader *
ks_csv_reader_new (GInputStream  *stream,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return reader_new (stream, NULL, cancellable, error);
}

KsCsvReader *
ks_csv_reader_new_for_path (const char    *path,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  display_name = g_filename_display_basename (path);
  return reader_new (G_INPUT_STREAM (stream), display_name, cancellable, error);
}

void
ks_csv_reader_free (KsCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  if (self->cd != (GIConv) -1)
    g_iconv_close (self->cd);
  g_clear_pointer (&self->in, g_free);
  g_clear_pointer (&self->out, g_free);
  g_clear_pointer (&self->record, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_free (self);
}

KsCsvEncoding
ks_csv_reader_get_encoding (KsCsvReader *self)
{
  g_return_val_if_fail (self != NULL, KS_CSV_ENCODING_UTF8);

  return self->encoding;
}

char
ks_csv_reader_get_separator (KsCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

guint64
ks_csv_reader_get_position (KsCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  /* What was read, less what still waits to be decoded. */
  return self->n_read - (self->in_len - self->in_pos);
}

/* The array handed out is also NULL-terminated, so it can be read as a strv. */
gboolean
ks_csv_reader_next (KsCsvReader   *self,
                    GPtrArray    **fields,
                    guint64       *line,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GError *local_error = NULL;
  Step step;
  guint i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields = NULL;
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  if (self->done)
    return FALSE;

  self->record_len = 0;
  self->n_fields = 0;

  do
    {
      if (self->text_pos == self->text_len)
        {
          if (fill_text (self, cancellable, &local_error))
            step = parse (self, &local_error);
          else if (local_error == NULL)
            step = parse_eof (self, &local_error);
          else
            step = STEP_ERROR;
        }
      else
        {
          step = parse (self, &local_error);
        }

      if (step == STEP_ERROR)
        {
          self->error = g_error_copy (local_error);
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (self->done)
        return FALSE;
    }
  while (step != STEP_RECORD);

  g_ptr_array_set_size (self->fields, self->n_fields);
  for (i = 0; i < self->n_fields; i++)
    self->fields->pdata[i] = self->record + self->starts[i];

  *fields = self->fields;
  if (line != NULL)
    *line = self->record_line;

  return TRUE;
}

/* Quoted when it holds the separator, a quote or a line break, and when it starts or
 * ends with a space, which spreadsheets would otherwise trim. A leading = + - @ tab or
 * CR gets an apostrophe before it, so that no spreadsheet runs the cell as a formula;
 * Keystone's importer removes an apostrophe found before one of these characters, so
 * an export imports back as it was. NULL is an empty field. */
void
ks_csv_append_field (GString    *out,
                     const char *value,
                     char        separator)
{
  const char specials[] = { separator, '"', '\r', '\n', '\0' };
  gboolean quote;
  gboolean neutralise;
  gsize len;

  g_return_if_fail (out != NULL);
  g_return_if_fail (separator == ',' || separator == ';' || separator == '\t');

  if (value == NULL || value[0] == '\0')
    return;

  len = strlen (value);
  neutralise = strchr ("=+-@\t\r", value[0]) != NULL;
  quote = value[0] == ' ' || value[len - 1] == ' ' || strpbrk (value, specials) != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  if (quote)
    {
      const char *start = value;
      const char *p;

      while ((p = strchr (start, '"')) != NULL)
        {
          g_string_append_len (out, start, p - start + 1);
          g_string_append_c (out, '"');
          start = p + 1;
        }
      g_string_append (out, start);
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append_len (out, value, len);
    }
}
