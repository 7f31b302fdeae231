/* ks-member-page.c
 *
 * The member and their plans are read again on ::team-changed, the figures and the
 * accounts on a change of an account; both in one idle, however many changes came, and
 * only while the page is on screen. The plans are cards updated in place, by position:
 * a status changed in an action's row keeps its widgets and the keyboard focus. The
 * page's first frame brings the figures, the charts and the first cards; the other
 * cards follow after it, a few a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-coaching-action-editor.h"
#include "ks-coaching-plan-editor.h"
#include "ks-error.h"
#include "ks-member-editor.h"
#include "ks-member-page.h"
#include "ks-plan-widgets.h"
#include "ks-session-editor.h"
#include "ks-team-chart-view.h"
#include "ks-team-view.h"
#include "ks-widgets.h"
#include "ks-window.h"

struct _KsMemberPage
{
  AdwBin                  parent_instance;

  KsStore                *store;
  gint64                  member_id;
  KsMember               *member;        /* as last read; NULL until read */
  GPtrArray              *plans;         /* KsCoachingPlan *, shared with the timeline */
  gboolean                gone;          /* deleted: the page waits to be taken down */
  guint                   gone_id;       /* goes back from a page opened for nobody */

  gboolean                team_dirty;    /* the member and plans to be read again */
  gboolean                accounts_dirty;/* the figures and accounts to be read again */
  guint                   reload_id;

  GPtrArray              *cards;         /* PlanCard *, borrowed: the widgets own them */
  gboolean                cards_dirty;   /* @plans not shown in the cards yet */
  guint                   n_cards_shown; /* cards up to date with @plans, from the first */
  guint                   build_id;

  GtkStringList          *statuses;      /* every action row's drop-down */
  int                     status_width;
  GtkLabel               *kpi_values[KS_N_TEAM_KPIS];
  GtkWidget              *plans_empty;

  /* template children */
  AdwWindowTitle         *window_title;
  GtkScrolledWindow      *scrolled;
  GtkFlowBox             *kpi_box;
  GtkLabel               *about_label;
  GtkListBox             *account_list;
  AdwPreferencesGroup    *skills_group;
  KsSkillsChartView      *skills_chart;
  AdwPreferencesGroup    *timeline_group;
  KsCoachingTimelineView *timeline_chart;
  GtkBox                 *plan_box;
};

G_DEFINE_FINAL_TYPE (KsMemberPage, ks_member_page, ADW_TYPE_BIN)

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

static GtkLabel *
label_new (const char *name,
           const char *css_class)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_name (GTK_WIDGET (label), name);
  gtk_label_set_xalign (label, 0);
  /* Wrapped but cut after a few lines: measured at a fraction of the cost of a label
   * that wraps freely. */
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (label, 3);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  return label;
}

/* The grid inside an action's or a session's row: the texts, then the buttons. A grid,
 * not a box: see ks-actions-section.c. */
static GtkWidget *
row_grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);
  return grid;
}

/* "Member · Skill": under an editor's title. */
static char *
editor_subtitle (KsMemberPage         *self,
                 const KsCoachingPlan *plan)
{
  /* Translators: under the title of a coaching action or session editor: the member's
   * name and the plan's skill */
  return g_strdup_printf (_("%s · %s"), self->member != NULL ? self->member->name : "",
                          ks_coaching_plan_get_skill_name (plan));
}

/* ---- Undo ---------------------------------------------------------------------- */

typedef struct
{
  KsStore           *store;
  KsCoachingPlan    *plan;
  KsCoachingAction  *action;
  KsCoachingSession *session;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->plan, ks_coaching_plan_free);
  g_clear_pointer (&deleted->action, ks_coaching_action_free);
  g_clear_pointer (&deleted->session, ks_coaching_session_free);
  g_free (deleted);
}

static gboolean
restore_deleted (gpointer  data,
                 GError  **error)
{
  Deleted *deleted = data;

  if (deleted->plan != NULL)
    return ks_store_restore_coaching_plan (deleted->store, deleted->plan, error);
  if (deleted->action != NULL)
    return ks_store_restore_coaching_action (deleted->store, deleted->action, error);
  return ks_store_restore_coaching_session (deleted->store, deleted->session, error);
}

/* The toast goes to the window: the page may be gone by the time Undo is pressed. */
static GtkWidget *
toast_widget (KsMemberPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? GTK_WIDGET (root) : GTK_WIDGET (self);
}

static void
delete_plan (KsMemberPage         *self,
             const KsCoachingPlan *plan)
{
  g_autoptr(GError) error = NULL;
  Deleted *deleted = g_new0 (Deleted, 1);

  deleted->store = g_object_ref (self->store);
  if (!ks_store_delete_coaching_plan (self->store, plan->id, &deleted->plan, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Coaching Plan Could Not Be Deleted"),
                            error);
      deleted_free (deleted);
      return;
    }
  ks_plan_show_undo_toast (toast_widget (self), ks_coaching_plan_get_skill_name (deleted->plan),
                           restore_deleted, deleted, deleted_free);
}

/* Deletes @action or @session (the other is NULL) and offers Undo, the toast naming it
 * @what; or says why not, under @error_title. */
static void
delete_item (KsMemberPage            *self,
             const KsCoachingAction  *action,
             const KsCoachingSession *session,
             const char              *what,
             const char              *error_title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (what);
  Deleted *deleted = g_new0 (Deleted, 1);
  gboolean deleted_ok;

  /* Copied first (@what too): the store's ::team-changed may update the row that holds
   * the item. */
  deleted->store = g_object_ref (self->store);
  if (action != NULL)
    {
      deleted->action = ks_coaching_action_copy (action);
      deleted_ok = ks_store_delete_coaching_action (self->store, action->id, &error);
    }
  else
    {
      deleted->session = ks_coaching_session_copy (session);
      deleted_ok = ks_store_delete_coaching_session (self->store, session->id, &error);
    }
  if (!deleted_ok)
    {
      ks_widget_show_error (GTK_WIDGET (self), error_title, error);
      deleted_free (deleted);
      return;
    }
  ks_plan_show_undo_toast (toast_widget (self), name, restore_deleted, deleted, deleted_free);
}

static void
delete_action (KsMemberPage           *self,
               const KsCoachingAction *action)
{
  delete_item (self, action, NULL, action->title, _("The Action Could Not Be Deleted"));
}

