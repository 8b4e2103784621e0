#include "ripple/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/json_finite.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace {

constexpr std::string_view kTotal = "TOTAL";

// Shift forward (from <= to): whole calendar months, then the remaining days as a fraction of
// the next month's length.
double months_forward(Date from, Date to) {
  int whole = months_between(from, to);
  while (whole > 0 && from.add_months(whole) > to) --whole;
  while (from.add_months(whole + 1) <= to) ++whole;
  const Date at = from.add_months(whole);
  const Date next = from.add_months(whole + 1);
  return whole + static_cast<double>(to - at) / static_cast<double>(next - at);
}

// Jobs of each period of either run, matched by period start.
std::vector<PeriodJobsChange> compare_jobs_by_period(const RunSummary& base_summary,
                                                     const SummaryRow& b,
                                                     const RunSummary& alt_summary,
                                                     const SummaryRow& a) {
  std::vector<PeriodJobsChange> changes;
  const auto value = [](const SummaryRow& row, std::size_t p) {
    return p < row.jobs_by_period.size() ? row.jobs_by_period[p] : 0.0;
  };
  std::size_t i = 0;
  std::size_t j = 0;
  const auto& bp = base_summary.period_starts;
  const auto& ap = alt_summary.period_starts;
  while (i < bp.size() || j < ap.size()) {
    if (j == ap.size() || (i < bp.size() && bp[i] < ap[j])) {
      changes.push_back({bp[i], {value(b, i), 0.0}});
      ++i;
    } else if (i == bp.size() || ap[j] < bp[i]) {
      changes.push_back({ap[j], {0.0, value(a, j)}});
      ++j;
    } else {
      changes.push_back({bp[i], {value(b, i), value(a, j)}});
      ++i;
      ++j;
    }
  }
  return changes;
}

ProjectComparison compare_rows(const SummaryRow* base, const SummaryRow* alt) {
  ProjectComparison c;
  c.project = base != nullptr ? base->project : alt->project;
  c.presence = base == nullptr  ? ProjectPresence::kAdded
               : alt == nullptr ? ProjectPresence::kRemoved
                                : ProjectPresence::kBoth;
  const SummaryRow empty;
  const SummaryRow& b = base != nullptr ? *base : empty;
  const SummaryRow& a = alt != nullptr ? *alt : empty;
  c.commissioning = {b.commissioning, a.commissioning};
  c.full_capacity = {b.full_capacity, a.full_capacity};
  c.peak_construction_jobs = {b.peak_construction_jobs, a.peak_construction_jobs};
  c.permanent_jobs = {b.permanent_jobs, a.permanent_jobs};
  c.indirect_jobs = {b.indirect_jobs(), a.indirect_jobs()};
  c.induced_jobs = {b.induced_jobs(), a.induced_jobs()};
  c.job_years_direct = {b.job_years_direct, a.job_years_direct};
  c.job_years_indirect = {b.job_years_indirect, a.job_years_indirect};
  c.job_years_induced = {b.job_years_induced, a.job_years_induced};
  c.output_m = {b.output_m, a.output_m};
  c.value_added_m = {b.value_added_m, a.value_added_m};
  return c;
}

// The resources an activity waited for, `+`-joined (as schedule.csv writes them).
std::string waited_for_text(const Scenario& scenario, const ActivityTimes& times) {
  std::string text;
  for (const std::size_t r : times.waited_for) {
    if (!text.empty()) text.push_back('+');
    text.append(scenario.resources[r].id);
  }
  return text;
}

std::optional<std::size_t> find_index(const auto& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return i;
  }
  return std::nullopt;
}

std::string days_cell(const std::optional<int>& days) {
  return days ? std::to_string(*days) : std::string("-");
}

std::string month_or_dash(const std::optional<Date>& date) {
  return date ? date->to_month_string() : "-";
}

std::string shift_cell(const DateChange& change) {
  const auto shift = change.shift_months();
  return shift ? signed_number(*shift, 1) : "n/a";
}

std::string csv_cell(const std::optional<double>& value) {
  return value ? csv_number(*value) : std::string();
}

std::string csv_date(const std::optional<Date>& date) {
  return date ? date->to_month_string() : std::string();
}

