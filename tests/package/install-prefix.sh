#!/usr/bin/env bash
# `cmake --install` into an empty prefix installs exactly the binary, the two manifest templates
# and the extension, and the installed binary runs.
set -euo pipefail
build=$1 source=$2
source "$(dirname "$0")/lib.sh"

prefix="$scratch/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

expected=$( { echo bin/untrain
              echo share/untrain/manifests/chromium.json.in
              echo share/untrain/manifests/firefox.json.in
              extension_files | sed 's|^|share/untrain/extension/|'; } | sort)
actual=$(cd "$prefix" && find . -type f -o -type l | sed 's|^\./||' | sort)
same_lists "installed files" "$expected" "$actual"

cmp "$source/manifests/chromium.json.in" "$prefix/share/untrain/manifests/chromium.json.in"
cmp "$source/extension/manifest.json" "$prefix/share/untrain/extension/manifest.json"
[ -x "$prefix/bin/untrain" ] || { echo "FAIL: bin/untrain is not executable" >&2; exit 1; }
"$prefix/bin/untrain" --version | grep -q '^untrain ' || { echo "FAIL: the installed untrain does not run" >&2; exit 1; }
echo "ok: $(echo "$actual" | wc -l) files under the prefix"
