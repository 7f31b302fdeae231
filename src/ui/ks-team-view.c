/* ks-team-view.c
 *
 * The members are read from the store, and their KPIs computed over the portfolio in
 * one pass (ks_team_kpis_compute_all()), when the view is mapped and after a change of
 * the team or of an account: changes in a row (an import, the summaries refreshed) are
 * read once, in an idle, and none is read while the view is off screen. The list is a
 * column view over light row objects; its cells are inscriptions, cheap to bind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-member-editor.h"
#include "ks-plan-widgets.h"
#include "ks-team-view.h"
#include "ks-widgets.h"

/* ---- KPIs ---------------------------------------------------------------------- */

static const struct
{
  const char *key;
  const char *title;
} kpi_info[KS_N_TEAM_KPIS] = {
  /* Translators: column title: how many accounts a team member owns */
  { "accounts", N_("Accounts") },
  /* Translators: column title: of a member's accounts, those of tier Core or Key */
  { "key-accounts", N_("Key Accounts") },
  /* Translators: column title: year-to-date attainment of the revenue target */
  { "ytd", N_("YTD Attainment") },
  /* Translators: column title: open complaints past their 24 hours, over a member's
   * accounts */
  { "overdue-complaints", N_("Overdue Complaints") },
  /* Translators: column title: account-plan actions past their due date, over a
   * member's accounts */
  { "overdue-actions", N_("Overdue Actions") },
};

const char *
ks_team_kpi_get_key (KsTeamKpi kpi)
{
  g_return_val_if_fail ((guint) kpi < KS_N_TEAM_KPIS, NULL);
  return kpi_info[kpi].key;
}

const char *
ks_team_kpi_get_title (KsTeamKpi kpi)
{
  g_return_val_if_fail ((guint) kpi < KS_N_TEAM_KPIS, NULL);
  return _(kpi_info[kpi].title);
}

