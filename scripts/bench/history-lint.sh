#!/usr/bin/env bash
# The benchmark of the history rules (target-moved-without-update, update-rewritten, ...): what
# comparing with a base revision adds to `plantool lint`. Builds plantool in release mode
# (scratch path .build-bench), generates a 2,000-recommendation plan with a short history whose
# last commit changes 50 recommendation files, and measures in one run:
#   - `plantool lint` of the same files outside git (no base: the history rules off), the baseline
#   - `plantool lint` in the repository (base HEAD; no file differs: the fixed cost of the rules)
#   - `plantool lint --base HEAD~1` (the 50 changed files compared with HEAD~1)
#   - `plantool lint --staged` in a clone whose index holds that 50-file change on top of HEAD~1
#     (what the pre-commit hook runs for such a commit), and in the repository itself, where the
#     index is HEAD (the same reading of the index, no file differing)
#   - for scale, `plantool check --rev HEAD~1`: reading and parsing the whole base from git, the
#     cost the rules would add if they did not compare blob ids first
#   - the CPU time (user + system, median of the runs, GNU time) of each, which other work on
#     a shared machine disturbs less than the wall time
#   - the instructions each executes (valgrind's callgrind on a copy of the binary stripped of
#     its debug information, which this valgrind cannot read): a count that other work on the
#     machine does not disturb at all (skipped without valgrind, or with BENCH_NO_VALGRIND=1)
#   - the peak memory (max RSS) of the baseline and of `--base HEAD~1`
# and prints a Markdown report on standard output (progress goes to standard error):
#
#   scripts/bench/history-lint.sh | tee bench-history.md
#
# Settings (environment): BENCH_RUNS (timed runs per command, default 10), BENCH_RECOMMENDATIONS
# (default 2000), BENCH_HISTORY (commits, default 20), BENCH_CHANGED (files the last commit
# changes, default 50), BENCH_KEEP=1 keeps the temporary folder, BENCH_NO_HYPERFINE=1 uses the
# date loop even where hyperfine is installed. Installs what is missing as common.sh does.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${BENCH_RUNS:-10}
recommendations=${BENCH_RECOMMENDATIONS:-2000}
history=${BENCH_HISTORY:-20}
changed=${BENCH_CHANGED:-50}
as_of=2024-01-01

. "$root/scripts/bench/common.sh"

# ---------------------------------------------------------------------------------------------
# The plan: a repository whose last commit changes $changed files; the same files outside git;
# and a clone with that change staged on HEAD~1.

log "generating a plan of $recommendations recommendations with $history commits, the last changing $changed files"
"$py" scripts/bench/generate-plan.py "$plan" --recommendations "$recommendations" --seed 1 \
  --history "$history" --last-commit-changes "$changed" 2>&1 | sed 's/^/bench: /' >&2
last_changed=$(git -C "$plan" diff --name-only HEAD~1 HEAD | wc -l)
[ "$last_changed" -eq "$changed" ] || die "the last commit changes $last_changed files, not $changed"

plain="$work/plain"
mkdir -p "$plain"
git -C "$plan" archive HEAD | tar -x -C "$plain"
staged="$work/staged"
git clone -q "$plan" "$staged"
git -C "$staged" reset -q --soft HEAD~1
staged_files=$(git -C "$staged" diff --cached --name-only | wc -l)
[ "$staged_files" -eq "$changed" ] || die "the clone stages $staged_files files, not $changed"

set +e
"$bin" lint "$plain" --as-of "$as_of" --format json >"$work/plain.json"
plain_status=$?
(cd "$plan" && "$bin" lint --as-of "$as_of" --format json) >"$work/head.json"
head_status=$?
(cd "$plan" && "$bin" lint --base HEAD~1 --as-of "$as_of" --format json) >"$work/base.json"
base_status=$?
(cd "$staged" && "$bin" lint --staged --as-of "$as_of" --format json) >"$work/staged.json"
staged_status=$?
set -e
for pair in "plain:$plain_status" "head:$head_status" "base HEAD~1:$base_status" "staged:$staged_status"; do
  [ "${pair##*:}" -eq 0 ] || die "plantool lint ($pair) did not exit 0"
