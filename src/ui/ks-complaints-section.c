/* ks-complaints-section.c
 *
 * The 24-hour state of each row is worked out from the store's "now" when the rows are
 * built and then once a minute while the section is on screen; the timer stops when it
 * is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-complaint-editor.h"
#include "ks-complaints-section.h"
#include "ks-plan-widgets.h"
#include "ks-widgets.h"

struct _KsComplaintsSection
{
  AdwBin          parent_instance;

  KsStore        *store;
  KsAccount      *account;
  GPtrArray      *complaints;     /* KsComplaint *: the plan's, copied */
  gboolean        dirty;          /* not shown yet */
  guint           n_shown;        /* rows up to date with @complaints, from the first */
  guint           build_id;       /* the idle that adds the rows after the first ones */
  guint           tick_id;        /* the minute timer, while mapped */
  gboolean        lost_focus;     /* a removed row had the focus */

  /* template children */
  AdwPreferencesGroup *complaints_group;
  GtkListBox     *complaint_list;
};

G_DEFINE_FINAL_TYPE (KsComplaintsSection, ks_complaints_section, ADW_TYPE_BIN)

/* ---- Shared with the portfolio's complaints view --------------------------------- */

char *
ks_complaint_ui_describe_state (const KsComplaint  *complaint,
                                GDateTime          *now,
                                const char        **style_class)
{
  g_autofree char *span = NULL;
  KsResponseState state;
  gint64 seconds = 0;
  const char *css = "warning";
  char *text = NULL;

  g_return_val_if_fail (complaint != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  state = ks_complaint_response_state (complaint, now, &seconds);
  /* A countdown never says “under a minute” while whole minutes are left. */
  span = ks_complaint_format_duration (seconds, state == KS_RESPONSE_DUE);

  switch (state)
    {
    case KS_RESPONSE_DUE:
      /* Translators: the first response to a complaint is due within 24 hours; %s is
       * the time left, “5 h 20 min” */
      text = g_strdup_printf (_("Due in %s"), span);
      css = "warning";
      break;

    case KS_RESPONSE_OVERDUE:
      /* Translators: a complaint not answered within 24 hours; %s is by how much, “3 h” */
      text = g_strdup_printf (_("Overdue by %s"), span);
      css = "error";
      break;

    case KS_RESPONSE_IN_TIME:
      /* Translators: a complaint answered within 24 hours; %s is how long it took */
      text = g_strdup_printf (_("Answered in %s"), span);
      css = "success";
      break;

    case KS_RESPONSE_LATE:
    case KS_N_RESPONSE_STATES:
    default:
      /* Translators: a complaint answered after more than 24 hours; %s is how long it
       * took, “30 h” */
      text = g_strdup_printf (_("Answered late (%s)"), span);
      css = "warning";
      break;
    }

  if (style_class != NULL)
    *style_class = css;
  return text;
}

char *
ks_complaint_ui_format_time (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup ("");

  time = ks_relations_parse_date_time (iso);
  if (time == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

#define PILL_CLASS_KEY "ks-pill-class"

GtkLabel *
ks_complaint_ui_pill_new (void)
{
  GtkLabel *pill = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_name (GTK_WIDGET (pill), "complaint-state");
  gtk_widget_set_valign (GTK_WIDGET (pill), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (pill), GTK_ALIGN_START);
  gtk_label_set_ellipsize (pill, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (pill), "ks-complaint-state");
  gtk_widget_add_css_class (GTK_WIDGET (pill), "numeric");
  return pill;
}

void
ks_complaint_ui_pill_update (GtkLabel          *pill,
                             const KsComplaint *complaint,
                             GDateTime         *now)
{
  g_autofree char *text = NULL;
  const char *old_class;
  const char *css = NULL;

  g_return_if_fail (GTK_IS_LABEL (pill));
  g_return_if_fail (complaint != NULL);

  text = ks_complaint_ui_describe_state (complaint, now, &css);
  old_class = g_object_get_data (G_OBJECT (pill), PILL_CLASS_KEY);
  if (g_strcmp0 (old_class, css) != 0)
    {
      if (old_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (pill), old_class);
      gtk_widget_add_css_class (GTK_WIDGET (pill), css);
      /* The classes are static strings. */
      g_object_set_data (G_OBJECT (pill), PILL_CLASS_KEY, (gpointer) css);
    }
  if (g_strcmp0 (gtk_label_get_label (pill), text) != 0)
    gtk_label_set_text (pill, text);
}

/* ---- Rows ---------------------------------------------------------------------- */

/* The widgets of one row, kept with it; rows are reused by position. */
typedef struct
{
  KsComplaintsSection *section;   /* unowned: the row lives in its list */
  GtkWidget      *row;
  GtkWidget      *text_box;
  GtkLabel       *state;
  GtkLabel       *category;
  GtkLabel       *status;
  GtkLabel       *description;
  GtkLabel       *loop;
  GtkLabel       *details;
  KsComplaint    *complaint;      /* what the row shows */
} ComplaintRow;

#define COMPLAINT_ROW_KEY "ks-complaint-row"

static ComplaintRow *
get_complaint_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), COMPLAINT_ROW_KEY) : NULL;
}

