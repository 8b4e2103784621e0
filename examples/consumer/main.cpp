// Runs a scenario through ripple's facade (include/ripple/ripple.hpp) and prints its totals:
// the TOTAL row of summary.csv, then the job-years in words.
#include <ripple/ripple.hpp>

#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer SCENARIO\n";
    return 2;
  }
  try {
    const ripple::RunOutput run = ripple::run(ripple::read_scenario(argv[1]));
    std::istringstream summary(ripple::summary_csv(run));
    for (std::string line; std::getline(summary, line);) {
      if (line.rfind("TOTAL,", 0) == 0) std::cout << line << '\n';
    }
    const ripple::SummaryRow& total = run.result.summary.total;
    std::cout << run.input.scenario.name << ": job-years direct " << total.job_years_direct
              << ", indirect " << total.job_years_indirect << ", induced "
              << total.job_years_induced << '\n';
    return 0;
  } catch (const ripple::Error& e) {
    std::cerr << e.what() << '\n';
    return static_cast<int>(e.exit_code());
  }
}
