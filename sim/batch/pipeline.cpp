#include "ripple/pipeline.hpp"

namespace ripple {

Pipeline::Pipeline(const Scenario& scenario, const Economy* economy)
    : scenario_(&scenario), plan_(scenario), rollout_(plan_) {
  if (economy != nullptr) link_.emplace(scenario, *economy);
}

const RunResult& Pipeline::run() {
  result_.timeline = rollout_.run();
  result_.ledger = build_ledger(*scenario_, result_.timeline);
  if (link_) {
    link_->compute(result_.ledger, result_.impacts);
  } else {
    result_.impacts.entries.clear();
  }
  result_.summary = summarise(*scenario_, result_.ledger, result_.impacts);
  return result_;
}

}  // namespace ripple
