// The chain verifier names the first bad sequence number and what is wrong with it.
#include "trail/chain_verifier.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace untrain;

namespace {

// A valid chain of n observations, seq 1..n.
std::vector<Event> chain(int n) {
  std::vector<Event> events;
  std::string prev(kGenesisHash);
  for (int i = 1; i <= n; ++i) {
    Event e;
    e.seq = i;
    e.recorded = 1000 + i;
    e.time = 1000 + i;
    e.kind = "observation";
    e.action = i == 1 ? "first-seen" : "check";
    e.source = "page-load";
    e.platform = "linkedin";
    e.account = "jane-doe";
    e.setting = "ai-training";
    e.value = true;
    if (i > 1) e.previous = true;
    e.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
    e.untrain_version = "0.1.0";
    e.rules_version = "2026-11-28";
    e.prev_hash = prev;
    e.hash = chain_hash(prev, e);
    prev = e.hash;
    events.push_back(e);
  }
  return events;
}

std::optional<ChainProblem> check(const std::vector<Event>& events, bool complete = true,
                                  std::optional<ChainHead> head = std::nullopt) {
  ChainVerifier verifier(complete);
  for (const auto& e : events) verifier.add(e);
  return verifier.finish(head);
}

// Re-hashes events[from..] so that each links to the one before: what a careful forger does.
void rehash_from(std::vector<Event>& events, std::size_t from) {
  for (std::size_t i = from; i < events.size(); ++i) {
    events[i].prev_hash = i == 0 ? std::string(kGenesisHash) : events[i - 1].hash;
    events[i].hash = chain_hash(events[i].prev_hash, events[i]);
  }
}

}  // namespace

TEST_CASE("an untouched chain verifies and reports its head", "[verify]") {
  auto events = chain(5);
  ChainVerifier verifier(true);
  for (const auto& e : events) CHECK(verifier.add(e));
  CHECK_FALSE(verifier.finish(ChainHead{5, events[4].hash}).has_value());
  CHECK(verifier.events() == 5);
  CHECK(verifier.head().seq == 5);
  CHECK(verifier.head().hash == events[4].hash);
}

TEST_CASE("an empty chain verifies", "[verify]") { CHECK_FALSE(check({}).has_value()); }

TEST_CASE("a changed value is named at its seq as changed", "[verify]") {
  auto events = chain(6);
  events[3].value = false;
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 4);
  CHECK(problem->what == "changed");
}

TEST_CASE("a changed row that was re-hashed is named, since the next row no longer links to it", "[verify]") {
  auto events = chain(6);
  events[2].url = "https://www.linkedin.com/elsewhere";
  events[2].hash = chain_hash(events[2].prev_hash, events[2]);
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 3);
  CHECK(problem->what == "changed");
}

TEST_CASE("a deleted row is named as missing", "[verify]") {
  auto events = chain(6);
  events.erase(events.begin() + 2);
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 3);
  CHECK(problem->what == "missing");
}

TEST_CASE("a deleted first row is named as missing seq 1", "[verify]") {
  auto events = chain(3);
  events.erase(events.begin());
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 1);
  CHECK(problem->what == "missing");
}

TEST_CASE("rows cut off the end are missing when the expected head is known", "[verify]") {
  auto events = chain(6);
  ChainHead head{6, events[5].hash};
  events.resize(4);
  auto problem = check(events, true, head);
  REQUIRE(problem);
  CHECK(problem->seq == 5);
  CHECK(problem->what == "missing");
}

TEST_CASE("two rows in swapped places are named as reordered", "[verify]") {
  auto events = chain(6);
  std::swap(events[2], events[3]);  // seq 1 2 4 3 5 6
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 3);
  CHECK(problem->what == "reordered");
}

TEST_CASE("rows whose seq numbers were swapped are named as reordered: a row links to the one after it", "[verify]") {
  auto events = chain(6);
  std::swap(events[2], events[3]);
  std::swap(events[2].seq, events[3].seq);  // seq 1 2 3 4 5 6, contents of 4 and 3 swapped
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 3);
  CHECK(problem->what == "reordered");
}

TEST_CASE("the first two rows swapped are reordered at seq 1", "[verify]") {
  auto events = chain(4);
  std::swap(events[0], events[1]);
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 1);
  CHECK(problem->what == "reordered");
}

TEST_CASE("a forged row carefully linked in, with later seq numbers shifted, is named as inserted", "[verify]") {
  auto events = chain(6);
  Event forged = events[2];
  forged.value = false;
  forged.prev_hash = events[1].hash;
  forged.hash = chain_hash(forged.prev_hash, forged);
  events.insert(events.begin() + 2, forged);
  for (std::size_t i = 3; i < events.size(); ++i) events[i].seq += 1;
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 3);
  CHECK(problem->what == "inserted");
}

TEST_CASE("a row slipped in that does not link, while the next row links past it, is named as inserted", "[verify]") {
  auto events = chain(6);
  Event forged = events[2];
  forged.prev_hash = std::string(64, 'a');
  forged.hash = chain_hash(forged.prev_hash, forged);
  events.insert(events.begin() + 2, forged);
  for (std::size_t i = 3; i < events.size(); ++i) events[i].seq += 1;
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 3);
  CHECK(problem->what == "inserted");
}

TEST_CASE("a duplicated seq is named as inserted", "[verify]") {
  auto events = chain(5);
  events.insert(events.begin() + 3, events[3]);
  auto problem = check(events);
  REQUIRE(problem);
  CHECK(problem->seq == 4);
  CHECK(problem->what == "inserted");
}

TEST_CASE("a chain re-hashed from an edit on cannot be told from a real one without its published head", "[verify]") {
  auto events = chain(5);
  ChainHead published{5, events[4].hash};
  events[1].value = false;
  rehash_from(events, 1);
  CHECK_FALSE(check(events).has_value());
  auto problem = check(events, true, published);
  REQUIRE(problem);
  CHECK(problem->what == "changed");
  CHECK(problem->seq == 5);
}

TEST_CASE("a partial chain may have gaps, but each row's hash and each consecutive link must hold", "[verify]") {
  auto events = chain(8);
  std::vector<Event> part = {events[1], events[2], events[5], events[7]};
  CHECK_FALSE(check(part, false).has_value());
  CHECK(check(part, true).has_value());

  part[2].value = false;
  auto problem = check(part, false);
  REQUIRE(problem);
  CHECK(problem->seq == 6);
  CHECK(problem->what == "changed");

  std::vector<Event> backwards = {events[5], events[1]};
  problem = check(backwards, false);
  REQUIRE(problem);
  CHECK(problem->what == "reordered");
}

TEST_CASE("a problem is described with its seq for people", "[verify]") {
  CHECK(describe(ChainProblem{3, "missing", "seq 3 not there: seq 4 follows seq 2"}) ==
        "missing at seq 3: seq 3 not there: seq 4 follows seq 2");
}
