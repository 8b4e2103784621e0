#pragma once
/// The common calls of ripple as a library, the same steps the `ripple` commands take: read a
/// scenario (from a file or from YAML text, with overlays and `KEY=VALUE` overrides), run it
/// once, schedule it, run a Monte Carlo campaign, compare two variants, write a run's output
/// folder, load an economy and get its multipliers. Everything else (the plan, the engine, the
/// ledger, the samplers) stays reachable through the other headers for programs that need it.
///
/// Nothing here prints, exits or reads the command line. Errors are ripple::Error subclasses
/// (error.hpp): InputError (exit code 3) with every `file:line:column: error: ...` diagnostic,
/// ModelError (4), UsageError (2) for bad options, RuntimeError (1) for I/O.
///
///     ripple::ScenarioEdits edits;
///     edits.overrides = {"projects.satimola.phases.shaft_sinking.duration=45 months"};
///     const ripple::LoadedScenario scenario =
///         ripple::read_scenario("scenarios/kazakhstan_2025.yaml", edits);
///     const ripple::RunOutput run = ripple::run(scenario);
///     const double direct = run.result.summary.total.job_years_direct;

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ripple/comparison.hpp"
#include "ripple/cpm.hpp"
#include "ripple/economy.hpp"
#include "ripple/error.hpp"
#include "ripple/mc_summary.hpp"
#include "ripple/monte_carlo.hpp"
#include "ripple/output_folder.hpp"
#include "ripple/pipeline.hpp"
#include "ripple/run_report.hpp"
#include "ripple/scenario.hpp"
#include "ripple/timeline.hpp"

