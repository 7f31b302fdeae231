/* ks-contracts-section.c — to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
