#include "ripple/rollout.hpp"

#include <doctest/doctest.h>

#include <random>

#include "../graph/network_builder.hpp"
#include "ripple/cpm.hpp"
#include "ripple/error.hpp"
#include "ripple/plan.hpp"
#include "ripple/resource_kernel.hpp"
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

// Random working calendars on `scenario` (a 5-day week with holidays, a random week), on some
// projects and phases, working-day durations and lags, and FF/SF links in shift mode.
void add_random_calendars(Scenario& scenario, std::mt19937_64& rng, bool shift) {
  const auto uniform = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
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
  scenario.finish_links = shift ? FinishLinkMode::kShift : FinishLinkMode::kStretch;
  for (auto& project : scenario.projects) {
    if (uniform(0, 2) > 0) project.calendar = static_cast<std::size_t>(uniform(0, 1));
    for (auto& phase : project.phases) {
      if (uniform(0, 4) == 0) phase.calendar = static_cast<std::size_t>(uniform(0, 1));
      if (!phase.is_milestone && phase.duration.unit == TimeUnit::kDays && uniform(0, 1)) {
        phase.duration.unit = uniform(0, 1) ? TimeUnit::kWorkDays : TimeUnit::kWorkHours;
      }
      for (auto& dep : phase.dependencies) {
        if (dep.lag.unit == TimeUnit::kDays && uniform(0, 1)) dep.lag.unit = TimeUnit::kWorkHours;
        if (uniform(0, 3) == 0) dep.finish_link = FinishLinkMode::kShift;
      }
    }
  }
}

