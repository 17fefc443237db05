#ifndef PLANTOOL_CLIBZ_SHIM_H
#define PLANTOOL_CLIBZ_SHIM_H

/* zlib from the system (Debian: zlib1g-dev): the DOCX reader inflates an archive's entries
   itself, with a bound on what it produces. */
#include <zlib.h>

#endif
