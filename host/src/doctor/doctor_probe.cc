#include "doctor/doctor_probe.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.h"
#include "install/flatpak.h"
#include "store/corrupt_database.h"
#include "store/database_file.h"
#include "store/sqlite.h"

namespace untrain {

std::optional<std::string> read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

ManifestSite probe_site(const Browser& browser, const std::filesystem::path& folder, bool system, bool custom) {
  ManifestSite site;
  site.browser = &browser;
  site.system = system;
  site.custom = custom;
  site.folder = folder;
  site.file = folder / manifest_file_name();
  site.folder_facts = file_facts(folder);
  site.file_facts = file_facts(site.file);
  if (site.file_facts.exists) {
    site.text = read_text(site.file);
    if (!site.text) site.read_error = std::strerror(errno);
  }
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    auto name = entry.path().filename().string();
    if (name == manifest_file_name() || name == kFlatpakWrapperName || !entry.is_regular_file(ec)) continue;
    bool ours = name.rfind(kHostName, 0) == 0;
    if (!ours && entry.path().extension() == ".json") {
      auto text = read_text(entry.path());
      auto json = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
      ours = json.is_object() && json.value("name", nlohmann::json()) == kHostName;
    }
    if (ours) site.misnamed.push_back(entry.path());
  }
  return site;
}

std::vector<std::string> flatpak_app_ini(const std::string& app_id, const std::filesystem::path& home) {
  const std::filesystem::path system = "/var/lib/flatpak", user = home / ".local/share/flatpak";
  std::vector<std::string> files;
  for (const auto& path : {system / "app" / app_id / "current/active/metadata",
                           user / "app" / app_id / "current/active/metadata", system / "overrides/global",
                           system / "overrides" / app_id, user / "overrides/global", user / "overrides" / app_id}) {
    if (auto text = read_text(path)) files.push_back(*text);
  }
  return files;
}

std::vector<ProfilePrefs> firefox_profile_prefs(const Browser& browser, const std::filesystem::path& home) {
  std::vector<ProfilePrefs> profiles;
  for (const auto& dir : browser.profiles_dirs) {
    auto folder = home / dir;
    auto ini = read_text(folder / "profiles.ini");
    if (!ini) continue;
    for (const auto& profile : firefox_profiles(*ini, folder)) {
      std::error_code ec;
      if (!std::filesystem::is_directory(profile, ec)) continue;
      profiles.push_back(
          {profile, read_text(profile / "prefs.js").value_or(""), read_text(profile / "user.js").value_or("")});
    }
  }
  return profiles;
}

DatabaseFacts probe_database(const std::filesystem::path& path) {
  DatabaseFacts facts;
  facts.path = path;
  facts.moved_aside = moved_aside(path);
  std::error_code ec;
  facts.exists = std::filesystem::exists(path, ec);
  if (!facts.exists) return facts;
  try {
    // Doctor changes nothing: it looks at what is there first (a FIFO would block SQLite, and a file that is not
    // a database is refused as the host refuses it), then reads on a read-only connection.
    if (inspect_database_file(path) != DatabaseFile::sqlite) {
      facts.quick_check = "ok";  // an empty file: the host starts a new database in it
      return facts;
    }
    std::error_code size_error;
    bool has_wal = std::filesystem::file_size(path.string() + "-wal", size_error) > 0 && !size_error;
    sql::Database db(path.string(), sql::Database::ReadOnly{!database_file_writable(path) && !has_wal});
    auto check = db.prepare("PRAGMA quick_check");
    std::string answer;
    while (check.step()) answer += (answer.empty() ? "" : "; ") + check.text(0);
    facts.quick_check = answer;
    auto version = db.prepare("PRAGMA user_version");
    if (version.step()) facts.schema_version = static_cast<int>(version.integer(0));
  } catch (const Error& e) {
    // Doctor reports a database it cannot read as a finding rather than failing.
    facts.open_error = e.what();
  }
  return facts;
}

}  // namespace untrain