char *
ks_team_kpi_format (KsTeamKpi           kpi,
                    const KsMemberKpis *kpis)
{
  g_return_val_if_fail (kpis != NULL, NULL);

  switch (kpi)
    {
    case KS_TEAM_KPI_ACCOUNTS:
      return g_strdup_printf ("%u", kpis->accounts);
    case KS_TEAM_KPI_KEY_ACCOUNTS:
      return g_strdup_printf ("%u", kpis->key_accounts);
    case KS_TEAM_KPI_ATTAINMENT:
      if (!kpis->has_attainment)
        return g_strdup ("—");
      /* Translators: year-to-date attainment, e.g. “87 %” */
      return g_strdup_printf (_("%.0f %%"), kpis->attainment_ytd);
    case KS_TEAM_KPI_OVERDUE_COMPLAINTS:
      return g_strdup_printf ("%u", kpis->overdue_complaints);
    case KS_TEAM_KPI_OVERDUE_ACTIONS:
      return g_strdup_printf ("%u", kpis->overdue_actions);
    case KS_N_TEAM_KPIS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ks_team_kpi_is_alert (KsTeamKpi           kpi,
                      const KsMemberKpis *kpis)
{
  g_return_val_if_fail (kpis != NULL, FALSE);

  return (kpi == KS_TEAM_KPI_OVERDUE_COMPLAINTS && kpis->overdue_complaints > 0) ||
         (kpi == KS_TEAM_KPI_OVERDUE_ACTIONS && kpis->overdue_actions > 0);
}

/* ---- Row objects --------------------------------------------------------------- */

#define KS_TYPE_TEAM_ROW (ks_team_row_get_type ())

G_DECLARE_FINAL_TYPE (KsTeamRow, ks_team_row, KS, TEAM_ROW, GObject)

struct _KsTeamRow
{
  GObject       parent_instance;

  KsMember     *member;
  char         *name_key;     /* collation key of the name */
  char         *mentor;       /* the mentor's name, or "" */
  char         *accounts;     /* the names of the accounts owned, one a line */
  KsMemberKpis  kpis;
};

G_DEFINE_FINAL_TYPE (KsTeamRow, ks_team_row, G_TYPE_OBJECT)

static void
ks_team_row_finalize (GObject *object)
{
  KsTeamRow *self = KS_TEAM_ROW (object);

  g_clear_pointer (&self->member, ks_member_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->mentor, g_free);
  g_clear_pointer (&self->accounts, g_free);
  G_OBJECT_CLASS (ks_team_row_parent_class)->finalize (object);
}

static void
ks_team_row_class_init (KsTeamRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ks_team_row_finalize;
}

static void
ks_team_row_init (KsTeamRow *self)
{
}

/* ---- The view ------------------------------------------------------------------ */

struct _KsTeamView
{
  AdwBin              parent_instance;

  KsStore            *store;
  GListStore         *rows;        /* KsTeamRow */
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  gboolean            dirty;       /* to be read again when mapped */
  guint               reload_id;

  /* template children */
  GtkStack           *stack;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (KsTeamView, ks_team_view, ADW_TYPE_BIN)

/* Columns: the member's name, role and mentor, then the KPIs. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_ROLE,
  COLUMN_MENTOR,
  COLUMN_FIRST_KPI,
  N_COLUMNS = COLUMN_FIRST_KPI + KS_N_TEAM_KPIS
} Column;

static const char *
column_key (Column column)
{
  static const char * const keys[] = { "name", "role", "mentor" };

  return column < COLUMN_FIRST_KPI ? keys[column]
                                   : ks_team_kpi_get_key (column - COLUMN_FIRST_KPI);
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return C_("person", "Name");
    case COLUMN_ROLE:
      /* Translators: column title: a team member's job */
      return _("Role");
    case COLUMN_MENTOR:
      return _("Mentor");
    default:
      return ks_team_kpi_get_title (column - COLUMN_FIRST_KPI);
    }
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const KsTeamRow *ra = a;
  const KsTeamRow *rb = b;
  int column = GPOINTER_TO_INT (data);
  int result = 0;

  switch (column)
    {
    case COLUMN_NAME:
      break;
    case COLUMN_ROLE:
      result = g_utf8_collate (ra->member->role ? ra->member->role : "",
                               rb->member->role ? rb->member->role : "");
      break;
    case COLUMN_MENTOR:
      result = g_utf8_collate (ra->mentor, rb->mentor);
      break;
    case COLUMN_FIRST_KPI + KS_TEAM_KPI_ACCOUNTS:
      result = CMP (ra->kpis.accounts, rb->kpis.accounts);
      break;
    case COLUMN_FIRST_KPI + KS_TEAM_KPI_KEY_ACCOUNTS:
      result = CMP (ra->kpis.key_accounts, rb->kpis.key_accounts);
      break;
    case COLUMN_FIRST_KPI + KS_TEAM_KPI_ATTAINMENT:
      /* A member without a figure sorts below every member with one. */
      result = ra->kpis.has_attainment != rb->kpis.has_attainment
               ? CMP (ra->kpis.has_attainment, rb->kpis.has_attainment)
               : CMP (ra->kpis.attainment_ytd, rb->kpis.attainment_ytd);
      break;
    case COLUMN_FIRST_KPI + KS_TEAM_KPI_OVERDUE_COMPLAINTS:
      result = CMP (ra->kpis.overdue_complaints, rb->kpis.overdue_complaints);
      break;
    case COLUMN_FIRST_KPI + KS_TEAM_KPI_OVERDUE_ACTIONS:
      result = CMP (ra->kpis.overdue_actions, rb->kpis.overdue_actions);
      break;
    default:
      break;
    }
  /* Equal figures go by name. */
  return result != 0 ? result : strcmp (ra->name_key, rb->name_key);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data);
  gboolean numeric = column >= COLUMN_FIRST_KPI;
  GtkWidget *child = gtk_inscription_new (NULL);
  g_autofree char *name = g_strdup_printf ("team-cell-%s", column_key (column));

  gtk_widget_set_name (child, name);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (child), numeric ? 1 : 0);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (child),
                                 column == COLUMN_NAME ? 18 : numeric ? 5 : 14);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (child),
                                 column == COLUMN_NAME ? 10 : numeric ? 3 : 6);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (child),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (child, "numeric");
  gtk_list_item_set_child (item, child);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data);
  KsTeamRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  const char *tooltip = NULL;
  gboolean alert = FALSE;

  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (row->member->name);
      tooltip = row->member->name;
      break;
    case COLUMN_ROLE:
      text = g_strdup (row->member->role ? row->member->role : "");
      break;
    case COLUMN_MENTOR:
      text = g_strdup (row->mentor);
      break;
    default:
      text = ks_team_kpi_format (column - COLUMN_FIRST_KPI, &row->kpis);
      alert = ks_team_kpi_is_alert (column - COLUMN_FIRST_KPI, &row->kpis);
      if (column == COLUMN_FIRST_KPI + KS_TEAM_KPI_ACCOUNTS && row->accounts[0] != '\0')
        tooltip = row->accounts;
      break;
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
  if (alert)
    gtk_widget_add_css_class (child, "error");
  else
    gtk_widget_remove_css_class (child, "error");
  ks_widget_set_tooltip_quietly (child, tooltip);
}

