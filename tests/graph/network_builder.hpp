#pragma once
// Builds small scenarios in code for the graph and engine tests (no YAML).

#include <string>
#include <utility>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/duration.hpp"
#include "ripple/scenario.hpp"

namespace ripple::test {

/// A date from YYYY-MM-DD text (tests only: the text is known valid).
inline Date date(const char* text) { return *Date::parse(text); }
inline Duration days(double n) { return {n, TimeUnit::kDays}; }
inline Duration months(double n) { return {n, TimeUnit::kMonths}; }

/// A scenario under construction: projects, phases, milestones and links.
class NetworkBuilder {
 public:
  explicit NetworkBuilder(Date as_of) {
    scenario_.name = "test";
    scenario_.calendar.start = as_of.month_start();
    scenario_.calendar.as_of = as_of;
    scenario_.calendar.end = as_of.add_months(240);
  }

  /// Adds a project; returns its index.
  std::size_t project(const std::string& id) {
    Project p;
    p.id = id;
    p.name = id;
    p.mark.line = static_cast<int>(scenario_.projects.size()) * 100 + 1;
    scenario_.projects.push_back(p);
    return scenario_.projects.size() - 1;
  }

  /// Adds a phase of `duration` to a project; returns its reference.
  ActivityRef phase(std::size_t project, const std::string& id, Duration duration) {
    Phase ph;
    ph.id = id;
    ph.name = id;
    ph.duration = DurationDistribution::fixed(duration);
    return add(project, ph);
  }

  /// Adds a milestone (optionally on a fixed date).
  ActivityRef milestone(std::size_t project, const std::string& id,
                        std::optional<Date> fixed_date = std::nullopt) {
    Phase ph;
    ph.id = id;
    ph.name = id;
    ph.is_milestone = true;
    ph.duration = DurationDistribution::fixed(days(0));
    ph.fixed_date = fixed_date;
    return add(project, ph);
  }

  /// `successor` depends on `predecessor`.
  void link(ActivityRef successor, ActivityRef predecessor,
            DependencyType type = DependencyType::kFinishToStart, Duration lag = days(0)) {
    Dependency d;
    d.predecessor = predecessor;
    d.type = type;
    d.lag = lag;
    at(successor).dependencies.push_back(d);
  }

  /// Adds a shared resource of `capacity` (steps: (date, capacity) after it); returns its index.
  std::size_t resource(const std::string& id, double capacity,
                       std::vector<std::pair<Date, double>> steps = {},
                       Resource::Shortfall on_shortfall = Resource::Shortfall::kWait) {
    Resource r;
    r.id = id;
    r.name = id;
    r.unit = "workers";
    r.capacity = capacity;
    for (const auto& [from, value] : steps) r.steps.push_back({from, value, {}});
    r.on_shortfall = on_shortfall;
    scenario_.resources.push_back(r);
    return scenario_.resources.size() - 1;
  }

  /// `activity` draws `amount` of resource `id` while active.
  void use(ActivityRef activity, const std::string& id, double amount) {
    at(activity).resource_use[id] = amount;
  }

  Phase& at(ActivityRef ref) { return scenario_.projects[ref.project].phases[ref.activity]; }
  Scenario& scenario() { return scenario_; }

 private:
  ActivityRef add(std::size_t project, Phase ph) {
    auto& phases = scenario_.projects[project].phases;
    ph.mark.file = "test.yaml";
    ph.mark.line = scenario_.projects[project].mark.line + static_cast<int>(phases.size()) + 1;
    ph.mark.column = 9;
    phases.push_back(ph);
    return {project, phases.size() - 1};
  }

  Scenario scenario_;
};

}  // namespace ripple::test
