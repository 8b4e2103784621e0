// A checked SourceSchedule as scenario YAML (docs/import.md), and the --map files that fill in
// what the schedule lacks.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ripple/schedule_import.hpp"

namespace ripple {
namespace {

const std::set<std::string> kActivityFields = {"capex_m", "construction_jobs", "permanent_jobs",
                                               "categories"};
const std::set<std::string> kProjectFields = {"region", "sector"};
constexpr const char* kEveryDay = "every_day";

std::string slug(const std::string& text, const std::string& fallback) {
  std::string id;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      id.push_back(static_cast<char>(std::tolower(c)));
    } else if (!id.empty() && id.back() != '_') {
      id.push_back('_');
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  if (id.size() > 40) id.resize(40);
  while (!id.empty() && id.back() == '_') id.pop_back();
  return id.empty() ? fallback : id;
}

// Unique ids within one space: a second `x` becomes `x_2`.
class IdSpace {
 public:
  std::string take(const std::string& wanted) {
    std::string id = wanted;
    for (int n = 2; used_.count(id) > 0; ++n) id = wanted + "_" + std::to_string(n);
    used_.insert(id);
    return id;
  }

 private:
  std::set<std::string> used_;
};

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n' || c == '\t') {
      out.push_back(' ');
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

std::string number_text(double value) {
  std::ostringstream out;
  out.precision(10);
  out << value;
  return out.str();
}

// Working hours as `N wd` when they are whole days of the calendar, else `N h`.
std::string working_time(double hours, double hours_per_day) {
  const double days = hours / hours_per_day;
  if (std::abs(days - std::round(days)) < 1e-9) return number_text(std::round(days)) + " wd";
  return number_text(hours) + " h";
}

std::string weekday_list(const std::array<bool, 7>& weekdays) {
  static const char* const kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::string text;
  for (std::size_t i = 0; i < 7; ++i) {
    if (weekdays[i]) text += std::string(text.empty() ? "" : ", ") + kNames[i];
  }
  return "[" + text + "]";
}

class Writer {
 public:
  Writer(const SourceSchedule& s, const ImportMap& map) : s_(s), map_(map) {}

  std::string write() {
    assign_ids();
    const Date as_of = data_date();
    out_ << "# Scenario skeleton written by `ripple import` from " << s_.path << " (" << s_.format
         << ").\n"
         << "# Values the schedule does not hold are `TODO ...` placeholders: `ripple validate`\n"
         << "# points at each one; `ripple import --map FILE` fills them in (docs/import.md).\n";
    for (const auto& w : s_.warnings) out_ << "# warning: " << w << "\n";
    out_ << "scenario:\n"
         << "  name: " << quoted(s_.projects.empty() ? "Imported" : s_.projects[0].name) << "\n"
         << "  as_of: " << as_of.to_string() << "\n"
         << "  finish_links: shift  # P6 and MS Project keep durations on FF/SF links\n";
    write_horizon(as_of);
    write_calendars();
    out_ << "projects:\n";
    for (std::size_t p = 0; p < s_.projects.size(); ++p) write_project(p, as_of);
    return out_.str();
  }

 private:
  void assign_ids() {
    IdSpace projects;
    for (const auto& p : s_.projects) {
      project_ids_[p.key] = projects.take(slug(p.code, "project"));
    }
    std::map<std::string, IdSpace> spaces;  // per project
    for (const auto& a : s_.activities) {
      const std::string base = slug(s_.ids_from_names ? a.name : a.code, "activity");
      activity_ids_[a.key] = spaces[a.project_key].take(base);
    }
    IdSpace calendars;
    calendars.take(kEveryDay);
    for (const auto& c : s_.calendars) {
      calendar_ids_[c.id] = calendars.take(slug(c.name, "calendar_" + slug(c.id, "x")));
    }
  }

