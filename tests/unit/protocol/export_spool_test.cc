// Exports through the protocol: chunks that each fit in a reply, never split inside a character,
// reassemble into a file that verifies; temporary files do not outlive the export or the session.
#include <catch2/catch.hpp>
#include <sstream>

#include "export/verify.h"
#include "protocol/frame.h"
#include "protocol/session.h"
#include "protocol/text_chunk.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "temp_dir.h"
#include "trail/canonical.h"

using namespace untrain;
using nlohmann::json;

namespace {

struct Host {
  TempDir dir;
  std::optional<Store> store;
  std::optional<ExportSpool> spool{std::in_place};
  StoreAccess access = [this]() -> Store& {
    if (!store) store.emplace(Store::open(dir.path() / "untrain.db"));
    return *store;
  };
  std::string ask_raw(const json& request) { return answer(request.dump(), access, &*spool); }
  json ask(const json& request) { return json::parse(ask_raw(request)); }

  // Fills the log with n valid events whose URLs are `url`, in one transaction (fast to set up).
  void fill(int n, const std::string& url) {
    access();
    sql::Database db((dir.path() / "untrain.db").string());
    sql::write_transaction(db, [&] {
      std::string prev(kGenesisHash);
      for (int i = 1; i <= n; ++i) {
        Event e{i,
                1000 + i,
                1000 + i,
                "observation",
                i == 1 ? "first-seen" : "check",
                "page-load",
                "linkedin",
                "jane-doe",
                "ai-training",
                true,
                i == 1 ? std::nullopt : std::optional<bool>(true),
                url,
                "",
                "0.1.0",
                "2026-11-28",
                prev,
                ""};
        e.hash = chain_hash(prev, e);
        prev = e.hash;
        auto insert = db.prepare("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (i == 1) {
          insert.bind_null(11);
        } else {
          insert.bind(11, std::int64_t{1});
        }
        insert.bind(1, e.seq)
            .bind(2, e.recorded)
            .bind(3, e.time)
            .bind(4, e.kind)
            .bind(5, e.action)
            .bind(6, e.source)
            .bind(7, e.platform)
            .bind(8, e.account)
            .bind(9, e.setting)
            .bind(10, std::int64_t{1})
            .bind(12, e.url)
            .bind(13, e.detail)
            .bind(14, e.untrain_version)
            .bind(15, e.rules_version)
            .bind(16, e.prev_hash)
            .bind(17, e.hash)
            .run();
      }
    });
  }

  std::vector<std::filesystem::path> export_files() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      if (entry.path().filename().string().rfind("untrain-export-", 0) == 0) files.push_back(entry.path());
    }
    return files;
  }

  // Fetches a whole export chunk by chunk; checks every reply's size on the way.
  std::string fetch(const std::string& format, int* chunks = nullptr) {
    std::string raw = ask_raw({{"id", 1}, {"type", "export"}, {"format", format}});
    json reply = json::parse(raw);
    REQUIRE(reply["ok"] == true);
    std::string text;
    int count = 0;
    for (;;) {
      CHECK(raw.size() <= kMaxFrame);
      const json& r = reply["result"];
      CHECK(r["offset"].get<std::size_t>() == text.size());
      CHECK(r["chunk"].get<std::string>().size() <= ExportSpool::kMaxChunk);
      text += r["chunk"].get<std::string>();
      ++count;
      if (r["done"] == true) break;
      raw = ask_raw({{"id", 2}, {"type", "export-chunk"}, {"export", r["export"]}, {"offset", r["next"]}});
      reply = json::parse(raw);
      REQUIRE(reply["ok"] == true);
    }
    if (chunks) *chunks = count;
    return text;
  }
};

}  // namespace

