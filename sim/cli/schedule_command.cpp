// `ripple schedule SCENARIO`: CPM early/late dates, total float and each project's critical
// path, next to the dates of a deterministic rollout.

#include <ostream>

#include "cli/cli_options.hpp"
#include "ripple/error.hpp"
#include "ripple/ripple.hpp"
#include "ripple/schedule_report.hpp"

namespace ripple::cli {
namespace {

constexpr std::string_view kHelp =
    "Usage: ripple schedule SCENARIO [--format table|csv|json|mspdi] [--set KEY=VALUE]\n"
    "                       [--overlay FILE]\n"
    "\n"
    "Schedules a scenario with the critical path method (each uncertain duration at its mode)\n"
    "and prints, per phase and milestone: start and finish of a deterministic rollout (shocks\n"
    "included), CPM early and late start and finish, total float in days and whether it is\n"
    "critical (float <= 0); then each project's critical path. Dates are YYYY-MM-DD.\n"
    "--format mspdi writes MS Project XML with these dates (MS Project and ProjectLibre open\n"
    "it; `ripple import` reads it back). Rules: docs/scheduling.md, docs/import.md.\n"
    "\n";

}  // namespace

int run_schedule(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "format,f", po::value<std::string>()->default_value("table"),
      "table (aligned, for people), csv, json or mspdi (MS Project XML)");
  add_scenario_options(options);
  const auto vm = parse_args(args, options, "scenario");
  if (vm.count("help") > 0) {
    out << kHelp << options
        << "\nExample: ripple schedule scenarios/kazakhstan_2025.yaml --format csv\n";
    return 0;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "csv" && format != "json" && format != "mspdi") {
    throw UsageError("ripple schedule: --format must be table, csv, json or mspdi, not '" + format +
                     "'");
  }
  const auto paths = positionals(vm, "scenario", 1, 1, "schedule", "one SCENARIO file");
  const Scenario scenario = load_scenario_input(scenario_input(vm, paths.front())).scenario;
  const ScheduleOutput result = schedule(scenario);
  if (format == "csv") {
    out << schedule_csv(scenario, result);
  } else if (format == "mspdi") {
    write_schedule_mspdi(out, scenario, result.schedule, result.timeline);
  } else if (format == "json") {
    write_schedule_json(out, scenario, result.schedule, result.timeline);
  } else {
    write_schedule_table(out, scenario, result.schedule, result.timeline);
  }
  return 0;
}

}  // namespace ripple::cli
