/* ks-account-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-account-editor.h"
#include "ks-error.h"
#include "ks-money.h"
#include "ks-plan-widgets.h"
#include "ks-widgets.h"

struct _KsAccountEditor
{
  AdwWindow parent_instance;

  KsStore *store;
  KsAccount *account;       /* the copy being edited */
  gboolean is_new;
  GtkSpinButton *ratings[KS_N_CRITERIA];

  /* template children */
  AdwWindowTitle *window_title;
  AdwEntryRow *name_row;
  AdwEntryRow *industry_row;
  AdwEntryRow *region_row;
  AdwEntryRow *owner_row;
  AdwComboRow *currency_row;
  AdwEntryRow *purchases_row;
  AdwEntryRow *profit_row;
  AdwEntryRow *share_row;
  AdwComboRow *tier_row;
  GtkLabel *score_label;
  GtkBox *ratings_box;
  GtkTextView *notes_view;
  GtkLabel *profile_error;
  GtkLabel *figures_error;
  GtkLabel *notes_error;
  GtkButton *delete_button;
};

G_DEFINE_FINAL_TYPE (KsAccountEditor, ks_account_editor, ADW_TYPE_WINDOW)

/* Marks @row as wrong and says why in @label; NULL @message clears both. */
static void
show_field_error (GtkWidget  *row,
                  GtkLabel   *label,
                  const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
clear_errors (KsAccountEditor *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->industry_row),
    GTK_WIDGET (self->region_row), GTK_WIDGET (self->owner_row),
    GTK_WIDGET (self->purchases_row), GTK_WIDGET (self->profit_row),
    GTK_WIDGET (self->share_row), GTK_WIDGET (self->notes_view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    show_field_error (rows[i], NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->profile_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_error), FALSE);
}

static const char *
get_currency (KsAccountEditor *self)
{
  return ks_currency_at_position (adw_combo_row_get_selected (self->currency_row));
}

static char *
get_notes (KsAccountEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Reads the number fields into @account; on a bad value marks the field and stops. */
static gboolean
read_figures (KsAccountEditor *self,
              KsAccount       *account,
              GtkWidget      **bad_row)
{
  g_autoptr(GError) error = NULL;
  const char *text;
  gint64 minor = 0;
  double percent = 0;

  text = gtk_editable_get_text (GTK_EDITABLE (self->purchases_row));
  if (*text != '\0' && !ks_money_parse (text, get_currency (self), &minor, &error))
    {
      *bad_row = GTK_WIDGET (self->purchases_row);
      show_field_error (*bad_row, self->figures_error, error->message);
      return FALSE;
    }
  ks_account_set_annual_purchases (account, minor);

  text = gtk_editable_get_text (GTK_EDITABLE (self->profit_row));
  if (*text != '\0' && !ks_percent_parse (text, &percent, &error))
    {
      *bad_row = GTK_WIDGET (self->profit_row);
      show_field_error (*bad_row, self->figures_error, error->message);
      return FALSE;
    }
  ks_account_set_profit_contribution (account, *text ? percent : 0);

  percent = 0;
  text = gtk_editable_get_text (GTK_EDITABLE (self->share_row));
  if (*text != '\0' && !ks_percent_parse (text, &percent, &error))
    {
      *bad_row = GTK_WIDGET (self->share_row);
      show_field_error (*bad_row, self->figures_error, error->message);
      return FALSE;
    }
  ks_account_set_revenue_share (account, percent);
  return TRUE;
}

static void
read_ratings (KsAccountEditor *self,
              KsAccount       *account)
{
  for (guint i = 0; i < KS_N_CRITERIA; i++)
    ks_account_set_rating (account, i, ks_spin_button_read (self->ratings[i]));
  ks_account_set_tier_override (account, (int) adw_combo_row_get_selected (self->tier_row) - 1);
}

static void
update_score (KsAccountEditor *self)
{
  g_autoptr(KsAccount) preview = NULL;
  g_autofree char *text = NULL;
  double split_value, split_growth;
  KsTier tier;

  /* A spin button commits typed text while the window is torn down. */
  if (self->account == NULL)
    return;

  preview = ks_account_copy (self->account);
  read_ratings (self, preview);
  ks_store_get_split (self->store, &split_value, &split_growth);
  ks_account_apply_scores (preview, ks_store_get_rules (self->store), split_value, split_growth);
  tier = ks_account_get_tier (preview);
  /* Translators: KA score and tier, e.g. “72.5 · Key” */
  text = g_strdup_printf (_("%.1f · %s"), ks_account_get_ka_score (preview),
                          ks_tier_get_label (tier));
  gtk_label_set_label (self->score_label, text);
}

/* Figures are checked as they are typed, so a mistake shows before Save. */
static void
on_figure_changed (KsAccountEditor *self)
{
  g_autoptr(KsAccount) scratch = ks_account_new ();
  GtkWidget *bad_row = NULL;

  show_field_error (GTK_WIDGET (self->purchases_row), NULL, NULL);
  show_field_error (GTK_WIDGET (self->profit_row), NULL, NULL);
  show_field_error (GTK_WIDGET (self->share_row), NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_error),
                          !read_figures (self, scratch, &bad_row));
}

