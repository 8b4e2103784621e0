#pragma once
/// The schedule fast path of Monte Carlo for plans whose phases draw shared resources: the
/// rollout engine's dates (rollout.hpp), without shocks, computed by a lean sweep over whole
/// days instead of the event engine.
///
/// The plan is precompiled into flat arrays (out-links with their lags in days resolved once,
/// as in the schedule kernel). A run walks the days in order over a bucket per day (no heap);
/// within a day it does what the engine's same-instant events do, with the same outcome:
/// capacity steps, finishes, ends of work (releases, in the order the phases began), readiness
/// and starts settle first, then the resource queue is served (detail::ResourceManager, the
/// engine's own: earliest ready, then priority, then declaration order; first fit; import pools
/// never wait), and what the serve started settles and is served again, until the day is
/// quiet. Dates, work ends, ready dates, waits and what they waited for, imported shares and
/// driving paths (a phase that waited is driven by the release that let it start) equal the
/// rollout's for every plan without shocks (a property test over random networks). A phase that
/// can never start throws the engine's ModelError. Pauses, stops, cuts and full capacity stay
/// empty: Monte Carlo uses it for campaigns that need only dates (McLayout::schedule_only).

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/duration.hpp"
#include "ripple/plan.hpp"
#include "ripple/timeline.hpp"
#include "ripple/work_calendar.hpp"

namespace ripple {

namespace detail {
class ResourceManager;
}

/// True when no phase can ever wait for a shared resource or import part of it: for each
/// resource, what all phases draw together fits in the least capacity it ever offers (its
/// initial capacity and every step). The rollout's dates and driving paths are then those
/// without resources, with no waits and nothing imported, so ScheduleKernel gives them: Monte
/// Carlo decides this once per campaign.
[[nodiscard]] bool resources_never_bind(const Scenario& scenario);

/// A compiled plan with shared resources. Keeps a pointer to the plan (which must outlive it).
/// Not thread-safe: one per thread.
class ResourceKernel {
 public:
  explicit ResourceKernel(const Plan& plan);
  ~ResourceKernel();
  ResourceKernel(ResourceKernel&&) noexcept;
  ResourceKernel& operator=(ResourceKernel&&) noexcept;

  /// The rollout's timeline for `durations` (indexed by vertex) and no shocks, valid until the
  /// next run(). Throws std::invalid_argument when `durations` has not one entry per activity,
  /// ModelError when a phase can never start (the engine's message) and DateRangeError when a
  /// date leaves the calendar's range.
  const Timeline& run(const std::vector<Duration>& durations);

 private:
  // In the engine's same-instant order.
  enum class Step : std::uint8_t { kCapacity, kFinish, kMilestone, kWorkDone, kStart };
  static constexpr std::size_t kSteps = 5;
  enum class State : std::uint8_t { kWaiting, kScheduled, kQueued, kRunning, kHolding, kFinished };
  struct List {  // of items, linked by Item::next
    std::int32_t first = -1;
    std::int32_t last = -1;
  };
  // A day's steps: ends of work, then the others (so that the sweep takes steps of one kind in a
  // row rather than alternating them at random).
  using Day = std::array<List, 2>;
  struct Item {  // one step on a later day, in a list per day
    Step step;
    std::uint32_t entity;
    std::int32_t next;  // the day's next item in items_, -1 at the end
  };
  // The sweep visits vertices in time order, not in memory order: what it reads and writes of
  // a vertex and a link is packed small (Node, OutLink, Live), the rest kept apart.
  struct OutLink {
    std::uint32_t target;
    std::uint32_t rank;  // position among the target's dependencies, in declaration order
    std::uint8_t kind;   // detail::Driver::Kind: kPredFinish (FS, FF) or kPredStart (SS, SF)
    bool on_start;       // constrains the target's start (FS, SS, shifting FF/SF)
    bool shifts_start;   // Link::shifts_start
    bool lag_in_days;    // lag_days holds the lag; otherwise advance() on out_lags_[link]
    std::int32_t lag_days;
  };
  struct OutLag {
    Duration lag;
    const WorkCalendar* calendar;
  };
  struct Node {
    std::uint32_t start_out_begin;   // into out_: links anchored on the start (SS, SF) ...
    std::uint32_t finish_out_begin;  // ... then on the finish (FS, FF) ...
    std::uint32_t out_end;           // ... to here
    std::uint32_t project;
    std::uint32_t activity;  // within its project
    const WorkCalendar* calendar;
    Date actual_finish;
    bool is_milestone;
    bool has_fixed_date;
    bool has_actual_start;
    bool has_actual_finish;
    bool uses_resources;
  };
  struct Driver {
    constexpr Driver() = default;
    constexpr Driver(std::uint8_t k, std::uint32_t p, std::uint32_t r)
        : pred(p), rank(r), kind(k) {}
    std::uint32_t pred = 0;
    std::uint32_t rank : 24 = 0;  // of the link: ties go to the lowest
    std::uint32_t kind : 8 = 0;   // detail::Driver::Kind
  };
  static constexpr std::uint32_t kMaxRank = (1U << 24) - 1;

