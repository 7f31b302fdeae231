/* ks-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>

#include "ks-application.h"
#include "ks-cli.h"
#include "ks-error.h"
#include "ks-preferences-window.h"
#include "ks-store.h"
#include "ks-window.h"

/* The database named on this process's own command line, opened and read on a thread
 * while GTK sets up the display, so the window has its accounts when it is built. */
typedef struct
{
  char *path;
  KsStore *store;
  GError *error;
} KsPreload;

struct _KsApplication
{
  AdwApplication parent_instance;

  int exit_status;
  gboolean wants_preload;  /* started by g_application_run(), with options */
  gboolean theme_named;    /* GTK_THEME set by name_empty_theme(), to unset */
  char *preload_path;   /* from this process's options, before it knows it is primary */
  GThread *preload;     /* of KsPreload, joined by the first open of its path */
};

G_DEFINE_FINAL_TYPE (KsApplication, ks_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static KsWindow *
find_window_for_path (KsApplication *self,
                      const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (KS_IS_WINDOW (l->data))
        {
          KsStore *store = ks_window_get_store (l->data);

          if (g_strcmp0 (ks_store_get_path (store), path) == 0)
            return l->data;
        }
    }
  return NULL;
}

static void
on_open_other_response (GtkNativeDialog *chooser,
                        int              response,
                        KsApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        ks_application_open_database (self, path);
    }
  else if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    {
      /* Nothing was opened after all: the start-up failed. */
      self->exit_status = 1;
    }
  g_application_release (G_APPLICATION (self));
  g_object_unref (chooser);
}

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   KsApplication    *self)
{
  if (g_strcmp0 (response, "open") == 0)
    {
      GtkFileChooserNative *chooser;
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      chooser = gtk_file_chooser_native_new (_("Open Database"), NULL,
                                             GTK_FILE_CHOOSER_ACTION_OPEN,
                                             _("_Open"), _("_Cancel"));
      gtk_file_filter_set_name (filter, _("Keystone databases"));
      gtk_file_filter_add_pattern (filter, "*.db");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      g_signal_connect (chooser, "response", G_CALLBACK (on_open_other_response), self);
      g_application_hold (G_APPLICATION (self));
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
  else if (gtk_application_get_windows (GTK_APPLICATION (self))->next == NULL)
    {
      /* This dialog was all there was: the start-up failed. */
      self->exit_status = 1;
    }
}

/* Under KEYSTONE_EXIT_AFTER_FIRST_FRAME (tests, the benchmark) the error dialog's
 * first frame ends the start, as the window's does (ks-window.c). */
static void
on_error_first_frame (GdkFrameClock *clock,
                      KsApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_error_first_frame, self);
  g_print ("first-frame error\n");
  self->exit_status = 1;
  g_application_quit (G_APPLICATION (self));
}

/* The database could not be opened: say why, offer another file or quitting.
 * The file itself is left alone. */
