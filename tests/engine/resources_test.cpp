// Shared resources in the rollout engine: hand-worked cases (docs/scheduling.md, "Shared
// resources").

#include <doctest/doctest.h>

#include "../graph/network_builder.hpp"
#include "ripple/error.hpp"
#include "ripple/plan.hpp"
#include "ripple/resource_kernel.hpp"
#include "ripple/rollout.hpp"

namespace ripple {
namespace {

using test::date;
using test::days;

std::string start_of(const Timeline& t, ActivityRef a) {
  return t.activities[a.project][a.activity].start.to_string();
}
const ActivityTimes& times(const Timeline& t, ActivityRef a) {
  return t.activities[a.project][a.activity];
}

// The rollout of `plan`, checked against Monte Carlo's resource-aware kernel on the way: every
// hand-worked case below holds for both.
Timeline schedule(const Plan& plan) {
  Timeline t = roll_out(plan);
  ResourceKernel kernel(plan);
  const Timeline& fast = kernel.run(plan.durations());
  for (std::size_t p = 0; p < t.activities.size(); ++p) {
    for (std::size_t a = 0; a < t.activities[p].size(); ++a) {
      const ActivityTimes& x = t.activities[p][a];
      const ActivityTimes& y = fast.activities[p][a];
      CHECK(y.start == x.start);
      CHECK(y.finish == x.finish);
      CHECK(y.work_end == x.work_end);
      CHECK(y.ready == x.ready);
      CHECK(y.waited_for == x.waited_for);
      CHECK(y.imported_share == x.imported_share);
      CHECK(y.is_critical == x.is_critical);
    }
  }
  return t;
}

TEST_SUITE("engine") {
  TEST_CASE("two phases competing for one crew: the second waits for the first to end") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    const auto q = b.project("q");
    b.resource("crew", 100);
    const auto a = b.phase(p, "a", days(30));  // 2025-01-01 .. 01-31, 80 workers
    b.use(a, "crew", 80);
    const auto c = b.phase(q, "c", days(20));  // ready 01-11, 50 workers: 30 free, waits
    b.use(c, "crew", 50);
    b.at(c).not_before = date("2025-01-11");
    const Plan plan(b.scenario());
    const Timeline t = schedule(plan);
    CHECK(start_of(t, a) == "2025-01-01");
    CHECK(start_of(t, c) == "2025-01-31");
    CHECK(times(t, c).finish.to_string() == "2025-02-20");
    CHECK(times(t, c).ready.to_string() == "2025-01-11");
    CHECK(times(t, c).wait_days() == 20);
    CHECK(times(t, c).waited_for == std::vector<std::size_t>{0});
    CHECK(times(t, a).wait_days() == 0);
    CHECK(times(t, a).waited_for.empty());
    // The release of a drove c's start: a is on q's driving path.
    CHECK(times(t, c).is_critical);
    CHECK(times(t, a).is_critical);
  }

  TEST_CASE("a wait is driven by the end of the releaser's work, not by its held finish") {
    // prep -> a (FS); c waits for a's crew and holds a's finish (FF c -> a). a's finish is driven
    // by c's finish, c's start by a's release: through a's held finish, the path would loop
    // (a, c, a, ...) and never reach prep. Through the end of a's work it reaches a's start.
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    b.resource("crew", 100);
    const auto prep = b.phase(p, "prep", days(10));  // 01-01 .. 01-11
    const auto a = b.phase(p, "a", days(30));        // 01-11 .. work ends 02-10
    b.link(a, prep);
    b.use(a, "crew", 80);
    const auto c = b.phase(p, "c", days(20));  // ready 01-11 behind a: waits to 02-10 .. 03-02
    b.use(c, "crew", 50);
    b.at(c).not_before = date("2025-01-11");
    b.link(a, c, DependencyType::kFinishToFinish);
    const Plan plan(b.scenario());
    const Timeline t = schedule(plan);
    CHECK(start_of(t, c) == "2025-02-10");
    CHECK(times(t, a).work_end.to_string() == "2025-02-10");
    CHECK(times(t, a).finish.to_string() == "2025-03-02");
    CHECK(times(t, c).finish.to_string() == "2025-03-02");
    CHECK(times(t, a).is_critical);
    CHECK(times(t, c).is_critical);
    CHECK(times(t, prep).is_critical);
  }

  TEST_CASE("waiting phases are served earliest ready first, then by priority, then in order") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    b.resource("crew", 100);
    const auto hog = b.phase(p, "hog", days(30));  // holds 100 until 01-31
    b.use(hog, "crew", 100);
    const auto late = b.phase(p, "late", days(10));  // ready 01-10, priority 5
    const auto x = b.phase(p, "x", days(10));        // ready 01-05
    const auto y = b.phase(p, "y", days(10));        // ready 01-05, declared after x
    for (const auto& [ref, ready] :
         {std::pair{late, "2025-01-10"}, std::pair{x, "2025-01-05"}, std::pair{y, "2025-01-05"}}) {
      b.use(ref, "crew", 60);
      b.at(ref).not_before = date(ready);
    }
    b.at(late).priority = 5;
    {
      // Same ready day: declaration order (x, then y); late is ready later despite its priority.
      const Plan plan(b.scenario());
      const Timeline t = schedule(plan);
      CHECK(start_of(t, x) == "2025-01-31");
      CHECK(start_of(t, y) == "2025-02-10");
      CHECK(start_of(t, late) == "2025-02-20");
    }
    {
      // y's priority puts it before x on the same ready day.
      b.at(y).priority = 1;
      const Plan plan(b.scenario());
      const Timeline t = schedule(plan);
      CHECK(start_of(t, y) == "2025-01-31");
      CHECK(start_of(t, x) == "2025-02-10");
      CHECK(start_of(t, late) == "2025-02-20");
    }
  }

