// A setting's name as the report writes it, in the report's language: the extension's own translation of the rules'
// title (its _locales, embedded at build time: core/embedded.h), else the rules file's English, else the setting's id.
#pragma once

#include <string>

#include "core/rules.h"
#include "export/report_lang.h"

namespace untrain {

// The setting's title ("Data for Generative AI Improvement"). `rule` may be null (a setting no rules file names).
std::string setting_title(const SettingRule* rule, const std::string& id, Lang lang);

// The name a summary sentence uses ("AI training"): the short title where the rules give one, else the title.
std::string setting_short_title(const SettingRule* rule, const std::string& id, Lang lang);

}  // namespace untrain
