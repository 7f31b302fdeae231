/* ks-template-dialog.c
 *
 * The dialog opens with the first categories; the others are made after the first
 * frame. Every change is saved at once, the whole template in one call, and comes back
 * through KsStore::template-changed. Each category is a block of rows (its name, its
 * items, a row for a new item); on a change the blocks and rows of what is still there
 * are kept, by id, new ones made and what is out of place moved, and the keyboard
 * focus goes back where the change was made. A delete's Undo toast lives in this
 * window: the main window's is behind it.
 *
 * Texts are shown through ks_checklist_text_display(): a built-in item appears in the
 * UI's language and stays built-in (and translated) until someone writes something
 * else in its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-error.h"
#include "ks-plan-widgets.h"
#include "ks-template-dialog.h"
#include "ks-widgets.h"

typedef enum
{
  PART_TEXT,
  PART_UP,
  PART_DOWN,
  PART_DELETE,
  PART_NEW_ITEM,     /* a category's row for a new item */
  N_PARTS
} Part;

static const char * const part_keys[N_PARTS] = { "text", "up", "down", "delete", "new" };

/* Where the focus goes once the rows are brought up to date. */
typedef struct
{
  gboolean wanted;
  gint64   category_id;    /* 0 with @last_category: the category added last */
  gboolean last_category;
  gint64   item_id;        /* 0: the category's own row (or its new item's) */
  Part     part;
} FocusTarget;

struct _KsTemplateDialog
{
  AdwWindow         parent_instance;

  KsStore          *store;
  GPtrArray        *categories;   /* KsTemplateCategory *, as the blocks show them */
  GPtrArray        *blocks;       /* Block *, in the same order (owned by their widgets) */
  GtkWidget        *error_field;  /* the field whose error is shown */
  GtkLabel         *error_shown;  /* the label that shows it */
  FocusTarget       focus;
  guint             build_id;     /* makes the blocks after the first ones */

  /* template children */
  AdwToastOverlay  *toast_overlay;
  GtkBox           *categories_box;
  AdwEntryRow      *new_category_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (KsTemplateDialog, ks_template_dialog, ADW_TYPE_WINDOW)

/* One category's rows. */
typedef struct
{
  KsTemplateDialog *dialog;
  gint64            id;
  GtkWidget        *widget;       /* the box of @list and @error */
  GtkListBox       *list;
  AdwEntryRow      *title_row;
  GPtrArray        *item_rows;    /* AdwEntryRow *, in order */
  AdwEntryRow      *new_item_row;
  GtkLabel         *error;
} Block;

#define BLOCK_KEY "ks-template-block"
#define ID_KEY    "ks-template-id"
#define SHOWN_KEY "ks-template-shown"

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->item_rows, g_ptr_array_unref);
  g_free (block);
}

static gint64
widget_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), ID_KEY);

  return id != NULL ? *id : 0;
}

static void
set_widget_id (GtkWidget *widget,
               gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), ID_KEY, g_memdup2 (&id, sizeof id), g_free);
}

static GtkWidget *
row_part (AdwEntryRow *row,
          Part         part)
{
  if (part == PART_TEXT)
    return GTK_WIDGET (row);
  return g_object_get_data (G_OBJECT (row), part_keys[part]);
}

/* ---- Errors -------------------------------------------------------------------- */

static void
clear_error (KsTemplateDialog *self)
{
  if (self->error_field != NULL)
    ks_plan_show_field_error (self->error_field, NULL, NULL);
  if (self->error_shown != NULL)
    ks_plan_hide_error (self->error_shown);
  self->error_field = NULL;
  self->error_shown = NULL;
}

static void
show_error (KsTemplateDialog *self,
            GtkWidget        *field,
            GtkLabel         *label,
            const char       *message)
{
  clear_error (self);
  ks_plan_show_field_error (field, label, message);
  self->error_field = field;
  self->error_shown = label;
  if (field != NULL)
    gtk_widget_grab_focus (field);
}

/* ---- The template, changed ----------------------------------------------------- */

