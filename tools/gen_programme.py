#!/usr/bin/python3
"""Write a synthetic ripple programme: a scenario and a matching synthetic economy.

    tools/gen_programme.py --projects P --regions R --sectors S --years Y --seed N OUTDIR

OUTDIR receives:
  scenario.yaml          P projects (3-6 phases and 1-2 milestones each), FS/SS/FF/SF links
                         inside projects and a few across projects (always from an earlier
                         project to a later one, so the graph is acyclic), capex with spending
                         categories, construction crews drawn from regional crew pools,
                         capacities with ramp-ups, durations partly as triangular
                         distributions, a small risk register and a correlation factor.
  economy/economy.yaml   descriptor in the layout of docs/economics.md section 5
  economy/table.csv      S sectors; A = Z x^-1 has column sums 0.15-0.55 (productive)
  economy/regions.csv    employment of R regions plus rest_of_country, by sector

Everything is synthetic (the descriptor says `illustrative: true`) and depends only on the
arguments: the same arguments give byte-identical files. Used by the scale benchmark
(bench/README.md, "Synthetic programme at scale") and by the CTest tools.gen_programme_runs.
Needs numpy; writes YAML as text (no PyYAML).
"""

import argparse
import os
import sys

import numpy as np

START_YEAR = 2025


def fmt(x, digits=4):
    """A plain decimal without exponent or trailing zeros."""
    s = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


def month_date(months_from_start):
    """YYYY-MM of START_YEAR-01 plus a number of months."""
    y, m = divmod(int(months_from_start), 12)
    return f"{START_YEAR + y:04d}-{m + 1:02d}"


def sector_ids(n):
    # The first three are the sectors the capex bridge buys from.
    fixed = ["construction", "machinery", "business_services"]
    ids = fixed[:n] + [f"sector_{i:03d}" for i in range(len(fixed), n)]
    return ids


