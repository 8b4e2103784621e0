"""Errors are Python exceptions with the CLI's message and exit code; the GIL is released during
runs; without pandas, tables are dicts of lists. Run by CTest python.errors (see
results_test.py)."""

import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import ripple

CLI = os.environ["RIPPLE"]
INVALID = "tests/data/invalid"


class Errors(unittest.TestCase):
    def test_every_invalid_scenario_raises_input_error_with_the_cli_message(self):
        # tests/data/invalid/X.expected is the exact stderr of `ripple validate X.yaml` there.
        names = sorted(n[:-5] for n in os.listdir(INVALID) if n.endswith(".yaml"))
        self.assertGreater(len(names), 20)
        for name in names:
            with self.subTest(name=name):
                with self.assertRaises(ripple.InputError) as caught:
                    _in(INVALID, ripple.schedule, name + ".yaml")
                with open(os.path.join(INVALID, name + ".expected"), encoding="utf-8") as f:
                    self.assertEqual(str(caught.exception) + "\n", f.read())
                self.assertEqual(caught.exception.exit_code, 3)

    def test_input_error_carries_each_diagnostic_with_its_position(self):
        text = "scenario:\n  name: x\n  bogus: 1\n"
        with self.assertRaises(ripple.InputError) as caught:
            ripple.scenario_from_string(text, "what_if.yaml")
        error = caught.exception
        self.assertIsInstance(error, ripple.Error)
        self.assertTrue(error.diagnostics)
        first = error.diagnostics[0]
        self.assertEqual(first[0], "what_if.yaml")
        self.assertEqual(str(error).splitlines()[0],
                         f"{first[0]}:{first[1]}:{first[2]}: error: {first[3]}")

    def test_a_bad_override_is_named_by_its_key_and_value(self):
        with self.assertRaises(ripple.InputError) as caught:
            ripple.run("tests/data/run/one_plant.yaml",
                       set={"projects.plnt.phases.build.duration": "2 years"})
        self.assertTrue(str(caught.exception).startswith(
            "set projects.plnt.phases.build.duration=2 years: error: path "
            "'projects.plnt.phases.build.duration': no item with id 'plnt' in projects"))

    def test_exit_code_classes(self):
        with self.assertRaises(ripple.UsageError) as usage:
            ripple.mc("tests/data/mc/two_projects.yaml", runs=0, threads=1)
        self.assertEqual(usage.exception.exit_code, 2)
        self.assertEqual(str(usage.exception), "Monte Carlo: runs = 0: must be at least 1")
        with self.assertRaises(ripple.ModelError) as model:
            ripple.multipliers("tests/data/economy/invalid/column_sum.yaml", households=False)
        self.assertEqual(model.exception.exit_code, 4)
        with self.assertRaises(ripple.RuntimeError) as runtime:
            ripple.run("tests/data/no_such_scenario.yaml")
        self.assertEqual(runtime.exception.exit_code, 1)
        self.assertIsInstance(runtime.exception, RuntimeError)  # Python's own, too
        self.assertEqual(str(runtime.exception),
                         "cannot open scenario 'tests/data/no_such_scenario.yaml'")


def _in(directory, function, *args):
    here = os.getcwd()
    os.chdir(directory)
    try:
        return function(*args)
    finally:
        os.chdir(here)


class Gil(unittest.TestCase):
    def test_another_python_thread_runs_while_ripple_runs(self):
        ticks = []
        stop = threading.Event()

        def heartbeat():
            while not stop.is_set():
                ticks.append(time.monotonic())
                time.sleep(0.001)

        # The compiled call alone (ripple.mc also reads the files back in Python, with the GIL).
        loaded = ripple.scenario("scenarios/kazakhstan_2025.yaml")._loaded
        beat = threading.Thread(target=heartbeat)
        beat.start()
        try:
            with tempfile.TemporaryDirectory() as directory:
                start = time.monotonic()
                ripple._ripple.mc(loaded, 1000, 1, 1, loaded.default_jobs_year, False, directory)
                end = time.monotonic()
        finally:
            stop.set()
            beat.join()
        during = [t for t in ticks if start + 0.01 < t < end - 0.01]
        # Holding the GIL would stop the heartbeat for the whole call (no tick inside it);
        # released, it ticks about once a millisecond, far fewer on a loaded machine.
        self.assertGreater(end - start, 0.05)
        self.assertGreaterEqual(len(during), 3)


class WithoutPandas(unittest.TestCase):
    def test_tables_are_dicts_of_lists_without_pandas(self):
        code = (
            "import sys; sys.modules['pandas'] = None\n"
            "import ripple\n"
            "r = ripple.run('tests/data/run/one_plant.yaml')\n"
            "assert isinstance(r.summary, dict), type(r.summary)\n"
            "assert r.summary['project'] == ['plant', 'TOTAL'], r.summary['project']\n"
            "assert r.summary['commissioning'] == ['2026-01', '2026-01']\n"
            "assert abs(r.total('job_years_direct') - 3597.536) < 1e-9\n"
            "assert isinstance(r.timeseries['value'][0], float)\n"
            "print('ok')\n")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout, "ok\n")


if __name__ == "__main__":
    unittest.main()
