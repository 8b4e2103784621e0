#include "cli/cli_options.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <limits>
#include <ostream>
#include <thread>

#include "ripple/error.hpp"
#include "ripple/output_folder.hpp"

namespace ripple::cli {

po::variables_map parse_args(const Args& args, const po::options_description& visible,
                             const std::string& positional_name) {
  po::options_description all;
  all.add(visible).add_options()(positional_name.c_str(), po::value<std::vector<std::string>>(),
                                 "");
  po::positional_options_description positional;
  positional.add(positional_name.c_str(), -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  return vm;
}

std::vector<std::string> positionals(const po::variables_map& vm,
                                     const std::string& positional_name, std::size_t min,
                                     std::size_t max, const std::string& command,
                                     const std::string& what) {
  auto values = vm.count(positional_name) > 0 ? vm[positional_name].as<std::vector<std::string>>()
                                              : std::vector<std::string>{};
  if (values.size() < min || values.size() > max) {
    throw UsageError("ripple " + command + ": expected " + what + ", got " +
                     std::to_string(values.size()) + " argument(s) (see: ripple " + command +
                     " --help)");
  }
  return values;
}

std::optional<std::uint64_t> whole_option(const po::variables_map& vm, const std::string& name,
                                          std::uint64_t min, std::uint64_t max,
                                          const std::string& command) {
  if (vm.count(name) == 0) return std::nullopt;
  const std::string text = vm[name].as<std::string>();
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || ec != std::errc{} || ptr != end || value < min || value > max) {
    throw UsageError("ripple " + command + ": --" + name + " " + text +
                     ": must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max));
  }
  return value;
}

void check_campaign_size(const po::variables_map& vm, std::uint64_t size, const std::string& what,
                         const std::string& command) {
  if (size > kMaxLargeCampaignSize) {
    throw UsageError("ripple " + command + ": " + std::to_string(size) + " " + what +
                     " is more than the " + std::to_string(kMaxLargeCampaignSize) +
                     " ripple can index");
  }
  if (size > kMaxCampaignSize && vm.count("allow-large") == 0) {
    throw UsageError("ripple " + command + ": " + std::to_string(size) + " " + what +
                     " is more than the limit of " + std::to_string(kMaxCampaignSize) +
                     " (a typo?); add --allow-large to run it");
  }
}

McCountOptions mc_count_options(const po::variables_map& vm, const std::string& command) {
  McCountOptions counts;
  counts.runs = whole_option(vm, "runs", 1, kMaxLargeCampaignSize, command);
  if (counts.runs) check_campaign_size(vm, *counts.runs, "runs", command);
  counts.seed = whole_option(vm, "seed", 0, std::numeric_limits<std::uint64_t>::max(), command);
  counts.threads = thread_count(vm, command);
  return counts;
}

unsigned thread_count(const po::variables_map& vm, const std::string& command) {
  const auto threads = whole_option(vm, "threads", 1, kMaxThreads, command);
  return threads ? static_cast<unsigned>(*threads)
                 : std::max(1U, std::thread::hardware_concurrency());
}

void write_report(const po::variables_map& vm, const std::string& text, const std::string& command,
                  std::ostream& out, std::ostream& err) {
  if (vm.count("out") == 0) {
    out << text;
    return;
  }
  const std::string path = vm["out"].as<std::string>();
  try {
    write_file_atomically(path, text);
  } catch (const RuntimeError& e) {
    throw RuntimeError(std::string("ripple ").append(command).append(": ").append(e.what()));
  }
  err << "ripple " << command << ": wrote " << path << '\n';
}

OutputFolderOptions output_folder_options(const po::variables_map& vm) {
  OutputFolderOptions options;
  options.force = vm.count("force") > 0;
  options.force_label = "--force";
  return options;
}

void add_scenario_options(po::options_description& options) {
  options.add_options()("set", po::value<std::vector<std::string>>()->composing(),
                        "KEY=VALUE: override one scenario value by its dotted path, repeatable\n"
                        "(e.g. projects.satimola.phases.shafts.duration=\"54 months\")")(
      "overlay", po::value<std::vector<std::string>>()->composing(),
      "FILE: merge a partial scenario over the base, repeatable");
}

ScenarioInput scenario_input(const po::variables_map& vm, const std::string& path) {
  ScenarioInput input;
  input.path = path;
  if (vm.count("set") > 0) input.overrides = vm["set"].as<std::vector<std::string>>();
  if (vm.count("overlay") > 0) input.overlays = vm["overlay"].as<std::vector<std::string>>();
  return input;
}

ScenarioEdits scenario_edits(const ScenarioInput& input) {
  return {input.overlays, input.overrides, "--set"};
}

LoadedScenario load_scenario_input(const ScenarioInput& input) {
  return read_scenario(input.path, scenario_edits(input));
}

}  // namespace ripple::cli
