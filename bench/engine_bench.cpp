// The event kernel on the classic hold model: K pending events; each step pops the earliest
// event and schedules one at an exponential delay (mean 1) after it. items_per_second is events
// per second. A std::priority_queue with the same (time, sequence) key runs in the same binary,
// so a ratio from one run exists. Delays come from a precomputed table of 65,536 exponential
// variates, the same for every queue, so the random number generator is not what is measured.

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <queue>
#include <vector>

#include "ripple/event_queue.hpp"

namespace {

constexpr std::size_t kTableSize = 1 << 16;

const std::vector<double>& exponential_table() {
  static const std::vector<double> table = [] {
    std::vector<double> t(kTableSize);
    std::uint64_t x = 0x9E3779B97F4A7C15ULL;  // xorshift64*: fixed across platforms
    for (auto& v : t) {
      x ^= x >> 12;
      x ^= x << 25;
      x ^= x >> 27;
      const double u = static_cast<double>((x * 0x2545F4914F6CDD1DULL) >> 11) * 0x1.0p-53;
      v = -std::log1p(-u);
    }
    return t;
  }();
  return table;
}

struct Payload {
  std::uint32_t entity;
  std::uint32_t generation;
};

template <unsigned kArity>
void BM_RippleHold(benchmark::State& state) {
  const auto k = static_cast<std::size_t>(state.range(0));
  const auto& table = exponential_table();
  ripple::EventQueue<double, Payload, 4, kArity> queue;
  queue.reset(0.0);
  queue.reserve(k + 1);
  std::size_t next = 0;
  for (std::size_t i = 0; i < k; ++i) {
    queue.push(table[next++ & (kTableSize - 1)], 0, {static_cast<std::uint32_t>(i), 0});
  }
  for (auto _ : state) {
    const auto event = queue.pop();
    queue.push(event.time + table[next++ & (kTableSize - 1)], 0, event.payload);
  }
  benchmark::DoNotOptimize(queue.now());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

struct StdEvent {
  double time;
  std::uint64_t sequence;
  Payload payload;
};
struct Later {
  bool operator()(const StdEvent& a, const StdEvent& b) const {
    return a.time > b.time || (a.time == b.time && a.sequence > b.sequence);
  }
};

void BM_PriorityQueueHold(benchmark::State& state) {
  const auto k = static_cast<std::size_t>(state.range(0));
  const auto& table = exponential_table();
  std::vector<StdEvent> storage;
  storage.reserve(k + 1);
  std::priority_queue<StdEvent, std::vector<StdEvent>, Later> queue(Later{}, std::move(storage));
  std::size_t next = 0;
  std::uint64_t sequence = 0;
  for (std::size_t i = 0; i < k; ++i) {
    queue.push({table[next++ & (kTableSize - 1)], sequence++, {static_cast<std::uint32_t>(i), 0}});
  }
  for (auto _ : state) {
    const StdEvent event = queue.top();
    queue.pop();
    queue.push({event.time + table[next++ & (kTableSize - 1)], sequence++, event.payload});
  }
  benchmark::DoNotOptimize(queue.top().time);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

BENCHMARK(BM_RippleHold<4>)->Name("ripple_4ary/hold")->Arg(10)->Arg(1000)->Arg(100000);
BENCHMARK(BM_RippleHold<2>)->Name("ripple_binary/hold")->Arg(10)->Arg(1000)->Arg(100000);
BENCHMARK(BM_PriorityQueueHold)->Name("std_priority_queue/hold")->Arg(10)->Arg(1000)->Arg(100000);

}  // namespace

BENCHMARK_MAIN();
