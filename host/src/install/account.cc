#include "install/account.h"

#include <pwd.h>
#include <unistd.h>

#include "core/error.h"

namespace untrain {

Account account_for(uid_t euid, gid_t egid, const Environment& env, const AccountLookup& lookup) {
  auto sudo_user = env("SUDO_USER");
  if (euid == 0 && sudo_user && *sudo_user != "root") {
    auto account = lookup(*sudo_user);
    if (!account)
      throw Error(Outcome::usage, "running through sudo for '" + *sudo_user + "', who is not in the password database");
    account->via_sudo = true;
    return *account;
  }
  auto home = env("HOME");
  if (!home || home->front() != '/')
    throw Error(Outcome::usage, "HOME is not set to an absolute path; pass --manifest-dir");
  Account self;
  self.name = env("USER").value_or(euid == 0 ? "root" : std::to_string(euid));
  self.uid = euid;
  self.gid = egid;
  self.home = *home;
  return self;
}

Account current_account() {
  auto lookup = [](const std::string& name) -> std::optional<Account> {
    const passwd* entry = ::getpwnam(name.c_str());
    if (!entry || !entry->pw_dir) return std::nullopt;
    return Account{name, entry->pw_uid, entry->pw_gid, entry->pw_dir, false};
  };
  return account_for(::geteuid(), ::getegid(), process_environment(), lookup);
}

}  // namespace untrain
