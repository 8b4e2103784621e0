// The Leontief model behind ripple::Economy (docs/economics.md). Eigen stays in this file.

#include "ripple/economy.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <sstream>
#include <thread>

#include "ripple/error.hpp"

#ifdef EIGEN_USE_BLAS
// OpenBLAS's own (exported for its fork handler): joins its server threads; exec_blas starts
// them again when a call is split over threads.
extern "C" int blas_thread_shutdown_(void);
#endif

namespace ripple {
namespace {

// Metrics carried through the model, in this order everywhere.
enum Metric : std::size_t { kJobs = 0, kIncome = 1, kOutput = 2, kGva = 3, kMetricCount = 4 };
using Metrics = std::array<double, kMetricCount>;

std::string format_number(double value) {
  std::ostringstream out;
  out.precision(6);
  out << value;
  return out.str();
}

/// One Leontief system (the nation or a region) with everything the hot path needs.
struct RegionModel {
  std::string id;
  std::string name;
  double lambda = 1.0;                      // Flegg's λ (1 for the nation)
  double wage_index = 1.0;                  // compensation per worker relative to national
  Eigen::VectorXd slq;                      // simple location quotients (1 for the nation)
  Eigen::VectorXd supply_share;             // share of final demand for i bought in the region
  Eigen::MatrixXd a;                        // technical coefficients
  Eigen::PartialPivLU<Eigen::MatrixXd> lu;  // of I − A
  Eigen::VectorXd household_column;         // h_c (regionalised by supply_share)
  // e, w, 1, v per unit output; w scaled by the region's wage index.
  std::array<Eigen::VectorXd, kMetricCount> coefficient;
  std::array<Eigen::VectorXd, kMetricCount> effect;  // (kᵀL)_j per unit final demand of j
  double closure_denominator = 1.0;                  // 1 − wᵀ L h_c
  Metrics induced_per_income{};  // kᵀ L h_c / (1 − wᵀ L h_c), per unit of household income

  // Hot-path coefficients in scenario units (jobs: persons per scenario-currency million; money:
  // scenario-currency million per million).
  std::vector<Metrics> per_output;                          // per operating sector
  std::array<Metrics, kSpendingCategoryCount> per_capex{};  // per category
  Metrics induced{};                                        // per million of income
};

}  // namespace

struct Economy::Impl {
  EconomyData data;
  EconomyOptions options;
  std::size_t n = 0;
  double scale = 1.0;  // table money units per scenario-currency million
  std::array<Eigen::VectorXd, kMetricCount> coefficient;  // e, w, 1, v per unit output
  Eigen::VectorXd household_column;                       // national h_c
  bool has_closure_data = false;
  RegionModel national;
  std::vector<RegionModel> regions;
  std::vector<double> compensation_per_worker_m;  // scenario-currency millions per person

  void build(RegionModel& model) const;
  [[nodiscard]] const RegionModel& region_model(std::optional<std::size_t> region) const {
    return region ? regions.at(*region) : national;
  }
};

namespace {

Eigen::VectorXd to_vector(const std::vector<double>& values, std::size_t n) {
  Eigen::VectorXd v = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < values.size() && i < n; ++i)
    v(static_cast<Eigen::Index>(i)) = values[i];
  return v;
}

}  // namespace

