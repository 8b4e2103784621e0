#pragma once
/// Parameter sweeps (`ripple sweep`, docs/campaigns.md): a cartesian grid of what-if overrides
/// over one scenario, one run and one CSV row per point.
///
/// Grid order: the axes in the order given (the CLI: its `--vary` options) and the LAST axis
/// varies fastest, as nested loops written in that order. Point i has coordinates (c_0, ...,
/// c_{m-1}) with i = ((c_0 · n_1 + c_1) · n_2 + c_2) ... (n_k the size of axis k).
///
/// A point's scenario is, by definition, the base tree (file, overlays, overrides) with one
/// override per axis applied on top (each its own source `<label> KEY=VALUE`, so diagnostics
/// name it), validated and run through the same steps as Pipeline::run(). Two ways compute it:
///   - re-read (every sweep can take it): clone the base tree per point, apply the overrides,
///     convert and validate (2–4 ms a point on the default scenario);
///   - direct (when every axis is a direct key, see is_direct_key()): each distinct value of
///     each axis is validated once, up front (a phase duration by the reader's own rule for
///     it, phase_duration_from_yaml(); other keys by reading the base with the r-th distinct
///     value of every axis applied, one read per r, each value alone when that read fails); a
///     point then copies the validated item of each axis into its thread's copy of the
///     validated base scenario and runs it. Each key it accepts changes one item (an activity, a
///     product, a baseline, a resource or an economy option) that no other key's validation
///     reads, so the scenario is the one the re-read path builds (sweep_test checks the rows
///     match byte for byte). A point with a value that failed validation takes the
///     re-read path, so its messages are exactly the re-read path's.
/// The base YAML is parsed once; economies are loaded and factorised once per distinct economy
/// options (table, FLQ delta, household closure, currency), so varying `economy.flq_delta`
/// loads one model per value. A point's row depends only on the inputs and its index: shards
/// (shard.hpp) and any thread count write the same bytes as the unsharded one-thread sweep.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "ripple/economy.hpp"
#include "ripple/error.hpp"
#include "ripple/scenario.hpp"
#include "ripple/scenario_overrides.hpp"
#include "ripple/shard.hpp"

namespace ripple {

/// One axis `KEY=SPEC` (the CLI's `--vary`): a dotted scenario path and its values, each the
/// YAML text of the value as it would be written in the scenario file (e.g. `42 months`, `0.3`).
struct SweepAxis {
  std::string key;
  std::vector<std::string> values;
  /// Where the axis came from, for messages: `<label> KEY=VALUE: ...` (the CLI: `--vary`).
  std::string label = "vary";
};

/// Parses `KEY=SPEC`. SPEC is one of
///   `v1,v2,...`         values as written in the file, split at commas, trimmed;
///   `lo:hi:step`        numbers lo, lo+step, ... up to hi (inclusive within 1e-9 steps),
///                       computed as lo + i·step (no accumulated drift), printed with as many
///                       decimals as the most precise of lo, hi and step; a unit may follow the
///                       last number (`42:60:6 months`) or every number (`42 months:60
///                       months:6 months`), the same unit each time;
///   `[v1, v2, ...]`     a YAML flow list, for values that contain commas (distributions).
/// Throws UsageError (exit 2) as `<label> KEY=SPEC: <rule>`: no `=`, an empty key or value, a
/// range with step <= 0, hi < lo, mixed units or more than 10^8 values. `label` names where the
/// text came from (the CLI passes its option, `--vary`) and is kept in the axis.
[[nodiscard]] SweepAxis parse_vary(std::string_view assignment, std::string_view label = "vary");

/// The points of a sweep: the cartesian product of its axes in the order described above.
class SweepGrid {
 public:
  /// Throws UsageError when there is no axis, a key is varied twice, or the grid has more than
  /// 2^53 points.
  explicit SweepGrid(std::vector<SweepAxis> axes);

