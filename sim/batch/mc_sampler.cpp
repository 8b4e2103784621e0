#include "ripple/mc_sampler.hpp"

#include "ripple/random.hpp"
#include "ripple/sampling.hpp"

namespace ripple {
namespace {

// Amount of one `unit` in its family's base unit (days or months). Working units convert at a
// nominal 1 working day = 1 day and 8 working hours = 1 day (risk delays in another unit than
// their phase's; docs/montecarlo.md).
double base_per_unit(TimeUnit unit) {
  if (unit == TimeUnit::kWorkHours) return 1.0 / 8.0;
  return Duration{1.0, unit}.base_amount();
}

bool is_month_family(TimeUnit unit) { return Duration{1.0, unit}.is_calendar(); }

std::string unit_plural(TimeUnit unit) {
  std::string text(unit_name(unit));
  text.push_back('s');
  return text;
}

}  // namespace

double unit_factor(TimeUnit from, TimeUnit to) {
  double factor = base_per_unit(from);
  const bool from_months = is_month_family(from);
  const bool to_months = is_month_family(to);
  if (from_months && !to_months) factor *= kDaysPerMonth;
  if (!from_months && to_months) factor /= kDaysPerMonth;
  return factor / base_per_unit(to);
}

McSampler::McSampler(const Scenario& scenario, const Plan& plan, std::uint64_t seed)
    : scenario_(&scenario),
      plan_(&plan),
      seed_(seed),
      modes_(plan.durations()),
      sampled_of_vertex_(plan.size()) {
  for (const Project& project : scenario.projects) {
    auto& capex = capex_m_.emplace_back();
    for (const Phase& phase : project.phases) capex.push_back(phase.capex_m);
  }
  for (Vertex v = 0; v < plan.size(); ++v) {
    const ActivityRef ref = plan.node(v).ref;
    const Phase& phase = scenario.activity(ref);
    if (phase.is_milestone || phase.duration.values.is_fixed()) continue;
    sampled_of_vertex_[v] = sampled_.size();
    const std::string name = "duration:" + scenario.activity_name(ref);
    sampled_.push_back({v, stable_id(name)});
    inputs_.push_back({name, unit_plural(phase.duration.unit)});
  }
  for (const Risk& risk : scenario.risks) {
    const std::string name = "risk:" + risk.id;
    const Phase& phase = scenario.activity(risk.phase);
    RiskStreams streams{};
    streams.occurrence = stable_id(name);
    streams.delay = stable_id(name + ".delay");
    streams.cost = stable_id(name + ".cost");
    streams.vertex = plan.vertex(risk.phase);
    streams.delay_to_phase_unit =
        risk.delay ? unit_factor(risk.delay->unit, phase.duration.unit) : 0.0;
    risks_.push_back(streams);
    inputs_.push_back({name, "occurred"});
    if (risk.delay) inputs_.push_back({name + ".delay", unit_plural(risk.delay->unit)});
    if (risk.cost_m) inputs_.push_back({name + ".cost", "millions"});
  }
  if (scenario.correlation) {
    const std::string name = "correlation:" + scenario.correlation->factor;
    correlation_stream_ = stable_id(name);
    inputs_.push_back({name, "factor"});
  }
  // Ramp-ups given as distributions, last so that the inputs before them keep their columns.
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) {
      const RampUp& ramp = scenario.projects[p].phases[a].ramp_up;
      if (!ramp.sampled) continue;
      const std::string name = "ramp_up:" + scenario.activity_name({p, a});
      ramps_.push_back({{p, a}, stable_id(name)});
      inputs_.push_back({name, unit_plural(ramp.sampled->unit)});
    }
  }
}

