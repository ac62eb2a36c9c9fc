// Storage faults with the real binary over pipes: a database locked for long, a read-only one, a full
// disk and a damaged file each give storage_unavailable, keep the host serving and store nothing
// half-done; and the host, through a whole session, opens no socket.
//
// The read-only folder and the full disk are made in a private mount namespace (unshare --user
// --map-root-user --mount): a read-only bind mount of the test folder, and a 256 KiB tmpfs. That
// needs no root, changes nothing outside the host's own process, and gives the host the kernel's
// real EROFS and ENOSPC, where SQLite's max_page_count would only imitate a full disk.
#include <boost/process.hpp>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "../unit/temp_dir.h"
#include "export/verify.h"
#include "host_process.h"
#include "store/corrupt_database.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace bp = boost::process;
using nlohmann::json;

namespace {

const std::string kOrigin = "chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/";

json observe(int id, bool value,
             const std::string& url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement") {
  return {{"id", id},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", value},
          {"url", url},
          {"time", 1700000000000 + id},
          {"source", "page-load"}};
}

std::string run(const std::vector<std::string>& args, int* status = nullptr, std::string* err = nullptr) {
  bp::ipstream out, errors;
  bp::child child(std::string(UNTRAIN_BINARY), bp::args(args), bp::std_out > out, bp::std_err > errors);
  std::string text(std::istreambuf_iterator<char>(out), {});
  std::string error_text(std::istreambuf_iterator<char>(errors), {});
  child.wait();
  if (status) *status = child.exit_code();
  if (err) *err = error_text;
  return text;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::size_t event_count(const std::filesystem::path& db) { return untrain::Store::open(db).events().size(); }

}  // namespace

TEST_CASE("a database locked past the busy timeout is storage_unavailable; once free, the retry is stored",
          "[protocol][faults]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  HostProcess host(db, std::string(UNTRAIN_BINARY), {kOrigin}, {{"UNTRAIN_BUSY_TIMEOUT_MS", "300"}});
  REQUIRE(host.ask(observe(1, true))["ok"] == true);
  {
    untrain::sql::Database other(db.string());
    other.exec("BEGIN EXCLUSIVE");  // another program holds the write lock, and holds it
    auto start = std::chrono::steady_clock::now();
    auto reply = host.ask(observe(2, false));
    auto waited = std::chrono::steady_clock::now() - start;
    CHECK(reply["ok"] == false);
    CHECK(reply["id"] == 2);
    CHECK(reply["error"]["code"] == "storage_unavailable");
    CHECK(waited >= std::chrono::milliseconds(250));  // it did wait for the lock…
    CHECK(waited < std::chrono::seconds(5));          // …for the configured time, not the default 10 s
    CHECK(host.ask({{"id", 3}, {"type", "hello"}})["ok"] == true);
    other.exec("ROLLBACK");
  }
  auto retry = host.ask(observe(2, false));
  CHECK(retry["ok"] == true);
  CHECK(retry["result"]["seq"] == 2);  // nothing of the refused attempt was stored
  CHECK(host.finish() == 0);
  CHECK(event_count(db) == 2);
}

TEST_CASE("a read-only database folder is storage_unavailable, hello still answers, nothing changes",
          "[protocol][faults]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  {
    HostProcess seed(db);
    REQUIRE(seed.ask(observe(1, true))["ok"] == true);
    REQUIRE(seed.finish() == 0);
  }
  std::string before = read_all(db);
  // The folder is bind-mounted read-only over itself, for the host only.
  HostProcess host(db, "unshare",
                   {"--user", "--map-root-user", "--mount", "sh", "-c",
                    "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"", "sh",
                    dir.path().string(), UNTRAIN_BINARY, kOrigin},
                   {});
  REQUIRE(host.ask({{"id", 1}, {"type", "hello"}})["ok"] == true);
  for (int id : {2, 3}) {
    auto reply = host.ask(observe(id, false));
    CHECK(reply["error"]["code"] == "storage_unavailable");
    CHECK_THAT(reply["error"]["message"].get<std::string>(), Catch::Contains("Read-only"));
  }
  auto status = host.ask({{"id", 4}, {"type", "status"}, {"platform", "linkedin"}});
  CHECK((status["ok"] == true || status["error"]["code"] == "storage_unavailable"));
  CHECK(host.finish() == 0);
  CHECK(read_all(db) == before);
  CHECK(event_count(db) == 1);
}

