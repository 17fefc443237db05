#!/usr/bin/env bash
# Builds a git repository from examples/recall-culture-2020 with the plan's two real versions,
# then shows what changed between them with `plantool diff v1 v2`:
#   v1  the action plan as submitted on 7 December 2020 (no updates: targets and states as first given)
#   v2  the Action Plan Update submitted on 7 December 2021 (every "Update December 2021" entry)
#
# Usage: examples/recall-culture-demo.sh [FOLDER]   (default: a new temporary folder)
# PLANTOOL=/path/to/plantool uses that binary instead of building one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source_plan="$root/examples/recall-culture-2020"
out=${1:-"$(mktemp -d)/recall-culture-demo"}
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "recall-culture-demo: $out exists and is not empty; give an empty or new folder" >&2
  exit 2
fi
plantool=${PLANTOOL:-}
if [ -z "$plantool" ]; then
  (cd "$root" && swift build --product plantool >&2)
  plantool="$root/.build/debug/plantool"
fi

mkdir -p "$out"
cd "$out"
git init -q -b main
# A pinned identity and pinned dates, so the demo's commits are the same everywhere.
export GIT_AUTHOR_NAME="HMPPS Action Plans" GIT_AUTHOR_EMAIL="action.plans@example.org"
export GIT_COMMITTER_NAME="HMPPS Action Plans" GIT_COMMITTER_EMAIL="action.plans@example.org"

# v1: the same files with every action's updates and the plan's revisions taken out. The files
# are in plantool's canonical layout, so the blocks are found by their indentation.
mkdir -p recommendations
python3 - "$source_plan" . <<'PY'
import os, sys
source, target = sys.argv[1], sys.argv[2]

def strip(lines, key, indent):
    out, skipping = [], False
    for line in lines:
        if skipping:
            stripped = line.strip()
            depth = len(line) - len(line.lstrip(" "))
            if stripped == "" or depth > indent:
                continue
            skipping = False
        if line.rstrip("\n") == " " * indent + key + ":":
            skipping = True
            continue
        out.append(line)
    return out

with open(os.path.join(source, "plan.yaml")) as f:
    lines = strip(f.readlines(), "revisions", 0)
with open(os.path.join(target, "plan.yaml"), "w") as f:
    f.writelines(lines)
folder = os.path.join(source, "recommendations")
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name)) as f:
        lines = strip(f.readlines(), "updates", 4)
    with open(os.path.join(target, "recommendations", name), "w") as f:
        f.writelines(lines)
PY
"$plantool" fmt --check . >/dev/null 2>&1 || { "$plantool" fmt --check .; exit 1; }
GIT_AUTHOR_DATE="2020-12-07T12:00:00+00:00" GIT_COMMITTER_DATE="2020-12-07T12:00:00+00:00" \
  "$plantool" commit -m "Action plan as submitted, 7 December 2020" >/dev/null
git tag v1

# v2: the plan as updated in December 2021.
cp "$source_plan/plan.yaml" plan.yaml
cp "$source_plan"/recommendations/*.yaml recommendations/
GIT_AUTHOR_DATE="2021-12-07T12:00:00+00:00" GIT_COMMITTER_DATE="2021-12-07T12:00:00+00:00" \
  "$plantool" commit -m "Action Plan Update, 7 December 2021" >/dev/null
git tag v2

echo "demo repository: $out (tags v1 and v2)" >&2
echo "\$ plantool diff v1 v2" >&2
"$plantool" diff v1 v2
