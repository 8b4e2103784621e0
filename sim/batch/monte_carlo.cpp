#include "ripple/monte_carlo.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <exception>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <thread>

#include "ripple/date.hpp"
#include "ripple/error.hpp"
#include "ripple/ledger.hpp"
#include "ripple/mc_sampler.hpp"
#include "ripple/pipeline.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace {

// Runs per thread in one block: the writer holds at most threads * kBlockPerThread rows.
constexpr std::uint64_t kBlockPerThread = 256;

constexpr double kBlank = std::numeric_limits<double>::quiet_NaN();

// A row of a per-run file: its text and, per cell after the index (and seed), the value that
// cell reads back as (McColumns, mc_summary.hpp), so that the statistics of an unsharded
// campaign need not read its files back.
struct Row {
  std::string text;
  std::vector<double> values;
  void clear() {
    text.clear();
    values.clear();
  }
};

// ",<value>" with three decimals, as csv_number() writes it (printf "%.3f", no "-0.000"), but
// through std::to_chars (specified as printf's result) without a temporary string. The value
// recorded is the text parsed back (std::from_chars: the nearest double, as strtod() gives it
// when the file is read), not `value`.
void append_number(Row& row, double value) {
  row.text.push_back(',');
  char buffer[48];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
  std::string text;
  std::string_view digits(buffer, static_cast<std::size_t>(end - buffer));
  if (ec != std::errc{}) {
    text = csv_number(value);
    digits = text;
  } else if (digits.front() == '-' && digits.find_first_not_of("-0.") == std::string_view::npos) {
    digits.remove_prefix(1);
  }
  row.text.append(digits);
  double parsed = kBlank;  // inf and nan: check_row() refuses the row
  (void)std::from_chars(digits.data(), digits.data() + digits.size(), parsed);
  row.values.push_back(parsed);
}

// A whole number (days), exact as a double.
void append_count(Row& row, long long value) {
  row.text.push_back(',');
  row.text.append(std::to_string(value));
  row.values.push_back(static_cast<double>(value));
}

// YYYY-MM, read back as the month index year * 12 + month - 1; blank: NaN.
void append_month(Row& row, const std::optional<Date>& date) {
  row.text.push_back(',');
  if (date) row.text.append(date->to_month_string());
  row.values.push_back(date ? date->year() * 12.0 + (date->month() - 1) : kBlank);
}

YearJobs jobs_in_year(const Ledger& ledger, const Impacts& impacts, int year) {
  const Date from = Date::from_ymd(year, 1, 1);
  const Date to = Date::from_ymd(year + 1, 1, 1);
  const double year_days = to - from;
  YearJobs jobs;
  for (std::size_t p = 0; p < ledger.period_count(); ++p) {
    const Date lo = std::max(from, ledger.period_starts[p]);
    const Date hi = std::min(to, ledger.period_end(p));
    if (hi <= lo) continue;
    const double weight = (hi - lo) / year_days;
    for (std::size_t pi = 0; pi < ledger.entries.size(); ++pi) {
      jobs.direct += ledger.entries[pi][p].direct_jobs() * weight;
      if (!impacts.empty()) {
        jobs.indirect += impacts.entries[pi][p].indirect_jobs() * weight;
        jobs.induced += impacts.entries[pi][p].induced_jobs() * weight;
      }
    }
  }
  return jobs;
}

// ",<jobs>" per reporting period: the programme's direct (construction + permanent), indirect
// and induced jobs, period averages summed over projects and regions.
void append_period_jobs(const Ledger& ledger, const Impacts& impacts, Row& line) {
  for (std::size_t p = 0; p < ledger.period_count(); ++p) {
    double jobs = 0.0;
    for (std::size_t pi = 0; pi < ledger.entries.size(); ++pi) {
      jobs += ledger.entries[pi][p].direct_jobs();
      if (!impacts.empty()) {
        jobs += impacts.entries[pi][p].indirect_jobs() + impacts.entries[pi][p].induced_jobs();
      }
    }
    append_number(line, jobs);
  }
}

double job_years(const SummaryRow& row) {
  return row.job_years_direct + row.job_years_indirect + row.job_years_induced;
}

