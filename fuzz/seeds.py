#!/usr/bin/python3
"""fuzz/seeds.py SOURCE_DIR OUT_DIR: the seed corpora and dictionaries of the fuzz targets.

Writes OUT_DIR/<target>/ (one seed per file) and OUT_DIR/<target>.dict for the targets of
fuzz/CMakeLists.txt, from what tests/data and scenarios/ already hold, so that every fixture,
invalid case and regression input added there seeds the fuzzers too:
  scenario   every YAML file under tests/data and scenarios/ (scenarios, invalid cases, overlays)
  economy    every economy descriptor with its table.csv (and regions.csv), as the target's
             `descriptor %% table %% regions` input, the files renamed to the target's names
  overrides  the --set and --vary items of the CLI golden cases (tests/cli/cases.cmake) and edits
             of the target's base scenario (tests/data/sweep/two_projects.yaml)
  merge      the sweep shard files of tests/data/sweep/merge, in the pairs the tests merge
The dictionaries hold the scenario keys and choices of sim/scenario/scenario_keys.cpp, the
descriptor keys of sim/economy/economy_reader.cpp, units, distributions and YAML/CSV syntax.
Python standard library only.
"""

import pathlib
import re
import shutil
import sys

SEPARATOR = "\n%%\n"


def write_seeds(folder, seeds):
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i, data in enumerate(seeds):
        (folder / f"seed-{i:04d}").write_bytes(data if isinstance(data, bytes) else data.encode())


def write_dict(path, tokens):
    lines = []
    for token in sorted(set(tokens)):
        escaped = "".join(
            c if 32 <= ord(c) < 127 and c not in '"\\' else f"\\x{ord(c):02x}" for c in token)
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n")


def scenario_seeds(src):
    files = sorted((src / "tests" / "data").rglob("*.yaml")) + sorted(
        (src / "scenarios").glob("*.yaml"))
    return [f.read_bytes() for f in files]


def economy_seeds(src):
    descriptors = sorted((src / "tests" / "data" / "economy").rglob("*.yaml")) + [
        src / "scenarios" / "economy" / "kazakhstan" / "economy.yaml"]
    seeds = []
    for descriptor in descriptors:
        text = descriptor.read_text()
        files = {"table": "", "regions": ""}

        # `file: NAME` under the top-level key `table` or `regions` becomes the target's file.
        def rename(match):
            section = None
            for key in re.findall(r"^(\w+):", text[:match.start()], re.M):
                section = key
            if section not in files:
                return match.group(0)
            original = descriptor.parent / match.group(2)
            files[section] = original.read_text() if original.is_file() else ""
            return match.group(1) + section + ".csv"

        text = re.sub(r"(file:\s*)([^\s,}]+)", rename, text)
        seeds.append(SEPARATOR.join([text, files["table"], files["regions"]]))
    return seeds


def override_seeds(src):
    cases = (src / "tests" / "cli" / "cases.cmake").read_text()
    items = re.findall(r"--(set|vary);([^;\s\"]+)", cases)
    seeds = [f"{'vary ' if kind == 'vary' else ''}{item}\n" for kind, item in items]
    seeds += [
        "projects.mine.phases.shafts.duration=30 months\n",
        "projects.smelter.phases.construction.duration={triangular: [30 months, 36 months, "
        "48 months]}\n",
        "economy.flq_delta=0.3\neconomy.household_closure=false\n",
        "calendar.period=quarter\ncalendar.end=2040-12\n",
        "projects.mine.phases.plant.depends_on=[shafts]\n",
        "vary projects.mine.phases.shafts.duration=30:42:6 months\n",
        "vary economy.flq_delta=0.2,0.25,0.3\nvary calendar.period=[year, quarter]\n",
        "projects.smelter.target=2029-06\n"
        "vary projects.smelter.phases.commissioning.duration=2 months:4 months:1 months\n",
    ]
    return seeds


