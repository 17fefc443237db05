#!/usr/bin/env bash
# Runs one fuzz campaign and prints the number of executions.
#   scripts/fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
# TARGET: recommendation | plan | wordtext | docx | docxxml | csv (or the executable name, FuzzCSV...).
# Seeds are made afresh from examples/ in .build-fuzz/work/TARGET/seeds (the DOCX and CSV seeds by
# `plantool export`); what libFuzzer adds goes to .build-fuzz/work/TARGET/corpus, crashes and
# timeouts to .build-fuzz/work/TARGET/artifacts (TARGET here is the executable name).
# Reproduce a crash: SWIFT_BACKTRACE=enable=no .build-fuzz/debug/FuzzXxx -detect_leaks=0 ARTIFACT
# PLANTOOL=path/to/plantool uses an already built plantool for the seeds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="${1:?usage: run.sh TARGET SECONDS [libFuzzer flags...]}"
seconds="${2:?usage: run.sh TARGET SECONDS [libFuzzer flags...]}"
shift 2
case "$target" in
    recommendation|FuzzRecommendation) exe=FuzzRecommendation; max_len=16384 ;;
    plan|FuzzPlanInfo)                 exe=FuzzPlanInfo;       max_len=8192 ;;
    wordtext|FuzzWordText)             exe=FuzzWordText;       max_len=65536 ;;
    docx|FuzzDocx)                     exe=FuzzDocx;           max_len=65536 ;;
    docxxml|FuzzDocxXML)               exe=FuzzDocxXML;        max_len=262144 ;;
    csv|FuzzCSV)                       exe=FuzzCSV;            max_len=65536 ;;
    *) echo "unknown target '$target': recommendation, plan, wordtext, docx, docxxml or csv" >&2; exit 2 ;;
esac
bin="$repo/.build-fuzz/debug/$exe"
# WordprocessingML's tags and XML's constructs, for the XML target.
dictionary=()
[ "$exe" = FuzzDocxXML ] && dictionary=(-dict="$here/docx-xml.dict")
[ -x "$bin" ] || "$here/build.sh" >&2
work="$repo/.build-fuzz/work/$exe"
seeds="$work/seeds"
mkdir -p "$seeds" "$work/corpus" "$work/artifacts"

plantool() {
    # A plain (unsanitised) plantool, only to make DOCX and CSV seeds: $PLANTOOL when set, else
    # one built in .build-fuzz-tool.
    local tool="${PLANTOOL:-$repo/.build-fuzz-tool/debug/plantool}"
    if [ ! -x "$tool" ]; then
        swift build --package-path "$repo" --scratch-path "$repo/.build-fuzz-tool" --product plantool >&2
    fi
    "$tool" "$@"
}

rm -f "$seeds"/*
n=0
for plan in "$repo"/examples/*/; do
    [ -f "$plan/plan.yaml" ] || continue
    name="$(basename "$plan")"
    case "$exe" in
        FuzzPlanInfo) cp "$plan/plan.yaml" "$seeds/$name-plan.yaml" ;;
        FuzzRecommendation)
            for f in "$plan"/recommendations/*.yaml; do cp "$f" "$seeds/$name-$(basename "$f")"; done ;;
        FuzzDocx) plantool export "$plan" --format docx -o "$seeds/$name.docx" ;;
        FuzzDocxXML)
            plantool export "$plan" --format docx -o "$work/$name.docx"
            python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' \
                "$work/$name.docx" >"$seeds/$name-document.xml"
            rm -f "$work/$name.docx" ;;
        FuzzCSV)  plantool export "$plan" --format csv -o "$seeds/$name.csv" ;;
        FuzzWordText) ;;
    esac
done
if [ "$exe" = FuzzWordText ]; then
    cp "$repo"/examples/sources/*.txt "$seeds/"
fi
n=$(ls "$seeds" | wc -l)
echo "target $exe: $n seed files, $seconds s, -max_len=$max_len" >&2

log="$work/last-run.log"
# Swift's own crash backtracer would race ASan and libFuzzer for the report: leave crashes to them.
export SWIFT_BACKTRACE=enable=no
# -detect_leaks=0 stops libFuzzer's leak checks between inputs; AddressSanitizer still checks once
# at exit, and a leak found there (ZIPFoundation's few bytes per archive, see RELIABILITY.md) is
# written as a "crash" artifact of an empty input. Turn that one off too.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
set +e
cd "$work"  # libFuzzer's fork and jobs modes write fuzz-N.log into the current folder
"$repo/.build-fuzz/debug/$exe" "$work/corpus" "$seeds" \
    -max_total_time="$seconds" -max_len="$max_len" -jobs=1 -workers=1 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -detect_leaks=0 -artifact_prefix="$work/artifacts/" "${dictionary[@]}" "$@" 2>&1 | tee "$log" | grep -E '^#[0-9]+.*(INITED|DONE|pulse)|ERROR|SUMMARY|crash-|timeout-|leak-|oom-' >&2
status=${PIPESTATUS[0]}
set -e
execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
last=$(grep -E '^#[0-9]+' "$log" | tail -1)
echo "executions: ${execs:-unknown}"
echo "last status: $last"
echo "artifacts: $(ls "$work/artifacts" | wc -l) in .build-fuzz/work/$exe/artifacts (earlier runs' included)"
exit "$status"