// The date a risk's delay is measured on: the project's commissioning, or the finish of its
// last activity when it adds no capacity.
Date finish_of(const Ledger& ledger, std::size_t project) {
  return ledger.dates[project].commissioning.value_or(ledger.dates[project].last_finish);
}

// The rows of one run, formatted by the worker that ran it.
struct RunRows {
  Row runs;
  std::string critical;
  Row inputs;
  Row risks;
  Row jobs;
  Row resources;
};

// YYYY-MM-DD, read back as the day index; blank: NaN.
void append_day(Row& row, const std::optional<Date>& date) {
  row.text.push_back(',');
  if (date) row.text.append(date->to_string());
  row.values.push_back(date ? static_cast<double>(date->days()) : kBlank);
}

// The latest finish of a project's activities; none when it has none.
std::optional<Date> project_finish(const Timeline& timeline, std::size_t project) {
  std::optional<Date> finish;
  for (const ActivityTimes& times : timeline.activities[project]) {
    if (!finish || times.finish > *finish) finish = times.finish;
  }
  return finish;
}

std::string headers_runs(const Scenario& scenario, const McLayout& l, int jobs_year);
std::string headers_inputs(const McSampler& sampler);
std::string headers_jobs(const Scenario& scenario);
std::string headers_risks(const Scenario& scenario);

// Throws ModelError when a row holds inf or nan, naming the file, the run and the column.
void check_row(const std::string& row, const std::string& header, const char* file,
               std::uint64_t index) {
  if (row.empty()) return;
  std::string where = file;
  check_finite_row(row, header, where.append(": run ").append(std::to_string(index)));
}

// The activity's start waited for shared resources (wait days and what was short).
bool waited_for_resource(const ActivityTimes& times) {
  return times.wait_days() > 0 && !times.waited_for.empty();
}

// One thread's runner and the rows it formats.
class Worker {
 public:
  Worker(const Scenario& scenario, const Economy* economy, const McOptions& options,
         const McLayout& layout)
      : runner_(scenario, economy, options.seed, layout.schedule_only),
        options_(&options),
        layout_(&layout),
        header_runs_(headers_runs(scenario, layout, options.jobs_year)),
        header_inputs_(headers_inputs(runner_.sampler())),
        header_jobs_(headers_jobs(scenario)),
        header_risks_(headers_risks(scenario)) {
    std::size_t activities = 0;
    for (const Project& project : scenario.projects) activities += project.phases.size();
    critical_counts_.assign(activities, 0);
    resource_critical_counts_.assign(activities, 0);
    column_of_resource_.assign(scenario.resources.size(), std::nullopt);
    for (std::size_t c = 0; c < layout.wait_resources.size(); ++c) {
      column_of_resource_[layout.wait_resources[c]] = c;
    }
  }

