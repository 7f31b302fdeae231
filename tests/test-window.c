/* test-window.c — drives the real Keystone window: what a user sees and does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "ks-account-editor.h"
#include "ks-cell-text.h"
#include "ks-contract-editor.h"
#include "ks-import-dialog.h"
#include "ks-member-editor.h"
#include "ks-application.h"
#include "ks-portfolio-view.h"
#include "ks-preferences-window.h"
#include "ks-products-dialog.h"
#include "ks-quadrant-view.h"
#include "ks-store.h"
#include "ks-test-ui.h"
#include "ks-window.h"

typedef struct
{
  char *dir;
  char *path;
  KsApplication *app;
  KsWindow *window;
  KsStore *store;
  KsPortfolioView *view;
} Fixture;

static KsApplication *app;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->app = app;
  f->window = ks_test_ui_open_window (app, "ui", &f->dir, &f->path);
  f->store = ks_window_get_store (f->window);
  f->view = KS_PORTFOLIO_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                        KS_TYPE_PORTFOLIO_VIEW));
  g_assert_nonnull (f->view);
  ks_test_ui_wait (100);
}

/* The build's catalogue, for a test in Chinese; NULL when it is not built. */
static char *
chinese_catalogue_dir (void)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  return g_file_test (mo, G_FILE_TEST_EXISTS) ? g_steal_pointer (&po_dir) : NULL;
}

/* The window in Chinese, made so from the start, as the program sets up its
 * translations. Only in a test's subprocess: the tests after it in this process stay in
 * English. In the "C" locale glibc would not look at LANGUAGE at all. */
static void
fixture_set_up_chinese (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *po_dir = chinese_catalogue_dir ();

  if (g_test_subprocess () && po_dir != NULL)
    {
      if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0)
        setlocale (LC_MESSAGES, "C.UTF-8");
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, po_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  fixture_set_up (f, data);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ks_test_ui_close_all (&f->dir, &f->path);
}

/* For a test of fixture_set_up_chinese(): runs the test again in a subprocess, where
 * the window is in Chinese, and says whether this is that subprocess. Skips the test
 * when the catalogue is not built. */
static gboolean
in_chinese_subprocess (void)
{
  g_autofree char *po_dir = chinese_catalogue_dir ();

  if (po_dir == NULL)
    {
      g_test_skip ("the zh_CN catalogue is not built");
      return FALSE;
    }
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return FALSE;
    }
  return TRUE;
}

static GtkStack *
main_stack (Fixture *f)
{
  return GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (f->view)));
}

static guint
n_visible (Fixture *f)
{
  return g_list_model_get_n_items (ks_portfolio_view_get_visible_accounts (f->view));
}

static KsAccount *
visible_account (Fixture *f,
                 guint    position)
{
  GListModel *model = ks_portfolio_view_get_visible_accounts (f->view);
  g_autoptr(KsAccount) account = g_list_model_get_item (model, position);

  return account;   /* the store keeps it alive */
}

/* The texts of the list's cells in the order they are drawn, "" for an empty cell;
 * hidden rows are not drawn. */
static void
collect_cells (GtkWidget *widget,
               GPtrArray *texts)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_INSCRIPTION (widget) || KS_IS_CELL_TEXT (widget))
    {
      const char *text = KS_IS_CELL_TEXT (widget)
                         ? ks_cell_text_get_text (KS_CELL_TEXT (widget))
                         : gtk_inscription_get_text (GTK_INSCRIPTION (widget));

      g_ptr_array_add (texts, g_strdup (text != NULL ? text : ""));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, texts);
}

/* Whether @trigger, or one of its alternatives, is @keyval with @modifiers. */
static gboolean
trigger_is_key (GtkShortcutTrigger *trigger,
                guint               keyval,
                GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_is_key (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                           keyval, modifiers) ||
           trigger_is_key (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                           keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* Runs the shortcut @widget has for @keyval with @modifiers, as pressing the keys does;
 * returns whether it was handled. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_is_key (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                    widget, NULL);
        }
    }
  g_object_unref (controllers);
  return handled;
}

/* Runs the shortcut of the portfolio's list for @keyval. */
static gboolean
press_list_key (Fixture *f,
                guint    keyval)
{
  return press_key (ks_test_ui_find_by_type (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW),
                    keyval, 0);
}

/* Waits for the list's rows to settle, then checks that it draws one row per account
 * shown, each with that account's name, in the model's order; or, with none shown,
 * that there is no list. */
static void
assert_rows_show_accounts (Fixture *f)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (f->view),
                                                                  GTK_TYPE_COLUMN_VIEW));
  guint n_columns = g_list_model_get_n_items (gtk_column_view_get_columns (view));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 500 && !ks_portfolio_view_is_settled (f->view); i++)
    ks_test_ui_wait (10);
  g_assert_true (ks_portfolio_view_is_settled (f->view));
  ks_test_ui_wait (20);

  /* No account to show: no list either, but the page that says so. */
  if (n_visible (f) == 0)
    {
      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
      return;
    }

  collect_cells (GTK_WIDGET (view), texts);
  /* The rows kept past the last account are hidden, and the keyboard cannot reach them. */
  for (GtkWidget *row = gtk_widget_get_first_child (ks_test_ui_find_by_type (GTK_WIDGET (view),
                                                                           GTK_TYPE_LIST_VIEW));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (!gtk_widget_get_visible (row))
      {
        g_assert_false (gtk_widget_get_focusable (row));
        g_assert_false (gtk_widget_grab_focus (row));
      }
  g_assert_cmpuint (texts->len % n_columns, ==, 0);
  g_assert_cmpuint (texts->len / n_columns, ==, n_visible (f));
  for (guint row = 0; row < n_visible (f); row++)
    g_assert_cmpstr (g_ptr_array_index (texts, row * n_columns), ==,
                     ks_account_get_name (visible_account (f, row)));
}

static void
load_sample (Fixture *f)
{
  GtkWidget *button = ks_test_ui_find_button (GTK_WIDGET (f->view),
                                              _("Load _Sample Portfolio"));

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  ks_test_ui_wait (100);
}

static KsAccountEditor *
open_editor (Fixture *f)
{
  KsAccountEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-account", NULL));
  ks_test_ui_wait (100);
  editor = KS_ACCOUNT_EDITOR (ks_test_ui_find_toplevel (KS_TYPE_ACCOUNT_EDITOR, NULL));
  g_assert_nonnull (editor);
  return editor;
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
set_spin (GtkWidget  *root,
          const char *name,
          double      value)
{
  GtkWidget *spin = ks_test_ui_find_by_name (root, name);

  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
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

/* The first run shows the empty state; the sample fills the list. */
static void
test_empty_state_and_sample (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *count = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (f)), ==, "empty");
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "No Accounts Yet"));
  g_assert_nonnull (ks_test_ui_find_button (GTK_WIDGET (f->view), "Add Account"));
  /* Screen readers see the page shown only. */
  gtk_test_accessible_assert_state (gtk_stack_get_child_by_name (main_stack (f), "list"),
                                    GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  load_sample (f);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (f)), ==, "list");
  gtk_test_accessible_assert_state (gtk_stack_get_child_by_name (main_stack (f), "list"),
                                    GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_test_accessible_assert_state (gtk_stack_get_child_by_name (main_stack (f), "empty"),
                                    GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  g_assert_cmpuint (n_visible (f), >=, 25);
  count = g_strdup_printf ("%u accounts", n_visible (f));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), count));

  /* After the first frame the list holds every row, not only the first screenful. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (f->view),
                                                                    GTK_TYPE_COLUMN_VIEW));

    ks_test_ui_wait (200);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                      ==, n_visible (f));
  }

  /* Highest KA score first, and the names are drawn in the list. */
  g_assert_cmpfloat (ks_account_get_ka_score (visible_account (f, 0)), >=,
                     ks_account_get_ka_score (visible_account (f, 1)));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view),
                                      ks_account_get_name (visible_account (f, 0))));
}

/* The editor opens with the cursor in Name: typing a name at once fills it in (focus on
 * the header bar's Cancel button took the first letters, and a space closed it). */
static void
test_editor_starts_at_name (Fixture       *f,
                            gconstpointer  data)
{
  KsAccountEditor *editor = open_editor (f);
  GtkWidget *name = ks_test_ui_find_by_name (GTK_WIDGET (editor), "name-row");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));

  g_assert_nonnull (name);
  g_assert_nonnull (focus);
  g_assert_true (focus == name || gtk_widget_is_ancestor (focus, name));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Shows @view_name, then checks what the header bar's + says it adds and that Ctrl+N
 * (win.add-account) opens the editor of @editor_type, which is closed again. */
static void
assert_adds (Fixture    *f,
             const char *view_name,
             const char *tooltip,
             GType       editor_type)
{
  AdwViewStack *stack = ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                                 ADW_TYPE_VIEW_STACK));
  GtkWidget *add = ks_test_ui_find_by_name (GTK_WIDGET (f->window), "window-add-button");
  GtkWindow *editor;

  adw_view_stack_set_visible_child_name (stack, view_name);
  ks_test_ui_wait (100);
  g_assert_nonnull (add);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add), ==, tooltip);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-account", NULL));
  ks_test_ui_wait (100);
  editor = ks_test_ui_find_toplevel (editor_type, NULL);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);
  ks_test_ui_wait (50);
}

/* The + and Ctrl+N add what the view lists, and say so; an account where a contract
 * has no account to be with yet. The primary menu's Add Account adds an account
 * whatever the view. */
static void
test_add_follows_view (Fixture       *f,
                       gconstpointer  data)
{
  GtkWindow *editor;
  GtkWidget *empty_add;

  /* With no account yet, the empty Contracts view's Add Contract says why it is off. */
  assert_adds (f, "contracts", "Add Account (Ctrl+N)", KS_TYPE_ACCOUNT_EDITOR);
  empty_add = ks_test_ui_find_by_name (GTK_WIDGET (f->window), "contracts-empty-add");
  g_assert_nonnull (empty_add);
  g_assert_true (gtk_widget_get_mapped (empty_add));
  g_assert_false (gtk_widget_is_sensitive (empty_add));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (empty_add), ==,
                   "A contract is with an account: add an account first.");
  /* Accounts arriving while Contracts shows: the + follows at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-sample", NULL));
  ks_test_ui_wait (100);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (ks_test_ui_find_by_name (GTK_WIDGET (f->window),
                                                                         "window-add-button")),
                   ==, "Add Contract (Ctrl+N)");
  g_assert_true (gtk_widget_is_sensitive (empty_add));
  g_assert_null (gtk_widget_get_tooltip_text (empty_add));
  assert_adds (f, "portfolio", "Add Account (Ctrl+N)", KS_TYPE_ACCOUNT_EDITOR);
  assert_adds (f, "contracts", "Add Contract (Ctrl+N)", KS_TYPE_CONTRACT_EDITOR);
  assert_adds (f, "team", "Add Team Member (Ctrl+N)", KS_TYPE_MEMBER_EDITOR);
  assert_adds (f, "quadrant", "Add Account (Ctrl+N)", KS_TYPE_ACCOUNT_EDITOR);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "team");
  ks_test_ui_wait (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-account", NULL));
  ks_test_ui_wait (100);
  editor = ks_test_ui_find_toplevel (KS_TYPE_ACCOUNT_EDITOR, NULL);
  g_assert_nonnull (editor);
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_MEMBER_EDITOR, NULL));
  gtk_window_destroy (editor);
}

static gboolean
is_automatic_paper_label (GtkWidget     *widget,
                          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), "Automatic (");
}

/* Preferences shows the paper size chosen whole, “Automatic (A4)”, in its default
 * size: a long subtitle beside it squeezed it to “Autom…”. */
static void
test_preferences_paper_whole (Fixture       *f,
                              gconstpointer  data)
{
  GtkWindow *prefs;
  GtkWidget *row, *page, *label;
  int natural;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  ks_test_ui_wait (100);
  prefs = ks_test_ui_find_toplevel (KS_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (prefs);
  row = ks_test_ui_find_by_name (GTK_WIDGET (prefs), "paper-size-row");
  g_assert_nonnull (row);
  page = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_PAGE);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (page));
  ks_test_ui_wait (100);

  label = ks_test_ui_find (row, is_automatic_paper_label, NULL);
  g_assert_nonnull (label);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
  gtk_window_close (prefs);
}

/* An account's page shows its KA score as the portfolio does, to a tenth. */
static void
test_page_score_as_list (Fixture       *f,
                         gconstpointer  data)
{
  KsAccount *account;
  KsAccountPage *page;
  GtkWidget *label;
  g_autofree char *expected = NULL;

  load_sample (f);
  account = visible_account (f, 0);
  expected = g_strdup_printf ("%.1f", ks_account_get_ka_score (account));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), expected));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-account", "x",
                                             ks_account_get_id (account)));
  ks_test_ui_wait (200);
  page = ks_window_get_account_page (f->window);
  g_assert_nonnull (page);
  label = ks_test_ui_find_by_name (GTK_WIDGET (page), "overview-ka-score");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
}

/* With no account, the quadrant chart says how to get some rather than draw empty axes;
 * its Add Account opens the editor; with accounts, the chart is there. */
static void
test_quadrant_empty (Fixture       *f,
                     gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                                 ADW_TYPE_VIEW_STACK));
  GtkWidget *empty, *chart, *add;
  GtkWindow *editor;

  adw_view_stack_set_visible_child_name (stack, "quadrant");
  ks_test_ui_wait (100);
  empty = ks_test_ui_find_by_name (GTK_WIDGET (f->window), "quadrant-empty-page");
  chart = ks_test_ui_find_by_name (GTK_WIDGET (f->window), "quadrant-view");
  g_assert_nonnull (empty);
  g_assert_nonnull (chart);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_false (gtk_widget_get_mapped (chart));
  g_assert_true (ks_test_ui_has_text (empty, "No Accounts Yet"));

  add = ks_test_ui_find_button (empty, _("_Add Account"));
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  ks_test_ui_wait (100);
  editor = ks_test_ui_find_toplevel (KS_TYPE_ACCOUNT_EDITOR, NULL);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);

  /* Its Load Sample Portfolio fills the chart in place. */
  g_signal_emit_by_name (ks_test_ui_find_button (empty, _("Load _Sample Portfolio")), "clicked");
  ks_test_ui_wait (100);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "quadrant");
  g_assert_false (gtk_widget_get_mapped (empty));
  g_assert_true (gtk_widget_get_mapped (chart));
}

/* Escape leaves an account's page for the portfolio; on the portfolio it is left to
 * whatever else wants it. */
