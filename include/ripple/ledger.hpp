#pragma once
/// The activity ledger: what each project does in each reporting period of a run — capex spent
/// by category (and its local part), production and its value, construction crew and permanent
/// staff — integrated from a Timeline (engine dates) and the Scenario (amounts and curves).
/// Flows (money, production) are totals over the period; jobs are period averages (persons).
///
/// The ledger works on calendar months internally and sums months into reporting periods:
/// - capex of a phase follows its spending profile over its active (unpaused) time: uniform, or
///   the S-curve whose cumulative share is 3τ² − 2τ³ (τ the share of active time elapsed);
/// - the construction crew follows the same profile, scaled so that its peak is the phase's
///   `construction_jobs`;
/// - capacity added by a phase ramps from its finish along its ramp-up curve; production is
///   capacity × ramp share × availability (stops and capacity cuts), the ramp share averaged
///   over each month by Simpson's rule; operations that draw on a shared resource
///   (Product::resource_use_per_unit) share its capacity month by month, each plant cut by the
///   same factor capacity / need when together they need more (pro rata to need);
/// - permanent staff follow the ramp share (they are hired as the capacity comes on line).
/// Brownfield baselines are not counted: only increments.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/scenario.hpp"
#include "ripple/timeline.hpp"

namespace ripple {

/// One project in one period.
struct LedgerEntry {
  std::array<double, kSpendingCategoryCount> capex_m{};        ///< spent, by category, millions
  std::array<double, kSpendingCategoryCount> capex_local_m{};  ///< of which bought locally
  std::vector<double> production;      ///< per product of the project, product units in the period
  std::vector<double> output_value_m;  ///< per product, production x price, millions
  double construction_jobs = 0.0;      ///< period average, persons
  /// Of construction_jobs, workers brought from outside the region because an
  /// `on_shortfall: import` pool was short (ActivityTimes::imported_share); period average.
  double construction_jobs_imported = 0.0;
  double permanent_jobs = 0.0;  ///< period average, persons

  [[nodiscard]] double capex_total_m() const;
  [[nodiscard]] double output_value_total_m() const;
  [[nodiscard]] double direct_jobs() const { return construction_jobs + permanent_jobs; }
};

/// Milestone dates of a project in a run.
struct ProjectDates {
  std::optional<Date> commissioning;  ///< finish of the first phase adding capacity
  std::optional<Date> full_capacity;  ///< end of the last ramp-up
  Date last_finish;                   ///< finish of the project's last activity
};

/// What operations drew on one resource in one period: mean rates in the resource's unit.
struct OperationsDraw {
  double need = 0.0;  ///< what the plants' production would have drawn
  double used = 0.0;  ///< what they drew: min(need, capacity) month by month
};

/// The ledger of a run: entries[project][period].
struct Ledger {
  std::vector<Date> period_starts;  ///< one per period; periods are contiguous
  Date horizon_end;                 ///< first day after the last period
  std::vector<std::vector<LedgerEntry>> entries;
  std::vector<ProjectDates> dates;
  /// [resource][period]; empty for a resource no operation draws on.
  std::vector<std::vector<OperationsDraw>> operations_draw;

  [[nodiscard]] std::size_t period_count() const { return period_starts.size(); }
  /// Length of period p in years (days / 365.25), for annualising flows and job-years.
  [[nodiscard]] double period_years(std::size_t p) const;
  /// First day after period p.
  [[nodiscard]] Date period_end(std::size_t p) const {
    return p + 1 < period_starts.size() ? period_starts[p + 1] : horizon_end;
  }
};

/// The reporting periods of a calendar: starts of each month, quarter or year overlapping
/// [start, end], the first one beginning at calendar.start and the last ending after end.
[[nodiscard]] std::vector<Date> reporting_periods(const Calendar& calendar, Date* horizon_end);

/// Label of a period for output files: YYYY-MM of its start.
[[nodiscard]] std::string period_label(Date period_start);

/// Builds the ledger of a run. The timeline must have one ActivityTimes per phase of each
/// project of `scenario` (as the engine produces).
[[nodiscard]] Ledger build_ledger(const Scenario& scenario, const Timeline& timeline);

}  // namespace ripple
