#include "ripple/scenario_reader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>
#include <utility>

#include "scenario/yaml_values.hpp"

namespace ripple {
namespace {

using scenario_yaml::Candidate;
using scenario_yaml::format_number;
using scenario_yaml::join_comma;
using scenario_yaml::join_key;
using scenario_yaml::join_or;
using scenario_yaml::nearest_names;
using scenario_yaml::NodeReader;
using scenario_yaml::suggestion;

constexpr double kShareSumTolerance = 1e-6;

// `list[id]` when the item has a text id, else `list[index]`: readable paths in messages.
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

// The ids of one list; reports an id used twice.
class IdRegistry {
 public:
  explicit IdRegistry(std::string what) : what_(std::move(what)) {}
  void add(NodeReader& reader, const std::string& id, const YAML::Node& node,
           const std::string& path) {
    const auto [it, inserted] = lines_.emplace(id, reader.mark(node).line);
    if (!inserted) {
      reader.invalid(
          node, path,
          "duplicate " + what_ + " id (first used on line " + std::to_string(it->second) + ")");
    }
  }

 private:
  std::string what_;
  std::map<std::string, int> lines_;
};

// " (did you mean 'x'?)" or "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& valid) {
  if (auto near = suggestion(word, valid)) return "; did you mean '" + *near + "'?";
  return "";
}

// Converts a YAML tree into a Scenario, reporting every problem to the reader's sink.
class ScenarioBuilder {
 public:
  ScenarioBuilder(const std::string& path, DiagnosticSink& sink) : r_(path, sink) {
    s_.path = path;
  }
  ScenarioBuilder(const ScenarioSources& sources, DiagnosticSink& sink) : r_(sources, sink) {
    s_.path = r_.file();
  }

  Scenario build(const YAML::Node& root) {
    if (!root.IsMap()) {
      const Mark start{r_.file(), 1, 1};
      if (!root.IsDefined() || root.IsNull()) {
        r_.error(start,
                 "the file is empty; a scenario needs the keys scenario, calendar and "
                 "projects");
      } else {
        r_.error(r_.mark_or(root, start),
                 "a scenario is a map with the keys scenario, calendar and projects");
      }
      return std::move(s_);
    }
    r_.check_keys(root, "",
                  {"scenario", "calendar", "economy", "projects", "dependencies", "risks",
                   "resources", "shocks", "correlation"});
    if (r_.require(root, "scenario", "")) read_header(root["scenario"]);
    if (r_.require(root, "calendar", "")) read_calendar(root["calendar"]);
    if (NodeReader::has(root, "economy")) read_economy(root["economy"]);
    if (NodeReader::has(root, "resources")) read_resources(root["resources"]);
    if (r_.require(root, "projects", "")) read_projects(root["projects"]);
    resolve_dependencies();
    if (NodeReader::has(root, "dependencies")) read_programme_dependencies(root["dependencies"]);
    if (NodeReader::has(root, "risks")) read_risks(root["risks"]);
    if (NodeReader::has(root, "shocks")) read_shocks(root["shocks"]);
    if (NodeReader::has(root, "correlation")) read_correlation(root["correlation"]);
    check_correlated_phases();
    return std::move(s_);
  }

 private:
  // A depends_on item, resolved once every project's activities are known.
  struct PendingDependency {
    std::size_t project = 0;
    std::size_t activity = 0;
    YAML::Node node;
    std::string path;
  };

  // ---- scenario, calendar, economy ----------------------------------------------------------

  void read_header(const YAML::Node& node) {
    const std::string path = "scenario";
    if (!r_.expect_map(node, path)) return;
    r_.check_keys(node, path, {"name", "as_of"});
    if (r_.require(node, "name", path)) {
      if (auto name = r_.text(node["name"], "scenario.name")) s_.name = *name;
    }
    if (r_.require(node, "as_of", path)) {
      as_of_ = r_.date(node["as_of"], "scenario.as_of");
      if (as_of_) s_.calendar.as_of = *as_of_;
    }
  }

  void read_calendar(const YAML::Node& node) {
    const std::string path = "calendar";
    if (!r_.expect_map(node, path)) return;
    r_.check_keys(node, path, {"start", "end", "period", "currency", "price_year", "seed"});
    Calendar& c = s_.calendar;
    std::optional<Date> start;
    std::optional<Date> end;
    if (r_.require(node, "start", path)) start = r_.date(node["start"], "calendar.start");
    if (r_.require(node, "end", path)) end = r_.date(node["end"], "calendar.end");
    if (start) c.start = *start;
    if (end) c.end = *end;
    if (start && end && *end <= *start) {
      r_.invalid(node["end"], "calendar.end",
                 "must be after calendar.start (" + start->to_string() + ")");
    }
    if (NodeReader::has(node, "period")) {
      if (auto period = r_.text(node["period"], "calendar.period")) {
        if (*period == "month") {
          c.period = Period::kMonth;
        } else if (*period == "quarter") {
          c.period = Period::kQuarter;
        } else if (*period == "year") {
          c.period = Period::kYear;
        } else {
          r_.invalid(node["period"], "calendar.period", "a period is month, quarter or year");
        }
      }
    }
    if (NodeReader::has(node, "currency")) {
      if (auto currency = r_.text(node["currency"], "calendar.currency")) {
        const bool ok =
            currency->size() == 3 && std::all_of(currency->begin(), currency->end(),
                                                 [](char ch) { return ch >= 'A' && ch <= 'Z'; });
        if (ok) {
          c.currency = *currency;
        } else {
          r_.invalid(node["currency"], "calendar.currency",
                     "a currency is a 3-letter upper-case code such as USD");
        }
      }
    }
    if (NodeReader::has(node, "price_year")) {
      if (auto year = r_.integer(node["price_year"], "calendar.price_year")) {
        if (*year < 1900 || *year > 2200) {
          r_.invalid(node["price_year"], "calendar.price_year",
                     "a price year must be in 1900..2200");
        } else {
          c.price_year = static_cast<int>(*year);
        }
      }
    }
    if (NodeReader::has(node, "seed")) {
      if (auto seed = r_.integer(node["seed"], "calendar.seed")) {
        if (*seed < 0) {
          r_.invalid(node["seed"], "calendar.seed", "a seed must not be negative");
        } else {
          c.seed = static_cast<unsigned long long>(*seed);
        }
      }
    }
  }

