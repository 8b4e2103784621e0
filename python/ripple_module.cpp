// The compiled half of the Python package `ripple` (python/ripple/__init__.py is the other):
// thin bindings of the facade include/ripple/ripple.hpp. Results cross as the CSV and JSON
// texts the CLI writes, so that Python sees exactly the CLI's files; __init__.py turns them into
// tables. Every call that reads or runs releases the GIL. ripple::Error subclasses become the
// Python exceptions ripple.Error, UsageError, InputError, ModelError and RuntimeError, carrying
// `exit_code` and `diagnostics` [(file, line, column, message)].

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "ripple/ripple.hpp"
#include "ripple/version.hpp"

namespace py = pybind11;

namespace ripple {
namespace {

ScenarioEdits edits_of(std::vector<std::string> overlays, std::vector<std::string> overrides) {
  ScenarioEdits edits;
  edits.overlays = std::move(overlays);
  edits.overrides = std::move(overrides);
  return edits;
}

std::string mc_table(const McOutput& output) {
  if (!output.summary) return {};
  std::ostringstream text;
  write_mc_table(text, *output.summary, output.metadata);
  return text.str();
}

// Raises `type` with the error's message, exit code and diagnostics.
void raise(py::handle type, const Error& error) {
  py::object exception = type(error.what());
  exception.attr("exit_code") = static_cast<int>(error.exit_code());
  py::list diagnostics;
  if (const auto* input = dynamic_cast<const InputError*>(&error)) {
    for (const Diagnostic& d : input->diagnostics()) {
      diagnostics.append(py::make_tuple(d.mark.file, d.mark.line, d.mark.column, d.message));
    }
  }
  exception.attr("diagnostics") = diagnostics;
  PyErr_SetObject(type.ptr(), exception.ptr());
}

}  // namespace
}  // namespace ripple

