/* ks-lazy-bin.c
 *
 * AdwViewStack sizes itself to the largest of its pages, so at start-up the first
 * frame measured every view, with every label in it shaped and styled, while only one
 * is shown. A page's content is put in a KsLazyBin hidden: a hidden widget is neither
 * measured nor styled. The bin shows it when the bin is first shown itself, and it
 * stays shown. The bin stays visible all along, so the page stays in the view switcher.
 *
 * Better still, the content need not exist before then: given a build function, the
 * bin makes its content when it is first shown, and the window's template does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-lazy-bin.h"

struct _KsLazyBin
{
  AdwBin parent_instance;

  KsLazyBinBuildFunc build;
  gpointer build_data;
};

G_DEFINE_FINAL_TYPE (KsLazyBin, ks_lazy_bin, ADW_TYPE_BIN)

static void
ks_lazy_bin_map (GtkWidget *widget)
{
  GtkWidget *child = ks_lazy_bin_build (KS_LAZY_BIN (widget));

  if (child != NULL)
    gtk_widget_set_visible (child, TRUE);
  GTK_WIDGET_CLASS (ks_lazy_bin_parent_class)->map (widget);
}

static void
ks_lazy_bin_class_init (KsLazyBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = ks_lazy_bin_map;
}

static void
ks_lazy_bin_init (KsLazyBin *self)
{
}

void
ks_lazy_bin_set_build_func (KsLazyBin          *self,
                            KsLazyBinBuildFunc  build,
                            gpointer            user_data)
{
  g_return_if_fail (KS_IS_LAZY_BIN (self));
  g_return_if_fail (adw_bin_get_child (ADW_BIN (self)) == NULL);

  self->build = build;
  self->build_data = user_data;
}

GtkWidget *
ks_lazy_bin_build (KsLazyBin *self)
{
  g_return_val_if_fail (KS_IS_LAZY_BIN (self), NULL);

  if (self->build != NULL)
    {
      KsLazyBinBuildFunc build = self->build;

      GtkWidget *child;

      self->build = NULL;
      child = build (self->build_data);
      g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
      /* Left out of the view stack's measuring until the page is shown. */
      gtk_widget_set_visible (child, gtk_widget_get_mapped (GTK_WIDGET (self)));
      adw_bin_set_child (ADW_BIN (self), child);
    }
  return adw_bin_get_child (ADW_BIN (self));
}
