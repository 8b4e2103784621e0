#!/usr/bin/python3
"""Builds ripple's ILLUSTRATIVE input-output table of Kazakhstan, 2022, 16 sectors.

The sector outputs and the split of each sector's output into intermediate inputs and value
added are REAL: they are the Asian Development Bank's multi-regional input-output (MRIO) figures
for Kazakhstan, 2022 (the latest year in ../shared/data/kazakhstan-adb-mrio/, 35 ADB sectors
aggregated into ripple's 16; credit: "Asian Development Bank, Multiregional Input-Output Tables
(via ksreyes/mrio-processing)"). The rest is still ILLUSTRATIVE, because the ADB summary has no
inter-industry matrix, no imports by sector, no compensation and no employment:

  [R] ADB MRIO 2022 (USD mn, current prices): output x, intermediate use (domestic and imported)
      zuse, value added va (= GVA + net taxes on the sector's purchases) and intermediate sales
      zsales (at home and abroad) per ADB sector;
  [R] reported aggregates from ../shared/data/seed/FACTS.md and the Bureau of National Statistics
      (BNS): compensation of mining, manufacturing and construction, employment ~9.2 mn, wages
      by sector and region;
  [D] assumptions, each stated next to its number below: the split of ADB's "mining and
      quarrying" into oil and gas and other mining, the exchange rate, the net-tax share of
      intermediate purchases, import shares, the pattern of domestic intermediate purchases,
      final-demand shares, employment by sector and region, compensation of the other sectors,
      regional wage indices.

Every run writes the same files (no randomness):
  scenarios/economy/kazakhstan/table.csv    symmetric table, KZT bn, employment in persons
  scenarios/economy/kazakhstan/regions.csv  employment by region and sector (persons) and each
                                            region's wage index
and prints a calibration report. economy.yaml (written by hand) describes the files.

Usage: /usr/bin/python3 tools/build_kazakhstan_economy.py [--out DIR] [--check] [--check-adb]
  --check      rebuild in memory and fail if the files on disk differ (for CI).
  --check-adb  read the committed table.csv and check its aggregates against the ADB figures.

Replace the table with the BNS one by writing a new CSV and descriptor: no code change needed.
"""

import argparse
import csv
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
# 1. Output and its split into intermediate inputs and value added: ADB MRIO 2022 [R].
HERE = os.path.dirname(os.path.abspath(__file__))
ADB_DIR = os.path.join(HERE, "..", "..", "shared", "data", "kazakhstan-adb-mrio")
ADB_YEAR = 2022          # [R] the latest year of the ADB summary
# [D] KZT per USD used to convert ADB's USD into the table's KZT: the descriptor's rate (2022
#     average ~460 [R, National Bank of Kazakhstan]; 2024 ~470).
KZT_PER_USD = 460.0
# [D] ADB's 35 sectors (adb_sectors.csv) into ripple's 16. ADB 12 "basic metals and fabricated
#     metal" goes whole to metallurgy (fabricated metal products cannot be split off without the
#     full table); ADB 2 "mining and quarrying" holds crude oil and gas too and is split below.
ADB_TO_RIPPLE = {
    1: "agriculture", 2: "mining+oil_gas", 3: "food",
    4: "other_manufacturing", 5: "other_manufacturing", 6: "other_manufacturing",
    7: "other_manufacturing", 8: "chemicals", 9: "chemicals", 10: "other_manufacturing",
    11: "other_manufacturing", 12: "metallurgy", 13: "other_manufacturing",
    14: "other_manufacturing", 15: "other_manufacturing", 16: "other_manufacturing",
    17: "utilities", 18: "construction", 19: "trade", 20: "trade", 21: "trade",
    22: "hospitality", 23: "transport", 24: "transport", 25: "transport", 26: "transport",
    27: "finance_ict", 28: "finance_ict", 29: "real_estate", 30: "business_services",
    31: "public_services", 32: "public_services", 33: "public_services", 34: "public_services",
    35: "public_services",
}
# [D] Share of ADB's mining and quarrying that is crude oil and gas extraction (with its support
#     services): 11.62 / 15.52 of the sector's 2023 GVA, the BNS split of mining GVA [R, FACTS:
#     mining GVA 15.52 tn] into oil and gas 11.62 and other mining 3.90 [D]. Output, inputs and
#     value added are split in this proportion (both keep ADB's input and value-added shares).
OIL_GAS_SHARE_OF_MINING = 11.62 / 15.52
# [D] Net taxes on products paid on a sector's intermediate purchases, as a share of them: ADB's
#     va includes them, the table shows them in their own row.
TAX_SHARE = 0.03

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
AVERAGE_MONTHLY_WAGE_2023 = 364_295  # KZT, [R] BNS, average monthly wage 2023 (stat.gov.kz 190193)
# [R] BNS: average monthly wage 2022 309,697 and 2023 364,295 KZT (stat.gov.kz 190193): the table
#     is for 2022, so 2023 compensation figures are deflated by their ratio.
WAGE_2022_PER_2023 = 309_697 / 364_295
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
REPORTED_COMPENSATION = [            # [R] groups of sectors and their reported 2023 D1, KZT bn
    (["mining", "oil_gas"], 3400.0),
    (["food", "chemicals", "metallurgy", "other_manufacturing"], 4000.0),
    (["construction"], 2820.0),
]