  Date data_date() const {
    std::optional<Date> latest;
    for (const auto& p : s_.projects) {
      if (p.data_date && (!latest || *p.data_date > *latest)) latest = p.data_date;
    }
    if (latest) return *latest;
    for (const auto& p : s_.projects) {
      if (p.start) return *p.start;
    }
    return Date::from_ymd(2025, 1, 1);
  }

  void write_horizon(Date as_of) {
    Date first = as_of;
    Date last = as_of;
    for (const auto& a : s_.activities) {
      for (const auto& d : {a.actual_start, a.early_start, a.not_before}) {
        if (d) first = std::min(first, *d);
      }
      for (const auto& d : {a.actual_finish, a.early_finish}) {
        if (d) last = std::max(last, *d);
      }
    }
    out_ << "calendar:\n"
         << "  start: " << first.to_month_string() << "\n"
         << "  end: " << Date::from_ymd(last.year() + 2, 12, 1).to_month_string()
         << "  # two years past the last finish in the file\n"
         << "  period: month\n";
  }

  void write_calendars() {
    const bool finish_milestones =
        std::any_of(s_.activities.begin(), s_.activities.end(),
                    [](const SourceActivity& a) { return a.is_finish_milestone; });
    if (s_.calendars.empty() && !finish_milestones) return;
    out_ << "work_calendars:\n";
    if (finish_milestones) {
      // A finish milestone keeps the end of its predecessors' last working day (e.g. Friday
      // 17:00, ripple's Saturday) instead of moving to Monday: on this calendar every day works.
      out_ << "  - id: " << kEveryDay << "  # for finish milestones\n"
           << "    name: \"Every day (finish milestones)\"\n"
           << "    weekdays: [mon, tue, wed, thu, fri, sat, sun]\n";
    }
    for (const auto& c : s_.calendars) {
      out_ << "  - id: " << calendar_ids_[c.id] << "  # " << s_.format << " calendar " << c.id
           << "\n"
           << "    name: " << quoted(c.name) << "\n"
           << "    weekdays: " << weekday_list(c.weekdays) << "\n"
           << "    hours_per_day: " << number_text(c.hours_per_day) << "\n";
      WorkCalendar merged;
      merged.holidays = c.holidays;
      merged.normalise();
      if (merged.holidays.empty()) continue;
      out_ << "    holidays:\n";
      for (const auto& h : merged.holidays) {
        out_ << "      - ";
        if (h.first == h.last) {
          out_ << h.first.to_string() << "\n";
        } else {
          out_ << "[" << h.first.to_string() << ", " << h.last.to_string() << "]\n";
        }
      }
    }
  }

  // The mapped value of a field for a chain of codes, most specific first.
  std::optional<std::string> mapped(const std::vector<std::string>& codes,
                                    const std::string& field) const {
    for (const auto& code : codes) {
      const auto it = map_.values.find(code);
      if (it == map_.values.end()) continue;
      const auto f = it->second.find(field);
      if (f != it->second.end()) return f->second;
    }
    return std::nullopt;
  }

  const SourceCalendar* calendar_of(const SourceActivity& a, const SourceProject& p) const {
    return s_.find_calendar(a.calendar_key.empty() ? p.calendar_key : a.calendar_key);
  }

  void write_project(std::size_t index, Date as_of) {
    const SourceProject& p = s_.projects[index];
    const std::vector<std::string> codes = {p.code, "*"};
    out_ << "  - id: " << project_ids_[p.key] << "  # " << s_.format << " project " << p.code
         << "\n"
         << "    name: " << quoted(p.name) << "\n"
         << "    region: " << mapped(codes, "region").value_or("TODO region id (economy region)")
         << "\n"
         << "    sector: " << mapped(codes, "sector").value_or("TODO sector id (economy sector)")
         << "\n";
    if (!p.calendar_key.empty()) {
      out_ << "    work_calendar: " << calendar_ids_[p.calendar_key] << "\n";
    }
    std::ostringstream phases;
    std::ostringstream milestones;
    for (const auto& a : s_.activities) {
      if (a.project_key != p.key) continue;
      const bool milestone = a.is_milestone || (a.duration_hours <= 0.0 && !a.remaining_hours);
      write_activity(a, p, milestone ? milestones : phases, milestone, as_of);
    }
    if (!phases.str().empty()) {
      out_ << "    phases:\n" << phases.str();
    } else {
      // ripple needs a phase per project: a project of milestones only gets a placeholder.
      out_ << "    phases:\n      - {id: TODO_phase, duration: TODO duration}\n";
    }
    if (!milestones.str().empty()) out_ << "    milestones:\n" << milestones.str();
  }

