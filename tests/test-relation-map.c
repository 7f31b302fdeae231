/* test-relation-map.c — the relationship map: bands, managers, no overlaps, hit-testing,
 * pixels, PDF and SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#if __has_include (<poppler.h>)
#include <poppler.h>
#define HAVE_POPPLER 1
#endif

#include "ks-relation-map.h"

static KsContact *
contact_new (gint64          id,
             const char     *name,
             const char     *title,
             KsContactLayer  layer,
             KsAttitude      attitude,
             KsInfluence     influence,
             gint64          reports_to)
{
  KsContact *contact = ks_contact_new ();

  contact->id = id;
  contact->name = g_strdup (name);
  contact->title = g_strdup (title);
  contact->layer = layer;
  contact->attitude = attitude;
  contact->influence = influence;
  contact->reports_to = reports_to;
  return contact;
}

/* A small account: the chief executive and the CFO; the purchasing director reporting
 * to the CFO with a buyer under her; IT's head reporting to nobody known; two users. */
static KsRelations *
sample_relations (void)
{
  KsRelations *relations = ks_relations_new (1);
  GPtrArray *c = relations->contacts;

  g_ptr_array_add (c, contact_new (1, "王芳", "首席执行官", KS_LAYER_EXECUTIVE,
                                   KS_ATTITUDE_CHAMPION, KS_INFLUENCE_HIGH, 0));
  g_ptr_array_add (c, contact_new (2, "Li Wei", "Chief Financial Officer", KS_LAYER_EXECUTIVE,
                                   KS_ATTITUDE_NEUTRAL, KS_INFLUENCE_HIGH, 1));
  g_ptr_array_add (c, contact_new (3, "Zhang Min", "Purchasing Director",
                                   KS_LAYER_DECISION_MAKER, KS_ATTITUDE_SUPPORTER,
                                   KS_INFLUENCE_MEDIUM, 2));
  g_ptr_array_add (c, contact_new (4, "Chen Jie", "Head of IT", KS_LAYER_DECISION_MAKER,
                                   KS_ATTITUDE_DETRACTOR, KS_INFLUENCE_MEDIUM, 99));
  g_ptr_array_add (c, contact_new (5, "Zhao Lei", "Buyer", KS_LAYER_DECISION_MAKER,
                                   KS_ATTITUDE_SUPPORTER, KS_INFLUENCE_LOW, 3));
  g_ptr_array_add (c, contact_new (6, "Sun Li", NULL, KS_LAYER_EXECUTION,
                                   KS_ATTITUDE_CHAMPION, KS_INFLUENCE_LOW, 3));
  g_ptr_array_add (c, contact_new (7, "Wu Hao", "Plant engineer", KS_LAYER_EXECUTION,
                                   KS_ATTITUDE_NEUTRAL, KS_INFLUENCE_LOW, 4));
  return relations;
}

/* @n contacts: each reports to an earlier one or to nobody, layers mixed. */
static KsRelations *
random_relations (guint   n,
                  guint32 seed)
{
  KsRelations *relations = ks_relations_new (1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Contact %u with a longer name", i + 1);
      gint64 reports_to = i > 0 && g_rand_int_range (rand, 0, 5) > 0
                          ? g_rand_int_range (rand, 1, (gint32) i + 1) : 0;
      KsContactLayer layer;
      int pick = g_rand_int_range (rand, 0, 10);

      /* Few executives, more decision makers, most in execution: a real account. */
      layer = pick < 2 ? KS_LAYER_EXECUTIVE : pick < 5 ? KS_LAYER_DECISION_MAKER
                                                        : KS_LAYER_EXECUTION;
      g_ptr_array_add (relations->contacts,
                       contact_new (i + 1, name, "Senior manager, operations", layer,
                                    g_rand_int_range (rand, 0, KS_N_ATTITUDES),
                                    g_rand_int_range (rand, 0, KS_N_INFLUENCES),
                                    reports_to));
    }
  return relations;
}

