// Every request type reaches its answer. dispatch() does not compile without one lambda per type;
// this checks that each lambda answers its own type, and that the samples cover every type.
#include "protocol/dispatch.h"

#include <catch2/catch.hpp>
#include <optional>
#include <set>

#include "core/error.h"
#include "temp_dir.h"

using namespace untrain;

TEST_CASE("dispatch answers every request type", "[dispatch]") {
  TempDir dir;
  std::optional<Store> store;
  StoreAccess access = [&]() -> Store& {
    if (!store) store.emplace(Store::open(dir.path() / "untrain.db"));
    return *store;
  };
  ExportSpool exports;
  std::set<std::size_t> covered;
  auto answer = [&](RequestBody body) {
    covered.insert(body.index());
    return dispatch(Request{1, std::move(body)}, access, &exports);
  };

  CHECK(answer(HelloRequest{})["host"] == "untrain");
  CHECK(answer(ObserveRequest{{"linkedin", "jane-doe", "ai-training", true,
                               "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement", 1000,
                               ObservationSource::page_load}})["action"] == "first-seen");
  CHECK(answer(StatusRequest{"linkedin", std::nullopt, std::nullopt})["platform"] == "linkedin");
  CHECK(answer(RulesRequest{"linkedin"})["platform"] == "linkedin");
  CHECK(answer(NudgeRequest{{"linkedin", "jane-doe", "ai-training", NudgeAction::shown, NudgeSource::banner, "on",
                             std::nullopt, "", 2000}})["seq"] == 2);
  CHECK(answer(FormRequest{
            {"linkedin", "jane-doe", "objection-form", "2026-11-28", NudgeSource::popup, "", 3000}})["seq"] == 3);
  CHECK(answer(ExportRequest{ExportFormat::csv, {}})["events"] == 3);
  // A small export is whole in its first chunk and then forgotten: a chunk asked for after that is
  // refused like any export not in progress.
  try {
    answer(ExportChunkRequest{"no-such-export", 0});
    FAIL("answered");
  } catch (const Error& e) {
    CHECK(e.code() == Code::bad_request);
  }
  CHECK(covered.size() == std::variant_size_v<RequestBody>);
}