def write_economy(rng, out_dir, n_sectors, n_regions):
    ids = sector_ids(n_sectors)
    n = n_sectors
    # Sparse-ish technical coefficients: each column buys from ~min(n, 8) sectors plus itself,
    # column sums 0.15-0.55, so (I - A) is a non-singular M-matrix with a positive inverse.
    a = np.zeros((n, n))
    for j in range(n):
        k = min(n, 8)
        suppliers = set(rng.choice(n, size=k, replace=False).tolist()) | {j}
        suppliers = sorted(suppliers)
        weights = rng.gamma(1.0, 1.0, size=len(suppliers))
        colsum = rng.uniform(0.15, 0.55)
        a[suppliers, j] = weights / weights.sum() * colsum
    final = rng.uniform(500.0, 20000.0, size=n)  # USD millions
    x = np.linalg.solve(np.eye(n) - a, final)
    z = a * x[np.newaxis, :]
    inputs = z.sum(axis=0)
    imports = x * rng.uniform(0.05, 0.15, size=n)
    value_added = x - inputs - imports
    compensation = value_added * rng.uniform(0.35, 0.6, size=n)
    other_va = value_added - compensation
    jobs_per_m = rng.uniform(2.0, 40.0, size=n)  # persons per USD million of output
    jobs_per_m[0] = 25.0  # construction
    employment = np.round(x * jobs_per_m)
    households = final * rng.uniform(0.4, 0.8, size=n)
    exports = final - households
    # Consumption financed by compensation: sum = 0.55 of total compensation (Type II stable).
    memo = households / households.sum() * 0.55 * compensation.sum()

    econ_dir = os.path.join(out_dir, "economy")
    os.makedirs(econ_dir, exist_ok=True)
    cols = ids + ["households", "exports", "total_output", "memo_household_consumption"]
    lines = [",".join(["row"] + cols)]
    for i in range(n):
        cells = [fmt(v) for v in z[i]] + [fmt(households[i]), fmt(exports[i]), fmt(x[i]),
                                          fmt(memo[i])]
        lines.append(",".join([ids[i]] + cells))

    def row(label, values):
        return ",".join([label] + [fmt(v) for v in values] + ["", "", "", ""])

    lines.append(row("imports", imports))
    lines.append(row("compensation_of_employees", compensation))
    lines.append(row("other_value_added", other_va))
    lines.append(row("gross_value_added", value_added))
    lines.append(row("employment_persons", employment))
    with open(os.path.join(econ_dir, "table.csv"), "w") as f:
        f.write("\n".join(lines) + "\n")

    # Regions: each takes 1-6% of every sector's jobs (Dirichlet-like spread around a size);
    # rest_of_country takes the remainder, so the regions add up to the nation.
    region_ids = [f"r{i + 1:02d}" for i in range(n_regions)]
    shares = np.zeros((n_regions, n))
    for r in range(n_regions):
        size = rng.uniform(0.01, 0.04)
        shares[r] = size * rng.gamma(4.0, 0.25, size=n)
    total = shares.sum(axis=0)
    scale = np.where(total > 0.8, 0.8 / total, 1.0)
    shares *= scale[np.newaxis, :]
    regional = np.floor(shares * employment[np.newaxis, :])
    rest = employment - regional.sum(axis=0)
    rlines = [",".join(["region", "name"] + ids)]
    for r in range(n_regions):
        rlines.append(",".join([region_ids[r], f"Region {r + 1}"] +
                               [str(int(v)) for v in regional[r]]))
    rlines.append(",".join(["rest_of_country", "Rest of the country"] +
                           [str(int(v)) for v in rest]))
    with open(os.path.join(econ_dir, "regions.csv"), "w") as f:
        f.write("\n".join(rlines) + "\n")

    equipment_sectors = ids[1:2] + ids[3:min(n, 6)]
    w = rng.uniform(0.5, 1.0, size=len(equipment_sectors))
    w = np.round(w / w.sum(), 4)
    w[0] += 1.0 - w.sum()

    def bridge(pairs):
        return "{" + ", ".join(f"{k}: {fmt(v)}" for k, v in pairs) + "}"

    services = [(ids[min(2, n - 1)], 1.0)] if n < 5 else [(ids[2], 0.7), (ids[4], 0.3)]
    works = [(ids[0], 0.9), (ids[min(2, n - 1)], 0.1)] if n > 2 else [(ids[0], 1.0)]
    d = []
    d.append("# SYNTHETIC input-output economy written by tools/gen_programme.py (not real data).")
    d.append(f"name: Synthetic economy, {n} sectors, {n_regions} regions")
    d.append("description: Random productive table (column sums of A 0.15-0.55), USD millions.")
    d.append("source: ripple tools/gen_programme.py")
    d.append("illustrative: true")
    d.append("currency: USD")
    d.append("year: 2024")
    d.append("money_unit: millions")
    d.append("table: {file: table.csv, label_column: row}")
    d.append("sectors:")
    for i, s in enumerate(ids):
        d.append(f"  - {{id: {s}, name: Sector {i + 1}}}")
    d.append("output: {column: total_output}")
    d.append("compensation: {row: compensation_of_employees}")
    d.append("value_added: {row: gross_value_added}")
    d.append("employment: {row: employment_persons, unit: persons}")
    d.append("household_consumption: {column: memo_household_consumption}")
    d.append(f"construction_sector: {ids[0]}")
    d.append("bridge:")
    d.append(f"  works: {bridge(works)}")
    d.append(f"  equipment: {bridge(zip(equipment_sectors, w))}")
    d.append(f"  services: {bridge(services)}")
    d.append("regions: {file: regions.csv, unit: persons}")
    with open(os.path.join(econ_dir, "economy.yaml"), "w") as f:
        f.write("\n".join(d) + "\n")
    return ids, region_ids + ["rest_of_country"]


def duration(rng, mode_months, distributed):
    if not distributed:
        return f"{mode_months} months"
    lo = max(1, int(round(mode_months * rng.uniform(0.75, 0.95))))
    hi = int(round(mode_months * rng.uniform(1.2, 1.8))) + 1
    return f"{{triangular: [{lo} months, {mode_months} months, {hi} months]}}"


