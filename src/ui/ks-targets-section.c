/* ks-targets-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid is built once, on the first map, and afterwards only updated in place: a
 * save moves the focus nowhere, and a cell being typed in (or holding a refused text)
 * keeps its text when another cell's save reloads the plan. The first metrics' rows
 * come with the section's first frame; the last one, and the chart under it, in an
 * idle pass just after it (a metric's cells cost several milliseconds to make and lay
 * out, and a window seldom shows them all). The section keeps its own copy of the
 * plan's targets, updated on every successful save, so it is right even before the
 * page hands it the reloaded plan.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "ks-money.h"
#include "ks-plan-chart.h"
#include "ks-plan-widgets.h"
#include "ks-targets-section.h"
#include "ks-widgets.h"

#define N_ENTRIES (KS_PLAN_N_QUARTERS + 1)   /* annual, then the quarters */

/* Metrics whose rows come with the first frame: a 720-pixel window shows four. */
#define METRICS_FIRST 4

typedef enum
{
  CELL_TARGET,
  CELL_ACTUAL,
} CellKind;

struct _KsTargetsSection
{
  AdwBin         parent_instance;

  KsStore       *store;
  KsAccount     *account;

  GArray        *targets;        /* KsTargetYear, a copy of the plan's */
  int            year;
  gboolean       built;          /* the grid is begun: its first metrics have rows */
  guint          n_built;        /* metrics with rows, from the first */
  int            next_row;       /* of the grid, for the next metric */
  guint          build_id;       /* the idle that adds the other metrics */
  gboolean       dirty;          /* the grid does not show self->targets yet */
  gboolean       setting_year;

  GtkSpinButton *year_spin;
  GtkGrid       *grid;
  GtkLabel      *error_label;
  AdwPreferencesGroup *chart_group;
  GtkDropDown   *metric_dropdown;
  GtkWidget     *chart_area;

  GtkEntry      *target_entries[KS_N_TARGET_METRICS][N_ENTRIES];
  GtkEntry      *actual_entries[KS_N_TARGET_METRICS][N_ENTRIES];   /* [0] unused */
  GtkLabel      *annual_actual[KS_N_TARGET_METRICS];
  GtkLabel      *attainment[KS_N_TARGET_METRICS][N_ENTRIES];       /* [0] year to date */
  GtkWidget     *drop_icons[KS_N_TARGET_METRICS][N_ENTRIES];       /* [0] unused */
  GtkEntry      *error_entry;    /* whose message error_label shows */
};

G_DEFINE_FINAL_TYPE (KsTargetsSection, ks_targets_section, ADW_TYPE_BIN)

static const char *
currency (KsTargetsSection *self)
{
  return ks_account_get_currency (self->account);
}

/* The year shown for @metric; zero-filled with the year and metric when none is set. */
static KsTargetYear
lookup_year (KsTargetsSection *self,
             KsTargetMetric    metric)
{
  KsTargetYear year = { .year = self->year, .metric = metric };

  for (guint i = 0; i < self->targets->len; i++)
    {
      const KsTargetYear *y = &g_array_index (self->targets, KsTargetYear, i);

      if (y->year == self->year && y->metric == metric)
        return *y;
    }
  return year;
}

/* Puts @year in the copy, or takes out what it replaces when nothing is set. */
static void
store_year (KsTargetsSection   *self,
            const KsTargetYear *year)
{
  for (guint i = 0; i < self->targets->len; i++)
    {
      const KsTargetYear *y = &g_array_index (self->targets, KsTargetYear, i);

      if (y->year == year->year && y->metric == year->metric)
        {
          g_array_remove_index (self->targets, i);
          break;
        }
    }
  if (year->has_target != 0 || year->has_actual != 0)
    g_array_append_val (self->targets, *year);
}

/* Formatting ------------------------------------------------------------ */

/* An amount as typed back into a cell: grouped, without symbol, without ".00". */
static char *
format_amount_cell (gint64      value,
                    const char *code)
{
  g_autofree char *formatted = ks_money_format (value, code);
  const char *digits = formatted + strcspn (formatted, "0123456789");
  g_autofree char *number = g_strdup (digits);
  char *point = strchr (number, '.');

  if (point != NULL && strspn (point + 1, "0") == strlen (point + 1))
    *point = '\0';
  return g_strconcat (value < 0 ? "-" : "", number, NULL);
}

