#include "ripple/mc_summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <ostream>
#include <sstream>

#include "report/json_finite.hpp"
#include "ripple/csv_merge.hpp"
#include "ripple/error.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace fs = std::filesystem;
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr const char* kPerRunFiles[] = {"mc_runs.csv", "mc_critical.csv", "mc_inputs.csv",
                                        "mc_jobs.csv", "mc_risks.csv",    "mc_resources.csv"};

[[noreturn]] void fail(const fs::path& file, std::size_t line, const std::string& message) {
  throw InputError(Mark{file.string(), static_cast<int>(line), line > 0 ? 1 : 0}, message);
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t comma = line.find(',', begin);
    cells.push_back(line.substr(begin, comma - begin));
    if (comma == std::string_view::npos) break;
    begin = comma + 1;
  }
  return cells;
}

// Columns of mc_runs.csv: numbers, dates of months (commissioning, full capacity: YYYY-MM) and
// dates of days (a project's finish, a milestone: YYYY-MM-DD).
enum class ColumnKind { kNumber, kMonth, kDay };

ColumnKind column_kind(std::string_view name) {
  if (name.ends_with(".commissioning") || name.ends_with(".full_capacity")) {
    return ColumnKind::kMonth;
  }
  if (name.ends_with(".finish") || name.ends_with(".date")) return ColumnKind::kDay;
  return ColumnKind::kNumber;
}

// Day count of a YYYY-MM-DD cell; NaN when blank.
double day_index(std::string_view cell, const fs::path& file, std::size_t line) {
  if (cell.empty()) return kMissing;
  const auto date = Date::parse(cell);
  if (!date || cell.size() != 10)
    fail(file, line, "not a YYYY-MM-DD date: '" + std::string(cell) + "'");
  return date->days();
}

std::string day_text(double index) {
  return Date::from_days(static_cast<int>(std::floor(index))).to_string();
}

// The last day of a target month: a finish on any day of the month meets it.
Date end_of_month(Date month) { return month.month_start().add_months(1).add_days(-1); }

// Month index year * 12 + month - 1 of a YYYY-MM cell; NaN when blank.
double month_index(std::string_view cell, const fs::path& file, std::size_t line) {
  if (cell.empty()) return kMissing;
  const auto date = Date::parse(cell);
  if (!date) fail(file, line, "not a YYYY-MM date: '" + std::string(cell) + "'");
  return date->year() * 12.0 + (date->month() - 1);
}

std::string month_text(double index) {
  const auto m = static_cast<long>(std::floor(index));
  return Date::from_ymd(static_cast<int>(m / 12), static_cast<int>(m % 12) + 1, 1)
      .to_month_string();
}

double number(std::string_view cell, const fs::path& file, std::size_t line) {
  const std::string text(cell);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) {
    fail(file, line, "not a number: '" + text + "'");
  }
  if (!std::isfinite(value)) fail(file, line, "not a finite number: '" + text + "'");
  return value;
}

// Reads a per-run file row by row, checking the index column counts 0, 1, 2, ...
class RunFile {
 public:
  explicit RunFile(const fs::path& path) : path_(path), in_(path, std::ios::binary) {
    if (!in_) fail(path, 0, "cannot open the file");
    if (!std::getline(in_, header_line_)) fail(path, 1, "empty file: expected a header row");
    header_ = split(header_line_);
    if (header_.empty() || header_.front() != "index") {
      fail(path, 1, "the header must start with 'index'");
    }
  }
  [[nodiscard]] const std::vector<std::string_view>& header() const { return header_; }
  [[nodiscard]] const fs::path& path() const { return path_; }
  [[nodiscard]] std::size_t line_number() const { return line_number_; }
  // The next row's cells (views into an internal buffer), or false at the end.
  bool next(std::vector<std::string_view>& cells) {
    if (!std::getline(in_, line_)) return false;
    ++line_number_;
    cells = split(line_);
    if (cells.size() != header_.size()) {
      fail(path_, line_number_,
           std::to_string(cells.size()) + " cells, the header has " +
               std::to_string(header_.size()));
    }
    const double index = number(cells.front(), path_, line_number_);
    if (index != static_cast<double>(expected_)) {
      fail(path_, line_number_,
           "run " + std::string(cells.front()) + " where run " + std::to_string(expected_) +
               " was expected (runs must be 0, 1, 2, ... in order)");
    }
    ++expected_;
    return true;
  }
  [[nodiscard]] std::uint64_t rows() const { return expected_; }

 private:
  fs::path path_;
  std::ifstream in_;
  std::string header_line_;
  std::vector<std::string_view> header_;
  std::string line_;
  std::size_t line_number_ = 1;
  std::uint64_t expected_ = 0;
};

void check_count(const RunFile& file, std::uint64_t runs) {
  if (file.rows() != runs) {
    fail(file.path(), file.line_number(),
         "the campaign has " + std::to_string(runs) + " runs (mc.json) but this file has " +
             std::to_string(file.rows()) + " rows");
  }
}

