// What makes runs differ: the Monte Carlo correlation factor, the risk register and dated shocks.
#include "scenario/read_context.hpp"

#include <algorithm>

namespace ripple::scenario_read {
namespace {

void read_shock(ReadContext& ctx, const YAML::Node& item, const std::string& path,
                IdRegistry& ids) {
  check_keys(ctx, item, path, "shock");
  Shock shock;
  shock.mark = ctx.r.mark(item);
  bool ok = true;
  if (ctx.r.require(item, "id", path)) {
    if (auto id = ctx.r.identifier(item["id"], join_key(path, "id"))) {
      shock.id = *id;
      ids.add(ctx.r, *id, item["id"], join_key(path, "id"));
    }
  }
  std::optional<Date> date;
  if (ctx.r.require(item, "date", path)) date = ctx.r.date(item["date"], join_key(path, "date"));
  if (date) shock.date = *date;
  if (!ctx.r.require(item, "type", path)) return;
  const std::string type_path = join_key(path, "type");
  const auto type = ctx.r.text(item["type"], type_path);
  if (!type) return;
  std::vector<std::string> keys;  // the keys this type takes besides id, type and date
  if (*type == "delay") {
    shock.kind = Shock::Kind::kDelay;
    keys = {"phase", "by"};
  } else if (*type == "stop") {
    shock.kind = Shock::Kind::kStop;
    keys = {"project", "until"};
  } else if (*type == "capacity_cut") {
    shock.kind = Shock::Kind::kCapacityCut;
    keys = {"project", "share", "until"};
  } else {
    ctx.r.invalid(item["type"], type_path,
                  "unknown shock type" + did_you_mean(*type, {"delay", "stop", "capacity_cut"}) +
                      " (expected delay, stop or capacity_cut)");
    return;
  }
  for (const std::string key : {"phase", "by", "project", "until", "share"}) {
    if (NodeReader::has(item, key) && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      ctx.r.invalid(item[key], join_key(path, key),
                    "a " + *type + " shock takes no " + key + " (it takes id, type, date, " +
                        join_comma(keys) + ")");
      ok = false;
    }
  }
  if (shock.kind == Shock::Kind::kDelay) {
    if (ctx.r.require(item, "phase", path)) {
      if (auto ref = resolve_activity(ctx, item["phase"], join_key(path, "phase"), std::nullopt)) {
        shock.project = ref->project;
        shock.phase = ref->activity;
      } else {
        ok = false;
      }
    }
    if (ctx.r.require(item, "by", path)) {
      const std::string by_path = join_key(path, "by");
      if (auto by = ctx.r.duration(item["by"], by_path)) {
        if (by->amount <= 0.0) {
          ctx.r.invalid(item["by"], by_path, "a delay must be greater than zero");
          ok = false;
        } else {
          shock.delay = *by;
        }
      }
    }
  } else {
    if (ctx.r.require(item, "project", path)) {
      if (auto project = resolve_project(ctx, item["project"], join_key(path, "project"))) {
        shock.project = *project;
      } else {
        ok = false;
      }
    }
    if (shock.kind == Shock::Kind::kCapacityCut && ctx.r.require(item, "share", path)) {
      const std::string share_path = join_key(path, "share");
      if (auto share = ctx.r.number(item["share"], share_path)) {
        if (*share <= 0.0 || *share > 1.0) {
          ctx.r.invalid(item["share"], share_path, "a cut share must be in (0, 1]");
          ok = false;
        } else {
          shock.cut_share = *share;
        }
      }
    }
    const bool needs_until = shock.kind == Shock::Kind::kStop;
    if (needs_until ? ctx.r.require(item, "until", path) : NodeReader::has(item, "until")) {
      const std::string until_path = join_key(path, "until");
      shock.until = ctx.r.date(item["until"], until_path);
      if (shock.until && date && *shock.until <= *date) {
        ctx.r.invalid(item["until"], until_path,
                      "must be after the shock's date (" + date->to_string() + ")");
        ok = false;
      }
    }
  }
  if (ok) ctx.s.shocks.push_back(std::move(shock));
}

}  // namespace

void read_correlation(ReadContext& ctx, const YAML::Node& node) {
  const std::string path = "correlation";
  if (!ctx.r.expect_map(node, path)) return;
  check_keys(ctx, node, path, "correlation");
  Correlation correlation;
  correlation.mark = ctx.r.mark(node);
  bool ok = true;
  if (ctx.r.require(node, "factor", path)) {
    const auto id = ctx.r.identifier(node["factor"], join_key(path, "factor"));
    ok = ok && id.has_value();
    correlation.factor = id.value_or("");
  } else {
    ok = false;
  }
  if (ctx.r.require(node, "multiplier", path)) {
    const std::string m_path = join_key(path, "multiplier");
    if (auto multiplier = ctx.r.number_distribution(node["multiplier"], m_path)) {
      const double lowest =
          multiplier->kind == Distribution::Kind::kLognormal ? 1.0 : multiplier->a;
      if (lowest <= 0.0) {
        ctx.r.invalid(node["multiplier"], m_path,
                      "a duration multiplier must be greater than zero");
        ok = false;
      } else {
        correlation.multiplier = *multiplier;
      }
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (ok) ctx.s.correlation = std::move(correlation);
  ctx.has_correlation_block = true;
}

// `correlated: true` needs the programme's correlation factor.
void check_correlated_phases(ReadContext& ctx) {
  if (ctx.has_correlation_block) return;
  for (const Project& project : ctx.s.projects) {
    for (const Phase& phase : project.phases) {
      if (phase.correlated) {
        ctx.r.error(phase.mark, "projects[" + project.id + "].phases[" + phase.id +
                                    "].correlated = true: the scenario has no `correlation` "
                                    "(factor and multiplier) for it to follow");
      }
    }
  }
}

void read_risks(ReadContext& ctx, const YAML::Node& node) {
  if (!ctx.r.expect_list(node, "risks")) return;
  IdRegistry ids("risk");
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string path = item_path("risks", item, i);
    if (!ctx.r.expect_map(item, path)) continue;
    check_keys(ctx, item, path, "risk");
    Risk risk;
    risk.mark = ctx.r.mark(item);
    if (ctx.r.require(item, "id", path)) {
      if (auto id = ctx.r.identifier(item["id"], join_key(path, "id"))) {
        risk.id = *id;
        ids.add(ctx.r, *id, item["id"], join_key(path, "id"));
      }
    }
    risk.name = optional_text(ctx, item, "name", path).value_or(risk.id);
    if (ctx.r.require(item, "phase", path)) {
      if (auto ref = resolve_activity(ctx, item["phase"], join_key(path, "phase"), std::nullopt)) {
        risk.phase = *ref;
      }
    }
    if (ctx.r.require(item, "probability", path)) {
      const std::string p_path = join_key(path, "probability");
      if (auto probability = ctx.r.number(item["probability"], p_path)) {
        if (*probability < 0.0 || *probability > 1.0) {
          ctx.r.invalid(item["probability"], p_path, "a probability must be in [0, 1]");
        } else {
          risk.probability = *probability;
        }
      }
    }
    const bool has_delay = NodeReader::has(item, "delay");
    const bool has_cost = NodeReader::has(item, "cost_m");
    if (has_delay) {
      const std::string delay_path = join_key(path, "delay");
      if (auto delay = ctx.r.duration_distribution(item["delay"], delay_path)) {
        const double lowest =
            delay->values.kind == Distribution::Kind::kLognormal ? 0.0 : delay->values.a;
        if (lowest < 0.0) {
          ctx.r.invalid(item["delay"], delay_path, "a risk delay must not be negative");
        } else {
          risk.delay = *delay;
        }
      }
    }
    if (has_cost) risk.cost_m = ctx.r.number_distribution(item["cost_m"], join_key(path, "cost_m"));
    if (!has_delay && !has_cost) {
      ctx.r.error(risk.mark, path + ": a risk needs a delay, a cost_m or both");
    }
    ctx.s.risks.push_back(std::move(risk));
  }
}

void read_shocks(ReadContext& ctx, const YAML::Node& node) {
  if (!ctx.r.expect_list(node, "shocks")) return;
  IdRegistry ids("shock");
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string path = item_path("shocks", item, i);
    if (!ctx.r.expect_map(item, path)) continue;
    read_shock(ctx, item, path, ids);
  }
}

}  // namespace ripple::scenario_read
