/* test-documents-window.c — the account plan and the quarterly review from the window:
 * the dialog's choices, the PDF it writes, the print operation, the paper preference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#if __has_include (<poppler.h>)
#include <poppler.h>
#define HAVE_POPPLER 1
#endif

#include "ks-account-page.h"
#include "ks-application.h"
#include "ks-document-dialog.h"
#include "ks-document.h"
#include "ks-preferences-window.h"
#include "ks-report-plan.h"
#include "ks-store.h"
#include "ks-test-ui.h"
#include "ks-window.h"

typedef struct
{
  char *dir;
  char *path;
  KsWindow *window;
  KsStore *store;
} Fixture;

static KsApplication *app;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = ks_test_ui_open_window (app, "documents", &f->dir, &f->path);
  f->store = ks_window_get_store (f->window);
  ks_test_ui_wait (100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-sample", NULL));
  ks_test_ui_wait (100);
  g_assert_cmpuint (ks_store_get_n_accounts (f->store), >=, 25);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ks_test_ui_close_all (&f->dir, &f->path);
}

/* The first sample account. */
static KsAccount *
first_account (Fixture *f)
{
  g_autoptr(KsAccount) account = g_list_model_get_item (ks_store_get_accounts (f->store), 0);

  return account;   /* the store keeps it */
}

static KsDocumentDialog *
find_dialog (void)
{
  GtkWindow *dialog = ks_test_ui_find_toplevel (KS_TYPE_DOCUMENT_DIALOG, NULL);

  g_assert_nonnull (dialog);
  return KS_DOCUMENT_DIALOG (dialog);
}

static GtkWidget *
find (GtkWidget  *root,
      const char *name)
{
  GtkWidget *widget = ks_test_ui_find_by_name (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
switch_on (KsDocumentDialog *dialog,
           KsReportSections  section)
{
  g_autofree char *name = g_strdup_printf ("section-%s", ks_report_section_get_key (section));

  return gtk_switch_get_active (GTK_SWITCH (find (GTK_WIDGET (dialog), name)));
}

/* The preview's height for a page 260 wide: the paper's shape. */
static int
preview_height (KsDocumentDialog *dialog)
{
  return gtk_drawing_area_get_content_height (GTK_DRAWING_AREA (find (GTK_WIDGET (dialog),
                                                                      "document-preview")));
}

static const char *
default_button (KsDocumentDialog *dialog)
{
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (dialog));

  g_assert_nonnull (button);
  return gtk_widget_get_name (button);
}

/* Export PDF… with the file chooser's answer: waits for the worker. */
static void
export_and_wait (KsDocumentDialog *dialog,
                 const char       *path)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  ks_document_dialog_export_to_path (dialog, path);
  g_assert_true (ks_document_dialog_get_busy (dialog));
  while (ks_document_dialog_get_busy (dialog) && g_get_monotonic_time () < deadline)
    ks_test_ui_wait (20);
  g_assert_false (ks_document_dialog_get_busy (dialog));
  ks_test_ui_wait (50);
}

#ifdef HAVE_POPPLER
typedef struct
{
  guint n_pages;
  GPtrArray *pages;   /* the text of each page */
  double width;       /* of the first page, points */
  double height;
} Pdf;

static void
pdf_clear (Pdf *pdf)
{
  g_clear_pointer (&pdf->pages, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

static void
read_pdf (const char *path,
          Pdf        *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  pdf->n_pages = (guint) poppler_document_get_n_pages (document);
  pdf->pages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, (int) i);

      g_ptr_array_add (pdf->pages, poppler_page_get_text (page));
      if (i == 0)
        poppler_page_get_size (page, &pdf->width, &pdf->height);
      g_object_unref (page);
    }
  g_object_unref (document);
}

