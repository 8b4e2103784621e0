#include "ripple/monte_carlo.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "ripple/cpm.hpp"
#include "ripple/economy_link.hpp"
#include "ripple/error.hpp"
#include "ripple/mc_sampler.hpp"
#include "ripple/mc_summary.hpp"
#include "ripple/pipeline.hpp"
#include "ripple/run_report.hpp"
#include "ripple/sampling.hpp"
#include "ripple/scenario_reader.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace {

namespace fs = std::filesystem;

const std::string kTwoProjects =
    std::string(RIPPLE_SOURCE_DIR) + "/tests/data/mc/two_projects.yaml";
const std::string kCorrelated = std::string(RIPPLE_SOURCE_DIR) + "/tests/data/mc/correlated.yaml";
const std::string kDefault = std::string(RIPPLE_SOURCE_DIR) + "/scenarios/kazakhstan_2025.yaml";
const std::string kNetwork = std::string(RIPPLE_SOURCE_DIR) + "/tests/data/mc/network.yaml";
const std::string kCrewWait = std::string(RIPPLE_SOURCE_DIR) + "/tests/data/mc/crew_wait.yaml";
const std::string kSweepTwo =
    std::string(RIPPLE_SOURCE_DIR) + "/tests/data/sweep/two_projects.yaml";
const char* const kFiles[] = {"mc.json",          "mc_runs.csv",           "mc_critical.csv",
                              "mc_inputs.csv",    "mc_jobs.csv",           "mc_summary.csv",
                              "criticality.csv",  "sensitivity.csv",       "mc_risks.csv",
                              "risks.csv",        "mc_jobs_by_period.csv", "mc_scurve.csv",
                              "mc_resources.csv", "resource_delays.csv"};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh directory under the system's temporary directory, one per checkout (the working
// directory): several checkouts may run the suite at once on one machine.
fs::path temp_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() /
      ("ripple_mc_test_" + std::to_string(std::hash<std::string>{}(fs::current_path().string())) +
       "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The cells of a CSV file's lines (no quoting: ripple's mc files have none).
std::vector<std::vector<std::string>> read_rows(const fs::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream cells_in(line);
    for (std::string cell; std::getline(cells_in, cell, ',');) cells.push_back(cell);
    rows.push_back(std::move(cells));
  }
  return rows;
}

McMetadata metadata_of(const Scenario& scenario) {
  McMetadata meta;
  meta.ripple_version = "test";
  meta.scenario_path = scenario.path;
  meta.scenario_name = scenario.name;
  return meta;
}

// Bit for bit: NaN (a blank cell) equals NaN, 0.0 differs from -0.0.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](double x, double y) {
    return std::bit_cast<std::uint64_t>(x) == std::bit_cast<std::uint64_t>(y);
  });
}

void check_same_table(const std::optional<McTable>& a, const std::optional<McTable>& b) {
  REQUIRE(a.has_value() == b.has_value());
  if (!a) return;
  REQUIRE(a->names == b->names);
  REQUIRE(a->values.size() == b->values.size());
  for (std::size_t c = 0; c < a->values.size(); ++c) {
    CAPTURE(a->names[c]);
    CHECK(same_bits(a->values[c], b->values[c]));
  }
}

void check_same_stats(const McStats& a, const McStats& b) {
  CHECK(a.count == b.count);
  CHECK(same_bits({a.mean, a.sd, a.p5, a.p10, a.p25, a.p50, a.p75, a.p90, a.p95},
                  {b.mean, b.sd, b.p5, b.p10, b.p25, b.p50, b.p75, b.p90, b.p95}));
}

// Two lists of rows, each compared on the fields `fields` ties up.
template <typename Row, typename Fields>
void check_same_rows(const std::vector<Row>& a, const std::vector<Row>& b, Fields fields) {
  REQUIRE(a.size() == b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    CAPTURE(a[k].id);
    CHECK(fields(a[k]) == fields(b[k]));
  }
}

// Every field of two terminal summaries (none is NaN: == is bit for bit but for the sign of 0).
void check_same_summary(const McSummary& a, const McSummary& b) {
  CHECK(a.runs == b.runs);
  CHECK(a.jobs_year == b.jobs_year);
  check_same_rows(a.projects, b.projects, [](const McProjectSummary& p) {
    return std::tie(p.id, p.target, p.p_on_time, p.p10, p.p50, p.p90, p.adds_capacity, p.finish_p10,
                    p.finish_p50, p.finish_p80, p.finish_p90, p.finish_p_on_time);
  });
  check_same_rows(a.milestones, b.milestones, [](const McMilestoneSummary& m) {
    return std::tie(m.id, m.target, m.p_on_time, m.p10, m.p50, m.p80, m.p90);
  });
  check_same_stats(a.jobs, b.jobs);
  check_same_stats(a.job_years, b.job_years);
  check_same_rows(a.resources, b.resources, [](const McResourceSummary& r) {
    return std::tie(r.id, r.runs_delayed, r.delay_share, r.mean_wait_days,
                    r.mean_wait_days_if_delayed, r.p50_wait_days, r.p90_wait_days,
                    r.critical_delay_share, r.mean_critical_wait_days);
  });
}

}  // namespace

