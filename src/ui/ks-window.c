/* ks-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-account-editor.h"
#include "ks-account-page.h"
#include "ks-complaints-view.h"
#include "ks-contracts-view.h"
#include "ks-document-dialog.h"
#include "ks-error.h"
#include "ks-import-dialog.h"
#include "ks-member-page.h"
#include "ks-lazy-bin.h"
#include "ks-portfolio-view.h"
#include "ks-preferences-window.h"
#include "ks-quadrant-page.h"
#include "ks-team-view.h"
#include "ks-widgets.h"
#include "ks-window.h"

struct _KsWindow
{
  AdwApplicationWindow parent_instance;

  KsStore *store;
  GSettings *settings;
  AdwToast *current_toast;   /* weak */
  guint backup_timeout;
  guint summaries_timeout;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwViewStack *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;   /* given the stack when it first shows */
  GtkMenuButton *menu_button;         /* given its menu when it first opens */
  GMenuModel *primary_menu;
  KsPortfolioView *portfolio_view;
  KsLazyBin *quadrant_bin;
  KsLazyBin *complaints_bin;
  KsLazyBin *team_bin;
  KsLazyBin *contracts_bin;
  GtkToggleButton *search_button;
  GtkButton *add_button;

  KsAccountPage *account_page;   /* the account shown, or NULL */
  KsMemberPage *member_page;     /* the team member shown, or NULL */
  /* built when their page is first shown, NULL before */
  KsQuadrantPage *quadrant_page;
  KsComplaintsView *complaints_view;
  KsTeamView *team_view;
  KsContractsView *contracts_view;
};

