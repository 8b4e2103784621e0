// Projects, their products, brownfield baselines and capacities in product units.
#include "scenario/read_context.hpp"

namespace ripple::scenario_read {
namespace {

// A product's operating purchases (docs/scenario-format.md): each line names an economy sector
// (checked against the economy when a run loads it), an amount per unit of product or a share of
// the output value, and the share bought in the country.
void read_operating_purchases(ReadContext& ctx, Product& product, const YAML::Node& list,
                              const std::string& path) {
  if (!ctx.r.expect_list(list, path)) return;
  double total_per_unit = 0.0;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const YAML::Node item = list[k];
    const std::string item_at = path + "[" + std::to_string(k) + "]";
    if (!ctx.r.expect_map(item, item_at)) continue;
    check_keys(ctx, item, item_at, "operating_purchase");
    OperatingPurchase purchase;
    purchase.mark = ctx.r.mark(item);
    if (ctx.r.require(item, "sector", item_at)) {
      purchase.sector = ctx.r.identifier(item["sector"], join_key(item_at, "sector")).value_or("");
    }
    const bool per_unit = NodeReader::has(item, "per_unit");
    const bool share = NodeReader::has(item, "share_of_value");
    if (per_unit == share) {
      ctx.r.error(purchase.mark, item_at +
                                     ": give exactly one of 'per_unit' (scenario currency per "
                                     "unit of product) or 'share_of_value'");
    } else if (per_unit) {
      purchase.per_unit =
          ctx.r.non_negative(item["per_unit"], join_key(item_at, "per_unit")).value_or(0.0);
    } else if (auto value =
                   ctx.r.share(item["share_of_value"], join_key(item_at, "share_of_value"))) {
      purchase.per_unit = *value * product.price_per_unit;
    }
    if (ctx.r.require(item, "local_share", item_at)) {
      purchase.local_share =
          ctx.r.share(item["local_share"], join_key(item_at, "local_share")).value_or(0.0);
    }
    total_per_unit += purchase.per_unit;
    product.operating_purchases.push_back(std::move(purchase));
  }
  // A plant whose purchases cost more than its product sells for has no value added: the
  // amounts are wrong, or in another unit.
  if (total_per_unit > product.price_per_unit) {
    ctx.r.error(ctx.r.mark(list), path + ": purchases worth " + format_number(total_per_unit) +
                                      " per " + product.unit + " exceed price_per_unit " +
                                      format_number(product.price_per_unit));
  }
}

void read_products(ReadContext& ctx, Project& p, const YAML::Node& node, const std::string& path) {
  if (!ctx.r.expect_list(node, path)) return;
  IdRegistry ids("product");
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string item_at = item_path(path, item, i);
    if (!ctx.r.expect_map(item, item_at)) continue;
    check_keys(ctx, item, item_at, "product");
    Product product;
    product.mark = ctx.r.mark(item);
    if (ctx.r.require(item, "id", item_at)) {
      if (auto id = ctx.r.identifier(item["id"], join_key(item_at, "id"))) {
        product.id = *id;
        ids.add(ctx.r, *id, item["id"], join_key(item_at, "id"));
      }
    }
    product.name = optional_text(ctx, item, "name", item_at).value_or(product.id);
    if (ctx.r.require(item, "unit", item_at)) {
      product.unit = ctx.r.csv_text(item["unit"], join_key(item_at, "unit")).value_or("");
    }
    if (ctx.r.require(item, "price_per_unit", item_at)) {
      product.price_per_unit =
          ctx.r.non_negative(item["price_per_unit"], join_key(item_at, "price_per_unit"))
              .value_or(0.0);
    }
    product.sector = optional_text(ctx, item, "sector", item_at).value_or(p.sector);
    if (NodeReader::has(item, "diverted_inputs")) {
      const std::string list_at = join_key(item_at, "diverted_inputs");
      const YAML::Node list = item["diverted_inputs"];
      if (ctx.r.expect_list(list, list_at)) {
        for (std::size_t k = 0; k < list.size(); ++k) {
          if (auto sector = ctx.r.identifier(list[k], list_at)) {
            product.diverted_inputs.push_back(*sector);
          }
        }
      }
    }
    if (NodeReader::has(item, "operating_purchases")) {
      const std::string list_at = join_key(item_at, "operating_purchases");
      read_operating_purchases(ctx, product, item["operating_purchases"], list_at);
      if (!product.diverted_inputs.empty()) {
        ctx.r.invalid(item["diverted_inputs"], join_key(item_at, "diverted_inputs"),
                      "diverted_inputs trims the sector's average input column and cannot be "
                      "combined with operating_purchases (leave the diverted supply out of the "
                      "purchases instead)");
      }
    }
    if (NodeReader::has(item, "uses")) {
      read_resource_amounts(ctx, product.resource_use_per_unit, item["uses"],
                            join_key(item_at, "uses"), true);
    }
    p.products.push_back(std::move(product));
  }
}

