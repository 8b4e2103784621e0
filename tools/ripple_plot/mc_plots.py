"""Pictures of one `ripple mc` directory (docs/montecarlo.md): commissioning ranges, the
probability of finishing on time, the fan chart of jobs over time (mc_jobs_by_period.csv), the
spread of jobs, the tornado of input sensitivities, the criticality of activities and, with
--rank-risks, the ranked risks.
"""
import datetime
import math
import os

import matplotlib.dates as mdates
import matplotlib.lines as mlines
import matplotlib.ticker as mticker
import numpy as np

from .common import (FIG_H_IN, OKABE_ITO, InputError, UsageError, add_months, date_label, frame,
                     meta_get, new_figure, number, parse_date, read_csv, read_json, save,
                     source_lines, thousands, thousands_axis, year_axis)

SUMMARY_COLUMNS = ("metric", "mean", "sd", "p5", "p10", "p50", "p90", "p95", "target",
                   "p_on_time")
PERCENTILES = ("p5", "p10", "p50", "p90", "p95")
FAN_COLUMNS = ("period", "mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95")
MAX_PROJECTS = 30  # rows of mc_commissioning.png and mc_on_time.png
MAX_OUTPUTS = 9  # tornado panels: the programme's job-years and 8 commissioning dates
MAX_ACTIVITIES = 60  # criticality.png: the most critical activities
MAX_RISKS = 30  # mc_risks.png: the costliest risks


class McData:
    """mc.json, mc_summary.csv and mc_runs.csv of a campaign directory."""

    def __init__(self, directory):
        self.directory = directory
        path = os.path.join(directory, "mc.json")
        self.meta = read_json(path) if os.path.isfile(path) else {}
        self.summary_path = os.path.join(directory, "mc_summary.csv")
        _, rows = read_csv(self.summary_path, SUMMARY_COLUMNS)
        self.summary = {row["metric"]: (line, row) for line, row in enumerate(rows, start=2)}
        self.projects = [m[:-len(".commissioning")] for m in self.summary
                         if m.endswith(".commissioning")]
        self.finishes = [m for m in self.summary if m.endswith(".finish")]
        if not self.projects and not self.finishes:
            raise InputError(f"{self.summary_path}: no <project>.commissioning or "
                             "<project>.finish rows")
        # Rows of the per-project charts: at most MAX_PROJECTS, in scenario order.
        self.shown = self.projects[:MAX_PROJECTS]
        self.shown_note = (f"The first {MAX_PROJECTS} of {len(self.projects):,} projects."
                           if len(self.projects) > MAX_PROJECTS else None)
        self.runs_path = os.path.join(directory, "mc_runs.csv")
        self.runs_header, self.runs = read_csv(self.runs_path, ("index",))

    def runs_count(self):
        return self.meta.get("runs") or len(self.runs)

    def dates(self, metric):
        """{percentile: date} of a date metric of mc_summary.csv."""
        line, row = self.summary[metric]
        return {p: parse_date(row[p], self.summary_path, line, p) for p in PERCENTILES}

    def target(self, project):
        line, row = self.summary[f"{project}.commissioning"]
        if not row["target"]:
            return None, None
        return (parse_date(row["target"], self.summary_path, line, "target"),
                number(row["p_on_time"], self.summary_path, line, "p_on_time"))

    def column(self, name):
        """A numeric column of mc_runs.csv as an array (InputError when absent)."""
        if name not in self.runs_header:
            raise InputError(f"{self.runs_path}: missing column {name}")
        return np.array([number(row[name], self.runs_path, i, name)
                         for i, row in enumerate(self.runs, start=2)])

    def whiskers(self):
        """{project: (p10, p50, p90)} of the commissioning dates."""
        out = {}
        for project in self.projects:
            d = self.dates(f"{project}.commissioning")
            out[project] = (d["p10"], d["p50"], d["p90"])
        return out

    def subtitle(self):
        name = meta_get(self.meta, "scenario", "name") or os.path.basename(
            os.path.normpath(self.directory))
        return f"{name} — Monte Carlo, {thousands(self.runs_count())} runs"

    def caption(self, extra=()):
        seed = self.meta.get("seed")
        lines = list(extra)
        lines += source_lines(self.meta, "mc" + (f" (seed {seed})" if seed is not None else ""))
        return lines


# ---------------------------------------------------------------------------------------------


