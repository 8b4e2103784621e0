#include "ripple/resource_report.hpp"

#include <algorithm>
#include <limits>
#include <ostream>

#include "ripple/text_table.hpp"

namespace ripple {
namespace {

// A change of what phases hold, ask for or import, from a day on.
struct Delta {
  Date day;
  double use = 0.0;
  double queued = 0.0;
  double imported = 0.0;
};

void phase_periods(const Scenario& scenario, const Timeline& timeline, const Ledger& ledger,
                   std::size_t r, std::vector<ResourcePeriod>& rows) {
  const Resource& res = scenario.resources[r];
  std::vector<Delta> deltas;
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    const auto& phases = scenario.projects[p].phases;
    for (std::size_t a = 0; a < phases.size(); ++a) {
      const auto it = phases[a].resource_use.find(res.id);
      if (it == phases[a].resource_use.end() || phases[a].is_milestone) continue;
      const ActivityTimes& t = timeline.activities[p][a];
      const double imported =
          res.on_shortfall == Resource::Shortfall::kImport ? it->second * t.imported_share : 0.0;
      if (t.ready < t.start) {
        deltas.push_back({t.ready, 0.0, it->second, 0.0});
        deltas.push_back({t.start, 0.0, -it->second, 0.0});
      }
      if (t.start < t.work_end) {
        deltas.push_back({t.start, it->second - imported, 0.0, imported});
        deltas.push_back({t.work_end, imported - it->second, 0.0, -imported});
      }
    }
  }
  for (const CapacityStep& step : res.steps) deltas.push_back({step.from, 0.0, 0.0, 0.0});
  for (std::size_t k = 0; k < ledger.period_count(); ++k) {
    deltas.push_back({ledger.period_starts[k], 0.0, 0.0, 0.0});
  }
  deltas.push_back({ledger.horizon_end, 0.0, 0.0, 0.0});
  std::stable_sort(deltas.begin(), deltas.end(),
                   [](const Delta& x, const Delta& y) { return x.day < y.day; });

  for (auto& row : rows) {
    row.peak_use = 0.0;
    row.min_headroom = std::numeric_limits<double>::infinity();
  }
  double use = 0.0;
  double queued = 0.0;
  double imported = 0.0;
  std::size_t period = 0;
  for (std::size_t i = 0; i < deltas.size(); ++i) {
    use += deltas[i].use;
    queued += deltas[i].queued;
    imported += deltas[i].imported;
    const Date from = deltas[i].day;
    if (i + 1 < deltas.size() && deltas[i + 1].day == from) continue;  // same day: sum first
    if (i + 1 == deltas.size() || from >= ledger.horizon_end) break;
    const Date to = deltas[i + 1].day;
    if (to <= ledger.period_starts.front()) continue;
    while (period + 1 < ledger.period_count() && ledger.period_starts[period + 1] <= from) ++period;
    const double days = to - std::max(from, ledger.period_starts.front());
    const double capacity = res.capacity_at(from);
    ResourcePeriod& row = rows[period];
    row.capacity += capacity * days;
    row.use += use * days;
    row.queued_demand += queued * days;
    row.shortfall += (queued + imported) * days;
    row.peak_use = std::max(row.peak_use, use);
    row.min_headroom = std::min(row.min_headroom, capacity - use);
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const double days = ledger.period_end(k) - ledger.period_starts[k];
    rows[k].capacity /= days;
    rows[k].use /= days;
    rows[k].queued_demand /= days;
    rows[k].shortfall /= days;
    // Rounding of the running sums: a use that returns to nothing is nothing.
    if (std::abs(rows[k].use) < 1e-9) rows[k].use = 0.0;
  }
}

}  // namespace

ResourceUsage resource_usage(const Scenario& scenario, const Timeline& timeline,
                             const Ledger& ledger) {
  ResourceUsage usage;
  usage.rows.assign(scenario.resources.size(), std::vector<ResourcePeriod>(ledger.period_count()));
  for (std::size_t r = 0; r < scenario.resources.size(); ++r) {
    const bool operations = r < ledger.operations_draw.size() && !ledger.operations_draw[r].empty();
    if (!operations) {
      phase_periods(scenario, timeline, ledger, r, usage.rows[r]);
      continue;
    }
    const Resource& res = scenario.resources[r];
    for (std::size_t k = 0; k < ledger.period_count(); ++k) {
      const OperationsDraw& draw = ledger.operations_draw[r][k];
      ResourcePeriod& row = usage.rows[r][k];
      double capacity = 0.0;
      for (Date d = ledger.period_starts[k]; d < ledger.period_end(k);) {
        Date next = ledger.period_end(k);
        for (const CapacityStep& step : res.steps) {
          if (step.from > d && step.from < next) next = step.from;
        }
        capacity += res.capacity_at(d) * (next - d);
        d = next;
      }
      row.capacity = capacity / (ledger.period_end(k) - ledger.period_starts[k]);
      row.use = draw.used;
      row.peak_use = draw.used;
      row.min_headroom = row.capacity - draw.used;
      row.queued_demand = draw.need;
      row.shortfall = draw.need - draw.used;
    }
  }
  return usage;
}

void write_resources_csv(std::ostream& out, const Scenario& scenario, const Ledger& ledger,
                         const ResourceUsage& usage) {
  out << "period,resource,unit,capacity,use,peak_use,min_headroom,queued_demand,shortfall\n";
  for (std::size_t k = 0; k < ledger.period_count(); ++k) {
    const std::string period = period_label(ledger.period_starts[k]);
    for (std::size_t r = 0; r < scenario.resources.size(); ++r) {
      const ResourcePeriod& row = usage.rows[r][k];
      out << period << ',' << scenario.resources[r].id << ',' << scenario.resources[r].unit << ','
          << csv_number(row.capacity) << ',' << csv_number(row.use) << ','
          << csv_number(row.peak_use) << ',' << csv_number(row.min_headroom) << ','
          << csv_number(row.queued_demand) << ',' << csv_number(row.shortfall) << '\n';
    }
  }
}

}  // namespace ripple
