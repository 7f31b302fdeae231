/* ks-complaints-view.c
 *
 * Every complaint is read from the store in one query when the view is mapped and
 * after ::plan-changed (coalesced into one idle); the open ones become rows, twenty
 * for the first frame and the rest in idle passes, and all of them feed the two
 * statistics tables. A minute timer updates the states and ages while it is mapped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-complaints-section.h"
#include "ks-complaints-view.h"
#include "ks-plan-widgets.h"
#include "ks-relations.h"

struct _KsComplaintsView
{
  AdwBin          parent_instance;

  KsStore        *store;
  GPtrArray      *complaints;     /* KsComplaint *: every account's */
  GPtrArray      *open;           /* KsComplaint *, borrowed from @complaints: open ones,
                                   * oldest first */
  gboolean        dirty;          /* to be read again when mapped */
  guint           reload_id;      /* the idle that reads after ::plan-changed */
  guint           build_id;       /* the idle that adds the rows after the first ones */
  guint           tick_id;        /* the minute timer, while mapped */
  guint           n_shown;

  /* template children */
  AdwPreferencesGroup *open_group;
  GtkListBox     *complaint_list;
  AdwPreferencesGroup *owner_group;
  GtkGrid        *owner_grid;
  AdwPreferencesGroup *category_group;
  GtkGrid        *category_grid;
};

G_DEFINE_FINAL_TYPE (KsComplaintsView, ks_complaints_view, ADW_TYPE_BIN)

/* ---- Rows ---------------------------------------------------------------------- */

typedef struct
{
  GtkWidget   *row;
  GtkLabel    *account;
  GtkLabel    *age;
  GtkLabel    *state;
  GtkLabel    *details;
  GtkLabel    *description;
  KsComplaint *complaint;
  char        *account_name;
} OpenRow;

#define OPEN_ROW_KEY "ks-open-complaint-row"

static OpenRow *
get_open_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), OPEN_ROW_KEY) : NULL;
}

static void
open_row_free (gpointer data)
{
  OpenRow *orow = data;

  g_clear_pointer (&orow->complaint, ks_complaint_free);
  g_clear_pointer (&orow->account_name, g_free);
  g_free (orow);
}

static GtkLabel *
caption_label_new (const char *name)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_name (GTK_WIDGET (label), name);
  gtk_label_set_xalign (label, 0);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  return label;
}

static OpenRow *
open_row_new (void)
{
  OpenRow *orow = g_new0 (OpenRow, 1);
  GtkWidget *box;
  GtkWidget *text_box;
  GtkWidget *head;
  GtkWidget *arrow;

  orow->row = gtk_list_box_row_new ();
  gtk_widget_set_name (orow->row, "open-complaint-row");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text_box, TRUE);

  orow->account = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (orow->account), "complaint-account");
  gtk_label_set_xalign (orow->account, 0);
  gtk_label_set_ellipsize (orow->account, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (orow->account), "heading");

  /* The state and the age on one line: the account's name has the whole width. */
  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  orow->state = ks_complaint_ui_pill_new ();
  orow->age = caption_label_new ("complaint-age");
  gtk_widget_set_hexpand (GTK_WIDGET (orow->age), TRUE);
  gtk_label_set_xalign (orow->age, 1);
  gtk_widget_add_css_class (GTK_WIDGET (orow->age), "numeric");
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (orow->state));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (orow->age));
  orow->details = caption_label_new ("complaint-details");
  orow->description = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (orow->description), "complaint-description-label");
  gtk_label_set_xalign (orow->description, 0);
  gtk_label_set_ellipsize (orow->description, PANGO_ELLIPSIZE_END);

  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (orow->account));
  gtk_box_append (GTK_BOX (text_box), head);
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (orow->description));
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (orow->details));

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (orow->row), box);
  gtk_widget_set_tooltip_text (orow->row, _("Open the Account’s Complaints"));

  g_object_set_data_full (G_OBJECT (orow->row), OPEN_ROW_KEY, orow, open_row_free);
  return orow;
}

