// The error type: wire codes exactly as docs/protocol.md lists them, and problems of the process
// alone kept out of replies but given the outcome the process ends with.
#include "core/error.h"

#include <catch2/catch.hpp>

#include "doc_table.h"

using namespace untrain;

TEST_CASE("the wire codes are exactly those docs/protocol.md lists, by the same names, in order", "[error][docs]") {
  auto rows = doc_table("protocol.md", "## Errors");
  std::vector<std::string> documented;
  for (const auto& row : rows) documented.push_back(row.at(0));
  std::vector<std::string> codes;
  for (Code code : all_values<Code>()) codes.emplace_back(code_name(code));
  CHECK(codes == documented);
}

TEST_CASE("a wire code ends the process with the outcome of the command line's statuses", "[error]") {
  CHECK(Error(Code::bad_json, "x").outcome() == Outcome::bad_input);
  CHECK(Error(Code::storage_unavailable, "x").outcome() == Outcome::storage);
  CHECK(Error(Code::frame_too_large, "x").outcome() == Outcome::frame_too_large);
  for (Code code : {Code::bad_request, Code::unknown_type, Code::unknown_setting, Code::reply_too_large, Code::internal,
                    Code::unknown_form}) {
    INFO(code_name(code));
    CHECK(Error(code, "x").outcome() == Outcome::failed);
  }
}

TEST_CASE("a problem of the process alone has no wire code of its own: in a reply it would be internal", "[error]") {
  for (Outcome outcome : {Outcome::usage, Outcome::io, Outcome::truncated_frame}) {
    Error e(outcome, "the message");
    CHECK(e.outcome() == outcome);
    CHECK(e.code() == Code::internal);
    CHECK(std::string(e.what()) == "the message");
  }
}

TEST_CASE("code names read back as the code they name", "[error]") {
  for (Code code : all_values<Code>()) CHECK(parse<Code>(code_name(code)) == code);
  for (auto gone : {"usage", "io", "frame_truncated", "Bad_json"}) CHECK_FALSE(parse<Code>(gone).has_value());
}
