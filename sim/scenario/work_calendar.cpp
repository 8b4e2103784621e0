#include "ripple/work_calendar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace ripple {
namespace {

// Guards the day-by-day walks against a calendar that no longer works (a holiday range of
// centuries): past this many calendar days without a working day, the walk stops.
constexpr int kMaxIdleDays = 366 * 50;

}  // namespace

int weekday(Date day) {
  // 1970-01-01 was a Thursday (index 3).
  return ((day.days() % 7) + 7 + 3) % 7;
}

void WorkCalendar::normalise() {
  std::sort(holidays.begin(), holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.first < b.first; });
  std::vector<Holiday> merged;
  for (const Holiday& h : holidays) {
    if (!merged.empty() && h.first <= merged.back().last.add_days(1)) {
      merged.back().last = std::max(merged.back().last, h.last);
    } else {
      merged.push_back(h);
    }
  }
  holidays = std::move(merged);
}

bool WorkCalendar::is_working_day(Date day) const {
  if (!weekdays[static_cast<std::size_t>(weekday(day))]) return false;
  // The last holiday starting on or before `day`.
  const auto it = std::upper_bound(holidays.begin(), holidays.end(), day,
                                   [](Date d, const Holiday& h) { return d < h.first; });
  return it == holidays.begin() || std::prev(it)->last < day;
}

Date WorkCalendar::work_start(Date day) const {
  for (int i = 0; i < kMaxIdleDays && !is_working_day(day); ++i) day = day.add_days(1);
  return day;
}

Date WorkCalendar::work_end(Date t) const {
  for (int i = 0; i < kMaxIdleDays && !is_working_day(t.add_days(-1)); ++i) t = t.add_days(-1);
  return t;
}

Date WorkCalendar::add_working_days(Date from, int days) const {
  if (days == 0) return from;
  // Whole weeks without a holiday are jumped (a week holds the same working days from any
  // weekday on), the rest walked day by day.
  const int per_week = static_cast<int>(std::count(weekdays.begin(), weekdays.end(), true));
  if (days > 0) {
    Date day = work_start(from);  // the first working day, counted
    int left = days - 1;
    while (left > 0) {
      if (left >= per_week && !has_holiday(day.add_days(1), day.add_days(7))) {
        day = day.add_days(7);
        left -= per_week;
      } else {
        day = work_start(day.add_days(1));
        --left;
      }
    }
    return day.add_days(1);
  }
  Date day = work_end(from).add_days(-1);  // the last working day before `from`, counted
  int left = -days - 1;
  while (left > 0) {
    if (left >= per_week && !has_holiday(day.add_days(-7), day.add_days(-1))) {
      day = day.add_days(-7);
      left -= per_week;
    } else {
      day = work_end(day).add_days(-1);
      --left;
    }
  }
  return day;
}

bool WorkCalendar::has_holiday(Date first, Date last) const {
  // The first holiday ending on or after `first` (holidays are sorted and disjoint, so their
  // last days are sorted too).
  const auto it = std::lower_bound(holidays.begin(), holidays.end(), first,
                                   [](const Holiday& h, Date d) { return h.last < d; });
  return it != holidays.end() && it->first <= last;
}

int WorkCalendar::working_days_between(Date from, Date to) const {
  if (to < from) return -working_days_between(to, from);
  const int per_week = static_cast<int>(std::count(weekdays.begin(), weekdays.end(), true));
  const int weeks = (to - from) / 7;
  int count = weeks * per_week;
  for (Date d = from.add_days(weeks * 7); d < to; d = d.add_days(1)) {
    count += weekdays[static_cast<std::size_t>(weekday(d))] ? 1 : 0;
  }
  // Less the holidays that fall on working weekdays inside [from, to).
  auto it = std::lower_bound(holidays.begin(), holidays.end(), from,
                             [](const Holiday& h, Date d) { return h.last < d; });
  for (; it != holidays.end() && it->first < to; ++it) {
    for (Date d = std::max(it->first, from); d <= it->last && d < to; d = d.add_days(1)) {
      count -= weekdays[static_cast<std::size_t>(weekday(d))] ? 1 : 0;
    }
  }
  return count;
}

bool is_working_unit(TimeUnit unit) {
  return unit == TimeUnit::kWorkDays || unit == TimeUnit::kWorkHours;
}

int whole_working_days(const Duration& duration, const WorkCalendar* calendar) {
  if (!duration.is_within_horizon()) {
    throw DateRangeError("a duration of " + duration.to_string() + " is longer than " +
                         std::to_string(static_cast<int>(kMaxDurationYears)) + " years");
  }
  double days = duration.amount;
  if (duration.unit == TimeUnit::kWorkHours) {
    days /= calendar ? calendar->hours_per_day : 24.0;
  }
  // Rounded up in magnitude; a tolerance keeps 16 h / 8 h/day at exactly 2 days.
  const double magnitude = std::ceil(std::abs(days) - 1e-9);
  return static_cast<int>(days < 0 ? -magnitude : magnitude);
}

Date advance(Date from, const Duration& duration, const WorkCalendar* calendar) {
  if (!is_working_unit(duration.unit)) return duration.after(from);
  const int days = whole_working_days(duration, calendar);
  return calendar ? calendar->add_working_days(from, days) : from.add_days(days);
}

Date retreat(Date to, const Duration& duration, const WorkCalendar* calendar) {
  if (!is_working_unit(duration.unit)) return duration.before(to);
  const int days = whole_working_days(duration, calendar);
  return calendar ? calendar->add_working_days(to, -days) : to.add_days(-days);
}

}  // namespace ripple
