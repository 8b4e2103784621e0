#pragma once
/// Shards of a campaign (sweep points or Monte Carlo runs): `--shard K/N` runs the K-th of N
/// disjoint slices of the indices 0 .. P-1. K is 1-based (1 <= K <= N, as Slurm array task ids
/// usually are); shard K/N holds the indices i with i % N == K - 1. The slices are interleaved
/// rather than contiguous so that each shard gets a similar mix of points whatever P, and so
/// that a shard is known without knowing P. `ripple merge` (csv_merge.hpp) joins the shards'
/// files back in index order.

#include <cstdint>
#include <string>
#include <string_view>

namespace ripple {

/// One slice of a campaign. The default is the whole campaign (1/1).
struct Shard {
  std::uint64_t index = 1;  ///< K, 1-based, in 1 .. count
  std::uint64_t count = 1;  ///< N >= 1

  /// Whether index `i` (0-based point or run index) belongs to this shard.
  [[nodiscard]] bool contains(std::uint64_t i) const { return i % count == index - 1; }
  /// How many of the indices 0 .. total-1 belong to this shard.
  [[nodiscard]] std::uint64_t size_of(std::uint64_t total) const {
    return total >= index ? (total - index) / count + 1 : 0;
  }
  /// The first index of this shard (K - 1); the next ones follow every `count`.
  [[nodiscard]] std::uint64_t first() const { return index - 1; }
  /// "K/N".
  [[nodiscard]] std::string to_string() const;
};

/// Parses "K/N" (decimal integers, 1 <= K <= N). Throws UsageError `<label> <text>: <rule>` when
/// it is not of that form, K or N is 0, or K > N; `label` names where the text came from (the
/// CLI passes its option, `--shard`).
[[nodiscard]] Shard parse_shard(std::string_view text, std::string_view label = "shard");

}  // namespace ripple
