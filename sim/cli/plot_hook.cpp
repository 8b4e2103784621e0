#include "cli/plot_hook.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <ostream>
#include <system_error>

#include "ripple/error.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace ripple::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kInstallHint =
    "apt-get install python3-matplotlib python3-numpy (the CSV files are written; "
    "docs/plots.md)";

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

std::string python_path() {
  const char* python = std::getenv("RIPPLE_PYTHON");
  return python != nullptr && *python != '\0' ? python : "/usr/bin/python3";
}

// Runs argv[0] with arguments (no shell), optionally silenced; returns its exit status, or
// nothing when it could not be started or did not exit normally.
std::optional<int> spawn_and_wait(const std::vector<std::string>& argv, bool silent) {
  std::vector<char*> pointers;
  pointers.reserve(argv.size() + 1);
  for (const std::string& arg : argv) pointers.push_back(const_cast<char*>(arg.c_str()));
  pointers.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (silent) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  } else {
    // The pictures' notes are not results: the script's stdout goes to our stderr.
    posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
  }
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, pointers[0], &actions, nullptr, pointers.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return std::nullopt;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return std::nullopt;
  }
  if (!WIFEXITED(status)) return std::nullopt;
  return WEXITSTATUS(status);
}

std::optional<fs::path> executable_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return exe.parent_path();
}

}  // namespace

std::optional<fs::path> find_plot_script() {
  if (const char* env = std::getenv("RIPPLE_PLOT"); env != nullptr && *env != '\0') {
    if (is_file(env)) return fs::path(env);
    return std::nullopt;
  }
#ifdef RIPPLE_SOURCE_DIR
  if (const fs::path built = fs::path(RIPPLE_SOURCE_DIR) / "tools" / "ripple-plot";
      is_file(built)) {
    return built;
  }
#endif
  if (const auto dir = executable_dir()) {
    for (const char* relative :
         {"../tools/ripple-plot", "../../tools/ripple-plot", "../share/ripple/tools/ripple-plot"}) {
      if (const fs::path candidate = (*dir / relative).lexically_normal(); is_file(candidate)) {
        return candidate;
      }
    }
  }
  return std::nullopt;
}

void run_plot_hook(const fs::path& target, const std::vector<std::string>& args,
                   std::ostream& err) {
  const std::optional<fs::path> script = find_plot_script();
  if (!script) {
    const char* env = std::getenv("RIPPLE_PLOT");
    err << "ripple: --plot: "
        << (env != nullptr && *env != '\0' ? "RIPPLE_PLOT=" + std::string(env) + " is not a file"
                                           : std::string("cannot find tools/ripple-plot (set "
                                                         "RIPPLE_PLOT to its path)"))
        << "; no pictures drawn, the CSV files are written\n";
    return;
  }
  const std::string python = python_path();
  const std::optional<int> check =
      spawn_and_wait({python, "-c", "import matplotlib, numpy"}, /*silent=*/true);
  if (!check || *check != 0) {
    err << "ripple: --plot needs " << python << " with matplotlib and numpy: " << kInstallHint
        << '\n';
    return;
  }
  std::vector<std::string> argv{python, script->string(), target.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::cout.flush();
  err.flush();
  const std::optional<int> status = spawn_and_wait(argv, /*silent=*/false);
  if (!status || *status != 0) {
    std::string message = "--plot: ";
    message.append(script->string())
        .append(status ? " failed with exit code " + std::to_string(*status)
                       : std::string(" did not run to completion"))
        .append(" (the CSV files are written)");
    throw RuntimeError(message);
  }
}

}  // namespace ripple::cli
