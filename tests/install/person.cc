#include "person.h"

#include <boost/process.hpp>
#include <fstream>
#include <sstream>

namespace bp = boost::process;

Person::Person() : home_(dir_.path() / "home"), bin_(dir_.path() / "bin"), db_(dir_.path() / "untrain.db") {
  std::filesystem::create_directories(home_);
  std::filesystem::create_directories(bin_);
}

void Person::has_folder(const std::string& relative) { std::filesystem::create_directories(home_ / relative); }

void Person::has_program(const std::string& name) {
  write_text(bin_ / name, "#!/bin/sh\n");
  std::filesystem::permissions(bin_ / name, std::filesystem::perms(0755));
}

std::map<std::string, std::string> Person::environment() const {
  return {{"HOME", home_.string()}, {"PATH", bin_.string()}, {"USER", "tester"}, {"UNTRAIN_DB", db_.string()}};
}

Run Person::untrain(const std::vector<std::string>& args, const std::map<std::string, std::string>& extra) const {
  bp::environment env;
  for (const auto& [k, v] : environment()) env[k] = v;
  for (const auto& [k, v] : extra) env[k] = v;
  auto out = dir_.path() / "stdout", err = dir_.path() / "stderr";
  std::filesystem::remove(out);  // Boost.Process appends to an existing file
  std::filesystem::remove(err);
  Run run;
  run.status = bp::system(untrain_binary(), bp::args(args), env, bp::std_out > out.string(), bp::std_err > err.string(),
                          bp::std_in < bp::null);
  std::ifstream o(out), e(err);
  std::stringstream os, es;
  os << o.rdbuf();
  es << e.rdbuf();
  run.out = os.str();
  run.err = es.str();
  return run;
}

std::set<std::string> Person::files() const {
  std::set<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(home_)) {
    if (entry.is_regular_file()) found.insert(std::filesystem::relative(entry.path(), home_).string());
  }
  return found;
}

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::trunc);
  out << text;
}

std::string untrain_binary() { return UNTRAIN_BINARY; }
