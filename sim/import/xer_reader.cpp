// Primavera P6 XER: tab-separated tables (%T name, %F field names, %R rows, %E end) after an
// ERMHDR header line. docs/import.md lists the tables and fields read.
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ripple/schedule_import.hpp"
#include "scenario/yaml_values.hpp"

namespace ripple {
namespace {

struct XerRow {
  int line = 0;
  std::vector<std::string> values;
  std::vector<int> columns;  // 1-based column where each value starts
};

struct XerTable {
  std::string name;
  int line = 0;  // of %T
  int fields_line = 0;
  std::vector<std::string> fields;
  std::vector<XerRow> rows;
};

// P6 writes XER in the Windows code page of the exporting machine; text that is not UTF-8 is
// taken as Latin-1 (Windows-1252's printable range for letters) and converted.
std::string utf8(const std::string& text) {
  if (!scenario_yaml::invalid_utf8(text)) return text;
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line, std::vector<int>* columns) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    if (columns) columns->push_back(static_cast<int>(start) + 1);
    parts.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return parts;
}

class XerFile {
 public:
  explicit XerFile(const std::string& path) : path_(path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuntimeError("cannot open schedule '" + path + "'");
    std::string line;
    int number = 0;
    XerTable* current = nullptr;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (number == 1) {
        if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (line.rfind("ERMHDR", 0) != 0) {
          throw InputError(Mark{path, 1, 1}, "not a P6 XER file: the first line must be ERMHDR");
        }
        continue;
      }
      last_line_ = number;
      if (line.empty()) continue;
      std::vector<int> columns;
      auto parts = split_tabs(line, &columns);
      const std::string tag = parts.front();
      if (tag == "%T") {
        if (parts.size() < 2 || parts[1].empty()) {
          throw InputError(Mark{path, number, 1}, "%T line without a table name");
        }
        tables_.push_back({parts[1], number, 0, {}, {}});
        current = &tables_.back();
      } else if (tag == "%F") {
        if (!current) throw InputError(Mark{path, number, 1}, "%F line before any %T table");
        current->fields.assign(parts.begin() + 1, parts.end());
        current->fields_line = number;
      } else if (tag == "%R") {
        if (!current || current->fields.empty()) {
          throw InputError(Mark{path, number, 1}, "%R row before the table's %F field line");
        }
        for (auto& part : parts) part = utf8(part);
        XerRow row{number, {parts.begin() + 1, parts.end()}, {columns.begin() + 1, columns.end()}};
        current->rows.push_back(std::move(row));
      } else if (tag == "%E") {
        current = nullptr;
      } else {
        throw InputError(Mark{path, number, 1},
                         "unexpected line: an XER line starts with %T, %F, %R or %E");
      }
    }
  }

  const XerTable* find(const std::string& name) const {
    for (const auto& t : tables_) {
      if (t.name == name) return &t;
    }
    return nullptr;
  }
  const XerTable& require(const std::string& name) const {
    if (const auto* t = find(name)) return *t;
    throw InputError(Mark{path_, last_line_, 1},
                     "missing table " + name +
                         " (an XER export of a schedule holds PROJECT, TASK, TASKPRED and "
                         "CALENDAR)");
  }
  const std::vector<XerTable>& tables() const { return tables_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::vector<XerTable> tables_;
  int last_line_ = 1;
};

// Field access by name on the rows of one table.
class Fields {
 public:
  Fields(const XerFile& file, const XerTable& table) : file_(&file), table_(&table) {}

  // The index of a field the reader needs.
  std::size_t index(const std::string& field) const {
    for (std::size_t i = 0; i < table_->fields.size(); ++i) {
      if (table_->fields[i] == field) return i;
    }
    throw InputError(Mark{file_->path(), table_->fields_line, 1},
                     "table " + table_->name + " has no field " + field);
  }
  std::optional<std::size_t> find(const std::string& field) const {
    for (std::size_t i = 0; i < table_->fields.size(); ++i) {
      if (table_->fields[i] == field) return i;
    }
    return std::nullopt;
  }
  static std::string get(const XerRow& row, std::size_t i) {
    return i < row.values.size() ? row.values[i] : std::string();
  }
  Mark mark(const XerRow& row, std::size_t i) const {
    return Mark{file_->path(), row.line,
                i < row.columns.size() ? row.columns[i] : (row.columns.empty() ? 1 : 1)};
  }
  [[noreturn]] void bad(const XerRow& row, std::size_t i, const std::string& rule) const {
    throw InputError(mark(row, i),
                     table_->name + "." + table_->fields[i] + " = '" + get(row, i) + "': " + rule);
  }
  double number(const XerRow& row, std::size_t i) const {
    const std::string text = get(row, i);
    if (text.empty()) return 0.0;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0') bad(row, i, "expected a number");
    return value;
  }
  std::optional<Date> instant(const XerRow& row, std::size_t i) const {
    const std::string text = get(row, i);
    if (text.empty()) return std::nullopt;
    const auto date = source_instant(text);
    if (!date) bad(row, i, "expected a date-time YYYY-MM-DD HH:MM");
    return date;
  }

