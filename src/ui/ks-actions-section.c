/* ks-actions-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-action-editor.h"
#include "ks-actions-section.h"
#include "ks-plan-widgets.h"
#include "ks-widgets.h"

struct _KsActionsSection
{
  AdwBin          parent_instance;

  KsStore        *store;
  KsAccount      *account;
  GPtrArray      *actions;      /* KsAction *: the plan's, copied */
  gboolean        dirty;        /* @actions not shown yet */
  guint           n_shown;      /* rows up to date with @actions, from the first */
  guint           build_id;     /* adds the rows after the first ones, a pass a frame */
  gboolean        lost_focus;   /* a removed row had the focus */
  GtkStringList  *statuses;     /* shared by every row's drop-down */
  int             status_width; /* see measure_status_width() */

  /* template children */
  GtkListBox     *progress_list;
  GtkListBox     *action_list;
};

G_DEFINE_FINAL_TYPE (KsActionsSection, ks_actions_section, ADW_TYPE_BIN)

/* The widgets of one row, kept with it. Rows are reused by position when the plan
 * comes back: a status changed in place keeps its widgets and the keyboard focus. */
typedef struct
{
  KsActionsSection *section;    /* unowned: the row lives in its list */
  GtkWidget        *row;
  GtkWidget        *text_box;
  GtkLabel         *title;
  GtkLabel         *due;        /* the date, and “Overdue” when it is */
  GtkLabel         *meta;
  GtkDropDown      *status;
  KsAction         *action;     /* what the row shows */
  gboolean          updating;
} ActionRow;

#define ACTION_ROW_KEY "ks-action-row"

static ActionRow *
get_action_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), ACTION_ROW_KEY) : NULL;
}

static void
action_row_free (gpointer data)
{
  ActionRow *ar = data;

  g_clear_pointer (&ar->action, ks_action_free);
  g_free (ar);
}

/* ---- Undo ---------------------------------------------------------------------- */

typedef struct
{
  KsStore  *store;
  gint64    account_id;
  KsAction *action;
} DeletedAction;

static void
deleted_action_free (gpointer data)
{
  DeletedAction *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->action, ks_action_free);
  g_free (deleted);
}

static gboolean
restore_action (gpointer  data,
                GError  **error)
{
  DeletedAction *deleted = data;

  return ks_store_restore_action (deleted->store, deleted->account_id, deleted->action, error);
}

/* ---- Rows ---------------------------------------------------------------------- */

static void
open_editor (KsActionsSection *self,
             const KsAction   *action)
{
  KsActionEditor *editor = ks_action_editor_new (self->store, self->account, action);

  ks_plan_present_dialog (GTK_WIDGET (self), GTK_WINDOW (editor));
}

