#include "ripple/plan.hpp"

#include <algorithm>
#include <boost/graph/depth_first_search.hpp>
#include <functional>
#include <queue>
#include <set>
#include <stdexcept>

#include "ripple/error.hpp"

namespace ripple {
namespace {

// Records DFS tree parents and, for each back edge (u -> v, v an ancestor of u), the cycle
// v -> ... -> u -> v along the tree path.
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  CycleRecorder(std::vector<Vertex>& parent, std::vector<std::vector<Vertex>>& cycles)
      : parent_(&parent), cycles_(&cycles) {}

  void tree_edge(PlanGraph::edge_descriptor e, const PlanGraph& g) {
    (*parent_)[boost::target(e, g)] = boost::source(e, g);
  }

  void back_edge(PlanGraph::edge_descriptor e, const PlanGraph& g) {
    const Vertex u = boost::source(e, g);
    const Vertex v = boost::target(e, g);
    std::vector<Vertex> cycle{u};
    for (Vertex w = u; w != v;) {
      w = (*parent_)[w];
      cycle.push_back(w);
    }
    std::reverse(cycle.begin(), cycle.end());
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    cycles_->push_back(std::move(cycle));
  }

 private:
  std::vector<Vertex>* parent_;
  std::vector<std::vector<Vertex>>* cycles_;
};

}  // namespace

std::vector<std::vector<Vertex>> find_cycles(const PlanGraph& graph) {
  const std::size_t n = boost::num_vertices(graph);
  std::vector<Vertex> parent(n);
  std::vector<std::vector<Vertex>> cycles;
  std::vector<boost::default_color_type> colors(n);
  boost::depth_first_search(
      graph, CycleRecorder(parent, cycles),
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph)));
  // Parallel edges (two dependency types between the same pair) close the same cycle twice.
  std::sort(cycles.begin(), cycles.end());
  cycles.erase(std::unique(cycles.begin(), cycles.end()), cycles.end());
  return cycles;
}

Plan::Plan(const Scenario& scenario) : scenario_(&scenario) {
  for (const auto& project : scenario.projects) {
    first_vertex_.push_back(boost::num_vertices(graph_));
    for (const auto& phase : project.phases) {
      ActivityNode node;
      node.ref = {first_vertex_.size() - 1, static_cast<std::size_t>(&phase - &project.phases[0])};
      node.is_milestone = phase.is_milestone;
      node.fixed_date = phase.fixed_date;
      node.not_before = phase.not_before;
      node.actual_start = phase.actual_start;
      node.actual_finish = phase.actual_finish;
      node.calendar = scenario.calendar_of(node.ref);
      boost::add_vertex(node, graph_);
    }
  }
  for (const auto& project : scenario.projects) {
    for (const auto& phase : project.phases) {
      for (const auto& dependency : phase.dependencies) {
        const Vertex to = vertex({static_cast<std::size_t>(&project - &scenario.projects[0]),
                                  static_cast<std::size_t>(&phase - &project.phases[0])});
        const Vertex from = vertex(dependency.predecessor);
        Link link{dependency.type, dependency.lag};
        link.lag_calendar = graph_[from].calendar ? graph_[from].calendar : graph_[to].calendar;
        const bool finish_link = dependency.type == DependencyType::kFinishToFinish ||
                                 dependency.type == DependencyType::kStartToFinish;
        link.shifts_start =
            finish_link && !phase.is_milestone && !phase.actual_start && !phase.fixed_date &&
            dependency.finish_link.value_or(scenario.finish_links) == FinishLinkMode::kShift;
        boost::add_edge(from, to, link, graph_);
      }
    }
  }

  if (const auto cycles = find_cycles(graph_); !cycles.empty()) {
    std::vector<Diagnostic> diagnostics;
    for (const auto& cycle : cycles) {
      std::string message = "dependency cycle: ";
      for (const Vertex v : cycle) message += name(v) + " -> ";
      message += name(cycle.front());
      diagnostics.push_back({scenario.activity(graph_[cycle.front()].ref).mark, message});
    }
    throw InputError(std::move(diagnostics));
  }

  // Kahn's algorithm with the lowest ready vertex first: a deterministic order that keeps
  // declaration order wherever dependencies allow.
  std::vector<std::size_t> waiting(size());
  std::priority_queue<Vertex, std::vector<Vertex>, std::greater<>> ready;
  for (Vertex v = 0; v < size(); ++v) {
    waiting[v] = boost::in_degree(v, graph_);
    if (waiting[v] == 0) ready.push(v);
  }
  order_.reserve(size());
  while (!ready.empty()) {
    const Vertex v = ready.top();
    ready.pop();
    order_.push_back(v);
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, graph_))) {
      if (--waiting[boost::target(e, graph_)] == 0) ready.push(boost::target(e, graph_));
    }
  }
  reset_durations();
}

std::string Plan::name(Vertex v) const { return scenario_->activity_name(graph_[v].ref); }

void Plan::set_durations(std::vector<Duration> durations) {
  if (durations.size() != size()) {
    throw std::invalid_argument("Plan::set_durations: " + std::to_string(durations.size()) +
                                " durations for " + std::to_string(size()) + " activities");
  }
  durations_ = std::move(durations);
  for (Vertex v = 0; v < size(); ++v) {
    if (graph_[v].is_milestone) durations_[v] = Duration{0.0, TimeUnit::kDays};
  }
}

void Plan::reset_durations() {
  durations_.resize(size());
  for (Vertex v = 0; v < size(); ++v) {
    durations_[v] = graph_[v].is_milestone ? Duration{0.0, TimeUnit::kDays}
                                           : scenario_->activity(graph_[v].ref).duration.mode();
  }
}

}  // namespace ripple
