/* ks-complaint-editor.c
 *
 * Times are typed as "YYYY-MM-DD HH:MM" in local time and stored as ISO-8601 with their
 * offset. A time shown and not edited is saved as it was, seconds and offset included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ks-complaint-editor.h"
#include "ks-complaints-section.h"
#include "ks-error.h"
#include "ks-plan-widgets.h"

#define FOLLOW_UP_SATISFACTION_MAX 5

/* One date-time field: the row, and what it was set to, to save unchanged. */
typedef struct
{
  AdwEntryRow *row;
  char        *iso;       /* the stored time, or NULL */
  char        *shown;     /* its text as shown */
} TimeField;

struct _KsComplaintEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  gint64 account_id;
  KsComplaint *complaint;    /* the copy being edited */
  gboolean is_new;
  gboolean setting_close;

  TimeField opened;
  TimeField response;
  TimeField follow_up;

  /* template children */
  AdwWindowTitle *window_title;
  AdwEntryRow *opened_row;
  AdwComboRow *category_row;
  AdwEntryRow *owner_row;
  GtkLabel *details_error;
  GtkTextView *description_view;
  GtkLabel *description_error;
  GtkLabel *response_state;
  GtkButton *respond_now_button;
  AdwEntryRow *first_response_row;
  GtkLabel *response_error;
  GtkTextView *root_cause_view;
  GtkLabel *root_cause_error;
  GtkTextView *resolution_view;
  GtkLabel *resolution_error;
  AdwEntryRow *follow_up_row;
  AdwComboRow *satisfaction_row;
  GtkLabel *follow_up_error;
  GtkSwitch *close_switch;
  GtkLabel *close_error;
};

G_DEFINE_FINAL_TYPE (KsComplaintEditor, ks_complaint_editor, ADW_TYPE_WINDOW)

/* ---- Times --------------------------------------------------------------------- */

/* "YYYY-MM-DD HH:MM[:SS]" (or a "T" between) in local time, or a full ISO-8601 time
 * with an offset; NULL when it is neither. */
static GDateTime *
parse_local_time (const char *text)
{
  g_autofree char *copy = NULL;
  GDateTime *exact;
  int year, month, day, hour, minute, second = 0;
  char separator;
  char rest;
  int n;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return NULL;

  exact = ks_relations_parse_date_time (copy);
  if (exact != NULL)
    return exact;

  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?$",
                             copy, 0, 0))
    return NULL;

  n = sscanf (copy, "%4d-%2d-%2d%c%2d:%2d:%2d%c", &year, &month, &day, &separator,
              &hour, &minute, &second, &rest);
  if (n != 6 && n != 7)
    return NULL;
  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || second > 59)
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, second);
}

static void
time_field_clear (TimeField *field)
{
  g_clear_pointer (&field->iso, g_free);
  g_clear_pointer (&field->shown, g_free);
}

/* Shows @iso (may be NULL) in the field. */
static void
time_field_set (TimeField  *field,
                const char *iso)
{
  char *iso_copy = g_strdup (iso);

  time_field_clear (field);
  field->iso = iso_copy;
  field->shown = ks_complaint_ui_format_time (iso);
  gtk_editable_set_text (GTK_EDITABLE (field->row), field->shown);
}

static void
time_field_set_time (TimeField *field,
                     GDateTime *time)
{
  g_autofree char *iso = ks_relations_format_date_time (time);

  time_field_set (field, iso);
}

typedef enum
{
  TIME_EMPTY,
  TIME_SET,
  TIME_UNREADABLE,
} TimeRead;

/* The field's time as stored: the one it was set to when the text is unchanged, else
 * what was typed, in local time. */
static TimeRead
time_field_read (TimeField  *field,
                 char      **iso)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row))));
  g_autoptr(GDateTime) time = NULL;

  *iso = NULL;
  if (*text == '\0')
    return TIME_EMPTY;

  if (field->iso != NULL && g_strcmp0 (text, field->shown) == 0)
    {
      *iso = g_strdup (field->iso);
      return TIME_SET;
    }

  time = parse_local_time (text);
  if (time == NULL)
    return TIME_UNREADABLE;
  *iso = ks_relations_format_date_time (time);
  return TIME_SET;
}

/* A button beside a time field with a calendar and the hour and minute. */
typedef struct
{
  KsComplaintEditor *editor;   /* unowned: the button is inside it */
  TimeField   *field;
  GtkCalendar *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
  gboolean     showing;
} TimeButton;

