#include "ripple/shard.hpp"

#include <charconv>

#include "ripple/error.hpp"

namespace ripple {
namespace {

bool parse_count(std::string_view text, std::uint64_t& value) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc{} && ptr == end;
}

}  // namespace

std::string Shard::to_string() const {
  std::string text = std::to_string(index);
  text.append("/").append(std::to_string(count));
  return text;
}

Shard parse_shard(std::string_view text, std::string_view label) {
  std::string message(label);
  message.append(" ").append(text).append(": ");
  const std::size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string_view::npos || !parse_count(text.substr(0, slash), shard.index) ||
      !parse_count(text.substr(slash + 1), shard.count)) {
    message.append("expected K/N with whole numbers, 1 <= K <= N (e.g. 3/8)");
    throw UsageError(message);
  }
  if (shard.count == 0 || shard.index == 0 || shard.index > shard.count) {
    message.append("K must be between 1 and N (shards are numbered 1 to N)");
    throw UsageError(message);
  }
  return shard;
}

}  // namespace ripple
