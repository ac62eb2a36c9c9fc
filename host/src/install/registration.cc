#include "install/registration.h"

#include <vector>

#include "core/error.h"
#include "install/flatpak.h"
#include "install/host_manifest.h"
#include "install/registration_file.h"
#include "install/windows_registry.h"

namespace untrain {
namespace {

std::filesystem::path staged(const std::filesystem::path& dir, const Registration& how) {
  return how.destdir ? *how.destdir / dir.relative_path() : dir;
}

// Removes `file` only when untrain wrote it (`ours` judges its bytes): a file of the same name from elsewhere, or a
// link, is another program's to remove (the principle "touch only what is untrain's", docs/security.md).
Change::What remove_if_ours(const std::filesystem::path& file, const std::function<bool(const std::string&)>& ours) {
  auto found = read_registration_file(file);
  if (found.kind == FoundFile::Kind::none) return Change::What::absent;
  if (found.kind == FoundFile::Kind::other || !ours(found.bytes)) return Change::What::not_ours;
  return remove_registration_file(file) ? Change::What::removed : Change::What::absent;
}

}  // namespace

std::vector<std::filesystem::path> registration_dirs(const Browser& browser, const Registration& how,
                                                     const std::function<bool(const std::filesystem::path&)>& exists) {
  if (how.manifest_dir) return {*how.manifest_dir};
  if (!how.system) {
    auto dir = user_manifest_dir(browser, current_os(), how.account.home);
    if (!dir) return {};
    return {*dir};
  }
  std::vector<std::filesystem::path> dirs;
  auto candidates = system_manifest_dirs(browser, current_os());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (i == 0 || exists(staged(candidates[i].parent_path(), how))) dirs.push_back(candidates[i]);
  }
  return dirs;
}

std::vector<Change> register_browser(const Browser& browser, const Registration& how) {
  std::vector<Change> changes;
  auto exists = [](const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(p, ec);
  };
  auto dirs = registration_dirs(browser, how, exists);
  if (dirs.empty()) {
    changes.push_back({browser.name,
                       Change::What::skipped,
                       {},
                       browser.title + " has no " + (how.system ? "system-wide" : "per-user") + " folder here" +
                           (how.system ? "; register it per user" : "")});
    return changes;
  }
  for (const auto& dir : dirs) {
    auto folder = staged(dir, how);
    auto program = how.binary;
    if (browser.packaging == Packaging::flatpak && !how.system) {
      // The wrapper is found by the browser at its path inside the sandbox, which is the same path.
      auto wrapper = dir / kFlatpakWrapperName;
      changes.push_back({browser.name,
                         write_registration_file(folder / kFlatpakWrapperName,
                                                 flatpak_wrapper(how.binary, browser.app_id), 0755, how),
                         folder / kFlatpakWrapperName, ""});
      program = wrapper;
    }
    auto file = folder / manifest_file_name();
    Change change{browser.name, write_registration_file(file, host_manifest_text(browser.family, program), 0644, how),
                  file, ""};
    if (browser.packaging == Packaging::flatpak) {
      change.note =
          browser.title + " may start untrain only once allowed to, with: " + flatpak_grant_command(browser.app_id);
    }
    if (auto key = registry_key(browser, how.system); key && current_os() == Os::windows && !how.destdir) {
      set_registry_default(*key, (dir / manifest_file_name()).string());
    }
    changes.push_back(change);
  }
  return changes;
}

std::vector<Change> unregister_browser(const Browser& browser, const Registration& how) {
  std::vector<Change> changes;
  auto dirs = registration_dirs(browser, how, [](const std::filesystem::path&) { return false; });
  if (how.system) {
    // Remove from every candidate, including those `install` would skip today.
    dirs.clear();
    for (const auto& dir : system_manifest_dirs(browser, current_os())) dirs.push_back(dir);
  }
  for (const auto& dir : dirs) {
    auto folder = staged(dir, how);
    if (browser.packaging == Packaging::flatpak) {
      auto wrapper = folder / kFlatpakWrapperName;
      auto what =
          remove_if_ours(wrapper, [](const std::string& text) { return flatpak_wrapper_target(text).has_value(); });
      if (what != Change::What::absent) changes.push_back({browser.name, what, wrapper, ""});
    }
    auto file = folder / manifest_file_name();
    changes.push_back({browser.name, remove_if_ours(file, is_untrain_manifest), file, ""});
    if (auto key = registry_key(browser, how.system); key && current_os() == Os::windows && !how.destdir) {
      remove_registry_key(*key);
    }
  }
  return changes;
}

std::string describe(const Change& change) {
  std::string line = change.browser + ": ";
  switch (change.what) {
    case Change::What::wrote: line += "wrote " + change.file.string(); break;
    case Change::What::unchanged: line += "already registered, unchanged: " + change.file.string(); break;
    case Change::What::removed: line += "removed " + change.file.string(); break;
    case Change::What::absent: line += "was not registered: no " + change.file.string(); break;
    case Change::What::skipped: line += "skipped"; break;
    case Change::What::not_ours: line += "left alone, not written by untrain: " + change.file.string(); break;
  }
  if (!change.note.empty())
    line += change.what == Change::What::skipped ? ": " + change.note : "\n  note: " + change.note;
  return line;
}

}  // namespace untrain
