// Phases and milestones: durations, actual dates, spending, capacity and ramp-up.
#include "scenario/read_context.hpp"

#include <cmath>

namespace ripple::scenario_read {
namespace {

void read_activity_id(ReadContext& ctx, Phase& phase, const YAML::Node& node,
                      const std::string& path, IdRegistry& activity_ids) {
  if (ctx.r.require(node, "id", path)) {
    if (auto id = ctx.r.identifier(node["id"], join_key(path, "id"))) {
      phase.id = *id;
      activity_ids.add(ctx.r, *id, node["id"], join_key(path, "id"));
    }
  }
  phase.name = optional_text(ctx, node, "name", path).value_or(phase.id);
}

void read_actual_dates(ReadContext& ctx, Phase& phase, const YAML::Node& node,
                       const std::string& path) {
  const std::string start_path = join_key(path, "actual_start");
  const std::string finish_path = join_key(path, "actual_finish");
  const bool has_start = NodeReader::has(node, "actual_start");
  const bool has_finish = NodeReader::has(node, "actual_finish");
  if (has_start) phase.actual_start = ctx.r.date(node["actual_start"], start_path);
  if (has_finish) phase.actual_finish = ctx.r.date(node["actual_finish"], finish_path);
  if (has_finish && !has_start) {
    ctx.r.invalid(node["actual_finish"], finish_path,
                  "actual_finish needs actual_start (a phase finishes after it starts)");
  }
  if (phase.actual_start && phase.actual_finish && *phase.actual_finish < *phase.actual_start) {
    ctx.r.invalid(node["actual_finish"], finish_path,
                  "must not be before actual_start (" + phase.actual_start->to_string() + ")");
  }
  if (ctx.as_of) {
    const std::string rule = "is after scenario.as_of (" + ctx.as_of->to_string() +
                             "); actual dates are on or before it";
    if (phase.actual_start && *phase.actual_start > *ctx.as_of) {
      ctx.r.invalid(node["actual_start"], start_path, rule);
    }
    if (phase.actual_finish && *phase.actual_finish > *ctx.as_of) {
      ctx.r.invalid(node["actual_finish"], finish_path, rule);
    }
  }
  if (!NodeReader::has(node, "status")) return;
  const YAML::Node status_node = node["status"];
  const std::string status_path = join_key(path, "status");
  const auto status = ctx.r.text(status_node, status_path);
  if (!status) return;
  if (*status == "planned") {
    if (has_start) {
      ctx.r.invalid(status_node, status_path, "a planned phase has no actual_start");
    }
  } else if (*status == "in_progress") {
    if (!has_start || has_finish) {
      ctx.r.invalid(status_node, status_path,
                    "a phase in progress has actual_start and no actual_finish");
    }
  } else if (*status == "done") {
    if (!has_start || !has_finish) {
      ctx.r.invalid(status_node, status_path, "a done phase needs actual_start and actual_finish");
    }
  } else {
    ctx.r.invalid(status_node, status_path,
                  "unknown status" + did_you_mean(*status, {"planned", "in_progress", "done"}) +
                      " (expected planned, in_progress or done)");
  }
}

void read_categories(ReadContext& ctx, Phase& phase, const YAML::Node& node,
                     const std::string& path) {
  if (!ctx.r.expect_map(node, path)) return;
  check_keys(ctx, node, path, "categories");
  bool complete = true;
  double sum = 0.0;
  std::vector<std::string> terms;
  for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
    const std::string name(category_name(static_cast<SpendingCategory>(c)));
    if (!NodeReader::has(node, name)) continue;
    const YAML::Node item = node[name];
    const std::string item_at = join_key(path, name);
    if (!ctx.r.expect_map(item, item_at)) {
      complete = false;
      continue;
    }
    check_keys(ctx, item, item_at, "category");
    CategorySplit split;
    if (ctx.r.require(item, "share", item_at)) {
      if (auto share = ctx.r.share(item["share"], join_key(item_at, "share"))) {
        split.share = *share;
      } else {
        complete = false;
      }
    } else {
      complete = false;
    }
    if (ctx.r.require(item, "local_share", item_at)) {
      split.local_share =
          ctx.r.share(item["local_share"], join_key(item_at, "local_share")).value_or(0.0);
    }
    phase.categories[c] = split;
    sum += split.share;
    terms.push_back(name + " " + format_number(split.share));
  }
  if (complete && std::abs(sum - 1.0) > kShareSumTolerance) {
    std::string detail;
    for (const auto& term : terms) detail += (detail.empty() ? "" : " + ") + term;
    ctx.r.error(ctx.r.mark(node), path + ": shares sum to " + format_number(sum) +
                                      (terms.empty() ? "" : " (" + detail + ")") +
                                      "; they must sum to 1");
  }
}

void read_spending(ReadContext& ctx, Phase& phase, const YAML::Node& node,
                   const std::string& path) {
  if (NodeReader::has(node, "capex_m")) {
    phase.capex_m = ctx.r.non_negative(node["capex_m"], join_key(path, "capex_m")).value_or(0.0);
    if (phase.capex_m > 0.0 && !NodeReader::has(node, "categories")) {
      ctx.r.invalid(node["capex_m"], join_key(path, "capex_m"),
                    "capex needs categories (the works, equipment and services shares)");
    }
  }
  if (NodeReader::has(node, "spending")) {
    const std::string spending_path = join_key(path, "spending");
    if (auto spending = ctx.r.text(node["spending"], spending_path)) {
      if (*spending == "uniform") {
        phase.spending = SpendingProfile::kUniform;
      } else if (*spending == "s-curve") {
        phase.spending = SpendingProfile::kSCurve;
      } else {
        ctx.r.invalid(node["spending"], spending_path,
                      "unknown spending profile" + did_you_mean(*spending, {"uniform", "s-curve"}) +
                          " (expected uniform or s-curve)");
      }
    }
  }
  if (NodeReader::has(node, "categories")) {
    read_categories(ctx, phase, node["categories"], join_key(path, "categories"));
  }
  if (NodeReader::has(node, "construction_jobs")) {
    phase.construction_jobs =
        ctx.r.non_negative(node["construction_jobs"], join_key(path, "construction_jobs"))
            .value_or(0.0);
  }
}

bool read_ramp_table(ReadContext& ctx, RampUp& ramp, const YAML::Node& node,
                     const std::string& path) {
  if (!ctx.r.expect_list(node, path)) return false;
  if (node.size() == 0) {
    ctx.r.invalid(node, path, "a ramp-up table needs at least one [time, share] point");
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node point = node[i];
    const std::string point_path = path + "[" + std::to_string(i) + "]";
    if (!point.IsSequence() || point.size() != 2) {
      ctx.r.invalid(point, point_path, "expected a point [time, share], e.g. [12 months, 0.5]");
      ok = false;
      continue;
    }
    auto time = ctx.r.duration(point[0], point_path + "[0]");
    auto share = ctx.r.share(point[1], point_path + "[1]");
    if (!time || !share) {
      ok = false;
      continue;
    }
    if (time->amount < 0.0) {
      ctx.r.invalid(point[0], point_path + "[0]", "a ramp-up time must not be negative");
      ok = false;
      continue;
    }
    if (!ramp.table.empty()) {
      const auto& [last_time, last_share] = ramp.table.back();
      if (last_time.is_calendar() != time->is_calendar()) {
        ctx.r.invalid(point, point_path,
                      "times mix day-based (days, weeks) and month-based (months, quarters, "
                      "years) units; use one family");
        ok = false;
      } else if (time->base_amount() <= last_time.base_amount()) {
        ctx.r.invalid(
            point, point_path,
            "times must increase (the previous point is at " + last_time.to_string() + ")");
        ok = false;
      } else if (*share < last_share) {
        ctx.r.invalid(point, point_path,
                      "shares must not decrease (the previous point is at " +
                          format_number(last_share) + ")");
        ok = false;
      }
    }
    ramp.table.emplace_back(*time, *share);
  }
  if (ok && std::abs(ramp.table.back().second - 1.0) > kShareSumTolerance) {
    const YAML::Node last = node[node.size() - 1];
    ctx.r.invalid(last, path + "[" + std::to_string(node.size() - 1) + "]",
                  "a ramp-up table must end at share 1 (full capacity)");
    ok = false;
  }
  return ok;
}

void read_ramp_up(ReadContext& ctx, Phase& phase, const YAML::Node& node, const std::string& path) {
  if (!ctx.r.expect_map(node, path)) return;
  check_keys(ctx, node, path, "ramp_up");
  RampUp ramp;
  std::optional<std::string> curve;
  if (NodeReader::has(node, "curve")) curve = ctx.r.text(node["curve"], join_key(path, "curve"));
  if (NodeReader::has(node, "table")) {
    ramp.curve = RampUp::Curve::kTable;
    if (curve && *curve != "table") {
      ctx.r.invalid(node["curve"], join_key(path, "curve"),
                    "a ramp-up with a table takes no curve");
    }
    if (NodeReader::has(node, "duration")) {
      ctx.r.invalid(node["duration"], join_key(path, "duration"),
                    "a ramp-up with a table takes no duration (its last time is its length)");
    }
    if (read_ramp_table(ctx, ramp, node["table"], join_key(path, "table"))) {
      phase.ramp_up = std::move(ramp);
    }
    return;
  }
  bool ok = true;
  if (ctx.r.require(node, "curve", path) && curve) {
    if (*curve == "linear") {
      ramp.curve = RampUp::Curve::kLinear;
    } else if (*curve == "s-curve") {
      ramp.curve = RampUp::Curve::kSCurve;
    } else {
      ok = false;
      ctx.r.invalid(node["curve"], join_key(path, "curve"),
                    "unknown ramp-up curve" + did_you_mean(*curve, {"linear", "s-curve"}) +
                        " (expected linear or s-curve, or give a table)");
    }
  }
  if (ctx.r.require(node, "duration", path)) {
    const std::string duration_path = join_key(path, "duration");
    if (auto d = ctx.r.duration_distribution(node["duration"], duration_path)) {
      // Every value the ramp-up can take must be >= 0: check the smallest one.
      const double lowest = d->values.kind == Distribution::Kind::kLognormal ? 1.0 : d->values.a;
      if (lowest < 0.0) {
        ok = false;
        ctx.r.invalid(node["duration"], duration_path,
                      d->values.is_fixed()
                          ? "a ramp-up duration must not be negative"
                          : "a ramp-up duration must not be negative (its minimum is)");
      } else {
        ramp.duration = d->mode();
        if (!d->values.is_fixed()) ramp.sampled = *d;
      }
    }
  }
  if (ok) phase.ramp_up = std::move(ramp);
}

void read_capacity(ReadContext& ctx, Project& p, Phase& phase, const YAML::Node& node,
                   const std::string& path) {
  std::optional<std::size_t> product;
  if (NodeReader::has(node, "product")) {
    product = find_product_or_report(ctx, p, node["product"], join_key(path, "product"));
    if (product) phase.product = p.products[*product].id;
  }
  if (NodeReader::has(node, "capacity")) {
    const YAML::Node capacity = node["capacity"];
    const std::string capacity_path = join_key(path, "capacity");
    const auto written = ctx.r.capacity(capacity, capacity_path);
    if (!product && !NodeReader::has(node, "product")) {
      if (p.products.size() == 1) {
        product = 0;
        phase.product = p.products[0].id;
      } else if (p.products.empty()) {
        ctx.r.invalid(capacity, capacity_path,
                      "a capacity needs a product, and project '" + p.id +
                          "' has none (declare it under products)");
      } else {
        std::vector<std::string> ids;
        for (const auto& pr : p.products) ids.push_back(pr.id);
        ctx.r.invalid(capacity, capacity_path,
                      "project '" + p.id + "' has several products (" + join_comma(ids) +
                          "); say which one with product");
      }
    }
    if (product && written) {
      if (auto value = capacity_for(ctx, p, *product, *written, capacity, capacity_path)) {
        phase.capacity_per_year = *value;
      }
    }
  }
  if (NodeReader::has(node, "ramp_up")) {
    read_ramp_up(ctx, phase, node["ramp_up"], join_key(path, "ramp_up"));
  }
}

}  // namespace

