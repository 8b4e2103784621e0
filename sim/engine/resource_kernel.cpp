#include "ripple/resource_kernel.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "engine/resource_manager.hpp"
#include "graph/driving_path.hpp"

namespace ripple {
namespace {

using Kind = detail::Driver::Kind;
using detail::anchors_on_start;
using detail::is_start_link;
using detail::kind_code;

}  // namespace

bool resources_never_bind(const Scenario& scenario) {
  for (const Resource& resource : scenario.resources) {
    double least = resource.capacity;
    for (const CapacityStep& step : resource.steps) least = std::min(least, step.capacity);
    // Phases' draws as the engine counts them (detail::ResourceManager): milestones draw
    // nothing, and neither do amounts of 0.
    double total = 0.0;
    for (const Project& project : scenario.projects) {
      for (const Phase& phase : project.phases) {
        if (phase.is_milestone) continue;
        const auto it = phase.resource_use.find(resource.id);
        if (it != phase.resource_use.end() && it->second > 0.0) total += it->second;
      }
    }
    if (total > least) return false;
  }
  return true;
}

ResourceKernel::ResourceKernel(const Plan& plan)
    : plan_(&plan),
      as_of_(plan.scenario().calendar.as_of),
      resources_(std::make_unique<detail::ResourceManager>(plan)) {
  const Scenario& scenario = plan.scenario();
  const PlanGraph& g = plan.graph();
  const std::size_t n = plan.size();
  // A link's rank among its target's dependencies (in-edges keep declaration order).
  std::unordered_map<const Link*, std::uint32_t> rank;
  for (Vertex v = 0; v < n; ++v) {
    if (boost::in_degree(v, g) > kMaxRank) {
      throw std::invalid_argument("ResourceKernel: an activity with more than " +
                                  std::to_string(kMaxRank) + " dependencies");
    }
    std::uint32_t i = 0;
    for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) rank[&g[e]] = i++;
  }
  nodes_.resize(n);
  own_start_.resize(n);
  initial_.resize(n);
  begin_ = std::min(as_of_, scenario.calendar.start);
  for (Vertex v = 0; v < n; ++v) {
    const ActivityNode& a = g[v];
    Node& node = nodes_[v];
    node.project = static_cast<std::uint32_t>(a.ref.project);
    node.activity = static_cast<std::uint32_t>(a.ref.activity);
    node.is_milestone = a.is_milestone;
    node.has_fixed_date = a.fixed_date.has_value();
    node.has_actual_start = a.actual_start.has_value();
    node.has_actual_finish = a.actual_finish.has_value();
    node.uses_resources = resources_->uses(v);
    by_step_ = by_step_ || (node.uses_resources && a.actual_start && !a.fixed_date);
    own_start_[v] = a.fixed_date.value_or(a.actual_start.value_or(Date{}));
    node.actual_finish = a.actual_finish.value_or(Date{});
    node.calendar = a.calendar;
    Live& x = initial_[v];
    x = Live{};
    x.state = State::kWaiting;
    x.pending_start = 0;
    x.pending_finish = 0;
    x.start_bound = std::max(as_of_, a.not_before.value_or(as_of_));
    if (a.fixed_date) begin_ = std::min(begin_, *a.fixed_date);
    if (a.actual_start) begin_ = std::min(begin_, *a.actual_start);
  }
  for (Vertex v = 0; v < n; ++v) {
    const auto add = [&](bool on_start_anchor) {
      for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
        const Link& link = g[e];
        if (anchors_on_start(link.type) != on_start_anchor) continue;
        const auto s = static_cast<std::uint32_t>(boost::target(e, g));
        OutLink out{s,
                    rank.at(&link),
                    on_start_anchor ? kind_code(Kind::kPredStart) : kind_code(Kind::kPredFinish),
                    is_start_link(link.type) || link.shifts_start,
                    link.shifts_start,
                    !link.lag.is_calendar() && !is_working_unit(link.lag.unit),
                    0};
        if (out.lag_in_days) out.lag_days = link.lag.after(Date{}) - Date{};
        ++(out.on_start ? initial_[s].pending_start : initial_[s].pending_finish);
        out_.push_back(out);
        out_lags_.push_back({link.lag, link.lag_calendar});
      }
    };
    nodes_[v].start_out_begin = static_cast<std::uint32_t>(out_.size());
    add(true);
    nodes_[v].finish_out_begin = static_cast<std::uint32_t>(out_.size());
    add(false);
    nodes_[v].out_end = static_cast<std::uint32_t>(out_.size());
  }

  live_.resize(n);
  path_seen_.resize(n);
  imported_share_.resize(n);
  const std::size_t projects = plan.project_count();
  timeline_.activities.resize(projects);
  for (std::size_t p = 0; p < projects; ++p) {
    timeline_.activities[p].resize(plan.first_vertex(p + 1) - plan.first_vertex(p));
  }
  timeline_.stops.resize(projects);
  timeline_.cuts.resize(projects);
  timeline_.full_capacity.assign(projects, std::nullopt);
}