// The values that are not NaN, sorted: what the percentiles read.
std::vector<double> sorted_present(const std::vector<double>& values) {
  std::vector<double> sorted;
  sorted.reserve(values.size());
  for (double v : values) {
    if (!std::isnan(v)) sorted.push_back(v);
  }
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

// Moments of `values` (run order, NaN for a run without a value: skipped) summed in run order,
// and percentiles of `sorted`, its values that are not NaN, sorted (sorted_present()).
McStats stats_of(const std::vector<double>& values, const std::vector<double>& sorted, bool dates) {
  McStats s;
  s.count = sorted.size();
  if (sorted.empty()) return s;
  double sum = 0.0;
  for (double v : values) {
    if (!std::isnan(v)) sum += v;
  }
  s.mean = sum / static_cast<double>(s.count);
  double squares = 0.0;
  for (double v : values) {
    if (!std::isnan(v)) squares += (v - s.mean) * (v - s.mean);
  }
  s.sd = s.count > 1 ? std::sqrt(squares / static_cast<double>(s.count - 1)) : 0.0;
  const auto q = [&](double p) {
    return dates ? percentile_type1(sorted, p) : percentile_type7(sorted, p);
  };
  s.p5 = q(0.05);
  s.p10 = q(0.10);
  s.p25 = q(0.25);
  s.p50 = q(0.50);
  s.p75 = q(0.75);
  s.p90 = q(0.90);
  s.p95 = q(0.95);
  return s;
}

void write_text(const fs::path& path, const std::string& text) {
  check_finite_csv(text, path.filename().string());
  std::ofstream file(path, std::ios::binary);
  file << text;
  if (!file) throw RuntimeError("cannot write " + path.string());
}

std::string fixed(double value) { return csv_number(value); }

// Ranks with ties averaged (1-based).
std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> rank(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double average = 0.5 * static_cast<double>(i + j) + 1.0;
    for (std::size_t k = i; k <= j; ++k) rank[order[k]] = average;
    i = j + 1;
  }
  return rank;
}

std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * share);
  return buffer;
}

std::string month_or_dash(const std::optional<Date>& date) {
  return date ? date->to_month_string() : "-";
}

// A column's ranks, computed once for all its correlations (when it has no missing value).
struct RankedColumn {
  const std::vector<double>* values = nullptr;
  bool complete = false;
  std::vector<double> ranks;
  double sum_squares = 0.0;  // of ranks about their mean
};

RankedColumn rank_column(const std::vector<double>& values) {
  RankedColumn column;
  column.values = &values;
  column.complete =
      std::none_of(values.begin(), values.end(), [](double v) { return std::isnan(v); });
  if (!column.complete || values.size() < 3) return column;
  column.ranks = ranks(values);
  const double mean = (static_cast<double>(values.size()) + 1.0) / 2.0;
  for (double r : column.ranks) column.sum_squares += (r - mean) * (r - mean);
  return column;
}

// spearman() of two columns, reusing their ranks; the same arithmetic in the same order.
std::optional<double> rank_correlation(const RankedColumn& a, const RankedColumn& b) {
  if (!a.complete || !b.complete || a.values->size() != b.values->size()) {
    return spearman(*a.values, *b.values);
  }
  if (a.ranks.empty()) return std::nullopt;
  if (a.sum_squares <= 0.0 || b.sum_squares <= 0.0) return std::nullopt;
  const double mean = (static_cast<double>(a.ranks.size()) + 1.0) / 2.0;
  double sab = 0.0;
  for (std::size_t i = 0; i < a.ranks.size(); ++i) {
    sab += (a.ranks[i] - mean) * (b.ranks[i] - mean);
  }
  return sab / std::sqrt(a.sum_squares * b.sum_squares);
}

void write_criticality(const fs::path& dir, const McCriticalCounts& counts, std::uint64_t runs) {
  std::ostringstream out;
  out << "activity,critical_runs,critical_share";
  if (counts.resource_critical) out << ",resource_critical_runs,resource_critical_share";
  out << '\n';
  const auto share = [runs](std::uint64_t n) {
    return fixed(static_cast<double>(n) / static_cast<double>(runs));
  };
  for (std::size_t c = 0; c < counts.activities.size(); ++c) {
    out << counts.activities[c] << ',' << counts.critical[c] << ',' << share(counts.critical[c]);
    if (counts.resource_critical) {
      const std::uint64_t n = (*counts.resource_critical)[c];
      out << ',' << n << ',' << share(n);
    }
    out << '\n';
  }
  write_text(dir / "criticality.csv", out.str());
}

// mc_critical_counts.csv: `activity,critical_runs[,resource_critical_runs]`, one row per
// activity.
McCriticalCounts read_critical_counts(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, 0, "cannot open the file (neither mc_critical.csv nor this file exists)");
  std::string line;
  constexpr std::string_view kPlain = "activity,critical_runs";
  constexpr std::string_view kResources = "activity,critical_runs,resource_critical_runs";
  if (!std::getline(in, line) || (line != kPlain && line != kResources)) {
    fail(path, 1,
         "the header must be 'activity,critical_runs' or '" + std::string(kResources) + "'");
  }
  McCriticalCounts counts;
  if (line == kResources) counts.resource_critical.emplace();
  const std::size_t columns = counts.resource_critical ? 3 : 2;
  const auto count_of = [&](std::string_view cell, std::size_t number_line) {
    const double count = number(cell, path, number_line);
    if (count < 0 || count != std::floor(count)) {
      fail(path, number_line, "not a count: '" + std::string(cell) + "'");
    }
    return static_cast<std::uint64_t>(count);
  };
  for (std::size_t number_line = 2; std::getline(in, line); ++number_line) {
    const auto cells = split(line);
    if (cells.size() != columns)
      fail(path, number_line,
           std::to_string(cells.size()) + " cells, the header has " + std::to_string(columns));
    counts.activities.emplace_back(cells[0]);
    counts.critical.push_back(count_of(cells[1], number_line));
    if (counts.resource_critical) {
      counts.resource_critical->push_back(count_of(cells[2], number_line));
    }
  }
  return counts;
}