static gboolean
boxes_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static cairo_rectangle_t
get_box (KsRelationMapLayout *layout,
         gint64               id)
{
  cairo_rectangle_t box;

  g_assert_true (ks_relation_map_layout_get_box (layout, id, &box));
  return box;
}

/* Bands */

static void
test_layers (void)
{
  g_autoptr(KsRelations) relations = sample_relations ();
  g_autoptr(KsRelationMapLayout) layout = ks_relation_map_layout_new (relations, 900, NULL);
  cairo_rectangle_t bands[KS_N_LAYERS];
  double bottom[KS_N_LAYERS] = { 0 };
  double top[KS_N_LAYERS];

  g_assert_cmpuint (ks_relation_map_layout_get_n_contacts (layout), ==, 7);
  g_assert_cmpfloat (ks_relation_map_layout_get_width (layout), ==, 900);

  for (guint l = 0; l < KS_N_LAYERS; l++)
    {
      ks_relation_map_layout_get_band (layout, l, &bands[l]);
      top[l] = G_MAXDOUBLE;
    }

  for (guint i = 0; i < relations->contacts->len; i++)
    {
      const KsContact *contact = g_ptr_array_index (relations->contacts, i);
      cairo_rectangle_t box = get_box (layout, contact->id);

      top[contact->layer] = MIN (top[contact->layer], box.y);
      bottom[contact->layer] = MAX (bottom[contact->layer], box.y + box.height);
      /* Inside its band. */
      g_assert_cmpfloat (box.y, >=, bands[contact->layer].y);
      g_assert_cmpfloat (box.y + box.height, <=,
                         bands[contact->layer].y + bands[contact->layer].height);
      g_assert_cmpfloat (box.x, >=, bands[contact->layer].x);
      g_assert_cmpfloat (box.x + box.width, <=,
                         bands[contact->layer].x + bands[contact->layer].width);
    }

  /* Executive above decision makers above execution. */
  g_assert_cmpfloat (bottom[KS_LAYER_EXECUTIVE], <, top[KS_LAYER_DECISION_MAKER]);
  g_assert_cmpfloat (bottom[KS_LAYER_DECISION_MAKER], <, top[KS_LAYER_EXECUTION]);
  g_assert_cmpfloat (bands[KS_LAYER_EXECUTIVE].y + bands[KS_LAYER_EXECUTIVE].height, <=,
                     bands[KS_LAYER_DECISION_MAKER].y);
  g_assert_cmpfloat (bands[KS_LAYER_DECISION_MAKER].y + bands[KS_LAYER_DECISION_MAKER].height,
                     <=, bands[KS_LAYER_EXECUTION].y);
  g_assert_cmpfloat (ks_relation_map_layout_get_height (layout), >=,
                     bands[KS_LAYER_EXECUTION].y + bands[KS_LAYER_EXECUTION].height);

  /* Higher influence, larger box. */
  g_assert_cmpfloat (get_box (layout, 1).width, >, get_box (layout, 3).width);
  g_assert_cmpfloat (get_box (layout, 3).width, >, get_box (layout, 5).width);
  g_assert_cmpfloat (get_box (layout, 1).height, >, get_box (layout, 3).height);
}

/* Managers */

static void
assert_below_or_beside (KsRelationMapLayout *layout,
                        gint64               id,
                        gint64               manager)
{
  cairo_rectangle_t child = get_box (layout, id);
  cairo_rectangle_t boss = get_box (layout, manager);
  gboolean below = child.y >= boss.y + boss.height;
  gboolean beside = child.y < boss.y + boss.height && boss.y < child.y + child.height;

  g_assert_true (below || beside);
}

