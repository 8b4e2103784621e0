"""Pictures of `ripple compare` (docs/compare.md).

- The CSV of `ripple compare --format csv --out FILE` (project,metric,base,alt,delta): per
  project, the shift of commissioning in months and the change in job-years by kind.
- The CSV of `ripple compare --runs N --format csv` (project,metric,runs,mean,sd,p10,p50,p90,
  share_later): the same two panels, means with P10–P90 whiskers.
- Two `ripple run` directories (`ripple-plot BASE_DIR --vs ALT_DIR`): the programme's jobs over
  time in both, the gap shaded. ripple compare writes no per-period data, so this is the way
  to see when the jobs are lost or gained.
"""
import os

import matplotlib.dates as mdates
import matplotlib.lines as mlines
import numpy as np

from .common import (OKABE_ITO, InputError, frame, new_figure, number, read_csv,
                     save, thousands, thousands_axis, year_axis)

DELTA_COLUMNS = ("project", "metric", "base", "alt", "delta")
RUNS_COLUMNS = ("project", "metric", "runs", "mean", "p10", "p90")
KIND_METRICS = [("job_years_direct", "Direct", OKABE_ITO["orange"]),
                ("job_years_indirect", "Indirect", OKABE_ITO["green"]),
                ("job_years_induced", "Induced", OKABE_ITO["purple"])]


def signed(value, decimals=0):
    """+1,234 / −1,234 (a true minus sign) / 0 when it rounds to zero."""
    if round(value, decimals) == 0:
        return f"{0:.{decimals}f}"
    return f"{value:+,.{decimals}f}".replace("-", "−")


def read_deltas(path):
    header, rows = read_csv(path, ())
    paired = header[:5] != list(DELTA_COLUMNS)
    if paired:
        missing = [c for c in RUNS_COLUMNS if c not in header]
        if missing:
            raise InputError(f"{path}: missing column{'s' if len(missing) > 1 else ''} "
                             f"{', '.join(missing)} (expected project,metric,base,alt,delta or "
                             "project,metric,runs,mean,sd,p10,p50,p90,share_later)")
    table = {}
    order = []
    for line, row in enumerate(rows, start=2):
        project = row["project"]
        if project not in order:
            order.append(project)
        table.setdefault(project, {})[row["metric"]] = (line, row)
    return paired, order, table


