#include "ripple/sampling.hpp"

#include <cmath>
#include <numbers>

namespace ripple {

double sample_normal(RandomStream& stream) {
  const double u1 = stream.uniform_open();
  const double u2 = stream.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double sample_gamma(RandomStream& stream, double shape) {
  if (shape < 1.0) {
    // Gamma(a) = Gamma(a + 1) * U^(1/a).
    const double boost = std::pow(stream.uniform_open(), 1.0 / shape);
    return sample_gamma(stream, shape + 1.0) * boost;
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = sample_normal(stream);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = stream.uniform_open();
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double sample_beta(RandomStream& stream, double alpha, double beta) {
  const double x = sample_gamma(stream, alpha);
  const double y = sample_gamma(stream, beta);
  return x / (x + y);
}

double triangular_quantile(double a, double b, double c, double p) {
  if (c <= a) return a;
  const double split = (b - a) / (c - a);
  if (p < split) return a + std::sqrt(p * (b - a) * (c - a));
  return c - std::sqrt((1.0 - p) * (c - a) * (c - b));
}

double sample(const Distribution& dist, RandomStream& stream) {
  switch (dist.kind) {
    case Distribution::Kind::kFixed:
      return dist.a;
    case Distribution::Kind::kUniform:
      return dist.a + (dist.b - dist.a) * stream.uniform();
    case Distribution::Kind::kTriangular:
      return triangular_quantile(dist.a, dist.b, dist.c, stream.uniform());
    case Distribution::Kind::kPert: {
      const double range = dist.c - dist.a;
      if (range <= 0.0) return dist.a;
      const double alpha = 1.0 + 4.0 * (dist.b - dist.a) / range;
      const double beta = 1.0 + 4.0 * (dist.c - dist.b) / range;
      return dist.a + range * sample_beta(stream, alpha, beta);
    }
    case Distribution::Kind::kLognormal:
      return dist.a * std::exp(dist.b * sample_normal(stream));
  }
  return dist.a;
}

}  // namespace ripple