  [[nodiscard]] const std::vector<SweepAxis>& axes() const { return axes_; }
  /// P, the number of points (the product of the axes' sizes).
  [[nodiscard]] std::uint64_t point_count() const { return point_count_; }
  /// The value index on each axis of point `index` (< point_count()).
  [[nodiscard]] std::vector<std::size_t> coordinates(std::uint64_t index) const;
  /// The overrides of point `index`, `KEY=VALUE` per axis, in axis order.
  [[nodiscard]] std::vector<std::string> assignments(std::uint64_t index) const;

 private:
  std::vector<SweepAxis> axes_;
  std::uint64_t point_count_ = 1;
};

/// Where a sweep's time goes, in seconds, summed over the points run (see `--timings`).
struct SweepTimings {
  double values_s = 0.0;        ///< direct sweeps: validate each distinct axis value (once)
  double scenario_s = 0.0;      ///< the point's scenario: apply the validated values (direct),
                                ///< or clone the base tree, apply overrides, convert, validate
  double economy_load_s = 0.0;  ///< read and factorise economies (once per distinct options)
  double plan_s = 0.0;          ///< build the plan graph, the engine and the economy link
  double engine_s = 0.0;        ///< the discrete-event rollout
  double ledger_s = 0.0;        ///< spending, production and direct jobs per period
  double economy_s = 0.0;       ///< indirect and induced effects per period (solves done once)
  double summary_s = 0.0;       ///< the summary rows
  double format_s = 0.0;        ///< the CSV row text
  [[nodiscard]] double total_s() const {
    return values_s + scenario_s + economy_load_s + plan_s + engine_s + ledger_s + economy_s +
           summary_s + format_s;
  }
  /// Adds `other`'s times to these.
  void add(const SweepTimings& other);
};

/// A failed point: why, and the exit code its error carries.
struct SweepFailure {
  ExitCode code = ExitCode::kInvalidInput;
  std::string message;  ///< the error's text (every diagnostic, one per line)
};

/// What one point produced: its CSV row (with '\n'), and the failure when it failed (the row
/// then has status `error` and empty metrics).
struct SweepPoint {
  std::string row;
  std::optional<SweepFailure> failure;
};

/// Whether `key` (a --vary KEY) is a direct key: a value read directly by the run that no other
/// key's validation reads. Direct keys are, under an activity `projects.P.phases.A` or
/// `projects.P.milestones.A`: duration, not_before, date, target, actual_start, actual_finish,
/// status, capex_m, spending, categories..., construction_jobs, capacity, ramp_up...,
/// permanent_jobs, priority, correlated, and depends_on when its values change only lags and
/// finish links (checked per value); `projects.P.products.X.price_per_unit` and
/// `.operating_purchases`; `projects.P.baseline...`; `resources.R.capacity` and `.steps`;
/// `economy.flq_delta` and `economy.household_closure`. Every other key (ids, calendar, uses,
/// work calendars, programme dependencies, shocks, risks, new list items) is structural: the
/// sweep re-reads the scenario per point. A sweep is direct when all its axes are direct keys,
/// no two axes name the same activity, product, baseline or resource, and no depends_on value
/// changes a predecessor or a link type.
[[nodiscard]] bool is_direct_key(std::string_view key);

/// A sweep over one base scenario. Its methods are not thread-safe; run() uses threads inside.
class Sweep {
 public:
  /// Validates the base scenario (file, overlays and --set already in `base`) so that a broken
  /// base fails once rather than at every point, records its projects for the columns and
  /// decides whether the axes are direct keys (is_direct_key()). Throws InputError with the
  /// base's diagnostics.
  Sweep(ScenarioTree base, SweepGrid grid);
  ~Sweep();
  Sweep(const Sweep&) = delete;
  Sweep& operator=(const Sweep&) = delete;