G_DEFINE_FINAL_TYPE (KsWindow, ks_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A new toast replaces the one on screen at once instead of queueing behind it:
 * an Undo that appears four seconds late is no Undo. */
static void
add_toast (KsWindow *self,
           AdwToast *toast)
{
  if (self->current_toast != NULL)
    adw_toast_dismiss (self->current_toast);
  g_set_weak_pointer (&self->current_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
ks_window_add_toast (KsWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  add_toast (self, toast);
}

void
ks_window_show_toast (KsWindow   *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (KS_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 4);
  add_toast (self, toast);
}

void
ks_window_show_error (KsWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (KS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Dialogs belong to the application too, so its shortcuts work in them and Quit
 * closes them properly. */
static void
present_child (KsWindow  *self,
               GtkWindow *child)
{
  gtk_window_set_transient_for (child, GTK_WINDOW (self));
  gtk_window_set_modal (child, TRUE);
  gtk_window_set_destroy_with_parent (child, TRUE);
  gtk_window_set_application (child, gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (child);
}

GtkWindow *
ks_window_edit_account (KsWindow  *self,
                        KsAccount *account)
{
  GtkWindow *editor;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  editor = GTK_WINDOW (ks_account_editor_new (self->store, account));
  present_child (self, editor);
  return editor;
}

static gboolean
remove_page_idle (gpointer data)
{
  GtkWidget *page = data;
  GtkWidget *stack = gtk_widget_get_parent (page);

  if (GTK_IS_STACK (stack))
    gtk_stack_remove (GTK_STACK (stack), page);
  return G_SOURCE_REMOVE;
}

/* Takes a page (*@slot: the account page or the member page) down once the views are
 * drawn: a page with a few hundred rows takes a while to go, and a hidden one left in
 * the stack would slow down the next. */
static void
drop_page (KsWindow *self,
           gpointer  slot)
{
  GtkWidget **page = slot;

  if (*page == NULL)
    return;
  if (gtk_stack_get_visible_child (self->main_stack) == *page)
    gtk_stack_set_visible_child_name (self->main_stack, "views");
  g_idle_add_full (G_PRIORITY_LOW, remove_page_idle, g_object_ref (*page), g_object_unref);
  *page = NULL;
}

static void
drop_account_page (KsWindow *self)
{
  drop_page (self, &self->account_page);
}

/* Puts @page in the stack in place of the views (or the other page). */
static void
show_page (KsWindow  *self,
           GtkWidget *page)
{
  gtk_stack_add_child (self->main_stack, page);
  gtk_stack_set_visible_child (self->main_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", TRUE);
}

KsAccountPage *
ks_window_show_account (KsWindow  *self,
                        KsAccount *account)
{
  GtkWidget *page;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  if (self->account_page != NULL && ks_account_page_get_account (self->account_page) == account)
    {
      gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->account_page));
      return self->account_page;
    }

  page = ks_account_page_new (self->store, account);
  show_page (self, page);
  drop_account_page (self);
  drop_page (self, &self->member_page);
  self->account_page = KS_ACCOUNT_PAGE (page);
  return self->account_page;
}

KsMemberPage *
ks_window_show_member (KsWindow *self,
                       gint64    member_id)
{
  GtkWidget *page;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  if (self->member_page != NULL
      && ks_member_page_get_member_id (self->member_page) == member_id)
    {
      gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->member_page));
      return self->member_page;
    }

  page = ks_member_page_new (self->store, member_id);
  show_page (self, page);
  drop_page (self, &self->member_page);
  drop_account_page (self);
  self->member_page = KS_MEMBER_PAGE (page);
  return self->member_page;
}

KsMemberPage *
ks_window_get_member_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  if (self->member_page == NULL
      || gtk_stack_get_visible_child (self->main_stack) != GTK_WIDGET (self->member_page))
    return NULL;
  return self->member_page;
}

void
ks_window_show_views (KsWindow *self)
{
  g_return_if_fail (KS_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->main_stack, "views");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", FALSE);
  drop_account_page (self);
  drop_page (self, &self->member_page);
}

KsAccountPage *
ks_window_get_account_page (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  if (self->account_page == NULL
      || gtk_stack_get_visible_child (self->main_stack) != GTK_WIDGET (self->account_page))
    return NULL;
  return self->account_page;
}

static void
on_undo_delete (AdwToast *toast,
                KsWindow *self)
{
  KsAccount *account = g_object_get_data (G_OBJECT (toast), "account");
  KsAccountPlan *plan = g_object_get_data (G_OBJECT (toast), "plan");
  g_autoptr(GError) error = NULL;

  if (!ks_store_restore_account_with_plan (self->store, account, plan, &error))
    ks_window_show_error (self, _("The Account Could Not Be Restored"), error);
}

static void
delete_now (KsWindow  *self,
            KsAccount *account)
{
  g_autoptr(KsAccount) keep = g_object_ref (account);
  g_autoptr(KsAccountPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!ks_store_delete_account_with_plan (self->store, keep, &plan, &error))
    {
      ks_window_show_error (self, _("The Account Could Not Be Deleted"), error);
      return;
    }

  if (self->account_page != NULL && ks_account_page_get_account (self->account_page) == keep)
    ks_window_show_views (self);

  /* Translators: %s is an account name */
  title = g_strdup_printf (_("“%s” deleted"), ks_account_get_name (keep));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "account",
                          g_steal_pointer (&keep), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "plan",
                          g_steal_pointer (&plan), (GDestroyNotify) ks_account_plan_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  add_toast (self, toast);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KsWindow         *self)
{
  KsAccount *account = g_object_get_data (G_OBJECT (dialog), "account");

  if (g_str_equal (response, "delete"))
    delete_now (self, account);
}

void
ks_window_delete_account (KsWindow  *self,
                          KsAccount *account)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  g_return_if_fail (KS_IS_WINDOW (self));
  g_return_if_fail (KS_IS_ACCOUNT (account));

  if (!ks_store_account_has_plan (self->store, ks_account_get_id (account)))
    {
      delete_now (self, account);
      return;
    }

  /* Translators: %s is an account name */
  heading = g_strdup_printf (_("Delete “%s” and Its Plan?"), ks_account_get_name (account));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Its targets, actions, opportunities, SWOT, risks, "
                                     "contacts, interactions, surveys and complaints are "
                                     "deleted with it. Undo brings everything back for a "
                                     "few seconds afterwards."));
  gtk_widget_set_name (dialog, "delete-account-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ks_window_show_preferences (KsWindow *self)
{
  GtkWindow *prefs;

  g_return_if_fail (KS_IS_WINDOW (self));

  prefs = GTK_WINDOW (ks_preferences_window_new (self->store));
  present_child (self, prefs);
}

/* Import ------------------------------------------------------------------ */

GtkWindow *
ks_window_import_file (KsWindow   *self,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  KsImport *import;
  GtkWindow *dialog;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  import = ks_import_open (path, NULL, &error);
  if (import == NULL)
    {
      ks_window_show_error (self, _("The File Cannot Be Imported"), error);
      return NULL;
    }

  dialog = GTK_WINDOW (ks_import_dialog_new (self->store, import, path));
  present_child (self, dialog);
  return dialog;
}

/* The file chooser every import and export goes through (the portal in Flatpak), and
 * what to do with its answer. */
typedef struct
{
  KsWindow *self;
  KsWindowFileChosen chosen;
  gpointer data;
  GDestroyNotify destroy;
} Choice;

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        choice->chosen (choice->self, path, choice->data);
    }

  if (choice->destroy != NULL)
    choice->destroy (choice->data);
  g_object_unref (choice->self);
  g_free (choice);
  g_object_unref (chooser);
}

