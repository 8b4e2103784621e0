#include "ripple/sampling.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace ripple {
namespace {

constexpr int kDraws = 200000;

struct Moments {
  double mean = 0.0;
  double variance = 0.0;
};

template <typename Draw>
Moments moments(Draw draw) {
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < kDraws; ++i) {
    const double x = draw();
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / kDraws;
  return {mean, sum_sq / kDraws - mean * mean};
}

// The sample mean is within 4 standard errors of the analytic mean, and the sample variance
// within 3% of the analytic one (fixed seed: deterministic, the tolerance guards the algorithm).
void check_moments(const Moments& got, double mean, double variance) {
  const double standard_error = std::sqrt(variance / kDraws);
  CHECK(std::abs(got.mean - mean) < 4.0 * standard_error);
  CHECK(got.variance == doctest::Approx(variance).epsilon(0.03));
}

}  // namespace

TEST_SUITE("batch") {
  TEST_CASE("streams are determined by seed, run and input id only") {
    RandomStream a(42, 7, stable_id("duration:p.x"));
    RandomStream b(42, 7, stable_id("duration:p.x"));
    RandomStream other_run(42, 8, stable_id("duration:p.x"));
    RandomStream other_input(42, 7, stable_id("duration:p.y"));
    const auto first = a.next();
    CHECK(first == b.next());
    CHECK(first != other_run.next());
    CHECK(first != other_input.next());
  }

  TEST_CASE("uniforms lie between 0 and 1 with mean one half") {
    RandomStream s(1, 0, 0);
    double lo = 1.0;
    double hi = 0.0;
    const Moments m = moments([&] {
      const double u = s.uniform();
      lo = std::min(lo, u);
      hi = std::max(hi, u);
      return u;
    });
    CHECK(lo >= 0.0);
    CHECK(hi < 1.0);
    check_moments(m, 0.5, 1.0 / 12.0);
  }

  TEST_CASE("each distribution's sample moments match the analytic ones") {
    struct Case {
      const char* name;
      Distribution dist;
      double variance;
    };
    const double s2 = 0.3 * 0.3;
    const Case cases[] = {
        {"uniform", {Distribution::Kind::kUniform, 10, 20, 0}, 100.0 / 12.0},
        {"triangular",
         {Distribution::Kind::kTriangular, 30, 36, 48},
         (30.0 * 30 + 36 * 36 + 48 * 48 - 30 * 36 - 30 * 48 - 36 * 48) / 18.0},
        // PERT mean (30 + 4*36 + 48) / 6 = 37, variance (mean - a)(c - mean) / 7 = 11.
        {"pert", {Distribution::Kind::kPert, 30, 36, 48}, (37.0 - 30) * (48 - 37.0) / 7.0},
        {"lognormal",
         {Distribution::Kind::kLognormal, 36, 0.3, 0},
         (std::exp(s2) - 1) * std::exp(2 * std::log(36.0) + s2)},
    };
    for (const auto& c : cases) {
      const std::string name = c.name;
      CAPTURE(name);
      RandomStream s(2024, 1, stable_id(c.name));
      check_moments(moments([&] { return sample(c.dist, s); }), c.dist.mean(), c.variance);
    }
  }

  TEST_CASE("gamma draws have mean and variance equal to the shape") {
    for (double shape : {0.5, 1.0, 3.0, 9.0}) {
      CAPTURE(shape);
      RandomStream s(5, 0, stable_id("gamma"));
      check_moments(moments([&] { return sample_gamma(s, shape); }), shape, shape);
    }
  }

  TEST_CASE("triangular draws hit the analytic quantiles") {
    RandomStream s(9, 0, stable_id("tri"));
    std::vector<double> draws(kDraws);
    for (double& x : draws) x = sample({Distribution::Kind::kTriangular, 30, 36, 48}, s);
    std::sort(draws.begin(), draws.end());
    for (double p : {0.1, 0.5, 0.9}) {
      CAPTURE(p);
      const double empirical = draws[static_cast<std::size_t>(p * kDraws)];
      CHECK(empirical == doctest::Approx(triangular_quantile(30, 36, 48, p)).epsilon(0.005));
    }
  }

  TEST_CASE("the triangular quantile function inverts the CDF at hand-worked points") {
    // a=0, b=1, c=2: the median is 1; P10 = sqrt(0.1 * 1 * 2) = 0.4472.
    CHECK(triangular_quantile(0, 1, 2, 0.5) == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(triangular_quantile(0, 1, 2, 0.1) == doctest::Approx(0.447213595).epsilon(1e-9));
    CHECK(triangular_quantile(0, 1, 2, 0.9) == doctest::Approx(1.552786405).epsilon(1e-9));
  }
}

}  // namespace ripple
