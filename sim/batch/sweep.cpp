#include "ripple/sweep.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <thread>
#include <variant>

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

namespace {

// Points one writer may hold per worker thread ahead of the row it writes next.
constexpr std::uint64_t kWindowPerThread = 64;
// The direct path checks its values up front: at most this many scenario reads (2-4 ms each on
// the default scenario), and no more than the run has points (re-reading costs one per point)...
constexpr std::size_t kMaxDirectReads = 512;
// ... and at most this many phase durations (microseconds each, a few dozen bytes kept).
constexpr std::size_t kMaxDirectDurations = 100'000;

// What a direct key sets: a whole activity, product, baseline or resource (so that whatever
// the reader derives from the value inside it comes along), or one economy option.
struct DirectTarget {
  enum class Kind { kActivity, kProduct, kBaseline, kResource, kFlqDelta, kHouseholdClosure };
  Kind kind = Kind::kActivity;
  std::size_t project = 0;
  std::size_t item = 0;  // activity, product or resource index
  bool operator==(const DirectTarget&) const = default;
};

// A validated value of a direct key: the part of the scenario its target names.
using DirectValue = std::variant<Phase, Product, std::optional<Baseline>, Resource, double, bool>;

std::vector<std::string_view> split_key(std::string_view key) {
  std::vector<std::string_view> parts;
  for (std::size_t from = 0;;) {
    const std::size_t dot = key.find('.', from);
    parts.push_back(key.substr(from, dot - from));
    if (dot == std::string_view::npos) return parts;
    from = dot + 1;
  }
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The keys under an activity whose values only that activity's validation reads.
bool is_direct_activity_key(std::string_view leaf) {
  return is_one_of(
      leaf, {"duration", "not_before", "date", "target", "actual_start", "actual_finish", "status",
             "capex_m", "spending", "categories", "construction_jobs", "capacity", "ramp_up",
             "permanent_jobs", "priority", "correlated", "depends_on"});
}

// The target of a direct key (is_direct_key()) in `base`; nullopt with `why` set when the key
// is not direct or names nothing in the base (the re-read path then reports it at every point).
std::optional<DirectTarget> direct_target(const Scenario& base, std::string_view key,
                                          std::string& why) {
  using Kind = DirectTarget::Kind;
  if (!is_direct_key(key)) {
    why = "the key is not one the sweep applies directly";
    return std::nullopt;
  }
  const auto parts = split_key(key);
  if (parts[0] == "economy") {
    return DirectTarget{parts[1] == "flq_delta" ? Kind::kFlqDelta : Kind::kHouseholdClosure};
  }
  if (parts[0] == "resources") {
    if (auto r = base.find_resource(std::string(parts[1])))
      return DirectTarget{Kind::kResource, 0, *r};
    why = cat("no resource '", parts[1], "' in the scenario");
    return std::nullopt;
  }
  const auto p = base.find_project(std::string(parts[1]));
  if (!p) {
    why = cat("no project '", parts[1], "' in the scenario");
    return std::nullopt;
  }
  const Project& project = base.projects[*p];
  if (parts[2] == "baseline") return DirectTarget{Kind::kBaseline, *p, 0};
  if (parts[2] == "products") {
    if (auto x = project.find_product(std::string(parts[3]))) {
      return DirectTarget{Kind::kProduct, *p, *x};
    }
    why = cat("no product '", parts[3], "' in project '", parts[1], "'");
    return std::nullopt;
  }
  const auto a = project.find_phase(std::string(parts[3]));
  if (a && project.phases[*a].is_milestone == (parts[2] == "milestones")) {
    return DirectTarget{Kind::kActivity, *p, *a};
  }
  why = cat("no ", parts[2] == "phases" ? "phase" : "milestone", " '", parts[3], "' in project '",
            parts[1], "'");
  return std::nullopt;
}

DirectValue read_direct(const DirectTarget& t, const Scenario& s) {
  using Kind = DirectTarget::Kind;
  switch (t.kind) {
    case Kind::kActivity:
      return s.projects[t.project].phases[t.item];
    case Kind::kProduct:
      return s.projects[t.project].products[t.item];
    case Kind::kBaseline:
      return s.projects[t.project].baseline;
    case Kind::kResource:
      return s.resources[t.item];
    case Kind::kFlqDelta:
      return s.economy.flq_delta;
    case Kind::kHouseholdClosure:
      return s.economy.household_closure;
  }
  return {};
}

void write_direct(const DirectTarget& t, const DirectValue& value, Scenario& s) {
  using Kind = DirectTarget::Kind;
  switch (t.kind) {
    case Kind::kActivity:
      s.projects[t.project].phases[t.item] = std::get<Phase>(value);
      break;
    case Kind::kProduct:
      s.projects[t.project].products[t.item] = std::get<Product>(value);
      break;
    case Kind::kBaseline:
      s.projects[t.project].baseline = std::get<std::optional<Baseline>>(value);
      break;
    case Kind::kResource:
      s.resources[t.item] = std::get<Resource>(value);
      break;
    case Kind::kFlqDelta:
      s.economy.flq_delta = std::get<double>(value);
      break;
    case Kind::kHouseholdClosure:
      s.economy.household_closure = std::get<bool>(value);
      break;
  }
}

// Whether an activity's links have the same predecessors and types as in the base (a value
// that only moves lags or finish links keeps the graph).
bool same_links(const Phase& a, const Phase& b) {
  if (a.dependencies.size() != b.dependencies.size()) return false;
  for (std::size_t k = 0; k < a.dependencies.size(); ++k) {
    if (!(a.dependencies[k].predecessor == b.dependencies[k].predecessor) ||
        a.dependencies[k].type != b.dependencies[k].type) {
      return false;
    }
  }
  return true;
}

// Calls task(worker, i) for i in [0, count) on `threads` threads (the calling thread is
// worker 0); rethrows the first exception a task threw, after every thread has stopped.
void parallel_for(std::size_t count, unsigned threads,
                  const std::function<void(std::size_t, std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto work = [&](std::size_t worker) {
    for (std::size_t i; !failed && (i = next.fetch_add(1)) < count;) {
      try {
        task(worker, i);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  const std::size_t extra = std::min<std::size_t>(threads, std::max<std::size_t>(count, 1)) - 1;
  for (std::size_t w = 1; w <= extra; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

bool is_direct_key(std::string_view key) {
  const auto parts = split_key(key);
  if (parts.size() == 2 && parts[0] == "economy") {
    return is_one_of(parts[1], {"flq_delta", "household_closure"});
  }
  if (parts.size() >= 3 && parts[0] == "resources")
    return is_one_of(parts[2], {"capacity", "steps"});
  if (parts.size() >= 3 && parts[0] == "projects") {
    if (parts[2] == "baseline") return true;
    if (parts.size() >= 5 && parts[2] == "products") {
      return is_one_of(parts[4], {"price_per_unit", "operating_purchases"});
    }
    if (parts.size() >= 5 && is_one_of(parts[2], {"phases", "milestones"})) {
      return is_direct_activity_key(parts[4]);
    }
  }
  return false;
}

void SweepTimings::add(const SweepTimings& other) {
  values_s += other.values_s;
  scenario_s += other.scenario_s;
  economy_load_s += other.economy_load_s;
  plan_s += other.plan_s;
  engine_s += other.engine_s;
  ledger_s += other.ledger_s;
  economy_s += other.economy_s;
  summary_s += other.summary_s;
  format_s += other.format_s;
}

// The direct path's state: the validated base, each axis's target and its validated values.
struct Sweep::Direct {
  Scenario base;
  std::vector<DirectTarget> targets;                            // [axis]
  std::vector<std::vector<std::size_t>> slot;                   // [axis][value] -> distinct value
  std::vector<std::vector<std::optional<DirectValue>>> values;  // [axis][distinct]; none: invalid
  // Phase-duration axes keep only the duration: [axis][distinct] (empty for other axes).
  std::vector<std::vector<std::optional<DurationDistribution>>> durations;
  std::vector<char> is_duration;  // [axis]
  bool prepared = false;
};

// One worker thread's state.
struct Sweep::Runner {
  YAML::Node root;                   // this thread's own copy of the base tree
  std::optional<Scenario> scenario;  // direct path: the point's scenario, edited in place
  SweepTimings timings;
};

Sweep::Sweep(ScenarioTree base, SweepGrid grid) : base_(std::move(base)), grid_(std::move(grid)) {
  Scenario scenario = scenario_from_yaml(base_.root, base_.sources);
  for (const Project& project : scenario.projects) project_ids_.push_back(project.id);
  // The merged tree holds the file, the overlays and the --set values as read.
  std::string axes;
  for (const auto& axis : grid_.axes()) {
    axes.append("--vary ").append(axis.key);
    for (const auto& value : axis.values) axes.append("\n  ").append(value);
    axes.append("\n");
  }
  fingerprint_ = campaign_fingerprint(YAML::Dump(base_.root), axes);
  header_ = "index";
  for (const auto& axis : grid_.axes()) header_.append(",").append(csv_field(axis.key));
  header_.append(",status,").append(kTotalColumns);
  for (const auto& id : project_ids_) header_.append(",commissioning_").append(id);
  for (const auto& id : project_ids_) header_.append(",full_capacity_").append(id);
  header_.append(",campaign\n");

  auto direct = std::make_unique<Direct>();
  for (std::size_t a = 0; a < grid_.axes().size() && direct; ++a) {
    const SweepAxis& axis = grid_.axes()[a];
    std::string why;
    const auto target = direct_target(scenario, axis.key, why);
    if (!target) {
      reread_reason_ = cat(axis.label, " ", axis.key, ": ", why);
      direct.reset();
      break;
    }
    const bool whole = target->kind != DirectTarget::Kind::kFlqDelta &&
                       target->kind != DirectTarget::Kind::kHouseholdClosure;
    for (std::size_t b = 0; b < a; ++b) {
      if (whole && direct->targets[b] == *target) {
        reread_reason_ =
            cat(axis.label, " ", axis.key, " and ", grid_.axes()[b].key, " change the same item");
        direct.reset();
        break;
      }
    }
    if (!direct) break;
    direct->targets.push_back(*target);
  }
  if (direct) {
    direct->base = std::move(scenario);
    direct_ = std::move(direct);
  }
}

Sweep::~Sweep() = default;

bool Sweep::is_direct() const { return direct_ != nullptr; }

Sweep::Runner& Sweep::runner(std::size_t k) {
  while (runners_.size() <= k) {
    auto runner = std::make_unique<Runner>();
    // Worker 0 reads the base tree itself; the others their own clone (yaml-cpp nodes are not
    // safe to read from two threads: they compute sizes lazily).
    runner->root = runners_.empty() ? base_.root : YAML::Clone(base_.root);
    if (direct_) runner->scenario = direct_->base;
    runners_.push_back(std::move(runner));
  }
  return *runners_[k];
}

void Sweep::prepare(unsigned threads) { prepare(threads, grid_.point_count()); }

void Sweep::prepare(unsigned threads, std::uint64_t points) {
  if (!direct_ || direct_->prepared) return;
  threads = std::max(1U, threads);
  Direct& d = *direct_;
  const std::size_t axes = grid_.axes().size();
  // A phase's duration is checked on its own (phase_duration_from_yaml(), the reader's rule),
  // which costs microseconds where reading the scenario costs milliseconds.
  d.is_duration.assign(axes, 0);
  for (std::size_t a = 0; a < axes; ++a) {
    const auto parts = split_key(grid_.axes()[a].key);
    d.is_duration[a] = parts.size() == 5 && parts[2] == "phases" && parts[4] == "duration";
  }
  const auto is_phase_duration = [&d](std::size_t a) { return d.is_duration[a] != 0; };
  // distinct[a][j]: the index of the first occurrence of axis a's j-th distinct value.
  std::vector<std::vector<std::size_t>> distinct(axes);
  std::size_t rounds = 0;
  std::size_t durations = 0;
  d.slot.assign(axes, {});
  for (std::size_t a = 0; a < axes; ++a) {
    const auto& values = grid_.axes()[a].values;
    std::map<std::string_view, std::size_t> seen;
    for (std::size_t v = 0; v < values.size(); ++v) {
      const auto [it, inserted] = seen.emplace(values[v], seen.size());
      if (inserted) distinct[a].push_back(v);
      d.slot[a].push_back(it->second);
    }
    if (is_phase_duration(a)) {
      d.values.emplace_back();
      d.durations.emplace_back(distinct[a].size());
      durations += distinct[a].size();
    } else {
      d.values.emplace_back(distinct[a].size());
      d.durations.emplace_back();
      rounds = std::max(rounds, distinct[a].size());
    }
  }
  if (rounds > std::min<std::uint64_t>(kMaxDirectReads, points) ||
      durations > kMaxDirectDurations) {
    reread_reason_ = cat(std::to_string(rounds), " scenario reads and ", std::to_string(durations),
                         " durations to check up front for ", std::to_string(points),
                         " points: re-reading costs less");
    direct_.reset();
    return;
  }
  for (unsigned k = 0; k < threads; ++k) runner(k);
  // Round r validates the r-th distinct value of every axis at once: the axes set independent
  // items (no key's validation reads another's), so one read checks them all. A round that
  // fails is redone one value at a time, each on a clone of the base, to tell which failed.
  std::vector<char> keeps_graph(rounds * axes, 1);
  std::vector<YAML::Node> scratch(threads);
  const auto assignment_of = [&](std::size_t a, std::size_t r) {
    return cat(grid_.axes()[a].key, "=", grid_.axes()[a].values[distinct[a][r]]);
  };
  const auto keep = [&](std::size_t a, std::size_t r, const Scenario& scenario) {
    const DirectTarget& target = d.targets[a];
    if (target.kind == DirectTarget::Kind::kActivity &&
        !same_links(scenario.activity({target.project, target.item}),
                    d.base.activity({target.project, target.item}))) {
      keeps_graph[r * axes + a] = 0;
    }
    d.values[a][r] = read_direct(target, scenario);
  };
  for (std::size_t a = 0; a < axes; ++a) {
    if (!is_phase_duration(a)) continue;
    Clock::time_point mark = Clock::now();
    for (std::size_t r = 0; r < distinct[a].size(); ++r) {
      const std::string& value = grid_.axes()[a].values[distinct[a][r]];
      ScenarioSources sources = base_.sources;
      sources.push_back({cat(grid_.axes()[a].label, " ", assignment_of(a, r)), false});
      try {
        YAML::Node holder(YAML::NodeType::Map);
        apply_override(holder, cat("duration=", value), sources.size() - 1, grid_.axes()[a].label);
        d.durations[a][r] =
            phase_duration_from_yaml(holder["duration"], grid_.axes()[a].key, sources);
      } catch (const Error&) {
        // Left invalid: the points with this value take the re-read path, which reports it.
      }
    }
    runners_[0]->timings.values_s += seconds_since(mark);
  }
  parallel_for(rounds, threads, [&](std::size_t worker, std::size_t r) {
    Runner& runner = *runners_[worker];
    Clock::time_point mark = Clock::now();
    YAML::Node& tree = scratch[worker];
    if (!tree.IsDefined() || tree.IsNull()) tree = YAML::Clone(runner.root);
    ScenarioSources sources = base_.sources;
    std::vector<std::size_t> in_round;
    for (std::size_t a = 0; a < axes; ++a) {
      const std::size_t value = std::min(r, distinct[a].size() - 1);
      sources.push_back({cat(grid_.axes()[a].label, " ", assignment_of(a, value)), false});
      if (r < distinct[a].size() && !is_phase_duration(a)) in_round.push_back(a);
    }
    try {
      for (const std::size_t a : in_round) {
        apply_override(tree, assignment_of(a, r), base_.sources.size() + a, grid_.axes()[a].label);
      }
      const Scenario scenario = scenario_from_yaml(tree, sources);
      for (const std::size_t a : in_round) keep(a, r, scenario);
    } catch (const Error&) {
      tree = YAML::Clone(runner.root);  // it may hold the failing value
      for (const std::size_t a : in_round) {
        ScenarioSources one = base_.sources;
        one.push_back(sources[base_.sources.size() + a]);
        try {
          YAML::Node root = YAML::Clone(runner.root);
          apply_override(root, assignment_of(a, r), one.size() - 1, grid_.axes()[a].label);
          keep(a, r, scenario_from_yaml(root, one));
        } catch (const Error&) {
          // Left invalid: the points with this value take the re-read path, which reports it.
        }
      }
    }
    runner.timings.values_s += seconds_since(mark);
  });
  for (std::size_t r = 0; r < rounds; ++r) {
    for (std::size_t a = 0; a < axes; ++a) {
      if (keeps_graph[r * axes + a] != 0) continue;
      const SweepAxis& axis = grid_.axes()[a];
      reread_reason_ =
          cat(axis.label, " ", assignment_of(a, r), " changes a predecessor or a link type");
      direct_.reset();
      for (auto& runner : runners_) runner->scenario.reset();
      return;
    }
  }
  d.prepared = true;
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

SweepTimings Sweep::timings() const {
  SweepTimings sum;
  for (const auto& r : runners_) sum.add(r->timings);
  return sum;
}

std::size_t Sweep::economies_loaded() const {
  const std::lock_guard lock(economies_mutex_);
  return economies_.size();
}

const Economy* Sweep::economy_for(const Scenario& scenario) {
  if (scenario.economy.table_path.empty()) return nullptr;
  EconomyKey key{scenario.economy.table_path, scenario.economy.flq_delta,
                 scenario.economy.household_closure, scenario.calendar.currency};
  // Loaded under the lock, so that two threads needing the same model load it once.
  const std::lock_guard lock(economies_mutex_);
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
  prepare();
  return run_with(runner(0), index, false);
}

SweepPoint Sweep::run_point_reread(std::uint64_t index) { return run_with(runner(0), index, true); }

SweepPoint Sweep::run_with(Runner& runner, std::uint64_t index, bool reread) {
  SweepPoint point;
  try {
    point.row = direct_ && direct_->prepared && !reread ? direct_or_throw(runner, index)
                                                        : reread_or_throw(runner, index);
  } catch (const Error& e) {
    point.failure = SweepFailure{e.exit_code(), e.what()};
    point.row = error_row(index);
  }
  return point;
}

std::string Sweep::direct_or_throw(Runner& runner, std::uint64_t index) {
  Clock::time_point mark = Clock::now();
  const auto at = grid_.coordinates(index);
  for (std::size_t a = 0; a < at.size(); ++a) {
    const std::size_t slot = direct_->slot[a][at[a]];
    const DirectTarget& target = direct_->targets[a];
    const bool valid = direct_->is_duration[a] != 0 ? direct_->durations[a][slot].has_value()
                                                    : direct_->values[a][slot].has_value();
    if (!valid) {
      runner.timings.scenario_s += seconds_since(mark);
      return reread_or_throw(runner, index);
    }
    if (direct_->is_duration[a] != 0) {
      runner.scenario->projects[target.project].phases[target.item].duration =
          *direct_->durations[a][slot];
    } else {
      write_direct(target, *direct_->values[a][slot], *runner.scenario);
    }
  }
  runner.timings.scenario_s += seconds_since(mark);
  return run_scenario(runner, *runner.scenario, index);
}

std::string Sweep::reread_or_throw(Runner& runner, std::uint64_t index) {
  Clock::time_point mark = Clock::now();
  ScenarioSources sources = base_.sources;
  const std::vector<std::string> assignments = grid_.assignments(index);
  Scenario scenario;
  try {
    // A full clone per point: yaml-cpp cannot share subtrees between trees without merging
    // their node pools (which costs more than the clone), nor restore an assigned node.
    YAML::Node root = YAML::Clone(runner.root);
    for (std::size_t a = 0; a < assignments.size(); ++a) {
      const std::string& label = grid_.axes()[a].label;
      sources.push_back({cat(label, " ", assignments[a]), false});
      apply_override(root, assignments[a], sources.size() - 1, label);
    }
    scenario = scenario_from_yaml(root, sources);
  } catch (...) {
    runner.timings.scenario_s += seconds_since(mark);
    throw;
  }
  runner.timings.scenario_s += seconds_since(mark);
  return run_scenario(runner, scenario, index);
}

std::string Sweep::run_scenario(Runner& runner, const Scenario& scenario, std::uint64_t index) {
  SweepTimings& timings = runner.timings;
  Clock::time_point mark = Clock::now();
  // Charges the time of a point that throws to the step that threw.
  double* step_s = &timings.economy_load_s;
  struct ChargeOnThrow {
    Clock::time_point& mark;
    double*& step_s;
    ~ChargeOnThrow() {
      if (std::uncaught_exceptions() > 0) *step_s += seconds_since(mark);
    }
  } charge{mark, step_s};

  // The same steps as Pipeline::run(), timed one by one (sweep_test checks they agree).
  const Economy* economy = economy_for(scenario);
  timings.economy_load_s += seconds_since(mark);
  step_s = &timings.plan_s;
  const Plan plan(scenario);
  Rollout rollout(plan);
  std::optional<EconomyLink> link;
  if (economy != nullptr) link.emplace(scenario, *economy);
  timings.plan_s += seconds_since(mark);
  step_s = &timings.engine_s;
  const Timeline& timeline = rollout.run();
  timings.engine_s += seconds_since(mark);
  step_s = &timings.ledger_s;
  const Ledger ledger = build_ledger(scenario, timeline);
  timings.ledger_s += seconds_since(mark);
  step_s = &timings.economy_s;
  Impacts impacts;
  if (link) link->compute(ledger, impacts);
  timings.economy_s += seconds_since(mark);
  step_s = &timings.summary_s;
  const RunSummary summary = summarise(scenario, ledger, impacts);
  timings.summary_s += seconds_since(mark);
  step_s = &timings.format_s;

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
  check_finite_row(row, header_, cat("sweep point ", std::to_string(index)));
  timings.format_s += seconds_since(mark);
  return row;
}

void Sweep::run(const Shard& shard, unsigned threads,
                const std::function<void(std::uint64_t, const SweepPoint&)>& emit, bool reread) {
  threads = std::max(1U, threads);
  if (!reread) prepare(threads, shard.size_of(grid_.point_count()));
  const std::uint64_t mine = shard.size_of(grid_.point_count());
  const auto index_of = [&shard](std::uint64_t k) { return shard.first() + k * shard.count; };
  if (threads == 1 || mine <= 1) {
    Runner& r = runner(0);
    for (std::uint64_t k = 0; k < mine; ++k) emit(index_of(k), run_with(r, index_of(k), reread));
    return;
  }
  for (unsigned k = 0; k < threads; ++k) runner(k);
  // Workers take the shard's points in order and leave each in a ring slot; this thread writes
  // them in order. A worker runs at most `window` points ahead of the writer.
  const std::uint64_t window = kWindowPerThread * threads;
  std::vector<SweepPoint> slots(window);
  std::vector<char> ready(window, 0);
  std::uint64_t written = 0;
  bool stop = false;
  std::exception_ptr failure;
  std::mutex mutex;
  std::condition_variable slot_ready;
  std::condition_variable slot_free;
  std::atomic<std::uint64_t> next{0};
  const auto work = [&](Runner& r) {
    for (std::uint64_t k; (k = next.fetch_add(1)) < mine;) {
      {
        std::unique_lock lock(mutex);
        slot_free.wait(lock, [&] { return stop || k < written + window; });
        if (stop) return;
      }
      SweepPoint point;
      try {
        point = run_with(r, index_of(k), reread);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
        slot_ready.notify_all();
        slot_free.notify_all();
        return;
      }
      const std::lock_guard lock(mutex);
      slots[k % window] = std::move(point);
      ready[k % window] = 1;
      slot_ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned k = 0; k < threads; ++k) pool.emplace_back(work, std::ref(*runners_[k]));
  const auto finish = [&] {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    slot_free.notify_all();
    for (auto& thread : pool) thread.join();
  };
  try {
    for (std::uint64_t k = 0; k < mine; ++k) {
      SweepPoint point;
      {
        std::unique_lock lock(mutex);
        slot_ready.wait(lock, [&] { return failure || ready[k % window] != 0; });
        if (failure) break;
        point = std::move(slots[k % window]);
        ready[k % window] = 0;
        ++written;
      }
      slot_free.notify_all();
      emit(index_of(k), point);
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace ripple