void
ks_window_choose_file (KsWindow             *self,
                       GtkWindow            *parent,
                       const char           *title,
                       GtkFileChooserAction  action,
                       const char           *accept_label,
                       GtkFileFilter        *filter,
                       const char           *suggested_name,
                       KsWindowFileChosen    chosen,
                       gpointer              data,
                       GDestroyNotify        destroy)
{
  GtkFileChooserNative *chooser;
  Choice *choice;

  g_return_if_fail (KS_IS_WINDOW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (chosen != NULL);

  choice = g_new0 (Choice, 1);
  choice->self = g_object_ref (self);
  choice->chosen = chosen;
  choice->data = data;
  choice->destroy = destroy;

  chooser = gtk_file_chooser_native_new (title, parent != NULL ? parent : GTK_WINDOW (self),
                                         action, accept_label, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_chosen (KsWindow   *self,
               const char *path,
               gpointer    data)
{
  ks_window_import_file (self, path);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  return filter;
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  ks_window_choose_file (KS_WINDOW (widget), NULL, _("Import Accounts"),
                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), filter, NULL,
                         import_chosen, NULL, NULL);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         KsWindow      *self)
{
  GSList *files;
  g_autofree char *path = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  path = g_file_get_path (files->data);
  if (path == NULL)
    return FALSE;
  return ks_window_import_file (self, path) != NULL;
}

/* Export ------------------------------------------------------------------ */

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GListModel *accounts = g_object_get_data (G_OBJECT (task), "accounts");
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (!ks_export_csv (accounts, path, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, g_list_model_get_n_items (accounts));
}

static void
on_export_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  KsWindow *self = KS_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (g_object_get_data (G_OBJECT (res), "path"));
  g_autofree char *message = NULL;
  gssize n = g_task_propagate_int (G_TASK (res), &error);

  if (n < 0)
    {
      ks_window_show_error (self, _("The Portfolio Could Not Be Exported"), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Exported %u account to “%s”",
                                          "Exported %u accounts to “%s”", (guint) n),
                             (guint) n, basename);
  ks_window_show_toast (self, message);
}

void
ks_window_export_csv (KsWindow   *self,
                      const char *path)
{
  GListModel *shown;
  GListStore *snapshot;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  /* What the list shows, filtered and in its order, copied so that edits made while
   * the file is written cannot reach the worker. */
  shown = ks_portfolio_view_get_visible_accounts (self->portfolio_view);
  snapshot = g_list_store_new (KS_TYPE_ACCOUNT);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (shown, i);
      g_autoptr(KsAccount) copy = ks_account_copy (account);

      g_list_store_append (snapshot, copy);
    }

  task = g_task_new (self, NULL, on_export_done, NULL);
  g_task_set_source_tag (task, ks_window_export_csv);
  g_object_set_data_full (G_OBJECT (task), "accounts", snapshot, g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_run_in_thread (task, export_in_thread);
}

static void
export_chosen (KsWindow   *self,
               const char *path,
               gpointer    data)
{
  ks_window_export_csv (self, path);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested file name of an export; %s is today’s date */
  g_autofree char *name = g_strdup_printf (_("portfolio-%s.csv"), date);

  ks_window_choose_file (KS_WINDOW (widget), NULL, _("Export Portfolio"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), filter, name,
                         export_chosen, NULL, NULL);
}

/* Chart export ------------------------------------------------------------ */

static const struct
{
  const char *extension;
  const char *mime_type;
} chart_formats[] = {
  [KS_CHART_FORMAT_PNG] = { "png", "image/png" },
  [KS_CHART_FORMAT_SVG] = { "svg", "image/svg+xml" },
  [KS_CHART_FORMAT_PDF] = { "pdf", "application/pdf" },
};

typedef struct
{
  KsChartFormat format;
  int width;
  int height;
} ChartExport;

static void
chart_chosen (KsWindow   *self,
              const char *path,
              gpointer    data)
{
  ChartExport *options = data;
  g_autoptr(GError) error = NULL;

  if (!ks_window_export_chart (self, options->format, path, options->width, options->height,
                               &error))
    ks_window_show_error (self, _("The Chart Could Not Be Exported"), error);
}

gboolean
ks_window_export_chart (KsWindow      *self,
                        KsChartFormat  format,
                        const char    *path,
                        int            width,
                        int            height,
                        GError       **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (KS_IS_WINDOW (self), FALSE);

  /* The chart is built now if its page was never shown. */
  ks_lazy_bin_build (self->quadrant_bin);
  if (!ks_quadrant_view_export_file (ks_quadrant_page_get_view (self->quadrant_page),
                                     format, path, width, height, error))
    return FALSE;

  basename = g_path_get_basename (path);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Chart exported to “%s”"), basename);
  ks_window_show_toast (self, message);
  return TRUE;
}

static void
on_chart_options (AdwMessageDialog *dialog,
                  const char       *response,
                  KsWindow         *self)
{
  ChartExport *options;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "export") != 0)
    return;

  options = g_new0 (ChartExport, 1);
  options->format = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (dialog), "format"));
  options->width = ks_spin_button_read (g_object_get_data (G_OBJECT (dialog), "width"));
  options->height = ks_spin_button_read (g_object_get_data (G_OBJECT (dialog), "height"));

  /* Translators: the suggested file name of a chart; %s is today’s date */
  name = g_strdup_printf (_("quadrant-chart-%s.%s"), date,
                          chart_formats[options->format].extension);
  gtk_file_filter_add_mime_type (filter, chart_formats[options->format].mime_type);
  gtk_file_filter_set_name (filter, chart_formats[options->format].extension);

  ks_window_choose_file (self, NULL, _("Export Chart"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Export"), filter, name, chart_chosen, options, g_free);
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  return box;
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);
  static const char * const formats[] = { "PNG", "SVG", "PDF", NULL };
  GtkWidget *dialog, *box, *format, *width, *height;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Chart"),
                                   _("PNG for slides and chat, SVG and PDF stay sharp at any "
                                     "size."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  format = gtk_drop_down_new_from_strings (formats);
  width = gtk_spin_button_new_with_range (KS_CHART_EXPORT_MIN_SIZE, KS_CHART_EXPORT_MAX_SIZE, 10);
  height = gtk_spin_button_new_with_range (KS_CHART_EXPORT_MIN_SIZE, KS_CHART_EXPORT_MAX_SIZE,
                                           10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 1600);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (height), 1000);
  gtk_box_append (GTK_BOX (box), labelled (_("Format"), format));
  gtk_box_append (GTK_BOX (box), labelled (_("Width in pixels"), width));
  gtk_box_append (GTK_BOX (box), labelled (_("Height in pixels"), height));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "format", format);
  g_object_set_data (G_OBJECT (dialog), "width", width);
  g_object_set_data (G_OBJECT (dialog), "height", height);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_chart_options), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+E exports what is on screen: an account's plan on its page, the list as CSV,
 * the chart as an image. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);
  KsAccountPage *page = ks_window_get_account_page (self);

  if (page != NULL)
    ks_window_prepare_plan (self, ks_account_page_get_account (page), FALSE);
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "quadrant") == 0)
    export_chart_action (widget, "win.export-chart", NULL);
  else
    export_csv_action (widget, "win.export-csv", NULL);
}

