/* ks-contacts-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-contact-editor.h"
#include "ks-contacts-section.h"
#include "ks-plan-widgets.h"
#include "ks-relation-map-view.h"
#include "ks-widgets.h"

/* One layer's heading and list. */
typedef struct
{
  GtkWidget  *box;
  GtkLabel   *heading;
  GtkListBox *list;
  GPtrArray  *contacts;         /* KsContact *, borrowed from the section's */
  guint       n_shown;          /* rows up to date with @contacts, from the first */
  gboolean    lost_focus;       /* a removed row had the focus */
} LayerList;

struct _KsContactsSection
{
  AdwBin              parent_instance;

  KsStore            *store;
  KsAccount          *account;
  KsRelations        *relations;   /* the plan's contacts, copied; nothing else */
  GHashTable         *by_id;       /* gint64 * → KsContact *, borrowed */
  LayerList           layers[KS_N_LAYERS];
  GtkWidget          *empty;
  gboolean            dirty;       /* not shown yet */
  guint               build_layer; /* the layer whose rows are being brought up to date */
  guint               build_id;    /* the idle that adds the rows after the first ones */

  /* template children */
  GtkWidget          *executive_warning;
  GtkLabel           *executive_warning_label;
  GtkWidget          *map_group;
  KsRelationMapView  *relation_map;
  GtkBox             *lists_box;
};

G_DEFINE_FINAL_TYPE (KsContactsSection, ks_contacts_section, ADW_TYPE_BIN)

/* The widgets of one row, kept with it; rows are reused by position. */
typedef struct
{
  KsContactsSection *section;   /* unowned: the row lives in its list */
  GtkWidget         *row;
  GtkWidget         *swatch;
  char              *swatch_class;
  GtkLabel          *name;
  GtkLabel          *title;
  GtkLabel          *meta;
  KsContact         *contact;   /* what the row shows */
} ContactRow;

#define CONTACT_ROW_KEY "ks-contact-row"

static ContactRow *
get_contact_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), CONTACT_ROW_KEY) : NULL;
}

static void
contact_row_free (gpointer data)
{
  ContactRow *cr = data;

  g_clear_pointer (&cr->contact, ks_contact_free);
  g_clear_pointer (&cr->swatch_class, g_free);
  g_free (cr);
}

/* ---- Undo ---------------------------------------------------------------------- */

typedef struct
{
  KsStore        *store;
  gint64          account_id;
  KsContact      *contact;
  KsContactLinks *links;        /* who reported to it, what it took part in */
} DeletedContact;

static void
deleted_contact_free (gpointer data)
{
  DeletedContact *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_pointer (&deleted->contact, ks_contact_free);
  g_clear_pointer (&deleted->links, ks_contact_links_free);
  g_free (deleted);
}

static gboolean
restore_contact (gpointer  data,
                 GError  **error)
{
  DeletedContact *deleted = data;

  return ks_store_restore_contact (deleted->store, deleted->account_id, deleted->contact,
                                   deleted->links, error);
}

/* ---- Editing ------------------------------------------------------------------- */

static void
open_editor (KsContactsSection *self,
             const KsContact   *contact)
{
  KsContactEditor *editor = ks_contact_editor_new (self->store, self->account, contact,
                                                   self->relations->contacts);

  ks_plan_present_dialog (GTK_WIDGET (self), GTK_WINDOW (editor));
}

static void
delete_contact (KsContactsSection *self,
                const KsContact   *contact)
{
  g_autoptr(GError) error = NULL;
  DeletedContact *deleted;

  /* Copied first: the store's ::plan-changed may rebuild the row that holds @contact. */
  deleted = g_new0 (DeletedContact, 1);
  deleted->store = g_object_ref (self->store);
  deleted->account_id = ks_account_get_id (self->account);
  deleted->contact = ks_contact_copy (contact);

  if (!ks_store_delete_contact (self->store, deleted->contact->id, &deleted->links, &error))
    {
      ks_widget_show_error (GTK_WIDGET (self), _("The Contact Could Not Be Deleted"), error);
      deleted_contact_free (deleted);
      return;
    }

  ks_plan_show_undo_toast (GTK_WIDGET (self), deleted->contact->name,
                           restore_contact, deleted, deleted_contact_free);
}

static void
on_delete_clicked (GtkButton  *button,
                   ContactRow *cr)
{
  if (cr->contact != NULL)
    delete_contact (cr->section, cr->contact);
}

