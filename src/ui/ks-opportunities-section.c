/* ks-opportunities-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One light row per product of the portfolio: its name, the opportunity on one line
 * (“Cross-sell · ¥1,200,000.00 · 2027-Q1”) and its state in a menu button. An
 * opportunity's row opens, as an expander row does, into a second row under it with
 * its kind, estimated value, expected quarter and note. What is not seen is made when
 * first needed: the details row the first time the product's row opens, the state menu
 * the first time it is opened. (An AdwExpanderRow with its editors and a GtkDropDown
 * for each product made a section of 50 products take most of a second to show; the
 * one-line labels matter too: wrapping ones are measured over and over.)
 *
 * The rows are made on the first map and again when the product list changes: those
 * the window has room for with the section's first frame, the others in idle passes
 * after it. A new plan only updates the rows in place, so a save never moves the focus, and
 * a field being typed in (or holding a refused text) keeps its text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ks-money.h"
#include "ks-opportunities-section.h"
#include "ks-plan-widgets.h"
#include "ks-products-dialog.h"
#include "ks-widgets.h"

/* Rows an idle pass makes at most; the first pass makes as many as the window can show
 * (a row is at least 50 pixels high). */
#define ROWS_PER_PASS 20
#define ROW_MIN_HEIGHT 50

#define PRODUCT_ROW_KEY "ks-product-row"
#define DETAILS_ROW_KEY "ks-details-row"

typedef enum
{
  FIELD_VALUE,
  FIELD_QUARTER,
  FIELD_NOTE,
  N_FIELDS
} Field;

/* A product's rows and editors. Reference-counted (g_rc_box): the section's list, the
 * product's row and its details row each hold one, so a handler of either row still
 * finds it while the rows are taken down. */
typedef struct
{
  KsOpportunitiesSection *section;
  gint64                  product_id;
  char                   *name;
  GtkListBoxRow          *row;
  GtkLabel               *summary;
  GtkMenuButton          *state_button;
  GtkWidget              *arrow;
  guint                   shown_state;     /* the state button's label; N_STATES: none */
  gboolean                expanded;
  GSimpleAction          *state_action;    /* NULL until the state menu is first opened */
  /* The details row, NULL until the product's row is first opened. */
  GtkListBoxRow          *details;
  GtkRevealer            *revealer;
  GtkDropDown            *kind_dropdown;
  AdwEntryRow            *fields[N_FIELDS];
  GtkLabel               *error_label;
  GtkWidget              *error_field;
} ProductRow;

struct _KsOpportunitiesSection
{
  AdwBin          parent_instance;

  KsStore        *store;
  KsAccount      *account;

  GPtrArray      *products;        /* KsProduct *, or NULL until first needed */
  GHashTable     *cells;           /* gint64 * product id → KsWhitespace * */
  GPtrArray      *rows;            /* ProductRow *, of the first products, as made so far */
  guint           build_id;        /* the idle that makes the rows after the first ones */
  int             state_width;     /* of the widest state label, 0 until measured */
  GMenuModel     *state_menu;      /* shared by the state buttons */
  GtkStringList  *kinds;           /* shared by the kind drop-downs */
  gboolean        built;
  gboolean        products_dirty;
  gboolean        cells_dirty;
  gboolean        updating;        /* setting drop-downs, not the user */

  GtkLabel       *summary_label;
  GtkListBox     *product_list;
  GtkLabel       *error_label;
  GtkWidget      *manage_button;
  GtkWidget      *empty_box;
};

G_DEFINE_FINAL_TYPE (KsOpportunitiesSection, ks_opportunities_section, ADW_TYPE_BIN)

static const char *
currency (KsOpportunitiesSection *self)
{
  return ks_account_get_currency (self->account);
}

static const KsWhitespace *
lookup_cell (KsOpportunitiesSection *self,
             gint64                  product_id)
{
  return g_hash_table_lookup (self->cells, &product_id);
}

static void
put_cell (KsOpportunitiesSection *self,
          const KsWhitespace     *cell)
{
  if (cell->state == KS_WHITESPACE_UNKNOWN)
    {
      g_hash_table_remove (self->cells, &cell->product_id);
      return;
    }
  g_hash_table_replace (self->cells, g_memdup2 (&cell->product_id, sizeof (gint64)),
                        ks_whitespace_copy (cell));
}

static void
product_row_clear (gpointer data)
{
  ProductRow *prow = data;

  g_free (prow->name);
  g_clear_object (&prow->state_action);
}

static void
product_row_release (gpointer data)
{
  g_rc_box_release_full (data, product_row_clear);
}

static KsWhitespaceState
saved_state (ProductRow *prow)
{
  const KsWhitespace *cell = lookup_cell (prow->section, prow->product_id);

  return cell != NULL ? cell->state : KS_WHITESPACE_UNKNOWN;
}

