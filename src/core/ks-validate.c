/* ks-validate.c — the checks the core's plain-data items share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-error.h"
#include "ks-plan.h"
#include "ks-validate.h"

gboolean
ks_validate_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

gboolean
ks_validate_can_echo (const char *text)
{
  return g_utf8_validate (text, -1, NULL)
         && g_utf8_strlen (text, -1) <= KS_VALIDATE_ECHO_MAX_CHARS;
}

gboolean
ks_validate_text (const char  *text,
                  gsize        max_chars,
                  const char  *label,
                  GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is a field name, e.g. “Title” */
                   _("The text in “%s” contains characters that cannot be read. "
                     "Type it again."),
                   label);
      return FALSE;
    }

  if ((gsize) g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                   /* Translators: %s is a field name, %u a number of characters */
                   _("The text in “%s” is too long: at most %u characters."),
                   label, (guint) max_chars);
      return FALSE;
    }

  return TRUE;
}

gboolean
ks_validate_date (const char  *iso,
                  const char  *label,
                  GDate       *out,
                  GError     **error)
{
  GDate date;
  gboolean ok;

  /* Cleared unless a date is read: ks_plan_parse_date() clears it when it fails. */
  g_date_clear (&date, 1);
  ok = iso == NULL || iso[0] == '\0' || ks_plan_parse_date (iso, &date);
  if (out != NULL)
    *out = date;
  if (ok)
    return TRUE;

  if (ks_validate_can_echo (iso))
    g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                 /* Translators: the first %s is what the user typed, the second a field
                  * name; keep YYYY-MM-DD as it is, or use the way your language writes
                  * the pattern */
                 _("“%s” in “%s” is not a date: write it as YYYY-MM-DD."),
                 iso, label);
  else
    g_set_error (error, KS_ERROR, KS_ERROR_INVALID,
                 /* Translators: %s is a field name; keep YYYY-MM-DD as it is, or use the
                  * way your language writes the pattern */
                 _("The date in “%s” is not a date: write it as YYYY-MM-DD."),
                 label);

  return FALSE;
}

gboolean
ks_validate_fail (const char **field_out,
                  const char  *field)
{
  if (field_out != NULL)
    *field_out = field;
  return FALSE;
}

int
ks_key_lookup (const char * const *keys,
               int                 n_keys,
               const char         *key)
{
  if (key == NULL)
    return -1;

  for (int i = 0; i < n_keys; i++)
    if (keys[i] != NULL && strcmp (key, keys[i]) == 0)
      return i;

  return -1;
}