static gboolean
text_too_long (const char *text,
               gsize       max)
{
  return (gsize) g_utf8_strlen (text, -1) > max;
}

/* The row a refusal is about, so the message stands beside the field to fix. Errors
 * that are not about one field (the database refused) go beside the name. */
static GtkWidget *
find_error_row (KsAccountEditor *self,
                KsAccount       *edited,
                const GError    *error)
{
  if (!g_error_matches (error, KS_ERROR, KS_ERROR_INVALID))
    return GTK_WIDGET (self->name_row);
  if (*ks_account_get_name_key (edited) == '\0' ||
      text_too_long (ks_account_get_name (edited), KS_ACCOUNT_NAME_MAX))
    return GTK_WIDGET (self->name_row);
  if (text_too_long (ks_account_get_industry (edited), KS_ACCOUNT_FIELD_MAX))
    return GTK_WIDGET (self->industry_row);
  if (text_too_long (ks_account_get_region (edited), KS_ACCOUNT_FIELD_MAX))
    return GTK_WIDGET (self->region_row);
  if (text_too_long (ks_account_get_owner (edited), KS_ACCOUNT_FIELD_MAX))
    return GTK_WIDGET (self->owner_row);
  if (text_too_long (ks_account_get_notes (edited), KS_ACCOUNT_NOTES_MAX))
    return GTK_WIDGET (self->notes_view);
  return GTK_WIDGET (self->name_row);
}

gboolean
ks_account_editor_save (KsAccountEditor *self)
{
  g_autoptr(KsAccount) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *name = NULL;
  GtkWidget *bad_row = NULL;
  gboolean ok;
  /* Owner, industry and region are trimmed too: “王磊 ” and “王磊” are one owner. */
  const struct { AdwEntryRow **row; const char *property; } text_fields[] = {
    { &self->industry_row, "industry" },
    { &self->region_row, "region" },
    { &self->owner_row, "owner" },
  };

  g_return_val_if_fail (KS_IS_ACCOUNT_EDITOR (self), FALSE);

  clear_errors (self);

  edited = ks_account_copy (self->account);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  ks_account_set_name (edited, name);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *value =
        g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (*text_fields[i].row))));

      g_object_set (edited, text_fields[i].property, value, NULL);
    }
  ks_account_set_currency (edited, get_currency (self));
  notes = get_notes (self);
  ks_account_set_notes (edited, notes);
  read_ratings (self, edited);

  if (!read_figures (self, edited, &bad_row))
    {
      gtk_widget_grab_focus (bad_row);
      return FALSE;
    }

  if (self->is_new)
    ok = ks_store_add_account (self->store, edited, &error);
  else
    ok = ks_store_update_account (self->store, edited, &error);

  if (!ok)
    {
      GtkWidget *row = find_error_row (self, edited, error);
      GtkLabel *label = row == GTK_WIDGET (self->notes_view) ? self->notes_error
                        : (row == GTK_WIDGET (self->purchases_row) ||
                           row == GTK_WIDGET (self->profit_row) ||
                           row == GTK_WIDGET (self->share_row)) ? self->figures_error
                        : self->profile_error;

      show_field_error (row, label, error->message);
      gtk_widget_grab_focus (row);
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
  ks_account_editor_save (KS_ACCOUNT_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KsAccountEditor *self = KS_ACCOUNT_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 id = ks_account_get_id (self->account);

  gtk_window_close (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-account", "x", id);
}

static void
add_rating_rows (KsAccountEditor *self)
{
  AdwPreferencesGroup *groups[KS_N_DIMENSIONS];

  for (guint d = 0; d < KS_N_DIMENSIONS; d++)
    {
      g_autofree char *title = g_markup_escape_text (ks_dimension_get_label (d), -1);

      groups[d] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (groups[d], title);
      gtk_box_append (self->ratings_box, GTK_WIDGET (groups[d]));
    }

  for (guint c = 0; c < KS_N_CRITERIA; c++)
    {
      g_autofree char *name = g_strdup_printf ("rating-%s", ks_criterion_get_key (c));

      self->ratings[c] = ks_spin_row_add (groups[ks_criterion_get_dimension (c)],
                                          ks_criterion_get_label (c), name, 0, KS_RATING_MAX);
      g_signal_connect_swapped (self->ratings[c], "value-changed",
                                G_CALLBACK (update_score), self);
    }
}

static void
fill_form (KsAccountEditor *self)
{
  KsAccount *account = self->account;
  g_autofree char *purchases = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ks_account_get_name (account));
  gtk_editable_set_text (GTK_EDITABLE (self->industry_row), ks_account_get_industry (account));
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), ks_account_get_region (account));
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), ks_account_get_owner (account));

  adw_combo_row_set_selected (self->currency_row,
                              ks_currency_get_position (ks_account_get_currency (account)));

  if (!self->is_new)
    {
      /* Not %g: six digits would round the stored value, and the locale's decimal
       * comma would not parse back. */
      char profit[G_ASCII_DTOSTR_BUF_SIZE];
      char share[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (profit, sizeof profit, "%.12g",
                       ks_account_get_profit_contribution (account));
      g_ascii_formatd (share, sizeof share, "%.12g", ks_account_get_revenue_share (account));

      purchases = ks_money_format_plain (ks_account_get_annual_purchases (account),
                                         ks_account_get_currency (account));
      gtk_editable_set_text (GTK_EDITABLE (self->purchases_row), purchases);
      gtk_editable_set_text (GTK_EDITABLE (self->profit_row), profit);
      gtk_editable_set_text (GTK_EDITABLE (self->share_row), share);
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            ks_account_get_notes (account), -1);

  for (guint c = 0; c < KS_N_CRITERIA; c++)
    gtk_spin_button_set_value (self->ratings[c], ks_account_get_rating (account, c));
  adw_combo_row_set_selected (self->tier_row, ks_account_get_tier_override (account) + 1);

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Account") : _("Edit Account"));
  adw_window_title_set_subtitle (self->window_title,
                                 self->is_new ? NULL : ks_account_get_name (account));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !self->is_new);
  update_score (self);
}

