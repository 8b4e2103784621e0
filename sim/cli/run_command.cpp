// `ripple run SCENARIO`: one deterministic run; the summary to stdout, the files to --out.

#include <filesystem>
#include <ostream>

#include "cli/cli_options.hpp"
#include "cli/plot_hook.hpp"
#include "ripple/error.hpp"
#include "ripple/ripple.hpp"
#include "ripple/run_report.hpp"

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
    "  run.json        version, scenario hash, seed, overrides, economy used, the files\n"
    "The files appear together or not at all (a failed or killed run leaves DIR as it was);\n"
    "a re-run replaces ripple's own files in DIR, and a DIR holding other files is refused\n"
    "(exit 1) unless --force. docs/outputs.md describes every column.\n"
    "\n";

}  // namespace

int run_run(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>(),
      "DIR: where to write the files (default: out/<scenario name>; created if missing)")(
      "format,f", po::value<std::string>()->default_value("table"),
      "table (aligned, for people), csv (summary.csv) or json")("force", kForceOptionHelp)(
      "plot", kPlotOptionHelp);
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
  const RunOutput result = run(load_scenario_input(input));
  const std::filesystem::path dir =
      vm.count("out") > 0 ? std::filesystem::path(vm["out"].as<std::string>())
                          : std::filesystem::path("out") / std::filesystem::path(input.path).stem();
  write_run_directory(result, dir, output_folder_options(vm));

  if (format == "csv") {
    out << summary_csv(result);
  } else if (format == "json") {
    write_summary_json(out, result.result.summary);
  } else {
    out << summary_table(result);
  }
  err << "ripple run: wrote summary.csv, timeseries.csv, schedule.csv, "
      << (result.input.scenario.resources.empty() ? "" : "resources.csv, ") << "run.json to "
      << dir.string() << '\n';
  if (vm.count("plot") > 0) run_plot_hook(dir, {}, err);
  return 0;
}

}  // namespace ripple::cli
