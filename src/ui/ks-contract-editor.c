/* ks-contract-editor.c
 *
 * The contract's fields are saved with Save, whole or not at all. Its checklist is
 * different: on a stored contract each item is saved as soon as its state changes or
 * its note, reviewer or date is applied, so a long review is never lost to a Cancel;
 * on a new contract the items wait for Save with the rest. The checklist's rows are
 * made after the first frame (they are below the fields), a few per frame, and an
 * item's note, reviewer and date rows only when it is first expanded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-contract-editor.h"
#include "ks-contracts-section.h"
#include "ks-error.h"
#include "ks-money.h"
#include "ks-plan-widgets.h"
#include "ks-widgets.h"

struct _KsContractEditor
{
  AdwWindow        parent_instance;

  KsStore         *store;
  KsAccount       *account;         /* the contract's; NULL while one is to be picked */
  GArray          *account_ids;     /* gint64: the account row's choices, when picking */
  KsContract      *contract;        /* the copy being edited; a stored one's items as
                                     * stored */
  gboolean         is_new;
  gboolean         finished;        /* saved or deleted: nothing left to apply */
  gboolean         currency_picked; /* by hand: it no longer follows the account's */
  gboolean         setting_currency;
  GPtrArray       *item_rows;       /* ItemRow *, by item index; owned by their rows */
  GHashTable      *groups;          /* category as stored → AdwPreferencesGroup */
  GtkStringList   *states;          /* shared by every item's drop-down */
  GtkListItemFactory *state_factory;  /* the drop-down's button: short words */
  int              state_width;     /* see measure_state_width() */
  guint            build_id;

  /* template children */
  AdwWindowTitle  *window_title;
  GtkMenuButton   *menu_button;
  AdwComboRow     *account_row;
  AdwEntryRow     *title_row;
  AdwEntryRow     *number_row;
  AdwEntryRow     *value_row;
  AdwComboRow     *currency_row;
  AdwComboRow     *status_row;
  GtkLabel        *details_error;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  AdwEntryRow     *renewal_row;
  GtkLabel        *dates_error;
  GtkTextView     *notes_view;
  GtkLabel        *notes_error;
  AdwPreferencesGroup *checklist_group;
  GtkLabel        *completion_label;
  GtkLabel        *issues_label;
  GtkLevelBar     *completion_bar;
  GtkBox          *checklist_box;
};

G_DEFINE_FINAL_TYPE (KsContractEditor, ks_contract_editor, ADW_TYPE_WINDOW)

/* One checklist item's row and the widgets in it. */
typedef struct
{
  KsContractEditor *editor;     /* unowned: the row lives in the editor */
  guint             index;      /* in editor->contract->items */
  AdwExpanderRow   *row;
  GtkImage         *icon;
  GtkDropDown      *state;
  AdwEntryRow      *note;       /* these three NULL until first expanded */
  AdwEntryRow      *reviewer;
  AdwEntryRow      *reviewed;
  GtkWidget        *error_row;
  GtkLabel         *error;
  gboolean          updating;
} ItemRow;

static const char * const state_icons[KS_N_CHECK_STATES] = {
  "radio-symbolic", "emblem-ok-symbolic", "dialog-warning-symbolic",
  "action-unavailable-symbolic",
};

static const char * const state_classes[KS_N_CHECK_STATES] = {
  "dim-label", "success", "error", "dim-label",
};

/* ---- Helpers ------------------------------------------------------------------- */

