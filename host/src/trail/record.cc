#include "trail/record.h"

#include <nlohmann/json.hpp>

#include "core/overloaded.h"

namespace untrain {

Event export_event(const Exported& x) {
  nlohmann::json detail = {{"events", x.events}, {"head", x.head.hash}, {"head_seq", x.head.seq}};
  if (x.filter.since) detail["since"] = *x.filter.since;
  if (x.filter.until) detail["until"] = *x.filter.until;
  if (x.filter.account) detail["account"] = *x.filter.account;
  if (!x.filter.kinds.empty()) {
    detail["kinds"] = nlohmann::json::array();
    for (EventKind kind : x.filter.kinds) detail["kinds"].push_back(to_string(kind));
  }
  Event e;
  e.time = x.time_ms;
  e.kind = to_string(EventKind::export_);
  e.action = to_string(x.format);
  e.source = to_string(x.source);
  e.detail = detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  return e;
}

Event stored_event(const Record& record) {
  Event e = std::visit(Overloaded{
                           [](const Observation& o) { return observation_event(o); },
                           [](const Nudge& n) { return nudge_event(n); },
                           [](const FormReport& f) { return form_event(f); },
                           [](const Exported& x) { return export_event(x); },
                       },
                       record.what);
  e.untrain_version = record.untrain_version;
  e.rules_version = record.rules_version;
  return e;
}

}  // namespace untrain
