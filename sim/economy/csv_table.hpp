#pragma once
// A small CSV reader that keeps where every cell came from (line and column), so that errors in a
// table name the file, the row and the column. RFC 4180 quoting; one record per line (quoted
// fields may not contain line breaks); leading UTF-8 BOM and trailing CR are ignored.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ripple/error.hpp"

namespace ripple::economy {

struct CsvCell {
  std::string text;
  int column = 1;  ///< 1-based character column where the cell starts
};

struct CsvRecord {
  int line = 0;  ///< 1-based line in the file
  std::vector<CsvCell> cells;
};

/// A parsed CSV file: its header and data records.
class CsvTable {
 public:
  /// Reads `path`; throws RuntimeError if it cannot be opened and InputError for a record with a
  /// different number of fields than the header or an unterminated quote.
  [[nodiscard]] static CsvTable read(const std::string& path);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const CsvRecord& header() const { return header_; }
  [[nodiscard]] const std::vector<CsvRecord>& records() const { return records_; }
  /// Index of a header field, or nullopt.
  [[nodiscard]] std::optional<std::size_t> find_column(std::string_view name) const;
  /// Mark of a cell (record index, field index) or of the header field when record is nullopt.
  [[nodiscard]] Mark mark(std::optional<std::size_t> record, std::size_t field) const;

 private:
  std::string path_;
  CsvRecord header_;
  std::vector<CsvRecord> records_;
};

/// Parses a whole cell as a finite number (surrounding blanks allowed); nullopt if it is not one.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

}  // namespace ripple::economy