static GtkWindow *
show_open_error (KsApplication *self,
                 const GError  *error)
{
  GtkWidget *dialog;

  g_printerr ("keystone: %s\n", error->message);

  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   _("The Database Cannot Be Opened"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "quit", _("_Quit"),
                                    "open", _("_Open Another File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_widget_set_name (dialog, "open-error-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  if (g_getenv ("KEYSTONE_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (dialog), "after-paint",
                             G_CALLBACK (on_error_first_frame), self, 0);
  return GTK_WINDOW (dialog);
}

static gpointer
preload_thread (gpointer data)
{
  KsPreload *preload = data;

  preload->store = ks_store_open (preload->path, &preload->error);
  if (preload->store != NULL)
    ks_store_prepare_score_order (preload->store);   /* reads and sorts the accounts */
  return preload;
}

static void
start_preload (KsApplication *self)
{
  KsPreload *preload = g_new0 (KsPreload, 1);

  /* Read from the environment now, before GTK's start-up changes it meanwhile. */
  g_get_filename_charsets (NULL);

  preload->path = g_steal_pointer (&self->preload_path);
  if (preload->path == NULL)
    preload->path = ks_store_get_default_path ();
  self->preload = g_thread_new ("keystone-open", preload_thread, preload);
}

/* The store the thread opened for @path, or its error; FALSE if it opened another one
 * (which is closed) or none was started. */
static gboolean
finish_preload (KsApplication  *self,
                const char     *path,
                KsStore       **store,
                GError        **error)
{
  KsPreload *preload;
  gboolean same;

  if (self->preload == NULL)
    return FALSE;

  preload = g_thread_join (g_steal_pointer (&self->preload));
  same = g_strcmp0 (preload->path, path) == 0;
  if (same)
    {
      *store = g_steal_pointer (&preload->store);
      if (preload->error != NULL)
        g_propagate_error (error, g_steal_pointer (&preload->error));
    }
  g_clear_object (&preload->store);
  g_clear_error (&preload->error);
  g_free (preload->path);
  g_free (preload);
  return same;
}

/* Waits for the thread, and closes what it opened. */
static void
discard_preload (KsApplication *self)
{
  KsStore *store = NULL;

  finish_preload (self, NULL, &store, NULL);
}

GtkWindow *
ks_application_open_database (KsApplication *self,
                              const char    *path)
{
  g_autofree char *default_path = NULL;
  g_autoptr(KsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KsWindow *window;

  g_return_val_if_fail (KS_IS_APPLICATION (self), NULL);

  if (path == NULL)
    path = default_path = ks_store_get_default_path ();

  window = find_window_for_path (self, path);
  if (window == NULL)
    {
      if (!finish_preload (self, path, &store, &error))
        store = ks_store_open (path, &error);
      if (store == NULL)
        return show_open_error (self, error);
      window = ks_window_new (self, store);
    }

  self->exit_status = 0;
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static int
ks_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  KsApplication *self = KS_APPLICATION (app);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("keystone %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* The same path command_line() makes of it, should this process be the primary. */
  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      self->preload_path = g_file_get_path (file);
    }
  self->wants_preload = TRUE;
  return -1;
}

static int
ks_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  KsApplication *self = KS_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline,
                                                                              database);
      path = g_file_get_path (file);
    }

  ks_application_open_database (self, path);
  return 0;
}

static void
ks_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (window);
  else
    ks_application_open_database (KS_APPLICATION (app), NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (KS_IS_WINDOW (window))
    ks_window_show_preferences (KS_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  const char *developers[] = { _("The Keystone developers"), NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (window,
                         "application-name", _("Keystone"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Keystone developers"),
                         "developers", developers,
                         "comments", _("Key account management for sales team leaders: "
                                       "portfolio, scoring and tiers, plans and reviews."),
                         "website", "https://github.com/keystone-ka/keystone",
                         "issue-url", "https://github.com/keystone-ka/keystone/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", _("© 2026 The Keystone developers"),
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window saves its state; the application ends with the last. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

/* GTK reads its own stylesheet when it connects to the display, and libadwaita replaces
 * it at once with its own and an empty theme it ships, "Adwaita-empty": reading GTK's
 * stylesheet took a tenth of the work to the first frame. So the empty theme is named in
 * GTK_THEME while GTK starts (name_empty_theme(), then init_gtk()), and the variable is
 * gone before libadwaita looks at it: libadwaita styles the application as always. A
 * theme the user asked for with GTK_THEME is left alone.
 *
 * The variable is set in ks_application_new(), before the application registers and
 * starts threads of its own: setenv() may move the environment while another thread
 * reads it. Unset, it is the last entry of the environment, and nothing else in it
 * moves. Registering can start a session bus of its own (D-Bus autolaunch, when there
 * is no session bus), which would keep the variable, and so would the applications it
 * starts: then the theme is not named. */
static gboolean
name_empty_theme (void)
{
  g_autofree char *bus = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);

  if (g_getenv ("GTK_THEME") != NULL)
    return FALSE;
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL && !g_file_test (bus, G_FILE_TEST_EXISTS))
    return FALSE;
  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  return TRUE;
}

static gboolean
init_gtk (gboolean theme_named)
{
  gboolean ok = gtk_init_check ();

  /* GTK reads the theme when the display's settings are first asked for. */
  if (ok)
    gtk_settings_get_default ();
  if (theme_named)
    g_unsetenv ("GTK_THEME");
  return ok;
}

static void
ks_application_startup (GApplication *app)
{
  KsApplication *self = KS_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.add-account", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.import-csv", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.go-back", { "<Alt>Left", "Back", NULL } },
    { "win.show-shortcuts", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  /* Only the primary instance starts up: it opens its database while GTK connects to
   * the display. Without a display, that database is still opened or created in full
   * before the program ends, not cut off halfway. */
  if (self->wants_preload)
    start_preload (self);
  if (!init_gtk (self->theme_named))
    {
      discard_preload (self);
      g_printerr ("keystone: %s\n", _("There is no display to show the window on."));
      exit (1);
    }

  G_APPLICATION_CLASS (ks_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
}

static void
ks_application_finalize (GObject *object)
{
  KsApplication *self = KS_APPLICATION (object);

  discard_preload (self);
  g_free (self->preload_path);

  G_OBJECT_CLASS (ks_application_parent_class)->finalize (object);
}

static void
ks_application_class_init (KsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ks_application_finalize;

  app_class->handle_local_options = ks_application_handle_local_options;
  app_class->command_line = ks_application_command_line;
  app_class->activate = ks_application_activate;
  app_class->startup = ks_application_startup;
}

static void
ks_application_init (KsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keystone — key account management "
                                              "for sales team leaders."));
}

KsApplication *
ks_application_new (GApplicationFlags flags)
{
  KsApplication *self = g_object_new (KS_TYPE_APPLICATION,
                                      "application-id", APP_ID,
                                      "flags", flags | G_APPLICATION_HANDLES_COMMAND_LINE,
                                      "resource-base-path", "/io/github/keystone_ka/Keystone",
                                      NULL);

  /* Before the application registers, and so before any thread of its own. */
  self->theme_named = name_empty_theme ();
  return self;
}

int
ks_application_main (int   argc,
                     char *argv[])
{
  g_autoptr(KsApplication) app = NULL;
  const char *localedir;
  int status;

  setlocale (LC_ALL, "");
  /* Done here, once: GTK would set the locale again while the database is opened on a
   * worker thread (see ks_application_startup). */
  gtk_disable_setlocale ();
  /* Set by `meson devenv`, so an uninstalled build shows its own translations. */
  localedir = g_getenv ("KEYSTONE_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Keystone"));

  /* `keystone import FILE.csv`, `keystone export csv OUT.csv`: no window, no display. */
  if (ks_cli_is_command (argc, argv))
    return ks_cli_main (argc, argv);

  app = ks_application_new (G_APPLICATION_DEFAULT_FLAGS);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : app->exit_status;
}
