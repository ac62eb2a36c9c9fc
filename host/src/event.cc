#include "event.h"

namespace untrain {

Event observation_event(const Observation& o) {
  Event e;
  e.time = o.time_ms;
  e.kind = "observation";
  e.source = o.source;
  e.platform = o.platform;
  e.account = o.account.value_or("");
  e.setting = o.setting;
  e.value = o.value;
  e.url = o.url;
  return e;
}

nlohmann::json event_json(const Event& e) {
  auto text_or_null = [](const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); };
  auto bool_or_null = [](const std::optional<bool>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"seq", e.seq},
          {"recorded", e.recorded},
          {"time", e.time},
          {"kind", e.kind},
          {"action", e.action},
          {"source", e.source},
          {"platform", e.platform},
          {"account", text_or_null(e.account)},
          {"setting", text_or_null(e.setting)},
          {"value", bool_or_null(e.value)},
          {"previous", bool_or_null(e.previous)},
          {"url", text_or_null(e.url)},
          {"detail", e.detail.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(e.detail)},
          {"untrain_version", e.untrain_version},
          {"rules_version", e.rules_version},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

}  // namespace untrain