static char *
get_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The stripped text, NULL when empty. */
static char *
get_optional (AdwEntryRow *row)
{
  char *text = get_stripped (row);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static KsContractItem *
get_item (KsContractEditor *self,
          guint             index)
{
  g_assert (index < self->contract->items->len);
  return g_ptr_array_index (self->contract->items, index);
}

static KsAccount *
get_account (KsContractEditor *self)
{
  guint selected;

  if (self->account != NULL)
    return self->account;
  selected = adw_combo_row_get_selected (self->account_row);
  if (self->account_ids == NULL || selected >= self->account_ids->len)
    return NULL;
  return ks_store_lookup_account (self->store,
                                  g_array_index (self->account_ids, gint64, selected));
}

static const char *
get_currency (KsContractEditor *self)
{
  return ks_currency_at_position (adw_combo_row_get_selected (self->currency_row));
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

/* ---- Completion ---------------------------------------------------------------- */

static void
update_completion (KsContractEditor *self)
{
  KsContractCompletion completion;
  g_autofree char *reviewed = NULL;
  g_autofree char *issues = NULL;

  ks_contract_completion (self->contract, &completion);
  reviewed = ks_contract_ui_describe_completion (&completion);
  issues = ks_contract_ui_describe_issues (completion.issues);

  gtk_label_set_text (self->completion_label, reviewed);
  gtk_label_set_text (self->issues_label, issues);
  set_css_class (GTK_WIDGET (self->issues_label), "error", completion.issues > 0);
  set_css_class (GTK_WIDGET (self->issues_label), "dim-label", completion.issues == 0);
  gtk_level_bar_set_value (self->completion_bar,
                           completion.total > 0
                           ? (double) completion.reviewed / completion.total : 0);
}

/* ---- Checklist items ----------------------------------------------------------- */

static char *
describe_item (const KsContractItem *item)
{
  GString *text = g_string_new (NULL);
  gboolean reviewer = item->reviewer != NULL && item->reviewer[0] != '\0';
  gboolean reviewed = item->reviewed != NULL && item->reviewed[0] != '\0';

  if (item->state != KS_CHECK_PENDING)
    {
      if (reviewer && reviewed)
        /* Translators: under a checklist item: who reviewed it and when, e.g.
         * “Reviewed by Li Na on 2026-05-20” */
        g_string_printf (text, _("Reviewed by %s on %s"), item->reviewer, item->reviewed);
      else if (reviewer)
        g_string_printf (text, _("Reviewed by %s"), item->reviewer);
      else if (reviewed)
        /* Translators: %s is a date, 2026-05-20 */
        g_string_printf (text, _("Reviewed on %s"), item->reviewed);
    }
  if (item->note != NULL && item->note[0] != '\0')
    {
      g_autofree char *note = ks_plan_ellipsize (item->note, 80);

      if (text->len > 0)
        /* Translators: separates the review and the note under a checklist item */
        g_string_append (text, _(" · "));
      g_string_append (text, note);
    }
  return g_string_free (text, FALSE);
}

/* Sets @entry to @next unless it holds something typed and not applied, i.e. other
 * than what it showed (@shown). */
static void
set_entry_if_untouched (AdwEntryRow *entry,
                        const char  *shown,
                        const char  *next)
{
  const char *text;

  if (entry == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (entry));
  if (g_strcmp0 (text, shown != NULL ? shown : "") == 0 &&
      g_strcmp0 (text, next != NULL ? next : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), next != NULL ? next : "");
}

static void
show_item_error (ItemRow    *ir,
                 GtkWidget  *field,
                 const char *message)
{
  if (ir->error == NULL)
    return;
  if (message == NULL)
    {
      ks_plan_hide_error (ir->error);
      gtk_widget_set_visible (ir->error_row, FALSE);
      if (ir->reviewed != NULL)
        {
          ks_plan_show_field_error (GTK_WIDGET (ir->note), NULL, NULL);
          ks_plan_show_field_error (GTK_WIDGET (ir->reviewer), NULL, NULL);
          ks_plan_show_field_error (GTK_WIDGET (ir->reviewed), NULL, NULL);
        }
      return;
    }
  gtk_widget_set_visible (ir->error_row, TRUE);
  ks_plan_show_field_error (field, ir->error, message);
}

/* Shows @item in @ir; @before is what it showed, NULL the first time. */
static void
item_row_update (ItemRow              *ir,
                 const KsContractItem *before,
                 const KsContractItem *item)
{
  g_autofree char *subtitle = describe_item (item);
  guint state = (guint) item->state < KS_N_CHECK_STATES ? (guint) item->state
                                                        : KS_CHECK_PENDING;

  if (before == NULL || g_strcmp0 (before->text, item->text) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ir->row),
                                   ks_checklist_text_display (item->text));
  adw_expander_row_set_subtitle (ir->row, subtitle);

  gtk_image_set_from_icon_name (ir->icon, state_icons[state]);
  for (guint i = 0; i < KS_N_CHECK_STATES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (ir->icon), state_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (ir->icon), state_classes[state]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ir->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ks_check_state_get_label (state), -1);
  set_css_class (GTK_WIDGET (ir->row), "ks-check-issue", state == KS_CHECK_ISSUE);

  ir->updating = TRUE;
  gtk_drop_down_set_selected (ir->state, state);
  ir->updating = FALSE;

  if (ir->note != NULL)
    {
      set_entry_if_untouched (ir->note, before != NULL ? before->note : NULL, item->note);
      set_entry_if_untouched (ir->reviewer, before != NULL ? before->reviewer : NULL,
                              item->reviewer);
      set_entry_if_untouched (ir->reviewed, before != NULL ? before->reviewed : NULL,
                              item->reviewed);
    }
}

/* Puts @edited in the place of item @ir->index: in the store at once when the contract
 * is stored. FALSE, with the error shown, when the store refused it. */
static gboolean
commit_item (ItemRow        *ir,
             KsContractItem *edited)
{
  KsContractEditor *self = ir->editor;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsContractItem) before = NULL;

  if (!self->is_new &&
      !ks_store_save_contract_item (self->store, self->contract->id, edited, &error))
    {
      if (ir->error != NULL)
        show_item_error (ir, NULL, error->message);
      else
        ks_widget_show_error (GTK_WIDGET (self), _("The Checklist Item Could Not Be Saved"),
                              error);
      return FALSE;
    }

  before = g_steal_pointer (&self->contract->items->pdata[ir->index]);
  self->contract->items->pdata[ir->index] = ks_contract_item_copy (edited);
  show_item_error (ir, NULL, NULL);
  item_row_update (ir, before, edited);
  update_completion (self);
  return TRUE;
}

