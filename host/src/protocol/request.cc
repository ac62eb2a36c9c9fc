#include "protocol/request.h"

#include <algorithm>

#include "core/error.h"
#include "protocol/account_id.h"
#include "protocol/request_limits.h"

namespace untrain {
namespace {

using nlohmann::json;

bool is_id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// The field helpers: every request type reads its fields through these, so that a field of one
// name is checked, and refused, the same way wherever it appears.

const json& field(const json& message, const char* name) {
  auto it = message.find(name);
  if (it == message.end()) throw Error(Code::bad_request, std::string("field '") + name + "' is missing");
  return *it;
}

bool absent_or_null(const json& message, const char* name) {
  auto it = message.find(name);
  return it == message.end() || it->is_null();
}

std::string string_field(const json& message, const char* name, std::size_t max_length) {
  const json& value = field(message, name);
  if (!value.is_string()) throw Error(Code::bad_request, std::string("field '") + name + "' must be a string");
  const auto& text = value.get_ref<const std::string&>();
  if (text.empty() || text.size() > max_length) {
    throw Error(Code::bad_request,
                std::string("field '") + name + "' must be 1 to " + std::to_string(max_length) + " characters");
  }
  return text;
}

std::string slug_field(const json& message, const char* name, std::size_t max_length) {
  std::string text = string_field(message, name, max_length);
  if (!std::all_of(text.begin(), text.end(), is_id_char)) {
    throw Error(Code::bad_request, std::string("field '") + name + "' may hold only a-z, 0-9 and '-'");
  }
  return text;
}

// One of the enum's names (trail/vocabulary.h); the refusal lists them all.
template <NamedEnum E>
E word_field(const json& message, const char* name, std::size_t max_length) {
  std::string text = string_field(message, name, max_length);
  if (auto value = parse<E>(text)) return *value;
  std::string expected;
  const auto& names = EnumNames<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) expected += i + 1 == names.size() ? " or " : ", ";
    expected.append("\"").append(names[i]).append("\"");
  }
  throw Error(Code::bad_request, std::string("field '") + name + "' must be " + expected);
}

// A profile id as LinkedIn's URL spells it (docs/protocol.md, "The account id"): plain ASCII, so that no account
// can carry a control or bidi character into the trail, and the same rule the extension applies before sending.
std::string account_id(const json& message) {
  const json& value = field(message, "account");
  if (!value.is_string() || !is_account_id(value.get_ref<const std::string&>())) {
    throw Error(Code::bad_request,
                "field 'account' must be null or a LinkedIn profile id: 3 to 100 letters, digits, '-' or "
                "percent-encoded (upper-case hex) UTF-8 characters");
  }
  return value.get<std::string>();
}

// The member's public profile id: may be null (the page did not show it) but must be there.
std::optional<std::string> account_field(const json& message) {
  field(message, "account");
  if (absent_or_null(message, "account")) return std::nullopt;
  return account_id(message);
}

std::optional<std::string> optional_account(const json& message) {
  if (absent_or_null(message, "account")) return std::nullopt;
  return account_id(message);
}

std::string https_url_field(const json& message) {
  std::string url = string_field(message, "url", 2048);
  if (url.rfind("https://", 0) != 0) throw Error(Code::bad_request, "field 'url' must start with https://");
  return url;
}

// Absent or null is "no page".
std::string optional_https_url(const json& message) {
  return absent_or_null(message, "url") ? "" : https_url_field(message);
}

std::int64_t time_field(const json& message, const char* name) {
  const json& time = field(message, name);
  if (!time.is_number_integer() || time.get<std::int64_t>() < 0) {
    throw Error(Code::bad_request,
                std::string("field '") + name + "' must be a non-negative integer (ms since the epoch)");
  }
  return time.get<std::int64_t>();
}

std::optional<std::int64_t> optional_time(const json& message, const char* name) {
  if (absent_or_null(message, name)) return std::nullopt;
  const json& time = message.at(name);
  if (!time.is_number_integer() || time.get<std::int64_t>() < 0) {
    throw Error(Code::bad_request,
                std::string("field '") + name + "' must be null or a non-negative integer (ms since the epoch)");
  }
  return time.get<std::int64_t>();
}

// The request types that have fields beyond a platform, one function each.

ObserveRequest validate_observe(const json& message) {
  Observation o;
  o.platform = slug_field(message, "platform", 32);
  o.account = account_field(message);
  o.setting = slug_field(message, "setting", 64);
  const json& value = field(message, "value");
  if (!value.is_boolean()) throw Error(Code::bad_request, "field 'value' must be true or false");
  o.value = value.get<bool>();
  o.url = https_url_field(message);
  o.time_ms = time_field(message, "time");
  o.source = word_field<ObservationSource>(message, "source", 32);
  return ObserveRequest{std::move(o)};
}

