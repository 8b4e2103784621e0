#pragma once
/// Working calendars: the work week, hours per working day and holidays that P6 and MS Project
/// schedule on. docs/scheduling.md ("Working calendars") explains the mapping with an example.
///
/// ripple's clock stays whole days, and a date is an instant at the start of that day. On a
/// working calendar an activity starts at the start of a working day and finishes at the end of
/// its last working day, which is the start (midnight) of the next calendar day: a 5-working-day
/// activity starting Monday 2026-03-02 on a Monday-Friday week finishes 2026-03-07 (the end of
/// Friday). P6 and MS Project show the same finish as Friday 17:00.
///
/// Durations and lags in working units (`10 wd`, `80 h`) count working days: hours are divided by
/// the calendar's hours per day and rounded up to whole days (ripple does not split a day).
/// Without a calendar, working units use the continuous calendar: every day works, 24 hours
/// (P6's "24 hour" calendar), so `10 wd` is 10 days and `36 h` is 2 days.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/duration.hpp"
#include "ripple/error.hpp"

namespace ripple {

/// An inclusive range of non-working days (a single holiday has first == last).
struct Holiday {
  Date first;
  Date last;
  bool operator==(const Holiday&) const = default;
};

/// A named working calendar.
struct WorkCalendar {
  std::string id;
  std::string name;
  /// Working weekdays, Monday first (index 0 = Monday ... 6 = Sunday); at least one is true.
  std::array<bool, 7> weekdays{true, true, true, true, true, false, false};
  double hours_per_day = 8.0;     ///< working hours in a working day, > 0 and <= 24
  std::vector<Holiday> holidays;  ///< sorted by first day, disjoint: call normalise() after edits
  Mark mark;

  /// Sorts the holidays and merges overlapping or touching ranges.
  void normalise();
  /// True when `day` is a working weekday and not a holiday.
  [[nodiscard]] bool is_working_day(Date day) const;
  /// The first working day on or after `day` (the instant work can start).
  [[nodiscard]] Date work_start(Date day) const;
  /// The end of the last working day before the instant `t`, as the next day's date: `t` itself
  /// when the day before `t` works.
  [[nodiscard]] Date work_end(Date t) const;
  /// The instant `days` whole working days after the instant `from` (negative: before). Zero
  /// returns `from`. Forward: the end of the days-th working day on or after work_start(from);
  /// backward: the start of the days-th working day before work_end(from).
  [[nodiscard]] Date add_working_days(Date from, int days) const;
  /// Working days in [from, to) (negative when to < from).
  [[nodiscard]] int working_days_between(Date from, Date to) const;
  /// True when a holiday falls on a day of [first, last]. Needs normalise()d holidays.
  [[nodiscard]] bool has_holiday(Date first, Date last) const;
};

/// Weekday of a date, 0 = Monday ... 6 = Sunday.
[[nodiscard]] int weekday(Date day);

/// True for working units (working days, working hours).
[[nodiscard]] bool is_working_unit(TimeUnit unit);

/// Whole working days of a working-unit duration on `calendar` (nullptr: the continuous
/// 24-hour calendar): working days as they are, hours / hours_per_day, both rounded up in
/// magnitude (a lead of 4 h on an 8-hour day is 1 day back).
[[nodiscard]] int whole_working_days(const Duration& duration, const WorkCalendar* calendar);

/// The instant `duration` after `from`: working units count working days on `calendar`
/// (nullptr: every day works); calendar units ignore the calendar (duration.hpp).
[[nodiscard]] Date advance(Date from, const Duration& duration, const WorkCalendar* calendar);
/// The instant `duration` before `to`, the inverse of advance() for working and day units.
[[nodiscard]] Date retreat(Date to, const Duration& duration, const WorkCalendar* calendar);
/// When an activity on `calendar` can start at or after the instant `t`: `t` without a calendar.
[[nodiscard]] inline Date start_on(Date t, const WorkCalendar* calendar) {
  return calendar ? calendar->work_start(t) : t;
}
/// When an activity on `calendar` that may finish at `t` finishes on the calendar: the end of the
/// last working day before `t`; `t` without a calendar.
[[nodiscard]] inline Date finish_on(Date t, const WorkCalendar* calendar) {
  return calendar ? calendar->work_end(t) : t;
}

}  // namespace ripple
