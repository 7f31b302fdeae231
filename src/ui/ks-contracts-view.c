/* ks-contracts-view.c
 *
 * Every contract is read from the store in one query when the view is mapped and, while
 * it is, after ::plan-changed, ::template-changed or a change of the accounts (coalesced
 * into one idle). Each contract is an
 * item of a list store; when the same contracts come back in the same order (a
 * checklist item reviewed, a date changed), the items are updated in place and the
 * filter and the order checked again, so the list keeps its scroll position and
 * selection; otherwise the items are replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-contract-editor.h"
#include "ks-contracts-section.h"
#include "ks-contracts-view.h"
#include "ks-money.h"
#include "ks-plan-widgets.h"
#include "ks-template-dialog.h"
#include "ks-widgets.h"

/* ---- One contract in the list -------------------------------------------------- */

#define KS_TYPE_CONTRACTS_VIEW_ITEM (ks_contracts_view_item_get_type ())

G_DECLARE_FINAL_TYPE (KsContractsViewItem, ks_contracts_view_item, KS, CONTRACTS_VIEW_ITEM,
                      GObject)

struct _KsContractsViewItem
{
  GObject               parent_instance;

  KsContract           *contract;
  char                 *account_name;
  char                 *owner;
  char                 *search_key;     /* title, number and account, folded */
  KsContractCompletion  completion;
  char                 *renewal;        /* what is due, when a renewal is; else NULL */
};

G_DEFINE_FINAL_TYPE (KsContractsViewItem, ks_contracts_view_item, G_TYPE_OBJECT)

enum {
  ITEM_CHANGED,
  N_ITEM_SIGNALS
};

static guint item_signals[N_ITEM_SIGNALS];

static void
ks_contracts_view_item_finalize (GObject *object)
{
  KsContractsViewItem *self = KS_CONTRACTS_VIEW_ITEM (object);

  g_clear_pointer (&self->contract, ks_contract_free);
  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->renewal, g_free);

  G_OBJECT_CLASS (ks_contracts_view_item_parent_class)->finalize (object);
}