def merge_seeds(src):
    folder = src / "tests" / "data" / "sweep" / "merge"
    shards = {f.name: f.read_text() for f in sorted(folder.glob("*.csv"))}
    pairs = [
        ["shard-1.csv", "shard-2.csv"],
        ["shard-2.csv", "shard-1.csv"],
        ["campaign-a-1.csv", "campaign-a-2.csv"],
        ["campaign-a-1.csv", "campaign-b-2.csv"],
        ["shard-1.csv", "cut-2.csv"],
        ["shard-1.csv", "short-row-2.csv"],
        ["shard-1.csv", "other-header.csv"],
    ]
    # Every shard but a cut one (always last) ends in a newline, the separator's first.
    seeds = ["%%\n".join(shards[p] for p in pair) for pair in pairs]
    seeds.append("points=4\n" + seeds[0])
    seeds += [text for name, text in shards.items() if not name.endswith("expected.csv")]
    return seeds


def scenario_tokens(src):
    keys_cpp = (src / "sim" / "scenario" / "scenario_keys.cpp").read_text()
    tokens = []
    for key in re.findall(r'Key\{"(\w+)"', keys_cpp):
        tokens += [key, key + ": "]
    for choices in re.findall(r'kChoice.*?"",\s*"([^"]+)"\}', keys_cpp, re.S):
        tokens += choices.split()
    tokens += ["days", "weeks", "months", "years", "quarters", "workdays", "hours", "wd", "h"]
    tokens += ["triangular", "pert", "uniform", "lognormal", "fixed", "s-curve", "linear"]
    tokens += ["FS", "SS", "FF", "SF", "lag", "on", "type"]
    tokens += ["2025-01", "2025-01-31", "0001-01-01", "9999-12-31", "1e308", "-1", "0", ".inf",
               ".nan", "1e20", "18446744073709551616"]
    tokens += ["\n  - ", "\n    ", "- {id: ", "{", "}", "[", "]", ": ", ", ", "&a ", "*a", "---",
               "!!str ", "~", "null", "true", "false", "'", '"', "#"]
    return tokens


def economy_tokens(src):
    reader = (src / "sim" / "economy" / "economy_reader.cpp").read_text()
    tokens = []
    for key in set(re.findall(r'"([a-z_]+)"', reader)):
        tokens += [key, key + ": "]
    tokens += ["table.csv", "regions.csv", "%%", "{file: table.csv, label_column: sector}",
               "1000 persons", "persons", "millions", "thousands", "USD", "KZT", "EUR"]
    tokens += [",", '"', '""', "\r\n", "\xef\xbb\xbf", "1e308", "-0", "nan", "inf", "0.5", "1e-300"]
    tokens += ["{", "}", "[", "]", ": ", ", ", "\n  - ", "- {id: ", "true", "false"]
    return tokens


def override_tokens(src):
    tokens = [t for t in scenario_tokens(src) if "\n" not in t]
    tokens += ["vary ", "=", ":", ",", ".", "projects.", ".phases.", ".duration=", "economy.",
               "calendar.", "smelter", "mine", "construction", "commissioning", "shafts", "plant",
               "cathode", "kcl", "epc_contract", "0:10:1", "1:1e8:1", "[a, b]", "1e9"]
    return tokens


def merge_tokens(_src):
    return ["index", "campaign", "status", "ok", "error", ",", '"', '""', "\r\n", "\n", "%%",
            "points=", "0", "18446744073709551615", "18446744073709551616", "-1", "00", "0x1"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    targets = {
        "scenario": (scenario_seeds, scenario_tokens),
        "economy": (economy_seeds, economy_tokens),
        "overrides": (override_seeds, override_tokens),
        "merge": (merge_seeds, merge_tokens),
    }
    for name, (seeds, tokens) in targets.items():
        corpus = seeds(src)
        write_seeds(out / name, corpus)
        write_dict(out / f"{name}.dict", tokens(src))
        print(f"fuzz/seeds.py: {name}: {len(corpus)} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
