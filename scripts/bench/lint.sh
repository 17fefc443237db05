#!/usr/bin/env bash
# The linter's benchmark. Builds plantool in release mode (scratch path .build-bench), generates a
# 2,000-recommendation plan, and measures in one run:
#   - wall time of `plantool lint DIR --as-of 2024-01-01 --format json`
#   - wall time of `yamllint -d relaxed DIR` and of PyYAML's C loader merely loading the same files
#   - the peak memory (max RSS) of plantool lint
#   - the pre-commit hook's overhead on a 30-recommendation plan: `git commit` with the hook
#     against `git commit --no-verify`, and `plantool lint --staged` alone
# and prints a Markdown report on standard output (progress goes to standard error):
#
#   scripts/bench/lint.sh | tee bench.md
#
# Settings (environment): BENCH_RUNS (timed runs per command, default 10), BENCH_HOOK_RUNS
# (default 15), BENCH_RECOMMENDATIONS (default 2000), BENCH_KEEP=1 keeps the temporary folder,
# BENCH_NO_HYPERFINE=1 uses the date loop even where hyperfine is installed.
# Installs what is missing: hyperfine and time with apt-get (falls back to a date +%s.%N loop
# when hyperfine cannot be had), yamllint and PyYAML with pip.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${BENCH_RUNS:-10}
hook_runs=${BENCH_HOOK_RUNS:-15}
recommendations=${BENCH_RECOMMENDATIONS:-2000}
as_of=2024-01-01

. "$root/scripts/bench/common.sh"
"$py" -c 'import yaml' >/dev/null 2>&1 || { log "installing PyYAML with pip"; "$py" -m pip install --quiet pyyaml; }
"$py" -m yamllint --version >/dev/null 2>&1 || { log "installing yamllint with pip"; "$py" -m pip install --quiet yamllint; }
yamllint_bin="$(dirname "$py")/yamllint"
if [ -x "$yamllint_bin" ]; then yamllint=("$yamllint_bin"); else yamllint=("$py" -m yamllint); fi

# ---------------------------------------------------------------------------------------------
# The plan, and what each tool makes of it

log "generating a plan of $recommendations recommendations"
"$py" scripts/bench/generate-plan.py "$plan" --recommendations "$recommendations" --seed 1 2>&1 | sed 's/^/bench: /' >&2

set +e
"$bin" lint "$plan" --as-of "$as_of" --format json >"$work/lint.json"
lint_status=$?
"$bin" fmt --check "$plan" >"$work/fmt.txt" 2>&1
fmt_status=$?
"${yamllint[@]}" -d relaxed "$plan" >"$work/yamllint.txt" 2>&1
yamllint_status=$?
"$py" scripts/bench/pyyaml-load.py "$plan"
pyyaml_status=$?
set -e
[ $lint_status -eq 0 ] || die "plantool lint exited $lint_status on the generated plan (expected 0)"
[ $fmt_status -eq 0 ] || die "plantool fmt --check exited $fmt_status on the generated plan: $(head -5 "$work/fmt.txt")"
[ $yamllint_status -eq 0 ] || die "yamllint -d relaxed exited $yamllint_status: $(head -5 "$work/yamllint.txt")"
[ $pyyaml_status -eq 0 ] || die "the PyYAML loader failed"

cpu_before=$(cpu_busy)
log "timing the linter and the baselines ($runs runs each)"
time_commands "$runs" \
  "lint=$bin lint $plan --as-of $as_of --format json" \
  "yamllint=${yamllint[*]} -d relaxed $plan" \
  "pyyaml=$py $root/scripts/bench/pyyaml-load.py $plan" \
  "check=$bin check $plan" \
  "version=$bin --version"

log "measuring peak memory"
rss_lint=$(max_rss "$bin" lint "$plan" --as-of "$as_of" --format json)
rss_yamllint=$(max_rss "${yamllint[@]}" -d relaxed "$plan")
rss_pyyaml=$(max_rss "$py" scripts/bench/pyyaml-load.py "$plan")
cpu_after=$(cpu_busy)
busy_cpus=$(echo "$cpu_before $cpu_after" | awk -v n="$(nproc)" '{ printf "%.2f", ($3 - $1) / ($4 - $2) * n }')

# ---------------------------------------------------------------------------------------------
# The hook: a 30-recommendation plan in its own repository, with `plantool hook install`.