static void
delete_session (KsMemberPage            *self,
                const KsCoachingSession *session)
{
  /* Translators: a coaching session named in “… deleted”: its type and date */
  g_autofree char *what = g_strdup_printf (_("%s, %s"),
                                           ks_session_kind_get_label (session->kind),
                                           session->date);

  delete_item (self, NULL, session, what, _("The Session Could Not Be Deleted"));
}

/* ---- Action rows --------------------------------------------------------------- */

typedef struct
{
  KsMemberPage     *page;       /* unowned: the row lives in the page */
  GtkWidget        *row;
  GtkWidget        *text_box;
  GtkLabel         *title;
  GtkLabel         *meta;       /* kind, due date, and “Overdue” when it is */
  GtkImage         *alert;
  GtkDropDown      *status;
  KsCoachingAction *action;     /* what the row shows */
  char             *subtitle;   /* the editor's */
  gboolean          updating;
} ActionRow;

#define ACTION_ROW_KEY "ks-coaching-action-row"

static ActionRow *
get_action_row (GtkWidget *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), ACTION_ROW_KEY) : NULL;
}

static void
action_row_free (gpointer data)
{
  ActionRow *ar = data;

  g_clear_pointer (&ar->action, ks_coaching_action_free);
  g_clear_pointer (&ar->subtitle, g_free);
  g_free (ar);
}

static void
on_action_status_selected (GtkDropDown *dropdown,
                           GParamSpec  *pspec,
                           ActionRow   *ar)
{
  g_autoptr(KsCoachingAction) edited = NULL;
  g_autoptr(GError) error = NULL;
  guint status = gtk_drop_down_get_selected (dropdown);

  if (ar->updating || ar->action == NULL || status >= KS_N_ACTION_STATUSES ||
      status == (guint) ar->action->status)
    return;

  edited = ks_coaching_action_copy (ar->action);
  edited->status = status;
  if (!ks_store_save_coaching_action (ar->page->store, edited, &error))
    {
      ks_widget_show_error (GTK_WIDGET (ar->page), _("The Action Could Not Be Saved"), error);
      ar->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, ar->action->status);
      ar->updating = FALSE;
      return;
    }
  /* The row shows it at once; the plan's figures follow with the store's signal. */
  ar->action->status = status;
}

static void
on_action_delete_clicked (GtkButton *button,
                          ActionRow *ar)
{
  if (ar->action != NULL)
    delete_action (ar->page, ar->action);
}

static ActionRow *
action_row_new (KsMemberPage *self)
{
  ActionRow *ar = g_new0 (ActionRow, 1);
  GtkWidget *grid;
  GtkWidget *meta_box;
  GtkWidget *delete_button;

  ar->page = self;
  ar->row = gtk_list_box_row_new ();
  gtk_widget_set_name (ar->row, "coaching-action-row");

  grid = row_grid_new ();

  ar->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (ar->text_box, TRUE);
  ar->title = label_new ("coaching-action-title-label", NULL);

  meta_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  ar->alert = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (ar->alert), "error");
  gtk_widget_set_visible (GTK_WIDGET (ar->alert), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (ar->alert), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  ar->meta = label_new ("coaching-action-meta", "caption");
  gtk_widget_add_css_class (GTK_WIDGET (ar->meta), "numeric");
  gtk_box_append (GTK_BOX (meta_box), GTK_WIDGET (ar->alert));
  gtk_box_append (GTK_BOX (meta_box), GTK_WIDGET (ar->meta));

  gtk_box_append (GTK_BOX (ar->text_box), GTK_WIDGET (ar->title));
  gtk_box_append (GTK_BOX (ar->text_box), meta_box);

  ar->status = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->statuses)),
                                                 NULL));
  gtk_widget_set_name (GTK_WIDGET (ar->status), "coaching-action-status");
  gtk_widget_set_valign (GTK_WIDGET (ar->status), GTK_ALIGN_CENTER);
  ks_plan_set_tooltip (GTK_WIDGET (ar->status), _("Change the Status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ar->status),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_signal_connect (ar->status, "notify::selected", G_CALLBACK (on_action_status_selected), ar);
  if (self->status_width > 0)
    gtk_widget_set_size_request (GTK_WIDGET (ar->status), self->status_width, -1);

  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Action"));
  gtk_widget_set_name (delete_button, "coaching-action-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_action_delete_clicked), ar);

  gtk_grid_attach (GTK_GRID (grid), ar->text_box, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (ar->status), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), delete_button, 2, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (ar->row), grid);
  ks_plan_set_tooltip (ar->row, _("Edit the Action"));

  g_object_set_data_full (G_OBJECT (ar->row), ACTION_ROW_KEY, ar, action_row_free);
  return ar;
}

/* The drop-down's width showing its widest status, so that every row's lines up;
 * measured once, on a row in the window. */
static void
measure_status_width (KsMemberPage *self,
                      ActionRow    *ar)
{
  int widest = 0;

  if (!gtk_widget_get_realized (ar->row))
    return;

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

/* @under_way: the plan is active; an achieved, paused or dropped plan's actions are
 * not late, as on the timeline. */
static void
action_row_update (ActionRow              *ar,
                   const KsCoachingAction *action,
                   const char             *subtitle,
                   gboolean                under_way,
                   const GDate            *today)
{
  g_autofree char *due_text = NULL;
  g_autofree char *meta = NULL;
  gboolean overdue = under_way && ks_coaching_action_is_overdue (action, today);

  g_clear_pointer (&ar->action, ks_coaching_action_free);
  ar->action = ks_coaching_action_copy (action);
  g_free (ar->subtitle);
  ar->subtitle = g_strdup (subtitle);

  gtk_label_set_text (ar->title, action->title);

  if (action->due != NULL && *action->due != '\0')
    /* Translators: %s is a date, 2025-06-30 */
    due_text = g_strdup_printf (_("Due %s"), action->due);
  else
    due_text = g_strdup (_("No due date"));
  if (overdue)
    /* Translators: that a coaching action is overdue, its kind and due date: “Overdue ·
     * Training · Due 2026-05-01”; “Overdue” first, so that a narrow row shows it */
    meta = g_strdup_printf (_("Overdue · %s · %s"),
                            ks_coaching_action_kind_get_label (action->kind), due_text);
  else
    /* Translators: a coaching action's kind and due date: “Training · Due 2026-05-01” */
    meta = g_strdup_printf (_("%s · %s"), ks_coaching_action_kind_get_label (action->kind),
                            due_text);
  gtk_label_set_text (ar->meta, meta);
  set_css_class (GTK_WIDGET (ar->meta), "error", overdue);
  set_css_class (GTK_WIDGET (ar->meta), "dim-label", !overdue);
  gtk_widget_set_visible (GTK_WIDGET (ar->alert), overdue);
  ks_widget_set_tooltip_quietly (GTK_WIDGET (ar->meta),
                                 overdue ? _("Open and past its due date") : NULL);

  set_css_class (ar->text_box, "dim-label", ks_action_status_is_closed (action->status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ar->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, action->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meta, -1);

  ar->updating = TRUE;
  if ((guint) action->status < KS_N_ACTION_STATUSES)
    gtk_drop_down_set_selected (ar->status, action->status);
  ar->updating = FALSE;
}

/* ---- Session rows -------------------------------------------------------------- */

typedef struct
{
  KsMemberPage      *page;
  GtkWidget         *row;
  GtkLabel          *head;       /* date · type */
  GtkLabel          *rating;
  GtkLabel          *notes;
  GtkLabel          *next_step;
  KsCoachingSession *session;
  char              *subtitle;
} SessionRow;

#define SESSION_ROW_KEY "ks-coaching-session-row"

static SessionRow *
get_session_row (GtkWidget *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), SESSION_ROW_KEY) : NULL;
}

static void
session_row_free (gpointer data)
{
  SessionRow *sr = data;

  g_clear_pointer (&sr->session, ks_coaching_session_free);
  g_clear_pointer (&sr->subtitle, g_free);
  g_free (sr);
}

static void
on_session_delete_clicked (GtkButton  *button,
                           SessionRow *sr)
{
  if (sr->session != NULL)
    delete_session (sr->page, sr->session);
}

static SessionRow *
session_row_new (KsMemberPage *self)
{
  SessionRow *sr = g_new0 (SessionRow, 1);
  GtkWidget *grid;
  GtkWidget *text_box;
  GtkWidget *head_box;
  GtkWidget *delete_button;

  sr->page = self;
  sr->row = gtk_list_box_row_new ();
  gtk_widget_set_name (sr->row, "coaching-session-row");

  grid = row_grid_new ();

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);

  head_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  sr->head = label_new ("coaching-session-head", "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (sr->head), TRUE);
  sr->rating = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (sr->rating), "coaching-session-rating");
  gtk_widget_add_css_class (GTK_WIDGET (sr->rating), "ks-rating");
  gtk_widget_set_valign (GTK_WIDGET (sr->rating), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (head_box), GTK_WIDGET (sr->head));
  gtk_box_append (GTK_BOX (head_box), GTK_WIDGET (sr->rating));

  sr->notes = label_new ("coaching-session-notes", NULL);
  sr->next_step = label_new ("coaching-session-next-step", "ks-next-step");
  gtk_widget_add_css_class (GTK_WIDGET (sr->next_step), "caption");

  gtk_box_append (GTK_BOX (text_box), head_box);
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (sr->notes));
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (sr->next_step));

  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Session"));
  gtk_widget_set_name (delete_button, "coaching-session-delete");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_START);
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_session_delete_clicked), sr);

  gtk_grid_attach (GTK_GRID (grid), text_box, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), delete_button, 1, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (sr->row), grid);
  ks_plan_set_tooltip (sr->row, _("Edit the Session"));

  g_object_set_data_full (G_OBJECT (sr->row), SESSION_ROW_KEY, sr, session_row_free);
  return sr;
}

