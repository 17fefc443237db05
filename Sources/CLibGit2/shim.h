#ifndef PLANTOOL_CLIBGIT2_SHIM_H
#define PLANTOOL_CLIBGIT2_SHIM_H

#include <git2.h>

#endif
