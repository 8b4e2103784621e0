#include "cli/command.hpp"

namespace ripple::cli {

// Entry points, one file each (sim/cli/<name>_command.cpp).
int run_run(const Args& args, std::ostream& out, std::ostream& err);
int run_validate(const Args& args, std::ostream& out, std::ostream& err);
int run_schedule(const Args& args, std::ostream& out, std::ostream& err);
int run_multipliers(const Args& args, std::ostream& out, std::ostream& err);
int run_compare(const Args& args, std::ostream& out, std::ostream& err);
int run_mc(const Args& args, std::ostream& out, std::ostream& err);
int run_sweep(const Args& args, std::ostream& out, std::ostream& err);
int run_merge(const Args& args, std::ostream& out, std::ostream& err);
int run_import(const Args& args, std::ostream& out, std::ostream& err);
int run_schema(const Args& args, std::ostream& out, std::ostream& err);

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"run", "one deterministic run: summary table; summary, timeseries, schedule files", run_run},
      {"validate", "check a scenario: prints every error, or ok", run_validate},
      {"schedule", "CPM: early/late dates, total float, critical path per project", run_schedule},
      {"multipliers", "output, income, GVA and employment multipliers by sector", run_multipliers},
      {"compare", "cost of a delay: two variants compared, dates, jobs, job-years", run_compare},
      {"mc", "Monte Carlo: on-time probabilities, jobs percentiles, criticality, sensitivity",
       run_mc},
      {"sweep", "grid of what-if runs, one CSV row per point; --shard K/N", run_sweep},
      {"merge", "join sweep shard files or mc shard directories; refuses gaps and duplicates",
       run_merge},
      {"import", "a Primavera P6 XER or MS Project XML schedule as a scenario skeleton",
       run_import},
      {"schema", "the JSON Schema of the scenario format, for editors", run_schema},
  };
  return kCommands;
}

}  // namespace ripple::cli
