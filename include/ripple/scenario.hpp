#pragma once
/// The scenario: a programme of projects, their phases and milestones, the dependencies between
/// them, risks, shared resources and dated shocks. This is plain, validated data; it knows
/// nothing of YAML (scenario_reader.hpp builds it) nor of the engine (plan.hpp turns it into a
/// dependency graph). docs/scenario-format.md documents every key and its unit.
///
/// Money is in millions of the scenario currency (`calendar.currency`), suffix `_m`.
/// Capacities and production are in the product's unit per year. Jobs are persons (annual
/// average, full-time).

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/distribution.hpp"
#include "ripple/duration.hpp"
#include "ripple/error.hpp"
#include "ripple/work_calendar.hpp"

namespace ripple {

/// Reporting period of output files.
enum class Period { kMonth, kQuarter, kYear };

/// Horizon and units of a scenario.
struct Calendar {
  Date start;  ///< first day reported
  Date end;    ///< last day reported (inclusive: the horizon ends at the end of this day)
  Date as_of;  ///< the date the scenario describes; phases not yet started start no earlier
  Period period = Period::kYear;
  std::string currency = "USD";
  int price_year = 2024;
  unsigned long long seed = 1;  ///< campaign seed for Monte Carlo
};

/// Which economy the impacts are computed with.
struct EconomyRef {
  std::string table_path;  ///< descriptor path, resolved relative to the scenario file; empty: none
  double flq_delta = 0.25;        ///< FLQ delta, in [0, 1)
  bool household_closure = true;  ///< Type II (induced) effects on or off
  Mark mark;
  Mark table_mark;         ///< where `economy.table` is written (its value)
  std::string table_text;  ///< `economy.table` as written (before resolving it)
};

/// The three capex spending categories, each bought through the economy's bridge.
enum class SpendingCategory { kWorks, kEquipment, kServices };
inline constexpr std::size_t kSpendingCategoryCount = 3;
[[nodiscard]] std::string_view category_name(SpendingCategory category);

/// Share of a phase's capex spent in a category and the share of that bought in the country.
struct CategorySplit {
  double share = 0.0;        ///< of the phase capex, in [0, 1]; the three sum to 1
  double local_share = 0.0;  ///< local content, in [0, 1]
};

/// How a phase's capex (and its construction workforce) is spread over its active time.
enum class SpendingProfile { kUniform, kSCurve };

/// How a phase's added capacity ramps from 0 to 1 after the phase finishes.
struct RampUp {
  enum class Curve { kLinear, kSCurve, kTable };
  Curve curve = Curve::kLinear;
  Duration duration{0.0, TimeUnit::kMonths};  ///< linear and s-curve: time to full capacity
  /// Monte Carlo: the distribution `duration` is the mode of, when the scenario gives one (each
  /// run draws it, stream "ramp_up:<project>.<phase>"); deterministic runs use `duration`.
  std::optional<DurationDistribution> sampled;
  /// kTable: (time since the phase finished, share of capacity), time increasing, shares in
  /// [0, 1], the last share 1. Between points the share is interpolated linearly; before the
  /// first point it is the first point's share.
  std::vector<std::pair<Duration, double>> table;
  /// The ramp's length: duration, or the last table point's time.
  [[nodiscard]] Duration length() const;
};

/// What a dependency constrains: FS successor starts after predecessor finishes, SS start after
/// start, FF finish after finish, SF finish after start; each plus a lag (negative: a lead).
enum class DependencyType { kFinishToStart, kStartToStart, kFinishToFinish, kStartToFinish };
[[nodiscard]] std::string_view dependency_type_name(DependencyType type);  ///< "FS" ...

/// What an FF or SF link moves when it binds (docs/scheduling.md): ripple's default holds the
/// finish (the activity stretches, its start stays); P6 and MS Project keep the duration and
/// shift the start later so that the finish lands on the constraint.
enum class FinishLinkMode { kStretch, kShift };
[[nodiscard]] std::string_view finish_link_mode_name(FinishLinkMode mode);  ///< "stretch" ...

/// A reference to a phase or milestone: "project.phase", as written after resolution.
struct ActivityRef {
  std::size_t project = 0;   ///< index into Scenario::projects
  std::size_t activity = 0;  ///< index into Project::phases (milestones are phases too)
  bool operator==(const ActivityRef&) const = default;
};

/// A dependency of an activity on a predecessor.
struct Dependency {
  ActivityRef predecessor;
  DependencyType type = DependencyType::kFinishToStart;
  Duration lag{0.0, TimeUnit::kDays};
  /// FF/SF only: this link's mode; none: the scenario's Scenario::finish_links.
  std::optional<FinishLinkMode> finish_link;
  Mark mark;
};

/// A phase of a project, or a milestone (is_milestone, zero duration, no capex).
struct Phase {
  std::string id;    ///< unique within its project
  std::string name;  ///< for reports; defaults to the id
  bool is_milestone = false;
  DurationDistribution duration;   ///< milestones: fixed 0 days
  std::optional<Date> fixed_date;  ///< milestone that happens on this date (actual or contractual)
  std::optional<Date> not_before;  ///< earliest start
  std::optional<Date> actual_start;   ///< already started (on or before calendar.as_of)
  std::optional<Date> actual_finish;  ///< already finished (requires actual_start)
  double capex_m = 0.0;
  SpendingProfile spending = SpendingProfile::kSCurve;
  std::array<CategorySplit, kSpendingCategoryCount> categories{};  ///< works, equipment, services
  double construction_jobs = 0.0;  ///< peak on-site workforce, persons
  std::string product;             ///< product id the capacity is of (empty: no capacity)
  double capacity_per_year = 0.0;  ///< in the product's unit per year, added on finish
  RampUp ramp_up;
  double permanent_jobs = 0.0;  ///< added with the capacity; staff follow the ramp-up share
  std::vector<Dependency> dependencies;        ///< predecessors of this activity
  std::map<std::string, double> resource_use;  ///< resource id -> amount while active
  /// Among phases waiting for resources that became ready on the same day, a larger priority
  /// is served first (docs/scheduling.md, "Shared resources"). Default 0.
  int priority = 0;
  /// Monte Carlo: the duration is multiplied by the programme-wide correlation factor
  /// (Scenario::correlation) drawn per run. Deterministic runs ignore it.
  bool correlated = false;
  /// Milestones: the reported target, for on-time statistics in Monte Carlo: the last day that
  /// meets it (a target written as a month is met by any day of that month).
  std::optional<Date> target_date;
  /// Index into Scenario::calendars of the working calendar its dates, duration and the lags of
  /// its links from predecessors follow; none: the project's, else calendar days.
  std::optional<std::size_t> calendar;
  Mark mark;
};

/// A product a project makes. Output value = production x price.
/// One line of a plant's operating purchases: what it buys from one economy sector to run,
/// per unit of its product (docs/scenario-format.md, docs/economics.md §4).
struct OperatingPurchase {
  std::string sector;  ///< economy sector bought from
  /// Scenario currency (units, not millions) per unit of product; a `share_of_value` in the
  /// file is stored here already multiplied by the product's price. >= 0.
  double per_unit = 0.0;
  double local_share = 1.0;  ///< share bought from producers in the country, in [0, 1]
  Mark mark;
};

struct Product {
  std::string id;
  std::string name;
  std::string unit;             ///< e.g. "t"
  double price_per_unit = 0.0;  ///< scenario currency (units, not millions) per product unit
  std::string sector;           ///< economy sector; defaults to the project's
  /// Sectors whose first-round purchases are supply diverted from existing uses (e.g. ore a
  /// company's own mines now export), not new demand: they add no indirect effects.
  std::vector<std::string> diverted_inputs;
  /// What the plant buys to run, per unit of product; when not empty it replaces the sector's
  /// average input column (and diverted_inputs, which only trims that column, must be empty).
  std::vector<OperatingPurchase> operating_purchases;
  /// Resource id -> amount of the resource's capacity (a rate per year, e.g. Mt/yr of rail,
  /// bcm/yr of gas, MW) drawn per product unit per year of production. Plants drawing on one
  /// resource share it in proportion to need (docs/scheduling.md, "Operations").
  std::map<std::string, double> resource_use_per_unit;
  Mark mark;
};

/// What a brownfield site already has; only increments count.
struct Baseline {
  double permanent_jobs = 0.0;
  std::map<std::string, double> capacity_per_year;  ///< product id -> capacity
};

/// One project of the programme.
struct Project {
  std::string id;
  std::string name;
  std::string region;  ///< economy region id
  std::string sector;  ///< economy sector it operates in
  std::vector<Product> products;
  std::optional<Baseline> baseline;
  std::vector<Phase> phases;            ///< phases and milestones, in file order
  std::optional<Date> target_date;      ///< reported commissioning target, for on-time statistics
  std::optional<std::size_t> calendar;  ///< index into Scenario::calendars; none: calendar days
  Mark mark;

