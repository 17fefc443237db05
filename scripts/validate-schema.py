#!/usr/bin/env python3
"""Validates plan files against the JSON Schemas in schema/, independently of plantool.

Usage: python3 scripts/validate-schema.py [--schema-dir DIR] FILE...

Files named plan.yaml (or NAME.plan.yaml) are checked against plan.schema.json, files named
NAME.export.json (plantool's JSON export of a whole plan) against export.schema.json, which refers
to the other two, and every other file against recommendation.schema.json (Draft 2020-12, with the
`jsonschema` package).

Files whose name ends in .json are read as JSON (a key written twice is refused); the others as YAML.

YAML is read with PyYAML's SafeLoader, typed by YAML 1.2's core schema as editors do:
no timestamps (dates stay text), only true/false are booleans (yes/no/on/off stay text), and
integers and floats are the core schema's (no sexagesimal 1:30, no 1_000, no 0b1010; 010 is ten).
A key written twice in one mapping is refused rather than silently keeping the last value.
Merge keys (<<) are applied as PyYAML applies them.

Prints one JSON object per file and line on stdout:
    {"file": "...", "valid": true|false, "errors": ["...", ...]}
A file that cannot be read or loaded as YAML is invalid, with the reader's or loader's message.
Exits 0 when every file is valid, 1 otherwise (2 for a usage error or an unreadable schema).
"""

import argparse
import json
import math
import os
import re
import sys

try:
    import yaml
    from jsonschema import Draft202012Validator
except ImportError as error:  # pragma: no cover - reported to the user
    sys.stderr.write(
        f"validate-schema: {error}; install jsonschema and PyYAML (scripts/setup does)\n")
    sys.exit(2)


# MARK: YAML 1.2 core-schema loading

_REPLACED_TAGS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:value",
}

_CORE_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_CORE_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_CORE_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN))$")


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A key written twice in the same mapping."""


class CoreSchemaLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema typing that refuses duplicate keys."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:
                    continue  # unhashable: the base class reports it
                if first is not None:
                    raise DuplicateKeyError(
                        "while constructing a mapping", node.start_mark,
                        f"found duplicate key {key!r} (first at line {first.line + 1}, "
                        f"column {first.column + 1})",
                        key_node.start_mark)
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def construct_core_bool(self, node):
        return self.construct_scalar(node).lower() == "true"

    def construct_core_int(self, node):
        text = self.construct_scalar(node)
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text, 10)

    def construct_core_float(self, node):
        text = self.construct_scalar(node).lower()
        if text.endswith(".inf"):
            return -math.inf if text.startswith("-") else math.inf
        if text == ".nan":
            return math.nan
        return float(text)


CoreSchemaLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _CORE_BOOL, list("tTfF"))
CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:int", _CORE_INT, list("-+0123456789"))
CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:float", _CORE_FLOAT, list("-+.0123456789"))
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:bool", CoreSchemaLoader.construct_core_bool)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", CoreSchemaLoader.construct_core_int)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:float", CoreSchemaLoader.construct_core_float)


def load_yaml(stream):
    """One YAML document from bytes or a binary file (UTF-8 or UTF-16, by BOM, as PyYAML detects)."""
    return yaml.load(stream, Loader=CoreSchemaLoader)


def load_json(handle):
    """One JSON document; a key written twice in one object is refused."""
    def pairs(items):
        seen = {}
        for key, value in items:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen[key] = value
        return seen
    return json.load(handle, object_pairs_hook=pairs)


# MARK: Validation

def error_message(error):
    return f"{error.json_path}: {error.message}"


def validate(path, validators):
    name = os.path.basename(path)
    is_plan = name == "plan.yaml" or name.endswith(".plan.yaml")
    if name.endswith(".export.json"):
        kind = "export.schema.json"
    else:
        kind = "plan.schema.json" if is_plan else "recommendation.schema.json"
    if kind not in validators:
        return [f"cannot check {name}: {kind} is not in the schema folder"]
    is_json = name.endswith(".json")
    try:
        if is_json:
            with open(path, "r", encoding="utf-8") as handle:
                document = load_json(handle)
        else:
            with open(path, "rb") as handle:
                document = load_yaml(handle)
    except OSError as error:
        return [f"cannot read file: {error}"]
    except yaml.YAMLError as error:
        return [f"YAML: {error}"]
    except (ValueError, OverflowError, RecursionError) as error:
        return [f"{'JSON' if is_json else 'YAML'}: {type(error).__name__}: {error}"]
    errors = validators[kind].iter_errors(document)
    return [error_message(error) for error in sorted(errors, key=lambda e: (e.json_path, e.message))]


def make_validators(schemas):
    """A validator per schema, each able to resolve `$ref`s to the others by their `$id`s (the
    export schema refers to plan.schema.json and recommendation.schema.json), offline."""
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
    except ImportError:  # jsonschema before 4.18: its RefResolver with a store
        from jsonschema import RefResolver
        store = {schema["$id"]: schema for schema in schemas.values() if "$id" in schema}
        return {name: Draft202012Validator(schema, resolver=RefResolver.from_schema(schema, store=store))
                for name, schema in schemas.items()}
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in schemas.values() if "$id" in schema)
    return {name: Draft202012Validator(schema, registry=registry) for name, schema in schemas.items()}


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(
        prog="validate-schema.py",
        description="Validate plan files against the plan format's JSON Schemas.")
    parser.add_argument("--schema-dir", default=os.path.join(here, os.pardir, "schema"),
                        help="folder holding plan.schema.json, recommendation.schema.json and export.schema.json")
    parser.add_argument("files", nargs="+", metavar="FILE")
    arguments = parser.parse_args(argv)

    schemas = {}
    for name in ("plan.schema.json", "recommendation.schema.json", "export.schema.json"):
        schema_path = os.path.join(arguments.schema_dir, name)
        if name == "export.schema.json" and not os.path.exists(schema_path):
            continue  # only needed for NAME.export.json files, which then say so
        try:
            with open(schema_path, "r", encoding="utf-8") as handle:
                schema = json.load(handle)
            Draft202012Validator.check_schema(schema)
        except Exception as error:  # noqa: BLE001 - any failure makes the run meaningless
            sys.stderr.write(f"validate-schema: cannot use {schema_path}: {error}\n")
            return 2
        schemas[name] = schema
    try:
        validators = make_validators(schemas)
    except Exception as error:  # noqa: BLE001 - any failure makes the run meaningless
        sys.stderr.write(f"validate-schema: cannot resolve the schemas' references: {error}\n")
        return 2

    all_valid = True
    for path in arguments.files:
        errors = validate(path, validators)
        all_valid = all_valid and not errors
        print(json.dumps({"file": path, "valid": not errors, "errors": errors}, ensure_ascii=False))
    sys.stdout.flush()
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