log "timing the pre-commit hook ($hook_runs runs each)"
repo="$work/hook-repo"
"$py" scripts/bench/generate-plan.py "$repo" --recommendations 30 --seed 1 2>/dev/null
export GIT_AUTHOR_NAME="Bench" GIT_AUTHOR_EMAIL="bench@example.invalid"
export GIT_COMMITTER_NAME="Bench" GIT_COMMITTER_EMAIL="bench@example.invalid"
(
  cd "$repo"
  git init -q -b main .
  git config commit.gpgsign false
  git config core.fsmonitor false
  git add -A
  git commit -q --no-verify -m "Start the action plan"
  "$bin" hook install >&2
)
# Each timed commit is preceded by a one-line change: recommendation 1's addressee gets a new
# revision number (the plan stays lint-clean, so the hook lets the commit through).
cat >"$work/change.sh" <<EOF
#!/bin/sh
cd "$repo" && n=\$(( \$(cat .bench-counter 2>/dev/null || echo 0) + 1 )) && echo \$n >.bench-counter &&
sed -i "s/^addressee: .*/addressee: HM Prison and Probation Service (revision \$n)/" recommendations/01.yaml
EOF
chmod +x "$work/change.sh"
echo .bench-counter >"$repo/.git/info/exclude"
(
  cd "$repo"
  PREPARE="$work/change.sh" WARMUP=3 time_commands "$hook_runs" \
    "commit-hook=git commit -q -a -m One-line-change" \
    "commit-no-verify=git commit -q -a --no-verify -m One-line-change"
  "$work/change.sh"
  git add -A
  PREPARE="" WARMUP=3 time_commands "$hook_runs" \
    "lint-staged=$bin lint --staged"
  git commit -q --no-verify -m "Last change"
)
hook_commits=$(git -C "$repo" rev-list --count HEAD)
git -C "$repo" log -1 --format=%B HEAD~1 | grep -q One-line-change || die "the timed commits did not land"

# ---------------------------------------------------------------------------------------------
# The report

export BENCH_BIN="$bin" BENCH_PLAN="$plan" BENCH_WORK="$work" BENCH_AS_OF="$as_of"
export BENCH_RSS_LINT="$rss_lint" BENCH_RSS_YAMLLINT="$rss_yamllint" BENCH_RSS_PYYAML="$rss_pyyaml"
export BENCH_RECS="$recommendations" BENCH_HOOK_COMMITS="$hook_commits" BENCH_YAMLLINT="${yamllint[*]}" BENCH_PY="$py"
export BENCH_TIMER="$([ $use_hyperfine = 1 ] && hyperfine --version || echo 'a date +%s.%N loop (no hyperfine)')"
export BENCH_SWIFT="$(swift --version 2>&1 | head -1)"
# Which sources were measured: the commit, with a digest of Sources/ and Package.swift (which also
# tells uncommitted changes apart).
digest="$(find Sources Package.swift -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
if commit="$(git rev-parse --short HEAD 2>/dev/null)"; then
  dirty=""
  git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || dirty=" plus uncommitted changes"
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

def stats(label):
    times = rows[label][1]
    return statistics.median(times), statistics.mean(times), (statistics.stdev(times) if len(times) > 1 else 0.0), min(times), max(times), len(times)

plan = env["BENCH_PLAN"]
files = [os.path.join(r, f) for r, _, fs in os.walk(plan) for f in fs if f.endswith(".yaml")]
lines = sum(sum(1 for _ in open(f, encoding="utf-8")) for f in files)
size = sum(os.path.getsize(f) for f in files)
lint = json.load(open(os.path.join(env["BENCH_WORK"], "lint.json")))
diagnostics = lint.get("diagnostics", [])
errors = sum(1 for d in diagnostics if d.get("severity") == "error")
warnings = sum(1 for d in diagnostics if d.get("severity") == "warning")
import yaml

out = []
p = out.append
p("## plantool lint benchmark")
p("")
p("Machine: %s CPUs (`nproc`), %s, %s memory, Linux %s. During the timings and memory runs the machine was busy on %s CPUs on average, from `/proc/stat` (the benchmark alone keeps about 1 busy; more means other work shared the machine)." % (run("nproc"), cpu_model(), mem_total(), platform.release(), env["BENCH_BUSY"]))
p("")
p("- plantool: `%s` (%s, release build: `swift build -c release --scratch-path .build-bench`; %s, the digest being the SHA-256 of the SHA-256s of Sources/ and Package.swift)" % (run(env["BENCH_BIN"], "--version").replace("\n", "; "), env["BENCH_SWIFT"], env["BENCH_SOURCES"]))
p("- yamllint %s, run as `%s` (the interpreter's own copy, not a shim), with `-d relaxed` (yamllint's relaxed preset: the default rules, most of them as warnings, with document-start, comments and truthy off; it exits 0 on this plan)" % (run(env["BENCH_PY"], "-m", "yamllint", "--version").split()[-1], os.path.basename(env["BENCH_YAMLLINT"].split()[0])))
p("- PyYAML %s, `yaml.__with_libyaml__` = %s (libyaml %s): `yaml.load(f, Loader=yaml.CSafeLoader)` over every file, Python %s" % (yaml.__version__, yaml.__with_libyaml__, yaml._yaml.get_version_string() if yaml.__with_libyaml__ else "-", platform.python_version()))
p("- timer: %s; memory: GNU `/usr/bin/time -v`, the largest maximum resident set size of 5 runs" % env["BENCH_TIMER"])
p("- plan: `scripts/bench/generate-plan.py DIR --recommendations %d --seed 1`: %d YAML files, %d lines, %.2f MB; `plantool lint --as-of %s`: %d errors, %d warnings (exit 0); `plantool fmt --check`: nothing to change" % (
    len(files) - 1, len(files), lines, size / 1e6, env["BENCH_AS_OF"], errors, warnings))
