"""Command line of ripple-plot: find out which command wrote the input, draw its pictures.

Exit codes follow ripple's: 0 success, 1 runtime failure, 2 usage error, 3 invalid input (a
missing, empty or malformed file; the one-line message names it).
"""
import argparse
import importlib.util
import os
import sys

USAGE = """\
Pictures of what a ripple command wrote, for a briefing: PNG (and SVG with --svg) next to the
input, or into --out DIR.

  ripple run --out DIR      gantt.png, jobs.png, regions.png
  ripple mc --out DIR       mc_commissioning.png, mc_on_time.png, mc_fan.png, mc_jobs.png,
                            tornado.png, criticality.png (and mc_risks.png with --rank-risks)
  ripple sweep --out FILE   FILE's name with .png: a TOTAL metric against the varied keys
  ripple compare --format csv --out FILE
                            FILE's name with .png: what the change costs, per project;
                            with _jobs.png: base and alternative jobs over time

docs/plots.md describes every picture. Exit codes: 0 success, 1 runtime failure, 2 usage
error, 3 invalid input (the message names the file).
"""


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="ripple-plot", description=USAGE, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", metavar="OUTDIR",
                        help="a directory written by ripple run or ripple mc, or the CSV file "
                        "written by ripple sweep or ripple compare")
    parser.add_argument("--out", metavar="DIR",
                        help="where to write the pictures (default: beside the input)")
    parser.add_argument("--svg", action="store_true", help="also write SVG files")
    parser.add_argument("--year", type=int, metavar="YYYY",
                        help="run: the year of regions.png (default 2030 if in the horizon, "
                        "else the last)")
    parser.add_argument("--mc", metavar="MCDIR",
                        help="run: add the commissioning P10-P90 of this ripple mc directory to "
                        "gantt.png")
    parser.add_argument("--vs", metavar="ALTDIR",
                        help="run: also draw compare_jobs.png, this run directory's jobs over "
                        "time against OUTDIR's (the gap shaded)")
    parser.add_argument("--metric", metavar="NAME",
                        help="sweep: the TOTAL column to plot (default job_years_direct); "
                        "mc: the output of tornado.png (default job_years)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="do not list the files written")
    return parser.parse_args(argv)


def detect(path):
    """'run', 'mc', 'sweep' or 'compare', from the files present (InputError otherwise)."""
    from .common import InputError, read_header

    if os.path.isdir(path):
        if os.path.isfile(os.path.join(path, "run.json")):
            return "run"
        if os.path.isfile(os.path.join(path, "mc.json")) or os.path.isfile(
                os.path.join(path, "mc_summary.csv")):
            return "mc"
        raise InputError(f"{path}: no ripple output here (expected run.json from ripple run, "
                         "or mc.json from ripple mc)")
    if os.path.isfile(path):
        header = read_header(path)
        if not header:
            raise InputError(f"{path}: empty file (expected a CSV header row)")
        if header[:5] == ["project", "metric", "base", "alt", "delta"] or header[:4] == [
                "project", "metric", "runs", "mean"]:
            return "compare"
        if header[0] == "index" and "status" in header:
            return "sweep"
        raise InputError(f"{path}: not a CSV file of ripple sweep (index,...,status,...) or "
                         "ripple compare --format csv (project,metric,base,alt,delta or "
                         "project,metric,runs,mean,...)")
    raise InputError(f"{path}: no such file or directory")


def main(argv):
    args = parse_args(argv)
    missing = [name for name in ("matplotlib", "numpy") if importlib.util.find_spec(name) is None]
    if missing:
        print(f"ripple-plot: {sys.executable} lacks {' and '.join(missing)}; install them with: "
              "apt-get install python3-matplotlib python3-numpy", file=sys.stderr)
        return 1

    from .common import InputError, UsageError, apply_style

    written = []
    try:
        kind = detect(args.input)
        input_dir = args.input if kind in ("run", "mc") else os.path.dirname(args.input) or "."
        outdir = args.out or input_dir
        apply_style()
        if kind == "run":
            from .run_plots import plot_run
            plot_run(args.input, outdir, args.svg, args.year, written, args.mc)
            if args.vs:
                from .compare_plots import plot_runs_versus
                if detect(args.vs) != "run":
                    raise InputError(f"{args.vs}: not a ripple run directory (no run.json)")
                plot_runs_versus(args.input, args.vs, outdir, args.svg, written)
        elif kind == "mc":
            from .mc_plots import plot_mc
            plot_mc(args.input, outdir, args.svg, args.metric, written)
        elif kind == "sweep":
            from .sweep_plots import plot_sweep
            plot_sweep(args.input, outdir, args.svg, args.metric, written)
        else:
            from .compare_plots import plot_compare
            plot_compare(args.input, outdir, args.svg, written)
    except InputError as e:
        print(f"ripple-plot: {e}", file=sys.stderr)
        return 3
    except UsageError as e:
        print(f"ripple-plot: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"ripple-plot: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return 1
    except Exception as e:  # a bug here; still one line, and the way to report it
        print(f"ripple-plot: internal error: {type(e).__name__}: {e} (please report it with "
              "the input files)", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"ripple-plot: wrote {', '.join(os.path.basename(p) for p in written)} to "
              f"{outdir}", file=sys.stderr)
    return 0
