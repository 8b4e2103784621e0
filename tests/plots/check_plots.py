#!/usr/bin/python3
"""CTest cases of tools/ripple-plot and `--plot` (tests/plots/plots.cmake lists them).

  check_plots.py RIPPLE SOURCE_DIR WORK_DIR CASE

Each case runs ripple on a small scenario, then the script, and checks every picture: a PNG
signature, and an IHDR width and height equal to the figure size the script promises (16:9 at
1920 x 1080, taller for long charts). Bad inputs must fail with exit 3 and one line on stderr
that names the file, never a traceback. Exit 77 (skipped) when /usr/bin/python3 lacks
matplotlib or numpy.
"""
import math
import os
import shutil
import struct
import subprocess
import sys

DPI = 160
WIDTH = 1920
HEIGHT = 1080


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def run(argv, expect=0, env=None):
    done = subprocess.run(argv, capture_output=True, text=True, env=env)
    if done.returncode != expect:
        fail(f"{' '.join(argv)}: exit {done.returncode}, expected {expect}\nstdout:\n"
             f"{done.stdout}\nstderr:\n{done.stderr}")
    return done


def png_size(path):
    if not os.path.isfile(path):
        fail(f"{path} was not written")
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG file (signature {head[:8]!r})")
    if head[12:16] != b"IHDR":
        fail(f"{path}: the first chunk is not IHDR")
    return struct.unpack(">II", head[16:24])


def expect_png(path, height=HEIGHT):
    size = png_size(path)
    if size != (WIDTH, height):
        fail(f"{path}: {size[0]} x {size[1]} pixels, expected {WIDTH} x {height}")


def inches(height_in):
    """Pixels of a figure height; heights above 6.75 in are rounded up to a quarter inch."""
    if height_in != 6.75:
        height_in = math.ceil(height_in * 4 - 1e-9) / 4
    return round(height_in * DPI)


def rows_of(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split(",") for line in f if line.strip()][1:]


