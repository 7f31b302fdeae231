/* ks-test-schema.h — SQL that takes a current database back to an older schema, for
 * the migration tests: prepend it to the statements that undo the older steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Undoes migration 6 (contracts and checklists). */
#define KS_TEST_UNDO_V6 \
  "DROP TABLE contract_item; DROP TABLE contract; " \
  "DROP TABLE checklist_item; DROP TABLE checklist_category; "

/* Undoes migrations 6 and 5 (the team and coaching). */
#define KS_TEST_UNDO_V5 \
  KS_TEST_UNDO_V6 \
  "DROP TRIGGER account_owner_insert; DROP TRIGGER account_owner_update; " \
  "DROP TABLE coaching_session; DROP TABLE coaching_action; DROP TABLE coaching_plan; " \
  "DROP TABLE member; "
