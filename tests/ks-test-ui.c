/* ks-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ks-test-ui.h"
#include "ks-cell-text.h"

#include <stdlib.h>
#include <glib/gstdio.h>
#include <string.h>

void
ks_test_ui_init (int    *argc,
                 char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        {
          g_printerr ("No display under CI: UI tests must run (use xvfb-run).\n");
          exit (1);
        }
      g_print ("1..0 # SKIP no display\n");
      exit (77);
    }

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it replaces XDG_DATA_DIRS too, and without the
   * system's MIME data GTK cannot even load its own SVG icons. Only the user's folders
   * are moved into a fresh temporary one, before GTK reads them. */
  {
    static const char * const vars[] = {
      "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
    };
    g_autoptr(GError) error = NULL;
    g_autofree char *root = g_dir_make_tmp ("keystone-ui-home-XXXXXX", &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
      {
        g_autofree char *dir = g_build_filename (root, vars[i], NULL);

        g_mkdir_with_parents (dir, 0700);
        g_setenv (vars[i], dir, TRUE);
      }
  }

  /* The tests look at libadwaita's style, which a theme of the developer's replaces. */
  g_unsetenv ("GTK_THEME");
  /* GTK's test accessibility backend keeps the accessible states, for the tests to read
   * what a screen reader would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
ks_test_ui_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
ks_test_ui_find (GtkWidget       *root,
                 KsTestUiMatch    match,
                 gconstpointer    data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ks_test_ui_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

GtkWidget *
ks_test_ui_find_by_name (GtkWidget  *root,
                         const char *name)
{
  return ks_test_ui_find (root, has_name, name);
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

GtkWidget *
ks_test_ui_find_by_type (GtkWidget *root,
                         GType      type)
{
  return ks_test_ui_find (root, has_type, &type);
}

static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; p && *p; p++)
    if (*p != '_')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  g_autofree char *plain = NULL;
  g_autofree char *wanted = NULL;

  if (!GTK_IS_BUTTON (widget) || gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    return FALSE;
  plain = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));
  wanted = strip_mnemonic (label);
  return g_strcmp0 (plain, wanted) == 0;
}

GtkWidget *
ks_test_ui_find_button (GtkWidget  *root,
                        const char *label)
{
  return ks_test_ui_find (root, is_button_labelled, label);
}

static void
collect_text (GtkWidget *widget,
              GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  else if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)))
    g_ptr_array_add (texts, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (widget))));
  else if (KS_IS_CELL_TEXT (widget) && ks_cell_text_get_text (KS_CELL_TEXT (widget)))
    g_ptr_array_add (texts, g_strdup (ks_cell_text_get_text (KS_CELL_TEXT (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, texts);
}

GPtrArray *
ks_test_ui_collect_text (GtkWidget *root)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_text (root, texts);
  return texts;
}

gboolean
ks_test_ui_has_text (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) texts = ks_test_ui_collect_text (root);

  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

GtkWindow *
ks_test_ui_find_toplevel (GType      type,
                          GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

KsApplication *
ks_test_ui_app_new (void)
{
  KsApplication *app = ks_application_new (G_APPLICATION_NON_UNIQUE);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_application_hold (G_APPLICATION (app));
  return app;
}

void
ks_test_ui_app_free (KsApplication **app)
{
  g_application_release (G_APPLICATION (*app));
  g_clear_object (app);
}

KsWindow *
ks_test_ui_open_window (KsApplication  *app,
                        const char     *unit,
                        char          **dir,
                        char          **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("keystone-%s-XXXXXX", unit);
  KsWindow *window;

  *dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, "portfolio.db", NULL);

  window = KS_WINDOW (ks_application_open_database (app, *path));
  g_assert_true (KS_IS_WINDOW (window));
  return window;
}

void
ks_test_ui_set_today (KsStore    *store,
                      GDateYear   year,
                      GDateMonth  month,
                      GDateDay    day)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  ks_store_set_today (store, &today);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

void
ks_test_ui_close_all (char **dir,
                      char **path)
{
  GtkWindow *other;

  while ((other = ks_test_ui_find_toplevel (GTK_TYPE_WINDOW, NULL)) != NULL)
    {
      gtk_window_destroy (other);
      ks_test_ui_wait (10);
    }
  ks_test_ui_wait (50);
  remove_tree (*dir);
  g_clear_pointer (path, g_free);
  g_clear_pointer (dir, g_free);
}