def plot_commissioning(mc, outdir, svg, written):
    """Per project: the P5–P95 and P10–P90 ranges of commissioning and full capacity, the
    median, and the target with the probability of meeting it."""
    n = len(mc.shown)
    fig = new_figure(max(FIG_H_IN, 2.2 + (0.75 if n <= 8 else 0.42) * n))
    ax = fig.add_subplot()
    first = last = None
    styles = (("commissioning", OKABE_ITO["vermillion"], -0.17, "Commissioning"),
              ("full_capacity", OKABE_ITO["blue"], 0.17, "Full capacity"))
    for y, project in enumerate(mc.shown):
        for metric, colour, dy, _ in styles:
            key = f"{project}.{metric}"
            if key not in mc.summary:
                continue
            d = {p: mdates.date2num(v) for p, v in mc.dates(key).items()}
            ax.plot([d["p5"], d["p95"]], [y + dy] * 2, color=colour, lw=1.2, solid_capstyle="butt")
            ax.plot([d["p10"], d["p90"]], [y + dy] * 2, color=colour, lw=7, alpha=0.55,
                    solid_capstyle="butt")
            ax.plot(d["p50"], y + dy, marker="o", ms=6, color=colour, mec="white", mew=1.0)
            lo, hi = mc.dates(key)["p5"], mc.dates(key)["p95"]
            first = lo if first is None else min(first, lo)
            last = hi if last is None else max(last, hi)
        target, p = mc.target(project)
        if target:
            ax.plot(mdates.date2num(target), y - 0.17, marker="|", ms=16, mew=2.2,
                    color="black")
            first, last = min(first, target), max(last, target)
    ax.set_yticks(range(len(mc.shown)))
    labels = []
    for project in mc.shown:
        target, p = mc.target(project)
        labels.append(f"{project}\n{p:.0%} on time by {date_label(target)}" if target
                      else f"{project}\nno target")
    ax.set_yticklabels(labels)
    ax.set_ylim(len(mc.shown) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    lo = first.replace(month=1, day=1)
    hi = last.replace(year=last.year + 1, month=1, day=1)
    ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
    year_axis(ax.xaxis, lo, hi)
    handles = [mlines.Line2D([], [], color=c, lw=7, alpha=0.55, label=f"{label}: P10–P90")
               for _, c, _, label in styles]
    handles += [mlines.Line2D([], [], color="#444444", lw=1.2, label="P5–P95"),
                mlines.Line2D([], [], color="#444444", marker="o", ls="none", label="Median"),
                mlines.Line2D([], [], color="black", marker="|", ms=14, mew=2.2, ls="none",
                              label="Target (commissioning)")]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=5,
              borderaxespad=0.3)
    frame(fig, f"When will the projects start producing? Commissioning and full-capacity dates "
          f"in {thousands(mc.runs_count())} simulated futures", mc.subtitle(),
          mc.caption(["Each run draws every uncertain duration and the risk register; the bars "
                      "span the middle 80% of runs, the thin lines 90%.", mc.shown_note]))
    save(fig, outdir, "mc_commissioning", svg, written)


def plot_on_time(mc, outdir, svg, written):
    fig = new_figure()
    ax = fig.add_subplot()
    y = np.arange(len(mc.shown))
    for i, project in enumerate(mc.shown):
        target, p = mc.target(project)
        if target is None:
            ax.text(0.005, i, "no target in the scenario", va="center", fontsize=9,
                    color="#666666", style="italic")
            continue
        colour = (OKABE_ITO["green"] if p >= 0.8 else OKABE_ITO["orange"] if p >= 0.5 else
                  OKABE_ITO["vermillion"])
        ax.barh(i, p, height=0.6, color=colour)
        ax.text(p + 0.01, i, f"{p:.0%} by {date_label(target)}", va="center", fontsize=9.5,
                fontweight="bold")
    ax.set_yticks(y)
    ax.set_yticklabels(mc.shown)
    ax.set_ylim(len(mc.shown) - 0.5, -0.5)
    ax.set_xlim(0, 1.18)
    ax.xaxis.set_major_locator(mticker.FixedLocator([0, 0.2, 0.4, 0.6, 0.8, 1.0]))
    ax.xaxis.set_major_formatter(mticker.PercentFormatter(1.0, decimals=0))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Probability of commissioning by the target month (share of runs)")
    handles = [mlines.Line2D([], [], color=c, lw=8, label=t) for c, t in (
        (OKABE_ITO["green"], "80% or more"), (OKABE_ITO["orange"], "50–80%"),
        (OKABE_ITO["vermillion"], "under 50%"))]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3,
              borderaxespad=0.3)
    frame(fig, "Will each project be commissioned on time? Probability of meeting its target",
          mc.subtitle(), mc.caption(["Target: the project's reported commissioning month in the "
                                     "scenario; on time means commissioned in or before it.",
                                     mc.shown_note]))
    save(fig, outdir, "mc_on_time", svg, written)


