// Checks shared by the XER and MSPDI readers, date-times, and the choice of reader.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "ripple/plan.hpp"
#include "ripple/schedule_import.hpp"

namespace ripple {

const SourceCalendar* SourceSchedule::find_calendar(const std::string& key) const {
  for (const auto& c : calendars) {
    if (c.id == key) return &c;
  }
  return nullptr;
}

std::optional<Date> source_instant(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  if (text.size() < 10) return std::nullopt;
  const auto day = Date::parse(text.substr(0, 10));
  if (!day) return std::nullopt;
  if (text.size() == 10) return day;
  if (text[10] != ' ' && text[10] != 'T') return std::nullopt;
  const std::string_view time = text.substr(11);
  if (time.size() < 5 || time[2] != ':') return std::nullopt;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!digit(time[0]) || !digit(time[1]) || !digit(time[3]) || !digit(time[4])) {
    return std::nullopt;
  }
  const int hour = (time[0] - '0') * 10 + (time[1] - '0');
  if (hour > 24) return std::nullopt;
  return hour >= 12 ? day->add_days(1) : *day;
}

namespace {

std::string calendar_list(const SourceSchedule& schedule) {
  if (schedule.calendars.empty()) return "no calendars";
  std::string text;
  for (const auto& c : schedule.calendars) text += (text.empty() ? "" : ", ") + c.id;
  return text;
}

}  // namespace

void note_finish_milestone_lags(SourceSchedule& schedule) {
  std::map<std::string, const SourceActivity*> by_key;
  for (const auto& a : schedule.activities) by_key.emplace(a.key, &a);
  for (const auto& a : schedule.activities) {
    for (const auto& link : a.predecessors) {
      const auto it = by_key.find(link.predecessor);
      if (it == by_key.end() || !it->second->is_finish_milestone) continue;
      if (link.lag_hours == 0.0 || link.lag_elapsed) continue;
      schedule.warnings.push_back("link from finish milestone " + it->second->code + " to " +
                                  a.code +
                                  ": its lag counts every day (the milestone's calendar "
                                  "in the scenario), not working days");
    }
  }
}

void check_source_schedule(const SourceSchedule& schedule) {
  std::vector<Diagnostic> problems;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < schedule.activities.size(); ++i) {
    index.emplace(schedule.activities[i].key, i);
  }
  std::map<std::string, const SourceProject*> projects;
  for (const auto& p : schedule.projects) projects.emplace(p.key, &p);
  for (const auto& a : schedule.activities) {
    const auto project = projects.find(a.project_key);
    if (project == projects.end()) {
      problems.push_back(
          {a.mark, "activity " + a.code + " belongs to unknown project '" + a.project_key + "'"});
      continue;
    }
    if (!a.calendar_key.empty() && schedule.find_calendar(a.calendar_key) == nullptr) {
      problems.push_back({a.calendar_mark, a.calendar_field + " = '" + a.calendar_key +
                                               "': unknown calendar (activity " + a.code +
                                               "; the file defines " + calendar_list(schedule) +
                                               ")"});
    }
    for (const auto& link : a.predecessors) {
      if (index.count(link.predecessor) == 0) {
        problems.push_back({link.mark, link.field + " = '" + link.predecessor +
                                           "': unknown activity (predecessor of " + a.code + ")"});
      }
    }
  }
  for (const auto& p : schedule.projects) {
    if (!p.calendar_key.empty() && schedule.find_calendar(p.calendar_key) == nullptr) {
      problems.push_back({p.calendar_mark, p.calendar_field + " = '" + p.calendar_key +
                                               "': unknown calendar (project " + p.code +
                                               "; the file defines " + calendar_list(schedule) +
                                               ")"});
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  // Cycles, with the dependency graph's own finder (plan.hpp).
  PlanGraph graph(schedule.activities.size());
  std::map<std::pair<Vertex, Vertex>, const SourceLink*> links;
  for (std::size_t i = 0; i < schedule.activities.size(); ++i) {
    for (const auto& link : schedule.activities[i].predecessors) {
      const Vertex from = index.at(link.predecessor);
      boost::add_edge(from, i, graph);
      links.emplace(std::pair{from, i}, &link);
    }
  }
  for (const auto& cycle : find_cycles(graph)) {
    std::string message = "relationship cycle: ";
    for (const Vertex v : cycle) message += schedule.activities[v].code + " -> ";
    message += schedule.activities[cycle.front()].code;
    // Reported at the link that closes the cycle onto its first activity.
    const SourceLink& link = *links.at({cycle.back(), cycle.front()});
    problems.push_back({link.mark, link.field + " = '" + link.predecessor + "': " + message});
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

SourceSchedule read_schedule_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RuntimeError("cannot open schedule '" + path + "'");
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.erase(0, 3);
  if (head.rfind("ERMHDR", 0) == 0) return read_xer(path);
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && head[first] == '<') return read_mspdi(path);
  throw InputError(Mark{path, 1, 1},
                   "not a schedule file: a P6 XER file starts with an ERMHDR line and an MS "
                   "Project XML (MSPDI) file with an XML <Project> element");
}

}  // namespace ripple
