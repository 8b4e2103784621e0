#pragma once
// No inf or nan in a JSON output: nlohmann::json dumps a non-finite number as `null`, which
// would turn a failed computation into a silently missing value. The writers call
// check_finite_json() on the document before dumping it with dump_json().

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ripple/error.hpp"

namespace ripple {

/// Throws ModelError (exit 4) naming `file` and the key path (`credibility[0].output_per_worker_m`)
/// of the first number in `j` that is not finite.
template <typename Json>
void check_finite_json(const Json& j, std::string_view file, const std::string& path = {}) {
  if (j.is_number_float()) {
    const double value = j.template get<double>();
    if (std::isfinite(value)) return;
    std::string message(file);
    message.append(": ")
        .append(path.empty() ? "the document" : path)
        .append(" = ")
        .append(std::isnan(value) ? "nan" : (value < 0 ? "-inf" : "inf"))
        .append(
            ": not a finite number; ripple writes no inf or nan (the model gave no finite "
            "value: a near-singular economy table or extreme inputs?)");
    throw ModelError(message);
  }
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      check_finite_json(it.value(), file, path.empty() ? it.key() : path + "." + it.key());
    }
  } else if (j.is_array()) {
    for (std::size_t k = 0; k < j.size(); ++k) {
      check_finite_json(j[k], file, path + "[" + std::to_string(k) + "]");
    }
  }
}

/// The document as the writers print it, indented by 2. Bytes that are not UTF-8 (a path given
/// in bytes, a table label) become U+FFFD: nlohmann::json would otherwise throw type_error 316
/// and the output would be lost (scenario text is checked to be UTF-8 when it is read).
template <typename Json>
std::string dump_json(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ripple
