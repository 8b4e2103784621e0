#pragma once
/// The rollout engine: runs a Plan through calendar time on the discrete-event kernel
/// (event_queue.hpp) and returns a Timeline. docs/scheduling.md describes the rules.
///
/// Time is whole days. Events: an activity becomes ready (its start predecessors resolved),
/// starts, ends its work, finishes (FF/SF predecessors hold the finish until satisfied),
/// milestones, monthly ramp-up steps after each capacity-adding phase, dated shocks and period
/// boundaries (calendar.period). Same-instant events run in this order: shocks, finishes,
/// milestones, work ends, ready, starts, ramp-up steps, period boundaries.
///
/// Working calendars (work_calendar.hpp) as in CPM: starts move to a working day, durations and
/// working lags count working days, FF/SF links in shift mode move the start.
/// Dates follow the CPM forward pass (cpm.hpp): with the plan's durations and no shocks the
/// rollout's start and finish equal the CPM early dates, and its driving paths CPM's critical
/// paths: when constraints tie, an own date drives first, then the dependency declared first
/// (whatever order the events came in). Shocks (Scenario::shocks):
///   delay (phase, date D, by): not started by D (start on or after D): the start moves `by`
///     later; under way at D: work pauses [D, D + by), the finish moves by as many days;
///   stop (project, D, until U): its phases under way pause [D, U); phases that would start in
///     [D, U) start at U; milestones are not stopped; Timeline::stops gets [D, U);
///   capacity_cut: recorded in Timeline::cuts (the ledger applies it).
/// A pause that begins inside another pause is appended after it. A start that only becomes
/// known after its date (a lead longer than the predecessor's remaining time) keeps its
/// computed date; shocks dated before that moment reach it as pauses when they fall inside
/// its work. Risks and resources are not used yet.
///
/// Fast enough for Monte Carlo: a Rollout keeps its buffers between runs (no allocation per
/// event; pauses allocate only when shocks pause work).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/duration.hpp"
#include "ripple/event_queue.hpp"
#include "ripple/plan.hpp"
#include "ripple/timeline.hpp"

namespace ripple {

/// A reusable rollout of one Plan. Keeps a pointer to the plan (which must outlive it) and reads
/// the plan's current durations at each run(). Not thread-safe: one per thread.
class Rollout {
 public:
  explicit Rollout(const Plan& plan);

  /// Runs the plan and returns the timeline, valid until the next run(). Does not throw.
  const Timeline& run();

 private:
  enum class EventType : std::uint8_t {
    kShock,
    kFinish,
    kMilestone,
    kWorkDone,
    kReady,
    kStart,
    kRampStep,
    kPeriod,
  };
  struct EventRecord {
    EventType type;
    std::uint32_t entity;
    std::uint32_t generation;
  };
  enum class State : std::uint8_t { kWaiting, kScheduled, kRunning, kHolding, kFinished };
  struct OutLink {
    std::uint32_t target;
    DependencyType type;
    Duration lag;
    std::uint32_t rank;  // position among the target's dependencies, in declaration order
    const WorkCalendar* lag_calendar;
    bool shifts_start;  // Link::shifts_start: constrains the target's start
  };
  struct Driver {
    std::uint8_t kind;  // detail::Driver::Kind
    std::uint32_t pred;
    std::uint32_t rank;  // of the link (kPredStart, kPredFinish): ties go to the lowest
  };
  struct FiredDelay {
    std::uint32_t vertex;
    Date date;
    Duration delay;
  };
  struct FiredStop {
    std::uint32_t project;
    Date from;
    Date until;
  };

  void push(Date when, EventType type, std::uint32_t entity, std::uint32_t generation = 0);
  // Runs one event; false when it was stale (a cancelled generation).
  bool dispatch(const EventRecord& e, Date now);
  // "activity mine.shaft", "shock late_permit", "the reporting calendar": what an event is
  // about, for errors.
  [[nodiscard]] std::string describe(const EventRecord& e) const;
  void on_ready(Vertex v, Date now);
  void on_start(Vertex v, Date now);
  void on_work_done(Vertex v);
  void on_finish(Vertex v);
  void on_milestone(Vertex v);
  void on_shock(std::size_t index, Date now);
  void on_ramp_step(Vertex v);
  void schedule_finish(Vertex v);
  void resolve_start_links(Vertex v);
  void resolve_finish_links(Vertex v);
  void resolve_link(const OutLink& link, Date anchor, Vertex p);
  void resolve(Vertex s, Date constraint, bool is_finish_constraint, std::uint8_t kind, Vertex p,
               std::uint32_t rank);
  void pause(Vertex v, Date from, int days);
  void reschedule_work_done(Vertex v);
  Date next_period(Date from) const;

  const Plan* plan_;
  Timeline timeline_;
  EventQueue<int, EventRecord, 8, 4> queue_;
  GenerationTable generations_;

  // Static per plan.
  std::vector<std::size_t> out_begin_;  // CSR offsets into out_links_, size n + 1
  std::vector<OutLink> out_links_;
  std::vector<std::uint32_t> start_links_in_;   // FS/SS predecessors
  std::vector<std::uint32_t> finish_links_in_;  // FF/SF predecessors
  std::vector<std::uint32_t> project_of_;

  // Per run.
  std::vector<State> state_;
  std::vector<std::uint32_t> pending_start_;
  std::vector<std::uint32_t> pending_finish_;
  std::vector<Date> start_bound_;
  std::vector<std::optional<Date>> finish_bound_;
  std::vector<Driver> start_driver_;
  std::vector<Driver> hold_driver_;  // the FF/SF predecessor holding the finish longest
  std::vector<Driver> finish_driver_;
  std::vector<Date> start_;
  std::vector<Date> work_end_;
  std::vector<Date> finish_;
  std::vector<std::uint32_t> ramp_step_;
  std::vector<FiredDelay> fired_delays_;
  std::vector<FiredStop> fired_stops_;
  std::vector<std::optional<Vertex>> last_;  // [project] the activity finishing it
  std::vector<Vertex> path_;
};

/// Convenience: one rollout of `plan`. Throws nothing.
[[nodiscard]] Timeline roll_out(const Plan& plan);

}  // namespace ripple
