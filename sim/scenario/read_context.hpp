#pragma once
// Internal to the scenario reader: the state shared by the per-concept readers
// (read_programme, read_resources, read_projects, read_phases, read_dependencies,
// read_uncertainty) while one YAML tree becomes a Scenario. Every reader reports problems to the
// context's NodeReader and goes on, so that one pass finds every error in the file.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ripple/scenario.hpp"
#include "scenario/yaml_values.hpp"

namespace ripple::scenario_read {

using scenario_yaml::Candidate;
using scenario_yaml::format_number;
using scenario_yaml::join_comma;
using scenario_yaml::join_key;
using scenario_yaml::nearest_names;
using scenario_yaml::NodeReader;

/// Shares that must sum to 1 may miss it by this much (rounding in hand-written files).
inline constexpr double kShareSumTolerance = 1e-6;

/// Unknown names that get "nearest valid names" in one file. Each suggestion scans every name
/// of its kind, so past this many a file of 20,000 unknown references would take minutes; the
/// later ones are reported without suggestions.
inline constexpr std::size_t kMaxSuggestions = 200;

/// A depends_on item, resolved once every project's activities are known.
struct PendingDependency {
  std::size_t project = 0;
  std::size_t activity = 0;
  YAML::Node node;
  std::string path;
};

/// What the readers share: the diagnostics reader, the scenario being built, and what a later
/// reader needs from an earlier one.
struct ReadContext {
  ReadContext(const std::string& path, DiagnosticSink& sink) : r(path, sink) { s.path = path; }
  ReadContext(const ScenarioSources& sources, DiagnosticSink& sink) : r(sources, sink) {
    s.path = r.file();
  }

  NodeReader r;
  Scenario s;
  std::optional<Date> as_of;           ///< scenario.as_of, for the actual-date checks
  bool has_correlation_block = false;  ///< `correlated: true` phases need one
  std::vector<PendingDependency> pending;
  std::size_t suggestions_left = kMaxSuggestions;

  /// True (and one fewer left) while the file may still get nearest-name suggestions.
  [[nodiscard]] bool take_suggestion() {
    if (suggestions_left == 0) return false;
    --suggestions_left;
    return true;
  }
};

/// `list[id]` when the item has a text id, else `list[index]`: readable paths in messages.
[[nodiscard]] std::string item_path(const std::string& list_path, const YAML::Node& item,
                                    std::size_t index);

/// The ids of one list; reports an id used twice.
class IdRegistry {
 public:
  explicit IdRegistry(std::string what) : what_(std::move(what)) {}
  void add(NodeReader& reader, const std::string& id, const YAML::Node& node,
           const std::string& path);

 private:
  std::string what_;
  std::map<std::string, int> lines_;
};

/// "; did you mean 'x'?" or "".
[[nodiscard]] std::string did_you_mean(const std::string& word,
                                       const std::vector<std::string>& valid);

/// Reports every key of `map` (a map) that the format's table `spec` does not list
/// (scenario_keys.cpp: add a new key there, and the schema follows).
void check_keys(ReadContext& ctx, const YAML::Node& map, const std::string& path,
                std::string_view spec);

/// The text of `map[key]` when present.
std::optional<std::string> optional_text(ReadContext& ctx, const YAML::Node& map,
                                         std::string_view key, const std::string& path);

// read_programme.cpp
void read_header(ReadContext& ctx, const YAML::Node& node);
void read_calendar(ReadContext& ctx, const YAML::Node& node);
void read_economy(ReadContext& ctx, const YAML::Node& node);

// read_calendars.cpp
/// The top-level `work_calendars` list.
void read_work_calendars(ReadContext& ctx, const YAML::Node& node);
/// The calendar `map.work_calendar` names (calendars must already be read), or a diagnostic.
std::optional<std::size_t> read_calendar_ref(ReadContext& ctx, const YAML::Node& map,
                                             const std::string& path);

// read_resources.cpp
void read_resources(ReadContext& ctx, const YAML::Node& node);
/// A phase's `uses: {resource: amount}`; resources must already be read.
void read_uses(ReadContext& ctx, Phase& phase, const YAML::Node& node, const std::string& path);
/// `{resource: amount}` into `amounts`; resources must already be read. Phase amounts (not
/// per_unit) must not exceed the resource's largest capacity.
void read_resource_amounts(ReadContext& ctx, std::map<std::string, double>& amounts,
                           const YAML::Node& node, const std::string& path, bool per_unit);
/// After projects: no resource is drawn by both phases and operations.
void check_resource_users(ReadContext& ctx);

// read_projects.cpp
void read_projects(ReadContext& ctx, const YAML::Node& node);
/// The index of the product `node` names, or a diagnostic with the nearest names.
std::optional<std::size_t> find_product_or_report(ReadContext& ctx, const Project& p,
                                                  const YAML::Node& node, const std::string& path);
/// A written capacity in the product's unit per year, or a diagnostic.
std::optional<double> capacity_for(ReadContext& ctx, const Project& p, std::size_t product,
                                   const scenario_yaml::WrittenCapacity& written,
                                   const YAML::Node& node, const std::string& path);

// read_phases.cpp
void read_phase(ReadContext& ctx, Project& p, std::size_t project_index, const YAML::Node& node,
                const std::string& path, IdRegistry& activity_ids);
void read_milestone(ReadContext& ctx, Project& p, std::size_t project_index, const YAML::Node& node,
                    const std::string& path, IdRegistry& activity_ids);

// read_dependencies.cpp
/// `stretch` or `shift` (FinishLinkMode), or a diagnostic.
std::optional<FinishLinkMode> read_finish_link_mode(ReadContext& ctx, const YAML::Node& node,
                                                    const std::string& path);
/// Keeps the activity's depends_on items for resolve_dependencies().
void queue_dependencies(ReadContext& ctx, std::size_t project, std::size_t activity,
                        const YAML::Node& node, const std::string& path);
/// Resolves `project.activity`, or when `local` is set also a bare id of that project.
std::optional<ActivityRef> resolve_activity(ReadContext& ctx, const YAML::Node& node,
                                            const std::string& path,
                                            std::optional<std::size_t> local);
std::optional<std::size_t> resolve_project(ReadContext& ctx, const YAML::Node& node,
                                           const std::string& path);
void resolve_dependencies(ReadContext& ctx);
void read_programme_dependencies(ReadContext& ctx, const YAML::Node& node);

// read_uncertainty.cpp
void read_correlation(ReadContext& ctx, const YAML::Node& node);
void check_correlated_phases(ReadContext& ctx);
void read_risks(ReadContext& ctx, const YAML::Node& node);
void read_shocks(ReadContext& ctx, const YAML::Node& node);

/// A phase's `duration` (a duration or a distribution, every value > 0); nullopt after reporting.
std::optional<DurationDistribution> read_phase_duration(NodeReader& r, const YAML::Node& node,
                                                        const std::string& path);

}  // namespace ripple::scenario_read