static void
complaint_row_free (gpointer data)
{
  ComplaintRow *cr = data;

  g_clear_pointer (&cr->complaint, ks_complaint_free);
  g_free (cr);
}

typedef struct
{
  KsStore     *store;
  gint64       account_id;
  KsComplaint *complaint;
} DeletedComplaint;

static void
deleted_complaint_free (gpointer data)
{
  DeletedComplaint *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->complaint, ks_complaint_free);
  g_free (deleted);
}

static gboolean
restore_complaint (gpointer  data,
                   GError  **error)
{
  DeletedComplaint *deleted = data;

  return ks_store_restore_complaint (deleted->store, deleted->account_id,
                                     deleted->complaint, error);
}

static void
open_editor (KsComplaintsSection *self,
             const KsComplaint   *complaint)
{
  KsComplaintEditor *editor = ks_complaint_editor_new (self->store, self->account, complaint);

  ks_plan_present_dialog (GTK_WIDGET (self), GTK_WINDOW (editor));
}

static void
delete_complaint (KsComplaintsSection *self,
                  const KsComplaint   *complaint)
{
  g_autoptr(GError) error = NULL;
  DeletedComplaint *deleted;

  /* Copied first: the store's ::plan-changed may rebuild the row that holds it. */
  deleted = g_new0 (DeletedComplaint, 1);
  deleted->store = g_object_ref (self->store);
  deleted->account_id = ks_account_get_id (self->account);
  deleted->complaint = ks_complaint_copy (complaint);

  if (!ks_store_delete_complaint (self->store, deleted->complaint->id, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Complaint Could Not Be Deleted"), error);
      deleted_complaint_free (deleted);
      return;
    }

  ks_plan_show_undo_toast (GTK_WIDGET (self), deleted->complaint->description,
                           restore_complaint, deleted, deleted_complaint_free);
}

static void
on_delete_clicked (GtkButton    *button,
                   ComplaintRow *cr)
{
  if (cr->complaint != NULL)
    delete_complaint (cr->section, cr->complaint);
}

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
    }
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  return label;
}

