#!/usr/bin/env bash
# The load benchmark: a generated plan of 10,000 recommendations with 2,000 commits of history,
# the last commit changing 50 files, and each command against the peer of its own benchmark, in
# one run:
#   - plantool lint            against yamllint -d relaxed (the lint benchmark's peer)
#   - plantool diff HEAD~1 HEAD against git diff HEAD~1 HEAD (the diff benchmark's peer)
#   - plantool log 1           against git log -p -- recommendations/01.yaml (the log peer)
#   - plantool status          (no peer; git log -p over the recommendations for scale)
# with the peak memory (max RSS) of every plantool command, and prints a Markdown report:
#
#   scripts/bench/load.sh | tee bench-load.md
#
# Settings: BENCH_RUNS (default 3), BENCH_RECOMMENDATIONS (10000), BENCH_HISTORY (2000),
# BENCH_KEEP=1, BENCH_NO_HYPERFINE=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${BENCH_RUNS:-3}
recommendations=${BENCH_RECOMMENDATIONS:-10000}
history=${BENCH_HISTORY:-2000}
as_of=2024-01-01

. "$root/scripts/bench/common.sh"

# yamllint through the interpreter's own copy, not a version manager's shim (as lint.sh does).
"$py" -m yamllint --version >/dev/null 2>&1 || { log "installing yamllint with pip"; "$py" -m pip install --quiet yamllint >&2; }
yamllint_bin="$(dirname "$py")/yamllint"
[ -x "$yamllint_bin" ] || die "no yamllint beside $py"

log "generating a plan of $recommendations recommendations with $history commits of history (takes minutes)"
start=$(date +%s)
"$py" scripts/bench/generate-plan.py "$plan" --recommendations "$recommendations" --seed 1 \
  --history "$history" --last-commit-changes 50 --busy 1 2>&1 | sed 's/^/bench: /' >&2
generated_in=$(( $(date +%s) - start ))
commits=$(git -C "$plan" rev-list --count HEAD)
[ "$commits" -eq "$history" ] || die "the repository has $commits commits, not $history"
files=$(find "$plan" -name '*.yaml' -not -path '*/.git/*' | wc -l)
bytes=$(find "$plan" -name '*.yaml' -not -path '*/.git/*' -print0 | xargs -0 cat | wc -c)

set +e
"$bin" lint "$plan" --as-of "$as_of" --format json >"$work/lint.json"; lint_status=$?
(cd "$plan" && "$bin" diff HEAD~1 HEAD --format json) >"$work/diff.json"; diff_status=$?
(cd "$plan" && "$bin" status --format json) >"$work/status.json"; status_status=$?
set -e
[ $lint_status -le 1 ] || die "plantool lint exited $lint_status"
[ $diff_status -eq 0 ] || die "plantool diff exited $diff_status"
[ $status_status -eq 0 ] || die "plantool status exited $status_status"

cpu_before=$(cpu_busy)
log "timing ($runs runs each)"
WARMUP=1 time_commands "$runs" \
  "lint=$bin lint $plan --as-of $as_of --format json" \
  "yamllint=$yamllint_bin -d relaxed $plan"
(cd "$plan" && WARMUP=1 time_commands "$runs" \
  "diff=$bin diff HEAD~1 HEAD --format json" \
  "git-diff=git diff HEAD~1 HEAD" \
  "log=$bin log 1" \
  "git-log=git log -p -- recommendations/01.yaml" \
  "status=$bin status --format json" \
  "git-log-all=git log -p --format=%H -- recommendations")
log "measuring peak memory"
rss_lint=$(max_rss "$bin" lint "$plan" --as-of "$as_of" --format json)
rss_yamllint=$(max_rss "$yamllint_bin" -d relaxed "$plan")
rss_diff=$(cd "$plan" && max_rss "$bin" diff HEAD~1 HEAD --format json)
rss_log=$(cd "$plan" && max_rss "$bin" log 1)
rss_status=$(cd "$plan" && max_rss "$bin" status --format json)
cpu_after=$(cpu_busy)
busy_cpus=$(echo "$cpu_before $cpu_after" | awk -v n="$(nproc)" '{ printf "%.2f", ($3 - $1) / ($4 - $2) * n }')

digest="$(find Sources Package.swift -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || commit="$commit plus uncommitted changes"

"$py" - "$results" "$work/diff.json" "$work/status.json" <<EOF
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, command, *times = line.rstrip("\n").split("\t")
    rows[label] = (command, [float(t) for t in times])
diff = json.load(open(sys.argv[2]))
status = json.load(open(sys.argv[3]))["plans"][0]
def med(label): return statistics.median(rows[label][1]) * 1000
print("#### Load benchmark: $recommendations recommendations, $history commits")
print()
print("Machine: $(nproc) CPUs (\`nproc\`); during the timings the machine was busy on $busy_cpus CPUs on average (\`/proc/stat\`).")
print()
print("- plantool: \`$("$bin" --version)\`, release build (\`swift build -c release --scratch-path .build-bench\`), commit $commit, sources digest $digest")
print("- $("$yamllint_bin" --version), $(git --version); timer: $([ $use_hyperfine = 1 ] && hyperfine --version || echo 'a date loop'), 1 warm-up and $runs timed runs per command")
print("- plan: \`scripts/bench/generate-plan.py DIR --recommendations $recommendations --seed 1 --history $history --last-commit-changes 50 --busy 1\` ($generated_in s to generate): $files YAML files, $bytes bytes, $commits commits")
print("- \`plantool diff HEAD~1 HEAD\`: parsedFiles %d, %d changes; \`plantool status\`: %d overdue, %d slipped targets, %d owners" % (
    diff.get("parsedFiles", -1), len(diff.get("changes", [])), len(status["overdue"]), len(status["slippage"]), len(status["owners"])))
print()
print("| command | median | peer | peer median | ratio | plantool max RSS |")
print("| --- | ---: | --- | ---: | ---: | ---: |")
def row(name, label, peer_name, peer, rss):
    ratio = med(label) / med(peer) if peer else None
    print("| %s | **%.1f ms** | %s | %s | %s | %.1f MiB |" % (name, med(label), peer_name,
          ("%.1f ms" % med(peer)) if peer else "", ("%.2f×" % ratio) if ratio else "", rss / 1024))
row("\`plantool lint --as-of $as_of --format json\`", "lint", "\`yamllint -d relaxed\`", "yamllint", $rss_lint)
row("\`plantool diff HEAD~1 HEAD --format json\`", "diff", "\`git diff HEAD~1 HEAD\`", "git-diff", $rss_diff)
row("\`plantool log 1\`", "log", "\`git log -p -- recommendations/01.yaml\`", "git-log", $rss_log)
row("\`plantool status --format json\`", "status", "\`git log -p --format=%H -- recommendations\` (for scale)", "git-log-all", $rss_status)
print()
print("yamllint's peak memory: %.1f MiB." % ($rss_yamllint / 1024))
EOF
