#include "ripple/economy_link.hpp"

#include <algorithm>
#include <filesystem>
#include <string>

#include "ripple/error.hpp"

namespace ripple {
namespace {

std::string known_ids(const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
  return text;
}

}  // namespace

EconomyLink::EconomyLink(const Scenario& scenario, const Economy& economy)
    : scenario_(&scenario), economy_(&economy) {
  DiagnosticSink sink;
  for (const Project& project : scenario.projects) {
    const auto region = economy.find_region(project.region);
    const auto sector = economy.find_sector(project.sector);
    if (!region) {
      sink.error(project.mark, "projects." + project.id + ".region = " + project.region +
                                   ": not a region of economy '" + economy.info().name +
                                   "' (known: " + known_ids(economy.region_ids()) + ")");
    }
    if (!sector) {
      sink.error(project.mark, "projects." + project.id + ".sector = " + project.sector +
                                   ": not a sector of economy '" + economy.info().name +
                                   "' (known: " + known_ids(economy.sector_ids()) + ")");
    }
    sites_.push_back(Site{region.value_or(0), sector.value_or(0)});
    auto& sectors = product_sector_.emplace_back();
    auto& profiles = product_profile_.emplace_back();
    for (const Product& product : project.products) {
      const std::string& id = product.sector.empty() ? project.sector : product.sector;
      const auto product_sector = economy.find_sector(id);
      const std::string at = "projects." + project.id + ".products." + product.id;
      if (!product_sector && id != project.sector) {
        sink.error(product.mark, at + ".sector = " + id + ": not a sector of economy '" +
                                     economy.info().name +
                                     "' (known: " + known_ids(economy.sector_ids()) + ")");
      }
      sectors.push_back(product_sector.value_or(sites_.back().sector));
      if (!product.operating_purchases.empty()) {
        // The plant's own spending pattern replaces the sector column (docs/economics.md §4).
        std::vector<LocalPurchase> purchases;
        for (std::size_t k = 0; k < product.operating_purchases.size(); ++k) {
          const OperatingPurchase& purchase = product.operating_purchases[k];
          const auto s = economy.find_sector(purchase.sector);
          if (!s) {
            sink.error(purchase.mark, at + ".operating_purchases[" + std::to_string(k) +
                                          "].sector = " + purchase.sector +
                                          ": not a sector of economy '" + economy.info().name +
                                          "' (known: " + known_ids(economy.sector_ids()) + ")");
            continue;
          }
          if (product.price_per_unit > 0.0) {
            purchases.push_back(
                {*s, purchase.per_unit * purchase.local_share / product.price_per_unit});
          }
        }
        profiles.emplace_back(economy.purchases_profile(sites_.back(), purchases));
        continue;
      }
      std::vector<std::size_t> diverted;
      for (const auto& input : product.diverted_inputs) {
        if (const auto s = economy.find_sector(input)) {
          diverted.push_back(*s);
        } else {
          sink.error(product.mark, at + ".diverted_inputs: '" + input +
                                       "' is not a sector of economy '" + economy.info().name +
                                       "' (known: " + known_ids(economy.sector_ids()) + ")");
        }
      }
      profiles.push_back(diverted.empty() ? std::nullopt
                                          : std::optional(economy.operation_profile(
                                                sites_.back(), sectors.back(), diverted)));
    }
  }
  sink.throw_if_any();
}

void EconomyLink::compute(const Ledger& ledger, Impacts& impacts) const {
  const std::size_t periods = ledger.period_count();
  impacts.entries.resize(scenario_->projects.size());
  std::vector<SectorOutputRate> operations;
  for (std::size_t pi = 0; pi < scenario_->projects.size(); ++pi) {
    impacts.entries[pi].assign(periods, ImpactEntry{});
    for (std::size_t p = 0; p < periods; ++p) {
      const LedgerEntry& entry = ledger.entries[pi][p];
      const double years = ledger.period_years(p);
      // Flows of the period to rates per year; jobs are already period averages.
      operations.clear();
      for (std::size_t k = 0; k < entry.output_value_m.size(); ++k) {
        if (entry.output_value_m[k] > 0.0) {
          const auto& profile = product_profile_[pi][k];
          operations.push_back({product_sector_[pi][k], entry.output_value_m[k] / years,
                                profile ? &*profile : nullptr});
        }
      }
      ActivityRates rates;
      rates.operations = operations;
      for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
        rates.capex_local_m_per_year[c] = entry.capex_local_m[c] / years;
      }
      rates.construction_jobs = entry.construction_jobs;
      rates.imported_construction_jobs = entry.construction_jobs_imported;
      rates.permanent_jobs = entry.permanent_jobs;
      const ActivityEffects effects = economy_->effects(sites_[pi], rates);
      ImpactEntry& out = impacts.entries[pi][p];
      out.indirect_jobs_host = effects.indirect_jobs.host;
      out.indirect_jobs_rest = effects.indirect_jobs.rest;
      out.induced_jobs_host = effects.induced_jobs.host;
      out.induced_jobs_rest = effects.induced_jobs.rest;
      // Output and value added are flows over the period.
      out.output_m_host = (effects.indirect_output_m.host + effects.induced_output_m.host) * years;
      out.output_m_rest = (effects.indirect_output_m.rest + effects.induced_output_m.rest) * years;
      out.value_added_m_host =
          (effects.indirect_value_added_m.host + effects.induced_value_added_m.host) * years;
      out.value_added_m_rest =
          (effects.indirect_value_added_m.rest + effects.induced_value_added_m.rest) * years;
    }
  }
}

std::optional<Economy> load_scenario_economy(const Scenario& scenario) {
  if (scenario.economy.table_path.empty()) return std::nullopt;
  // A descriptor that is not there is a mistake in the scenario (exit 3 at economy.table), not
  // a failure to read (exit 1): `validate` reports it as `run` does.
  std::error_code ec;
  const std::string& path = scenario.economy.table_path;
  if (!std::filesystem::is_regular_file(path, ec)) {
    const bool directory = std::filesystem::is_directory(path, ec);
    throw InputError(scenario.economy.table_mark,
                     "economy.table = '" + scenario.economy.table_text + "': " +
                         (directory ? "is a directory, not an economy descriptor ("
                                    : "no economy descriptor at that path (looked for ") +
                         path +
                         (directory ? ")" : "; relative paths start at the scenario's folder)"));
  }
  EconomyOptions options;
  options.flq_delta = scenario.economy.flq_delta;
  options.household_closure = scenario.economy.household_closure;
  options.scenario_currency = scenario.calendar.currency;
  return Economy::load(scenario.economy.table_path, options);
}

bool same_economy(const Scenario& a, const Scenario& b) {
  return a.economy.table_path == b.economy.table_path &&
         a.economy.flq_delta == b.economy.flq_delta &&
         a.economy.household_closure == b.economy.household_closure &&
         a.calendar.currency == b.calendar.currency;
}

}  // namespace ripple