static void
time_button_write (TimeButton *tb)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (tb->showing)
    return;

  day = gtk_calendar_get_date (tb->calendar);
  text = g_strdup_printf ("%04d-%02d-%02d %02d:%02d", g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (tb->hour),
                          gtk_spin_button_get_value_as_int (tb->minute));
  gtk_editable_set_text (GTK_EDITABLE (tb->field->row), text);
}

static void
on_time_popover_show (GtkPopover *popover,
                      TimeButton *tb)
{
  GtkEditable *entry = GTK_EDITABLE (tb->field->row);
  g_autoptr(GDateTime) time = parse_local_time (gtk_editable_get_text (entry));
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    time = ks_store_dup_now (tb->editor->store);
  local = g_date_time_to_local (time);

  tb->showing = TRUE;
  gtk_calendar_select_day (tb->calendar, local);
  gtk_spin_button_set_value (tb->hour, g_date_time_get_hour (local));
  gtk_spin_button_set_value (tb->minute, g_date_time_get_minute (local));
  tb->showing = FALSE;
}

static gboolean
on_time_spin_output (GtkSpinButton *spin,
                     gpointer       unused)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkSpinButton *
time_spin_new (int         max,
               const char *label)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, max, 1));

  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_time_spin_output), NULL);
  return spin;
}

static void
add_time_button (KsComplaintEditor *self,
                 TimeField         *field)
{
  TimeButton *tb = g_new0 (TimeButton, 1);
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *box;
  GtkWidget *time_box;
  GtkWidget *colon;

  tb->editor = self;
  tb->field = field;
  tb->calendar = GTK_CALENDAR (gtk_calendar_new ());
  tb->hour = time_spin_new (23, _("Hour"));
  tb->minute = time_spin_new (59, _("Minute"));

  time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (time_box, GTK_ALIGN_CENTER);
  colon = gtk_label_new (":");
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (tb->hour));
  gtk_box_append (GTK_BOX (time_box), colon);
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (tb->minute));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tb->calendar));
  gtk_box_append (GTK_BOX (box), time_box);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  button = gtk_menu_button_new ();
  gtk_widget_set_name (button, "complaint-pick-time");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a Date and Time"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date and Time"), -1);

  g_object_set_data_full (G_OBJECT (button), "ks-time-button", tb, g_free);
  g_signal_connect (popover, "show", G_CALLBACK (on_time_popover_show), tb);
  g_signal_connect_swapped (tb->calendar, "day-selected", G_CALLBACK (time_button_write), tb);
  g_signal_connect_swapped (tb->hour, "value-changed", G_CALLBACK (time_button_write), tb);
  g_signal_connect_swapped (tb->minute, "value-changed", G_CALLBACK (time_button_write), tb);

  adw_entry_row_add_suffix (field->row, button);
}

/* ---- The form ------------------------------------------------------------------ */

static void
clear_errors (KsComplaintEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->opened_row), GTK_WIDGET (self->owner_row),
    GTK_WIDGET (self->description_view), GTK_WIDGET (self->first_response_row),
    GTK_WIDGET (self->root_cause_view), GTK_WIDGET (self->resolution_view),
    GTK_WIDGET (self->follow_up_row), GTK_WIDGET (self->satisfaction_row),
    GTK_WIDGET (self->close_switch),
  };
  GtkLabel *labels[] = {
    self->details_error, self->description_error, self->response_error,
    self->root_cause_error, self->resolution_error, self->follow_up_error, self->close_error,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    ks_plan_show_field_error (fields[i], NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    ks_plan_hide_error (labels[i]);
}

static char *
get_text_view (GtkTextView *view)
{
  g_autofree char *text = ks_plan_text_view_get_text (view);

  /* Surrounding blank lines are not part of what was written. */
  return g_strdup (g_strstrip (text));
}

/* The form as a complaint; the times that cannot be read are left out and the first of
 * them returned in @unreadable (when not NULL). */
static KsComplaint *
read_form (KsComplaintEditor  *self,
           TimeField         **unreadable)
{
  KsComplaint *edited = ks_complaint_copy (self->complaint);
  TimeField *fields[] = { &self->opened, &self->response, &self->follow_up };
  char **targets[] = { &edited->opened_at, &edited->first_response_at, &edited->follow_up_at };

  if (unreadable != NULL)
    *unreadable = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char *iso = NULL;

      if (time_field_read (fields[i], &iso) == TIME_UNREADABLE && unreadable != NULL &&
          *unreadable == NULL)
        *unreadable = fields[i];
      g_free (*targets[i]);
      *targets[i] = iso;
    }

  edited->category = adw_combo_row_get_selected (self->category_row);
  g_free (edited->owner);
  edited->owner = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_row))));
  g_free (edited->description);
  edited->description = get_text_view (self->description_view);
  g_free (edited->root_cause);
  edited->root_cause = get_text_view (self->root_cause_view);
  g_free (edited->resolution);
  edited->resolution = get_text_view (self->resolution_view);
  edited->follow_up_satisfaction = adw_combo_row_get_selected (self->satisfaction_row);
  if (edited->follow_up_satisfaction > FOLLOW_UP_SATISFACTION_MAX)
    edited->follow_up_satisfaction = 0;

  g_free (edited->closed_at);
  edited->closed_at = NULL;
  if (gtk_switch_get_active (self->close_switch))
    {
      /* Closed before: when it was; closed now: now. */
      if (self->complaint->closed_at != NULL && *self->complaint->closed_at != '\0')
        {
          edited->closed_at = g_strdup (self->complaint->closed_at);
        }
      else
        {
          g_autoptr(GDateTime) now = ks_store_dup_now (self->store);

          edited->closed_at = ks_relations_format_date_time (now);
        }
    }

  return edited;
}

