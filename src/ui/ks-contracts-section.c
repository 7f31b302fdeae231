/* ks-contracts-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-contract-editor.h"
#include "ks-contracts-section.h"
#include "ks-money.h"
#include "ks-plan-widgets.h"
#include "ks-widgets.h"

/* ---- What the contract views share -------------------------------------------- */

char *
ks_contract_ui_describe_completion (const KsContractCompletion *completion)
{
  g_return_val_if_fail (completion != NULL, NULL);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: checklist items reviewed (in any
                                        * state but pending) of all, “18 of 32 reviewed” */
                                       "%u of %u reviewed", "%u of %u reviewed",
                                       completion->total),
                          completion->reviewed, completion->total);
}

char *
ks_contract_ui_describe_issues (guint issues)
{
  if (issues == 0)
    return g_strdup (_("No open issues"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u open issue", "%u open issues", issues),
                          issues);
}

const char *
ks_contract_ui_renewal_date (const KsContract *contract)
{
  g_return_val_if_fail (contract != NULL, NULL);

  if (contract->renewal_notice != NULL && contract->renewal_notice[0] != '\0')
    return contract->renewal_notice;
  if (contract->end != NULL && contract->end[0] != '\0')
    return contract->end;
  return NULL;
}

char *
ks_contract_ui_describe_renewal (const KsContract *contract,
                                 const GDate      *today)
{
  const char *date_text;
  gboolean notice;
  gboolean overdue;
  GDate date;

  g_return_val_if_fail (contract != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!ks_contract_renewal_due (contract, today))
    return NULL;
  date_text = ks_contract_ui_renewal_date (contract);
  if (date_text == NULL || !ks_plan_parse_date (date_text, &date))
    return NULL;

  notice = date_text == contract->renewal_notice;
  overdue = g_date_compare (&date, today) < 0;
  if (notice && overdue)
    /* Translators: %s is a date, 2026-05-01: notice of renewal or non-renewal should
     * have been given by then */
    return g_strdup_printf (_("Renewal notice overdue since %s"), date_text);
  if (notice)
    /* Translators: %s is a date, 2026-06-30 */
    return g_strdup_printf (_("Renewal notice due on %s"), date_text);
  if (overdue)
    /* Translators: %s is the end date of a contract still marked as signed */
    return g_strdup_printf (_("Ended on %s and still marked signed"), date_text);
  /* Translators: %s is the end date of a signed contract without a renewal notice
   * date, less than 90 days ahead */
  return g_strdup_printf (_("Ends on %s: time to decide on the renewal"), date_text);
}

static const char * const status_classes[KS_N_CONTRACT_STATUSES] = {
  "draft", "in-review", "signed", "expired", "terminated",
};

GtkLabel *
ks_contract_ui_status_pill_new (void)
{
  GtkLabel *pill = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_name (GTK_WIDGET (pill), "contract-status");
  gtk_widget_set_valign (GTK_WIDGET (pill), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (pill), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (pill), "ks-contract-status");
  return pill;
}

void
ks_contract_ui_status_pill_update (GtkLabel         *pill,
                                   KsContractStatus  status)
{
  int shown;

  g_return_if_fail (GTK_IS_LABEL (pill));

  if ((guint) status >= KS_N_CONTRACT_STATUSES)
    status = KS_CONTRACT_DRAFT;
  shown = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (pill), "ks-status")) - 1;
  if (shown == (int) status)
    return;
  if (shown >= 0)
    gtk_widget_remove_css_class (GTK_WIDGET (pill), status_classes[shown]);
  gtk_widget_add_css_class (GTK_WIDGET (pill), status_classes[status]);
  gtk_label_set_label (pill, ks_contract_status_get_label (status));
  g_object_set_data (G_OBJECT (pill), "ks-status", GINT_TO_POINTER (status + 1));
}

typedef struct
{
  KsStore    *store;
  KsContract *contract;
} DeletedContract;

static void
deleted_contract_free (gpointer data)
{
  DeletedContract *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->contract, ks_contract_free);
  g_free (deleted);
}

static gboolean
restore_contract (gpointer  data,
                  GError  **error)
{
  DeletedContract *deleted = data;

  return ks_store_restore_contract (deleted->store, deleted->contract, error);
}

