#pragma once
/// Monte Carlo sampling of a scenario's uncertain inputs, one run at a time
/// (docs/montecarlo.md). Every input draws from its own counter-based stream keyed by
/// (campaign seed, run index, stable_id(name)) (random.hpp), so run i draws the same values
/// whatever the thread count, run order or sharding, and two scenario variants draw the same
/// values for every input they share (common random numbers). The stream names:
///   duration:<project>.<phase>   the phase's duration (phases whose duration is not fixed)
///   risk:<id>                    one uniform u; the risk fires when u < probability
///   risk:<id>.delay              its delay, drawn only when it fires
///   risk:<id>.cost               its cost, drawn only when it fires
///   ramp_up:<project>.<phase>    the ramp-up's length (ramp-ups given as a distribution)
///   correlation:<factor>         the programme-wide multiplier (Scenario::correlation), which
///                                multiplies the duration of every `correlated` phase (sampled
///                                or fixed) before risk delays are added
/// A fired risk's delay adds to its phase's duration, converted to the phase's unit family
/// when the two differ (30.4375 days per month); its cost adds to the phase's capex. A delay on
/// a milestone is not applied (milestones take no time); its cost is.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ripple/duration.hpp"
#include "ripple/plan.hpp"
#include "ripple/scenario.hpp"

namespace ripple {

/// Days per month used to add a delay in days to a duration in months (and back): 365.25 / 12.
inline constexpr double kDaysPerMonth = 30.4375;

/// The values drawn for one run. Buffers are reused between runs by McSampler::draw.
struct McDraw {
  std::uint64_t run = 0;
  std::vector<double> duration;  ///< [sampled phase] drawn amount, in the phase's unit
  std::vector<char> fired;       ///< [risk] 1 when the risk occurred
  std::vector<double> delay;     ///< [risk] drawn delay in the delay's unit; 0 when not fired
  std::vector<double> cost_m;    ///< [risk] drawn cost, millions; 0 when not fired
  double factor = 1.0;           ///< the correlation multiplier (1 without correlation)
  std::vector<double> ramp;      ///< [sampled ramp-up] drawn length, in the ramp-up's unit
};

/// One column of mc_inputs.csv: a sampled input.
struct McInput {
  std::string name;  ///< stream name, e.g. "duration:satimola.shafts", "risk:grid.delay"
  std::string unit;  ///< "months", "days", "occurred" (0/1), "millions"
};

/// Samples a scenario's uncertain inputs and turns a draw into a run's durations and capex.
/// Immutable after construction: safe to share between threads.
class McSampler {
 public:
  /// Keeps pointers to `scenario` and `plan` (built from it), which must outlive the sampler.
  /// The fixed durations and the phases' capex are copied now, so the plan's durations and the
  /// scenario's capex may be replaced by a run's values later (apply_capex on `scenario`).
  McSampler(const Scenario& scenario, const Plan& plan, std::uint64_t seed);

  /// Draws run `run` into `out` (buffers reused).
  void draw(std::uint64_t run, McDraw& out) const;

  /// The durations of a draw, indexed by plan vertex, into `durations` (resized): sampled
  /// durations, plus the delays of fired risks except `skip_risk` (for risk ranking).
  void durations(const McDraw& draw, std::optional<std::size_t> skip_risk,
                 std::vector<Duration>& durations) const;

  /// Sets each phase's capex in `target` (the sampler's scenario or a copy of it) to the
  /// scenario's capex at construction plus the costs of fired risks except `skip_risk`, and
  /// each sampled ramp-up's length to the draw.
  void apply_capex(const McDraw& draw, std::optional<std::size_t> skip_risk,
                   Scenario& target) const;

  /// The sampled inputs, in mc_inputs.csv column order.
  [[nodiscard]] const std::vector<McInput>& inputs() const { return inputs_; }
  /// The values of a draw for inputs(), in the same order: durations, then per risk its
  /// occurrence (0/1), delay and cost (those it has; 0 when it did not fire), then the
  /// correlation factor (when the scenario has one), then the sampled ramp-ups.
  void input_values(const McDraw& draw, std::vector<double>& values) const;

  /// Index of the sampled phase of `vertex`; nullopt when its duration is fixed.
  [[nodiscard]] std::optional<std::size_t> sampled_index(Vertex vertex) const;
  /// The campaign seed.
  [[nodiscard]] std::uint64_t seed() const { return seed_; }

 private:
  struct SampledPhase {
    Vertex vertex;
    std::uint64_t stream_id;
  };
  struct RiskStreams {
    std::uint64_t occurrence;
    std::uint64_t delay;
    std::uint64_t cost;
    Vertex vertex;
    double delay_to_phase_unit;  // multiplies a delay amount into the phase's unit
  };

  const Scenario* scenario_;
  const Plan* plan_;
  std::uint64_t seed_;
  std::vector<Duration> modes_;               // [vertex] the plan's durations at construction
  std::vector<std::vector<double>> capex_m_;  // [project][phase] capex at construction
  std::vector<SampledPhase> sampled_;
  std::vector<std::optional<std::size_t>> sampled_of_vertex_;
  std::vector<RiskStreams> risks_;
  std::uint64_t correlation_stream_ = 0;
  struct SampledRamp {
    ActivityRef ref;
    std::uint64_t stream_id;
  };
  std::vector<SampledRamp> ramps_;
  std::vector<McInput> inputs_;
};

/// The factor that converts an amount in unit `from` into unit `to`: exact within a family
/// (week = 7 days, quarter = 3 months, year = 12 months), 30.4375 days per month across.
[[nodiscard]] double unit_factor(TimeUnit from, TimeUnit to);

}  // namespace ripple
