"""ripple in Python: the rollout of industrial programmes and the jobs they create.

    import ripple
    base = ripple.run("scenarios/kazakhstan_2025.yaml")
    late = ripple.run("scenarios/kazakhstan_2025.yaml",
                      set={"projects.satimola.phases.shaft_sinking.duration": "45 months"})
    late.summary            # summary.csv as a table (pandas DataFrame when pandas is installed)

Every call takes a scenario as a path, or as a Scenario from ripple.scenario() or
ripple.scenario_from_string(), with `set={KEY: VALUE}` overrides and `overlays=[FILE]` as
`ripple run --set/--overlay`. Tables are pandas DataFrames when pandas can be imported, else
dicts of column name -> list (numbers as float, empty cells as None). The texts behind them
(`.files`) are byte for byte the files the CLI writes. Errors raise ripple.Error subclasses
(UsageError, InputError, ModelError, RuntimeError) with `exit_code` and, for input errors,
`diagnostics` [(file, line, column, message)]; str(error) is the CLI's message. The GIL is
released while ripple reads and runs. docs/python.md has a delay study end to end.
"""

import csv
import io
import json
import os
import shutil
import tempfile

from ._ripple import (  # noqa: F401  (re-exported)
    Error,
    InputError,
    ModelError,
    RuntimeError,
    UsageError,
    __version__,
)
from . import _ripple

# Class defaults, so that errors raised in Python carry them too.
Error.exit_code, Error.diagnostics = 1, []
UsageError.exit_code, InputError.exit_code, ModelError.exit_code = 2, 3, 4

try:
    import pandas as _pandas
except ImportError:  # tables become dicts of lists
    _pandas = None

__all__ = [
    "Error", "UsageError", "InputError", "ModelError", "RuntimeError",
    "Scenario", "scenario", "scenario_from_string", "table",
    "run", "schedule", "mc", "compare", "multipliers",
]


def table(csv_text):
    """A CSV text as a table: a pandas DataFrame, or a dict of column -> list without pandas."""
    if _pandas is not None:
        return _pandas.read_csv(io.StringIO(csv_text), keep_default_na=False, na_values=[""])
    rows = list(csv.reader(io.StringIO(csv_text)))
    if not rows:
        return {}
    header, body = rows[0], rows[1:]
    columns = {}
    for k, name in enumerate(header):
        values = [row[k] if k < len(row) else "" for row in body]
        columns[name] = _numbers(values)
    return columns


def _numbers(values):
    """Floats (None for empty cells) when every cell is a number or empty; else the texts."""
    converted = []
    for value in values:
        if value == "":
            converted.append(None)
            continue
        try:
            converted.append(float(value))
        except ValueError:
            return values
    return converted


def _assignments(overrides):
    """`set` as KEY=VALUE items: a dict {KEY: VALUE} or an iterable of "KEY=VALUE" strings."""
    if overrides is None:
        return []
    if isinstance(overrides, dict):
        return [f"{key}={_yaml_text(value)}" for key, value in overrides.items()]
    return [str(item) for item in overrides]


def _yaml_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _paths(items):
    return [os.fspath(item) for item in (items or [])]


class Scenario:
    """A validated scenario: a file or YAML text with its overlays and overrides."""

    def __init__(self, loaded, source, text, overlays, overrides):
        self._loaded = loaded
        self._source = source  # the path (for text: its name)
        self._text = text      # None for a file
        self._overlays = overlays
        self._overrides = overrides

    name = property(lambda self: self._loaded.name, doc="scenario.name")
    path = property(lambda self: self._loaded.path, doc="the file, or the name of the text")
    project_ids = property(lambda self: self._loaded.project_ids)
    overrides = property(lambda self: list(self._overrides))
    overlays = property(lambda self: list(self._overlays))

    def with_edits(self, set=None, overlays=None):
        """This scenario with more overlays and overrides applied after its own."""
        return _load(self._source, self._text, self._overlays + _paths(overlays),
                     self._overrides + _assignments(set))

    def __repr__(self):
        return f"ripple.Scenario({self.path!r}, name={self.name!r})"


def _load(source, text, overlays, overrides):
    if text is None:
        loaded = _ripple.read_scenario(source, overlays, overrides)
    else:
        loaded = _ripple.read_scenario_string(text, source, overlays, overrides)
    return Scenario(loaded, source, text, overlays, overrides)


def scenario(path, set=None, overlays=None):
    """Reads and validates a scenario file (raises InputError with every problem found)."""
    return _load(os.fspath(path), None, _paths(overlays), _assignments(set))


def scenario_from_string(text, path="<string>", set=None, overlays=None):
    """Reads YAML text as the scenario file `path`: errors name it, and relative paths in the text
    (economy.table) resolve against its folder (the working directory for "<string>")."""
    return _load(os.fspath(path), text, _paths(overlays), _assignments(set))


def _scenario(source, set, overlays):
    if isinstance(source, Scenario):
        if set or overlays:
            return source.with_edits(set=set, overlays=overlays)
        return source
    return scenario(source, set=set, overlays=overlays)


