#ifndef PLANTOOL_CLIBYAML_SHIM_H
#define PLANTOOL_CLIBYAML_SHIM_H

/* libyaml from the system (Debian: libyaml-dev); plantool builds its own tree from its events. */
#include <yaml.h>

#endif
