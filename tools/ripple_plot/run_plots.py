"""Pictures of one `ripple run` directory: gantt.png, jobs.png, regions.png, and resources.png
when the run has shared resources.

Reads run.json, summary.csv, timeseries.csv, schedule.csv and resources.csv (docs/outputs.md);
computes nothing of the model, only sums of what the files say.
"""
import datetime
import math
import os

import matplotlib.dates as mdates
import matplotlib.lines as mlines
import matplotlib.patches as mpatches
import numpy as np

from .common import (FIG_H_IN, JOB_KINDS, OKABE_ITO, InputError, UsageError, add_months,
                     date_label, frame, meta_get, new_figure, number, parse_date, read_csv,
                     read_json, save, source_lines, thousands, thousands_axis, year_axis)

SUMMARY_COLUMNS = ("project", "region", "commissioning", "full_capacity")
TIMESERIES_COLUMNS = ("period", "project", "region", "metric", "value")
SCHEDULE_COLUMNS = ("project", "activity", "start", "finish", "late_finish", "critical")
RESOURCE_COLUMNS = ("period", "resource", "unit", "capacity", "use", "peak_use", "shortfall")
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}
REST = "rest_of_country"
MAX_PANELS = 12  # small multiples in jobs.png: two rows of six at most
MAX_REGION_BARS = 20  # host regions in regions.png; the smaller ones are summed


# ---------------------------------------------------------------------------------------------
# Reading


class RunData:
    """The four files of a run directory, parsed."""

    def __init__(self, directory):
        self.directory = directory
        self.meta = read_json(os.path.join(directory, "run.json"))
        self._read_summary(os.path.join(directory, "summary.csv"))
        self._read_timeseries(os.path.join(directory, "timeseries.csv"))
        self.schedule_path = os.path.join(directory, "schedule.csv")
        self.resources_path = os.path.join(directory, "resources.csv")

    def _read_summary(self, path):
        _, rows = read_csv(path, SUMMARY_COLUMNS)
        self.projects = []  # scenario order
        self.region_of = {}
        self.commissioning = {}
        for line, row in enumerate(rows, start=2):
            if row["project"] == "TOTAL":
                continue
            self.projects.append(row["project"])
            self.region_of[row["project"]] = row["region"]
            if row["commissioning"]:
                self.commissioning[row["project"]] = parse_date(row["commissioning"], path, line,
                                                                "commissioning")
        if not self.projects:
            raise InputError(f"{path}: no project rows (only TOTAL)")

    def _read_timeseries(self, path):
        _, rows = read_csv(path, TIMESERIES_COLUMNS)
        periods = sorted({row["period"] for row in rows})
        self.periods = [parse_date(p, path, None, "period") for p in periods]
        index = {p: i for i, p in enumerate(periods)}
        n = len(periods)
        # values[metric][project][region] = array over periods
        self.values = {}
        for line, row in enumerate(rows, start=2):
            if row["project"] not in self.region_of:
                raise InputError(f"{path}:{line}: project '{row['project']}' is not in "
                                 "summary.csv")
            by_project = self.values.setdefault(row["metric"], {})
            by_region = by_project.setdefault(row["project"], {})
            series = by_region.setdefault(row["region"], np.zeros(n))
            series[index[row["period"]]] += number(row["value"], path, line, "value")
        period = meta_get(self.meta, "calendar", "period")
        if period in PERIOD_MONTHS:
            self.period_months = PERIOD_MONTHS[period]
        elif n >= 2:
            a, b = self.periods[-2], self.periods[-1]
            self.period_months = (b.year - a.year) * 12 + b.month - a.month
        else:
            self.period_months = 12
        self.period_name = period if period in PERIOD_MONTHS else "period"

    def edges(self):
        """Period boundaries: every period's first day and the day after the last period."""
        return self.periods + [add_months(self.periods[-1], self.period_months)]

    def has_economy(self):
        return "indirect_jobs" in self.values or "induced_jobs" in self.values

    def series(self, metric, project, region=None):
        """A metric of a project over the periods, summed over regions unless one is named."""
        by_region = self.values.get(metric, {}).get(project, {})
        total = np.zeros(len(self.periods))
        for name, values in by_region.items():
            if region is None or name == region:
                total += values
        return total

    def jobs(self, project, region=None):
        """{kind: array} for the four kinds of jobs of a project: everywhere (region None), in
        its host region, or in the rest of the country (REST: no direct jobs there)."""
        on_site = region in (None, self.region_of[project])
        nothing = np.zeros(len(self.periods))
        return {
            "construction": self.series("construction_jobs", project) if on_site else nothing,
            "permanent": self.series("permanent_jobs", project) if on_site else nothing.copy(),
            "indirect": self.series("indirect_jobs", project, region),
            "induced": self.series("induced_jobs", project, region),
        }

    def programme_jobs(self):
        total = {kind: np.zeros(len(self.periods)) for kind, _, _ in JOB_KINDS}
        for project in self.projects:
            for kind, values in self.jobs(project).items():
                total[kind] += values
        return total

    def scenario_name(self):
        return meta_get(self.meta, "scenario", "name") or os.path.basename(
            os.path.normpath(self.directory))

    def as_of(self):
        value = meta_get(self.meta, "calendar", "as_of")
        return parse_date(value) if value else None

    def caption(self, extra=()):
        lines = list(extra)
        lines += source_lines(self.meta, "run")
        return lines


