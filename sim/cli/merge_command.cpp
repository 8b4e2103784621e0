// `ripple merge FILE...`: joins the shard files of a campaign in index order.

#include <charconv>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>

#include "cli/cli_options.hpp"
#include "ripple/csv_merge.hpp"
#include "ripple/error.hpp"
#include "ripple/mc_summary.hpp"

namespace ripple::cli {

// Shard directories of `ripple mc --shard K/N` (sim/cli/mc_command.cpp).
int run_merge_mc(const std::vector<std::string>& dirs, const po::variables_map& vm,
                 std::ostream& out, std::ostream& err);

namespace {

constexpr std::string_view kHelp =
    "Usage: ripple merge FILE... [--out FILE] [--points P]\n"
    "\n"
    "Joins the CSV files that the shards of a campaign wrote (ripple sweep --shard K/N) into\n"
    "the file the unsharded campaign writes, byte for byte: rows in index order under the one\n"
    "header. Refuses (exit 3, naming the files) headers that differ, an index found twice and\n"
    "a gap in the indices. With --points P (e.g. from `ripple sweep ... --count`) the indices\n"
    "must be exactly 0..P-1, which also catches a missing shard that held only the last ones.\n"
    "Nothing is written when a check fails.\n"
    "\n"
    "Monte Carlo shards: `ripple merge DIR... --out DIR` with the output directories of\n"
    "`ripple mc --shard K/N` joins their per-run files (mc_runs.csv, mc_critical.csv,\n"
    "mc_inputs.csv, mc_jobs.csv, mc_risks.csv, mc_resources.csv; their mc.json must agree)\n"
    "and writes mc_summary.csv, criticality.csv, sensitivity.csv, mc_jobs_by_period.csv (and\n"
    "risks.csv, resource_delays.csv), byte-identical to an unsharded run.\n"
    "\n";

}  // namespace

int run_merge(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>(), "FILE: write the merged CSV there (default: stdout)")(
      "points", po::value<std::string>(), "P: the campaign's number of points (rows)")(
      "force",
      "Monte Carlo shards: write into the --out DIR even when it holds files ripple did "
      "not write (they are kept)");
  const auto vm = parse_args(args, options, "file");
  if (vm.count("help") > 0) {
    out << kHelp << options
        << "\nExample: ripple merge shard-1.csv shard-2.csv shard-3.csv --out sweep.csv\n";
    return 0;
  }
  const auto files =
      positionals(vm, "file", 1, static_cast<std::size_t>(-1), "merge", "one or more shard FILEs");
  if (is_mc_directory(files.front())) return run_merge_mc(files, vm, out, err);
  for (const auto& file : files) {
    if (std::filesystem::is_directory(file)) {
      throw InputError(Mark{file, 0, 0},
                       "a directory without mc.json: ripple merge takes the CSV files of "
                       "`ripple sweep --shard`, or the directories of `ripple mc --shard`");
    }
  }
  CsvMergeOptions merge_options;
  if (vm.count("points") > 0) {
    const std::string text = vm["points"].as<std::string>();
    std::uint64_t points = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), points);
    if (ec != std::errc{} || ptr != text.data() + text.size() || points == 0) {
      std::string message = "ripple merge: --points must be a whole number >= 1, not '";
      throw UsageError(message.append(text).append("'"));
    }
    merge_options.expected_rows = points;
  }
  // The checks come before any output: a refused merge writes nothing.
  std::ostringstream merged;
  merge_csv_files(files, merged, merge_options);
  write_report(vm, merged.str(), "merge", out, err);
  return 0;
}

}  // namespace ripple::cli
