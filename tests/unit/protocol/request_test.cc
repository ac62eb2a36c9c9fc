#include "protocol/request.h"

#include <catch2/catch.hpp>
#include <set>

#include "core/error.h"

using namespace untrain;
using nlohmann::json;

namespace {

json valid_observe() {
  return {{"id", 2},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", true},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"time", 1795903200000},
          {"source", "page-load"}};
}

std::pair<Code, std::string> failure(const json& message) {
  try {
    validate_request(message);
  } catch (const Error& e) {
    return {e.code(), e.what()};
  }
  return {Code::internal, "no error"};
}

}  // namespace

TEST_CASE("a frame that is not a JSON object is bad_json", "[request]") {
  for (std::string frame : {"", "{", "[1,2]", "42", "\"text\"", "{\"a\":\"\xff\"}", "{} {}"}) {
    INFO(frame);
    try {
      parse_frame(frame);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == Code::bad_json);
    }
  }
}

TEST_CASE("hello needs only an id and a type", "[request]") {
  auto request = validate_request({{"id", "a"}, {"type", "hello"}});
  CHECK(request.id == "a");
  CHECK(std::holds_alternative<HelloRequest>(request.body));
}

TEST_CASE("a valid observe becomes an observation", "[request]") {
  auto request = validate_request(valid_observe());
  REQUIRE(std::holds_alternative<ObserveRequest>(request.body));
  const auto& o = std::get<ObserveRequest>(request.body).observation;
  CHECK(o.platform == "linkedin");
  CHECK(o.account == std::optional<std::string>("jane-doe"));
  CHECK(o.setting == "ai-training");
  CHECK(o.value);
  CHECK(o.time_ms == 1795903200000);
  CHECK(o.source == ObservationSource::page_load);
}

TEST_CASE("an observe may carry the member's own report, kept apart from untrain's readings", "[request]") {
  auto message = valid_observe();
  message["source"] = "member-reported";
  auto request = validate_request(message);
  const auto& o = std::get<ObserveRequest>(request.body).observation;
  CHECK(o.source == ObservationSource::member_reported);
  CHECK_FALSE(is_verified(o.source));
  for (auto source : {ObservationSource::page_load, ObservationSource::user_change, ObservationSource::assisted}) {
    CHECK(is_verified(source));
  }
}

TEST_CASE("an observe whose account is null has no account", "[request]") {
  auto message = valid_observe();
  message["account"] = nullptr;
  // A copy: a reference into the temporary request would dangle (AddressSanitizer says so).
  auto o = std::get<ObserveRequest>(validate_request(message).body).observation;
  CHECK_FALSE(o.account.has_value());
}

TEST_CASE("each invalid observe field is refused with bad_request naming the field", "[request]") {
  struct Case {
    const char* field;
    json value;  // null json with remove=true means "leave it out"
    bool remove;
  };
  std::vector<Case> cases = {
      {"platform", nullptr, true},
      {"platform", "LinkedIn", false},
      {"platform", 3, false},
      {"account", nullptr, true},
      {"account", 42, false},
      {"account", "", false},
      {"setting", nullptr, true},
      {"setting", "ai training", false},
      {"value", nullptr, true},
      {"value", "true", false},
      {"value", 1, false},
      {"url", nullptr, true},
      {"url", "http://example.com", false},
      {"url", std::string(2049, 'a'), false},
      {"time", nullptr, true},
      {"time", "now", false},
      {"time", -1, false},
      {"time", 1.5, false},
      {"source", nullptr, true},
      {"source", "script", false},
  };
  for (const auto& c : cases) {
    auto message = valid_observe();
    if (c.remove) {
      message.erase(c.field);
    } else {
      message[c.field] = c.value;
    }
    INFO(message.dump());
    auto [code, text] = failure(message);
    CHECK(code == Code::bad_request);
    CHECK_THAT(text, Catch::Contains(std::string("'") + c.field + "'"));
  }
}

TEST_CASE("a request without a usable id is bad_request", "[request]") {
  CHECK(failure({{"type", "hello"}}).first == Code::bad_request);
  CHECK(failure({{"id", json::array()}, {"type", "hello"}}).first == Code::bad_request);
  CHECK(failure({{"id", std::string(65, 'x')}, {"type", "hello"}}).first == Code::bad_request);
  CHECK(request_id({{"id", json::object()}}).is_null());
  CHECK(request_id({{"id", 7}}) == 7);
}