# --------------------------------------------------------------------------------------------
# 4. Intermediate inputs (ADB zuse) = domestic + imported [D] (share below); value added (ADB va)
#    = GVA + net taxes on products (TAX_SHARE of the intermediate inputs).
IMPORT_SHARE = {
    "agriculture": 0.20, "mining": 0.25, "oil_gas": 0.25, "food": 0.25, "chemicals": 0.25,
    "metallurgy": 0.20, "other_manufacturing": 0.45, "utilities": 0.10, "construction": 0.30,
    "trade": 0.15, "transport": 0.20, "hospitality": 0.15, "finance_ict": 0.25,
    "business_services": 0.20, "real_estate": 0.10, "public_services": 0.15,
}

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
# A row's domestic intermediate sales may not exceed ADB's intermediate sales of the sector
# (zsales, to industries at home and abroad) [R as a bound]: what a pattern asks beyond it is
# treated as imported (the column keeps its total inputs).

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


# 9. Regional wage index: compensation per worker in a region relative to the national figure of
#    the same sector (docs/economics.md §4). Published regional average wages relative to the
#    national average (ratio_r) mix two things: the region's sector mix and its like-for-like wage
#    level. The index keeps only the second: ratio_r / (the ratio the region's employment mix
#    alone predicts with the table's national compensation per worker by sector) [D].
#    rest_of_country gets the index that keeps the national wage bill unchanged [D].
REGIONAL_WAGE_RATIO = {
    # [R] BNS via mgorod.kz (2025-05-12): Q1 2025 average monthly wage, Mangystau 621,320 and
    #     West Kazakhstan 361,848 KZT against 423,133 nationally.
    "mangystau": 621_320 / 423_133,
    "west_kazakhstan": 361_848 / 423_133,
    # [R] BNS via NUR.KZ / lada.kz (2025-10-23): average hourly wage, Abay 2,009 KZT against 2,334
    #     nationally.
    "abay": 2_009 / 2_334,
    # [D] Karaganda and Kostanay regional average wages were not found [GAP]; proxy: average per
    #     capita nominal money income, Q1 2024, Karaganda 212,647 and Kostanay 184,505 KZT against
    #     194,971 nationally [R, BNS stat.gov.kz 183273]. (For Abay the same proxy gives 0.89
    #     against its wage ratio 0.86; for Mangystau 1.21 against 1.47: the proxy understates the
    #     spread of high-wage regions.)
    "karaganda": 212_647 / 194_971,
    "kostanay": 184_505 / 194_971,
}


def wage_indices(t, rows):
    per_worker = t["compensation"] / t["employment"]  # KZT bn per person, national by sector
    national_mix = (t["employment"] * per_worker).sum() / t["employment"].sum()
    bills = {rid: (values * per_worker).sum() for rid, (_, values) in rows.items()}
    index = {}
    for rid, (_, values) in rows.items():
        if rid in REGIONAL_WAGE_RATIO:
            predicted = bills[rid] / values.sum() / national_mix
            index[rid] = REGIONAL_WAGE_RATIO[rid] / predicted
    explained = sum(bills[rid] * index[rid] for rid in index)
    index["rest_of_country"] = (sum(bills.values()) - explained) / bills["rest_of_country"]
    return index


