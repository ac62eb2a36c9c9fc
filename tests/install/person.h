// A person's machine in miniature for a test: a temporary HOME, an empty PATH (so that only the
// browsers the test creates are found), a database path, and `untrain` run there as they run it.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "../unit/temp_dir.h"

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

class Person {
 public:
  Person();

  const std::filesystem::path& home() const { return home_; }
  const std::filesystem::path& bin() const { return bin_; }  // the whole of PATH
  const std::filesystem::path& db() const { return db_; }
  const std::filesystem::path& scratch() const { return dir_.path(); }  // outside HOME

  // Makes a browser "installed": its folder under HOME ("~/.config/chromium") or a program on PATH.
  void has_folder(const std::string& relative);
  void has_program(const std::string& name);

  // `untrain <args>` with exactly HOME, PATH, USER and UNTRAIN_DB set, plus `extra`.
  Run untrain(const std::vector<std::string>& args, const std::map<std::string, std::string>& extra = {}) const;

  // Every regular file under HOME, relative to it.
  std::set<std::string> files() const;

  std::map<std::string, std::string> environment() const;

 private:
  TempDir dir_;
  std::filesystem::path home_, bin_, db_;
};

nlohmann::json read_json(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);
std::string untrain_binary();