ResourceKernel::~ResourceKernel() = default;
ResourceKernel::ResourceKernel(ResourceKernel&&) noexcept = default;
ResourceKernel& ResourceKernel::operator=(ResourceKernel&&) noexcept = default;

void ResourceKernel::push(Date when, Step step, std::uint32_t entity) {
  const int day = when.days();
  if (day <= today_) {  // today (an earlier date is decided today, as in the engine)
    push_today(step, entity);
    return;
  }
  const auto slot = static_cast<std::size_t>(day - begin_.days());
  if (slot >= days_.size()) grow_days(slot);
  const auto index = static_cast<std::int32_t>(items_.size());
  items_.push_back({step, entity, -1});
  List& list = days_[slot][step == Step::kWorkDone ? 0 : 1];
  if (list.first < 0) {
    list.first = index;
  } else {
    items_[static_cast<std::size_t>(list.last)].next = index;
  }
  list.last = index;
  busy_[slot / 64] |= std::uint64_t{1} << (slot % 64);
  ++pending_;
}

void ResourceKernel::push_today(Step step, std::uint32_t entity) {
  if (by_step_) {
    today_steps_[static_cast<std::size_t>(step)].push_back(entity);
  } else {
    found_today_.push_back({step, entity, -1});
  }
}

void ResourceKernel::grow_days(std::size_t slot) {
  const std::size_t size = std::max(slot + 1, 2 * days_.size());
  days_.resize(size, Day{});
  busy_.resize((size + 63) / 64, 0);
}

