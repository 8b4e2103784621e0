#include "ripple/error.hpp"

#include <sstream>

namespace ripple {

std::string Diagnostic::to_string() const {
  std::ostringstream out;
  out << (mark.file.empty() ? "<input>" : mark.file);
  if (mark.line > 0) out << ':' << mark.line << ':' << mark.column;
  out << ": error: " << message;
  return out.str();
}

namespace {
std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.to_string();
  }
  return text;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : Error(ExitCode::kInvalidInput, join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

void DiagnosticSink::throw_if_any() const {
  if (!diagnostics_.empty()) throw InputError(diagnostics_);
}

}  // namespace ripple