static GPtrArray *
copy_template (KsTemplateDialog *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_template_category_free);

  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    g_ptr_array_add (copy, ks_template_category_copy (g_ptr_array_index (self->categories, i)));
  return copy;
}

static int
find_category (GPtrArray *categories,
               gint64     id)
{
  for (guint i = 0; i < categories->len; i++)
    if (((KsTemplateCategory *) g_ptr_array_index (categories, i))->id == id)
      return (int) i;
  return -1;
}

static int
find_item (const KsTemplateCategory *category,
           gint64                    id)
{
  for (guint i = 0; i < category->items->len; i++)
    if (((KsTemplateItem *) g_ptr_array_index (category->items, i))->id == id)
      return (int) i;
  return -1;
}

static void
set_focus (KsTemplateDialog *self,
           gint64            category_id,
           gint64            item_id,
           Part              part)
{
  self->focus.wanted = TRUE;
  self->focus.category_id = category_id;
  self->focus.last_category = FALSE;
  self->focus.item_id = item_id;
  self->focus.part = part;
}

/* Saves @categories as the template; a refusal is shown beside @field, in @label. */
static gboolean
save (KsTemplateDialog *self,
      GPtrArray        *categories,
      GtkWidget        *field,
      GtkLabel         *label)
{
  g_autoptr(GError) error = NULL;

  if (!ks_store_save_template (self->store, categories, &error))
    {
      self->focus.wanted = FALSE;
      if (label != NULL)
        show_error (self, field, label, error->message);
      else
        ks_widget_show_error (GTK_WIDGET (self), _("The Template Could Not Be Saved"), error);
      return FALSE;
    }
  return TRUE;
}

/* The text to store for what was typed in place of @stored: @stored itself when the
 * text is what it shows, so a built-in text stays built-in (and translated). */
static const char *
text_to_store (const char *typed,
               const char *stored)
{
  return g_strcmp0 (typed, ks_checklist_text_display (stored)) == 0 ? stored : typed;
}

/* ---- Undo ---------------------------------------------------------------------- */

typedef struct
{
  KsStore            *store;
  GWeakRef            dialog;
  KsTemplateCategory *category;     /* a deleted category, or NULL */
  gint64              category_id;  /* the category of a deleted item */
  KsTemplateItem     *item;         /* a deleted item, or NULL */
  guint               position;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->store);
  g_weak_ref_clear (&deleted->dialog);
  g_clear_pointer (&deleted->category, ks_template_category_free);
  g_clear_pointer (&deleted->item, ks_template_item_free);
  g_free (deleted);
}

static void
on_undo_clicked (AdwToast *toast,
                 Deleted  *deleted)
{
  g_autoptr(KsTemplateDialog) self = g_weak_ref_get (&deleted->dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = ks_store_dup_template (deleted->store, &error);
  gboolean ok = categories != NULL;

  /* Put back into the template as it is now, not as it was: what was changed since
   * stays. The ids were given up with the delete: new ones are given. */
  if (ok && deleted->category != NULL)
    {
      KsTemplateCategory *category = ks_template_category_copy (deleted->category);

      category->id = 0;
      for (guint i = 0; i < category->items->len; i++)
        ((KsTemplateItem *) g_ptr_array_index (category->items, i))->id = 0;
      g_ptr_array_insert (categories, MIN (deleted->position, categories->len), category);
    }
  else if (ok)
    {
      int index = find_category (categories, deleted->category_id);
      KsTemplateCategory *category;

      if (index < 0)
        {
          g_set_error_literal (&error, KS_ERROR, KS_ERROR_NOT_FOUND,
                               _("The item’s category was deleted meanwhile."));
          ok = FALSE;
        }
      else
        {
          category = g_ptr_array_index (categories, index);
          g_ptr_array_insert (category->items, MIN (deleted->position, category->items->len),
                              ks_template_item_new (deleted->item->text));
        }
    }

  if (ok)
    ok = ks_store_save_template (deleted->store, categories, &error);
  if (!ok)
    {
      if (self != NULL)
        ks_widget_show_error (GTK_WIDGET (self), _("Could Not Undo"), error);
      else
        g_warning ("Could not put the checklist back: %s", error->message);
    }
}

static void
show_undo_toast (KsTemplateDialog *self,
                 Deleted          *deleted,
                 const char       *what)
{
  g_autofree char *short_what = ks_plan_ellipsize (what, 40);
  g_autofree char *escaped = g_markup_escape_text (short_what, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s is a checklist category or item */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ks-undo", deleted, deleted_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), deleted);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static Deleted *
deleted_new (KsTemplateDialog *self)
{
  Deleted *deleted = g_new0 (Deleted, 1);

  deleted->store = g_object_ref (self->store);
  g_weak_ref_init (&deleted->dialog, self);
  return deleted;
}

/* ---- Categories ---------------------------------------------------------------- */

static void
on_add_category (KsTemplateDialog *self)
{
  g_autofree char *title =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_category_row))));
  g_autoptr(GPtrArray) categories = NULL;

  if (*title == '\0')
    {
      show_error (self, GTK_WIDGET (self->new_category_row), self->error_label,
                  _("Type the new category’s name first."));
      return;
    }

  categories = copy_template (self);
  g_ptr_array_add (categories, ks_template_category_new (title));
  /* Ready for the new category's first item. */
  set_focus (self, 0, 0, PART_NEW_ITEM);
  self->focus.last_category = TRUE;
  if (save (self, categories, GTK_WIDGET (self->new_category_row), self->error_label))
    gtk_editable_set_text (GTK_EDITABLE (self->new_category_row), "");
}

