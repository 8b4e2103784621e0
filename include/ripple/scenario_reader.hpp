#pragma once
/// Reading a scenario file (docs/scenario-format.md) into a validated Scenario. Reading happens
/// in two steps so that overlays and `--set KEY=VALUE` overrides can be merged into the YAML tree
/// in between: read_scenario_yaml() parses the file, scenario_from_yaml() converts and checks the
/// tree. The check collects every problem of the file before throwing, each as
/// `file:line:column: error: <key path> = <value>: <rule>` (lines and columns 1-based).
/// Dependency cycles are not checked here: building the Plan (plan.hpp) reports them.

#include <yaml-cpp/yaml.h>

#include <string>

#include "ripple/scenario.hpp"
#include "ripple/scenario_overrides.hpp"

namespace ripple {

/// Parses the YAML file at `path` (no validation of its content).
/// Throws RuntimeError when the file cannot be opened (the message names the path) and
/// InputError at the offending position when the file is not valid YAML, holds an alias
/// (`*name`), a second document, or a key or value that is not UTF-8.
[[nodiscard]] YAML::Node read_scenario_yaml(const std::string& path);

/// Parses YAML text held in memory as the scenario file `path` (named in diagnostics; no file is
/// read). Throws InputError at the offending position when the text is not valid YAML, holds an
/// alias, a second document or text that is not UTF-8, as read_scenario_yaml() does.
[[nodiscard]] YAML::Node parse_scenario_yaml(const std::string& text, const std::string& path);

/// Converts and validates a scenario tree. `path` names the file in diagnostics (as given, not
/// made absolute) and is the base that relative paths in the file (economy.table) resolve
/// against. Throws InputError holding every diagnostic found, ordered by position.
[[nodiscard]] Scenario scenario_from_yaml(const YAML::Node& root, const std::string& path);

/// As above, for a tree merged from a base file, overlays and overrides (build_scenario_tree()
/// in scenario_overrides.hpp): each diagnostic points into the source its node came from (an
/// overlay's own file and line, or the `--set KEY=VALUE` item); sources[0] is the base file,
/// which names the scenario and resolves relative paths. Throws InputError with every
/// diagnostic, the base file's first.
[[nodiscard]] Scenario scenario_from_yaml(const YAML::Node& root, const ScenarioSources& sources);

/// A phase's `duration` value checked by the rules scenario_from_yaml() applies to it (a duration
/// or a distribution of durations, every value > 0), without reading the rest of the scenario:
/// batch drivers check the values of a --vary axis this way. `node` belongs to a tree built from
/// `sources` (its marks name them); `path` is the key path diagnostics name. Throws InputError
/// with the reader's diagnostic when the value breaks a rule.
[[nodiscard]] DurationDistribution phase_duration_from_yaml(const YAML::Node& node,
                                                            const std::string& path,
                                                            const ScenarioSources& sources);

/// read_scenario_yaml() then scenario_from_yaml(); throws what they throw.
[[nodiscard]] Scenario load_scenario(const std::string& path);

}  // namespace ripple
