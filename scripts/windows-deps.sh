#!/usr/bin/env bash
# The Windows build's one compiled dependency: SQLite, from Debian's own source package (the one that matches the
# libsqlite3-dev the Linux build uses), turned into the amalgamation (sqlite3.c, sqlite3.h) that the `windows` preset
# compiles into untrain.exe (cmake/windows-sqlite.cmake). Nothing is downloaded from anywhere but Debian's archive.
#
# Usage: scripts/windows-deps.sh [CACHE]   (CACHE defaults to build/windows-deps; prints the amalgamation's folder)
# Adds a deb-src entry for the archive the system already uses when apt has none, then `apt-get source`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

cache=$(realpath -m "${1:-build/windows-deps}")
out="$cache/sqlite-amalgamation"
if [ -f "$out/sqlite3.c" ] && [ -f "$out/sqlite3.h" ]; then
  echo "$out"
  exit 0
fi

# dpkg-dev unpacks the source package; tcl generates the amalgamation from SQLite's source tree.
ensure_packages dpkg-dev tcl make gcc

# The version of libsqlite3-dev in the archive (the Linux build's), so both builds use one SQLite.
version=$(apt-cache policy libsqlite3-dev | awk '/Candidate:/ { print $2 }')
if ! apt-get source --print-uris "sqlite3=$version" >/dev/null 2>&1; then
  # No source entry yet: mirror the binary entries of debian.sources (deb822) or sources.list as deb-src.
  list=/etc/apt/sources.list.d/untrain-deb-src.sources
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | as_root tee "$list" >/dev/null
  else
    grep -h '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | as_root tee "${list%.sources}.list" >/dev/null
  fi
  as_root apt-get update -qq
fi

work="$cache/source"
rm -rf "$work"
mkdir -p "$work"
# Quiet when it works; run again to show why when it does not.
(cd "$work" && { apt-get source -qq "sqlite3=$version" >/dev/null 2>&1 || apt-get source -qq "sqlite3=$version"; })
tree=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'sqlite3-*' | head -n1)
[ -n "$tree" ] || { echo "untrain: apt-get source sqlite3 unpacked nothing in $work" >&2; exit 1; }

# SQLite's own recipe for the amalgamation: configure, then `make sqlite3.c` (tclsh runs its generators).
build="$cache/amalgamation-build"
rm -rf "$build"
mkdir -p "$build"
(cd "$build" && "$tree/configure" --disable-tcl --disable-readline >/dev/null && nice -n 15 make -s sqlite3.c >/dev/null)
mkdir -p "$out"
cp "$build/sqlite3.c" "$build/sqlite3.h" "$out/"
echo "$version" >"$out/VERSION"
rm -rf "$build" "$work"
echo "$out"
