// Turns one frame's JSON into a validated request, exactly as docs/protocol.md describes them.
// Pure: no I/O, so every rule here is tested without pipes or a database.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "export/report_lang.h"
#include "trail/event_filter.h"
#include "trail/form.h"
#include "trail/nudge.h"
#include "trail/observation.h"
#include "trail/vocabulary.h"

namespace untrain {

struct HelloRequest {};
struct ObserveRequest {
  Observation observation;
};
struct StatusRequest {
  std::string platform;
  std::optional<std::string> account;
  std::optional<int> stale_after_days;
};
struct RulesRequest {
  std::string platform;
};
struct NudgeRequest {
  Nudge nudge;
};
struct FormRequest {
  FormReport form;
};

struct ExportRequest {
  ExportFormat format = ExportFormat::json;
  EventFilter filter;
  Lang lang = Lang::en;  // the HTML report's language
};
struct ExportChunkRequest {
  std::string handle;
  std::int64_t offset = 0;
};

// Every request type; dispatch.cc must handle each one, or it does not compile.
using RequestBody = std::variant<HelloRequest, ObserveRequest, StatusRequest, ExportRequest, ExportChunkRequest,
                                 RulesRequest, NudgeRequest, FormRequest>;

struct Request {
  nlohmann::json id;
  RequestBody body;
};

// Throws Error(bad_json) when the frame is not one JSON object, and Error(bad_request) when it passes
// one of the limits of request_limits.h (checked first, before a document is built).
nlohmann::json parse_frame(std::string_view frame);

// The request's id when it is a valid one, else null (used to address error replies).
nlohmann::json request_id(const nlohmann::json& message);

// Throws Error(bad_request | unknown_type) naming the offending field.
Request validate_request(const nlohmann::json& message);

}  // namespace untrain
