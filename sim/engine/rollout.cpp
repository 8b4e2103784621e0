#include "ripple/rollout.hpp"

#include <algorithm>
#include <unordered_map>

#include "engine/resource_manager.hpp"
#include "graph/driving_path.hpp"
#include "ripple/error.hpp"

namespace ripple {
namespace {

using Kind = detail::Driver::Kind;

using detail::anchors_on_start;
using detail::is_start_link;
using detail::kind_code;

}  // namespace

Rollout::Rollout(const Plan& plan) : plan_(&plan) {
  const PlanGraph& g = plan.graph();
  const std::size_t n = plan.size();
  out_begin_.assign(n + 1, 0);
  start_links_in_.assign(n, 0);
  finish_links_in_.assign(n, 0);
  project_of_.resize(n);
  // A link's rank among its target's dependencies (in-edges keep declaration order); the edge
  // property is shared by an edge's in- and out-descriptors.
  std::unordered_map<const Link*, std::uint32_t> rank;
  for (Vertex v = 0; v < n; ++v) {
    std::uint32_t i = 0;
    for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) rank[&g[e]] = i++;
  }
  for (Vertex v = 0; v < n; ++v) {
    project_of_[v] = static_cast<std::uint32_t>(g[v].ref.project);
    out_begin_[v] = out_links_.size();
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const Link& link = g[e];
      const auto s = static_cast<std::uint32_t>(boost::target(e, g));
      out_links_.push_back(
          {s, link.type, link.lag, rank.at(&link), link.lag_calendar, link.shifts_start});
      ++(is_start_link(link.type) || link.shifts_start ? start_links_in_ : finish_links_in_)[s];
    }
  }
  out_begin_[n] = out_links_.size();
  auto resources = std::make_unique<detail::ResourceManager>(plan);
  if (resources->is_active()) resources_ = std::move(resources);
  queue_.reserve(n + plan.scenario().shocks.size() + 16 +
                 (resources_ ? resources_->changes().size() : 0));
}

Rollout::~Rollout() = default;
Rollout::Rollout(Rollout&&) noexcept = default;
Rollout& Rollout::operator=(Rollout&&) noexcept = default;

void Rollout::push(Date when, EventType type, std::uint32_t entity, std::uint32_t generation) {
  queue_.push(when.days(), static_cast<unsigned>(type), EventRecord{type, entity, generation});
}

Date Rollout::next_period(Date from) const {
  switch (plan_->scenario().calendar.period) {
    case Period::kMonth:
      return from.add_months(1);
    case Period::kQuarter:
      return from.add_months(3);
    case Period::kYear:
      return from.add_months(12);
  }
  return from.add_months(12);
}

