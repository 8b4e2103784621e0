#include "ripple/summary.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "ripple/run_report.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace {

Date d(const char* text) { return *Date::parse(text); }

// Two projects, two yearly periods, hand-filled ledger and impacts.
struct Fixture {
  Scenario scenario;
  Ledger ledger;
  Impacts impacts;
  Fixture() {
    scenario.calendar.start = d("2025-01");
    scenario.calendar.end = d("2026-12");
    for (const char* id : {"a", "b"}) {
      Project p;
      p.id = id;
      p.region = std::string("region_") + id;
      Phase ph;
      ph.id = "build";
      ph.capex_m = 100;
      ph.permanent_jobs = 10;
      p.phases.push_back(ph);
      scenario.projects.push_back(p);
    }
    ledger.period_starts = {d("2025-01"), d("2026-01")};
    ledger.horizon_end = d("2027-01");
    ledger.entries.assign(2, std::vector<LedgerEntry>(2));
    ledger.dates.resize(2);
    ledger.entries[0][0].construction_jobs = 300;  // a builds in 2025
    ledger.entries[1][1].construction_jobs = 200;  // b builds in 2026
    ledger.entries[0][1].permanent_jobs = 10;
    ledger.dates[0].commissioning = d("2026-01");
    ledger.dates[1].commissioning = d("2026-10");
    impacts.entries.assign(2, std::vector<ImpactEntry>(2));
    impacts.entries[0][1].indirect_jobs_host = 4;
    impacts.entries[0][1].indirect_jobs_rest = 6;
    impacts.entries[1][1].induced_jobs_host = 1;
  }
};

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("the total peak is the peak of the summed series, not the sum of peaks") {
    Fixture f;
    const RunSummary s = summarise(f.scenario, f.ledger, f.impacts);
    CHECK(s.projects[0].peak_construction_jobs == doctest::Approx(300));
    CHECK(s.projects[1].peak_construction_jobs == doctest::Approx(200));
    CHECK(s.total.peak_construction_jobs == doctest::Approx(300));
  }

  TEST_CASE("jobs at the end of the horizon are the last period's and add up in TOTAL") {
    Fixture f;
    const RunSummary s = summarise(f.scenario, f.ledger, f.impacts);
    CHECK(s.projects[0].permanent_jobs == doctest::Approx(10));
    CHECK(s.projects[0].indirect_jobs() == doctest::Approx(10));
    CHECK(s.total.indirect_jobs_rest == doctest::Approx(6));
    CHECK(s.total.induced_jobs() == doctest::Approx(1));
    CHECK(s.total.capex_m == doctest::Approx(200));
    CHECK(*s.total.commissioning == d("2026-10"));
  }

  TEST_CASE("job-years weigh each period by its length in years") {
    Fixture f;
    const RunSummary s = summarise(f.scenario, f.ledger, f.impacts);
    CHECK(s.projects[0].job_years_direct ==
          doctest::Approx(300 * 365 / 365.25 + 10 * 365 / 365.25).epsilon(1e-12));
    CHECK(s.total.job_years_indirect == doctest::Approx(10 * 365 / 365.25).epsilon(1e-12));
  }

  TEST_CASE("summary.csv has the DESIGN columns and a TOTAL row") {
    Fixture f;
    std::ostringstream out;
    write_summary_csv(out, summarise(f.scenario, f.ledger, f.impacts));
    const std::string text = out.str();
    CHECK(text.rfind("project,region,commissioning,full_capacity,capex,peak_construction_jobs,"
                     "permanent_jobs,indirect_jobs,induced_jobs,job_years_direct,"
                     "job_years_indirect,job_years_induced,",
                     0) == 0);
    CHECK(text.find("\nTOTAL,all,2026-10,,200.000,300.000,10.000,10.000,1.000,") !=
          std::string::npos);
  }

  TEST_CASE("numbers print with thousands separators and without negative zero") {
    CHECK(with_thousands(8700) == "8,700");
    CHECK(with_thousands(1234567.891, 1) == "1,234,567.9");
    CHECK(with_thousands(-1234.4) == "-1,234");
    CHECK(with_thousands(-0.2) == "0");
    CHECK(csv_number(-0.0001) == "0.000");
    CHECK(csv_number(2.5, 1) == "2.5");
  }

  TEST_CASE("a text table aligns numbers right and text left") {
    TextTable t({"name", "jobs"}, {false, true});
    t.add_row({"abay", "1,000"});
    t.add_row({"qarmet_x", "20"});
    std::ostringstream out;
    t.print(out);
    CHECK(out.str() ==
          "name       jobs\n"
          "---------------\n"
          "abay      1,000\n"
          "qarmet_x     20\n");
  }

  TEST_CASE("the content hash is FNV-1a 64") {
    CHECK(content_hash("") == "cbf29ce484222325");
    CHECK(content_hash("a") == "af63dc4c8601ec8c");
  }
}

}  // namespace ripple
