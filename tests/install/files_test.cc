// Files untrain does not own, as a person meets them on the command line: what the read-only commands leave alone,
// what `export -o` will not write over, and what root, through sudo, will not write or start for someone else.
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <boost/process.hpp>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "person.h"

namespace bp = boost::process;

namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Look {
  bool exists = false;
  ino_t inode = 0;
  mode_t mode = 0;
  off_t size = 0;
  std::int64_t modified_ns = 0;
  std::string bytes;
  bool operator==(const Look&) const = default;
};

Look look(const std::filesystem::path& path) {
  Look l;
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return l;
  l = {true, st.st_ino, st.st_mode, st.st_size, std::int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec, ""};
  if (S_ISREG(st.st_mode)) l.bytes = read_all(path);
  return l;
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// A folder another user can reach: /tmp may be closed to them (0700) where the tests run.
class SharedDir {
 public:
  SharedDir() {
    std::string pattern = "/var/tmp/untrain-test-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
    std::filesystem::permissions(path_, std::filesystem::perms(0755));
  }
  ~SharedDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// `untrain <args>` as user nobody (65534), who may pass through folders (CAP_DAC_READ_SEARCH) but write only what
// is theirs.
Run untrain_as_nobody(const Person& person, const std::vector<std::string>& args) {
  bp::environment env;
  for (const auto& [k, v] : person.environment()) env[k] = v;
  auto out = person.scratch() / "nobody-out", err = person.scratch() / "nobody-err";
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  std::vector<std::string> all = {"--reuid=65534",
                                  "--regid=65534",
                                  "--clear-groups",
                                  "--inh-caps=+dac_read_search",
                                  "--ambient-caps=+dac_read_search",
                                  untrain_binary()};
  all.insert(all.end(), args.begin(), args.end());
  Run run;
  run.status = bp::system("/usr/bin/setpriv", bp::args(all), env, bp::std_out > out.string(),
                          bp::std_err > err.string(), bp::std_in < bp::null);
  run.out = read_all(out);
  run.err = read_all(err);
  return run;
}

// An SQLite file with nothing of untrain's in it yet, as SQLite leaves it: the first write (an export) makes it
// untrain's database. The commands themselves never create one.
void sqlite_file(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE x(a); DROP TABLE x;", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

bool can_run_as_nobody() { return ::geteuid() == 0 && std::filesystem::exists("/usr/bin/setpriv"); }

}  // namespace

TEST_CASE("a --db naming a file that is not a database: every command refuses it with exit 4 and leaves it as it was",
          "[files]") {
  Person person;
  auto notes = person.scratch() / "notes.txt";
  write_text(notes, "not a database\n");
  std::filesystem::permissions(notes, std::filesystem::perms(0644));
  auto before = look(notes);
  for (const auto& command : std::vector<std::vector<std::string>>{
           {"status"}, {"log"}, {"verify"}, {"export"}, {"export", "--format", "csv"}}) {
    auto args = command;
    args.insert(args.end(), {"--db", notes.string()});
    auto run = person.untrain(args);
    INFO(command[0] << ": " << run.err);
    CHECK(run.status == 4);
    CHECK(run.err.find("is not a database") != std::string::npos);
    CHECK(look(notes) == before);
  }
  auto run = person.untrain({"status"}, {{"UNTRAIN_DB", notes.string()}});
  CHECK(run.status == 4);
  CHECK(look(notes) == before);
}

TEST_CASE(
    "a --db naming another program's SQLite database: every command refuses it with exit 4 and leaves it as it was",
    "[files]") {
  Person person;
  auto places = person.scratch() / "places.sqlite";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(places.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE moz_places(url TEXT); INSERT INTO moz_places VALUES ('https://example.org');",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  std::filesystem::permissions(places, std::filesystem::perms(0644));
  auto before = look(places);
  for (const auto& command : std::vector<std::vector<std::string>>{
           {"status"}, {"log"}, {"verify"}, {"export"}, {"backup", (person.scratch() / "copy.db").string()}}) {
    auto args = command;
    args.insert(args.end(), {"--db", places.string()});
    auto run = person.untrain(args);
    INFO(command[0] << ": " << run.err);
    CHECK(run.status == 4);
    CHECK(run.err.find("is another program's SQLite database") != std::string::npos);
    CHECK(look(places) == before);
    CHECK_FALSE(std::filesystem::exists(places.string() + "-wal"));
  }
}

TEST_CASE("read-only commands never create a database or its folder: a missing one is no events yet", "[files]") {
  Person person;
  auto folder = person.scratch() / "not-yet";
  auto db = folder / "untrain.db";
  auto status = person.untrain({"status", "--db", db.string()});
  CHECK(status.status == 0);
  CHECK(status.out.find("[ai-training]: unknown (unknown)") != std::string::npos);
  auto log = person.untrain({"log", "--json", "--db", db.string()});
  CHECK(log.status == 0);
  CHECK(nlohmann::json::parse(log.out) == nlohmann::json::array());
  auto verify = person.untrain({"verify", "--db", db.string()});
  CHECK(verify.status == 0);
  auto exported = person.untrain({"export", "--db", db.string()});
  INFO(exported.err);
  CHECK(exported.status == 0);
  CHECK(nlohmann::json::parse(exported.out)["events"] == nlohmann::json::array());
  CHECK(exported.err.find("not recorded") != std::string::npos);
  person.untrain({"doctor", "--db", db.string()});
  CHECK_FALSE(std::filesystem::exists(folder));
}

TEST_CASE("a database the member may only read (0400) is read by status, log, verify and export, and left as it was",
          "[files]") {
  if (!can_run_as_nobody()) {
    WARN("needs root and setpriv to act as another user; not checked");
    return;
  }
  Person person;
  SharedDir shared;
  auto folder = shared.path() / "untrain";
  auto db = folder / "untrain.db";
  std::filesystem::create_directory(folder);
  REQUIRE(::chown(folder.c_str(), 65534, 65534) == 0);
  std::filesystem::permissions(folder, std::filesystem::perms(0700));
  // An SQLite file of theirs, then one event in it: the export that untrain records.
  sqlite_file(db);
  REQUIRE(::chown(db.c_str(), 65534, 65534) == 0);
  auto first = untrain_as_nobody(person, {"export", "--db", db.string()});
  INFO(first.err);
  REQUIRE(first.status == 0);
  std::filesystem::permissions(db, std::filesystem::perms(0400));
  auto before = look(db);

  auto log = untrain_as_nobody(person, {"log", "--json", "--db", db.string()});
  INFO(log.err);
  CHECK(log.status == 0);
  CHECK(log.out.find("\"seq\": 1") != std::string::npos);
  CHECK(untrain_as_nobody(person, {"status", "--db", db.string()}).status == 0);
  auto verify = untrain_as_nobody(person, {"verify", "--db", db.string()});
  CHECK(verify.status == 0);
  CHECK(verify.out.find("intact") != std::string::npos);
  auto exported = untrain_as_nobody(person, {"export", "--db", db.string()});
  INFO(exported.err);
  CHECK(exported.status == 0);
  CHECK(nlohmann::json::parse(exported.out)["events"].size() == 1);
  CHECK(exported.err.find("not recorded in the trail: the database " + db.string() + " is read-only") !=
        std::string::npos);
  CHECK(look(db) == before);
}

TEST_CASE("export -o never writes over the database (by any name) or its -wal or -shm, nor over a file without --force",
          "[files]") {
  Person person;
  sqlite_file(person.db());
  REQUIRE(person.untrain({"export"}).status == 0);  // the database, with one event: this export
  // A reader keeps the -wal and -shm in place, as a browser's host does.
  sqlite3* reader = nullptr;
  REQUIRE(sqlite3_open(person.db().c_str(), &reader) == SQLITE_OK);
  REQUIRE(sqlite3_exec(reader, "SELECT count(*) FROM events", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto db_before = look(person.db());
  auto hard_link = person.scratch() / "another-name.db";
  std::filesystem::create_hard_link(person.db(), hard_link);
  for (const auto& target :
       {person.db().string(), person.db().string() + "-wal", person.db().string() + "-shm", hard_link.string()}) {
    REQUIRE(std::filesystem::exists(target));
    auto run = person.untrain({"export", "-o", target, "--force"});
    INFO(target << ": " << run.err);
    CHECK(run.status == 2);
    CHECK(run.err.find("is the database") != std::string::npos);
  }
  auto link = person.scratch() / "link-to-db";
  std::filesystem::create_symlink(person.db(), link);
  CHECK(person.untrain({"export", "-o", link.string(), "--force"}).status == 2);
  CHECK(look(person.db()).bytes == db_before.bytes);
  CHECK(look(person.db()).inode == db_before.inode);
  // Only now: a plain SQLite connection, the last to close, folds the WAL into the database file (untrain's own
  // connections leave it: store.h).
  sqlite3_close(reader);

  auto kept = person.scratch() / "kept.json";
  write_text(kept, "the member's own file\n");
  auto kept_before = look(kept);
  auto refused = person.untrain({"export", "-o", kept.string()});
  CHECK(refused.status == 2);
  CHECK(refused.err.find("--force") != std::string::npos);
  CHECK(look(kept) == kept_before);
  auto forced = person.untrain({"export", "-o", kept.string(), "--force"});
  INFO(forced.err);
  CHECK(forced.status == 0);
  CHECK(read_json(kept)["events"].is_array());
}

TEST_CASE("export -o writes a new file 0600 whatever the umask, and replaces a link rather than following it",
          "[files]") {
  Person person;
  auto out = person.scratch() / "trail.json";
  mode_t umask_before = ::umask(0);
  auto run = person.untrain({"export", "-o", out.string()});
  ::umask(umask_before);
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(mode_of(out) == 0600);

  auto elsewhere = person.scratch() / "someone-elses.txt";
  write_text(elsewhere, "not untrain's\n");
  auto elsewhere_before = look(elsewhere);
  auto link = person.scratch() / "planted.json";
  std::filesystem::create_symlink(elsewhere, link);
  CHECK(person.untrain({"export", "-o", link.string()}).status == 2);  // it exists
  REQUIRE(person.untrain({"export", "-o", link.string(), "--force"}).status == 0);
  CHECK(look(elsewhere) == elsewhere_before);
  CHECK_FALSE(std::filesystem::is_symlink(link));
  CHECK(read_json(link)["events"].is_array());
}

TEST_CASE("export -o to a device fails without removing it, and leaves no temporary file behind", "[files]") {
  if (::geteuid() != 0) {
    WARN("not root: cannot make a device node to fail the export on");
    return;
  }
  Person person;
  sqlite_file(person.db());
  REQUIRE(person.untrain({"export"}).status == 0);
  // A full disk in miniature: /dev/full's device, which refuses every write. Today's untrain removed it.
  auto full = person.scratch() / "full";
  REQUIRE(::mknod(full.c_str(), S_IFCHR | 0666, ::makedev(1, 7)) == 0);
  auto before = look(full);
  for (bool force : {false, true}) {
    auto run = person.untrain(force ? std::vector<std::string>{"export", "-o", full.string(), "--force"}
                                    : std::vector<std::string>{"export", "-o", full.string()});
    INFO(run.err);
    CHECK(run.status == 2);
  }
  CHECK(look(full) == before);
  for (const auto& entry : std::filesystem::directory_iterator(person.scratch())) {
    CHECK(entry.path().filename().string().find(".untrain-") == std::string::npos);
  }
}

TEST_CASE("sudo install writes into the person's folders as them: a link they planted does not lead into root's",
          "[files]") {
  if (::geteuid() != 0) {
    WARN("not root: sudo's identity cannot be checked");
    return;
  }
  Person person;
  SharedDir shared;
  auto theirs = shared.path() / "theirs";
  auto roots = shared.path() / "roots-folder";
  std::filesystem::create_directory(theirs);
  std::filesystem::create_directory(roots);
  REQUIRE(::chown(theirs.c_str(), 65534, 65534) == 0);
  auto planted = theirs / "NativeMessagingHosts";
  std::filesystem::create_symlink(roots, planted);
  REQUIRE(::lchown(planted.c_str(), 65534, 65534) == 0);
  std::map<std::string, std::string> sudo = {{"SUDO_USER", "nobody"}, {"HOME", "/root"}};

  auto run = person.untrain({"install", "--browser", "chromium", "--manifest-dir", planted.string()}, sudo);
  INFO(run.out << run.err);
  CHECK(run.status != 0);
  CHECK(std::filesystem::is_empty(roots));

  // Their own folder is written as them: the file is theirs without a chown.
  auto real = theirs / "real" / "NativeMessagingHosts";
  auto ok = person.untrain({"install", "--browser", "chromium", "--manifest-dir", real.string()}, sudo);
  INFO(ok.out << ok.err);
  REQUIRE(ok.status == 0);
  struct stat st {};
  REQUIRE(::stat((real / "org.untrain.host.json").c_str(), &st) == 0);
  CHECK(st.st_uid == 65534);
  CHECK((st.st_mode & 07777) == 0644);
  CHECK(::stat(real.parent_path().c_str(), &st) == 0);
  CHECK(st.st_uid == 65534);
}

TEST_CASE("sudo doctor does not start, as root, a program that a member-owned manifest names", "[files]") {
  if (::geteuid() != 0) {
    WARN("not root: not checked");
    return;
  }
  Person person;
  person.has_folder(".config/chromium");
  REQUIRE(person.untrain({"install", "--browser", "chromium"}).status == 0);
  auto manifest = person.home() / ".config/chromium/NativeMessagingHosts/org.untrain.host.json";
  auto marker = person.scratch() / "started-as-root";
  auto program = person.scratch() / "their-program";
  write_text(program, "#!/bin/sh\ntouch '" + marker.string() + "'\nexec '" + untrain_binary() + "' \"$@\"\n");
  std::filesystem::permissions(program, std::filesystem::perms(0755));
  auto m = read_json(manifest);
  m["path"] = program.string();
  write_text(manifest, m.dump());
  REQUIRE(::chown(manifest.c_str(), 65534, 65534) == 0);

  auto run = person.untrain({"doctor", "--json", "--browser", "chromium"});
  INFO(run.out << run.err);
  CHECK_FALSE(std::filesystem::exists(marker));
  auto report = nlohmann::json::parse(run.out);
  bool said_why = false;
  for (const auto& check : report["sections"][0]["checks"]) {
    if (check["check"] == "launch") {
      CHECK(check["status"] == "skipped");
      said_why = check["message"].get<std::string>().find("not started") != std::string::npos;
    }
  }
  CHECK(said_why);
}
