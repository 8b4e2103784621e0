#pragma once
/// Statistics of a Monte Carlo campaign, computed from the values of its per-run files
/// (monte_carlo.hpp: kept in memory by an unsharded campaign, read from the shards' files by a
/// merge; McColumns) and its metadata file mc.json, so that an unsharded campaign and a merge of
/// shards produce the same bytes (docs/montecarlo.md):
///   mc_summary.csv   per metric: mean, sd, p5, p10, p50, p90, p95; per project commissioning
///                    and full capacity as YYYY-MM, its finish and its milestones' dates as
///                    YYYY-MM-DD, with the target and P(on or before the target)
///   mc_scurve.csv    per date metric, the date by which a share 0.00, 0.01, ..., 1.00 of the
///                    runs is reached (type 1 percentiles): the S-curves
///   criticality.csv  per activity: the share of runs in which it was on the driving path
///                    (from mc_critical.csv, or the counts of mc_critical_counts.csv); with
///                    resources, also the share in which it was there after a resource wait
///   resource_delays.csv (with mc_resources.csv) per resource phases may wait for: the share
///                    of runs in which some phase waited for it, and the wait days (mean, mean
///                    over those runs, p50, p90), and the same on driving paths
///   sensitivity.csv  (with mc_inputs.csv) per sampled input: Spearman's rank correlation with
///                    each project's commissioning (its finish when it adds no capacity) and
///                    with total job-years
///   risks.csv        (with mc_risks.csv) risks ranked by the job-years and delay they cost
///   mc_jobs_by_period.csv  (with mc_jobs.csv) per reporting period: mean, sd, p5, p10, p25,
///                    p50, p75, p90, p95 of the programme's jobs (the bands of a fan chart)
/// Percentiles of numbers are Hyndman & Fan type 7 (linear interpolation between order
/// statistics: h = (n - 1) p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])); of dates
/// (months) the inverted empirical CDF (type 1: the first month by which a share p of the runs
/// is reached), so that a P90 date is a month by which 90% of the runs commissioned; dates of
/// days (finish, milestones) likewise in days.

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/output_folder.hpp"

