// The scenario's header, calendar and economy reference (docs/scenario-format.md).
#include "scenario/read_context.hpp"

#include <algorithm>
#include <filesystem>

namespace ripple::scenario_read {

void read_header(ReadContext& ctx, const YAML::Node& node) {
  const std::string path = "scenario";
  if (!ctx.r.expect_map(node, path)) return;
  check_keys(ctx, node, path, "scenario");
  if (ctx.r.require(node, "name", path)) {
    if (auto name = ctx.r.text(node["name"], "scenario.name")) ctx.s.name = *name;
  }
  if (ctx.r.require(node, "as_of", path)) {
    ctx.as_of = ctx.r.date(node["as_of"], "scenario.as_of");
    if (ctx.as_of) ctx.s.calendar.as_of = *ctx.as_of;
  }
  if (NodeReader::has(node, "finish_links")) {
    if (auto mode = read_finish_link_mode(ctx, node["finish_links"], "scenario.finish_links")) {
      ctx.s.finish_links = *mode;
    }
  }
}

void read_calendar(ReadContext& ctx, const YAML::Node& node) {
  const std::string path = "calendar";
  if (!ctx.r.expect_map(node, path)) return;
  check_keys(ctx, node, path, "calendar");
  Calendar& c = ctx.s.calendar;
  std::optional<Date> start;
  std::optional<Date> end;
  if (ctx.r.require(node, "start", path)) start = ctx.r.date(node["start"], "calendar.start");
  if (ctx.r.require(node, "end", path)) end = ctx.r.date(node["end"], "calendar.end");
  if (end && end->year() > 9998) {
    // The last period must close inside the date range (years 1-9999, date.hpp).
    ctx.r.invalid(node["end"], "calendar.end", "the calendar must end by 9998-12-31");
    end.reset();
  }
  if (start) c.start = *start;
  if (end) c.end = *end;
  if (start && end && *end <= *start) {
    ctx.r.invalid(node["end"], "calendar.end",
                  "must be after calendar.start (" + start->to_string() + ")");
  }
  if (NodeReader::has(node, "period")) {
    if (auto period = ctx.r.text(node["period"], "calendar.period")) {
      if (*period == "month") {
        c.period = Period::kMonth;
      } else if (*period == "quarter") {
        c.period = Period::kQuarter;
      } else if (*period == "year") {
        c.period = Period::kYear;
      } else {
        ctx.r.invalid(node["period"], "calendar.period", "a period is month, quarter or year");
      }
    }
  }
  if (NodeReader::has(node, "currency")) {
    if (auto currency = ctx.r.text(node["currency"], "calendar.currency")) {
      const bool ok =
          currency->size() == 3 && std::all_of(currency->begin(), currency->end(),
                                               [](char ch) { return ch >= 'A' && ch <= 'Z'; });
      if (ok) {
        c.currency = *currency;
      } else {
        ctx.r.invalid(node["currency"], "calendar.currency",
                      "a currency is a 3-letter upper-case code such as USD");
      }
    }
  }
  if (NodeReader::has(node, "price_year")) {
    if (auto year = ctx.r.integer(node["price_year"], "calendar.price_year")) {
      if (*year < 1900 || *year > 2200) {
        ctx.r.invalid(node["price_year"], "calendar.price_year",
                      "a price year must be in 1900..2200");
      } else {
        c.price_year = static_cast<int>(*year);
      }
    }
  }
  if (NodeReader::has(node, "seed")) {
    if (auto seed = ctx.r.integer(node["seed"], "calendar.seed")) {
      if (*seed < 0) {
        ctx.r.invalid(node["seed"], "calendar.seed", "a seed must not be negative");
      } else {
        c.seed = static_cast<unsigned long long>(*seed);
      }
    }
  }
}

void read_economy(ReadContext& ctx, const YAML::Node& node) {
  const std::string path = "economy";
  if (!ctx.r.expect_map(node, path)) return;
  check_keys(ctx, node, path, "economy");
  EconomyRef& e = ctx.s.economy;
  e.mark = ctx.r.mark(node);
  if (NodeReader::has(node, "table")) {
    if (auto table = ctx.r.text(node["table"], "economy.table")) {
      e.table_mark = ctx.r.mark(node["table"]);
      e.table_text = *table;
      const std::filesystem::path table_path(*table);
      const std::filesystem::path dir = std::filesystem::path(ctx.s.path).parent_path();
      e.table_path = table_path.is_absolute() || dir.empty()
                         ? table_path.lexically_normal().string()
                         : (dir / table_path).lexically_normal().string();
    }
  }
  if (NodeReader::has(node, "flq_delta")) {
    if (auto delta = ctx.r.number(node["flq_delta"], "economy.flq_delta")) {
      if (*delta < 0.0 || *delta >= 1.0) {
        ctx.r.invalid(node["flq_delta"], "economy.flq_delta", "the FLQ delta must be in [0, 1)");
      } else {
        e.flq_delta = *delta;
      }
    }
  }
  if (NodeReader::has(node, "household_closure")) {
    if (auto closure = ctx.r.boolean(node["household_closure"], "economy.household_closure")) {
      e.household_closure = *closure;
    }
  }
}

}  // namespace ripple::scenario_read
