#!/usr/bin/python3
"""Builds ripple's ILLUSTRATIVE input-output table of Kazakhstan, 2023, 16 sectors.

There is no public copy of the Bureau of National Statistics (BNS) symmetric input-output table
here, so this script constructs a plausible table from documented inputs:

  [R] reported 2023 aggregates from ../shared/data/seed/FACTS.md (GDP, gross value added (GVA)
      and compensation of employees for mining, manufacturing and construction, GVA of
      electricity and gas, employment ~9.2 mn, industry and construction employment shares,
      mining employment and its regional split, average wages by sector and region);
  [D] assumptions, each stated next to its number below: GVA of the other sectors, splits of the
      reported aggregates into the 16 sectors, GVA/output ratios, import and tax shares of
      intermediate inputs, the pattern of intermediate purchases, final-demand shares and the
      regional employment structure.

Every run writes the same files (no randomness):
  scenarios/economy/kazakhstan/table.csv    symmetric table, KZT bn, employment in persons
  scenarios/economy/kazakhstan/regions.csv  employment by region and sector, persons
and prints a calibration report. economy.yaml (written by hand) describes the files.

Usage: /usr/bin/python3 tools/build_kazakhstan_economy.py [--out DIR] [--check]
  --check  rebuild in memory and fail if the files on disk differ (for CI).

Replace the table with the BNS one by writing a new CSV and descriptor: no code change needed.
"""

import argparse
import io
import os
import sys

import numpy as np

SECTORS = [
    "agriculture", "mining", "oil_gas", "food", "chemicals", "metallurgy",
    "other_manufacturing", "utilities", "construction", "trade", "transport", "hospitality",
    "finance_ict", "business_services", "real_estate", "public_services",
]
IDX = {s: i for i, s in enumerate(SECTORS)}
N = len(SECTORS)

# --------------------------------------------------------------------------------------------
# 1. Gross value added 2023, KZT bn at basic prices.
# [R] GDP 2023 = 120,600 (KZT 120.6 tn, revised). Mining 15,520; manufacturing 14,540;
#     construction 6,650; electricity and gas 1,600.
# [D] everything else: shares of GDP close to the BNS production-approach structure of recent
#     years (trade ~17%, real estate ~8%, transport ~7%, public services ~9.5%, agriculture
#     ~4.6%, finance+ICT ~5.7%, professional and administrative services ~4.9%, hospitality ~1%);
#     the rest of GDP (~9.5%) is net taxes on products.
# [D] mining 15,520 split: oil and gas extraction with its support services 11,620; metal ores,
#     coal and quarrying 3,900.
# [D] manufacturing 14,540 split: metallurgy (ferrous and non-ferrous, the largest branch)
#     4,800 (output ~KZT 12 tn, ~$26bn: steel, copper, zinc, ferroalloys, aluminium, gold); food,
#     beverages, tobacco 2,300; chemicals, fertilisers and refined petroleum 2,200 (refining is
#     put here: like fertilisers its main input is oil and gas); other manufacturing (machinery,
#     equipment, metal products, building materials, other) 5,240.
# [D] utilities: electricity and gas 1,600 [R] + water supply and waste 300.
GVA = {
    "agriculture": 5600, "mining": 3900, "oil_gas": 11620, "food": 2300, "chemicals": 2200,
    "metallurgy": 4800, "other_manufacturing": 5240, "utilities": 1900, "construction": 6650,
    "trade": 21000, "transport": 8300, "hospitality": 1300, "finance_ict": 6900,
    "business_services": 5900, "real_estate": 10000, "public_services": 11500,
}
GDP = 120600.0