/* Formatting ------------------------------------------------------------ */

/* An amount as typed back: grouped, without symbol, without ".00"; 0 is not set. */
static char *
format_amount_field (gint64      value,
                     const char *code)
{
  g_autofree char *formatted = NULL;
  char *digits;
  char *point;

  if (value <= 0)
    return g_strdup ("");

  formatted = ks_money_format (value, code);
  digits = g_strdup (formatted + strcspn (formatted, "0123456789"));
  point = strchr (digits, '.');
  if (point != NULL && strspn (point + 1, "0") == strlen (point + 1))
    *point = '\0';
  return digits;
}

static char *
describe_opportunity (KsOpportunitiesSection *self,
                      const KsWhitespace     *cell)
{
  GString *out = g_string_new (ks_opportunity_kind_get_label (cell->kind));

  if (cell->value > 0)
    {
      g_autofree char *value = ks_money_format (cell->value, currency (self));

      g_string_append (out, " · ");
      g_string_append (out, value);
    }
  if (cell->quarter != NULL && cell->quarter[0] != '\0')
    {
      g_string_append (out, " · ");
      g_string_append (out, cell->quarter);
    }
  return g_string_free (out, FALSE);
}

/* Errors ---------------------------------------------------------------- */

static void
clear_row_error (ProductRow *prow)
{
  if (prow->error_field != NULL)
    ks_plan_show_field_error (prow->error_field, prow->error_label, NULL);
  prow->error_field = NULL;
  if (prow->error_label != NULL)
    ks_plan_hide_error (prow->error_label);
}

static void
show_row_error (ProductRow *prow,
                GtkWidget  *field,
                const char *message)
{
  KsOpportunitiesSection *self = prow->section;

  if (prow->error_label == NULL)
    {
      /* No details yet (the state could not be saved): the section's line. */
      ks_plan_show_field_error (NULL, self->error_label, message);
      return;
    }
  if (prow->error_field != NULL && prow->error_field != field)
    ks_plan_show_field_error (prow->error_field, prow->error_label, NULL);
  ks_plan_show_field_error (field, prow->error_label, message);
  prow->error_field = field;
}

/* Showing --------------------------------------------------------------- */

static void
update_summary (KsOpportunitiesSection *self)
{
  guint n_opportunities = 0, n_current = 0, n_products = 0;
  gint64 total = 0;
  g_autofree char *opportunities = NULL;
  g_autofree char *buys = NULL;
  g_autofree char *text = NULL;

  if (self->products != NULL)
    n_products = self->products->len;

  for (guint i = 0; i < n_products; i++)
    {
      const KsProduct *product = g_ptr_array_index (self->products, i);
      const KsWhitespace *cell = lookup_cell (self, product->id);

      if (cell == NULL)
        continue;
      if (cell->state == KS_WHITESPACE_CURRENT)
        n_current++;
      if (cell->state != KS_WHITESPACE_OPPORTUNITY)
        continue;
      n_opportunities++;
      if (cell->value > 0)
        total = cell->value > G_MAXINT64 - total ? G_MAXINT64 : total + cell->value;
    }

  if (n_opportunities == 0)
    {
      opportunities = g_strdup (_("No opportunities marked yet"));
    }
  else
    {
      g_autofree char *amount = ks_money_format (total, currency (self));

      /* Translators: the summary of an account's opportunities: how many, and their
       * estimated value added up (¥1,200,000.00) */
      opportunities = g_strdup_printf (ngettext ("%u opportunity worth %s in total",
                                                 "%u opportunities worth %s in total",
                                                 n_opportunities),
                                       n_opportunities, amount);
    }
  /* Translators: follows the opportunities in the summary: how many of the portfolio's
   * products the account buys already */
  buys = g_strdup_printf (ngettext ("buys %u of %u product", "buys %u of %u products",
                                    n_products),
                          n_current, n_products);
  /* Translators: the two halves of the opportunities' summary */
  text = g_strdup_printf (_("%s · %s"), opportunities, buys);
  gtk_label_set_label (self->summary_label, text);
}

