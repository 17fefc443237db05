/* Loads libgit2 with dlopen, once, and fills the table every wrapper of git2_functions.h
   calls through. */
#include "CLibGit2.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* The library the headers describe: its soname names its ABI. */
static const char library[] = "libgit2.so." LIBGIT2_SOVERSION;

static struct plantool_git2_functions table;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];
static const char *outcome = failure;

void *plantool_git2_open(const char *name, struct plantool_git2_functions *functions, char *error, unsigned long size) {
    /* RTLD_GLOBAL: the binary's own definition of a libgit2 dependency's function (see
       NetworkStartUp in PlanGit) finds the library's with RTLD_NEXT. RTLD_LAZY: the libraries
       Debian links with immediate binding (libgit2, OpenSSL, mbedTLS, libssh2) still bind at
       once; Kerberos and the other network libraries, which plantool never calls, then bind
       nothing, which saves about 1,200 symbol lookups on every git command. */
    void *handle = dlopen(name, RTLD_LAZY | RTLD_GLOBAL);
    if (!handle) {
        snprintf(error, size, "cannot load libgit2 (%s): %s", name, dlerror());
        return NULL;
    }
#define PLANTOOL_GIT2_FIND(function)                                                          \
    functions->function = (__typeof__(functions->function))dlsym(handle, #function);           \
    if (!functions->function) {                                                                \
        snprintf(error, size, "cannot load libgit2 (%s): it has no %s", name, #function);     \
        dlclose(handle);                                                                       \
        return NULL;                                                                           \
    }
    PLANTOOL_GIT2_FUNCTIONS(PLANTOOL_GIT2_FIND)
#undef PLANTOOL_GIT2_FIND
    return handle;
}

static void load(void) {
    if (plantool_git2_open(library, &table, failure, sizeof failure)) outcome = NULL;
}

const char *plantool_git2_load(void) {
    pthread_once(&once, load);
    return outcome;
}

const struct plantool_git2_functions *plantool_git2(void) {
    const char *error = plantool_git2_load();
    if (error) {
        /* Before, the binary would not have started without libgit2; now only what needs it
           stops, with the reason. */
        fprintf(stderr, "plantool: %s\n", error);
        exit(2);
    }
    return &table;
}
