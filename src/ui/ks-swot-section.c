/* ks-swot-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-plan-widgets.h"
#include "ks-swot-section.h"
#include "ks-widgets.h"

typedef struct _Quadrant Quadrant;

/* Which control of a row gets the focus back after the row's item moved. */
typedef enum
{
  FOCUS_ROW,
  FOCUS_UP,
  FOCUS_DOWN,
} FocusTarget;

struct _Quadrant
{
  KsSwotSection *section;
  KsSwotKind     kind;
  GtkListBox    *list;
  GtkEntry      *add_entry;
  GtkLabel      *error;
};

struct _KsSwotSection
{
  AdwBin          parent_instance;

  KsStore        *store;
  KsAccount      *account;
  GPtrArray      *items;          /* KsSwotItem *: the plan's, copied */
  gboolean        dirty;          /* @items not shown yet */
  gint64          focus_item_id;  /* the item whose row takes the focus after a move */
  FocusTarget     focus_target;
  Quadrant        quadrants[KS_N_SWOT_KINDS];

  /* template children */
  GtkBox         *grid;
};

G_DEFINE_FINAL_TYPE (KsSwotSection, ks_swot_section, ADW_TYPE_BIN)

static const char * const add_placeholders[KS_N_SWOT_KINDS] = {
  /* Translators: the placeholder of the entry that adds a line to a SWOT quadrant */
  [KS_SWOT_STRENGTH] = N_("Add a strength…"),
  /* Translators: the placeholder of the entry that adds a line to a SWOT quadrant */
  [KS_SWOT_WEAKNESS] = N_("Add a weakness…"),
  /* Translators: the placeholder of the entry that adds a line to a SWOT quadrant */
  [KS_SWOT_OPPORTUNITY] = N_("Add an opportunity…"),
  /* Translators: the placeholder of the entry that adds a line to a SWOT quadrant */
  [KS_SWOT_THREAT] = N_("Add a threat…"),
};

static const char * const empty_texts[KS_N_SWOT_KINDS] = {
  /* Translators: what an empty SWOT quadrant shows */
  [KS_SWOT_STRENGTH] = N_("No strengths yet"),
  /* Translators: what an empty SWOT quadrant shows */
  [KS_SWOT_WEAKNESS] = N_("No weaknesses yet"),
  /* Translators: what an empty SWOT quadrant shows */
  [KS_SWOT_OPPORTUNITY] = N_("No opportunities yet"),
  /* Translators: what an empty SWOT quadrant shows */
  [KS_SWOT_THREAT] = N_("No threats yet"),
};

/* The widgets of one line, kept with its row. Rows are reused by position when the
 * plan comes back, so an edit or a move does not rebuild the quadrant. */
typedef struct
{
  Quadrant    *quadrant;      /* unowned: the row lives in its list */
  GtkWidget   *row;
  GtkStack    *stack;
  GtkLabel    *label;
  GtkEntry    *entry;
  GtkWidget   *up;
  GtkWidget   *down;
  KsSwotItem  *item;          /* what the row shows */
  guint        index;         /* its place in the quadrant */
  gboolean     editing;
  guint        leave_id;      /* the idle that ends an edit the focus left */
} ItemRow;

#define ITEM_ROW_KEY "ks-swot-row"

static ItemRow *
get_item_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), ITEM_ROW_KEY) : NULL;
}

static void
item_row_free (gpointer data)
{
  ItemRow *ir = data;

  g_clear_handle_id (&ir->leave_id, g_source_remove);
  g_clear_pointer (&ir->item, ks_swot_item_free);
  g_free (ir);
}

static void
quadrant_show_error (Quadrant   *quadrant,
                     GtkWidget  *field,
                     const char *message)
{
  ks_plan_show_field_error (field, quadrant->error, message);
}

static void
quadrant_clear_error (Quadrant  *quadrant,
                      GtkWidget *field)
{
  ks_plan_show_field_error (field, NULL, NULL);
  ks_plan_hide_error (quadrant->error);
}