  void read_economy(const YAML::Node& node) {
    const std::string path = "economy";
    if (!r_.expect_map(node, path)) return;
    r_.check_keys(node, path, {"table", "flq_delta", "household_closure"});
    EconomyRef& e = s_.economy;
    e.mark = r_.mark(node);
    if (NodeReader::has(node, "table")) {
      if (auto table = r_.text(node["table"], "economy.table")) {
        const std::filesystem::path table_path(*table);
        const std::filesystem::path dir = std::filesystem::path(s_.path).parent_path();
        e.table_path = table_path.is_absolute() || dir.empty()
                           ? table_path.lexically_normal().string()
                           : (dir / table_path).lexically_normal().string();
      }
    }
    if (NodeReader::has(node, "flq_delta")) {
      if (auto delta = r_.number(node["flq_delta"], "economy.flq_delta")) {
        if (*delta < 0.0 || *delta >= 1.0) {
          r_.invalid(node["flq_delta"], "economy.flq_delta", "the FLQ delta must be in [0, 1)");
        } else {
          e.flq_delta = *delta;
        }
      }
    }
    if (NodeReader::has(node, "household_closure")) {
      if (auto closure = r_.boolean(node["household_closure"], "economy.household_closure")) {
        e.household_closure = *closure;
      }
    }
  }

  // ---- resources --------------------------------------------------------------------------------

  void read_resources(const YAML::Node& node) {
    if (!r_.expect_list(node, "resources")) return;
    IdRegistry ids("resource");
    for (std::size_t i = 0; i < node.size(); ++i) {
      const YAML::Node item = node[i];
      const std::string path = item_path("resources", item, i);
      if (!r_.expect_map(item, path)) continue;
      r_.check_keys(item, path, {"id", "name", "unit", "capacity"});
      Resource res;
      res.mark = r_.mark(item);
      if (r_.require(item, "id", path)) {
        if (auto id = r_.identifier(item["id"], join_key(path, "id"))) {
          res.id = *id;
          ids.add(r_, *id, item["id"], join_key(path, "id"));
        }
      }
      res.name = optional_text(item, "name", path).value_or(res.id);
      if (r_.require(item, "unit", path)) {
        if (auto unit = r_.text(item["unit"], join_key(path, "unit"))) res.unit = *unit;
      }
      if (r_.require(item, "capacity", path)) {
        if (auto capacity = r_.number(item["capacity"], join_key(path, "capacity"))) {
          if (*capacity < 0.0) {
            r_.invalid(item["capacity"], join_key(path, "capacity"),
                       "a resource capacity must not be negative");
          } else {
            res.capacity = *capacity;
          }
        }
      }
      s_.resources.push_back(std::move(res));
    }
  }

  // ---- projects ---------------------------------------------------------------------------------

  void read_projects(const YAML::Node& node) {
    if (!r_.expect_list(node, "projects")) return;
    if (node.size() == 0) {
      r_.invalid(node, "projects", "a scenario needs at least one project");
      return;
    }
    IdRegistry ids("project");
    for (std::size_t i = 0; i < node.size(); ++i) {
      const YAML::Node item = node[i];
      const std::string path = item_path("projects", item, i);
      if (!r_.expect_map(item, path)) continue;
      read_project(item, path, ids);
    }
  }

  void read_project(const YAML::Node& node, const std::string& path, IdRegistry& project_ids) {
    r_.check_keys(node, path,
                  {"id", "name", "region", "sector", "target", "products", "baseline", "phases",
                   "milestones"});
    Project p;
    p.mark = r_.mark(node);
    if (r_.require(node, "id", path)) {
      if (auto id = r_.identifier(node["id"], join_key(path, "id"))) {
        p.id = *id;
        project_ids.add(r_, *id, node["id"], join_key(path, "id"));
      }
    }
    p.name = optional_text(node, "name", path).value_or(p.id);
    if (r_.require(node, "region", path)) {
      p.region = r_.text(node["region"], join_key(path, "region")).value_or("");
    }
    if (r_.require(node, "sector", path)) {
      p.sector = r_.text(node["sector"], join_key(path, "sector")).value_or("");
    }
    if (NodeReader::has(node, "target"))
      p.target_date = r_.date(node["target"], join_key(path, "target"));
    if (NodeReader::has(node, "products"))
      read_products(p, node["products"], join_key(path, "products"));
    if (NodeReader::has(node, "baseline"))
      read_baseline(p, node["baseline"], join_key(path, "baseline"));

    const std::size_t project_index = s_.projects.size();
    IdRegistry activity_ids("activity");
    if (r_.require(node, "phases", path)) {
      const YAML::Node phases = node["phases"];
      const std::string phases_path = join_key(path, "phases");
      if (r_.expect_list(phases, phases_path)) {
        if (phases.size() == 0)
          r_.invalid(phases, phases_path, "a project needs at least one phase");
        for (std::size_t i = 0; i < phases.size(); ++i) {
          const YAML::Node item = phases[i];
          const std::string item_at = item_path(phases_path, item, i);
          if (!r_.expect_map(item, item_at)) continue;
          read_phase(p, project_index, item, item_at, activity_ids);
        }
      }
    }
    if (NodeReader::has(node, "milestones")) {
      const YAML::Node milestones = node["milestones"];
      const std::string milestones_path = join_key(path, "milestones");
      if (r_.expect_list(milestones, milestones_path)) {
        for (std::size_t i = 0; i < milestones.size(); ++i) {
          const YAML::Node item = milestones[i];
          const std::string item_at = item_path(milestones_path, item, i);
          if (!r_.expect_map(item, item_at)) continue;
          read_milestone(p, project_index, item, item_at, activity_ids);
        }
      }
    }
    s_.projects.push_back(std::move(p));
  }