namespace ripple {

/// A project as the campaign's metadata records it.
struct McProjectInfo {
  std::string id;
  std::optional<Date> target;  ///< reported commissioning target (a month)
};

/// A milestone as the campaign's metadata records it.
struct McMilestoneInfo {
  std::string id;              ///< "project.milestone"
  std::optional<Date> target;  ///< the last day that meets its target
};

/// A risk as the campaign's metadata records it.
struct McRiskInfo {
  std::string id;
  std::string phase;  ///< "project.phase"
  double probability = 0.0;
};

/// A sampled input (a column of mc_inputs.csv) and its unit.
struct McInputInfo {
  std::string name;
  std::string unit;
};

/// mc.json: what a campaign ran. Every shard of a campaign writes the same file (it does not
/// depend on the shard or the thread count), and `ripple merge` insists that they agree.
struct McMetadata {
  std::string ripple_version;
  std::string scenario_path;
  std::string scenario_name;
  std::string scenario_hash;  ///< content hash of the scenario file (run_report.hpp)
  /// The campaign fingerprint (campaign_fingerprint(), run_report.hpp: ripple version, the
  /// merged scenario, runs, seed and options); empty when the caller gave none.
  std::string campaign;
  std::vector<std::string> overrides;
  std::vector<std::string> overlays;
  std::string economy_name;  ///< empty: no economy
  bool economy_illustrative = false;
  std::uint64_t seed = 0;
  std::uint64_t runs = 0;  ///< the whole campaign's run count
  int jobs_year = 2030;
  bool rank_risks = false;
  bool wide_files = false;  ///< wide per-run files asked for (McOptions::wide_files)
  std::vector<McProjectInfo> projects;
  std::vector<McMilestoneInfo> milestones;
  std::vector<McRiskInfo> risks;
  std::vector<McInputInfo> inputs;
  /// The files of the folder, mc.json included, sorted: how ripple recognises its own earlier
  /// output there (output_folder.hpp).
  std::vector<std::string> files;
};

/// Writes mc.json.
void write_mc_metadata(std::ostream& out, const McMetadata& metadata);
/// Reads mc.json; throws InputError when it is missing or malformed.
[[nodiscard]] McMetadata read_mc_metadata(const std::filesystem::path& path);

/// Percentiles and moments of one metric over the runs that have a value.
struct McStats {
  std::size_t count = 0;  ///< runs with a value
  double mean = 0.0;
  double sd = 0.0;  ///< sample standard deviation (n - 1); 0 for one run
  double p5 = 0.0, p10 = 0.0, p50 = 0.0, p90 = 0.0, p95 = 0.0;
  double p25 = 0.0, p75 = 0.0;  ///< quartiles (mc_jobs_by_period.csv)
};

/// A project's commissioning over the runs.
struct McProjectSummary {
  std::string id;
  std::optional<Date> target;
  std::optional<double> p_on_time;    ///< share of runs commissioning in or before the target month
  std::optional<Date> p10, p50, p90;  ///< months (type 1 percentiles); none without capacity
  bool adds_capacity = false;         ///< it has commissioning columns
  /// The latest finish of its activities (days, type 1 percentiles); none without activities.
  std::optional<Date> finish_p10, finish_p50, finish_p80, finish_p90;
  /// Without capacity, the target applies to the finish: share of runs finishing on or before
  /// the end of the target month.
  std::optional<double> finish_p_on_time;
};

/// A milestone's date over the runs.
struct McMilestoneSummary {
  std::string id;  ///< "project.milestone"
  std::optional<Date> target;
  std::optional<double> p_on_time;  ///< share of runs on or before the target day
  std::optional<Date> p10, p50, p80, p90;
};

/// A shared resource's delays over the runs (resource_delays.csv, docs/montecarlo.md). A run's
/// wait days for a resource are the sum, over the phases that waited for it (it was short on
/// their ready day), of their wait (start − ready, days); a phase short of two resources counts
/// for both. Critical wait days count only the phases on a driving path in that run.
struct McResourceSummary {
  std::string id;
  std::uint64_t runs_delayed = 0;          ///< runs in which some phase waited for it
  double delay_share = 0.0;                ///< runs_delayed / runs: P(it delays something)
  double mean_wait_days = 0.0;             ///< mean over all runs of its wait days
  double mean_wait_days_if_delayed = 0.0;  ///< mean over the runs_delayed runs (0 if none)
  double p50_wait_days = 0.0;              ///< type 7 percentiles over all runs
  double p90_wait_days = 0.0;
  double critical_delay_share = 0.0;     ///< share of runs in which a critical phase waited for it
  double mean_critical_wait_days = 0.0;  ///< mean over all runs of its critical wait days
};

/// What the terminal summary of `ripple mc` shows.
struct McSummary {
  std::uint64_t runs = 0;
  int jobs_year = 2030;
  std::vector<McProjectSummary> projects;
  std::vector<McMilestoneSummary> milestones;
  McStats jobs;       ///< jobs_<year>: direct + indirect + induced (count 0: not a metric here)
  McStats job_years;  ///< total job-years over the horizon (count 0: not a metric here)
  /// Resources phases may wait for, in declaration order (empty: none in the scenario).
  std::vector<McResourceSummary> resources;
};

/// Moments and percentiles of the values that are not NaN: type 7 percentiles, or type 1 when
/// `dates` (month indices).
[[nodiscard]] McStats compute_stats(const std::vector<double>& values, bool dates = false);

/// Type 7 percentile of sorted values (p in [0, 1]); values must not be empty.
[[nodiscard]] double percentile_type7(const std::vector<double>& sorted, double p);
/// Type 1 percentile (inverted empirical CDF) of sorted values: x[ceil(n p) - 1], x[0] at p 0.
[[nodiscard]] double percentile_type1(const std::vector<double>& sorted, double p);
/// Spearman's rank correlation of paired values (average ranks for ties); nullopt when fewer
/// than 3 pairs or either side is constant.
[[nodiscard]] std::optional<double> spearman(const std::vector<double>& x,
                                             const std::vector<double>& y);

/// Per activity (scenario order), the runs in which it was on the driving path and, when the
/// campaign has resources phases may wait for, the runs in which it was there after such a wait.
struct McCriticalCounts {
  std::vector<std::string> activities;  ///< "project.phase"
  std::vector<std::uint64_t> critical;
  std::optional<std::vector<std::uint64_t>> resource_critical;
};

/// The columns of one per-run file after `index` (and `seed`): per column its header and one
/// value per run, in run order.
struct McTable {
  std::vector<std::string> names;
  std::vector<std::vector<double>> values;  ///< [column][run]
};

/// What the statistics of a campaign need from its runs: one compact array per column, in run
/// order, holding exactly what the per-run file's cell reads back as (a number as the double of
/// its printed three-decimal text, a YYYY-MM date as its month index year * 12 + month - 1, a
/// YYYY-MM-DD date as its day index, NaN for a blank cell), and what needs no array: the
/// criticality counts and the sums of mc_risks.csv. An unsharded campaign fills it while its runs
/// are produced (monte_carlo.hpp); read_mc_columns() fills it from the files (a merge of
/// shards). summarise_mc_columns() turns either into the same bytes.
struct McColumns {
  McTable runs;                      ///< mc_runs.csv: every column after index and seed
  McCriticalCounts critical;         ///< from mc_critical.csv's flags or mc_critical_counts.csv
  std::optional<McTable> resources;  ///< mc_resources.csv
  std::optional<McTable> inputs;     ///< mc_inputs.csv
  std::optional<McTable> jobs;       ///< mc_jobs.csv
  std::optional<std::vector<double>> risk_sums;  ///< mc_risks.csv: per column, its sum in run order
};

/// Reads the per-run files of `dir` (a campaign of `meta.runs` runs) into columns: checks that
/// the runs are exactly 0 .. runs-1 in order and that every cell is a number or a date as its
/// column requires (InputError naming the file and line otherwise).
[[nodiscard]] McColumns read_mc_columns(const std::filesystem::path& dir, const McMetadata& meta);

/// Writes mc_summary.csv, mc_scurve.csv, criticality.csv, (with inputs) sensitivity.csv, (with
/// risk sums) risks.csv, (with jobs) mc_jobs_by_period.csv and (with resources)
/// resource_delays.csv into `dir`, computed from `columns`, and returns the terminal summary.
/// Throws RuntimeError when a file cannot be written.
McSummary summarise_mc_columns(const McColumns& columns, const McMetadata& meta,
                               const std::filesystem::path& dir);

/// summarise_mc_columns() of read_mc_columns() of the files and mc.json in `dir`.
McSummary summarise_mc_directory(const std::filesystem::path& dir);

/// Writes mc.json into the folder's staging area with `files` set to every file staged (itself
/// included) and commits the folder (OutputFolder::commit()).
void commit_mc_folder(OutputFolder& folder, McMetadata metadata);

/// Joins the per-run files of shard directories (each with mc.json and mc_runs.csv, and those of
/// mc_critical.csv, mc_inputs.csv, mc_jobs.csv, mc_risks.csv, mc_resources.csv the campaign
/// writes) into `out`,
/// rows in index order, adds up their mc_critical_counts.csv, then writes the summaries as
/// summarise_mc_directory() does. Throws InputError naming the
/// directory when the mc.json files or a file's headers differ, when an index appears twice or
/// is missing, or when a file is absent in some shards only.
McSummary merge_mc_directories(const std::vector<std::filesystem::path>& shards,
                               const std::filesystem::path& out,
                               const OutputFolderOptions& folder = {});

/// The terminal summary of a campaign: per project target, P(on time) and P10/P50/P90
/// commissioning months; the jobs of the jobs year and the job-years at P10/P50/P90.
void write_mc_table(std::ostream& out, const McSummary& summary, const McMetadata& meta);

/// True when `dir` holds a Monte Carlo campaign (an mc.json file).
[[nodiscard]] bool is_mc_directory(const std::filesystem::path& dir);

}  // namespace ripple
