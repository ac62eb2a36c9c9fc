// The looking half of `untrain doctor`: reads files, folders, Flatpak metadata, Firefox profiles
// and the database, and turns what it finds (or fails to read) into facts for doctor_checks.h.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "doctor/doctor_checks.h"

namespace untrain {

FileFacts file_facts(const std::filesystem::path& path);

// The manifest site at `folder` for `browser`: its folder and file, their owners and modes, the
// manifest's text, and files nearby that name our host under a wrong file name.
ManifestSite probe_site(const Browser& browser, const std::filesystem::path& folder, bool system, bool custom);

bool is_executable(const std::filesystem::path& path);

// A text file's contents, or nullopt when it cannot be read.
std::optional<std::string> read_text(const std::filesystem::path& path);

// The Flatpak app's metadata and overrides, system-wide then per user (later ones win).
std::vector<std::string> flatpak_app_ini(const std::string& app_id, const std::filesystem::path& home);

// Every profile listed in a profiles.ini of the browser's profile folders, with its prefs files.
std::vector<ProfilePrefs> firefox_profile_prefs(const Browser& browser, const std::filesystem::path& home);

// Opens the database only when it exists (doctor never creates it) and runs PRAGMA quick_check.
DatabaseFacts probe_database(const std::filesystem::path& path);

}  // namespace untrain