namespace ripple {

/// What-if edits over a scenario, applied in this order: each overlay (a partial scenario file
/// merged over the base: maps key by key, lists of items with an `id` item by item), then each
/// override `KEY=VALUE` (KEY a dotted path such as `projects.satimola.phases.shaft_sinking.
/// duration`, VALUE read as YAML, e.g. `45 months`). docs/scenario-format.md, "What-if".
struct ScenarioEdits {
  std::vector<std::string> overlays;   ///< paths of overlay files, in order
  std::vector<std::string> overrides;  ///< `KEY=VALUE` items, in order
  /// How diagnostics name an override: `<label> KEY=VALUE` (the CLI passes `--set`).
  std::string override_label = "set";
};

/// A validated scenario and where it came from (what run.json and mc.json record).
struct LoadedScenario {
  Scenario scenario;
  std::string path;  ///< the file, or the name given to YAML text
  std::string hash;  ///< content_hash() of the base file's bytes (or of the text)
  ScenarioEdits edits;
  /// The scenario as merged (file, overlays, overrides) written back as YAML: what a campaign's
  /// fingerprint hashes (campaign_fingerprint(), run_report.hpp).
  std::string merged_yaml;
};

/// Reads, merges and validates the scenario file at `path` with its edits. Throws InputError
/// with every problem found (file:line:column, overlays at their own positions, overrides by
/// their label), RuntimeError when a file cannot be read.
[[nodiscard]] LoadedScenario read_scenario(const std::string& path,
                                           const ScenarioEdits& edits = {});

/// As read_scenario(), for YAML text held in memory. `path` names the text in diagnostics and
/// is the base that relative paths in it (economy.table) resolve against: with the default
/// `<string>`, the working directory.
[[nodiscard]] LoadedScenario read_scenario_string(std::string_view yaml,
                                                  const std::string& path = "<string>",
                                                  const ScenarioEdits& edits = {});

/// One deterministic run (each uncertain duration at its mode) and all it produced.
struct RunOutput {
  LoadedScenario input;
  std::optional<Economy> economy;  ///< the scenario's economy; none when it names none
  Schedule schedule;               ///< CPM early/late dates and float of the plan
  RunResult result;                ///< timeline, ledger, impacts and summary
  RunInfo info;                    ///< provenance for run.json and the summary table
};

/// Loads the scenario's economy (if any), plans and runs the scenario once. Throws InputError
/// (dependency cycle, a region or sector unknown to the economy), ModelError, RuntimeError.
[[nodiscard]] RunOutput run(const LoadedScenario& scenario);

/// The files of a run's output folder, as text: summary.csv, timeseries.csv, schedule.csv and
/// run.json (docs/outputs.md describes every column).
[[nodiscard]] std::string summary_csv(const RunOutput& run);
[[nodiscard]] std::string timeseries_csv(const RunOutput& run);
[[nodiscard]] std::string schedule_csv(const RunOutput& run);
/// resources.csv (resource_report.hpp): per period and resource, capacity, use, queued demand
/// and shortfall; written by write_run_directory when the scenario declares resources.
[[nodiscard]] std::string resources_csv(const RunOutput& run);
[[nodiscard]] std::string run_json(const RunOutput& run);
/// The summary table `ripple run` prints (for people).
[[nodiscard]] std::string summary_table(const RunOutput& run);

/// Writes summary.csv, timeseries.csv, schedule.csv (resources.csv) and run.json into `dir`
/// (created with its parents) all at once through an OutputFolder (output_folder.hpp): the
/// files are staged beside it and put in place together, run.json (which lists them) last; an
/// earlier run's files there are replaced. Throws RuntimeError when `dir` holds files that are
/// not ripple's own (unless `folder.force`) or a file cannot be written, ModelError when a
/// value is not finite; the folder is then left as it was.
void write_run_directory(const RunOutput& run, const std::filesystem::path& dir,
                         const OutputFolderOptions& folder = {});

/// The schedule alone (`ripple schedule`): CPM on the plan, and the rollout's actual dates
/// (resource waits, pauses and shocks included); no economy is loaded.
struct ScheduleOutput {
  Schedule schedule;
  Timeline timeline;
};
/// Throws InputError on a dependency cycle.
[[nodiscard]] ScheduleOutput schedule(const Scenario& scenario);
/// schedule.csv of a ScheduleOutput (the same columns as in a run's folder).
[[nodiscard]] std::string schedule_csv(const Scenario& scenario, const ScheduleOutput& schedule);

/// A Monte Carlo campaign written to a folder, and its statistics.
struct McOutput {
  std::optional<McSummary> summary;  ///< none for a shard (shard_count > 1): merge the shards
  McMetadata metadata;               ///< what mc.json records
};
/// Runs the campaign of `options` (monte_carlo.hpp) into `dir`: mc.json, the per-run files and,
/// unsharded, the statistics (docs/montecarlo.md). Throws UsageError for bad options (runs or
/// threads 0, a jobs year outside the calendar), what run() throws, RuntimeError for I/O or a
/// folder holding files that are not ripple's (unless `folder.force`). The folder is written
/// all at once (OutputFolder): a campaign that fails or is interrupted leaves it as it was.
[[nodiscard]] McOutput monte_carlo(const LoadedScenario& scenario, const McOptions& options,
                                   const std::filesystem::path& dir,
                                   const OutputFolderOptions& folder = {});

/// Two variants run once each and compared (the "cost of a delay", docs/compare.md). The
/// economy is loaded once when both name the same one with the same options.
struct CompareOutput {
  Comparison comparison;
  bool shared_economy = false;  ///< BASE and ALT used one economy
};
/// Throws what run() throws, for either variant.
[[nodiscard]] CompareOutput compare(const LoadedScenario& base, const LoadedScenario& alt);
/// The comparison in long CSV form `project,metric,base,alt,delta` (`ripple compare --format
/// csv`).
[[nodiscard]] std::string comparison_csv(const CompareOutput& comparison);

/// Loads an economy descriptor (docs/economics.md) and builds its model. Throws InputError,
/// ModelError (a Leontief system without a non-negative solution), RuntimeError.
[[nodiscard]] Economy load_economy(const std::string& descriptor_path,
                                   const EconomyOptions& options = {});

/// Multipliers of every sector: national (no region) or of a region's regionalised table.
/// Throws UsageError naming the known regions when `region` is not one of them.
[[nodiscard]] std::vector<SectorMultipliers> multipliers(
    const Economy& economy, const std::optional<std::string>& region = std::nullopt);

/// The multipliers as CSV (`ripple multipliers --format csv`): sector, then Type I and Type II
/// of output, income, GVA, employment and jobs per million, 6 decimals, Type II empty without
/// the household closure.
[[nodiscard]] std::string multipliers_csv(const std::vector<SectorMultipliers>& rows);

}  // namespace ripple