static void
test_managers (void)
{
  g_autoptr(KsRelations) relations = sample_relations ();
  g_autoptr(KsRelationMapLayout) layout = ks_relation_map_layout_new (relations, 900, NULL);
  cairo_rectangle_t cfo, director, buyer;

  /* The CFO reports to the chief executive in the same band: a row below. */
  g_assert_cmpint (ks_relation_map_layout_get_manager (layout, 2), ==, 1);
  g_assert_cmpfloat (get_box (layout, 2).y, >=, get_box (layout, 1).y + get_box (layout, 1).height);
  assert_below_or_beside (layout, 3, 2);
  assert_below_or_beside (layout, 5, 3);
  assert_below_or_beside (layout, 6, 3);

  /* Under the manager: the director's centre within the CFO's box, the buyer's within
   * the director's. */
  cfo = get_box (layout, 2);
  director = get_box (layout, 3);
  buyer = get_box (layout, 5);
  g_assert_cmpfloat (fabs ((director.x + director.width / 2) - (cfo.x + cfo.width / 2)), <,
                     cfo.width);
  g_assert_cmpfloat (buyer.y, >=, director.y + director.height);
  g_assert_cmpfloat (fabs ((buyer.x + buyer.width / 2) - (director.x + director.width / 2)), <,
                     director.width);

  /* Reporting to someone unknown: a root. */
  g_assert_cmpint (ks_relation_map_layout_get_manager (layout, 4), ==, 0);
  g_assert_cmpint (ks_relation_map_layout_get_manager (layout, 1), ==, 0);
  g_assert_null (ks_relation_map_layout_get_contact (layout, 99));
  g_assert_cmpstr (ks_relation_map_layout_get_contact (layout, 1)->name, ==, "王芳");
}

/* A loop, someone reporting to themselves, a layer out of range: drawn, without
 * looping. */
