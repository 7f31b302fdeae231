/* ks-interactions-section.c
 *
 * One list, newest first as the store orders it, with a month heading above the first
 * interaction of each month (a list box header, worked out again after each pass).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-interaction-editor.h"
#include "ks-interactions-section.h"
#include "ks-plan-widgets.h"
#include "ks-relations.h"
#include "ks-widgets.h"

struct _KsInteractionsSection
{
  AdwBin          parent_instance;

  KsStore        *store;
  KsAccount      *account;
  GPtrArray      *interactions;   /* KsInteraction *: the plan's, copied */
  GPtrArray      *contacts;       /* KsContact *: the plan's, copied */
  GHashTable     *contact_names;  /* gint64 * id → const char *name, from @contacts */
  gboolean        dirty;          /* not shown yet */
  guint           n_shown;        /* rows up to date with @interactions, from the first */
  guint           build_id;       /* the idle that adds the rows after the first ones */
  gboolean        lost_focus;     /* a removed row had the focus */

  /* template children */
  GtkListBox     *interaction_list;
};

G_DEFINE_FINAL_TYPE (KsInteractionsSection, ks_interactions_section, ADW_TYPE_BIN)

static const char * const kind_icons[KS_N_INTERACTION_KINDS] = {
  [KS_INTERACTION_STRATEGIC_DIALOGUE] = "system-users-symbolic",
  [KS_INTERACTION_VISIT] = "mark-location-symbolic",
  [KS_INTERACTION_QBR] = "x-office-presentation-symbolic",
  [KS_INTERACTION_CALL] = "call-start-symbolic",
  [KS_INTERACTION_EMAIL] = "mail-unread-symbolic",
};

/* "November 2026" for "2026-11-…", translated: month names are the translators', not
 * the C library's (only C.UTF-8 may be installed). */
static char *
format_month (const char *date)
{
  GDate day;
  int year;

  if (date == NULL || !ks_plan_parse_date (date, &day))
    /* Translators: the heading of interactions without a readable date */
    return g_strdup (_("Undated"));

  year = g_date_get_year (&day);
  switch (g_date_get_month (&day))
    {
    case G_DATE_JANUARY:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("January %d"), year);
    case G_DATE_FEBRUARY:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("February %d"), year);
    case G_DATE_MARCH:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("March %d"), year);
    case G_DATE_APRIL:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("April %d"), year);
    case G_DATE_MAY:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("May %d"), year);
    case G_DATE_JUNE:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("June %d"), year);
    case G_DATE_JULY:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("July %d"), year);
    case G_DATE_AUGUST:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("August %d"), year);
    case G_DATE_SEPTEMBER:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("September %d"), year);
    case G_DATE_OCTOBER:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("October %d"), year);
    case G_DATE_NOVEMBER:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("November %d"), year);
    case G_DATE_DECEMBER:
      /* Translators: a month heading of the interactions timeline; %d is the year */
      return g_strdup_printf (_("December %d"), year);
    case G_DATE_BAD_MONTH:
    default:
      return g_strdup (_("Undated"));
    }
}

/* The "YYYY-MM" a date's heading depends on. */
static gboolean
same_month (const char *a,
            const char *b)
{
  if (a == NULL || b == NULL || strlen (a) < 7 || strlen (b) < 7)
    return a == b;
  return strncmp (a, b, 7) == 0;
}

/* ---- Rows ---------------------------------------------------------------------- */

typedef struct
{
  KsInteractionsSection *section;   /* unowned: the row lives in its list */
  GtkWidget      *row;
  GtkImage       *icon;
  GtkLabel       *kind;
  GtkLabel       *date;
  GtkLabel       *contacts;
  GtkLabel       *ours;
  GtkLabel       *notes;
  GtkLabel       *next_step;
  KsInteraction  *interaction;      /* what the row shows */
} InteractionRow;

#define INTERACTION_ROW_KEY "ks-interaction-row"

static InteractionRow *
get_interaction_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), INTERACTION_ROW_KEY) : NULL;
}

static void
interaction_row_free (gpointer data)
{
  InteractionRow *ir = data;

  g_clear_pointer (&ir->interaction, ks_interaction_free);
  g_free (ir);
}

typedef struct
{
  KsStore       *store;
  gint64         account_id;
  KsInteraction *interaction;
} DeletedInteraction;

static void
deleted_interaction_free (gpointer data)
{
  DeletedInteraction *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->interaction, ks_interaction_free);
  g_free (deleted);
}

static gboolean
restore_interaction (gpointer  data,
                     GError  **error)
{
  DeletedInteraction *deleted = data;

  return ks_store_restore_interaction (deleted->store, deleted->account_id,
                                       deleted->interaction, error);
}

