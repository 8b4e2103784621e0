#include "ripple/comparison.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "../graph/network_builder.hpp"
#include "ripple/plan.hpp"
#include "ripple/rollout.hpp"

namespace ripple {
namespace {

Date d(const char* text) { return *Date::parse(text); }

// Two projects on one crew of `crew` workers (docs/scheduling.md, "Shared resources"): north.a
// draws 80 from 2026-01-01 for 90 days; south.b draws 50 from its not-before of 2026-02-01
// for 60 days. With 100 workers b waits for a's release on 2026-04-01: 59 days (28 + 31).
// With `with_c`, north also has c after a (FS), drawing 60.
Scenario two_crews(double crew, bool with_c = false) {
  test::NetworkBuilder b(d("2026-01-01"));
  const auto north = b.project("north");
  const auto south = b.project("south");
  b.resource("crew", crew);
  const auto a = b.phase(north, "a", test::days(90));
  b.use(a, "crew", 80);
  const auto bb = b.phase(south, "b", test::days(60));
  b.use(bb, "crew", 50);
  b.at(bb).not_before = d("2026-02-01");
  if (with_c) {
    const auto c = b.phase(north, "c", test::days(30));
    b.use(c, "crew", 60);
    b.link(c, a);
  }
  return b.scenario();
}

SummaryRow row(const char* id, const char* commissioning, double scale) {
  SummaryRow r;
  r.project = id;
  r.region = "r";
  r.commissioning = d(commissioning);
  r.full_capacity = d(commissioning).add_months(24);
  r.peak_construction_jobs = 1000 * scale;
  r.permanent_jobs = 300 * scale;
  r.indirect_jobs_host = 100 * scale;
  r.indirect_jobs_rest = 50 * scale;
  r.induced_jobs_host = 80 * scale;
  r.induced_jobs_rest = 20 * scale;
  r.job_years_direct = 5000 * scale;
  r.job_years_indirect = 2000 * scale;
  r.job_years_induced = 1000 * scale;
  r.output_m = 700 * scale;
  r.value_added_m = 400 * scale;
  return r;
}

// BASE: a and b; ALT: a one year late with less activity in the horizon, b unchanged.
RunSummary base_summary() {
  RunSummary s;
  s.projects = {row("a", "2030-07-01", 1.0), row("b", "2028-01-01", 2.0)};
  s.total = row("TOTAL", "2030-07-01", 3.0);
  return s;
}

RunSummary alt_summary() {
  RunSummary s;
  s.projects = {row("a", "2031-07-01", 0.8), row("b", "2028-01-01", 2.0)};
  s.total = row("TOTAL", "2031-07-01", 2.8);
  return s;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("a shift of one calendar year is exactly twelve months, either way") {
    CHECK(months_shift(d("2035-07-01"), d("2036-07-01")) == doctest::Approx(12.0).epsilon(1e-12));
    CHECK(months_shift(d("2036-07-01"), d("2035-07-01")) == doctest::Approx(-12.0).epsilon(1e-12));
    CHECK(months_shift(d("2028-02-29"), d("2029-02-28")) == doctest::Approx(12.0).epsilon(1e-12));
    CHECK(months_shift(d("2030-03-15"), d("2030-03-15")) == 0.0);
  }

  TEST_CASE("the days past whole months are a fraction of the next month's length") {
    // 2025-01-01 + 15 days: January has 31 days.
    CHECK(months_shift(d("2025-01-01"), d("2025-01-16")) ==
          doctest::Approx(15.0 / 31.0).epsilon(1e-12));
    // 2025-01-31 + 1 month = 2025-02-28 (clamped); then 3 of the 31 days to 2025-03-31.
    CHECK(months_shift(d("2025-01-31"), d("2025-03-03")) ==
          doctest::Approx(1.0 + 3.0 / 31.0).epsilon(1e-12));
    // Back: the negative of the forward shift.
    CHECK(months_shift(d("2025-03-03"), d("2025-01-31")) ==
          doctest::Approx(-(1.0 + 3.0 / 31.0)).epsilon(1e-12));
  }

  TEST_CASE("a project one year late shifts its dates and changes its amounts by alt minus base") {
    const Comparison c = compare_summaries(base_summary(), alt_summary());
    REQUIRE(c.projects.size() == 2);
    const ProjectComparison& a = c.projects[0];
    CHECK(a.project == "a");
    CHECK(a.presence == ProjectPresence::kBoth);
    CHECK(*a.commissioning.shift_months() == doctest::Approx(12.0).epsilon(1e-12));
    CHECK(*a.full_capacity.shift_months() == doctest::Approx(12.0).epsilon(1e-12));
    CHECK(a.peak_construction_jobs.delta() == doctest::Approx(-200.0).epsilon(1e-12));
    CHECK(a.permanent_jobs.delta() == doctest::Approx(-60.0).epsilon(1e-12));
    CHECK(a.indirect_jobs.base == doctest::Approx(150.0).epsilon(1e-12));
    CHECK(a.indirect_jobs.delta() == doctest::Approx(-30.0).epsilon(1e-12));
    CHECK(a.induced_jobs.delta() == doctest::Approx(-20.0).epsilon(1e-12));
    CHECK(a.job_years_direct.delta() == doctest::Approx(-1000.0).epsilon(1e-12));
    CHECK(a.job_years_indirect.delta() == doctest::Approx(-400.0).epsilon(1e-12));
    CHECK(a.job_years_induced.delta() == doctest::Approx(-200.0).epsilon(1e-12));
    CHECK(a.job_years_total().base == doctest::Approx(8000.0).epsilon(1e-12));
    CHECK(a.job_years_total().delta() == doctest::Approx(-1600.0).epsilon(1e-12));
    CHECK(a.output_m.delta() == doctest::Approx(-140.0).epsilon(1e-12));
    CHECK(a.value_added_m.delta() == doctest::Approx(-80.0).epsilon(1e-12));

    const ProjectComparison& b = c.projects[1];
    CHECK(*b.commissioning.shift_months() == 0.0);
    CHECK(b.job_years_total().delta() == 0.0);

    CHECK(c.total.project == "TOTAL");
    CHECK(*c.total.commissioning.shift_months() == doctest::Approx(12.0).epsilon(1e-12));
    CHECK(c.total.job_years_direct.delta() == doctest::Approx(-1000.0).epsilon(1e-12));
  }

  TEST_CASE("projects are matched by id; one side only is added or removed") {
    RunSummary alt = alt_summary();
    alt.projects = {row("c", "2029-01-01", 1.0), row("a", "2031-07-01", 0.8)};
    const Comparison c = compare_summaries(base_summary(), alt);
    REQUIRE(c.projects.size() == 3);
    CHECK(c.projects[0].project == "a");
    CHECK(*c.projects[0].commissioning.shift_months() == doctest::Approx(12.0).epsilon(1e-12));
    CHECK(c.projects[1].project == "b");
    CHECK(c.projects[1].presence == ProjectPresence::kRemoved);
    CHECK_FALSE(c.projects[1].commissioning.shift_months().has_value());
    CHECK(c.projects[1].job_years_direct.delta() == doctest::Approx(-10000.0).epsilon(1e-12));
    CHECK(c.projects[2].project == "c");
    CHECK(c.projects[2].presence == ProjectPresence::kAdded);
    CHECK(c.projects[2].output_m.delta() == doctest::Approx(700.0).epsilon(1e-12));
    CHECK(c.find_project("c") == &c.projects[2]);
    CHECK(c.find_project("zz") == nullptr);

    const auto metrics = metric_changes(c.projects[2]);
    REQUIRE(metrics.size() == 12);
    CHECK(metrics[2].metric == "peak_construction_jobs");
    CHECK_FALSE(metrics[2].base.has_value());
    CHECK(*metrics[2].alt == doctest::Approx(1000.0).epsilon(1e-12));
    CHECK(*metrics[2].delta == doctest::Approx(1000.0).epsilon(1e-12));
  }

  TEST_CASE("the long CSV has one line per project and metric with dates and month shifts") {
    const Comparison c = compare_summaries(base_summary(), alt_summary());
    std::ostringstream out;
    write_comparison_csv(out, c);
    const std::string csv = out.str();
    CHECK(csv.rfind("project,metric,base,alt,delta\n", 0) == 0);
    CHECK(csv.find("a,commissioning,2030-07,2031-07,12.000\n") != std::string::npos);
    CHECK(csv.find("a,job_years_total,8000.000,6400.000,-1600.000\n") != std::string::npos);
    CHECK(csv.find("b,output,1400.000,1400.000,0.000\n") != std::string::npos);
    CHECK(csv.find("TOTAL,value_added,1200.000,1120.000,-80.000\n") != std::string::npos);
    // header + 3 rows of 12 metrics (no periods in these summaries)
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 3 * 12);
  }

