/* ks-import-dialog.c
 *
 * Three pages: set-up (file, preview, column mapping, options), progress while the
 * import runs in a worker thread, and the result (counts, skipped rows, problems).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "ks-import-dialog.h"

/* Rows of the preview shown, and problems listed on the result page. */
#define PREVIEW_ROWS 10
#define DETAILS_MAX 500

struct _KsImportDialog
{
  AdwWindow parent_instance;

  KsStore *store;
  KsImport *import;
  char *path;
  GPtrArray *mapping_rows;     /* AdwComboRow, one per column of the file */
  GCancellable *cancellable;
  gint progress_permille;      /* written by the worker, read by a timeout */
  guint progress_timeout;
  gboolean running;

  /* template children */
  GtkStack *stack;
  AdwActionRow *file_row;
  GtkGrid *preview_grid;
  AdwPreferencesGroup *mapping_group;
  GtkLabel *mapping_error;
  AdwComboRow *duplicates_row;
  GtkSwitch *valid_only_switch;
  GtkProgressBar *progress_bar;
  AdwStatusPage *result_page;
  GtkListBox *details_list;
  GtkButton *back_button;
  GtkButton *import_button;
  GtkButton *done_button;
  GtkButton *cancel_button;
};

G_DEFINE_FINAL_TYPE (KsImportDialog, ks_import_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  KsImport *import;            /* borrowed: the dialog outlives the task */
  KsStore *store;
  KsDuplicates duplicates;
  gboolean valid_rows_only;
  gint *progress_permille;
  KsImportResult *result;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->store);
  g_clear_pointer (&job->result, ks_import_result_free);
  g_free (job);
}

static void
show_page (KsImportDialog *self,
           const char     *page)
{
  gboolean setup = g_str_equal (page, "setup");
  gboolean result = g_str_equal (page, "result");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), setup);
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), result);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !result);
  /* Enter does the next thing: Import on the set-up page, Done on the result. */
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 GTK_WIDGET (result ? self->done_button : self->import_button));
  if (result)
    gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
  else if (setup)
    gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

/* Set-up page ------------------------------------------------------------ */

static const char *
encoding_label (KsCsvEncoding encoding)
{
  switch (encoding)
    {
    case KS_CSV_ENCODING_UTF16LE:
    case KS_CSV_ENCODING_UTF16BE:
      return "UTF-16";
    case KS_CSV_ENCODING_GB18030:
      return "GB18030";
    case KS_CSV_ENCODING_UTF8:
    default:
      return "UTF-8";
    }
}

static const char *
separator_label (char separator)
{
  switch (separator)
    {
    case ';':
      return _("separated by semicolons");
    case '\t':
      return _("separated by tabs");
    default:
      return _("separated by commas");
    }
}

static void
fill_file_row (KsImportDialog *self)
{
  g_autofree char *basename = g_path_get_basename (self->path);
  g_autofree char *display = g_filename_display_name (basename);
  guint n = ks_import_get_n_columns (self->import);
  g_autofree char *columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u column", "%u columns", n), n);
  /* Translators: “UTF-8 · separated by commas · 12 columns” */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                               encoding_label (ks_import_get_encoding (self->import)),
                                               separator_label (ks_import_get_separator (self->import)),
                                               columns);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), display);
  adw_action_row_set_subtitle (self->file_row, subtitle);
}

static GtkWidget *
preview_cell (const char *text,
              gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  /* Short values are shown whole; the preview scrolls sideways instead. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (text, -1) + 1, 12));
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_preview (KsImportDialog *self)
{
  GPtrArray *rows = ks_import_get_preview (self->import);
  guint n_columns = ks_import_get_n_columns (self->import);

  for (guint c = 0; c < n_columns; c++)
    gtk_grid_attach (self->preview_grid,
                     preview_cell (ks_import_get_header (self->import, c), TRUE), c, 0, 1, 1);

  for (guint r = 0; r < MIN (rows->len, PREVIEW_ROWS); r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns && row[c] != NULL; c++)
        gtk_grid_attach (self->preview_grid, preview_cell (row[c], FALSE), c, r + 1, 1, 1);
    }
}

/* Position 0 of each mapping row is “Ignore”; position k is column k - 1. */
static guint
column_to_position (KsColumn column)
{
  if (column == KS_COLUMN_IGNORE || ks_column_is_computed (column))
    return 0;
  return (guint) column + 1;
}

static void
on_mapping_changed (KsImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      guint position = adw_combo_row_get_selected (g_ptr_array_index (self->mapping_rows, i));

      ks_import_set_mapping (self->import, i,
                             position == 0 || position == GTK_INVALID_LIST_POSITION
                             ? KS_COLUMN_IGNORE : (KsColumn) (position - 1));
    }

  if (!ks_import_check_mapping (self->import, &error))
    {
      gtk_label_set_label (self->mapping_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->mapping_error), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
}

/* “e.g. 华东精密, Northwind Logistics” from the first rows of a column. */
static char *
sample_values (KsImportDialog *self,
               guint           column)
{
  GPtrArray *rows = ks_import_get_preview (self->import);
  g_autoptr(GPtrArray) samples = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint r = 0; r < rows->len && samples->len < 3; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      if (row[column] != NULL && *row[column] != '\0')
        g_ptr_array_add (samples, row[column]);
    }
  if (samples->len == 0)
    return g_strdup (_("No values in the first rows"));

  g_ptr_array_add (samples, NULL);
  joined = g_strjoinv (", ", (char **) samples->pdata);
  /* Translators: sample values of a column, e.g. “e.g. 华东精密, Northwind” */
  return g_strdup_printf (_("e.g. %s"), joined);
}

