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
  gboolean        drawn;          /* shown once: new rows get their buttons at once */
  guint           tools_id;       /* gives the rows of the first frame their buttons */
  int             tools_width;    /* of a row's buttons, measured on the first row */
  int             tools_height;

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
  GtkGrid     *grid;
  GtkLabel    *label;
  GtkEntry    *entry;         /* in the label's place while editing; made the first time */
  GtkWidget   *tools;         /* holds the buttons, or their room until made */
  GtkWidget   *up;            /* NULL until made, see ensure_tools() */
  GtkWidget   *down;
  KsSwotItem  *item;          /* what the row shows */
  guint        index;         /* its place in the quadrant */
  guint        n;             /* of lines in the quadrant */
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
  gtk_widget_set_visible (GTK_WIDGET (ir->label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (ir->entry), FALSE);
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

/* The entry shares the label's cell and shows instead of it. Made when first needed:
 * an entry costs several times a label, and most lines are only read. */
static void
ensure_entry (ItemRow *ir)
{
  GtkEventController *controller;

  if (ir->entry != NULL)
    return;

  ir->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (ir->entry), "swot-edit");
  gtk_widget_set_hexpand (GTK_WIDGET (ir->entry), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (ir->entry), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (ir->entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ir->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ks_swot_kind_get_label (ir->quadrant->kind), -1);
  g_signal_connect (ir->entry, "activate", G_CALLBACK (on_entry_activate), ir);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_entry_key_pressed), ir);
  gtk_widget_add_controller (GTK_WIDGET (ir->entry), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_entry_leave), ir);
  gtk_widget_add_controller (GTK_WIDGET (ir->entry), controller);
  gtk_grid_attach (ir->grid, GTK_WIDGET (ir->entry), 0, 0, 1, 1);
}

