#include "ripple/duration.hpp"

#include "ripple/work_calendar.hpp"

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>

namespace ripple {
namespace {

std::optional<TimeUnit> parse_unit(std::string_view word) {
  if (word == "wd") return TimeUnit::kWorkDays;
  if (word == "h") return TimeUnit::kWorkHours;
  if (word.size() > 1 && word.back() == 's') word.remove_suffix(1);
  if (word == "day") return TimeUnit::kDays;
  if (word == "week") return TimeUnit::kWeeks;
  if (word == "month") return TimeUnit::kMonths;
  if (word == "quarter") return TimeUnit::kQuarters;
  if (word == "year") return TimeUnit::kYears;
  if (word == "workday" || word == "working day") return TimeUnit::kWorkDays;
  if (word == "hour" || word == "working hour") return TimeUnit::kWorkHours;
  return std::nullopt;
}

// Adds a possibly fractional number of calendar months.
Date add_fractional_months(Date from, double months) {
  const double whole = std::floor(months);
  const Date base = from.add_months(static_cast<int>(whole));
  const double fraction = months - whole;
  if (fraction == 0.0) return base;
  const int next_month_days = base.add_months(1) - base;
  return base.add_days(static_cast<int>(std::lround(fraction * next_month_days)));
}

}  // namespace

std::optional<Duration> Duration::parse(std::string_view text) {
  const std::string s(text);
  const char* begin = s.c_str();
  char* end = nullptr;
  const double amount = std::strtod(begin, &end);
  if (end == begin || !std::isfinite(amount)) return std::nullopt;
  std::string_view rest(end);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.empty()) {
    if (amount == 0.0) return Duration{0.0, TimeUnit::kDays};
    return std::nullopt;
  }
  const auto unit = parse_unit(rest);
  if (!unit) return std::nullopt;
  return Duration{amount, *unit};
}

double Duration::base_amount() const {
  switch (unit) {
    case TimeUnit::kDays:
    case TimeUnit::kMonths:
    case TimeUnit::kWorkDays:
    case TimeUnit::kWorkHours:
      return amount;
    case TimeUnit::kWeeks:
      return amount * 7.0;
    case TimeUnit::kQuarters:
      return amount * 3.0;
    case TimeUnit::kYears:
      return amount * 12.0;
  }
  return amount;
}

bool Duration::is_within_horizon() const {
  const double base = base_amount();
  const double limit = is_calendar()                  ? kMaxDurationMonths
                       : unit == TimeUnit::kWorkHours ? kMaxDurationDays * 24.0
                                                      : kMaxDurationDays;
  return std::isfinite(base) && std::fabs(base) <= limit;
}

Date Duration::after(Date from) const {
  if (!is_within_horizon()) {
    throw DateRangeError("a duration of " + to_string() + " is longer than " +
                         std::to_string(static_cast<int>(kMaxDurationYears)) + " years");
  }
  if (is_calendar()) return add_fractional_months(from, base_amount());
  if (is_working()) return from.add_days(whole_working_days(*this, nullptr));
  return from.add_days(static_cast<int>(std::lround(base_amount())));
}

Date Duration::before(Date to) const {
  if (!is_within_horizon()) {
    throw DateRangeError("a duration of " + to_string() + " is longer than " +
                         std::to_string(static_cast<int>(kMaxDurationYears)) + " years");
  }
  if (is_calendar()) return add_fractional_months(to, -base_amount());
  if (is_working()) return to.add_days(-whole_working_days(*this, nullptr));
  return to.add_days(-static_cast<int>(std::lround(base_amount())));
}

std::string_view unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDays:
      return "day";
    case TimeUnit::kWeeks:
      return "week";
    case TimeUnit::kMonths:
      return "month";
    case TimeUnit::kQuarters:
      return "quarter";
    case TimeUnit::kYears:
      return "year";
    case TimeUnit::kWorkDays:
      return "working day";
    case TimeUnit::kWorkHours:
      return "working hour";
  }
  return "day";
}

std::string Duration::to_string() const {
  std::ostringstream out;
  out << amount << ' ' << unit_name(unit);
  if (amount != 1.0) out << 's';
  return out.str();
}

}  // namespace ripple