TEST_CASE("a chunk never ends inside a UTF-8 character", "[export][chunk]") {
  std::string text = "aé€😀";  // 1, 2, 3 and 4 bytes
  CHECK(chunk_end(text, 0, 1, 100) == 1);
  CHECK(chunk_end(text, 0, 2, 100) == 1);  // é would be cut
  CHECK(chunk_end(text, 0, 3, 100) == 3);
  CHECK(chunk_end(text, 0, 5, 100) == 3);
  CHECK(chunk_end(text, 0, 6, 100) == 6);
  CHECK(chunk_end(text, 6, 3, 100) == 6);  // cannot hold the emoji: an empty chunk, not half of one
  CHECK(chunk_end(text, 6, 4, 100) == 10);
}

TEST_CASE("a chunk stops where its JSON escaping would pass the budget", "[export][chunk]") {
  std::string text = std::string("ab") + "\x01\x01" + "\"";
  CHECK(json_escaped_size('a') == 1);
  CHECK(json_escaped_size('"') == 2);
  CHECK(json_escaped_size('\n') == 2);
  CHECK(json_escaped_size(0x01) == 6);
  CHECK(chunk_end(text, 0, 100, 8) == 3);   // a b \u0001 = 8
  CHECK(chunk_end(text, 0, 100, 16) == 5);  // + \u0001 \" = 16
}

TEST_CASE("a large export comes in chunks under 1 MiB that reassemble into a file that verifies", "[export][chunk]") {
  Host host;
  host.fill(700, "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?é=" +
                     std::string(1900, 'x') + "😀");
  int chunks = 0;
  std::string text = host.fetch("json", &chunks);
  CHECK(chunks >= 3);
  std::istringstream in(text);
  auto report = verify_export(in);
  CHECK(report.intact());
  CHECK(report.events == 700);
  CHECK(host.export_files().empty());  // deleted once the last chunk was sent
}

TEST_CASE("text that grows six-fold when escaped still fits each reply", "[export][chunk]") {
  Host host;
  host.fill(300, "https://www.linkedin.com/?" + std::string(2000, '\x01') + "ü");
  int chunks = 0;
  std::string csv = host.fetch("csv", &chunks);
  CHECK(chunks >= 3);
  CHECK(csv.find(std::string(2000, '\x01') + "ü") != std::string::npos);
}

TEST_CASE("a finished or unknown export handle and an offset inside a character are refused", "[export][chunk]") {
  Host host;
  host.fill(3, "https://www.linkedin.com/é");
  json first = host.ask({{"id", 1}, {"type", "export"}, {"format", "json"}});
  REQUIRE(first["result"]["done"] == true);
  json again = host.ask({{"id", 2}, {"type", "export-chunk"}, {"export", first["result"]["export"]}, {"offset", 0}});
  CHECK(again["error"]["code"] == "bad_request");

  {
    Host large;
    large.fill(400, "https://www.linkedin.com/" + std::string(2000, 'e') + "é");
    json start = large.ask({{"id", 1}, {"type", "export"}, {"format", "csv"}});
    REQUIRE(start["result"]["done"] == false);
    std::string chunk = start["result"]["chunk"];
    std::size_t inside = chunk.find("é") + 1;
    json bad =
        large.ask({{"id", 3}, {"type", "export-chunk"}, {"export", start["result"]["export"]}, {"offset", inside}});
    CHECK(bad["error"]["code"] == "bad_request");
    CHECK_THAT(bad["error"]["message"].get<std::string>(), Catch::Contains("inside a character"));
    CHECK(large.export_files().size() == 1);
    large.spool.reset();  // the session ends
    CHECK(large.export_files().empty());
  }
}

TEST_CASE("an export request with a bad format or range is refused with bad_request", "[export][chunk]") {
  Host host;
  CHECK(host.ask({{"id", 1}, {"type", "export"}, {"format", "pdf"}})["error"]["code"] == "bad_request");
  CHECK(host.ask({{"id", 1}, {"type", "export"}, {"format", "json"}, {"since", "yesterday"}})["error"]["code"] ==
        "bad_request");
  CHECK(host.ask({{"id", 1}, {"type", "export-chunk"}, {"export", "../../etc"}, {"offset", 0}})["error"]["code"] ==
        "bad_request");
}