/* ---- Undo ---------------------------------------------------------------------- */

typedef struct
{
  KsStore    *store;
  gint64      account_id;
  KsSwotItem *item;
} DeletedItem;

static void
deleted_item_free (gpointer data)
{
  DeletedItem *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->item, ks_swot_item_free);
  g_free (deleted);
}

static gboolean
restore_item (gpointer  data,
              GError  **error)
{
  DeletedItem *deleted = data;

  return ks_store_restore_swot_item (deleted->store, deleted->account_id, deleted->item, error);
}

/* ---- Editing in place ---------------------------------------------------------- */

static void
stop_editing (ItemRow  *ir,
              gboolean  refocus)
{
  if (!ir->editing)
    return;

  ir->editing = FALSE;
  g_clear_handle_id (&ir->leave_id, g_source_remove);
  quadrant_clear_error (ir->quadrant, GTK_WIDGET (ir->entry));
  /* The row takes the focus before the entry goes, so the focus stays in the list. */
  if (refocus)
    gtk_widget_grab_focus (ir->row);
  gtk_stack_set_visible_child (ir->stack, GTK_WIDGET (ir->label));
}

static void
start_editing (ItemRow *ir)
{
  if (ir->editing || ir->item == NULL)
    return;

  ir->editing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (ir->entry), ir->item->text);
  gtk_stack_set_visible_child (ir->stack, GTK_WIDGET (ir->entry));
  gtk_widget_grab_focus (GTK_WIDGET (ir->entry));
}

/* Saves the edited line. @lenient (the focus left): an empty or wrong line is
 * dropped rather than kept open with a message. */
static void
commit_editing (ItemRow  *ir,
                gboolean  lenient)
{
  KsSwotSection *self = ir->quadrant->section;
  g_autoptr(KsSwotItem) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!ir->editing || ir->item == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ir->entry))));
  if (g_strcmp0 (text, ir->item->text) == 0)
    {
      stop_editing (ir, !lenient);
      return;
    }

  edited = ks_swot_item_copy (ir->item);
  g_free (edited->text);
  edited->text = g_steal_pointer (&text);
  if (!ks_swot_item_validate (edited, &error))
    {
      if (lenient)
        stop_editing (ir, FALSE);
      else
        quadrant_show_error (ir->quadrant, GTK_WIDGET (ir->entry), error->message);
      return;
    }

  /* Done before the save: the store's ::plan-changed updates this row. */
  stop_editing (ir, !lenient);
  gtk_label_set_text (ir->label, edited->text);
  if (!ks_store_save_swot_item (self->store, ks_account_get_id (self->account), edited, &error))
    {
      gtk_label_set_text (ir->label, ir->item->text);
      ks_widget_show_error (GTK_WIDGET (self), _("The Line Could Not Be Saved"), error);
    }
}

static void
on_entry_activate (GtkEntry *entry,
                   ItemRow  *ir)
{
  commit_editing (ir, FALSE);
}

static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      ItemRow               *ir)
{
  if (keyval != GDK_KEY_Escape || !ir->editing)
    return GDK_EVENT_PROPAGATE;

  stop_editing (ir, TRUE);
  return GDK_EVENT_STOP;
}

static gboolean
on_leave_idle (gpointer data)
{
  ItemRow *ir = data;
  GtkRoot *root = gtk_widget_get_root (ir->row);
  GtkWidget *focus;

  ir->leave_id = 0;
  if (root == NULL)
    return G_SOURCE_REMOVE;
  /* Back in the entry (its window was left and came back): still editing. */
  focus = gtk_root_get_focus (root);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (ir->entry)))
    return G_SOURCE_REMOVE;

  commit_editing (ir, TRUE);
  return G_SOURCE_REMOVE;
}

/* Clicking elsewhere keeps what was typed, as GtkEditableLabel does. Later, not now:
 * the focus is moving, and a save rebuilds rows. */
