/* ks-portfolio-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-cell-text.h"
#include "ks-lazy-bin.h"
#include "ks-money.h"
#include "ks-portfolio-model.h"
#include "ks-portfolio-rows.h"
#include "ks-portfolio-view.h"
#include "ks-widgets.h"

struct _KsPortfolioView
{
  AdwBin parent_instance;

  KsStore *store;
  KsPortfolioModel *model;
  KsPortfolioRows *rows;      /* the list's rows, which keep their place as accounts move;
                               * the first ones only until the first frame is drawn */
  GtkSingleSelection *selection;
  KsAccount *selected;        /* the account chosen in the list, followed as rows move */
  guint pending;              /* where @selected is, in a row not added yet, or
                               * GTK_INVALID_LIST_POSITION */
  gboolean following;         /* moving the selection to where @selected went */
  GtkStringList *owners;
  char *query;            /* folded search text */
  gint64 typed_at;        /* when the search last changed, g_get_monotonic_time () */
  guint owners_idle;
  /* the filters' choices, read once per change, not once per account */
  int tier_choice;        /* KsTier, or -1 for all */
  int quadrant_choice;    /* KsQuadrant, or -1 for all */
  int alert_choice;       /* -1 all, else an AlertChoice */
  char *owner_choice;     /* NULL for all */

  /* template children */
  GtkStack *main_stack;
  GtkStack *results_stack;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown *tier_filter;
  GtkDropDown *quadrant_filter;
  GtkDropDown *owner_filter;
  GtkDropDown *alert_filter;
  GtkInscription *count_label;
  GtkColumnView *column_view;
  GtkWidget *no_match_page;
};

G_DEFINE_FINAL_TYPE (KsPortfolioView, ks_portfolio_view, ADW_TYPE_BIN)

/* The first frame builds as many rows as the window's height can show, or
 * FIRST_FRAME_ROWS in a window of no known height. Rows are MIN_ROW_HEIGHT high at
 * least (style.css: the cells' padding and their labels' min-height); the header bar,
 * the filter bar and the column titles take WINDOW_CHROME of the height at least. */
#define MIN_ROW_HEIGHT 36
#define WINDOW_CHROME 100
#define FIRST_FRAME_ROWS 40

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void request_settling (KsPortfolioView *self);

/* Columns ---------------------------------------------------------------- */

static char *
format_name (KsAccount *account)
{
  return g_strdup (ks_account_get_name (account));
}

static char *
format_tier (KsAccount *account)
{
  return g_strdup (ks_tier_get_label (ks_account_get_tier (account)));
}

static char *
format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

static char *
format_ka_score (KsAccount *account)
{
  return format_score (ks_account_get_ka_score (account));
}

static char *
format_value (KsAccount *account)
{
  return format_score (ks_account_get_value_score (account));
}

static char *
format_growth (KsAccount *account)
{
  return format_score (ks_account_get_growth_score (account));
}

static char *
format_quadrant (KsAccount *account)
{
  return g_strdup (ks_quadrant_get_label (ks_account_get_quadrant (account)));
}

static char *
format_purchases (KsAccount *account)
{
  return ks_money_format (ks_account_get_annual_purchases (account),
                          ks_account_get_currency (account));
}

static char *
format_owner (KsAccount *account)
{
  return g_strdup (ks_account_get_owner (account));
}

static char *
format_attainment (KsAccount *account)
{
  const KsPlanSummary *summary = ks_account_get_plan_summary (account);

  if (!summary->has_attainment)
    return g_strdup ("—");
  /* Translators: year-to-date attainment in the list, e.g. “87 %” */
  return g_strdup_printf (_("%.0f %%"), summary->attainment_ytd);
}

static char *
format_health (KsAccount *account)
{
  const KsPlanSummary *summary = ks_account_get_plan_summary (account);

  if (!summary->has_health)
    return g_strdup ("—");
  return g_strdup_printf ("%.0f", summary->health);
}

/* Short badges, so the column stays narrow; the cell's tooltip has the full words. */
static const char * const alert_badges[KS_N_ALERTS] = {
  /* Translators: a short badge in the list: an action is overdue */
  N_("Overdue"),
  /* Translators: a short badge in the list: an open high risk */
  N_("Risk"),
  /* Translators: a short badge in the list: attainment fell from the last quarter */
  N_("Drop"),
  /* Translators: a short badge in the list: a complaint unanswered past 24 hours */
  N_("Complaint"),
  /* Translators: a short badge in the list: no executive-level contact lately */
  N_("No executive"),
  /* Translators: a short badge in the list: a signed contract has an open checklist
   * issue */
  N_("Contract"),
};

static char *
join_alerts (KsAccount *account,
             gboolean   badges)
{
  KsAlertFlags alerts = ks_account_get_plan_summary (account)->alerts;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < KS_N_ALERTS; i++)
    if (alerts & (1u << i))
      {
        if (text->len > 0)
          g_string_append (text, badges ? " · " : "\n");
        g_string_append (text, badges ? _(alert_badges[i]) : ks_alert_get_label (1u << i));
      }
  return g_string_free (text, FALSE);
}

