#include "ripple/date.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <string>

namespace ripple {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms,
// http://howardhinnant.github.io/date_algorithms.html).
constexpr int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

constexpr Civil civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), m, d};
}

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc{};
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

static_assert(days_from_civil(1, 1, 1) == Date::kMinDays);
static_assert(days_from_civil(9999, 12, 31) == Date::kMaxDays);

Date Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999) {
    throw DateRangeError("date arithmetic left the date range: year " + std::to_string(year) +
                         " is outside 1-9999");
  }
  return from_days(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::optional<Date> Date::parse(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 1;
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (text[4] != '-' || !parse_int(text.substr(0, 4), year) ||
      !parse_int(text.substr(5, 2), month)) {
    return std::nullopt;
  }
  if (text.size() == 10 && (text[7] != '-' || !parse_int(text.substr(8, 2), day))) {
    return std::nullopt;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
    return std::nullopt;
  return from_ymd(year, month, day);
}

int Date::year() const { return civil_from_days(days_).year; }
int Date::month() const { return static_cast<int>(civil_from_days(days_).month); }
int Date::day() const { return static_cast<int>(civil_from_days(days_).day); }

namespace {

// "YYYY-MM" (length 7) or "YYYY-MM-DD" (length 10) of a date: printf's "%04d-%02u-%02u", through
// fmt's compiled format (a Monte Carlo campaign writes tens of dates per run, and snprintf cost
// ≈ 2,700 instructions each).
std::string civil_text(const Civil& c, std::size_t length) {
  char buffer[40];  // room for any int year
  const char* end =
      fmt::format_to(buffer, FMT_COMPILE("{:04}-{:02}-{:02}"), c.year, c.month, c.day);
  const auto size = static_cast<std::size_t>(end - buffer);
  return std::string(buffer, length == 10 ? size : std::min(size, length));
}

}  // namespace

std::string Date::to_string() const { return civil_text(civil_from_days(days_), 10); }

std::string Date::to_month_string() const { return civil_text(civil_from_days(days_), 7); }

void Date::throw_out_of_range(long long days) const {
  throw DateRangeError("date arithmetic left the date range: " + to_string() + " + " +
                       std::to_string(days) + " days is outside 0001-01-01 to 9999-12-31");
}

Date Date::add_months(int months) const {
  const Civil c = civil_from_days(days_);
  const long long index = c.year * 12LL + static_cast<long long>(c.month) - 1 + months;
  if (index < 12 || index >= 10000LL * 12) {
    throw DateRangeError("date arithmetic left the date range: " + to_string() + " + " +
                         std::to_string(months) + " months is outside 0001-01-01 to 9999-12-31");
  }
  const int year = static_cast<int>(index / 12);
  const int month = static_cast<int>(index % 12) + 1;
  const int day = std::min(static_cast<int>(c.day), days_in_month(year, month));
  return from_ymd(year, month, day);
}

Date Date::month_start() const {
  const Civil c = civil_from_days(days_);
  return from_ymd(c.year, static_cast<int>(c.month), 1);
}

int months_between(Date a, Date b) { return (b.year() - a.year()) * 12 + (b.month() - a.month()); }

}  // namespace ripple
