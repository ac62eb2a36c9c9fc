#!/usr/bin/env bash
# Builds the extension's toolbar and store icons (extension/icons/icon-{16,32,48,128}.png) from the SVG sources in
# extension/icons/src/ with rsvg-convert (Debian: librsvg2-bin). The PNGs are committed, so the extension loads unbuilt;
# run this after changing a source.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "icons.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 1; }
src=extension/icons/src
out=extension/icons
# 16 px has its own drawing; the larger sizes scale the full one.
rsvg-convert -w 16 -h 16 "$src/icon-16.svg" -o "$out/icon-16.png"
for size in 32 48 128; do
  rsvg-convert -w "$size" -h "$size" "$src/icon.svg" -o "$out/icon-$size.png"
done
echo "icons.sh: wrote $out/icon-{16,32,48,128}.png"
