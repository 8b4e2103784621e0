#include "ripple/scenario_overrides.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <utility>

#include "ripple/scenario_reader.hpp"
#include "scenario/yaml_values.hpp"

namespace ripple {
namespace {

constexpr std::string_view kTagPrefix = "!ripple-source:";

void tag_tree(YAML::Node node, std::size_t source) {
  node.SetTag(std::string(kTagPrefix) + std::to_string(source));
  if (node.IsMap()) {
    for (auto item : node) tag_tree(item.second, source);
  } else if (node.IsSequence()) {
    for (auto item : node) tag_tree(item, source);
  }
}

std::optional<std::string> item_id(const YAML::Node& item) {
  if (!item.IsMap()) return std::nullopt;
  const YAML::Node id = item["id"];
  if (!id || !id.IsScalar()) return std::nullopt;
  return id.Scalar();
}

bool is_list_of_items(const YAML::Node& node) {
  return node.IsSequence() && std::all_of(node.begin(), node.end(), [](const YAML::Node& item) {
           return item_id(item).has_value();
         });
}

std::optional<std::size_t> find_item(const YAML::Node& list, const std::string& id) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (item_id(list[i]) == id) return i;
  }
  return std::nullopt;
}

std::string nearest(const std::string& word, const std::vector<std::string>& names) {
  std::vector<scenario_yaml::Candidate> candidates;
  for (const auto& name : names) candidates.push_back({name, name, 0});
  const auto best = scenario_yaml::nearest_names(word, candidates, 3);
  return best.empty() ? "none" : scenario_yaml::join_or(best);
}

}  // namespace

std::optional<std::size_t> node_source(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  if (tag.compare(0, kTagPrefix.size(), kTagPrefix) != 0) return std::nullopt;
  std::size_t index = 0;
  const char* begin = tag.data() + kTagPrefix.size();
  if (std::from_chars(begin, tag.data() + tag.size(), index).ec != std::errc{}) return std::nullopt;
  return index;
}

Mark source_mark(const YAML::Node& node, const ScenarioSources& sources) {
  const std::size_t index = node_source(node).value_or(0);
  const ScenarioSource* source = index < sources.size() ? &sources[index] : nullptr;
  Mark mark{source != nullptr ? source->name : "", 0, 0};
  if (source != nullptr && !source->has_positions) return mark;
  if (!node.IsDefined()) return mark;
  const YAML::Mark m = node.Mark();
  if (m.line >= 0) {
    mark.line = m.line + 1;
    mark.column = m.column + 1;
  }
  return mark;
}

void merge_overlay(YAML::Node base, const YAML::Node& overlay, std::size_t source) {
  for (auto item : overlay) {
    const std::string key = item.first.as<std::string>();
    YAML::Node value = item.second;
    YAML::Node existing = base[key];
    if (existing.IsMap() && value.IsMap()) {
      merge_overlay(existing, value, source);
    } else if (is_list_of_items(existing) && is_list_of_items(value)) {
      for (auto overlay_item : value) {
        const auto at = find_item(existing, *item_id(overlay_item));
        if (at) {
          YAML::Node target = existing[*at];
          merge_overlay(target, overlay_item, source);
        } else {
          tag_tree(overlay_item, source);
          existing.push_back(overlay_item);
        }
      }
    } else {
      tag_tree(value, source);
      base[key] = value;
    }
  }
}

void apply_override(YAML::Node root, const std::string& assignment, std::size_t source,
                    std::string_view label) {
  const Mark mark{std::string(label).append(" ").append(assignment), 0, 0};
  const std::size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw InputError(mark,
                     "expected KEY=VALUE, with KEY a dotted path such as "
                     "projects.<project>.phases.<phase>.duration");
  }
  const std::string path = assignment.substr(0, eq);
  const std::string text = assignment.substr(eq + 1);
  YAML::Node value;
  try {
    value = scenario_yaml::load_document(text, mark.file);
  } catch (const InputError& e) {
    // The value is one line of the command: its message, without a position inside it.
    const std::string& message = e.diagnostics().front().message;
    throw InputError(mark, "value '" + text + "' is not valid: " + message);
  }
  if (!value.IsDefined() || value.IsNull()) {
    throw InputError(mark, path + ": empty value");
  }
  tag_tree(value, source);

  std::vector<std::string> steps;
  for (std::size_t from = 0;;) {
    const std::size_t dot = path.find('.', from);
    steps.push_back(path.substr(from, dot - from));
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  YAML::Node node = root;
  std::string walked;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string& step = steps[i];
    const bool last = i + 1 == steps.size();
    const std::string here = walked.empty() ? "the top level" : walked;
    if (step.empty()) throw InputError(mark, "path '" + path + "' has an empty step");
    if (node.IsMap()) {
      if (last) {
        node[step] = value;
        return;
      }
      YAML::Node child = node[step];
      if (!child.IsDefined() || child.IsNull()) {
        std::vector<std::string> keys;
        for (auto item : node) keys.push_back(item.first.as<std::string>());
        throw InputError(mark, "path '" + path + "': no key '" + step + "' at " + here +
                                   " (nearest: " + nearest(step, keys) + ")");
      }
      node.reset(child);
    } else if (node.IsSequence()) {
      const auto at = find_item(node, step);
      if (!at) {
        std::vector<std::string> ids;
        for (auto item : node) {
          if (auto id = item_id(item)) ids.push_back(*id);
        }
        throw InputError(mark, "path '" + path + "': no item with id '" + step + "' in " + here +
                                   " (nearest: " + nearest(step, ids) + ")");
      }
      if (last) {
        node[*at] = value;
        return;
      }
      YAML::Node child = node[*at];
      node.reset(child);
    } else {
      throw InputError(
          mark, "path '" + path + "': " + here + " is a single value, it has no '" + step + "'");
    }
    walked += (walked.empty() ? "" : ".") + step;
  }
}

ScenarioTree build_scenario_tree(const std::string& path, const std::vector<std::string>& overlays,
                                 const std::vector<std::string>& overrides,
                                 std::string_view override_label) {
  return build_scenario_tree(read_scenario_yaml(path), path, overlays, overrides, override_label);
}

ScenarioTree build_scenario_tree(YAML::Node root, const std::string& path,
                                 const std::vector<std::string>& overlays,
                                 const std::vector<std::string>& overrides,
                                 std::string_view override_label) {
  ScenarioTree tree;
  tree.root = std::move(root);
  tree.sources.push_back({path, true});
  for (const auto& overlay_path : overlays) {
    const YAML::Node overlay = read_scenario_yaml(overlay_path);
    if (!overlay.IsMap()) {
      throw InputError(Mark{overlay_path, 1, 1}, "an overlay must be a map of scenario keys");
    }
    tree.sources.push_back({overlay_path, true});
    if (!tree.root.IsMap()) continue;  // the reader reports the base
    merge_overlay(tree.root, overlay, tree.sources.size() - 1);
  }
  for (const auto& assignment : overrides) {
    tree.sources.push_back({std::string(override_label).append(" ").append(assignment), false});
    apply_override(tree.root, assignment, tree.sources.size() - 1, override_label);
  }
  return tree;
}

}  // namespace ripple
