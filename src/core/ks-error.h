/* ks-error.h — Keystone's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KS_ERROR (ks_error_quark ())

typedef enum
{
  KS_ERROR_FAILED,          /* anything else; the message says what */
  KS_ERROR_INVALID,         /* a value the user typed is not acceptable */
  KS_ERROR_DUPLICATE,       /* an account with this name exists */
  KS_ERROR_NOT_FOUND,       /* the row is gone */
  KS_ERROR_CORRUPT,         /* not a database, truncated, zero bytes or damaged */
  KS_ERROR_READ_ONLY,       /* the file or its folder cannot be written */
  KS_ERROR_LOCKED,          /* another program is writing to the database */
  KS_ERROR_NEWER_SCHEMA,    /* written by a newer Keystone */
  KS_ERROR_IO,              /* the disk said no */
} KsError;

GQuark ks_error_quark (void);

G_END_DECLS
