// Writing and removing the files registration.cc decides on, on Windows (the build picks this file there): a
// temporary file beside the target and MoveFileExW over it, so a browser never reads half a manifest. There are no
// modes: files made under the member's profile inherit its ACL (docs/security.md, "Windows").
#include <windows.h>

#include <fstream>
#include <iterator>

#include "core/crypto.h"
#include "core/error.h"
#include "install/registration_file.h"

namespace untrain {
namespace {

std::string error_text(DWORD code) {
  char* text = nullptr;
  FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
                 code, 0, reinterpret_cast<char*>(&text), 0, nullptr);
  std::string message = text ? text : "error " + std::to_string(code);
  if (text) LocalFree(text);
  while (!message.empty() && (message.back() == '\n' || message.back() == '\r' || message.back() == ' '))
    message.pop_back();
  return message;
}

std::string random_suffix() {
  unsigned char bytes[6];
  random_bytes(bytes, sizeof bytes);
  std::string text;
  for (unsigned char b : bytes) text += "0123456789abcdef"[b & 0xF];
  return text;
}

}  // namespace

Change::What write_registration_file(const std::filesystem::path& file, const std::string& content, unsigned,
                                     const Registration&) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) throw Error(Outcome::io, "creating " + file.parent_path().string() + ": " + ec.message());
  {
    std::ifstream in(file, std::ios::binary);
    if (in && std::string(std::istreambuf_iterator<char>(in), {}) == content) return Change::What::unchanged;
  }
  auto temporary = file.parent_path() / ("." + file.filename().string() + "." + random_suffix());
  HANDLE handle = CreateFileW(temporary.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (handle == INVALID_HANDLE_VALUE) {
    DWORD code = GetLastError();
    throw Error(Outcome::io, "writing " + file.string() + ": " + error_text(code));
  }
  DWORD written = 0;
  bool ok = WriteFile(handle, content.data(), static_cast<DWORD>(content.size()), &written, nullptr) &&
            written == content.size();
  ok = FlushFileBuffers(handle) && ok;
  DWORD code = GetLastError();
  CloseHandle(handle);
  if (ok) ok = MoveFileExW(temporary.c_str(), file.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
  if (!ok) {
    code = GetLastError();
    DeleteFileW(temporary.c_str());
    throw Error(Outcome::io, "writing " + file.string() + ": " + error_text(code));
  }
  return Change::What::wrote;
}

FoundFile read_registration_file(const std::filesystem::path& file) {
  std::error_code ec;
  // symlink_status: a link or junction at the name is reported, never read through.
  auto status = std::filesystem::symlink_status(file, ec);
  if (status.type() == std::filesystem::file_type::not_found) return {};
  if (ec) throw Error(Outcome::io, "reading " + file.string() + ": " + ec.message());
  if (status.type() != std::filesystem::file_type::regular || std::filesystem::file_size(file, ec) > (1u << 20))
    return {FoundFile::Kind::other, ""};
  std::ifstream in(file, std::ios::binary);
  return {FoundFile::Kind::file, std::string(std::istreambuf_iterator<char>(in), {})};
}

bool remove_registration_file(const std::filesystem::path& file) {
  if (DeleteFileW(file.c_str())) {
    // The folders %LOCALAPPDATA%\untrain\NativeMessagingHosts\{chromium,firefox} are untrain's own: they go too once
    // empty (remove() leaves a folder that is not).
    auto family = file.parent_path();
    if (family.parent_path().filename() == "NativeMessagingHosts") {
      std::error_code ec;
      if (std::filesystem::remove(family, ec)) std::filesystem::remove(family.parent_path(), ec);
    }
    return true;
  }
  DWORD code = GetLastError();
  if (code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND) return false;
  throw Error(Outcome::io, "removing " + file.string() + ": " + error_text(code));
}

}  // namespace untrain