static void
fill_mapping (KsImportDialog *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("Ignore"));
  for (KsColumn c = 0; c < KS_N_COLUMNS; c++)
    if (!ks_column_is_computed (c))
      gtk_string_list_append (choices, ks_column_get_label (c));

  for (guint i = 0; i < ks_import_get_n_columns (self->import); i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *subtitle = sample_values (self, i);
      g_autofree char *name = g_strdup_printf ("mapping-%u", i);
      const char *header = ks_import_get_header (self->import, i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     *header != '\0' ? header : _("(no header)"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, name);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  column_to_position (ks_import_get_mapping (self->import, i)));
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_mapping_changed), self);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }
  on_mapping_changed (self);
}

/* Result page ------------------------------------------------------------- */

static void
add_detail (KsImportDialog *self,
            const char     *title,
            const char     *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (self->details_list, row);
}

static void
clear_details (KsImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_list))) != NULL)
    gtk_list_box_remove (self->details_list, child);
}

static void
list_problems (KsImportDialog *self,
               GPtrArray      *problems)
{
  for (guint i = 0; i < MIN (problems->len, DETAILS_MAX); i++)
    {
      KsImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *where = NULL;

      if (problem->header != NULL)
        /* Translators: where a problem is: “Line 12, column “Annual purchases”” */
        where = g_strdup_printf (_("Line %" PRIu64 ", column “%s”"),
                                 problem->line, problem->header);
      else
        where = g_strdup_printf (_("Line %" PRIu64), problem->line);
      add_detail (self, problem->message, where);
    }

  if (problems->len > DETAILS_MAX)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more problem",
                                                            "and %u more problems",
                                                            problems->len - DETAILS_MAX),
                                               problems->len - DETAILS_MAX);
      add_detail (self, more, NULL);
    }
}

static void
show_result (KsImportDialog *self,
             KsImportResult *result)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gboolean refused = result->problems->len > 0 &&
                     !gtk_switch_get_active (self->valid_only_switch);

  clear_details (self);

  if (refused)
    {
      title = g_strdup (_("Nothing Was Imported"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u row has a problem. Correct it in the "
                                                  "file and import again, or import the "
                                                  "valid rows only.",
                                                  "%u rows have problems. Correct them in the "
                                                  "file and import again, or import the "
                                                  "valid rows only.",
                                                  result->problems->len),
                                     result->problems->len);
      adw_status_page_set_icon_name (self->result_page, "dialog-warning-symbolic");
      list_problems (self, result->problems);
    }
  else
    {
      g_autofree char *updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u updated", "%u updated",
                                                               result->updated),
                                                  result->updated);
      g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u skipped", "%u skipped",
                                                               result->skipped),
                                                  result->skipped);

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u Account Imported", "%u Accounts Imported",
                                            result->imported),
                               result->imported);
      /* Translators: “3 updated, 2 skipped” */
      description = g_strdup_printf (_("%s, %s"), updated, skipped);
      adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");

      for (guint i = 0; i < result->skipped_reasons->len; i++)
        if (i < DETAILS_MAX)
          add_detail (self, g_ptr_array_index (result->skipped_reasons, i), NULL);
      if (result->problems->len > 0)
        {
          g_autofree char *left_out =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u row with a problem was left out",
                                          "%u rows with problems were left out",
                                          result->problems->len),
                             result->problems->len);

          add_detail (self, left_out, NULL);
          list_problems (self, result->problems);
        }
    }

  for (guint i = 0; result->ignored_headers != NULL && i < result->ignored_headers->len; i++)
    {
      g_autofree char *ignored =
        /* Translators: a column of the file that Keystone does not know */
        g_strdup_printf (_("Column “%s” was ignored"),
                         (char *) g_ptr_array_index (result->ignored_headers, i));

      add_detail (self, ignored, NULL);
    }

  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), refused);
  gtk_widget_set_visible (GTK_WIDGET (self->details_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->details_list)) != NULL);
  show_page (self, "result");
}

