// CPM and the rollout on a working calendar, with FF/SF links in both modes (docs/scheduling.md,
// "Working calendars" and "FF and SF links: stretch or shift").
#include <doctest/doctest.h>

#include "network_builder.hpp"
#include "ripple/cpm.hpp"
#include "ripple/plan.hpp"
#include "ripple/rollout.hpp"

namespace ripple {
namespace {

using test::date;
constexpr auto kFS = DependencyType::kFinishToStart;
constexpr auto kSS = DependencyType::kStartToStart;
constexpr auto kFF = DependencyType::kFinishToFinish;
constexpr auto kSF = DependencyType::kStartToFinish;
Duration wd(double n) { return {n, TimeUnit::kWorkDays}; }
Duration hours(double n) { return {n, TimeUnit::kWorkHours}; }

// Project p on a Monday-Friday calendar (8 h a day) with a holiday week 2026-03-23..27;
// as_of Monday 2026-03-02. Dates are instants at the start of a day: a finish 03-14 is the end
// of Friday 03-13 (P6 and MS Project show 03-13 17:00).
//
// act dur   depends on                ES     EF     LS     LF     float (working days)
// a   10 wd -                         03-02  03-14  03-02  03-14   0
// b   5 wd  FS a + 16 h (2 wd)        03-18  04-01  03-18  04-01   0   (crosses the holiday week)
// c   3 wd  SS a + 1 wd               03-03  03-06  03-18  03-21  11
// d   2 wd  FS c, FF b                shift: 03-30  04-01 (the start moves: 04-01 less 2 wd)
//                                     stretch: 03-06  04-01 (held from 03-10)   LS 03-30 LF 04-01
// e   mile  FS d                      04-01  04-01  04-01  04-01   0
// f   4 wd  SF a + 15 wd              shift: 03-17  03-21; stretch: 03-02  03-21 (held from 03-06)
//                                     LS 03-19  LF 04-01
// Working the key ones by hand:
//   b: a finishes at the end of Fri 03-13; 2 working days of lag are Mon 03-16 and Tue 03-17, so
//      b starts Wed 03-18 and works 18, 19, 20, (holiday week), 30, 31: finish 04-01.
//   d (shift): finish >= 04-01, 2 working days back from the end of 03-31 is Mon 03-30.
//   f: 15 working days from Mon 03-02 end on Fri 03-20 (finish 03-21); 4 wd back: 03-17.
//   late: LF(a) = LS(b) 03-18 less 2 wd = 03-16, the end of the working day before: 03-14.
//         LF(c) = LS(d) = 03-30, the end of the last working day before: 03-21 (holiday week).
//         LS(f) = 04-01 less 4 wd: 31, 30, 20, 19 -> 03-19.
//   float counts working days: c from 03-03 to 03-18 (3-6, 9-13, 16, 17) is 11; f (shift) 2
//   from 03-17 to 03-19; f (stretch) min(13 from 03-02 to 03-19, 2 from 03-21 to 04-01) = 2.
Scenario calendar_network(FinishLinkMode mode) {
  test::NetworkBuilder b(date("2026-03-02"));
  WorkCalendar c;
  c.id = "five_day";
  c.holidays = {{date("2026-03-23"), date("2026-03-27")}};
  b.scenario().calendars.push_back(c);
  b.scenario().finish_links = mode;
  const auto p = b.project("p");
  b.scenario().projects[p].calendar = 0;
  const auto a = b.phase(p, "a", wd(10));
  const auto bb = b.phase(p, "b", wd(5));
  const auto cc = b.phase(p, "c", wd(3));
  const auto d = b.phase(p, "d", wd(2));
  const auto e = b.milestone(p, "e");
  const auto f = b.phase(p, "f", hours(32));
  b.link(bb, a, kFS, hours(16));
  b.link(cc, a, kSS, wd(1));
  b.link(d, cc, kFS);
  b.link(d, bb, kFF);
  b.link(e, d, kFS);
  b.link(f, a, kSF, wd(15));
  return b.scenario();
}

struct Row {
  const char* id;
  const char* es;
  const char* ef;
  const char* ls;
  const char* lf;
  int float_days;
};

void check_rows(const Scenario& scenario, const Schedule& s, const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    CAPTURE(row.id);
    const auto& a = s.at({0, scenario.projects[0].phase_index(row.id)});
    CHECK(a.early_start.to_string() == row.es);
    CHECK(a.early_finish.to_string() == row.ef);
    CHECK(a.late_start.to_string() == row.ls);
    CHECK(a.late_finish.to_string() == row.lf);
    CHECK(a.total_float_days == row.float_days);
  }
}

void check_rollout_equals_cpm(const Scenario& scenario) {
  const Plan plan(scenario);
  const Schedule cpm = compute_schedule(plan);
  const Timeline t = roll_out(plan);
  for (std::size_t a = 0; a < scenario.projects[0].phases.size(); ++a) {
    CAPTURE(scenario.projects[0].phases[a].id);
    CHECK(t.activities[0][a].start == cpm.at({0, a}).early_start);
    CHECK(t.activities[0][a].finish == cpm.at({0, a}).early_finish);
  }
}

TEST_SUITE("graph") {
  TEST_CASE("CPM on a working calendar with shifting FF and SF links matches the hand schedule") {
    const Scenario scenario = calendar_network(FinishLinkMode::kShift);
    const Plan plan(scenario);
    check_rows(scenario, compute_schedule(plan),
               {{"a", "2026-03-02", "2026-03-14", "2026-03-02", "2026-03-14", 0},
                {"b", "2026-03-18", "2026-04-01", "2026-03-18", "2026-04-01", 0},
                {"c", "2026-03-03", "2026-03-06", "2026-03-18", "2026-03-21", 11},
                {"d", "2026-03-30", "2026-04-01", "2026-03-30", "2026-04-01", 0},
                {"e", "2026-04-01", "2026-04-01", "2026-04-01", "2026-04-01", 0},
                {"f", "2026-03-17", "2026-03-21", "2026-03-19", "2026-04-01", 2}});
  }

  TEST_CASE("CPM on a working calendar with stretching FF and SF links holds the finish") {
    const Scenario scenario = calendar_network(FinishLinkMode::kStretch);
    const Plan plan(scenario);
    check_rows(scenario, compute_schedule(plan),
               {{"d", "2026-03-06", "2026-04-01", "2026-03-30", "2026-04-01", 0},
                {"f", "2026-03-02", "2026-03-21", "2026-03-19", "2026-04-01", 2}});
  }

  TEST_CASE("a link's own finish_link overrides the scenario's") {
    Scenario scenario = calendar_network(FinishLinkMode::kShift);
    auto& d = scenario.projects[0].phases[3];
    d.dependencies[1].finish_link = FinishLinkMode::kStretch;  // FF b
    const Plan plan(scenario);
    const Schedule s = compute_schedule(plan);
    CHECK(s.at({0, 3}).early_start.to_string() == "2026-03-06");
    CHECK(s.at({0, 5}).early_start.to_string() == "2026-03-17");  // f still shifts
  }

  TEST_CASE("the rollout on a working calendar equals CPM in both link modes") {
    check_rollout_equals_cpm(calendar_network(FinishLinkMode::kShift));
    check_rollout_equals_cpm(calendar_network(FinishLinkMode::kStretch));
  }

  TEST_CASE("an activity on a calendar starts on a working day whatever its constraint") {
    test::NetworkBuilder b(date("2026-03-21"));  // a Saturday, before the holiday week
    WorkCalendar c;
    c.holidays = {{date("2026-03-23"), date("2026-03-27")}};
    b.scenario().calendars.push_back(c);
    const auto p = b.project("p");
    const auto a = b.phase(p, "a", test::days(3));  // calendar days keep their meaning
    b.at(a).calendar = 0;
    const Plan plan(b.scenario());
    const Schedule s = compute_schedule(plan);
    CHECK(s.at(a).early_start.to_string() == "2026-03-30");
    CHECK(s.at(a).early_finish.to_string() == "2026-04-02");
  }

  TEST_CASE("a calendar-unit duration on a calendar ends with the last working day") {
    // Friday 2026-01-02 + 1 month = Monday 02-02 00:00: the work ends with Friday 01-30,
    // written 01-31; late dates agree, so the float is 0, not negative.
    test::NetworkBuilder b(date("2026-01-02"));
    b.scenario().calendars.push_back(WorkCalendar{});
    const auto p = b.project("p");
    b.scenario().projects[p].calendar = 0;
    const auto a = b.phase(p, "a", test::months(1));
    const Plan plan(b.scenario());
    const Schedule s = compute_schedule(plan);
    CHECK(s.at(a).early_start.to_string() == "2026-01-02");
    CHECK(s.at(a).early_finish.to_string() == "2026-01-31");
    CHECK(s.at(a).late_finish.to_string() == "2026-01-31");
    CHECK(s.at(a).total_float_days == 0);
    CHECK(roll_out(plan).activities[0][0].finish.to_string() == "2026-01-31");
  }
}

}  // namespace
}  // namespace ripple
