/* ks-document-dialog.c
 *
 * The document is made again whenever a choice changes, once the dialog has drawn a
 * frame (a review of a large portfolio takes a moment, and the spinner shows meanwhile);
 * its first page is drawn once into an image for the preview. Export PDF… writes that same
 * document in a worker thread: it was laid out here, so the worker only draws, and the
 * dialog stays insensitive until it is done. Print… makes a fresh one, as the print
 * dialog may lay it out again on another paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-document-dialog.h"
#include "ks-document.h"
#include "ks-plan-widgets.h"
#include "ks-report-plan.h"
#include "ks-report-review.h"
#include "ks-widgets.h"
#include "ks-window.h"

/* How wide the preview of the first page is, in pixels. */
#define PREVIEW_WIDTH 260
/* Quarters offered for a review: the current one and those before it. */
#define N_QUARTERS 8
/* The print settings of the last print (printer, copies…), kept for the next. */
#define PRINT_SETTINGS_KEY "ks-print-settings"

struct _KsDocumentDialog
{
  AdwWindow parent_instance;

  KsStore *store;
  KsAccount *account;              /* an account plan's; NULL for a review */
  KsReportSections leave_out;
  GtkSwitch *switches[KS_REPORT_N_SECTIONS];
  GtkStringList *quarters;
  GtkStringList *owners;           /* "Whole Portfolio", then every member */
  KsDocument *document;            /* as previewed; NULL when it cannot be made */
  cairo_surface_t *first_page;     /* the preview, in device pixels */
  GdkFrameClock *paint_clock;      /* waited on for the spinner to be drawn */
  gulong paint_handler;
  guint refresh_source;
  gboolean stale;                  /* the choices changed since the document was made */
  gboolean updating;               /* switches and presets set from code */
  gboolean busy;
  gboolean disposed;         /* gone while a PDF was being written */

  /* template children */
  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *export_button;
  GtkButton *print_button;
  GtkSpinner *busy_spinner;
  GtkWidget *content_box;
  GtkStack *preview_stack;
  GtkDrawingArea *preview;
  GtkLabel *preview_error;
  GtkSpinner *preview_spinner;
  GtkLabel *pages_label;
  AdwPreferencesGroup *sections_group;
  GtkToggleButton *full_button;
  GtkToggleButton *client_button;
  AdwPreferencesGroup *review_group;
  AdwComboRow *quarter_row;
  AdwComboRow *owner_row;
};

G_DEFINE_FINAL_TYPE (KsDocumentDialog, ks_document_dialog, ADW_TYPE_WINDOW)

/* The choices ------------------------------------------------------------- */

/* The quarter chosen for a review, "2026-Q3". */
static const char *
chosen_quarter (KsDocumentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->quarter_row);

  if (self->quarters == NULL || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->quarters, selected);
}

/* The owner chosen for a review; NULL for the whole portfolio. */
static const char *
chosen_owner (KsDocumentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->owner_row);

  if (self->owners == NULL || selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return NULL;
  return gtk_string_list_get_string (self->owners, selected);
}

static KsDocument *
build_document (KsDocumentDialog  *self,
                GError           **error)
{
  if (self->account != NULL)
    return ks_report_plan_new (self->store, self->account, self->leave_out, error);
  return ks_report_review_new (self->store, chosen_quarter (self), chosen_owner (self), error);
}

static void
cancel_refresh (KsDocumentDialog *self)
{
  if (self->paint_clock != NULL)
    g_clear_signal_handler (&self->paint_handler, self->paint_clock);
  g_clear_object (&self->paint_clock);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
}

static void
update_actions (KsDocumentDialog *self)
{
  gboolean ready = !self->busy
                   && (self->document != NULL || self->stale)
                   && (self->account == NULL || self->leave_out != KS_REPORT_SECTIONS_ALL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.print", ready);
}

/* The preview -------------------------------------------------------------- */

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  KsDocumentDialog *self = data;

  if (self->first_page == NULL)
    return;
  cairo_set_source_surface (cr, self->first_page, 0, 0);
  cairo_paint (cr);
}

/* The first page, PREVIEW_WIDTH wide, sharp on a high-resolution screen too: drawn
 * once, not at every frame. */