  void run(std::uint64_t index, RunRows& rows) {
    const RunResult* result = nullptr;
    const Timeline* timeline = nullptr;
    if (layout_->schedule_only) {
      timeline = &runner_.run_schedule(index);
    } else {
      result = &runner_.run(index);
      timeline = &result->timeline;
    }
    rows.runs.clear();
    rows.runs.text.append(std::to_string(index));
    rows.runs.text.push_back(',');
    rows.runs.text.append(std::to_string(options_->seed));
    for (std::size_t p = 0; p < timeline->activities.size(); ++p) {
      if (layout_->has_capacity[p] != 0 && result != nullptr) {
        const SummaryRow& row = result->summary.projects[p];
        append_month(rows.runs, row.commissioning);
        append_month(rows.runs, row.full_capacity);
      }
      append_day(rows.runs, project_finish(*timeline, p));
    }
    for (const ActivityRef& m : layout_->milestones) {
      append_day(rows.runs, timeline->activities[m.project][m.activity].finish);
    }
    if (result != nullptr) append_metrics(*result, rows.runs);
    rows.runs.text.push_back('\n');

    rows.critical.clear();
    if (layout_->critical_per_run) {
      rows.critical.append(std::to_string(index));
      for (const auto& project : timeline->activities) {
        for (const ActivityTimes& times : project) {
          rows.critical.append(!times.is_critical           ? ",0"
                               : waited_for_resource(times) ? ",2"
                                                            : ",1");
        }
      }
      rows.critical.push_back('\n');
    }
    std::size_t k = 0;
    for (const auto& project : timeline->activities) {
      for (const ActivityTimes& times : project) {
        critical_counts_[k] += times.is_critical;
        resource_critical_counts_[k] += times.is_critical && waited_for_resource(times);
        ++k;
      }
    }

    rows.resources.clear();
    if (!layout_->wait_resources.empty()) append_resource_waits(index, *timeline, rows.resources);

    rows.inputs.clear();
    if (layout_->inputs_per_run) {
      rows.inputs.text.append(std::to_string(index));
      runner_.sampler().input_values(runner_.draw(), values_);
      for (double value : values_) append_number(rows.inputs, value);
      rows.inputs.text.push_back('\n');
    }

    rows.jobs.clear();
    if (layout_->jobs() && result != nullptr) {
      rows.jobs.text.append(std::to_string(index));
      append_period_jobs(result->ledger, result->impacts, rows.jobs);
      rows.jobs.text.push_back('\n');
    }

    if (options_->rank_risks && result != nullptr) rank_risks(index, *result, rows.risks);

    // No inf or nan reaches a per-run file (dates and 0/1 flags are always finite).
    check_row(rows.runs.text, header_runs_, "mc_runs.csv", index);
    check_row(rows.inputs.text, header_inputs_, "mc_inputs.csv", index);
    check_row(rows.jobs.text, header_jobs_, "mc_jobs.csv", index);
    if (options_->rank_risks) check_row(rows.risks.text, header_risks_, "mc_risks.csv", index);
  }

  /// Runs on which each activity was critical.
  [[nodiscard]] const std::vector<std::uint64_t>& critical_counts() const {
    return critical_counts_;
  }
  /// Runs on which each activity was critical after waiting for a resource.
  [[nodiscard]] const std::vector<std::uint64_t>& resource_critical_counts() const {
    return resource_critical_counts_;
  }

 private:
  // The row of mc_resources.csv: per resource a phase may wait for, the days phases waited for
  // it (each phase's wait counted for every resource short on its ready day), and of them the
  // days of phases on a driving path. Whole days: sums of integers, exact in any order.
  void append_resource_waits(std::uint64_t index, const Timeline& timeline, Row& line) {
    waits_.assign(2 * layout_->wait_resources.size(), 0);
    for (const auto& project : timeline.activities) {
      for (const ActivityTimes& times : project) {
        const int days = times.wait_days();
        if (days <= 0) continue;
        for (const std::size_t r : times.waited_for) {
          const std::optional<std::size_t> c = column_of_resource_[r];
          if (!c) continue;
          waits_[2 * *c] += days;
          if (times.is_critical) waits_[2 * *c + 1] += days;
        }
      }
    }
    line.text.append(std::to_string(index));
    for (const long long days : waits_) append_count(line, days);
    line.text.push_back('\n');
  }

  // The TOTAL metrics of summary.csv that apply, job-years and the jobs of the jobs year.
  void append_metrics(const RunResult& result, Row& line) const {
    const McLayout& l = *layout_;
    const SummaryRow& t = result.summary.total;
    if (l.capex) append_number(line, t.capex_m);
    if (l.direct_jobs) {
      append_number(line, t.peak_construction_jobs);
      append_number(line, t.permanent_jobs);
    }
    if (l.economy) {
      append_number(line, t.indirect_jobs());
      append_number(line, t.induced_jobs());
    }
    if (l.direct_jobs) append_number(line, t.job_years_direct);
    if (l.economy) {
      append_number(line, t.job_years_indirect);
      append_number(line, t.job_years_induced);
    }
    if (l.jobs()) append_number(line, job_years(t));
    if (l.output) append_number(line, t.output_m);
    if (l.economy) append_number(line, t.value_added_m);
    if (l.jobs()) {
      const YearJobs year = jobs_in_year(result.ledger, result.impacts, options_->jobs_year);
      append_number(line, year.total());
      if (l.direct_jobs) append_number(line, year.direct);
      if (l.economy) {
        append_number(line, year.indirect);
        append_number(line, year.induced);
      }
    }
  }

