// `untrain doctor`: for each browser found, checks untrain's registration from the manifest to a
// hello round trip with the host started as that browser starts it; then the database.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "doctor_report.h"

namespace untrain {

struct DoctorOptions {
  std::string browser = "all";
  std::optional<std::filesystem::path> manifest_dir;  // check this folder instead of the browser's own
  std::optional<std::string> db;
  std::chrono::milliseconds timeout{5000};             // for each hello round trip
};

DoctorReport run_doctor(const DoctorOptions& options);

// The audit trail's hash chain. Issue 3 brings `untrain verify` and its verifier; the lead wires it
// in here when that merges, so that doctor and verify share one verifier. Until then: skipped.
Check check_hash_chain(const std::filesystem::path& database);

}  // namespace untrain