# ---------------------------------------------------------------------------------------------
# Gantt chart


def read_schedule(path):
    _, rows = read_csv(path, SCHEDULE_COLUMNS)
    activities = []
    for line, row in enumerate(rows, start=2):
        start = parse_date(row["start"], path, line, "start")
        finish = parse_date(row["finish"], path, line, "finish")
        late = parse_date(row["late_finish"], path, line, "late_finish") if row[
            "late_finish"] else finish
        if row["critical"] not in ("true", "false"):
            raise InputError(f"{path}:{line}: column 'critical' is not true or false: "
                             f"'{row['critical']}'")
        # Files written before shared resources have no wait columns: no waits.
        wait = number(row["wait_days"], path, line, "wait_days") if row.get("wait_days") else 0
        if wait < 0 or wait != int(wait):
            raise InputError(f"{path}:{line}: column 'wait_days' is not a whole number of days "
                             f">= 0: '{row['wait_days']}'")
        # Only a wait for resources is drawn (a shock can also hold a queued phase back).
        waited_for = (row.get("waited_for") or "").split("+") if wait > 0 else []
        if not waited_for or waited_for == [""]:
            wait, waited_for = 0, []
        activities.append({
            "project": row["project"],
            "activity": row["activity"],
            "start": start,
            "finish": finish,
            "late_finish": late,
            "critical": row["critical"] == "true",
            "milestone": start == finish,
            # The day its predecessors allowed it to start, when it then waited for resources.
            "ready": start - datetime.timedelta(days=int(wait)),
            "wait_days": int(wait),
            "waited_for": waited_for,
        })
    return activities


def wait_label(a):
    """The Gantt row's label: the activity, and what it waited for and how long."""
    if a["wait_days"] <= 0:
        return a["activity"]
    return f"{a['activity']} (waited {a['wait_days']:,} d: {', '.join(a['waited_for'])})"


# Beyond this many rows a Gantt chart is no longer read row by row: one row per project then,
# and at most this many projects.
GANTT_MAX_ROWS = 80


def gantt_rows(activities, project_order):
    """[(kind, project, activity-or-None)]: a header row per project, then its activities by
    start date; only the header rows when that would exceed GANTT_MAX_ROWS, and then only the
    first GANTT_MAX_ROWS projects. Returns (rows, note for the caption or None)."""
    by_project = {}
    for a in activities:
        by_project.setdefault(a["project"], []).append(a)
    order = [p for p in project_order if p in by_project]
    order += [p for p in by_project if p not in order]
    if len(order) + len(activities) <= GANTT_MAX_ROWS:
        rows = []
        for project in order:
            rows.append(("project", project, None))
            for a in sorted(by_project[project], key=lambda a: (a["start"], a["finish"])):
                rows.append(("activity", project, a))
        return rows, None
    note = (f"{len(activities):,} activities: one row per project, from its first start to its "
            "last finish")
    if len(order) > GANTT_MAX_ROWS:
        note += f"; the first {GANTT_MAX_ROWS} of {len(order):,} projects in scenario order"
        order = order[:GANTT_MAX_ROWS]
    return [("project", p, None) for p in order], note + "."


