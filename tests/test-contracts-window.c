/* test-contracts-window.c — contracts and their compliance checklists in the real
 * window: the account's section, the contract editor, the Contracts view, the template
 * and the portfolio's alert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ks-application.h"
#include "ks-contract-editor.h"
#include "ks-contracts-view.h"
#include "ks-portfolio-view.h"
#include "ks-store.h"
#include "ks-template-dialog.h"
#include "ks-test-ui.h"
#include "ks-window.h"

typedef struct
{
  char *dir;
  char *path;
  KsWindow *window;
  KsStore *store;
  KsPortfolioView *portfolio;
  KsContractsView *view;   /* once its page is shown */
} Fixture;

static KsApplication *app;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = ks_test_ui_open_window (app, "contracts-ui", &f->dir, &f->path);
  f->store = ks_window_get_store (f->window);
  f->portfolio = KS_PORTFOLIO_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                             KS_TYPE_PORTFOLIO_VIEW));
  g_assert_nonnull (f->portfolio);

  /* Every test's “today”, so that renewals fall where the test puts them. */
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

  if (widget == NULL)
    g_error ("No widget named %s", name);
  g_assert_true (gtk_widget_get_mapped (widget));
  return widget;
}

static void
click (GtkWidget  *root,
       const char *name)
{
  g_signal_emit_by_name (find_mapped (root, name), "clicked");
  ks_test_ui_wait (200);
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  GtkWidget *widget = find_mapped (root, name);

  gtk_editable_set_text (GTK_EDITABLE (widget), text);
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

static void
find_all (GtkWidget  *root,
          const char *name,
          GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0 && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, name, found);
}

/* The mapped cell of @column whose text is @text, in the Contracts view. */
static GtkWidget *
find_cell (Fixture    *f,
           const char *column,
           const char *text)
{
  g_autofree char *name = g_strdup_printf ("contract-cell-%s", column);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  find_all (GTK_WIDGET (f->view), name, cells);
  for (guint i = 0; i < cells->len; i++)
    if (ks_test_ui_has_text (g_ptr_array_index (cells, i), text))
      return g_ptr_array_index (cells, i);
  return NULL;
}

static gint64
add_account (Fixture    *f,
             const char *name,
             const char *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new ();

  ks_account_set_name (account, name);
  ks_account_set_owner (account, owner);
  ks_account_set_currency (account, "CNY");
  g_assert_true (ks_store_add_account (f->store, account, &error));
  g_assert_no_error (error);
  return ks_account_get_id (account);
}

/* A contract stored directly, with the template's items. */
static gint64
add_contract (Fixture          *f,
              gint64            account_id,
              const char       *title,
              KsContractStatus  status,
              const char       *renewal_notice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContract) contract = ks_contract_new ();

  contract->title = g_strdup (title);
  contract->status = status;
  contract->value = 50000000;
  contract->start = g_strdup ("2026-01-01");
  contract->end = g_strdup ("2027-12-31");
  contract->renewal_notice = g_strdup (renewal_notice);
  g_assert_true (ks_store_save_contract (f->store, account_id, contract, &error));
  g_assert_no_error (error);
  return contract->id;
}

static KsContract *
load_contract (Fixture *f,
               gint64   account_id,
               gint64   contract_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = ks_store_load_plan (f->store, account_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < plan->contracts->len; i++)
    {
      KsContract *contract = g_ptr_array_index (plan->contracts, i);

      if (contract->id == contract_id)
        return ks_contract_copy (contract);
    }
  return NULL;
}

static guint
template_size (Fixture   *f,
               GPtrArray *categories)
{
  guint n = 0;

  for (guint i = 0; i < categories->len; i++)
    n += ((KsTemplateCategory *) g_ptr_array_index (categories, i))->items->len;
  return n;
}

static void
show_view (Fixture    *f,
           const char *name)
{
  AdwViewStack *stack;

  ks_window_show_views (f->window);
  stack = ADW_VIEW_STACK (ks_test_ui_find_by_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, name);
  ks_test_ui_wait (200);
  /* Built when its page is first shown. */
  f->view = KS_CONTRACTS_VIEW (ks_test_ui_find_by_type (GTK_WIDGET (f->window),
                                                        KS_TYPE_CONTRACTS_VIEW));
  g_assert_nonnull (f->view);
}

