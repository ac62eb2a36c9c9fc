// Whose browsers a per-user install or doctor is for. Run through sudo, that is the person who ran
// sudo (SUDO_USER), not root: writing into /root by mistake is a classic installation fault, and
// files written for that person must belong to them.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/paths.h"
#include "core/user_id.h"

namespace untrain {

struct Account {
  std::string name;
  UserId uid = 0;
  GroupId gid = 0;
  std::filesystem::path home;
  bool via_sudo = false;  // root acting for `name`: chown what is written to uid:gid
};

using AccountLookup = std::function<std::optional<Account>(const std::string& name)>;

// Pure. Root with SUDO_USER set (and not root itself) acts for that user, looked up in the
// password database; anyone else acts for themselves, at $HOME. Throws Error(usage) when there is
// no home to install into.
Account account_for(UserId euid, GroupId egid, const Environment& env, const AccountLookup& lookup);

// This process: geteuid(), the environment and getpwnam().
Account current_account();

}  // namespace untrain