static void
on_entry_leave (GtkEventControllerFocus *controller,
                ItemRow                 *ir)
{
  if (ir->editing && ir->leave_id == 0)
    ir->leave_id = g_idle_add (on_leave_idle, ir);
}

/* ---- Rows ---------------------------------------------------------------------- */

static void
delete_item (KsSwotSection    *self,
             const KsSwotItem *item)
{
  g_autoptr(GError) error = NULL;
  DeletedItem *deleted;

  deleted = g_new0 (DeletedItem, 1);
  deleted->store = g_object_ref (self->store);
  deleted->account_id = ks_account_get_id (self->account);
  deleted->item = ks_swot_item_copy (item);

  if (!ks_store_delete_swot_item (self->store, deleted->item->id, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Line Could Not Be Deleted"), error);
      deleted_item_free (deleted);
      return;
    }

  ks_plan_show_undo_toast (GTK_WIDGET (self), deleted->item->text,
                           restore_item, deleted, deleted_item_free);
}

static void
move_item (ItemRow *ir,
           int      delta)
{
  KsSwotSection *self = ir->quadrant->section;
  g_autoptr(GError) error = NULL;

  if (ir->item == NULL || (delta < 0 && ir->index == 0))
    return;

  if (ir->editing)
    commit_editing (ir, TRUE);

  self->focus_item_id = ir->item->id;
  self->focus_target = delta < 0 ? FOCUS_UP : FOCUS_DOWN;
  if (!ks_store_move_swot_item (self->store, ir->item->id, ir->index + delta, &error))
    {
      self->focus_item_id = 0;
      ks_widget_show_error (GTK_WIDGET (self), _("The Line Could Not Be Moved"), error);
    }
}

static void
on_up_clicked (GtkButton *button,
               ItemRow   *ir)
{
  move_item (ir, -1);
}

static void
on_down_clicked (GtkButton *button,
                 ItemRow   *ir)
{
  move_item (ir, 1);
}

static void
on_delete_clicked (GtkButton *button,
                   ItemRow   *ir)
{
  if (ir->item != NULL)
    delete_item (ir->quadrant->section, ir->item);
}

static ItemRow *
item_row_new (Quadrant *quadrant)
{
  ItemRow *ir = g_new0 (ItemRow, 1);
  const char *key = ks_swot_kind_get_key (quadrant->kind);
  g_autofree char *row_name = g_strdup_printf ("swot-item-%s", key);
  GtkEventController *controller;
  GtkWidget *box;
  GtkWidget *delete_button;

  ir->quadrant = quadrant;
  ir->row = gtk_list_box_row_new ();
  gtk_widget_set_name (ir->row, row_name);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  ir->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (ir->label), "swot-text");
  gtk_label_set_xalign (ir->label, 0);
  gtk_label_set_wrap (ir->label, TRUE);
  gtk_label_set_wrap_mode (ir->label, PANGO_WRAP_WORD_CHAR);
  /* A modest natural width for a long line; it still fills the width it is given. */
  gtk_label_set_max_width_chars (ir->label, 16);
  gtk_widget_set_margin_top (GTK_WIDGET (ir->label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (ir->label), 6);

  ir->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (ir->entry), "swot-edit");
  gtk_widget_set_valign (GTK_WIDGET (ir->entry), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ir->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ks_swot_kind_get_label (quadrant->kind), -1);
  g_signal_connect (ir->entry, "activate", G_CALLBACK (on_entry_activate), ir);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_entry_key_pressed), ir);
  gtk_widget_add_controller (GTK_WIDGET (ir->entry), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_entry_leave), ir);
  gtk_widget_add_controller (GTK_WIDGET (ir->entry), controller);

  ir->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (ir->stack), TRUE);
  gtk_stack_set_hhomogeneous (ir->stack, FALSE);
  gtk_stack_set_vhomogeneous (ir->stack, FALSE);
  gtk_stack_set_interpolate_size (ir->stack, FALSE);
  gtk_stack_add_child (ir->stack, GTK_WIDGET (ir->label));
  gtk_stack_add_child (ir->stack, GTK_WIDGET (ir->entry));
  gtk_stack_set_visible_child (ir->stack, GTK_WIDGET (ir->label));

  ir->up = ks_plan_icon_button_new ("go-up-symbolic", _("Move Up"));
  gtk_widget_set_name (ir->up, "swot-up");
  g_signal_connect (ir->up, "clicked", G_CALLBACK (on_up_clicked), ir);
  ir->down = ks_plan_icon_button_new ("go-down-symbolic", _("Move Down"));
  gtk_widget_set_name (ir->down, "swot-down");
  g_signal_connect (ir->down, "clicked", G_CALLBACK (on_down_clicked), ir);
  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Line"));
  gtk_widget_set_name (delete_button, "swot-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), ir);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ir->stack));
  gtk_box_append (GTK_BOX (box), ir->up);
  gtk_box_append (GTK_BOX (box), ir->down);
  gtk_box_append (GTK_BOX (box), delete_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (ir->row), box);

  g_object_set_data_full (G_OBJECT (ir->row), ITEM_ROW_KEY, ir, item_row_free);
  return ir;
}