static void
on_state_selected (GtkDropDown *dropdown,
                   GParamSpec  *pspec,
                   ItemRow     *ir)
{
  KsContractEditor *self = ir->editor;
  g_autoptr(KsContractItem) edited = NULL;
  const KsContractItem *item;
  guint state = gtk_drop_down_get_selected (dropdown);

  if (ir->updating || self->contract == NULL || state >= KS_N_CHECK_STATES)
    return;
  item = get_item (self, ir->index);
  if (state == (guint) item->state)
    return;

  edited = ks_contract_item_copy (item);
  edited->state = state;
  g_clear_pointer (&edited->reviewed, g_free);
  if (state != KS_CHECK_PENDING)
    {
      KsAccount *account = get_account (self);
      GDate today;

      /* Reviewed today, by the account's owner unless someone else is named. */
      ks_store_get_today (self->store, &today);
      edited->reviewed = ks_plan_format_date (&today);
      if ((edited->reviewer == NULL || edited->reviewer[0] == '\0') && account != NULL &&
          ks_account_get_owner (account)[0] != '\0')
        {
          g_free (edited->reviewer);
          edited->reviewer = g_strdup (ks_account_get_owner (account));
        }
    }

  if (!commit_item (ir, edited))
    {
      ir->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, item->state);
      ir->updating = FALSE;
    }
}

/* Applies what was typed in the item's note, reviewer and date; TRUE when it is saved
 * or there was nothing to save. */
static gboolean
apply_details (ItemRow *ir)
{
  KsContractEditor *self = ir->editor;
  g_autoptr(KsContractItem) edited = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *reviewed = NULL;
  const KsContractItem *item;
  GDate date;

  if (ir->note == NULL || self->contract == NULL)
    return TRUE;

  item = get_item (self, ir->index);
  note = get_optional (ir->note);
  reviewer = get_optional (ir->reviewer);
  reviewed = get_optional (ir->reviewed);
  if (g_strcmp0 (note, item->note) == 0 && g_strcmp0 (reviewer, item->reviewer) == 0 &&
      g_strcmp0 (reviewed, item->reviewed) == 0)
    {
      show_item_error (ir, NULL, NULL);
      return TRUE;
    }

  if (reviewed != NULL && !ks_plan_parse_date (reviewed, &date))
    {
      show_item_error (ir, GTK_WIDGET (ir->reviewed),
                       _("The review date is not a real date. Write it as YYYY-MM-DD, "
                         "e.g. 2026-05-20."));
      return FALSE;
    }

  edited = ks_contract_item_copy (item);
  g_free (edited->note);
  edited->note = g_steal_pointer (&note);
  g_free (edited->reviewer);
  edited->reviewer = g_steal_pointer (&reviewer);
  g_free (edited->reviewed);
  edited->reviewed = g_steal_pointer (&reviewed);
  return commit_item (ir, edited);
}