/* Documents ---------------------------------------------------------------- */

GtkWindow *
ks_window_prepare_plan (KsWindow  *self,
                        KsAccount *account,
                        gboolean   print)
{
  GtkWidget *dialog;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  dialog = ks_document_dialog_new_plan (self->store, account);
  ks_document_dialog_set_print_default (KS_DOCUMENT_DIALOG (dialog), print);
  present_child (self, GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
ks_window_prepare_review (KsWindow   *self,
                          const char *owner,
                          gboolean    print)
{
  GtkWidget *dialog;

  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);

  dialog = ks_document_dialog_new_review (self->store, owner);
  ks_document_dialog_set_print_default (KS_DOCUMENT_DIALOG (dialog), print);
  present_child (self, GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* The name of the team member whose page is on screen, or NULL. */
static char *
dup_shown_member_name (KsWindow *self)
{
  KsMemberPage *page = ks_window_get_member_page (self);
  KsMember *member;
  char *name;

  if (page == NULL)
    return NULL;
  member = ks_store_dup_member (self->store, ks_member_page_get_member_id (page), NULL);
  if (member == NULL)
    return NULL;
  name = g_strdup (member->name);
  ks_member_free (member);
  return name;
}

/* Ctrl+P prints what is on screen: an account's plan on its page, a member's quarterly
 * review on theirs, else the portfolio's. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);
  KsAccountPage *page = ks_window_get_account_page (self);
  g_autofree char *member = NULL;

  if (page != NULL)
    {
      ks_window_prepare_plan (self, ks_account_page_get_account (page), TRUE);
      return;
    }
  member = dup_shown_member_name (self);
  ks_window_prepare_review (self, member, TRUE);
}

static void
export_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);
  g_autofree char *member = dup_shown_member_name (self);

  ks_window_prepare_review (self, member, FALSE);
}

/* win.export-plan and win.print-plan take an account id. */
static void
plan_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);
  KsAccount *account = ks_store_lookup_account (self->store, g_variant_get_int64 (param));

  if (account != NULL)
    ks_window_prepare_plan (self, account, g_str_equal (action_name, "win.print-plan"));
}

/* Quarterly snapshots ------------------------------------------------------ */

static void take_snapshot (KsWindow   *self,
                           const char *quarter,
                           gboolean    replace);

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     KsWindow         *self)
{
  if (g_strcmp0 (response, "replace") == 0)
    take_snapshot (self, g_object_get_data (G_OBJECT (dialog), "quarter"), TRUE);
}

