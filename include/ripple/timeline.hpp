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
