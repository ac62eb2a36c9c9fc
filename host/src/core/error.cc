#include "core/error.h"

namespace untrain {

Outcome outcome_of(Code code) {
  switch (code) {
    case Code::bad_json: return Outcome::bad_input;
    case Code::frame_too_large: return Outcome::frame_too_large;
    case Code::storage_unavailable: return Outcome::storage;
    case Code::bad_request:
    case Code::unknown_type:
    case Code::unknown_setting:
    case Code::reply_too_large:
    case Code::internal:
    case Code::unknown_form: return Outcome::failed;
  }
  return Outcome::failed;
}

}  // namespace untrain