static KsAccountPage *
open_contracts_section (Fixture *f,
                        gint64   account_id)
{
  KsAccountPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-account-section",
                                             "(xs)", account_id, "contracts"));
  ks_test_ui_wait (200);
  page = ks_window_get_account_page (f->window);
  g_assert_nonnull (page);
  return page;
}

static GtkWindow *
find_editor (void)
{
  GtkWindow *editor = ks_test_ui_find_toplevel (KS_TYPE_CONTRACT_EDITOR, NULL);

  g_assert_nonnull (editor);
  /* The checklist's rows come after the first frame, a few per frame. */
  ks_test_ui_wait (600);
  return editor;
}

static void
set_state (GtkWindow    *editor,
           guint         index,
           KsCheckState  state)
{
  g_autofree char *name = g_strdup_printf ("check-state-%u", index);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_mapped (GTK_WIDGET (editor), name)), state);
  ks_test_ui_wait (50);
}

static guint
n_listed (Fixture *f)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (ks_test_ui_find_by_name (GTK_WIDGET (f->view),
                                                                  "contracts-list"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (list)));
}

static void
activate_listed (Fixture *f,
                 guint    position)
{
  GtkWidget *list = ks_test_ui_find_by_name (GTK_WIDGET (f->view), "contracts-list");

  g_signal_emit_by_name (list, "activate", position);
  ks_test_ui_wait (100);
}

/* ---- The issue's scenario ------------------------------------------------------ */

/* A contract added on its account's page, its checklist reviewed in the editor: the
 * completion and the open issue follow, in the editor, the Contracts view and the
 * portfolio's alert; the issue resolved, the alert goes. */
