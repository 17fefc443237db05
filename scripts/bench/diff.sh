#!/usr/bin/env bash
# The benchmark of plantool diff and plantool log. Builds plantool in release mode twice (scratch
# paths .build-bench, and .build-bench-static with the Swift runtime linked statically), generates
# a 2,000-recommendation plan with 200 commits of history, the last commit changing 50
# recommendation files, and measures in one run, inside that repository:
#   - wall time of `plantool diff HEAD~1 HEAD --format json`, and of `plantool diff HEAD~1 HEAD`
#     (text output), against `git diff HEAD~1 HEAD`
#   - wall time of `plantool log N` (a recommendation changed in a quarter of the commits) against
#     `git log -p -- recommendations/NN.yaml`
#   - `plantool --version` (process start-up) and `plantool diff HEAD HEAD` (nothing to read: the
#     fixed cost of a diff), and all of the above with the static binary
#   - the peak memory (max RSS) of plantool diff and plantool log
#   - how many files plantool diff parsed (the JSON output's parsedFiles)
#   - git diff and plantool diff (text output, both binaries) again, interleaved round by round
#     (scripts/bench/interleave.py, BENCH_INTERLEAVED_RUNS rounds, default 100), for a ratio that
#     does not carry the machine's drift between hyperfine's runs of one command and the next
# and prints a Markdown report on standard output (progress goes to standard error):
#
#   scripts/bench/diff.sh | tee bench-diff.md
#
# Settings (environment): BENCH_RUNS (timed runs per command, default 10), BENCH_RECOMMENDATIONS
# (default 2000), BENCH_HISTORY (commits, default 200), BENCH_CHANGED (files the last commit
# changes, default 50), BENCH_BUSY (the recommendation changed in every fourth commit, the one
# `plantool log` follows; default 1), BENCH_KEEP=1 keeps the temporary folder, BENCH_NO_STATIC=1
# skips the static build, BENCH_NO_HYPERFINE=1 uses the date loop even where hyperfine is installed.
# Installs what is missing: hyperfine and time with apt-get (falls back to a date +%s.%N loop
# when hyperfine cannot be had).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${BENCH_RUNS:-10}
recommendations=${BENCH_RECOMMENDATIONS:-2000}
history=${BENCH_HISTORY:-200}
changed=${BENCH_CHANGED:-50}
busy=${BENCH_BUSY:-1}
as_of=2024-01-01

. "$root/scripts/bench/common.sh"

# ---------------------------------------------------------------------------------------------
# Build: common.sh made the usual release binary; here, one with the Swift runtime linked statically.

# The static build: `-Xswiftc -static-stdlib`, else SwiftPM's `--static-swift-stdlib`; a failure
# is reported, not fatal. static_flag says which flag built it ("" when none did).
static_bin="" static_flag="" static_note=""
if [ "${BENCH_NO_STATIC:-0}" = 1 ]; then
  static_note="skipped (BENCH_NO_STATIC=1)"
else
  for flag in "-Xswiftc -static-stdlib" "--static-swift-stdlib"; do
    log "building plantool (release, .build-bench-static, $flag)"
    # shellcheck disable=SC2086 # the flag is one or two words
    if swift build -c release --scratch-path .build-bench-static $flag >"$work/build-static.txt" 2>&1; then
      # shellcheck disable=SC2086
      static_bin="$(swift build -c release --scratch-path .build-bench-static $flag --show-bin-path)/plantool"
      static_flag=$flag
      break
    fi
    log "$flag failed: $(grep -m1 -i error "$work/build-static.txt" || tail -1 "$work/build-static.txt")"
  done
  if [ -z "$static_flag" ]; then
    static_note="does not build: $(grep -m1 -i error "$work/build-static.txt" || tail -1 "$work/build-static.txt")"
  elif ldd "$static_bin" 2>/dev/null | grep -q libswiftCore; then
    die "$static_bin still loads libswiftCore.so: the runtime was not linked statically"
  fi
