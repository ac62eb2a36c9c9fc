// Micro-benchmarks (Google Benchmark) of the host's hot pure paths: the frame codec and request
// validation, the canonical encoding and SHA-256 of an event, the verdict, and one whole `status`
// answer in process (no pipes), to set beside the process-level figures of host_driver.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "core/rules.h"
#include "protocol/frame.h"
#include "protocol/request.h"
#include "protocol/session.h"
#include "store/store.h"
#include "trail/canonical.h"
#include "trail/verdict.h"

namespace {

const std::string kObserve =
    R"({"id":2,"type":"observe","platform":"linkedin","account":"jane-doe","setting":"ai-training","value":true,)"
    R"("url":"https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement","time":1795903200000,"source":"page-load"})";

untrain::Event sample_event() {
  untrain::Event e;
  e.seq = 123456;
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
  e.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
  e.untrain_version = "0.1.0";
  e.rules_version = "2026-11-28";
  e.prev_hash = std::string(64, 'a');
  return e;
}

void frame_encode(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(untrain::encode_frame(kObserve));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kObserve.size()));
}
BENCHMARK(frame_encode);

void frame_decode_length(benchmark::State& state) {
  auto prefix = untrain::encode_length(static_cast<std::uint32_t>(kObserve.size()));
  for (auto _ : state) {
    benchmark::DoNotOptimize(prefix);
    benchmark::DoNotOptimize(untrain::decode_length(prefix));
  }
}
BENCHMARK(frame_decode_length);

void request_parse_and_validate(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(untrain::validate_request(untrain::parse_frame(kObserve)));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kObserve.size()));
}
BENCHMARK(request_parse_and_validate);

void canonical_encoding(benchmark::State& state) {
  auto event = sample_event();
  for (auto _ : state) benchmark::DoNotOptimize(untrain::canonical_encoding(event));
}
BENCHMARK(canonical_encoding);

void sha256_of_canonical(benchmark::State& state) {
  auto bytes = std::string(64, 'a') + untrain::canonical_encoding(sample_event());
  for (auto _ : state) benchmark::DoNotOptimize(untrain::sha256_hex(bytes));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(sha256_of_canonical);

void chain_hash(benchmark::State& state) {
  auto event = sample_event();
  for (auto _ : state) benchmark::DoNotOptimize(untrain::chain_hash(event.prev_hash, event));
}
BENCHMARK(chain_hash);

void verdict_decide(benchmark::State& state) {
  const auto& rule = untrain::find_platform("linkedin")->settings.front();
  std::optional<untrain::SettingState> setting = untrain::SettingState{
      "linkedin", "jane-doe", "ai-training", true, true, 1795000000000, 1795903200000, std::nullopt};
  std::int64_t now = 1795903260000;
  for (auto _ : state) {
    benchmark::DoNotOptimize(now);
    benchmark::DoNotOptimize(untrain::decide(rule, setting, now));
  }
}
BENCHMARK(verdict_decide);

// The whole in-process cost of a `status` request: parse, validate, read the state tables, decide
// every setting, encode the reply. The database is a real file with one observation per setting.
void status_answer(benchmark::State& state) {
  auto dir = std::filesystem::temp_directory_path() / ("untrain-micro-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    auto store = untrain::Store::open(dir / "untrain.db");
    untrain::StoreAccess access = [&]() -> untrain::Store& { return store; };
    const std::string status = R"({"id":3,"type":"status","platform":"linkedin","account":null})";
    untrain::answer(kObserve, access);
    for (auto _ : state) benchmark::DoNotOptimize(untrain::answer(status, access));
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(status_answer)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
