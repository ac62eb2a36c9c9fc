// Writing and removing the files registration.cc decides on, with POSIX calls: mkstemp and rename, modes, and through
// sudo the person's own identity or ownership (Linux, macOS; the build picks this file there).
#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/error.h"
#include "install/registration_file.h"

namespace untrain {
namespace {

// errno as text, with a hint for the person when it is a permission problem; read first thing
// after the failing call.
std::string failure(const char* hint_when_denied) {
  int error = errno;
  std::string text = std::strerror(error);
  if (error == EACCES || error == EPERM) text += std::string(" (") + hint_when_denied + ")";
  return text;
}

// Through sudo for a person, what goes into their own space (their home, or a folder they own) is written with
// their identity, so that the kernel, not a check of ours, stops a link they planted from leading root's writes into
// a system folder; nothing there needs a chown. Elsewhere (a --manifest-dir of root's) root writes, and hands what it
// created to them through the descriptor it created, never by a path that could since have been swapped for a link.
bool in_their_space(const std::filesystem::path& folder, const Registration& how) {
  auto home = how.account.home.lexically_normal().string();
  auto path = folder.lexically_normal().string();
  if (path == home || path.rfind(home + (home.back() == '/' ? "" : "/"), 0) == 0) return true;
  for (auto p = folder; !p.empty(); p = p.parent_path()) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) == 0) return st.st_uid == how.account.uid;
    if (p == p.parent_path()) break;
  }
  return false;
}

enum class Hand { none, act_as_them, chown_to_them };

Hand hand_over(const std::filesystem::path& folder, const Registration& how) {
  if (!how.account.via_sudo || how.system || how.destdir) return Hand::none;
  return in_their_space(folder, how) ? Hand::act_as_them : Hand::chown_to_them;
}

// Switches this process's effective identity to the person's for its lifetime (groups, then gid, then uid; back in
// the reverse order).
class ActingAs {
 public:
  ActingAs(const Account& account, bool active) : active_(active) {
    if (!active_) return;
    saved_groups_.resize(static_cast<std::size_t>(std::max(::getgroups(0, nullptr), 0)));
    int count = ::getgroups(static_cast<int>(saved_groups_.size()), saved_groups_.data());
    saved_groups_.resize(static_cast<std::size_t>(std::max(count, 0)));
    saved_gid_ = ::getegid();
    if (::setgroups(1, &account.gid) != 0 || ::setegid(account.gid) != 0 || ::seteuid(account.uid) != 0) {
      auto why = failure("run as root");
      restore();
      throw Error(Outcome::io, "acting as " + account.name + ": " + why);
    }
  }
  ~ActingAs() { restore(); }
  ActingAs(const ActingAs&) = delete;

 private:
  void restore() {
    if (!active_) return;
    // Back to root; should that ever fail, nothing more is written with the wrong identity.
    if (::seteuid(0) != 0 || ::setegid(saved_gid_) != 0 ||
        ::setgroups(saved_groups_.size(), saved_groups_.data()) != 0) {
      std::abort();
    }
  }
  bool active_;
  std::vector<gid_t> saved_groups_;
  gid_t saved_gid_ = 0;
};

// Creates `folder` and its missing parents, handing each one created to the person when root acts for them through
// sudo outside their space (a root-owned folder in their way would break their browser's own writes).
void make_folders(const std::filesystem::path& folder, const Registration& how, Hand hand) {
  std::vector<std::filesystem::path> missing;
  std::error_code ec;
  for (auto p = folder; !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0755) != 0) {
      if (errno == EEXIST) continue;  // not made by us: not ours to hand over
      auto why = failure(how.system ? "run with sudo" : "is its parent owned by root?");
      throw Error(Outcome::io, "creating " + it->string() + ": " + why);
    }
    if (hand != Hand::chown_to_them) continue;
    int fd = ::open(it->c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    bool handed = fd >= 0 && ::fchown(fd, how.account.uid, how.account.gid) == 0;
    auto why = failure("run as root");
    if (fd >= 0) ::close(fd);
    if (!handed) throw Error(Outcome::io, "handing " + it->string() + " to " + how.account.name + ": " + why);
  }
}

bool same_file(const std::filesystem::path& file, const std::string& content, mode_t mode, const Registration& how) {
  struct stat st {};
  if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 07777) != mode) return false;
  if (how.account.via_sudo && !how.system && st.st_uid != how.account.uid) return false;
  std::ifstream in(file, std::ios::binary);
  std::string existing((std::istreambuf_iterator<char>(in)), {});
  return existing == content;
}

}  // namespace

// Writes through a new temporary file (mkstemp: O_CREAT | O_EXCL, so never through a link someone left there) and a
// rename, so a browser never reads half a manifest.
Change::What write_registration_file(const std::filesystem::path& file, const std::string& content, unsigned mode,
                                     const Registration& how) {
  Hand hand = hand_over(file.parent_path(), how);
  ActingAs identity(how.account, hand == Hand::act_as_them);
  make_folders(file.parent_path(), how, hand);
  if (same_file(file, content, static_cast<mode_t>(mode), how)) return Change::What::unchanged;
  std::string temporary = (file.parent_path() / ("." + file.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    auto why = failure(how.system ? "run with sudo" : "is the folder owned by root?");
    throw Error(Outcome::io, "writing " + file.string() + ": " + why);
  }
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  bool written = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  written = ::fchmod(fd, static_cast<mode_t>(mode)) == 0 && written;  // the umask must not decide who can read it
  if (hand == Hand::chown_to_them) written = ::fchown(fd, how.account.uid, how.account.gid) == 0 && written;
  written = ::close(fd) == 0 && written;
  // rename() replaces a link at the manifest's name rather than writing through it.
  if (!written || ::rename(temporary.c_str(), file.c_str()) != 0) {
    auto why = failure("is the folder owned by root?");
    ::unlink(temporary.c_str());
    throw Error(Outcome::io, "writing " + file.string() + ": " + why);
  }
  return Change::What::wrote;
}

FoundFile read_registration_file(const std::filesystem::path& file) {
  // O_NOFOLLOW: a link at the name is reported, never read through; O_NONBLOCK: a FIFO there cannot hold us.
  int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return {};
    if (errno == ELOOP) return {FoundFile::Kind::other, ""};
    auto why = failure("it or its folder belongs to root: try sudo");
    throw Error(Outcome::io, "reading " + file.string() + ": " + why);
  }
  struct stat st {};
  FoundFile found{FoundFile::Kind::other, ""};
  constexpr off_t kLimit = 1 << 20;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= kLimit) {
    found.kind = FoundFile::Kind::file;
    found.bytes.resize(static_cast<std::size_t>(st.st_size));
    ssize_t n = ::read(fd, found.bytes.data(), found.bytes.size());
    found.bytes.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
  }
  ::close(fd);
  return found;
}

bool remove_registration_file(const std::filesystem::path& file) {
  if (::unlink(file.c_str()) == 0) return true;
  if (errno == ENOENT) return false;
  auto why = failure("it or its folder belongs to root: try sudo");
  throw Error(Outcome::io, "removing " + file.string() + ": " + why);
}

}  // namespace untrain