static void
item_row_update (ItemRow          *ir,
                 const KsSwotItem *item,
                 guint             index,
                 guint             n)
{
  /* The plan came back while a line was open: the one being edited stays open, any
   * other shows what is stored now. */
  if (ir->editing && (ir->item == NULL || ir->item->id != item->id))
    stop_editing (ir, (gtk_widget_get_state_flags (GTK_WIDGET (ir->entry)) &
                       GTK_STATE_FLAG_FOCUS_WITHIN) != 0);

  g_clear_pointer (&ir->item, ks_swot_item_free);
  ir->item = ks_swot_item_copy (item);
  ir->index = index;

  gtk_label_set_text (ir->label, item->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ir->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, item->text, -1);
  gtk_widget_set_sensitive (ir->up, index > 0);
  gtk_widget_set_sensitive (ir->down, index + 1 < n);
}

/* ---- Two columns or one ------------------------------------------------------- */

/* The quadrants two a line (strengths beside weaknesses, opportunities beside threats)
 * when both fit at their minimum width, else one under the other. Each line is as
 * tall as its taller quadrant. A GtkFlowBox does the same but guesses heights at
 * another width than it gives, leaving gaps. */
#define SWOT_SPACING 18

#define KS_TYPE_SWOT_LAYOUT (ks_swot_layout_get_type ())

G_DECLARE_FINAL_TYPE (KsSwotLayout, ks_swot_layout, KS, SWOT_LAYOUT, GtkLayoutManager)

struct _KsSwotLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (KsSwotLayout, ks_swot_layout, GTK_TYPE_LAYOUT_MANAGER)

static int
max_child_min_width (GtkWidget *widget)
{
  int widest = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      widest = MAX (widest, min);
    }
  return widest;
}

/* How wide a column is at @width: the whole of it, or half. */
static int
column_width (GtkWidget *widget,
              int        width)
{
  int min = max_child_min_width (widget);

  if (width >= 2 * min + SWOT_SPACING)
    return (width - SWOT_SPACING) / 2;
  return width;
}