TEST_CASE("an unknown type is unknown_type, a missing type is bad_request", "[request]") {
  CHECK(failure({{"id", 1}, {"type", "delete-everything"}}).first == Code::unknown_type);
  CHECK(failure({{"id", 1}}).first == Code::bad_request);
  CHECK(failure({{"id", 1}, {"type", 5}}).first == Code::bad_request);
}

TEST_CASE("status takes a platform and an optional account", "[request]") {
  auto request = validate_request({{"id", 3}, {"type", "status"}, {"platform", "linkedin"}});
  const auto& status = std::get<StatusRequest>(request.body);
  CHECK(status.platform == "linkedin");
  CHECK_FALSE(status.account.has_value());
  CHECK(failure({{"id", 3}, {"type", "status"}}).first == Code::bad_request);
}

namespace {

json valid_nudge() {
  return {{"id", 5},
          {"type", "nudge"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"action", "snoozed"},
          {"source", "banner"},
          {"verdict", "on-by-default"},
          {"until", 1795989600000},
          {"url", "https://www.linkedin.com/feed/"},
          {"time", 1795903200000}};
}

json valid_form() {
  return {{"id", 6},
          {"type", "form"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"form", "objection-form"},
          {"sent_on", "2026-11-28"},
          {"source", "popup"},
          {"time", 1795903200000}};
}

// Each case changes one field of `valid` (or removes it) and must be refused with bad_request naming it.
void check_refusals(const json& valid, const std::vector<std::pair<const char*, json>>& changes,
                    const std::vector<const char*>& required) {
  for (const auto& [name, value] : changes) {
    auto message = valid;
    message[name] = value;
    INFO(message.dump());
    auto [code, text] = failure(message);
    CHECK(code == Code::bad_request);
    CHECK_THAT(text, Catch::Contains(std::string("'") + name + "'"));
  }
  for (const char* name : required) {
    auto message = valid;
    message.erase(name);
    INFO(message.dump());
    auto [code, text] = failure(message);
    CHECK(code == Code::bad_request);
    CHECK_THAT(text, Catch::Contains(std::string("'") + name + "'"));
  }
}

}  // namespace

TEST_CASE("status accepts a stale threshold of 1 to 3650 days", "[request]") {
  json message = {{"id", 3}, {"type", "status"}, {"platform", "linkedin"}, {"stale_after_days", 7}};
  CHECK(std::get<StatusRequest>(validate_request(message).body).stale_after_days == std::optional<int>(7));
  message["stale_after_days"] = nullptr;
  CHECK_FALSE(std::get<StatusRequest>(validate_request(message).body).stale_after_days.has_value());
  for (json bad : {json(0), json(3651), json(1.5), json("30"), json(-1)}) {
    message["stale_after_days"] = bad;
    INFO(bad.dump());
    CHECK(failure(message).first == Code::bad_request);
  }
}

TEST_CASE("rules takes a platform", "[request]") {
  auto request = validate_request({{"id", 4}, {"type", "rules"}, {"platform", "linkedin"}});
  CHECK(std::get<RulesRequest>(request.body).platform == "linkedin");
  CHECK(failure({{"id", 4}, {"type", "rules"}}).first == Code::bad_request);
}

TEST_CASE("a valid nudge becomes a nudge report", "[request]") {
  auto request = validate_request(valid_nudge());
  const auto& n = std::get<NudgeRequest>(request.body).nudge;
  CHECK(n.account == std::optional<std::string>("jane-doe"));
  CHECK(n.setting == "ai-training");
  CHECK(n.action == NudgeAction::snoozed);
  CHECK(n.source == NudgeSource::banner);
  CHECK(n.verdict == "on-by-default");
  CHECK(n.until == std::optional<std::int64_t>(1795989600000));
  CHECK(n.url == "https://www.linkedin.com/feed/");
  CHECK(n.time_ms == 1795903200000);
}

TEST_CASE("a nudge other than a snooze needs no until, and the url may be left out", "[request]") {
  auto message = valid_nudge();
  message["action"] = "dismissed";
  message.erase("until");
  message.erase("url");
  auto request = validate_request(message);
  const auto& n = std::get<NudgeRequest>(request.body).nudge;
  CHECK_FALSE(n.until.has_value());
  CHECK(n.url.empty());
}

