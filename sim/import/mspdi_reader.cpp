// MS Project XML (MSPDI): a <Project> with <Calendars>, <Tasks> and <PredecessorLink>s, read with
// pugixml. Positions: pugixml gives byte offsets; messages carry the element's line and column.
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ripple/schedule_import.hpp"

namespace ripple {
namespace {

class MspdiFile {
 public:
  explicit MspdiFile(const std::string& path) : path_(path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuntimeError("cannot open schedule '" + path + "'");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text_ = buffer.str();
    const auto result = doc_.load_buffer(text_.data(), text_.size());
    if (!result) {
      throw InputError(at_offset(result.offset),
                       std::string("not well-formed XML: ") + result.description());
    }
  }

  Mark at_offset(std::ptrdiff_t offset) const {
    const auto end = static_cast<std::size_t>(
        std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text_.size())));
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < end; ++i) {
      if (text_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    return Mark{path_, line, static_cast<int>(end - line_start) + 1};
  }
  Mark mark(const pugi::xml_node& node) const { return at_offset(node.offset_debug()); }
  const pugi::xml_document& doc() const { return doc_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string text_;
  pugi::xml_document doc_;
};

// Element text of a child, trimmed; empty when absent.
std::string child_text(const pugi::xml_node& node, const char* name) {
  std::string text = node.child(name).text().as_string();
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

class MspdiReader {
 public:
  explicit MspdiReader(const MspdiFile& file) : file_(&file) {}

  [[noreturn]] void bad(const pugi::xml_node& element, const std::string& path,
                        const std::string& rule) const {
    throw InputError(file_->mark(element),
                     path + " = '" + std::string(element.text().as_string()) + "': " + rule);
  }

  std::optional<Date> instant(const pugi::xml_node& parent, const char* name,
                              const std::string& path) const {
    const pugi::xml_node element = parent.child(name);
    if (!element) return std::nullopt;
    const std::string text = child_text(parent, name);
    if (text.empty() || text == "NA") return std::nullopt;
    const auto date = source_instant(text);
    if (!date) bad(element, path + "/" + name, "expected a date-time YYYY-MM-DDTHH:MM:SS");
    return date;
  }

  long long integer(const pugi::xml_node& parent, const char* name, const std::string& path,
                    long long fallback) const {
    const pugi::xml_node element = parent.child(name);
    const std::string text = child_text(parent, name);
    if (!element || text.empty()) return fallback;
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (*end != '\0') bad(element, path + "/" + name, "expected a whole number");
    return value;
  }

  // An xsd:duration as MS Project writes it, PT<h>H<m>M<s>S (optionally P<d>D...: 24-hour
  // days), in hours.
  double hours(const pugi::xml_node& parent, const char* name, const std::string& path) const {
    const pugi::xml_node element = parent.child(name);
    const std::string text = child_text(parent, name);
    if (!element || text.empty()) return 0.0;
    double total = 0.0;
    bool in_time = false;
    bool ok = !text.empty() && text[0] == 'P';
    std::size_t i = 1;
    while (ok && i < text.size()) {
      if (text[i] == 'T') {
        in_time = true;
        ++i;
        continue;
      }
      char* end = nullptr;
      const double value = std::strtod(text.c_str() + i, &end);
      const auto used = static_cast<std::size_t>(end - (text.c_str() + i));
      if (used == 0 || i + used >= text.size()) {
        ok = false;
        break;
      }
      const char unit = text[i + used];
      if (!in_time && unit == 'D') {
        total += value * 24.0;
      } else if (in_time && unit == 'H') {
        total += value;
      } else if (in_time && unit == 'M') {
        total += value / 60.0;
      } else if (in_time && unit == 'S') {
        total += value / 3600.0;
      } else {
        ok = false;
      }
      i += used + 1;
    }
    if (!ok) bad(element, path + "/" + name, "expected a duration such as PT80H0M0S");
    return total;
  }

 private:
  const MspdiFile* file_;
};

// Hours of a WorkingTimes list (FromTime/ToTime HH:MM:SS).
double working_hours(const pugi::xml_node& weekday) {
  double total = 0.0;
  for (const auto& wt : weekday.child("WorkingTimes").children("WorkingTime")) {
    const auto minutes = [](const std::string& t) {
      if (t.size() < 5) return 0;
      return std::stoi(t.substr(0, 2)) * 60 + std::stoi(t.substr(3, 2));
    };
    int from = minutes(child_text(wt, "FromTime"));
    int to = minutes(child_text(wt, "ToTime"));
    if (to <= from) to += 24 * 60;  // 00:00 as the end of the day
    total += (to - from) / 60.0;
  }
  return total;
}

void read_calendar(const MspdiReader& r, const pugi::xml_node& node, const std::string& path,
                   SourceCalendar& c, std::vector<std::string>& warnings) {
  bool any_weekday = false;
  double hours = 0.0;
  for (const auto& wd : node.child("WeekDays").children("WeekDay")) {
    const long long type = r.integer(wd, "DayType", path + "/WeekDays/WeekDay", -1);
    const bool working = r.integer(wd, "DayWorking", path + "/WeekDays/WeekDay", 0) != 0;
    if (type >= 1 && type <= 7) {
      if (!any_weekday) c.weekdays.fill(false);
      any_weekday = true;
      // 1 = Sunday ... 7 = Saturday; ripple counts Monday first.
      c.weekdays[static_cast<std::size_t>((type + 5) % 7)] = working;
      if (working && hours == 0.0) hours = working_hours(wd);
    } else if (type == 0) {  // an exception, the pre-2007 way
      const auto period = wd.child("TimePeriod");
      const auto from = r.instant(period, "FromDate", path + "/WeekDays/WeekDay/TimePeriod");
      const auto to = r.instant(period, "ToDate", path + "/WeekDays/WeekDay/TimePeriod");
      if (!from || !to) continue;
      if (working) {
        warnings.push_back("calendar " + c.name + ": working exception from " + from->to_string() +
                           " not imported (ripple's calendars have whole working days)");
      } else {
        c.holidays.push_back({*from, to->add_days(-1) < *from ? *from : to->add_days(-1)});
      }
    }
  }
  if (hours > 0.0) c.hours_per_day = hours;
  for (const auto& ex : node.child("Exceptions").children("Exception")) {
    const std::string ex_path = path + "/Exceptions/Exception";
    const auto period = ex.child("TimePeriod");
    const auto from = r.instant(period, "FromDate", ex_path + "/TimePeriod");
    const auto to = r.instant(period, "ToDate", ex_path + "/TimePeriod");
    const bool working = r.integer(ex, "DayWorking", ex_path, 0) != 0;
    const long long type = r.integer(ex, "Type", ex_path, 1);
    if (!from || !to) continue;
    if (type != 1) {
      warnings.push_back("calendar " + c.name + ": recurring exception '" + child_text(ex, "Name") +
                         "' (Type " + std::to_string(type) +
                         ") not imported; only daily ranges are");
    } else if (working) {
      warnings.push_back("calendar " + c.name + ": working exception '" + child_text(ex, "Name") +
                         "' not imported (ripple's calendars have whole working days)");
    } else {
      // ToDate is the end of the last day (23:59): before noon rules make it the next day.
      c.holidays.push_back({*from, to->add_days(-1) < *from ? *from : to->add_days(-1)});
    }
  }
  if (std::none_of(c.weekdays.begin(), c.weekdays.end(), [](bool b) { return b; })) {
    throw InputError(c.mark, path + ": the calendar has no working weekday");
  }
}

}  // namespace

SourceSchedule read_mspdi(const std::string& path) {
  const MspdiFile file(path);
  const MspdiReader r(file);
  SourceSchedule schedule;
  schedule.path = path;
  schedule.format = "MS Project MSPDI";
  schedule.ids_from_names = true;  // MS Project has no activity codes
  const pugi::xml_node root = file.doc().document_element();
  if (std::string(root.name()) != "Project") {
    throw InputError(file.mark(root), std::string("not an MSPDI file: the root element is <") +
                                          root.name() + ">, not <Project>");
  }
  for (const char* required : {"Tasks", "Calendars"}) {
    if (!root.child(required)) {
      throw InputError(file.mark(root), std::string("Project: missing element <") + required +
                                            "> (an MSPDI schedule holds Calendars and Tasks)");
    }
  }

  SourceProject project;
  project.key = "project";
  project.name = child_text(root, "Title");
  if (project.name.empty()) project.name = child_text(root, "Name");
  if (project.name.empty()) project.name = "Imported project";
  project.code = child_text(root, "Name").empty() ? project.name : child_text(root, "Name");
  project.mark = file.mark(root);
  project.start = r.instant(root, "StartDate", "Project");
  project.data_date = r.instant(root, "StatusDate", "Project");
  if (!project.data_date) project.data_date = project.start;
  project.calendar_key = child_text(root, "CalendarUID");
  project.calendar_mark = file.mark(root.child("CalendarUID"));
  project.calendar_field = "Project/CalendarUID";
  const double minutes_per_day =
      static_cast<double>(r.integer(root, "MinutesPerDay", "Project", 480));

  for (const auto& node : root.child("Calendars").children("Calendar")) {
    SourceCalendar c;
    c.id = child_text(node, "UID");
    c.name = child_text(node, "Name");
    c.mark = file.mark(node);
    c.hours_per_day = minutes_per_day / 60.0;
    const std::string cal_path = "Calendars/Calendar[UID=" + c.id + "]";
    if (r.integer(node, "IsBaseCalendar", cal_path, 1) == 0 &&
        !child_text(node, "BaseCalendarUID").empty() && !node.child("WeekDays")) {
      continue;  // a resource calendar that only inherits: not used by tasks
    }
    read_calendar(r, node, cal_path, c, schedule.warnings);
    schedule.calendars.push_back(std::move(c));
  }

  // Summary tasks group their children (the outline) and give the WBS path.
  std::vector<std::string> outline;  // [level - 1] = "WBS name" of the open summaries
  for (const auto& node : root.child("Tasks").children("Task")) {
    const std::string uid = child_text(node, "UID");
    const std::string task_path = "Tasks/Task[UID=" + uid + "]";
    if (r.integer(node, "IsNull", task_path, 0) != 0) continue;
    const long long level = r.integer(node, "OutlineLevel", task_path, 1);
    const bool summary = r.integer(node, "Summary", task_path, 0) != 0;
    const std::string name = child_text(node, "Name");
    const std::string wbs = child_text(node, "WBS");
    if (level <= 0) continue;  // the project summary task
    if (static_cast<long long>(outline.size()) >= level)
      outline.resize(static_cast<std::size_t>(level - 1));
    if (summary) {
      while (static_cast<long long>(outline.size()) < level - 1) outline.emplace_back();
      outline.push_back(wbs.empty() ? name : wbs + " " + name);
      if (node.child("PredecessorLink")) {
        schedule.warnings.push_back("summary task " + name +
                                    ": its relationships are not "
                                    "imported (ripple links activities, not summaries)");
      }
      continue;
    }
    SourceActivity a;
    a.key = uid;
    a.code = wbs.empty() ? child_text(node, "ID") : wbs;
    a.name = name;
    a.project_key = project.key;
    for (const auto& w : outline) {
      if (!w.empty()) a.wbs.push_back(w);
    }
    a.mark = file.mark(node);
    a.is_milestone = r.integer(node, "Milestone", task_path, 0) != 0;
    a.is_finish_milestone = a.is_milestone;  // MS Project dates a milestone at its finish
    a.duration_hours = r.hours(node, "Duration", task_path);
    const long long format = r.integer(node, "DurationFormat", task_path, 7);
    if (format == 4 || format == 6 || format == 8 || format == 10 || format == 12) {
      schedule.warnings.push_back("task " + a.code + ": elapsed duration imported as working time");
    }
    const std::string calendar = child_text(node, "CalendarUID");
    if (!calendar.empty() && calendar != "-1") {
      a.calendar_key = calendar;
      a.calendar_mark = file.mark(node.child("CalendarUID"));
      a.calendar_field = task_path + "/CalendarUID";
    }
    a.actual_start = r.instant(node, "ActualStart", task_path);
    a.actual_finish = r.instant(node, "ActualFinish", task_path);
    if (a.actual_finish && !a.actual_start) a.actual_start = r.instant(node, "Start", task_path);
    if (a.actual_start && !a.actual_finish)
      a.remaining_hours = r.hours(node, "RemainingDuration", task_path);
    a.early_start = r.instant(node, "EarlyStart", task_path);
    a.early_finish = r.instant(node, "EarlyFinish", task_path);
    if (!a.early_start) a.early_start = r.instant(node, "Start", task_path);
    if (!a.early_finish) a.early_finish = r.instant(node, "Finish", task_path);
    const long long constraint = r.integer(node, "ConstraintType", task_path, 0);
    if (constraint == 4) {
      a.not_before = r.instant(node, "ConstraintDate", task_path);
      if (!a.not_before) {
        throw InputError(file.mark(node.child("ConstraintType")),
                         task_path +
                             "/ConstraintType = '4': start no earlier than needs a "
                             "ConstraintDate");
      }
    } else if (constraint == 2 && a.is_milestone && r.instant(node, "ConstraintDate", task_path)) {
      a.fixed_date = r.instant(node, "ConstraintDate", task_path);  // must start on
    } else if (constraint < 0 || constraint > 7) {
      r.bad(node.child("ConstraintType"), task_path + "/ConstraintType",
            "unknown constraint type (0 to 7)");
    } else if (constraint != 0) {
      static const char* const kNames[] = {"as soon as possible",    "as late as possible",
                                           "must start on",          "must finish on",
                                           "start no earlier than",  "start no later than",
                                           "finish no earlier than", "finish no later than"};
      schedule.warnings.push_back("task " + a.code + ": constraint '" + kNames[constraint] +
                                  "' not imported (ripple keeps start no earlier than only)");
    }
    if (!child_text(node, "Deadline").empty()) {
      schedule.warnings.push_back("task " + a.code + ": deadline not imported");
    }
    for (const auto& link_node : node.children("PredecessorLink")) {
      const std::string link_path = task_path + "/PredecessorLink";
      SourceLink link;
      link.predecessor = child_text(link_node, "PredecessorUID");
      link.mark = file.mark(link_node.child("PredecessorUID"));
      link.field = link_path + "/PredecessorUID";
      switch (r.integer(link_node, "Type", link_path, 1)) {
        case 0:
          link.type = DependencyType::kFinishToFinish;
          break;
        case 1:
          link.type = DependencyType::kFinishToStart;
          break;
        case 2:
          link.type = DependencyType::kStartToFinish;
          break;
        case 3:
          link.type = DependencyType::kStartToStart;
          break;
        default:
          r.bad(link_node.child("Type"), link_path + "/Type",
                "unknown link type (0 FF, 1 FS, 2 SF, 3 SS)");
      }
      const long long lag = r.integer(link_node, "LinkLag", link_path, 0);  // tenths of a minute
      const long long lag_format = r.integer(link_node, "LagFormat", link_path, 7);
      if (lag_format == 19 || lag_format == 20 || lag_format == 51 || lag_format == 52) {
        if (lag != 0) {
          schedule.warnings.push_back("task " + a.code + ": percentage lag on the link from " +
                                      link.predecessor + " not imported (lag 0)");
        }
      } else {
        link.lag_hours = static_cast<double>(lag) / 600.0;
        link.lag_elapsed = lag_format == 4 || lag_format == 6 || lag_format == 8 ||
                           lag_format == 10 || lag_format == 12;
      }
      if (r.integer(link_node, "CrossProject", link_path, 0) != 0) {
        schedule.warnings.push_back("task " + a.code + ": cross-project link to " +
                                    child_text(link_node, "CrossProjectName") + " not imported");
        continue;
      }
      a.predecessors.push_back(std::move(link));
    }
    schedule.activities.push_back(std::move(a));
  }
  for (const char* unsupported : {"Resources", "Assignments"}) {
    const auto node = root.child(unsupported);
    const auto count = std::distance(node.children().begin(), node.children().end());
    if (count > 0) {
      schedule.warnings.push_back(std::string("<") + unsupported + "> (" + std::to_string(count) +
                                  (count == 1 ? " element" : " elements") + ") not imported");
    }
  }
  schedule.projects.push_back(std::move(project));
  check_source_schedule(schedule);
  note_finish_milestone_lags(schedule);
  return schedule;
}

}  // namespace ripple
