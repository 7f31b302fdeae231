/* ks-portfolio-model.c
 *
 * GtkSortListModel and GtkFilterListModel fetch every item through
 * g_list_model_get_item(), a reference taken and dropped per account per key press:
 * at a hundred thousand accounts that alone is longer than a frame. This model keeps
 * plain arrays of the accounts, sorted once per change of data or order, and filters by
 * walking the array. It announces only the span of rows that changed, so the list
 * rebinds what it must and no more.
 *
 * Typing narrows a search one key at a time and Backspace widens it again the same way:
 * the rows shown before each narrowing are kept, so going back to an earlier search
 * shows them again without looking at a hundred thousand accounts once more.
 *
 * A search reads every account's folded name: they are copied, in the sorted order, into
 * one block of memory, which the filter reads straight through instead of visiting a
 * hundred thousand objects all over the heap. It looks for the search in the whole
 * block at once, by the search's byte that the names hold least often (the last byte
 * of a Chinese character, say, rather than the first, which most characters share):
 * memchr() skips the names without it many bytes at a time. The predicate is asked
 * about the accounts whose names hold the search only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ks-portfolio-model.h"

struct _KsPortfolioModel
{
  GObject parent_instance;

  GListModel *accounts;
  GtkSorter *sorter;
  KsAccountPredicate predicate;
  gpointer user_data;
  GPtrArray *sorted;    /* every account, referenced, in the sorter's order */
  GString *names;       /* their folded names, in the same order, each ending in NUL */
  GArray *name_at;      /* of guint32: where each one's name starts in @names */
  guint32 byte_count[256];  /* how often each byte occurs in @names */
  GArray *visible;      /* of guint32: the accepted ones, as positions in @sorted */
  char *key;            /* the folded search: names must hold it */
  GPtrArray *history;   /* of Step: earlier, wider searches, the newest last */
};

/* The rows shown for the search @key, before it was narrowed. */
typedef struct
{
  char *key;
  GArray *rows;         /* like @visible */
} Step;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->key);
  g_array_unref (step->rows);
  g_free (step);
}

#define VISIBLE(array, i) g_array_index ((array), guint32, (i))

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KsPortfolioModel, ks_portfolio_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      list_model_iface_init))

static GType
ks_portfolio_model_get_item_type (GListModel *model)
{
  return KS_TYPE_ACCOUNT;
}

static guint
ks_portfolio_model_get_n_items (GListModel *model)
{
  return KS_PORTFOLIO_MODEL (model)->visible->len;
}

static gpointer
ks_portfolio_model_get_item (GListModel *model,
                             guint       position)
{
  KsPortfolioModel *self = KS_PORTFOLIO_MODEL (model);

  if (position >= self->visible->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->sorted, VISIBLE (self->visible, position)));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ks_portfolio_model_get_item_type;
  iface->get_n_items = ks_portfolio_model_get_n_items;
  iface->get_item = ks_portfolio_model_get_item;
}

/* Replaces the visible rows by @next, announcing only the span that differs; @was_sorted
 * is the order the rows shown so far refer to. */
static void
show (KsPortfolioModel *self,
      GArray           *next,
      GPtrArray        *was_sorted)
{
  GArray *old = self->visible;
  guint prefix = 0, suffix = 0;
  guint n_old = old->len, n_new = next->len;
#define OLD(i) g_ptr_array_index (was_sorted, VISIBLE (old, (i)))
#define NEW(i) g_ptr_array_index (self->sorted, VISIBLE (next, (i)))

  while (prefix < n_old && prefix < n_new && OLD (prefix) == NEW (prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         OLD (n_old - 1 - suffix) == NEW (n_new - 1 - suffix))
    suffix++;
#undef OLD
#undef NEW

  self->visible = next;
  g_array_unref (old);

  if (prefix != n_old || prefix != n_new)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                n_old - prefix - suffix, n_new - prefix - suffix);
}

static gboolean
accepts (KsPortfolioModel *self,
         guint32           i)
{
  return self->predicate (g_ptr_array_index (self->sorted, i), self->user_data);
}