static void
ks_swot_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  int min_total = 0;
  int nat_total = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min_widest = 0;
      int nat_widest = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min = 0, nat = 0;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          min_widest = MAX (min_widest, min);
          nat_widest = MAX (nat_widest, nat);
        }
      min_total = min_widest;
      nat_total = 2 * nat_widest + SWOT_SPACING;
    }
  else
    {
      int column = for_size >= 0 ? column_width (widget, for_size) : -1;
      gboolean two = for_size >= 0 && column < for_size;
      int line_min = 0, line_nat = 0;
      guint i = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min = 0, nat = 0;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, column, &min, &nat, NULL, NULL);
          line_min = MAX (line_min, min);
          line_nat = MAX (line_nat, nat);
          /* A line ends after every child in one column, every second in two. */
          if (!two || i % 2 == 1)
            {
              min_total += line_min + (min_total > 0 ? SWOT_SPACING : 0);
              nat_total += line_nat + (nat_total > 0 ? SWOT_SPACING : 0);
              line_min = line_nat = 0;
            }
          i++;
        }
      if (line_min > 0 || line_nat > 0)
        {
          min_total += line_min + (min_total > 0 ? SWOT_SPACING : 0);
          nat_total += line_nat + (nat_total > 0 ? SWOT_SPACING : 0);
        }
    }

  *minimum = min_total;
  *natural = MAX (min_total, nat_total);
}

static void
ks_swot_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  int column = column_width (widget, width);
  gboolean two = column < width;
  GtkWidget *line[2] = { NULL, NULL };
  int y = 0;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL || n > 0;
       child = child != NULL ? gtk_widget_get_next_sibling (child) : NULL)
    {
      int line_height = 0;

      if (child != NULL && !gtk_widget_should_layout (child))
        continue;
      if (child != NULL)
        line[n++] = child;
      /* Lay out a full line, or what is left at the end. */
      if (child != NULL && two && n < 2)
        continue;

      for (guint i = 0; i < n; i++)
        {
          int nat = 0;

          gtk_widget_measure (line[i], GTK_ORIENTATION_VERTICAL, column, NULL, &nat, NULL, NULL);
          line_height = MAX (line_height, nat);
        }
      for (guint i = 0; i < n; i++)
        {
          int x = (int) i * (column + SWOT_SPACING);

          gtk_widget_size_allocate (line[i],
                                    &(GtkAllocation) { x, y, i == 0 ? column : width - x,
                                                       line_height },
                                    -1);
        }
      y += line_height + SWOT_SPACING;
      n = 0;
    }
}

static GtkSizeRequestMode
ks_swot_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ks_swot_layout_class_init (KsSwotLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = ks_swot_layout_measure;
  layout_class->allocate = ks_swot_layout_allocate;
  layout_class->get_request_mode = ks_swot_layout_get_request_mode;
}

static void
ks_swot_layout_init (KsSwotLayout *self)
{
}

/* ---- Quadrants ----------------------------------------------------------------- */

static void
on_add (Quadrant *quadrant)
{
  KsSwotSection *self = quadrant->section;
  g_autoptr(KsSwotItem) item = g_new0 (KsSwotItem, 1);
  g_autoptr(GError) error = NULL;

  item->kind = quadrant->kind;
  item->text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (quadrant->add_entry))));
  if (*item->text == '\0')
    {
      quadrant_show_error (quadrant, GTK_WIDGET (quadrant->add_entry),
                           _("Write the line first: an empty line is not added."));
      return;
    }

  if (!ks_swot_item_validate (item, &error) ||
      !ks_store_save_swot_item (self->store, ks_account_get_id (self->account), item, &error))
    {
      quadrant_show_error (quadrant, GTK_WIDGET (quadrant->add_entry), error->message);
      return;
    }

  /* The focus stays in the entry, for the next line. */
  gtk_editable_set_text (GTK_EDITABLE (quadrant->add_entry), "");
}

static void
on_add_entry_changed (Quadrant *quadrant)
{
  quadrant_clear_error (quadrant, GTK_WIDGET (quadrant->add_entry));
}

static void
on_item_activated (GtkListBox    *list,
                   GtkListBoxRow *row,
                   Quadrant      *quadrant)
{
  ItemRow *ir = get_item_row (row);

  if (ir != NULL)
    start_editing (ir);
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     Quadrant              *quadrant)
{
  ItemRow *ir;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  ir = get_item_row (ks_plan_list_get_focus_row (quadrant->list));
  if (ir == NULL || ir->item == NULL || ir->editing)
    return GDK_EVENT_PROPAGATE;

  delete_item (quadrant->section, ir->item);
  return GDK_EVENT_STOP;
}

