#!/usr/bin/env bash
# Builds untrain's Windows installer, build/windows/untrain-VERSION-x64.msi, from the windows preset's untrain.exe
# with msitools' wixl (packaging/windows/untrain.wxs): per user, into %LOCALAPPDATA%\Programs\untrain, registering
# with every browser on install and unregistering on removal. Prints the MSI's path.
#
# Usage: scripts/windows-msi.sh [BUILD]   (BUILD defaults to build/windows, built first when untrain.exe is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_packages wixl

build=$(realpath -m "${1:-build/windows}")
exe="$build/host/untrain.exe"
if [ ! -f "$exe" ]; then
  cmake --preset windows >/dev/null
  nice -n 15 cmake --build --preset windows --target untrain >/dev/null
fi
version=$(sed -n 's/^project(untrain VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
msi="$build/untrain-$version-x64.msi"
wxs=$(realpath packaging/windows/untrain.wxs)
# wixl finds the files a .wxs names relative to where it runs.
(cd "$build/host" && wixl --arch x64 -D Version="$version" -D Exe=untrain.exe -o "$msi" "$wxs")
echo "$msi"
