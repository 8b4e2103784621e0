#include "ripple/schedule_report.hpp"

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "report/json_finite.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace {

struct Row {
  std::string project;
  std::string activity;
  std::string cells[6];  // start, finish, ES, EF, LS, LF
  int float_days;
  bool critical;
  int wait_days;
  std::string waited_for;  // resource ids joined with '+'
  double imported_share;
};

std::vector<Row> rows(const Scenario& scenario, const Schedule& schedule,
                      const Timeline& timeline) {
  std::vector<Row> result;
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    const Project& project = scenario.projects[p];
    for (std::size_t a = 0; a < project.phases.size(); ++a) {
      const ActivitySchedule& s = schedule.at({p, a});
      const ActivityTimes& t = timeline.activities[p][a];
      std::string waited_for;
      for (const std::size_t r : t.waited_for) {
        waited_for += (waited_for.empty() ? "" : "+") + scenario.resources[r].id;
      }
      result.push_back(
          {project.id,
           project.phases[a].id,
           {t.start.to_string(), t.finish.to_string(), s.early_start.to_string(),
            s.early_finish.to_string(), s.late_start.to_string(), s.late_finish.to_string()},
           s.total_float_days,
           s.is_critical,
           t.wait_days(),
           waited_for,
           t.imported_share});
    }
  }
  return result;
}

constexpr const char* kColumns[] = {"project",          "activity",     "start",      "finish",
                                    "early_start",      "early_finish", "late_start", "late_finish",
                                    "total_float_days", "critical",     "wait_days",  "waited_for",
                                    "imported_share"};

std::string path_text(const Scenario& scenario, const std::vector<ActivityRef>& path) {
  std::string text;
  for (const auto& ref : path) {
    if (!text.empty()) text += " -> ";
    text += scenario.activity_name(ref);
  }
  return text;
}

}  // namespace

void write_schedule_csv(std::ostream& out, const Scenario& scenario, const Schedule& schedule,
                        const Timeline& timeline) {
  for (std::size_t i = 0; i < std::size(kColumns); ++i) out << (i ? "," : "") << kColumns[i];
  out << '\n';
  for (const Row& row : rows(scenario, schedule, timeline)) {
    out << row.project << ',' << row.activity;
    for (const auto& cell : row.cells) out << ',' << cell;
    out << ',' << row.float_days << ',' << (row.critical ? "true" : "false") << ',' << row.wait_days
        << ',' << row.waited_for << ',' << csv_number(row.imported_share) << '\n';
  }
}

void write_schedule_table(std::ostream& out, const Scenario& scenario, const Schedule& schedule,
                          const Timeline& timeline) {
  TextTable table(
      {"project", "activity", "start", "finish", "early start", "early finish", "late start",
       "late finish", "float (d)", "critical", "wait (d)", "waited for"},
      {false, false, false, false, false, false, false, false, true, false, true, false});
  std::string previous;
  for (const Row& row : rows(scenario, schedule, timeline)) {
    if (!previous.empty() && row.project != previous) table.add_rule();
    previous = row.project;
    table.add_row({row.project, row.activity, row.cells[0], row.cells[1], row.cells[2],
                   row.cells[3], row.cells[4], row.cells[5], std::to_string(row.float_days),
                   row.critical ? "yes" : "", row.wait_days ? std::to_string(row.wait_days) : "",
                   row.waited_for});
  }
  table.print(out);
  out << "\nCritical path per project (driving activities, earliest first):\n";
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    out << "  " << scenario.projects[p].id;
    if (schedule.project_finish[p])
      out << " (finish " << schedule.project_finish[p]->to_string() << ")";
    out << ": " << path_text(scenario, schedule.critical_paths[p]) << '\n';
  }
}

void write_schedule_json(std::ostream& out, const Scenario& scenario, const Schedule& schedule,
                         const Timeline& timeline) {
  nlohmann::ordered_json j;
  j["activities"] = nlohmann::ordered_json::array();
  for (const Row& row : rows(scenario, schedule, timeline)) {
    nlohmann::ordered_json a;
    a["project"] = row.project;
    a["activity"] = row.activity;
    for (std::size_t i = 0; i < 6; ++i) a[kColumns[2 + i]] = row.cells[i];
    a["total_float_days"] = row.float_days;
    a["critical"] = row.critical;
    a["wait_days"] = row.wait_days;
    a["waited_for"] = row.waited_for;
    a["imported_share"] = row.imported_share;
    j["activities"].push_back(std::move(a));
  }
  j["critical_paths"] = nlohmann::ordered_json::object();
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    auto& path = j["critical_paths"][scenario.projects[p].id];
    path = nlohmann::ordered_json::array();
    for (const auto& ref : schedule.critical_paths[p]) path.push_back(scenario.activity_name(ref));
  }
  check_finite_json(j, "schedule JSON");
  out << dump_json(j) << '\n';
}

}  // namespace ripple
