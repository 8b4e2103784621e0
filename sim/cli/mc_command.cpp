// `ripple mc SCENARIO --runs N`: a Monte Carlo campaign over durations and risks; per-run files
// and their statistics to --out, the on-time and jobs summary to stdout.

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <sstream>
#include <thread>

#include "cli/cli_options.hpp"
#include "cli/plot_hook.hpp"
#include "ripple/error.hpp"
#include "ripple/mc_compare.hpp"
#include "ripple/mc_summary.hpp"
#include "ripple/monte_carlo.hpp"
#include "ripple/ripple.hpp"
#include "ripple/shard.hpp"
#include "ripple/text_table.hpp"

namespace ripple::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kHelp =
    "Usage: ripple mc SCENARIO --runs N [--seed S] [--threads T] [--shard K/N] [--out DIR]\n"
    "                 [--jobs-year Y] [--rank-risks] [--wide-files] [--set KEY=VALUE]...\n"
    "                 [--overlay FILE]...\n"
    "\n"
    "Monte Carlo: runs the scenario N times, each run with its own draw of every uncertain\n"
    "phase duration and of the risk register (each risk fires with its probability and adds\n"
    "its delay and cost to its phase). Run i draws from streams keyed by (seed, i, input), so\n"
    "results are identical whatever the thread count or sharding, and two variants of a\n"
    "scenario share their draws (common random numbers). Prints, per project, the probability\n"
    "of commissioning by its target month and the P10/P50/P90 commissioning months, each\n"
    "project's finish (and milestones with a target) at P10/P50/P80/P90, and the jobs of one\n"
    "year (direct + indirect + induced) at P10/P50/P90, and, when phases draw on shared\n"
    "resources, how often and how long each resource made phases wait. Metrics that cannot\n"
    "differ from 0 for the scenario (no economy, no capex, no jobs) are left out. Writes into\n"
    "DIR:\n"
    "  mc_runs.csv       one row per run: commissioning and full capacity per project that\n"
    "                    adds capacity, each project's finish and milestone dates, TOTAL\n"
    "                    metrics, job-years, jobs_<year>\n"
    "  mc_critical.csv   one row per run: 1 for each activity on the driving path, 2 when it\n"
    "                    got there after waiting for a resource (at most 200 activities, or\n"
    "                    --wide-files; else mc_critical_counts.csv)\n"
    "  mc_inputs.csv     one row per run: the sampled inputs (at most 200, or --wide-files)\n"
    "  mc_jobs.csv       one row per run: the programme's jobs in each reporting period\n"
    "  mc_resources.csv  one row per run: per resource phases may wait for, the days they\n"
    "                    waited for it, and of them on driving paths\n"
    "  mc_summary.csv    per metric mean, sd, p5, p10, p50, p90, p95; targets, P(on time)\n"
    "  mc_scurve.csv     per date metric, the date reached by 0%, 1%, ..., 100% of the runs\n"
    "  criticality.csv   per activity, the share of runs in which it was critical (and, with\n"
    "                    resources, critical after a resource wait)\n"
    "  sensitivity.csv   per input, Spearman rank correlation with each commissioning (or\n"
    "                    finish) and with job-years (tornado chart data; with mc_inputs.csv)\n"
    "  mc_jobs_by_period.csv  per period mean, sd, p5, p10, p25, p50, p75, p90, p95 of\n"
    "                    the programme's jobs (fan chart data)\n"
    "  resource_delays.csv  per resource, P(it delays a phase), mean and P90 wait days per\n"
    "                    run, and the same on driving paths\n"
    "  risks.csv         with --rank-risks: each risk switched off in turn, ranked by the\n"
    "                    job-years and months of delay it costs (also mc_risks.csv per run)\n"
    "  mc.json           scenario, hash, seed, runs, overrides, projects, inputs\n"
    "With --shard K/N only the per-run files and mc.json of runs i with i % N == K-1 are\n"
    "written; `ripple merge DIR... --out DIR` joins the shards and writes the statistics,\n"
    "byte-identical to an unsharded campaign. DIR is written whole or not at all (a failed or\n"
    "killed campaign leaves it as it was); a DIR holding files ripple did not write is\n"
    "refused (exit 1) unless --force. docs/montecarlo.md describes every column.\n"
    "\n";

}  // namespace