/* Sets @field to @text unless the user's own text is in it; @force replaces that too. */
static void
show_field (AdwEntryRow *field,
            const char  *text,
            gboolean     force)
{
  const char *shown = g_object_get_data (G_OBJECT (field), "ks-shown");
  const char *current = gtk_editable_get_text (GTK_EDITABLE (field));

  if (!force && g_strcmp0 (current, shown != NULL ? shown : "") != 0)
    return;
  if (g_strcmp0 (current, text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (field), text);
  g_object_set_data_full (G_OBJECT (field), "ks-shown", g_strdup (text), g_free);
}

static void ensure_details (ProductRow *prow);

/* Opens or closes the details under @prow's row; opening makes them the first time. */
static void
set_expanded (ProductRow *prow,
              gboolean    expanded)
{
  GtkStateFlags checked = GTK_STATE_FLAG_CHECKED;

  if (prow->expanded == expanded)
    return;
  prow->expanded = expanded;

  if (expanded)
    {
      ensure_details (prow);
      gtk_widget_set_state_flags (GTK_WIDGET (prow->row), checked, FALSE);
      gtk_widget_set_state_flags (GTK_WIDGET (prow->details), checked, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (prow->details), TRUE);
      gtk_revealer_set_reveal_child (prow->revealer, TRUE);
    }
  else if (prow->details != NULL)
    {
      gtk_widget_unset_state_flags (GTK_WIDGET (prow->row), checked);
      gtk_widget_unset_state_flags (GTK_WIDGET (prow->details), checked);
      /* The row goes when the details are folded away (on_child_revealed). */
      gtk_revealer_set_reveal_child (prow->revealer, FALSE);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (prow->row), GTK_ACCESSIBLE_STATE_EXPANDED,
                               expanded, -1);
}

static void
update_row (ProductRow *prow,
            gboolean    force)
{
  KsOpportunitiesSection *self = prow->section;
  const KsWhitespace *cell = lookup_cell (self, prow->product_id);
  KsWhitespaceState state = cell != NULL ? cell->state : KS_WHITESPACE_UNKNOWN;
  gboolean opportunity = state == KS_WHITESPACE_OPPORTUNITY;
  g_autofree char *summary = NULL;

  self->updating = TRUE;

  if (prow->shown_state != state)
    {
      gtk_menu_button_set_label (prow->state_button, ks_whitespace_state_get_label (state));
      prow->shown_state = state;
    }
  if (prow->state_action != NULL)
    g_simple_action_set_state (prow->state_action, g_variant_new_uint32 (state));

  gtk_list_box_row_set_activatable (prow->row, opportunity);
  gtk_widget_set_sensitive (prow->arrow, opportunity);
  if (opportunity)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (prow->row), GTK_ACCESSIBLE_STATE_EXPANDED,
                                   prow->expanded, -1);
    }
  else
    {
      set_expanded (prow, FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (prow->row), GTK_ACCESSIBLE_STATE_EXPANDED);
    }

  summary = opportunity ? describe_opportunity (self, cell) : g_strdup ("");
  if (g_strcmp0 (gtk_label_get_label (prow->summary), summary) != 0)
    gtk_label_set_label (prow->summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (prow->summary), summary[0] != '\0');

  if (opportunity && prow->details != NULL)
    {
      g_autofree char *value = format_amount_field (cell->value, currency (self));

      gtk_drop_down_set_selected (prow->kind_dropdown, cell->kind);
      show_field (prow->fields[FIELD_VALUE], value, force);
      show_field (prow->fields[FIELD_QUARTER], cell->quarter != NULL ? cell->quarter : "",
                  force);
      show_field (prow->fields[FIELD_NOTE], cell->note != NULL ? cell->note : "", force);
    }
  if (force)
    clear_row_error (prow);

  self->updating = FALSE;
}

static void
update_rows (KsOpportunitiesSection *self,
             gboolean                force)
{
  for (guint i = 0; i < self->rows->len; i++)
    update_row (g_ptr_array_index (self->rows, i), force);
  update_summary (self);
  self->cells_dirty = FALSE;
}

/* Saving ---------------------------------------------------------------- */

/* Validates and saves @cell; on failure says why beside @field. */
static gboolean
save_cell (ProductRow         *prow,
           const KsWhitespace *cell,
           GtkWidget          *field)
{
  KsOpportunitiesSection *self = prow->section;
  g_autoptr(GError) error = NULL;

  if (!ks_whitespace_validate (cell, &error) ||
      !ks_store_save_whitespace (self->store, ks_account_get_id (self->account), cell, &error))
    {
      show_row_error (prow, field, error->message);
      return FALSE;
    }

  ks_plan_hide_error (self->error_label);
  clear_row_error (prow);
  put_cell (self, cell);
  update_row (prow, FALSE);
  update_summary (self);
  return TRUE;
}

static KsWhitespace *
dup_cell (ProductRow *prow)
{
  const KsWhitespace *cell = lookup_cell (prow->section, prow->product_id);
  KsWhitespace *copy;

  if (cell != NULL)
    return ks_whitespace_copy (cell);
  copy = ks_whitespace_new ();
  copy->product_id = prow->product_id;
  copy->state = KS_WHITESPACE_UNKNOWN;
  copy->kind = KS_OPPORTUNITY_CROSS_SELL;
  return copy;
}