class RunResult:
    """One deterministic run: tables summary, timeseries and schedule; `files` are the texts of
    summary.csv, timeseries.csv, schedule.csv and run.json as `ripple run --out` writes them."""

    def __init__(self, output, scenario):
        self._output = output
        self.scenario = scenario
        self.files = output.files
        self.summary = table(self.files["summary.csv"])
        self.timeseries = table(self.files["timeseries.csv"])
        self.schedule = table(self.files["schedule.csv"])
        self.info = json.loads(self.files["run.json"])
        self.text = output.table  # the table `ripple run` prints

    def total(self, column):
        """The TOTAL row's value of a summary.csv column, e.g. total("job_years_direct")."""
        if _pandas is not None:
            return self.summary.loc[self.summary["project"] == "TOTAL", column].iloc[0]
        return self.summary[column][self.summary["project"].index("TOTAL")]

    def write(self, directory, force=False):
        """Writes the run's files into `directory` (created) all at once, like `ripple run
        --out`: ripple's own earlier files there are replaced; a folder holding other files
        raises RuntimeError naming them, unless `force` (they are then kept)."""
        self._output.write(os.fspath(directory), force)

    def __repr__(self):
        return f"ripple.RunResult({self.scenario.path!r})"


def run(source, set=None, overlays=None):
    """Runs a scenario once (each uncertain duration at its mode), like `ripple run`."""
    loaded = _scenario(source, set, overlays)
    return RunResult(_ripple.run(loaded._loaded), loaded)


def schedule(source, set=None, overlays=None):
    """CPM dates, float and the rollout's dates per activity (`ripple schedule --format csv`)."""
    return table(_ripple.schedule_csv(_scenario(source, set, overlays)._loaded))


class McResult:
    """A Monte Carlo campaign: `tables` maps each CSV file of the campaign folder to a table
    (mc_summary, mc_runs, criticality, sensitivity, mc_jobs_by_period, ...), `files` to its text;
    `metadata` is mc.json; `text` the table `ripple mc` prints."""

    def __init__(self, directory, text):
        self.text = text
        self.files = {}
        for name in sorted(os.listdir(directory)):
            if name.endswith(".csv") or name.endswith(".json"):
                with open(os.path.join(directory, name), encoding="utf-8", newline="") as f:
                    self.files[name] = f.read()
        self.metadata = json.loads(self.files["mc.json"])
        self.tables = {name[:-4]: table(text) for name, text in self.files.items()
                       if name.endswith(".csv")}
        self.summary = self.tables["mc_summary"]
        self.runs = self.tables["mc_runs"]

    def __repr__(self):
        return f"ripple.McResult(runs={self.metadata['runs']})"


def mc(source, runs=1000, seed=None, threads=None, jobs_year=None, rank_risks=False, out=None,
       set=None, overlays=None, force=False):
    """Monte Carlo, like `ripple mc`: `runs` sampled runs from `seed` (default: calendar.seed),
    on `threads` threads (default: the cores; results do not depend on it). The files go to
    `out` when given (kept; written all at once; a folder holding files ripple did not write
    raises RuntimeError unless `force`), else to a temporary folder read back and removed."""
    loaded = _scenario(source, set, overlays)
    threads = threads if threads is not None else max(1, os.cpu_count() or 1)
    seed = seed if seed is not None else loaded._loaded.seed
    jobs_year = jobs_year if jobs_year is not None else loaded._loaded.default_jobs_year
    directory = os.fspath(out) if out is not None else tempfile.mkdtemp(prefix="ripple-mc-")
    try:
        text = _ripple.mc(loaded._loaded, runs, seed, threads, jobs_year, rank_risks, directory,
                          force)
        return McResult(directory, text)
    finally:
        if out is None:
            shutil.rmtree(directory, ignore_errors=True)


def compare(base, alt=None, alt_set=None, alt_overlays=None, set=None, overlays=None):
    """The cost of a delay (`ripple compare --format csv`): BASE and ALT run once each, per
    project and metric base, alt and delta. ALT is a second scenario, or BASE with `alt_set` /
    `alt_overlays` applied after BASE's own edits."""
    base_scenario = _scenario(base, set, overlays)
    if alt is None:
        if not alt_set and not alt_overlays:
            raise UsageError("nothing to compare: give alt, or alt_set / alt_overlays")
        alt_scenario = base_scenario.with_edits(set=alt_set, overlays=alt_overlays)
    else:
        alt_scenario = _scenario(alt, set, overlays)
        if alt_set or alt_overlays:
            alt_scenario = alt_scenario.with_edits(set=alt_set, overlays=alt_overlays)
    return table(_ripple.compare_csv(base_scenario._loaded, alt_scenario._loaded))


def multipliers(economy, region=None, delta=0.25, households=True):
    """Output, income, GVA and employment multipliers by sector, Type I and II
    (`ripple multipliers --format csv`): national, or of `region` with FLQ `delta`."""
    return table(_ripple.multipliers_csv(os.fspath(economy), delta, households, region))
