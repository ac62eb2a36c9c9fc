// The limits a request frame is held to before it is parsed (docs/protocol.md, "Limits").
#include "protocol/request_limits.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "protocol/request.h"

using namespace untrain;

namespace {

Code refusal(const std::string& frame) {
  try {
    check_request_limits(frame);
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("accepted: " << frame.substr(0, 80));
  return Code::internal;
}

std::string nested(std::size_t depth, char open, char close) {
  return std::string(depth, open) + std::string(depth, close);
}

}  // namespace

TEST_CASE("nesting up to the limit is accepted, one level more is bad_request", "[limits]") {
  CHECK_NOTHROW(check_request_limits(nested(kMaxDepth, '[', ']')));
  CHECK(refusal(nested(kMaxDepth + 1, '[', ']')) == Code::bad_request);
}

TEST_CASE("100,000 nested arrays are refused without recursion", "[limits]") {
  CHECK(refusal(nested(100000, '[', ']')) == Code::bad_request);
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(100000, '}');
  CHECK(refusal(objects) == Code::bad_request);
}

TEST_CASE("a string or key longer than the limit is bad_request", "[limits]") {
  CHECK_NOTHROW(check_request_limits("{\"url\":\"" + std::string(kMaxString, 'a') + "\"}"));
  CHECK(refusal("{\"url\":\"" + std::string(kMaxString + 1, 'a') + "\"}") == Code::bad_request);
  CHECK(refusal("{\"" + std::string(kMaxString + 1, 'k') + "\":1}") == Code::bad_request);
}

TEST_CASE("an object with more members than the limit is bad_request", "[limits]") {
  auto object = [](std::size_t members) {
    std::string text = "{";
    for (std::size_t i = 0; i < members; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    return text + "}";
  };
  CHECK_NOTHROW(check_request_limits(object(kMaxMembers)));
  CHECK(refusal(object(kMaxMembers + 1)) == Code::bad_request);
}

TEST_CASE("more values in all than the limit is bad_request", "[limits]") {
  std::string array = "{\"a\":[0";
  for (std::size_t i = 1; i < kMaxValues; ++i) array += ",0";
  CHECK(refusal(array + "]}") == Code::bad_request);
}

TEST_CASE("a key that appears twice in one object is bad_request, in different objects it is fine", "[limits]") {
  CHECK(refusal(R"({"id":1,"type":"hello","id":2})") == Code::bad_request);
  CHECK(refusal(R"({"a":{"b":1,"b":1}})") == Code::bad_request);
  CHECK_NOTHROW(check_request_limits(R"({"a":{"b":1},"c":{"b":1}})"));
}

TEST_CASE("invalid UTF-8, a lone surrogate, a byte order mark and trailing bytes are bad_json", "[limits]") {
  CHECK(refusal("{\"a\":\"\xff\"}") == Code::bad_json);
  CHECK(refusal("{\"a\":\"\xc0\xaf\"}") == Code::bad_json);      // overlong '/'
  CHECK(refusal("{\"a\":\"\xed\xa0\x80\"}") == Code::bad_json);  // a surrogate, encoded
  CHECK(refusal(R"({"a":"\ud800"})") == Code::bad_json);
  CHECK(refusal("\xEF\xBB\xBF{\"id\":1,\"type\":\"hello\"}") == Code::bad_json);
  CHECK(refusal(R"({"id":1,"type":"hello"} x)") == Code::bad_json);
  CHECK(refusal(R"({"id":1}{"id":2})") == Code::bad_json);
  CHECK(refusal("") == Code::bad_json);
  CHECK(refusal("{\"a\":NaN}") == Code::bad_json);
  CHECK(refusal("{/*c*/\"a\":1}") == Code::bad_json);
}

TEST_CASE("parse_frame applies the limits before building the document", "[limits]") {
  CHECK_THROWS_AS(parse_frame(nested(100000, '[', ']')), Error);
  CHECK(parse_frame(R"({"id":1,"type":"hello"})")["type"] == "hello");
  try {
    parse_frame(R"({"id":1,"type":"hello","type":"observe"})");
    FAIL("a duplicate key was accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Code::bad_request);
    CHECK_THAT(e.what(), Catch::Contains("'type'"));
  }
}
