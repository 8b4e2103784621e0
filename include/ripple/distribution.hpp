#pragma once
/// Probability distributions of uncertain scenario inputs (durations, delays, costs).
/// A deterministic run uses each distribution's mode (mode()); Monte Carlo samples them.
/// Parameters, in the distribution's own unit:
///   fixed       value a
///   triangular  min a, mode b, max c           (a <= b <= c)
///   pert        min a, mode b, max c           (a <= b <= c, beta-PERT with lambda = 4)
///   uniform     low a, high b                  (a <= b); no unique mode: mode() is the midpoint
///   lognormal   median a, sigma b (of log)     (a > 0, b >= 0); mode = a * exp(-b^2)

#include <string_view>

#include "ripple/duration.hpp"

namespace ripple {

/// A distribution of real values. Plain data; validated by the scenario reader.
struct Distribution {
  enum class Kind { kFixed, kTriangular, kPert, kUniform, kLognormal };
  Kind kind = Kind::kFixed;
  double a = 0.0;
  double b = 0.0;
  double c = 0.0;

  /// A distribution that always gives `value`.
  [[nodiscard]] static Distribution fixed(double value) { return {Kind::kFixed, value, 0, 0}; }
  /// The value a deterministic run uses: the mode (uniform: the midpoint).
  [[nodiscard]] double mode() const;
  /// The analytic mean.
  [[nodiscard]] double mean() const;
  /// The smallest and largest value with non-zero density (lognormal: 0 and +inf).
  [[nodiscard]] double lowest() const;
  [[nodiscard]] double highest() const;
  /// True when the distribution always gives the same value.
  [[nodiscard]] bool is_fixed() const { return kind == Kind::kFixed; }
};

/// Keyword of a kind as scenario files write it ("triangular").
[[nodiscard]] std::string_view kind_name(Distribution::Kind kind);

/// A distribution of durations: values counted in `unit`.
struct DurationDistribution {
  Distribution values;
  TimeUnit unit = TimeUnit::kMonths;

  [[nodiscard]] static DurationDistribution fixed(Duration d) {
    return {Distribution::fixed(d.amount), d.unit};
  }
  /// The duration a deterministic run uses (the mode).
  [[nodiscard]] Duration mode() const { return {values.mode(), unit}; }
  /// The duration for a sampled value in this unit.
  [[nodiscard]] Duration with_amount(double amount) const { return {amount, unit}; }
};

}  // namespace ripple
