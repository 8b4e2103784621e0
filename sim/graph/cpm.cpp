#include "ripple/cpm.hpp"

#include <algorithm>

#include "graph/driving_path.hpp"

namespace ripple {
namespace {

using detail::Driver;

using detail::is_start_link;

// Lowers an optional bound to `date`.
void tighten(std::optional<Date>& bound, Date date) {
  if (!bound || date < *bound) bound = date;
}

bool anchors_on_pred_finish(DependencyType type) { return !detail::anchors_on_start(type); }

}  // namespace

Schedule compute_schedule(const Plan& plan) {
  const PlanGraph& g = plan.graph();
  const std::size_t n = plan.size();
  const Date as_of = plan.scenario().calendar.as_of;
  std::vector<Date> es(n), ef(n), ls(n), lf(n);
  std::vector<int> duration_days(n);
  std::vector<Driver> start_drivers(n), finish_drivers(n);

  const auto anchor = [&](Vertex pred, DependencyType type) {
    return anchors_on_pred_finish(type) ? ef[pred] : es[pred];
  };

  const auto forward = [&](Vertex v) {
    const ActivityNode& node = g[v];
    if (node.fixed_date) {
      es[v] = ef[v] = *node.fixed_date;
      return;
    }
    // Start.
    const WorkCalendar* calendar = node.calendar;
    const Duration& duration = plan.durations()[v];
    Date start = node.actual_start.value_or(std::max(as_of, node.not_before.value_or(as_of)));
    Driver start_driver;
    if (!node.actual_start) {
      for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
        const Link& link = g[e];
        if (!is_start_link(link.type) && !link.shifts_start) continue;
        const Vertex p = boost::source(e, g);
        Date c = advance(anchor(p, link.type), link.lag, link.lag_calendar);
        // A shifting FF/SF link: the start that puts the finish on the constraint.
        if (link.shifts_start) c = retreat(c, duration, calendar);
        if (c > start || (c == start && start_driver.kind == Driver::Kind::kNone)) {
          start = c;
          start_driver = {anchors_on_pred_finish(link.type) ? Driver::Kind::kPredFinish
                                                            : Driver::Kind::kPredStart,
                          p};
        }
      }
      start = start_on(start, calendar);
    }
    // Finish.
    // On a calendar the work ends at the end of a working day (a month that ends on a Sunday
    // ends with the Friday before it).
    Date finish =
        node.is_milestone ? start : finish_on(advance(start, duration, calendar), calendar);
    duration_days[v] = finish - start;
    Driver finish_driver{Driver::Kind::kOwnStart, 0};
    if (node.actual_finish) {
      finish = *node.actual_finish;
      finish_driver = {};
    } else {
      if (node.actual_start && as_of > finish) {
        finish = as_of;
        finish_driver = {};
      }
      for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
        const Link& link = g[e];
        if (is_start_link(link.type) || link.shifts_start) continue;
        const Vertex p = boost::source(e, g);
        const Date c = finish_on(advance(anchor(p, link.type), link.lag, link.lag_calendar),
                                 node.is_milestone ? nullptr : calendar);
        if (c > finish) {
          finish = c;
          finish_driver = {anchors_on_pred_finish(link.type) ? Driver::Kind::kPredFinish
                                                             : Driver::Kind::kPredStart,
                           p};
        }
      }
    }
    if (node.is_milestone && finish > start) {  // a milestone held by FF/SF moves as a whole
      start = finish = start_on(finish, calendar);
      start_driver = finish_driver;
    }
    es[v] = start;
    ef[v] = finish;
    start_drivers[v] = start_driver;
    finish_drivers[v] = finish_driver;
  };
  // A computed date outside years 1-9999 is a model error naming the activity (date.hpp).
  const auto named = [&](Vertex v, const auto& step) {
    try {
      step(v);
    } catch (const DateRangeError& error) {
      throw ModelError("activity " + plan.name(v) + ": " + error.what());
    }
  };
  for (const Vertex v : plan.topological_order()) named(v, forward);

  Schedule schedule;
  const std::size_t projects = plan.project_count();
  schedule.project_finish.resize(projects);
  std::vector<Vertex> last(projects);
  for (std::size_t p = 0; p < projects; ++p) {
    for (Vertex v = plan.first_vertex(p); v < plan.first_vertex(p + 1); ++v) {
      if (!schedule.project_finish[p] || ef[v] > *schedule.project_finish[p]) {
        schedule.project_finish[p] = ef[v];
        last[p] = v;
      }
    }
  }

  const auto& order = plan.topological_order();
  const auto backward = [&](Vertex v) {
    const ActivityNode& node = g[v];
    if (node.fixed_date || (node.actual_start && node.actual_finish)) {
      ls[v] = es[v];
      lf[v] = ef[v];
      return;
    }
    std::optional<Date> late_finish;
    std::optional<Date> late_start;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const Link& link = g[e];
      const Vertex s = boost::target(e, g);
      // The successor's late date less the lag: month lags as the day count they had on the
      // early dates, working lags on their calendar.
      const auto less_lag = [&](Date late) {
        if (link.lag.is_working()) return retreat(late, link.lag, link.lag_calendar);
        const Date a = anchor(v, link.type);
        return late.add_days(-(link.lag.after(a) - a));
      };
      switch (link.type) {
        case DependencyType::kFinishToStart:
          tighten(late_finish, less_lag(ls[s]));
          break;
        case DependencyType::kFinishToFinish:
          tighten(late_finish, less_lag(lf[s]));
          break;
        case DependencyType::kStartToStart:
          tighten(late_start, less_lag(ls[s]));
          break;
        case DependencyType::kStartToFinish:
          tighten(late_start, less_lag(lf[s]));
          break;
      }
    }
    const WorkCalendar* calendar = node.is_milestone ? nullptr : node.calendar;
    Date finish =
        finish_on(late_finish.value_or(*schedule.project_finish[node.ref.project]), calendar);
    if (node.actual_finish) finish = ef[v];
    const Duration& duration = plan.durations()[v];
    Date start = node.is_milestone || !duration.is_working() ? finish.add_days(-duration_days[v])
                                                             : retreat(finish, duration, calendar);
    if (late_start) start = std::min(start, *late_start);
    start = start_on(start, calendar);
    if (node.is_milestone) finish = start = std::min(start, finish);
    if (node.actual_start) start = es[v];
    ls[v] = start;
    lf[v] = finish;
  };
  for (auto it = order.rbegin(); it != order.rend(); ++it) named(*it, backward);

  schedule.activities.resize(projects);
  for (std::size_t p = 0; p < projects; ++p) {
    schedule.activities[p].resize(plan.first_vertex(p + 1) - plan.first_vertex(p));
  }
  for (Vertex v = 0; v < n; ++v) {
    ActivitySchedule& a = schedule.activities[g[v].ref.project][g[v].ref.activity];
    a.early_start = es[v];
    a.early_finish = ef[v];
    a.late_start = ls[v];
    a.late_finish = lf[v];
    // An activity under way has its start in the past: only its finish can slip.
    const bool under_way = g[v].actual_start && !g[v].actual_finish;
    // On a working calendar float counts working days, as P6 and MS Project report it.
    const WorkCalendar* calendar = g[v].calendar;
    const auto span = [calendar](Date from, Date to) {
      return calendar ? calendar->working_days_between(from, to) : to - from;
    };
    a.total_float_days =
        under_way ? span(ef[v], lf[v]) : std::min(span(es[v], ls[v]), span(ef[v], lf[v]));
    a.is_critical = a.total_float_days <= 0;
  }
  schedule.critical_paths.resize(projects);
  std::vector<Vertex> path;
  for (std::size_t p = 0; p < projects; ++p) {
    if (!schedule.project_finish[p]) continue;
    detail::driving_path(
        last[p], n,
        [&](Vertex v, bool at_finish) { return at_finish ? finish_drivers[v] : start_drivers[v]; },
        path);
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      schedule.critical_paths[p].push_back(g[*it].ref);
    }
  }
  return schedule;
}

}  // namespace ripple