static GtkLabel *
time_field_error_label (KsComplaintEditor *self,
                        TimeField         *field)
{
  if (field == &self->opened)
    return self->details_error;
  if (field == &self->response)
    return self->response_error;
  return self->follow_up_error;
}

static gboolean
text_too_long (const char *text,
               gsize       max)
{
  return text != NULL && (gsize) g_utf8_strlen (text, -1) > max;
}

static gboolean
is_before (const char *iso,
           GDateTime  *opened)
{
  g_autoptr(GDateTime) time = ks_relations_parse_date_time (iso);

  return time != NULL && opened != NULL && g_date_time_compare (time, opened) < 0;
}

/* The field a refusal is about and the label beside it; no field when it is about none
 * (the database said no). */
static GtkWidget *
find_error_field (KsComplaintEditor  *self,
                  const KsComplaint  *edited,
                  const GError       *error,
                  GtkLabel          **label)
{
  g_autoptr(GDateTime) opened = ks_relations_parse_date_time (edited->opened_at);

  *label = self->close_error;
  if (!g_error_matches (error, KS_ERROR, KS_ERROR_INVALID))
    return NULL;

  *label = self->details_error;
  if (opened == NULL)
    return GTK_WIDGET (self->opened_row);
  if (edited->description == NULL || *edited->description == '\0' ||
      text_too_long (edited->description, KS_PLAN_TEXT_MAX))
    {
      *label = self->description_error;
      return GTK_WIDGET (self->description_view);
    }
  if (text_too_long (edited->owner, KS_PLAN_NAME_MAX))
    return GTK_WIDGET (self->owner_row);
  if (text_too_long (edited->root_cause, KS_PLAN_TEXT_MAX))
    {
      *label = self->root_cause_error;
      return GTK_WIDGET (self->root_cause_view);
    }
  if (text_too_long (edited->resolution, KS_PLAN_TEXT_MAX))
    {
      *label = self->resolution_error;
      return GTK_WIDGET (self->resolution_view);
    }
  if (is_before (edited->first_response_at, opened))
    {
      *label = self->response_error;
      return GTK_WIDGET (self->first_response_row);
    }
  if (is_before (edited->follow_up_at, opened))
    {
      *label = self->follow_up_error;
      return GTK_WIDGET (self->follow_up_row);
    }
  *label = self->close_error;
  return GTK_WIDGET (self->close_switch);
}

