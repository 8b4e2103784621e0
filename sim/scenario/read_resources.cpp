// Shared resources and the amounts phases draw on them.
#include "scenario/read_context.hpp"

#include <algorithm>

namespace ripple::scenario_read {

namespace {

// `steps: [{from: 2027-06, capacity: 250}, ...]`: dates strictly increasing.
void read_steps(ReadContext& ctx, Resource& res, const YAML::Node& node, const std::string& path) {
  if (!ctx.r.expect_list(node, path)) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string at = path + "[" + std::to_string(i) + "]";
    if (!ctx.r.expect_map(item, at)) continue;
    check_keys(ctx, item, at, "capacity_step");
    CapacityStep step;
    step.mark = ctx.r.mark(item);
    std::optional<Date> from;
    std::optional<double> capacity;
    if (ctx.r.require(item, "from", at)) from = ctx.r.date(item["from"], join_key(at, "from"));
    if (ctx.r.require(item, "capacity", at)) {
      capacity = ctx.r.number(item["capacity"], join_key(at, "capacity"));
      if (capacity && *capacity < 0.0) {
        ctx.r.invalid(item["capacity"], join_key(at, "capacity"),
                      "a resource capacity must not be negative");
        capacity.reset();
      }
    }
    if (!from || !capacity) continue;
    if (!res.steps.empty() && *from <= res.steps.back().from) {
      ctx.r.invalid(item["from"], join_key(at, "from"),
                    "capacity steps must be in date order (the previous step is from " +
                        res.steps.back().from.to_string() + ")");
      continue;
    }
    step.from = *from;
    step.capacity = *capacity;
    res.steps.push_back(step);
  }
}

}  // namespace

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
      if (auto unit = ctx.r.csv_text(item["unit"], join_key(path, "unit"))) res.unit = *unit;
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
    if (NodeReader::has(item, "steps"))
      read_steps(ctx, res, item["steps"], join_key(path, "steps"));
    if (NodeReader::has(item, "on_shortfall")) {
      const std::string at = join_key(path, "on_shortfall");
      if (auto mode = ctx.r.text(item["on_shortfall"], at)) {
        if (*mode == "wait") {
          res.on_shortfall = Resource::Shortfall::kWait;
        } else if (*mode == "import") {
          res.on_shortfall = Resource::Shortfall::kImport;
        } else {
          ctx.r.invalid(item["on_shortfall"], at,
                        "unknown shortfall rule" + did_you_mean(*mode, {"wait", "import"}) +
                            " (expected wait or import)");
        }
      }
    }
    ctx.s.resources.push_back(std::move(res));
  }
}

void read_resource_amounts(ReadContext& ctx, std::map<std::string, double>& amounts,
                           const YAML::Node& node, const std::string& path, bool per_unit) {
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
    if (!per_unit && it->on_shortfall == Resource::Shortfall::kWait &&
        *amount > it->max_capacity()) {
      ctx.r.invalid(pair.second, item_at,
                    "more than the resource's largest capacity (" +
                        format_number(it->max_capacity()) + " " + it->unit +
                        "); the phase could never start");
      continue;
    }
    amounts[id] = *amount;
  }
}

void read_uses(ReadContext& ctx, Phase& phase, const YAML::Node& node, const std::string& path) {
  read_resource_amounts(ctx, phase.resource_use, node, path, false);
}

void check_resource_users(ReadContext& ctx) {
  // A resource serves phases (the engine's queue) or operations (the ledger's shares), not both.
  for (const Resource& res : ctx.s.resources) {
    bool by_phases = false;
    for (const Project& p : ctx.s.projects) {
      for (const Phase& phase : p.phases) by_phases = by_phases || phase.resource_use.count(res.id);
    }
    if (!by_phases) continue;
    for (const Project& p : ctx.s.projects) {
      for (const Product& product : p.products) {
        if (product.resource_use_per_unit.count(res.id) != 0) {
          ctx.r.error(product.mark, "projects[" + p.id + "].products[" + product.id + "].uses." +
                                        res.id +
                                        ": resource drawn by phases too; operations need a "
                                        "resource of their own");
        }
      }
    }
  }
}

}  // namespace ripple::scenario_read