static void
ks_contracts_view_item_class_init (KsContractsViewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ks_contracts_view_item_finalize;

  /* The contract or its account changed: the cells bound to it show it again. */
  item_signals[ITEM_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ks_contracts_view_item_init (KsContractsViewItem *self)
{
}

/* Takes @contract. */
static void
item_set_contract (KsContractsViewItem *item,
                   KsContract          *contract,
                   KsStore             *store,
                   const GDate         *today)
{
  KsAccount *account = ks_store_lookup_account (store, contract->account_id);
  g_autofree char *key = NULL;

  g_clear_pointer (&item->contract, ks_contract_free);
  item->contract = contract;
  g_free (item->account_name);
  item->account_name = g_strdup (account != NULL ? ks_account_get_name (account) : "");
  g_free (item->owner);
  item->owner = g_strdup (account != NULL ? ks_account_get_owner (account) : "");
  key = g_strjoin ("\n", contract->title != NULL ? contract->title : "",
                   contract->number != NULL ? contract->number : "",
                   item->account_name, NULL);
  g_free (item->search_key);
  item->search_key = ks_account_fold (key);
  ks_contract_completion (contract, &item->completion);
  g_free (item->renewal);
  item->renewal = ks_contract_ui_describe_renewal (contract, today);
}

/* ---- The view ------------------------------------------------------------------ */

struct _KsContractsView
{
  AdwBin              parent_instance;

  KsStore            *store;
  GListStore         *items;          /* KsContractsViewItem */
  GtkFilter          *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  guint               reload_id;      /* the idle that reads after a change */
  gboolean            setting_choices;

  GtkStringList      *accounts;       /* the account filter: “All Accounts”, then names */
  GArray             *account_ids;    /* gint64, for the names after the first */
  GtkStringList      *owners;         /* the owner filter: “All Owners”, then owners */
  /* the filters' choices, read once per change, not once per contract */
  gint64              account_choice; /* 0 for all */
  int                 status_choice;  /* KsContractStatus, or -1 for all */
  char               *owner_choice;   /* NULL for all */
  char               *query;          /* folded search text, NULL for none */

  /* template children */
  GtkStack           *main_stack;
  GtkWidget          *empty_add_button;
  GtkStack           *results_stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *account_filter;
  GtkDropDown        *status_filter;
  GtkDropDown        *owner_filter;
  GtkLabel           *summary_label;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (KsContractsView, ks_contracts_view, ADW_TYPE_BIN)

/* ---- Columns ------------------------------------------------------------------- */

typedef enum
{
  CELL_TEXT,
  CELL_TITLE,       /* a marker when the contract has open issues or a renewal due */
  CELL_RENEWAL,     /* the date, marked when due */
  CELL_STATUS,      /* a pill */
  CELL_CHECKLIST,   /* a bar and “7/32” */
  CELL_ISSUES,
} CellKind;

typedef struct
{
  const char       *id;
  const char       *title;
  CellKind          kind;
  char           *(*format) (KsContractsViewItem *item);
  GCompareDataFunc  compare;
  gboolean          expand;
  float             xalign;
  guint             min_chars;
  guint             nat_chars;
} Column;

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
format_account (KsContractsViewItem *item)
{
  return g_strdup (item->account_name);
}

static char *
format_title (KsContractsViewItem *item)
{
  return g_strdup (or_empty (item->contract->title));
}

static char *
format_number (KsContractsViewItem *item)
{
  return g_strdup (or_empty (item->contract->number));
}

static char *
format_value (KsContractsViewItem *item)
{
  return ks_money_format (item->contract->value, item->contract->currency);
}

static char *
format_start (KsContractsViewItem *item)
{
  return g_strdup (or_empty (item->contract->start));
}

static char *
format_end (KsContractsViewItem *item)
{
  return g_strdup (or_empty (item->contract->end));
}

static char *
format_renewal (KsContractsViewItem *item)
{
  return g_strdup (or_empty (item->contract->renewal_notice));
}

static char *
format_checklist (KsContractsViewItem *item)
{
  /* Translators: checklist items reviewed of all, in a narrow column: “7/32” */
  return g_strdup_printf (C_("checklist", "%u/%u"), item->completion.reviewed,
                          item->completion.total);
}

static char *
format_issues (KsContractsViewItem *item)
{
  return g_strdup_printf ("%u", item->completion.issues);
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))
#define ITEM(p) ((KsContractsViewItem *) (p))

static int
compare_text (const char *a,
              const char *b)
{
  return g_utf8_collate (or_empty (a), or_empty (b));
}

/* A missing date sorts after every date. */
static int
compare_dates (const char *a,
               const char *b)
{
  gboolean has_a = a != NULL && a[0] != '\0';
  gboolean has_b = b != NULL && b[0] != '\0';

  if (has_a != has_b)
    return has_a ? -1 : 1;
  return g_strcmp0 (a, b);
}

static int
compare_account (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_text (ITEM (a)->account_name, ITEM (b)->account_name);
}

static int
compare_title (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_text (ITEM (a)->contract->title, ITEM (b)->contract->title);
}

static int
compare_number (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_text (ITEM (a)->contract->number, ITEM (b)->contract->number);
}

/* By currency, then amount: amounts in different currencies do not compare. */
static int
compare_value (gconstpointer a, gconstpointer b, gpointer data)
{
  int order = g_strcmp0 (ITEM (a)->contract->currency, ITEM (b)->contract->currency);

  return order != 0 ? order : CMP (ITEM (a)->contract->value, ITEM (b)->contract->value);
}

static int
compare_start (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_dates (ITEM (a)->contract->start, ITEM (b)->contract->start);
}

static int
compare_end (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_dates (ITEM (a)->contract->end, ITEM (b)->contract->end);
}

static int
compare_renewal (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_dates (ITEM (a)->contract->renewal_notice,
                        ITEM (b)->contract->renewal_notice);
}

static int
compare_status (gconstpointer a, gconstpointer b, gpointer data)
{
  return CMP (ITEM (a)->contract->status, ITEM (b)->contract->status);
}

static int
compare_checklist (gconstpointer a, gconstpointer b, gpointer data)
{
  return CMP (ITEM (a)->completion.percent, ITEM (b)->completion.percent);
}

static int
compare_issues (gconstpointer a, gconstpointer b, gpointer data)
{
  return CMP (ITEM (a)->completion.issues, ITEM (b)->completion.issues);
}

/* Dates and amounts are never cut short: the list scrolls sideways first. */
static const Column columns[] = {
  { "account", N_("Account"), CELL_TEXT, format_account, compare_account, FALSE, 0, 8, 16 },
  { "title", N_("Title"), CELL_TITLE, format_title, compare_title, TRUE, 0, 10, 22 },
  { "number", N_("Number"), CELL_TEXT, format_number, compare_number, FALSE, 0, 6, 11 },
  { "value", N_("Amount"), CELL_TEXT, format_value, compare_value, FALSE, 1, 13, 16 },
  { "start", N_("Start"), CELL_TEXT, format_start, compare_start, FALSE, 0, 10, 10 },
  { "end", N_("End"), CELL_TEXT, format_end, compare_end, FALSE, 0, 10, 10 },
  /* Translators: column title: the date notice of renewal or non-renewal is due */
  { "renewal", N_("Renewal Notice"), CELL_RENEWAL, format_renewal, compare_renewal,
    FALSE, 0, 10, 10 },
  { "status", N_("Status"), CELL_STATUS, NULL, compare_status, FALSE, 0, 0, 0 },
  /* Translators: column title: how much of the compliance checklist is reviewed */
  { "checklist", N_("Checklist"), CELL_CHECKLIST, format_checklist, compare_checklist,
    FALSE, 0, 5, 5 },
  { "issues", N_("Open Issues"), CELL_ISSUES, format_issues, compare_issues, FALSE, 1, 2, 3 },
};

/* The parts of a cell, kept with its list item. */
typedef struct
{
  const Column *column;
  GtkWidget    *child;
  GtkImage     *icon;          /* CELL_TITLE, CELL_RENEWAL, CELL_ISSUES */
  GtkInscription *text;
  GtkLevelBar  *bar;           /* CELL_CHECKLIST */
  KsContractsViewItem *item;   /* bound */
  gulong        changed_id;
} Cell;

#define CELL_KEY "ks-contract-cell"

/* The list's row widget around @child, to mark a whole row; NULL when GTK lays it out
 * differently from what is expected here (cell in row). */
static GtkWidget *
find_row_widget (GtkWidget *child)
{
  GtkWidget *cell = gtk_widget_get_parent (child);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

  if (row != NULL && g_strcmp0 (gtk_widget_get_css_name (row), "row") == 0)
    return row;
  return NULL;
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
set_icon (GtkImage   *icon,
          const char *icon_name,
          const char *css_class)
{
  static const char * const classes[] = { "warning", "error" };

  gtk_widget_set_visible (GTK_WIDGET (icon), icon_name != NULL);
  if (icon_name == NULL)
    return;
  gtk_image_set_from_icon_name (icon, icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    set_css_class (GTK_WIDGET (icon), classes[i], g_strcmp0 (css_class, classes[i]) == 0);
}

static void
update_cell (Cell *cell)
{
  KsContractsViewItem *item = cell->item;
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;
  gboolean issues;

  if (item == NULL)
    return;

  issues = item->completion.issues > 0;
  if (cell->column->format != NULL)
    text = cell->column->format (item);

  switch (cell->column->kind)
    {
    case CELL_TEXT:
      gtk_inscription_set_text (cell->text, text);
      break;

    case CELL_TITLE:
      {
        GtkWidget *row = find_row_widget (cell->child);

        gtk_inscription_set_text (cell->text, text);
        /* The whole title, cut short in the cell, and why the row stands out. */
        if (issues)
          {
            g_autofree char *why = ks_contract_ui_describe_issues (item->completion.issues);

            tip = g_strconcat (text, "\n", why, NULL);
            set_icon (cell->icon, "dialog-warning-symbolic", "error");
          }
        else if (item->renewal != NULL)
          {
            tip = g_strconcat (text, "\n", item->renewal, NULL);
            set_icon (cell->icon, "alarm-symbolic", "warning");
          }
        else
          {
            tip = g_strdup (text);
            set_icon (cell->icon, NULL, NULL);
          }
        ks_widget_set_tooltip_quietly (cell->child, tip);
        /* The whole row stands out, not only the cells that say why. */
        if (row != NULL)
          {
            set_css_class (row, "ks-contract-issue", issues);
            set_css_class (row, "ks-contract-renewal", !issues && item->renewal != NULL);
          }
      }
      break;

    case CELL_RENEWAL:
      gtk_inscription_set_text (cell->text, text);
      set_icon (cell->icon, item->renewal != NULL ? "alarm-symbolic" : NULL, "warning");
      set_css_class (cell->child, "warning", item->renewal != NULL);
      ks_widget_set_tooltip_quietly (cell->child, item->renewal);
      break;

    case CELL_STATUS:
      ks_contract_ui_status_pill_update (GTK_LABEL (cell->child), item->contract->status);
      break;

    case CELL_CHECKLIST:
      gtk_inscription_set_text (cell->text, text);
      gtk_level_bar_set_value (cell->bar, item->completion.total > 0
                               ? (double) item->completion.reviewed / item->completion.total
                               : 0);
      tip = ks_contract_ui_describe_completion (&item->completion);
      ks_widget_set_tooltip_quietly (cell->child, tip);
      break;

    case CELL_ISSUES:
      gtk_inscription_set_text (cell->text, text);
      set_icon (cell->icon, issues ? "dialog-warning-symbolic" : NULL, "error");
      set_css_class (cell->child, "error", issues);
      set_css_class (cell->child, "dim-label", !issues);
      break;

    default:
      g_assert_not_reached ();
    }
}

static GtkInscription *
inscription_new (const Column *column)
{
  GtkInscription *text = GTK_INSCRIPTION (gtk_inscription_new (NULL));

  gtk_inscription_set_xalign (text, column->xalign);
  gtk_inscription_set_nat_chars (text, column->nat_chars);
  gtk_inscription_set_min_chars (text, column->min_chars);
  gtk_inscription_set_text_overflow (text, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (text), TRUE);
  return text;
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  if (cell->item != NULL)
    g_clear_signal_handler (&cell->changed_id, cell->item);
  g_free (cell);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            const Column             *column)
{
  Cell *cell = g_new0 (Cell, 1);
  g_autofree char *name = g_strdup_printf ("contract-cell-%s", column->id);

  cell->column = column;
  switch (column->kind)
    {
    case CELL_TEXT:
      cell->text = inscription_new (column);
      cell->child = GTK_WIDGET (cell->text);
      break;

    case CELL_STATUS:
      cell->child = GTK_WIDGET (ks_contract_ui_status_pill_new ());
      break;

    case CELL_CHECKLIST:
      cell->child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      cell->bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
      gtk_widget_set_size_request (GTK_WIDGET (cell->bar), 48, -1);
      gtk_widget_set_valign (GTK_WIDGET (cell->bar), GTK_ALIGN_CENTER);
      cell->text = inscription_new (column);
      gtk_widget_add_css_class (GTK_WIDGET (cell->text), "numeric");
      gtk_box_append (GTK_BOX (cell->child), GTK_WIDGET (cell->bar));
      gtk_box_append (GTK_BOX (cell->child), GTK_WIDGET (cell->text));
      break;

    case CELL_TITLE:
    case CELL_RENEWAL:
    case CELL_ISSUES:
      cell->child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      cell->icon = GTK_IMAGE (gtk_image_new ());
      gtk_widget_set_visible (GTK_WIDGET (cell->icon), FALSE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell->icon),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      cell->text = inscription_new (column);
      gtk_box_append (GTK_BOX (cell->child), GTK_WIDGET (cell->icon));
      gtk_box_append (GTK_BOX (cell->child), GTK_WIDGET (cell->text));
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_name (cell->child, name);
  gtk_list_item_set_child (list_item, cell->child);
  g_object_set_data_full (G_OBJECT (list_item), CELL_KEY, cell, cell_free);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           const Column             *column)
{
  Cell *cell = g_object_get_data (G_OBJECT (list_item), CELL_KEY);

  cell->item = gtk_list_item_get_item (list_item);
  cell->changed_id = g_signal_connect_swapped (cell->item, "changed",
                                               G_CALLBACK (update_cell), cell);
  update_cell (cell);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             const Column             *column)
{
  Cell *cell = g_object_get_data (G_OBJECT (list_item), CELL_KEY);

  if (cell->item != NULL)
    g_clear_signal_handler (&cell->changed_id, cell->item);
  cell->item = NULL;
}

static void
add_columns (KsContractsView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const Column *column = &columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) column);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) column);

      view_column = gtk_column_view_column_new (_(column->title), factory);
      gtk_column_view_column_set_expand (view_column, column->expand);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      sorter = GTK_SORTER (gtk_custom_sorter_new (column->compare, NULL, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

/* ---- Filtering ----------------------------------------------------------------- */

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  KsContractsViewItem *item = object;
  KsContractsView *self = user_data;

  if (self->account_choice != 0 && item->contract->account_id != self->account_choice)
    return FALSE;
  if (self->status_choice >= 0 && (int) item->contract->status != self->status_choice)
    return FALSE;
  if (self->owner_choice != NULL && g_strcmp0 (item->owner, self->owner_choice) != 0)
    return FALSE;
  if (self->query != NULL && strstr (item->search_key, self->query) == NULL)
    return FALSE;
  return TRUE;
}

static void
update_summary (KsContractsView *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint renewals = 0, with_issues = 0;
  g_autofree char *count = NULL;
  GString *summary;

  for (guint i = 0; i < total; i++)
    {
      g_autoptr(KsContractsViewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items),
                                                                   i);

      renewals += item->renewal != NULL;
      with_issues += item->completion.issues > 0;
    }

  if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract", "%u contracts",
                                          total),
                             total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: “3 of 12 contracts” */
                                          "%u of %u contract", "%u of %u contracts", total),
                             shown, total);
  summary = g_string_new (count);
  if (renewals > 0)
    {
      /* Translators: separates the parts of the contracts' summary line */
      g_string_append (summary, _(" · "));
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u renewal due within 90 days",
                                           "%u renewals due within 90 days", renewals),
                              renewals);
    }
  if (with_issues > 0)
    {
      g_string_append (summary, _(" · "));
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u with open checklist issues",
                                           "%u with open checklist issues", with_issues),
                              with_issues);
    }
  gtk_label_set_label (self->summary_label, summary->str);
  g_string_free (summary, TRUE);

  gtk_stack_set_visible_child_name (self->main_stack, total == 0 ? "empty" : "list");
  gtk_stack_set_visible_child_name (self->results_stack, shown == 0 ? "no-results" : "list");
}