static void
open_editor (KsInteractionsSection *self,
             const KsInteraction   *interaction)
{
  KsInteractionEditor *editor = ks_interaction_editor_new (self->store, self->account,
                                                           self->contacts, interaction);

  ks_plan_present_dialog (GTK_WIDGET (self), GTK_WINDOW (editor));
}

static char *
describe (const KsInteraction *interaction)
{
  const char *kind = (guint) interaction->kind < KS_N_INTERACTION_KINDS
                       ? ks_interaction_kind_get_label (interaction->kind) : "";

  /* Translators: an interaction in the Undo toast, “Visit on 2026-11-27” */
  return g_strdup_printf (_("%s on %s"), kind, interaction->date ? interaction->date : "");
}

static void
delete_interaction (KsInteractionsSection *self,
                    const KsInteraction   *interaction)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  DeletedInteraction *deleted;

  /* Copied first: the store's ::plan-changed may rebuild the row that holds it. */
  deleted = g_new0 (DeletedInteraction, 1);
  deleted->store = g_object_ref (self->store);
  deleted->account_id = ks_account_get_id (self->account);
  deleted->interaction = ks_interaction_copy (interaction);

  if (!ks_store_delete_interaction (self->store, deleted->interaction->id, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Interaction Could Not Be Deleted"),
                            error);
      deleted_interaction_free (deleted);
      return;
    }

  what = describe (deleted->interaction);
  ks_plan_show_undo_toast (GTK_WIDGET (self), what, restore_interaction, deleted,
                           deleted_interaction_free);
}

static void
on_delete_clicked (GtkButton      *button,
                   InteractionRow *ir)
{
  if (ir->interaction != NULL)
    delete_interaction (ir->section, ir->interaction);
}

static GtkLabel *
text_label_new (const char *name,
                int         lines)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_name (GTK_WIDGET (label), name);
  gtk_label_set_xalign (label, 0);
  if (lines > 1)
    {
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (label, lines);
    }
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  return label;
}

static InteractionRow *
interaction_row_new (KsInteractionsSection *self)
{
  InteractionRow *ir = g_new0 (InteractionRow, 1);
  GtkWidget *box;
  GtkWidget *text_box;
  GtkWidget *head;
  GtkWidget *delete_button;

  ir->section = self;
  ir->row = gtk_list_box_row_new ();
  gtk_widget_set_name (ir->row, "interaction-row");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  ir->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (ir->icon), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (ir->icon), "ks-interaction-icon");
  gtk_accessible_update_state (GTK_ACCESSIBLE (ir->icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);

  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  ir->kind = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (ir->kind), "interaction-kind");
  gtk_label_set_xalign (ir->kind, 0);
  gtk_label_set_ellipsize (ir->kind, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (ir->kind), "heading");
  ir->date = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (ir->date), "interaction-date-label");
  gtk_widget_set_hexpand (GTK_WIDGET (ir->date), TRUE);
  gtk_label_set_xalign (ir->date, 1);
  gtk_widget_add_css_class (GTK_WIDGET (ir->date), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (ir->date), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (ir->date), "numeric");
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (ir->kind));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (ir->date));

  /* Cut short, the notes after a few lines: the whole texts are in the editor, and an
   * ellipsized line is measured at a fraction of the cost of a wrapping one. */
  ir->contacts = text_label_new ("interaction-contacts", 1);
  ir->ours = text_label_new ("interaction-ours", 1);
  gtk_widget_add_css_class (GTK_WIDGET (ir->ours), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (ir->ours), "dim-label");
  ir->notes = text_label_new ("interaction-notes-label", 3);
  ir->next_step = text_label_new ("interaction-next-step-label", 1);
  gtk_widget_add_css_class (GTK_WIDGET (ir->next_step), "ks-next-step");

  gtk_box_append (GTK_BOX (text_box), head);
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (ir->contacts));
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (ir->ours));
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (ir->notes));
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (ir->next_step));

  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Interaction"));
  gtk_widget_set_name (delete_button, "interaction-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), ir);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ir->icon));
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), delete_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (ir->row), box);

  g_object_set_data_full (G_OBJECT (ir->row), INTERACTION_ROW_KEY, ir, interaction_row_free);
  return ir;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/* Sets @label to @text, hidden when there is nothing to say. */