static void
open_row_update_time (OpenRow   *orow,
                      GDateTime *now)
{
  g_autoptr(GDateTime) opened = ks_relations_parse_date_time (orow->complaint->opened_at);
  g_autofree char *age = NULL;
  g_autofree char *accessible = NULL;

  ks_complaint_ui_pill_update (orow->state, orow->complaint, now);

  if (opened != NULL)
    {
      gint64 seconds = MAX (g_date_time_difference (now, opened) / G_TIME_SPAN_SECOND, 0);
      g_autofree char *span = NULL;

      /* An age in whole hours from the first hour on: the state has the minutes. */
      if (seconds >= 3600)
        seconds -= seconds % 3600;
      span = ks_complaint_format_duration (seconds, FALSE);

      /* Translators: how long ago a complaint was opened; %s is “2 d 4 h” */
      age = g_strdup_printf (_("Opened %s ago"), span);
    }
  gtk_label_set_text (orow->age, age != NULL ? age : "");

  /* Translators: how a screen reader names an open complaint in the portfolio: account,
   * 24-hour state, age, e.g. “Acme, Overdue by 3 h, Opened 27 h ago” */
  accessible = g_strdup_printf (_("%s, %s, %s"), orow->account_name,
                                gtk_label_get_label (orow->state), age != NULL ? age : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (orow->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  orow->complaint->description ? orow->complaint->description
                                                               : "",
                                  -1);
}

static void
open_row_update (KsComplaintsView  *self,
                 OpenRow           *orow,
                 const KsComplaint *complaint,
                 GDateTime         *now)
{
  KsAccount *account = ks_store_lookup_account (self->store, complaint->account_id);
  g_autofree char *owner = NULL;
  g_autofree char *details = NULL;
  g_autofree char *opened = ks_complaint_ui_format_time (complaint->opened_at);
  const char *category = "";

  g_clear_pointer (&orow->complaint, ks_complaint_free);
  orow->complaint = ks_complaint_copy (complaint);
  g_free (orow->account_name);
  orow->account_name = g_strdup (account != NULL ? ks_account_get_name (account) : "");

  if ((guint) complaint->category < KS_N_COMPLAINT_CATEGORIES)
    category = ks_complaint_category_get_label (complaint->category);
  if (complaint->owner != NULL && *complaint->owner != '\0')
    owner = g_strdup_printf (_("Owner: %s"), complaint->owner);
  else
    owner = g_strdup (_("No owner"));
  /* Translators: under an open complaint in the portfolio: category · opened · owner */
  details = g_strdup_printf (_("%s · %s · %s"), category, opened, owner);

  gtk_label_set_text (orow->account, orow->account_name);
  gtk_label_set_text (orow->details, details);
  gtk_label_set_text (orow->description, complaint->description ? complaint->description : "");
  open_row_update_time (orow, now);
}

/* ---- Statistics ---------------------------------------------------------------- */

static GtkWidget *
cell_new (const char *text,
          gboolean    heading,
          gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_wrap (GTK_LABEL (label), heading);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
    }
  else
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
    }
  if (heading)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
    }
  return label;
}

