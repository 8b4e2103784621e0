// Bad tables and descriptors: every problem is an InputError (exit 3) naming the file, the line
// and column, and the row and column labels; a Leontief system without a non-negative solution is
// a ModelError (exit 4) naming the sector.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ripple/economy.hpp"
#include "ripple/io_table.hpp"

namespace {

// Options without designated initializers (-Wmissing-field-initializers).
ripple::EconomyOptions options(double delta, bool households, std::string currency = "") {
  ripple::EconomyOptions o;
  o.flq_delta = delta;
  o.household_closure = households;
  o.scenario_currency = std::move(currency);
  return o;
}

namespace fs = std::filesystem;

// A scratch directory with a descriptor and a 2-sector table; each test overrides one of them.
class Scratch {
 public:
  explicit Scratch(const std::string& name)
      : dir_(fs::temp_directory_path() / ("ripple_economy_test_" + name)) {
    fs::create_directories(dir_);
    write("table.csv", kTable);
    write("economy.yaml", kDescriptor);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  void write(const std::string& file, const std::string& text) const {
    std::ofstream(dir_ / file) << text;
  }
  [[nodiscard]] std::string path(const std::string& file) const { return (dir_ / file).string(); }
  [[nodiscard]] std::string descriptor() const { return path("economy.yaml"); }

  static constexpr const char* kTable =
      "label,a,b,households,output\n"
      "a,10,20,50,100\n"
      "b,30,10,40,200\n"
      "wages,40,100,,\n"
      "gva,60,170,,\n"
      "jobs,5,8,,\n";
  static constexpr const char* kDescriptor =
      "name: scratch\n"
      "illustrative: true\n"
      "currency: USD\n"
      "year: 2024\n"
      "money_unit: millions\n"
      "table: {file: table.csv}\n"
      "sectors:\n"
      "  - {id: a}\n"
      "  - {id: b}\n"
      "output: {column: output}\n"
      "compensation: {row: wages}\n"
      "value_added: {row: gva}\n"
      "employment: {row: jobs, unit: persons}\n"
      "household_consumption: {column: households}\n"
      "bridge:\n"
      "  works: {a: 1}\n"
      "  equipment: {b: 1}\n"
      "  services: {b: 1}\n";

 private:
  fs::path dir_;
};

// The message of the InputError thrown by reading `s`'s descriptor ("" if none is thrown).
std::string input_error(const Scratch& s) {
  try {
    (void)ripple::read_economy(s.descriptor());
  } catch (const ripple::InputError& e) {
    CHECK(e.exit_code() == ripple::ExitCode::kInvalidInput);
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  CAPTURE(text);
  CAPTURE(part);
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("economy") {
  TEST_CASE("the scratch table loads cleanly") {
    const Scratch s("clean");
    CHECK(input_error(s).empty());
    const ripple::Economy economy = ripple::Economy::load(s.descriptor());
    CHECK(economy.multipliers().size() == 2);
  }

  TEST_CASE("a non-numeric cell is reported with file, line, column and both labels") {
    const Scratch s("non_numeric");
    s.write("table.csv",
            "label,a,b,households,output\n"
            "a,10,2x0,50,100\n"
            "b,30,10,40,200\n"
            "wages,40,100,,\n"
            "gva,60,170,,\n"
            "jobs,5,8,,\n");
    const std::string what = input_error(s);
    CHECK(contains(what, s.path("table.csv") + ":2:6: error: flow at row 'a', column 'b' is "
                                               "not a number: '2x0'"));
  }

  TEST_CASE("a sector label missing from the columns is reported at the header") {
    const Scratch s("missing_column");
    s.write("table.csv",
            "label,a,bb,households,output\n"
            "a,10,20,50,100\n"
            "b,30,10,40,200\n"
            "wages,40,100,,\n"
            "gva,60,170,,\n"
            "jobs,5,8,,\n");
    const std::string what = input_error(s);
    CHECK(contains(what, s.path("table.csv") +
                             ":1:1: error: sector label 'b' (sector 'b') is missing from the "
                             "columns of the header"));
  }

  TEST_CASE("a negative flow is reported at its cell") {
    const Scratch s("negative");
    s.write("table.csv",
            "label,a,b,households,output\n"
            "a,10,20,50,100\n"
            "b,-30,10,40,200\n"
            "wages,40,100,,\n"
            "gva,60,170,,\n"
            "jobs,5,8,,\n");
    const std::string what = input_error(s);
    CHECK(contains(
        what, s.path("table.csv") + ":3:3: error: flow at row 'b', column 'a' is negative (-30)"));
  }

  TEST_CASE("zero output with non-zero inputs is reported at the sector's column") {
    const Scratch s("zero_output");
    s.write("table.csv",
            "label,a,b,households,output\n"
            "a,10,20,50,100\n"
            "b,30,10,40,0\n"
            "wages,40,100,,\n"
            "gva,60,170,,\n"
            "jobs,5,8,,\n");
    const std::string what = input_error(s);
    CHECK(contains(what, s.path("table.csv") + ":1:9: error: sector 'b' has zero output but "
                                               "non-zero intermediate inputs"));
  }

  TEST_CASE("a row with a different number of fields is a dimension mismatch") {
    const Scratch s("dimensions");
    s.write("table.csv",
            "label,a,b,households,output\n"
            "a,10,20,50,100\n"
            "b,30,10,40\n"
            "wages,40,100,,\n"
            "gva,60,170,,\n"
            "jobs,5,8,,\n");
    const std::string what = input_error(s);
    CHECK(contains(what, s.path("table.csv") + ":3:1: error: row has 4 fields but the header "
                                               "has 5 (mismatched dimensions)"));
  }

  TEST_CASE("a bad descriptor key is named at its line and column, with a suggestion") {
    const Scratch s("bad_key");
    std::string text = Scratch::kDescriptor;
    text.replace(text.find("money_unit: millions"), 20, "money_unit: lakhs\nexchange_rate: 1");
    s.write("economy.yaml", text);
    const std::string what = input_error(s);
    CHECK(contains(what, s.descriptor() + ":5:13: error: money_unit = 'lakhs': a money unit is "
                                          "units, thousands, millions or billions"));
    CHECK(contains(what, s.descriptor() + ":6:1: error: exchange_rate: unknown key; did you mean "
                                          "'exchange_rates'?"));
  }

  // Found by fuzz/economy_fuzz.cpp: the missing key's node was asked for its type, and yaml-cpp's
  // InvalidNode escaped as an internal error (exit 1).
  TEST_CASE("a descriptor without a table is an input error naming the missing key") {
    const Scratch s("no_table");
    std::string text = Scratch::kDescriptor;
    text.erase(text.find("table: {file: table.csv}\n"), 25);
    s.write("economy.yaml", text);
    CHECK(input_error(s) ==
          s.descriptor() + ":1:1: error: top level: missing required key 'table'");
  }

  TEST_CASE("a wage index that is not a positive number is reported at its cell") {
    const Scratch s("wage_index");
    s.write("regions.csv", "region,a,b,wage_index\nr1,2,3,1.2\nr2,3,5,0\nr3,1,1,high\n");
    s.write("economy.yaml",
            std::string(Scratch::kDescriptor) + "regions: {file: regions.csv, unit: persons}\n");
    const std::string what = input_error(s);
    CHECK(
        contains(what, s.path("regions.csv") +
                           ":3:8: error: wage_index of region 'r2' must be a number > 0, not '0'"));
    CHECK(
        contains(what, ":4:8: error: wage_index of region 'r3' must be a number > 0, not 'high'"));
    s.write("regions.csv", "region,a,b,wage_index\nr1,2,3,1.2\n");
    CHECK(ripple::read_economy(s.descriptor()).regions.at(0).wage_index == 1.2);
  }

  TEST_CASE("bridge shares that do not sum to 1 and unknown sectors are reported") {
    const Scratch s("bridge");
    std::string text = Scratch::kDescriptor;
    text.replace(text.find("equipment: {b: 1}"), 17, "equipment: {b: 0.5, c: 0.5}");
    text.replace(text.find("services: {b: 1}"), 16, "services: {b: 0.9}");
    s.write("economy.yaml", text);
    const std::string what = input_error(s);
    CHECK(contains(what, ":17:23: error: bridge.equipment.c: unknown sector 'c'"));
    CHECK(contains(what, ":18:13: error: bridge.services: shares sum to 0.9; they must sum to 1"));
  }

  TEST_CASE("a list or a map where the descriptor expects text is an input error at its position") {
    const Scratch s("not_text");
    std::string text = Scratch::kDescriptor;
    text.replace(text.find("money_unit: millions"), 20, "money_unit: [millions]");
    text.replace(text.find("equipment: {b: 1}"), 17, "equipment: {[b]: 1}");
    s.write("economy.yaml", text);
    const std::string what = input_error(s);
    CHECK(contains(what, s.descriptor() + ":5:13: error: money_unit = [millions]: expected text"));
    CHECK(contains(what, ":17:15: error: bridge.equipment.[b]: a key must be text"));
  }

  TEST_CASE("a column sum of A of 1 or more is a model error naming the sector") {
    const Scratch s("column_sum");
    s.write("table.csv",
            "label,a,b,households,output\n"
            "a,10,150,50,100\n"
            "b,30,60,40,200\n"
            "wages,40,100,,\n"
            "gva,60,170,,\n"
            "jobs,5,8,,\n");
    try {
      (void)ripple::Economy::load(s.descriptor());
      FAIL("expected a ModelError");
    } catch (const ripple::ModelError& e) {
      CHECK(e.exit_code() == ripple::ExitCode::kModel);
      CHECK(contains(e.what(), "sector 'b' buys 1.05 of domestic inputs per unit of output"));
    }
  }

  TEST_CASE("an unstable household closure is a model error naming the sector") {
    // Compensation nearly equal to output and households spending all of it domestically:
    // 1 − wᵀ L h_c < 0, the closed system's spectral radius exceeds 1.
    const Scratch s("unstable");
    s.write("table.csv",
            "label,a,b,households,output\n"
            "a,10,20,300,100\n"
            "b,30,10,400,200\n"
            "wages,80,170,,\n"
            "gva,60,170,,\n"
            "jobs,5,8,,\n");
    try {
      (void)ripple::Economy::load(s.descriptor());
      FAIL("expected a ModelError");
    } catch (const ripple::ModelError& e) {
      CHECK(contains(e.what(), "household closure of the national economy is unstable"));
      CHECK(contains(e.what(), "sector 'a'"));
    }
    // Without households the open system is fine.
    CHECK_NOTHROW((void)ripple::Economy::load(s.descriptor(), options(0.25, false)));
  }

  TEST_CASE("a delta below 0 or not below 1 is an input error") {
    const Scratch s("delta");
    CHECK_THROWS_AS((void)ripple::Economy::load(s.descriptor(), options(1.0, true)),
                    ripple::InputError);
    CHECK_THROWS_AS((void)ripple::Economy::load(s.descriptor(), options(-0.1, true)),
                    ripple::InputError);
  }
}