  void read_products(Project& p, const YAML::Node& node, const std::string& path) {
    if (!r_.expect_list(node, path)) return;
    IdRegistry ids("product");
    for (std::size_t i = 0; i < node.size(); ++i) {
      const YAML::Node item = node[i];
      const std::string item_at = item_path(path, item, i);
      if (!r_.expect_map(item, item_at)) continue;
      r_.check_keys(item, item_at,
                    {"id", "name", "unit", "price_per_unit", "sector", "diverted_inputs"});
      Product product;
      product.mark = r_.mark(item);
      if (r_.require(item, "id", item_at)) {
        if (auto id = r_.identifier(item["id"], join_key(item_at, "id"))) {
          product.id = *id;
          ids.add(r_, *id, item["id"], join_key(item_at, "id"));
        }
      }
      product.name = optional_text(item, "name", item_at).value_or(product.id);
      if (r_.require(item, "unit", item_at)) {
        product.unit = r_.text(item["unit"], join_key(item_at, "unit")).value_or("");
      }
      if (r_.require(item, "price_per_unit", item_at)) {
        product.price_per_unit =
            r_.non_negative(item["price_per_unit"], join_key(item_at, "price_per_unit"))
                .value_or(0.0);
      }
      product.sector = optional_text(item, "sector", item_at).value_or(p.sector);
      if (NodeReader::has(item, "diverted_inputs")) {
        const std::string list_at = join_key(item_at, "diverted_inputs");
        const YAML::Node list = item["diverted_inputs"];
        if (r_.expect_list(list, list_at)) {
          for (std::size_t k = 0; k < list.size(); ++k) {
            if (auto sector = r_.identifier(list[k], list_at)) {
              product.diverted_inputs.push_back(*sector);
            }
          }
        }
      }
      p.products.push_back(std::move(product));
    }
  }

  void read_baseline(Project& p, const YAML::Node& node, const std::string& path) {
    if (!r_.expect_map(node, path)) return;
    r_.check_keys(node, path, {"permanent_jobs", "capacity"});
    Baseline baseline;
    if (NodeReader::has(node, "permanent_jobs")) {
      baseline.permanent_jobs =
          r_.non_negative(node["permanent_jobs"], join_key(path, "permanent_jobs")).value_or(0.0);
    }
    if (NodeReader::has(node, "capacity")) {
      const YAML::Node capacities = node["capacity"];
      const std::string capacity_path = join_key(path, "capacity");
      if (r_.expect_map(capacities, capacity_path)) {
        for (const auto& pair : capacities) {
          if (!pair.first.IsScalar()) {
            r_.error(r_.mark(pair.first), capacity_path + ": a key must be a product id");
            continue;
          }
          const std::string product_id = pair.first.Scalar();
          const std::string item_at = join_key(capacity_path, product_id);
          const auto index = find_product_or_report(p, pair.first, item_at);
          auto written = r_.capacity(pair.second, item_at);
          if (!index || !written) continue;
          if (auto value = capacity_for(p, *index, *written, pair.second, item_at)) {
            baseline.capacity_per_year[p.products[*index].id] = *value;
          }
        }
      }
    }
    p.baseline = std::move(baseline);
  }

  // ---- phases and milestones ----------------------------------------------------------------

  void read_phase(Project& p, std::size_t project_index, const YAML::Node& node,
                  const std::string& path, IdRegistry& activity_ids) {
    r_.check_keys(
        node, path,
        {"id", "name", "duration", "depends_on", "not_before", "actual_start", "actual_finish",
         "status", "capex_m", "spending", "categories", "construction_jobs", "product", "capacity",
         "ramp_up", "permanent_jobs", "uses", "correlated"});
    Phase phase;
    phase.mark = r_.mark(node);
    read_activity_id(phase, node, path, activity_ids);
    if (r_.require(node, "duration", path)) {
      const std::string duration_path = join_key(path, "duration");
      if (auto d = r_.duration_distribution(node["duration"], duration_path)) {
        // Every value a phase can take must be positive: check the smallest one.
        const double lowest = d->values.kind == Distribution::Kind::kLognormal ? 1.0 : d->values.a;
        if (lowest <= 0.0) {
          r_.invalid(node["duration"], duration_path,
                     d->values.is_fixed()
                         ? "a phase duration must be greater than zero"
                         : "a phase duration must be greater than zero (its minimum is not)");
        } else {
          phase.duration = *d;
        }
      }
    }
    if (NodeReader::has(node, "not_before")) {
      phase.not_before = r_.date(node["not_before"], join_key(path, "not_before"));
    }
    read_actual_dates(phase, node, path);
    read_spending(phase, node, path);
    read_capacity(p, phase, node, path);
    if (NodeReader::has(node, "permanent_jobs")) {
      phase.permanent_jobs =
          r_.non_negative(node["permanent_jobs"], join_key(path, "permanent_jobs")).value_or(0.0);
    }
    if (NodeReader::has(node, "uses")) read_uses(phase, node["uses"], join_key(path, "uses"));
    if (NodeReader::has(node, "correlated")) {
      phase.correlated =
          r_.boolean(node["correlated"], join_key(path, "correlated")).value_or(false);
    }
    queue_dependencies(project_index, p.phases.size(), node, path);
    p.phases.push_back(std::move(phase));
  }

  void read_milestone(Project& p, std::size_t project_index, const YAML::Node& node,
                      const std::string& path, IdRegistry& activity_ids) {
    // `duration` is accepted as a key only to explain why a milestone has none.
    r_.check_keys(node, path, {"id", "name", "date", "not_before", "depends_on", "duration"});
    Phase milestone;
    milestone.is_milestone = true;
    milestone.duration = DurationDistribution::fixed(Duration{0.0, TimeUnit::kDays});
    milestone.spending = SpendingProfile::kUniform;
    milestone.mark = r_.mark(node);
    read_activity_id(milestone, node, path, activity_ids);
    const bool has_date = NodeReader::has(node, "date");
    if (has_date) milestone.fixed_date = r_.date(node["date"], join_key(path, "date"));
    if (NodeReader::has(node, "not_before")) {
      milestone.not_before = r_.date(node["not_before"], join_key(path, "not_before"));
      if (has_date) {
        r_.invalid(node["not_before"], join_key(path, "not_before"),
                   "a milestone with a date takes no not_before");
      }
    }
    if (NodeReader::has(node, "duration")) {
      r_.invalid(node["duration"], join_key(path, "duration"),
                 has_date ? "a milestone with a date cannot also have a duration (a milestone "
                            "takes no time; make it a phase)"
                          : "a milestone takes no time; make it a phase to give it a duration");
    }
    queue_dependencies(project_index, p.phases.size(), node, path);
    p.phases.push_back(std::move(milestone));
  }

