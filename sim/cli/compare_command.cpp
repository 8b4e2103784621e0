// `ripple compare BASE [ALT]`: the "cost of a delay" report — two deterministic runs compared
// per project and in total (include/ripple/comparison.hpp, docs/compare.md).

#include <algorithm>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>

#include "cli/cli_options.hpp"
#include "cli/plot_hook.hpp"
#include "ripple/comparison.hpp"
#include "ripple/economy_link.hpp"
#include "ripple/error.hpp"
#include "ripple/pipeline.hpp"

namespace ripple::cli {

// `--runs N`: the Monte Carlo comparison (sim/cli/mc_command.cpp).
int run_compare_runs(const po::variables_map& vm, const Scenario& base, const Economy* base_economy,
                     const Scenario& alt, const Economy* alt_economy, const std::string& format,
                     std::ostream& out, std::ostream& err);

namespace {

constexpr std::string_view kHelp =
    "Usage: ripple compare BASE [ALT] [--alt-set KEY=VALUE]... [--alt-overlay FILE]...\n"
    "                      [--set KEY=VALUE]... [--overlay FILE]... [--label TEXT]\n"
    "                      [--format table|csv|json] [--out FILE]\n"
    "\n"
    "The \"cost of a delay\" report: runs two variants of a scenario once each,\n"
    "deterministically (each uncertain duration at its mode), and compares them per project\n"
    "(matched by id; a project in one variant only is reported as added or removed) and in\n"
    "TOTAL: the shift of commissioning and full-capacity dates in calendar months, and the\n"
    "change (ALT - BASE) of peak construction jobs, permanent, indirect and induced jobs at the\n"
    "end of the horizon, job-years (direct, indirect, induced, total), the projects' own output\n"
    "and the value added of their indirect and induced effects (millions).\n"
    "\n"
    "The two variants:\n"
    "  BASE   the scenario file, with --overlay then --set applied.\n"
    "  ALT    a second scenario file, with the same --overlay and --set, then --alt-overlay\n"
    "         and --alt-set; or, when omitted, BASE itself with --alt-overlay and --alt-set\n"
    "         applied on top of its own --overlay and --set. Either ALT or an --alt-* option\n"
    "         is required.\n"
    "When both variants name the same economy table and options, it is loaded and factorised\n"
    "once.\n"
    "\n"
    "Output formats:\n"
    "  table  a headline, then aligned tables of date shifts, of changes in jobs and money,\n"
    "         TOTAL's base, alt and change, and the phases whose resource waits change\n"
    "  csv    long and stable: project,metric,base,alt,delta (dates YYYY-MM, their delta in\n"
    "         months; an empty cell where a value is not defined); a phase whose resource wait\n"
    "         changes adds wait_days@PHASE (days) and waited_for@PHASE (resource ids) rows\n"
    "  json   {base, alt, label, headline, projects: [{project, presence, metrics}], total,\n"
    "         waits: [{project, phase, base_days, alt_days, delta_days, ...}]}\n"
    "Shifts are calendar months from BASE's date to ALT's: whole months by the calendar, plus\n"
    "the remaining days as a fraction of the next month (2035-07-01 to 2036-07-01 is +12.0).\n"
    "docs/compare.md explains every metric and works through an example.\n"
    "\n"
    "With --runs N: N paired Monte Carlo runs of BASE and ALT under common random numbers\n"
    "(run i of both draws the same values for every shared input; docs/montecarlo.md); reports\n"
    "the mean, P10/P50/P90 of each project's commissioning shift (months) and of the change in\n"
    "job-years (table or csv: project,metric,runs,mean,sd,p10,p50,p90,share_later).\n"
    "\n";

/// Renames the ALT side's `--set X` sources to `--alt-set X` in diagnostics, so that an error
/// names the option the user typed.
InputError rename_alt_sources(const InputError& error, const std::vector<std::string>& shared,
                              const std::vector<std::string>& alt_sets) {
  std::vector<Diagnostic> diagnostics = error.diagnostics();
  for (Diagnostic& d : diagnostics) {
    for (const std::string& item : alt_sets) {
      const bool also_shared = std::find(shared.begin(), shared.end(), item) != shared.end();
      if (!also_shared && d.mark.file == "--set " + item) {
        d.mark.file = "--alt-set ";
        d.mark.file.append(item);
      }
    }
  }
  return InputError(std::move(diagnostics));
}

// KEY=VALUE as a shell would need it: the value quoted when it has spaces.
std::string quoted_assignment(const std::string& assignment) {
  const std::size_t eq = assignment.find('=');
  if (eq == std::string::npos || assignment.find(' ', eq) == std::string::npos) return assignment;
  std::string text = assignment.substr(0, eq + 1);
  text.append("\"").append(assignment, eq + 1).append("\"");
  return text;
}

std::string describe(const ScenarioInput& input, std::size_t shared_overlays,
                     std::size_t shared_overrides) {
  std::string text = input.path;
  for (std::size_t i = 0; i < input.overlays.size(); ++i) {
    text.append(i < shared_overlays ? " --overlay " : " --alt-overlay ").append(input.overlays[i]);
  }
  for (std::size_t i = 0; i < input.overrides.size(); ++i) {
    text.append(i < shared_overrides ? " --set " : " --alt-set ")
        .append(quoted_assignment(input.overrides[i]));
  }
  return text;
}

std::string economy_note(const std::optional<Economy>& economy, const Scenario& scenario,
                         bool shared) {
  if (!economy) return "No economy in the scenario: indirect and induced jobs are not computed.";
  std::string note = "Economy: ";
  note.append(economy->info().name)
      .append(" (")
      .append(scenario.economy.table_path)
      .append(shared ? "), the same for BASE and ALT." : "); ALT uses its own economy.");
  if (economy->info().illustrative) {
    note.append(
        "\nNOTE: this economy is ILLUSTRATIVE (calibrated to aggregates, not a published "
        "input-output table);\nindirect and induced jobs are indicative only.");
  }
  return note;
}

// --plot draws from the CSV file the report was written to.
void plot_report(const po::variables_map& vm, const std::string& format, std::ostream& err) {
  if (vm.count("plot") == 0) return;
  if (format != "csv" || vm.count("out") == 0) {
    err << "ripple compare: --plot needs --format csv --out FILE (the picture is drawn from "
           "that file); no picture drawn\n";
    return;
  }
  run_plot_hook(vm["out"].as<std::string>(), {}, err);
}

std::vector<std::string> strings(const po::variables_map& vm, const char* name) {
  return vm.count(name) > 0 ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

}  // namespace

int run_compare(const Args& args, std::ostream& out, std::ostream& err) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "alt-set", po::value<std::vector<std::string>>()->composing(),
      "KEY=VALUE: override one value of the ALT variant only, repeatable (same paths as --set)")(
      "alt-overlay", po::value<std::vector<std::string>>()->composing(),
      "FILE: merge a partial scenario over the ALT variant only, repeatable")(
      "label", po::value<std::string>(),
      "TEXT: what the ALT variant is, for the headline (e.g. \"Satimola shafts one year late\")")(
      "format,f", po::value<std::string>()->default_value("table"),
      "table (aligned, for people), csv (long: project,metric,base,alt,delta) or json")(
      "out,o", po::value<std::string>(), "FILE: write the report there instead of to stdout")(
      "runs,n", po::value<std::string>(),
      "N: compare N paired Monte Carlo runs instead of one, 1 to 10,000,000 (more with "
      "--allow-large)")("allow-large", "allow --runs above 10,000,000")(
      "seed", po::value<std::string>(),
      "S: with --runs, the seed, 0 to 2^64-1 (default: BASE's calendar.seed)")(
      "threads,j", po::value<std::string>(),
      "T: with --runs, worker threads, 1 to 1024 (default: the cores)")("plot", kPlotOptionHelp);
  add_scenario_options(options);
  const auto vm = parse_args(args, options, "scenario");
  if (vm.count("help") > 0) {
    out << kHelp << options
        << "\nExample (Satimola's shaft sinking one year longer than its 33-month mode):\n"
           "  ripple compare scenarios/kazakhstan_2025.yaml \\\n"
           "    --alt-set projects.satimola.phases.shaft_sinking.duration=\"45 months\" \\\n"
           "    --label \"Satimola shafts one year late\"\n";
    return 0;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "csv" && format != "json") {
    throw UsageError("ripple compare: --format must be table, csv or json, not '" + format + "'");
  }
  const auto paths = positionals(vm, "scenario", 1, 2, "compare",
                                 "a BASE scenario file and optionally an ALT one");
  if (vm.count("runs") > 0) (void)mc_count_options(vm, "compare");  // before any work
  const std::vector<std::string> alt_sets = strings(vm, "alt-set");
  const std::vector<std::string> alt_overlays = strings(vm, "alt-overlay");
  if (paths.size() == 1 && alt_sets.empty() && alt_overlays.empty()) {
    throw UsageError(
        "ripple compare: nothing to compare: give an ALT scenario file, or --alt-set / "
        "--alt-overlay to derive ALT from BASE (see: ripple compare --help)");
  }

