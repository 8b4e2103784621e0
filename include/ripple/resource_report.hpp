#pragma once
/// The use of shared resources in a run, per reporting period and resource (`resources.csv` of
/// `ripple run`, docs/outputs.md). Computed from the timeline (what phases held, waited for and
/// imported, day by day) and the ledger (what operations needed and drew, month by month).
///
/// All values are period means in the resource's unit (day-weighted), except peak_use and
/// min_headroom, the extremes over the period's days:
///   capacity       the capacity in force
///   use            what phases held (their local part for import pools), or what operations drew
///   peak_use       the largest day's use (operations: the period mean)
///   min_headroom   the smallest day's capacity - use; negative only when phases that had started
///                  before as_of, or starts dated back by a lead, over-use it
///   queued_demand  what phases waiting for the resource asked for (operations: their need)
///   shortfall      what was asked for and not supplied from the resource: waiting phases' amounts,
///                  imported workers, or operations' need beyond capacity (production cut)

#include <cstddef>
#include <iosfwd>
#include <vector>

#include "ripple/ledger.hpp"
#include "ripple/scenario.hpp"
#include "ripple/timeline.hpp"

namespace ripple {

/// One resource in one period.
struct ResourcePeriod {
  double capacity = 0.0;
  double use = 0.0;
  double peak_use = 0.0;
  double min_headroom = 0.0;
  double queued_demand = 0.0;
  double shortfall = 0.0;
};

/// [resource][period], periods as in the ledger.
struct ResourceUsage {
  std::vector<std::vector<ResourcePeriod>> rows;
};

/// The use of every resource of `scenario` in every period of `ledger`.
[[nodiscard]] ResourceUsage resource_usage(const Scenario& scenario, const Timeline& timeline,
                                           const Ledger& ledger);

/// CSV `period,resource,unit,capacity,use,peak_use,min_headroom,queued_demand,shortfall`, one
/// row per period and resource (resources in declaration order within a period).
void write_resources_csv(std::ostream& out, const Scenario& scenario, const Ledger& ledger,
                         const ResourceUsage& usage);

}  // namespace ripple