/* Hundredths of a percent as typed: "12.5". */
static char *
format_percent_cell (gint64 value)
{
  char *text = g_strdup_printf ("%.2f", value / (double) KS_PLAN_PERCENT_SCALE);
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}

static char *
format_cell (KsTargetsSection *self,
             KsTargetMetric    metric,
             gint64            value)
{
  if (ks_target_metric_is_money (metric))
    return format_amount_cell (value, currency (self));
  return format_percent_cell (value);
}

/* For labels: "¥1,200,000.00", "12.5 %". */
static char *
format_value (KsTargetsSection *self,
              KsTargetMetric    metric,
              gint64            value)
{
  if (ks_target_metric_is_money (metric))
    return ks_money_format (value, currency (self));
  return ks_plan_chart_format_short (value, metric, NULL);
}

static char *
format_attainment (double percent)
{
  /* Translators: a target's attainment in the targets grid, as in 95 % */
  return g_strdup_printf (_("%.0f %%"), percent);
}

static char *
cell_name (KsTargetsSection *self,
           KsTargetMetric    metric,
           CellKind          kind,
           guint             index)
{
  const char *label = ks_target_metric_get_label (metric);

  if (kind == CELL_TARGET && index == 0)
    /* Translators: names a cell of the targets grid: the metric (Revenue…) */
    return g_strdup_printf (_("%s, annual target"), label);
  if (kind == CELL_TARGET)
    /* Translators: names a cell of the targets grid: the metric (Revenue…) and the
     * quarter (1–4) */
    return g_strdup_printf (_("%s, Q%u target"), label, index);
  /* Translators: names a cell of the targets grid: the metric (Revenue…) and the
   * quarter (1–4) */
  return g_strdup_printf (_("%s, Q%u actual"), label, index);
}

/* Errors ---------------------------------------------------------------- */

static void
clear_entry_error (KsTargetsSection *self,
                   GtkEntry         *entry)
{
  if (!gtk_widget_has_css_class (GTK_WIDGET (entry), "error"))
    return;

  ks_plan_show_field_error (GTK_WIDGET (entry), self->error_label, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry),
                               g_object_get_data (G_OBJECT (entry), "ks-tooltip"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_FALSE, -1);
  if (self->error_entry == entry)
    {
      ks_plan_hide_error (self->error_label);
      self->error_entry = NULL;
    }
}

static void
show_entry_error (KsTargetsSection *self,
                  GtkEntry         *entry,
                  const char       *name,
                  const char       *message)
{
  g_autofree char *line = NULL;

  /* Translators: an error under the targets grid: the cell (Revenue, Q1 target) and
   * what is wrong with what was typed */
  line = g_strdup_printf (_("%s: %s"), name, message);
  ks_plan_show_field_error (GTK_WIDGET (entry), self->error_label, line);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  self->error_entry = entry;
}

/* Showing --------------------------------------------------------------- */

/* Sets @entry to @text unless the user's own text is in it (being typed, or refused);
 * @force (another year) replaces that too. */