  TEST_CASE("a phase that does not fit does not block a later one that does") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    b.resource("crew", 100);
    const auto hog = b.phase(p, "hog", days(30));
    b.use(hog, "crew", 70);
    const auto big = b.phase(p, "big", days(10));  // ready 01-01, needs 50: waits
    b.use(big, "crew", 50);
    const auto small = b.phase(p, "small", days(10));  // ready 01-02, needs 30: fits
    b.use(small, "crew", 30);
    b.at(small).not_before = date("2025-01-02");
    const Plan plan(b.scenario());
    const Timeline t = schedule(plan);
    CHECK(start_of(t, small) == "2025-01-02");
    CHECK(start_of(t, big) == "2025-01-31");
  }

  TEST_CASE("a capacity step on a date lets a waiting phase start that day") {
    test::NetworkBuilder b(date("2026-01-01"));
    const auto p = b.project("p");
    // A grid connection: 0 MW until 2027-06-01, then 250 MW; 100 MW again from 2030-01-01.
    b.resource("grid", 0, {{date("2027-06-01"), 250}, {date("2030-01-01"), 100}});
    const auto potline = b.phase(p, "potline", days(100));
    b.use(potline, "grid", 200);
    const Plan plan(b.scenario());
    const Timeline t = schedule(plan);
    CHECK(start_of(t, potline) == "2027-06-01");
    CHECK(times(t, potline).wait_days() == 516);
    CHECK(times(t, potline).waited_for == std::vector<std::size_t>{0});
    // The step is a date of its own: nothing before it is on the driving path.
    CHECK(times(t, potline).is_critical);
  }

  TEST_CASE("an import pool starts the phase on time and reports the imported share") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    b.resource("labour", 100, {}, Resource::Shortfall::kImport);
    const auto a = b.phase(p, "a", days(30));
    b.use(a, "labour", 80);
    const auto c = b.phase(p, "c", days(30));
    b.use(c, "labour", 50);
    b.at(c).not_before = date("2025-01-11");
    const auto d = b.phase(p, "d", days(10));  // after a: the whole pool is free again
    b.use(d, "labour", 40);
    b.at(d).not_before = date("2025-02-15");
    const Plan plan(b.scenario());
    const Timeline t = schedule(plan);
    CHECK(start_of(t, c) == "2025-01-11");
    CHECK(times(t, c).wait_days() == 0);
    CHECK(times(t, c).imported_share == doctest::Approx(0.6).epsilon(1e-12));  // 30 of 50
    CHECK(times(t, a).imported_share == 0.0);
    // d: c still holds its 20 local workers until 02-10, then nothing: d takes 40 of 100.
    CHECK(times(t, d).imported_share == 0.0);
  }

  TEST_CASE("a phase whose resource never again offers its amount is a model error") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    b.resource("crew", 100, {{date("2026-01-01"), 0}});
    const auto a = b.phase(p, "a", days(30));
    const auto late = b.phase(p, "late", days(30));
    b.use(late, "crew", 50);
    b.link(late, a);
    b.at(late).not_before = date("2026-03-01");
    const Plan plan(b.scenario());
    const std::string message =
        "test.yaml:3:9: error: phase p.late (ready 2026-03-01) can never start: it needs 50 "
        "workers of resource "
        "crew, which offers 0 workers from 2026-01-01 on";
    Rollout rollout(plan);
    try {
      (void)rollout.run();
      FAIL("expected a ModelError");
    } catch (const ModelError& e) {
      CHECK(e.exit_code() == ExitCode::kModel);
      CHECK(std::string(e.what()) == message);
    }
    // Monte Carlo's resource-aware kernel says the same.
    ResourceKernel kernel(plan);
    try {
      (void)kernel.run(plan.durations());
      FAIL("expected a ModelError");
    } catch (const ModelError& e) {
      CHECK(e.exit_code() == ExitCode::kModel);
      CHECK(std::string(e.what()) == message);
    }
  }

  TEST_CASE("a delay shock on a queued phase sends it back to ask again later") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    b.resource("crew", 100);
    const auto hog = b.phase(p, "hog", days(30));
    b.use(hog, "crew", 100);
    const auto c = b.phase(p, "c", days(10));
    b.use(c, "crew", 10);
    Shock shock;
    shock.id = "late";
    shock.kind = Shock::Kind::kDelay;
    shock.date = date("2025-01-20");
    shock.project = 0;
    shock.phase = c.activity;
    shock.delay = days(20);  // asks again on 02-09, the crew is free since 01-31
    b.scenario().shocks.push_back(shock);
    const Plan plan(b.scenario());
    const Timeline t = roll_out(plan);
    CHECK(start_of(t, c) == "2025-02-09");
    CHECK(times(t, c).wait_days() == 0);
  }
}

}  // namespace
}  // namespace ripple
