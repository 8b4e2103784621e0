#pragma once
/// Writers of a run's results: summary.csv, timeseries.csv, run.json and the terminal summary
/// (docs/outputs.md). Dates are YYYY-MM; money in millions of the scenario currency.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "ripple/credibility.hpp"
#include "ripple/impacts.hpp"
#include "ripple/ledger.hpp"
#include "ripple/scenario.hpp"
#include "ripple/summary.hpp"

namespace ripple {

/// Where a run came from, for run.json and the notes under the terminal table.
struct RunInfo {
  std::string scenario_path;
  std::string scenario_hash;           ///< content_hash() of the scenario file's bytes
  std::vector<std::string> overrides;  ///< `--set` items, in order
  std::vector<std::string> overlays;   ///< `--overlay` files, in order
  std::string economy_path;            ///< empty: no economy
  std::string economy_name;
  bool economy_illustrative = false;
  /// Per project: output per worker against its sectors' and (indirect + induced) per direct
  /// job; empty without an economy (assess_credibility()).
  std::vector<ProjectCredibility> credibility;
  std::size_t events_processed = 0;
};

/// summary.csv header and rows (projects, then TOTAL).
void write_summary_csv(std::ostream& out, const RunSummary& summary);
/// The summary as an aligned table with notes (what the numbers mean, illustrative economy).
void write_summary_table(std::ostream& out, const Scenario& scenario, const RunSummary& summary,
                         const RunInfo& info);
/// The summary as JSON: {"projects": [...], "total": {...}}.
void write_summary_json(std::ostream& out, const RunSummary& summary);
/// timeseries.csv, long format `period,project,region,metric,value` (docs/outputs.md lists
/// the metrics).
void write_timeseries_csv(std::ostream& out, const Scenario& scenario, const Ledger& ledger,
                          const Impacts& impacts);
/// run.json: version, scenario path and hash, seed, overrides, economy, calendar.
void write_run_json(std::ostream& out, const Scenario& scenario, const RunInfo& info);

/// FNV-1a 64-bit hash of bytes as 16 hex digits: a content fingerprint (not cryptographic).
[[nodiscard]] std::string content_hash(const std::string& bytes);

/// The fingerprint of a campaign (a sweep, a Monte Carlo campaign): content_hash() of
/// "ripple <version>\n<the scenario as merged, as YAML>\n<campaign>", where the scenario is the
/// file with its overlays and `--set` values applied (YAML::Dump of the merged tree) and
/// `campaign` states what the campaign runs (a sweep's --vary axes and values; Monte Carlo's
/// run count, seed and options). Every shard of one campaign has it; `ripple merge` refuses
/// shards whose fingerprints differ.
[[nodiscard]] std::string campaign_fingerprint(std::string_view merged_scenario_yaml,
                                               std::string_view campaign);

}  // namespace ripple
