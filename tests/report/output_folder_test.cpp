#include "ripple/output_folder.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "ripple/error.hpp"
#include "ripple/ripple.hpp"

namespace ripple {
namespace {
namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A fresh folder of this checkout under the system's temporary directory.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("ripple_output_folder_test_" +
                        std::to_string(std::hash<std::string>{}(fs::current_path())) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Writes a folder of `files` (name -> text) and run.json listing them through OutputFolder.
void write_run_like(const fs::path& dir, const std::vector<std::string>& files,
                    const std::string& text, const OutputFolderOptions& options = {}) {
  OutputFolder folder(dir, "run.json", options);
  std::string list;
  for (const auto& name : files) {
    folder.write(name, text);
    list.append("\"").append(name).append("\", ");
  }
  folder.write("run.json", "{\"ripple_version\": \"0\", \"files\": [" + list + "\"run.json\"]}\n");
  folder.commit();
}

TEST_SUITE("report") {
  TEST_CASE("an output folder appears whole, and a second one replaces ripple's own files") {
    const fs::path parent = fresh_dir("replace");
    const fs::path dir = parent / "out";
    write_run_like(dir, {"a.csv", "b.csv"}, "x\n1\n");
    CHECK(listing(dir) == std::vector<std::string>{"a.csv", "b.csv", "run.json"});
    CHECK(listing(parent) == std::vector<std::string>{"out"});  // no staging left beside it
    write_run_like(dir, {"a.csv"}, "x\n2\n");                   // b.csv is stale: removed
    CHECK(listing(dir) == std::vector<std::string>{"a.csv", "run.json"});
    CHECK(read_text(dir / "a.csv") == "x\n2\n");
    CHECK(listing(parent) == std::vector<std::string>{"out"});
    fs::remove_all(parent);
  }

  TEST_CASE("a folder holding files ripple did not write is refused, naming them") {
    const fs::path parent = fresh_dir("foreign");
    const fs::path dir = parent / "out";
    write_run_like(dir, {"a.csv"}, "x\n1\n");
    write_text(dir / "notes.txt", "mine\n");
    fs::create_directory(dir / "data");
    write_text(dir / "plot.png", "");  // a picture beside ripple's files is ripple's
    CHECK(foreign_files(dir, "run.json") == std::vector<std::string>{"data/", "notes.txt"});
    OutputFolderOptions options;
    options.force_label = "--force";
    CHECK_THROWS_WITH_AS(
        write_run_like(dir, {"a.csv"}, "x\n2\n", options),
        ("cannot write into " + dir.string() +
         ": it holds files that are not ripple's own output: data/, notes.txt (write into a new "
         "or empty folder, or one holding ripple's earlier output of the same kind; --force "
         "writes beside these files and keeps them)")
            .c_str(),
        RuntimeError);
    CHECK(read_text(dir / "a.csv") == "x\n1\n");
    // force: ripple's own files are replaced one by one, the others kept.
    options.force = true;
    write_run_like(dir, {"c.csv"}, "x\n3\n", options);
    CHECK(listing(dir) ==
          std::vector<std::string>{"c.csv", "data", "notes.txt", "plot.png", "run.json"});
    CHECK(read_text(dir / "notes.txt") == "mine\n");
    fs::remove_all(parent);
  }

  TEST_CASE("the other kind of ripple output is not replaced without force") {
    const fs::path parent = fresh_dir("kind");
    write_run_like(parent / "out", {"a.csv"}, "x\n1\n");
    CHECK(foreign_files(parent / "out", "mc.json") ==
          std::vector<std::string>{"a.csv", "run.json"});
    CHECK(foreign_files(parent / "none", "mc.json").empty());
    // A folder of an earlier ripple whose mc.json has no list of files: its CSV files.
    fs::create_directory(parent / "old");
    write_text(parent / "old" / "mc.json", "{\"ripple_version\": \"0.1\", \"runs\": 3}\n");
    write_text(parent / "old" / "mc_runs.csv", "index\n");
    write_text(parent / "old" / "notes.txt", "");
    CHECK(foreign_files(parent / "old", "mc.json") == std::vector<std::string>{"notes.txt"});
    // Another tool's run.json (no ripple_version) makes nothing ripple's.
    fs::create_directory(parent / "theirs");
    write_text(parent / "theirs" / "run.json", "{\"files\": [\"data.csv\"]}\n");
    write_text(parent / "theirs" / "data.csv", "");
    CHECK(foreign_files(parent / "theirs", "run.json") ==
          std::vector<std::string>{"data.csv", "run.json"});
    fs::remove_all(parent);
  }

  TEST_CASE("an output that fails before its commit leaves the folder as it was") {
    const fs::path parent = fresh_dir("failed");
    const fs::path dir = parent / "out";
    write_run_like(dir, {"a.csv"}, "x\n1\n");
    {
      OutputFolder folder(dir, "run.json");
      folder.write("a.csv", "x\n2\n");
      CHECK(fs::exists(folder.staging()));
      CHECK_THROWS_AS(folder.write("b.csv", "x\ninf\n"), ModelError);
    }  // no commit
    CHECK(read_text(dir / "a.csv") == "x\n1\n");
    CHECK(listing(parent) == std::vector<std::string>{"out"});
    {
      OutputFolder folder(parent / "new", "run.json");
      folder.write("a.csv", "x\n2\n");
      CHECK_THROWS_WITH_AS(folder.commit(),
                           ("internal error: run.json was not written before the commit of " +
                            (parent / "new").string())
                               .c_str(),
                           RuntimeError);
    }
    CHECK(listing(parent) == std::vector<std::string>{"out"});
    fs::remove_all(parent);
  }

  TEST_CASE("a run whose total is not finite writes no folder") {
    const fs::path parent = fresh_dir("run");
    RunOutput run = ripple::run(read_scenario("tests/data/run/one_plant.yaml"));
    write_run_directory(run, parent / "out");
    CHECK(listing(parent / "out") ==
          std::vector<std::string>{"run.json", "schedule.csv", "summary.csv", "timeseries.csv"});
    const std::string before = read_text(parent / "out" / "summary.csv");
    run.result.summary.total.job_years_direct = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(write_run_directory(run, parent / "out"), ModelError);
    CHECK_THROWS_AS(write_run_directory(run, parent / "other"), ModelError);
    CHECK(read_text(parent / "out" / "summary.csv") == before);
    CHECK(listing(parent) == std::vector<std::string>{"out"});
    fs::remove_all(parent);
  }

  TEST_CASE("a file written atomically keeps its old content until it is complete") {
    const fs::path parent = fresh_dir("file");
    write_file_atomically(parent / "a.csv", "x\n1\n");
    {
      AtomicFile file(parent / "a.csv");
      file.stream() << "x\n2\n";
      CHECK(read_text(parent / "a.csv") == "x\n1\n");
    }  // no commit: dropped
    CHECK(read_text(parent / "a.csv") == "x\n1\n");
    CHECK(listing(parent) == std::vector<std::string>{"a.csv"});
    CHECK_THROWS_AS(write_file_atomically(parent / "a.csv", "x\nnan\n"), ModelError);
    write_file_atomically(parent / "a.csv", "x\n3\n");
    CHECK(read_text(parent / "a.csv") == "x\n3\n");
    CHECK(listing(parent) == std::vector<std::string>{"a.csv"});
    fs::remove_all(parent);
  }
}

}  // namespace
}  // namespace ripple
