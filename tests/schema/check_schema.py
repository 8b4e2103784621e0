"""The scenario JSON Schema against the scenarios it describes (tests/CMakeLists.txt).

Usage: check_schema.py SCHEMA REPO_DIR

1. The schema is a valid draft-07 schema.
2. Every bundled and test scenario (a YAML map with a `scenario` key, outside
   tests/data/invalid) is valid under it, except scenarios with `ripple import`'s TODO
   placeholders, which it must reject.
3. Every file of the invalid catalogue whose expected error is structural (an unknown or missing
   key, a value of the wrong kind) is rejected by it.
Scenarios are read with a YAML 1.2 loader (ruamel.yaml), as editors read them: PyYAML's YAML 1.1
would read `on:` as true. Dates that the loader turns into date objects become ISO text again.
"""
import datetime
import json
import pathlib
import re
import sys

import jsonschema
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

# Messages of rules the schema states too (the reader's wording, yaml_values.cpp).
STRUCTURAL = re.compile(
    r"unknown key|missing required key|expected a map|expected a list|expected text"
    r"|expected a number|an id must be")


def as_json(value):
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def load(path):
    try:
        return as_json(YAML(typ="safe", pure=True).load(path.read_text()))
    except YAMLError:
        return None


def main():
    schema = json.loads(pathlib.Path(sys.argv[1]).read_text())
    repo = pathlib.Path(sys.argv[2])
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    failures = []
    accepted = rejected = 0
    invalid_dir = repo / "tests" / "data" / "invalid"
    candidates = sorted(repo.glob("scenarios/**/*.yaml")) + sorted(repo.glob("tests/data/**/*.yaml"))
    for path in candidates:
        if invalid_dir in path.parents:
            continue
        data = load(path)
        if not isinstance(data, dict) or "scenario" not in data:
            continue  # economy descriptors, overlays, import maps
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        if re.search(r"^[^#\n]*:\s*['\"]?TODO", path.read_text(), re.M):
            # `ripple import` placeholders: an editor underlines them, as validate reports them.
            if not errors:
                failures.append(f"{path}: placeholders accepted by the schema")
            rejected += 1
            continue
        if errors:
            first = errors[0]
            failures.append(f"{path}: rejected by the schema at {list(first.path)}: {first.message}")
        accepted += 1
    for expected in sorted(invalid_dir.glob("*.expected")):
        path = expected.with_suffix(".yaml")
        if not path.exists() or not STRUCTURAL.search(expected.read_text()):
            continue
        data = load(path)
        if data is None:
            continue  # a YAML syntax error: no structure to check
        if validator.is_valid(data):
            failures.append(f"{path}: structural error ({expected.read_text().strip()}) "
                            "accepted by the schema")
        rejected += 1
    for failure in failures:
        print(failure)
    print(f"schema: {accepted} scenarios checked valid, {rejected} structural invalid cases "
          f"checked rejected, {len(failures)} failures")
    return 1 if failures or accepted == 0 or rejected == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
