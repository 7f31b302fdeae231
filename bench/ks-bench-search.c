/* ks-bench-search.c — search-as-you-type latency in the portfolio view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ks-bench-search [-v] PATH        (-v: a readable line per keystroke besides)
 *
 * Opens the database at PATH (made by ks-bench-populate), shows a KsPortfolioView in a
 * window, types a few queries into its search entry one character at a time, then
 * deletes them again one character at a time. For each keystroke it measures:
 *
 *   input  the edit and what it runs at once: the filter, and the rows that change;
 *   frame  the next frame's work, GdkFrameClock "before-paint" to "after-paint": the
 *          column view lays out the rows it now shows, and draws them (-v also shows
 *          the time to the end of the layout phase, update phase included, or "-"
 *          when the frame had nothing to lay out);
 *   busy   input + frame: the time from the key to its result on screen that the main
 *          thread is at work (waiting for the frame clock's tick is not counted);
 *   stall  the longest single main-loop turn after that, until the list has a row for
 *          each account shown (rows come and go a few at a time, between frames): the
 *          longest a next key could wait. Time spent waiting in poll() is not counted.
 *   settle from the key until the list has all its rows and drew them, waits included.
 *
 * The goal is busy and stall both under 16 ms: one frame at 60 Hz.
 *
 * Besides the table, it prints a line per keystroke ("search-key N MS TEXT") and one
 * of figures ("search-summary …") for bench/run.
 *
 * A keystroke is one gtk_editable_insert_text() at the end, a backspace one
 * gtk_editable_delete_text(), as GtkText does for a key press: one "changed" each.
 * gtk_editable_set_text() would not do: it deletes everything, then inserts, so the view
 * would see an empty search (every account) between any two keystrokes.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ks-portfolio-view.h"

#define GOAL_MS 16.0

typedef struct
{
  guint n_frames;
  gint64 before_paint;    /* of the last frame, g_get_monotonic_time () */
  gint64 after_paint;
  gint64 after_layout;    /* 0 when the frame had nothing to lay out */
} Frames;

typedef struct
{
  double input_ms;
  double frame_ms;
  double layout_ms;     /* the frame up to the end of its layout phase; -1 if none ran */
  double busy_ms;
  double stall_ms;
  double settle_ms;
  double worst_ms;      /* the larger of busy and stall */
  guint n_items;
} Keystroke;

/* Time spent inside poll(), where the main loop waits rather than works. */
static GPollFunc real_poll;
static gint64 poll_us;

static gint
timed_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 t0 = g_get_monotonic_time ();
  gint result = real_poll (fds, n_fds, timeout);

  poll_us += g_get_monotonic_time () - t0;
  return result;
}

/* The first four match with 10 000 accounts and more (ks-bench-populate's names). In
 * the last, a letter no name holds, as in a typo: the list gives way to “No Matching
 * Accounts”, and comes back when it is deleted. One letter, so that keys that go from
 * no account to no account, which cost next to nothing, do not pad the figures. */
static const struct
{
  const char *text;
  gboolean matches_none;
} queries[] = {
  { "Northwind Logistics 01", FALSE },
  { "华东精密", FALSE },
  { "logistics 09", FALSE },
  { "0042", FALSE },
  { "q", TRUE },
};

static gboolean verbose;

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->before_paint = g_get_monotonic_time ();
  frames->after_layout = 0;
}

static void
on_layout (GdkFrameClock *clock,
           Frames        *frames)
{
  frames->after_layout = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->after_paint = g_get_monotonic_time ();
  frames->n_frames++;
}

/* Spaces that pad @text to @columns on a terminal: %-Ns counts bytes, and a Chinese
 * character takes two columns. */