  /// Total capex, millions of currency.
  [[nodiscard]] double capex_m() const;
  /// Permanent jobs added by all phases.
  [[nodiscard]] double permanent_jobs() const;
  /// Index of the phase with this id; throws std::out_of_range.
  [[nodiscard]] std::size_t phase_index(const std::string& id) const;
  [[nodiscard]] std::optional<std::size_t> find_phase(const std::string& id) const;
  [[nodiscard]] std::optional<std::size_t> find_product(const std::string& id) const;
};

/// An uncertain event of the risk register.
struct Risk {
  std::string id;
  std::string name;
  ActivityRef phase;
  double probability = 0.0;                   ///< of occurring in a run, in [0, 1]
  std::optional<DurationDistribution> delay;  ///< added to the phase's duration
  std::optional<Distribution> cost_m;         ///< added to the phase's capex, millions
  Mark mark;
};

/// A programme-wide factor (e.g. the financing climate) drawn once per Monte Carlo run that
/// multiplies the durations of every phase with `correlated: true`, so that their delays are
/// not independent (docs/montecarlo.md). Deterministic runs ignore it.
struct Correlation {
  std::string factor;       ///< id; its stream is "correlation:<factor>"
  Distribution multiplier;  ///< of the durations, > 0 (e.g. triangular 0.9, 1.0, 1.4)
  Mark mark;
};

/// A change of a resource's capacity on a date.
struct CapacityStep {
  Date from;              ///< the capacity holds from this day on
  double capacity = 0.0;  ///< in the resource's unit, >= 0
  Mark mark;
};

/// A shared capacity that phases draw on while active (workers, MW) or that operations draw on
/// per unit of production (Mt/yr, bcm/yr). Its capacity is a step function of the date:
/// `capacity` until the first step, then each step's value from its date on.
struct Resource {
  /// What a phase does when the resource cannot supply its whole amount: wait until it can
  /// (the default), or start on time and bring the missing amount from outside the region
  /// (labour pools: imported workers, whose wages are spent outside the host region).
  enum class Shortfall { kWait, kImport };
  std::string id;
  std::string name;
  std::string unit;                 ///< e.g. "workers", "Mt/yr"
  double capacity = 0.0;            ///< before the first step
  std::vector<CapacityStep> steps;  ///< dates strictly increasing
  Shortfall on_shortfall = Shortfall::kWait;
  Mark mark;