static void
show_cell (KsTargetsSection *self,
           GtkEntry         *entry,
           const char       *text,
           gboolean          force)
{
  const char *shown = g_object_get_data (G_OBJECT (entry), "ks-shown");
  const char *current = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (!force && g_strcmp0 (current, shown != NULL ? shown : "") != 0)
    return;

  if (force)
    clear_entry_error (self, entry);
  if (g_strcmp0 (current, text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_object_set_data_full (G_OBJECT (entry), "ks-shown", g_strdup (text), g_free);
}

static void
update_chart (KsTargetsSection *self)
{
  KsTargetMetric metric = gtk_drop_down_get_selected (self->metric_dropdown);
  KsTargetYear year;
  g_autofree char *description = NULL;

  if (metric >= KS_N_TARGET_METRICS)
    metric = KS_TARGET_METRIC_REVENUE;
  year = lookup_year (self, metric);
  description = ks_plan_chart_describe (&year, currency (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (self->chart_area);
}

static void
show_metric (KsTargetsSection *self,
             KsTargetMetric    metric,
             gboolean          force)
{
  KsTargetYear year = lookup_year (self, metric);
  KsPlanChartAttainment attainment;
  gint64 annual;
  double sum = 0;
  guint n_actuals = 0;

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autofree char *target = NULL;

      if (year.has_target & (1u << i))
        target = format_cell (self, metric, year.target[i]);
      show_cell (self, self->target_entries[metric][i], target != NULL ? target : "", force);

      if (i == 0)
        continue;

      if (year.has_actual & (1u << i))
        {
          g_autofree char *actual = format_cell (self, metric, year.actual[i]);

          show_cell (self, self->actual_entries[metric][i], actual, force);
          sum += (double) year.actual[i];
          n_actuals++;
        }
      else
        {
          show_cell (self, self->actual_entries[metric][i], "", force);
        }
    }

  /* Without an annual target, what the quarters add up to, greyed. */
  if (!(year.has_target & 1) && ks_target_year_annual_target (&year, &annual))
    {
      g_autofree char *derived = format_cell (self, metric, annual);

      gtk_entry_set_placeholder_text (self->target_entries[metric][0], derived);
    }
  else
    {
      gtk_entry_set_placeholder_text (self->target_entries[metric][0], NULL);
    }

  /* The annual actual: the quarters' sum, or for a percentage their mean. */
  if (n_actuals > 0)
    {
      gboolean money = ks_target_metric_is_money (metric);
      double total = money ? sum : sum / n_actuals;
      g_autofree char *text = NULL;

      total = CLAMP (total, (double) -KS_MONEY_MAX, (double) KS_MONEY_MAX);
      text = format_value (self, metric, (gint64) llround (total));
      gtk_label_set_label (self->annual_actual[metric], text);
    }
  else
    {
      gtk_label_set_label (self->annual_actual[metric], "—");
    }

  ks_plan_chart_attainment (&year, 0, &attainment);
  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      GtkLabel *label = self->attainment[metric][q];
      GtkWidget *icon = self->drop_icons[metric][q];

      if (attainment.has[q - 1])
        {
          g_autofree char *text = format_attainment (attainment.attainment[q - 1]);

          gtk_label_set_label (label, text);
        }
      else
        {
          gtk_label_set_label (label, "—");
        }

      if (attainment.dropped[q - 1])
        {
          g_autofree char *tooltip = NULL;

          /* Translators: the warning beside a quarter's attainment; %.0f is how many
           * percentage points it fell, %u the quarter before (1–3) */
          tooltip = g_strdup_printf (_("Attainment fell by %.0f points from Q%u"),
                                     attainment.fall[q - 1], q - 1);
          ks_widget_set_tooltip_quietly (icon, tooltip);
          ks_widget_set_tooltip_quietly (GTK_WIDGET (label), tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
          gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
          gtk_widget_set_visible (icon, TRUE);
        }
      else
        {
          ks_widget_set_tooltip_quietly (GTK_WIDGET (label), NULL);
          gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
          gtk_widget_set_visible (icon, FALSE);
        }
    }

  if (attainment.has_ytd)
    {
      g_autofree char *text = format_attainment (attainment.ytd);
      g_autofree char *tooltip = NULL;

      gtk_label_set_label (self->attainment[metric][0], text);
      if (attainment.last_quarter == 1)
        tooltip = g_strdup (_("Year to date: Q1"));
      else
        /* Translators: the tooltip of the year-to-date attainment; %u is the last
         * quarter counted (2–4) */
        tooltip = g_strdup_printf (_("Year to date: Q1 to Q%u"), attainment.last_quarter);
      ks_widget_set_tooltip_quietly (GTK_WIDGET (self->attainment[metric][0]), tooltip);
    }
  else
    {
      gtk_label_set_label (self->attainment[metric][0], "—");
      ks_widget_set_tooltip_quietly (GTK_WIDGET (self->attainment[metric][0]),
                                     _("No quarter has both a target and an actual yet"));
    }
}

static void build_grid (KsTargetsSection *self);

/* Shows self->targets; @force replaces what is typed too (another year). */
static void
refresh (KsTargetsSection *self,
         gboolean          force)
{
  if (!self->built)
    build_grid (self);

  for (guint m = 0; m < self->n_built; m++)
    show_metric (self, m, force);
  update_chart (self);
  self->dirty = FALSE;
}

/* Saving ---------------------------------------------------------------- */

static void
commit_entry (KsTargetsSection *self,
              GtkEntry         *entry)
{
  KsTargetMetric metric = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "ks-metric"));
  CellKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "ks-kind"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "ks-index"));
  const char *shown = g_object_get_data (G_OBJECT (entry), "ks-shown");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *name = cell_name (self, metric, kind, index);
  g_autoptr(GError) error = NULL;
  KsTargetYear year;
  guint8 *mask;
  gint64 *values;
  gint64 value = 0;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), shown != NULL ? shown : "") == 0)
    {
      clear_entry_error (self, entry);
      return;
    }

  if (text[0] != '\0')
    {
      gboolean ok;

      if (ks_target_metric_is_money (metric))
        {
          ok = ks_money_parse (text, currency (self), &value, &error);
        }
      else
        {
          double percent = 0;

          ok = ks_percent_parse (text, &percent, &error);
          value = llround (percent * KS_PLAN_PERCENT_SCALE);
        }
      if (!ok)
        {
          show_entry_error (self, entry, name, error->message);
          return;
        }
    }

  year = lookup_year (self, metric);
  mask = kind == CELL_TARGET ? &year.has_target : &year.has_actual;
  values = kind == CELL_TARGET ? year.target : year.actual;
  if (text[0] == '\0')
    {
      *mask &= ~(1u << index);
      values[index] = 0;
    }
  else
    {
      *mask |= 1u << index;
      values[index] = value;
    }

  if (!ks_store_save_target_year (self->store, ks_account_get_id (self->account), &year,
                                  &error))
    {
      show_entry_error (self, entry, name, error->message);
      return;
    }

  clear_entry_error (self, entry);
  store_year (self, &year);
  /* What was typed is now what is shown: refresh writes it back formatted. */
  g_object_set_data_full (G_OBJECT (entry), "ks-shown",
                          g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))), g_free);
  refresh (self, FALSE);
}

