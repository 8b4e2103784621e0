#include "economy/csv_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>

namespace ripple::economy {
namespace {

// Splits one line into cells; returns false on an unterminated quote.
bool split_line(std::string_view line, std::vector<CsvCell>& cells) {
  cells.clear();
  std::size_t pos = 0;
  while (true) {
    CsvCell cell;
    cell.column = static_cast<int>(pos) + 1;
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      bool closed = false;
      while (pos < line.size()) {
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            cell.text += '"';
            pos += 2;
            continue;
          }
          ++pos;
          closed = true;
          break;
        }
        cell.text += line[pos++];
      }
      if (!closed) return false;
      // Anything between the closing quote and the comma is kept verbatim.
      while (pos < line.size() && line[pos] != ',') cell.text += line[pos++];
    } else {
      while (pos < line.size() && line[pos] != ',') cell.text += line[pos++];
    }
    cells.push_back(std::move(cell));
    if (pos >= line.size()) break;
    ++pos;  // the comma
  }
  return true;
}

}  // namespace

CsvTable CsvTable::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RuntimeError("cannot read table '" + path + "'");
  CsvTable table;
  table.path_ = path;
  DiagnosticSink sink;
  std::string line;
  int line_number = 0;
  bool have_header = false;
  std::vector<CsvCell> cells;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (line.empty()) continue;
    if (!split_line(line, cells)) {
      sink.error({path, line_number, static_cast<int>(line.size())}, "unterminated quote");
      continue;
    }
    if (!have_header) {
      table.header_ = {line_number, cells};
      have_header = true;
      continue;
    }
    if (cells.size() != table.header_.cells.size()) {
      sink.error({path, line_number, 1},
                 "row has " + std::to_string(cells.size()) + " fields but the header has " +
                     std::to_string(table.header_.cells.size()) + " (mismatched dimensions)");
      continue;
    }
    table.records_.push_back({line_number, cells});
  }
  if (!have_header) sink.error({path, 1, 1}, "the table is empty: a header row is required");
  sink.throw_if_any();
  return table;
}

std::optional<std::size_t> CsvTable::find_column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.cells.size(); ++i) {
    if (header_.cells[i].text == name) return i;
  }
  return std::nullopt;
}

Mark CsvTable::mark(std::optional<std::size_t> record, std::size_t field) const {
  const CsvRecord& r = record ? records_.at(*record) : header_;
  const int column = field < r.cells.size() ? r.cells[field].column : 1;
  return {path_, r.line, column};
}

std::optional<double> parse_number(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace ripple::economy