const Timeline& Rollout::run() {
  const Plan& plan = *plan_;
  const Scenario& scenario = plan.scenario();
  const PlanGraph& g = plan.graph();
  const std::size_t n = plan.size();
  const std::size_t projects = plan.project_count();
  const Date as_of = scenario.calendar.as_of;

  timeline_.activities.resize(projects);
  timeline_.stops.resize(projects);
  timeline_.cuts.resize(projects);
  for (std::size_t p = 0; p < projects; ++p) {
    timeline_.activities[p].resize(plan.first_vertex(p + 1) - plan.first_vertex(p));
    for (auto& a : timeline_.activities[p]) {
      a.pauses.clear();
      a.is_critical = false;
      a.waited_for.clear();
      a.imported_share = 0.0;
    }
    timeline_.stops[p].clear();
    timeline_.cuts[p].clear();
  }
  timeline_.full_capacity.assign(projects, std::nullopt);
  timeline_.events_processed = 0;

  state_.assign(n, State::kWaiting);
  pending_start_ = start_links_in_;
  pending_finish_ = finish_links_in_;
  start_bound_.resize(n);
  finish_bound_.assign(n, std::nullopt);
  start_driver_.assign(n, Driver{});
  hold_driver_.assign(n, Driver{});
  finish_driver_.assign(n, Driver{});
  start_.assign(n, Date{});
  work_end_.assign(n, Date{});
  finish_.assign(n, Date{});
  ramp_step_.assign(n, 0);
  fired_delays_.clear();
  fired_stops_.clear();
  last_.assign(projects, std::nullopt);
  generations_.reset(n);
  if (resources_) {
    resources_->reset();
    ready_.assign(n, Date{});
    imported_share_.assign(n, 0.0);
    arrived_.clear();
    serve_scheduled_ = false;
  }

  Date begin = std::min(as_of, scenario.calendar.start);
  for (Vertex v = 0; v < n; ++v) {
    const ActivityNode& node = g[v];
    start_bound_[v] = std::max(as_of, node.not_before.value_or(as_of));
    if (node.fixed_date) begin = std::min(begin, *node.fixed_date);
    if (node.actual_start) begin = std::min(begin, *node.actual_start);
  }
  queue_.reset(begin.days());

  for (Vertex v = 0; v < n; ++v) {
    const ActivityNode& node = g[v];
    const auto entity = static_cast<std::uint32_t>(v);
    if (node.fixed_date) {
      state_[v] = State::kScheduled;
      start_[v] = *node.fixed_date;
      push(start_[v], EventType::kMilestone, entity);
    } else if (node.actual_start) {
      state_[v] = State::kScheduled;
      start_[v] = *node.actual_start;
      push(start_[v], EventType::kStart, entity);
    } else if (pending_start_[v] == 0 && (!node.is_milestone || pending_finish_[v] == 0)) {
      push(begin, EventType::kReady, entity);
    }
  }
  for (std::size_t i = 0; i < scenario.shocks.size(); ++i) {
    push(scenario.shocks[i].date, EventType::kShock, static_cast<std::uint32_t>(i));
  }
  if (resources_) {
    const auto& changes = resources_->changes();
    for (std::size_t i = 0; i < changes.size(); ++i) {
      push(changes[i].day, EventType::kCapacity, static_cast<std::uint32_t>(i));
    }
  }
  const Date first_period = [&] {
    const Date m = scenario.calendar.start.month_start();
    switch (scenario.calendar.period) {
      case Period::kMonth:
        return m;
      case Period::kQuarter:
        return m.add_months(-((m.month() - 1) % 3));
      case Period::kYear:
        return m.add_months(-(m.month() - 1));
    }
    return m;
  }();
  if (first_period <= scenario.calendar.end) push(first_period, EventType::kPeriod, 0);

  while (!queue_.empty()) {
    const auto event = queue_.pop();
    const EventRecord& e = event.payload;
    const Date now = Date::from_days(event.time);
    try {
      if (!dispatch(e, now)) continue;
    } catch (const DateRangeError& error) {
      throw ModelError(describe(e) + ": " + error.what());
    }
    ++timeline_.events_processed;
  }
  if (resources_ && !resources_->waiting().empty()) throw_never_startable();

  for (Vertex v = 0; v < n; ++v) {
    ActivityTimes& a = timeline_.activities[g[v].ref.project][g[v].ref.activity];
    a.start = start_[v];
    a.finish = finish_[v];
    a.work_end = g[v].is_milestone ? start_[v] : work_end_[v];
    if (resources_ && resources_->uses(v)) {
      a.ready = ready_[v];
      a.imported_share = imported_share_[v];
    } else {
      a.ready = start_[v];
    }
  }
  const auto driver_of = [this](Vertex v, bool at_finish) {
    const Driver d = at_finish ? finish_driver_[v] : start_driver_[v];
    return detail::Driver{static_cast<Kind>(d.kind), d.pred};
  };
  for (std::size_t p = 0; p < projects; ++p) {
    if (!last_[p]) continue;
    detail::driving_path(*last_[p], n, driver_of, path_);
    for (const Vertex v : path_) {
      timeline_.activities[g[v].ref.project][g[v].ref.activity].is_critical = true;
    }
  }
  return timeline_;
}