static void
on_new_category_changed (KsTemplateDialog *self)
{
  if (self->error_field == GTK_WIDGET (self->new_category_row))
    clear_error (self);
}

static void
on_category_apply (AdwEntryRow *row,
                   Block       *block)
{
  KsTemplateDialog *self = block->dialog;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GPtrArray) categories = copy_template (self);
  int index = find_category (categories, block->id);
  KsTemplateCategory *category;

  if (index < 0)
    return;
  category = g_ptr_array_index (categories, index);
  if (g_strcmp0 (title, ks_checklist_text_display (category->title)) == 0)
    {
      if (self->error_field == GTK_WIDGET (row))
        clear_error (self);
      return;
    }
  if (*title == '\0')
    {
      show_error (self, GTK_WIDGET (row), block->error,
                  _("A category needs a name. To remove it, delete it."));
      return;
    }

  g_free (category->title);
  category->title = g_strdup (text_to_store (title, category->title));
  set_focus (self, block->id, 0, PART_TEXT);
  if (save (self, categories, GTK_WIDGET (row), block->error) &&
      self->error_field == GTK_WIDGET (row))
    clear_error (self);
}

static void
move_category (Block *block,
               int    delta,
               Part   part)
{
  KsTemplateDialog *self = block->dialog;
  g_autoptr(GPtrArray) categories = copy_template (self);
  int index = find_category (categories, block->id);
  gpointer moved;

  if (index < 0 || index + delta < 0 || index + delta >= (int) categories->len)
    return;

  moved = g_ptr_array_steal_index (categories, index);
  g_ptr_array_insert (categories, index + delta, moved);
  set_focus (self, block->id, 0, part);
  save (self, categories, NULL, NULL);
}

static void
on_category_up (GtkButton *button,
                Block     *block)
{
  move_category (block, -1, PART_UP);
}

static void
on_category_down (GtkButton *button,
                  Block     *block)
{
  move_category (block, +1, PART_DOWN);
}

static void
on_category_delete (GtkButton *button,
                    Block     *block)
{
  KsTemplateDialog *self = block->dialog;
  g_autoptr(GPtrArray) categories = copy_template (self);
  int index = find_category (categories, block->id);
  Deleted *deleted;

  if (index < 0)
    return;

  deleted = deleted_new (self);
  deleted->category = g_ptr_array_steal_index (categories, index);
  deleted->position = index;

  /* The focus goes to the next category's Delete, or the one before, or the new one. */
  if ((guint) index < categories->len)
    set_focus (self, ((KsTemplateCategory *) g_ptr_array_index (categories, index))->id, 0,
               PART_DELETE);
  else if (index > 0)
    set_focus (self, ((KsTemplateCategory *) g_ptr_array_index (categories, index - 1))->id,
               0, PART_DELETE);
  else
    set_focus (self, 0, 0, PART_TEXT);

  if (!save (self, categories, NULL, NULL))
    {
      deleted_free (deleted);
      return;
    }
  show_undo_toast (self, deleted, ks_checklist_text_display (deleted->category->title));
}

