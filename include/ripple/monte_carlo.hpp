#pragma once
/// A Monte Carlo campaign: runs i = 0 .. runs-1 of a scenario, each with the inputs McSampler
/// draws for (seed, i), through one Pipeline per thread (the Economy is shared, read-only), and
/// writes one row per run to the per-run files, in index order (docs/montecarlo.md):
///   mc_runs.csv      index, seed, per project its commissioning and full capacity (YYYY-MM,
///                    projects that add capacity), its finish and its milestones' dates
///                    (YYYY-MM-DD), the TOTAL metrics of summary.csv that apply to the
///                    scenario (McLayout), job-years and the jobs of one year
///   mc_critical.csv  index, per activity 1 when it was on the driving (critical) path, 2 when
///                    it was and had waited for a shared resource (its start set by a release),
///                    0 otherwise (wide: see McLayout; otherwise mc_critical_counts.csv holds
///                    the counts)
///   mc_resources.csv (phases that may wait for resources) index, per such resource the days
///                    phases waited for it (`<id>.wait_days`: the sum over phases whose
///                    waited_for names it of their wait) and the part of it on driving paths
///                    (`<id>.critical_wait_days`), whole days
///   mc_inputs.csv    index, the sampled inputs (McSampler::inputs()) (wide: see McLayout)
///   mc_jobs.csv      index, per reporting period (YYYY-MM of its start) the programme's jobs:
///                    direct construction + direct permanent + indirect + induced, period
///                    averages, all projects and regions (the data of a fan chart)
///   mc_risks.csv     (risk ranking only) index, per risk the job-years and months of delay
///                    it cost in this run: the run with the risk switched off, minus the run
/// A run's rows depend only on (scenario, seed, i): the files are identical whatever the thread
/// count, and the rows of a shard equal the unsharded rows of the same indices. Completed runs
/// are buffered in blocks and written in order, so memory does not grow with the run count.
/// The statistics over the per-run values are in mc_summary.hpp (McColumns).

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
#include "ripple/output_folder.hpp"
#include "ripple/pipeline.hpp"
#include "ripple/resource_kernel.hpp"
#include "ripple/scenario.hpp"
#include "ripple/schedule_kernel.hpp"

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
  /// Write mc_critical.csv and mc_inputs.csv whatever their width (otherwise only when they
  /// have at most wide_column_limit columns).
  bool wide_files = false;
  /// Per-run files wider than this many columns (activities for mc_critical.csv, sampled
  /// inputs for mc_inputs.csv) are written only with wide_files.
  std::size_t wide_column_limit = 200;
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
  /// mc_critical_counts.csv (activity,critical_runs, and resource_critical_runs when phases
  /// may wait for resources), written after the runs when mc_critical.csv is not
  /// (McLayout::critical_per_run false).
  std::ostream* critical_counts = nullptr;
  std::ostream* resources = nullptr;  ///< mc_resources.csv (McLayout::wait_resources not empty)
  /// When not null, filled with the columns the statistics need (mc_summary.hpp), in run order,
  /// each value what its cell in the per-run file reads back as: an unsharded campaign's
  /// statistics then need not read its files back.
  McColumns* columns = nullptr;
};

/// What a campaign's per-run files hold for a scenario: the columns that apply to it. A metric
/// that cannot be other than 0 for this scenario (no economy, no capex, no jobs) is left out.
struct McLayout {
  std::vector<char> has_capacity;       ///< [project] 1 when a phase adds capacity
  std::vector<ActivityRef> milestones;  ///< scenario order
  bool capex = false;                   ///< capex: some phase has capex or some risk a cost
  bool direct_jobs = false;      ///< peak construction, permanent, job_years_direct, direct_jobs_Y
  bool output = false;           ///< output: some phase adds capacity
  bool economy = false;          ///< indirect, induced, value added (an economy is linked)
  bool critical_per_run = true;  ///< mc_critical.csv is written
  bool inputs_per_run = true;    ///< mc_inputs.csv (and so sensitivity.csv) is written
  /// Jobs columns (job_years, jobs_Y) and mc_jobs.csv.
  [[nodiscard]] bool jobs() const { return direct_jobs || economy; }
  /// Indices into Scenario::resources of the resources a phase may wait for (some phase draws
  /// on it and it has `on_shortfall: wait`), in declaration order: the columns of
  /// mc_resources.csv; empty when there is none (no file).
  std::vector<std::size_t> wait_resources;
  /// Nothing but dates and criticality apply (no metric, no capacity, no shock): runs take the
  /// schedule fast path: ScheduleKernel (no event engine, no ledger), or, when phases draw on
  /// shared resources that may bind (resources_never_bind), ResourceKernel (the engine's dates
  /// and waits on a day sweep).
  bool schedule_only = false;
};