def plot_compare(path, outdir, svg, written):
    paired, order, table = read_deltas(path)
    projects = [p for p in order if p != "TOTAL"] + (["TOTAL"] if "TOTAL" in table else [])
    if not projects:
        raise InputError(f"{path}: no project rows")

    def value(project, metric, column):
        line, row = table[project].get(metric, (None, None))
        if row is None:
            raise InputError(f"{path}: no row for {project},{metric}")
        return number(row[column], path, line, column) if row[column] != "" else None

    def presence(project):
        if paired or "commissioning" not in table[project]:
            return ""
        _, row = table[project]["commissioning"]
        if row["base"] == "" and row["alt"] != "":
            return "added"
        if row["alt"] == "" and row["base"] != "":
            return "removed"
        return ""

    fig = new_figure()
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.35])
    y = np.arange(len(projects))
    labels = [("Programme (TOTAL)" if p == "TOTAL" else p) + (f" ({presence(p)})"
                                                              if presence(p) else "")
              for p in projects]

    # Left: the commissioning shift.
    if paired:
        shift_metric, col = "commissioning_shift_months", "mean"
    else:
        shift_metric, col = "commissioning", "delta"
    shifts = [value(p, shift_metric, col) for p in projects]
    shift_ends = []
    for i, s in enumerate(shifts):
        if s is None:
            left.text(0, i, "  n/a", va="center", fontsize=9, color="#666666")
            continue
        left.barh(i, s, height=0.6,
                  color=OKABE_ITO["vermillion"] if s > 0 else OKABE_ITO["blue"])
        end = s
        if paired:
            lo, hi = value(projects[i], shift_metric, "p10"), value(projects[i], shift_metric,
                                                                     "p90")
            left.errorbar(s, i, xerr=[[s - lo], [hi - s]], fmt="none", ecolor="black",
                          capsize=3, lw=1)
            end = lo if s < 0 else hi
            shift_ends += [lo, hi]
        shift_ends.append(end)
        left.annotate(signed(s, 1), (end, i), xytext=(4 if s >= 0 else -4, 0),
                      textcoords="offset points", va="center",
                      ha="left" if s >= 0 else "right", fontsize=9, fontweight="bold")
    left.axvline(0, color="black", lw=0.8)
    left.set_xlabel("Shift of commissioning (months; + later)")
    left.set_title("Commissioning date", loc="left")
    pad_axis(left, [s for s in shifts if s is not None] + shift_ends)

    # Right: the change in job-years, by kind (or in total for paired runs).
    if paired:
        changes = [value(p, "job_years_change", "mean") for p in projects]
        for i, c in enumerate(changes):
            right.barh(i, c, height=0.6,
                       color=OKABE_ITO["vermillion"] if c < 0 else OKABE_ITO["green"])
            lo, hi = value(projects[i], "job_years_change", "p10"), value(
                projects[i], "job_years_change", "p90")
            right.errorbar(c, i, xerr=[[c - lo], [hi - c]], fmt="none", ecolor="black",
                           capsize=3, lw=1)
        totals = changes
        ends = [min(c, value(p, "job_years_change", "p10")) if c < 0 else
                max(c, value(p, "job_years_change", "p90")) for p, c in zip(projects, changes)]
        extent = [value(p, "job_years_change", q) for p in projects for q in ("p10", "p90")]
    else:
        pos, neg = np.zeros(len(projects)), np.zeros(len(projects))
        for metric, label, colour in KIND_METRICS:
            d = np.array([value(p, metric, "delta") or 0.0 for p in projects])
            start = np.where(d >= 0, pos, neg)
            right.barh(y, d, left=start, height=0.6, color=colour,
                       label=label if d.any() else None)
            pos += np.where(d >= 0, d, 0)
            neg += np.where(d < 0, d, 0)
        totals = [value(p, "job_years_total", "delta") or 0.0 for p in projects]
        ends = [n if t < 0 else q for t, n, q in zip(totals, neg, pos)]
        extent = list(neg) + list(pos)
        if right.get_legend_handles_labels()[0]:
            right.legend(loc="lower left", bbox_to_anchor=(0, 1.06), ncol=3, borderaxespad=0)
    for i, (t, end) in enumerate(zip(totals, ends)):
        right.annotate(signed(t), (end, i), xytext=(4 if t >= 0 else -4, 0),
                       textcoords="offset points", va="center", ha="left" if t >= 0 else "right",
                       fontsize=9, fontweight="bold")
    right.axvline(0, color="black", lw=0.8)
    right.set_xlabel("Change in job-years over the horizon (person-years)")
    right.set_title("Job-years", loc="left")
    thousands_axis(right.xaxis)
    pad_axis(right, list(ends) + list(totals) + extent)
    right.tick_params(labelleft=False)

    for ax in (left, right):
        ax.set_yticks(y)
        ax.set_ylim(len(projects) - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="y", visible=False)
        if "TOTAL" in projects and len(projects) > 1:
            ax.axhline(len(projects) - 1.5, color="#999999", lw=0.8)
    left.set_yticklabels(labels)

    total_jy = totals[-1] if projects[-1] == "TOTAL" else sum(totals)
    moved = [(abs(s), p, s) for p, s in zip(projects, shifts) if s and p != "TOTAL"]
    headline = f"The cost of the change: {signed(total_jy)} job-years"
    if moved:
        _, p, s = max(moved)
        headline += f", {p} commissioned {signed(s, 1)} months"
    stem = os.path.splitext(os.path.basename(path))[0]
    if paired:
        runs = value(projects[0], shift_metric, "runs")
        sub = (f"ripple compare --runs: mean of {thousands(runs)} paired Monte Carlo runs "
               f"(whiskers P10–P90), {os.path.basename(path)}")
    else:
        sub = f"ripple compare: alternative − base, {os.path.basename(path)}"
    frame(fig, headline, sub, ["Change = alternative − base; job-years counted inside the "
                               "horizon. Indirect and induced jobs are as reliable as the "
                               "economy table (see the run.json of either variant).",
                               "ripple compare writes no per-period data: for jobs over time, "
                               "run both variants and plot them with ripple-plot BASE --vs ALT."])
    save(fig, outdir, stem, svg, written)


