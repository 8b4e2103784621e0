// One Monte Carlo run's dates on the 1,000-activity network of bench/mc/gen_network.py, without
// and with five shared resources, each step drawing run i's durations (McSampler, seed 1) and
// computing the dates: the schedule kernel (what `ripple mc` uses without resources), the
// resource-aware kernel (what `ripple mc` uses with them) with the resources at unreachable and
// at tight capacities, and the event engine's rollout on the three networks (what the
// resource-aware kernel replaces). items_per_second is runs per second (bench/README.md, "Monte
// Carlo with shared resources"; bench/mc/resources.sh runs it). The *_same_draw kernels draw
// run 0's durations at every step (see BM_Kernel).
//
//   resources_bench NONE.yaml UNLIMITED.yaml TIGHT.yaml [--benchmark_... flags]

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "ripple/mc_sampler.hpp"
#include "ripple/plan.hpp"
#include "ripple/resource_kernel.hpp"
#include "ripple/rollout.hpp"
#include "ripple/scenario.hpp"
#include "ripple/scenario_reader.hpp"
#include "ripple/schedule_kernel.hpp"

namespace {

// A network ready to run: its plan, sampler and engines, built once.
struct Network {
  explicit Network(const std::string& path)
      : scenario(ripple::load_scenario(path)),
        plan(std::make_unique<ripple::Plan>(scenario)),
        sampler(scenario, *plan, 1),
        kernel(*plan),
        resource_kernel(*plan),
        rollout(*plan) {}
  // Run i's durations, set on the plan.
  const std::vector<ripple::Duration>& draw(std::uint64_t i) {
    sampler.draw(i, draw_);
    sampler.durations(draw_, std::nullopt, durations);
    return durations;
  }
  ripple::Scenario scenario;
  std::unique_ptr<ripple::Plan> plan;
  ripple::McSampler sampler;
  ripple::ScheduleKernel kernel;
  ripple::ResourceKernel resource_kernel;
  ripple::Rollout rollout;
  std::vector<ripple::Duration> durations;

 private:
  ripple::McDraw draw_;
};

std::vector<std::unique_ptr<Network>>& networks() {
  static std::vector<std::unique_ptr<Network>> all;
  return all;
}

// With SameDraw, every step draws run 0's durations: the same work with the same branches in the
// same order each time, which shows what the variation between runs costs (the branch predictor
// cannot learn a sweep whose order of vertices changes with the durations).
template <bool SameDraw>
void BM_Kernel(benchmark::State& state) {
  Network& net = *networks()[static_cast<std::size_t>(state.range(0))];
  std::uint64_t i = 0;
  for (auto _ : state) {
    const ripple::Timeline& t = net.kernel.run(net.draw(SameDraw ? 0 : i++));
    benchmark::DoNotOptimize(t.activities.front().front().finish);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

template <bool SameDraw>
void BM_ResourceKernel(benchmark::State& state) {
  Network& net = *networks()[static_cast<std::size_t>(state.range(0))];
  std::uint64_t i = 0;
  for (auto _ : state) {
    const ripple::Timeline& t = net.resource_kernel.run(net.draw(SameDraw ? 0 : i++));
    benchmark::DoNotOptimize(t.activities.front().front().finish);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_Rollout(benchmark::State& state) {
  Network& net = *networks()[static_cast<std::size_t>(state.range(0))];
  std::uint64_t i = 0;
  std::size_t events = 0;
  for (auto _ : state) {
    net.plan->set_durations(net.draw(i++));
    const ripple::Timeline& t = net.rollout.run();
    events += t.events_processed;
    benchmark::DoNotOptimize(t.activities.front().front().finish);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["events_per_run"] =
      static_cast<double>(events) / static_cast<double>(state.iterations());
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s NONE.yaml UNLIMITED.yaml TIGHT.yaml [--benchmark_...]\n",
                 argv[0]);
    return 2;
  }
  for (int k = 1; k < 4; ++k) networks().push_back(std::make_unique<Network>(argv[k]));
  benchmark::RegisterBenchmark("kernel/none", BM_Kernel<false>)->Arg(0);
  benchmark::RegisterBenchmark("resource_kernel/unlimited", BM_ResourceKernel<false>)->Arg(1);
  benchmark::RegisterBenchmark("resource_kernel/tight", BM_ResourceKernel<false>)->Arg(2);
  benchmark::RegisterBenchmark("kernel/none_same_draw", BM_Kernel<true>)->Arg(0);
  benchmark::RegisterBenchmark("resource_kernel/tight_same_draw", BM_ResourceKernel<true>)->Arg(2);
  benchmark::RegisterBenchmark("rollout/none", BM_Rollout)->Arg(0);
  benchmark::RegisterBenchmark("rollout/unlimited", BM_Rollout)->Arg(1);
  benchmark::RegisterBenchmark("rollout/tight", BM_Rollout)->Arg(2);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
