#pragma once
// The CLI's subcommands. Each lives in its own file sim/cli/<name>_command.cpp and exposes a
// `run_<name>(args, out, err)` function that parses its options with Boost.Program_options,
// writes results to `out` (stdout), notes to `err` (stderr), and returns an exit code or throws
// a ripple::Error (main turns it into a message and exit code).

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace ripple::cli {

/// Arguments after the command name.
using Args = std::vector<std::string>;

/// One subcommand: its name, a one-line summary for `ripple --help`, and its entry point.
struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Args& args, std::ostream& out, std::ostream& err);
};

/// Every subcommand, in the order `ripple --help` lists them.
[[nodiscard]] const std::vector<Command>& commands();

/// Runs the whole CLI (argv without the program name); returns the exit code. Catches every
/// ripple::Error and prints it to `err`.
int run_cli(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace ripple::cli
