"""Reading ripple's files and the house style of every figure.

Everything that can go wrong with an input raises InputError with a one-line message that
names the file; cli.main prints it and exits 3 (ripple's exit code for invalid input).
"""
import csv
import datetime
import json
import math
import os

import matplotlib

matplotlib.use("Agg")  # files only, never a window

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402

# Every figure is a 16:9 slide: 12 x 6.75 inches at 160 dpi = 1920 x 1080 pixels (the Gantt
# chart grows taller with its rows, see gantt_height_in). tests/plots checks these sizes.
FIG_W_IN = 12.0
FIG_H_IN = 6.75
DPI = 160

# Okabe & Ito (2008), "Color universal design": distinguishable with every common form of
# colour blindness, and in greyscale by lightness.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

# The four kinds of jobs, in stacking order (bottom first), with their colours and labels.
JOB_KINDS = [
    ("construction", "Direct: construction", OKABE_ITO["orange"]),
    ("permanent", "Direct: permanent staff", OKABE_ITO["blue"]),
    ("indirect", "Indirect (supply chain)", OKABE_ITO["green"]),
    ("induced", "Induced (household spending)", OKABE_ITO["purple"]),
]

ILLUSTRATIVE_NOTE = "Illustrative economy: indirect and induced jobs are indicative."


class InputError(Exception):
    """A missing, empty or malformed input file; the message names the file (exit 3)."""


class UsageError(Exception):
    """A command-line value that does not fit the data, e.g. --year outside the horizon
    (exit 2)."""


# ---------------------------------------------------------------------------------------------
# Reading


def read_csv(path, required=(), allow_empty=False):
    """The rows of a CSV file with a header row, as a list of dicts.

    Raises InputError when the file is missing, has no header, lacks a required column, or has
    no data rows (unless allow_empty).
    """
    if not os.path.isfile(path):
        raise InputError(f"{path}: no such file")
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames
            if not header:
                raise InputError(f"{path}: empty file (expected a CSV header row)")
            missing = [c for c in required if c not in header]
            if missing:
                raise InputError(
                    f"{path}: missing column{'s' if len(missing) > 1 else ''} "
                    f"{', '.join(missing)} (header: {','.join(header)})")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise InputError(f"{path}: cannot read: {e}") from None
    if not rows and not allow_empty:
        raise InputError(f"{path}: no data rows (only a header)")
    for number, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise InputError(f"{path}:{number}: wrong number of fields")
    return header, rows


def read_header(path):
    """The first line of a CSV file split on commas, or [] when it is empty."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            first = f.readline().strip()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read: {e}") from None
    return first.split(",") if first else []


def read_json(path):
    """A JSON object from a file; InputError when missing or malformed."""
    if not os.path.isfile(path):
        raise InputError(f"{path}: no such file")
    try:
        with open(path, encoding="utf-8") as f:
            value = json.load(f)
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read: {e}") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from None
    if not isinstance(value, dict):
        raise InputError(f"{path}: expected a JSON object")
    return value


def number(value, path, line, column):
    """A float from a CSV cell; InputError naming the file, line and column otherwise."""
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InputError(f"{path}:{line}: column '{column}' is not a number: '{value}'") from None


def parse_date(value, path=None, line=None, column=None):
    """A date from 'YYYY-MM' or 'YYYY-MM-DD'; InputError naming the cell when malformed."""
    try:
        if len(value) == 7:
            return datetime.date(int(value[:4]), int(value[5:7]), 1)
        return datetime.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        where = f"{path}:{line}: column '{column}'" if path else "date"
        raise InputError(f"{where} is not a date (YYYY-MM or YYYY-MM-DD): '{value}'") from None


def add_months(date, months):
    """The first of the month `months` after `date`'s month."""
    index = date.year * 12 + date.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def date_label(date):
    """'May 2025'."""
    return date.strftime("%b %Y")


def meta_get(meta, *keys, default=None):
    """meta[k1][k2]... or default when any level is missing."""
    value = meta
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return default
        value = value[key]
    return value


