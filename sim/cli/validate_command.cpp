// `ripple validate SCENARIO`: reads and checks a scenario, prints `ok` or every problem.

#include <ostream>
#include <string>

#include "cli/cli_options.hpp"
#include "ripple/cpm.hpp"
#include "ripple/economy_link.hpp"
#include "ripple/plan.hpp"

namespace ripple::cli {
namespace {

constexpr std::string_view kHelp =
    "Usage: ripple validate SCENARIO [--set KEY=VALUE]... [--overlay FILE]...\n"
    "\n"
    "Reads a scenario file (docs/scenario-format.md) and checks everything in it: keys, types,\n"
    "dates, durations, distributions, shares, references between projects, phases, products,\n"
    "resources, risks and shocks, and that the dependencies have no cycle; loads the economy\n"
    "(descriptor and table) and checks every region and sector against it; computes the\n"
    "schedule, so that a date past 9999-12-31 is reported (exit 4) as `run` would. Prints `ok` on\n"
    "stdout and exits 0 when the scenario is valid; otherwise prints every problem found on\n"
    "stderr, one per line as `file:line:column: error: message`, and exits 3. With overlays\n"
    "and overrides, problems point into the overlay's own file, or name the --set item.\n"
    "\n";

}  // namespace

int run_validate(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  add_scenario_options(options);
  const auto vm = parse_args(args, options, "scenario");
  if (vm.count("help") > 0) {
    out << kHelp << options << "\nExample: ripple validate scenarios/kazakhstan_2025.yaml\n";
    return 0;
  }
  const auto paths = positionals(vm, "scenario", 1, 1, "validate", "one SCENARIO file");
  const Scenario scenario = load_scenario_input(scenario_input(vm, paths.front())).scenario;
  const Plan plan(scenario);  // reports dependency cycles
  // Everything `run` checks before simulating: the economy's files, the regions and sectors
  // against it, and every computed date within years 1-9999.
  if (const std::optional<Economy> economy = load_scenario_economy(scenario)) {
    const EconomyLink link(scenario, *economy);
  }
  (void)compute_schedule(plan);
  out << "ok\n";
  return 0;
}

}  // namespace ripple::cli