TEST_CASE("a full disk is storage_unavailable; every acknowledged event is whole and nothing else was stored",
          "[protocol][faults]") {
  TempDir dir;
  auto full = dir.path() / "full";
  auto out = dir.path() / "out";
  std::filesystem::create_directories(full);
  std::filesystem::create_directories(out);
  // A 256 KiB tmpfs holds the database; when the host has exited, its files are copied out to be checked.
  HostProcess host(full / "untrain.db", "unshare",
                   {"--user", "--map-root-user", "--mount", "sh", "-c",
                    "mount -t tmpfs -o size=256k tmpfs \"$1\" || exit 90; dir=$1; out=$2; shift 2; \"$@\"; status=$?; "
                    "cp \"$dir\"/untrain.db* \"$out\"/; exit $status",
                    "sh", full.string(), out.string(), UNTRAIN_BINARY, kOrigin},
                   {});
  const std::string long_url =
      "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?" + std::string(1900, 'q');
  int acknowledged = 0;
  json refusal;
  for (int id = 1; id <= 400; ++id) {
    json reply = host.ask(observe(id, id % 2 == 0, long_url));
    if (reply["ok"] != true) {
      refusal = reply;
      break;
    }
    ++acknowledged;
  }
  REQUIRE(refusal.is_object());
  CHECK(refusal["error"]["code"] == "storage_unavailable");
  CHECK(acknowledged > 5);
  // Still serving: the next write fails the same way, hello still answers.
  CHECK(host.ask(observe(1000, true, long_url))["error"]["code"] == "storage_unavailable");
  CHECK(host.ask({{"id", 1001}, {"type", "hello"}})["ok"] == true);
  CHECK(host.finish() == 0);

  auto copy = out / "untrain.db";
  REQUIRE(std::filesystem::exists(copy));
  untrain::Store store = untrain::Store::open(copy);
  CHECK(untrain::verify_database(store).intact());
  CHECK(store.events().size() == static_cast<std::size_t>(acknowledged));
}

TEST_CASE("a damaged database: storage_unavailable, moved aside untouched, then a new trail; status and doctor say so",
          "[protocol][faults]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  std::string garbage =
      std::string("SQLite format 3\0", 16) + "this was a database once; it is not now." + std::string(4000, '\x17');
  { std::ofstream(db, std::ios::binary) << garbage; }

  HostProcess host(db);
  auto first = host.ask(observe(1, true));
  CHECK(first["error"]["code"] == "storage_unavailable");
  CHECK_THAT(first["error"]["message"].get<std::string>(), Catch::Contains("moved aside"));
  auto moved = untrain::moved_aside(db);
  REQUIRE(moved.size() == 1);
  CHECK(read_all(moved[0]) == garbage);  // never overwritten, never "repaired"

  // The extension's retry goes into a new database.
  auto retry = host.ask(observe(1, true));
  CHECK(retry["ok"] == true);
  CHECK(retry["result"]["seq"] == 1);
  CHECK(host.finish() == 0);
  CHECK(read_all(moved[0]) == garbage);

  int status = -1;
  auto printed = run({"status", "--db", db.string()}, &status);
  CHECK(status == 0);
  CHECK_THAT(printed, Catch::Contains("moved aside to " + moved[0].string()));

  auto doctor = json::parse(run({"doctor", "--json", "--db", db.string(), "--browser", "chromium", "--manifest-dir",
                                 (dir.path() / "manifests").string()},
                                &status));
  CHECK(status == 1);
  bool reported = false;
  for (const auto& section : doctor["sections"]) {
    for (const auto& check : section["checks"]) {
      if (check["check"] == "corrupt") {
        reported = true;
        CHECK(check["status"] == "problem");
        CHECK_THAT(check["message"].get<std::string>(), Catch::Contains(moved[0].string()));
      }
    }
  }
  CHECK(reported);
}

TEST_CASE("through a whole session (hello, observe, status, export) the host opens no socket", "[protocol][faults]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  auto trace = dir.path() / "strace.log";
  // LeakSanitizer cannot run under ptrace: in the asan build, leaks are left to the other tests.
  const char* asan = std::getenv("ASAN_OPTIONS");
  HostProcess host(db, "strace", {"-f", "-e", "trace=network", "-o", trace.string(), UNTRAIN_BINARY, kOrigin},
                   {{"ASAN_OPTIONS", std::string(asan ? asan : "") + ":detect_leaks=0"}});
  REQUIRE(host.ask({{"id", 1}, {"type", "hello"}})["ok"] == true);
  REQUIRE(host.ask(observe(2, true))["ok"] == true);
  REQUIRE(host.ask({{"id", 3}, {"type", "status"}, {"platform", "linkedin"}})["ok"] == true);
  REQUIRE(host.ask({{"id", 4}, {"type", "rules"}, {"platform", "linkedin"}})["ok"] == true);
  for (auto format : {"json", "html", "csv"}) {
    auto exported = host.ask({{"id", 5}, {"type", "export"}, {"format", format}});
    REQUIRE(exported["ok"] == true);
    CHECK(exported["result"]["done"] == true);
  }
  REQUIRE(host.finish() == 0);

  std::string log = read_all(trace);
  INFO(log);
  CHECK(log.find("socket(") == std::string::npos);
  CHECK(log.find("connect(") == std::string::npos);
  CHECK(log.find("bind(") == std::string::npos);
  CHECK(log.find("sendto(") == std::string::npos);
  // strace did watch: it logs the calls it traces and how each process ended.
  CHECK(log.find("exited with 0") != std::string::npos);
}
