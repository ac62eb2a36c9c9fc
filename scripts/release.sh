#!/usr/bin/env bash
# Builds every release artifact of the checked-out commit into dist/ (or the folder given), reproducibly:
#   untrain_VERSION-1_ARCH.deb        the helper for Debian and Ubuntu, checked with lintian
#   untrain-VERSION-chrome.zip        the extension for the Chrome Web Store
#   untrain-VERSION-firefox.zip       the extension for addons.mozilla.org, checked with web-ext lint
#   untrain-VERSION-x64.msi           the helper's Windows installer (not with --no-msi)
#   SHA256SUMS                        the SHA-256 of each of them
# Built twice from one commit, every file is byte-identical (docs/release.md says how this is checked, and why).
#
# Usage: scripts/release.sh [--no-msi] [OUT]
# It builds the files git tracks, copied to a temporary folder, so nothing untracked in the checkout gets in; it
# refuses uncommitted changes to them unless UNTRAIN_RELEASE_DIRTY=1 (the tests build the working tree).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

msi=yes
if [ "${1:-}" = --no-msi ]; then msi=no; shift; fi
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)

if [ "${UNTRAIN_RELEASE_DIRTY:-}" != 1 ] && ! git diff --quiet HEAD --; then
  echo "untrain: the checkout has uncommitted changes; commit them, or set UNTRAIN_RELEASE_DIRTY=1 for a test build" >&2
  exit 1
fi
# Every date written into an artifact is the commit's (https://reproducible-builds.org/specs/source-date-epoch/).
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
export SOURCE_DATE_EPOCH TZ=UTC LC_ALL=C
umask 022

ensure_packages "${BUILD_PACKAGES[@]}" dpkg-dev file zip nodejs lintian
[ "$msi" = no ] || ensure_packages g++-mingw-w64-x86-64-posix wixl faketime

work=$(mktemp -d "${TMPDIR:-/tmp}/untrain-release-XXXXXX")
trap 'rm -rf "$work"' EXIT
checkout=$PWD
src="$work/src"
mkdir "$src"
git ls-files -z | tar -c --null -T - | tar -x -C "$src"
# web-ext, for the store zips' lint, comes from the checkout's npm packages when they are installed.
[ ! -d node_modules ] || ln -s "$checkout/node_modules" "$src/node_modules"
version=$(sed -n 's/^project(untrain VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
rm -f "$out"/untrain[-_]"$version"[-_]* "$out/SHA256SUMS"

# The host and its .deb: a plain Release build, without the tests. The compiler writes no build path into it
# (-ffile-prefix-map in CMakeLists.txt), so this temporary folder's name does not matter.
cmake -S "$src" -B "$work/linux" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$work/linux" -j "$(nproc)" >/dev/null
(cd "$work/linux" && cpack -G DEB -B "$work/deb" >"$work/cpack.log") || { cat "$work/cpack.log" >&2; exit 1; }
cp "$work"/deb/untrain_*.deb "$out/"
lintian --fail-on error,warning "$out"/untrain_*.deb

# The store zips (dates fixed inside the script).
(cd "$src" && scripts/package-extension.sh "$out" >/dev/null)

if [ "$msi" = yes ]; then
  # The SQLite amalgamation is kept in the checkout's own cache (scripts/windows-deps.sh), made once.
  deps=$(scripts/windows-deps.sh | tail -n1)
  cmake -S "$src" -B "$work/windows" -G Ninja --toolchain "$src/cmake/mingw-w64-x86_64.cmake" -DCMAKE_BUILD_TYPE=Release \
        -DBUILD_TESTING=OFF -DUNTRAIN_WINDOWS_DEPS="$(dirname "$deps")" >/dev/null
  cmake --build "$work/windows" -j "$(nproc)" --target untrain >/dev/null
  cp "$("$src/scripts/windows-msi.sh" "$work/windows" | tail -n1)" "$out/"
fi

(cd "$out" && sha256sum -- untrain[-_]"$version"[-_]* >SHA256SUMS)
echo "built into $out:"
(cd "$out" && cat SHA256SUMS)
