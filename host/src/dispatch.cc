#include "dispatch.h"

#include "clock.h"
#include "error.h"
#include "rules.h"
#include "status_view.h"
#include "version.h"

namespace untrain {
namespace {

const PlatformRules& platform_rules(const std::string& platform) {
  const PlatformRules* rules = find_platform(platform);
  if (!rules) throw Error(Code::bad_request, "unknown platform '" + platform + "'");
  return *rules;
}

nlohmann::json hello() {
  nlohmann::json rules_versions = nlohmann::json::object();
  for (const auto& rules : builtin_rules()) rules_versions[rules.platform] = rules.version;
  return {{"host", "untrain"}, {"version", kVersion}, {"protocol", kProtocolVersion}, {"rules", rules_versions}};
}

nlohmann::json observe(const Observation& o, Store& store) {
  if (!platform_rules(o.platform).find(o.setting)) {
    throw Error(Code::unknown_setting, "the " + o.platform + " rules have no setting '" + o.setting + "'");
  }
  Event event = observation_event(o);
  event.untrain_version = kVersion;
  event.rules_version = platform_rules(o.platform).version;
  Event stored = store.append(std::move(event), now_ms());
  return {{"seq", stored.seq}, {"recorded", stored.recorded}, {"action", stored.action}};
}

nlohmann::json status(const StatusRequest& request, Store& store) {
  const PlatformRules& rules = platform_rules(request.platform);
  return status_view(rules, store.states(request.platform), request.account, now_ms());
}

ExportSpool& spool(ExportSpool* exports) {
  if (!exports) throw Error(Code::internal, "exports are not available outside a host session");
  return *exports;
}

}  // namespace

nlohmann::json dispatch(const Request& request, const StoreAccess& store, ExportSpool* exports) {
  return std::visit(
      [&](const auto& body) -> nlohmann::json {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, HelloRequest>) return hello();
        if constexpr (std::is_same_v<T, ObserveRequest>) return observe(body.observation, store());
        if constexpr (std::is_same_v<T, StatusRequest>) return status(body, store());
        if constexpr (std::is_same_v<T, ExportRequest>) return spool(exports).start(store(), body.format, body.filter, now_ms());
        if constexpr (std::is_same_v<T, ExportChunkRequest>) return spool(exports).chunk(body.handle, body.offset);
      },
      request.body);
}

}  // namespace untrain