static void
on_details_apply (ItemRow *ir)
{
  apply_details (ir);
}

/* Every item's unapplied note, reviewer and date; FALSE when one was refused. */
static gboolean
apply_all_details (KsContractEditor *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->item_rows->len; i++)
    if (!apply_details (g_ptr_array_index (self->item_rows, i)))
      ok = FALSE;
  return ok;
}

static AdwEntryRow *
detail_row_new (ItemRow    *ir,
                const char *title,
                const char *name,
                const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_autofree char *full_name = g_strdup_printf ("%s-%u", name, ir->index);

  gtk_widget_set_name (GTK_WIDGET (row), full_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_swapped (row, "apply", G_CALLBACK (on_details_apply), ir);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_details_apply), ir);
  adw_expander_row_add_row (ir->row, GTK_WIDGET (row));
  return row;
}

static void
ensure_details (ItemRow *ir)
{
  const KsContractItem *item;
  g_autofree char *error_name = NULL;

  if (ir->note != NULL || ir->editor->contract == NULL ||
      !adw_expander_row_get_expanded (ir->row))
    return;

  item = get_item (ir->editor, ir->index);
  error_name = g_strdup_printf ("check-error-%u", ir->index);

  ir->note = detail_row_new (ir, _("Note"), "check-note", item->note);
  ir->reviewer = detail_row_new (ir, _("Reviewer"), "check-reviewer", item->reviewer);
  ir->reviewed = detail_row_new (ir,
                                 /* Translators: keep the date format as it is */
                                 _("Review date (YYYY-MM-DD)"), "check-reviewed",
                                 item->reviewed);
  adw_entry_row_add_suffix (ir->reviewed,
                            ks_plan_date_button_new (GTK_EDITABLE (ir->reviewed),
                                                     ir->editor->store));

  ir->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (ir->error), error_name);
  gtk_label_set_wrap (ir->error, TRUE);
  gtk_label_set_xalign (ir->error, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (ir->error), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (ir->error), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (ir->error), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (ir->error), 12);
  gtk_widget_add_css_class (GTK_WIDGET (ir->error), "error");
  ir->error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (ir->error_row), FALSE);
  gtk_widget_set_focusable (ir->error_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (ir->error_row), GTK_WIDGET (ir->error));
  gtk_widget_set_visible (ir->error_row, FALSE);
  adw_expander_row_add_row (ir->row, ir->error_row);
}

static AdwPreferencesGroup *
get_group (KsContractEditor *self,
           const char       *category)
{
  AdwPreferencesGroup *group = g_hash_table_lookup (self->groups,
                                                    category != NULL ? category : "");
  g_autofree char *title = NULL;

  if (group != NULL)
    return group;

  /* A group's title is markup. */
  title = g_markup_escape_text (ks_checklist_text_display (category != NULL ? category : ""),
                                -1);
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (group), "check-category");
  adw_preferences_group_set_title (group, title);
  gtk_box_append (self->checklist_box, GTK_WIDGET (group));
  g_hash_table_insert (self->groups, g_strdup (category != NULL ? category : ""), group);
  return group;
}

/* The state on the drop-down's button, in as few words as can be: beside a long item
 * on a phone's width every pixel counts. */
static const char *
get_state_short_label (guint state)
{
  if (state == KS_CHECK_NOT_APPLICABLE)
    /* Translators: a checklist item's state, short for “Not applicable”, on the button
     * of its drop-down; the list that drops down has the whole words */
    return C_("checklist state", "N/A");
  return ks_check_state_get_label (state);
}

static void
setup_state_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_short_state (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       get_state_short_label (gtk_list_item_get_position (list_item)));
}

/* The list that drops down: the whole words, and a check beside the state chosen, as
 * a drop-down's own list has. */
static void
setup_state_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
update_state_check (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    GtkListItem *list_item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (check, gtk_drop_down_get_selected (dropdown) ==
                                 gtk_list_item_get_position (list_item) ? 1 : 0);
}