// resource_delays.csv from the columns of mc_resources.csv (`<id>.wait_days`,
// `<id>.critical_wait_days` per resource): per resource, how often and how long phases waited
// for it.
std::vector<McResourceSummary> summarise_resource_delays(const fs::path& dir, const McTable& table,
                                                         std::uint64_t runs) {
  const std::size_t n = table.names.size();
  const auto& values = table.values;
  std::vector<McResourceSummary> rows;
  std::ostringstream out;
  out << "resource,runs_delayed,delay_share,mean_wait_days,mean_wait_days_if_delayed,"
         "p50_wait_days,p90_wait_days,critical_delay_share,mean_critical_wait_days\n";
  const double count = static_cast<double>(runs);
  for (std::size_t c = 0; c < n; c += 2) {
    std::string_view name = table.names[c];
    name.remove_suffix(std::string_view(".wait_days").size());
    McResourceSummary r;
    r.id = std::string(name);
    double total = 0.0;
    std::uint64_t critical_runs = 0;
    double critical_total = 0.0;
    for (std::size_t i = 0; i < values[c].size(); ++i) {
      r.runs_delayed += values[c][i] > 0.0 ? 1 : 0;
      total += values[c][i];
      critical_runs += values[c + 1][i] > 0.0 ? 1 : 0;
      critical_total += values[c + 1][i];
    }
    r.delay_share = static_cast<double>(r.runs_delayed) / count;
    r.mean_wait_days = total / count;
    r.mean_wait_days_if_delayed =
        r.runs_delayed > 0 ? total / static_cast<double>(r.runs_delayed) : 0.0;
    const McStats s = compute_stats(values[c], false);
    r.p50_wait_days = s.p50;
    r.p90_wait_days = s.p90;
    r.critical_delay_share = static_cast<double>(critical_runs) / count;
    r.mean_critical_wait_days = critical_total / count;
    out << r.id << ',' << r.runs_delayed;
    for (double v : {r.delay_share, r.mean_wait_days, r.mean_wait_days_if_delayed, r.p50_wait_days,
                     r.p90_wait_days, r.critical_delay_share, r.mean_critical_wait_days}) {
      out << ',' << fixed(v);
    }
    out << '\n';
    rows.push_back(std::move(r));
  }
  write_text(dir / "resource_delays.csv", out.str());
  return rows;
}

}  // namespace

McStats compute_stats(const std::vector<double>& values, bool dates) {
  return stats_of(values, sorted_present(values), dates);
}

double percentile_type7(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

double percentile_type1(const std::vector<double>& sorted, double p) {
  const double np = static_cast<double>(sorted.size()) * p;
  // Guard n p that is an integer up to rounding (e.g. 100 * 0.1): ceil would overshoot.
  const double rounded = std::round(np);
  const double position = std::abs(np - rounded) < 1e-9 ? rounded : std::ceil(np);
  const auto k = static_cast<std::size_t>(std::max(position, 1.0));
  return sorted[std::min(k, sorted.size()) - 1];
}

std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<double> a;
  std::vector<double> b;
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    a.push_back(x[i]);
    b.push_back(y[i]);
  }
  if (a.size() < 3) return std::nullopt;
  const std::vector<double> ra = ranks(a);
  const std::vector<double> rb = ranks(b);
  const double n = static_cast<double>(a.size());
  const double mean = (n + 1.0) / 2.0;
  double sab = 0.0;
  double saa = 0.0;
  double sbb = 0.0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) * (ra[i] - mean);
    sbb += (rb[i] - mean) * (rb[i] - mean);
  }
  if (saa <= 0.0 || sbb <= 0.0) return std::nullopt;
  return sab / std::sqrt(saa * sbb);
}

void write_mc_metadata(std::ostream& out, const McMetadata& m) {
  nlohmann::ordered_json j;
  j["ripple_version"] = m.ripple_version;
  j["scenario"] = {{"path", m.scenario_path}, {"name", m.scenario_name}, {"hash", m.scenario_hash}};
  j["campaign"] = m.campaign;
  j["overrides"] = m.overrides;
  j["overlays"] = m.overlays;
  j["economy"] = m.economy_name.empty()
                     ? nlohmann::ordered_json(nullptr)
                     : nlohmann::ordered_json{{"name", m.economy_name},
                                              {"illustrative", m.economy_illustrative}};
  j["seed"] = m.seed;
  j["runs"] = m.runs;
  j["jobs_year"] = m.jobs_year;
  j["rank_risks"] = m.rank_risks;
  j["wide_files"] = m.wide_files;
  auto& projects = j["projects"] = nlohmann::ordered_json::array();
  for (const auto& p : m.projects) {
    projects.push_back({{"id", p.id},
                        {"target", p.target ? nlohmann::ordered_json(p.target->to_month_string())
                                            : nlohmann::ordered_json(nullptr)}});
  }
  auto& milestones = j["milestones"] = nlohmann::ordered_json::array();
  for (const auto& p : m.milestones) {
    milestones.push_back({{"id", p.id},
                          {"target", p.target ? nlohmann::ordered_json(p.target->to_string())
                                              : nlohmann::ordered_json(nullptr)}});
  }
  auto& risks = j["risks"] = nlohmann::ordered_json::array();
  for (const auto& r : m.risks) {
    risks.push_back({{"id", r.id}, {"phase", r.phase}, {"probability", r.probability}});
  }
  auto& inputs = j["inputs"] = nlohmann::ordered_json::array();
  for (const auto& i : m.inputs) inputs.push_back({{"name", i.name}, {"unit", i.unit}});
  j["files"] = m.files;
  check_finite_json(j, "mc.json");
  out << dump_json(j) << '\n';
}

