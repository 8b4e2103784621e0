// `ripple multipliers ECONOMY`: per sector, output, income, GVA and employment multipliers, Type I
// and Type II, nationally or for one region (docs/economics.md).

#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/command.hpp"
#include "report/json_finite.hpp"
#include "ripple/economy.hpp"
#include "ripple/error.hpp"
#include "ripple/ripple.hpp"
#include "ripple/text_table.hpp"

namespace ripple::cli {
namespace {

namespace po = boost::program_options;

constexpr std::string_view kHelp =
    "Usage: ripple multipliers ECONOMY [--region R] [--delta D] [--no-households]\n"
    "                          [--format table|csv|json]\n"
    "\n"
    "Reads an economy descriptor (docs/economics.md) and prints one row per sector: output,\n"
    "income, GVA and employment multipliers, Type I (households exogenous) and Type II\n"
    "(households endogenous), and the employment effect in persons per million of the table's\n"
    "currency of final demand. With --region, the multipliers of the region's system\n"
    "regionalised by Flegg's location quotient.\n"
    "  output   total output per unit of final demand (column sum of L)\n"
    "  income   (wL)_j / w_j, w = compensation / output (a ratio)\n"
    "  GVA      value added per unit of final demand ((vL)_j)\n"
    "  emp      (eL)_j / e_j, e = jobs / output (a ratio)\n"
    "  jobs/mn  (eL)_j, persons per million of final demand\n"
    "\n"
    "Options:\n"
    "  --region R        a region id of the economy (default: the national table)\n"
    "  --delta D         FLQ delta in [0, 1) (default 0.25)\n"
    "  --no-households   Type I only (no household closure)\n"
    "  --format F        table (default), csv or json\n"
    "  -h, --help        show this help\n"
    "\n"
    "Example: ripple multipliers scenarios/economy/kazakhstan/economy.yaml --region abay\n";

// "-" for a multiplier that does not exist (no data, or NaN).
std::string fixed_or_dash(double value, int decimals) {
  return std::isnan(value) ? "-" : fixed(value, decimals);
}
std::string fixed_or_dash(const std::optional<double>& value, int decimals) {
  return value ? fixed_or_dash(*value, decimals) : "-";
}

// The library names the setting (`household_closure = false`); here it is a flag.
Economy load_with_flags(const std::string& path, const EconomyOptions& options) {
  try {
    return load_economy(path, options);
  } catch (const InputError& e) {
    constexpr std::string_view kSetting = "household_closure = false";
    std::vector<Diagnostic> diagnostics = e.diagnostics();
    for (Diagnostic& d : diagnostics) {
      const std::size_t at = d.message.find(kSetting);
      if (at != std::string::npos) d.message.replace(at, kSetting.size(), "--no-households");
    }
    throw InputError(std::move(diagnostics));
  }
}

nlohmann::json json_number(const std::optional<double>& value) {
  if (!value || std::isnan(*value)) return nullptr;
  return *value;
}

}  // namespace

int run_multipliers(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")("region", po::value<std::string>(), "region")(
      "delta", po::value<double>(), "FLQ delta")("no-households", "Type I only")(
      "format", po::value<std::string>()->default_value("table"), "table, csv or json");
  po::options_description all;
  all.add(visible).add_options()("economy", po::value<std::vector<std::string>>(), "economy");
  po::positional_options_description positional;
  positional.add("economy", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help") > 0) {
    out << kHelp;
    return 0;
  }
  const auto files = vm.count("economy") > 0 ? vm["economy"].as<std::vector<std::string>>()
                                             : std::vector<std::string>{};
  if (files.size() != 1) {
    throw UsageError("ripple multipliers: expected one ECONOMY descriptor, got " +
                     std::to_string(files.size()) + " (see: ripple multipliers --help)");
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "csv" && format != "json") {
    throw UsageError("ripple multipliers: --format must be table, csv or json, not '" + format +
                     "'");
  }
  EconomyOptions options;
  if (vm.count("delta") > 0) options.flq_delta = vm["delta"].as<double>();
  options.household_closure = vm.count("no-households") == 0;
  const Economy economy = load_with_flags(files.front(), options);
  std::optional<std::size_t> region;
  std::string region_label = "national";
  if (vm.count("region") > 0) {
    region_label = vm["region"].as<std::string>();
    region = economy.find_region(region_label);
    if (!region) {
      std::string known;
      for (const auto& id : economy.region_ids()) known += (known.empty() ? "" : ", ") + id;
      throw UsageError("ripple multipliers: unknown region '" + region_label +
                       "' (the economy has: " + (known.empty() ? "no regions" : known) + ")");
    }
  }
  const auto rows = economy.multipliers(region);
  const EconomyInfo& info = economy.info();

