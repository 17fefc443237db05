#!/usr/bin/env bash
# The scaling check: inputs inside the documented limits must cost time in proportion to their
# size. For each case, an input of size N and one of size 4N (scripts/bench/scaling-inputs.py)
# are timed (median of BENCH_RUNS runs, default 3, after one warm-up run), and the check fails
# (exit 1) when the larger one takes more than 5 times as long as the smaller:
#   - merge:      plantool merge-driver, ours and theirs each adding N updates to one action,
#                 their dates interleaved (N = 10,000 and 40,000 per side)
#   - merge-one:  plantool merge-driver, ours adding one update, theirs N (30,000 and 120,000:
#                 7.2 MB, inside the 8 MiB limit of a plan file)
#   - text:       plantool import of Word's plain text, one recommendation whose response cell is
#                 continued over N rows (25,000 and 100,000 rows: 1.3 and 5.4 MB)
#   - text-rec:   the same, the recommendation's own text continued (25,000 and 100,000 rows)
#   - diff:       plantool diff HEAD~1 HEAD --format json, one action's updates (10,000 and 40,000)
#                 with every other one reworded
#   - lint:       plantool lint --rev HEAD --plan plan --format json on that repository (rule
#                 update-rewritten matches every update with the base's; it exits 1: the rewordings
#                 are errors)
# Prints a Markdown table on standard output:
#
#   scripts/bench/scaling.sh | tee bench-scaling.md
#
# Settings: BENCH_CASES (case names, default all), BENCH_RUNS (3), BENCH_COMMIT (the commit BENCH_BIN was built from), BENCH_SCALE (multiplies every N, default 1; 0.1 for a quick try), BENCH_BIN (a built
# plantool to measure instead of building this checkout), BENCH_KEEP=1, BENCH_NO_HYPERFINE=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${BENCH_RUNS:-3}
scale=${BENCH_SCALE:-1}

. "$root/scripts/bench/common.sh"

# One runnable script per case and size: the merge driver rewrites ours in place, and import
# refuses a folder that exists, so each run starts from a fresh copy.
prepare_case() {
  local kind=$1 n=$2 dir="$work/$1-$2"
  mkdir -p "$dir"
  case $kind in
    merge | merge-one)
      "$py" scripts/bench/scaling-inputs.py "$kind" "$dir/in" "$n"
      printf '#!/bin/sh\ncp %s/in/ours.yaml %s/ours.yaml\nexec %s merge-driver %s/in/base.yaml %s/ours.yaml %s/in/theirs.yaml plan/recommendations/05.yaml\n' \
        "$dir" "$dir" "$bin" "$dir" "$dir" "$dir" >"$dir/run.sh" ;;
    text | text-rec)
      "$py" scripts/bench/scaling-inputs.py "$kind" "$dir/plan.txt" "$n"
      printf '#!/bin/sh\nrm -rf %s/out\nexec %s import %s/plan.txt --into %s/out --format text\n' \
        "$dir" "$bin" "$dir" "$dir" >"$dir/run.sh" ;;
    diff)
      "$py" scripts/bench/scaling-inputs.py diff "$dir/repo" "$n"
      printf '#!/bin/sh\ncd %s/repo && exec %s diff HEAD~1 HEAD --format json\n' "$dir" "$bin" >"$dir/run.sh" ;;
    lint)
      "$py" scripts/bench/scaling-inputs.py diff "$dir/repo" "$n"
      printf '#!/bin/sh\ncd %s/repo && %s lint --rev HEAD --plan plan --format json >/dev/null\ntest $? -eq 1\n' "$dir" "$bin" >"$dir/run.sh" ;;
  esac
  chmod +x "$dir/run.sh"
  # Every input must go through: a failing run would time an error.
  "$dir/run.sh" >/dev/null 2>&1 || die "$kind at $n failed: $dir/run.sh"
}

cases=("merge 10000" "merge-one 30000" "text 25000" "text-rec 25000" "diff 10000" "lint 10000")
# BENCH_CASES: some of them only, by name ("merge text").
if [ -n "${BENCH_CASES:-}" ]; then
  chosen=()
  for c in "${cases[@]}"; do
    for name in $BENCH_CASES; do [ "${c%% *}" = "$name" ] && chosen+=("$c"); done
  done
  cases=("${chosen[@]}")
fi
pairs=()
for c in "${cases[@]}"; do
  set -- $c
  small=$(awk -v n="$2" -v s="$scale" 'BEGIN { printf "%d", n * s }') large=$((small * 4))
  log "preparing $1 at $small and $large"
  prepare_case "$1" "$small"
  prepare_case "$1" "$large"
  pairs+=("$1 $small=sh $work/$1-$small/run.sh" "$1 $large=sh $work/$1-$large/run.sh")
done

busy_before=$(cpu_busy)
WARMUP=1 time_commands "$runs" "${pairs[@]}"
busy_after=$(cpu_busy)

# BENCH_COMMIT names the commit BENCH_BIN was built from.
commit=${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
"$py" - "$results" "$work" "$bin" "$commit" "$busy_before" "$busy_after" <<'PY'
import os, statistics, subprocess, sys
results, work, binary, commit = sys.argv[1:5]
b0, t0 = map(int, sys.argv[5].split()); b1, t1 = map(int, sys.argv[6].split())
rows = {}
for line in open(results):
    label, command, *times = line.rstrip("\n").split("\t")
    rows[label] = statistics.median(float(t) for t in times)
version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
print("### plantool scaling check\n")
print("- plantool: `%s`, `%s`, built from commit %s" % (version, binary.replace(os.getcwd() + "/", ""), commit))
print("- machine busy on %.2f of %d CPUs during the timings (from /proc/stat)\n" % (os.cpu_count() * (b1 - b0) / max(1, t1 - t0), os.cpu_count()))
print("| case | N | input | median | 4N | input | median | ratio | ≤ 5 |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
failed = False
labels = list(rows)
for small, large in zip(labels[::2], labels[1::2]):
    kind, n = small.split(); _, n4 = large.split()
    def size(n):
        d = os.path.join(work, "%s-%s" % (kind, n))
        path = (os.path.join(d, "plan.txt") if kind.startswith("text") else os.path.join(d, "in", "theirs.yaml") if kind.startswith("merge")
                else os.path.join(d, "repo", "plan", "recommendations", "05.yaml"))  # diff, lint
        return "%.2f MB" % (os.path.getsize(path) / 1e6)
    ratio = rows[large] / rows[small]
    ok = ratio <= 5
    failed |= not ok
    print("| %s | %s | %s | %.3f s | %s | %s | %.3f s | %.2f | %s |" % (kind, n, size(n), rows[small], n4, size(n4), rows[large], ratio, "yes" if ok else "**no**"))
print("\n(input: the text imported, theirs' file merged, or the recommendation file diffed and linted.)")
sys.exit(1 if failed else 0)
PY
