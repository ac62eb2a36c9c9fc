#include "install/flatpak.h"

#include <catch2/catch.hpp>

using namespace untrain;

TEST_CASE("the Flatpak wrapper starts untrain on the host and names it so doctor can read it back", "[flatpak]") {
  auto script = flatpak_wrapper("/home/jane/.local/bin/untrain", "org.mozilla.firefox");
  CHECK(script.rfind("#!/bin/sh\n", 0) == 0);
  CHECK(script.find("exec flatpak-spawn --host '/home/jane/.local/bin/untrain' \"$@\"\n") != std::string::npos);
  CHECK(script.find(flatpak_grant_command("org.mozilla.firefox")) != std::string::npos);
  CHECK(flatpak_wrapper_target(script) == std::filesystem::path("/home/jane/.local/bin/untrain"));
}

TEST_CASE("a binary path with a quote survives the wrapper's shell quoting", "[flatpak]") {
  auto script = flatpak_wrapper("/home/o'neil/bin/untrain", "org.chromium.Chromium");
  CHECK(script.find("'/home/o'\\''neil/bin/untrain'") != std::string::npos);
  CHECK(flatpak_wrapper_target(script) == std::filesystem::path("/home/o'neil/bin/untrain"));
}

TEST_CASE("a script that is not our wrapper has no target", "[flatpak]") {
  CHECK_FALSE(flatpak_wrapper_target("#!/bin/sh\nexec /usr/bin/untrain \"$@\"\n"));
  CHECK_FALSE(flatpak_wrapper_target(""));
}

TEST_CASE("talking to org.freedesktop.Flatpak comes from metadata or an override, the later one winning", "[flatpak]") {
  std::string metadata = "[Application]\nname=org.mozilla.firefox\n\n[Context]\nshared=network;ipc;\n";
  std::string granted = "[Session Bus Policy]\norg.freedesktop.Flatpak=talk\n";
  std::string revoked = "[Session Bus Policy]\norg.freedesktop.Flatpak=none\n";
  CHECK_FALSE(flatpak_may_spawn_on_host({metadata}));
  CHECK(flatpak_may_spawn_on_host({metadata, granted}));
  CHECK_FALSE(flatpak_may_spawn_on_host({metadata, granted, revoked}));
  CHECK_FALSE(flatpak_may_spawn_on_host({}));
}

TEST_CASE("the sandbox sees its own folder and what its filesystems permissions expose, never the host's /usr",
          "[flatpak]") {
  std::filesystem::path home = "/home/jane";
  std::string app = "org.chromium.Chromium";
  std::string none = "[Context]\nfilesystems=xdg-download;\n";
  CHECK(flatpak_sees("/home/jane/.var/app/org.chromium.Chromium/config/chromium/NativeMessagingHosts/x", home, app,
                     {none}));
  CHECK_FALSE(flatpak_sees("/home/jane/.local/bin/untrain", home, app, {none}));
  CHECK(flatpak_sees("/home/jane/Downloads/untrain", home, app, {none}));
  CHECK(flatpak_sees("/home/jane/.local/bin/untrain", home, app, {"[Context]\nfilesystems=home;\n"}));
  CHECK(flatpak_sees("/home/jane/.local/bin/untrain", home, app, {none, "[Context]\nfilesystems=~/.local/bin:ro;\n"}));
  CHECK_FALSE(flatpak_sees("/home/jane/.local/bin/untrain", home, app,
                           {"[Context]\nfilesystems=home;\n", "[Context]\nfilesystems=!home;\n"}));
  CHECK(flatpak_sees("/opt/untrain/untrain", home, app, {"[Context]\nfilesystems=host;\n"}));
  CHECK_FALSE(flatpak_sees("/usr/bin/untrain", home, app, {"[Context]\nfilesystems=host;\n"}));
}
