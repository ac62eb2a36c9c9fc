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
# status only reads: it creates no database (docs/security.md); the first observation from the browser does.
[ ! -e "$home/.local/share/untrain/untrain.db" ] || fail "untrain status created a database"
HOME="$home" node -e '
  const { spawnSync } = require("child_process");
  const body = Buffer.from(JSON.stringify({ id: 1, type: "observe", platform: "linkedin", account: "jane-doe",
    setting: "ai-training", value: true, time: Date.now(), source: "page-load",
    url: "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement" }));
  const frame = Buffer.alloc(4 + body.length);
  frame.writeUInt32LE(body.length, 0);
  body.copy(frame, 4);
  const run = spawnSync(process.argv[1], ["chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/"], { input: frame });
  const reply = JSON.parse(run.stdout.subarray(4).toString());
  if (run.status !== 0 || reply.ok !== true) { console.error(run.status, reply, String(run.stderr)); process.exit(1); }
' "$untrain" || fail "the host, started as a browser starts it, did not store an observation"
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
