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

/// MS Project XML (MSPDI) that MS Project and ProjectLibre open, with ripple's dates: a summary
/// task per project, a task per phase or milestone (Start/Finish from the rollout,
/// EarlyStart/EarlyFinish/LateStart/LateFinish and TotalSlack from CPM), their links with lags,
/// actual dates, start-no-earlier-than constraints, and calendars: each working calendar
/// (08:00-12:00 and 13:00-17:00 for 8 hours) and a "24 Hours" calendar for activities on
/// calendar days. A duration is the activity's span (so a finish held by an FF/SF link keeps its
/// date when the source tool shifts instead). docs/import.md.
void write_schedule_mspdi(std::ostream& out, const Scenario& scenario, const Schedule& schedule,
                          const Timeline& timeline);

}  // namespace ripple
