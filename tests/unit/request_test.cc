#include "request.h"

#include <catch2/catch.hpp>

#include "error.h"

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
  CHECK(o.source == "page-load");
}

TEST_CASE("an observe whose account is null has no account", "[request]") {
  auto message = valid_observe();
  message["account"] = nullptr;
  const auto& o = std::get<ObserveRequest>(validate_request(message).body).observation;
  CHECK_FALSE(o.account.has_value());
}

TEST_CASE("each invalid observe field is refused with bad_request naming the field", "[request]") {
  struct Case {
    const char* field;
    json value;  // null json with remove=true means "leave it out"
    bool remove;
  };
  std::vector<Case> cases = {
      {"platform", nullptr, true},        {"platform", "LinkedIn", false},   {"platform", 3, false},
      {"account", nullptr, true},         {"account", 42, false},            {"account", "", false},
      {"setting", nullptr, true},         {"setting", "ai training", false}, {"value", nullptr, true},
      {"value", "true", false},           {"value", 1, false},               {"url", nullptr, true},
      {"url", "http://example.com", false}, {"url", std::string(2049, 'a'), false},
      {"time", nullptr, true},            {"time", "now", false},            {"time", -1, false},
      {"time", 1.5, false},               {"source", nullptr, true},         {"source", "script", false},
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
