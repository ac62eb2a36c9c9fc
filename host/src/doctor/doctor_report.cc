#include "doctor/doctor_report.h"

#include <sstream>

namespace untrain {

int DoctorReport::problems() const {
  int count = 0;
  for (const auto& section : sections) {
    for (const auto& check : section.checks) count += check.status == Status::problem;
  }
  return count;
}

std::string doctor_text(const DoctorReport& report) {
  std::ostringstream out;
  out << "untrain doctor: untrain " << report.version << " at " << report.binary.string() << "\n";
  for (const auto& section : report.sections) {
    out << "\n" << section.title << (section.subject.empty() ? "" : ": " + section.subject) << "\n";
    for (const auto& check : section.checks) {
      std::string status(status_name(check.status));
      if (check.status == Status::problem) status = "PROBLEM";
      status.resize(9, ' ');
      out << "  " << status << check.message << "\n";
      if (!check.fix.empty() && check.status != Status::ok) out << "           fix: " << check.fix << "\n";
    }
  }
  int problems = report.problems();
  out << "\n"
      << (problems == 0 ? "No problems found."
                        : std::to_string(problems) + (problems == 1 ? " problem" : " problems") +
                              " found; each has its fix above.")
      << "\n";
  return out.str();
}

nlohmann::json doctor_json(const DoctorReport& report) {
  auto sections = nlohmann::json::array();
  for (const auto& section : report.sections) {
    auto checks = nlohmann::json::array();
    for (const auto& check : section.checks) {
      checks.push_back({{"check", check.id},
                        {"status", status_name(check.status)},
                        {"message", check.message},
                        {"fix", check.fix.empty() ? nlohmann::json() : nlohmann::json(check.fix)}});
    }
    sections.push_back({{"title", section.title},
                        {"browser", section.browser.empty() ? nlohmann::json() : nlohmann::json(section.browser)},
                        {"subject", section.subject},
                        {"checks", checks}});
  }
  return {{"ok", report.problems() == 0},
          {"problems", report.problems()},
          {"version", report.version},
          {"binary", report.binary.string()},
          {"sections", sections}};
}

}  // namespace untrain
