#pragma once
/// What a rollout produced: when each activity really started and finished, when its work was
/// paused, and when each project's operations were stopped or cut. The engine writes it; the
/// activity ledger reads it. Plain data, indexed like Scenario (project, then phase).

#include <optional>
#include <vector>

#include "ripple/date.hpp"

namespace ripple {

/// A half-open span of days [from, to).
struct Interval {
  Date from;
  Date to;
  [[nodiscard]] int days() const { return to - from; }
};

/// Dates of one phase or milestone in a run.
struct ActivityTimes {
  Date start;
  Date finish;                   ///< >= start; a milestone has finish == start
  std::vector<Interval> pauses;  ///< work stopped inside [start, finish), ordered, disjoint
  bool is_critical = false;      ///< on the driving path to a project's finish
  /// The day its predecessors, dates and shocks allowed it to start; start - ready is the
  /// time it waited for shared resources (0 for activities that use none).
  Date ready;
  /// The day its work ended and it released its resources (<= finish: FF/SF links may hold
  /// the finish later). A milestone: its date.
  Date work_end;
  /// Indices into Scenario::resources of the resources that were short when it waited, in
  /// declaration order; empty when it did not wait.
  std::vector<std::size_t> waited_for;
  /// Of the amount it draws from resources with `on_shortfall: import`, the share brought from
  /// outside the region because the pool was short at its start, in [0, 1].
  double imported_share = 0.0;
  [[nodiscard]] int wait_days() const { return start - ready; }
};

/// A capacity cut on a project's operations: capacity x (1 - share) during [from, to).
struct CapacityCut {
  Date from;
  std::optional<Date> to;  ///< none: for the rest of the horizon
  double share = 0.0;
};

/// The result of one rollout.
struct Timeline {
  std::vector<std::vector<ActivityTimes>> activities;  ///< [project][phase]
  std::vector<std::vector<Interval>> stops;            ///< [project]: operations stopped
  std::vector<std::vector<CapacityCut>> cuts;          ///< [project]
  /// [project]: the day the last capacity-adding phase reaches full capacity (its finish plus
  /// its ramp-up length); none when the project adds no capacity.
  std::vector<std::optional<Date>> full_capacity;
  std::size_t events_processed = 0;  ///< engine events dispatched, for reports
};

}  // namespace ripple
