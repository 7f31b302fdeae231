/* ks-risks-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-plan-widgets.h"
#include "ks-risk-editor.h"
#include "ks-risks-section.h"
#include "ks-widgets.h"

struct _KsRisksSection
{
  AdwBin          parent_instance;

  KsStore        *store;
  KsAccount      *account;
  char           *credit_rating;  /* the plan's */
  GPtrArray      *risks;          /* KsRisk *: the plan's, copied */
  gboolean        dirty;          /* not shown yet */
  guint           n_shown;        /* rows up to date with @risks, from the first */
  guint           build_id;       /* adds the rows after the first ones, a pass a frame */
  gboolean        lost_focus;     /* a removed row had the focus */
  gboolean        rating_edited;  /* typed into and not applied: left alone */
  gboolean        setting_rating;

  /* template children */
  AdwEntryRow    *rating_row;
  GtkLabel       *rating_error;
  GtkListBox     *risk_list;
};

G_DEFINE_FINAL_TYPE (KsRisksSection, ks_risks_section, ADW_TYPE_BIN)

/* The widgets of one row, kept with it; rows are reused by position. */
typedef struct
{
  KsRisksSection *section;      /* unowned: the row lives in its list */
  GtkWidget      *row;
  GtkWidget      *text_box;
  GtkLabel       *severity;
  char           *severity_class;
  GtkLabel       *category;
  GtkLabel       *state;
  GtkLabel       *description;
  GtkLabel       *contingency;
  GtkLabel       *raised;
  KsRisk         *risk;         /* what the row shows */
} RiskRow;

#define RISK_ROW_KEY "ks-risk-row"

static RiskRow *
get_risk_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), RISK_ROW_KEY) : NULL;
}

static void
risk_row_free (gpointer data)
{
  RiskRow *rr = data;

  g_clear_pointer (&rr->risk, ks_risk_free);
  g_clear_pointer (&rr->severity_class, g_free);
  g_free (rr);
}

/* ---- Credit rating ------------------------------------------------------------- */

static gboolean
rating_too_long (const char *text)
{
  return g_utf8_strlen (text, -1) > KS_PLAN_RATING_MAX;
}

static void
show_rating_too_long (KsRisksSection *self)
{
  g_autofree char *message =
    /* Translators: %d is the most characters a credit rating may have (20) */
    g_strdup_printf (_("A credit rating has at most %d characters, e.g. “AA-” or “BBB”."),
                     KS_PLAN_RATING_MAX);

  ks_plan_show_field_error (GTK_WIDGET (self->rating_row), self->rating_error, message);
}

static void
on_rating_changed (KsRisksSection *self)
{
  if (self->setting_rating)
    return;

  self->rating_edited = TRUE;
  ks_plan_show_field_error (GTK_WIDGET (self->rating_row), NULL, NULL);
  ks_plan_hide_error (self->rating_error);
  /* Said as it is typed, not only on Apply. */
  if (rating_too_long (gtk_editable_get_text (GTK_EDITABLE (self->rating_row))))
    show_rating_too_long (self);
}

static void
on_rating_apply (KsRisksSection *self)
{
  g_autofree char *rating = NULL;
  g_autoptr(GError) error = NULL;

  rating = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rating_row))));
  if (rating_too_long (rating))
    {
      show_rating_too_long (self);
      return;
    }

  ks_plan_show_field_error (GTK_WIDGET (self->rating_row), NULL, NULL);
  ks_plan_hide_error (self->rating_error);
  if (g_strcmp0 (rating, self->credit_rating) == 0)
    {
      self->rating_edited = FALSE;
      return;
    }

  if (!ks_store_set_credit_rating (self->store, ks_account_get_id (self->account), rating,
                                   &error))
    {
      ks_plan_show_field_error (GTK_WIDGET (self->rating_row), self->rating_error,
                                error->message);
      return;
    }

  self->rating_edited = FALSE;
  g_free (self->credit_rating);
  self->credit_rating = g_steal_pointer (&rating);
}

/* ---- Undo ---------------------------------------------------------------------- */

typedef struct
{
  KsStore *store;
  gint64   account_id;
  KsRisk  *risk;
} DeletedRisk;

static void
deleted_risk_free (gpointer data)
{
  DeletedRisk *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->risk, ks_risk_free);
  g_free (deleted);
}

static gboolean
restore_risk (gpointer  data,
              GError  **error)
{
  DeletedRisk *deleted = data;

  return ks_store_restore_risk (deleted->store, deleted->account_id, deleted->risk, error);
}