McMetadata read_mc_metadata(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, 0, "cannot open the campaign's metadata (is this an mc output directory?)");
  McMetadata m;
  try {
    const auto j = nlohmann::json::parse(in);
    m.ripple_version = j.at("ripple_version").get<std::string>();
    m.scenario_path = j.at("scenario").at("path").get<std::string>();
    m.scenario_name = j.at("scenario").at("name").get<std::string>();
    m.scenario_hash = j.at("scenario").at("hash").get<std::string>();
    m.campaign = j.value("campaign", std::string());
    m.overrides = j.at("overrides").get<std::vector<std::string>>();
    m.overlays = j.at("overlays").get<std::vector<std::string>>();
    if (!j.at("economy").is_null()) {
      m.economy_name = j.at("economy").at("name").get<std::string>();
      m.economy_illustrative = j.at("economy").at("illustrative").get<bool>();
    }
    m.seed = j.at("seed").get<std::uint64_t>();
    m.runs = j.at("runs").get<std::uint64_t>();
    m.jobs_year = j.at("jobs_year").get<int>();
    m.rank_risks = j.at("rank_risks").get<bool>();
    m.wide_files = j.value("wide_files", false);
    for (const auto& p : j.at("projects")) {
      McProjectInfo info{p.at("id").get<std::string>(), std::nullopt};
      if (!p.at("target").is_null()) info.target = Date::parse(p.at("target").get<std::string>());
      m.projects.push_back(std::move(info));
    }
    if (j.contains("milestones")) {
      for (const auto& p : j.at("milestones")) {
        McMilestoneInfo info{p.at("id").get<std::string>(), std::nullopt};
        if (!p.at("target").is_null()) {
          info.target = Date::parse(p.at("target").get<std::string>());
        }
        m.milestones.push_back(std::move(info));
      }
    }
    for (const auto& r : j.at("risks")) {
      m.risks.push_back({r.at("id").get<std::string>(), r.at("phase").get<std::string>(),
                         r.at("probability").get<double>()});
    }
    for (const auto& i : j.at("inputs")) {
      m.inputs.push_back({i.at("name").get<std::string>(), i.at("unit").get<std::string>()});
    }
    if (j.contains("files")) m.files = j.at("files").get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    fail(path, 0, std::string("malformed campaign metadata: ") + e.what());
  }
  return m;
}

bool is_mc_directory(const fs::path& dir) { return fs::is_regular_file(dir / "mc.json"); }

namespace {

// The columns of a per-run file after its index (and, in mc_runs.csv, seed) column: dates of
// months and days as indices where mc_runs.csv's column names say so, every other cell a number.
McTable read_table(const fs::path& path, std::uint64_t runs) {
  RunFile file(path);
  const bool runs_file = path.filename() == "mc_runs.csv";
  std::size_t skip = 1;
  if (runs_file) {
    if (file.header().size() < 2 || file.header()[1] != "seed") {
      fail(file.path(), 1, "the header must start with 'index,seed'");
    }
    skip = 2;
  }
  McTable table;
  table.names.assign(file.header().begin() + static_cast<std::ptrdiff_t>(skip),
                     file.header().end());
  std::vector<ColumnKind> kinds;
  for (const auto& name : table.names) {
    kinds.push_back(runs_file ? column_kind(name) : ColumnKind::kNumber);
  }
  table.values.resize(table.names.size());
  for (auto& column : table.values) column.reserve(static_cast<std::size_t>(runs));
  std::vector<std::string_view> cells;
  while (file.next(cells)) {
    for (std::size_t c = 0; c < table.names.size(); ++c) {
      const std::string_view cell = cells[c + skip];
      switch (kinds[c]) {
        case ColumnKind::kMonth:
          table.values[c].push_back(month_index(cell, file.path(), file.line_number()));
          break;
        case ColumnKind::kDay:
          table.values[c].push_back(day_index(cell, file.path(), file.line_number()));
          break;
        case ColumnKind::kNumber:
          table.values[c].push_back(number(cell, file.path(), file.line_number()));
          break;
      }
    }
  }
  check_count(file, runs);
  return table;
}

// Counts of mc_critical.csv's flags (1: critical; 2: critical after a resource wait).
McCriticalCounts count_critical_flags(const fs::path& path, std::uint64_t runs, bool resources) {
  RunFile critical(path);
  const std::size_t n = critical.header().size() - 1;
  McCriticalCounts counts;
  counts.activities.assign(critical.header().begin() + 1, critical.header().end());
  counts.critical.assign(n, 0);
  if (resources) counts.resource_critical.emplace(n, 0);
  std::vector<std::string_view> cells;
  while (critical.next(cells)) {
    for (std::size_t c = 0; c < n; ++c) {
      const std::string_view cell = cells[c + 1];
      counts.critical[c] += cell == "1" || cell == "2" ? 1 : 0;
      if (counts.resource_critical) (*counts.resource_critical)[c] += cell == "2" ? 1 : 0;
    }
  }
  check_count(critical, runs);
  return counts;
}

}  // namespace

McColumns read_mc_columns(const fs::path& dir, const McMetadata& meta) {
  McColumns columns;
  columns.runs = read_table(dir / "mc_runs.csv", meta.runs);
  const bool resources = fs::exists(dir / "mc_resources.csv");
  columns.critical = fs::exists(dir / "mc_critical.csv")
                         ? count_critical_flags(dir / "mc_critical.csv", meta.runs, resources)
                         : read_critical_counts(dir / "mc_critical_counts.csv");
  if (resources) {
    columns.resources = read_table(dir / "mc_resources.csv", meta.runs);
    if (columns.resources->names.size() % 2 != 0) {
      fail(dir / "mc_resources.csv", 1, "expected <id>.wait_days,<id>.critical_wait_days pairs");
    }
  }
  if (fs::exists(dir / "mc_inputs.csv")) {
    columns.inputs = read_table(dir / "mc_inputs.csv", meta.runs);
  }
  if (fs::exists(dir / "mc_jobs.csv")) columns.jobs = read_table(dir / "mc_jobs.csv", meta.runs);
  if (fs::exists(dir / "mc_risks.csv")) {
    const McTable risks = read_table(dir / "mc_risks.csv", meta.runs);
    columns.risk_sums.emplace();
    for (const auto& values : risks.values) {
      double sum = 0.0;
      for (double v : values) sum += v;
      columns.risk_sums->push_back(sum);
    }
  }
  return columns;
}

McSummary summarise_mc_directory(const fs::path& dir) {
  const McMetadata meta = read_mc_metadata(dir / "mc.json");
  return summarise_mc_columns(read_mc_columns(dir, meta), meta, dir);
}