static void
bind_state_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                GtkDropDown              *dropdown)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));

  gtk_label_set_label (GTK_LABEL (label),
                       gtk_string_object_get_string (gtk_list_item_get_item (list_item)));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (update_state_check), list_item);
  update_state_check (dropdown, NULL, list_item);
}

static void
unbind_state_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  GtkDropDown              *dropdown)
{
  g_signal_handlers_disconnect_by_func (dropdown, update_state_check, list_item);
}

/* The width of the drop-down showing its widest state, so that every row's lines up;
 * measured once, on a row in the window (see ks-actions-section.c). */
static void
measure_state_width (KsContractEditor *self,
                     ItemRow          *ir)
{
  guint selected = gtk_drop_down_get_selected (ir->state);
  int widest = 0;

  ir->updating = TRUE;
  for (guint i = 0; i < KS_N_CHECK_STATES; i++)
    {
      int natural = 0;

      gtk_drop_down_set_selected (ir->state, i);
      gtk_widget_measure (GTK_WIDGET (ir->state), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }
  gtk_drop_down_set_selected (ir->state, selected);
  ir->updating = FALSE;

  self->state_width = widest;
}

static ItemRow *
item_row_new (KsContractEditor *self,
              guint             index)
{
  const KsContractItem *item = get_item (self, index);
  ItemRow *ir = g_new0 (ItemRow, 1);
  g_autofree char *name = g_strdup_printf ("check-item-%u", index);
  g_autofree char *state_name = g_strdup_printf ("check-state-%u", index);
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  ir->editor = self;
  ir->index = index;
  ir->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (ir->row), name);
  /* The texts are the user's: no markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (ir->row), FALSE);

  ir->icon = GTK_IMAGE (gtk_image_new ());
  adw_expander_row_add_prefix (ir->row, GTK_WIDGET (ir->icon));

  ir->state = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->states)),
                                                NULL));
  gtk_drop_down_set_factory (ir->state, self->state_factory);
  /* (One list factory for each drop-down: its rows follow that one's choice.) */
  list_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_state_row), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_state_row), ir->state);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_state_row), ir->state);
  gtk_drop_down_set_list_factory (ir->state, list_factory);
  gtk_widget_set_name (GTK_WIDGET (ir->state), state_name);
  gtk_widget_set_valign (GTK_WIDGET (ir->state), GTK_ALIGN_CENTER);
  ks_widget_set_tooltip_quietly (GTK_WIDGET (ir->state), _("Review State"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ir->state),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review State"), -1);
  if (self->state_width > 0)
    gtk_widget_set_size_request (GTK_WIDGET (ir->state), self->state_width, -1);
  adw_expander_row_add_action (ir->row, GTK_WIDGET (ir->state));

  g_object_set_data_full (G_OBJECT (ir->row), "ks-item-row", ir, g_free);
  g_signal_connect (ir->state, "notify::selected", G_CALLBACK (on_state_selected), ir);
  g_signal_connect_swapped (ir->row, "notify::expanded", G_CALLBACK (ensure_details), ir);

  adw_preferences_group_add (get_group (self, item->category), GTK_WIDGET (ir->row));
  item_row_update (ir, NULL, item);
  return ir;
}

#define ITEMS_PER_PASS 8

static gboolean
build_more (gpointer data)
{
  KsContractEditor *self = data;

  for (guint created = 0;
       self->item_rows->len < self->contract->items->len && created < ITEMS_PER_PASS;
       created++)
    {
      ItemRow *ir = item_row_new (self, self->item_rows->len);

      g_ptr_array_add (self->item_rows, ir);
      if (self->state_width == 0)
        measure_state_width (self, ir);
      gtk_widget_set_size_request (GTK_WIDGET (ir->state), self->state_width, -1);
    }

  if (self->item_rows->len < self->contract->items->len)
    return G_SOURCE_CONTINUE;
  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

/* ---- Saving -------------------------------------------------------------------- */

static void
clear_errors (KsContractEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->account_row), GTK_WIDGET (self->title_row),
    GTK_WIDGET (self->number_row), GTK_WIDGET (self->value_row),
    GTK_WIDGET (self->currency_row), GTK_WIDGET (self->status_row),
    GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row),
    GTK_WIDGET (self->renewal_row), GTK_WIDGET (self->notes_view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    ks_plan_show_field_error (fields[i], NULL, NULL);
  ks_plan_hide_error (self->details_error);
  ks_plan_hide_error (self->dates_error);
  ks_plan_hide_error (self->notes_error);
}