static void
fill_stats (GtkGrid    *grid,
            const char *group_heading,
            GPtrArray  *stats)
{
  const char *headings[] = {
    group_heading,
    /* Translators: a column of the complaint statistics: how many complaints there
     * were; keep it short */
    C_("complaint statistics", "Total"),
    /* Translators: a column of the complaint statistics: how many are still open */
    C_("complaint statistics", "Open"),
    /* Translators: a column of the complaint statistics: the share of the answered
     * complaints answered within 24 hours */
    C_("complaint statistics", "In time"),
    /* Translators: a column of the complaint statistics: the mean time to the first
     * response */
    C_("complaint statistics", "Mean response"),
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (grid, cell_new (headings[c], TRUE, c > 0), c, 0, 1, 1);

  for (guint i = 0; i < stats->len; i++)
    {
      const KsResponseStats *s = g_ptr_array_index (stats, i);
      g_autofree char *complaints = g_strdup_printf ("%u", s->complaints);
      g_autofree char *open = g_strdup_printf ("%u", s->open);
      g_autofree char *in_time = NULL;
      g_autofree char *mean = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *name = cell_new (s->group, FALSE, FALSE);

      if (s->answered > 0)
        {
          /* Translators: a percentage, “80 %” */
          in_time = g_strdup_printf (_("%.0f %%"), 100.0 * s->in_time / s->answered);
          /* Translators: a mean time in hours, “6.5 h” */
          mean = g_strdup_printf (_("%.1f h"), s->mean_hours);
        }
      else
        {
          /* Nothing answered yet: no share, no mean. */
          in_time = g_strdup ("—");
          mean = g_strdup ("—");
        }

      gtk_widget_set_tooltip_text (name, s->group);
      gtk_grid_attach (grid, name, 0, i + 1, 1, 1);
      gtk_grid_attach (grid, cell_new (complaints, FALSE, TRUE), 1, i + 1, 1, 1);
      gtk_grid_attach (grid, cell_new (open, FALSE, TRUE), 2, i + 1, 1, 1);
      gtk_grid_attach (grid, cell_new (in_time, FALSE, TRUE), 3, i + 1, 1, 1);
      gtk_grid_attach (grid, cell_new (mean, FALSE, TRUE), 4, i + 1, 1, 1);

      /* Translators: one line of the complaint statistics for a screen reader: group,
       * complaints, open, in time, mean response */
      accessible = g_strdup_printf (ngettext ("%s: %u complaint, %u open, %s answered in "
                                              "time, mean response %s",
                                              "%s: %u complaints, %u open, %s answered in "
                                              "time, mean response %s",
                                              s->complaints),
                                    s->group, s->complaints, s->open, in_time, mean);
      gtk_accessible_update_property (GTK_ACCESSIBLE (name),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
}

static void
update_stats (KsComplaintsView *self,
              GDateTime        *now)
{
  g_autoptr(GPtrArray) by_owner = NULL;
  g_autoptr(GPtrArray) by_category = NULL;
  gboolean any = self->complaints->len > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->owner_group), any);
  gtk_widget_set_visible (GTK_WIDGET (self->category_group), any);
  if (!any)
    return;

  by_owner = ks_complaints_response_stats (self->complaints, TRUE, now);
  by_category = ks_complaints_response_stats (self->complaints, FALSE, now);
  /* Translators: the first column of the complaint statistics by owner */
  fill_stats (self->owner_grid, C_("complaint statistics", "Owner"), by_owner);
  /* Translators: the first column of the complaint statistics by category */
  fill_stats (self->category_grid, C_("complaint statistics", "Category"), by_category);
}

/* ---- The whole view ------------------------------------------------------------ */

#define ROWS_PER_PASS 20

static gboolean build_more (gpointer data);

static gboolean
build_pass (KsComplaintsView *self)
{
  g_autoptr(GDateTime) now = ks_store_dup_now (self->store);
  GtkListBoxRow *row;
  guint created = 0;

  for (; self->n_shown < self->open->len; self->n_shown++)
    {
      OpenRow *orow;

      row = gtk_list_box_get_row_at_index (self->complaint_list, self->n_shown);
      if (row != NULL)
        {
          orow = get_open_row (row);
        }
      else
        {
          if (created == ROWS_PER_PASS)
            return FALSE;
          orow = open_row_new ();
          gtk_list_box_append (self->complaint_list, orow->row);
          created++;
        }
      open_row_update (self, orow, g_ptr_array_index (self->open, self->n_shown), now);
    }

  while ((row = gtk_list_box_get_row_at_index (self->complaint_list, self->open->len)) != NULL)
    gtk_list_box_remove (self->complaint_list, GTK_WIDGET (row));
  return TRUE;
}

static gboolean
build_more (gpointer data)
{
  KsComplaintsView *self = data;

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

static void
update_description (KsComplaintsView *self,
                    GDateTime        *now)
{
  g_autofree char *open = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *description = NULL;
  guint n_open = self->open->len;
  guint n_overdue = 0;

  for (guint i = 0; i < n_open; i++)
    if (ks_complaint_response_state (g_ptr_array_index (self->open, i), now, NULL)
        == KS_RESPONSE_OVERDUE)
      n_overdue++;

  if (n_open == 0)
    {
      adw_preferences_group_set_description (self->open_group,
                                             _("Open complaints of every account, oldest "
                                               "first."));
      return;
    }

  open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u open complaint, oldest first.",
                                       "%u open complaints, oldest first.", n_open),
                          n_open);
  if (n_overdue == 0)
    overdue = g_strdup (_("None is overdue."));
  else
    overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u is past its 24 hours without a response.",
                                            "%u are past their 24 hours without a response.",
                                            n_overdue),
                               n_overdue);
  /* Translators: two sentences one after the other */
  description = g_strdup_printf (C_("sentences", "%1$s %2$s"), open, overdue);
  adw_preferences_group_set_description (self->open_group, description);
}

