// This process's account on Windows (the build picks this file there): the signed-in member, whose profile folder is
// %USERPROFILE%. There is no sudo: an elevated prompt is still the member, and their per-user registry keys are
// HKEY_CURRENT_USER's.
#include "core/error.h"
#include "install/account.h"

namespace untrain {

Account current_account() {
  auto env = process_environment();
  auto home = env("USERPROFILE");
  if (!home) throw Error(Outcome::usage, "USERPROFILE is not set; pass --manifest-dir");
  Account self;
  self.name = env("USERNAME").value_or("member");
  self.home = *home;
  return self;
}

}  // namespace untrain
