#include "ripple/sweep.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>

#include "ripple/economy_link.hpp"
#include "ripple/ledger.hpp"
#include "ripple/plan.hpp"
#include "ripple/rollout.hpp"
#include "ripple/run_report.hpp"
#include "ripple/scenario_reader.hpp"
#include "ripple/summary.hpp"
#include "ripple/text_table.hpp"
#include "ripple/version.hpp"
#include "scenario/yaml_values.hpp"

namespace ripple {
namespace {

// Concatenation by append (GCC 12 warns falsely on "literal" + std::string in Release).
template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::string text;
  (text.append(parts), ...);
  return text;
}

constexpr std::uint64_t kMaxAxisValues = 100'000'000;
constexpr std::uint64_t kMaxPoints = std::uint64_t{1} << 53;

// The TOTAL columns of summary.csv (run_report.cpp), without project and region.
constexpr const char* kTotalColumns =
    "commissioning,full_capacity,capex,peak_construction_jobs,permanent_jobs,indirect_jobs,"
    "induced_jobs,job_years_direct,job_years_indirect,job_years_induced,indirect_jobs_host,"
    "indirect_jobs_rest,induced_jobs_host,induced_jobs_rest,output,value_added";
constexpr std::size_t kTotalColumnCount = 16;

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point& mark) {
  const Clock::time_point now = Clock::now();
  const double s = std::chrono::duration<double>(now - mark).count();
  mark = now;
  return s;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// `where` is "<label> KEY=SPEC" (parse_vary), so that a message names where the axis came from.
[[noreturn]] void vary_error(std::string_view where, const std::string& rule) {
  std::string message(where);
  message.append(": ").append(rule);
  throw UsageError(message);
}

// One bound of a range: a decimal number and an optional unit after it.
struct RangePart {
  double value = 0.0;
  int decimals = 0;
  std::string unit;
};

std::optional<RangePart> parse_range_part(std::string_view text) {
  text = trim(text);
  std::size_t n = 0;
  if (n < text.size() && (text[n] == '-' || text[n] == '+')) ++n;
  const std::size_t digits_from = n;
  while (n < text.size() && std::isdigit(static_cast<unsigned char>(text[n])) != 0) ++n;
  if (n == digits_from) return std::nullopt;
  RangePart part;
  if (n < text.size() && text[n] == '.') {
    const std::size_t fraction_from = ++n;
    while (n < text.size() && std::isdigit(static_cast<unsigned char>(text[n])) != 0) ++n;
    part.decimals = static_cast<int>(n - fraction_from);
  }
  std::string number(text.substr(text[0] == '+' ? 1 : 0, n - (text[0] == '+' ? 1 : 0)));
  const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), part.value);
  if (ec != std::errc{} || ptr != number.data() + number.size()) return std::nullopt;
  // A unit is a word after a space ("6 months"), so that "1e9" is not the number 1 in "e9".
  const std::string_view unit = trim(text.substr(n));
  if (!unit.empty() && (text[n] != ' ' || std::isalpha(static_cast<unsigned char>(unit[0])) == 0)) {
    return std::nullopt;
  }
  part.unit = std::string(unit);
  return part;
}

