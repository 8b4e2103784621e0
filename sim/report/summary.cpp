#include "ripple/summary.hpp"

#include <algorithm>

namespace ripple {
namespace {

// Adds one period of a project (or of the programme) to a row.
void accumulate_period(SummaryRow& row, const LedgerEntry& entry, const ImpactEntry* impact,
                       double years) {
  row.job_years_direct += entry.direct_jobs() * years;
  row.output_m += entry.output_value_total_m();
  if (impact != nullptr) {
    row.job_years_indirect += impact->indirect_jobs() * years;
    row.job_years_induced += impact->induced_jobs() * years;
    row.value_added_m += impact->value_added_m();
  }
}

void set_end_of_horizon(SummaryRow& row, const LedgerEntry& entry, const ImpactEntry* impact) {
  row.permanent_jobs += entry.permanent_jobs;
  if (impact != nullptr) {
    row.indirect_jobs_host += impact->indirect_jobs_host;
    row.indirect_jobs_rest += impact->indirect_jobs_rest;
    row.induced_jobs_host += impact->induced_jobs_host;
    row.induced_jobs_rest += impact->induced_jobs_rest;
  }
}

std::optional<Date> latest(std::optional<Date> a, std::optional<Date> b) {
  if (!a) return b;
  if (!b) return a;
  return std::max(*a, *b);
}

}  // namespace

RunSummary summarise(const Scenario& scenario, const Ledger& ledger, const Impacts& impacts) {
  RunSummary summary;
  SummaryRow& total = summary.total;
  total.project = "TOTAL";
  total.region = "all";
  const std::size_t periods = ledger.period_count();
  std::vector<double> total_construction(periods, 0.0);
  summary.period_starts = ledger.period_starts;
  total.jobs_by_period.assign(periods, 0.0);

  for (std::size_t pi = 0; pi < scenario.projects.size(); ++pi) {
    const Project& project = scenario.projects[pi];
    SummaryRow row;
    row.project = project.id;
    row.region = project.region;
    row.commissioning = ledger.dates[pi].commissioning;
    row.full_capacity = ledger.dates[pi].full_capacity;
    row.capex_m = project.capex_m();
    row.jobs_by_period.assign(periods, 0.0);
    for (std::size_t p = 0; p < periods; ++p) {
      const LedgerEntry& entry = ledger.entries[pi][p];
      const ImpactEntry* impact = impacts.empty() ? nullptr : &impacts.entries[pi][p];
      const double jobs =
          entry.direct_jobs() +
          (impact != nullptr ? impact->indirect_jobs() + impact->induced_jobs() : 0.0);
      row.jobs_by_period[p] = jobs;
      total.jobs_by_period[p] += jobs;
      row.peak_construction_jobs = std::max(row.peak_construction_jobs, entry.construction_jobs);
      total_construction[p] += entry.construction_jobs;
      accumulate_period(row, entry, impact, ledger.period_years(p));
      accumulate_period(total, entry, impact, ledger.period_years(p));
    }
    if (periods > 0) {
      const ImpactEntry* last = impacts.empty() ? nullptr : &impacts.entries[pi].back();
      set_end_of_horizon(row, ledger.entries[pi].back(), last);
      set_end_of_horizon(total, ledger.entries[pi].back(), last);
    }
    total.commissioning = latest(total.commissioning, row.commissioning);
    total.full_capacity = latest(total.full_capacity, row.full_capacity);
    total.capex_m += row.capex_m;
    summary.projects.push_back(std::move(row));
  }
  for (double jobs : total_construction) {
    total.peak_construction_jobs = std::max(total.peak_construction_jobs, jobs);
  }
  return summary;
}

}  // namespace ripple
