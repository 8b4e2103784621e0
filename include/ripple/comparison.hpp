#pragma once
/// The comparison of two runs, BASE and ALT, of scenarios with the same projects: the "cost of a
/// delay" report of `ripple compare` (docs/compare.md). Per project and in TOTAL: the shift of
/// the commissioning and full-capacity dates in calendar months, and the change (ALT − BASE) of
/// peak construction jobs, end-of-horizon jobs, job-years, own output and value added.
///
/// Projects are matched by id. A project of BASE missing from ALT is "removed", one of ALT
/// missing from BASE is "added": its missing side counts as zero in the deltas of amounts (it
/// contributes nothing there, as in TOTAL) and its date shifts are not defined. TOTAL compares
/// the two summaries' TOTAL rows (latest dates, peak of the summed crews).
///
/// The comparison works on RunSummary only, so that a Monte Carlo driver can compare run i of
/// BASE with run i of ALT and collect the deltas of metric_changes() by name.

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/scenario.hpp"
#include "ripple/summary.hpp"
#include "ripple/timeline.hpp"

namespace ripple {

/// The signed shift from `from` to `to` in calendar months: the whole months m such that
/// from + m months <= to < from + (m + 1) months (Date::add_months, day clamped), plus the
/// remaining days as a fraction of that next month's length in days. Antisymmetric: a shift
/// back is the negative of the shift forward (shift(b, a) = −shift(a, b)). So 2035-07-01 to
/// 2036-07-01 is exactly +12, and 2025-01-01 to 2025-01-16 is 15/31 ≈ +0.48.
[[nodiscard]] double months_shift(Date from, Date to);

/// A date in both runs. `shift_months()` is nullopt when either side has no date.
struct DateChange {
  std::optional<Date> base;
  std::optional<Date> alt;
  /// months_shift(base, alt), or nullopt.
  [[nodiscard]] std::optional<double> shift_months() const;
};

/// An amount in both runs (jobs in persons, job-years in person-years, money in millions).
struct AmountChange {
  double base = 0.0;
  double alt = 0.0;
  [[nodiscard]] double delta() const { return alt - base; }
};

/// Jobs of one reporting period in both runs.
struct PeriodJobsChange {
  Date period;        ///< first day of the period
  AmountChange jobs;  ///< direct + indirect + induced, period average, persons
};

/// Whether a project is in both runs, or only in one.
enum class ProjectPresence { kBoth, kRemoved, kAdded };

/// "both", "removed" (BASE only) or "added" (ALT only).
[[nodiscard]] std::string_view presence_name(ProjectPresence presence);

/// One project (or TOTAL) compared.
struct ProjectComparison {
  std::string project;  ///< project id, or "TOTAL"
  ProjectPresence presence = ProjectPresence::kBoth;
  DateChange commissioning;
  DateChange full_capacity;
  AmountChange peak_construction_jobs;  ///< largest period average of the crew
  AmountChange permanent_jobs;          ///< direct permanent staff, last period
  AmountChange indirect_jobs;           ///< last period, whole country
  AmountChange induced_jobs;            ///< last period, whole country
  AmountChange job_years_direct;        ///< over the horizon
  AmountChange job_years_indirect;
  AmountChange job_years_induced;
  AmountChange output_m;       ///< the project's own output value over the horizon, millions
  AmountChange value_added_m;  ///< value added of indirect and induced effects, millions
  /// Jobs over time: every period of either run, in date order (a side without the period, or
  /// without the project, counts zero).
  std::vector<PeriodJobsChange> jobs_by_period;

