#!/usr/bin/env bash
# Installs what the tests need (build packages, Debian's Chromium, npm packages), builds, and runs
# every test through ctest: C++ unit, protocol over pipes, extension modules, browser end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_packages "${BUILD_PACKAGES[@]}" chromium openssl nodejs
# Firefox ESR for the Firefox end-to-end tests; dpkg-dev and file for CPack's .deb (dpkg-shlibdeps);
# zip and unzip for the store packages.
ensure_packages firefox-esr dpkg-dev file zip unzip
# rsvg-convert (scripts/icons.sh builds the extension's icons from their SVG sources).
ensure_packages librsvg2-bin
# Chromium's own translations: without them it runs in English whatever the language, and so does the extension.
ensure_packages chromium-l10n
# Google Benchmark and the sqlite3 shell: the benchmarks' smoke run (bench/CMakeLists.txt) is a test.
ensure_packages libbenchmark-dev sqlite3
# Hardening (docs/security.md): clang and its sanitizer runtimes for the fuzz targets, strace for the
# no-socket test, util-linux's unshare for the read-only and full-disk tests.
ensure_packages clang-14 libclang-rt-14-dev strace util-linux
# clang-format for the C++ style check (lint: clang-format).
ensure_packages clang-format
# Windows (issue 16): MinGW-w64 cross-builds untrain.exe (the windows preset), Wine runs its tests (ctest label
# `wine`), wixl (msitools) builds its MSI; dpkg-dev and tcl turn Debian's SQLite source into the amalgamation.
ensure_packages g++-mingw-w64-x86-64-posix wine wine64 wixl dpkg-dev tcl
# Releases (issue 18, docs/release.md): lintian checks the .deb; faketime pins the time wixl and msibuild write into the
# MSI, so that two builds of it are byte-identical.
ensure_packages lintian faketime
command -v npm >/dev/null || ensure_packages npm
# The extension's modules are loaded under node --test with require() of an ES module (Node >= 20.19).
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
  { echo "untrain: the tests need Node.js 20.19 or newer (found $(node --version)); Debian's nodejs is older: install a newer one" >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error

# The C++ unit and protocol tests under AddressSanitizer and UndefinedBehaviorSanitizer, then each
# libFuzzer target for a short while from its seed corpus (docs/security.md runs them longer).
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan --timeout 600 -j2
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
ctest --preset fuzz -j2

# untrain.exe and its unit tests for Windows, with SQLite from Debian's source package; the default build's ctest
# runs them under Wine (tests/wine/) and builds the MSI (scripts/windows-msi.sh).
scripts/windows-deps.sh >/dev/null
cmake --preset windows >/dev/null
cmake --build --preset windows

# Every test of the default build, last, so that ctest's closing line counts the whole suite.
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default --timeout 300 "$@"
