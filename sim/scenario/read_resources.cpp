// Shared resources and the amounts phases draw on them.
#include "scenario/read_context.hpp"

#include <algorithm>

namespace ripple::scenario_read {

void read_resources(ReadContext& ctx, const YAML::Node& node) {
  if (!ctx.r.expect_list(node, "resources")) return;
  IdRegistry ids("resource");
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string path = item_path("resources", item, i);
    if (!ctx.r.expect_map(item, path)) continue;
    check_keys(ctx, item, path, "resource");
    Resource res;
    res.mark = ctx.r.mark(item);
    if (ctx.r.require(item, "id", path)) {
      if (auto id = ctx.r.identifier(item["id"], join_key(path, "id"))) {
        res.id = *id;
        ids.add(ctx.r, *id, item["id"], join_key(path, "id"));
      }
    }
    res.name = optional_text(ctx, item, "name", path).value_or(res.id);
    if (ctx.r.require(item, "unit", path)) {
      if (auto unit = ctx.r.text(item["unit"], join_key(path, "unit"))) res.unit = *unit;
    }
    if (ctx.r.require(item, "capacity", path)) {
      if (auto capacity = ctx.r.number(item["capacity"], join_key(path, "capacity"))) {
        if (*capacity < 0.0) {
          ctx.r.invalid(item["capacity"], join_key(path, "capacity"),
                        "a resource capacity must not be negative");
        } else {
          res.capacity = *capacity;
        }
      }
    }
    ctx.s.resources.push_back(std::move(res));
  }
}

void read_uses(ReadContext& ctx, Phase& phase, const YAML::Node& node, const std::string& path) {
  if (!ctx.r.expect_map(node, path)) return;
  for (const auto& pair : node) {
    if (!pair.first.IsScalar()) {
      ctx.r.error(ctx.r.mark(pair.first), path + ": a key must be a resource id");
      continue;
    }
    const std::string id = pair.first.Scalar();
    const std::string item_at = join_key(path, id);
    const auto amount = ctx.r.non_negative(pair.second, item_at);
    const auto it = std::find_if(ctx.s.resources.begin(), ctx.s.resources.end(),
                                 [&](const Resource& res) { return res.id == id; });
    if (it == ctx.s.resources.end()) {
      std::string rule = ": unknown resource";
      if (ctx.s.resources.empty()) {
        rule += "; the scenario declares no resources";
      } else if (ctx.take_suggestion()) {
        std::vector<Candidate> candidates;
        for (const auto& res : ctx.s.resources) candidates.push_back({res.id, res.id, 0});
        rule += "; nearest valid names: " + join_comma(nearest_names(id, candidates));
      }
      ctx.r.error(ctx.r.mark(pair.first), item_at + rule);
      continue;
    }
    if (!amount) continue;
    if (*amount > it->capacity) {
      ctx.r.invalid(pair.second, item_at,
                    "more than the resource's whole capacity (" + format_number(it->capacity) +
                        " " + it->unit + "); the phase could never start");
      continue;
    }
    phase.resource_use[id] = *amount;
  }
}

}  // namespace ripple::scenario_read