  void read_activity_id(Phase& phase, const YAML::Node& node, const std::string& path,
                        IdRegistry& activity_ids) {
    if (r_.require(node, "id", path)) {
      if (auto id = r_.identifier(node["id"], join_key(path, "id"))) {
        phase.id = *id;
        activity_ids.add(r_, *id, node["id"], join_key(path, "id"));
      }
    }
    phase.name = optional_text(node, "name", path).value_or(phase.id);
  }

  void read_actual_dates(Phase& phase, const YAML::Node& node, const std::string& path) {
    const std::string start_path = join_key(path, "actual_start");
    const std::string finish_path = join_key(path, "actual_finish");
    const bool has_start = NodeReader::has(node, "actual_start");
    const bool has_finish = NodeReader::has(node, "actual_finish");
    if (has_start) phase.actual_start = r_.date(node["actual_start"], start_path);
    if (has_finish) phase.actual_finish = r_.date(node["actual_finish"], finish_path);
    if (has_finish && !has_start) {
      r_.invalid(node["actual_finish"], finish_path,
                 "actual_finish needs actual_start (a phase finishes after it starts)");
    }
    if (phase.actual_start && phase.actual_finish && *phase.actual_finish < *phase.actual_start) {
      r_.invalid(node["actual_finish"], finish_path,
                 "must not be before actual_start (" + phase.actual_start->to_string() + ")");
    }
    if (as_of_) {
      const std::string rule =
          "is after scenario.as_of (" + as_of_->to_string() + "); actual dates are on or before it";
      if (phase.actual_start && *phase.actual_start > *as_of_) {
        r_.invalid(node["actual_start"], start_path, rule);
      }
      if (phase.actual_finish && *phase.actual_finish > *as_of_) {
        r_.invalid(node["actual_finish"], finish_path, rule);
      }
    }
    if (!NodeReader::has(node, "status")) return;
    const YAML::Node status_node = node["status"];
    const std::string status_path = join_key(path, "status");
    const auto status = r_.text(status_node, status_path);
    if (!status) return;
    if (*status == "planned") {
      if (has_start) {
        r_.invalid(status_node, status_path, "a planned phase has no actual_start");
      }
    } else if (*status == "in_progress") {
      if (!has_start || has_finish) {
        r_.invalid(status_node, status_path,
                   "a phase in progress has actual_start and no actual_finish");
      }
    } else if (*status == "done") {
      if (!has_start || !has_finish) {
        r_.invalid(status_node, status_path, "a done phase needs actual_start and actual_finish");
      }
    } else {
      r_.invalid(status_node, status_path,
                 "unknown status" + did_you_mean(*status, {"planned", "in_progress", "done"}) +
                     " (expected planned, in_progress or done)");
    }
  }

  void read_spending(Phase& phase, const YAML::Node& node, const std::string& path) {
    if (NodeReader::has(node, "capex_m")) {
      phase.capex_m = r_.non_negative(node["capex_m"], join_key(path, "capex_m")).value_or(0.0);
      if (phase.capex_m > 0.0 && !NodeReader::has(node, "categories")) {
        r_.invalid(node["capex_m"], join_key(path, "capex_m"),
                   "capex needs categories (the works, equipment and services shares)");
      }
    }
    if (NodeReader::has(node, "spending")) {
      const std::string spending_path = join_key(path, "spending");
      if (auto spending = r_.text(node["spending"], spending_path)) {
        if (*spending == "uniform") {
          phase.spending = SpendingProfile::kUniform;
        } else if (*spending == "s-curve") {
          phase.spending = SpendingProfile::kSCurve;
        } else {
          r_.invalid(node["spending"], spending_path,
                     "unknown spending profile" + did_you_mean(*spending, {"uniform", "s-curve"}) +
                         " (expected uniform or s-curve)");
        }
      }
    }
    if (NodeReader::has(node, "categories")) {
      read_categories(phase, node["categories"], join_key(path, "categories"));
    }
    if (NodeReader::has(node, "construction_jobs")) {
      phase.construction_jobs =
          r_.non_negative(node["construction_jobs"], join_key(path, "construction_jobs"))
              .value_or(0.0);
    }
  }

  void read_categories(Phase& phase, const YAML::Node& node, const std::string& path) {
    if (!r_.expect_map(node, path)) return;
    r_.check_keys(node, path, {"works", "equipment", "services"});
    bool complete = true;
    double sum = 0.0;
    std::vector<std::string> terms;
    for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
      const std::string name(category_name(static_cast<SpendingCategory>(c)));
      if (!NodeReader::has(node, name)) continue;
      const YAML::Node item = node[name];
      const std::string item_at = join_key(path, name);
      if (!r_.expect_map(item, item_at)) {
        complete = false;
        continue;
      }
      r_.check_keys(item, item_at, {"share", "local_share"});
      CategorySplit split;
      if (r_.require(item, "share", item_at)) {
        if (auto share = r_.share(item["share"], join_key(item_at, "share"))) {
          split.share = *share;
        } else {
          complete = false;
        }
      } else {
        complete = false;
      }
      if (r_.require(item, "local_share", item_at)) {
        split.local_share =
            r_.share(item["local_share"], join_key(item_at, "local_share")).value_or(0.0);
      }
      phase.categories[c] = split;
      sum += split.share;
      terms.push_back(name + " " + format_number(split.share));
    }
    if (complete && std::abs(sum - 1.0) > kShareSumTolerance) {
      std::string detail;
      for (const auto& term : terms) detail += (detail.empty() ? "" : " + ") + term;
      r_.error(r_.mark(node), path + ": shares sum to " + format_number(sum) +
                                  (terms.empty() ? "" : " (" + detail + ")") +
                                  "; they must sum to 1");
    }
  }

