/* test-team-window.c — the Team view and a member's page in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ks-application.h"
#include "ks-coaching-action-editor.h"
#include "ks-coaching-plan-editor.h"
#include "ks-member-editor.h"
#include "ks-member-page.h"
#include "ks-session-editor.h"
#include "ks-store.h"
#include "ks-team-view.h"
#include "ks-test-ui.h"
#include "ks-window.h"

typedef struct
{
  char *dir;
  char *path;
  KsWindow *window;
  KsStore *store;
} Fixture;

static KsApplication *app;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = ks_test_ui_open_window (app, "team-ui", &f->dir, &f->path);
  f->store = ks_window_get_store (f->window);
  ks_test_ui_set_today (f->store, 2026, G_DATE_MAY, 20);
  ks_test_ui_wait (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ks_test_ui_close_all (&f->dir, &f->path);
}

/* ---- Helpers ------------------------------------------------------------------- */

static GtkWidget *
find_mapped (GtkWidget  *root,
             const char *name)
{
  GtkWidget *widget = ks_test_ui_find_by_name (root, name);

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  return widget;
}

static void
click (GtkWidget  *root,
       const char *name)
{
  g_signal_emit_by_name (find_mapped (root, name), "clicked");
  ks_test_ui_wait (150);
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  GtkWidget *widget = ks_test_ui_find_by_name (root, name);

  g_assert_nonnull (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  ks_test_ui_wait (10);
}

static void
select_in (GtkWidget  *root,
           const char *name,
           guint       position)
{
  GtkWidget *row = ks_test_ui_find_by_name (root, name);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  ks_test_ui_wait (10);
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = ks_test_ui_find_by_name (root, name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static GtkWindow *
find_editor (Fixture *f,
             GType    type)
{
  GtkWindow *editor = ks_test_ui_find_toplevel (type, NULL);

  g_assert_nonnull (editor);
  return editor;
}

static KsTeamView *
show_team (Fixture *f)
{
  AdwViewStack *stack = ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                                 ADW_TYPE_VIEW_STACK));
  GtkWidget *view;

  ks_window_show_views (f->window);
  adw_view_stack_set_visible_child_name (stack, "team");
  ks_test_ui_wait (150);
  view = ks_test_ui_find_by_type (GTK_WIDGET (f->window), KS_TYPE_TEAM_VIEW);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  return KS_TEAM_VIEW (view);
}

static void
load_sample (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-sample", NULL));
  ks_test_ui_wait (200);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), >, 0);
}

static KsMember *
find_member (Fixture    *f,
             const char *name)
{
  g_autoptr(GPtrArray) members = ks_store_dup_members (f->store, NULL);

  g_assert (members != NULL);
  for (guint i = 0; i < members->len; i++)
    {
      KsMember *member = g_ptr_array_index (members, i);

      if (g_strcmp0 (member->name, name) == 0)
        return ks_member_copy (member);
    }
  return NULL;
}

static guint
n_members (Fixture *f)
{
  g_autoptr(GPtrArray) members = ks_store_dup_members (f->store, NULL);

  g_assert (members != NULL);
  return members->len;
}

static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0 && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* The row the Team list draws for the member @name, or NULL. */
static GtkWidget *
team_row (KsTeamView *view,
          const char *name)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_named (GTK_WIDGET (view), "team-cell-name", cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkInscription *cell = g_ptr_array_index (cells, i);

      if (g_strcmp0 (gtk_inscription_get_text (cell), name) == 0)
        /* inscription → cell → row */
        return gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (cell)));
    }
  return NULL;
}

/* What the row shows in the column @key ("role", "key-accounts"…). */
static const char *
team_cell (GtkWidget  *row,
           const char *key)
{
  g_autofree char *name = g_strdup_printf ("team-cell-%s", key);
  GtkWidget *cell = ks_test_ui_find_by_name (row, name);

  g_assert_true (GTK_IS_INSCRIPTION (cell));
  return gtk_inscription_get_text (GTK_INSCRIPTION (cell));
}

