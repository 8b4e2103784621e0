#pragma once
// Command-line helpers shared by the subcommands: parsing with positional arguments, and the
// scenario options every command that reads a scenario takes.

#include <boost/program_options.hpp>
#include <cstdint>
#include <optional>
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

/// The value of option `--name` as a whole number in [min, max], nullopt when it is absent.
/// Declare the option as po::value<std::string>(): Boost reads "-1" into an unsigned type as
/// 2^64 - 1. Throws UsageError (exit 2) naming the option, the value and the allowed range when
/// the text is not plain decimal digits (no sign, no fraction, no exponent) or out of range.
[[nodiscard]] std::optional<std::uint64_t> whole_option(const po::variables_map& vm,
                                                        const std::string& name, std::uint64_t min,
                                                        std::uint64_t max,
                                                        const std::string& command);

/// The largest Monte Carlo campaign (--runs) or sweep grid (points) a command starts without
/// --allow-large (docs/guarantees.md): a typo of a few digits must not start weeks of work.
inline constexpr std::uint64_t kMaxCampaignSize = 10'000'000;
/// The largest campaign with --allow-large: 2^53, the indices stay exact in a double.
inline constexpr std::uint64_t kMaxLargeCampaignSize = std::uint64_t{1} << 53;
/// The most worker threads --threads accepts.
inline constexpr std::uint64_t kMaxThreads = 1024;

/// Throws UsageError when `size` (runs or points) exceeds kMaxCampaignSize and the command
/// line has no --allow-large, or exceeds kMaxLargeCampaignSize.
void check_campaign_size(const po::variables_map& vm, std::uint64_t size, const std::string& what,
                         const std::string& command);

/// The Monte Carlo counts of a command line, checked: --runs (1 to kMaxCampaignSize, or to
/// kMaxLargeCampaignSize with --allow-large; nullopt when absent), --seed (any uint64; nullopt:
/// the scenario's), --threads (1 to kMaxThreads; default: the cores available).
struct McCountOptions {
  std::optional<std::uint64_t> runs;
  std::optional<std::uint64_t> seed;
  unsigned threads = 1;
};
/// Reads and checks the options of McCountOptions; throws UsageError as whole_option() does.
[[nodiscard]] McCountOptions mc_count_options(const po::variables_map& vm,
                                              const std::string& command);

/// --threads (1 to kMaxThreads; default: the cores available), checked as whole_option() does.
[[nodiscard]] unsigned thread_count(const po::variables_map& vm, const std::string& command);

/// Writes a command's report to the file named by `--out` (saying so on `err`), or to `out`
/// when there is no `--out`. Throws RuntimeError when the file cannot be written.
void write_report(const po::variables_map& vm, const std::string& text, const std::string& command,
                  std::ostream& out, std::ostream& err);

/// --force as the library's folder options: write beside files that are not ripple's.
[[nodiscard]] OutputFolderOptions output_folder_options(const po::variables_map& vm);
/// The help line of --force.
inline constexpr const char* kForceOptionHelp =
    "write into DIR even when it holds files ripple did not write (they are kept; ripple's own "
    "earlier files are replaced)";

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