def histogram(ax, values, colour, xlabel, unit):
    p10, p50, p90 = np.percentile(values, [10, 50, 90])
    bins = min(40, max(10, int(math.sqrt(len(values)))))
    if np.ptp(values) == 0:
        bins = 1
    ax.hist(values, bins=bins, color=colour, alpha=0.85, edgecolor="white", linewidth=0.5)
    for value, label, style in ((p10, "P10", ":"), (p50, "median", "-"), (p90, "P90", ":")):
        ax.axvline(value, color="black", ls=style, lw=1.2)
        ax.annotate(f"{label} {thousands(value)}", (value, 1.0),
                    xycoords=("data", "axes fraction"), xytext=(3, -3),
                    textcoords="offset points", rotation=90, va="top", ha="left", fontsize=8.5,
                    bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none", alpha=0.8))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(f"Runs ({unit})")
    thousands_axis(ax.xaxis)
    ax.grid(axis="x", visible=False)


def plot_jobs(mc, outdir, svg, written):
    year = mc.meta.get("jobs_year")
    if year is None:
        years = [c[len("jobs_"):] for c in mc.runs_header
                 if c.startswith("jobs_") and c[len("jobs_"):].isdigit()]
        year = int(years[0]) if years else None
    fig = new_figure()
    panels = []
    if year is not None and f"jobs_{year}" in mc.runs_header:
            panels.append((f"jobs_{year}", "Persons (annual average)", OKABE_ITO["green"],
                       f"Jobs in {year}: direct + indirect + induced"))
    panels.append(("job_years", "Person-years", OKABE_ITO["blue"],
                   "Job-years over the horizon: all kinds"))
    panels.append(("job_years_direct", "Person-years", OKABE_ITO["orange"],
                   "Direct job-years over the horizon"))
    axes = fig.subplots(1, len(panels))
    for ax, (column, xlabel, colour, title) in zip(np.atleast_1d(axes), panels):
        histogram(ax, mc.column(column), colour, xlabel, "count")
        ax.set_title(title, fontsize=10)
        ax.xaxis.set_major_locator(mticker.MaxNLocator(5))
    frame(fig, "How many jobs? The spread of jobs and job-years over the simulated futures",
          mc.subtitle(), mc.caption(["Each histogram counts runs; the lines mark P10, the median "
                                     "and P90. mc_fan.png shows the jobs of every period."]))
    save(fig, outdir, "mc_jobs", svg, written)


def period_name(months):
    return {1: "month", 3: "quarter", 12: "year"}.get(months, "period")


def period_when(start, months):
    """'2030', 'Q3 2030' or 'Jul 2030': the period that starts on `start`."""
    if months == 12 and start.month == 1:
        return str(start.year)
    if months == 3:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return date_label(start)


def plot_fan(mc, outdir, svg, written):
    """The programme's jobs per period over the runs: median, P25–P75 and P5–P95 bands
    (mc_jobs_by_period.csv). Each period's value is its average, held over the period."""
    path = os.path.join(mc.directory, "mc_jobs_by_period.csv")
    _, rows = read_csv(path, FAN_COLUMNS)
    periods = [parse_date(r["period"], path, i, "period") for i, r in enumerate(rows, start=2)]
    q = {c: np.array([number(r[c], path, i, c) for i, r in enumerate(rows, start=2)])
         for c in FAN_COLUMNS[1:]}
    if len(periods) >= 2:
        a, b = periods[-2], periods[-1]
        months = (b.year - a.year) * 12 + b.month - a.month
    else:
        months = 12
    edges = periods + [add_months(periods[-1], months)]
    x = mdates.date2num(edges)

    def held(values):
        return np.append(values, values[-1])

    fig = new_figure()
    ax = fig.add_subplot()
    colour = OKABE_ITO["blue"]
    ax.fill_between(x, held(q["p5"]), held(q["p95"]), step="post", color=colour, alpha=0.16,
                    lw=0, label="90% of runs (P5–P95)")
    ax.fill_between(x, held(q["p25"]), held(q["p75"]), step="post", color=colour, alpha=0.38,
                    lw=0, label="Middle half of runs (P25–P75)")
    ax.step(x, held(q["p50"]), where="post", color="#003f63", lw=2.0, label="Median")
    ax.set_xlim(x[0], x[-1])
    year_axis(ax.xaxis, edges[0], add_months(edges[-1], -1))
    ax.set_ylim(0, max(1.0, float(q["p95"].max())) * 1.15)
    thousands_axis(ax.yaxis)
    ax.set_ylabel(f"Jobs (persons, average over each {period_name(months)})")

    # Labelled: the campaign's jobs year (mc.json; the terminal's "jobs in 2030"), and the
    # period whose P5–P95 range is widest, where the schedule risk shows most.
    marks = []
    year = mc.meta.get("jobs_year")
    in_year = [i for i, p in enumerate(periods) if p.year == year]
    if in_year:
        # Monthly or quarterly periods: the year's period with the highest median stands for it.
        marks.append(max(in_year, key=lambda k: q["p50"][k]))
    else:
        marks.append(int(np.argmax(q["p50"])))
    widest = int(np.argmax(q["p95"] - q["p5"]))
    if widest not in marks and q["p95"][widest] > q["p5"][widest]:
        marks.append(widest)
    # Each label sits above the bands of its period and the neighbours, so it covers no data;
    # two labels within a few periods of each other are stacked, the second above the first.
    tops = [float(q["p95"][max(0, i - 1):i + 2].max()) for i in marks]
    close = len(marks) == 2 and abs(marks[0] - marks[1]) <= 3
    if close:
        tops = [max(tops)] * 2
    for n, (i, top) in enumerate(zip(marks, tops)):
        middle = (x[i] + x[i + 1]) / 2
        ax.plot([middle] * 2, [q["p5"][i], q["p95"][i]], color="black", lw=0.9)
        ax.plot([middle] * 2, [q["p95"][i], top], color="black", lw=0.6, ls=":")
        when = period_when(periods[i], months) + (", widest range" if n > 0 else "")
        text = (f"{when}: median {thousands(q['p50'][i])}\nP5 {thousands(q['p5'][i])} – "
                f"P95 {thousands(q['p95'][i])}")
        ax.annotate(text, (middle, top), xytext=(0, 5 + (34 if close and n > 0 else 0)),
                    textcoords="offset points", ha="center", va="bottom", fontsize=9,
                    fontweight="bold",
                    bbox=dict(boxstyle="square,pad=0.15", fc="white", ec="none", alpha=0.85))
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=3, borderaxespad=0.2)

    first, last = edges[0].year, add_months(edges[-1], -1).year
    frame(fig, f"How many jobs, and when? Programme jobs {first}–{last} over "
          f"{thousands(mc.runs_count())} simulated futures", mc.subtitle(),
          mc.caption([f"Direct (construction and permanent), indirect and induced jobs, all "
                      f"projects and regions, averaged over each {period_name(months)}. The "
                      "bands are percentiles of each period taken separately: no single run "
                      "follows the median line."]))
    save(fig, outdir, "mc_fan", svg, written)


