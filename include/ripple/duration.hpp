#pragma once
/// Durations with calendar units, as scenario files write them: `18 months`, `2 years`,
/// `90 days`, `6 weeks`, `1 quarter`, `2.5 years`. Month-based units (month, quarter, year)
/// advance by calendar months from the date they are added to; day-based units (day, week) by
/// days. A fractional month advances by that fraction of the next calendar month's length,
/// rounded to the nearest day. Working units (`10 wd`, `80 h`) count working time on a working
/// calendar: work_calendar.hpp resolves them (Duration::after() alone treats them as the
/// continuous 24-hour calendar).

#include <optional>
#include <string>
#include <string_view>

#include "ripple/date.hpp"

namespace ripple {

/// The longest duration ripple accepts, of either sign: 300 years, i.e. 3,600 months or
/// 109,575 days (docs/scenario-format.md, "Ranges"). Longer durations are input errors in a
/// scenario; a sampled or computed one throws DateRangeError when it is applied to a date.
inline constexpr double kMaxDurationYears = 300.0;
inline constexpr double kMaxDurationMonths = kMaxDurationYears * 12.0;
inline constexpr double kMaxDurationDays = kMaxDurationYears * 365.25;

/// The unit a duration is counted in.
enum class TimeUnit { kDays, kWeeks, kMonths, kQuarters, kYears, kWorkDays, kWorkHours };

/// A length of time in a unit. `amount` may be fractional or negative (a negative lag is a
/// lead).
struct Duration {
  double amount = 0.0;
  TimeUnit unit = TimeUnit::kDays;

  /// Parses `<number> <unit>` where unit is day(s), week(s), month(s), quarter(s), year(s),
  /// working days (`wd`, `workday(s)`, `working day(s)`) or working hours (`h`, `hour(s)`,
  /// `working hour(s)`); nullopt otherwise. A bare `0` is zero days.
  [[nodiscard]] static std::optional<Duration> parse(std::string_view text);
  /// The date this duration after `from` (before, if negative). Throws DateRangeError when
  /// the duration is not within_horizon() or the date leaves years 1-9999.
  [[nodiscard]] Date after(Date from) const;
  /// The date this duration before `to`: the inverse of after() for day units; for month units
  /// it counts calendar months back. Throws as after() does.
  [[nodiscard]] Date before(Date to) const;
  /// True when the amount is finite and at most kMaxDurationYears long, either sign (working
  /// days count as days, working hours as hours of 24-hour days).
  [[nodiscard]] bool is_within_horizon() const;
  /// True when the unit is month, quarter or year.
  [[nodiscard]] bool is_calendar() const {
    return unit == TimeUnit::kMonths || unit == TimeUnit::kQuarters || unit == TimeUnit::kYears;
  }
  /// True for working days and working hours (resolved on a calendar, work_calendar.hpp).
  [[nodiscard]] bool is_working() const {
    return unit == TimeUnit::kWorkDays || unit == TimeUnit::kWorkHours;
  }
  /// The amount in the base unit of its family: days for day/week, months for month/quarter/year;
  /// working days and working hours are families of their own (their amount).
  [[nodiscard]] double base_amount() const;
  /// Human form, e.g. "18 months".
  [[nodiscard]] std::string to_string() const;

  bool operator==(const Duration&) const = default;
};

/// Singular name of a unit ("month", "working day").
[[nodiscard]] std::string_view unit_name(TimeUnit unit);

}  // namespace ripple
