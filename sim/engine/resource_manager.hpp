#pragma once
// The shared resources of a rollout: what each phase draws while active, the capacity in force,
// what is in use, and the queue of phases waiting for their amounts. Internal to the engine
// (rollout.cpp drives it from its events); docs/scheduling.md, "Shared resources", states the
// rules this implements:
// - a phase seizes all it draws at once or nothing (no partial seizes, so no deadlock on partial
//   holdings); it holds it from its start to the end of its work, pauses included;
// - waiting phases are served earliest-ready first, then larger Phase::priority, then
//   declaration order; one that does not fit does not block later ones that do;
// - an `on_shortfall: import` resource never makes a phase wait: it gives what is free and the
//   rest is imported (the phase's imported share).
// Phases that use no resource never reach this class, so runs without resources pay nothing.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/plan.hpp"

namespace ripple::detail {

class ResourceManager {
 public:
  /// A dated change of one resource's capacity.
  struct CapacityChange {
    Date day;
    std::uint32_t resource;
    double capacity;
  };
  /// A phase in the queue.
  struct Waiter {
    int ready_day;
    int priority;
    std::uint32_t vertex;
  };

  /// Resolves each phase's `uses` to resource indices. The plan must outlive the manager.
  explicit ResourceManager(const Plan& plan);

  /// True when some phase draws on some resource.
  [[nodiscard]] bool is_active() const { return !needs_.empty(); }
  /// True when phase v draws on some resource.
  [[nodiscard]] bool uses(std::size_t v) const { return need_begin_[v] != need_begin_[v + 1]; }

  /// Back to the initial capacities, nothing in use, nobody waiting.
  void reset();
  /// The capacity changes of resources that phases use, in date order (ties: declaration).
  [[nodiscard]] const std::vector<CapacityChange>& changes() const { return changes_; }
  /// Applies changes()[i]; an increase lets the queue be served again.
  void apply_change(std::size_t i);

  /// True when every resource v draws on has v's amount free (import resources always do).
  [[nodiscard]] bool fits(std::size_t v) const;
  /// Seizes v's amounts (without checking fits(): phases that had started before as_of take
  /// theirs regardless) and returns the imported share of what v draws from import resources.
  double acquire(std::size_t v);
  /// Gives back what v holds, on `day`.
  void release(std::size_t v, Date day);
  /// The resources short for v now, as indices into Scenario::resources, into `out`.
  void short_resources(std::size_t v, std::vector<std::size_t>& out) const;
  /// The phase whose release on `day` freed a resource v draws on, if any: what drove v's
  /// start when it had waited. Several releases that day: per resource the last one in event
  /// order; across v's resources, the latest declared of those phases.
  [[nodiscard]] std::optional<std::uint32_t> released_for(std::size_t v, Date day) const;

  /// Queues v, ready on `ready`.
  void enqueue(std::size_t v, Date ready);
  /// Takes v out of the queue (a shock moved its start).
  void withdraw(std::size_t v);
  /// True when a serve could start someone: arrivals since the last serve, or something freed
  /// while phases wait.
  [[nodiscard]] bool has_work() const {
    return !arrivals_.empty() || (freed_ && !waiting_.empty());
  }
  /// Starts, in queue order, every waiting phase that fits: seizes its amounts and calls
  /// start(vertex). Only new arrivals are tried unless something was freed since the last serve
  /// (the others were tried then and nothing has grown since).
  template <class Start>
  void serve(Start&& start);
  /// Phases still waiting (at the end of a run: those that can never start).
  [[nodiscard]] const std::vector<Waiter>& waiting() const { return waiting_; }
  /// Throws the ModelError for the phases still waiting at the end of a run (they can never
  /// start), naming each phase and the resource it needs more of than is ever offered.
  [[noreturn]] void throw_never_startable() const;
  /// The capacity of resource r in force.
  [[nodiscard]] double capacity(std::uint32_t r) const { return capacity_[r]; }

 private:
  struct Need {
    std::uint32_t resource;
    bool imports;  // the resource's on_shortfall is import
    double amount;
  };
  static bool before(const Waiter& a, const Waiter& b) {
    if (a.ready_day != b.ready_day) return a.ready_day < b.ready_day;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.vertex < b.vertex;
  }

  const Plan* plan_;
  std::vector<std::size_t> need_begin_;  // CSR offsets into needs_, size n + 1
  std::vector<Need> needs_;
  std::vector<double> held_;     // parallel to needs_: what the phase holds
  std::vector<int> priority_;    // [vertex]
  std::vector<double> initial_;  // [resource]
  std::vector<CapacityChange> changes_;

  // Per run.
  std::vector<double> capacity_;              // [resource]
  std::vector<double> in_use_;                // [resource]
  std::vector<std::uint32_t> last_releaser_;  // [resource]
  std::vector<int> last_release_day_;         // [resource]
  std::vector<Waiter> waiting_;
  std::vector<Waiter> arrivals_;
  std::vector<Waiter> buffer_;
  bool freed_ = false;
};

template <class Start>
void ResourceManager::serve(Start&& start) {
  std::sort(arrivals_.begin(), arrivals_.end(), before);
  if (freed_) {
    buffer_.clear();
    std::merge(waiting_.begin(), waiting_.end(), arrivals_.begin(), arrivals_.end(),
               std::back_inserter(buffer_), before);
    waiting_.swap(buffer_);
    arrivals_.clear();
    freed_ = false;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < waiting_.size(); ++i) {
      const Waiter w = waiting_[i];
      if (fits(w.vertex)) {
        start(w.vertex, acquire(w.vertex));
      } else {
        waiting_[kept++] = w;
      }
    }
    waiting_.resize(kept);
    return;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < arrivals_.size(); ++i) {
    const Waiter w = arrivals_[i];
    if (fits(w.vertex)) {
      start(w.vertex, acquire(w.vertex));
    } else {
      arrivals_[kept++] = w;
    }
  }
  arrivals_.resize(kept);
  if (!arrivals_.empty()) {
    buffer_.clear();
    std::merge(waiting_.begin(), waiting_.end(), arrivals_.begin(), arrivals_.end(),
               std::back_inserter(buffer_), before);
    waiting_.swap(buffer_);
    arrivals_.clear();
  }
}

}  // namespace ripple::detail