/* The status drop-down of the action row titled @title. */
static GtkDropDown *
action_status (GtkWidget  *page,
               const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_named (page, "coaching-action-row", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (label_text (row, "coaching-action-title-label"), title) == 0)
        return GTK_DROP_DOWN (find_mapped (row, "coaching-action-status"));
    }
  g_assert_not_reached ();
}

static guint
count_mapped (GtkWidget  *root,
              const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (root, name, found);
  return found->len;
}

/* Adds a member through the Team view's dialog. */
static void
add_member (Fixture    *f,
            KsTeamView *view,
            const char *button,
            const char *name,
            const char *role)
{
  GtkWindow *editor;

  click (GTK_WIDGET (view), button);
  editor = find_editor (f, KS_TYPE_MEMBER_EDITOR);
  type_into (GTK_WIDGET (editor), "member-name", name);
  type_into (GTK_WIDGET (editor), "member-role", role);
  click (GTK_WIDGET (editor), "member-save");
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_MEMBER_EDITOR, NULL));
}

static KsMemberPage *
open_member (Fixture *f,
             gint64   id)
{
  KsMemberPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-member", "x",
                                             id));
  ks_test_ui_wait (200);
  page = ks_window_get_member_page (f->window);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  return page;
}

/* ---- Tests --------------------------------------------------------------------- */

/* No member yet: the Team view says so and offers to add one. */
static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  KsTeamView *view = show_team (f);

  g_assert_cmpuint (n_members (f), ==, 0);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (view), "No Team Members Yet"));
  find_mapped (GTK_WIDGET (view), "team-empty-add-button");
  g_assert_false (gtk_widget_get_mapped (ks_test_ui_find_by_name (GTK_WIDGET (view),
                                                                  "team-list")));

  /* A member who is not there (a stale id) opens nothing: the views stay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-member", "x",
                                             (gint64) 4242));
  ks_test_ui_wait (200);
  g_assert_null (ks_window_get_member_page (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* The portfolio's owners join the team: the list replaces the empty state. */
  load_sample (f);
  g_assert_false (ks_test_ui_has_text (GTK_WIDGET (view), "No Team Members Yet"));
  find_mapped (GTK_WIDGET (view), "team-list");
  g_assert_nonnull (team_row (view, "王磊"));
}

/* The scenario: a member added in the Team view, a plan with two actions, one
 * done: 50 %; overdue actions stand out; the Team list shows the KPIs. */
