#include "ripple/sweep.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "ripple/csv_merge.hpp"
#include "ripple/economy_link.hpp"
#include "ripple/error.hpp"
#include "ripple/pipeline.hpp"
#include "ripple/run_report.hpp"
#include "ripple/scenario_reader.hpp"
#include "ripple/shard.hpp"

namespace ripple {
namespace {

const std::string kScenario =
    std::string(RIPPLE_SOURCE_DIR) + "/tests/data/sweep/two_projects.yaml";

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.push_back(field);
      field.clear();
    } else if (c != '\n') {
      field.push_back(c);
    }
  }
  out.push_back(field);
  return out;
}

Sweep make_sweep(std::vector<std::string> varies, std::vector<std::string> sets = {}) {
  std::vector<SweepAxis> axes;
  for (const auto& vary : varies) axes.push_back(parse_vary(vary));
  return Sweep(build_scenario_tree(kScenario, {}, sets), SweepGrid(std::move(axes)));
}

// The whole CSV of a sweep run through Sweep::run on `threads` threads, for `shard`.
std::string run_text(Sweep& sweep, const Shard& shard, unsigned threads, bool reread = false) {
  std::string text = sweep.header();
  sweep.run(
      shard, threads, [&text](std::uint64_t, const SweepPoint& point) { text.append(point.row); },
      reread);
  return text;
}

// Axes of every kind of direct key, on two_projects.yaml, with an invalid value among them.
const std::vector<std::string> kDirectAxes = {
    "projects.mine.phases.shafts.duration=[30 months, -2 months, "
    "{triangular: [36 months, 42 months, 48 months]}]",
    "projects.mine.phases.plant.depends_on=[[shafts], [{on: shafts, type: FS, lag: 3 months}]]",
    "projects.smelter.phases.commissioning.ramp_up=[{curve: linear, duration: 6 months}, "
    "{curve: s-curve, duration: 30 months}]",
    "projects.smelter.products.cathode.price_per_unit=8000,9500",
    "economy.flq_delta=0.2,0.3",
};