  const ScenarioInput base_input = scenario_input(vm, paths.front());
  ScenarioInput alt_input = scenario_input(vm, paths.size() == 2 ? paths[1] : paths.front());
  alt_input.overlays.insert(alt_input.overlays.end(), alt_overlays.begin(), alt_overlays.end());
  alt_input.overrides.insert(alt_input.overrides.end(), alt_sets.begin(), alt_sets.end());

  const Scenario base = load_scenario_input(base_input).scenario;
  const Scenario alt = [&] {
    try {
      return load_scenario_input(alt_input).scenario;
    } catch (const InputError& e) {
      throw rename_alt_sources(e, base_input.overrides, alt_sets);
    }
  }();

  const std::optional<Economy> base_economy = load_scenario_economy(base);
  const bool shared_economy = same_economy(base, alt);
  std::optional<Economy> own_alt_economy;
  if (!shared_economy) own_alt_economy = load_scenario_economy(alt);
  const std::optional<Economy>& alt_economy = shared_economy ? base_economy : own_alt_economy;
  if (vm.count("runs") > 0) {
    const int code = run_compare_runs(vm, base, base_economy ? &*base_economy : nullptr, alt,
                                      alt_economy ? &*alt_economy : nullptr, format, out, err);
    if (code == 0) plot_report(vm, format, err);
    return code;
  }

