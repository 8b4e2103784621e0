#pragma once
/// The regionalised Leontief input-output model (docs/economics.md derives every formula).
///
/// National model: A = Z x̂⁻¹, L = (I − A)⁻¹ (Miller & Blair 2009, ch. 2). (I − A) is factorised
/// once (LU) and multipliers come from transposed solves (I − A)ᵀ m = c, so L is never formed.
/// Type II closes the model with households: row h_r = D1 / x, column h_c = household consumption
/// of domestic products / total D1, cell 0 (Miller & Blair ch. 6). Regions: A^r_ij = a_ij ·
/// min(FLQ_ij, 1), FLQ_ij = (SLQ_i / SLQ_j) · λ, λ = [log₂(1 + RE/NE)]^δ (Flegg et al. 1995,
/// Flegg & Webber 1997). Host-region effects come from the regional system, the rest of the
/// country is national minus regional.
///
/// Coupling to the engine: effects are linear in the activity, so per-region coefficient vectors
/// are computed once when the Economy is built and `effects()` costs O(operating sectors).
/// Direct jobs are the scenario's own; indirect jobs are those of the supply chain of the
/// projects' first-round purchases; induced jobs come from household spending of the wages of
/// direct and indirect workers (docs/economics.md, section 4, "Direct, indirect, induced").

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ripple/io_table.hpp"
#include "ripple/scenario.hpp"

namespace ripple {

/// How an economy is turned into a model.
struct EconomyOptions {
  /// Flegg's δ in [0, 1): 0 gives λ = 1 (only the SLQ ratio), larger δ shrinks small regions'
  /// coefficients more. Default 0.25 (Flegg & Webber 2000).
  double flq_delta = 0.25;
  /// Type II (households endogenous); false: induced effects are zero.
  bool household_closure = true;
  /// Currency of the money passed to and returned by effects(); empty: the table's currency.
  /// Must be the table's currency or a key of the descriptor's `exchange_rates`.
  std::string scenario_currency;
};

/// Multipliers of one sector, per unit of final demand for that sector's product. Type II values
/// are present only when the household closure is on.
struct SectorMultipliers {
  std::string sector_id;
  std::string sector_name;
  double leontief_diagonal = 0.0;      ///< L_jj
  double output_type1 = 0.0;           ///< Σ_i L_ij (table money per table money)
  std::optional<double> output_type2;  ///< Σ over sectors only of the closed L* column
  double income_type1 = 0.0;           ///< (wᵀL)_j / w_j, w = D1 / x (ratio)
  std::optional<double> income_type2;  ///< (wᵀL*)_j / w_j
  double gva_type1 = 0.0;              ///< (vᵀL)_j, v = B1G / x: GVA per unit of final demand
  std::optional<double> gva_type2;
  double employment_type1 = 0.0;  ///< (eᵀL)_j / e_j, e = jobs / x (ratio)
  std::optional<double> employment_type2;
  /// Employment effect (eᵀL)_j: persons per million of the table currency of final demand.
  double jobs_per_million_type1 = 0.0;
  std::optional<double> jobs_per_million_type2;
};

/// A project's place in the economy, resolved once by Economy::prepare() so that the hot path
/// works on indices.
struct Site {
  std::size_t region = 0;  ///< index into Economy::region_ids()
  std::size_t sector = 0;  ///< index into Economy::sector_ids(): the project's operating sector
};

/// Effects per million (scenario currency) of one operating sector's output at one site, with
/// the first-round purchases from some sectors left out because they are supply diverted from
/// existing uses rather than new demand. Entries: jobs (persons), income, output and value added
/// (millions), for the host region's system and the national one. Built by
/// Economy::operation_profile().
struct OperationProfile {
  std::array<double, 4> host{};
  std::array<double, 4> national{};
};

/// One line of a plant's operating purchases, resolved to an economy sector: what the plant buys
/// from `sector` inside the country per unit of its own output value (money per money, the local
/// share already applied). Built by the caller from the scenario's operating purchases.
struct LocalPurchase {
  std::size_t sector = 0;         ///< index into Economy::sector_ids()
  double per_output_value = 0.0;  ///< domestic purchases per unit of output value, >= 0
};

/// Output of one operating sector of a project.
struct SectorOutputRate {
  std::size_t sector = 0;          ///< index into Economy::sector_ids()
  double output_m_per_year = 0.0;  ///< output value, millions of the scenario currency per year
  /// When set (not owned), the effects per million come from this profile instead of the
  /// sector's full input column (see OperationProfile).
  const OperationProfile* profile = nullptr;
};

/// What one project does in one period, as annualised rates. Money is in millions of the
/// scenario currency per year, jobs are persons (annual average).
struct ActivityRates {
  /// Production by operating sector (usually one entry, the site's sector). Not owned.
  std::span<const SectorOutputRate> operations;
  /// Capex bought in the country, by category (works, equipment, services, indexed by
  /// SpendingCategory), the local share already applied by the caller.
  std::array<double, kSpendingCategoryCount> capex_local_m_per_year{};
  double construction_jobs = 0.0;  ///< direct construction workforce, persons
  /// Of construction_jobs, workers brought from outside the host region: their wages are spent
  /// where they live, so their induced effect goes to the rest of the country.
  double imported_construction_jobs = 0.0;
  double permanent_jobs = 0.0;  ///< direct permanent staff, persons
};

/// An effect split between the host region and the rest of the country.
struct RegionalSplit {
  double host = 0.0;
  double rest = 0.0;
  [[nodiscard]] double national() const { return host + rest; }
  RegionalSplit& operator+=(const RegionalSplit& other) {
    host += other.host;
    rest += other.rest;
    return *this;
  }
};

/// Indirect and induced effects of an activity. Jobs are persons (annual average at the given
/// rates); output and value added are millions of the scenario currency per year. Direct effects
/// are not included: they are the scenario's own.
struct ActivityEffects {
  RegionalSplit indirect_jobs;
  RegionalSplit induced_jobs;
  RegionalSplit indirect_output_m;
  RegionalSplit induced_output_m;
  RegionalSplit indirect_value_added_m;
  RegionalSplit induced_value_added_m;
  /// Wages (compensation) of the direct workers, and of the indirect workers by region, that
  /// drive the induced effects; millions of the scenario currency per year.
  double direct_income_m = 0.0;
  RegionalSplit indirect_income_m;

