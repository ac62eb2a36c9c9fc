#!/usr/bin/env bash
# `untrain install`, `doctor` and `uninstall` on Windows, under Wine, against Wine's registry (`wine reg query`), as a
# member runs them after the MSI or from the zip: every browser's key under HKEY_CURRENT_USER names the manifest,
# doctor finds nothing wrong (and starts the host as each browser would), a missing key is a problem with its fix,
# and uninstall leaves no key and no manifest behind.
set -euo pipefail
exe=$1
export WINEDEBUG=-all
fail() { echo "FAIL: $*" >&2; exit 1; }
untrain() { wine "$exe" "$@"; }
default_value() { wine reg query "$1" /ve 2>/dev/null | tr -d '\r' | awk -F'REG_SZ' '/REG_SZ/ { sub(/^[ \t]+/, "", $2); print $2 }'; }

keys=(
  'HKCU\Software\Chromium\NativeMessagingHosts\org.untrain.host'
  'HKCU\Software\Google\Chrome\NativeMessagingHosts\org.untrain.host'
  'HKCU\Software\Microsoft\Edge\NativeMessagingHosts\org.untrain.host'
  'HKCU\Software\Mozilla\NativeMessagingHosts\org.untrain.host'
)

out=$(untrain install --browser all) || fail "install exited $?: $out"
echo "$out"
for browser in chromium chrome edge brave vivaldi opera firefox; do
  grep -q "^$browser: " <<<"$out" || fail "install did not register $browser"
done
for key in "${keys[@]}"; do
  value=$(default_value "$key")
  [ -n "$value" ] || fail "no default value at $key"
  unix=$(wine winepath -u "$value" 2>/dev/null | tr -d '\r')
  [ -f "$unix" ] || fail "$key names $value, which does not exist"
  grep -q '"name": *"org.untrain.host"' "$unix" || fail "$value is not untrain's manifest"
  case $key in
    *Mozilla*) grep -q '"allowed_extensions"' "$unix" || fail "$value is not a Firefox manifest" ;;
    *) grep -q '"allowed_origins"' "$unix" || fail "$value is not a Chromium manifest" ;;
  esac
done

# Installing again changes nothing.
again=$(untrain install --browser all)
grep -q "wrote" <<<"$again" && fail "a second install rewrote a manifest: $again"

report=$(untrain doctor) || fail "doctor exited $? on a fresh install: $report"
grep -q "No problems found" <<<"$report" || fail "doctor: $report"
grep -q "HKEY_CURRENT_USER.SOFTWARE.Google.Chrome.NativeMessagingHosts.org.untrain.host names" <<<"$report" ||
  fail "doctor did not check Chrome's registry key: $report"
grep -q "started as Google Chrome starts it" <<<"$report" || fail "doctor did not start the host as Chrome: $report"
grep -q "started as Firefox starts it" <<<"$report" || fail "doctor did not start the host as Firefox: $report"

# A key removed behind untrain's back: doctor says so, with the command that puts it back.
wine reg delete 'HKCU\Software\Microsoft\Edge\NativeMessagingHosts\org.untrain.host' /f >/dev/null 2>&1
status=0
report=$(untrain doctor --browser edge) || status=$?
[ "$status" -ne 0 ] || fail "doctor exited 0 with Edge's key missing"
grep -q "PROBLEM.*Edge.NativeMessagingHosts.org.untrain.host is missing" <<<"$report" || fail "doctor: $report"
grep -q "fix: untrain install --browser edge" <<<"$report" || fail "doctor gave no fix: $report"

out=$(untrain uninstall --browser all) || fail "uninstall exited $?: $out"
for key in "${keys[@]}"; do
  [ -z "$(default_value "$key")" ] || fail "uninstall left $key"
done
local_app=$(wine cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')
folder=$(wine winepath -u "$local_app\\untrain\\NativeMessagingHosts" 2>/dev/null | tr -d '\r')
[ -z "$(find "$folder" -type f 2>/dev/null)" ] || fail "uninstall left $(find "$folder" -type f)"
echo "install, doctor and uninstall: ok"