/* Undo ------------------------------------------------------------------ */

typedef struct
{
  KsStore      *store;
  gint64        account_id;
  KsWhitespace *cell;
  GWeakRef      section;
} ClearedCell;

static void
cleared_cell_free (gpointer data)
{
  ClearedCell *cleared = data;

  g_clear_object (&cleared->store);
  g_clear_pointer (&cleared->cell, ks_whitespace_free);
  g_weak_ref_clear (&cleared->section);
  g_free (cleared);
}

static void
on_undo_clicked (AdwToast    *toast,
                 ClearedCell *cleared)
{
  g_autoptr(GError) error = NULL;

  if (!ks_store_save_whitespace (cleared->store, cleared->account_id, cleared->cell, &error))
    {
      g_autoptr(GtkWidget) section = g_weak_ref_get (&cleared->section);

      if (section != NULL && gtk_widget_get_root (section) != NULL)
        ks_widget_show_error (section, _("Could Not Undo"), error);
      else
        g_warning ("Could not undo: %s", error->message);
    }
}

/* “Not assessed” forgets what was noted of an opportunity: a toast offers it back.
 * (Not ks_plan_show_undo_toast(): its “… deleted” does not fit.) */
static void
show_cleared_toast (ProductRow   *prow,
                    KsWhitespace *old)
{
  KsOpportunitiesSection *self = prow->section;
  ClearedCell *cleared = g_new0 (ClearedCell, 1);
  g_autofree char *name = ks_plan_ellipsize (prow->name, 40);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  cleared->store = g_object_ref (self->store);
  cleared->account_id = ks_account_get_id (self->account);
  cleared->cell = old;
  g_weak_ref_init (&cleared->section, self);

  /* Translators: a toast with an Undo button, after a product's state was set back to
   * “Not assessed”, which clears the opportunity's estimated value, expected quarter and
   * note; %s is the product */
  title = g_strdup_printf (_("The opportunity for “%s” was cleared"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ks-undo", cleared, cleared_cell_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), cleared);
  ks_widget_add_toast (GTK_WIDGET (self), toast);
}

/* The user chose @state for @prow's product. */
static void
choose_state (ProductRow *prow,
              guint       state)
{
  g_autoptr(KsWhitespace) old = NULL;
  g_autoptr(KsWhitespace) cell = NULL;

  if (state >= KS_N_WHITESPACE_STATES)
    return;

  old = dup_cell (prow);
  if (old->state == state)
    return;

  cell = ks_whitespace_copy (old);
  /* More of what it buys already is an up-sell. */
  if (state == KS_WHITESPACE_OPPORTUNITY && old->state == KS_WHITESPACE_CURRENT)
    cell->kind = KS_OPPORTUNITY_UP_SELL;
  cell->state = state;

  if (!save_cell (prow, cell, NULL))
    return;

  if (state == KS_WHITESPACE_OPPORTUNITY)
    set_expanded (prow, TRUE);

  if (state == KS_WHITESPACE_UNKNOWN &&
      (old->value > 0 || (old->quarter != NULL && old->quarter[0] != '\0') ||
       (old->note != NULL && old->note[0] != '\0')))
    show_cleared_toast (prow, g_steal_pointer (&old));
}

static void
on_state_change (GSimpleAction *action,
                 GVariant      *value,
                 ProductRow    *prow)
{
  choose_state (prow, g_variant_get_uint32 (value));
}

/* The state menu is made the first time it opens; each time, it shows the state. */
static void
on_state_menu (GtkMenuButton *button,
               gpointer       data)
{
  ProductRow *prow = data;
  GVariant *state = g_variant_new_uint32 (saved_state (prow));

  if (prow->state_action == NULL)
    {
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

      prow->state_action = g_simple_action_new_stateful ("state", G_VARIANT_TYPE_UINT32, state);
      g_signal_connect (prow->state_action, "change-state", G_CALLBACK (on_state_change),
                        prow);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (prow->state_action));
      gtk_widget_insert_action_group (GTK_WIDGET (button), "whitespace", G_ACTION_GROUP (group));
      gtk_menu_button_set_menu_model (button, prow->section->state_menu);
      return;
    }
  g_simple_action_set_state (prow->state_action, state);
}

static void
on_kind_changed (GtkDropDown *dropdown,
                 GParamSpec  *pspec,
                 ProductRow  *prow)
{
  g_autoptr(KsWhitespace) cell = NULL;
  guint kind = gtk_drop_down_get_selected (dropdown);

  if (prow->section->updating || kind >= KS_N_OPPORTUNITY_KINDS)
    return;

  cell = dup_cell (prow);
  if (cell->kind == kind)
    return;
  cell->kind = kind;
  cell->state = KS_WHITESPACE_OPPORTUNITY;
  if (!save_cell (prow, cell, GTK_WIDGET (dropdown)))
    {
      const KsWhitespace *saved = lookup_cell (prow->section, prow->product_id);

      prow->section->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, saved != NULL ? saved->kind : 0);
      prow->section->updating = FALSE;
    }
}

