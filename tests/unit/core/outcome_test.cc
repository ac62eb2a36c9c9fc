// How untrain's runs end: one exit status per outcome, the same for the host and the command line,
// and the same in docs/protocol.md and docs/cli.md as in the code.
#include "core/outcome.h"

#include <catch2/catch.hpp>

#include "doc_table.h"

using namespace untrain;

TEST_CASE("every outcome has one exit status: 0 ok, 1 the answer is no, 2 the command line, 3 a file, 4 storage",
          "[outcome]") {
  const std::vector<std::pair<Outcome, int>> table = {
      {Outcome::ok, 0},
      {Outcome::no, 1},
      {Outcome::failed, 1},
      {Outcome::usage, 2},
      {Outcome::bad_input, 3},
      {Outcome::io, 3},
      {Outcome::frame_too_large, 3},
      {Outcome::truncated_frame, 3},
      {Outcome::storage, 4},
      {Outcome::forbidden_caller, 5},
  };
  REQUIRE(table.size() == all_values<Outcome>().size());
  for (auto [outcome, status] : table) {
    INFO(to_string(outcome));
    CHECK(exit_status(outcome) == status);
  }
}

TEST_CASE("docs/protocol.md and docs/cli.md print the exit-status table of the code", "[outcome][docs]") {
  for (const char* file : {"protocol.md", "cli.md"}) {
    INFO(file);
    auto rows = doc_table(file, "## Exit status");
    REQUIRE(rows.size() == all_values<Outcome>().size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      INFO("row " << i + 1);
      REQUIRE(rows[i].size() >= 2);
      Outcome outcome = all_values<Outcome>()[i];  // in the enum's order, so that docs and code read alike
      CHECK(rows[i][1] == to_string(outcome));
      CHECK(rows[i][0] == std::to_string(exit_status(outcome)));
    }
  }
}

TEST_CASE("outcome names read back as the outcome they name", "[outcome]") {
  for (Outcome outcome : all_values<Outcome>()) CHECK(parse<Outcome>(to_string(outcome)) == outcome);
  CHECK_FALSE(parse<Outcome>("OK").has_value());
  CHECK_FALSE(parse<Outcome>("").has_value());
}