  void read_capacity(Project& p, Phase& phase, const YAML::Node& node, const std::string& path) {
    std::optional<std::size_t> product;
    if (NodeReader::has(node, "product")) {
      product = find_product_or_report(p, node["product"], join_key(path, "product"));
      if (product) phase.product = p.products[*product].id;
    }
    if (NodeReader::has(node, "capacity")) {
      const YAML::Node capacity = node["capacity"];
      const std::string capacity_path = join_key(path, "capacity");
      const auto written = r_.capacity(capacity, capacity_path);
      if (!product && !NodeReader::has(node, "product")) {
        if (p.products.size() == 1) {
          product = 0;
          phase.product = p.products[0].id;
        } else if (p.products.empty()) {
          r_.invalid(capacity, capacity_path,
                     "a capacity needs a product, and project '" + p.id +
                         "' has none (declare it under products)");
        } else {
          std::vector<std::string> ids;
          for (const auto& pr : p.products) ids.push_back(pr.id);
          r_.invalid(capacity, capacity_path,
                     "project '" + p.id + "' has several products (" + join_comma(ids) +
                         "); say which one with product");
        }
      }
      if (product && written) {
        if (auto value = capacity_for(p, *product, *written, capacity, capacity_path)) {
          phase.capacity_per_year = *value;
        }
      }
    }
    if (NodeReader::has(node, "ramp_up")) {
      read_ramp_up(phase, node["ramp_up"], join_key(path, "ramp_up"));
    }
  }

  void read_ramp_up(Phase& phase, const YAML::Node& node, const std::string& path) {
    if (!r_.expect_map(node, path)) return;
    r_.check_keys(node, path, {"curve", "duration", "table"});
    RampUp ramp;
    std::optional<std::string> curve;
    if (NodeReader::has(node, "curve")) curve = r_.text(node["curve"], join_key(path, "curve"));
    if (NodeReader::has(node, "table")) {
      ramp.curve = RampUp::Curve::kTable;
      if (curve && *curve != "table") {
        r_.invalid(node["curve"], join_key(path, "curve"), "a ramp-up with a table takes no curve");
      }
      if (NodeReader::has(node, "duration")) {
        r_.invalid(node["duration"], join_key(path, "duration"),
                   "a ramp-up with a table takes no duration (its last time is its length)");
      }
      if (read_ramp_table(ramp, node["table"], join_key(path, "table"))) {
        phase.ramp_up = std::move(ramp);
      }
      return;
    }
    bool ok = true;
    if (r_.require(node, "curve", path) && curve) {
      if (*curve == "linear") {
        ramp.curve = RampUp::Curve::kLinear;
      } else if (*curve == "s-curve") {
        ramp.curve = RampUp::Curve::kSCurve;
      } else {
        ok = false;
        r_.invalid(node["curve"], join_key(path, "curve"),
                   "unknown ramp-up curve" + did_you_mean(*curve, {"linear", "s-curve"}) +
                       " (expected linear or s-curve, or give a table)");
      }
    }
    if (r_.require(node, "duration", path)) {
      const std::string duration_path = join_key(path, "duration");
      if (auto d = r_.duration(node["duration"], duration_path)) {
        if (d->amount < 0.0) {
          ok = false;
          r_.invalid(node["duration"], duration_path, "a ramp-up duration must not be negative");
        } else {
          ramp.duration = *d;
        }
      }
    }
    if (ok) phase.ramp_up = std::move(ramp);
  }

  bool read_ramp_table(RampUp& ramp, const YAML::Node& node, const std::string& path) {
    if (!r_.expect_list(node, path)) return false;
    if (node.size() == 0) {
      r_.invalid(node, path, "a ramp-up table needs at least one [time, share] point");
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const YAML::Node point = node[i];
      const std::string point_path = path + "[" + std::to_string(i) + "]";
      if (!point.IsSequence() || point.size() != 2) {
        r_.invalid(point, point_path, "expected a point [time, share], e.g. [12 months, 0.5]");
        ok = false;
        continue;
      }
      auto time = r_.duration(point[0], point_path + "[0]");
      auto share = r_.share(point[1], point_path + "[1]");
      if (!time || !share) {
        ok = false;
        continue;
      }
      if (time->amount < 0.0) {
        r_.invalid(point[0], point_path + "[0]", "a ramp-up time must not be negative");
        ok = false;
        continue;
      }
      if (!ramp.table.empty()) {
        const auto& [last_time, last_share] = ramp.table.back();
        if (last_time.is_calendar() != time->is_calendar()) {
          r_.invalid(point, point_path,
                     "times mix day-based (days, weeks) and month-based (months, quarters, "
                     "years) units; use one family");
          ok = false;
        } else if (time->base_amount() <= last_time.base_amount()) {
          r_.invalid(
              point, point_path,
              "times must increase (the previous point is at " + last_time.to_string() + ")");
          ok = false;
        } else if (*share < last_share) {
          r_.invalid(point, point_path,
                     "shares must not decrease (the previous point is at " +
                         format_number(last_share) + ")");
          ok = false;
        }
      }
      ramp.table.emplace_back(*time, *share);
    }
    if (ok && std::abs(ramp.table.back().second - 1.0) > kShareSumTolerance) {
      const YAML::Node last = node[node.size() - 1];
      r_.invalid(last, path + "[" + std::to_string(node.size() - 1) + "]",
                 "a ramp-up table must end at share 1 (full capacity)");
      ok = false;
    }
    return ok;
  }

  void read_uses(Phase& phase, const YAML::Node& node, const std::string& path) {
    if (!r_.expect_map(node, path)) return;
    for (const auto& pair : node) {
      if (!pair.first.IsScalar()) {
        r_.error(r_.mark(pair.first), path + ": a key must be a resource id");
        continue;
      }
      const std::string id = pair.first.Scalar();
      const std::string item_at = join_key(path, id);
      const auto amount = r_.non_negative(pair.second, item_at);
      const auto it = std::find_if(s_.resources.begin(), s_.resources.end(),
                                   [&](const Resource& res) { return res.id == id; });
      if (it == s_.resources.end()) {
        std::vector<Candidate> candidates;
        for (const auto& res : s_.resources) candidates.push_back({res.id, res.id, 0});
        r_.error(r_.mark(pair.first),
                 item_at + ": unknown resource" +
                     (candidates.empty()
                          ? std::string("; the scenario declares no resources")
                          : "; nearest valid names: " + join_comma(nearest_names(id, candidates))));
        continue;
      }
      if (!amount) continue;
      if (*amount > it->capacity) {
        r_.invalid(pair.second, item_at,
                   "more than the resource's whole capacity (" + format_number(it->capacity) + " " +
                       it->unit + "); the phase could never start");
        continue;
      }
      phase.resource_use[id] = *amount;
    }
  }

