#include "ripple/ripple.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "ripple/economy_link.hpp"
#include "ripple/plan.hpp"
#include "ripple/resource_report.hpp"
#include "ripple/rollout.hpp"
#include "ripple/scenario_overrides.hpp"
#include "ripple/scenario_reader.hpp"
#include "ripple/schedule_report.hpp"
#include "ripple/text_table.hpp"
#include "ripple/version.hpp"

namespace ripple {
namespace {

std::string read_bytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

template <typename Writer>
std::string render(Writer writer) {
  std::ostringstream text;
  writer(text);
  return text.str();
}

// A CSV file's text, checked: no inf or nan reaches an output file (ModelError naming the file,
// line and column).
template <typename Writer>
std::string render_csv(std::string_view file, Writer writer) {
  std::string text = render(writer);
  check_finite_csv(text, file);
  return text;
}

LoadedScenario loaded(ScenarioTree tree, std::string path, std::string hash,
                      const ScenarioEdits& edits) {
  return {scenario_from_yaml(tree.root, tree.sources), std::move(path), std::move(hash), edits,
          YAML::Dump(tree.root)};
}

// %.6f, as `ripple multipliers --format csv` has always written them.
std::string six_decimals(double value) {
  if (std::isnan(value)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

}  // namespace

LoadedScenario read_scenario(const std::string& path, const ScenarioEdits& edits) {
  ScenarioTree tree =
      build_scenario_tree(path, edits.overlays, edits.overrides, edits.override_label);
  return loaded(std::move(tree), path, content_hash(read_bytes(path)), edits);
}

LoadedScenario read_scenario_string(std::string_view yaml, const std::string& path,
                                    const ScenarioEdits& edits) {
  const std::string text(yaml);
  ScenarioTree tree = build_scenario_tree(parse_scenario_yaml(text, path), path, edits.overlays,
                                          edits.overrides, edits.override_label);
  return loaded(std::move(tree), path, content_hash(text), edits);
}

RunOutput run(const LoadedScenario& scenario) {
  RunOutput output{scenario, load_scenario_economy(scenario.scenario), {}, {}, {}};
  const Scenario& s = output.input.scenario;
  Pipeline pipeline(s, output.economy ? &*output.economy : nullptr);
  output.result = pipeline.run();
  output.schedule = pipeline.schedule();

  RunInfo& info = output.info;
  info.scenario_path = scenario.path;
  info.scenario_hash = scenario.hash;
  info.overrides = scenario.edits.overrides;
  info.overlays = scenario.edits.overlays;
  if (output.economy) {
    info.economy_path = s.economy.table_path;
    info.economy_name = output.economy->info().name;
    info.economy_illustrative = output.economy->info().illustrative;
    info.credibility =
        assess_credibility(s, output.result.ledger, output.result.summary, *output.economy);
  }
  info.events_processed = output.result.timeline.events_processed;
  return output;
}

std::string summary_csv(const RunOutput& run) {
  return render_csv("summary.csv",
                    [&](std::ostream& out) { write_summary_csv(out, run.result.summary); });
}

std::string timeseries_csv(const RunOutput& run) {
  return render_csv("timeseries.csv", [&](std::ostream& out) {
    write_timeseries_csv(out, run.input.scenario, run.result.ledger, run.result.impacts);
  });
}

std::string schedule_csv(const RunOutput& run) {
  return render_csv("schedule.csv", [&](std::ostream& out) {
    write_schedule_csv(out, run.input.scenario, run.schedule, run.result.timeline);
  });
}

std::string resources_csv(const RunOutput& run) {
  const Scenario& scenario = run.input.scenario;
  const ResourceUsage usage = resource_usage(scenario, run.result.timeline, run.result.ledger);
  return render_csv("resources.csv", [&](std::ostream& out) {
    write_resources_csv(out, scenario, run.result.ledger, usage);
  });
}

std::string run_json(const RunOutput& run) {
  return render([&](std::ostream& out) { write_run_json(out, run.input.scenario, run.info); });
}

std::string summary_table(const RunOutput& run) {
  return render([&](std::ostream& out) {
    write_summary_table(out, run.input.scenario, run.result.summary, run.info);
  });
}

void write_run_directory(const RunOutput& run, const std::filesystem::path& dir,
                         const OutputFolderOptions& folder_options) {
  OutputFolder folder(dir, "run.json", folder_options);
  folder.write("summary.csv", summary_csv(run));
  folder.write("timeseries.csv", timeseries_csv(run));
  folder.write("schedule.csv", schedule_csv(run));
  if (!run.input.scenario.resources.empty()) folder.write("resources.csv", resources_csv(run));
  folder.write("run.json", run_json(run));  // lists the files above
  folder.commit();
}

ScheduleOutput schedule(const Scenario& scenario) {
  const Plan plan(scenario);
  return {compute_schedule(plan), roll_out(plan)};
}

std::string schedule_csv(const Scenario& scenario, const ScheduleOutput& schedule) {
  return render_csv("schedule.csv", [&](std::ostream& out) {
    write_schedule_csv(out, scenario, schedule.schedule, schedule.timeline);
  });
}

McOutput monte_carlo(const LoadedScenario& scenario, const McOptions& options,
                     const std::filesystem::path& dir, const OutputFolderOptions& folder) {
  const Scenario& s = scenario.scenario;
  const std::optional<Economy> economy = load_scenario_economy(s);
  McOutput output;
  McMetadata& meta = output.metadata;
  meta.ripple_version = kVersion;
  meta.scenario_path = scenario.path;
  meta.scenario_name = s.name;
  meta.scenario_hash = scenario.hash;
  meta.overrides = scenario.edits.overrides;
  meta.overlays = scenario.edits.overlays;
  meta.campaign = campaign_fingerprint(scenario.merged_yaml, mc_campaign(options));
  if (economy) {
    meta.economy_name = economy->info().name;
    meta.economy_illustrative = economy->info().illustrative;
  }
  output.summary =
      run_monte_carlo_to_directory(s, economy ? &*economy : nullptr, options, meta, dir, folder);
  fill_mc_metadata(s, options, meta);
  return output;
}

CompareOutput compare(const LoadedScenario& base, const LoadedScenario& alt) {
  const std::optional<Economy> base_economy = load_scenario_economy(base.scenario);
  CompareOutput output;
  output.shared_economy = same_economy(base.scenario, alt.scenario);
  std::optional<Economy> own_alt_economy;
  if (!output.shared_economy) own_alt_economy = load_scenario_economy(alt.scenario);
  const std::optional<Economy>& alt_economy =
      output.shared_economy ? base_economy : own_alt_economy;
  Pipeline base_pipeline(base.scenario, base_economy ? &*base_economy : nullptr);
  Pipeline alt_pipeline(alt.scenario, alt_economy ? &*alt_economy : nullptr);
  const RunResult& base_result = base_pipeline.run();
  const RunResult& alt_result = alt_pipeline.run();
  output.comparison = compare_summaries(base_result.summary, alt_result.summary);
  output.comparison.waits =
      compare_waits(base.scenario, base_result.timeline, alt.scenario, alt_result.timeline);
  return output;
}

std::string comparison_csv(const CompareOutput& comparison) {
  return render_csv("the comparison CSV",
                    [&](std::ostream& out) { write_comparison_csv(out, comparison.comparison); });
}

Economy load_economy(const std::string& descriptor_path, const EconomyOptions& options) {
  return Economy::load(descriptor_path, options);
}

std::vector<SectorMultipliers> multipliers(const Economy& economy,
                                           const std::optional<std::string>& region) {
  if (!region) return economy.multipliers();
  const std::optional<std::size_t> index = economy.find_region(*region);
  if (!index) {
    std::string known;
    for (const auto& id : economy.region_ids()) known.append(known.empty() ? "" : ", ").append(id);
    throw UsageError("unknown region '" + *region +
                     "' (the economy has: " + (known.empty() ? "no regions" : known) + ")");
  }
  return economy.multipliers(index);
}

std::string multipliers_csv(const std::vector<SectorMultipliers>& rows) {
  std::string text =
      "sector,output_type1,output_type2,income_type1,income_type2,gva_type1,gva_type2,"
      "employment_type1,employment_type2,jobs_per_million_type1,jobs_per_million_type2\n";
  const auto optional = [](const std::optional<double>& v) {
    return v ? six_decimals(*v) : std::string();
  };
  for (const auto& m : rows) {
    text.append(m.sector_id).append(",").append(six_decimals(m.output_type1));
    text.append(",").append(optional(m.output_type2));
    text.append(",").append(six_decimals(m.income_type1));
    text.append(",").append(optional(m.income_type2));
    text.append(",").append(six_decimals(m.gva_type1));
    text.append(",").append(optional(m.gva_type2));
    text.append(",").append(six_decimals(m.employment_type1));
    text.append(",").append(optional(m.employment_type2));
    text.append(",").append(six_decimals(m.jobs_per_million_type1));
    text.append(",").append(optional(m.jobs_per_million_type2)).append("\n");
  }
  check_finite_csv(text, "the multipliers CSV");
  return text;
}

}  // namespace ripple