const Timeline& ResourceKernel::run(const std::vector<Duration>& durations) {
  const std::size_t n = plan_->size();
  if (durations.size() != n) {
    throw std::invalid_argument("ResourceKernel::run: " + std::to_string(durations.size()) +
                                " durations for " + std::to_string(n) + " activities");
  }
  durations_ = &durations;
  // A run that ends normally has swept (and cleared) every day it filled; one that threw may
  // have left some.
  if (!swept_clean_) {
    std::fill(days_.begin(), days_.end(), Day{});
    std::fill(busy_.begin(), busy_.end(), 0);
  }
  swept_clean_ = false;
  items_.clear();
  pending_ = 0;
  for (auto& steps : today_steps_) steps.clear();
  found_today_.clear();
  arrived_.clear();
  resources_->reset();
  live_ = initial_;
  std::fill(imported_share_.begin(), imported_share_.end(), 0.0);

  // The engine's initial events, in its order; capacity steps after them.
  today_ = begin_.days();
  for (std::size_t v = 0; v < n; ++v) {
    const Node& node = nodes_[v];
    const auto entity = static_cast<std::uint32_t>(v);
    if (node.has_fixed_date) {
      live_[v].state = State::kScheduled;
      live_[v].start = own_start_[v];
      push(live_[v].start, Step::kMilestone, entity);
    } else if (node.has_actual_start) {
      live_[v].state = State::kScheduled;
      live_[v].start = own_start_[v];
      push(live_[v].start, Step::kStart, entity);
    } else if (live_[v].pending_start == 0 &&
               (!node.is_milestone || live_[v].pending_finish == 0)) {
      ready(entity);
    }
  }
  const auto& changes = resources_->changes();
  for (std::size_t i = 0; i < changes.size(); ++i) {
    push(changes[i].day, Step::kCapacity, static_cast<std::uint32_t>(i));
  }

  // Day by day: what the day holds, then what it finds for itself, then the queue, until quiet.
  for (;;) {
    const auto slot = static_cast<std::size_t>(today_ - begin_.days());
    if (by_step_) {
      sweep_day_by_step(slot);
    } else {
      sweep_day(slot);
    }
    if (pending_ == 0) break;
    std::size_t next = slot + 1;
    std::size_t word = next / 64;
    std::uint64_t bits = busy_[word] & (~std::uint64_t{0} << (next % 64));
    while (bits == 0) bits = busy_[++word];
    next = word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
    today_ = begin_.days() + static_cast<int>(next);
  }
  if (!resources_->waiting().empty()) resources_->throw_never_startable();
  swept_clean_ = true;

  for (std::uint32_t v = 0; v < n; ++v) {
    ActivityTimes& a = times(v);
    a.is_critical = false;
    if (live_[v].waited == 0) a.waited_for.clear();  // serve() filled it for those that waited
    a.imported_share = 0.0;
    a.start = live_[v].start;
    a.finish = live_[v].finish;
    a.work_end = nodes_[v].is_milestone ? live_[v].start : live_[v].work_end;
    if (nodes_[v].uses_resources) {
      a.ready = live_[v].ready;
      a.imported_share = imported_share_[v];
    } else {
      a.ready = live_[v].start;
    }
  }
  const auto driver_of = [this](Vertex v, bool at_finish) {
    const Driver d = at_finish ? live_[v].finish_driver : live_[v].start_driver;
    return detail::Driver{static_cast<Kind>(d.kind), d.pred};
  };
  // Each project's driving path, from the activity that finishes it (the latest finish; ties:
  // the first declared); each stops where an earlier one went (is_critical is set there on).
  std::fill(path_seen_.begin(), path_seen_.end(), 0);
  for (std::size_t p = 0; p < plan_->project_count(); ++p) {
    const Vertex first = plan_->first_vertex(p);
    const Vertex end = plan_->first_vertex(p + 1);
    if (first == end) continue;
    Vertex last = first;
    for (Vertex v = first + 1; v < end; ++v) {
      if (live_[v].finish > live_[last].finish) last = v;
    }
    detail::driving_path(last, n, driver_of, path_, path_seen_.data());
    for (const Vertex v : path_) {
      times(static_cast<std::uint32_t>(v)).is_critical = true;
    }
  }
  return timeline_;
}

// The day's steps pushed on earlier days (the engine's heap), ends of work first, then the
// others, each in the order they were pushed; then those found today (its same-instant FIFOs);
// the queue is served when all have run, and again after what the serve started, until the day
// is quiet. Of the engine's same-instant order (capacity steps, finishes, milestones, ends of
// work, starts) this keeps what can change a result: ends of work release in the order the
// phases began, and the queue is served after everything else of the day. Only the
// acquisitions of phases started before as_of (which take what is free without queueing) need
// the full order: sweep_day_by_step.
void ResourceKernel::sweep_day(std::size_t slot) {
  if (slot < days_.size()) {
    // Re-read through days_: a push for a later day may grow it.
    for (std::int32_t i = days_[slot][0].first; i >= 0;) {
      const Item item = items_[static_cast<std::size_t>(i)];  // a copy: on_work_done may push
      --pending_;
      on_work_done(item.entity);
      i = item.next;
    }
    for (std::int32_t i = days_[slot][1].first; i >= 0;) {
      const Item item = items_[static_cast<std::size_t>(i)];
      --pending_;
      if (item.step == Step::kStart) {
        on_start(item.entity);
      } else {
        dispatch(item.step, item.entity);
      }
      i = item.next;
    }
    days_[slot] = Day{};
    busy_[slot / 64] &= ~(std::uint64_t{1} << (slot % 64));
  }
  for (;;) {
    for (std::size_t i = 0; i < found_today_.size(); ++i) {
      const Item item = found_today_[i];
      dispatch(item.step, item.entity);
    }
    found_today_.clear();
    if (!resources_->has_work()) return;
    serve();
  }
}