  // ---- products and capacities --------------------------------------------------------------

  std::optional<std::size_t> find_product_or_report(const Project& p, const YAML::Node& node,
                                                    const std::string& path) {
    const auto id = r_.text(node, path);
    if (!id) return std::nullopt;
    if (auto index = p.find_product(*id)) return index;
    if (p.products.empty()) {
      r_.invalid(node, path, "unknown product; project '" + p.id + "' declares no products");
      return std::nullopt;
    }
    std::vector<Candidate> candidates;
    for (const auto& pr : p.products) candidates.push_back({pr.id, pr.id, 0});
    r_.invalid(node, path,
               "unknown product of project '" + p.id +
                   "'; nearest valid names: " + join_comma(nearest_names(*id, candidates)));
    return std::nullopt;
  }

  std::optional<double> capacity_for(const Project& p, std::size_t product,
                                     const scenario_yaml::WrittenCapacity& written,
                                     const YAML::Node& node, const std::string& path) {
    const Product& pr = p.products[product];
    if (auto value = scenario_yaml::capacity_in_unit(written, pr.unit)) return value;
    r_.invalid(node, path,
               "unit '" + written.unit + "' does not match the unit of product '" + pr.id +
                   "' (expected " + pr.unit + "/yr, optionally prefixed by k, M or bn, e.g. " +
                   "'300 k" + pr.unit + "/yr')");
    return std::nullopt;
  }

  // ---- dependencies -------------------------------------------------------------------------