static void
add_columns (KsTeamView *self)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));

      view_column = gtk_column_view_column_new (column_title (column), factory);
      gtk_column_view_column_set_expand (view_column, column == COLUMN_NAME || column == COLUMN_ROLE);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (column),
                                                  NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

static char *
owner_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  return g_ascii_strdown (stripped, -1);
}

static gint64
selected_member_id (KsTeamView *self)
{
  KsTeamRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? row->member->id : 0;
}

static void
reload (KsTeamView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GHashTable) kpis = NULL;
  g_autoptr(GHashTable) owned = NULL;       /* owner key → GString of account names */
  g_autoptr(GHashTable) names = NULL;       /* member id → name */
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *count = NULL;
  GListModel *accounts;
  gint64 selected;

  self->dirty = FALSE;
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store == NULL)
    return;

  members = ks_store_dup_members (self->store, &error);
  if (members == NULL)
    {
      g_warning ("Could not read the team: %s", error->message);
      members = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_member_free);
    }

  accounts = ks_store_get_accounts (self->store);
  kpis = ks_team_kpis_compute_all (accounts);
  owned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      char *key = owner_key (ks_account_get_owner (account));
      GString *list = g_hash_table_lookup (owned, key);

      if (list == NULL)
        {
          g_hash_table_insert (owned, key, g_string_new (ks_account_get_name (account)));
          continue;
        }
      g_free (key);
      g_string_append_c (list, '\n');
      g_string_append (list, ks_account_get_name (account));
    }

  names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < members->len; i++)
    {
      KsMember *member = g_ptr_array_index (members, i);

      g_hash_table_insert (names, &member->id, member->name);
    }

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < members->len; i++)
    {
      KsMember *member = g_ptr_array_index (members, i);
      KsTeamRow *row = g_object_new (KS_TYPE_TEAM_ROW, NULL);
      g_autofree char *key = owner_key (member->name);
      GString *list = g_hash_table_lookup (owned, key);
      const char *mentor = member->mentor_id != 0
                           ? g_hash_table_lookup (names, &member->mentor_id) : NULL;

      row->member = ks_member_copy (member);
      row->name_key = g_utf8_collate_key (member->name, -1);
      row->mentor = g_strdup (mentor != NULL ? mentor : "");
      row->accounts = g_strdup (list != NULL ? list->str : "");
      ks_team_kpis_lookup (kpis, member->name, &row->kpis);
      g_ptr_array_add (rows, row);
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, owned);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_string_free (value, TRUE);
  }

  /* The same member stays selected. */
  selected = selected_member_id (self);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  if (selected != 0)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sorted)); i++)
      {
        g_autoptr(KsTeamRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

        if (row->member->id == selected)
          gtk_single_selection_set_selected (self->selection, i);
      }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members",
                                        members->len),
                           members->len);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, members->len == 0 ? "empty" : "list");
}

