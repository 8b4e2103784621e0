#pragma once
/// The error hierarchy of ripple. Every error the library throws derives from ripple::Error and
/// carries the process exit code the CLI uses for it (docs/cli.md, "Exit codes"): 1 runtime
/// failure, 2 usage error, 3 invalid input, 4 model error. The library never prints or exits;
/// only the CLI's main does.

#include <stdexcept>
#include <string>
#include <vector>

namespace ripple {

/// Exit codes shared by the CLI and its scripts.
enum class ExitCode : int {
  kOk = 0,
  kRuntime = 1,
  kUsage = 2,
  kInvalidInput = 3,
  kModel = 4,
};

/// A position in an input file; line and column are 1-based (yaml-cpp marks are 0-based and
/// are converted where they are read). A default Mark (line 0) means "no position known".
struct Mark {
  std::string file;
  int line = 0;
  int column = 0;
};

/// One problem found in an input, printed as `file:line:column: error: message`.
struct Diagnostic {
  Mark mark;
  std::string message;
  /// The GNU-style one-line rendering of this diagnostic.
  [[nodiscard]] std::string to_string() const;
};

/// Base of every error ripple throws.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  /// The process exit code for this error.
  [[nodiscard]] ExitCode exit_code() const { return code_; }

 private:
  ExitCode code_;
};

/// Bad command line (exit 2).
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ExitCode::kUsage, message) {}
};

/// Invalid input: scenario, table, override (exit 3). Holds every diagnostic collected, so that
/// a user sees all problems of a file at once; what() joins them with newlines.
class InputError : public Error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  InputError(Mark mark, const std::string& message)
      : InputError(std::vector<Diagnostic>{Diagnostic{std::move(mark), message}}) {}
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// The model cannot be solved: a Leontief system without a non-negative solution, a resource
/// deadlock (exit 4).
class ModelError : public Error {
 public:
  explicit ModelError(const std::string& message) : Error(ExitCode::kModel, message) {}
};

/// Runtime failure: I/O, internal errors (exit 1).
class RuntimeError : public Error {
 public:
  explicit RuntimeError(const std::string& message) : Error(ExitCode::kRuntime, message) {}
};

/// Collects diagnostics while an input is checked, then throws them all at once.
class DiagnosticSink {
 public:
  void error(Mark mark, std::string message) {
    diagnostics_.push_back({std::move(mark), std::move(message)});
  }
  [[nodiscard]] bool empty() const { return diagnostics_.empty(); }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  /// Throws InputError with every diagnostic collected, if there is any.
  void throw_if_any() const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace ripple
