#include "doctor/firefox_prefs.h"

#include <regex>
#include <sstream>

#include "protocol/frame.h"

namespace untrain {

std::vector<std::filesystem::path> firefox_profiles(const std::string& profiles_ini,
                                                    const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> profiles;
  std::istringstream lines(profiles_ini);
  std::string line;
  std::optional<std::string> path;
  bool relative = true, in_profile = false;
  auto flush = [&] {
    if (in_profile && path && !path->empty())
      profiles.push_back(relative ? folder / *path : std::filesystem::path(*path));
    path.reset();
    relative = true;
  };
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.front() == '[') {
      flush();
      in_profile = line.rfind("[Profile", 0) == 0;
    } else if (line.rfind("Path=", 0) == 0) {
      path = line.substr(5);
    } else if (line.rfind("IsRelative=", 0) == 0) {
      relative = line.substr(11) != "0";
    }
  }
  flush();
  return profiles;
}

std::optional<long long> pref_value(const std::string& prefs_text, const std::string& name) {
  std::string escaped;
  for (char c : name) {
    if (c == '.') escaped += "\\";
    escaped += c;
  }
  std::regex pattern(R"((?:user_pref|pref|lockPref|defaultPref|sticky_pref)\s*\(\s*["'])" + escaped +
                     R"(["']\s*,\s*(-?[0-9]+)\s*\))");
  std::optional<long long> value;
  for (std::sregex_iterator it(prefs_text.begin(), prefs_text.end(), pattern), end; it != end; ++it) {
    value = std::stoll((*it)[1].str());
  }
  return value;
}

std::vector<PrefProblem> native_messaging_pref_problems(const std::string& prefs_js, const std::string& user_js) {
  struct Limit {
    const char* pref;
    long long least;  // the smallest value untrain works with
  };
  const Limit limits[] = {
      {"webextensions.native-messaging.max-input-message-bytes", static_cast<long long>(kMaxFrame)},
      {"webextensions.native-messaging.max-output-message-bytes", 1},
  };
  std::vector<PrefProblem> problems;
  for (const auto& limit : limits) {
    auto value = pref_value(user_js, limit.pref);
    std::string file = "user.js";
    if (!value) {
      value = pref_value(prefs_js, limit.pref);
      file = "prefs.js";
    }
    if (value && *value < limit.least) problems.push_back({limit.pref, *value, file, *value <= 0});
  }
  return problems;
}

}  // namespace untrain