static int
padding (const char *text,
         int         columns)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return MAX (0, columns - width);
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until there is a frame after @n_frames, or @timeout_ms passed. */
static gboolean
wait_for_frame (Frames *frames,
                guint   n_frames,
                guint   timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, set_flag, &timed_out);

  while (frames->n_frames <= n_frames && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static double
ms_between (gint64 from,
            gint64 to)
{
  return (to - from) / 1000.0;
}

static Keystroke
press (KsPortfolioView *view,
       GtkEditable     *entry,
       GListModel      *visible,
       Frames          *frames,
       const char      *text)
{
  Keystroke k = { 0 };
  guint n_frames = frames->n_frames;
  guint settled_frames = G_MAXUINT;
  const char *current = gtk_editable_get_text (entry);
  gsize len_current = strlen (current);
  int position = g_utf8_strlen (current, -1);
  gint64 t0, t1, deadline;
  gboolean first_frame = TRUE;

  t0 = g_get_monotonic_time ();
  if (g_str_has_prefix (text, current))
    gtk_editable_insert_text (entry, text + len_current, -1, &position);
  else if (g_str_has_prefix (current, text))
    gtk_editable_delete_text (entry, g_utf8_strlen (text, -1), -1);
  else
    gtk_editable_set_text (entry, text);
  t1 = g_get_monotonic_time ();

  k.n_items = g_list_model_get_n_items (visible);
  k.input_ms = ms_between (t0, t1);

  /* Turn by turn until the list is settled and a frame after that was drawn. */
  deadline = t1 + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 polled = poll_us;
      double turn_ms;

      if (settled_frames == G_MAXUINT && ks_portfolio_view_is_settled (view))
        settled_frames = frames->n_frames;
      if (frames->n_frames > settled_frames && !g_main_context_pending (NULL))
        break;

      g_main_context_iteration (NULL, TRUE);
      turn_ms = ms_between (start, g_get_monotonic_time ()) - (poll_us - polled) / 1000.0;

      if (first_frame && frames->n_frames > n_frames)
        {
          /* The first frame after the key: its paint is the frame part, the rest of
           * its turn is a stall like any other. */
          first_frame = FALSE;
          k.frame_ms = ms_between (frames->before_paint, frames->after_paint);
          k.layout_ms = frames->after_layout != 0
                        ? ms_between (frames->before_paint, frames->after_layout) : -1;
          turn_ms -= k.frame_ms;
        }
      k.stall_ms = MAX (k.stall_ms, turn_ms);
    }
  if (settled_frames == G_MAXUINT || first_frame)
    g_printerr ("warning: the list did not settle within 10 s after typing “%s”\n", text);
  k.settle_ms = ms_between (t0, frames->after_paint);
  k.busy_ms = k.input_ms + k.frame_ms;
  k.worst_ms = MAX (k.busy_ms, k.stall_ms);

  if (verbose)
    {
      g_autofree char *layout = k.layout_ms >= 0 ? g_strdup_printf ("%5.2f", k.layout_ms)
                                                 : g_strdup ("    -");

      g_print ("    %s%*s %6u items  input %6.2f  frame %6.2f (to layout %s)  stall %6.2f  "
               "settle %7.2f ms\n", text, padding (text, 24), "", k.n_items, k.input_ms,
               k.frame_ms, layout, k.stall_ms, k.settle_ms);
    }
  return k;
}

/* One line per keystroke for bench/run, which runs this program several times and
 * takes each keystroke's median over the runs: its number, the larger of busy and
 * stall, then the entry's text after it. */