static void
session_row_update (SessionRow              *sr,
                    const KsCoachingSession *session,
                    const char              *subtitle)
{
  g_autofree char *head = NULL;
  g_autofree char *next = NULL;
  g_autofree char *rated = NULL;
  GString *stars = g_string_new (NULL);

  g_clear_pointer (&sr->session, ks_coaching_session_free);
  sr->session = ks_coaching_session_copy (session);
  g_free (sr->subtitle);
  sr->subtitle = g_strdup (subtitle);

  /* Translators: a coaching session's date and type: “2026-05-10 · One-on-one” */
  head = g_strdup_printf (_("%s · %s"), session->date,
                          ks_session_kind_get_label (session->kind));
  gtk_label_set_text (sr->head, head);

  if (session->rating >= 1 && session->rating <= 5)
    {
      for (int i = 1; i <= 5; i++)
        g_string_append (stars, i <= session->rating ? "★" : "☆");
      /* Translators: a coaching session's rating, read out and in its tooltip */
      rated = g_strdup_printf (_("Rated %d of 5"), session->rating);
    }
  gtk_label_set_text (sr->rating, stars->str);
  gtk_widget_set_visible (GTK_WIDGET (sr->rating), stars->len > 0);
  ks_widget_set_tooltip_quietly (GTK_WIDGET (sr->rating), rated);
  if (rated != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (sr->rating),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, rated, -1);
  g_string_free (stars, TRUE);

  gtk_label_set_text (sr->notes, session->notes ? session->notes : "");
  gtk_widget_set_visible (GTK_WIDGET (sr->notes),
                          session->notes != NULL && *session->notes != '\0');
  if (session->next_step != NULL && *session->next_step != '\0')
    /* Translators: the next step agreed in a coaching session */
    next = g_strdup_printf (_("Next step: %s"), session->next_step);
  gtk_label_set_text (sr->next_step, next ? next : "");
  gtk_widget_set_visible (GTK_WIDGET (sr->next_step), next != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (sr->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, head, -1);
}

/* ---- Plan cards ---------------------------------------------------------------- */

typedef struct
{
  KsMemberPage   *page;
  GtkWidget      *card;
  GtkImage       *alert;
  GtkLabel       *skill;
  GtkLabel       *status;
  GtkLabel       *levels;
  GtkLabel       *meta;        /* dates and coach */
  GtkLabel       *objective;
  GtkLabel       *progress;
  GtkLevelBar    *progress_bar;
  GtkLabel       *movement;
  GtkListBox     *action_list;
  GtkListBox     *session_list;
  GtkButton      *edit_button;
  KsCoachingPlan *plan;        /* what the card shows */
} PlanCard;

#define PLAN_CARD_KEY "ks-coaching-plan-card"

static void
plan_card_free (gpointer data)
{
  PlanCard *pc = data;

  g_clear_pointer (&pc->plan, ks_coaching_plan_free);
  g_free (pc);
}

static void
on_plan_edit_clicked (GtkButton *button,
                      PlanCard  *pc)
{
  KsCoachingPlanEditor *editor;

  if (pc->plan == NULL)
    return;
  editor = ks_coaching_plan_editor_new (pc->page->store, pc->plan->member_id, pc->plan);
  ks_plan_present_dialog (GTK_WIDGET (pc->page), GTK_WINDOW (editor));
}

static void
on_plan_delete_clicked (GtkButton *button,
                        PlanCard  *pc)
{
  if (pc->plan != NULL)
    delete_plan (pc->page, pc->plan);
}

static void
on_add_action_clicked (GtkButton *button,
                       PlanCard  *pc)
{
  g_autofree char *subtitle = NULL;
  KsCoachingActionEditor *editor;

  if (pc->plan == NULL)
    return;
  subtitle = editor_subtitle (pc->page, pc->plan);
  editor = ks_coaching_action_editor_new (pc->page->store, pc->plan->id, NULL, subtitle);
  ks_plan_present_dialog (GTK_WIDGET (pc->page), GTK_WINDOW (editor));
}

static void
on_add_session_clicked (GtkButton *button,
                        PlanCard  *pc)
{
  g_autofree char *subtitle = NULL;
  KsSessionEditor *editor;

  if (pc->plan == NULL)
    return;
  subtitle = editor_subtitle (pc->page, pc->plan);
  editor = ks_session_editor_new (pc->page->store, pc->plan->id, NULL, subtitle);
  ks_plan_present_dialog (GTK_WIDGET (pc->page), GTK_WINDOW (editor));
}

static void
on_action_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     PlanCard      *pc)
{
  ActionRow *ar = get_action_row (GTK_WIDGET (row));
  KsCoachingActionEditor *editor;

  if (ar == NULL || ar->action == NULL)
    return;
  editor = ks_coaching_action_editor_new (pc->page->store, ar->action->plan_id, ar->action,
                                          ar->subtitle);
  ks_plan_present_dialog (GTK_WIDGET (pc->page), GTK_WINDOW (editor));
}