static void
start_editing (ItemRow *ir)
{
  if (ir->editing || ir->item == NULL)
    return;

  ensure_entry (ir);
  ir->editing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (ir->entry), ir->item->text);
  gtk_widget_set_visible (GTK_WIDGET (ir->entry), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (ir->label), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (ir->entry));
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

  ir->quadrant = quadrant;
  ir->row = gtk_list_box_row_new ();
  gtk_widget_set_name (ir->row, row_name);

  /* A grid, not a box: a box asks a wrapping label for its width at the row's height,
   * which Pango answers by trying one width after another. */
  ir->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (ir->grid, 2);
  gtk_widget_set_margin_top (GTK_WIDGET (ir->grid), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (ir->grid), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (ir->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (ir->grid), 6);

  ir->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (ir->label), "swot-text");
  gtk_widget_set_hexpand (GTK_WIDGET (ir->label), TRUE);
  gtk_label_set_xalign (ir->label, 0);
  gtk_label_set_wrap (ir->label, TRUE);
  gtk_label_set_wrap_mode (ir->label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (GTK_WIDGET (ir->label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (ir->label), 6);

  ir->tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

  gtk_grid_attach (ir->grid, GTK_WIDGET (ir->label), 0, 0, 1, 1);
  gtk_grid_attach (ir->grid, ir->tools, 1, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (ir->row), GTK_WIDGET (ir->grid));

  g_object_set_data_full (G_OBJECT (ir->row), ITEM_ROW_KEY, ir, item_row_free);
  return ir;
}

/* The row's Move Up, Move Down and Delete buttons. The rows of the section's first
 * frame get them in the frame after, in the room kept for them: three buttons a line
 * cost more than the line itself, and the first frame is the one waited for. */
static void
ensure_tools (ItemRow *ir)
{
  GtkWidget *delete_button;

  if (ir->up != NULL)
    return;

  ir->up = ks_plan_icon_button_new ("go-up-symbolic", _("Move Up"));
  gtk_widget_set_name (ir->up, "swot-up");
  gtk_widget_set_sensitive (ir->up, ir->index > 0);
  g_signal_connect (ir->up, "clicked", G_CALLBACK (on_up_clicked), ir);
  ir->down = ks_plan_icon_button_new ("go-down-symbolic", _("Move Down"));
  gtk_widget_set_name (ir->down, "swot-down");
  gtk_widget_set_sensitive (ir->down, ir->index + 1 < ir->n);
  g_signal_connect (ir->down, "clicked", G_CALLBACK (on_down_clicked), ir);
  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Line"));
  gtk_widget_set_name (delete_button, "swot-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), ir);

  gtk_box_append (GTK_BOX (ir->tools), ir->up);
  gtk_box_append (GTK_BOX (ir->tools), ir->down);
  gtk_box_append (GTK_BOX (ir->tools), delete_button);
  gtk_widget_set_size_request (ir->tools, -1, -1);
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
  ir->n = n;

  gtk_label_set_text (ir->label, item->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ir->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, item->text, -1);
  if (ir->up != NULL)
    {
      gtk_widget_set_sensitive (ir->up, index > 0);
      gtk_widget_set_sensitive (ir->down, index + 1 < n);
    }
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
      int heights[2] = { 0, 0 };
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
          gtk_widget_measure (line[i], GTK_ORIENTATION_VERTICAL, column,
                              NULL, &heights[i], NULL, NULL);
          line_height = MAX (line_height, heights[i]);
        }
      /* Each quadrant as tall as it needs, at the top of its line: given the line's
       * height and aligned, it would be measured again for the alignment, at that
       * height. Both columns as wide as measured: a pixel more for the second, to end
       * flush, would measure its quadrant all over again. */
      for (guint i = 0; i < n; i++)
        {
          int x = i == 0 ? 0 : width - column;

          gtk_widget_size_allocate (line[i], &(GtkAllocation) { x, y, column, heights[i] }, -1);
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

  ensure_tools (ir);
  if (target == FOCUS_UP)
    widget = gtk_widget_get_sensitive (ir->up) ? ir->up : ir->down;
  else if (target == FOCUS_DOWN)
    widget = gtk_widget_get_sensitive (ir->down) ? ir->down : ir->up;
  if (!gtk_widget_get_sensitive (widget))
    widget = ir->row;
  gtk_widget_grab_focus (widget);
}

/* After the section's first frame: every row gets its buttons, all at once. */
static gboolean
make_tools (gpointer data)
{
  KsSwotSection *self = data;

  self->tools_id = 0;
  self->drawn = TRUE;
  for (guint kind = 0; kind < KS_N_SWOT_KINDS; kind++)
    {
      GtkListBoxRow *row;

      for (int i = 0; (row = gtk_list_box_get_row_at_index (self->quadrants[kind].list, i)); i++)
        {
          ItemRow *ir = get_item_row (row);

          ensure_tools (ir);
          gtk_widget_set_opacity (ir->tools, 1);
        }
    }
  return G_SOURCE_REMOVE;
}

/* Gives a new row its buttons, or, before the section's first frame, the room for them.
 * The room is measured on the first row's buttons (in the window, so styled), hidden
 * until the others have theirs. */
static void
add_tools (KsSwotSection *self,
           ItemRow       *ir)
{
  if (self->drawn)
    {
      ensure_tools (ir);
    }
  else if (self->tools_width == 0)
    {
      ensure_tools (ir);
      gtk_widget_set_opacity (ir->tools, 0);
      gtk_widget_measure (ir->tools, GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &self->tools_width, NULL, NULL);
      gtk_widget_measure (ir->tools, GTK_ORIENTATION_VERTICAL, -1,
                          NULL, &self->tools_height, NULL, NULL);
    }
  else
    {
      gtk_widget_set_size_request (ir->tools, self->tools_width, self->tools_height);
    }
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
          add_tools (self, ir);
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

  if (!self->drawn && self->tools_id == 0)
    self->tools_id = ks_plan_idle_add_after_frame (GTK_WIDGET (self), make_tools, self);
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

  g_clear_handle_id (&self->tools_id, g_source_remove);

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

  gtk_widget_class_set_layout_manager_type (widget_class, KS_TYPE_PLAN_SECTION_LAYOUT);
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
