/* ks-team-view.c — skeleton, to be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-team-view.h"

struct _KsTeamView
{
  AdwBin   parent_instance;
  KsStore *store;
};

G_DEFINE_FINAL_TYPE (KsTeamView, ks_team_view, ADW_TYPE_BIN)

static void
ks_team_view_dispose (GObject *object)
{
  KsTeamView *self = ((KsTeamView *) object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (ks_team_view_parent_class)->dispose (object);
}

static void
ks_team_view_class_init (KsTeamViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ks_team_view_dispose;
}

static void
ks_team_view_init (KsTeamView *self)
{
}

GtkWidget *
ks_team_view_new (void)
{
  return g_object_new (KS_TYPE_TEAM_VIEW, NULL);
}

void
ks_team_view_set_store (KsTeamView *self,
              KsStore *store)
{
  g_set_object (&self->store, store);
}
