#pragma once
/// Aligned plain-text tables for the terminal: a header row, a rule, rows; numeric columns are
/// right-aligned. Used by every command's `--format table` output.

#include <iosfwd>
#include <string>
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

}  // namespace ripple
