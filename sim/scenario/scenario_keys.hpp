#pragma once
// Internal to the scenario reader: the keys of every map of the scenario format, one table per
// map. The readers check each map's keys against its table (unknown keys are errors with a
// suggestion), and the JSON Schema (scenario_schema.hpp) is generated from the same tables, so
// that what an editor proposes and what `ripple validate` accepts cannot drift apart.
// A key added to the format is added here first; docs/scenario-format.md explains it.

#include <span>
#include <string_view>
#include <vector>

namespace ripple::scenario_keys {

/// The kind of value a key takes, as the schema describes it (the reader checks more: ranges,
/// references, units against products).
enum class Value {
  kText,
  kId,           ///< [a-z0-9_]+
  kNumber,       ///< any finite number
  kNonNegative,  ///< a number >= 0
  kShare,        ///< a number in [0, 1]
  kInteger,
  kBoolean,
  kDate,      ///< YYYY-MM or YYYY-MM-DD
  kDuration,  ///< `18 months`
  kDurationOrDistribution,
  kNumberOrDistribution,
  kCapacity,    ///< `300 kt/yr`
  kChoice,      ///< one of `choices` (text)
  kMap,         ///< the map `spec`
  kList,        ///< a list of the map `spec`
  kIdList,      ///< a list of ids
  kAmounts,     ///< {id: number >= 0}
  kCapacities,  ///< {id: capacity}
  kDependsOn,   ///< a list of activity ids or `dependency` maps
  kRampTable,   ///< a list of [duration, share] points
  kChoiceList,  ///< a list of `choices`
  kHolidays,    ///< a list of dates and [first, last] date ranges
};

enum class Presence {
  kOptional,
  kRequired,
  kRejected,  ///< accepted by the key check only to explain why it does not belong (the schema
              ///< leaves it out)
};

struct Key {
  constexpr Key(std::string_view key_name, Value key_value, Presence key_presence,
                std::string_view key_help, std::string_view map_spec = {},
                std::string_view key_choices = {})
      : name(key_name),
        value(key_value),
        presence(key_presence),
        help(key_help),
        spec(map_spec),
        choices(key_choices) {}

  std::string_view name;
  Value value = Value::kText;
  Presence presence = Presence::kOptional;
  std::string_view help;     ///< one line: meaning, unit, default
  std::string_view spec;     ///< kMap and kList: the map's name in specs()
  std::string_view choices;  ///< kChoice: the values, separated by spaces
};

/// A map of the format: its name (a schema definition) and its keys, in documented order.
struct MapSpec {
  std::string_view name;
  std::string_view help;
  std::span<const Key> keys;
};

/// Every map of the format; the first is the top level.
[[nodiscard]] std::span<const MapSpec> specs();
/// The map named `name`; throws std::out_of_range for a name not in specs().
[[nodiscard]] const MapSpec& spec(std::string_view name);
/// The names of a map's keys, for NodeReader::check_keys.
[[nodiscard]] std::vector<std::string_view> key_names(const MapSpec& map);

}  // namespace ripple::scenario_keys
