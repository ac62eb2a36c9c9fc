#include "protocol/dispatch.h"

#include "core/clock.h"
#include "core/error.h"
#include "core/rules.h"
#include "trail/status_view.h"
#include "core/version.h"

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
  std::int64_t stale_after_ms =
      request.stale_after_days ? *request.stale_after_days * 24LL * 60 * 60 * 1000 : kDefaultStaleAfterMs;
  return status_view(rules, store.states(request.platform), store.nudges(request.platform),
                     store.forms(request.platform), request.account, now_ms(), stale_after_ms);
}

nlohmann::json rules(const RulesRequest& request) { return platform_rules(request.platform).document; }

nlohmann::json appended(Event event, const PlatformRules& rules, Store& store) {
  event.untrain_version = kVersion;
  event.rules_version = rules.version;
  Event stored = store.append(std::move(event), now_ms());
  return {{"seq", stored.seq}, {"recorded", stored.recorded}};
}

nlohmann::json nudge(const Nudge& n, Store& store) {
  const PlatformRules& rules = platform_rules(n.platform);
  if (!rules.find(n.setting)) {
    throw Error(Code::unknown_setting, "the " + n.platform + " rules have no setting '" + n.setting + "'");
  }
  return appended(nudge_event(n), rules, store);
}

nlohmann::json form(const FormReport& f, Store& store) {
  const PlatformRules& rules = platform_rules(f.platform);
  if (!rules.find_form(f.form)) throw Error(Code::unknown_form, "the " + f.platform + " rules have no form '" + f.form + "'");
  return appended(form_event(f), rules, store);
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
        if constexpr (std::is_same_v<T, RulesRequest>) return rules(body);
        if constexpr (std::is_same_v<T, NudgeRequest>) return nudge(body.nudge, store());
        if constexpr (std::is_same_v<T, FormRequest>) return form(body.form, store());
      },
      request.body);
}

}  // namespace untrain
