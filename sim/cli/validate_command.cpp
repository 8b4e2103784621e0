// `ripple validate SCENARIO`: reads and checks a scenario, prints `ok` or every problem.

#include <boost/program_options.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "ripple/error.hpp"
#include "ripple/plan.hpp"
#include "ripple/scenario_reader.hpp"

namespace ripple::cli {
namespace {

namespace po = boost::program_options;

constexpr std::string_view kHelp =
    "Usage: ripple validate SCENARIO\n"
    "\n"
    "Reads a scenario file (docs/scenario-format.md) and checks everything in it: keys, types,\n"
    "dates, durations, distributions, shares, references between projects, phases, products,\n"
    "resources, risks and shocks, and that the dependencies have no cycle. Prints `ok` on\n"
    "stdout and exits 0 when the scenario is valid; otherwise prints every problem found on\n"
    "stderr, one per line as `file:line:column: error: message`, and exits 3.\n"
    "\n"
    "Options:\n"
    "  -h, --help   show this help\n"
    "\n"
    "Example: ripple validate scenarios/kazakhstan_2025.yaml\n";

}  // namespace

int run_validate(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(visible).add_options()("scenario", po::value<std::vector<std::string>>(), "scenario");
  po::positional_options_description positional;
  positional.add("scenario", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help") > 0) {
    out << kHelp;
    return 0;
  }
  const auto scenarios = vm.count("scenario") > 0 ? vm["scenario"].as<std::vector<std::string>>()
                                                  : std::vector<std::string>{};
  if (scenarios.size() != 1) {
    throw UsageError("ripple validate: expected one SCENARIO file, got " +
                     std::to_string(scenarios.size()) + " (see: ripple validate --help)");
  }
  const Scenario scenario = load_scenario(scenarios.front());
  const Plan plan(scenario);  // reports dependency cycles
  out << "ok\n";
  return 0;
}

}  // namespace ripple::cli
