#include "ripple/event_queue.hpp"

#include <doctest/doctest.h>

#include <random>
#include <vector>

namespace ripple {
namespace {

struct Tag {
  int id;
};

TEST_SUITE("engine") {
  TEST_CASE("the event queue pops by time, then priority, then push order") {
    EventQueue<int, Tag> q;
    q.reset(0);
    q.push(5, 1, {1});
    q.push(3, 2, {2});
    q.push(5, 0, {3});
    q.push(5, 1, {4});
    q.push(3, 2, {5});
    std::vector<int> order;
    while (!q.empty()) order.push_back(q.pop().payload.id);
    CHECK(order == std::vector<int>{2, 5, 3, 1, 4});
  }

  TEST_CASE("events at the current instant keep the same order as heap events") {
    EventQueue<int, Tag> q;
    q.reset(0);
    q.push(10, 3, {1});
    q.push(10, 1, {2});
    q.push(10, 5, {3});
    CHECK(q.pop().payload.id == 2);  // now == 10
    q.push(10, 3, {4});              // fast path: after 1 (same priority, pushed later)
    q.push(10, 0, {5});              // fast path: before everything left
    q.push(4, 4, {6});               // in the past: runs now, between 4 and 3
    std::vector<int> order;
    while (!q.empty()) order.push_back(q.pop().payload.id);
    CHECK(order == std::vector<int>{5, 1, 4, 6, 3});
    CHECK(q.now() == 10);
  }

  TEST_CASE("the event queue agrees with a sorted reference on a random hold model") {
    std::mt19937_64 rng(7);
    EventQueue<double, Tag, 4, 2> binary;
    EventQueue<double, Tag> quaternary;
    binary.reset(0.0);
    quaternary.reset(0.0);
    for (int i = 0; i < 1000; ++i) {
      const double t = static_cast<double>(rng() % 1000);
      binary.push(t, static_cast<unsigned>(i % 4), {i});
      quaternary.push(t, static_cast<unsigned>(i % 4), {i});
    }
    double last = 0.0;
    for (int i = 0; i < 20000; ++i) {
      const auto a = binary.pop();
      const auto b = quaternary.pop();
      REQUIRE(a.payload.id == b.payload.id);
      REQUIRE(a.time >= last);
      last = a.time;
      const double t = a.time + static_cast<double>(rng() % 50);
      binary.push(t, a.priority, {i + 1000});
      quaternary.push(t, a.priority, {i + 1000});
    }
    CHECK(binary.size() == 1000);
  }

  TEST_CASE("a generation table recognises cancelled events") {
    GenerationTable g;
    g.reset(3);
    const auto stamp = g.current(1);
    CHECK(g.is_current(1, stamp));
    g.cancel(1);
    CHECK_FALSE(g.is_current(1, stamp));
    CHECK(g.is_current(2, g.current(2)));
  }
}

}  // namespace
}  // namespace ripple
