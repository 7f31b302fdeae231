/* ks-coaching-plan-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-coaching-plan-editor.h"
#include "ks-error.h"
#include "ks-plan-widgets.h"
#include "ks-widgets.h"

struct _KsCoachingPlanEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  KsCoachingPlan *plan;     /* the copy being edited */
  gboolean is_new;
  gboolean start_touched;   /* a new plan's start level follows the current one until set */
  gboolean syncing;

  GtkSpinButton *start_spin;
  GtkSpinButton *current_spin;
  GtkSpinButton *target_spin;

  /* template children */
  AdwWindowTitle *window_title;
  AdwComboRow *skill_row;
  AdwEntryRow *custom_row;
  AdwComboRow *status_row;
  AdwEntryRow *coach_row;
  GtkLabel *details_error;
  AdwPreferencesGroup *levels_group;
  GtkLabel *levels_error;
  AdwEntryRow *start_row;
  AdwEntryRow *due_row;
  GtkLabel *dates_error;
  GtkTextView *objective_view;
  GtkLabel *objective_error;
};

G_DEFINE_FINAL_TYPE (KsCoachingPlanEditor, ks_coaching_plan_editor, ADW_TYPE_WINDOW)

static void
clear_errors (KsCoachingPlanEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->skill_row), GTK_WIDGET (self->custom_row),
    GTK_WIDGET (self->status_row), GTK_WIDGET (self->coach_row),
    GTK_WIDGET (self->start_spin), GTK_WIDGET (self->current_spin),
    GTK_WIDGET (self->target_spin), GTK_WIDGET (self->start_row),
    GTK_WIDGET (self->due_row), GTK_WIDGET (self->objective_view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    ks_plan_show_field_error (fields[i], NULL, NULL);
  ks_plan_hide_error (self->details_error);
  ks_plan_hide_error (self->levels_error);
  ks_plan_hide_error (self->dates_error);
  ks_plan_hide_error (self->objective_error);
}

static char *
get_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The level as typed, not as the spin button would clamp it: a 7 typed is a 7 refused
 * with a message, not a 5 saved in silence. 0 for what is not a number. */
static int
read_level (GtkSpinButton *spin)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, -1000, 1000, &value, NULL))
    return 0;
  return (int) value;
}

/* The field named by the validation, and the label beside it. */
static GtkWidget *
find_error_field (KsCoachingPlanEditor  *self,
                  const char            *field,
                  GtkLabel             **label)
{
  static const struct { const char *name; gsize offset; gsize label; } map[] = {
    { "skill", G_STRUCT_OFFSET (KsCoachingPlanEditor, skill_row),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, details_error) },
    { "custom-skill", G_STRUCT_OFFSET (KsCoachingPlanEditor, custom_row),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, details_error) },
    { "status", G_STRUCT_OFFSET (KsCoachingPlanEditor, status_row),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, details_error) },
    { "coach", G_STRUCT_OFFSET (KsCoachingPlanEditor, coach_row),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, details_error) },
    { "start-level", G_STRUCT_OFFSET (KsCoachingPlanEditor, start_spin),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, levels_error) },
    { "current-level", G_STRUCT_OFFSET (KsCoachingPlanEditor, current_spin),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, levels_error) },
    { "target-level", G_STRUCT_OFFSET (KsCoachingPlanEditor, target_spin),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, levels_error) },
    { "start", G_STRUCT_OFFSET (KsCoachingPlanEditor, start_row),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, dates_error) },
    { "due", G_STRUCT_OFFSET (KsCoachingPlanEditor, due_row),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, dates_error) },
    { "objective", G_STRUCT_OFFSET (KsCoachingPlanEditor, objective_view),
      G_STRUCT_OFFSET (KsCoachingPlanEditor, objective_error) },
  };

  *label = self->details_error;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (field, map[i].name) == 0)
      {
        *label = G_STRUCT_MEMBER (GtkLabel *, self, map[i].label);
        return G_STRUCT_MEMBER (GtkWidget *, self, map[i].offset);
      }
  return NULL;
}

