#!/usr/bin/env bash
# Builds untrain's Windows installer, build/windows/untrain-VERSION-x64.msi, from the windows preset's untrain.exe
# with msitools' wixl (packaging/windows/untrain.wxs): per user, into %LOCALAPPDATA%\Programs\untrain, registering
# with every browser on install and unregistering on removal. Prints the MSI's path.
#
# Usage: scripts/windows-msi.sh [BUILD]   (BUILD defaults to build/windows, built first when untrain.exe is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_packages wixl faketime

build=$(realpath -m "${1:-build/windows}")
exe="$build/host/untrain.exe"
if [ ! -f "$exe" ]; then
  cmake --preset windows >/dev/null
  nice -n 15 cmake --build --preset windows --target untrain >/dev/null
fi
version=$(sed -n 's/^project(untrain VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
msi="$build/untrain-$version-x64.msi"
wxs=$(realpath packaging/windows/untrain.wxs)

# The same untrain.exe and .wxs give the same MSI (docs/release.md, "Reproducible"). wixl makes a random product code,
# a random package code and writes the time it runs; instead:
# - the product code is derived from the version: a new version is a major upgrade with a code of its own, and
#   rebuilding one version gives the same code;
# - the package code (the summary's revision number, which wixl does not let a .wxs set) is derived from what is
#   packaged, and set afterwards with msibuild -s (msitools), as Windows Installer wants one code per distinct package;
# - wixl and msibuild run under faketime at SOURCE_DATE_EPOCH (else the last commit's time), and untrain.exe's own
#   date in the cabinet is that time too.
# A UUID (version 5 layout) from the SHA-256 of its arguments.
uuid_of() {
  local h
  h=$(printf '%s\n' "$@" | sha256sum | cut -c1-32 | tr a-f A-F)
  echo "${h:0:8}-${h:8:4}-5${h:13:3}-$(printf '%X' $(( (0x${h:16:1} & 3) | 8 )))${h:17:3}-${h:20:12}"
}
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
product_code=$(uuid_of untrain product "$version")
package_code=$(uuid_of untrain package "$version" "$(sha256sum <"$exe")" "$(sha256sum <"$wxs")")
# A copy of untrain.exe dated at that time (the build's own keeps its date, so that ninja does not link it again).
stage=$(mktemp -d "${TMPDIR:-/tmp}/untrain-msi-XXXXXX")
trap 'rm -rf "$stage"' EXIT
cp "$exe" "$stage/untrain.exe"
touch -d "@$epoch" "$stage/untrain.exe"
at=(faketime -f "@$(date -u -d "@$epoch" '+%Y-%m-%d %H:%M:%S')")
# wixl finds the files a .wxs names relative to where it runs.
(cd "$stage" && TZ=UTC "${at[@]}" wixl --arch x64 -D Version="$version" -D ProductCode="$product_code" -D Exe=untrain.exe -o "$msi" "$wxs")
# msibuild -s sets the summary's subject, author, template and revision number together: the first three as the .wxs has them.
TZ=UTC "${at[@]}" msibuild "$msi" -s "untrain: the audit trail of your LinkedIn AI-training settings" untrain "x64;1033" "{$package_code}"
echo "$msi"
