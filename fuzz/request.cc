// libFuzzer target: one frame through the whole protocol path, answer() = limits, parsing,
// validation and dispatch, against a real SQLite database in a temporary folder (made once per
// process). The reply must always be one JSON object that fits in a frame.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "protocol/export_spool.h"
#include "protocol/frame.h"
#include "protocol/session.h"
#include "store/store.h"

namespace {

std::filesystem::path database() {
  static std::filesystem::path path = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "untrain-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) std::abort();
    return std::filesystem::path(pattern) / "untrain.db";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::optional<untrain::Store> store;
  untrain::StoreAccess access = []() -> untrain::Store& {
    if (!store) store.emplace(untrain::Store::open(database()));
    return *store;
  };
  untrain::ExportSpool exports;  // per input: its files are removed when it goes
  std::string reply = untrain::answer(std::string(reinterpret_cast<const char*>(data), size), access, &exports);
  if (reply.size() > untrain::kMaxFrame) std::abort();
  auto parsed = nlohmann::json::parse(reply, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("ok")) std::abort();
  return 0;
}
