// Conversions the scenario reader relies on: dates, durations, distributions, capacities and
// the name suggestions of its messages.

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/duration.hpp"
#include "scenario/yaml_values.hpp"

namespace ripple {
namespace {

using scenario_yaml::NodeReader;

constexpr double kEps = 1e-12;

struct Read {
  DiagnosticSink sink;
  NodeReader reader{"t.yaml", sink};
};

TEST_SUITE("scenario") {
  TEST_CASE("dates parse as YYYY-MM or YYYY-MM-DD and impossible days are rejected") {
    struct Row {
      const char* text;
      bool valid;
      int year, month, day;
    };
    const std::vector<Row> rows = {
        {"2025-05", true, 2025, 5, 1},     {"2024-06-03", true, 2024, 6, 3},
        {"2024-02-29", true, 2024, 2, 29}, {"2025-02-29", false, 0, 0, 0},
        {"2025-13", false, 0, 0, 0},       {"2025-00", false, 0, 0, 0},
        {"2025-5", false, 0, 0, 0},        {"25-05-01", false, 0, 0, 0},
        {"2025/05", false, 0, 0, 0},       {"", false, 0, 0, 0},
    };
    for (const auto& row : rows) {
      const std::string text_text(row.text);
      CAPTURE(text_text);
      const auto date = Date::parse(row.text);
      REQUIRE(date.has_value() == row.valid);
      if (!row.valid) continue;
      CHECK(date->year() == row.year);
      CHECK(date->month() == row.month);
      CHECK(date->day() == row.day);
    }
  }

  TEST_CASE("dates print as printf's %04d-%02u-%02u, and months as its first 7 characters") {
    // Every day of the first and last years of the range, of 1999-2101, and every 97th day
    // between: all months, days and digit carries.
    std::vector<int> days;
    const auto add_years = [&](int from, int to) {
      for (int d = Date::from_ymd(from, 1, 1).days(); d <= Date::from_ymd(to, 12, 31).days(); ++d) {
        days.push_back(d);
      }
    };
    add_years(1, 2);
    add_years(1999, 2101);
    add_years(9998, 9999);
    for (int d = Date::from_ymd(1, 1, 1).days(); d <= Date::from_ymd(9999, 12, 31).days();
         d += 97) {
      days.push_back(d);
    }
    // Outside the range (unchecked from_days): years 0, -1 and 10000 print as printf does.
    for (const int d : {Date::kMinDays - 1, Date::kMinDays - 400, Date::kMaxDays + 1}) {
      days.push_back(d);
    }
    for (const int d : days) {
      const Date date = Date::from_days(d);
      char expected[40];
      std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", date.year(), date.month(),
                    date.day());
      REQUIRE(date.to_string() == expected);
      REQUIRE(date.to_month_string() == std::string(expected).substr(0, 7));
    }
    CHECK(days.size() > 75000);
    CHECK(Date::from_ymd(1, 1, 1).to_string() == "0001-01-01");
    CHECK(Date::from_ymd(9999, 12, 31).to_month_string() == "9999-12");
  }

  TEST_CASE("durations parse with every unit, singular or plural") {
    struct Row {
      const char* text;
      std::optional<Duration> expected;
    };
    const std::vector<Row> rows = {
        {"18 months", Duration{18, TimeUnit::kMonths}},
        {"1 month", Duration{1, TimeUnit::kMonths}},
        {"2.5 years", Duration{2.5, TimeUnit::kYears}},
        {"90 days", Duration{90, TimeUnit::kDays}},
        {"6 weeks", Duration{6, TimeUnit::kWeeks}},
        {"1 quarter", Duration{1, TimeUnit::kQuarters}},
        {"-3 months", Duration{-3, TimeUnit::kMonths}},
        {"0", Duration{0, TimeUnit::kDays}},
        {"18", std::nullopt},
        {"18 monhts", std::nullopt},
        {"months", std::nullopt},
    };
    for (const auto& row : rows) {
      const std::string text_text(row.text);
      CAPTURE(text_text);
      CHECK(Duration::parse(row.text) == row.expected);
    }
  }

  TEST_CASE("a plain duration is a fixed distribution of its unit") {
    Read r;
    const auto d = r.reader.duration_distribution(YAML::Load("36 months"), "d");
    REQUIRE(d);
    CHECK(d->values.is_fixed());
    CHECK(d->unit == TimeUnit::kMonths);
    CHECK(d->mode().amount == doctest::Approx(36).epsilon(kEps));
    CHECK(r.sink.empty());
  }

