#include "ripple/run_report.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/json_finite.hpp"
#include "ripple/text_table.hpp"
#include "ripple/version.hpp"

namespace ripple {
namespace {

constexpr const char* kRestOfCountry = "rest_of_country";

std::string month_or_empty(const std::optional<Date>& date) {
  return date ? date->to_month_string() : "";
}

nlohmann::ordered_json row_json(const SummaryRow& row) {
  nlohmann::ordered_json j;
  j["project"] = row.project;
  j["region"] = row.region;
  j["commissioning"] = row.commissioning ? nlohmann::ordered_json(month_or_empty(row.commissioning))
                                         : nlohmann::ordered_json(nullptr);
  j["full_capacity"] = row.full_capacity ? nlohmann::ordered_json(month_or_empty(row.full_capacity))
                                         : nlohmann::ordered_json(nullptr);
  j["capex"] = row.capex_m;
  j["peak_construction_jobs"] = row.peak_construction_jobs;
  j["permanent_jobs"] = row.permanent_jobs;
  j["indirect_jobs"] = row.indirect_jobs();
  j["induced_jobs"] = row.induced_jobs();
  j["job_years_direct"] = row.job_years_direct;
  j["job_years_indirect"] = row.job_years_indirect;
  j["job_years_induced"] = row.job_years_induced;
  j["indirect_jobs_host"] = row.indirect_jobs_host;
  j["indirect_jobs_rest"] = row.indirect_jobs_rest;
  j["induced_jobs_host"] = row.induced_jobs_host;
  j["induced_jobs_rest"] = row.induced_jobs_rest;
  j["output"] = row.output_m;
  j["value_added"] = row.value_added_m;
  return j;
}

void write_csv_row(std::ostream& out, const SummaryRow& row) {
  out << row.project << ',' << row.region << ',' << month_or_empty(row.commissioning) << ','
      << month_or_empty(row.full_capacity) << ',' << csv_number(row.capex_m) << ','
      << csv_number(row.peak_construction_jobs) << ',' << csv_number(row.permanent_jobs) << ','
      << csv_number(row.indirect_jobs()) << ',' << csv_number(row.induced_jobs()) << ','
      << csv_number(row.job_years_direct) << ',' << csv_number(row.job_years_indirect) << ','
      << csv_number(row.job_years_induced) << ',' << csv_number(row.indirect_jobs_host) << ','
      << csv_number(row.indirect_jobs_rest) << ',' << csv_number(row.induced_jobs_host) << ','
      << csv_number(row.induced_jobs_rest) << ',' << csv_number(row.output_m) << ','
      << csv_number(row.value_added_m) << '\n';
}

std::vector<std::string> table_cells(const SummaryRow& row) {
  return {row.project,
          row.region,
          month_or_empty(row.commissioning),
          month_or_empty(row.full_capacity),
          with_thousands(row.capex_m),
          with_thousands(row.peak_construction_jobs),
          with_thousands(row.permanent_jobs),
          with_thousands(row.indirect_jobs()),
          with_thousands(row.induced_jobs()),
          with_thousands(row.job_years_direct),
          with_thousands(row.job_years_indirect + row.job_years_induced)};
}

// The credibility lines under the summary (docs/economics.md, "Credibility").
void write_credibility(std::ostream& out, const Scenario& scenario, const RunInfo& info) {
  if (info.credibility.empty()) return;
  const std::string& cur = scenario.calendar.currency;
  out << "\nCredibility (" << scenario.calendar.end.year()
      << "): output per permanent worker against the economy's average for the same sectors, "
         "and\n(indirect + induced) jobs per permanent job.\n";
  TextTable table({"project", "output/worker " + cur + "m", "sector avg", "ratio",
                   "(ind+ind)/direct", "operating purchases"},
                  {false, true, true, true, true, false});
  for (const auto& line : info.credibility) {
    table.add_row({line.project, with_thousands(line.output_per_worker_m, 2),
                   with_thousands(line.sector_output_per_worker_m, 2),
                   with_thousands(line.output_per_worker_ratio, 1) + "x",
                   with_thousands(line.spillover_per_direct_job, 1),
                   line.has_operating_purchases ? "yes" : "no"});
  }
  table.print(out);
  for (const auto& line : info.credibility) {
    if (line.flagged) out << "FLAG: " << credibility_note(line) << ".\n";
  }
}

}  // namespace

void write_summary_csv(std::ostream& out, const RunSummary& summary) {
  out << "project,region,commissioning,full_capacity,capex,peak_construction_jobs,permanent_jobs,"
         "indirect_jobs,induced_jobs,job_years_direct,job_years_indirect,job_years_induced,"
         "indirect_jobs_host,indirect_jobs_rest,induced_jobs_host,induced_jobs_rest,output,"
         "value_added\n";
  for (const auto& row : summary.projects) write_csv_row(out, row);
  write_csv_row(out, summary.total);
}

void write_summary_table(std::ostream& out, const Scenario& scenario, const RunSummary& summary,
                         const RunInfo& info) {
  const std::string& cur = scenario.calendar.currency;
  out << scenario.name << " (as of " << scenario.calendar.as_of.to_month_string() << ", horizon "
      << scenario.calendar.start.to_month_string() << " to "
      << scenario.calendar.end.to_month_string() << ")\n\n";
  TextTable table({"project", "region", "on line", "full cap.", "capex " + cur + "m", "peak build",
                   "permanent", "indirect", "induced", "job-yrs direct", "job-yrs ind+ind"},
                  {false, false, false, false, true, true, true, true, true, true, true});
  for (const auto& row : summary.projects) table.add_row(table_cells(row));
  table.add_rule();
  table.add_row(table_cells(summary.total));
  table.print(out);
  const int end_year = scenario.calendar.end.year();
  out << "\non line: first capacity commissioned; full cap.: end of the last ramp-up; peak build:\n"
         "largest annual average of construction crews. Jobs are annual averages (persons);\n"
         "permanent, indirect and induced jobs are those of "
      << end_year
      << ", the horizon's last period; job-years\nadd up the horizon. Money in millions of " << cur
      << " (" << scenario.calendar.price_year << " prices).\n";
  if (info.economy_path.empty()) {
    out << "No economy in the scenario: indirect and induced jobs are not computed.\n";
  } else {
    out << "Indirect and induced jobs: " << with_thousands(summary.total.indirect_jobs_host)
        << " + " << with_thousands(summary.total.induced_jobs_host) << " in host regions, "
        << with_thousands(summary.total.indirect_jobs_rest) << " + "
        << with_thousands(summary.total.induced_jobs_rest) << " in the rest of the country.\n";
    out << "Economy: " << info.economy_name << " (" << info.economy_path << ")\n";
    if (info.economy_illustrative) {
      out << "NOTE: this economy is ILLUSTRATIVE (calibrated to aggregates, not a published "
             "input-output table);\nindirect and induced jobs are indicative only.\n";
    }
    write_credibility(out, scenario, info);
  }
}

void write_summary_json(std::ostream& out, const RunSummary& summary) {
  nlohmann::ordered_json j;
  j["projects"] = nlohmann::ordered_json::array();
  for (const auto& row : summary.projects) j["projects"].push_back(row_json(row));
  j["total"] = row_json(summary.total);
  check_finite_json(j, "summary JSON");
  out << dump_json(j) << '\n';
}

void write_timeseries_csv(std::ostream& out, const Scenario& scenario, const Ledger& ledger,
                          const Impacts& impacts) {
  out << "period,project,region,metric,value\n";
  const bool imports =
      std::any_of(scenario.resources.begin(), scenario.resources.end(),
                  [](const Resource& r) { return r.on_shortfall == Resource::Shortfall::kImport; });
  for (std::size_t p = 0; p < ledger.period_count(); ++p) {
    const std::string period = period_label(ledger.period_starts[p]);
    for (std::size_t pi = 0; pi < scenario.projects.size(); ++pi) {
      const Project& project = scenario.projects[pi];
      const LedgerEntry& e = ledger.entries[pi][p];
      const auto line = [&](const std::string& region, const std::string& metric, double value) {
        out << period << ',' << project.id << ',' << region << ',' << metric << ','
            << csv_number(value) << '\n';
      };
      double local = 0.0;
      for (double v : e.capex_local_m) local += v;
      line(project.region, "capex", e.capex_total_m());
      for (std::size_t c = 0; c < kSpendingCategoryCount; ++c) {
        line(project.region,
             "capex_" + std::string(category_name(static_cast<SpendingCategory>(c))), e.capex_m[c]);
      }
      line(project.region, "capex_local", local);
      line(project.region, "construction_jobs", e.construction_jobs);
      if (imports) line(project.region, "construction_jobs_imported", e.construction_jobs_imported);
      line(project.region, "permanent_jobs", e.permanent_jobs);
      for (std::size_t k = 0; k < project.products.size(); ++k) {
        line(project.region, "production_" + project.products[k].id, e.production[k]);
      }
      line(project.region, "output", e.output_value_total_m());
      if (impacts.empty()) continue;
      const ImpactEntry& i = impacts.entries[pi][p];
      line(project.region, "indirect_jobs", i.indirect_jobs_host);
      line(kRestOfCountry, "indirect_jobs", i.indirect_jobs_rest);
      line(project.region, "induced_jobs", i.induced_jobs_host);
      line(kRestOfCountry, "induced_jobs", i.induced_jobs_rest);
      line(project.region, "output_effect", i.output_m_host);
      line(kRestOfCountry, "output_effect", i.output_m_rest);
      line(project.region, "value_added", i.value_added_m_host);
      line(kRestOfCountry, "value_added", i.value_added_m_rest);
    }
  }
}

void write_run_json(std::ostream& out, const Scenario& scenario, const RunInfo& info) {
  nlohmann::ordered_json j;
  j["ripple_version"] = kVersion;
  j["scenario"] = {{"path", info.scenario_path},
                   {"name", scenario.name},
                   {"content_hash", info.scenario_hash},
                   {"hash_algorithm", "fnv1a-64"}};
  j["seed"] = scenario.calendar.seed;
  j["overrides"] = info.overrides;
  j["overlays"] = info.overlays;
  j["durations"] = "mode of each distribution (deterministic run)";
  j["calendar"] = {{"as_of", scenario.calendar.as_of.to_string()},
                   {"start", scenario.calendar.start.to_string()},
                   {"end", scenario.calendar.end.to_string()},
                   {"period", scenario.calendar.period == Period::kYear      ? "year"
                              : scenario.calendar.period == Period::kQuarter ? "quarter"
                                                                             : "month"},
                   {"currency", scenario.calendar.currency},
                   {"price_year", scenario.calendar.price_year}};
  if (info.economy_path.empty()) {
    j["economy"] = nullptr;
  } else {
    j["economy"] = {{"path", info.economy_path},
                    {"name", info.economy_name},
                    {"illustrative", info.economy_illustrative},
                    {"flq_delta", scenario.economy.flq_delta},
                    {"household_closure", scenario.economy.household_closure}};
  }
  nlohmann::ordered_json credibility = nlohmann::ordered_json::array();
  nlohmann::ordered_json notes = nlohmann::ordered_json::array();
  for (const auto& line : info.credibility) {
    credibility.push_back({{"project", line.project},
                           {"output_per_worker_m", line.output_per_worker_m},
                           {"sector_output_per_worker_m", line.sector_output_per_worker_m},
                           {"output_per_worker_ratio", line.output_per_worker_ratio},
                           {"spillover_per_direct_job", line.spillover_per_direct_job},
                           {"operating_purchases", line.has_operating_purchases},
                           {"flagged", line.flagged}});
    if (line.flagged) notes.push_back(credibility_note(line));
  }
  j["credibility"] = credibility;
  j["notes"] = notes;
  j["engine"] = {{"events_processed", info.events_processed}};
  j["files"] =
      scenario.resources.empty()
          ? nlohmann::ordered_json{"summary.csv", "timeseries.csv", "schedule.csv", "run.json"}
          : nlohmann::ordered_json{"summary.csv", "timeseries.csv", "schedule.csv", "resources.csv",
                                   "run.json"};
  check_finite_json(j, "run.json");
  out << dump_json(j) << '\n';
}

std::string content_hash(const std::string& bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

std::string campaign_fingerprint(std::string_view merged_scenario_yaml, std::string_view campaign) {
  std::string identity = "ripple ";
  identity.append(kVersion).append("\n").append(merged_scenario_yaml).append("\n");
  return content_hash(identity.append(campaign));
}

}  // namespace ripple