/* Position 0 of each drop-down is “all”. */
static int
get_choice (GtkDropDown *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

/* Reads the filters' choices. */
static void
read_choices (KsContractsView *self)
{
  int account = get_choice (self->account_filter);
  int owner = get_choice (self->owner_filter);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->account_choice = account >= 0 && (guint) account < self->account_ids->len
                         ? g_array_index (self->account_ids, gint64, account) : 0;
  self->status_choice = get_choice (self->status_filter);
  g_clear_pointer (&self->owner_choice, g_free);
  if (owner >= 0)
    self->owner_choice = g_strdup (gtk_string_list_get_string (self->owners, owner + 1));
  g_clear_pointer (&self->query, g_free);
  if (text[0] != '\0')
    self->query = ks_account_fold (text);
}

static void
on_filter_changed (KsContractsView *self)
{
  if (self->setting_choices)
    return;

  read_choices (self);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
on_stop_search (KsContractsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The accounts and owners that have contracts, in the filters; what was chosen stays
 * chosen while it is there. */
static void
update_choices (KsContractsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GHashTable) seen_accounts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) seen_owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same;
  guint position;

  for (guint i = 0; i < n; i++)
    {
      KsContractsViewItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_ptr_array_add (items, item);
      if (!g_hash_table_contains (seen_accounts, &item->contract->account_id))
        {
          g_hash_table_add (seen_accounts, &item->contract->account_id);
          /* "name\nid": sorted by name, the id read back after the newline. */
          g_ptr_array_add (names, g_strdup_printf ("%s\n%" G_GINT64_FORMAT,
                                                   item->account_name,
                                                   item->contract->account_id));
        }
      if (item->owner[0] != '\0' && !g_hash_table_contains (seen_owners, item->owner))
        {
          g_hash_table_add (seen_owners, item->owner);
          g_ptr_array_add (owners, item->owner);
        }
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_sort (owners, compare_strings);

  self->setting_choices = TRUE;

  /* Accounts. */
  for (guint i = 0; i < names->len; i++)
    {
      char *name = g_ptr_array_index (names, i);
      char *newline = strrchr (name, '\n');
      gint64 id = g_ascii_strtoll (newline + 1, NULL, 10);

      *newline = '\0';
      g_array_append_val (ids, id);
    }
  same = ids->len == self->account_ids->len;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_array_index (ids, gint64, i) == g_array_index (self->account_ids, gint64, i) &&
           g_strcmp0 (g_ptr_array_index (names, i),
                      gtk_string_list_get_string (self->accounts, i + 1)) == 0;
  if (!same)
    {
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->accounts, 1, self->account_ids->len,
                              (const char * const *) names->pdata);
      g_array_set_size (self->account_ids, 0);
      g_array_append_vals (self->account_ids, ids->data, ids->len);
      position = 0;
      for (guint i = 0; self->account_choice != 0 && i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == self->account_choice)
          position = i + 1;
      gtk_drop_down_set_selected (self->account_filter, position);
    }

  /* Owners. */
  same = owners->len + 1 == g_list_model_get_n_items (G_LIST_MODEL (self->owners));
  for (guint i = 0; same && i < owners->len; i++)
    same = g_strcmp0 (g_ptr_array_index (owners, i),
                      gtk_string_list_get_string (self->owners, i + 1)) == 0;
  if (!same)
    {
      guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->owners)) - 1;

      g_ptr_array_add (owners, NULL);
      gtk_string_list_splice (self->owners, 1, n_old, (const char * const *) owners->pdata);
      position = 0;
      for (guint i = 0; self->owner_choice != NULL && i + 1 < owners->len; i++)
        if (g_strcmp0 (g_ptr_array_index (owners, i), self->owner_choice) == 0)
          position = i + 1;
      gtk_drop_down_set_selected (self->owner_filter, position);
    }

  self->setting_choices = FALSE;
}

