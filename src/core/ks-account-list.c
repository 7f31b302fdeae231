/* ks-account-list.c
 *
 * GListStore keeps its items in a GSequence, where fetching item n costs a tree walk.
 * Sorted and filtered views fetch items in random order by the hundred thousand, so
 * the portfolio keeps its accounts in a plain array instead: fetching is one index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ks-account-list.h"

struct _KsAccountList
{
  GObject parent_instance;

  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KsAccountList, ks_account_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

static GType
ks_account_list_get_item_type (GListModel *model)
{
  return KS_TYPE_ACCOUNT;
}

static guint
ks_account_list_get_n_items (GListModel *model)
{
  return KS_ACCOUNT_LIST (model)->items->len;
}

static gpointer
ks_account_list_get_item (GListModel *model,
                          guint       position)
{
  KsAccountList *self = KS_ACCOUNT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ks_account_list_get_item_type;
  iface->get_n_items = ks_account_list_get_n_items;
  iface->get_item = ks_account_list_get_item;
}

static void
ks_account_list_finalize (GObject *object)
{
  KsAccountList *self = KS_ACCOUNT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_account_list_parent_class)->finalize (object);
}

static void
ks_account_list_class_init (KsAccountListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ks_account_list_finalize;
}

static void
ks_account_list_init (KsAccountList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KsAccountList *
ks_account_list_new (void)
{
  return g_object_new (KS_TYPE_ACCOUNT_LIST, NULL);
}

guint
ks_account_list_get_length (KsAccountList *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), 0);
  return self->items->len;
}

KsAccount *
ks_account_list_get (KsAccountList *self,
                     guint          position)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

void
ks_account_list_splice (KsAccountList  *self,
                        guint           position,
                        guint           n_removals,
                        KsAccount     **additions,
                        guint           n_additions)
{
  g_autofree KsAccount **copy = NULL;

  g_return_if_fail (KS_IS_ACCOUNT_LIST (self));
  g_return_if_fail (position <= self->items->len);
  g_return_if_fail (n_removals <= self->items->len - position);

  /* @additions may point into our own array, which removing shifts and growing can
   * move; and references are taken before any are dropped, as an account may be
   * removed and put back in the same splice. */
  copy = g_memdup2 (additions, n_additions * sizeof (gpointer));
  for (guint i = 0; i < n_additions; i++)
    g_object_ref (copy[i]);

  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);

  if (n_additions > 0)
    {
      guint old_len = self->items->len;

      g_ptr_array_set_size (self->items, old_len + n_additions);
      memmove (self->items->pdata + position + n_additions,
               self->items->pdata + position,
               (old_len - position) * sizeof (gpointer));
      memcpy (self->items->pdata + position, copy, n_additions * sizeof (gpointer));
    }

  if (n_removals > 0 || n_additions > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}

void
ks_account_list_append (KsAccountList *self,
                        KsAccount     *account)
{
  g_return_if_fail (KS_IS_ACCOUNT_LIST (self));
  ks_account_list_splice (self, self->items->len, 0, &account, 1);
}

void
ks_account_list_insert (KsAccountList *self,
                        guint          position,
                        KsAccount     *account)
{
  ks_account_list_splice (self, position, 0, &account, 1);
}

void
ks_account_list_remove (KsAccountList *self,
                        guint          position)
{
  ks_account_list_splice (self, position, 1, NULL, 0);
}

gboolean
ks_account_list_find (KsAccountList *self,
                      KsAccount     *account,
                      guint         *position)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_LIST (self), FALSE);
  return g_ptr_array_find (self->items, account, position);
}
