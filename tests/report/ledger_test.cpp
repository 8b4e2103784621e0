#include "ripple/ledger.hpp"

#include <doctest/doctest.h>

namespace ripple {
namespace {

Date d(const char* text) { return *Date::parse(text); }

// A one-project scenario with one phase of 1,200 m over 2025 and a capacity of 100 units/yr.
Scenario one_phase_scenario(SpendingProfile profile) {
  Scenario s;
  s.calendar.start = d("2024-01");
  s.calendar.end = d("2027-12");
  s.calendar.as_of = d("2024-01");
  s.calendar.period = Period::kYear;
  Project p;
  p.id = "plant";
  p.products.push_back(Product{"widget", "widget", "t", 2e6, "", {}, {}, {}});
  Phase ph;
  ph.id = "build";
  ph.duration = DurationDistribution::fixed({12, TimeUnit::kMonths});
  ph.capex_m = 1200;
  ph.spending = profile;
  ph.categories = {CategorySplit{0.5, 0.8}, CategorySplit{0.3, 0.2}, CategorySplit{0.2, 1.0}};
  ph.construction_jobs = 3000;
  ph.product = "widget";
  ph.capacity_per_year = 100;
  ph.ramp_up.curve = RampUp::Curve::kLinear;
  ph.ramp_up.duration = {12, TimeUnit::kMonths};
  ph.permanent_jobs = 400;
  p.phases.push_back(ph);
  s.projects.push_back(p);
  return s;
}

Timeline one_phase_timeline(std::vector<Interval> pauses = {}) {
  Timeline t;
  t.activities = {{ActivityTimes{d("2025-01"), d("2026-01"), std::move(pauses), true}}};
  t.stops.resize(1);
  t.cuts.resize(1);
  return t;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("yearly periods start on calendar years and cover the horizon") {
    Calendar c;
    c.start = d("2024-03");
    c.end = d("2026-06");
    c.period = Period::kYear;
    Date end;
    const auto starts = reporting_periods(c, &end);
    REQUIRE(starts.size() == 3);
    CHECK(starts[0] == d("2024-03"));
    CHECK(starts[1] == d("2025-01"));
    CHECK(starts[2] == d("2026-01"));
    CHECK(end == d("2026-07"));
  }

  TEST_CASE("quarterly periods fall on quarter starts") {
    Calendar c;
    c.start = d("2025-02");
    c.end = d("2025-12");
    c.period = Period::kQuarter;
    const auto starts = reporting_periods(c, nullptr);
    REQUIRE(starts.size() == 4);
    CHECK(starts[1] == d("2025-04"));
    CHECK(starts[3] == d("2025-10"));
  }

  TEST_CASE("a uniform phase spends its capex by category inside its dates") {
    const Ledger l =
        build_ledger(one_phase_scenario(SpendingProfile::kUniform), one_phase_timeline());
    REQUIRE(l.period_count() == 4);
    const auto& y2025 = l.entries[0][1];
    CHECK(l.entries[0][0].capex_total_m() == doctest::Approx(0.0));
    CHECK(y2025.capex_m[0] == doctest::Approx(600).epsilon(1e-9));
    CHECK(y2025.capex_m[1] == doctest::Approx(360).epsilon(1e-9));
    CHECK(y2025.capex_local_m[0] == doctest::Approx(480).epsilon(1e-9));
    CHECK(y2025.capex_local_m[1] == doctest::Approx(72).epsilon(1e-9));
    // The whole crew is on site all year.
    CHECK(y2025.construction_jobs == doctest::Approx(3000).epsilon(1e-9));
    CHECK(l.entries[0][2].construction_jobs == doctest::Approx(0.0));
  }

  TEST_CASE("an S-curve crew averages two thirds of its peak") {
    const Ledger l =
        build_ledger(one_phase_scenario(SpendingProfile::kSCurve), one_phase_timeline());
    CHECK(l.entries[0][1].capex_total_m() == doctest::Approx(1200).epsilon(1e-9));
    CHECK(l.entries[0][1].construction_jobs == doctest::Approx(2000).epsilon(1e-9));
  }

  TEST_CASE("a linear ramp-up gives half the capacity in its first year, all of it after") {
    const Ledger l =
        build_ledger(one_phase_scenario(SpendingProfile::kUniform), one_phase_timeline());
    const auto& y2026 = l.entries[0][2];
    const auto& y2027 = l.entries[0][3];
    CHECK(y2026.production[0] == doctest::Approx(50 * 365 / 365.25).epsilon(2e-3));
    CHECK(y2027.production[0] == doctest::Approx(100 * 365 / 365.25).epsilon(1e-9));
    CHECK(y2027.output_value_m[0] == doctest::Approx(200 * 365 / 365.25).epsilon(1e-9));
    CHECK(y2026.permanent_jobs == doctest::Approx(200).epsilon(2e-3));
    CHECK(y2027.permanent_jobs == doctest::Approx(400).epsilon(1e-9));
    REQUIRE(l.dates[0].commissioning.has_value());
    CHECK(*l.dates[0].commissioning == d("2026-01"));
    CHECK(*l.dates[0].full_capacity == d("2027-01"));
  }

  TEST_CASE("a pause moves spending out of the paused months") {
    Timeline t = one_phase_timeline({Interval{d("2025-07"), d("2026-01")}});
    t.activities[0][0].finish = d("2026-07");
    const Ledger l = build_ledger(one_phase_scenario(SpendingProfile::kUniform), t);
    // 181 active days in 2025, 181 in 2026: half the capex each year.
    CHECK(l.entries[0][1].capex_total_m() == doctest::Approx(600).epsilon(1e-9));
    CHECK(l.entries[0][2].capex_total_m() == doctest::Approx(600).epsilon(1e-9));
  }

  TEST_CASE("a stop removes production for its months, staff stay") {
    Timeline t = one_phase_timeline();
    t.stops[0].push_back(Interval{d("2027-01"), d("2027-07")});
    const Ledger l = build_ledger(one_phase_scenario(SpendingProfile::kUniform), t);
    CHECK(l.entries[0][3].production[0] == doctest::Approx(100 * 184 / 365.25).epsilon(1e-9));
    CHECK(l.entries[0][3].permanent_jobs == doctest::Approx(400).epsilon(1e-9));
  }

  TEST_CASE("a capacity cut scales production by the share lost") {
    Timeline t = one_phase_timeline();
    t.cuts[0].push_back(CapacityCut{d("2027-01"), std::nullopt, 0.25});
    const Ledger l = build_ledger(one_phase_scenario(SpendingProfile::kUniform), t);
    CHECK(l.entries[0][3].production[0] == doctest::Approx(75 * 365 / 365.25).epsilon(1e-9));
  }
}

}  // namespace ripple