  TEST_CASE("jobs over time are matched by period, a period of one run only counting zero") {
    RunSummary base = base_summary();
    RunSummary alt = alt_summary();
    base.period_starts = {d("2030-01-01"), d("2031-01-01")};
    alt.period_starts = {d("2031-01-01"), d("2032-01-01")};
    base.total.jobs_by_period = {100, 200};
    alt.total.jobs_by_period = {150, 300};
    const Comparison c = compare_summaries(base, alt);
    const auto& jobs = c.total.jobs_by_period;
    REQUIRE(jobs.size() == 3);
    CHECK(jobs[0].period == d("2030-01-01"));
    CHECK(jobs[0].jobs.delta() == doctest::Approx(-100));
    CHECK(jobs[1].jobs.base == doctest::Approx(200));
    CHECK(jobs[1].jobs.alt == doctest::Approx(150));
    CHECK(jobs[2].jobs.delta() == doctest::Approx(300));
    std::ostringstream out;
    write_comparison_csv(out, c);
    CHECK(out.str().find("TOTAL,jobs@2031-01,200.000,150.000,-50.000\n") != std::string::npos);
    // Projects without a series still get one row per period, counting zero.
    CHECK(out.str().find("a,jobs@2032-01,0.000,0.000,0.000\n") != std::string::npos);
  }