gboolean
ks_coaching_plan_editor_save (KsCoachingPlanEditor *self)
{
  g_autoptr(KsCoachingPlan) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  const char *field = NULL;
  GtkWidget *widget;
  GtkLabel *label;

  g_return_val_if_fail (KS_IS_COACHING_PLAN_EDITOR (self), FALSE);

  clear_errors (self);

  edited = ks_coaching_plan_copy (self->plan);
  edited->skill = adw_combo_row_get_selected (self->skill_row);
  g_free (edited->custom_skill);
  edited->custom_skill = edited->skill == KS_SKILL_CUSTOM ? get_stripped (self->custom_row)
                                                          : g_strdup ("");
  edited->status = adw_combo_row_get_selected (self->status_row);
  g_free (edited->coach);
  edited->coach = get_stripped (self->coach_row);
  edited->start_level = read_level (self->start_spin);
  edited->current_level = read_level (self->current_spin);
  edited->target_level = read_level (self->target_spin);
  g_free (edited->start);
  edited->start = get_stripped (self->start_row);
  due = get_stripped (self->due_row);
  g_free (edited->due);
  edited->due = *due != '\0' ? g_steal_pointer (&due) : NULL;
  g_free (edited->objective);
  edited->objective = g_strstrip (ks_plan_text_view_get_text (self->objective_view));

  if (!ks_coaching_plan_validate (edited, &field, &error) ||
      !ks_store_save_coaching_plan (self->store, edited, &error))
    {
      widget = find_error_field (self, field, &label);
      ks_plan_show_field_error (widget, label, error->message);
      if (widget != NULL)
        gtk_widget_grab_focus (widget);
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
  ks_coaching_plan_editor_save (KS_COACHING_PLAN_EDITOR (widget));
}

static void
on_field_changed (GtkWidget *field,
                  gpointer   unused)
{
  ks_plan_show_field_error (field, NULL, NULL);
}

/* Enter in a level saves, as in the other fields; the level as typed. */
static gboolean
on_spin_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KsCoachingPlanEditor  *self)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  ks_coaching_plan_editor_save (self);
  return GDK_EVENT_STOP;
}

static void
on_skill_selected (KsCoachingPlanEditor *self)
{
  gboolean custom = adw_combo_row_get_selected (self->skill_row) == KS_SKILL_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), custom);
  ks_plan_show_field_error (GTK_WIDGET (self->skill_row), NULL, NULL);
}

static void
on_start_level_changed (KsCoachingPlanEditor *self)
{
  ks_plan_show_field_error (GTK_WIDGET (self->start_spin), NULL, NULL);
  if (!self->syncing)
    self->start_touched = TRUE;
}

/* A new plan starts at the level the member is at, unless told otherwise. */
static void
on_current_level_changed (KsCoachingPlanEditor *self)
{
  ks_plan_show_field_error (GTK_WIDGET (self->current_spin), NULL, NULL);
  if (!self->is_new || self->start_touched)
    return;
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->start_spin, gtk_spin_button_get_value (self->current_spin));
  self->syncing = FALSE;
}

static void
fill_form (KsCoachingPlanEditor *self,
           const char           *member_name)
{
  KsCoachingPlan *plan = self->plan;

  if ((guint) plan->skill < KS_N_SKILLS)
    adw_combo_row_set_selected (self->skill_row, plan->skill);
  gtk_editable_set_text (GTK_EDITABLE (self->custom_row),
                         plan->custom_skill ? plan->custom_skill : "");
  on_skill_selected (self);
  if ((guint) plan->status < KS_N_COACHING_STATUSES)
    adw_combo_row_set_selected (self->status_row, plan->status);
  gtk_editable_set_text (GTK_EDITABLE (self->coach_row), plan->coach ? plan->coach : "");

  self->syncing = TRUE;
  gtk_spin_button_set_value (self->start_spin, plan->start_level);
  gtk_spin_button_set_value (self->current_spin, plan->current_level);
  gtk_spin_button_set_value (self->target_spin, plan->target_level);
  self->syncing = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->start_row), plan->start ? plan->start : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), plan->due ? plan->due : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->objective_view),
                            plan->objective ? plan->objective : "", -1);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Coaching Plan") : _("Edit Coaching Plan"));
  adw_window_title_set_subtitle (self->window_title, member_name);
  gtk_widget_grab_focus (GTK_WIDGET (self->skill_row));
}

static void
ks_coaching_plan_editor_dispose (GObject *object)
{
  KsCoachingPlanEditor *self = KS_COACHING_PLAN_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->plan, ks_coaching_plan_free);

  G_OBJECT_CLASS (ks_coaching_plan_editor_parent_class)->dispose (object);
}