static void
test_coaching_plan (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KsMember) member = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  KsTeamView *view = show_team (f);
  KsMemberPage *page;
  GtkWindow *editor;
  GtkWidget *row;
  GtkWidget *card;
  GtkColumnView *list;
  const char *progress;

  add_member (f, view, "team-empty-add-button", "Zhao Min", "Key Account Manager");
  member = find_member (f, "Zhao Min");
  g_assert_nonnull (member);
  g_assert_cmpstr (member->role, ==, "Key Account Manager");

  /* Listed, with figures of nothing owned. */
  ks_test_ui_wait (100);
  row = team_row (view, "Zhao Min");
  g_assert_nonnull (row);
  g_assert_cmpstr (team_cell (row, "role"), ==, "Key Account Manager");
  g_assert_cmpstr (team_cell (row, "accounts"), ==, "0");
  g_assert_cmpstr (team_cell (row, "ytd"), ==, "—");
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (view), "1 member"));

  /* Enter on the row opens the member's page. */
  list = GTK_COLUMN_VIEW (find_mapped (GTK_WIDGET (view), "team-list"));
  g_signal_emit_by_name (list, "activate", 0);
  ks_test_ui_wait (200);
  page = ks_window_get_member_page (f->window);
  g_assert_nonnull (page);
  g_assert_cmpint (ks_member_page_get_member_id (page), ==, member->id);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "Zhao Min"));
  find_mapped (GTK_WIDGET (page), "coaching-plans-empty");
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                        NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  /* A negotiation plan, level 2 aiming at 4. */
  click (GTK_WIDGET (page), "add-coaching-plan-button");
  editor = find_editor (f, KS_TYPE_COACHING_PLAN_EDITOR);
  select_in (GTK_WIDGET (editor), "plan-skill-row", KS_SKILL_NEGOTIATION);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                       "plan-current-level")),
                             2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                       "plan-target-level")),
                             4);
  type_into (GTK_WIDGET (editor), "plan-objective", "Close renewals without a discount");
  type_into (GTK_WIDGET (editor), "plan-due", "2026-09-30");
  click (GTK_WIDGET (editor), "plan-save");
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_COACHING_PLAN_EDITOR, NULL));

  plans = ks_store_dup_coaching_plans (f->store, member->id, NULL);
  g_assert_cmpuint (plans->len, ==, 1);
  {
    KsCoachingPlan *plan = g_ptr_array_index (plans, 0);

    g_assert_cmpint (plan->skill, ==, KS_SKILL_NEGOTIATION);
    /* A new plan starts where the member is. */
    g_assert_cmpint (plan->start_level, ==, 2);
    g_assert_cmpint (plan->current_level, ==, 2);
    g_assert_cmpint (plan->target_level, ==, 4);
    g_assert_cmpstr (plan->start, ==, "2026-05-20");
  }
  g_clear_pointer (&plans, g_ptr_array_unref);

  card = find_mapped (GTK_WIDGET (page), "coaching-plan-card");
  g_assert_false (gtk_widget_get_mapped (ks_test_ui_find_by_name (GTK_WIDGET (page),
                                                                  "coaching-plans-empty")));
  g_assert_cmpstr (label_text (card, "coaching-plan-skill"), ==, "Negotiation");
  g_assert_cmpstr (label_text (card, "coaching-plan-levels"), ==, "Level 2 of target 4");
  find_mapped (GTK_WIDGET (page), "member-skills-chart");
  find_mapped (GTK_WIDGET (page), "member-timeline-chart");

  /* Two actions: one saved with the button, one with Enter; the second is overdue. */
  click (card, "add-coaching-action-button");
  editor = find_editor (f, KS_TYPE_COACHING_ACTION_EDITOR);
  type_into (GTK_WIDGET (editor), "coaching-action-title", "Role-play a price negotiation");
  select_in (GTK_WIDGET (editor), "coaching-action-kind-row", KS_COACHING_ACTION_ROLE_PLAY);
  type_into (GTK_WIDGET (editor), "coaching-action-due", "2026-06-15");
  click (GTK_WIDGET (editor), "coaching-action-save");
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_COACHING_ACTION_EDITOR, NULL));

  click (card, "add-coaching-action-button");
  editor = find_editor (f, KS_TYPE_COACHING_ACTION_EDITOR);
  type_into (GTK_WIDGET (editor), "coaching-action-due", "2026-05-01");
  type_into (GTK_WIDGET (editor), "coaching-action-title", "Read “Getting to Yes”");
  g_signal_emit_by_name (ks_test_ui_find_by_name (GTK_WIDGET (editor), "coaching-action-title"),
                         "entry-activated");
  ks_test_ui_wait (150);
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_COACHING_ACTION_EDITOR, NULL));

  card = find_mapped (GTK_WIDGET (page), "coaching-plan-card");
  g_assert_cmpuint (count_mapped (card, "coaching-action-row"), ==, 2);
  g_assert_cmpstr (label_text (card, "plan-progress-label"), ==, "0 of 2 actions done · 0 %");
  /* The overdue action and its plan stand out. */
  g_assert_true (gtk_widget_has_css_class (card, "ks-overdue"));
  find_mapped (card, "coaching-plan-alert");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (find_mapped (card,
                                                                      "coaching-plan-alert")),
                            "1 overdue action"));

  /* One done, in its row: 50 %. */
  gtk_drop_down_set_selected (action_status (GTK_WIDGET (page),
                                             "Role-play a price negotiation"),
                              KS_ACTION_DONE);
  ks_test_ui_wait (200);
  card = find_mapped (GTK_WIDGET (page), "coaching-plan-card");
  progress = label_text (card, "plan-progress-label");
  g_assert_nonnull (progress);
  g_assert_nonnull (strstr (progress, "50 %"));
  g_assert_cmpstr (progress, ==, "1 of 2 actions done · 50 %");
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (find_mapped (card,
                                                                                       "plan-progress-bar"))),
                                  0.5, 1e-9);
  plans = ks_store_dup_coaching_plans (f->store, member->id, NULL);
  {
    KsCoachingPlan *plan = g_ptr_array_index (plans, 0);
    guint done = 0;

    g_assert_cmpuint (plan->actions->len, ==, 2);
    for (guint i = 0; i < plan->actions->len; i++)
      done += ((KsCoachingAction *) g_ptr_array_index (plan->actions, i))->status
              == KS_ACTION_DONE;
    g_assert_cmpuint (done, ==, 1);
  }
  /* The other is still overdue. */
  g_assert_true (gtk_widget_has_css_class (card, "ks-overdue"));

  /* The member's level rises: the movement shows. */
  click (card, "coaching-plan-edit");
  editor = find_editor (f, KS_TYPE_COACHING_PLAN_EDITOR);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                       "plan-current-level")),
                             3);
  click (GTK_WIDGET (editor), "plan-save");
  card = find_mapped (GTK_WIDGET (page), "coaching-plan-card");
  g_assert_cmpstr (label_text (card, "coaching-plan-levels"), ==, "Level 2 → 3 of target 4");
  g_assert_cmpstr (label_text (card, "plan-level-movement"), ==,
                   "Up 1 level of 2 planned · 50 %");

  /* A session, rated 4. */
  click (card, "add-coaching-session-button");
  editor = find_editor (f, KS_TYPE_SESSION_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                                 "session-date"))),
                   ==, "2026-05-20");
  select_in (GTK_WIDGET (editor), "session-rating-row", 4);
  type_into (GTK_WIDGET (editor), "session-notes", "Anchored too early on price.");
  type_into (GTK_WIDGET (editor), "session-next-step", "Prepare the walk-away point");
  click (GTK_WIDGET (editor), "session-save");
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_SESSION_EDITOR, NULL));
  card = find_mapped (GTK_WIDGET (page), "coaching-plan-card");
  g_assert_cmpstr (label_text (card, "coaching-session-rating"), ==, "★★★★☆");
  g_assert_cmpstr (label_text (card, "coaching-session-next-step"), ==,
                   "Next step: Prepare the walk-away point");

  /* An action deleted from its row comes back with Undo. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *undo;

    collect_named (card, "coaching-action-row", rows);
    g_signal_emit_by_name (find_mapped (g_ptr_array_index (rows, 0), "coaching-action-delete"),
                           "clicked");
    ks_test_ui_wait (200);
    card = find_mapped (GTK_WIDGET (page), "coaching-plan-card");
    g_assert_cmpuint (count_mapped (card, "coaching-action-row"), ==, 1);
    g_assert_cmpstr (label_text (card, "plan-progress-label"), ==, "1 of 1 action done · 100 %");
    undo = ks_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    ks_test_ui_wait (200);
    card = find_mapped (GTK_WIDGET (page), "coaching-plan-card");
    g_assert_cmpuint (count_mapped (card, "coaching-action-row"), ==, 2);
    g_assert_cmpstr (label_text (card, "plan-progress-label"), ==, "1 of 2 actions done · 50 %");

    /* The whole plan too, its actions and session with it. */
    click (card, "coaching-plan-delete");
    find_mapped (GTK_WIDGET (page), "coaching-plans-empty");
    g_assert_cmpuint (count_mapped (GTK_WIDGET (page), "coaching-plan-card"), ==, 0);
    g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->window), "“Negotiation” deleted"));
    undo = ks_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
    g_signal_emit_by_name (undo, "clicked");
    ks_test_ui_wait (200);
    card = find_mapped (GTK_WIDGET (page), "coaching-plan-card");
    g_assert_cmpuint (count_mapped (card, "coaching-action-row"), ==, 2);
    g_assert_cmpuint (count_mapped (card, "coaching-session-row"), ==, 1);
    g_assert_cmpstr (label_text (card, "plan-progress-label"), ==, "1 of 2 actions done · 50 %");
  }

  /* Back in the Team list: the member's row and figures. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  ks_test_ui_wait (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  row = team_row (view, "Zhao Min");
  g_assert_nonnull (row);
  g_assert_cmpstr (team_cell (row, "key-accounts"), ==, "0");
  g_assert_cmpstr (team_cell (row, "overdue-actions"), ==, "0");

  /* The sample's owners are members; one with key accounts shows their count. */
  load_sample (f);
  ks_test_ui_wait (100);
  {
    g_autoptr(KsMember) owner = find_member (f, "王磊");
    g_autofree char *key_accounts = NULL;
    g_autofree char *accounts = NULL;
    KsMemberKpis kpis;

    g_assert_nonnull (owner);
    ks_member_kpis_compute ("王磊", ks_store_get_accounts (f->store), &kpis);
    g_assert_cmpuint (kpis.accounts, >=, 2);
    g_assert_cmpuint (kpis.key_accounts, >=, 1);
    key_accounts = g_strdup_printf ("%u", kpis.key_accounts);
    accounts = g_strdup_printf ("%u", kpis.accounts);

    row = team_row (view, "王磊");
    g_assert_nonnull (row);
    g_assert_cmpstr (team_cell (row, "key-accounts"), ==, key_accounts);
    g_assert_cmpstr (team_cell (row, "accounts"), ==, accounts);
    g_assert_nonnull (team_row (view, "Zhao Min"));

    /* The same figure on their page, with their accounts to open. */
    page = open_member (f, owner->id);
    g_assert_cmpstr (label_text (GTK_WIDGET (page), "member-kpi-key-accounts"), ==,
                     key_accounts);
    g_assert_cmpuint (count_mapped (GTK_WIDGET (page), "member-account-row"), ==,
                      kpis.accounts);
    g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "华东精密制造有限公司"));
  }
}