bool Rollout::dispatch(const EventRecord& e, Date now) {
  switch (e.type) {
    case EventType::kShock:
      on_shock(e.entity, now);
      break;
    case EventType::kCapacity:
      resources_->apply_change(e.entity);
      if (resources_->has_work()) request_serve();
      break;
    case EventType::kFinish:
      if (!generations_.is_current(e.entity, e.generation)) return false;
      on_finish(e.entity);
      break;
    case EventType::kMilestone:
      if (!generations_.is_current(e.entity, e.generation)) return false;
      on_milestone(e.entity);
      break;
    case EventType::kWorkDone:
      if (!generations_.is_current(e.entity, e.generation)) return false;
      on_work_done(e.entity);
      break;
    case EventType::kReady:
      on_ready(e.entity, now);
      break;
    case EventType::kStart:
      if (!generations_.is_current(e.entity, e.generation)) return false;
      on_start(e.entity, now);
      break;
    case EventType::kServe:
      on_serve(now);
      break;
    case EventType::kRampStep:
      on_ramp_step(e.entity);
      break;
    case EventType::kPeriod: {
      // A period boundary: the hook where per-period accounting will close its books.
      const Date next = next_period(now);
      if (next <= plan_->scenario().calendar.end) push(next, EventType::kPeriod, 0);
      break;
    }
  }
  return true;
}

std::string Rollout::describe(const EventRecord& e) const {
  switch (e.type) {
    case EventType::kShock:
      return "shock '" + plan_->scenario().shocks[e.entity].id + "'";
    case EventType::kPeriod:
      return "the reporting calendar";
    case EventType::kCapacity:
      return "a capacity step of resource '" +
             plan_->scenario().resources[resources_->changes()[e.entity].resource].id + "'";
    case EventType::kServe:
      return "the resource queue";
    default:
      return "activity " + plan_->name(e.entity);
  }
}

void Rollout::resolve(Vertex s, Date constraint, bool is_finish_constraint, std::uint8_t kind,
                      Vertex p, std::uint32_t rank) {
  const ActivityNode& node = plan_->node(s);
  const Driver driver{kind, static_cast<std::uint32_t>(p), rank};
  if (!is_finish_constraint) {
    // A start of its own (fixed or actual date) is driven by nothing else.
    const bool own_start = node.fixed_date || node.actual_start;
    if (!own_start && detail::replaces_start_bound(constraint, start_bound_[s],
                                                   start_driver_[s].kind == kind_code(Kind::kNone),
                                                   rank, start_driver_[s].rank)) {
      start_bound_[s] = constraint;
      start_driver_[s] = driver;
    }
    --pending_start_[s];
  } else {
    const Date* bound = finish_bound_[s] ? &*finish_bound_[s] : nullptr;
    if (detail::replaces_finish_bound(constraint, bound, rank, hold_driver_[s].rank)) {
      finish_bound_[s] = constraint;
      hold_driver_[s] = driver;
    }
    --pending_finish_[s];
  }
  if (node.fixed_date) return;
  if (node.is_milestone) {
    if (state_[s] == State::kWaiting && pending_start_[s] == 0 && pending_finish_[s] == 0) {
      push(Date::from_days(queue_.now()), EventType::kReady, static_cast<std::uint32_t>(s));
    }
    return;
  }
  if (!is_finish_constraint) {
    if (!node.actual_start && state_[s] == State::kWaiting && pending_start_[s] == 0) {
      push(Date::from_days(queue_.now()), EventType::kReady, static_cast<std::uint32_t>(s));
    }
  } else if (state_[s] == State::kHolding && pending_finish_[s] == 0) {
    schedule_finish(s);
  }
}

void Rollout::on_ready(Vertex v, Date /*now*/) {
  const ActivityNode& node = plan_->node(v);
  Date start = start_on(start_bound_[v], node.calendar);
  if (node.is_milestone && finish_bound_[v] && *finish_bound_[v] > start) {
    start = start_on(*finish_bound_[v], node.calendar);
    start_driver_[v] = hold_driver_[v];
  }
  for (const FiredDelay& d : fired_delays_) {
    if (d.vertex == v && start >= d.date) {
      start = d.delay.after(start);
      start_driver_[v] = Driver{};
    }
  }
  state_[v] = State::kScheduled;
  start_[v] = start;
  push(start, node.is_milestone ? EventType::kMilestone : EventType::kStart,
       static_cast<std::uint32_t>(v), generations_.current(v));
}

