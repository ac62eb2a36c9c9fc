#include "host_manifest.h"

#include <fstream>

#include "error.h"
#include "extension_identity.h"

namespace untrain {

nlohmann::json host_manifest(Family family, const std::filesystem::path& binary) {
  nlohmann::json manifest = {
      {"name", kHostName},
      {"description", "untrain: keeps the audit trail of your AI-training settings"},
      {"path", binary.string()},
      {"type", "stdio"},
  };
  if (family == Family::chromium) {
    manifest["allowed_origins"] = {extension_origin()};
  } else {
    manifest["allowed_extensions"] = {firefox_addon_id()};
  }
  return manifest;
}

std::filesystem::path install_manifest(Family family, const std::filesystem::path& dir,
                                       const std::filesystem::path& binary) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(Code::io, "creating " + dir.string() + ": " + ec.message());
  auto file = dir / (std::string(kHostName) + ".json");
  auto temporary = file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << host_manifest(family, binary).dump(2) << '\n';
    if (!out.flush()) throw Error(Code::io, "writing " + temporary.string());
  }
  std::filesystem::permissions(temporary, std::filesystem::perms(0644), ec);
  std::filesystem::rename(temporary, file, ec);
  if (ec) throw Error(Code::io, "writing " + file.string() + ": " + ec.message());
  return file;
}

bool uninstall_manifest(const std::filesystem::path& dir) {
  std::error_code ec;
  bool removed = std::filesystem::remove(dir / (std::string(kHostName) + ".json"), ec);
  if (ec) throw Error(Code::io, "removing the manifest in " + dir.string() + ": " + ec.message());
  return removed;
}

std::filesystem::path running_binary() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error(Code::io, "cannot tell where the untrain binary is: " + ec.message());
  return path;
}

}  // namespace untrain