static void
delete_action (KsActionsSection *self,
               const KsAction   *action)
{
  g_autoptr(GError) error = NULL;
  DeletedAction *deleted;

  /* Copied first: the store's ::plan-changed may rebuild the row that holds @action. */
  deleted = g_new0 (DeletedAction, 1);
  deleted->store = g_object_ref (self->store);
  deleted->account_id = ks_account_get_id (self->account);
  deleted->action = ks_action_copy (action);

  if (!ks_store_delete_action (self->store, deleted->action->id, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Action Could Not Be Deleted"), error);
      deleted_action_free (deleted);
      return;
    }

  ks_plan_show_undo_toast (GTK_WIDGET (self), deleted->action->title,
                           restore_action, deleted, deleted_action_free);
}

static void
on_delete_clicked (GtkButton *button,
                   ActionRow *ar)
{
  if (ar->action != NULL)
    delete_action (ar->section, ar->action);
}

static void
on_status_selected (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    ActionRow   *ar)
{
  KsActionsSection *self = ar->section;
  g_autoptr(KsAction) edited = NULL;
  g_autoptr(GError) error = NULL;
  guint status = gtk_drop_down_get_selected (dropdown);

  if (ar->updating || ar->action == NULL || status >= KS_N_ACTION_STATUSES ||
      status == (guint) ar->action->status)
    return;

  edited = ks_action_copy (ar->action);
  edited->status = status;
  if (!ks_store_save_action (self->store, ks_account_get_id (self->account), edited, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Action Could Not Be Saved"), error);
      ar->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, ar->action->status);
      ar->updating = FALSE;
    }
}

static ActionRow *
action_row_new (KsActionsSection *self)
{
  ActionRow *ar = g_new0 (ActionRow, 1);
  GtkWidget *grid;
  GtkWidget *delete_button;

  ar->section = self;
  ar->row = gtk_list_box_row_new ();
  gtk_widget_set_name (ar->row, "action-row");

  /* A grid, not a box: a box asks the wrapping labels for their width at the row's
   * height, which Pango answers by trying one width after another. */
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);

  /* Filling the row's height: centred, it would be measured again at the row's height
   * as well, labels and all. The text sets the row's height anyway. */
  ar->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (ar->text_box, TRUE);

  ar->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (ar->title), "action-title-label");
  gtk_label_set_xalign (ar->title, 0);
  /* Wrapped but cut after a few lines: an ellipsizing label is measured at a fraction
   * of the cost of a freely wrapping one, and a list may have hundreds. */
  gtk_label_set_wrap (ar->title, TRUE);
  gtk_label_set_wrap_mode (ar->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (ar->title, 3);
  gtk_label_set_ellipsize (ar->title, PANGO_ELLIPSIZE_END);

  ar->due = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (ar->due), "action-due-label");
  gtk_label_set_xalign (ar->due, 0);
  gtk_widget_add_css_class (GTK_WIDGET (ar->due), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (ar->due), "numeric");

  ar->meta = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (ar->meta), "action-meta-label");
  gtk_label_set_xalign (ar->meta, 0);
  gtk_label_set_wrap (ar->meta, TRUE);
  gtk_label_set_wrap_mode (ar->meta, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (ar->meta, 2);
  gtk_label_set_ellipsize (ar->meta, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (ar->meta), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (ar->meta), "dim-label");

  gtk_box_append (GTK_BOX (ar->text_box), GTK_WIDGET (ar->title));
  gtk_box_append (GTK_BOX (ar->text_box), GTK_WIDGET (ar->due));
  gtk_box_append (GTK_BOX (ar->text_box), GTK_WIDGET (ar->meta));

  ar->status = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->statuses)),
                                                 NULL));
  gtk_widget_set_name (GTK_WIDGET (ar->status), "action-status");
  gtk_widget_set_valign (GTK_WIDGET (ar->status), GTK_ALIGN_CENTER);
  ks_plan_set_tooltip (GTK_WIDGET (ar->status), _("Change the Status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ar->status),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_signal_connect (ar->status, "notify::selected", G_CALLBACK (on_status_selected), ar);
  if (self->status_width > 0)
    gtk_widget_set_size_request (GTK_WIDGET (ar->status), self->status_width, -1);

  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Action"));
  gtk_widget_set_name (delete_button, "action-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), ar);

  gtk_grid_attach (GTK_GRID (grid), ar->text_box, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (ar->status), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), delete_button, 2, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (ar->row), grid);

  g_object_set_data_full (G_OBJECT (ar->row), ACTION_ROW_KEY, ar, action_row_free);
  return ar;
}

/* The width of the drop-down of @ar showing its widest status, so that every row's
 * lines up. Measured once, on a row in the window (unparented, a drop-down has no
 * item to measure yet): a size group over hundreds of rows would measure them all
 * again for each one added. */
static void
measure_status_width (KsActionsSection *self,
                      ActionRow        *ar)
{
  int widest = 0;

  ar->updating = TRUE;
  for (guint i = 0; i < KS_N_ACTION_STATUSES; i++)
    {
      int natural = 0;

      gtk_drop_down_set_selected (ar->status, i);
      gtk_widget_measure (GTK_WIDGET (ar->status), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }
  ar->updating = FALSE;

  self->status_width = widest;
  gtk_widget_set_size_request (GTK_WIDGET (ar->status), widest, -1);
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
action_row_update (ActionRow      *ar,
                   const KsAction *action,
                   const GDate    *today)
{
  g_autofree char *due_text = NULL;
  g_autofree char *owner_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *meta = NULL;
  GDate due;
  gboolean has_due;
  gboolean overdue;

  g_clear_pointer (&ar->action, ks_action_free);
  ar->action = ks_action_copy (action);

  gtk_label_set_text (ar->title, action->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ar->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, action->title, -1);

  has_due = action->due != NULL && ks_plan_parse_date (action->due, &due);
  overdue = has_due && ks_plan_action_is_overdue (&due, action->status, today);
  if (has_due)
    /* Translators: %s is a date, 2025-06-30 */
    due_text = g_strdup_printf (_("Due %s"), action->due);
  else
    due_text = g_strdup (_("No due date"));
  if (overdue)
    {
      /* One label for both, “Overdue” in bold: a label less on every row. */
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      /* Translators: an open action whose due date has passed */
      const char *overdue_text = _("Overdue");
      g_autofree char *text = g_strconcat (due_text, "  ", overdue_text, NULL);
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = strlen (text) - strlen (overdue_text);
      bold->end_index = strlen (text);
      pango_attr_list_insert (attrs, bold);
      gtk_label_set_text (ar->due, text);
      gtk_label_set_attributes (ar->due, attrs);
    }
  else
    {
      gtk_label_set_text (ar->due, due_text);
      gtk_label_set_attributes (ar->due, NULL);
    }
  set_css_class (GTK_WIDGET (ar->due), "error", overdue);

  if (action->owner != NULL && *action->owner != '\0')
    /* Translators: %s is the name of the person an action is given to */
    owner_text = g_strdup_printf (_("Owner: %s"), action->owner);
  else
    owner_text = g_strdup (_("No owner"));
  if (action->metric >= 0 && action->metric < KS_N_TARGET_METRICS)
    /* Translators: %s is the target an action serves: Revenue, Gross margin… */
    target_text = g_strdup_printf (_("Target: %s"), ks_target_metric_get_label (action->metric));
  else
    target_text = g_strdup (_("No target"));
  /* Translators: an action's owner and target, e.g. “Owner: Wang Lei · Target: Revenue” */
  meta = g_strdup_printf (_("%s · %s"), owner_text, target_text);
  gtk_label_set_text (ar->meta, meta);

  set_css_class (ar->text_box, "dim-label", ks_action_status_is_closed (action->status));

  ar->updating = TRUE;
  gtk_drop_down_set_selected (ar->status, action->status);
  ar->updating = FALSE;
}

/* ---- % done per target --------------------------------------------------------- */

static GtkWidget *
progress_row_new (const char           *key,
                  const char           *label,
                  const KsActionStatus *statuses,
                  guint                 n)
{
  g_autofree char *name = g_strdup_printf ("percent-done-%s", key);
  g_autofree char *bar_name = g_strdup_printf ("percent-bar-%s", key);
  g_autofree char *text = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text_label;
  GtkWidget *bar;
  double percent = 0;
  guint done = 0;
  guint counted = 0;

  for (guint i = 0; i < n; i++)
    {
      if (statuses[i] == KS_ACTION_DONE)
        done++;
      if (statuses[i] != KS_ACTION_DROPPED)
        counted++;
    }

  if (ks_plan_percent_done (statuses, n, &percent))
    /* Translators: % done of one target: the target, actions done, actions counted
     * (dropped ones are not), the percentage; e.g. “Revenue — 2 of 4 done · 50 %” */
    text = g_strdup_printf (_("%s — %u of %u done · %.0f %%"), label, done, counted, percent);
  else
    /* Translators: % done of one target whose actions were all dropped */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s — its %u action was dropped",
                                         "%s — all %u actions were dropped", n),
                            label, n);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  text_label = gtk_label_new (text);
  gtk_widget_set_name (text_label, name);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);

  /* From 0 to 1, where the default offsets (low under 25 %, high under 75 %, full at
   * 100 %) are the ones wanted: none to move, each move restyling the bar. */
  bar = gtk_level_bar_new ();
  gtk_widget_set_name (bar, bar_name);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (percent, 0, 100) / 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  gtk_box_append (GTK_BOX (box), text_label);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* Returns the number of rows. */
static guint
rebuild_progress (KsActionsSection *self)
{
  /* Index 0: the actions that serve no target; 1 + metric for the others. */
  GArray *statuses[KS_N_TARGET_METRICS + 1];
  GtkListBoxRow *row;
  guint n_rows = 0;

  while ((row = gtk_list_box_get_row_at_index (self->progress_list, 0)) != NULL)
    gtk_list_box_remove (self->progress_list, GTK_WIDGET (row));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    statuses[i] = g_array_new (FALSE, FALSE, sizeof (KsActionStatus));

  for (guint i = 0; i < self->actions->len; i++)
    {
      const KsAction *action = g_ptr_array_index (self->actions, i);
      guint index = action->metric >= 0 && action->metric < KS_N_TARGET_METRICS
                    ? (guint) action->metric + 1 : 0;

      g_array_append_val (statuses[index], action->status);
    }

  /* The targets in their order, then the actions that serve none. */
  for (guint i = 1; i <= KS_N_TARGET_METRICS; i++)
    if (statuses[i]->len > 0)
      {
        gtk_list_box_append (self->progress_list,
                             progress_row_new (ks_target_metric_get_key (i - 1),
                                               ks_target_metric_get_label (i - 1),
                                               (const KsActionStatus *) statuses[i]->data,
                                               statuses[i]->len));
        n_rows++;
      }
  if (statuses[0]->len > 0)
    {
      gtk_list_box_append (self->progress_list,
                           progress_row_new ("none", _("No target"),
                                             (const KsActionStatus *) statuses[0]->data,
                                             statuses[0]->len));
      n_rows++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->progress_list), n_rows > 0);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_array_unref (statuses[i]);
  return n_rows;
}