/* ---- Items --------------------------------------------------------------------- */

static void
on_add_item (Block *block)
{
  KsTemplateDialog *self = block->dialog;
  g_autofree char *text =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (block->new_item_row))));
  g_autoptr(GPtrArray) categories = NULL;
  int index;

  if (*text == '\0')
    {
      show_error (self, GTK_WIDGET (block->new_item_row), block->error,
                  _("Type what to check first."));
      return;
    }

  categories = copy_template (self);
  index = find_category (categories, block->id);
  if (index < 0)
    return;
  g_ptr_array_add (((KsTemplateCategory *) g_ptr_array_index (categories, index))->items,
                   ks_template_item_new (text));
  /* Ready for the next one. */
  set_focus (self, block->id, 0, PART_NEW_ITEM);
  if (save (self, categories, GTK_WIDGET (block->new_item_row), block->error))
    {
      gtk_editable_set_text (GTK_EDITABLE (block->new_item_row), "");
      if (self->error_field == GTK_WIDGET (block->new_item_row))
        clear_error (self);
    }
}

static void
on_new_item_changed (AdwEntryRow *row,
                     Block       *block)
{
  if (block->dialog->error_field == GTK_WIDGET (row))
    clear_error (block->dialog);
}

static Block *
row_block (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), BLOCK_KEY);
}

/* The template's copy, and in it the category and the index of the item @widget (a row
 * or one of its buttons) is about; FALSE when it is gone. */
static gboolean
locate_item (GtkWidget           *widget,
             GPtrArray          **categories_out,
             KsTemplateCategory **category_out,
             int                 *index_out)
{
  Block *block = row_block (widget);
  g_autoptr(GPtrArray) categories = copy_template (block->dialog);
  int category = find_category (categories, block->id);

  if (category < 0)
    return FALSE;
  *category_out = g_ptr_array_index (categories, category);
  *index_out = find_item (*category_out, widget_id (widget));
  if (*index_out < 0)
    return FALSE;
  *categories_out = g_steal_pointer (&categories);
  return TRUE;
}

static void
on_item_apply (AdwEntryRow *row,
               gpointer     unused)
{
  Block *block = row_block (GTK_WIDGET (row));
  KsTemplateDialog *self = block->dialog;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GPtrArray) categories = NULL;
  KsTemplateCategory *category;
  KsTemplateItem *item;
  int index;

  if (!locate_item (GTK_WIDGET (row), &categories, &category, &index))
    return;
  item = g_ptr_array_index (category->items, index);
  if (g_strcmp0 (text, ks_checklist_text_display (item->text)) == 0)
    {
      if (self->error_field == GTK_WIDGET (row))
        clear_error (self);
      return;
    }
  if (*text == '\0')
    {
      show_error (self, GTK_WIDGET (row), block->error,
                  _("An item needs some text. To remove it, delete it."));
      return;
    }

  g_free (item->text);
  item->text = g_strdup (text_to_store (text, item->text));
  set_focus (self, block->id, item->id, PART_TEXT);
  if (save (self, categories, GTK_WIDGET (row), block->error) &&
      self->error_field == GTK_WIDGET (row))
    clear_error (self);
}

static void
move_item (GtkWidget *button,
           int        delta,
           Part       part)
{
  Block *block = row_block (button);
  g_autoptr(GPtrArray) categories = NULL;
  KsTemplateCategory *category;
  gpointer moved;
  int index;

  if (!locate_item (button, &categories, &category, &index) ||
      index + delta < 0 || index + delta >= (int) category->items->len)
    return;

  moved = g_ptr_array_steal_index (category->items, index);
  g_ptr_array_insert (category->items, index + delta, moved);
  set_focus (block->dialog, block->id, widget_id (button), part);
  save (block->dialog, categories, NULL, NULL);
}

