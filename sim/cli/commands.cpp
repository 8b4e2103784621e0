#include "cli/command.hpp"

namespace ripple::cli {

// Entry points, one file each (sim/cli/<name>_command.cpp).

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
  };
  return kCommands;
}

}  // namespace ripple::cli