# ---------------------------------------------------------------------------------------------
# Tornado


def input_label(name, unit):
    """'duration:p.phase' -> 'p.phase: duration'; 'risk:r' -> 'r: occurs';
    'risk:r.delay' -> 'r: delay'."""
    kind, _, rest = name.partition(":")
    if kind == "duration":
        return f"{rest}: duration"
    if kind == "risk":
        risk, dot, part = rest.rpartition(".")
        if dot and part in ("delay", "cost"):
            return f"{risk}: {part}"
        return f"{rest}: occurs"
    return f"{name} ({unit})" if unit else name


def output_label(column):
    if column == "job_years":
        return "Job-years of the programme"
    if column.endswith(".commissioning"):
        return f"Commissioning of {column[:-len('.commissioning')]}"
    return column


def tornado(ax, labels, values, top):
    strength = np.where(np.isfinite(values), np.abs(values), -1.0)
    order = np.argsort(-strength, kind="stable")[:top]
    order = order[strength[order] > 0]
    if order.size == 0:
        ax.text(0.5, 0.5, "no input varies this result", transform=ax.transAxes, ha="center",
                va="center", color="#666666", style="italic")
        ax.set_xlim(-1, 1)
        ax.xaxis.set_major_locator(mticker.MultipleLocator(0.5))
        ax.set_yticks([])
        return
    y = np.arange(len(order))
    colours = [OKABE_ITO["vermillion"] if values[i] > 0 else OKABE_ITO["blue"] for i in order]
    ax.barh(y, values[order], color=colours, height=0.7)
    ax.set_yticks(y)
    ax.set_yticklabels([labels[i] for i in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlim(-1, 1)
    ax.xaxis.set_major_locator(mticker.MultipleLocator(0.5))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)


def plot_tornado(mc, outdir, svg, metric, written):
    path = os.path.join(mc.directory, "sensitivity.csv")
    # No rows is valid: a scenario without uncertain durations or risks has no inputs.
    header, rows = read_csv(path, ("input", "unit"), allow_empty=True)
    outputs = [c for c in header if c not in ("input", "unit")]
    outputs.sort(key=lambda c: c != "job_years")  # the programme's result first
    if not outputs:
        raise InputError(f"{path}: no output columns after input,unit")
    if metric:
        if metric not in outputs:
            raise UsageError(f"--metric {metric}: not a column of {path} (outputs: "
                             f"{', '.join(outputs)})")
        outputs = [metric]
    outputs_note = None
    if len(outputs) > MAX_OUTPUTS:
        outputs_note = (f"{MAX_OUTPUTS} of {len(outputs)} results; --metric NAME draws another "
                        "one.")
        outputs = outputs[:MAX_OUTPUTS]
    labels = [input_label(row["input"], row["unit"]) for row in rows]
    columns = 1 if len(outputs) == 1 else 2 if len(outputs) <= 4 else 3
    grid_rows = math.ceil(len(outputs) / columns)
    top = 15 if len(outputs) == 1 else 6
    if not rows:
        outputs, columns, grid_rows = outputs[:1], 1, 1
    fig = new_figure(max(FIG_H_IN, 1.3 + 2.9 * grid_rows))
    axes = np.atleast_1d(fig.subplots(grid_rows, columns, squeeze=False)).ravel()
    for ax, output in zip(axes, outputs):
        # An empty cell: the correlation is undefined (the result or the input never varied).
        values = np.array([number(row[output], path, i, output) if row[output] != "" else np.nan
                           for i, row in enumerate(rows, start=2)])
        tornado(ax, labels, values, top)
        # Right-aligned: a long title then runs over the (empty) label column, not off the page.
        ax.set_title(output_label(output), fontsize=10, loc="right")
        ax.tick_params(axis="y", labelsize=8)
    for ax in axes[len(outputs):]:
        ax.set_visible(False)
    for ax in axes[(grid_rows - 1) * columns:]:
        ax.set_xlabel("Spearman rank correlation")
    shown = f"the {top} strongest inputs" if len(outputs) > 1 or len(rows) > top else "all inputs"

    frame(fig, "What drives the outcome? Inputs ranked by their rank correlation with each result",
          mc.subtitle(),
          mc.caption([f"Showing {shown} per result. Red-orange: a larger input value (longer, "
                      "costlier, or the risk occurring) delays or raises the result; blue: the "
                      "opposite." if rows else "The scenario has no uncertain duration and no "
                      "risk: no input varies.", outputs_note]))
    save(fig, outdir, "tornado", svg, written)


def plot_criticality(mc, outdir, svg, written):
    path = os.path.join(mc.directory, "criticality.csv")
    header, rows = read_csv(path, ("activity", "critical_share"))
    shares = np.array([number(r["critical_share"], path, i, "critical_share")
                       for i, r in enumerate(rows, start=2)])
    # With shared resources: the part of each share in which a resource wait set its start.
    by_resource = ("resource_critical_share" in header and
                   np.array([number(r["resource_critical_share"], path, i,
                                    "resource_critical_share")
                             for i, r in enumerate(rows, start=2)]))
    cap_note = None
    if len(rows) > MAX_ACTIVITIES:
        keep = np.sort(np.argsort(-shares, kind="stable")[:MAX_ACTIVITIES])
        cap_note = (f"The {MAX_ACTIVITIES} most critical of {len(rows):,} activities, in "
                    "scenario order.")
        rows = [rows[i] for i in keep]
        shares = shares[keep]
        if by_resource is not False:
            by_resource = by_resource[keep]
    names = [r["activity"] for r in rows]
    fig = new_figure(max(FIG_H_IN, 1.9 + 0.2 * len(rows)))
    ax = fig.add_subplot()
    y = np.arange(len(rows))
    project = [n.partition(".")[0] for n in names]
    colours = [OKABE_ITO["vermillion"] if s >= 0.5 else OKABE_ITO["sky"] for s in shares]
    ax.barh(y, shares, color=colours, height=0.7)
    resource_note = None
    if by_resource is not False and by_resource.any():
        ax.barh(y, by_resource, color="none", edgecolor=OKABE_ITO["black"], hatch="////",
                lw=0.6, height=0.7)
        resource_note = ("Hatched: the share of runs in which the activity was critical after "
                         "waiting for a shared resource (its start set by a release).")
    band = 0
    for i, p in enumerate(project):
        if i == 0 or p != project[i - 1]:
            count = project.count(p)
            if band % 2 == 0:
                ax.axhspan(i - 0.5, i + count - 0.5, color="#f3f3f3", zorder=0, lw=0)
            band += 1
    for i, s in enumerate(shares):
        ax.text(s + 0.005, i, f"{s:.0%}", va="center", fontsize=7.5)
    ax.set_yticks(y)
    ax.set_yticklabels(names, fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1.06)
    ax.xaxis.set_major_formatter(mticker.PercentFormatter(1.0, decimals=0))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Criticality index: share of runs in which the activity drove its project's "
                  "finish")
    frame(fig, "Which activities decide the dates? Criticality of each phase and milestone",
          mc.subtitle(), mc.caption(["Red-orange bars: critical in at least half of the runs.",
                                     resource_note, cap_note]))
    save(fig, outdir, "criticality", svg, written)