fi

# ---------------------------------------------------------------------------------------------
# The plan: a repository of $history commits, the last one changing $changed recommendation files,
# recommendation $busy changed in every fourth commit.

log "generating a plan of $recommendations recommendations with $history commits of history"
"$py" scripts/bench/generate-plan.py "$plan" --recommendations "$recommendations" --seed 1 \
  --history "$history" --last-commit-changes "$changed" --busy "$busy" 2>&1 | sed 's/^/bench: /' >&2
busy_file=$(cd "$plan" && ls recommendations | grep -E "^0*$busy\.yaml$") || die "no file for recommendation $busy"
busy_path="recommendations/$busy_file"

commits=$(git -C "$plan" rev-list --count HEAD)
[ "$commits" -eq "$history" ] || die "the repository has $commits commits, not $history"
last_changed=$(git -C "$plan" diff --name-only HEAD~1 HEAD | wc -l)
[ "$last_changed" -eq "$changed" ] || die "the last commit changes $last_changed files, not $changed"
busy_commits=$(git -C "$plan" log --format=%H -- "$busy_path" | wc -l)

set +e
"$bin" lint "$plan" --as-of "$as_of" --format json >"$work/lint.json"
lint_status=$?
(cd "$plan" && "$bin" diff HEAD~1 HEAD --format json) >"$work/diff.json"
diff_status=$?
(cd "$plan" && "$bin" log "$busy" --format json) >"$work/log.json"
log_status=$?
set -e
[ $lint_status -eq 0 ] || die "plantool lint exited $lint_status on the generated plan (expected 0)"
[ $diff_status -eq 0 ] || die "plantool diff HEAD~1 HEAD exited $diff_status"
[ $log_status -eq 0 ] || die "plantool log $busy exited $log_status"
if [ -n "$static_bin" ]; then
  (cd "$plan" && "$static_bin" diff HEAD~1 HEAD --format json) >"$work/diff-static.json" || die "the static plantool diff failed"
  cmp -s "$work/diff.json" "$work/diff-static.json" || die "the static binary's diff differs from the dynamic one's"
fi

cpu_before=$(cpu_busy)
log "timing diff, log and their git counterparts ($runs runs each, inside the repository)"
commands=(
  "diff=$bin diff HEAD~1 HEAD --format json"
  "diff-text=$bin diff HEAD~1 HEAD"
  "git-diff=git diff HEAD~1 HEAD"
  "log=$bin log $busy"
  "git-log=git log -p -- $busy_path"
  "version=$bin --version"
  "diff-same=$bin diff HEAD HEAD --format json"
)
if [ -n "$static_bin" ]; then
  commands+=(
    "diff-static=$static_bin diff HEAD~1 HEAD --format json"
    "diff-text-static=$static_bin diff HEAD~1 HEAD"
    "log-static=$static_bin log $busy"
    "version-static=$static_bin --version"
    "diff-same-static=$static_bin diff HEAD HEAD --format json"
  )
fi
(cd "$plan" && time_commands "$runs" "${commands[@]}")

# The same comparison interleaved (see interleave.py): the ratio to git without the drift of the
# machine between one command's runs and the next's.
interleaved_runs=${BENCH_INTERLEAVED_RUNS:-100}
interleaved=("git-diff=git diff HEAD~1 HEAD" "diff-text=$bin diff HEAD~1 HEAD")
[ -z "$static_bin" ] || interleaved+=("diff-text-static=$static_bin diff HEAD~1 HEAD")
log "timing git diff and plantool diff interleaved ($interleaved_runs rounds)"
(cd "$plan" && "$py" "$root/scripts/bench/interleave.py" "$interleaved_runs" 5 "$work/interleaved.json" "${interleaved[@]}")
export BENCH_INTERLEAVED="$work/interleaved.json" BENCH_INTERLEAVED_RUNS="$interleaved_runs"

