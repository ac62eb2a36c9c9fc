// The JSON and NDJSON exports written directly: the same bytes nlohmann::json gave, and files that read back.
#include "export/json_export.h"

#include <catch2/catch.hpp>
#include <optional>
#include <random>

#include "core/error.h"
#include "random_event.h"
#include "trail/json_text.h"

using namespace untrain;

TEST_CASE("an event is written into an export byte for byte as dumping its record_json wrote it", "[export]") {
  std::mt19937 random(1511);
  int refused = 0;
  for (int i = 0; i < 20000; ++i) {
    Event e = random_event(random, i);
    if (i % 6 == 0) e.account.clear(), e.setting.clear(), e.url.clear(), e.detail.clear();  // written as null
    std::optional<std::string> expected, written;
    try {
      expected = record_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    } catch (const nlohmann::json::exception&) {
      ++refused;
    }
    try {
      std::string out;
      append_record(out, e);
      written = out;
    } catch (const json_text::NotUtf8&) {
    }
    INFO("event " << i);
    CHECK(written == expected);
  }
  CHECK(refused > 1000);
}

namespace {

// What the JSON parser and event_from_record make of `text`, or nullopt where they refuse it.
std::optional<Event> parsed_record(const std::string& text) {
  auto value = nlohmann::json::parse(text, nullptr, false);
  if (value.is_discarded()) return std::nullopt;
  try {
    return event_from_record(value);
  } catch (const Error&) {
    return std::nullopt;
  }
}

bool same(const Event& a, const Event& b) {
  return a.seq == b.seq && a.recorded == b.recorded && a.time == b.time && a.kind == b.kind && a.action == b.action &&
         a.source == b.source && a.platform == b.platform && a.account == b.account && a.setting == b.setting &&
         a.value == b.value && a.previous == b.previous && a.url == b.url && a.detail == b.detail &&
         a.untrain_version == b.untrain_version && a.rules_version == b.rules_version && a.prev_hash == b.prev_hash &&
         a.hash == b.hash;
}

}  // namespace

TEST_CASE(
    "a record read directly is the event the JSON parser reads, and anything it cannot be sure of is left to "
    "the parser",
    "[export]") {
  std::mt19937 random(7);
  int direct = 0;
  for (int i = 0; i < 20000; ++i) {
    Event e = random_event(random, i);
    if (i % 10 == 9) continue;              // not UTF-8: it has no record
    e.seq = e.seq % 1'000'000'000'000'000;  // 18 digits at most: the direct reader's range
    e.recorded = e.recorded % 1'000'000'000'000'000;
    e.time = e.time % 1'000'000'000'000'000;
    std::string text;
    append_record(text, e);
    // Unchanged, or with a byte changed, inserted or removed somewhere: wherever the direct reader answers, it
    // answers what the parser does.
    std::string variant = text;
    auto at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random);
    static const std::string bytes = "{}[],:\"\\/0123456789-.eEnultrfabu \x01\x7f\xc3\xa9\xed\xa0\x80\xff";
    switch (i % 4) {
      case 1: variant[at] = bytes[random() % bytes.size()]; break;
      case 2: variant.insert(at, 1, bytes[random() % bytes.size()]); break;
      case 3: variant.erase(at, 1); break;
    }
    auto read = read_record(variant);
    auto expected = parsed_record(variant);
    INFO("record " << i << ": " << variant);
    if (i % 4 == 0) {
      REQUIRE(read);  // what untrain writes is always read directly
      CHECK(same(*read, e));
    }
    if (read) {
      ++direct;
      REQUIRE(expected);
      CHECK(same(*read, *expected));
    }
  }
  CHECK(direct > 5000);
}

TEST_CASE("escapes the writer never uses are read as the JSON parser reads them", "[export]") {
  std::string text;
  Event e;
  e.kind = "k";
  append_record(text, e);
  auto with_url = [&](const std::string& url) {
    std::string variant = text;
    variant.replace(variant.find("\"url\":null"), 10, "\"url\":\"" + url + "\"");
    return variant;
  };
  for (const char* url : {R"(a\/b)", R"(\u0041\u00e9\u20ac\uFFFF)", R"(\u0000)", R"(x\u001fy)"}) {
    auto variant = with_url(url);
    auto read = read_record(variant);
    REQUIRE(read);
    CHECK(same(*read, *parsed_record(variant)));
  }
  // Surrogate pairs are the parser's to combine; lone surrogates, bad escapes and raw control bytes are its to refuse.
  for (const char* url : {R"(\ud83d\ude00)", R"(\ud83d)", R"(\x41)", "a\tb", R"(\u12)"}) {
    CHECK_FALSE(read_record(with_url(url)));
  }
}