def read_adb():
    """ADB MRIO rows of Kazakhstan for ADB_YEAR, aggregated into ripple's sectors (USD mn)."""
    totals = {k: np.zeros(N) for k in ("x", "zuse", "va", "zsales")}
    with open(os.path.join(ADB_DIR, "kaz_summary_2017_2022.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["t"]) != ADB_YEAR or int(row["s"]) != 49:
                continue
            target = ADB_TO_RIPPLE[int(row["i"])]
            shares = ({"oil_gas": OIL_GAS_SHARE_OF_MINING,
                       "mining": 1.0 - OIL_GAS_SHARE_OF_MINING} if target == "mining+oil_gas"
                      else {target: 1.0})
            for sector, share in shares.items():
                for k in totals:
                    totals[k][IDX[sector]] += float(row[k]) * share
    return totals


def build():
    adb = read_adb()
    usd_to_kzt_bn = KZT_PER_USD / 1000.0  # USD mn -> KZT bn
    output = adb["x"] * usd_to_kzt_bn
    inputs = adb["zuse"] * usd_to_kzt_bn        # intermediate use, domestic and imported
    value_added = adb["va"] * usd_to_kzt_bn     # GVA + net taxes on the purchases
    max_sales = adb["zsales"] * usd_to_kzt_bn   # bound on domestic intermediate sales
    taxes = inputs * TAX_SHARE
    gva = value_added - taxes

    emp_k = np.array([EMPLOYMENT_K[s] for s in SECTORS], dtype=float)
    employment = np.round(emp_k / emp_k.sum() * TOTAL_EMPLOYMENT)

    # Compensation (2023 levels, deflated to 2022 by the average wage).
    annual_wage_bn = AVERAGE_MONTHLY_WAGE_2023 * 12 * SOCIAL_CONTRIBUTIONS / 1e9
    raw = np.array([employment[IDX[s]] * EMPLOYEE_SHARE[s] * RELATIVE_WAGE[s] * annual_wage_bn
                    for s in SECTORS])
    compensation = raw.copy()
    for group, total in REPORTED_COMPENSATION:
        ids = [IDX[s] for s in group]
        compensation[ids] = raw[ids] / raw[ids].sum() * total
    compensation *= WAGE_2022_PER_2023

    imports = inputs * np.array([IMPORT_SHARE[s] for s in SECTORS])
    domestic = inputs - imports

    weights = np.zeros((N, N))
    for j, buyer in enumerate(SECTORS):
        column = dict(OVERHEAD)
        for supplier, w in SPECIFIC[buyer].items():
            column[supplier] = column.get(supplier, 0.0) + w
        for supplier, w in column.items():
            weights[IDX[supplier], j] = w
        weights[:, j] /= weights[:, j].sum()
    z = weights * domestic  # column j: domestic inputs of j spread by its pattern

    # Rows selling more to industries than ADB's intermediate sales are scaled down; the buyers
    # import the difference.
    for _ in range(50):
        sales = z.sum(axis=1)
        excess = sales > max_sales * (1 + 1e-12)
        if not excess.any():
            break
        factor = np.where(excess, max_sales / np.maximum(sales, 1e-12), 1.0)
        z = z * factor[:, None]
    imports = inputs - z.sum(axis=0)

    final = output - z.sum(axis=1)
    fd_shares = np.array([FINAL_DEMAND[s] for s in SECTORS])
    final_demand = fd_shares * final[:, None]

    other_va = gva - compensation
    return {
        "z": z, "output": output, "gva": gva, "compensation": compensation,
        "other_va": other_va, "imports": imports, "taxes": taxes, "employment": employment,
        "final_demand": final_demand, "adb": adb,
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


def regions_csv(rows, index):
    out = io.StringIO()
    out.write("region,name," + ",".join(SECTORS) + ",wage_index\n")
    for rid, (name, values) in rows.items():
        out.write(f"{rid},{name}," + ",".join(f"{v:.0f}" for v in values) +
                  f",{index[rid]:.3f}\n")
    return out.getvalue()


def report(t, rows, index):
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
    va = t["gva"].sum() + t["taxes"].sum()
    print(f"ADB {ADB_YEAR}: output {x.sum():,.0f} bn KZT, value added incl. net taxes "
          f"{va:,.0f} bn (GVA {t['gva'].sum():,.0f})", file=sys.stderr)
    print(f"compensation {t['compensation'].sum():,.0f} bn = "
          f"{t['compensation'].sum() / va:.1%} of value added; employment "
          f"{t['employment'].sum():,.0f}; household consumption of domestic products "
          f"{t['final_demand'][:, 0].sum():,.0f} bn; sum h_c = {hc.sum():.3f}; "
          f"rho(A*) = {max(abs(np.linalg.eigvals(closed))):.3f}", file=sys.stderr)
    print("wage index: " + ", ".join(f"{r} {v:.3f}" for r, v in index.items()), file=sys.stderr)
    print(f"{'sector':22s} {'x':>8s} {'VA/x':>5s} {'D1/VA':>6s} {'colA':>5s} {'wage/mo':>8s} "
          f"{'emp I':>6s} {'emp II':>6s} {'jobs/$mn':>8s}", file=sys.stderr)
    for i, s in enumerate(SECTORS):
        wage = t["compensation"][i] * 1e9 / t["employment"][i] / 12 / SOCIAL_CONTRIBUTIONS
        jobs_usd = (e @ leontief)[i] * KZT_PER_USD / 1000  # persons per USD mn
        print(f"{s:22s} {x[i]:8.0f} {t['gva'][i] / x[i]:5.2f} "
              f"{t['compensation'][i] / t['gva'][i]:6.2f} {a[:, i].sum():5.2f} {wage:8.0f} "
              f"{type1[i]:6.2f} {type2[i]:6.2f} {jobs_usd:8.1f}", file=sys.stderr)
    assert (t["other_va"] > 0).all(), "compensation exceeds GVA somewhere"
    assert (t["imports"] >= 0).all() and (t["final_demand"] >= 0).all()
    assert a.sum(axis=0).max() < 1


def check_adb(path):
    """The committed table's aggregates against the ADB figures: per ripple sector, output,
    intermediate inputs (domestic flows + imports) and value added (GVA + net taxes), in USD mn,
    within the table's rounding (0.1 KZT bn per cell)."""
    with open(path, encoding="utf-8") as f:
        table = {row["row"]: row for row in csv.DictReader(f)}
    adb = read_adb()
    usd_per_kzt_bn = 1000.0 / KZT_PER_USD
    failures = []
    for j, s in enumerate(SECTORS):
        def cell(label):
            return float(table[label][s])
        x = cell("output") * usd_per_kzt_bn
        inputs = (sum(cell(i) for i in SECTORS) + cell("imports")) * usd_per_kzt_bn
        va = (cell("gross_value_added") + cell("taxes_less_subsidies_on_products")) * usd_per_kzt_bn
        tolerance = (N + 2) * 0.05 * usd_per_kzt_bn  # half a rounding step per cell summed
        for name, got, want in [("output", x, adb["x"][j]), ("intermediate inputs", inputs,
                                 adb["zuse"][j]), ("value added", va, adb["va"][j])]:
            if abs(got - want) > tolerance:
                failures.append(f"{s} {name}: table {got:,.1f} vs ADB {want:,.1f} USD mn")
    total_x = sum(float(table["output"][s]) for s in SECTORS) * usd_per_kzt_bn
    if abs(total_x - adb["x"].sum()) > N * 0.05 * usd_per_kzt_bn:
        failures.append(f"total output {total_x:,.1f} vs ADB {adb['x'].sum():,.1f} USD mn")
    for line in failures:
        print(line, file=sys.stderr)
    if not failures:
        print(f"table.csv matches ADB MRIO {ADB_YEAR}: output {total_x:,.1f} USD mn "
              f"(ADB {adb['x'].sum():,.1f})")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(HERE, "..", "scenarios", "economy",
                                                      "kazakhstan"))
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--check-adb", action="store_true")
    args = parser.parse_args()
    if args.check_adb:
        return check_adb(os.path.join(args.out, "table.csv"))
    t = build()
    rows = build_regions(t["employment"])
    index = wage_indices(t, rows)
    report(t, rows, index)
    files = {"table.csv": table_csv(t), "regions.csv": regions_csv(rows, index)}
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