  // For each fired risk: the run again without it. Not-fired risks cost nothing in this run
  // (common random numbers make the two runs identical).
  void rank_risks(std::uint64_t index, const RunResult& base, Row& line) {
    const Scenario& scenario = runner_.scenario();
    base_finish_.resize(scenario.projects.size());
    for (std::size_t p = 0; p < base_finish_.size(); ++p) {
      base_finish_[p] = finish_of(base.ledger, p);
    }
    const double base_job_years = job_years(base.summary.total);
    line.clear();
    line.text.append(std::to_string(index));
    for (std::size_t r = 0; r < scenario.risks.size(); ++r) {
      if (runner_.draw().fired[r] == 0) {
        append_number(line, 0.0);
        append_number(line, 0.0);
        continue;
      }
      const std::size_t project = scenario.risks[r].phase.project;
      const RunResult& off = runner_.run_without_risk(r);  // `base` is invalid from here on
      append_number(line, job_years(off.summary.total) - base_job_years);
      append_number(line, (base_finish_[project] - finish_of(off.ledger, project)) / kDaysPerMonth);
    }
    line.text.push_back('\n');
  }

  McRunner runner_;
  const McOptions* options_;
  const McLayout* layout_;
  std::vector<double> values_;
  std::vector<Date> base_finish_;
  std::vector<std::uint64_t> critical_counts_;
  std::vector<std::uint64_t> resource_critical_counts_;
  std::vector<std::optional<std::size_t>> column_of_resource_;  // [resource] in wait_resources
  std::vector<long long> waits_;
  std::string header_runs_;
  std::string header_inputs_;
  std::string header_jobs_;
  std::string header_risks_;
};

std::string headers_runs(const Scenario& scenario, const McLayout& l, int jobs_year) {
  std::string line = "index,seed";
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    const std::string& id = scenario.projects[p].id;
    if (l.has_capacity[p] != 0) {
      line.append(",").append(id).append(".commissioning");
      line.append(",").append(id).append(".full_capacity");
    }
    line.append(",").append(id).append(".finish");
  }
  for (const ActivityRef& m : l.milestones) {
    line.append(",").append(scenario.activity_name(m)).append(".date");
  }
  const auto add = [&line](bool applies, std::string_view name) {
    if (applies) line.append(",").append(name);
  };
  add(l.capex, "capex");
  add(l.direct_jobs, "peak_construction_jobs");
  add(l.direct_jobs, "permanent_jobs");
  add(l.economy, "indirect_jobs");
  add(l.economy, "induced_jobs");
  add(l.direct_jobs, "job_years_direct");
  add(l.economy, "job_years_indirect");
  add(l.economy, "job_years_induced");
  add(l.jobs(), "job_years");
  add(l.output, "output");
  add(l.economy, "value_added");
  const std::string year = std::to_string(jobs_year);
  add(l.jobs(), "jobs_" + year);
  add(l.direct_jobs, "direct_jobs_" + year);
  add(l.economy, "indirect_jobs_" + year);
  add(l.economy, "induced_jobs_" + year);
  line.push_back('\n');
  return line;
}

std::string headers_critical(const Scenario& scenario) {
  std::string line = "index";
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) {
      line.push_back(',');
      line.append(scenario.activity_name({p, a}));
    }
  }
  line.push_back('\n');
  return line;
}

std::string headers_inputs(const McSampler& sampler) {
  std::string line = "index";
  for (const McInput& input : sampler.inputs()) line.append(",").append(input.name);
  line.push_back('\n');
  return line;
}

std::string headers_jobs(const Scenario& scenario) {
  std::string line = "index";
  Date horizon_end;
  for (const Date start : reporting_periods(scenario.calendar, &horizon_end)) {
    line.push_back(',');
    line.append(period_label(start));
  }
  line.push_back('\n');
  return line;
}

std::string headers_resources(const Scenario& scenario, const McLayout& layout) {
  std::string line = "index";
  for (const std::size_t r : layout.wait_resources) {
    const std::string& id = scenario.resources[r].id;
    line.append(",").append(id).append(".wait_days");
    line.append(",").append(id).append(".critical_wait_days");
  }
  line.push_back('\n');
  return line;
}