def pad_axis(ax, values):
    """Room on both sides for the value labels."""
    lo = min([0.0] + list(values))
    hi = max([0.0] + list(values))
    span = (hi - lo) or 1.0
    ax.set_xlim(lo - span * 0.18, hi + span * 0.18)


def plot_runs_versus(base_dir, alt_dir, outdir, svg, written):
    """Jobs over time of two run directories, the gap shaded (compare_jobs.png)."""
    from .run_plots import RunData

    base, alt = RunData(base_dir), RunData(alt_dir)
    if base.period_months != alt.period_months:
        raise InputError(f"{alt_dir}: periods of {alt.period_months} months, but "
                         f"{base_dir} has {base.period_months}")
    periods = sorted(set(base.periods) | set(alt.periods))

    def totals(run):
        parts = run.programme_jobs()
        values = sum(parts.values())
        direct = parts["construction"] + parts["permanent"]
        index = {p: i for i, p in enumerate(run.periods)}
        pick = lambda a: np.array([a[index[p]] if p in index else 0.0 for p in periods])  # noqa
        return pick(values), pick(direct)

    b_all, b_direct = totals(base)
    a_all, a_direct = totals(alt)
    from .common import add_months
    edges = periods + [add_months(periods[-1], base.period_months)]
    x = mdates.date2num(edges)
    fig = new_figure()
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[2.2, 1])
    for ax, b, a, what in ((top, b_all, a_all, "All jobs: direct + indirect + induced"),
                           (bottom, b_direct, a_direct, "Direct jobs")):
        be, ae = np.append(b, b[-1]), np.append(a, a[-1])
        for i in range(len(b)):
            if a[i] != b[i]:
                ax.fill_between(x[i:i + 2], [b[i]] * 2, [a[i]] * 2, lw=0, alpha=0.35,
                                color=OKABE_ITO["green"] if a[i] > b[i] else
                                OKABE_ITO["vermillion"])
        ax.step(x, be, where="post", color=OKABE_ITO["black"], lw=1.8)
        ax.step(x, ae, where="post", color=OKABE_ITO["blue"], lw=1.8, ls="--")
        ax.set_ylabel("Persons (annual avg.)")
        ax.set_title(what, loc="left", fontsize=10)
        thousands_axis(ax.yaxis)
        ax.set_ylim(0, max(1.0, b.max(), a.max()) * 1.1)
    top.set_xlim(x[0], x[-1])
    year_axis(bottom.xaxis, edges[0], edges[-1])
    handles = [mlines.Line2D([], [], color="black", lw=1.8, label=f"Base: {base_dir}"),
               mlines.Line2D([], [], color=OKABE_ITO["blue"], lw=1.8, ls="--",
                             label=f"Alternative: {alt_dir}"),
               mlines.Line2D([], [], color=OKABE_ITO["vermillion"], lw=8, alpha=0.35,
                             label="Jobs lost"),
               mlines.Line2D([], [], color=OKABE_ITO["green"], lw=8, alpha=0.35,
                             label="Jobs gained")]
    top.legend(handles=handles, loc="upper left")
    years = base.period_months / 12.0
    lost = float(np.sum(np.minimum(a_all - b_all, 0)) * years)
    gained = float(np.sum(np.maximum(a_all - b_all, 0)) * years)
    net = gained + lost
    lines = [f"Job-years in the horizon: {signed(lost)} lost, {signed(gained)} gained, net "
             f"{signed(net)} (approximately: period averages × period length)."]
    notes = base.caption(lines)
    if alt.meta.get("overrides"):
        notes.insert(1, "Alternative's overrides: " + "; ".join(alt.meta["overrides"]))
    frame(fig, f"Jobs over time, base and alternative: net {signed(net)} job-years",
          base.scenario_name(), notes)
    save(fig, outdir, "compare_jobs", svg, written)
