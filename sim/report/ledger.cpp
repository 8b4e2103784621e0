#include "ripple/ledger.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ripple {
namespace {

constexpr double kDaysPerYear = 365.25;

// Cumulative spending share at active-time share tau, and the peak of its density.
double cumulative_share(SpendingProfile profile, double tau) {
  tau = std::clamp(tau, 0.0, 1.0);
  if (profile == SpendingProfile::kUniform) return tau;
  return tau * tau * (3.0 - 2.0 * tau);
}
double peak_density(SpendingProfile profile) {
  return profile == SpendingProfile::kUniform ? 1.0 : 1.5;
}

int overlap_days(Interval a, Date from, Date to) {
  const Date lo = std::max(a.from, from);
  const Date hi = std::min(a.to, to);
  return std::max(0, hi - lo);
}

// Active (unpaused) days of a phase elapsed by date t.
int active_days_until(const ActivityTimes& times, Date t) {
  const Date clamped = std::clamp(t, times.start, times.finish);
  int days = clamped - times.start;
  for (const auto& pause : times.pauses) days -= overlap_days(pause, times.start, clamped);
  return days;
}

// Share of a phase's capacity on line at a date, from its ramp-up curve.
class RampCurve {
 public:
  RampCurve(const RampUp& ramp, Date finish) : curve_(ramp.curve), finish_(finish) {
    if (ramp.curve == RampUp::Curve::kTable) {
      for (const auto& [time, share] : ramp.table) points_.push_back({time.after(finish), share});
    } else {
      end_ = ramp.duration.after(finish);
    }
  }
  [[nodiscard]] Date full_date() const { return points_.empty() ? end_ : points_.back().first; }
  [[nodiscard]] double share_at(double day) const {
    const double since = day - finish_.days();
    if (since < 0.0) return 0.0;
    if (curve_ != RampUp::Curve::kTable) {
      const double length = end_ - finish_;
      if (length <= 0.0) return 1.0;
      const double x = std::min(since / length, 1.0);
      return curve_ == RampUp::Curve::kLinear ? x : x * x * (3.0 - 2.0 * x);
    }
    if (points_.empty()) return 1.0;
    if (day <= points_.front().first.days()) return points_.front().second;
    for (std::size_t i = 1; i < points_.size(); ++i) {
      const double d1 = points_[i].first.days();
      if (day <= d1) {
        const double d0 = points_[i - 1].first.days();
        const double w = d1 > d0 ? (day - d0) / (d1 - d0) : 1.0;
        return points_[i - 1].second + w * (points_[i].second - points_[i - 1].second);
      }
    }
    return points_.back().second;
  }
  // Mean share over [from, to), zero before the finish; Simpson's rule on the part after it.
  [[nodiscard]] double mean_share(Date from, Date to) const {
    const Date a = std::max(from, finish_);
    if (a >= to) return 0.0;
    const double lo = a.days();
    const double hi = to.days();
    const double simpson = (share_at(lo) + 4.0 * share_at(0.5 * (lo + hi)) + share_at(hi)) / 6.0;
    return simpson * (hi - lo) / static_cast<double>(to - from);
  }

