#include "trail/canonical.h"

#include <catch2/catch.hpp>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>

#include "random_event.h"
#include "trail/json_text.h"

using namespace untrain;

namespace {

Event sample() {
  Event e;
  e.seq = 3;
  e.recorded = 1795903200042;
  e.time = 1795903200000;
  e.kind = "observation";
  e.action = "change";
  e.source = "user-change";
  e.platform = "linkedin";
  e.account = "jane-doe";
  e.setting = "ai-training";
  e.value = false;
  e.previous = true;
  e.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?x=\"é\"";
  e.untrain_version = "0.1.0";
  e.rules_version = "2026-11-28";
  e.prev_hash = std::string(kGenesisHash);
  return e;
}

}  // namespace

TEST_CASE("the canonical encoding has sorted keys, no whitespace, integers for booleans, raw UTF-8", "[canonical]") {
  CHECK(canonical_encoding(sample()) ==
        R"({"account":"jane-doe","action":"change","detail":"","kind":"observation","platform":"linkedin",)"
        R"("prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","previous":1,)"
        R"("recorded":1795903200042,"rules_version":"2026-11-28","seq":3,"setting":"ai-training",)"
        R"("source":"user-change","time":1795903200000,"untrain_version":"0.1.0",)"
        R"("url":"https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?x=\"é\"","value":0})");
}

TEST_CASE("null fields are left out of the canonical encoding", "[canonical]") {
  Event e = sample();
  e.value.reset();
  e.previous.reset();
  auto text = canonical_encoding(e);
  CHECK(text.find("\"value\"") == std::string::npos);
  CHECK(text.find("\"previous\"") == std::string::npos);
}

TEST_CASE("SHA-256 matches the published test vector", "[canonical]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("the chain hash covers the previous hash and every field", "[canonical]") {
  Event e = sample();
  auto h = chain_hash(kGenesisHash, e);
  CHECK(h == sha256_hex(std::string(kGenesisHash) + canonical_encoding(e)));
  CHECK(h.size() == 64);
  CHECK(chain_hash(std::string(64, '1'), e) != h);
  e.value = true;
  CHECK(chain_hash(kGenesisHash, e) != h);
}

namespace {

// The canonical encoding as it was first defined: through nlohmann::json (std::map keeps keys in byte order), dumped
// strictly. The direct writer must give exactly these bytes, or refuse exactly when this throws.
std::optional<std::string> reference_encoding(const Event& e) {
  nlohmann::json object = {
      {"seq", e.seq},
      {"recorded", e.recorded},
      {"time", e.time},
      {"kind", e.kind},
      {"action", e.action},
      {"source", e.source},
      {"platform", e.platform},
      {"account", e.account},
      {"setting", e.setting},
      {"url", e.url},
      {"detail", e.detail},
      {"untrain_version", e.untrain_version},
      {"rules_version", e.rules_version},
      {"prev_hash", e.prev_hash},
  };
  if (e.value) object["value"] = *e.value ? 1 : 0;
  if (e.previous) object["previous"] = *e.previous ? 1 : 0;
  try {
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::optional<std::string> direct_encoding(const Event& e) {
  try {
    return canonical_encoding(e);
  } catch (const json_text::NotUtf8&) {
    return std::nullopt;
  }
}

}  // namespace

TEST_CASE("the direct canonical encoding is byte for byte the one defined through nlohmann::json", "[canonical]") {
  std::mt19937 random(20261129);
  int refused = 0;
  for (int i = 0; i < 20000; ++i) {
    Event e = random_event(random, i);
    auto expected = reference_encoding(e);
    INFO("event " << i);
    CHECK(direct_encoding(e) == expected);
    if (!expected) ++refused;
  }
  CHECK(refused > 1000);  // the broken ones really were refused, by both
}

TEST_CASE("every string of one or two bytes is written as nlohmann::json writes it, or refused as it refuses it",
          "[canonical]") {
  auto both = [](const std::string& text) {
    std::optional<std::string> expected, written;
    try {
      expected = nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    } catch (const nlohmann::json::exception&) {
    }
    try {
      std::string out;
      json_text::append_string(out, text);
      written = out;
    } catch (const json_text::NotUtf8&) {
    }
    return std::pair(expected, written);
  };
  int differences = 0;
  for (int a = 0; a < 256; ++a) {
    auto [expected, written] = both(std::string(1, static_cast<char>(a)));
    differences += expected != written;
    for (int b = 0; b < 256; ++b) {
      auto [expected2, written2] = both(std::string{static_cast<char>(a), static_cast<char>(b)});
      differences += expected2 != written2;
    }
  }
  CHECK(differences == 0);
  // Three- and four-byte sequences at the edges of table 3-7's ranges.
  for (int lead : {0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5}) {
    for (int second : {0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0}) {
      for (int third : {0x7f, 0x80, 0xbf, 0xc0}) {
        std::string three{static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third)};
        auto [e3, w3] = both(three);
        CHECK(e3 == w3);
        auto [e4, w4] = both(three + "\x80");
        CHECK(e4 == w4);
        auto [e5, w5] = both(three + "x");
        CHECK(e5 == w5);
      }
    }
  }
}
