// The default scenario (scenarios/kazakhstan_2025.yaml) reproduces the reported programme: the
// five projects of the 12 May 2025 meeting, $10.1bn and 8,700 permanent jobs in total. Its shared
// resources (docs/default-constraints.md) follow from their stated basis, and what the
// deterministic run makes of them is worked by hand.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "ripple/date.hpp"
#include "ripple/economy_link.hpp"
#include "ripple/io_table.hpp"
#include "ripple/ledger.hpp"
#include "ripple/pipeline.hpp"
#include "ripple/scenario.hpp"
#include "ripple/scenario_overrides.hpp"
#include "ripple/scenario_reader.hpp"

namespace {

const ripple::Scenario& kazakhstan() {
  static const ripple::Scenario scenario =
      ripple::load_scenario(std::string(RIPPLE_SOURCE_DIR) + "/scenarios/kazakhstan_2025.yaml");
  return scenario;
}

const ripple::Project& project(const std::string& id) {
  const auto& scenario = kazakhstan();
  return scenario.projects.at(scenario.project_index(id));
}

const ripple::Resource& resource(const std::string& id) {
  const auto& scenario = kazakhstan();
  const auto index = scenario.find_resource(id);
  REQUIRE(index.has_value());
  return scenario.resources.at(*index);
}

// Construction employment per region, persons, from the scenario's economy
// (scenarios/economy/kazakhstan/regions.csv, read through its descriptor).
std::map<std::string, double> construction_employment() {
  const ripple::EconomyData data = ripple::read_economy(
      std::string(RIPPLE_SOURCE_DIR) + "/scenarios/economy/kazakhstan/economy.yaml");
  const auto& ids = data.table.sector_ids;
  const auto it = std::find(ids.begin(), ids.end(), "construction");
  REQUIRE(it != ids.end());
  const auto sector = static_cast<std::size_t>(it - ids.begin());
  std::map<std::string, double> out;
  for (const auto& region : data.regions) out[region.id] = region.employment_persons.at(sector);
  return out;
}

// Gas content of a product's operating purchases: oil_gas USD per unit / 2.0 USD/GJ (the
// scenario's gas price), in GJ per unit.
double purchased_gas_gj(const ripple::Product& product) {
  double usd = 0.0;
  for (const auto& purchase : product.operating_purchases) {
    if (purchase.sector == "oil_gas") usd += purchase.per_unit;
  }
  return usd / 2.0;
}

const ripple::Product& product(const std::string& project_id, const std::string& id) {
  const auto& p = project(project_id);
  return p.products.at(*p.find_product(id));
}

// The added capacity of a product over a project's phases, per year.
double capacity_of(const std::string& project_id, const std::string& product_id) {
  double total = 0.0;
  for (const auto& phase : project(project_id).phases) {
    if (phase.product == product_id) total += phase.capacity_per_year;
  }
  return total;
}

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("the default scenario totals $10.1bn of capex and 8,700 permanent jobs") {
    const auto& scenario = kazakhstan();
    CHECK(scenario.capex_m() == doctest::Approx(10100.0).epsilon(1e-9));
    CHECK(scenario.permanent_jobs() == doctest::Approx(8700.0).epsilon(1e-9));
  }

  TEST_CASE(
      "the default scenario has the five projects in their regions with reported capex and jobs") {
    struct Expected {
      const char* id;
      const char* region;
      const char* sector;
      double capex_m;
      double permanent_jobs;
    };
    const Expected expected[] = {
        {"abay_smelter", "abay", "metallurgy", 1500.0, 1000.0},
        {"qarmet", "karaganda", "metallurgy", 3500.0, 2000.0},
        {"kostanay_hbi", "kostanay", "metallurgy", 1200.0, 1000.0},
        {"satimola", "west_kazakhstan", "mining", 2400.0, 4000.0},
        {"kazazot", "mangystau", "chemicals", 1500.0, 700.0},
    };
    REQUIRE(kazakhstan().projects.size() == 5);
    for (const auto& row : expected) {
      CAPTURE(row.id);
      const auto& p = project(row.id);
      CHECK(p.region == row.region);
      CHECK(p.sector == row.sector);
      CHECK(p.capex_m() == doctest::Approx(row.capex_m).epsilon(1e-9));
      CHECK(p.permanent_jobs() == doctest::Approx(row.permanent_jobs).epsilon(1e-9));
    }
  }

