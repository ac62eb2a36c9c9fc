#include "run.h"

#include <boost/process.hpp>
#include <fstream>
#include <sstream>

#include "store/store.h"

namespace bp = boost::process;
using namespace untrain;

Member::Member() : db_(dir_.path() / "untrain.db") {}

Run Member::untrain(const std::vector<std::string>& args, const std::map<std::string, std::string>& extra) const {
  std::map<std::string, std::string> vars = {
      {"HOME", dir_.path().string()}, {"PATH", "/usr/bin:/bin"}, {"UNTRAIN_DB", db_.string()}, {"TZ", "UTC"}};
  for (const auto& [k, v] : extra) vars[k] = v;
  bp::environment env;
  for (const auto& [k, v] : vars) {
    if (!v.empty()) env[k] = v;
  }
  auto out = dir_.path() / ".stdout", err = dir_.path() / ".stderr";
  std::filesystem::remove(out);  // Boost.Process appends to an existing file
  std::filesystem::remove(err);
  Run run;
  run.status = bp::system(std::string(UNTRAIN_BINARY), bp::args(args), env, bp::start_dir(dir_.path().string()),
                          bp::std_out > out.string(), bp::std_err > err.string(), bp::std_in < bp::null);
  run.out = read_text(out);
  run.err = read_text(err);
  return run;
}

void Member::observes(const std::string& setting, bool value, std::int64_t time_ms, const std::string& account,
                      const std::string& source) const {
  Observation o;
  o.platform = "linkedin";
  o.account = account;
  o.setting = setting;
  o.value = value;
  o.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
  o.time_ms = time_ms;
  o.source = *parse<ObservationSource>(source);
  Store store = Store::open(db_);
  store.append({o, "0.1.0", "2026-11-28"}, time_ms + 42);
}

void Member::is_nudged(const std::string& setting, std::int64_t time_ms) const {
  Nudge n;
  n.platform = "linkedin";
  n.account = "jane-doe";
  n.setting = setting;
  n.verdict = "on-by-default";
  n.time_ms = time_ms;
  Store store = Store::open(db_);
  store.append({n, "0.1.0", ""}, time_ms + 42);
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}
