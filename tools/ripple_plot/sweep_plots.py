"""Picture of a `ripple sweep` CSV file (docs/campaigns.md): a TOTAL metric against the varied
keys. One key: a line. Two keys: a heat map. More: lines against the last key, one per
combination of the others.

The file has one row per point: index, the varied keys, status, then the TOTAL metrics of
summary.csv and commissioning_<project> / full_capacity_<project>.
"""
import os
import re

import matplotlib.dates as mdates
import numpy as np

from .common import (OKABE_ITO, InputError, UsageError, frame, new_figure, parse_date, read_csv,
                     save, thousands, thousands_axis)

DEFAULT_METRIC = "job_years_direct"
LINE_COLOURS = [OKABE_ITO[c] for c in ("blue", "vermillion", "green", "orange", "purple", "sky",
                                       "black", "yellow")]
UNITS = {
    "capex": "millions",
    "output": "millions",
    "value_added": "millions",
}
METRIC_NAMES = {
    "job_years_direct": "Direct job-years",
    "job_years_indirect": "Indirect job-years",
    "job_years_induced": "Induced job-years",
    "peak_construction_jobs": "Peak construction jobs",
    "permanent_jobs": "Permanent jobs at the horizon's end",
    "indirect_jobs": "Indirect jobs at the horizon's end",
    "induced_jobs": "Induced jobs at the horizon's end",
    "commissioning": "Commissioning of the last project",
    "full_capacity": "Full capacity of the last project",
    "capex": "Capex",
    "output": "Output of the projects",
    "value_added": "Value added of indirect and induced effects",
}
QUANTITY = re.compile(r"^\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*([A-Za-z_%]*)\s*$")


def metric_unit(metric):
    if metric.startswith("job_years"):
        return "person-years"
    if metric.endswith("_jobs") or metric.endswith("_jobs_host") or metric.endswith("_jobs_rest"):
        return "persons"
    if metric.startswith("commissioning") or metric.startswith("full_capacity"):
        return "date"
    return UNITS.get(metric, "")


def key_values(texts):
    """The values of a varied key: numbers (with their unit, e.g. '33 months') when every
    value is one, else the texts as categories. Returns (positions, tick labels, unit)."""
    matches = [QUANTITY.match(t) for t in texts]
    units = {m.group(2) for m in matches if m}
    if all(matches) and len(units) == 1:
        return np.array([float(m.group(1)) for m in matches]), None, units.pop()
    distinct = list(dict.fromkeys(texts))
    return np.array([distinct.index(t) for t in texts], dtype=float), distinct, ""


def key_label(key, unit):
    """'projects.satimola.phases.shaft_sinking.duration' -> 'satimola shaft_sinking duration'."""
    parts = key.split(".")
    if parts[0] == "projects" and len(parts) >= 3:
        parts = [p for i, p in enumerate(parts) if not (i == 0 or p == "phases")]
    text = " ".join(parts)
    return f"{text} ({unit})" if unit else text


def metric_values(rows, metric, path):
    """The metric per row: numbers, or dates as matplotlib date numbers."""
    out = []
    dates = metric_unit(metric) == "date"
    for line, row in rows:
        text = row[metric]
        if dates:
            out.append(mdates.date2num(parse_date(text, path, line, metric)))
        else:
            try:
                out.append(float(text))
            except ValueError:
                raise InputError(f"{path}:{line}: column '{metric}' is not a number: "
                                 f"'{text}'") from None
    return np.array(out), dates


def plot_sweep(path, outdir, svg, metric, written):
    header, all_rows = read_csv(path, ("index", "status"))
    keys = header[1:header.index("status")]
    if not keys:
        raise InputError(f"{path}: no varied key between index and status")
    metric = metric or DEFAULT_METRIC
    if metric not in header[header.index("status") + 1:]:
        raise UsageError(f"--metric {metric}: not a column of {path} (metrics: "
                         f"{', '.join(header[header.index('status') + 1:])})")
    rows = [(line, row) for line, row in enumerate(all_rows, start=2) if row["status"] == "ok"]
    failed = len(all_rows) - len(rows)
    if not rows:
        raise InputError(f"{path}: no point with status ok")
    y, dates = metric_values(rows, metric, path)
    columns = {k: key_values([row[k] for _, row in rows]) for k in keys}
    unit = metric_unit(metric)
    metric_text = f"{metric} ({unit})" if unit and unit != "date" else metric

    fig = new_figure()
    ax = fig.add_subplot()
    if len(keys) == 2:
        heat_map(fig, ax, keys, columns, y, dates, metric_text)
        shape = "heat map"
    else:
        lines(ax, keys, columns, y, dates, metric_text)
        shape = "line"
    stem = os.path.splitext(os.path.basename(path))[0]
    notes = [f"{len(rows)} points of ripple sweep ({os.path.basename(path)}); every other input "
             "at the scenario's value, durations at their mode."]
    if failed:
        notes.append(f"{failed} point{'s' if failed > 1 else ''} failed (status error) and "
                     "{'are' if failed > 1 else 'is'} not shown.")
    if metric.startswith(("indirect", "induced", "job_years_indirect", "job_years_induced",
                          "value_added")):
        notes.append("Indirect and induced jobs come from the scenario's economy table; check "
                     "whether it is illustrative (ripple run's run.json).")
    against = " and ".join(key_label(k, "") for k in keys[:2]) + (" and more" if len(keys) > 2
                                                                   else "")
    name = METRIC_NAMES.get(metric, metric)
    frame(fig, f"{name} against {against}", f"What-if sweep ({shape}): {stem}", notes)
    save(fig, outdir, stem, svg, written)


