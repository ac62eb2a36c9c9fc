#!/usr/bin/env bash
# CPack's .deb passes lintian with no error and no warning (the overrides, packaging/debian/lintian-overrides, say why
# each is there); the informational tags are printed, not failed on.
set -euo pipefail
build=$1 source=$2
source "$(dirname "$0")/lib.sh"

(cd "$build" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log" >&2; exit 1; }
deb=$(ls "$scratch"/out/untrain_*.deb)
# (--show-overrides would make lintian 2.116 exit 2 whenever a tag is overridden.)
lintian --display-info --fail-on error,warning "$deb"
echo "ok: lintian passes $(basename "$deb")"
