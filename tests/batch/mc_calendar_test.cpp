// Monte Carlo on a working calendar: sampled working-day durations go through the calendar.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <map>

#include "ripple/mc_sampler.hpp"
#include "ripple/plan.hpp"
#include "ripple/rollout.hpp"
#include "ripple/scenario_reader.hpp"

namespace ripple {
namespace {

TEST_SUITE("batch") {
  TEST_CASE("sampled working-day durations finish on working days across a holiday week") {
    // Monday 2026-03-16; the week of 03-23 is a holiday. A uniform duration on (10, 20] wd
    // is rounded up to whole working days: 11..20, each with probability 0.1. Counting working
    // days 16-20, 30, 31, 04-01..03, 06-10, 13-17 by hand, the n-th ends on these finishes:
    const std::map<std::string, int> finish_of = {
        {"2026-04-07", 11}, {"2026-04-08", 12}, {"2026-04-09", 13}, {"2026-04-10", 14},
        {"2026-04-11", 15}, {"2026-04-14", 16}, {"2026-04-15", 17}, {"2026-04-16", 18},
        {"2026-04-17", 19}, {"2026-04-18", 20}};
    const Scenario scenario = scenario_from_yaml(YAML::Load(R"(
scenario: {name: mc calendar, as_of: 2026-03-16}
calendar: {start: 2026-01, end: 2027-12}
work_calendars: [{id: site, holidays: [[2026-03-23, 2026-03-27]]}]
projects:
  - id: p
    region: r
    sector: s
    work_calendar: site
    phases: [{id: a, duration: {uniform: [10 wd, 20 wd]}}]
)"),
                                                 "mc_calendar.yaml");
    Plan plan(scenario);
    const McSampler sampler(scenario, plan, 7);
    McDraw draw;
    std::vector<Duration> durations;
    Rollout rollout(plan);
    std::map<std::string, int> counts;
    constexpr int kRuns = 4000;
    for (int i = 0; i < kRuns; ++i) {
      sampler.draw(static_cast<std::uint64_t>(i), draw);
      sampler.durations(draw, std::nullopt, durations);
      REQUIRE(durations[0].unit == TimeUnit::kWorkDays);
      plan.set_durations(durations);
      const Timeline& t = rollout.run();
      CHECK(t.activities[0][0].start.to_string() == "2026-03-16");
      const std::string finish = t.activities[0][0].finish.to_string();
      CAPTURE(durations[0].amount);
      REQUIRE(finish_of.count(finish) == 1);
      CHECK(finish_of.at(finish) == static_cast<int>(std::ceil(durations[0].amount)));
      ++counts[finish];
    }
    for (const auto& entry : finish_of) {
      // A plain reference, not a structured binding: clang 14 cannot capture one (CAPTURE does).
      const std::string& finish = entry.first;
      CAPTURE(finish);
      // 4 standard errors of a share of 0.1 at 4,000 runs: 4 * sqrt(0.09 / 4000) = 0.019.
      CHECK(std::abs(double(counts[finish]) / kRuns - 0.1) < 0.019);
    }
  }
}

}  // namespace
}  // namespace ripple
