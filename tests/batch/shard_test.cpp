#include "ripple/shard.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ripple/error.hpp"

namespace ripple {
namespace {

TEST_SUITE("batch") {
  TEST_CASE("a shard K/N holds the indices whose remainder by N is K-1") {
    const Shard shard = parse_shard("3/4");
    CHECK(shard.index == 3);
    CHECK(shard.count == 4);
    CHECK(shard.first() == 2);
    CHECK(shard.contains(2));
    CHECK(shard.contains(6));
    CHECK_FALSE(shard.contains(3));
    CHECK(shard.to_string() == "3/4");
  }

  TEST_CASE("the shards of a campaign are disjoint and cover every index once") {
    const std::uint64_t totals[] = {0, 1, 2, 3, 7, 12, 13};
    for (const std::uint64_t n : {1, 3, 4, 5}) {
      for (const std::uint64_t total : totals) {
        CAPTURE(n);
        CAPTURE(total);
        std::vector<int> seen(total, 0);
        std::uint64_t sizes = 0;
        for (std::uint64_t k = 1; k <= n; ++k) {
          const Shard shard{k, n};
          std::uint64_t members = 0;
          for (std::uint64_t i = 0; i < total; ++i) {
            if (shard.contains(i)) {
              ++seen[i];
              ++members;
            }
          }
          CHECK(shard.size_of(total) == members);
          sizes += members;
        }
        CHECK(sizes == total);
        CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(total));
      }
    }
  }

  TEST_CASE("the whole campaign is the shard 1/1") {
    const Shard whole;
    CHECK(whole.contains(0));
    CHECK(whole.contains(12345));
    CHECK(whole.size_of(10) == 10);
  }

  TEST_CASE("a bad shard is a usage error naming the text and the rule") {
    const char* bad[] = {"0/4", "5/4", "1/0", "3", "a/4", "3/4x", "/4", "3/", "-1/4", ""};
    for (const char* text : bad) {
      CAPTURE(text);
      try {
        (void)parse_shard(text);
        FAIL("no error");
      } catch (const UsageError& e) {
        CHECK(std::string(e.what()).find(std::string("shard ") + text + ": ") == 0);
        CHECK(e.exit_code() == ExitCode::kUsage);
      }
    }
    CHECK_THROWS_WITH_AS((void)parse_shard("5/4", "--shard"),
                         "--shard 5/4: K must be between 1 and N (shards are numbered 1 to N)",
                         UsageError);
  }
}

}  // namespace
}  // namespace ripple
