#!/usr/bin/env bash
# Runs one fuzz campaign and prints the number of executions.
#   scripts/fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
# TARGET: recommendation | plan | configuration | wordtext | docx | docxxml | docxpackage | csv |
# merge | diff (or the executable name, FuzzCSV...).
# Seeds are made afresh from examples/ in .build-fuzz/work/TARGET/seeds (the DOCX and CSV seeds by
# `plantool export`, also of the plans `plantool import` makes of examples/sources), plus the
# committed seeds in scripts/fuzz/seeds/TARGET and the fixtures in Tests/PlanKitTests/Fixtures/fuzz;
# what libFuzzer adds goes to .build-fuzz/work/TARGET/corpus, crashes and timeouts to
# .build-fuzz/work/TARGET/artifacts (TARGET here is the executable name).
# Reproduce a crash: SWIFT_BACKTRACE=enable=no .build-fuzz/debug/FuzzXxx -detect_leaks=0 ARTIFACT
# PLANTOOL=path/to/plantool uses an already built plantool for the seeds.
# FUZZ_CONFIGURATION=release runs the optimised build (scripts/fuzz/build.sh -c release); the
# sanitizers and every check (precondition) stay, and it runs several times faster.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="${1:?usage: run.sh TARGET SECONDS [libFuzzer flags...]}"
seconds="${2:?usage: run.sh TARGET SECONDS [libFuzzer flags...]}"
shift 2
case "$target" in
    recommendation|FuzzRecommendation) exe=FuzzRecommendation; max_len=16384 ;;
    plan|FuzzPlanInfo)                 exe=FuzzPlanInfo;       max_len=8192 ;;
    wordtext|FuzzWordText)             exe=FuzzWordText;       max_len=16384 ;;
    docx|FuzzDocx)                     exe=FuzzDocx;           max_len=65536 ;;
    docxxml|FuzzDocxXML)               exe=FuzzDocxXML;        max_len=262144 ;;
    docxpackage|FuzzDocxPackage)       exe=FuzzDocxPackage;    max_len=131072 ;;
    csv|FuzzCSV)                       exe=FuzzCSV;            max_len=16384 ;;
    configuration|FuzzConfiguration)   exe=FuzzConfiguration;  max_len=8192 ;;
    merge|FuzzMerge)                   exe=FuzzMerge;          max_len=49152 ;;
    diff|FuzzDiff)                     exe=FuzzDiff;           max_len=32768 ;;
    *) echo "unknown target '$target': recommendation, plan, configuration, wordtext, docx, docxxml," \
            "docxpackage, csv, merge or diff" >&2; exit 2 ;;
esac
configuration="${FUZZ_CONFIGURATION:-debug}"
bin="$repo/.build-fuzz/$configuration/$exe"
work="$repo/.build-fuzz/work/$exe"
seeds="$work/seeds"
mkdir -p "$seeds" "$work/corpus" "$work/artifacts"
# Each target's dictionary (libFuzzer takes one -dict): WordprocessingML's tags and XML's
# constructs for the XML targets, the format's keys for the YAML ones.
dictionary=()
case "$exe" in
    FuzzDocxXML) dictionary=(-dict="$here/docx-xml.dict") ;;
    FuzzDocxPackage) cat "$here/docx-package.dict" "$here/docx-xml.dict" >"$work/dict"; dictionary=(-dict="$work/dict") ;;
    FuzzRecommendation|FuzzMerge|FuzzDiff) dictionary=(-dict="$here/recommendation.dict") ;;
    FuzzConfiguration) dictionary=(-dict="$here/configuration.dict") ;;
esac
# libFuzzer's -timeout is wall-clock time, which a shared machine stretches: the configuration
# target checks its own processor time (one second at most) instead of a tight timeout here.
timeout=10
[ -x "$bin" ] || FUZZ_CONFIGURATION="$configuration" "$here/build.sh" >&2

plantool() {
    # A plain (unsanitised) plantool, only to make DOCX and CSV seeds: $PLANTOOL when set, else
    # one built in .build-fuzz-tool.
    local tool="${PLANTOOL:-$repo/.build-fuzz-tool/debug/plantool}"
    if [ ! -x "$tool" ]; then
        swift build --package-path "$repo" --scratch-path "$repo/.build-fuzz-tool" --product plantool >&2
    fi
    "$tool" "$@"
}

