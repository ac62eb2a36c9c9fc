// `untrain log` as text, and its filters (log_text.h).
#include "cli/log_text.h"

#include <algorithm>

#include "cli/nearest.h"
#include "core/error.h"
#include "core/rules.h"
#include "core/terminal_text.h"
#include "trail/vocabulary.h"

namespace untrain {
namespace {

std::string shown(const std::string& text) { return text.empty() ? std::string("-") : terminal_safe(text); }

// `text` padded with spaces to `width` characters (counting UTF-8 characters, not bytes).
std::string padded(const std::string& text, std::size_t width) {
  std::size_t characters = 0;
  for (unsigned char c : text) characters += (c & 0xC0) != 0x80;
  return characters >= width ? text + " " : text + std::string(width - characters, ' ');
}

std::string maybe(const std::string& hint) { return hint.empty() ? hint : "; did you mean `" + hint + "`?"; }

}  // namespace

void check_log_filter(const LogFilter& filter) {
  if (filter.kind && !parse<EventKind>(*filter.kind)) {
    std::vector<std::string> kinds;
    for (EventKind kind : all_values<EventKind>()) kinds.emplace_back(to_string(kind));
    throw Error(Outcome::usage, "--kind must be observation, nudge, form or export, not '" + *filter.kind + "'" +
                                    maybe(nearest(*filter.kind, kinds).value_or("")));
  }
  if (filter.setting) {
    std::vector<std::string> ids;
    for (const auto& platform : builtin_rules()) {
      for (const auto& rule : platform.settings) ids.push_back(rule.id);
    }
    if (std::find(ids.begin(), ids.end(), *filter.setting) == ids.end()) {
      throw Error(Outcome::usage, "--setting '" + *filter.setting + "' is not a setting untrain knows" +
                                      maybe(nearest(*filter.setting, ids).value_or("")) +
                                      " (untrain status shows each setting's id in brackets)");
    }
  }
}

bool log_shows(const Event& e, const LogFilter& filter, bool& hidden_nudge) {
  hidden_nudge = false;
  if (filter.setting && e.setting != *filter.setting) return false;
  if (filter.kind) return e.kind == *filter.kind;
  if (!filter.all && e.kind == to_string(EventKind::nudge)) {
    hidden_nudge = true;
    return false;
  }
  return true;
}

std::string log_header(Zone zone) {
  return padded("seq", 6) + padded(zone == Zone::utc ? "time (UTC)" : "time (local)", 24) + padded("event", 22) +
         padded("setting", 18) + padded("value", 6) + padded("how", 16) + "account";
}

std::string log_line(const Event& e, Zone zone, const Palette& palette) {
  std::string value = e.value ? (*e.value ? "on" : "off") : "-";
  std::string what = shown(e.kind) + " " + shown(e.action);
  std::string value_cell = padded(value, 6);
  if (e.value) value_cell = palette.paint(value, *e.value ? Ink::bad : Ink::good) + value_cell.substr(value.size());
  return padded(std::to_string(e.seq), 6) + padded(second_in(e.time, zone), 24) + padded(what, 22) +
         padded(shown(e.setting), 18) + value_cell + padded(shown(e.source), 16) + shown(e.account);
}

std::string log_footer(std::int64_t shown_count, std::int64_t hidden_nudges, const LogFilter& filter) {
  bool filtered = !filter.range.empty() || filter.setting || filter.kind;
  std::string text;
  if (shown_count == 0) {
    text = filtered || hidden_nudges > 0 ? "no events match"
                                         : "no events yet: untrain records a setting when you open its "
                                           "LinkedIn page with the extension installed";
  } else {
    text = std::to_string(shown_count) + (shown_count == 1 ? " event" : " events");
  }
  if (hidden_nudges > 0) {
    text += " (" + std::to_string(hidden_nudges) + (hidden_nudges == 1 ? " nudge" : " nudges") +
            " not shown: --all shows them)";
  }
  return text;
}

}  // namespace untrain