gboolean
ks_contract_ui_delete (GtkWidget *widget,
                       KsStore   *store,
                       gint64     contract_id)
{
  g_autoptr(GError) error = NULL;
  KsContract *contract = NULL;
  DeletedContract *deleted;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KS_IS_STORE (store), FALSE);

  if (!ks_store_delete_contract (store, contract_id, &contract, &error))
    {
      ks_widget_show_error (widget, _("The Contract Could Not Be Deleted"), error);
      return FALSE;
    }
  if (contract == NULL)
    return TRUE;

  deleted = g_new0 (DeletedContract, 1);
  deleted->store = g_object_ref (store);
  deleted->contract = contract;
  ks_plan_show_undo_toast (widget, contract->title, restore_contract, deleted,
                           deleted_contract_free);
  return TRUE;
}

/* ---- The section --------------------------------------------------------------- */

struct _KsContractsSection
{
  AdwBin          parent_instance;

  KsStore        *store;
  KsAccount      *account;
  GPtrArray      *contracts;    /* KsContract *: the plan's, copied */
  gboolean        dirty;        /* @contracts not shown yet */
  guint           n_shown;      /* rows up to date with @contracts, from the first */
  guint           build_id;     /* adds the rows after the first ones, a pass a frame */
  gboolean        lost_focus;   /* a removed row had the focus */

  /* template children */
  GtkListBox     *contract_list;
};

G_DEFINE_FINAL_TYPE (KsContractsSection, ks_contracts_section, ADW_TYPE_BIN)

/* The widgets of one row, kept with it; rows are reused by position. */
typedef struct
{
  KsContractsSection *section;  /* unowned: the row lives in its list */
  GtkWidget          *row;
  GtkLabel           *title;
  GtkLabel           *status;
  GtkLabel           *meta;
  GtkLevelBar        *bar;
  GtkLabel           *completion;
  GtkLabel           *issues;
  GtkWidget          *renewal_box;
  GtkLabel           *renewal;
  KsContract         *contract; /* what the row shows */
} ContractRow;

#define CONTRACT_ROW_KEY "ks-contract-row"

static ContractRow *
get_contract_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), CONTRACT_ROW_KEY) : NULL;
}

static void
contract_row_free (gpointer data)
{
  ContractRow *cr = data;

  g_clear_pointer (&cr->contract, ks_contract_free);
  g_free (cr);
}

static void
open_editor (KsContractsSection *self,
             const KsContract   *contract)
{
  KsContractEditor *editor = ks_contract_editor_new (self->store, self->account, contract);

  ks_plan_present_dialog (GTK_WIDGET (self), GTK_WINDOW (editor));
}

static void
delete_contract (KsContractsSection *self,
                 const KsContract   *contract)
{
  /* The id first: the store's ::plan-changed may rebuild the row that holds @contract. */
  gint64 id = contract->id;

  ks_contract_ui_delete (GTK_WIDGET (self), self->store, id);
}

static void
on_delete_clicked (GtkButton   *button,
                   ContractRow *cr)
{
  if (cr->contract != NULL)
    delete_contract (cr->section, cr->contract);
}

static GtkLabel *
caption_new (const char *name)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_name (GTK_WIDGET (label), name);
  gtk_label_set_xalign (label, 0);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
  return label;
}

static ContractRow *
contract_row_new (KsContractsSection *self)
{
  ContractRow *cr = g_new0 (ContractRow, 1);
  GtkWidget *grid;
  GtkWidget *text_box;
  GtkWidget *head;
  GtkWidget *progress;
  GtkWidget *icon;
  GtkWidget *delete_button;

  cr->section = self;
  cr->row = gtk_list_box_row_new ();
  gtk_widget_set_name (cr->row, "contract-row");

  /* A grid, not a box: see ks-actions-section.c. */
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text_box, TRUE);

  cr->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (cr->title), "contract-title-label");
  gtk_label_set_xalign (cr->title, 0);
  gtk_label_set_wrap (cr->title, TRUE);
  gtk_label_set_wrap_mode (cr->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (cr->title, 2);
  gtk_label_set_ellipsize (cr->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (cr->title), "heading");

  /* The status and the value and dates on one line. */
  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  cr->status = ks_contract_ui_status_pill_new ();
  cr->meta = caption_new ("contract-meta-label");
  gtk_widget_set_hexpand (GTK_WIDGET (cr->meta), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (cr->meta), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (cr->meta), "numeric");
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (cr->status));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (cr->meta));

  /* The checklist: a bar, how many reviewed and the open issues. */
  progress = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  cr->bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
  gtk_widget_set_name (GTK_WIDGET (cr->bar), "contract-completion-bar");
  gtk_widget_set_size_request (GTK_WIDGET (cr->bar), 80, -1);
  gtk_widget_set_valign (GTK_WIDGET (cr->bar), GTK_ALIGN_CENTER);
  cr->completion = caption_new ("contract-completion-label");
  gtk_widget_add_css_class (GTK_WIDGET (cr->completion), "dim-label");
  cr->issues = caption_new ("contract-issues-label");
  gtk_widget_add_css_class (GTK_WIDGET (cr->issues), "error");
  gtk_box_append (GTK_BOX (progress), GTK_WIDGET (cr->bar));
  gtk_box_append (GTK_BOX (progress), GTK_WIDGET (cr->completion));
  gtk_box_append (GTK_BOX (progress), GTK_WIDGET (cr->issues));

  cr->renewal_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (cr->renewal_box, "warning");
  icon = gtk_image_new_from_icon_name ("alarm-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  cr->renewal = caption_new ("contract-renewal-label");
  gtk_box_append (GTK_BOX (cr->renewal_box), icon);
  gtk_box_append (GTK_BOX (cr->renewal_box), GTK_WIDGET (cr->renewal));

  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (cr->title));
  gtk_box_append (GTK_BOX (text_box), head);
  gtk_box_append (GTK_BOX (text_box), progress);
  gtk_box_append (GTK_BOX (text_box), cr->renewal_box);

  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Contract"));
  gtk_widget_set_name (delete_button, "contract-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), cr);

  gtk_grid_attach (GTK_GRID (grid), text_box, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), delete_button, 1, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (cr->row), grid);

  g_object_set_data_full (G_OBJECT (cr->row), CONTRACT_ROW_KEY, cr, contract_row_free);
  return cr;
}

