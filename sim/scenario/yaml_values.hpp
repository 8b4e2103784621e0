#pragma once
// Internal to the scenario reader: converts YAML nodes into ripple values (numbers, dates,
// durations, distributions, capacities) and records a diagnostic at the node's position for
// every problem instead of stopping at the first. Each message reads
// `<key path> = <value as written>: <rule>` so a user sees which key, which value and why.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/distribution.hpp"
#include "ripple/duration.hpp"
#include "ripple/error.hpp"
#include "ripple/scenario_overrides.hpp"

namespace ripple::scenario_yaml {

/// Parses one YAML document from `text` for the file named `file`. Throws InputError at the
/// position of a syntax error, of any alias (`*name`: refused so that a small file cannot expand
/// into a huge tree, "billion laughs") and of a second document (`---` after the first: its keys
/// would otherwise be dropped without a word), and of a key or value that is not valid UTF-8
/// (it would reach run.json and the other JSON outputs, which must be UTF-8). An empty text gives
/// a null node.
[[nodiscard]] YAML::Node load_document(const std::string& text, const std::string& file);

/// The offset of the first byte of `text` that is not part of well-formed UTF-8 (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF), or nullopt when all of it is.
[[nodiscard]] std::optional<std::size_t> invalid_utf8(std::string_view text);

/// Optimal-string-alignment (Damerau-Levenshtein) distance: insertions, deletions,
/// substitutions and transpositions of adjacent characters each cost 1. Stops early once the
/// distance exceeds `limit` and then returns limit + 1, so that scanning many names is cheap.
[[nodiscard]] std::size_t edit_distance(
    std::string_view a, std::string_view b,
    std::size_t limit = std::numeric_limits<std::size_t>::max() - 1);

/// A name a reference may resolve to: shown as `display`, compared as `key`.
struct Candidate {
  std::string display;
  std::string key;
  std::size_t penalty = 0;  ///< added to the distance (e.g. another project's activity)
};

/// Up to `count` candidates nearest to `word`, nearest first (ties in the given order).
[[nodiscard]] std::vector<std::string> nearest_names(std::string_view word,
                                                     const std::vector<Candidate>& candidates,
                                                     std::size_t count = 3);
/// The one valid word close enough to `word` to be a likely typo, if any.
[[nodiscard]] std::optional<std::string> suggestion(std::string_view word,
                                                    const std::vector<std::string>& valid);

/// "a, b or c".
[[nodiscard]] std::string join_or(const std::vector<std::string>& words);
/// "a, b, c".
[[nodiscard]] std::string join_comma(const std::vector<std::string>& words);

/// Compact flow rendering of a node as written: `1.5`, `'2025-13'`, `[30 months, 36 months]`.
[[nodiscard]] std::string render(const YAML::Node& node);
/// A number as a message shows it (up to 12 significant digits).
[[nodiscard]] std::string format_number(double value);
/// `path.key`, or `key` at the top level.
[[nodiscard]] std::string join_key(const std::string& path, std::string_view key);

/// A capacity as written (`300 kt/yr`): the number and the unit before `/yr`.
struct WrittenCapacity {
  double amount = 0.0;
  std::string unit;
};

/// The capacity in `product_unit` per year: the written unit must be `product_unit`, optionally
/// prefixed by k (10^3), M (10^6) or bn (10^9); nullopt when it is not.
[[nodiscard]] std::optional<double> capacity_in_unit(const WrittenCapacity& capacity,
                                                     std::string_view product_unit);

/// Reads values from YAML nodes of one file, collecting diagnostics in a sink it does not own.
class NodeReader {
 public:
  /// `file` is the name diagnostics carry; `sink` must outlive the reader.
  NodeReader(std::string file, DiagnosticSink& sink) : file_(std::move(file)), sink_(&sink) {}
  /// A reader of a tree merged from several sources (scenario_overrides.hpp): a node's mark
  /// points into the source it came from. `sources` must outlive the reader; [0] is the base.
  NodeReader(const ScenarioSources& sources, DiagnosticSink& sink)
      : file_(sources.empty() ? std::string() : sources.front().name),
        sink_(&sink),
        sources_(&sources) {}