static char *
format_alerts (KsAccount *account)
{
  return join_alerts (account, TRUE);
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

/* An account without a figure sorts below every account with one. */
static int
compare_attainment (gconstpointer a, gconstpointer b, gpointer data)
{
  const KsPlanSummary *sa = ks_account_get_plan_summary ((KsAccount *)a);
  const KsPlanSummary *sb = ks_account_get_plan_summary ((KsAccount *)b);

  if (sa->has_attainment != sb->has_attainment)
    return CMP (sa->has_attainment, sb->has_attainment);
  return CMP (sa->attainment_ytd, sb->attainment_ytd);
}

static int
compare_health (gconstpointer a, gconstpointer b, gpointer data)
{
  const KsPlanSummary *sa = ks_account_get_plan_summary ((KsAccount *)a);
  const KsPlanSummary *sb = ks_account_get_plan_summary ((KsAccount *)b);

  if (sa->has_health != sb->has_health)
    return CMP (sa->has_health, sb->has_health);
  return CMP (sa->health, sb->health);
}

static int
compare_alerts (gconstpointer a, gconstpointer b, gpointer data)
{
  guint na = 0, nb = 0;
  KsAlertFlags fa = ks_account_get_plan_summary ((KsAccount *)a)->alerts;
  KsAlertFlags fb = ks_account_get_plan_summary ((KsAccount *)b)->alerts;

  for (guint i = 0; i < KS_N_ALERTS; i++)
    {
      na += (fa >> i) & 1;
      nb += (fb >> i) & 1;
    }
  return na != nb ? CMP (na, nb) : CMP (fa, fb);
}

static int
compare_name (gconstpointer a, gconstpointer b, gpointer data)
{
  return strcmp (ks_account_get_name_key ((KsAccount *)a),
                 ks_account_get_name_key ((KsAccount *)b));
}

static int
compare_tier (gconstpointer a, gconstpointer b, gpointer data)
{
  /* Core sorts first in ascending order, as people read tiers. */
  return CMP (ks_account_get_tier ((KsAccount *)a), ks_account_get_tier ((KsAccount *)b));
}

static int
compare_ka_score (gconstpointer a, gconstpointer b, gpointer data)
{
  return CMP (ks_account_get_ka_score ((KsAccount *)a),
              ks_account_get_ka_score ((KsAccount *)b));
}

static int
compare_value (gconstpointer a, gconstpointer b, gpointer data)
{
  return CMP (ks_account_get_value_score ((KsAccount *)a),
              ks_account_get_value_score ((KsAccount *)b));
}

static int
compare_growth (gconstpointer a, gconstpointer b, gpointer data)
{
  return CMP (ks_account_get_growth_score ((KsAccount *)a),
              ks_account_get_growth_score ((KsAccount *)b));
}

static int
compare_quadrant (gconstpointer a, gconstpointer b, gpointer data)
{
  return CMP (ks_account_get_quadrant ((KsAccount *)a),
              ks_account_get_quadrant ((KsAccount *)b));
}

static int
compare_purchases (gconstpointer a, gconstpointer b, gpointer data)
{
  return CMP (ks_account_get_annual_purchases ((KsAccount *)a),
              ks_account_get_annual_purchases ((KsAccount *)b));
}

static int
compare_owner (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_utf8_collate (ks_account_get_owner ((KsAccount *)a),
                         ks_account_get_owner ((KsAccount *)b));
}

typedef struct
{
  const char *id;
  const char *title;
  char *(*format) (KsAccount *account);
  GCompareDataFunc compare;
  gboolean expand;
  float xalign;
  guint min_chars;
  guint nat_chars;
} Column;

/* No tabular-figures style on the numbers: it costs a font lookup per cell, and the
 * default faces' digits are already of one width. Widths are in characters, the least
 * and the natural: names stay readable, and figures whole (an amount cut short reads
 * as another); the list scrolls sideways before it cuts them. A quadrant's least width
 * holds its Chinese name, four characters (战略客户). */
static const Column columns[] = {
  { "name", N_("Name"), format_name, compare_name, TRUE, 0, 14, 28 },
  { "tier", N_("Tier"), format_tier, compare_tier, FALSE, 0.5, 9, 9 },
  { "ka-score", N_("KA Score"), format_ka_score, compare_ka_score, FALSE, 1, 6, 6 },
  { "value", N_("Value"), format_value, compare_value, FALSE, 1, 6, 6 },
  /* Translators: a column title, on two lines to leave the names room; a short one
   * may stay on one */
  { "growth", N_("Growth\nPotential"), format_growth, compare_growth, FALSE, 1, 6, 6 },
  { "quadrant", N_("Quadrant"), format_quadrant, compare_quadrant, FALSE, 0, 8, 10 },
  /* Translators: a column title, on two lines to leave the names room; a short one
   * may stay on one */
  { "purchases", N_("Annual\nPurchases"), format_purchases, compare_purchases, FALSE, 1, 16,
    16 },
  { "owner", N_("Owner"), format_owner, compare_owner, FALSE, 0, 6, 12 },
  /* Translators: a column title: year-to-date attainment of the revenue target, on two
   * lines to leave the names room; a short one may stay on one */
  { "ytd", N_("YTD\nAttainment"), format_attainment, compare_attainment, FALSE, 1, 6, 6 },
  { "health", N_("Health"), format_health, compare_health, FALSE, 1, 4, 4 },
  { "alerts", N_("Alerts"), format_alerts, compare_alerts, FALSE, 0, 14, 14 },
};

static const char * const tier_classes[] = { "core", "key", "developing", "standard" };

static KsAccount *
item_get_account (GtkListItem *item)
{
  KsPortfolioRow *row = gtk_list_item_get_item (item);

  return row != NULL ? ks_portfolio_row_get_account (row) : NULL;
}

/* Cells are GtkInscriptions: they are measured by character counts, not by their
 * text, so showing other accounts in the rows while typing a search changes no sizes,
 * and GTK measures no row again. The tier is a pill of one width for every tier: a
 * style class per tier, changed only when the tier changes; an empty row has none. */
static void
update_tier_cell (KsCellText *pill,
                  KsAccount  *account)
{
  GtkWidget *widget = GTK_WIDGET (pill);
  int tier = account != NULL ? (int) ks_account_get_tier (account) : -1;
  gboolean override = account != NULL && ks_account_get_tier_override (account) != KS_TIER_NONE;
  int shown = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (pill), "ks-tier")) - 1;
  gboolean shown_override = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (pill),
                                                                "ks-override"));

  if (shown != tier)
    {
      if (shown >= 0)
        gtk_widget_remove_css_class (widget, tier_classes[shown]);
      if (tier >= 0)
        gtk_widget_add_css_class (widget, tier_classes[tier]);
      ks_cell_text_set_text (pill, tier >= 0 ? ks_tier_get_label (tier) : NULL);
      g_object_set_data (G_OBJECT (pill), "ks-tier", GINT_TO_POINTER (tier + 1));
    }

  if (override != shown_override)
    {
      if (override)
        gtk_widget_add_css_class (widget, "override");
      else
        gtk_widget_remove_css_class (widget, "override");
      g_object_set_data (G_OBJECT (pill), "ks-override", GINT_TO_POINTER (override));
    }
}

