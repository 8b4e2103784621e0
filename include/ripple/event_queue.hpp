#pragma once
/// The discrete-event kernel's future-event list. Events are small trivially-copyable records
/// keyed on (time, priority, sequence): the earliest time first, then the lowest priority
/// number, then the order they were pushed in (a deterministic tie-break: the same pushes give
/// the same pops on every platform).
///
/// Layout: a d-ary heap (4-ary by default, binary selectable; see bench/README.md) of records,
/// sifted with a moving hole rather than swaps. A pop leaves its record at the root until the
/// next push replaces it (one sift-down for the pop-then-push pattern of simulations). Events
/// pushed for the current instant (time == now(), e.g. successors made ready by a finish) skip the
/// heap: they go to one FIFO per priority, which is sorted by construction. Cancellation is lazy:
/// the caller stamps events with a generation from a GenerationTable and drops stale ones when they
/// are popped. The queue knows nothing of what events mean; callers dispatch with a switch on
/// their own event type.

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace ripple {

/// A future-event list of `Payload` records at times of type `Time` (int days in the rollout,
/// double in benchmarks). `kPriorities` is the number of priority levels (0 runs first);
/// `kArity` the heap's branching factor (2 or 4). Not thread-safe; one per simulation.
template <class Time, class Payload, unsigned kPriorities = 8, unsigned kArity = 4>
class EventQueue {
  static_assert(std::is_trivially_copyable_v<Payload>, "events are small plain records");
  static_assert(kPriorities >= 1 && kPriorities <= 256);
  static_assert(kArity >= 2);

 public:
  /// A popped event.
  struct Event {
    Time time;
    unsigned priority;
    Payload payload;
  };

  /// Empties the queue and sets the clock to `start`; keeps the allocated memory.
  void reset(Time start = Time{}) {
    heap_.clear();
    root_popped_ = false;
    for (auto& fifo : now_) {
      fifo.items.clear();
      fifo.head = 0;
    }
    now_count_ = 0;
    now_time_ = start;
    sequence_ = 0;
  }

  /// Reserves room for `n` pending events, so that pushes do not allocate.
  void reserve(std::size_t n) { heap_.reserve(n); }

  /// Schedules `payload` at `time` (>= now(); earlier times are treated as now()) with
  /// `priority` in [0, kPriorities).
  void push(Time time, unsigned priority, const Payload& payload) {
    assert(priority < kPriorities);
    if (!(now_time_ < time)) {
      now_[priority].items.push_back(payload);
      ++now_count_;
      return;
    }
    const std::uint64_t order = (static_cast<std::uint64_t>(priority) << 56) | sequence_++;
    if (root_popped_) {
      // The last pop left its record at the root: the new event takes that place with one
      // sift-down, instead of a sift-down for the pop and a sift-up for the push.
      root_popped_ = false;
      sift_down(Entry{time, order, payload});
      return;
    }
    heap_.push_back(Entry{time, order, payload});
    sift_up(heap_.size() - 1);
  }

  /// True when no event is pending.
  [[nodiscard]] bool empty() const { return heap_size() == 0 && now_count_ == 0; }
  /// Number of pending events.
  [[nodiscard]] std::size_t size() const { return heap_size() + now_count_; }
  /// The time of the last event popped (or the start time).
  [[nodiscard]] Time now() const { return now_time_; }

  /// Removes and returns the next event and advances now() to its time. Precondition: !empty().
  Event pop() {
    assert(!empty());
    settle();
    if (now_count_ != 0) {
      // The current instant's FIFOs hold events at now(); a heap event goes first only when it
      // is at now() too with a priority number no higher (same priority: it was pushed earlier).
      unsigned p = 0;
      while (now_[p].head == now_[p].items.size()) ++p;
      const bool heap_first =
          !heap_.empty() && !(now_time_ < heap_.front().time) && (heap_.front().order >> 56) <= p;
      if (!heap_first) {
        auto& fifo = now_[p];
        Event event{now_time_, p, fifo.items[fifo.head++]};
        if (fifo.head == fifo.items.size()) {
          fifo.items.clear();
          fifo.head = 0;
        }
        --now_count_;
        return event;
      }
    }
    const Entry& top = heap_.front();
    root_popped_ = true;  // removed lazily: by the next push, or by settle()
    now_time_ = top.time;
    return Event{top.time, static_cast<unsigned>(top.order >> 56), top.payload};
  }

 private:
  struct Entry {
    Time time;
    std::uint64_t order;  // priority in the top 8 bits, then the push sequence
    Payload payload;
  };
  struct Fifo {
    std::vector<Payload> items;
    std::size_t head = 0;
  };

  [[nodiscard]] std::size_t heap_size() const { return heap_.size() - (root_popped_ ? 1 : 0); }

  // Removes the record a pop left at the root, if any.
  void settle() {
    if (!root_popped_) return;
    root_popped_ = false;
    const Entry last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(last);
  }

  static bool before(const Entry& a, const Entry& b) {
    return a.time < b.time || (!(b.time < a.time) && a.order < b.order);
  }

  void sift_up(std::size_t hole) {
    const Entry moving = heap_[hole];
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!before(moving, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = moving;
  }

  // Places `moving` into the hole left at the root.
  void sift_down(const Entry& moving) {
    const std::size_t n = heap_.size();
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first = hole * kArity + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t end = first + kArity < n ? first + kArity : n;
      for (std::size_t c = first + 1; c < end; ++c) {
        if (before(heap_[c], heap_[best])) best = c;
      }
      if (!before(heap_[best], moving)) break;
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = moving;
  }

  std::vector<Entry> heap_;
  Fifo now_[kPriorities];
  std::size_t now_count_ = 0;
  Time now_time_{};
  std::uint64_t sequence_ = 0;
  bool root_popped_ = false;
};

/// Generation counters for lazy cancellation: an event carries the generation of its entity at
/// the time it was scheduled; cancelling bumps the counter, so stale events are recognised (and
/// dropped) when they are popped.
class GenerationTable {
 public:
  /// Resizes to `entities` counters, all zero.
  void reset(std::size_t entities) { generations_.assign(entities, 0); }
  /// The current generation of `entity`.
  [[nodiscard]] std::uint32_t current(std::size_t entity) const { return generations_[entity]; }
  /// Invalidates every pending event of `entity`; returns the new generation.
  std::uint32_t cancel(std::size_t entity) { return ++generations_[entity]; }
  /// True when an event stamped `generation` is still valid for `entity`.
  [[nodiscard]] bool is_current(std::size_t entity, std::uint32_t generation) const {
    return generations_[entity] == generation;
  }

 private:
  std::vector<std::uint32_t> generations_;
};

}  // namespace ripple