static void
on_item_up (GtkButton *button,
            gpointer   unused)
{
  move_item (GTK_WIDGET (button), -1, PART_UP);
}

static void
on_item_down (GtkButton *button,
              gpointer   unused)
{
  move_item (GTK_WIDGET (button), +1, PART_DOWN);
}

static void
on_item_delete (GtkButton *button,
                gpointer   unused)
{
  Block *block = row_block (GTK_WIDGET (button));
  KsTemplateDialog *self = block->dialog;
  g_autoptr(GPtrArray) categories = NULL;
  KsTemplateCategory *category;
  Deleted *deleted;
  int index;

  if (!locate_item (GTK_WIDGET (button), &categories, &category, &index))
    return;

  deleted = deleted_new (self);
  deleted->category_id = category->id;
  deleted->item = g_ptr_array_steal_index (category->items, index);
  deleted->position = index;

  /* The focus goes to the next item's Delete, or the one before, or the new item. */
  if ((guint) index < category->items->len)
    set_focus (self, block->id,
               ((KsTemplateItem *) g_ptr_array_index (category->items, index))->id,
               PART_DELETE);
  else if (index > 0)
    set_focus (self, block->id,
               ((KsTemplateItem *) g_ptr_array_index (category->items, index - 1))->id,
               PART_DELETE);
  else
    set_focus (self, block->id, 0, PART_NEW_ITEM);

  if (!save (self, categories, NULL, NULL))
    {
      deleted_free (deleted);
      return;
    }
  show_undo_toast (self, deleted, ks_checklist_text_display (deleted->item->text));
}

/* ---- Rows ---------------------------------------------------------------------- */

/* As ks_plan_icon_button_new(), but the tooltip is set before the button is on screen:
 * three buttons a row add up. */
static GtkWidget *
add_button (AdwEntryRow *row,
            Part         part,
            const char  *icon_name,
            const char  *tooltip,
            GCallback    callback,
            gpointer     data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  ks_widget_set_tooltip_quietly (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), BLOCK_KEY, row_block (GTK_WIDGET (row)));
  set_widget_id (button, widget_id (GTK_WIDGET (row)));
  g_signal_connect (button, "clicked", callback, data);
  adw_entry_row_add_suffix (row, button);
  g_object_set_data (G_OBJECT (row), part_keys[part], button);
  return button;
}

/* Shows @stored (as displayed) in @row, unless it holds something typed and not
 * applied. */
static void
set_row_text (AdwEntryRow *row,
              const char  *stored)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const char *shown = g_object_get_data (G_OBJECT (row), SHOWN_KEY);
  const char *display = ks_checklist_text_display (stored);

  if (g_strcmp0 (text, display) != 0 && (shown == NULL || g_strcmp0 (text, shown) == 0))
    gtk_editable_set_text (GTK_EDITABLE (row), display);
  g_object_set_data_full (G_OBJECT (row), SHOWN_KEY, g_strdup (display), g_free);
}

static AdwEntryRow *
item_row_new (Block                *block,
              const KsTemplateItem *item)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data (G_OBJECT (row), BLOCK_KEY, block);
  set_widget_id (GTK_WIDGET (row), item->id);
  set_row_text (row, item->text);
  g_signal_connect (row, "apply", G_CALLBACK (on_item_apply), NULL);

  add_button (row, PART_UP, "go-up-symbolic", _("Move Up"), G_CALLBACK (on_item_up), NULL);
  add_button (row, PART_DOWN, "go-down-symbolic", _("Move Down"),
              G_CALLBACK (on_item_down), NULL);
  add_button (row, PART_DELETE, "user-trash-symbolic", _("Delete Item"),
              G_CALLBACK (on_item_delete), NULL);
  return row;
}