void Rollout::on_start(Vertex v, Date now) {
  const ActivityNode& node = plan_->node(v);
  const std::uint32_t project = project_of_[v];
  Date start = start_[v];
  if (!node.actual_start) {
    // A phase that would start while its project is stopped waits for the restart.
    bool moved = false;
    for (bool again = true; again;) {
      again = false;
      for (const FiredStop& stop : fired_stops_) {
        if (stop.project == project && stop.from <= start && start < stop.until) {
          start = stop.until;
          moved = again = true;
        }
      }
    }
    if (moved) {
      start_driver_[v] = Driver{};
      start_[v] = start;
      if (start > now) {
        push(start, EventType::kStart, static_cast<std::uint32_t>(v), generations_.current(v));
        return;
      }
    }
  }
  if (resources_ && resources_->uses(v)) {
    if (!node.actual_start) {
      // Ask for the resources; the serve after this instant's starts decides, in queue order.
      state_[v] = State::kQueued;
      start_[v] = start;
      ready_[v] = start;
      resources_->enqueue(v, start);
      arrived_.push_back(static_cast<std::uint32_t>(v));
      request_serve();
      return;
    }
    ready_[v] = start;
    imported_share_[v] = resources_->acquire(v);
  }
  begin_work(v, start);
}

void Rollout::request_serve() {
  if (serve_scheduled_) return;
  serve_scheduled_ = true;
  push(Date::from_days(queue_.now()), EventType::kServe, 0);
}

void Rollout::on_serve(Date now) {
  serve_scheduled_ = false;
  resources_->serve([&](std::uint32_t v, double imported_share) {
    imported_share_[v] = imported_share;
    const ActivityRef ref = plan_->node(v).ref;
    if (!timeline_.activities[ref.project][ref.activity].waited_for.empty()) {
      // It waited: it starts now (on its calendar, the next working day: it holds its amounts
      // from now), driven by the release that let it start.
      start_[v] = start_on(std::max(now, ready_[v]), plan_->node(v).calendar);
      const auto releaser = resources_->released_for(v, now);
      start_driver_[v] = releaser ? Driver{kind_code(Kind::kPredWorkEnd), *releaser, 0} : Driver{};
    }
    begin_work(v, start_[v]);
  });
  // What the phases that arrived and could not start were short of.
  for (const std::uint32_t v : arrived_) {
    if (state_[v] != State::kQueued) continue;
    const ActivityRef ref = plan_->node(v).ref;
    resources_->short_resources(v, timeline_.activities[ref.project][ref.activity].waited_for);
  }
  arrived_.clear();
}

void Rollout::throw_never_startable() const { resources_->throw_never_startable(); }

void Rollout::begin_work(Vertex v, Date start) {
  const ActivityNode& node = plan_->node(v);
  const std::uint32_t project = project_of_[v];
  state_[v] = State::kRunning;
  start_[v] = start;
  finish_driver_[v] = Driver{kind_code(Kind::kOwnStart), 0, 0};
  Date work_end = finish_on(advance(start, plan_->durations()[v], node.calendar), node.calendar);
  if (node.actual_finish) {
    work_end = *node.actual_finish;
    finish_driver_[v] = Driver{};
  } else if (node.actual_start && plan_->scenario().calendar.as_of > work_end) {
    work_end = plan_->scenario().calendar.as_of;
    finish_driver_[v] = Driver{};
  }
  work_end_[v] = work_end;
  if (!node.actual_finish) {
    // Shocks that fired before this start became known but fall inside its work (only when a
    // lead made the start date earlier than the moment it was decided), in date order.
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < fired_delays_.size() || j < fired_stops_.size()) {
      const bool take_delay =
          j == fired_stops_.size() ||
          (i < fired_delays_.size() && fired_delays_[i].date <= fired_stops_[j].from);
      if (take_delay) {
        const FiredDelay& d = fired_delays_[i++];
        if (d.vertex == v && d.date > start && d.date < work_end_[v]) {
          pause(v, d.date, d.delay.after(d.date) - d.date);
        }
      } else {
        const FiredStop& s = fired_stops_[j++];
        if (s.project == project && s.from > start && s.from < work_end_[v]) {
          pause(v, s.from, s.until - s.from);
        }
      }
    }
  }
  push(work_end_[v], EventType::kWorkDone, static_cast<std::uint32_t>(v), generations_.current(v));
  resolve_start_links(v);
}