std::string headers_risks(const Scenario& scenario) {
  std::string line = "index";
  for (const Risk& risk : scenario.risks) {
    line.append(",").append(risk.id).append(".job_years");
    line.append(",").append(risk.id).append(".delay_months");
  }
  line.push_back('\n');
  return line;
}

// The column names of a header line after its first `skip` cells.
std::vector<std::string> column_names(std::string_view header, std::size_t skip) {
  if (!header.empty() && header.back() == '\n') header.remove_suffix(1);
  std::vector<std::string> names;
  for (std::size_t begin = 0, cell = 0;; ++cell) {
    const std::size_t comma = header.find(',', begin);
    if (cell >= skip) names.emplace_back(header.substr(begin, comma - begin));
    if (comma == std::string_view::npos) break;
    begin = comma + 1;
  }
  return names;
}

// An empty table with the columns of a per-run file's header.
McTable table_of(std::string_view header, std::size_t skip, std::uint64_t runs) {
  McTable table;
  table.names = column_names(header, skip);
  table.values.resize(table.names.size());
  for (auto& column : table.values) column.reserve(static_cast<std::size_t>(runs));
  return table;
}

// Appends a row's values to the table's columns (rows arrive in run order).
void add_row(McTable& table, const Row& row) {
  for (std::size_t c = 0; c < table.values.size(); ++c) table.values[c].push_back(row.values[c]);
}

void check_options(const Scenario& scenario, const McOptions& options) {
  if (options.runs == 0) throw UsageError("Monte Carlo: runs = 0: must be at least 1");
  if (options.threads == 0) throw UsageError("Monte Carlo: threads = 0: must be at least 1");
  if (options.shard_count == 0 || options.shard_index >= options.shard_count) {
    throw UsageError("Monte Carlo: shard " + std::to_string(options.shard_index + 1) + "/" +
                     std::to_string(options.shard_count) + " is not a slice K/N with 1 <= K <= N");
  }
  const int first = scenario.calendar.start.year();
  const int last = scenario.calendar.end.year();
  if (options.jobs_year < first || options.jobs_year > last) {
    throw UsageError("Monte Carlo: jobs_year = " + std::to_string(options.jobs_year) +
                     ": outside the scenario's calendar (" + std::to_string(first) + " to " +
                     std::to_string(last) + ")");
  }
}

}  // namespace

McRunner::McRunner(const Scenario& scenario, const Economy* economy, std::uint64_t seed,
                   bool schedule_only)
    : scenario_(std::make_unique<Scenario>(scenario)),
      pipeline_(std::make_unique<Pipeline>(*scenario_, economy)),
      sampler_(std::make_unique<McSampler>(*scenario_, pipeline_->plan(), seed)) {
  if (!schedule_only) return;
  // The schedule kernel is CPM's forward pass and knows no resources: with phases drawing on
  // them, the resource-aware kernel gives the engine's dates, waits and driving paths, unless
  // the capacities can never bind (then the runs are those without resources).
  const bool draws_resources =
      std::any_of(scenario_->projects.begin(), scenario_->projects.end(), [](const Project& p) {
        return std::any_of(p.phases.begin(), p.phases.end(),
                           [](const Phase& phase) { return !phase.resource_use.empty(); });
      });
  if (draws_resources && !resources_never_bind(*scenario_)) {
    resource_kernel_ = std::make_unique<ResourceKernel>(pipeline_->plan());
  } else {
    kernel_ = std::make_unique<ScheduleKernel>(pipeline_->plan());
  }
}

const RunResult& McRunner::run(std::uint64_t index) {
  sampler_->draw(index, draw_);
  return run_with(std::nullopt);
}

const Timeline& McRunner::run_schedule(std::uint64_t index) {
  sampler_->draw(index, draw_);
  sampler_->durations(draw_, std::nullopt, durations_);
  if (resource_kernel_) {
    try {
      return resource_kernel_->run(durations_);
    } catch (const DateRangeError&) {
      // The engine names the event whose date left the range: let it say so.
      pipeline_->plan().set_durations(durations_);
      Rollout rollout(pipeline_->plan());
      (void)rollout.run();
      throw;
    }
  }
  return kernel_->run(durations_);
}