def plot_risks(mc, outdir, svg, written):
    path = os.path.join(mc.directory, "risks.csv")
    _, rows = read_csv(path, ("risk", "probability", "mean_job_years_lost", "mean_delay_months"))
    cap_note = (f"The first {MAX_RISKS} of {len(rows)} risks in the ranking of risks.csv."
                if len(rows) > MAX_RISKS else None)
    rows = rows[:MAX_RISKS]
    lost = np.array([number(r["mean_job_years_lost"], path, i, "mean_job_years_lost")
                     for i, r in enumerate(rows, start=2)])
    delay = np.array([number(r["mean_delay_months"], path, i, "mean_delay_months")
                      for i, r in enumerate(rows, start=2)])
    prob = [number(r["probability"], path, i, "probability") for i, r in enumerate(rows, start=2)]
    fig = new_figure(max(FIG_H_IN, 1.9 + 0.3 * len(rows)))
    ax = fig.add_subplot()
    y = np.arange(len(rows))
    ax.barh(y, lost, height=0.65, color=[OKABE_ITO["vermillion"] if v >= 0 else OKABE_ITO["blue"]
                                         for v in lost])
    ax.axvline(0, color="black", lw=0.8)
    biggest = max(1.0, float(np.max(np.abs(lost))))
    for i in range(len(rows)):
        ax.text(max(lost[i], 0) + biggest * 0.01, i,
                f"{thousands(lost[i])} job-years; {delay[i]:.1f} months of delay",
                va="center", fontsize=8.5)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{r['risk']} (p = {p:.0%})" for r, p in zip(rows, prob)])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(min(0, float(lost.min()) * 1.1), biggest * 1.45)
    thousands_axis(ax.xaxis)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Mean job-years lost to the risk (person-years, all kinds; negative: the risk "
                  "adds jobs, as a cost overrun is more spending)")
    frame(fig, "Which risks cost the most jobs? Each risk switched off in turn", mc.subtitle(),
          mc.caption(["Mean over the runs of the job-years and commissioning months the risk "
                      "costs (common random numbers: the same draws with and without it).",
                      cap_note]))
    save(fig, outdir, "mc_risks", svg, written)


