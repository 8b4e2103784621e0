// The scenario reader: the format reference's example loads with every value, references
// resolve, and every problem of a file is reported with its position.

#include "ripple/scenario_reader.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "ripple/error.hpp"
#include "ripple/scenario_overrides.hpp"

namespace ripple {
namespace {

constexpr double kEps = 1e-12;
const std::string kData = std::string(RIPPLE_SOURCE_DIR) + "/tests/data/";

// The diagnostics scenario_from_yaml throws for `text`, rendered; empty when it is valid.
std::vector<std::string> errors_of(const std::string& text) {
  try {
    (void)scenario_from_yaml(YAML::Load(text), "t.yaml");
  } catch (const InputError& e) {
    std::vector<std::string> lines;
    for (const auto& d : e.diagnostics()) lines.push_back(d.to_string());
    return lines;
  }
  return {};
}

const std::string kHead = R"(scenario: {name: t, as_of: 2025-05}
calendar: {start: 2025-01, end: 2030-12}
)";

TEST_SUITE("scenario") {
  TEST_CASE("the example of the format reference loads with its values") {
    const std::string path = kData + "example.yaml";
    const Scenario s = load_scenario(path);
    CHECK(s.name == "Example programme");
    CHECK(s.path == path);
    CHECK(s.calendar.start == Date::from_ymd(2025, 1, 1));
    CHECK(s.calendar.end == Date::from_ymd(2035, 12, 1));
    CHECK(s.calendar.as_of == Date::from_ymd(2025, 5, 1));
    CHECK(s.calendar.period == Period::kYear);
    CHECK(s.calendar.currency == "USD");
    CHECK(s.calendar.price_year == 2024);
    CHECK(s.calendar.seed == 7);
    CHECK(s.economy.table_path ==
          std::string(RIPPLE_SOURCE_DIR) + "/scenarios/economy/kazakhstan/economy.yaml");
    CHECK(s.economy.flq_delta == doctest::Approx(0.25).epsilon(kEps));
    CHECK(s.economy.household_closure);

    REQUIRE(s.projects.size() == 1);
    const Project& p = s.projects[0];
    CHECK(p.id == "smelter");
    CHECK(p.name == "Copper smelter");
    CHECK(p.region == "abay");
    CHECK(p.sector == "metallurgy");
    CHECK(p.target_date == Date::from_ymd(2028, 12, 1));
    CHECK(p.mark.line == 15);
    REQUIRE(p.products.size() == 1);
    CHECK(p.products[0].id == "cathode");
    CHECK(p.products[0].unit == "t");
    CHECK(p.products[0].sector == "metallurgy");
    CHECK(p.products[0].price_per_unit == doctest::Approx(9000).epsilon(kEps));

    // Phases in file order, then the milestones.
    REQUIRE(p.phases.size() == 4);
    CHECK(p.phases[0].id == "construction");
    CHECK(p.phases[1].id == "commissioning");
    CHECK(p.phases[2].id == "epc_contract");
    CHECK(p.phases[3].id == "grid");
    CHECK(p.phases[2].is_milestone);
    CHECK(p.phases[2].fixed_date == Date::from_ymd(2024, 6, 3));
    CHECK(p.phases[3].not_before == Date::from_ymd(2027, 6, 1));
    CHECK(p.phases[3].duration.mode().amount == 0.0);

    const Phase& construction = p.phases[0];
    CHECK_FALSE(construction.is_milestone);
    CHECK(construction.duration.values.kind == Distribution::Kind::kTriangular);
    CHECK(construction.duration.unit == TimeUnit::kMonths);
    CHECK(construction.duration.mode().amount == doctest::Approx(44).epsilon(kEps));
    CHECK(construction.actual_start == Date::from_ymd(2024, 9, 1));
    CHECK_FALSE(construction.actual_finish);
    CHECK(construction.capex_m == doctest::Approx(1500).epsilon(kEps));
    CHECK(construction.spending == SpendingProfile::kSCurve);
    CHECK(construction.categories[0].share == doctest::Approx(0.35).epsilon(kEps));
    CHECK(construction.categories[0].local_share == doctest::Approx(0.8).epsilon(kEps));
    CHECK(construction.categories[1].share == doctest::Approx(0.5).epsilon(kEps));
    CHECK(construction.categories[2].local_share == doctest::Approx(0.85).epsilon(kEps));
    CHECK(construction.construction_jobs == doctest::Approx(3500).epsilon(kEps));
    REQUIRE(construction.dependencies.size() == 1);
    CHECK(construction.dependencies[0].predecessor == ActivityRef{0, 2});

    const Phase& commissioning = p.phases[1];
    CHECK(commissioning.duration.mode() == Duration{3, TimeUnit::kMonths});
    CHECK(commissioning.product == "cathode");
    CHECK(commissioning.capacity_per_year == doctest::Approx(300000).epsilon(kEps));
    CHECK(commissioning.ramp_up.curve == RampUp::Curve::kSCurve);
    CHECK(commissioning.ramp_up.duration == Duration{18, TimeUnit::kMonths});
    CHECK(commissioning.permanent_jobs == doctest::Approx(1000).epsilon(kEps));
    REQUIRE(commissioning.dependencies.size() == 2);
    CHECK(commissioning.dependencies[0].predecessor == ActivityRef{0, 0});
    CHECK(commissioning.dependencies[1].predecessor == ActivityRef{0, 3});
    CHECK(commissioning.dependencies[1].type == DependencyType::kFinishToStart);
    CHECK(commissioning.dependencies[1].mark.line == 39);

    REQUIRE(s.shocks.size() == 1);
    const Shock& shock = s.shocks[0];
    CHECK(shock.id == "late_grid");
    CHECK(shock.kind == Shock::Kind::kDelay);
    CHECK(shock.date == Date::from_ymd(2027, 1, 1));
    CHECK(shock.project == 0);
    CHECK(shock.phase == std::optional<std::size_t>(1));
    CHECK(shock.delay == Duration{6, TimeUnit::kMonths});
    CHECK(s.capex_m() == doctest::Approx(1500).epsilon(kEps));
    CHECK(s.permanent_jobs() == doctest::Approx(1000).epsilon(kEps));
  }

  TEST_CASE("marks are 1-based and point at each entity's node") {
    const Scenario s = scenario_from_yaml(YAML::Load(kHead + R"(projects:
  - id: p
    region: r
    sector: s
    phases:
      - id: a
        duration: 1 month
)"),
                                          "t.yaml");
    CHECK(s.projects[0].mark.file == "t.yaml");
    CHECK(s.projects[0].mark.line == 4);
    CHECK(s.projects[0].mark.column == 5);
    CHECK(s.projects[0].phases[0].mark.line == 8);
    CHECK(s.projects[0].phases[0].mark.column == 9);
  }

  TEST_CASE("dependencies resolve inside and across projects, with types and lags") {
    const Scenario s = scenario_from_yaml(YAML::Load(kHead + R"(projects:
  - id: mine
    region: r
    sector: s
    phases:
      - {id: freezing, duration: 1 year}
      - id: sinking
        duration: 2 years
        depends_on: [freezing, {on: rail.track, type: SF, lag: -3 months}]
    milestones:
      - {id: permit, date: 2025-03}
  - id: rail
    region: r
    sector: t
    phases:
      - {id: track, duration: 18 months, depends_on: [{on: mine.permit, type: SS, lag: 2 weeks}]}
dependencies:
  - {from: rail.track, to: mine.freezing, type: FF, lag: 10 days}
)"),
                                          "t.yaml");
    const auto& sinking = s.projects[0].phases[1];
    REQUIRE(sinking.dependencies.size() == 2);
    CHECK(sinking.dependencies[0].predecessor == ActivityRef{0, 0});
    CHECK(sinking.dependencies[0].type == DependencyType::kFinishToStart);
    CHECK(sinking.dependencies[0].lag.amount == 0.0);
    CHECK(sinking.dependencies[1].predecessor == ActivityRef{1, 0});
    CHECK(sinking.dependencies[1].type == DependencyType::kStartToFinish);
    CHECK(sinking.dependencies[1].lag == Duration{-3, TimeUnit::kMonths});
    const auto& track = s.projects[1].phases[0];
    REQUIRE(track.dependencies.size() == 1);
    CHECK(s.activity_name(track.dependencies[0].predecessor) == "mine.permit");
    CHECK(track.dependencies[0].lag == Duration{2, TimeUnit::kWeeks});
    const auto& freezing = s.projects[0].phases[0];
    REQUIRE(freezing.dependencies.size() == 1);
    CHECK(s.activity_name(freezing.dependencies[0].predecessor) == "rail.track");
    CHECK(freezing.dependencies[0].type == DependencyType::kFinishToFinish);
    CHECK(freezing.dependencies[0].mark.line == 20);
  }

  TEST_CASE("risks, resources, shocks, baselines and ramp-up tables are read") {
    const Scenario s = scenario_from_yaml(YAML::Load(kHead + R"(resources:
  - {id: labour, name: Atyrau labour, unit: workers, capacity: 6000}
projects:
  - id: mine
    region: r
    sector: s
    products:
      - {id: potash, unit: t, price_per_unit: 300}
      - {id: salt, unit: t, price_per_unit: 40, sector: chemicals}
    baseline: {permanent_jobs: 1200, capacity: {salt: 1 Mt/yr}}
    phases:
      - id: plant
        duration: {lognormal: {median: 2 years, sigma: 0.1}}
        actual_start: 2024-01
        actual_finish: 2025-04-30
        status: done
        spending: uniform
        product: potash
        capacity: 2 Mt/yr
        ramp_up: {table: [[6 months, 0.25], [1 year, 1]]}
        uses: {labour: 2500}
risks:
  - {id: flood, phase: mine.plant, probability: 0.3, delay: {pert: [1 month, 3 months, 9 months]}, cost_m: {uniform: [10, 30]}}
shocks:
  - {id: halt, type: stop, date: 2026-01, project: mine, until: 2026-07}
  - {id: cut, type: capacity_cut, date: 2027-01, project: mine, share: 0.5}
)"),
                                          "t.yaml");
    REQUIRE(s.resources.size() == 1);
    CHECK(s.resources[0].name == "Atyrau labour");
    CHECK(s.resources[0].capacity == doctest::Approx(6000).epsilon(kEps));
    const Project& p = s.projects[0];
    CHECK(p.products[1].sector == "chemicals");
    REQUIRE(p.baseline);
    CHECK(p.baseline->permanent_jobs == doctest::Approx(1200).epsilon(kEps));
    CHECK(p.baseline->capacity_per_year.at("salt") == doctest::Approx(1e6).epsilon(kEps));
    const Phase& plant = p.phases[0];
    CHECK(plant.duration.values.kind == Distribution::Kind::kLognormal);
    CHECK(plant.actual_finish == Date::from_ymd(2025, 4, 30));
    CHECK(plant.spending == SpendingProfile::kUniform);
    CHECK(plant.product == "potash");
    CHECK(plant.capacity_per_year == doctest::Approx(2e6).epsilon(kEps));
    CHECK(plant.ramp_up.curve == RampUp::Curve::kTable);
    REQUIRE(plant.ramp_up.table.size() == 2);
    CHECK(plant.ramp_up.table[1].first == Duration{1, TimeUnit::kYears});
    CHECK(plant.ramp_up.length() == Duration{1, TimeUnit::kYears});
    CHECK(plant.resource_use.at("labour") == doctest::Approx(2500).epsilon(kEps));
    REQUIRE(s.risks.size() == 1);
    CHECK(s.risks[0].phase == ActivityRef{0, 0});
    CHECK(s.risks[0].probability == doctest::Approx(0.3).epsilon(kEps));
    REQUIRE(s.risks[0].delay);
    CHECK(s.risks[0].delay->mode() == Duration{3, TimeUnit::kMonths});
    REQUIRE(s.risks[0].cost_m);
    CHECK(s.risks[0].cost_m->mode() == doctest::Approx(20).epsilon(kEps));
    REQUIRE(s.shocks.size() == 2);
    CHECK(s.shocks[0].kind == Shock::Kind::kStop);
    CHECK(s.shocks[0].until == Date::from_ymd(2026, 7, 1));
    CHECK(s.shocks[1].kind == Shock::Kind::kCapacityCut);
    CHECK(s.shocks[1].cut_share == doctest::Approx(0.5).epsilon(kEps));
    CHECK_FALSE(s.shocks[1].until);
  }

  TEST_CASE("defaults apply when optional keys are absent") {
    const Scenario s = scenario_from_yaml(YAML::Load(kHead + R"(projects:
  - {id: p, region: r, sector: s, phases: [{id: a, duration: 1 month}]}
)"),
                                          "dir/t.yaml");
    CHECK(s.calendar.period == Period::kYear);
    CHECK(s.calendar.currency == "USD");
    CHECK(s.calendar.seed == 1);
    CHECK(s.economy.table_path.empty());
    CHECK(s.projects[0].name == "p");
    const Phase& a = s.projects[0].phases[0];
    CHECK(a.name == "a");
    CHECK(a.capex_m == 0.0);
    CHECK(a.spending == SpendingProfile::kSCurve);
    CHECK(a.product.empty());
    CHECK(a.ramp_up.length().amount == 0.0);
    CHECK(a.dependencies.empty());
  }

  TEST_CASE("every error of a file is reported, in file order") {
    const auto errors = errors_of(R"(scenario: {name: t, as_of: 2025-05}
calendar: {start: 2025-01, end: 2024-01, seed: -1}
projects:
  - id: p
    region: r
    sector: s
    phases:
      - {id: a, duration: 0 days, capex_m: 5}
      - {id: b, duration: 1 month, depends_on: [c], colour: red}
)");
    const std::vector<std::string> expected = {
        "t.yaml:2:33: error: calendar.end = '2024-01': must be after calendar.start (2025-01-01)",
        "t.yaml:2:48: error: calendar.seed = -1: a seed must not be negative",
        "t.yaml:8:27: error: projects[p].phases[a].duration = '0 days': a phase duration must "
        "be greater than zero",
        "t.yaml:8:44: error: projects[p].phases[a].capex_m = 5: capex needs categories (the "
        "works, equipment and services shares)",
        "t.yaml:9:49: error: projects[p].phases[b].depends_on[0] = 'c': unknown activity; "
        "nearest valid names: a, b",
        "t.yaml:9:53: error: projects[p].phases[b].colour: unknown key; valid keys are id, name, "
        "duration, depends_on, not_before, actual_start, actual_finish, status, capex_m, "
        "spending, categories, construction_jobs, product, capacity, ramp_up, permanent_jobs, "
        "uses, correlated, work_calendar",
    };
    CHECK(errors == expected);
  }

  TEST_CASE("an unknown key suggests the nearest valid key instead of reporting it missing") {
    const auto errors = errors_of(kHead + R"(projects:
  - {id: p, regoin: r, sector: s, phases: [{id: a, duration: 1 month}]}
)");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "t.yaml:4:13: error: projects[p].regoin: unknown key; did you mean 'region'?");
  }

  TEST_CASE("a file that is not a scenario map is reported") {
    CHECK(errors_of("") == std::vector<std::string>{
                               "t.yaml:1:1: error: the file is empty; a scenario needs the keys "
                               "scenario, calendar and projects"});
    CHECK(errors_of("- a\n- b\n").size() == 1);
    const auto missing = errors_of("scenario: {name: t, as_of: 2025-05}\n");
    CHECK(missing == std::vector<std::string>{
                         "t.yaml:1:1: error: top level: missing required key 'calendar'",
                         "t.yaml:1:1: error: top level: missing required key 'projects'"});
  }

  TEST_CASE("malformed trees are reported as input errors, never as internal errors") {
    const std::vector<std::string> bodies = {
        "projects: [1, [2], {id: p}]",
        "projects: [{id: p, region: r, sector: s, phases: x, milestones: [3]}]",
        "projects: [{region: r, sector: s, phases: [{duration: 1 month, depends_on: a}]}]",
        "projects: [{id: p, id: q, region: , sector: s, phases: [{id: a, duration: {pert: {a: "
        "1}}, capacity: 3, ramp_up: {table: [[1 month]]}, uses: [1], categories: {works: 1}}]}]",
        "projects: []\nrisks: {a: 1}\nshocks: [{type: [1]}, 5, {id: s, type: stop}]\n"
        "dependencies: [x, {from: a, to: [b]}]",
        "projects: [{id: p, region: r, sector: s, products: [{id: x, unit: t, price_per_unit: "
        "1}], baseline: {capacity: {y: 1 t/yr, [1]: 2}}, phases: [{id: a, duration: "
        "{lognormal: {median: -1 months}}, ramp_up: {curve: table}}]}]",
    };
    for (const auto& body : bodies) {
      CAPTURE(body);
      CHECK_THROWS_AS((void)scenario_from_yaml(YAML::Load(kHead + body), "t.yaml"), InputError);
    }
  }

  TEST_CASE("a problem brought in by an override is reported against the override") {
    const ScenarioTree tree = build_scenario_tree(
        kData + "example.yaml", {}, {"projects.smelter.phases.commissioning.duration=3 monts"});
    try {
      (void)scenario_from_yaml(tree.root, tree.sources);
      FAIL("no error");
    } catch (const InputError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      const Diagnostic& d = e.diagnostics()[0];
      CHECK(d.mark.file == tree.sources.at(1).name);
      CHECK(d.mark.line == 0);
      CHECK(d.message.find("projects[smelter].phases[commissioning].duration = '3 monts'") == 0);
    }
    const ScenarioTree good = build_scenario_tree(kData + "example.yaml", {}, {"calendar.seed=9"});
    const Scenario s = scenario_from_yaml(good.root, good.sources);
    CHECK(s.calendar.seed == 9);
    CHECK(s.path == kData + "example.yaml");
  }

  TEST_CASE("a missing file is a runtime error naming the path") {
    const std::string path = kData + "no_such_scenario.yaml";
    CHECK_THROWS_AS((void)read_scenario_yaml(path), RuntimeError);
    try {
      (void)load_scenario(path);
    } catch (const RuntimeError& e) {
      CHECK(std::string(e.what()).find(path) != std::string::npos);
    }
  }

  TEST_CASE("a YAML syntax error is an input error at its position") {
    try {
      (void)read_scenario_yaml(kData + "invalid/yaml_syntax_error.yaml");
      FAIL("no error");
    } catch (const InputError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].mark.line == 9);
      CHECK(e.diagnostics()[0].mark.column == 1);
      CHECK(e.exit_code() == ExitCode::kInvalidInput);
    }
  }

  TEST_CASE("a tree edited before conversion is what gets validated") {
    YAML::Node root = YAML::Load(kHead + R"(projects:
  - {id: p, region: r, sector: s, phases: [{id: a, duration: 1 month}]}
)");
    root["calendar"]["period"] = "quarter";  // what an override will do
    const Scenario s = scenario_from_yaml(root, "t.yaml");
    CHECK(s.calendar.period == Period::kQuarter);
  }
}

}  // namespace
}  // namespace ripple