static void
test_robust (void)
{
  g_autoptr(KsRelations) relations = ks_relations_new (1);
  g_autoptr(KsRelationMapLayout) layout = NULL;
  g_autoptr(KsRelationMapLayout) empty = NULL;
  g_autoptr(KsRelations) none = ks_relations_new (2);
  g_autofree char *description = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 a, b;

  g_ptr_array_add (relations->contacts, contact_new (1, "A", "", KS_LAYER_EXECUTIVE,
                                                     KS_ATTITUDE_CHAMPION,
                                                     KS_INFLUENCE_HIGH, 2));
  g_ptr_array_add (relations->contacts, contact_new (2, "B", "", KS_LAYER_EXECUTIVE,
                                                     KS_ATTITUDE_CHAMPION,
                                                     KS_INFLUENCE_HIGH, 1));
  g_ptr_array_add (relations->contacts, contact_new (3, "C", NULL, KS_LAYER_EXECUTION,
                                                     KS_ATTITUDE_DETRACTOR,
                                                     KS_INFLUENCE_LOW, 3));
  g_ptr_array_add (relations->contacts, contact_new (4, NULL, NULL, 17, 42, 9, 0));

  layout = ks_relation_map_layout_new (relations, 10, NULL);
  g_assert_cmpuint (ks_relation_map_layout_get_n_contacts (layout), ==, 4);
  a = ks_relation_map_layout_get_manager (layout, 1);
  b = ks_relation_map_layout_get_manager (layout, 2);
  g_assert_true (a == 0 || b == 0);
  g_assert_cmpint (ks_relation_map_layout_get_manager (layout, 3), ==, 0);
  g_assert_cmpfloat (ks_relation_map_layout_get_height (layout), >, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ks_relation_map_layout_get_width (layout),
                                        (int) ks_relation_map_layout_get_height (layout));
  cr = cairo_create (surface);
  ks_relation_map_render (cr, layout, KS_CHART_STYLE_LIGHT);
  ks_relation_map_render_focus (cr, layout, 3, KS_CHART_STYLE_LIGHT);
  ks_relation_map_render_focus (cr, layout, 12345, KS_CHART_STYLE_LIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* No contacts: the bands, each saying so. */
  empty = ks_relation_map_layout_new (none, 600, NULL);
  g_assert_cmpuint (ks_relation_map_layout_get_n_contacts (empty), ==, 0);
  g_assert_cmpfloat (ks_relation_map_layout_get_height (empty), >, 0);
  g_assert_cmpint (ks_relation_map_hit_test (empty, 100, 50), ==, 0);
  g_assert_cmpint (ks_relation_map_layout_neighbour (empty, 0, KS_CHART_RIGHT), ==, 0);
  description = ks_relation_map_describe (empty);
  g_assert_nonnull (strstr (description, "0 contacts"));
  g_assert_nonnull (strstr (description, "Executive: none."));
}

/* Sixty contacts, at the widths of a desktop window, a phone and less */

static void
check_no_overlap (KsRelations *relations,
                  double       width)
{
  g_autoptr(KsRelationMapLayout) layout = ks_relation_map_layout_new (relations, width, NULL);
  guint n = ks_relation_map_layout_get_n_contacts (layout);
  double height = ks_relation_map_layout_get_height (layout);
  g_autofree cairo_rectangle_t *boxes = g_new (cairo_rectangle_t, n);
  g_autofree gint64 *ids = g_new (gint64, n);
  double right = ks_relation_map_layout_get_width (layout);

  g_assert_cmpuint (n, ==, relations->contacts->len);

  for (guint i = 0; i < n; i++)
    {
      ids[i] = ks_relation_map_layout_get_id (layout, i);
      boxes[i] = get_box (layout, ids[i]);
      g_assert_cmpfloat (boxes[i].x, >=, 0);
      g_assert_cmpfloat (boxes[i].y, >=, 0);
      g_assert_cmpfloat (boxes[i].x + boxes[i].width, <=, right);
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, height);
      g_assert_cmpfloat (boxes[i].width, >, 0);
      g_assert_cmpfloat (boxes[i].height, >, 0);
    }

  for (guint i = 0; i < n; i++)
    {
      const KsContact *contact = ks_relation_map_layout_get_contact (layout, ids[i]);
      gint64 manager = ks_relation_map_layout_get_manager (layout, ids[i]);

      for (guint j = i + 1; j < n; j++)
        if (boxes_overlap (&boxes[i], &boxes[j]))
          g_error ("At %g px, the boxes of contacts %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT
                   " overlap", width, ids[i], ids[j]);

      /* The hit test finds each one at its centre and at its corners. */
      g_assert_cmpint (ks_relation_map_hit_test (layout, boxes[i].x + boxes[i].width / 2,
                                                 boxes[i].y + boxes[i].height / 2), ==, ids[i]);
      g_assert_cmpint (ks_relation_map_hit_test (layout, boxes[i].x + 1, boxes[i].y + 1), ==,
                       ids[i]);

      /* Every reports-to of the data is drawn. */
      g_assert_cmpint (manager, ==, contact->reports_to);
      /* A manager in the same band stands above. */
      if (manager != 0 &&
          ks_relation_map_layout_get_contact (layout, manager)->layer == contact->layer)
        assert_below_or_beside (layout, ids[i], manager);
    }

  g_assert_cmpint (ks_relation_map_hit_test (layout, 1, 1), ==, 0);
  g_assert_cmpint (ks_relation_map_hit_test (layout, -10, -10), ==, 0);
  g_assert_cmpint (ks_relation_map_hit_test (layout, width / 2, height + 10), ==, 0);
}

static void
test_no_overlap (void)
{
  static const double widths[] = { 1200, 1000, 700, 600, 360, 300, 200, 80 };

  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(KsRelations) relations = random_relations (60, seed);

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        check_no_overlap (relations, widths[w]);
    }
}

static void
test_speed (void)
{
  g_autoptr(KsRelations) relations = random_relations (60, 7);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(KsRelationMapLayout) layout = ks_relation_map_layout_new (relations, 1000, NULL);
  double layout_ms = g_timer_elapsed (timer, NULL) * 1000;
  cairo_surface_t *surface;
  cairo_t *cr;
  double render_ms;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000,
                                        (int) ks_relation_map_layout_get_height (layout));
  cr = cairo_create (surface);
  g_timer_start (timer);
  ks_relation_map_render (cr, layout, KS_CHART_STYLE_LIGHT);
  render_ms = g_timer_elapsed (timer, NULL) * 1000;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_test_message ("60 contacts: layout %.1f ms, render %.1f ms", layout_ms, render_ms);
  /* Generous, for a slow machine: a widget does both within its first frame. */
  g_assert_cmpfloat (layout_ms + render_ms, <, 500);
}

