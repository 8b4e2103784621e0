// Reads an economy descriptor (YAML) and its CSV table into EconomyData, collecting every problem
// as a diagnostic with file:line:column (docs/economics.md, "Descriptor").

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "economy/csv_table.hpp"
#include "ripple/io_table.hpp"
#include "scenario/yaml_values.hpp"

namespace ripple {
namespace {

using economy::CsvTable;
using economy::parse_number;
using scenario_yaml::join_key;
using scenario_yaml::NodeReader;

// Reads the descriptor, collecting diagnostics in `sink`.
class DescriptorReader {
 public:
  DescriptorReader(std::string path, DiagnosticSink& sink)
      : path_(std::move(path)), sink_(sink), r_(path_, sink) {}

  EconomyData read();

 private:
  // The descriptor is read through the scenario's value layer (scenario/yaml_values.hpp): the
  // same positions, key checks, suggestions and `key = value: rule` messages.
  void error(const YAML::Node& node, const std::string& message) {
    r_.error(r_.mark(node), message);
  }
  // `map[key]` as text; a missing required key or a value that is not text is reported.
  std::optional<std::string> string_at(const YAML::Node& map, const char* key, bool required,
                                       const std::string& path) {
    if (!NodeReader::has(map, key)) {
      if (required) r_.require(map, key, path);
      return std::nullopt;
    }
    return r_.text(map[key], join_key(path, key));
  }
  // A map key as text (a key that is a list or a map is reported).
  std::optional<std::string> key_text(const YAML::Node& key, const std::string& path) {
    if (key.IsScalar()) return key.Scalar();
    error(key, path + ": a key must be text");
    return std::nullopt;
  }
  std::optional<double> number_at(const YAML::Node& node, const std::string& path) {
    return r_.number(node, path);
  }
  // A map key as it reads in a key path.
  static std::string render_key(const YAML::Node& key) {
    return key.IsScalar() ? key.Scalar() : scenario_yaml::render(key);
  }
  // "; did you mean 'x'?" when a sector id is a likely typo, as the scenario reader says it.
  std::string did_you_mean(const std::string& word) const {
    if (auto near = scenario_yaml::suggestion(word, sector_ids_)) {
      return "; did you mean '" + *near + "'?";
    }
    return "";
  }
  // Persons per unit of an employment count: `persons` 1, `1000 persons` (or `thousand
  // persons`) 1,000.
  std::optional<double> persons_per(const YAML::Node& unit, const std::string& path) {
    const auto text = r_.text(unit, path);
    if (!text) return std::nullopt;
    if (*text == "persons") return 1.0;
    if (*text == "1000 persons" || *text == "thousand persons") return 1000.0;
    r_.invalid(unit, path, "an employment unit is 'persons' or '1000 persons'");
    return std::nullopt;
  }

  void read_info(const YAML::Node& root, EconomyInfo& info);
  void read_sectors(const YAML::Node& root, IoTable& table);
  std::optional<std::vector<double>> read_vector(const YAML::Node& root, const char* key,
                                                 bool required, bool allow_negative);
  std::optional<double> read_cell(std::size_t record, std::size_t field, const std::string& what,
                                  bool allow_negative);
  void read_flows(IoTable& table);
  void check_output(IoTable& table, const YAML::Node& output_node);
  void read_bridge(const YAML::Node& root, EconomyData& data);
  void read_regions(const YAML::Node& root, EconomyData& data);
  std::optional<std::size_t> sector_by_id(const YAML::Node& node, const std::string& what);

