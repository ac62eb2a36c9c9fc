// Whose browsers: the decision (account.h). The process's own account is read in account-unix.cc or
// account-win32.cc, picked by the build.
#include "install/account.h"

#include "core/error.h"

namespace untrain {

Account account_for(UserId euid, GroupId egid, const Environment& env, const AccountLookup& lookup) {
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
}  // namespace untrain
