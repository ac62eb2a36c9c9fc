#include "export/json_export.h"

#include "core/clock.h"
#include "core/error.h"
#include "trail/json_text.h"

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

namespace {

void key(std::string& out, std::string_view name) {
  out += '"';
  out += name;
  out += "\":";
}

void text_or_null_member(std::string& out, std::string_view name, const std::string& text) {
  key(out, name);
  if (text.empty()) out += "null";
  else json_text::append_string(out, text);
  out += ',';
}

void bool_or_null_member(std::string& out, std::string_view name, const std::optional<bool>& value) {
  key(out, name);
  out += value ? (*value ? "true" : "false") : "null";
  out += ',';
}

void text_member(std::string& out, std::string_view name, const std::string& text) {
  key(out, name);
  json_text::append_string(out, text);
  out += ',';
}

void integer_member(std::string& out, std::string_view name, std::int64_t value) {
  key(out, name);
  json_text::append_integer(out, value);
  out += ',';
}

// Blocks of this size go to the stream at once: one write per block rather than per event.
constexpr std::size_t kBlock = 64 * 1024;

void flush_when_full(std::ostream& out, std::string& block) {
  if (block.size() < kBlock) return;
  out.write(block.data(), static_cast<std::streamsize>(block.size()));
  block.clear();
}

}  // namespace

void append_record(std::string& out, const Event& e) {
  out += '{';
  integer_member(out, "seq", e.seq);
  integer_member(out, "recorded", e.recorded);
  integer_member(out, "time", e.time);
  text_member(out, "kind", e.kind);
  text_member(out, "action", e.action);
  text_member(out, "source", e.source);
  text_member(out, "platform", e.platform);
  text_or_null_member(out, "account", e.account);
  text_or_null_member(out, "setting", e.setting);
  bool_or_null_member(out, "value", e.value);
  bool_or_null_member(out, "previous", e.previous);
  text_or_null_member(out, "url", e.url);
  text_or_null_member(out, "detail", e.detail);
  text_member(out, "untrain_version", e.untrain_version);
  text_member(out, "rules_version", e.rules_version);
  text_member(out, "prev_hash", e.prev_hash);
  text_member(out, "hash", e.hash);
  out.back() = '}';  // the last member's comma
}