/* ---- Reading the store --------------------------------------------------------- */

static void
reload (KsContractsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  guint n_old;
  gboolean same;
  GDate today;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store == NULL)
    return;

  contracts = ks_store_dup_contracts (self->store, &error);
  if (contracts == NULL)
    {
      g_warning ("Could not read the contracts: %s", error->message);
      contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_contract_free);
    }
  ks_store_get_today (self->store, &today);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  same = n_old == contracts->len;
  for (guint i = 0; same && i < n_old; i++)
    {
      g_autoptr(KsContractsViewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items),
                                                                   i);

      same = item->contract->id == ((KsContract *) g_ptr_array_index (contracts, i))->id;
    }

  if (same)
    {
      /* The same contracts: each row shows its own again, and where it now belongs. */
      for (guint i = 0; i < n_old; i++)
        {
          g_autoptr(KsContractsViewItem) item =
            g_list_model_get_item (G_LIST_MODEL (self->items), i);

          item_set_contract (item, g_steal_pointer (&contracts->pdata[i]), self->store,
                             &today);
          g_signal_emit (item, item_signals[ITEM_CHANGED], 0);
        }
      update_choices (self);
      read_choices (self);
      gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view),
                          GTK_SORTER_CHANGE_DIFFERENT);
    }
  else
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < contracts->len; i++)
        {
          KsContractsViewItem *item = g_object_new (KS_TYPE_CONTRACTS_VIEW_ITEM, NULL);

          item_set_contract (item, g_steal_pointer (&contracts->pdata[i]), self->store,
                             &today);
          g_ptr_array_add (items, item);
        }
      g_list_store_splice (self->items, 0, n_old, items->pdata, items->len);
      update_choices (self);
      read_choices (self);
      gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
    }
  update_summary (self);
}

