// `untrain doctor`: for each browser found, checks untrain's registration from the manifest to a
// hello round trip with the host started as that browser starts it; then the database.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "doctor/doctor_report.h"

namespace untrain {

struct DoctorOptions {
  std::string browser = "all";
  std::optional<std::filesystem::path> manifest_dir;  // check this folder instead of the browser's own
  std::optional<std::string> db;
  std::chrono::milliseconds timeout{5000};  // for each hello round trip
};

DoctorReport run_doctor(const DoctorOptions& options);

// The audit trail's hash chain, checked by the same verifier as `untrain verify`.
Check check_hash_chain(const std::filesystem::path& database);

}  // namespace untrain
