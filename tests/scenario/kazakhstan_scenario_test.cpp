// The default scenario (scenarios/kazakhstan_2025.yaml) reproduces the reported programme: the
// five projects of the 12 May 2025 meeting, $10.1bn and 8,700 permanent jobs in total.

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "ripple/date.hpp"
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
