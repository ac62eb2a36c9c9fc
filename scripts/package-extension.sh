#!/usr/bin/env bash
# Builds the extension's store packages from extension/ into dist/ (or the folder given):
#   untrain-<version>-chrome.zip   for the Chrome Web Store
#   untrain-<version>-firefox.zip  for addons.mozilla.org, checked with `web-ext lint` (npm)
# Each holds extension/ with the manifest its store wants (scripts/store-manifest.js), and the project's LICENSE
# (Apache-2.0: neither store's manifest has a licence key; docs/release.md names the listing fields). File dates
# and order are fixed, so the same sources give the same zips.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
ensure_packages zip nodejs
command -v npm >/dev/null || ensure_packages npm
[ -x node_modules/.bin/web-ext ] || npm ci --no-audit --no-fund --loglevel=error

version=$(node -p 'require("./extension/manifest.json").version')
staging=$(mktemp -d "${TMPDIR:-/tmp}/untrain-extension-XXXXXX")
trap 'rm -rf "$staging"' EXIT

for store in chrome firefox; do
  dir="$staging/$store"
  cp -R extension "$dir"
  cp LICENSE "$dir/LICENSE"
  node scripts/store-manifest.js "$store" < extension/manifest.json > "$dir/manifest.json"
  find "$dir" -exec touch -h -d '2000-01-01 00:00:00 UTC' {} +
  zip_file="$out/untrain-$version-$store.zip"
  rm -f "$zip_file"
  (cd "$dir" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | TZ=UTC zip -q -X -D "$zip_file" -@)
  echo "built $zip_file"
done

# Warnings count as failures: a clean lint is what addons.mozilla.org reviews fastest.
node_modules/.bin/web-ext lint --source-dir "$staging/firefox" --warnings-as-errors --no-config-discovery --output text
