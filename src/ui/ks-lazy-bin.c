/* ks-lazy-bin.c
 *
 * AdwViewStack sizes itself to the largest of its pages, so at start-up the first
 * frame measured every view, with every label in it shaped and styled, while only one
 * is shown. A page's content is put in a KsLazyBin hidden: a hidden widget is neither
 * measured nor styled. The bin shows it when the bin is first shown itself, and it
 * stays shown. The bin stays visible all along, so the page stays in the view switcher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-lazy-bin.h"

struct _KsLazyBin
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (KsLazyBin, ks_lazy_bin, ADW_TYPE_BIN)

static void
ks_lazy_bin_map (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

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