void Rollout::on_work_done(Vertex v) {
  state_[v] = State::kHolding;
  if (resources_ && resources_->uses(v)) {
    resources_->release(v, Date::from_days(queue_.now()));
    if (resources_->has_work()) request_serve();
  }
  if (plan_->node(v).actual_finish || pending_finish_[v] == 0) schedule_finish(v);
}

void Rollout::schedule_finish(Vertex v) {
  Date finish = work_end_[v];
  if (!plan_->node(v).actual_finish && finish_bound_[v] && *finish_bound_[v] > finish) {
    finish = *finish_bound_[v];
    finish_driver_[v] = hold_driver_[v];
  }
  finish_[v] = finish;
  push(finish, EventType::kFinish, static_cast<std::uint32_t>(v), generations_.current(v));
}

void Rollout::on_finish(Vertex v) {
  state_[v] = State::kFinished;
  const std::size_t project = project_of_[v];
  const Date finish = finish_[v];
  if (!last_[project] || finish > finish_[*last_[project]] ||
      (finish == finish_[*last_[project]] && v < *last_[project])) {
    last_[project] = v;
  }
  resolve_finish_links(v);
  const Phase& phase = plan_->scenario().activity(plan_->node(v).ref);
  if (phase.capacity_per_year > 0.0) {
    const Date full = phase.ramp_up.length().after(finish);
    if (full <= finish) {
      auto& recorded = timeline_.full_capacity[project];
      recorded = std::max(recorded.value_or(full), full);
    } else {
      ramp_step_[v] = 1;
      push(std::min(finish.add_months(1), full), EventType::kRampStep,
           static_cast<std::uint32_t>(v));
    }
  }
}

void Rollout::on_milestone(Vertex v) {
  state_[v] = State::kFinished;
  finish_[v] = start_[v];
  finish_driver_[v] = Driver{kind_code(Kind::kOwnStart), 0, 0};
  const std::size_t project = project_of_[v];
  if (!last_[project] || finish_[v] > finish_[*last_[project]] ||
      (finish_[v] == finish_[*last_[project]] && v < *last_[project])) {
    last_[project] = v;
  }
  resolve_start_links(v);
  resolve_finish_links(v);
}

void Rollout::on_ramp_step(Vertex v) {
  const Phase& phase = plan_->scenario().activity(plan_->node(v).ref);
  const Date finish = finish_[v];
  const Date full = phase.ramp_up.length().after(finish);
  const Date now = Date::from_days(queue_.now());
  if (now >= full) {
    auto& recorded = timeline_.full_capacity[project_of_[v]];
    recorded = std::max(recorded.value_or(full), full);
    return;
  }
  const auto step = static_cast<int>(++ramp_step_[v]);
  push(std::min(finish.add_months(step), full), EventType::kRampStep,
       static_cast<std::uint32_t>(v));
}

void Rollout::resolve_link(const OutLink& link, Date anchor, Vertex p) {
  const auto kind = kind_code(anchors_on_start(link.type) ? Kind::kPredStart : Kind::kPredFinish);
  const ActivityNode& target = plan_->node(link.target);
  const Date constraint = advance(anchor, link.lag, link.lag_calendar);
  if (link.shifts_start) {
    resolve(link.target, retreat(constraint, plan_->durations()[link.target], target.calendar),
            false, kind, p, link.rank);
  } else if (is_start_link(link.type)) {
    resolve(link.target, constraint, false, kind, p, link.rank);
  } else {
    resolve(link.target, finish_on(constraint, target.is_milestone ? nullptr : target.calendar),
            true, kind, p, link.rank);
  }
}