# A DOCX as the docxpackage target's input: each part as "@@part d NAME", a line end and its bytes.
docx_parts() {
    python3 -c '
import sys, zipfile
out = sys.stdout.buffer
with zipfile.ZipFile(sys.argv[1]) as z:
    for i, info in enumerate(z.infolist()):
        out.write((b"\n" if i else b"") + b"@@part d " + info.filename.encode() + b"\n" + z.read(info))
' "$1"
}
# One recommendation file as merge seeds: (base, ours, theirs) where one side adds the last
# action, or adds an update, and the other changes nothing or adds another; and as diff seeds
# (old, new): the file and itself, the file without its last action.
merge_and_diff_seeds() {
    python3 - "$1" "$2" "$exe" <<'PY'
import sys
path, out, exe = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
lines = text.split("\n")
starts = [i for i, l in enumerate(lines) if l.startswith("  - id:")]
sep = "\n@@@@\n"
def write(name, *parts):
    open(out + "-" + name, "w", encoding="utf-8").write(sep.join(parts))
without_last = "\n".join(lines[:starts[-1]]) + "\n" if starts else text
update = "    updates:\n      - date: 2030-01-15\n        text: Progress reported.\n        state: in-progress\n"
with_update = text if "updates:" in text else text + update
if exe == "FuzzMerge":
    write("same", text, text, text)
    write("ours-adds", without_last, text, without_last)
    write("theirs-adds", without_last, without_last, text)
    write("both-add", without_last, text, with_update if starts else text)
    write("added-by-both", "", text, without_last)
else:
    write("same", text, text)
    write("removed", text, without_last)
    write("update", text, with_update)
PY
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
        FuzzDocxPackage)
            plantool export "$plan" --format docx -o "$work/$name.docx"
            docx_parts "$work/$name.docx" >"$seeds/$name.parts"
            rm -f "$work/$name.docx" ;;
        FuzzCSV)  plantool export "$plan" --format csv -o "$seeds/$name.csv" ;;
        FuzzMerge|FuzzDiff)
            for f in "$plan"/recommendations/*.yaml; do merge_and_diff_seeds "$f" "$seeds/$name-$(basename "$f" .yaml)"; done ;;
        FuzzWordText|FuzzConfiguration) ;;
    esac
done
# A whole plan's Word text or CSV (15 to 30 KB) takes about 0.2 s of processor time to import
# and check under the sanitizers, spread over the whole importer: cut into pieces of a few
# recommendations each (the text's short heading lines and the table's header row, or the CSV's
# header, before each piece), a run makes many more executions of the same code.
small_pieces() {
    python3 - "$1" "$2" "$3" <<'PY'
import csv, io, sys
path, out, kind = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(path, encoding="utf-8", newline="").read()
if kind == "csv":
    rows = list(csv.reader(io.StringIO(data)))
    head, rows = rows[:1], rows[1:]
    def text(rs):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(head + rs)
        return buffer.getvalue()
else:
    lines = data.split("\n")
    first = next((i for i, l in enumerate(lines) if "\t" in l), len(lines) - 1)
    head = [l for l in lines[:first] if len(l) < 120] + [lines[first]]
    rows = lines[first + 1:]
    def text(rs):
        return "\n".join(head + rs) + "\n"
piece, n = [], 0
for row in rows:
    if piece and len(text(piece + [row]).encode()) > 6000:
        open(f"{out}-{n:02}", "w", encoding="utf-8").write(text(piece)); n += 1; piece = []
    piece.append(row)
if piece:
    open(f"{out}-{n:02}", "w", encoding="utf-8").write(text(piece))
PY
}

case "$exe" in
    FuzzWordText)
        cp "$repo"/examples/sources/*.txt "$seeds/"
        for source in "$repo"/examples/sources/*.txt; do small_pieces "$source" "$seeds/piece-$(basename "$source" .txt)" text; done ;;
    FuzzCSV)
        for table in "$seeds"/*.csv; do small_pieces "$table" "$seeds/piece-$(basename "$table" .csv)" csv; done ;;
    FuzzDocx|FuzzDocxPackage)
        # The plans imported from the example sources, exported again: DOCX files of another shape.
        for source in "$repo"/examples/sources/*.txt; do
            name="$(basename "$source" .txt)"
            rm -rf "$work/imported"
            plantool import "$source" --into "$work/imported" >/dev/null 2>&1 || continue
            if [ "$exe" = FuzzDocx ]; then
                plantool export "$work/imported" --format docx -o "$seeds/imported-$name.docx"
            else
                plantool export "$work/imported" --format docx -o "$work/imported.docx"
                docx_parts "$work/imported.docx" >"$seeds/imported-$name.parts"
            fi
        done
        rm -rf "$work/imported" "$work/imported.docx"
        # The damaged DOCX files found earlier: as they are, or their parts where they still open.
        for fixture in "$repo"/Tests/PlanKitTests/Fixtures/fuzz/*.docx; do
            if [ "$exe" = FuzzDocx ]; then cp "$fixture" "$seeds/"
            else docx_parts "$fixture" >"$seeds/$(basename "$fixture" .docx).parts" 2>/dev/null || rm -f "$seeds/$(basename "$fixture" .docx).parts"
            fi
        done ;;
esac
# Hand-written seeds kept with the targets (the configuration's, hostile inputs found before).
if [ -d "$here/seeds/$exe" ]; then cp "$here/seeds/$exe"/* "$seeds/"; fi
n=$(ls "$seeds" | wc -l)
echo "target $exe ($configuration build, commit $(git -C "$repo" rev-parse --short HEAD)): $n seed files, $seconds s, -max_len=$max_len" >&2

log="$work/last-run.log"
# Swift's own crash backtracer would race ASan and libFuzzer for the report: leave crashes to them.
export SWIFT_BACKTRACE=enable=no
# -detect_leaks=0 stops libFuzzer's leak checks between inputs; AddressSanitizer still checks once
# at exit, and a leak found there (ZIPFoundation's few bytes per archive, see RELIABILITY.md) is
# written as a "crash" artifact of an empty input. Turn that one off too.
# malloc_context_size=2: AddressSanitizer records each allocation's stack, and unwinding it took
# over a tenth of the importers' time; a report still shows where the fault is, and replaying
# an artifact without this option gives the allocation's whole stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0:malloc_context_size=2"
set +e
# In the foreground (no -jobs or -workers): one process, its statistics in the log.
cd "$work"
"$bin" "$work/corpus" "$seeds" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb=2048 \
    -print_final_stats=1 -detect_leaks=0 -artifact_prefix="$work/artifacts/" "${dictionary[@]}" "$@" 2>&1 | tee "$log" | grep -E '^#[0-9]+.*(INITED|DONE|pulse)|ERROR|SUMMARY|crash-|timeout-|leak-|oom-' >&2
status=${PIPESTATUS[0]}
set -e
execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
last=$(grep -E '^#[0-9]+' "$log" | tail -1)
echo "executions: ${execs:-unknown}"
echo "last status: $last"
echo "artifacts: $(ls "$work/artifacts" | wc -l) in .build-fuzz/work/$exe/artifacts (earlier runs' included)"
exit "$status"