/* Marks the field ks_contract_validate() named, and says why beside it. */
static void
show_error (KsContractEditor *self,
            const char       *field_name,
            const char       *message)
{
  static const struct
  {
    const char *name;
    gsize       offset;
    gsize       label_offset;
  } fields[] = {
#define FIELD(name, widget, label) \
    { name, G_STRUCT_OFFSET (KsContractEditor, widget), G_STRUCT_OFFSET (KsContractEditor, label) }
    FIELD ("title", title_row, details_error),
    FIELD ("number", number_row, details_error),
    FIELD ("value", value_row, details_error),
    FIELD ("currency", currency_row, details_error),
    FIELD ("start", start_row, dates_error),
    FIELD ("end", end_row, dates_error),
    FIELD ("renewal-notice", renewal_row, dates_error),
    FIELD ("notes", notes_view, notes_error),
#undef FIELD
  };

  for (guint i = 0; field_name != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (field_name, fields[i].name))
      {
        GtkWidget *field = G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);
        GtkLabel *label = G_STRUCT_MEMBER (GtkLabel *, self, fields[i].label_offset);

        ks_plan_show_field_error (field, label, message);
        gtk_widget_grab_focus (field);
        return;
      }
  ks_plan_show_field_error (NULL, self->details_error, message);
}

gboolean
ks_contract_editor_save (KsContractEditor *self)
{
  g_autoptr(KsContract) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value_text = NULL;
  const char *field = NULL;
  KsAccount *account;

  g_return_val_if_fail (KS_IS_CONTRACT_EDITOR (self), FALSE);

  clear_errors (self);

  account = get_account (self);
  if (account == NULL)
    {
      ks_plan_show_field_error (GTK_WIDGET (self->account_row), self->details_error,
                                _("Pick the account this contract is with."));
      gtk_widget_grab_focus (GTK_WIDGET (self->account_row));
      return FALSE;
    }

  /* The checklist first: a note typed and not applied is saved with the rest. */
  if (!apply_all_details (self))
    return FALSE;

  edited = ks_contract_copy (self->contract);
  g_free (edited->title);
  edited->title = get_stripped (self->title_row);
  g_free (edited->number);
  edited->number = get_optional (self->number_row);
  g_free (edited->currency);
  edited->currency = g_strdup (get_currency (self));

  value_text = get_stripped (self->value_row);
  edited->value = 0;
  if (*value_text != '\0' &&
      !ks_money_parse (value_text, edited->currency, &edited->value, &error))
    {
      show_error (self, "value", error->message);
      return FALSE;
    }

  g_free (edited->start);
  edited->start = get_optional (self->start_row);
  g_free (edited->end);
  edited->end = get_optional (self->end_row);
  g_free (edited->renewal_notice);
  edited->renewal_notice = get_optional (self->renewal_row);
  edited->status = adw_combo_row_get_selected (self->status_row);
  g_free (edited->notes);
  edited->notes = ks_plan_text_view_get_text (self->notes_view);

  if (!ks_contract_validate (edited, &field, &error))
    {
      show_error (self, field, error->message);
      return FALSE;
    }
  if (!ks_store_save_contract (self->store, ks_account_get_id (account), edited, &error))
    {
      show_error (self, NULL, error->message);
      return FALSE;
    }

  /* Saved: nothing left to apply on closing. */
  g_clear_pointer (&self->contract, ks_contract_free);
  self->contract = g_steal_pointer (&edited);
  self->finished = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ks_contract_editor_save (KS_CONTRACT_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KsContractEditor *self = KS_CONTRACT_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->is_new || self->contract == NULL)
    return;

  /* The toast goes to the window below: this one closes. */
  if (ks_contract_ui_delete (parent != NULL ? GTK_WIDGET (parent) : widget, self->store,
                             self->contract->id))
    {
      self->finished = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* ---- The form ------------------------------------------------------------------ */

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

static void
set_currency (KsContractEditor *self,
              const char       *currency)
{
  self->setting_currency = TRUE;
  adw_combo_row_set_selected (self->currency_row, ks_currency_get_position (currency));
  self->setting_currency = FALSE;
}

static void
on_currency_selected (KsContractEditor *self)
{
  ks_plan_show_field_error (GTK_WIDGET (self->value_row), NULL, NULL);
  if (!self->setting_currency)
    self->currency_picked = TRUE;
}

/* A new contract is in its account's currency, unless one was picked by hand. */
static void
on_account_selected (KsContractEditor *self)
{
  KsAccount *account = get_account (self);

  ks_plan_show_field_error (GTK_WIDGET (self->account_row), NULL, NULL);
  if (account != NULL && !self->currency_picked)
    set_currency (self, ks_account_get_currency (account));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (ks_account_get_name (*(KsAccount **) a),
                         ks_account_get_name (*(KsAccount **) b));
}

static void
fill_accounts (KsContractEditor *self)
{
  GListModel *accounts = ks_store_get_accounts (self->store);
  guint n = g_list_model_get_n_items (accounts);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (accounts, i));
  g_ptr_array_sort (sorted, compare_names);
  self->account_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      KsAccount *account = g_ptr_array_index (sorted, i);
      gint64 id = ks_account_get_id (account);

      gtk_string_list_append (names, ks_account_get_name (account));
      g_array_append_val (self->account_ids, id);
    }
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->account_row), TRUE);
}