static void
ask_replace (KsWindow   *self,
             const char *quarter)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a quarter, like 2026-Q3 */
  heading = g_strdup_printf (_("Replace the snapshot of %s?"), quarter);
  /* Translators: %s is a quarter, like 2026-Q3 */
  body = g_strdup_printf (_("The scores stored for %s will be overwritten with today’s."),
                          quarter);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "quarter", g_strdup (quarter), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
take_snapshot (KsWindow   *self,
               const char *quarter,
               gboolean    replace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *message = NULL;
  guint n = ks_store_get_n_accounts (self->store);
  int year = 0, q = 1;

  if (!ks_quarter_parse (quarter, &year, &q, &error)
      || !ks_store_take_snapshot (self->store, quarter, replace, &error))
    {
      if (g_error_matches (error, KS_ERROR, KS_ERROR_DUPLICATE) && !replace)
        {
          normalized = ks_quarter_format (year, q);
          ask_replace (self, normalized);
        }
      else
        ks_window_show_error (self, _("The Snapshot Could Not Be Taken"), error);
      return;
    }

  normalized = ks_quarter_format (year, q);
  /* Translators: %s is a quarter, like 2026-Q3; %u how many accounts it stored */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Snapshot of %s taken: %u account",
                                          "Snapshot of %s taken: %u accounts", n),
                             normalized, n);
  ks_window_show_toast (self, message);
}

static void
on_snapshot_quarter_changed (GtkEditable      *entry,
                             AdwMessageDialog *dialog)
{
  gboolean ok = ks_quarter_parse (gtk_editable_get_text (entry), NULL, NULL, NULL);

  adw_message_dialog_set_response_enabled (dialog, "take", ok);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
on_snapshot_response (AdwMessageDialog *dialog,
                      const char       *response,
                      KsWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "take") == 0)
    take_snapshot (self, gtk_editable_get_text (entry), FALSE);
}

