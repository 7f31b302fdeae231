/* ks-plan-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-plan-widgets.h"
#include "ks-widgets.h"

GtkWidget *
ks_plan_empty_state_new (const char *icon_name,
                         const char *title,
                         const char *hint)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *hint_label = gtk_label_new (hint);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_widget_set_margin_bottom (image, 6);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (title_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title_label, "title-4");

  gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (hint_label, "dim-label");

  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), hint_label);
  return box;
}

void
ks_plan_set_tooltip (GtkWidget  *widget,
                     const char *tooltip)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* Hidden, the tooltip is only stored; shown again, nothing is asked. */
  if (!gtk_widget_get_mapped (widget) && gtk_widget_get_visible (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, tooltip);
      gtk_widget_set_visible (widget, TRUE);
    }
  else
    {
      gtk_widget_set_tooltip_text (widget, tooltip);
    }
}

GtkWidget *
ks_plan_icon_button_new (const char *icon_name,
                         const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  ks_plan_set_tooltip (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

char *
ks_plan_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint) g_date_get_month (date), g_date_get_day (date));
}

typedef struct
{
  GtkEditable *entry;      /* the button sits inside it */
  KsStore     *store;
  GtkCalendar *calendar;
  gboolean     showing;    /* selecting the day shown is not the user's pick */
} DateButton;

static void
date_button_free (gpointer data)
{
  DateButton *db = data;

  g_clear_object (&db->store);
  g_free (db);
}

static void
on_date_popover_show (GtkPopover *popover,
                      DateButton *db)
{
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  if (!ks_plan_parse_date (gtk_editable_get_text (db->entry), &date))
    ks_store_get_today (db->store, &date);

  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  db->showing = TRUE;
  gtk_calendar_select_day (db->calendar, when);
  db->showing = FALSE;
}

static void
on_day_selected (GtkCalendar *calendar,
                 DateButton  *db)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;
  GtkWidget *popover;

  if (db->showing)
    return;

  when = gtk_calendar_get_date (calendar);
  text = g_date_time_format (when, "%Y-%m-%d");
  gtk_editable_set_text (db->entry, text);

  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

GtkWidget *
ks_plan_date_button_new (GtkEditable *entry,
                         KsStore     *store)
{
  GtkWidget *button;
  GtkWidget *popover;
  DateButton *db;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), NULL);
  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  db = g_new0 (DateButton, 1);
  db->entry = entry;
  db->store = g_object_ref (store);
  db->calendar = GTK_CALENDAR (gtk_calendar_new ());

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (db->calendar));

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  ks_plan_set_tooltip (button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);

  g_object_set_data_full (G_OBJECT (button), "ks-date-button", db, date_button_free);
  g_signal_connect (popover, "show", G_CALLBACK (on_date_popover_show), db);
  g_signal_connect (db->calendar, "day-selected", G_CALLBACK (on_day_selected), db);
  return button;
}

char *
ks_plan_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
ks_plan_show_field_error (GtkWidget  *field,
                          GtkLabel   *label,
                          const char *message)
{
  if (message != NULL)
    {
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      if (field == NULL)
        return;
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else if (field != NULL)
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
ks_plan_hide_error (GtkLabel *label)
{
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  gtk_label_set_label (label, "");
}

char *
ks_plan_ellipsize (const char *text,
                   guint       max)
{
  g_autofree char *line = NULL;
  const char *end;
  glong length;

  if (text == NULL)
    return g_strdup ("");

  end = strchr (text, '\n');
  line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  g_strstrip (line);
  length = g_utf8_strlen (line, -1);
  if (length <= (glong) max && end == NULL)
    return g_steal_pointer (&line);
  if (length > (glong) max)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, max > 1 ? max - 1 : 0);

      return g_strconcat (cut, "…", NULL);
    }
  return g_strconcat (line, "…", NULL);
}

typedef struct
{
  GWeakRef        widget;
  KsPlanUndoFunc  undo;
  gpointer        data;
  GDestroyNotify  destroy;
} UndoData;

static void
undo_data_free (gpointer user_data)
{
  UndoData *undo = user_data;

  g_weak_ref_clear (&undo->widget);
  if (undo->destroy != NULL)
    undo->destroy (undo->data);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast *toast,
                 UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!undo->undo (undo->data, &error))
    {
      g_autoptr(GtkWidget) widget = g_weak_ref_get (&undo->widget);

      if (widget != NULL && gtk_widget_get_root (widget) != NULL)
        ks_widget_show_error (widget, _("Could Not Undo"), error);
      else
        g_warning ("Could not undo: %s", error->message);
    }
}

void
ks_plan_show_undo_toast (GtkWidget      *widget,
                         const char     *what,
                         KsPlanUndoFunc  undo,
                         gpointer        data,
                         GDestroyNotify  destroy)
{
  g_autofree char *short_what = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  UndoData *undo_data;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (undo != NULL);

  undo_data = g_new0 (UndoData, 1);
  g_weak_ref_init (&undo_data->widget, widget);
  undo_data->undo = undo;
  undo_data->data = data;
  undo_data->destroy = destroy;

  /* A toast's title is markup. */
  short_what = ks_plan_ellipsize (what, 40);
  escaped = g_markup_escape_text (short_what, -1);
  /* Translators: %s is what was deleted: an action's title, a SWOT item, a risk */
  title = g_strdup_printf (_("“%s” deleted"), escaped);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ks-undo", undo_data, undo_data_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo_data);
  ks_widget_add_toast (widget, toast);
}