/* Keyboard */

static void
test_neighbour (void)
{
  g_autoptr(KsRelations) relations = sample_relations ();
  g_autoptr(KsRelationMapLayout) layout = ks_relation_map_layout_new (relations, 900, NULL);
  gint64 first = ks_relation_map_layout_get_id (layout, 0);
  gint64 last = ks_relation_map_layout_get_id (layout, 6);
  gint64 id;

  /* Reading order: the chief executive first. */
  g_assert_cmpint (first, ==, 1);
  g_assert_cmpint (ks_relation_map_layout_neighbour (layout, 0, KS_CHART_RIGHT), ==, first);
  g_assert_cmpint (ks_relation_map_layout_neighbour (layout, first, KS_CHART_LEFT), ==, first);
  g_assert_cmpint (ks_relation_map_layout_neighbour (layout, first, KS_CHART_UP), ==, first);
  g_assert_cmpint (ks_relation_map_layout_neighbour (layout, last, KS_CHART_RIGHT), ==, last);
  g_assert_cmpint (ks_relation_map_layout_neighbour (layout, first, KS_CHART_DOWN), ==, 2);

  /* Right through all of them, each once. */
  id = first;
  for (guint i = 1; i < 7; i++)
    {
      id = ks_relation_map_layout_neighbour (layout, id, KS_CHART_RIGHT);
      g_assert_cmpint (id, ==, ks_relation_map_layout_get_id (layout, i));
    }
}

static void
test_describe (void)
{
  g_autoptr(KsRelations) relations = sample_relations ();
  g_autoptr(KsRelationMapLayout) layout = ks_relation_map_layout_new (relations, 900, NULL);
  g_autofree char *description = ks_relation_map_describe (layout);
  g_autofree char *one = ks_relation_map_describe_contact (layout, 3);

  g_assert_nonnull (strstr (description, "7 contacts"));
  g_assert_nonnull (strstr (description, "Executive, 2 contacts:"));
  g_assert_nonnull (strstr (description, "Decision maker, 3 contacts:"));
  g_assert_nonnull (strstr (description, "Execution, 2 contacts:"));
  g_assert_nonnull (strstr (description, "王芳, 首席执行官, Champion, high influence."));
  g_assert_cmpstr (one, ==, "Zhang Min, Purchasing Director, Supporter, medium influence, "
                            "reports to Li Wei");
  g_assert_null (ks_relation_map_describe_contact (layout, 99));
}

/* Pixels */

static guint
count_color (cairo_surface_t    *surface,
             const KsChartColor *color)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int r = (int) lround (color->red * 255);
  int g = (int) lround (color->green * 255);
  int b = (int) lround (color->blue * 255);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);

        if (abs ((int) ((p >> 16) & 0xff) - r) <= 2 && abs ((int) ((p >> 8) & 0xff) - g) <= 2 &&
            abs ((int) (p & 0xff) - b) <= 2)
          n++;
      }
  return n;
}