MAX_CURVES = 12  # S-curves per panel of mc_scurve.png


def plot_scurve(mc, outdir, svg, written):
    """The cumulative probability of each project's finish (and of milestones with a target)
    over time, from mc_scurve.csv, with the targets and the share of runs meeting them."""
    path = os.path.join(mc.directory, "mc_scurve.csv")
    header, rows = read_csv(path, ("probability",))
    probabilities = np.array([number(r["probability"], path, i, "probability")
                              for i, r in enumerate(rows, start=2)])
    finishes = [c for c in header if c.endswith(".finish")]
    milestones = [c for c in header if c.endswith(".date") and c in mc.summary
                  and mc.summary[c][1]["target"]]
    panels = [(finishes, "Project finish (latest finish of its activities)")]
    if milestones:
        panels.append((milestones, "Milestones with a target"))
    fig = new_figure()
    axes = np.atleast_1d(fig.subplots(1, len(panels)))
    notes = []
    colours = list(OKABE_ITO.values())
    for ax, (columns, title) in zip(axes, panels):
        if len(columns) > MAX_CURVES:
            notes.append(f"{title}: the first {MAX_CURVES} of {len(columns):,}.")
            columns = columns[:MAX_CURVES]
        lo = hi = None
        for k, column in enumerate(columns):
            dates = [parse_date(r[column], path, i, column) if r[column] else None
                     for i, r in enumerate(rows, start=2)]
            if any(d is None for d in dates):
                continue
            colour = colours[k % len(colours)]
            label = column[:-len(".finish")] if column.endswith(".finish") else column[:-5]
            x = mdates.date2num(dates)
            ax.step(x, probabilities, where="post", color=colour, lw=1.6, label=label,
                    ls="-" if k < len(colours) else "--")
            lo = dates[0] if lo is None else min(lo, dates[0])
            hi = dates[-1] if hi is None else max(hi, dates[-1])
            line, row = mc.summary.get(column, (None, {}))
            if row.get("target"):
                target = parse_date(row["target"], mc.summary_path, line, "target")
                if len(row["target"]) == 7:  # a month is met by any day of it
                    target = add_months(target, 1) - datetime.timedelta(days=1)
                share = number(row["p_on_time"], mc.summary_path, line, "p_on_time")
                ax.plot(mdates.date2num(target), share, marker="D", ms=6, color=colour,
                        mec="black", mew=0.8, ls="none")
                lo, hi = min(lo, target), max(hi, target)
        for level in (0.5, 0.8):
            ax.axhline(level, color="#888888", lw=0.8, ls=":")
            ax.annotate(f"P{int(level * 100)}", (0.0, level), xycoords=("axes fraction", "data"),
                        xytext=(2, 2), textcoords="offset points", fontsize=8, color="#555555")
        ax.set_ylim(0, 1.02)
        ax.yaxis.set_major_formatter(mticker.PercentFormatter(1.0, decimals=0))
        ax.set_ylabel("Share of runs finished by the date")
        ax.set_title(title, fontsize=10)
        if lo is not None:
            start = lo.replace(month=1, day=1)
            end = hi.replace(year=hi.year + 1, month=1, day=1)
            ax.set_xlim(mdates.date2num(start), mdates.date2num(end))
            year_axis(ax.xaxis, start, end)
        ax.legend(loc="lower right", fontsize=8, ncol=1 if len(columns) <= 6 else 2)
    frame(fig, "When will it finish? The probability of finishing by each date (S-curves)",
          mc.subtitle(),
          mc.caption(["Each curve: the share of runs whose date is on or before the date on the "
                      "axis (mc_scurve.csv). Diamonds: the target and the share of runs "
                      "meeting it."] + notes))
    save(fig, outdir, "mc_scurve", svg, written)


def plot_mc(directory, outdir, svg, metric, written):
    mc = McData(directory)
    if mc.projects:
        plot_commissioning(mc, outdir, svg, written)
        plot_on_time(mc, outdir, svg, written)
    if os.path.isfile(os.path.join(directory, "mc_scurve.csv")):
        plot_scurve(mc, outdir, svg, written)
    # Campaigns written before mc_jobs.csv existed have no mc_jobs_by_period.csv.
    if os.path.isfile(os.path.join(directory, "mc_jobs_by_period.csv")):
        plot_fan(mc, outdir, svg, written)
    if "job_years" in mc.runs_header:
        plot_jobs(mc, outdir, svg, written)
    # Written only with mc_inputs.csv (docs/montecarlo.md, "What a campaign writes").
    if os.path.isfile(os.path.join(directory, "sensitivity.csv")):
        plot_tornado(mc, outdir, svg, metric, written)
    if os.path.isfile(os.path.join(directory, "criticality.csv")):
        plot_criticality(mc, outdir, svg, written)
    if os.path.isfile(os.path.join(directory, "risks.csv")):
        plot_risks(mc, outdir, svg, written)
    return mc
