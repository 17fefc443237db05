#!/usr/bin/env python3
"""Loads every .yaml file under a plan folder with PyYAML's C loader (libyaml), and nothing else.

    python3 scripts/bench/pyyaml-load.py DIR            # load, print nothing
    python3 scripts/bench/pyyaml-load.py --info         # print the PyYAML version and whether libyaml is used

The baseline the linter is compared with: the fastest way Python has to merely read the files.
Exits 3 when PyYAML was built without libyaml (then CSafeLoader does not exist and the figure
would be the pure-Python loader's).
"""

import os
import sys

import yaml

if not getattr(yaml, "__with_libyaml__", False):
    sys.exit("pyyaml-load: PyYAML %s has no libyaml (yaml.__with_libyaml__ is False)" % yaml.__version__)

if sys.argv[1:] == ["--info"]:
    print("PyYAML %s, __with_libyaml__=%s, libyaml %s" % (
        yaml.__version__, yaml.__with_libyaml__, yaml._yaml.get_version_string()))
    sys.exit(0)

if len(sys.argv) != 2:
    sys.exit("usage: pyyaml-load.py DIR")

loaded = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(".yaml"):
            with open(os.path.join(root, name), "rb") as handle:
                yaml.load(handle, Loader=yaml.CSafeLoader)
            loaded += 1
if loaded == 0:
    sys.exit("pyyaml-load: no .yaml file under %s" % sys.argv[1])