// One to four shared resources of random kinds (tight, unlimited, with capacity steps up and
// down, import pools) drawn by random phases in random amounts, with random priorities.
void add_random_resources(Scenario& scenario, std::mt19937_64& rng) {
  const auto uniform = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  const Date as_of = scenario.calendar.as_of;
  const int count = uniform(1, 4);
  for (int r = 0; r < count; ++r) {
    Resource res;
    res.id = "r" + std::to_string(r);
    res.unit = "u";
    const int kind = uniform(0, 9);
    res.capacity = kind == 0 ? 1e12 : uniform(8, 20);
    if (kind >= 6) {  // steps, in date order, some to less than some phase needs
      Date day = as_of.add_days(uniform(-100, 100));
      for (int k = uniform(1, 3); k > 0; --k) {
        day = day.add_days(uniform(1, 400));
        res.steps.push_back({day, static_cast<double>(uniform(k == 1 ? 8 : 0, 25)), {}});
      }
    }
    if (uniform(0, 5) == 0) res.on_shortfall = Resource::Shortfall::kImport;
    scenario.resources.push_back(res);
  }
  for (auto& project : scenario.projects) {
    for (auto& phase : project.phases) {
      if (uniform(0, 3) == 0) phase.priority = uniform(-1, 2);
      for (int r = 0; r < count; ++r) {
        if (uniform(0, 2) > 0) {
          phase.resource_use["r" + std::to_string(r)] = uniform(0, 8) + 0.5 * uniform(0, 1);
        }
      }
    }
  }
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

  TEST_CASE(
      "the resource kernel gives the rollout's timeline on 400 random networks, and the schedule "
      "kernel when resources never bind") {
    std::mt19937_64 rng(20261201);
    int activities = 0;
    int waited = 0;
    int critical_waits = 0;
    int never = 0;
    int unbound = 0;
    for (int network = 0; network < 400; ++network) {
      CAPTURE(network);
      Scenario scenario = random_network(rng);
      if (network % 3 == 0) add_random_calendars(scenario, rng, network % 2 == 0);
      add_random_resources(scenario, rng);
      if (network % 5 == 0) {  // ample: what all phases draw fits in every capacity
        for (Resource& resource : scenario.resources) {
          resource.capacity = 1e6;
          for (CapacityStep& step : resource.steps) step.capacity = 1e6 + step.capacity;
        }
      }
      const bool never_bind = resources_never_bind(scenario);
      if (network % 5 == 0) CHECK(never_bind);
      Plan plan(scenario);
      ResourceKernel kernel(plan);
      ScheduleKernel schedule_kernel(plan);
      for (int draw = 0; draw < 3; ++draw) {
        CAPTURE(draw);
        std::vector<Duration> durations = plan.durations();
        for (auto& d : durations) {
          d = draw == 0   ? d
              : draw == 1 ? days(static_cast<double>(rng() % 4))
                          : months(static_cast<double>(rng() % 25) / 2.0);
        }
        plan.set_durations(durations);
        std::string expected_error;
        Timeline expected;
        try {
          expected = roll_out(plan);
        } catch (const ModelError& e) {
          expected_error = e.what();
        }
        std::string actual_error;
        const Timeline* actual = nullptr;
        try {
          actual = &kernel.run(plan.durations());
        } catch (const ModelError& e) {
          actual_error = e.what();
        }
        CHECK(actual_error == expected_error);
        if (!expected_error.empty()) {
          ++never;
          continue;
        }
        REQUIRE(actual != nullptr);
        const Timeline* fast = never_bind ? &schedule_kernel.run(plan.durations()) : nullptr;
        for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
          for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) {
            CAPTURE(scenario.activity_name({p, a}));
            const ActivityTimes& x = expected.activities[p][a];
            const ActivityTimes& y = actual->activities[p][a];
            CHECK(y.start == x.start);
            CHECK(y.finish == x.finish);
            CHECK(y.work_end == x.work_end);
            CHECK(y.ready == x.ready);
            CHECK(y.waited_for == x.waited_for);
            CHECK(y.imported_share == x.imported_share);
            CHECK(y.is_critical == x.is_critical);
            if (never_bind) {
              // Monte Carlo then takes the schedule kernel: the same dates, paths and waits.
              const ActivityTimes& z = fast->activities[p][a];
              CHECK(z.start == x.start);
              CHECK(z.finish == x.finish);
              CHECK(z.ready == x.ready);
              CHECK(z.waited_for == x.waited_for);
              CHECK(z.imported_share == x.imported_share);
              CHECK(z.is_critical == x.is_critical);
              ++unbound;
            }
            ++activities;
            waited += x.wait_days() > 0 ? 1 : 0;
            critical_waits += x.wait_days() > 0 && x.is_critical ? 1 : 0;
          }
        }
      }
    }
    // The networks exercise what they should: many phases, waits (on driving paths too) and
    // phases that can never start.
    CHECK(activities > 8000);
    CHECK(waited > 1000);
    CHECK(critical_waits > 300);
    CHECK(never > 20);
    CHECK(unbound > 1000);
    MESSAGE(activities, " activities, ", waited, " waits, ", critical_waits, " on driving paths, ",
            never, " runs with a never-startable phase, ", unbound, " with ample resources");
  }

  TEST_CASE("on working calendars with shifting links the rollout equals the CPM early schedule") {
    std::mt19937_64 rng(20261130);
    int shifted = 0;
    for (int network = 0; network < 300; ++network) {
      CAPTURE(network);
      Scenario scenario = random_network(rng);
      add_random_calendars(scenario, rng, network % 2 == 0);
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

  TEST_CASE("with unlimited resources every date equals the run without them") {
    std::mt19937_64 rng(20261130);
    for (int network = 0; network < 200; ++network) {
      CAPTURE(network);
      Scenario scenario = random_network(rng);
      const Plan bare_plan(scenario);
      const Timeline bare = roll_out(bare_plan);
      Scenario with = scenario;
      for (int r = 0; r < 3; ++r) {
        Resource res;
        res.id = "r" + std::to_string(r);
        res.unit = "u";
        res.capacity = 1e12;
        if (r == 1) res.steps.push_back({with.calendar.as_of.add_days(90), 2e12, {}});
        if (r == 2) res.on_shortfall = Resource::Shortfall::kImport;
        with.resources.push_back(res);
      }
      std::uint64_t k = 0;
      for (auto& project : with.projects) {
        for (auto& phase : project.phases) {
          if (!phase.is_milestone && (++k % 4) != 0) {
            phase.resource_use["r" + std::to_string(k % 3)] = static_cast<double>(rng() % 1000);
          }
        }
      }
      const Plan plan(with);
      const Timeline& t = roll_out(plan);
      for (std::size_t p = 0; p < with.projects.size(); ++p) {
        for (std::size_t a = 0; a < with.projects[p].phases.size(); ++a) {
          CAPTURE(with.activity_name({p, a}));
          CHECK(t.activities[p][a].start == bare.activities[p][a].start);
          CHECK(t.activities[p][a].finish == bare.activities[p][a].finish);
          CHECK(t.activities[p][a].is_critical == bare.activities[p][a].is_critical);
          CHECK(t.activities[p][a].wait_days() == 0);
        }
      }
    }
  }

  TEST_CASE("with tight resources no day ever uses more than the capacity in force") {
    std::mt19937_64 rng(7);
    int waits = 0;
    for (int network = 0; network < 200; ++network) {
      CAPTURE(network);
      Scenario scenario = random_network(rng);
      const Date as_of = scenario.calendar.as_of;
      for (int r = 0; r < 2; ++r) {
        Resource res;
        res.id = "r" + std::to_string(r);
        res.unit = "u";
        res.capacity = 10;
        res.steps.push_back({as_of.add_days(200), r == 0 ? 6.0 : 14.0, {}});
        res.steps.push_back({as_of.add_days(700), 10.0, {}});
        scenario.resources.push_back(res);
      }
      for (auto& project : scenario.projects) {
        for (auto& phase : project.phases) {
          // Facts may over-use, and so may a start that a lead dates before the day it became
          // known (docs/scheduling.md): this property is about the engine's own decisions.
          phase.actual_start.reset();
          phase.actual_finish.reset();
          for (auto& d : phase.dependencies) {
            if (d.lag.amount < 0.0) d.lag.amount = 0.0;
          }
          if (phase.is_milestone) continue;
          for (int r = 0; r < 2; ++r) {
            if (rng() % 2 == 0) {
              phase.resource_use["r" + std::to_string(r)] = static_cast<double>(rng() % 7);
            }
          }
        }
      }
      const Plan plan(scenario);
      const Timeline& t = roll_out(plan);
      for (std::size_t r = 0; r < 2; ++r) {
        const Resource& res = scenario.resources[r];
        // Use changes only when a phase starts or ends its work: check those days.
        std::vector<Date> days_checked;
        for (const auto& project : t.activities) {
          for (const auto& a : project) days_checked.push_back(a.start);
        }
        for (const Date day : days_checked) {
          double use = 0.0;
          double started_today = 0.0;
          for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
            for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) {
              const auto& times = t.activities[p][a];
              const auto it = scenario.projects[p].phases[a].resource_use.find(res.id);
              if (it == scenario.projects[p].phases[a].resource_use.end()) continue;
              if (times.start <= day && day < times.work_end) use += it->second;
              if (times.start == day && times.work_end > day) started_today += it->second;
            }
          }
          CAPTURE(day.to_string());
          // A phase starts only into free capacity; a drop in capacity does not evict.
          if (started_today > 0.0) CHECK(use <= res.capacity_at(day) + 1e-9);
        }
      }
      for (const auto& project : t.activities) {
        for (const auto& a : project) waits += a.wait_days() > 0 ? 1 : 0;
      }
    }
    CHECK(waits > 100);
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