log "measuring peak memory"
rss_diff=$(cd "$plan" && max_rss "$bin" diff HEAD~1 HEAD --format json)
rss_log=$(cd "$plan" && max_rss "$bin" log "$busy")
rss_git_diff=$(cd "$plan" && max_rss git diff HEAD~1 HEAD)
rss_git_log=$(cd "$plan" && max_rss git log -p -- "$busy_path")
rss_diff_static=0 rss_log_static=0
if [ -n "$static_bin" ]; then
  rss_diff_static=$(cd "$plan" && max_rss "$static_bin" diff HEAD~1 HEAD --format json)
  rss_log_static=$(cd "$plan" && max_rss "$static_bin" log "$busy")
fi
cpu_after=$(cpu_busy)
busy_cpus=$(echo "$cpu_before $cpu_after" | awk -v n="$(nproc)" '{ printf "%.2f", ($3 - $1) / ($4 - $2) * n }')

# The binaries: size on disk, size stripped of symbols, shared libraries loaded.
binary_facts() {
  local file="$1" stripped="$work/stripped"
  if command -v strip >/dev/null 2>&1 && strip -o "$stripped" "$file" 2>/dev/null; then
    printf '%s %s %s\n' "$(stat -c %s "$file")" "$(stat -c %s "$stripped")" "$(ldd "$file" | grep -c '=>')"
  else
    printf '%s - %s\n' "$(stat -c %s "$file")" "$(ldd "$file" | grep -c '=>')"
  fi
}
facts_dynamic=$(binary_facts "$bin")
facts_static=""
[ -z "$static_bin" ] || facts_static=$(binary_facts "$static_bin")

# ---------------------------------------------------------------------------------------------
# The report

export BENCH_BIN="$bin" BENCH_STATIC_BIN="$static_bin" BENCH_STATIC_FLAG="$static_flag" BENCH_STATIC_NOTE="$static_note"
export BENCH_PLAN="$plan" BENCH_WORK="$work" BENCH_AS_OF="$as_of" BENCH_PY="$py"
export BENCH_RSS_DIFF="$rss_diff" BENCH_RSS_LOG="$rss_log" BENCH_RSS_GIT_DIFF="$rss_git_diff" BENCH_RSS_GIT_LOG="$rss_git_log"
export BENCH_RSS_DIFF_STATIC="$rss_diff_static" BENCH_RSS_LOG_STATIC="$rss_log_static"
export BENCH_FACTS_DYNAMIC="$facts_dynamic" BENCH_FACTS_STATIC="$facts_static"
export BENCH_RECS="$recommendations" BENCH_COMMITS="$commits" BENCH_CHANGED="$last_changed"
export BENCH_BUSY_NUMBER="$busy" BENCH_BUSY_PATH="$busy_path" BENCH_BUSY_COMMITS="$busy_commits"
export BENCH_TIMER="$([ $use_hyperfine = 1 ] && hyperfine --version || echo 'a date +%s.%N loop (no hyperfine)')"
export BENCH_SWIFT="$(swift --version 2>&1 | head -1)" BENCH_GIT="$(git --version)"
# Which sources were measured: the commit, with a digest of Sources/ and Package.swift (which also
# tells uncommitted changes apart).
digest="$(find Sources Package.swift -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
if commit="$(git rev-parse --short HEAD 2>/dev/null)"; then
  dirty=""
  git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || dirty=" plus uncommitted changes"
  [ -z "$(git ls-files --others --exclude-standard -- Sources 2>/dev/null)" ] || dirty=" plus uncommitted changes"
  export BENCH_SOURCES="commit $commit$dirty, sources digest $digest"
else
  export BENCH_SOURCES="sources digest $digest"
fi
export BENCH_BUSY="$busy_cpus"
"$py" - "$results" <<'EOF'
import json, os, platform, statistics, subprocess, sys

env = os.environ
rows = {}
for line in open(sys.argv[1]):
    label, command, *times = line.rstrip("\n").split("\t")
    rows[label] = (command, [float(t) for t in times])
