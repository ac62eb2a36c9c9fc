#include "protocol/dispatch.h"

#include "core/clock.h"
#include "core/error.h"
#include "core/overloaded.h"
#include "core/rules.h"
#include "core/version.h"
#include "trail/page_url.h"
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

const SettingRule& setting_rule(const PlatformRules& rules, const std::string& setting) {
  const SettingRule* rule = rules.find(setting);
  if (!rule) throw Error(Code::unknown_setting, "the " + rules.platform + " rules have no setting '" + setting + "'");
  return *rule;
}

// The trail keeps the page the rules name, never another (trail/page_url.h): `page` is a path or a whole URL.
std::string page_url(const PlatformRules& rules, const std::string& page, const std::string& url, const char* what) {
  auto kept = rules_page_url(rules.origin, page, url);
  if (!kept) {
    throw Error(Code::bad_request, std::string("field 'url' must be ") + what + "'s own page, " +
                                       (page.find("://") == std::string::npos ? rules.origin + page : page));
  }
  return *kept;
}

nlohmann::json observe(Observation o, Store& store) {
  const PlatformRules& rules = platform_rules(o.platform);
  o.url = page_url(rules, setting_rule(rules, o.setting).page, o.url, "the setting");
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

// A nudge records its setting, not the page it was on: a URL, if one comes, must be the setting's page.
nlohmann::json nudge(Nudge n, Store& store) {
  const PlatformRules& rules = platform_rules(n.platform);
  const SettingRule& rule = setting_rule(rules, n.setting);
  if (!n.url.empty()) n.url = page_url(rules, rule.page, n.url, "the setting");
  auto stored = store.append_if_news({n, kVersion, rules.version}, now_ms());
  if (!stored) return {{"logged", false}};
  return {{"seq", stored->seq}, {"recorded", stored->recorded}, {"logged", true}};
}

nlohmann::json form(FormReport f, Store& store) {
  const PlatformRules& rules = platform_rules(f.platform);
  const FormRule* rule = rules.find_form(f.form);
  if (!rule) throw Error(Code::unknown_form, "the " + f.platform + " rules have no form '" + f.form + "'");
  if (!f.url.empty()) f.url = page_url(rules, rule->url, f.url, "the form");
  Event stored = store.append({f, kVersion, rules.version}, now_ms());
  return {{"seq", stored.seq}, {"recorded", stored.recorded}};
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