gboolean
ks_complaint_editor_save (KsComplaintEditor *self)
{
  g_autoptr(KsComplaint) edited = NULL;
  g_autoptr(GError) error = NULL;
  TimeField *unreadable = NULL;
  GtkWidget *field;
  GtkLabel *label;

  g_return_val_if_fail (KS_IS_COMPLAINT_EDITOR (self), FALSE);

  clear_errors (self);
  edited = read_form (self, &unreadable);

  if (unreadable != NULL)
    {
      ks_plan_show_field_error (GTK_WIDGET (unreadable->row),
                                time_field_error_label (self, unreadable),
                                /* Translators: keep YYYY-MM-DD HH:MM as it is, or use
                                 * the way your language writes the pattern */
                                _("Write the time as YYYY-MM-DD HH:MM, e.g. 2026-11-27 "
                                  "09:30, or pick it with the calendar button."));
      gtk_widget_grab_focus (GTK_WIDGET (unreadable->row));
      return FALSE;
    }

  if (edited->opened_at == NULL)
    {
      ks_plan_show_field_error (GTK_WIDGET (self->opened_row), self->details_error,
                                _("Enter when the complaint was opened, as YYYY-MM-DD "
                                  "HH:MM."));
      gtk_widget_grab_focus (GTK_WIDGET (self->opened_row));
      return FALSE;
    }

  if (!ks_complaint_validate (edited, &error) ||
      !ks_store_save_complaint (self->store, self->account_id, edited, &error))
    {
      field = find_error_field (self, edited, error, &label);
      ks_plan_show_field_error (field, label, error->message);
      if (field != NULL)
        gtk_widget_grab_focus (field);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ks_complaint_editor_save (KS_COMPLAINT_EDITOR (widget));
}

/* The 24-hour rule as the form stands. */
static void
update_response_state (KsComplaintEditor *self)
{
  g_autoptr(KsComplaint) edited = read_form (self, NULL);
  g_autoptr(GDateTime) now = NULL;

  /* Nothing to count from without the opening. */
  gtk_widget_set_visible (GTK_WIDGET (self->response_state), edited->opened_at != NULL);
  if (edited->opened_at == NULL)
    return;

  now = ks_store_dup_now (self->store);
  ks_complaint_ui_pill_update (self->response_state, edited, now);
}

static void
on_time_changed (KsComplaintEditor *self,
                 GtkEditable       *row)
{
  ks_plan_show_field_error (GTK_WIDGET (row), NULL, NULL);
  update_response_state (self);
}

static void
on_respond_now (KsComplaintEditor *self)
{
  g_autoptr(GDateTime) now = ks_store_dup_now (self->store);

  time_field_set_time (&self->response, now);
  gtk_widget_grab_focus (GTK_WIDGET (self->first_response_row));
}

static void
on_close_changed (KsComplaintEditor *self)
{
  g_autoptr(KsComplaint) edited = NULL;
  const char *blocker;

  /* Turned off, or put back off below: a refusal stays said. (GtkSwitch may announce
   * both changes after this returns.) */
  if (self->setting_close || !gtk_switch_get_active (self->close_switch))
    return;

  ks_plan_show_field_error (GTK_WIDGET (self->close_switch), NULL, NULL);
  ks_plan_hide_error (self->close_error);

  /* The closed loop: refused, with what is missing, until it is complete. */
  edited = read_form (self, NULL);
  blocker = ks_complaint_close_blocker (edited);
  if (blocker == NULL)
    return;

  self->setting_close = TRUE;
  gtk_switch_set_active (self->close_switch, FALSE);
  self->setting_close = FALSE;
  ks_plan_show_field_error (GTK_WIDGET (self->close_switch), self->close_error, blocker);
}

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

static void
fill_form (KsComplaintEditor *self,
           KsAccount         *account)
{
  KsComplaint *complaint = self->complaint;
  gboolean closed = !ks_complaint_is_open (complaint);

  time_field_set (&self->opened, complaint->opened_at);
  time_field_set (&self->response, complaint->first_response_at);
  time_field_set (&self->follow_up, complaint->follow_up_at);
  if ((guint) complaint->category < KS_N_COMPLAINT_CATEGORIES)
    adw_combo_row_set_selected (self->category_row, complaint->category);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row),
                         complaint->owner ? complaint->owner : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            complaint->description ? complaint->description : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->root_cause_view),
                            complaint->root_cause ? complaint->root_cause : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->resolution_view),
                            complaint->resolution ? complaint->resolution : "", -1);
  if (complaint->follow_up_satisfaction >= 0 &&
      complaint->follow_up_satisfaction <= FOLLOW_UP_SATISFACTION_MAX)
    adw_combo_row_set_selected (self->satisfaction_row, complaint->follow_up_satisfaction);

  self->setting_close = TRUE;
  gtk_switch_set_active (self->close_switch, closed);
  self->setting_close = FALSE;

  update_response_state (self);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Complaint") : _("Edit Complaint"));
  adw_window_title_set_subtitle (self->window_title, ks_account_get_name (account));
  gtk_widget_grab_focus (self->is_new ? GTK_WIDGET (self->description_view)
                                      : GTK_WIDGET (self->category_row));
}