static void
test_review_scenario (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) template = ks_store_dup_template (f->store, &error);
  g_autoptr(KsContract) contract = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *fraction = NULL;
  KsAccountPage *page;
  KsAccount *account;
  GtkWindow *editor;
  GtkWidget *cell;
  gint64 contract_id;
  gint64 id;
  guint n;

  g_assert_no_error (error);
  n = template_size (f, template);
  g_assert_cmpuint (template->len, ==, 7);
  g_assert_cmpuint (n, >, 3);
  id = add_account (f, "合同测试有限公司", "李娜");
  account = ks_store_lookup_account (f->store, id);

  /* The account's page, at its contracts: none yet. */
  page = open_contracts_section (f, id);
  g_assert_nonnull (find_mapped (GTK_WIDGET (page), "contracts-empty"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "No contracts yet"));

  /* Add Contract: the account is fixed, the checklist is the template's. */
  click (GTK_WIDGET (page), "add-contract-button");
  editor = find_editor ();
  g_assert_false (gtk_widget_get_visible (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                   "contract-account")));
  for (guint i = 0; i < template->len; i++)
    {
      const KsTemplateCategory *category = g_ptr_array_index (template, i);

      g_assert_true (ks_test_ui_has_text (GTK_WIDGET (editor),
                                          ks_checklist_text_display (category->title)));
    }
  reviewed = g_strdup_printf ("0 of %u reviewed", n);
  g_assert_cmpstr (label_text (GTK_WIDGET (editor), "contract-completion"), ==, reviewed);
  g_clear_pointer (&reviewed, g_free);

  type_into (GTK_WIDGET (editor), "contract-title", "年度供货框架合同");
  type_into (GTK_WIDGET (editor), "contract-number", "HT-2026-001");
  type_into (GTK_WIDGET (editor), "contract-value", "1,200,000.50");
  type_into (GTK_WIDGET (editor), "contract-start", "2026-01-01");
  type_into (GTK_WIDGET (editor), "contract-end", "2026-12-31");
  type_into (GTK_WIDGET (editor), "contract-renewal", "2026-10-31");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_mapped (GTK_WIDGET (editor),
                                                          "contract-status-row")),
                              KS_CONTRACT_SIGNED);
  click (GTK_WIDGET (editor), "contract-save");
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_CONTRACT_EDITOR, NULL));

  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->contracts->len, ==, 1);
  contract = ks_contract_copy (g_ptr_array_index (plan->contracts, 0));
  g_assert_cmpstr (contract->title, ==, "年度供货框架合同");
  g_assert_cmpstr (contract->number, ==, "HT-2026-001");
  g_assert_cmpint (contract->value, ==, 120000050);
  g_assert_cmpstr (contract->currency, ==, "CNY");
  g_assert_cmpstr (contract->end, ==, "2026-12-31");
  g_assert_cmpint (contract->status, ==, KS_CONTRACT_SIGNED);
  g_assert_cmpuint (contract->items->len, ==, n);
  contract_id = contract->id;
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "年度供货框架合同"));

  /* Open it again from its row; its checklist shows the template's categories. */
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (page), "contract-list"), "row-activated",
                         find_mapped (GTK_WIDGET (page), "contract-row"));
  editor = find_editor ();
  for (guint i = 0; i < template->len; i++)
    {
      const KsTemplateCategory *category = g_ptr_array_index (template, i);

      g_assert_true (ks_test_ui_has_text (GTK_WIDGET (editor),
                                          ks_checklist_text_display (category->title)));
    }
  g_assert_true (gtk_widget_get_visible (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                  "contract-menu")));

  /* Two items OK and one an issue: each saved at once, reviewed by the owner today. */
  set_state (editor, 0, KS_CHECK_OK);
  set_state (editor, 1, KS_CHECK_OK);
  set_state (editor, 2, KS_CHECK_ISSUE);
  reviewed = g_strdup_printf ("3 of %u reviewed", n);
  g_assert_cmpstr (label_text (GTK_WIDGET (editor), "contract-completion"), ==, reviewed);
  g_assert_cmpstr (label_text (GTK_WIDGET (editor), "contract-issues"), ==, "1 open issue");
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                    "contract-issues"),
                                           "error"));
  g_clear_pointer (&contract, ks_contract_free);
  contract = load_contract (f, id, contract_id);
  {
    const KsContractItem *item = g_ptr_array_index (contract->items, 2);

    g_assert_cmpint (item->state, ==, KS_CHECK_ISSUE);
    g_assert_cmpstr (item->reviewer, ==, "李娜");
    g_assert_cmpstr (item->reviewed, ==, "2026-05-20");
    g_assert_cmpint (((KsContractItem *) g_ptr_array_index (contract->items, 0))->state, ==,
                     KS_CHECK_OK);
  }
  g_assert_true (ks_account_get_plan_summary (account)->alerts & KS_ALERT_CONTRACT_ISSUE);

  /* The issue's note, in the item's row once expanded. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_mapped (GTK_WIDGET (editor),
                                                                "check-item-2")), TRUE);
  ks_test_ui_wait (100);
  type_into (GTK_WIDGET (editor), "check-note-2", "责任上限未约定");
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (editor), "check-note-2"), "apply");
  ks_test_ui_wait (50);
  g_clear_pointer (&contract, ks_contract_free);
  contract = load_contract (f, id, contract_id);
  g_assert_cmpstr (((KsContractItem *) g_ptr_array_index (contract->items, 2))->note, ==,
                   "责任上限未约定");

  /* A date that is not one is refused beside the field, and not saved. */
  type_into (GTK_WIDGET (editor), "check-reviewed-2", "2026-02-30");
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (editor), "check-reviewed-2"), "apply");
  ks_test_ui_wait (50);
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "check-error-2"));
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                    "check-reviewed-2"),
                                           "error"));
  /* Closing the window then keeps it open with the error, rather than losing it. */
  type_into (GTK_WIDGET (editor), "check-reviewed-2", "2026-13-45");
  gtk_window_close (editor);
  ks_test_ui_wait (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "check-error-2"));
  type_into (GTK_WIDGET (editor), "check-reviewed-2", "2026-05-19");
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (editor), "check-reviewed-2"), "apply");
  ks_test_ui_wait (50);
  g_assert_null (label_text (GTK_WIDGET (editor), "check-error-2"));
  gtk_window_close (editor);
  ks_test_ui_wait (100);

  /* The section's row and the overview say it too. */
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), reviewed));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "1 open issue"));

  /* The Contracts view lists it with its completion and its open issue. */
  show_view (f, "contracts");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "年度供货框架合同"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "合同测试有限公司"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "¥1,200,000.50"));
  fraction = g_strdup_printf ("3/%u", n);
  g_assert_nonnull (find_cell (f, "checklist", fraction));
  cell = find_cell (f, "issues", "1");
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "Signed"));

  /* The portfolio's row of the account has the Contract badge. */
  show_view (f, "portfolio");
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->portfolio), "Contract"));

  /* The issue resolved, from the Contracts view: the badge goes. */
  show_view (f, "contracts");
  activate_listed (f, 0);
  editor = find_editor ();
  set_state (editor, 2, KS_CHECK_OK);
  g_assert_cmpstr (label_text (GTK_WIDGET (editor), "contract-issues"), ==, "No open issues");
  gtk_window_close (editor);
  ks_test_ui_wait (200);
  g_assert_false (ks_account_get_plan_summary (account)->alerts & KS_ALERT_CONTRACT_ISSUE);
  cell = find_cell (f, "issues", "0");
  g_assert_nonnull (cell);
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  show_view (f, "portfolio");
  g_assert_false (ks_test_ui_has_text (GTK_WIDGET (f->portfolio), "Contract"));
}

