#include "scenario/yaml_values.hpp"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <sstream>

namespace ripple::scenario_yaml {
namespace {

constexpr std::string_view kDurationExpected =
    "a duration '<number> <unit>' with unit days, weeks, months, quarters, years, wd (working "
    "days) or h (working hours)";
constexpr std::string_view kDateExpected = "a date YYYY-MM or YYYY-MM-DD (years 0001 to 9999)";
constexpr std::string_view kCapacityExpected = "a capacity '<number> <unit>/yr', e.g. '300 kt/yr'";
constexpr std::size_t kRenderLimit = 60;
// The largest magnitude of any number in a scenario (docs/scenario-format.md, "Ranges"): far
// above any real capex in millions, price, job count or capacity, and far enough below the
// largest double that every product and sum ripple forms from such numbers stays finite.
constexpr double kMaxMagnitude = 1e12;
constexpr std::string_view kMagnitudeRule = "must be at most 1e12 in magnitude";
constexpr std::string_view kReadsAsNumberRule =
    "'inf' and 'nan' are not allowed here: CSV readers take them for numbers";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A number at the front of `text`; `rest` receives what follows it.
std::optional<double> leading_number(std::string_view text, std::string_view& rest) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || !std::isfinite(value)) return std::nullopt;
  rest = trim(std::string_view(end, static_cast<std::size_t>(text.data() + text.size() - end)));
  return value;
}

std::optional<double> parse_number(std::string_view text) {
  std::string_view rest;
  const auto value = leading_number(text, rest);
  if (!value || !rest.empty()) return std::nullopt;
  return value;
}

std::string render_node(const YAML::Node& node, bool top) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      if (!top || parse_number(node.Scalar())) return node.Scalar();
      return "'" + node.Scalar() + "'";
    case YAML::NodeType::Sequence: {
      std::string out = "[";
      for (std::size_t i = 0; i < node.size(); ++i) {
        if (i > 0) out += ", ";
        out += render_node(node[i], false);
      }
      return out + "]";
    }
    case YAML::NodeType::Map: {
      std::string out = "{";
      bool first = true;
      for (const auto& pair : node) {
        if (!first) out += ", ";
        first = false;
        out += render_node(pair.first, false) + ": " + render_node(pair.second, false);
      }
      return out + "}";
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return top ? "nothing" : "~";
  }
  return "";
}

bool is_absent(const YAML::Node& node) { return !node.IsDefined() || node.IsNull(); }

// Unit families whose amounts convert into each other: days/weeks, months/quarters/years, and
// working days and working hours each on their own (they need a calendar to convert).
int unit_family(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDays:
    case TimeUnit::kWeeks:
      return 0;
    case TimeUnit::kMonths:
    case TimeUnit::kQuarters:
    case TimeUnit::kYears:
      return 1;
    case TimeUnit::kWorkDays:
      return 2;
    case TimeUnit::kWorkHours:
      return 3;
  }
  return 0;
}

// First pass over a document's events: finds aliases and extra documents before any node is
// built. yaml-cpp shares an aliased node, but code walking the tree visits it once per use.
class DocumentChecker : public YAML::EventHandler {
 public:
  explicit DocumentChecker(std::string file) : file_(std::move(file)) {}
  void OnDocumentStart(const YAML::Mark& mark) override { start_ = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw InputError(to_mark(mark),
                     "YAML alias: aliases (*name) are not supported; write the value out");
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    if (const auto bad = invalid_utf8(value)) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(value[*bad]));
      throw InputError(to_mark(mark), std::string("YAML text: byte ") + byte +
                                          " is not valid UTF-8; the file must be UTF-8 text");
    }
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  [[nodiscard]] Mark start() const { return to_mark(start_); }

 private:
  [[nodiscard]] Mark to_mark(const YAML::Mark& m) const {
    return m.line >= 0 ? Mark{file_, m.line + 1, m.column + 1} : Mark{file_, 0, 0};
  }
  std::string file_;
  YAML::Mark start_ = YAML::Mark::null_mark();
};

}  // namespace

std::optional<std::size_t> invalid_utf8(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // The length of the sequence and the range of its second byte (RFC 3629, section 4).
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::nullopt;
}