  /// 1-based position of a node; line 0 when the node has none (missing keys).
  [[nodiscard]] Mark mark(const YAML::Node& node) const;
  /// The node's position, or `fallback` when it has none.
  [[nodiscard]] Mark mark_or(const YAML::Node& node, const Mark& fallback) const;
  [[nodiscard]] const std::string& file() const { return file_; }

  void error(Mark mark, std::string message) { sink_->error(std::move(mark), std::move(message)); }
  /// Reports `path = <value>: rule` at the node.
  void invalid(const YAML::Node& node, const std::string& path, const std::string& rule);

  /// True when the node is a map; otherwise reports the wrong type.
  bool expect_map(const YAML::Node& node, const std::string& path);
  /// True when the node is a list; otherwise reports the wrong type.
  bool expect_list(const YAML::Node& node, const std::string& path);
  /// Reports every key of `map` not in `allowed` (suggesting the nearest valid key), non-text
  /// keys and keys written twice. `map` must be a map.
  void check_keys(const YAML::Node& map, const std::string& path,
                  std::initializer_list<std::string_view> allowed) {
    check_keys(map, path, std::span<const std::string_view>(allowed.begin(), allowed.size()));
  }
  void check_keys(const YAML::Node& map, const std::string& path,
                  std::span<const std::string_view> allowed);
  /// True when `map` (a map) has `key` with a value other than nothing.
  [[nodiscard]] static bool has(const YAML::Node& map, std::string_view key);
  /// Reports `path: missing required key 'key'` at the map unless has(map, key) or check_keys()
  /// already suggested `key` for a misspelt key of this map.
  bool require(const YAML::Node& map, std::string_view key, const std::string& path);

  /// True (and reported) when the node is a `TODO ...` placeholder left by `ripple import`.
  bool is_placeholder(const YAML::Node& node, const std::string& path);
  /// A scalar as text.
  std::optional<std::string> text(const YAML::Node& node, const std::string& path);
  /// An identifier: text matching [a-z0-9_]+, not `inf` or `nan`.
  std::optional<std::string> identifier(const YAML::Node& node, const std::string& path);
  /// Text that output files carry as a CSV field of its own (a region, a unit): not `inf` or
  /// `nan`, which CSV readers (and ripple's own non-finite check) take for numbers.
  std::optional<std::string> csv_text(const YAML::Node& node, const std::string& path);
  /// A finite number.
  std::optional<double> number(const YAML::Node& node, const std::string& path);
  /// A finite number >= 0.
  std::optional<double> non_negative(const YAML::Node& node, const std::string& path);
  /// A share in [0, 1].
  std::optional<double> share(const YAML::Node& node, const std::string& path);
  /// A whole number (any sign).
  std::optional<long long> integer(const YAML::Node& node, const std::string& path);
  /// true/false (also yes/no, on/off).
  std::optional<bool> boolean(const YAML::Node& node, const std::string& path);
  /// YYYY-MM or YYYY-MM-DD.
  std::optional<Date> date(const YAML::Node& node, const std::string& path);
  /// `<number> <unit>` (see duration.hpp).
  std::optional<Duration> duration(const YAML::Node& node, const std::string& path);
  /// A duration or a distribution of durations whose parameters share one unit family; mixed
  /// units of one family are converted to its base unit (days or months).
  std::optional<DurationDistribution> duration_distribution(const YAML::Node& node,
                                                            const std::string& path);
  /// A number or a distribution of numbers.
  std::optional<Distribution> number_distribution(const YAML::Node& node, const std::string& path);
  /// `<number> <unit>/yr`, the number >= 0.
  std::optional<WrittenCapacity> capacity(const YAML::Node& node, const std::string& path);

 private:
  struct Quantity {
    double amount = 0.0;
    std::optional<TimeUnit> unit;
  };
  std::optional<Quantity> quantity(const YAML::Node& node, const std::string& path,
                                   bool is_duration);
  std::optional<std::pair<Distribution, std::optional<TimeUnit>>> distribution(
      const YAML::Node& node, const std::string& path, bool is_duration);

  std::string file_;
  DiagnosticSink* sink_;
  const ScenarioSources* sources_ = nullptr;
  // Keys suggested for unknown keys, by map: a missing key that was suggested is not reported
  // again as missing.
  std::vector<std::pair<YAML::Node, std::string>> suggested_;
};

}  // namespace ripple::scenario_yaml
