#pragma once
/// Counter-based random streams for Monte Carlo. A run's draws for one uncertain input come
/// from a stream keyed by (campaign seed, run index, the input's stable id), so results do not
/// depend on thread count, run order, sharding, or on other inputs being added (common random
/// numbers between scenario variants follow for free).
///
/// The generator is SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators"): state advances by the golden-ratio increment and each output is the MurmurHash3
/// finaliser of the state. The stream's starting state mixes the key's three parts through the
/// same finaliser. Uniforms take the top 53 bits: u = (x >> 11) * 2^-53, in [0, 1).

#include <cstdint>
#include <string_view>

namespace ripple {

/// Stable 64-bit id of an input's name ("duration:satimola.shafts"): FNV-1a then mixed.
[[nodiscard]] std::uint64_t stable_id(std::string_view name);

/// One independent stream of 64-bit values and uniforms.
class RandomStream {
 public:
  /// The stream of input `input_id` in run `run` of campaign `seed`.
  RandomStream(std::uint64_t seed, std::uint64_t run, std::uint64_t input_id);
  /// The next 64 random bits.
  [[nodiscard]] std::uint64_t next();
  /// A uniform double in [0, 1).
  [[nodiscard]] double uniform();
  /// A uniform double in (0, 1): never exactly 0, for inverse-CDF and log transforms.
  [[nodiscard]] double uniform_open();

 private:
  std::uint64_t state_;
};

/// The SplitMix64 / MurmurHash3 64-bit finaliser.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace ripple