static void
on_entry_activate (GtkEntry         *entry,
                   KsTargetsSection *self)
{
  commit_entry (self, entry);
}

static void
on_entry_leave (GtkEventControllerFocus *controller,
                KsTargetsSection        *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* Not while the section is being taken down. */
  if (self->store == NULL || !gtk_widget_get_mapped (entry))
    return;
  commit_entry (self, GTK_ENTRY (entry));
}

/* Escape puts back what was shown. */
static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      KsTargetsSection      *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *shown = g_object_get_data (G_OBJECT (entry), "ks-shown");

  if (keyval != GDK_KEY_Escape ||
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), shown != NULL ? shown : "") == 0)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (entry), shown != NULL ? shown : "");
  clear_entry_error (self, GTK_ENTRY (entry));
  return TRUE;
}

/* Building -------------------------------------------------------------- */

static GtkWidget *
header_label (const char *text,
              float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkEntry *
new_cell (KsTargetsSection *self,
          KsTargetMetric    metric,
          CellKind          kind,
          guint             index)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *name = NULL;
  g_autofree char *label = cell_name (self, metric, kind, index);

  if (kind == CELL_TARGET)
    name = g_strdup_printf ("target-%s-%u", ks_target_metric_get_key (metric), index);
  else
    name = g_strdup_printf ("actual-%s-%u", ks_target_metric_get_key (metric), index);
  gtk_widget_set_name (entry, name);
  /* Room for 10,000,000.00: the grid scrolls sideways rather than cut figures. */
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 16);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (kind == CELL_TARGET && index == 0)
    {
      const char *tooltip = ks_target_metric_is_money (metric)
                              ? _("Empty: the quarters’ targets added up")
                              : _("Empty: the mean of the quarters’ targets");

      g_object_set_data (G_OBJECT (entry), "ks-tooltip", (gpointer) tooltip);
      ks_widget_set_tooltip_quietly (entry, tooltip);
    }
  g_object_set_data (G_OBJECT (entry), "ks-metric", GUINT_TO_POINTER (metric));
  g_object_set_data (G_OBJECT (entry), "ks-kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (entry), "ks-index", GUINT_TO_POINTER (index));

  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave), self);
  gtk_widget_add_controller (entry, focus);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (entry, keys);

  return GTK_ENTRY (entry);
}

