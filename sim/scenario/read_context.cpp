// The helpers every per-concept scenario reader uses (read_context.hpp).
#include "scenario/read_context.hpp"

#include "scenario/scenario_keys.hpp"

namespace ripple::scenario_read {

std::string item_path(const std::string& list_path, const YAML::Node& item, std::size_t index) {
  if (item.IsMap()) {
    // A missing key gives an invalid node: ask IsDefined() before anything else.
    const YAML::Node id = item["id"];
    if (id.IsDefined() && id.IsScalar() && !id.Scalar().empty()) {
      return list_path + "[" + id.Scalar() + "]";
    }
  }
  return list_path + "[" + std::to_string(index) + "]";
}

void IdRegistry::add(NodeReader& reader, const std::string& id, const YAML::Node& node,
                     const std::string& path) {
  const auto [it, inserted] = lines_.emplace(id, reader.mark(node).line);
  if (!inserted) {
    reader.invalid(
        node, path,
        "duplicate " + what_ + " id (first used on line " + std::to_string(it->second) + ")");
  }
}

void check_keys(ReadContext& ctx, const YAML::Node& map, const std::string& path,
                std::string_view spec) {
  ctx.r.check_keys(map, path, scenario_keys::key_names(scenario_keys::spec(spec)));
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& valid) {
  if (auto near = scenario_yaml::suggestion(word, valid)) return "; did you mean '" + *near + "'?";
  return "";
}

std::optional<std::string> optional_text(ReadContext& ctx, const YAML::Node& map,
                                         std::string_view key, const std::string& path) {
  if (!NodeReader::has(map, key)) return std::nullopt;
  return ctx.r.text(map[std::string(key)], join_key(path, key));
}

}  // namespace ripple::scenario_read
