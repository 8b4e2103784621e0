#pragma once
/// Critical path method (CPM) on a Plan: early and late dates, total float, critical flags and
/// each project's critical path. docs/scheduling.md explains the rules with examples.
///
/// Time is whole days (ripple::Date). Durations and lags keep their calendar units and are
/// resolved to days from the EARLY dates: an activity's duration from its early start, an FS or
/// FF lag from the predecessor's early finish, an SS or SF lag from its early start. The
/// backward pass uses those day counts.
///
/// Forward pass (S start, F finish, d duration):
///   S = max(calendar.as_of, not_before, FS: F(pred) + lag, SS: S(pred) + lag)
///   F = max(S + d, FF: F(pred) + lag, SF: S(pred) + lag)   -- FF/SF hold the finish
///   milestone: S = F = the max of all of the above; with a fixed date S = F = that date
///   actual_start: S = actual_start; actual_finish: F = actual_finish;
///   in progress (started, not finished): F = max(S + d, as_of, FF/SF holds).
/// Backward pass: an activity without FS/FF successors has LF = the finish of its own project
/// (the latest early finish of the project's activities), so each project shows its own
/// critical path; otherwise LF = min(FS: LS(succ) - lag, FF: LF(succ) - lag).
/// LS = min(LF - d, SS: LS(succ) - lag, SF: LF(succ) - lag). Fixed dates and actual dates keep
/// their dates (late = early). Total float = min(LS - ES, LF - EF) in days (working days on a
/// working calendar) (an activity under
/// way: LF - EF, its start is history; done and fixed activities: 0); critical when float <= 0.
/// The critical path of a project is its driving path: from the activity that finishes the
/// project, back through the predecessor whose constraint set each date (ties: the first
/// dependency declared) to a date of its own (as_of, not_before, fixed or actual). It may pass
/// through other projects' activities.

#include <optional>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/plan.hpp"
#include "ripple/scenario.hpp"

namespace ripple {

/// CPM dates of one activity.
struct ActivitySchedule {
  Date early_start;
  Date early_finish;
  Date late_start;
  Date late_finish;
  /// Days (working days on a working calendar); negative when a fixed or actual date is late.
  int total_float_days = 0;
  bool is_critical = false;  ///< total_float_days <= 0
};

/// The CPM schedule of a plan.
struct Schedule {
  std::vector<std::vector<ActivitySchedule>> activities;  ///< [project][phase]
  std::vector<std::optional<Date>> project_finish;        ///< [project]; none: no activities
  std::vector<std::vector<ActivityRef>> critical_paths;   ///< [project], earliest first

  /// The dates of an activity. Precondition: ref names an activity of the scheduled plan.
  [[nodiscard]] const ActivitySchedule& at(ActivityRef ref) const {
    return activities[ref.project][ref.activity];
  }
};

/// Runs CPM on `plan` with its current durations. Does not throw (the plan is acyclic).
[[nodiscard]] Schedule compute_schedule(const Plan& plan);

}  // namespace ripple