std::vector<std::string> range_values(std::string_view where, std::string_view spec) {
  std::vector<std::string_view> parts;
  for (std::size_t from = 0;;) {
    const std::size_t colon = spec.find(':', from);
    parts.push_back(spec.substr(from, colon - from));
    if (colon == std::string_view::npos) break;
    from = colon + 1;
  }
  if (parts.size() != 3) vary_error(where, "a range is lo:hi:step (three numbers)");
  std::optional<RangePart> bounds[3];
  for (int k = 0; k < 3; ++k) {
    bounds[k] = parse_range_part(parts[k]);
    if (!bounds[k]) {
      std::string rule = "'";
      rule.append(trim(parts[k]))
          .append("' is not a number with an optional unit (a range is lo:hi:step, e.g. ")
          .append("42:60:6 months)");
      vary_error(where, rule);
    }
  }
  std::string unit;
  for (const auto& bound : bounds) {
    if (bound->unit.empty()) continue;
    if (!unit.empty() && bound->unit != unit) {
      vary_error(where, cat("the range mixes units '", unit, "' and '", bound->unit, "'"));
    }
    unit = bound->unit;
  }
  const double lo = bounds[0]->value;
  const double hi = bounds[1]->value;
  const double step = bounds[2]->value;
  if (!(step > 0.0)) vary_error(where, "the step of lo:hi:step must be positive");
  if (hi < lo) vary_error(where, "hi is below lo in lo:hi:step");
  const double steps = std::floor((hi - lo) / step + 1e-9);
  if (steps + 1.0 > static_cast<double>(kMaxAxisValues)) {
    vary_error(where, "more than 10^8 values");
  }
  const int decimals = std::max({bounds[0]->decimals, bounds[1]->decimals, bounds[2]->decimals});
  const auto count = static_cast<std::uint64_t>(steps) + 1;
  std::vector<std::string> values;
  values.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string value = csv_number(lo + static_cast<double>(i) * step, decimals);
    if (!unit.empty()) value.append(" ").append(unit);
    values.push_back(std::move(value));
  }
  return values;
}

std::vector<std::string> yaml_list_values(std::string_view where, std::string_view spec) {
  YAML::Node list;
  try {
    list = scenario_yaml::load_document(std::string(spec), "--vary");
  } catch (const InputError& e) {
    vary_error(where, cat("not a valid YAML list: ", e.diagnostics().front().message));
  }
  if (!list.IsSequence() || list.size() == 0) {
    vary_error(where, "a YAML list [v1, v2, ...] needs at least one value");
  }
  std::vector<std::string> values;
  for (const auto& item : list) {
    if (item.IsScalar()) {
      values.push_back(item.Scalar());
      continue;
    }
    YAML::Emitter emitter;
    emitter.SetMapFormat(YAML::Flow);
    emitter.SetSeqFormat(YAML::Flow);
    emitter << item;
    values.emplace_back(emitter.c_str());
  }
  return values;
}

std::vector<std::string> list_values(std::string_view where, std::string_view spec) {
  std::vector<std::string> values;
  for (std::size_t from = 0;;) {
    const std::size_t comma = spec.find(',', from);
    const std::string_view value = trim(spec.substr(from, comma - from));
    if (value.empty()) vary_error(where, "empty value in the list v1,v2,...");
    values.emplace_back(value);
    if (comma == std::string_view::npos) break;
    from = comma + 1;
  }
  return values;
}

std::string month_or_empty(const std::optional<Date>& date) {
  return date ? date->to_month_string() : "";
}

void append_total(std::string& row, const SummaryRow& total) {
  const double numbers[] = {total.capex_m,
                            total.peak_construction_jobs,
                            total.permanent_jobs,
                            total.indirect_jobs(),
                            total.induced_jobs(),
                            total.job_years_direct,
                            total.job_years_indirect,
                            total.job_years_induced,
                            total.indirect_jobs_host,
                            total.indirect_jobs_rest,
                            total.induced_jobs_host,
                            total.induced_jobs_rest,
                            total.output_m,
                            total.value_added_m};
  row.append(",").append(month_or_empty(total.commissioning));
  row.append(",").append(month_or_empty(total.full_capacity));
  for (const double number : numbers) row.append(",").append(csv_number(number));
}

}  // namespace