static void
show_first_page (KsDocumentDialog *self,
                 KsDocument       *document)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double width, height, factor;
  int preview_height;
  cairo_t *cr;

  ks_document_get_page_size (document, &width, &height);
  preview_height = (int) ceil (PREVIEW_WIDTH * height / width);
  factor = (double) PREVIEW_WIDTH / width;

  g_clear_pointer (&self->first_page, cairo_surface_destroy);
  self->first_page = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, PREVIEW_WIDTH * scale,
                                                 preview_height * scale);
  cairo_surface_set_device_scale (self->first_page, scale, scale);
  cr = cairo_create (self->first_page);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, factor, factor);
  ks_document_render_page (document, cr, 0);
  cairo_destroy (cr);

  gtk_drawing_area_set_content_width (self->preview, PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (self->preview, preview_height);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
refresh_now (KsDocumentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pages = NULL;
  guint n_pages;

  cancel_refresh (self);
  g_clear_object (&self->document);
  self->stale = FALSE;
  gtk_spinner_stop (self->preview_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), FALSE);

  self->document = build_document (self, &error);
  if (self->document == NULL)
    {
      gtk_label_set_label (self->preview_error, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "error");
      gtk_label_set_label (self->pages_label, "");
      update_actions (self);
      return;
    }

  /* Laid out here, in the main thread, like everything that reads the store. */
  n_pages = ks_document_get_n_pages (self->document);
  show_first_page (self, self->document);
  gtk_stack_set_visible_child_name (self->preview_stack, "page");
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages),
                           n_pages);
  gtk_label_set_label (self->pages_label, pages);
  update_actions (self);
}

static gboolean
refresh_idle (gpointer data)
{
  KsDocumentDialog *self = data;

  self->refresh_source = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

/* The spinner is on screen. An idle of a lower priority than the frame clock's would
 * wait for as long as the spinner turns: this one comes before the next frame. */
static void
on_after_paint (GdkFrameClock    *clock,
                KsDocumentDialog *self)
{
  g_clear_signal_handler (&self->paint_handler, clock);
  g_clear_object (&self->paint_clock);
  self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle, self, NULL);
}

/* Makes the document again once the spinner has been drawn. */
static void
schedule_refresh (KsDocumentDialog *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->stale = TRUE;
  if (self->paint_handler != 0 || self->refresh_source != 0
      || !gtk_widget_get_mapped (GTK_WIDGET (self)) || clock == NULL)
    {
      update_actions (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), TRUE);
  gtk_spinner_start (self->preview_spinner);
  /* Translators: while the preview of a document is being made */
  gtk_label_set_label (self->pages_label, _("Preparing…"));
  self->paint_clock = g_object_ref (clock);
  self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint),
                                          self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  update_actions (self);
}

/* The document of the current choices, made now if it is due. */
static KsDocument *
ensure_document (KsDocumentDialog *self)
{
  if (self->stale)
    refresh_now (self);
  return self->document;
}

/* Sharp again on a screen of another scale. */
static void
on_scale_factor (KsDocumentDialog *self)
{
  /* Not while a worker draws the same document: it is redrawn when the write ends. */
  if (self->document != NULL && !self->busy)
    show_first_page (self, self->document);
}

/* Sections of an account plan ---------------------------------------------- */

static void
sync_presets (KsDocumentDialog *self)
{
  self->updating = TRUE;
  if (self->leave_out == KS_REPORT_SECTIONS_NONE)
    gtk_toggle_button_set_active (self->full_button, TRUE);
  else if (self->leave_out == KS_REPORT_SECTIONS_INTERNAL)
    gtk_toggle_button_set_active (self->client_button, TRUE);
  else
    {
      /* Neither preset: a choice of one's own. */
      gtk_toggle_button_set_active (self->full_button, FALSE);
      gtk_toggle_button_set_active (self->client_button, FALSE);
    }
  self->updating = FALSE;
}

static void
on_section_switched (KsDocumentDialog *self)
{
  if (self->updating)
    return;

  self->leave_out = KS_REPORT_SECTIONS_NONE;
  for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
    if (!gtk_switch_get_active (self->switches[i]))
      self->leave_out |= ks_report_section_nth (i);
  sync_presets (self);
  schedule_refresh (self);
}

static void
apply_preset (KsDocumentDialog *self,
              KsReportSections  leave_out)
{
  self->leave_out = leave_out;
  self->updating = TRUE;
  for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
    gtk_switch_set_active (self->switches[i], !(leave_out & ks_report_section_nth (i)));
  self->updating = FALSE;
  schedule_refresh (self);
}

