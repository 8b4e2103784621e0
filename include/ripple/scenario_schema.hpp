#pragma once
/// The JSON Schema (draft-07) of the scenario format, generated from the reader's own key tables
/// (sim/scenario/scenario_keys.cpp), so that an editor's completion, hover help and red
/// underlines follow what `ripple validate` accepts. The schema checks structure: keys, required
/// keys, value kinds and spellings (durations, dates, capacities, distributions, choices). The
/// reader checks the rest (ranges between keys, references, units against products, cycles).
/// The repository ships it as scenarios/scenario.schema.json (docs/scenario-format.md).

#include <string>

namespace ripple {

/// The schema as JSON text, 2-space indented, ending in a newline. Deterministic: the same
/// ripple version always gives the same bytes.
[[nodiscard]] std::string scenario_json_schema();

}  // namespace ripple
