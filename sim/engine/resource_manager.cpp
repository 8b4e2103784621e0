#include "engine/resource_manager.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "ripple/error.hpp"

namespace ripple::detail {
namespace {

// Amounts are sums of user-given decimals: compare with a little room for rounding.
bool covers(double free, double amount) {
  return amount <= free + 1e-9 * std::max(1.0, std::abs(amount));
}

}  // namespace

ResourceManager::ResourceManager(const Plan& plan) : plan_(&plan) {
  const Scenario& scenario = plan.scenario();
  const std::size_t n = plan.size();
  need_begin_.assign(n + 1, 0);
  priority_.assign(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    need_begin_[v] = needs_.size();
    const Phase& phase = scenario.activity(plan.node(v).ref);
    priority_[v] = phase.priority;
    if (phase.is_milestone) continue;
    // Declaration order of the resources, whatever the order of the `uses` map.
    for (std::size_t r = 0; r < scenario.resources.size(); ++r) {
      const auto it = phase.resource_use.find(scenario.resources[r].id);
      if (it != phase.resource_use.end() && it->second > 0.0) {
        needs_.push_back({static_cast<std::uint32_t>(r),
                          scenario.resources[r].on_shortfall == Resource::Shortfall::kImport,
                          it->second});
      }
    }
  }
  need_begin_[n] = needs_.size();
  held_.assign(needs_.size(), 0.0);
  std::vector<bool> used(scenario.resources.size(), false);
  for (const Need& need : needs_) used[need.resource] = true;
  for (std::size_t r = 0; r < scenario.resources.size(); ++r) {
    const Resource& res = scenario.resources[r];
    initial_.push_back(res.capacity);
    if (!used[r]) continue;
    for (const CapacityStep& step : res.steps) {
      changes_.push_back({step.from, static_cast<std::uint32_t>(r), step.capacity});
    }
  }
  std::stable_sort(changes_.begin(), changes_.end(),
                   [](const CapacityChange& a, const CapacityChange& b) { return a.day < b.day; });
}

void ResourceManager::reset() {
  capacity_ = initial_;
  in_use_.assign(initial_.size(), 0.0);
  last_releaser_.assign(initial_.size(), 0);
  last_release_day_.assign(initial_.size(), std::numeric_limits<int>::min());
  std::fill(held_.begin(), held_.end(), 0.0);
  waiting_.clear();
  arrivals_.clear();
  freed_ = false;
}

void ResourceManager::apply_change(std::size_t i) {
  const CapacityChange& change = changes_[i];
  if (change.capacity > capacity_[change.resource]) freed_ = true;
  capacity_[change.resource] = change.capacity;
}

bool ResourceManager::fits(std::size_t v) const {
  for (std::size_t i = need_begin_[v]; i < need_begin_[v + 1]; ++i) {
    const Need& need = needs_[i];
    if (need.imports) continue;
    if (!covers(capacity_[need.resource] - in_use_[need.resource], need.amount)) return false;
  }
  return true;
}

double ResourceManager::acquire(std::size_t v) {
  double drawn = 0.0;
  double imported = 0.0;
  for (std::size_t i = need_begin_[v]; i < need_begin_[v + 1]; ++i) {
    const Need& need = needs_[i];
    double take = need.amount;
    if (need.imports) {
      const double free = std::max(0.0, capacity_[need.resource] - in_use_[need.resource]);
      take = covers(free, need.amount) ? need.amount : free;
      drawn += need.amount;
      imported += need.amount - take;
    }
    held_[i] = take;
    in_use_[need.resource] += take;
  }
  return drawn > 0.0 ? imported / drawn : 0.0;
}

void ResourceManager::release(std::size_t v, Date day) {
  for (std::size_t i = need_begin_[v]; i < need_begin_[v + 1]; ++i) {
    const Need& need = needs_[i];
    if (held_[i] <= 0.0) continue;
    in_use_[need.resource] = std::max(0.0, in_use_[need.resource] - held_[i]);
    held_[i] = 0.0;
    last_releaser_[need.resource] = static_cast<std::uint32_t>(v);
    last_release_day_[need.resource] = day.days();
    freed_ = true;
  }
}

void ResourceManager::short_resources(std::size_t v, std::vector<std::size_t>& out) const {
  out.clear();
  for (std::size_t i = need_begin_[v]; i < need_begin_[v + 1]; ++i) {
    const Need& need = needs_[i];
    if (need.imports) continue;
    if (!covers(capacity_[need.resource] - in_use_[need.resource], need.amount)) {
      out.push_back(need.resource);
    }
  }
}

std::optional<std::uint32_t> ResourceManager::released_for(std::size_t v, Date day) const {
  std::optional<std::uint32_t> driver;
  for (std::size_t i = need_begin_[v]; i < need_begin_[v + 1]; ++i) {
    const std::uint32_t r = needs_[i].resource;
    if (last_release_day_[r] == day.days() && (!driver || last_releaser_[r] > *driver)) {
      driver = last_releaser_[r];
    }
  }
  return driver;
}

void ResourceManager::enqueue(std::size_t v, Date ready) {
  arrivals_.push_back({ready.days(), priority_[v], static_cast<std::uint32_t>(v)});
}

void ResourceManager::withdraw(std::size_t v) {
  const auto match = [v](const Waiter& w) { return w.vertex == v; };
  std::erase_if(waiting_, match);
  std::erase_if(arrivals_, match);
}

void ResourceManager::throw_never_startable() const {
  const Scenario& scenario = plan_->scenario();
  std::ostringstream message;
  bool first = true;
  for (const auto& w : waiting_) {
    const ActivityRef ref = plan_->node(w.vertex).ref;
    const Phase& phase = scenario.activity(ref);
    if (!first) message << '\n';
    first = false;
    message << Diagnostic{phase.mark, ""}.to_string() << "phase " << scenario.activity_name(ref)
            << " (ready " << Date::from_days(w.ready_day).to_string() << ") can never start: ";
    bool named = false;
    for (std::size_t r = 0; r < scenario.resources.size() && !named; ++r) {
      const Resource& res = scenario.resources[r];
      const auto it = phase.resource_use.find(res.id);
      const double capacity = capacity_[r];
      if (it == phase.resource_use.end() || it->second <= capacity) continue;
      message << "it needs " << it->second << ' ' << res.unit << " of resource " << res.id
              << ", which offers " << capacity << ' ' << res.unit;
      if (!res.steps.empty()) message << " from " << res.steps.back().from.to_string() << " on";
      named = true;
    }
    if (!named) message << "the resources it needs are never free together";
  }
  throw ModelError(message.str());
}

}  // namespace ripple::detail