/* ---- Rows ---------------------------------------------------------------------- */

static void
open_editor (KsRisksSection *self,
             const KsRisk   *risk)
{
  KsRiskEditor *editor = ks_risk_editor_new (self->store, self->account, risk);

  ks_plan_present_dialog (GTK_WIDGET (self), GTK_WINDOW (editor));
}

static void
delete_risk (KsRisksSection *self,
             const KsRisk   *risk)
{
  g_autoptr(GError) error = NULL;
  DeletedRisk *deleted;

  /* Copied first: the store's ::plan-changed may rebuild the row that holds @risk. */
  deleted = g_new0 (DeletedRisk, 1);
  deleted->store = g_object_ref (self->store);
  deleted->account_id = ks_account_get_id (self->account);
  deleted->risk = ks_risk_copy (risk);

  if (!ks_store_delete_risk (self->store, deleted->risk->id, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Risk Warning Could Not Be Deleted"),
                            error);
      deleted_risk_free (deleted);
      return;
    }

  ks_plan_show_undo_toast (GTK_WIDGET (self), deleted->risk->description,
                           restore_risk, deleted, deleted_risk_free);
}

static void
on_delete_clicked (GtkButton *button,
                   RiskRow   *rr)
{
  if (rr->risk != NULL)
    delete_risk (rr->section, rr->risk);
}

/* Wrapped but cut after @lines: an ellipsizing label is measured at a fraction of the
 * cost of a freely wrapping one, and a list may have dozens. One line is a short text
 * of known length (a date), neither wrapped nor cut: such a label is laid out once,
 * where one that may be cut is laid out again at each width it is measured at. */
static GtkLabel *
text_label_new (const char *name,
                int         lines)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_name (GTK_WIDGET (label), name);
  gtk_label_set_xalign (label, 0);
  if (lines > 1)
    {
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (label, lines);
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
    }
  return label;
}