static Block *
block_new (KsTemplateDialog         *self,
           const KsTemplateCategory *category)
{
  Block *block = g_new0 (Block, 1);
  GtkWidget *add;

  block->dialog = self;
  block->id = category->id;
  block->item_rows = g_ptr_array_new ();

  block->widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (block->widget, "template-category");
  g_object_set_data_full (G_OBJECT (block->widget), BLOCK_KEY, block, block_free);

  block->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (block->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (block->list), "boxed-list");
  gtk_box_append (GTK_BOX (block->widget), GTK_WIDGET (block->list));

  block->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (block->error), "template-category-error");
  gtk_label_set_wrap (block->error, TRUE);
  gtk_label_set_xalign (block->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (block->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (block->error), FALSE);
  gtk_box_append (GTK_BOX (block->widget), GTK_WIDGET (block->error));

  /* The category's name, heading its items. */
  block->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (block->title_row), FALSE);
  adw_entry_row_set_show_apply_button (block->title_row, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (block->title_row), "ks-template-category");
  g_object_set_data (G_OBJECT (block->title_row), BLOCK_KEY, block);
  set_widget_id (GTK_WIDGET (block->title_row), category->id);
  g_signal_connect (block->title_row, "apply", G_CALLBACK (on_category_apply), block);
  add_button (block->title_row, PART_UP, "go-up-symbolic", _("Move Category Up"),
              G_CALLBACK (on_category_up), block);
  add_button (block->title_row, PART_DOWN, "go-down-symbolic", _("Move Category Down"),
              G_CALLBACK (on_category_down), block);
  add_button (block->title_row, PART_DELETE, "user-trash-symbolic", _("Delete Category"),
              G_CALLBACK (on_category_delete), block);
  gtk_list_box_append (block->list, GTK_WIDGET (block->title_row));

  block->new_item_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (block->new_item_row), _("New Item"));
  g_object_set_data (G_OBJECT (block->new_item_row), BLOCK_KEY, block);
  g_signal_connect_swapped (block->new_item_row, "entry-activated",
                            G_CALLBACK (on_add_item), block);
  g_signal_connect (block->new_item_row, "changed", G_CALLBACK (on_new_item_changed), block);
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  ks_widget_set_tooltip_quietly (add, _("Add Item (Enter)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Item"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_item), block);
  adw_entry_row_add_suffix (block->new_item_row, add);
  gtk_list_box_append (block->list, GTK_WIDGET (block->new_item_row));

  return block;
}

static void
update_block (Block                    *block,
              const KsTemplateCategory *category,
              guint                     index,
              guint                     n_categories)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *name = g_strdup_printf ("template-category-%u", index);
  g_autofree char *new_name = g_strdup_printf ("template-new-item-%u", index);
  /* Translators: the title of a category's row in the checklist template; %u is its
   * place, from 1 */
  g_autofree char *title = g_strdup_printf (_("Category %u"), index + 1);

  gtk_widget_set_name (GTK_WIDGET (block->title_row), name);
  gtk_widget_set_name (GTK_WIDGET (block->new_item_row), new_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (block->title_row), title);
  set_row_text (block->title_row, category->title);
  gtk_widget_set_sensitive (row_part (block->title_row, PART_UP), index > 0);
  gtk_widget_set_sensitive (row_part (block->title_row, PART_DOWN), index + 1 < n_categories);

  /* The items' rows as new ones would be, the items still there keeping theirs. */
  for (guint i = 0; i < category->items->len; i++)
    {
      const KsTemplateItem *item = g_ptr_array_index (category->items, i);
      AdwEntryRow *row = NULL;
      g_autofree char *row_name = g_strdup_printf ("template-item-%u-%u", index, i);
      /* Translators: the title of an item's row in the checklist template; %u is its
       * place in its category, from 1 */
      g_autofree char *row_title = g_strdup_printf (_("Item %u"), i + 1);

      for (guint j = 0; j < block->item_rows->len && row == NULL; j++)
        if (widget_id (g_ptr_array_index (block->item_rows, j)) == item->id)
          row = g_ptr_array_index (block->item_rows, j);
      if (row == NULL)
        row = item_row_new (block, item);
      else
        set_row_text (row, item->text);

      gtk_widget_set_name (GTK_WIDGET (row), row_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      gtk_widget_set_sensitive (row_part (row, PART_UP), i > 0);
      gtk_widget_set_sensitive (row_part (row, PART_DOWN), i + 1 < category->items->len);
      g_ptr_array_add (rows, row);
    }

  for (guint j = 0; j < block->item_rows->len; j++)
    {
      GtkWidget *row = g_ptr_array_index (block->item_rows, j);

      if (!g_ptr_array_find (rows, row, NULL))
        gtk_list_box_remove (block->list, row);
    }

  /* In order after the category's row, moving only what is out of place. */
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (GTK_WIDGET (gtk_list_box_get_row_at_index (block->list, i + 1)) == row)
        continue;
      if (gtk_widget_get_parent (row) != NULL)
        {
          g_object_ref (row);
          gtk_list_box_remove (block->list, row);
          gtk_list_box_insert (block->list, row, i + 1);
          g_object_unref (row);
        }
      else
        {
          gtk_list_box_insert (block->list, row, i + 1);
        }
    }

  g_ptr_array_set_size (block->item_rows, 0);
  g_ptr_array_extend (block->item_rows, rows, NULL, NULL);
}