YAML::Node load_document(const std::string& text, const std::string& file) {
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentChecker checker(file);
    if (parser.HandleNextDocument(checker) && parser.HandleNextDocument(checker)) {
      throw InputError(checker.start(),
                       "a second YAML document: a scenario file holds one document (no '---' "
                       "after the first)");
    }
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError(Mark{file, e.mark.line + 1, e.mark.column + 1}, "YAML syntax: " + e.msg);
  }
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rolling rows (a transposition looks two rows back); no allocation per row.
  std::vector<std::size_t> rows(3 * (m + 1));
  std::size_t* before = rows.data();
  std::size_t* previous = before + (m + 1);
  std::size_t* current = previous + (m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  std::size_t previous_min = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    // Every later cell is at least min(this row, the row before + 1): past the limit for good.
    if (row_min > limit && previous_min >= limit) return limit + 1;
    previous_min = row_min;
    std::size_t* recycled = before;
    before = previous;
    previous = current;
    current = recycled;
  }
  return std::min(previous[m], limit + 1);
}

std::vector<std::string> nearest_names(std::string_view word,
                                       const std::vector<Candidate>& candidates,
                                       std::size_t count) {
  // The `count` nearest distinct names, ties in the given order. A candidate is measured only
  // up to the distance of the current count-th best, and skipped when its length alone puts it
  // further: with many names most cost a length comparison or a few rows of the table.
  struct Scored {
    std::size_t distance;
    std::size_t index;
  };
  std::vector<Scored> best;
  const auto worst = [&] {
    return best.size() < count ? std::numeric_limits<std::size_t>::max() - 1 : best.back().distance;
  };
  for (std::size_t i = 0; i < candidates.size() && count > 0; ++i) {
    const Candidate& c = candidates[i];
    const std::size_t bound = worst();
    if (c.penalty > bound) continue;
    const std::size_t limit = bound - c.penalty;
    const std::size_t distance = edit_distance(word, c.key, limit) + c.penalty;
    if (distance > bound || (best.size() == count && distance == bound)) continue;
    const auto same = std::find_if(best.begin(), best.end(), [&](const Scored& s) {
      return candidates[s.index].display == c.display;
    });
    if (same != best.end()) {
      if (same->distance <= distance) continue;
      best.erase(same);
    }
    const auto at = std::upper_bound(best.begin(), best.end(), distance,
                                     [](std::size_t d, const Scored& s) { return d < s.distance; });
    best.insert(at, Scored{distance, i});
    if (best.size() > count) best.pop_back();
  }
  std::vector<std::string> names;
  names.reserve(best.size());
  for (const auto& s : best) names.push_back(candidates[s.index].display);
  return names;
}