static ComplaintRow *
complaint_row_new (KsComplaintsSection *self)
{
  ComplaintRow *cr = g_new0 (ComplaintRow, 1);
  GtkWidget *box;
  GtkWidget *head;
  GtkWidget *delete_button;

  cr->section = self;
  cr->row = gtk_list_box_row_new ();
  gtk_widget_set_name (cr->row, "complaint-row");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  cr->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (cr->text_box, TRUE);
  gtk_widget_set_valign (cr->text_box, GTK_ALIGN_CENTER);

  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  cr->category = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (cr->category), "complaint-category");
  gtk_label_set_xalign (cr->category, 0);
  gtk_label_set_ellipsize (cr->category, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (cr->category), "heading");
  cr->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (cr->status), "complaint-status");
  gtk_widget_set_hexpand (GTK_WIDGET (cr->status), TRUE);
  gtk_label_set_xalign (cr->status, 1);
  gtk_widget_add_css_class (GTK_WIDGET (cr->status), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (cr->status), "dim-label");
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (cr->category));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (cr->status));

  cr->state = ks_complaint_ui_pill_new ();
  cr->description = text_label_new ("complaint-description-label", 3);
  cr->loop = text_label_new ("complaint-loop", 1);
  gtk_widget_add_css_class (GTK_WIDGET (cr->loop), "caption");
  cr->details = text_label_new ("complaint-details", 2);
  gtk_widget_add_css_class (GTK_WIDGET (cr->details), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (cr->details), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (cr->details), "numeric");

  gtk_box_append (GTK_BOX (cr->text_box), head);
  gtk_box_append (GTK_BOX (cr->text_box), GTK_WIDGET (cr->state));
  gtk_box_append (GTK_BOX (cr->text_box), GTK_WIDGET (cr->description));
  gtk_box_append (GTK_BOX (cr->text_box), GTK_WIDGET (cr->loop));
  gtk_box_append (GTK_BOX (cr->text_box), GTK_WIDGET (cr->details));

  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Complaint"));
  gtk_widget_set_name (delete_button, "complaint-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), cr);

  gtk_box_append (GTK_BOX (box), cr->text_box);
  gtk_box_append (GTK_BOX (box), delete_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (cr->row), box);

  g_object_set_data_full (G_OBJECT (cr->row), COMPLAINT_ROW_KEY, cr, complaint_row_free);
  return cr;
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

/* The pill and the accessible name: what changes with the clock. */
static void
complaint_row_update_time (ComplaintRow *cr,
                           GDateTime    *now)
{
  g_autofree char *accessible = NULL;
  const KsComplaint *complaint = cr->complaint;
  gboolean open = ks_complaint_is_open (complaint);
  const char *category = "";

  if ((guint) complaint->category < KS_N_COMPLAINT_CATEGORIES)
    category = ks_complaint_category_get_label (complaint->category);

  ks_complaint_ui_pill_update (cr->state, complaint, now);

  /* Translators: how a screen reader names a complaint: category, state, 24-hour
   * rule, e.g. “Delivery, Open, Due in 5 h 20 min” */
  accessible = g_strdup_printf (_("%s, %s, %s"), category,
                                open ? C_("complaint state", "Open")
                                     : C_("complaint state", "Closed"),
                                gtk_label_get_label (cr->state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cr->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  complaint->description ? complaint->description : "",
                                  -1);
}

static void
complaint_row_update (ComplaintRow      *cr,
                      const KsComplaint *complaint,
                      GDateTime         *now)
{
  g_autofree char *opened = NULL;
  g_autofree char *opened_text = NULL;
  g_autofree char *owner_text = NULL;
  g_autofree char *details = NULL;
  const char *loop = NULL;
  gboolean open = ks_complaint_is_open (complaint);
  gboolean loop_warning = FALSE;

  g_clear_pointer (&cr->complaint, ks_complaint_free);
  cr->complaint = ks_complaint_copy (complaint);

  gtk_label_set_text (cr->category,
                      (guint) complaint->category < KS_N_COMPLAINT_CATEGORIES
                        ? ks_complaint_category_get_label (complaint->category) : "");
  /* Translators: the state of a complaint */
  gtk_label_set_text (cr->status, open ? C_("complaint state", "Open")
                                       : C_("complaint state", "Closed"));
  gtk_label_set_text (cr->description, complaint->description ? complaint->description : "");

  /* Where the closed loop stands. */
  if (open && complaint->first_response_at != NULL)
    {
      if (ks_complaint_close_blocker (complaint) != NULL)
        {
          loop = _("Follow-up visit not recorded yet");
          loop_warning = TRUE;
        }
      else
        {
          loop = _("Followed up: ready to close");
        }
    }
  gtk_label_set_text (cr->loop, loop != NULL ? loop : "");
  gtk_widget_set_visible (GTK_WIDGET (cr->loop), loop != NULL);
  set_css_class (GTK_WIDGET (cr->loop), "warning", loop_warning);
  set_css_class (GTK_WIDGET (cr->loop), "dim-label", !loop_warning);

  opened = ks_complaint_ui_format_time (complaint->opened_at);
  /* Translators: %s is when a complaint was opened, “2026-11-27 09:30” */
  opened_text = g_strdup_printf (_("Opened %s"), opened);
  if (complaint->owner != NULL && *complaint->owner != '\0')
    /* Translators: %s is who handles a complaint */
    owner_text = g_strdup_printf (_("Owner: %s"), complaint->owner);
  else
    owner_text = g_strdup (_("No owner"));
  if (!open)
    {
      g_autofree char *closed = ks_complaint_ui_format_time (complaint->closed_at);
      g_autofree char *closed_text = NULL;

      /* Translators: %s is when a complaint was closed, “2026-11-29 15:00” */
      closed_text = g_strdup_printf (_("Closed %s"), closed);
      /* Translators: the facts under a complaint, joined: opened · closed · owner */
      details = g_strdup_printf (_("%s · %s · %s"), opened_text, closed_text, owner_text);
    }
  else
    {
      /* Translators: the facts under a complaint, joined: opened · owner */
      details = g_strdup_printf (_("%s · %s"), opened_text, owner_text);
    }
  gtk_label_set_text (cr->details, details);

  set_css_class (cr->text_box, "dim-label", !open);
  complaint_row_update_time (cr, now);
}

/* ---- The whole section --------------------------------------------------------- */

/* Rows a pass creates at most: the first rows come with the section's first frame, the
 * others in idle passes after it. */
#define ROWS_PER_PASS 20

static gboolean build_more (gpointer data);

static void
remove_surplus_rows (KsComplaintsSection *self)
{
  GtkListBoxRow *row;
  guint n = self->complaints->len;

  while ((row = gtk_list_box_get_row_at_index (self->complaint_list, n)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (focus == GTK_WIDGET (row) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
        self->lost_focus = TRUE;
      gtk_list_box_remove (self->complaint_list, GTK_WIDGET (row));
    }

  if (self->lost_focus)
    {
      row = n > 0 ? gtk_list_box_get_row_at_index (self->complaint_list, n - 1) : NULL;
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      self->lost_focus = FALSE;
    }
}

/* The first pass makes the rows the window shows, the later ones ROWS_PER_PASS each. */
static gboolean
build_pass (KsComplaintsSection *self)
{
  g_autoptr(GDateTime) now = ks_store_dup_now (self->store);
  guint created = 0;
  guint limit = self->n_shown == 0 ? ks_plan_rows_to_fill (GTK_WIDGET (self), 100, 100, 6)
                                   : ROWS_PER_PASS;

  for (; self->n_shown < self->complaints->len; self->n_shown++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->complaint_list,
                                                          self->n_shown);
      ComplaintRow *cr;

      if (row != NULL)
        {
          cr = get_complaint_row (row);
        }
      else
        {
          if (created == limit)
            return FALSE;
          cr = complaint_row_new (self);
          gtk_list_box_append (self->complaint_list, cr->row);
          created++;
        }
      complaint_row_update (cr, g_ptr_array_index (self->complaints, self->n_shown), now);
    }

  remove_surplus_rows (self);
  return TRUE;
}

static void
update_description (KsComplaintsSection *self)
{
  g_autofree char *description = NULL;
  guint n_open = 0;

  for (guint i = 0; i < self->complaints->len; i++)
    if (ks_complaint_is_open (g_ptr_array_index (self->complaints, i)))
      n_open++;

  if (n_open == 0)
    {
      adw_preferences_group_set_description (self->complaints_group,
                                             _("Answer every complaint within 24 hours, find "
                                               "its root cause, and close it only after a "
                                               "follow-up visit."));
      return;
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u open complaint. Answer within 24 hours; "
                                              "close after the follow-up visit.",
                                              "%u open complaints. Answer within 24 hours; "
                                              "close after the follow-up visit.",
                                              n_open),
                                 n_open);
  adw_preferences_group_set_description (self->complaints_group, description);
}

static void
rebuild (KsComplaintsSection *self)
{
  self->dirty = FALSE;
  self->n_shown = 0;
  g_clear_handle_id (&self->build_id, g_source_remove);

  update_description (self);
  if (!build_pass (self))
    self->build_id = ks_plan_idle_add_after_frame (GTK_WIDGET (self), build_more, self);
}

static gboolean
build_more (gpointer data)
{
  KsComplaintsSection *self = data;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->build_id = 0;
      self->dirty = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (!build_pass (self))
    return G_SOURCE_CONTINUE;

  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

void
ks_complaints_section_refresh (KsComplaintsSection *self)
{
  g_autoptr(GDateTime) now = NULL;
  GtkListBoxRow *row;

  g_return_if_fail (KS_IS_COMPLAINTS_SECTION (self));

  if (self->dirty)
    return;

  now = ks_store_dup_now (self->store);
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->complaint_list, i)) != NULL; i++)
    {
      ComplaintRow *cr = get_complaint_row (row);

      if (cr != NULL && cr->complaint != NULL)
        complaint_row_update_time (cr, now);
    }
}

