// The Leontief model against published and reference values (../shared/data/io-fixtures/README.md,
// Miller & Blair 2009, a hand case), Flegg's location quotient by hand, and the invariants of the
// coupling to the engine.

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "ripple/economy.hpp"
#include "ripple/io_table.hpp"

namespace {

// Options without designated initializers (-Wmissing-field-initializers).
ripple::EconomyOptions options(double delta, bool households, std::string currency = "") {
  ripple::EconomyOptions o;
  o.flq_delta = delta;
  o.household_closure = households;
  o.scenario_currency = std::move(currency);
  return o;
}

std::string data_path(const std::string& name) {
  return std::string(RIPPLE_SOURCE_DIR) + "/tests/data/economy/" + name;
}

// Checks |actual − expected| < 0.5e-4, i.e. equal when rounded to 4 decimals (or within one
// rounding step of the printed value).
void check4(double actual, double expected) {
  CAPTURE(actual);
  CAPTURE(expected);
  CHECK(std::abs(actual - expected) <= 0.5e-4 + 1e-12);
}

}  // namespace

TEST_SUITE("economy") {
  TEST_CASE("the Beutel table loads unchanged and reproduces every value of the fixture README") {
    const ripple::Economy economy = ripple::Economy::load(data_path("beutel.yaml"));
    REQUIRE(economy.sector_ids().size() == 6);
    const auto m = economy.multipliers();
    REQUIRE(m.size() == 6);
    const std::array<double, 6> leontief_diagonal{1.0339, 1.4292, 1.0289, 1.1784, 1.4126, 1.0515};
    const std::array<double, 6> output{1.7048, 1.8413, 1.8136, 1.6035, 1.5951, 1.3782};
    const std::array<double, 6> gva{0.8450, 0.7647, 0.8615, 0.9019, 0.9393, 0.9199};
    const std::array<double, 6> jobs_per_eur_mn_thousands{0.0326, 0.0162, 0.0207,
                                                          0.0237, 0.0112, 0.0242};
    const std::array<double, 6> employment_type1{1.3071, 2.0823, 1.5697, 1.3855, 1.8181, 1.2078};
    const std::array<double, 6> income_type1{1.9528, 1.8478, 1.6833, 1.4427, 1.7763, 1.2125};
    const std::array<double, 6> employment_type2{1.7389, 3.7704, 2.6286, 2.2492, 3.1628, 2.0454};
    for (std::size_t j = 0; j < 6; ++j) {
      CAPTURE(m[j].sector_id);
      check4(economy.leontief_column(j)[j], leontief_diagonal[j]);
      check4(m[j].output_type1, output[j]);
      check4(m[j].gva_type1, gva[j]);
      // The README gives 1000 persons per EUR mn; the model reports persons per EUR mn.
      check4(m[j].jobs_per_million_type1 / 1000.0, jobs_per_eur_mn_thousands[j]);
      check4(m[j].employment_type1, employment_type1[j]);
      check4(m[j].income_type1, income_type1[j]);
      REQUIRE(m[j].employment_type2.has_value());
      check4(*m[j].employment_type2, employment_type2[j]);
    }
  }

  TEST_CASE("the Beutel household column sums to 0.8162 of total compensation") {
    const ripple::EconomyData data = ripple::read_economy(data_path("beutel.yaml"));
    double consumption = 0.0;
    double compensation = 0.0;
    for (double v : data.table.household_consumption) consumption += v;
    for (double v : data.table.compensation) compensation += v;
    check4(consumption / compensation, 0.8162);
    CHECK(data.info.persons_per_employment_unit == doctest::Approx(1000.0).epsilon(1e-12));
    CHECK(data.table.employment_persons[0] == doctest::Approx(1096000.0).epsilon(1e-12));
  }

  TEST_CASE("Type II income and output multipliers follow the closed system (numpy reference)") {
    // Reference: numpy inverse of the 7 x 7 closed matrix built as in the fixture README.
    const ripple::Economy economy = ripple::Economy::load(data_path("beutel.yaml"));
    const auto m = economy.multipliers();
    const std::array<double, 6> output_type2{2.6414, 2.9804, 3.0261, 2.8894, 2.3137, 2.8381};
    const std::array<double, 6> income_type2{3.2987, 3.1214, 2.8435, 2.4371, 3.0007, 2.0483};
    const std::array<double, 6> gva_type2{1.3514, 1.3806, 1.5171, 1.5972, 1.3279, 1.7093};
    for (std::size_t j = 0; j < 6; ++j) {
      CAPTURE(m[j].sector_id);
      check4(*m[j].output_type2, output_type2[j]);
      check4(*m[j].income_type2, income_type2[j]);
      check4(*m[j].gva_type2, gva_type2[j]);
    }
  }

  TEST_CASE("the Miller and Blair two-sector example gives their A, L and output multipliers") {
    const ripple::Economy economy =
        ripple::Economy::load(data_path("miller_blair_2x2.yaml"), options(0.25, false));
    const auto a = economy.coefficients();
    check4(a[0], 0.15);
    check4(a[1], 0.25);
    check4(a[2], 0.20);
    check4(a[3], 0.05);
    const auto l0 = economy.leontief_column(0);
    const auto l1 = economy.leontief_column(1);
    check4(l0[0], 1.2541);
    check4(l0[1], 0.2640);
    check4(l1[0], 0.3300);
    check4(l1[1], 1.1221);
    const auto m = economy.multipliers();
    check4(m[0].output_type1, 1.5182);
    check4(m[1].output_type1, 1.4521);
    CHECK_FALSE(m[0].employment_type2.has_value());
  }

  TEST_CASE("the hand case A = (0.2 0.1; 0.4 0.2) gives L = (4/3 1/6; 2/3 4/3)") {
    const ripple::Economy economy =
        ripple::Economy::load(data_path("hand_2x2.yaml"), options(0.25, false));
    const auto l0 = economy.leontief_column(0);
    const auto l1 = economy.leontief_column(1);
    CHECK(l0[0] == doctest::Approx(4.0 / 3.0).epsilon(1e-12));
    CHECK(l0[1] == doctest::Approx(2.0 / 3.0).epsilon(1e-12));
    CHECK(l1[0] == doctest::Approx(1.0 / 6.0).epsilon(1e-12));
    CHECK(l1[1] == doctest::Approx(4.0 / 3.0).epsilon(1e-12));
  }

  TEST_CASE("Flegg's location quotient regionalises a three-sector table as computed by hand") {
    // National A = [[0.1, 0.2, 0.1], [0.2, 0.1, 0.3], [0.1, 0.2, 0.2]], national jobs
    // NE_i = (100, 200, 700), NE = 1000; region R: RE_i = (20, 10, 70), RE = 100.
    // SLQ_i = (RE_i / RE) / (NE_i / NE) = (0.2/0.1, 0.1/0.2, 0.7/0.7) = (2, 0.5, 1).
    // λ = [log2(1 + 100/1000)]^0.25 = 0.1375035237^0.25 = 0.6089455.
    // FLQ_ij = SLQ_i / SLQ_j · λ off the diagonal, SLQ_i · λ on it:
    //   row 1: 2λ = 1.2179, 4λ = 2.4358, 2λ = 1.2179      → all capped at 1
    //   row 2: 0.25λ = 0.1522364, 0.5λ = 0.3044728, 0.5λ = 0.3044728
    //   row 3: 0.5λ = 0.3044728, 2λ = 1.2179 → 1, λ = 0.6089455
    // a^r_ij = a_ij · min(FLQ_ij, 1):
    //   row 1: 0.1, 0.2, 0.1
    //   row 2: 0.2·0.1522364 = 0.0304473, 0.1·0.3044728 = 0.0304473, 0.3·0.3044728 = 0.0913418
    //   row 3: 0.1·0.3044728 = 0.0304473, 0.2, 0.2·0.6089455 = 0.1217891
    const ripple::Economy economy =
        ripple::Economy::load(data_path("flq_3x3.yaml"), options(0.25, false));
    const auto r = economy.find_region("r");
    REQUIRE(r.has_value());
    CHECK(economy.flq_lambda(*r) == doctest::Approx(0.6089455).epsilon(1e-6));
    const std::array<double, 9> expected{0.1,       0.2,       0.1, 0.0304473, 0.0304473,
                                         0.0913418, 0.0304473, 0.2, 0.1217891};
    const auto a = economy.coefficients(r);
    for (std::size_t k = 0; k < 9; ++k) {
      CAPTURE(k);
      CHECK(a[k] == doctest::Approx(expected[k]).epsilon(1e-5));
    }
    // Regional output multipliers (numpy on the A^r above): 1.213279, 1.578941, 1.441056.
    const auto m = economy.multipliers(r);
    CHECK(m[0].output_type1 == doctest::Approx(1.213279).epsilon(1e-6));
    CHECK(m[1].output_type1 == doctest::Approx(1.578941).epsilon(1e-6));
    CHECK(m[2].output_type1 == doctest::Approx(1.441056).epsilon(1e-6));
  }

  TEST_CASE("a larger delta shrinks regional multipliers and delta 0 leaves lambda at 1") {
    const ripple::Economy d0 =
        ripple::Economy::load(data_path("flq_3x3.yaml"), options(0.0, false));
    const ripple::Economy d5 =
        ripple::Economy::load(data_path("flq_3x3.yaml"), options(0.5, false));
    CHECK(d0.flq_lambda(0) == doctest::Approx(1.0).epsilon(1e-12));
    const auto m0 = d0.multipliers(0);
    const auto m5 = d5.multipliers(0);
    for (std::size_t j = 0; j < 3; ++j) CHECK(m5[j].output_type1 < m0[j].output_type1);
  }
}

