/* ks-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-money.h"
#include "ks-widgets.h"
#include "ks-window.h"

GtkSpinButton *
ks_spin_row_add (AdwPreferencesGroup *group,
                 const char          *title,
                 const char          *name,
                 int                  min,
                 int                  max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  /* Titles such as “Scale & value” are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, name);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

int
ks_spin_button_read (GtkSpinButton *spin)
{
  /* A typed value only reaches the adjustment on Enter or focus-out; Save and Close
   * come before either. */
  gtk_spin_button_update (spin);
  return gtk_spin_button_get_value_as_int (spin);
}

GListModel *
ks_currency_model_new (void)
{
  return G_LIST_MODEL (gtk_string_list_new (ks_currency_get_codes ()));
}

guint
ks_currency_get_position (const char *code)
{
  const char * const *codes = ks_currency_get_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return 0;
}

const char *
ks_currency_at_position (guint position)
{
  const char * const *codes = ks_currency_get_codes ();

  if (position >= g_strv_length ((char **) codes))
    return codes[0];
  return codes[position];
}

void
ks_widget_add_toast (GtkWidget *widget,
                     AdwToast  *toast)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (KS_IS_WINDOW (root))
    ks_window_add_toast (KS_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

void
ks_widget_show_error (GtkWidget    *widget,
                      const char   *heading,
                      const GError *error)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  if (KS_IS_WINDOW (root))
    {
      ks_window_show_error (KS_WINDOW (root), heading, error);
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                       : NULL,
                                                  heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Setting a tooltip on a visible widget asks the display where the pointer is, in case
 * the tooltip shown needs to change: with X11 a round trip to the server, a tenth of a
 * millisecond or more, which adds up over the rows of a list or the cells of a grid. A
 * hidden widget is spared that; hiding one not mapped yet costs nothing (one mapped
 * could lose the focus, or flicker). */
void
ks_widget_set_tooltip_quietly (GtkWidget  *widget,
                               const char *text)
{
  const char *current;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  current = gtk_widget_get_tooltip_text (widget);
  if (g_strcmp0 (current != NULL && current[0] != '\0' ? current : NULL,
                 text != NULL && text[0] != '\0' ? text : NULL) == 0)
    return;

  if (gtk_widget_get_mapped (widget) || !gtk_widget_get_visible (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}

static void
hide_other_pages (GtkWidget *stack)
{
  g_autoptr(GtkWidget) shown = NULL;

  g_object_get (stack, "visible-child", &shown, NULL);
  for (GtkWidget *page = gtk_widget_get_first_child (stack);
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    gtk_accessible_update_state (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 page != shown, -1);
}

static void
on_visible_child (GtkWidget  *stack,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  hide_other_pages (stack);
}

void
ks_stack_hide_other_pages (GtkWidget *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack) || ADW_IS_VIEW_STACK (stack));

  hide_other_pages (stack);
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (on_visible_child), NULL);
}
