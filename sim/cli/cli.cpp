#include <boost/program_options/errors.hpp>
#include <exception>
#include <iomanip>
#include <ostream>

#include "cli/command.hpp"
#include "ripple/error.hpp"
#include "ripple/version.hpp"

namespace ripple::cli {
namespace {

void print_help(std::ostream& out) {
  out << "ripple " << kVersion
      << " - simulates the rollout of industrial projects and the jobs they create:\n"
         "direct, indirect (suppliers) and induced (household spending), by region and period.\n"
         "\n"
         "Usage: ripple COMMAND [OPTIONS] [ARGS]\n"
         "       ripple COMMAND --help     options of one command\n"
         "       ripple --version\n"
         "\n"
         "Commands:\n";
  for (const auto& command : commands()) {
    out << "  " << std::left << std::setw(13) << command.name << command.summary << '\n';
  }
  out << "\n"
         "Exit codes: 0 success, 1 runtime failure, 2 usage error, 3 invalid input,\n"
         "4 model error. Results go to stdout, errors to stderr.\n"
         "Example: ripple run scenarios/kazakhstan_2025.yaml --out out/kz\n";
}

}  // namespace

int run_cli(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help(args.empty() ? err : out);
    return args.empty() ? static_cast<int>(ExitCode::kUsage) : 0;
  }
  if (args[0] == "--version") {
    out << "ripple " << kVersion << '\n';
    return out.flush() ? 0 : static_cast<int>(ExitCode::kRuntime);
  }
  for (const auto& command : commands()) {
    if (command.name != args[0]) continue;
    try {
      const int code = command.run(Args(args.begin() + 1, args.end()), out, err);
      // Results that never reached stdout (a full disk, a closed pipe) are a failure, not a
      // success: every command's output is checked here, once.
      out.flush();
      if (!out) {
        err << "ripple " << command.name << ": cannot write the results to stdout\n";
        return static_cast<int>(ExitCode::kRuntime);
      }
      return code;
    } catch (const Error& e) {
      err << e.what() << '\n';
      return static_cast<int>(e.exit_code());
    } catch (const boost::program_options::error& e) {
      err << "ripple " << command.name << ": " << e.what() << "\n(see: ripple " << command.name
          << " --help)\n";
      return static_cast<int>(ExitCode::kUsage);
    } catch (const std::exception& e) {
      err << "ripple " << command.name << ": internal error: " << e.what() << '\n';
      return static_cast<int>(ExitCode::kRuntime);
    }
  }
  err << "ripple: unknown command '" << args[0] << "' (see: ripple --help)\n";
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace ripple::cli