// The engine's same-instant order in full: the earliest step first (capacity steps, finishes,
// milestones, ends of work, starts), each in the order it was pushed, then the queue.
void ResourceKernel::sweep_day_by_step(std::size_t slot) {
  if (slot < days_.size()) {
    for (const List& list : days_[slot]) {
      for (std::int32_t i = list.first; i >= 0;) {
        const Item& item = items_[static_cast<std::size_t>(i)];
        today_steps_[static_cast<std::size_t>(item.step)].push_back(item.entity);
        --pending_;
        i = item.next;
      }
    }
    days_[slot] = Day{};
    busy_[slot / 64] &= ~(std::uint64_t{1} << (slot % 64));
  }
  std::array<std::size_t, kSteps> head{};
  for (;;) {
    std::size_t k = 0;
    while (k < kSteps && head[k] == today_steps_[k].size()) ++k;
    if (k < kSteps) {
      dispatch(static_cast<Step>(k), today_steps_[k][head[k]++]);
      continue;
    }
    if (!resources_->has_work()) break;
    serve();
  }
  for (auto& steps : today_steps_) steps.clear();
}

void ResourceKernel::dispatch(Step step, std::uint32_t entity) {
  switch (step) {
    case Step::kCapacity:
      resources_->apply_change(entity);
      break;
    case Step::kFinish:
      on_finish(entity);
      break;
    case Step::kMilestone:
      on_milestone(entity);
      break;
    case Step::kWorkDone:
      on_work_done(entity);
      break;
    case Step::kStart:
      on_start(entity);
      break;
  }
}

// The engine's on_ready, run when the last start constraint resolves (the engine's ready event
// at the same instant reads nothing that changes in between).
void ResourceKernel::ready(std::uint32_t v) {
  const Node& node = nodes_[v];
  Date start = start_on(live_[v].start_bound, node.calendar);
  if (node.is_milestone && live_[v].has_finish_bound != 0 && live_[v].finish_bound > start) {
    start = start_on(live_[v].finish_bound, node.calendar);
    live_[v].start_driver = live_[v].hold_driver;
  }
  live_[v].state = State::kScheduled;
  live_[v].start = start;
  push(start, node.is_milestone ? Step::kMilestone : Step::kStart, v);
}

void ResourceKernel::on_start(std::uint32_t v) {
  const Node& node = nodes_[v];
  const Date start = live_[v].start;
  if (node.uses_resources) {
    live_[v].ready = start;
    if (!node.has_actual_start) {
      // Asks for the resources; the serve after today's starts decides, in queue order.
      live_[v].state = State::kQueued;
      resources_->enqueue(v, start);
      arrived_.push_back(v);
      return;
    }
    imported_share_[v] = resources_->acquire(v);
  }
  begin_work(v, start);
}

void ResourceKernel::serve() {
  const Date now = Date::from_days(today_);
  resources_->serve([&](std::uint32_t v, double imported_share) {
    imported_share_[v] = imported_share;
    if (live_[v].waited != 0) {
      live_[v].start = start_on(std::max(now, live_[v].ready), nodes_[v].calendar);
      const auto releaser = resources_->released_for(v, now);
      live_[v].start_driver =
          releaser ? Driver{kind_code(Kind::kPredWorkEnd), *releaser, 0} : Driver{};
    }
    begin_work(v, live_[v].start);
  });
  for (const std::uint32_t v : arrived_) {
    if (live_[v].state != State::kQueued) continue;
    auto& waited_for = times(v).waited_for;
    resources_->short_resources(v, waited_for);
    live_[v].waited = waited_for.empty() ? 0 : 1;
  }
  arrived_.clear();
}

void ResourceKernel::begin_work(std::uint32_t v, Date start) {
  const Node& node = nodes_[v];
  live_[v].state = State::kRunning;
  live_[v].start = start;
  live_[v].finish_driver = Driver{kind_code(Kind::kOwnStart), 0, 0};
  Date work_end = finish_on(advance(start, (*durations_)[v], node.calendar), node.calendar);
  if (node.has_actual_finish) {
    work_end = node.actual_finish;
    live_[v].finish_driver = Driver{};
  } else if (node.has_actual_start && as_of_ > work_end) {
    work_end = as_of_;
    live_[v].finish_driver = Driver{};
  }
  live_[v].work_end = work_end;
  push(work_end, Step::kWorkDone, v);
  resolve_links(node.start_out_begin, node.finish_out_begin, start, v);
}