namespace {

// A reader of the one layout append_record writes; every step is false at the first byte it does not expect.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool literal(std::string_view expected) {
    if (text_.substr(at_, expected.size()) != expected) return false;
    at_ += expected.size();
    return true;
  }

  // -?(0|[1-9][0-9]*), at most 18 digits: always an int64, as nlohmann reads it ("-0" is 0). A fraction or an
  // exponent makes the next literal fail.
  bool integer(std::int64_t& value) {
    bool negative = literal("-");
    std::size_t start = at_;
    std::int64_t magnitude = 0;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9')
      magnitude = magnitude * 10 + (text_[at_++] - '0');
    std::size_t digits = at_ - start;
    if (digits == 0 || digits > 18 || (digits > 1 && text_[start] == '0')) return false;
    value = negative ? -magnitude : magnitude;
    return true;
  }

  // A JSON string with its escapes decoded. Refuses what nlohmann refuses (control bytes, bad escapes, text that is
  // not UTF-8), and also \u escapes of surrogates, which it decodes in pairs: those go to the parser.
  bool string(std::string& value) {
    if (!literal("\"")) return false;
    value.clear();
    std::size_t run = at_;
    while (at_ < text_.size()) {
      auto c = static_cast<unsigned char>(text_[at_]);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        ++at_;
        continue;
      }
      if (c >= 0x80) {
        std::size_t length = json_text::utf8_sequence(text_, at_);
        if (length == 0) return false;
        at_ += length;
        continue;
      }
      value.append(text_.data() + run, at_ - run);
      if (c == '"') {
        ++at_;
        return true;
      }
      if (c != '\\' || at_ + 1 >= text_.size()) return false;
      char escaped = text_[at_ + 1];
      at_ += 2;
      switch (escaped) {
        case '"': value += '"'; break;
        case '\\': value += '\\'; break;
        case '/': value += '/'; break;
        case 'b': value += '\b'; break;
        case 'f': value += '\f'; break;
        case 'n': value += '\n'; break;
        case 'r': value += '\r'; break;
        case 't': value += '\t'; break;
        case 'u': {
          unsigned code = 0;
          for (int i = 0; i < 4; ++i, ++at_) {
            if (at_ >= text_.size()) return false;
            char h = text_[at_];
            unsigned digit = h >= '0' && h <= '9'   ? static_cast<unsigned>(h - '0')
                             : h >= 'a' && h <= 'f' ? static_cast<unsigned>(h - 'a' + 10)
                             : h >= 'A' && h <= 'F' ? static_cast<unsigned>(h - 'A' + 10)
                                                    : 16U;
            if (digit == 16) return false;
            code = code * 16 + digit;
          }
          if (code >= 0xD800 && code <= 0xDFFF) return false;
          if (code < 0x80) {
            value += static_cast<char>(code);
          } else if (code < 0x800) {
            value += static_cast<char>(0xC0 | (code >> 6));
            value += static_cast<char>(0x80 | (code & 0x3F));
          } else {
            value += static_cast<char>(0xE0 | (code >> 12));
            value += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            value += static_cast<char>(0x80 | (code & 0x3F));
          }
          break;
        }
        default: return false;
      }
      run = at_;
    }
    return false;  // no closing quote
  }

  // null, as record_json writes an empty text, or a string.
  bool string_or_null(std::string& value) {
    if (literal("null")) {
      value.clear();
      return true;
    }
    return string(value);
  }

  bool bool_or_null(std::optional<bool>& value) {
    if (literal("true")) value = true;
    else if (literal("false")) value = false;
    else if (literal("null")) value.reset();
    else return false;
    return true;
  }

  bool at_end() const { return at_ == text_.size(); }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<Event> read_record(std::string_view text) {
  Reader r(text);
  Event e;
  bool whole = r.literal("{\"seq\":") && r.integer(e.seq) && r.literal(",\"recorded\":") && r.integer(e.recorded) &&
               r.literal(",\"time\":") && r.integer(e.time) && r.literal(",\"kind\":") && r.string(e.kind) &&
               r.literal(",\"action\":") && r.string(e.action) && r.literal(",\"source\":") && r.string(e.source) &&
               r.literal(",\"platform\":") && r.string(e.platform) && r.literal(",\"account\":") &&
               r.string_or_null(e.account) && r.literal(",\"setting\":") && r.string_or_null(e.setting) &&
               r.literal(",\"value\":") && r.bool_or_null(e.value) && r.literal(",\"previous\":") &&
               r.bool_or_null(e.previous) && r.literal(",\"url\":") && r.string_or_null(e.url) &&
               r.literal(",\"detail\":") && r.string_or_null(e.detail) && r.literal(",\"untrain_version\":") &&
               r.string(e.untrain_version) && r.literal(",\"rules_version\":") && r.string(e.rules_version) &&
               r.literal(",\"prev_hash\":") && r.string(e.prev_hash) && r.literal(",\"hash\":") && r.string(e.hash) &&
               r.literal("}") && r.at_end();
  if (!whole) return std::nullopt;
  return e;
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
  block_.reserve(kBlock + 4096);
  block_ += "{\"export\":" + dump(header_json(header)) + ",\n\"events\":[";
}

void JsonExportWriter::add(const Event& event) {
  block_ += first_ ? "\n" : ",\n";
  append_record(block_, event);
  first_ = false;
  flush_when_full(out_, block_);
}

void JsonExportWriter::finish() {
  block_ += "\n]}\n";
  out_.write(block_.data(), static_cast<std::streamsize>(block_.size()));
  block_.clear();
}

NdjsonExportWriter::NdjsonExportWriter(std::ostream& out, const ExportHeader& header) : out_(out) {
  block_.reserve(kBlock + 4096);
  block_ += dump(ordered_json{{"export", header_json(header)}}) + '\n';
}

void NdjsonExportWriter::add(const Event& event) {
  append_record(block_, event);
  block_ += '\n';
  flush_when_full(out_, block_);
}

void NdjsonExportWriter::finish() {
  out_.write(block_.data(), static_cast<std::streamsize>(block_.size()));
  block_.clear();
}

}  // namespace untrain