/* Where the @i-th name starts in @names, and where the one after it starts. */
#define NAME_START(self, i) g_array_index ((self)->name_at, guint32, (i))

static guint32
name_end (KsPortfolioModel *self,
          guint32           i)
{
  return i + 1 < self->name_at->len ? NAME_START (self, i + 1) : self->names->len;
}

/* The first place at or after @p, before @end, that holds @key; @rare is the position
 * in @key of its least common byte. */
static const char *
find_key (const char *p,
          const char *end,
          const char *key,
          gsize       key_len,
          gsize       rare)
{
  if ((gsize) (end - p) <= rare)
    return NULL;
  for (const char *q = p + rare; q < end && (q = memchr (q, (guchar) key[rare], end - q)) != NULL;
       q++)
    if (key_len == 1 ||
        ((gsize) (end - (q - rare)) >= key_len && memcmp (q - rare, key, key_len) == 0))
      return q - rare;
  return NULL;
}

/* Writes to @out, in order, the positions of @from (every account when NULL) whose
 * names hold the key and that the predicate accepts, found in one pass over @names;
 * returns how many. */
static guint
filter_names (KsPortfolioModel *self,
              GArray           *from,
              guint32          *out)
{
  guint n_out = 0;
  const char *block = self->names->str;
  const char *end = block + self->names->len;
  const char *p = block;
  gsize key_len = strlen (self->key);
  gsize rare = 0;
  guint32 i = 0;  /* the name searched in, at or before the name that holds the hit */
  guint j = 0;    /* the next of @from to look at */
  const char *hit;

  for (gsize k = 1; k < key_len; k++)
    if (self->byte_count[(guchar) self->key[k]] < self->byte_count[(guchar) self->key[rare]])
      rare = k;
  if (from != NULL)
    {
      if (from->len == 0)
        return 0;
      i = VISIBLE (from, 0);
      p = block + NAME_START (self, i);
    }

  /* The key holds no NUL, so a hit never spans two names. */
  while (p < end && (hit = find_key (p, end, self->key, key_len, rare)) != NULL)
    {
      guint32 at = hit - block;

      while (name_end (self, i) <= at)
        i++;
      if (from != NULL)
        {
          while (j < from->len && VISIBLE (from, j) < i)
            j++;
          if (j == from->len)
            break;
        }
      if ((from == NULL || VISIBLE (from, j) == i) && accepts (self, i))
        out[n_out++] = i;

      /* On to the next name, or to the next one of @from. */
      p = block + name_end (self, i);
      if (from != NULL)
        {
          while (j < from->len && VISIBLE (from, j) <= i)
            j++;
          if (j == from->len)
            break;
          i = VISIBLE (from, j);
          p = block + NAME_START (self, i);
        }
    }
  return n_out;
}

static void
filter (KsPortfolioModel *self,
        GtkFilterChange   change,
        GPtrArray        *was_sorted)
{
  GArray *from = change == GTK_FILTER_CHANGE_MORE_STRICT ? self->visible : NULL;
  guint n = from != NULL ? from->len : self->sorted->len;
  GArray *next = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  guint32 *out;
  guint n_out = 0;

  /* Written in place: a function call per account shown would add up. */
  g_array_set_size (next, n);
  out = (guint32 *) (gpointer) next->data;

  /* A few rows left: looking at their names alone is quicker than the whole block. */
  if (*self->key == '\0' || (from != NULL && from->len < self->sorted->len / 16))
    {
      for (guint32 i = 0; i < n; i++)
        {
          guint32 at = from != NULL ? VISIBLE (from, i) : i;

          if (ks_account_key_matches (self->names->str + NAME_START (self, at), self->key)
              && accepts (self, at))
            out[n_out++] = at;
        }
    }
  else
    n_out = filter_names (self, from, out);
  g_array_set_size (next, n_out);
  show (self, next, was_sorted);
}