  void queue_dependencies(std::size_t project, std::size_t activity, const YAML::Node& node,
                          const std::string& path) {
    if (!NodeReader::has(node, "depends_on")) return;
    const YAML::Node list = node["depends_on"];
    const std::string list_path = join_key(path, "depends_on");
    if (!r_.expect_list(list, list_path)) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      pending_.push_back({project, activity, list[i], list_path + "[" + std::to_string(i) + "]"});
    }
  }

  // Resolves `project.activity`, or when `local` is set also a bare id of that project.
  std::optional<ActivityRef> resolve_activity(const YAML::Node& node, const std::string& path,
                                              std::optional<std::size_t> local) {
    const auto name = r_.text(node, path);
    if (!name) return std::nullopt;
    const auto dot = name->find('.');
    std::vector<Candidate> candidates;
    if (dot == std::string::npos) {
      if (!local) {
        r_.invalid(node, path, "expected project.activity (a project id and an activity id)");
        return std::nullopt;
      }
      const Project& p = s_.projects[*local];
      if (auto index = p.find_phase(*name)) return ActivityRef{*local, *index};
      for (const auto& ph : p.phases) {
        if (!ph.id.empty()) candidates.push_back({ph.id, ph.id, 0});
      }
      for (std::size_t q = 0; q < s_.projects.size(); ++q) {
        if (q == *local || s_.projects[q].id.empty()) continue;
        for (const auto& ph : s_.projects[q].phases) {
          if (!ph.id.empty()) candidates.push_back({s_.projects[q].id + "." + ph.id, ph.id, 1});
        }
      }
    } else {
      const std::string project_id = name->substr(0, dot);
      const std::string activity_id = name->substr(dot + 1);
      if (auto q = s_.find_project(project_id)) {
        if (auto index = s_.projects[*q].find_phase(activity_id)) return ActivityRef{*q, *index};
      }
      for (const auto& p : s_.projects) {
        if (p.id.empty()) continue;
        for (const auto& ph : p.phases) {
          if (!ph.id.empty()) {
            const std::string full = p.id + "." + ph.id;
            candidates.push_back({full, full, 0});
          }
        }
      }
    }
    std::string rule = "unknown activity";
    if (dot != std::string::npos && !s_.find_project(name->substr(0, dot))) {
      rule += " (no project '" + name->substr(0, dot) + "')";
    }
    if (!candidates.empty()) {
      rule += "; nearest valid names: " + join_comma(nearest_names(*name, candidates));
    }
    r_.invalid(node, path, rule);
    return std::nullopt;
  }

  std::optional<std::size_t> resolve_project(const YAML::Node& node, const std::string& path) {
    const auto id = r_.text(node, path);
    if (!id) return std::nullopt;
    if (auto index = s_.find_project(*id)) return index;
    std::vector<Candidate> candidates;
    for (const auto& p : s_.projects) {
      if (!p.id.empty()) candidates.push_back({p.id, p.id, 0});
    }
    r_.invalid(node, path,
               "unknown project" +
                   (candidates.empty()
                        ? std::string()
                        : "; nearest valid names: " + join_comma(nearest_names(*id, candidates))));
    return std::nullopt;
  }

  std::optional<DependencyType> dependency_type(const YAML::Node& node, const std::string& path) {
    const auto text = r_.text(node, path);
    if (!text) return std::nullopt;
    if (*text == "FS") return DependencyType::kFinishToStart;
    if (*text == "SS") return DependencyType::kStartToStart;
    if (*text == "FF") return DependencyType::kFinishToFinish;
    if (*text == "SF") return DependencyType::kStartToFinish;
    r_.invalid(node, path, "unknown dependency type (expected FS, SS, FF or SF)");
    return std::nullopt;
  }

  // Reads `type` and `lag` of a dependency map into `dep`; false on a problem.
  bool read_type_and_lag(Dependency& dep, const YAML::Node& node, const std::string& path) {
    bool ok = true;
    if (NodeReader::has(node, "type")) {
      if (auto type = dependency_type(node["type"], join_key(path, "type"))) {
        dep.type = *type;
      } else {
        ok = false;
      }
    }
    if (NodeReader::has(node, "lag")) {
      if (auto lag = r_.duration(node["lag"], join_key(path, "lag"))) {
        dep.lag = *lag;
      } else {
        ok = false;
      }
    }
    return ok;
  }

  void add_dependency(ActivityRef to, ActivityRef from, Dependency dep, const YAML::Node& node,
                      const std::string& path) {
    if (to == from) {
      r_.invalid(node, path, "an activity cannot depend on itself");
      return;
    }
    dep.predecessor = from;
    s_.projects[to.project].phases[to.activity].dependencies.push_back(std::move(dep));
  }

  void resolve_dependencies() {
    for (const auto& pending : pending_) {
      const YAML::Node& item = pending.node;
      Dependency dep;
      dep.mark = r_.mark(item);
      YAML::Node on = item;
      std::string on_path = pending.path;
      if (item.IsMap()) {
        r_.check_keys(item, pending.path, {"on", "type", "lag"});
        const bool ok = read_type_and_lag(dep, item, pending.path);
        if (!r_.require(item, "on", pending.path) || !ok) continue;
        on = item["on"];
        on_path = join_key(pending.path, "on");
      } else if (!item.IsScalar()) {
        r_.invalid(item, pending.path,
                   "expected an activity id or a map {on: id, type: FS, lag: 0 days}");
        continue;
      }
      if (pending.project >= s_.projects.size()) continue;
      const auto from = resolve_activity(on, on_path, pending.project);
      if (!from) continue;
      add_dependency({pending.project, pending.activity}, *from, std::move(dep), on, on_path);
    }
  }

  void read_programme_dependencies(const YAML::Node& node) {
    if (!r_.expect_list(node, "dependencies")) return;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const YAML::Node item = node[i];
      const std::string path = "dependencies[" + std::to_string(i) + "]";
      if (!r_.expect_map(item, path)) continue;
      r_.check_keys(item, path, {"from", "to", "type", "lag"});
      Dependency dep;
      dep.mark = r_.mark(item);
      const bool ok = read_type_and_lag(dep, item, path);
      std::optional<ActivityRef> from;
      std::optional<ActivityRef> to;
      if (r_.require(item, "from", path)) {
        from = resolve_activity(item["from"], join_key(path, "from"), std::nullopt);
      }
      if (r_.require(item, "to", path)) {
        to = resolve_activity(item["to"], join_key(path, "to"), std::nullopt);
      }
      if (!ok || !from || !to) continue;
      add_dependency(*to, *from, std::move(dep), item["to"], join_key(path, "to"));
    }
  }

  // ---- Monte Carlo correlation --------------------------------------------------------------

  void read_correlation(const YAML::Node& node) {
    const std::string path = "correlation";
    if (!r_.expect_map(node, path)) return;
    r_.check_keys(node, path, {"factor", "multiplier"});
    Correlation correlation;
    correlation.mark = r_.mark(node);
    bool ok = true;
    if (r_.require(node, "factor", path)) {
      const auto id = r_.identifier(node["factor"], join_key(path, "factor"));
      ok = ok && id.has_value();
      correlation.factor = id.value_or("");
    } else {
      ok = false;
    }
    if (r_.require(node, "multiplier", path)) {
      const std::string m_path = join_key(path, "multiplier");
      if (auto multiplier = r_.number_distribution(node["multiplier"], m_path)) {
        const double lowest =
            multiplier->kind == Distribution::Kind::kLognormal ? 1.0 : multiplier->a;
        if (lowest <= 0.0) {
          r_.invalid(node["multiplier"], m_path, "a duration multiplier must be greater than zero");
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
    if (ok) s_.correlation = std::move(correlation);
    has_correlation_block_ = true;
  }

  // `correlated: true` needs the programme's correlation factor.
  void check_correlated_phases() {
    if (has_correlation_block_) return;
    for (const Project& project : s_.projects) {
      for (const Phase& phase : project.phases) {
        if (phase.correlated) {
          r_.error(phase.mark, "projects[" + project.id + "].phases[" + phase.id +
                                   "].correlated = true: the scenario has no `correlation` "
                                   "(factor and multiplier) for it to follow");
        }
      }
    }
  }

  // ---- risks and shocks ---------------------------------------------------------------------

  void read_risks(const YAML::Node& node) {
    if (!r_.expect_list(node, "risks")) return;
    IdRegistry ids("risk");
    for (std::size_t i = 0; i < node.size(); ++i) {
      const YAML::Node item = node[i];
      const std::string path = item_path("risks", item, i);
      if (!r_.expect_map(item, path)) continue;
      r_.check_keys(item, path, {"id", "name", "phase", "probability", "delay", "cost_m"});
      Risk risk;
      risk.mark = r_.mark(item);
      if (r_.require(item, "id", path)) {
        if (auto id = r_.identifier(item["id"], join_key(path, "id"))) {
          risk.id = *id;
          ids.add(r_, *id, item["id"], join_key(path, "id"));
        }
      }
      risk.name = optional_text(item, "name", path).value_or(risk.id);
      if (r_.require(item, "phase", path)) {
        if (auto ref = resolve_activity(item["phase"], join_key(path, "phase"), std::nullopt)) {
          risk.phase = *ref;
        }
      }
      if (r_.require(item, "probability", path)) {
        const std::string p_path = join_key(path, "probability");
        if (auto probability = r_.number(item["probability"], p_path)) {
          if (*probability < 0.0 || *probability > 1.0) {
            r_.invalid(item["probability"], p_path, "a probability must be in [0, 1]");
          } else {
            risk.probability = *probability;
          }
        }
      }
      const bool has_delay = NodeReader::has(item, "delay");
      const bool has_cost = NodeReader::has(item, "cost_m");
      if (has_delay) {
        const std::string delay_path = join_key(path, "delay");
        if (auto delay = r_.duration_distribution(item["delay"], delay_path)) {
          const double lowest =
              delay->values.kind == Distribution::Kind::kLognormal ? 0.0 : delay->values.a;
          if (lowest < 0.0) {
            r_.invalid(item["delay"], delay_path, "a risk delay must not be negative");
          } else {
            risk.delay = *delay;
          }
        }
      }
      if (has_cost) risk.cost_m = r_.number_distribution(item["cost_m"], join_key(path, "cost_m"));
      if (!has_delay && !has_cost) {
        r_.error(risk.mark, path + ": a risk needs a delay, a cost_m or both");
      }
      s_.risks.push_back(std::move(risk));
    }
  }

  void read_shocks(const YAML::Node& node) {
    if (!r_.expect_list(node, "shocks")) return;
    IdRegistry ids("shock");
    for (std::size_t i = 0; i < node.size(); ++i) {
      const YAML::Node item = node[i];
      const std::string path = item_path("shocks", item, i);
      if (!r_.expect_map(item, path)) continue;
      read_shock(item, path, ids);
    }
  }

  void read_shock(const YAML::Node& item, const std::string& path, IdRegistry& ids) {
    r_.check_keys(item, path, {"id", "type", "date", "phase", "by", "project", "until", "share"});
    Shock shock;
    shock.mark = r_.mark(item);
    bool ok = true;
    if (r_.require(item, "id", path)) {
      if (auto id = r_.identifier(item["id"], join_key(path, "id"))) {
        shock.id = *id;
        ids.add(r_, *id, item["id"], join_key(path, "id"));
      }
    }
    std::optional<Date> date;
    if (r_.require(item, "date", path)) date = r_.date(item["date"], join_key(path, "date"));
    if (date) shock.date = *date;
    if (!r_.require(item, "type", path)) return;
    const std::string type_path = join_key(path, "type");
    const auto type = r_.text(item["type"], type_path);
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
      r_.invalid(item["type"], type_path,
                 "unknown shock type" + did_you_mean(*type, {"delay", "stop", "capacity_cut"}) +
                     " (expected delay, stop or capacity_cut)");
      return;
    }
    for (const std::string key : {"phase", "by", "project", "until", "share"}) {
      if (NodeReader::has(item, key) && std::find(keys.begin(), keys.end(), key) == keys.end()) {
        r_.invalid(item[key], join_key(path, key),
                   "a " + *type + " shock takes no " + key + " (it takes id, type, date, " +
                       join_comma(keys) + ")");
        ok = false;
      }
    }
    if (shock.kind == Shock::Kind::kDelay) {
      if (r_.require(item, "phase", path)) {
        if (auto ref = resolve_activity(item["phase"], join_key(path, "phase"), std::nullopt)) {
          shock.project = ref->project;
          shock.phase = ref->activity;
        } else {
          ok = false;
        }
      }
      if (r_.require(item, "by", path)) {
        const std::string by_path = join_key(path, "by");
        if (auto by = r_.duration(item["by"], by_path)) {
          if (by->amount <= 0.0) {
            r_.invalid(item["by"], by_path, "a delay must be greater than zero");
            ok = false;
          } else {
            shock.delay = *by;
          }
        }
      }
    } else {
      if (r_.require(item, "project", path)) {
        if (auto project = resolve_project(item["project"], join_key(path, "project"))) {
          shock.project = *project;
        } else {
          ok = false;
        }
      }
      if (shock.kind == Shock::Kind::kCapacityCut && r_.require(item, "share", path)) {
        const std::string share_path = join_key(path, "share");
        if (auto share = r_.number(item["share"], share_path)) {
          if (*share <= 0.0 || *share > 1.0) {
            r_.invalid(item["share"], share_path, "a cut share must be in (0, 1]");
            ok = false;
          } else {
            shock.cut_share = *share;
          }
        }
      }
      const bool needs_until = shock.kind == Shock::Kind::kStop;
      if (needs_until ? r_.require(item, "until", path) : NodeReader::has(item, "until")) {
        const std::string until_path = join_key(path, "until");
        shock.until = r_.date(item["until"], until_path);
        if (shock.until && date && *shock.until <= *date) {
          r_.invalid(item["until"], until_path,
                     "must be after the shock's date (" + date->to_string() + ")");
          ok = false;
        }
      }
    }
    if (ok) s_.shocks.push_back(std::move(shock));
  }

  // ---- helpers --------------------------------------------------------------------------------

  std::optional<std::string> optional_text(const YAML::Node& map, std::string_view key,
                                           const std::string& path) {
    if (!NodeReader::has(map, key)) return std::nullopt;
    return r_.text(map[std::string(key)], join_key(path, key));
  }

  NodeReader r_;
  Scenario s_;
  std::optional<Date> as_of_;
  bool has_correlation_block_ = false;
  std::vector<PendingDependency> pending_;
};

}  // namespace