  // A vertex's state in a run.
  struct Live {
    State state;
    std::uint8_t has_finish_bound;
    std::uint8_t waited;  // short of some resource when it first asked
    std::uint32_t pending_start;
    std::uint32_t pending_finish;
    Date start_bound;
    Date finish_bound;
    Date start;
    Date work_end;
    Date finish;
    Date ready;
    Driver start_driver;
    Driver hold_driver;
    Driver finish_driver;
  };

  void push(Date when, Step step, std::uint32_t entity);
  void push_today(Step step, std::uint32_t entity);
  void grow_days(std::size_t slot);
  void sweep_day(std::size_t slot);
  void sweep_day_by_step(std::size_t slot);
  void dispatch(Step step, std::uint32_t entity);
  void ready(std::uint32_t v);
  void on_start(std::uint32_t v);
  void begin_work(std::uint32_t v, Date start);
  void on_work_done(std::uint32_t v);
  void schedule_finish(std::uint32_t v);
  void on_finish(std::uint32_t v);
  void on_milestone(std::uint32_t v);
  void resolve_links(std::uint32_t begin, std::uint32_t end, Date anchor, std::uint32_t p);
  void resolve(std::uint32_t s, Date constraint, bool is_finish_constraint, std::uint8_t kind,
               std::uint32_t p, std::uint32_t rank);
  void serve();
  ActivityTimes& times(std::uint32_t v) {
    return timeline_.activities[nodes_[v].project][nodes_[v].activity];
  }

  const Plan* plan_;
  Date as_of_;
  Date begin_;  // the first day of every run
  std::vector<Node> nodes_;
  std::vector<OutLink> out_;
  std::vector<OutLag> out_lags_;  // [link]
  std::vector<Date> own_start_;   // [vertex] its fixed or actual start, if any
  std::vector<Live> initial_;     // [vertex] its state at the start of a run
  std::unique_ptr<detail::ResourceManager> resources_;
  // Some phase that draws resources started before as_of: it takes what is free when its start
  // comes, without queueing, so the day's steps run in the engine's full same-instant order.
  bool by_step_ = false;

  // Per run.
  const std::vector<Duration>* durations_ = nullptr;
  int today_ = 0;                    // the day being swept, in Date::days()
  std::vector<Item> items_;          // the steps of later days
  std::vector<Day> days_;            // [day - begin_]
  std::vector<std::uint64_t> busy_;  // a bit per day: it has items
  std::size_t pending_ = 0;          // items of days not swept yet
  bool swept_clean_ = true;          // the last run emptied days_ and busy_ (it did not throw)
  std::vector<Item> found_today_;    // today's steps found today (sweep_day)
  std::array<std::vector<std::uint32_t>, kSteps> today_steps_;  // today's, per step
  std::vector<Live> live_;                                      // [vertex]
  std::vector<double> imported_share_;
  std::vector<std::uint32_t> arrived_;  // queued since the last serve
  std::vector<Vertex> path_;
  std::vector<std::uint8_t> path_seen_;  // [vertex] detail::driving_path's `seen`
  Timeline timeline_;
};

}  // namespace ripple