static void
refilter (KsPortfolioModel *self,
          GtkFilterChange   change,
          GPtrArray        *was_sorted)
{
  /* Whatever changed, the rows kept for earlier searches may no longer be right. */
  g_ptr_array_set_size (self->history, 0);
  filter (self, change, was_sorted);
}

void
ks_portfolio_model_refilter (KsPortfolioModel *self,
                             GtkFilterChange   change)
{
  g_return_if_fail (KS_IS_PORTFOLIO_MODEL (self));
  refilter (self, change, self->sorted);
}

/* The search was narrowed from @key: filters the rows shown, and keeps them to show
 * again when the search is widened back to @key. */
static void
narrow (KsPortfolioModel *self,
        const char       *key)
{
  Step *step = g_new (Step, 1);

  step->key = g_strdup (key);
  step->rows = g_array_ref (self->visible);
  g_ptr_array_add (self->history, step);
  filter (self, GTK_FILTER_CHANGE_MORE_STRICT, self->sorted);
}

/* The search was widened to the key: shows the rows kept for it if it was narrowed from
 * there and nothing changed since, or else filters every account again. */
static void
widen (KsPortfolioModel *self)
{
  for (guint i = self->history->len; i > 0; i--)
    {
      Step *step = g_ptr_array_index (self->history, i - 1);

      if (strcmp (step->key, self->key) == 0)
        {
          GArray *rows = g_array_ref (step->rows);

          /* This search and the narrower ones after it are the current one now. */
          g_ptr_array_set_size (self->history, i - 1);
          show (self, rows, self->sorted);
          return;
        }
    }

  refilter (self, GTK_FILTER_CHANGE_LESS_STRICT, self->sorted);
}

void
ks_portfolio_model_set_search (KsPortfolioModel *self,
                               const char       *key)
{
  g_autofree char *previous = NULL;

  g_return_if_fail (KS_IS_PORTFOLIO_MODEL (self));

  if (key == NULL)
    key = "";
  if (strcmp (key, self->key) == 0)
    return;
  previous = g_steal_pointer (&self->key);
  self->key = g_strdup (key);

  /* Typing on narrows the search: only rows still shown need checking again. Backspace
   * mostly goes back to a search typed a moment ago, whose rows were kept. */
  if (strstr (self->key, previous) != NULL)
    narrow (self, previous);
  else if (strstr (previous, self->key) != NULL)
    widen (self);
  else
    refilter (self, GTK_FILTER_CHANGE_DIFFERENT, self->sorted);
}

gboolean
ks_portfolio_model_find (KsPortfolioModel *self,
                         KsAccount        *account,
                         guint            *position)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_MODEL (self), FALSE);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), FALSE);

  for (guint i = 0; i < self->visible->len; i++)
    if (g_ptr_array_index (self->sorted, VISIBLE (self->visible, i)) == account)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

static int
compare (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  KsPortfolioModel *self = user_data;
  GtkOrdering order = gtk_sorter_compare (self->sorter,
                                          *(gpointer *) a, *(gpointer *) b);

  /* Equal accounts keep the store's order, so a re-sort never shuffles them. */
  if (order == GTK_ORDERING_EQUAL)
    return (*(gpointer *) a > *(gpointer *) b) - (*(gpointer *) a < *(gpointer *) b);
  return order;
}

/* The folded names in the sorted order, one after the other. */
static void
copy_names (KsPortfolioModel *self)
{
  g_string_truncate (self->names, 0);
  memset (self->byte_count, 0, sizeof self->byte_count);
  g_array_set_size (self->name_at, self->sorted->len);
  for (guint i = 0; i < self->sorted->len; i++)
    {
      const char *name = ks_account_get_name_key (g_ptr_array_index (self->sorted, i));

      g_array_index (self->name_at, guint32, i) = self->names->len;
      for (const char *c = name; *c != '\0'; c++)
        self->byte_count[(guchar) *c]++;
      g_string_append_len (self->names, name, -1);
      g_string_append_c (self->names, '\0');
    }
}