// ---- Coupling to the engine ----------------------------------------------------------------

namespace {

ripple::ActivityRates make_activity(const std::vector<ripple::SectorOutputRate>& ops, double works,
                                    double equipment, double services, double construction_jobs,
                                    double permanent_jobs) {
  ripple::ActivityRates a;
  a.operations = ops;
  a.capex_local_m_per_year = {works, equipment, services};
  a.construction_jobs = construction_jobs;
  a.permanent_jobs = permanent_jobs;
  return a;
}

}  // namespace

TEST_SUITE("economy") {
  TEST_CASE("zero activity gives zero indirect and induced effects") {
    const ripple::Economy economy = ripple::Economy::load(data_path("beutel.yaml"));
    const auto site = economy.prepare("north", "man");
    const auto e = economy.effects(site, make_activity({}, 0, 0, 0, 0, 0));
    CHECK(e.indirect_jobs.national() == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(e.induced_jobs.national() == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(e.indirect_output_m.national() == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(e.induced_value_added_m.national() == doctest::Approx(0.0).epsilon(1e-12));
  }

  TEST_CASE("doubling capex doubles the construction-phase indirect and induced jobs") {
    const ripple::Economy economy = ripple::Economy::load(data_path("beutel.yaml"));
    const auto site = economy.prepare("north", "man");
    const auto once = economy.effects(site, make_activity({}, 100, 50, 20, 300, 0));
    const auto twice = economy.effects(site, make_activity({}, 200, 100, 40, 600, 0));
    REQUIRE(once.indirect_jobs.national() > 0.0);
    CHECK(twice.indirect_jobs.host == doctest::Approx(2 * once.indirect_jobs.host).epsilon(1e-12));
    CHECK(twice.indirect_jobs.rest == doctest::Approx(2 * once.indirect_jobs.rest).epsilon(1e-12));
    CHECK(twice.induced_jobs.national() ==
          doctest::Approx(2 * once.induced_jobs.national()).epsilon(1e-12));
  }

  TEST_CASE("national effects are at least the host region's for every kind of activity") {
    const ripple::Economy economy = ripple::Economy::load(data_path("beutel.yaml"));
    for (const char* region : {"north", "south"}) {
      for (std::size_t j = 0; j < economy.sector_ids().size(); ++j) {
        CAPTURE(region);
        CAPTURE(j);
        const auto site = economy.prepare(region, economy.sector_ids()[j]);
        const std::vector<ripple::SectorOutputRate> ops{{j, 1000.0}};
        const auto e = economy.effects(site, make_activity(ops, 100, 100, 100, 500, 200));
        CHECK(e.indirect_jobs.host > 0.0);
        CHECK(e.indirect_jobs.rest >= 0.0);
        CHECK(e.induced_jobs.host > 0.0);
        CHECK(e.induced_jobs.rest >= 0.0);
        CHECK(e.indirect_output_m.rest >= 0.0);
        CHECK(e.induced_value_added_m.rest >= 0.0);
      }
    }
  }

  TEST_CASE("induced effects vanish when the household closure is off") {
    const ripple::Economy economy =
        ripple::Economy::load(data_path("beutel.yaml"), options(0.25, false));
    const auto site = economy.prepare("south", "con");
    const std::vector<ripple::SectorOutputRate> ops{{1, 500.0}};
    const auto e = economy.effects(site, make_activity(ops, 100, 100, 100, 500, 200));
    CHECK(e.indirect_jobs.national() > 0.0);
    CHECK(e.induced_jobs.host == 0.0);
    CHECK(e.induced_jobs.rest == 0.0);
    CHECK(e.induced_output_m.national() == 0.0);
  }

  TEST_CASE("operations effects equal the multipliers when direct jobs are the table's own") {
    // Output y of sector j with direct jobs e_j·y: indirect = (eᵀL)_j y − e_j y, and induced =
    // (Type II − Type I employment effect)·y, the closed system of the fixture README.
    const ripple::Economy economy = ripple::Economy::load(data_path("beutel.yaml"));
    const auto m = economy.multipliers();
    const auto& t = economy.data().table;
    for (std::size_t j = 0; j < 6; ++j) {
      CAPTURE(j);
      const double y = 1000.0;  // EUR mn per year
      const double direct = t.employment_persons[j] / t.output[j] * y;
      const auto site = economy.prepare("north", economy.sector_ids()[j]);
      const std::vector<ripple::SectorOutputRate> ops{{j, y}};
      const auto e = economy.effects(site, make_activity(ops, 0, 0, 0, 0, direct));
      CHECK(e.indirect_jobs.national() ==
            doctest::Approx(m[j].jobs_per_million_type1 * y - direct).epsilon(1e-9));
      CHECK(e.induced_jobs.national() ==
            doctest::Approx((*m[j].jobs_per_million_type2 - m[j].jobs_per_million_type1) * y)
                .epsilon(1e-9));
      CHECK(e.indirect_output_m.national() ==
            doctest::Approx((m[j].output_type1 - 1.0) * y).epsilon(1e-9));
    }
  }

  TEST_CASE("diverted inputs remove the supply chain of those purchases, nothing else") {
    // Manufacturing output y whose agricultural inputs are diverted existing supply: the output
    // effect loses (column sum of L for agriculture) x a_agr,man x y, the other inputs stay.
    const ripple::Economy economy = ripple::Economy::load(data_path("beutel.yaml"));
    const auto m = economy.multipliers();
    const auto a = economy.coefficients();  // row-major 6 x 6
    const std::size_t agr = 0;
    const std::size_t man = 1;
    const double y = 1000.0;
    const auto site = economy.prepare("north", "man");
    const std::vector<std::size_t> diverted{agr};
    const ripple::OperationProfile profile = economy.operation_profile(site, man, diverted);
    const std::vector<ripple::SectorOutputRate> full{{man, y, nullptr}};
    const std::vector<ripple::SectorOutputRate> less{{man, y, &profile}};
    const auto e_full = economy.effects(site, make_activity(full, 0, 0, 0, 0, 0));
    const auto e_less = economy.effects(site, make_activity(less, 0, 0, 0, 0, 0));
    const double removed = m[agr].output_type1 * a[agr * 6 + man] * y;
    CHECK(e_full.indirect_output_m.national() - e_less.indirect_output_m.national() ==
          doctest::Approx(removed).epsilon(1e-9));
    CHECK(e_less.indirect_jobs.national() < e_full.indirect_jobs.national());
    CHECK(e_less.indirect_jobs.host <= e_less.indirect_jobs.national());
    // Nothing diverted: the profile is the sector's own coefficients.
    const ripple::OperationProfile same = economy.operation_profile(site, man, {});
    const std::vector<ripple::SectorOutputRate> via_profile{{man, y, &same}};
    CHECK(economy.effects(site, make_activity(via_profile, 0, 0, 0, 0, 0)).indirect_jobs.host ==
          doctest::Approx(e_full.indirect_jobs.host).epsilon(1e-12));
  }

  TEST_CASE("operating purchases give the hand-computed indirect and induced effects") {
    // A manufacturing plant in North with output 100 EUR mn a year and 50 staff buys 0.08 of its
    // output value from agriculture (half of it in the country) and 0.12 from business services
    // (three quarters local): d = (4, 9) EUR mn of domestic first-round demand. Its sector's
    // column is not used. Nationally the indirect jobs are Σ d_i (eᵀL)_i; with Beutel's published
    // employment effects (0.0326 and 0.0112 thousand persons per EUR mn) that is 4 x 32.6 +
    // 9 x 11.2 = 231.2 persons. In North: Σ d_i s_i (eᵀL^r)_i (FLQ, δ = 0.25). Induced: κ x
    // income, income = 50 staff x D1/EMP of manufacturing + the indirect workers' wages. The
    // exact values are a numpy computation of these formulas from the raw table (the
    // derivation in docs/economics.md §4).
    const ripple::Economy economy = ripple::Economy::load(data_path("beutel.yaml"));
    const auto site = economy.prepare("north", "man");
    const std::size_t agr = 0;
    const std::size_t business = 4;
    const std::vector<ripple::LocalPurchase> purchases{{agr, 0.08 * 0.5}, {business, 0.12 * 0.75}};
    const ripple::OperationProfile profile = economy.purchases_profile(site, purchases);
    const std::vector<ripple::SectorOutputRate> ops{{1, 100.0, &profile}};
    const auto e = economy.effects(site, make_activity(ops, 0, 0, 0, 0, 50));
    CHECK(e.indirect_jobs.national() == doctest::Approx(4 * 32.6 + 9 * 11.2).epsilon(0.003));
    CHECK(e.indirect_jobs.national() == doctest::Approx(231.118229).epsilon(1e-8));
    CHECK(e.indirect_jobs.host == doctest::Approx(141.640981).epsilon(1e-8));
    CHECK(e.indirect_output_m.national() == doctest::Approx(21.1748397).epsilon(1e-8));
    CHECK(e.indirect_output_m.host == doctest::Approx(9.3290368).epsilon(1e-8));
    CHECK(e.direct_income_m == doctest::Approx(1.768667223).epsilon(1e-8));
    CHECK(e.indirect_income_m.host == doctest::Approx(1.994692687).epsilon(1e-8));
    CHECK(e.indirect_income_m.rest == doctest::Approx(2.555692778).epsilon(1e-8));
    CHECK(e.induced_jobs.national() == doctest::Approx(163.202183).epsilon(1e-8));
    CHECK(e.induced_jobs.host == doctest::Approx(35.577973).epsilon(1e-8));
  }

  TEST_CASE("a regional wage index changes direct wages and the host's induced jobs") {
    // North's compensation per worker at 1.25 x the national figure: the plant's 50 staff earn
    // 1.25 x as much, the host's indirect workers too, and the host's household closure uses the
    // higher wages (numpy reference as above, with w^r = 1.25 w).
    ripple::EconomyData data = ripple::read_economy(data_path("beutel.yaml"));
    data.regions[0].wage_index = 1.25;
    const ripple::Economy base = ripple::Economy::load(data_path("beutel.yaml"));
    const ripple::Economy economy(std::move(data));
    const auto site = economy.prepare("north", "man");
    const std::vector<ripple::LocalPurchase> purchases{{0, 0.08 * 0.5}, {4, 0.12 * 0.75}};
    const ripple::OperationProfile profile = economy.purchases_profile(site, purchases);
    const std::vector<ripple::SectorOutputRate> ops{{1, 100.0, &profile}};
    const auto e = economy.effects(site, make_activity(ops, 0, 0, 0, 0, 50));
    const ripple::OperationProfile base_profile = base.purchases_profile(site, purchases);
    const std::vector<ripple::SectorOutputRate> base_ops{{1, 100.0, &base_profile}};
    const auto b = base.effects(site, make_activity(base_ops, 0, 0, 0, 0, 50));
    CHECK(e.direct_income_m == doctest::Approx(1.25 * b.direct_income_m).epsilon(1e-12));
    CHECK(e.direct_income_m == doctest::Approx(2.210834029).epsilon(1e-8));
    CHECK(e.indirect_income_m.host == doctest::Approx(2.493365859).epsilon(1e-8));
    CHECK(e.indirect_income_m.rest == doctest::Approx(b.indirect_income_m.rest).epsilon(1e-12));
    CHECK(e.indirect_jobs.host == doctest::Approx(b.indirect_jobs.host).epsilon(1e-12));
    CHECK(e.induced_jobs.host == doctest::Approx(47.391447).epsilon(1e-8));
    CHECK(e.induced_jobs.national() == doctest::Approx(187.501259).epsilon(1e-8));
    CHECK(economy.wage_index(0) == 1.25);
    // South keeps national wages.
    const auto south = economy.prepare("south", "man");
    CHECK(economy.effects(south, make_activity({}, 0, 0, 0, 0, 50)).direct_income_m ==
          doctest::Approx(b.direct_income_m).epsilon(1e-12));
  }

  TEST_CASE("works spending counts only the contractors' purchases, equipment the whole chain") {
    const ripple::Economy economy =
        ripple::Economy::load(data_path("beutel.yaml"), options(0.25, false));
    const auto m = economy.multipliers();
    const auto& t = economy.data().table;
    const auto site = economy.prepare("north", "man");
    const auto works = economy.effects(site, make_activity({}, 100, 0, 0, 0, 0));
    const double e_con = t.employment_persons[2] / t.output[2];
    CHECK(works.indirect_jobs.national() ==
          doctest::Approx((m[2].jobs_per_million_type1 - e_con) * 100).epsilon(1e-9));
    const auto equipment = economy.effects(site, make_activity({}, 0, 100, 0, 0, 0));
    CHECK(equipment.indirect_jobs.national() ==
          doctest::Approx(m[1].jobs_per_million_type1 * 100).epsilon(1e-9));
  }

  TEST_CASE("money in another scenario currency is converted with the descriptor's rate") {
    const ripple::Economy eur = ripple::Economy::load(data_path("beutel.yaml"));
    const ripple::Economy usd =
        ripple::Economy::load(data_path("beutel.yaml"), options(0.25, true, "USD"));
    CHECK(usd.table_per_scenario_currency() == doctest::Approx(0.75).epsilon(1e-12));
    const std::vector<ripple::SectorOutputRate> eur_ops{{1, 75.0}};
    const std::vector<ripple::SectorOutputRate> usd_ops{{1, 100.0}};
    const auto a =
        eur.effects(eur.prepare("north", "man"), make_activity(eur_ops, 0, 75, 0, 10, 5));
    const auto b =
        usd.effects(usd.prepare("north", "man"), make_activity(usd_ops, 0, 100, 0, 10, 5));
    CHECK(b.indirect_jobs.host == doctest::Approx(a.indirect_jobs.host).epsilon(1e-9));
    CHECK(b.induced_jobs.rest == doctest::Approx(a.induced_jobs.rest).epsilon(1e-9));
    CHECK(b.indirect_output_m.host ==
          doctest::Approx(a.indirect_output_m.host / 0.75).epsilon(1e-9));
    CHECK_THROWS_AS(ripple::Economy::load(data_path("beutel.yaml"), options(0.25, true, "JPY")),
                    ripple::InputError);
  }

  TEST_CASE("unknown regions and sectors are reported with the known ids") {
    const ripple::Economy economy = ripple::Economy::load(data_path("beutel.yaml"));
    try {
      (void)economy.prepare("west", "mining");
      FAIL("expected an InputError");
    } catch (const ripple::InputError& e) {
      const std::string what = e.what();
      CHECK(what.find("unknown region 'west'") != std::string::npos);
      CHECK(what.find("north, south") != std::string::npos);
      CHECK(what.find("unknown sector 'mining'") != std::string::npos);
    }
  }
}

TEST_SUITE("economy") {
  TEST_CASE("the bundled Kazakh economy is illustrative and has the sectors and regions required") {
    const ripple::Economy economy = ripple::Economy::load(
        std::string(RIPPLE_SOURCE_DIR) + "/scenarios/economy/kazakhstan/economy.yaml",
        options(0.25, true, "USD"));
    CHECK(economy.info().illustrative);
    const std::vector<std::string> sectors{"agriculture",
                                           "mining",
                                           "oil_gas",
                                           "food",
                                           "chemicals",
                                           "metallurgy",
                                           "other_manufacturing",
                                           "utilities",
                                           "construction",
                                           "trade",
                                           "transport",
                                           "hospitality",
                                           "finance_ict",
                                           "business_services",
                                           "real_estate",
                                           "public_services"};
    CHECK(economy.sector_ids() == sectors);
    const std::vector<std::string> regions{
        "abay", "karaganda", "kostanay", "west_kazakhstan", "mangystau", "rest_of_country"};
    CHECK(economy.region_ids() == regions);
    CHECK(economy.table_per_scenario_currency() == doctest::Approx(460.0).epsilon(1e-12));
    // Regional employment adds up to the national (the script builds rest_of_country so).
    const auto& data = economy.data();
    for (std::size_t i = 0; i < sectors.size(); ++i) {
      double sum = 0.0;
      for (const auto& r : data.regions) sum += r.employment_persons[i];
      CHECK(sum == doctest::Approx(data.table.employment_persons[i]).epsilon(1e-6));
    }
  }

  TEST_CASE("the Kazakh employment multipliers lie in the ranges economists expect") {
    // docs/economics.md: Type I employment multipliers between 1 and ~4 (highest for processing
    // sectors with labour-intensive supply chains), Type II / Type I between 1 and 2, and host
    // regions' multipliers below the national ones.
    const ripple::Economy economy = ripple::Economy::load(
        std::string(RIPPLE_SOURCE_DIR) + "/scenarios/economy/kazakhstan/economy.yaml");
    const auto national = economy.multipliers();
    const auto abay = economy.multipliers(economy.find_region("abay"));
    for (std::size_t j = 0; j < national.size(); ++j) {
      CAPTURE(national[j].sector_id);
      CHECK(national[j].employment_type1 > 1.0);
      CHECK(national[j].employment_type1 < 4.5);
      CHECK(*national[j].employment_type2 / national[j].employment_type1 > 1.0);
      CHECK(*national[j].employment_type2 / national[j].employment_type1 < 2.0);
      CHECK(abay[j].output_type1 <= national[j].output_type1);
    }
  }
}