McSummary summarise_mc_columns(const McColumns& columns, const McMetadata& meta,
                               const fs::path& dir) {
  McSummary summary;
  summary.runs = meta.runs;
  summary.jobs_year = meta.jobs_year;

  // mc_runs.csv's columns: their statistics, and the sorted values of the date columns (the
  // S-curves and the project and milestone percentiles read them); each column sorted once.
  const std::vector<std::string>& run_columns = columns.runs.names;
  const std::vector<std::vector<double>>& run_values = columns.runs.values;
  std::vector<ColumnKind> kinds;
  std::vector<McStats> stats;
  std::vector<std::vector<double>> sorted(run_columns.size());
  for (std::size_t c = 0; c < run_columns.size(); ++c) {
    kinds.push_back(column_kind(run_columns[c]));
    std::vector<double> present = sorted_present(run_values[c]);
    stats.push_back(stats_of(run_values[c], present, kinds[c] != ColumnKind::kNumber));
    if (kinds[c] != ColumnKind::kNumber) sorted[c] = std::move(present);
  }
  const auto index_of = [&](const std::string& name) -> std::optional<std::size_t> {
    const auto it = std::find(run_columns.begin(), run_columns.end(), name);
    if (it == run_columns.end()) return std::nullopt;
    return static_cast<std::size_t>(it - run_columns.begin());
  };
  const auto column_of = [&](const std::string& name) -> const std::vector<double>* {
    const auto c = index_of(name);
    return c ? &run_values[*c] : nullptr;
  };

  // Targets: a project's on its commissioning (months) or, when it adds no capacity, on its
  // finish (days, up to the end of the target month); a milestone's on its date (days).
  struct Target {
    std::string text;  // as printed in the target column
    double last;       // the last month or day index that meets it
  };
  std::map<std::string, Target> targets;
  for (const auto& p : meta.projects) {
    if (!p.target) continue;
    if (column_of(p.id + ".commissioning") != nullptr) {
      targets[p.id + ".commissioning"] = {p.target->to_month_string(),
                                          p.target->year() * 12.0 + (p.target->month() - 1)};
    } else {
      targets[p.id + ".finish"] = {p.target->to_month_string(),
                                   static_cast<double>(end_of_month(*p.target).days())};
    }
  }
  for (const auto& m : meta.milestones) {
    if (m.target) targets[m.id + ".date"] = {m.target->to_string(), double(m.target->days())};
  }
  const auto share_on_time = [&](const std::vector<double>& values, double last) {
    std::size_t on_time = 0;
    for (double v : values) on_time += !std::isnan(v) && v <= last ? 1 : 0;
    return static_cast<double>(on_time) / static_cast<double>(meta.runs);
  };

  // mc_summary.csv
  std::ostringstream text;
  text << "metric,mean,sd,p5,p10,p50,p90,p95,target,p_on_time\n";
  for (std::size_t c = 0; c < run_columns.size(); ++c) {
    const ColumnKind kind = kinds[c];
    const McStats& s = stats[c];
    const auto date = [kind](double v) {
      return kind == ColumnKind::kMonth ? month_text(v) : day_text(v);
    };
    text << run_columns[c];
    if (s.count == 0) {
      text << ",,,,,,,";
    } else if (kind != ColumnKind::kNumber) {
      text << ',' << date(std::round(s.mean)) << ',' << fixed(s.sd);
      for (double q : {s.p5, s.p10, s.p50, s.p90, s.p95}) text << ',' << date(q);
    } else {
      for (double v : {s.mean, s.sd, s.p5, s.p10, s.p50, s.p90, s.p95}) text << ',' << fixed(v);
    }
    const auto target = targets.find(run_columns[c]);
    if (target != targets.end()) {
      text << ',' << target->second.text << ','
           << fixed(share_on_time(run_values[c], target->second.last));
    } else {
      text << ",,";
    }
    text << '\n';
  }
  write_text(dir / "mc_summary.csv", text.str());

  // mc_scurve.csv: per date column, the type 1 percentile at each whole percent.
  {
    std::vector<std::size_t> dates;
    std::ostringstream out;
    out << "probability";
    for (std::size_t c = 0; c < run_columns.size(); ++c) {
      if (kinds[c] == ColumnKind::kNumber) continue;
      dates.push_back(c);
      out << ',' << run_columns[c];
    }
    out << '\n';
    for (int k = 0; k <= 100; ++k) {
      const double p = k / 100.0;
      out << fixed(p);
      for (const std::size_t c : dates) {
        out << ',';
        if (sorted[c].empty()) continue;
        const double q = percentile_type1(sorted[c], p);
        out << (kinds[c] == ColumnKind::kMonth ? month_text(q) : day_text(q));
      }
      out << '\n';
    }
    write_text(dir / "mc_scurve.csv", out.str());
  }

  const auto days_of = [](const McStats& s, double McStats::*field) {
    return std::optional(Date::from_days(static_cast<int>(s.*field)));
  };
  for (const auto& p : meta.projects) {
    McProjectSummary row;
    row.id = p.id;
    row.target = p.target;
    if (const auto c = index_of(p.id + ".commissioning")) {
      row.adds_capacity = true;
      const McStats& s = stats[*c];
      if (s.count > 0) {
        const auto date = [](double m) { return Date::parse(month_text(m)); };
        row.p10 = date(s.p10);
        row.p50 = date(s.p50);
        row.p90 = date(s.p90);
      }
      if (p.target) {
        row.p_on_time = share_on_time(run_values[*c], targets[p.id + ".commissioning"].last);
      }
    }
    if (const auto c = index_of(p.id + ".finish")) {
      const McStats& s = stats[*c];
      if (s.count > 0) {
        row.finish_p10 = days_of(s, &McStats::p10);
        row.finish_p50 = days_of(s, &McStats::p50);
        row.finish_p80 = Date::from_days(static_cast<int>(percentile_type1(sorted[*c], 0.80)));
        row.finish_p90 = days_of(s, &McStats::p90);
      }
      if (p.target && !row.adds_capacity) {
        row.finish_p_on_time = share_on_time(run_values[*c], targets[p.id + ".finish"].last);
      }
    }
    summary.projects.push_back(std::move(row));
  }
  for (const auto& m : meta.milestones) {
    const auto c = index_of(m.id + ".date");
    if (!c) continue;
    McMilestoneSummary row;
    row.id = m.id;
    row.target = m.target;
    if (!sorted[*c].empty()) {
      const auto q = [&](double p) {
        return std::optional(Date::from_days(static_cast<int>(percentile_type1(sorted[*c], p))));
      };
      row.p10 = q(0.10);
      row.p50 = q(0.50);
      row.p80 = q(0.80);
      row.p90 = q(0.90);
    }
    if (m.target) row.p_on_time = share_on_time(run_values[*c], m.target->days());
    summary.milestones.push_back(std::move(row));
  }
  if (const auto c = index_of("jobs_" + std::to_string(meta.jobs_year))) summary.jobs = stats[*c];
  if (const auto c = index_of("job_years")) summary.job_years = stats[*c];

  write_criticality(dir, columns.critical, meta.runs);
  if (columns.resources) {
    summary.resources = summarise_resource_delays(dir, *columns.resources, meta.runs);
  }

  // sensitivity.csv
  const std::vector<double>* no_values = nullptr;
  const auto input_of = [&](const std::string& name) {
    if (!columns.inputs) return no_values;
    const auto& names = columns.inputs->names;
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? no_values : &columns.inputs->values[it - names.begin()];
  };
  if (columns.inputs) {
    const McTable& inputs = *columns.inputs;
    std::map<std::string, std::string> units;
    for (const auto& input : meta.inputs) units[input.name] = input.unit;
    std::ostringstream out;
    out << "input,unit";
    std::vector<std::optional<RankedColumn>> outputs;
    const auto add_output = [&](const std::string& name) {
      const auto* column = column_of(name);
      outputs.push_back(column != nullptr ? std::optional(rank_column(*column)) : std::nullopt);
    };
    for (const auto& p : meta.projects) {
      const std::string name =
          p.id + (column_of(p.id + ".commissioning") != nullptr ? ".commissioning" : ".finish");
      out << ',' << name;
      add_output(name);
    }
    if (column_of("job_years") != nullptr) {
      out << ",job_years";
      add_output("job_years");
    }
    out << '\n';
    for (std::size_t c = 0; c < inputs.names.size(); ++c) {
      const std::string& name = inputs.names[c];
      out << name << ',' << units[name];
      const RankedColumn input = rank_column(inputs.values[c]);
      for (const auto& output : outputs) {
        out << ',';
        if (!output) continue;
        if (const auto rho = rank_correlation(input, *output)) out << fixed(*rho);
      }
      out << '\n';
    }
    write_text(dir / "sensitivity.csv", out.str());
  }

  // mc_jobs_by_period.csv: per reporting period (a column of mc_jobs.csv).
  if (columns.jobs) {
    std::ostringstream out;
    out << "period,mean,sd,p5,p10,p25,p50,p75,p90,p95\n";
    for (std::size_t c = 0; c < columns.jobs->names.size(); ++c) {
      const McStats s = compute_stats(columns.jobs->values[c], false);
      out << columns.jobs->names[c];
      for (double v : {s.mean, s.sd, s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95}) {
        out << ',' << fixed(v);
      }
      out << '\n';
    }
    write_text(dir / "mc_jobs_by_period.csv", out.str());
  }

  // risks.csv
  if (columns.risk_sums) {
    const std::vector<double>& sums = *columns.risk_sums;
    const std::size_t n = sums.size();
    struct Row {
      const McRiskInfo* risk;
      double fired_share;
      double job_years;
      double delay_months;
    };
    std::vector<Row> rows;
    const double count = static_cast<double>(meta.runs);
    for (std::size_t r = 0; r < meta.risks.size() && 2 * r + 1 < n; ++r) {
      double share = 0.0;
      if (const auto* fired = input_of("risk:" + meta.risks[r].id)) {
        share = std::accumulate(fired->begin(), fired->end(), 0.0) / count;
      }
      rows.push_back({&meta.risks[r], share, sums[2 * r] / count, sums[2 * r + 1] / count});
    }
    // Most costly first: job-years lost, then months of delay, then declaration order.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      const double ja = std::round(a.job_years * 1000.0);
      const double jb = std::round(b.job_years * 1000.0);
      if (ja != jb) return ja > jb;
      return std::round(a.delay_months * 1000.0) > std::round(b.delay_months * 1000.0);
    });
    std::ostringstream out;
    out << "rank,risk,phase,probability,fired_share,mean_job_years_lost,mean_delay_months\n";
    for (std::size_t k = 0; k < rows.size(); ++k) {
      out << k + 1 << ',' << rows[k].risk->id << ',' << rows[k].risk->phase << ','
          << fixed(rows[k].risk->probability) << ',' << fixed(rows[k].fired_share) << ','
          << fixed(rows[k].job_years) << ',' << fixed(rows[k].delay_months) << '\n';
    }
    write_text(dir / "risks.csv", out.str());
  }
  return summary;
}

