"""The Python module's results are the CLI's files, byte for byte (run, mc, compare,
multipliers, schedule), and its tables hold the same values. Run by CTest python.results with
PYTHONPATH at the built package and RIPPLE at the CLI, from the source folder."""

import io
import os
import subprocess
import tempfile
import unittest

import pandas

import ripple

CLI = os.environ["RIPPLE"]
ONE_PLANT = "tests/data/run/one_plant.yaml"
DEFAULT = "scenarios/kazakhstan_2025.yaml"
LATE = {"projects.satimola.phases.shaft_sinking.duration": "45 months"}


def cli(*args):
    done = subprocess.run([CLI, *args], capture_output=True, text=True, check=True)
    return done.stdout


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


class RunResults(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def check_run_equals_cli(self, path, set=None):
        out = os.path.join(self.tmp.name, "cli")
        args = ["run", path, "--out", out]
        for key, value in (set or {}).items():
            args += ["--set", f"{key}={value}"]
        cli(*args)
        result = ripple.run(path, set=set)
        for name in ("summary.csv", "timeseries.csv", "schedule.csv", "run.json"):
            self.assertEqual(result.files[name], read(os.path.join(out, name)), name)
        mine = os.path.join(self.tmp.name, "module")
        result.write(mine)
        for name in ("summary.csv", "timeseries.csv", "schedule.csv", "run.json"):
            self.assertEqual(read(os.path.join(mine, name)), read(os.path.join(out, name)), name)
        pandas.testing.assert_frame_equal(
            result.summary, pandas.read_csv(os.path.join(out, "summary.csv"),
                                            keep_default_na=False, na_values=[""]))
        pandas.testing.assert_frame_equal(
            result.timeseries, pandas.read_csv(os.path.join(out, "timeseries.csv")))
        return result

    def test_the_one_plant_run_is_the_cli_run_and_the_hand_worked_numbers(self):
        result = self.check_run_equals_cli(ONE_PLANT)
        # tests/data/run/one_plant.yaml works these out by hand.
        self.assertEqual(result.total("commissioning"), "2026-01")
        self.assertAlmostEqual(result.total("job_years_direct"), 3597.536, places=3)
        self.assertEqual(list(result.summary["project"]), ["plant", "TOTAL"])

    def test_the_default_scenario_with_a_late_shaft_is_the_cli_run(self):
        result = self.check_run_equals_cli(DEFAULT, set=LATE)
        self.assertEqual(result.info["overrides"],
                         ["projects.satimola.phases.shaft_sinking.duration=45 months"])
        self.assertEqual(result.text, cli("run", DEFAULT, "--set",
                                          "projects.satimola.phases.shaft_sinking.duration=45 months",
                                          "--out", os.path.join(self.tmp.name, "late")))

    def test_a_scenario_from_a_string_runs_like_its_file(self):
        text = read(ONE_PLANT)
        from_text = ripple.run(ripple.scenario_from_string(text, ONE_PLANT))
        self.assertEqual(from_text.files, ripple.run(ONE_PLANT).files)
        late = ripple.scenario_from_string(
            text, ONE_PLANT, set={"projects.plant.phases.build.duration": "24 months"})
        self.assertEqual(ripple.run(late).total("commissioning"), "2027-01")

    def test_schedule_is_the_cli_schedule(self):
        self.assertEqual(ripple.schedule(DEFAULT).to_csv(index=False),
                         pandas.read_csv(io.StringIO(cli("schedule", DEFAULT, "--format", "csv")))
                         .to_csv(index=False))

    def test_compare_is_the_cli_comparison(self):
        mine = ripple.compare(DEFAULT, alt_set=LATE)
        theirs = pandas.read_csv(io.StringIO(cli(
            "compare", DEFAULT, "--alt-set",
            "projects.satimola.phases.shaft_sinking.duration=45 months", "--format", "csv")),
            keep_default_na=False, na_values=[""])
        pandas.testing.assert_frame_equal(mine, theirs)
        shift = mine[(mine["project"] == "satimola") & (mine["metric"] == "commissioning")]
        # docs/compare.md, worked example: "satimola commissioning +9.0 months".
        self.assertEqual(float(shift["delta"].iloc[0]), 9.0)

    def test_multipliers_are_the_cli_multipliers(self):
        for region in (None, "north"):
            args = ["multipliers", "tests/data/economy/beutel.yaml", "--format", "csv"]
            if region:
                args += ["--region", region]
            theirs = pandas.read_csv(io.StringIO(cli(*args)))
            pandas.testing.assert_frame_equal(
                ripple.multipliers("tests/data/economy/beutel.yaml", region=region), theirs)

    def test_monte_carlo_writes_the_cli_files(self):
        out = os.path.join(self.tmp.name, "mc-cli")
        text = cli("mc", "tests/data/mc/two_projects.yaml", "--runs", "200", "--threads", "2",
                   "--out", out)
        result = ripple.mc("tests/data/mc/two_projects.yaml", runs=200, threads=2)
        self.assertEqual(result.text, text)
        self.assertEqual(sorted(result.files), sorted(os.listdir(out)))
        for name, content in result.files.items():
            self.assertEqual(content, read(os.path.join(out, name)), name)
        self.assertEqual(result.metadata["runs"], 200)
        self.assertEqual(len(result.runs), 200)

    def test_a_folder_is_rewritten_whole_and_other_files_are_refused_unless_forced(self):
        result = ripple.run(ONE_PLANT)
        out = os.path.join(self.tmp.name, "twice")
        result.write(out)
        result.write(out)  # ripple's own earlier files: replaced without force
        self.assertEqual(sorted(os.listdir(out)),
                         ["run.json", "schedule.csv", "summary.csv", "timeseries.csv"])
        with open(os.path.join(out, "notes.txt"), "w", encoding="utf-8") as f:
            f.write("mine\n")
        with self.assertRaises(ripple.RuntimeError) as caught:
            result.write(out)
        self.assertEqual(
            str(caught.exception),
            f"cannot write into {out}: it holds files that are not ripple's own output: "
            "notes.txt (write into a new or empty folder, or one holding ripple's earlier output "
            "of the same kind; force=True writes beside these files and keeps them)")
        self.assertEqual(caught.exception.exit_code, 1)
        result.write(out, force=True)
        self.assertEqual(read(os.path.join(out, "notes.txt")), "mine\n")
        with self.assertRaises(ripple.RuntimeError):
            ripple.mc(ONE_PLANT, runs=5, threads=1, out=out)  # a run's folder, not a campaign's
        mc = ripple.mc(ONE_PLANT, runs=5, threads=1, out=os.path.join(self.tmp.name, "mc"))
        self.assertEqual(mc.metadata["files"], sorted(os.listdir(os.path.join(self.tmp.name, "mc"))))


if __name__ == "__main__":
    unittest.main()