std::string csv_field(std::string_view text) {
  const bool needs_quotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                            (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!needs_quotes) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

SweepAxis parse_vary(std::string_view assignment, std::string_view label) {
  const std::string where = cat(label, " ", assignment);
  const std::size_t eq = assignment.find('=');
  if (eq == std::string_view::npos) vary_error(where, "expected KEY=SPEC");
  SweepAxis axis;
  axis.label = std::string(label);
  axis.key = std::string(trim(assignment.substr(0, eq)));
  const std::string_view spec = trim(assignment.substr(eq + 1));
  if (axis.key.empty()) vary_error(where, "empty KEY in KEY=SPEC");
  if (axis.key.find_first_of(" \t,\"") != std::string::npos) {
    vary_error(where, "KEY is a dotted path without spaces, commas or quotes");
  }
  if (spec.empty()) vary_error(where, "empty SPEC: expected v1,v2,... or lo:hi:step");
  if (spec.front() == '[') {
    axis.values = yaml_list_values(where, spec);
  } else if (spec.find(':') != std::string_view::npos) {
    axis.values = range_values(where, spec);
  } else {
    axis.values = list_values(where, spec);
  }
  return axis;
}

SweepGrid::SweepGrid(std::vector<SweepAxis> axes) : axes_(std::move(axes)) {
  if (axes_.empty()) throw UsageError("a sweep needs at least one axis (KEY=SPEC)");
  for (std::size_t a = 0; a < axes_.size(); ++a) {
    for (std::size_t b = 0; b < a; ++b) {
      if (axes_[a].key == axes_[b].key) {
        throw UsageError(
            cat(axes_[a].label, " ", axes_[a].key, " is given twice: list all its values in one"));
      }
    }
    const std::uint64_t size = axes_[a].values.size();
    if (size == 0) throw UsageError(cat(axes_[a].label, " ", axes_[a].key, " has no values"));
    if (point_count_ > kMaxPoints / size) throw UsageError("the sweep has more than 2^53 points");
    point_count_ *= size;
  }
}

std::vector<std::size_t> SweepGrid::coordinates(std::uint64_t index) const {
  std::vector<std::size_t> at(axes_.size());
  for (std::size_t a = axes_.size(); a-- > 0;) {
    const std::uint64_t size = axes_[a].values.size();
    at[a] = static_cast<std::size_t>(index % size);
    index /= size;
  }
  return at;
}

std::vector<std::string> SweepGrid::assignments(std::uint64_t index) const {
  const auto at = coordinates(index);
  std::vector<std::string> out;
  out.reserve(axes_.size());
  for (std::size_t a = 0; a < axes_.size(); ++a) {
    std::string assignment = axes_[a].key;
    assignment.append("=").append(axes_[a].values[at[a]]);
    out.push_back(std::move(assignment));
  }
  return out;
}

Sweep::Sweep(ScenarioTree base, SweepGrid grid) : base_(std::move(base)), grid_(std::move(grid)) {
  const Scenario scenario = scenario_from_yaml(base_.root, base_.sources);
  for (const Project& project : scenario.projects) project_ids_.push_back(project.id);
  // The merged tree holds the file, the overlays and the --set values as read.
  std::string identity = cat("ripple ", kVersion, "\n", YAML::Dump(base_.root), "\n");
  for (const auto& axis : grid_.axes()) {
    identity.append("--vary ").append(axis.key);
    for (const auto& value : axis.values) identity.append("\n  ").append(value);
    identity.append("\n");
  }
  fingerprint_ = content_hash(identity);
}

Sweep::~Sweep() = default;

std::string Sweep::header() const {
  std::string text = "index";
  for (const auto& axis : grid_.axes()) text.append(",").append(csv_field(axis.key));
  text.append(",status,").append(kTotalColumns);
  for (const auto& id : project_ids_) text.append(",commissioning_").append(id);
  for (const auto& id : project_ids_) text.append(",full_capacity_").append(id);
  text.append(",campaign\n");
  return text;
}

std::string Sweep::describe_point(std::uint64_t index) const {
  std::string text;
  for (const auto& assignment : grid_.assignments(index)) {
    if (!text.empty()) text.append(", ");
    text.append(assignment);
  }
  return text;
}

std::string Sweep::error_row(std::uint64_t index) const {
  std::string row = std::to_string(index);
  const auto at = grid_.coordinates(index);
  for (std::size_t a = 0; a < at.size(); ++a) {
    row.append(",").append(csv_field(grid_.axes()[a].values[at[a]]));
  }
  row.append(",error");
  row.append(kTotalColumnCount + 2 * project_ids_.size(), ',');
  row.append(",").append(fingerprint_).append("\n");
  return row;
}

const Economy* Sweep::economy_for(const Scenario& scenario) {
  if (scenario.economy.table_path.empty()) return nullptr;
  EconomyKey key{scenario.economy.table_path, scenario.economy.flq_delta,
                 scenario.economy.household_closure, scenario.calendar.currency};
  auto found = economies_.find(key);
  if (found == economies_.end()) {
    EconomyOptions options;
    options.flq_delta = scenario.economy.flq_delta;
    options.household_closure = scenario.economy.household_closure;
    options.scenario_currency = scenario.calendar.currency;
    auto economy = std::make_unique<Economy>(Economy::load(scenario.economy.table_path, options));
    found = economies_.emplace(std::move(key), std::move(economy)).first;
  }
  return found->second.get();
}

SweepPoint Sweep::run_point(std::uint64_t index) {
  SweepPoint point;
  try {
    point.row = run_or_throw(index);
  } catch (const Error& e) {
    point.failure = SweepFailure{e.exit_code(), e.what()};
    point.row = error_row(index);
  }
  return point;
}

std::string Sweep::run_or_throw(std::uint64_t index) {
  Clock::time_point mark = Clock::now();
  // Charges the time of a point that throws to the step that threw.
  double* step_s = &timings_.scenario_s;
  struct ChargeOnThrow {
    Clock::time_point& mark;
    double*& step_s;
    ~ChargeOnThrow() {
      if (std::uncaught_exceptions() > 0) *step_s += seconds_since(mark);
    }
  } charge{mark, step_s};

  // The same steps as Pipeline::run(), timed one by one (sweep_test checks they agree).
  ScenarioSources sources = base_.sources;
  const std::vector<std::string> assignments = grid_.assignments(index);
  // A full clone per point: yaml-cpp cannot share subtrees between trees without merging
  // their node pools (which costs more than the clone), nor restore an assigned node.
  YAML::Node root = YAML::Clone(base_.root);
  for (std::size_t a = 0; a < assignments.size(); ++a) {
    const std::string& label = grid_.axes()[a].label;
    sources.push_back({cat(label, " ", assignments[a]), false});
    apply_override(root, assignments[a], sources.size() - 1, label);
  }
  const Scenario scenario = scenario_from_yaml(root, sources);
  timings_.scenario_s += seconds_since(mark);
  step_s = &timings_.economy_load_s;
  const Economy* economy = economy_for(scenario);
  timings_.economy_load_s += seconds_since(mark);
  step_s = &timings_.plan_s;
  const Plan plan(scenario);
  Rollout rollout(plan);
  std::optional<EconomyLink> link;
  if (economy != nullptr) link.emplace(scenario, *economy);
  timings_.plan_s += seconds_since(mark);
  step_s = &timings_.engine_s;
  const Timeline& timeline = rollout.run();
  timings_.engine_s += seconds_since(mark);
  step_s = &timings_.ledger_s;
  const Ledger ledger = build_ledger(scenario, timeline);
  timings_.ledger_s += seconds_since(mark);
  step_s = &timings_.economy_s;
  Impacts impacts;
  if (link) link->compute(ledger, impacts);
  timings_.economy_s += seconds_since(mark);
  step_s = &timings_.summary_s;
  const RunSummary summary = summarise(scenario, ledger, impacts);
  timings_.summary_s += seconds_since(mark);
  step_s = &timings_.format_s;

  std::string row = std::to_string(index);
  const auto at = grid_.coordinates(index);
  for (std::size_t a = 0; a < at.size(); ++a) {
    row.append(",").append(csv_field(grid_.axes()[a].values[at[a]]));
  }
  row.append(",ok");
  append_total(row, summary.total);
  std::vector<const SummaryRow*> by_project(project_ids_.size(), nullptr);
  for (const SummaryRow& project_row : summary.projects) {
    const auto it = std::find(project_ids_.begin(), project_ids_.end(), project_row.project);
    if (it != project_ids_.end()) by_project[it - project_ids_.begin()] = &project_row;
  }
  for (const SummaryRow* r : by_project) {
    row.append(",").append(r != nullptr ? month_or_empty(r->commissioning) : "");
  }
  for (const SummaryRow* r : by_project) {
    row.append(",").append(r != nullptr ? month_or_empty(r->full_capacity) : "");
  }
  row.append(",").append(fingerprint_).append("\n");
  check_finite_row(row, header(), cat("sweep point ", std::to_string(index)));
  timings_.format_s += seconds_since(mark);
  return row;
}

}  // namespace ripple