static void
on_session_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      PlanCard      *pc)
{
  SessionRow *sr = get_session_row (GTK_WIDGET (row));
  KsSessionEditor *editor;

  if (sr == NULL || sr->session == NULL)
    return;
  editor = ks_session_editor_new (pc->page->store, sr->session->plan_id, sr->session,
                                  sr->subtitle);
  ks_plan_present_dialog (GTK_WIDGET (pc->page), GTK_WINDOW (editor));
}

/* A heading inside a card with a flat button at its end. */
static GtkWidget *
card_heading_new (const char *title,
                  const char *button_label,
                  const char *button_name,
                  const char *tooltip,
                  GCallback   callback,
                  PlanCard   *pc)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 4,
                                  -1);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), button_label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_name (button, button_name);
  gtk_widget_add_css_class (button, "flat");
  ks_plan_set_tooltip (button, tooltip);
  g_signal_connect (button, "clicked", callback, pc);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static GtkListBox *
card_list_new (const char *name,
               const char *accessible,
               const char *empty)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  GtkWidget *placeholder = gtk_label_new (empty);

  gtk_widget_set_name (GTK_WIDGET (list), name);
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (list, placeholder);
  return list;
}

static PlanCard *
plan_card_new (KsMemberPage *self)
{
  PlanCard *pc = g_new0 (PlanCard, 1);
  GtkWidget *head;
  GtkWidget *button;
  GtkWidget *progress_box;

  pc->page = self;
  pc->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (pc->card, "coaching-plan-card");
  gtk_widget_add_css_class (pc->card, "card");
  gtk_widget_add_css_class (pc->card, "ks-coaching-plan");
  gtk_accessible_update_property (GTK_ACCESSIBLE (pc->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coaching plan"), -1);

  /* Skill, status, and the plan's own buttons. */
  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  pc->alert = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_set_name (GTK_WIDGET (pc->alert), "coaching-plan-alert");
  gtk_widget_add_css_class (GTK_WIDGET (pc->alert), "error");
  gtk_widget_set_valign (GTK_WIDGET (pc->alert), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (pc->alert), FALSE);
  pc->skill = label_new ("coaching-plan-skill", "title-4");
  gtk_widget_set_hexpand (GTK_WIDGET (pc->skill), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (pc->skill), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pc->skill), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3,
                                  -1);
  pc->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (pc->status), "coaching-plan-status");
  gtk_widget_add_css_class (GTK_WIDGET (pc->status), "ks-coaching-status");
  gtk_widget_set_valign (GTK_WIDGET (pc->status), GTK_ALIGN_CENTER);
  button = ks_plan_icon_button_new ("document-edit-symbolic", _("Edit the Coaching Plan"));
  gtk_widget_set_name (button, "coaching-plan-edit");
  g_signal_connect (button, "clicked", G_CALLBACK (on_plan_edit_clicked), pc);
  pc->edit_button = GTK_BUTTON (button);
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (pc->alert));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (pc->skill));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (pc->status));
  gtk_box_append (GTK_BOX (head), button);
  button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete the Coaching Plan"));
  gtk_widget_set_name (button, "coaching-plan-delete");
  g_signal_connect (button, "clicked", G_CALLBACK (on_plan_delete_clicked), pc);
  gtk_box_append (GTK_BOX (head), button);
  gtk_box_append (GTK_BOX (pc->card), head);

  pc->levels = label_new ("coaching-plan-levels", NULL);
  pc->meta = label_new ("coaching-plan-meta", "caption");
  gtk_widget_add_css_class (GTK_WIDGET (pc->meta), "numeric");
  pc->objective = label_new ("coaching-plan-objective", NULL);
  gtk_label_set_lines (pc->objective, 6);
  gtk_box_append (GTK_BOX (pc->card), GTK_WIDGET (pc->levels));
  gtk_box_append (GTK_BOX (pc->card), GTK_WIDGET (pc->meta));
  gtk_box_append (GTK_BOX (pc->card), GTK_WIDGET (pc->objective));

  /* Progress: actions done, with a bar, and the levels gained. */
  progress_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (progress_box, 6);
  pc->progress = label_new ("plan-progress-label", NULL);
  pc->progress_bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
  gtk_widget_set_name (GTK_WIDGET (pc->progress_bar), "plan-progress-bar");
  pc->movement = label_new ("plan-level-movement", "caption");
  gtk_widget_add_css_class (GTK_WIDGET (pc->movement), "dim-label");
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (pc->progress));
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (pc->progress_bar));
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (pc->movement));
  gtk_box_append (GTK_BOX (pc->card), progress_box);

  /* Its actions, then its sessions. */
  head = card_heading_new (_("Actions"), _("Add _Action"), "add-coaching-action-button",
                           _("Add a Training, Drill, Shadowing, Reading or Rotation"),
                           G_CALLBACK (on_add_action_clicked), pc);
  gtk_widget_set_margin_top (head, 12);
  gtk_box_append (GTK_BOX (pc->card), head);
  pc->action_list = card_list_new ("coaching-action-list", _("Coaching actions"),
                                   _("No actions yet"));
  g_signal_connect (pc->action_list, "row-activated", G_CALLBACK (on_action_activated), pc);
  gtk_box_append (GTK_BOX (pc->card), GTK_WIDGET (pc->action_list));

  head = card_heading_new (_("Sessions"), _("Add _Session"), "add-coaching-session-button",
                           _("Record a Coaching Session"),
                           G_CALLBACK (on_add_session_clicked), pc);
  gtk_widget_set_margin_top (head, 12);
  gtk_box_append (GTK_BOX (pc->card), head);
  pc->session_list = card_list_new ("coaching-session-list", _("Coaching sessions"),
                                    _("No sessions yet"));
  g_signal_connect (pc->session_list, "row-activated", G_CALLBACK (on_session_activated), pc);
  gtk_box_append (GTK_BOX (pc->card), GTK_WIDGET (pc->session_list));

  g_object_set_data_full (G_OBJECT (pc->card), PLAN_CARD_KEY, pc, plan_card_free);
  return pc;
}

