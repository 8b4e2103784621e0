// `ripple sweep SCENARIO --vary KEY=SPEC ...`: a grid of runs, one CSV row per point; shards.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>

#include "cli/cli_options.hpp"
#include "cli/plot_hook.hpp"
#include "ripple/error.hpp"
#include "ripple/output_folder.hpp"
#include "ripple/scenario_overrides.hpp"
#include "ripple/shard.hpp"
#include "ripple/sweep.hpp"
#include "ripple/text_table.hpp"

namespace ripple::cli {
namespace {

constexpr std::string_view kHelp =
    "Usage: ripple sweep SCENARIO --vary KEY=SPEC [--vary KEY=SPEC]... [--shard K/N]\n"
    "                    [--out FILE] [--format csv] [--set KEY=VALUE]... [--overlay FILE]...\n"
    "                    [--threads T] [--count] [--timings]\n"
    "\n"
    "Runs the scenario once per point of a grid of what-if values and writes one CSV row per\n"
    "point: index, the varied values, status (ok or error), the TOTAL metrics of summary.csv,\n"
    "then commissioning_<project> and full_capacity_<project> per project.\n"
    "\n"
    "KEY is a dotted scenario path as for --set. SPEC is\n"
    "  v1,v2,...       values as written in the file      (e.g. 0.2,0.25,0.3)\n"
    "  lo:hi:step      lo, lo+step, ... up to hi included  (e.g. 42:60:6 months, or\n"
    "                  42 months:60 months:6 months; computed as lo + i*step)\n"
    "  [v1, v2, ...]   a YAML list, for values with commas (distributions)\n"
    "Several --vary form a cartesian grid; the LAST --vary varies fastest (nested loops in\n"
    "command-line order). Points are numbered 0..P-1 in that order.\n"
    "\n"
    "--shard K/N runs only the points i with i % N == K-1 (K from 1 to N); its rows are the\n"
    "same bytes as the unsharded sweep's, and `ripple merge` joins the shard files.\n"
    "A point that fails (invalid value, model error) is reported on stderr with its index and\n"
    "values, its row has status `error` and empty metrics, the other points still run, and the\n"
    "exit code is 3 (4 when the failures are all model errors). Progress goes to stderr when it\n"
    "is a terminal. docs/campaigns.md shows whole studies on a laptop and on a Slurm cluster.\n"
    "\n"
    "Keys that only set values the run reads (an activity's duration, dates, depends_on lags,\n"
    "capex, jobs, capacity, ramp-up; product prices; resource capacities; economy.flq_delta,\n"
    "economy.household_closure) are validated once per distinct value and applied to the\n"
    "validated scenario; other keys re-read the scenario at every point (docs/campaigns.md).\n"
    "Points run on --threads T threads; the output is the same bytes whatever T.\n"
    "\n";

// Progress is redrawn at most this often.
constexpr double kProgressInterval_s = 0.25;

void print_timings(std::ostream& err, const SweepTimings& t, double write_s, double wall_s,
                   std::uint64_t points, std::size_t economies) {
  const double total = t.total_s() + write_s;
  const auto line = [&](const char* name, double s) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "  %-44s %9.3f s %6.1f%% %10.1f us/point\n", name, s,
                  total > 0.0 ? 100.0 * s / total : 0.0,
                  points > 0 ? 1e6 * s / static_cast<double>(points) : 0.0);
    err << buffer;
  };
  err << "[sweep] timings: " << points << " points in " << fixed(wall_s, 3) << " s ("
      << fixed(wall_s > 0.0 ? static_cast<double>(points) / wall_s : 0.0, 1)
      << " points/s), economies loaded: " << economies << '\n';
  line("values (validate each distinct value, once)", t.values_s);
  line("scenario (apply values; or clone and validate)", t.scenario_s);
  line("economy load and factorisation", t.economy_load_s);
  line("plan (graph, engine setup, economy link)", t.plan_s);
  line("engine (discrete-event rollout)", t.engine_s);
  line("ledger (spending, output, direct jobs)", t.ledger_s);
  line("economy (indirect and induced effects)", t.economy_s);
  line("summary", t.summary_s);
  line("output (format and write rows)", t.format_s + write_s);
}

}  // namespace