void commit_mc_folder(OutputFolder& folder, McMetadata metadata) {
  metadata.files = folder.staged_files();
  std::ostringstream text;
  write_mc_metadata(text, metadata);
  folder.write("mc.json", text.str());
  folder.commit();
}

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, 0, "cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The 1-based number of the first line where two texts differ (1 past the shorter's lines when
// one is the other's beginning).
std::size_t first_different_line(std::string_view a, std::string_view b) {
  std::size_t line = 1;
  for (std::size_t k = 0; k < a.size() && k < b.size() && a[k] == b[k]; ++k) {
    if (a[k] == '\n') ++line;
  }
  return line;
}

// The 1-based line of `text` holding `needle`; 0 when none does.
std::size_t line_of(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string_view::npos) return 0;
  return static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n')) + 1;
}

// Refuses shards of another campaign: a campaign fingerprint that differs (naming it), then
// any other difference of mc.json (naming the first line that differs).
void check_same_campaign(const std::vector<fs::path>& shards,
                         const std::vector<std::string>& metadata) {
  const fs::path first = shards.front() / "mc.json";
  const McMetadata reference = read_mc_metadata(first);
  for (std::size_t s = 1; s < shards.size(); ++s) {
    if (metadata[s] == metadata.front()) continue;
    const fs::path path = shards[s] / "mc.json";
    const McMetadata meta = read_mc_metadata(path);
    if (meta.campaign != reference.campaign) {
      fail(path, line_of(metadata[s], "\"campaign\""),
           "campaign '" + meta.campaign + "' differs from '" + reference.campaign + "' of " +
               first.string() +
               ": shards of different campaigns (scenario, --set, --overlay, --runs, --seed, "
               "options or ripple version differ)");
    }
    const std::size_t line = first_different_line(metadata[s], metadata.front());
    fail(path, line,
         "differs from " + first.string() + ":" + std::to_string(line) +
             ": the shards are not of the same campaign (scenario path, seed, runs, options)");
  }
}