static char *
format_movement (const KsCoachingProgress *progress)
{
  int gained = progress->levels_gained;
  int planned = progress->levels_planned;

  if (gained < 0)
    /* Translators: a member's level fell since the coaching plan began */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Down %d level since the start",
                                         "Down %d levels since the start", -gained),
                            -gained);
  if (planned <= 0)
    return g_strdup (_("At or past the target level"));
  if (gained == 0)
    /* Translators: no level gained yet, of the levels the coaching plan aims to gain */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "No level gained yet of %d planned",
                                         "No level gained yet of %d planned", planned),
                            planned);
  /* Translators: levels gained since the coaching plan began, of those it aims to gain,
   * and the share: “Up 1 level of 2 planned · 50 %” */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Up %d level of %d planned · %.0f %%",
                                       "Up %d levels of %d planned · %.0f %%", gained),
                          gained, planned, progress->levels_percent);
}

static void
plan_card_update (PlanCard             *pc,
                  const KsCoachingPlan *plan,
                  const GDate          *today)
{
  KsMemberPage *self = pc->page;
  static const char * const status_classes[] = { "active", "achieved", "paused", "dropped" };
  g_autofree char *levels = ks_team_chart_view_format_levels (plan);
  g_autofree char *dates = ks_team_chart_view_format_dates (plan);
  g_autofree char *meta = NULL;
  g_autofree char *progress_text = NULL;
  g_autofree char *movement = NULL;
  g_autofree char *subtitle = editor_subtitle (self, plan);
  g_autofree char *accessible = NULL;
  GString *alert = g_string_new (NULL);
  /* Only a plan under way can be late, as on the timeline. */
  gboolean under_way = plan->status == KS_COACHING_ACTIVE;
  KsCoachingProgress progress;
  guint n_actions = plan->actions != NULL ? plan->actions->len : 0;
  guint n_sessions = plan->sessions != NULL ? plan->sessions->len : 0;
  GtkWidget *row;

  g_clear_pointer (&pc->plan, ks_coaching_plan_free);
  pc->plan = ks_coaching_plan_copy (plan);
  ks_coaching_plan_progress (plan, today, &progress);

  gtk_label_set_text (pc->skill, ks_coaching_plan_get_skill_name (plan));
  gtk_label_set_text (pc->status, ks_coaching_status_get_label (plan->status));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    set_css_class (GTK_WIDGET (pc->status), status_classes[i], (guint) plan->status == i);
  gtk_label_set_text (pc->levels, levels);

  if (plan->coach != NULL && *plan->coach != '\0')
    /* Translators: a coaching plan's dates and coach: “2026-01-10 → 2026-06-30 · Coach:
     * Wang Lei” */
    meta = g_strdup_printf (_("%s · Coach: %s"), dates, plan->coach);
  else
    meta = g_strdup (dates);
  gtk_label_set_text (pc->meta, meta);
  set_css_class (GTK_WIDGET (pc->meta), "error", progress.overdue);
  set_css_class (GTK_WIDGET (pc->meta), "dim-label", !progress.overdue);

  gtk_label_set_text (pc->objective, plan->objective ? plan->objective : "");
  gtk_widget_set_visible (GTK_WIDGET (pc->objective),
                          plan->objective != NULL && *plan->objective != '\0');

  /* What is late: the plan itself, and its actions. */
  if (progress.overdue)
    g_string_append (alert, _("Past its due date"));
  if (under_way && progress.overdue_actions > 0)
    {
      if (alert->len > 0)
        g_string_append (alert, "\n");
      g_string_append_printf (alert, g_dngettext (GETTEXT_PACKAGE, "%u overdue action",
                                                  "%u overdue actions",
                                                  progress.overdue_actions),
                              progress.overdue_actions);
    }
  gtk_widget_set_visible (GTK_WIDGET (pc->alert), alert->len > 0);
  ks_widget_set_tooltip_quietly (GTK_WIDGET (pc->alert), alert->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pc->alert),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, alert->str, -1);
  set_css_class (pc->card, "ks-overdue", alert->len > 0);

  if (progress.actions_counted > 0)
    /* Translators: a coaching plan's progress: actions done, of those not dropped, and
     * the share: “1 of 2 actions done · 50 %” */
    progress_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u of %u action done · %.0f %%",
                                                  "%u of %u actions done · %.0f %%",
                                                  progress.actions_counted),
                                     progress.actions_done, progress.actions_counted,
                                     progress.actions_percent);
  else if (n_actions > 0)
    progress_text = g_strdup (_("Every action was dropped"));
  else
    progress_text = g_strdup (_("No actions yet · 0 %"));
  gtk_label_set_text (pc->progress, progress_text);
  gtk_level_bar_set_value (pc->progress_bar, CLAMP (progress.actions_percent, 0, 100) / 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pc->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, progress_text, -1);
  movement = format_movement (&progress);
  gtk_label_set_text (pc->movement, movement);

  /* Translators: how a screen reader names a coaching plan: skill, status, levels */
  accessible = g_strdup_printf (_("%s, %s, %s"), ks_coaching_plan_get_skill_name (plan),
                                ks_coaching_status_get_label (plan->status), levels);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pc->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, alert->str, -1);
  g_string_free (alert, TRUE);

  /* The rows, reused by position. */
  for (guint i = 0; i < n_actions; i++)
    {
      ActionRow *ar;

      row = GTK_WIDGET (gtk_list_box_get_row_at_index (pc->action_list, i));
      if (row != NULL)
        {
          ar = get_action_row (row);
        }
      else
        {
          ar = action_row_new (self);
          gtk_list_box_append (pc->action_list, ar->row);
          if (self->status_width == 0)
            measure_status_width (self, ar);
        }
      action_row_update (ar, g_ptr_array_index (plan->actions, i), subtitle, under_way,
                         today);
    }
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (pc->action_list, n_actions))) != NULL)
    gtk_list_box_remove (pc->action_list, row);

  for (guint i = 0; i < n_sessions; i++)
    {
      SessionRow *sr;

      row = GTK_WIDGET (gtk_list_box_get_row_at_index (pc->session_list, i));
      if (row != NULL)
        {
          sr = get_session_row (row);
        }
      else
        {
          sr = session_row_new (self);
          gtk_list_box_append (pc->session_list, sr->row);
        }
      session_row_update (sr, g_ptr_array_index (plan->sessions, i), subtitle);
    }
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (pc->session_list,
                                                             n_sessions))) != NULL)
    gtk_list_box_remove (pc->session_list, row);
}

