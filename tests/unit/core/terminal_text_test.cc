// What may reach a terminal from a value, and how each control is shown instead.
#include "core/terminal_text.h"

#include <catch2/catch.hpp>

using namespace untrain;

TEST_CASE("plain text, non-Latin text and emoji are printed as they are", "[terminal]") {
  CHECK(terminal_safe("jane-doe 2026-11-28T10:00:00.000Z") == "jane-doe 2026-11-28T10:00:00.000Z");
  CHECK(terminal_safe("李明 jörg 😀") == "李明 jörg 😀");
  CHECK(terminal_safe("") == "");
}

TEST_CASE("C0 controls, DEL and line breaks are escaped as \\xNN", "[terminal]") {
  CHECK(terminal_safe("a\x1b[2Jb") == "a\\x1B[2Jb");
  CHECK(terminal_safe(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(terminal_safe("a\x07\x7f") == "a\\x07\\x7F");
  CHECK(terminal_safe("line\nforged\r") == "line\\x0Aforged\\x0D");
  CHECK(terminal_safe("line\nnext\x1b", /*keep_line_breaks=*/true) == "line\nnext\\x1B");
}

TEST_CASE("C1 controls and bidi marks, overrides and isolates are escaped as \\uNNNN", "[terminal]") {
  CHECK(terminal_safe("a\xc2\x9b"
                      "31m") == "a\\u009B31m");  // CSI, as some terminals take it
  CHECK(terminal_safe("a\xc2\x85") == "a\\u0085");
  CHECK(terminal_safe("evil\xe2\x80\xae"
                      "fdp.exe") == "evil\\u202Efdp.exe");
  for (const char* mark : {"\xd8\x9c", "\xe2\x80\x8e", "\xe2\x80\x8f", "\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac",
                           "\xe2\x80\xad", "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9"}) {
    INFO(mark);
    CHECK(terminal_safe(mark).rfind("\\u", 0) == 0);
  }
  CHECK(terminal_safe("\xc2\xa0") == "\xc2\xa0");  // a no-break space is text
}

TEST_CASE("bytes that are not UTF-8 are escaped one by one", "[terminal]") {
  CHECK(terminal_safe("a\xff") == "a\\xFF");
  CHECK(terminal_safe("\xc0\x80") == "\\xC0\\x80");           // overlong NUL
  CHECK(terminal_safe("\xe2\x80") == "\\xE2\\x80");           // cut short
  CHECK(terminal_safe("\xed\xa0\x80") == "\\xED\\xA0\\x80");  // a surrogate
}
