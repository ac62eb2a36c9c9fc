// Files as the doctor sees them on Linux and macOS: stat(), the password database, access(X_OK) (the build picks this
// file there).
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doctor/doctor_probe.h"

namespace untrain {

FileFacts file_facts(const std::filesystem::path& path) {
  FileFacts facts;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return facts;
  facts.exists = true;
  facts.directory = S_ISDIR(st.st_mode);
  facts.regular = S_ISREG(st.st_mode);
  facts.uid = st.st_uid;
  facts.gid = st.st_gid;
  facts.mode = st.st_mode & 07777;
  const passwd* owner = ::getpwuid(st.st_uid);
  facts.owner = owner ? owner->pw_name : "uid " + std::to_string(st.st_uid);
  return facts;
}

bool is_executable(const std::filesystem::path& path) { return ::access(path.c_str(), X_OK) == 0; }

}  // namespace untrain
