#!/usr/bin/env bash
# scripts/package-extension.sh builds one zip per store from extension/, each with every extension
# file, the manifest that store wants and the project's LICENSE; `web-ext lint` passes on the Firefox one (the script
# fails otherwise), and the same sources give byte-identical zips.
set -euo pipefail
build=$1 source=$2
source "$(dirname "$0")/lib.sh"

"$source/scripts/package-extension.sh" "$scratch/one" >"$scratch/log" 2>&1 || { cat "$scratch/log" >&2; exit 1; }
"$source/scripts/package-extension.sh" "$scratch/two" >/dev/null 2>&1
version=$(node -p "require('$source/extension/manifest.json').version")

for store in chrome firefox; do
  zip="$scratch/one/untrain-$version-$store.zip"
  same_lists "files in the $store zip" "$( { extension_files; echo LICENSE; } | sort)" "$(unzip -Z1 "$zip" | sort)"
  cmp "$source/LICENSE" <(unzip -p "$zip" LICENSE) || { echo "FAIL: the $store zip's LICENSE is not the project's" >&2; exit 1; }
  cmp "$zip" "$scratch/two/untrain-$version-$store.zip" || { echo "FAIL: the $store zip is not reproducible" >&2; exit 1; }
  unzip -p "$zip" manifest.json > "$scratch/$store.json"
done

check() {  # check FILE JS-EXPRESSION-ON-m DESCRIPTION
  node -e "const m = require('$1'); if (!($2)) { console.error('FAIL: $3'); process.exit(1); }"
}
check "$scratch/chrome.json" "m.key === undefined && m.browser_specific_settings === undefined" "the Chrome Web Store manifest has a key or Firefox settings"
check "$scratch/chrome.json" "m.background.service_worker === 'background/background.js'" "the Chrome manifest lost its service worker"
check "$scratch/firefox.json" "m.key === undefined && m.background.service_worker === undefined" "the AMO manifest has a key or a service worker"
check "$scratch/firefox.json" "m.background.scripts.length > 0 && m.browser_specific_settings.gecko.id === 'untrain@untrain.org'" "the AMO manifest lost its background scripts or add-on id"
grep -q 'warnings *0' "$scratch/log" || { echo "FAIL: web-ext lint did not report 0 warnings" >&2; cat "$scratch/log" >&2; exit 1; }
echo "ok: $(ls "$scratch/one")"
