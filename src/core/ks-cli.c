/* ks-cli.c — the commands Keystone runs without a window: import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ks-cli.h"
#include "ks-error.h"
#include "ks-import.h"
#include "ks-report-plan.h"
#include "ks-report-review.h"
#include "ks-store.h"

#define EXIT_USAGE 2

/* The index in @argv of the command word, or 0 when there is none. */
static int
find_command (int    argc,
              char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        return i + 1 < argc ? i + 1 : 0;
      /* the option's value is the next argument */
      if (g_str_equal (arg, "--database") || g_str_equal (arg, "-d"))
        {
          i++;
          continue;
        }
      if (arg[0] == '-' && arg[1] != '\0')
        continue;
      return i;
    }

  return 0;
}

gboolean
ks_cli_is_command (int    argc,
                   char **argv)
{
  int i;

  g_return_val_if_fail (argv != NULL, FALSE);

  i = find_command (argc, argv);
  return i > 0 && (g_str_equal (argv[i], "import") || g_str_equal (argv[i], "export"));
}

static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("keystone: %s\n", message);
  /* Translators: %s is a command, like “import” */
  g_printerr (_("Run “keystone %s --help” to see how to use it."), command);
  g_printerr ("\n");
  return EXIT_USAGE;
}

static int
fail (const GError *error)
{
  g_printerr ("keystone: %s\n", error->message);
  return 1;
}

static char *
database_path (const char *database)
{
  if (database != NULL)
    return g_strdup (database);
  return ks_store_get_default_path ();
}

static void
print_problem (const char            *file,
               const KsImportProblem *problem)
{
  g_autofree char *where = NULL;

  if (problem->column == 0)
    where = g_strdup ("");
  else if (problem->header != NULL && *problem->header != '\0')
    /* Translators: %s is a column's header, as the file has it */
    where = g_strdup_printf (_("column “%s”: "), problem->header);
  else
    /* Translators: %u is a column's number, for a column without header */
    where = g_strdup_printf (_("column %u: "), problem->column);

  g_printerr ("%s:%" G_GUINT64_FORMAT ": %s%s\n", file, problem->line, where, problem->message);
}

static void
print_result (const KsImportResult *result)
{
  g_print (_("Imported %u, updated %u, skipped %u."),
           result->imported, result->updated, result->skipped);
  g_print ("\n");

  for (guint i = 0; i < result->skipped_reasons->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (result->skipped_reasons, i));

  if (result->ignored_headers->len > 0)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < result->ignored_headers->len; i++)
        {
          if (i > 0)
            g_string_append (list, ", ");
          g_string_append_printf (list, "“%s”",
                                  (const char *) g_ptr_array_index (result->ignored_headers, i));
        }
      /* Translators: %s is a list of column headers */
      g_print (_("Columns Keystone does not know, not imported: %s."), list->str);
      g_print ("\n");
      g_string_free (list, TRUE);
    }
}

static gboolean
parse_duplicates (const char   *text,
                  KsDuplicates *out)
{
  if (text == NULL || g_str_equal (text, "skip"))
    *out = KS_DUPLICATES_SKIP;
  else if (g_str_equal (text, "update"))
    *out = KS_DUPLICATES_UPDATE;
  else if (g_str_equal (text, "keep"))
    *out = KS_DUPLICATES_KEEP;
  else
    return FALSE;

  return TRUE;
}