static void
test_escape_goes_back (Fixture       *f,
                       gconstpointer  data)
{
  KsAccountPage *page;
  GtkWidget *text;

  load_sample (f);
  g_assert_false (press_key (GTK_WIDGET (f->window), GDK_KEY_Escape, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-account", "x",
                                             ks_account_get_id (visible_account (f, 0))));
  ks_test_ui_wait (200);
  g_assert_nonnull (ks_window_get_account_page (f->window));
  g_assert_true (press_key (GTK_WIDGET (f->window), GDK_KEY_Escape, 0));
  ks_test_ui_wait (100);
  g_assert_null (ks_window_get_account_page (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));

  /* Not while typing in a field of the page: what is half typed stays with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-account-section",
                                             "(xs)", ks_account_get_id (visible_account (f, 0)),
                                             "targets"));
  ks_test_ui_wait (200);
  page = ks_window_get_account_page (f->window);
  g_assert_nonnull (page);
  text = ks_test_ui_find_by_type (GTK_WIDGET (page), GTK_TYPE_TEXT);
  g_assert_nonnull (text);
  g_assert_true (gtk_widget_grab_focus (text));
  g_assert_false (press_key (GTK_WIDGET (f->window), GDK_KEY_Escape, 0));
  g_assert_true (ks_window_get_account_page (f->window) == page);
}

/* Add an account through the editor, then find it by search in Chinese and Latin. */
static void
test_add_and_search (Fixture       *f,
                     gconstpointer  data)
{
  KsAccountEditor *editor;
  KsAccount *account;
  GtkEditable *search;
  GtkWidget *list, *no_match;

  load_sample (f);
  editor = open_editor (f);
  type_into (GTK_WIDGET (editor), "name-row", "杭州新锐电子有限公司");
  type_into (GTK_WIDGET (editor), "industry-row", "电子");
  type_into (GTK_WIDGET (editor), "owner-row", "李娜");
  type_into (GTK_WIDGET (editor), "purchases-row", "¥1,200,000.50");
  type_into (GTK_WIDGET (editor), "profit-row", "12.5");
  set_spin (GTK_WIDGET (editor), "rating-purchases", 5);
  set_spin (GTK_WIDGET (editor), "rating-need_fit", 4);
  g_assert_true (ks_account_editor_save (editor));
  ks_test_ui_wait (100);
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_ACCOUNT_EDITOR, NULL));

  account = ks_store_find_account_by_name (f->store, "杭州新锐电子有限公司");
  g_assert_nonnull (account);
  g_assert_cmpint (ks_account_get_annual_purchases (account), ==, 120000050);
  g_assert_cmpfloat (ks_account_get_profit_contribution (account), ==, 12.5);
  g_assert_cmpuint (ks_account_get_rating (account, KS_CRITERION_PURCHASES), ==, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  ks_test_ui_wait (50);
  search = ks_portfolio_view_get_search_entry (f->view);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (search)) ||
                 gtk_widget_is_focus (gtk_widget_get_first_child (GTK_WIDGET (search))) ||
                 gtk_widget_get_mapped (GTK_WIDGET (search)));

  gtk_editable_set_text (search, "新锐");
  ks_test_ui_wait (100);
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_true (visible_account (f, 0) == account);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "杭州新锐电子有限公司"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "¥1,200,000.50"));

  /* Latin names match whatever the case. */
  gtk_editable_set_text (search, "NORTHWIND");
  ks_test_ui_wait (100);
  g_assert_cmpuint (n_visible (f), >=, 1);
  for (guint i = 0; i < n_visible (f); i++)
    g_assert_nonnull (g_strstr_len (ks_account_get_name_key (visible_account (f, i)), -1,
                                    "northwind"));

  /* Screen readers see the page shown only. */
  list = gtk_widget_get_parent (ks_test_ui_find_by_type (GTK_WIDGET (f->view),
                                                         GTK_TYPE_COLUMN_VIEW));
  no_match = gtk_widget_get_next_sibling (list);
  g_assert_true (ADW_IS_STATUS_PAGE (no_match));
  gtk_test_accessible_assert_state (list, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_test_accessible_assert_state (no_match, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  gtk_editable_set_text (search, "no such account zzz");
  ks_test_ui_wait (100);
  g_assert_cmpuint (n_visible (f), ==, 0);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "No Matching Accounts"));
  /* The page out of sight is out of screen readers' reach too. */
  gtk_test_accessible_assert_state (list, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  gtk_test_accessible_assert_state (no_match, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);

  gtk_editable_set_text (search, "");
  ks_test_ui_wait (100);
  g_assert_cmpuint (n_visible (f), ==, ks_store_get_n_accounts (f->store));
  gtk_test_accessible_assert_state (list, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_test_accessible_assert_state (no_match, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
}

/* The count for @query searched afresh: from an unrelated search, so every account is
 * checked again. */
static guint
fresh_count (Fixture     *f,
             GtkEditable *search,
             const char  *query)
{
  gtk_editable_set_text (search, "zzz unrelated");
  ks_test_ui_wait (20);
  gtk_editable_set_text (search, query);
  ks_test_ui_wait (20);
  return n_visible (f);
}

/* Typing one key at a time and deleting back finds what a fresh search finds at every
 * step, and an account changed meanwhile is found when the search widens again. */
static void
test_search_typing (Fixture       *f,
                    gconstpointer  data)
{
  static const char query[] = "northwind";
  guint expected[sizeof query];
  GtkEditable *search;
  g_autoptr(KsAccount) edited = NULL;
  KsAccount *account = NULL;
  guint before;
  int pos;

  load_sample (f);
  search = ks_portfolio_view_get_search_entry (f->view);
  for (gsize n = 1; n < sizeof query; n++)
    {
      g_autofree char *prefix = g_strndup (query, n);

      expected[n] = fresh_count (f, search, prefix);
    }
  g_assert_cmpuint (expected[1], >, expected[sizeof query - 1]);

  gtk_editable_set_text (search, "");
  ks_test_ui_wait (20);
  for (gsize n = 1; n < sizeof query; n++)
    {
      pos = (int) n - 1;
      gtk_editable_insert_text (search, query + n - 1, 1, &pos);
      ks_test_ui_wait (20);
      g_assert_cmpuint (n_visible (f), ==, expected[n]);
      assert_rows_show_accounts (f);
    }
  for (gsize n = sizeof query - 2; n >= 1; n--)
    {
      gtk_editable_delete_text (search, (int) n, -1);
      ks_test_ui_wait (20);
      g_assert_cmpuint (n_visible (f), ==, expected[n]);
      assert_rows_show_accounts (f);
    }

  /* "no" shown, then narrowed to "nor"; an account that did not match is renamed to
   * match "no": widening back to "no" shows it. */
  gtk_editable_set_text (search, "no");
  ks_test_ui_wait (20);
  before = n_visible (f);
  pos = 2;
  gtk_editable_insert_text (search, "r", 1, &pos);
  ks_test_ui_wait (20);
  for (guint i = 0; i < g_list_model_get_n_items (ks_store_get_accounts (f->store)); i++)
    {
      g_autoptr(KsAccount) candidate = g_list_model_get_item (ks_store_get_accounts (f->store),
                                                              i);

      if (strstr (ks_account_get_name_key (candidate), "no") == NULL)
        {
          account = candidate;
          break;
        }
    }
  g_assert_nonnull (account);
  edited = ks_account_copy (account);
  ks_account_set_name (edited, "Nova Search Test Ltd");
  g_assert_true (ks_store_update_account (f->store, edited, NULL));
  ks_test_ui_wait (20);
  gtk_editable_delete_text (search, 2, -1);
  ks_test_ui_wait (20);
  g_assert_cmpuint (n_visible (f), ==, before + 1);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "Nova Search Test Ltd"));
  assert_rows_show_accounts (f);
}

/* The selected account stays selected while a search moves it to another row, and
 * the selection goes when a search hides it. */
static void
test_selection_follows_account (Fixture       *f,
                                gconstpointer  data)
{
  GtkColumnView *view;
  GtkSingleSelection *selection;
  GtkEditable *search;
  KsAccount *chosen = NULL;
  guint position = 0;

  load_sample (f);
  view = GTK_COLUMN_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  search = ks_portfolio_view_get_search_entry (f->view);

  /* nothing is selected that no one chose */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==,
                    GTK_INVALID_LIST_POSITION);

  /* the first row chosen: a search that hides its account takes the selection away */
  g_assert_null (strchr (ks_account_get_name_key (visible_account (f, 0)), 'n'));
  gtk_single_selection_set_selected (selection, 0);
  gtk_editable_set_text (search, "n");
  assert_rows_show_accounts (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==,
                    GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (search, "");
  assert_rows_show_accounts (f);

  /* an account named with "n", below one whose name has none: "n" moves it up */
  for (guint i = 1; i < n_visible (f) && chosen == NULL; i++)
    if (strchr (ks_account_get_name_key (visible_account (f, i)), 'n') != NULL &&
        strchr (ks_account_get_name_key (visible_account (f, i - 1)), 'n') == NULL)
      {
        chosen = visible_account (f, i);
        position = i;
      }
  g_assert_nonnull (chosen);
  gtk_single_selection_set_selected (selection, position);

  gtk_editable_set_text (search, "n");
  assert_rows_show_accounts (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), <, position);
  g_assert_true (visible_account (f, gtk_single_selection_get_selected (selection)) == chosen);

  /* a search that hides it takes the selection away, for good */
  gtk_editable_set_text (search, "no account has this name");
  assert_rows_show_accounts (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==,
                    GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (search, "");
  assert_rows_show_accounts (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==,
                    GTK_INVALID_LIST_POSITION);
}

/* Bad input is refused beside the field, and nothing is saved. */
static void
test_invalid_input (Fixture       *f,
                    gconstpointer  data)
{
  KsAccountEditor *editor;
  guint before;

  load_sample (f);
  before = ks_store_get_n_accounts (f->store);
  editor = open_editor (f);

  /* No name. */
  g_assert_false (ks_account_editor_save (editor));
  g_assert_cmpstr (label_text (GTK_WIDGET (editor), "profile-error"), ==,
                   "The account needs a name.");

  /* Letters in a number are flagged as they are typed. */
  type_into (GTK_WIDGET (editor), "name-row", "Acme Test Industries");
  type_into (GTK_WIDGET (editor), "purchases-row", "12abc");
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "figures-error"));
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                     "purchases-row"),
                                           "error"));
  g_assert_false (ks_account_editor_save (editor));

  /* A negative amount. */
  type_into (GTK_WIDGET (editor), "purchases-row", "-5");
  g_assert_false (ks_account_editor_save (editor));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "figures-error"));

  /* A percentage over 100. */
  type_into (GTK_WIDGET (editor), "purchases-row", "5000");
  type_into (GTK_WIDGET (editor), "share-row", "140");
  g_assert_false (ks_account_editor_save (editor));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "figures-error"));
  type_into (GTK_WIDGET (editor), "share-row", "14");
  g_assert_null (label_text (GTK_WIDGET (editor), "figures-error"));

  /* A name that is already in the portfolio, in another case and spacing. */
  {
    g_autofree char *shouted =
      g_utf8_strup (ks_account_get_name (visible_account (f, 0)), -1);
    g_autofree char *padded = g_strconcat ("  ", shouted, " ", NULL);

    type_into (GTK_WIDGET (editor), "name-row", padded);
  }
  g_assert_false (ks_account_editor_save (editor));
  g_assert_nonnull (g_strstr_len (label_text (GTK_WIDGET (editor), "profile-error"), -1,
                                  "already exists"));

  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, before);
  g_assert_nonnull (ks_test_ui_find_toplevel (KS_TYPE_ACCOUNT_EDITOR, NULL));

  /* Fixed, it saves. */
  type_into (GTK_WIDGET (editor), "name-row", "Acme Test Industries");
  g_assert_true (ks_account_editor_save (editor));
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, before + 1);
}

/* Sorting by a column orders what the list shows. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkColumnView *view;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autoptr(GtkColumnViewColumn) purchases_column = NULL;

  load_sample (f);
  view = GTK_COLUMN_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 11);
  name_column = g_list_model_get_item (columns, 0);
  purchases_column = g_list_model_get_item (columns, 6);
  g_assert_cmpstr (gtk_column_view_column_get_title (name_column), ==, "Name");
  g_assert_cmpstr (gtk_column_view_column_get_title (purchases_column), ==, "Annual\nPurchases");

  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  ks_test_ui_wait (50);
  for (guint i = 1; i < n_visible (f); i++)
    g_assert_cmpint (g_strcmp0 (ks_account_get_name_key (visible_account (f, i - 1)),
                                ks_account_get_name_key (visible_account (f, i))), <=, 0);

  gtk_column_view_sort_by_column (view, purchases_column, GTK_SORT_DESCENDING);
  ks_test_ui_wait (50);
  for (guint i = 1; i < n_visible (f); i++)
    g_assert_cmpint (ks_account_get_annual_purchases (visible_account (f, i - 1)), >=,
                     ks_account_get_annual_purchases (visible_account (f, i)));

  /* Health, highest first; accounts without a plan last. */
  {
    g_autoptr(GtkColumnViewColumn) health_column = g_list_model_get_item (columns, 9);
    GtkDropDown *alerts;

    g_assert_cmpstr (gtk_column_view_column_get_title (health_column), ==, "Health");
    gtk_column_view_sort_by_column (view, health_column, GTK_SORT_DESCENDING);
    ks_test_ui_wait (50);
    g_assert_true (ks_account_get_plan_summary (visible_account (f, 0))->has_health);
    g_assert_false (ks_account_get_plan_summary (visible_account (f, n_visible (f) - 1))
                    ->has_health);
    for (guint i = 1; i < n_visible (f); i++)
      {
        const KsPlanSummary *a = ks_account_get_plan_summary (visible_account (f, i - 1));
        const KsPlanSummary *b = ks_account_get_plan_summary (visible_account (f, i));

        g_assert_true (a->has_health >= b->has_health);
        if (a->has_health && b->has_health)
          g_assert_cmpfloat (a->health, >=, b->health);
      }

    /* The alert filter: “Any alert” leaves the accounts with a badge. */
    alerts = GTK_DROP_DOWN (ks_test_ui_find_by_name (GTK_WIDGET (f->view), "alert-filter"));
    gtk_drop_down_set_selected (alerts, 1);
    ks_test_ui_wait (50);
    g_assert_cmpuint (n_visible (f), >=, 1);
    g_assert_cmpuint (n_visible (f), <, ks_store_get_n_accounts (f->store));
    for (guint i = 0; i < n_visible (f); i++)
      g_assert_cmpint (ks_account_get_plan_summary (visible_account (f, i))->alerts, !=,
                       KS_ALERT_NONE);

    /* The last choice: the accounts without a plan. */
    gtk_drop_down_set_selected (alerts,
                                g_list_model_get_n_items (gtk_drop_down_get_model (alerts)) - 1);
    ks_test_ui_wait (50);
    g_assert_cmpuint (n_visible (f), >=, 1);
    for (guint i = 0; i < n_visible (f); i++)
      g_assert_false (ks_account_get_plan_summary (visible_account (f, i))->has_health);
    gtk_drop_down_set_selected (alerts, 0);
  }
}

