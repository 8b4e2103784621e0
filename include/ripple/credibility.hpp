#pragma once
/// A credibility check of a run's indirect jobs (docs/economics.md, "Credibility"): per project,
/// its output per direct worker against the economy's average for the sectors it produces in, and
/// its indirect plus induced jobs per direct job. An input-output model gives a plant the supply
/// chain of its sector's average input column scaled by its output value; when the plant makes
/// far more output per worker than its sector's average establishment (a smelter refining bought
/// concentrate, an HBI module) and states no operating purchases, that column overstates what it
/// buys, and its indirect jobs with it. Such projects are flagged.

#include <string>
#include <vector>

#include "ripple/economy.hpp"
#include "ripple/ledger.hpp"
#include "ripple/scenario.hpp"
#include "ripple/summary.hpp"

namespace ripple {

/// Output per worker more than this many times the sector's average, without operating
/// purchases, is flagged.
inline constexpr double kCredibilityOutputPerWorkerLimit = 3.0;

/// The credibility line of one project, at the end of the horizon (the summary's last period).
struct ProjectCredibility {
  std::string project;
  /// Output value per permanent worker, millions of the scenario currency per person-year;
  /// 0 when the project has no permanent staff or no output in the last period.
  double output_per_worker_m = 0.0;
  /// The economy's output per worker for the same output mix (the output-weighted harmonic mean
  /// of the product sectors' x_j / jobs_j), millions of the scenario currency per person-year.
  double sector_output_per_worker_m = 0.0;
  /// output_per_worker_m / sector_output_per_worker_m (0 when either is 0).
  double output_per_worker_ratio = 0.0;
  /// (indirect + induced) / permanent jobs at the end of the horizon (0 without staff).
  double spillover_per_direct_job = 0.0;
  /// True when every product with output in the last period states operating purchases.
  bool has_operating_purchases = false;
  /// output_per_worker_ratio > kCredibilityOutputPerWorkerLimit and !has_operating_purchases.
  bool flagged = false;
};

/// The credibility lines of a run's projects, in scenario order. `ledger` and `summary` must
/// come from the same run of `scenario` with `economy`.
[[nodiscard]] std::vector<ProjectCredibility> assess_credibility(const Scenario& scenario,
                                                                 const Ledger& ledger,
                                                                 const RunSummary& summary,
                                                                 const Economy& economy);

/// The note a flagged project gets in the summary and run.json.
[[nodiscard]] std::string credibility_note(const ProjectCredibility& line);

}  // namespace ripple