static GOptionContext *
new_context (const char         *parameters,
             const char         *summary,
             const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static int
run_import (GStrv *args)
{
  g_autofree char *database = NULL;
  g_autofree char *duplicates_text = NULL;
  gboolean valid_rows_only = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("Import into the database at PATH instead of the default one"), N_("PATH") },
    { "duplicates", 0, 0, G_OPTION_ARG_STRING, &duplicates_text,
      N_("What to do with an account whose name is already in the portfolio: skip it "
         "(the default), update the existing one with the file’s columns, or keep both"),
      "skip|update|keep" },
    { "valid-rows-only", 0, 0, G_OPTION_ARG_NONE, &valid_rows_only,
      N_("Import the valid rows even when others have problems"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsImport) import = NULL;
  g_autoptr(KsStore) store = NULL;
  g_autoptr(KsImportResult) result = NULL;
  g_autofree char *path = NULL;
  KsDuplicates duplicates;
  const char *file;

  context = new_context (_("import FILE.csv"),
                         _("Adds the accounts of a CSV file (UTF-8, UTF-16 or GB18030; "
                           "comma, semicolon or tab) to the portfolio. Columns are matched "
                           "by their headers, in English or Chinese. While any row has a "
                           "problem nothing is written, unless --valid-rows-only is given."),
                         entries);
  if (!g_option_context_parse_strv (context, args, &error))
    return usage_error ("import", error->message);

  /* program, “import”, FILE */
  if (g_strv_length (*args) != 3)
    return usage_error ("import", _("Name one CSV file to import."));
  file = (*args)[2];

  if (!parse_duplicates (duplicates_text, &duplicates))
    return usage_error ("import", _("--duplicates takes skip, update or keep."));

  import = ks_import_open (file, NULL, &error);
  if (import == NULL || !ks_import_check_mapping (import, &error))
    {
      fail (error);
      g_printerr ("%s\n", _("Nothing was imported."));
      return 1;
    }

  path = database_path (database);
  store = ks_store_open (path, &error);
  if (store == NULL)
    return fail (error);

  if (!ks_import_run (import, store, duplicates, valid_rows_only, NULL, NULL, NULL,
                      &result, &error))
    {
      fail (error);
      g_printerr ("%s\n", _("Nothing was imported."));
      return 1;
    }

  for (guint i = 0; i < result->problems->len; i++)
    print_problem (file, g_ptr_array_index (result->problems, i));

  if (result->problems->len > 0 && !valid_rows_only)
    {
      g_printerr ("%s\n", _("Nothing was imported."));
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "Correct the row above and import the file again, or import "
                               "the valid rows only with --valid-rows-only.",
                               "Correct the rows above and import the file again, or import "
                               "the valid rows only with --valid-rows-only.",
                               result->problems->len));
      g_printerr ("\n");
      return 1;
    }

  print_result (result);
  return 0;
}

/* Highest KA score first, then by name. */
static int
compare_for_export (gconstpointer a,
                    gconstpointer b)
{
  KsAccount *account_a = *(KsAccount * const *) a;
  KsAccount *account_b = *(KsAccount * const *) b;
  double score_a = ks_account_get_ka_score (account_a);
  double score_b = ks_account_get_ka_score (account_b);

  if (score_a != score_b)
    return score_a > score_b ? -1 : 1;
  return strcmp (ks_account_get_name_key (account_a), ks_account_get_name_key (account_b));
}

/* The account @text names: its exact name, else its name in any case (as the store
 * compares names), else its id. Two accounts with that name are an error: the user
 * names one by its id. */
static KsAccount *
find_account (KsStore     *store,
              const char  *text,
              GError     **error)
{
  GListModel *accounts = ks_store_get_accounts (store);
  guint n = g_list_model_get_n_items (accounts);
  g_autofree char *folded = ks_account_fold (text);
  g_autoptr(GPtrArray) exact = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) folded_matches = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *matches;
  gint64 id;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsAccount) account = g_list_model_get_item (accounts, i);

      if (g_str_equal (ks_account_get_name (account), text))
        g_ptr_array_add (exact, g_object_ref (account));
      else if (g_str_equal (ks_account_get_name_key (account), folded))
        g_ptr_array_add (folded_matches, g_object_ref (account));
    }

  matches = exact->len > 0 ? exact : folded_matches;
  if (matches->len == 1)
    return g_object_ref (g_ptr_array_index (matches, 0));

  if (matches->len > 1)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < matches->len; i++)
        g_string_append_printf (ids, i > 0 ? ", %" G_GINT64_FORMAT : "%" G_GINT64_FORMAT,
                                ks_account_get_id (g_ptr_array_index (matches, i)));
      g_set_error (error, KS_ERROR, KS_ERROR_DUPLICATE,
                   /* Translators: the first %s is the name typed, the second a list of
                    * account ids, “3, 17” */
                   _("More than one account is named “%s” (ids %s). Name the one to export "
                     "by its id."),
                   text, ids->str);
      return NULL;
    }

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      KsAccount *account = ks_store_lookup_account (store, id);

      if (account != NULL)
        return g_object_ref (account);
    }

  g_set_error (error, KS_ERROR, KS_ERROR_NOT_FOUND,
               /* Translators: %s is the account's name or id as typed */
               _("No account is named “%s”, nor has that id. Check the name as the portfolio "
                 "shows it."),
               text);
  return NULL;
}

