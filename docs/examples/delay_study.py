"""A delay study with ripple in Python (docs/python.md): what does it cost if Satimola's shaft
sinking takes 45 months instead of its 33-month mode? Run from the repository's top folder:
    PYTHONPATH=build/release/python /usr/bin/python3 docs/examples/delay_study.py
"""

import ripple

SCENARIO = "scenarios/kazakhstan_2025.yaml"
LATE = {"projects.satimola.phases.shaft_sinking.duration": "45 months"}

# 1. One deterministic run of each variant: the TOTAL row of summary.csv.
base = ripple.run(SCENARIO)
late = ripple.run(SCENARIO, set=LATE)
print("1. Totals (deterministic runs)")
print(f"{'':22}{'baseline':>12}{'late shafts':>14}")
for column in ("commissioning", "peak_construction_jobs", "job_years_direct",
               "job_years_indirect", "job_years_induced"):
    print(f"{column:22}{base.total(column)!s:>12}{late.total(column)!s:>14}")

# 2. The cost of the delay, as `ripple compare` reports it (ALT minus BASE).
cost = ripple.compare(SCENARIO, alt_set=LATE)
print("\n2. Cost of the delay (ripple.compare)")
rows = cost[(cost.project == "TOTAL") & cost.metric.str.startswith("job_years")]
print(rows.to_string(index=False))

# 3. Jobs by year, all projects and regions: direct + indirect + induced (timeseries.csv).
def jobs_by_year(result):
    ts = result.timeseries
    jobs = ts[ts.metric.isin(["construction_jobs", "permanent_jobs", "indirect_jobs",
                              "induced_jobs"])]
    return jobs.groupby(jobs.period.str[:4]).value.sum()

years = jobs_by_year(base).to_frame("baseline").join(jobs_by_year(late).to_frame("late"))
years["change"] = years.late - years.baseline
print("\n3. Jobs by year, persons (period averages)")
print(years.loc["2026":"2032"].round(0).astype(int).to_string())

# 4. With uncertainty: the scenario's triangular duration (27, 33, 48 months) against the same
# shape 12 months later; 1,000 Monte Carlo runs each from the same seed (common random numbers).
LATE_RANGE = {"projects.satimola.phases.shaft_sinking.duration":
              "{triangular: [39 months, 45 months, 60 months]}"}
print("\n4. Monte Carlo, 1,000 runs each: Satimola commissioning, programme job-years")
for label, variant in (("baseline", {}), ("late shafts", LATE_RANGE)):
    s = ripple.mc(SCENARIO, runs=1000, set=variant).summary.set_index("metric")
    when, job_years = s.loc["satimola.commissioning"], s.loc["job_years"]
    print(f"{label:12} commissioning P10 {when.p10}  P50 {when.p50}  P90 {when.p90};  "
          f"job-years P50 {float(job_years.p50):,.0f}")
