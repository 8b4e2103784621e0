// Working calendars (`work_calendars`) and the references to them (docs/scenario-format.md).
#include <algorithm>
#include <array>

#include "scenario/read_context.hpp"

namespace ripple::scenario_read {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

void read_weekdays(ReadContext& ctx, WorkCalendar& calendar, const YAML::Node& node,
                   const std::string& path) {
  if (!ctx.r.expect_list(node, path)) return;
  calendar.weekdays.fill(false);
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    const auto day = ctx.r.text(node[i], item_path);
    if (!day) continue;
    const auto it = std::find(kWeekdays.begin(), kWeekdays.end(), *day);
    if (it == kWeekdays.end()) {
      ctx.r.invalid(node[i], item_path,
                    "a weekday is mon, tue, wed, thu, fri, sat or sun" +
                        did_you_mean(*day, {kWeekdays.begin(), kWeekdays.end()}));
      continue;
    }
    calendar.weekdays[static_cast<std::size_t>(it - kWeekdays.begin())] = true;
  }
  if (std::none_of(calendar.weekdays.begin(), calendar.weekdays.end(), [](bool b) { return b; }) &&
      node.size() > 0) {
    calendar.weekdays = WorkCalendar{}.weekdays;  // the bad items are reported already
  } else if (node.size() == 0) {
    ctx.r.invalid(node, path, "a working calendar needs at least one working weekday");
  }
}

void read_holidays(ReadContext& ctx, WorkCalendar& calendar, const YAML::Node& node,
                   const std::string& path) {
  if (!ctx.r.expect_list(node, path)) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    if (item.IsSequence()) {
      if (item.size() != 2) {
        ctx.r.invalid(item, item_path, "a holiday range is [first, last] (two dates)");
        continue;
      }
      const auto first = ctx.r.date(item[0], item_path + "[0]");
      const auto last = ctx.r.date(item[1], item_path + "[1]");
      if (!first || !last) continue;
      if (*last < *first) {
        ctx.r.invalid(item[1], item_path + "[1]",
                      "the last day of a holiday range must not be before its first (" +
                          first->to_string() + ")");
        continue;
      }
      calendar.holidays.push_back({*first, *last});
    } else if (const auto day = ctx.r.date(item, item_path)) {
      calendar.holidays.push_back({*day, *day});
    }
  }
  calendar.normalise();
}

}  // namespace

void read_work_calendars(ReadContext& ctx, const YAML::Node& node) {
  const std::string path = "work_calendars";
  if (!ctx.r.expect_list(node, path)) return;
  IdRegistry ids("calendar");
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string at = item_path(path, item, i);
    if (!ctx.r.expect_map(item, at)) continue;
    check_keys(ctx, item, at, "work_calendar");
    WorkCalendar calendar;
    calendar.mark = ctx.r.mark(item);
    if (ctx.r.require(item, "id", at)) {
      if (auto id = ctx.r.identifier(item["id"], join_key(at, "id"))) {
        calendar.id = *id;
        ids.add(ctx.r, *id, item["id"], join_key(at, "id"));
      }
    }
    calendar.name = optional_text(ctx, item, "name", at).value_or(calendar.id);
    if (NodeReader::has(item, "weekdays")) {
      read_weekdays(ctx, calendar, item["weekdays"], join_key(at, "weekdays"));
    }
    if (NodeReader::has(item, "hours_per_day")) {
      const std::string hours_path = join_key(at, "hours_per_day");
      if (auto hours = ctx.r.number(item["hours_per_day"], hours_path)) {
        if (*hours <= 0.0 || *hours > 24.0) {
          ctx.r.invalid(item["hours_per_day"], hours_path,
                        "working hours per day must be greater than 0 and at most 24");
        } else {
          calendar.hours_per_day = *hours;
        }
      }
    }
    if (NodeReader::has(item, "holidays")) {
      read_holidays(ctx, calendar, item["holidays"], join_key(at, "holidays"));
    }
    ctx.s.calendars.push_back(std::move(calendar));
  }
}

std::optional<std::size_t> read_calendar_ref(ReadContext& ctx, const YAML::Node& map,
                                             const std::string& path) {
  if (!NodeReader::has(map, "work_calendar")) return std::nullopt;
  const std::string key_path = join_key(path, "work_calendar");
  const auto id = ctx.r.text(map["work_calendar"], key_path);
  if (!id) return std::nullopt;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < ctx.s.calendars.size(); ++i) {
    if (ctx.s.calendars[i].id == *id) return i;
    names.push_back(ctx.s.calendars[i].id);
  }
  ctx.r.invalid(map["work_calendar"], key_path,
                names.empty() ? "unknown working calendar (the scenario has no work_calendars)"
                              : "unknown working calendar; declared: " + join_comma(names));
  return std::nullopt;
}

}  // namespace ripple::scenario_read