static void
take_snapshot_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *quarter = ks_quarter_for_date (now);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Take Quarterly Snapshot"),
                                   _("Stores every account’s scores for the quarter, so that "
                                     "the chart can later show how the accounts moved."));
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "snapshot-quarter");
  gtk_editable_set_text (GTK_EDITABLE (entry), quarter);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  /* Translators: the placeholder of the quarter entry; keep the form as it is */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("2026-Q3"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      labelled (_("Quarter"), entry));
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "take", _("_Take Snapshot"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "take",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "take");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_snapshot_quarter_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_snapshot_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A click on a quadrant's title lists its accounts. */
static void
show_quadrant_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);

  ks_portfolio_view_set_quadrant_filter (self->portfolio_view, g_variant_get_int32 (param));
  ks_window_show_views (self);
  adw_view_stack_set_visible_child_name (self->stack, "portfolio");
}

/* Whether the views are on screen, not an account's or a member's page. */
static gboolean
showing_views (KsWindow *self)
{
  return gtk_stack_get_visible_child (self->main_stack)
         == gtk_stack_get_child_by_name (self->main_stack, "views");
}

/* What Ctrl+N and the header bar's + add: what the view on screen lists, a team member
 * or a contract; an account anywhere else, and on Contracts while there is no account
 * for a contract to be with. */
typedef enum {
  ADD_ACCOUNT,
  ADD_MEMBER,
  ADD_CONTRACT,
} AddKind;

static AddKind
get_add_kind (KsWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->stack);

  if (!showing_views (self))
    return ADD_ACCOUNT;
  if (g_strcmp0 (view, "team") == 0)
    return ADD_MEMBER;
  if (g_strcmp0 (view, "contracts") == 0 && ks_store_get_n_accounts (self->store) > 0)
    return ADD_CONTRACT;
  return ADD_ACCOUNT;
}

/* The + button says what it adds. */
static void
update_add_button (KsWindow *self)
{
  const char *label, *tooltip;

  switch (get_add_kind (self))
    {
    case ADD_MEMBER:
      label = _("Add Team Member");
      tooltip = _("Add Team Member (Ctrl+N)");
      break;
    case ADD_CONTRACT:
      label = _("Add Contract");
      tooltip = _("Add Contract (Ctrl+N)");
      break;
    case ADD_ACCOUNT:
    default:
      label = _("Add Account");
      tooltip = _("Add Account (Ctrl+N)");
      break;
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);

  switch (get_add_kind (self))
    {
    case ADD_MEMBER:
      gtk_widget_activate_action (GTK_WIDGET (self->team_view), "team.add-member", NULL);
      break;
    case ADD_CONTRACT:
      gtk_widget_activate_action (GTK_WIDGET (self->contracts_view), "contracts.add", NULL);
      break;
    case ADD_ACCOUNT:
    default:
      ks_window_edit_account (self, NULL);
      break;
    }
}

/* The primary menu's Add Account adds an account whatever the view. */
static void
new_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ks_window_edit_account (KS_WINDOW (widget), NULL);
}

/* win.open-account and win.delete-account take an account id; a stale id (the account
 * was deleted meanwhile) does nothing. */
static void
account_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);
  KsAccount *account = ks_store_lookup_account (self->store, g_variant_get_int64 (param));

  if (account == NULL)
    return;
  if (g_str_equal (action_name, "win.delete-account"))
    ks_window_delete_account (self, account);
  else if (g_str_equal (action_name, "win.edit-account"))
    ks_window_edit_account (self, account);
  else
    ks_window_show_account (self, account);
}

/* win.open-account-section: an account's page at one of its sections, "(xs)". */
static void
open_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);
  gint64 id;
  const char *section;
  KsAccount *account;

  g_variant_get (param, "(x&s)", &id, &section);
  account = ks_store_lookup_account (self->store, id);
  if (account != NULL)
    ks_account_page_show_section (ks_window_show_account (self, account), section);
}

/* win.open-member: a team member's page, by id. */
static void
open_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ks_window_show_member (KS_WINDOW (widget), g_variant_get_int64 (param));
}

/* The shortcuts window is some two hundred widgets: built when first asked for, not
 * with every window at start as GtkApplication would build it. As the window's help
 * overlay it shows the keys the application gives each action. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/keystone_ka/Keystone/ks-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

/* Escape leaves an account's or a member's page too, when nothing inside the page took
 * it first. Not while typing: a figure half typed in a field would be left with its
 * page. With no page shown, Escape goes on to whatever else wants it. */
