/* ks-products-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is saved at once and comes back through KsStore::products-changed,
 * which updates the rows in place when only names changed; else it keeps the rows of
 * the products still there, makes rows for new ones, moves what is out of place and
 * puts the keyboard focus back where the change was made (making fifty rows again for
 * one move took a noticeable fraction of a second). A delete's Undo toast lives
 * in this window: the main window's is behind it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-plan-widgets.h"
#include "ks-products-dialog.h"
#include "ks-widgets.h"

typedef enum
{
  PART_NAME,
  PART_UP,
  PART_DOWN,
  PART_DELETE,
  N_PARTS
} RowPart;

static const char * const part_names[N_PARTS] = { "name", "up", "down", "delete" };

struct _KsProductsDialog
{
  AdwWindow         parent_instance;

  KsStore          *store;
  GPtrArray        *products;     /* KsProduct *, as the rows show them */
  GPtrArray        *rows;         /* AdwEntryRow *, in the same order (not owned); at
                                   * first only of the first products (build_more()) */
  guint             build_id;

  AdwToastOverlay  *toast_overlay;
  AdwEntryRow      *new_row;
  GtkLabel         *error_label;
  GtkListBox       *product_list;
  GtkWidget        *error_field;  /* the field whose error error_label shows */

  /* Where the focus goes when the rows are built again. */
  gboolean          refocus;
  gint64            focus_id;     /* 0: the new product's name */
  RowPart           focus_part;
};

G_DEFINE_FINAL_TYPE (KsProductsDialog, ks_products_dialog, ADW_TYPE_WINDOW)

static void
show_error (KsProductsDialog *self,
            GtkWidget        *field,
            const char       *message)
{
  if (self->error_field != NULL && self->error_field != field)
    ks_plan_show_field_error (self->error_field, self->error_label, NULL);
  ks_plan_show_field_error (field, self->error_label, message);
  self->error_field = field;
}

static void
clear_error (KsProductsDialog *self)
{
  if (self->error_field != NULL)
    ks_plan_show_field_error (self->error_field, self->error_label, NULL);
  self->error_field = NULL;
  ks_plan_hide_error (self->error_label);
}

static int
find_product (KsProductsDialog *self,
              gint64            id)
{
  for (guint i = 0; i < self->products->len; i++)
    if (((KsProduct *) g_ptr_array_index (self->products, i))->id == id)
      return (int) i;
  return -1;
}

static gint64
row_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "ks-product-id");

  return id != NULL ? *id : 0;
}

static GtkWidget *
row_part (AdwEntryRow *row,
          RowPart      part)
{
  if (part == PART_NAME)
    return GTK_WIDGET (row);
  return g_object_get_data (G_OBJECT (row), part_names[part]);
}

/* Undo ------------------------------------------------------------------ */

typedef struct
{
  KsStore     *store;
  KsProduct   *product;
  guint        position;
  GHashTable  *cells;
  GWeakRef     dialog;
} DeletedProduct;

static void
deleted_product_free (gpointer data)
{
  DeletedProduct *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->product, ks_product_free);
  g_clear_pointer (&deleted->cells, g_hash_table_unref);
  g_weak_ref_clear (&deleted->dialog);
  g_free (deleted);
}

static void
on_undo_clicked (AdwToast       *toast,
                 DeletedProduct *deleted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsProductsDialog) self = g_weak_ref_get (&deleted->dialog);

  if (self != NULL)
    {
      self->refocus = TRUE;
      self->focus_id = deleted->product->id;
      self->focus_part = PART_NAME;
    }
  if (!ks_store_restore_product (deleted->store, deleted->product, deleted->position,
                                 deleted->cells, &error))
    {
      if (self != NULL)
        self->refocus = FALSE;
      if (self != NULL)
        ks_widget_show_error (GTK_WIDGET (self), _("Could Not Undo"), error);
      else
        g_warning ("Could not put the product back: %s", error->message);
    }
}

