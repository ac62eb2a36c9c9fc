#include "trail/event.h"

namespace untrain {

Event observation_event(const Observation& o) {
  Event e;
  e.time = o.time_ms;
  e.kind = to_string(EventKind::observation);
  e.source = to_string(o.source);
  e.platform = o.platform;
  e.account = o.account.value_or("");
  e.setting = o.setting;
  e.value = o.value;
  e.url = o.url;
  return e;
}

}  // namespace untrain