 private:
  RampUp::Curve curve_;
  Date finish_;
  Date end_;
  std::vector<std::pair<Date, double>> points_;
};

// Share of a month's capacity available after stops and cuts.
double availability(const Timeline& timeline, std::size_t project, Date from, Date to) {
  const double days = to - from;
  double lost = 0.0;
  if (project < timeline.stops.size()) {
    for (const auto& stop : timeline.stops[project]) lost += overlap_days(stop, from, to);
  }
  if (project < timeline.cuts.size()) {
    for (const auto& cut : timeline.cuts[project]) {
      const Interval span{cut.from, cut.to.value_or(to)};
      lost += overlap_days(span, from, to) * cut.share;
    }
  }
  return std::max(0.0, 1.0 - lost / days);
}

// Operations drawing on a shared resource (Product::resource_use_per_unit): in each month where
// the plants together need more than the capacity in force (its day-weighted mean over the
// month), each plant's production is cut by the same factor, capacity / need (pro rata to
// need). Records need and use per resource and period in the ledger.
void share_operations_resources(const Scenario& scenario, const std::vector<Date>& months,
                                const std::vector<std::size_t>& period_of_month,
                                const std::vector<std::size_t>& first_product,
                                std::vector<std::vector<double>>& made, Ledger& ledger) {
  const std::size_t periods = ledger.period_count();
  ledger.operations_draw.assign(scenario.resources.size(), {});
  struct User {
    std::size_t series;
    double per_unit;
  };
  for (std::size_t r = 0; r < scenario.resources.size(); ++r) {
    const Resource& res = scenario.resources[r];
    std::vector<User> users;
    for (std::size_t pi = 0; pi < scenario.projects.size(); ++pi) {
      const auto& products = scenario.projects[pi].products;
      for (std::size_t k = 0; k < products.size(); ++k) {
        const auto it = products[k].resource_use_per_unit.find(res.id);
        if (it != products[k].resource_use_per_unit.end() && it->second > 0.0) {
          users.push_back({first_product[pi] + k, it->second});
        }
      }
    }
    if (users.empty()) continue;
    auto& draw = ledger.operations_draw[r];
    draw.assign(periods, OperationsDraw{});
    for (std::size_t m = 0; m + 1 < months.size(); ++m) {
      const double years = (months[m + 1] - months[m]) / kDaysPerYear;
      double need = 0.0;  // resource units per year, the month's mean rate
      for (const User& u : users) need += made[u.series][m] / years * u.per_unit;
      double capacity = 0.0;
      for (Date d = months[m]; d < months[m + 1];) {
        Date next = months[m + 1];
        for (const CapacityStep& step : res.steps) {
          if (step.from > d && step.from < next) next = step.from;
        }
        capacity += res.capacity_at(d) * (next - d);
        d = next;
      }
      capacity /= static_cast<double>(months[m + 1] - months[m]);
      const double used = std::min(need, capacity);
      if (need > used) {
        const double factor = need > 0.0 ? used / need : 0.0;
        for (const User& u : users) made[u.series][m] *= factor;
      }
      // Month rates weighted by days, averaged over the period below.
      const double days = months[m + 1] - months[m];
      OperationsDraw& row = draw[period_of_month[m]];
      row.need += need * days;
      row.used += used * days;
    }
    for (std::size_t p = 0; p < periods; ++p) {
      const double days = ledger.period_end(p) - ledger.period_starts[p];
      draw[p].need /= days;
      draw[p].used /= days;
    }
  }
}

}  // namespace

double LedgerEntry::capex_total_m() const {
  return std::accumulate(capex_m.begin(), capex_m.end(), 0.0);
}

double LedgerEntry::output_value_total_m() const {
  return std::accumulate(output_value_m.begin(), output_value_m.end(), 0.0);
}

double Ledger::period_years(std::size_t p) const {
  return (period_end(p) - period_starts[p]) / kDaysPerYear;
}

std::vector<Date> reporting_periods(const Calendar& calendar, Date* horizon_end) {
  const Date first = calendar.start.month_start();
  const Date end = calendar.end.month_start().add_months(1);
  const int step = calendar.period == Period::kMonth     ? 1
                   : calendar.period == Period::kQuarter ? 3
                                                         : 12;
  std::vector<Date> starts{first};
  // Boundaries fall on calendar month/quarter/year starts.
  Date next = first;
  do {
    next = next.add_months(1);
  } while ((next.month() - 1) % step != 0);
  for (; next < end; next = next.add_months(step)) starts.push_back(next);
  if (horizon_end != nullptr) *horizon_end = end;
  return starts;
}

std::string period_label(Date period_start) { return period_start.to_month_string(); }

