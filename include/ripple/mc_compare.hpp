#pragma once
/// Two scenario variants compared under uncertainty (`ripple compare BASE ALT --runs N`): run i
/// of BASE and run i of ALT draw the same values for every input they share (common random
/// numbers, mc_sampler.hpp), so each run's difference measures the change, not the noise. For
/// each project in both variants and for TOTAL: the distribution over the runs (mean, sd,
/// P10/P50/P90, type 7) of the commissioning shift in months (comparison.hpp months_shift) and
/// of the change in job-years (direct + indirect + induced), ALT - BASE.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "ripple/economy.hpp"
#include "ripple/mc_summary.hpp"
#include "ripple/scenario.hpp"

namespace ripple {

/// One distribution of changes.
struct McDeltaRow {
  std::string project;       ///< project id or "TOTAL"
  std::string metric;        ///< "commissioning_shift_months" or "job_years_change"
  McStats stats;             ///< over the runs where both sides are defined
  double share_later = 0.0;  ///< commissioning rows: share of runs where ALT is later
};

/// The result of a Monte Carlo comparison.
struct McComparison {
  std::uint64_t runs = 0;
  std::uint64_t seed = 0;
  std::vector<McDeltaRow> rows;  ///< per project (BASE's order, in both), then TOTAL
};

/// Runs `runs` paired runs of `base` and `alt` on `threads` threads (results do not depend on
/// it). The economies may be the same object; both must outlive the call. Throws UsageError for
/// runs or threads 0, and what the pipelines throw.
[[nodiscard]] McComparison compare_monte_carlo(const Scenario& base, const Economy* base_economy,
                                               const Scenario& alt, const Economy* alt_economy,
                                               std::uint64_t runs, std::uint64_t seed,
                                               unsigned threads);

/// CSV: `project,metric,runs,mean,sd,p10,p50,p90,share_later` (three decimals).
void write_mc_comparison_csv(std::ostream& out, const McComparison& comparison);
/// An aligned table per project and TOTAL: commissioning shift and job-years change at
/// mean / P10 / P50 / P90, and the share of runs in which ALT commissions later.
void write_mc_comparison_table(std::ostream& out, const McComparison& comparison);

}  // namespace ripple