// Rows after the header of a per-run file.
std::uint64_t data_rows(std::string_view text) {
  const auto lines = static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
  const bool cut = !text.empty() && text.back() != '\n';
  return lines + (cut ? 1 : 0) - (lines + (cut ? 1 : 0) > 0 ? 1 : 0);
}

// A shard's per-run files cover the same runs: a file with fewer rows than the shard's
// mc_runs.csv was cut (an interrupted shard, or a file copied half-way).
void check_equal_rows(const fs::path& shard,
                      const std::vector<std::pair<std::string, std::string>>& files) {
  const auto runs = std::find_if(files.begin(), files.end(),
                                 [](const auto& file) { return file.first == "mc_runs.csv"; });
  if (runs == files.end()) fail(shard / "mc_runs.csv", 0, "missing: every shard has mc_runs.csv");
  const std::uint64_t expected = data_rows(runs->second);
  for (const auto& [name, text] : files) {
    const std::uint64_t rows = data_rows(text);
    if (rows == expected) continue;
    fail(shard / name, static_cast<std::size_t>(rows + 1),
         "has " + std::to_string(rows) + " runs, this shard's mc_runs.csv has " +
             std::to_string(expected) +
             ": the shard's per-run files are of unequal length (an interrupted shard?)");
  }
}

// The statistics read the merged files in the staging folder; an error there (a cell that is
// not a number or a date) is reported at the shard file and line the row came from.
[[noreturn]] void rethrow_at_shards(
    const InputError& error, const fs::path& staging, const fs::path& out,
    const std::map<std::string, std::vector<CsvShardText>>& shard_files) {
  std::vector<Diagnostic> diagnostics;
  for (Diagnostic d : error.diagnostics()) {
    const fs::path file(d.mark.file);
    const auto found = shard_files.find(file.filename().string());
    if (file.parent_path() == staging && found != shard_files.end() && d.mark.line >= 2) {
      const std::string index = std::to_string(d.mark.line - 2);  // rows in index order
      for (const CsvShardText& shard : found->second) {
        std::size_t line = 0;
        for (std::size_t from = 0; from < shard.text.size();) {
          std::size_t next = shard.text.find('\n', from);
          next = next == std::string::npos ? shard.text.size() : next + 1;
          ++line;
          const std::string_view row(shard.text.data() + from, next - from);
          from = next;
          if (line > 1 && row.substr(0, row.find(',')) == index) {
            d.mark.file = shard.name;
            d.mark.line = static_cast<int>(line);
            break;
          }
        }
      }
    } else if (file.parent_path() == staging) {
      d.mark.file = (out / file.filename()).string();
    }
    diagnostics.push_back(std::move(d));
  }
  throw InputError(diagnostics);
}

}  // namespace

McSummary merge_mc_directories(const std::vector<fs::path>& shards, const fs::path& out,
                               const OutputFolderOptions& folder_options) {
  if (shards.empty()) throw UsageError("Monte Carlo merge: no shard directories given");
  // One campaign: the fingerprints, then the whole of mc.json, agree.
  std::vector<std::string> metadata;
  for (const auto& shard : shards) metadata.push_back(read_all(shard / "mc.json"));
  check_same_campaign(shards, metadata);
  const McMetadata meta = read_mc_metadata(shards.front() / "mc.json");
  // Each shard's per-run files, read once; in every shard they cover the same runs.
  std::map<std::string, std::vector<CsvShardText>> shard_files;
  for (const auto& shard : shards) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const char* name : kPerRunFiles) {
      if (fs::exists(shard / name)) files.emplace_back(name, read_all(shard / name));
    }
    check_equal_rows(shard, files);
    for (auto& [name, text] : files) {
      shard_files[name].push_back({(shard / name).string(), std::move(text)});
    }
  }
  // Every check before any output: a refused merge writes nothing.
  std::vector<std::pair<std::string, std::string>> merged{{"mc.json", metadata.front()}};
  for (const char* name : kPerRunFiles) {
    const auto found = shard_files.find(name);
    if (found == shard_files.end()) continue;
    if (found->second.size() != shards.size()) {
      for (const auto& shard : shards) {
        if (!fs::exists(shard / name)) fail(shard / name, 0, "missing in this shard only");
      }
    }
    std::ostringstream text;
    CsvMergeOptions options;
    options.expected_rows = meta.runs;
    merge_csv_texts(found->second, text, options);
    merged.emplace_back(name, text.str());
  }
  // mc_critical_counts.csv: the same activities in every shard; counts add up.
  if (std::any_of(shards.begin(), shards.end(), [](const fs::path& shard) {
        return fs::exists(shard / "mc_critical_counts.csv");
      })) {
    std::optional<McCriticalCounts> sum;
    for (const auto& shard : shards) {
      const fs::path path = shard / "mc_critical_counts.csv";
      if (!fs::exists(path)) fail(path, 0, "missing in this shard only");
      McCriticalCounts counts = read_critical_counts(path);
      if (!sum) {
        sum = std::move(counts);
        continue;
      }
      if (counts.activities != sum->activities ||
          counts.resource_critical.has_value() != sum->resource_critical.has_value()) {
        fail(path, 1,
             "its activities differ from " + (shards.front() / "mc_critical_counts.csv").string());
      }
      for (std::size_t k = 0; k < sum->critical.size(); ++k) {
        sum->critical[k] += counts.critical[k];
        if (sum->resource_critical) (*sum->resource_critical)[k] += (*counts.resource_critical)[k];
      }
    }
    std::string text = sum->resource_critical ? "activity,critical_runs,resource_critical_runs\n"
                                              : "activity,critical_runs\n";
    for (std::size_t k = 0; k < sum->activities.size(); ++k) {
      text.append(sum->activities[k]).append(",").append(std::to_string(sum->critical[k]));
      if (sum->resource_critical) {
        text.append(",").append(std::to_string((*sum->resource_critical)[k]));
      }
      text.append("\n");
    }
    merged.emplace_back("mc_critical_counts.csv", std::move(text));
  }
  // Everything is written into a staging folder and put in place at the end: a merge that fails
  // (here or in the statistics) leaves `out` as it was.
  OutputFolder folder(out, "mc.json", folder_options);
  for (const auto& [name, text] : merged) folder.write(name, text);
  std::optional<McSummary> summary;
  try {
    summary = summarise_mc_directory(folder.staging());
  } catch (const InputError& e) {
    rethrow_at_shards(e, folder.staging(), out, shard_files);
  }
  commit_mc_folder(folder, meta);
  return *summary;
}

