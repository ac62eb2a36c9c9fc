// The HTML report's "How to verify" steps work when followed literally: each command in them, run as printed in a
// folder of the member's, succeeds, after the trail has grown past the report and without editing a word.
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "run.h"

namespace {

constexpr std::int64_t kNov29 = 1795946400000;

std::string unescaped(std::string text) {
  for (auto [entity, c] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, std::string(entity).size(), c);
    }
  }
  return text;
}

// The commands of the report's verify steps, in order: every <code> that starts with "untrain ".
std::vector<std::vector<std::string>> verify_steps(const std::string& report) {
  auto begin = report.find("<ol id=\"verify-steps\">");
  auto end = report.find("</ol>", begin);
  REQUIRE(begin != std::string::npos);
  std::string steps = report.substr(begin, end - begin);
  std::vector<std::vector<std::string>> commands;
  std::regex code("<code>([^<]*)</code>");
  for (auto it = std::sregex_iterator(steps.begin(), steps.end(), code); it != std::sregex_iterator(); ++it) {
    std::string text = unescaped((*it)[1]);
    if (text.rfind("untrain ", 0) != 0) continue;
    std::vector<std::string> words;
    std::istringstream split(text.substr(8));
    for (std::string word; split >> word;) words.push_back(word);
    commands.push_back(words);
  }
  return commands;
}

}  // namespace

TEST_CASE("the report's verify steps pass when followed literally, after the trail has grown", "[cli][report]") {
  Member member;
  member.observes("ai-training", true, kNov29);
  member.observes("ai-training", false, kNov29 + 60'000);
  REQUIRE(member.untrain({"export", "-o", "report.html"}).status == 0);
  auto report = read_text(member.folder() / "report.html");
  CHECK_THAT(report, Catch::Contains("its chain head is seq <span id=\"chain-head-seq\">2</span>"));
  member.observes("research", false, kNov29 + 120'000);  // the trail goes on after the report

  auto steps = verify_steps(report);
  REQUIRE(steps.size() == 2);
  for (const auto& step : steps) {
    auto run = member.untrain(step);
    INFO(run.out << run.err);
    CHECK(run.status == 0);
  }
  auto verified = member.untrain(steps.back()).out;
  CHECK_THAT(verified, Catch::StartsWith("intact: 4 events"));  // 2 observations, the report, one more
  CHECK_THAT(verified, Catch::Contains("seq 2 has the hash the report names"));
}

TEST_CASE("the report's verify steps fail on another trail: its head is not in it", "[cli][report]") {
  Member member, other;
  member.observes("ai-training", true, kNov29);
  REQUIRE(member.untrain({"export", "-o", "report.html"}).status == 0);
  auto steps = verify_steps(read_text(member.folder() / "report.html"));
  REQUIRE(steps.size() == 2);
  other.observes("ai-training", false, kNov29);  // the same seq, another event
  REQUIRE(other.untrain(steps[0]).status == 0);
  auto run = other.untrain(steps[1]);
  CHECK(run.status == 1);
  CHECK_THAT(run.out, Catch::StartsWith("NOT intact: changed at seq 1: its hash is "));
}

TEST_CASE("verify --head names what it wants, and needs --file", "[cli][report]") {
  Member member;
  CHECK(member.untrain({"verify", "--head", "1:abc"}).status == 2);
  auto run = member.untrain({"verify", "--file", "x.json", "--head", "one"});
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("--head must be SEQ:HASH"));
}
