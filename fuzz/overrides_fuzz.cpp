// Fuzz target: what-if edits of a fixed scenario (tests/data/sweep/two_projects.yaml, two projects
// on the bundled Kazakh economy). Each input line is one edit: `vary KEY=SPEC` is a `--vary` axis
// (parse_vary: value lists, ranges with units, YAML flow lists), any other line a `--set KEY=VALUE`
// item. The `--set` items are applied in order (apply_override: dotted paths through maps and id
// lists, values parsed as YAML) and the tree is converted and checked; without axes it is then
// scheduled, with axes the sweep is built (grid, base check, fingerprint) and its first two points
// and its last one are run through the pipeline, economy included.
//
// Expected: ripple::Error (usage errors of a spec, input errors of an edit, failed points). A
// finding: a crash, a sanitizer report, a hang or another exception.

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ripple/error.hpp"
#include "ripple/ripple.hpp"
#include "ripple/scenario_overrides.hpp"
#include "ripple/scenario_reader.hpp"
#include "ripple/sweep.hpp"

namespace {

const std::string kBasePath = RIPPLE_SOURCE_DIR "/tests/data/sweep/two_projects.yaml";
constexpr std::string_view kVary = "vary ";

YAML::Node base;

void exercise(const std::vector<std::string>& sets, const std::vector<std::string>& varies) {
  ripple::ScenarioTree tree = ripple::build_scenario_tree(YAML::Clone(base), kBasePath, {}, sets);
  if (varies.empty()) {
    const ripple::Scenario scenario = ripple::scenario_from_yaml(tree.root, tree.sources);
    (void)ripple::schedule(scenario);
    return;
  }
  std::vector<ripple::SweepAxis> axes;
  for (const auto& spec : varies) axes.push_back(ripple::parse_vary(spec));
  ripple::SweepGrid grid(std::move(axes));
  ripple::Sweep sweep(std::move(tree), grid);
  (void)sweep.header();
  const std::uint64_t points = sweep.grid().point_count();
  for (std::uint64_t i = 0; i < std::min<std::uint64_t>(points, 2); ++i) {
    (void)sweep.run_point(i);
  }
  if (points > 2) {
    (void)sweep.describe_point(points - 1);
    (void)sweep.run_point(points - 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  base = ripple::read_scenario_yaml(kBasePath);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> sets;
  std::vector<std::string> varies;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    if (line.starts_with(kVary)) {
      varies.emplace_back(line.substr(kVary.size()));
    } else {
      sets.emplace_back(line);
    }
  }
  try {
    exercise(sets, varies);
  } catch (const ripple::Error&) {
    // A malformed edit or spec, a scenario the edits made invalid: reported, not a finding.
  }
  return 0;
}