# --------------------------------------------------------------------------------------------
# 2. Employment 2023, thousand persons, scaled to 9,200 [R: ~9.2 mn employed].
# [R] mining ~281k (2021): split [D] metal ores, coal, quarrying 160k; oil and gas 121k.
# [R] industry 12.3% (~1,130k) = mining + manufacturing + utilities: manufacturing 650k [D],
#     utilities 200k [D]; construction 7.1% [R] (~653k).
# [D] the rest from the usual BNS labour-force structure: agriculture ~14% (much self-employment),
#     trade ~18%, transport 7.5%, public services (education, health, public administration,
#     other services) ~27%.
# [D] manufacturing 650k split: food 150k, chemicals (incl. refining) 45k, metallurgy 130k
#     (smelters and steel works; their mines count in mining), other manufacturing 325k.
EMPLOYMENT_K = {
    "agriculture": 1300, "mining": 160, "oil_gas": 121, "food": 150, "chemicals": 45,
    "metallurgy": 130, "other_manufacturing": 325, "utilities": 200, "construction": 653,
    "trade": 1700, "transport": 700, "hospitality": 250, "finance_ict": 230,
    "business_services": 520, "real_estate": 120, "public_services": 2596,
}
TOTAL_EMPLOYMENT = 9_200_000

# --------------------------------------------------------------------------------------------
# 3. Compensation of employees (D1), KZT bn.
# [R] mining (mining + oil_gas) 3,400; manufacturing (food, chemicals, metallurgy, other) 4,000;
#     construction 2,820.
# [R] average monthly wage 2024 KZT 405,416 (2023 is ~12% lower: 2023 wage ~362k [D]).
# [D] other sectors: employees x relative wage x average wage x 12 x 1.10 (employers' social
#     contributions). Employee share of the employed and relative wages by sector [D] from the
#     BNS wage structure (mining 866.5k and construction 508.4k in 2024 are [R]).
# [D] within the reported aggregates, compensation is split in proportion to the same formula.
AVERAGE_MONTHLY_WAGE_2023 = 362_000  # KZT, [D] 2024's 405,416 deflated by ~12% nominal growth
SOCIAL_CONTRIBUTIONS = 1.10          # [D] employer contributions on top of gross wages
EMPLOYEE_SHARE = {                   # [D] wage earners / employed
    "agriculture": 0.35, "mining": 0.97, "oil_gas": 0.98, "food": 0.85, "chemicals": 0.95,
    "metallurgy": 0.97, "other_manufacturing": 0.85, "utilities": 0.97, "construction": 0.75,
    "trade": 0.55, "transport": 0.80, "hospitality": 0.70, "finance_ict": 0.92,
    "business_services": 0.85, "real_estate": 0.70, "public_services": 0.93,
}
RELATIVE_WAGE = {                    # [D] sector wage / national average wage
    "agriculture": 0.60, "mining": 1.90, "oil_gas": 2.50, "food": 0.85, "chemicals": 1.35,
    "metallurgy": 1.50, "other_manufacturing": 1.00, "utilities": 1.00, "construction": 1.25,
    "trade": 0.85, "transport": 1.15, "hospitality": 0.70, "finance_ict": 1.80,
    "business_services": 1.25, "real_estate": 0.90, "public_services": 0.80,
}
REPORTED_COMPENSATION = [            # [R] groups of sectors and their reported D1, KZT bn
    (["mining", "oil_gas"], 3400.0),
    (["food", "chemicals", "metallurgy", "other_manufacturing"], 4000.0),
    (["construction"], 2820.0),
]

# --------------------------------------------------------------------------------------------
# 4. Output = GVA / (GVA/output ratio) [D]: extraction and services have high value-added
#    ratios, processing industries low ones (typical of BNS and OECD tables for Kazakhstan).
VA_RATIO = {
    "agriculture": 0.55, "mining": 0.55, "oil_gas": 0.65, "food": 0.30, "chemicals": 0.35,
    "metallurgy": 0.40, "other_manufacturing": 0.40, "utilities": 0.35, "construction": 0.40,
    "trade": 0.70, "transport": 0.50, "hospitality": 0.45, "finance_ict": 0.60,
    "business_services": 0.55, "real_estate": 0.80, "public_services": 0.70,
}

