#pragma once
/// An economy as read from disk: a YAML descriptor plus a CSV input-output table in the usual
/// published layout (sector rows and columns for the intermediate quadrant Z, final-demand
/// columns, value-added and employment rows). The descriptor says which labels are sectors, which
/// row is output, compensation of employees, value added and employment, which column is household
/// consumption, the currency and units, the bridge from capex spending categories to sectors, and
/// the regions with their employment by sector. docs/economics.md documents every key.
///
/// This is plain, validated data; economy.hpp builds the Leontief model from it.

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ripple/scenario.hpp"

namespace ripple {

/// Descriptive facts about an economy table.
struct EconomyInfo {
  std::string name;
  std::string description;
  std::string source;
  bool illustrative = false;  ///< true: not an official table; every report must say so
  std::string currency;       ///< ISO code of the table's money, e.g. "KZT"
  int year = 0;               ///< year of the table
  std::string money_unit_label = "millions";  ///< as written in the descriptor
  double money_unit = 1e6;  ///< currency units per table money unit (1e6 for "millions")
  /// Table currency units per one unit of a scenario currency, e.g. {"USD": 460} for KZT per USD.
  /// The table's own currency is always 1 and need not be listed.
  std::map<std::string, double> exchange_rates;
  std::string employment_unit_label = "persons";
  double persons_per_employment_unit = 1.0;  ///< e.g. 1000 for "1000 persons"
  std::string descriptor_path;               ///< as given to read_economy
  std::string table_path;                    ///< resolved path of the CSV
};

/// The national table restricted to what the model needs, all in table money units (and the
/// table's employment unit converted to persons). Vectors have one entry per sector.
struct IoTable {
  std::vector<std::string> sector_ids;     ///< unique ids, in table order
  std::vector<std::string> sector_names;   ///< human-readable names
  std::vector<double> flows;               ///< Z, row-major n x n: sales of row i to column j
  std::vector<double> output;              ///< x
  std::vector<double> compensation;        ///< D1 (empty if the descriptor gives none)
  std::vector<double> value_added;         ///< B1G (empty if the descriptor gives none)
  std::vector<double> employment_persons;  ///< persons (empty if the descriptor gives none)
  /// Household final consumption of domestic products (empty if the descriptor gives none).
  std::vector<double> household_consumption;

  [[nodiscard]] std::size_t size() const { return sector_ids.size(); }
  [[nodiscard]] double flow(std::size_t i, std::size_t j) const { return flows[i * size() + j]; }
};

/// A region of the country with its employment by sector, used to regionalise the national
/// table with Flegg's location quotient.
struct RegionEmployment {
  std::string id;
  std::string name;
  std::vector<double> employment_persons;  ///< per sector of the table, persons
  /// Compensation per worker in the region relative to the national figure of the same sector
  /// (1: national wages). Scales the region's direct wages and its household row; > 0.
  double wage_index = 1.0;
};

/// Bridge from capex spending categories (works, equipment, services; indexed by
/// SpendingCategory) to sectors: shares[c][i] is the share of category c bought from sector i;
/// each category's shares sum to 1.
struct SpendingBridge {
  std::array<std::vector<double>, kSpendingCategoryCount> shares;
};

/// Everything a descriptor and its files define.
struct EconomyData {
  EconomyInfo info;
  IoTable table;
  SpendingBridge bridge;
  std::vector<RegionEmployment> regions;
  /// Sector whose average compensation per worker the direct construction workforce earns;
  /// defaults to the sector with the largest share of the works bridge.
  std::size_t construction_sector = 0;
  /// Optional override of the annual compensation per worker by sector, table currency units
  /// (not millions) per person and year; empty entries use D1 / employment of the table.
  std::vector<std::optional<double>> compensation_per_worker_override;
};

/// Reads and validates an economy descriptor and the files it names (paths relative to the
/// descriptor). Throws InputError with every problem found, each naming the file, line and
/// column (for a table cell: its CSV line and the column where the cell starts, with the row and
/// column labels in the message); throws RuntimeError when a file cannot be read.
[[nodiscard]] EconomyData read_economy(const std::string& descriptor_path);

}  // namespace ripple