static gboolean
escape_goes_back (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  KsWindow *self = KS_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (showing_views (self) ||
      (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus))))
    return FALSE;
  return gtk_widget_activate_action (widget, "win.go-back", NULL);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ks_window_show_views (KS_WINDOW (widget));
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint before = ks_store_get_n_accounts (self->store);
  guint added;
  g_autofree char *message = NULL;

  if (!ks_store_load_sample (self->store, &error))
    {
      ks_window_show_error (self, _("The Sample Portfolio Could Not Be Loaded"), error);
      return;
    }

  added = ks_store_get_n_accounts (self->store) - before;
  if (added == 0)
    message = g_strdup (_("The sample accounts are already in the portfolio"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Added %u sample account",
                                            "Added %u sample accounts", added),
                               added);
  ks_window_show_toast (self, message);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KsWindow *self = KS_WINDOW (widget);

  ks_window_show_views (self);
  adw_view_stack_set_visible_child_name (self->stack, "portfolio");
  ks_portfolio_view_start_search (self->portfolio_view);
}

static void
save_window_state (KsWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-view",
                         adw_view_stack_get_visible_child_name (self->stack));
}

static gboolean
ks_window_close_request (GtkWindow *window)
{
  save_window_state (KS_WINDOW (window));
  return GTK_WINDOW_CLASS (ks_window_parent_class)->close_request (window);
}

static void
on_backup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ks_store_backup_if_due_finish (KS_STORE (source), result, &error))
    g_warning ("Daily backup failed: %s", error->message);
}

/* A window left open for days still backs up once a day. */
static gboolean
backup_if_due (gpointer user_data)
{
  KsWindow *self = user_data;

  ks_store_backup_if_due_async (self->store, NULL, on_backup_done, NULL);
  return G_SOURCE_CONTINUE;
}

/* Time passes: a complaint becomes overdue, an action too, without any edit. */
static gboolean
refresh_summaries (gpointer user_data)
{
  KsWindow *self = user_data;

  ks_store_refresh_summaries (self->store);
  return G_SOURCE_CONTINUE;
}

static void
on_first_frame (GdkFrameClock *clock,
                KsWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);

  /* The benchmark measures start to first frame, then wants the process gone. */
  if (g_getenv ("KEYSTONE_EXIT_AFTER_FIRST_FRAME") != NULL)
    {
      g_print ("first-frame %u accounts\n", ks_store_get_n_accounts (self->store));
      /* The wall clock, so the benchmark can leave out the time taken to exit. */
      g_print ("frame-time %" G_GINT64_FORMAT "\n", g_get_real_time ());
      g_application_quit (g_application_get_default ());
      return;
    }

  backup_if_due (self);
  self->backup_timeout = g_timeout_add_seconds (60 * 60, backup_if_due, self);
  self->summaries_timeout = g_timeout_add_seconds (60, refresh_summaries, self);
}