TEST_CASE("a nudge may show the verdicts of a member's report", "[request]") {
  for (const char* verdict : {"off-reported", "on-reported"}) {
    auto message = valid_nudge();
    message["verdict"] = verdict;
    CHECK(std::get<NudgeRequest>(validate_request(message).body).nudge.verdict == verdict);
  }
}

TEST_CASE("each invalid nudge field is refused with bad_request naming the field", "[request]") {
  check_refusals(valid_nudge(),
                 {{"action", "closed"},
                  {"action", 1},
                  {"source", "page"},
                  {"verdict", "maybe"},
                  {"verdict", nullptr},
                  {"until", 1795903200000},
                  {"until", "tomorrow"},
                  {"url", "http://x"},
                  {"time", -5},
                  {"setting", "AI"},
                  {"account", ""}},
                 {"platform", "account", "setting", "action", "source", "verdict", "until", "time"});
}

TEST_CASE("a valid form becomes a form report", "[request]") {
  auto request = validate_request(valid_form());
  const auto& f = std::get<FormRequest>(request.body).form;
  CHECK(f.form == "objection-form");
  CHECK(f.sent_on == "2026-11-28");
  CHECK(f.source == NudgeSource::popup);
  CHECK(f.url.empty());
}

TEST_CASE("each invalid form field is refused with bad_request naming the field", "[request]") {
  check_refusals(valid_form(),
                 {{"sent_on", "2026-02-30"},
                  {"sent_on", "28.11.2026"},
                  {"sent_on", 20261128},
                  {"form", "Objection"},
                  {"source", "member"},
                  {"url", "ftp://x"},
                  {"time", "now"}},
                 {"platform", "account", "form", "sent_on", "source", "time"});
}

TEST_CASE("account, url and time are refused in the same words by every request type that has them", "[request]") {
  const std::vector<std::pair<const char*, json>> bad = {{"account", ""}, {"account", 42}, {"url", "http://x"},
                                                         {"url", 7},      {"time", -1},    {"time", "now"}};
  for (const auto& [name, value] : bad) {
    std::set<std::string> messages;
    for (json message : {valid_observe(), valid_nudge(), valid_form()}) {
      message[name] = value;
      auto [code, text] = failure(message);
      CHECK(code == Code::bad_request);
      messages.insert(text);
    }
    INFO(name << " = " << value.dump());
    CHECK(messages.size() == 1);
  }
}

TEST_CASE("a word the protocol does not know is refused with the words it does", "[request]") {
  auto observe = valid_observe();
  observe["source"] = "script";
  CHECK(failure(observe).second ==
        R"(field 'source' must be "page-load", "user-change", "assisted" or "member-reported")");
  auto nudge = valid_nudge();
  nudge["action"] = "closed";
  CHECK(failure(nudge).second == R"(field 'action' must be "shown", "clicked", "snoozed", "dismissed" or "undone")");
  nudge = valid_nudge();
  nudge["source"] = "page";
  CHECK(failure(nudge).second == R"(field 'source' must be "banner", "callout" or "popup")");
  json exporter = {{"id", 7}, {"type", "export"}, {"format", "pdf"}};
  CHECK(failure(exporter).second == R"(field 'format' must be "html", "json", "csv" or "ndjson")");
  exporter["format"] = "ndjson";
  CHECK(std::get<ExportRequest>(validate_request(exporter).body).format == ExportFormat::ndjson);
}

TEST_CASE("an undo is a nudge that needs no until, and keeps none that is sent", "[request]") {
  auto message = valid_nudge();
  message["action"] = "undone";
  message["source"] = "popup";
  auto request = validate_request(message);
  const auto& n = std::get<NudgeRequest>(request.body).nudge;
  CHECK(n.action == NudgeAction::undone);
  CHECK(n.source == NudgeSource::popup);
  CHECK_FALSE(n.until.has_value());
  message.erase("until");
  CHECK(std::get<NudgeRequest>(validate_request(message).body).nudge.action == NudgeAction::undone);
  message["action"] = "resumed";
  CHECK(failure(message).first == Code::bad_request);
}
