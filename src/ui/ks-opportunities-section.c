/* ks-opportunities-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-opportunities-section.h"

struct _KsOpportunitiesSection
{
  AdwBin      parent_instance;

  KsStore    *store;
  KsAccount  *account;
};

G_DEFINE_FINAL_TYPE (KsOpportunitiesSection, ks_opportunities_section, ADW_TYPE_BIN)

static void
ks_opportunities_section_dispose (GObject *object)
{
  KsOpportunitiesSection *self = KS_OPPORTUNITIES_SECTION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (ks_opportunities_section_parent_class)->dispose (object);
}

static void
ks_opportunities_section_class_init (KsOpportunitiesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_opportunities_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-opportunities-section.ui");
}

static void
ks_opportunities_section_init (KsOpportunitiesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ks_opportunities_section_new (KsStore   *store,
                      KsAccount *account)
{
  KsOpportunitiesSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_OPPORTUNITIES_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  return GTK_WIDGET (self);
}

void
ks_opportunities_section_set_plan (KsOpportunitiesSection    *self,
                           const KsAccountPlan *plan)
{
  g_return_if_fail (KS_IS_OPPORTUNITIES_SECTION (self));
  g_return_if_fail (plan != NULL);
}
