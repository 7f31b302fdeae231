/* ks-bench-minimal.c — the yardstick for start-up: a minimal libadwaita window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplicationWindow with a header bar and a status page, the size of Keystone's
 * default window. It prints "first-frame" and the wall clock after its first frame and
 * quits: the same hook as Keystone's on_first_frame (src/ui/ks-window.c) under
 * KEYSTONE_EXIT_AFTER_FIRST_FRAME, so bench/run times both processes the same way.
 *
 * ks-bench-minimal --empty-theme starts GTK the way Keystone does (init_gtk() in
 * src/ui/ks-application.c): without reading GTK's own stylesheet, which libadwaita
 * replaces at once. Plain, it is a libadwaita application as any other starts.
 */
#include <adwaita.h>

static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  g_print ("first-frame\n");
  g_print ("frame-time %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_application_quit (app);
}

static void
on_realize (GtkWidget    *window,
            GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), app);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Minimal Window");
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   "The yardstick for Keystone's start-up time.");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  /* Keystone's default size (window-width, window-height in the schema). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Minimal");

  g_signal_connect_after (window, "realize", G_CALLBACK (on_realize), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc > 1 && g_strcmp0 (argv[1], "--empty-theme") == 0)
    {
      gboolean named = g_getenv ("GTK_THEME") == NULL;

      if (named)
        g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
      if (gtk_init_check ())
        gtk_settings_get_default ();
      if (named)
        g_unsetenv ("GTK_THEME");
      argv[1] = argv[0];
      argc--;
      argv++;
    }

  app = adw_application_new ("io.github.keystone_ka.Keystone.BenchMinimal",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