const RunResult& McRunner::run_without_risk(std::size_t risk) { return run_with(risk); }

const RunResult& McRunner::run_with(std::optional<std::size_t> skip_risk) {
  sampler_->durations(draw_, skip_risk, durations_);
  sampler_->apply_capex(draw_, skip_risk, *scenario_);
  pipeline_->plan().set_durations(durations_);
  last_ = &pipeline_->run();
  return *last_;
}

void parallel_for(unsigned threads, std::uint64_t count,
                  const std::function<void(unsigned, std::uint64_t)>& body) {
  std::atomic<std::uint64_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  const auto work = [&](unsigned thread) {
    try {
      for (std::uint64_t k = next++; k < count && !failed; k = next++) body(thread, k);
    } catch (...) {
      if (!failed.exchange(true)) failure = std::current_exception();
    }
  };
  if (threads <= 1 || count <= 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& thread : pool) thread.join();
  }
  if (failure) std::rethrow_exception(failure);
}

int default_jobs_year(const Scenario& scenario) {
  return std::clamp(2030, scenario.calendar.start.year(), scenario.calendar.end.year());
}

McLayout mc_layout(const Scenario& scenario, bool economy, const McOptions& options) {
  McLayout l;
  std::size_t activities = 0;
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    const Project& project = scenario.projects[p];
    bool capacity = false;
    for (std::size_t a = 0; a < project.phases.size(); ++a) {
      const Phase& phase = project.phases[a];
      capacity = capacity || phase.capacity_per_year > 0.0;
      l.capex = l.capex || phase.capex_m != 0.0;
      l.direct_jobs = l.direct_jobs || phase.construction_jobs > 0.0 || phase.permanent_jobs > 0.0;
      if (phase.is_milestone) l.milestones.push_back({p, a});
    }
    activities += project.phases.size();
    l.has_capacity.push_back(capacity ? 1 : 0);
    l.output = l.output || capacity;
  }
  for (const Risk& risk : scenario.risks) l.capex = l.capex || risk.cost_m.has_value();
  l.economy = economy;
  l.critical_per_run = options.wide_files || activities <= options.wide_column_limit;
  const Plan plan(scenario);
  const McSampler sampler(scenario, plan, options.seed);
  l.inputs_per_run = options.wide_files || options.rank_risks ||
                     sampler.inputs().size() <= options.wide_column_limit;
  for (std::size_t r = 0; r < scenario.resources.size(); ++r) {
    bool drawn = false;
    for (const Project& project : scenario.projects) {
      for (const Phase& phase : project.phases) {
        drawn = drawn || phase.resource_use.count(scenario.resources[r].id) > 0;
      }
    }
    if (drawn && scenario.resources[r].on_shortfall == Resource::Shortfall::kWait) {
      l.wait_resources.push_back(r);
    }
  }
  l.schedule_only = !l.capex && !l.direct_jobs && !l.output && !l.economy &&
                    scenario.shocks.empty() && !options.rank_risks;
  return l;
}