 private:
  const XerFile* file_;
  const XerTable* table_;
};

// CALENDAR.clndr_data: `(0||DaysOfWeek()( (0||1()( (0||0(s|08:00|f|17:00)()) )) ... ))` with
// days 1 = Sunday .. 7 = Saturday, then `(0||Exceptions()( (0||0(d|46104)()) ... ))` with days
// as serial numbers from 1899-12-30; an exception without working periods is a holiday.
void parse_calendar_data(const std::string& data, SourceCalendar& calendar,
                         std::vector<std::string>& warnings) {
  const auto dow = data.find("DaysOfWeek()");
  const auto exceptions = data.find("Exceptions()");
  if (dow != std::string::npos) {
    const std::string days =
        data.substr(dow, exceptions == std::string::npos || exceptions < dow ? std::string::npos
                                                                             : exceptions - dow);
    static const std::regex day_re(R"(\(0\|\|([1-7])\(\)\()");
    std::vector<std::pair<int, std::size_t>> starts;
    for (auto it = std::sregex_iterator(days.begin(), days.end(), day_re);
         it != std::sregex_iterator(); ++it) {
      starts.emplace_back(std::stoi((*it)[1]), static_cast<std::size_t>(it->position()));
    }
    if (!starts.empty()) calendar.weekdays.fill(false);
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t end = k + 1 < starts.size() ? starts[k + 1].second : days.size();
      const bool works =
          days.substr(starts[k].second, end - starts[k].second).find("s|") != std::string::npos;
      // 1 = Sunday ... 7 = Saturday; ripple counts Monday first.
      calendar.weekdays[static_cast<std::size_t>((starts[k].first + 5) % 7)] = works;
    }
  }
  if (exceptions != std::string::npos) {
    const std::string text = data.substr(exceptions);
    static const std::regex exception_re(R"(\(0\|\|\d+\(d\|(\d+)\)\()");
    std::vector<std::pair<int, std::size_t>> starts;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), exception_re);
         it != std::sregex_iterator(); ++it) {
      starts.emplace_back(std::stoi((*it)[1]), static_cast<std::size_t>(it->position()));
    }
    const Date epoch = Date::from_ymd(1899, 12, 30);
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t end = k + 1 < starts.size() ? starts[k + 1].second : text.size();
      const Date day = epoch.add_days(starts[k].first);
      const std::string body = text.substr(starts[k].second, end - starts[k].second);
      // The match itself holds "(d|...)"; working periods appear as "s|".
      if (body.find("s|") != std::string::npos) {
        warnings.push_back("calendar " + calendar.id + " (" + calendar.name +
                           "): working exception on " + day.to_string() +
                           " not imported (ripple's calendars have whole working days)");
      } else {
        calendar.holidays.push_back({day, day});
      }
    }
  }
}

}  // namespace