TEST_SUITE("batch") {
  TEST_CASE("a comma list gives its values trimmed, as written") {
    const SweepAxis axis = parse_vary("economy.flq_delta= 0.2, 0.25 ,0.3");
    CHECK(axis.key == "economy.flq_delta");
    CHECK(axis.values == std::vector<std::string>{"0.2", "0.25", "0.3"});
  }

  TEST_CASE("a range takes its unit after the last number or after every number") {
    const std::vector<std::string> expected = {"42 months", "48 months", "54 months", "60 months"};
    CHECK(parse_vary("k=42:60:6 months").values == expected);
    CHECK(parse_vary("k=42 months:60 months:6 months").values == expected);
    CHECK(parse_vary("k=42:61:6 months").values == expected);
    CHECK(parse_vary("k=1:3:1").values == std::vector<std::string>{"1", "2", "3"});
  }

  TEST_CASE("a decimal range is lo + i*step with the inputs' decimals: no drift") {
    const SweepAxis tenths = parse_vary("k=0:1:0.1");
    REQUIRE(tenths.values.size() == 11);
    CHECK(tenths.values[3] == "0.3");
    CHECK(tenths.values.back() == "1.0");
    const SweepAxis delta = parse_vary("economy.flq_delta=0.15:0.35:0.05");
    CHECK(delta.values == std::vector<std::string>{"0.15", "0.20", "0.25", "0.30", "0.35"});
    const SweepAxis negative = parse_vary("k=-1:1:0.5");
    CHECK(negative.values == std::vector<std::string>{"-1.0", "-0.5", "0.0", "0.5", "1.0"});
  }

  TEST_CASE("a YAML list allows values with commas such as distributions") {
    const SweepAxis axis =
        parse_vary("k=[36 months, {triangular: [30 months, 36 months, 48 months]}]");
    CHECK(axis.values ==
          std::vector<std::string>{"36 months", "{triangular: [30 months, 36 months, 48 months]}"});
  }

  TEST_CASE("bad axis specs are usage errors naming the axis by its label and the rule") {
    const std::pair<const char*, const char*> cases[] = {
        {"nokey", "vary nokey: expected KEY=SPEC"},
        {"=1,2", "vary =1,2: empty KEY in KEY=SPEC"},
        {"k=", "vary k=: empty SPEC: expected v1,v2,... or lo:hi:step"},
        {"k=1,,2", "vary k=1,,2: empty value in the list v1,v2,..."},
        {"k=1:2", "vary k=1:2: a range is lo:hi:step (three numbers)"},
        {"k=1:5:0", "vary k=1:5:0: the step of lo:hi:step must be positive"},
        {"k=5:1:1", "vary k=5:1:1: hi is below lo in lo:hi:step"},
        {"k=1 months:5 years:1",
         "vary k=1 months:5 years:1: the range mixes units 'months' and 'years'"},
        {"k=a:5:1",
         "vary k=a:5:1: 'a' is not a number with an optional unit (a range is lo:hi:step, "
         "e.g. 42:60:6 months)"},
        {"k=0:1e9:1",
         "vary k=0:1e9:1: '1e9' is not a number with an optional unit (a range is "
         "lo:hi:step, e.g. 42:60:6 months)"},
        {"k=0:200000000:1", "vary k=0:200000000:1: more than 10^8 values"},
    };
    for (const auto& test_case : cases) {
      // Named members, not a structured binding: clang 14 cannot capture one (CAPTURE does).
      const char* spec = test_case.first;
      CAPTURE(spec);
      CHECK_THROWS_WITH_AS((void)parse_vary(spec), test_case.second, UsageError);
    }
    // The CLI names its option instead.
    CHECK_THROWS_WITH_AS((void)parse_vary("k=", "--vary"),
                         "--vary k=: empty SPEC: expected v1,v2,... or lo:hi:step", UsageError);
    CHECK(parse_vary("k=1,2", "--vary").label == "--vary");
  }

  TEST_CASE("the last axis varies fastest and points are numbered in that order") {
    const SweepGrid grid({parse_vary("a=1,2"), parse_vary("b=x,y,z")});
    CHECK(grid.point_count() == 6);
    CHECK(grid.coordinates(0) == std::vector<std::size_t>{0, 0});
    CHECK(grid.coordinates(1) == std::vector<std::size_t>{0, 1});
    CHECK(grid.coordinates(3) == std::vector<std::size_t>{1, 0});
    CHECK(grid.coordinates(5) == std::vector<std::size_t>{1, 2});
    CHECK(grid.assignments(4) == std::vector<std::string>{"a=2", "b=y"});
  }

  TEST_CASE("a key varied twice or no axis at all is a usage error") {
    CHECK_THROWS_AS(SweepGrid({parse_vary("a=1"), parse_vary("a=2")}), UsageError);
    CHECK_THROWS_AS(SweepGrid({}), UsageError);
  }

  TEST_CASE("the header lists index, the keys, status, TOTAL metrics and project dates") {
    const Sweep sweep = make_sweep({"projects.mine.phases.shafts.duration=30 months,36 months"});
    CHECK(sweep.header() ==
          "index,projects.mine.phases.shafts.duration,status,commissioning,full_capacity,capex,"
          "peak_construction_jobs,permanent_jobs,indirect_jobs,induced_jobs,job_years_direct,"
          "job_years_indirect,job_years_induced,indirect_jobs_host,indirect_jobs_rest,"
          "induced_jobs_host,induced_jobs_rest,output,value_added,commissioning_smelter,"
          "commissioning_mine,full_capacity_smelter,full_capacity_mine,campaign\n");
  }

  TEST_CASE("every row ends with the campaign fingerprint, which the inputs change") {
    Sweep sweep = make_sweep({"projects.mine.phases.shafts.duration=30 months,36 months"});
    const std::string& fingerprint = sweep.fingerprint();
    CHECK(fingerprint.size() == 16);
    CHECK(fields(sweep.run_point(0).row).back() == fingerprint);
    CHECK(fields(sweep.run_point(1).row).back() == fingerprint);
    CHECK(make_sweep({"projects.mine.phases.shafts.duration=30 months,36 months"}).fingerprint() ==
          fingerprint);
    // Another axis value or another base (a --set) is another campaign.
    CHECK(make_sweep({"projects.mine.phases.shafts.duration=30 months,37 months"}).fingerprint() !=
          fingerprint);
    CHECK(make_sweep({"projects.mine.phases.shafts.duration=30 months,36 months"},
                     {"economy.flq_delta=0.3"})
              .fingerprint() != fingerprint);
  }

  TEST_CASE("a point's metrics are the TOTAL row ripple run writes for the same overrides") {
    Sweep sweep = make_sweep(
        {"projects.mine.phases.shafts.duration=30 months,42 months", "economy.flq_delta=0.2,0.3"});
    for (std::uint64_t i = 0; i < sweep.grid().point_count(); ++i) {
      CAPTURE(i);
      const SweepPoint point = sweep.run_point(i);
      REQUIRE_FALSE(point.failure);
      const ScenarioTree tree = build_scenario_tree(kScenario, {}, sweep.grid().assignments(i));
      const Scenario scenario = scenario_from_yaml(tree.root, tree.sources);
      const std::optional<Economy> economy = load_scenario_economy(scenario);
      Pipeline pipeline(scenario, economy ? &*economy : nullptr);
      std::ostringstream summary;
      write_summary_csv(summary, pipeline.run().summary);
      const std::string text = summary.str();
      const std::string total = text.substr(text.rfind("TOTAL,all,"));
      const auto expected = fields(total);  // TOTAL, all, 16 metrics
      const auto got = fields(point.row);  // index, 2 values, status, 16 metrics, 4 dates, campaign
      REQUIRE(got.size() == 25);
      CHECK(got[0] == std::to_string(i));
      CHECK(got[3] == "ok");
      CHECK(std::vector<std::string>(got.begin() + 4, got.begin() + 20) ==
            std::vector<std::string>(expected.begin() + 2, expected.end()));
    }
  }

  TEST_CASE("a longer mine schedule moves the mine's commissioning by the same months") {
    Sweep sweep = make_sweep({"projects.mine.phases.shafts.duration=30:42:6 months"});
    const auto a = fields(sweep.run_point(0).row);
    const auto b = fields(sweep.run_point(2).row);
    CHECK(a[1] == "30 months");
    CHECK(b[1] == "42 months");
    CHECK(a[20] == "2029-11");  // commissioning_mine: 2025-05 + 30 + 24 months of plant
    CHECK(b[20] == "2030-11");
    CHECK(a[19] == b[19]);  // the smelter does not depend on the mine
  }

  TEST_CASE("an invalid point fails alone: status error, empty metrics, the override named") {
    Sweep sweep = make_sweep({"projects.mine.phases.shafts.duration=-3 months,36 months"});
    const SweepPoint bad = sweep.run_point(0);
    REQUIRE(bad.failure);
    CHECK(bad.failure->code == ExitCode::kInvalidInput);
    CHECK(bad.failure->message.find("vary projects.mine.phases.shafts.duration=-3 months: "
                                    "error: ") == 0);
    CHECK(bad.row == "0,-3 months,error" + std::string(21, ',') + sweep.fingerprint() + "\n");
    CHECK(fields(bad.row).size() == 24);
    const SweepPoint good = sweep.run_point(1);
    CHECK_FALSE(good.failure);
    CHECK(fields(good.row)[2] == "ok");
  }

  TEST_CASE("an unknown key fails the point with the nearest valid keys") {
    Sweep sweep = make_sweep({"projects.mine.phases.shaft.duration=36 months"});
    const SweepPoint point = sweep.run_point(0);
    REQUIRE(point.failure);
    CHECK(point.failure->message.find("shafts") != std::string::npos);
  }

  TEST_CASE("the economy is factorised once per distinct options, not per point") {
    Sweep one = make_sweep({"projects.mine.phases.shafts.duration=30:39:3 months"});
    for (std::uint64_t i = 0; i < 4; ++i) CHECK_FALSE(one.run_point(i).failure);
    CHECK(one.economies_loaded() == 1);
    Sweep two = make_sweep(
        {"economy.flq_delta=0.2,0.3", "projects.mine.phases.shafts.duration=30 months,36 months"});
    for (std::uint64_t i = 0; i < 4; ++i) CHECK_FALSE(two.run_point(i).failure);
    CHECK(two.economies_loaded() == 2);
  }

  TEST_CASE("a shard's rows are the unsharded rows of its indices, whatever the run order") {
    const std::vector<std::string> varies = {"projects.mine.phases.shafts.duration=30:42:6 months",
                                             "economy.flq_delta=0.2,0.3"};
    Sweep whole = make_sweep(varies);
    std::vector<std::string> rows;
    for (std::uint64_t i = 0; i < whole.grid().point_count(); ++i) {
      const SweepPoint point = whole.run_point(i);
      CHECK_FALSE(point.failure);
      rows.push_back(point.row);
    }
    const Shard shard = parse_shard("2/4");
    Sweep part = make_sweep(varies);
    for (std::uint64_t i = part.grid().point_count(); i-- > 0;) {
      if (shard.contains(i)) CHECK(part.run_point(i).row == rows[i]);
    }
  }

  TEST_CASE("--set applies under every point and --vary wins over it") {
    Sweep sweep = make_sweep({"projects.mine.phases.shafts.duration=30 months"},
                             {"projects.mine.phases.shafts.duration=60 months",
                              "projects.smelter.phases.commissioning.duration=9 months"});
    const auto row = fields(sweep.run_point(0).row);
    CHECK(row[20] == "2029-11");
    CHECK(row[19] == "2029-02");  // smelter commissioning 6 months later than with 3 months
  }

  TEST_CASE("direct keys give the rows the re-read path gives, byte for byte") {
    Sweep sweep = make_sweep(kDirectAxes);
    CHECK(sweep.is_direct());
    sweep.prepare(1);
    CHECK(sweep.is_direct());
    CHECK(sweep.reread_reason().empty());
    REQUIRE(sweep.grid().point_count() == 48);
    std::uint64_t failures = 0;
    for (std::uint64_t i = 0; i < sweep.grid().point_count(); ++i) {
      CAPTURE(i);
      const SweepPoint direct = sweep.run_point(i);
      const SweepPoint reread = sweep.run_point_reread(i);
      CHECK(direct.row == reread.row);
      REQUIRE(direct.failure.has_value() == reread.failure.has_value());
      if (direct.failure) {
        ++failures;
        CHECK(direct.failure->message == reread.failure->message);
        CHECK(direct.failure->message.find("vary projects.mine.phases.shafts.duration=-2 months: "
                                           "error: ") == 0);
      }
    }
    CHECK(failures == 16);  // the -2 months third of the grid
  }

  TEST_CASE("more keys of the direct path: dates, capex, jobs, baseline, milestones") {
    const std::vector<std::vector<std::string>> cases = {
        {"projects.mine.phases.shafts.not_before=2025-05,2026-01",
         "projects.smelter.phases.construction.capex_m=1500,1800"},
        {"projects.smelter.milestones.epc_contract.date=2024-06-03,2024-09-01",
         "projects.mine.phases.plant.permanent_jobs=900,1200",
         "projects.mine.phases.shafts.construction_jobs=600,1200"},
        {"projects.mine.phases.plant.capacity=2 Mt/yr,3 Mt/yr",
         "economy.household_closure=true,false"},
    };
    for (const auto& axes : cases) {
      CAPTURE(axes.front());
      Sweep sweep = make_sweep(axes);
      sweep.prepare(2);
      REQUIRE(sweep.is_direct());
      for (std::uint64_t i = 0; i < sweep.grid().point_count(); ++i) {
        CAPTURE(i);
        const SweepPoint point = sweep.run_point(i);
        CHECK_FALSE(point.failure);
        CHECK(point.row == sweep.run_point_reread(i).row);
      }
    }
  }

  TEST_CASE("a direct point worked by hand: a later start and more capex") {
    Sweep sweep = make_sweep({"projects.mine.phases.shafts.not_before=2026-01",
                              "projects.smelter.phases.construction.capex_m=1700"});
    sweep.prepare(1);
    REQUIRE(sweep.is_direct());
    const auto row = fields(sweep.run_point(0).row);
    REQUIRE(row.size() == 25);
    CHECK(row[3] == "ok");
    // Shafts start on 2026-01-01 instead of the as_of 2025-05, take 36 months (to 2029-01),
    // then the plant 24 months: commissioning 2031-01.
    CHECK(row[21] == "2031-01");
    // The smelter's dates do not move: started 2024-09, 44 months (the mode), then 3 months.
    CHECK(row[20] == "2028-08");
    CHECK(row[6] == "2500.000");  // capex: the smelter's 1700 + the shafts' 800
  }

  TEST_CASE("structural keys and two axes on one item re-read the scenario per point") {
    const Sweep calendar = make_sweep({"calendar.end=2034-12,2035-12"});
    CHECK_FALSE(calendar.is_direct());
    CHECK(calendar.reread_reason() ==
          "vary calendar.end: the key is not one the sweep applies directly");
    const Sweep same = make_sweep({"projects.mine.phases.shafts.duration=30 months,36 months",
                                   "projects.mine.phases.shafts.capex_m=800,900"});
    CHECK_FALSE(same.is_direct());
    CHECK(same.reread_reason() ==
          "vary projects.mine.phases.shafts.capex_m and projects.mine.phases.shafts.duration "
          "change the same item");
    Sweep relinked = make_sweep({"projects.mine.phases.plant.depends_on=[[shafts], []]"});
    CHECK(relinked.is_direct());
    relinked.prepare(1);
    CHECK_FALSE(relinked.is_direct());
    CHECK(relinked.reread_reason() ==
          "vary projects.mine.phases.plant.depends_on=[] changes a predecessor or a link type");
    // The re-read path still runs every point.
    const SweepPoint point = relinked.run_point(1);
    CHECK_FALSE(point.failure);
    CHECK(point.row == relinked.run_point_reread(1).row);
  }

  TEST_CASE("the direct path gives way when checking values would cost more than re-reading") {
    // 600 capex values: 600 scenario reads up front, more than the 512 allowed.
    Sweep many = make_sweep({"projects.smelter.phases.construction.capex_m=1:600:1"});
    CHECK(many.is_direct());
    many.prepare(1);
    CHECK_FALSE(many.is_direct());
    CHECK(many.reread_reason() ==
          "600 scenario reads and 0 durations to check up front for 600 points: re-reading "
          "costs less");
    // A shard of 2 points of a 6-value capex axis: 6 reads for 2 points.
    Sweep shard = make_sweep({"projects.smelter.phases.construction.capex_m=1:6:1"});
    const std::string rows = run_text(shard, Shard{1, 3}, 1);
    CHECK_FALSE(shard.is_direct());
    CHECK(rows == run_text(shard, Shard{1, 3}, 1, true));
    // 100,001 durations.
    Sweep durations = make_sweep({"projects.mine.phases.shafts.duration=1:100001:1 days"});
    durations.prepare(1);
    CHECK_FALSE(durations.is_direct());
    CHECK(durations.reread_reason() ==
          "0 scenario reads and 100001 durations to check up front for 100001 points: "
          "re-reading costs less");
  }

  TEST_CASE("one thread, two threads and merged shards write the same bytes") {
    Sweep one = make_sweep(kDirectAxes);
    const std::string expected = run_text(one, Shard{}, 1);
    CHECK(expected == run_text(one, Shard{}, 1, true));  // the re-read path
    Sweep two = make_sweep(kDirectAxes);
    CHECK(run_text(two, Shard{}, 2) == expected);
    std::vector<CsvShardText> shards;
    for (std::uint64_t k = 1; k <= 3; ++k) {
      Sweep part = make_sweep(kDirectAxes);
      shards.push_back({"shard " + std::to_string(k), run_text(part, Shard{k, 3}, 2)});
    }
    std::ostringstream merged;
    merge_csv_texts(shards, merged);
    CHECK(merged.str() == expected);
  }

  TEST_CASE("a value with a comma is quoted in the CSV") {
    CHECK(csv_field("36 months") == "36 months");
    CHECK(csv_field("{a: [1, 2]}") == "\"{a: [1, 2]}\"");
    CHECK(csv_field("say \"hi\", then") == "\"say \"\"hi\"\", then\"");
  }
}

}  // namespace
}  // namespace ripple