def gantt_height_in(row_count):
    """Taller than a slide when there are many rows, so that labels never overlap."""
    return max(FIG_H_IN, 1.9 + 0.165 * row_count)


def draw_gantt(ax, rows, spans, as_of=None, commissioning=None, region_of=None, whiskers=None):
    """Bars per activity (critical highlighted), float as a thin line, milestones as diamonds,
    a summary bar per project, the as-of date as a dashed line. `whiskers` maps a project to
    (p10, p50, p90) commissioning dates of a Monte Carlo campaign."""
    commissioning = commissioning or {}
    region_of = region_of or {}
    whiskers = whiskers or {}
    labels, weights = [], []
    shown = {project for _, project, _ in rows}
    first = min(spans[p][0] for p in shown)
    waits = False
    last = max(max(spans[p][1], spans[p][2]) for p in shown)
    collapsed = all(kind == "project" for kind, _, _ in rows)
    band = 0
    for y, (kind, project, a) in enumerate(rows):
        if kind == "project":
            span = spans[project]
            count = sum(1 for r in rows if r[1] == project)
            if band % 2 == 0 and not collapsed:
                ax.axhspan(y - 0.5, y + count - 0.5, color="#f3f3f3", zorder=0, lw=0)
            band += 1
            ax.barh(y, mdates.date2num(span[1]) - mdates.date2num(span[0]),
                    left=mdates.date2num(span[0]), height=0.5 if collapsed else 0.22,
                    color="#555555", zorder=2)
            if project in commissioning:
                ax.plot(mdates.date2num(commissioning[project]), y, marker="v", ms=8,
                        color=OKABE_ITO["black"], zorder=5, ls="none")
            if project in whiskers:
                p10, p50, p90 = whiskers[project]
                ax.errorbar(mdates.date2num(p50), y,
                            xerr=[[mdates.date2num(p50) - mdates.date2num(p10)],
                                  [mdates.date2num(p90) - mdates.date2num(p50)]],
                            fmt="o", ms=4, color=OKABE_ITO["purple"], ecolor=OKABE_ITO["purple"],
                            elinewidth=2, capsize=4, zorder=6)
                last = max(last, p90)
            region = region_of.get(project)
            labels.append(f"{project} ({region})" if region else project)
            weights.append("normal" if collapsed else "bold")
            continue
        colour = OKABE_ITO["vermillion"] if a["critical"] else OKABE_ITO["sky"]
        start, finish = mdates.date2num(a["start"]), mdates.date2num(a["finish"])
        if a["milestone"]:
            ax.plot(start, y, marker="D", ms=6.5, color=colour, mec="black", mew=0.6, zorder=4,
                    ls="none")
        else:
            ax.barh(y, finish - start, left=start, height=0.62, color=colour, zorder=3)
        if a["wait_days"] > 0:
            # Hatched from the ready day to the start: the time it stood waiting for resources.
            waits = True
            ready = mdates.date2num(a["ready"])
            ax.barh(y, start - ready, left=ready, height=0.62, color="white",
                    edgecolor=OKABE_ITO["orange"], hatch="////", lw=0.8, zorder=3)
            first = min(first, a["ready"])
        if a["late_finish"] > a["finish"] and not a["critical"]:
            late = mdates.date2num(a["late_finish"])
            ax.plot([finish, late], [y, y], color="#666666", lw=1.0, zorder=2)
            ax.plot(late, y, marker="|", ms=7, color="#666666", zorder=2)
        labels.append(wait_label(a))
        weights.append("normal")

    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(labels)
    for tick, weight in zip(ax.get_yticklabels(), weights):
        tick.set_fontweight(weight)
        if weight == "normal":
            tick.set_color("#333333")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    if as_of:
        first, last = min(first, as_of), max(last, as_of)
    lo = datetime.date(first.year, 1, 1)
    hi = datetime.date(last.year + 1, 1, 1)
    ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
    year_axis(ax.xaxis, lo, hi)
    if as_of:
        x = mdates.date2num(as_of)
        ax.axvline(x, color="black", ls="--", lw=1.1, zorder=6)
        ax.annotate(f"as of {date_label(as_of)}", (x, 0), xycoords=("data", "axes fraction"),
                    xytext=(0, -3), textcoords="offset points", fontsize=8.5, ha="center",
                    va="top", fontweight="bold")
    # Years on top only: the chart reads downwards, and the space below is the legend's.
    ax.xaxis.set_tick_params(labeltop=True, top=True, labelbottom=False)

    handles = [] if collapsed else [
        mpatches.Patch(color=OKABE_ITO["vermillion"], label="Critical (no float)"),
        mpatches.Patch(color=OKABE_ITO["sky"], label="Has float"),
        mlines.Line2D([], [], color="#666666", lw=1.0, marker="|", ms=7,
                      label="Float: latest finish without delaying the project"),
        mlines.Line2D([], [], color=OKABE_ITO["sky"], marker="D", mec="black", mew=0.6,
                      ls="none", label="Milestone"),
    ]
    if waits:
        handles.append(mpatches.Patch(facecolor="white", edgecolor=OKABE_ITO["orange"],
                                      hatch="////", label="Waiting for a shared resource"))
    handles.append(mpatches.Patch(color="#555555", label="Project span"))
    if commissioning:
        handles.append(mlines.Line2D([], [], color="black", marker="v", ls="none", ms=8,
                                     label="Commissioning"))
    if whiskers:
        handles.append(mlines.Line2D([], [], color=OKABE_ITO["purple"], marker="o", ms=4,
                                     lw=2, label="Commissioning P10–P50–P90 (Monte Carlo)"))
    if as_of:
        handles.append(mlines.Line2D([], [], color="black", ls="--", lw=1.1, label="As of"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 0), ncol=4, fontsize=8.5,
              handlelength=1.8, borderaxespad=1.3)
    return first, last