void
ks_plan_add_save_shortcut (GtkWidget  *window,
                           const char *action_name)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger =
    gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter");

  /* In the capture phase: a text view would take Ctrl+Enter for a new line. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new (action_name)));
  gtk_widget_add_controller (window, controller);
}

void
ks_plan_present_dialog (GtkWidget *widget,
                        GtkWindow *dialog)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
      gtk_window_set_application (dialog, gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_set_modal (dialog, TRUE);
  gtk_window_set_destroy_with_parent (dialog, TRUE);
  gtk_window_present (dialog);
}

struct _KsPlanSectionLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (KsPlanSectionLayout, ks_plan_section_layout, GTK_TYPE_LAYOUT_MANAGER)

static void
ks_plan_section_layout_measure (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                GtkOrientation    orientation,
                                int               for_size,
                                int              *minimum,
                                int              *natural,
                                int              *minimum_baseline,
                                int              *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
ks_plan_section_layout_allocate (GtkLayoutManager *manager,
                                 GtkWidget        *widget,
                                 int               width,
                                 int               height,
                                 int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
ks_plan_section_layout_get_request_mode (GtkLayoutManager *manager,
                                         GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ks_plan_section_layout_class_init (KsPlanSectionLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = ks_plan_section_layout_measure;
  layout_class->allocate = ks_plan_section_layout_allocate;
  layout_class->get_request_mode = ks_plan_section_layout_get_request_mode;
}

static void
ks_plan_section_layout_init (KsPlanSectionLayout *self)
{
}

guint
ks_plan_rows_to_fill (GtkWidget *widget,
                      int        above,
                      int        row_height,
                      guint      fallback)
{
  GtkWidget *ancestor;
  int height = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), fallback);
  g_return_val_if_fail (row_height > 0, fallback);

  /* The height on screen: the scrolled window's, or, on a page shown for the first time
   * and not laid out yet, that of the stack around it. */
  ancestor = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (ancestor == NULL)
    ancestor = widget;
  for (; ancestor != NULL && height <= 0; ancestor = gtk_widget_get_parent (ancestor))
    height = gtk_widget_get_height (ancestor);
  if (height <= 0)
    return fallback;
  return MAX (height - above, 0) / row_height + 1;
}

typedef struct
{
  GSource        source;
  GdkFrameClock *clock;     /* NULL: ready at every iteration, as an idle */
  gulong         handler;   /* waiting for the frame; 0 once it is drawn */
} AfterFrameSource;

static void
on_frame_drawn (GdkFrameClock    *clock,
                AfterFrameSource *after)
{
  g_clear_signal_handler (&after->handler, clock);
}

static void
after_frame_wait (AfterFrameSource *after)
{
  if (after->clock != NULL && after->handler == 0)
    after->handler = g_signal_connect (after->clock, "after-paint",
                                       G_CALLBACK (on_frame_drawn), after);
}

static gboolean
after_frame_prepare (GSource *source,
                     int     *timeout)
{
  *timeout = -1;
  return ((AfterFrameSource *) source)->handler == 0;
}

static gboolean
after_frame_check (GSource *source)
{
  return ((AfterFrameSource *) source)->handler == 0;
}

static gboolean
after_frame_dispatch (GSource     *source,
                      GSourceFunc  callback,
                      gpointer     data)
{
  if (!callback (data))
    return G_SOURCE_REMOVE;

  after_frame_wait ((AfterFrameSource *) source);
  return G_SOURCE_CONTINUE;
}

static void
after_frame_finalize (GSource *source)
{
  AfterFrameSource *after = (AfterFrameSource *) source;

  if (after->clock != NULL)
    g_clear_signal_handler (&after->handler, after->clock);
  g_clear_object (&after->clock);
}

static GSourceFuncs after_frame_funcs = {
  .prepare = after_frame_prepare,
  .check = after_frame_check,
  .dispatch = after_frame_dispatch,
  .finalize = after_frame_finalize,
};

guint
ks_plan_idle_add_after_frame (GtkWidget   *widget,
                              GSourceFunc  func,
                              gpointer     data)
{
  GSource *source;
  AfterFrameSource *after;
  GdkFrameClock *clock;
  guint id;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);
  g_return_val_if_fail (func != NULL, 0);

  source = g_source_new (&after_frame_funcs, sizeof (AfterFrameSource));
  after = (AfterFrameSource *) source;
  clock = gtk_widget_get_frame_clock (widget);
  if (clock != NULL)
    {
      after->clock = g_object_ref (clock);
      after_frame_wait (after);
    }
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, func, data, NULL);
  g_source_set_static_name (source, "[keystone] after frame");
  id = g_source_attach (source, NULL);
  g_source_unref (source);
  return id;
}

GtkListBoxRow *
ks_plan_list_get_focus_row (GtkListBox *list)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list));
  GtkWidget *focus;

  if (root == NULL)
    return NULL;

  focus = gtk_root_get_focus (root);
  if (GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (list))
    return GTK_LIST_BOX_ROW (focus);
  return NULL;
}