static void
set_optional (GtkLabel   *label,
              const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
interaction_row_update (InteractionRow      *ir,
                        const KsInteraction *interaction)
{
  KsInteractionsSection *self = ir->section;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *contacts = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *next_step = NULL;
  g_autofree char *accessible = NULL;
  const char *kind = "";

  g_clear_pointer (&ir->interaction, ks_interaction_free);
  ir->interaction = ks_interaction_copy (interaction);

  if ((guint) interaction->kind < KS_N_INTERACTION_KINDS)
    {
      kind = ks_interaction_kind_get_label (interaction->kind);
      gtk_image_set_from_icon_name (ir->icon, kind_icons[interaction->kind]);
    }
  gtk_label_set_text (ir->kind, kind);
  gtk_label_set_text (ir->date, interaction->date ? interaction->date : "");

  for (guint i = 0; interaction->contact_ids != NULL && i < interaction->contact_ids->len; i++)
    {
      gint64 id = g_array_index (interaction->contact_ids, gint64, i);
      const char *name = g_hash_table_lookup (self->contact_names, &id);

      if (name == NULL)
        continue;
      if (names->len > 0)
        /* Translators: between the names of the contacts in an interaction */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }
  if (names->len > 0)
    /* Translators: %s are the account's contacts who took part, “Zhang Wei, Li Na” */
    contacts = g_strdup_printf (_("With %s"), names->str);
  set_optional (ir->contacts, contacts);

  if (!is_blank (interaction->our_participants))
    /* Translators: %s are who took part in an interaction on our side */
    ours = g_strdup_printf (_("Our side: %s"), interaction->our_participants);
  set_optional (ir->ours, ours);

  set_optional (ir->notes, is_blank (interaction->notes) ? NULL : interaction->notes);

  if (!is_blank (interaction->next_step))
    /* Translators: %s is what happens after an interaction */
    next_step = g_strdup_printf (_("Next step: %s"), interaction->next_step);
  set_optional (ir->next_step, next_step);

  /* Translators: how a screen reader names an interaction: kind, date, contacts,
   * e.g. “Visit, 2026-11-27, With Zhang Wei” */
  accessible = g_strdup_printf (_("%s, %s, %s"), kind,
                                interaction->date ? interaction->date : "",
                                contacts != NULL ? contacts : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (ir->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  interaction->notes ? interaction->notes : "",
                                  -1);
}

/* ---- The whole section --------------------------------------------------------- */

#define ROWS_PER_PASS 20

static gboolean build_more (gpointer data);

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  InteractionRow *ir = get_interaction_row (row);
  InteractionRow *previous = get_interaction_row (before);
  GtkWidget *header = gtk_list_box_row_get_header (row);
  g_autofree char *month = NULL;

  if (ir == NULL || ir->interaction == NULL ||
      (previous != NULL && previous->interaction != NULL &&
       same_month (previous->interaction->date, ir->interaction->date)))
    {
      if (header != NULL)
        gtk_list_box_row_set_header (row, NULL);
      return;
    }

  month = format_month (ir->interaction->date);
  if (GTK_IS_LABEL (header))
    {
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (header)), month) != 0)
        gtk_label_set_text (GTK_LABEL (header), month);
      return;
    }

  header = gtk_label_new (month);
  gtk_widget_set_name (header, "interaction-month");
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "ks-timeline-month");
  gtk_widget_add_css_class (header, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, month, -1);
  gtk_list_box_row_set_header (row, header);
}

