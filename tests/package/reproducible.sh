#!/usr/bin/env bash
# scripts/release.sh builds the commit again, from a copy of its files in a temporary folder, and its .deb and store
# zips are byte-identical to the ones made from this build folder with the same SOURCE_DATE_EPOCH: neither the source
# nor the build folder's path, nor the time of the build, gets into them. (The MSI needs the Windows build and is
# checked by hand, docs/release.md.)
set -euo pipefail
build=$1 source=$2
source "$(dirname "$0")/lib.sh"
SOURCE_DATE_EPOCH=$(git -C "$source" log -1 --format=%ct)
export SOURCE_DATE_EPOCH

# The first: this build folder's host, packaged now, and the zips.
mkdir "$scratch/here"
(cd "$build" && cpack -G DEB -B "$scratch/cpack" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log" >&2; exit 1; }
cp "$scratch"/cpack/untrain_*.deb "$scratch/here/"
"$source/scripts/package-extension.sh" "$scratch/here" >/dev/null
# The second: the release script, from scratch (the working tree's files, committed or not).
UNTRAIN_RELEASE_DIRTY=1 "$source/scripts/release.sh" --no-msi "$scratch/release" >/dev/null

(cd "$scratch/release" && sha256sum -c SHA256SUMS >/dev/null) || { echo "FAIL: SHA256SUMS does not match the files" >&2; exit 1; }
same_lists "artifacts" "$(ls "$scratch/here")" "$(ls "$scratch/release" | grep -v '^SHA256SUMS$')"
status=0
for file in "$scratch"/here/*; do
  if ! cmp "$file" "$scratch/release/$(basename "$file")"; then
    status=1
    case $file in
      *.deb) diff <(dpkg-deb -c "$file") <(dpkg-deb -c "$scratch/release/$(basename "$file")") >&2 || true ;;
      *.zip) diff <(unzip -lv "$file") <(unzip -lv "$scratch/release/$(basename "$file")") >&2 || true ;;
    esac
  fi
done
[ "$status" -eq 0 ] || { echo "FAIL: the two builds differ" >&2; exit 1; }
echo "ok: $(ls "$scratch/here" | tr '\n' ' ')identical"