  std::string path_;
  DiagnosticSink& sink_;
  NodeReader r_;
  std::optional<CsvTable> csv_;
  std::size_t label_field_ = 0;
  std::map<std::string, std::size_t> row_by_label_;
  std::vector<std::optional<std::size_t>> sector_rows_;     // record index per sector
  std::vector<std::optional<std::size_t>> sector_columns_;  // field index per sector
  std::vector<std::string> sector_ids_;
};

std::filesystem::path resolve(const std::string& descriptor, const std::string& file) {
  std::filesystem::path p(file);
  if (p.is_absolute()) return p;
  return std::filesystem::path(descriptor).parent_path() / p;
}

void DescriptorReader::read_info(const YAML::Node& root, EconomyInfo& info) {
  info.descriptor_path = path_;
  info.name = string_at(root, "name", true, "").value_or("");
  info.description = string_at(root, "description", false, "").value_or("");
  info.source = string_at(root, "source", false, "").value_or("");
  if (r_.require(root, "illustrative", "")) {
    if (auto flag = r_.boolean(root["illustrative"], "illustrative")) info.illustrative = *flag;
  }
  info.currency = string_at(root, "currency", true, "").value_or("");
  if (r_.require(root, "year", "")) {
    if (auto year = r_.integer(root["year"], "year")) info.year = static_cast<int>(*year);
  }
  if (r_.require(root, "money_unit", "")) {
    static const std::map<std::string, double> kUnits = {
        {"units", 1.0}, {"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9}};
    if (auto text = r_.text(root["money_unit"], "money_unit")) {
      if (auto it = kUnits.find(*text); it != kUnits.end()) {
        info.money_unit_label = *text;
        info.money_unit = it->second;
      } else {
        r_.invalid(root["money_unit"], "money_unit",
                   "a money unit is units, thousands, millions or billions");
      }
    }
  }
  if (NodeReader::has(root, "exchange_rates")) {
    const YAML::Node node = root["exchange_rates"];
    if (r_.expect_map(node, "exchange_rates")) {
      for (const auto& entry : node) {
        const auto code = key_text(entry.first, "exchange_rates");
        if (!code) continue;
        const std::string rate_path = join_key("exchange_rates", *code);
        auto rate = number_at(entry.second, rate_path);
        if (rate && !(*rate > 0.0)) {
          r_.invalid(entry.second, rate_path,
                     "an exchange rate (table currency units per unit) must be > 0");
        } else if (rate) {
          info.exchange_rates[*code] = *rate;
        }
      }
    }
  }
}

void DescriptorReader::read_sectors(const YAML::Node& root, IoTable& table) {
  const YAML::Node sectors = root["sectors"];
  if (!r_.require(root, "sectors", "")) return;
  if (!sectors.IsSequence() || sectors.size() == 0) {
    r_.invalid(sectors, "sectors", "expected a non-empty list of {id, name, row, column}");
    return;
  }
  std::set<std::string> seen;
  for (const auto& s : sectors) {
    const std::string path = "sectors[" + std::to_string(sector_ids_.size()) + "]";
    if (!s.IsMap()) {
      r_.invalid(s, path, "expected a map {id, name, row, column}");
      continue;
    }
    r_.check_keys(s, path, {"id", "name", "row", "column"});
    const auto id = string_at(s, "id", true, path);
    if (!id) continue;
    if (!seen.insert(*id).second) r_.invalid(s["id"], join_key(path, "id"), "duplicate sector id");
    const auto row_label = string_at(s, "row", false, path).value_or(*id);
    const auto column_label = string_at(s, "column", false, path).value_or(*id);
    table.sector_ids.push_back(*id);
    table.sector_names.push_back(string_at(s, "name", false, path).value_or(*id));
    sector_ids_.push_back(*id);
    std::optional<std::size_t> row;
    std::optional<std::size_t> column;
    if (csv_) {
      if (auto it = row_by_label_.find(row_label); it != row_by_label_.end()) {
        row = it->second;
      } else {
        sink_.error(csv_->mark(std::nullopt, label_field_),
                    "no row labelled '" + row_label + "' in column '" +
                        csv_->header().cells[label_field_].text + "' for sector '" + *id + "' (" +
                        r_.mark(s).file + ":" + std::to_string(r_.mark(s).line) + ")");
      }
      column = csv_->find_column(column_label);
      if (!column) {
        sink_.error({csv_->path(), csv_->header().line, 1},
                    "sector label '" + column_label + "' (sector '" + *id +
                        "') is missing from the columns of the header");
      }
    }
    // Two sectors on one row or column would count its data twice.
    for (std::size_t other = 0; other < sector_rows_.size(); ++other) {
      if (row && sector_rows_[other] == row) {
        r_.invalid(s, path,
                   "reads table row '" + row_label + "' that sector '" + sector_ids_[other] +
                       "' reads too (each sector needs its own row)");
      }
      if (column && sector_columns_[other] == column) {
        r_.invalid(s, path,
                   "reads table column '" + column_label + "' that sector '" + sector_ids_[other] +
                       "' reads too (each sector needs its own column)");
      }
    }
    sector_rows_.push_back(row);
    sector_columns_.push_back(column);
  }
}

std::optional<double> DescriptorReader::read_cell(std::size_t record, std::size_t field,
                                                  const std::string& what, bool allow_negative) {
  const auto& rec = csv_->records()[record];
  const std::string& text = rec.cells[field].text;
  const std::string where = "row '" + rec.cells[label_field_].text + "', column '" +
                            csv_->header().cells[field].text + "'";
  auto value = parse_number(text);
  if (!value) {
    sink_.error(csv_->mark(record, field),
                text.empty() ? what + " at " + where + " is empty (write 0 for none)"
                             : what + " at " + where + " is not a number: '" + text + "'");
    return std::nullopt;
  }
  if (!allow_negative && *value < 0.0) {
    sink_.error(csv_->mark(record, field),
                what + " at " + where + " is negative (" + text + "); it must be >= 0");
    return std::nullopt;
  }
  return value;
}

void DescriptorReader::read_flows(IoTable& table) {
  const std::size_t n = table.size();
  table.flows.assign(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      if (!sector_rows_[i] || !sector_columns_[j]) continue;
      if (auto v = read_cell(*sector_rows_[i], *sector_columns_[j], "flow", false)) {
        table.flows[i * n + j] = *v;
      }
    }
  }
}

std::optional<std::vector<double>> DescriptorReader::read_vector(const YAML::Node& root,
                                                                 const char* key, bool required,
                                                                 bool allow_negative) {
  const YAML::Node spec = root[key];
  if (!spec) {
    if (required) r_.require(root, key, "");
    return std::nullopt;
  }
  if (!spec.IsMap()) {
    r_.invalid(spec, key,
               "expected a map: {row: LABEL}, {column: LABEL} or {sum_of_rows: [LABEL, ...]}");
    return std::nullopt;
  }
  r_.check_keys(spec, key, {"row", "column", "sum_of_rows", "unit"});
  if (!csv_) return std::nullopt;
  const std::size_t n = sector_ids_.size();
  const std::string what = key;
  std::vector<double> values(n, 0.0);
  bool ok = true;
  auto add_row = [&](const YAML::Node& label_node) {
    const auto text = r_.text(label_node, what);
    if (!text) {
      ok = false;
      return;
    }
    const std::string& label = *text;
    auto it = row_by_label_.find(label);
    if (it == row_by_label_.end()) {
      error(label_node, "'" + what + "': no row labelled '" + label + "' in " + csv_->path());
      ok = false;
      return;
    }
    for (std::size_t j = 0; j < n; ++j) {
      if (!sector_columns_[j]) continue;
      if (auto v = read_cell(it->second, *sector_columns_[j], what, allow_negative)) {
        values[j] += *v;
      } else {
        ok = false;
      }
    }
  };
  if (const auto row = spec["row"]) {
    add_row(row);
  } else if (const auto column = spec["column"]) {
    const auto text = r_.text(column, join_key(what, "column"));
    if (!text) return std::nullopt;
    const std::string& label = *text;
    const auto field = csv_->find_column(label);
    if (!field) {
      error(column, "'" + what + "': no column '" + label + "' in the header of " + csv_->path());
      return std::nullopt;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (!sector_rows_[i]) continue;
      if (auto v = read_cell(*sector_rows_[i], *field, what, allow_negative)) {
        values[i] = *v;
      } else {
        ok = false;
      }
    }
  } else if (const auto rows = spec["sum_of_rows"]) {
    if (!rows.IsSequence() || rows.size() == 0) {
      r_.invalid(rows, join_key(what, "sum_of_rows"), "expected a non-empty list of row labels");
      return std::nullopt;
    }
    for (const auto& label : rows) add_row(label);
  } else {
    error(spec, what + ": needs one of row, column or sum_of_rows");
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return values;
}

void DescriptorReader::check_output(IoTable& table, const YAML::Node& output_node) {
  const std::size_t n = table.size();
  for (std::size_t j = 0; j < n; ++j) {
    double inputs = 0.0;
    for (std::size_t i = 0; i < n; ++i) inputs += table.flow(i, j);
    if (table.output[j] < 0.0) {
      error(output_node, "output of sector '" + table.sector_ids[j] + "' is negative");
    } else if (table.output[j] == 0.0 && inputs > 0.0) {
      sink_.error(sector_columns_[j] ? Mark{csv_->path(), csv_->header().line,
                                            csv_->header().cells[*sector_columns_[j]].column}
                                     : r_.mark(output_node),
                  "sector '" + table.sector_ids[j] +
                      "' has zero output but non-zero intermediate inputs (" +
                      std::to_string(inputs) + ") in column '" +
                      (sector_columns_[j] ? csv_->header().cells[*sector_columns_[j]].text
                                          : std::string()) +
                      "'");
    }
  }
}

std::optional<std::size_t> DescriptorReader::sector_by_id(const YAML::Node& node,
                                                          const std::string& what) {
  const auto text = key_text(node, what);
  if (!text) return std::nullopt;
  const std::string& id = *text;
  auto it = std::find(sector_ids_.begin(), sector_ids_.end(), id);
  if (it == sector_ids_.end()) {
    error(node, what + ": unknown sector '" + id + "'" + did_you_mean(id));
    return std::nullopt;
  }
  return static_cast<std::size_t>(it - sector_ids_.begin());
}

void DescriptorReader::read_bridge(const YAML::Node& root, EconomyData& data) {
  const std::size_t n = sector_ids_.size();
  const YAML::Node bridge = root["bridge"];
  if (!r_.require(root, "bridge", "")) return;
  if (!bridge.IsMap()) {
    r_.invalid(bridge, "bridge",
               "expected a map of works, equipment and services to sector shares");
    return;
  }
  r_.check_keys(bridge, "bridge", {"works", "equipment", "services"});
  for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
    const std::string name(category_name(static_cast<SpendingCategory>(c)));
    auto& shares = data.bridge.shares[c];
    shares.assign(n, 0.0);
    const YAML::Node node = bridge[name];
    if (!r_.require(bridge, name, "bridge")) continue;
    if (!node.IsMap() || node.size() == 0) {
      r_.invalid(node, "bridge." + name, "expected a map of sector ids to shares");
      continue;
    }
    double sum = 0.0;
    bool ok = true;
    for (const auto& entry : node) {
      const std::string share_path = "bridge." + name + "." + render_key(entry.first);
      auto sector = sector_by_id(entry.first, share_path);
      auto share = number_at(entry.second, share_path);
      if (!sector || !share) {
        ok = false;
        continue;
      }
      if (*share < 0.0) {
        r_.invalid(entry.second, share_path, "a share must not be negative");
        ok = false;
      }
      shares[*sector] += *share;
      sum += *share;
    }
    if (ok && std::abs(sum - 1.0) > 1e-6) {
      error(node, "bridge." + name + ": shares sum to " + scenario_yaml::format_number(sum) +
                      "; they must sum to 1");
    }
  }
  if (const auto node = root["construction_sector"]) {
    if (auto s = sector_by_id(node, "construction_sector")) data.construction_sector = *s;
  } else {
    const auto& works = data.bridge.shares[0];
    if (!works.empty()) {
      data.construction_sector =
          static_cast<std::size_t>(std::max_element(works.begin(), works.end()) - works.begin());
    }
  }
  data.compensation_per_worker_override.assign(n, std::nullopt);
  if (const auto node = root["compensation_per_worker"]) {
    if (!r_.expect_map(node, "compensation_per_worker")) return;
    for (const auto& entry : node) {
      const std::string item_path = "compensation_per_worker." + render_key(entry.first);
      auto sector = sector_by_id(entry.first, item_path);
      auto value = r_.non_negative(entry.second, item_path);
      if (sector && value) data.compensation_per_worker_override[*sector] = *value;
    }
  }
}

void DescriptorReader::read_regions(const YAML::Node& root, EconomyData& data) {
  const YAML::Node regions = root["regions"];
  if (!regions) return;
  const std::size_t n = sector_ids_.size();
  std::set<std::string> seen;
  auto add_region = [&](RegionEmployment region, const Mark& mark) {
    if (!seen.insert(region.id).second) {
      sink_.error(mark, "duplicate region id '" + region.id + "'");
      return;
    }
    double total = 0.0;
    for (double v : region.employment_persons) total += v;
    if (!(total > 0.0)) {
      sink_.error(mark, "region '" + region.id + "' has no employment");
      return;
    }
    data.regions.push_back(std::move(region));
  };
  if (regions.IsSequence()) {
    for (const auto& r : regions) {
      const std::string path = "regions[" + std::to_string(seen.size()) + "]";
      if (!r.IsMap()) {
        r_.invalid(r, path, "expected a map {id, name, employment: {sector: persons}}");
        continue;
      }
      r_.check_keys(r, path, {"id", "name", "employment", "wage_index"});
      auto id = string_at(r, "id", true, path);
      if (!id) continue;
      RegionEmployment region{*id, string_at(r, "name", false, path).value_or(*id),
                              std::vector<double>(n, 0.0)};
      if (const auto index = r["wage_index"]) {
        const std::string index_path = join_key(path, "wage_index");
        if (auto value = number_at(index, index_path)) {
          if (*value > 0.0) {
            region.wage_index = *value;
          } else {
            r_.invalid(index, index_path, "a wage index must be > 0");
          }
        }
      }
      const auto employment = r["employment"];
      const std::string employment_path = join_key(path, "employment");
      if (!r_.require(r, "employment", path)) continue;
      if (!r_.expect_map(employment, employment_path)) continue;
      for (const auto& entry : employment) {
        const std::string item_path = join_key(employment_path, render_key(entry.first));
        auto sector = sector_by_id(entry.first, item_path);
        auto value = r_.non_negative(entry.second, item_path);
        if (sector && value) region.employment_persons[*sector] = *value;
      }
      add_region(std::move(region), r_.mark(r));
    }
    return;
  }
  if (!regions.IsMap()) {
    r_.invalid(regions, "regions", "expected a list of regions or {file: CSV, unit: persons}");
    return;
  }
  r_.check_keys(regions, "regions", {"file", "unit"});
  const auto file = string_at(regions, "file", true, "regions");
  if (!file) return;
  double persons_per_unit = 1.0;
  if (const auto unit = regions["unit"]) {
    if (auto factor = persons_per(unit, "regions.unit")) persons_per_unit = *factor;
  }
  const CsvTable csv = CsvTable::read(resolve(path_, *file).string());
  const auto id_field = csv.find_column("region");
  if (!id_field) {
    sink_.error(csv.mark(std::nullopt, 0), "the regions table needs a 'region' column");
    return;
  }
  const auto name_field = csv.find_column("name");
  const auto wage_field = csv.find_column("wage_index");
  std::vector<std::optional<std::size_t>> sector_of_field(csv.header().cells.size());
  for (std::size_t f = 0; f < csv.header().cells.size(); ++f) {
    if (f == *id_field || (name_field && f == *name_field) || (wage_field && f == *wage_field)) {
      continue;
    }
    const auto& label = csv.header().cells[f].text;
    auto it = std::find(sector_ids_.begin(), sector_ids_.end(), label);
    if (it == sector_ids_.end()) {
      sink_.error(csv.mark(std::nullopt, f),
                  "column '" + label + "' is not a sector id of the economy" + did_you_mean(label));
      continue;
    }
    sector_of_field[f] = static_cast<std::size_t>(it - sector_ids_.begin());
  }
  for (std::size_t r = 0; r < csv.records().size(); ++r) {
    const auto& rec = csv.records()[r];
    RegionEmployment region{rec.cells[*id_field].text,
                            name_field ? rec.cells[*name_field].text : rec.cells[*id_field].text,
                            std::vector<double>(n, 0.0)};
    for (std::size_t f = 0; f < rec.cells.size(); ++f) {
      if (!sector_of_field[f]) continue;
      auto value = parse_number(rec.cells[f].text);
      if (!value || *value < 0.0) {
        sink_.error(csv.mark(r, f), "employment of region '" + region.id + "' in sector '" +
                                        csv.header().cells[f].text +
                                        "' must be a number >= 0, not '" + rec.cells[f].text + "'");
        continue;
      }
      region.employment_persons[*sector_of_field[f]] = *value * persons_per_unit;
    }
    if (wage_field) {
      const auto& cell = rec.cells[*wage_field].text;
      auto value = parse_number(cell);
      if (!value || !(*value > 0.0)) {
        sink_.error(csv.mark(r, *wage_field), "wage_index of region '" + region.id +
                                                  "' must be a number > 0, not '" + cell + "'");
      } else {
        region.wage_index = *value;
      }
    }
    add_region(std::move(region), csv.mark(r, *id_field));
  }
}

EconomyData DescriptorReader::read() {
  std::error_code ec;
  std::ifstream in(path_, std::ios::binary);
  if (!in || std::filesystem::is_directory(path_, ec)) {
    throw RuntimeError("cannot read economy descriptor '" + path_ + "'");
  }
  const std::string yaml_text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw RuntimeError("cannot read economy descriptor '" + path_ + "'");
  const YAML::Node root = scenario_yaml::load_document(yaml_text, path_);
  EconomyData data;
  if (!root.IsMap()) {
    throw InputError({path_, 1, 1}, "an economy descriptor must be a YAML map");
  }
  r_.check_keys(root, "",
                {"name", "description", "source", "illustrative", "currency", "year", "money_unit",
                 "exchange_rates", "table", "sectors", "output", "compensation", "value_added",
                 "employment", "household_consumption", "construction_sector",
                 "compensation_per_worker", "bridge", "regions"});
  read_info(root, data.info);

  // A missing key is reported by require(); its node is then invalid and must not be asked more
  // (yaml-cpp throws on a missing key's type).
  const YAML::Node table_node = root["table"];
  const bool has_table = r_.require(root, "table", "");
  if (has_table && !table_node.IsMap()) {
    r_.invalid(table_node, "table", "expected a map {file, label_column}");
  } else if (has_table) {
    r_.check_keys(table_node, "table", {"file", "label_column"});
    if (const auto file = string_at(table_node, "file", true, "table")) {
      data.info.table_path = resolve(path_, *file).string();
      csv_ = CsvTable::read(data.info.table_path);
      if (const auto label_text = string_at(table_node, "label_column", false, "table")) {
        const YAML::Node label = table_node["label_column"];
        auto field = csv_->find_column(*label_text);
        if (!field) {
          error(label,
                "'label_column': no column '" + *label_text + "' in " + data.info.table_path);
          csv_.reset();
        } else {
          label_field_ = *field;
        }
      }
      if (csv_) {
        for (std::size_t r = 0; r < csv_->records().size(); ++r) {
          const std::string& label = csv_->records()[r].cells[label_field_].text;
          const auto [it, inserted] = row_by_label_.emplace(label, r);
          if (!inserted) {
            // Which of the two rows a sector reads would be arbitrary: data silently ignored.
            sink_.error(csv_->mark(r, label_field_),
                        "row label '" + label + "' appears twice (first on line " +
                            std::to_string(csv_->mark(it->second, label_field_).line) + ")");
          }
        }
      }
    }
  }

  read_sectors(root, data.table);
  if (csv_) read_flows(data.table);
  auto output = read_vector(root, "output", true, false);
  if (output) {
    data.table.output = *output;
    check_output(data.table, root["output"]);
  }
  data.table.compensation =
      read_vector(root, "compensation", false, false).value_or(std::vector<double>{});
  data.table.value_added =
      read_vector(root, "value_added", false, true).value_or(std::vector<double>{});
  data.table.household_consumption =
      read_vector(root, "household_consumption", false, false).value_or(std::vector<double>{});
  if (auto employment = read_vector(root, "employment", false, false)) {
    double persons_per_unit = 1.0;
    if (const auto unit = root["employment"]["unit"]) {
      if (auto factor = persons_per(unit, "employment.unit")) {
        persons_per_unit = *factor;
        data.info.employment_unit_label = unit.Scalar();
      }
    }
    data.info.persons_per_employment_unit = persons_per_unit;
    for (double& v : *employment) v *= persons_per_unit;
    data.table.employment_persons = std::move(*employment);
  }
  read_bridge(root, data);
  read_regions(root, data);
  return data;
}

}  // namespace

EconomyData read_economy(const std::string& descriptor_path) {
  DiagnosticSink sink;
  DescriptorReader reader(descriptor_path, sink);
  EconomyData data = reader.read();
  sink.throw_if_any();
  return data;
}

}  // namespace ripple
