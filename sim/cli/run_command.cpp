// `ripple run SCENARIO`: one deterministic run; the summary to stdout, the files to --out.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "cli/cli_options.hpp"
#include "cli/plot_hook.hpp"
#include "ripple/economy_link.hpp"
#include "ripple/error.hpp"
#include "ripple/pipeline.hpp"
#include "ripple/resource_report.hpp"
#include "ripple/run_report.hpp"
#include "ripple/schedule_report.hpp"

namespace ripple::cli {
namespace {

constexpr std::string_view kHelp =
    "Usage: ripple run SCENARIO [--out DIR] [--format table|csv|json] [--set KEY=VALUE]...\n"
    "                  [--overlay FILE]...\n"
    "\n"
    "Runs a scenario once, deterministically (each uncertain duration at its mode): schedules\n"
    "the phases with the event engine, integrates spending, production and direct jobs per\n"
    "period, and, when the scenario names an economy, computes indirect and induced jobs by\n"
    "region. Prints a summary per project and in total, and writes into DIR:\n"
    "  summary.csv     one row per project and TOTAL (dates, capex, jobs, job-years)\n"
    "  timeseries.csv  period,project,region,metric,value\n"
    "  schedule.csv    per phase: dates, CPM early/late dates, float, critical, resource waits\n"
    "  resources.csv   per period and resource: capacity, use, queued demand, shortfall\n"
    "                  (scenarios with resources)\n"
    "  run.json        version, scenario hash, seed, overrides, economy used\n"
    "docs/outputs.md describes every column.\n"
    "\n";

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  file << text;
  if (!file) throw RuntimeError("cannot write " + path.string());
}

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

}  // namespace

int run_run(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>(),
      "DIR: where to write the files (default: out/<scenario name>; created if missing)")(
      "format,f", po::value<std::string>()->default_value("table"),
      "table (aligned, for people), csv (summary.csv) or json")("plot", kPlotOptionHelp);
  add_scenario_options(options);
  const auto vm = parse_args(args, options, "scenario");
  if (vm.count("help") > 0) {
    out << kHelp << options
        << "\nExample: ripple run scenarios/kazakhstan_2025.yaml --out out/kz\n";
    return 0;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "csv" && format != "json") {
    throw UsageError("ripple run: --format must be table, csv or json, not '" + format + "'");
  }
  const auto paths = positionals(vm, "scenario", 1, 1, "run", "one SCENARIO file");
  const ScenarioInput input = scenario_input(vm, paths.front());
  const Scenario scenario = load_scenario_input(input);
  const std::optional<Economy> economy = load_scenario_economy(scenario);
  Pipeline pipeline(scenario, economy ? &*economy : nullptr);
  const RunResult& result = pipeline.run();

  RunInfo info;
  info.scenario_path = input.path;
  info.scenario_hash = content_hash(read_bytes(input.path));
  info.overrides = input.overrides;
  info.overlays = input.overlays;
  if (economy) {
    info.economy_path = scenario.economy.table_path;
    info.economy_name = economy->info().name;
    info.economy_illustrative = economy->info().illustrative;
  }
  info.events_processed = result.timeline.events_processed;

  const std::filesystem::path dir =
      vm.count("out") > 0 ? std::filesystem::path(vm["out"].as<std::string>())
                          : std::filesystem::path("out") / std::filesystem::path(input.path).stem();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw RuntimeError("cannot create output directory " + dir.string() + ": " + ec.message());
  write_file(dir / "summary.csv",
             render([&](std::ostream& o) { write_summary_csv(o, result.summary); }));
  write_file(dir / "timeseries.csv", render([&](std::ostream& o) {
               write_timeseries_csv(o, scenario, result.ledger, result.impacts);
             }));
  write_file(dir / "schedule.csv", render([&](std::ostream& o) {
               write_schedule_csv(o, scenario, pipeline.schedule(), result.timeline);
             }));
  if (!scenario.resources.empty()) {
    const ResourceUsage usage = resource_usage(scenario, result.timeline, result.ledger);
    write_file(dir / "resources.csv", render([&](std::ostream& o) {
                 write_resources_csv(o, scenario, result.ledger, usage);
               }));
  }
  write_file(dir / "run.json", render([&](std::ostream& o) { write_run_json(o, scenario, info); }));

  if (format == "csv") {
    write_summary_csv(out, result.summary);
  } else if (format == "json") {
    write_summary_json(out, result.summary);
  } else {
    write_summary_table(out, scenario, result.summary, info);
  }
  err << "ripple run: wrote summary.csv, timeseries.csv, schedule.csv, "
      << (scenario.resources.empty() ? "" : "resources.csv, ") << "run.json to " << dir.string()
      << '\n';
  if (vm.count("plot") > 0) run_plot_hook(dir, {}, err);
  return 0;
}

}  // namespace ripple::cli
