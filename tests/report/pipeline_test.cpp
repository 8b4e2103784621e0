// The whole run on small scenarios: the coupling of the ledger to the economy (flows turned into
// annual rates, effects turned back into period values) and the summary built from them.

#include "ripple/pipeline.hpp"

#include <doctest/doctest.h>

#include <string>

#include "ripple/economy_link.hpp"
#include "ripple/scenario_reader.hpp"

namespace ripple {
namespace {

std::string run_data(const std::string& name) {
  return std::string(RIPPLE_SOURCE_DIR) + "/tests/data/run/" + name;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("each period's effects are the economy's effects of that period's annual rates") {
    const Scenario scenario = load_scenario(run_data("one_plant_economy.yaml"));
    const std::optional<Economy> economy = load_scenario_economy(scenario);
    REQUIRE(economy.has_value());
    Pipeline pipeline(scenario, &*economy);
    const RunResult& result = pipeline.run();
    const Site site = economy->prepare("north", "man");
    for (std::size_t p = 0; p < result.ledger.period_count(); ++p) {
      CAPTURE(p);
      const LedgerEntry& entry = result.ledger.entries[0][p];
      const double years = result.ledger.period_years(p);
      const std::vector<SectorOutputRate> ops{
          {site.sector, entry.output_value_m[0] / years, nullptr}};
      ActivityRates rates;
      rates.operations = ops;
      for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
        rates.capex_local_m_per_year[c] = entry.capex_local_m[c] / years;
      }
      rates.construction_jobs = entry.construction_jobs;
      rates.permanent_jobs = entry.permanent_jobs;
      const ActivityEffects expected = economy->effects(site, rates);
      const ImpactEntry& got = result.impacts.entries[0][p];
      CHECK(got.indirect_jobs_host == doctest::Approx(expected.indirect_jobs.host).epsilon(1e-12));
      CHECK(got.induced_jobs_rest == doctest::Approx(expected.induced_jobs.rest).epsilon(1e-12));
      CHECK(got.value_added_m_host == doctest::Approx((expected.indirect_value_added_m.host +
                                                       expected.induced_value_added_m.host) *
                                                      years)
                                          .epsilon(1e-12));
    }
    // 2025 builds (capex only), 2027 operates at full capacity (operations only).
    CHECK(result.impacts.entries[0][0].indirect_jobs() > 0.0);
    CHECK(result.impacts.entries[0][2].indirect_jobs() > 0.0);
  }

  TEST_CASE("a plant's operating purchases replace its sector column in a whole run") {
    // 2027: 100 t at EUR 1 mn, no capex. Purchases 80,000 per t from agriculture (half local)
    // and 12% of the value from business services (three quarters local): d = (4, 9) EUR mn a
    // year, whose indirect jobs tests/economy/economy_test.cpp computes by hand (231.118229
    // nationally, 141.640981 in North).
    const Scenario scenario = load_scenario(run_data("one_plant_purchases.yaml"));
    const std::optional<Economy> economy = load_scenario_economy(scenario);
    REQUIRE(economy.has_value());
    Pipeline pipeline(scenario, &*economy);
    const RunResult& result = pipeline.run();
    const ImpactEntry& full = result.impacts.entries[0][2];
    CHECK(full.indirect_jobs() == doctest::Approx(231.118229).epsilon(1e-8));
    CHECK(full.indirect_jobs_host == doctest::Approx(141.640981).epsilon(1e-8));
  }

  TEST_CASE("job-years of indirect and induced jobs integrate the periods") {
    const Scenario scenario = load_scenario(run_data("one_plant_economy.yaml"));
    const std::optional<Economy> economy = load_scenario_economy(scenario);
    Pipeline pipeline(scenario, &*economy);
    const RunResult& result = pipeline.run();
    double indirect = 0.0;
    double induced = 0.0;
    for (std::size_t p = 0; p < result.ledger.period_count(); ++p) {
      indirect += result.impacts.entries[0][p].indirect_jobs() * result.ledger.period_years(p);
      induced += result.impacts.entries[0][p].induced_jobs() * result.ledger.period_years(p);
    }
    CHECK(result.summary.total.job_years_indirect == doctest::Approx(indirect).epsilon(1e-12));
    CHECK(result.summary.total.job_years_induced == doctest::Approx(induced).epsilon(1e-12));
    CHECK(result.summary.total.indirect_jobs() ==
          doctest::Approx(result.impacts.entries[0][2].indirect_jobs()).epsilon(1e-12));
  }

  TEST_CASE("a plant checked by hand: dates, peak crew, staff, job-years and output") {
    const Scenario scenario = load_scenario(run_data("one_plant.yaml"));
    Pipeline pipeline(scenario, nullptr);
    const RunSummary& s = pipeline.run().summary;
    REQUIRE(s.projects.size() == 1);
    CHECK(s.total.commissioning->to_month_string() == "2026-01");
    CHECK(s.total.full_capacity->to_month_string() == "2027-01");
    CHECK(s.total.peak_construction_jobs == doctest::Approx(3000).epsilon(1e-12));
    CHECK(s.total.permanent_jobs == doctest::Approx(400).epsilon(1e-12));
    CHECK(s.total.job_years_direct == doctest::Approx(3600 * 365 / 365.25).epsilon(1e-9));
    CHECK(s.total.output_m == doctest::Approx(150 * 365 / 365.25).epsilon(1e-3));
    CHECK(s.total.job_years_indirect == 0.0);
  }
}

}  // namespace ripple