Ledger build_ledger(const Scenario& scenario, const Timeline& timeline) {
  Ledger ledger;
  ledger.period_starts = reporting_periods(scenario.calendar, &ledger.horizon_end);
  const std::size_t periods = ledger.period_count();

  // Month grid of the horizon, and the period each month falls in.
  std::vector<Date> months;
  for (Date m = ledger.period_starts.front(); m < ledger.horizon_end; m = m.add_months(1)) {
    months.push_back(m);
  }
  months.push_back(ledger.horizon_end);
  std::vector<std::size_t> period_of_month(months.size() - 1);
  for (std::size_t m = 0, p = 0; m + 1 < months.size(); ++m) {
    while (p + 1 < periods && ledger.period_starts[p + 1] <= months[m]) ++p;
    period_of_month[m] = p;
  }
  const auto period_days = [&](std::size_t p) {
    return static_cast<double>(ledger.period_end(p) - ledger.period_starts[p]);
  };

  ledger.entries.resize(scenario.projects.size());
  ledger.dates.resize(scenario.projects.size());
  // Production by month of every product of every project: [first_product[p] + k][month].
  std::vector<std::size_t> first_product;
  std::size_t product_count = 0;
  for (const Project& project : scenario.projects) {
    first_product.push_back(product_count);
    product_count += project.products.size();
  }
  std::vector<std::vector<double>> made(product_count, std::vector<double>(months.size() - 1, 0.0));
  for (std::size_t pi = 0; pi < scenario.projects.size(); ++pi) {
    const Project& project = scenario.projects[pi];
    auto& rows = ledger.entries[pi];
    rows.assign(periods, LedgerEntry{});
    for (auto& row : rows) {
      row.production.assign(project.products.size(), 0.0);
      row.output_value_m.assign(project.products.size(), 0.0);
    }
    ProjectDates& dates = ledger.dates[pi];
    dates.last_finish = timeline.activities[pi].empty() ? scenario.calendar.as_of
                                                        : timeline.activities[pi].front().finish;

    for (std::size_t ai = 0; ai < project.phases.size(); ++ai) {
      const Phase& phase = project.phases[ai];
      const ActivityTimes& times = timeline.activities[pi][ai];
      dates.last_finish = std::max(dates.last_finish, times.finish);

      // Spending and crew over the active time.
      if (phase.capex_m > 0.0 || phase.construction_jobs > 0.0) {
        const int active = active_days_until(times, times.finish);
        for (std::size_t m = 0; m + 1 < months.size(); ++m) {
          if (months[m + 1] <= times.start || months[m] > times.finish) continue;
          double spent_share = 0.0;
          if (active <= 0) {
            spent_share = times.start >= months[m] && times.start < months[m + 1] ? 1.0 : 0.0;
          } else {
            spent_share =
                cumulative_share(phase.spending,
                                 double(active_days_until(times, months[m + 1])) / active) -
                cumulative_share(phase.spending,
                                 double(active_days_until(times, months[m])) / active);
          }
          if (spent_share <= 0.0) continue;
          LedgerEntry& row = rows[period_of_month[m]];
          for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
            const double spent = phase.capex_m * phase.categories[c].share * spent_share;
            row.capex_m[c] += spent;
            row.capex_local_m[c] += spent * phase.categories[c].local_share;
          }
          // Crew-days in the month, averaged over the period below.
          if (active > 0) {
            const double crew =
                phase.construction_jobs * spent_share * active / peak_density(phase.spending);
            row.construction_jobs += crew;
            row.construction_jobs_imported += crew * times.imported_share;
          }
        }
      }

      // Capacity, production and staff from the finish on.
      if (phase.capacity_per_year <= 0.0 && phase.permanent_jobs <= 0.0) continue;
      const RampCurve ramp(phase.ramp_up, times.finish);
      if (phase.capacity_per_year > 0.0) {
        if (!dates.commissioning || times.finish < *dates.commissioning) {
          dates.commissioning = times.finish;
        }
        if (!dates.full_capacity || ramp.full_date() > *dates.full_capacity) {
          dates.full_capacity = ramp.full_date();
        }
      }
      const auto product = project.find_product(phase.product);
      for (std::size_t m = 0; m + 1 < months.size(); ++m) {
        if (months[m + 1] <= times.finish) continue;
        const double share = ramp.mean_share(months[m], months[m + 1]);
        const double month_days = months[m + 1] - months[m];
        LedgerEntry& row = rows[period_of_month[m]];
        row.permanent_jobs += phase.permanent_jobs * share * month_days;
        if (product && phase.capacity_per_year > 0.0) {
          made[first_product[pi] + *product][m] +=
              phase.capacity_per_year * share * month_days / kDaysPerYear *
              availability(timeline, pi, months[m], months[m + 1]);
        }
      }
    }
    // Person-days to period averages.
    for (std::size_t p = 0; p < periods; ++p) {
      rows[p].construction_jobs /= period_days(p);
      rows[p].construction_jobs_imported /= period_days(p);
      rows[p].permanent_jobs /= period_days(p);
    }
  }

  share_operations_resources(scenario, months, period_of_month, first_product, made, ledger);
  for (std::size_t pi = 0; pi < scenario.projects.size(); ++pi) {
    const Project& project = scenario.projects[pi];
    for (std::size_t k = 0; k < project.products.size(); ++k) {
      const auto& series = made[first_product[pi] + k];
      for (std::size_t m = 0; m < series.size(); ++m) {
        if (series[m] == 0.0) continue;
        LedgerEntry& row = ledger.entries[pi][period_of_month[m]];
        row.production[k] += series[m];
        row.output_value_m[k] += series[m] * project.products[k].price_per_unit / 1e6;
      }
    }
  }
  return ledger;
}

}  // namespace ripple