int run_sweep(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "vary", po::value<std::vector<std::string>>()->composing(),
      "KEY=SPEC: a grid axis, repeatable (SPEC: v1,v2,... or lo:hi:step)")(
      "shard", po::value<std::string>(), "K/N: run the K-th of N slices (1 <= K <= N)")(
      "out,o", po::value<std::string>(), "FILE: write the CSV there (default: stdout)")(
      "format,f", po::value<std::string>()->default_value("csv"), "csv (the only format)")(
      "count", "print the number of points P of the grid and exit (nothing is run)")(
      "allow-large", "allow grids of more than 10,000,000 points")(
      "threads,j", po::value<std::string>(),
      "T: worker threads, 1 to 1024 (default: the cores available); rows do not depend on it")(
      "reread",
      "re-read and validate the scenario at every point even for direct keys (slower; "
      "for comparison)")(
      "timings", "print to stderr how the time splits between parsing, engine, economy, output")(
      "plot", kPlotOptionHelp);
  add_scenario_options(options);
  const auto vm = parse_args(args, options, "scenario");
  if (vm.count("help") > 0) {
    out << kHelp << options
        << "\nExample: ripple sweep scenarios/kazakhstan_2025.yaml \\\n"
           "           --vary projects.satimola.phases.shaft_sinking.duration=27:48:3 months \\\n"
           "           --vary economy.flq_delta=0.2,0.25,0.3 --out sweep.csv\n";
    return 0;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "csv") {
    std::string message = "ripple sweep: --format must be csv, not '";
    throw UsageError(message.append(format).append("'"));
  }
  const auto paths = positionals(vm, "scenario", 1, 1, "sweep", "one SCENARIO file");
  if (vm.count("vary") == 0) {
    throw UsageError(
        "ripple sweep: expected at least one --vary KEY=SPEC (see: ripple sweep --help)");
  }
  std::vector<SweepAxis> axes;
  for (const auto& vary : vm["vary"].as<std::vector<std::string>>()) {
    axes.push_back(parse_vary(vary, "--vary"));
  }
  SweepGrid grid(std::move(axes));
  const Shard shard =
      vm.count("shard") > 0 ? parse_shard(vm["shard"].as<std::string>(), "--shard") : Shard{};
  if (vm.count("count") > 0) {
    out << grid.point_count() << '\n';
    return 0;
  }
  check_campaign_size(vm, grid.point_count(), "points", "sweep");
  const unsigned threads = thread_count(vm, "sweep");
  const bool reread = vm.count("reread") > 0;

  const auto started = std::chrono::steady_clock::now();
  const ScenarioInput input = scenario_input(vm, paths.front());
  Sweep sweep(build_scenario_tree(input.path, input.overlays, input.overrides, "--set"),
              std::move(grid));

  // --out FILE is written beside it and renamed over it when complete (output_folder.hpp).
  std::optional<AtomicFile> file;
  std::ostream* sink = &out;
  if (vm.count("out") > 0) {
    file.emplace(vm["out"].as<std::string>());
    sink = &file->stream();
  }

  const bool progress = isatty(STDERR_FILENO) == 1;
  const std::uint64_t mine = shard.size_of(sweep.grid().point_count());
  std::uint64_t done = 0;
  std::uint64_t input_failures = 0;
  std::uint64_t model_failures = 0;
  std::uint64_t other_failures = 0;
  double write_s = 0.0;
  auto last_progress = started;

  *sink << sweep.header();
  sweep.run(
      shard, threads,
      [&](std::uint64_t i, const SweepPoint& point) {
        const auto before_write = std::chrono::steady_clock::now();
        *sink << point.row;
        const auto after_write = std::chrono::steady_clock::now();
        write_s += std::chrono::duration<double>(after_write - before_write).count();
        ++done;
        if (point.failure) {
          switch (point.failure->code) {
            case ExitCode::kInvalidInput:
              ++input_failures;
              break;
            case ExitCode::kModel:
              ++model_failures;
              break;
            default:
              ++other_failures;
              break;
          }
          if (progress) err << '\n';
          err << "ripple sweep: point " << i << " (" << sweep.describe_point(i) << ") failed:\n"
              << point.failure->message << '\n';
        }
        if (progress) {
          const double elapsed = std::chrono::duration<double>(after_write - started).count();
          const double since = std::chrono::duration<double>(after_write - last_progress).count();
          if (since >= kProgressInterval_s || done == mine) {
            last_progress = after_write;
            err << "\r[sweep] " << done << '/' << mine << " points, "
                << fixed(elapsed > 0.0 ? static_cast<double>(done) / elapsed : 0.0, 1)
                << " points/s" << std::flush;
          }
        }
      },
      reread);
  sink->flush();
  if (!*sink) throw RuntimeError("ripple sweep: error writing the output");
  if (file) file->commit();
  if (progress && done > 0) err << '\n';
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (vm.count("timings") > 0) {
    err << "[sweep] path: "
        << (sweep.is_direct() && !reread
                ? "direct (each distinct value validated once, then applied to the scenario)"
                : "re-read (the scenario cloned and validated per point)")
        << (sweep.reread_reason().empty() ? "" : "; not direct: ") << sweep.reread_reason()
        << ", threads: " << threads << '\n';
    print_timings(err, sweep.timings(), write_s, wall_s, done, sweep.economies_loaded());
  }
  if (vm.count("plot") > 0) {
    if (vm.count("out") == 0 || shard.count > 1) {
      err << "ripple sweep: --plot needs --out FILE and no --shard (plot the merged file); no "
             "picture drawn\n";
    } else {
      run_plot_hook(vm["out"].as<std::string>(), {}, err);
    }
  }
  const std::uint64_t failures = input_failures + model_failures + other_failures;
  if (failures == 0) return 0;
  const ExitCode code = input_failures > 0   ? ExitCode::kInvalidInput
                        : model_failures > 0 ? ExitCode::kModel
                                             : ExitCode::kRuntime;
  err << "ripple sweep: " << failures << " of " << done << " points failed (their rows have "
      << "status error)\n";
  return static_cast<int>(code);
}

}  // namespace ripple::cli