def plot_gantt(run, outdir, svg, written, mc_dir=None):
    activities = read_schedule(run.schedule_path)
    rows, collapsed_note = gantt_rows(activities, run.projects)
    spans = {}
    for a in activities:
        lo, hi, late = spans.get(a["project"], (a["start"], a["finish"], a["late_finish"]))
        spans[a["project"]] = (min(lo, a["start"]), max(hi, a["finish"]),
                               max(late, a["late_finish"]))
    fig = new_figure(gantt_height_in(len(rows)))
    ax = fig.add_subplot()
    as_of = run.as_of()
    first_date = min(a["start"] for a in activities)
    last_date = max(a["finish"] for a in activities)
    whiskers, note = None, None
    if mc_dir:
        from .mc_plots import McData
        mc = McData(mc_dir)
        whiskers = mc.whiskers()
        note = (f"Purple: commissioning P10, median and P90 of {thousands(mc.runs_count())} "
                f"Monte Carlo runs ({mc_dir}).")
    draw_gantt(ax, rows, spans, as_of, run.commissioning, run.region_of, whiskers)
    status = f", as of {date_label(as_of)}" if as_of else ""
    waited = [a for a in activities if a["wait_days"] > 0]
    wait_note = (f"Hatched orange: {len(waited):,} phase{'s' if len(waited) > 1 else ''} "
                 "waited for shared resources from the day their predecessors allowed them to "
                 "start (schedule.csv wait_days, waited_for); float and criticality are CPM's, "
                 "without resources." if waited else None)
    frame(fig, f"Schedule of the programme, {first_date.year}–{last_date.year}: phases, "
          f"critical path and milestones{status}", run.scenario_name(),
          run.caption(["Dates of the deterministic run (each uncertain duration at its mode); "
                       "float and criticality from the critical-path method on the plan.",
                       wait_note, collapsed_note, note]))
    save(fig, outdir, "gantt", svg, written)


# ---------------------------------------------------------------------------------------------
# Jobs over time


def stacked_steps(ax, edges, parts, labels=True):
    """Stacked step areas: each period's value holds from its first day to the next period."""
    x = mdates.date2num(edges)
    bottom = np.zeros(len(edges) - 1)
    for kind, label, colour in JOB_KINDS:
        values = parts[kind]
        top = bottom + values
        ax.fill_between(x, np.append(bottom, bottom[-1]), np.append(top, top[-1]), step="post",
                        color=colour, lw=0, label=label if labels else None)
        bottom = top
    ax.step(x, np.append(bottom, bottom[-1]), where="post", color="#333333", lw=0.8)
    return bottom