/// The layout of a campaign of `scenario` (economy: whether one is linked).
[[nodiscard]] McLayout mc_layout(const Scenario& scenario, bool economy, const McOptions& options);

/// Sampled runs of one scenario on one thread: its own copy of the scenario (whose phase capex
/// each run sets), a Pipeline on it and a sampler. Not thread-safe: one per thread; the economy
/// is shared. Batch drivers (mc, compare --runs) build one per thread.
class McRunner {
 public:
  /// Copies `scenario`; throws InputError when it cannot be planned or linked to `economy`
  /// (which must outlive the runner).
  /// With `schedule_only`, the runner also compiles a ScheduleKernel (a ResourceKernel when
  /// phases draw on shared resources that may bind) for run_schedule().
  McRunner(const Scenario& scenario, const Economy* economy, std::uint64_t seed,
           bool schedule_only = false);

  /// Draws run `index` and runs it. The result is valid until the next call.
  const RunResult& run(std::uint64_t index);
  /// Draws run `index` and computes only its dates and driving paths (ScheduleKernel: the CPM
  /// forward pass; with phases drawing on shared resources that may bind, ResourceKernel, which
  /// adds waits, what they waited for and imported shares). Equal to run(index).timeline's
  /// when the scenario has no shocks. Requires schedule_only at construction. Valid until the
  /// next call.
  const Timeline& run_schedule(std::uint64_t index);
  /// The result of the last run() or run_without_risk().
  [[nodiscard]] const RunResult& result() const { return *last_; }
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
  std::unique_ptr<ScheduleKernel> kernel_;
  std::unique_ptr<ResourceKernel> resource_kernel_;  // schedule_only with resources
  const RunResult* last_ = nullptr;
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

/// What a Monte Carlo campaign runs, for its fingerprint (campaign_fingerprint()): the run
/// count, seed, jobs year and the options that change the files; not the shard or the threads,
/// which do not change the results.
[[nodiscard]] std::string mc_campaign(const McOptions& options);

/// Fills the campaign fields of `metadata` (seed, runs, jobs year, rank_risks, projects and
/// targets, risks, sampled inputs) from the scenario and options; the caller sets the scenario
/// path, hash, overrides and economy fields.
void fill_mc_metadata(const Scenario& scenario, const McOptions& options, McMetadata& metadata);

/// Runs the campaign into `dir`: mc.json, the per-run files and, for an unsharded campaign
/// (shard_count 1), the statistics (summarise_mc_columns() of the values kept while running:
/// the files are not read back), which it returns. The folder is
/// written all at once (OutputFolder, output_folder.hpp): staged beside `dir` and put in place
/// when everything is written, mc.json (listing the files) last, an earlier campaign's files
/// replaced; a campaign that throws or is interrupted leaves `dir` as it was. Throws what
/// run_monte_carlo() throws, what OutputFolder throws, RuntimeError when a file cannot be
/// written.
std::optional<McSummary> run_monte_carlo_to_directory(const Scenario& scenario,
                                                      const Economy* economy,
                                                      const McOptions& options, McMetadata metadata,
                                                      const std::filesystem::path& dir,
                                                      const OutputFolderOptions& folder = {});

/// The average jobs (direct, indirect, induced) of calendar year `year` in a run: each
/// period's averages weighted by its days inside the year. Used for the jobs_<year> columns.
struct YearJobs {
  double direct = 0.0;
  double indirect = 0.0;
  double induced = 0.0;
  [[nodiscard]] double total() const { return direct + indirect + induced; }
};

}  // namespace ripple
