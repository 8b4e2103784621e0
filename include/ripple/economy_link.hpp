#pragma once
/// The coupling of a run to the economy: each period's ledger entry of a project becomes
/// annualised activity rates (operations by sector, local capex by category, direct jobs) that
/// the Economy turns into indirect and induced effects by region (docs/economics.md).
/// Projects' regions and sectors are resolved once, so that batch runs only do arithmetic.

#include <optional>
#include <vector>

#include "ripple/economy.hpp"
#include "ripple/impacts.hpp"
#include "ripple/ledger.hpp"
#include "ripple/scenario.hpp"

namespace ripple {

/// A scenario's projects placed in an economy.
class EconomyLink {
 public:
  /// Resolves every project's region and sector and every product's sector. Both arguments
  /// must outlive the link. Throws InputError (at the project's or product's mark) naming an id
  /// the economy does not know, with the ids it knows.
  EconomyLink(const Scenario& scenario, const Economy& economy);

  /// The effects of every project in every period of `ledger`, into `impacts` (resized).
  void compute(const Ledger& ledger, Impacts& impacts) const;

 private:
  const Scenario* scenario_;
  const Economy* economy_;
  std::vector<Site> sites_;                               // [project]
  std::vector<std::vector<std::size_t>> product_sector_;  // [project][product]
  // [project][product]: set when the product has operating purchases or diverted inputs.
  std::vector<std::vector<std::optional<OperationProfile>>> product_profile_;
};

/// Loads the economy a scenario names (economy.table, flq_delta, household_closure, the
/// scenario currency); nullopt when it names none. Throws what Economy::load throws.
[[nodiscard]] std::optional<Economy> load_scenario_economy(const Scenario& scenario);

/// Whether two scenarios load the same economy: the same table, FLQ δ, household closure and
/// currency (then one loaded Economy serves both).
[[nodiscard]] bool same_economy(const Scenario& a, const Scenario& b);

}  // namespace ripple