  TEST_CASE("each project carries its reported target date, Satimola none") {
    struct Expected {
      const char* id;
      std::optional<ripple::Date> target;
    };
    const Expected expected[] = {
        {"abay_smelter", ripple::Date::from_ymd(2028, 12, 1)},
        {"qarmet", ripple::Date::from_ymd(2028, 12, 1)},
        {"kostanay_hbi", ripple::Date::from_ymd(2029, 12, 1)},
        {"satimola", std::nullopt},
        {"kazazot", ripple::Date::from_ymd(2029, 12, 1)},
    };
    for (const auto& row : expected) {
      CAPTURE(row.id);
      CHECK(project(row.id).target_date == row.target);
    }
  }

  TEST_CASE("Satimola reaches 12 Mt/yr of potassium chloride in four 3 Mt/yr phases") {
    const auto& satimola = project("satimola");
    int capacity_phases = 0;
    double capacity_t = 0.0;
    for (const auto& phase : satimola.phases) {
      if (phase.capacity_per_year <= 0.0) continue;
      CAPTURE(phase.id);
      ++capacity_phases;
      capacity_t += phase.capacity_per_year;
      CHECK(phase.product == "kcl");
      CHECK(phase.capacity_per_year == doctest::Approx(3.0e6).epsilon(1e-9));
    }
    CHECK(capacity_phases == 4);
    CHECK(capacity_t == doctest::Approx(12.0e6).epsilon(1e-9));
  }

  TEST_CASE("Qarmet is a brownfield baseline reaching its 2028 targets") {
    const auto& qarmet = project("qarmet");
    REQUIRE(qarmet.baseline.has_value());
    CHECK(qarmet.baseline->permanent_jobs == doctest::Approx(34000.0).epsilon(1e-9));
    struct Target {
      const char* product;
      double target_t;  // reported 2028 target, t/yr
    };
    const Target targets[] = {{"steel", 5.0e6}, {"coal", 9.0e6}, {"concentrate", 5.0e6}};
    for (const auto& row : targets) {
      CAPTURE(row.product);
      double capacity_t = qarmet.baseline->capacity_per_year.at(row.product);
      for (const auto& phase : qarmet.phases) {
        if (phase.product == row.product) capacity_t += phase.capacity_per_year;
      }
      CHECK(capacity_t == doctest::Approx(row.target_t).epsilon(1e-9));
    }
  }
}

TEST_SUITE("scenario") {
  TEST_CASE("the default plants' operating purchases add up to the totals their comments give") {
    // scenarios/kazakhstan_2025.yaml states the sum per tonne next to each list; diverted supply
    // (concentrate, pellets, own coal and ore) is not a purchase, so no product keeps
    // diverted_inputs.
    struct Expected {
      const char* project;
      const char* product;
      double usd_per_t;
    };
    const Expected expected[] = {
        {"abay_smelter", "cathode", 158.8},
        {"qarmet", "steel", 93.4},
        {"kostanay_hbi", "hbi", 54.1},
        {"satimola", "kcl", 56.1},
        {"kazazot", "ammonia", 91.3},
        {"kazazot", "urea", 69.4},
        {"kazazot", "an", 56.1},
    };
    for (const auto& row : expected) {
      CAPTURE(row.product);
      const auto& p = project(row.project);
      const auto& product = p.products.at(*p.find_product(row.product));
      double sum = 0.0;
      for (const auto& purchase : product.operating_purchases) sum += purchase.per_unit;
      CHECK(sum == doctest::Approx(row.usd_per_t).epsilon(1e-9));
      CHECK(sum < product.price_per_unit);
      CHECK(product.diverted_inputs.empty());
    }
  }

  TEST_CASE("reading a scenario tree leaves the tree as it was, so a sweep can read it again") {
    // Kostanay HBI's construction follows engineering by an SS link with a 4-month lag; the
    // reader once overwrote that {on, type, lag} item with its `on` scalar, so a second read
    // (every sweep point) lost the link type and the lag.
    const ripple::ScenarioTree tree = ripple::build_scenario_tree(
        std::string(RIPPLE_SOURCE_DIR) + "/scenarios/kazakhstan_2025.yaml", {}, {});
    const std::string before = YAML::Dump(tree.root);
    const ripple::Scenario first = ripple::scenario_from_yaml(tree.root, tree.sources);
    CHECK(YAML::Dump(tree.root) == before);
    const ripple::Scenario second = ripple::scenario_from_yaml(tree.root, tree.sources);
    const auto& hbi = second.projects.at(second.project_index("kostanay_hbi"));
    const auto& construction = hbi.phases.at(hbi.phase_index("construction"));
    REQUIRE(construction.dependencies.size() == 3);
    CHECK(construction.dependencies[0].type == ripple::DependencyType::kStartToStart);
    CHECK(construction.dependencies[0].lag.amount == doctest::Approx(4.0).epsilon(1e-12));
    CHECK(construction.dependencies[0].lag.unit == ripple::TimeUnit::kMonths);
  }
}

