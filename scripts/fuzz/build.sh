#!/usr/bin/env bash
# Builds the libFuzzer targets (one executable per reader/importer) with the fuzzer and address
# sanitizers. Usage: scripts/fuzz/build.sh   (from anywhere; Linux, Swift 6.1 or later)
# FUZZ_CONFIGURATION=release scripts/fuzz/build.sh builds them optimised (the sanitizers and the
# targets' preconditions stay; they run several times faster than the debug build).
# Scratch path: .build-fuzz at the top of the repository (git-ignored).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"
# This package depends on plantool by path, and SwiftPM keeps its build plan (the list of each
# target's source files) from the last build: a file added to PlanKit since then would be left
# out and the build would fail. Dropping the plan makes it list the files again; what was compiled
# is kept.
configuration="${FUZZ_CONFIGURATION:-debug}"
rm -f "$repo/.build-fuzz/build.db" "$repo/.build-fuzz/$configuration.yaml"
swift build -c "$configuration" --scratch-path "$repo/.build-fuzz" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address "$@"
echo "fuzz targets in $(swift build -c "$configuration" --scratch-path "$repo/.build-fuzz" --show-bin-path \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link,address)"
