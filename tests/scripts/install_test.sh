#!/usr/bin/env bash
# scripts/install.sh, run as a new user would run it (a fresh HOME, a chromium on PATH), leaves a
# working `untrain` in $PREFIX/bin and a host manifest that names it and our extension.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

HOME="$home" PREFIX="$home/.local" bash "$root/scripts/install.sh" >"$home/install.log" 2>&1 \
  || { cat "$home/install.log"; fail "install.sh exited non-zero"; }

untrain="$home/.local/bin/untrain"
[ -x "$untrain" ] || fail "no executable $untrain"
"$untrain" --version | grep -q '^untrain ' || fail "untrain --version"
HOME="$home" "$untrain" status >/dev/null || fail "untrain status"
[ "$(stat -c %a "$home/.local/share/untrain")" = 700 ] || fail "database folder is not 0700"
[ "$(stat -c %a "$home/.local/share/untrain/untrain.db")" = 600 ] || fail "database file is not 0600"

manifest="$home/.config/chromium/NativeMessagingHosts/org.untrain.host.json"
[ -f "$manifest" ] || fail "no manifest at $manifest"
node -e '
  const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ok = m.name === "org.untrain.host" && m.type === "stdio" && m.path === process.argv[2]
    && JSON.stringify(m.allowed_origins) === JSON.stringify(["chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/"]);
  if (!ok) { console.error(m); process.exit(1); }' "$manifest" "$untrain" || fail "manifest content"
grep -q "Load unpacked" "$home/install.log" || fail "install.sh did not say how to load the extension"
echo "install.sh: ok"
