/* ks-portfolio-rows.c
 *
 * When a list model says its rows changed, GTK 4.8's list views throw away the widgets
 * of the rows removed and build new ones, cell by cell, for the rows added, even when
 * the same number of rows sits in the same place. Typing a search over a hundred
 * thousand accounts changes the top rows on most keys, and building two hundred rows
 * of eleven cells each took far longer than a frame.
 *
 * This model gives the list one row object per position instead, which stays at that
 * position while the accounts move underneath: a filter or a sort that changes what
 * the first rows show changes only the accounts their row objects hold, and the cells
 * of those rows show the new account in the widgets they already have. The list hears
 * only of rows added or removed at the end.
 *
 * Row objects are made when the list asks for them, and only those still held are
 * kept in step: the two hundred or so the list has widgets for, not one per account.
 *
 * Rows added or removed among the two hundred or so the list builds widgets for are dear:
 * the list builds or throws away a row's widgets, half a millisecond a row, and
 * measures every cell of every row again, over ten milliseconds, in the next frame.
 * So those rows are never removed: a search that finds twenty accounts after three
 * hundred shows the twenty in rows it has, and the rows after them are left empty,
 * which the view hides; a search widened again shows its accounts in them. Rows are
 * added one a frame up to those, as at start-up; rows beyond them cost
 * the list nothing and come and go at once.
 *
 * Every row given another account is drawn again in the next frame, seen or not. So
 * only the rows in view show their new accounts at once; the rest of the work is done
 * by ks_portfolio_rows_settle(), which the view calls once a frame within a time
 * budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-portfolio-rows.h"

struct _KsPortfolioRow
{
  GObject parent_instance;

  KsPortfolioRows *rows;  /* NULL once the row has left the list */
  guint position;
  KsAccount *account;     /* NULL while the row waits to leave the list */
  gboolean stale;         /* another account is at its position now */
};

G_DEFINE_FINAL_TYPE (KsPortfolioRow, ks_portfolio_row, G_TYPE_OBJECT)

enum {
  ROW_ACCOUNT_CHANGED,
  N_ROW_SIGNALS
};

static guint row_signals[N_ROW_SIGNALS];

struct _KsPortfolioRows
{
  GObject parent_instance;

  GListModel *accounts;
  guint n_accounts;
  guint cap;              /* the most rows shown, until ks_portfolio_rows_show_all() */
  GPtrArray *held;        /* by position, one per row shown: the row object given out
                           * there, or NULL */
  guint first_seen;       /* the rows in view, given their new accounts first */
  guint n_seen;
  guint stale_from;       /* no stale row before it; G_MAXUINT when there is none */
  guint kept;             /* the fewest rows the list keeps: see wanted_rows() */
};

/* The time given to rows the user would see appear, after a search that showed fewer,
 * whatever the budget. */
#define SETTLE_BUDGET_IN_VIEW_US 8000
/* Rows given their accounts per step once the rows in view have theirs. */
#define REFRESH_STEP 8

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KsPortfolioRows, ks_portfolio_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

/* Rows ------------------------------------------------------------------- */

static void
on_account_notify (KsPortfolioRow *self)
{
  g_signal_emit (self, row_signals[ROW_ACCOUNT_CHANGED], 0);
}

/* The row shows @account (taking the reference) and follows its changes: one handler
 * per row, not one per cell. */
static void
row_set_account (KsPortfolioRow *self,
                 KsAccount      *account)
{
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_func (self->account, on_account_notify, self);
  g_clear_object (&self->account);
  self->account = account;
  if (account != NULL)
    g_signal_connect_swapped (account, "notify", G_CALLBACK (on_account_notify), self);
}

static void
ks_portfolio_row_finalize (GObject *object)
{
  KsPortfolioRow *self = KS_PORTFOLIO_ROW (object);

  if (self->rows != NULL)
    g_ptr_array_index (self->rows->held, self->position) = NULL;
  row_set_account (self, NULL);

  G_OBJECT_CLASS (ks_portfolio_row_parent_class)->finalize (object);
}

