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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ks-portfolio-rows.h"

struct _KsPortfolioRow
{
  GObject parent_instance;

  KsPortfolioRows *rows;  /* NULL once the row has left the list */
  guint position;
  KsAccount *account;
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
  GPtrArray *held;        /* by position: the row object given out there, or NULL */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KsPortfolioRows, ks_portfolio_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

/* Rows ------------------------------------------------------------------- */

static void
ks_portfolio_row_finalize (GObject *object)
{
  KsPortfolioRow *self = KS_PORTFOLIO_ROW (object);

  if (self->rows != NULL)
    g_ptr_array_index (self->rows->held, self->position) = NULL;
  g_clear_object (&self->account);

  G_OBJECT_CLASS (ks_portfolio_row_parent_class)->finalize (object);
}

static void
ks_portfolio_row_class_init (KsPortfolioRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ks_portfolio_row_finalize;

  /* The row shows another account now. */
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
  row->account = g_list_model_get_item (self->accounts, position);
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

static void
on_accounts_changed (KsPortfolioRows *self,
                     guint            position,
                     guint            removed,
                     guint            added)
{
  guint n_old = self->held->len;
  guint n_new = n_old - removed + added;
  /* Rows after the change show other accounts only if the change moved them. */
  guint end = removed == added ? position + added : n_new;
  guint common = MIN (n_old, n_new);

  for (guint i = n_new; i < n_old; i++)
    detach (self, i);
  g_ptr_array_set_size (self->held, n_new);

  for (guint i = position; i < end; i++)
    {
      KsPortfolioRow *row = g_ptr_array_index (self->held, i);
      KsAccount *account;

      if (row == NULL)
        continue;
      account = g_list_model_get_item (self->accounts, i);
      if (account == row->account)
        {
          g_object_unref (account);
          continue;
        }
      /* The old account lives until the row's cells have let go of it. */
      {
        g_autoptr(KsAccount) old = g_steal_pointer (&row->account);

        row->account = account;
        g_signal_emit (row, row_signals[ROW_ACCOUNT_CHANGED], 0);
      }
    }

  if (n_old != n_new)
    g_list_model_items_changed (G_LIST_MODEL (self), common, n_old - common, n_new - common);
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
  self->held = g_ptr_array_new ();
}

KsPortfolioRows *
ks_portfolio_rows_new (GListModel *accounts)
{
  KsPortfolioRows *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);

  self = g_object_new (KS_TYPE_PORTFOLIO_ROWS, NULL);
  self->accounts = g_object_ref (accounts);
  g_ptr_array_set_size (self->held, g_list_model_get_n_items (accounts));
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (on_accounts_changed), self);
  return self;
}
