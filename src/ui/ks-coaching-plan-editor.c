/* ks-coaching-plan-editor.c — to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
