#!/usr/bin/env bash
# The benchmark of plantool status: a generated 2,000-recommendation plan with 200 commits of
# history, the report with slippage read from the whole history, in one run:
#   - `plantool status --format json` today (the working tree, history from HEAD)
#   - `plantool status --as-of DAY --format json` with DAY the day of the 100th commit (the plan
#     read from that commit, history up to it)
#   - for context, in the same run: `plantool check` (reading the plan once) and
#     `git log -p --format=%H -- recommendations` (git printing every change of the history)
#   - peak memory (max RSS) of both status runs
# and prints a Markdown report on standard output:
#
#   scripts/bench/status.sh | tee bench-status.md
#
# Settings: BENCH_RUNS (default 10), BENCH_RECOMMENDATIONS (2000), BENCH_HISTORY (200),
# BENCH_KEEP=1, BENCH_NO_HYPERFINE=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${BENCH_RUNS:-10}
recommendations=${BENCH_RECOMMENDATIONS:-2000}
history=${BENCH_HISTORY:-200}

. "$root/scripts/bench/common.sh"

log "generating a plan of $recommendations recommendations with $history commits of history"
"$py" scripts/bench/generate-plan.py "$plan" --recommendations "$recommendations" --seed 1 \
  --history "$history" 2>&1 | sed 's/^/bench: /' >&2
commits=$(git -C "$plan" rev-list --count HEAD)
[ "$commits" -eq "$history" ] || die "the repository has $commits commits, not $history"
middle=$(git -C "$plan" log --format=%cs --reverse | sed -n "$((history / 2))p")

(cd "$plan" && "$bin" status --format json) >"$work/status.json" || die "plantool status failed"
(cd "$plan" && "$bin" status --as-of "$middle" --format json) >"$work/status-middle.json" || die "plantool status --as-of $middle failed"

cpu_before=$(cpu_busy)
log "timing ($runs runs each, inside the repository)"
(cd "$plan" && time_commands "$runs" \
  "status=$bin status --format json" \
  "status-middle=$bin status --as-of $middle --format json" \
  "check=$bin check" \
  "git-log=git log -p --format=%H -- recommendations")
log "measuring peak memory"
rss_status=$(cd "$plan" && max_rss "$bin" status --format json)
rss_middle=$(cd "$plan" && max_rss "$bin" status --as-of "$middle" --format json)
cpu_after=$(cpu_busy)
busy_cpus=$(echo "$cpu_before $cpu_after" | awk -v n="$(nproc)" '{ printf "%.2f", ($3 - $1) / ($4 - $2) * n }')

digest="$(find Sources Package.swift -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || commit="$commit plus uncommitted changes"

"$py" - "$results" "$work/status.json" "$work/status-middle.json" <<EOF
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, command, *times = line.rstrip("\n").split("\t")
    rows[label] = (command, [float(t) for t in times])
def facts(path):
    plan = json.load(open(path))["plans"][0]
    slips = plan["slippage"]
    return "%d overdue, %d due soon, %d slipped targets (%d moves), %d owners, %d timeline points" % (
        len(plan["overdue"]), len(plan["dueSoon"]), len(slips), sum(len(s["moves"]) for s in slips),
        len(plan["owners"]), len(plan["timeline"]))
print("#### plantool status benchmark")
print()
print("Machine: $(nproc) CPUs (\`nproc\`); during the timings the machine was busy on $busy_cpus CPUs on average (\`/proc/stat\`).")
print()
print("- plantool: \`$("$bin" --version)\`, release build (\`swift build -c release --scratch-path .build-bench\`), commit $commit, sources digest $digest")
print("- timer: $([ $use_hyperfine = 1 ] && hyperfine --version || echo 'a date loop'); memory: GNU \`/usr/bin/time -v\`, largest max RSS of 5 runs")
print("- plan: \`scripts/bench/generate-plan.py DIR --recommendations $recommendations --seed 1 --history $history\`, a git repository of $commits commits")
print("- \`status\` found: " + facts(sys.argv[2]))
print("- \`status --as-of $middle\` (the day of commit $((history / 2))) found: " + facts(sys.argv[3]))
print()
print("| measurement | median | mean ± σ | min … max | runs | command |")
print("| --- | ---: | ---: | ---: | ---: | --- |")
names = {"status": "plantool status, today (working tree, $history commits of history)",
         "status-middle": "plantool status --as-of the 100th commit's day",
         "check": "plantool check (reading the plan once, for context)",
         "git-log": "git log -p of the recommendations over the whole history (for context)"}
for label in ["status", "status-middle", "check", "git-log"]:
    command, t = rows[label]
    sd = statistics.stdev(t) if len(t) > 1 else 0
    print("| %s | **%.1f ms** | %.1f ms ± %.1f ms | %.1f ms … %.1f ms | %d | \`%s\` |" % (
        names[label], statistics.median(t) * 1000, statistics.mean(t) * 1000, sd * 1000, min(t) * 1000, max(t) * 1000, len(t),
        command.replace("$bin", "plantool").replace("$middle", "DAY")))
print()
print("| program | max RSS |")
print("| --- | ---: |")
print("| plantool status | %.1f MiB |" % ($rss_status / 1024))
print("| plantool status --as-of DAY | %.1f MiB |" % ($rss_middle / 1024))
EOF