static void
quadrant_init (KsSwotSection *self,
               KsSwotKind     kind)
{
  Quadrant *quadrant = &self->quadrants[kind];
  const char *key = ks_swot_kind_get_key (kind);
  const char *label = ks_swot_kind_get_label (kind);
  g_autofree char *quadrant_name = g_strdup_printf ("swot-%s", key);
  g_autofree char *list_name = g_strdup_printf ("swot-list-%s", key);
  g_autofree char *add_name = g_strdup_printf ("swot-add-%s", key);
  g_autofree char *error_name = g_strdup_printf ("swot-error-%s", key);
  g_autofree char *empty_name = g_strdup_printf ("swot-empty-%s", key);
  GtkEventController *keys;
  GtkWidget *box;
  GtkWidget *heading;
  GtkWidget *empty;

  quadrant->section = self;
  quadrant->kind = kind;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* Two of these side by side need about 600 pixels; below that, one column. */
  gtk_widget_set_size_request (box, 280, -1);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_name (box, quadrant_name);

  heading = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");

  quadrant->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (quadrant->list), list_name);
  gtk_list_box_set_selection_mode (quadrant->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (quadrant->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (quadrant->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (quadrant->list, "row-activated", G_CALLBACK (on_item_activated), quadrant);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), quadrant);
  gtk_widget_add_controller (GTK_WIDGET (quadrant->list), keys);

  empty = gtk_label_new (_(empty_texts[kind]));
  gtk_widget_set_name (empty, empty_name);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (empty), 16);
  gtk_widget_set_margin_top (empty, 18);
  gtk_widget_set_margin_bottom (empty, 18);
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_list_box_set_placeholder (quadrant->list, empty);

  quadrant->add_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (quadrant->add_entry), 12);
  gtk_widget_set_name (GTK_WIDGET (quadrant->add_entry), add_name);
  gtk_entry_set_placeholder_text (quadrant->add_entry, _(add_placeholders[kind]));
  gtk_entry_set_icon_from_icon_name (quadrant->add_entry, GTK_ENTRY_ICON_SECONDARY,
                                     "list-add-symbolic");
  gtk_entry_set_icon_tooltip_text (quadrant->add_entry, GTK_ENTRY_ICON_SECONDARY,
                                   _("Add (Enter)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (quadrant->add_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(add_placeholders[kind]), -1);
  gtk_widget_set_margin_top (GTK_WIDGET (quadrant->add_entry), 6);
  g_signal_connect_swapped (quadrant->add_entry, "activate", G_CALLBACK (on_add), quadrant);
  g_signal_connect_swapped (quadrant->add_entry, "icon-release", G_CALLBACK (on_add), quadrant);
  g_signal_connect_swapped (quadrant->add_entry, "changed",
                            G_CALLBACK (on_add_entry_changed), quadrant);

  quadrant->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (quadrant->error), error_name);
  gtk_widget_set_visible (GTK_WIDGET (quadrant->error), FALSE);
  gtk_label_set_wrap (quadrant->error, TRUE);
  gtk_label_set_max_width_chars (quadrant->error, 16);
  gtk_label_set_xalign (quadrant->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (quadrant->error), "error");

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (quadrant->list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (quadrant->add_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (quadrant->error));

  gtk_box_append (self->grid, box);
}

static void
focus_moved_row (ItemRow     *ir,
                 FocusTarget  target)
{
  GtkWidget *widget = ir->row;

  if (target == FOCUS_UP)
    widget = gtk_widget_get_sensitive (ir->up) ? ir->up : ir->down;
  else if (target == FOCUS_DOWN)
    widget = gtk_widget_get_sensitive (ir->down) ? ir->down : ir->up;
  if (!gtk_widget_get_sensitive (widget))
    widget = ir->row;
  gtk_widget_grab_focus (widget);
}

static void
quadrant_rebuild (Quadrant         *quadrant,
                  const KsSwotItem **items,
                  guint             n)
{
  KsSwotSection *self = quadrant->section;
  GtkListBoxRow *row;
  gboolean lost_focus = FALSE;

  for (guint i = 0; i < n; i++)
    {
      ItemRow *ir;

      row = gtk_list_box_get_row_at_index (quadrant->list, i);
      if (row != NULL)
        {
          ir = get_item_row (row);
        }
      else
        {
          ir = item_row_new (quadrant);
          gtk_list_box_append (quadrant->list, ir->row);
        }
      item_row_update (ir, items[i], i, n);

      if (self->focus_item_id != 0 && items[i]->id == self->focus_item_id)
        {
          focus_moved_row (ir, self->focus_target);
          self->focus_item_id = 0;
        }
    }

  while ((row = gtk_list_box_get_row_at_index (quadrant->list, n)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (focus == GTK_WIDGET (row) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
        lost_focus = TRUE;
      gtk_list_box_remove (quadrant->list, GTK_WIDGET (row));
    }

  /* The last line was deleted from the keyboard: stay in the list, or go to the entry. */
  if (lost_focus)
    {
      row = n > 0 ? gtk_list_box_get_row_at_index (quadrant->list, n - 1) : NULL;
      gtk_widget_grab_focus (row != NULL ? GTK_WIDGET (row) : GTK_WIDGET (quadrant->add_entry));
    }
}

static void
rebuild (KsSwotSection *self)
{
  /* The plan's lines are by kind, then position. */
  g_autofree const KsSwotItem **items = g_new0 (const KsSwotItem *, self->items->len + 1);

  self->dirty = FALSE;

  for (guint kind = 0; kind < KS_N_SWOT_KINDS; kind++)
    {
      guint n = 0;

      for (guint i = 0; i < self->items->len; i++)
        {
          const KsSwotItem *item = g_ptr_array_index (self->items, i);

          if ((guint) item->kind == kind)
            items[n++] = item;
        }
      quadrant_rebuild (&self->quadrants[kind], items, n);
    }
  self->focus_item_id = 0;
}

/* ---- The section --------------------------------------------------------------- */

static void
ks_swot_section_map (GtkWidget *widget)
{
  KsSwotSection *self = KS_SWOT_SECTION (widget);

  /* Before the children are mapped: the rows come with the section's first frame. */
  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (ks_swot_section_parent_class)->map (widget);
}

static void
ks_swot_section_dispose (GObject *object)
{
  KsSwotSection *self = KS_SWOT_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_SWOT_SECTION);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_swot_section_parent_class)->dispose (object);
}

static void
ks_swot_section_class_init (KsSwotSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_swot_section_dispose;
  widget_class->map = ks_swot_section_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-swot-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsSwotSection, grid);
}

static void
ks_swot_section_init (KsSwotSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_layout_manager (GTK_WIDGET (self->grid), g_object_new (KS_TYPE_SWOT_LAYOUT, NULL));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_swot_item_free);
  for (guint kind = 0; kind < KS_N_SWOT_KINDS; kind++)
    quadrant_init (self, kind);
}

GtkWidget *
ks_swot_section_new (KsStore   *store,
                     KsAccount *account)
{
  KsSwotSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_SWOT_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  return GTK_WIDGET (self);
}

void
ks_swot_section_set_plan (KsSwotSection       *self,
                          const KsAccountPlan *plan)
{
  g_return_if_fail (KS_IS_SWOT_SECTION (self));
  g_return_if_fail (plan != NULL);

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; plan->swot != NULL && i < plan->swot->len; i++)
    g_ptr_array_add (self->items, ks_swot_item_copy (g_ptr_array_index (plan->swot, i)));

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}
