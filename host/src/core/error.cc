#include "core/error.h"

namespace untrain {

std::string_view code_name(Code code) {
  switch (code) {
    case Code::bad_json: return "bad_json";
    case Code::bad_request: return "bad_request";
    case Code::unknown_type: return "unknown_type";
    case Code::unknown_setting: return "unknown_setting";
    case Code::frame_too_large: return "frame_too_large";
    case Code::frame_truncated: return "frame_truncated";
    case Code::reply_too_large: return "reply_too_large";
    case Code::storage_unavailable: return "storage_unavailable";
    case Code::internal: return "internal";
    case Code::usage: return "usage";
    case Code::io: return "io";
    case Code::unknown_form: return "unknown_form";
  }
  return "internal";
}

}  // namespace untrain
