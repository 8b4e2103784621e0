#pragma once
// `--plot`: after a command has written its files, draw their pictures with tools/ripple-plot
// (Debian's /usr/bin/python3 with python3-matplotlib and python3-numpy; docs/plots.md).
// Pictures are a convenience: when Python, matplotlib or the script is missing, the hook says
// how to get them and the command still succeeds, since the CSV files are the result.

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace ripple::cli {

/// The help line of the `--plot` option, the same for every command.
inline constexpr const char* kPlotOptionHelp =
    "after writing the files, draw their pictures with tools/ripple-plot (PNG beside them; "
    "needs python3-matplotlib)";

/// Where tools/ripple-plot is: $RIPPLE_PLOT when set; else the source tree the binary was built
/// from (RIPPLE_SOURCE_DIR); else ../tools, ../../tools or ../share/ripple/tools next to the
/// executable. Nothing when none of them is a file.
[[nodiscard]] std::optional<std::filesystem::path> find_plot_script();

/// Runs `python tools/ripple-plot TARGET ARGS...` (python: $RIPPLE_PYTHON, default
/// /usr/bin/python3) on a directory or CSV file that a command has just written. When Python
/// with matplotlib and numpy, or the script, is missing, writes to `err` how to install it and
/// returns normally. Throws RuntimeError (exit 1) when the script runs and fails.
void run_plot_hook(const std::filesystem::path& target, const std::vector<std::string>& args,
                   std::ostream& err);

}  // namespace ripple::cli
