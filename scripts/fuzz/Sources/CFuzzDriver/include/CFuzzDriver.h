#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (LLVM 11 and later), for executables whose `main` SwiftPM renames.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
