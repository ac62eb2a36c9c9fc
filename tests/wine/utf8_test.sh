#!/usr/bin/env bash
# Paths outside ASCII on Windows, under Wine: a database in a folder named with é, 中 and 😀 (--db and UNTRAIN_DB), and
# a LOCALAPPDATA with é. An observe over pipes is committed there; `status`, `export -o` and `verify --file` find the
# files and print their names as they are (UTF-8), not in the ANSI code page.
set -euo pipefail
exe=$1
export WINEDEBUG=-all LC_ALL=C.UTF-8  # Wine reads the Unix arguments and environment in the locale's encoding
fail() { echo "FAIL: $*" >&2; exit 1; }
untrain() { wine "$exe" "$@" 2>&1 | tr -d '\r'; }
windows() { printf 'Z:%s' "${1//\//\\}"; }
origin=chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/

work=$(mktemp -d "${TMPDIR:-/tmp}/untrain-wine-utf8.XXXXXX")
trap 'rm -rf "$work"' EXIT
folder="$work/x-é-中-😀"
mkdir -p "$folder"
db="$(windows "$folder")\\trail-é.db"

# One observe over pipes (native messaging frames: a 4-byte length, then JSON); the reply says it was recorded. The
# host is started by the command given, else as `wine untrain.exe ORIGIN`.
observe() {
  [ $# -gt 0 ] || set -- wine "$exe" "$origin"
  python3 - <<'PY' | "$@" | python3 -c '
import json, struct, sys
data = sys.stdin.buffer.read()
n = struct.unpack("<I", data[:4])[0]
reply = json.loads(data[4:4 + n])
sys.exit(0 if reply.get("ok") is True else "observe failed: " + json.dumps(reply))'
import json, struct, sys
body = json.dumps({"id": 1, "type": "observe", "platform": "linkedin", "account": "jane-doe", "setting": "ai-training",
                   "value": True, "url": "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
                   "time": 1700000000001, "source": "page-load"}).encode()
sys.stdout.buffer.write(struct.pack("<I", len(body)) + body)
PY
}

UNTRAIN_DB=$db observe || fail "observe over pipes into $db"
[ -f "$folder/trail-é.db" ] || fail "no database at $folder/trail-é.db: $(ls -R "$work")"

out=$(untrain status --db "$db") || fail "status --db exited $?: $out"
grep -q "1 event\|events: 1\|1 observation" <<<"$out" || echo "note: status said: $out"
out=$(UNTRAIN_DB=$db untrain status) || fail "status with UNTRAIN_DB exited $?: $out"

out=$(untrain export --db "$db" -o "$(windows "$folder")\\r.json") || fail "export exited $?: $out"
[ -s "$folder/r.json" ] || fail "export wrote no $folder/r.json: $out"
grep -qF "x-é-中-😀\\r.json" <<<"$out" || fail "export did not print the path in UTF-8: $out"

out=$(untrain verify --file "$(windows "$folder")\\r.json") || fail "verify --file exited $?: $out"
echo "$out"

# LOCALAPPDATA outside ASCII: the default place is %LOCALAPPDATA%\untrain\untrain.db under that name. Wine sets
# LOCALAPPDATA from its prefix's profile in every process started from Linux, whatever the Linux environment says, so
# cmd sets it and starts untrain.exe from Windows.
local_app="$work/Local-José"
mkdir -p "$local_app"
# (Wine's cmd ignores the quoted form, set "NAME=value", before &&.)
in_local_app() { wine cmd /c "set LOCALAPPDATA=$(windows "$local_app")&& $(windows "$exe") $*"; }
observe in_local_app "$origin" || fail "observe with LOCALAPPDATA=$local_app"
[ -f "$local_app/untrain/untrain.db" ] || fail "no database under $local_app: $(ls -R "$work")"
out=$(in_local_app status 2>&1 | tr -d '\r') || fail "status with LOCALAPPDATA exited $?: $out"
grep -q "checked 2023-11-14" <<<"$out" || fail "status with LOCALAPPDATA did not read $local_app's trail: $out"
echo "ok: paths outside ASCII"