static gboolean
pdf_has_text (const Pdf  *pdf,
              const char *text)
{
  for (guint i = 0; i < pdf->pages->len; i++)
    if (strstr (g_ptr_array_index (pdf->pages, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/* A section's heading: a line of its own in the text. */
static gboolean
pdf_has_line (const Pdf  *pdf,
              const char *line)
{
  for (guint i = 0; i < pdf->pages->len; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (pdf->pages, i), "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        if (g_str_equal (g_strstrip (lines[l]), line))
          return TRUE;
    }
  return FALSE;
}
#endif

/* Ctrl+E on an account's page: the plan's dialog; the client's copy leaves the internal
 * sections out of the PDF. */
static void
test_plan_client_copy (Fixture       *f,
                       gconstpointer  data)
{
  KsAccount *account = first_account (f);
  g_autoptr(KsDocumentDialog) dialog = NULL;
  g_autofree char *path = g_build_filename (f->dir, "client.pdf", NULL);
  g_autofree char *pages = NULL;
  g_autofree char *toast = NULL;
  g_auto(GStrv) export_accels = NULL;
  g_auto(GStrv) print_accels = NULL;
  guint n_pages, client_pages;

  /* Ctrl+E and Ctrl+P are what reaches win.export and win.print. */
  export_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.export");
  print_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");
  g_assert_true (g_strv_contains ((const char * const *) export_accels, "<Control>e"));
  g_assert_true (g_strv_contains ((const char * const *) print_accels, "<Control>p"));

  ks_window_show_account (f->window, account);
  ks_test_ui_wait (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  ks_test_ui_wait (300);
  dialog = g_object_ref (find_dialog ());
  g_assert_cmpstr (default_button (dialog), ==, "document-export-button");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Account Plan");
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (dialog), ks_account_get_name (account)));

  /* The preview: the first page, and how many there are. */
  g_assert_true (gtk_widget_get_mapped (find (GTK_WIDGET (dialog), "document-preview")));
  n_pages = ks_document_dialog_get_n_pages (dialog);
  g_assert_cmpuint (n_pages, >=, 2);
  pages = g_strdup_printf ("%u pages", n_pages);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (GTK_WIDGET (dialog), "document-pages"))),
                   ==, pages);

  /* Every section at first; the client's copy turns the internal ones off. */
  for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
    g_assert_true (switch_on (dialog, ks_report_section_nth (i)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (GTK_WIDGET (dialog),
                                                                        "preset-full"))));
  g_signal_emit_by_name (find (GTK_WIDGET (dialog), "preset-client"), "clicked");
  ks_test_ui_wait (200);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (GTK_WIDGET (dialog),
                                                                        "preset-client"))));
  g_assert_false (switch_on (dialog, KS_REPORT_SECTION_SWOT));
  g_assert_false (switch_on (dialog, KS_REPORT_SECTION_RISKS));
  g_assert_false (switch_on (dialog, KS_REPORT_SECTION_HEALTH));
  g_assert_true (switch_on (dialog, KS_REPORT_SECTION_PROFILE));
  g_assert_true (switch_on (dialog, KS_REPORT_SECTION_TARGETS));
  client_pages = ks_document_dialog_get_n_pages (dialog);
  g_assert_cmpuint (client_pages, <=, n_pages);

  export_and_wait (dialog, path);

  /* Saved: the dialog is gone, the window says so and offers to open the file. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  toast = g_strdup_printf ("Saved “%s”", "client.pdf");
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->window), toast));
  g_assert_nonnull (ks_test_ui_find_button (GTK_WIDGET (f->window), "Open"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

#ifdef HAVE_POPPLER
  {
    g_auto(Pdf) pdf = { 0 };

    read_pdf (path, &pdf);
    g_assert_cmpuint (pdf.n_pages, ==, client_pages);
    g_assert_true (pdf_has_text (&pdf, ks_account_get_name (account)));
    g_assert_true (pdf_has_line (&pdf, ks_report_section_get_label (KS_REPORT_SECTION_TARGETS)));
    g_assert_false (pdf_has_line (&pdf, ks_report_section_get_label (KS_REPORT_SECTION_SWOT)));
    g_assert_false (pdf_has_line (&pdf, ks_report_section_get_label (KS_REPORT_SECTION_RISKS)));
    g_assert_false (pdf_has_line (&pdf, ks_report_section_get_label (KS_REPORT_SECTION_HEALTH)));
  }
#endif
}

/* The account menu's Export Account Plan…: every section, SWOT included; a section
 * turned off by hand is neither preset, and with none left there is nothing to export. */