static void
on_map_contact_activated (KsContactsSection *self,
                          gint64             id)
{
  const KsContact *contact = g_hash_table_lookup (self->by_id, &id);

  if (contact != NULL)
    open_editor (self, contact);
}

static void
add_contact (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  open_editor (KS_CONTACTS_SECTION (widget), NULL);
}

static void
add_executive (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autoptr(KsContact) contact = ks_contact_new ();

  contact->layer = KS_LAYER_EXECUTIVE;
  contact->influence = KS_INFLUENCE_HIGH;
  open_editor (KS_CONTACTS_SECTION (widget), contact);
}

/* ---- Rows ---------------------------------------------------------------------- */

/* Wrapped but cut after @lines: narrow windows see it all, and an ellipsizing label is
 * measured at a fraction of the cost of a freely wrapping one. */
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

static ContactRow *
contact_row_new (KsContactsSection *self)
{
  ContactRow *cr = g_new0 (ContactRow, 1);
  GtkWidget *box;
  GtkWidget *text_box;
  GtkWidget *delete_button;

  cr->section = self;
  cr->row = gtk_list_box_row_new ();
  gtk_widget_set_name (cr->row, "contact-row");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  /* The attitude's colour, as on the map; the text says it too. */
  cr->swatch = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (cr->swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cr->swatch, "ks-attitude-swatch");
  gtk_accessible_update_state (GTK_ACCESSIBLE (cr->swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);

  cr->name = text_label_new ("contact-name-label", 1);
  gtk_widget_add_css_class (GTK_WIDGET (cr->name), "heading");
  cr->title = text_label_new ("contact-title-label", 2);
  gtk_widget_add_css_class (GTK_WIDGET (cr->title), "dim-label");
  cr->meta = text_label_new ("contact-meta-label", 2);
  gtk_widget_add_css_class (GTK_WIDGET (cr->meta), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (cr->meta), "numeric");

  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (cr->name));
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (cr->title));
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (cr->meta));

  delete_button = ks_plan_icon_button_new ("user-trash-symbolic", _("Delete Contact"));
  gtk_widget_set_name (delete_button, "contact-delete");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), cr);

  gtk_box_append (GTK_BOX (box), cr->swatch);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), delete_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (cr->row), box);

  g_object_set_data_full (G_OBJECT (cr->row), CONTACT_ROW_KEY, cr, contact_row_free);
  return cr;
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* An executive not seen within the quarter up to @today. */
static gboolean
executive_is_stale (const KsContact *contact,
                    const GDate     *today)
{
  GDate seen;

  if (contact->layer != KS_LAYER_EXECUTIVE)
    return FALSE;
  if (!ks_plan_parse_date (contact->last_contact, &seen))
    return TRUE;
  return ks_plan_executive_coverage (&seen, today) != KS_EXECUTIVE_COVERED;
}

