/* ks-relation-map-view.c
 *
 * The map's height follows from its width (height-for-width): the layout is made in
 * measure() and kept for the next widths asked for, so the allocation that follows
 * finds it made. ks_relation_map_render() draws it into a cairo node; the node is kept
 * by GTK until the data, the size, the style or the focus change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-relation-map-view.h"

#define MIN_WIDTH      240
#define NATURAL_WIDTH  720
#define N_CACHED       2     /* layouts kept, for the widths measured last */

struct _KsRelationMapView
{
  GtkWidget             parent_instance;

  KsRelations          *relations;    /* only the contacts are set */
  KsRelationMapLayout  *layouts[N_CACHED];
  int                   widths[N_CACHED];
  guint                 next_slot;
  gboolean              label_stale;  /* the accessible label is of other contacts */
  KsChartStyleKind      style;
  gint64                hover;
  gint64                focus;
};

G_DEFINE_FINAL_TYPE (KsRelationMapView, ks_relation_map_view, GTK_TYPE_WIDGET)

enum
{
  CONTACT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_layouts (KsRelationMapView *self)
{
  for (guint i = 0; i < N_CACHED; i++)
    {
      g_clear_pointer (&self->layouts[i], ks_relation_map_layout_free);
      self->widths[i] = 0;
    }
}

static KsRelationMapLayout *
layout_for_width (KsRelationMapView *self,
                  int                width)
{
  PangoContext *context;
  guint slot;

  if (width <= 0)
    return NULL;

  for (guint i = 0; i < N_CACHED; i++)
    if (self->layouts[i] != NULL && self->widths[i] == width)
      return self->layouts[i];

  slot = self->next_slot;
  self->next_slot = (self->next_slot + 1) % N_CACHED;
  g_clear_pointer (&self->layouts[slot], ks_relation_map_layout_free);
  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  self->layouts[slot] = ks_relation_map_layout_new (self->relations, width, context);
  self->widths[slot] = width;
  return self->layouts[slot];
}

static KsRelationMapLayout *
any_layout (KsRelationMapView *self)
{
  for (guint i = 0; i < N_CACHED; i++)
    if (self->layouts[i] != NULL)
      return self->layouts[i];
  return NULL;
}

KsRelationMapLayout *
ks_relation_map_view_get_layout (KsRelationMapView *self)
{
  g_return_val_if_fail (KS_IS_RELATION_MAP_VIEW (self), NULL);

  return layout_for_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

static void
update_label (KsRelationMapView *self)
{
  KsRelationMapLayout *layout = ks_relation_map_view_get_layout (self);
  g_autofree char *description = NULL;

  if (layout == NULL || !self->label_stale)
    return;

  self->label_stale = FALSE;
  description = ks_relation_map_describe (layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
update_style (KsRelationMapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    self->style = KS_CHART_STYLE_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    self->style = KS_CHART_STYLE_DARK;
  else
    self->style = KS_CHART_STYLE_LIGHT;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_font_changed (KsRelationMapView *self)
{
  clear_layouts (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Size and drawing ------------------------------------------------------ */

static GtkSizeRequestMode
ks_relation_map_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ks_relation_map_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  KsRelationMapView *self = KS_RELATION_MAP_VIEW (widget);
  KsRelationMapLayout *layout;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }

  /* Without a width, any layout made already answers well enough: no extra one. */
  layout = for_size < 0 ? any_layout (self) : NULL;
  if (layout == NULL)
    layout = layout_for_width (self, for_size >= 0 ? MAX (for_size, MIN_WIDTH) : NATURAL_WIDTH);
  *minimum = *natural = (int) ceil (ks_relation_map_layout_get_height (layout));
}

static void
ks_relation_map_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  KsRelationMapView *self = KS_RELATION_MAP_VIEW (widget);

  /* Said the way it is read at this width. */
  update_label (self);
}

static void
ks_relation_map_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  KsRelationMapView *self = KS_RELATION_MAP_VIEW (widget);
  KsRelationMapLayout *layout = ks_relation_map_view_get_layout (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (layout == NULL || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ks_relation_map_render (cr, layout, self->style);
  if (self->focus != 0 && gtk_widget_has_visible_focus (widget))
    ks_relation_map_render_focus (cr, layout, self->focus, self->style);
  cairo_destroy (cr);
}

/* Pointer and keyboard -------------------------------------------------- */

static gint64
contact_at (KsRelationMapView *self,
            double             x,
            double             y)
{
  KsRelationMapLayout *layout = ks_relation_map_view_get_layout (self);

  return layout != NULL ? ks_relation_map_hit_test (layout, x, y) : 0;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KsRelationMapView        *self)
{
  gint64 hover = contact_at (self, x, y);

  if (hover == self->hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover != 0 ? "pointer" : NULL);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *controller,
          KsRelationMapView        *self)
{
  self->hover = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
activate_contact (KsRelationMapView *self,
                  gint64             id)
{
  g_signal_emit (self, signals[CONTACT_ACTIVATED], 0, id);
}

static void
on_released (GtkGestureClick   *gesture,
             int                n_press,
             double             x,
             double             y,
             KsRelationMapView *self)
{
  gint64 id = contact_at (self, x, y);

  if (id == 0)
    return;
  self->focus = id;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  activate_contact (self, id);
}

/* "Wang Fang\nChief executive\nChampion · High influence\nReports to Li Wei\n…" */
static char *
contact_tooltip (KsRelationMapView *self,
                 gint64             id)
{
  KsRelationMapLayout *layout = ks_relation_map_view_get_layout (self);
  const KsContact *contact = layout != NULL ? ks_relation_map_layout_get_contact (layout, id)
                                            : NULL;
  const KsContact *manager;
  GString *text;

  if (contact == NULL)
    return NULL;

  text = g_string_new (contact->name);
  if (contact->title != NULL && *contact->title != '\0')
    g_string_append_printf (text, "\n%s", contact->title);
  if ((guint) contact->attitude < KS_N_ATTITUDES && (guint) contact->influence < KS_N_INFLUENCES)
    {
      g_string_append_c (text, '\n');
      /* Translators: in the tooltip of a contact on the relationship map: the attitude
       * (Champion, Supporter…) and the influence (High, Medium, Low) */
      g_string_append_printf (text, _("%s · Influence: %s"),
                              ks_attitude_get_label (contact->attitude),
                              ks_influence_get_label (contact->influence));
    }
  manager = ks_relation_map_layout_get_contact (layout,
                                                ks_relation_map_layout_get_manager (layout, id));
  if (manager != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: %s is the name of the contact's manager */
      g_string_append_printf (text, _("Reports to %s"), manager->name);
    }
  g_string_append_c (text, '\n');
  if (contact->last_contact != NULL && *contact->last_contact != '\0')
    /* Translators: %s is a date, 2026-03-01 */
    g_string_append_printf (text, _("Last contact %s"), contact->last_contact);
  else
    g_string_append (text, _("No contact recorded"));

  return g_string_free (text, FALSE);
}

static gboolean
ks_relation_map_view_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard,
                                    GtkTooltip *tooltip)
{
  KsRelationMapView *self = KS_RELATION_MAP_VIEW (widget);
  g_autofree char *text = NULL;
  gint64 id = keyboard ? self->focus : contact_at (self, x, y);

  if (id == 0)
    return FALSE;
  text = contact_tooltip (self, id);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
move_focus (KsRelationMapView *self,
            KsChartDirection   direction)
{
  KsRelationMapLayout *layout = ks_relation_map_view_get_layout (self);
  g_autofree char *description = NULL;
  gint64 next;

  if (layout == NULL)
    return;

  next = ks_relation_map_layout_neighbour (layout, self->focus, direction);
  if (next == 0 || next == self->focus)
    return;

  self->focus = next;
  /* Say where the focus went. */
  description = ks_relation_map_describe_contact (layout, next);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KsRelationMapView     *self)
{
  KsRelationMapLayout *layout = ks_relation_map_view_get_layout (self);

  if (layout == NULL || ks_relation_map_layout_get_n_contacts (layout) == 0 ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, KS_CHART_LEFT);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, KS_CHART_RIGHT);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_focus (self, KS_CHART_UP);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_focus (self, KS_CHART_DOWN);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (ks_relation_map_layout_get_contact (layout, self->focus) == NULL)
        return GDK_EVENT_PROPAGATE;
      activate_contact (self, self->focus);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_focus_enter (KsRelationMapView *self)
{
  KsRelationMapLayout *layout = ks_relation_map_view_get_layout (self);

  /* The first contact, or the one focused before when it is still there. */
  if (layout != NULL && ks_relation_map_layout_get_contact (layout, self->focus) == NULL)
    self->focus = ks_relation_map_layout_neighbour (layout, 0, KS_CHART_RIGHT);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave (KsRelationMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Life cycle ------------------------------------------------------------ */

void
ks_relation_map_view_set_relations (KsRelationMapView *self,
                                    const KsRelations *relations)
{
  g_return_if_fail (KS_IS_RELATION_MAP_VIEW (self));
  g_return_if_fail (relations != NULL);

  g_clear_pointer (&self->relations, ks_relations_free);
  self->relations = ks_relations_new (relations->account_id);
  for (guint i = 0; relations->contacts != NULL && i < relations->contacts->len; i++)
    g_ptr_array_add (self->relations->contacts,
                     ks_contact_copy (g_ptr_array_index (relations->contacts, i)));

  clear_layouts (self);
  self->hover = 0;
  self->label_stale = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkWidget *
ks_relation_map_view_new (void)
{
  return g_object_new (KS_TYPE_RELATION_MAP_VIEW, NULL);
}

static void
ks_relation_map_view_dispose (GObject *object)
{
  KsRelationMapView *self = KS_RELATION_MAP_VIEW (object);

  clear_layouts (self);
  g_clear_pointer (&self->relations, ks_relations_free);

  G_OBJECT_CLASS (ks_relation_map_view_parent_class)->dispose (object);
}

static void
ks_relation_map_view_class_init (KsRelationMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_relation_map_view_dispose;
  widget_class->get_request_mode = ks_relation_map_view_get_request_mode;
  widget_class->measure = ks_relation_map_view_measure;
  widget_class->size_allocate = ks_relation_map_view_size_allocate;
  widget_class->snapshot = ks_relation_map_view_snapshot;
  widget_class->query_tooltip = ks_relation_map_view_query_tooltip;

  /**
   * KsRelationMapView::contact-activated:
   * @self: the map
   * @id: the contact's id
   *
   * A contact was clicked, or Enter was pressed on it.
   */
  signals[CONTACT_ACTIVATED] =
    g_signal_new ("contact-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "relationmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_relation_map_view_init (KsRelationMapView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSettings *settings = gtk_settings_get_default ();

  self->relations = ks_relations_new (0);
  self->label_stale = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship map"), -1);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (update_style), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (update_style), self,
                           G_CONNECT_SWAPPED);
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "notify::gtk-font-name",
                               G_CALLBACK (on_font_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "notify::gtk-xft-dpi",
                               G_CALLBACK (on_font_changed), self, G_CONNECT_SWAPPED);
    }
  update_style (self);
}
