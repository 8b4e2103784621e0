// Fuzz target: the CSV reader and checks of `ripple merge` (merge_csv_texts: headers, index
// column, field counts with quotes, final newlines, campaign fingerprints, duplicates, gaps).
// The input holds the shard files separated by lines `%%`; a first line `points=P` sets the
// campaign size (`--points P`). A merge that passes is checked: its rows carry the indices
// 0, 1, 2, ... in order (P of them with `points=P`).
//
// Expected: ripple::InputError. A finding: a crash, a sanitizer report, a hang, another
// exception, or an accepted merge whose indices are not 0 .. P-1 in order.

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ripple/csv_merge.hpp"
#include "ripple/error.hpp"

namespace {

constexpr std::string_view kSeparator = "\n%%\n";
constexpr std::string_view kPoints = "points=";

// Aborts unless the data rows of `merged` start with the indices 0, 1, 2, ... (`expected` many).
void check_indices(std::string_view merged, std::optional<std::uint64_t> expected) {
  std::uint64_t next = 0;
  bool header = true;
  while (!merged.empty()) {
    const std::size_t end = merged.find('\n');
    const std::string_view line = merged.substr(0, end);
    merged = end == std::string_view::npos ? std::string_view{} : merged.substr(end + 1);
    if (std::exchange(header, false)) continue;
    const std::string_view field = line.substr(0, line.find(','));
    std::uint64_t index = 0;
    const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), index);
    if (ec != std::errc{} || index != next) std::abort();
    ++next;
  }
  if (expected && next != *expected) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  ripple::CsvMergeOptions options;
  if (rest.starts_with(kPoints)) {
    const std::size_t end = rest.find('\n');
    const std::string_view number = rest.substr(kPoints.size(), end - kPoints.size());
    std::uint64_t points = 0;
    const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), points);
    if (ec == std::errc{} && ptr == number.data() + number.size() && points > 0) {
      options.expected_rows = points;
    }
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  }
  std::vector<ripple::CsvShardText> shards;
  while (true) {
    const std::size_t cut = rest.find(kSeparator);
    // The separator's first newline ends the shard's last line.
    const std::size_t length = cut == std::string_view::npos ? rest.size() : cut + 1;
    shards.push_back({"shard-" + std::to_string(shards.size() + 1) + ".csv",
                      std::string(rest.substr(0, length))});
    if (cut == std::string_view::npos) break;
    rest = rest.substr(cut + kSeparator.size());
  }
  std::ostringstream merged;
  try {
    ripple::merge_csv_texts(shards, merged, options);
  } catch (const ripple::InputError&) {
    return 0;  // refused: expected for broken, foreign or incomplete shards
  }
  check_indices(merged.str(), options.expected_rows);
  return 0;
}