static void
commit_field (ProductRow *prow,
              Field       field)
{
  KsOpportunitiesSection *self = prow->section;
  AdwEntryRow *row = prow->fields[field];
  const char *shown = g_object_get_data (G_OBJECT (row), "ks-shown");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(KsWhitespace) cell = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), shown != NULL ? shown : "") == 0)
    {
      if (prow->error_field == GTK_WIDGET (row))
        clear_row_error (prow);
      return;
    }

  cell = dup_cell (prow);
  cell->state = KS_WHITESPACE_OPPORTUNITY;
  switch (field)
    {
    case FIELD_VALUE:
      cell->value = 0;
      if (text[0] != '\0' && !ks_money_parse (text, currency (self), &cell->value, &error))
        {
          show_row_error (prow, GTK_WIDGET (row), error->message);
          return;
        }
      break;

    case FIELD_QUARTER:
      g_clear_pointer (&cell->quarter, g_free);
      if (text[0] != '\0')
        {
          int year, quarter;

          if (!ks_quarter_parse (text, &year, &quarter, &error))
            {
              show_row_error (prow, GTK_WIDGET (row), error->message);
              return;
            }
          cell->quarter = ks_quarter_format (year, quarter);
        }
      break;

    case FIELD_NOTE:
    case N_FIELDS:
    default:
      g_clear_pointer (&cell->note, g_free);
      if (text[0] != '\0')
        cell->note = g_strdup (text);
      break;
    }

  /* Saved, what was typed counts as shown: the update writes it back formatted. */
  g_object_set_data_full (G_OBJECT (row), "ks-shown",
                          g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))), g_free);
  if (!save_cell (prow, cell, GTK_WIDGET (row)))
    g_object_set_data_full (G_OBJECT (row), "ks-shown", g_strdup (shown), g_free);
}

static void
on_field_activated (AdwEntryRow *row,
                    ProductRow  *prow)
{
  commit_field (prow, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ks-field")));
}

static void
on_field_leave (GtkEventControllerFocus *controller,
                ProductRow              *prow)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (prow->section->store == NULL || !gtk_widget_get_mapped (row))
    return;
  commit_field (prow, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ks-field")));
}

static gboolean
on_field_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      ProductRow            *prow)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *shown = g_object_get_data (G_OBJECT (row), "ks-shown");

  if (keyval != GDK_KEY_Escape ||
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), shown != NULL ? shown : "") == 0)
    return FALSE;

  /* Escape puts back what was saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), shown != NULL ? shown : "");
  if (prow->error_field == row)
    clear_row_error (prow);
  return TRUE;
}

/* Building -------------------------------------------------------------- */

static AdwEntryRow *
add_field (ProductRow *prow,
           GtkListBox *list,
           Field       field,
           const char *key,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *name = g_strdup_printf ("whitespace-%s-%" G_GINT64_FORMAT, key,
                                           prow->product_id);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "ks-field", GUINT_TO_POINTER (field));
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_field_activated), prow);
  g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave), prow);
  gtk_widget_add_controller (row, focus);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_field_key_pressed), prow);
  gtk_widget_add_controller (row, keys);
  gtk_list_box_append (list, row);
  prow->fields[field] = ADW_ENTRY_ROW (row);
  return ADW_ENTRY_ROW (row);
}

static void
on_child_revealed (GtkRevealer *revealer,
                   GParamSpec  *pspec,
                   ProductRow  *prow)
{
  /* Folded away: the row goes too, so the product's row is the list's last again. */
  if (!prow->expanded && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (prow->details), FALSE);
}

/* The details row under the product's row: a nested list, which libadwaita styles as
 * an expander row's (row.expander list.nested). */