  ActivityEffects& operator+=(const ActivityEffects& other);
};

/// The dense linear algebra behind Economy: "OpenBLAS (...) and LAPACKE" when the library was
/// built with RIPPLE_USE_OPENBLAS and found them, else "Eigen's own kernels".
[[nodiscard]] std::string_view linear_algebra_backend();

/// Stops OpenBLAS's worker threads, which start when the library loads and spin (sched_yield)
/// for about 0.1 s of CPU before they sleep; the next BLAS call that needs them starts them
/// again. Nothing without OpenBLAS. The CLI calls it first: most commands never touch BLAS, and
/// on a 2-core machine the spinning takes a core from the work.
void idle_linear_algebra_threads();

/// The model of one economy: national and regional systems, factorised once. Immutable after
/// construction and safe to share between threads. Movable, not copyable.
class Economy {
 public:
  /// Reads the descriptor (read_economy) and builds the model. Throws InputError for bad files or
  /// options (unknown scenario currency, δ outside [0, 1)), ModelError when a Leontief system has
  /// no non-negative solution (a column sum of A ≥ 1, or an unstable household closure), naming
  /// the sector.
  [[nodiscard]] static Economy load(const std::string& descriptor_path,
                                    const EconomyOptions& options = {});
  /// Builds the model from data already read. Throws as load().
  explicit Economy(EconomyData data, const EconomyOptions& options = {});
  ~Economy();
  Economy(Economy&&) noexcept;
  Economy& operator=(Economy&&) noexcept;
  Economy(const Economy&) = delete;
  Economy& operator=(const Economy&) = delete;

  [[nodiscard]] const EconomyInfo& info() const;
  [[nodiscard]] const EconomyOptions& options() const;
  [[nodiscard]] const EconomyData& data() const;
  [[nodiscard]] const std::vector<std::string>& sector_ids() const;
  [[nodiscard]] std::vector<std::string> region_ids() const;
  /// Index of a sector id, or nullopt.
  [[nodiscard]] std::optional<std::size_t> find_sector(std::string_view id) const;
  /// Index of a region id, or nullopt.
  [[nodiscard]] std::optional<std::size_t> find_region(std::string_view id) const;
  /// Resolves a project's region and operating sector. Throws InputError naming the unknown id
  /// and the known ones.
  [[nodiscard]] Site prepare(std::string_view region, std::string_view sector) const;
  /// Millions of table currency per million of the scenario currency (the exchange rate).
  [[nodiscard]] double table_per_scenario_currency() const;

  /// The per-million effects of `sector`'s operations at `site` without the supply chains of
  /// its purchases from the `diverted` sectors (indices from find_sector):
  /// kᵀ L A e_j − Σ_{s diverted} (kᵀL)_s a_sj, host (regional system) and national.
  [[nodiscard]] OperationProfile operation_profile(const Site& site, std::size_t sector,
                                                   std::span<const std::size_t> diverted) const;

  /// The per-million effects of a plant's own operating purchases (analysis-by-parts), which
  /// replace its sector's input column: with d_i the domestic purchases from i per unit of
  /// output value, Σ_i d_i (kᵀL)_i nationally and Σ_i d_i s_i (kᵀL^r)_i in the host region
  /// (s_i the region's supply share, as for capex equipment and services). Sector indices must
  /// come from find_sector().
  [[nodiscard]] OperationProfile purchases_profile(const Site& site,
                                                   std::span<const LocalPurchase> purchases) const;

  /// Compensation per worker relative to the national figure in a region (its wage index).
  [[nodiscard]] double wage_index(std::size_t region) const;

  /// Indirect and induced effects of one project's activity in its host region and in the rest
  /// of the country. O(operating sectors); no allocation; indices must come from this Economy.
  [[nodiscard]] ActivityEffects effects(const Site& site, const ActivityRates& activity) const;

  /// Multipliers of every sector, nationally (region nullopt) or for a region's regionalised
  /// system (region index from find_region).
  [[nodiscard]] std::vector<SectorMultipliers> multipliers(
      std::optional<std::size_t> region = std::nullopt) const;

  /// Column j of the Leontief inverse L (national or regional), by one solve of a unit vector.
  /// For checks and tests; the model itself never forms L.
  [[nodiscard]] std::vector<double> leontief_column(
      std::size_t sector, std::optional<std::size_t> region = std::nullopt) const;
  /// The regional technical coefficients A^r (row-major n x n), or A for nullopt.
  [[nodiscard]] std::vector<double> coefficients(
      std::optional<std::size_t> region = std::nullopt) const;
  /// Flegg's λ of a region under the options' δ.
  [[nodiscard]] double flq_lambda(std::size_t region) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ripple