p("")
p("### Wall time (each command's output discarded)")
p("")
p("| measurement | median | mean ± σ | min … max | runs | command |")
p("| --- | ---: | ---: | ---: | ---: | --- |")
names = {
    "lint": "plantool lint (%s recommendations)" % format(int(env["BENCH_RECS"]), ","),
    "yamllint": "yamllint -d relaxed (same files)",
    "pyyaml": "PyYAML CSafeLoader, loading only (same files)",
    "check": "plantool check (reader only, no lint rules)",
    "version": "plantool --version (process start-up)",
    "commit-hook": "git commit, with the hook (30 recommendations)",
    "commit-no-verify": "git commit --no-verify (30 recommendations)",
    "lint-staged": "plantool lint --staged alone (30 recommendations)",
}
def short(command):
    return (command.replace(env["BENCH_WORK"], "$TMP").replace(env["BENCH_BIN"], "plantool")
            .replace(env["BENCH_PY"], "python3").replace(env["BENCH_YAMLLINT"], "yamllint")
            .replace(os.getcwd() + "/", ""))
for label in ["lint", "yamllint", "pyyaml", "check", "version", "commit-hook", "commit-no-verify", "lint-staged"]:
    median, mean, sd, lo, hi, n = stats(label)
    p("| %s | **%s** | %s ± %s | %s … %s | %d | `%s` |" % (names[label], ms(median), ms(mean), ms(sd), ms(lo), ms(hi), n, short(rows[label][0])))
p("")
p("Hook repository: `$TMP/hook-repo`, a git repository holding a generated 30-recommendation plan with `plantool hook install` done; before every timed commit, `$TMP/change.sh` changes one line (recommendation 1's addressee). The repository ended with %s commits." % env["BENCH_HOOK_COMMITS"])
p("")
p("### Peak memory (max RSS)")
p("")
p("| program | max RSS |")
p("| --- | ---: |")
for name, key in [(names["lint"], "BENCH_RSS_LINT"), ("yamllint -d relaxed", "BENCH_RSS_YAMLLINT"), ("PyYAML CSafeLoader, loading only", "BENCH_RSS_PYYAML")]:
    kb = int(env[key])
    p("| %s | %.1f MiB (%.1f MB) |" % (name, kb / 1024, kb * 1024 / 1e6))
p("")
lint_median = stats("lint")[0]
yamllint_median = stats("yamllint")[0]
pyyaml_median = stats("pyyaml")[0]
rss_mb = int(env["BENCH_RSS_LINT"]) * 1024 / 1e6
overhead = stats("commit-hook")[0] - stats("commit-no-verify")[0]
def met(ok):
    return "**met**" if ok else "**not met**"
p("### Targets")
p("")
p("| target | measured | |")
p("| --- | --- | --- |")
p("| lint at most 1/20 of yamllint's wall time | %s vs %s: %.1f× faster than yamllint (1/20 would be ≤ %s) | %s |" % (
    ms(lint_median), ms(yamllint_median), yamllint_median / lint_median, ms(yamllint_median / 20), met(lint_median * 20 <= yamllint_median)))
p("| lint no slower than PyYAML's C loader merely loading | %s vs %s: %.2f× PyYAML's time | %s |" % (
    ms(lint_median), ms(pyyaml_median), lint_median / pyyaml_median, met(lint_median <= pyyaml_median)))
p("| lint's peak memory under 100 MB | %.1f MB | %s |" % (rss_mb, met(rss_mb < 100)))
p("| hook overhead under 50 ms (median commit with hook − median commit --no-verify) | %s − %s = %s | %s |" % (
    ms(stats("commit-hook")[0]), ms(stats("commit-no-verify")[0]), ms(overhead), met(overhead < 0.050)))
print("\n".join(out))
EOF