static RiskRow *
risk_row_new (KsRisksSection *self)
{
  RiskRow *rr = g_new0 (RiskRow, 1);
  GtkWidget *grid;
  GtkWidget *head;
  GtkWidget *delete_button;

  rr->section = self;
  rr->row = gtk_list_box_row_new ();
  gtk_widget_set_name (rr->row, "risk-row");

  /* A grid, not a box, and the texts filling the row's height: a box, or a centred
   * column, asks the wrapping labels for their width at the row's height, which Pango
   * answers by trying one width after another. */
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 10);
  gtk_widget_set_margin_bottom (grid, 10);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);

  rr->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (rr->text_box, TRUE);

  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  rr->severity = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (rr->severity), "risk-severity");
  gtk_widget_set_valign (GTK_WIDGET (rr->severity), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (rr->severity), "ks-severity");
  rr->category = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (rr->category), "risk-category");
  gtk_label_set_xalign (rr->category, 0);
  gtk_widget_add_css_class (GTK_WIDGET (rr->category), "heading");
  rr->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (rr->state), "risk-state");
  gtk_widget_set_hexpand (GTK_WIDGET (rr->state), TRUE);
  gtk_label_set_xalign (rr->state, 1);
  gtk_widget_add_css_class (GTK_WIDGET (rr->state), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (rr->state), "dim-label");
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (rr->severity));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (rr->category));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (rr->state));

  /* The whole texts are in the editor. */
  rr->description = text_label_new ("risk-description-label", 4);
  rr->contingency = text_label_new ("risk-contingency-label", 3);
  gtk_widget_add_css_class (GTK_WIDGET (rr->contingency), "caption");
  rr->raised = text_label_new ("risk-raised-label", 1);
  gtk_widget_add_css_class (GTK_WIDGET (rr->raised), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (rr->raised), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (rr->raised), "numeric");

  gtk_box_append (GTK_BOX (rr->text_box), head);
  gtk_box_append (GTK_BOX (rr->text_box), GTK_WIDGET (rr->description));
  gtk_box_append (GTK_BOX (rr->text_box), GTK_WIDGET (rr->contingency));
  gtk_box_append (GTK_BOX (rr->text_box), GTK_WIDGET (rr->raised));

  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Risk Warning"));
  gtk_widget_set_name (delete_button, "risk-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), rr);

  gtk_grid_attach (GTK_GRID (grid), rr->text_box, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), delete_button, 1, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (rr->row), grid);

  g_object_set_data_full (G_OBJECT (rr->row), RISK_ROW_KEY, rr, risk_row_free);
  return rr;
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
risk_row_update (RiskRow      *rr,
                 const KsRisk *risk)
{
  g_autofree char *severity_class = NULL;
  g_autofree char *raised = NULL;
  g_autofree char *contingency = NULL;
  g_autofree char *accessible = NULL;
  const char *severity = "";
  const char *category = "";
  gboolean has_plan;

  g_clear_pointer (&rr->risk, ks_risk_free);
  rr->risk = ks_risk_copy (risk);

  if ((guint) risk->severity < KS_N_RISK_SEVERITIES)
    {
      severity = ks_risk_severity_get_label (risk->severity);
      severity_class = g_strdup_printf ("severity-%s", ks_risk_severity_get_key (risk->severity));
    }
  if ((guint) risk->category < KS_N_RISK_CATEGORIES)
    category = ks_risk_category_get_label (risk->category);

  if (rr->severity_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (rr->severity), rr->severity_class);
  if (severity_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (rr->severity), severity_class);
  g_free (rr->severity_class);
  rr->severity_class = g_steal_pointer (&severity_class);
  gtk_label_set_text (rr->severity, severity);
  gtk_label_set_text (rr->category, category);
  /* Translators: the state of a risk warning */
  gtk_label_set_text (rr->state, risk->closed ? C_("risk", "Closed") : C_("risk", "Open"));

  gtk_label_set_text (rr->description, risk->description);

  has_plan = risk->contingency != NULL && *risk->contingency != '\0';
  if (has_plan)
    /* Translators: %s is the contingency plan of a risk warning */
    contingency = g_strdup_printf (_("Contingency plan: %s"), risk->contingency);
  else
    contingency = g_strdup (_("No contingency plan yet"));
  gtk_label_set_text (rr->contingency, contingency);
  set_css_class (GTK_WIDGET (rr->contingency), "dim-label", has_plan || risk->closed);
  set_css_class (GTK_WIDGET (rr->contingency), "warning", !has_plan && !risk->closed);

  /* Translators: %s is the date a risk warning was raised, 2025-06-30 */
  raised = g_strdup_printf (_("Raised %s"), risk->raised ? risk->raised : "");
  gtk_label_set_text (rr->raised, raised);

  set_css_class (rr->text_box, "dim-label", risk->closed);

  /* Translators: how a screen reader names a risk warning: severity, category, state,
   * e.g. “High, Payment behaviour, Open” */
  accessible = g_strdup_printf (_("%s, %s, %s"), severity, category,
                                risk->closed ? C_("risk", "Closed") : C_("risk", "Open"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rr->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, risk->description, -1);
}

/* ---- The whole section --------------------------------------------------------- */

/* Rows a pass creates at most: the first frame brings what fills the window under the
 * credit rating, a pass after each frame the others. Updating a row that exists is
 * cheap, and not limited. The heights are the least they take (a line of each text),
 * so that the estimate errs towards a row too many rather than a gap at the foot of
 * the window. */
#define RISK_ROW_HEIGHT 80
#define RATING_HEIGHT   120
#define FIRST_ROWS      8    /* not in a window yet */
#define ROWS_PER_PASS   10

static gboolean build_more (gpointer data);

static void
remove_surplus_rows (KsRisksSection *self)
{
  GtkListBoxRow *row;
  guint n = self->risks->len;

  while ((row = gtk_list_box_get_row_at_index (self->risk_list, n)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (focus == GTK_WIDGET (row) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
        self->lost_focus = TRUE;
      gtk_list_box_remove (self->risk_list, GTK_WIDGET (row));
    }

  /* The last row was deleted from the keyboard: stay in the list. */
  if (self->lost_focus)
    {
      row = n > 0 ? gtk_list_box_get_row_at_index (self->risk_list, n - 1) : NULL;
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      self->lost_focus = FALSE;
    }
}

/* Brings the rows from @n_shown on up to date, creating at most @max_new; TRUE when
 * all are. */
static gboolean
build_pass (KsRisksSection *self,
            guint           max_new)
{
  guint created = 0;

  for (; self->n_shown < self->risks->len; self->n_shown++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->risk_list, self->n_shown);
      RiskRow *rr;

      if (row != NULL)
        {
          rr = get_risk_row (row);
        }
      else
        {
          if (created == max_new)
            return FALSE;
          rr = risk_row_new (self);
          gtk_list_box_append (self->risk_list, rr->row);
          created++;
        }
      risk_row_update (rr, g_ptr_array_index (self->risks, self->n_shown));
    }

  remove_surplus_rows (self);
  return TRUE;
}

static void
rebuild (KsRisksSection *self)
{
  self->dirty = FALSE;
  self->n_shown = 0;
  g_clear_handle_id (&self->build_id, g_source_remove);

  /* What is being typed stays until it is applied. */
  if (!self->rating_edited &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->rating_row)),
                 self->credit_rating) != 0)
    {
      self->setting_rating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->rating_row), self->credit_rating);
      self->setting_rating = FALSE;
    }

  if (!build_pass (self, ks_plan_rows_to_fill (GTK_WIDGET (self), RATING_HEIGHT,
                                               RISK_ROW_HEIGHT, FIRST_ROWS)))
    self->build_id = ks_plan_idle_add_after_frame (GTK_WIDGET (self), build_more, self);
}

