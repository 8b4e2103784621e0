#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>

#include "ripple/cpm.hpp"
#include "ripple/plan.hpp"
#include "ripple/rollout.hpp"
#include "ripple/scenario_reader.hpp"
#include "ripple/schedule_import.hpp"

namespace ripple {
namespace {

Date d(const char* text) { return *Date::parse(text); }

// The fixtures' schedule as ripple's scenario, placeholders filled by the fixture map.
Scenario imported(const SourceSchedule& source) {
  const ImportMap map = load_import_map("tests/data/import/plant_map.yaml");
  return scenario_from_yaml(YAML::Load(write_scenario_yaml(source, map)), "imported.yaml");
}

// Every activity's CPM early dates and rollout dates equal the early dates the file records
// (for a started activity: its actual start, which is ripple's start).
void check_reproduces_file(const SourceSchedule& source) {
  const Scenario scenario = imported(source);
  const Plan plan(scenario);
  const Schedule schedule = compute_schedule(plan);
  const Timeline timeline = roll_out(plan);
  REQUIRE(scenario.projects.size() == 1);
  int checked = 0;
  for (const SourceActivity& a : source.activities) {
    CAPTURE(a.code);
    const Project& p = scenario.projects[0];
    const auto it = std::find_if(p.phases.begin(), p.phases.end(),
                                 [&](const Phase& ph) { return ph.name == a.name; });
    REQUIRE(it != p.phases.end());
    const ActivityRef ref{0, static_cast<std::size_t>(it - p.phases.begin())};
    const Date start = a.actual_start.value_or(*a.early_start);
    CHECK(schedule.at(ref).early_start == start);
    CHECK(schedule.at(ref).early_finish == *a.early_finish);
    CHECK(timeline.activities[0][ref.activity].start == start);
    CHECK(timeline.activities[0][ref.activity].finish == *a.early_finish);
    ++checked;
  }
  CHECK(checked == 7);
}

TEST_SUITE("import") {
  TEST_CASE("source date-times before noon start their day, later ones end it") {
    CHECK(source_instant("2026-03-02 08:00") == d("2026-03-02"));
    CHECK(source_instant("2026-03-13 17:00") == d("2026-03-14"));
    CHECK(source_instant("2026-03-13T17:00:00") == d("2026-03-14"));
    CHECK(source_instant("2026-03-13") == d("2026-03-13"));
    CHECK_FALSE(source_instant("13/03/2026 17:00"));
  }

  TEST_CASE("an XER file's calendar, activities and relationships are read") {
    const SourceSchedule s = read_xer("tests/data/import/plant.xer");
    REQUIRE(s.calendars.size() == 1);
    const SourceCalendar& c = s.calendars[0];
    CHECK(c.weekdays == std::array<bool, 7>{true, true, true, true, true, false, false});
    CHECK(c.hours_per_day == doctest::Approx(8.0).epsilon(1e-12));
    REQUIRE(c.holidays.size() == 5);  // serials 46104..46108, merged when written
    CHECK(c.holidays.front().first == d("2026-03-23"));
    CHECK(c.holidays.back().last == d("2026-03-27"));
    REQUIRE(s.activities.size() == 7);
    const SourceActivity& site = s.activities[1];
    CHECK(site.code == "A1010");
    CHECK(site.actual_start == d("2026-03-02"));
    CHECK(site.remaining_hours == doctest::Approx(40.0).epsilon(1e-12));
    CHECK(site.wbs == std::vector<std::string>{"CIV Civil works"});
    const SourceActivity& cladding = s.activities[4];
    REQUIRE(cladding.predecessors.size() == 1);
    CHECK(cladding.predecessors[0].type == DependencyType::kFinishToFinish);
    CHECK(cladding.predecessors[0].lag_hours == doctest::Approx(8.0).epsilon(1e-12));
    CHECK(s.activities[5].not_before == d("2026-04-13"));
    CHECK(s.warnings == std::vector<std::string>{"table RSRC (1 row) not imported"});
  }

  TEST_CASE("an MSPDI file's link types and lags in tenths of a minute are read") {
    const SourceSchedule s = read_mspdi("tests/data/import/plant.xml");
    REQUIRE(s.activities.size() == 7);  // the three summary tasks group, they are not imported
    CHECK(s.activities[1].wbs == std::vector<std::string>{"1 Civil works"});
    const auto link = [&](std::size_t activity) { return s.activities[activity].predecessors[0]; };
    CHECK(link(2).type == DependencyType::kFinishToStart);
    CHECK(link(2).lag_hours == doctest::Approx(16.0).epsilon(1e-12));  // LinkLag 9600
    CHECK(link(3).type == DependencyType::kStartToStart);
    CHECK(link(3).lag_hours == doctest::Approx(40.0).epsilon(1e-12));  // 24000, shown in days
    CHECK(link(4).type == DependencyType::kFinishToFinish);
    CHECK(link(5).type == DependencyType::kStartToFinish);
    CHECK(s.calendars[0].holidays.size() == 1);
    CHECK(s.calendars[0].holidays[0] == Holiday{d("2026-03-23"), d("2026-03-27")});
  }

  TEST_CASE("ripple schedules the imported XER on the early dates P6 recorded") {
    check_reproduces_file(read_xer("tests/data/import/plant.xer"));
  }

  TEST_CASE("ripple schedules the imported MSPDI on the early dates MS Project recorded") {
    check_reproduces_file(read_mspdi("tests/data/import/plant.xml"));
  }

  TEST_CASE("a map fills values by activity, WBS and project code, most specific first") {
    const std::string yaml =
        write_scenario_yaml(read_xer("tests/data/import/plant.xer"),
                            load_import_map("tests/data/import/plant_map.yaml"));
    const YAML::Node root = YAML::Load(yaml);
    const YAML::Node project = root["projects"][0];
    CHECK(project["region"].as<std::string>() == "east_kazakhstan");
    CHECK(project["phases"][0]["construction_jobs"].as<double>() == 120.0);  // CIV
    CHECK(project["phases"][2]["construction_jobs"].as<double>() == 80.0);   // A1030
    CHECK(project["phases"][2]["capex_m"].as<double>() == 45.0);
    CHECK(project["phases"][3]["construction_jobs"].as<double>() == 0.0);  // "*"
  }

  TEST_CASE("a CSV map gives the same values as the YAML map") {
    const ImportMap csv = load_import_map("tests/data/import/plant_map.csv");
    const ImportMap yaml = load_import_map("tests/data/import/plant_map.yaml");
    CHECK(csv.values.at("PLANT") == yaml.values.at("PLANT"));
    CHECK(csv.values.at("*") == yaml.values.at("*"));
    CHECK(csv.values.at("CIV") == yaml.values.at("CIV"));
    CHECK(csv.values.at("A1030").at("capex_m") == "45");
    CHECK(csv.values.at("A1030").count("categories") == 0);  // YAML maps only
  }

  TEST_CASE("each source project is a project; ids are made valid and unique; links cross") {
    SourceSchedule s;
    s.path = "two.xer";
    s.format = "Primavera P6 XER";
    WorkCalendar c;
    c.id = "7";
    c.name = "Site";
    s.calendars.push_back(c);
    s.projects = {{"1", "ALPHA", "Alpha", std::nullopt, d("2026-03-02"), "7", {}, {}, {}},
                  {"2", "BETA", "Beta", std::nullopt, d("2026-03-02"), "7", {}, {}, {}}};
    const auto activity = [](const char* key, const char* code, const char* project) {
      SourceActivity a;
      a.key = key;
      a.code = code;
      a.name = code;
      a.project_key = project;
      a.duration_hours = 16.0;
      return a;
    };
    s.activities = {activity("10", "A-1", "1"), activity("11", "A 1", "1"),
                    activity("20", "A-1", "2")};
    s.activities[1].predecessors.push_back(
        {"10", DependencyType::kFinishToStart, 0.0, false, {}, ""});
    s.activities[2].predecessors.push_back(
        {"10", DependencyType::kStartToStart, 8.0, false, {}, ""});
    check_source_schedule(s);
    ImportMap map;
    map.values["*"] = {
        {"region", "r"}, {"sector", "s"}, {"capex_m", "0"}, {"construction_jobs", "0"}};
    const Scenario scenario =
        scenario_from_yaml(YAML::Load(write_scenario_yaml(s, map)), "two.yaml");
    REQUIRE(scenario.projects.size() == 2);
    CHECK(scenario.projects[0].id == "alpha");
    CHECK(scenario.projects[0].phases[0].id == "a_1");
    CHECK(scenario.projects[0].phases[1].id == "a_1_2");
    CHECK(scenario.projects[0].phases[0].duration.mode() == Duration{2.0, TimeUnit::kWorkDays});
    const Dependency& cross = scenario.projects[1].phases[0].dependencies.at(0);
    CHECK(scenario.activity_name(cross.predecessor) == "alpha.a_1");
    CHECK(cross.type == DependencyType::kStartToStart);
    CHECK(cross.lag == Duration{8.0, TimeUnit::kWorkHours});
    CHECK(scenario.finish_links == FinishLinkMode::kShift);
  }

  TEST_CASE("a finish milestone keeps Friday's end; a start milestone waits for Monday") {
    // On a Monday-Friday calendar, A (40 h from Monday 2026-03-02) ends Friday 03-06 17:00:
    // P6 dates a finish milestone after it at that moment (ripple 03-07), a start milestone
    // at Monday 03-09 08:00.
    SourceSchedule s;
    s.path = "milestones.xer";
    s.format = "Primavera P6 XER";
    WorkCalendar c;
    c.id = "1";
    c.name = "Five";
    s.calendars.push_back(c);
    s.projects = {{"1", "P", "P", d("2026-03-02"), d("2026-03-02"), "1", {}, {}, {}}};
    SourceActivity a;
    a.key = a.code = a.name = "A";
    a.project_key = "1";
    a.duration_hours = 40.0;
    SourceActivity finish = a;
    finish.key = finish.code = finish.name = "DONE";
    finish.duration_hours = 0.0;
    finish.is_milestone = finish.is_finish_milestone = true;
    finish.predecessors.push_back({"A", DependencyType::kFinishToStart, 0.0, false, {}, ""});
    SourceActivity start = finish;
    start.key = start.code = start.name = "NEXT";
    start.is_finish_milestone = false;
    s.activities = {a, finish, start};
    ImportMap map;
    map.values["*"] = {
        {"region", "r"}, {"sector", "s"}, {"capex_m", "0"}, {"construction_jobs", "0"}};
    const Scenario scenario =
        scenario_from_yaml(YAML::Load(write_scenario_yaml(s, map)), "milestones.yaml");
    const Plan plan(scenario);
    const Schedule schedule = compute_schedule(plan);
    const Project& p = scenario.projects[0];
    CHECK(schedule.at({0, p.phase_index("a")}).early_finish == d("2026-03-07"));
    CHECK(schedule.at({0, p.phase_index("done")}).early_start == d("2026-03-07"));
    CHECK(schedule.at({0, p.phase_index("next")}).early_start == d("2026-03-09"));
  }

  TEST_CASE("XER text in a Windows code page becomes UTF-8") {
    const auto path = std::filesystem::temp_directory_path() / "ripple_latin1.xer";
    std::string xer;
    {
      std::ifstream in("tests/data/import/plant.xer", std::ios::binary);
      xer.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string from = "Site preparation";
    xer.replace(xer.find(from), from.size(), "Pr\xE9paration du site");
    std::ofstream(path, std::ios::binary) << xer;
    const SourceSchedule s = read_xer(path.string());
    CHECK(s.activities[1].name == "Pr\xC3\xA9paration du site");
    std::filesystem::remove(path);
  }

  TEST_CASE("without a map every missing value is a placeholder the reader reports") {
    const std::string yaml = write_scenario_yaml(read_xer("tests/data/import/plant.xer"), {});
    try {
      (void)scenario_from_yaml(YAML::Load(yaml), "plant.yaml");
      FAIL("placeholders accepted");
    } catch (const InputError& e) {
      // region, sector, and capex and jobs of five phases.
      CHECK(e.diagnostics().size() == 12);
      CHECK(e.diagnostics()[0].message ==
            "projects[plant].region = 'TODO region id (economy region)': a placeholder to fill "
            "in (written by ripple import): give the value");
    }
  }
}

}  // namespace
}  // namespace ripple
