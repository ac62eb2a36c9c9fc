// Colour only on a terminal, never with NO_COLOR set, for TERM=dumb or with --json; no colour codes otherwise.
#include "cli/colour.h"

#include <catch2/catch.hpp>

using namespace untrain;

TEST_CASE("colour is used on a terminal, and only there", "[cli][colour]") {
  CHECK(colour_wanted(true, nullptr, "xterm-256color", false));
  CHECK_FALSE(colour_wanted(false, nullptr, "xterm-256color", false));  // a file or a pipe
}

TEST_CASE("NO_COLOR set to anything, TERM=dumb and --json each turn colour off", "[cli][colour]") {
  CHECK_FALSE(colour_wanted(true, "1", "xterm", false));
  CHECK_FALSE(colour_wanted(true, "yes", nullptr, false));
  CHECK(colour_wanted(true, "", "xterm", false));  // no-color.org: an empty NO_COLOR is as if unset
  CHECK_FALSE(colour_wanted(true, nullptr, "dumb", false));
  CHECK_FALSE(colour_wanted(true, nullptr, "xterm", true));
}

TEST_CASE("a palette without colour leaves text exactly as it is", "[cli][colour]") {
  Palette plain(false);
  CHECK(plain.paint("Off (off)", Ink::good) == "Off (off)");
  Palette coloured(true);
  CHECK(coloured.paint("Off (off)", Ink::good) == "\x1b[32mOff (off)\x1b[0m");
  CHECK(coloured.paint("", Ink::bad).empty());
}

TEST_CASE("Off is green, any On red, and unknown, stale or a reported Off yellow", "[cli][colour]") {
  CHECK(verdict_ink("off") == Ink::good);
  CHECK(verdict_ink("on") == Ink::bad);
  CHECK(verdict_ink("on-by-default") == Ink::bad);
  CHECK(verdict_ink("on-reported") == Ink::bad);
  CHECK(verdict_ink("off-reported") == Ink::doubtful);
  CHECK(verdict_ink("unknown") == Ink::doubtful);
  CHECK(verdict_ink("stale") == Ink::doubtful);
}