/* The tier set by hand, or the alerts spelt out. */
static char *
dup_cell_tooltip (const Column *column,
                  KsAccount    *account)
{
  if (column->format == format_tier)
    {
      if (ks_account_get_tier_override (account) == KS_TIER_NONE)
        return NULL;
      /* Translators: the tier was set by hand; %s is the tier the score gives */
      return g_strdup_printf (_("Set by hand; the score gives %s"),
                              ks_tier_get_label (ks_account_get_scored_tier (account)));
    }
  if (column->format == format_alerts)
    {
      char *tip = join_alerts (account, FALSE);

      if (tip[0] != '\0')
        return tip;
      g_free (tip);
    }
  return NULL;
}

/* Tooltips are asked for when the pointer rests on a cell: GTK 4.8 asks the display
 * server where the pointer is whenever a tooltip's text is set, a round trip per cell
 * on every row that a search shows. */
static gboolean
on_query_tooltip (GtkWidget   *child,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  GtkListItem *item)
{
  const Column *column = g_object_get_data (G_OBJECT (item), "ks-column");
  KsAccount *account = item_get_account (item);
  g_autofree char *tip = account != NULL ? dup_cell_tooltip (column, account) : NULL;

  if (tip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, tip);
  return TRUE;
}

/* The list's row widget that shows @child: the parent of the cell that holds it. */
static GtkWidget *
row_of_child (GtkWidget *child)
{
  GtkWidget *cell = gtk_widget_get_parent (child);

  return cell != NULL ? gtk_widget_get_parent (cell) : NULL;
}

/* The last row that shows an account, at or before @row. */
static GtkWidget *
last_shown_row (GtkWidget *row)
{
  while (row != NULL && !gtk_widget_get_visible (row))
    row = gtk_widget_get_prev_sibling (row);
  return row;
}

/* The list view that holds the column view's rows. */
static GtkWidget *
rows_widget (KsPortfolioView *self)
{
  GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));

  while (list != NULL && !GTK_IS_LIST_VIEW (list))
    list = gtk_widget_get_next_sibling (list);
  return list;
}

/* A row past the last account (see ks-portfolio-rows.c) is hidden, and cannot take the
 * focus. A row that had it, as after deleting the last account, hands it to the row
 * before it, so the keyboard stays in the list. */
static void
show_row (GtkWidget *child,
          gboolean   shown)
{
  GtkWidget *row = row_of_child (child);

  if (row == NULL || gtk_widget_get_visible (row) == shown)
    return;
  if (!shown && gtk_widget_has_focus (row))
    {
      GtkWidget *before = last_shown_row (gtk_widget_get_prev_sibling (row));

      if (before != NULL)
        gtk_widget_grab_focus (before);
    }
  gtk_widget_set_visible (row, shown);
  gtk_widget_set_focusable (row, shown);
}

