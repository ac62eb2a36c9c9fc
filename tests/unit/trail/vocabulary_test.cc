// The words of the audit trail: each enum's names are the ones docs/audit-trail.md and
// docs/protocol.md use, and every name reads back as the value it names.
#include "trail/vocabulary.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace untrain;

namespace {

template <typename E>
std::vector<std::string> names_of() {
  std::vector<std::string> names;
  for (E value : all_values<E>()) names.emplace_back(to_string(value));
  return names;
}

template <typename E>
void check_round_trip() {
  for (E value : all_values<E>()) {
    INFO(to_string(value));
    CHECK(parse<E>(to_string(value)) == value);
  }
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("the trail's words are exactly the documented ones", "[vocabulary]") {
  CHECK(names_of<EventKind>() == Names{"observation", "nudge", "form", "export"});
  CHECK(names_of<ObservationAction>() == Names{"first-seen", "check", "change"});
  CHECK(names_of<ObservationSource>() == Names{"page-load", "user-change", "assisted", "member-reported"});
  CHECK(names_of<NudgeAction>() == Names{"shown", "clicked", "snoozed", "dismissed", "undone"});
  CHECK(names_of<NudgeSource>() == Names{"banner", "callout", "popup"});
  CHECK(names_of<FormAction>() == Names{"sent"});
  CHECK(names_of<ExportFormat>() == Names{"html", "json", "csv", "ndjson"});
  CHECK(names_of<ExportSource>() == Names{"cli", "extension"});
}

TEST_CASE("every word reads back as the value it names", "[vocabulary]") {
  check_round_trip<EventKind>();
  check_round_trip<ObservationAction>();
  check_round_trip<ObservationSource>();
  check_round_trip<NudgeAction>();
  check_round_trip<NudgeSource>();
  check_round_trip<FormAction>();
  check_round_trip<ExportFormat>();
  check_round_trip<ExportSource>();
}

TEST_CASE("a word is read exactly: another case, a neighbour's word or nothing is no value", "[vocabulary]") {
  CHECK_FALSE(parse<EventKind>("Observation").has_value());
  CHECK_FALSE(parse<EventKind>("export_").has_value());
  CHECK_FALSE(parse<ObservationSource>("banner").has_value());
  CHECK_FALSE(parse<NudgeSource>("page-load").has_value());
  CHECK_FALSE(parse<ExportFormat>("").has_value());
  CHECK_FALSE(parse<ObservationAction>("first_seen").has_value());
}