static void
on_preset_toggled (KsDocumentDialog *self,
                   GParamSpec       *pspec,
                   GtkToggleButton  *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  apply_preset (self, button == self->client_button ? KS_REPORT_SECTIONS_INTERNAL
                                                    : KS_REPORT_SECTIONS_NONE);
}

static void
add_section_rows (KsDocumentDialog *self)
{
  for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
    {
      KsReportSections section = ks_report_section_nth (i);
      const char *label = ks_report_section_get_label (section);
      g_autofree char *name = g_strdup_printf ("section-%s", ks_report_section_get_key (section));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_name (toggle, name);
      gtk_switch_set_active (GTK_SWITCH (toggle), !(self->leave_out & section));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->sections_group, row);
      self->switches[i] = GTK_SWITCH (toggle);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_section_switched),
                               self, G_CONNECT_SWAPPED);
    }
}

/* A quarterly review's choices ---------------------------------------------- */

static void
update_review_subtitle (KsDocumentDialog *self)
{
  const char *owner = chosen_owner (self);
  g_autofree char *subtitle = NULL;

  /* Translators: under “Quarterly Review” in the dialog's title: a quarter (2026-Q3) and
   * whose accounts it covers */
  subtitle = g_strdup_printf (_("%s · %s"), chosen_quarter (self),
                              owner != NULL ? owner : _("Whole Portfolio"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
on_review_choice (KsDocumentDialog *self)
{
  update_review_subtitle (self);
  schedule_refresh (self);
}

/* The quarter of the store's today and the N_QUARTERS − 1 before it. */
static void
fill_quarters (KsDocumentDialog *self)
{
  GDate today;
  g_autoptr(GDateTime) noon = NULL;
  g_autofree char *quarter = NULL;

  ks_store_get_today (self->store, &today);
  noon = g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today),
                                g_date_get_day (&today), 12, 0, 0);
  quarter = ks_quarter_for_date (noon);
  self->quarters = gtk_string_list_new (NULL);
  for (guint i = 0; i < N_QUARTERS && quarter != NULL; i++)
    {
      char *before = ks_quarter_previous (quarter);

      gtk_string_list_append (self->quarters, quarter);
      g_free (quarter);
      quarter = before;
    }
  adw_combo_row_set_model (self->quarter_row, G_LIST_MODEL (self->quarters));
}

/* "Whole Portfolio", then every member; @owner chosen when it is one of them. */
static void
fill_owners (KsDocumentDialog *self,
             const char       *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = ks_store_dup_members (self->store, &error);
  guint selected = 0;

  self->owners = gtk_string_list_new (NULL);
  gtk_string_list_append (self->owners, _("Whole Portfolio"));
  if (members == NULL)
    g_warning ("Cannot list the team: %s", error->message);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const KsMember *member = g_ptr_array_index (members, i);

      gtk_string_list_append (self->owners, member->name);
      /* Member names are unique whatever the case of their ASCII letters. */
      if (owner != NULL && g_ascii_strcasecmp (member->name, owner) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (self->owners));
  adw_combo_row_set_selected (self->owner_row, selected);
}

/* Export PDF --------------------------------------------------------------- */

static void
set_busy (KsDocumentDialog *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  if (busy)
    gtk_spinner_start (self->busy_spinner);
  else
    gtk_spinner_stop (self->busy_spinner);
  gtk_widget_set_sensitive (self->content_box, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !busy);
  update_actions (self);
}

/* The main window the dialog belongs to, or NULL. */
static KsWindow *
get_main_window (KsDocumentDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  return KS_IS_WINDOW (parent) ? KS_WINDOW (parent) : NULL;
}

static void
release_application (gpointer application)
{
  g_application_release (application);
  g_object_unref (application);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  KsDocument *document = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (ks_document_write_pdf (document, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ks_window_show_error (KS_WINDOW (source), _("The PDF Could Not Be Opened"), error);
}

static void
on_open_clicked (AdwToast *toast,
                 KsWindow *window)
{
  /* In a sandbox, through the OpenURI portal. */
  gtk_show_uri_full (GTK_WINDOW (window), g_object_get_data (G_OBJECT (toast), "uri"),
                     GDK_CURRENT_TIME, NULL, on_uri_shown, NULL);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  KsDocumentDialog *self = KS_DOCUMENT_DIALOG (source);
  const char *path = g_object_get_data (G_OBJECT (result), "path");
  /* The window the dialog belonged to when the write began: the dialog may be gone. */
  KsWindow *window = g_object_get_data (G_OBJECT (result), "window");
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  gboolean written;
  AdwToast *toast;

  written = g_task_propagate_boolean (G_TASK (result), &error);
  g_object_set_data (G_OBJECT (result), "application", NULL);   /* released */

  if (self->disposed)
    {
      /* The window was closed (Quit) while the PDF was written: say what became of it. */
      if (!written)
        g_warning ("The PDF %s could not be saved: %s", path, error->message);
      return;
    }

  set_busy (self, FALSE);
  if (!written)
    {
      if (self->document != NULL)
        show_first_page (self, self->document);
      ks_widget_show_error (GTK_WIDGET (self), _("The PDF Could Not Be Saved"), error);
      return;
    }

  if (window != NULL && gtk_widget_get_visible (GTK_WIDGET (window)))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      basename = g_filename_display_basename (path);
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Saved “%s”"), basename);
      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked), window,
                               0);
      ks_window_add_toast (window, toast);
    }
  gtk_window_close (GTK_WINDOW (self));
}

