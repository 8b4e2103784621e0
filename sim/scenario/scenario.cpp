#include "ripple/scenario.hpp"

#include <numeric>
#include <stdexcept>

namespace ripple {

std::string_view category_name(SpendingCategory category) {
  switch (category) {
    case SpendingCategory::kWorks:
      return "works";
    case SpendingCategory::kEquipment:
      return "equipment";
    case SpendingCategory::kServices:
      return "services";
  }
  return "works";
}

std::string_view dependency_type_name(DependencyType type) {
  switch (type) {
    case DependencyType::kFinishToStart:
      return "FS";
    case DependencyType::kStartToStart:
      return "SS";
    case DependencyType::kFinishToFinish:
      return "FF";
    case DependencyType::kStartToFinish:
      return "SF";
  }
  return "FS";
}

std::string_view finish_link_mode_name(FinishLinkMode mode) {
  return mode == FinishLinkMode::kShift ? "shift" : "stretch";
}

const WorkCalendar* Scenario::calendar_of(ActivityRef ref) const {
  const Project& project = projects[ref.project];
  const auto index = project.phases[ref.activity].calendar ? project.phases[ref.activity].calendar
                                                           : project.calendar;
  return index && *index < calendars.size() ? &calendars[*index] : nullptr;
}

Duration RampUp::length() const {
  if (curve == Curve::kTable && !table.empty()) return table.back().first;
  return duration;
}

double Project::capex_m() const {
  return std::accumulate(phases.begin(), phases.end(), 0.0,
                         [](double sum, const Phase& p) { return sum + p.capex_m; });
}

double Project::permanent_jobs() const {
  return std::accumulate(phases.begin(), phases.end(), 0.0,
                         [](double sum, const Phase& p) { return sum + p.permanent_jobs; });
}

std::optional<std::size_t> Project::find_phase(const std::string& phase_id) const {
  for (std::size_t i = 0; i < phases.size(); ++i) {
    if (phases[i].id == phase_id) return i;
  }
  return std::nullopt;
}

std::size_t Project::phase_index(const std::string& phase_id) const {
  if (auto i = find_phase(phase_id)) return *i;
  throw std::out_of_range("no phase '" + phase_id + "' in project '" + id + "'");
}

std::optional<std::size_t> Project::find_product(const std::string& product_id) const {
  for (std::size_t i = 0; i < products.size(); ++i) {
    if (products[i].id == product_id) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> Scenario::find_project(const std::string& project_id) const {
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (projects[i].id == project_id) return i;
  }
  return std::nullopt;
}

std::size_t Scenario::project_index(const std::string& project_id) const {
  if (auto i = find_project(project_id)) return *i;
  throw std::out_of_range("no project '" + project_id + "'");
}

std::string Scenario::activity_name(ActivityRef ref) const {
  return projects[ref.project].id + "." + projects[ref.project].phases[ref.activity].id;
}

double Scenario::capex_m() const {
  return std::accumulate(projects.begin(), projects.end(), 0.0,
                         [](double sum, const Project& p) { return sum + p.capex_m(); });
}

double Scenario::permanent_jobs() const {
  return std::accumulate(projects.begin(), projects.end(), 0.0,
                         [](double sum, const Project& p) { return sum + p.permanent_jobs(); });
}

}  // namespace ripple