# ---------------------------------------------------------------------------------------------
# Style


def apply_style():
    """The rcParams every figure shares: readable at slide size, no chart junk."""
    plt.rcParams.update({
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#dddddd",
        "grid.linewidth": 0.6,
        "axes.axisbelow": True,
        "legend.frameon": False,
        "legend.fontsize": 9,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
        "svg.fonttype": "none",
    })


def thousands(value, _pos=None):
    """12345.6 -> '12,346'; -5 -> '−5' (a true minus sign, as matplotlib's own ticks)."""
    text = f"{value:,.0f}"
    return "0" if text == "-0" else text.replace("-", "\u2212")


def thousands_axis(axis):
    """Tick labels with thousands separators on a matplotlib axis (ax.xaxis / ax.yaxis)."""
    axis.set_major_formatter(mticker.FuncFormatter(thousands))


def year_axis(axis, first, last):
    """Calendar ticks: every year when the span is short, else every 2 or 5 years."""
    years = last.year - first.year + 1
    step = 1 if years <= 18 else 2 if years <= 36 else 5
    axis.set_major_locator(mdates.YearLocator(step))
    axis.set_major_formatter(mdates.DateFormatter("%Y"))
    if step == 1 and years <= 6:
        axis.set_minor_locator(mdates.MonthLocator(bymonth=[4, 7, 10]))


def new_figure(height_in=FIG_H_IN):
    """A figure FIG_W_IN wide; a taller one is rounded up to a quarter inch (40 pixels, exact
    in binary) so that its pixel height is a whole number, as tests/plots checks."""
    if height_in != FIG_H_IN:
        height_in = math.ceil(height_in * 4 - 1e-9) / 4
    return plt.figure(figsize=(FIG_W_IN, height_in), dpi=DPI, layout="constrained")


def frame(fig, title, subtitle=None, caption_lines=()):
    """A bold headline saying what and when, a smaller line saying which scenario, and the
    source and caveats under the plot; the axes are laid out in the space between."""
    height = fig.get_figheight()
    fig.text(0.01, 1.0 - 0.10 / height, title, ha="left", va="top", fontsize=14,
             fontweight="bold")
    top_in = 0.42
    if subtitle:
        fig.text(0.01, 1.0 - 0.40 / height, subtitle, ha="left", va="top", fontsize=10,
                 color="#444444")
        top_in = 0.66
    lines = [line for line in caption_lines if line]
    bottom_in = 0.05
    if lines:
        fig.text(0.01, 0.06 / height, "\n".join(lines), ha="left", va="bottom", fontsize=8,
                 color="#444444", linespacing=1.4)
        bottom_in = 0.12 + 0.17 * len(lines)
    bottom = bottom_in / height
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1.0 - top_in / height - bottom))


def source_lines(meta, command):
    """The caption: which ripple, which scenario, and the illustrative-economy caveat."""
    lines = []
    version = meta.get("ripple_version")
    path = meta_get(meta, "scenario", "path")
    digest = meta_get(meta, "scenario", "content_hash") or meta_get(meta, "scenario", "hash")
    parts = [f"Source: ripple {version}" if version else "Source: ripple", command]
    if path:
        parts.append(f"of {path}" + (f" (hash {digest})" if digest else ""))
    lines.append(" ".join(parts) + ".")
    if meta_get(meta, "economy", "illustrative") is True:
        lines.append(ILLUSTRATIVE_NOTE)
    return lines


def save(fig, outdir, name, svg, written):
    """Writes NAME.png (and NAME.svg) into outdir; appends the paths to `written`."""
    os.makedirs(outdir, exist_ok=True)
    for ext in ("png", "svg") if svg else ("png",):
        path = os.path.join(outdir, f"{name}.{ext}")
        fig.savefig(path, format=ext, metadata={"Software": "ripple-plot"}
                    if ext == "png" else None)
        written.append(path)
    plt.close(fig)