/* Deleting a member who owns accounts asks who takes them over; Undo puts them back.
 * One who owns nothing goes at once, with Undo too. */
static void
test_delete_takeover (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KsMember) owner = NULL;
  g_autoptr(KsMember) heir = NULL;
  g_autoptr(GArray) owned = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *accounts;
  KsMemberPage *page;
  GtkWindow *dialog;
  GtkDropDown *takeover;
  GListModel *names;
  guint heir_position = GTK_INVALID_LIST_POSITION;
  guint before;
  GtkWidget *undo;

  load_sample (f);
  show_team (f);
  before = n_members (f);
  owner = find_member (f, "王磊");
  heir = find_member (f, "李娜");
  g_assert_nonnull (owner);
  g_assert_nonnull (heir);
  accounts = ks_store_get_accounts (f->store);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (ks_account_get_owner (account), "王磊") == 0)
        {
          gint64 id = ks_account_get_id (account);

          g_array_append_val (owned, id);
        }
    }
  g_assert_cmpuint (owned->len, >=, 2);

  page = open_member (f, owner->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "member.delete", NULL));
  ks_test_ui_wait (150);
  dialog = ks_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  {
    g_autofree char *count = g_strdup_printf ("%u accounts", owned->len);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), count));
  }
  /* Nothing is deleted before the answer. */
  g_assert_cmpuint (n_members (f), ==, before);

  takeover = GTK_DROP_DOWN (ks_test_ui_find_by_name (GTK_WIDGET (dialog), "member-takeover"));
  g_assert_nonnull (takeover);
  names = gtk_drop_down_get_model (takeover);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Nobody");
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);

      g_assert_cmpstr (name, !=, "王磊");
      if (g_strcmp0 (name, "李娜") == 0)
        heir_position = i;
    }
  g_assert_cmpuint (heir_position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (takeover, heir_position);
  /* The dialog's Delete button, as a user presses it. */
  g_signal_emit_by_name (ks_test_ui_find_button (GTK_WIDGET (dialog), "Delete"), "clicked");
  ks_test_ui_wait (250);
  g_assert_null (ks_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  /* Gone, the accounts with the heir, the page taken down. */
  g_assert_cmpuint (n_members (f), ==, before - 1);
  g_assert_null (find_member (f, "王磊"));
  for (guint i = 0; i < owned->len; i++)
    g_assert_cmpstr (ks_account_get_owner (ks_store_lookup_account (f->store,
                                                                    g_array_index (owned, gint64, i))),
                     ==, "李娜");
  g_assert_null (ks_window_get_member_page (f->window));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->window), "“王磊” deleted"));

  undo = ks_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ks_test_ui_wait (200);

  g_assert_cmpuint (n_members (f), ==, before);
  {
    g_autoptr(KsMember) back = find_member (f, "王磊");

    g_assert_nonnull (back);
    g_assert_cmpint (back->id, ==, owner->id);
  }
  for (guint i = 0; i < owned->len; i++)
    g_assert_cmpstr (ks_account_get_owner (ks_store_lookup_account (f->store,
                                                                    g_array_index (owned, gint64, i))),
                     ==, "王磊");

  /* A member who owns nothing: no question, a toast, Undo brings back their plan. */
  {
    g_autoptr(KsMember) loner = ks_member_new ();
    g_autoptr(KsCoachingPlan) plan = ks_coaching_plan_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) plans = NULL;

    g_free (loner->name);
    loner->name = g_strdup ("Sun Li");
    g_assert_true (ks_store_save_member (f->store, loner, &error));
    g_assert_no_error (error);
    plan->member_id = loner->id;
    plan->skill = KS_SKILL_SOLUTION_DESIGN;
    g_free (plan->start);
    plan->start = g_strdup ("2026-04-01");
    g_assert_true (ks_store_save_coaching_plan (f->store, plan, &error));
    g_assert_no_error (error);

    page = open_member (f, loner->id);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "member.delete", NULL));
    ks_test_ui_wait (200);
    g_assert_null (ks_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
    g_assert_null (find_member (f, "Sun Li"));
    g_assert_null (ks_window_get_member_page (f->window));

    undo = ks_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    ks_test_ui_wait (200);
    plans = ks_store_dup_coaching_plans (f->store, loner->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plans->len, ==, 1);
  }
}