static void
test_plan_full_and_custom (Fixture       *f,
                           gconstpointer  data)
{
  KsAccount *account = first_account (f);
  KsAccountPage *page;
  g_autoptr(KsDocumentDialog) dialog = NULL;
  g_autofree char *path = g_build_filename (f->dir, "full.pdf", NULL);
  GtkWidget *full, *client;

  page = ks_window_show_account (f->window, account);
  ks_test_ui_wait (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "account.export-plan", NULL));
  ks_test_ui_wait (300);
  dialog = g_object_ref (find_dialog ());
  full = find (GTK_WIDGET (dialog), "preset-full");
  client = find (GTK_WIDGET (dialog), "preset-client");

  /* One section off: a choice of one's own. */
  gtk_switch_set_active (GTK_SWITCH (find (GTK_WIDGET (dialog), "section-contracts")), FALSE);
  ks_test_ui_wait (200);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (full)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (client)));

  /* None at all: Export and Print cannot be pressed. */
  for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
    {
      KsReportSections section = ks_report_section_nth (i);
      g_autofree char *name = g_strdup_printf ("section-%s",
                                               ks_report_section_get_key (section));

      gtk_switch_set_active (GTK_SWITCH (find (GTK_WIDGET (dialog), name)), FALSE);
    }
  ks_test_ui_wait (200);
  g_assert_false (gtk_widget_is_sensitive (find (GTK_WIDGET (dialog), "document-export-button")));
  g_assert_false (gtk_widget_is_sensitive (find (GTK_WIDGET (dialog), "document-print-button")));

  /* Full Plan puts every one back. */
  g_signal_emit_by_name (full, "clicked");
  ks_test_ui_wait (200);
  for (guint i = 0; i < KS_REPORT_N_SECTIONS; i++)
    g_assert_true (switch_on (dialog, ks_report_section_nth (i)));
  g_assert_true (gtk_widget_is_sensitive (find (GTK_WIDGET (dialog), "document-export-button")));

  export_and_wait (dialog, path);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

#ifdef HAVE_POPPLER
  {
    g_auto(Pdf) pdf = { 0 };

    read_pdf (path, &pdf);
    g_assert_true (pdf_has_text (&pdf, ks_account_get_name (account)));
    g_assert_true (pdf_has_line (&pdf, ks_report_section_get_label (KS_REPORT_SECTION_SWOT)));
    g_assert_true (pdf_has_line (&pdf, ks_report_section_get_label (KS_REPORT_SECTION_RISKS)));
    g_assert_true (pdf_has_line (&pdf,
                                 ks_report_section_get_label (KS_REPORT_SECTION_CONTRACTS)));
  }
#endif
}

/* Export Quarterly Review… from the primary menu: a quarter and an owner, both in the
 * PDF. */
static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KsDocumentDialog) dialog = NULL;
  g_autofree char *path = g_build_filename (f->dir, "review.pdf", NULL);
  g_autofree char *current = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *subtitle = NULL;
  AdwComboRow *quarters, *owners;
  GListModel *model;
  const char *owner;
  GDate today;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-review", NULL));
  ks_test_ui_wait (300);
  dialog = g_object_ref (find_dialog ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Quarterly Review");
  g_assert_cmpstr (default_button (dialog), ==, "document-export-button");

  /* The current quarter first, then the seven before it. */
  ks_store_get_today (f->store, &today);
  {
    g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (&today),
                                                       g_date_get_month (&today),
                                                       g_date_get_day (&today), 12, 0, 0);

    current = ks_quarter_for_date (noon);
  }
  previous = ks_quarter_previous (current);
  quarters = ADW_COMBO_ROW (find (GTK_WIDGET (dialog), "review-quarter"));
  model = adw_combo_row_get_model (quarters);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, current);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, previous);
  g_assert_cmpuint (adw_combo_row_get_selected (quarters), ==, 0);

  /* The whole portfolio first, then every member. */
  owners = ADW_COMBO_ROW (find (GTK_WIDGET (dialog), "review-owner"));
  model = adw_combo_row_get_model (owners);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==,
                   "Whole Portfolio");
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (owners), ==, 0);

  adw_combo_row_set_selected (quarters, 1);
  adw_combo_row_set_selected (owners, 1);
  owner = gtk_string_list_get_string (GTK_STRING_LIST (model), 1);
  ks_test_ui_wait (300);
  subtitle = g_strdup_printf ("%s · %s", previous, owner);
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (dialog), subtitle));
  g_assert_cmpuint (ks_document_dialog_get_n_pages (dialog), >=, 1);

  export_and_wait (dialog, path);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (ks_test_ui_has_text (GTK_WIDGET (f->window), "Saved “review.pdf”"));

