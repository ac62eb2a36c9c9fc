#include "core/paths.h"

#include <catch2/catch.hpp>
#include <map>

using namespace untrain;

namespace {

Environment env(std::map<std::string, std::string> values) {
  return [values](const char* name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace

TEST_CASE("the --db option wins over every environment variable", "[paths]") {
  CHECK(database_path("/x/a.db", env({{"UNTRAIN_DB", "/y/b.db"}, {"HOME", "/home/j"}})) == "/x/a.db");
}

TEST_CASE("UNTRAIN_DB comes next, then XDG_DATA_HOME, then HOME", "[paths][posix]") {
  CHECK(database_path(std::nullopt, env({{"UNTRAIN_DB", "/y/b.db"}, {"XDG_DATA_HOME", "/d"}})) == "/y/b.db");
  CHECK(database_path(std::nullopt, env({{"XDG_DATA_HOME", "/d"}, {"HOME", "/home/j"}})) == "/d/untrain/untrain.db");
  CHECK(database_path(std::nullopt, env({{"HOME", "/home/j"}})) == "/home/j/.local/share/untrain/untrain.db");
}

TEST_CASE("a relative XDG_DATA_HOME is ignored, as the XDG spec says", "[paths][posix]") {
  CHECK(database_path(std::nullopt, env({{"XDG_DATA_HOME", "data"}, {"HOME", "/home/j"}})) ==
        "/home/j/.local/share/untrain/untrain.db");
}

TEST_CASE("with no HOME and nothing else there is no database path", "[paths]") {
  CHECK_THROWS(database_path(std::nullopt, env({})));
}