static gboolean
reload_idle (gpointer data)
{
  KsContractsView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (KsContractsView *self)
{
  /* Unmapped, it is all read on the next map. Many changes in a row (an import, Undo,
   * a review) are read once. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle, self, NULL);
}

static void
update_add_enabled (KsContractsView *self)
{
  gboolean can_add = self->store != NULL && ks_store_get_n_accounts (self->store) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contracts.add", can_add);
  /* A greyed-out button says why. */
  gtk_widget_set_tooltip_text (self->empty_add_button,
                               can_add ? NULL
                                       : _("A contract is with an account: add an account first."));
}

static void
on_accounts_changed (KsContractsView *self)
{
  update_add_enabled (self);
  /* A renamed account, a new owner, another today: the rows show it. */
  on_store_changed (self);
}

/* ---- Actions ------------------------------------------------------------------- */

static void
open_editor (KsContractsView  *self,
             const KsContract *contract)
{
  KsAccount *account = NULL;
  KsContractEditor *editor;

  if (contract != NULL)
    {
      account = ks_store_lookup_account (self->store, contract->account_id);
      if (account == NULL)
        return;
    }
  editor = ks_contract_editor_new (self->store, account, contract);
  ks_plan_present_dialog (GTK_WIDGET (self), GTK_WINDOW (editor));
}

static void
on_activate (KsContractsView *self,
             guint            position)
{
  g_autoptr(KsContractsViewItem) item =
    g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    open_editor (self, item->contract);
}

static gboolean
delete_selected (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  KsContractsView *self = KS_CONTRACTS_VIEW (user_data);
  KsContractsViewItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL)
    return FALSE;
  ks_contract_ui_delete (GTK_WIDGET (self), self->store, item->contract->id);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  KsContractsView *self = KS_CONTRACTS_VIEW (widget);

  if (self->store != NULL)
    open_editor (self, NULL);
}

