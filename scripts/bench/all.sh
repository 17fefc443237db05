#!/usr/bin/env bash
# Every comparison of issue 23 in one run, each timed interleaved (scripts/bench/interleave.py:
# the commands of a comparison take turns, round after round, so that they see the machine in
# the same state), on a plan generated with a seed the other benchmarks do not use:
#   - plantool lint            against PyYAML's C loader merely loading the files, on both cores
#                              and pinned to one (taskset -c 0)
#   - plantool lint            against yamllint with its default rules
#   - plantool diff HEAD~1 HEAD (text, JSON, Markdown) against git diff HEAD~1 HEAD
#   - plantool status          against git log --stat (the whole history)
#   - plantool --version       against git --version
#   - lint's peak memory (max RSS) against the plan's YAML bytes, at 10,000 and 50,000
#     recommendations
#   - the scaling table: lint, diff and status at 2,000, 10,000 and 50,000 recommendations, time
#     (median) and peak memory
# and prints a Markdown report on standard output with the machine's load during the run
# (/proc/loadavg and /proc/stat) and every command:
#
#   scripts/bench/all.sh | tee bench-all.md
#
# Settings: BENCH_ROUNDS (interleaved rounds of the quick comparisons, default 40),
# BENCH_SLOW_ROUNDS (of lint against yamllint, default 5), BENCH_SCALE_ROUNDS (of the scaling
# table, default 3), BENCH_SEED (the plans' seed, default 23), BENCH_RECOMMENDATIONS (the
# comparisons' plan, default 2000), BENCH_HISTORY (commits, default 200), BENCH_SCALES (default
# "2000 10000 50000"; empty skips the scaling table and the memory goals), BENCH_RSS_RUNS (runs
# per peak memory, default 3), BENCH_CACHE (a folder where generated plans are kept and reused:
# the 50,000-recommendation history takes minutes to make), BENCH_BIN (a built plantool to
# measure instead of building this checkout; BENCH_COMMIT names its commit), BENCH_KEEP=1 keeps
# the temporary folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
rounds=${BENCH_ROUNDS:-40}
slow_rounds=${BENCH_SLOW_ROUNDS:-5}
scale_rounds=${BENCH_SCALE_ROUNDS:-3}
seed=${BENCH_SEED:-23}
recommendations=${BENCH_RECOMMENDATIONS:-2000}
history=${BENCH_HISTORY:-200}
scales=${BENCH_SCALES-2000 10000 50000}
as_of=2024-01-01

# The release build the issue measures: the Swift runtime linked statically, as README installs it.
if [ -z "${BENCH_BIN:-}" ]; then
  echo "bench: building plantool (release, Swift runtime static, .build-bench-static)" >&2
  swift build -c release -Xswiftc -static-stdlib --scratch-path .build-bench-static >&2
  BENCH_BIN="$(swift build -c release -Xswiftc -static-stdlib --scratch-path .build-bench-static --show-bin-path)/plantool"
  export BENCH_BIN
fi
. "$root/scripts/bench/common.sh"
command -v taskset >/dev/null 2>&1 || die "taskset is missing (Debian package util-linux)"
"$py" -c 'import yaml' >/dev/null 2>&1 || { log "installing PyYAML with pip"; "$py" -m pip install --quiet pyyaml >&2; }
"$py" -m yamllint --version >/dev/null 2>&1 || { log "installing yamllint with pip"; "$py" -m pip install --quiet yamllint >&2; }
yamllint_bin="$(dirname "$py")/yamllint"
[ -x "$yamllint_bin" ] || die "no yamllint beside $py"
"$py" scripts/bench/pyyaml-load.py --info >/dev/null || die "PyYAML has no C loader"

# A plan of N recommendations with its history, the last commit changing 50 files. With
# BENCH_CACHE, each plan is generated once into that folder and copied from there afterwards.
generate() {
  local cached="${BENCH_CACHE:-}/plan-$2-seed$seed-history$history"
  if [ -n "${BENCH_CACHE:-}" ] && [ -d "$cached" ]; then
    log "copying $2 recommendations from $cached"
    cp -r "$cached" "$1"
    return
  fi
  log "generating $2 recommendations, $history commits (seed $seed)"
  "$py" scripts/bench/generate-plan.py "$1" --recommendations "$2" --seed "$seed" --history "$history" \
    --last-commit-changes 50 2>&1 | sed 's/^/bench: /' >&2
  if [ -n "${BENCH_CACHE:-}" ]; then mkdir -p "$BENCH_CACHE" && cp -r "$1" "$cached"; fi
}
# Peak memory: the largest maximum resident set size of BENCH_RSS_RUNS runs (default 3).
peak_rss() {
  local best=0 kb i
  for ((i = 0; i < ${BENCH_RSS_RUNS:-3}; i++)); do
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || true
    kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time.txt")
    [ "$kb" -gt "$best" ] && best=$kb
  done
  echo "$best"
}
yaml_bytes() { find "$1" -name '*.yaml' -not -path '*/.git/*' -print0 | xargs -0 cat | wc -c; }

