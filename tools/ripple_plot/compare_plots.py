"""Pictures of `ripple compare` (docs/compare.md).

- The CSV of `ripple compare --format csv --out FILE` (project,metric,base,alt,delta): per
  project, the shift of commissioning in months and the change in job-years by kind.
- The CSV of `ripple compare --runs N --format csv` (project,metric,runs,mean,sd,p10,p50,p90,
  share_later): the same two panels, means with P10–P90 whiskers.
- The same deterministic CSV, when it has the `jobs@YYYY-MM` rows (direct + indirect + induced
  jobs per reporting period): the programme's jobs over time in base and alternative, the gap
  shaded (FILE_jobs.png).
- Two `ripple run` directories (`ripple-plot BASE_DIR --vs ALT_DIR`): the same picture from
  their timeseries.csv, with direct jobs in a second panel (compare_jobs.png).
"""
import os

import matplotlib.dates as mdates
import matplotlib.lines as mlines
import matplotlib.ticker as mticker
import numpy as np

from .common import (OKABE_ITO, InputError, add_months, frame, new_figure, number, parse_date,
                     read_csv, save, thousands, thousands_axis, year_axis)

DELTA_COLUMNS = ("project", "metric", "base", "alt", "delta")
RUNS_COLUMNS = ("project", "metric", "runs", "mean", "p10", "p90")
JOBS_PREFIX = "jobs@"  # compare --format csv: jobs@YYYY-MM, per reporting period
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
    has_periods = not paired and any(m.startswith(JOBS_PREFIX) for m in table.get("TOTAL", {}))
    if paired:
        runs = value(projects[0], shift_metric, "runs")
        sub = (f"ripple compare --runs: mean of {thousands(runs)} paired Monte Carlo runs "
               f"(whiskers P10–P90), {os.path.basename(path)}")
    else:
        sub = f"ripple compare: alternative − base, {os.path.basename(path)}"
    frame(fig, headline, sub, ["Change = alternative − base; job-years counted inside the "
                               "horizon. Indirect and induced jobs are as reliable as the "
                               "economy table (see the run.json of either variant).",
                               f"Jobs over time: {stem}_jobs.png." if has_periods else
                               "This CSV has no per-period jobs: for jobs over time, run both "
                               "variants and plot them with ripple-plot BASE --vs ALT."])
    save(fig, outdir, stem, svg, written)
    if has_periods:
        plot_compare_jobs(path, table, outdir, svg, written)


def pad_axis(ax, values):
    """Room on both sides for the value labels."""
    lo = min([0.0] + list(values))
    hi = max([0.0] + list(values))
    span = (hi - lo) or 1.0
    ax.set_xlim(lo - span * 0.18, hi + span * 0.18)


def period_years(edges):
    """Length of each period in years (days / 365.25), as ripple counts job-years."""
    return np.array([(b - a).days / 365.25 for a, b in zip(edges[:-1], edges[1:])])


