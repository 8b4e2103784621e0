#pragma once
/// Calendar dates as whole days. ripple's clock is an integer day count (days since 1970-01-01,
/// the civil calendar, proleptic Gregorian); months, quarters and years are a calendar layer on
/// top (see duration.hpp). Scenario files write dates as YYYY-MM (the first day of that month)
/// or YYYY-MM-DD.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ripple {

/// A calendar day. Trivially copyable; compares and subtracts as a day count.
class Date {
 public:
  constexpr Date() = default;
  /// The date `days` days after 1970-01-01 (negative before).
  static constexpr Date from_days(int days) {
    Date d;
    d.days_ = days;
    return d;
  }
  /// The date of a civil year, month (1-12) and day (1-31); the day must exist in that month.
  static Date from_ymd(int year, int month, int day);
  /// Parses YYYY-MM (first day of the month) or YYYY-MM-DD; nullopt when the text is not a
  /// valid date of either form.
  [[nodiscard]] static std::optional<Date> parse(std::string_view text);

  [[nodiscard]] constexpr int days() const { return days_; }
  [[nodiscard]] int year() const;
  [[nodiscard]] int month() const;  ///< 1-12
  [[nodiscard]] int day() const;    ///< 1-31

  /// YYYY-MM-DD.
  [[nodiscard]] std::string to_string() const;
  /// YYYY-MM, the form of dates in output files.
  [[nodiscard]] std::string to_month_string() const;

  /// The date `months` calendar months later (earlier when negative), the day clamped to the
  /// length of the target month (2025-01-31 + 1 month = 2025-02-28).
  [[nodiscard]] Date add_months(int months) const;
  [[nodiscard]] constexpr Date add_days(int n) const { return from_days(days_ + n); }
  /// The first day of this date's month.
  [[nodiscard]] Date month_start() const;

  constexpr auto operator<=>(const Date&) const = default;
  friend constexpr int operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  int days_ = 0;
};

/// Days in a civil month (1-12) of a year.
[[nodiscard]] int days_in_month(int year, int month);

/// Whole calendar months from a to b, counting from month starts (2025-01-31 to 2025-02-01 is 1).
[[nodiscard]] int months_between(Date a, Date b);

}  // namespace ripple