#ifdef HAVE_POPPLER
  {
    g_auto(Pdf) pdf = { 0 };

    read_pdf (path, &pdf);
    g_assert_true (pdf_has_text (&pdf, previous));
    g_assert_true (pdf_has_text (&pdf, owner));
    g_assert_false (pdf_has_text (&pdf, current));
  }
#endif
}

/* Ctrl+P on a team member's page: the review of their accounts. */
static void
test_member_review (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = ks_store_dup_members (f->store, &error);
  g_autoptr(KsDocumentDialog) dialog = NULL;
  const KsMember *member;
  AdwComboRow *owners;
  GListModel *model;

  g_assert_no_error (error);
  g_assert_cmpuint (members->len, >=, 2);
  member = g_ptr_array_index (members, members->len - 1);
  ks_window_show_member (f->window, member->id);
  ks_test_ui_wait (100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  ks_test_ui_wait (300);
  dialog = g_object_ref (find_dialog ());
  g_assert_cmpstr (default_button (dialog), ==, "document-print-button");
  owners = ADW_COMBO_ROW (find (GTK_WIDGET (dialog), "review-owner"));
  model = adw_combo_row_get_model (owners);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model),
                                               adw_combo_row_get_selected (owners)),
                   ==, member->name);
  g_assert_cmpuint (ks_document_dialog_get_n_pages (dialog), >=, 1);
}

