/* ks-member-page.c — skeleton, to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-member-page.h"

struct _KsMemberPage
{
  AdwBin   parent_instance;
  KsStore *store;
  gint64   member_id;
};

G_DEFINE_FINAL_TYPE (KsMemberPage, ks_member_page, ADW_TYPE_BIN)

static void
ks_member_page_dispose (GObject *object)
{
  KsMemberPage *self = KS_MEMBER_PAGE (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (ks_member_page_parent_class)->dispose (object);
}

static void
ks_member_page_class_init (KsMemberPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ks_member_page_dispose;
}

static void
ks_member_page_init (KsMemberPage *self)
{
}

GtkWidget *
ks_member_page_new (KsStore *store,
                    gint64   member_id)
{
  KsMemberPage *self = g_object_new (KS_TYPE_MEMBER_PAGE, NULL);

  self->store = g_object_ref (store);
  self->member_id = member_id;
  return GTK_WIDGET (self);
}

gint64
ks_member_page_get_member_id (KsMemberPage *self)
{
  g_return_val_if_fail (KS_IS_MEMBER_PAGE (self), 0);
  return self->member_id;
}
