#pragma once
// Command-line helpers shared by the subcommands: parsing with positional arguments, and the
// scenario options every command that reads a scenario takes.

#include <boost/program_options.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "ripple/ripple.hpp"
#include "ripple/scenario.hpp"

namespace ripple::cli {

namespace po = boost::program_options;

/// Parses `args` with the `visible` options plus positional arguments collected under
/// `positional_name`. Throws boost::program_options errors (main reports them as usage errors).
[[nodiscard]] po::variables_map parse_args(const Args& args, const po::options_description& visible,
                                           const std::string& positional_name);

/// The positional arguments; throws UsageError unless there are between `min` and `max`.
[[nodiscard]] std::vector<std::string> positionals(const po::variables_map& vm,
                                                   const std::string& positional_name,
                                                   std::size_t min, std::size_t max,
                                                   const std::string& command,
                                                   const std::string& what);

/// Writes a command's report to the file named by `--out` (saying so on `err`), or to `out`
/// when there is no `--out`. Throws RuntimeError when the file cannot be written.
void write_report(const po::variables_map& vm, const std::string& text, const std::string& command,
                  std::ostream& out, std::ostream& err);

/// `--runs N`, which must be at least 1 (the caller checks that it was given).
[[nodiscard]] std::uint64_t runs_option(const po::variables_map& vm, const std::string& command);
/// `--threads T`, at least 1; without it, the cores available.
[[nodiscard]] unsigned threads_option(const po::variables_map& vm, const std::string& command);

/// A scenario as named on the command line, with its what-if overrides.
struct ScenarioInput {
  std::string path;
  std::vector<std::string> overrides;  ///< --set KEY=VALUE, in order
  std::vector<std::string> overlays;   ///< --overlay FILE, in order
};

/// Adds `--set` and `--overlay` to a command's options.
void add_scenario_options(po::options_description& options);
/// The scenario input of parsed options (path from the first positional argument).
[[nodiscard]] ScenarioInput scenario_input(const po::variables_map& vm, const std::string& path);
/// The input's overlays and overrides as library edits, overrides named `--set KEY=VALUE`.
[[nodiscard]] ScenarioEdits scenario_edits(const ScenarioInput& input);
/// Reads, merges and validates the scenario: file, then overlays, then overrides. Throws
/// InputError (exit 3) for any problem, RuntimeError when a file cannot be read.
[[nodiscard]] LoadedScenario load_scenario_input(const ScenarioInput& input);

}  // namespace ripple::cli
