#include "ripple/cpm.hpp"

#include <doctest/doctest.h>

#include "network_builder.hpp"
#include "ripple/error.hpp"
#include "ripple/plan.hpp"

namespace ripple {
namespace {

using test::date;
using test::days;
using test::months;
constexpr auto kFS = DependencyType::kFinishToStart;
constexpr auto kSS = DependencyType::kStartToStart;
constexpr auto kFF = DependencyType::kFinishToFinish;
constexpr auto kSF = DependencyType::kStartToFinish;

// The hand-worked network, as_of 2025-01-01 (days counted on the 2025 calendar; February has
// 28 days). Project p: a..h; project q: x.
//
// act dur       depends on                 ES     EF      LS     LF     float  critical
// a   10 d      -                          01-01  01-11   01-01  01-11    0    yes
// b   20 d      FS a +5 d                  01-16  02-05   01-24  02-13    8
// c   15 d      SS a +3 d                  01-04  01-19   01-04  01-19    0    yes
// d   1 month   FS c -4 d (a lead)         01-15  02-15   01-15  02-15    0    yes
// e   10 d      FS c, FF b +2 d            01-19  02-07*  02-05  02-15    8
// f   5 d       SS b, SF d +40 d           01-16  02-24*  02-20  02-25    1
// g   milestone FS e, FS d                 02-15  02-15   02-15  02-15    0    yes
// h   10 d      FS g, not_before 02-10     02-15  02-25   02-15  02-25    0    yes
// x   30 d      FS p.a  (project q)        01-11  02-10   01-11  02-10    0    yes
// (* finish held: e by FF b (02-05 + 2), f by SF d (01-15 + 40); the start does not move.)
//
// Forward: d's month runs 01-15 -> 02-15 = 31 days, which the backward pass reuses.
// Backward, p finishes 02-25 (h), q finishes 02-10 (x); activities without successors get their
// own project's finish:
//   h: LF 02-25, LS 02-15.  g: LF = LS(h) = 02-15 = LS.  f: LF 02-25, LS 02-20.
//   e: LF = LS(g) = 02-15, LS 02-05.  d: LF = LS(g) = 02-15, LS = min(02-15 - 31 = 01-15,
//   SF: LF(f) - 40 = 01-16) = 01-15.  c: LF = min(LS(d) + 4 = 01-19, LS(e) = 02-05) = 01-19,
//   LS 01-04.  b: LF = LF(e) - 2 = 02-13, LS = min(01-24, SS: LS(f) = 02-20) = 01-24.
//   x: LF 02-10, LS 01-11.  a: LF = min(LS(b) - 5 = 01-19, LS(x) = 01-11) = 01-11,
//   LS = min(01-01, SS: LS(c) - 3 = 01-01) = 01-01.
// Critical paths (driving): p: a -> c -> d -> g -> h (g waits for d, not e); q: a -> x.
struct Expected {
  const char* id;
  const char* es;
  const char* ef;
  const char* ls;
  const char* lf;
  int float_days;
  bool critical;
};

Scenario hand_worked_network() {
  test::NetworkBuilder b(date("2025-01-01"));
  const auto p = b.project("p");
  const auto q = b.project("q");
  const auto a = b.phase(p, "a", days(10));
  const auto bb = b.phase(p, "b", days(20));
  const auto c = b.phase(p, "c", days(15));
  const auto d = b.phase(p, "d", months(1));
  const auto e = b.phase(p, "e", days(10));
  const auto f = b.phase(p, "f", days(5));
  const auto g = b.milestone(p, "g");
  const auto h = b.phase(p, "h", days(10));
  const auto x = b.phase(q, "x", days(30));
  b.link(bb, a, kFS, days(5));
  b.link(c, a, kSS, days(3));
  b.link(d, c, kFS, days(-4));
  b.link(e, c, kFS);
  b.link(e, bb, kFF, days(2));
  b.link(f, bb, kSS);
  b.link(f, d, kSF, days(40));
  b.link(g, e, kFS);
  b.link(g, d, kFS);
  b.link(h, g, kFS);
  b.at(h).not_before = date("2025-02-10");
  b.link(x, a, kFS);
  return b.scenario();
}

TEST_SUITE("graph") {
  TEST_CASE("CPM matches a hand-worked network with all four dependency types") {
    const Scenario scenario = hand_worked_network();
    const Plan plan(scenario);
    const Schedule schedule = compute_schedule(plan);
    const Expected expected[] = {
        {"a", "2025-01-01", "2025-01-11", "2025-01-01", "2025-01-11", 0, true},
        {"b", "2025-01-16", "2025-02-05", "2025-01-24", "2025-02-13", 8, false},
        {"c", "2025-01-04", "2025-01-19", "2025-01-04", "2025-01-19", 0, true},
        {"d", "2025-01-15", "2025-02-15", "2025-01-15", "2025-02-15", 0, true},
        {"e", "2025-01-19", "2025-02-07", "2025-02-05", "2025-02-15", 8, false},
        {"f", "2025-01-16", "2025-02-24", "2025-02-20", "2025-02-25", 1, false},
        {"g", "2025-02-15", "2025-02-15", "2025-02-15", "2025-02-15", 0, true},
        {"h", "2025-02-15", "2025-02-25", "2025-02-15", "2025-02-25", 0, true},
    };
    for (const auto& row : expected) {
      CAPTURE(row.id);
      const auto& a = schedule.at({0, scenario.projects[0].phase_index(row.id)});
      CHECK(a.early_start.to_string() == row.es);
      CHECK(a.early_finish.to_string() == row.ef);
      CHECK(a.late_start.to_string() == row.ls);
      CHECK(a.late_finish.to_string() == row.lf);
      CHECK(a.total_float_days == row.float_days);
      CHECK(a.is_critical == row.critical);
    }
    const auto& x = schedule.at({1, 0});
    CHECK(x.early_start.to_string() == "2025-01-11");
    CHECK(x.early_finish.to_string() == "2025-02-10");
    CHECK(x.late_start.to_string() == "2025-01-11");
    CHECK(x.late_finish.to_string() == "2025-02-10");
    CHECK(x.is_critical);
    CHECK(schedule.project_finish[0]->to_string() == "2025-02-25");
    CHECK(schedule.project_finish[1]->to_string() == "2025-02-10");
  }

  TEST_CASE("each project's critical path is its driving path, earliest first") {
    const Scenario scenario = hand_worked_network();
    const Plan plan(scenario);
    const Schedule schedule = compute_schedule(plan);
    std::vector<std::string> p_path;
    for (const auto ref : schedule.critical_paths[0]) p_path.push_back(scenario.activity_name(ref));
    CHECK(p_path == std::vector<std::string>{"p.a", "p.c", "p.d", "p.g", "p.h"});
    std::vector<std::string> q_path;
    for (const auto ref : schedule.critical_paths[1]) q_path.push_back(scenario.activity_name(ref));
    CHECK(q_path == std::vector<std::string>{"p.a", "q.x"});
  }

  TEST_CASE("fixed milestones and actual dates keep their dates") {
    test::NetworkBuilder b(date("2025-05-01"));
    const auto p = b.project("p");
    const auto done = b.phase(p, "done", months(6));
    b.at(done).actual_start = date("2024-01-10");
    b.at(done).actual_finish = date("2024-08-01");
    const auto running = b.phase(p, "running", months(3));
    b.at(running).actual_start = date("2025-01-15");  // planned end 04-15 < as_of
    b.link(running, done);
    const auto contract = b.milestone(p, "contract", date("2025-09-01"));
    b.link(contract, running);  // does not move a fixed date
    const auto build = b.phase(p, "build", days(30));
    b.link(build, contract);
    const Plan plan(b.scenario());
    const Schedule s = compute_schedule(plan);
    CHECK(s.at(done).early_start.to_string() == "2024-01-10");
    CHECK(s.at(done).early_finish.to_string() == "2024-08-01");
    CHECK(s.at(done).late_finish.to_string() == "2024-08-01");
    CHECK(s.at(running).early_start.to_string() == "2025-01-15");
    CHECK(s.at(running).early_finish.to_string() == "2025-05-01");  // held to as_of
    CHECK(s.at(contract).early_start.to_string() == "2025-09-01");
    CHECK(s.at(contract).late_start.to_string() == "2025-09-01");
    CHECK(s.at(build).early_start.to_string() == "2025-09-01");
    CHECK(s.at(build).early_finish.to_string() == "2025-10-01");
    // running has successors only through a fixed milestone: its late finish is that date.
    CHECK(s.at(running).total_float_days == date("2025-09-01") - date("2025-05-01"));
    CHECK_FALSE(s.at(running).is_critical);
  }

  TEST_CASE("a cycle is reported with its activities in order") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    const auto a = b.phase(p, "a", days(1));
    const auto bb = b.phase(p, "b", days(1));
    const auto c = b.phase(p, "c", days(1));
    const auto ok = b.phase(p, "ok", days(1));
    b.link(c, bb);
    b.link(a, c);
    b.link(bb, a);
    b.link(ok, a);
    try {
      const Plan plan(b.scenario());
      FAIL("no cycle reported");
    } catch (const InputError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].message == "dependency cycle: p.a -> p.b -> p.c -> p.a");
      CHECK(e.diagnostics()[0].mark.line == b.at(a).mark.line);
      CHECK(e.exit_code() == ExitCode::kInvalidInput);
    }
  }

  TEST_CASE("each distinct cycle is reported once, across projects too") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    const auto q = b.project("q");
    const auto a = b.phase(p, "a", days(1));
    const auto bb = b.phase(p, "b", days(1));
    const auto x = b.phase(q, "x", days(1));
    const auto y = b.phase(q, "y", days(1));
    b.link(bb, a);
    b.link(bb, a, kSS);  // a parallel link closes the same cycle
    b.link(a, bb);
    b.link(x, y);
    b.link(y, bb);
    b.link(a, x);
    CHECK_THROWS_AS(Plan{b.scenario()}, InputError);
    try {
      const Plan plan(b.scenario());
    } catch (const InputError& e) {
      std::vector<std::string> messages;
      for (const auto& d : e.diagnostics()) messages.push_back(d.message);
      CHECK(messages ==
            std::vector<std::string>{"dependency cycle: p.a -> p.b -> p.a",
                                     "dependency cycle: p.a -> p.b -> q.y -> q.x -> p.a"});
    }
  }

  TEST_CASE("a plan's durations default to the mode and can be overridden") {
    test::NetworkBuilder b(date("2025-01-01"));
    const auto p = b.project("p");
    const auto a = b.phase(p, "a", days(10));
    b.at(a).duration = {Distribution{Distribution::Kind::kTriangular, 5, 8, 20}, TimeUnit::kDays};
    b.milestone(p, "m");
    Plan plan(b.scenario());
    CHECK(plan.durations()[0].amount == doctest::Approx(8.0).epsilon(1e-12));
    plan.set_durations({days(12), days(5)});
    CHECK(plan.durations()[0].amount == doctest::Approx(12.0).epsilon(1e-12));
    CHECK(plan.durations()[1].amount == doctest::Approx(0.0).epsilon(1e-12));  // milestone
    CHECK(compute_schedule(plan).at({0, 0}).early_finish.to_string() == "2025-01-13");
    CHECK_THROWS_AS(plan.set_durations({days(1)}), std::invalid_argument);
    plan.reset_durations();
    CHECK(plan.durations()[0].amount == doctest::Approx(8.0).epsilon(1e-12));
  }
}

}  // namespace
}  // namespace ripple