static GtkLabel *
new_value_label (const char *name)
{
  GtkWidget *label = gtk_label_new ("—");

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  return GTK_LABEL (label);
}

static int
build_metric (KsTargetsSection *self,
              KsTargetMetric    metric,
              int               row)
{
  const char *key = ks_target_metric_get_key (metric);
  g_autofree char *title = NULL;
  g_autofree char *ytd_name = g_strdup_printf ("attainment-%s-ytd", key);
  GtkWidget *heading;
  GtkWidget *ytd_box;
  GtkWidget *ytd_caption;

  if (ks_target_metric_is_money (metric))
    /* Translators: a heading of the targets grid: the metric (Revenue…) and the
     * account's currency code (CNY) */
    title = g_strdup_printf (_("%s (%s)"), ks_target_metric_get_label (metric),
                             currency (self));
  else
    /* Translators: a heading of the targets grid: a metric in percent (Gross margin…) */
    title = g_strdup_printf (_("%s (%%)"), ks_target_metric_get_label (metric));

  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  if (row > 1)
    gtk_widget_set_margin_top (heading, 12);
  gtk_grid_attach (self->grid, heading, 0, row++, N_ENTRIES + 1, 1);

  /* Targets */
  gtk_grid_attach (self->grid, header_label (C_("targets grid row", "Target"), 0), 0, row, 1, 1);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      self->target_entries[metric][i] = new_cell (self, metric, CELL_TARGET, i);
      gtk_grid_attach (self->grid, GTK_WIDGET (self->target_entries[metric][i]),
                       i + 1, row, 1, 1);
    }
  row++;

  /* Actuals; the annual one follows from the quarters. */
  gtk_grid_attach (self->grid, header_label (C_("targets grid row", "Actual"), 0), 0, row, 1, 1);
  {
    g_autofree char *name = g_strdup_printf ("actual-%s-year", key);

    self->annual_actual[metric] = new_value_label (name);
    ks_widget_set_tooltip_quietly (GTK_WIDGET (self->annual_actual[metric]),
                                   ks_target_metric_is_money (metric)
                                     ? _("The quarters’ actuals added up")
                                     : _("The mean of the quarters’ actuals"));
    gtk_widget_set_margin_end (GTK_WIDGET (self->annual_actual[metric]), 8);
    gtk_grid_attach (self->grid, GTK_WIDGET (self->annual_actual[metric]), 1, row, 1, 1);
  }
  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      self->actual_entries[metric][q] = new_cell (self, metric, CELL_ACTUAL, q);
      gtk_grid_attach (self->grid, GTK_WIDGET (self->actual_entries[metric][q]),
                       q + 1, row, 1, 1);
    }
  row++;

  /* Attainment: year to date under the annual column, then each quarter's. */
  gtk_grid_attach (self->grid, header_label (C_("targets grid row", "Attainment"), 0),
                   0, row, 1, 1);
  ytd_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (ytd_box, GTK_ALIGN_END);
  gtk_widget_set_margin_end (ytd_box, 8);
  /* Translators: "year to date", beside the attainment so far this year; keep it short */
  ytd_caption = header_label (_("YTD"), 1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (ytd_caption), GTK_ACCESSIBLE_STATE_HIDDEN,
                               TRUE, -1);
  gtk_box_append (GTK_BOX (ytd_box), ytd_caption);
  self->attainment[metric][0] = new_value_label (ytd_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->attainment[metric][0]), "heading");
  gtk_box_append (GTK_BOX (ytd_box), GTK_WIDGET (self->attainment[metric][0]));
  gtk_grid_attach (self->grid, ytd_box, 1, row, 1, 1);

  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      g_autofree char *name = g_strdup_printf ("attainment-%s-%u", key, q);
      g_autofree char *icon_name = g_strdup_printf ("drop-%s-%u", key, q);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_halign (box, GTK_ALIGN_END);
      gtk_widget_set_margin_end (box, 8);
      gtk_widget_set_name (icon, icon_name);
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_visible (icon, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attainment drop"),
                                      -1);
      self->drop_icons[metric][q] = icon;
      self->attainment[metric][q] = new_value_label (name);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->attainment[metric][q]));
      gtk_grid_attach (self->grid, box, q + 1, row, 1, 1);
    }
  row++;

  return row;
}