void Economy::Impl::build(RegionModel& model) const {
  const auto size = static_cast<Eigen::Index>(n);
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(size, size);
  model.lu.compute(identity - model.a);
  model.coefficient = coefficient;
  model.coefficient[kIncome] *= model.wage_index;
  // Row multipliers by transposed solves: (I − A)ᵀ m = k gives m_j = (kᵀL)_j.
  for (std::size_t k = 0; k < kMetricCount; ++k) {
    model.effect[k] = model.lu.transpose().solve(model.coefficient[k]);
  }
  model.per_output.assign(n, Metrics{});
  model.per_capex = {};
  model.induced = {};
  model.induced_per_income = {};
  model.closure_denominator = 1.0;
  // Jobs scale with money; money metrics are ratios of money and need no scaling.
  const Metrics unit_scale{scale, 1.0, 1.0, 1.0};
  for (std::size_t j = 0; j < n; ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    for (std::size_t k = 0; k < kMetricCount; ++k) {
      // Operations: the supply chain of the purchases A^r[:, j] · y, i.e. kᵀ L^r A^r e_j,
      // which equals (kᵀL^r)_j − k_j because L = I + L A.
      model.per_output[j][k] = (model.effect[k](jj) - model.coefficient[k](jj)) * unit_scale[k];
    }
  }
  for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
    const auto& shares = data.bridge.shares[c];
    for (std::size_t i = 0; i < n && i < shares.size(); ++i) {
      const auto ii = static_cast<Eigen::Index>(i);
      for (std::size_t k = 0; k < kMetricCount; ++k) {
        double per_unit = 0.0;
        if (static_cast<SpendingCategory>(c) == SpendingCategory::kWorks) {
          // Works are done by the direct construction workforce: only their contractors'
          // purchases (regional coefficients) are indirect.
          per_unit = model.effect[k](ii) - model.coefficient[k](ii);
        } else {
          // Equipment and services are bought from suppliers; the region supplies its share.
          per_unit = model.supply_share(ii) * model.effect[k](ii);
        }
        model.per_capex[c][k] += shares[i] * per_unit * unit_scale[k];
      }
    }
  }
  if (options.household_closure) {
    const Eigen::VectorXd l_hc = model.lu.solve(model.household_column);
    model.closure_denominator = 1.0 - model.coefficient[kIncome].dot(l_hc);
    if (!(model.closure_denominator > 0.0)) {
      // Name the sector whose closed column (inputs plus wages per unit output) is largest.
      Eigen::Index worst = 0;
      const Eigen::VectorXd closed =
          model.a.colwise().sum().transpose() + model.coefficient[kIncome];
      closed.maxCoeff(&worst);
      throw ModelError(
          "the household closure of " + model.name +
          " is unstable (spectral radius >= 1: 1 - wL h_c = " +
          format_number(model.closure_denominator) + " <= 0); largest closed column: sector '" +
          data.table.sector_ids[static_cast<std::size_t>(worst)] +
          "' (inputs + compensation per unit output = " + format_number(closed(worst)) + ")");
    }
    for (std::size_t k = 0; k < kMetricCount; ++k) {
      model.induced_per_income[k] = model.coefficient[k].dot(l_hc) / model.closure_denominator;
      // Income enters in scenario-currency millions (× scale into table money); money results go
      // back the same way, so only jobs keep the scale.
      model.induced[k] = model.induced_per_income[k] * (k == kJobs ? scale : 1.0);
    }
  }
}

ActivityEffects& ActivityEffects::operator+=(const ActivityEffects& other) {
  indirect_jobs += other.indirect_jobs;
  induced_jobs += other.induced_jobs;
  indirect_output_m += other.indirect_output_m;
  induced_output_m += other.induced_output_m;
  indirect_value_added_m += other.indirect_value_added_m;
  induced_value_added_m += other.induced_value_added_m;
  direct_income_m += other.direct_income_m;
  indirect_income_m += other.indirect_income_m;
  return *this;
}

Economy Economy::load(const std::string& descriptor_path, const EconomyOptions& options) {
  return Economy(read_economy(descriptor_path), options);
}

Economy::~Economy() = default;
Economy::Economy(Economy&&) noexcept = default;
Economy& Economy::operator=(Economy&&) noexcept = default;

