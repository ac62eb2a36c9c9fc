// The account id rule of docs/protocol.md, as the host applies it; the extension's tests hold its copy to the same
// examples.
#include "protocol/account_id.h"

#include <catch2/catch.hpp>
#include <string>

using namespace untrain;

TEST_CASE("an account id is LinkedIn's slug: 3 to 100 letters, digits and hyphens", "[account]") {
  for (const char* id : {"jane-doe", "abc", "Jane-Doe-1a2b3c", "123", "a-b"}) {
    INFO(id);
    CHECK(is_account_id(id));
  }
  CHECK(is_account_id(std::string(100, 'a')));
  for (std::string id :
       {std::string(""), std::string("ab"), std::string(101, 'a'), std::string("jane doe"), std::string("jane_doe"),
        std::string("jane.doe"), std::string("jane/doe"), std::string("jane\x1b[2Jdoe"), std::string("jane\ndoe")}) {
    INFO(id);
    CHECK_FALSE(is_account_id(id));
  }
}

TEST_CASE("a non-Latin slug is its UTF-8 percent-encoded, each character counting once", "[account]") {
  // 李明 and a hyphenated suffix, as LinkedIn's URLs spell it.
  CHECK(is_account_id("%E6%9D%8E%E6%98%8E-12345"));
  CHECK(is_account_id("%E6%9D%8E%E6%98%8E%E6%98%8E"));  // three characters, nine bytes once decoded
  CHECK(is_account_id("j%C3%B6rg"));                    // jörg: four characters
  CHECK(is_account_id("%F0%9F%98%80ab"));               // a 4-byte character, counted once (2 UTF-16 units)
  // 100 characters of three bytes each: 900 bytes on the wire, 100 characters by the rule.
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "%E6%9D%8E";
  CHECK(is_account_id(hundred));
  CHECK_FALSE(is_account_id(hundred + "a"));
  CHECK_FALSE(is_account_id("%E6%9D%8E%E6%98%8E"));  // two characters
}

TEST_CASE("an escape must be upper-case hex spelling a well-formed non-ASCII character", "[account]") {
  for (const char* id : {
           "%e6%9d%8e-abc",    // lower-case hex: a second spelling of the same account
           "jane%2Ddoe",       // an ASCII character escaped
           "abc%00",           // NUL
           "abc%1B",           // ESC
           "%C0%80abc",        // an overlong NUL
           "%ED%A0%80abc",     // a surrogate
           "%F4%90%80%80abc",  // past U+10FFFF
           "%E6%9Dabc",        // a character cut short
           "%80abc",           // a lone continuation byte
           "abc%",             // a lone percent sign
           "abc%4",            // half an escape
           "j\xC3\xB6rg",      // raw non-ASCII: the URL always escapes it
       }) {
    INFO(id);
    CHECK_FALSE(is_account_id(id));
  }
}