  /// The capacity on day `day`.
  [[nodiscard]] double capacity_at(Date day) const;
  /// The largest capacity offered on or after `day` (the capacity in force then, or a later
  /// step's).
  [[nodiscard]] double max_capacity_from(Date day) const;
  /// The largest capacity ever offered.
  [[nodiscard]] double max_capacity() const;
};

/// A dated what-if event applied during a run.
struct Shock {
  enum class Kind { kDelay, kStop, kCapacityCut };
  std::string id;
  Kind kind = Kind::kDelay;
  Date date;
  std::size_t project = 0;
  std::optional<std::size_t> phase;      ///< kDelay: the phase delayed
  Duration delay{0.0, TimeUnit::kDays};  ///< kDelay: how much later
  std::optional<Date>
      until;               ///< kStop: restart date; kCapacityCut: end of the cut (none: for good)
  double cut_share = 0.0;  ///< kCapacityCut: share of capacity lost, in (0, 1]
  Mark mark;
};

/// A validated scenario.
struct Scenario {
  std::string name;
  std::string path;  ///< file it was read from
  Calendar calendar;
  EconomyRef economy;
  std::vector<Project> projects;
  std::vector<Risk> risks;
  std::vector<Resource> resources;
  std::vector<Shock> shocks;
  std::optional<Correlation> correlation;  ///< Monte Carlo only
  std::vector<WorkCalendar> calendars;     ///< working calendars, referred to by index
  /// How FF/SF links act where a dependency does not say (Dependency::finish_link).
  FinishLinkMode finish_links = FinishLinkMode::kStretch;

  /// The working calendar of an activity: its own, else its project's; nullptr: calendar days.
  [[nodiscard]] const WorkCalendar* calendar_of(ActivityRef ref) const;

  [[nodiscard]] std::optional<std::size_t> find_project(const std::string& id) const;
  [[nodiscard]] std::optional<std::size_t> find_resource(const std::string& id) const;
  /// Index of the project with this id; throws std::out_of_range.
  [[nodiscard]] std::size_t project_index(const std::string& id) const;
  /// "project.phase" for an activity reference.
  [[nodiscard]] std::string activity_name(ActivityRef ref) const;
  [[nodiscard]] const Phase& activity(ActivityRef ref) const {
    return projects[ref.project].phases[ref.activity];
  }
  /// Total capex of all projects, millions.
  [[nodiscard]] double capex_m() const;
  /// Permanent jobs of all projects.
  [[nodiscard]] double permanent_jobs() const;
};

}  // namespace ripple