static = bool(env["BENCH_STATIC_BIN"])

def run(*args):
    return subprocess.run(args, capture_output=True, text=True).stdout.strip()

def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"

def mem_total():
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            return "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    return "unknown"

def ms(seconds):
    return "%.1f ms" % (seconds * 1000)

def mb(kb):
    return "%.1f MiB (%.1f MB)" % (kb / 1024, kb * 1024 / 1e6)

def stats(label):
    times = rows[label][1]
    return statistics.median(times), statistics.mean(times), (statistics.stdev(times) if len(times) > 1 else 0.0), min(times), max(times), len(times)

def median(label):
    return stats(label)[0]

plan = env["BENCH_PLAN"]
files = [os.path.join(r, f) for r, _, fs in os.walk(plan) if "/.git" not in r + "/" for f in fs if f.endswith(".yaml")]
lines = sum(sum(1 for _ in open(f, encoding="utf-8")) for f in files)
size = sum(os.path.getsize(f) for f in files)
lint = json.load(open(os.path.join(env["BENCH_WORK"], "lint.json")))
diagnostics = lint.get("diagnostics", [])
errors = sum(1 for d in diagnostics if d.get("severity") == "error")
warnings = sum(1 for d in diagnostics if d.get("severity") == "warning")
diff = json.load(open(os.path.join(env["BENCH_WORK"], "diff.json")))
parsed = diff["parsedFiles"]
counts = ", ".join("%d %s" % (n, kind) for kind, n in sorted(diff.get("counts", {}).items()))
entries = json.load(open(os.path.join(env["BENCH_WORK"], "log.json")))
log_changes = sum(len(e["changes"]) for e in entries)
busy, busy_path, changed = env["BENCH_BUSY_NUMBER"], env["BENCH_BUSY_PATH"], int(env["BENCH_CHANGED"])

out = []
p = out.append
p("## plantool diff and log benchmark")
p("")
p("Machine: %s CPUs (`nproc`), %s, %s memory, Linux %s. During the timings and memory runs the machine was busy on %s CPUs on average, from `/proc/stat` (the benchmark alone keeps about 1 busy; more means other work shared the machine)." % (run("nproc"), cpu_model(), mem_total(), platform.release(), env["BENCH_BUSY"]))
p("")
p("- plantool: `%s` (%s, release build: `swift build -c release --scratch-path .build-bench`; %s, the digest being the SHA-256 of the SHA-256s of Sources/ and Package.swift)" % (run(env["BENCH_BIN"], "--version").replace("\n", "; "), env["BENCH_SWIFT"], env["BENCH_SOURCES"]))
if static:
    p("- static runtime: the same sources built with `swift build -c release --scratch-path .build-bench-static %s` (the Swift runtime and Foundation linked into the binary; libgit2 and the C libraries still shared)" % env["BENCH_STATIC_FLAG"])
else:
    p("- static runtime: %s" % env["BENCH_STATIC_NOTE"])
p("- %s, run in the plan's repository as plantool is" % env["BENCH_GIT"])
p("- timer: %s; memory: GNU `/usr/bin/time -v`, the largest maximum resident set size of 5 runs" % env["BENCH_TIMER"])
p("- plan: `scripts/bench/generate-plan.py DIR --recommendations %s --seed 1 --history %s --last-commit-changes %d --busy %s`: %d YAML files, %d lines, %.2f MB; a git repository of %s commits, the last one changing %d recommendation files (`git diff --name-only HEAD~1 HEAD | wc -l`), `%s` changed in %s of them; `plantool lint --as-of %s`: %d errors, %d warnings (exit 0)" % (
    env["BENCH_RECS"], env["BENCH_COMMITS"], changed, busy, len(files), lines, size / 1e6, env["BENCH_COMMITS"], changed, busy_path, env["BENCH_BUSY_COMMITS"], env["BENCH_AS_OF"], errors, warnings))
