// A temporary folder for a test (0700 where folders have modes), removed with everything in it when the test ends.
// Portable: the Windows build's unit tests use it too (tests/windows/).
#pragma once

// Several tests that include this call read, write, close or chmod through it (MinGW has unistd.h too).
#include <unistd.h>

#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    for (int attempt = 0; attempt < 100 && path_.empty(); ++attempt) {
      auto candidate = std::filesystem::temp_directory_path() / ("untrain-test-" + std::to_string(random()));
      std::error_code ec;
      if (std::filesystem::create_directory(candidate, ec)) path_ = candidate;
    }
    if (path_.empty()) throw std::runtime_error("cannot create a temporary folder");
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};