void run_monte_carlo(const Scenario& scenario, const Economy* economy, const McOptions& options,
                     const McSinks& sinks) {
  check_options(scenario, options);
  const Plan plan(scenario);
  const McSampler sampler(scenario, plan, options.seed);
  const McLayout layout = mc_layout(scenario, economy != nullptr, options);

  const std::string header_runs = headers_runs(scenario, layout, options.jobs_year);
  *sinks.runs << header_runs;
  if (layout.critical_per_run && sinks.critical != nullptr) {
    *sinks.critical << headers_critical(scenario);
  }
  if (layout.inputs_per_run && sinks.inputs != nullptr) *sinks.inputs << headers_inputs(sampler);
  if (options.rank_risks && sinks.risks != nullptr) *sinks.risks << headers_risks(scenario);
  if (layout.jobs() && sinks.jobs != nullptr) *sinks.jobs << headers_jobs(scenario);
  if (!layout.wait_resources.empty() && sinks.resources != nullptr) {
    *sinks.resources << headers_resources(scenario, layout);
  }

  // This shard's runs: index = shard_index + k * shard_count, k = 0 .. count-1.
  const std::uint64_t count =
      options.runs > options.shard_index
          ? (options.runs - options.shard_index + options.shard_count - 1) / options.shard_count
          : 0;
  const unsigned threads = static_cast<unsigned>(
      std::min<std::uint64_t>(options.threads, std::max<std::uint64_t>(count, 1)));
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.push_back(std::make_unique<Worker>(scenario, economy, options, layout));
  }

  // The columns the statistics need, filled in run order as the blocks are written.
  McColumns* columns = sinks.columns;
  if (columns != nullptr) {
    *columns = McColumns{};
    columns->runs = table_of(header_runs, 2, count);
    if (!layout.wait_resources.empty()) {
      columns->resources = table_of(headers_resources(scenario, layout), 1, count);
    }
    if (layout.inputs_per_run) columns->inputs = table_of(headers_inputs(sampler), 1, count);
    if (layout.jobs()) columns->jobs = table_of(headers_jobs(scenario), 1, count);
    if (options.rank_risks) columns->risk_sums.emplace(2 * scenario.risks.size(), 0.0);
  }

  const std::uint64_t block = kBlockPerThread * threads;
  std::vector<RunRows> rows(
      static_cast<std::size_t>(std::min(block, std::max<std::uint64_t>(count, 1))));
  const auto write = [](std::ostream* sink, const std::string& text) {
    if (sink != nullptr && !text.empty()) *sink << text;
  };
  for (std::uint64_t first = 0; first < count; first += block) {
    const std::uint64_t size = std::min(block, count - first);
    parallel_for(threads, size, [&](unsigned thread, std::uint64_t k) {
      workers[thread]->run(options.shard_index + (first + k) * options.shard_count, rows[k]);
    });
    for (std::uint64_t k = 0; k < size; ++k) {
      const RunRows& row = rows[k];
      write(sinks.runs, row.runs.text);
      write(sinks.critical, row.critical);
      write(sinks.inputs, row.inputs.text);
      if (options.rank_risks) write(sinks.risks, row.risks.text);
      write(sinks.jobs, row.jobs.text);
      write(sinks.resources, row.resources.text);
      if (columns == nullptr) continue;
      add_row(columns->runs, row.runs);
      if (columns->resources) add_row(*columns->resources, row.resources);
      if (columns->inputs) add_row(*columns->inputs, row.inputs);
      if (columns->jobs) add_row(*columns->jobs, row.jobs);
      if (columns->risk_sums) {
        // Streamed: the sums in run order, as the file's reader adds them.
        for (std::size_t c = 0; c < columns->risk_sums->size(); ++c) {
          (*columns->risk_sums)[c] += row.risks.values[c];
        }
      }
    }
    if (options.progress) options.progress(first + size, count);
  }

  // Integer counts: their sum does not depend on which thread ran which run.
  McCriticalCounts critical;
  critical.critical.assign(workers.front()->critical_counts().size(), 0);
  const bool resources = !layout.wait_resources.empty();
  if (resources) critical.resource_critical.emplace(critical.critical.size(), 0);
  for (const auto& worker : workers) {
    for (std::size_t k = 0; k < critical.critical.size(); ++k) {
      critical.critical[k] += worker->critical_counts()[k];
      if (resources) (*critical.resource_critical)[k] += worker->resource_critical_counts()[k];
    }
  }
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    for (std::size_t a = 0; a < scenario.projects[p].phases.size(); ++a) {
      critical.activities.push_back(scenario.activity_name({p, a}));
    }
  }
  if (!layout.critical_per_run && sinks.critical_counts != nullptr) {
    std::string text =
        resources ? "activity,critical_runs,resource_critical_runs\n" : "activity,critical_runs\n";
    for (std::size_t k = 0; k < critical.activities.size(); ++k) {
      text.append(critical.activities[k]).append(",").append(std::to_string(critical.critical[k]));
      if (resources) text.append(",").append(std::to_string((*critical.resource_critical)[k]));
      text.append("\n");
    }
    *sinks.critical_counts << text;
  }
  if (columns != nullptr) columns->critical = std::move(critical);
}