Economy::Economy(EconomyData data, const EconomyOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.data = std::move(data);
  m.options = options;
  const IoTable& t = m.data.table;
  const std::size_t n = t.size();
  m.n = n;
  const Mark descriptor{m.data.info.descriptor_path, 0, 0};

  // Options.
  if (!(options.flq_delta >= 0.0 && options.flq_delta < 1.0)) {
    throw InputError(descriptor,
                     "FLQ delta = " + format_number(options.flq_delta) + " is outside [0, 1)");
  }
  double rate = 1.0;
  if (!options.scenario_currency.empty() && options.scenario_currency != m.data.info.currency) {
    auto it = m.data.info.exchange_rates.find(options.scenario_currency);
    if (it == m.data.info.exchange_rates.end()) {
      throw InputError(descriptor, "no exchange rate from " + options.scenario_currency +
                                       " to the table currency " + m.data.info.currency +
                                       " (add it under 'exchange_rates')");
    }
    rate = it->second;
  }
  m.scale = rate * 1e6 / m.data.info.money_unit;
  if (options.household_closure && (t.compensation.empty() || t.household_consumption.empty())) {
    throw InputError(descriptor,
                     "the household closure (Type II) needs 'compensation' and "
                     "'household_consumption' in the descriptor (or turn it off: "
                     "household_closure = false)");
  }
  if (!m.data.regions.empty() && t.employment_persons.empty()) {
    throw InputError(descriptor, "regions need national employment by sector ('employment')");
  }

  // National coefficients: A = Z x̂⁻¹ (a sector without output has a zero column).
  const auto size = static_cast<Eigen::Index>(n);
  m.national.id = "national";
  m.national.name = "the national economy";
  m.national.a = Eigen::MatrixXd::Zero(size, size);
  Eigen::VectorXd inverse_output = Eigen::VectorXd::Zero(size);
  for (std::size_t j = 0; j < n; ++j) {
    if (t.output[j] > 0.0) inverse_output(static_cast<Eigen::Index>(j)) = 1.0 / t.output[j];
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      m.national.a(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
          t.flow(i, j) * inverse_output(static_cast<Eigen::Index>(j));
    }
  }
  // A column sum ≥ 1 means inputs at least equal to output: (I − A) is then not guaranteed to be
  // a non-singular M-matrix and the sector cannot have non-negative value added.
  for (std::size_t j = 0; j < n; ++j) {
    const double column_sum = m.national.a.col(static_cast<Eigen::Index>(j)).sum();
    if (!(column_sum < 1.0)) {
      throw ModelError("the Leontief system has no non-negative solution: sector '" +
                       t.sector_ids[j] + "' buys " + format_number(column_sum) +
                       " of domestic inputs per unit of output (column sum of A must be < 1)");
    }
  }
  m.coefficient[kJobs] = to_vector(t.employment_persons, n).cwiseProduct(inverse_output);
  m.coefficient[kIncome] = to_vector(t.compensation, n).cwiseProduct(inverse_output);
  m.coefficient[kOutput] = Eigen::VectorXd::Ones(size);
  m.coefficient[kGva] = to_vector(t.value_added, n).cwiseProduct(inverse_output);
  const double total_compensation =
      m.coefficient[kIncome].size() > 0 ? to_vector(t.compensation, n).sum() : 0.0;
  m.household_column =
      total_compensation > 0.0
          ? Eigen::VectorXd(to_vector(t.household_consumption, n) / total_compensation)
          : Eigen::VectorXd::Zero(size);

  // Compensation per worker, for the wages of direct workers.
  const double total_jobs = to_vector(t.employment_persons, n).sum();
  const double average_pw = total_jobs > 0.0 ? total_compensation / total_jobs : 0.0;
  m.compensation_per_worker_m.assign(n, 0.0);
  for (std::size_t j = 0; j < n; ++j) {
    double per_worker = average_pw;  // table money units per person
    if (j < m.data.compensation_per_worker_override.size() &&
        m.data.compensation_per_worker_override[j]) {
      per_worker = *m.data.compensation_per_worker_override[j] / m.data.info.money_unit;
    } else if (!t.employment_persons.empty() && !t.compensation.empty() &&
               t.employment_persons[j] > 0.0) {
      per_worker = t.compensation[j] / t.employment_persons[j];
    }
    m.compensation_per_worker_m[j] = per_worker / m.scale;
  }

  m.national.slq = Eigen::VectorXd::Ones(size);
  m.national.supply_share = Eigen::VectorXd::Ones(size);
  m.national.household_column = m.household_column;

  // Regions: Flegg's location quotient.
  const Eigen::VectorXd national_jobs = to_vector(t.employment_persons, n);
  for (const auto& r : m.data.regions) {
    RegionModel region;
    region.id = r.id;
    region.name = "region '" + r.id + "'";
    region.wage_index = r.wage_index;
    const Eigen::VectorXd regional_jobs = to_vector(r.employment_persons, n);
    const double re = regional_jobs.sum();
    region.lambda = std::pow(std::log2(1.0 + re / total_jobs), options.flq_delta);
    region.slq = Eigen::VectorXd::Ones(size);
    for (std::size_t i = 0; i < n; ++i) {
      const auto ii = static_cast<Eigen::Index>(i);
      // A sector with no national employment carries no information: treat the region as
      // average in it (SLQ 1).
      if (national_jobs(ii) > 0.0) {
        region.slq(ii) = (regional_jobs(ii) / re) / (national_jobs(ii) / total_jobs);
      }
    }
    region.a = m.national.a;
    region.supply_share = Eigen::VectorXd::Zero(size);
    for (Eigen::Index i = 0; i < size; ++i) {
      // Final-demand purchasers (households, the projects' capex) count as SLQ 1.
      region.supply_share(i) = std::min(region.lambda * region.slq(i), 1.0);
      for (Eigen::Index j = 0; j < size; ++j) {
        // A purchasing sector absent from the region also counts as SLQ 1.
        const double slq_j = (i == j) ? 1.0 : (region.slq(j) > 0.0 ? region.slq(j) : 1.0);
        const double flq = region.slq(i) / slq_j * region.lambda;
        region.a(i, j) *= std::min(flq, 1.0);
      }
    }
    region.household_column = m.household_column.cwiseProduct(region.supply_share);
    m.regions.push_back(std::move(region));
  }

  // Factorise the national and the regional systems, each on its own thread when there are
  // cores for it: every model is independent, so the result does not depend on the threads.
  std::vector<RegionModel*> models{&m.national};
  for (auto& region : m.regions) models.push_back(&region);
  const std::size_t threads =
      std::min<std::size_t>(models.size(), std::max(1U, std::thread::hardware_concurrency()));
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures(models.size());
  const auto work = [&] {
    for (std::size_t k = next++; k < models.size(); k = next++) {
      try {
        m.build(*models[k]);
      } catch (...) {
        failures[k] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t k = 1; k < threads; ++k) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  // The first model's failure, in model order, whatever thread met it first.
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

std::string_view linear_algebra_backend() { return RIPPLE_BLAS; }

void idle_linear_algebra_threads() {
#ifdef EIGEN_USE_BLAS
  blas_thread_shutdown_();
#endif
}

const EconomyInfo& Economy::info() const { return impl_->data.info; }
const EconomyOptions& Economy::options() const { return impl_->options; }
const EconomyData& Economy::data() const { return impl_->data; }
const std::vector<std::string>& Economy::sector_ids() const { return impl_->data.table.sector_ids; }

std::vector<std::string> Economy::region_ids() const {
  std::vector<std::string> ids;
  for (const auto& r : impl_->regions) ids.push_back(r.id);
  return ids;
}

std::optional<std::size_t> Economy::find_sector(std::string_view id) const {
  const auto& ids = impl_->data.table.sector_ids;
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) return std::nullopt;
  return static_cast<std::size_t>(it - ids.begin());
}

std::optional<std::size_t> Economy::find_region(std::string_view id) const {
  for (std::size_t r = 0; r < impl_->regions.size(); ++r) {
    if (impl_->regions[r].id == id) return r;
  }
  return std::nullopt;
}

Site Economy::prepare(std::string_view region, std::string_view sector) const {
  DiagnosticSink sink;
  const Mark mark{impl_->data.info.descriptor_path, 0, 0};
  auto r = find_region(region);
  auto s = find_sector(sector);
  auto known = [](const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
    return text;
  };
  if (!r) {
    sink.error(mark, "unknown region '" + std::string(region) +
                         "' (the economy has: " + known(region_ids()) + ")");
  }
  if (!s) {
    sink.error(mark, "unknown sector '" + std::string(sector) +
                         "' (the economy has: " + known(sector_ids()) + ")");
  }
  sink.throw_if_any();
  return {*r, *s};
}

double Economy::table_per_scenario_currency() const {
  return impl_->scale * impl_->data.info.money_unit / 1e6;
}

OperationProfile Economy::operation_profile(const Site& site, std::size_t sector,
                                            std::span<const std::size_t> diverted) const {
  const Impl& m = *impl_;
  const Metrics unit_scale{m.scale, 1.0, 1.0, 1.0};
  const auto profile_of = [&](const RegionModel& model) {
    Metrics metrics = model.per_output[sector];
    const auto j = static_cast<Eigen::Index>(sector);
    for (std::size_t s : diverted) {
      const auto i = static_cast<Eigen::Index>(s);
      for (std::size_t k = 0; k < kMetricCount; ++k) {
        metrics[k] -= model.effect[k](i) * model.a(i, j) * unit_scale[k];
      }
    }
    return metrics;
  };
  return OperationProfile{profile_of(m.regions[site.region]), profile_of(m.national)};
}

OperationProfile Economy::purchases_profile(const Site& site,
                                            std::span<const LocalPurchase> purchases) const {
  const Impl& m = *impl_;
  const Metrics unit_scale{m.scale, 1.0, 1.0, 1.0};
  // The plant's own staff are direct; each first-round supplier's output and its whole chain are
  // indirect: (kᵀL)_i per unit of demand for i, the region supplying its share s_i.
  const auto profile_of = [&](const RegionModel& model) {
    Metrics metrics{};
    for (const LocalPurchase& p : purchases) {
      const auto i = static_cast<Eigen::Index>(p.sector);
      for (std::size_t k = 0; k < kMetricCount; ++k) {
        metrics[k] +=
            p.per_output_value * model.supply_share(i) * model.effect[k](i) * unit_scale[k];
      }
    }
    return metrics;
  };
  return OperationProfile{profile_of(m.regions[site.region]), profile_of(m.national)};
}

double Economy::wage_index(std::size_t region) const {
  return impl_->regions.at(region).wage_index;
}

ActivityEffects Economy::effects(const Site& site, const ActivityRates& activity) const {
  const Impl& m = *impl_;
  const RegionModel& host = m.regions[site.region];
  const RegionModel& nation = m.national;
  Metrics h{};
  Metrics all{};
  for (const auto& op : activity.operations) {
    const Metrics& ch = op.profile != nullptr ? op.profile->host : host.per_output[op.sector];
    const Metrics& cn = op.profile != nullptr ? op.profile->national : nation.per_output[op.sector];
    for (std::size_t k = 0; k < kMetricCount; ++k) {
      h[k] += ch[k] * op.output_m_per_year;
      all[k] += cn[k] * op.output_m_per_year;
    }
  }
  for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
    const double spend = activity.capex_local_m_per_year[c];
    for (std::size_t k = 0; k < kMetricCount; ++k) {
      h[k] += host.per_capex[c][k] * spend;
      all[k] += nation.per_capex[c][k] * spend;
    }
  }
  ActivityEffects e;
  e.indirect_jobs = {h[kJobs], all[kJobs] - h[kJobs]};
  // The host's indirect workers earn the host's wages, the rest of the country's the national
  // ones: the rest is the national income less the host's at national wages (h / index).
  e.indirect_income_m = {h[kIncome], all[kIncome] - h[kIncome] / host.wage_index};
  e.indirect_output_m = {h[kOutput], all[kOutput] - h[kOutput]};
  e.indirect_value_added_m = {h[kGva], all[kGva] - h[kGva]};
  e.direct_income_m =
      host.wage_index *
      (activity.construction_jobs * m.compensation_per_worker_m[m.data.construction_sector] +
       activity.permanent_jobs * m.compensation_per_worker_m[site.sector]);
  if (m.options.household_closure) {
    // Direct workers live in the host region, except imported construction workers; their
    // wages and the indirect wages are spent through the (regional or national) household
    // closure.
    const double imported_income_m = host.wage_index * activity.imported_construction_jobs *
                                     m.compensation_per_worker_m[m.data.construction_sector];
    const double income_host = e.direct_income_m - imported_income_m + h[kIncome];
    const double income_all = e.direct_income_m + e.indirect_income_m.national();
    auto split = [&](std::size_t k) {
      const double host_effect = host.induced[k] * income_host;
      return RegionalSplit{host_effect, nation.induced[k] * income_all - host_effect};
    };
    e.induced_jobs = split(kJobs);
    e.induced_output_m = split(kOutput);
    e.induced_value_added_m = split(kGva);
  }
  return e;
}

std::vector<SectorMultipliers> Economy::multipliers(std::optional<std::size_t> region) const {
  const Impl& m = *impl_;
  const RegionModel& model = m.region_model(region);
  const double per_million = 1e6 / m.data.info.money_unit;  // table units per currency million
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto ratio = [nan](double a, double b) { return b > 0.0 ? a / b : nan; };
  std::vector<SectorMultipliers> result;
  for (std::size_t j = 0; j < m.n; ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    SectorMultipliers s;
    s.sector_id = m.data.table.sector_ids[j];
    s.sector_name = m.data.table.sector_names[j];
    const double jobs = model.effect[kJobs](jj);
    const double income = model.effect[kIncome](jj);
    s.output_type1 = model.effect[kOutput](jj);
    s.income_type1 = ratio(income, model.coefficient[kIncome](jj));
    s.gva_type1 = model.effect[kGva](jj);
    s.employment_type1 = ratio(jobs, m.coefficient[kJobs](jj));
    s.jobs_per_million_type1 = jobs * per_million;
    if (m.options.household_closure) {
      // Closed model, sectors only: k*ᵀ L* = kᵀL + (kᵀ L h_c / (1 − wᵀ L h_c)) · wᵀL.
      auto closed = [&](std::size_t k) {
        return model.effect[k](jj) + model.induced_per_income[k] * income;
      };
      s.output_type2 = closed(kOutput);
      s.income_type2 = ratio(closed(kIncome), model.coefficient[kIncome](jj));
      s.gva_type2 = closed(kGva);
      s.employment_type2 = ratio(closed(kJobs), m.coefficient[kJobs](jj));
      s.jobs_per_million_type2 = closed(kJobs) * per_million;
    }
    result.push_back(std::move(s));
  }
  return result;
}

std::vector<double> Economy::leontief_column(std::size_t sector,
                                             std::optional<std::size_t> region) const {
  const RegionModel& model = impl_->region_model(region);
  Eigen::VectorXd unit = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(impl_->n));
  unit(static_cast<Eigen::Index>(sector)) = 1.0;
  const Eigen::VectorXd column = model.lu.solve(unit);
  return {column.data(), column.data() + column.size()};
}

std::vector<double> Economy::coefficients(std::optional<std::size_t> region) const {
  const RegionModel& model = impl_->region_model(region);
  std::vector<double> values(impl_->n * impl_->n);
  for (std::size_t i = 0; i < impl_->n; ++i) {
    for (std::size_t j = 0; j < impl_->n; ++j) {
      values[i * impl_->n + j] =
          model.a(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
    }
  }
  return values;
}

double Economy::flq_lambda(std::size_t region) const { return impl_->regions.at(region).lambda; }

}  // namespace ripple