static void
test_pixels (void)
{
  static const KsChartStyleKind styles[] = {
    KS_CHART_STYLE_LIGHT, KS_CHART_STYLE_DARK, KS_CHART_STYLE_HIGH_CONTRAST,
  };
  g_autoptr(KsRelations) relations = sample_relations ();
  g_autoptr(KsRelationMapLayout) layout = ks_relation_map_layout_new (relations, 900, NULL);
  int height = (int) ceil (ks_relation_map_layout_get_height (layout));
  cairo_rectangle_t box = get_box (layout, 1);

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, height);
      cairo_t *cr = cairo_create (surface);
      KsChartColor champion, detractor, supporter, neutral;
      KsChartStyle style;
      const guint8 *data;
      guint32 corner;

      ks_relation_map_get_attitude_color (styles[s], KS_ATTITUDE_CHAMPION, &champion);
      ks_relation_map_get_attitude_color (styles[s], KS_ATTITUDE_DETRACTOR, &detractor);
      ks_relation_map_get_attitude_color (styles[s], KS_ATTITUDE_SUPPORTER, &supporter);
      ks_relation_map_get_attitude_color (styles[s], KS_ATTITUDE_NEUTRAL, &neutral);
      ks_chart_style_init (&style, styles[s]);

      ks_relation_map_render (cr, layout, styles[s]);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);

      /* Two champions and one detractor: their strips and outlines. */
      g_assert_cmpuint (count_color (surface, &champion), >, 200);
      g_assert_cmpuint (count_color (surface, &detractor), >, 100);
      g_assert_cmpuint (count_color (surface, &supporter), >, 100);
      g_assert_cmpuint (count_color (surface, &neutral), >, 100);

      /* The champion's strip, inside the chief executive's box. */
      data = cairo_image_surface_get_data (surface);
      corner = *(const guint32 *) (gconstpointer) (data + (int) (box.y + box.height / 2) *
                                                   cairo_image_surface_get_stride (surface) +
                                                   (int) (box.x + 3) * 4);
      g_assert_cmpint (abs ((int) ((corner >> 8) & 0xff) - (int) lround (champion.green * 255)),
                       <=, 2);

      /* The background in the corner. */
      corner = *(const guint32 *) (gconstpointer) data;
      g_assert_cmpint (abs ((int) ((corner >> 16) & 0xff) -
                            (int) lround (style.background.red * 255)), <=, 1);

      cairo_surface_destroy (surface);
    }
}

/* Vector surfaces: the printed account plan */

static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("relation-map-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(KsRelations) relations = sample_relations ();
  g_autoptr(KsRelationMapLayout) layout = ks_relation_map_layout_new (relations, 600, NULL);
  double height = ks_relation_map_layout_get_height (layout);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  path = g_build_filename (dir, "map.pdf", NULL);
  svg_path = g_build_filename (dir, "map.svg", NULL);

  surface = cairo_pdf_surface_create (path, 600, height);
  cr = cairo_create (surface);
  ks_relation_map_render (cr, layout, KS_CHART_STYLE_LIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  surface = cairo_svg_surface_create (svg_path, 600, height);
  cr = cairo_create (surface);
  ks_relation_map_render (cr, layout, KS_CHART_STYLE_DARK);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, "<svg"));

#ifdef HAVE_POPPLER
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
    g_autofree char *text = NULL;
    PopplerDocument *document;
    PopplerPage *page;

    g_assert_no_error (error);
    document = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    page = poppler_document_get_page (document, 0);
    text = poppler_page_get_text (page);
    g_assert_nonnull (strstr (text, "王芳"));
    g_assert_nonnull (strstr (text, "首席执行官"));
    g_assert_nonnull (strstr (text, "Zhang Min"));
    g_assert_nonnull (strstr (text, "Executive"));
    g_assert_nonnull (strstr (text, "Decision maker"));
    g_assert_nonnull (strstr (text, "Execution"));
    g_assert_nonnull (strstr (text, "Champion"));
    g_object_unref (page);
    g_object_unref (document);
  }
#else
  g_test_message ("poppler-glib not found: the PDF's text is not checked");
#endif

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (svg_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keystone/relation-map/layers", test_layers);
  g_test_add_func ("/keystone/relation-map/managers", test_managers);
  g_test_add_func ("/keystone/relation-map/robust", test_robust);
  g_test_add_func ("/keystone/relation-map/no-overlap", test_no_overlap);
  g_test_add_func ("/keystone/relation-map/speed", test_speed);
  g_test_add_func ("/keystone/relation-map/neighbour", test_neighbour);
  g_test_add_func ("/keystone/relation-map/describe", test_describe);
  g_test_add_func ("/keystone/relation-map/pixels", test_pixels);
  g_test_add_func ("/keystone/relation-map/pdf", test_pdf);

  return g_test_run ();
}
