// What `untrain doctor` found, and its two renderings: a checklist for people (each problem with
// its fix) and JSON for machines (docs/cli.md shows both). Pure.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "doctor/doctor_checks.h"

namespace untrain {

struct Section {
  std::string title;    // "Chromium", "Firefox (Flatpak)", "Database", "Browsers"
  std::string browser;  // the --browser name; "" for sections not about one browser
  std::string subject;  // the manifest file or database the checks are about
  std::vector<Check> checks;
};

struct DoctorReport {
  std::string version;
  std::filesystem::path binary;
  std::vector<Section> sections;

  int problems() const;
};

std::string doctor_text(const DoctorReport& report);
nlohmann::json doctor_json(const DoctorReport& report);

}  // namespace untrain
