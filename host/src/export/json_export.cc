#include "export/json_export.h"

#include "core/clock.h"
#include "core/error.h"

namespace untrain {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// Every string in the log was valid UTF-8 when it was stored; strict dumping keeps the bytes exact.
std::string dump(const ordered_json& value) { return value.dump(-1, ' ', false, json::error_handler_t::strict); }

ordered_json text_or_null(const std::string& text) { return text.empty() ? ordered_json(nullptr) : ordered_json(text); }
ordered_json bool_or_null(const std::optional<bool>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json time_or_null(const std::optional<std::int64_t>& ms) {
  return ms ? ordered_json(format_utc(*ms)) : ordered_json(nullptr);
}

[[noreturn]] void malformed(const std::string& what) { throw Error(Code::bad_json, "not an untrain export: " + what); }

const json& member(const json& object, const char* name, const std::string& where) {
  if (!object.is_object()) malformed(where + " must be a JSON object");
  auto it = object.find(name);
  if (it == object.end()) malformed(where + " has no field '" + name + "'");
  return *it;
}

std::int64_t integer(const json& object, const char* name, const std::string& where) {
  const json& v = member(object, name, where);
  if (!v.is_number_integer()) malformed(where + ": field '" + name + "' must be an integer");
  return v.get<std::int64_t>();
}

std::string text(const json& object, const char* name, const std::string& where, bool nullable = false) {
  const json& v = member(object, name, where);
  if (nullable && v.is_null()) return "";
  if (!v.is_string()) malformed(where + ": field '" + name + "' must be a string" + (nullable ? " or null" : ""));
  return v.get<std::string>();
}

std::optional<bool> optional_bool(const json& object, const char* name, const std::string& where) {
  const json& v = member(object, name, where);
  if (v.is_null()) return std::nullopt;
  if (!v.is_boolean()) malformed(where + ": field '" + name + "' must be true, false or null");
  return v.get<bool>();
}

std::optional<std::int64_t> optional_time(const json& object, const char* name, const std::string& where) {
  const json& v = member(object, name, where);
  if (v.is_null()) return std::nullopt;
  if (!v.is_string()) malformed(where + ": field '" + name + "' must be a UTC time or null");
  return parse_utc(v.get<std::string>()).ms;
}

}  // namespace

ordered_json header_json(const ExportHeader& h) {
  ordered_json range = {{"since", time_or_null(h.filter.since)},
                        {"until", time_or_null(h.filter.until)},
                        {"account", h.filter.account ? ordered_json(*h.filter.account) : ordered_json(nullptr)}};
  // Only when it filters, so that exports of every kind read as they did before kinds could be left out.
  if (!h.filter.kinds.empty()) {
    range["kinds"] = ordered_json::array();
    for (EventKind kind : h.filter.kinds) range["kinds"].push_back(to_string(kind));
  }
  return {{"format", "untrain audit trail"},
          {"format_version", 1},
          {"exported", format_utc(h.exported_ms)},
          {"untrain_version", h.untrain_version},
          {"complete", h.complete},
          {"range", range},
          {"events", h.events},
          {"chain_head", {{"seq", h.chain.seq}, {"hash", h.chain.hash}}},
          {"verify", "untrain verify --file THIS-FILE (docs/audit-trail.md says how to check it by hand)"}};
}

ExportHeader header_from_json(const json& j) {
  const std::string where = "the export header";
  if (text(j, "format", where) != "untrain audit trail")
    malformed("the header's format is not \"untrain audit trail\"");
  if (integer(j, "format_version", where) != 1) malformed("the header's format_version is not 1");
  ExportHeader h;
  h.exported_ms = parse_utc(text(j, "exported", where)).ms;
  h.untrain_version = text(j, "untrain_version", where);
  const json& complete = member(j, "complete", where);
  if (!complete.is_boolean()) malformed(where + ": field 'complete' must be true or false");
  h.complete = complete.get<bool>();
  const json& range = member(j, "range", where);
  h.filter.since = optional_time(range, "since", "the header's range");
  h.filter.until = optional_time(range, "until", "the header's range");
  std::string account = text(range, "account", "the header's range", true);
  if (!account.empty()) h.filter.account = account;
  if (range.is_object() && range.contains("kinds") && !range["kinds"].is_null()) {
    const json& kinds = range["kinds"];
    if (!kinds.is_array() || kinds.empty())
      malformed("the header's range: field 'kinds' must be a list of event kinds");
    for (const json& kind : kinds) {
      auto parsed = kind.is_string() ? parse<EventKind>(kind.get<std::string>()) : std::nullopt;
      if (!parsed) malformed("the header's range: field 'kinds' must hold observation, nudge, form or export");
      h.filter.kinds.push_back(*parsed);
    }
  }
  h.events = integer(j, "events", where);
  const json& head = member(j, "chain_head", where);
  h.chain.seq = integer(head, "seq", "the header's chain_head");
  h.chain.hash = text(head, "hash", "the header's chain_head");
  return h;
}

ordered_json record_json(const Event& e) {
  return {{"seq", e.seq},
          {"recorded", e.recorded},
          {"time", e.time},
          {"kind", e.kind},
          {"action", e.action},
          {"source", e.source},
          {"platform", e.platform},
          {"account", text_or_null(e.account)},
          {"setting", text_or_null(e.setting)},
          {"value", bool_or_null(e.value)},
          {"previous", bool_or_null(e.previous)},
          {"url", text_or_null(e.url)},
          {"detail", text_or_null(e.detail)},
          {"untrain_version", e.untrain_version},
          {"rules_version", e.rules_version},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

Event event_from_record(const json& r) {
  std::string where = "an event";
  if (r.is_object() && r.contains("seq") && r["seq"].is_number_integer()) {
    where = "the event with seq " + std::to_string(r["seq"].get<std::int64_t>());
  }
  Event e;
  e.seq = integer(r, "seq", where);
  e.recorded = integer(r, "recorded", where);
  e.time = integer(r, "time", where);
  e.kind = text(r, "kind", where);
  e.action = text(r, "action", where);
  e.source = text(r, "source", where);
  e.platform = text(r, "platform", where);
  e.account = text(r, "account", where, true);
  e.setting = text(r, "setting", where, true);
  e.value = optional_bool(r, "value", where);
  e.previous = optional_bool(r, "previous", where);
  e.url = text(r, "url", where, true);
  e.detail = text(r, "detail", where, true);
  e.untrain_version = text(r, "untrain_version", where);
  e.rules_version = text(r, "rules_version", where);
  e.prev_hash = text(r, "prev_hash", where);
  e.hash = text(r, "hash", where);
  return e;
}

JsonExportWriter::JsonExportWriter(std::ostream& out, const ExportHeader& header) : out_(out) {
  out_ << "{\"export\":" << dump(header_json(header)) << ",\n\"events\":[";
}

void JsonExportWriter::add(const Event& event) {
  out_ << (first_ ? "\n" : ",\n") << dump(record_json(event));
  first_ = false;
}

void JsonExportWriter::finish() { out_ << "\n]}\n"; }

NdjsonExportWriter::NdjsonExportWriter(std::ostream& out, const ExportHeader& header) : out_(out) {
  out_ << dump(ordered_json{{"export", header_json(header)}}) << '\n';
}

void NdjsonExportWriter::add(const Event& event) { out_ << dump(record_json(event)) << '\n'; }

}  // namespace untrain