std::optional<DurationDistribution> read_phase_duration(NodeReader& r, const YAML::Node& node,
                                                        const std::string& path) {
  auto d = r.duration_distribution(node, path);
  if (!d) return std::nullopt;
  // Every value a phase can take must be positive: check the smallest one.
  const double lowest = d->values.kind == Distribution::Kind::kLognormal ? 1.0 : d->values.a;
  if (lowest <= 0.0) {
    r.invalid(node, path,
              d->values.is_fixed()
                  ? "a phase duration must be greater than zero"
                  : "a phase duration must be greater than zero (its minimum is not)");
    return std::nullopt;
  }
  return d;
}

void read_phase(ReadContext& ctx, Project& p, std::size_t project_index, const YAML::Node& node,
                const std::string& path, IdRegistry& activity_ids) {
  check_keys(ctx, node, path, "phase");
  Phase phase;
  phase.mark = ctx.r.mark(node);
  read_activity_id(ctx, phase, node, path, activity_ids);
  phase.calendar = read_calendar_ref(ctx, node, path);
  if (ctx.r.require(node, "duration", path)) {
    if (auto d = read_phase_duration(ctx.r, node["duration"], join_key(path, "duration"))) {
      phase.duration = *d;
    }
  }
  if (NodeReader::has(node, "not_before")) {
    phase.not_before = ctx.r.date(node["not_before"], join_key(path, "not_before"));
  }
  read_actual_dates(ctx, phase, node, path);
  read_spending(ctx, phase, node, path);
  read_capacity(ctx, p, phase, node, path);
  if (NodeReader::has(node, "permanent_jobs")) {
    phase.permanent_jobs =
        ctx.r.non_negative(node["permanent_jobs"], join_key(path, "permanent_jobs")).value_or(0.0);
  }
  if (NodeReader::has(node, "uses")) read_uses(ctx, phase, node["uses"], join_key(path, "uses"));
  if (NodeReader::has(node, "priority")) {
    const std::string at = join_key(path, "priority");
    if (auto priority = ctx.r.integer(node["priority"], at)) {
      if (*priority < -1000000 || *priority > 1000000) {
        ctx.r.invalid(node["priority"], at, "a priority is an integer in [-1000000, 1000000]");
      } else {
        phase.priority = static_cast<int>(*priority);
      }
    }
  }
  if (NodeReader::has(node, "correlated")) {
    phase.correlated =
        ctx.r.boolean(node["correlated"], join_key(path, "correlated")).value_or(false);
  }
  queue_dependencies(ctx, project_index, p.phases.size(), node, path);
  p.phases.push_back(std::move(phase));
}

