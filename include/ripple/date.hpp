#pragma once
/// Calendar dates as whole days. ripple's clock is an integer day count (days since 1970-01-01,
/// the civil calendar, proleptic Gregorian); months, quarters and years are a calendar layer on
/// top (see duration.hpp). Scenario files write dates as YYYY-MM (the first day of that month)
/// or YYYY-MM-DD. Every date lies in years 1-9999 (0001-01-01 to 9999-12-31): parsing refuses
/// other years and date arithmetic that would leave the range throws DateRangeError (exit 4)
/// instead of wrapping or printing a cut-off year.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "ripple/error.hpp"

namespace ripple {

/// A computed date left years 1-9999 (exit 4). Callers that know the activity rethrow it as a
/// ModelError naming that activity.
class DateRangeError : public ModelError {
 public:
  explicit DateRangeError(const std::string& message) : ModelError(message) {}
};

/// A calendar day. Trivially copyable; compares and subtracts as a day count.
class Date {
 public:
  constexpr Date() = default;
  /// Day numbers of the first and last dates in range: 0001-01-01 and 9999-12-31.
  static constexpr int kMinDays = -719162;
  static constexpr int kMaxDays = 2932896;

  /// The date `days` days after 1970-01-01 (negative before). Unchecked: callers pass day
  /// numbers of dates already in range (event times, stored dates).
  static constexpr Date from_days(int days) {
    Date d;
    d.days_ = days;
    return d;
  }
  /// The date of a civil year, month (1-12) and day (1-31); the day must exist in that month.
  /// Throws DateRangeError when the year is outside 1-9999.
  static Date from_ymd(int year, int month, int day);
  /// Parses YYYY-MM (first day of the month) or YYYY-MM-DD; nullopt when the text is not a
  /// valid date of either form (year 0000 included).
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
  /// length of the target month (2025-01-31 + 1 month = 2025-02-28). Throws DateRangeError
  /// when the result is outside years 1-9999.
  [[nodiscard]] Date add_months(int months) const;
  /// The date `n` days later (earlier when negative). Throws DateRangeError when the result is
  /// outside years 1-9999.
  [[nodiscard]] constexpr Date add_days(int n) const {
    const long long days = static_cast<long long>(days_) + n;
    if (days < kMinDays || days > kMaxDays) throw_out_of_range(n);
    return from_days(static_cast<int>(days));
  }
  /// The first day of this date's month.
  [[nodiscard]] Date month_start() const;

  constexpr auto operator<=>(const Date&) const = default;
  friend constexpr int operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  [[noreturn]] void throw_out_of_range(long long days) const;

  int days_ = 0;
};

/// Days in a civil month (1-12) of a year.
[[nodiscard]] int days_in_month(int year, int month);

/// Whole calendar months from a to b, counting from month starts (2025-01-31 to 2025-02-01 is 1).
[[nodiscard]] int months_between(Date a, Date b);

}  // namespace ripple
