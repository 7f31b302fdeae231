/* ks-lazy-bin.c
 *
 * AdwViewStack sizes itself to the largest of its pages, so at start-up the first
 * frame measured every view, with every label in it shaped and styled, while only one
 * is shown. A page's content is put in a KsLazyBin hidden: a hidden widget is neither
 * measured nor styled. The bin shows it when the bin is first shown itself, and it
 * stays shown. The bin stays visible all along, so the page stays in the view switcher.
 *
 * Better still, the content need not exist before then: given a build function, or a
 * GtkBuilder resource whose object `content` it is, the bin makes its content when it
 * is first shown, and the template that holds the bin does not.
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
  char *resource;       /* the content's GtkBuilder file, until it is built */
};

G_DEFINE_FINAL_TYPE (KsLazyBin, ks_lazy_bin, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RESOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
build_from_resource (const char *resource)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (resource);
  GObject *content = gtk_builder_get_object (builder, "content");

  g_return_val_if_fail (GTK_IS_WIDGET (content), NULL);
  /* The builder's reference goes with the builder: the caller owns this one. */
  return GTK_WIDGET (g_object_ref (content));
}

static void
ks_lazy_bin_map (GtkWidget *widget)
{
  GtkWidget *child = ks_lazy_bin_build (KS_LAZY_BIN (widget));

  if (child != NULL)
    gtk_widget_set_visible (child, TRUE);
  GTK_WIDGET_CLASS (ks_lazy_bin_parent_class)->map (widget);
}

static void
ks_lazy_bin_finalize (GObject *object)
{
  g_free (KS_LAZY_BIN (object)->resource);
  G_OBJECT_CLASS (ks_lazy_bin_parent_class)->finalize (object);
}

static void
ks_lazy_bin_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RESOURCE:
      g_value_set_string (value, KS_LAZY_BIN (object)->resource);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_lazy_bin_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KsLazyBin *self = KS_LAZY_BIN (object);

  switch (prop_id)
    {
    case PROP_RESOURCE:
      g_return_if_fail (adw_bin_get_child (ADW_BIN (self)) == NULL);
      g_free (self->resource);
      self->resource = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_lazy_bin_class_init (KsLazyBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ks_lazy_bin_finalize;
  object_class->get_property = ks_lazy_bin_get_property;
  object_class->set_property = ks_lazy_bin_set_property;
  widget_class->map = ks_lazy_bin_map;

  /* The GtkBuilder file, a resource path, whose object `content` the bin shows; NULL
   * once it is made. A build function, if one is set too, comes first. */
  properties[PROP_RESOURCE] =
    g_param_spec_string ("resource", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

  if (self->build != NULL || self->resource != NULL)
    {
      KsLazyBinBuildFunc build = self->build;
      g_autofree char *resource = g_steal_pointer (&self->resource);
      g_autoptr(GtkWidget) child = NULL;

      self->build = NULL;
      child = build != NULL ? build (self->build_data) : build_from_resource (resource);
      g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
      if (build != NULL)
        g_object_ref_sink (child);
      /* Left out of the view stack's measuring until the page is shown. */
      gtk_widget_set_visible (child, gtk_widget_get_mapped (GTK_WIDGET (self)));
      adw_bin_set_child (ADW_BIN (self), child);
    }
  return adw_bin_get_child (ADW_BIN (self));
}
