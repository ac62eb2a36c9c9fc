// The audit trail under stress, with the real binary over pipes: hosts killed with SIGKILL at random
// moments, eight hosts appending at once, and a large export fetched in chunks.
#include <signal.h>

#include <atomic>
#include <boost/process.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <thread>

#include "../unit/temp_dir.h"
#include "export/verify.h"
#include "host_process.h"
#include "observe_request.h"
#include "protocol/frame.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace bp = boost::process;
using nlohmann::json;

namespace {

using protocol_frames::observe;

// `untrain verify --db` as a person runs it: its exit status and what it printed.
int verify_cli(const std::filesystem::path& db, std::string* text = nullptr) {
  bp::ipstream out;
  bp::child child(std::string(UNTRAIN_BINARY), bp::args({"verify", "--db", db.string()}), bp::std_out > out,
                  bp::std_err > bp::null);
  std::string printed(std::istreambuf_iterator<char>(out), {});
  child.wait();
  if (text) *text = printed;
  return child.exit_code();
}

std::string integrity(const std::filesystem::path& db) {
  untrain::sql::Database raw(db.string());
  auto stmt = raw.prepare("PRAGMA integrity_check");
  REQUIRE(stmt.step());
  return stmt.text(0);
}

}  // namespace

TEST_CASE("a host killed with SIGKILL at random moments never loses an acknowledged event", "[protocol][durability]") {
  std::signal(SIGPIPE, SIG_IGN);  // writing to a host that was just killed must fail, not kill the test
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  auto seed = std::random_device{}();
  INFO("random seed " << seed);
  std::mt19937 random(seed);
  constexpr int kTrials = 100;
  constexpr int kObservesPerTrial = 400;
  std::map<std::int64_t, std::int64_t> acknowledged;  // seq → the observation's time (unique per observe)
  int killed_mid_stream = 0;
  auto started = std::chrono::steady_clock::now();

  for (int trial = 0; trial < kTrials; ++trial) {
    HostProcess host(db);
    std::int64_t base = 1'700'000'000'000 + trial * 10'000;
    std::thread writer([&] {
      try {
        for (int i = 0; i < kObservesPerTrial; ++i) host.send(observe(i, base + i));
      } catch (const std::exception&) {
        // The host is gone: what it did not acknowledge was never promised.
      }
    });
    auto delay = std::chrono::microseconds(std::uniform_int_distribution<int>(0, 120'000)(random));
    std::thread killer([&] {
      std::this_thread::sleep_for(delay);
      host.kill_hard();
    });
    int acks = 0;
    while (auto body = host.receive_raw()) {
      json reply = json::parse(*body);
      REQUIRE(reply["ok"] == true);
      std::int64_t id = reply["id"];
      acknowledged[reply["result"]["seq"]] = base + id;
      ++acks;
    }
    killer.join();
    writer.join();
    host.discard_input();
    if (acks < kObservesPerTrial) ++killed_mid_stream;
  }
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  WARN(kTrials << " trials, " << killed_mid_stream << " killed mid-stream, " << acknowledged.size()
               << " acknowledged events, " << seconds << " s");
  CHECK(killed_mid_stream >= kTrials / 2);  // the test must really kill hosts while they work

  CHECK(integrity(db) == "ok");
  std::string report;
  CHECK(verify_cli(db, &report) == 0);
  INFO(report);
  auto store = untrain::Store::open(db);
  std::map<std::int64_t, std::int64_t> stored;
  store.for_each_event({}, [&](const untrain::Event& e) { stored[e.seq] = e.time; });
  for (const auto& [seq, time] : acknowledged) {
    INFO("acknowledged seq " << seq);
    REQUIRE(stored.count(seq) == 1);
    CHECK(stored[seq] == time);
  }
}

TEST_CASE("eight hosts appending 500 observations each at once make one valid chain of 4000 events",
          "[protocol][durability]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  constexpr int kHosts = 8;
  constexpr int kObserves = 500;
  std::atomic<int> errors{0};
  std::string first_error;  // the first refusal's reply, so that a failure says what went wrong
  std::vector<std::vector<std::int64_t>> seqs(kHosts);
  auto started = std::chrono::steady_clock::now();
  {
    // Started one by one (spawning is not thread-safe); each opens the brand-new database on its
    // first request, so all eight create and migrate it at once.
    std::vector<std::unique_ptr<HostProcess>> hosts;
    for (int h = 0; h < kHosts; ++h) hosts.push_back(std::make_unique<HostProcess>(db));
    std::vector<std::thread> clients;
    for (int h = 0; h < kHosts; ++h) {
      clients.emplace_back([&, h] {
        HostProcess& host = *hosts[h];
        for (int i = 0; i < kObserves; ++i) {
          json reply = host.ask(observe(i, 1'700'000'000'000 + h * 1000 + i));
          if (reply["ok"] != true) {
            if (errors++ == 0) first_error = reply.dump();
            continue;
          }
          seqs[h].push_back(reply["result"]["seq"]);
        }
        if (host.finish() != 0) ++errors;
      });
    }
    for (auto& client : clients) client.join();
  }
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  WARN(kHosts * kObserves << " observes from " << kHosts << " hosts in " << seconds << " s");
  INFO("first refusal: " << first_error);
  CHECK(errors == 0);

  std::set<std::int64_t> all;
  for (const auto& host_seqs : seqs) {
    CHECK(host_seqs.size() == kObserves);
    CHECK(std::is_sorted(host_seqs.begin(), host_seqs.end()));  // each host's events in the order it sent them
    all.insert(host_seqs.begin(), host_seqs.end());
  }
  CHECK(all.size() == kHosts * kObserves);
  CHECK(*all.begin() == 1);
  CHECK(*all.rbegin() == kHosts * kObserves);
  std::string report;
  CHECK(verify_cli(db, &report) == 0);
  CHECK_THAT(report, Catch::StartsWith("intact: 4000 events, seq 1 to 4000"));
  CHECK(integrity(db) == "ok");
}

TEST_CASE("an export over pipes arrives as frames under 1 MiB and reassembles into a file that verifies",
          "[protocol][export]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  // Long URLs with escapes and characters of every UTF-8 length, as a trail written before the host kept only the
  // setting's page holds them: chunk boundaries must not split an escape or a character.
  {
    auto store = untrain::Store::open(db);
    std::string long_url =
        "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?q=" + std::string(1800, 'x') +
        "é😀,\"\n";
    for (int i = 0; i < 800; ++i) {
      store.append({untrain::Observation{"linkedin", "jane-doe", "ai-training", i % 2 == 0, long_url,
                                         1'700'000'000'000 + i, untrain::ObservationSource::page_load}},
                   1'700'000'000'000 + i);
    }
  }
  HostProcess host(db);

  host.send({{"id", "e1"}, {"type", "export"}, {"format", "json"}});
  std::string text;
  int frames = 0;
  for (;;) {
    auto body = host.receive_raw();
    REQUIRE(body);
    CHECK(body->size() <= untrain::kMaxFrame);
    ++frames;
    json reply = json::parse(*body);
    REQUIRE(reply["ok"] == true);
    text += reply["result"]["chunk"].get<std::string>();
    if (reply["result"]["done"] == true) break;
    host.send({{"id", "e2"},
               {"type", "export-chunk"},
               {"export", reply["result"]["export"]},
               {"offset", reply["result"]["next"]}});
  }
  CHECK(frames >= 3);
  std::istringstream in(text);
  auto report = untrain::verify_export(in);
  CHECK(report.intact());
  CHECK(report.events == 800);
  host.close_input();
  CHECK(host.wait_exit() == 0);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().rfind("untrain-export-", 0) != 0);
  }
}

