// The credibility line: output per worker against the economy's sector average, spillover per
// direct job, and the flag for a plant far above its sector's productivity without operating
// purchases (docs/economics.md, "Credibility").

#include "ripple/credibility.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "ripple/economy_link.hpp"
#include "ripple/pipeline.hpp"
#include "ripple/run_report.hpp"
#include "ripple/scenario_reader.hpp"

namespace ripple {
namespace {

std::string run_data(const std::string& name) {
  return std::string(RIPPLE_SOURCE_DIR) + "/tests/data/run/" + name;
}

std::vector<ProjectCredibility> assess(const Scenario& scenario) {
  const std::optional<Economy> economy = load_scenario_economy(scenario);
  REQUIRE(economy.has_value());
  Pipeline pipeline(scenario, &*economy);
  const RunResult& result = pipeline.run();
  return assess_credibility(scenario, result.ledger, result.summary, *economy);
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("output per worker is compared with the sector's and spillovers with direct jobs") {
    // 2027: 100 t at EUR 1 mn by 400 staff = EUR 0.25 mn per worker; Beutel's manufacturing
    // makes 1,079,446 EUR mn with 8,381,000 persons = 0.128797 EUR mn per worker: ratio 1.941.
    const Scenario scenario = load_scenario(run_data("one_plant_economy.yaml"));
    const auto lines = assess(scenario);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].output_per_worker_m == doctest::Approx(0.25).epsilon(1e-9));
    CHECK(lines[0].sector_output_per_worker_m ==
          doctest::Approx(1079446.0 / 8381000.0).epsilon(1e-9));
    CHECK(lines[0].output_per_worker_ratio == doctest::Approx(0.25 * 8381000.0 / 1079446.0));
    CHECK_FALSE(lines[0].has_operating_purchases);
    CHECK_FALSE(lines[0].flagged);
  }

  TEST_CASE(
      "a plant over 3x its sector's output per worker is flagged unless it states purchases") {
    // Ten times the price: EUR 2.5 mn per worker, 19.4x manufacturing's average.
    Scenario plain = load_scenario(run_data("one_plant_economy.yaml"));
    plain.projects[0].products[0].price_per_unit *= 10;
    const auto flagged = assess(plain);
    CHECK(flagged[0].output_per_worker_ratio ==
          doctest::Approx(2.5 * 8381000.0 / 1079446.0).epsilon(1e-9));
    CHECK(flagged[0].flagged);
    CHECK(credibility_note(flagged[0]).find("plant makes 19.4x") == 0);
    // run.json carries the line and the flag's note.
    RunInfo info;
    info.economy_path = "beutel.yaml";
    info.credibility = flagged;
    std::ostringstream json;
    write_run_json(json, plain, info);
    CHECK(json.str().find("\"flagged\": true") != std::string::npos);
    CHECK(json.str().find("\"notes\": [\n    \"plant makes 19.4x") != std::string::npos);
    Scenario with_purchases = load_scenario(run_data("one_plant_purchases.yaml"));
    with_purchases.projects[0].products[0].price_per_unit *= 10;
    const auto fine = assess(with_purchases);
    CHECK(fine[0].has_operating_purchases);
    CHECK_FALSE(fine[0].flagged);
  }

  TEST_CASE("spillover per direct job is indirect plus induced over permanent staff") {
    const Scenario scenario = load_scenario(run_data("one_plant_purchases.yaml"));
    const std::optional<Economy> economy = load_scenario_economy(scenario);
    Pipeline pipeline(scenario, &*economy);
    const RunResult& result = pipeline.run();
    const auto lines = assess_credibility(scenario, result.ledger, result.summary, *economy);
    const SummaryRow& row = result.summary.projects[0];
    CHECK(lines[0].spillover_per_direct_job ==
          doctest::Approx((row.indirect_jobs() + row.induced_jobs()) / 400.0).epsilon(1e-12));
    // 231.118229 indirect (the hand computation) + induced, per 400 staff.
    CHECK(row.indirect_jobs() == doctest::Approx(231.118229).epsilon(1e-8));
  }
}

}  // namespace ripple
