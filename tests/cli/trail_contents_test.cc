// What the member hands on, and ending the trail (issue 17): `export --kind` leaves the nudges out and the result still
// verifies; `forget` removes exactly the trail's own files and nothing else in the folder.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "run.h"
#include "store/store.h"

namespace {

constexpr std::int64_t kNov29 = 1795946400000;

std::set<std::string> names_in(const std::filesystem::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

void write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("export --kind observation,form leaves the nudges out, says so in its header, and still verifies",
          "[cli][kinds]") {
  Member member;
  member.observes("ai-training", true, kNov29);
  member.is_nudged("ai-training", kNov29 + 1000);
  member.observes("ai-training", false, kNov29 + 2000, "jane-doe", "user-change");
  Run run = member.untrain({"export", "--kind", "observation,form", "-o", "trail.json"});
  REQUIRE(run.status == 0);
  std::string text = read_text(member.folder() / "trail.json");
  CHECK(text.find("\"kind\":\"nudge\"") == std::string::npos);
  CHECK(text.find("\"kinds\":[\"observation\",\"form\"]") != std::string::npos);
  CHECK(text.find("\"complete\":false") != std::string::npos);
  Run verified = member.untrain({"verify", "--file", "trail.json"});
  CHECK(verified.status == 0);
  CHECK(verified.out.find("intact") != std::string::npos);
}

TEST_CASE("an export whose header names kinds does not verify with an event of another kind in it", "[cli][kinds]") {
  Member member;
  member.observes("ai-training", true, kNov29);
  member.is_nudged("ai-training", kNov29 + 1000);
  REQUIRE(member.untrain({"export", "--kind", "nudge", "-o", "nudges.json"}).status == 0);
  std::string text = read_text(member.folder() / "nudges.json");
  // Someone edits the header to claim the export holds only observations: the nudge in it is then "inserted".
  auto at = text.find("\"kinds\":[\"nudge\"]");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("\"kinds\":[\"nudge\"]").size(), "\"kinds\":[\"observation\"]");
  write(member.folder() / "nudges.json", text);
  Run verified = member.untrain({"verify", "--file", "nudges.json"});
  CHECK(verified.status == 1);
  CHECK(verified.out.find("kind") != std::string::npos);
}

TEST_CASE("export --kind with a word that is no kind exits 2 and suggests the nearest", "[cli][kinds]") {
  Member member;
  Run run = member.untrain({"export", "--kind", "observation,nudges"});
  CHECK(run.status == 2);
  CHECK(run.err.find("did you mean `nudge`?") != std::string::npos);
}

TEST_CASE("forget --yes removes the database, its -wal and -shm and the copies moved aside, and nothing else",
          "[cli][forget]") {
  Member member;
  member.observes("ai-training", true, kNov29);
  const auto& folder = member.folder();
  const std::string db = member.db().filename().string();
  write(folder / (db + "-wal"), "");
  write(folder / (db + "-shm"), "");
  // A damaged copy untrain moved aside, with its -wal.
  std::filesystem::copy_file(member.db(), folder / (db + ".corrupt-20261101T100000Z"));
  write(folder / (db + ".corrupt-20261101T100000Z-wal"), "");
  // The member's own files beside it, and a link named like a companion: none of them are untrain's.
  write(folder / "notes.txt", "mine");
  write(folder / "trail.json", "{}");
  write(folder / (db + ".bak"), "mine too");
  write(folder / "elsewhere", "a file a link points at");
  std::filesystem::create_symlink(folder / "elsewhere", folder / (db + "-journal"));
  auto before = names_in(folder);

  Run run = member.untrain({"forget", "--yes"});
  REQUIRE(run.status == 0);
  auto after = names_in(folder);
  std::set<std::string> removed;
  for (const auto& name : before) {
    if (!after.count(name)) removed.insert(name);
  }
  CHECK(removed == std::set<std::string>{db, db + "-wal", db + "-shm", db + ".corrupt-20261101T100000Z",
                                         db + ".corrupt-20261101T100000Z-wal"});
  for (const auto& name : removed) CHECK(run.out.find("removed " + (folder / name).string()) != std::string::npos);
  CHECK(read_text(folder / "elsewhere") == "a file a link points at");
  CHECK(std::filesystem::is_symlink(folder / (db + "-journal")));
}

TEST_CASE("forget without --yes and without a terminal removes nothing and exits 2", "[cli][forget]") {
  Member member;
  member.observes("ai-training", true, kNov29);
  Run run = member.untrain({"forget"});
  CHECK(run.status == 2);
  CHECK(run.err.find("--yes") != std::string::npos);
  CHECK(std::filesystem::exists(member.db()));
}

TEST_CASE("forget refuses a database path that is not an SQLite database and leaves it as it was", "[cli][forget]") {
  Member member;
  write(member.db(), "not a database: the member's own notes\n");
  Run run = member.untrain({"forget", "--yes"});
  CHECK(run.status == 4);
  CHECK(read_text(member.db()) == "not a database: the member's own notes\n");
}

TEST_CASE("forget with no trail says so and removes nothing", "[cli][forget]") {
  Member member;
  write(member.folder() / "notes.txt", "mine");
  Run run = member.untrain({"forget", "--yes"});
  CHECK(run.status == 0);
  CHECK(run.out.find("nothing to forget") != std::string::npos);
  CHECK(std::filesystem::exists(member.folder() / "notes.txt"));
}

TEST_CASE("a trail written before untrain kept only the setting's page still verifies, exports and reports as before",
          "[cli][kinds]") {
  using namespace untrain;
  Member member;
  {
    // What untrain 0.1 wrote: the page's full address with its tracking query, and a "shown" for every page view,
    // each with the page it was on.
    Store store = Store::open(member.db());
    Observation o{"linkedin",
                  "jane-doe",
                  "ai-training",
                  true,
                  "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?trk=nav&lipi=x",
                  kNov29,
                  ObservationSource::page_load};
    store.append({o, "0.1.0", "2026-11-29"}, kNov29 + 5);
    for (const char* page : {"https://www.linkedin.com/feed/", "https://www.linkedin.com/in/john-roe/?miniProfileUrn=x",
                             "https://www.linkedin.com/feed/"}) {
      Nudge n;
      n.platform = "linkedin";
      n.account = "jane-doe";
      n.setting = "ai-training";
      n.verdict = "on-by-default";
      n.url = page;
      n.time_ms = kNov29 + 1000;
      store.append({n, "0.1.0", "2026-11-29"}, kNov29 + 1005);
    }
  }
  CHECK(member.untrain({"verify"}).status == 0);
  REQUIRE(member.untrain({"export", "-o", "old.json"}).status == 0);
  Run verified = member.untrain({"verify", "--file", "old.json"});
  CHECK(verified.status == 0);
  CHECK(verified.out.rfind("intact: 4 events", 0) == 0);
  CHECK(read_text(member.folder() / "old.json").find("miniProfileUrn") != std::string::npos);  // kept as written
  Run status = member.untrain({"status", "--json"});
  REQUIRE(status.status == 0);
  CHECK(nlohmann::json::parse(status.out)[0]["settings"][0]["verdict"] == "on-by-default");
  Run report = member.untrain({"export", "-o", "old.html"});
  CHECK(report.status == 0);
  CHECK(read_text(member.folder() / "old.html").find("does NOT verify") == std::string::npos);
}