static void
remove_surplus_rows (KsInteractionsSection *self)
{
  GtkListBoxRow *row;
  guint n = self->interactions->len;

  while ((row = gtk_list_box_get_row_at_index (self->interaction_list, n)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (focus == GTK_WIDGET (row) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
        self->lost_focus = TRUE;
      gtk_list_box_remove (self->interaction_list, GTK_WIDGET (row));
    }

  if (self->lost_focus)
    {
      row = n > 0 ? gtk_list_box_get_row_at_index (self->interaction_list, n - 1) : NULL;
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      self->lost_focus = FALSE;
    }
}

static gboolean
build_pass (KsInteractionsSection *self)
{
  guint created = 0;
  /* The first pass makes the rows the window shows, later ones ROWS_PER_PASS each. */
  guint limit = self->n_shown == 0 ? ks_plan_rows_to_fill (GTK_WIDGET (self), 300, 60, 6)
                                   : ROWS_PER_PASS;
  gboolean done = TRUE;

  for (; self->n_shown < self->interactions->len; self->n_shown++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->interaction_list,
                                                          self->n_shown);
      InteractionRow *ir;

      if (row != NULL)
        {
          ir = get_interaction_row (row);
        }
      else
        {
          if (created == limit)
            {
              done = FALSE;
              break;
            }
          ir = interaction_row_new (self);
          gtk_list_box_append (self->interaction_list, ir->row);
          created++;
        }
      interaction_row_update (ir, g_ptr_array_index (self->interactions, self->n_shown));
    }

  if (done)
    remove_surplus_rows (self);
  /* Rows were updated in place: their months may have changed. */
  gtk_list_box_invalidate_headers (self->interaction_list);
  return done;
}

static void
rebuild (KsInteractionsSection *self)
{
  self->dirty = FALSE;
  self->n_shown = 0;
  g_clear_handle_id (&self->build_id, g_source_remove);

  if (!build_pass (self))
    self->build_id = ks_plan_idle_add_after_frame (GTK_WIDGET (self), build_more, self);
}

static gboolean
build_more (gpointer data)
{
  KsInteractionsSection *self = data;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->build_id = 0;
      self->dirty = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (!build_pass (self))
    return G_SOURCE_CONTINUE;

  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_row_activated (KsInteractionsSection *self,
                  GtkListBoxRow         *row)
{
  InteractionRow *ir = get_interaction_row (row);

  if (ir != NULL && ir->interaction != NULL)
    open_editor (self, ir->interaction);
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KsInteractionsSection *self)
{
  InteractionRow *ir;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  ir = get_interaction_row (ks_plan_list_get_focus_row (self->interaction_list));
  if (ir == NULL || ir->interaction == NULL)
    return GDK_EVENT_PROPAGATE;

  delete_interaction (self, ir->interaction);
  return GDK_EVENT_STOP;
}

static void
add_interaction (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  open_editor (KS_INTERACTIONS_SECTION (widget), NULL);
}

static void
ks_interactions_section_map (GtkWidget *widget)
{
  KsInteractionsSection *self = KS_INTERACTIONS_SECTION (widget);

  /* Before the children are mapped: the rows come with the section's first frame. */
  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (ks_interactions_section_parent_class)->map (widget);
}

static void
ks_interactions_section_dispose (GObject *object)
{
  KsInteractionsSection *self = KS_INTERACTIONS_SECTION (object);

  g_clear_handle_id (&self->build_id, g_source_remove);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_pointer (&self->interactions, g_ptr_array_unref);
  g_clear_pointer (&self->contact_names, g_hash_table_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_interactions_section_parent_class)->dispose (object);
}

static void
ks_interactions_section_class_init (KsInteractionsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_interactions_section_dispose;
  widget_class->map = ks_interactions_section_map;

  /* Wrapping labels inside would search for their narrowest width otherwise. */
  gtk_widget_class_set_layout_manager_type (widget_class, KS_TYPE_PLAN_SECTION_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/"
                                               "ks-interactions-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsInteractionsSection, interaction_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "interactions.add", NULL, add_interaction);
}

static void
ks_interactions_section_init (KsInteractionsSection *self)
{
  GtkEventController *keys;
  GtkWidget *empty;

  self->interactions = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_interaction_free);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_contact_free);
  self->contact_names = g_hash_table_new (g_int64_hash, g_int64_equal);

  gtk_widget_init_template (GTK_WIDGET (self));

  empty = ks_plan_empty_state_new ("system-users-symbolic", _("No interactions yet"),
                                   _("Log strategic dialogues, visits, QBRs, calls and "
                                     "e-mails: who took part, what was said and the next "
                                     "step."));
  gtk_widget_set_name (empty, "interactions-empty");
  gtk_list_box_set_placeholder (self->interaction_list, empty);
  gtk_list_box_set_header_func (self->interaction_list, update_header, NULL, NULL);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->interaction_list), keys);
}

GtkWidget *
ks_interactions_section_new (KsStore   *store,
                             KsAccount *account)
{
  KsInteractionsSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_INTERACTIONS_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);

  return GTK_WIDGET (self);
}

void
ks_interactions_section_set_plan (KsInteractionsSection *self,
                                  const KsAccountPlan   *plan)
{
  GPtrArray *interactions = NULL;
  GPtrArray *contacts = NULL;

  g_return_if_fail (KS_IS_INTERACTIONS_SECTION (self));
  g_return_if_fail (plan != NULL);

  if (plan->relations != NULL)
    {
      interactions = plan->relations->interactions;
      contacts = plan->relations->contacts;
    }

  g_ptr_array_set_size (self->interactions, 0);
  for (guint i = 0; interactions != NULL && i < interactions->len; i++)
    g_ptr_array_add (self->interactions,
                     ks_interaction_copy (g_ptr_array_index (interactions, i)));

  /* The names point into @contacts: the table goes first. */
  g_hash_table_remove_all (self->contact_names);
  g_ptr_array_set_size (self->contacts, 0);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      KsContact *contact = ks_contact_copy (g_ptr_array_index (contacts, i));

      g_ptr_array_add (self->contacts, contact);
      g_hash_table_insert (self->contact_names, &contact->id, contact->name);
    }

  g_clear_handle_id (&self->build_id, g_source_remove);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}