static void
reload (KsComplaintsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GDateTime) now = NULL;

  self->dirty = FALSE;
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->build_id, g_source_remove);
  if (self->store == NULL)
    return;

  complaints = ks_store_dup_complaints (self->store, FALSE, &error);
  if (complaints == NULL)
    {
      g_warning ("Could not read the complaints: %s", error->message);
      complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_complaint_free);
    }

  g_ptr_array_set_size (self->open, 0);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);
  self->complaints = g_steal_pointer (&complaints);
  /* The store orders them open first, the oldest open first. */
  for (guint i = 0; i < self->complaints->len; i++)
    {
      KsComplaint *complaint = g_ptr_array_index (self->complaints, i);

      if (ks_complaint_is_open (complaint))
        g_ptr_array_add (self->open, complaint);
    }

  now = ks_store_dup_now (self->store);
  update_description (self, now);
  update_stats (self, now);

  self->n_shown = 0;
  if (!build_pass (self))
    self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_more, self, NULL);
}

static gboolean
reload_idle (gpointer data)
{
  KsComplaintsView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_plan_changed (KsComplaintsView *self,
                 gint64            account_id)
{
  self->dirty = TRUE;
  /* Many changes in a row (an import, Undo) are read once. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle, self, NULL);
}

static void
update_times (KsComplaintsView *self)
{
  g_autoptr(GDateTime) now = NULL;
  GtkListBoxRow *row;

  if (self->store == NULL)
    return;

  now = ks_store_dup_now (self->store);
  update_description (self, now);
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->complaint_list, i)) != NULL; i++)
    {
      OpenRow *orow = get_open_row (row);

      if (orow != NULL && orow->complaint != NULL)
        open_row_update_time (orow, now);
    }
}

void
ks_complaints_view_refresh (KsComplaintsView *self)
{
  g_return_if_fail (KS_IS_COMPLAINTS_VIEW (self));

  reload (self);
}

static gboolean
on_tick (gpointer data)
{
  KsComplaintsView *self = data;

  /* A response recorded elsewhere changes the statistics too; the rest is the clock. */
  if (self->dirty)
    reload (self);
  else
    update_times (self);
  return G_SOURCE_CONTINUE;
}

static void
on_row_activated (KsComplaintsView *self,
                  GtkListBoxRow    *row)
{
  OpenRow *orow = get_open_row (row);
  gint64 id;

  if (orow == NULL || orow->complaint == NULL)
    return;

  id = orow->complaint->account_id;
  /* The account's page at its complaints; its overview where that is not known. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.open-account-section", "(xs)",
                                   id, "complaints"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-account", "x", id);
}

static void
ks_complaints_view_map (GtkWidget *widget)
{
  KsComplaintsView *self = KS_COMPLAINTS_VIEW (widget);

  if (self->dirty)
    reload (self);
  else
    update_times (self);

  GTK_WIDGET_CLASS (ks_complaints_view_parent_class)->map (widget);

  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (60, on_tick, self);
}

static void
ks_complaints_view_unmap (GtkWidget *widget)
{
  KsComplaintsView *self = KS_COMPLAINTS_VIEW (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);

  GTK_WIDGET_CLASS (ks_complaints_view_parent_class)->unmap (widget);
}

static void
ks_complaints_view_dispose (GObject *object)
{
  KsComplaintsView *self = KS_COMPLAINTS_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);

  g_clear_object (&self->store);
  g_clear_pointer (&self->open, g_ptr_array_unref);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_complaints_view_parent_class)->dispose (object);
}

static void
ks_complaints_view_class_init (KsComplaintsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_complaints_view_dispose;
  widget_class->map = ks_complaints_view_map;
  widget_class->unmap = ks_complaints_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-complaints-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KsComplaintsView, open_group);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintsView, complaint_list);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintsView, owner_group);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintsView, owner_grid);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintsView, category_group);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintsView, category_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
ks_complaints_view_init (KsComplaintsView *self)
{
  GtkWidget *empty;

  self->complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_complaint_free);
  self->open = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  empty = ks_plan_empty_state_new ("emblem-ok-symbolic", _("No open complaints"),
                                   _("Every complaint has had its response and its "
                                     "follow-up visit."));
  gtk_widget_set_name (empty, "complaints-empty");
  gtk_list_box_set_placeholder (self->complaint_list, empty);
}

GtkWidget *
ks_complaints_view_new (void)
{
  return g_object_new (KS_TYPE_COMPLAINTS_VIEW, NULL);
}

void
ks_complaints_view_set_store (KsComplaintsView *self,
                              KsStore          *store)
{
  g_return_if_fail (KS_IS_COMPLAINTS_VIEW (self));
  g_return_if_fail (store == NULL || KS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "plan-changed", G_CALLBACK (on_plan_changed), self,
                             G_CONNECT_SWAPPED);

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}