  TEST_CASE("triangular, pert, uniform and lognormal durations keep their parameters") {
    struct Row {
      const char* yaml;
      Distribution::Kind kind;
      double a, b, c, mode;
    };
    const std::vector<Row> rows = {
        {"{triangular: [30 months, 36 months, 48 months]}", Distribution::Kind::kTriangular, 30, 36,
         48, 36},
        {"{pert: [30 months, 36 months, 48 months]}", Distribution::Kind::kPert, 30, 36, 48, 36},
        {"{uniform: [30 months, 48 months]}", Distribution::Kind::kUniform, 30, 48, 0, 39},
        {"{lognormal: {median: 36 months, sigma: 0.2}}", Distribution::Kind::kLognormal, 36, 0.2, 0,
         36 * 0.9607894391523232},
    };
    for (const auto& row : rows) {
      const std::string yaml_text(row.yaml);
      CAPTURE(yaml_text);
      Read r;
      const auto d = r.reader.duration_distribution(YAML::Load(row.yaml), "d");
      REQUIRE(d);
      CHECK(r.sink.empty());
      CHECK(d->unit == TimeUnit::kMonths);
      CHECK(d->values.kind == row.kind);
      CHECK(d->values.a == doctest::Approx(row.a).epsilon(kEps));
      CHECK(d->values.b == doctest::Approx(row.b).epsilon(kEps));
      CHECK(d->values.c == doctest::Approx(row.c).epsilon(kEps));
      CHECK(d->mode().amount == doctest::Approx(row.mode).epsilon(1e-9));
    }
  }

  TEST_CASE("parameters in different units of one family are converted to its base unit") {
    Read r;
    const auto months =
        r.reader.duration_distribution(YAML::Load("{pert: [1 year, 5 quarters, 2 years]}"), "d");
    REQUIRE(months);
    CHECK(months->unit == TimeUnit::kMonths);
    CHECK(months->values.a == doctest::Approx(12).epsilon(kEps));
    CHECK(months->values.b == doctest::Approx(15).epsilon(kEps));
    CHECK(months->values.c == doctest::Approx(24).epsilon(kEps));
    const auto days =
        r.reader.duration_distribution(YAML::Load("{uniform: [10 days, 2 weeks]}"), "d");
    REQUIRE(days);
    CHECK(days->unit == TimeUnit::kDays);
    CHECK(days->values.b == doctest::Approx(14).epsilon(kEps));
    CHECK(r.sink.empty());
  }

  TEST_CASE("a distribution out of order or mixing unit families is reported at its node") {
    struct Row {
      const char* yaml;
      const char* message;
    };
    const std::vector<Row> rows = {
        {"{triangular: [3 months, 2 months, 4 months]}",
         "d.triangular = [3 months, 2 months, 4 months]: parameters must satisfy min <= mode <= "
         "max"},
        {"{uniform: [5 days, 2 days]}",
         "d.uniform = [5 days, 2 days]: parameters must satisfy low <= high"},
        {"{pert: [30 days, 2 months, 3 months]}",
         "d.pert = [30 days, 2 months, 3 months]: parameters mix unit families (days and weeks; "
         "months, quarters and years; working days; working hours); use one family"},
        {"{lognormal: {median: 0 months, sigma: 0.1}}",
         "d.lognormal.median = '0 months': the median of a lognormal must be greater than zero"},
        {"{triangle: [1 month, 2 months, 3 months]}",
         "d.triangle: unknown distribution; did you mean 'triangular'? (expected triangular, "
         "pert, uniform or lognormal)"},
        {"{triangular: [1 month, 2 months]}",
         "d.triangular = [1 month, 2 months]: expected a list of 3 values [min, mode, max]"},
    };
    for (const auto& row : rows) {
      const std::string yaml_text(row.yaml);
      CAPTURE(yaml_text);
      Read r;
      CHECK_FALSE(r.reader.duration_distribution(YAML::Load(row.yaml), "d"));
      REQUIRE(r.sink.diagnostics().size() == 1);
      CHECK(r.sink.diagnostics()[0].message == row.message);
      CHECK(r.sink.diagnostics()[0].mark.line == 1);
    }
  }

  TEST_CASE("a cost distribution takes plain numbers") {
    Read r;
    const auto d = r.reader.number_distribution(YAML::Load("{triangular: [10, 50, 200]}"), "c");
    REQUIRE(d);
    CHECK(d->mode() == doctest::Approx(50).epsilon(kEps));
    const auto fixed = r.reader.number_distribution(YAML::Load("75.5"), "c");
    REQUIRE(fixed);
    CHECK(fixed->mode() == doctest::Approx(75.5).epsilon(kEps));
    CHECK(r.sink.empty());
  }

