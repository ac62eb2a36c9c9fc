#!/usr/bin/env bash
# `cmake --install` into an empty prefix installs exactly the binary, its bash, zsh and fish completions and
# man page (generated from its command line), the copyright file, the two manifest templates
# and the extension, and the installed binary runs.
set -euo pipefail
build=$1 source=$2
source "$(dirname "$0")/lib.sh"

prefix="$scratch/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

expected=$( { echo bin/untrain
              echo share/bash-completion/completions/untrain
              echo share/zsh/vendor-completions/_untrain
              echo share/fish/vendor_completions.d/untrain.fish
              echo share/man/man1/untrain.1.gz
              echo share/doc/untrain/copyright
              echo share/untrain/manifests/chromium.json.in
              echo share/untrain/manifests/firefox.json.in
              extension_files | sed 's|^|share/untrain/extension/|'; } | sort)
actual=$(cd "$prefix" && find . -type f -o -type l | sed 's|^\./||' | sort)
same_lists "installed files" "$expected" "$actual"

cmp "$source/manifests/chromium.json.in" "$prefix/share/untrain/manifests/chromium.json.in"
cmp "$source/extension/manifest.json" "$prefix/share/untrain/extension/manifest.json"
[ -x "$prefix/bin/untrain" ] || { echo "FAIL: bin/untrain is not executable" >&2; exit 1; }
"$prefix/bin/untrain" --version | grep -q '^untrain ' || { echo "FAIL: the installed untrain does not run" >&2; exit 1; }
# The completions and the man page are the ones the binary generates from its command line's definition.
for shell in bash zsh fish; do
  "$prefix/bin/untrain" completion "$shell" >"$scratch/completion.$shell"  # whole, before grep reads it (pipefail)
  grep -q 'status' "$scratch/completion.$shell" || { echo "FAIL: no $shell completion of status" >&2; exit 1; }
done
bash -n "$prefix/share/bash-completion/completions/untrain" || { echo "FAIL: the bash completion is not valid bash" >&2; exit 1; }
gzip -dc "$prefix/share/man/man1/untrain.1.gz" >"$scratch/untrain.1"; grep -q '^\.TH UNTRAIN 1' "$scratch/untrain.1" || { echo "FAIL: untrain.1.gz is not untrain(1)" >&2; exit 1; }
echo "ok: $(echo "$actual" | wc -l) files under the prefix"