/* ---- Renewals ------------------------------------------------------------------ */

/* A signed contract whose renewal notice is within 90 days stands out, in the view and
 * on its account's page; one further off, or not signed, does not. */
static void
test_renewal_highlighted (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *cell;
  KsAccountPage *page;
  GDate later;
  gint64 id = add_account (f, "续约测试股份", "王磊");

  add_contract (f, id, "即将续约合同", KS_CONTRACT_SIGNED, "2026-06-30");
  add_contract (f, id, "远期合同", KS_CONTRACT_SIGNED, "2026-12-15");
  add_contract (f, id, "草稿合同", KS_CONTRACT_DRAFT, "2026-06-01");

  show_view (f, "contracts");
  g_assert_cmpuint (n_listed (f), ==, 3);
  cell = find_cell (f, "renewal", "2026-06-30");
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "warning"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Renewal notice due on 2026-06-30");
  cell = find_cell (f, "renewal", "2026-12-15");
  g_assert_nonnull (cell);
  g_assert_false (gtk_widget_has_css_class (cell, "warning"));
  cell = find_cell (f, "renewal", "2026-06-01");
  g_assert_nonnull (cell);
  g_assert_false (gtk_widget_has_css_class (cell, "warning"));
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (f->view), "contracts-summary"),
                            "1 renewal due within 90 days"));

  /* The account's section marks the same one. */
  page = open_contracts_section (f, id);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "Renewal notice due on 2026-06-30"));
  g_assert_false (ks_test_ui_has_text (GTK_WIDGET (page),
                                       "Renewal notice due on 2026-12-15"));

  /* Days later, with no change to the contract, it is overdue. */
  g_date_clear (&later, 1);
  g_date_set_dmy (&later, 5, G_DATE_JULY, 2026);
  ks_store_set_today (f->store, &later);
  show_view (f, "contracts");
  cell = find_cell (f, "renewal", "2026-06-30");
  g_assert_true (gtk_widget_has_css_class (cell, "warning"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==,
                   "Renewal notice overdue since 2026-06-30");
}

/* A status page with @title. */
static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