static void
contract_row_update (ContractRow      *cr,
                     const KsContract *contract,
                     const GDate      *today)
{
  KsContractCompletion completion;
  g_autofree char *value = ks_money_format (contract->value, contract->currency);
  g_autofree char *dates = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *issues = NULL;
  g_autofree char *renewal = ks_contract_ui_describe_renewal (contract, today);
  g_autofree char *accessible = NULL;

  g_clear_pointer (&cr->contract, ks_contract_free);
  cr->contract = ks_contract_copy (contract);
  ks_contract_completion (contract, &completion);

  gtk_label_set_text (cr->title, contract->title);
  ks_contract_ui_status_pill_update (cr->status, contract->status);

  if (contract->end != NULL && contract->end[0] != '\0')
    /* Translators: %s is the end date of a contract, 2027-03-31 */
    dates = g_strdup_printf (_("Ends %s"), contract->end);
  else
    dates = g_strdup (_("No end date"));
  if (contract->number != NULL && contract->number[0] != '\0')
    /* Translators: under a contract: its number · value · end, e.g.
     * “HT-2026-001 · ¥1,200,000.00 · Ends 2027-03-31” */
    meta = g_strdup_printf (_("%s · %s · %s"), contract->number, value, dates);
  else
    /* Translators: under a contract: its value · end, “¥1,200,000.00 · Ends 2027-03-31” */
    meta = g_strdup_printf (_("%s · %s"), value, dates);
  gtk_label_set_text (cr->meta, meta);

  gtk_level_bar_set_value (cr->bar, completion.total > 0
                                    ? (double) completion.reviewed / completion.total : 0);
  reviewed = ks_contract_ui_describe_completion (&completion);
  gtk_label_set_text (cr->completion, reviewed);
  issues = ks_contract_ui_describe_issues (completion.issues);
  gtk_label_set_text (cr->issues, issues);
  gtk_widget_set_visible (GTK_WIDGET (cr->issues), completion.issues > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cr->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reviewed, -1);

  gtk_label_set_text (cr->renewal, renewal != NULL ? renewal : "");
  gtk_widget_set_visible (cr->renewal_box, renewal != NULL);

  /* Translators: how a screen reader names a contract row: title, status, checklist,
   * open issues, e.g. “Supply agreement, Signed, 3 of 32 reviewed, 1 open issue” */
  accessible = g_strdup_printf (_("%s, %s, %s, %s"), contract->title,
                                ks_contract_status_get_label (contract->status),
                                reviewed, issues);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cr->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  renewal != NULL ? renewal : "", -1);
}

/* Rows a pass creates at most; the heights are the least a row takes. */
#define HEADER_HEIGHT       60
#define CONTRACT_ROW_HEIGHT 90
#define FIRST_ROWS          8
#define ROWS_PER_PASS       8