  if (format == "json") {
    nlohmann::json j;
    j["economy"] = info.name;
    j["descriptor"] = info.descriptor_path;
    j["illustrative"] = info.illustrative;
    j["currency"] = info.currency;
    j["year"] = info.year;
    j["region"] = region_label;
    j["flq_delta"] = options.flq_delta;
    if (region) j["flq_lambda"] = economy.flq_lambda(*region);
    j["household_closure"] = options.household_closure;
    j["jobs_unit"] = "persons per million " + info.currency + " of final demand";
    j["sectors"] = nlohmann::json::array();
    for (const auto& m : rows) {
      j["sectors"].push_back({{"sector", m.sector_id},
                              {"name", m.sector_name},
                              {"output_type1", m.output_type1},
                              {"output_type2", json_number(m.output_type2)},
                              {"income_type1", json_number(m.income_type1)},
                              {"income_type2", json_number(m.income_type2)},
                              {"gva_type1", m.gva_type1},
                              {"gva_type2", json_number(m.gva_type2)},
                              {"employment_type1", json_number(m.employment_type1)},
                              {"employment_type2", json_number(m.employment_type2)},
                              {"jobs_per_million_type1", m.jobs_per_million_type1},
                              {"jobs_per_million_type2", json_number(m.jobs_per_million_type2)}});
    }
    check_finite_json(j, "the multipliers JSON");  // undefined multipliers are null on purpose
    out << dump_json(j) << '\n';
    return 0;
  }
  if (format == "csv") {
    out << multipliers_csv(rows);
    return 0;
  }
  out << info.name << " (" << info.currency << ' ' << info.money_unit_label << ", " << info.year
      << "), " << (region ? "region " + region_label : std::string("national table"));
  if (region)
    out << ", FLQ delta " << fixed(options.flq_delta, 2) << " lambda "
        << fixed(economy.flq_lambda(*region), 4);
  out << '\n';
  if (info.illustrative) {
    out << "ILLUSTRATIVE economy: not an official input-output table; figures show orders of "
           "magnitude only.\n";
  }
  const std::string jobs_unit = "jobs/mn " + info.currency;
  TextTable table({"sector", "output I", "output II", "income I", "income II", "GVA I", "GVA II",
                   "emp I", "emp II", jobs_unit + " I", jobs_unit + " II"},
                  {false, true, true, true, true, true, true, true, true, true, true});
  // Small currencies (KZT) give few jobs per million: keep 4 significant places.
  const int jobs_decimals = [&] {
    double largest = 0.0;
    for (const auto& m : rows) largest = std::max(largest, m.jobs_per_million_type1);
    return largest >= 10.0 ? 2 : 4;
  }();
  for (const auto& m : rows) {
    table.add_row({m.sector_id, fixed_or_dash(m.output_type1, 4), fixed_or_dash(m.output_type2, 4),
                   fixed_or_dash(m.income_type1, 4), fixed_or_dash(m.income_type2, 4),
                   fixed_or_dash(m.gva_type1, 4), fixed_or_dash(m.gva_type2, 4),
                   fixed_or_dash(m.employment_type1, 4), fixed_or_dash(m.employment_type2, 4),
                   fixed_or_dash(m.jobs_per_million_type1, jobs_decimals),
                   fixed_or_dash(m.jobs_per_million_type2, jobs_decimals)});
  }
  table.print(out);
  if (!options.household_closure) out << "Type II omitted (--no-households).\n";
  return 0;
}

}  // namespace ripple::cli
