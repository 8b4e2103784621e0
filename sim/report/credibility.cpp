#include "ripple/credibility.hpp"

#include "ripple/text_table.hpp"

namespace ripple {

std::vector<ProjectCredibility> assess_credibility(const Scenario& scenario, const Ledger& ledger,
                                                   const RunSummary& summary,
                                                   const Economy& economy) {
  const IoTable& table = economy.data().table;
  // Table money units per person into scenario-currency millions per person.
  const double to_scenario_m =
      economy.data().info.money_unit / economy.table_per_scenario_currency() / 1e6;
  std::vector<ProjectCredibility> lines;
  const std::size_t periods = ledger.period_count();
  for (std::size_t pi = 0; pi < scenario.projects.size(); ++pi) {
    const Project& project = scenario.projects[pi];
    ProjectCredibility line;
    line.project = project.id;
    const SummaryRow& row = summary.projects.at(pi);
    double output_rate = 0.0;     // scenario-currency millions per year
    double sector_workers = 0.0;  // persons the sectors' averages need for that output
    bool all_with_purchases = true;
    bool any_output = false;
    if (periods > 0) {
      const LedgerEntry& last = ledger.entries[pi].back();
      const double years = ledger.period_years(periods - 1);
      for (std::size_t k = 0; k < project.products.size(); ++k) {
        const double rate = last.output_value_m[k] / years;
        if (!(rate > 0.0)) continue;
        any_output = true;
        const Product& product = project.products[k];
        if (product.operating_purchases.empty()) all_with_purchases = false;
        const auto sector =
            economy.find_sector(product.sector.empty() ? project.sector : product.sector);
        if (!sector || table.employment_persons.empty()) continue;
        const double jobs = table.employment_persons[*sector];
        const double per_worker = jobs > 0.0 ? table.output[*sector] / jobs * to_scenario_m : 0.0;
        if (per_worker > 0.0) {
          output_rate += rate;
          sector_workers += rate / per_worker;
        }
      }
    }
    line.has_operating_purchases = any_output && all_with_purchases;
    if (row.permanent_jobs > 0.0) {
      line.output_per_worker_m = output_rate / row.permanent_jobs;
      line.spillover_per_direct_job =
          (row.indirect_jobs() + row.induced_jobs()) / row.permanent_jobs;
    }
    if (sector_workers > 0.0) line.sector_output_per_worker_m = output_rate / sector_workers;
    if (line.output_per_worker_m > 0.0 && line.sector_output_per_worker_m > 0.0) {
      line.output_per_worker_ratio = line.output_per_worker_m / line.sector_output_per_worker_m;
    }
    line.flagged = any_output && !line.has_operating_purchases &&
                   line.output_per_worker_ratio > kCredibilityOutputPerWorkerLimit;
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string credibility_note(const ProjectCredibility& line) {
  return line.project + " makes " + with_thousands(line.output_per_worker_ratio, 1) +
         "x its sectors' average output per worker without operating purchases: the sector's "
         "average input column, scaled by its output, likely overstates its indirect jobs "
         "(state its operating_purchases)";
}

}  // namespace ripple