TEST_SUITE("scenario") {
  TEST_CASE("each region's labour pool is a tenth of its construction workforce, importing") {
    const auto employment = construction_employment();
    for (const auto& p : kazakhstan().projects) {
      CAPTURE(p.id);
      const auto& pool = resource("labour_" + p.region);
      CHECK(pool.unit == "workers");
      CHECK(pool.on_shortfall == ripple::Resource::Shortfall::kImport);
      CHECK(pool.steps.empty());
      // 10% [GAP] of the region's construction employment, rounded to 10 workers.
      CHECK(pool.capacity == std::round(0.1 * employment.at(p.region) / 10.0) * 10.0);
      // Every crew draws its peak size on its own region's pool, and nothing else.
      for (const auto& phase : p.phases) {
        CAPTURE(phase.id);
        if (phase.construction_jobs > 0.0) {
          CHECK(phase.resource_use ==
                std::map<std::string, double>{{pool.id, phase.construction_jobs}});
        } else if (phase.id != "commissioning" || p.id != "abay_smelter") {
          CHECK(phase.resource_use.empty());
        }
      }
    }
  }

  TEST_CASE("the smelter's hot commissioning waits for a 45 MW grid connection from 2028") {
    const auto& grid = resource("grid_aktogay");
    CHECK(grid.capacity == 0.0);
    REQUIRE(grid.steps.size() == 1);
    CHECK(grid.steps[0].from.to_string() == "2028-01-01");
    // 1,300 kWh per t of cathode (the smelter's electricity purchase: 71.5 USD/t at 0.055
    // USD/kWh) x 300 kt/yr over 8,760 h = 44.5 MW, rounded up to 45.
    const double kwh_per_t = 71.5 / 0.055;
    CHECK(kwh_per_t == doctest::Approx(1300.0).epsilon(1e-9));
    const double mean_mw = kwh_per_t * capacity_of("abay_smelter", "cathode") / 8760.0 / 1000.0;
    CHECK(mean_mw == doctest::Approx(44.52).epsilon(1e-3));
    CHECK(grid.steps[0].capacity == std::ceil(mean_mw));
    const auto& smelter = project("abay_smelter");
    CHECK(smelter.phases.at(smelter.phase_index("commissioning")).resource_use ==
          std::map<std::string, double>{{"grid_aktogay", grid.steps[0].capacity}});
  }

  TEST_CASE("gas drawn per tonne is the gas the plants buy, at 35 MJ per cubic metre") {
    struct Expected {
      const char* project;
      const char* product;
      const char* resource;
    };
    const Expected rows[] = {{"kostanay_hbi", "hbi", "gas_kostanay"},
                             {"kazazot", "ammonia", "gas_kazazot"},
                             {"kazazot", "urea", "gas_kazazot"},
                             {"kazazot", "an", "gas_kazazot"}};
    for (const auto& row : rows) {
      CAPTURE(row.product);
      const auto& prod = product(row.project, row.product);
      REQUIRE(prod.resource_use_per_unit.size() == 1);
      const double bcm_per_t = prod.resource_use_per_unit.at(row.resource);
      const double gj_per_t = bcm_per_t * 1e9 * 0.035;  // m3 x GJ per m3
      // The urea figure is rounded to whole cubic metres (511 m3 = 17.885 GJ for 17.9).
      CHECK(gj_per_t == doctest::Approx(purchased_gas_gj(prod)).epsilon(1e-3));
    }
    // KazAzot's allocation covers its design need: 120 kt merchant ammonia, 577.5 kt urea and
    // 500 kt AN = 0.561 bcm/yr, rounded up to 0.57.
    double need = 0.0;
    for (const char* id : {"ammonia", "urea", "an"}) {
      need += capacity_of("kazazot", id) *
              product("kazazot", id).resource_use_per_unit.at("gas_kazazot");
    }
    CHECK(need == doctest::Approx(0.5611).epsilon(1e-4));
    CHECK(resource("gas_kazazot").capacity == std::ceil(need * 100.0) / 100.0);
    // Kostanay: nothing before the new pipeline, then the HBI plant's 2 Mt/yr x 250 m3.
    const auto& kostanay = resource("gas_kostanay");
    CHECK(kostanay.capacity == 0.0);
    REQUIRE(kostanay.steps.size() == 1);
    CHECK(kostanay.steps[0].from.to_string() == "2030-01-01");
    CHECK(kostanay.steps[0].capacity ==
          doctest::Approx(capacity_of("kostanay_hbi", "hbi") *
                          product("kostanay_hbi", "hbi").resource_use_per_unit.at("gas_kostanay"))
              .epsilon(1e-9));
  }

  TEST_CASE("the potash railway carries Satimola's 12 Mt/yr, a tonne of rail per tonne") {
    const auto& rail = resource("rail_satimola");
    CHECK(rail.unit == "Mt/yr");
    CHECK(rail.steps.empty());
    const double use = product("satimola", "kcl").resource_use_per_unit.at("rail_satimola");
    CHECK(use == 1e-6);
    CHECK(rail.capacity == doctest::Approx(capacity_of("satimola", "kcl") * use).epsilon(1e-9));
  }

  TEST_CASE("the default run: three regions import crews, HBI lacks gas in 2029, no one waits") {
    const auto& scenario = kazakhstan();
    const std::optional<ripple::Economy> economy = ripple::load_scenario_economy(scenario);
    REQUIRE(economy.has_value());
    ripple::Pipeline pipeline(scenario, &*economy);
    const ripple::RunResult& result = pipeline.run();
    const auto& timeline = result.timeline;

    // Imported shares, worked by hand from the pools above and the phases' dates:
    // - Abay (1,940): the EPC construction (3,150, from 2024-07) takes 1,940 and imports 1,210;
    //   the infrastructure crew (230, from 2025-01) finds the pool full and imports all of it.
    // - Karaganda (4,260): from 2024-01, in declaration order, the overhaul (1,130) and the coal
    //   department (1,130) are local; the iron-ore department (2,200) finds 2,000 free; the coke
    //   modernisation (1,460) none. The casting-rolling complex (1,580, 2024-03) imports all; the
    //   gas switch (390, 2025-05) is local, the overhaul's 1,130 having been released.
    // - West Kazakhstan (2,160): phase 1 (1,800, 2026-07) meets the shafts (860) and the rail link
    //   (340): 960 free. Phase 2 (2028-07) finds the shafts and the rail link gone: local.
    // - Kostanay (2,760) and Mangystau (3,420) never run short.
    std::map<std::string, double> expected = {
        {"abay_smelter.construction", 1210.0 / 3150.0},
        {"abay_smelter.infrastructure", 1.0},
        {"qarmet.iron_ore_department", 200.0 / 2200.0},
        {"qarmet.coke_modernisation", 1.0},
        {"qarmet.casting_rolling", 1.0},
        {"satimola.phase_1", 840.0 / 1800.0},
    };
    for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
      const auto& proj = scenario.projects[p];
      for (std::size_t a = 0; a < proj.phases.size(); ++a) {
        const std::string name = proj.id + "." + proj.phases[a].id;
        CAPTURE(name);
        const auto& times = timeline.activities[p][a];
        CHECK(times.wait_days() == 0);
        const auto it = expected.find(name);
        CHECK(times.imported_share ==
              doctest::Approx(it == expected.end() ? 0.0 : it->second).epsilon(1e-9));
      }
    }

    // Operations: only the HBI plant lacks gas, and only in 2029, its first year, when the
    // region has none to give it; the plant then produces nothing.
    const auto& ledger = result.ledger;
    const std::size_t hbi = scenario.project_index("kostanay_hbi");
    for (std::size_t r = 0; r < scenario.resources.size(); ++r) {
      const auto& draws = ledger.operations_draw[r];
      for (std::size_t period = 0; period < draws.size(); ++period) {
        const std::string label =
            scenario.resources[r].id + " " + ripple::period_label(ledger.period_starts[period]);
        CAPTURE(label);
        const bool hbi_2029 = scenario.resources[r].id == "gas_kostanay" &&
                              ripple::period_label(ledger.period_starts[period]) == "2029-01";
        if (hbi_2029) {
          CHECK(draws[period].need > 0.0);
          CHECK(draws[period].used == 0.0);
          CHECK(ledger.entries[hbi][period].production.at(0) == 0.0);
        } else {
          CHECK(draws[period].used == doctest::Approx(draws[period].need).epsilon(1e-9));
        }
      }
    }
  }
}