SourceSchedule read_xer(const std::string& path) {
  const XerFile file(path);
  SourceSchedule schedule;
  schedule.path = path;
  schedule.format = "Primavera P6 XER";

  // Calendars.
  {
    const XerTable& table = file.require("CALENDAR");
    const Fields f(file, table);
    const auto id = f.index("clndr_id");
    const auto name = f.index("clndr_name");
    const auto hours = f.find("day_hr_cnt");
    const auto data = f.index("clndr_data");
    for (const auto& row : table.rows) {
      SourceCalendar c;
      c.id = Fields::get(row, id);
      c.name = Fields::get(row, name);
      c.mark = f.mark(row, id);
      if (hours && !Fields::get(row, *hours).empty()) {
        c.hours_per_day = f.number(row, *hours);
        if (c.hours_per_day <= 0.0 || c.hours_per_day > 24.0) {
          f.bad(row, *hours, "hours per day must be greater than 0 and at most 24");
        }
      }
      parse_calendar_data(Fields::get(row, data), c, schedule.warnings);
      if (std::none_of(c.weekdays.begin(), c.weekdays.end(), [](bool b) { return b; })) {
        f.bad(row, data, "the calendar has no working weekday");
      }
      schedule.calendars.push_back(std::move(c));
    }
  }

  // Projects; their names are the root WBS nodes' names.
  std::map<std::string, std::pair<std::string, std::string>> wbs;  // wbs_id -> (parent, label)
  std::map<std::string, std::string> project_names;
  if (const XerTable* table = file.find("PROJWBS")) {
    const Fields f(file, *table);
    const auto id = f.index("wbs_id");
    const auto parent = f.index("parent_wbs_id");
    const auto code = f.index("wbs_short_name");
    const auto name = f.index("wbs_name");
    const auto project = f.index("proj_id");
    const auto root = f.find("proj_node_flag");
    for (const auto& row : table->rows) {
      if (root && Fields::get(row, *root) == "Y") {
        project_names[Fields::get(row, project)] = Fields::get(row, name);
        continue;
      }
      wbs[Fields::get(row, id)] = {Fields::get(row, parent),
                                   Fields::get(row, code) + " " + Fields::get(row, name)};
    }
  } else {
    schedule.warnings.push_back("no PROJWBS table: activities are imported without their WBS");
  }
  {
    const XerTable& table = file.require("PROJECT");
    const Fields f(file, table);
    const auto id = f.index("proj_id");
    const auto code = f.index("proj_short_name");
    const auto calendar = f.find("clndr_id");
    const auto data_date = f.find("last_recalc_date");
    const auto start = f.find("plan_start_date");
    const auto lag_calendar = f.find("sched_calendar_on_relationship_lag");
    for (const auto& row : table.rows) {
      SourceProject p;
      p.key = Fields::get(row, id);
      p.code = Fields::get(row, code);
      p.name = project_names.count(p.key) ? project_names[p.key] : p.code;
      p.mark = f.mark(row, id);
      if (calendar) {
        p.calendar_key = Fields::get(row, *calendar);
        p.calendar_mark = f.mark(row, *calendar);
        p.calendar_field = "PROJECT.clndr_id";
      }
      if (data_date) p.data_date = f.instant(row, *data_date);
      if (start) p.start = f.instant(row, *start);
      if (lag_calendar && !Fields::get(row, *lag_calendar).empty() &&
          Fields::get(row, *lag_calendar) != "rcal_Predecessor") {
        schedule.warnings.push_back("project " + p.code +
                                    ": lags are counted on the "
                                    "predecessor's calendar, not as " +
                                    Fields::get(row, *lag_calendar));
      }
      schedule.projects.push_back(std::move(p));
    }
  }

  for (const auto& p : schedule.projects) {
    if (p.data_date != schedule.projects.front().data_date) {
      schedule.warnings.push_back("projects " + schedule.projects.front().code + " and " + p.code +
                                  " have different data dates: the scenario's as_of is the "
                                  "latest");
      break;
    }
  }

  // Activities.
  std::map<std::string, std::size_t> activity_index;
  {
    const XerTable& table = file.require("TASK");
    const Fields f(file, table);
    const auto id = f.index("task_id");
    const auto project = f.index("proj_id");
    const auto wbs_id = f.find("wbs_id");
    const auto calendar = f.index("clndr_id");
    const auto code = f.index("task_code");
    const auto name = f.index("task_name");
    const auto type = f.index("task_type");
    const auto status = f.index("status_code");
    const auto duration = f.index("target_drtn_hr_cnt");
    const auto remaining = f.find("remain_drtn_hr_cnt");
    const auto act_start = f.find("act_start_date");
    const auto act_end = f.find("act_end_date");
    const auto early_start = f.find("early_start_date");
    const auto early_end = f.find("early_end_date");
    const auto constraint = f.find("cstr_type");
    const auto constraint_date = f.find("cstr_date");
    const auto constraint2 = f.find("cstr_type2");
    const auto expected_end = f.find("expect_end_date");
    for (const auto& row : table.rows) {
      SourceActivity a;
      a.key = Fields::get(row, id);
      a.project_key = Fields::get(row, project);
      a.code = Fields::get(row, code);
      a.name = Fields::get(row, name);
      a.calendar_key = Fields::get(row, calendar);
      a.mark = f.mark(row, id);
      a.calendar_mark = f.mark(row, calendar);
      a.calendar_field = "TASK.clndr_id";
      if (a.key.empty()) f.bad(row, id, "an activity needs a task_id");
      if (!activity_index.emplace(a.key, schedule.activities.size()).second) {
        f.bad(row, id, "task_id used twice");
      }
      if (wbs_id) {
        std::vector<std::string> levels;
        std::set<std::string> seen;
        for (std::string w = Fields::get(row, *wbs_id); wbs.count(w) && seen.insert(w).second;
             w = wbs[w].first) {
          levels.insert(levels.begin(), wbs[w].second);
        }
        a.wbs = std::move(levels);
      }
      const std::string task_type = Fields::get(row, type);
      if (task_type == "TT_Mile" || task_type == "TT_FinMile") {
        a.is_milestone = true;
        a.is_finish_milestone = task_type == "TT_FinMile";
      } else if (task_type == "TT_LOE" || task_type == "TT_WBS") {
        schedule.warnings.push_back("activity " + a.code + ": " + task_type +
                                    " (level of effort or WBS summary) imported as an ordinary "
                                    "task with its planned duration");
      } else if (task_type != "TT_Task" && task_type != "TT_Rsrc") {
        f.bad(row, type,
              "unknown task type (TT_Task, TT_Rsrc, TT_Mile, TT_FinMile, TT_LOE, TT_WBS)");
      }
      a.duration_hours = f.number(row, duration);
      if (a.duration_hours < 0.0) f.bad(row, duration, "a duration must not be negative");
      const std::string status_code = Fields::get(row, status);
      if (status_code != "TK_NotStart" && status_code != "TK_Active" &&
          status_code != "TK_Complete") {
        f.bad(row, status, "unknown status (TK_NotStart, TK_Active, TK_Complete)");
      }
      if (status_code != "TK_NotStart") {
        if (!act_start || !f.instant(row, *act_start)) {
          f.bad(row, status, "a started activity needs act_start_date");
        }
        a.actual_start = f.instant(row, *act_start);
      }
      if (status_code == "TK_Complete") {
        if (!act_end || !f.instant(row, *act_end)) {
          f.bad(row, status, "a completed activity needs act_end_date");
        }
        a.actual_finish = f.instant(row, *act_end);
      }
      if (status_code == "TK_Active" && remaining) a.remaining_hours = f.number(row, *remaining);
      if (early_start) a.early_start = f.instant(row, *early_start);
      if (early_end) a.early_finish = f.instant(row, *early_end);
      if (constraint) {
        const std::string c = Fields::get(row, *constraint);
        if (c == "CS_MSOA") {
          if (!constraint_date || !f.instant(row, *constraint_date)) {
            f.bad(row, *constraint, "a start-on-or-after constraint needs cstr_date");
          }
          a.not_before = f.instant(row, *constraint_date);
        } else if (c == "CS_MSO" && a.is_milestone && constraint_date &&
                   f.instant(row, *constraint_date)) {
          a.fixed_date = f.instant(row, *constraint_date);
        } else if (!c.empty()) {
          schedule.warnings.push_back("activity " + a.code + ": constraint " + c +
                                      " not imported (ripple keeps start-on-or-after only)");
        }
      }
      if (constraint2 && !Fields::get(row, *constraint2).empty()) {
        schedule.warnings.push_back("activity " + a.code + ": secondary constraint " +
                                    Fields::get(row, *constraint2) + " not imported");
      }
      if (expected_end && !Fields::get(row, *expected_end).empty()) {
        schedule.warnings.push_back("activity " + a.code + ": expected finish " +
                                    Fields::get(row, *expected_end) + " not imported");
      }
      schedule.activities.push_back(std::move(a));
    }
  }

  // Relationships.
  {
    const XerTable& table = file.require("TASKPRED");
    const Fields f(file, table);
    const auto task = f.index("task_id");
    const auto pred = f.index("pred_task_id");
    const auto type = f.index("pred_type");
    const auto lag = f.index("lag_hr_cnt");
    for (const auto& row : table.rows) {
      SourceLink link;
      link.predecessor = Fields::get(row, pred);
      link.mark = f.mark(row, pred);
      link.field = "TASKPRED.pred_task_id";
      const std::string t = Fields::get(row, type);
      if (t == "PR_FS") {
        link.type = DependencyType::kFinishToStart;
      } else if (t == "PR_SS") {
        link.type = DependencyType::kStartToStart;
      } else if (t == "PR_FF") {
        link.type = DependencyType::kFinishToFinish;
      } else if (t == "PR_SF") {
        link.type = DependencyType::kStartToFinish;
      } else {
        f.bad(row, type, "unknown relationship type (PR_FS, PR_SS, PR_FF or PR_SF)");
      }
      link.lag_hours = f.number(row, lag);
      const auto it = activity_index.find(Fields::get(row, task));
      if (it == activity_index.end()) {
        f.bad(row, task, "relationship of an unknown activity (no TASK row has this task_id)");
      }
      schedule.activities[it->second].predecessors.push_back(std::move(link));
    }
  }

  static const std::set<std::string> kRead = {"PROJECT", "PROJWBS", "TASK", "TASKPRED", "CALENDAR"};
  for (const auto& t : file.tables()) {
    if (kRead.count(t.name) == 0) {
      schedule.warnings.push_back("table " + t.name + " (" + std::to_string(t.rows.size()) +
                                  (t.rows.size() == 1 ? " row" : " rows") + ") not imported");
    }
  }
  check_source_schedule(schedule);
  note_finish_milestone_lags(schedule);
  return schedule;
}

}  // namespace ripple
