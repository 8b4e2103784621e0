#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include "ripple/ripple.hpp"
#include "ripple/version.hpp"

namespace ripple {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// A directory of this checkout (the working directory) under the system's temporary directory:
// several checkouts may run the suite at once on one machine.
std::filesystem::path temp_dir(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("ripple_facade_test_" +
          std::to_string(std::hash<std::string>{}(std::filesystem::current_path().string())) + "_" +
          name);
}

std::string error_of(const std::string& yaml, const ScenarioEdits& edits = {}) {
  try {
    (void)read_scenario_string(yaml, "<string>", edits);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

constexpr const char* kOnePlant = "tests/data/run/one_plant.yaml";

TEST_SUITE("facade") {
  // tests/data/run/one_plant.yaml works the numbers by hand (commissioning 2026-01, job-years
  // 3,597.536); one_plant.summary.csv is what `ripple run` writes for it.
  TEST_CASE("a run of a file gives the hand-worked summary the CLI writes") {
    const RunOutput run = ripple::run(read_scenario(kOnePlant));
    CHECK(summary_csv(run) == read_text("tests/data/run/one_plant.summary.csv"));
    CHECK(run.result.summary.total.job_years_direct == doctest::Approx(3597.536).epsilon(1e-6));
    CHECK(run.info.scenario_hash == content_hash(read_text(kOnePlant)));
    CHECK_FALSE(run.economy);
  }

  TEST_CASE("a campaign fingerprint hashes the version, the merged scenario and the campaign") {
    CHECK(campaign_fingerprint("a: 1\n", "--runs 5\n") ==
          content_hash(std::string("ripple ") + kVersion + "\na: 1\n\n--runs 5\n"));
    CHECK(mc_campaign(McOptions{}) == "--runs 1000\n--seed 1\n--jobs-year 2030\n");
  }

  TEST_CASE("a scenario read from a string runs exactly like the same file") {
    const std::string text = read_text(kOnePlant);
    const RunOutput from_file = ripple::run(read_scenario(kOnePlant));
    const RunOutput from_text = ripple::run(read_scenario_string(text, kOnePlant));
    CHECK(summary_csv(from_text) == summary_csv(from_file));
    CHECK(timeseries_csv(from_text) == timeseries_csv(from_file));
    CHECK(schedule_csv(from_text) == schedule_csv(from_file));
    CHECK(run_json(from_text) == run_json(from_file));
  }

  TEST_CASE("overrides change the run and are named by their label in errors") {
    ScenarioEdits edits;
    edits.overrides = {"projects.plant.phases.build.duration=24 months"};
    const RunOutput run = ripple::run(read_scenario(kOnePlant, edits));
    REQUIRE(run.result.summary.projects.size() == 1);
    CHECK(run.result.summary.projects[0].commissioning == Date::from_ymd(2027, 1, 1));
    CHECK(run.info.overrides == edits.overrides);

    const std::string text = read_text(kOnePlant);
    edits.overrides = {"projects.plnt.phases.build.duration=2 years"};
    CHECK(error_of(text, edits)
              .rfind("set projects.plnt.phases.build.duration=2 years: error: "
                     "path 'projects.plnt.phases.build.duration': no item with "
                     "id 'plnt' in projects (nearest: plant)",
                     0) == 0);
    edits.override_label = "--set";
    CHECK(error_of(text, edits).rfind("--set projects.plnt", 0) == 0);
  }

  TEST_CASE("YAML text with a syntax error is an input error at its position in the text") {
    CHECK(
        error_of("scenario:\n  name: [unclosed\n").rfind("<string>:3:1: error: YAML syntax: ", 0) ==
        0);
  }

  // Found by fuzz/scenario_fuzz.cpp: a name in Latin-1 passed validation, then run.json threw
  // (nlohmann::json refuses to write bytes that are not UTF-8) and `ripple run` failed with exit 1.
  TEST_CASE("text that is not UTF-8 is an input error, and a path that is not still writes JSON") {
    CHECK(error_of("scenario: {name: caf\xE9, as_of: 2025-01}\n") ==
          "<string>:1:18: error: YAML text: byte 0xE9 is not valid UTF-8; the file must be UTF-8 "
          "text");
    std::ifstream file(kOnePlant, std::ios::binary);
    const std::string yaml{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    const RunOutput run = ripple::run(read_scenario_string(yaml, "tests/data/run/caf\xE9.yaml"));
    CHECK(run_json(run).find("caf\xEF\xBF\xBD.yaml") != std::string::npos);  // U+FFFD
  }

  TEST_CASE("the output folder holds the four files with the texts of the writers") {
    const RunOutput run = ripple::run(read_scenario(kOnePlant));
    const auto dir = temp_dir("run") / "one_plant";
    std::filesystem::remove_all(dir);
    write_run_directory(run, dir);
    CHECK(read_text(dir / "summary.csv") == summary_csv(run));
    CHECK(read_text(dir / "timeseries.csv") == timeseries_csv(run));
    CHECK(read_text(dir / "schedule.csv") == schedule_csv(run));
    CHECK(read_text(dir / "run.json") == run_json(run));
    std::filesystem::remove_all(dir.parent_path());
  }

  TEST_CASE("schedule alone gives the same schedule.csv as a run") {
    const LoadedScenario scenario = read_scenario(kOnePlant);
    CHECK(schedule_csv(scenario.scenario, schedule(scenario.scenario)) ==
          schedule_csv(ripple::run(scenario)));
  }

  TEST_CASE("a scenario compared with itself changes nothing") {
    const LoadedScenario base = read_scenario("tests/data/compare/two_plants.yaml");
    const CompareOutput result = compare(base, base);
    CHECK(result.shared_economy);
    CHECK(comparison_csv(result) == read_text("tests/data/compare/self.expected.csv"));
  }

  TEST_CASE("multipliers of the Beutel table are the published ones the CLI prints") {
    const Economy economy = load_economy("tests/data/economy/beutel.yaml");
    CHECK(multipliers_csv(multipliers(economy)) ==
          read_text("tests/data/economy/beutel_multipliers.expected.csv"));
    CHECK_THROWS_WITH_AS((void)multipliers(economy, std::string("x")),
                         "unknown region 'x' (the economy has: north, south)", UsageError);
    CHECK(multipliers(economy, std::string("north")).size() == multipliers(economy).size());
  }

  TEST_CASE("a Monte Carlo campaign writes its folder and returns the statistics") {
    const LoadedScenario scenario = read_scenario("tests/data/mc/two_projects.yaml");
    McOptions options;
    options.runs = 20;
    options.seed = 7;
    options.jobs_year = default_jobs_year(scenario.scenario);
    const auto dir = temp_dir("mc");
    std::filesystem::remove_all(dir);
    const McOutput result = monte_carlo(scenario, options, dir);
    REQUIRE(result.summary);
    CHECK(result.summary->runs == 20);
    CHECK(result.metadata.scenario_hash == scenario.hash);
    CHECK(result.metadata.runs == 20);
    CHECK(read_mc_metadata(dir / "mc.json").scenario_hash == scenario.hash);
    // The campaign fingerprint: the merged scenario, runs, seed and options; not the shard.
    const std::string campaign = result.metadata.campaign;
    CHECK(campaign == campaign_fingerprint(scenario.merged_yaml, mc_campaign(options)));
    CHECK(read_mc_metadata(dir / "mc.json").campaign == campaign);
    McOptions other = options;
    other.shard_index = 1;
    other.shard_count = 2;
    other.threads = 3;
    CHECK(campaign_fingerprint(scenario.merged_yaml, mc_campaign(other)) == campaign);
    other.seed = 8;
    CHECK(campaign_fingerprint(scenario.merged_yaml, mc_campaign(other)) != campaign);
    ScenarioEdits edits;
    edits.overrides = {"calendar.currency=EUR"};
    const LoadedScenario changed = read_scenario("tests/data/mc/two_projects.yaml", edits);
    CHECK(campaign_fingerprint(changed.merged_yaml, mc_campaign(options)) != campaign);
    options.runs = 0;
    CHECK_THROWS_WITH_AS((void)monte_carlo(scenario, options, dir),
                         "Monte Carlo: runs = 0: must be at least 1", UsageError);
    std::filesystem::remove_all(dir);
  }
}

}  // namespace
}  // namespace ripple