static void
show_undo_toast (KsProductsDialog *self,
                 DeletedProduct   *deleted)
{
  g_autofree char *escaped = g_markup_escape_text (deleted->product->name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s is the product's name */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ks-undo", deleted, deleted_product_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), deleted);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Changes --------------------------------------------------------------- */

static void
on_add (KsProductsDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  KsProduct product = { 0, name };

  if (!ks_store_add_product (self->store, &product, &error))
    {
      show_error (self, GTK_WIDGET (self->new_row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
      return;
    }

  clear_error (self);
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  /* Ready for the next one. */
  gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
}

static void
on_new_changed (KsProductsDialog *self)
{
  if (self->error_field == GTK_WIDGET (self->new_row))
    clear_error (self);
}

static void
on_rename (AdwEntryRow      *row,
           KsProductsDialog *self)
{
  gint64 id = row_id (GTK_WIDGET (row));
  int index = find_product (self, id);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (index < 0)
    return;
  if (g_strcmp0 (name, ((KsProduct *) g_ptr_array_index (self->products, index))->name) == 0)
    {
      if (self->error_field == GTK_WIDGET (row))
        clear_error (self);
      return;
    }

  self->refocus = TRUE;
  self->focus_id = id;
  self->focus_part = PART_NAME;
  if (!ks_store_rename_product (self->store, id, name, &error))
    {
      self->refocus = FALSE;
      show_error (self, GTK_WIDGET (row), error->message);
      return;
    }
  if (self->error_field == GTK_WIDGET (row))
    clear_error (self);
}

static void
move (KsProductsDialog *self,
      GtkWidget        *button,
      int               delta,
      RowPart           part)
{
  gint64 id = row_id (button);
  int index = find_product (self, id);
  g_autoptr(GError) error = NULL;

  if (index < 0 || index + delta < 0 || index + delta >= (int) self->products->len)
    return;

  self->refocus = TRUE;
  self->focus_id = id;
  self->focus_part = part;
  if (!ks_store_move_product (self->store, id, index + delta, &error))
    {
      self->refocus = FALSE;
      ks_widget_show_error (GTK_WIDGET (self), _("Could Not Move the Product"), error);
    }
}

static void
on_up_clicked (GtkButton        *button,
               KsProductsDialog *self)
{
  move (self, GTK_WIDGET (button), -1, PART_UP);
}

static void
on_down_clicked (GtkButton        *button,
                 KsProductsDialog *self)
{
  move (self, GTK_WIDGET (button), +1, PART_DOWN);
}

static void
on_delete_clicked (GtkButton        *button,
                   KsProductsDialog *self)
{
  gint64 id = row_id (GTK_WIDGET (button));
  int index = find_product (self, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsProduct) product = NULL;
  GHashTable *cells = NULL;
  DeletedProduct *deleted;
  guint position = 0;

  if (index < 0)
    return;

  product = ks_product_copy (g_ptr_array_index (self->products, index));
  /* The focus goes to the next row's Delete, or the one before, or the new name. */
  if ((guint) index + 1 < self->products->len)
    self->focus_id = ((KsProduct *) g_ptr_array_index (self->products, index + 1))->id;
  else if (index > 0)
    self->focus_id = ((KsProduct *) g_ptr_array_index (self->products, index - 1))->id;
  else
    self->focus_id = 0;
  self->focus_part = PART_DELETE;
  self->refocus = TRUE;

  if (!ks_store_delete_product (self->store, id, &position, &cells, &error))
    {
      self->refocus = FALSE;
      ks_widget_show_error (GTK_WIDGET (self), _("Could Not Delete the Product"), error);
      return;
    }

  deleted = g_new0 (DeletedProduct, 1);
  deleted->store = g_object_ref (self->store);
  deleted->product = g_steal_pointer (&product);
  deleted->position = position;
  deleted->cells = cells;
  g_weak_ref_init (&deleted->dialog, self);
  show_undo_toast (self, deleted);
}

/* Rows ------------------------------------------------------------------ */

static void
set_row_title (AdwEntryRow *row,
               guint        index)
{
  /* Translators: the title of a row in the product list; %u is its place, from 1 */
  g_autofree char *title = g_strdup_printf (_("Product %u"), index + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
}

/* As ks_plan_icon_button_new(), but the tooltip is set before the button is on screen
 * (ks_widget_set_tooltip_quietly()): three buttons a row add up. */
static GtkWidget *
add_button (AdwEntryRow      *row,
            RowPart           part,
            gint64            id,
            const char       *icon_name,
            const char       *tooltip,
            GCallback         callback,
            KsProductsDialog *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);
  g_autofree char *name = g_strdup_printf ("product-%s-%" G_GINT64_FORMAT, part_names[part], id);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  ks_widget_set_tooltip_quietly (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_name (button, name);
  g_object_set_data_full (G_OBJECT (button), "ks-product-id", g_memdup2 (&id, sizeof id),
                          g_free);
  g_signal_connect (button, "clicked", callback, self);
  adw_entry_row_add_suffix (row, button);
  g_object_set_data (G_OBJECT (row), part_names[part], button);
  return button;
}

static GtkWidget *
new_row (KsProductsDialog *self,
         const KsProduct  *product,
         guint             index)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *name = g_strdup_printf ("product-name-%" G_GINT64_FORMAT, product->id);
  gint64 id = product->id;

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  set_row_title (ADW_ENTRY_ROW (row), index);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), product->name);
  g_object_set_data_full (G_OBJECT (row), "ks-product-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (on_rename), self);

  add_button (ADW_ENTRY_ROW (row), PART_UP, id, "go-up-symbolic", _("Move Up"),
              G_CALLBACK (on_up_clicked), self);
  add_button (ADW_ENTRY_ROW (row), PART_DOWN, id, "go-down-symbolic", _("Move Down"),
              G_CALLBACK (on_down_clicked), self);
  add_button (ADW_ENTRY_ROW (row), PART_DELETE, id, "user-trash-symbolic", _("Delete"),
              G_CALLBACK (on_delete_clicked), self);
  return row;
}

static void
update_move_buttons (KsProductsDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->rows, i);

      gtk_widget_set_sensitive (row_part (row, PART_UP), i > 0);
      gtk_widget_set_sensitive (row_part (row, PART_DOWN), i + 1 < self->products->len);
    }
}

/* Rows the dialog opens with; the others follow in idle passes, as many at a time. */
#define ROWS_PER_PASS 12

/* Rows for the products after those that have one, at most ROWS_PER_PASS; TRUE when
 * every product has its row. */
static gboolean
build_pass (KsProductsDialog *self)
{
  for (guint created = 0; self->rows->len < self->products->len; created++)
    {
      GtkWidget *row;

      if (created == ROWS_PER_PASS)
        return FALSE;
      row = new_row (self, g_ptr_array_index (self->products, self->rows->len),
                     self->rows->len);
      gtk_list_box_append (self->product_list, row);
      g_ptr_array_add (self->rows, row);
    }
  return TRUE;
}

static gboolean
build_more (gpointer data)
{
  KsProductsDialog *self = data;
  gboolean done = build_pass (self);

  update_move_buttons (self);
  if (!done)
    return G_SOURCE_CONTINUE;
  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
restore_focus (KsProductsDialog *self)
{
  GtkWidget *target = GTK_WIDGET (self->new_row);

  if (self->focus_id != 0)
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          AdwEntryRow *row = g_ptr_array_index (self->rows, i);

          if (row_id (GTK_WIDGET (row)) != self->focus_id)
            continue;
          target = row_part (row, self->focus_part);
          /* Moved to the end it cannot go further: the other way then. */
          if (!gtk_widget_get_sensitive (target))
            target = row_part (row, self->focus_part == PART_UP ? PART_DOWN : PART_UP);
          if (!gtk_widget_get_sensitive (target))
            target = GTK_WIDGET (row);
          break;
        }
    }
  gtk_widget_grab_focus (target);
}