static void
fill_form (KsContractEditor *self)
{
  KsContract *contract = self->contract;
  KsAccount *account = get_account (self);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         contract->title != NULL ? contract->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->number_row),
                         contract->number != NULL ? contract->number : "");
  set_currency (self, contract->currency);
  if (!self->is_new || contract->value != 0)
    {
      g_autofree char *value = ks_money_format_plain (contract->value, contract->currency);

      gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->start_row),
                         contract->start != NULL ? contract->start : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row),
                         contract->end != NULL ? contract->end : "");
  gtk_editable_set_text (GTK_EDITABLE (self->renewal_row),
                         contract->renewal_notice != NULL ? contract->renewal_notice : "");
  if ((guint) contract->status < KS_N_CONTRACT_STATUSES)
    adw_combo_row_set_selected (self->status_row, contract->status);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            contract->notes != NULL ? contract->notes : "", -1);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Contract") : _("Edit Contract"));
  adw_window_title_set_subtitle (self->window_title,
                                 self->account != NULL && account != NULL
                                 ? ks_account_get_name (account) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), !self->is_new);
  adw_preferences_group_set_description (self->checklist_group,
                                         self->is_new
                                         ? _("The template’s items for a new contract: "
                                             "review them now or once it is saved.")
                                         : _("Every change to the checklist is saved at "
                                             "once."));
  update_completion (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
on_clear_clicked (GtkButton   *button,
                  AdwEntryRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
add_date_buttons (KsContractEditor *self,
                  AdwEntryRow      *row)
{
  GtkWidget *clear = ks_plan_icon_button_new ("edit-clear-symbolic", _("Clear the Date"));

  g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_clicked), row);
  adw_entry_row_add_suffix (row, clear);
  adw_entry_row_add_suffix (row, ks_plan_date_button_new (GTK_EDITABLE (row), self->store));
}

/* ---- Life cycle ---------------------------------------------------------------- */

static gboolean
ks_contract_editor_close_request (GtkWindow *window)
{
  KsContractEditor *self = KS_CONTRACT_EDITOR (window);

  /* On a stored contract the checklist is saved as it goes: a note typed and not
   * applied is saved too; one that cannot be (a review date that is no date) keeps the
   * window open with its error shown, rather than being lost. */
  if (!self->is_new && !self->finished && self->contract != NULL
      && !apply_all_details (self))
    return TRUE;

  return GTK_WINDOW_CLASS (ks_contract_editor_parent_class)->close_request (window);
}

static void
ks_contract_editor_map (GtkWidget *widget)
{
  KsContractEditor *self = KS_CONTRACT_EDITOR (widget);

  GTK_WIDGET_CLASS (ks_contract_editor_parent_class)->map (widget);

  /* The checklist is below the fields: its rows come after the first frame. */
  if (self->build_id == 0 && self->contract != NULL &&
      self->item_rows->len < self->contract->items->len)
    self->build_id = ks_plan_idle_add_after_frame (widget, build_more, self);
}