/* Delete shows a toast; Undo brings the account back. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KsAccount) account = NULL;
  g_autofree char *toast_title = NULL;
  guint before;
  guint position = 0;
  gint64 id;
  GtkWidget *undo;

  load_sample (f);
  before = ks_store_get_n_accounts (f->store);
  /* one without a plan: deleting it asks nothing first (the sample gives the key
   * accounts an executive contact, so the first rows have plans) */
  while (ks_store_account_has_plan (f->store,
                                    ks_account_get_id (visible_account (f, position))))
    position++;
  account = g_object_ref (visible_account (f, position));
  id = ks_account_get_id (account);

  /* Select its row and press Delete, as a user would. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (f->view),
                                                                    GTK_TYPE_COLUMN_VIEW));
    GtkSelectionModel *selection = gtk_column_view_get_model (view);

    gtk_selection_model_select_item (selection, position, TRUE);
    g_assert_true (press_list_key (f, GDK_KEY_Delete));
  }
  ks_test_ui_wait (200);

  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, before - 1);
  g_assert_null (ks_store_lookup_account (f->store, id));
  toast_title = g_strdup_printf ("“%s” deleted", ks_account_get_name (account));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->window), toast_title));

  undo = ks_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ks_test_ui_wait (200);

  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, before);
  g_assert_nonnull (ks_store_lookup_account (f->store, id));
  g_assert_cmpstr (ks_account_get_name (ks_store_lookup_account (f->store, id)), ==,
                   ks_account_get_name (account));
}

/* Changing a weight in Preferences changes the scores the list shows. */
static void
test_weights_change_scores (Fixture       *f,
                            gconstpointer  data)
{
  GtkWindow *prefs;
  KsAccount *account;
  double before;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  load_sample (f);
  account = visible_account (f, 0);
  before = ks_account_get_ka_score (account);
  before_text = g_strdup_printf ("%.1f", before);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), before_text));

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  ks_test_ui_wait (100);
  prefs = ks_test_ui_find_toplevel (KS_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (prefs);
  g_assert_cmpstr (label_text (GTK_WIDGET (prefs), "weights-total"), ==, "100 %");

  /* 110 % is refused and changes nothing. */
  set_spin (GTK_WIDGET (prefs), "weight-scale", 50);
  g_assert_cmpstr (label_text (GTK_WIDGET (prefs), "weights-total"), ==, "110 %");
  g_assert_nonnull (label_text (GTK_WIDGET (prefs), "rules-error"));
  g_assert_cmpfloat (ks_account_get_ka_score (account), ==, before);

  /* Back to 100 % with relationship depth at 5 %: scores update at once. */
  set_spin (GTK_WIDGET (prefs), "weight-relationship", 5);
  g_assert_cmpstr (label_text (GTK_WIDGET (prefs), "weights-total"), ==, "100 %");
  g_assert_null (label_text (GTK_WIDGET (prefs), "rules-error"));
  g_assert_cmpint (ks_store_get_rules (f->store)->weights[KS_DIMENSION_SCALE], ==, 50);
  ks_test_ui_wait (100);

  g_assert_cmpfloat (ks_account_get_ka_score (account), !=, before);
  after_text = g_strdup_printf ("%.1f", ks_account_get_ka_score (account));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), after_text));
}

/* Numbers typed into spin buttons count even when Save or Close comes before Enter. */
static void
test_typed_values (Fixture       *f,
                   gconstpointer  data)
{
  KsAccountEditor *editor;
  GtkWindow *prefs;
  KsAccount *account;

  editor = open_editor (f);
  type_into (GTK_WIDGET (editor), "name-row", "Typed Values Ltd");
  type_into (GTK_WIDGET (editor), "rating-need_fit", "3");
  g_assert_true (ks_account_editor_save (editor));
  account = ks_store_find_account_by_name (f->store, "Typed Values Ltd");
  g_assert_nonnull (account);
  g_assert_cmpuint (ks_account_get_rating (account, KS_CRITERION_NEED_FIT), ==, 3);

  /* Escape with a typed rating discards the edit, quietly. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-account", "x",
                                             ks_account_get_id (account)));
  ks_test_ui_wait (100);
  editor = KS_ACCOUNT_EDITOR (ks_test_ui_find_toplevel (KS_TYPE_ACCOUNT_EDITOR, NULL));
  g_assert_nonnull (editor);
  type_into (GTK_WIDGET (editor), "rating-need_fit", "5");
  gtk_window_close (GTK_WINDOW (editor));
  ks_test_ui_wait (100);
  g_assert_cmpuint (ks_account_get_rating (account, KS_CRITERION_NEED_FIT), ==, 3);

  /* Preferences: opening writes nothing; a typed threshold is kept on close. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  ks_test_ui_wait (100);
  prefs = ks_test_ui_find_toplevel (KS_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (prefs);
  g_assert_cmpint (ks_store_get_rules (f->store)->core_min, ==, 80);
  type_into (GTK_WIDGET (prefs), "threshold-core", "85");
  gtk_window_close (prefs);
  ks_test_ui_wait (100);
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_PREFERENCES_WINDOW, NULL));
  g_assert_cmpint (ks_store_get_rules (f->store)->core_min, ==, 85);
}

static void
wait_for_result (KsImportDialog *dialog)
{
  for (guint i = 0; i < 200 && g_strcmp0 (ks_import_dialog_get_page (dialog), "result") != 0; i++)
    ks_test_ui_wait (50);
  g_assert_cmpstr (ks_import_dialog_get_page (dialog), ==, "result");
}

static KsImportDialog *
open_import (Fixture    *f,
             const char *name,
             const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  dialog = ks_window_import_file (f->window, path);
  ks_test_ui_wait (100);
  g_assert_true (KS_IS_IMPORT_DIALOG (dialog));
  g_assert_cmpstr (ks_import_dialog_get_page (KS_IMPORT_DIALOG (dialog)), ==, "setup");
  return KS_IMPORT_DIALOG (dialog);
}

/* A spreadsheet with Chinese headers comes in through the dialog. */
static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  KsImportDialog *dialog;
  GtkWidget *mapping;
  KsAccount *account;

  dialog = open_import (f, "客户.csv",
                        "客户名称,行业,负责人,年采购额,备注\r\n"
                        "华南精工有限公司,制造业,王磊,120万,\"重点, 续约中\"\r\n"
                        "Blue Harbor Foods,Food,Emily Chen,\"¥3,500,000\",\r\n");

  /* The preview and the guessed mapping are what the user checks first. */
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (dialog), "华南精工有限公司"));
  mapping = ks_test_ui_find_by_name (GTK_WIDGET (dialog), "mapping-3");
  g_assert_true (ADW_IS_COMBO_ROW (mapping));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (mapping)), ==,
                    KS_COLUMN_ANNUAL_PURCHASES + 1);

  ks_import_dialog_start (dialog);
  wait_for_result (dialog);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (dialog), "2 Accounts Imported"));

  account = ks_store_find_account_by_name (f->store, "华南精工有限公司");
  g_assert_nonnull (account);
  g_assert_cmpint (ks_account_get_annual_purchases (account), ==, 120000000);
  g_assert_cmpstr (ks_account_get_notes (account), ==, "重点, 续约中");
  g_assert_cmpuint (n_visible (f), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (f)), ==, "list");
}

/* A bad row stops the import and names its line; the valid rows can go in on request. */
static void
test_import_problems (Fixture       *f,
                      gconstpointer  data)
{
  KsImportDialog *dialog;
  GtkWidget *back, *valid_only;

  dialog = open_import (f, "accounts.csv",
                        "Name,Annual purchases\n"
                        "Good One Ltd,1000\n"
                        "Bad Amount Ltd,1.2M\n");
  ks_import_dialog_start (dialog);
  wait_for_result (dialog);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (dialog), "Nothing Was Imported"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (dialog),
                                      "Line 3, column “Annual purchases”"));
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), ==, 0);

  back = ks_test_ui_find_by_name (GTK_WIDGET (dialog), "back-button");
  g_assert_true (gtk_widget_get_visible (back));
  g_signal_emit_by_name (back, "clicked");
  ks_test_ui_wait (50);
  g_assert_cmpstr (ks_import_dialog_get_page (dialog), ==, "setup");
  valid_only = ks_test_ui_find_by_name (GTK_WIDGET (dialog), "valid-only-switch");
  gtk_switch_set_active (GTK_SWITCH (valid_only), TRUE);

  ks_import_dialog_start (dialog);
  wait_for_result (dialog);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (dialog), "1 Account Imported"));
  g_assert_nonnull (ks_store_find_account_by_name (f->store, "Good One Ltd"));
  g_assert_null (ks_store_find_account_by_name (f->store, "Bad Amount Ltd"));
}

/* Export writes what the list shows, for Excel: BOM, header row, the filtered rows. */
static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  GtkEditable *search;
  guint lines = 0;

  load_sample (f);
  search = ks_portfolio_view_get_search_entry (f->view);
  gtk_editable_set_text (search, "华东");
  ks_test_ui_wait (100);
  g_assert_cmpuint (n_visible (f), >=, 1);

  ks_window_export_csv (f->window, path);
  for (guint i = 0; i < 100 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    ks_test_ui_wait (50);
  ks_test_ui_wait (100);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "Name,"));
  g_assert_nonnull (strstr (contents, ks_account_get_name (visible_account (f, 0))));
  g_assert_null (strstr (contents, "Northwind"));   /* filtered out */
  for (const char *p = contents; (p = strstr (p, "\r\n")) != NULL; p += 2)
    lines++;
  g_assert_cmpuint (lines, ==, n_visible (f) + 1);   /* the header and each row shown */
  {
    g_autofree char *toast = g_strdup_printf (n_visible (f) == 1
                                              ? "Exported %u account to “out.csv”"
                                              : "Exported %u accounts to “out.csv”",
                                              n_visible (f));

    g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->window), toast));
  }
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget keeps it */
    }
  return NULL;
}

/* The name of the account whose page is on screen, or NULL; then back to the views. */
static const char *
shown_account_name (Fixture *f)
{
  KsAccountPage *page = ks_window_get_account_page (f->window);
  const char *name;

  if (page == NULL)
    return NULL;
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  name = ks_account_get_name (ks_account_page_get_account (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  ks_test_ui_wait (100);
  return name;
}

/* Enter in the search opens the first account found; with none found, nothing. */
static void
test_search_enter_opens (Fixture       *f,
                         gconstpointer  data)
{
  GtkEditable *search;
  const char *first;

  load_sample (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  ks_test_ui_wait (50);
  search = ks_portfolio_view_get_search_entry (f->view);
  /* Nothing typed yet: nothing to open. */
  g_signal_emit_by_name (search, "activate");
  ks_test_ui_wait (100);
  g_assert_null (shown_account_name (f));

  gtk_editable_set_text (search, "有限公司");
  ks_test_ui_wait (100);
  g_assert_cmpuint (n_visible (f), >, 1);
  first = ks_account_get_name (visible_account (f, 0));
  g_signal_emit_by_name (search, "activate");
  ks_test_ui_wait (100);
  g_assert_cmpstr (shown_account_name (f), ==, first);

  gtk_editable_set_text (search, "qqqq");
  ks_test_ui_wait (100);
  g_assert_cmpuint (n_visible (f), ==, 0);
  g_signal_emit_by_name (search, "activate");
  ks_test_ui_wait (100);
  g_assert_null (shown_account_name (f));
}

/* Hover a bubble, click it: that account opens. Click a quadrant's title: the list
 * shows that quadrant. The keyboard reaches the bubbles too. */
static void
test_quadrant_chart (Fixture       *f,
                     gconstpointer  data)
{
  KsQuadrantView *chart;
  g_autoptr(KsChartLayout) layout = NULL;
  GtkEventController *motion, *click, *keys;
  KsAccount *account;
  cairo_rectangle_t rect;
  double x, y, radius;
  gboolean handled = FALSE;
  guint strategic = 0;

  load_sample (f);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "quadrant");
  ks_test_ui_wait (300);
  chart = KS_QUADRANT_VIEW (ks_test_ui_find_by_name (GTK_WIDGET (f->window), "quadrant-view"));
  g_assert_nonnull (chart);
  layout = ks_quadrant_view_get_layout (chart);
  g_assert_nonnull (layout);
  ks_chart_layout_ref (layout);
  g_assert_cmpuint (ks_chart_layout_get_n_points (layout), ==, ks_store_get_n_accounts (f->store));

  /* Hover the first bubble: a pointer cursor; click it: its account opens. */
  ks_chart_layout_get_bubble (layout, 0, &x, &y, &radius);
  account = ks_store_lookup_account (f->store, ks_chart_layout_get_id (layout, 0));
  g_assert_nonnull (account);
  motion = find_controller (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  click = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK);
  g_assert_nonnull (motion);
  g_assert_nonnull (click);
  x = x + 0.3 * radius;   /* off-centre, still inside */
  g_assert_cmpint (ks_chart_layout_hit_test (layout, x, y), >=, 0);
  g_signal_emit_by_name (motion, "motion", x, y);
  ks_test_ui_wait (50);
  g_assert_nonnull (gtk_widget_get_cursor (GTK_WIDGET (chart)));
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (chart))), ==,
                   "pointer");
  g_signal_emit_by_name (click, "released", 1, x, y);
  ks_test_ui_wait (200);
  g_assert_cmpstr (shown_account_name (f),
                   ==,
                   ks_account_get_name (ks_store_lookup_account (f->store,
                                                                 ks_chart_layout_get_id (layout,
                                                                                         ks_chart_layout_hit_test (layout, x, y)))));

  /* The keyboard: an arrow focuses a bubble, Enter opens it. */
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  keys = find_controller (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  ks_test_ui_wait (200);
  g_assert_nonnull (shown_account_name (f));

  /* The description says the same in words. */
  {
    g_autofree char *description = ks_chart_layout_describe (layout);

    g_assert_nonnull (strstr (description, "Strategic"));
  }

  /* A click on the Strategic title lists the Strategic accounts. */
  for (guint i = 0; i < ks_store_get_n_accounts (f->store); i++)
    {
      g_autoptr(KsAccount) each = g_list_model_get_item (ks_store_get_accounts (f->store), i);

      if (ks_account_get_quadrant (each) == KS_QUADRANT_STRATEGIC)
        strategic++;
    }
  ks_chart_layout_get_quadrant_rect (layout, KS_QUADRANT_STRATEGIC, &rect);
  g_signal_emit_by_name (click, "released", 1, rect.x + rect.width / 2, rect.y + rect.height / 2);
  ks_test_ui_wait (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK))),
                   ==, "portfolio");
  g_assert_cmpuint (n_visible (f), ==, strategic);
  for (guint i = 0; i < n_visible (f); i++)
    g_assert_cmpint (ks_account_get_quadrant (visible_account (f, i)), ==, KS_QUADRANT_STRATEGIC);
}

/* The visible message dialog whose heading starts with @heading. */
static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && g_str_has_prefix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                               heading))
        return ADW_MESSAGE_DIALOG (window);   /* GTK keeps it */
    }
  g_assert_not_reached ();
}

/* Take a snapshot through its dialog, change the weights, compare: the chart has arrows
 * and the Moved button lists the accounts that changed quadrant. */