generate "$plan" "$recommendations"
(cd "$plan" && "$bin" lint --as-of "$as_of" --format json >/dev/null) || die "plantool lint fails on the generated plan"

: >"$work/commands.txt"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cpu_before=$(cpu_busy)
timed() {  # timed NAME ROUNDS LABEL=COMMAND...: one interleaved comparison, run inside the plan
  local name=$1 count=$2; shift 2
  log "timing $name ($count rounds)"
  local pair
  for pair in "$@"; do printf '%s\t%s\n' "${pair%%=*}" "${pair#*=}" | sed 's/^\([^\t]*\)!/\1/' >>"$work/commands.txt"; done
  (cd "$plan" && "$py" "$root/scripts/bench/interleave.py" "$count" 2 "$work/$name.json" "$@")
}
pyyaml="$py $root/scripts/bench/pyyaml-load.py $plan"
lint="$bin lint --as-of $as_of --format json"
timed loader "$rounds" "lint=$lint" "pyyaml=$pyyaml" \
  "lint-pinned=taskset -c 0 $lint" "pyyaml-pinned=taskset -c 0 $pyyaml"
timed diff "$rounds" "diff-text=$bin diff HEAD~1 HEAD" "diff-json=$bin diff HEAD~1 HEAD --format json" \
  "diff-markdown=$bin diff HEAD~1 HEAD --format markdown" "git-diff=git diff HEAD~1 HEAD"
timed status "$rounds" "status=$bin status --format json" "git-log=git log --stat"
timed version "$rounds" "version=$bin --version" "git-version=git --version"
timed yamllint "$slow_rounds" "lint=$lint" "yamllint!=$yamllint_bin $plan"
cpu_after=$(cpu_busy)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The scaling table: each size's own plan; lint, diff and status take turns.
: >"$work/scales.tsv"
for n in $scales; do
  dir="$work/plan-$n"
  if [ "$n" = "$recommendations" ]; then dir=$plan; else generate "$dir" "$n"; fi
  log "timing lint, diff and status at $n recommendations ($scale_rounds rounds)"
  (cd "$dir" && "$py" "$root/scripts/bench/interleave.py" "$scale_rounds" 1 "$work/scale-$n.json" \
    "lint=$lint" "diff=$bin diff HEAD~1 HEAD" "status=$bin status --format json")
  rss_lint=$(cd "$dir" && peak_rss $lint)
  rss_diff=$(cd "$dir" && peak_rss "$bin" diff HEAD~1 HEAD)
  rss_status=$(cd "$dir" && peak_rss "$bin" status --format json)
  printf '%s\t%s\t%s\t%s\t%s\n' "$n" "$(yaml_bytes "$dir")" "$rss_lint" "$rss_diff" "$rss_status" >>"$work/scales.tsv"
done