  void write_activity(const SourceActivity& a, const SourceProject& p, std::ostringstream& out,
                      bool milestone, Date as_of) {
    const SourceCalendar* calendar = calendar_of(a, p);
    const double hpd = calendar ? calendar->hours_per_day : 24.0;
    if (!a.wbs.empty()) {
      std::string path;
      for (const auto& w : a.wbs) path += (path.empty() ? "" : " > ") + w;
      out << "      # WBS: " << path << "\n";
    }
    out << "      - id: " << activity_ids_[a.key] << "  # " << a.code << "\n"
        << "        name: " << quoted(a.name) << "\n";
    if (a.is_finish_milestone) {
      out << "        work_calendar: " << kEveryDay << "  # a finish milestone\n";
    } else if (!a.calendar_key.empty() && a.calendar_key != p.calendar_key) {
      out << "        work_calendar: " << calendar_ids_[a.calendar_key] << "\n";
    }
    if (milestone) {
      if (a.actual_start || a.actual_finish) {
        out << "        date: " << a.actual_start.value_or(*a.actual_finish).to_string()
            << "  # actual\n";
      } else if (a.fixed_date) {
        out << "        date: " << a.fixed_date->to_string() << "  # must start on\n";
      } else if (a.not_before) {
        out << "        not_before: " << a.not_before->to_string() << "\n";
      }
    } else {
      double hours = a.duration_hours;
      std::string note;
      if (a.actual_start && !a.actual_finish) {
        // Under way: the work done up to the data date plus the remaining duration, so that
        // the finish lands where the source tool puts it.
        const double done = calendar ? calendar->working_days_between(*a.actual_start, as_of) * hpd
                                     : static_cast<double>(as_of - *a.actual_start) * 24.0;
        hours = std::max(0.0, done) + a.remaining_hours.value_or(a.duration_hours);
        note = "  # " + working_time(std::max(0.0, done), hpd) + " done by " + as_of.to_string() +
               " + " + working_time(a.remaining_hours.value_or(a.duration_hours), hpd) +
               " remaining; planned " + working_time(a.duration_hours, hpd);
      }
      out << "        duration: " << working_time(hours, hpd) << note << "\n";
      if (a.not_before && !a.actual_start) {
        out << "        not_before: " << a.not_before->to_string() << "\n";
      }
      if (a.actual_start) out << "        actual_start: " << a.actual_start->to_string() << "\n";
      if (a.actual_finish) out << "        actual_finish: " << a.actual_finish->to_string() << "\n";
      if (a.actual_start) {
        out << "        status: " << (a.actual_finish ? "done" : "in_progress") << "\n";
      }
      std::vector<std::string> codes = {a.code};
      for (auto it = a.wbs.rbegin(); it != a.wbs.rend(); ++it) {
        codes.push_back(it->substr(0, it->find(' ')));
      }
      codes.push_back(p.code);
      codes.push_back("*");
      const auto capex = mapped(codes, "capex_m");
      out << "        capex_m: " << capex.value_or("TODO capex in millions") << "\n";
      if (const auto categories = mapped(codes, "categories")) {
        out << "        categories: " << *categories << "\n";
      } else if (capex && std::strtod(capex->c_str(), nullptr) > 0.0) {
        out << "        categories: TODO works, equipment and services shares\n";
      }
      out << "        construction_jobs: "
          << mapped(codes, "construction_jobs").value_or("TODO peak workforce, persons") << "\n";
      if (const auto jobs = mapped(codes, "permanent_jobs")) {
        out << "        permanent_jobs: " << *jobs << "\n";
      }
    }
    if (a.predecessors.empty()) return;
    out << "        depends_on:\n";
    for (const auto& link : a.predecessors) {
      const SourceActivity* pred = nullptr;
      for (const auto& other : s_.activities) {
        if (other.key == link.predecessor) pred = &other;
      }
      std::string on = activity_ids_[link.predecessor];
      if (pred->project_key != a.project_key) on = project_ids_[pred->project_key] + "." + on;
      out << "          - {on: " << on << ", type: " << dependency_type_name(link.type);
      if (link.lag_hours != 0.0) {
        out << ", lag: "
            << (link.lag_elapsed ? number_text(link.lag_hours / 24.0) + " days"
                                 : number_text(link.lag_hours) + " h");
      }
      out << "}  # " << pred->code << "\n";
    }
  }

