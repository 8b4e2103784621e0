// Fuzz target: the scenario reader and the scheduler. The input is a scenario file's text; it
// goes the way of `ripple validate`, `ripple schedule` and `ripple run`: read_scenario_string()
// (YAML parse, key tables, conversion and every check), schedule() (plan, CPM, the event-engine
// rollout) with its CSV, then run() and its output files, then two sampled Monte Carlo runs (risks,
// distributions, correlation) through the engine and through the schedule kernel. An economy the
// scenario names is loaded when it lies in the source tree (the text is named as a file of
// tests/data/run/, so the seeds' relative economy paths resolve); any other path is not read.
//
// Expected: ripple::Error (input, model and runtime errors). A finding: a crash, a sanitizer
// report, a hang, or any other exception escaping (libFuzzer reports it as a crash).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "ripple/error.hpp"
#include "ripple/monte_carlo.hpp"
#include "ripple/ripple.hpp"

namespace {

const std::string kScenarioPath = RIPPLE_SOURCE_DIR "/tests/data/run/fuzz.yaml";

// True when the economy `path` names a file of the source tree (not /dev/zero, /proc/...).
bool economy_in_tree(const std::string& path) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(path, ec);
  if (ec) return false;
  const std::string text = canonical.string();
  const std::string root = RIPPLE_SOURCE_DIR "/";
  return text.starts_with(root) && std::filesystem::is_regular_file(canonical, ec);
}

void exercise(std::string_view text) {
  const ripple::LoadedScenario loaded = ripple::read_scenario_string(text, kScenarioPath);
  const ripple::Scenario& scenario = loaded.scenario;
  const ripple::ScheduleOutput schedule = ripple::schedule(scenario);
  (void)ripple::schedule_csv(scenario, schedule);

  const std::string& economy = scenario.economy.table_path;
  if (!economy.empty() && !economy_in_tree(economy)) return;
  const ripple::RunOutput run = ripple::run(loaded);
  (void)ripple::summary_csv(run);
  (void)ripple::timeseries_csv(run);
  (void)ripple::schedule_csv(run);
  (void)ripple::resources_csv(run);
  (void)ripple::run_json(run);
  (void)ripple::summary_table(run);

  const ripple::Economy* model = run.economy ? &*run.economy : nullptr;
  ripple::McRunner runner(scenario, model, scenario.calendar.seed);
  (void)runner.run(0);
  (void)runner.run(1);
  ripple::McRunner kernel(scenario, model, scenario.calendar.seed, /*schedule_only=*/true);
  (void)kernel.run_schedule(0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    exercise({reinterpret_cast<const char*>(data), size});
  } catch (const ripple::Error&) {
    // Bad input, a model without a solution, an unreadable economy: reported, not a finding.
  }
  return 0;
}
