#pragma once
/// The Plan: a scenario's phases and milestones as a dependency graph (Boost.Graph), the input
/// of CPM (cpm.hpp) and of the rollout engine (rollout.hpp).
///
/// One vertex per activity (phase or milestone), numbered in declaration order: project by
/// project, phases in file order. One edge per Phase::dependencies item, from the predecessor to
/// the activity, carrying the dependency type and lag. Construction checks that the graph is
/// acyclic (Boost depth_first_search, back edges) and computes a topological order.
///
/// Durations: by default each activity's duration is its distribution's mode (milestones: 0
/// days); Monte Carlo replaces them per run with set_durations(). The Plan does not own the
/// Scenario: it keeps a pointer to it, so the scenario must outlive the plan.

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ripple/date.hpp"
#include "ripple/duration.hpp"
#include "ripple/scenario.hpp"
#include "ripple/work_calendar.hpp"

namespace ripple {

/// Vertex property: what the schedulers need to know of an activity, copied from its Phase.
struct ActivityNode {
  ActivityRef ref;                    ///< (project, phase) indices into the Scenario
  bool is_milestone = false;          ///< zero duration; start == finish
  std::optional<Date> fixed_date;     ///< milestone date: start = finish = this date
  std::optional<Date> not_before;     ///< earliest start
  std::optional<Date> actual_start;   ///< the activity started on this date
  std::optional<Date> actual_finish;  ///< the activity finished on this date
  /// Its working calendar (Scenario::calendar_of, owned by the scenario); nullptr: calendar days.
  const WorkCalendar* calendar = nullptr;
};

/// Edge property: the dependency of the target activity on the source activity.
struct Link {
  DependencyType type = DependencyType::kFinishToStart;
  Duration lag{0.0, TimeUnit::kDays};  ///< negative: a lead
  /// The calendar the lag counts working time on: the predecessor's, else the successor's (P6's
  /// default); nullptr: calendar days.
  const WorkCalendar* lag_calendar = nullptr;
  /// FF/SF in shift mode on an activity that has not started and is not a milestone: the link
  /// moves the successor's start (its duration kept) instead of holding its finish.
  bool shifts_start = false;
};

/// The dependency graph: predecessor -> successor edges, in- and out-edges both iterable.
using PlanGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, ActivityNode, Link>;
/// Vertex index (0 .. Plan::size()-1).
using Vertex = PlanGraph::vertex_descriptor;

/// A scenario's activities and their dependencies, checked acyclic.
class Plan {
 public:
  /// Builds the graph of `scenario` (which must outlive the Plan). Throws InputError with one
  /// diagnostic per distinct dependency cycle, `dependency cycle: p.a -> p.b -> p.a` (arrows
  /// from a predecessor to the activity that depends on it, starting at the activity declared
  /// first, at that activity's mark).
  explicit Plan(const Scenario& scenario);

  /// The scenario this plan was built from.
  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }
  /// The graph.
  [[nodiscard]] const PlanGraph& graph() const { return graph_; }
  /// Number of activities.
  [[nodiscard]] std::size_t size() const { return boost::num_vertices(graph_); }
  /// Number of projects.
  [[nodiscard]] std::size_t project_count() const { return first_vertex_.size(); }
  /// The vertex of an activity. Precondition: ref names an activity of the scenario.
  [[nodiscard]] Vertex vertex(ActivityRef ref) const {
    return first_vertex_[ref.project] + ref.activity;
  }
  /// The first vertex of a project; its activities are [first_vertex(p), first_vertex(p + 1)).
  [[nodiscard]] Vertex first_vertex(std::size_t project) const {
    return project < first_vertex_.size() ? first_vertex_[project] : size();
  }
  /// The activity of a vertex.
  [[nodiscard]] const ActivityNode& node(Vertex v) const { return graph_[v]; }
  /// "project.phase" of a vertex.
  [[nodiscard]] std::string name(Vertex v) const;
  /// Every vertex, predecessors before successors (ties in declaration order).
  [[nodiscard]] const std::vector<Vertex>& topological_order() const { return order_; }

  /// The duration each activity takes, indexed by vertex (milestones: 0 days).
  [[nodiscard]] const std::vector<Duration>& durations() const { return durations_; }
  /// Replaces the durations (e.g. with Monte Carlo samples); `durations` is indexed by vertex.
  /// Throws std::invalid_argument when its size is not size(). Milestones keep 0 days.
  void set_durations(std::vector<Duration> durations);
  /// Back to each distribution's mode.
  void reset_durations();

 private:
  const Scenario* scenario_;
  PlanGraph graph_;
  std::vector<Vertex> first_vertex_;  // [project]
  std::vector<Vertex> order_;
  std::vector<Duration> durations_;
};

/// The dependency cycles of a graph, each once, as vertex lists in order (predecessor first)
/// starting at its lowest vertex; empty when the graph is acyclic. Used by Plan.
[[nodiscard]] std::vector<std::vector<Vertex>> find_cycles(const PlanGraph& graph);

}  // namespace ripple