void read_baseline(ReadContext& ctx, Project& p, const YAML::Node& node, const std::string& path) {
  if (!ctx.r.expect_map(node, path)) return;
  check_keys(ctx, node, path, "baseline");
  Baseline baseline;
  if (NodeReader::has(node, "permanent_jobs")) {
    baseline.permanent_jobs =
        ctx.r.non_negative(node["permanent_jobs"], join_key(path, "permanent_jobs")).value_or(0.0);
  }
  if (NodeReader::has(node, "capacity")) {
    const YAML::Node capacities = node["capacity"];
    const std::string capacity_path = join_key(path, "capacity");
    if (ctx.r.expect_map(capacities, capacity_path)) {
      for (const auto& pair : capacities) {
        if (!pair.first.IsScalar()) {
          ctx.r.error(ctx.r.mark(pair.first), capacity_path + ": a key must be a product id");
          continue;
        }
        const std::string product_id = pair.first.Scalar();
        const std::string item_at = join_key(capacity_path, product_id);
        const auto index = find_product_or_report(ctx, p, pair.first, item_at);
        auto written = ctx.r.capacity(pair.second, item_at);
        if (!index || !written) continue;
        if (auto value = capacity_for(ctx, p, *index, *written, pair.second, item_at)) {
          baseline.capacity_per_year[p.products[*index].id] = *value;
        }
      }
    }
  }
  p.baseline = std::move(baseline);
}

void read_project(ReadContext& ctx, const YAML::Node& node, const std::string& path,
                  IdRegistry& project_ids) {
  check_keys(ctx, node, path, "project");
  Project p;
  p.mark = ctx.r.mark(node);
  if (ctx.r.require(node, "id", path)) {
    if (auto id = ctx.r.identifier(node["id"], join_key(path, "id"))) {
      p.id = *id;
      project_ids.add(ctx.r, *id, node["id"], join_key(path, "id"));
    }
  }
  p.name = optional_text(ctx, node, "name", path).value_or(p.id);
  if (ctx.r.require(node, "region", path)) {
    p.region = ctx.r.csv_text(node["region"], join_key(path, "region")).value_or("");
  }
  if (ctx.r.require(node, "sector", path)) {
    p.sector = ctx.r.text(node["sector"], join_key(path, "sector")).value_or("");
  }
  if (NodeReader::has(node, "target"))
    p.target_date = ctx.r.date(node["target"], join_key(path, "target"));
  p.calendar = read_calendar_ref(ctx, node, path);
  if (NodeReader::has(node, "products"))
    read_products(ctx, p, node["products"], join_key(path, "products"));
  if (NodeReader::has(node, "baseline"))
    read_baseline(ctx, p, node["baseline"], join_key(path, "baseline"));

  const std::size_t project_index = ctx.s.projects.size();
  IdRegistry activity_ids("activity");
  if (ctx.r.require(node, "phases", path)) {
    const YAML::Node phases = node["phases"];
    const std::string phases_path = join_key(path, "phases");
    if (ctx.r.expect_list(phases, phases_path)) {
      if (phases.size() == 0)
        ctx.r.invalid(phases, phases_path, "a project needs at least one phase");
      for (std::size_t i = 0; i < phases.size(); ++i) {
        const YAML::Node item = phases[i];
        const std::string item_at = item_path(phases_path, item, i);
        if (!ctx.r.expect_map(item, item_at)) continue;
        read_phase(ctx, p, project_index, item, item_at, activity_ids);
      }
    }
  }
  if (NodeReader::has(node, "milestones")) {
    const YAML::Node milestones = node["milestones"];
    const std::string milestones_path = join_key(path, "milestones");
    if (ctx.r.expect_list(milestones, milestones_path)) {
      for (std::size_t i = 0; i < milestones.size(); ++i) {
        const YAML::Node item = milestones[i];
        const std::string item_at = item_path(milestones_path, item, i);
        if (!ctx.r.expect_map(item, item_at)) continue;
        read_milestone(ctx, p, project_index, item, item_at, activity_ids);
      }
    }
  }
  ctx.s.projects.push_back(std::move(p));
}

}  // namespace

void read_projects(ReadContext& ctx, const YAML::Node& node) {
  if (!ctx.r.expect_list(node, "projects")) return;
  if (node.size() == 0) {
    ctx.r.invalid(node, "projects", "a scenario needs at least one project");
    return;
  }
  IdRegistry ids("project");
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string path = item_path("projects", item, i);
    if (!ctx.r.expect_map(item, path)) continue;
    read_project(ctx, item, path, ids);
  }
}

std::optional<std::size_t> find_product_or_report(ReadContext& ctx, const Project& p,
                                                  const YAML::Node& node, const std::string& path) {
  const auto id = ctx.r.text(node, path);
  if (!id) return std::nullopt;
  if (auto index = p.find_product(*id)) return index;
  if (p.products.empty()) {
    ctx.r.invalid(node, path, "unknown product; project '" + p.id + "' declares no products");
    return std::nullopt;
  }
  std::string rule = "unknown product of project '" + p.id + "'";
  if (ctx.take_suggestion()) {
    std::vector<Candidate> candidates;
    for (const auto& pr : p.products) candidates.push_back({pr.id, pr.id, 0});
    rule += "; nearest valid names: " + join_comma(nearest_names(*id, candidates));
  }
  ctx.r.invalid(node, path, rule);
  return std::nullopt;
}

std::optional<double> capacity_for(ReadContext& ctx, const Project& p, std::size_t product,
                                   const scenario_yaml::WrittenCapacity& written,
                                   const YAML::Node& node, const std::string& path) {
  const Product& pr = p.products[product];
  if (auto value = scenario_yaml::capacity_in_unit(written, pr.unit)) return value;
  ctx.r.invalid(node, path,
                "unit '" + written.unit + "' does not match the unit of product '" + pr.id +
                    "' (expected " + pr.unit + "/yr, optionally prefixed by k, M or bn, e.g. " +
                    "'300 k" + pr.unit + "/yr')");
  return std::nullopt;
}

}  // namespace ripple::scenario_read
