/* ks-quadrant-page.c
 *
 * Built when the page is first shown (see ks-lazy-bin.c), so its drop-downs, their
 * lists and the chart cost nothing at start-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-quadrant-page.h"
#include "ks-lazy-bin.h"
#include "ks-widgets.h"

struct _KsQuadrantPage
{
  AdwBin parent_instance;

  KsStore *store;
  GtkStringList *quarters;   /* the drop-down's items */
  gboolean updating_quarters;

  /* template children */
  KsQuadrantView *quadrant_view;
  GtkDropDown *chart_tier_filter;
  GtkDropDown *chart_owner_filter;
  GtkDropDown *compare_dropdown;
  GtkMenuButton *moved_button;
  GtkListBox *moved_list;
};

G_DEFINE_FINAL_TYPE (KsQuadrantPage, ks_quadrant_page, ADW_TYPE_BIN)

/* The Compare drop-down: "No earlier snapshot", then the quarters, newest first. */
static void
apply_comparison (KsQuadrantPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);
  g_autoptr(GHashTable) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  const char *quarter = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    quarter = gtk_string_list_get_string (self->quarters, selected);
  if (quarter != NULL)
    {
      snapshot = ks_store_load_snapshot (self->store, quarter, &error);
      if (snapshot == NULL)
        ks_widget_show_error (GTK_WIDGET (self), _("The Snapshot Could Not Be Read"), error);
    }
  ks_quadrant_view_set_comparison (self->quadrant_view, snapshot);
}

static void
on_compare_selected (KsQuadrantPage *self)
{
  if (!self->updating_quarters)
    apply_comparison (self);
}

static void
reload_quarters (KsQuadrantPage *self)
{
  g_auto(GStrv) quarters = ks_store_dup_snapshot_quarters (self->store);
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);
  g_autofree char *current = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->quarters));
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    current = g_strdup (gtk_string_list_get_string (self->quarters, selected));

  self->updating_quarters = TRUE;
  gtk_string_list_splice (self->quarters, 1, n > 0 ? n - 1 : 0,
                          (const char * const *) quarters);
  for (guint i = 0; current != NULL && quarters[i] != NULL; i++)
    if (g_str_equal (quarters[i], current))
      position = i + 1;
  gtk_drop_down_set_selected (self->compare_dropdown, position);
  self->updating_quarters = FALSE;

  /* A replaced snapshot has other scores; a deleted one is compared with no more. */
  apply_comparison (self);
}

static void
update_moved (KsQuadrantPage *self)
{
  GPtrArray *movements = ks_quadrant_view_get_movements (self->quadrant_view);
  GtkWidget *child;
  g_autofree char *label = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moved_list))) != NULL)
    gtk_list_box_remove (self->moved_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->moved_button), movements != NULL);
  if (movements == NULL)
    return;

  if (movements->len == 0)
    label = g_strdup (_("No Changes"));
  else
    /* Translators: on a button that lists the accounts that changed quadrant since the
     * compared snapshot */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Moved", "%u Moved",
                                          movements->len),
                             movements->len);
  gtk_menu_button_set_label (self->moved_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->moved_button), movements->len > 0);

  for (guint i = 0; i < movements->len; i++)
    {
      g_autofree char *text = ks_movement_describe (g_ptr_array_index (movements, i));
      GtkWidget *row = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (row), 0);
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_list_box_append (self->moved_list, row);
    }
}

static void
ks_quadrant_page_dispose (GObject *object)
{
  KsQuadrantPage *self = KS_QUADRANT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_QUADRANT_PAGE);
  g_clear_object (&self->quarters);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ks_quadrant_page_parent_class)->dispose (object);
}

static void
ks_quadrant_page_class_init (KsQuadrantPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_quadrant_page_dispose;

  g_type_ensure (KS_TYPE_QUADRANT_VIEW);
  g_type_ensure (KS_TYPE_LAZY_BIN);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/keystone_ka/Keystone/ks-quadrant-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsQuadrantPage, quadrant_view);
  gtk_widget_class_bind_template_child (widget_class, KsQuadrantPage, chart_tier_filter);
  gtk_widget_class_bind_template_child (widget_class, KsQuadrantPage, chart_owner_filter);
  gtk_widget_class_bind_template_child (widget_class, KsQuadrantPage, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KsQuadrantPage, moved_button);
  gtk_widget_class_bind_template_child (widget_class, KsQuadrantPage, moved_list);
}

static void
ks_quadrant_page_init (KsQuadrantPage *self)
{
  const char * const first[] = { _("No earlier snapshot"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->quarters = gtk_string_list_new (first);
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (self->quarters));
  g_signal_connect_object (self->compare_dropdown, "notify::selected",
                           G_CALLBACK (on_compare_selected), self, G_CONNECT_SWAPPED);
}

/* With no account at all, the page says how to get some instead of empty axes. */
static void
update_empty (KsQuadrantPage *self)
{
  /* The bin's own child, the stack of the two. Not bound in the template: GTK 4.8's
   * gtk_widget_dispose_template() unparents a bound direct child, and AdwBin's dispose
   * then unparents it again (a critical at every window's teardown). */
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))),
                                    ks_store_get_n_accounts (self->store) > 0 ? "chart"
                                                                              : "empty");
}

GtkWidget *
ks_quadrant_page_new (KsStore         *store,
                      KsPortfolioView *portfolio)
{
  KsQuadrantPage *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (portfolio), NULL);

  self = g_object_new (KS_TYPE_QUADRANT_PAGE, NULL);
  self->store = g_object_ref (store);

  /* The chart shows what the list shows: the same search and filters, which its own
   * drop-downs choose as well. */
  ks_portfolio_view_bind_filters (portfolio, self->chart_tier_filter,
                                  self->chart_owner_filter);
  ks_quadrant_view_set_model (self->quadrant_view, store,
                              ks_portfolio_view_get_visible_accounts (portfolio));
  g_signal_connect_object (self->quadrant_view, "movements-changed",
                           G_CALLBACK (update_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "snapshots-changed",
                           G_CALLBACK (reload_quarters), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ks_store_get_accounts (store), "items-changed",
                           G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  reload_quarters (self);
  update_empty (self);
  return GTK_WIDGET (self);
}

KsQuadrantView *
ks_quadrant_page_get_view (KsQuadrantPage *self)
{
  g_return_val_if_fail (KS_IS_QUADRANT_PAGE (self), NULL);
  return self->quadrant_view;
}