static void
test_snapshot_movement (Fixture       *f,
                        gconstpointer  data)
{
  KsScoringRules rules;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moved_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KsChartLayout) layout = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  AdwMessageDialog *dialog;
  AdwViewStack *stack;
  KsQuadrantView *chart;
  GtkDropDown *compare;
  GtkMenuButton *moved;
  GtkWidget *entry, *list;
  GListModel *items;
  guint position = GTK_INVALID_LIST_POSITION;
  guint n_moved = 0;

  load_sample (f);
  stack = ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "quadrant");
  ks_test_ui_wait (100);
  chart = KS_QUADRANT_VIEW (ks_test_ui_find_by_name (GTK_WIDGET (f->window), "quadrant-view"));
  compare = GTK_DROP_DOWN (ks_test_ui_find_by_name (GTK_WIDGET (f->window), "compare-dropdown"));
  moved = GTK_MENU_BUTTON (ks_test_ui_find_by_name (GTK_WIDGET (f->window), "moved-button"));
  g_assert_nonnull (chart);
  g_assert_nonnull (compare);
  g_assert_nonnull (moved);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (compare)), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (moved)));

  /* The dialog suggests this quarter; type another. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.take-snapshot", NULL));
  ks_test_ui_wait (100);
  dialog = find_message_dialog ("Take Quarterly Snapshot");
  entry = ks_test_ui_find_by_name (GTK_WIDGET (dialog), "snapshot-quarter");
  g_assert_nonnull (entry);
  g_assert_cmpint (strlen (gtk_editable_get_text (GTK_EDITABLE (entry))), ==, 7);
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-Q5");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "take"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-Q3");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "take"));
  adw_message_dialog_response (dialog, "take");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ks_test_ui_wait (100);
  toast = g_strdup_printf ("Snapshot of 2026-Q3 taken: %u accounts",
                           ks_store_get_n_accounts (f->store));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->window), toast));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (compare)), ==, 2);

  /* The same quarter again asks before replacing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.take-snapshot", NULL));
  ks_test_ui_wait (100);
  dialog = find_message_dialog ("Take Quarterly Snapshot");
  entry = ks_test_ui_find_by_name (GTK_WIDGET (dialog), "snapshot-quarter");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-Q3");
  adw_message_dialog_response (dialog, "take");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ks_test_ui_wait (100);
  dialog = find_message_dialog ("Replace the snapshot of 2026-Q3?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "replace"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "replace");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ks_test_ui_wait (100);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->window), toast));

  /* Value follows strategic significance almost alone now: accounts change quadrant. */
  rules = *ks_store_get_rules (f->store);
  rules.weights[KS_DIMENSION_SCALE] = 5;
  rules.weights[KS_DIMENSION_STRATEGIC] = 55;
  rules.weights[KS_DIMENSION_COOPERATION] = 25;
  rules.weights[KS_DIMENSION_RELATIONSHIP] = 15;
  g_assert_true (ks_store_set_rules (f->store, &rules, &error));
  g_assert_no_error (error);
  ks_test_ui_wait (100);

  /* Choose 2026-Q3 in the drop-down. */
  items = gtk_drop_down_get_model (compare);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), "2026-Q3") == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (compare, position);
  ks_test_ui_wait (300);

  {
    g_autoptr(GHashTable) snapshot = ks_store_load_snapshot (f->store, "2026-Q3", &error);

    g_assert_no_error (error);
    for (guint i = 0; i < ks_store_get_n_accounts (f->store); i++)
      {
        g_autoptr(KsAccount) account = g_list_model_get_item (ks_store_get_accounts (f->store),
                                                              i);
        gint64 id = ks_account_get_id (account);
        const KsSnapshotEntry *entry_then = g_hash_table_lookup (snapshot, &id);

        g_assert_nonnull (entry_then);
        if (entry_then->quadrant != ks_account_get_quadrant (account))
          {
            n_moved++;
            g_ptr_array_add (moved_names, g_strdup (ks_account_get_name (account)));
          }
      }
  }
  g_assert_cmpuint (n_moved, >, 0);

  /* The button counts them, its list names them. */
  label = g_strdup_printf ("%u Moved", n_moved);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (moved)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (moved)));
  g_assert_cmpstr (gtk_menu_button_get_label (moved), ==, label);
  gtk_menu_button_popup (moved);
  ks_test_ui_wait (200);
  list = ks_test_ui_find_by_name (GTK_WIDGET (gtk_menu_button_get_popover (moved)), "moved-list");
  g_assert_nonnull (list);
  {
    g_autoptr(GPtrArray) texts = ks_test_ui_collect_text (list);
    gboolean found = FALSE;

    g_assert_cmpuint (texts->len, ==, n_moved);
    for (guint i = 0; i < texts->len; i++)
      if (strstr (g_ptr_array_index (texts, i), g_ptr_array_index (moved_names, 0)) != NULL
          && strstr (g_ptr_array_index (texts, i), "→") != NULL)
        found = TRUE;
    g_assert_true (found);
  }
  gtk_menu_button_popdown (moved);

  /* The bar with all its buttons still fits a phone. */
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1,
                        &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  /* Every bubble has its earlier position: the chart draws the arrows. */
  g_assert_cmpuint (ks_quadrant_view_get_n_compared (chart), ==,
                    ks_store_get_n_accounts (f->store));
  layout = ks_quadrant_view_get_layout (chart);
  g_assert_nonnull (layout);
  ks_chart_layout_ref (layout);
  description = ks_chart_layout_describe (layout);
  g_assert_nonnull (strstr (description, "changed quadrant since the snapshot"));

  /* Back to no comparison: no arrows, no button. */
  gtk_drop_down_set_selected (compare, 0);
  ks_test_ui_wait (100);
  g_assert_cmpuint (ks_quadrant_view_get_n_compared (chart), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (moved)));
}

/* The chart's own tier and owner filters are the portfolio's: one choice, both views. */
static void
test_chart_filters (Fixture       *f,
                    gconstpointer  data)
{
  GtkDropDown *owner_filter;
  KsQuadrantView *chart;
  KsChartLayout *layout;
  const char *owner;
  guint expected = 0;

  load_sample (f);
  ks_test_ui_wait (200);   /* the owners list fills in an idle */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "quadrant");
  ks_test_ui_wait (100);
  owner_filter = GTK_DROP_DOWN (ks_test_ui_find_by_name (GTK_WIDGET (f->window),
                                                         "chart-owner-filter"));
  g_assert_nonnull (owner_filter);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (owner_filter)), >, 2);
  gtk_drop_down_set_selected (owner_filter, 1);
  owner = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (owner_filter)), 1);
  for (guint i = 0; i < ks_store_get_n_accounts (f->store); i++)
    {
      g_autoptr(KsAccount) each = g_list_model_get_item (ks_store_get_accounts (f->store), i);

      if (g_strcmp0 (ks_account_get_owner (each), owner) == 0)
        expected++;
    }
  ks_test_ui_wait (200);

  /* The list shows that owner's accounts, and so does the chart. */
  g_assert_cmpuint (n_visible (f), ==, expected);
  for (guint i = 0; i < n_visible (f); i++)
    g_assert_cmpstr (ks_account_get_owner (visible_account (f, i)), ==, owner);
  chart = KS_QUADRANT_VIEW (ks_test_ui_find_by_name (GTK_WIDGET (f->window), "quadrant-view"));
  layout = ks_quadrant_view_get_layout (chart);
  g_assert_nonnull (layout);
  g_assert_cmpuint (ks_chart_layout_get_n_points (layout), ==, expected);
}

/* An owner chosen in the list before the chart was ever shown is the chart's too. */
static void
test_chart_follows_list_filter (Fixture       *f,
                                gconstpointer  data)
{
  GtkDropDown *list_owner, *chart_owner;
  KsQuadrantView *chart;
  guint expected;

  load_sample (f);
  ks_test_ui_wait (200);   /* the owners list fills in an idle */
  g_assert_null (ks_test_ui_find_by_name (GTK_WIDGET (f->window), "chart-owner-filter"));
  list_owner = GTK_DROP_DOWN (ks_test_ui_find_by_name (GTK_WIDGET (f->view), "owner-filter"));
  g_assert_nonnull (list_owner);
  gtk_drop_down_set_selected (list_owner, 2);
  ks_test_ui_wait (100);
  expected = n_visible (f);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, ks_store_get_n_accounts (f->store));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "quadrant");
  ks_test_ui_wait (300);
  chart_owner = GTK_DROP_DOWN (ks_test_ui_find_by_name (GTK_WIDGET (f->window),
                                                        "chart-owner-filter"));
  g_assert_nonnull (chart_owner);
  g_assert_cmpuint (gtk_drop_down_get_selected (chart_owner), ==, 2);
  chart = KS_QUADRANT_VIEW (ks_test_ui_find_by_name (GTK_WIDGET (f->window), "quadrant-view"));
  g_assert_cmpuint (ks_chart_layout_get_n_points (ks_quadrant_view_get_layout (chart)), ==,
                    expected);

  /* and back: every owner, in both */
  gtk_drop_down_set_selected (chart_owner, 0);
  ks_test_ui_wait (300);
  g_assert_cmpuint (gtk_drop_down_get_selected (list_owner), ==, 0);
  g_assert_cmpuint (ks_chart_layout_get_n_points (ks_quadrant_view_get_layout (chart)), ==,
                    ks_store_get_n_accounts (f->store));
}

/* The list view whose children are the portfolio's rows. */
static GtkWidget *
rows_parent (Fixture *f)
{
  return ks_test_ui_find_by_type (ks_test_ui_find_by_type (GTK_WIDGET (f->view),
                                                           GTK_TYPE_COLUMN_VIEW),
                                  GTK_TYPE_LIST_VIEW);
}

/* The row that has the focus, and the account it shows; NULL if the focus is not on a
 * row of the portfolio's list. */
static GtkWidget *
focused_row (Fixture    *f,
             KsAccount **account)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *list = rows_parent (f);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  if (focus == NULL || gtk_widget_get_parent (focus) != list)
    return NULL;
  collect_cells (focus, texts);
  *account = NULL;
  for (guint i = 0; texts->len > 0 && i < n_visible (f); i++)
    if (g_strcmp0 (ks_account_get_name (visible_account (f, i)),
                   g_ptr_array_index (texts, 0)) == 0)
      *account = visible_account (f, i);
  return focus;
}

/* With fewer accounts shown than the list has had rows, End still reaches the last
 * account, and deleting it leaves the focus on the account before. */
static void
test_keyboard_past_last_account (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *list, *row;
  KsAccount *account = NULL;
  GtkSelectionModel *selection;
  guint n;

  load_sample (f);
  gtk_editable_set_text (ks_portfolio_view_get_search_entry (f->view), "ri");
  ks_test_ui_wait (100);
  assert_rows_show_accounts (f);
  n = n_visible (f);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n, <, ks_store_get_n_accounts (f->store));

  list = rows_parent (f);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_first_child (list)));
  g_assert_true (press_list_key (f, GDK_KEY_End));
  ks_test_ui_wait (50);
  row = focused_row (f, &account);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (account == visible_account (f, n - 1));
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (f->view),
                                                                                   GTK_TYPE_COLUMN_VIEW)));
  g_assert_true (gtk_selection_model_is_selected (selection, n - 1));

  /* the last account deleted: its row is hidden, the focus goes to the row before */
  g_assert_true (press_list_key (f, GDK_KEY_Delete));
  ks_test_ui_wait (200);
  g_assert_cmpuint (n_visible (f), ==, n - 1);
  row = focused_row (f, &account);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (account == visible_account (f, n - 2));
}

/* Opens the sample in a window @width px wide, and checks that the texts in view of
 * the columns in @columns (a bit per column), but for those over @longest px, show
 * whole. Returns how many it checked. */
static guint
check_cells_whole (Fixture *f,
                   int      width,
                   guint    columns,
                   int      longest)
{
  guint checked = 0;

  gtk_window_unmaximize (GTK_WINDOW (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 800);
  load_sample (f);
  ks_test_ui_wait (200);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (f->window)) - width), <=, 20);

  for (GtkWidget *row = gtk_widget_get_first_child (rows_parent (f));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);

      for (guint column = 0; cell != NULL; column++, cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *text = gtk_widget_get_first_child (cell);
          g_autoptr(PangoLayout) layout = NULL;
          int text_width;

          if ((columns & (1u << column)) == 0 || !gtk_widget_get_mapped (row) ||
              ks_cell_text_get_text (KS_CELL_TEXT (text)) == NULL)
            continue;
          layout = gtk_widget_create_pango_layout (text, ks_cell_text_get_text (KS_CELL_TEXT (text)));
          pango_layout_get_pixel_size (layout, &text_width, NULL);
          if (text_width > longest)
            continue;
          g_test_message ("%s: %d px in %d", ks_cell_text_get_text (KS_CELL_TEXT (text)),
                          text_width, gtk_widget_get_width (text));
          g_assert_cmpint (gtk_widget_get_width (text), >=, text_width);
          checked++;
        }
    }
  return checked;
}

/* At 1280 px, the names and owners in view show whole when they are not very long:
 * the long English column titles go on two lines and leave them the room. */
static void
test_names_fit (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpuint (check_cells_whole (f, 1280, 1u << 0 | 1u << 7, 180), >=, 20);
}

/* In a window too narrow for every column, annual purchases still show whole: the
 * list scrolls sideways rather than cut an amount short. */
static void
test_amounts_whole (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpuint (check_cells_whole (f, 800, 1u << 6, G_MAXINT), >=, 10);
}

/* In Chinese, in a window 900 px wide, the quadrants show whole: their names are four
 * characters, each about as wide as two digits, and the Chinese column titles take
 * more room than the English ones. */
static void
test_quadrants_whole_chinese (Fixture       *f,
                              gconstpointer  data)
{
  if (!in_chinese_subprocess ())
    return;

  g_assert_cmpstr (_("Strategic"), ==, "战略客户");
  g_assert_cmpstr (_("Load _Sample Portfolio"), ==, "载入示例客户组合(_S)");
  g_assert_cmpuint (check_cells_whole (f, 900, 1u << 5, G_MAXINT), >=, 10);
}

/* About Keystone in Chinese: the developers and the copyright are in Chinese too, as
 * the developer name is. */
static void
test_about_chinese (Fixture       *f,
                    gconstpointer  data)
{
  AdwAboutWindow *about;

  if (!in_chinese_subprocess ())
    return;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  ks_test_ui_wait (100);
  about = ADW_ABOUT_WINDOW (ks_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL));
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "Keystone 开发团队");
  g_assert_cmpstr (adw_about_window_get_developers (about)[0], ==, "Keystone 开发团队");
  g_assert_cmpstr (adw_about_window_get_copyright (about), ==, "© 2026 Keystone 开发团队");
  gtk_window_destroy (GTK_WINDOW (about));
}