/* ---- Building the cards -------------------------------------------------------- */

/* Cards a pass creates at most: a card with its rows costs a few milliseconds, and a
 * page of thirty plans would keep its first frame waiting for them all. Updating a
 * card that exists is cheap, and not limited. The first frame makes only the cards
 * it shows: none when the charts of many plans fill the window. The heights are the
 * least each part takes, so that the estimate errs towards a card too many. */
#define FIRST_CARDS          2
#define CARDS_PER_PASS       2
#define CARD_HEIGHT          240
#define KPI_HEIGHT           70
#define ACCOUNT_ROW_HEIGHT   50
#define GROUP_HEIGHT         60    /* a group's title and the space above it */

static gboolean
build_pass (KsMemberPage *self,
            guint         max_new)
{
  guint created = 0;
  GDate today;

  ks_store_get_today (self->store, &today);

  for (; self->n_cards_shown < self->plans->len; self->n_cards_shown++)
    {
      PlanCard *pc;

      if (self->n_cards_shown < self->cards->len)
        {
          pc = g_ptr_array_index (self->cards, self->n_cards_shown);
        }
      else
        {
          if (created == max_new)
            return FALSE;
          pc = plan_card_new (self);
          gtk_box_append (self->plan_box, pc->card);
          g_ptr_array_add (self->cards, pc);
          created++;
        }
      plan_card_update (pc, g_ptr_array_index (self->plans, self->n_cards_shown), &today);
    }

  while (self->cards->len > self->plans->len)
    {
      PlanCard *pc = g_ptr_array_steal_index (self->cards, self->cards->len - 1);

      gtk_box_remove (self->plan_box, pc->card);
    }
  return TRUE;
}

static gboolean
build_more (gpointer data)
{
  KsMemberPage *self = data;

  /* Unmapped half-way: the rest waits for the next map. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->build_id = 0;
      self->cards_dirty = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (!build_pass (self, CARDS_PER_PASS))
    return G_SOURCE_CONTINUE;

  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

/* How many cards the window shows below the figures, the accounts and the charts. */
static guint
cards_to_fill (KsMemberPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;
  int above = KPI_HEIGHT + 4 * GROUP_HEIGHT;
  guint n_accounts = 0;

  if (height <= 0)
    return FIRST_CARDS;

  while (gtk_list_box_get_row_at_index (self->account_list, n_accounts) != NULL)
    n_accounts++;
  above += MAX (n_accounts, 1) * ACCOUNT_ROW_HEIGHT;
  if (self->plans->len > 0)
    above += gtk_drawing_area_get_content_height (GTK_DRAWING_AREA (self->skills_chart)) +
             gtk_drawing_area_get_content_height (GTK_DRAWING_AREA (self->timeline_chart));
  if (above >= height)
    return 0;
  return MIN ((guint) (height - above) / CARD_HEIGHT + 1, FIRST_CARDS);
}

static void
rebuild_cards (KsMemberPage *self)
{
  self->cards_dirty = FALSE;
  self->n_cards_shown = 0;
  g_clear_handle_id (&self->build_id, g_source_remove);

  gtk_widget_set_visible (self->plans_empty, self->plans->len == 0);
  if (!build_pass (self, cards_to_fill (self)))
    self->build_id = ks_plan_idle_add_after_frame (GTK_WIDGET (self), build_more, self);
}

/* ---- Reading ------------------------------------------------------------------- */

static void
update_title (KsMemberPage *self)
{
  const char *role = self->member->role;

  adw_window_title_set_title (self->window_title, self->member->name);
  adw_window_title_set_subtitle (self->window_title, role != NULL && *role != '\0' ? role : NULL);
}

/* The mentor, the mentees, the notes. */
static void
update_about (KsMemberPage *self)
{
  g_autoptr(GPtrArray) members = ks_store_dup_members (self->store, NULL);
  GString *text = g_string_new (NULL);
  GString *mentees = g_string_new (NULL);
  const char *mentor = NULL;

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const KsMember *other = g_ptr_array_index (members, i);

      if (other->id == self->member->mentor_id)
        mentor = other->name;
      if (other->mentor_id == self->member->id && other->id != self->member->id)
        {
          if (mentees->len > 0)
            /* Translators: between names in a list */
            g_string_append (mentees, _(", "));
          g_string_append (mentees, other->name);
        }
    }

  if (mentor != NULL)
    /* Translators: %s is the name of a team member's mentor */
    g_string_append_printf (text, _("Mentor: %s"), mentor);
  if (mentees->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: %s is a list of the members a team member mentors */
      g_string_append_printf (text, _("Mentees: %s"), mentees->str);
    }
  if (self->member->notes != NULL && *self->member->notes != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, self->member->notes);
    }

  gtk_label_set_text (self->about_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->about_label), text->len > 0);
  g_string_free (text, TRUE);
  g_string_free (mentees, TRUE);
}