YAML::Node read_scenario_yaml(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw RuntimeError("cannot read scenario '" + path + "': it is a directory");
  }
  std::ifstream in(path);
  if (!in) throw RuntimeError("cannot open scenario '" + path + "'");
  try {
    return YAML::Load(in);
  } catch (const YAML::ParserException& e) {
    throw InputError(Mark{path, e.mark.line + 1, e.mark.column + 1}, "YAML syntax: " + e.msg);
  }
}

namespace {

// Throws every diagnostic collected, the base file's first, each file's in position order.
void throw_sorted(const DiagnosticSink& sink, const std::string& base) {
  std::vector<Diagnostic> diagnostics = sink.diagnostics();
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(a.mark.file != base, a.mark.file, a.mark.line, a.mark.column) <
               std::tuple(b.mark.file != base, b.mark.file, b.mark.line, b.mark.column);
      });
  throw InputError(std::move(diagnostics));
}

}  // namespace

Scenario scenario_from_yaml(const YAML::Node& root, const std::string& path) {
  DiagnosticSink sink;
  Scenario scenario = ScenarioBuilder(path, sink).build(root);
  if (!sink.empty()) throw_sorted(sink, path);
  return scenario;
}

Scenario scenario_from_yaml(const YAML::Node& root, const ScenarioSources& sources) {
  DiagnosticSink sink;
  Scenario scenario = ScenarioBuilder(sources, sink).build(root);
  if (!sink.empty()) throw_sorted(sink, scenario.path);
  return scenario;
}

Scenario load_scenario(const std::string& path) {
  return scenario_from_yaml(read_scenario_yaml(path), path);
}

}  // namespace ripple
