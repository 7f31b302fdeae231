/* ks-quadrant-view.c
 *
 * The chart is drawn by ks_chart_render() into an image once per change of data or
 * size, and shown as a texture; hover and keyboard focus redraw only the overlay, so a
 * portfolio of ten thousand accounts answers the pointer at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-money.h"
#include "ks-quadrant-view.h"

struct _KsQuadrantView
{
  GtkWidget parent_instance;

  KsStore *store;
  GListModel *accounts;
  GArray *points;            /* KsChartPoint, rebuilt when the accounts change */
  GHashTable *comparison;    /* gint64 * → KsSnapshotEntry *, or NULL */
  GPtrArray *movements;      /* KsMovement, or NULL without a comparison */
  KsChartLayout *layout;
  GdkTexture *texture;       /* the full chart, without hover or focus */
  KsChartStyle style;
  int hover;
  int focus;
  int width;                 /* of the layout */
  int height;
  guint rebuild_idle;
};

G_DEFINE_FINAL_TYPE (KsQuadrantView, ks_quadrant_view, GTK_TYPE_WIDGET)

enum
{
  MOVEMENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
invalidate_drawing (KsQuadrantView *self)
{
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_layout (KsQuadrantView *self)
{
  g_clear_pointer (&self->layout, ks_chart_layout_unref);
  self->hover = -1;
  self->focus = -1;
  invalidate_drawing (self);
}

static void
fill_data (KsQuadrantView *self,
           KsChartData    *data)
{
  double split_value = 50, split_growth = 50;

  if (self->store != NULL)
    ks_store_get_split (self->store, &split_value, &split_growth);

  data->points = self->points != NULL ? (KsChartPoint *) self->points->data : NULL;
  data->n_points = self->points != NULL ? self->points->len : 0;
  data->split_value = split_value;
  data->split_growth = split_growth;
  data->currency = self->store != NULL ? ks_store_get_default_currency (self->store) : NULL;
  data->title = NULL;
}

static void
update_description (KsQuadrantView *self)
{
  g_autofree char *description = NULL;

  if (self->layout == NULL)
    return;
  description = ks_chart_layout_describe (self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static KsChartLayout *
ensure_layout (KsQuadrantView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  KsChartData data;

  if (self->layout != NULL || width <= 0 || height <= 0)
    return self->layout;

  fill_data (self, &data);
  self->layout = ks_chart_layout_new (&data, width, height,
                                      gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                      KS_CHART_DEFAULT);
  update_description (self);
  return self->layout;
}

static void
update_style (KsQuadrantView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    ks_chart_style_init (&self->style, KS_CHART_STYLE_HIGH_CONTRAST);
  else if (adw_style_manager_get_dark (manager))
    ks_chart_style_init (&self->style, KS_CHART_STYLE_DARK);
  else
    ks_chart_style_init (&self->style, KS_CHART_STYLE_LIGHT);
  invalidate_drawing (self);
}

/* Accounts -------------------------------------------------------------- */

static gboolean
rebuild_points (gpointer user_data)
{
  KsQuadrantView *self = user_data;
  guint n = self->accounts != NULL ? g_list_model_get_n_items (self->accounts) : 0;

  self->rebuild_idle = 0;
  g_array_set_size (self->points, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (self->accounts, i);
      KsChartPoint point = {
        .id = ks_account_get_id (account),
        .name = ks_account_get_name (account),
        .value = ks_account_get_value_score (account),
        .growth = ks_account_get_growth_score (account),
        .size = ks_account_get_annual_purchases (account),
        .tier = ks_account_get_tier (account),
      };
      const KsSnapshotEntry *entry = NULL;

      if (self->comparison != NULL)
        entry = g_hash_table_lookup (self->comparison, &point.id);
      if (entry != NULL)
        {
          point.has_previous = TRUE;
          point.previous_value = entry->value;
          point.previous_growth = entry->growth;
        }

      /* The names stay alive: the store holds the accounts, and the layout copies. */
      g_array_append_val (self->points, point);
    }

  g_clear_pointer (&self->movements, g_ptr_array_unref);
  if (self->comparison != NULL && self->accounts != NULL)
    self->movements = ks_movement_list (self->accounts, self->comparison);

  invalidate_layout (self);
  g_signal_emit (self, signals[MOVEMENTS_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (KsQuadrantView *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_points, self, NULL);
}

void
ks_quadrant_view_set_model (KsQuadrantView *self,
                            KsStore        *store,
                            GListModel     *accounts)
{
  g_return_if_fail (KS_IS_QUADRANT_VIEW (self));
  g_return_if_fail (KS_IS_STORE (store));
  g_return_if_fail (G_IS_LIST_MODEL (accounts));

  g_set_object (&self->store, store);
  g_set_object (&self->accounts, accounts);
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "rules-changed", G_CALLBACK (queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild_points (self);
}

void
ks_quadrant_view_set_comparison (KsQuadrantView *self,
                                 GHashTable     *snapshot)
{
  g_return_if_fail (KS_IS_QUADRANT_VIEW (self));

  if (snapshot == self->comparison)
    return;
  if (snapshot != NULL)
    g_hash_table_ref (snapshot);
  g_clear_pointer (&self->comparison, g_hash_table_unref);
  self->comparison = snapshot;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  rebuild_points (self);
}

GPtrArray *
ks_quadrant_view_get_movements (KsQuadrantView *self)
{
  g_return_val_if_fail (KS_IS_QUADRANT_VIEW (self), NULL);
  return self->movements;
}

guint
ks_quadrant_view_get_n_compared (KsQuadrantView *self)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_QUADRANT_VIEW (self), 0);

  for (guint i = 0; i < self->points->len; i++)
    if (g_array_index (self->points, KsChartPoint, i).has_previous)
      n++;
  return n;
}

KsChartLayout *
ks_quadrant_view_get_layout (KsQuadrantView *self)
{
  g_return_val_if_fail (KS_IS_QUADRANT_VIEW (self), NULL);
  return ensure_layout (self);
}

gboolean
ks_quadrant_view_export_file (KsQuadrantView *self,
                              KsChartFormat   format,
                              const char     *path,
                              int             width,
                              int             height,
                              GError        **error)
{
  KsChartData data;
  KsChartStyle light;

  g_return_val_if_fail (KS_IS_QUADRANT_VIEW (self), FALSE);

  /* Files go on slides and paper: always the light style. */
  ks_chart_style_init (&light, KS_CHART_STYLE_LIGHT);
  fill_data (self, &data);
  return ks_chart_export (&data, &light, format, path, width, height, error);
}

/* Drawing --------------------------------------------------------------- */

static GdkTexture *
render_texture (KsQuadrantView *self,
                int             width,
                int             height,
                int             scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  ks_chart_render (self->layout, cr, &self->style, -1, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale,
                                    GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  return texture;
}

static void
ks_quadrant_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KsQuadrantView *self = KS_QUADRANT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (ensure_layout (self) == NULL)
    return;

  if (self->texture == NULL)
    self->texture = render_texture (self, width, height, gtk_widget_get_scale_factor (widget));
  gtk_snapshot_append_texture (snapshot, self->texture, &bounds);

  if (self->hover >= 0 || self->focus >= 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      ks_chart_render_overlay (self->layout, cr, &self->style, self->hover,
                               gtk_widget_has_focus (widget) ? self->focus : -1);
      cairo_destroy (cr);
    }
}

static void
ks_quadrant_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  KsQuadrantView *self = KS_QUADRANT_VIEW (widget);

  /* A new size is a new layout; the same size keeps the cached drawing. */
  if (width != self->width || height != self->height)
    {
      self->width = width;
      self->height = height;
      invalidate_layout (self);
    }
}

static void
ks_quadrant_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 280;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

/* Pointer and keyboard -------------------------------------------------- */

static void
set_hover (KsQuadrantView *self,
           int             hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KsQuadrantView           *self)
{
  if (ensure_layout (self) == NULL)
    return;
  if (ks_chart_layout_quadrant_at (self->layout, x, y) >= 0)
    {
      set_hover (self, -1);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
      return;
    }
  set_hover (self, ks_chart_layout_hit_test (self->layout, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          KsQuadrantView           *self)
{
  set_hover (self, -1);
}

static void
open_point (KsQuadrantView *self,
            int             index)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-account", "x",
                              ks_chart_layout_get_id (self->layout, index));
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             KsQuadrantView  *self)
{
  int quadrant, index;

  if (ensure_layout (self) == NULL)
    return;

  quadrant = ks_chart_layout_quadrant_at (self->layout, x, y);
  if (quadrant >= 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-quadrant", "i", quadrant);
      return;
    }

  index = ks_chart_layout_hit_test (self->layout, x, y);
  if (index >= 0)
    {
      self->focus = index;
      open_point (self, index);
    }
}

static char *
point_tooltip (KsQuadrantView *self,
               int             index)
{
  gint64 id = ks_chart_layout_get_id (self->layout, index);
  KsAccount *account = ks_store_lookup_account (self->store, id);
  g_autofree char *purchases = NULL;

  if (account == NULL)
    return NULL;

  purchases = ks_money_format (ks_account_get_annual_purchases (account),
                               ks_account_get_currency (account));
  /* Translators: the tooltip of a bubble: name, tier, KA score, value, growth potential,
   * annual purchases */
  return g_strdup_printf (_("%s\nTier: %s · KA score %.1f\nValue %.1f · Growth potential %.1f\n"
                            "Annual purchases %s"),
                          ks_account_get_name (account),
                          ks_tier_get_label (ks_account_get_tier (account)),
                          ks_account_get_ka_score (account),
                          ks_account_get_value_score (account),
                          ks_account_get_growth_score (account),
                          purchases);
}

static gboolean
ks_quadrant_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  KsQuadrantView *self = KS_QUADRANT_VIEW (widget);
  int index = keyboard ? self->focus : self->hover;
  g_autofree char *text = NULL;

  if (self->layout == NULL || index < 0 || self->store == NULL)
    return FALSE;
  text = point_tooltip (self, index);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KsQuadrantView        *self)
{
  KsChartDirection direction;
  int next;

  if (ensure_layout (self) == NULL || ks_chart_layout_get_n_points (self->layout) == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      direction = KS_CHART_LEFT;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      direction = KS_CHART_RIGHT;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      direction = KS_CHART_UP;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      direction = KS_CHART_DOWN;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus < 0)
        return FALSE;
      open_point (self, self->focus);
      return TRUE;
    default:
      return FALSE;
    }

  next = ks_chart_layout_neighbour (self->layout, self->focus, direction);
  if (next >= 0 && next != self->focus)
    {
      g_autofree char *text = point_tooltip (self, next);

      self->focus = next;
      /* Say where the focus went: the focused account is the chart's accessible name. */
      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return TRUE;
}

static void
on_focus_changed (KsQuadrantView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Life cycle ------------------------------------------------------------ */

static void
ks_quadrant_view_dispose (GObject *object)
{
  KsQuadrantView *self = KS_QUADRANT_VIEW (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_pointer (&self->layout, ks_chart_layout_unref);
  g_clear_object (&self->texture);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store);
  g_clear_pointer (&self->comparison, g_hash_table_unref);
  g_clear_pointer (&self->movements, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_quadrant_view_parent_class)->dispose (object);
}

static void
ks_quadrant_view_finalize (GObject *object)
{
  KsQuadrantView *self = KS_QUADRANT_VIEW (object);

  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (ks_quadrant_view_parent_class)->finalize (object);
}

static void
ks_quadrant_view_class_init (KsQuadrantViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_quadrant_view_dispose;
  object_class->finalize = ks_quadrant_view_finalize;
  widget_class->snapshot = ks_quadrant_view_snapshot;
  widget_class->size_allocate = ks_quadrant_view_size_allocate;
  widget_class->measure = ks_quadrant_view_measure;
  widget_class->query_tooltip = ks_quadrant_view_query_tooltip;

  /**
   * KsQuadrantView::movements-changed:
   *
   * The accounts that changed quadrant since the compared snapshot were worked out
   * again: see ks_quadrant_view_get_movements().
   */
  signals[MOVEMENTS_CHANGED] =
    g_signal_new ("movements-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "quadrantchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_quadrant_view_init (KsQuadrantView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->points = g_array_new (FALSE, TRUE, sizeof (KsChartPoint));
  self->hover = -1;
  self->focus = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quadrant chart"),
                                  -1);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (update_style), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (update_style), self,
                           G_CONNECT_SWAPPED);
  update_style (self);
}