# 5. Intermediate inputs = output - GVA, of which [D] imported (share below) and taxes less
#    subsidies on products (3%); the rest is bought domestically.
IMPORT_SHARE = {
    "agriculture": 0.20, "mining": 0.25, "oil_gas": 0.25, "food": 0.25, "chemicals": 0.25,
    "metallurgy": 0.20, "other_manufacturing": 0.45, "utilities": 0.10, "construction": 0.30,
    "trade": 0.15, "transport": 0.20, "hospitality": 0.15, "finance_ict": 0.25,
    "business_services": 0.20, "real_estate": 0.10, "public_services": 0.15,
}
TAX_SHARE = 0.03

# 6. Pattern of domestic intermediate purchases [D]: for each buying sector (column), relative
#    weights of the supplying sectors. Every column also buys a common overhead (trade, transport,
#    utilities, finance and ICT, business services, real estate); specific weights add the
#    sector's characteristic inputs (ores for metallurgy, gas for fertilisers, building
#    materials and steel for construction...).
OVERHEAD = {"trade": 0.10, "transport": 0.08, "utilities": 0.06, "finance_ict": 0.05,
            "business_services": 0.08, "real_estate": 0.03, "public_services": 0.01}
SPECIFIC = {
    "agriculture": {"agriculture": 0.30, "chemicals": 0.15, "food": 0.08,
                    "other_manufacturing": 0.05, "oil_gas": 0.02},
    "mining": {"mining": 0.10, "chemicals": 0.10, "other_manufacturing": 0.12, "metallurgy": 0.05,
               "construction": 0.06, "utilities": 0.12, "business_services": 0.10},
    "oil_gas": {"oil_gas": 0.20, "construction": 0.10, "other_manufacturing": 0.10,
                "business_services": 0.20, "transport": 0.10, "chemicals": 0.03},
    "food": {"agriculture": 0.60, "food": 0.15, "other_manufacturing": 0.05},
    "chemicals": {"oil_gas": 0.70, "chemicals": 0.10, "mining": 0.03},
    "metallurgy": {"mining": 0.55, "metallurgy": 0.15, "utilities": 0.10, "chemicals": 0.02},
    "other_manufacturing": {"metallurgy": 0.25, "other_manufacturing": 0.20, "mining": 0.04,
                            "chemicals": 0.04},
    "utilities": {"oil_gas": 0.30, "mining": 0.25, "construction": 0.05, "utilities": 0.15},
    "construction": {"other_manufacturing": 0.30, "metallurgy": 0.15, "construction": 0.10,
                     "mining": 0.04, "chemicals": 0.03},
    "trade": {"real_estate": 0.12, "transport": 0.10, "finance_ict": 0.05},
    "transport": {"chemicals": 0.25, "other_manufacturing": 0.08, "transport": 0.15,
                  "construction": 0.03},
    "hospitality": {"food": 0.35, "agriculture": 0.08, "real_estate": 0.08},
    "finance_ict": {"finance_ict": 0.30, "business_services": 0.10},
    "business_services": {"business_services": 0.20, "finance_ict": 0.10},
    "real_estate": {"construction": 0.25, "finance_ict": 0.08},
    "public_services": {"food": 0.05, "chemicals": 0.06, "construction": 0.05,
                        "other_manufacturing": 0.05},
}
# A row's domestic intermediate sales may not exceed this share of its output [D]: what a
# pattern asks beyond it is treated as imported (the column keeps its total inputs).
MAX_INTERMEDIATE_SHARE = 0.80

