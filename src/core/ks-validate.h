/* ks-validate.h — the checks the core's plain-data items share: blank and over-long
 * text, optional dates, values safe to echo in a message, keys looked up in a table.
 * Internal to src/core: the messages are the same for a contract, a contact or a
 * coaching plan, so they are written (and translated) once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A typed value is echoed in an error message only when it is this short: a date or a
 * quarter is, a pasted paragraph is not. */
#define KS_VALIDATE_ECHO_MAX_CHARS 40

/* NULL, empty, or ASCII white space only. */
gboolean     ks_validate_is_blank           (const char           *text);
/* Whether @text can be shown back to the user inside a message: readable UTF-8 and at
 * most KS_VALIDATE_ECHO_MAX_CHARS characters. */
gboolean     ks_validate_can_echo           (const char           *text);
/* @text (NULL reads as empty) is readable and at most @max_chars characters; @label is
 * the translated name of the field the user typed it into. KS_ERROR_INVALID with a
 * translated message that names @label otherwise. */
gboolean     ks_validate_text               (const char           *text,
                                             gsize                 max_chars,
                                             const char           *label,
                                             GError              **error);
/* An optional "YYYY-MM-DD" in the field @label (translated): NULL or "" is no date.
 * The date goes into @out when it is not NULL (cleared when there is none). */
gboolean     ks_validate_date               (const char           *iso,
                                             const char           *label,
                                             GDate                *out,
                                             GError              **error);
/* Sets *@field_out to @field when @field_out is not NULL; always FALSE, so that a
 * validate function can end with `return ks_validate_fail (field_out, "title");`. */
gboolean     ks_validate_fail               (const char          **field_out,
                                             const char           *field);
/* The index below @n_keys of @key in @keys, or -1 (also for a NULL @key). */
int          ks_key_lookup                  (const char * const   *keys,
                                             int                   n_keys,
                                             const char           *key);

G_END_DECLS
