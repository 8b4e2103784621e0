// Dependencies: depends_on items (resolved once every activity is known) and the programme's
// cross-project links; activity and project references with nearest-name suggestions.
#include "scenario/read_context.hpp"

namespace ripple::scenario_read {
namespace {

std::optional<DependencyType> dependency_type(ReadContext& ctx, const YAML::Node& node,
                                              const std::string& path) {
  const auto text = ctx.r.text(node, path);
  if (!text) return std::nullopt;
  if (*text == "FS") return DependencyType::kFinishToStart;
  if (*text == "SS") return DependencyType::kStartToStart;
  if (*text == "FF") return DependencyType::kFinishToFinish;
  if (*text == "SF") return DependencyType::kStartToFinish;
  ctx.r.invalid(node, path, "unknown dependency type (expected FS, SS, FF or SF)");
  return std::nullopt;
}

// Reads `type` and `lag` of a dependency map into `dep`; false on a problem.
bool read_type_and_lag(ReadContext& ctx, Dependency& dep, const YAML::Node& node,
                       const std::string& path) {
  bool ok = true;
  if (NodeReader::has(node, "type")) {
    if (auto type = dependency_type(ctx, node["type"], join_key(path, "type"))) {
      dep.type = *type;
    } else {
      ok = false;
    }
  }
  if (NodeReader::has(node, "lag")) {
    if (auto lag = ctx.r.duration(node["lag"], join_key(path, "lag"))) {
      dep.lag = *lag;
    } else {
      ok = false;
    }
  }
  if (NodeReader::has(node, "finish_link")) {
    const std::string mode_path = join_key(path, "finish_link");
    if (auto mode = read_finish_link_mode(ctx, node["finish_link"], mode_path)) {
      dep.finish_link = mode;
      if (dep.type == DependencyType::kFinishToStart || dep.type == DependencyType::kStartToStart) {
        ctx.r.invalid(node["finish_link"], mode_path,
                      "finish_link applies to FF and SF links only (this link is " +
                          std::string(dependency_type_name(dep.type)) + ")");
        ok = false;
      }
    } else {
      ok = false;
    }
  }
  return ok;
}

void add_dependency(ReadContext& ctx, ActivityRef to, ActivityRef from, Dependency dep,
                    const YAML::Node& node, const std::string& path) {
  if (to == from) {
    ctx.r.invalid(node, path, "an activity cannot depend on itself");
    return;
  }
  dep.predecessor = from;
  ctx.s.projects[to.project].phases[to.activity].dependencies.push_back(std::move(dep));
}

// Reports an activity name that resolves to nothing, with the nearest candidates if any.
std::nullopt_t report_unknown_activity(ReadContext& ctx, const YAML::Node& node,
                                       const std::string& path, const std::string& name,
                                       const std::vector<Candidate>& candidates) {
  const auto dot = name.find('.');
  std::string rule = "unknown activity";
  if (dot != std::string::npos && !ctx.s.find_project(name.substr(0, dot))) {
    rule += " (no project '" + name.substr(0, dot) + "')";
  }
  if (!candidates.empty()) {
    rule += "; nearest valid names: " + join_comma(nearest_names(name, candidates));
  }
  ctx.r.invalid(node, path, rule);
  return std::nullopt;
}

}  // namespace

std::optional<FinishLinkMode> read_finish_link_mode(ReadContext& ctx, const YAML::Node& node,
                                                    const std::string& path) {
  const auto text = ctx.r.text(node, path);
  if (!text) return std::nullopt;
  if (*text == "stretch") return FinishLinkMode::kStretch;
  if (*text == "shift") return FinishLinkMode::kShift;
  ctx.r.invalid(node, path,
                "expected stretch (the finish is held, the start stays) or shift (the duration "
                "is kept, the start moves)");
  return std::nullopt;
}

void queue_dependencies(ReadContext& ctx, std::size_t project, std::size_t activity,
                        const YAML::Node& node, const std::string& path) {
  if (!NodeReader::has(node, "depends_on")) return;
  const YAML::Node list = node["depends_on"];
  const std::string list_path = join_key(path, "depends_on");
  if (!ctx.r.expect_list(list, list_path)) return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    ctx.pending.push_back({project, activity, list[i], list_path + "[" + std::to_string(i) + "]"});
  }
}

