// What a Flatpak browser needs to reach untrain, decided from text (pure).
//
// A Flatpak browser reads host manifests inside its sandbox (~/.var/app/<id>/…) and starts the
// manifest's program inside the sandbox too, where the host's /usr and, unless the app is granted
// them, the member's files are out of sight; a program built for the host would not find its
// libraries there anyway. So untrain gives a Flatpak browser a small wrapper script, kept next to
// the manifest (always visible to the app), that asks Flatpak to start untrain on the host with
// `flatpak-spawn --host`. That needs one permission, talking to org.freedesktop.Flatpak on the
// session bus, which the member grants with `flatpak override`. Doctor reads the app's metadata
// and overrides (INI files) to tell whether it has been granted.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace untrain {

inline constexpr const char* kFlatpakWrapperName = "org.untrain.host.sh";

// The wrapper's text: a shell script that execs `flatpak-spawn --host <binary> "$@"`.
std::string flatpak_wrapper(const std::filesystem::path& binary, const std::string& app_id);

// The host binary a wrapper starts, or nullopt when the text is not one of ours.
std::optional<std::filesystem::path> flatpak_wrapper_target(const std::string& script);

// Whether the app may talk to org.freedesktop.Flatpak, from its metadata then its overrides (the
// later file wins for the same key).
bool flatpak_may_spawn_on_host(const std::vector<std::string>& ini_files);

// The command that grants it, for the member to run.
std::string flatpak_grant_command(const std::string& app_id);

// Whether a file at `path` is visible inside the app's sandbox at the same path: the app's own
// ~/.var/app/<id>, or what its `filesystems=` permissions expose (host, home, ~/dir, /dir,
// xdg-*); the host's /usr, /lib*, /bin, /sbin, /etc and /app never are.
bool flatpak_sees(const std::filesystem::path& path, const std::filesystem::path& home, const std::string& app_id,
                  const std::vector<std::string>& ini_files);

}  // namespace untrain
