/* ks-complaints-section.h — the account page's complaints: open ones first, each with
 * the state of its 24-hour first response, and the closed loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-relations.h"
#include "ks-store.h"

G_BEGIN_DECLS

#define KS_TYPE_COMPLAINTS_SECTION (ks_complaints_section_get_type ())

G_DECLARE_FINAL_TYPE (KsComplaintsSection, ks_complaints_section, KS, COMPLAINTS_SECTION,
                      AdwBin)

/* Edits go straight to @store; the account page calls set_plan() after each change
 * (KsStore::plan-changed) with the reloaded plan. */
GtkWidget   *ks_complaints_section_new      (KsStore             *store,
                                             KsAccount           *account);
/* Shows @plan's complaints (copied). Rows are built when the section is mapped, so a
 * page that is not on screen costs nothing. */
void         ks_complaints_section_set_plan (KsComplaintsSection *self,
                                             const KsAccountPlan *plan);
/* Reads the store's "now" again and updates every row's 24-hour state; done every
 * minute while the section is mapped. */
void         ks_complaints_section_refresh  (KsComplaintsSection *self);

/* What the complaint views share. */

/* The 24-hour rule's state of @complaint at @now in words, translated: "Due in 5 h 20
 * min", "Overdue by 3 h", "Answered in 2 h", "Answered late (30 h)"; in @style_class
 * (when not NULL) the pill's style class: "success", "warning" or "error". */
char        *ks_complaint_ui_describe_state  (const KsComplaint  *complaint,
                                              GDateTime          *now,
                                              const char        **style_class);
/* A complaint's ISO-8601 time in local time as the editor shows it, "2026-11-27 09:30";
 * "" for NULL, and the text itself when it is unreadable. */
char        *ks_complaint_ui_format_time     (const char         *iso);
/* Sets the text and the style class of a state pill made by ks_complaint_ui_pill_new(). */
void         ks_complaint_ui_pill_update     (GtkLabel           *pill,
                                              const KsComplaint  *complaint,
                                              GDateTime          *now);
/* A label styled as a state pill, named "complaint-state". */
GtkLabel    *ks_complaint_ui_pill_new        (void);

G_END_DECLS