done

cpu_before=$(cpu_busy)
log "timing ($runs runs each, inside the repository)"
(cd "$plan" && time_commands "$runs" \
  "plain=$bin lint $plain --as-of $as_of --format json" \
  "head=$bin lint --as-of $as_of --format json" \
  "base=$bin lint --base HEAD~1 --as-of $as_of --format json" \
  "check-rev=$bin check --rev HEAD~1")
(cd "$plan" && time_commands "$runs" \
  "staged-same=$bin lint --staged --as-of $as_of --format json")
(cd "$staged" && time_commands "$runs" \
  "staged=$bin lint --staged --as-of $as_of --format json")

# cpu_median RUNS command...: the median user + system time of RUNS runs, in seconds.
cpu_median() {
  local count="$1" i; shift
  for ((i = 0; i < count; i++)); do
    /usr/bin/time -f "%U %S" -o "$work/cpu.txt" "$@" >/dev/null 2>&1 || true
    awk '{ printf "%.3f\n", $1 + $2 }' "$work/cpu.txt"
  done | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
log "measuring CPU time ($runs runs each)"
cpu_plain=$(cd "$plan" && cpu_median "$runs" "$bin" lint "$plain" --as-of "$as_of" --format json)
cpu_head=$(cd "$plan" && cpu_median "$runs" "$bin" lint --as-of "$as_of" --format json)
cpu_base=$(cd "$plan" && cpu_median "$runs" "$bin" lint --base HEAD~1 --as-of "$as_of" --format json)
cpu_staged_same=$(cd "$plan" && cpu_median "$runs" "$bin" lint --staged --as-of "$as_of" --format json)
cpu_staged=$(cd "$staged" && cpu_median "$runs" "$bin" lint --staged --as-of "$as_of" --format json)
cpu_check_rev=$(cd "$plan" && cpu_median "$runs" "$bin" check --rev HEAD~1)

# instructions command...: the instructions callgrind counts for one run ("-" without valgrind).
stripped="$work/plantool-stripped"
use_valgrind=0
if [ "${BENCH_NO_VALGRIND:-0}" != 1 ] && command -v valgrind >/dev/null 2>&1 && strip -o "$stripped" "$bin" 2>/dev/null; then
  use_valgrind=1
fi
instructions() {
  [ $use_valgrind = 1 ] || { echo "-"; return; }
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected :/ { print $NF }'
}
ir_plain=- ir_head=- ir_base=- ir_staged_same=- ir_staged=- ir_check_rev=-
if [ $use_valgrind = 1 ]; then
  log "counting instructions with callgrind (about 20 s a run)"
  ir_plain=$(cd "$plan" && instructions "$stripped" lint "$plain" --as-of "$as_of" --format json)
  ir_head=$(cd "$plan" && instructions "$stripped" lint --as-of "$as_of" --format json)
  ir_base=$(cd "$plan" && instructions "$stripped" lint --base HEAD~1 --as-of "$as_of" --format json)
  ir_staged_same=$(cd "$plan" && instructions "$stripped" lint --staged --as-of "$as_of" --format json)
  ir_staged=$(cd "$staged" && instructions "$stripped" lint --staged --as-of "$as_of" --format json)
  ir_check_rev=$(cd "$plan" && instructions "$stripped" check --rev HEAD~1)
fi

log "measuring peak memory"
rss_plain=$(max_rss "$bin" lint "$plain" --as-of "$as_of" --format json)
rss_base=$(cd "$plan" && max_rss "$bin" lint --base HEAD~1 --as-of "$as_of" --format json)
cpu_after=$(cpu_busy)
busy_cpus=$(echo "$cpu_before $cpu_after" | awk -v n="$(nproc)" '{ printf "%.2f", ($3 - $1) / ($4 - $2) * n }')

# ---------------------------------------------------------------------------------------------
# The report

export BENCH_BIN="$bin" BENCH_WORK="$work" BENCH_PLAN="$plan" BENCH_AS_OF="$as_of" BENCH_PY="$py"
export BENCH_RECS="$recommendations" BENCH_HISTORY="$history" BENCH_CHANGED="$changed"
export BENCH_RSS_PLAIN="$rss_plain" BENCH_RSS_BASE="$rss_base" BENCH_BUSY="$busy_cpus"
export BENCH_IR="plain=$ir_plain head=$ir_head base=$ir_base staged-same=$ir_staged_same staged=$ir_staged check-rev=$ir_check_rev"
export BENCH_CPU="plain=$cpu_plain head=$cpu_head base=$cpu_base staged-same=$cpu_staged_same staged=$cpu_staged check-rev=$cpu_check_rev"
export BENCH_TIMER="$([ $use_hyperfine = 1 ] && hyperfine --version || echo 'a date +%s.%N loop (no hyperfine)')"
export BENCH_SWIFT="$(swift --version 2>&1 | head -1)"
digest="$(find Sources Package.swift -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
if commit="$(git rev-parse --short HEAD 2>/dev/null)"; then
  dirty=""
  git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || dirty=" plus uncommitted changes"
  [ -z "$(git ls-files --others --exclude-standard -- Sources 2>/dev/null)" ] || dirty=" plus uncommitted changes"
  export BENCH_SOURCES="commit $commit$dirty, sources digest $digest"
else
  export BENCH_SOURCES="sources digest $digest"
fi
"$py" - "$results" <<'EOF'
import json, os, platform, statistics, subprocess, sys

env = os.environ
rows = {}
for line in open(sys.argv[1]):
    label, command, *times = line.rstrip("\n").split("\t")
    rows[label] = (command, [float(t) for t in times])

def run(*args):
    return subprocess.run(args, capture_output=True, text=True).stdout.strip()

def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"

def ms(seconds):
    return "%.1f ms" % (seconds * 1000)

def stats(label):
    times = rows[label][1]
    return statistics.median(times), statistics.mean(times), (statistics.stdev(times) if len(times) > 1 else 0.0), min(times), max(times), len(times)

def counts(name):
    data = json.load(open(os.path.join(env["BENCH_WORK"], name)))
    by_rule = {}
    for d in data["diagnostics"]:
        by_rule[d["rule"]] = by_rule.get(d["rule"], 0) + 1
    history = ["target-moved-without-update", "target-moved-earlier", "completed-reopened",
               "action-removed-without-trace", "status-downgraded", "update-rewritten"]
    found = ", ".join("%d %s" % (by_rule[r], r) for r in history if r in by_rule) or "none"
    s = data["summary"]
    return "%d errors, %d warnings, %d info; history rules: %s" % (s["errors"], s["warnings"], s["info"], found)

out = []
p = out.append
p("## plantool lint history rules benchmark")
p("")
p("Machine: %s CPUs (`nproc`), %s, Linux %s. During the timings and memory runs the machine was busy on %s CPUs on average, from `/proc/stat` (the benchmark alone keeps about 1 busy; more means other work shared the machine)." % (run("nproc"), cpu_model(), platform.release(), env["BENCH_BUSY"]))
p("")
p("- plantool: `%s` (%s, release build in `.build-bench`; %s)" % (run(env["BENCH_BIN"], "--version").replace("\n", "; "), env["BENCH_SWIFT"], env["BENCH_SOURCES"]))
p("- timer: %s; memory: GNU `/usr/bin/time -v`, the largest maximum resident set size of 5 runs" % env["BENCH_TIMER"])
p("- plan: `scripts/bench/generate-plan.py DIR --recommendations %s --seed 1 --history %s --last-commit-changes %s`: a repository whose last commit changes %s recommendation files (an update added to an open action of each); `$TMP/plain` holds the same files outside git; `$TMP/staged` is a clone with `git reset --soft HEAD~1`, so its index holds that change staged" % (
    env["BENCH_RECS"], env["BENCH_HISTORY"], env["BENCH_CHANGED"], env["BENCH_CHANGED"]))
p("- findings: outside git %s; `--base HEAD~1` %s; `--staged` in the clone %s" % (counts("plain.json"), counts("base.json"), counts("staged.json")))
p("")
p("### Wall time (each command's output discarded, run inside the repository or the clone)")
p("")
p("| measurement | median | mean ± σ | min … max | runs | CPU time, median | instructions | command |")
p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
ir = dict(pair.split("=") for pair in env["BENCH_IR"].split())
def gi(value):
    return "-" if value == "-" else "%.3f G" % (int(value) / 1e9)
cpu = dict(pair.split("=") for pair in env["BENCH_CPU"].split())
cpu = {k: float(v) for k, v in cpu.items()}
names = {
    "plain": "plantool lint, outside git (no base: history rules off)",
    "head": "plantool lint, base HEAD (no file differs)",
    "base": "plantool lint --base HEAD~1 (%s files differ)" % env["BENCH_CHANGED"],
    "staged": "plantool lint --staged (%s files staged)" % env["BENCH_CHANGED"],
    "staged-same": "plantool lint --staged, index = HEAD (no file differs)",
    "check-rev": "plantool check --rev HEAD~1 (reading the whole base, for scale)",
}
def short(command):
    return command.replace(env["BENCH_WORK"], "$TMP").replace(env["BENCH_BIN"], "plantool")
order = ["plain", "head", "base", "staged-same", "staged", "check-rev"]
for label in order:
    m, mean, sd, lo, hi, n = stats(label)
    p("| %s | **%s** | %s ± %s | %s … %s | %d | %s | %s | `%s` |" % (names[label], ms(m), ms(mean), ms(sd), ms(lo), ms(hi), n, ms(cpu[label]), gi(ir[label]), short(rows[label][0])))
p("")
p("The `--staged` runs are in the repository (index = HEAD) and in `$TMP/staged` (the change staged).")
p("")
p("### Peak memory (max RSS)")
p("")
p("| program | max RSS |")
p("| --- | ---: |")
for name, key in [(names["plain"], "BENCH_RSS_PLAIN"), (names["base"], "BENCH_RSS_BASE")]:
    kb = int(env[key])
    p("| %s | %.1f MiB (%.1f MB) |" % (name, kb / 1024, kb * 1024 / 1e6))
p("")
wall = {k: stats(k)[0] for k in order}
p("### What the history rules add")
p("")
p("Each figure against the run that reads the same content with no file differing from the base, so the difference is the rules' own cost.")
p("")
p("| | instructions | wall time, median | CPU time, median |")
p("| --- | ---: | ---: | ---: |")
def delta(a, b):
    return "%s − %s = %+.1f ms" % (ms(a), ms(b), (a - b) * 1000)
def idelta(a, b):
    if ir[a] == "-" or ir[b] == "-":
        return "-"
    x, y = int(ir[a]), int(ir[b])
    return "%+.1f M (%+.2f %%)" % ((x - y) / 1e6, (x - y) / y * 100)
p("| fixed cost: base HEAD, nothing differs, against no base (outside git) | %s | %s | %s |" % (idelta("head", "plain"), delta(wall["head"], wall["plain"]), delta(cpu["head"], cpu["plain"])))
p("| --base HEAD~1, %s files differ, against base HEAD | %s | %s | %s |" % (env["BENCH_CHANGED"], idelta("base", "head"), delta(wall["base"], wall["head"]), delta(cpu["base"], cpu["head"])))
p("| --staged with %s files staged, against --staged with none | %s | %s | %s |" % (env["BENCH_CHANGED"], idelta("staged", "staged-same"), delta(wall["staged"], wall["staged-same"]), delta(cpu["staged"], cpu["staged-same"])))
p("| for scale: reading and parsing the whole base (check --rev HEAD~1) | %s | %s | %s |" % (gi(ir["check-rev"]), ms(wall["check-rev"]), ms(cpu["check-rev"])))
print("\n".join(out))
EOF
