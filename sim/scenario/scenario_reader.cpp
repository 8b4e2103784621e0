#include "ripple/scenario_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <tuple>

#include "scenario/read_context.hpp"

namespace ripple {
namespace {

using scenario_read::NodeReader;
using scenario_read::ReadContext;

// Converts a YAML tree into a Scenario, reporting every problem to the context's sink. The
// order matters: resources before the phases that use them, every activity before the
// dependencies and risks that name them.
Scenario build_scenario(ReadContext& ctx, const YAML::Node& root) {
  if (!root.IsMap()) {
    const Mark start{ctx.r.file(), 1, 1};
    if (!root.IsDefined() || root.IsNull()) {
      ctx.r.error(start,
                  "the file is empty; a scenario needs the keys scenario, calendar and "
                  "projects");
    } else {
      ctx.r.error(ctx.r.mark_or(root, start),
                  "a scenario is a map with the keys scenario, calendar and projects");
    }
    return std::move(ctx.s);
  }
  scenario_read::check_keys(ctx, root, "", "scenario_file");
  if (ctx.r.require(root, "scenario", "")) scenario_read::read_header(ctx, root["scenario"]);
  if (ctx.r.require(root, "calendar", "")) scenario_read::read_calendar(ctx, root["calendar"]);
  if (NodeReader::has(root, "economy")) scenario_read::read_economy(ctx, root["economy"]);
  if (NodeReader::has(root, "work_calendars"))
    scenario_read::read_work_calendars(ctx, root["work_calendars"]);
  if (NodeReader::has(root, "resources")) scenario_read::read_resources(ctx, root["resources"]);
  if (ctx.r.require(root, "projects", "")) scenario_read::read_projects(ctx, root["projects"]);
  scenario_read::resolve_dependencies(ctx);
  if (NodeReader::has(root, "dependencies"))
    scenario_read::read_programme_dependencies(ctx, root["dependencies"]);
  if (NodeReader::has(root, "risks")) scenario_read::read_risks(ctx, root["risks"]);
  if (NodeReader::has(root, "shocks")) scenario_read::read_shocks(ctx, root["shocks"]);
  if (NodeReader::has(root, "correlation"))
    scenario_read::read_correlation(ctx, root["correlation"]);
  scenario_read::check_correlated_phases(ctx);
  scenario_read::check_resource_users(ctx);
  return std::move(ctx.s);
}

}  // namespace

YAML::Node read_scenario_yaml(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw RuntimeError("cannot read scenario '" + path + "': it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RuntimeError("cannot open scenario '" + path + "'");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw RuntimeError("cannot read scenario '" + path + "'");
  return scenario_yaml::load_document(text, path);
}

YAML::Node parse_scenario_yaml(const std::string& text, const std::string& path) {
  // The checks of a file (aliases, a second document, UTF-8) hold for text as well.
  return scenario_yaml::load_document(text, path);
}

namespace {

// Throws every diagnostic collected, the base file's first, each file's in position order.
void throw_sorted(const DiagnosticSink& sink, const std::string& base) {
  std::vector<Diagnostic> diagnostics = sink.diagnostics();
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(a.mark.file != base, a.mark.file, a.mark.line, a.mark.column) <
               std::tuple(b.mark.file != base, b.mark.file, b.mark.line, b.mark.column);
      });
  throw InputError(std::move(diagnostics));
}

}  // namespace

Scenario scenario_from_yaml(const YAML::Node& root, const std::string& path) {
  DiagnosticSink sink;
  ReadContext context(path, sink);
  Scenario scenario = build_scenario(context, root);
  if (!sink.empty()) throw_sorted(sink, path);
  return scenario;
}

Scenario scenario_from_yaml(const YAML::Node& root, const ScenarioSources& sources) {
  DiagnosticSink sink;
  ReadContext context(sources, sink);
  Scenario scenario = build_scenario(context, root);
  if (!sink.empty()) throw_sorted(sink, scenario.path);
  return scenario;
}

Scenario load_scenario(const std::string& path) {
  return scenario_from_yaml(read_scenario_yaml(path), path);
}

}  // namespace ripple