/* The plain text cells, most of the list, share the list's font; the tier's pill and
 * the alerts have styles of their own. */
static gboolean
is_plain_column (const Column *column)
{
  return column->format != format_tier && column->format != format_alerts;
}

static void
update_cell (GtkListItem *item)
{
  const Column *column = g_object_get_data (G_OBJECT (item), "ks-column");
  KsAccount *account = item_get_account (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  /* Whether the row shows is the row's: its first cell sees to it for all eleven. */
  if (column == &columns[0])
    show_row (child, account != NULL);

  if (column->format == format_tier)
    {
      update_tier_cell (KS_CELL_TEXT (child), account);
      return;
    }
  if (account != NULL)
    text = column->format (account);
  ks_cell_text_set_text (KS_CELL_TEXT (child), text);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            const Column             *column)
{
  GtkWidget *child =
    ks_cell_text_new (is_plain_column (column)
                      ? g_object_get_data (G_OBJECT (factory), "ks-font-source") : NULL);

  ks_cell_text_set_xalign (KS_CELL_TEXT (child), column->xalign);
  ks_cell_text_set_chars (KS_CELL_TEXT (child), column->min_chars, column->nat_chars);
  if (column->format == format_alerts)
    gtk_widget_add_css_class (child, "ks-alerts");
  if (column->format == format_tier)
    {
      gtk_widget_add_css_class (child, "ks-tier");
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
    }
  gtk_list_item_set_child (item, child);
  g_object_set_data (G_OBJECT (item), "ks-column", (gpointer) column);
  g_object_set_data (G_OBJECT (child), "ks-item", item);
  if (!is_plain_column (column))
    {
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (on_query_tooltip), item);
    }
}

