#ifndef PLANTOOL_CLIBGIT2_H
#define PLANTOOL_CLIBGIT2_H

/* libgit2 as plantool reaches it: the functions it calls (git2_functions.h, generated), each
   going through the library loader.c loads on first use. The binary does not link libgit2, so
   commands that never touch git do not pay for loading it and its 17 libraries, and those that
   do load it on the thread that starts libgit2 while their arguments are parsed. */
#include "git2_functions.h"

/* Loads libgit2 if it is not yet loaded. NULL once it is, or why it could not be. */
const char *plantool_git2_load(void);

/* Opens the library `name` and finds every function of the table in it, or returns NULL with
   the reason in `error` (`size` bytes). The loader opens libgit2 with it; tests, other names. */
void *plantool_git2_open(const char *name, struct plantool_git2_functions *table, char *error, unsigned long size);

/* git_libgit2_opts is variadic, which Swift cannot call: one inline function per option used. */
static inline int plantool_git_disable_owner_validation(void) {
    return plantool_git2()->git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
}

static inline int plantool_git_set_strict_hash_verification(int enabled) {
    return plantool_git2()->git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

#endif