# 7. Final demand for domestic products [D]: shares of what is left of each row after
#    intermediate sales. Columns: households, government, gross fixed capital formation, exports.
FINAL_DEMAND = {
    "agriculture": (0.45, 0.00, 0.05, 0.50), "mining": (0.02, 0.00, 0.03, 0.95),
    "oil_gas": (0.03, 0.00, 0.00, 0.97), "food": (0.80, 0.00, 0.00, 0.20),
    "chemicals": (0.40, 0.00, 0.00, 0.60), "metallurgy": (0.00, 0.00, 0.08, 0.92),
    "other_manufacturing": (0.25, 0.00, 0.55, 0.20), "utilities": (1.00, 0.00, 0.00, 0.00),
    "construction": (0.05, 0.00, 0.95, 0.00), "trade": (0.70, 0.00, 0.20, 0.10),
    "transport": (0.35, 0.00, 0.00, 0.65), "hospitality": (0.75, 0.00, 0.00, 0.25),
    "finance_ict": (0.80, 0.00, 0.05, 0.15), "business_services": (0.25, 0.05, 0.30, 0.40),
    "real_estate": (0.85, 0.15, 0.00, 0.00), "public_services": (0.15, 0.85, 0.00, 0.00),
}

# 7b. Household closure [D]. ripple's Type II closure (DESIGN.md) uses h_c = household
#    consumption of domestic products / total compensation. In Kazakhstan compensation is only
#    ~30% of GDP while households also live on mixed income, property income and transfers, so the
#    whole household column over D1 would give sum(h_c) ~ 1.4 and overstate induced effects by
#    ~1 / 0.6. The table therefore carries a memo column (after total_output, not part of final
#    demand): household consumption financed by compensation = households column x the share of
#    compensation in household income, which the descriptor names as `household_consumption`.
COMPENSATION_SHARE_OF_HOUSEHOLD_INCOME = 0.60  # [D] BNS household income structure, approx.

# --------------------------------------------------------------------------------------------
# 8. Regions: employment by sector, persons.
# [R] Abay region ~287k employed in total (2022); mining employment Karaganda 56.8k and
#     Mangistau 39.5k (2021; Mangistau's mining is oil and gas).
# [D] totals of the other regions from their population (Karaganda ~1.13 mn, Kostanay ~0.83 mn,
#     West Kazakhstan ~0.69 mn, Mangystau ~0.78 mn) and employment rates: below.
# [D] structure: the national one tilted by each region's profile (factor per sector), then
#     scaled to the regional total with the [R] pinned values kept.
REGIONS = {
    "abay": ("Abay region", 287_000, {  # [R] total
        "agriculture": 1.6, "mining": 2.5, "metallurgy": 0.6, "oil_gas": 0.0, "chemicals": 0.2,
        "finance_ict": 0.6, "business_services": 0.6, "real_estate": 0.7}, {}),
    "karaganda": ("Karaganda region", 640_000, {
        "agriculture": 0.5, "metallurgy": 4.0, "other_manufacturing": 1.2, "oil_gas": 0.0,
        "utilities": 1.4, "transport": 1.2, "chemicals": 0.8},
        {"mining": 56_800}),  # [R] 2021
    "kostanay": ("Kostanay region", 430_000, {
        "agriculture": 1.7, "mining": 2.2, "food": 1.5, "oil_gas": 0.0, "metallurgy": 0.4,
        "other_manufacturing": 1.2, "finance_ict": 0.7}, {}),
    "west_kazakhstan": ("West Kazakhstan region", 330_000, {
        "agriculture": 1.3, "oil_gas": 5.0, "mining": 0.2, "metallurgy": 0.1,
        "business_services": 1.3}, {}),
    "mangystau": ("Mangystau region", 330_000, {
        "agriculture": 0.1, "mining": 0.0, "transport": 1.8, "construction": 1.6,
        "business_services": 1.6, "chemicals": 0.8, "metallurgy": 0.1},
        {"oil_gas": 39_500}),  # [R] 2021, Mangistau's mining employment is oil and gas
}


