#include "core/outcome.h"

namespace untrain {

int exit_status(Outcome outcome) {
  switch (outcome) {
    case Outcome::ok: return 0;
    case Outcome::no: return 1;
    case Outcome::failed: return 1;
    case Outcome::usage: return 2;
    case Outcome::bad_input: return 3;
    case Outcome::io: return 3;
    case Outcome::frame_too_large: return 3;
    case Outcome::truncated_frame: return 3;
    case Outcome::storage: return 4;
    case Outcome::forbidden_caller: return 5;
  }
  return 1;
}

}  // namespace untrain