static int
run_export_plan (const char  *database,
                 char       **leave_out,
                 GStrv        args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsStore) store = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(KsDocument) document = NULL;
  g_autofree char *path = NULL;
  KsReportSections left_out = KS_REPORT_SECTIONS_NONE;
  guint n_pages;

  /* program, “export”, “plan”, ACCOUNT, OUT */
  if (g_strv_length (args) != 5)
    return usage_error ("export",
                        _("Type “export plan”, the account’s name or id, and the PDF file "
                          "to write."));

  for (guint i = 0; leave_out != NULL && leave_out[i] != NULL; i++)
    {
      KsReportSections sections;

      if (!ks_report_sections_parse (leave_out[i], &sections, &error))
        return usage_error ("export", error->message);
      left_out |= sections;
    }

  path = database_path (database);
  store = ks_store_open (path, &error);
  if (store == NULL)
    return fail (error);

  account = find_account (store, args[3], &error);
  if (account == NULL)
    return fail (error);

  document = ks_report_plan_new (store, account, left_out, &error);
  if (document == NULL || !ks_document_write_pdf (document, args[4], &error))
    return fail (error);

  n_pages = ks_document_get_n_pages (document);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: the first %s is an account, the second a file,
                         * %u its pages */
                        "Wrote the account plan of “%s” to “%s” (%u page).",
                        "Wrote the account plan of “%s” to “%s” (%u pages).", n_pages),
           ks_account_get_name (account), args[4], n_pages);
  g_print ("\n");
  return 0;
}

static int
run_export_review (const char  *database,
                   const char  *quarter,
                   const char  *owner,
                   GStrv        args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsStore) store = NULL;
  g_autoptr(KsDocument) document = NULL;
  g_autofree char *path = NULL;
  guint n_pages;

  /* program, “export”, “review”, OUT */
  if (g_strv_length (args) != 4)
    return usage_error ("export", _("Type “export review” and the PDF file to write."));

  /* A quarter that is not one is refused before the database is opened (or made). */
  if (quarter != NULL && !ks_quarter_parse (quarter, NULL, NULL, &error))
    return fail (error);

  path = database_path (database);
  store = ks_store_open (path, &error);
  if (store == NULL)
    return fail (error);

  document = ks_report_review_new (store, quarter, owner, &error);
  if (document == NULL || !ks_document_write_pdf (document, args[3], &error))
    return fail (error);

  n_pages = ks_document_get_n_pages (document);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: the first %s is the document's title, “Quarterly
                         * Review 2026-Q3”, the second a file, %u its pages */
                        "Wrote “%s” to “%s” (%u page).",
                        "Wrote “%s” to “%s” (%u pages).", n_pages),
           ks_document_get_title (document), args[3], n_pages);
  g_print ("\n");
  return 0;
}