static void
update_accounts (KsMemberPage *self)
{
  GListModel *accounts = ks_store_get_accounts (self->store);
  KsMemberKpis kpis;
  GtkListBoxRow *row;

  ks_member_kpis_compute (self->member->name, accounts, &kpis);
  for (guint i = 0; i < KS_N_TEAM_KPIS; i++)
    {
      g_autofree char *text = ks_team_kpi_format (i, &kpis);

      gtk_label_set_text (self->kpi_values[i], text);
      set_css_class (GTK_WIDGET (self->kpi_values[i]), "error", ks_team_kpi_is_alert (i, &kpis));
    }

  while ((row = gtk_list_box_get_row_at_index (self->account_list, 0)) != NULL)
    gtk_list_box_remove (self->account_list, GTK_WIDGET (row));
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);
      const KsPlanSummary *summary;
      g_autofree char *subtitle = NULL;
      g_autofree char *ytd = NULL;
      GtkWidget *account_row;
      GtkWidget *arrow;

      if (!ks_member_owns (self->member->name, account))
        continue;

      summary = ks_account_get_plan_summary (account);
      if (summary->has_attainment)
        /* Translators: year-to-date attainment under an account's name, “YTD 87 %” */
        ytd = g_strdup_printf (_("YTD %.0f %%"), summary->attainment_ytd);
      else
        ytd = g_strdup (_("No revenue target this year"));
      /* Translators: under an account's name: its tier and YTD attainment */
      subtitle = g_strdup_printf (_("%s · %s"), ks_tier_get_label (ks_account_get_tier (account)),
                                  ytd);

      account_row = adw_action_row_new ();
      gtk_widget_set_name (account_row, "member-account-row");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (account_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (account_row),
                                     ks_account_get_name (account));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (account_row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (account_row), TRUE);
      arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (account_row), arrow);
      g_object_set_data (G_OBJECT (account_row), "ks-account-id",
                         GSIZE_TO_POINTER ((gsize) ks_account_get_id (account)));
      gtk_list_box_append (self->account_list, account_row);
    }
}

static void
update_charts (KsMemberPage *self)
{
  GDate today;
  gboolean any = self->plans->len > 0;

  ks_store_get_today (self->store, &today);
  ks_skills_chart_view_set_plans (self->skills_chart, self->plans);
  ks_coaching_timeline_view_set_plans (self->timeline_chart, self->plans, &today);
  /* Without plans the page says so once, under Coaching Plans. */
  gtk_widget_set_visible (GTK_WIDGET (self->skills_group), any);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), any);
}

/* The member was deleted: back to the views, when this page is the one shown. */
static void
member_gone (KsMemberPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->gone = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.add-plan", FALSE);
  if (KS_IS_WINDOW (root) && ks_window_get_member_page (KS_WINDOW (root)) == self)
    ks_window_show_views (KS_WINDOW (root));
}

static void
load_team (KsMemberPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  KsMember *member;

  self->team_dirty = FALSE;
  member = ks_store_dup_member (self->store, self->member_id, &error);
  if (member == NULL)
    {
      if (g_error_matches (error, KS_ERROR, KS_ERROR_NOT_FOUND))
        member_gone (self);
      else
        g_warning ("Could not read the team member: %s", error->message);
      return;
    }
  g_clear_pointer (&self->member, ks_member_free);
  self->member = member;

  plans = ks_store_dup_coaching_plans (self->store, self->member_id, &error);
  if (plans == NULL)
    {
      g_warning ("Could not read the coaching plans: %s", error->message);
      plans = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_coaching_plan_free);
    }
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  self->plans = g_steal_pointer (&plans);

  update_title (self);
  update_about (self);
  update_charts (self);
  /* A new name may be the owner of other accounts. */
  self->accounts_dirty = TRUE;

  g_clear_handle_id (&self->build_id, g_source_remove);
  self->cards_dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_cards (self);
}

static void
load (KsMemberPage *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->gone)
    return;
  if (self->team_dirty || self->member == NULL)
    load_team (self);
  if (self->member != NULL && self->accounts_dirty && !self->gone)
    {
      self->accounts_dirty = FALSE;
      update_accounts (self);
    }
}

static gboolean
reload_idle (gpointer data)
{
  KsMemberPage *self = data;

  self->reload_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (KsMemberPage *self)
{
  if (self->reload_id == 0 && !self->gone)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle, self, NULL);
}

static void
on_team_changed (KsMemberPage *self)
{
  self->team_dirty = TRUE;
  queue_reload (self);
}

static void
on_accounts_changed (KsMemberPage *self)
{
  self->accounts_dirty = TRUE;
  queue_reload (self);
}

/* ---- Activation and actions ---------------------------------------------------- */

static void
on_account_activated (KsMemberPage  *self,
                      GtkListBoxRow *row)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "ks-account-id"));

  if (id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-account", "x", id);
}

/* A bar of the timeline clicked: its card comes into view, its edit button focused. */
static void
on_plan_activated (KsMemberPage *self,
                   gint64        plan_id)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  GtkWidget *child = gtk_scrolled_window_get_child (self->scrolled);

  while (self->build_id != 0 && !build_pass (self, G_MAXUINT))
    ;
  g_clear_handle_id (&self->build_id, g_source_remove);

  for (guint i = 0; i < self->cards->len; i++)
    {
      PlanCard *pc = g_ptr_array_index (self->cards, i);
      graphene_point_t point;

      if (pc->plan == NULL || pc->plan->id != plan_id)
        continue;
      if (gtk_widget_compute_point (pc->card, child, &GRAPHENE_POINT_INIT (0, 0), &point))
        gtk_adjustment_set_value (adjustment, MAX (point.y - 12, 0));
      gtk_widget_grab_focus (GTK_WIDGET (pc->edit_button));
      return;
    }
}

static gboolean
on_plans_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      KsMemberPage          *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  ActionRow *ar;
  SessionRow *sr;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0 || !GTK_IS_LIST_BOX_ROW (focus))
    return GDK_EVENT_PROPAGATE;

  if ((ar = get_action_row (focus)) != NULL && ar->action != NULL)
    {
      delete_action (self, ar->action);
      return GDK_EVENT_STOP;
    }
  if ((sr = get_session_row (focus)) != NULL && sr->session != NULL)
    {
      delete_session (self, sr->session);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KsMemberPage *self = KS_MEMBER_PAGE (widget);

  if (self->member == NULL || self->gone)
    return;
  ks_plan_present_dialog (widget, GTK_WINDOW (ks_member_editor_new (self->store, self->member)));
}

