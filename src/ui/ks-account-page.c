/* ks-account-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-account-page.h"

struct _KsAccountPage
{
  AdwBin      parent_instance;

  KsStore    *store;
  KsAccount  *account;
};

G_DEFINE_FINAL_TYPE (KsAccountPage, ks_account_page, ADW_TYPE_BIN)

static void
ks_account_page_dispose (GObject *object)
{
  KsAccountPage *self = KS_ACCOUNT_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (ks_account_page_parent_class)->dispose (object);
}

static void
ks_account_page_class_init (KsAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_account_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-account-page.ui");
}

static void
ks_account_page_init (KsAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ks_account_page_new (KsStore   *store,
                      KsAccount *account)
{
  KsAccountPage *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_ACCOUNT_PAGE, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  return GTK_WIDGET (self);
}

KsAccount *
ks_account_page_get_account (KsAccountPage *self)
{
  g_return_val_if_fail (KS_IS_ACCOUNT_PAGE (self), NULL);
  return self->account;
}