TEST_CASE("verify and export on the command line: exit statuses and a file a third party can check",
          "[protocol][export]") {
  TempDir dir;
  auto db = dir.path() / "untrain.db";
  {
    HostProcess host(db);
    for (int i = 0; i < 5; ++i) REQUIRE(host.ask(observe(i, 1'700'000'000'000 + i))["ok"] == true);
  }
  auto run = [&](std::vector<std::string> args) {
    bp::child child(std::string(UNTRAIN_BINARY), bp::args(args), bp::std_out > bp::null, bp::std_err > bp::null);
    child.wait();
    return child.exit_code();
  };
  auto file = (dir.path() / "trail.ndjson").string();
  CHECK(run({"export", "--db", db.string(), "--format", "ndjson", "-o", file}) == 0);
  CHECK(run({"verify", "--file", file}) == 0);
  CHECK(run({"export", "--db", db.string(), "--format", "pdf"}) == 2);
  CHECK(run({"export", "--db", db.string(), "--since", "last week"}) == 2);

  {  // an edited export fails with 1
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto at = text.find("\"value\":false");
    REQUIRE(at != std::string::npos);
    text.replace(at, 13, "\"value\":true");
    std::ofstream(file, std::ios::trunc) << text;
  }
  CHECK(run({"verify", "--file", file}) == 1);
  std::ofstream(file, std::ios::trunc) << "this is not an export";
  CHECK(run({"verify", "--file", file}) == 3);
}