  Pipeline base_pipeline(base, base_economy ? &*base_economy : nullptr);
  Pipeline alt_pipeline(alt, alt_economy ? &*alt_economy : nullptr);
  const RunResult& base_result = base_pipeline.run();
  const RunResult& alt_result = alt_pipeline.run();
  Comparison comparison = compare_summaries(base_result.summary, alt_result.summary);
  comparison.waits = compare_waits(base, base_result.timeline, alt, alt_result.timeline);

  ComparisonInfo info;
  info.base_description =
      describe(base_input, base_input.overlays.size(), base_input.overrides.size());
  info.alt_description =
      describe(alt_input, base_input.overlays.size(), base_input.overrides.size());
  info.label = vm.count("label") > 0 ? vm["label"].as<std::string>() : std::string();
  info.horizon_end_year = base.calendar.end.year();
  info.economy_note = economy_note(base_economy, base, shared_economy);

  std::ostringstream text;
  if (format == "csv") {
    write_comparison_csv(text, comparison);
  } else if (format == "json") {
    write_comparison_json(text, comparison, info);
  } else {
    write_comparison_table(text, comparison, info);
  }
  write_report(vm, text.str(), "compare", out, err);
  plot_report(vm, format, err);
  return 0;
}

}  // namespace ripple::cli
