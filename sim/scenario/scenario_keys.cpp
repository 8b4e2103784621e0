// The key tables of the scenario format (scenario_keys.hpp); docs/scenario-format.md is their
// long form.
#include "scenario/scenario_keys.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace ripple::scenario_keys {
namespace {

using enum Value;
constexpr Presence kReq = Presence::kRequired;
constexpr Presence kOpt = Presence::kOptional;

constexpr std::array kTop = {
    Key{"scenario", kMap, kReq, "name and as_of of the scenario", "scenario"},
    Key{"calendar", kMap, kReq, "horizon, reporting period, currency, price year, seed",
        "calendar"},
    Key{"economy", kMap, kOpt, "the input-output economy used for indirect and induced jobs",
        "economy"},
    Key{"projects", kList, kReq, "the projects of the programme, at least one", "project"},
    Key{"dependencies", kList, kOpt, "links between activities of different projects",
        "programme_dependency"},
    Key{"risks", kList, kOpt, "the risk register (used by ripple mc)", "risk"},
    Key{"resources", kList, kOpt, "shared capacities that phases draw on", "resource"},
    Key{"shocks", kList, kOpt, "dated what-if events applied during a run", "shock"},
    Key{"correlation", kMap, kOpt,
        "Monte Carlo: a programme-wide factor multiplying the durations of correlated phases",
        "correlation"},
    Key{"work_calendars", kList, kOpt,
        "working calendars that projects, phases and milestones may name", "work_calendar"},
};

constexpr std::array kScenario = {
    Key{"name", kText, kReq, "the scenario's name"},
    Key{"as_of", kDate, kReq, "the day the file describes; work not yet started starts no earlier"},
    Key{"finish_links", kChoice, kOpt,
        "FF/SF links: stretch holds the finish (default), shift moves the start as P6 does", "",
        "stretch shift"},
};

constexpr std::array kCalendar = {
    Key{"start", kDate, kReq, "first reported date"},
    Key{"end", kDate, kReq, "last reported date, after start"},
    Key{"period", kChoice, kOpt, "reporting period (default year)", "", "month quarter year"},
    Key{"currency", kText, kOpt, "currency of money values, 3 upper-case letters (default USD)"},
    Key{"price_year", kInteger, kOpt, "price year of money values, 1900..2200 (default 2024)"},
    Key{"seed", kInteger, kOpt, "campaign seed for Monte Carlo, >= 0 (default 1)"},
};

constexpr std::array kEconomy = {
    Key{"table", kText, kOpt, "path of an economy descriptor (YAML), relative to the scenario"},
    Key{"flq_delta", kNumber, kOpt,
        "delta of the Flegg location quotient, in [0, 1) (default 0.25)"},
    Key{"household_closure", kBoolean, kOpt, "compute induced (Type II) effects (default true)"},
};

constexpr std::array kResource = {
    Key{"id", kId, kReq, "identifier, unique among resources"},
    Key{"name", kText, kOpt, "display name (default: the id)"},
    Key{"unit", kText, kReq, "unit of the capacity, e.g. workers or MW"},
    Key{"capacity", kNonNegative, kReq, "amount available at any time, in the unit"},
};

constexpr std::array kProject = {
    Key{"id", kId, kReq, "identifier, unique among projects"},
    Key{"name", kText, kOpt, "display name (default: the id)"},
    Key{"region", kText, kReq, "region id of the economy"},
    Key{"sector", kText, kReq, "economy sector the operations belong to"},
    Key{"target", kDate, kOpt,
        "reported commissioning month, for on-time statistics (mc: of the finish without "
        "capacity)"},
    Key{"products", kList, kOpt, "what the project makes", "product"},
    Key{"baseline", kMap, kOpt, "a brownfield site today: only increments count", "baseline"},
    Key{"phases", kList, kReq, "the project's phases, at least one", "phase"},
    Key{"milestones", kList, kOpt, "zero-duration events: financing close, contract, permit",
        "milestone"},
    Key{"work_calendar", kId, kOpt, "working calendar of the project's activities"},
};

constexpr std::array kProduct = {
    Key{"id", kId, kReq, "identifier, unique within the project"},
    Key{"name", kText, kOpt, "display name (default: the id)"},
    Key{"unit", kText, kReq, "unit of production, e.g. t"},
    Key{"price_per_unit", kNonNegative, kReq, "price in the scenario currency per unit"},
    Key{"sector", kText, kOpt, "economy sector (default: the project's)"},
    Key{"diverted_inputs", kIdList, kOpt,
        "sectors whose purchases are existing supply diverted from other uses (no indirect "
        "effects)"},
    Key{"operating_purchases", kList, kOpt,
        "what the plant buys per unit of product, by sector; replaces the sector's average",
        "operating_purchase"},
};

constexpr std::array kOperatingPurchase = {
    Key{"sector", kId, kReq, "economy sector the purchase is bought from"},
    Key{"per_unit", kNonNegative, kOpt,
        "scenario currency per unit of product (or share_of_value)"},
    Key{"share_of_value", kShare, kOpt, "share of the product's price (or per_unit)"},
    Key{"local_share", kShare, kReq, "share bought in the country"},
};

constexpr std::array kBaseline = {
    Key{"permanent_jobs", kNonNegative, kOpt, "staff the site already has"},
    Key{"capacity", kCapacities, kOpt, "capacity the site already has, by product id"},
};

constexpr std::array kPhase = {
    Key{"id", kId, kReq, "identifier, unique among the project's activities"},
    Key{"name", kText, kOpt, "display name (default: the id)"},
    Key{"duration", kDurationOrDistribution, kReq,
        "duration or distribution, every value > 0, e.g. 18 months"},
    Key{"depends_on", kDependsOn, kOpt, "predecessors: ids or {on, type, lag}"},
    Key{"not_before", kDate, kOpt, "earliest start date"},
    Key{"actual_start", kDate, kOpt, "the phase has started (on or before scenario.as_of)"},
    Key{"actual_finish", kDate, kOpt, "the phase is done (needs actual_start)"},
    Key{"status", kChoice, kOpt, "checked against the actual dates", "",
        "planned in_progress done"},
    Key{"capex_m", kNonNegative, kOpt, "capital spending, millions of the currency (default 0)"},
    Key{"spending", kChoice, kOpt, "how capex and crew spread over the phase (default s-curve)", "",
        "uniform s-curve"},
    Key{"categories", kMap, kOpt, "works, equipment and services shares (required with capex)",
        "categories"},
    Key{"construction_jobs", kNonNegative, kOpt, "peak on-site workforce, persons"},
    Key{"product", kText, kOpt, "product id the capacity is of"},
    Key{"capacity", kCapacity, kOpt, "capacity added on finish, e.g. 3 Mt/yr"},
    Key{"ramp_up", kMap, kOpt, "how the added capacity ramps up", "ramp_up"},
    Key{"permanent_jobs", kNonNegative, kOpt, "staff added with the capacity"},
    Key{"uses", kAmounts, kOpt, "resource id: amount drawn while the phase is active"},
    Key{"correlated", kBoolean, kOpt, "Monte Carlo: follows the correlation multiplier"},
    Key{"work_calendar", kId, kOpt, "working calendar (default: the project's)"},
};

constexpr std::array kCategories = {
    Key{"works", kMap, kOpt, "construction works", "category"},
    Key{"equipment", kMap, kOpt, "equipment", "category"},
    Key{"services", kMap, kOpt, "services", "category"},
};

constexpr std::array kCategory = {
    Key{"share", kShare, kReq, "share of the phase's capex"},
    Key{"local_share", kShare, kReq, "share bought in the country"},
};

constexpr std::array kRampUp = {
    Key{"curve", kChoice, kOpt, "shape of the ramp (not with a table)", "", "linear s-curve"},
    Key{"duration", kDurationOrDistribution, kOpt,
        "time to full capacity, >= 0 (a distribution: sampled by mc)"},
    Key{"table", kRampTable, kOpt, "[time since finish, share] points, the last share 1"},
};

constexpr std::array kMilestone = {
    Key{"id", kId, kReq, "identifier, unique among the project's activities"},
    Key{"name", kText, kOpt, "display name (default: the id)"},
    Key{"date", kDate, kOpt, "the milestone happens on this date"},
    Key{"not_before", kDate, kOpt, "it happens no earlier (not with date)"},
    Key{"depends_on", kDependsOn, kOpt, "predecessors: ids or {on, type, lag}"},
    Key{"duration", kDuration, Presence::kRejected, "a milestone takes no time"},
    Key{"work_calendar", kId, kOpt, "working calendar (default: the project's)"},
    Key{"target", kDate, kOpt, "Monte Carlo: the date it should happen by (a month: its last day)"},
};

constexpr std::array kDependency = {
    Key{"on", kText, kReq, "predecessor: an activity id, or project.activity"},
    Key{"type", kChoice, kOpt, "FS, SS, FF or SF (default FS)", "", "FS SS FF SF"},
    Key{"lag", kDuration, kOpt, "lag, negative for a lead (default 0 days)"},
    Key{"finish_link", kChoice, kOpt,
        "FF/SF only: stretch or shift (default scenario.finish_links)", "", "stretch shift"},
};

constexpr std::array kProgrammeDependency = {
    Key{"from", kText, kReq, "predecessor, project.activity"},
    Key{"to", kText, kReq, "successor, project.activity"},
    Key{"type", kChoice, kOpt, "FS, SS, FF or SF (default FS)", "", "FS SS FF SF"},
    Key{"lag", kDuration, kOpt, "lag, negative for a lead (default 0 days)"},
    Key{"finish_link", kChoice, kOpt,
        "FF/SF only: stretch or shift (default scenario.finish_links)", "", "stretch shift"},
};

constexpr std::array kWorkCalendar = {
    Key{"id", kId, kReq, "identifier, unique among working calendars"},
    Key{"name", kText, kOpt, "display name (default: the id)"},
    Key{"weekdays", kChoiceList, kOpt, "working weekdays (default mon to fri)", "",
        "mon tue wed thu fri sat sun"},
    Key{"hours_per_day", kNumber, kOpt, "working hours per day, in (0, 24] (default 8)"},
    Key{"holidays", kHolidays, kOpt, "non-working dates and [first, last] ranges"},
};

constexpr std::array kRisk = {
    Key{"id", kId, kReq, "identifier, unique among risks"},
    Key{"name", kText, kOpt, "display name (default: the id)"},
    Key{"phase", kText, kReq, "the phase it hits, project.phase"},
    Key{"probability", kShare, kReq, "probability of occurring in a run"},
    Key{"delay", kDurationOrDistribution, kOpt, "added to the phase's duration, never negative"},
    Key{"cost_m", kNumberOrDistribution, kOpt, "added to the phase's capex, millions"},
};

constexpr std::array kCorrelation = {
    Key{"factor", kId, kReq, "the factor's id (it names the random stream)"},
    Key{"multiplier", kNumberOrDistribution, kReq, "multiplier of the durations, > 0"},
};

constexpr std::array kShock = {
    Key{"id", kId, kReq, "identifier, unique among shocks"},
    Key{"type", kChoice, kReq, "what happens", "", "delay stop capacity_cut"},
    Key{"date", kDate, kReq, "when it happens"},
    Key{"phase", kText, kOpt, "delay: the phase delayed, project.phase"},
    Key{"by", kDuration, kOpt, "delay: how much later, > 0"},
    Key{"project", kId, kOpt, "stop and capacity_cut: the project"},
    Key{"until", kDate, kOpt, "stop: restart date; capacity_cut: end of the cut"},
    Key{"share", kShare, kOpt, "capacity_cut: share of capacity lost, in (0, 1]"},
};

constexpr std::array kSpecs = {
    MapSpec{"scenario_file", "A ripple scenario (docs/scenario-format.md)", kTop},
    MapSpec{"scenario", "The scenario's header", kScenario},
    MapSpec{"calendar", "Horizon and units", kCalendar},
    MapSpec{"economy", "The economy used for indirect and induced effects", kEconomy},
    MapSpec{"resource", "A shared capacity", kResource},
    MapSpec{"project", "A project of the programme", kProject},
    MapSpec{"product", "A product of a project", kProduct},
    MapSpec{"operating_purchase", "A line of a plant's operating purchases", kOperatingPurchase},
    MapSpec{"baseline", "A brownfield site's existing staff and capacity", kBaseline},
    MapSpec{"phase", "A phase of a project", kPhase},
    MapSpec{"categories", "Capex spending by category", kCategories},
    MapSpec{"category", "One spending category", kCategory},
    MapSpec{"ramp_up", "Ramp-up of added capacity", kRampUp},
    MapSpec{"milestone", "A zero-duration event", kMilestone},
    MapSpec{"dependency", "A predecessor of an activity", kDependency},
    MapSpec{"programme_dependency", "A link between activities of two projects",
            kProgrammeDependency},
    MapSpec{"work_calendar", "A working calendar", kWorkCalendar},
    MapSpec{"risk", "An uncertain event of the risk register", kRisk},
    MapSpec{"correlation", "A programme-wide Monte Carlo factor", kCorrelation},
    MapSpec{"shock", "A dated what-if event", kShock},
};

}  // namespace

std::span<const MapSpec> specs() { return kSpecs; }

const MapSpec& spec(std::string_view name) {
  for (const MapSpec& map : kSpecs) {
    if (map.name == name) return map;
  }
  throw std::out_of_range("no scenario map spec '" + std::string(name) + "'");
}

std::vector<std::string_view> key_names(const MapSpec& map) {
  std::vector<std::string_view> names;
  names.reserve(map.keys.size());
  for (const Key& key : map.keys) names.push_back(key.name);
  return names;
}

}  // namespace ripple::scenario_keys