/* The same products in the same order: only names to update. */
static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const KsProduct *pa = g_ptr_array_index (a, i);
      const KsProduct *pb = g_ptr_array_index (b, i);

      if (pa->id != pb->id)
        return FALSE;
    }
  return TRUE;
}

static void
reload (KsProductsDialog *self)
{
  g_autoptr(GPtrArray) products = ks_store_dup_products (self->store);
  GPtrArray *rows;
  gboolean refocus = self->refocus;
  GtkWidget *child;

  self->refocus = FALSE;

  if (self->products != NULL && same_ids (self->products, products))
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          const KsProduct *old = g_ptr_array_index (self->products, i);
          const KsProduct *product = g_ptr_array_index (products, i);
          AdwEntryRow *row = g_ptr_array_index (self->rows, i);
          const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

          /* What is being typed stays; what was saved or not touched follows. */
          if (g_strcmp0 (old->name, product->name) != 0 &&
              (g_strcmp0 (text, old->name) == 0 || g_strcmp0 (text, product->name) == 0 ||
               self->focus_id == product->id))
            gtk_editable_set_text (GTK_EDITABLE (row), product->name);
        }
      g_clear_pointer (&self->products, g_ptr_array_unref);
      self->products = g_steal_pointer (&products);
      return;
    }

  /* The dialog opens with its first rows; the others come just after. */
  if (self->products == NULL)
    {
      self->products = g_steal_pointer (&products);
      if (!build_pass (self))
        self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_more, self, NULL);
      update_move_buttons (self);
      return;
    }

  /* The rows as new ones would be, the products still there keeping theirs (all of
   * them now). */
  g_clear_handle_id (&self->build_id, g_source_remove);
  clear_error (self);
  rows = g_ptr_array_new ();
  for (guint i = 0; i < products->len; i++)
    {
      const KsProduct *product = g_ptr_array_index (products, i);
      GtkWidget *row = NULL;

      for (guint j = 0; j < self->rows->len && row == NULL; j++)
        if (row_id (g_ptr_array_index (self->rows, j)) == product->id)
          row = g_ptr_array_index (self->rows, j);

      if (row == NULL)
        {
          row = new_row (self, product, i);
        }
      else
        {
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), product->name) != 0)
            gtk_editable_set_text (GTK_EDITABLE (row), product->name);
          set_row_title (ADW_ENTRY_ROW (row), i);
        }
      g_ptr_array_add (rows, row);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->product_list)); child != NULL;)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      /* (Not the placeholder: it is a child too.) */
      if (GTK_IS_LIST_BOX_ROW (child) && !g_ptr_array_find (rows, child, NULL))
        gtk_list_box_remove (self->product_list, child);
      child = next;
    }

  /* Into the list in order, moving only what is out of place. */
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (GTK_WIDGET (gtk_list_box_get_row_at_index (self->product_list, i)) == row)
        continue;
      if (gtk_widget_get_parent (row) != NULL)
        {
          g_object_ref (row);
          gtk_list_box_remove (self->product_list, row);
          gtk_list_box_insert (self->product_list, row, i);
          g_object_unref (row);
        }
      else
        {
          gtk_list_box_insert (self->product_list, row, i);
        }
    }

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_steal_pointer (&rows);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  self->products = g_steal_pointer (&products);
  update_move_buttons (self);

  if (refocus && gtk_widget_get_mapped (GTK_WIDGET (self)))
    restore_focus (self);
}

/* Life cycle ------------------------------------------------------------ */

static void
ks_products_dialog_dispose (GObject *object)
{
  KsProductsDialog *self = KS_PRODUCTS_DIALOG (object);

  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_products_dialog_parent_class)->dispose (object);
}

static void
ks_products_dialog_class_init (KsProductsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_products_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-products-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KsProductsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KsProductsDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, KsProductsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KsProductsDialog, product_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, on_new_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ks_products_dialog_init (KsProductsDialog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();

  placeholder = gtk_label_new (_("No products yet. Type a name above and press Enter."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->product_list, placeholder);
}

KsProductsDialog *
ks_products_dialog_new (KsStore *store)
{
  KsProductsDialog *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  self = g_object_new (KS_TYPE_PRODUCTS_DIALOG, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "products-changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_row));

  return self;
}