  const SourceSchedule& s_;
  const ImportMap& map_;
  std::ostringstream out_;
  std::map<std::string, std::string> project_ids_;
  std::map<std::string, std::string> activity_ids_;
  std::map<std::string, std::string> calendar_ids_;
};

void check_field(const std::string& where, const std::string& field, const Mark& mark) {
  if (kActivityFields.count(field) == 0 && kProjectFields.count(field) == 0) {
    throw InputError(mark, where + field +
                               ": unknown field; a map gives region, sector (projects), "
                               "capex_m, construction_jobs, permanent_jobs, categories "
                               "(activities)");
  }
}

ImportMap load_csv_map(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw RuntimeError("cannot open map '" + path + "'");
  ImportMap map;
  std::string line;
  std::vector<std::string> header;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    if (line.back() == ',') cells.emplace_back();
    if (header.empty()) {
      header = cells;
      if (header.empty() || header[0] != "code") {
        throw InputError(Mark{path, number, 1}, "a map's header starts with code");
      }
      for (std::size_t i = 1; i < header.size(); ++i) check_field("", header[i], {path, number, 1});
      continue;
    }
    if (cells.size() != header.size()) {
      throw InputError(Mark{path, number, 1}, "expected " + std::to_string(header.size()) +
                                                  " cells as in the header, got " +
                                                  std::to_string(cells.size()));
    }
    for (std::size_t i = 1; i < cells.size(); ++i) {
      if (!cells[i].empty()) map.values[cells[0]][header[i]] = cells[i];
    }
  }
  return map;
}

}  // namespace

std::string write_scenario_yaml(const SourceSchedule& schedule, const ImportMap& map) {
  return Writer(schedule, map).write();
}

ImportMap load_import_map(const std::string& path) {
  if (path.size() > 4 && path.substr(path.size() - 4) == ".csv") return load_csv_map(path);
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    throw RuntimeError("cannot open map '" + path + "'");
  } catch (const YAML::ParserException& e) {
    throw InputError(Mark{path, e.mark.line + 1, e.mark.column + 1}, "YAML syntax: " + e.msg);
  }
  const auto mark = [&](const YAML::Node& n) {
    return Mark{path, n.Mark().line + 1, n.Mark().column + 1};
  };
  if (!root.IsMap()) {
    throw InputError(Mark{path, 1, 1}, "a map file is {code: {field: value}}");
  }
  ImportMap map;
  for (const auto& entry : root) {
    const std::string code = entry.first.as<std::string>();
    if (!entry.second.IsMap()) {
      throw InputError(mark(entry.second), code + ": expected a map {field: value}");
    }
    for (const auto& field : entry.second) {
      const std::string name = field.first.as<std::string>();
      check_field(code + ".", name, mark(field.first));
      if (field.second.IsScalar()) {
        map.values[code][name] = field.second.Scalar();
      } else {
        YAML::Emitter out;
        out << YAML::Flow << field.second;
        map.values[code][name] = out.c_str();
      }
    }
  }
  return map;
}

}  // namespace ripple