static void
ks_coaching_plan_editor_class_init (KsCoachingPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_coaching_plan_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-coaching-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, skill_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, custom_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, coach_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, levels_group);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, levels_error);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, dates_error);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, objective_view);
  gtk_widget_class_bind_template_child (widget_class, KsCoachingPlanEditor, objective_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_coaching_plan_editor_init (KsCoachingPlanEditor *self)
{
  g_autoptr(GtkStringList) skills = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  AdwEntryRow *entries[4];
  GtkSpinButton *spins[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < KS_N_SKILLS; i++)
    gtk_string_list_append (skills, ks_skill_get_label (i));
  adw_combo_row_set_model (self->skill_row, G_LIST_MODEL (skills));
  for (guint i = 0; i < KS_N_COACHING_STATUSES; i++)
    gtk_string_list_append (statuses, ks_coaching_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  /* Translators: the level the member was at when the plan began, 1 to 5 */
  self->start_spin = ks_spin_row_add (self->levels_group, _("Starting Level"),
                                      "plan-start-level",
                                      KS_SKILL_LEVEL_MIN, KS_SKILL_LEVEL_MAX);
  /* Translators: the member's level now, 1 to 5 */
  self->current_spin = ks_spin_row_add (self->levels_group, _("Current Level"),
                                        "plan-current-level",
                                        KS_SKILL_LEVEL_MIN, KS_SKILL_LEVEL_MAX);
  /* Translators: the level the plan aims at, 1 to 5 */
  self->target_spin = ks_spin_row_add (self->levels_group, _("Target Level"),
                                       "plan-target-level",
                                       KS_SKILL_LEVEL_MIN, KS_SKILL_LEVEL_MAX);
  /* The rows go into the group's list, above its error label. */

  spins[0] = self->start_spin;
  spins[1] = self->current_spin;
  spins[2] = self->target_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      /* Before the spin button takes Enter to clamp what was typed. */
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_spin_key_pressed), self);
      gtk_widget_add_controller (GTK_WIDGET (spins[i]), keys);
      g_signal_connect (spins[i], "changed", G_CALLBACK (on_field_changed), NULL);
    }
  g_signal_connect_swapped (self->start_spin, "value-changed",
                            G_CALLBACK (on_start_level_changed), self);
  g_signal_connect_swapped (self->current_spin, "value-changed",
                            G_CALLBACK (on_current_level_changed), self);

  g_signal_connect_swapped (self->skill_row, "notify::selected",
                            G_CALLBACK (on_skill_selected), self);

  /* Enter in a one-line field saves, as in every GNOME dialog. */
  entries[0] = self->custom_row;
  entries[1] = self->coach_row;
  entries[2] = self->start_row;
  entries[3] = self->due_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (ks_coaching_plan_editor_save), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_field_changed), NULL);
    }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->objective_view), "changed",
                            G_CALLBACK (on_field_changed), self->objective_view);

  /* Ctrl+Enter saves from any field, the objective too. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

KsCoachingPlanEditor *
ks_coaching_plan_editor_new (KsStore              *store,
                             gint64                member_id,
                             const KsCoachingPlan *plan)
{
  KsCoachingPlanEditor *self;
  g_autoptr(KsMember) member = NULL;
  GtkWidget *button;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  self = g_object_new (KS_TYPE_COACHING_PLAN_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->is_new = plan == NULL || plan->id == 0;
  member = ks_store_dup_member (store, plan != NULL ? plan->member_id : member_id, NULL);

  if (plan != NULL)
    {
      self->plan = ks_coaching_plan_copy (plan);
    }
  else
    {
      GDate today;

      self->plan = ks_coaching_plan_new ();
      self->plan->member_id = member_id;
      ks_store_get_today (store, &today);
      g_free (self->plan->start);
      self->plan->start = ks_plan_format_date (&today);
      /* The mentor coaches, unless told otherwise. */
      if (member != NULL && member->mentor_id != 0)
        {
          g_autoptr(KsMember) mentor = ks_store_dup_member (store, member->mentor_id, NULL);

          if (mentor != NULL)
            {
              g_free (self->plan->coach);
              self->plan->coach = g_strdup (mentor->name);
            }
        }
    }

  button = ks_plan_date_button_new (GTK_EDITABLE (self->start_row), store);
  adw_entry_row_add_suffix (self->start_row, button);
  button = ks_plan_date_button_new (GTK_EDITABLE (self->due_row), store);
  adw_entry_row_add_suffix (self->due_row, button);

  fill_form (self, member != NULL ? member->name : NULL);
  return self;
}
