#pragma once
/// The summary of a run: one row per project and a TOTAL row (summary.csv, the terminal table).
/// Jobs "at the end of the horizon" are the last period's averages; job-years integrate period
/// averages over the horizon; peaks are the largest period average (so the summary agrees with
/// timeseries.csv). TOTAL's dates are the latest of the projects' (when the whole programme is
/// commissioned / at full capacity); its peak is the peak of the summed series.

#include <optional>
#include <string>
#include <vector>

#include "ripple/impacts.hpp"
#include "ripple/ledger.hpp"
#include "ripple/scenario.hpp"

namespace ripple {

/// One row of summary.csv.
struct SummaryRow {
  std::string project;  ///< project id, or "TOTAL"
  std::string region;   ///< project region, or "all"
  std::optional<Date> commissioning;
  std::optional<Date> full_capacity;
  double capex_m = 0.0;  ///< the scenario's capex (all of it, also what was spent before start)
  double peak_construction_jobs = 0.0;
  double permanent_jobs = 0.0;  ///< at the end of the horizon
  double indirect_jobs_host = 0.0;
  double indirect_jobs_rest = 0.0;
  double induced_jobs_host = 0.0;
  double induced_jobs_rest = 0.0;
  double job_years_direct = 0.0;  ///< construction and permanent, over the horizon
  double job_years_indirect = 0.0;
  double job_years_induced = 0.0;
  double output_m = 0.0;       ///< the projects' own output value over the horizon, millions
  double value_added_m = 0.0;  ///< value added effect over the horizon (economy), millions
  /// Direct (construction + permanent) + indirect + induced jobs of each period, period
  /// averages, persons; indexed like RunSummary::period_starts.
  std::vector<double> jobs_by_period;

  [[nodiscard]] double indirect_jobs() const { return indirect_jobs_host + indirect_jobs_rest; }
  [[nodiscard]] double induced_jobs() const { return induced_jobs_host + induced_jobs_rest; }
};

/// Rows per project (scenario order) and the TOTAL row.
struct RunSummary {
  std::vector<SummaryRow> projects;
  SummaryRow total;
  std::vector<Date> period_starts;  ///< the ledger's reporting periods
};

/// Summarises a run; `impacts` may be empty (no economy).
[[nodiscard]] RunSummary summarise(const Scenario& scenario, const Ledger& ledger,
                                   const Impacts& impacts);

}  // namespace ripple