static gboolean
on_tick (gpointer data)
{
  ks_complaints_section_refresh (KS_COMPLAINTS_SECTION (data));
  return G_SOURCE_CONTINUE;
}

static void
on_row_activated (KsComplaintsSection *self,
                  GtkListBoxRow       *row)
{
  ComplaintRow *cr = get_complaint_row (row);

  if (cr != NULL && cr->complaint != NULL)
    open_editor (self, cr->complaint);
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KsComplaintsSection   *self)
{
  ComplaintRow *cr;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  cr = get_complaint_row (ks_plan_list_get_focus_row (self->complaint_list));
  if (cr == NULL || cr->complaint == NULL)
    return GDK_EVENT_PROPAGATE;

  delete_complaint (self, cr->complaint);
  return GDK_EVENT_STOP;
}

static void
add_complaint (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  open_editor (KS_COMPLAINTS_SECTION (widget), NULL);
}

static void
ks_complaints_section_map (GtkWidget *widget)
{
  KsComplaintsSection *self = KS_COMPLAINTS_SECTION (widget);

  /* Before the children are mapped: the rows come with the section's first frame. */
  if (self->dirty)
    rebuild (self);
  else
    ks_complaints_section_refresh (self);

  GTK_WIDGET_CLASS (ks_complaints_section_parent_class)->map (widget);

  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (60, on_tick, self);
}