  [[nodiscard]] const SweepGrid& grid() const { return grid_; }
  /// The CSV header line (with '\n'): index, the varied keys, status, the TOTAL metrics of
  /// summary.csv, commissioning_<project> and full_capacity_<project> per project, campaign.
  [[nodiscard]] const std::string& header() const { return header_; }
  /// The campaign fingerprint every row ends with (column `campaign`): 16 hex digits hashing
  /// the ripple version, the base tree (scenario file, overlays and --set as merged) and the
  /// --vary axes with their values. Shards of one campaign share it; `ripple merge` refuses
  /// rows whose fingerprints differ. The same whichever path computes the points.
  [[nodiscard]] const std::string& fingerprint() const { return fingerprint_; }
  /// Whether points take the direct path (see the file comment). Before prepare() this says
  /// whether the keys allow it; prepare() may still turn it off (a depends_on value that
  /// changes the graph).
  [[nodiscard]] bool is_direct() const;
  /// Why the sweep re-reads the scenario per point ("" when it is direct), for --timings.
  [[nodiscard]] const std::string& reread_reason() const { return reread_reason_; }
  /// Direct sweeps: validates each distinct value of each axis once, on `threads` threads
  /// (>= 1), for a run of `points` points (default: the whole grid). It gives the direct path
  /// up (reread_reason() says why) when that would take more scenario reads than the run has
  /// points or than 512, or more than 100,000 phase durations: then re-reading costs less.
  /// run() (with its shard's size) and run_point() call it when it has not run yet; calling it
  /// again does nothing.
  void prepare(unsigned threads = 1);
  void prepare(unsigned threads, std::uint64_t points);
  /// Runs point `index` (< grid().point_count()) the way run() would. Errors of the point
  /// (InputError, ModelError, RuntimeError such as an unreadable economy table) are returned in
  /// the result, not thrown.
  [[nodiscard]] SweepPoint run_point(std::uint64_t index);
  /// Runs point `index` through the re-read path whatever the keys (the reference the direct
  /// path is tested and benchmarked against).
  [[nodiscard]] SweepPoint run_point_reread(std::uint64_t index);
  /// Runs the points of `shard` on `threads` worker threads (>= 1) and hands each point to
  /// `emit` on the calling thread, in index order, as blocks of points complete. `reread`
  /// forces the re-read path. The rows do not depend on `threads`. An exception from `emit` or
  /// a worker (other than a point's own error) stops the run and is rethrown.
  void run(const Shard& shard, unsigned threads,
           const std::function<void(std::uint64_t, const SweepPoint&)>& emit, bool reread = false);
  /// "KEY=VALUE, KEY=VALUE" of point `index`, for messages.
  [[nodiscard]] std::string describe_point(std::uint64_t index) const;
  /// The time spent so far, summed over the worker threads (CPU seconds, not wall time).
  [[nodiscard]] SweepTimings timings() const;
  /// How many distinct economies were loaded so far.
  [[nodiscard]] std::size_t economies_loaded() const;

 private:
  struct Direct;
  struct Runner;
  using EconomyKey = std::tuple<std::string, double, bool, std::string>;
  const Economy* economy_for(const Scenario& scenario);
  Runner& runner(std::size_t k);
  SweepPoint run_with(Runner& runner, std::uint64_t index, bool reread);
  // The point's scenario re-read from the tree, then the run; throws the point's error.
  std::string reread_or_throw(Runner& runner, std::uint64_t index);
  // The point's scenario from the validated values, then the run; throws the point's error.
  std::string direct_or_throw(Runner& runner, std::uint64_t index);
  // Runs `scenario` (the point `index`'s) and formats its row; throws the run's error.
  std::string run_scenario(Runner& runner, const Scenario& scenario, std::uint64_t index);
  [[nodiscard]] std::string error_row(std::uint64_t index) const;

  ScenarioTree base_;
  SweepGrid grid_;
  std::vector<std::string> project_ids_;
  std::string fingerprint_;
  std::string header_;
  std::string reread_reason_;
  std::unique_ptr<Direct> direct_;  // null: the sweep re-reads every point
  std::vector<std::unique_ptr<Runner>> runners_;
  mutable std::mutex economies_mutex_;
  std::map<EconomyKey, std::unique_ptr<Economy>> economies_;
};

/// A CSV field: as is, or double-quoted (quotes doubled) when it holds a comma, a quote, a line
/// break or leading/trailing spaces.
[[nodiscard]] std::string csv_field(std::string_view text);

}  // namespace ripple
