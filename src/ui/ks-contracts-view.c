/* ks-contracts-view.c — skeleton, to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-contracts-view.h"

struct _KsContractsView
{
  AdwBin   parent_instance;
  KsStore *store;
};

G_DEFINE_FINAL_TYPE (KsContractsView, ks_contracts_view, ADW_TYPE_BIN)

static void
ks_contracts_view_dispose (GObject *object)
{
  KsContractsView *self = ((KsContractsView *) object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (ks_contracts_view_parent_class)->dispose (object);
}

static void
ks_contracts_view_class_init (KsContractsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ks_contracts_view_dispose;
}

static void
ks_contracts_view_init (KsContractsView *self)
{
}

GtkWidget *
ks_contracts_view_new (void)
{
  return g_object_new (KS_TYPE_CONTRACTS_VIEW, NULL);
}

void
ks_contracts_view_set_store (KsContractsView *self,
              KsStore *store)
{
  g_set_object (&self->store, store);
}