static void
ks_portfolio_row_class_init (KsPortfolioRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ks_portfolio_row_finalize;

  /* The row shows another account now, or its account changed. */
  row_signals[ROW_ACCOUNT_CHANGED] =
    g_signal_new ("account-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ks_portfolio_row_init (KsPortfolioRow *self)
{
}

KsAccount *
ks_portfolio_row_get_account (KsPortfolioRow *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_ROW (self), NULL);
  return self->rows != NULL ? self->account : NULL;
}

/* The list ------------------------------------------------------------------ */

static GType
ks_portfolio_rows_get_item_type (GListModel *model)
{
  return KS_TYPE_PORTFOLIO_ROW;
}

static guint
ks_portfolio_rows_get_n_items (GListModel *model)
{
  return KS_PORTFOLIO_ROWS (model)->held->len;
}

static gpointer
ks_portfolio_rows_get_item (GListModel *model,
                            guint       position)
{
  KsPortfolioRows *self = KS_PORTFOLIO_ROWS (model);
  KsPortfolioRow *row;

  if (position >= self->held->len)
    return NULL;

  row = g_ptr_array_index (self->held, position);
  if (row != NULL)
    return g_object_ref (row);

  /* The caller's reference is the only one: the row is forgotten when it is dropped. */
  row = g_object_new (KS_TYPE_PORTFOLIO_ROW, NULL);
  row->rows = self;
  row->position = position;
  row_set_account (row, position < self->n_accounts
                        ? g_list_model_get_item (self->accounts, position) : NULL);
  g_ptr_array_index (self->held, position) = row;
  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ks_portfolio_rows_get_item_type;
  iface->get_n_items = ks_portfolio_rows_get_n_items;
  iface->get_item = ks_portfolio_rows_get_item;
}

static void
detach (KsPortfolioRows *self,
        guint            position)
{
  KsPortfolioRow *row = g_ptr_array_index (self->held, position);

  if (row != NULL)
    {
      row->rows = NULL;
      g_ptr_array_index (self->held, position) = NULL;
    }
}

/* Gives @row the account now at its position. */
static void
refresh (KsPortfolioRows *self,
         KsPortfolioRow  *row)
{
  guint i = row->position;
  KsAccount *account = i < self->n_accounts ? g_list_model_get_item (self->accounts, i) : NULL;

  row->stale = FALSE;
  if (account == row->account)
    {
      g_clear_object (&account);
      return;
    }
  row_set_account (row, account);
  g_signal_emit (row, row_signals[ROW_ACCOUNT_CHANGED], 0);
}

/* Refreshes a few of the rows out of view that show an account no longer theirs. */
static void
refresh_stale (KsPortfolioRows *self)
{
  guint done = 0;
  guint i;

  for (i = self->stale_from; i < self->held->len && done < REFRESH_STEP; i++)
    {
      KsPortfolioRow *row = g_ptr_array_index (self->held, i);

      if (row != NULL && row->stale)
        {
          refresh (self, row);
          done++;
        }
    }
  self->stale_from = i < self->held->len ? i : G_MAXUINT;
}

/* How many rows the list should have: one per account, and never fewer than it has
 * had, up to the rows GTK keeps widgets for. The rows past the last account are empty;
 * the view hides them, and they are there for the next search that shows more. The
 * first rows only are shown until ks_portfolio_rows_show_all(). */
static guint
wanted_rows (KsPortfolioRows *self)
{
  return MAX (MIN (self->n_accounts, self->cap), self->kept);
}

/* Whether a step would do something. */
static gboolean
has_work (KsPortfolioRows *self)
{
  return self->stale_from != G_MAXUINT || self->held->len != wanted_rows (self);
}

static gboolean
is_settled (KsPortfolioRows *self)
{
  return self->stale_from == G_MAXUINT
         && self->held->len == MAX (self->n_accounts, self->kept);
}

/* One step towards showing a row per account: returns whether there is more to do. */
static gboolean
settle_step (KsPortfolioRows *self)
{
  guint target = wanted_rows (self);
  guint shown = self->held->len;

  if (self->stale_from != G_MAXUINT)
    refresh_stale (self);
  else if (shown < target)
    {
      /* One row more, or all the rest once the list has built the rows it keeps. */
      guint next = shown + 1 >= MIN (target, KS_PORTFOLIO_ROWS_KEPT) ? target : shown + 1;

      g_ptr_array_set_size (self->held, next);
      self->kept = MAX (self->kept, MIN (next, KS_PORTFOLIO_ROWS_KEPT));
      g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, next - shown);
    }
  else if (shown > target)
    {
      /* Only rows past those the list keeps widgets for leave: from the end, so the
       * rows before them keep their place, and all at once. No row is stale here. */
      for (guint i = target; i < shown; i++)
        detach (self, i);
      g_ptr_array_set_size (self->held, target);
      g_list_model_items_changed (G_LIST_MODEL (self), target, shown - target, 0);
    }

  return has_work (self);
}