static void
contact_row_update (ContactRow      *cr,
                    const KsContact *contact,
                    const GDate     *today)
{
  KsContactsSection *self = cr->section;
  g_autofree char *swatch_class = NULL;
  g_autofree char *influence = NULL;
  g_autofree char *last = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *title_line = NULL;
  g_autofree char *reports = NULL;
  const KsContact *manager = NULL;
  const char *attitude = "";
  const char *title;
  gboolean has_title;
  gboolean stale;

  g_clear_pointer (&cr->contact, ks_contact_free);
  cr->contact = ks_contact_copy (contact);

  if ((guint) contact->attitude < KS_N_ATTITUDES)
    {
      attitude = ks_attitude_get_label (contact->attitude);
      swatch_class = g_strdup_printf ("attitude-%s", ks_attitude_get_key (contact->attitude));
    }
  if (cr->swatch_class != NULL)
    gtk_widget_remove_css_class (cr->swatch, cr->swatch_class);
  if (swatch_class != NULL)
    gtk_widget_add_css_class (cr->swatch, swatch_class);
  g_free (cr->swatch_class);
  cr->swatch_class = g_steal_pointer (&swatch_class);

  gtk_label_set_text (cr->name, contact->name);

  /* The job title and the manager. */
  has_title = contact->title != NULL && *contact->title != '\0';
  title = has_title ? contact->title : _("No job title");
  if (contact->reports_to != 0)
    manager = g_hash_table_lookup (self->by_id, &contact->reports_to);
  if (manager != NULL)
    {
      /* Translators: %s is the name of the contact's manager */
      reports = g_strdup_printf (_("Reports to %s"), manager->name);
      /* Translators: a contact's job title and whom they report to, e.g.
       * “Purchasing Director · Reports to Li Wei” */
      title_line = g_strdup_printf (_("%s · %s"), title, reports);
    }
  else
    {
      title_line = g_strdup (title);
    }
  gtk_label_set_text (cr->title, title_line);

  /* Attitude, influence, last contact. */
  if ((guint) contact->influence < KS_N_INFLUENCES)
    /* Translators: %s is a contact's influence: High, Medium or Low */
    influence = g_strdup_printf (_("Influence: %s"), ks_influence_get_label (contact->influence));
  else
    influence = g_strdup ("");
  if (contact->last_contact != NULL && *contact->last_contact != '\0')
    /* Translators: %s is a date, 2026-03-01 */
    last = g_strdup_printf (_("Last contact %s"), contact->last_contact);
  else
    last = g_strdup (_("No contact recorded"));
  /* Translators: a contact's attitude, influence and last contact, e.g.
   * “Champion · Influence: High · Last contact 2026-03-01” */
  meta = g_strdup_printf (_("%s · %s · %s"), attitude, influence, last);
  gtk_label_set_text (cr->meta, meta);
  /* An executive not seen this quarter is what the warning above is about. */
  stale = executive_is_stale (contact, today);
  set_css_class (GTK_WIDGET (cr->meta), "warning", stale);
  set_css_class (GTK_WIDGET (cr->meta), "dim-label", !stale);

  gtk_accessible_update_property (GTK_ACCESSIBLE (cr->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, contact->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meta, -1);
}

/* ---- Executive coverage -------------------------------------------------------- */

static void
update_warning (KsContactsSection *self)
{
  KsTier tier = ks_account_get_tier (self->account);
  g_autofree char *text = NULL;
  gboolean any_executive = FALSE;
  GDate today, last;

  ks_store_get_today (self->store, &today);

  if ((tier != KS_TIER_CORE && tier != KS_TIER_KEY) ||
      ks_relations_executive_coverage (self->relations, &today) == KS_EXECUTIVE_COVERED)
    {
      gtk_widget_set_visible (self->executive_warning, FALSE);
      return;
    }

  for (guint i = 0; i < self->relations->contacts->len; i++)
    {
      const KsContact *contact = g_ptr_array_index (self->relations->contacts, i);

      if (contact->layer == KS_LAYER_EXECUTIVE)
        any_executive = TRUE;
    }

  if (!any_executive)
    {
      text = g_strdup (_("No executive-level contact at this key account. Add one and plan "
                         "a strategic dialogue."));
    }
  else if (ks_relations_last_executive_contact (self->relations, &last))
    {
      g_autofree char *date = ks_plan_format_date (&last);

      /* Translators: %s is the date of the last contact with an executive, 2026-01-15 */
      text = g_strdup_printf (_("No executive-level contact seen in the last quarter: the "
                                "last one was on %s. Plan a strategic dialogue."), date);
    }
  else
    {
      text = g_strdup (_("No executive-level contact seen in the last quarter. Plan a "
                         "strategic dialogue."));
    }

  gtk_label_set_text (self->executive_warning_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->executive_warning),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_set_visible (self->executive_warning, TRUE);
}

/* ---- The whole section --------------------------------------------------------- */

/* Rows a pass creates at most: the first rows come with the section's first frame, the
 * others in idle passes after it. A row with its wrapping labels costs a few
 * milliseconds to build and measure; the first pass makes few, as the map above the
 * lists fills most of the first screen (60 contacts: about 90 ms for the first frame).
 * Updating a row that exists is cheap, and not limited. */
#define ROWS_FIRST_PASS 5
#define ROWS_PER_PASS   20

static gboolean build_more (gpointer data);

static void
remove_surplus_rows (LayerList *layer)
{
  GtkListBoxRow *row;
  guint n = layer->contacts->len;

  while ((row = gtk_list_box_get_row_at_index (layer->list, n)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (focus == GTK_WIDGET (row) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
        layer->lost_focus = TRUE;
      gtk_list_box_remove (layer->list, GTK_WIDGET (row));
    }

  /* The last row was deleted from the keyboard: stay in the list. */
  if (layer->lost_focus)
    {
      row = n > 0 ? gtk_list_box_get_row_at_index (layer->list, n - 1) : NULL;
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      layer->lost_focus = FALSE;
    }
}

/* Brings the rows up to date, layer by layer, creating at most @max_rows; TRUE when
 * all are. */
static gboolean
build_pass (KsContactsSection *self,
            guint              max_rows)
{
  guint created = 0;
  GDate today;

  ks_store_get_today (self->store, &today);

  for (; self->build_layer < KS_N_LAYERS; self->build_layer++)
    {
      LayerList *layer = &self->layers[self->build_layer];

      for (; layer->n_shown < layer->contacts->len; layer->n_shown++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (layer->list, layer->n_shown);
          ContactRow *cr;

          if (row != NULL)
            {
              cr = get_contact_row (row);
            }
          else
            {
              if (created == max_rows)
                return FALSE;
              cr = contact_row_new (self);
              gtk_list_box_append (layer->list, cr->row);
              created++;
            }
          contact_row_update (cr, g_ptr_array_index (layer->contacts, layer->n_shown), &today);
        }

      remove_surplus_rows (layer);
    }

  return TRUE;
}

static void
rebuild (KsContactsSection *self)
{
  guint n = self->relations->contacts->len;

  self->dirty = FALSE;
  self->build_layer = 0;
  g_clear_handle_id (&self->build_id, g_source_remove);

  for (guint l = 0; l < KS_N_LAYERS; l++)
    {
      LayerList *layer = &self->layers[l];
      g_autofree char *heading = NULL;

      g_ptr_array_set_size (layer->contacts, 0);
      layer->n_shown = 0;
      for (guint i = 0; i < n; i++)
        {
          KsContact *contact = g_ptr_array_index (self->relations->contacts, i);
          guint contact_layer = (guint) contact->layer < KS_N_LAYERS ? contact->layer
                                                                     : KS_LAYER_EXECUTION;

          if (contact_layer == l)
            g_ptr_array_add (layer->contacts, contact);
        }

      /* Translators: the heading of a layer's contacts and how many there are, e.g.
       * “Executive (2)” */
      heading = g_strdup_printf (_("%s (%u)"), ks_contact_layer_get_label (l),
                                 layer->contacts->len);
      gtk_label_set_text (layer->heading, heading);
      gtk_widget_set_visible (layer->box, layer->contacts->len > 0);
    }

  gtk_widget_set_visible (self->empty, n == 0);
  gtk_widget_set_visible (self->map_group, n > 0);
  ks_relation_map_view_set_relations (self->relation_map, self->relations);
  update_warning (self);

  if (!build_pass (self, ROWS_FIRST_PASS))
    self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_more, self, NULL);
}

static gboolean
build_more (gpointer data)
{
  KsContactsSection *self = data;

  /* Unmapped half-way: the rest waits for the next map. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->build_id = 0;
      self->dirty = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (!build_pass (self, ROWS_PER_PASS))
    return G_SOURCE_CONTINUE;

  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_row_activated (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  KsContactsSection *self)
{
  ContactRow *cr = get_contact_row (row);

  if (cr != NULL && cr->contact != NULL)
    open_editor (self, cr->contact);
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KsContactsSection     *self)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  ContactRow *cr;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  cr = get_contact_row (ks_plan_list_get_focus_row (GTK_LIST_BOX (list)));
  if (cr == NULL || cr->contact == NULL)
    return GDK_EVENT_PROPAGATE;

  delete_contact (self, cr->contact);
  return GDK_EVENT_STOP;
}

static void
on_tier_changed (KsContactsSection *self)
{
  if (!self->dirty)
    update_warning (self);
}

static void
ks_contacts_section_map (GtkWidget *widget)
{
  KsContactsSection *self = KS_CONTACTS_SECTION (widget);

  /* Before the children are mapped: the rows come with the section's first frame. */
  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (ks_contacts_section_parent_class)->map (widget);
}

static void
ks_contacts_section_dispose (GObject *object)
{
  KsContactsSection *self = KS_CONTACTS_SECTION (object);

  g_clear_handle_id (&self->build_id, g_source_remove);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  for (guint l = 0; l < KS_N_LAYERS; l++)
    g_clear_pointer (&self->layers[l].contacts, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->relations, ks_relations_free);

  G_OBJECT_CLASS (ks_contacts_section_parent_class)->dispose (object);
}

static void
ks_contacts_section_class_init (KsContactsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_contacts_section_dispose;
  widget_class->map = ks_contacts_section_map;

  g_type_ensure (KS_TYPE_RELATION_MAP_VIEW);

  /* Wrapping labels inside would search for their narrowest width otherwise. */
  gtk_widget_class_set_layout_manager_type (widget_class, KS_TYPE_PLAN_SECTION_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keystone_ka/Keystone/ks-contacts-section.ui");
  gtk_widget_class_bind_template_child (widget_class, KsContactsSection, executive_warning);
  gtk_widget_class_bind_template_child (widget_class, KsContactsSection,
                                        executive_warning_label);
  gtk_widget_class_bind_template_child (widget_class, KsContactsSection, map_group);
  gtk_widget_class_bind_template_child (widget_class, KsContactsSection, relation_map);
  gtk_widget_class_bind_template_child (widget_class, KsContactsSection, lists_box);
  gtk_widget_class_bind_template_callback (widget_class, on_map_contact_activated);

  gtk_widget_class_install_action (widget_class, "contacts.add", NULL, add_contact);
  gtk_widget_class_install_action (widget_class, "contacts.add-executive", NULL, add_executive);
}

static void
ks_contacts_section_init (KsContactsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->relations = ks_relations_new (0);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  self->empty = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_name (self->empty, "contacts-empty");
  gtk_widget_add_css_class (self->empty, "card");
  gtk_box_append (GTK_BOX (self->empty),
                  ks_plan_empty_state_new ("system-users-symbolic", _("No contacts yet"),
                                           _("Add the people you know at the account — "
                                             "executives, decision makers and the team "
                                             "who use what you sell — and whom they "
                                             "report to.")));
  gtk_box_append (self->lists_box, self->empty);

  for (guint l = 0; l < KS_N_LAYERS; l++)
    {
      LayerList *layer = &self->layers[l];
      g_autofree char *list_name = g_strdup_printf ("contact-list-%s",
                                                    ks_contact_layer_get_key (l));
      g_autofree char *heading_name = g_strdup_printf ("contact-heading-%s",
                                                       ks_contact_layer_get_key (l));
      GtkEventController *keys;

      layer->contacts = g_ptr_array_new ();
      layer->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_visible (layer->box, FALSE);

      layer->heading = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_name (GTK_WIDGET (layer->heading), heading_name);
      gtk_label_set_xalign (layer->heading, 0);
      gtk_widget_add_css_class (GTK_WIDGET (layer->heading), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (layer->heading), "dim-label");

      layer->list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_widget_set_name (GTK_WIDGET (layer->list), list_name);
      gtk_list_box_set_selection_mode (layer->list, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (layer->list), "boxed-list");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (layer->list),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, layer->heading,
                                      NULL, -1);
      g_signal_connect (layer->list, "row-activated", G_CALLBACK (on_row_activated), self);

      keys = gtk_event_controller_key_new ();
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
      gtk_widget_add_controller (GTK_WIDGET (layer->list), keys);

      gtk_box_append (GTK_BOX (layer->box), GTK_WIDGET (layer->heading));
      gtk_box_append (GTK_BOX (layer->box), GTK_WIDGET (layer->list));
      gtk_box_append (self->lists_box, layer->box);
    }
}

GtkWidget *
ks_contacts_section_new (KsStore   *store,
                         KsAccount *account)
{
  KsContactsSection *self;

  g_return_val_if_fail (KS_IS_STORE (store), NULL);
  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);

  self = g_object_new (KS_TYPE_CONTACTS_SECTION, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);
  self->dirty = TRUE;
  g_signal_connect_object (account, "notify::tier", G_CALLBACK (on_tier_changed), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

void
ks_contacts_section_set_plan (KsContactsSection   *self,
                              const KsAccountPlan *plan)
{
  g_return_if_fail (KS_IS_CONTACTS_SECTION (self));
  g_return_if_fail (plan != NULL);

  g_clear_handle_id (&self->build_id, g_source_remove);
  /* The rows borrow the contacts: let go of them before they are freed. */
  for (guint l = 0; l < KS_N_LAYERS; l++)
    g_ptr_array_set_size (self->layers[l].contacts, 0);
  g_hash_table_remove_all (self->by_id);
  g_clear_pointer (&self->relations, ks_relations_free);

  self->relations = ks_relations_new (plan->account_id);
  for (guint i = 0; plan->relations != NULL && plan->relations->contacts != NULL &&
                    i < plan->relations->contacts->len; i++)
    {
      KsContact *contact = ks_contact_copy (g_ptr_array_index (plan->relations->contacts, i));

      g_ptr_array_add (self->relations->contacts, contact);
      if (contact->id != 0)
        g_hash_table_insert (self->by_id, &contact->id, contact);
    }

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}
