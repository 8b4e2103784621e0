#pragma once
/// Indirect and induced effects of a run, per project and period, as the economy computes them
/// from the ledger (docs/economics.md). Jobs are period averages (persons); output and value
/// added are flows over the period in millions of the scenario currency. "host" is the project's
/// region, "rest" the rest of the country.

#include <vector>

namespace ripple {

/// Effects of one project in one period.
struct ImpactEntry {
  double indirect_jobs_host = 0.0;
  double indirect_jobs_rest = 0.0;
  double induced_jobs_host = 0.0;
  double induced_jobs_rest = 0.0;
  double output_m_host = 0.0;  ///< total output effect (direct purchases' whole supply chain)
  double output_m_rest = 0.0;
  double value_added_m_host = 0.0;
  double value_added_m_rest = 0.0;

  [[nodiscard]] double indirect_jobs() const { return indirect_jobs_host + indirect_jobs_rest; }
  [[nodiscard]] double induced_jobs() const { return induced_jobs_host + induced_jobs_rest; }
  [[nodiscard]] double output_m() const { return output_m_host + output_m_rest; }
  [[nodiscard]] double value_added_m() const { return value_added_m_host + value_added_m_rest; }
};

/// entries[project][period]; empty when no economy was used.
struct Impacts {
  std::vector<std::vector<ImpactEntry>> entries;
  [[nodiscard]] bool empty() const { return entries.empty(); }
};

}  // namespace ripple
