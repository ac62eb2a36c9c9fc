#include "protocol/dispatch.h"

#include "core/clock.h"
#include "core/error.h"
#include "core/overloaded.h"
#include "core/rules.h"
#include "core/version.h"
#include "trail/status_view.h"

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
  const PlatformRules& rules = platform_rules(o.platform);
  if (!rules.find(o.setting)) {
    throw Error(Code::unknown_setting, "the " + o.platform + " rules have no setting '" + o.setting + "'");
  }
  // A reading from the future is a wrong clock or a forgery; a day's slack covers clocks that are merely off.
  constexpr std::int64_t kClockSlackMs = 86'400'000;
  std::int64_t now = now_ms();
  if (o.time_ms > now && o.time_ms - now > kClockSlackMs) {
    throw Error(Code::bad_request, "field 'time' is more than a day ahead of this computer's clock");
  }
  Event stored = store.append({o, kVersion, rules.version}, now);
  return {{"seq", stored.seq}, {"recorded", stored.recorded}, {"action", stored.action}};
}

nlohmann::json status(const StatusRequest& request, Store& store) {
  const PlatformRules& rules = platform_rules(request.platform);
  std::int64_t stale_after_ms =
      request.stale_after_days ? *request.stale_after_days * 24LL * 60 * 60 * 1000 : kDefaultStaleAfterMs;
  return status_view(rules, store.states(request.platform), store.nudges(request.platform),
                     store.forms(request.platform), request.account, now_ms(), stale_after_ms);
}

nlohmann::json rules(const RulesRequest& request) { return platform_rules(request.platform).document(); }

template <typename Report>
nlohmann::json appended(const Report& report, const PlatformRules& rules, Store& store) {
  Event stored = store.append({report, kVersion, rules.version}, now_ms());
  return {{"seq", stored.seq}, {"recorded", stored.recorded}};
}

nlohmann::json nudge(const Nudge& n, Store& store) {
  const PlatformRules& rules = platform_rules(n.platform);
  if (!rules.find(n.setting)) {
    throw Error(Code::unknown_setting, "the " + n.platform + " rules have no setting '" + n.setting + "'");
  }
  return appended(n, rules, store);
}

nlohmann::json form(const FormReport& f, Store& store) {
  const PlatformRules& rules = platform_rules(f.platform);
  if (!rules.find_form(f.form))
    throw Error(Code::unknown_form, "the " + f.platform + " rules have no form '" + f.form + "'");
  return appended(f, rules, store);
}

ExportSpool& spool(ExportSpool* exports) {
  if (!exports) throw Error(Code::internal, "exports are not available outside a host session");
  return *exports;
}

}  // namespace

nlohmann::json dispatch(const Request& request, const StoreAccess& store, ExportSpool* exports) {
  // One lambda per request type and no catch-all: a type added to RequestBody without an answer
  // here does not compile.
  return std::visit(
      Overloaded{
          [](const HelloRequest&) { return hello(); },
          [&](const ObserveRequest& r) { return observe(r.observation, store()); },
          [&](const StatusRequest& r) { return status(r, store()); },
          [](const RulesRequest& r) { return rules(r); },
          [&](const NudgeRequest& r) { return nudge(r.nudge, store()); },
          [&](const FormRequest& r) { return form(r.form, store()); },
          [&](const ExportRequest& r) { return spool(exports).start(store(), r.format, r.filter, now_ms(), r.lang); },
          [&](const ExportChunkRequest& r) { return spool(exports).chunk(r.handle, r.offset); },
      },
      request.body);
}

}  // namespace untrain
