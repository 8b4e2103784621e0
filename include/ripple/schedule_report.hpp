#pragma once
/// The schedule report of `ripple schedule` and of `schedule.csv` in `ripple run` outputs: per
/// activity (in scenario order) project, activity, start, finish (the rollout's dates, shocks
/// included), early_start, early_finish, late_start, late_finish (CPM, cpm.hpp),
/// total_float_days and critical (CPM: float <= 0). Dates are YYYY-MM-DD. The writers only
/// write; they throw nothing of their own.

#include <iosfwd>

#include "ripple/cpm.hpp"
#include "ripple/scenario.hpp"
#include "ripple/timeline.hpp"

namespace ripple {

/// CSV with a header row, one row per activity; `critical` is `true` or `false`.
void write_schedule_csv(std::ostream& out, const Scenario& scenario, const Schedule& schedule,
                        const Timeline& timeline);

/// An aligned table for people, then each project's critical path (`a -> b -> c`).
void write_schedule_table(std::ostream& out, const Scenario& scenario, const Schedule& schedule,
                          const Timeline& timeline);

/// JSON: {"activities": [{"project", "activity", "start", ..., "critical"}],
///        "critical_paths": {"<project>": ["project.activity", ...]}}, indented 2.
void write_schedule_json(std::ostream& out, const Scenario& scenario, const Schedule& schedule,
                         const Timeline& timeline);

}  // namespace ripple