void
ks_document_dialog_export_to_path (KsDocumentDialog *self,
                                   const char       *path)
{
  g_autoptr(GTask) task = NULL;
  KsDocument *document;

  g_return_if_fail (KS_IS_DOCUMENT_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->busy);

  /* It cannot be made: the preview says why. */
  document = ensure_document (self);
  if (document == NULL)
    return;

  set_busy (self, TRUE);
  task = g_task_new (self, NULL, on_written, NULL);
  if (get_main_window (self) != NULL)
    {
      KsWindow *window = get_main_window (self);
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));

      g_object_set_data_full (G_OBJECT (task), "window", g_object_ref (window), g_object_unref);
      /* The process stays until the file is complete, even when its windows close. */
      if (application != NULL)
        {
          g_application_hold (G_APPLICATION (application));
          g_object_set_data_full (G_OBJECT (task), "application", g_object_ref (application),
                                  release_application);
        }
    }
  g_task_set_source_tag (task, ks_document_dialog_export_to_path);
  /* A reference: a change of choice replaces the dialog's document, never changes it. */
  g_task_set_task_data (task, g_object_ref (document), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_run_in_thread (task, write_in_thread);
}

static void
on_pdf_chosen (KsWindow   *window,
               const char *path,
               gpointer    data)
{
  KsDocumentDialog *self = data;

  if (!self->busy && gtk_widget_get_realized (GTK_WIDGET (self)))
    ks_document_dialog_export_to_path (self, path);
}

/* A name for a file: no folder separators. */
static char *
file_name_from (const char *text)
{
  return g_strdelimit (g_strdup (text), G_DIR_SEPARATOR_S "\\", '-');
}

static char *
suggest_file_name (KsDocumentDialog *self)
{
  g_autofree char *name = NULL;

  if (self->account != NULL)
    {
      GDate today;
      g_autofree char *date = NULL;

      ks_store_get_today (self->store, &today);
      date = ks_plan_format_date (&today);
      /* Translators: the suggested file name of an account plan; the first %s is the
       * account's name, the second today's date (2026-11-27) */
      name = g_strdup_printf (_("Account Plan – %s – %s.pdf"),
                              ks_account_get_name (self->account), date);
    }
  else if (chosen_owner (self) != NULL)
    /* Translators: the suggested file name of one owner's quarterly review; the first %s
     * is a quarter (2026-Q3), the second the owner */
    name = g_strdup_printf (_("Quarterly Review %s – %s.pdf"), chosen_quarter (self),
                            chosen_owner (self));
  else
    /* Translators: the suggested file name of a quarterly review; %s is a quarter
     * (2026-Q3) */
    name = g_strdup_printf (_("Quarterly Review %s.pdf"), chosen_quarter (self));

  return file_name_from (name);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KsDocumentDialog *self = KS_DOCUMENT_DIALOG (widget);
  KsWindow *window = get_main_window (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (ensure_document (self) == NULL || window == NULL)
    return;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  name = suggest_file_name (self);
  ks_window_choose_file (window, GTK_WINDOW (self), _("Export PDF"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), filter, name,
                         on_pdf_chosen, g_object_ref (self), g_object_unref);
}

/* Print --------------------------------------------------------------------- */

static GtkPaperSize *
paper_size_for (double width,
                double height)
{
  if (fabs (width - KS_DOCUMENT_LETTER_WIDTH) < 1 && fabs (height - KS_DOCUMENT_LETTER_HEIGHT) < 1)
    return gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  if (fabs (width - KS_DOCUMENT_A4_WIDTH) < 1 && fabs (height - KS_DOCUMENT_A4_HEIGHT) < 1)
    return gtk_paper_size_new (GTK_PAPER_NAME_A4);
  /* Translators: the name of a paper size that is neither A4 nor Letter */
  return gtk_paper_size_new_custom ("keystone-document", _("Custom"), width, height,
                                    GTK_UNIT_POINTS);
}

/* The paper chosen in the print dialog may not be the document's: lay it out again. */
static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KsDocument        *document)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double document_width, document_height;

  ks_document_get_page_size (document, &document_width, &document_height);
  if (fabs (width - document_width) > 0.5 || fabs (height - document_height) > 0.5)
    ks_document_set_page_size (document, width, height);
  gtk_print_operation_set_n_pages (operation, (int) ks_document_get_n_pages (document));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              KsDocument        *document)
{
  ks_document_render_page (document, gtk_print_context_get_cairo_context (context),
                           (guint) page_nr);
}

