// Generates the scenario's JSON Schema from the key tables (ripple/scenario_schema.hpp).
#include "ripple/scenario_schema.hpp"

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <string_view>

#include "scenario/scenario_keys.hpp"

namespace ripple {
namespace {

using Json = nlohmann::ordered_json;
using scenario_keys::Key;
using scenario_keys::MapSpec;
using scenario_keys::Presence;
using scenario_keys::Value;

// What Duration::parse and the value layer accept (duration.cpp, yaml_values.cpp).
constexpr std::string_view kNumberText = R"([-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?)";
constexpr std::string_view kDurationUnits =
    "days?|weeks?|months?|quarters?|years?|wd|workdays?|working days?|h|hours?|working hours?";

Json ref(std::string_view name) { return Json{{"$ref", "#/definitions/" + std::string(name)}}; }

Json choices(std::string_view words) {
  Json values = Json::array();
  std::istringstream in{std::string(words)};
  for (std::string word; in >> word;) values.push_back(word);
  return Json{{"enum", values}};
}

// A distribution of `value`s: {triangular|pert: [min, mode, max]}, {uniform: [low, high]},
// {lognormal: {median, sigma}} (docs/scenario-format.md, Durations and distributions).
Json distribution_of(const Json& value) {
  auto list_of = [&](int n) {
    return Json{{"type", "array"}, {"items", value}, {"minItems", n}, {"maxItems", n}};
  };
  auto single = [](std::string_view name, Json body) {
    return Json{{"type", "object"},
                {"properties", Json{{std::string(name), std::move(body)}}},
                {"required", Json::array({std::string(name)})},
                {"additionalProperties", false}};
  };
  Json lognormal = {{"type", "object"},
                    {"properties", {{"median", value}, {"sigma", {{"type", "number"}}}}},
                    {"required", Json::array({"median", "sigma"})},
                    {"additionalProperties", false}};
  return Json{{"oneOf", Json::array({single("triangular", list_of(3)), single("pert", list_of(3)),
                                     single("uniform", list_of(2)),
                                     single("lognormal", std::move(lognormal))})}};
}

Json definitions_of_values() {
  Json d = Json::object();
  d["duration"] = {
      {"description", "a number and a unit: 18 months, 2 years, 10 wd, 80 h"},
      {"anyOf", Json::array({Json{{"type", "string"},
                                  {"pattern", R"(^\s*)" + std::string(kNumberText) + R"(\s*()" +
                                                  std::string(kDurationUnits) + R"()\s*$)"}},
                             Json{{"const", 0}}})}};
  d["date"] = {{"description", "YYYY-MM or YYYY-MM-DD"},
               {"type", "string"},
               {"pattern", R"(^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$)"}};
  d["capacity"] = {{"description", "a number and the product's unit per year: 300 kt/yr"},
                   {"type", "string"},
                   {"pattern", R"(^\s*)" + std::string(kNumberText) + R"(\s*\S+/yr\s*$)"}};
  d["id"] = {{"type", "string"}, {"pattern", "^[a-z0-9_]+$"}};
  d["duration_or_distribution"] = {
      {"anyOf", Json::array({ref("duration"), distribution_of(ref("duration"))})}};
  d["number_or_distribution"] = {
      {"anyOf",
       Json::array({Json{{"type", "number"}}, distribution_of(Json{{"type", "number"}})})}};
  return d;
}

Json value_schema(const Key& key) {
  switch (key.value) {
    case Value::kText:
      return {{"type", "string"}};
    case Value::kId:
      return ref("id");
    case Value::kNumber:
      return {{"type", "number"}};
    case Value::kNonNegative:
      return {{"type", "number"}, {"minimum", 0}};
    case Value::kShare:
      return {{"type", "number"}, {"minimum", 0}, {"maximum", 1}};
    case Value::kInteger:
      return {{"type", "integer"}};
    case Value::kBoolean:
      return {{"type", "boolean"}};
    case Value::kDate:
      return ref("date");
    case Value::kDuration:
      return ref("duration");
    case Value::kDurationOrDistribution:
      return ref("duration_or_distribution");
    case Value::kNumberOrDistribution:
      return ref("number_or_distribution");
    case Value::kCapacity:
      return ref("capacity");
    case Value::kChoice:
      return choices(key.choices);
    case Value::kMap:
      return ref(key.spec);
    case Value::kList:
      return {{"type", "array"}, {"items", ref(key.spec)}};
    case Value::kIdList:
      return {{"type", "array"}, {"items", ref("id")}};
    case Value::kAmounts:
      return {{"type", "object"}, {"additionalProperties", {{"type", "number"}, {"minimum", 0}}}};
    case Value::kCapacities:
      return {{"type", "object"}, {"additionalProperties", ref("capacity")}};
    case Value::kDependsOn:
      return {{"type", "array"},
              {"items", {{"anyOf", Json::array({Json{{"type", "string"}}, ref("dependency")})}}}};
    case Value::kRampTable:
      return {{"type", "array"},
              {"minItems", 1},
              {"items",
               {{"type", "array"},
                {"items", Json::array({ref("duration"),
                                       Json{{"type", "number"}, {"minimum", 0}, {"maximum", 1}}})},
                {"minItems", 2},
                {"maxItems", 2}}}};
    case Value::kChoiceList:
      return {{"type", "array"}, {"items", choices(key.choices)}};
    case Value::kHolidays:
      return {{"type", "array"},
              {"items",
               {{"anyOf", Json::array({ref("date"), Json{{"type", "array"},
                                                         {"items", ref("date")},
                                                         {"minItems", 2},
                                                         {"maxItems", 2}}})}}}};
  }
  return Json::object();
}

Json map_schema(const MapSpec& map) {
  Json properties = Json::object();
  Json required = Json::array();
  for (const Key& key : map.keys) {
    if (key.presence == Presence::kRejected) continue;
    Json property = value_schema(key);
    // Draft-07 ignores the siblings of a $ref: wrap it so that the description shows on hover.
    if (property.contains("$ref")) property = Json{{"allOf", Json::array({std::move(property)})}};
    property["description"] = std::string(key.help);
    properties[std::string(key.name)] = std::move(property);
    if (key.presence == Presence::kRequired) required.push_back(std::string(key.name));
  }
  Json schema = {{"type", "object"}, {"description", std::string(map.help)}};
  schema["properties"] = std::move(properties);
  if (!required.empty()) schema["required"] = std::move(required);
  schema["additionalProperties"] = false;
  return schema;
}

}  // namespace

std::string scenario_json_schema() {
  const auto specs = scenario_keys::specs();
  Json definitions = definitions_of_values();
  for (const MapSpec& map : specs.subspan(1)) definitions[std::string(map.name)] = map_schema(map);
  Json schema = {{"$schema", "http://json-schema.org/draft-07/schema#"},
                 {"$id", "https://ripple.invalid/scenario.schema.json"},
                 {"title", "ripple scenario"}};
  Json top = map_schema(specs.front());
  for (auto& [key, value] : top.items()) schema[key] = value;
  schema["definitions"] = std::move(definitions);
  return schema.dump(2) + "\n";
}

}  // namespace ripple
