// Firefox profile settings that switch native messaging off, read from profile files (pure).
// Hardened profiles (arkenfox-style user.js, LibreWolf overrides) sometimes set
// webextensions.native-messaging.max-input-message-bytes or max-output-message-bytes to 0, which
// makes Firefox refuse every message to or from any host.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace untrain {

// The profile folders a profiles.ini lists, made absolute against the folder holding it.
std::vector<std::filesystem::path> firefox_profiles(const std::string& profiles_ini,
                                                    const std::filesystem::path& folder);

// The integer value a prefs file gives `name` (user_pref/pref/lockPref/defaultPref; the last one
// counts), or nullopt when it does not set it.
std::optional<long long> pref_value(const std::string& prefs_text, const std::string& name);

struct PrefProblem {
  std::string pref;
  long long value;
  std::string file;  // which file set it: prefs.js or user.js
  bool disables;     // 0: no message passes; otherwise only larger ones are refused
};

// Firefox applies prefs.js, then user.js over it. Input (host → browser) must allow untrain's
// largest reply (1 MiB); output (browser → host) must not be 0.
std::vector<PrefProblem> native_messaging_pref_problems(const std::string& prefs_js, const std::string& user_js);

}  // namespace untrain
