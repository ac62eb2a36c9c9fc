// Files as the doctor sees them on Windows (the build picks this file there). Files have no owner number or mode
// bits: who may read and change them is the profile's ACL, which untrain does not change (docs/security.md,
// "Windows"), so the facts say a regular file is the member's and readable (0644) and a folder listable (0755),
// and the doctor checks the registry instead (doctor_platform-win32.cc). A program is executable when it is an .exe.
#include <algorithm>
#include <cctype>

#include "core/paths.h"
#include "doctor/doctor_probe.h"

namespace untrain {

FileFacts file_facts(const std::filesystem::path& path) {
  FileFacts facts;
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return facts;
  facts.exists = true;
  facts.directory = std::filesystem::is_directory(status);
  facts.regular = std::filesystem::is_regular_file(status);
  facts.mode = facts.directory ? 0755 : 0644;
  facts.owner = process_environment()("USERNAME").value_or("you");
  return facts;
}

bool is_executable(const std::filesystem::path& path) {
  auto extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::error_code ec;
  return extension == ".exe" && std::filesystem::is_regular_file(path, ec);
}

}  // namespace untrain
