// `ripple schedule --format mspdi`: the schedule as MS Project XML, written with pugixml.
#include <pugixml.hpp>

#include <cmath>
#include <ostream>
#include <sstream>
#include <string>

#include "ripple/schedule_report.hpp"
#include "ripple/work_calendar.hpp"

namespace ripple {
namespace {

// UID of the "24 Hours" calendar of activities on calendar days; working calendar k is k + 2.
constexpr int kContinuousCalendar = 1;

// Working hours of a day on a calendar as MS Project writes them: from 08:00, with a lunch hour
// at 12:00 when the day is longer than four hours.
struct DayShape {
  double hours = 24.0;
  // End of the working day in hours after midnight.
  [[nodiscard]] double end() const { return hours >= 24.0 ? 24.0 : 8.0 + hours + (hours > 4.0); }
  [[nodiscard]] double start() const { return hours >= 24.0 ? 0.0 : 8.0; }
};

std::string clock(double hours) {
  const int minutes = static_cast<int>(std::lround(hours * 60.0));
  const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return two(minutes / 60) + ":" + two(minutes % 60) + ":00";
}

std::string date_time(Date day, double hours) {
  if (hours >= 24.0) return day.add_days(1).to_string() + "T00:00:00";
  return day.to_string() + "T" + clock(hours);
}

std::string duration_text(double hours) {
  const int minutes = static_cast<int>(std::lround(hours * 60.0));
  return "PT" + std::to_string(minutes / 60) + "H" + std::to_string(minutes % 60) + "M0S";
}

void add(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).text().set(value.c_str());
}
void add(pugi::xml_node parent, const char* name, long long value) {
  parent.append_child(name).text().set(value);
}

void add_working_time(pugi::xml_node day, double from, double to) {
  auto wt =
      day.child("WorkingTimes") ? day.child("WorkingTimes") : day.append_child("WorkingTimes");
  auto item = wt.append_child("WorkingTime");
  add(item, "FromTime", clock(from));
  add(item, "ToTime", to >= 24.0 ? std::string("00:00:00") : clock(to));
}

void add_calendar(pugi::xml_node calendars, int uid, const std::string& name,
                  const std::array<bool, 7>& weekdays, double hours,
                  const std::vector<Holiday>& holidays) {
  auto c = calendars.append_child("Calendar");
  add(c, "UID", uid);
  add(c, "Name", name);
  add(c, "IsBaseCalendar", 1);
  auto days = c.append_child("WeekDays");
  for (int type = 1; type <= 7; ++type) {  // 1 = Sunday
    const bool works = weekdays[static_cast<std::size_t>((type + 5) % 7)];
    auto day = days.append_child("WeekDay");
    add(day, "DayType", type);
    add(day, "DayWorking", works ? 1 : 0);
    if (!works) continue;
    const DayShape shape{hours};
    if (hours >= 24.0) {
      add_working_time(day, 0.0, 24.0);
    } else if (hours > 4.0) {
      add_working_time(day, 8.0, 12.0);
      add_working_time(day, 13.0, shape.end());
    } else {
      add_working_time(day, 8.0, shape.end());
    }
  }
  if (holidays.empty()) return;
  auto exceptions = c.append_child("Exceptions");
  for (const Holiday& h : holidays) {
    auto e = exceptions.append_child("Exception");
    add(e, "EnteredByOccurrences", 0);
    auto period = e.append_child("TimePeriod");
    add(period, "FromDate", h.first.to_string() + "T00:00:00");
    add(period, "ToDate", h.last.to_string() + "T23:59:00");
    add(e, "Occurrences", 1);
    add(e, "Name", "Holiday");
    add(e, "Type", 1);
    add(e, "DayWorking", 0);
  }
}

}  // namespace