def plot_jobs_versus(edges, panels, labels, headline_net, subtitle, notes, outdir, name, svg,
                     written, gap_panel=False):
    """Jobs over time of a base and an alternative, the gap shaded: vermillion where the
    alternative has fewer jobs, green where it has more.

    edges: period boundaries (dates, one more than the values); panels: [(title, base, alt)],
    the first the programme's jobs, which the caption's job-years and `gap_panel` (a panel of
    alternative − base under the others) describe; labels: (base label, alternative label);
    headline_net: the net change in job-years for the headline, or None to use the periods'.
    """
    x = mdates.date2num(edges)
    years = period_years(edges)
    fig = new_figure()
    ratios = [2.2] + [1] * (len(panels) - 1 + (1 if gap_panel else 0))
    axes = np.atleast_1d(fig.subplots(len(ratios), 1, sharex=True, height_ratios=ratios))
    for ax, (what, b, a) in zip(axes, panels):
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
    _, b_all, a_all = panels[0]
    change = a_all - b_all
    if gap_panel:
        ax = axes[-1]
        ce = np.append(change, change[-1])
        # The shades of the gap above, outlined, so that the two panels read as one.
        ax.fill_between(x, np.minimum(ce, 0), 0, step="post", lw=0, alpha=0.35,
                        color=OKABE_ITO["vermillion"])
        ax.fill_between(x, np.maximum(ce, 0), 0, step="post", lw=0, alpha=0.35,
                        color=OKABE_ITO["green"])
        ax.step(x, ce, where="post", color="#333333", lw=1.0)
        ax.axhline(0, color="black", lw=0.8)
        ax.set_ylabel("Persons")
        ax.set_title("Change: alternative − base", loc="left", fontsize=10)
        thousands_axis(ax.yaxis)
        # Whole persons on the ticks: a small change must not repeat a rounded label.
        ax.yaxis.set_major_locator(mticker.MaxNLocator(nbins=5, integer=True))
        if change.any():
            extent = float(np.abs(change).max())
            ax.set_ylim(min(0.0, float(change.min())) - 0.1 * extent,
                        max(0.0, float(change.max())) + 0.1 * extent)
        else:
            ax.set_ylim(-1, 1)
            ax.text(0.5, 0.7, "no change in any period", transform=ax.transAxes, ha="center",
                    color="#666666", style="italic")
    axes[0].set_xlim(x[0], x[-1])
    year_axis(axes[-1].xaxis, edges[0], add_months(edges[-1], -1))
    handles = [mlines.Line2D([], [], color="black", lw=1.8, label=labels[0]),
               mlines.Line2D([], [], color=OKABE_ITO["blue"], lw=1.8, ls="--", label=labels[1])]
    if any((a < b).any() for _, b, a in panels):
        handles.append(mlines.Line2D([], [], color=OKABE_ITO["vermillion"], lw=8, alpha=0.35,
                                     label="Jobs lost"))
    if any((a > b).any() for _, b, a in panels):
        handles.append(mlines.Line2D([], [], color=OKABE_ITO["green"], lw=8, alpha=0.35,
                                     label="Jobs gained"))
    # Above the plot, right-aligned beside the panel title: never over the data.
    axes[0].legend(handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0),
                   ncol=len(handles), borderaxespad=0.2)
    lost = float(np.sum(np.minimum(change, 0) * years))
    gained = float(np.sum(np.maximum(change, 0) * years))
    net = gained + lost if headline_net is None else headline_net
    lines = [f"Job-years in the horizon: {signed(lost)} lost, {signed(gained)} gained, net "
             f"{signed(gained + lost)} (approximately: period averages × period length)."]
    frame(fig, f"Jobs over time, base and alternative: net {signed(net)} job-years", subtitle,
          lines + list(notes))
    save(fig, outdir, name, svg, written)


def plot_compare_jobs(path, table, outdir, svg, written):
    """FILE_jobs.png from the jobs@YYYY-MM rows of TOTAL in a compare CSV."""
    periods = []
    for metric, (line, row) in table["TOTAL"].items():
        if not metric.startswith(JOBS_PREFIX):
            continue
        when = parse_date(metric[len(JOBS_PREFIX):], path, line, "metric")
        values = [number(row[c], path, line, c) if row[c] != "" else 0.0 for c in ("base", "alt")]
        periods.append((when, *values))
    periods.sort()
    starts = [p for p, _, _ in periods]
    base = np.array([b for _, b, _ in periods])
    alt = np.array([a for _, _, a in periods])
    # The last period as long as the one before it (a year when there is only one).
    step = ((starts[-1].year - starts[-2].year) * 12 + starts[-1].month - starts[-2].month
            if len(starts) >= 2 else 12)
    edges = starts + [add_months(starts[-1], step)]
    net = None
    if "job_years_total" in table["TOTAL"]:
        line, row = table["TOTAL"]["job_years_total"]
        if row["delta"] != "":
            net = number(row["delta"], path, line, "delta")
    stem = os.path.splitext(os.path.basename(path))[0]
    first, last = edges[0].year, add_months(edges[-1], -1).year
    plot_jobs_versus(
        edges, [(f"The programme's jobs, {first}–{last}: direct + indirect + induced", base,
                 alt)],
        ("Base", "Alternative"), net,
        f"ripple compare: base and alternative, {os.path.basename(path)}",
        [("Headline: the change in job-years of the TOTAL row (job_years_total). " if net
          is not None else "") + "Jobs are period averages (persons); indirect and induced "
         "jobs are as reliable as the economy table (see the run.json of either variant)."],
        outdir, f"{stem}_jobs", svg, written, gap_panel=True)


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
    edges = periods + [add_months(periods[-1], base.period_months)]
    notes = base.caption()
    notes.insert(0, f"Base: {base_dir}; alternative: {alt_dir}.")
    if alt.meta.get("overrides"):
        notes.insert(2, "Alternative's overrides: " + "; ".join(alt.meta["overrides"]))
    plot_jobs_versus(edges, [("All jobs: direct + indirect + induced", b_all, a_all),
                             ("Direct jobs", b_direct, a_direct)],
                     (f"Base: {os.path.basename(os.path.normpath(base_dir))}",
                      f"Alternative: {os.path.basename(os.path.normpath(alt_dir))}"), None,
                     base.scenario_name(), notes, outdir, "compare_jobs", svg, written)