/* A search hides the row that last had the focus in the list: the tenth. */
static void
hide_focused_row (Fixture *f)
{
  GtkWidget *row;

  load_sample (f);
  row = gtk_widget_get_first_child (rows_parent (f));
  for (guint i = 0; i < 9; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_true (gtk_widget_grab_focus (row));

  ks_portfolio_view_start_search (f->view);
  gtk_editable_set_text (ks_portfolio_view_get_search_entry (f->view), "ri");
  ks_test_ui_wait (100);
  g_assert_cmpuint (n_visible (f), >=, 2);
  g_assert_cmpuint (n_visible (f), <, 10);
  g_assert_false (gtk_widget_get_visible (row));
}

/* Tab from the search then reaches the list's first account, past the four filters
 * (the count below changes with them), and Shift+Tab goes back to the filters. The
 * page for no match takes no focus. */
static void
test_tab_after_search (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *row;
  KsAccount *account = NULL;
  guint tabs;

  hide_focused_row (f);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (ks_portfolio_view_get_search_entry (f->view))));

  for (tabs = 1; tabs <= 8; tabs++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
      if (focused_row (f, &account) != NULL)
        break;
    }
  g_test_message ("the list after %u tabs", tabs);
  g_assert_cmpuint (tabs, ==, 5);
  row = focused_row (f, &account);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (account == visible_account (f, 0));

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
  g_assert_null (focused_row (f, &account));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         ks_test_ui_find_by_name (GTK_WIDGET (f->view),
                                                                  "alert-filter")));

  gtk_editable_set_text (ks_portfolio_view_get_search_entry (f->view), "no such account zzz");
  ks_test_ui_wait (100);
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                          GTK_WIDGET (f->view)));
}

/* Shift+Tab coming round the window, past a toast's button, reaches the list's last
 * account when a search has hidden the row last focused in it. */
static void
test_shift_tab_after_search (Fixture       *f,
                             gconstpointer  data)
{
  KsAccount *account = NULL;

  hide_focused_row (f);
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (f->view)))
        break;
    }
  g_assert_nonnull (focused_row (f, &account));
  g_assert_true (account == visible_account (f, n_visible (f) - 1));
}

/* Export the chart as a file, as Ctrl+E does in the chart view. */
static void
test_export_chart (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;

  load_sample (f);
  g_assert_true (ks_window_export_chart (f->window, KS_CHART_FORMAT_PNG, path, 800, 500, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 500);
  cairo_surface_destroy (png);
  ks_test_ui_wait (50);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->window), "Chart exported to “chart.png”"));
}

/* The views not shown at start are left out of the first frame's work, not built yet
 * or hidden, and each is shown with its page, whose place in the view switcher was
 * there all along. */
static void
test_views_shown_with_their_page (Fixture       *f,
                                  gconstpointer  data)
{
  static const struct { const char *page, *view; gboolean built; } views[] = {
    { "team", "team-view", FALSE },
    { "contracts", "contracts-view", FALSE },
    { "complaints", "complaints-view", FALSE },
    /* No account yet: the quadrant page shows its empty state. */
    { "quadrant", "quadrant-empty-page", FALSE },
  };
  AdwViewStack *stack = ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                                 ADW_TYPE_VIEW_STACK));

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "portfolio");
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = ks_test_ui_find_by_name (GTK_WIDGET (f->window), views[i].view);

      if (views[i].built)
        {
          g_assert_nonnull (view);
          g_assert_false (gtk_widget_get_mapped (view));
          g_assert_false (gtk_widget_is_visible (view));
        }
      else
        g_assert_null (view);
      g_assert_true (adw_view_stack_page_get_visible (
        adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, views[i].page))));

      adw_view_stack_set_visible_child_name (stack, views[i].page);
      ks_test_ui_wait (50);
      view = ks_test_ui_find_by_name (GTK_WIDGET (f->window), views[i].view);
      g_assert_nonnull (view);
      g_assert_true (gtk_widget_get_mapped (view));
      g_assert_cmpint (gtk_widget_get_height (view), >, 100);
    }
}

/* A portfolio that is there at start shows its top rows first, then every row. */
typedef struct {
  GtkWidget *window;
  int list_height;     /* the list's height in the first frame, 0 before */
  int rows_bottom;     /* where its lowest row ends */
} FirstPaint;

static void
measure_first_paint (GdkFrameClock *clock,
                     FirstPaint    *first)
{
  GtkWidget *view = ks_test_ui_find_by_type (first->window, GTK_TYPE_COLUMN_VIEW);
  /* the list of rows, below the column titles */
  GtkWidget *list = gtk_widget_get_last_child (view);

  if (first->list_height != 0)
    return;
  first->list_height = gtk_widget_get_height (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_child_visible (row) &&
          gtk_widget_compute_bounds (row, list, &bounds))
        first->rows_bottom = MAX (first->rows_bottom,
                                  (int) (bounds.origin.y + bounds.size.height));
    }
}

/* A label with @text, shown or not. */
static gboolean
is_label_made (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
test_rows_at_start (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "full.db", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  KsPortfolioView *portfolio;
  GtkColumnView *view;
  FirstPaint first = { NULL, 0, 0 };  /* the window is set once it is open */
  guint n;

  {
    g_autoptr(KsStore) store = ks_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (ks_store_load_sample (store, &error));
    /* More than a screenful, so the rest must follow the first frame. */
    for (guint i = 0; i < 60; i++)
      {
        g_autoptr(KsAccount) account = ks_account_new ();
        g_autofree char *name = g_strdup_printf ("Extra Account %02u", i);

        ks_account_set_name (account, name);
        g_assert_true (ks_store_add_account (store, account, &error));
      }
    n = ks_store_get_n_accounts (store);
    g_assert_cmpuint (n, >, 80);
  }

  window = ks_application_open_database (f->app, path);
  g_assert_true (KS_IS_WINDOW (window));
  portfolio = KS_PORTFOLIO_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (window),
                                                          KS_TYPE_PORTFOLIO_VIEW));
  /* No frame yet: the first will show the rows a window of its height shows. */
  view = GTK_COLUMN_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                    <, n);
  /* Those rows reach the bottom of the list in the first frame. */
  first.window = GTK_WIDGET (window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "paint",
                    G_CALLBACK (measure_first_paint), &first);
  for (guint i = 0; i < 200 && first.list_height == 0; i++)
    ks_test_ui_wait (10);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                        measure_first_paint, &first);
  g_assert_cmpint (first.list_height, >, 200);
  g_assert_cmpint (first.rows_bottom, >=, first.list_height);
  /* and no row is selected that no one chose */
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      GTK_SINGLE_SELECTION (gtk_column_view_get_model (view))),
                    ==, GTK_INVALID_LIST_POSITION);
  /* The other rows follow, a few each frame. */
  for (guint i = 0; i < 1000 && !ks_portfolio_view_is_settled (portfolio); i++)
    ks_test_ui_wait (10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                    ==, n);
  /* The empty state, for a portfolio with no account, was never made. */
  g_assert_null (ks_test_ui_find (GTK_WIDGET (window), is_label_made, "No Accounts Yet"));
  gtk_window_destroy (window);
}

/* The row widgets of @portfolio's list, once it has settled; held, so that none is
 * taken for another made at the same address. */
static GPtrArray *
settled_row_widgets (KsPortfolioView *portfolio)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *list;

  for (guint i = 0; i < 1000 && !ks_portfolio_view_is_settled (portfolio); i++)
    ks_test_ui_wait (10);
  g_assert_true (ks_portfolio_view_is_settled (portfolio));
  ks_test_ui_wait (50);
  list = ks_test_ui_find_by_type (ks_test_ui_find_by_type (GTK_WIDGET (portfolio),
                                                           GTK_TYPE_COLUMN_VIEW),
                                  GTK_TYPE_LIST_VIEW);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (rows, g_object_ref (row));
  return rows;
}

/* A search that shows a few of many accounts, then all again, keeps the list's rows:
 * the rows GTK 4.8 builds its widgets for stay in the list, and are hidden while
 * empty. Building a row makes GTK measure every cell of the list again, frame after
 * frame as the rows come back. */
static void
test_rows_kept_through_search (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "many.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) narrowed = NULL;
  KsPortfolioView *portfolio;
  GtkEditable *search;
  GtkWindow *window;

  {
    g_autoptr(KsStore) store = ks_store_open (path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 300; i++)
      {
        g_autoptr(KsAccount) account = ks_account_new ();
        g_autofree char *name = g_strdup_printf ("Extra Account %03u", i);

        ks_account_set_name (account, name);
        g_assert_true (ks_store_add_account (store, account, &error));
      }
  }
  window = ks_application_open_database (f->app, path);
  portfolio = KS_PORTFOLIO_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (window),
                                                          KS_TYPE_PORTFOLIO_VIEW));
  search = ks_portfolio_view_get_search_entry (portfolio);
  before = settled_row_widgets (portfolio);
  g_assert_cmpuint (before->len, >, 200);

  gtk_editable_set_text (search, "Extra Account 00");
  narrowed = settled_row_widgets (portfolio);
  g_assert_cmpuint (g_list_model_get_n_items (ks_portfolio_view_get_visible_accounts (portfolio)),
                    ==, 10);
  gtk_editable_set_text (search, "");
  after = settled_row_widgets (portfolio);
  g_assert_cmpuint (g_list_model_get_n_items (ks_portfolio_view_get_visible_accounts (portfolio)),
                    ==, 300);

  g_assert_cmpuint (narrowed->len, ==, before->len);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      g_assert_true (g_ptr_array_index (narrowed, i) == g_ptr_array_index (before, i));
      g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));
    }
  gtk_window_destroy (window);
}

/* A CSV file dropped on the window opens the import dialog for it. */
static void
test_drop_csv (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "dropped.csv", NULL);
  g_autoptr(GFile) file = NULL;
  GSList *files;
  GValue value = G_VALUE_INIT;
  GtkEventController *drop;
  gboolean accepted = FALSE;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, "Name\nDropped Account Ltd\n", -1, NULL));
  file = g_file_new_for_path (path);
  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);

  drop = find_controller (GTK_WIDGET (f->window), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (drop);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (accepted);
  ks_test_ui_wait (100);

  dialog = ks_test_ui_find_toplevel (KS_TYPE_IMPORT_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (dialog), "dropped.csv"));
  ks_import_dialog_start (KS_IMPORT_DIALOG (dialog));
  wait_for_result (KS_IMPORT_DIALOG (dialog));
  g_assert_nonnull (ks_store_find_account_by_name (f->store, "Dropped Account Ltd"));
}

static guint
n_shortcuts_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      n += GTK_IS_SHORTCUTS_WINDOW (window);
    }
  return n;
}

/* A shortcut drawn with @title; the window's search page holds hidden copies. */
static gboolean
is_shortcut_titled (GtkWidget     *widget,
                    gconstpointer  title)
{
  g_autofree char *own = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  g_object_get (widget, "title", &own, NULL);
  return g_strcmp0 (own, title) == 0;
}

static GtkWidget *
shortcut_titled (GtkWidget  *root,
                 const char *title)
{
  return ks_test_ui_find (root, is_shortcut_titled, title);
}

/* Ctrl+? shows the keyboard shortcuts, built the first time they are asked for and
 * kept for the next. */
static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(GStrv) actions =
    gtk_application_get_actions_for_accel (GTK_APPLICATION (f->app), "<Control>question");
  GtkWindow *shortcuts;
  GtkWidget *search;

  g_assert_true (g_strv_contains ((const char * const *) actions, "win.show-shortcuts"));
  g_assert_cmpuint (n_shortcuts_windows (), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-shortcuts",
                                             NULL));
  ks_test_ui_wait (100);
  shortcuts = ks_test_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (f->window));
  /* Each shortcut shows the keys the application gives its action. */
  search = shortcut_titled (GTK_WIDGET (shortcuts), "Search Accounts");
  g_assert_nonnull (search);
  g_assert_true (ks_test_ui_has_text (search, "Ctrl"));
  g_assert_true (ks_test_ui_has_text (search, "F"));
  g_assert_true (ks_test_ui_has_text (shortcut_titled (GTK_WIDGET (shortcuts), "Preferences"),
                                      ","));

  /* Closed, it is hidden; asked for again, the same window comes back. */
  gtk_window_close (shortcuts);
  ks_test_ui_wait (100);
  g_assert_null (ks_test_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-shortcuts",
                                             NULL));
  ks_test_ui_wait (100);
  g_assert_true (ks_test_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL) == shortcuts);
  g_assert_cmpuint (n_shortcuts_windows (), ==, 1);
}

/* Ctrl+Enter saves the account, as in every other editor, and so does Ctrl+S; the
 * shortcuts window lists both. */
static void
test_editor_save_keys (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *name; guint keyval; } keys[] = {
    { "Ctrl Enter Ltd", GDK_KEY_Return },
    { "Ctrl S Ltd", GDK_KEY_s },
  };
  GtkWindow *shortcuts;
  GtkWidget *save;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      KsAccountEditor *editor = open_editor (f);

      type_into (GTK_WIDGET (editor), "name-row", keys[i].name);
      g_assert_true (press_key (GTK_WIDGET (editor), keys[i].keyval, GDK_CONTROL_MASK));
      ks_test_ui_wait (100);
      g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_ACCOUNT_EDITOR, NULL));
      g_assert_nonnull (ks_store_find_account_by_name (f->store, keys[i].name));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-shortcuts",
                                             NULL));
  ks_test_ui_wait (100);
  shortcuts = ks_test_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  g_assert_nonnull (shortcuts);
  save = shortcut_titled (GTK_WIDGET (shortcuts), "Save");
  g_assert_nonnull (save);
  /* GTK draws Return as ⏎: “Ctrl + ⏎ / Ctrl + S”. */
  g_assert_true (ks_test_ui_has_text (save, "⏎"));
  g_assert_true (ks_test_ui_has_text (save, "S"));
  gtk_window_close (shortcuts);
}

/* A survey row shows a fall with a true minus, as the documents do: “NPS −20”,
 * “−0.5 since 2026-Q1”, not with a hyphen. */
static void
test_satisfaction_signs (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KsAccount) account = ks_account_new ();
  g_autoptr(GError) error = NULL;
  KsSatisfaction earlier = { .quarter = (char *) "2026-Q1", .score = 8.0,
                             .has_nps = TRUE, .nps = 10 };
  KsSatisfaction later = { .quarter = (char *) "2026-Q2", .score = 7.5,
                           .has_nps = TRUE, .nps = -20 };
  KsAccountPage *page;
  gint64 id;

  ks_account_set_name (account, "Survey Signs Ltd");
  g_assert_true (ks_store_add_account (f->store, account, &error));
  g_assert_no_error (error);
  id = ks_account_get_id (account);
  g_assert_true (ks_store_save_satisfaction (f->store, id, &earlier, &error));
  g_assert_true (ks_store_save_satisfaction (f->store, id, &later, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-account-section",
                                             "(xs)", id, "satisfaction"));
  ks_test_ui_wait (200);
  page = ks_window_get_account_page (f->window);
  g_assert_nonnull (page);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page),
                                      "Score 7.5 of 10 · NPS −20 · −0.5 since 2026-Q1"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "Score 8.0 of 10 · NPS +10"));
}