/* ---- Filters ------------------------------------------------------------------- */

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *no_match;
  GtkDropDown *status;
  GtkDropDown *account;
  GtkDropDown *owner;
  gint64 first = add_account (f, "筛选一号公司", "李娜");
  gint64 second = add_account (f, "筛选二号公司", "王磊");

  add_contract (f, first, "已签合同", KS_CONTRACT_SIGNED, NULL);
  add_contract (f, first, "草拟合同", KS_CONTRACT_DRAFT, NULL);
  add_contract (f, second, "审核中合同", KS_CONTRACT_IN_REVIEW, NULL);

  show_view (f, "contracts");
  g_assert_cmpuint (n_listed (f), ==, 3);
  /* Screen readers see the view shown only, and in it the page shown. */
  gtk_test_accessible_assert_state (GTK_WIDGET (f->portfolio), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  no_match = ks_test_ui_find (GTK_WIDGET (f->view), is_status_page_titled, "No Matching Contracts");
  g_assert_nonnull (no_match);
  gtk_test_accessible_assert_state (no_match, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  /* By status: only the signed one. */
  status = GTK_DROP_DOWN (find_mapped (GTK_WIDGET (f->view), "contracts-status-filter"));
  gtk_drop_down_set_selected (status, 1 + KS_CONTRACT_SIGNED);
  ks_test_ui_wait (50);
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "已签合同"));
  g_assert_false (ks_test_ui_has_text (GTK_WIDGET (f->view), "草拟合同"));
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (f->view), "contracts-summary"),
                            "1 of 3 contracts"));
  gtk_drop_down_set_selected (status, 1 + KS_CONTRACT_EXPIRED);
  ks_test_ui_wait (50);
  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "No Matching Contracts"));
  gtk_test_accessible_assert_state (no_match, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_drop_down_set_selected (status, 0);
  ks_test_ui_wait (50);
  g_assert_cmpuint (n_listed (f), ==, 3);
  gtk_test_accessible_assert_state (no_match, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  /* By account: the accounts with contracts, by name. */
  account = GTK_DROP_DOWN (find_mapped (GTK_WIDGET (f->view), "contracts-account-filter"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (account)), ==, 3);
  gtk_drop_down_set_selected (account, 2);
  ks_test_ui_wait (50);
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "审核中合同"));
  gtk_drop_down_set_selected (account, 0);

  /* By owner. */
  owner = GTK_DROP_DOWN (find_mapped (GTK_WIDGET (f->view), "contracts-owner-filter"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (owner)), ==, 3);
  for (guint i = 1; i < 3; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (owner)),
                                               i), "李娜") == 0)
      gtk_drop_down_set_selected (owner, i);
  ks_test_ui_wait (50);
  g_assert_cmpuint (n_listed (f), ==, 2);
  g_assert_false (ks_test_ui_has_text (GTK_WIDGET (f->view), "审核中合同"));
  gtk_drop_down_set_selected (owner, 0);
  ks_test_ui_wait (50);

  /* By search, in the title, number or account. */
  type_into (GTK_WIDGET (f->view), "contracts-search", "二号");
  ks_test_ui_wait (400);
  g_assert_cmpuint (n_listed (f), ==, 1);
  type_into (GTK_WIDGET (f->view), "contracts-search", "");
  ks_test_ui_wait (400);
  g_assert_cmpuint (n_listed (f), ==, 3);
}

/* ---- The template -------------------------------------------------------------- */

/* An item added to the template: the contract made before keeps its items, a new one
 * gets it. An item renamed, moved, deleted and put back; the built-in template back. */
