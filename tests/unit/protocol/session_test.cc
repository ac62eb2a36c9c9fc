// The protocol's request-to-reply behaviour, without pipes (tests/protocol covers the pipes).
#include "protocol/session.h"

#include <catch2/catch.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "store/store.h"
#include "temp_dir.h"

using namespace untrain;
using nlohmann::json;

namespace {

struct Host {
  TempDir dir;
  std::optional<Store> store;
  StoreAccess access = [this]() -> Store& {
    if (!store) store.emplace(Store::open(dir.path() / "untrain.db"));
    return *store;
  };
  json ask(const json& request) { return json::parse(answer(request.dump(), access)); }
  json ask_raw(const std::string& frame) { return json::parse(answer(frame, access)); }
};

json observe(bool value, std::int64_t time) {
  return {{"id", 9},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", value},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"time", time},
          {"source", "page-load"}};
}

}  // namespace

TEST_CASE("hello names the host, its version and the protocol", "[session]") {
  Host host;
  auto reply = host.ask({{"id", 1}, {"type", "hello"}});
  CHECK(reply["id"] == 1);
  CHECK(reply["ok"] == true);
  CHECK(reply["result"]["host"] == "untrain");
  CHECK(reply["result"]["protocol"] == 1);
  CHECK(reply["result"]["rules"].contains("linkedin"));
}

TEST_CASE("hello works without touching the database", "[session]") {
  bool opened = false;
  StoreAccess access = [&]() -> Store& {
    opened = true;
    throw Error(Code::storage_unavailable, "no disk");
  };
  auto reply = json::parse(answer(R"({"id":1,"type":"hello"})", access));
  CHECK(reply["ok"] == true);
  CHECK_FALSE(opened);
}

TEST_CASE("an observe is acknowledged with its sequence number", "[session]") {
  Host host;
  auto reply = host.ask(observe(true, 1000));
  CHECK(reply["ok"] == true);
  CHECK(reply["result"]["seq"] == 1);
  CHECK(reply["result"]["recorded"].is_number_integer());
  CHECK(host.store->events().size() == 1);
}

TEST_CASE("status after an On observation says on-by-default", "[session]") {
  Host host;
  host.ask(observe(true, now_ms()));
  auto reply = host.ask({{"id", 3}, {"type", "status"}, {"platform", "linkedin"}});
  REQUIRE(reply["ok"] == true);
  auto settings = reply["result"]["settings"];
  REQUIRE(settings.size() >= 1);
  CHECK(settings[0]["setting"] == "ai-training");
  CHECK(settings[0]["verdict"] == "on-by-default");
  CHECK(settings[0]["value"] == true);
  CHECK(settings[0]["account"] == "jane-doe");
}

TEST_CASE("status before any observation says unknown, never off", "[session]") {
  Host host;
  auto reply = host.ask({{"id", 3}, {"type", "status"}, {"platform", "linkedin"}});
  for (const auto& s : reply["result"]["settings"]) {
    CHECK(s["verdict"] == "unknown");
    CHECK(s["value"].is_null());
  }
}

TEST_CASE("an observe of a setting the rules do not know is refused and not stored", "[session]") {
  Host host;
  auto request = observe(true, 1000);
  request["setting"] = "made-up";
  auto reply = host.ask(request);
  CHECK(reply["ok"] == false);
  CHECK(reply["error"]["code"] == "unknown_setting");
  CHECK((!host.store || host.store->events().empty()));
}

TEST_CASE("an unknown platform is bad_request", "[session]") {
  Host host;
  auto reply = host.ask({{"id", 3}, {"type", "status"}, {"platform", "myspace"}});
  CHECK(reply["error"]["code"] == "bad_request");
}

TEST_CASE("malformed JSON is answered with bad_json and a null id", "[session]") {
  Host host;
  auto reply = host.ask_raw("{not json");
  CHECK(reply["id"].is_null());
  CHECK(reply["ok"] == false);
  CHECK(reply["error"]["code"] == "bad_json");
  CHECK(reply["error"]["message"].get<std::string>().size() > 0);
}

TEST_CASE("an error reply echoes the id when it could be read", "[session]") {
  Host host;
  auto reply = host.ask({{"id", "x-1"}, {"type", "nope"}});
  CHECK(reply["id"] == "x-1");
  CHECK(reply["error"]["code"] == "unknown_type");
}

TEST_CASE("a storage failure is storage_unavailable and the host keeps answering", "[session]") {
  StoreAccess broken = []() -> Store& { throw Error(Code::storage_unavailable, "disk full"); };
  auto reply = json::parse(answer(observe(true, 1000).dump(), broken));
  CHECK(reply["error"]["code"] == "storage_unavailable");
  CHECK(json::parse(answer(R"({"id":2,"type":"hello"})", broken))["ok"] == true);
}
