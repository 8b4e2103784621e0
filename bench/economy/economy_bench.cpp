// Times ripple's economy on one descriptor (bench/README.md, "economy_bench"): reading, building
// the model, the national multipliers, and the numerical kernel alone (LU of I − A and the four
// transposed solves). Prints `key=seconds` lines, the minimum over the repetitions, for
// bench/economy/run.sh to set beside numpy's figures.
//
// Usage: economy_bench DESCRIPTOR [REPETITIONS]

#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <string>
#include <vector>

#include "ripple/economy.hpp"
#include "ripple/io_table.hpp"

namespace {

using Clock = std::chrono::steady_clock;

/// Runs `work` `repetitions` times; returns the shortest wall time in seconds.
template <typename Work>
double best_of(int repetitions, Work&& work) {
  double best = std::numeric_limits<double>::infinity();
  for (int r = 0; r < repetitions; ++r) {
    const auto start = Clock::now();
    work();
    const std::chrono::duration<double> elapsed = Clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: economy_bench DESCRIPTOR [REPETITIONS]\n");
    return 2;
  }
  const std::string descriptor = argv[1];
  const int repetitions = argc == 3 ? std::max(1, std::atoi(argv[2])) : 3;
  try {
    double checksum = 0.0;
    ripple::EconomyData data;
    const double parse_s = best_of(repetitions, [&] { data = ripple::read_economy(descriptor); });
    // The whole model: national plus one LU per region (what `ripple multipliers` builds).
    const double build_all_s = best_of(repetitions, [&] {
      const ripple::Economy economy(data);
      checksum += static_cast<double>(economy.region_ids().size());
    });
    ripple::EconomyData national_only = data;
    national_only.regions.clear();
    const double build_national_s = best_of(repetitions, [&] {
      const ripple::Economy economy(national_only);
      checksum += static_cast<double>(economy.sector_ids().size());
    });
    const ripple::Economy economy(national_only);
    const double multipliers_s = best_of(repetitions, [&] {
      const auto rows = economy.multipliers();
      checksum += rows.back().employment_type1;
    });

    // The numerical kernel alone, as Economy::Impl::build does it: one LU of I − A, then
    // (I − A)ᵀ m = k for the jobs, income, output and GVA coefficients k.
    const auto n = static_cast<Eigen::Index>(economy.sector_ids().size());
    const std::vector<double> a_values = economy.coefficients();
    const Eigen::MatrixXd a =
        Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
            a_values.data(), n, n);
    const Eigen::MatrixXd coefficients = Eigen::MatrixXd::Random(n, 4).cwiseAbs();
    const double lu_solves_s = best_of(repetitions, [&] {
      const Eigen::PartialPivLU<Eigen::MatrixXd> lu(Eigen::MatrixXd::Identity(n, n) - a);
      for (Eigen::Index k = 0; k < coefficients.cols(); ++k) {
        const Eigen::VectorXd m = lu.transpose().solve(coefficients.col(k));
        checksum += m(0);
      }
    });
    const double lu_only_s = best_of(repetitions, [&] {
      const Eigen::PartialPivLU<Eigen::MatrixXd> lu(Eigen::MatrixXd::Identity(n, n) - a);
      checksum += lu.matrixLU()(0, 0);
    });

    std::printf("blas=%s\n", std::string(ripple::linear_algebra_backend()).c_str());
    std::printf("sectors=%ld\n", static_cast<long>(n));
    std::printf("regions=%zu\n", data.regions.size());
    std::printf("parse_s=%.6f\n", parse_s);
    std::printf("build_all_s=%.6f\n", build_all_s);
    std::printf("build_national_s=%.6f\n", build_national_s);
    std::printf("multipliers_s=%.6f\n", multipliers_s);
    std::printf("lu_solves_s=%.6f\n", lu_solves_s);
    std::printf("lu_only_s=%.6f\n", lu_only_s);
    std::printf("checksum=%.6g\n", checksum);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "economy_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