void McSampler::draw(std::uint64_t run, McDraw& out) const {
  out.run = run;
  out.duration.resize(sampled_.size());
  for (std::size_t k = 0; k < sampled_.size(); ++k) {
    const Phase& phase = scenario_->activity(plan_->node(sampled_[k].vertex).ref);
    RandomStream stream(seed_, run, sampled_[k].stream_id);
    out.duration[k] = sample(phase.duration.values, stream);
  }
  out.factor = 1.0;
  if (scenario_->correlation) {
    RandomStream stream(seed_, run, correlation_stream_);
    out.factor = sample(scenario_->correlation->multiplier, stream);
  }
  out.ramp.resize(ramps_.size());
  for (std::size_t k = 0; k < ramps_.size(); ++k) {
    const RampUp& ramp = scenario_->activity(ramps_[k].ref).ramp_up;
    RandomStream stream(seed_, run, ramps_[k].stream_id);
    out.ramp[k] = sample(ramp.sampled->values, stream);
  }
  const std::size_t risk_count = risks_.size();
  out.fired.assign(risk_count, 0);
  out.delay.assign(risk_count, 0.0);
  out.cost_m.assign(risk_count, 0.0);
  for (std::size_t r = 0; r < risk_count; ++r) {
    const Risk& risk = scenario_->risks[r];
    RandomStream occurrence(seed_, run, risks_[r].occurrence);
    if (!(occurrence.uniform() < risk.probability)) continue;
    out.fired[r] = 1;
    if (risk.delay) {
      RandomStream stream(seed_, run, risks_[r].delay);
      out.delay[r] = sample(risk.delay->values, stream);
    }
    if (risk.cost_m) {
      RandomStream stream(seed_, run, risks_[r].cost);
      out.cost_m[r] = sample(*risk.cost_m, stream);
    }
  }
}

void McSampler::durations(const McDraw& draw, std::optional<std::size_t> skip_risk,
                          std::vector<Duration>& durations) const {
  durations.resize(plan_->size());
  for (Vertex v = 0; v < plan_->size(); ++v) {
    const Phase& phase = scenario_->activity(plan_->node(v).ref);
    durations[v] = sampled_of_vertex_[v]
                       ? Duration{draw.duration[*sampled_of_vertex_[v]], phase.duration.unit}
                       : modes_[v];
    if (phase.correlated && !phase.is_milestone) durations[v].amount *= draw.factor;
  }
  for (std::size_t r = 0; r < risks_.size(); ++r) {
    if (draw.fired[r] == 0 || skip_risk == r || draw.delay[r] == 0.0) continue;
    const Vertex v = risks_[r].vertex;
    if (plan_->node(v).is_milestone) continue;
    durations[v].amount += draw.delay[r] * risks_[r].delay_to_phase_unit;
  }
}

void McSampler::apply_capex(const McDraw& draw, std::optional<std::size_t> skip_risk,
                            Scenario& target) const {
  for (std::size_t p = 0; p < capex_m_.size(); ++p) {
    for (std::size_t a = 0; a < capex_m_[p].size(); ++a) {
      target.projects[p].phases[a].capex_m = capex_m_[p][a];
    }
  }
  for (std::size_t r = 0; r < risks_.size(); ++r) {
    if (draw.fired[r] == 0 || skip_risk == r) continue;
    const ActivityRef ref = scenario_->risks[r].phase;
    target.projects[ref.project].phases[ref.activity].capex_m += draw.cost_m[r];
  }
  for (std::size_t k = 0; k < ramps_.size(); ++k) {
    const ActivityRef ref = ramps_[k].ref;
    RampUp& ramp = target.projects[ref.project].phases[ref.activity].ramp_up;
    ramp.duration = ramp.sampled->with_amount(draw.ramp[k]);
  }
}

void McSampler::input_values(const McDraw& draw, std::vector<double>& values) const {
  values.clear();
  values.insert(values.end(), draw.duration.begin(), draw.duration.end());
  for (std::size_t r = 0; r < risks_.size(); ++r) {
    const Risk& risk = scenario_->risks[r];
    values.push_back(draw.fired[r] != 0 ? 1.0 : 0.0);
    if (risk.delay) values.push_back(draw.delay[r]);
    if (risk.cost_m) values.push_back(draw.cost_m[r]);
  }
  if (scenario_->correlation) values.push_back(draw.factor);
  values.insert(values.end(), draw.ramp.begin(), draw.ramp.end());
}

std::optional<std::size_t> McSampler::sampled_index(Vertex vertex) const {
  return vertex < sampled_of_vertex_.size() ? sampled_of_vertex_[vertex] : std::nullopt;
}

}  // namespace ripple
