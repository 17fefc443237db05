#!/usr/bin/env python3
"""Inputs for scripts/bench/scaling.sh, each at a given size N:

  merge DIR N     base.yaml, ours.yaml, theirs.yaml of one recommendation file: the base has one
                  action without updates; ours adds N updates and theirs N others, their dates
                  interleaved (ours on even days from 1900-01-01, theirs on odd ones), so every
                  update of theirs lands between two of ours.
  merge-one DIR N the same, ours adding one update (the latest) and theirs N.
  text FILE N     Word's plain text of a plan: one recommendation, then N rows that continue its
                  response cell after page breaks (each opening in lower case: joined to it).
  text-rec FILE N the same, the rows continuing the recommendation's text instead.
  diff REPO N     a git repository of two commits: a plan whose one recommendation's action
                  has N updates, then every other update's text changed (plantool diff HEAD~1 HEAD).
"""
import datetime
import os
import shutil
import subprocess
import sys

HEAD = """number: 5
addressee: HM Prison and Probation Service
text: Do it
status: agreed
actions:
  - id: "5.1"
    text: Act on it.
    owners:
      - Head of Unit
    state: ongoing
"""
COLUMNS = ["1. Rec No", "2. Recommendation", "3. Agreed/ Partly Agreed/ Not Agreed",
           "4. Response Action Taken/Planned",
           "5. Responsible Owner (including named individuals and their functional role or department)",
           "6. Target Date"]


def update(day, who):
    date = datetime.date(1900, 1, 1) + datetime.timedelta(days=day)
    return "      - date: %s\n        text: %s update %d.\n" % (date.isoformat(), who, day)


def merge(folder, n, one):
    os.makedirs(folder, exist_ok=True)
    if one:
        ours = [update(2 * n + 1, "Ours")]
        theirs = [update(day, "Theirs") for day in range(n)]
    else:
        ours = [update(2 * i, "Ours") for i in range(n)]
        theirs = [update(2 * i + 1, "Theirs") for i in range(n)]
    files = {"base": HEAD, "ours": HEAD + "    updates:\n" + "".join(ours),
             "theirs": HEAD + "    updates:\n" + "".join(theirs)}
    for name, text in files.items():
        with open(os.path.join(folder, name + ".yaml"), "w") as f:
            f.write(text)


def text(path, n, column):
    lines = ["ACTION PLAN: A plan", "", "\t".join(COLUMNS), "\tHM Prison and Probation Service should:\t\t\t\t",
             "1\tDo it and\tAgreed\tWe will do it and\tHead of Unit\tMarch 2024"]
    for i in range(n):
        cells = [""] * 6
        cells[column] = "continued words of the cell, row %d, and" % i
        lines.append("\t".join(cells))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def diff(repo, n):
    def git(*args):
        subprocess.run(["git", *args], cwd=repo, check=True, stdout=subprocess.DEVNULL)
    os.makedirs(os.path.join(repo, "plan", "recommendations"))
    git("init", "-q", "-b", "main")
    git("config", "user.name", "Bench")
    git("config", "user.email", "bench@example.org")
    here = os.path.dirname(os.path.abspath(__file__))
    shutil.copy(os.path.join(here, "..", "..", "examples", "recall-culture-2020", "plan.yaml"), os.path.join(repo, "plan"))
    path = os.path.join(repo, "plan", "recommendations", "05.yaml")
    for message, changed in (("Updates", False), ("Every other update reworded", True)):
        updates = [update(day, "Changed" if changed and day % 2 else "Plain") for day in range(n)]
        with open(path, "w") as f:
            f.write(HEAD + "    updates:\n" + "".join(updates))
        git("add", "-A")
        git("commit", "-q", "-m", message)


kind, where, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
if kind in ("merge", "merge-one"):
    merge(where, size, kind == "merge-one")
elif kind == "diff":
    diff(where, size)
elif kind in ("text", "text-rec"):
    text(where, size, 3 if kind == "text" else 1)
else:
    sys.exit("unknown input kind: " + kind)