static void
edit_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KsContractsView *self = KS_CONTRACTS_VIEW (widget);

  if (self->store != NULL)
    ks_plan_present_dialog (widget, GTK_WINDOW (ks_template_dialog_new (self->store)));
}

/* ---- Life cycle ---------------------------------------------------------------- */

static void
ks_contracts_view_map (GtkWidget *widget)
{
  KsContractsView *self = KS_CONTRACTS_VIEW (widget);

  /* Before the children are mapped: the rows come with the view's first frame. Read
   * every time: a renewal comes due with the days alone, no change announced. */
  reload (self);

  GTK_WIDGET_CLASS (ks_contracts_view_parent_class)->map (widget);
}

static void
ks_contracts_view_unmap (GtkWidget *widget)
{
  KsContractsView *self = KS_CONTRACTS_VIEW (widget);

  /* What comes meanwhile is read on the next map. */
  g_clear_handle_id (&self->reload_id, g_source_remove);

  GTK_WIDGET_CLASS (ks_contracts_view_parent_class)->unmap (widget);
}

static void
ks_contracts_view_dispose (GObject *object)
{
  KsContractsView *self = KS_CONTRACTS_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (ks_store_get_accounts (self->store), self);
    }
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->accounts);
  g_clear_object (&self->owners);
  g_clear_pointer (&self->account_ids, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ks_contracts_view_parent_class)->dispose (object);
}

