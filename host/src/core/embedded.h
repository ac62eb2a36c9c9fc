// Files from extension/ compiled into the host (see host/src/core/embed.cmake), so that there is one copy.
#pragma once

#include <string_view>
#include <vector>

#include "core/rules.h"

namespace untrain::embedded {

// extension/manifest.json: the source of the extension's key and Firefox add-on id.
std::string_view extension_manifest();
// Its `key` and its browser_specific_settings.gecko.id, read at build time.
std::string_view extension_key();
std::string_view firefox_addon_id();

// Every extension/rules/*.json except the schema.
const std::vector<std::string_view>& rules_files();

// The same files as read at build time: what parse_rules gives for each of rules_files(), in that order.
std::vector<PlatformRules> compiled_rules();

// manifests/chromium.json.in and manifests/firefox.json.in: the host manifest templates.
std::string_view chromium_manifest_template();
std::string_view firefox_manifest_template();

// The extension's translation of a rule's text: `key` as _locales names it ("rule_ai_training_title",
// "rule_ai_training_short_title") in `lang` ("de"); empty when there is none (English is the rules file itself).
std::string_view rule_translation(std::string_view lang, std::string_view key);

}  // namespace untrain::embedded