/* An empty name, a name taken, a level out of 1–5, a custom skill without a name: each
 * refused beside its field, the dialog kept open, nothing saved. */
static void
test_invalid_input (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KsMember) member = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  KsTeamView *view = show_team (f);
  KsMemberPage *page;
  GtkWindow *editor;
  GtkWidget *spin;

  /* No name. */
  click (GTK_WIDGET (view), "team-empty-add-button");
  editor = find_editor (f, KS_TYPE_MEMBER_EDITOR);
  type_into (GTK_WIDGET (editor), "member-role", "Key Account Manager");
  click (GTK_WIDGET (editor), "member-save");
  g_assert_nonnull (ks_test_ui_find_toplevel (KS_TYPE_MEMBER_EDITOR, NULL));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "member-error"));
  g_assert_cmpstr (label_text (GTK_WIDGET (editor), "member-error"), !=, "");
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                    "member-name"),
                                           "error"));
  g_assert_cmpuint (n_members (f), ==, 0);

  /* Fixed: saved. */
  type_into (GTK_WIDGET (editor), "member-name", "Zhao Min");
  g_assert_false (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                     "member-name"),
                                            "error"));
  click (GTK_WIDGET (editor), "member-save");
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_MEMBER_EDITOR, NULL));
  g_assert_cmpuint (n_members (f), ==, 1);

  /* The same name in other letters is the same person: refused. */
  click (GTK_WIDGET (view), "team-add-member-button");
  editor = find_editor (f, KS_TYPE_MEMBER_EDITOR);
  type_into (GTK_WIDGET (editor), "member-name", "zhao min");
  click (GTK_WIDGET (editor), "member-save");
  g_assert_nonnull (ks_test_ui_find_toplevel (KS_TYPE_MEMBER_EDITOR, NULL));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "member-error"));
  g_assert_cmpuint (n_members (f), ==, 1);
  gtk_window_close (editor);
  ks_test_ui_wait (50);

  member = find_member (f, "Zhao Min");
  page = open_member (f, member->id);

  /* A target level of 7, typed: refused, not made 5. */
  click (GTK_WIDGET (page), "add-coaching-plan-button");
  editor = find_editor (f, KS_TYPE_COACHING_PLAN_EDITOR);
  spin = ks_test_ui_find_by_name (GTK_WIDGET (editor), "plan-target-level");
  gtk_editable_set_text (GTK_EDITABLE (spin), "7");
  click (GTK_WIDGET (editor), "plan-save");
  g_assert_nonnull (ks_test_ui_find_toplevel (KS_TYPE_COACHING_PLAN_EDITOR, NULL));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "plan-levels-error"));
  g_assert_true (gtk_widget_has_css_class (spin, "error"));
  plans = ks_store_dup_coaching_plans (f->store, member->id, NULL);
  g_assert_cmpuint (plans->len, ==, 0);
  g_clear_pointer (&plans, g_ptr_array_unref);

  /* A custom skill needs its name. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 4);
  gtk_editable_set_text (GTK_EDITABLE (spin), "4");
  select_in (GTK_WIDGET (editor), "plan-skill-row", KS_SKILL_CUSTOM);
  find_mapped (GTK_WIDGET (editor), "plan-custom-skill");
  click (GTK_WIDGET (editor), "plan-save");
  g_assert_nonnull (ks_test_ui_find_toplevel (KS_TYPE_COACHING_PLAN_EDITOR, NULL));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "plan-error"));
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                    "plan-custom-skill"),
                                           "error"));
  plans = ks_store_dup_coaching_plans (f->store, member->id, NULL);
  g_assert_cmpuint (plans->len, ==, 0);
  g_clear_pointer (&plans, g_ptr_array_unref);

  /* A due date before the start. */
  type_into (GTK_WIDGET (editor), "plan-custom-skill", "Executive presence");
  type_into (GTK_WIDGET (editor), "plan-due", "2026-01-01");
  click (GTK_WIDGET (editor), "plan-save");
  g_assert_nonnull (ks_test_ui_find_toplevel (KS_TYPE_COACHING_PLAN_EDITOR, NULL));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "plan-dates-error"));
  plans = ks_store_dup_coaching_plans (f->store, member->id, NULL);
  g_assert_cmpuint (plans->len, ==, 0);
  g_clear_pointer (&plans, g_ptr_array_unref);

  /* All fixed: saved, with its custom name. */
  type_into (GTK_WIDGET (editor), "plan-due", "2026-12-31");
  click (GTK_WIDGET (editor), "plan-save");
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_COACHING_PLAN_EDITOR, NULL));
  plans = ks_store_dup_coaching_plans (f->store, member->id, NULL);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpstr (ks_coaching_plan_get_skill_name (g_ptr_array_index (plans, 0)), ==,
                   "Executive presence");
  g_assert_cmpint (((KsCoachingPlan *) g_ptr_array_index (plans, 0))->target_level, ==, 4);

  /* An action without a title. */
  click (find_mapped (GTK_WIDGET (page), "coaching-plan-card"), "add-coaching-action-button");
  editor = find_editor (f, KS_TYPE_COACHING_ACTION_EDITOR);
  click (GTK_WIDGET (editor), "coaching-action-save");
  g_assert_nonnull (ks_test_ui_find_toplevel (KS_TYPE_COACHING_ACTION_EDITOR, NULL));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "coaching-action-error"));
  g_assert_cmpuint (count_mapped (GTK_WIDGET (page), "coaching-action-row"), ==, 0);
}

