# Shared by the benchmark scripts (sourced, not run): progress messages, the tools they need,
# the release build ($bin), a temporary work folder ($work, $plan, $results), timing with
# hyperfine or a date loop (time_commands), CPU load (cpu_busy) and peak memory (max_rss).
# Expects `root` to be the repository's top and the current folder.

log() { echo "bench: $*" >&2; }
die() { echo "bench: error: $*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Tools

apt_install() {
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  command -v apt-get >/dev/null 2>&1 || return 1
  log "installing $* with apt-get"
  { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@"; } >/dev/null 2>&1
}

command -v swift >/dev/null 2>&1 || die "swift is not on PATH"
command -v git >/dev/null 2>&1 || apt_install git || die "git is missing"
use_hyperfine=1
if [ "${BENCH_NO_HYPERFINE:-0}" = 1 ]; then
  use_hyperfine=0
elif ! command -v hyperfine >/dev/null 2>&1 && ! apt_install hyperfine; then
  use_hyperfine=0
fi
[ $use_hyperfine = 1 ] || log "no hyperfine: timing with a date +%s.%N loop"
[ -x /usr/bin/time ] || apt_install time || die "/usr/bin/time is missing (Debian package 'time')"
# The interpreter itself, not a version manager's shim (pyenv's adds tens of milliseconds a call).
py=$(python3 -c 'import sys; print(sys.executable)')

# ---------------------------------------------------------------------------------------------
# Build

# BENCH_BIN: an already built plantool to measure instead (another commit's release build, to
# compare before and after a change).
if [ -n "${BENCH_BIN:-}" ]; then
  bin=$BENCH_BIN
else
  log "building plantool (release, .build-bench)"
  swift build -c release --scratch-path .build-bench >&2
  bin="$(swift build -c release --scratch-path .build-bench --show-bin-path)/plantool"
fi
[ -x "$bin" ] || die "no binary at $bin"

work=$(mktemp -d "${TMPDIR:-/tmp}/plantool-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then log "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
plan="$work/plan"
results="$work/results.tsv"
: >"$results"

# ---------------------------------------------------------------------------------------------
# Timing: hyperfine when there is one, else a date +%s.%N loop; one TSV line per command:
# label, command, then each run's wall time in seconds.

# time_commands RUNS "label=command"...: times each command RUNS times after WARMUP (default 2)
# untimed runs; PREPARE (an executable) runs before every run, timed or not.
time_commands() {
  local prepare="${PREPARE:-}" warmup="${WARMUP:-2}" count="$1"; shift
  if [ $use_hyperfine = 1 ]; then
    local args=() labels=() pair
    for pair in "$@"; do labels+=("${pair%%=*}"); args+=("${pair#*=}"); done
    local prep=()
    [ -n "$prepare" ] && prep=(--prepare "$prepare")
    hyperfine -N --style basic --warmup "$warmup" --runs "$count" "${prep[@]}" \
      --export-json "$work/hyperfine.json" "${args[@]}" >&2
    "$py" - "$work/hyperfine.json" "${labels[@]}" >>"$results" <<'EOF'
import json, sys
data = json.load(open(sys.argv[1]))
for label, result in zip(sys.argv[2:], data["results"]):
    print("\t".join([label, result["command"]] + ["%.6f" % t for t in result["times"]]))
EOF
  else
    local pair label command i start end times
    for pair in "$@"; do
      label="${pair%%=*}"; command="${pair#*=}"; times=()
      for ((i = 0; i < warmup + count; i++)); do
        [ -n "$prepare" ] && "$prepare"
        start=$(date +%s.%N)
        eval "$command" >/dev/null 2>&1 || die "failed: $command"
        end=$(date +%s.%N)
        [ $i -ge "$warmup" ] && times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }')")
      done
      printf '%s\t%s' "$label" "$command" >>"$results"
      printf '\t%s' "${times[@]}" >>"$results"
      printf '\n' >>"$results"
    done
  fi
}

# CPU time the whole machine spent during the timings, to tell a quiet run from a disturbed one.
cpu_busy() { awk '/^cpu / { printf "%d %d\n", $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }

# Peak memory: the largest maximum resident set size over five runs.
max_rss() {
  local best=0 kb i
  for i in 1 2 3 4 5; do
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || true
    kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time.txt")
    [ "$kb" -gt "$best" ] && best=$kb
  done
  echo "$best"
}