/* ---- The whole section --------------------------------------------------------- */

/* Rows a pass creates at most. A new row costs a few milliseconds by the time it is
 * drawn (its drop-down most): the first frame brings what fills the window under the
 * % done, a pass after each frame the others. Updating a row that exists is cheap, and
 * not limited. The heights are the least a row takes (one line of title), so that the
 * estimate errs towards a row too many rather than a gap at the foot of the window. */
#define HEADER_HEIGHT       60   /* the title and description */
#define ACTION_ROW_HEIGHT   60
#define PROGRESS_ROW_HEIGHT 44
#define FIRST_ROWS          12   /* not in a window yet */
#define ROWS_PER_PASS       10

static gboolean build_more (gpointer data);

static void
remove_surplus_rows (KsActionsSection *self)
{
  GtkListBoxRow *row;
  guint n = self->actions->len;

  while ((row = gtk_list_box_get_row_at_index (self->action_list, n)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (focus == GTK_WIDGET (row) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
        self->lost_focus = TRUE;
      gtk_list_box_remove (self->action_list, GTK_WIDGET (row));
    }

  /* The last row was deleted from the keyboard: stay in the list. */
  if (self->lost_focus)
    {
      row = n > 0 ? gtk_list_box_get_row_at_index (self->action_list, n - 1) : NULL;
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      self->lost_focus = FALSE;
    }
}

/* Brings the rows from @n_shown on up to date, creating at most @max_new; TRUE when
 * all are. */
static gboolean
build_pass (KsActionsSection *self,
            guint             max_new)
{
  guint created = 0;
  GDate today;

  ks_store_get_today (self->store, &today);

  for (; self->n_shown < self->actions->len; self->n_shown++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->action_list, self->n_shown);
      ActionRow *ar;

      if (row != NULL)
        {
          ar = get_action_row (row);
        }
      else
        {
          if (created == max_new)
            return FALSE;
          ar = action_row_new (self);
          gtk_list_box_append (self->action_list, ar->row);
          if (self->status_width == 0)
            measure_status_width (self, ar);
          created++;
        }
      action_row_update (ar, g_ptr_array_index (self->actions, self->n_shown), &today);
    }

  remove_surplus_rows (self);
  return TRUE;
}

static void
rebuild (KsActionsSection *self)
{
  guint n_progress;

  self->dirty = FALSE;
  self->n_shown = 0;
  g_clear_handle_id (&self->build_id, g_source_remove);

  n_progress = rebuild_progress (self);
  if (!build_pass (self, ks_plan_rows_to_fill (GTK_WIDGET (self),
                                               HEADER_HEIGHT +
                                               n_progress * PROGRESS_ROW_HEIGHT,
                                               ACTION_ROW_HEIGHT, FIRST_ROWS)))
    self->build_id = ks_plan_idle_add_after_frame (GTK_WIDGET (self), build_more, self);
}

static gboolean
build_more (gpointer data)
{
  KsActionsSection *self = data;

  /* Unmapped half-way: the rest waits for the next map. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->build_id = 0;
      self->dirty = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (!build_pass (self, ROWS_PER_PASS))
    return G_SOURCE_CONTINUE;

  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_row_activated (KsActionsSection *self,
                  GtkListBoxRow    *row)
{
  ActionRow *ar = get_action_row (row);

  if (ar != NULL && ar->action != NULL)
    open_editor (self, ar->action);
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KsActionsSection      *self)
{
  ActionRow *ar;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  ar = get_action_row (ks_plan_list_get_focus_row (self->action_list));
  if (ar == NULL || ar->action == NULL)
    return GDK_EVENT_PROPAGATE;

  delete_action (self, ar->action);
  return GDK_EVENT_STOP;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_editor (KS_ACTIONS_SECTION (widget), NULL);
}

static void
ks_actions_section_map (GtkWidget *widget)
{
  KsActionsSection *self = KS_ACTIONS_SECTION (widget);

  /* Before the children are mapped: the rows come with the section's first frame. */
  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (ks_actions_section_parent_class)->map (widget);
}

static void
ks_actions_section_dispose (GObject *object)
{
  KsActionsSection *self = KS_ACTIONS_SECTION (object);

  g_clear_handle_id (&self->build_id, g_source_remove);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_object (&self->statuses);
  g_clear_pointer (&self->actions, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_actions_section_parent_class)->dispose (object);
}

static void
ks_actions_section_class_init (KsActionsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_actions_section_dispose;
  widget_class->map = ks_actions_section_map;

  gtk_widget_class_set_layout_manager_type (widget_class, KS_TYPE_PLAN_SECTION_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-actions-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsActionsSection, progress_list);
  gtk_widget_class_bind_template_child (widget_class, KsActionsSection, action_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "actions.add", NULL, add_action);
}

static void
ks_actions_section_init (KsActionsSection *self)
{
  GtkEventController *keys;
  GtkWidget *empty;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_action_free);
  self->statuses = gtk_string_list_new (NULL);
  for (guint i = 0; i < KS_N_ACTION_STATUSES; i++)
    gtk_string_list_append (self->statuses, ks_action_status_get_label (i));

  empty = ks_plan_empty_state_new ("checkbox-checked-symbolic", _("No actions yet"),
                                   _("Add the steps that move this account toward its "
                                     "targets: who does what, and by when."));
  gtk_widget_set_name (empty, "actions-empty");
  gtk_list_box_set_placeholder (self->action_list, empty);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->action_list), keys);
}

GtkWidget *
ks_actions_section_new (KsStore   *store,
                        KsAccount *account)
{
  KsActionsSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_ACTIONS_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  return GTK_WIDGET (self);
}

void
ks_actions_section_set_plan (KsActionsSection    *self,
                             const KsAccountPlan *plan)
{
  g_return_if_fail (KS_IS_ACTIONS_SECTION (self));
  g_return_if_fail (plan != NULL);

  g_ptr_array_set_size (self->actions, 0);
  for (guint i = 0; plan->actions != NULL && i < plan->actions->len; i++)
    g_ptr_array_add (self->actions, ks_action_copy (g_ptr_array_index (plan->actions, i)));

  g_clear_handle_id (&self->build_id, g_source_remove);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}
