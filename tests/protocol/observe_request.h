// The observe request the protocol tests send by the dozen: jane-doe's AI-training setting read on its own page at
// `time` (On at even times, Off at odd ones), as the extension sends it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace protocol_frames {

inline nlohmann::json observe(
    std::int64_t id, std::int64_t time,
    const std::string& url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement") {
  return {{"id", id},
          {"type", "observe"},
          {"platform", "linkedin"},
          {"account", "jane-doe"},
          {"setting", "ai-training"},
          {"value", time % 2 == 0},
          {"url", url},
          {"time", time},
          {"source", "page-load"}};
}

}  // namespace protocol_frames