/* The nodes of @type a render node tree draws, wherever they are in it. */
static void
collect_nodes (GskRenderNode     *node,
               GskRenderNodeType  type,
               GPtrArray         *nodes)
{
  GskRenderNode *child = NULL;

  if (gsk_render_node_get_node_type (node) == type)
    g_ptr_array_add (nodes, node);
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_nodes (gsk_container_node_get_child (node, i), type, nodes);
      break;
    case GSK_TRANSFORM_NODE:
      child = gsk_transform_node_get_child (node);
      break;
    case GSK_CLIP_NODE:
      child = gsk_clip_node_get_child (node);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      child = gsk_rounded_clip_node_get_child (node);
      break;
    case GSK_OPACITY_NODE:
      child = gsk_opacity_node_get_child (node);
      break;
    case GSK_DEBUG_NODE:
      child = gsk_debug_node_get_child (node);
      break;
    default:
      break;
    }
  if (child != NULL)
    collect_nodes (child, type, nodes);
}

/* What @widget draws, as a render node tree. */
static GskRenderNode *
draw_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

/* The colour of the first row's separator; every border of the row has one colour on
 * every side. */
static GdkRGBA
row_separator_color (Fixture *f)
{
  g_autoptr(GskRenderNode) node = draw_widget (gtk_widget_get_first_child (rows_parent (f)));
  g_autoptr(GPtrArray) borders = g_ptr_array_new ();
  GdkRGBA separator = { 0, 0, 0, 0 };
  guint separators = 0;

  g_assert_nonnull (node);
  collect_nodes (node, GSK_BORDER_NODE, borders);
  for (guint i = 0; i < borders->len; i++)
    {
      const float *widths = gsk_border_node_get_widths (g_ptr_array_index (borders, i));
      const GdkRGBA *colors = gsk_border_node_get_colors (g_ptr_array_index (borders, i));
      guint sides = 0;

      for (guint side = 0; side < 4; side++)
        {
          g_assert_true (gdk_rgba_equal (&colors[side], &colors[0]));
          sides += widths[side] > 0;
        }
      /* the separator: a line along one side */
      if (sides == 1 && colors[0].alpha > 0)
        {
          separator = colors[0];
          separators++;
        }
    }
  g_assert_cmpuint (separators, ==, 1);
  return separator;
}

/* Every border in a row, its separator among them, has one colour on every side: GTK
 * draws such a border as a plain fill, but one of several colours as a gradient mesh
 * over the whole box, which made typing a search slow to draw. The separator keeps
 * the theme's colour: stronger in high contrast. */
static void
test_row_separators (Fixture       *f,
                     gconstpointer  data)
{
  GSettingsSchema *schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                     "org.gnome.desktop.a11y.interface", TRUE);
  g_autoptr(GSettings) a11y = NULL;
  GdkRGBA normal;

  load_sample (f);
  normal = row_separator_color (f);
  if (schema == NULL)
    {
      g_test_message ("no org.gnome.desktop.a11y.interface schema: high contrast left out");
      return;
    }
  g_settings_schema_unref (schema);
  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  ks_test_ui_wait (200);
  g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  g_assert_cmpfloat (row_separator_color (f).alpha, >, normal.alpha);
  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  ks_test_ui_wait (200);
  g_assert_cmpfloat (row_separator_color (f).alpha, ==, normal.alpha);
}

/* A text of several lines shows in a cell as one line. */
static void
test_cell_text_one_line (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *cell = ks_cell_text_new (NULL);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  ks_cell_text_set_text (KS_CELL_TEXT (cell), "Line one\nLine two");
  ks_cell_text_set_chars (KS_CELL_TEXT (cell), 10, 20);
  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 80);
  gtk_window_present (GTK_WINDOW (window));
  ks_test_ui_wait (200);

  node = draw_widget (cell);
  g_assert_nonnull (node);
  collect_nodes (node, GSK_TEXT_NODE, texts);
  g_assert_cmpuint (texts->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static int
cell_height (GtkWidget *cell)
{
  int height;

  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  return height;
}

/* A style class for the display, ks-test-large, of a font 40 px high; the provider
 * is taken away with gtk_style_context_remove_provider_for_display(). */
static GtkCssProvider *
add_large_font_class (void)
{
  GtkCssProvider *css = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (css, ".ks-test-large { font-size: 40px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return css;
}

/* Cells with contexts of their own measure each its own font, even when a font was
 * measured before for another cell. */
static void
test_cell_text_own_fonts (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GtkCssProvider) css = add_large_font_class ();
  GtkWidget *cells[4];
  int plain;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i] = ks_cell_text_new (NULL);
      ks_cell_text_set_text (KS_CELL_TEXT (cells[i]), "Text");
      gtk_box_append (GTK_BOX (box), cells[i]);
    }
  gtk_widget_add_css_class (cells[1], "ks-test-large");
  gtk_widget_add_css_class (cells[2], "ks-test-large");
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  ks_test_ui_wait (100);

  plain = cell_height (cells[0]);
  g_assert_cmpint (plain, >, 0);
  g_assert_cmpint (cell_height (cells[1]), >, plain * 2);
  g_assert_cmpint (cell_height (cells[2]), ==, cell_height (cells[1]));
  g_assert_cmpint (cell_height (cells[3]), ==, plain);

  /* A cell whose style changes measures its new font. */
  gtk_widget_add_css_class (cells[3], "ks-test-large");
  ks_test_ui_wait (100);
  g_assert_cmpint (cell_height (cells[3]), ==, cell_height (cells[1]));

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What @cell drew of its text in the last frame: its glyphs, how far from the left it starts, and the
 * size of its font. */
typedef struct
{
  guint n_glyphs;
  float x;
  int font_size;
} DrawnText;

static DrawnText
draw_cell_text (GtkWidget *cell)
{
  g_autoptr(GskRenderNode) node = draw_widget (cell);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  DrawnText drawn = { 0, G_MAXFLOAT, 0 };

  g_assert_nonnull (node);
  collect_nodes (node, GSK_TEXT_NODE, texts);
  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      GskRenderNode *text = g_ptr_array_index (texts, i);
      PangoFontDescription *font = pango_font_describe (gsk_text_node_get_font (text));
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (text, &bounds);
      drawn.n_glyphs += gsk_text_node_get_num_glyphs (text);
      drawn.x = MIN (drawn.x, bounds.origin.x);
      drawn.font_size = MAX (drawn.font_size, pango_font_description_get_size (font));
      pango_font_description_free (font);
    }
  return drawn;
}

/* Cells sharing a font source share the layouts of their texts: each still draws its
 * own text at its own width and alignment, and the source's new font. */
static void
test_cells_share_layouts (Fixture       *f,
                          gconstpointer  data)
{
  const char *name = "Northwind Logistics";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *source = box;  /* as a list is to its cells */
  g_autoptr(GtkCssProvider) css = add_large_font_class ();
  const int widths[] = { 300, 300, 60, 300 };
  GtkWidget *cells[4];
  PangoContext *context;
  DrawnText left;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i] = ks_cell_text_new (source);
      ks_cell_text_set_chars (KS_CELL_TEXT (cells[i]), 1, 1);
      ks_cell_text_set_text (KS_CELL_TEXT (cells[i]), i < 3 ? name : "Key");
      gtk_widget_set_size_request (cells[i], widths[i], -1);
      gtk_widget_set_halign (cells[i], GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), cells[i]);
    }
  ks_cell_text_set_xalign (KS_CELL_TEXT (cells[1]), 1.f);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  ks_test_ui_wait (100);

  /* The same text: whole in the wide cells, on the left or the right; cut short in the
   * narrow one. */
  left = draw_cell_text (cells[0]);
  g_assert_cmpuint (left.n_glyphs, ==, strlen (name));
  g_assert_cmpuint (draw_cell_text (cells[1]).n_glyphs, ==, left.n_glyphs);
  g_assert_cmpfloat (draw_cell_text (cells[1]).x, >, left.x + 100);
  g_assert_cmpuint (draw_cell_text (cells[2]).n_glyphs, <, left.n_glyphs);

  /* A cell given a text another cell shows draws it, and its own again after. */
  g_assert_cmpuint (draw_cell_text (cells[3]).n_glyphs, ==, 3);
  ks_cell_text_set_text (KS_CELL_TEXT (cells[3]), name);
  ks_test_ui_wait (100);
  g_assert_cmpuint (draw_cell_text (cells[3]).n_glyphs, ==, left.n_glyphs);
  ks_cell_text_set_text (KS_CELL_TEXT (cells[3]), "Key");
  ks_test_ui_wait (100);
  g_assert_cmpuint (draw_cell_text (cells[3]).n_glyphs, ==, 3);

  /* A cell made narrower cuts its text short; wide again and aligned right, it shows
   * it whole on the right; right to left, that is on the left. */
  gtk_widget_set_size_request (cells[0], 60, -1);
  ks_test_ui_wait (100);
  g_assert_cmpuint (draw_cell_text (cells[0]).n_glyphs, <, left.n_glyphs);
  gtk_widget_set_size_request (cells[0], 300, -1);
  ks_cell_text_set_xalign (KS_CELL_TEXT (cells[0]), 1.f);
  ks_test_ui_wait (100);
  g_assert_cmpuint (draw_cell_text (cells[0]).n_glyphs, ==, left.n_glyphs);
  g_assert_cmpfloat (draw_cell_text (cells[0]).x, >, left.x + 100);
  gtk_widget_set_direction (cells[0], GTK_TEXT_DIR_RTL);
  ks_test_ui_wait (100);
  g_assert_cmpfloat (draw_cell_text (cells[0]).x, <, left.x + 10);

  /* The source's font changes: every cell draws the text in it. */
  gtk_widget_add_css_class (source, "ks-test-large");
  ks_test_ui_wait (100);
  g_assert_cmpint (draw_cell_text (cells[0]).font_size, >, left.font_size);
  g_assert_cmpint (draw_cell_text (cells[1]).font_size, >, left.font_size);

  /* The layouts kept go with the source, and their context with them. */
  context = gtk_widget_get_pango_context (source);
  g_object_add_weak_pointer (G_OBJECT (context), (gpointer *) &context);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
  ks_test_ui_wait (100);
  g_assert_null (context);
}

/* The natural width of the list's first text cell, which shows some text. */
static int
first_cell_width (Fixture *f)
{
  GtkWidget *cell = ks_test_ui_find_by_type (rows_parent (f), KS_TYPE_CELL_TEXT);
  int min, nat;

  g_assert_nonnull (cell);
  g_assert_nonnull (ks_cell_text_get_text (KS_CELL_TEXT (cell)));
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return nat;
}

/* The list's text cells share one font and measure it once: a larger font in the
 * settings makes them wider, and the former font as wide as before. */
static void
test_cells_follow_font (Fixture       *f,
                        gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font = NULL;
  int width;

  load_sample (f);
  width = first_cell_width (f);
  g_assert_cmpint (width, >, 0);

  g_object_get (settings, "gtk-font-name", &font, NULL);
  {
    PangoFontDescription *larger = pango_font_description_from_string (font);
    g_autofree char *name = NULL;

    pango_font_description_set_size (larger, pango_font_description_get_size (larger) * 13 / 10);
    name = pango_font_description_to_string (larger);
    pango_font_description_free (larger);
    g_object_set (settings, "gtk-font-name", name, NULL);
  }
  ks_test_ui_wait (200);
  g_assert_cmpint (first_cell_width (f), >, width);

  g_object_set (settings, "gtk-font-name", font, NULL);
  ks_test_ui_wait (200);
  g_assert_cmpint (first_cell_width (f), ==, width);
}

/* The window fits a phone-sized 360 px screen, list and editor alike. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  KsAccountEditor *editor;
  int minimum;

  load_sample (f);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_test_message ("window minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 360);

  editor = open_editor (f);
  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_test_message ("editor minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 360);
}

static gboolean
is_team_toggle (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && ks_test_ui_has_text (widget, "Team");
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The primary menu is made when it first opens, with every item, and opens again. */
static void
test_primary_menu (Fixture       *f,
                   gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (ks_test_ui_find (GTK_WIDGET (f->window),
                                                            is_primary_menu_button, NULL));
  GtkPopover *popover;

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  ks_test_ui_wait (100);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (popover), "Load Sample Portfolio"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (popover), "Preferences"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (popover), "About Keystone"));
  gtk_menu_button_popdown (button);
  ks_test_ui_wait (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  gtk_menu_button_popup (button);
  ks_test_ui_wait (50);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_menu_button_popdown (button);
}

/* In a wide window the bar at the bottom is hidden, and its buttons are not made. */
static void
test_wide_no_switcher_bar (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *bar = ks_test_ui_find_by_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR);

  g_assert_nonnull (bar);
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_null (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_null (ks_test_ui_find (bar, is_team_toggle, NULL));
}

/* A window opened narrow, as a window closed narrow opens again.
 *
 * With animations, as most users have them. The other tests turn them off, and then
 * GTK 4.8 and libadwaita 1.2 warn, laying out a narrow window, of a GtkBox of the
 * header bar given a width of 0 and a height of -1: a warning of theirs, which the
 * program started narrow or resized narrow with animations on does not give. */
static void
narrow_set_up (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  g_settings_set_int (settings, "window-width", 400);
  fixture_set_up (f, data);
}

static void
narrow_tear_down (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  fixture_tear_down (f, data);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* In a narrow window the views are switched from the bar at the bottom. */
static void
test_narrow_switcher_bar (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *bar = ks_test_ui_find_by_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR);
  AdwViewStack *stack = ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                                 ADW_TYPE_VIEW_STACK));
  GtkWidget *team;

  load_sample (f);
  for (guint i = 0; i < 100 && !adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)); i++)
    ks_test_ui_wait (20);
  ks_test_ui_wait (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_true (ks_test_ui_has_text (bar, "Portfolio"));
  g_assert_true (ks_test_ui_has_text (bar, "Contracts"));

  team = ks_test_ui_find (bar, is_team_toggle, NULL);
  g_assert_nonnull (team);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (team), TRUE);
  ks_test_ui_wait (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "team");
}

/* A file that is not a database gets a message, and the file is left as it was. */
static void
test_bad_database (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "not-a-database.db", NULL);
  const char *garbage = "This is a shopping list, not a database.\n";
  g_autofree char *after = NULL;
  gsize length;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (bad, garbage, -1, NULL));
  dialog = ks_application_open_database (f->app, bad);
  ks_test_ui_wait (100);

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Database Cannot Be Opened");
  g_assert_nonnull (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");

  g_assert_true (g_file_get_contents (bad, &after, &length, NULL));
  g_assert_cmpstr (after, ==, garbage);
}

/* The account page: a target and an action, the action done; % done, health and the
 * portfolio's badges follow; deleting the account asks first and Undo brings it all
 * back. */
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
enter_text (GtkWidget  *root,
            const char *name,
            const char *text)
{
  GtkWidget *entry = find_mapped (root, name);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  ks_test_ui_wait (50);
}

