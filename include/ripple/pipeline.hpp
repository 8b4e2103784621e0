#pragma once
/// One run of a scenario, end to end: Plan → rollout → Timeline → Ledger → Impacts →
/// RunSummary. A Pipeline keeps the plan, the engine's buffers and the economy link, so that
/// batch drivers can run it again and again (e.g. with other durations) without rebuilding them.

#include <optional>

#include "ripple/cpm.hpp"
#include "ripple/economy.hpp"
#include "ripple/economy_link.hpp"
#include "ripple/impacts.hpp"
#include "ripple/ledger.hpp"
#include "ripple/plan.hpp"
#include "ripple/rollout.hpp"
#include "ripple/scenario.hpp"
#include "ripple/summary.hpp"

namespace ripple {

/// What one run produced.
struct RunResult {
  Timeline timeline;
  Ledger ledger;
  Impacts impacts;  ///< empty without an economy
  RunSummary summary;
};

/// A scenario ready to run. The scenario and the economy must outlive the pipeline.
class Pipeline {
 public:
  /// Builds the plan (throws InputError on dependency cycles) and links the projects to the
  /// economy when one is given (throws InputError for unknown regions or sectors).
  Pipeline(const Scenario& scenario, const Economy* economy);

  /// Runs with the plan's current durations (each distribution's mode unless changed through
  /// plan()). The result is valid until the next run().
  const RunResult& run();

  /// The plan, e.g. to set sampled durations before run().
  [[nodiscard]] Plan& plan() { return plan_; }
  /// CPM on the plan's current durations.
  [[nodiscard]] Schedule schedule() const { return compute_schedule(plan_); }

 private:
  const Scenario* scenario_;
  Plan plan_;
  Rollout rollout_;
  std::optional<EconomyLink> link_;
  RunResult result_;
};

}  // namespace ripple