static void
print_key_line (guint            number,
                const Keystroke *k,
                const char      *text)
{
  g_print ("search-key %u %.2f %s\n", number, k->worst_ms, text);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value at @fraction (0–1) of the sorted @values, nearest rank. */
static double
percentile (GArray *values,
            double  fraction)
{
  g_autoptr(GArray) sorted = NULL;
  guint rank;

  if (values->len == 0)
    return 0;

  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_double);
  rank = (guint) (fraction * sorted->len + 0.999999);
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

typedef enum
{
  FIELD_INPUT,
  FIELD_FRAME,
  FIELD_BUSY,
  FIELD_STALL,
  FIELD_SETTLE,
  FIELD_WORST,
} Field;

static GArray *
pick (GArray *keystrokes,
      Field   field)
{
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), keystrokes->len);

  for (guint i = 0; i < keystrokes->len; i++)
    {
      const Keystroke *k = &g_array_index (keystrokes, Keystroke, i);
      double v = field == FIELD_INPUT ? k->input_ms
               : field == FIELD_FRAME ? k->frame_ms
               : field == FIELD_BUSY ? k->busy_ms
               : field == FIELD_STALL ? k->stall_ms
               : field == FIELD_SETTLE ? k->settle_ms
               : k->worst_ms;

      g_array_append_val (values, v);
    }
  return values;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Keystroke));
  g_auto(GStrv) chosen = NULL;
  g_autoptr(GArray) worst = NULL;
  g_autoptr(GArray) busy = NULL;
  g_autoptr(GArray) stall = NULL;
  g_autoptr(GArray) settle = NULL;
  g_autoptr(GArray) input = NULL;
  g_autoptr(GArray) frame = NULL;
  Frames frames = { 0 };
  KsPortfolioView *view;
  GtkWindow *window;
  GtkEditable *entry;
  GListModel *visible;
  GdkFrameClock *clock;
  guint total;
  gboolean ok = TRUE;
  gint64 t0, t_open, t_view, t_frame, t_settled;
  double p50, p95, max;
  guint over = 0;

  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "-v"))
    {
      verbose = TRUE;
      argv[1] = argv[2];
      argc = 2;
    }
  if (argc != 2)
    {
      g_printerr ("Usage: %s [-v] PATH\n", argv[0]);
      return 2;
    }

  adw_init ();
  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  /* What KsApplication loads from its resource base path. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/keystone_ka/Keystone/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  t0 = g_get_monotonic_time ();
  store = ks_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  total = ks_store_get_n_accounts (store);
  t_open = g_get_monotonic_time ();

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 720);
  view = g_object_new (KS_TYPE_PORTFOLIO_VIEW, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  ks_portfolio_view_set_store (view, store);
  t_view = g_get_monotonic_time ();

  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  gtk_window_present (window);
  if (!wait_for_frame (&frames, 0, 30000))
    {
      g_printerr ("%s: the window showed no frame within 30 s\n", argv[0]);
      return 1;
    }
  t_frame = g_get_monotonic_time ();

  entry = ks_portfolio_view_get_search_entry (view);
  visible = ks_portfolio_view_get_visible_accounts (view);
  ks_portfolio_view_start_search (view);
  /* The rows after the first screenful come a few a frame: typing starts once they
   * are all there, as a user's would after a moment. */
  while (!ks_portfolio_view_is_settled (view) && g_get_monotonic_time () - t_frame < 30 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  t_settled = g_get_monotonic_time ();
  run_for (500);

  g_print ("search benchmark: %u accounts\n", total);
  g_print ("  open store %.1f ms, set up view %.1f ms, first frame %.1f ms later, "
           "every row %.1f ms after that\n",
           ms_between (t0, t_open), ms_between (t_open, t_view), ms_between (t_view, t_frame),
           ms_between (t_frame, t_settled));
  g_print ("  %-26s %5s %10s %10s %10s %10s %8s\n",
           "query", "keys", "median ms", "max ms", "max stall", "max settle", "matches");

  /* KS_BENCH_QUERIES="a,b,…" types other queries, to look at one case closely. */
  {
    const char *env = g_getenv ("KS_BENCH_QUERIES");

    if (env != NULL && *env != '\0')
      chosen = g_strsplit (env, ",", -1);
  }
  for (guint q = 0; chosen != NULL ? chosen[q] != NULL : q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) these = g_array_new (FALSE, FALSE, sizeof (Keystroke));
      g_autoptr(GArray) these_worst = NULL;
      g_autoptr(GArray) these_stall = NULL;
      g_autoptr(GArray) these_settle = NULL;
      const char *query = chosen != NULL ? chosen[q] : queries[q].text;
      gboolean none_expected = chosen == NULL && queries[q].matches_none;
      glong n_chars = g_utf8_strlen (query, -1);
      guint matches = 0;
      g_autofree char *label = NULL;

      /* Type it … */
      for (glong i = 1; i <= n_chars; i++)
        {
          g_autofree char *prefix = g_utf8_substring (query, 0, i);
          Keystroke k = press (view, entry, visible, &frames, prefix);

          g_array_append_val (these, k);
          print_key_line (all->len + these->len, &k, prefix);
          matches = k.n_items;
        }
      /* … and delete it, down to the empty entry that shows every account. */
      for (glong i = n_chars - 1; i >= 0; i--)
        {
          g_autofree char *prefix = g_utf8_substring (query, 0, i);
          Keystroke k = press (view, entry, visible, &frames, prefix);

          g_array_append_val (these, k);
          print_key_line (all->len + these->len, &k, prefix);
        }

      /* The work happened: the full query narrowed the list (to nothing if so meant, and
       * any query of KS_BENCH_QUERIES may), the empty one restored it. */
      if ((matches == 0 && chosen == NULL && !none_expected) ||
          (matches != 0 && none_expected) || matches >= total ||
          g_array_index (these, Keystroke, these->len - 1).n_items != total)
        {
          g_printerr ("%s: “%s” matched %u of %u, %u after clearing\n", argv[0], query,
                      matches, total, g_array_index (these, Keystroke, these->len - 1).n_items);
          ok = FALSE;
        }

      these_worst = pick (these, FIELD_WORST);
      these_stall = pick (these, FIELD_STALL);
      these_settle = pick (these, FIELD_SETTLE);
      label = g_strdup_printf ("“%s”", query);
      g_print ("  %s%*s %5u %10.2f %10.2f %10.2f %10.2f %8u\n",
               label, padding (label, 26), "",
               these->len, percentile (these_worst, 0.5), percentile (these_worst, 1.0),
               percentile (these_stall, 1.0), percentile (these_settle, 1.0), matches);
      g_array_append_vals (all, these->data, these->len);
    }

  worst = pick (all, FIELD_WORST);
  busy = pick (all, FIELD_BUSY);
  stall = pick (all, FIELD_STALL);
  settle = pick (all, FIELD_SETTLE);
  input = pick (all, FIELD_INPUT);
  frame = pick (all, FIELD_FRAME);
  for (guint i = 0; i < worst->len; i++)
    over += g_array_index (worst, double, i) >= GOAL_MS;
  p50 = percentile (worst, 0.5);
  p95 = percentile (worst, 0.95);
  max = percentile (worst, 1.0);

  g_print ("  per keystroke (%u): input median %.2f / max %.2f ms, "
           "frame median %.2f / max %.2f ms\n",
           all->len, percentile (input, 0.5), percentile (input, 1.0),
           percentile (frame, 0.5), percentile (frame, 1.0));
  g_print ("  busy (input + frame) median %.2f / max %.2f ms, "
           "stall median %.2f / max %.2f ms, settle median %.2f / max %.2f ms\n",
           percentile (busy, 0.5), percentile (busy, 1.0),
           percentile (stall, 0.5), percentile (stall, 1.0),
           percentile (settle, 0.5), percentile (settle, 1.0));
  g_print ("  larger of busy and stall per keystroke: median %.2f ms, p95 %.2f ms, "
           "max %.2f ms, %u of %u over (goal < %.0f ms: %s)\n",
           p50, p95, max, over, all->len, GOAL_MS,
           max < GOAL_MS ? "met" : p95 < GOAL_MS ? "met at p95, not at max" : "NOT met");
  /* One line for bench/run to read. */
  g_print ("search-summary accounts=%u keys=%u over=%u median=%.2f p95=%.2f max=%.2f "
           "input_max=%.2f frame_max=%.2f busy_max=%.2f stall_max=%.2f settle_max=%.2f\n",
           total, all->len, over, p50, p95, max, percentile (input, 1.0),
           percentile (frame, 1.0), percentile (busy, 1.0), percentile (stall, 1.0),
           percentile (settle, 1.0));

  gtk_window_destroy (window);
  return ok ? 0 : 1;
}
