// The command line's "did you mean" hints: which known command or option a slip most likely meant.
#include "cli/nearest.h"

#include <catch2/catch.hpp>

using namespace untrain;

namespace {
const std::vector<std::string> kCommands = {"status", "log",    "install", "uninstall",
                                            "doctor", "verify", "export",  "help"};
}

TEST_CASE("the edit distance counts a swap of two neighbouring characters as one edit", "[cli][nearest]") {
  CHECK(edit_distance("status", "status") == 0);
  CHECK(edit_distance("stauts", "status") == 1);
  CHECK(edit_distance("--jsn", "--json") == 1);
  CHECK(edit_distance("statsu", "status") == 1);
  CHECK(edit_distance("", "log") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("a mistyped command suggests the command it most likely meant", "[cli][nearest]") {
  CHECK(nearest("stauts", kCommands) == "status");
  CHECK(nearest("lgo", kCommands) == "log");
  CHECK(nearest("verfy", kCommands) == "verify");
  CHECK(nearest("exprot", kCommands) == "export");
  CHECK(nearest("doctr", kCommands) == "doctor");
  CHECK(nearest("instal", kCommands) == "install");
}

TEST_CASE("a mistyped option suggests the option it most likely meant", "[cli][nearest]") {
  const std::vector<std::string> options = {"--db", "--json", "--help", "--utc", "--all"};
  CHECK(nearest("--jsn", options) == "--json");
  CHECK(nearest("--josn", options) == "--json");
  CHECK(nearest("--hlep", options) == "--help");
}

TEST_CASE("the start of exactly one known word suggests that word", "[cli][nearest]") {
  CHECK(nearest("stat", kCommands) == "status");
  CHECK(nearest("doc", kCommands) == "doctor");
  CHECK_FALSE(nearest("s", kCommands).has_value());  // one letter is no evidence
}

TEST_CASE("a word close to nothing known suggests nothing", "[cli][nearest]") {
  CHECK_FALSE(nearest("frobnicate", kCommands).has_value());
  CHECK_FALSE(nearest("xyz", kCommands).has_value());
  CHECK_FALSE(nearest("--", {"--db"}).has_value());
  CHECK_FALSE(nearest("", kCommands).has_value());
}