static gboolean
label_contains (GtkWidget  *root,
                const char *name,
                const char *text)
{
  GtkWidget *label = ks_test_ui_find_by_name (root, name);

  g_assert_true (GTK_IS_LABEL (label));
  return strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL;
}

static gboolean
is_mapped_card (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "card") && gtk_widget_get_mapped (widget);
}

static void
test_account_plan (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new ();
  g_autoptr(KsAccountPlan) plan = NULL;
  KsAccountPage *page;
  GtkWindow *editor;
  GtkWidget *button;
  const KsPlanSummary *summary;
  GType editor_type;
  GDate today;
  gint64 id;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_MAY, 2026);
  ks_store_set_today (f->store, &today);
  ks_account_set_name (account, "计划测试有限公司");
  ks_account_set_owner (account, "李娜");
  g_assert_true (ks_store_add_account (f->store, account, &error));
  g_assert_no_error (error);
  id = ks_account_get_id (account);
  ks_test_ui_wait (100);
  g_assert_false (ks_account_get_plan_summary (account)->has_health);

  /* Open it: its page replaces the portfolio. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-account", "x",
                                             id));
  ks_test_ui_wait (200);
  page = ks_window_get_account_page (f->window);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "计划测试有限公司"));
  g_assert_nonnull (ks_test_ui_find_by_name (GTK_WIDGET (page), "overview-health-empty"));
  /* No plan yet: the health heading says what to do, over no empty card. */
  g_assert_null (ks_test_ui_find (ks_test_ui_find_by_name (GTK_WIDGET (page),
                                                           "overview-health-empty"),
                                  is_mapped_card, NULL));
  /* It fits a phone: the sidebar folds into a drop-down. */
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                        NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  /* A revenue target and actual for Q1: 80 % attained. */
  ks_account_page_show_section (page, "targets");
  ks_test_ui_wait (100);
  enter_text (GTK_WIDGET (page), "target-revenue-1", "1,000,000");
  enter_text (GTK_WIDGET (page), "actual-revenue-1", "800000");
  summary = ks_account_get_plan_summary (account);
  g_assert_true (summary->has_attainment);
  g_assert_cmpfloat_with_epsilon (summary->attainment_ytd, 80.0, 0.01);
  g_assert_true (label_contains (GTK_WIDGET (page), "attainment-revenue-ytd", "80"));
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->targets->len, ==, 1);
  g_clear_pointer (&plan, ks_account_plan_free);

  /* Letters in a figure are refused; the saved figure stays. */
  enter_text (GTK_WIDGET (page), "actual-revenue-1", "80万abc");
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (page),
                                                                    "actual-revenue-1"),
                                           "error"));
  g_assert_cmpfloat_with_epsilon (ks_account_get_plan_summary (account)->attainment_ytd,
                                  80.0, 0.01);
  enter_text (GTK_WIDGET (page), "actual-revenue-1", "800000");

  /* An action for the revenue target, due before today: overdue. */
  ks_account_page_show_section (page, "actions");
  ks_test_ui_wait (100);
  button = find_mapped (GTK_WIDGET (page), "add-action-button");
  g_signal_emit_by_name (button, "clicked");
  ks_test_ui_wait (200);
  editor = ks_test_ui_find_toplevel (GTK_TYPE_WINDOW, GTK_WINDOW (f->window));
  g_assert_nonnull (editor);
  editor_type = G_OBJECT_TYPE (editor);
  type_into (GTK_WIDGET (editor), "action-title", "季度业务回顾");
  type_into (GTK_WIDGET (editor), "action-due", "2026-05-01");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                      "action-metric-row")),
                              1 + KS_TARGET_METRIC_REVENUE);
  g_signal_emit_by_name (ks_test_ui_find_by_name (GTK_WIDGET (editor), "action-save"),
                         "clicked");
  ks_test_ui_wait (200);
  g_assert_null (ks_test_ui_find_toplevel (editor_type, GTK_WINDOW (f->window)));

  summary = ks_account_get_plan_summary (account);
  g_assert_true (summary->alerts & KS_ALERT_OVERDUE_ACTION);
  g_assert_true (summary->has_health);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "季度业务回顾"));
  g_assert_true (label_contains (GTK_WIDGET (page), "percent-done-revenue", "0 %"));
  {
    double overdue_health = summary->health;

    /* Done: 100 % done, no longer overdue, health up. */
    gtk_drop_down_set_selected (GTK_DROP_DOWN (find_mapped (GTK_WIDGET (page),
                                                            "action-status")),
                                KS_ACTION_DONE);
    ks_test_ui_wait (200);
    summary = ks_account_get_plan_summary (account);
    g_assert_false (summary->alerts & KS_ALERT_OVERDUE_ACTION);
    g_assert_cmpfloat (summary->health, >, overdue_health);
    g_assert_true (label_contains (GTK_WIDGET (page), "percent-done-revenue", "100 %"));
  }

  /* The overview shows the same health as the portfolio. */
  ks_account_page_show_section (page, "overview");
  ks_test_ui_wait (100);
  {
    g_autofree char *health = g_strdup_printf ("%.0f", summary->health);

    g_assert_cmpstr (label_text (GTK_WIDGET (page), "overview-health"), ==, health);
  }

  /* Back in the portfolio the row shows YTD attainment and health, and a high risk
   * raises a badge there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  ks_test_ui_wait (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "80 %"));
  g_assert_false (ks_test_ui_has_text (GTK_WIDGET (f->view), "Risk"));
  {
    g_autoptr(KsRisk) risk = ks_risk_new ();

    risk->severity = KS_RISK_HIGH;
    risk->category = KS_RISK_PAYMENT_BEHAVIOUR;
    g_free (risk->raised);
    risk->raised = g_strdup ("2026-05-10");
    risk->description = g_strdup ("回款延迟 90 天");
    g_assert_true (ks_store_save_risk (f->store, id, risk, &error));
    g_assert_no_error (error);
  }
  ks_test_ui_wait (200);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "Risk"));

  /* Deleting an account with a plan asks first; Undo puts the plan back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-account",
                                             "x", id));
  ks_test_ui_wait (100);
  {
    GtkWindow *dialog = ks_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);

    g_assert_nonnull (dialog);
    g_assert_nonnull (ks_store_lookup_account (f->store, id));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
    ks_test_ui_wait (100);
  }
  g_assert_null (ks_store_lookup_account (f->store, id));
  button = ks_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ks_test_ui_wait (100);
  g_assert_nonnull (ks_store_lookup_account (f->store, id));
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->targets->len, ==, 1);
  g_assert_cmpuint (plan->actions->len, ==, 1);
  g_assert_cmpuint (plan->risks->len, ==, 1);
  g_assert_true (ks_account_get_plan_summary (ks_store_lookup_account (f->store, id))->alerts
                 & KS_ALERT_HIGH_RISK);
}

/* The opportunities: a product marked as an opportunity opens into its details, which
 * are saved as typed (and refused when wrong); its row folds and opens again; “Not
 * assessed” clears it, and Undo brings it back. Many products come in stages. */
static const KsWhitespace *
find_cell (const KsAccountPlan *plan,
           gint64               product_id)
{
  for (guint i = 0; i < plan->whitespace->len; i++)
    {
      const KsWhitespace *cell = g_ptr_array_index (plan->whitespace, i);

      if (cell->product_id == product_id)
        return cell;
    }
  return NULL;
}

static const KsWhitespace *
get_cell (const KsAccountPlan *plan,
          gint64               product_id)
{
  const KsWhitespace *cell = find_cell (plan, product_id);

  if (cell == NULL)
    g_error ("No opportunity cell for product %" G_GINT64_FORMAT, product_id);
  return cell;
}

static void
commit_field (GtkWidget  *root,
              const char *name,
              const char *text)
{
  GtkWidget *row = find_mapped (root, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  ks_test_ui_wait (50);
}

static void
test_account_opportunities (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new ();
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autoptr(GPtrArray) products = NULL;
  KsAccountPage *page;
  const KsWhitespace *cell;
  GtkWidget *state;
  GtkWidget *row;
  GtkWidget *button;
  g_autofree char *name = NULL;
  gint64 id, product_id, last_id;

  for (guint i = 0; i < 45; i++)
    {
      KsProduct product = { 0 };

      product.name = g_strdup_printf ("产品 %u", i + 1);
      g_assert_true (ks_store_add_product (f->store, &product, &error));
      g_assert_no_error (error);
      g_free (product.name);
    }
  products = ks_store_dup_products (f->store);
  product_id = ((KsProduct *) g_ptr_array_index (products, 1))->id;
  last_id = ((KsProduct *) g_ptr_array_index (products, products->len - 1))->id;

  ks_account_set_name (account, "机会测试有限公司");
  g_assert_true (ks_store_add_account (f->store, account, &error));
  g_assert_no_error (error);
  id = ks_account_get_id (account);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-account", "x",
                                             id));
  ks_test_ui_wait (200);
  page = ks_window_get_account_page (f->window);
  ks_account_page_show_section (page, "opportunities");
  ks_test_ui_wait (200);

  /* Every product has its row, the last ones too. */
  name = g_strdup_printf ("whitespace-row-%" G_GINT64_FORMAT, last_id);
  g_assert_nonnull (ks_test_ui_find_by_name (GTK_WIDGET (page), name));
  g_clear_pointer (&name, g_free);

  /* The second product becomes an opportunity (from its state menu): saved, and its
   * details open. */
  name = g_strdup_printf ("whitespace-state-%" G_GINT64_FORMAT, product_id);
  state = find_mapped (GTK_WIDGET (page), name);
  g_clear_pointer (&name, g_free);
  gtk_menu_button_popup (GTK_MENU_BUTTON (state));
  ks_test_ui_wait (50);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (state));
  g_assert_true (gtk_widget_activate_action (state, "whitespace.state", "u",
                                             (guint32) KS_WHITESPACE_OPPORTUNITY));
  ks_test_ui_wait (100);
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  cell = get_cell (plan, product_id);
  g_assert_cmpint (cell->state, ==, KS_WHITESPACE_OPPORTUNITY);
  g_clear_pointer (&plan, ks_account_plan_free);

  /* Its value, quarter and note; a wrong quarter is refused. */
  name = g_strdup_printf ("whitespace-value-%" G_GINT64_FORMAT, product_id);
  commit_field (GTK_WIDGET (page), name, "1,200,000");
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("whitespace-quarter-%" G_GINT64_FORMAT, product_id);
  commit_field (GTK_WIDGET (page), name, "2027-Q5");
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (page), name),
                                           "error"));
  commit_field (GTK_WIDGET (page), name, "2027-Q1");
  g_assert_false (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (page), name),
                                            "error"));
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("whitespace-note-%" G_GINT64_FORMAT, product_id);
  commit_field (GTK_WIDGET (page), name, "续约时一并报价");
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("whitespace-kind-%" G_GINT64_FORMAT, product_id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_mapped (GTK_WIDGET (page), name)),
                              KS_OPPORTUNITY_UP_SELL);
  ks_test_ui_wait (50);
  g_clear_pointer (&name, g_free);

  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  cell = get_cell (plan, product_id);
  g_assert_cmpint (cell->value, ==, 120000000);
  g_assert_cmpstr (cell->quarter, ==, "2027-Q1");
  g_assert_cmpstr (cell->note, ==, "续约时一并报价");
  g_assert_cmpint (cell->kind, ==, KS_OPPORTUNITY_UP_SELL);
  g_clear_pointer (&plan, ks_account_plan_free);
  name = g_strdup_printf ("whitespace-summary-%" G_GINT64_FORMAT, product_id);
  g_assert_true (label_contains (GTK_WIDGET (page), name, "1,200,000"));
  g_assert_true (label_contains (GTK_WIDGET (page), name, "2027-Q1"));
  g_clear_pointer (&name, g_free);
  g_assert_true (label_contains (GTK_WIDGET (page), "opportunities-summary", "1 opportunity"));

  /* Its row folds the details away, and opens them again. */
  name = g_strdup_printf ("whitespace-row-%" G_GINT64_FORMAT, product_id);
  row = find_mapped (GTK_WIDGET (page), name);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("whitespace-details-%" G_GINT64_FORMAT, product_id);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  ks_test_ui_wait (100);
  g_assert_false (gtk_widget_get_mapped (ks_test_ui_find_by_name (GTK_WIDGET (page), name)));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  ks_test_ui_wait (100);
  find_mapped (GTK_WIDGET (page), name);
  g_clear_pointer (&name, g_free);

  /* “Not assessed” clears it; Undo puts it back. */
  g_assert_true (gtk_widget_activate_action (state, "whitespace.state", "u",
                                             (guint32) KS_WHITESPACE_UNKNOWN));
  ks_test_ui_wait (100);
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (find_cell (plan, product_id));
  g_clear_pointer (&plan, ks_account_plan_free);
  button = ks_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ks_test_ui_wait (100);
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  cell = get_cell (plan, product_id);
  g_assert_cmpint (cell->state, ==, KS_WHITESPACE_OPPORTUNITY);
  g_assert_cmpint (cell->value, ==, 120000000);
  g_assert_cmpstr (cell->note, ==, "续约时一并报价");
}

/* The product list: it opens with every product; moving one keeps the focus on it,
 * deleting one can be undone, renaming and adding are saved, and the opportunities
 * follow. */