static void
record_time (gint64 *when)
{
  if (*when == 0)
    *when = g_get_monotonic_time ();
}

/* Thirty plans with their actions and sessions: the page opens with a few cards, the
 * others follow after the first frame. */
static void
test_many_plans (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KsMember) member = ks_member_new ();
  g_autoptr(GError) error = NULL;
  KsMemberPage *page;
  gint64 start;
  guint first;

  g_free (member->name);
  member->name = g_strdup ("Qian Yu");
  g_assert_true (ks_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(KsCoachingPlan) plan = ks_coaching_plan_new ();

      plan->member_id = member->id;
      plan->skill = i % KS_SKILL_CUSTOM;
      g_free (plan->start);
      plan->start = g_strdup_printf ("2026-%02u-01", 1 + i % 5);
      g_assert_true (ks_store_save_coaching_plan (f->store, plan, &error));
      g_assert_no_error (error);
      for (guint a = 0; a < 3; a++)
        {
          g_autoptr(KsCoachingAction) action = ks_coaching_action_new ();
          g_autoptr(KsCoachingSession) session = ks_coaching_session_new ();

          action->plan_id = plan->id;
          g_free (action->title);
          action->title = g_strdup_printf ("Action %u.%u", i, a);
          g_free (action->due);
          action->due = g_strdup_printf ("2026-%02u-10", 3 + a);
          g_assert_true (ks_store_save_coaching_action (f->store, action, &error));
          g_assert_no_error (error);
          session->plan_id = plan->id;
          g_free (session->date);
          session->date = g_strdup_printf ("2026-04-%02u", 1 + a);
          session->rating = 1 + a;
          g_free (session->notes);
          session->notes = g_strdup ("Went through the last proposal together.");
          g_assert_true (ks_store_save_coaching_session (f->store, session, &error));
          g_assert_no_error (error);
        }
    }

  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-member", "x",
                                             member->id));
  page = ks_window_get_member_page (f->window);
  g_assert_nonnull (page);
  /* The first frame: the page is drawn with its first cards only. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);
  first = count_mapped (GTK_WIDGET (page), "coaching-plan-card");
  g_test_message ("mapped after %.1f ms with %u cards",
                  (g_get_monotonic_time () - start) / 1000.0, first);
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (page));
    gint64 painted = 0;
    gulong id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (record_time),
                                          &painted);

    while (painted == 0)
      g_main_context_iteration (NULL, TRUE);
    g_signal_handler_disconnect (clock, id);
    g_test_message ("first frame after %.1f ms", (painted - start) / 1000.0);
    /* Drawn while the page is still short of its cards: no visible pause. */
    g_assert_cmpint (painted - start, <, 2 * G_USEC_PER_SEC);
  }
  /* Thirty plans' charts fill the window: the cards below them come after. */
  g_assert_cmpuint (first, <=, 2);

  /* The others follow, a few a frame. */
  while (count_mapped (GTK_WIDGET (page), "coaching-plan-card") < 30 &&
         g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    ks_test_ui_wait (20);
  g_assert_cmpuint (count_mapped (GTK_WIDGET (page), "coaching-plan-card"), ==, 30);
  g_assert_cmpuint (count_mapped (GTK_WIDGET (page), "coaching-action-row"), ==, 90);
  g_test_message ("all cards after %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ks_test_ui_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  app = ks_test_ui_app_new ();

#define ADD(path, func) \
  g_test_add ("/keystone/team-window/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("empty-state", test_empty_state);
  ADD ("coaching-plan", test_coaching_plan);
  ADD ("delete-takeover", test_delete_takeover);
  ADD ("invalid-input", test_invalid_input);
  ADD ("many-plans", test_many_plans);

  status = g_test_run ();
  ks_test_ui_app_free (&app);
  return status;
}
