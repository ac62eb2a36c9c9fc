#include "trail/canonical.h"

#include <catch2/catch.hpp>

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