gboolean
ks_portfolio_rows_settle (KsPortfolioRows *self,
                          gint64           budget_us)
{
  gint64 start = g_get_monotonic_time ();
  gboolean more;

  g_return_val_if_fail (KS_IS_PORTFOLIO_ROWS (self), FALSE);

  if (!has_work (self))
    return FALSE;
  do
    {
      gboolean in_view = self->stale_from == G_MAXUINT &&
                         self->held->len < MIN (MIN (self->n_accounts, self->cap),
                                                self->first_seen + self->n_seen);

      more = settle_step (self);
      if (g_get_monotonic_time () - start >= (in_view ? MAX (budget_us, SETTLE_BUDGET_IN_VIEW_US)
                                                      : budget_us))
        break;
    }
  while (more);
  return more;
}

static void
on_accounts_changed (KsPortfolioRows *self,
                     guint            position,
                     guint            removed,
                     guint            added)
{
  /* Rows after the change show other accounts only if the change moved them. */
  guint end = MIN (removed == added ? position + added : G_MAXUINT, self->held->len);
  guint end_seen = self->first_seen + self->n_seen;

  self->n_accounts = self->n_accounts - removed + added;

  /* With no account to show, the view shows something else than the list: its rows
   * keep what they show until there are accounts again, often the same ones. */
  if (self->n_accounts == 0)
    return;

  /* The rows in view show their new accounts at once, the others a few at a time. */
  for (guint i = position; i < end; i++)
    {
      KsPortfolioRow *row = g_ptr_array_index (self->held, i);

      if (row == NULL)
        continue;
      if (i >= self->first_seen && i < end_seen)
        refresh (self, row);
      else
        {
          row->stale = TRUE;
          self->stale_from = MIN (self->stale_from, i);
        }
    }
}

static void
ks_portfolio_rows_dispose (GObject *object)
{
  KsPortfolioRows *self = KS_PORTFOLIO_ROWS (object);

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  for (guint i = 0; self->held != NULL && i < self->held->len; i++)
    detach (self, i);

  G_OBJECT_CLASS (ks_portfolio_rows_parent_class)->dispose (object);
}

static void
ks_portfolio_rows_finalize (GObject *object)
{
  KsPortfolioRows *self = KS_PORTFOLIO_ROWS (object);

  g_clear_pointer (&self->held, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_portfolio_rows_parent_class)->finalize (object);
}

static void
ks_portfolio_rows_class_init (KsPortfolioRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ks_portfolio_rows_dispose;
  object_class->finalize = ks_portfolio_rows_finalize;
}

static void
ks_portfolio_rows_init (KsPortfolioRows *self)
{
  self->cap = G_MAXUINT;
  self->n_seen = 40;
  self->stale_from = G_MAXUINT;
  self->held = g_ptr_array_new ();
}

KsPortfolioRows *
ks_portfolio_rows_new (GListModel *accounts,
                       guint       first_rows)
{
  KsPortfolioRows *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);

  self = g_object_new (KS_TYPE_PORTFOLIO_ROWS, NULL);
  self->accounts = g_object_ref (accounts);
  self->n_accounts = g_list_model_get_n_items (accounts);
  self->cap = first_rows;
  g_ptr_array_set_size (self->held, MIN (self->n_accounts, self->cap));
  self->kept = MIN (self->held->len, KS_PORTFOLIO_ROWS_KEPT);
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (on_accounts_changed), self);
  return self;
}

void
ks_portfolio_rows_show_all (KsPortfolioRows *self)
{
  g_return_if_fail (KS_IS_PORTFOLIO_ROWS (self));

  self->cap = G_MAXUINT;
}

gboolean
ks_portfolio_rows_is_settled (KsPortfolioRows *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_ROWS (self), FALSE);
  return is_settled (self);
}

void
ks_portfolio_rows_set_in_view (KsPortfolioRows *self,
                               guint            first,
                               guint            n)
{
  g_return_if_fail (KS_IS_PORTFOLIO_ROWS (self));

  self->first_seen = first;
  self->n_seen = n;

  /* Rows scrolled into view show their accounts before they are drawn. */
  for (guint i = first; i < self->held->len && i - first < n; i++)
    {
      KsPortfolioRow *row = g_ptr_array_index (self->held, i);

      if (row != NULL && row->stale)
        refresh (self, row);
    }
}