static void
ks_contract_editor_dispose (GObject *object)
{
  KsContractEditor *self = KS_CONTRACT_EDITOR (object);

  g_clear_handle_id (&self->build_id, g_source_remove);
  /* The rows own their ItemRow; nothing may reach them from here on. */
  if (self->item_rows != NULL)
    g_ptr_array_set_size (self->item_rows, 0);
  g_clear_pointer (&self->contract, ks_contract_free);
  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_object (&self->states);
  g_clear_object (&self->state_factory);
  g_clear_pointer (&self->account_ids, g_array_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);

  G_OBJECT_CLASS (ks_contract_editor_parent_class)->dispose (object);
}

static void
ks_contract_editor_finalize (GObject *object)
{
  KsContractEditor *self = KS_CONTRACT_EDITOR (object);

  g_clear_pointer (&self->item_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_contract_editor_parent_class)->finalize (object);
}

static void
ks_contract_editor_class_init (KsContractEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ks_contract_editor_dispose;
  object_class->finalize = ks_contract_editor_finalize;
  widget_class->map = ks_contract_editor_map;
  window_class->close_request = ks_contract_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-contract-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, account_row);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, value_row);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, renewal_row);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, dates_error);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, notes_error);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, completion_label);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, issues_label);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, completion_bar);
  gtk_widget_class_bind_template_child (widget_class, KsContractEditor, checklist_box);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_contract_editor_init (KsContractEditor *self)
{
  g_autoptr(GListModel) currencies = ks_currency_model_new ();
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  AdwEntryRow *entries[6];

  gtk_widget_init_template (GTK_WIDGET (self));

  entries[0] = self->title_row;
  entries[1] = self->number_row;
  entries[2] = self->value_row;
  entries[3] = self->start_row;
  entries[4] = self->end_row;
  entries[5] = self->renewal_row;

  self->item_rows = g_ptr_array_new ();
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->states = gtk_string_list_new (NULL);
  for (guint i = 0; i < KS_N_CHECK_STATES; i++)
    gtk_string_list_append (self->states, ks_check_state_get_label (i));
  self->state_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (self->state_factory, "setup", G_CALLBACK (setup_state_label), NULL);
  g_signal_connect (self->state_factory, "bind", G_CALLBACK (bind_short_state), NULL);

  adw_combo_row_set_model (self->currency_row, currencies);
  for (guint i = 0; i < KS_N_CONTRACT_STATUSES; i++)
    gtk_string_list_append (statuses, ks_contract_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  /* Enter in a one-line field saves, as in every GNOME dialog. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (ks_contract_editor_save), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_field_changed), NULL);
    }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self->notes_view);
  g_signal_connect_swapped (self->currency_row, "notify::selected",
                            G_CALLBACK (on_currency_selected), self);

  /* Ctrl+Enter saves from any field, the notes too. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsContractEditor *
ks_contract_editor_new (KsStore          *store,
                        KsAccount        *account,
                        const KsContract *contract)
{
  KsContractEditor *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (account == NULL || KS_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (contract == NULL || account != NULL, NULL);

  self = g_object_new (KS_TYPE_CONTRACT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->account = account != NULL ? g_object_ref (account) : NULL;
  self->is_new = contract == NULL || contract->id == 0;

  if (contract != NULL)
    {
      self->contract = ks_contract_copy (contract);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) template = ks_store_dup_template (store, &error);

      self->contract = ks_contract_new ();
      if (template != NULL)
        ks_contract_add_template_items (self->contract, template);
      else
        g_warning ("Could not read the checklist template: %s", error->message);
    }

  if (self->account == NULL)
    {
      fill_accounts (self);
      g_signal_connect_swapped (self->account_row, "notify::selected",
                                G_CALLBACK (on_account_selected), self);
    }
  if (self->is_new && get_account (self) != NULL)
    {
      g_free (self->contract->currency);
      self->contract->currency = g_strdup (ks_account_get_currency (get_account (self)));
    }

  add_date_buttons (self, self->start_row);
  add_date_buttons (self, self->end_row);
  add_date_buttons (self, self->renewal_row);

  fill_form (self);
  return self;
}