PYBIND11_MODULE(_ripple, m) {
  using namespace ripple;
  m.doc() = "ripple's compiled core (use the package `ripple`)";
  m.attr("__version__") = kVersion;

  // The exception classes live here so that the translator can raise them; the package
  // re-exports them. RuntimeError derives from Python's RuntimeError too. They live as long as
  // the interpreter, hence the plain handles (no decrement at exit).
  static const py::handle error = PyErr_NewExceptionWithDoc(
      "ripple.Error", "A ripple error; exit_code is the CLI's exit code for it.", PyExc_Exception,
      nullptr);
  const auto subclass = [](const char* name, const char* doc, PyObject* extra) {
    const py::object bases = extra != nullptr ? py::object(py::make_tuple(error, py::handle(extra)))
                                              : py::reinterpret_borrow<py::object>(error);
    return py::handle(PyErr_NewExceptionWithDoc(name, doc, bases.ptr(), nullptr));
  };
  static const py::handle usage_error =
      subclass("ripple.UsageError", "Bad options (exit code 2).", nullptr);
  static const py::handle input_error = subclass(
      "ripple.InputError",
      "Invalid input (exit code 3); diagnostics: [(file, line, column, message)].", nullptr);
  static const py::handle model_error =
      subclass("ripple.ModelError", "The model cannot be solved (exit code 4).", nullptr);
  static const py::handle runtime_error =
      subclass("ripple.RuntimeError", "I/O or internal failure (exit code 1).", PyExc_RuntimeError);
  m.attr("Error") = error;
  m.attr("UsageError") = usage_error;
  m.attr("InputError") = input_error;
  m.attr("ModelError") = model_error;
  m.attr("RuntimeError") = runtime_error;
  py::register_exception_translator([](std::exception_ptr pointer) {
    try {
      if (pointer) std::rethrow_exception(pointer);
    } catch (const UsageError& e) {
      raise(usage_error, e);
    } catch (const InputError& e) {
      raise(input_error, e);
    } catch (const ModelError& e) {
      raise(model_error, e);
    } catch (const Error& e) {
      raise(runtime_error, e);
    }
  });

  const auto release = py::call_guard<py::gil_scoped_release>();

  py::class_<LoadedScenario>(m, "LoadedScenario", "A validated scenario and where it came from.")
      .def_property_readonly("path", [](const LoadedScenario& s) { return s.path; })
      .def_property_readonly("hash", [](const LoadedScenario& s) { return s.hash; })
      .def_property_readonly("name", [](const LoadedScenario& s) { return s.scenario.name; })
      .def_property_readonly("project_ids",
                             [](const LoadedScenario& s) {
                               std::vector<std::string> ids;
                               for (const auto& p : s.scenario.projects) ids.push_back(p.id);
                               return ids;
                             })
      .def_property_readonly("seed",
                             [](const LoadedScenario& s) { return s.scenario.calendar.seed; })
      .def_property_readonly("default_jobs_year",
                             [](const LoadedScenario& s) { return default_jobs_year(s.scenario); })
      .def_property_readonly("overrides", [](const LoadedScenario& s) { return s.edits.overrides; })
      .def_property_readonly("overlays", [](const LoadedScenario& s) { return s.edits.overlays; });

  m.def(
      "read_scenario",
      [](const std::string& path, std::vector<std::string> overlays,
         std::vector<std::string> overrides) {
        return read_scenario(path, edits_of(std::move(overlays), std::move(overrides)));
      },
      py::arg("path"), py::arg("overlays"), py::arg("overrides"), release);
  m.def(
      "read_scenario_string",
      [](const std::string& text, const std::string& path, std::vector<std::string> overlays,
         std::vector<std::string> overrides) {
        return read_scenario_string(text, path,
                                    edits_of(std::move(overlays), std::move(overrides)));
      },
      py::arg("text"), py::arg("path"), py::arg("overlays"), py::arg("overrides"), release);

  py::class_<RunOutput>(m, "RunOutput", "One deterministic run.")
      .def_property_readonly("files",
                             [](const RunOutput& r) {
                               py::dict files;
                               files["summary.csv"] = summary_csv(r);
                               files["timeseries.csv"] = timeseries_csv(r);
                               files["schedule.csv"] = schedule_csv(r);
                               files["run.json"] = run_json(r);
                               return files;
                             })
      .def_property_readonly("table", [](const RunOutput& r) { return summary_table(r); })
      .def(
          "write",
          [](const RunOutput& r, const std::filesystem::path& dir, bool force) {
            OutputFolderOptions folder;
            folder.force = force;
            folder.force_label = "force=True";
            write_run_directory(r, dir, folder);
          },
          py::arg("dir"), py::arg("force") = false, release);
  m.def(
      "run", [](const LoadedScenario& s) { return run(s); }, py::arg("scenario"), release);

  m.def(
      "schedule_csv",
      [](const LoadedScenario& s) { return schedule_csv(s.scenario, schedule(s.scenario)); },
      py::arg("scenario"), release);

  m.def(
      "mc",
      [](const LoadedScenario& s, std::uint64_t runs, std::uint64_t seed, unsigned threads,
         int jobs_year, bool rank_risks, const std::filesystem::path& dir, bool force) {
        McOptions options;
        options.runs = runs;
        options.seed = seed;
        options.threads = threads;
        options.jobs_year = jobs_year;
        options.rank_risks = rank_risks;
        OutputFolderOptions folder;
        folder.force = force;
        folder.force_label = "force=True";
        return mc_table(monte_carlo(s, options, dir, folder));
      },
      py::arg("scenario"), py::arg("runs"), py::arg("seed"), py::arg("threads"),
      py::arg("jobs_year"), py::arg("rank_risks"), py::arg("dir"), py::arg("force") = false,
      release, "Runs the campaign into dir; returns the summary table `ripple mc` prints.");

  m.def(
      "compare_csv",
      [](const LoadedScenario& base, const LoadedScenario& alt) {
        return comparison_csv(compare(base, alt));
      },
      py::arg("base"), py::arg("alt"), release);

  m.def(
      "multipliers_csv",
      [](const std::string& path, double flq_delta, bool household_closure,
         const std::optional<std::string>& region) {
        EconomyOptions options;
        options.flq_delta = flq_delta;
        options.household_closure = household_closure;
        return multipliers_csv(multipliers(load_economy(path, options), region));
      },
      py::arg("path"), py::arg("flq_delta"), py::arg("household_closure"), py::arg("region"),
      release);
}
