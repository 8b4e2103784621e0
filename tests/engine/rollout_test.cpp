#include "ripple/rollout.hpp"

#include <doctest/doctest.h>

#include <random>

#include "../graph/network_builder.hpp"
#include "ripple/cpm.hpp"
#include "ripple/plan.hpp"
#include "ripple/schedule_kernel.hpp"

namespace ripple {
namespace {

using test::date;
using test::days;
using test::months;

// A random acyclic network: activities get a random rank and only depend on lower ranks, so any
// declaration order is exercised. All four dependency types, lags from -30 to +60 days or
// -1 to +3 months, day and (fractional) month durations, milestones (some fixed), not_before,
// and a few activities already started or done before as_of.
Scenario random_network(std::mt19937_64& rng) {
  const auto uniform = [&](int lo, int hi) {  // inclusive; std:: distributions vary by library
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  const Date as_of = date("2025-05-01");
  test::NetworkBuilder b(as_of);
  const int project_count = uniform(1, 3);
  const int n = uniform(2, 30);
  std::vector<ActivityRef> refs;
  std::vector<int> rank;
  for (int p = 0; p < project_count; ++p) b.project("p" + std::to_string(p));
  for (int i = 0; i < n; ++i) {
    const auto project = static_cast<std::size_t>(uniform(0, project_count - 1));
    const std::string id = "a" + std::to_string(i);
    const int kind = uniform(0, 99);
    ActivityRef ref;
    if (kind < 8) {
      ref = b.milestone(project, id, as_of.add_days(uniform(-100, 400)));
    } else if (kind < 20) {
      ref = b.milestone(project, id);
    } else {
      const Duration d =
          uniform(0, 1) == 0 ? days(uniform(1, 400)) : months(uniform(1, 36) + 0.5 * uniform(0, 1));
      ref = b.phase(project, id, d);
      const int history = uniform(0, 99);
      if (history < 5) {
        b.at(ref).actual_start = as_of.add_days(-uniform(0, 300));
      } else if (history < 8) {
        b.at(ref).actual_start = as_of.add_days(-uniform(200, 400));
        b.at(ref).actual_finish = b.at(ref).actual_start->add_days(uniform(0, 199));
      }
    }
    if (uniform(0, 4) == 0) b.at(ref).not_before = as_of.add_days(uniform(-50, 500));
    refs.push_back(ref);
    rank.push_back(uniform(0, 1000000));
  }
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      if (rank[j] >= rank[i] || uniform(0, 99) >= 25) continue;
      const auto type = static_cast<DependencyType>(uniform(0, 3));
      const Duration lag = uniform(0, 2) == 0   ? days(0)
                           : uniform(0, 1) == 0 ? days(uniform(-30, 60))
                                                : months(uniform(-1, 3));
      b.link(refs[i], refs[j], type, lag);
    }
  }
  return b.scenario();
}

TEST_SUITE("engine") {
  TEST_CASE("with fixed durations and no shocks the rollout equals the CPM early schedule") {
    std::mt19937_64 rng(20250501);
    int activities = 0;
    for (int network = 0; network < 300; ++network) {
      CAPTURE(network);
      const Scenario scenario = random_network(rng);
      const Plan plan(scenario);
      const Schedule cpm = compute_schedule(plan);
      Rollout rollout(plan);
      const Timeline& timeline = rollout.run();
      for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
        for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) {
          CAPTURE(scenario.activity_name({p, a}));
          CHECK(timeline.activities[p][a].start == cpm.at({p, a}).early_start);
          CHECK(timeline.activities[p][a].finish == cpm.at({p, a}).early_finish);
          CHECK(timeline.activities[p][a].pauses.empty());
          ++activities;
        }
      }
      // A second run on the same buffers gives the same answer.
      const Timeline again = rollout.run();
      CHECK(again.events_processed == timeline.events_processed);
    }
    CHECK(activities > 2000);
  }

  TEST_CASE("the rollout's critical flags are CPM's critical paths, also when constraints tie") {
    std::mt19937_64 rng(20261130);
    int critical = 0;
    for (int network = 0; network < 300; ++network) {
      CAPTURE(network);
      const Scenario scenario = random_network(rng);
      Plan plan(scenario);
      // Short day durations make equal constraints (ties) common.
      std::vector<Duration> durations = plan.durations();
      for (auto& d : durations) d = days(static_cast<double>(rng() % 4));
      plan.set_durations(durations);
      const Schedule cpm = compute_schedule(plan);
      const Timeline timeline = roll_out(plan);
      std::vector<std::vector<char>> on_path(scenario.projects.size());
      for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
        on_path[p].assign(scenario.projects[p].phases.size(), 0);
      }
      for (const auto& path : cpm.critical_paths) {
        for (const ActivityRef ref : path) on_path[ref.project][ref.activity] = 1;
      }
      for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
        for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) {
          CAPTURE(scenario.activity_name({p, a}));
          CHECK(timeline.activities[p][a].is_critical == (on_path[p][a] != 0));
          critical += on_path[p][a];
        }
      }
    }
    CHECK(critical > 500);
  }

  TEST_CASE("the schedule kernel gives the rollout's dates and critical flags") {
    std::mt19937_64 rng(7);
    int activities = 0;
    for (int network = 0; network < 300; ++network) {
      CAPTURE(network);
      const Scenario scenario = random_network(rng);
      Plan plan(scenario);
      ScheduleKernel kernel(plan);
      for (int draw = 0; draw < 3; ++draw) {
        std::vector<Duration> durations = plan.durations();
        for (auto& d : durations) {
          d = draw == 0   ? d
              : draw == 1 ? days(static_cast<double>(rng() % 4))
                          : months(static_cast<double>(rng() % 25) / 2.0);
        }
        plan.set_durations(durations);
        const Timeline expected = roll_out(plan);
        const Timeline& actual = kernel.run(plan.durations());
        for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
          for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) {
            CAPTURE(scenario.activity_name({p, a}));
            CHECK(actual.activities[p][a].start == expected.activities[p][a].start);
            CHECK(actual.activities[p][a].finish == expected.activities[p][a].finish);
            CHECK(actual.activities[p][a].is_critical == expected.activities[p][a].is_critical);
            ++activities;
          }
        }
      }
    }
    CHECK(activities > 6000);
  }

  TEST_CASE("on working calendars with shifting links the rollout equals the CPM early schedule") {
    std::mt19937_64 rng(20261130);
    const auto uniform = [&](int lo, int hi) {
      return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
    };
    int shifted = 0;
    for (int network = 0; network < 300; ++network) {
      CAPTURE(network);
      Scenario scenario = random_network(rng);
      // Two calendars: a 5-day week with holidays around as_of, and a random week.
      WorkCalendar five;
      for (int h = 0; h < 6; ++h) {
        const Date first = scenario.calendar.as_of.add_days(uniform(-200, 600));
        five.holidays.push_back({first, first.add_days(uniform(0, 9))});
      }
      five.normalise();
      WorkCalendar random_week;
      random_week.hours_per_day = uniform(4, 12);
      for (auto& day : random_week.weekdays) day = uniform(0, 2) > 0;
      random_week.weekdays[static_cast<std::size_t>(uniform(0, 6))] = true;
      scenario.calendars = {five, random_week};
      scenario.finish_links = network % 2 == 0 ? FinishLinkMode::kShift : FinishLinkMode::kStretch;
      for (auto& project : scenario.projects) {
        if (uniform(0, 2) > 0) project.calendar = static_cast<std::size_t>(uniform(0, 1));
        for (auto& phase : project.phases) {
          if (uniform(0, 4) == 0) phase.calendar = static_cast<std::size_t>(uniform(0, 1));
          if (!phase.is_milestone && phase.duration.unit == TimeUnit::kDays && uniform(0, 1)) {
            phase.duration.unit = uniform(0, 1) ? TimeUnit::kWorkDays : TimeUnit::kWorkHours;
          }
          for (auto& dep : phase.dependencies) {
            if (dep.lag.unit == TimeUnit::kDays && uniform(0, 1))
              dep.lag.unit = TimeUnit::kWorkHours;
            if (uniform(0, 3) == 0) dep.finish_link = FinishLinkMode::kShift;
          }
        }
      }
      const Plan plan(scenario);
      for (Vertex v = 0; v < plan.size(); ++v) {
        for (const auto e : boost::make_iterator_range(boost::in_edges(v, plan.graph()))) {
          shifted += plan.graph()[e].shifts_start ? 1 : 0;
        }
      }
      const Schedule cpm = compute_schedule(plan);
      const Timeline& timeline = roll_out(plan);
      ScheduleKernel kernel(plan);
      const Timeline& fast = kernel.run(plan.durations());
      for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
        for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) {
          CAPTURE(scenario.activity_name({p, a}));
          CHECK(timeline.activities[p][a].start == cpm.at({p, a}).early_start);
          CHECK(timeline.activities[p][a].finish == cpm.at({p, a}).early_finish);
          // The schedule kernel (Monte Carlo's fast path) agrees, driving paths included.
          CHECK(fast.activities[p][a].start == timeline.activities[p][a].start);
          CHECK(fast.activities[p][a].finish == timeline.activities[p][a].finish);
          CHECK(fast.activities[p][a].is_critical == timeline.activities[p][a].is_critical);
        }
      }
    }
    CHECK(shifted > 300);
  }

  TEST_CASE("the engine's critical flags follow the driving path to each project's finish") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    const auto a = b.phase(p, "a", days(10));
    const auto slack = b.phase(p, "slack", days(3));
    const auto c = b.phase(p, "c", days(10));
    b.link(c, a);
    b.link(c, slack);
    const Plan plan(b.scenario());
    const Timeline t = roll_out(plan);
    CHECK(t.activities[0][0].is_critical);
    CHECK_FALSE(t.activities[0][1].is_critical);
    CHECK(t.activities[0][2].is_critical);
  }

  TEST_CASE("a delay shock moves the start of a phase not started by its date") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    const auto a = b.phase(p, "a", days(10));
    const auto bb = b.phase(p, "b", days(20));
    b.link(bb, a);
    Shock s;
    s.kind = Shock::Kind::kDelay;
    s.date = date("2025-01-05");
    s.project = 0;
    s.phase = 1;
    s.delay = months(1);
    b.scenario().shocks.push_back(s);
    const Plan plan(b.scenario());
    const Timeline t = roll_out(plan);
    // b would start 01-11; one month later is 02-11, plus 20 days.
    CHECK(t.activities[0][1].start.to_string() == "2025-02-11");
    CHECK(t.activities[0][1].finish.to_string() == "2025-03-03");
    CHECK(t.activities[0][1].pauses.empty());
    CHECK(t.activities[0][0].finish.to_string() == "2025-01-11");
  }

  TEST_CASE("a delay shock on a phase under way pauses its work and moves its finish") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    const auto a = b.phase(p, "a", days(30));
    const auto next = b.phase(p, "next", days(5));
    b.link(next, a);
    Shock s;
    s.kind = Shock::Kind::kDelay;
    s.date = date("2025-01-10");
    s.project = 0;
    s.phase = 0;
    s.delay = days(10);
    b.scenario().shocks.push_back(s);
    const Plan plan(b.scenario());
    const Timeline t = roll_out(plan);
    const auto& times = t.activities[0][0];
    CHECK(times.start.to_string() == "2025-01-01");
    CHECK(times.finish.to_string() == "2025-02-10");  // 01-31 + 10 days
    REQUIRE(times.pauses.size() == 1);
    CHECK(times.pauses[0].from.to_string() == "2025-01-10");
    CHECK(times.pauses[0].to.to_string() == "2025-01-20");
    CHECK(t.activities[0][1].start.to_string() == "2025-02-10");
  }

  TEST_CASE("a delay shock after a phase finished changes nothing") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    b.phase(p, "a", days(30));
    Shock s;
    s.kind = Shock::Kind::kDelay;
    s.date = date("2025-03-01");
    s.project = 0;
    s.phase = 0;
    s.delay = days(10);
    b.scenario().shocks.push_back(s);
    const Plan plan(b.scenario());
    const Timeline t = roll_out(plan);
    CHECK(t.activities[0][0].finish.to_string() == "2025-01-31");
    CHECK(t.activities[0][0].pauses.empty());
  }

  TEST_CASE("a stop pauses running phases and holds phases that would start during it") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    const auto other = b.project("other");
    b.phase(p, "running", days(30));
    const auto waiting = b.phase(p, "waiting", days(10));
    b.at(waiting).not_before = date("2025-01-15");
    const auto m = b.milestone(p, "permit");
    b.at(m).not_before = date("2025-01-20");
    b.phase(other, "elsewhere", days(30));
    Shock s;
    s.kind = Shock::Kind::kStop;
    s.date = date("2025-01-10");
    s.until = date("2025-02-01");
    s.project = 0;
    b.scenario().shocks.push_back(s);
    const Plan plan(b.scenario());
    const Timeline t = roll_out(plan);
    const auto& running = t.activities[0][0];
    CHECK(running.finish.to_string() == "2025-02-22");  // 01-31 + 22 days stopped
    REQUIRE(running.pauses.size() == 1);
    CHECK(running.pauses[0].from.to_string() == "2025-01-10");
    CHECK(running.pauses[0].to.to_string() == "2025-02-01");
    CHECK(t.activities[0][1].start.to_string() == "2025-02-01");
    CHECK(t.activities[0][1].finish.to_string() == "2025-02-11");
    CHECK(t.activities[0][2].start.to_string() == "2025-01-20");   // milestones are not stopped
    CHECK(t.activities[1][0].finish.to_string() == "2025-01-31");  // other projects run on
    REQUIRE(t.stops[0].size() == 1);
    CHECK(t.stops[0][0].from.to_string() == "2025-01-10");
    CHECK(t.stops[0][0].to.to_string() == "2025-02-01");
    CHECK(t.stops[1].empty());
  }

  TEST_CASE("a capacity cut is recorded on its project") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    b.phase(p, "a", days(30));
    Shock s;
    s.kind = Shock::Kind::kCapacityCut;
    s.date = date("2026-01-01");
    s.until = date("2026-07-01");
    s.cut_share = 0.4;
    s.project = 0;
    b.scenario().shocks.push_back(s);
    const Plan plan(b.scenario());
    const Timeline t = roll_out(plan);
    REQUIRE(t.cuts[0].size() == 1);
    CHECK(t.cuts[0][0].from.to_string() == "2026-01-01");
    CHECK(t.cuts[0][0].to->to_string() == "2026-07-01");
    CHECK(t.cuts[0][0].share == doctest::Approx(0.4).epsilon(1e-12));
    CHECK(t.activities[0][0].finish.to_string() == "2025-01-31");
  }

  TEST_CASE("ramp-up steps run monthly to each project's full-capacity date") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    const auto q = b.project("q");
    const auto plant = b.phase(p, "plant", days(30));
    b.at(plant).capacity_per_year = 1000;
    b.at(plant).ramp_up.duration = months(6);
    const auto second = b.phase(p, "second", months(2));
    b.at(second).capacity_per_year = 500;
    b.at(second).ramp_up.duration = months(1.5);
    b.phase(q, "no_capacity", days(10));
    const Plan plan(b.scenario());
    const Timeline base = roll_out(plan);
    // plant: finish 01-31, full 07-31; second: finish 03-01, 1.5 months -> 04-16.
    REQUIRE(base.full_capacity[0].has_value());
    CHECK(base.full_capacity[0]->to_string() == "2025-07-31");
    CHECK_FALSE(base.full_capacity[1].has_value());
    // 6 monthly steps of plant and 2 of second, on top of the run without ramps.
    b.at(plant).capacity_per_year = 0;
    b.at(second).capacity_per_year = 0;
    const Plan flat_plan(b.scenario());
    CHECK(base.events_processed - roll_out(flat_plan).events_processed == 8);
  }
}

}  // namespace
}  // namespace ripple