  /// Direct + indirect + induced job-years.
  [[nodiscard]] AmountChange job_years_total() const;
};

/// A phase whose wait for shared resources differs between the runs (docs/scheduling.md,
/// "Shared resources"): its wait in days (start − ready) and the resources that were short on
/// its ready day, in each run.
struct WaitChange {
  std::string project;  ///< project id
  std::string phase;    ///< phase id within the project
  /// Days waited; none on the side where the phase does not exist.
  std::optional<int> base_days;
  std::optional<int> alt_days;
  std::string base_waited_for;  ///< resource ids, `+`-joined; empty when it did not wait
  std::string alt_waited_for;
  /// ALT − BASE in days, a missing side counted as 0.
  [[nodiscard]] int delta_days() const { return alt_days.value_or(0) - base_days.value_or(0); }
};

/// The phases whose wait days or waited-for resources differ between two runs: BASE's phases
/// in scenario order, then those only ALT has (in ALT's order). Phases are matched by project
/// and phase id; one in a single run is listed when it waited there.
[[nodiscard]] std::vector<WaitChange> compare_waits(const Scenario& base,
                                                    const Timeline& base_timeline,
                                                    const Scenario& alt,
                                                    const Timeline& alt_timeline);

/// Two runs compared: projects in BASE's order, then those added in ALT (in ALT's order).
struct Comparison {
  std::vector<ProjectComparison> projects;
  ProjectComparison total;
  /// Resource waits that change (compare_waits()); empty when none does, or when the caller
  /// compared summaries only.
  std::vector<WaitChange> waits;

  /// The project with this id (not TOTAL); nullptr when neither run has it.
  [[nodiscard]] const ProjectComparison* find_project(std::string_view id) const;
};

/// Compares two summaries (see the header comment for the matching rules).
[[nodiscard]] Comparison compare_summaries(const RunSummary& base, const RunSummary& alt);

/// The unit a metric is measured in.
enum class MetricUnit { kDate, kPersons, kPersonYears, kMillions };

/// One metric of a ProjectComparison, in the long form that CSV, JSON and batch drivers use.
/// For dates, `base`/`alt` are the dates and `delta` the shift in months (nullopt when either
/// date is missing); for amounts, `base`/`alt` are the values (nullopt on the side where the
/// project is absent) and `delta` is ALT − BASE with an absent side counted as zero.
struct MetricChange {
  std::string_view metric;  ///< stable name, e.g. "commissioning", "job_years_direct"
  MetricUnit unit = MetricUnit::kPersons;
  std::optional<Date> base_date;
  std::optional<Date> alt_date;
  std::optional<double> base;
  std::optional<double> alt;
  std::optional<double> delta;
};

/// Every metric of `row`, in a fixed order: commissioning, full_capacity,
/// peak_construction_jobs, permanent_jobs, indirect_jobs, induced_jobs, job_years_direct,
/// job_years_indirect, job_years_induced, job_years_total, output, value_added.
[[nodiscard]] std::vector<MetricChange> metric_changes(const ProjectComparison& row);

/// What was compared, for the reports' titles and notes.
struct ComparisonInfo {
  std::string base_description;  ///< e.g. the BASE path and its --set items
  std::string alt_description;   ///< e.g. "BASE with --alt-set ..." or the ALT path
  std::string label;             ///< the headline's name for the change; empty: "ALT vs BASE"
  int horizon_end_year = 0;      ///< the year whose jobs are "end of horizon"; 0: unknown
  std::string economy_note;      ///< e.g. the economy used and whether it is illustrative
};

/// A one-line summary: `<label>: <project> commissioning +12.0 months, ..., TOTAL job-years
/// -3,400 direct, -1,200 indirect, -900 induced; output -450 m`. Lists the projects whose
/// commissioning moved (largest shifts first, at most three).
[[nodiscard]] std::string comparison_headline(const Comparison& comparison,
                                              const std::string& label);

/// Long CSV: header `project,metric,base,alt,delta`, one line per project and metric (then
/// TOTAL's); dates as YYYY-MM, date deltas in months, numbers with three decimals; an empty
/// cell where a value is not defined. After each project's metrics come its jobs over time,
/// metric `jobs@YYYY-MM` (the period's start) for every period, then for each of its phases
/// whose resource wait changes `wait_days@<phase>` (days; delta ALT − BASE) and
/// `waited_for@<phase>` (`+`-joined resource ids; no delta).
void write_comparison_csv(std::ostream& out, const Comparison& comparison);

/// JSON: {"base", "alt", "label", "headline", "projects": [{"project", "presence", "metrics":
/// {name: {"base", "alt", "delta"}}}], "total": {...}}; null where a value is not defined.
void write_comparison_json(std::ostream& out, const Comparison& comparison,
                           const ComparisonInfo& info);

/// Aligned tables for people: the headline, date shifts per project, changes of jobs and money
/// per project and TOTAL, TOTAL's base/alt/delta, and notes.
void write_comparison_table(std::ostream& out, const Comparison& comparison,
                            const ComparisonInfo& info);

}  // namespace ripple