static void
test_template_edit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = ks_store_dup_template (f->store, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(KsContract) old_contract = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  const KsTemplateCategory *first;
  GtkWindow *dialog;
  GtkWindow *editor;
  GtkWidget *button;
  guint n = template_size (f, before);
  gint64 id = add_account (f, "模板测试集团", "赵敏");
  gint64 old_id = add_contract (f, id, "旧合同", KS_CONTRACT_SIGNED, NULL);
  const char *added = "数据出境已完成安全评估";

  show_view (f, "contracts");
  click (GTK_WIDGET (f->view), "contracts-template-button");
  dialog = ks_test_ui_find_toplevel (KS_TYPE_TEMPLATE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  /* The first categories come at once, the others after the first frame. */
  g_assert_nonnull (find_mapped (GTK_WIDGET (dialog), "template-category-6"));
  first = g_ptr_array_index (before, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_mapped (GTK_WIDGET (dialog),
                                                                     "template-category-0"))),
                   ==, ks_checklist_text_display (first->title));

  /* Added to the first category, at its end. */
  type_into (GTK_WIDGET (dialog), "template-new-item-0", added);
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (dialog), "template-new-item-0"),
                         "entry-activated");
  ks_test_ui_wait (100);
  after = ks_store_dup_template (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (template_size (f, after), ==, n + 1);
  first = g_ptr_array_index (after, 0);
  g_assert_cmpstr (((KsTemplateItem *) g_ptr_array_index (first->items,
                                                          first->items->len - 1))->text,
                   ==, added);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_mapped (GTK_WIDGET (dialog),
                                                                     "template-new-item-0"))),
                   ==, "");

  /* Renamed in place. */
  type_into (GTK_WIDGET (dialog), "template-item-0-0", "双方权利义务对等");
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (dialog), "template-item-0-0"), "apply");
  ks_test_ui_wait (100);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ks_store_dup_template (f->store, &error);
  first = g_ptr_array_index (after, 0);
  g_assert_cmpstr (((KsTemplateItem *) g_ptr_array_index (first->items, 0))->text, ==,
                   "双方权利义务对等");

  /* Emptied, refused beside it. */
  type_into (GTK_WIDGET (dialog), "template-item-0-0", "  ");
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (dialog), "template-item-0-0"), "apply");
  ks_test_ui_wait (50);
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (dialog),
                                                                    "template-item-0-0"),
                                           "error"));
  type_into (GTK_WIDGET (dialog), "template-item-0-0", "双方权利义务对等");

  /* Moved down, then the second category moved up. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (find_mapped (GTK_WIDGET (dialog),
                                                                   "template-item-0-0")),
                                            "down"), "clicked");
  ks_test_ui_wait (100);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ks_store_dup_template (f->store, &error);
  first = g_ptr_array_index (after, 0);
  g_assert_cmpstr (((KsTemplateItem *) g_ptr_array_index (first->items, 1))->text, ==,
                   "双方权利义务对等");
  {
    g_autofree char *second_title =
      g_strdup (((KsTemplateCategory *) g_ptr_array_index (after, 1))->title);

    g_signal_emit_by_name (g_object_get_data (G_OBJECT (find_mapped (GTK_WIDGET (dialog),
                                                                     "template-category-1")),
                                              "up"), "clicked");
    ks_test_ui_wait (100);
    g_clear_pointer (&after, g_ptr_array_unref);
    after = ks_store_dup_template (f->store, &error);
    g_assert_cmpstr (((KsTemplateCategory *) g_ptr_array_index (after, 0))->title, ==,
                     second_title);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_mapped (GTK_WIDGET (dialog),
                                                                       "template-category-0"))),
                     ==, ks_checklist_text_display (second_title));
  }

  /* Deleted, and put back with Undo. */
  {
    guint size = template_size (f, after);

    g_signal_emit_by_name (g_object_get_data (G_OBJECT (find_mapped (GTK_WIDGET (dialog),
                                                                     "template-item-1-0")),
                                              "delete"), "clicked");
    ks_test_ui_wait (100);
    g_clear_pointer (&after, g_ptr_array_unref);
    after = ks_store_dup_template (f->store, &error);
    g_assert_cmpuint (template_size (f, after), ==, size - 1);
    button = ks_test_ui_find_button (GTK_WIDGET (dialog), "Undo");
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    ks_test_ui_wait (100);
    g_clear_pointer (&after, g_ptr_array_unref);
    after = ks_store_dup_template (f->store, &error);
    g_assert_cmpuint (template_size (f, after), ==, size);
  }
  /* A category added at the end; deleted, and put back with Undo. */
  type_into (GTK_WIDGET (dialog), "template-new-category", "出口管制");
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (dialog), "template-new-category"),
                         "entry-activated");
  ks_test_ui_wait (100);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ks_store_dup_template (f->store, &error);
  g_assert_cmpuint (after->len, ==, 8);
  g_assert_cmpstr (((KsTemplateCategory *) g_ptr_array_index (after, 7))->title, ==, "出口管制");
  /* Ready for its first item. */
  g_assert_true (gtk_widget_has_focus (find_mapped (GTK_WIDGET (dialog),
                                                    "template-new-item-7")) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)),
                                         find_mapped (GTK_WIDGET (dialog),
                                                      "template-new-item-7")));
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (find_mapped (GTK_WIDGET (dialog),
                                                                   "template-category-7")),
                                            "delete"), "clicked");
  ks_test_ui_wait (100);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ks_store_dup_template (f->store, &error);
  g_assert_cmpuint (after->len, ==, 7);
  g_assert_null (ks_test_ui_find_by_name (GTK_WIDGET (dialog), "template-category-7"));
  g_signal_emit_by_name (ks_test_ui_find_button (GTK_WIDGET (dialog), "Undo"), "clicked");
  ks_test_ui_wait (100);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ks_store_dup_template (f->store, &error);
  g_assert_cmpuint (after->len, ==, 8);
  g_assert_cmpstr (((KsTemplateCategory *) g_ptr_array_index (after, 7))->title, ==, "出口管制");
  g_assert_nonnull (find_mapped (GTK_WIDGET (dialog), "template-category-7"));
  gtk_window_close (dialog);
  ks_test_ui_wait (100);

  /* The contract made before keeps its items. */
  old_contract = load_contract (f, id, old_id);
  g_assert_cmpuint (old_contract->items->len, ==, n);
  for (guint i = 0; i < old_contract->items->len; i++)
    g_assert_cmpstr (((KsContractItem *) g_ptr_array_index (old_contract->items, i))->text,
                     !=, added);

  /* A new one, added from the view with its account picked, gets the new item. */
  click (GTK_WIDGET (f->view), "contracts-add-button");
  editor = find_editor ();
  g_assert_true (gtk_widget_get_visible (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                  "contract-account")));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (editor), added));
  type_into (GTK_WIDGET (editor), "contract-title", "新合同");
  click (GTK_WIDGET (editor), "contract-save");
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_CONTRACT_EDITOR, NULL));
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->contracts->len, ==, 2);
  for (guint i = 0; i < plan->contracts->len; i++)
    {
      const KsContract *contract = g_ptr_array_index (plan->contracts, i);
      gboolean has_added = FALSE;

      for (guint j = 0; j < contract->items->len; j++)
        has_added |= g_strcmp0 (((KsContractItem *) g_ptr_array_index (contract->items,
                                                                        j))->text,
                                added) == 0;
      g_assert_true (has_added == (contract->id != old_id));
      g_assert_cmpuint (contract->items->len, ==, contract->id == old_id ? n : n + 1);
    }

  /* The built-in template back, after asking. */
  click (GTK_WIDGET (f->view), "contracts-template-button");
  dialog = ks_test_ui_find_toplevel (KS_TYPE_TEMPLATE_DIALOG, NULL);
  click (GTK_WIDGET (dialog), "template-reset");
  {
    GtkWindow *ask = ks_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);

    g_assert_nonnull (ask);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "reset");
    ks_test_ui_wait (100);
  }
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ks_store_dup_template (f->store, &error);
  g_assert_cmpuint (template_size (f, after), ==, n);
  g_assert_cmpstr (((KsTemplateCategory *) g_ptr_array_index (after, 0))->title, ==,
                   ((KsTemplateCategory *) g_ptr_array_index (before, 0))->title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_mapped (GTK_WIDGET (dialog),
                                                                     "template-item-0-0"))),
                   ==, ks_checklist_text_display (((KsTemplateItem *)
                                                   g_ptr_array_index (((KsTemplateCategory *)
                                                                       g_ptr_array_index (before, 0))->items,
                                                                      0))->text));
}

