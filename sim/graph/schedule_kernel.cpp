#include "ripple/schedule_kernel.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "graph/driving_path.hpp"

namespace ripple {
namespace {

using Kind = detail::Driver::Kind;

using detail::is_start_link;
using detail::kind_code;

bool anchors_on_pred_finish(std::uint8_t type) {
  return !detail::anchors_on_start(static_cast<DependencyType>(type));
}

}  // namespace

ScheduleKernel::ScheduleKernel(const Plan& plan)
    : plan_(&plan), as_of_(plan.scenario().calendar.as_of) {
  const PlanGraph& g = plan.graph();
  const std::size_t n = plan.size();
  order_.assign(plan.topological_order().begin(), plan.topological_order().end());
  nodes_.resize(n);
  const auto add_link = [this, &g](PlanGraph::edge_descriptor e) {
    const Link& link = g[e];
    InLink in{static_cast<std::uint32_t>(boost::source(e, g)),
              static_cast<std::uint8_t>(link.type),
              !link.lag.is_calendar() && !is_working_unit(link.lag.unit),
              link.shifts_start,
              0,
              link.lag,
              link.lag_calendar};
    if (in.lag_in_days) in.lag_days = link.lag.after(Date{}) - Date{};
    links_.push_back(in);
  };
  for (Vertex v = 0; v < n; ++v) {
    const ActivityNode& a = g[v];
    Node& node = nodes_[v];
    node.project = static_cast<std::uint32_t>(a.ref.project);
    node.activity = static_cast<std::uint32_t>(a.ref.activity);
    node.is_milestone = a.is_milestone;
    node.has_fixed_date = a.fixed_date.has_value();
    node.has_actual_start = a.actual_start.has_value();
    node.has_actual_finish = a.actual_finish.has_value();
    node.own_start = a.fixed_date.value_or(
        a.actual_start.value_or(std::max(as_of_, a.not_before.value_or(as_of_))));
    node.actual_finish = a.actual_finish.value_or(Date{});
    node.calendar = a.calendar;
    // In-links in declaration order, those on the start (FS, SS, shifting FF/SF) first: CPM's
    // two loops.
    node.link_begin = static_cast<std::uint32_t>(links_.size());
    for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      if (is_start_link(g[e].type) || g[e].shifts_start) add_link(e);
    }
    node.start_links_end = static_cast<std::uint32_t>(links_.size());
    for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      if (!is_start_link(g[e].type) && !g[e].shifts_start) add_link(e);
    }
    node.link_end = static_cast<std::uint32_t>(links_.size());
  }
  for (std::size_t p = 0; p <= plan.project_count(); ++p) {
    first_vertex_.push_back(static_cast<std::uint32_t>(plan.first_vertex(p)));
  }
  start_.resize(n);
  finish_.resize(n);
  path_seen_.resize(n);
  start_driver_.resize(n);
  finish_driver_.resize(n);
  timeline_.activities.resize(plan.project_count());
  for (std::size_t p = 0; p < plan.project_count(); ++p) {
    timeline_.activities[p].resize(first_vertex_[p + 1] - first_vertex_[p]);
  }
  timeline_.stops.resize(plan.project_count());
  timeline_.cuts.resize(plan.project_count());
  timeline_.full_capacity.assign(plan.project_count(), std::nullopt);
}

const Timeline& ScheduleKernel::run(const std::vector<Duration>& durations) {
  if (durations.size() != nodes_.size()) {
    throw std::invalid_argument("ScheduleKernel::run: " + std::to_string(durations.size()) +
                                " durations for " + std::to_string(nodes_.size()) + " activities");
  }
  const auto constraint = [this](const InLink& link) {
    const Date anchor = anchors_on_pred_finish(link.type) ? finish_[link.pred] : start_[link.pred];
    return link.lag_in_days ? anchor.add_days(link.lag_days)
                            : advance(anchor, link.lag, link.lag_calendar);
  };
  const auto driver = [](const InLink& link) {
    return Driver{anchors_on_pred_finish(link.type) ? kind_code(Kind::kPredFinish)
                                                    : kind_code(Kind::kPredStart),
                  link.pred};
  };
  for (const std::uint32_t v : order_) {
    const Node& node = nodes_[v];
    Date start = node.own_start;
    Driver start_driver{kind_code(Kind::kNone), 0};
    if (node.has_fixed_date) {
      start_[v] = finish_[v] = start;
      start_driver_[v] = finish_driver_[v] = start_driver;
      continue;
    }
    if (!node.has_actual_start) {
      for (std::uint32_t i = node.link_begin; i < node.start_links_end; ++i) {
        Date c = constraint(links_[i]);
        // A shifting FF/SF link: the start that puts the finish on the constraint.
        if (links_[i].shifts_start) c = retreat(c, durations[v], node.calendar);
        if (c > start || (c == start && start_driver.kind == kind_code(Kind::kNone))) {
          start = c;
          start_driver = driver(links_[i]);
        }
      }
      start = start_on(start, node.calendar);
    }
    // On a calendar the work ends at the end of a working day (CPM).
    Date finish = node.is_milestone
                      ? start
                      : finish_on(advance(start, durations[v], node.calendar), node.calendar);
    Driver finish_driver{kind_code(Kind::kOwnStart), 0};
    if (node.has_actual_finish) {
      finish = node.actual_finish;
      finish_driver = Driver{kind_code(Kind::kNone), 0};
    } else {
      if (node.has_actual_start && as_of_ > finish) {
        finish = as_of_;
        finish_driver = Driver{kind_code(Kind::kNone), 0};
      }
      for (std::uint32_t i = node.start_links_end; i < node.link_end; ++i) {
        const Date c =
            finish_on(constraint(links_[i]), node.is_milestone ? nullptr : node.calendar);
        if (c > finish) {
          finish = c;
          finish_driver = driver(links_[i]);
        }
      }
    }
    if (node.is_milestone && finish > start) {  // a milestone held by FF/SF moves as a whole
      start = finish = start_on(finish, node.calendar);
      start_driver = finish_driver;
    }
    start_[v] = start;
    finish_[v] = finish;
    start_driver_[v] = start_driver;
    finish_driver_[v] = finish_driver;
  }

  const std::size_t n = nodes_.size();
  for (std::size_t p = 0; p + 1 < first_vertex_.size(); ++p) {
    auto& activities = timeline_.activities[p];
    const std::uint32_t first = first_vertex_[p];
    for (std::size_t a = 0; a < activities.size(); ++a) {
      activities[a].start = start_[first + a];
      activities[a].finish = finish_[first + a];
      activities[a].ready = start_[first + a];  // nothing waits
      activities[a].is_critical = false;
    }
  }
  const auto driver_of = [this](Vertex v, bool at_finish) {
    const Driver d = at_finish ? finish_driver_[v] : start_driver_[v];
    return detail::Driver{static_cast<Kind>(d.kind), d.pred};
  };
  // Each stops where an earlier one went (is_critical is set there on).
  std::fill(path_seen_.begin(), path_seen_.end(), 0);
  for (std::size_t p = 0; p + 1 < first_vertex_.size(); ++p) {
    if (first_vertex_[p] == first_vertex_[p + 1]) continue;
    Vertex last = first_vertex_[p];
    for (Vertex v = last + 1; v < first_vertex_[p + 1]; ++v) {
      if (finish_[v] > finish_[last]) last = v;
    }
    detail::driving_path(last, n, driver_of, path_, path_seen_.data());
    for (const Vertex v : path_) {
      timeline_.activities[nodes_[v].project][nodes_[v].activity].is_critical = true;
    }
  }
  return timeline_;
}

}  // namespace ripple
