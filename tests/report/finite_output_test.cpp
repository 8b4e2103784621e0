#include <doctest/doctest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "report/json_finite.hpp"
#include "ripple/error.hpp"
#include "ripple/ripple.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr const char* kRule =
    ": not a finite number; ripple writes no inf or nan (the model gave no finite value: a "
    "near-singular economy table or extreme inputs?)";

TEST_SUITE("report") {
  TEST_CASE("a non-finite field is found by its position, text and quotes never count") {
    struct Case {
      const char* line;
      std::optional<std::size_t> column;
    };
    const Case cases[] = {
        {"1,2.000,3.000\n", std::nullopt},
        {"1,inf,3\n", 1},
        {"1,2,-inf", 2},
        {"nan,2\r\n", 0},
        {"1,-nan,2", 1},
        {"1,\"inf\",\"a,nan\"", std::nullopt},
        {"infinity,nanny,info,-", std::nullopt},
        {"", std::nullopt},
    };
    for (const Case& c : cases) {
      CAPTURE(c.line);
      CHECK(non_finite_field(c.line) == c.column);
    }
  }

  TEST_CASE("a CSV text with inf or nan is a model error naming file, line and column") {
    CHECK_NOTHROW(check_finite_csv("a,b\n1.000,2.000\n", "x.csv"));
    CHECK_THROWS_WITH_AS(
        check_finite_csv("project,capex,jobs\np,1.000,2.000\nTOTAL,inf,2.000\n", "summary.csv"),
        (std::string("summary.csv:3: column 2 'capex' = inf") + kRule).c_str(), ModelError);
    CHECK_THROWS_WITH_AS(
        check_finite_row("7,-nan\n", "index,jobs\n", "mc_jobs.csv: run 7"),
        (std::string("mc_jobs.csv: run 7: column 2 'jobs' = -nan") + kRule).c_str(), ModelError);
  }

  TEST_CASE("a JSON document with a non-finite number names the key path") {
    nlohmann::ordered_json j;
    j["economy"] = nullptr;  // null that ripple writes on purpose is fine
    j["credibility"] = nlohmann::ordered_json::array();
    j["credibility"].push_back({{"project", "p"}, {"ratio", 1.5}});
    CHECK_NOTHROW(check_finite_json(j, "run.json"));
    j["credibility"].push_back({{"project", "q"}, {"ratio", kInf}});
    CHECK_THROWS_WITH_AS(check_finite_json(j, "run.json"),
                         (std::string("run.json: credibility[1].ratio = inf") + kRule).c_str(),
                         ModelError);
  }

  // The writers are the last line: a value that escaped the model's checks stops the output.
  TEST_CASE("the run writers refuse an infinite total instead of printing inf") {
    RunOutput run = ripple::run(read_scenario("tests/data/run/one_plant.yaml"));
    run.result.summary.total.capex_m = kInf;
    CHECK_THROWS_WITH_AS((void)summary_csv(run),
                         (std::string("summary.csv:3: column 5 'capex' = inf") + kRule).c_str(),
                         ModelError);
  }
}

}  // namespace
}  // namespace ripple
