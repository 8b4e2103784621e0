// Fuzz target: the economy descriptor and CSV reader, and the Leontief model built on them, as
// `ripple multipliers` and `ripple run` use them. The input holds up to three files separated by
// lines `%%`: the descriptor (YAML), table.csv and regions.csv. They are written into a temporary
// folder of this process, then read_economy() reads them (key checks, CSV parsing, labels, rows
// and columns, bridge, regions) and Economy builds the national and regional models (LU, Type II
// closure), whose multipliers, Leontief columns and effects of a unit of activity are computed.
// A descriptor whose `table` or `regions` file is a path (holds '/') is skipped: this target reads
// only its own folder.
//
// Expected: ripple::Error. A finding: a crash, a sanitizer report, a hang or another exception.

#include <yaml-cpp/yaml.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "ripple/economy.hpp"
#include "ripple/error.hpp"
#include "ripple/io_table.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSeparator = "\n%%\n";
constexpr std::array<const char*, 3> kFiles = {"economy.yaml", "table.csv", "regions.csv"};

fs::path folder;

void remove_folder() {
  std::error_code ec;
  fs::remove_all(folder, ec);
}

// The files a descriptor names: false when one is a path out of this target's folder.
bool names_local_files(const std::string& descriptor) {
  YAML::Node root;
  try {
    root = YAML::Load(descriptor);
  } catch (const YAML::Exception&) {
    return true;  // the reader reports it, and reads no file
  }
  if (!root.IsMap()) return true;
  for (const char* key : {"table", "regions"}) {
    // A missing key's node is invalid: yaml-cpp throws when its type is asked.
    const YAML::Node section = root[key];
    if (!section || !section.IsMap()) continue;
    const YAML::Node file = section["file"];
    if (file && file.IsScalar() && file.Scalar().find('/') != std::string::npos) return false;
  }
  return true;
}

void write(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) std::abort();  // the harness's own failure, not the library's
}

void exercise(const std::string& descriptor) {
  ripple::Economy economy(ripple::read_economy(descriptor));
  (void)economy.multipliers();
  const auto regions = economy.region_ids();
  for (std::size_t r = 0; r < regions.size(); ++r) {
    (void)economy.multipliers(r);
    (void)economy.flq_lambda(r);
    (void)economy.wage_index(r);
  }
  const std::size_t sectors = economy.sector_ids().size();
  if (sectors == 0) return;
  (void)economy.leontief_column(0);
  (void)economy.coefficients();
  if (regions.empty()) return;
  (void)economy.leontief_column(sectors - 1, regions.size() - 1);
  const ripple::Site site = economy.prepare(regions.front(), economy.sector_ids().back());
  const std::array<std::size_t, 1> diverted = {0};
  const ripple::OperationProfile profile = economy.operation_profile(site, site.sector, diverted);
  const std::array<ripple::SectorOutputRate, 1> operations = {
      ripple::SectorOutputRate{site.sector, 100.0, &profile}};
  ripple::ActivityRates activity;
  activity.operations = operations;
  activity.capex_local_m_per_year = {10.0, 20.0, 5.0};
  activity.construction_jobs = 1000.0;
  activity.imported_construction_jobs = 200.0;
  activity.permanent_jobs = 300.0;
  (void)economy.effects(site, activity);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::string pattern = (fs::temp_directory_path() / "ripple-fuzz-economy-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  folder = pattern;
  std::atexit(remove_folder);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  std::array<std::string_view, kFiles.size()> parts{};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::size_t cut = i + 1 < parts.size() ? rest.find(kSeparator) : std::string_view::npos;
    parts[i] = rest.substr(0, cut);
    rest =
        cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + kSeparator.size());
  }
  const std::string descriptor(parts[0]);
  if (!names_local_files(descriptor)) return -1;  // not kept in the corpus
  for (std::size_t i = 0; i < parts.size(); ++i) write(folder / kFiles[i], parts[i]);
  try {
    exercise((folder / kFiles[0]).string());
  } catch (const ripple::Error&) {
    // Bad descriptor or table, a Leontief system without a solution: reported, not a finding.
  }
  return 0;
}