static gboolean
build_rest (gpointer data)
{
  KsTargetsSection *self = data;

  self->build_id = 0;
  /* Unmapped meanwhile: the next map goes on. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  for (; self->n_built < KS_N_TARGET_METRICS; self->n_built++)
    {
      self->next_row = build_metric (self, self->n_built, self->next_row);
      show_metric (self, self->n_built, TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chart_group), TRUE);
  return G_SOURCE_REMOVE;
}

static void
schedule_build_rest (KsTargetsSection *self)
{
  if (self->built && self->n_built < KS_N_TARGET_METRICS && self->build_id == 0)
    self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_rest, self, NULL);
}

/* The header and the first metrics; the others follow (build_rest()). The chart shows
 * once they are all there, so that it does not move down. */
static void
build_grid (KsTargetsSection *self)
{
  int row = 0;

  gtk_grid_attach (self->grid, header_label (C_("targets grid column", "Annual"), 1),
                   1, row, 1, 1);
  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      /* Translators: a column of the targets grid; %u is the quarter, 1–4 */
      g_autofree char *text = g_strdup_printf (_("Q%u"), q);

      gtk_grid_attach (self->grid, header_label (text, 1), q + 1, row, 1, 1);
    }
  row++;

  for (self->n_built = 0; self->n_built < METRICS_FIRST; self->n_built++)
    row = build_metric (self, self->n_built, row);
  self->next_row = row;
  gtk_widget_set_visible (GTK_WIDGET (self->chart_group), FALSE);

  self->built = TRUE;
  schedule_build_rest (self);
}

/* Chart ----------------------------------------------------------------- */

static KsChartStyleKind
chart_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return KS_CHART_STYLE_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (manager))
    return KS_CHART_STYLE_DARK;
  return KS_CHART_STYLE_LIGHT;
}

static KsTargetYear
chart_year (KsTargetsSection *self)
{
  guint metric = gtk_drop_down_get_selected (self->metric_dropdown);

  return lookup_year (self, metric < KS_N_TARGET_METRICS ? metric : KS_TARGET_METRIC_REVENUE);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  KsTargetsSection *self = user_data;
  KsTargetYear year = chart_year (self);

  ks_plan_chart_render (cr, width, height, &year, currency (self), chart_style (),
                        gtk_widget_get_pango_context (GTK_WIDGET (area)));
}

static gboolean
on_chart_query_tooltip (KsTargetsSection *self,
                        int               x,
                        int               y,
                        gboolean          keyboard,
                        GtkTooltip       *tooltip)
{
  KsTargetYear year = chart_year (self);
  g_autofree char *text = NULL;
  guint quarter;

  if (keyboard)
    return FALSE;
  quarter = ks_plan_chart_quarter_at (gtk_widget_get_width (self->chart_area),
                                      gtk_widget_get_height (self->chart_area),
                                      &year, currency (self),
                                      gtk_widget_get_pango_context (self->chart_area), x, y);
  if (quarter == 0)
    return FALSE;
  text = ks_plan_chart_describe_quarter (&year, currency (self), quarter);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_metric_changed (KsTargetsSection *self)
{
  if (self->built)
    update_chart (self);
}

static void
on_year_changed (KsTargetsSection *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (self->setting_year || year == self->year)
    return;
  self->year = year;
  if (self->built)
    refresh (self, TRUE);
  else
    self->dirty = TRUE;
}

static void
on_style_changed (KsTargetsSection *self)
{
  gtk_widget_queue_draw (self->chart_area);
}

/* The currency's code is in the headings and the cells' format. */
static void
on_currency_changed (KsTargetsSection *self)
{
  if (!self->built)
    return;

  /* Simplest and rare: build again. */
  g_clear_handle_id (&self->build_id, g_source_remove);
  while (gtk_widget_get_first_child (GTK_WIDGET (self->grid)) != NULL)
    gtk_grid_remove (self->grid, gtk_widget_get_first_child (GTK_WIDGET (self->grid)));
  memset (self->target_entries, 0, sizeof self->target_entries);
  memset (self->actual_entries, 0, sizeof self->actual_entries);
  memset (self->annual_actual, 0, sizeof self->annual_actual);
  memset (self->attainment, 0, sizeof self->attainment);
  memset (self->drop_icons, 0, sizeof self->drop_icons);
  self->error_entry = NULL;
  ks_plan_hide_error (self->error_label);
  self->built = FALSE;
  self->n_built = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self, TRUE);
  else
    self->dirty = TRUE;
}