/* A cell shows its row's account, and follows the row: the row tells when it shows
 * another account, and when its account changed. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           const Column             *column)
{
  g_signal_connect_swapped (gtk_list_item_get_item (item), "account-changed",
                            G_CALLBACK (update_cell), item);
  update_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             const Column             *column)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), update_cell, item);
}

static void
add_columns (KsPortfolioView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const Column *column = &columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      /* The plain cells share the list's Pango context: their font is the list's. */
      g_object_set_data (G_OBJECT (factory), "ks-font-source", self->column_view);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) column);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) column);

      view_column = gtk_column_view_column_new (_(column->title), factory);
      gtk_column_view_column_set_expand (view_column, column->expand);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      sorter = GTK_SORTER (gtk_custom_sorter_new (column->compare, NULL, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_set_data (G_OBJECT (view_column), "ks-column-id", (gpointer) column->id);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

/* Filtering -------------------------------------------------------------- */

/* The plan filter: an alert of any kind, each alert, weak health, no plan. */
typedef enum
{
  CHOICE_ANY_ALERT,
  CHOICE_FIRST_ALERT,
  CHOICE_LOW_HEALTH = CHOICE_FIRST_ALERT + KS_N_ALERTS,
  CHOICE_NO_PLAN,
  N_PLAN_CHOICES
} AlertChoice;

#define LOW_HEALTH 50.0

static gboolean
matches_alert_choice (KsAccount *account,
                      int        choice)
{
  const KsPlanSummary *summary = ks_account_get_plan_summary (account);

  switch (choice)
    {
    case CHOICE_ANY_ALERT:
      return summary->alerts != KS_ALERT_NONE;
    case CHOICE_LOW_HEALTH:
      return summary->has_health && summary->health < LOW_HEALTH;
    case CHOICE_NO_PLAN:
      return !summary->has_health;
    default:
      return (summary->alerts & (1u << (choice - CHOICE_FIRST_ALERT))) != 0;
    }
}

static gboolean
filter_account (KsAccount *account,
                gpointer   user_data)
{
  KsPortfolioView *self = user_data;

  if (self->tier_choice >= 0 && (int) ks_account_get_tier (account) != self->tier_choice)
    return FALSE;
  if (self->quadrant_choice >= 0 &&
      (int) ks_account_get_quadrant (account) != self->quadrant_choice)
    return FALSE;
  if (self->owner_choice != NULL &&
      g_strcmp0 (ks_account_get_owner (account), self->owner_choice) != 0)
    return FALSE;
  if (self->alert_choice >= 0 && !matches_alert_choice (account, self->alert_choice))
    return FALSE;
  return TRUE;
}

/* Position 0 of each drop-down is “all”. */
static int
get_choice (GtkDropDown *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

static void
update_count (KsPortfolioView *self)
{
  guint total, shown;
  g_autofree char *text = NULL;

  if (self->store == NULL)
    return;

  total = ks_store_get_n_accounts (self->store);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", total),
                            total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: “12 of 30 accounts” */
                                         "%u of %u account", "%u of %u accounts", total),
                            shown, total);
  gtk_inscription_set_text (self->count_label, text);

  /* With no account at all, the empty state shows instead. */
  gtk_stack_set_visible_child_name (self->results_stack,
                                    shown == 0 && total > 0 ? "no-results" : "list");
  gtk_stack_set_visible_child_name (self->main_stack, total == 0 ? "empty" : "list");
}

static void
on_search_changed (KsPortfolioView *self)
{
  g_autofree char *query = ks_account_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  /* No search yet matches every account, as the empty one does. */
  if (strcmp (query, self->query != NULL ? self->query : "") == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  self->typed_at = g_get_monotonic_time ();

  /* The best matches are at the top: show them, wherever the list was scrolled to. */
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

    if (adjustment != NULL)
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  }

  ks_portfolio_model_set_search (self->model, self->query);
}

static void
on_filter_selected (KsPortfolioView *self)
{
  int owner = get_choice (self->owner_filter);

  self->tier_choice = get_choice (self->tier_filter);
  self->quadrant_choice = get_choice (self->quadrant_filter);
  self->alert_choice = get_choice (self->alert_filter);
  g_clear_pointer (&self->owner_choice, g_free);
  if (owner >= 0)
    self->owner_choice = g_strdup (gtk_string_list_get_string (self->owners, owner + 1));

  if (self->model != NULL)
    ks_portfolio_model_refilter (self->model, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stop_search (KsPortfolioView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Owners ----------------------------------------------------------------- */

static gboolean
refresh_owners (gpointer user_data)
{
  KsPortfolioView *self = user_data;
  g_auto(GStrv) owners = ks_store_dup_owners (self->store);
  const char *selected = NULL;
  g_autofree char *keep = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->owners));
  guint position = 0;
  gboolean same = n == g_strv_length (owners) + 1;

  self->owners_idle = 0;

  for (guint i = 0; same && owners[i] != NULL; i++)
    same = g_strcmp0 (owners[i], gtk_string_list_get_string (self->owners, i + 1)) == 0;
  if (same)
    return G_SOURCE_REMOVE;

  if (gtk_drop_down_get_selected (self->owner_filter) > 0)
    selected = gtk_string_list_get_string (self->owners,
                                           gtk_drop_down_get_selected (self->owner_filter));
  keep = g_strdup (selected);

  gtk_string_list_splice (self->owners, 1, n - 1, (const char * const *) owners);
  for (guint i = 0; keep != NULL && owners[i] != NULL; i++)
    if (g_strcmp0 (owners[i], keep) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (self->owner_filter, position);

  return G_SOURCE_REMOVE;
}

static void
on_accounts_changed (KsPortfolioView *self)
{
  update_count (self);
  if (self->owners_idle == 0)
    self->owners_idle = g_idle_add (refresh_owners, self);
}

static void
on_rules_changed (KsPortfolioView *self)
{
  /* Every score may have moved: sort again, and filter again by tier and quadrant. */
  ks_portfolio_model_resort (self->model);
}

/* The rows in view, roughly, from the scroll position: all rows are of one height. */
static void
on_scrolled (KsPortfolioView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  /* The rows past the last account are hidden: they take no height. */
  guint n_rows = MIN (g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                      g_list_model_get_n_items (G_LIST_MODEL (self->model)));
  double height, row_height, first;

  if (adjustment == NULL || n_rows == 0)
    return;
  height = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment);
  if (height <= 0)
    return;
  row_height = height / n_rows;
  first = (gtk_adjustment_get_value (adjustment) - gtk_adjustment_get_lower (adjustment))
          / row_height;
  /* A row's margin above and below: every row given another account is drawn again in
   * the next frame, seen or not, so the rows out of view come a few at a time after. */
  ks_portfolio_rows_set_in_view (self->rows, (guint) MAX (first - 1, 0),
                                 (guint) (gtk_adjustment_get_page_size (adjustment) / row_height)
                                 + 3);
}

/* Activation ------------------------------------------------------------- */

/* The account at the selected position, which its row may not show yet. */
static KsAccount *
get_selected_account (KsPortfolioView *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(KsAccount) account = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  /* Borrowed: the model holds every account it shows. */
  account = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return account;
}

static void
on_selection_changed (KsPortfolioView *self)
{
  if (self->following)
    return;
  g_set_object (&self->selected, get_selected_account (self));
  self->pending = GTK_INVALID_LIST_POSITION;
}

static void
select_quietly (KsPortfolioView *self,
                guint            position)
{
  gboolean following = self->following;

  self->following = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->following = following;
}

/* Rows keep their place while the accounts move through them: the selection goes with
 * its account to its new row, or away with it when a filter hides it. A row not added
 * yet is selected when it comes. While the accounts change, what the selection model
 * does with its row is not the user's choice. */
static void
start_following (KsPortfolioView *self)
{
  self->following = TRUE;
}

static void
stop_following (KsPortfolioView *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  self->pending = GTK_INVALID_LIST_POSITION;
  if (self->selected != NULL && get_selected_account (self) != self->selected)
    {
      if (!ks_portfolio_model_find (self->model, self->selected, &position))
        g_clear_object (&self->selected);
      else if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
        {
          self->pending = position;
          position = GTK_INVALID_LIST_POSITION;
        }
      select_quietly (self, position);
    }
  self->following = FALSE;
}

/* Rows came: the selected account's may be among them. */
static void
on_rows_changed (KsPortfolioView *self)
{
  guint position = self->pending;

  if (position != GTK_INVALID_LIST_POSITION &&
      position < g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    {
      self->pending = GTK_INVALID_LIST_POSITION;
      select_quietly (self, position);
    }
}

static void
on_activate (KsPortfolioView *self,
             guint            position)
{
  g_autoptr(KsAccount) account = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (account != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-account", "x",
                                ks_account_get_id (account));
}

/* Enter in the search opens the first account found, the one at the top of the list;
 * with nothing typed, nothing was searched for. */
static void
on_search_activate (KsPortfolioView *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    on_activate (self, 0);
}

/* End goes to the last account. GTK's own End goes to the list's last row, which is
 * hidden when rows past the last account are kept (see ks-portfolio-rows.c): the focus
 * would not move. Left to GTK when there are none. */
static gboolean
focus_last_account (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  KsPortfolioView *self = user_data;
  GtkWidget *list = rows_widget (self);
  GtkWidget *row = NULL;
  GtkWidget *cell;
  GtkListItem *item;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows))
      == g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return FALSE;

  if (list != NULL)
    row = last_shown_row (gtk_widget_get_last_child (list));
  cell = row != NULL ? gtk_widget_get_first_child (row) : NULL;
  item = cell != NULL && gtk_widget_get_first_child (cell) != NULL
         ? g_object_get_data (G_OBJECT (gtk_widget_get_first_child (cell)), "ks-item")
         : NULL;
  if (item == NULL)
    return FALSE;

  gtk_widget_grab_focus (row);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                   gtk_list_item_get_position (item), TRUE);
  return TRUE;
}