def build():
    gva = np.array([GVA[s] for s in SECTORS], dtype=float)
    emp_k = np.array([EMPLOYMENT_K[s] for s in SECTORS], dtype=float)
    employment = np.round(emp_k / emp_k.sum() * TOTAL_EMPLOYMENT)

    # Compensation.
    annual_wage_bn = AVERAGE_MONTHLY_WAGE_2023 * 12 * SOCIAL_CONTRIBUTIONS / 1e9
    raw = np.array([employment[IDX[s]] * EMPLOYEE_SHARE[s] * RELATIVE_WAGE[s] * annual_wage_bn
                    for s in SECTORS])
    compensation = raw.copy()
    for group, total in REPORTED_COMPENSATION:
        ids = [IDX[s] for s in group]
        compensation[ids] = raw[ids] / raw[ids].sum() * total

    output = gva / np.array([VA_RATIO[s] for s in SECTORS])
    inputs = output - gva
    imports = inputs * np.array([IMPORT_SHARE[s] for s in SECTORS])
    taxes = inputs * TAX_SHARE
    domestic = inputs - imports - taxes

    weights = np.zeros((N, N))
    for j, buyer in enumerate(SECTORS):
        column = dict(OVERHEAD)
        for supplier, w in SPECIFIC[buyer].items():
            column[supplier] = column.get(supplier, 0.0) + w
        for supplier, w in column.items():
            weights[IDX[supplier], j] = w
        weights[:, j] /= weights[:, j].sum()
    z = weights * domestic  # column j: domestic inputs of j spread by its pattern

    # Rows selling more than MAX_INTERMEDIATE_SHARE of their output to industries are scaled down;
    # the buyers import the difference.
    for _ in range(50):
        sales = z.sum(axis=1)
        excess = sales > MAX_INTERMEDIATE_SHARE * output
        if not excess.any():
            break
        with np.errstate(divide="ignore"):
            factor = np.where(excess, MAX_INTERMEDIATE_SHARE * output / np.maximum(sales, 1e-12),
                              1.0)
        z = z * factor[:, None]
    imports = inputs - taxes - z.sum(axis=0)

    final = output - z.sum(axis=1)
    fd_shares = np.array([FINAL_DEMAND[s] for s in SECTORS])
    final_demand = fd_shares * final[:, None]

    other_va = gva - compensation
    return {
        "z": z, "output": output, "gva": gva, "compensation": compensation,
        "other_va": other_va, "imports": imports, "taxes": taxes, "employment": employment,
        "final_demand": final_demand,
    }


def build_regions(employment):
    national = dict(zip(SECTORS, employment))
    total_national = employment.sum()
    rows = {}
    for rid, (name, total, tilt, pinned) in REGIONS.items():
        base = np.array([national[s] / total_national * tilt.get(s, 1.0) for s in SECTORS])
        free = [i for i, s in enumerate(SECTORS) if s not in pinned]
        remaining = total - sum(pinned.values())
        values = np.zeros(N)
        values[free] = base[free] / base[free].sum() * remaining
        for s, v in pinned.items():
            values[IDX[s]] = v
        rows[rid] = (name, np.round(values))
    rest = employment - sum(v for _, v in rows.values())
    if (rest < 0).any():
        bad = [SECTORS[i] for i in np.where(rest < 0)[0]]
        raise SystemExit(f"regional employment exceeds national in {bad}")
    rows["rest_of_country"] = ("Rest of the country", rest)
    return rows


def fmt(v):
    return f"{v:.1f}"


def table_csv(t):
    out = io.StringIO()
    fd_names = ["households", "government", "gross_fixed_capital_formation", "exports"]
    out.write("row," + ",".join(SECTORS) + "," + ",".join(fd_names) +
              ",total_output,memo_household_consumption_from_compensation\n")
    for i, s in enumerate(SECTORS):
        cells = [fmt(v) for v in t["z"][i]] + [fmt(v) for v in t["final_demand"][i]]
        memo = t["final_demand"][i][0] * COMPENSATION_SHARE_OF_HOUSEHOLD_INCOME
        out.write(s + "," + ",".join(cells) + "," + fmt(t["output"][i]) + "," + fmt(memo) + "\n")
    empty = "," * 4 + ",,"
    for label, key in [("imports", "imports"), ("taxes_less_subsidies_on_products", "taxes"),
                       ("compensation_of_employees", "compensation"),
                       ("other_value_added", "other_va"), ("gross_value_added", "gva"),
                       ("output", "output")]:
        out.write(label + "," + ",".join(fmt(v) for v in t[key]) + empty + "\n")
    out.write("employment_persons," + ",".join(f"{v:.0f}" for v in t["employment"]) + empty +
              "\n")
    return out.getvalue()