static void
ks_complaint_editor_dispose (GObject *object)
{
  KsComplaintEditor *self = KS_COMPLAINT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->complaint, ks_complaint_free);
  time_field_clear (&self->opened);
  time_field_clear (&self->response);
  time_field_clear (&self->follow_up);

  G_OBJECT_CLASS (ks_complaint_editor_parent_class)->dispose (object);
}

static void
ks_complaint_editor_class_init (KsComplaintEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_complaint_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-complaint-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, opened_row);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, description_error);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, response_state);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, respond_now_button);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, first_response_row);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, response_error);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, root_cause_view);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, root_cause_error);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, resolution_view);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, resolution_error);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, follow_up_error);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, close_switch);
  gtk_widget_class_bind_template_child (widget_class, KsComplaintEditor, close_error);
  gtk_widget_class_bind_template_callback (widget_class, on_respond_now);
  gtk_widget_class_bind_template_callback (widget_class, on_close_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_complaint_editor_init (KsComplaintEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ratings = gtk_string_list_new (NULL);
  AdwEntryRow *entries[4];
  GtkTextView *views[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->opened.row = self->opened_row;
  self->response.row = self->first_response_row;
  self->follow_up.row = self->follow_up_row;

  for (guint i = 0; i < KS_N_COMPLAINT_CATEGORIES; i++)
    gtk_string_list_append (categories, ks_complaint_category_get_label (i));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  /* The position is the rating: 0 is none. */
  /* Translators: the customer's satisfaction with a complaint's follow-up visit */
  gtk_string_list_append (ratings, C_("follow-up satisfaction", "Not recorded yet"));
  gtk_string_list_append (ratings, C_("follow-up satisfaction", "1 – Very dissatisfied"));
  gtk_string_list_append (ratings, C_("follow-up satisfaction", "2 – Dissatisfied"));
  gtk_string_list_append (ratings, C_("follow-up satisfaction", "3 – Neutral"));
  gtk_string_list_append (ratings, C_("follow-up satisfaction", "4 – Satisfied"));
  gtk_string_list_append (ratings, C_("follow-up satisfaction", "5 – Very satisfied"));
  adw_combo_row_set_model (self->satisfaction_row, G_LIST_MODEL (ratings));

  /* Enter in a one-line field saves, as in every GNOME dialog. */
  entries[0] = self->opened_row;
  entries[1] = self->owner_row;
  entries[2] = self->first_response_row;
  entries[3] = self->follow_up_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_swapped (entries[i], "entry-activated",
                              G_CALLBACK (ks_complaint_editor_save), self);
  g_signal_connect (self->owner_row, "changed", G_CALLBACK (on_field_changed), NULL);
  g_signal_connect_swapped (self->opened_row, "changed", G_CALLBACK (on_time_changed), self);
  g_signal_connect_swapped (self->first_response_row, "changed",
                            G_CALLBACK (on_time_changed), self);
  g_signal_connect (self->follow_up_row, "changed", G_CALLBACK (on_field_changed), NULL);
  g_signal_connect_swapped (self->satisfaction_row, "notify::selected",
                            G_CALLBACK (on_field_changed), self->satisfaction_row);

  views[0] = self->description_view;
  views[1] = self->root_cause_view;
  views[2] = self->resolution_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_swapped (gtk_text_view_get_buffer (views[i]), "changed",
                              G_CALLBACK (on_field_changed), views[i]);

  /* Ctrl+Enter saves from any field, the text views too. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsComplaintEditor *
ks_complaint_editor_new (KsStore           *store,
                         KsAccount         *account,
                         const KsComplaint *complaint)
{
  KsComplaintEditor *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_COMPLAINT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->account_id = ks_account_get_id (account);
  self->is_new = complaint == NULL || complaint->id == 0;
  if (complaint != NULL)
    {
      self->complaint = ks_complaint_copy (complaint);
    }
  else
    {
      g_autoptr(GDateTime) now = ks_store_dup_now (store);

      self->complaint = ks_complaint_new ();
      self->complaint->category = KS_COMPLAINT_PRODUCT_QUALITY;
      self->complaint->opened_at = ks_relations_format_date_time (now);
      self->complaint->owner = g_strdup (ks_account_get_owner (account));
    }

  add_time_button (self, &self->opened);
  add_time_button (self, &self->response);
  add_time_button (self, &self->follow_up);

  fill_form (self, account);
  return self;
}