/* Ctrl+P: the dialog on Print; its print operation, exported to a PDF, has the pages of
 * the document and the same text on each as Export PDF… writes. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KsDocumentDialog) dialog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "exported.pdf", NULL);
  g_autofree char *review = g_build_filename (f->dir, "review-printed.pdf", NULL);
  guint n_pages;

  /* From the views: the review. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  ks_test_ui_wait (300);
  dialog = g_object_ref (find_dialog ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Quarterly Review");
  g_assert_cmpstr (default_button (dialog), ==, "document-print-button");
  g_assert_true (ks_document_dialog_print_to_path (dialog, review, &error));
  g_assert_no_error (error);
#ifdef HAVE_POPPLER
  {
    g_auto(Pdf) pdf = { 0 };

    read_pdf (review, &pdf);
    g_assert_cmpuint (pdf.n_pages, ==, ks_document_dialog_get_n_pages (dialog));
  }
#endif
  gtk_window_close (GTK_WINDOW (dialog));
  ks_test_ui_wait (50);
  g_clear_object (&dialog);

  /* On an account's page: its plan. */
  ks_window_show_account (f->window, first_account (f));
  ks_test_ui_wait (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  ks_test_ui_wait (300);
  dialog = g_object_ref (find_dialog ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Account Plan");
  g_assert_cmpstr (default_button (dialog), ==, "document-print-button");
  n_pages = ks_document_dialog_get_n_pages (dialog);

  g_assert_true (ks_document_dialog_print_to_path (dialog, printed, &error));
  g_assert_no_error (error);
  /* Printing leaves the dialog as it was. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  export_and_wait (dialog, exported);

#ifdef HAVE_POPPLER
  {
    g_auto(Pdf) print_pdf = { 0 };
    g_auto(Pdf) export_pdf = { 0 };

    read_pdf (printed, &print_pdf);
    read_pdf (exported, &export_pdf);
    g_assert_cmpuint (print_pdf.n_pages, ==, n_pages);
    g_assert_cmpuint (export_pdf.n_pages, ==, n_pages);
    g_assert_cmpfloat_with_epsilon (print_pdf.width, export_pdf.width, 0.5);
    g_assert_cmpfloat_with_epsilon (print_pdf.height, export_pdf.height, 0.5);
    for (guint i = 0; i < n_pages; i++)
      g_assert_cmpstr (g_ptr_array_index (print_pdf.pages, i), ==,
                       g_ptr_array_index (export_pdf.pages, i));
  }
#endif
}

#ifdef HAVE_POPPLER
/* The plan's PDF and printout after choosing @position in Preferences' paper row. */
static void
check_paper (Fixture    *f,
             guint       position,
             KsPaperSize paper,
             double      width,
             double      height)
{
  g_autoptr(KsDocumentDialog) dialog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("paper-%u.pdf", position);
  g_autofree char *print_name = g_strdup_printf ("paper-%u-printed.pdf", position);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *printed = g_build_filename (f->dir, print_name, NULL);
  g_auto(Pdf) pdf = { 0 };
  g_auto(Pdf) print_pdf = { 0 };
  GtkWindow *prefs;

  ks_window_show_preferences (f->window);
  ks_test_ui_wait (100);
  prefs = ks_test_ui_find_toplevel (KS_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (prefs);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (prefs), "paper-size-row")),
                              position);
  ks_test_ui_wait (50);
  g_assert_cmpint (ks_store_get_paper_size (f->store), ==, paper);
  gtk_window_close (prefs);
  ks_test_ui_wait (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-plan", "x",
                                             ks_account_get_id (first_account (f))));
  ks_test_ui_wait (300);
  dialog = g_object_ref (find_dialog ());
  /* The preview has the paper's shape. */
  g_assert_cmpint (preview_height (dialog), ==, (int) ceil (260 * height / width));
  g_assert_true (ks_document_dialog_print_to_path (dialog, printed, &error));
  g_assert_no_error (error);
  export_and_wait (dialog, path);

  read_pdf (path, &pdf);
  read_pdf (printed, &print_pdf);
  g_assert_cmpfloat_with_epsilon (pdf.width, width, 1);
  g_assert_cmpfloat_with_epsilon (pdf.height, height, 1);
  g_assert_cmpfloat_with_epsilon (print_pdf.width, width, 1);
  g_assert_cmpfloat_with_epsilon (print_pdf.height, height, 1);
  g_assert_cmpuint (print_pdf.n_pages, ==, pdf.n_pages);
}
#endif

/* Preferences' paper size: Letter and A4 pages, in the PDF and in the printout. */
static void
test_paper (Fixture       *f,
            gconstpointer  data)
{
#ifdef HAVE_POPPLER
  check_paper (f, 2, KS_PAPER_LETTER, 612, 792);
  check_paper (f, 1, KS_PAPER_A4, 595.3, 841.9);
  check_paper (f, 2, KS_PAPER_LETTER, 612, 792);
#else
  g_test_skip ("poppler-glib is needed to read the PDF");
#endif
}

/* A PDF that cannot be written: the dialog stays, says why, and nothing is left. */
static void
test_export_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KsDocumentDialog) dialog = NULL;
  g_autofree char *path = g_build_filename (f->dir, "missing", "plan.pdf", NULL);
  GtkWindow *message;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-plan", "x",
                                             ks_account_get_id (first_account (f))));
  ks_test_ui_wait (300);
  dialog = g_object_ref (find_dialog ());

  export_and_wait (dialog, path);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  message = ks_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "The PDF Could Not Be Saved");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_is_sensitive (find (GTK_WIDGET (dialog), "document-export-button")));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ks_test_ui_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  app = ks_test_ui_app_new ();

#define ADD(path, func) \
  g_test_add ("/keystone/documents/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("plan-client-copy", test_plan_client_copy);
  ADD ("plan-full-and-custom", test_plan_full_and_custom);
  ADD ("review", test_review);
  ADD ("member-review", test_member_review);
  ADD ("print", test_print);
  ADD ("paper", test_paper);
  ADD ("export-error", test_export_error);

  status = g_test_run ();
  ks_test_ui_app_free (&app);
  return status;
}