static void
show_failure (KsImportDialog *self,
              const char     *title,
              const char     *message)
{
  clear_details (self);
  adw_status_page_set_icon_name (self->result_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, message);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->details_list), FALSE);
  show_page (self, "result");
}

/* Running ----------------------------------------------------------------- */

static void
on_progress (double   fraction,
             gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, (gint) (CLAMP (fraction, 0, 1) * 1000));
}

static gboolean
update_progress (gpointer user_data)
{
  KsImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
run_import (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  if (!ks_import_run (job->import, job->store, job->duplicates, job->valid_rows_only,
                      cancellable, on_progress, job->progress_permille, &job->result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  KsImportDialog *self = KS_IMPORT_DIALOG (source);
  ImportJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, _("Import Cancelled"), _("Nothing was changed."));
      else
        show_failure (self, _("The Import Failed"), error->message);
      return;
    }

  /* The worker wrote through its own connection; bring the list up to date here. */
  if (job->result->imported + job->result->updated > 0 &&
      !ks_store_reload_accounts (self->store, &error))
    {
      show_failure (self, _("The Portfolio Could Not Be Reloaded"), error->message);
      return;
    }

  show_result (self, job->result);
}

void
ks_import_dialog_start (KsImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ImportJob *job;

  g_return_if_fail (KS_IS_IMPORT_DIALOG (self));

  if (self->running || !ks_import_check_mapping (self->import, &error))
    return;

  job = g_new0 (ImportJob, 1);
  job->import = self->import;
  job->store = g_object_ref (self->store);
  job->duplicates = adw_combo_row_get_selected (self->duplicates_row);
  job->valid_rows_only = gtk_switch_get_active (self->valid_only_switch);
  job->progress_permille = &self->progress_permille;

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  self->progress_permille = 0;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->progress_timeout = g_timeout_add (100, update_progress, self);
  show_page (self, "progress");

  task = g_task_new (self, self->cancellable, on_import_done, NULL);
  g_task_set_source_tag (task, ks_import_dialog_start);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, run_import);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ks_import_dialog_start (KS_IMPORT_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KsImportDialog *self = KS_IMPORT_DIALOG (widget);

  if (self->running)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  show_page (KS_IMPORT_DIALOG (widget), "setup");
}

static gboolean
ks_import_dialog_close_request (GtkWindow *window)
{
  KsImportDialog *self = KS_IMPORT_DIALOG (window);

  /* Closing while it runs cancels; the window goes when the worker has stopped. */
  if (self->running)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (ks_import_dialog_parent_class)->close_request (window);
}

const char *
ks_import_dialog_get_page (KsImportDialog *self)
{
  g_return_val_if_fail (KS_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
ks_import_dialog_dispose (GObject *object)
{
  KsImportDialog *self = KS_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_import_dialog_parent_class)->dispose (object);
}

static void
ks_import_dialog_finalize (GObject *object)
{
  KsImportDialog *self = KS_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, ks_import_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ks_import_dialog_parent_class)->finalize (object);
}

static void
ks_import_dialog_class_init (KsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ks_import_dialog_dispose;
  object_class->finalize = ks_import_dialog_finalize;
  window_class->close_request = ks_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, mapping_error);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, valid_only_switch);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, details_list);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, KsImportDialog, cancel_button);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
ks_import_dialog_init (KsImportDialog *self)
{
  g_autoptr(GtkStringList) duplicates = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mapping_rows = g_ptr_array_new ();

  /* In the order of KsDuplicates. */
  gtk_string_list_append (duplicates, _("Skip them"));
  gtk_string_list_append (duplicates, _("Update them from the file"));
  gtk_string_list_append (duplicates, _("Add them as duplicates"));
  adw_combo_row_set_model (self->duplicates_row, G_LIST_MODEL (duplicates));
}

KsImportDialog *
ks_import_dialog_new (KsStore    *store,
                      KsImport   *import,
                      const char *path)
{
  KsImportDialog *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (KS_TYPE_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->import = import;
  self->path = g_strdup (path);
  fill_file_row (self);
  fill_preview (self);
  fill_mapping (self);
  show_page (self, "setup");
  return self;
}