void Rollout::resolve_start_links(Vertex v) {
  for (std::size_t i = out_begin_[v]; i < out_begin_[v + 1]; ++i) {
    const OutLink& link = out_links_[i];
    if (anchors_on_start(link.type)) resolve_link(link, start_[v], v);
  }
}

void Rollout::resolve_finish_links(Vertex v) {
  for (std::size_t i = out_begin_[v]; i < out_begin_[v + 1]; ++i) {
    const OutLink& link = out_links_[i];
    if (!anchors_on_start(link.type)) resolve_link(link, finish_[v], v);
  }
}

void Rollout::pause(Vertex v, Date from, int days) {
  if (days <= 0) return;
  const ActivityRef ref = plan_->node(v).ref;
  auto& pauses = timeline_.activities[ref.project][ref.activity].pauses;
  if (!pauses.empty() && pauses.back().to >= from) {
    pauses.back().to = pauses.back().to.add_days(days);
  } else {
    pauses.push_back({from, from.add_days(days)});
  }
  work_end_[v] = work_end_[v].add_days(days);
}

void Rollout::requeue(Vertex v, Date when) {
  resources_->withdraw(v);
  const ActivityRef ref = plan_->node(v).ref;
  timeline_.activities[ref.project][ref.activity].waited_for.clear();
  state_[v] = State::kScheduled;
  start_[v] = when;
  start_driver_[v] = Driver{};
  push(when, EventType::kStart, static_cast<std::uint32_t>(v), generations_.current(v));
}

void Rollout::reschedule_work_done(Vertex v) {
  const std::uint32_t generation = generations_.cancel(v);
  push(work_end_[v], EventType::kWorkDone, static_cast<std::uint32_t>(v), generation);
}

void Rollout::on_shock(std::size_t index, Date now) {
  const Shock& shock = plan_->scenario().shocks[index];
  const auto project = static_cast<std::uint32_t>(shock.project);
  switch (shock.kind) {
    case Shock::Kind::kDelay: {
      if (!shock.phase) return;
      const Vertex v = plan_->vertex({shock.project, *shock.phase});
      const auto entity = static_cast<std::uint32_t>(v);
      switch (state_[v]) {
        case State::kWaiting:
          fired_delays_.push_back({entity, shock.date, shock.delay});
          break;
        case State::kScheduled:
          if (start_[v] >= shock.date) {
            start_[v] = shock.delay.after(start_[v]);
            start_driver_[v] = Driver{};
            push(start_[v], plan_->node(v).is_milestone ? EventType::kMilestone : EventType::kStart,
                 entity, generations_.cancel(v));
          } else {
            fired_delays_.push_back({entity, shock.date, shock.delay});
          }
          break;
        case State::kQueued:
          // Out of the queue; it asks again `by` after the shock.
          requeue(v, shock.delay.after(shock.date));
          break;
        case State::kRunning:
          if (work_end_[v] > shock.date) {
            pause(v, shock.date, shock.delay.after(shock.date) - shock.date);
            reschedule_work_done(v);
          }
          break;
        case State::kHolding:
        case State::kFinished:
          break;
      }
      break;
    }
    case Shock::Kind::kStop: {
      const Date until = shock.until.value_or(plan_->scenario().calendar.end.add_days(1));
      if (until <= shock.date) return;
      timeline_.stops[project].push_back({shock.date, until});
      fired_stops_.push_back({project, shock.date, until});
      for (Vertex v = plan_->first_vertex(project); v < plan_->first_vertex(project + 1); ++v) {
        if (state_[v] == State::kRunning && work_end_[v] > now) {
          pause(v, shock.date, until - shock.date);
          reschedule_work_done(v);
        } else if (state_[v] == State::kQueued) {
          requeue(v, until);
        }
      }
      break;
    }
    case Shock::Kind::kCapacityCut:
      timeline_.cuts[project].push_back({shock.date, shock.until, shock.cut_share});
      break;
  }
}

Timeline roll_out(const Plan& plan) {
  Rollout rollout(plan);
  return rollout.run();
}

}  // namespace ripple