static void
remove_surplus_rows (KsContractsSection *self)
{
  GtkListBoxRow *row;
  guint n = self->contracts->len;

  while ((row = gtk_list_box_get_row_at_index (self->contract_list, n)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (focus == GTK_WIDGET (row) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
        self->lost_focus = TRUE;
      gtk_list_box_remove (self->contract_list, GTK_WIDGET (row));
    }

  /* The last row was deleted from the keyboard: stay in the list. */
  if (self->lost_focus)
    {
      row = n > 0 ? gtk_list_box_get_row_at_index (self->contract_list, n - 1) : NULL;
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      self->lost_focus = FALSE;
    }
}

static gboolean
build_pass (KsContractsSection *self,
            guint               max_new)
{
  guint created = 0;
  GDate today;

  ks_store_get_today (self->store, &today);

  for (; self->n_shown < self->contracts->len; self->n_shown++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->contract_list, self->n_shown);
      ContractRow *cr;

      if (row != NULL)
        {
          cr = get_contract_row (row);
        }
      else
        {
          if (created == max_new)
            return FALSE;
          cr = contract_row_new (self);
          gtk_list_box_append (self->contract_list, cr->row);
          created++;
        }
      contract_row_update (cr, g_ptr_array_index (self->contracts, self->n_shown), &today);
    }

  remove_surplus_rows (self);
  return TRUE;
}

static gboolean
build_more (gpointer data)
{
  KsContractsSection *self = data;

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
rebuild (KsContractsSection *self)
{
  self->dirty = FALSE;
  self->n_shown = 0;
  g_clear_handle_id (&self->build_id, g_source_remove);

  if (!build_pass (self, ks_plan_rows_to_fill (GTK_WIDGET (self), HEADER_HEIGHT,
                                               CONTRACT_ROW_HEIGHT, FIRST_ROWS)))
    self->build_id = ks_plan_idle_add_after_frame (GTK_WIDGET (self), build_more, self);
}

static void
on_row_activated (KsContractsSection *self,
                  GtkListBoxRow      *row)
{
  ContractRow *cr = get_contract_row (row);

  if (cr != NULL && cr->contract != NULL)
    open_editor (self, cr->contract);
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KsContractsSection    *self)
{
  ContractRow *cr;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  cr = get_contract_row (ks_plan_list_get_focus_row (self->contract_list));
  if (cr == NULL || cr->contract == NULL)
    return GDK_EVENT_PROPAGATE;

  delete_contract (self, cr->contract);
  return GDK_EVENT_STOP;
}

static void
add_contract (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  open_editor (KS_CONTRACTS_SECTION (widget), NULL);
}

static void
ks_contracts_section_map (GtkWidget *widget)
{
  KsContractsSection *self = KS_CONTRACTS_SECTION (widget);

  /* Before the children are mapped: the rows come with the section's first frame. */
  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (ks_contracts_section_parent_class)->map (widget);
}

static void
ks_contracts_section_dispose (GObject *object)
{
  KsContractsSection *self = KS_CONTRACTS_SECTION (object);

  g_clear_handle_id (&self->build_id, g_source_remove);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_pointer (&self->contracts, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_contracts_section_parent_class)->dispose (object);
}

static void
ks_contracts_section_class_init (KsContractsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_contracts_section_dispose;
  widget_class->map = ks_contracts_section_map;

  gtk_widget_class_set_layout_manager_type (widget_class, KS_TYPE_PLAN_SECTION_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-contracts-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsContractsSection, contract_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "contracts.add", NULL, add_contract);
}

static void
ks_contracts_section_init (KsContractsSection *self)
{
  GtkEventController *keys;
  GtkWidget *empty;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_contract_free);

  empty = ks_plan_empty_state_new ("emblem-documents-symbolic", _("No contracts yet"),
                                   _("Add the account’s contracts to review each against "
                                     "the compliance checklist and see renewals coming."));
  gtk_widget_set_name (empty, "contracts-empty");
  gtk_list_box_set_placeholder (self->contract_list, empty);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->contract_list), keys);
}

GtkWidget *
ks_contracts_section_new (KsStore   *store,
                          KsAccount *account)
{
  KsContractsSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_CONTRACTS_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  return GTK_WIDGET (self);
}

void
ks_contracts_section_set_plan (KsContractsSection  *self,
                               const KsAccountPlan *plan)
{
  g_return_if_fail (KS_IS_CONTRACTS_SECTION (self));
  g_return_if_fail (plan != NULL);

  g_ptr_array_set_size (self->contracts, 0);
  for (guint i = 0; plan->contracts != NULL && i < plan->contracts->len; i++)
    g_ptr_array_add (self->contracts, ks_contract_copy (g_ptr_array_index (plan->contracts, i)));

  g_clear_handle_id (&self->build_id, g_source_remove);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}