class Case:
    def __init__(self, ripple, source, work):
        self.ripple = ripple
        self.source = source
        self.work = work
        self.plot = os.path.join(source, "tools", "ripple-plot")

    def data(self, *parts):
        return os.path.join(self.source, *parts)

    def out(self, name):
        path = os.path.join(self.work, name)
        shutil.rmtree(path, ignore_errors=True)
        if os.path.isfile(path):
            os.remove(path)
        return path

    # -- ripple run --------------------------------------------------------------------------

    def run_dir(self, scenario, name, *extra):
        out = self.out(name)
        run([self.ripple, "run", self.data(scenario), "--out", out, *extra])
        return out

    def check_run_pictures(self, out, svg=False, pictures=None):
        run_out = out
        activities = rows_of(os.path.join(out, "schedule.csv"))
        out = pictures or out
        projects = {row[0] for row in activities}
        gantt_rows = len(activities) + len(projects)
        expect_png(os.path.join(out, "gantt.png"), inches(max(6.75, 1.9 + 0.165 * gantt_rows)))
        expect_png(os.path.join(out, "jobs.png"))
        expect_png(os.path.join(out, "regions.png"))
        resources_csv = os.path.join(run_out, "resources.csv")
        if os.path.isfile(resources_csv):
            # One panel per resource, three to a row; two rows fit a slide.
            count = len({row[1] for row in rows_of(resources_csv)})
            expect_png(os.path.join(out, "resources.png"),
                       inches(6.75 + max(0, -(-count // 3) - 2) * 2.4))
        elif os.path.exists(os.path.join(out, "resources.png")):
            fail("resources.png written for a run without shared resources")
        if svg:
            for name in ("gantt", "jobs", "regions"):
                with open(os.path.join(out, f"{name}.svg"), encoding="utf-8") as f:
                    if "<svg" not in f.read(400):
                        fail(f"{name}.svg is not an SVG file")

    def case_run_one_plant(self):
        out = self.run_dir("tests/data/run/one_plant.yaml", "run_one_plant")
        run([self.plot, out])
        self.check_run_pictures(out)

    def case_run_resources(self):
        # docs/scheduling.md's worked examples: b waits 59 days for the crew, the potline 181
        # days for the grid connection; c imports 60 of its 100 workers.
        out = self.run_dir("tests/data/resources/two_crews.yaml", "run_resources")
        run([self.plot, out])
        self.check_run_pictures(out)  # resources.png included
        sys.path.insert(0, os.path.join(self.source, "tools"))
        from ripple_plot.run_plots import read_resources, read_schedule, wait_label
        from ripple_plot.common import parse_date
        waits = {(a["project"], a["activity"]):
                 (a["ready"].isoformat(), a["start"].isoformat(), wait_label(a))
                 for a in read_schedule(os.path.join(out, "schedule.csv")) if a["wait_days"]}
        expected = {
            ("north", "potline"): ("2026-01-01", "2026-07-01", "potline (waited 181 d: grid)"),
            ("south", "b"): ("2026-02-01", "2026-04-01", "b (waited 59 d: crew)"),
        }
        if waits != expected:
            fail(f"hatched waits {waits}, expected {expected}")
        periods = [parse_date(f"{y}-{m:02d}") for y in (2026, 2027) for m in (1, 4, 7, 10)]
        panels = read_resources(os.path.join(out, "resources.csv"), periods)
        # 2026 Q1 (90 days): a holds 80 all quarter; b asks for 50 over Feb-Mar (59 days):
        # 50 * 59 / 90 = 32.778 short. The grid offers 0 MW until July, the potline asks 200.
        # c draws 40 local workers for 60 days (26.667) and imports 60 (40.000).
        checks = [("crew", "use", 0, 80.0), ("crew", "shortfall", 0, 32.778),
                  ("crew", "capacity", 0, 100.0), ("grid", "capacity", 1, 0.0),
                  ("grid", "shortfall", 1, 200.0), ("grid", "capacity", 2, 250.0),
                  ("labour", "use", 0, 26.667), ("labour", "shortfall", 0, 40.0)]
        for name, key, period, value in checks:
            if abs(panels[name][key][period] - value) > 5e-4:
                fail(f"resources.png {name} {key} in period {period}: "
                     f"{panels[name][key][period]}, expected {value}")

    def case_run_economy(self):
        out = self.run_dir("tests/data/run/one_plant_economy.yaml", "run_economy")
        pictures = self.out("run_economy_pictures")
        run([self.plot, out, "--svg", "--out", pictures, "--year", "2026"])
        self.check_run_pictures(out, svg=True, pictures=pictures)

    def case_run_default_scenario(self):
        out = self.run_dir("scenarios/kazakhstan_2025.yaml", "run_default")
        run([self.plot, out])
        self.check_run_pictures(out)

    def case_run_plot_flag(self):
        out = self.run_dir("tests/data/run/one_plant.yaml", "run_flag", "--plot")
        self.check_run_pictures(out)

    def case_run_plot_without_matplotlib(self):
        env = dict(os.environ, RIPPLE_PYTHON=os.path.join(self.work, "no-such-python"))
        out = self.out("run_no_python")
        done = run([self.ripple, "run", self.data("tests/data/run/one_plant.yaml"), "--out",
                    out, "--plot"], expect=0, env=env)
        if "apt-get install python3-matplotlib python3-numpy" not in done.stderr:
            fail(f"no install hint on stderr:\n{done.stderr}")
        if not os.path.isfile(os.path.join(out, "summary.csv")):
            fail("summary.csv not written")
        if os.path.exists(os.path.join(out, "gantt.png")):
            fail("gantt.png written without Python")

    def case_run_bad_year(self):
        out = self.run_dir("tests/data/run/one_plant.yaml", "run_bad_year")
        done = run([self.plot, out, "--year", "1990"], expect=2)
        self.one_line(done, "--year 1990")

    # -- ripple mc, sweep, compare -----------------------------------------------------------

    def case_mc(self):
        out = self.out("mc")
        run([self.ripple, "mc", self.data("tests/data/sweep/two_projects.yaml"), "--runs", "40",
             "--threads", "1", "--out", out, "--plot"])
        with open(os.path.join(out, "sensitivity.csv"), encoding="utf-8") as f:
            outputs = len(f.readline().strip().split(",")) - 2
        columns = 1 if outputs == 1 else 2 if outputs <= 4 else 3
        grid_rows = -(-outputs // columns)
        expect_png(os.path.join(out, "tornado.png"), inches(max(6.75, 1.3 + 2.9 * grid_rows)))
        projects = sum(1 for row in rows_of(os.path.join(out, "mc_summary.csv"))
                       if row[0].endswith(".commissioning"))
        projects = min(projects, 30)
        expect_png(os.path.join(out, "mc_commissioning.png"),
                   inches(max(6.75, 2.2 + (0.75 if projects <= 8 else 0.42) * projects)))
        expect_png(os.path.join(out, "mc_on_time.png"))
        expect_png(os.path.join(out, "mc_scurve.png"))
        expect_png(os.path.join(out, "mc_fan.png"))
        expect_png(os.path.join(out, "mc_jobs.png"))
        activities = len(rows_of(os.path.join(out, "criticality.csv")))
        expect_png(os.path.join(out, "criticality.png"), inches(max(6.75, 1.9 + 0.2 * activities)))

    def case_mc_schedule_network(self):
        # No capacity, economy or jobs: S-curves, criticality and the tornado, nothing else.
        out = self.out("mc_network")
        run([self.ripple, "mc", self.data("tests/data/mc/network.yaml"), "--runs", "60",
             "--threads", "1", "--out", out, "--plot"])
        expect_png(os.path.join(out, "mc_scurve.png"))
        expect_png(os.path.join(out, "tornado.png"), inches(max(6.75, 1.3 + 2.9 * 1)))
        for absent in ("mc_commissioning.png", "mc_on_time.png", "mc_fan.png", "mc_jobs.png"):
            if os.path.exists(os.path.join(out, absent)):
                fail(f"{absent} written for a campaign without capacity or jobs")

    def case_mc_resources(self):
        # criticality.csv with resource_critical_share: hatched parts of the bars.
        out = self.out("mc_resources")
        run([self.ripple, "mc", self.data("tests/data/mc/crew_wait.yaml"), "--runs", "50",
             "--threads", "1", "--out", out, "--plot"])
        rows = rows_of(os.path.join(out, "criticality.csv"))
        if len(rows[0]) != 5:
            fail(f"criticality.csv without the resource columns: {rows[0]}")
        expect_png(os.path.join(out, "criticality.png"), inches(max(6.75, 1.9 + 0.2 * len(rows))))
        expect_png(os.path.join(out, "mc_scurve.png"))

    def case_run_with_mc_whiskers(self):
        run_out = self.run_dir("tests/data/sweep/two_projects.yaml", "run_mc_whiskers")
        mc_out = self.out("run_mc_whiskers_mc")
        run([self.ripple, "mc", self.data("tests/data/sweep/two_projects.yaml"), "--runs", "20",
             "--threads", "1", "--out", mc_out])
        run([self.plot, run_out, "--mc", mc_out])
        self.check_run_pictures(run_out)

    def case_sweep(self):
        one = self.out("sweep_one.csv")
        run([self.ripple, "sweep", self.data("tests/data/sweep/two_projects.yaml"), "--vary",
             "projects.smelter.phases.construction.duration=40:52:4 months", "--out", one,
             "--plot"])
        expect_png(os.path.join(self.work, "sweep_one.png"))
        two = self.out("sweep_two.csv")
        run([self.ripple, "sweep", self.data("tests/data/sweep/two_projects.yaml"), "--vary",
             "projects.smelter.phases.construction.duration=40:52:4 months", "--vary",
             "economy.flq_delta=0.2,0.3", "--out", two])
        run([self.plot, two, "--metric", "job_years_indirect"])
        expect_png(os.path.join(self.work, "sweep_two.png"))
        done = run([self.plot, two, "--metric", "no_such_metric"], expect=2)
        self.one_line(done, "no_such_metric")

    def case_compare(self):
        report = self.out("compare.csv")
        for stale in ("compare.png", "compare_jobs.png", "compare_runs_jobs.png"):
            self.out(stale)
        run([self.ripple, "compare", self.data("tests/data/compare/two_plants.yaml"),
             self.data("tests/data/compare/plant_a_and_c.yaml"), "--format", "csv", "--out",
             report, "--plot"])
        expect_png(os.path.join(self.work, "compare.png"))
        # The jobs@YYYY-MM rows: base and alternative jobs over time, the gap shaded.
        expect_png(os.path.join(self.work, "compare_jobs.png"))
        paired = self.out("compare_runs.csv")
        run([self.ripple, "compare", self.data("tests/data/sweep/two_projects.yaml"),
             "--alt-set", "projects.smelter.phases.construction.duration=50 months", "--runs",
             "20", "--threads", "1", "--format", "csv", "--out", paired])
        run([self.plot, paired])
        expect_png(os.path.join(self.work, "compare_runs.png"))
        if os.path.exists(os.path.join(self.work, "compare_runs_jobs.png")):
            fail("compare_runs_jobs.png written for paired runs, which have no per-period jobs")

    def case_run_versus(self):
        base = self.run_dir("tests/data/run/one_plant.yaml", "versus_base")
        alt = self.run_dir("tests/data/run/one_plant.yaml", "versus_alt", "--set",
                           "projects.plant.phases.build.duration=18 months")
        run([self.plot, base, "--vs", alt])
        expect_png(os.path.join(base, "compare_jobs.png"))

    # -- bad input ---------------------------------------------------------------------------

    def one_line(self, done, names):
        lines = done.stderr.strip().splitlines()
        if len(lines) != 1 or "Traceback" in done.stderr:
            fail(f"expected one line on stderr, got:\n{done.stderr}")
        if names not in lines[0] or not lines[0].startswith("ripple-plot: "):
            fail(f"the message does not name '{names}': {lines[0]}")

    def bad(self, path, names):
        done = run([self.plot, path], expect=3)
        self.one_line(done, names)

    def case_bad_missing_dir(self):
        missing = os.path.join(self.work, "no_such_dir")
        self.bad(missing, missing)

    def case_bad_not_ripple_output(self):
        empty = self.out("empty_dir")
        os.makedirs(empty)
        self.bad(empty, empty)

    def case_bad_missing_file(self):
        out = self.run_dir("tests/data/run/one_plant.yaml", "bad_missing_file")
        os.remove(os.path.join(out, "timeseries.csv"))
        self.bad(out, os.path.join(out, "timeseries.csv"))

    def case_bad_empty_csv(self):
        out = self.run_dir("tests/data/run/one_plant.yaml", "bad_empty_csv")
        open(os.path.join(out, "schedule.csv"), "w").close()
        self.bad(out, os.path.join(out, "schedule.csv"))

    def case_bad_header_only(self):
        out = self.run_dir("tests/data/run/one_plant.yaml", "bad_header_only")
        path = os.path.join(out, "timeseries.csv")
        with open(path, encoding="utf-8") as f:
            header = f.readline()
        with open(path, "w", encoding="utf-8") as f:
            f.write(header)
        self.bad(out, path)

    def case_bad_wrong_columns(self):
        out = self.run_dir("tests/data/run/one_plant.yaml", "bad_wrong_columns")
        path = os.path.join(out, "summary.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("name,when\nplant,2026-01\n")
        self.bad(out, path)

    def case_bad_number(self):
        out = self.run_dir("tests/data/run/one_plant.yaml", "bad_number")
        path = os.path.join(out, "timeseries.csv")
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        lines[1] = ",".join(lines[1].split(",")[:4] + ["lots\n"])
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(lines)
        self.bad(out, path)

    def case_bad_empty_file_argument(self):
        path = self.out("empty.csv")
        open(path, "w").close()
        self.bad(path, path)

    def case_bad_resources_number(self):
        out = self.run_dir("tests/data/resources/two_crews.yaml", "bad_resources_number")
        path = os.path.join(out, "resources.csv")
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        lines[1] = lines[1].replace("100.000", "lots", 1)
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(lines)
        self.bad(out, path)

    def case_bad_mc_summary(self):
        out = self.out("bad_mc")
        os.makedirs(out)
        with open(os.path.join(out, "mc.json"), "w", encoding="utf-8") as f:
            f.write("{}")
        self.bad(out, os.path.join(out, "mc_summary.csv"))


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    ripple, source, work, name = sys.argv[1:]
    probe = subprocess.run(["/usr/bin/python3", "-c", "import matplotlib, numpy"],
                           capture_output=True)
    if probe.returncode != 0:
        print("skipped: /usr/bin/python3 lacks matplotlib or numpy", file=sys.stderr)
        return 77
    os.makedirs(work, exist_ok=True)
    case = Case(os.path.abspath(ripple), os.path.abspath(source), os.path.abspath(work))
    method = getattr(case, f"case_{name}", None)
    if method is None:
        print(f"unknown case {name}", file=sys.stderr)
        return 2
    method()
    return 0


if __name__ == "__main__":
    sys.exit(main())