  TEST_CASE("capacities convert the k, M and bn prefixes to the product's unit") {
    struct Row {
      const char* text;
      const char* unit;
      std::optional<double> expected;
    };
    const std::vector<Row> rows = {
        {"300 kt/yr", "t", 300e3},        {"2 Mt/yr", "t", 2e6},
        {"660000 t/yr", "t", 660000},     {"1.5 bnm3/yr", "m3", 1.5e9},
        {"300 Gt/yr", "t", std::nullopt}, {"3 MWh/yr", "t", std::nullopt},
    };
    for (const auto& row : rows) {
      const std::string text_text(row.text);
      CAPTURE(text_text);
      const std::string unit_text(row.unit);
      CAPTURE(unit_text);
      Read r;
      const auto written = r.reader.capacity(YAML::Load(row.text), "c");
      REQUIRE(written);
      const auto value = scenario_yaml::capacity_in_unit(*written, row.unit);
      REQUIRE(value.has_value() == row.expected.has_value());
      if (value) CHECK(*value == doctest::Approx(*row.expected).epsilon(kEps));
    }
    Read r;
    CHECK_FALSE(r.reader.capacity(YAML::Load("300 kt"), "c"));
    CHECK_FALSE(r.reader.capacity(YAML::Load("-3 t/yr"), "c"));
    CHECK(r.sink.diagnostics().size() == 2);
  }

  TEST_CASE("edit distance counts an adjacent transposition as one edit") {
    CHECK(scenario_yaml::edit_distance("duration", "duration") == 0);
    CHECK(scenario_yaml::edit_distance("duraiton", "duration") == 1);
    CHECK(scenario_yaml::edit_distance("duraton", "duration") == 1);
    CHECK(scenario_yaml::edit_distance("", "abc") == 3);
    CHECK(scenario_yaml::edit_distance("kitten", "sitting") == 3);
  }

  TEST_CASE("UTF-8 is checked as RFC 3629 defines it") {
    CHECK_FALSE(scenario_yaml::invalid_utf8("plain ascii"));
    CHECK_FALSE(scenario_yaml::invalid_utf8("\xC3\xA9 \xE2\x82\xAC \xF0\x9D\x84\x9E"));  // é € 𝄞
    CHECK_FALSE(scenario_yaml::invalid_utf8("\xED\x9F\xBF \xF4\x8F\xBF\xBF"));  // U+D7FF U+10FFFF
    CHECK(scenario_yaml::invalid_utf8("ab\xAE") == std::optional<std::size_t>(2));  // Latin-1 ®
    CHECK(scenario_yaml::invalid_utf8("\xC0\x80") ==
          std::optional<std::size_t>(0));  // overlong NUL
    CHECK(scenario_yaml::invalid_utf8("\xE0\x9F\xBF") ==
          std::optional<std::size_t>(0));  // overlong
    CHECK(scenario_yaml::invalid_utf8("a\xED\xA0\x80") ==
          std::optional<std::size_t>(1));  // surrogate
    CHECK(scenario_yaml::invalid_utf8("\xF4\x90\x80\x80") ==
          std::optional<std::size_t>(0));                                              // > U+10FFFF
    CHECK(scenario_yaml::invalid_utf8("x\xE2\x82") == std::optional<std::size_t>(1));  // cut off
    CHECK(scenario_yaml::invalid_utf8("\xE2\x28\xA1") ==
          std::optional<std::size_t>(0));  // bad continuation
  }

  TEST_CASE("a suggestion is offered only for a likely typo") {
    const std::vector<std::string> keys = {"duration", "depends_on", "capex_m"};
    CHECK(scenario_yaml::suggestion("duraton", keys) == std::optional<std::string>("duration"));
    CHECK(scenario_yaml::suggestion("capex", keys) == std::optional<std::string>("capex_m"));
    CHECK_FALSE(scenario_yaml::suggestion("colour", keys));
  }

  TEST_CASE("nearest names come nearest first, with a penalty for other projects") {
    using scenario_yaml::Candidate;
    const std::vector<Candidate> candidates = {
        {"construction", "construction", 0},
        {"grid", "grid", 0},
        {"rail.grit", "grit", 1},
    };
    const auto names = scenario_yaml::nearest_names("gird", candidates, 2);
    REQUIRE(names.size() == 2);
    CHECK(names[0] == "grid");
    CHECK(names[1] == "rail.grit");
  }
}

}  // namespace
}  // namespace ripple