/* A print operation of @document on its own paper, drawn in points over the whole page
 * (the document keeps its own margins), exactly as the PDF. */
static GtkPrintOperation *
new_print_operation (KsDocumentDialog *self,
                     KsDocument       *document)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *paper;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkPrintSettings *settings = app != NULL ? g_object_get_data (G_OBJECT (app),
                                                                PRINT_SETTINGS_KEY)
                                           : NULL;
  double width, height;

  ks_document_get_page_size (document, &width, &height);
  paper = paper_size_for (width, height);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_paper_size_free (paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, ks_document_get_title (document));
  g_object_set_data_full (G_OBJECT (operation), "title",
                          g_strdup (ks_document_get_title (document)), g_free);

  g_object_set_data_full (G_OBJECT (operation), "document", g_object_ref (document),
                          g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), document);
  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               KsDocumentDialog        *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkApplication *app;
  KsWindow *window;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        ks_widget_show_error (GTK_WIDGET (self), _("The Document Could Not Be Printed"), error);
      break;

    case GTK_PRINT_OPERATION_RESULT_APPLY:
      app = gtk_window_get_application (GTK_WINDOW (self));
      if (app != NULL)
        g_object_set_data_full (G_OBJECT (app), PRINT_SETTINGS_KEY,
                                g_object_ref (gtk_print_operation_get_print_settings (operation)),
                                g_object_unref);
      window = get_main_window (self);
      if (window != NULL)
        {
          /* Translators: %s is a document's title, “Account Plan: Name” */
          message = g_strdup_printf (_("“%s” sent to the printer"),
                                     (const char *) g_object_get_data (G_OBJECT (operation),
                                                                       "title"));
          ks_window_show_toast (window, message);
        }
      gtk_window_close (GTK_WINDOW (self));
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KsDocumentDialog *self = KS_DOCUMENT_DIALOG (widget);
  g_autoptr(KsDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  document = build_document (self, &error);
  if (document == NULL)
    {
      ks_widget_show_error (widget, _("The Document Could Not Be Printed"), error);
      return;
    }

  operation = new_print_operation (self, document);
  /* In a sandbox the print portal shows the dialog; ::done says how it ended. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), NULL);
}

gboolean
ks_document_dialog_print_to_path (KsDocumentDialog  *self,
                                  const char        *path,
                                  GError           **error)
{
  g_autoptr(KsDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (KS_IS_DOCUMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = build_document (self, error);
  if (document == NULL)
    return FALSE;

  operation = new_print_operation (self, document);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error)
         == GTK_PRINT_OPERATION_RESULT_APPLY;
}

/* GObject ------------------------------------------------------------------- */

static gboolean
ks_document_dialog_close_request (GtkWindow *window)
{
  /* A PDF being written is finished first. */
  if (KS_DOCUMENT_DIALOG (window)->busy)
    return TRUE;

  return GTK_WINDOW_CLASS (ks_document_dialog_parent_class)->close_request (window);
}

static void
ks_document_dialog_map (GtkWidget *widget)
{
  KsDocumentDialog *self = KS_DOCUMENT_DIALOG (widget);

  GTK_WIDGET_CLASS (ks_document_dialog_parent_class)->map (widget);

  /* The dialog is on screen first, its preview right after. */
  if (self->stale)
    schedule_refresh (self);
}

/* Made again when shown again. */
static void
ks_document_dialog_unmap (GtkWidget *widget)
{
  cancel_refresh (KS_DOCUMENT_DIALOG (widget));

  GTK_WIDGET_CLASS (ks_document_dialog_parent_class)->unmap (widget);
}

static void
ks_document_dialog_dispose (GObject *object)
{
  KsDocumentDialog *self = KS_DOCUMENT_DIALOG (object);

  self->disposed = TRUE;
  cancel_refresh (self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->first_page, cairo_surface_destroy);
  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_object (&self->quarters);
  g_clear_object (&self->owners);

  G_OBJECT_CLASS (ks_document_dialog_parent_class)->dispose (object);
}

static void
ks_document_dialog_class_init (KsDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ks_document_dialog_dispose;
  widget_class->map = ks_document_dialog_map;
  widget_class->unmap = ks_document_dialog_unmap;
  window_class->close_request = ks_document_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-document-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, preview_error);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, pages_label);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, sections_group);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, full_button);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, client_button);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, review_group);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, KsDocumentDialog, owner_row);

  gtk_widget_class_install_action (widget_class, "document.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "document.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "document.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "document.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ks_document_dialog_init (KsDocumentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stale = TRUE;
  /* Room for an A4 page from the start, the spinner in its middle. */
  gtk_drawing_area_set_content_width (self->preview, PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (self->preview,
                                       (int) ceil (PREVIEW_WIDTH * KS_DOCUMENT_A4_HEIGHT
                                                   / KS_DOCUMENT_A4_WIDTH));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor), NULL);

  g_signal_connect_object (self->full_button, "notify::active",
                           G_CALLBACK (on_preset_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client_button, "notify::active",
                           G_CALLBACK (on_preset_toggled), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ks_document_dialog_new_plan (KsStore   *store,
                             KsAccount *account)
{
  KsDocumentDialog *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_DOCUMENT_DIALOG,
                       /* Translators: the title of the dialog that exports or prints an
                        * account plan */
                       "title", _("Account Plan"),
                       NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);
  self->leave_out = KS_REPORT_SECTIONS_NONE;

  adw_window_title_set_title (self->window_title, _("Account Plan"));
  adw_window_title_set_subtitle (self->window_title, ks_account_get_name (account));
  add_section_rows (self);
  sync_presets (self);
  gtk_widget_set_visible (GTK_WIDGET (self->sections_group), TRUE);
  update_actions (self);

  return GTK_WIDGET (self);
}

GtkWidget *
ks_document_dialog_new_review (KsStore    *store,
                               const char *owner)
{
  KsDocumentDialog *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  self = g_object_new (KS_TYPE_DOCUMENT_DIALOG,
                       /* Translators: the title of the dialog that exports or prints a
                        * quarterly review */
                       "title", _("Quarterly Review"),
                       NULL);
  self->store = g_object_ref (store);

  adw_window_title_set_title (self->window_title, _("Quarterly Review"));
  fill_quarters (self);
  fill_owners (self, owner);
  update_review_subtitle (self);
  g_signal_connect_object (self->quarter_row, "notify::selected",
                           G_CALLBACK (on_review_choice), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "notify::selected",
                           G_CALLBACK (on_review_choice), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->review_group), TRUE);
  update_actions (self);

  return GTK_WIDGET (self);
}

void
ks_document_dialog_set_print_default (KsDocumentDialog *self,
                                      gboolean          print)
{
  GtkWidget *button;
  GtkWidget *other;

  g_return_if_fail (KS_IS_DOCUMENT_DIALOG (self));

  button = GTK_WIDGET (print ? self->print_button : self->export_button);
  other = GTK_WIDGET (print ? self->export_button : self->print_button);
  gtk_widget_remove_css_class (other, "suggested-action");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_window_set_default_widget (GTK_WINDOW (self), button);
  gtk_window_set_focus (GTK_WINDOW (self), button);
}

guint
ks_document_dialog_get_n_pages (KsDocumentDialog *self)
{
  g_return_val_if_fail (KS_IS_DOCUMENT_DIALOG (self), 0);

  return ensure_document (self) != NULL ? ks_document_get_n_pages (self->document) : 0;
}

gboolean
ks_document_dialog_get_busy (KsDocumentDialog *self)
{
  g_return_val_if_fail (KS_IS_DOCUMENT_DIALOG (self), FALSE);

  return self->busy;
}