// Resolves `project.activity`, or when `local` is set also a bare id of that project.
std::optional<ActivityRef> resolve_activity(ReadContext& ctx, const YAML::Node& node,
                                            const std::string& path,
                                            std::optional<std::size_t> local) {
  const auto name = ctx.r.text(node, path);
  if (!name) return std::nullopt;
  const auto dot = name->find('.');
  std::vector<Candidate> candidates;
  if (dot == std::string::npos) {
    if (!local) {
      ctx.r.invalid(node, path, "expected project.activity (a project id and an activity id)");
      return std::nullopt;
    }
    const Project& p = ctx.s.projects[*local];
    if (auto index = p.find_phase(*name)) return ActivityRef{*local, *index};
    if (!ctx.take_suggestion()) return report_unknown_activity(ctx, node, path, *name, {});
    for (const auto& ph : p.phases) {
      if (!ph.id.empty()) candidates.push_back({ph.id, ph.id, 0});
    }
    for (std::size_t q = 0; q < ctx.s.projects.size(); ++q) {
      if (q == *local || ctx.s.projects[q].id.empty()) continue;
      for (const auto& ph : ctx.s.projects[q].phases) {
        if (!ph.id.empty()) candidates.push_back({ctx.s.projects[q].id + "." + ph.id, ph.id, 1});
      }
    }
  } else {
    const std::string project_id = name->substr(0, dot);
    const std::string activity_id = name->substr(dot + 1);
    if (auto q = ctx.s.find_project(project_id)) {
      if (auto index = ctx.s.projects[*q].find_phase(activity_id)) return ActivityRef{*q, *index};
    }
    if (!ctx.take_suggestion()) return report_unknown_activity(ctx, node, path, *name, {});
    for (const auto& p : ctx.s.projects) {
      if (p.id.empty()) continue;
      for (const auto& ph : p.phases) {
        if (!ph.id.empty()) {
          const std::string full = p.id + "." + ph.id;
          candidates.push_back({full, full, 0});
        }
      }
    }
  }
  return report_unknown_activity(ctx, node, path, *name, candidates);
}

std::optional<std::size_t> resolve_project(ReadContext& ctx, const YAML::Node& node,
                                           const std::string& path) {
  const auto id = ctx.r.text(node, path);
  if (!id) return std::nullopt;
  if (auto index = ctx.s.find_project(*id)) return index;
  std::vector<Candidate> candidates;
  if (ctx.take_suggestion()) {
    for (const auto& p : ctx.s.projects) {
      if (!p.id.empty()) candidates.push_back({p.id, p.id, 0});
    }
  }
  ctx.r.invalid(node, path,
                "unknown project" +
                    (candidates.empty()
                         ? std::string()
                         : "; nearest valid names: " + join_comma(nearest_names(*id, candidates))));
  return std::nullopt;
}

void resolve_dependencies(ReadContext& ctx) {
  for (const auto& pending : ctx.pending) {
    const YAML::Node& item = pending.node;
    Dependency dep;
    dep.mark = ctx.r.mark(item);
    std::string on_path = pending.path;
    if (item.IsMap()) {
      check_keys(ctx, item, pending.path, "dependency");
      const bool ok = read_type_and_lag(ctx, dep, item, pending.path);
      if (!ctx.r.require(item, "on", pending.path) || !ok) continue;
      on_path = join_key(pending.path, "on");
    } else if (!item.IsScalar()) {
      ctx.r.invalid(item, pending.path,
                    "expected an activity id or a map {on: id, type: FS, lag: 0 days}");
      continue;
    }
    if (pending.project >= ctx.s.projects.size()) continue;
    // Initialised, never assigned: assigning a yaml-cpp Node that refers into the tree
    // overwrites that tree node (here the item would become its `on` scalar).
    const YAML::Node on = item.IsMap() ? item["on"] : item;
    const auto from = resolve_activity(ctx, on, on_path, pending.project);
    if (!from) continue;
    add_dependency(ctx, {pending.project, pending.activity}, *from, std::move(dep), on, on_path);
  }
}

void read_programme_dependencies(ReadContext& ctx, const YAML::Node& node) {
  if (!ctx.r.expect_list(node, "dependencies")) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string path = "dependencies[" + std::to_string(i) + "]";
    if (!ctx.r.expect_map(item, path)) continue;
    check_keys(ctx, item, path, "programme_dependency");
    Dependency dep;
    dep.mark = ctx.r.mark(item);
    const bool ok = read_type_and_lag(ctx, dep, item, path);
    std::optional<ActivityRef> from;
    std::optional<ActivityRef> to;
    if (ctx.r.require(item, "from", path)) {
      from = resolve_activity(ctx, item["from"], join_key(path, "from"), std::nullopt);
    }
    if (ctx.r.require(item, "to", path)) {
      to = resolve_activity(ctx, item["to"], join_key(path, "to"), std::nullopt);
    }
    if (!ok || !from || !to) continue;
    add_dependency(ctx, *to, *from, std::move(dep), item["to"], join_key(path, "to"));
  }
}

}  // namespace ripple::scenario_read
