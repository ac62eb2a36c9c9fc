// The registry calls themselves, on Windows (the build picks this file there).
#include <windows.h>

#include <cwchar>
#include <string_view>

#include "core/error.h"
#include "install/windows_registry.h"

namespace untrain {
namespace {

std::wstring wide(std::string_view text) {
  if (text.empty()) return {};
  int n = MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
  std::wstring out(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), n);
  return out;
}

// Splits "HKEY_CURRENT_USER\rest" into the root handle and "rest".
HKEY split(const std::string& key, std::wstring& rest) {
  auto slash = key.find('\\');
  auto root = key.substr(0, slash);
  rest = wide(slash == std::string::npos ? "" : key.substr(slash + 1));
  if (root == "HKEY_CURRENT_USER") return HKEY_CURRENT_USER;
  if (root == "HKEY_LOCAL_MACHINE") return HKEY_LOCAL_MACHINE;
  throw Error(Code::internal, "unknown registry root in " + key);
}

std::string narrow(const std::wstring& text) {
  if (text.empty()) return {};
  int n = WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), n, nullptr, nullptr);
  return out;
}

}  // namespace

void set_registry_default(const std::string& key, const std::string& value) {
  std::wstring path;
  HKEY root = split(key, path);
  HKEY handle = nullptr;
  if (RegCreateKeyExW(root, path.c_str(), 0, nullptr, 0, KEY_SET_VALUE, nullptr, &handle, nullptr) != ERROR_SUCCESS) {
    throw Error(Outcome::io, "creating the registry key " + key + " (for HKEY_LOCAL_MACHINE, run as administrator)");
  }
  std::wstring data = wide(value);
  LONG rc = RegSetValueExW(handle, nullptr, 0, REG_SZ, reinterpret_cast<const BYTE*>(data.c_str()),
                           static_cast<DWORD>((data.size() + 1) * sizeof(wchar_t)));
  RegCloseKey(handle);
  if (rc != ERROR_SUCCESS) throw Error(Outcome::io, "setting the default value of " + key);
}

void remove_registry_key(const std::string& key) {
  std::wstring path;
  HKEY root = split(key, path);
  LONG rc = RegDeleteKeyW(root, path.c_str());
  if (rc != ERROR_SUCCESS && rc != ERROR_FILE_NOT_FOUND) throw Error(Outcome::io, "removing the registry key " + key);
}

std::optional<std::string> registry_default(const std::string& key) {
  std::wstring path;
  HKEY root = split(key, path);
  DWORD size = 0;
  if (RegGetValueW(root, path.c_str(), nullptr, RRF_RT_REG_SZ, nullptr, nullptr, &size) != ERROR_SUCCESS) {
    return std::nullopt;
  }
  std::wstring data(size / sizeof(wchar_t) + 1, L'\0');
  if (RegGetValueW(root, path.c_str(), nullptr, RRF_RT_REG_SZ, nullptr, data.data(), &size) != ERROR_SUCCESS) {
    return std::nullopt;
  }
  data.resize(wcsnlen(data.c_str(), data.size()));
  return narrow(data);
}

}  // namespace untrain
