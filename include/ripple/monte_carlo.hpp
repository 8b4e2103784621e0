#pragma once
/// A Monte Carlo campaign: runs i = 0 .. runs-1 of a scenario, each with the inputs McSampler
/// draws for (seed, i), through one Pipeline per thread (the Economy is shared, read-only), and
/// writes one row per run to the per-run files, in index order (docs/montecarlo.md):
///   mc_runs.csv      index, seed, per-project commissioning and full capacity (YYYY-MM), the
///                    TOTAL metrics of summary.csv, job-years and the jobs of one year
///   mc_critical.csv  index, per activity 1 when it was on the driving (critical) path
///   mc_inputs.csv    index, the sampled inputs (McSampler::inputs())
///   mc_jobs.csv      index, per reporting period (YYYY-MM of its start) the programme's jobs:
///                    direct construction + direct permanent + indirect + induced, period
///                    averages, all projects and regions (the data of a fan chart)
///   mc_risks.csv     (risk ranking only) index, per risk the job-years and months of delay
///                    it cost in this run: the run with the risk switched off, minus the run
/// A run's rows depend only on (scenario, seed, i): the files are identical whatever the thread
/// count, and the rows of a shard equal the unsharded rows of the same indices. Completed runs
/// are buffered in blocks and written in order, so memory does not grow with the run count.
/// The statistics over the per-run files are in mc_summary.hpp.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ripple/economy.hpp"
#include "ripple/mc_sampler.hpp"
#include "ripple/mc_summary.hpp"
#include "ripple/pipeline.hpp"
#include "ripple/scenario.hpp"

namespace ripple {

/// What a campaign runs.
struct McOptions {
  std::uint64_t runs = 1000;      ///< campaign size N (all shards together), >= 1
  std::uint64_t seed = 1;         ///< campaign seed
  unsigned threads = 1;           ///< worker threads, >= 1
  std::uint64_t shard_index = 0;  ///< this shard runs the indices i with i % shard_count ==
  std::uint64_t shard_count = 1;  ///< shard_index (0-based here)
  int jobs_year = 2030;           ///< the calendar year whose average jobs are recorded
  bool rank_risks = false;        ///< also write mc_risks.csv (one extra run per fired risk)
  /// Called on the calling thread after each block of runs: (runs done, runs of this shard).
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

/// The streams the per-run files are written to (mc_risks only with rank_risks; a null
/// stream is not written).
struct McSinks {
  std::ostream* runs = nullptr;
  std::ostream* critical = nullptr;
  std::ostream* inputs = nullptr;
  std::ostream* risks = nullptr;
  std::ostream* jobs = nullptr;  ///< mc_jobs.csv
};

/// Sampled runs of one scenario on one thread: its own copy of the scenario (whose phase capex
/// each run sets), a Pipeline on it and a sampler. Not thread-safe: one per thread; the economy
/// is shared. Batch drivers (mc, compare --runs) build one per thread.
class McRunner {
 public:
  /// Copies `scenario`; throws InputError when it cannot be planned or linked to `economy`
  /// (which must outlive the runner).
  McRunner(const Scenario& scenario, const Economy* economy, std::uint64_t seed);

  /// Draws run `index` and runs it. The result is valid until the next call.
  const RunResult& run(std::uint64_t index);
  /// Runs the last draw again with risk `risk` switched off (common random numbers).
  const RunResult& run_without_risk(std::size_t risk);
  /// The last draw.
  [[nodiscard]] const McDraw& draw() const { return draw_; }
  [[nodiscard]] const McSampler& sampler() const { return *sampler_; }
  /// The runner's copy of the scenario.
  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }

 private:
  const RunResult& run_with(std::optional<std::size_t> skip_risk);

  std::unique_ptr<Scenario> scenario_;
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<McSampler> sampler_;
  McDraw draw_;
  std::vector<Duration> durations_;
};

/// Calls `body(thread, k)` for k = 0 .. count-1 on `threads` threads (the calling one among
/// them), each k exactly once; `thread` in 0 .. threads-1 names the caller's slot (e.g. its
/// McRunner). Rethrows the first exception a body threw, after all threads stopped.
void parallel_for(unsigned threads, std::uint64_t count,
                  const std::function<void(unsigned, std::uint64_t)>& body);

/// The default year of the jobs columns: 2030 clamped into the calendar's years.
[[nodiscard]] int default_jobs_year(const Scenario& scenario);

/// Runs this shard's runs and writes the per-run files (headers first). Throws UsageError for
/// bad options (runs 0, threads 0, shard_index >= shard_count, a jobs year outside the
/// calendar), InputError when the scenario cannot be planned or linked to the economy, and what
/// a run throws (ModelError).
void run_monte_carlo(const Scenario& scenario, const Economy* economy, const McOptions& options,
                     const McSinks& sinks);

/// Fills the campaign fields of `metadata` (seed, runs, jobs year, rank_risks, projects and
/// targets, risks, sampled inputs) from the scenario and options; the caller sets the scenario
/// path, hash, overrides and economy fields.
void fill_mc_metadata(const Scenario& scenario, const McOptions& options, McMetadata& metadata);

/// Runs the campaign into `dir` (created): mc.json, the per-run files and, for an unsharded
/// campaign (shard_count 1), the statistics (summarise_mc_directory), which it returns. Files of
/// an earlier campaign that this one would not rewrite (risks, statistics) are removed. Throws
/// what run_monte_carlo() throws and RuntimeError when a file cannot be written.
std::optional<McSummary> run_monte_carlo_to_directory(const Scenario& scenario,
                                                      const Economy* economy,
                                                      const McOptions& options, McMetadata metadata,
                                                      const std::filesystem::path& dir);

/// The average jobs (direct, indirect, induced) of calendar year `year` in a run: each
/// period's averages weighted by its days inside the year. Used for the jobs_<year> columns.
struct YearJobs {
  double direct = 0.0;
  double indirect = 0.0;
  double induced = 0.0;
  [[nodiscard]] double total() const { return direct + indirect + induced; }
};

}  // namespace ripple