nlohmann::ordered_json json_value(const std::optional<double>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json json_date(const std::optional<Date>& date) {
  return date ? nlohmann::ordered_json(date->to_month_string()) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json row_json(const ProjectComparison& row) {
  nlohmann::ordered_json j;
  j["project"] = row.project;
  j["presence"] = std::string(presence_name(row.presence));
  nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
  for (const MetricChange& m : metric_changes(row)) {
    nlohmann::ordered_json value;
    if (m.unit == MetricUnit::kDate) {
      value["base"] = json_date(m.base_date);
      value["alt"] = json_date(m.alt_date);
      value["delta_months"] = json_value(m.delta);
    } else {
      value["base"] = json_value(m.base);
      value["alt"] = json_value(m.alt);
      value["delta"] = json_value(m.delta);
    }
    metrics[std::string(m.metric)] = value;
  }
  j["metrics"] = metrics;
  nlohmann::ordered_json periods = nlohmann::ordered_json::array();
  for (const PeriodJobsChange& p : row.jobs_by_period) {
    periods.push_back({{"period", p.period.to_month_string()},
                       {"base", p.jobs.base},
                       {"alt", p.jobs.alt},
                       {"delta", p.jobs.delta()}});
  }
  j["jobs_by_period"] = periods;
  return j;
}

// The project's id, with "(added)" or "(removed)" when it is in one run only.
std::string project_cell(const ProjectComparison& row) {
  std::string name = row.project;
  if (row.presence != ProjectPresence::kBoth) {
    name.append(" (").append(presence_name(row.presence)).append(")");
  }
  return name;
}

std::vector<std::string> amount_cells(const ProjectComparison& row) {
  return {project_cell(row),
          signed_number(row.peak_construction_jobs.delta(), 0),
          signed_number(row.permanent_jobs.delta(), 0),
          signed_number(row.indirect_jobs.delta(), 0),
          signed_number(row.induced_jobs.delta(), 0),
          signed_number(row.job_years_direct.delta(), 0),
          signed_number(row.job_years_indirect.delta(), 0),
          signed_number(row.job_years_induced.delta(), 0),
          signed_number(row.job_years_total().delta(), 0),
          signed_number(row.output_m.delta(), 0),
          signed_number(row.value_added_m.delta(), 0)};
}

std::vector<std::string> date_cells(const ProjectComparison& row) {
  return {project_cell(row),
          month_or_dash(row.commissioning.base),
          month_or_dash(row.commissioning.alt),
          shift_cell(row.commissioning),
          month_or_dash(row.full_capacity.base),
          month_or_dash(row.full_capacity.alt),
          shift_cell(row.full_capacity)};
}

}  // namespace

double months_shift(Date from, Date to) {
  return from <= to ? months_forward(from, to) : -months_forward(to, from);
}

std::optional<double> DateChange::shift_months() const {
  if (!base || !alt) return std::nullopt;
  return months_shift(*base, *alt);
}

std::string_view presence_name(ProjectPresence presence) {
  switch (presence) {
    case ProjectPresence::kRemoved:
      return "removed";
    case ProjectPresence::kAdded:
      return "added";
    case ProjectPresence::kBoth:
      break;
  }
  return "both";
}

AmountChange ProjectComparison::job_years_total() const {
  return {job_years_direct.base + job_years_indirect.base + job_years_induced.base,
          job_years_direct.alt + job_years_indirect.alt + job_years_induced.alt};
}

const ProjectComparison* Comparison::find_project(std::string_view id) const {
  const auto it = std::find_if(projects.begin(), projects.end(),
                               [&](const ProjectComparison& p) { return p.project == id; });
  return it != projects.end() ? &*it : nullptr;
}

Comparison compare_summaries(const RunSummary& base, const RunSummary& alt) {
  const auto find = [](const RunSummary& summary, const std::string& id) -> const SummaryRow* {
    for (const SummaryRow& row : summary.projects) {
      if (row.project == id) return &row;
    }
    return nullptr;
  };
  Comparison comparison;
  const SummaryRow empty;
  const auto add = [&](const SummaryRow* b, const SummaryRow* a) {
    ProjectComparison row = compare_rows(b, a);
    row.jobs_by_period =
        compare_jobs_by_period(base, b != nullptr ? *b : empty, alt, a != nullptr ? *a : empty);
    return row;
  };
  for (const SummaryRow& row : base.projects) {
    comparison.projects.push_back(add(&row, find(alt, row.project)));
  }
  for (const SummaryRow& row : alt.projects) {
    if (find(base, row.project) == nullptr) comparison.projects.push_back(add(nullptr, &row));
  }
  comparison.total = add(&base.total, &alt.total);
  comparison.total.project = std::string(kTotal);
  return comparison;
}

std::vector<WaitChange> compare_waits(const Scenario& base, const Timeline& base_timeline,
                                      const Scenario& alt, const Timeline& alt_timeline) {
  std::vector<WaitChange> changes;
  const auto side = [](const Scenario& scenario, const Timeline& timeline, std::size_t p,
                       std::size_t a, std::optional<int>& days, std::string& waited_for) {
    const ActivityTimes& times = timeline.activities[p][a];
    days = times.wait_days();
    waited_for = waited_for_text(scenario, times);
  };
  const auto differs = [](const WaitChange& c) {
    return c.base_days.value_or(0) != c.alt_days.value_or(0) ||
           c.base_waited_for != c.alt_waited_for;
  };
  for (std::size_t p = 0; p < base.projects.size(); ++p) {
    const Project& project = base.projects[p];
    const auto alt_p = find_index(alt.projects, project.id);
    for (std::size_t a = 0; a < project.phases.size(); ++a) {
      WaitChange c{project.id, project.phases[a].id, {}, {}, {}, {}};
      side(base, base_timeline, p, a, c.base_days, c.base_waited_for);
      if (alt_p) {
        if (const auto alt_a = find_index(alt.projects[*alt_p].phases, c.phase)) {
          side(alt, alt_timeline, *alt_p, *alt_a, c.alt_days, c.alt_waited_for);
        }
      }
      if (differs(c)) changes.push_back(std::move(c));
    }
  }
  for (std::size_t p = 0; p < alt.projects.size(); ++p) {
    const Project& project = alt.projects[p];
    const auto base_p = find_index(base.projects, project.id);
    for (std::size_t a = 0; a < project.phases.size(); ++a) {
      if (base_p && find_index(base.projects[*base_p].phases, project.phases[a].id)) continue;
      WaitChange c{project.id, project.phases[a].id, {}, {}, {}, {}};
      side(alt, alt_timeline, p, a, c.alt_days, c.alt_waited_for);
      if (differs(c)) changes.push_back(std::move(c));
    }
  }
  return changes;
}

std::vector<MetricChange> metric_changes(const ProjectComparison& row) {
  const bool has_base = row.presence != ProjectPresence::kAdded;
  const bool has_alt = row.presence != ProjectPresence::kRemoved;
  std::vector<MetricChange> metrics;
  const auto date = [&](std::string_view name, const DateChange& change) {
    MetricChange m;
    m.metric = name;
    m.unit = MetricUnit::kDate;
    m.base_date = change.base;
    m.alt_date = change.alt;
    m.delta = change.shift_months();
    metrics.push_back(m);
  };
  const auto amount = [&](std::string_view name, MetricUnit unit, const AmountChange& change) {
    MetricChange m;
    m.metric = name;
    m.unit = unit;
    if (has_base) m.base = change.base;
    if (has_alt) m.alt = change.alt;
    m.delta = change.delta();
    metrics.push_back(m);
  };
  date("commissioning", row.commissioning);
  date("full_capacity", row.full_capacity);
  amount("peak_construction_jobs", MetricUnit::kPersons, row.peak_construction_jobs);
  amount("permanent_jobs", MetricUnit::kPersons, row.permanent_jobs);
  amount("indirect_jobs", MetricUnit::kPersons, row.indirect_jobs);
  amount("induced_jobs", MetricUnit::kPersons, row.induced_jobs);
  amount("job_years_direct", MetricUnit::kPersonYears, row.job_years_direct);
  amount("job_years_indirect", MetricUnit::kPersonYears, row.job_years_indirect);
  amount("job_years_induced", MetricUnit::kPersonYears, row.job_years_induced);
  amount("job_years_total", MetricUnit::kPersonYears, row.job_years_total());
  amount("output", MetricUnit::kMillions, row.output_m);
  amount("value_added", MetricUnit::kMillions, row.value_added_m);
  return metrics;
}

std::string comparison_headline(const Comparison& comparison, const std::string& label) {
  std::string text = label.empty() ? std::string("ALT vs BASE") : label;
  text.append(": ");
  std::vector<std::pair<double, const ProjectComparison*>> moved;
  for (const ProjectComparison& row : comparison.projects) {
    const auto shift = row.commissioning.shift_months();
    if (shift && std::round(*shift * 10.0) != 0.0) moved.emplace_back(*shift, &row);
  }
  std::stable_sort(moved.begin(), moved.end(), [](const auto& a, const auto& b) {
    return std::abs(a.first) > std::abs(b.first);
  });
  if (moved.empty()) text.append("no commissioning date moves");
  for (std::size_t i = 0; i < moved.size() && i < 3; ++i) {
    if (i > 0) text.append(", ");
    text.append(moved[i].second->project)
        .append(" commissioning ")
        .append(signed_number(moved[i].first, 1))
        .append(" months");
  }
  if (moved.size() > 3)
    text.append(" and ").append(std::to_string(moved.size() - 3)).append(" more");
  const ProjectComparison& t = comparison.total;
  text.append("; TOTAL job-years ")
      .append(signed_number(t.job_years_direct.delta(), 0))
      .append(" direct, ")
      .append(signed_number(t.job_years_indirect.delta(), 0))
      .append(" indirect, ")
      .append(signed_number(t.job_years_induced.delta(), 0))
      .append(" induced; output ")
      .append(signed_number(t.output_m.delta(), 0))
      .append(" m, value added ")
      .append(signed_number(t.value_added_m.delta(), 0))
      .append(" m");
  return text;
}

void write_comparison_csv(std::ostream& out, const Comparison& comparison) {
  out << "project,metric,base,alt,delta\n";
  const auto rows = [&](const ProjectComparison& row) {
    for (const MetricChange& m : metric_changes(row)) {
      out << row.project << ',' << m.metric << ',';
      if (m.unit == MetricUnit::kDate) {
        out << csv_date(m.base_date) << ',' << csv_date(m.alt_date);
      } else {
        out << csv_cell(m.base) << ',' << csv_cell(m.alt);
      }
      out << ',' << csv_cell(m.delta) << '\n';
    }
    const bool has_base = row.presence != ProjectPresence::kAdded;
    const bool has_alt = row.presence != ProjectPresence::kRemoved;
    for (const PeriodJobsChange& p : row.jobs_by_period) {
      out << row.project << ",jobs@" << p.period.to_month_string() << ','
          << csv_cell(has_base ? std::optional(p.jobs.base) : std::nullopt) << ','
          << csv_cell(has_alt ? std::optional(p.jobs.alt) : std::nullopt) << ','
          << csv_cell(p.jobs.delta()) << '\n';
    }
    const auto days = [](const std::optional<int>& d) {
      return d ? std::to_string(*d) : std::string();
    };
    for (const WaitChange& w : comparison.waits) {
      if (w.project != row.project) continue;
      out << row.project << ",wait_days@" << w.phase << ',' << days(w.base_days) << ','
          << days(w.alt_days) << ',' << w.delta_days() << '\n';
      out << row.project << ",waited_for@" << w.phase << ',' << w.base_waited_for << ','
          << w.alt_waited_for << ",\n";
    }
  };
  for (const ProjectComparison& row : comparison.projects) rows(row);
  rows(comparison.total);
}

void write_comparison_json(std::ostream& out, const Comparison& comparison,
                           const ComparisonInfo& info) {
  nlohmann::ordered_json j;
  j["base"] = info.base_description;
  j["alt"] = info.alt_description;
  j["label"] = info.label;
  j["headline"] = comparison_headline(comparison, info.label);
  j["months"] = "calendar months from BASE's date to ALT's, fractional (docs/compare.md)";
  j["projects"] = nlohmann::ordered_json::array();
  for (const ProjectComparison& row : comparison.projects) j["projects"].push_back(row_json(row));
  j["total"] = row_json(comparison.total);
  const auto days = [](const std::optional<int>& d) {
    return d ? nlohmann::ordered_json(*d) : nlohmann::ordered_json(nullptr);
  };
  j["waits"] = nlohmann::ordered_json::array();
  for (const WaitChange& w : comparison.waits) {
    j["waits"].push_back({{"project", w.project},
                          {"phase", w.phase},
                          {"base_days", days(w.base_days)},
                          {"alt_days", days(w.alt_days)},
                          {"delta_days", w.delta_days()},
                          {"base_waited_for", w.base_waited_for},
                          {"alt_waited_for", w.alt_waited_for}});
  }
  check_finite_json(j, "comparison JSON");
  out << dump_json(j) << '\n';
}

void write_comparison_table(std::ostream& out, const Comparison& comparison,
                            const ComparisonInfo& info) {
  out << comparison_headline(comparison, info.label) << "\n\n";
  out << "BASE: " << info.base_description << '\n';
  out << "ALT:  " << info.alt_description << "\n\n";

  out << "Dates (shift in calendar months, ALT - BASE)\n";
  TextTable dates(
      {"project", "commissioning", "-> alt", "shift", "full capacity", "-> alt", "shift"},
      {false, false, false, true, false, false, true});
  for (const ProjectComparison& row : comparison.projects) dates.add_row(date_cells(row));
  dates.add_rule();
  dates.add_row(date_cells(comparison.total));
  dates.print(out);

  const std::string end_year =
      info.horizon_end_year > 0 ? std::to_string(info.horizon_end_year) : std::string("end");
  out << "\nChange in jobs (persons) and money (millions), ALT - BASE\n";
  TextTable amounts({"project", "peak constr.", "perm. " + end_year, "indirect " + end_year,
                     "induced " + end_year, "JY direct", "JY indirect", "JY induced", "JY total",
                     "output m", "VA m"},
                    {false, true, true, true, true, true, true, true, true, true, true});
  for (const ProjectComparison& row : comparison.projects) amounts.add_row(amount_cells(row));
  amounts.add_rule();
  amounts.add_row(amount_cells(comparison.total));
  amounts.print(out);
  out << "JY: job-years over the horizon; VA: value added of the indirect and induced effects.\n";

  out << "\nTOTAL\n";
  TextTable total({"metric", "base", "alt", "change"}, {false, true, true, true});
  for (const MetricChange& m : metric_changes(comparison.total)) {
    if (m.unit == MetricUnit::kDate) {
      total.add_row({std::string(m.metric), month_or_dash(m.base_date), month_or_dash(m.alt_date),
                     m.delta ? signed_number(*m.delta, 1) + " months" : "n/a"});
    } else {
      total.add_row({std::string(m.metric), with_thousands(m.base.value_or(0.0)),
                     with_thousands(m.alt.value_or(0.0)), signed_number(m.delta.value_or(0.0), 0)});
    }
  }
  total.print(out);

  if (!comparison.waits.empty()) {
    out << "\nResource waits that change (days a phase waited for shared resources, and which were "
           "short)\n";
    TextTable waits({"phase", "base", "waited for", "alt", "waited for", "change"},
                    {false, true, false, true, false, true});
    const auto named = [](const std::string& ids) { return ids.empty() ? std::string("-") : ids; };
    for (const WaitChange& w : comparison.waits) {
      waits.add_row({w.project + "." + w.phase, days_cell(w.base_days), named(w.base_waited_for),
                     days_cell(w.alt_days), named(w.alt_waited_for),
                     signed_number(w.delta_days(), 0)});
    }
    waits.print(out);
  }

  out << "\nShifts are calendar months from BASE's date to ALT's (whole months, then the remaining "
         "days\nas a fraction of a month). Permanent, indirect and induced jobs are those of the "
         "horizon's\nlast period ("
      << end_year
      << "); job-years, output and value added are integrated over the horizon, so a\n"
         "delay that pushes activity past its end lowers them.\n";
  if (!info.economy_note.empty()) out << info.economy_note << '\n';
}

}  // namespace ripple