p("- `plantool diff HEAD~1 HEAD --format json`: **parsedFiles %d** for %d changed files (%d changes: %s); `plantool log %s --format json`: %d commits listed (of the %s that changed `%s`), %d changes" % (
    parsed, changed, len(diff.get("changes", [])), counts, busy, len(entries), env["BENCH_BUSY_COMMITS"], busy_path, log_changes))
p("")
p("### Wall time (each command's output discarded, run inside the repository)")
p("")
p("| measurement | median | mean ± σ | min … max | runs | command |")
p("| --- | ---: | ---: | ---: | ---: | --- |")
names = {
    "diff": "plantool diff (last commit, %d files changed)" % changed,
    "diff-text": "plantool diff, text output",
    "diff-text-static": "plantool diff, text output, Swift runtime static",
    "git-diff": "git diff (same commits)",
    "log": "plantool log of recommendation %s (%s commits)" % (busy, env["BENCH_COMMITS"]),
    "git-log": "git log -p of its file",
    "version": "plantool --version (process start-up)",
    "diff-static": "plantool diff, Swift runtime static",
    "log-static": "plantool log, Swift runtime static",
    "version-static": "plantool --version, Swift runtime static",
    "diff-same": "plantool diff HEAD HEAD (no file differs: the fixed cost)",
    "diff-same-static": "plantool diff HEAD HEAD, Swift runtime static",
}
def short(command):
    command = command.replace(env["BENCH_BIN"], "plantool")
    if static:
        command = command.replace(env["BENCH_STATIC_BIN"], "plantool-static")
    return command
order = ["diff", "diff-text", "git-diff", "log", "git-log", "version", "diff-same"] + (["diff-static", "diff-text-static", "log-static", "version-static", "diff-same-static"] if static else [])
for label in order:
    m, mean, sd, lo, hi, n = stats(label)
    p("| %s | **%s** | %s ± %s | %s … %s | %d | `%s` |" % (names[label], ms(m), ms(mean), ms(sd), ms(lo), ms(hi), n, short(rows[label][0])))
p("")
if static:
    p("`plantool-static` is the binary built in `.build-bench-static`.")
    p("")
interleaved = json.load(open(env["BENCH_INTERLEAVED"]))
def imedian(label):
    return statistics.median(interleaved[label])