static void
ks_account_editor_dispose (GObject *object)
{
  KsAccountEditor *self = KS_ACCOUNT_EDITOR (object);

  g_clear_object (&self->account);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ks_account_editor_parent_class)->dispose (object);
}

static void
ks_account_editor_class_init (KsAccountEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_account_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-account-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, industry_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, purchases_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, profit_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, share_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, tier_row);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, score_label);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, ratings_box);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, profile_error);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, figures_error);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, notes_error);
  gtk_widget_class_bind_template_child (widget_class, KsAccountEditor, delete_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ks_account_editor_init (KsAccountEditor *self)
{
  g_autoptr(GListModel) currencies = ks_currency_model_new ();
  g_autoptr(GtkStringList) tiers = gtk_string_list_new (NULL);
  AdwEntryRow *entries[7];

  gtk_widget_init_template (GTK_WIDGET (self));

  entries[0] = self->name_row;
  entries[1] = self->industry_row;
  entries[2] = self->region_row;
  entries[3] = self->owner_row;
  entries[4] = self->purchases_row;
  entries[5] = self->profit_row;
  entries[6] = self->share_row;

  adw_combo_row_set_model (self->currency_row, currencies);

  gtk_string_list_append (tiers, _("Follow the score"));
  for (guint i = 0; i < KS_N_TIERS; i++)
    gtk_string_list_append (tiers, ks_tier_get_label (i));
  adw_combo_row_set_model (self->tier_row, G_LIST_MODEL (tiers));

  add_rating_rows (self);

  /* Ctrl+Enter saves too, as in the other editors, from the notes as well. */
  ks_plan_add_save_shortcut (GTK_WIDGET (self), "editor.save");

  /* Enter in any field saves, as in every GNOME dialog. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_swapped (entries[i], "entry-activated", G_CALLBACK (ks_account_editor_save),
                              self);
  g_signal_connect_swapped (self->purchases_row, "changed", G_CALLBACK (on_figure_changed), self);
  g_signal_connect_swapped (self->profit_row, "changed", G_CALLBACK (on_figure_changed), self);
  g_signal_connect_swapped (self->share_row, "changed", G_CALLBACK (on_figure_changed), self);
  g_signal_connect_swapped (self->currency_row, "notify::selected",
                            G_CALLBACK (on_figure_changed), self);
  g_signal_connect_swapped (self->tier_row, "notify::selected", G_CALLBACK (update_score), self);
}

KsAccountEditor *
ks_account_editor_new (KsStore   *store,
                       KsAccount *account)
{
  KsAccountEditor *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (account == NULL || KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_ACCOUNT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->is_new = account == NULL;
  if (account != NULL)
    {
      self->account = ks_account_copy (account);
    }
  else
    {
      self->account = ks_account_new ();
      ks_account_set_currency (self->account, ks_store_get_default_currency (store));
    }
  fill_form (self);
  /* Typing starts with the name, not on the header bar's Cancel button. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
