#pragma once
/// The schedule fast path of Monte Carlo: CPM's forward pass (cpm.hpp) and each project's
/// driving path, precompiled from a Plan into flat arrays (topological order, in-links in
/// declaration order, lags in days resolved once; working calendars as in CPM) so that a run with
/// new durations costs one pass over the activities and their links, with no allocation.
///
/// For a plan without shocks its dates and critical flags equal those of the rollout engine
/// (rollout.hpp) and of compute_schedule(): the same constraints, and the same tie rule for
/// what drove a date (an own date first, then the dependency declared first). Monte Carlo uses
/// it for campaigns whose runs need nothing but dates (McLayout::schedule_only).

#include <cstdint>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/duration.hpp"
#include "ripple/plan.hpp"
#include "ripple/timeline.hpp"
#include "ripple/work_calendar.hpp"

namespace ripple {

/// A compiled plan. Keeps a pointer to the plan (which must outlive it). Not thread-safe: one
/// per thread.
class ScheduleKernel {
 public:
  explicit ScheduleKernel(const Plan& plan);

  /// Early start and finish of every activity for `durations` (indexed by vertex; milestones
  /// take no time whatever their entry) and the driving path of each project's finish
  /// (ActivityTimes::is_critical); each ready date is the start (nothing waits). Work ends,
  /// pauses, waits, stops, cuts and full capacity stay empty. The
  /// timeline is valid until the next run(). Throws std::invalid_argument when `durations`
  /// has not one entry per activity.
  const Timeline& run(const std::vector<Duration>& durations);

 private:
  struct InLink {
    std::uint32_t pred;
    std::uint8_t type;  // DependencyType
    bool lag_in_days;   // lag_days holds the lag; otherwise advance() on the anchor
    bool shifts_start;  // Link::shifts_start: an FF/SF link that moves the start
    std::int32_t lag_days;
    Duration lag;
    const WorkCalendar* lag_calendar;
  };
  struct Node {
    std::uint32_t link_begin;  // into links_: start (and shifting) links, then finish links
    std::uint32_t start_links_end;
    std::uint32_t link_end;
    std::uint32_t project;
    std::uint32_t activity;
    bool is_milestone;
    bool has_fixed_date;
    bool has_actual_start;
    bool has_actual_finish;
    Date own_start;  // fixed date, actual start, or max(as_of, not_before)
    Date actual_finish;
    const WorkCalendar* calendar;  // Plan's ActivityNode::calendar
  };
  struct Driver {
    std::uint8_t kind;  // detail::Driver::Kind
    std::uint32_t pred;
  };

  const Plan* plan_;
  Date as_of_;
  std::vector<std::uint32_t> order_;
  std::vector<Node> nodes_;
  std::vector<InLink> links_;
  std::vector<std::uint32_t> first_vertex_;  // [project], size projects + 1

  std::vector<Date> start_;
  std::vector<Date> finish_;
  std::vector<Driver> start_driver_;
  std::vector<Driver> finish_driver_;
  std::vector<Vertex> path_;
  std::vector<std::uint8_t> path_seen_;  // [vertex] detail::driving_path's `seen`
  Timeline timeline_;
};

}  // namespace ripple
