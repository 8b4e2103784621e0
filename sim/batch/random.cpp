#include "ripple/random.hpp"

namespace ripple {
namespace {
constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
}

std::uint64_t stable_id(std::string_view name) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : name) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return mix64(hash);
}

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t run, std::uint64_t input_id)
    : state_(mix64(mix64(mix64(seed + kGolden) ^ run) + input_id)) {}

std::uint64_t RandomStream::next() {
  state_ += kGolden;
  return mix64(state_);
}

double RandomStream::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double RandomStream::uniform_open() {
  return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53;
}

}  // namespace ripple