int run_mc(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "runs,n", po::value<std::string>(),
      "N: runs in the campaign (all shards together), 1 to 10,000,000 (more with --allow-large)")(
      "allow-large", "allow --runs above 10,000,000")(
      "seed", po::value<std::string>(),
      "S: campaign seed, 0 to 2^64-1 (default: the scenario's calendar.seed)")(
      "threads,j", po::value<std::string>(),
      "T: worker threads, 1 to 1024 (default: the cores available); results do not depend on it")(
      "shard", po::value<std::string>(), "K/N: run only the K-th of N slices (i % N == K-1)")(
      "out,o", po::value<std::string>(),
      "DIR: where to write the files (default: out/<scenario name>-mc; created if missing)")(
      "jobs-year", po::value<std::string>(),
      "Y: the year whose jobs are reported, 1 to 9999 (default 2030)")(
      "rank-risks", "switch each risk off in turn (common random numbers): risks.csv")(
      "wide-files",
      "write mc_critical.csv and mc_inputs.csv (and sensitivity.csv) whatever their width")(
      "force", kForceOptionHelp)("plot", kPlotOptionHelp);
  add_scenario_options(options);
  const auto vm = parse_args(args, options, "scenario");
  if (vm.count("help") > 0) {
    out << kHelp << options
        << "\nExample: ripple mc scenarios/kazakhstan_2025.yaml --runs 10000 --out out/kz-mc\n";
    return 0;
  }
  const auto paths = positionals(vm, "scenario", 1, 1, "mc", "one SCENARIO file");
  if (vm.count("runs") == 0) throw UsageError("ripple mc: --runs N is required");
  const McCountOptions counts = mc_count_options(vm, "mc");
  const ScenarioInput input = scenario_input(vm, paths.front());
  const LoadedScenario loaded = load_scenario_input(input);
  const Scenario& scenario = loaded.scenario;

  McOptions mc;
  mc.runs = *counts.runs;
  mc.seed = counts.seed.value_or(scenario.calendar.seed);
  mc.threads = counts.threads;
  if (vm.count("shard") > 0) {
    const Shard shard = parse_shard(vm["shard"].as<std::string>(), "--shard");
    mc.shard_index = shard.first();
    mc.shard_count = shard.count;
  }
  const auto jobs_year = whole_option(vm, "jobs-year", 1, 9999, "mc");
  mc.jobs_year = jobs_year ? static_cast<int>(*jobs_year) : default_jobs_year(scenario);
  const int first_year = scenario.calendar.start.year();
  const int last_year = scenario.calendar.end.year();
  if (mc.jobs_year < first_year || mc.jobs_year > last_year) {
    throw UsageError("ripple mc: --jobs-year " + std::to_string(mc.jobs_year) +
                     " is outside the scenario's calendar (" + std::to_string(first_year) + " to " +
                     std::to_string(last_year) + ")");
  }
  mc.rank_risks = vm.count("rank-risks") > 0;
  mc.wide_files = vm.count("wide-files") > 0;
  const bool sharded = mc.shard_count > 1;
  if (isatty(STDERR_FILENO) != 0 && &err == &std::cerr) {
    mc.progress = [&err](std::uint64_t done, std::uint64_t total) {
      err << "\rripple mc: " << done << " / " << total << " runs" << std::flush;
      if (done == total) err << '\n';
    };
  }

  const fs::path dir = vm.count("out") > 0
                           ? fs::path(vm["out"].as<std::string>())
                           : fs::path("out") / (fs::path(input.path).stem().string() + "-mc");
  const McOutput result = monte_carlo(loaded, mc, dir, output_folder_options(vm));
  if (sharded) {
    err << "ripple mc: shard " << mc.shard_index + 1 << "/" << mc.shard_count
        << ": wrote mc.json and the per-run files to " << dir.string()
        << " (join the shards with: ripple merge DIR... --out DIR)\n";
    if (vm.count("plot") > 0) {
      err << "ripple mc: --plot: a shard has no statistics; plot the merged directory\n";
    }
    return 0;
  }
  write_mc_table(out, *result.summary, result.metadata);
  err << "ripple mc: wrote";
  for (const char* name :
       {"mc_runs.csv", "mc_critical.csv", "mc_critical_counts.csv", "mc_inputs.csv", "mc_jobs.csv",
        "mc_risks.csv", "mc_resources.csv", "mc_summary.csv", "mc_scurve.csv", "criticality.csv",
        "sensitivity.csv", "mc_jobs_by_period.csv", "risks.csv", "resource_delays.csv"}) {
    if (fs::exists(dir / name)) err << ' ' << name << ',';
  }
  err << " mc.json to " << dir.string() << '\n';
  if (vm.count("plot") > 0) run_plot_hook(dir, {}, err);
  return 0;
}

int run_merge_mc(const std::vector<std::string>& dirs, const po::variables_map& vm,
                 std::ostream& out, std::ostream& err) {
  if (vm.count("out") == 0) {
    throw UsageError("ripple merge: Monte Carlo shard directories need --out DIR");
  }
  if (vm.count("points") > 0) {
    throw UsageError("ripple merge: --points is for CSV files; mc.json gives the run count");
  }
  std::vector<fs::path> shards;
  for (const std::string& dir : dirs) {
    if (!is_mc_directory(dir)) {
      throw InputError(Mark{dir, 0, 0}, "not a Monte Carlo output directory (no mc.json)");
    }
    shards.emplace_back(dir);
  }
  const fs::path dir(vm["out"].as<std::string>());
  for (const fs::path& shard : shards) {
    std::error_code ec;
    if (fs::equivalent(shard, dir, ec)) {
      throw UsageError("ripple merge: --out " + dir.string() + " is the shard folder " +
                       shard.string() +
                       ": merge into another folder (the shard would be replaced)");
    }
  }
  const McSummary summary = merge_mc_directories(shards, dir, output_folder_options(vm));
  write_mc_table(out, summary, read_mc_metadata(dir / "mc.json"));
  err << "ripple merge: joined " << shards.size() << " Monte Carlo shards into " << dir.string()
      << '\n';
  return 0;
}

int run_compare_runs(const po::variables_map& vm, const Scenario& base, const Economy* base_economy,
                     const Scenario& alt, const Economy* alt_economy, const std::string& format,
                     std::ostream& out, std::ostream& err) {
  if (format == "json") throw UsageError("ripple compare: --runs writes table or csv, not json");
  const McCountOptions counts = mc_count_options(vm, "compare");
  const std::uint64_t runs = *counts.runs;
  const std::uint64_t seed = counts.seed.value_or(base.calendar.seed);
  const unsigned threads = counts.threads;
  const McComparison comparison =
      compare_monte_carlo(base, base_economy, alt, alt_economy, runs, seed, threads);
  std::ostringstream text;
  if (format == "csv") {
    write_mc_comparison_csv(text, comparison);
    check_finite_csv(text.str(), "the comparison CSV");
  } else {
    write_mc_comparison_table(text, comparison);
  }
  write_report(vm, text.str(), "compare", out, err);
  return 0;
}

}  // namespace ripple::cli