StatusRequest validate_status(const json& message) {
  StatusRequest request{slug_field(message, "platform", 32), optional_account(message), std::nullopt};
  if (!absent_or_null(message, "stale_after_days")) {
    const json& days = message.at("stale_after_days");
    if (!days.is_number_integer() || days.get<std::int64_t>() < 1 || days.get<std::int64_t>() > 3650) {
      throw Error(Code::bad_request, "field 'stale_after_days' must be an integer from 1 to 3650");
    }
    request.stale_after_days = days.get<int>();
  }
  return request;
}

NudgeRequest validate_nudge(const json& message) {
  Nudge n;
  n.platform = slug_field(message, "platform", 32);
  n.account = account_field(message);
  n.setting = slug_field(message, "setting", 64);
  n.action = word_field<NudgeAction>(message, "action", 32);
  n.source = word_field<NudgeSource>(message, "source", 32);
  n.verdict = string_field(message, "verdict", 32);
  if (!verdict_from_name(n.verdict)) {
    throw Error(Code::bad_request,
                "field 'verdict' must be one of unknown, stale, off, on-by-default, on, off-reported, on-reported");
  }
  n.url = optional_https_url(message);
  n.time_ms = time_field(message, "time");
  if (n.action == NudgeAction::snoozed) {
    n.until = time_field(message, "until");
    if (*n.until <= n.time_ms) throw Error(Code::bad_request, "field 'until' must be later than 'time'");
  }
  return NudgeRequest{std::move(n)};
}

FormRequest validate_form(const json& message) {
  FormReport f;
  f.platform = slug_field(message, "platform", 32);
  f.account = account_field(message);
  f.form = slug_field(message, "form", 64);
  f.sent_on = string_field(message, "sent_on", 10);
  if (!is_calendar_date(f.sent_on))
    throw Error(Code::bad_request, "field 'sent_on' must be a calendar date YYYY-MM-DD");
  f.source = word_field<NudgeSource>(message, "source", 32);
  f.url = optional_https_url(message);
  f.time_ms = time_field(message, "time");
  return FormRequest{std::move(f)};
}

ExportRequest validate_export(const json& message) {
  ExportRequest request;
  request.format = word_field<ExportFormat>(message, "format", 16);
  request.filter.since = optional_time(message, "since");
  request.filter.until = optional_time(message, "until");
  request.filter.account = optional_account(message);
  if (!absent_or_null(message, "kinds")) {
    const json& kinds = message.at("kinds");
    constexpr const char* kWhat = "field 'kinds' must be a list of one to four of observation, nudge, form, export";
    if (!kinds.is_array() || kinds.empty() || kinds.size() > 4) throw Error(Code::bad_request, kWhat);
    for (const json& kind : kinds) {
      auto parsed = kind.is_string() ? parse<EventKind>(kind.get<std::string>()) : std::nullopt;
      if (!parsed) throw Error(Code::bad_request, kWhat);
      auto& kept = request.filter.kinds;
      if (std::find(kept.begin(), kept.end(), *parsed) == kept.end()) kept.push_back(*parsed);
    }
  }
  // Absent or null is English; any other value must be one of the report's languages.
  if (!absent_or_null(message, "lang")) request.lang = word_field<Lang>(message, "lang", 8);
  return request;
}

ExportChunkRequest validate_export_chunk(const json& message) {
  ExportChunkRequest request{slug_field(message, "export", 64)};
  const json& offset = field(message, "offset");
  if (!offset.is_number_integer() || offset.get<std::int64_t>() < 0) {
    throw Error(Code::bad_request, "field 'offset' must be a non-negative integer");
  }
  request.offset = offset.get<std::int64_t>();
  return request;
}

}  // namespace

json parse_frame(std::string_view frame) {
  check_request_limits(frame);
  json message = json::parse(frame, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) throw Error(Code::bad_json, "the frame is not valid UTF-8 JSON");
  if (!message.is_object()) throw Error(Code::bad_json, "the frame must hold a JSON object");
  return message;
}

json request_id(const json& message) {
  auto it = message.find("id");
  if (it == message.end()) return nullptr;
  if (it->is_number_integer()) return *it;
  if (it->is_string() && it->get_ref<const std::string&>().size() <= 64) return *it;
  return nullptr;
}

Request validate_request(const json& message) {
  if (!message.contains("id")) throw Error(Code::bad_request, "field 'id' is missing");
  json id = request_id(message);
  if (id.is_null())
    throw Error(Code::bad_request, "field 'id' must be an integer or a string of at most 64 characters");
  const json& type = field(message, "type");
  if (!type.is_string()) throw Error(Code::bad_request, "field 'type' must be a string");
  const auto& name = type.get_ref<const std::string&>();
  if (name == "hello") return {id, HelloRequest{}};
  if (name == "observe") return {id, validate_observe(message)};
  if (name == "status") return {id, validate_status(message)};
  if (name == "export") return {id, validate_export(message)};
  if (name == "export-chunk") return {id, validate_export_chunk(message)};
  if (name == "rules") return {id, RulesRequest{slug_field(message, "platform", 32)}};
  if (name == "nudge") return {id, validate_nudge(message)};
  if (name == "form") return {id, validate_form(message)};
  throw Error(Code::unknown_type, "unknown request type '" + name.substr(0, 64) + "'");
}

}  // namespace untrain