void ResourceKernel::on_work_done(std::uint32_t v) {
  live_[v].state = State::kHolding;
  if (nodes_[v].uses_resources) resources_->release(v, Date::from_days(today_));
  if (nodes_[v].has_actual_finish || live_[v].pending_finish == 0) schedule_finish(v);
}

void ResourceKernel::schedule_finish(std::uint32_t v) {
  Date finish = live_[v].work_end;
  if (!nodes_[v].has_actual_finish && live_[v].has_finish_bound != 0 &&
      live_[v].finish_bound > finish) {
    finish = live_[v].finish_bound;
    live_[v].finish_driver = live_[v].hold_driver;
  }
  live_[v].finish = finish;
  if (!by_step_ && finish.days() <= today_) {
    on_finish(v);  // today: its place among today's steps changes nothing (sweep_day)
  } else {
    push(finish, Step::kFinish, v);
  }
}

void ResourceKernel::on_finish(std::uint32_t v) {
  live_[v].state = State::kFinished;
  resolve_links(nodes_[v].finish_out_begin, nodes_[v].out_end, live_[v].finish, v);
}

void ResourceKernel::on_milestone(std::uint32_t v) {
  live_[v].state = State::kFinished;
  live_[v].finish = live_[v].start;
  live_[v].finish_driver = Driver{kind_code(Kind::kOwnStart), 0, 0};
  resolve_links(nodes_[v].start_out_begin, nodes_[v].finish_out_begin, live_[v].start, v);
  resolve_links(nodes_[v].finish_out_begin, nodes_[v].out_end, live_[v].finish, v);
}

void ResourceKernel::resolve_links(std::uint32_t begin, std::uint32_t end, Date anchor,
                                   std::uint32_t p) {
  for (std::uint32_t i = begin; i < end; ++i) {
    const OutLink& link = out_[i];
    const Date constraint = link.lag_in_days
                                ? anchor.add_days(link.lag_days)
                                : advance(anchor, out_lags_[i].lag, out_lags_[i].calendar);
    const Node& target = nodes_[link.target];
    if (link.shifts_start) {
      resolve(link.target, retreat(constraint, (*durations_)[link.target], target.calendar), false,
              link.kind, p, link.rank);
    } else if (link.on_start) {
      resolve(link.target, constraint, false, link.kind, p, link.rank);
    } else {
      resolve(link.target, finish_on(constraint, target.is_milestone ? nullptr : target.calendar),
              true, link.kind, p, link.rank);
    }
  }
}

// The engine's Rollout::resolve.
void ResourceKernel::resolve(std::uint32_t s, Date constraint, bool is_finish_constraint,
                             std::uint8_t kind, std::uint32_t p, std::uint32_t rank) {
  const Node& node = nodes_[s];
  const Driver driver{kind, p, rank};
  if (!is_finish_constraint) {
    // A start of its own (fixed or actual date) is driven by nothing else.
    const bool own_start = node.has_fixed_date || node.has_actual_start;
    if (!own_start &&
        detail::replaces_start_bound(constraint, live_[s].start_bound,
                                     live_[s].start_driver.kind == kind_code(Kind::kNone), rank,
                                     live_[s].start_driver.rank)) {
      live_[s].start_bound = constraint;
      live_[s].start_driver = driver;
    }
    --live_[s].pending_start;
  } else {
    const Date* bound = live_[s].has_finish_bound != 0 ? &live_[s].finish_bound : nullptr;
    if (detail::replaces_finish_bound(constraint, bound, rank, live_[s].hold_driver.rank)) {
      live_[s].finish_bound = constraint;
      live_[s].has_finish_bound = 1;
      live_[s].hold_driver = driver;
    }
    --live_[s].pending_finish;
  }
  if (node.has_fixed_date) return;
  if (node.is_milestone) {
    if (live_[s].state == State::kWaiting && live_[s].pending_start == 0 &&
        live_[s].pending_finish == 0) {
      ready(s);
    }
    return;
  }
  if (!is_finish_constraint) {
    if (!node.has_actual_start && live_[s].state == State::kWaiting &&
        live_[s].pending_start == 0) {
      ready(s);
    }
  } else if (live_[s].state == State::kHolding && live_[s].pending_finish == 0) {
    schedule_finish(s);
  }
}

}  // namespace ripple
