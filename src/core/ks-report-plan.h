/* ks-report-plan.h — the account plan as a printed document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One account's plan, for the client or for the team: profile, KA score, health, its
 * place on the quadrant chart, targets and actuals, the action plan, SWOT, the
 * relationship map and contacts, complaints and their response times, opportunities,
 * contract checklists, risks and contingency plans. Sections without data say so;
 * sections left out (the internal ones before it goes to the client) are not there at
 * all. ks_document_write_pdf() writes it; a print operation draws its pages.
 */
#pragma once

#include "ks-document.h"
#include "ks-store.h"

G_BEGIN_DECLS

/* The sections, in the order the document has them. */
typedef enum
{
  KS_REPORT_SECTION_PROFILE       = 1 << 0,
  KS_REPORT_SECTION_SCORE         = 1 << 1,
  KS_REPORT_SECTION_HEALTH        = 1 << 2,
  KS_REPORT_SECTION_QUADRANT      = 1 << 3,
  KS_REPORT_SECTION_TARGETS       = 1 << 4,
  KS_REPORT_SECTION_ACTIONS       = 1 << 5,
  KS_REPORT_SECTION_SWOT          = 1 << 6,
  KS_REPORT_SECTION_RELATIONSHIPS = 1 << 7,
  KS_REPORT_SECTION_COMPLAINTS    = 1 << 8,
  KS_REPORT_SECTION_OPPORTUNITIES = 1 << 9,
  KS_REPORT_SECTION_CONTRACTS     = 1 << 10,
  KS_REPORT_SECTION_RISKS         = 1 << 11,
} KsReportSections;

#define KS_REPORT_N_SECTIONS 12
#define KS_REPORT_SECTIONS_NONE ((KsReportSections) 0)
#define KS_REPORT_SECTIONS_ALL ((KsReportSections) ((1 << KS_REPORT_N_SECTIONS) - 1))
/* What a team keeps to itself, the usual choice to leave out for the client. */
#define KS_REPORT_SECTIONS_INTERNAL \
  ((KsReportSections) (KS_REPORT_SECTION_HEALTH | KS_REPORT_SECTION_SWOT | KS_REPORT_SECTION_RISKS))

/* Section @index (0 … KS_REPORT_N_SECTIONS − 1) in the document's order. */
KsReportSections ks_report_section_nth      (guint                 index);
/* "profile", "score", "health", "quadrant", "targets", "actions", "swot",
 * "relationships", "complaints", "opportunities", "contracts", "risks": never
 * translated (the command line's --leave-out). One flag only. */
const char  *ks_report_section_get_key      (KsReportSections      section);
/* The section's title, translated. */
const char  *ks_report_section_get_label    (KsReportSections      section);
/* A comma-separated list of keys ("swot, risks"; any case, spaces allowed) → flags.
 * An unknown name, or no name at all, is KS_ERROR_INVALID with a translated message
 * that names it and lists the keys. */
gboolean     ks_report_sections_parse       (const char           *list,
                                             KsReportSections     *sections,
                                             GError              **error);

/* The account plan of @account (one of @store's) as of the store's today, in the UI's
 * language, on the store's paper, without the sections of @leave_out. NULL and @error
 * when its plan cannot be read. */
KsDocument  *ks_report_plan_new             (KsStore              *store,
                                             KsAccount            *account,
                                             KsReportSections      leave_out,
                                             GError              **error);

G_END_DECLS