static void
ks_complaints_section_unmap (GtkWidget *widget)
{
  KsComplaintsSection *self = KS_COMPLAINTS_SECTION (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (ks_complaints_section_parent_class)->unmap (widget);
}

static void
ks_complaints_section_dispose (GObject *object)
{
  KsComplaintsSection *self = KS_COMPLAINTS_SECTION (object);

  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_complaints_section_parent_class)->dispose (object);
}

static void
ks_complaints_section_class_init (KsComplaintsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_complaints_section_dispose;
  widget_class->map = ks_complaints_section_map;
  widget_class->unmap = ks_complaints_section_unmap;

  /* Wrapping labels inside would search for their narrowest width otherwise. */
  gtk_widget_class_set_layout_manager_type (widget_class, KS_TYPE_PLAN_SECTION_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-complaints-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsComplaintsSection, complaints_group);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintsSection, complaint_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "complaints.add", NULL, add_complaint);
}

static void
ks_complaints_section_init (KsComplaintsSection *self)
{
  GtkEventController *keys;
  GtkWidget *empty;

  self->complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_complaint_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  empty = ks_plan_empty_state_new ("emblem-important-symbolic", _("No complaints"),
                                   _("Record a complaint when the customer makes one: the "
                                     "first response is due within 24 hours."));
  gtk_widget_set_name (empty, "complaints-empty");
  gtk_list_box_set_placeholder (self->complaint_list, empty);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->complaint_list), keys);
}

GtkWidget *
ks_complaints_section_new (KsStore   *store,
                           KsAccount *account)
{
  KsComplaintsSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_COMPLAINTS_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  return GTK_WIDGET (self);
}

void
ks_complaints_section_set_plan (KsComplaintsSection *self,
                                const KsAccountPlan *plan)
{
  GPtrArray *complaints;

  g_return_if_fail (KS_IS_COMPLAINTS_SECTION (self));
  g_return_if_fail (plan != NULL);

  complaints = plan->relations != NULL ? plan->relations->complaints : NULL;
  g_ptr_array_set_size (self->complaints, 0);
  for (guint i = 0; complaints != NULL && i < complaints->len; i++)
    g_ptr_array_add (self->complaints, ks_complaint_copy (g_ptr_array_index (complaints, i)));

  g_clear_handle_id (&self->build_id, g_source_remove);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}