static gboolean
build_more (gpointer data)
{
  KsRisksSection *self = data;

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
on_row_activated (KsRisksSection *self,
                  GtkListBoxRow  *row)
{
  RiskRow *rr = get_risk_row (row);

  if (rr != NULL && rr->risk != NULL)
    open_editor (self, rr->risk);
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KsRisksSection        *self)
{
  RiskRow *rr;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  rr = get_risk_row (ks_plan_list_get_focus_row (self->risk_list));
  if (rr == NULL || rr->risk == NULL)
    return GDK_EVENT_PROPAGATE;

  delete_risk (self, rr->risk);
  return GDK_EVENT_STOP;
}

static void
add_risk (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  open_editor (KS_RISKS_SECTION (widget), NULL);
}

static void
ks_risks_section_map (GtkWidget *widget)
{
  KsRisksSection *self = KS_RISKS_SECTION (widget);

  /* Before the children are mapped: the rows come with the section's first frame. */
  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (ks_risks_section_parent_class)->map (widget);
}

static void
ks_risks_section_dispose (GObject *object)
{
  KsRisksSection *self = KS_RISKS_SECTION (object);

  g_clear_handle_id (&self->build_id, g_source_remove);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_pointer (&self->risks, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_risks_section_parent_class)->dispose (object);
}

static void
ks_risks_section_finalize (GObject *object)
{
  KsRisksSection *self = KS_RISKS_SECTION (object);

  g_free (self->credit_rating);

  G_OBJECT_CLASS (ks_risks_section_parent_class)->finalize (object);
}

static void
ks_risks_section_class_init (KsRisksSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_risks_section_dispose;
  object_class->finalize = ks_risks_section_finalize;
  widget_class->map = ks_risks_section_map;

  gtk_widget_class_set_layout_manager_type (widget_class, KS_TYPE_PLAN_SECTION_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-risks-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsRisksSection, rating_row);
  gtk_widget_class_bind_template_child (widget_class, KsRisksSection, rating_error);
  gtk_widget_class_bind_template_child (widget_class, KsRisksSection, risk_list);
  gtk_widget_class_bind_template_callback (widget_class, on_rating_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_rating_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "risks.add", NULL, add_risk);
}

static void
ks_risks_section_init (KsRisksSection *self)
{
  GtkEventController *keys;
  GtkWidget *empty;

  self->credit_rating = g_strdup ("");
  self->risks = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_risk_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  empty = ks_plan_empty_state_new ("dialog-warning-symbolic", _("No risk warnings"),
                                   _("Note what could hurt this account — its finances, a "
                                     "policy change, late payments — and the plan if it "
                                     "happens."));
  gtk_widget_set_name (empty, "risks-empty");
  gtk_list_box_set_placeholder (self->risk_list, empty);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->risk_list), keys);
}

GtkWidget *
ks_risks_section_new (KsStore   *store,
                      KsAccount *account)
{
  KsRisksSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_RISKS_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  return GTK_WIDGET (self);
}

void
ks_risks_section_set_plan (KsRisksSection      *self,
                           const KsAccountPlan *plan)
{
  g_return_if_fail (KS_IS_RISKS_SECTION (self));
  g_return_if_fail (plan != NULL);

  g_free (self->credit_rating);
  self->credit_rating = g_strdup (plan->credit_rating != NULL ? plan->credit_rating : "");

  g_ptr_array_set_size (self->risks, 0);
  for (guint i = 0; plan->risks != NULL && i < plan->risks->len; i++)
    g_ptr_array_add (self->risks, ks_risk_copy (g_ptr_array_index (plan->risks, i)));

  g_clear_handle_id (&self->build_id, g_source_remove);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}
