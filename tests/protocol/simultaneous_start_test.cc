// Many hosts started at the same moment, as a browser with many windows starts them: each opens the trail on its
// first request, and every one of them must be able to write, whether the trail is new, has no write-ahead log, or was
// just closed by the hosts before them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "../unit/temp_dir.h"
#include "host_process.h"
#include "observe_request.h"
#include "store/sqlite.h"
#include "store/store.h"

using nlohmann::json;

namespace {

constexpr int kHosts = 16;
// The moments that matter (one host creating the write-ahead log while another opens it) last microseconds: each
// test starts its sixteen hosts this many times.
constexpr int kRounds = 30;

using protocol_frames::observe;

struct Round {
  int committed = 0;
  std::string first_refusal;  // the first error reply, so that a failure says what went wrong
};

// Starts kHosts hosts on `db`, then sends each its first request before reading any reply, so that all of them open
// the trail at once; waits until every one has exited.
Round start_at_once(const std::filesystem::path& db, std::int64_t time) {
  Round round;
  std::vector<std::unique_ptr<HostProcess>> hosts;
  for (int h = 0; h < kHosts; ++h) hosts.push_back(std::make_unique<HostProcess>(db));
  for (int h = 0; h < kHosts; ++h) hosts[h]->send(observe(h, time + h));
  for (int h = 0; h < kHosts; ++h) {
    json reply = hosts[h]->receive();
    if (reply["ok"] == true) ++round.committed;
    else if (round.first_refusal.empty()) round.first_refusal = reply.dump();
  }
  for (auto& host : hosts) host->finish();
  return round;
}

std::int64_t events_in(const std::filesystem::path& db) { return untrain::Store::open_for_reading(db).count({}); }

}  // namespace

TEST_CASE("sixteen hosts starting at once on a new trail each commit their observation", "[protocol][concurrency]") {
  for (int r = 0; r < kRounds; ++r) {
    TempDir dir;
    auto db = dir.path() / "untrain.db";
    Round round = start_at_once(db, 1'700'000'000'000 + r * 100);
    INFO("round " << r << ", first refusal: " << round.first_refusal);
    REQUIRE(round.committed == kHosts);
    REQUIRE(events_in(db) == kHosts);
  }
}

TEST_CASE("sixteen hosts starting at once on a trail without its write-ahead log each commit their observation",
          "[protocol][concurrency]") {
  for (int r = 0; r < kRounds; ++r) {
    TempDir dir;
    auto db = dir.path() / "untrain.db";
    untrain::Store::open(db).append(
        {untrain::Observation{"linkedin", "jane-doe", "ai-training", true, "https://x.test/", 1'600'000'000'000,
                              untrain::ObservationSource::page_load}},
        1'600'000'000'000);
    // A connection that checkpoints when it closes (SQLite's default; the sqlite3 shell, an older untrain) folds the
    // log into the file and deletes it: the next hosts find none and create it.
    untrain::sql::Database(db.string()).exec("SELECT count(*) FROM events");
    REQUIRE_FALSE(std::filesystem::exists(db.string() + "-wal"));
    Round round = start_at_once(db, 1'700'000'000'000 + r * 100);
    INFO("round " << r << ", first refusal: " << round.first_refusal);
    REQUIRE(round.committed == kHosts);
    REQUIRE(events_in(db) == kHosts + 1);
  }
}

TEST_CASE(
    "sixteen hosts starting at once on a trail the sixteen before them have just closed each commit their "
    "observation",
    "[protocol][concurrency]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  for (int r = 0; r < kRounds; ++r) {
    Round round = start_at_once(db, 1'700'000'000'000 + r * 100);
    INFO("round " << r << ", first refusal: " << round.first_refusal);
    REQUIRE(round.committed == kHosts);
  }
  REQUIRE(events_in(db) == kHosts * kRounds);
}