static void
restore_focus (KsTemplateDialog *self)
{
  GtkWidget *target = GTK_WIDGET (self->new_category_row);
  Block *block = NULL;

  if (self->focus.last_category && self->blocks->len > 0)
    block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  for (guint i = 0; block == NULL && self->focus.category_id != 0 && i < self->blocks->len; i++)
    if (((Block *) g_ptr_array_index (self->blocks, i))->id == self->focus.category_id)
      block = g_ptr_array_index (self->blocks, i);

  if (block != NULL && self->focus.part == PART_NEW_ITEM)
    {
      target = GTK_WIDGET (block->new_item_row);
    }
  else if (block != NULL)
    {
      AdwEntryRow *row = self->focus.item_id == 0 ? block->title_row : NULL;

      for (guint i = 0; row == NULL && i < block->item_rows->len; i++)
        if (widget_id (g_ptr_array_index (block->item_rows, i)) == self->focus.item_id)
          row = g_ptr_array_index (block->item_rows, i);
      if (row != NULL)
        {
          target = row_part (row, self->focus.part);
          /* Moved to the end it cannot go further: the other way then. */
          if (!gtk_widget_get_sensitive (target))
            target = row_part (row, self->focus.part == PART_UP ? PART_DOWN : PART_UP);
          if (!gtk_widget_get_sensitive (target))
            target = GTK_WIDGET (row);
        }
    }
  gtk_widget_grab_focus (target);
}

/* Rows the dialog opens with, and that a pass after each frame adds at least: enough
 * to fill the window. */
#define ROWS_PER_PASS 14

/* Blocks for the categories after those that have one; TRUE when all have one. */
static gboolean
build_pass (KsTemplateDialog *self,
            guint             max_rows)
{
  guint rows = 0;

  while (self->blocks->len < self->categories->len)
    {
      const KsTemplateCategory *category = g_ptr_array_index (self->categories,
                                                              self->blocks->len);
      Block *block;

      if (rows >= max_rows)
        return FALSE;
      block = block_new (self, category);
      update_block (block, category, self->blocks->len, self->categories->len);
      gtk_box_append (self->categories_box, block->widget);
      g_ptr_array_add (self->blocks, block);
      rows += category->items->len + 2;
    }
  return TRUE;
}