static gboolean
delete_selected (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (user_data);
  KsAccount *account = get_selected_account (self);

  if (account == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-account", "x",
                              ks_account_get_id (account));
  return TRUE;
}

/* Set-up ----------------------------------------------------------------- */

static GtkStringList *
make_choices (const char *all,
              const char *(*label) (int),
              int         n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  return list;
}

static const char *
tier_label (int i)
{
  return ks_tier_get_label (i);
}

static const char *
quadrant_label (int i)
{
  return ks_quadrant_get_label (i);
}

/* The plan filter's choices after “All Accounts”. */
static const char *
alert_label (int i)
{
  switch (i)
    {
    case CHOICE_ANY_ALERT:
      return _("With an Alert");
    case CHOICE_LOW_HEALTH:
      /* Translators: a filter: accounts whose health score is under 50 */
      return _("Health Under 50");
    case CHOICE_NO_PLAN:
      return _("No Plan Yet");
    default:
      return ks_alert_get_label (1u << (i - CHOICE_FIRST_ALERT));
    }
}

static guint
first_frame_rows (KsPortfolioView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0, height = 0;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  return height > 0 ? (guint) MAX (height - WINDOW_CHROME, 0) / MIN_ROW_HEIGHT + 1
                    : FIRST_FRAME_ROWS;
}

void
ks_portfolio_view_set_store (KsPortfolioView *self,
                             KsStore         *store)
{
  GListModel *accounts;
  GtkSorter *sorter;

  g_return_if_fail (KS_IS_PORTFOLIO_VIEW (self));
  g_return_if_fail (KS_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  accounts = ks_store_get_accounts (store);

  /* Highest score first, the order a team leader reads a portfolio in; chosen before
   * the model exists so the rows are sorted and built once. */
  {
    g_autoptr(GtkColumnViewColumn) score_column =
      g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 2);

    gtk_column_view_sort_by_column (self->column_view, score_column, GTK_SORT_DESCENDING);
  }

  /* Sorted once per change of data or order; typing only filters what is in order. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  {
    /* Sorted already if the application read the accounts on a worker thread. */
    g_autoptr(GPtrArray) by_score = ks_store_take_score_order (store);

    self->model = ks_portfolio_model_new (accounts, sorter, by_score, filter_account, self);
    ks_portfolio_model_set_search (self->model, self->query);
  }
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (start_following), self, G_CONNECT_SWAPPED);
  /* GTK 4.8's list builds some two hundred rows for a large model, most of them far
   * below the window: the first frame shows the top rows only, the rest follow. */
  self->rows = ks_portfolio_rows_new (G_LIST_MODEL (self->model), first_frame_rows (self));
  /* Nothing selected at first: a selection model given its rows before it is told not
   * to select would select the first row, as no one chose. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rows, "items-changed",
                           G_CALLBACK (on_rows_changed), self, G_CONNECT_SWAPPED);
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

    if (adjustment != NULL)
      {
        g_signal_connect_object (adjustment, "value-changed",
                                 G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
        g_signal_connect_object (adjustment, "changed",
                                 G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
      }
  }

  /* After the rows' own handler: the rows in view show their new accounts by then. */
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (stop_following), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (request_settling), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (accounts, "items-changed",
                           G_CALLBACK (on_accounts_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "rules-changed",
                           G_CALLBACK (on_rules_changed), self, G_CONNECT_SWAPPED);

  /* The owners are for the filter's menu: listed once the main loop is free, not in
   * the time to the first frame. */
  self->owners_idle = g_idle_add (refresh_owners, self);
  update_count (self);
}

