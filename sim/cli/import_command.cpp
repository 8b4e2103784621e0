// `ripple import FILE`: a Primavera P6 XER or MS Project XML (MSPDI) schedule as a scenario
// skeleton on stdout; what the scenario cannot carry is listed on stderr (docs/import.md).

#include <ostream>

#include "cli/cli_options.hpp"
#include "ripple/error.hpp"
#include "ripple/output_folder.hpp"
#include "ripple/schedule_import.hpp"

namespace ripple::cli {
namespace {

constexpr std::string_view kHelp =
    "Usage: ripple import FILE.xer|FILE.xml [--map MAP.yaml|MAP.csv] [--out SCENARIO.yaml]\n"
    "\n"
    "Reads a Primavera P6 XER export or an MS Project XML (MSPDI) file and writes a scenario:\n"
    "one project per source project, phases and milestones from the activities, their links\n"
    "(FS, SS, FF, SF with lags), working calendars, start-no-earlier-than constraints, actual\n"
    "dates and status, the WBS as comments. Values the schedule lacks (region, sector, capex,\n"
    "jobs) are TODO placeholders that `ripple validate` points at, unless --map gives them by\n"
    "activity, WBS or project code (or * for all). What cannot be imported is listed as\n"
    "warnings on stderr. Mapping and rules: docs/import.md.\n"
    "\n";

}  // namespace

int run_import(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "map", po::value<std::string>(),
      "YAML {code: {field: value}} or CSV code,field,... giving region, sector, capex_m, "
      "construction_jobs, permanent_jobs, categories")(
      "out,o", po::value<std::string>(), "write the scenario to this file instead of stdout");
  const auto vm = parse_args(args, options, "file");
  if (vm.count("help") > 0) {
    out << kHelp << options
        << "\nExample: ripple import tests/data/import/plant.xer --map map.yaml > plant.yaml\n";
    return 0;
  }
  const auto paths = positionals(vm, "file", 1, 1, "import", "one schedule FILE");
  const SourceSchedule schedule = read_schedule_file(paths.front());
  const ImportMap map =
      vm.count("map") > 0 ? load_import_map(vm["map"].as<std::string>()) : ImportMap{};
  const std::string yaml = write_scenario_yaml(schedule, map);
  for (const auto& warning : schedule.warnings) {
    err << "ripple import: warning: " << paths.front() << ": " << warning << "\n";
  }
  if (vm.count("out") > 0) {
    const std::string target = vm["out"].as<std::string>();
    write_file_atomically(target, yaml);
  } else {
    out << yaml;
  }
  return 0;
}

}  // namespace ripple::cli