static gboolean
build_more (gpointer data)
{
  KsTemplateDialog *self = data;

  if (!build_pass (self, ROWS_PER_PASS))
    return G_SOURCE_CONTINUE;
  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
reload (KsTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = ks_store_dup_template (self->store, &error);
  g_autoptr(GPtrArray) blocks = NULL;
  GtkWidget *previous = NULL;
  gboolean refocus = self->focus.wanted;

  self->focus.wanted = FALSE;
  if (categories == NULL)
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Template Could Not Be Read"), error);
      return;
    }

  /* The first time: the first categories now, the others after the first frame. */
  if (self->categories == NULL)
    {
      self->categories = g_steal_pointer (&categories);
      build_pass (self, ROWS_PER_PASS);
      return;
    }
  /* A change while they are still being made: all of them first. */
  if (self->build_id != 0)
    {
      g_clear_handle_id (&self->build_id, g_source_remove);
      build_pass (self, G_MAXUINT);
    }

  blocks = g_ptr_array_new ();
  for (guint i = 0; i < categories->len; i++)
    {
      const KsTemplateCategory *category = g_ptr_array_index (categories, i);
      Block *block = NULL;

      for (guint j = 0; j < self->blocks->len && block == NULL; j++)
        if (((Block *) g_ptr_array_index (self->blocks, j))->id == category->id)
          block = g_ptr_array_index (self->blocks, j);
      if (block == NULL)
        block = block_new (self, category);
      update_block (block, category, i, categories->len);
      g_ptr_array_add (blocks, block);
    }

  for (guint j = 0; j < self->blocks->len; j++)
    {
      Block *block = g_ptr_array_index (self->blocks, j);

      if (!g_ptr_array_find (blocks, block, NULL))
        {
          if (self->error_shown == block->error)
            clear_error (self);
          gtk_box_remove (self->categories_box, block->widget);
        }
    }
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      if (gtk_widget_get_parent (block->widget) == NULL)
        gtk_box_insert_child_after (self->categories_box, block->widget, previous);
      else if (gtk_widget_get_prev_sibling (block->widget) != previous)
        gtk_box_reorder_child_after (self->categories_box, block->widget, previous);
      previous = block->widget;
    }

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  self->blocks = g_steal_pointer (&blocks);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = g_steal_pointer (&categories);

  if (refocus && gtk_widget_get_mapped (GTK_WIDGET (self)))
    restore_focus (self);
}

/* ---- Reset --------------------------------------------------------------------- */

static void
on_reset_response (AdwMessageDialog *dialog,
                   const char       *response,
                   KsTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (g_strcmp0 (response, "reset") != 0)
    return;

  clear_error (self);
  if (!ks_store_reset_template (self->store, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Template Could Not Be Reset"), error);
      return;
    }
  toast = adw_toast_new (_("The built-in checklist is back"));
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_reset_clicked (KsTemplateDialog *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reset the Checklist Template?"),
                                   _("The template goes back to the built-in categories and "
                                     "items; the changes made to it are lost. Contracts made "
                                     "earlier keep their items."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Life cycle ---------------------------------------------------------------- */

static void
ks_template_dialog_map (GtkWidget *widget)
{
  KsTemplateDialog *self = KS_TEMPLATE_DIALOG (widget);

  GTK_WIDGET_CLASS (ks_template_dialog_parent_class)->map (widget);

  if (self->build_id == 0 && self->categories != NULL &&
      self->blocks->len < self->categories->len)
    self->build_id = ks_plan_idle_add_after_frame (widget, build_more, self);
}

static void
ks_template_dialog_dispose (GObject *object)
{
  KsTemplateDialog *self = KS_TEMPLATE_DIALOG (object);

  g_clear_handle_id (&self->build_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  if (self->blocks != NULL)
    g_ptr_array_set_size (self->blocks, 0);
  self->error_field = NULL;
  self->error_shown = NULL;

  G_OBJECT_CLASS (ks_template_dialog_parent_class)->dispose (object);
}

static void
ks_template_dialog_finalize (GObject *object)
{
  KsTemplateDialog *self = KS_TEMPLATE_DIALOG (object);

  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_template_dialog_parent_class)->finalize (object);
}

static void
ks_template_dialog_class_init (KsTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_template_dialog_dispose;
  object_class->finalize = ks_template_dialog_finalize;
  widget_class->map = ks_template_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KsTemplateDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KsTemplateDialog, categories_box);
  gtk_widget_class_bind_template_child (widget_class, KsTemplateDialog, new_category_row);
  gtk_widget_class_bind_template_child (widget_class, KsTemplateDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_category);
  gtk_widget_class_bind_template_callback (widget_class, on_new_category_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ks_template_dialog_init (KsTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->blocks = g_ptr_array_new ();
}

KsTemplateDialog *
ks_template_dialog_new (KsStore *store)
{
  KsTemplateDialog *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  self = g_object_new (KS_TYPE_TEMPLATE_DIALOG, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "template-changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);

  return self;
}
