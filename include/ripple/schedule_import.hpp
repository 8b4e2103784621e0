#pragma once
/// Schedules from Primavera P6 (XER) and Microsoft Project (MSPDI XML) as ripple scenarios.
/// docs/import.md describes the mapping of every table, element and code.
///
/// Reading gives a SourceSchedule: the file's projects, activities, relationships and
/// calendars in the file's own terms (codes, hours), checked: every relationship names a known
/// activity, every activity a known calendar, the relationships form no cycle. Problems are
/// InputErrors (exit 3) naming the file, the line (XER rows; XML elements by their line) and the
/// rule. What the file holds and ripple cannot represent goes to SourceSchedule::warnings, one
/// line each, never dropped silently.
///
/// Writing turns a SourceSchedule into scenario YAML (write_scenario_yaml): one ripple project per
/// source project, phases and milestones from activities, the relationships with their types and
/// lags in working hours, working calendars, `finish_links: shift` (the source tools keep an
/// activity's duration on FF/SF links), not-before constraints, actual dates and status, the WBS
/// as a comment. Values the file lacks (region, sector, capex, jobs) come from an ImportMap or
/// are written as `TODO ...` placeholders that the scenario reader reports, each at its line.
///
/// Times of day: ripple counts whole days. A source date-time before noon is the start of that
/// day; at or after noon it is the end of that day, i.e. the next day's date (a P6 finish on
/// Friday 17:00 is ripple's 2026-03-14 for Friday 2026-03-13).

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/error.hpp"
#include "ripple/scenario.hpp"
#include "ripple/work_calendar.hpp"

namespace ripple {

/// A calendar as the source file defines it: `id` is the file's calendar id
/// (CALENDAR.clndr_id, Calendar/UID), `name` as written.
using SourceCalendar = WorkCalendar;

/// A relationship: this activity depends on `predecessor`.
struct SourceLink {
  std::string predecessor;  ///< the predecessor's SourceActivity::key
  DependencyType type = DependencyType::kFinishToStart;
  double lag_hours = 0.0;    ///< working hours (negative: a lead)
  bool lag_elapsed = false;  ///< the lag is elapsed time: lag_hours / 24 calendar days
  Mark mark;                 ///< of the predecessor reference
  std::string field;         ///< its name in messages ("TASKPRED.pred_task_id")
};

/// An activity (P6 TASK, MSPDI Task).
struct SourceActivity {
  std::string key;   ///< the file's unique id (task_id, UID)
  std::string code;  ///< the planner's code (task_code; MSPDI: WBS code or ID)
  std::string name;
  std::string project_key;       ///< SourceProject::key
  std::vector<std::string> wbs;  ///< WBS path, outermost first ("code name" per level)
  bool is_milestone = false;
  /// A milestone dated at the end of its predecessors' work (P6 TT_FinMile; every MS Project
  /// milestone), not at the start of the next working day: the scenario puts it on a calendar
  /// where every day works, so that it does not move to a working day.
  bool is_finish_milestone = false;
  double duration_hours = 0.0;            ///< planned (original) working hours
  std::optional<double> remaining_hours;  ///< started, not finished: working hours left
  std::string calendar_key;               ///< SourceCalendar::key; empty: the project's
  std::optional<Date> actual_start;
  std::optional<Date> actual_finish;
  std::optional<Date> not_before;   ///< start-no-earlier-than constraint
  std::optional<Date> fixed_date;   ///< a milestone's must-start-on date (a ripple `date`)
  std::optional<Date> early_start;  ///< as the file records them, ripple days
  std::optional<Date> early_finish;
  std::vector<SourceLink> predecessors;
  Mark mark;
  Mark calendar_mark;          ///< of the calendar reference
  std::string calendar_field;  ///< its name in messages ("TASK.clndr_id")
};

/// A project (P6 PROJECT; MSPDI has one per file).
struct SourceProject {
  std::string key;
  std::string code;
  std::string name;
  std::optional<Date> data_date;  ///< status date: work not done starts no earlier
  std::optional<Date> start;      ///< planned start
  std::string calendar_key;       ///< default calendar of its activities
  Mark mark;
  Mark calendar_mark;
  std::string calendar_field;
};

/// What a schedule file holds, checked.
struct SourceSchedule {
  std::string path;
  std::string format;  ///< "Primavera P6 XER" or "MS Project MSPDI"
  std::vector<SourceProject> projects;
  std::vector<SourceActivity> activities;
  std::vector<SourceCalendar> calendars;
  std::vector<std::string> warnings;  ///< what the scenario cannot carry, one line each
  bool ids_from_names = false;        ///< ripple ids from activity names (no codes in the format)

  [[nodiscard]] const SourceCalendar* find_calendar(const std::string& key) const;
};

/// Reads a P6 XER file. Throws InputError (exit 3) for a file that is not XER, a missing table
/// (PROJECT, TASK, TASKPRED, CALENDAR) or field, a bad value, a relationship to an unknown
/// activity, an unknown calendar or a cycle; RuntimeError when the file cannot be read.
[[nodiscard]] SourceSchedule read_xer(const std::string& path);
/// Reads an MSPDI XML file (pugixml). Errors as read_xer(), at the element's line.
[[nodiscard]] SourceSchedule read_mspdi(const std::string& path);
/// read_xer() or read_mspdi() by the file's content (ERMHDR first line, or an XML Project
/// element); InputError when it is neither.
[[nodiscard]] SourceSchedule read_schedule_file(const std::string& path);

/// Values the source file lacks, by code. A code is an activity code, a WBS code, a project
/// code or `*` (everything). Activity fields: capex_m, construction_jobs, permanent_jobs and
/// categories (YAML text of the categories map); project fields: region, sector. The most
/// specific code wins: activity, then its WBS from the innermost, then its project, then `*`.
struct ImportMap {
  std::map<std::string, std::map<std::string, std::string>> values;  ///< code -> field -> YAML
};

/// Reads a map file: YAML `{code: {field: value}}` or CSV with a header `code,<field>,...` (an
/// empty cell is no value). Throws InputError for unknown fields and malformed files.
[[nodiscard]] ImportMap load_import_map(const std::string& path);

/// The scenario YAML of a checked schedule, placeholders where `map` has no value.
[[nodiscard]] std::string write_scenario_yaml(const SourceSchedule& schedule, const ImportMap& map);

/// Checks relationships, calendars and cycles of a schedule read by a format reader; throws
/// InputError with one diagnostic per problem. Called by read_xer() and read_mspdi().
void check_source_schedule(const SourceSchedule& schedule);
/// Adds a warning for each working lag on a link out of a finish milestone (the scenario counts
/// it on the milestone's every-day calendar). Called by read_xer() and read_mspdi().
void note_finish_milestone_lags(SourceSchedule& schedule);

/// A source date-time "YYYY-MM-DD[ T]HH:MM[:SS]" as a ripple day: before noon the start of that
/// day, at or after noon the end of it (the next day). nullopt when malformed.
[[nodiscard]] std::optional<Date> source_instant(std::string_view text);

}  // namespace ripple