p("### The same, interleaved")
p("")
p("`scripts/bench/interleave.py`: %s rounds after 5 of warm-up, each running every command once, in an order rotating from round to round, so that git and plantool see the machine in the same state; wall time around `posix_spawn` and `waitpid`, output to `/dev/null`." % env["BENCH_INTERLEAVED_RUNS"])
p("")
p("| command | median | 10th … 90th percentile | ratio to git diff |")
p("| --- | ---: | ---: | ---: |")
for label in [l for l in ["git-diff", "diff-text", "diff-text-static"] if l in interleaved]:
    t = sorted(interleaved[label])
    p("| `%s` | %s | %s … %s | %.2f× |" % (short(rows[label][0]) if label in rows else label, ms(imedian(label)), ms(t[len(t) // 10]), ms(t[len(t) * 9 // 10]), imedian(label) / imedian("git-diff")))
p("")
p("### Peak memory (max RSS)")
p("")
p("| program | max RSS |")
p("| --- | ---: |")
rss = [(names["diff"], "BENCH_RSS_DIFF"), (names["log"], "BENCH_RSS_LOG"),
       ("git diff HEAD~1 HEAD", "BENCH_RSS_GIT_DIFF"), ("git log -p -- %s" % busy_path, "BENCH_RSS_GIT_LOG")]
if static:
    rss += [(names["diff-static"], "BENCH_RSS_DIFF_STATIC"), (names["log-static"], "BENCH_RSS_LOG_STATIC")]
for name, key in rss:
    p("| %s | %s |" % (name, mb(int(env[key]))))
p("")
p("### What linking the Swift runtime statically changes")
p("")
def facts(key):
    size, stripped, libraries = env[key].split()
    return int(size), (int(stripped) if stripped != "-" else None), int(libraries)
if static:
    dyn, sta = facts("BENCH_FACTS_DYNAMIC"), facts("BENCH_FACTS_STATIC")
    def size_cell(f):
        return "%.1f MB%s" % (f[0] / 1e6, "" if f[1] is None else " (%.1f MB stripped)" % (f[1] / 1e6))
    p("| | shared runtime | static runtime | change |")
    p("| --- | ---: | ---: | ---: |")
    p("| binary size | %s | %s | |" % (size_cell(dyn), size_cell(sta)))
    p("| shared libraries loaded (`ldd`) | %d | %d | %+d |" % (dyn[2], sta[2], sta[2] - dyn[2]))
    for label, static_label in [("version", "version-static"), ("diff-same", "diff-same-static"), ("diff", "diff-static"), ("diff-text", "diff-text-static"), ("log", "log-static")]:
        a, b = median(label), median(static_label)
        p("| %s, median | %s | %s | %+.1f ms (%+.0f %%) |" % (names[label].split(" (")[0], ms(a), ms(b), (b - a) * 1000, (b - a) / a * 100))
else:
    p("Not measured (static build: %s)." % env["BENCH_STATIC_NOTE"])
p("")
def met(ok):
    return "**met**" if ok else "**not met**"
d, g, l, gl = median("diff"), median("git-diff"), median("log"), median("git-log")
rss_mb = int(env["BENCH_RSS_DIFF"]) * 1024 / 1e6
p("### Targets")
p("")
p("| target | measured | |")
p("| --- | --- | --- |")
p("| diff HEAD~1 HEAD within 3× of git diff's wall time (JSON output) | %s vs %s: %.2f× (3× would be ≤ %s) | %s |" % (ms(d), ms(g), d / g, ms(3 * g), met(d <= 3 * g)))
dt = median("diff-text")
p("| the same, text output (`plantool diff HEAD~1 HEAD` as typed) | %s vs %s: %.2f× | %s |" % (ms(dt), ms(g), dt / g, met(dt <= 3 * g)))
p("| diff's peak memory under 100 MB | %.1f MB | %s |" % (rss_mb, met(rss_mb < 100)))
p("| log of one recommendation over the %s commits within 3× of git log -p of its file | %s vs %s: %.2f× (3× would be ≤ %s) | %s |" % (
    env["BENCH_COMMITS"], ms(l), ms(gl), l / gl, ms(3 * gl), met(l <= 3 * gl)))
p("| diff reads only what changed: about 2 files per changed file, not the whole plan twice | parsedFiles %d for %d changed files (the whole plan twice would be %d) | %s |" % (
    parsed, changed, 2 * (int(env["BENCH_RECS"]) + 1), met(parsed <= 2 * changed + 2)))
if static:
    p("| diff HEAD~1 HEAD within 3× of git diff, static runtime (JSON output) | %s vs %s: %.2f× | %s |" % (ms(median("diff-static")), ms(g), median("diff-static") / g, met(median("diff-static") <= 3 * g)))
    dts = median("diff-text-static")
    p("| the same, text output, static runtime (README's install build) | %s vs %s: %.2f× | %s |" % (ms(dts), ms(g), dts / g, met(dts <= 3 * g)))
ig = imedian("git-diff")
p("| diff HEAD~1 HEAD within 3× of git diff, interleaved, text output | %s vs %s: %.2f× | %s |" % (ms(imedian("diff-text")), ms(ig), imedian("diff-text") / ig, met(imedian("diff-text") <= 3 * ig)))
if "diff-text-static" in interleaved:
    ist = imedian("diff-text-static")
    p("| the same, static runtime (README's install build) | %s vs %s: %.2f× | %s |" % (ms(ist), ms(ig), ist / ig, met(ist <= 3 * ig)))
print("\n".join(out))
EOF
