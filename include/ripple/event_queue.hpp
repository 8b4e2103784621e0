#pragma once
/// The discrete-event kernel's future-event list. Events are small trivially-copyable records
/// keyed on (time, priority, sequence): the earliest time first, then the lowest priority
/// number, then the order they were pushed in (a deterministic tie-break: the same pushes give
/// the same pops on every platform).
///
/// Layout: a d-ary heap (4-ary by default, binary selectable; see bench/README.md) of records,
/// sifted with a moving hole rather than swaps, comparing (time, priority, sequence) as one
/// integer without branches. A pop leaves its record at the root until the next push replaces
/// it (one sift-down for the pop-then-push pattern of simulations). Events
/// pushed for the current instant (time == now(), e.g. successors made ready by a finish) skip the
/// heap: they go to one FIFO per priority, which is sorted by construction. Cancellation is lazy:
/// the caller stamps events with a generation from a GenerationTable and drops stale ones when they
/// are popped. The queue knows nothing of what events mean; callers dispatch with a switch on
/// their own event type.

#include <bit>
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
  static_assert((std::is_integral_v<Time> && (std::is_signed_v<Time> || sizeof(Time) < 8)) ||
                    (std::is_floating_point_v<Time> && sizeof(Time) == 8),
                "times are integers or doubles (see time_key)");

 public:
  /// A popped event.
  struct Event {
    Time time;
    unsigned priority;
    Payload payload;
  };

  /// Empties the queue and sets the clock to `start`; keeps the allocated memory.
  void reset(Time start = Time{}) {
    heap_.assign(kArity - 1, kSentinel);
    heap_size_ = 0;
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
  void reserve(std::size_t n) { heap_.reserve(n + kArity - 1); }

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
      sift_down(Entry{time_key(time), order, payload});
      return;
    }
    heap_.push_back(kSentinel);  // keeps kArity - 1 sentinels past the last entry
    place_up(Entry{time_key(time), order, payload}, heap_size_++);
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
      const bool heap_first = heap_size_ != 0 && !(now_time_ < from_key(heap_.front().time_key)) &&
                              (heap_.front().order >> 56) <= p;
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
    now_time_ = from_key(top.time_key);
    return Event{now_time_, static_cast<unsigned>(top.order >> 56), top.payload};
  }

 private:
  struct Entry {
    std::uint64_t time_key;  // time_key(time): unsigned integers order like the times
    std::uint64_t order;     // priority in the top 8 bits, then the push sequence
    Payload payload;
  };
  struct Fifo {
    std::vector<Payload> items;
    std::size_t head = 0;
  };

  [[nodiscard]] std::size_t heap_size() const { return heap_size_ - (root_popped_ ? 1 : 0); }

  // Removes the record a pop left at the root, if any.
  void settle() {
    if (!root_popped_) return;
    root_popped_ = false;
    const Entry last = heap_[--heap_size_];
    heap_[heap_size_] = kSentinel;
    heap_.pop_back();
    if (heap_size_ != 0) sift_down(last);
  }

  // Times are compared as unsigned integers: cheaper than floating-point compares, and the
  // (time, order) comparison then needs no branch. A time becomes a signed 64-bit integer (a
  // double's sign and magnitude become two's complement, so that -0.0 and +0.0 are one instant
  // and a -0.0 comes back as +0.0), offset by 2^63. Integer arithmetic only: the key is on the
  // pop-to-push dependency chain.
  static constexpr std::uint64_t kSign = std::uint64_t{1} << 63;
  static std::uint64_t time_key(Time t) {
    if constexpr (std::is_floating_point_v<Time>) {
      const auto bits = std::bit_cast<std::uint64_t>(t);
      const std::uint64_t negative = 0 - (bits >> 63);  // all ones for a negative time
      return (((bits & ~kSign) ^ negative) - negative) ^ kSign;
    } else {
      return static_cast<std::uint64_t>(static_cast<std::int64_t>(t)) ^ kSign;
    }
  }
  static Time from_key(std::uint64_t key) {
    if constexpr (std::is_floating_point_v<Time>) {
      const std::uint64_t value = key ^ kSign;
      const std::uint64_t negative = 0 - (value >> 63);
      return std::bit_cast<Time>(((value ^ negative) - negative) | (negative & kSign));
    } else {
      return static_cast<Time>(static_cast<std::int64_t>(key ^ kSign));
    }
  }

  // Branch-free, so that the child selection below compiles to index arithmetic: which child
  // is smallest is a coin toss that a branch predictor cannot learn. With 128-bit integers the
  // (time, order) pair is one number: a compare and a subtract-with-borrow.
  static bool before(const Entry& a, const Entry& b) {
#ifdef __SIZEOF_INT128__
    __extension__ using Key = unsigned __int128;
    return ((Key{a.time_key} << 64) | a.order) < ((Key{b.time_key} << 64) | b.order);
#else
    return (a.time_key < b.time_key) | ((a.time_key == b.time_key) & (a.order < b.order));
#endif
  }

  // Moves `moving` up from `hole` to where its parent is not after it and stores it there.
  void place_up(const Entry moving, std::size_t hole) {
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!before(moving, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = moving;
  }

  // The index of the smallest of the kArity children starting at `first` (all present).
  std::size_t min_child(std::size_t first) const {
    // Index arithmetic on the comparison results (rather than `?:`, which compilers turn back
    // into branches) keeps the selection free of jumps.
    if constexpr (kArity == 4) {
      // A tournament: the two first matches are independent, so they overlap in the pipeline.
      const std::size_t a = first + before(heap_[first + 1], heap_[first]);
      const std::size_t b = first + 2 + before(heap_[first + 3], heap_[first + 2]);
      return a + (b - a) * before(heap_[b], heap_[a]);
    } else {
      std::size_t best = first;
      for (std::size_t c = first + 1; c < first + kArity; ++c) {
        best += (c - best) * before(heap_[c], heap_[best]);
      }
      return best;
    }
  }

  // Places `moving` into the hole left at the root. Top-down: a bottom-up (Floyd) descent to a
  // leaf and a climb back measured slower here (bench/README.md).
  void sift_down(const Entry& moving) {
    std::size_t hole = 0;
    for (std::size_t first = 1; first < heap_size_; first = hole * kArity + 1) {
      const std::size_t best = min_child(first);  // a real entry: sentinels lose to any
      if (!before(heap_[best], moving)) break;
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = moving;
  }

  // Past the last entry: later than any event (a real order is below ~0), so that every node
  // has kArity children to compare and the descent needs no special case for the last one.
  static constexpr Entry kSentinel{~std::uint64_t{0}, ~std::uint64_t{0}, Payload{}};

  std::vector<Entry> heap_ = std::vector<Entry>(kArity - 1, kSentinel);
  std::size_t heap_size_ = 0;  // entries in heap_, including a popped root not yet removed
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
