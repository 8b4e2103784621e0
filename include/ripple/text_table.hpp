#pragma once
/// Aligned plain-text tables for the terminal: a header row, a rule, rows; numeric columns are
/// right-aligned. Used by every command's `--format table` output.

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ripple {

/// A table built row by row and printed once.
class TextTable {
 public:
  /// Column titles; `right_aligned[i]` right-aligns column i (numbers).
  TextTable(std::vector<std::string> header, std::vector<bool> right_aligned);
  void add_row(std::vector<std::string> cells);
  /// A horizontal rule before the next row (e.g. above a TOTAL row).
  void add_rule();
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> right_aligned_;
  std::vector<std::vector<std::string>> rows_;  ///< an empty row is a rule
};

/// A number with thousands separators and `decimals` decimals: 12345.6 -> "12,346" (0 decimals).
[[nodiscard]] std::string with_thousands(double value, int decimals = 0);

/// A number in fixed notation with `decimals` decimals, no separators: 3.14159 -> "3.14" (2).
[[nodiscard]] std::string fixed(double value, int decimals);

/// A change for people: with_thousands() and a "+" when it is positive: "+12.0", "-3,400", "0"
/// (no sign when it rounds to zero).
[[nodiscard]] std::string signed_number(double value, int decimals);

/// A number for CSV files: fixed notation, `decimals` decimals, no separators; deterministic
/// so that sharded and unsharded runs write identical bytes.
[[nodiscard]] std::string csv_number(double value, int decimals = 3);

/// The 0-based index of the first field of a CSV line (its line end is ignored) that holds a
/// non-finite number as printf and std::to_chars write one (`inf`, `-inf`, `nan`, `-nan`);
/// none when every field is finite or text. Quoted fields are text. Scenario ids cannot be
/// `inf` or `nan` (docs/scenario-format.md), so such a field is always a number.
[[nodiscard]] std::optional<std::size_t> non_finite_field(std::string_view line);

/// Checks one data row of a CSV file before it is written. Throws ModelError (exit 4) when a
/// field is not a finite number, naming `where` (the file and row), the column by its name in
/// `header` (the file's header row) and the value: no `inf` or `nan` reaches an output file.
void check_finite_row(std::string_view row, std::string_view header, std::string_view where);

/// Checks every line of a CSV text (header first) as check_finite_row() does, naming
/// `file:line` and the column. Throws ModelError.
void check_finite_csv(std::string_view text, std::string_view file);

}  // namespace ripple
