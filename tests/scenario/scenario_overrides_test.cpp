#include "ripple/scenario_overrides.hpp"

#include <doctest/doctest.h>

#include <string>

namespace ripple {
namespace {

YAML::Node base_tree() {
  return YAML::Load(
      "scenario: {name: base, as_of: 2025-05}\n"
      "economy: {flq_delta: 0.25}\n"
      "projects:\n"
      "  - id: satimola\n"
      "    phases:\n"
      "      - {id: shafts, duration: 42 months}\n"
      "      - {id: plant, duration: 2 years}\n"
      "  - id: kazazot\n"
      "    phases:\n"
      "      - {id: build, duration: 3 years}\n");
}

std::string error_of(YAML::Node root, const std::string& assignment) {
  try {
    apply_override(root, assignment, 1);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("an override reaches a list item by its id") {
    YAML::Node root = base_tree();
    apply_override(root, "projects.satimola.phases.shafts.duration=54 months", 1);
    CHECK(root["projects"][0]["phases"][0]["duration"].as<std::string>() == "54 months");
    CHECK(root["projects"][0]["phases"][1]["duration"].as<std::string>() == "2 years");
    CHECK(node_source(root["projects"][0]["phases"][0]["duration"]) == 1u);
  }

  TEST_CASE("an override value is YAML: numbers and distributions read as in the file") {
    YAML::Node root = base_tree();
    apply_override(root, "economy.flq_delta=0.3", 1);
    apply_override(root,
                   "projects.kazazot.phases.build.duration={pert: [3 years, 4 years, 5 years]}", 2);
    CHECK(root["economy"]["flq_delta"].as<double>() == doctest::Approx(0.3));
    CHECK(root["projects"][1]["phases"][0]["duration"]["pert"].size() == 3);
  }

  TEST_CASE("an override of an unknown step names it and the nearest valid ones") {
    CHECK(error_of(base_tree(), "projects.satimol.phases.shafts.duration=1 year") ==
          "set projects.satimol.phases.shafts.duration=1 year: error: path "
          "'projects.satimol.phases.shafts.duration': no item with id 'satimol' in projects "
          "(nearest: satimola or kazazot)");
    CHECK(error_of(base_tree(), "economi.flq_delta=0.3") ==
          "set economi.flq_delta=0.3: error: path 'economi.flq_delta': no key 'economi' at the "
          "top level (nearest: economy, scenario or projects)");
    CHECK(error_of(base_tree(), "economy.flq_delta") ==
          "set economy.flq_delta: error: expected KEY=VALUE, with KEY a dotted path such as "
          "projects.<project>.phases.<phase>.duration");
  }

  TEST_CASE("an overlay merges maps by key and lists by id, appending new items") {
    YAML::Node root = base_tree();
    const YAML::Node overlay = YAML::Load(
        "economy: {flq_delta: 0.1}\n"
        "projects:\n"
        "  - id: satimola\n"
        "    phases:\n"
        "      - {id: shafts, duration: 5 years}\n"
        "      - {id: expansion, duration: 1 year}\n");
    merge_overlay(root, overlay, 1);
    CHECK(root["economy"]["flq_delta"].as<double>() == doctest::Approx(0.1));
    const YAML::Node phases = root["projects"][0]["phases"];
    REQUIRE(phases.size() == 3);
    CHECK(phases[0]["duration"].as<std::string>() == "5 years");
    CHECK(phases[1]["duration"].as<std::string>() == "2 years");
    CHECK(phases[2]["id"].as<std::string>() == "expansion");
    CHECK(node_source(phases[2]["duration"]) == 1u);
    CHECK_FALSE(node_source(phases[1]["duration"]).has_value());
    CHECK(root["projects"][1]["id"].as<std::string>() == "kazazot");
  }

  TEST_CASE("a node's mark names its own source; --set values have no position") {
    YAML::Node root = base_tree();
    const YAML::Node overlay = YAML::Load("economy:\n  flq_delta: 0.1\n");
    merge_overlay(root, overlay, 1);
    apply_override(root, "projects.kazazot.phases.build.duration=4 years", 2);
    const ScenarioSources sources = {
        {"base.yaml", true},
        {"delay.yaml", true},
        {"--set projects.kazazot.phases.build.duration=4 years", false}};
    const Mark overlay_mark = source_mark(root["economy"]["flq_delta"], sources);
    CHECK(overlay_mark.file == "delay.yaml");
    CHECK(overlay_mark.line == 2);
    CHECK(overlay_mark.column == 14);
    const Mark set_mark = source_mark(root["projects"][1]["phases"][0]["duration"], sources);
    CHECK(set_mark.file == sources[2].name);
    CHECK(set_mark.line == 0);
    CHECK(source_mark(root["projects"][0]["id"], sources).file == "base.yaml");
  }
}

}  // namespace ripple
