#include "ripple/distribution.hpp"

#include <cmath>
#include <limits>

namespace ripple {

double Distribution::mode() const {
  switch (kind) {
    case Kind::kFixed:
      return a;
    case Kind::kTriangular:
    case Kind::kPert:
      return b;
    case Kind::kUniform:
      return 0.5 * (a + b);
    case Kind::kLognormal:
      return a * std::exp(-b * b);
  }
  return a;
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::kFixed:
      return a;
    case Kind::kTriangular:
      return (a + b + c) / 3.0;
    case Kind::kPert:
      return (a + 4.0 * b + c) / 6.0;
    case Kind::kUniform:
      return 0.5 * (a + b);
    case Kind::kLognormal:
      return a * std::exp(0.5 * b * b);
  }
  return a;
}

double Distribution::lowest() const {
  switch (kind) {
    case Kind::kLognormal:
      return 0.0;
    default:
      return a;
  }
}

double Distribution::highest() const {
  switch (kind) {
    case Kind::kFixed:
      return a;
    case Kind::kTriangular:
    case Kind::kPert:
      return c;
    case Kind::kUniform:
      return b;
    case Kind::kLognormal:
      return std::numeric_limits<double>::infinity();
  }
  return a;
}

std::string_view kind_name(Distribution::Kind kind) {
  switch (kind) {
    case Distribution::Kind::kFixed:
      return "fixed";
    case Distribution::Kind::kTriangular:
      return "triangular";
    case Distribution::Kind::kPert:
      return "pert";
    case Distribution::Kind::kUniform:
      return "uniform";
    case Distribution::Kind::kLognormal:
      return "lognormal";
  }
  return "fixed";
}

}  // namespace ripple