  TEST_CASE("the headline names the projects that moved and the TOTAL job-years") {
    const Comparison c = compare_summaries(base_summary(), alt_summary());
    CHECK(comparison_headline(c, "a one year late") ==
          "a one year late: a commissioning +12.0 months; TOTAL job-years -1,000 direct, -400 "
          "indirect, -200 induced; output -140 m, value added -80 m");
    const Comparison same = compare_summaries(base_summary(), base_summary());
    CHECK(comparison_headline(same, "") ==
          "ALT vs BASE: no commissioning date moves; TOTAL job-years 0 direct, 0 indirect, 0 "
          "induced; output 0 m, value added 0 m");
  }

  TEST_CASE("a resource wait that changes is listed with its days and what was short") {
    const Scenario base = two_crews(100);
    const Scenario alt = two_crews(130);  // 80 + 50 fit: b starts when ready
    const Plan base_plan(base);
    const Plan alt_plan(alt);
    const Timeline base_timeline = roll_out(base_plan);
    const Timeline alt_timeline = roll_out(alt_plan);
    const std::vector<WaitChange> waits = compare_waits(base, base_timeline, alt, alt_timeline);
    REQUIRE(waits.size() == 1);  // north.a waits in neither run: not listed
    CHECK(waits[0].project == "south");
    CHECK(waits[0].phase == "b");
    CHECK(waits[0].base_days == 59);
    CHECK(waits[0].alt_days == 0);
    CHECK(waits[0].delta_days() == -59);
    CHECK(waits[0].base_waited_for == "crew");
    CHECK(waits[0].alt_waited_for.empty());
    CHECK(compare_waits(base, base_timeline, base, base_timeline).empty());

    Comparison c = compare_summaries(base_summary(), alt_summary());
    c.waits = waits;
    c.waits[0].project = "b";  // the summaries' project ids
    std::ostringstream csv;
    write_comparison_csv(csv, c);
    CHECK(csv.str().find("b,value_added,800.000,800.000,0.000\nb,wait_days@b,59,0,-59\n"
                         "b,waited_for@b,crew,,\nTOTAL,") != std::string::npos);
    std::ostringstream table;
    write_comparison_table(table, c, {});
    CHECK(table.str().find("phase  base  waited for  alt  waited for  change\n"
                           "------------------------------------------------\n"
                           "b.b      59  crew          0  -              -59\n") !=
          std::string::npos);
  }

  TEST_CASE("a phase in one run only is listed when it waited there") {
    const Scenario base = two_crews(100);
    // ALT adds north.c after a (FS): ready 2026-04-01 when a releases, but b, served first
    // (ready earlier), takes 50 of 100 on that day; c needs 60, so it waits for b's end on
    // 2026-05-31: 60 days (30 + 30).
    const Scenario alt = two_crews(100, true);
    const Plan base_plan(base);
    const Plan alt_plan(alt);
    const Timeline base_timeline = roll_out(base_plan);
    const Timeline alt_timeline = roll_out(alt_plan);
    const std::vector<WaitChange> waits = compare_waits(base, base_timeline, alt, alt_timeline);
    REQUIRE(waits.size() == 1);
    CHECK(waits[0].project == "north");
    CHECK(waits[0].phase == "c");
    CHECK_FALSE(waits[0].base_days.has_value());
    CHECK(waits[0].alt_days == 60);
    CHECK(waits[0].delta_days() == 60);
    CHECK(waits[0].alt_waited_for == "crew");
  }
}

}  // namespace ripple