/* Life cycle ------------------------------------------------------------ */

static void
ks_targets_section_map (GtkWidget *widget)
{
  KsTargetsSection *self = KS_TARGETS_SECTION (widget);

  /* Before the children are mapped: the cells are filled in (and their tooltips set)
   * while nothing is on screen, and come with the section's first frame. */
  if (self->dirty || !self->built)
    refresh (self, TRUE);
  schedule_build_rest (self);

  GTK_WIDGET_CLASS (ks_targets_section_parent_class)->map (widget);
}

static void
ks_targets_section_dispose (GObject *object)
{
  KsTargetsSection *self = KS_TARGETS_SECTION (object);

  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (ks_targets_section_parent_class)->dispose (object);
}

static void
ks_targets_section_finalize (GObject *object)
{
  KsTargetsSection *self = KS_TARGETS_SECTION (object);

  g_clear_pointer (&self->targets, g_array_unref);

  G_OBJECT_CLASS (ks_targets_section_parent_class)->finalize (object);
}

static void
ks_targets_section_class_init (KsTargetsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_targets_section_dispose;
  object_class->finalize = ks_targets_section_finalize;
  widget_class->map = ks_targets_section_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-targets-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsTargetsSection, year_spin);
  gtk_widget_class_bind_template_child (widget_class, KsTargetsSection, grid);
  gtk_widget_class_bind_template_child (widget_class, KsTargetsSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, KsTargetsSection, chart_group);
  gtk_widget_class_bind_template_child (widget_class, KsTargetsSection, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KsTargetsSection, chart_area);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_metric_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_query_tooltip);
}

static void
ks_targets_section_init (KsTargetsSection *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *labels[KS_N_TARGET_METRICS + 1];
  g_autofree char *description = NULL;

  self->targets = g_array_new (FALSE, TRUE, sizeof (KsTargetYear));
  self->year = 2026;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint m = 0; m < KS_N_TARGET_METRICS; m++)
    labels[m] = ks_target_metric_get_label (m);
  labels[KS_N_TARGET_METRICS] = NULL;
  gtk_drop_down_set_model (self->metric_dropdown,
                           G_LIST_MODEL (gtk_string_list_new (labels)));
  g_object_unref (gtk_drop_down_get_model (self->metric_dropdown));
  gtk_drop_down_set_selected (self->metric_dropdown, KS_TARGET_METRIC_REVENUE);

  /* Translators: under the title of the targets chart; %.0f is a number of percentage
   * points, like 10 */
  description = g_strdup_printf (_("Targets as outlines, actuals filled; a quarter in red fell "
                                   "%.0f points or more since the one before"),
                                 KS_PLAN_DROP_THRESHOLD_DEFAULT);
  adw_preferences_group_set_description (self->chart_group, description);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart_area), draw_chart, self, NULL);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (on_style_changed),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
ks_targets_section_new (KsStore   *store,
                        KsAccount *account)
{
  KsTargetsSection *self;
  GDate today;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_TARGETS_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  ks_store_get_today (store, &today);
  self->year = CLAMP (g_date_get_year (&today), KS_QUARTER_YEAR_MIN, KS_QUARTER_YEAR_MAX);
  self->setting_year = TRUE;
  gtk_spin_button_set_value (self->year_spin, self->year);
  self->setting_year = FALSE;
  self->dirty = TRUE;

  g_signal_connect_object (account, "notify::currency", G_CALLBACK (on_currency_changed),
                           self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

void
ks_targets_section_set_plan (KsTargetsSection    *self,
                             const KsAccountPlan *plan)
{
  g_return_if_fail (KS_IS_TARGETS_SECTION (self));
  g_return_if_fail (plan != NULL);

  g_array_set_size (self->targets, 0);
  if (plan->targets != NULL && plan->targets->len > 0)
    g_array_append_vals (self->targets, plan->targets->data, plan->targets->len);

  if (self->built && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self, FALSE);
  else
    self->dirty = TRUE;
}