static void
delete_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KsMemberPage *self = KS_MEMBER_PAGE (widget);

  if (!self->gone)
    ks_member_editor_confirm_delete (widget, self->store, self->member_id);
}

static void
add_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KsMemberPage *self = KS_MEMBER_PAGE (widget);

  if (self->gone)
    return;
  ks_plan_present_dialog (widget,
                          GTK_WINDOW (ks_coaching_plan_editor_new (self->store, self->member_id,
                                                                   NULL)));
}

/* ---- GObject ------------------------------------------------------------------- */

static gboolean
go_back_idle (gpointer data)
{
  KsMemberPage *self = data;

  self->gone_id = 0;
  member_gone (self);
  return G_SOURCE_REMOVE;
}

static void
ks_member_page_map (GtkWidget *widget)
{
  KsMemberPage *self = KS_MEMBER_PAGE (widget);

  /* Before the children are mapped: what changed meanwhile comes with the first frame. */
  if (self->team_dirty || self->accounts_dirty)
    load (self);
  if (self->cards_dirty && self->plans != NULL)
    rebuild_cards (self);

  GTK_WIDGET_CLASS (ks_member_page_parent_class)->map (widget);

  /* Opened for a member deleted meanwhile (a stale id): back to the views. */
  if (self->gone && self->gone_id == 0)
    self->gone_id = g_idle_add (go_back_idle, self);
}

static void
ks_member_page_dispose (GObject *object)
{
  KsMemberPage *self = KS_MEMBER_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_handle_id (&self->gone_id, g_source_remove);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (ks_store_get_accounts (self->store), self);
    }
  g_clear_object (&self->store);
  g_clear_object (&self->statuses);
  g_clear_pointer (&self->member, ks_member_free);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->cards, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_member_page_parent_class)->dispose (object);
}

static void
ks_member_page_class_init (KsMemberPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_member_page_dispose;
  widget_class->map = ks_member_page_map;

  g_type_ensure (KS_TYPE_SKILLS_CHART_VIEW);
  g_type_ensure (KS_TYPE_COACHING_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-member-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, kpi_box);
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, about_label);
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, account_list);
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, skills_group);
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, skills_chart);
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, timeline_chart);
  gtk_widget_class_bind_template_child (widget_class, KsMemberPage, plan_box);
  gtk_widget_class_bind_template_callback (widget_class, on_account_activated);

  gtk_widget_class_install_action (widget_class, "member.edit", NULL, edit_member_action);
  gtk_widget_class_install_action (widget_class, "member.delete", NULL, delete_member_action);
  gtk_widget_class_install_action (widget_class, "member.add-plan", NULL, add_plan_action);
}

static void
add_kpi_tiles (KsMemberPage *self)
{
  for (guint i = 0; i < KS_N_TEAM_KPIS; i++)
    {
      g_autofree char *name = g_strdup_printf ("member-kpi-%s", ks_team_kpi_get_key (i));
      GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("—");
      GtkWidget *title = gtk_label_new (ks_team_kpi_get_title (i));

      gtk_widget_add_css_class (tile, "card");
      gtk_widget_add_css_class (tile, "ks-member-kpi");
      gtk_widget_set_name (value, name);
      gtk_widget_add_css_class (value, "title-2");
      gtk_widget_add_css_class (value, "numeric");
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (title, "caption");
      gtk_widget_add_css_class (title, "dim-label");
      gtk_box_append (GTK_BOX (tile), value);
      gtk_box_append (GTK_BOX (tile), title);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
      gtk_flow_box_append (self->kpi_box, tile);
      /* Figures to read, not items to pick. */
      gtk_widget_set_focusable (gtk_widget_get_parent (tile), FALSE);
      self->kpi_values[i] = GTK_LABEL (value);
    }
}

static void
ks_member_page_init (KsMemberPage *self)
{
  GtkEventController *keys;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cards = g_ptr_array_new ();
  self->statuses = gtk_string_list_new (NULL);
  for (guint i = 0; i < KS_N_ACTION_STATUSES; i++)
    gtk_string_list_append (self->statuses, ks_action_status_get_label (i));

  add_kpi_tiles (self);

  placeholder = ks_plan_empty_state_new ("folder-symbolic", _("No accounts owned"),
                                         _("Accounts whose owner is this member show here."));
  gtk_widget_set_name (placeholder, "member-accounts-empty");
  gtk_list_box_set_placeholder (self->account_list, placeholder);

  /* The empty state in a card, as wide as the cards of the plans. */
  self->plans_empty = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_name (self->plans_empty, "coaching-plans-empty");
  gtk_widget_add_css_class (self->plans_empty, "card");
  gtk_box_append (GTK_BOX (self->plans_empty),
                  ks_plan_empty_state_new ("starred-symbolic", _("No coaching plans yet"),
                                           _("Add a plan for a skill to grow: where the "
                                             "member is, where they aim, and the actions "
                                             "and sessions that get them there.")));
  gtk_widget_set_visible (self->plans_empty, FALSE);
  gtk_box_append (self->plan_box, self->plans_empty);

  g_signal_connect_object (self->timeline_chart, "plan-activated",
                           G_CALLBACK (on_plan_activated), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_plans_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->plan_box), keys);
}

GtkWidget *
ks_member_page_new (KsStore *store,
                    gint64   member_id)
{
  KsMemberPage *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  self = g_object_new (KS_TYPE_MEMBER_PAGE, NULL);
  self->store = g_object_ref (store);
  self->member_id = member_id;

  g_signal_connect_object (store, "team-changed", G_CALLBACK (on_team_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ks_store_get_accounts (store), "items-changed",
                           G_CALLBACK (on_accounts_changed), self, G_CONNECT_SWAPPED);
  /* New rules may put an account in another tier: the key accounts change. */
  g_signal_connect_object (store, "rules-changed", G_CALLBACK (on_accounts_changed), self,
                           G_CONNECT_SWAPPED);

  /* The header and figures at once; the cards when the page is mapped. */
  self->team_dirty = TRUE;
  self->accounts_dirty = TRUE;
  load (self);
  return GTK_WIDGET (self);
}

gint64
ks_member_page_get_member_id (KsMemberPage *self)
{
  g_return_val_if_fail (KS_IS_MEMBER_PAGE (self), 0);
  return self->member_id;
}