static GtkWidget *
product_part (GtkWidget  *root,
              const char *part,
              gint64      id)
{
  g_autofree char *name = g_strdup_printf ("product-%s-%" G_GINT64_FORMAT, part, id);
  GtkWidget *widget = ks_test_ui_find_by_name (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static gint64
product_at (KsStore *store,
            guint    index)
{
  g_autoptr(GPtrArray) products = ks_store_dup_products (store);

  g_assert_cmpuint (index, <, products->len);
  return ((KsProduct *) g_ptr_array_index (products, index))->id;
}

static void
test_products_dialog (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new ();
  g_autoptr(GPtrArray) products = NULL;
  GtkWindow *dialog;
  KsAccountPage *page;
  GtkListBox *list;
  GtkWidget *widget;
  GtkRoot *root;
  gint64 first, second, third, last;

  for (guint i = 0; i < 30; i++)
    {
      KsProduct product = { 0 };

      product.name = g_strdup_printf ("产品 %u", i + 1);
      g_assert_true (ks_store_add_product (f->store, &product, &error));
      g_assert_no_error (error);
      g_free (product.name);
    }
  first = product_at (f->store, 0);
  second = product_at (f->store, 1);
  third = product_at (f->store, 2);
  last = product_at (f->store, 29);

  ks_account_set_name (account, "产品测试有限公司");
  g_assert_true (ks_store_add_account (f->store, account, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-account", "x",
                                             ks_account_get_id (account)));
  ks_test_ui_wait (200);
  page = ks_window_get_account_page (f->window);
  ks_account_page_show_section (page, "opportunities");
  ks_test_ui_wait (200);
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (page), "manage-products"), "clicked");
  ks_test_ui_wait (200);
  dialog = ks_test_ui_find_toplevel (KS_TYPE_PRODUCTS_DIALOG, NULL);
  g_assert_nonnull (dialog);

  /* Every product has its row, in order; the first cannot go up, the last not down. */
  list = GTK_LIST_BOX (ks_test_ui_find_by_name (GTK_WIDGET (dialog), "product-list"));
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 29)) ==
                 product_part (GTK_WIDGET (dialog), "name", last));
  g_assert_null (gtk_list_box_get_row_at_index (list, 30));
  g_assert_false (gtk_widget_get_sensitive (product_part (GTK_WIDGET (dialog), "up", first)));
  g_assert_false (gtk_widget_get_sensitive (product_part (GTK_WIDGET (dialog), "down", last)));
  g_assert_true (gtk_widget_get_sensitive (product_part (GTK_WIDGET (dialog), "down", first)));

  /* The first goes down: saved, its row second, the focus still on its Down. */
  widget = product_part (GTK_WIDGET (dialog), "down", first);
  gtk_widget_grab_focus (widget);
  g_signal_emit_by_name (widget, "clicked");
  ks_test_ui_wait (100);
  g_assert_cmpint (product_at (f->store, 0), ==, second);
  g_assert_cmpint (product_at (f->store, 1), ==, first);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)) ==
                 product_part (GTK_WIDGET (dialog), "name", first));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     product_part (GTK_WIDGET (dialog), "name", first))), ==, "Product 2");
  root = gtk_widget_get_root (GTK_WIDGET (list));
  g_assert_true (gtk_root_get_focus (root) == product_part (GTK_WIDGET (dialog), "down", first));
  g_assert_true (gtk_widget_get_sensitive (product_part (GTK_WIDGET (dialog), "up", first)));
  g_assert_false (gtk_widget_get_sensitive (product_part (GTK_WIDGET (dialog), "up", second)));

  /* The third is deleted, the focus on the next row's Delete; Undo puts it back. */
  g_signal_emit_by_name (product_part (GTK_WIDGET (dialog), "delete", third), "clicked");
  ks_test_ui_wait (100);
  products = ks_store_dup_products (f->store);
  g_assert_cmpuint (products->len, ==, 29);
  g_clear_pointer (&products, g_ptr_array_unref);
  {
    g_autofree char *name = g_strdup_printf ("product-name-%" G_GINT64_FORMAT, third);

    g_assert_null (ks_test_ui_find_by_name (GTK_WIDGET (dialog), name));
  }
  g_assert_true (gtk_root_get_focus (root) ==
                 product_part (GTK_WIDGET (dialog), "delete", product_at (f->store, 2)));
  widget = ks_test_ui_find_button (GTK_WIDGET (dialog), "Undo");
  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  ks_test_ui_wait (100);
  g_assert_cmpint (product_at (f->store, 2), ==, third);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)) ==
                 product_part (GTK_WIDGET (dialog), "name", third));

  /* Renamed, and a new one: saved, and in the opportunities too. */
  widget = product_part (GTK_WIDGET (dialog), "name", last);
  gtk_editable_set_text (GTK_EDITABLE (widget), "产品 30（新版）");
  g_signal_emit_by_name (widget, "apply");
  ks_test_ui_wait (100);
  widget = ks_test_ui_find_by_name (GTK_WIDGET (dialog), "product-new");
  gtk_editable_set_text (GTK_EDITABLE (widget), "产品 31");
  g_signal_emit_by_name (widget, "entry-activated");
  ks_test_ui_wait (200);
  products = ks_store_dup_products (f->store);
  g_assert_cmpuint (products->len, ==, 31);
  g_assert_cmpstr (((KsProduct *) g_ptr_array_index (products, 29))->name, ==,
                   "产品 30（新版）");
  g_assert_cmpstr (((KsProduct *) g_ptr_array_index (products, 30))->name, ==, "产品 31");
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 30)) ==
                 product_part (GTK_WIDGET (dialog), "name",
                               ((KsProduct *) g_ptr_array_index (products, 30))->id));
  widget = product_part (GTK_WIDGET (dialog), "down",
                         ((KsProduct *) g_ptr_array_index (products, 30))->id);
  g_assert_false (gtk_widget_get_sensitive (widget));
  g_assert_true (gtk_widget_get_sensitive (product_part (GTK_WIDGET (dialog), "down", last)));

  gtk_window_destroy (dialog);
  ks_test_ui_wait (200);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "产品 30（新版）"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "产品 31"));
}

/* Relationships: a key account without an executive contact is flagged until one is
 * added; a complaint goes overdue when the clock passes its 24 hours, and closes only
 * once answered and followed up; the alerts clear. */
static GtkWindow *
open_editor_from (Fixture    *f,
                  GtkWidget  *root,
                  const char *button_name)
{
  GtkWindow *editor;

  g_signal_emit_by_name (find_mapped (root, button_name), "clicked");
  ks_test_ui_wait (200);
  editor = ks_test_ui_find_toplevel (GTK_TYPE_WINDOW, GTK_WINDOW (f->window));
  g_assert_nonnull (editor);
  return editor;
}

static void
click_save (GtkWindow  *editor,
            const char *name)
{
  g_signal_emit_by_name (ks_test_ui_find_by_name (GTK_WIDGET (editor), name), "clicked");
  ks_test_ui_wait (200);
}

static void
test_relationships (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-27T09:00:00+08:00", NULL);
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  KsAccountPage *page;
  GtkWindow *editor;
  gint64 id;

  ks_store_set_now (f->store, now);
  ks_account_set_name (account, "关系测试集团");
  ks_account_set_owner (account, "王磊");
  ks_account_set_tier_override (account, KS_TIER_KEY);
  g_assert_true (ks_store_add_account (f->store, account, &error));
  g_assert_no_error (error);
  id = ks_account_get_id (account);
  ks_test_ui_wait (100);
  g_assert_true (ks_account_get_plan_summary (account)->alerts & KS_ALERT_NO_EXECUTIVE);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "No executive"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-account-section",
                                             "(xs)", id, "contacts"));
  ks_test_ui_wait (200);
  page = ks_window_get_account_page (f->window);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (find_mapped (GTK_WIDGET (page), "executive-warning")));

  /* An executive seen a week ago: covered. */
  editor = open_editor_from (f, GTK_WIDGET (page), "add-contact-button");
  type_into (GTK_WIDGET (editor), "contact-name", "陈建国");
  type_into (GTK_WIDGET (editor), "contact-title", "总经理");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                      "contact-layer-row")),
                              KS_LAYER_EXECUTIVE);
  type_into (GTK_WIDGET (editor), "contact-last-contact", "2026-11-20");
  click_save (editor, "contact-save");
  g_assert_null (ks_test_ui_find_toplevel (GTK_TYPE_WINDOW, GTK_WINDOW (f->window)));
  g_assert_false (ks_account_get_plan_summary (account)->alerts & KS_ALERT_NO_EXECUTIVE);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "陈建国"));
  {
    GtkWidget *warning = ks_test_ui_find_by_name (GTK_WIDGET (page), "executive-warning");

    g_assert_true (warning == NULL || !gtk_widget_get_mapped (warning));
  }

  /* A complaint, opened now: due. */
  ks_account_page_show_section (page, "complaints");
  ks_test_ui_wait (100);
  editor = open_editor_from (f, GTK_WIDGET (page), "add-complaint-button");
  type_into (GTK_WIDGET (editor), "complaint-description", "交货比约定晚了三天");
  click_save (editor, "complaint-save");
  g_assert_null (ks_test_ui_find_toplevel (GTK_TYPE_WINDOW, GTK_WINDOW (f->window)));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "交货比约定晚了三天"));
  g_assert_false (ks_account_get_plan_summary (account)->alerts & KS_ALERT_OVERDUE_COMPLAINT);

  /* 25 hours later: overdue, in the page and in the portfolio. */
  later = g_date_time_add_hours (now, 25);
  ks_store_set_now (f->store, later);
  ks_account_page_show_section (page, "overview");
  ks_account_page_show_section (page, "complaints");
  ks_test_ui_wait (100);
  g_assert_true (ks_account_get_plan_summary (account)->alerts & KS_ALERT_OVERDUE_COMPLAINT);
  {
    GtkWidget *state = find_mapped (GTK_WIDGET (page), "complaint-state");
    const char *text = GTK_IS_LABEL (state) ? gtk_label_get_text (GTK_LABEL (state)) : NULL;

    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Overdue"));
  }

  /* Closing before the loop is complete is refused; answered, followed up, it closes. */
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->relations->complaints->len, ==, 1);
  {
    GtkWidget *list = find_mapped (GTK_WIDGET (page), "complaint-list");
    GtkWidget *row = find_mapped (list, "complaint-row");

    g_signal_emit_by_name (list, "row-activated", row);
    ks_test_ui_wait (200);
  }
  editor = ks_test_ui_find_toplevel (GTK_TYPE_WINDOW, GTK_WINDOW (f->window));
  g_assert_nonnull (editor);
  {
    GtkSwitch *close = GTK_SWITCH (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                           "complaint-close"));

    gtk_switch_set_active (close, TRUE);
    ks_test_ui_wait (50);
    g_assert_false (gtk_switch_get_active (close));
    g_assert_nonnull (label_text (GTK_WIDGET (editor), "complaint-error"));
  }

  g_signal_emit_by_name (ks_test_ui_find_by_name (GTK_WIDGET (editor), "complaint-respond-now"),
                         "clicked");
  ks_test_ui_wait (50);
  type_into (GTK_WIDGET (editor), "complaint-root-cause", "排产计划未同步");
  type_into (GTK_WIDGET (editor), "complaint-resolution", "补发并调整排产");
  type_into (GTK_WIDGET (editor), "complaint-follow-up", "2026-11-28 11:00");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                      "complaint-follow-up-satisfaction")),
                              4);
  gtk_switch_set_active (GTK_SWITCH (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                             "complaint-close")), TRUE);
  click_save (editor, "complaint-save");
  g_assert_null (ks_test_ui_find_toplevel (GTK_TYPE_WINDOW, GTK_WINDOW (f->window)));

  g_clear_pointer (&plan, ks_account_plan_free);
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  {
    KsComplaint *complaint = g_ptr_array_index (plan->relations->complaints, 0);

    g_assert_nonnull (complaint->first_response_at);
    g_assert_nonnull (complaint->closed_at);
    g_assert_cmpint (complaint->follow_up_satisfaction, ==, 4);
    g_assert_cmpint (ks_complaint_response_state (complaint, later, NULL), ==,
                     KS_RESPONSE_LATE);
  }
  g_assert_cmpint (ks_account_get_plan_summary (account)->alerts, ==, KS_ALERT_NONE);

  /* Back in the portfolio, no badge is left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  ks_test_ui_wait (200);
  g_assert_false (ks_test_ui_has_text (GTK_WIDGET (f->view), "Complaint"));
  g_assert_false (ks_test_ui_has_text (GTK_WIDGET (f->view), "No executive"));
}

/* GTK's own stylesheet is skipped at start-up (init_gtk() in ks-application.c), and
 * libadwaita's styles the application all the same: GTK_THEME, set for a moment, is not
 * left behind for libadwaita to see. */
static void
test_libadwaita_style (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *theme = NULL;
  GdkRGBA color;

  g_assert_null (g_getenv ("GTK_THEME"));
  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme, NULL);
  g_assert_cmpstr (theme, ==, "Adwaita-empty");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (f->window)),
                                                 "window_bg_color", &color));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_cmpfloat (color.alpha, ==, 1.0);
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
  g_test_add ("/keystone/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty-state-and-sample", test_empty_state_and_sample);
  ADD ("add-and-search", test_add_and_search);
  ADD ("editor-starts-at-name", test_editor_starts_at_name);
  ADD ("editor-save-keys", test_editor_save_keys);
  ADD ("add-follows-view", test_add_follows_view);
  ADD ("search-enter-opens", test_search_enter_opens);
  ADD ("preferences-paper-whole", test_preferences_paper_whole);
  ADD ("page-score-as-list", test_page_score_as_list);
  ADD ("satisfaction-signs", test_satisfaction_signs);
  ADD ("quadrant-empty", test_quadrant_empty);
  ADD ("escape-goes-back", test_escape_goes_back);
  ADD ("search-typing", test_search_typing);
  ADD ("selection-follows-account", test_selection_follows_account);
  ADD ("invalid-input", test_invalid_input);
  ADD ("sort", test_sort);
  ADD ("delete-undo", test_delete_undo);
  ADD ("keyboard-past-last-account", test_keyboard_past_last_account);
  ADD ("weights-change-scores", test_weights_change_scores);
  ADD ("typed-values", test_typed_values);
  ADD ("import-csv", test_import_csv);
  ADD ("import-problems", test_import_problems);
  ADD ("drop-csv", test_drop_csv);
  ADD ("export-csv", test_export_csv);
  ADD ("quadrant-chart", test_quadrant_chart);
  ADD ("snapshot-movement", test_snapshot_movement);
  ADD ("chart-filters", test_chart_filters);
  ADD ("chart-follows-list-filter", test_chart_follows_list_filter);
  ADD ("account-plan", test_account_plan);
  ADD ("relationships", test_relationships);
  ADD ("account-opportunities", test_account_opportunities);
  ADD ("products-dialog", test_products_dialog);
  ADD ("export-chart", test_export_chart);
  ADD ("rows-at-start", test_rows_at_start);
  ADD ("views-shown-with-their-page", test_views_shown_with_their_page);
  ADD ("shortcuts-window", test_shortcuts_window);
  ADD ("libadwaita-style", test_libadwaita_style);
  ADD ("wide-no-switcher-bar", test_wide_no_switcher_bar);
  ADD ("primary-menu", test_primary_menu);
  g_test_add ("/keystone/window/narrow-switcher-bar", Fixture, NULL, narrow_set_up,
              test_narrow_switcher_bar, narrow_tear_down);
  ADD ("row-separators", test_row_separators);
  ADD ("cell-text-one-line", test_cell_text_one_line);
  ADD ("tab-after-search", test_tab_after_search);
  ADD ("shift-tab-after-search", test_shift_tab_after_search);
  ADD ("names-fit", test_names_fit);
  ADD ("amounts-whole", test_amounts_whole);
  g_test_add ("/keystone/window/quadrants-whole-chinese", Fixture, NULL,
              fixture_set_up_chinese, test_quadrants_whole_chinese, fixture_tear_down);
  g_test_add ("/keystone/window/about-chinese", Fixture, NULL,
              fixture_set_up_chinese, test_about_chinese, fixture_tear_down);
  ADD ("cell-text-own-fonts", test_cell_text_own_fonts);
  ADD ("cells-follow-font", test_cells_follow_font);
  ADD ("cells-share-layouts", test_cells_share_layouts);
  ADD ("rows-kept-through-search", test_rows_kept_through_search);
  ADD ("narrow", test_narrow);
  ADD ("bad-database", test_bad_database);

  status = g_test_run ();
  ks_test_ui_app_free (&app);
  return status;
}