static void
ensure_details (ProductRow *prow)
{
  KsOpportunitiesSection *self = prow->section;
  g_autofree char *details_name = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *value_title = NULL;
  g_autofree char *error_name = NULL;
  g_autofree char *list_label = NULL;
  GtkWidget *list;
  GtkWidget *kind_row;
  GtkWidget *error_row;
  GtkWidget *label;

  if (prow->details != NULL)
    return;

  prow->details = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
  details_name = g_strdup_printf ("whitespace-details-%" G_GINT64_FORMAT, prow->product_id);
  gtk_widget_set_name (GTK_WIDGET (prow->details), details_name);
  g_object_set_data_full (G_OBJECT (prow->details), DETAILS_ROW_KEY,
                          g_rc_box_acquire (prow), product_row_release);
  gtk_list_box_row_set_activatable (prow->details, FALSE);
  gtk_list_box_row_set_selectable (prow->details, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (prow->details), "expander");
  gtk_widget_set_visible (GTK_WIDGET (prow->details), FALSE);

  prow->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (prow->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  g_signal_connect (prow->revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed),
                    prow);
  gtk_list_box_row_set_child (prow->details, GTK_WIDGET (prow->revealer));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "nested");
  /* Translators: the accessible name of the list of an opportunity's details; %s is the
   * product */
  list_label = g_strdup_printf (_("Opportunity for %s"), prow->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  list_label, -1);
  gtk_revealer_set_child (prow->revealer, list);

  kind_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  prow->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->kinds)),
                                                          NULL));
  kind_name = g_strdup_printf ("whitespace-kind-%" G_GINT64_FORMAT, prow->product_id);
  gtk_widget_set_name (GTK_WIDGET (prow->kind_dropdown), kind_name);
  gtk_widget_set_valign (GTK_WIDGET (prow->kind_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (prow->kind_dropdown),
                               _("Cross-sell: a product the account does not buy yet. "
                                 "Up-sell: more of what it buys, or a higher edition."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (prow->kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  g_signal_connect (prow->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_changed),
                    prow);
  adw_action_row_add_suffix (ADW_ACTION_ROW (kind_row), GTK_WIDGET (prow->kind_dropdown));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (kind_row),
                                         GTK_WIDGET (prow->kind_dropdown));
  gtk_list_box_append (GTK_LIST_BOX (list), kind_row);

  /* Translators: a field of an opportunity; %s is the account's currency code (CNY) */
  value_title = g_strdup_printf (_("Estimated value (%s)"), currency (self));
  add_field (prow, GTK_LIST_BOX (list), FIELD_VALUE, "value", value_title);
  add_field (prow, GTK_LIST_BOX (list), FIELD_QUARTER, "quarter",
             /* Translators: a field of an opportunity; keep “YYYY-Qn” as it is */
             _("Expected quarter (YYYY-Qn)"));
  add_field (prow, GTK_LIST_BOX (list), FIELD_NOTE, "note", C_("whitespace", "Note"));

  label = gtk_label_new (NULL);
  error_name = g_strdup_printf ("whitespace-error-%" G_GINT64_FORMAT, prow->product_id);
  gtk_widget_set_name (label, error_name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  g_object_bind_property (label, "visible", error_row, "visible", G_BINDING_SYNC_CREATE);
  gtk_list_box_append (GTK_LIST_BOX (list), error_row);
  prow->error_label = GTK_LABEL (label);

  gtk_list_box_insert (self->product_list, GTK_WIDGET (prow->details),
                       gtk_list_box_row_get_index (prow->row) + 1);
  /* What is saved, into the new fields. */
  update_row (prow, TRUE);
}

/* A product's name, in full when it does not fit. */
static gboolean
on_title_query_tooltip (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static ProductRow *
product_row_new (KsOpportunitiesSection *self,
                 const KsProduct        *product)
{
  ProductRow *prow = g_rc_box_new0 (ProductRow);
  g_autofree char *row_name = g_strdup_printf ("whitespace-row-%" G_GINT64_FORMAT, product->id);
  g_autofree char *summary_name = g_strdup_printf ("whitespace-summary-%" G_GINT64_FORMAT,
                                                   product->id);
  g_autofree char *state_name = g_strdup_printf ("whitespace-state-%" G_GINT64_FORMAT,
                                                 product->id);
  g_autofree char *state_label = NULL;
  GtkWidget *header;
  GtkWidget *title_box;
  GtkWidget *title;

  prow->section = self;
  prow->product_id = product->id;
  prow->name = g_strdup (product->name);
  prow->shown_state = KS_N_WHITESPACE_STATES;

  /* As an AdwActionRow's (row > box.header > box.title), for libadwaita's style, but
   * one line each: the labels are shaped once, not again for every width tried. */
  prow->row = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
  gtk_widget_set_name (GTK_WIDGET (prow->row), row_name);
  gtk_widget_add_css_class (GTK_WIDGET (prow->row), "ks-product");
  gtk_list_box_row_set_selectable (prow->row, FALSE);
  g_object_set_data_full (G_OBJECT (prow->row), PRODUCT_ROW_KEY, g_rc_box_acquire (prow),
                          product_row_release);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (header, "header");
  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);

  title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (title_box, "title");
  gtk_widget_set_hexpand (title_box, TRUE);
  gtk_widget_set_valign (title_box, GTK_ALIGN_CENTER);

  title = gtk_label_new (product->name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (title, TRUE);
  g_signal_connect (title, "query-tooltip", G_CALLBACK (on_title_query_tooltip), NULL);
  gtk_widget_add_css_class (title, "title");
  gtk_box_append (GTK_BOX (title_box), title);

  prow->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (prow->summary), summary_name);
  gtk_label_set_xalign (prow->summary, 0);
  gtk_label_set_ellipsize (prow->summary, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (prow->summary), "subtitle");
  gtk_widget_set_visible (GTK_WIDGET (prow->summary), FALSE);
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (prow->summary));
  gtk_box_append (GTK_BOX (header), title_box);

  prow->state_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_name (GTK_WIDGET (prow->state_button), state_name);
  gtk_widget_set_valign (GTK_WIDGET (prow->state_button), GTK_ALIGN_CENTER);
  ks_widget_set_tooltip_quietly (GTK_WIDGET (prow->state_button),
                                 _("Does the account buy it, or could it?"));
  /* Translators: the accessible name of a product's state drop-down; %s is the product */
  state_label = g_strdup_printf (_("State of %s"), product->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (prow->state_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, state_label, -1);
  gtk_menu_button_set_create_popup_func (prow->state_button, on_state_menu,
                                         g_rc_box_acquire (prow), product_row_release);
  if (self->state_width > 0)
    gtk_widget_set_size_request (GTK_WIDGET (prow->state_button), self->state_width, -1);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (prow->state_button));

  prow->arrow = gtk_image_new_from_icon_name ("adw-expander-arrow-symbolic");
  gtk_widget_add_css_class (prow->arrow, "ks-product-arrow");
  gtk_box_append (GTK_BOX (header), prow->arrow);

  gtk_list_box_row_set_child (prow->row, header);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (prow->row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, prow->summary, NULL,
                                  -1);
  return prow;
}

/* The state buttons are as wide as the widest state, so they line up (measured on the
 * first row, once it is in the list and styled): a size group over every row would
 * measure them all again for each one added. */
static void
measure_state_width (KsOpportunitiesSection *self,
                     ProductRow             *prow)
{
  int widest = 0;

  for (guint i = 0; i < KS_N_WHITESPACE_STATES; i++)
    {
      int natural = 0;

      gtk_menu_button_set_label (prow->state_button, ks_whitespace_state_get_label (i));
      gtk_widget_measure (GTK_WIDGET (prow->state_button), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }
  prow->shown_state = KS_N_WHITESPACE_STATES - 1;   /* the last one measured */

  self->state_width = widest;
  gtk_widget_set_size_request (GTK_WIDGET (prow->state_button), widest, -1);
}

/* Makes rows for the products that have none yet, at most @max; TRUE when all have
 * one. */
static gboolean
build_pass (KsOpportunitiesSection *self,
            guint                   max)
{
  for (guint created = 0; self->rows->len < self->products->len; created++)
    {
      ProductRow *prow;

      if (created == max)
        return FALSE;

      prow = product_row_new (self, g_ptr_array_index (self->products, self->rows->len));
      g_ptr_array_add (self->rows, prow);
      gtk_list_box_append (self->product_list, GTK_WIDGET (prow->row));
      if (self->state_width == 0)
        measure_state_width (self, prow);
      update_row (prow, TRUE);
    }
  return TRUE;
}

static gboolean
build_more (gpointer data)
{
  KsOpportunitiesSection *self = data;

  /* Unmapped half-way: the rest waits for the next map. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || build_pass (self, ROWS_PER_PASS))
    {
      self->build_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* The rows the window has room for now, the others in idle passes. */
static void
build_rest (KsOpportunitiesSection *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  int height = root != NULL ? gtk_widget_get_height (root) : 0;
  guint first = height > 0 ? (guint) height / ROW_MIN_HEIGHT + 1 : ROWS_PER_PASS;

  if (self->build_id == 0 && !build_pass (self, first))
    self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_more, self, NULL);
}

static void
rebuild_rows (KsOpportunitiesSection *self)
{
  GtkWidget *child;
  gboolean empty;

  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  self->products = ks_store_dup_products (self->store);

  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->product_list))) != NULL)
    gtk_list_box_remove (self->product_list, child);
  ks_plan_hide_error (self->error_label);

  empty = self->products->len == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->product_list), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), !empty);
  gtk_widget_set_visible (self->manage_button, !empty);
  gtk_widget_set_visible (self->empty_box, empty);

  self->built = TRUE;
  self->products_dirty = FALSE;
  self->cells_dirty = FALSE;
  update_summary (self);
  build_rest (self);
}

