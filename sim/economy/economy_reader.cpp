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

Mark mark_of(const YAML::Node& node, const std::string& file) {
  const YAML::Mark m = node.Mark();
  if (m.line < 0) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string suggestion(std::string_view key, const std::vector<std::string_view>& known) {
  std::string_view best;
  std::size_t best_distance = 3;
  for (auto k : known) {
    const std::size_t d = edit_distance(key, k);
    if (d < best_distance) {
      best_distance = d;
      best = k;
    }
  }
  return best.empty() ? std::string() : " (did you mean '" + std::string(best) + "'?)";
}

// Reads the descriptor, collecting diagnostics in `sink`.
class DescriptorReader {
 public:
  DescriptorReader(std::string path, DiagnosticSink& sink) : path_(std::move(path)), sink_(sink) {}

  EconomyData read();

 private:
  void error(const YAML::Node& node, const std::string& message) {
    sink_.error(mark_of(node, path_), message);
  }
  void check_keys(const YAML::Node& map, const std::vector<std::string_view>& known,
                  const std::string& where) {
    if (!map.IsMap()) return;
    for (const auto& entry : map) {
      const auto key = entry.first.as<std::string>();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        error(entry.first, "unknown key '" + key + "' in " + where + suggestion(key, known));
      }
    }
  }
  std::optional<std::string> string_at(const YAML::Node& map, const char* key, bool required,
                                       const YAML::Node& parent) {
    const YAML::Node node = map[key];
    if (!node) {
      if (required) error(parent, std::string("missing required key '") + key + "'");
      return std::nullopt;
    }
    if (!node.IsScalar()) {
      error(node, std::string("'") + key + "' must be a single value");
      return std::nullopt;
    }
    return node.as<std::string>();
  }
  std::optional<double> number_at(const YAML::Node& node, const std::string& key) {
    if (!node.IsScalar()) {
      error(node, "'" + key + "' must be a number");
      return std::nullopt;
    }
    auto value = parse_number(node.as<std::string>());
    if (!value) error(node, "'" + key + "' = '" + node.as<std::string>() + "' is not a number");
    return value;
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
  info.name = string_at(root, "name", true, root).value_or("");
  info.description = string_at(root, "description", false, root).value_or("");
  info.source = string_at(root, "source", false, root).value_or("");
  if (const auto node = root["illustrative"]) {
    const auto text = node.IsScalar() ? node.as<std::string>() : std::string();
    if (text == "true") {
      info.illustrative = true;
    } else if (text == "false") {
      info.illustrative = false;
    } else {
      error(node, "'illustrative' = '" + text + "' must be true or false");
    }
  } else {
    error(root, "missing required key 'illustrative' (true or false)");
  }
  info.currency = string_at(root, "currency", true, root).value_or("");
  if (const auto node = root["year"]) {
    if (auto year = number_at(node, "year")) info.year = static_cast<int>(*year);
  } else {
    error(root, "missing required key 'year'");
  }
  if (const auto node = root["money_unit"]) {
    static const std::map<std::string, double> kUnits = {
        {"units", 1.0}, {"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9}};
    const auto text = node.IsScalar() ? node.as<std::string>() : std::string();
    if (auto it = kUnits.find(text); it != kUnits.end()) {
      info.money_unit_label = text;
      info.money_unit = it->second;
    } else {
      error(node, "'money_unit' = '" + text + "' must be units, thousands, millions or billions");
    }
  } else {
    error(root, "missing required key 'money_unit' (units, thousands, millions or billions)");
  }
  if (const auto node = root["exchange_rates"]) {
    if (!node.IsMap()) {
      error(node, "'exchange_rates' must map currency codes to table currency units per unit");
    } else {
      for (const auto& entry : node) {
        const auto code = entry.first.as<std::string>();
        auto rate = number_at(entry.second, "exchange_rates." + code);
        if (rate && !(*rate > 0.0)) {
          error(entry.second, "'exchange_rates." + code + "' must be > 0");
        } else if (rate) {
          info.exchange_rates[code] = *rate;
        }
      }
    }
  }
}

void DescriptorReader::read_sectors(const YAML::Node& root, IoTable& table) {
  const YAML::Node sectors = root["sectors"];
  if (!sectors || !sectors.IsSequence() || sectors.size() == 0) {
    error(sectors ? sectors : root,
          "'sectors' must be a non-empty list of {id, name, row, column}");
    return;
  }
  std::set<std::string> seen;
  for (const auto& s : sectors) {
    if (!s.IsMap()) {
      error(s, "a sector must be a map {id, name, row, column}");
      continue;
    }
    check_keys(s, {"id", "name", "row", "column"}, "a sector");
    const auto id = string_at(s, "id", true, s);
    if (!id) continue;
    if (!seen.insert(*id).second) error(s["id"], "duplicate sector id '" + *id + "'");
    const auto row_label = string_at(s, "row", false, s).value_or(*id);
    const auto column_label = string_at(s, "column", false, s).value_or(*id);
    table.sector_ids.push_back(*id);
    table.sector_names.push_back(string_at(s, "name", false, s).value_or(*id));
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
                        mark_of(s, path_).file + ":" + std::to_string(mark_of(s, path_).line) +
                        ")");
      }
      column = csv_->find_column(column_label);
      if (!column) {
        sink_.error({csv_->path(), csv_->header().line, 1},
                    "sector label '" + column_label + "' (sector '" + *id +
                        "') is missing from the columns of the header");
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
    if (required) error(root, std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  if (!spec.IsMap()) {
    error(spec, std::string("'") + key + "' must be a map: {row: LABEL}, {column: LABEL}" +
                    " or {sum_of_rows: [LABEL, ...]}");
    return std::nullopt;
  }
  check_keys(spec, {"row", "column", "sum_of_rows", "unit"}, std::string("'") + key + "'");
  if (!csv_) return std::nullopt;
  const std::size_t n = sector_ids_.size();
  const std::string what = key;
  std::vector<double> values(n, 0.0);
  bool ok = true;
  auto add_row = [&](const YAML::Node& label_node) {
    const auto label = label_node.as<std::string>();
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
    const auto label = column.as<std::string>();
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
      error(rows, "'" + what + ".sum_of_rows' must be a non-empty list of row labels");
      return std::nullopt;
    }
    for (const auto& label : rows) add_row(label);
  } else {
    error(spec, "'" + what + "' needs one of row, column or sum_of_rows");
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
                                     : mark_of(output_node, path_),
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
  const auto id = node.as<std::string>();
  auto it = std::find(sector_ids_.begin(), sector_ids_.end(), id);
  if (it == sector_ids_.end()) {
    std::vector<std::string_view> known(sector_ids_.begin(), sector_ids_.end());
    error(node, what + ": unknown sector '" + id + "'" + suggestion(id, known));
    return std::nullopt;
  }
  return static_cast<std::size_t>(it - sector_ids_.begin());
}

void DescriptorReader::read_bridge(const YAML::Node& root, EconomyData& data) {
  const std::size_t n = sector_ids_.size();
  const YAML::Node bridge = root["bridge"];
  if (!bridge || !bridge.IsMap()) {
    error(bridge ? bridge : root,
          "'bridge' must map works, equipment and services to sector shares");
    return;
  }
  check_keys(bridge, {"works", "equipment", "services"}, "'bridge'");
  for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
    const std::string name(category_name(static_cast<SpendingCategory>(c)));
    auto& shares = data.bridge.shares[c];
    shares.assign(n, 0.0);
    const YAML::Node node = bridge[name];
    if (!node || !node.IsMap() || node.size() == 0) {
      error(node ? node : bridge, "'bridge." + name + "' must map sector ids to shares");
      continue;
    }
    double sum = 0.0;
    bool ok = true;
    for (const auto& entry : node) {
      auto sector = sector_by_id(entry.first, "'bridge." + name + "'");
      auto share = number_at(entry.second, "bridge." + name + "." + entry.first.as<std::string>());
      if (!sector || !share) {
        ok = false;
        continue;
      }
      if (*share < 0.0) {
        error(entry.second, "'bridge." + name + "' shares must be >= 0");
        ok = false;
      }
      shares[*sector] += *share;
      sum += *share;
    }
    if (ok && std::abs(sum - 1.0) > 1e-6) {
      error(node, "'bridge." + name + "' shares sum to " + std::to_string(sum) + ", not 1");
    }
  }
  if (const auto node = root["construction_sector"]) {
    if (auto s = sector_by_id(node, "'construction_sector'")) data.construction_sector = *s;
  } else {
    const auto& works = data.bridge.shares[0];
    if (!works.empty()) {
      data.construction_sector =
          static_cast<std::size_t>(std::max_element(works.begin(), works.end()) - works.begin());
    }
  }
  data.compensation_per_worker_override.assign(n, std::nullopt);
  if (const auto node = root["compensation_per_worker"]) {
    if (!node.IsMap()) {
      error(node, "'compensation_per_worker' must map sector ids to currency units per year");
      return;
    }
    for (const auto& entry : node) {
      auto sector = sector_by_id(entry.first, "'compensation_per_worker'");
      auto value = number_at(entry.second, "compensation_per_worker");
      if (sector && value) {
        if (*value < 0.0) {
          error(entry.second, "'compensation_per_worker' must be >= 0");
        } else {
          data.compensation_per_worker_override[*sector] = *value;
        }
      }
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
      if (!r.IsMap()) {
        error(r, "a region must be a map {id, name, employment: {sector: persons}}");
        continue;
      }
      check_keys(r, {"id", "name", "employment"}, "a region");
      auto id = string_at(r, "id", true, r);
      if (!id) continue;
      RegionEmployment region{*id, string_at(r, "name", false, r).value_or(*id),
                              std::vector<double>(n, 0.0)};
      const auto employment = r["employment"];
      if (!employment || !employment.IsMap()) {
        error(employment ? employment : r, "'employment' must map sector ids to persons");
        continue;
      }
      for (const auto& entry : employment) {
        auto sector = sector_by_id(entry.first, "region '" + *id + "' employment");
        auto value = number_at(entry.second, "employment");
        if (sector && value) {
          if (*value < 0.0) error(entry.second, "employment must be >= 0");
          region.employment_persons[*sector] = std::max(0.0, *value);
        }
      }
      add_region(std::move(region), mark_of(r, path_));
    }
    return;
  }
  if (!regions.IsMap()) {
    error(regions, "'regions' must be a list of regions or {file: CSV, unit: persons}");
    return;
  }
  check_keys(regions, {"file", "unit"}, "'regions'");
  const auto file = string_at(regions, "file", true, regions);
  if (!file) return;
  double persons_per_unit = 1.0;
  if (const auto unit = regions["unit"]) {
    const auto text = unit.as<std::string>();
    if (text == "persons") {
      persons_per_unit = 1.0;
    } else if (text == "1000 persons" || text == "thousand persons") {
      persons_per_unit = 1000.0;
    } else {
      error(unit, "'regions.unit' = '" + text + "' must be 'persons' or '1000 persons'");
    }
  }
  const CsvTable csv = CsvTable::read(resolve(path_, *file).string());
  const auto id_field = csv.find_column("region");
  if (!id_field) {
    sink_.error(csv.mark(std::nullopt, 0), "the regions table needs a 'region' column");
    return;
  }
  const auto name_field = csv.find_column("name");
  std::vector<std::optional<std::size_t>> sector_of_field(csv.header().cells.size());
  for (std::size_t f = 0; f < csv.header().cells.size(); ++f) {
    if (f == *id_field || (name_field && f == *name_field)) continue;
    const auto& label = csv.header().cells[f].text;
    auto it = std::find(sector_ids_.begin(), sector_ids_.end(), label);
    if (it == sector_ids_.end()) {
      std::vector<std::string_view> known(sector_ids_.begin(), sector_ids_.end());
      sink_.error(
          csv.mark(std::nullopt, f),
          "column '" + label + "' is not a sector id of the economy" + suggestion(label, known));
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
  check_keys(root,
             {"name", "description", "source", "illustrative", "currency", "year", "money_unit",
              "exchange_rates", "table", "sectors", "output", "compensation", "value_added",
              "employment", "household_consumption", "construction_sector",
              "compensation_per_worker", "bridge", "regions"},
             "the economy descriptor");
  read_info(root, data.info);

  const YAML::Node table_node = root["table"];
  if (!table_node || !table_node.IsMap()) {
    error(table_node ? table_node : root, "'table' must be a map {file, label_column}");
  } else {
    check_keys(table_node, {"file", "label_column"}, "'table'");
    if (const auto file = string_at(table_node, "file", true, table_node)) {
      data.info.table_path = resolve(path_, *file).string();
      csv_ = CsvTable::read(data.info.table_path);
      if (const auto label = table_node["label_column"]) {
        auto field = csv_->find_column(label.as<std::string>());
        if (!field) {
          error(label, "'label_column': no column '" + label.as<std::string>() + "' in " +
                           data.info.table_path);
          csv_.reset();
        } else {
          label_field_ = *field;
        }
      }
      if (csv_) {
        for (std::size_t r = 0; r < csv_->records().size(); ++r) {
          row_by_label_.emplace(csv_->records()[r].cells[label_field_].text, r);
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
      const auto text = unit.as<std::string>();
      // "persons", "1000 persons", "thousand persons".
      if (text == "persons") {
        persons_per_unit = 1.0;
      } else if (text == "1000 persons" || text == "thousand persons") {
        persons_per_unit = 1000.0;
      } else {
        error(unit, "'employment.unit' = '" + text + "' must be 'persons' or '1000 persons'");
      }
      data.info.employment_unit_label = text;
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
