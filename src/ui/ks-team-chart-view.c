/* ks-team-chart-view.c — to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