/* ---- Delete and Undo ----------------------------------------------------------- */

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KsContract) contract = NULL;
  KsAccountPage *page;
  GtkWindow *editor;
  GtkWidget *button;
  gint64 id = add_account (f, "删除测试公司", "孙丽");
  gint64 contract_id = add_contract (f, id, "要删除的合同", KS_CONTRACT_SIGNED, NULL);
  guint n;

  contract = load_contract (f, id, contract_id);
  n = contract->items->len;

  /* From the section's row. */
  page = open_contracts_section (f, id);
  click (GTK_WIDGET (page), "contract-delete");
  g_clear_pointer (&contract, ks_contract_free);
  contract = load_contract (f, id, contract_id);
  g_assert_null (contract);
  g_assert_false (ks_test_ui_has_text (GTK_WIDGET (page), "要删除的合同"));
  button = ks_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ks_test_ui_wait (100);
  contract = load_contract (f, id, contract_id);
  g_assert_nonnull (contract);
  g_assert_cmpuint (contract->items->len, ==, n);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (page), "要删除的合同"));

  /* From the editor's menu: the editor closes, the toast is the window's. */
  g_signal_emit_by_name (find_mapped (GTK_WIDGET (page), "contract-list"), "row-activated",
                         find_mapped (GTK_WIDGET (page), "contract-row"));
  editor = find_editor ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  ks_test_ui_wait (100);
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_CONTRACT_EDITOR, NULL));
  g_clear_pointer (&contract, ks_contract_free);
  g_assert_null (load_contract (f, id, contract_id));
  button = ks_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ks_test_ui_wait (100);
  contract = load_contract (f, id, contract_id);
  g_assert_nonnull (contract);

  /* The Contracts view follows both. */
  show_view (f, "contracts");
  g_assert_cmpuint (n_listed (f), ==, 1);
  ks_contract_free (g_steal_pointer (&contract));
  g_assert_true (ks_store_delete_contract (f->store, contract_id, &contract, NULL));
  ks_test_ui_wait (100);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->view), "No Contracts Yet"));
  g_assert_true (ks_store_restore_contract (f->store, contract, NULL));
  ks_test_ui_wait (100);
  g_assert_cmpuint (n_listed (f), ==, 1);
}

