#include "ripple/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "ripple/error.hpp"

namespace ripple {
namespace {

// Calls stop(k, text) for the fields of a CSV line in order (quotes respected, kept in the
// text) until it returns true, and returns that field's index.
template <class Stop>
std::optional<std::size_t> find_csv_field(std::string_view line, Stop stop) {
  std::size_t field = 0;
  std::size_t begin = 0;
  bool quoted = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == '"') {
      quoted = !quoted;
    } else if (i == line.size() || (line[i] == ',' && !quoted)) {
      if (stop(field, line.substr(begin, i - begin))) return field;
      ++field;
      begin = i + 1;
    }
  }
  return std::nullopt;
}

// Field `k` of a CSV line (quotes respected); empty when the line has fewer fields.
std::string_view csv_field_at(std::string_view line, std::size_t k) {
  std::string_view found;
  find_csv_field(line, [&](std::size_t field, std::string_view text) {
    if (field != k) return false;
    found = text;
    return true;
  });
  return found;
}

std::string_view without_line_end(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

[[noreturn]] void throw_non_finite(std::string_view row, std::string_view header,
                                   std::string_view where, std::size_t column) {
  std::string message(where);
  message.append(": column ")
      .append(std::to_string(column + 1))
      .append(" '")
      .append(csv_field_at(without_line_end(header), column))
      .append("' = ")
      .append(csv_field_at(without_line_end(row), column))
      .append(
          ": not a finite number; ripple writes no inf or nan (the model gave no finite "
          "value: a near-singular economy table or extreme inputs?)");
  throw ModelError(message);
}

}  // namespace

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> right_aligned)
    : header_(std::move(header)), right_aligned_(std::move(right_aligned)) {
  right_aligned_.resize(header_.size(), false);
}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(header_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::add_rule() { rows_.emplace_back(); }

void TextTable::print(std::ostream& out) const {
  std::vector<std::size_t> widths(header_.size());
  for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = header_[c].size();
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  const auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::size_t pad = widths[c] - cells[c].size();
      if (c > 0) line.append(2, ' ');
      if (right_aligned_[c]) line.append(pad, ' ');
      line += cells[c];
      if (!right_aligned_[c]) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  std::size_t total_width = 0;
  for (std::size_t w : widths) total_width += w + 2;
  const std::string rule(total_width > 2 ? total_width - 2 : 0, '-');
  print_row(header_);
  out << rule << '\n';
  for (const auto& row : rows_) {
    if (row.empty()) {
      out << rule << '\n';
    } else {
      print_row(row);
    }
  }
}

std::string fixed(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

std::string with_thousands(double value, int decimals) {
  const std::string digits = fixed(std::abs(value), decimals);
  const std::size_t integer_digits = std::min(digits.find('.'), digits.size());
  std::string text;
  if (value < 0 && std::stod(digits) != 0.0) text.push_back('-');  // no "-0"
  for (std::size_t i = 0; i < integer_digits; ++i) {
    if (i > 0 && (integer_digits - i) % 3 == 0) text.push_back(',');
    text.push_back(digits[i]);
  }
  text.append(digits, integer_digits);
  return text;
}

std::string signed_number(double value, int decimals) {
  std::string text = with_thousands(value, decimals);
  if (text.front() != '-' && text.find_first_not_of("0.,") != std::string::npos) {
    text.insert(text.begin(), '+');
  }
  return text;
}

std::string csv_number(double value, int decimals) {
  std::string text = fixed(value, decimals);
  if (text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, text.front() == '-' ? 1 : 0);  // no "-0.000"
  }
  return text;
}

std::optional<std::size_t> non_finite_field(std::string_view line) {
  return find_csv_field(without_line_end(line), [](std::size_t, std::string_view text) {
    if (!text.empty() && text.front() == '-') text.remove_prefix(1);
    return text == "inf" || text == "nan";
  });
}

void check_finite_row(std::string_view row, std::string_view header, std::string_view where) {
  if (const auto column = non_finite_field(row)) throw_non_finite(row, header, where, *column);
}

void check_finite_csv(std::string_view text, std::string_view file) {
  std::string_view header;
  std::size_t line_number = 0;
  for (std::size_t from = 0; from < text.size();) {
    std::size_t next = text.find('\n', from);
    next = next == std::string_view::npos ? text.size() : next + 1;
    const std::string_view line = text.substr(from, next - from);
    from = next;
    if (++line_number == 1) header = line;
    if (const auto column = non_finite_field(line)) {
      std::string where(file);
      where.append(":").append(std::to_string(line_number));
      throw_non_finite(line, header, where, *column);
    }
  }
}

}  // namespace ripple
