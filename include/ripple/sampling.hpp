#pragma once
/// Samplers of the scenario's distributions (distribution.hpp), written here rather than taken
/// from <random> because std:: distributions give different numbers on different standard
/// libraries. Algorithms:
///   uniform      a + (b - a) u
///   triangular   inverse CDF: x = a + sqrt(u (b-a)(c-a)) for u < (b-a)/(c-a), else
///                c - sqrt((1-u)(c-a)(c-b))
///   pert         a + (c - a) Y, Y ~ Beta(1 + 4(b-a)/(c-a), 1 + 4(c-b)/(c-a)) (Vose 2008);
///                Beta from two gammas X/(X+Y), gammas by Marsaglia & Tsang (2000) with the
///                u^(1/alpha) boost for alpha < 1
///   lognormal    median * exp(sigma z)
///   normal z     Box-Muller (cosine branch only, so one normal costs two uniforms)

#include "ripple/distribution.hpp"
#include "ripple/random.hpp"

namespace ripple {

/// A standard normal draw.
[[nodiscard]] double sample_normal(RandomStream& stream);
/// A Gamma(shape, 1) draw; shape > 0.
[[nodiscard]] double sample_gamma(RandomStream& stream, double shape);
/// A Beta(alpha, beta) draw; both > 0.
[[nodiscard]] double sample_beta(RandomStream& stream, double alpha, double beta);
/// A draw of a validated distribution.
[[nodiscard]] double sample(const Distribution& distribution, RandomStream& stream);
/// Quantile function of a triangular distribution (for tests and analytic checks).
[[nodiscard]] double triangular_quantile(double a, double b, double c, double p);

}  // namespace ripple