commit=${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
[ -n "${BENCH_COMMIT:-}" ] || git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || commit="$commit plus uncommitted changes"
export BENCH_PY=$py BENCH_ROOT=$root BENCH_PLAN=$plan BENCH_BIN_PATH=$bin
"$py" - "$work" "$commit" "$load_before" "$load_after" "$cpu_before" "$cpu_after" "$rounds" "$slow_rounds" \
  "$scale_rounds" "$seed" "$recommendations" "$history" "$(yaml_bytes "$plan")" <<'PY'
import json, os, statistics, subprocess, sys
(work, commit, load_before, load_after, cpu_before, cpu_after, rounds, slow_rounds, scale_rounds, seed,
 recommendations, history, plan_bytes) = sys.argv[1:]
env = os.environ
b0, t0 = map(int, cpu_before.split()); b1, t1 = map(int, cpu_after.split())
busy = os.cpu_count() * (b1 - b0) / max(1, t1 - t0)

def times(name):
    return json.load(open(os.path.join(work, name + ".json")))

def median(values):
    return statistics.median(values)

def spread(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 10], ordered[-1 - len(ordered) // 10]

def ms(seconds):
    return "%.1f ms" % (seconds * 1000) if seconds < 10 else "%.2f s" % seconds

def show(command):
    return (command.replace(env["BENCH_BIN_PATH"], "plantool").replace(env["BENCH_PLAN"], "$PLAN")
            .replace(env["BENCH_ROOT"] + "/", "").replace(env["BENCH_PY"], "python3")
            .replace(os.path.dirname(env["BENCH_PY"]) + "/", ""))

version = subprocess.run([env["BENCH_BIN_PATH"], "--version"], capture_output=True, text=True).stdout.strip()
git_version = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip()
print("### plantool against its peers (issue 23)\n")
print("- plantool: `%s`, commit %s, release build with the Swift runtime static "
      "(`swift build -c release -Xswiftc -static-stdlib`); %s" % (version, commit, git_version))
print("- machine: %d CPUs; load average (1, 5, 15 min) %s before the timings, %s after; "
      "busy on %.2f CPUs on average during them (`/proc/stat`)" % (os.cpu_count(), load_before, load_after, busy))
print("- plan: `scripts/bench/generate-plan.py $PLAN --recommendations %s --seed %s --history %s "
      "--last-commit-changes 50`, %.2f MB of YAML; every command run inside it" % (
          recommendations, seed, history, int(plan_bytes) / 1e6))
print("- timing: `scripts/bench/interleave.py`, the commands of each comparison taking turns: %s rounds "
      "(yamllint: %s) after 2 of warm-up; ratio = median against median\n" % (rounds, slow_rounds))

rows = [
    ("`plantool lint`", "PyYAML C loader, loading only", "loader", "lint", "pyyaml", 0.5),
    ("`plantool lint`, pinned to one core", "the same, pinned", "loader", "lint-pinned", "pyyaml-pinned", 0.7),
    ("`plantool lint`", "yamllint (default rules)", "yamllint", "lint", "yamllint", 1 / 40),
    ("`plantool diff HEAD~1 HEAD`", "`git diff HEAD~1 HEAD`", "diff", "diff-text", "git-diff", 2.0),
    ("`plantool diff HEAD~1 HEAD --format json`", "`git diff HEAD~1 HEAD`", "diff", "diff-json", "git-diff", 2.0),
    ("`plantool diff HEAD~1 HEAD --format markdown`", "`git diff HEAD~1 HEAD`", "diff", "diff-markdown", "git-diff", 2.0),
    ("`plantool status` (%s commits)" % history, "`git log --stat`", "status", "status", "git-log", 1.2),
    ("`plantool --version`", "`git --version`", "version", "version", "git-version", None),
]
print("| work | peer | plantool | peer | ratio | 10th–90th percentile of plantool | goal | |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
for work_name, peer, group, ours, theirs, goal in rows:
    data = times(group)
    a, b = median(data[ours]), median(data[theirs])
    low, high = spread(data[ours])
    goal_text = "—" if goal is None else ("≤ 1/%d" % round(1 / goal) if goal < 0.1 else "≤ %.1f" % goal)
    ratio = a / b
    ratio_text = "1/%.1f" % (b / a) if ratio < 0.1 else "%.2f" % ratio
    met = "" if goal is None else ("**met**" if ratio <= goal else "**not met**")
    print("| %s | %s | %s | %s | %s | %s … %s | %s | %s |" % (work_name, peer, ms(a), ms(b), ratio_text, ms(low), ms(high), goal_text, met))

scales = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "scales.tsv"))]
if scales:
    print("\n| lint peak memory | YAML bytes | max RSS | ratio | goal | |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for n, size, rss_lint, _, _ in scales:
        ratio = int(rss_lint) * 1024 / int(size)
        goal = "≤ 4" if int(n) >= 10000 else "—"
        met = ("**met**" if ratio <= 4 else "**not met**") if int(n) >= 10000 else ""
        print("| %s recommendations | %.1f MB | %.1f MiB | %.2f× | %s | %s |" % (
            "{:,}".format(int(n)), int(size) / 1e6, int(rss_lint) / 1024, ratio, goal, met))
    print("\n#### Scaling (median of %s interleaved rounds; max RSS the largest of %s runs)\n" % (scale_rounds, env.get("BENCH_RSS_RUNS", "3")))
    print("| recommendations | YAML | lint | diff HEAD~1 HEAD | status | lint per 1,000 | status per 1,000 | lint RSS | diff RSS | status RSS |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, size, rss_lint, rss_diff, rss_status in scales:
        data = times("scale-" + n)
        lint, diff, status = median(data["lint"]), median(data["diff"]), median(data["status"])
        per = 1000 / int(n)
        print("| %s | %.1f MB | %s | %s | %s | %s | %s | %.1f MiB | %.1f MiB | %.1f MiB |" % (
            "{:,}".format(int(n)), int(size) / 1e6, ms(lint), ms(diff), ms(status), ms(lint * per), ms(status * per),
            int(rss_lint) / 1024, int(rss_diff) / 1024, int(rss_status) / 1024))
    print("\n(every size has %s commits, the last changing 50 files: diff's work does not grow with the plan.)" % history)

print("\nCommands (`$PLAN` the generated plan, the current folder):\n")
seen = set()
for line in open(os.path.join(work, "commands.txt")):
    label, command = line.rstrip("\n").split("\t")
    if label in seen:
        continue
    seen.add(label)
    print("- %s: `%s`" % (label, show(command)))
PY
