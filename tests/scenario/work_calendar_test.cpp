#include "ripple/work_calendar.hpp"

#include <doctest/doctest.h>

#include <random>

namespace ripple {
namespace {

Date d(const char* text) { return *Date::parse(text); }

// Monday to Friday, 8 hours, a holiday week 2026-03-23..27 (Mon-Fri) and Friday 2026-04-03.
// 2026-03-02 is a Monday.
WorkCalendar five_day() {
  WorkCalendar c;
  c.id = "five_day";
  c.holidays = {{d("2026-04-03"), d("2026-04-03")}, {d("2026-03-23"), d("2026-03-27")}};
  c.normalise();
  return c;
}

TEST_SUITE("scenario") {
  TEST_CASE("weekdays count from Monday") {
    CHECK(weekday(d("2026-03-02")) == 0);
    CHECK(weekday(d("2026-03-07")) == 5);
    CHECK(weekday(d("1970-01-01")) == 3);
    CHECK(weekday(d("1969-12-29")) == 0);
  }

  TEST_CASE("weekends and holidays do not work") {
    const WorkCalendar c = five_day();
    CHECK(c.is_working_day(d("2026-03-06")));
    CHECK_FALSE(c.is_working_day(d("2026-03-07")));
    CHECK_FALSE(c.is_working_day(d("2026-03-23")));
    CHECK_FALSE(c.is_working_day(d("2026-03-27")));
    CHECK(c.is_working_day(d("2026-03-30")));
    CHECK_FALSE(c.is_working_day(d("2026-04-03")));
  }

  TEST_CASE("work starts on the next working day and ends after the last one") {
    const WorkCalendar c = five_day();
    CHECK(c.work_start(d("2026-03-07")) == d("2026-03-09"));
    CHECK(c.work_start(d("2026-03-21")) == d("2026-03-30"));  // the holiday week is skipped
    CHECK(c.work_start(d("2026-03-30")) == d("2026-03-30"));
    CHECK(c.work_end(d("2026-03-30")) == d("2026-03-21"));  // the end of Friday 03-20
    CHECK(c.work_end(d("2026-03-18")) == d("2026-03-18"));
  }

  TEST_CASE("working days across a holiday week") {
    const WorkCalendar c = five_day();
    // 5 working days from Monday 03-02: Mon..Fri, finishing at the end of Friday 03-06.
    CHECK(c.add_working_days(d("2026-03-02"), 5) == d("2026-03-07"));
    // 10 from Monday 03-16: 16..20, the holiday week, 30, 31, 04-01, 04-02, (04-03 holiday),
    // 04-06: the end of Monday 04-06.
    CHECK(c.add_working_days(d("2026-03-16"), 10) == d("2026-04-07"));
    // Backwards is the inverse.
    CHECK(c.add_working_days(d("2026-04-07"), -10) == d("2026-03-16"));
    // From a weekend: work starts Monday.
    CHECK(c.add_working_days(d("2026-03-14"), 2) == d("2026-03-18"));
    CHECK(c.add_working_days(d("2026-03-14"), 0) == d("2026-03-14"));
    CHECK(c.working_days_between(d("2026-03-16"), d("2026-04-07")) == 10);
    CHECK(c.working_days_between(d("2026-04-07"), d("2026-03-16")) == -10);
  }

  TEST_CASE("working hours are whole working days of the calendar, rounded up") {
    const WorkCalendar c = five_day();
    CHECK(whole_working_days({80.0, TimeUnit::kWorkHours}, &c) == 10);
    CHECK(whole_working_days({12.0, TimeUnit::kWorkHours}, &c) == 2);
    CHECK(whole_working_days({-4.0, TimeUnit::kWorkHours}, &c) == -1);
    CHECK(whole_working_days({36.0, TimeUnit::kWorkHours}, nullptr) == 2);  // 24-hour days
    CHECK(advance(d("2026-03-02"), {40.0, TimeUnit::kWorkHours}, &c) == d("2026-03-07"));
    CHECK(retreat(d("2026-03-07"), {5.0, TimeUnit::kWorkDays}, &c) == d("2026-03-02"));
    // Calendar units ignore the calendar; working units without one count every day.
    CHECK(advance(d("2026-03-02"), {1.0, TimeUnit::kMonths}, &c) == d("2026-04-02"));
    CHECK(advance(d("2026-03-02"), {10.0, TimeUnit::kWorkDays}, nullptr) == d("2026-03-12"));
  }

  TEST_CASE("working units parse as wd and h") {
    CHECK(Duration::parse("10 wd") == Duration{10.0, TimeUnit::kWorkDays});
    CHECK(Duration::parse("80 h") == Duration{80.0, TimeUnit::kWorkHours});
    CHECK(Duration::parse("3 working days") == Duration{3.0, TimeUnit::kWorkDays});
    CHECK(Duration::parse("1 hour") == Duration{1.0, TimeUnit::kWorkHours});
    CHECK(Duration{10.0, TimeUnit::kWorkDays}.to_string() == "10 working days");
  }

  TEST_CASE("week jumps agree with a day-by-day count on random calendars") {
    std::mt19937_64 rng(14);
    const auto uniform = [&](int lo, int hi) {
      return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
    };
    for (int k = 0; k < 500; ++k) {
      CAPTURE(k);
      WorkCalendar c;
      for (auto& w : c.weekdays) w = uniform(0, 2) > 0;
      c.weekdays[static_cast<std::size_t>(uniform(0, 6))] = true;
      for (int h = uniform(0, 8); h > 0; --h) {
        const Date first = d("2026-01-01").add_days(uniform(0, 700));
        c.holidays.push_back({first, first.add_days(uniform(0, 12))});
      }
      c.normalise();
      const Date from = d("2026-01-01").add_days(uniform(0, 500));
      const int n = uniform(-150, 150);
      // Reference: walk one day at a time.
      Date expected = from;
      if (n > 0) {
        Date day = from;
        for (int left = n; left > 0; day = day.add_days(1)) {
          if (c.is_working_day(day)) --left;
          expected = day.add_days(1);
        }
      } else if (n < 0) {
        Date day = from.add_days(-1);
        for (int left = -n; left > 0; day = day.add_days(-1)) {
          if (c.is_working_day(day)) {
            --left;
            expected = day;
          }
        }
      }
      CAPTURE(n);
      CHECK(c.add_working_days(from, n) == expected);
      int count = 0;
      for (Date day = from; day < from.add_days(n < 0 ? -n : n); day = day.add_days(1)) {
        count += c.is_working_day(day) ? 1 : 0;
      }
      CHECK(c.working_days_between(from, from.add_days(n < 0 ? -n : n)) == count);
    }
  }

  TEST_CASE("holidays are sorted and merged") {
    WorkCalendar c;
    c.holidays = {{d("2026-05-04"), d("2026-05-06")},
                  {d("2026-01-01"), d("2026-01-01")},
                  {d("2026-05-07"), d("2026-05-08")}};
    c.normalise();
    REQUIRE(c.holidays.size() == 2);
    CHECK(c.holidays[1] == Holiday{d("2026-05-04"), d("2026-05-08")});
  }
}

}  // namespace
}  // namespace ripple