static void
ks_window_realize (GtkWidget *widget)
{
  KsWindow *self = KS_WINDOW (widget);

  GTK_WIDGET_CLASS (ks_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

/* The views of the pages not shown at start are built when first shown. */
static GtkWidget *
build_quadrant_page (gpointer user_data)
{
  KsWindow *self = user_data;

  self->quadrant_page = KS_QUADRANT_PAGE (ks_quadrant_page_new (self->store,
                                                                self->portfolio_view));
  return GTK_WIDGET (self->quadrant_page);
}

static GtkWidget *
build_complaints_view (gpointer user_data)
{
  KsWindow *self = user_data;

  self->complaints_view = g_object_new (KS_TYPE_COMPLAINTS_VIEW, "name", "complaints-view", NULL);
  ks_complaints_view_set_store (self->complaints_view, self->store);
  return GTK_WIDGET (self->complaints_view);
}

static GtkWidget *
build_team_view (gpointer user_data)
{
  KsWindow *self = user_data;

  self->team_view = g_object_new (KS_TYPE_TEAM_VIEW, "name", "team-view", NULL);
  ks_team_view_set_store (self->team_view, self->store);
  return GTK_WIDGET (self->team_view);
}

static GtkWidget *
build_contracts_view (gpointer user_data)
{
  KsWindow *self = user_data;

  self->contracts_view = g_object_new (KS_TYPE_CONTRACTS_VIEW, "name", "contracts-view", NULL);
  ks_contracts_view_set_store (self->contracts_view, self->store);
  return GTK_WIDGET (self->contracts_view);
}

static void
ks_window_constructed (GObject *object)
{
  KsWindow *self = KS_WINDOW (object);
  g_autofree char *view = NULL;

  G_OBJECT_CLASS (ks_window_parent_class)->constructed (object);

  /* First: the portfolio builds as many rows for the first frame as the window shows. */
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  ks_portfolio_view_set_store (self->portfolio_view, self->store);
  ks_lazy_bin_set_build_func (self->complaints_bin, build_complaints_view, self);
  ks_lazy_bin_set_build_func (self->team_bin, build_team_view, self);
  ks_lazy_bin_set_build_func (self->contracts_bin, build_contracts_view, self);
  ks_lazy_bin_set_build_func (self->quadrant_bin, build_quadrant_page, self);

  view = g_settings_get_string (self->settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, view);

  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (update_add_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (update_add_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ks_store_get_accounts (self->store), "items-changed",
                           G_CALLBACK (update_add_button), self, G_CONNECT_SWAPPED);
  update_add_button (self);
}

static void
ks_window_dispose (GObject *object)
{
  KsWindow *self = KS_WINDOW (object);

  g_clear_handle_id (&self->backup_timeout, g_source_remove);
  g_clear_handle_id (&self->summaries_timeout, g_source_remove);
  g_clear_weak_pointer (&self->current_toast);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ks_window_parent_class)->dispose (object);
}

static void
ks_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KsWindow *self = KS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KsWindow *self = KS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_window_class_init (KsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ks_window_constructed;
  object_class->dispose = ks_window_dispose;
  object_class->get_property = ks_window_get_property;
  object_class->set_property = ks_window_set_property;
  widget_class->realize = ks_window_realize;
  window_class->close_request = ks_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KS_TYPE_LAZY_BIN);
  g_type_ensure (KS_TYPE_PORTFOLIO_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, portfolio_view);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, quadrant_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, complaints_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, team_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, contracts_bin);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, KsWindow, add_button);

  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.new-account", NULL, new_account_action);
  gtk_widget_class_install_action (widget_class, "win.open-account", "x", account_action);
  gtk_widget_class_install_action (widget_class, "win.edit-account", "x", account_action);
  gtk_widget_class_install_action (widget_class, "win.open-account-section", "(xs)",
                                   open_section_action);
  gtk_widget_class_install_action (widget_class, "win.delete-account", "x", account_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_goes_back, NULL);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.open-member", "x", open_member_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-review", NULL,
                                   export_review_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan", "x", plan_document_action);
  gtk_widget_class_install_action (widget_class, "win.print-plan", "x", plan_document_action);
  gtk_widget_class_install_action (widget_class, "win.show-quadrant", "i", show_quadrant_action);
  gtk_widget_class_install_action (widget_class, "win.take-snapshot", NULL,
                                   take_snapshot_action);
}

/* The bar at the bottom shows only in a narrow window, where the header bar has no room
 * for the view switcher: its buttons are made the first time it shows. */
static void
on_title_visible (KsWindow *self)
{
  if (adw_view_switcher_title_get_title_visible (self->switcher_title) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
}

/* The primary menu's popover, a dozen items, is made the first time it opens. GTK calls
 * this each time the menu opens. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  KsWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
ks_window_init (KsWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", FALSE);
  /* The views behind an account's page, and the views not chosen. */
  ks_stack_hide_other_pages (GTK_WIDGET (self->main_stack));
  ks_stack_hide_other_pages (GTK_WIDGET (self->stack));

  self->settings = g_settings_new (APP_ID);

  /* A CSV file dropped anywhere on the window is imported. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_object_bind_property (self->search_button, "active",
                          self->portfolio_view, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_title_visible), self, G_CONNECT_SWAPPED);
  on_title_visible (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
}

KsWindow *
ks_window_new (KsApplication *application,
               KsStore       *store)
{
  g_return_val_if_fail (KS_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KS_IS_STORE (store), NULL);

  return g_object_new (KS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

KsStore *
ks_window_get_store (KsWindow *self)
{
  g_return_val_if_fail (KS_IS_WINDOW (self), NULL);
  return self->store;
}