std::optional<std::string> suggestion(std::string_view word,
                                      const std::vector<std::string>& valid) {
  // A likely typo: at most a third of the word wrong (and at least one edit allowed).
  const std::size_t limit = std::max<std::size_t>(1, (word.size() + 2) / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : valid) {
    if (best_distance == 0) break;
    // Only a strictly nearer name replaces the best (ties keep the first).
    const std::size_t distance = edit_distance(word, candidate, best_distance - 1);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string join_comma(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

std::string join_or(const std::vector<std::string>& words) {
  if (words.size() <= 1) return join_comma(words);
  std::vector<std::string> head(words.begin(), words.end() - 1);
  return join_comma(head) + " or " + words.back();
}

std::string render(const YAML::Node& node) {
  std::string out = render_node(node, true);
  if (out.size() > kRenderLimit) out = out.substr(0, kRenderLimit - 3) + "...";
  return out;
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return buffer;
}

std::string join_key(const std::string& path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return path + "." + std::string(key);
}

std::optional<double> capacity_in_unit(const WrittenCapacity& capacity,
                                       std::string_view product_unit) {
  if (capacity.unit == product_unit) return capacity.amount;
  static constexpr std::pair<std::string_view, double> kPrefixes[] = {
      {"k", 1e3}, {"M", 1e6}, {"bn", 1e9}};
  for (const auto& [prefix, factor] : kPrefixes) {
    if (capacity.unit.size() == prefix.size() + product_unit.size() &&
        std::string_view(capacity.unit).substr(0, prefix.size()) == prefix &&
        std::string_view(capacity.unit).substr(prefix.size()) == product_unit) {
      return capacity.amount * factor;
    }
  }
  return std::nullopt;
}

Mark NodeReader::mark(const YAML::Node& node) const {
  if (!node.IsDefined()) return Mark{file_, 0, 0};
  if (sources_ != nullptr) return source_mark(node, *sources_);
  const YAML::Mark m = node.Mark();
  if (m.line < 0) return Mark{file_, 0, 0};
  return Mark{file_, m.line + 1, m.column + 1};
}

Mark NodeReader::mark_or(const YAML::Node& node, const Mark& fallback) const {
  Mark m = mark(node);
  return m.line > 0 ? m : fallback;
}

void NodeReader::invalid(const YAML::Node& node, const std::string& path, const std::string& rule) {
  if (is_absent(node)) {
    error(mark(node), path + ": no value; " + rule);
  } else {
    error(mark(node), path + " = " + render(node) + ": " + rule);
  }
}

bool NodeReader::expect_map(const YAML::Node& node, const std::string& path) {
  if (node.IsMap()) return true;
  if (is_placeholder(node, path)) return false;
  invalid(node, path, "expected a map of keys and values");
  return false;
}

bool NodeReader::expect_list(const YAML::Node& node, const std::string& path) {
  if (node.IsSequence()) return true;
  invalid(node, path, "expected a list");
  return false;
}

void NodeReader::check_keys(const YAML::Node& map, const std::string& path,
                            std::span<const std::string_view> allowed) {
  std::vector<std::string> valid(allowed.begin(), allowed.end());
  std::map<std::string, int> seen;  // key -> line first written
  for (const auto& pair : map) {
    const YAML::Node& key = pair.first;
    if (!key.IsScalar()) {
      error(mark(key), (path.empty() ? std::string("top level") : path) + ": a key must be text");
      continue;
    }
    const std::string& name = key.Scalar();
    const std::string key_path = join_key(path, name);
    if (std::find(valid.begin(), valid.end(), name) == valid.end()) {
      // A key added by --set has no position of its own: its value names the --set item.
      const Mark at = mark(key).line > 0 ? mark(key) : mark(pair.second);
      if (auto near = suggestion(name, valid)) {
        suggested_.emplace_back(map, *near);
        error(at, key_path + ": unknown key; did you mean '" + *near + "'?");
      } else {
        error(at, key_path + ": unknown key; valid keys are " + join_comma(valid));
      }
      continue;
    }
    const auto [it, inserted] = seen.emplace(name, mark(key).line);
    if (!inserted) {
      error(mark(key),
            key_path + ": key written twice (first on line " + std::to_string(it->second) + ")");
    }
  }
}

bool NodeReader::has(const YAML::Node& map, std::string_view key) {
  return map[std::string(key)].IsDefined();
}

bool NodeReader::require(const YAML::Node& map, std::string_view key, const std::string& path) {
  if (has(map, key)) return true;
  const bool suggested = std::any_of(suggested_.begin(), suggested_.end(), [&](const auto& s) {
    return s.first.is(map) && s.second == key;
  });
  if (suggested) return false;
  error(mark(map), (path.empty() ? std::string("top level") : path) + ": missing required key '" +
                       std::string(key) + "'");
  return false;
}

bool NodeReader::is_placeholder(const YAML::Node& node, const std::string& path) {
  if (!node.IsScalar()) return false;
  const std::string& text = node.Scalar();
  if (text.rfind("TODO", 0) != 0 || (text.size() > 4 && text[4] != ' ' && text[4] != '_')) {
    return false;
  }
  invalid(node, path, "a placeholder to fill in (written by ripple import): give the value");
  return true;
}

std::optional<std::string> NodeReader::text(const YAML::Node& node, const std::string& path) {
  if (is_placeholder(node, path)) return std::nullopt;
  if (node.IsScalar()) return node.Scalar();
  invalid(node, path, "expected text");
  return std::nullopt;
}

std::optional<std::string> NodeReader::identifier(const YAML::Node& node, const std::string& path) {
  auto value = text(node, path);
  if (!value) return std::nullopt;
  const bool ok = !value->empty() && std::all_of(value->begin(), value->end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!ok) {
    invalid(node, path, "an id must be lower-case letters, digits and '_' ([a-z0-9_]+)");
    return std::nullopt;
  }
  if (*value == "inf" || *value == "nan") {
    invalid(node, path, std::string(kReadsAsNumberRule));
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> NodeReader::csv_text(const YAML::Node& node, const std::string& path) {
  auto value = text(node, path);
  if (value && (*value == "inf" || *value == "nan" || *value == "-inf" || *value == "-nan")) {
    invalid(node, path, std::string(kReadsAsNumberRule));
    return std::nullopt;
  }
  return value;
}

std::optional<double> NodeReader::number(const YAML::Node& node, const std::string& path) {
  if (is_placeholder(node, path)) return std::nullopt;
  if (node.IsScalar()) {
    if (auto value = parse_number(node.Scalar())) {
      if (std::fabs(*value) <= kMaxMagnitude) return value;
      invalid(node, path, std::string(kMagnitudeRule));
      return std::nullopt;
    }
  }
  invalid(node, path, "expected a number");
  return std::nullopt;
}

std::optional<double> NodeReader::non_negative(const YAML::Node& node, const std::string& path) {
  auto value = number(node, path);
  if (value && *value < 0.0) {
    invalid(node, path, "must not be negative");
    return std::nullopt;
  }
  return value;
}

std::optional<double> NodeReader::share(const YAML::Node& node, const std::string& path) {
  auto value = number(node, path);
  if (value && (*value < 0.0 || *value > 1.0)) {
    invalid(node, path, "a share must be in [0, 1]");
    return std::nullopt;
  }
  return value;
}

std::optional<long long> NodeReader::integer(const YAML::Node& node, const std::string& path) {
  if (node.IsScalar()) {
    std::string_view s = trim(node.Scalar());
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    long long value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc{} && end == s.data() + s.size()) return value;
  }
  invalid(node, path, "expected a whole number");
  return std::nullopt;
}

std::optional<bool> NodeReader::boolean(const YAML::Node& node, const std::string& path) {
  if (node.IsScalar()) {
    std::string s = node.Scalar();
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
  }
  invalid(node, path, "expected true or false");
  return std::nullopt;
}

std::optional<Date> NodeReader::date(const YAML::Node& node, const std::string& path) {
  if (node.IsScalar()) {
    if (auto value = Date::parse(trim(node.Scalar()))) return value;
  }
  invalid(node, path, "expected " + std::string(kDateExpected));
  return std::nullopt;
}

std::optional<Duration> NodeReader::duration(const YAML::Node& node, const std::string& path) {
  if (is_placeholder(node, path)) return std::nullopt;
  if (node.IsScalar()) {
    if (auto value = Duration::parse(trim(node.Scalar()))) {
      if (value->is_within_horizon()) return value;
      invalid(node, path,
              "a duration must be at most " + format_number(kMaxDurationYears) +
                  " years either way (" + format_number(kMaxDurationDays) + " days, " +
                  format_number(kMaxDurationMonths) + " months)");
      return std::nullopt;
    }
  }
  invalid(node, path, "expected " + std::string(kDurationExpected));
  return std::nullopt;
}

std::optional<NodeReader::Quantity> NodeReader::quantity(const YAML::Node& node,
                                                         const std::string& path,
                                                         bool is_duration) {
  if (is_duration) {
    auto d = duration(node, path);
    if (!d) return std::nullopt;
    return Quantity{d->amount, d->unit};
  }
  auto n = number(node, path);
  if (!n) return std::nullopt;
  return Quantity{*n, std::nullopt};
}

std::optional<std::pair<Distribution, std::optional<TimeUnit>>> NodeReader::distribution(
    const YAML::Node& node, const std::string& path, bool is_duration) {
  using Kind = Distribution::Kind;
  if (node.IsScalar()) {
    auto q = quantity(node, path, is_duration);
    if (!q) return std::nullopt;
    return std::pair{Distribution::fixed(q->amount), q->unit};
  }
  const std::string what = is_duration ? std::string(kDurationExpected) : "a number";
  const std::string forms =
      "{triangular: [min, mode, max]}, {pert: [min, mode, max]}, {uniform: [low, high]} or "
      "{lognormal: {median: m, sigma: s}}";
  if (!node.IsMap() || node.size() != 1) {
    invalid(node, path, "expected " + what + ", or a distribution " + forms);
    return std::nullopt;
  }
  const auto pair = *node.begin();
  const std::string name = pair.first.IsScalar() ? pair.first.Scalar() : std::string();
  const YAML::Node params = pair.second;
  const std::string param_path = join_key(path, name);
  static const std::vector<std::string> kKinds = {"triangular", "pert", "uniform", "lognormal"};
  Kind kind = Kind::kFixed;
  if (name == "triangular") {
    kind = Kind::kTriangular;
  } else if (name == "pert") {
    kind = Kind::kPert;
  } else if (name == "uniform") {
    kind = Kind::kUniform;
  } else if (name == "lognormal") {
    kind = Kind::kLognormal;
  } else {
    std::string message = param_path + ": unknown distribution";
    if (auto near = suggestion(name, kKinds)) message += "; did you mean '" + *near + "'?";
    error(mark(pair.first), message + " (expected triangular, pert, uniform or lognormal)");
    return std::nullopt;
  }

  std::vector<Quantity> values;
  std::vector<YAML::Node> value_nodes;
  double sigma = 0.0;
  bool ok = true;
  if (kind == Kind::kLognormal) {
    if (!expect_map(params, param_path)) return std::nullopt;
    check_keys(params, param_path, {"median", "sigma"});
    const bool has_median = require(params, "median", param_path);
    const bool has_sigma = require(params, "sigma", param_path);
    if (!has_median || !has_sigma) return std::nullopt;
    auto median = quantity(params["median"], join_key(param_path, "median"), is_duration);
    auto s = non_negative(params["sigma"], join_key(param_path, "sigma"));
    if (!median || !s) return std::nullopt;
    if (median->amount <= 0.0) {
      invalid(params["median"], join_key(param_path, "median"),
              "the median of a lognormal must be greater than zero");
      ok = false;
    }
    values.push_back(*median);
    value_nodes.push_back(params["median"]);
    sigma = *s;
  } else {
    const std::size_t count = kind == Kind::kUniform ? 2 : 3;
    const std::string shape = kind == Kind::kUniform ? "[low, high]" : "[min, mode, max]";
    if (!params.IsSequence() || params.size() != count) {
      invalid(params, param_path,
              "expected a list of " + std::to_string(count) + " values " + shape);
      return std::nullopt;
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::string item_path = param_path + "[" + std::to_string(i) + "]";
      auto q = quantity(params[i], item_path, is_duration);
      if (!q) {
        ok = false;
        continue;
      }
      values.push_back(*q);
      value_nodes.push_back(params[i]);
    }
  }
  if (!ok) return std::nullopt;

  // One unit for all parameters: as written when they agree, else the family's base unit.
  std::optional<TimeUnit> unit;
  if (is_duration) {
    const int family = unit_family(*values.front().unit);
    for (const auto& q : values) {
      if (unit_family(*q.unit) != family) {
        invalid(params, param_path,
                "parameters mix unit families (days and weeks; months, quarters and years; "
                "working days; working hours); use one family");
        return std::nullopt;
      }
    }
    unit = values.front().unit;
    const bool same = std::all_of(values.begin(), values.end(),
                                  [&](const Quantity& q) { return q.unit == unit; });
    if (!same) {
      unit = family == 0 ? TimeUnit::kDays : TimeUnit::kMonths;
      for (auto& q : values) q = Quantity{Duration{q.amount, *q.unit}.base_amount(), unit};
    }
  }

  Distribution d;
  d.kind = kind;
  d.a = values[0].amount;
  if (kind == Kind::kLognormal) {
    d.b = sigma;
  } else if (kind == Kind::kUniform) {
    d.b = values[1].amount;
    if (d.a > d.b) {
      invalid(params, param_path, "parameters must satisfy low <= high");
      return std::nullopt;
    }
  } else {
    d.b = values[1].amount;
    d.c = values[2].amount;
    if (d.a > d.b || d.b > d.c) {
      invalid(params, param_path, "parameters must satisfy min <= mode <= max");
      return std::nullopt;
    }
  }
  return std::pair{d, unit};
}

std::optional<DurationDistribution> NodeReader::duration_distribution(const YAML::Node& node,
                                                                      const std::string& path) {
  auto result = distribution(node, path, true);
  if (!result) return std::nullopt;
  return DurationDistribution{result->first, result->second.value_or(TimeUnit::kDays)};
}

std::optional<Distribution> NodeReader::number_distribution(const YAML::Node& node,
                                                            const std::string& path) {
  auto result = distribution(node, path, false);
  if (!result) return std::nullopt;
  return result->first;
}

std::optional<WrittenCapacity> NodeReader::capacity(const YAML::Node& node,
                                                    const std::string& path) {
  if (node.IsScalar()) {
    std::string_view rest;
    const auto amount = leading_number(node.Scalar(), rest);
    constexpr std::string_view kPerYear = "/yr";
    if (amount && rest.size() > kPerYear.size() &&
        rest.substr(rest.size() - kPerYear.size()) == kPerYear) {
      const std::string_view unit = trim(rest.substr(0, rest.size() - kPerYear.size()));
      if (!unit.empty()) {
        if (*amount < 0.0) {
          invalid(node, path, "a capacity must not be negative");
          return std::nullopt;
        }
        if (*amount > kMaxMagnitude) {
          invalid(node, path, std::string(kMagnitudeRule));
          return std::nullopt;
        }
        return WrittenCapacity{*amount, std::string(unit)};
      }
    }
  }
  invalid(node, path, "expected " + std::string(kCapacityExpected));
  return std::nullopt;
}

}  // namespace ripple::scenario_yaml