static int
run_export (GStrv *args)
{
  g_autofree char *database = NULL;
  g_auto(GStrv) leave_out = NULL;
  g_autofree char *quarter = NULL;
  g_autofree char *owner = NULL;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("Export the database at PATH instead of the default one"), N_("PATH") },
    { "leave-out", 0, 0, G_OPTION_ARG_STRING_ARRAY, &leave_out,
      N_("Leave these sections out of the account plan, separated by commas: profile, "
         "score, health, quadrant, targets, actions, swot, relationships, complaints, "
         "opportunities, contracts, risks"),
      N_("SECTIONS") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter,
      /* Translators: keep “2026-Q3” as it is: the form is not translated */
      N_("The quarter of the quarterly review, like 2026-Q3 (default: the current one)"),
      N_("YYYY-Qn") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner,
      N_("Review only the accounts of this owner (default: the whole portfolio)"),
      N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsStore) store = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GListStore) ordered = NULL;
  g_autofree char *path = NULL;
  GListModel *accounts;
  const char *out;
  gboolean review;
  guint n;

  context = new_context (_("export csv OUT.csv | export plan ACCOUNT OUT.pdf | "
                           "export review OUT.pdf"),
                         _("“export csv” writes the whole portfolio to a CSV file that Excel "
                           "and WPS open as it is: UTF-8 with BOM, one header row, highest KA "
                           "score first.\n"
                           "“export plan” writes the account plan of one account, named by "
                           "its name or its id, to a PDF file, in the language of the user "
                           "interface; --leave-out keeps internal sections (health, swot, "
                           "risks) from a copy for the client.\n"
                           "“export review” writes the quarterly review of the current "
                           "quarter, or of the one --quarter names, to a PDF file: the whole "
                           "portfolio, or the accounts of the owner --owner names."),
                         entries);
  if (!g_option_context_parse_strv (context, args, &error))
    return usage_error ("export", error->message);

  review = g_strv_length (*args) >= 3 && g_str_equal ((*args)[2], "review");
  if (!review && (quarter != NULL || owner != NULL))
    return usage_error ("export", _("--quarter and --owner are for “export review” only."));
  if (review && leave_out != NULL)
    return usage_error ("export", _("--leave-out is for “export plan” only."));
  if (review)
    return run_export_review (database, quarter, owner, *args);

  if (g_strv_length (*args) >= 3 && g_str_equal ((*args)[2], "plan"))
    return run_export_plan (database, leave_out, *args);

  /* program, “export”, “csv”, OUT */
  if (g_strv_length (*args) != 4 || !g_str_equal ((*args)[2], "csv"))
    return usage_error ("export", _("Type “export csv” and the file to write, “export plan”, "
                                    "an account and the PDF file to write, or “export "
                                    "review” and the PDF file to write."));
  if (leave_out != NULL)
    return usage_error ("export", _("--leave-out is for “export plan” only."));
  out = (*args)[3];

  path = database_path (database);
  store = ks_store_open (path, &error);
  if (store == NULL)
    return fail (error);

  accounts = ks_store_get_accounts (store);
  n = g_list_model_get_n_items (accounts);
  sorted = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (accounts, i));
  g_ptr_array_sort (sorted, compare_for_export);

  ordered = g_list_store_new (KS_TYPE_ACCOUNT);
  g_list_store_splice (ordered, 0, 0, sorted->pdata, sorted->len);

  if (!ks_export_csv (G_LIST_MODEL (ordered), out, NULL, &error))
    return fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Exported %u account to “%s”.",
                        "Exported %u accounts to “%s”.", n),
           n, out);
  g_print ("\n");
  return 0;
}

int
ks_cli_main (int    argc,
             char **argv)
{
  g_auto(GStrv) args = NULL;
  int i;

  g_return_val_if_fail (argv != NULL, EXIT_USAGE);

  i = find_command (argc, argv);
  args = g_new0 (char *, argc + 1);
  for (int j = 0; j < argc; j++)
    args[j] = g_strdup (argv[j]);

  if (i > 0 && g_str_equal (argv[i], "import"))
    return run_import (&args);
  if (i > 0 && g_str_equal (argv[i], "export"))
    return run_export (&args);

  g_printerr ("keystone: %s\n", _("Unknown command. Use “import” or “export”."));
  return EXIT_USAGE;
}
