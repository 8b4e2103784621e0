#include "ripple/mc_compare.hpp"

#include <cmath>
#include <limits>
#include <memory>
#include <ostream>

#include "ripple/comparison.hpp"
#include "ripple/error.hpp"
#include "ripple/monte_carlo.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr const char* kShift = "commissioning_shift_months";
constexpr const char* kJobYears = "job_years_change";

double job_years(const SummaryRow& row) {
  return row.job_years_direct + row.job_years_indirect + row.job_years_induced;
}

}  // namespace

McComparison compare_monte_carlo(const Scenario& base, const Economy* base_economy,
                                 const Scenario& alt, const Economy* alt_economy,
                                 std::uint64_t runs, std::uint64_t seed, unsigned threads) {
  if (runs == 0) throw UsageError("Monte Carlo comparison: runs = 0: must be at least 1");
  if (threads == 0) throw UsageError("Monte Carlo comparison: threads = 0: must be at least 1");
  // Projects of BASE that ALT has too, with their index in ALT.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t p = 0; p < base.projects.size(); ++p) {
    if (const auto q = alt.find_project(base.projects[p].id)) pairs.emplace_back(p, *q);
  }
  const std::size_t rows = pairs.size() + 1;  // + TOTAL
  std::vector<std::vector<double>> shift(rows, std::vector<double>(runs, kMissing));
  std::vector<std::vector<double>> change(rows, std::vector<double>(runs, kMissing));

  const unsigned used = static_cast<unsigned>(std::min<std::uint64_t>(threads, runs));
  std::vector<std::unique_ptr<McRunner>> base_runners;
  std::vector<std::unique_ptr<McRunner>> alt_runners;
  for (unsigned t = 0; t < used; ++t) {
    base_runners.push_back(std::make_unique<McRunner>(base, base_economy, seed));
    alt_runners.push_back(std::make_unique<McRunner>(alt, alt_economy, seed));
  }
  std::vector<RunSummary> base_summaries(used);
  parallel_for(used, runs, [&](unsigned thread, std::uint64_t i) {
    RunSummary& b = base_summaries[thread];
    b = base_runners[thread]->run(i).summary;
    const RunSummary& a = alt_runners[thread]->run(i).summary;
    const auto record = [&](std::size_t row, const SummaryRow& from, const SummaryRow& to) {
      if (from.commissioning && to.commissioning) {
        shift[row][i] = months_shift(*from.commissioning, *to.commissioning);
      }
      change[row][i] = job_years(to) - job_years(from);
    };
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      record(k, b.projects[pairs[k].first], a.projects[pairs[k].second]);
    }
    record(pairs.size(), b.total, a.total);
  });

  McComparison result;
  result.runs = runs;
  result.seed = seed;
  for (std::size_t k = 0; k < rows; ++k) {
    const std::string project = k < pairs.size() ? base.projects[pairs[k].first].id : "TOTAL";
    McDeltaRow row{project, kShift, compute_stats(shift[k]), 0.0};
    std::size_t later = 0;
    for (double v : shift[k]) later += !std::isnan(v) && v > 0.0 ? 1 : 0;
    row.share_later = static_cast<double>(later) / static_cast<double>(runs);
    result.rows.push_back(std::move(row));
    result.rows.push_back({project, kJobYears, compute_stats(change[k]), 0.0});
  }
  return result;
}

void write_mc_comparison_csv(std::ostream& out, const McComparison& comparison) {
  out << "project,metric,runs,mean,sd,p10,p50,p90,share_later\n";
  for (const McDeltaRow& row : comparison.rows) {
    out << row.project << ',' << row.metric << ',' << row.stats.count;
    if (row.stats.count == 0) {
      out << ",,,,,";
    } else {
      for (double v : {row.stats.mean, row.stats.sd, row.stats.p10, row.stats.p50, row.stats.p90}) {
        out << ',' << csv_number(v);
      }
    }
    out << ',';
    if (row.metric == kShift) out << csv_number(row.share_later);
    out << '\n';
  }
}

void write_mc_comparison_table(std::ostream& out, const McComparison& comparison) {
  out << "Monte Carlo comparison: " << with_thousands(static_cast<double>(comparison.runs))
      << " paired runs (seed " << comparison.seed
      << "), common random numbers; ALT - BASE per run.\n\n";
  TextTable shifts({"project", "mean", "P10", "P50", "P90", "P(ALT later)"},
                   {false, true, true, true, true, true});
  TextTable jobs({"project", "mean", "P10", "P50", "P90"}, {false, true, true, true, true});
  for (const McDeltaRow& row : comparison.rows) {
    if (row.project == "TOTAL" && row.metric == kShift) shifts.add_rule();
    if (row.project == "TOTAL" && row.metric == kJobYears) jobs.add_rule();
    const McStats& s = row.stats;
    if (row.metric == kShift) {
      if (s.count == 0) {
        shifts.add_row({row.project, "-", "-", "-", "-", "-"});
        continue;
      }
      char share[32];
      std::snprintf(share, sizeof share, "%.1f%%", 100.0 * row.share_later);
      shifts.add_row({row.project, signed_number(s.mean, 1), signed_number(s.p10, 1),
                      signed_number(s.p50, 1), signed_number(s.p90, 1), share});
    } else {
      jobs.add_row({row.project, signed_number(s.mean, 0), signed_number(s.p10, 0),
                    signed_number(s.p50, 0), signed_number(s.p90, 0)});
    }
  }
  out << "Commissioning shift, months:\n";
  shifts.print(out);
  out << "\nChange in job-years (direct + indirect + induced) over the horizon:\n";
  jobs.print(out);
}

}  // namespace ripple