void write_schedule_mspdi(std::ostream& out, const Scenario& scenario, const Schedule& schedule,
                          const Timeline& timeline) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  doc.append_child(pugi::node_comment)
      .set_value(
          (" Written by ripple schedule --format mspdi from " + scenario.path + " ").c_str());
  auto project = doc.append_child("Project");
  project.append_attribute("xmlns") = "http://schemas.microsoft.com/project";
  add(project, "SaveVersion", 14);
  add(project, "Name", scenario.name);
  add(project, "Title", scenario.name);
  add(project, "ScheduleFromStart", 1);
  const Date as_of = scenario.calendar.as_of;
  Date first = as_of;
  for (const auto& p : schedule.activities) {
    for (const auto& a : p) first = std::min(first, a.early_start);
  }
  add(project, "StartDate", date_time(first, 8.0));
  add(project, "StatusDate", date_time(as_of, 8.0));
  add(project, "CalendarUID", kContinuousCalendar);
  add(project, "MinutesPerDay", 480);
  add(project, "MinutesPerWeek", 2400);

  auto calendars = project.append_child("Calendars");
  add_calendar(calendars, kContinuousCalendar, "24 Hours (ripple calendar days)",
               {true, true, true, true, true, true, true}, 24.0, {});
  for (std::size_t k = 0; k < scenario.calendars.size(); ++k) {
    const WorkCalendar& c = scenario.calendars[k];
    add_calendar(calendars, static_cast<int>(k) + 2, c.name.empty() ? c.id : c.name, c.weekdays,
                 c.hours_per_day, c.holidays);
  }
  const auto calendar_uid = [&](const WorkCalendar* c) {
    return c ? static_cast<int>(c - scenario.calendars.data()) + 2 : kContinuousCalendar;
  };

  auto tasks = project.append_child("Tasks");
  int uid = 0;
  {
    auto summary = tasks.append_child("Task");
    add(summary, "UID", uid);
    add(summary, "ID", uid);
    add(summary, "Name", scenario.name);
    add(summary, "OutlineLevel", 0);
    add(summary, "Summary", 1);
  }
  // UIDs: each project's summary, then its activities, in scenario order.
  std::vector<std::vector<int>> uids(scenario.projects.size());
  int next = 1;
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    ++next;
    for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) uids[p].push_back(next++);
  }
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    const Project& project_in = scenario.projects[p];
    uid = uids[p].empty() ? next : uids[p].front() - 1;
    auto summary = tasks.append_child("Task");
    add(summary, "UID", uid);
    add(summary, "ID", uid);
    add(summary, "Name", project_in.name);
    add(summary, "WBS", std::to_string(p + 1));
    add(summary, "OutlineNumber", std::to_string(p + 1));
    add(summary, "OutlineLevel", 1);
    add(summary, "Summary", 1);
    for (std::size_t a = 0; a < project_in.phases.size(); ++a) {
      const Phase& phase = project_in.phases[a];
      const ActivityRef ref{p, a};
      const ActivitySchedule& cpm = schedule.at(ref);
      const ActivityTimes& run = timeline.activities[p][a];
      const WorkCalendar* calendar = scenario.calendar_of(ref);
      const DayShape shape{calendar ? calendar->hours_per_day : 24.0};
      const auto span_hours = [&](Date from, Date to) {
        return calendar ? calendar->working_days_between(from, to) * shape.hours
                        : static_cast<double>(to - from) * 24.0;
      };
      // A finish instant is the end of the working day before it.
      const auto finish_text = [&](Date finish) {
        return phase.is_milestone ? date_time(finish, shape.start())
                                  : date_time(finish.add_days(-1), shape.end());
      };
      auto t = tasks.append_child("Task");
      add(t, "UID", uids[p][a]);
      add(t, "ID", uids[p][a]);
      add(t, "Name", phase.name);
      const std::string wbs = std::to_string(p + 1) + "." + std::to_string(a + 1);
      add(t, "WBS", wbs);
      add(t, "OutlineNumber", wbs);
      add(t, "OutlineLevel", 2);
      add(t, "Summary", 0);
      add(t, "Milestone", phase.is_milestone ? 1 : 0);
      add(t, "Start", date_time(run.start, shape.start()));
      add(t, "Finish", finish_text(run.finish));
      add(t, "Duration",
          duration_text(phase.is_milestone ? 0.0 : span_hours(cpm.early_start, cpm.early_finish)));
      add(t, "DurationFormat", 7);
      add(t, "EarlyStart", date_time(cpm.early_start, shape.start()));
      add(t, "EarlyFinish", finish_text(cpm.early_finish));
      add(t, "LateStart", date_time(cpm.late_start, shape.start()));
      add(t, "LateFinish", finish_text(cpm.late_finish));
      add(t, "TotalSlack", std::llround(cpm.total_float_days * shape.hours * 60.0 * 10.0));
      add(t, "Critical", cpm.is_critical ? 1 : 0);
      add(t, "CalendarUID", calendar_uid(calendar));
      // A milestone that ripple moved over a weekend or holiday to the start of a working day:
      // MS Project would date it at the end of the previous working day, so say "start no
      // earlier than" its date.
      const bool moved_milestone = phase.is_milestone && calendar && !phase.fixed_date &&
                                   calendar->work_end(cpm.early_start) != cpm.early_start &&
                                   (!phase.not_before || *phase.not_before < cpm.early_start);
      if (phase.fixed_date) {
        add(t, "ConstraintType", 2);  // must start on
        add(t, "ConstraintDate", date_time(*phase.fixed_date, shape.start()));
      } else if (moved_milestone) {
        add(t, "ConstraintType", 4);
        add(t, "ConstraintDate", date_time(cpm.early_start, shape.start()));
      } else if (phase.not_before) {
        add(t, "ConstraintType", 4);  // start no earlier than
        add(t, "ConstraintDate", date_time(*phase.not_before, shape.start()));
      }
      if (phase.actual_start) {
        add(t, "ActualStart", date_time(*phase.actual_start, shape.start()));
        if (phase.actual_finish) {
          add(t, "ActualFinish", finish_text(*phase.actual_finish));
          add(t, "PercentComplete", 100);
        } else {
          const double done = span_hours(*phase.actual_start, std::max(*phase.actual_start, as_of));
          const double left = span_hours(std::max(as_of, cpm.early_start), cpm.early_finish);
          add(t, "RemainingDuration", duration_text(left));
          add(t, "PercentComplete",
              done + left > 0.0 ? static_cast<long long>(std::floor(100.0 * done / (done + left)))
                                : 0);
        }
      }
      for (const Dependency& dep : phase.dependencies) {
        auto link = t.append_child("PredecessorLink");
        add(link, "PredecessorUID", uids[dep.predecessor.project][dep.predecessor.activity]);
        int type = 1;
        switch (dep.type) {
          case DependencyType::kFinishToFinish:
            type = 0;
            break;
          case DependencyType::kFinishToStart:
            type = 1;
            break;
          case DependencyType::kStartToFinish:
            type = 2;
            break;
          case DependencyType::kStartToStart:
            type = 3;
            break;
        }
        add(link, "Type", type);
        add(link, "CrossProject", 0);
        // Working lags in working hours of the lag's calendar (LagFormat 5 h, 7 d); calendar
        // lags as elapsed days (8), months as the day count they have on the early dates.
        const WorkCalendar* pred_calendar = scenario.calendar_of(dep.predecessor);
        const WorkCalendar* lag_calendar = pred_calendar ? pred_calendar : calendar;
        double lag_minutes = 0.0;
        int format = 7;
        if (dep.lag.is_working()) {
          const double hpd = lag_calendar ? lag_calendar->hours_per_day : 24.0;
          lag_minutes = whole_working_days(dep.lag, lag_calendar) * hpd * 60.0;
          format = dep.lag.unit == TimeUnit::kWorkHours ? 5 : 7;
        } else {
          const ActivitySchedule& pred = schedule.at(dep.predecessor);
          const bool from_finish = dep.type == DependencyType::kFinishToStart ||
                                   dep.type == DependencyType::kFinishToFinish;
          const Date anchor = from_finish ? pred.early_finish : pred.early_start;
          lag_minutes = static_cast<double>(dep.lag.after(anchor) - anchor) * 24.0 * 60.0;
          format = 8;
        }
        add(link, "LinkLag", std::llround(lag_minutes * 10.0));
        add(link, "LagFormat", format);
      }
    }
  }
  std::ostringstream text;
  doc.save(text, "  ", pugi::format_default, pugi::encoding_utf8);
  out << text.str();
}

}  // namespace ripple
