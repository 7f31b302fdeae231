/* ks-account-list.h — the portfolio's accounts as a GListModel backed by an array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ks-account.h"

G_BEGIN_DECLS

#define KS_TYPE_ACCOUNT_LIST (ks_account_list_get_type ())

G_DECLARE_FINAL_TYPE (KsAccountList, ks_account_list, KS, ACCOUNT_LIST, GObject)

KsAccountList *ks_account_list_new        (void);
guint          ks_account_list_get_length (KsAccountList  *self);
/* Transfer none: the list keeps its reference. */
KsAccount     *ks_account_list_get        (KsAccountList  *self,
                                           guint           position);
/* Removes @n_removals accounts at @position and inserts @additions there (each gets a
 * reference), with one items-changed. */
void           ks_account_list_splice     (KsAccountList  *self,
                                           guint           position,
                                           guint           n_removals,
                                           KsAccount     **additions,
                                           guint           n_additions);
void           ks_account_list_append     (KsAccountList  *self,
                                           KsAccount      *account);
void           ks_account_list_insert     (KsAccountList  *self,
                                           guint           position,
                                           KsAccount      *account);
void           ks_account_list_remove     (KsAccountList  *self,
                                           guint           position);
gboolean       ks_account_list_find       (KsAccountList  *self,
                                           KsAccount      *account,
                                           guint          *position);

G_END_DECLS