/* ---- Invalid input ------------------------------------------------------------- */

static void
test_invalid_value (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccountPlan) plan = NULL;
  KsAccountPage *page;
  GtkWindow *editor;
  gint64 id = add_account (f, "输入测试公司", "周杰");

  page = open_contracts_section (f, id);
  click (GTK_WIDGET (page), "add-contract-button");
  editor = find_editor ();
  type_into (GTK_WIDGET (editor), "contract-title", "金额有误的合同");

  /* Letters in the value: refused beside it, nothing saved, the editor stays. */
  type_into (GTK_WIDGET (editor), "contract-value", "12万abc");
  click (GTK_WIDGET (editor), "contract-save");
  g_assert_true (ks_test_ui_find_toplevel (KS_TYPE_CONTRACT_EDITOR, NULL) == editor);
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                    "contract-value"),
                                           "error"));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "contract-error"));
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->contracts->len, ==, 0);
  g_clear_pointer (&plan, ks_account_plan_free);

  /* Typing again clears the mark. An end before the start: refused at the end date. */
  type_into (GTK_WIDGET (editor), "contract-value", "120000");
  g_assert_false (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                     "contract-value"),
                                            "error"));
  type_into (GTK_WIDGET (editor), "contract-start", "2026-06-01");
  type_into (GTK_WIDGET (editor), "contract-end", "2026-01-01");
  click (GTK_WIDGET (editor), "contract-save");
  g_assert_true (ks_test_ui_find_toplevel (KS_TYPE_CONTRACT_EDITOR, NULL) == editor);
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                    "contract-end"),
                                           "error"));
  g_assert_nonnull (label_text (GTK_WIDGET (editor), "contract-dates-error"));

  /* An empty title too. */
  type_into (GTK_WIDGET (editor), "contract-end", "2027-01-01");
  type_into (GTK_WIDGET (editor), "contract-title", "");
  click (GTK_WIDGET (editor), "contract-save");
  g_assert_true (gtk_widget_has_css_class (ks_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                    "contract-title"),
                                           "error"));
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_cmpuint (plan->contracts->len, ==, 0);
  g_clear_pointer (&plan, ks_account_plan_free);

  /* Put right, it is saved. */
  type_into (GTK_WIDGET (editor), "contract-title", "金额有误的合同");
  click (GTK_WIDGET (editor), "contract-save");
  g_assert_null (ks_test_ui_find_toplevel (KS_TYPE_CONTRACT_EDITOR, NULL));
  plan = ks_store_load_plan (f->store, id, &error);
  g_assert_cmpuint (plan->contracts->len, ==, 1);
  g_assert_cmpint (((KsContract *) g_ptr_array_index (plan->contracts, 0))->value, ==,
                   12000000);
}

/* ---- Narrow -------------------------------------------------------------------- */

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWindow *editor;
  int minimum;
  gint64 id = add_account (f, "窄屏测试公司", "吴昊");

  add_contract (f, id, "窄屏合同", KS_CONTRACT_SIGNED, "2026-06-30");
  show_view (f, "contracts");
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  activate_listed (f, 0);
  editor = find_editor ();
  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_close (editor);
  ks_test_ui_wait (50);

  click (GTK_WIDGET (f->view), "contracts-template-button");
  editor = ks_test_ui_find_toplevel (KS_TYPE_TEMPLATE_DIALOG, NULL);
  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
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
  g_test_add ("/keystone/contracts-window/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("review-scenario", test_review_scenario);
  ADD ("renewal-highlighted", test_renewal_highlighted);
  ADD ("filters", test_filters);
  ADD ("template-edit", test_template_edit);
  ADD ("delete-undo", test_delete_undo);
  ADD ("invalid-value", test_invalid_value);
  ADD ("narrow", test_narrow);

  status = g_test_run ();
  ks_test_ui_app_free (&app);
  return status;
}