def lines(ax, keys, columns, y, dates, metric_text):
    last = keys[-1]
    x, ticks, unit = columns[last]
    others = keys[:-1]
    groups = {}
    for i in range(len(y)):
        label = ", ".join(f"{key_label(k, '')} = {columns[k][1][int(columns[k][0][i])]}"
                          if columns[k][1] else f"{key_label(k, '')} = {columns[k][0][i]:g}"
                          f"{' ' + columns[k][2] if columns[k][2] else ''}" for k in others)
        groups.setdefault(label, []).append(i)
    if len(groups) > len(LINE_COLOURS):
        raise UsageError(f"{len(groups)} combinations of {', '.join(others)}: too many lines "
                         f"(at most {len(LINE_COLOURS)}); sweep fewer values")
    for colour, (label, members) in zip(LINE_COLOURS, groups.items()):
        members = sorted(members, key=lambda i: x[i])
        ax.plot(x[members], y[members], marker="o", color=colour, lw=2, label=label or None)
        if len(groups) == 1 and len(members) <= 15:
            for i in members:
                text = mdates.num2date(y[i]).strftime("%Y-%m") if dates else thousands(y[i])
                ax.annotate(text, (x[i], y[i]), xytext=(0, 7), textcoords="offset points",
                            ha="center", fontsize=8.5)
    if ticks:
        ax.set_xticks(range(len(ticks)))
        ax.set_xticklabels(ticks)
    elif len(set(x)) <= 15:
        ax.set_xticks(sorted(set(x)))
    ax.set_xlabel(key_label(last, unit))
    ax.set_ylabel(metric_text)
    if dates:
        ax.yaxis_date()
        ax.yaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    else:
        thousands_axis(ax.yaxis)
        lo, hi = float(np.min(y)), float(np.max(y))
        pad = (hi - lo) * 0.12 or abs(hi) * 0.05 or 1.0
        ax.set_ylim(lo - pad, hi + pad)
    if others:
        ax.legend(loc="best")


def heat_map(fig, ax, keys, columns, y, dates, metric_text):
    (kx, ky) = (keys[1], keys[0])  # the last key varies fastest: columns; the first: rows
    x_pos, x_ticks, x_unit = columns[kx]
    y_pos, y_ticks, y_unit = columns[ky]
    xs, ys = sorted(set(x_pos)), sorted(set(y_pos))
    grid = np.full((len(ys), len(xs)), np.nan)
    for i, value in enumerate(y):
        grid[ys.index(y_pos[i]), xs.index(x_pos[i])] = value
    image = ax.imshow(grid, origin="lower", aspect="auto", cmap="viridis")
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label(metric_text)
    if dates:
        bar.ax.yaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    else:
        thousands_axis(bar.ax.yaxis)
    if grid.size <= 150:
        finite = grid[np.isfinite(grid)]
        middle = (finite.min() + finite.max()) / 2 if finite.size else 0
        for r in range(len(ys)):
            for c in range(len(xs)):
                if np.isfinite(grid[r, c]):
                    text = (mdates.num2date(grid[r, c]).strftime("%Y-%m") if dates else
                            thousands(grid[r, c]))
                    ax.text(c, r, text, ha="center", va="center", fontsize=8.5,
                            color="black" if grid[r, c] > middle else "white")
    ax.set_xticks(range(len(xs)))
    ax.set_xticklabels(x_ticks if x_ticks else [f"{v:g}" for v in xs])
    ax.set_yticks(range(len(ys)))
    ax.set_yticklabels(y_ticks if y_ticks else [f"{v:g}" for v in ys])
    ax.set_xlabel(key_label(kx, x_unit))
    ax.set_ylabel(key_label(ky, y_unit))
    ax.grid(False)