def plot_jobs(run, outdir, svg, written):
    edges = run.edges()
    programme = run.programme_jobs()
    panels = run.projects
    panels_note = ""
    if len(panels) > MAX_PANELS:
        # The projects with the most job-years, in scenario order.
        weight = {p: float(sum(run.jobs(p).values()).sum()) for p in run.projects}
        top = set(sorted(run.projects, key=lambda p: -weight[p])[:MAX_PANELS])
        panels = [p for p in run.projects if p in top]
        panels_note = (f"Panels: the {MAX_PANELS} projects with the most job-years, of "
                       f"{len(run.projects):,}.")
    n = len(panels)
    columns = min(n, 5) if n <= 5 else min(6, math.ceil(n / math.ceil(n / 6)))
    small_rows = math.ceil(n / columns)
    height = FIG_H_IN + max(0, small_rows - 1) * 1.7
    fig = new_figure(height)
    grid = fig.add_gridspec(1 + small_rows, columns, height_ratios=[3.2] + [1.6] * small_rows)

    ax = fig.add_subplot(grid[0, :])
    total = stacked_steps(ax, edges, programme)
    ax.set_ylabel("Jobs (persons, annual average)")
    thousands_axis(ax.yaxis)
    ax.set_xlim(mdates.date2num(edges[0]), mdates.date2num(edges[-1]))
    year_axis(ax.xaxis, edges[0], edges[-1])
    ax.set_ylim(0, max(1.0, total.max()) * 1.12)
    peak = int(np.argmax(total))
    peak_x = mdates.date2num(run.periods[peak]) + (mdates.date2num(edges[peak + 1]) -
                                                   mdates.date2num(edges[peak])) / 2
    start = run.periods[peak]
    when = (str(start.year) if run.period_months == 12 else
            f"Q{(start.month - 1) // 3 + 1} {start.year}" if run.period_months == 3 else
            date_label(start))
    ax.annotate(f"Peak: {thousands(total[peak])} jobs in {when}", (peak_x, total[peak]),
                xytext=(0, 6), textcoords="offset points", ha="center", va="bottom",
                fontsize=9, fontweight="bold")
    handles, labels = ax.get_legend_handles_labels()
    shown = [(h, l) for (kind, _, _), h, l in zip(JOB_KINDS, handles, labels)
             if programme[kind].any()]
    # Above the plot, right-aligned beside the panel title: never over the data.
    ax.legend([h for h, _ in shown], [l for _, l in shown], loc="lower right",
              bbox_to_anchor=(1.0, 1.0), ncol=len(shown), borderaxespad=0.2)
    ax.set_title("Programme total", loc="left")

    shared = None
    peak_small = max(1.0, max(sum(run.jobs(p).values()).max() for p in panels))
    for i, project in enumerate(panels):
        sub = fig.add_subplot(grid[1 + i // columns, i % columns], sharey=shared)
        shared = shared or sub
        stacked_steps(sub, edges, run.jobs(project), labels=False)
        sub.set_xlim(mdates.date2num(edges[0]), mdates.date2num(edges[-1]))
        sub.set_ylim(0, peak_small * 1.08)
        sub.set_title(f"{project} ({run.region_of[project]})", fontsize=9, loc="left")
        span_years = edges[-1].year - edges[0].year
        sub.xaxis.set_major_locator(mdates.YearLocator(1 if span_years <= 6 else
                                                       2 if span_years <= 12 else 5))
        sub.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        thousands_axis(sub.yaxis)
        sub.tick_params(labelsize=8)
        if i % columns != 0:
            sub.tick_params(labelleft=False)
        else:
            sub.set_ylabel("Jobs", fontsize=9)

    first, last = edges[0].year, add_months(edges[-1], -1).year
    if run.has_economy():
        title = f"Jobs created by the programme, {first}–{last}: direct, indirect and induced"
        note = (f"Annual-average persons employed in each {run.period_name}; indirect and "
                "induced jobs in the host regions and the rest of the country. Project panels "
                "share one scale.")
    else:
        title = f"Direct jobs created by the programme, {first}–{last}"
        note = (f"Annual-average persons employed in each {run.period_name}. The scenario names "
                "no economy: no indirect or induced jobs. Project panels share one scale.")
    frame(fig, title, run.scenario_name(), run.caption([note, panels_note]))
    save(fig, outdir, "jobs", svg, written)


# ---------------------------------------------------------------------------------------------
# Jobs by region at one year


def pick_year(run, year):
    years = sorted({p.year for p in run.periods})
    if year is None:
        return 2030 if 2030 in years else years[-1]
    if year not in years:
        raise UsageError(f"--year {year}: not in timeseries.csv (periods cover "
                         f"{years[0]}–{years[-1]})")
    return year


def plot_regions(run, outdir, svg, written, year=None):
    year = pick_year(run, year)
    in_year = np.array([p.year == year for p in run.periods])

    def at_year(values):
        return float(values[in_year].mean())

    hosts = []  # host regions in scenario order
    for project in run.projects:
        if run.region_of[project] not in hosts:
            hosts.append(run.region_of[project])
    rows = []
    for region in hosts:
        members = [p for p in run.projects if run.region_of[p] == region]
        parts = {kind: 0.0 for kind, _, _ in JOB_KINDS}
        for project in members:
            for kind, values in run.jobs(project, region).items():
                parts[kind] += at_year(values)
        who = ", ".join(members) if len(members) <= 3 else f"{len(members)} projects"
        rows.append((f"{region}\n({who})", parts))
    if len(rows) > MAX_REGION_BARS:
        total = {label: sum(parts.values()) for label, parts in rows}
        keep = set(sorted(total, key=lambda label: -total[label])[:MAX_REGION_BARS - 1])
        others = [parts for label, parts in rows if label not in keep]
        rows = [(label, parts) for label, parts in rows if label in keep]
        rows.append((f"Other host regions\n({len(others)} regions)",
                     {kind: sum(p[kind] for p in others) for kind, _, _ in JOB_KINDS}))
    if run.has_economy():
        parts = {kind: 0.0 for kind, _, _ in JOB_KINDS}
        for project in run.projects:
            for kind, values in run.jobs(project, REST).items():
                parts[kind] += at_year(values)
        rows.append(("Rest of the country\n(all projects)", parts))

    fig = new_figure(max(FIG_H_IN, 1.9 + 0.42 * len(rows)))
    ax = fig.add_subplot()
    y = np.arange(len(rows))
    left = np.zeros(len(rows))
    for kind, label, colour in JOB_KINDS:
        widths = np.array([parts[kind] for _, parts in rows])
        if kind == "permanent" or widths.any():
            ax.barh(y, widths, left=left, height=0.62, color=colour, label=label)
        left += widths
    biggest = max(1.0, left.max())
    for i, total in enumerate(left):
        ax.text(total + biggest * 0.008, i, thousands(total), va="center", ha="left",
                fontsize=9, fontweight="bold")
    ax.set_yticks(y)
    ax.set_yticklabels([label for label, _ in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, biggest * 1.1)
    thousands_axis(ax.xaxis)
    ax.set_xlabel(f"Jobs in {year} (persons, annual average)")
    if run.has_economy():
        ax.axhline(len(rows) - 1.5, color="#999999", lw=0.8)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=4, borderaxespad=0.3)
    grand = left.sum()
    frame(fig, f"Where the jobs are in {year}: {thousands(grand)} jobs by region, direct, "
          "indirect and induced", run.scenario_name(),
          run.caption(["Direct jobs are on the projects' sites; indirect and induced jobs in "
                       "each host region, and in the rest of the country, from the regionalised "
                       "input-output model."]))
    save(fig, outdir, "regions", svg, written)


# ---------------------------------------------------------------------------------------------
# Shared resources: use against capacity


RESOURCE_COLUMNS_PER_ROW = 3


def read_resources(path, periods):
    """{resource: {"unit", "capacity", "use", "peak_use", "shortfall"}} from resources.csv,
    arrays over `periods` (the run's reporting periods), resources in file order."""
    _, rows = read_csv(path, RESOURCE_COLUMNS)
    index = {p: i for i, p in enumerate(periods)}
    resources = {}
    for line, row in enumerate(rows, start=2):
        period = parse_date(row["period"], path, line, "period")
        if period not in index:
            raise InputError(f"{path}:{line}: period {row['period']} is not a reporting period "
                             "of timeseries.csv")
        r = resources.setdefault(row["resource"], {
            "unit": row["unit"],
            **{k: np.zeros(len(periods)) for k in ("capacity", "use", "peak_use", "shortfall")}})
        for key in ("capacity", "use", "peak_use", "shortfall"):
            r[key][index[period]] = number(row[key], path, line, key)
    return resources


def resources_height_in(count):
    """Two rows of panels fit a slide; more rows grow the figure."""
    rows = math.ceil(count / RESOURCE_COLUMNS_PER_ROW)
    return FIG_H_IN + max(0, rows - 2) * 2.4


def plot_resources(run, outdir, svg, written):
    """resources.png: per resource, the capacity in force, what phases or plants used (and the
    busiest day), and what was asked for and not supplied, per reporting period."""
    resources = read_resources(run.resources_path, run.periods)
    edges = run.edges()
    x = mdates.date2num(edges)
    n = len(resources)
    columns = min(n, RESOURCE_COLUMNS_PER_ROW)
    fig = new_figure(resources_height_in(n))
    rows = math.ceil(n / columns)
    # A thin last row holds the legend, under the panels.
    grid = fig.add_gridspec(rows + 1, columns, height_ratios=[1.0] * rows + [0.12])
    short_periods = 0
    for i, (name, r) in enumerate(resources.items()):
        ax = fig.add_subplot(grid[i // columns, i % columns])
        use, short = r["use"], r["shortfall"]
        ax.stairs(use, x, fill=True, color=OKABE_ITO["sky"], label="Used (period mean)")
        ax.stairs(use + short, x, baseline=use, fill=True, facecolor="white",
                  edgecolor=OKABE_ITO["vermillion"], hatch="////", lw=0.6,
                  label="Short: phases waiting, workers imported or production cut")
        ax.stairs(r["peak_use"], x, color=OKABE_ITO["blue"], lw=1.0, ls=":",
                  label="Busiest day")
        ax.stairs(r["capacity"], x, color="black", lw=1.6, label="Capacity")
        short_periods += int((short > 0).sum())
        top = float(max((use + short).max(), r["capacity"].max(), r["peak_use"].max()))
        top = top if top > 0 else 1.0
        ax.set_ylim(0, top * 1.12)
        ax.set_xlim(x[0], x[-1])
        span_years = edges[-1].year - edges[0].year
        ax.xaxis.set_major_locator(mdates.YearLocator(1 if span_years <= 6 else
                                                      2 if span_years <= 12 else 5))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        if top >= 1000:
            thousands_axis(ax.yaxis)  # small amounts (bcm/yr) keep matplotlib's decimals
        ax.set_ylabel(r["unit"])
        periods_short = int((short > 0).sum())
        ax.set_title(f"{name}: short in {periods_short} of {len(run.periods)} "
                     f"{run.period_name}s" if periods_short else f"{name}: never short",
                     loc="left", fontsize=10)
        ax.tick_params(labelsize=8)
        if i == 0:
            handles, labels = ax.get_legend_handles_labels()
    legend_ax = fig.add_subplot(grid[rows, :])
    legend_ax.axis("off")
    legend_ax.legend(handles, labels, loc="center left", ncol=4, fontsize=8.5, frameon=False)
    first, last = edges[0].year, add_months(edges[-1], -1).year
    frame(fig, f"Shared resources, {first}–{last}: use against capacity, and what was short",
          run.scenario_name(),
          run.caption([f"Per {run.period_name}: means over its days of the capacity in force and "
                       "of what phases held or plants drew (resources.csv); dotted: the busiest "
                       "day. Hatched: what was asked for and not supplied.",
                       f"{short_periods:,} resource-{run.period_name}s short in all."
                       if short_periods else "No resource was ever short."]))
    save(fig, outdir, "resources", svg, written)


def plot_run(directory, outdir, svg, year, written, mc_dir=None):
    run = RunData(directory)
    year = pick_year(run, year)  # a bad --year fails before any file is written
    plot_gantt(run, outdir, svg, written, mc_dir)
    plot_jobs(run, outdir, svg, written)
    plot_regions(run, outdir, svg, written, year)
    if os.path.isfile(run.resources_path):
        plot_resources(run, outdir, svg, written)
    return run
