#include "install/account.h"

#include <catch2/catch.hpp>
#include <map>

#include "core/error.h"

using namespace untrain;

namespace {

Environment env(std::map<std::string, std::string> values) {
  return [values](const char* name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

std::optional<Account> passwd(const std::string& name) {
  if (name == "jane") return Account{"jane", 1000, 1000, "/home/jane", false};
  if (name == "root") return Account{"root", 0, 0, "/root", false};
  return std::nullopt;
}

}  // namespace

TEST_CASE("a person installs into their own HOME", "[account]") {
  auto a = account_for(1000, 1000, env({{"HOME", "/home/jane"}, {"USER", "jane"}}), passwd);
  CHECK(a.home == "/home/jane");
  CHECK(a.uid == 1000);
  CHECK_FALSE(a.via_sudo);
}

TEST_CASE("run through sudo, untrain acts for the person who ran sudo, not for root", "[account]") {
  // Debian's sudo resets HOME to /root: that is exactly the mistake to avoid.
  auto a = account_for(0, 0, env({{"HOME", "/root"}, {"SUDO_USER", "jane"}, {"SUDO_UID", "1000"}}), passwd);
  CHECK(a.home == "/home/jane");
  CHECK(a.uid == 1000);
  CHECK(a.gid == 1000);
  CHECK(a.name == "jane");
  CHECK(a.via_sudo);
}

TEST_CASE("root's own session (no sudo, or sudo from root) installs for root", "[account]") {
  CHECK(account_for(0, 0, env({{"HOME", "/root"}}), passwd).home == "/root");
  auto a = account_for(0, 0, env({{"HOME", "/root"}, {"SUDO_USER", "root"}}), passwd);
  CHECK(a.home == "/root");
  CHECK_FALSE(a.via_sudo);
}

TEST_CASE("SUDO_USER is ignored unless we really are root", "[account]") {
  auto a = account_for(1000, 1000, env({{"HOME", "/home/jane"}, {"SUDO_USER", "mallory"}}), passwd);
  CHECK(a.home == "/home/jane");
  CHECK_FALSE(a.via_sudo);
}

TEST_CASE("no HOME, or a sudo user unknown to the system, is a usage error", "[account]") {
  CHECK_THROWS_AS(account_for(1000, 1000, env({}), passwd), Error);
  CHECK_THROWS_AS(account_for(1000, 1000, env({{"HOME", "relative"}}), passwd), Error);
  CHECK_THROWS_AS(account_for(0, 0, env({{"HOME", "/root"}, {"SUDO_USER", "ghost"}}), passwd), Error);
}