static void
ks_contracts_view_finalize (GObject *object)
{
  KsContractsView *self = KS_CONTRACTS_VIEW (object);

  g_clear_pointer (&self->owner_choice, g_free);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (ks_contracts_view_parent_class)->finalize (object);
}

static void
ks_contracts_view_class_init (KsContractsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_contracts_view_dispose;
  object_class->finalize = ks_contracts_view_finalize;
  widget_class->map = ks_contracts_view_map;
  widget_class->unmap = ks_contracts_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-contracts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KsContractsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KsContractsView, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, KsContractsView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, KsContractsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KsContractsView, account_filter);
  gtk_widget_class_bind_template_child (widget_class, KsContractsView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, KsContractsView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, KsContractsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KsContractsView, column_view);

  gtk_widget_class_install_action (widget_class, "contracts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "contracts.edit-template", NULL,
                                   edit_template_action);
}

static void
ks_contracts_view_init (KsContractsView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  ks_stack_hide_other_pages (GTK_WIDGET (self->main_stack));
  ks_stack_hide_other_pages (GTK_WIDGET (self->results_stack));

  self->status_choice = -1;
  add_columns (self);

  self->items = g_list_store_new (KS_TYPE_CONTRACTS_VIEW_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              g_object_ref (self->filter));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->accounts = gtk_string_list_new (NULL);
  gtk_string_list_append (self->accounts, _("All Accounts"));
  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drop_down_set_model (self->account_filter, G_LIST_MODEL (self->accounts));
  gtk_drop_down_set_expression (self->account_filter,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint i = 0; i < KS_N_CONTRACT_STATUSES; i++)
    gtk_string_list_append (statuses, ks_contract_status_get_label (i));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  self->owners = gtk_string_list_new (NULL);
  gtk_string_list_append (self->owners, _("All Owners"));
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (self->owners));

  g_signal_connect_swapped (self->account_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->status_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->owner_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search",
                            G_CALLBACK (on_stop_search), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate), self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete,
                                                                                  0),
                                                          gtk_callback_action_new (delete_selected,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  update_add_enabled (self);
  update_summary (self);
}

GtkWidget *
ks_contracts_view_new (void)
{
  return g_object_new (KS_TYPE_CONTRACTS_VIEW, NULL);
}

void
ks_contracts_view_set_store (KsContractsView *self,
                             KsStore         *store)
{
  g_return_if_fail (KS_IS_CONTRACTS_VIEW (self));
  g_return_if_fail (store == NULL || KS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (ks_store_get_accounts (self->store), self);
    }
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "plan-changed", G_CALLBACK (on_store_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "template-changed", G_CALLBACK (on_store_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (ks_store_get_accounts (store), "items-changed",
                               G_CALLBACK (on_accounts_changed), self, G_CONNECT_SWAPPED);
    }
  update_add_enabled (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}
