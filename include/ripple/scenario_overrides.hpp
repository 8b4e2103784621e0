#pragma once
/// What-if edits of a scenario tree before it is converted (scenario_reader.hpp): overlays
/// (partial scenario files merged over the base) and `--set KEY=VALUE` overrides.
///
/// Merge rules: maps merge key by key, recursively; lists whose items are maps with an `id`
/// merge item by item (an overlay item with a new id is appended); anything else is replaced.
/// Override paths are dotted: map keys, and for lists of items with ids, the item's id, as in
/// `projects.satimola.phases.shafts.duration` or `economy.flq_delta`. The value is parsed as
/// YAML, so it reads exactly like the same value in the file (`"54 months"`, `0.3`,
/// `{triangular: [30 months, 36 months, 48 months]}`).
///
/// Every node an overlay or override brings in is tagged with the index of its source in a
/// ScenarioSources list, so that diagnostics point into the overlay's own file and line, or
/// name the `--set` item.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ripple/error.hpp"

namespace ripple {

/// The inputs a scenario tree was built from: [0] the base file, then overlays and overrides
/// in the order applied.
struct ScenarioSource {
  std::string name;           ///< file path, or `set KEY=VALUE` (the CLI: `--set KEY=VALUE`)
  bool has_positions = true;  ///< false for overrides: their nodes have no file position
};
using ScenarioSources = std::vector<ScenarioSource>;

/// The source index a node was tagged with (nullopt: the base file).
[[nodiscard]] std::optional<std::size_t> node_source(const YAML::Node& node);

/// The position of a node in its own source: file, 1-based line and column; line 0 for --set
/// values and nodes without a position.
[[nodiscard]] Mark source_mark(const YAML::Node& node, const ScenarioSources& sources);

/// Merges `overlay` over `base` in place (rules above), tagging what it brings in with
/// `source` (an index into the caller's ScenarioSources). Both must be maps.
void merge_overlay(YAML::Node base, const YAML::Node& overlay, std::size_t source);

/// Applies one `KEY=VALUE` override to `root` in place, tagging the value with `source`.
/// Throws InputError (exit 3) naming the item as `<label> KEY=VALUE` (the CLI passes its option,
/// `--set`) when it is not KEY=VALUE, the value is not valid
/// YAML, or the path does not exist (with the nearest valid keys or ids at the failing step).
/// A new last key of a map is added, and the scenario reader then reports it if it is unknown.
void apply_override(YAML::Node root, const std::string& assignment, std::size_t source,
                    std::string_view label = "set");

/// The base file, overlays and overrides combined into one tree, with its sources.
struct ScenarioTree {
  YAML::Node root;
  ScenarioSources sources;
};

/// Reads `path`, merges each overlay file, applies each override (in order), each override its
/// own source `<override_label> KEY=VALUE`. Throws what read_scenario_yaml and apply_override
/// throw; an overlay that is not a map is an InputError.
[[nodiscard]] ScenarioTree build_scenario_tree(const std::string& path,
                                               const std::vector<std::string>& overlays,
                                               const std::vector<std::string>& overrides,
                                               std::string_view override_label = "set");
/// As above, over a base tree already parsed (parse_scenario_yaml()); `path` names it.
[[nodiscard]] ScenarioTree build_scenario_tree(YAML::Node root, const std::string& path,
                                               const std::vector<std::string>& overlays,
                                               const std::vector<std::string>& overrides,
                                               std::string_view override_label = "set");

}  // namespace ripple
