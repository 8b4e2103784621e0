#include "ripple/resource_report.hpp"

#include <doctest/doctest.h>

#include <random>
#include <sstream>

#include "ripple/ledger.hpp"
#include "ripple/plan.hpp"
#include "ripple/rollout.hpp"
#include "ripple/scenario_reader.hpp"

namespace ripple {
namespace {

Date d(const char* text) { return *Date::parse(text); }

// A random programme: chains of phases in a few projects, each drawing on two crews whose
// capacity rises in two steps; some with priorities.
Scenario random_programme(std::mt19937_64& rng, double capacity) {
  const auto uniform = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  Scenario s;
  s.calendar.start = d("2025-01-01");
  s.calendar.as_of = d("2025-01-01");
  s.calendar.end = d("2040-12-01");
  s.calendar.period = Period::kMonth;
  for (int r = 0; r < 2; ++r) {
    Resource res;
    res.id = "crew" + std::to_string(r);
    res.unit = "workers";
    // Rising capacity: a drop may leave phases under way above it (they are not evicted),
    // which the engine test of start days covers.
    res.capacity = capacity * 0.6;
    res.steps.push_back({d("2026-01-01"), capacity * 0.8, {}});
    res.steps.push_back({d("2027-01-01"), capacity, {}});
    s.resources.push_back(res);
  }
  const int projects = uniform(1, 4);
  for (int p = 0; p < projects; ++p) {
    Project project;
    project.id = "p" + std::to_string(p);
    const int phases = uniform(1, 8);
    for (int a = 0; a < phases; ++a) {
      Phase phase;
      phase.id = "a" + std::to_string(a);
      phase.duration = DurationDistribution::fixed({double(uniform(10, 300)), TimeUnit::kDays});
      if (a > 0 && uniform(0, 2) != 0) {
        Dependency dep;
        dep.predecessor = {static_cast<std::size_t>(p),
                           static_cast<std::size_t>(uniform(0, a - 1))};
        dep.type =
            uniform(0, 3) == 0 ? DependencyType::kStartToStart : DependencyType::kFinishToStart;
        dep.lag = {double(uniform(0, 60)), TimeUnit::kDays};
        phase.dependencies.push_back(dep);
      }
      for (int r = 0; r < 2; ++r) {
        if (uniform(0, 1) == 0) phase.resource_use["crew" + std::to_string(r)] = uniform(1, 6);
      }
      phase.priority = uniform(0, 3) == 0 ? uniform(-2, 2) : 0;
      project.phases.push_back(phase);
    }
    s.projects.push_back(project);
  }
  return s;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("resources.csv of the two-crew example holds the hand-worked means") {
    const Scenario s = load_scenario(RIPPLE_SOURCE_DIR "/tests/data/resources/two_crews.yaml");
    const Plan plan(s);
    const Timeline t = roll_out(plan);
    const Ledger ledger = build_ledger(s, t);
    const ResourceUsage usage = resource_usage(s, t, ledger);
    // 2026 Q1 (90 days): a holds 80 crew all quarter; b asks for 50 from 02-01 (59 days).
    const ResourcePeriod& crew = usage.rows[0][0];
    CHECK(crew.capacity == doctest::Approx(100).epsilon(1e-12));
    CHECK(crew.use == doctest::Approx(80).epsilon(1e-12));
    CHECK(crew.queued_demand == doctest::Approx(50.0 * 59 / 90).epsilon(1e-12));
    CHECK(crew.shortfall == doctest::Approx(50.0 * 59 / 90).epsilon(1e-12));
    CHECK(crew.min_headroom == doctest::Approx(20).epsilon(1e-12));
    // 2026 Q3 (92 days): the grid offers 250 MW from 07-01; the potline holds 200 for 30 days.
    const ResourcePeriod& grid = usage.rows[1][2];
    CHECK(grid.capacity == doctest::Approx(250).epsilon(1e-12));
    CHECK(grid.use == doctest::Approx(200.0 * 30 / 92).epsilon(1e-12));
    CHECK(grid.peak_use == doctest::Approx(200).epsilon(1e-12));
    CHECK(usage.rows[1][0].shortfall == doctest::Approx(200).epsilon(1e-12));
    // Labour pool of 40: c needs 100 for 60 of Q1's 90 days, 60 of them imported.
    const ResourcePeriod& labour = usage.rows[2][0];
    CHECK(labour.use == doctest::Approx(40.0 * 60 / 90).epsilon(1e-12));
    CHECK(labour.shortfall == doctest::Approx(60.0 * 60 / 90).epsilon(1e-12));
    CHECK(labour.queued_demand == 0.0);
    std::ostringstream csv;
    write_resources_csv(csv, s, ledger, usage);
    CHECK(csv.str().rfind(
              "period,resource,unit,capacity,use,peak_use,min_headroom,queued_demand,shortfall\n"
              "2026-01,crew,workers,100.000,80.000,80.000,20.000,32.778,32.778\n",
              0) == 0);
  }

  TEST_CASE("tight resources are never over-used in any period of the resources report") {
    std::mt19937_64 rng(11);
    int queued_periods = 0;
    for (int n = 0; n < 150; ++n) {
      CAPTURE(n);
      const Scenario s = random_programme(rng, 8);
      const Plan plan(s);
      const Timeline t = roll_out(plan);
      const Ledger ledger = build_ledger(s, t);
      const ResourceUsage usage = resource_usage(s, t, ledger);
      for (const auto& rows : usage.rows) {
        for (const ResourcePeriod& row : rows) {
          CHECK(row.min_headroom >= -1e-9);
          CHECK(row.use <= row.capacity + 1e-9);
          queued_periods += row.queued_demand > 0.0 ? 1 : 0;
        }
      }
    }
    CHECK(queued_periods > 100);
  }

  TEST_CASE("unlimited resources queue nothing and keep the dates of the run without them") {
    std::mt19937_64 rng(12);
    for (int n = 0; n < 100; ++n) {
      CAPTURE(n);
      Scenario s = random_programme(rng, 1e9);
      const Plan plan(s);
      const Timeline t = roll_out(plan);
      const Ledger ledger = build_ledger(s, t);
      for (const auto& rows : resource_usage(s, t, ledger).rows) {
        for (const ResourcePeriod& row : rows) CHECK(row.queued_demand == 0.0);
      }
      Scenario bare = s;
      bare.resources.clear();
      for (auto& project : bare.projects) {
        for (auto& phase : project.phases) phase.resource_use.clear();
      }
      const Plan bare_plan(bare);
      const Timeline b = roll_out(bare_plan);
      for (std::size_t p = 0; p < s.projects.size(); ++p) {
        for (std::size_t a = 0; a < s.projects[p].phases.size(); ++a) {
          CHECK(t.activities[p][a].start == b.activities[p][a].start);
          CHECK(t.activities[p][a].finish == b.activities[p][a].finish);
        }
      }
    }
  }
}

}  // namespace ripple