static void
on_products_changed (KsOpportunitiesSection *self)
{
  self->products_dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_rows (self);
}

static void
on_row_activated (KsOpportunitiesSection *self,
                  GtkListBoxRow          *row)
{
  ProductRow *prow = g_object_get_data (G_OBJECT (row), PRODUCT_ROW_KEY);

  if (prow != NULL && saved_state (prow) == KS_WHITESPACE_OPPORTUNITY)
    set_expanded (prow, !prow->expanded);
}

static void
on_manage_clicked (KsOpportunitiesSection *self)
{
  KsProductsDialog *dialog = ks_products_dialog_new (self->store);

  ks_plan_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* Life cycle ------------------------------------------------------------ */

static void
ks_opportunities_section_map (GtkWidget *widget)
{
  KsOpportunitiesSection *self = KS_OPPORTUNITIES_SECTION (widget);

  /* Before the children are mapped: the first rows come with the section's first
   * frame. */
  if (!self->built || self->products_dirty)
    {
      rebuild_rows (self);
    }
  else
    {
      if (self->cells_dirty)
        update_rows (self, TRUE);
      build_rest (self);
    }

  GTK_WIDGET_CLASS (ks_opportunities_section_parent_class)->map (widget);
}

static void
ks_opportunities_section_dispose (GObject *object)
{
  KsOpportunitiesSection *self = KS_OPPORTUNITIES_SECTION (object);

  g_clear_handle_id (&self->build_id, g_source_remove);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_object (&self->state_menu);
  g_clear_object (&self->kinds);

  G_OBJECT_CLASS (ks_opportunities_section_parent_class)->dispose (object);
}

static void
ks_opportunities_section_finalize (GObject *object)
{
  KsOpportunitiesSection *self = KS_OPPORTUNITIES_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (ks_opportunities_section_parent_class)->finalize (object);
}

static void
ks_opportunities_section_class_init (KsOpportunitiesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_opportunities_section_dispose;
  object_class->finalize = ks_opportunities_section_finalize;
  widget_class->map = ks_opportunities_section_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-opportunities-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsOpportunitiesSection, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KsOpportunitiesSection, product_list);
  gtk_widget_class_bind_template_child (widget_class, KsOpportunitiesSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, KsOpportunitiesSection, manage_button);
  gtk_widget_class_bind_template_child (widget_class, KsOpportunitiesSection, empty_box);
  gtk_widget_class_bind_template_callback (widget_class, on_manage_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
ks_opportunities_section_init (KsOpportunitiesSection *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *kinds[KS_N_OPPORTUNITY_KINDS + 1];
  GtkWidget *empty;

  self->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) ks_whitespace_free);
  self->rows = g_ptr_array_new_with_free_func (product_row_release);

  for (guint i = 0; i < KS_N_WHITESPACE_STATES; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (ks_whitespace_state_get_label (i), NULL);

      g_menu_item_set_action_and_target_value (item, "whitespace.state",
                                               g_variant_new_uint32 (i));
      g_menu_append_item (menu, item);
    }
  self->state_menu = G_MENU_MODEL (g_steal_pointer (&menu));

  for (guint i = 0; i < KS_N_OPPORTUNITY_KINDS; i++)
    kinds[i] = ks_opportunity_kind_get_label (i);
  kinds[KS_N_OPPORTUNITY_KINDS] = NULL;
  self->kinds = gtk_string_list_new (kinds);

  gtk_widget_init_template (GTK_WIDGET (self));

  empty = ks_plan_empty_state_new ("view-grid-symbolic", _("No Products Yet"),
                                   _("List the products your company sells once; then mark "
                                     "for each account what it buys and what it could buy."));
  gtk_box_prepend (GTK_BOX (self->empty_box), empty);
}

GtkWidget *
ks_opportunities_section_new (KsStore   *store,
                              KsAccount *account)
{
  KsOpportunitiesSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_OPPORTUNITIES_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  g_signal_connect_object (store, "products-changed", G_CALLBACK (on_products_changed), self,
                           G_CONNECT_SWAPPED);
  /* The currency is in the value's title and format. */
  g_signal_connect_object (account, "notify::currency", G_CALLBACK (on_products_changed),
                           self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

void
ks_opportunities_section_set_plan (KsOpportunitiesSection *self,
                                   const KsAccountPlan    *plan)
{
  g_return_if_fail (KS_IS_OPPORTUNITIES_SECTION (self));
  g_return_if_fail (plan != NULL);

  g_hash_table_remove_all (self->cells);
  for (guint i = 0; plan->whitespace != NULL && i < plan->whitespace->len; i++)
    put_cell (self, g_ptr_array_index (plan->whitespace, i));

  if (self->built && !self->products_dirty && gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_rows (self, FALSE);
  else
    self->cells_dirty = TRUE;
}