void write_mc_table(std::ostream& out, const McSummary& summary, const McMetadata& meta) {
  out << "Monte Carlo: " << with_thousands(static_cast<double>(summary.runs)) << " runs of "
      << meta.scenario_name << " (seed " << meta.seed << ")\n\n";
  const auto has = [](const auto& rows, auto predicate) {
    return std::any_of(rows.begin(), rows.end(), predicate);
  };
  if (has(summary.projects, [](const McProjectSummary& p) { return p.adds_capacity; })) {
    TextTable projects({"project", "target", "P(on time)", "P10", "P50", "P90"},
                       {false, false, true, false, false, false});
    for (const auto& p : summary.projects) {
      if (!p.adds_capacity) continue;
      projects.add_row({p.id, month_or_dash(p.target), p.p_on_time ? percent(*p.p_on_time) : "-",
                        month_or_dash(p.p10), month_or_dash(p.p50), month_or_dash(p.p90)});
    }
    out << "Commissioning (first capacity on line) by target month, and its P10/P50/P90 month:\n";
    projects.print(out);
    out << '\n';
  }
  const auto day_or_dash = [](const std::optional<Date>& date) {
    return date ? date->to_string() : std::string("-");
  };
  TextTable finish({"project", "target", "P(on time)", "P10", "P50", "P80", "P90"},
                   {false, false, true, false, false, false, false});
  for (const auto& p : summary.projects) {
    const bool targeted = !p.adds_capacity && p.target;
    finish.add_row({p.id, targeted ? p.target->to_month_string() : "-",
                    p.finish_p_on_time ? percent(*p.finish_p_on_time) : "-",
                    day_or_dash(p.finish_p10), day_or_dash(p.finish_p50), day_or_dash(p.finish_p80),
                    day_or_dash(p.finish_p90)});
  }
  out << "Finish (latest finish of the project's activities), P10/P50/P80/P90 day; the target\n"
         "applies to the finish of a project that adds no capacity:\n";
  finish.print(out);
  if (has(summary.milestones, [](const McMilestoneSummary& m) { return m.target.has_value(); })) {
    out << '\n';
    TextTable milestones({"milestone", "target", "P(on time)", "P10", "P50", "P80", "P90"},
                         {false, false, true, false, false, false, false});
    for (const auto& m : summary.milestones) {
      if (!m.target) continue;
      milestones.add_row({m.id, m.target->to_string(), m.p_on_time ? percent(*m.p_on_time) : "-",
                          day_or_dash(m.p10), day_or_dash(m.p50), day_or_dash(m.p80),
                          day_or_dash(m.p90)});
    }
    out << "Milestones with a target, P10/P50/P80/P90 day (all milestones: mc_summary.csv):\n";
    milestones.print(out);
  }
  if (summary.jobs.count > 0 || summary.job_years.count > 0) {
    out << '\n';
    TextTable jobs({"metric", "P10", "P50", "P90", "mean"}, {false, true, true, true, true});
    const auto row = [&](const std::string& name, const McStats& s) {
      if (s.count == 0) return;
      jobs.add_row({name, with_thousands(s.p10), with_thousands(s.p50), with_thousands(s.p90),
                    with_thousands(s.mean)});
    };
    row("jobs in " + std::to_string(summary.jobs_year) + " (direct+indirect+induced)",
        summary.jobs);
    row("job-years over the horizon", summary.job_years);
    jobs.print(out);
  }
  if (!summary.resources.empty()) {
    out << '\n';
    TextTable resources({"resource", "P(delays)", "mean wait d", "if delayed", "P90 d",
                         "P(critical)", "critical d"},
                        {false, true, true, true, true, true, true});
    for (const McResourceSummary& r : summary.resources) {
      resources.add_row({r.id, percent(r.delay_share), with_thousands(r.mean_wait_days, 1),
                         with_thousands(r.mean_wait_days_if_delayed, 1),
                         with_thousands(r.p90_wait_days, 1), percent(r.critical_delay_share),
                         with_thousands(r.mean_critical_wait_days, 1)});
    }
    out << "Shared resources: share of runs in which a phase waited for it, the days phases\n"
           "waited for it per run (mean; mean over the runs it delayed; P90), and the same for\n"
           "phases on a driving path (resource_delays.csv):\n";
    resources.print(out);
  }
  out << "\nP(on time): share of runs commissioning (finishing) in or before the target month\n"
         "(on or before a milestone's target day). Jobs are annual averages of the year, persons.";
  if (meta.economy_illustrative) {
    out << "\nThe economy '" << meta.economy_name
        << "' is ILLUSTRATIVE: indirect and induced jobs are indicative only.";
  }
  out << '\n';
}

}  // namespace ripple
