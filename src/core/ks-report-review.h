/* ks-report-review.h — the quarterly review as a printed document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One quarter of the whole portfolio, or of the accounts of one owner: the summary
 * figures, the quadrant chart with the movement since the previous snapshot, the tier
 * distribution, revenue attainment per account, complaint response statistics,
 * coaching progress, contract compliance and renewals, and risk warnings. Every
 * section of an owner's review covers that owner's accounts only (coaching: that
 * member's plans). ks_document_write_pdf() writes it; a print operation draws its
 * pages.
 */
#pragma once

#include "ks-document.h"
#include "ks-store.h"

G_BEGIN_DECLS

/* The quarterly review of @quarter ("YYYY-Qn", see ks_quarter_parse(); NULL: the
 * quarter of the store's today) for the accounts of @owner (a team member's name, in
 * any case; NULL: the whole portfolio), in the UI's language, on the store's paper.
 *
 * The chart shows the accounts as they are now for the current quarter, and as the
 * quarter's snapshot has them for an earlier quarter that has one; its arrows come from
 * the latest snapshot before @quarter. Attainment is year-to-date revenue against
 * target up to the end of @quarter (the current quarter: up to today), counting the
 * quarters with a recorded actual, as the portfolio counts it. Complaint statistics
 * cover the complaints opened in @quarter; the rest is as of today.
 *
 * A malformed quarter, or one that has not begun, is KS_ERROR_INVALID; an owner who is
 * not on the team, KS_ERROR_NOT_FOUND; the messages are translated and say what to
 * type. NULL and @error also when the store cannot be read. */
KsDocument  *ks_report_review_new           (KsStore              *store,
                                             const char           *quarter,
                                             const char           *owner,
                                             GError              **error);

G_END_DECLS