static gboolean
reload_idle (gpointer data)
{
  KsTeamView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (KsTeamView *self)
{
  self->dirty = TRUE;
  /* Many changes in a row (an import, Undo, the summaries refreshed) are read once. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle, self, NULL);
}

static void
on_activate (KsTeamView *self,
             guint       position)
{
  g_autoptr(KsTeamRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-member", "x", row->member->id);
}

static gboolean
delete_selected (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  KsTeamView *self = KS_TEAM_VIEW (user_data);
  gint64 id = selected_member_id (self);

  if (id == 0 || self->store == NULL)
    return FALSE;
  ks_member_editor_confirm_delete (GTK_WIDGET (self), self->store, id);
  return TRUE;
}

static void
add_member (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  KsTeamView *self = KS_TEAM_VIEW (widget);

  if (self->store == NULL)
    return;
  ks_plan_present_dialog (widget, GTK_WINDOW (ks_member_editor_new (self->store, NULL)));
}

static void
ks_team_view_map (GtkWidget *widget)
{
  KsTeamView *self = KS_TEAM_VIEW (widget);

  /* Before the children are mapped: the rows come with the view's first frame. */
  if (self->dirty)
    reload (self);

  GTK_WIDGET_CLASS (ks_team_view_parent_class)->map (widget);
}

static void
ks_team_view_unmap (GtkWidget *widget)
{
  KsTeamView *self = KS_TEAM_VIEW (widget);

  if (self->reload_id != 0)
    {
      g_clear_handle_id (&self->reload_id, g_source_remove);
      self->dirty = TRUE;
    }
  GTK_WIDGET_CLASS (ks_team_view_parent_class)->unmap (widget);
}

static void
ks_team_view_dispose (GObject *object)
{
  KsTeamView *self = KS_TEAM_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ks_team_view_parent_class)->dispose (object);
}

static void
ks_team_view_class_init (KsTeamViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_team_view_dispose;
  widget_class->map = ks_team_view_map;
  widget_class->unmap = ks_team_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-team-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KsTeamView, stack);
  gtk_widget_class_bind_template_child (widget_class, KsTeamView, count_label);
  gtk_widget_class_bind_template_child (widget_class, KsTeamView, column_view);

  gtk_widget_class_install_action (widget_class, "team.add-member", NULL, add_member);
}

static void
ks_team_view_init (KsTeamView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  ks_stack_hide_other_pages (GTK_WIDGET (self->stack));

  add_columns (self);
  /* By name, as people look a colleague up. */
  {
    g_autoptr(GtkColumnViewColumn) name_column =
      g_list_model_get_item (gtk_column_view_get_columns (self->column_view), COLUMN_NAME);

    gtk_column_view_sort_by_column (self->column_view, name_column, GTK_SORT_ASCENDING);
  }

  self->rows = g_list_store_new (KS_TYPE_TEAM_ROW);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate), self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (delete_selected,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  self->dirty = TRUE;
}

GtkWidget *
ks_team_view_new (void)
{
  return g_object_new (KS_TYPE_TEAM_VIEW, NULL);
}

void
ks_team_view_set_store (KsTeamView *self,
                        KsStore    *store)
{
  g_return_if_fail (KS_IS_TEAM_VIEW (self));
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
      g_signal_connect_object (store, "team-changed", G_CALLBACK (on_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "rules-changed", G_CALLBACK (on_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (ks_store_get_accounts (store), "items-changed",
                               G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
    }

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}
