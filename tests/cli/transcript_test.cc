// Issue 14's transcript, line by line: the command lines a new user tried next to git, gh and ripgrep, each with
// the outcome a person expects from such a tool (docs/cli.md, "Exit status").
#include <catch2/catch.hpp>
#include <fstream>

#include "run.h"

TEST_CASE("a mistyped command exits 2 and suggests the command it most likely meant", "[cli][transcript]") {
  Member member;
  auto run = member.untrain({"stauts"});
  CHECK(run.status == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("'stauts' is not an untrain command; did you mean `status`?"));
  CHECK_THAT(run.err, Catch::Contains("untrain help"));
}

TEST_CASE("untrain help lists every command and exits 0", "[cli][transcript]") {
  Member member;
  auto run = member.untrain({"help"});
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::StartsWith("untrain: the audit trail"));
  CHECK_THAT(run.out, Catch::Contains("Usage: untrain [OPTIONS] [COMMAND]"));
  for (const char* command : {"status", "log", "verify", "export", "doctor", "install", "uninstall", "help"}) {
    CHECK_THAT(run.out, Catch::Contains(std::string("  ") + command));
  }
}

TEST_CASE("untrain help COMMAND shows that command's usage and options, as COMMAND --help does", "[cli][transcript]") {
  Member member;
  auto run = member.untrain({"help", "status"});
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("Usage: untrain status [OPTIONS]"));
  CHECK_THAT(run.out, Catch::Contains("--json"));
  CHECK(member.untrain({"status", "--help"}).out == run.out);
  auto unknown = member.untrain({"help", "lgo"});
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("did you mean `log`?"));
}

TEST_CASE("a mistyped option exits 2 and suggests the option it most likely meant", "[cli][transcript]") {
  Member member;
  auto run = member.untrain({"status", "--jsn"});
  CHECK(run.status == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("untrain status has no option '--jsn'; did you mean `--json`?"));
  CHECK_THAT(run.err, Catch::Contains("Run `untrain help status`"));
}

TEST_CASE("every command line the parser refuses exits 2, never the parser's own statuses above 100",
          "[cli][transcript]") {
  Member member;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"status", "extra"}, {"verify", "--file"}, {"log", "--db"}, {"--frobnicate"}, {"export", "--since"}, {}}) {
    auto run = member.untrain(args);
    INFO(run.err);
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::StartsWith("untrain: "));
  }
}

TEST_CASE("the usage lines of --help name the program", "[cli][transcript]") {
  Member member;
  auto run = member.untrain({"--help"});
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("Usage: untrain [OPTIONS] [COMMAND]"));
  CHECK_THAT(member.untrain({"export", "--help"}).out, Catch::Contains("Usage: untrain export [OPTIONS]"));
}

TEST_CASE("verify --file of a missing file names the path and the reason, and exits 3, not 1 (not intact)",
          "[cli][transcript]") {
  Member member;
  auto run = member.untrain({"verify", "--file", "/nonexistent"});
  CHECK(run.status == 3);
  CHECK(run.out.empty());
  CHECK(run.err == "untrain: cannot read /nonexistent: No such file or directory\n");
}

TEST_CASE("verify --file of a folder says it is a directory, and exits 3", "[cli][transcript]") {
  Member member;
  auto run = member.untrain({"verify", "--file", member.folder().string()});
  CHECK(run.status == 3);
  CHECK(run.err == "untrain: cannot read " + member.folder().string() + ": Is a directory\n");
}

TEST_CASE("export -o report.html writes the HTML report, its format taken from the extension", "[cli][transcript]") {
  Member member;
  member.observes("ai-training", true, 1795903200000);
  auto run = member.untrain({"export", "-o", "report.html"});
  CHECK(run.status == 0);
  auto report = read_text(member.folder() / "report.html");
  CHECK_THAT(report, Catch::StartsWith("<!DOCTYPE html>"));
}

TEST_CASE("export -o of an existing file keeps it, exits 2 and says --force replaces it", "[cli][transcript]") {
  Member member;
  std::ofstream(member.folder() / "report.html") << "the member's own file";
  auto run = member.untrain({"export", "-o", "report.html"});
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("report.html exists: untrain does not replace it without --force"));
  CHECK(read_text(member.folder() / "report.html") == "the member's own file");
  CHECK(member.untrain({"export", "-o", "report.html", "--force"}).status == 0);
  CHECK_THAT(read_text(member.folder() / "report.html"), Catch::StartsWith("<!DOCTYPE html>"));
}

TEST_CASE("export refuses a --format that -o's extension contradicts, and writes nothing", "[cli][transcript]") {
  Member member;
  auto run = member.untrain({"export", "--format", "json", "-o", "report.html"});
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("--format json contradicts report.html"));
  CHECK_FALSE(std::filesystem::exists(member.folder() / "report.html"));
}

TEST_CASE("export with -o - or no -o writes to stdout", "[cli][transcript]") {
  Member member;
  member.observes("ai-training", true, 1795903200000);
  auto dash = member.untrain({"export", "-o", "-", "--format", "csv"});
  CHECK(dash.status == 0);
  CHECK_THAT(dash.out, Catch::StartsWith("seq,"));
  CHECK_FALSE(std::filesystem::exists(member.folder() / "-"));
  auto none = member.untrain({"export"});
  CHECK(none.status == 0);
  CHECK_THAT(none.out, Catch::StartsWith("{"));
}