def regions_csv(rows):
    out = io.StringIO()
    out.write("region,name," + ",".join(SECTORS) + "\n")
    for rid, (name, values) in rows.items():
        out.write(f"{rid},{name}," + ",".join(f"{v:.0f}" for v in values) + "\n")
    return out.getvalue()


def report(t, rows):
    z, x = t["z"], t["output"]
    a = z / x
    leontief = np.linalg.inv(np.eye(N) - a)
    e = t["employment"] / x
    w = t["compensation"] / x
    hc = (t["final_demand"][:, 0] * COMPENSATION_SHARE_OF_HOUSEHOLD_INCOME /
          t["compensation"].sum())
    closed = np.zeros((N + 1, N + 1))
    closed[:N, :N] = a
    closed[N, :N] = w
    closed[:N, N] = hc
    lstar = np.linalg.inv(np.eye(N + 1) - closed)
    type1 = e @ leontief / e
    type2 = (np.append(e, 0) @ lstar)[:N] / e
    print(f"GVA total {t['gva'].sum():,.0f} bn KZT = {t['gva'].sum() / GDP:.1%} of GDP "
          f"(net taxes on products {1 - t['gva'].sum() / GDP:.1%})", file=sys.stderr)
    print(f"compensation {t['compensation'].sum():,.0f} bn = "
          f"{t['compensation'].sum() / GDP:.1%} of GDP; employment "
          f"{t['employment'].sum():,.0f}; household consumption of domestic products "
          f"{t['final_demand'][:, 0].sum():,.0f} bn = "
          f"{t['final_demand'][:, 0].sum() / GDP:.1%} of GDP; sum h_c = {hc.sum():.3f}; "
          f"rho(A*) = {max(abs(np.linalg.eigvals(closed))):.3f}", file=sys.stderr)
    print(f"{'sector':22s} {'x':>8s} {'VA/x':>5s} {'D1/VA':>6s} {'colA':>5s} {'wage/mo':>8s} "
          f"{'emp I':>6s} {'emp II':>6s} {'jobs/$mn':>8s}", file=sys.stderr)
    for i, s in enumerate(SECTORS):
        wage = t["compensation"][i] * 1e9 / t["employment"][i] / 12 / SOCIAL_CONTRIBUTIONS
        jobs_usd = (e @ leontief)[i] * 0.46  # persons per KZT bn x 0.46 bn per USD mn
        print(f"{s:22s} {x[i]:8.0f} {t['gva'][i] / x[i]:5.2f} "
              f"{t['compensation'][i] / t['gva'][i]:6.2f} {a[:, i].sum():5.2f} {wage:8.0f} "
              f"{type1[i]:6.2f} {type2[i]:6.2f} {jobs_usd:8.1f}", file=sys.stderr)
    assert (t["other_va"] > 0).all(), "compensation exceeds GVA somewhere"
    assert (t["imports"] >= 0).all() and (t["final_demand"] >= 0).all()
    assert a.sum(axis=0).max() < 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "scenarios", "economy",
                                                      "kazakhstan"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    t = build()
    rows = build_regions(t["employment"])
    report(t, rows)
    files = {"table.csv": table_csv(t), "regions.csv": regions_csv(rows)}
    for name, text in files.items():
        path = os.path.join(args.out, name)
        if args.check:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    raise SystemExit(f"{path} is out of date: run {sys.argv[0]}")
        else:
            os.makedirs(args.out, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
