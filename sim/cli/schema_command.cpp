// `ripple schema`: the JSON Schema of the scenario format on stdout (ripple/scenario_schema.hpp).

#include <ostream>

#include "cli/cli_options.hpp"
#include "ripple/scenario_schema.hpp"

namespace ripple::cli {
namespace {

constexpr std::string_view kHelp =
    "Usage: ripple schema\n"
    "\n"
    "Prints the JSON Schema (draft-07) of the scenario format, generated from the same key\n"
    "tables the scenario reader checks, so an editor proposes exactly the keys ripple accepts.\n"
    "The repository ships it as scenarios/scenario.schema.json; a scenario names it on its first\n"
    "line for yaml-language-server (VS Code's YAML extension, Neovim):\n"
    "  # yaml-language-server: $schema=scenario.schema.json\n"
    "The schema checks keys, required keys and the form of values; `ripple validate` checks\n"
    "everything else (docs/scenario-format.md).\n"
    "\n";

}  // namespace

int run_schema(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  const auto vm = parse_args(args, options, "argument");
  if (vm.count("help") > 0) {
    out << kHelp << options << "\nExample: ripple schema > scenarios/scenario.schema.json\n";
    return 0;
  }
  (void)positionals(vm, "argument", 0, 0, "schema", "no argument");
  out << scenario_json_schema();
  return 0;
}

}  // namespace ripple::cli