void
ks_portfolio_view_start_search (KsPortfolioView *self)
{
  g_return_if_fail (KS_IS_PORTFOLIO_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
ks_portfolio_view_get_visible_accounts (KsPortfolioView *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), NULL);
  return G_LIST_MODEL (self->model);
}

void
ks_portfolio_view_bind_filters (KsPortfolioView *self,
                                GtkDropDown     *tier,
                                GtkDropDown     *owner)
{
  g_return_if_fail (KS_IS_PORTFOLIO_VIEW (self));
  g_return_if_fail (GTK_IS_DROP_DOWN (tier));
  g_return_if_fail (GTK_IS_DROP_DOWN (owner));

  gtk_drop_down_set_model (tier, gtk_drop_down_get_model (self->tier_filter));
  gtk_drop_down_set_model (owner, G_LIST_MODEL (self->owners));
  g_object_bind_property (self->tier_filter, "selected", tier, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->owner_filter, "selected", owner, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

void
ks_portfolio_view_set_quadrant_filter (KsPortfolioView *self,
                                       int              quadrant)
{
  g_return_if_fail (KS_IS_PORTFOLIO_VIEW (self));
  g_return_if_fail (quadrant >= -1 && quadrant < KS_N_QUADRANTS);

  gtk_drop_down_set_selected (self->quadrant_filter, quadrant + 1);
}

GtkEditable *
ks_portfolio_view_get_search_entry (KsPortfolioView *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

gboolean
ks_portfolio_view_is_settled (KsPortfolioView *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_VIEW (self), FALSE);
  return self->rows == NULL || ks_portfolio_rows_is_settled (self->rows);
}

/* The rows' work left after a change is done a little after each frame, so that a
 * frame draws the rows in view first. While the user types, and for a few seconds
 * after, a frame gives it two milliseconds, and a key waits for no long frame. Else,
 * as after start-up, twelve: each row added or removed makes GTK 4.8 measure every cell
 * of the list again in the next frame, a cost better paid for several rows at once.
 * The first frame shows the first rows only; the others follow the same way. */
#define TYPING_PAUSE_US (5 * G_TIME_SPAN_SECOND)
#define BUDGET_TYPING_US 2000
#define BUDGET_CALM_US 12000

static void
on_after_paint (GdkFrameClock   *clock,
                KsPortfolioView *self)
{
  gboolean typing = self->typed_at != 0 &&
                    g_get_monotonic_time () - self->typed_at < TYPING_PAUSE_US;

  if (self->rows == NULL)
    return;
  ks_portfolio_rows_show_all (self->rows);
  if (ks_portfolio_rows_settle (self->rows, typing ? BUDGET_TYPING_US : BUDGET_CALM_US))
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
request_settling (KsPortfolioView *self)
{
  if (gtk_widget_get_realized (GTK_WIDGET (self)) && !ks_portfolio_view_is_settled (self))
    gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                   GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static gboolean
chain_focus (GtkWidget        *widget,
             GtkDirectionType  direction)
{
  return GTK_WIDGET_CLASS (ks_portfolio_view_parent_class)->focus (widget, direction);
}

static gboolean
is_within (GtkWidget *focus,
           GtkWidget *widget)
{
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* GTK's list gives the focus back to the row that last had it. When a search has
 * hidden that row, Tab gave the focus to the list's scrolled window instead, where it
 * showed nowhere; it now goes to the list's first account, or its last one going back.
 * The list is the last of the view's widgets to take the focus. Nor does the focus stop
 * on the page for no match, which has nothing to act on. */
static gboolean
ks_portfolio_view_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (widget);
  GtkWidget *list = rows_widget (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean was_inside = is_within (focus, widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  gboolean moved;
  GtkWidget *row;

  if (list == NULL || (!forward && direction != GTK_DIR_TAB_BACKWARD) || is_within (focus, list))
    return chain_focus (widget, direction);

  moved = chain_focus (widget, direction);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (moved && is_within (focus, self->no_match_page))
    return chain_focus (widget, direction);

  /* Not skipped: the focus stopped in the list, or never had to pass it. */
  if (forward ? !was_inside || (moved && !is_within (list, focus))
              : was_inside || !moved || is_within (focus, list))
    return moved;
  if (!gtk_widget_get_mapped (list))
    return moved;

  if (forward)
    for (row = gtk_widget_get_first_child (list);
         row != NULL && !gtk_widget_get_visible (row);
         row = gtk_widget_get_next_sibling (row))
      ;
  else
    row = last_shown_row (gtk_widget_get_last_child (list));
  return (row != NULL && gtk_widget_grab_focus (row)) || moved;
}

static void
ks_portfolio_view_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ks_portfolio_view_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_after_paint), widget, 0);
}

static void
ks_portfolio_view_unrealize (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (widget), on_after_paint,
                                        widget);
  GTK_WIDGET_CLASS (ks_portfolio_view_parent_class)->unrealize (widget);
}

static void
ks_portfolio_view_root (GtkWidget *widget)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (widget);

  GTK_WIDGET_CLASS (ks_portfolio_view_parent_class)->root (widget);

  /* Typing anywhere in the window starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar,
                                         GTK_WIDGET (gtk_widget_get_root (widget)));
}

static void
ks_portfolio_view_unroot (GtkWidget *widget)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (widget);

  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  GTK_WIDGET_CLASS (ks_portfolio_view_parent_class)->unroot (widget);
}

static void
ks_portfolio_view_dispose (GObject *object)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (object);

  g_clear_handle_id (&self->owners_idle, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->selected);
  g_clear_object (&self->rows);
  g_clear_object (&self->model);
  g_clear_object (&self->owners);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ks_portfolio_view_parent_class)->dispose (object);
}

static void
ks_portfolio_view_finalize (GObject *object)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (object);

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->owner_choice, g_free);

  G_OBJECT_CLASS (ks_portfolio_view_parent_class)->finalize (object);
}

static void
ks_portfolio_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_portfolio_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KsPortfolioView *self = KS_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      if (g_value_get_boolean (value))
        ks_portfolio_view_start_search (self);
      else
        gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_search_mode_changed (KsPortfolioView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
ks_portfolio_view_class_init (KsPortfolioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_portfolio_view_dispose;
  object_class->finalize = ks_portfolio_view_finalize;
  object_class->get_property = ks_portfolio_view_get_property;
  object_class->set_property = ks_portfolio_view_set_property;
  widget_class->focus = ks_portfolio_view_focus;
  widget_class->root = ks_portfolio_view_root;
  widget_class->realize = ks_portfolio_view_realize;
  widget_class->unrealize = ks_portfolio_view_unrealize;
  widget_class->unroot = ks_portfolio_view_unroot;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KS_TYPE_LAZY_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-portfolio-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, tier_filter);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, quadrant_filter);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, alert_filter);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, count_label);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioView, column_view);
}

static void
ks_portfolio_view_init (KsPortfolioView *self)
{
  g_autoptr(GtkStringList) tiers = NULL;
  g_autoptr(GtkStringList) quadrants = NULL;
  g_autoptr(GtkStringList) alerts = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending = GTK_INVALID_LIST_POSITION;
  self->tier_choice = -1;
  self->quadrant_choice = -1;
  self->alert_choice = -1;

  add_columns (self);
  /* While nothing matches, the list's rows keep the accounts they showed
   * (ks-portfolio-rows.c): screen readers must not find them either. */
  ks_stack_hide_other_pages (GTK_WIDGET (self->main_stack));
  ks_stack_hide_other_pages (GTK_WIDGET (self->results_stack));

  tiers = make_choices (_("All Tiers"), tier_label, KS_N_TIERS);
  quadrants = make_choices (_("All Quadrants"), quadrant_label, KS_N_QUADRANTS);
  alerts = make_choices (_("All Accounts"), alert_label, N_PLAN_CHOICES);
  self->owners = gtk_string_list_new (NULL);
  gtk_string_list_append (self->owners, _("All Owners"));
  gtk_drop_down_set_model (self->tier_filter, G_LIST_MODEL (tiers));
  gtk_drop_down_set_model (self->quadrant_filter, G_LIST_MODEL (quadrants));
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (self->owners));
  gtk_drop_down_set_model (self->alert_filter, G_LIST_MODEL (alerts));

  g_signal_connect_swapped (self->tier_filter, "notify::selected",
                            G_CALLBACK (on_filter_selected), self);
  g_signal_connect_swapped (self->quadrant_filter, "notify::selected",
                            G_CALLBACK (on_filter_selected), self);
  g_signal_connect_swapped (self->owner_filter, "notify::selected",
                            G_CALLBACK (on_filter_selected), self);
  g_signal_connect_swapped (self->alert_filter, "notify::selected",
                            G_CALLBACK (on_filter_selected), self);

  /* "changed", not "search-changed": filtering is fast enough to follow every key. */
  g_signal_connect_swapped (self->search_entry, "changed",
                            G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search",
                            G_CALLBACK (on_stop_search), self);
  g_signal_connect_swapped (self->search_entry, "activate",
                            G_CALLBACK (on_search_activate), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode_changed), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate), self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (delete_selected,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  /* Before the list's own End: see focus_last_account(). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_End, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_End, 0)),
                                                          gtk_callback_action_new (focus_last_account,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
}
