// What the command line prints cannot be taken over by a value: a crafted account, hash or path is shown escaped
// in `log`, `status`, `verify`, `doctor` and the error line, never as controls a terminal would obey.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"

using namespace untrain;

namespace {

// ESC sequences (clear the screen, retitle the window), a C1 CSI, a right-to-left override and a line break.
const std::string kHostile =
    "jane\x1b[2J\x1b]0;owned\x07\xc2\x9b"
    "31m\xe2\x80\xae"
    "eod\nforged line";

struct Printed {
  int status = 0;
  std::string out, err;
};

Printed run(std::vector<std::string> args) {
  args.insert(args.begin(), "untrain");
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  int status = run_cli(args);
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  return {status, out.str(), err.str()};
}

void check_harmless(const std::string& text) {
  INFO(text);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.find("\xc2\x9b") == std::string::npos);
  CHECK(text.find("\xe2\x80\xae") == std::string::npos);
  CHECK(text.find("\nforged line") == std::string::npos);
}

Record seen(const std::string& account, std::int64_t time) {
  Observation o;
  o.platform = "linkedin";
  o.account = account;
  o.setting = "ai-training";
  o.value = true;
  o.url = "https://www.linkedin.com/x";
  o.time_ms = time;
  o.source = ObservationSource::page_load;
  return {o, "0.1.0", "2026-11-28"};
}

}  // namespace

TEST_CASE("log and status print a crafted account escaped, one line per event", "[cli][terminal]") {
  TempDir dir;
  auto db = (dir.path() / "untrain.db").string();
  {
    Store store = Store::open(db);
    store.append(seen(kHostile, 1000), 2000);  // written past the protocol's check, as an editor of the file could
    store.append(seen("jane-doe", 1001), 2001);
  }
  auto log = run({"log", "--db", db});
  CHECK(log.status == 0);
  check_harmless(log.out);
  CHECK(std::count(log.out.begin(), log.out.end(), '\n') == 4);  // the header, one line per event, the count
  CHECK_THAT(log.out, Catch::Contains("jane\\x1B[2J\\x1B]0;owned\\x07\\u009B31m\\u202Eeod\\x0Aforged line"));
  auto status = run({"status", "--db", db});
  check_harmless(status.out + status.err);
}

TEST_CASE("verify prints a crafted hash from an export file escaped", "[cli][terminal]") {
  TempDir dir;
  auto file = dir.path() / "export.ndjson";
  std::ofstream(file)
      << R"({"export":{"format":"untrain audit trail","format_version":1,"exported":"2026-11-28T23:54:27.357Z","untrain_version":"0.1.0","complete":true,"range":{"since":null,"until":null,"account":null},"events":0,"chain_head":{"seq":0,"hash":"\u001b[2J\u001b]0;owned\u0007\u202e"}}})"
      << "\n";
  auto verify = run({"verify", "--file", file.string()});
  CHECK(verify.status != 0);
  check_harmless(verify.out + verify.err);
}

TEST_CASE("an error naming a crafted file name prints it escaped", "[cli][terminal]") {
  TempDir dir;
  auto missing = dir.path() / kHostile;
  auto verify = run({"verify", "--file", missing.string()});
  CHECK(verify.status != 0);
  CHECK_FALSE(verify.err.empty());
  check_harmless(verify.out + verify.err);
}

TEST_CASE("doctor prints a crafted database path escaped", "[cli][terminal]") {
  TempDir dir;
  auto folder = dir.path() / "evil\x1b]0;owned\x07\xe2\x80\xae";
  std::filesystem::create_directories(folder);
  auto db = (folder / "untrain.db").string();
  { Store store = Store::open(db); }
  std::filesystem::create_directories(dir.path() / "hosts");
  auto doctor = run({"doctor", "--db", db, "--browser", "chromium", "--manifest-dir", (dir.path() / "hosts").string()});
  CHECK_THAT(doctor.out, Catch::Contains("evil\\x1B]0;owned\\x07\\u202E"));
  check_harmless(doctor.out + doctor.err);
}
