#!/usr/bin/env bash
# The files that must carry the version as a literal agree with its one source, CMake's project(untrain VERSION …):
# the extension's manifest (and so the store zips, which scripts/package-extension.sh names from it), package.json and
# package-lock.json. The .deb (CPack), the MSI (scripts/windows-msi.sh) and untrain --version read CMake's directly.
set -euo pipefail
version=$1 source=$2 untrain=$3

status=0
check() {
  local what=$1 found=$2
  if [ "$found" != "$version" ]; then
    echo "FAIL: $what says $found, CMakeLists.txt's project() says $version" >&2
    status=1
  fi
}
check extension/manifest.json "$(node -p 'require(process.argv[1]).version' "$source/extension/manifest.json")"
check package.json "$(node -p 'require(process.argv[1]).version' "$source/package.json")"
check package-lock.json "$(node -p 'const l = require(process.argv[1]); l.version + (l.packages[""].version === l.version ? "" : " and " + l.packages[""].version)' "$source/package-lock.json")"
check "untrain --version" "$("$untrain" --version | awk '{ print $2; exit }')"
[ "$status" -eq 0 ] && echo "ok: every version is $version"
exit "$status"
