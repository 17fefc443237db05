#!/usr/bin/env python3
"""Times commands interleaved: each round runs every command once, in an order that rotates from
one round to the next, so that all of them see the machine in the same state. hyperfine runs all
of one command's runs, then all of the next's; on a machine whose speed drifts from one minute to
the next, a ratio of two such medians carries that drift. Each run's standard output goes to
/dev/null; the wall time is taken around posix_spawn and waitpid.

    interleave.py ROUNDS WARMUP OUT.json LABEL=COMMAND...

Writes {"LABEL": [seconds, ...], ...} to OUT.json. A command that exits non-zero stops the run,
unless its label ends in '!' (yamllint's default rules exit 1 on a valid plan); the '!' is not
part of the label written."""
import json
import os
import shlex
import sys
import time


def main():
    rounds, warmup, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    commands = []
    for spec in sys.argv[4:]:
        label, command = spec.split("=", 1)
        any_exit = label.endswith("!")
        commands.append((label.rstrip("!"), shlex.split(command), any_exit))
    devnull = os.open(os.devnull, os.O_WRONLY)
    times = {label: [] for label, _, _ in commands}
    for round_ in range(warmup + rounds):
        start = round_ % len(commands)
        for label, argv, any_exit in commands[start:] + commands[:start]:
            began = time.perf_counter()
            pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
            _, status = os.waitpid(pid, 0)
            elapsed = time.perf_counter() - began
            if os.waitstatus_to_exitcode(status) != 0 and not any_exit:
                sys.exit("interleave.py: %s exited %d" % (label, os.waitstatus_to_exitcode(status)))
            if round_ >= warmup:
                times[label].append(elapsed)
    with open(out, "w") as f:
        json.dump(times, f)


if __name__ == "__main__":
    main()
