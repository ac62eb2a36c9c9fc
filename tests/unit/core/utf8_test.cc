// core/utf8.h on both systems (the same file runs under Wine as part of unit_core.exe): a path made from UTF-8 text
// gives the same text back, whatever the ANSI code page, and a name outside ASCII is one name, not bytes.
#include "core/utf8.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "temp_dir.h"

using namespace untrain;

namespace {

// é, 中 and 😀: two, three and four bytes in UTF-8, the last outside the Basic Multilingual Plane (a UTF-16 pair).
const std::string kName = "x-\xC3\xA9-\xE4\xB8\xAD-\xF0\x9F\x98\x80.db";

}  // namespace

TEST_CASE("a path made from UTF-8 gives the same UTF-8 back", "[utf8]") {
  auto path = path_from_utf8(kName);
  CHECK(utf8_of(path) == kName);
  CHECK(path.u8string() == u8"x-\u00e9-\u4e2d-\U0001F600.db");
  CHECK(utf8_of(path.extension()) == ".db");
  CHECK(utf8_of(path.stem()) == "x-\xC3\xA9-\xE4\xB8\xAD-\xF0\x9F\x98\x80");
  CHECK(utf8_of(path_from_utf8("")).empty());
}

TEST_CASE("a folder and file named outside ASCII are made, found and listed by those names", "[utf8]") {
  TempDir tmp;
  auto folder = tmp.path() / path_from_utf8("Jos\xC3\xA9");
  std::filesystem::create_directories(folder);
  auto file = folder / path_from_utf8(kName);
  { std::ofstream(file) << "ok"; }
  REQUIRE(std::filesystem::exists(path_from_utf8(utf8_of(folder) + "/" + kName)));
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(utf8_of(entry.path().filename()));
  CHECK(names == std::vector<std::string>{kName});
}

TEST_CASE("an unset or empty variable is nullopt", "[utf8]") {
  CHECK_FALSE(getenv_utf8("UNTRAIN_TEST_SURELY_NOT_SET_4F2A").has_value());
}