std::string mc_campaign(const McOptions& options) {
  std::string text = "--runs ";
  text.append(std::to_string(options.runs))
      .append("\n--seed ")
      .append(std::to_string(options.seed));
  text.append("\n--jobs-year ").append(std::to_string(options.jobs_year));
  text.append(options.rank_risks ? "\n--rank-risks" : "")
      .append(options.wide_files ? "\n--wide-files" : "");
  return text.append("\n");
}

void fill_mc_metadata(const Scenario& scenario, const McOptions& options, McMetadata& metadata) {
  metadata.seed = options.seed;
  metadata.runs = options.runs;
  metadata.jobs_year = options.jobs_year;
  metadata.rank_risks = options.rank_risks;
  metadata.wide_files = options.wide_files;
  metadata.projects.clear();
  metadata.milestones.clear();
  for (std::size_t p = 0; p < scenario.projects.size(); ++p) {
    const Project& project = scenario.projects[p];
    metadata.projects.push_back({project.id, project.target_date});
    for (std::size_t a = 0; a < project.phases.size(); ++a) {
      if (!project.phases[a].is_milestone) continue;
      metadata.milestones.push_back(
          {scenario.activity_name({p, a}), project.phases[a].target_date});
    }
  }
  metadata.risks.clear();
  for (const Risk& risk : scenario.risks) {
    metadata.risks.push_back({risk.id, scenario.activity_name(risk.phase), risk.probability});
  }
  const Plan plan(scenario);
  const McSampler sampler(scenario, plan, options.seed);
  metadata.inputs.clear();
  for (const McInput& input : sampler.inputs()) metadata.inputs.push_back({input.name, input.unit});
}

std::optional<McSummary> run_monte_carlo_to_directory(const Scenario& scenario,
                                                      const Economy* economy,
                                                      const McOptions& options, McMetadata metadata,
                                                      const std::filesystem::path& dir,
                                                      const OutputFolderOptions& folder_options) {
  check_options(scenario, options);
  fill_mc_metadata(scenario, options, metadata);
  const McLayout layout = mc_layout(scenario, economy != nullptr, options);
  OutputFolder folder(dir, "mc.json", folder_options);
  McColumns columns;
  {
    std::ostringstream text;
    write_mc_metadata(text, metadata);  // the statistics read it; rewritten with its files
    folder.write("mc.json", text.str());
  }
  {
    // The per-run files this layout writes; a file not opened stays closed and unwritten.
    std::vector<std::unique_ptr<std::ofstream>> files;
    const auto open = [&](bool wanted, const char* name) -> std::ostream* {
      if (!wanted) return nullptr;
      files.push_back(std::make_unique<std::ofstream>(folder.path(name), std::ios::binary));
      return files.back().get();
    };
    McSinks sinks;
    sinks.runs = open(true, "mc_runs.csv");
    sinks.critical = open(layout.critical_per_run, "mc_critical.csv");
    sinks.critical_counts = open(!layout.critical_per_run, "mc_critical_counts.csv");
    sinks.inputs = open(layout.inputs_per_run, "mc_inputs.csv");
    sinks.jobs = open(layout.jobs(), "mc_jobs.csv");
    sinks.risks = open(options.rank_risks, "mc_risks.csv");
    sinks.resources = open(!layout.wait_resources.empty(), "mc_resources.csv");
    // An unsharded campaign keeps the columns its statistics need while the runs are made.
    if (options.shard_count == 1) sinks.columns = &columns;
    run_monte_carlo(scenario, economy, options, sinks);
    for (const auto& file : files) {
      file->flush();
      if (!*file) throw RuntimeError("cannot write the per-run files in " + dir.string());
    }
  }
  std::optional<McSummary> summary;
  if (options.shard_count == 1) {
    // The metadata as a merge reads it from mc.json (a target month is its first day there).
    summary =
        summarise_mc_columns(columns, read_mc_metadata(folder.path("mc.json")), folder.staging());
  }
  commit_mc_folder(folder, std::move(metadata));
  return summary;
}

}  // namespace ripple
