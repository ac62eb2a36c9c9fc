// This process's account on Linux and macOS: geteuid(), the environment and getpwnam() (the build picks this file
// there).
#include <pwd.h>
#include <unistd.h>

#include "install/account.h"

namespace untrain {

static_assert(sizeof(UserId) == sizeof(uid_t) && sizeof(GroupId) == sizeof(gid_t));

Account current_account() {
  auto lookup = [](const std::string& name) -> std::optional<Account> {
    const passwd* entry = ::getpwnam(name.c_str());
    if (!entry || !entry->pw_dir) return std::nullopt;
    return Account{name, entry->pw_uid, entry->pw_gid, entry->pw_dir, false};
  };
  return account_for(::geteuid(), ::getegid(), process_environment(), lookup);
}

}  // namespace untrain