void read_milestone(ReadContext& ctx, Project& p, std::size_t project_index, const YAML::Node& node,
                    const std::string& path, IdRegistry& activity_ids) {
  // `duration` is accepted as a key only to explain why a milestone has none.
  check_keys(ctx, node, path, "milestone");
  Phase milestone;
  milestone.is_milestone = true;
  milestone.duration = DurationDistribution::fixed(Duration{0.0, TimeUnit::kDays});
  milestone.spending = SpendingProfile::kUniform;
  milestone.mark = ctx.r.mark(node);
  read_activity_id(ctx, milestone, node, path, activity_ids);
  milestone.calendar = read_calendar_ref(ctx, node, path);
  const bool has_date = NodeReader::has(node, "date");
  if (has_date) milestone.fixed_date = ctx.r.date(node["date"], join_key(path, "date"));
  if (NodeReader::has(node, "not_before")) {
    milestone.not_before = ctx.r.date(node["not_before"], join_key(path, "not_before"));
    if (has_date) {
      ctx.r.invalid(node["not_before"], join_key(path, "not_before"),
                    "a milestone with a date takes no not_before");
    }
  }
  if (NodeReader::has(node, "target")) {
    // Monte Carlo's on-time share: a month is met by any of its days, so keep its last day.
    if (auto target = ctx.r.date(node["target"], join_key(path, "target"))) {
      const bool is_month = node["target"].Scalar().size() == 7;
      milestone.target_date = is_month ? target->add_months(1).add_days(-1) : *target;
    }
  }
  if (NodeReader::has(node, "duration")) {
    ctx.r.invalid(node["duration"], join_key(path, "duration"),
                  has_date ? "a milestone with a date cannot also have a duration (a milestone "
                             "takes no time; make it a phase)"
                           : "a milestone takes no time; make it a phase to give it a duration");
  }
  queue_dependencies(ctx, project_index, p.phases.size(), node, path);
  p.phases.push_back(std::move(milestone));
}

}  // namespace ripple::scenario_read

namespace ripple {

DurationDistribution phase_duration_from_yaml(const YAML::Node& node, const std::string& path,
                                              const ScenarioSources& sources) {
  DiagnosticSink sink;
  scenario_read::NodeReader reader(sources, sink);
  auto duration = scenario_read::read_phase_duration(reader, node, path);
  sink.throw_if_any();
  if (!duration) throw InputError(reader.mark(node), path + ": not a phase duration");
  return *duration;
}

}  // namespace ripple