TEST_SUITE("batch") {
  TEST_CASE("percentiles follow type 7 for numbers and type 1 for dates") {
    const std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // R: quantile(1:10, c(0.1, 0.5, 0.95)) = 1.9, 5.5, 9.55; type 1: 1, 5, 10.
    CHECK(percentile_type7(x, 0.1) == doctest::Approx(1.9).epsilon(1e-12));
    CHECK(percentile_type7(x, 0.5) == doctest::Approx(5.5).epsilon(1e-12));
    CHECK(percentile_type7(x, 0.95) == doctest::Approx(9.55).epsilon(1e-12));
    CHECK(percentile_type1(x, 0.1) == 1.0);
    CHECK(percentile_type1(x, 0.15) == 2.0);
    CHECK(percentile_type1(x, 0.5) == 5.0);
    CHECK(percentile_type1(x, 0.95) == 10.0);
  }

  TEST_CASE("spearman is 1 for a monotone relation, averages ties, and is undefined when flat") {
    CHECK(*spearman({1, 2, 3, 4}, {1, 4, 9, 16}) == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(*spearman({1, 2, 3, 4}, {8, 6, 4, 2}) == doctest::Approx(-1.0).epsilon(1e-12));
    // Ranks of (0, 0, 1, 1) are (1.5, 1.5, 3.5, 3.5); with (1, 2, 3, 4) rho = 0.894427.
    CHECK(*spearman({0, 0, 1, 1}, {1, 2, 3, 4}) == doctest::Approx(0.894427191).epsilon(1e-9));
    CHECK_FALSE(spearman({1, 1, 1, 1}, {1, 2, 3, 4}).has_value());
  }

  TEST_CASE("a one-phase triangular scenario commissions at the triangular quantiles") {
    const Scenario scenario = load_scenario(kTwoProjects);
    Pipeline pipeline(scenario, nullptr);
    const McSampler sampler(scenario, pipeline.plan(), 2024);
    McDraw draw;
    std::vector<Duration> durations;
    std::vector<double> months;
    const Date start = Date::from_ymd(2026, 1, 1);
    constexpr int kRuns = 20000;
    for (int i = 0; i < kRuns; ++i) {
      sampler.draw(static_cast<std::uint64_t>(i), draw);
      sampler.durations(draw, std::nullopt, durations);
      pipeline.plan().set_durations(durations);
      const RunResult& result = pipeline.run();
      const Date commissioning = *result.summary.projects[0].commissioning;
      // Months after the start, with the last month's fraction from its days.
      const int whole = months_between(start, commissioning);
      const Date month = start.add_months(whole);
      months.push_back(whole +
                       double(commissioning - month) / days_in_month(month.year(), month.month()));
    }
    std::sort(months.begin(), months.end());
    for (double p : {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95}) {
      CAPTURE(p);
      const double expected = triangular_quantile(12.0, 18.0, 30.0, p);
      // Sampling error of a quantile at n = 20,000 is ~0.05 months; dates round to days.
      CHECK(percentile_type7(months, p) == doctest::Approx(expected).epsilon(0.01));
    }
  }

  TEST_CASE("a risk with probability 0.3 fires in 30% of the runs") {
    const Scenario scenario = load_scenario(kTwoProjects);
    const Plan plan(scenario);
    const McSampler sampler(scenario, plan, 99);
    McDraw draw;
    constexpr int kRuns = 20000;
    int fired = 0;
    double delay_sum = 0.0;
    for (int i = 0; i < kRuns; ++i) {
      sampler.draw(static_cast<std::uint64_t>(i), draw);
      fired += draw.fired[0];
      delay_sum += draw.delay[0];
      if (draw.fired[0] == 0) CHECK(draw.delay[0] == 0.0);
    }
    const double share = double(fired) / kRuns;
    // 4 standard errors: sqrt(0.3 * 0.7 / 20000) = 0.0032.
    CHECK(std::abs(share - 0.3) < 4 * 0.0032);
    // A fired delay is uniform on [30, 90] days: mean 60.
    CHECK(delay_sum / fired == doctest::Approx(60.0).epsilon(0.02));
  }

  TEST_CASE("a fired delay in days adds to a phase in months at 30.4375 days a month") {
    const Scenario scenario = load_scenario(kTwoProjects);
    const Plan plan(scenario);
    const McSampler sampler(scenario, plan, 5);
    McDraw draw;
    std::vector<Duration> durations;
    for (std::uint64_t i = 0;; ++i) {
      sampler.draw(i, draw);
      if (draw.fired[0] == 0) continue;
      sampler.durations(draw, std::nullopt, durations);
      const Duration d = durations[plan.vertex({1, 0})];
      CHECK(d.unit == TimeUnit::kYears);
      CHECK(d.amount == doctest::Approx(2.0 + draw.delay[0] / 30.4375 / 12.0).epsilon(1e-12));
      sampler.durations(draw, std::size_t{0}, durations);
      CHECK(durations[plan.vertex({1, 0})].amount == 2.0);
      break;
    }
    CHECK(unit_factor(TimeUnit::kWeeks, TimeUnit::kDays) == 7.0);
    CHECK(unit_factor(TimeUnit::kMonths, TimeUnit::kDays) == 30.4375);
    CHECK(unit_factor(TimeUnit::kQuarters, TimeUnit::kYears) == doctest::Approx(0.25));
  }

  TEST_CASE("a variant that changes one phase leaves every other input's draws unchanged") {
    const Scenario base = load_scenario(kDefault);
    Scenario variant = base;
    Phase& changed = variant.projects[0].phases[1];  // abay_smelter.construction
    REQUIRE_FALSE(changed.duration.values.is_fixed());
    changed.duration.values.c += 12.0;
    variant.risks[0].probability = 0.9;
    const Plan base_plan(base);
    const Plan variant_plan(variant);
    const McSampler a(base, base_plan, 42);
    const McSampler b(variant, variant_plan, 42);
    const auto changed_index = a.sampled_index(base_plan.vertex({0, 1}));
    REQUIRE(changed_index.has_value());
    McDraw da;
    McDraw db;
    for (std::uint64_t i = 0; i < 200; ++i) {
      CAPTURE(i);
      a.draw(i, da);
      b.draw(i, db);
      REQUIRE(da.duration.size() == db.duration.size());
      for (std::size_t k = 0; k < da.duration.size(); ++k) {
        if (k != *changed_index) CHECK(da.duration[k] == db.duration[k]);
      }
      for (std::size_t r = 1; r < base.risks.size(); ++r) {
        CHECK(da.fired[r] == db.fired[r]);
        CHECK(da.delay[r] == db.delay[r]);
        CHECK(da.cost_m[r] == db.cost_m[r]);
      }
      // The changed risk (probability 0.35 -> 0.9) fires in a superset of the runs, with
      // the same delay when it fires in both.
      if (da.fired[0] != 0) {
        CHECK(db.fired[0] == 1);
        CHECK(da.delay[0] == db.delay[0]);
      }
    }
  }

  TEST_CASE("the statistics kept in memory during the runs equal those read back from the files") {
    // An unsharded campaign's statistics come from the values it kept while running
    // (McSinks::columns); a merge reads them from the per-run files. Both must give the same
    // columns, bit for bit, the same terminal summary and the same statistics files.
    struct Case {
      std::string scenario;
      bool economy;
      bool rank_risks;
      std::size_t wide_column_limit;
      int jobs_year;
    };
    const Case cases[] = {
        {kDefault, true, false, 200, 2030},      // economy, capacity, jobs, inputs
        {kDefault, true, true, 200, 2030},       // and mc_risks.csv, risks.csv
        {kDefault, false, false, 3, 2030},       // no economy; criticality from counts
        {kNetwork, false, false, 200, 2027},     // milestones and targets, schedule fast path
        {kNetwork, false, false, 3, 2027},       // the same without the wide files
        {kCrewWait, false, false, 200, 2026},    // resources (resource kernel)
        {kCrewWait, false, false, 1, 2026},      // resources, counts with resource_critical
        {kCorrelated, false, false, 200, 2030},  // correlation factor
        {kTwoProjects, false, false, 200, 2030},
    };
    const char* const statistics[] = {
        "mc_summary.csv", "mc_scurve.csv",         "criticality.csv",    "sensitivity.csv",
        "risks.csv",      "mc_jobs_by_period.csv", "resource_delays.csv"};
    int number = 0;
    for (const Case& c : cases) {
      CAPTURE(c.scenario);
      CAPTURE(c.rank_risks);
      CAPTURE(c.wide_column_limit);
      const Scenario scenario = load_scenario(c.scenario);
      const std::optional<Economy> economy =
          c.economy ? load_scenario_economy(scenario) : std::nullopt;
      const Economy* econ = economy ? &*economy : nullptr;
      McOptions options;
      options.runs = c.rank_risks ? 25 : 60;
      options.seed = 11;
      options.threads = 2;
      options.jobs_year = c.jobs_year;
      options.rank_risks = c.rank_risks;
      options.wide_column_limit = c.wide_column_limit;
      const fs::path dir = temp_dir("columns" + std::to_string(number++));
      const std::optional<McSummary> in_memory =
          run_monte_carlo_to_directory(scenario, econ, options, metadata_of(scenario), dir);
      REQUIRE(in_memory.has_value());

      // The columns themselves: kept during the runs, and read from the files written.
      std::ostringstream runs, critical, inputs, risks, jobs, counts, resources;
      McColumns kept;
      McSinks sinks{&runs, &critical, &inputs, &risks, &jobs, &counts, &resources, &kept};
      run_monte_carlo(scenario, econ, options, sinks);
      const McColumns read = read_mc_columns(dir, read_mc_metadata(dir / "mc.json"));
      CHECK(read.runs.values.front().size() == options.runs);
      check_same_table(kept.runs, read.runs);
      check_same_table(kept.resources, read.resources);
      check_same_table(kept.inputs, read.inputs);
      check_same_table(kept.jobs, read.jobs);
      CHECK(kept.critical.activities == read.critical.activities);
      CHECK(kept.critical.critical == read.critical.critical);
      CHECK(kept.critical.resource_critical == read.critical.resource_critical);
      REQUIRE(kept.risk_sums.has_value() == read.risk_sums.has_value());
      if (kept.risk_sums) CHECK(same_bits(*kept.risk_sums, *read.risk_sums));

      // The statistics files and the summary, then the same read back from the files.
      std::map<std::string, std::string> written;
      for (const char* name : statistics) {
        if (fs::exists(dir / name)) written[name] = read_file(dir / name);
      }
      CHECK(written.count("mc_summary.csv") == 1);
      CHECK(written.count("risks.csv") == (c.rank_risks ? 1 : 0));
      if (c.scenario == kCrewWait) CHECK(written.count("resource_delays.csv") == 1);
      if (c.scenario == kNetwork) CHECK(written.count("mc_jobs_by_period.csv") == 0);
      for (const auto& [name, text] : written) fs::remove(dir / name);
      const McSummary from_files = summarise_mc_directory(dir);
      check_same_summary(*in_memory, from_files);
      for (const char* name : statistics) {
        CAPTURE(name);
        CHECK(fs::exists(dir / name) == (written.count(name) == 1));
        if (written.count(name) == 1) CHECK(read_file(dir / name) == written[name]);
      }
      std::ostringstream a, b;
      const McMetadata meta = read_mc_metadata(dir / "mc.json");
      write_mc_table(a, *in_memory, meta);
      write_mc_table(b, from_files, meta);
      CHECK(a.str() == b.str());
    }
  }

  TEST_CASE("mc files are identical for 1 and 2 threads and for merged shards") {
    const Scenario scenario = load_scenario(kDefault);
    const std::optional<Economy> economy = load_scenario_economy(scenario);
    McOptions options;
    options.runs = 40;
    options.seed = 7;
    options.jobs_year = 2030;
    options.rank_risks = true;
    const Economy* econ = economy ? &*economy : nullptr;

    options.threads = 1;
    const fs::path one = temp_dir("threads1");
    const auto summary =
        run_monte_carlo_to_directory(scenario, econ, options, metadata_of(scenario), one);
    REQUIRE(summary.has_value());
    CHECK(summary->runs == 40);
    options.threads = 2;
    const fs::path two = temp_dir("threads2");
    (void)run_monte_carlo_to_directory(scenario, econ, options, metadata_of(scenario), two);
    for (const char* name : kFiles) {
      CAPTURE(name);
      REQUIRE(fs::exists(one / name));
      CHECK(read_file(one / name) == read_file(two / name));
    }

    for (std::uint64_t count : {2, 3, 4}) {
      CAPTURE(count);
      std::vector<fs::path> shards;
      for (std::uint64_t k = 0; k < count; ++k) {
        McOptions shard = options;
        shard.threads = 1 + static_cast<unsigned>(k % 2);
        shard.shard_index = k;
        shard.shard_count = count;
        shards.push_back(temp_dir("shard" + std::to_string(count) + "_" + std::to_string(k)));
        CHECK_FALSE(run_monte_carlo_to_directory(scenario, econ, shard, metadata_of(scenario),
                                                 shards.back())
                        .has_value());
        CHECK_FALSE(fs::exists(shards.back() / "mc_summary.csv"));
      }
      const fs::path merged = temp_dir("merged" + std::to_string(count));
      (void)merge_mc_directories(shards, merged);
      for (const char* name : kFiles) {
        CAPTURE(name);
        CHECK(read_file(one / name) == read_file(merged / name));
      }
      if (count == 3) {
        // Without its last shard the campaign has gaps: refused.
        shards.pop_back();
        CHECK_THROWS_AS(merge_mc_directories(shards, temp_dir("gap")), InputError);
      }
    }
  }

  TEST_CASE("a ramp-up given as a distribution is drawn per run and sets full capacity") {
    const Scenario scenario =
        load_scenario(std::string(RIPPLE_SOURCE_DIR) + "/tests/data/mc/ramp.yaml");
    const Phase& build = scenario.projects[0].phases[0];
    REQUIRE(build.ramp_up.sampled.has_value());
    CHECK(build.ramp_up.duration == Duration{12.0, TimeUnit::kMonths});  // the mode
    McRunner runner(scenario, nullptr, 9);
    REQUIRE(runner.sampler().inputs().back().name == "ramp_up:plant.build");
    CHECK(runner.sampler().inputs().back().unit == "months");
    std::vector<double> draws;
    for (std::uint64_t i = 0; i < 2000; ++i) {
      const RunResult& result = runner.run(i);
      const double drawn = runner.draw().ramp.at(0);
      draws.push_back(drawn);
      const Date finish = result.timeline.activities[0][0].finish;
      CHECK(result.timeline.full_capacity[0] == Duration{drawn, TimeUnit::kMonths}.after(finish));
    }
    std::sort(draws.begin(), draws.end());
    for (double p : {0.1, 0.5, 0.9}) {
      CAPTURE(p);
      CHECK(percentile_type7(draws, p) ==
            doctest::Approx(triangular_quantile(6.0, 12.0, 24.0, p)).epsilon(0.03));
    }
  }

  TEST_CASE("finish and milestone dates are CPM's on the same draws, percentiles and all") {
    const Scenario scenario = load_scenario(kNetwork);
    McOptions options;
    options.runs = 600;
    options.seed = 31;
    options.threads = 2;
    options.jobs_year = 2027;
    const McLayout layout = mc_layout(scenario, false, options);
    CHECK(layout.schedule_only);
    const fs::path dir = temp_dir("network");
    const auto summary =
        run_monte_carlo_to_directory(scenario, nullptr, options, metadata_of(scenario), dir);
    REQUIRE(summary.has_value());

    // Independently: CPM (compute_schedule) on the plan with each run's sampled durations.
    Plan plan(scenario);
    const McSampler sampler(scenario, plan, options.seed);
    McDraw draw;
    std::vector<Duration> durations;
    const ActivityRef ready{1, scenario.projects[1].phase_index("ready")};
    std::vector<std::vector<double>> days(3);  // par.finish, net.finish, net.ready.date
    std::vector<int> critical(plan.size(), 0);
    const auto rows = read_rows(dir / "mc_runs.csv");
    REQUIRE(rows.size() == options.runs + 1);
    CHECK(rows[0] ==
          std::vector<std::string>{"index", "seed", "par.finish", "net.finish", "net.ready.date"});
    for (std::uint64_t i = 0; i < options.runs; ++i) {
      sampler.draw(i, draw);
      sampler.durations(draw, std::nullopt, durations);
      plan.set_durations(durations);
      const Schedule cpm = compute_schedule(plan);
      const std::vector<Date> dates{*cpm.project_finish[0], *cpm.project_finish[1],
                                    cpm.at(ready).early_finish};
      for (std::size_t c = 0; c < dates.size(); ++c) {
        CHECK(rows[i + 1][c + 2] == dates[c].to_string());
        days[c].push_back(dates[c].days());
      }
      for (const auto& path : cpm.critical_paths) {
        for (const ActivityRef ref : path) ++critical[plan.vertex(ref)];
      }
    }
    const auto summary_rows = read_rows(dir / "mc_summary.csv");
    const auto scurve = read_rows(dir / "mc_scurve.csv");
    REQUIRE(scurve.size() == 102);
    for (std::size_t c = 0; c < days.size(); ++c) {
      CAPTURE(c);
      std::sort(days[c].begin(), days[c].end());
      const auto date = [&](double p) {
        return Date::from_days(static_cast<int>(percentile_type1(days[c], p))).to_string();
      };
      // metric,mean,sd,p5,p10,p50,p90,p95
      const auto& row = summary_rows[c + 1];
      CHECK(row[3] == date(0.05));
      CHECK(row[4] == date(0.10));
      CHECK(row[5] == date(0.50));
      CHECK(row[6] == date(0.90));
      CHECK(row[7] == date(0.95));
      for (int k = 0; k <= 100; ++k) CHECK(scurve[k + 1][c + 1] == date(k / 100.0));
    }
    const auto criticality = read_rows(dir / "criticality.csv");
    for (Vertex v = 0; v < plan.size(); ++v) {
      CAPTURE(plan.name(v));
      CHECK(criticality[v + 1][0] == plan.name(v));
      CHECK(criticality[v + 1][1] == std::to_string(critical[v]));
    }
    // net.ready's target 2026-02-10: the share of runs on or before that day.
    const double target = Date::from_ymd(2026, 2, 10).days();
    const auto on_time =
        std::count_if(days[2].begin(), days[2].end(), [&](double d) { return d <= target; });
    CHECK(summary_rows[3][8] == "2026-02-10");
    CHECK(summary_rows[3][9] == csv_number(double(on_time) / double(options.runs)));
    REQUIRE(summary->milestones.size() == 1);
    CHECK(summary->milestones[0].p_on_time == doctest::Approx(double(on_time) / options.runs));
    // The terminal summary: P80 of the finish is the 80% row of the S-curve.
    CHECK(summary->projects[1].finish_p80->to_string() == scurve[81][2]);
  }

  TEST_CASE("the finish of two parallel uniform phases follows the law of their maximum") {
    // Each of par.a, par.b lasts U(10, 110) days, rounded: the finish is on or before day t
    // with probability ((t + 0.5 - 10) / 100)^2, so its quantile q is day 10 + 100 sqrt(q).
    const Scenario scenario = load_scenario(kNetwork);
    McOptions options;
    options.runs = 8000;
    options.seed = 2026;
    options.threads = 2;
    options.jobs_year = 2027;
    const fs::path dir = temp_dir("parallel");
    const auto summary =
        run_monte_carlo_to_directory(scenario, nullptr, options, metadata_of(scenario), dir);
    REQUIRE(summary.has_value());
    const Date as_of = scenario.calendar.as_of;
    const auto scurve = read_rows(dir / "mc_scurve.csv");
    for (int k : {10, 25, 50, 80, 90}) {
      CAPTURE(k);
      const double expected = 10.0 + 100.0 * std::sqrt(k / 100.0) - 0.5;
      const double actual = *Date::parse(scurve[k + 1][1]) - as_of;
      // Standard error of a quantile at n = 8,000: below 0.6 days here.
      CHECK(std::abs(actual - expected) <= 2.0);
    }
    // Target 2026-03: on or before 31 March = as_of + 89 days: (79.5 / 100)^2 = 0.632.
    REQUIRE(summary->projects[0].finish_p_on_time.has_value());
    CHECK(*summary->projects[0].finish_p_on_time == doctest::Approx(0.632).epsilon(0.02));
    CHECK_FALSE(summary->projects[0].adds_capacity);
    // No economy, capex, jobs or capacity: no metric columns and no jobs files.
    CHECK(summary->jobs.count == 0);
    CHECK_FALSE(fs::exists(dir / "mc_jobs.csv"));
  }

  TEST_CASE("wide per-run files give way to criticality counts, and shards still merge") {
    const Scenario scenario = load_scenario(kNetwork);
    McOptions options;
    options.runs = 50;
    options.seed = 3;
    options.jobs_year = 2027;
    options.wide_files = true;
    options.threads = 2;
    const fs::path wide = temp_dir("wide");
    (void)run_monte_carlo_to_directory(scenario, nullptr, options, metadata_of(scenario), wide);
    REQUIRE(fs::exists(wide / "mc_critical.csv"));
    REQUIRE(fs::exists(wide / "sensitivity.csv"));
    // 8 activities and 6 sampled inputs: above a limit of 3 columns, neither is written per run.
    options.wide_files = false;
    options.wide_column_limit = 3;
    const fs::path narrow = temp_dir("narrow");
    (void)run_monte_carlo_to_directory(scenario, nullptr, options, metadata_of(scenario), narrow);
    CHECK_FALSE(fs::exists(narrow / "mc_critical.csv"));
    CHECK_FALSE(fs::exists(narrow / "mc_inputs.csv"));
    CHECK_FALSE(fs::exists(narrow / "sensitivity.csv"));
    CHECK(read_file(narrow / "criticality.csv") == read_file(wide / "criticality.csv"));
    std::vector<fs::path> shards;
    for (std::uint64_t k = 0; k < 3; ++k) {
      McOptions shard = options;
      shard.shard_index = k;
      shard.shard_count = 3;
      shard.threads = 1 + static_cast<unsigned>(k % 2);
      shards.push_back(temp_dir("narrow_shard" + std::to_string(k)));
      (void)run_monte_carlo_to_directory(scenario, nullptr, shard, metadata_of(scenario),
                                         shards.back());
      REQUIRE(fs::exists(shards.back() / "mc_critical_counts.csv"));
    }
    const fs::path merged = temp_dir("narrow_merged");
    (void)merge_mc_directories(shards, merged);
    for (const char* name : {"mc_critical_counts.csv", "criticality.csv", "mc_summary.csv",
                             "mc_scurve.csv", "mc_runs.csv"}) {
      CAPTURE(name);
      CHECK(read_file(merged / name) == read_file(narrow / name));
    }
    CHECK(read_file(merged / "mc_summary.csv") == read_file(wide / "mc_summary.csv"));
  }

  TEST_CASE("mc_summary gives the on-time share and commissioning months of each project") {
    const Scenario scenario = load_scenario(kTwoProjects);
    McOptions options;
    options.runs = 2000;
    options.seed = 3;
    options.threads = 2;
    options.jobs_year = 2030;
    const fs::path dir = temp_dir("summary");
    const auto summary =
        run_monte_carlo_to_directory(scenario, nullptr, options, metadata_of(scenario), dir);
    REQUIRE(summary.has_value());
    REQUIRE(summary->projects.size() == 2);
    // risky: 24 months from 2025-06 finish 2027-06; the strike (p 0.3, 30-90 days) pushes
    // it into 2027-07 or later: P(on time by 2027-06) = 0.7 within sampling error.
    REQUIRE(summary->projects[1].p_on_time.has_value());
    CHECK(std::abs(*summary->projects[1].p_on_time - 0.7) < 0.05);
    CHECK(summary->projects[1].p50->to_month_string() == "2027-06");
    // tri: 2026-01 + triangular(12, 18, 30) months; its median 19.75 months: 2027-08.
    CHECK(summary->projects[0].p50->to_month_string() == "2027-08");
    CHECK(summary->jobs.p50 == doctest::Approx(70.0).epsilon(1e-9));
    const std::string text = read_file(dir / "mc_summary.csv");
    CHECK(text.find("metric,mean,sd,p5,p10,p50,p90,p95,target,p_on_time\n") == 0);
    CHECK(text.find("\ntri.commissioning,2027-0") != std::string::npos);
  }

  TEST_CASE("the correlation factor multiplies the durations of correlated phases only") {
    const Scenario plain = load_scenario(kTwoProjects);
    const Scenario correlated = load_scenario(kCorrelated);
    REQUIRE(correlated.correlation.has_value());
    CHECK(correlated.correlation->factor == "financing_climate");
    CHECK(correlated.projects[0].phases[0].correlated);
    CHECK_FALSE(plain.projects[0].phases[0].correlated);
    const Plan plain_plan(plain);
    const Plan correlated_plan(correlated);
    const McSampler a(plain, plain_plan, 17);
    const McSampler b(correlated, correlated_plan, 17);
    CHECK(b.inputs().back().name == "correlation:financing_climate");
    McDraw da;
    McDraw db;
    std::vector<Duration> during_a;
    std::vector<Duration> during_b;
    double sum = 0.0;
    for (std::uint64_t i = 0; i < 2000; ++i) {
      a.draw(i, da);
      b.draw(i, db);
      // Common random numbers: the shared inputs draw the same values.
      CHECK(da.duration == db.duration);
      CHECK(da.fired == db.fired);
      CHECK(da.factor == 1.0);
      CHECK(db.factor >= 0.9);
      CHECK(db.factor <= 1.5);
      sum += db.factor;
      a.durations(da, std::nullopt, during_a);
      b.durations(db, std::nullopt, during_b);
      const Vertex tri = plain_plan.vertex({0, 0});
      CHECK(during_b[tri].amount == doctest::Approx(during_a[tri].amount * db.factor));
      if (da.fired[0] == 0) {
        const Vertex risky = plain_plan.vertex({1, 0});
        CHECK(during_b[risky].amount == doctest::Approx(2.0 * db.factor));
      }
    }
    // Mean of triangular(0.9, 1.0, 1.5) = 1.1333.
    CHECK(sum / 2000 == doctest::Approx(3.4 / 3.0).epsilon(0.01));
  }

  TEST_CASE("the reader checks the correlation block and the phases that follow it") {
    const auto read = [](const std::string& extra, bool correlated_phase) {
      std::string text = read_file(kTwoProjects);
      if (correlated_phase) {
        const std::string key = "        not_before: 2026-01\n";
        text.replace(text.find(key), key.size(), key + "        correlated: true\n");
      }
      return scenario_from_yaml(YAML::Load(text + extra), "s.yaml");
    };
    CHECK_NOTHROW((void)read("", false));
    CHECK_NOTHROW(
        (void)read("correlation: {factor: climate, multiplier: {pert: [0.9, 1, 1.3]}}\n", true));
    const auto message = [&](const std::string& extra, bool correlated_phase) {
      try {
        (void)read(extra, correlated_phase);
      } catch (const InputError& e) {
        return std::string(e.what());
      }
      return std::string();
    };
    CHECK(message("", true).find("correlated = true: the scenario has no `correlation`") !=
          std::string::npos);
    CHECK(message("correlation: {factor: c, multiplier: {uniform: [0, 2]}}\n", true)
              .find("a duration multiplier must be greater than zero") != std::string::npos);
    CHECK(message("correlation: {factor: c}\n", false).find("multiplier") != std::string::npos);
    CHECK(message("correlation: {factor: c, multiplier: 1, sigma: 2}\n", false).find("sigma") !=
          std::string::npos);
  }

  TEST_CASE("the mean of each period in mc_jobs_by_period is the mean of the runs in mc_jobs") {
    const Scenario scenario = load_scenario(kSweepTwo);
    const std::optional<Economy> economy = load_scenario_economy(scenario);
    McOptions options;
    options.runs = 120;
    options.seed = 11;
    options.threads = 2;
    options.jobs_year = 2030;
    const fs::path dir = temp_dir("jobs_by_period");
    (void)run_monte_carlo_to_directory(scenario, economy ? &*economy : nullptr, options,
                                       metadata_of(scenario), dir);
    const auto runs = read_rows(dir / "mc_jobs.csv");
    const auto periods = read_rows(dir / "mc_jobs_by_period.csv");
    REQUIRE(runs.size() == 121);
    REQUIRE(runs.front().front() == "index");
    REQUIRE(runs.front().size() == 11);  // index, 2025 .. 2034 (yearly periods)
    CHECK(runs.front()[1] == "2025-01");
    CHECK(runs.front()[10] == "2034-01");
    CHECK(periods.front() == std::vector<std::string>{"period", "mean", "sd", "p5", "p10", "p25",
                                                      "p50", "p75", "p90", "p95"});
    REQUIRE(periods.size() == runs.front().size());  // a header and one row per period
    for (std::size_t c = 1; c < runs.front().size(); ++c) {
      CAPTURE(runs.front()[c]);
      const auto& row = periods[c];
      CHECK(row[0] == runs.front()[c]);
      std::vector<double> values;
      for (std::size_t r = 1; r < runs.size(); ++r) values.push_back(std::stod(runs[r][c]));
      double sum = 0.0;
      for (double v : values) sum += v;
      CHECK(std::abs(std::stod(row[1]) - sum / 120.0) <= 1e-3);  // mean: 3 decimals
      std::sort(values.begin(), values.end());
      CHECK(std::abs(std::stod(row[6]) - percentile_type7(values, 0.5)) <= 1e-3);  // median
      for (std::size_t q = 3; q + 1 < row.size(); ++q) {
        CHECK(std::stod(row[q]) <= std::stod(row[q + 1]));
      }
    }
    // The construction of the smelter is uncertain: some period's jobs vary across runs.
    bool varies = false;
    for (std::size_t c = 1; c < periods.size(); ++c) varies |= std::stod(periods[c][2]) > 0.0;
    CHECK(varies);
  }

  TEST_CASE("without uncertain inputs every percentile of a period's jobs is the run's jobs") {
    // tests/data/sweep/two_projects.yaml with its one triangular duration fixed at its mode, and
    // quarterly periods: no distribution, no risk.
    YAML::Node root = read_scenario_yaml(kSweepTwo);
    root["projects"][0]["phases"][0]["duration"] = "44 months";
    root["calendar"]["period"] = "quarter";
    const Scenario scenario = scenario_from_yaml(root, kSweepTwo);
    REQUIRE(scenario.risks.empty());
    const std::optional<Economy> economy = load_scenario_economy(scenario);
    const Economy* econ = economy ? &*economy : nullptr;
    REQUIRE(econ != nullptr);

    // `ripple run`: timeseries.csv, the four kinds of jobs summed over projects and regions.
    Pipeline pipeline(scenario, econ);
    const RunResult& result = pipeline.run();
    std::ostringstream timeseries;
    write_timeseries_csv(timeseries, scenario, result.ledger, result.impacts);
    std::map<std::string, double> run_jobs;
    std::istringstream lines(timeseries.str());
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
      std::vector<std::string> cells;
      std::istringstream in(line);
      for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
      REQUIRE(cells.size() == 5);
      const std::string& metric = cells[3];
      if (metric == "construction_jobs" || metric == "permanent_jobs" ||
          metric == "indirect_jobs" || metric == "induced_jobs") {
        run_jobs[cells[0]] += std::stod(cells[4]);
      }
    }
    REQUIRE(run_jobs.size() == 40);  // 2025-01 .. 2034-10, quarters

    McOptions options;
    options.runs = 7;
    options.seed = 5;
    options.threads = 2;
    options.jobs_year = 2030;
    const fs::path dir = temp_dir("jobs_deterministic");
    (void)run_monte_carlo_to_directory(scenario, econ, options, metadata_of(scenario), dir);
    const auto periods = read_rows(dir / "mc_jobs_by_period.csv");
    REQUIRE(periods.size() == 41);
    double peak = 0.0;
    for (std::size_t r = 1; r < periods.size(); ++r) {
      const auto& row = periods[r];
      CAPTURE(row[0]);
      REQUIRE(run_jobs.count(row[0]) == 1);
      const double expected = run_jobs[row[0]];
      peak = std::max(peak, expected);
      CHECK(std::stod(row[2]) == 0.0);  // sd
      // Each timeseries value is rounded to 3 decimals: 16 of them per period at most.
      for (std::size_t q : {1, 3, 4, 5, 6, 7, 8, 9}) {
        CAPTURE(periods.front()[q]);
        CHECK(std::abs(std::stod(row[q]) - expected) <= 0.01);
      }
    }
    CHECK(peak > 1000.0);  // the comparison is not trivially between zeros
  }

  TEST_CASE("a crew two phases compete for delays the second as often and as long as computed") {
    // tests/data/mc/crew_wait.yaml: b (ready on day 30) waits max(0, days(a) - 30) days for
    // the crew that a holds, a's days being its triangular (20, 30, 50) draw rounded to a day.
    const Scenario scenario = load_scenario(kCrewWait);
    McOptions options;
    options.runs = 4000;
    options.seed = 5;
    options.threads = 2;
    options.jobs_year = 2026;
    const McLayout layout = mc_layout(scenario, false, options);
    CHECK(layout.schedule_only);  // dates only: through the engine, without a ledger
    CHECK(layout.wait_resources == std::vector<std::size_t>{0});  // not the import pool
    const fs::path dir = temp_dir("crew_wait");
    const auto summary =
        run_monte_carlo_to_directory(scenario, nullptr, options, metadata_of(scenario), dir);
    REQUIRE(summary.has_value());
    REQUIRE(summary->resources.size() == 1);
    const McResourceSummary& crew = summary->resources[0];
    CHECK(crew.id == "crew");

    // The same draws, the wait worked out from a's duration alone.
    const Plan plan(scenario);
    const McSampler sampler(scenario, plan, options.seed);
    McDraw draw;
    std::vector<Duration> durations;
    const Date start = Date::from_ymd(2026, 1, 1);
    std::uint64_t delayed = 0;
    double total = 0.0;
    std::vector<double> waits;
    for (std::uint64_t i = 0; i < options.runs; ++i) {
      sampler.draw(i, draw);
      sampler.durations(draw, std::nullopt, durations);
      const int a_days = durations[plan.vertex({0, 0})].after(start) - start;
      const int wait = std::max(0, a_days - 30);
      delayed += wait > 0 ? 1 : 0;
      total += wait;
      waits.push_back(wait);
    }
    std::sort(waits.begin(), waits.end());
    CHECK(crew.runs_delayed == delayed);
    CHECK(crew.delay_share == doctest::Approx(double(delayed) / 4000).epsilon(1e-12));
    CHECK(crew.mean_wait_days == doctest::Approx(total / 4000).epsilon(1e-12));
    CHECK(crew.mean_wait_days_if_delayed ==
          doctest::Approx(total / double(delayed)).epsilon(1e-12));
    CHECK(crew.p90_wait_days == doctest::Approx(percentile_type7(waits, 0.9)).epsilon(1e-12));
    // b is its project's only phase: every wait is on its driving path.
    CHECK(crew.critical_delay_share == crew.delay_share);
    CHECK(crew.mean_critical_wait_days == crew.mean_wait_days);

    // Closed form with a's days rounded: b waits when D >= 30.5, P = 19.5^2 / (30 * 20) =
    // 0.63375; E[wait] = sum over j = 0..19 of P(D >= 30.5 + j) = sum (j + 0.5)^2 / 600 =
    // 2665 / 600 = 4.4417 days. Sampling error at 4,000 runs: 0.008 and ~0.09 (sd ~5.5 days).
    CHECK(crew.delay_share == doctest::Approx(0.63375).epsilon(0.04));
    CHECK(crew.mean_wait_days == doctest::Approx(2665.0 / 600.0).epsilon(0.08));

    // criticality.csv counts b as critical after a resource wait in exactly the delayed runs.
    const auto critical = read_rows(dir / "criticality.csv");
    REQUIRE(critical.size() == 3);
    CHECK(critical[0] == std::vector<std::string>{"activity", "critical_runs", "critical_share",
                                                  "resource_critical_runs",
                                                  "resource_critical_share"});
    CHECK(critical[1] == std::vector<std::string>{"north.a", "4000", "1.000", "0", "0.000"});
    CHECK(critical[2] == std::vector<std::string>{"south.b", "4000", "1.000",
                                                  std::to_string(delayed),
                                                  csv_number(double(delayed) / 4000)});
    const auto delays = read_rows(dir / "resource_delays.csv");
    REQUIRE(delays.size() == 2);
    CHECK(delays[1][0] == "crew");
    CHECK(delays[1][1] == std::to_string(delayed));
    CHECK(delays[1][3] == csv_number(total / 4000));
  }

  TEST_CASE("with resources the schedule fast path gives the engine's timeline, waits and all") {
    const Scenario scenario = load_scenario(kCrewWait);
    McRunner full(scenario, nullptr, 5);
    McRunner fast(scenario, nullptr, 5, true);
    int waited = 0;
    for (std::uint64_t i = 0; i < 50; ++i) {
      CAPTURE(i);
      const Timeline a = full.run(i).timeline;
      const Timeline& b = fast.run_schedule(i);
      for (std::size_t p = 0; p < a.activities.size(); ++p) {
        for (std::size_t k = 0; k < a.activities[p].size(); ++k) {
          const ActivityTimes& x = a.activities[p][k];
          const ActivityTimes& y = b.activities[p][k];
          CHECK(x.start == y.start);
          CHECK(x.finish == y.finish);
          CHECK(x.work_end == y.work_end);
          CHECK(x.ready == y.ready);
          CHECK(x.waited_for == y.waited_for);
          CHECK(x.imported_share == y.imported_share);
          CHECK(x.is_critical == y.is_critical);
          waited += x.wait_days() > 0 ? 1 : 0;
        }
      }
    }
    CHECK(waited > 20);  // about 2/3 of the runs make b wait
  }

  TEST_CASE("resource statistics are identical for 1 and 2 threads and for merged shards") {
    const Scenario scenario = load_scenario(kCrewWait);
    McOptions options;
    options.runs = 60;
    options.seed = 9;
    options.jobs_year = 2026;
    const char* const files[] = {"mc_resources.csv", "resource_delays.csv", "criticality.csv",
                                 "mc_critical.csv",  "mc_summary.csv",      "mc_runs.csv"};
    // Wide (mc_critical.csv with 2s) and narrow (mc_critical_counts.csv with a third column).
    std::map<std::size_t, std::string> criticality;
    for (const std::size_t limit : {std::size_t{200}, std::size_t{1}}) {
      CAPTURE(limit);
      options.wide_column_limit = limit;
      const std::string tag = std::to_string(limit);
      options.threads = 1;
      const fs::path one = temp_dir("res_threads1_" + tag);
      (void)run_monte_carlo_to_directory(scenario, nullptr, options, metadata_of(scenario), one);
      options.threads = 2;
      const fs::path two = temp_dir("res_threads2_" + tag);
      (void)run_monte_carlo_to_directory(scenario, nullptr, options, metadata_of(scenario), two);
      std::vector<fs::path> shards;
      for (std::uint64_t k = 0; k < 3; ++k) {
        McOptions shard = options;
        shard.threads = 1 + static_cast<unsigned>(k % 2);
        shard.shard_index = k;
        shard.shard_count = 3;
        shards.push_back(temp_dir("res_shard_" + tag + "_" + std::to_string(k)));
        (void)run_monte_carlo_to_directory(scenario, nullptr, shard, metadata_of(scenario),
                                           shards.back());
      }
      const fs::path merged = temp_dir("res_merged_" + tag);
      (void)merge_mc_directories(shards, merged);
      criticality[limit] = read_file(one / "criticality.csv");
      for (const char* name : files) {
        CAPTURE(name);
        if (limit == 1 && std::string(name) == "mc_critical.csv") {
          CHECK_FALSE(fs::exists(one / name));
          const std::string counts = read_file(one / "mc_critical_counts.csv");
          CHECK(counts.rfind("activity,critical_runs,resource_critical_runs\n", 0) == 0);
          CHECK(counts == read_file(merged / "mc_critical_counts.csv"));
          continue;
        }
        REQUIRE(fs::exists(one / name));
        CHECK(read_file(one / name) == read_file(two / name));
        CHECK(read_file(one / name) == read_file(merged / name));
      }
    }
    // Criticality from the counts equals criticality from the per-run flags.
    CHECK(criticality[200] == criticality[1]);
  }

  TEST_CASE("bad campaign options are usage errors") {
    const Scenario scenario = load_scenario(kTwoProjects);
    McOptions options;
    std::ostringstream sink;
    const McSinks sinks{&sink, &sink, &sink, nullptr};
    options.runs = 0;
    CHECK_THROWS_AS(run_monte_carlo(scenario, nullptr, options, sinks), UsageError);
    options.runs = 10;
    options.jobs_year = 2040;
    CHECK_THROWS_AS(run_monte_carlo(scenario, nullptr, options, sinks), UsageError);
    options.jobs_year = 2030;
    options.shard_index = 2;
    options.shard_count = 2;
    CHECK_THROWS_AS(run_monte_carlo(scenario, nullptr, options, sinks), UsageError);
  }
}

}  // namespace ripple