static gboolean
is_sorted (KsPortfolioModel *self)
{
  for (guint i = 1; i < self->sorted->len; i++)
    if (compare (&g_ptr_array_index (self->sorted, i - 1),
                 &g_ptr_array_index (self->sorted, i), self) > 0)
      return FALSE;
  return TRUE;
}

static void
resort (KsPortfolioModel *self)
{
  if (self->sorter != NULL && gtk_sorter_get_order (self->sorter) != GTK_SORTER_ORDER_NONE
      && !is_sorted (self))
    g_ptr_array_sort_with_data (self->sorted, compare, self);
  copy_names (self);
}

/* Takes the accounts again, in @likely_order if that holds them all. */
static void
reload (KsPortfolioModel *self,
        GPtrArray        *likely_order)
{
  guint n = g_list_model_get_n_items (self->accounts);

  g_ptr_array_set_size (self->sorted, 0);
  if (likely_order != NULL && likely_order->len == n)
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (self->sorted, g_object_ref (g_ptr_array_index (likely_order, i)));
  else
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (self->sorted, g_list_model_get_item (self->accounts, i));
  resort (self);
}

static void
on_accounts_changed (KsPortfolioModel *self)
{
  /* The old order stays alive until the new rows are shown: @visible refers to it. */
  g_autoptr(GPtrArray) was_sorted = g_ptr_array_ref (self->sorted);

  self->sorted = g_ptr_array_new_with_free_func (g_object_unref);
  reload (self, NULL);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT, was_sorted);
}

static void
on_sorter_changed (KsPortfolioModel *self)
{
  /* Sorting moves the accounts in place: the rows shown refer to the old order. */
  g_autoptr(GPtrArray) was_sorted = g_ptr_array_sized_new (self->sorted->len);

  g_ptr_array_extend (was_sorted, self->sorted, NULL, NULL);

  resort (self);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT, was_sorted);
}

void
ks_portfolio_model_resort (KsPortfolioModel *self)
{
  g_return_if_fail (KS_IS_PORTFOLIO_MODEL (self));
  on_sorter_changed (self);
}

static void
ks_portfolio_model_dispose (GObject *object)
{
  KsPortfolioModel *self = KS_PORTFOLIO_MODEL (object);

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (ks_portfolio_model_parent_class)->dispose (object);
}

static void
ks_portfolio_model_finalize (GObject *object)
{
  KsPortfolioModel *self = KS_PORTFOLIO_MODEL (object);

  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->name_at, g_array_unref);
  if (self->names != NULL)
    g_string_free (g_steal_pointer (&self->names), TRUE);

  G_OBJECT_CLASS (ks_portfolio_model_parent_class)->finalize (object);
}

static void
ks_portfolio_model_class_init (KsPortfolioModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ks_portfolio_model_dispose;
  object_class->finalize = ks_portfolio_model_finalize;
}

static void
ks_portfolio_model_init (KsPortfolioModel *self)
{
  self->sorted = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = g_string_new (NULL);
  self->name_at = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->history = g_ptr_array_new_with_free_func (step_free);
  self->key = g_strdup ("");
}

KsPortfolioModel *
ks_portfolio_model_new (GListModel         *accounts,
                        GtkSorter          *sorter,
                        GPtrArray          *likely_order,
                        KsAccountPredicate  predicate,
                        gpointer            user_data)
{
  KsPortfolioModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);
  g_return_val_if_fail (sorter == NULL || GTK_IS_SORTER (sorter), NULL);
  g_return_val_if_fail (predicate != NULL, NULL);

  self = g_object_new (KS_TYPE_PORTFOLIO_MODEL, NULL);
  self->accounts = g_object_ref (accounts);
  self->sorter = sorter != NULL ? g_object_ref (sorter) : NULL;
  self->predicate = predicate;
  self->user_data = user_data;

  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (on_accounts_changed), self);
  if (sorter != NULL)
    g_signal_connect_swapped (sorter, "changed", G_CALLBACK (on_sorter_changed), self);

  reload (self, likely_order);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT, self->sorted);
  return self;
}