def write_scenario(rng, out_dir, n_projects, n_years, sectors, regions, seed):
    end_year = START_YEAR + n_years - 1
    horizon_months = 12 * n_years
    n_crews = len(regions)
    crew_capacity = [int(rng.integers(8000, 20000)) for _ in range(n_crews)]
    phase_names = ["feasibility", "design", "site_preparation", "construction", "installation",
                   "commissioning"]
    link_types = ["FS", "SS", "FF", "SF"]
    out = []
    out.append("# SYNTHETIC programme written by tools/gen_programme.py (not real data):")
    out.append(f"# {n_projects} projects, {len(regions) - 1} regions, {len(sectors)} sectors, "
               f"{n_years} years, seed {seed}.")
    out.append("scenario:")
    out.append(f"  name: Synthetic programme of {n_projects} projects (seed {seed})")
    out.append(f"  as_of: {START_YEAR}-01")
    out.append("calendar:")
    out.append(f"  start: {START_YEAR}-01")
    out.append(f"  end: {end_year}-12")
    out.append("  period: year")
    out.append("  currency: USD")
    out.append("  price_year: 2024")
    out.append(f"  seed: {seed}")
    out.append("economy:")
    out.append("  table: economy/economy.yaml")
    out.append("  flq_delta: 0.25")
    out.append("projects:")

    all_phases = []  # (project_index, project_id, phase_id)
    for p in range(n_projects):
        pid = f"p{p + 1:04d}"
        region = regions[int(rng.integers(0, len(regions)))]
        region_index = regions.index(region)
        sector = sectors[int(rng.integers(0, len(sectors)))]
        n_phases = int(rng.integers(3, 7))
        names = phase_names[:n_phases - 1] + ["commissioning"]
        # Start within the first 60% of the horizon, so that most projects finish in it.
        start_month = int(rng.integers(0, max(1, int(horizon_months * 0.6))))
        out.append(f"  - id: {pid}")
        out.append(f"    name: Synthetic project {p + 1}")
        out.append(f"    region: {region}")
        out.append(f"    sector: {sector}")
        price = fmt(rng.uniform(50.0, 2000.0), 1)
        out.append("    products:")
        out.append(f"      - {{id: output, name: product of {pid}, unit: t, "
                   f"price_per_unit: {price}}}")
        out.append("    milestones:")
        if rng.random() < 0.5:
            out.append(f"      - {{id: financing, name: Financial close, "
                       f"date: {month_date(start_month)}}}")
        else:
            out.append(f"      - {{id: financing, name: Financial close, "
                       f"not_before: {month_date(start_month)}}}")
        has_second = rng.random() < 0.5
        if has_second:
            out.append(f"      - {{id: permit, name: Construction permit, "
                       f"depends_on: [{{on: financing, type: FS, lag: "
                       f"{int(rng.integers(1, 7))} months}}]}}")
        out.append("    phases:")
        total_months = 0
        for k, name in enumerate(names):
            is_last = k == len(names) - 1
            if name == "construction":
                mode = int(rng.integers(18, 49))
            elif is_last:
                mode = int(rng.integers(2, 9))
            else:
                mode = int(rng.integers(3, 19))
            total_months += mode
            out.append(f"      - id: {name}")
            out.append(f"        duration: {duration(rng, mode, rng.random() < 0.6)}")
            deps = []
            if k == 0:
                deps.append("financing")
            else:
                t = link_types[int(rng.choice(4, p=[0.7, 0.15, 0.1, 0.05]))]
                if t == "FS":
                    deps.append(names[k - 1])
                else:
                    lag = int(rng.integers(0, 7))
                    deps.append(f"{{on: {names[k - 1]}, type: {t}, lag: {lag} months}}")
                if k >= 2 and rng.random() < 0.3:
                    deps.append(f"{{on: {names[k - 2]}, type: FS, lag: -1 months}}")
                if has_second and name in ("construction", "site_preparation") and \
                        "permit" not in deps:
                    deps.append("permit")
            out.append(f"        depends_on: [{', '.join(deps)}]")
            capex = 0.0
            if name in ("construction", "installation", "site_preparation") or \
                    (is_last and rng.random() < 0.5) or rng.random() < 0.3:
                capex = float(np.round(rng.lognormal(np.log(80.0), 0.9), 1))
            if capex > 0:
                out.append(f"        capex_m: {fmt(capex, 1)}")
                out.append(f"        spending: {'s-curve' if rng.random() < 0.7 else 'uniform'}")
                s = rng.dirichlet([3.0, 4.0, 1.5])
                s = np.round(s, 3)
                s[1] = round(1.0 - s[0] - s[2], 3)
                out.append("        categories:")
                out.append(f"          works: {{share: {fmt(s[0], 3)}, "
                           f"local_share: {fmt(rng.uniform(0.6, 0.95), 2)}}}")
                out.append(f"          equipment: {{share: {fmt(s[1], 3)}, "
                           f"local_share: {fmt(rng.uniform(0.1, 0.5), 2)}}}")
                out.append(f"          services: {{share: {fmt(s[2], 3)}, "
                           f"local_share: {fmt(rng.uniform(0.5, 0.95), 2)}}}")
                crew = int(round(capex * rng.uniform(1.5, 3.0) / 10.0) * 10)
                if crew > 0:
                    out.append(f"        construction_jobs: {crew}")
                    if name == "construction":
                        use = min(crew, crew_capacity[region_index])
                        out.append(f"        uses: {{crew_{region}: {use}}}")
            if rng.random() < 0.1 and not is_last:
                out.append("        correlated: true")
            if is_last:
                out.append(f"        capacity: {int(rng.integers(10, 500))} kt/yr")
                kind = rng.random()
                if kind < 0.4:
                    out.append(f"        ramp_up: {{curve: s-curve, duration: "
                               f"{int(rng.integers(6, 37))} months}}")
                elif kind < 0.8:
                    out.append(f"        ramp_up: {{curve: linear, duration: "
                               f"{int(rng.integers(3, 25))} months}}")
                else:
                    out.append("        ramp_up: {table: [[6 months, 0.2], [12 months, 0.6], "
                               "[24 months, 1.0]]}")
                out.append(f"        permanent_jobs: {int(rng.integers(20, 2000))}")
            all_phases.append((p, pid, name))
        out.append(f"    target: {month_date(min(start_month + total_months + 6, horizon_months - 1))}")

    # A few links across projects, always from an earlier project to a later one (acyclic).
    n_cross = max(1, n_projects // 25)
    out.append("dependencies:")
    seen = set()
    for _ in range(n_cross):
        a = int(rng.integers(0, n_projects - 1)) if n_projects > 1 else 0
        b = int(rng.integers(a + 1, n_projects)) if n_projects > 1 else 0
        if a == b:
            continue
        pa = [ph for ph in all_phases if ph[0] == a]
        pb = [ph for ph in all_phases if ph[0] == b]
        fa = pa[int(rng.integers(0, len(pa)))]
        fb = pb[int(rng.integers(0, len(pb)))]
        if (fa, fb) in seen:
            continue
        seen.add((fa, fb))
        t = link_types[int(rng.integers(0, 4))]
        lag = int(rng.integers(-3, 7))
        out.append(f"  - {{from: {fa[1]}.{fa[2]}, to: {fb[1]}.{fb[2]}, type: {t}, "
                   f"lag: {lag} months}}")

    out.append("resources:")
    for r, cap in zip(regions, crew_capacity):
        out.append(f"  - {{id: crew_{r}, name: Construction crews of {r}, unit: workers, "
                   f"capacity: {cap}}}")

    out.append("risks:")
    n_risks = max(1, n_projects // 10)
    for i in range(n_risks):
        _, pid, ph = all_phases[int(rng.integers(0, len(all_phases)))]
        lo = int(rng.integers(1, 4))
        mode = lo + int(rng.integers(1, 6))
        hi = mode + int(rng.integers(3, 13))
        cost = fmt(rng.uniform(5.0, 200.0), 1)
        out.append(f"  - {{id: risk_{i + 1:04d}, phase: {pid}.{ph}, "
                   f"probability: {fmt(rng.uniform(0.05, 0.4), 2)}, "
                   f"delay: {{triangular: [{lo} months, {mode} months, {hi} months]}}, "
                   f"cost_m: {cost}}}")
    out.append("correlation:")
    out.append("  factor: market_climate")
    out.append("  multiplier: {triangular: [0.9, 1.0, 1.3]}")
    with open(os.path.join(out_dir, "scenario.yaml"), "w") as f:
        f.write("\n".join(out) + "\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--projects", type=int, default=1000)
    ap.add_argument("--regions", type=int, default=20)
    ap.add_argument("--sectors", type=int, default=100)
    ap.add_argument("--years", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out_dir")
    args = ap.parse_args(argv)
    if args.projects < 1 or args.regions < 1 or args.sectors < 3 or args.years < 2:
        ap.error("need --projects >= 1, --regions >= 1, --sectors >= 3, --years >= 2")
    os.makedirs(args.out_dir, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    sectors, regions = write_economy(rng, args.out_dir, args.sectors, args.regions)
    write_scenario(rng, args.out_dir, args.projects, args.years, sectors, regions, args.seed)
    print(os.path.join(args.out_dir, "scenario.yaml"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
