#include <iostream>

#include "cli/command.hpp"
#include "ripple/economy.hpp"

int main(int argc, char** argv) {
  ripple::idle_linear_algebra_threads();
  std::ios::sync_with_stdio(false);
  const ripple::cli::Args args(argv + 1, argv + argc);
  return ripple::cli::run_cli(args, std::cout, std::cerr);
}
